import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../src/store/db.js';
import { exitCode, search } from '../src/search/search.js';
import type { SearchOptions } from '../src/search/types.js';
import { ingestSeeds } from './search-fixture.js';
import { corpus } from './helpers.js';

/** A small deterministic PRNG, so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  '"',
  '"',
  "'",
  '’',
  '“',
  '”',
  '«',
  '»',
  '-',
  '--',
  '−',
  '*',
  '**',
  '(',
  ')',
  ':',
  '^',
  '+',
  '|',
  '&',
  '!',
  '?',
  '.',
  ',',
  ';',
  '\\',
  '/',
  '%',
  '#',
  '@',
  '$',
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '=',
  '~',
  '`',
  'OR',
  'AND',
  'NOT',
  'NEAR',
  'NEAR(',
  'or',
  'and',
  'not',
  'title:',
  'body:',
  '{title}',
  'rowid',
  'MATCH',
  "'; DROP TABLE documents; --",
  'summit',
  'Hanoi',
  'DPRK',
  'North Korea',
  'Kim Jong-un',
  "DPRK's",
  'U.S.-ROK',
  'Trump',
  'denucleariztion',
  'presidnet',
  'summ*',
  'Pyongyang',
  // dates typed in a question (query-dates.ts)
  'in',
  'on',
  'since',
  'from',
  'to',
  'February',
  'june',
  'Feb.',
  '27,',
  '2019',
  'mid-2019',
  'late',
  '😀',
  '🇰🇵',
  '👩‍👩‍👧',
  '\u0301',
  'é',
  'Kaesŏng',
  '北朝鮮',
  'كوريا',
  'עברית',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r\n',
  '\ud800',
  '\udfff',
  '\ue000',
  '\ue001',
  '\uffff',
  ' ',
  ' ',
  ' ',
  '  ',
  '0',
  '42',
  '2019-02-27',
  '1e308',
  '-1',
  'NaN',
];

function randomQuery(next: () => number): string {
  const r = next();
  if (r < 0.03) return ''.padEnd(Math.floor(next() * 12000), FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]);
  if (r < 0.06) {
    // random code points, surrogates included
    let s = '';
    const n = Math.floor(next() * 40);
    for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(next() * 0x10000));
    return s;
  }
  const n = 1 + Math.floor(next() * (r < 0.1 ? 400 : 10));
  let s = '';
  for (let i = 0; i < n; i++) s += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] + (next() < 0.5 ? ' ' : '');
  return s;
}

function randomOptions(next: () => number): SearchOptions {
  const options: SearchOptions = { limit: Math.floor(next() * 5), offset: Math.floor(next() * 3) };
  if (next() < 0.15)
    options.entities = [['North Korea', 'DPRK', 'Trump', 'Nobody', 'Kim Jong-un'][Math.floor(next() * 5)]];
  if (next() < 0.1) options.from = '2018-06';
  if (next() < 0.1) options.to = '2019';
  if (next() < 0.1) options.source = next() < 0.5 ? 'Yonhap' : 'Nobody';
  return options;
}

describe('no query ever fails', () => {
  let file: string;
  let db: Store;

  beforeAll(() => {
    file = ingestSeeds();
    db = openDatabase(file, { readonly: true });
  });
  afterAll(() => db?.close());

  it('thousands of random strings: no error, exit 0 or 1, sane hits', () => {
    const next = prng(20260227);
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const query = randomQuery(next);
      const options = randomOptions(next);
      let result: ReturnType<typeof search>;
      try {
        result = search(db, query, options);
      } catch (error) {
        throw new Error(
          `query #${i} ${JSON.stringify(query.slice(0, 200))} ${JSON.stringify(options)} threw: ${(error as Error).message}`,
        );
      }
      // 2 only for a query with nothing to search for, and said so.
      if (exitCode(result) === 2) expect(result.reason).toMatch(/no words to search for|only excludes words/);
      else expect([0, 1]).toContain(exitCode(result));
      expect(result.hits.length).toBeLessThanOrEqual(options.limit!);
      expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
      for (const hit of result.hits) {
        for (const [s, e] of hit.highlights) expect(0 <= s && s < e && e <= hit.snippet.length).toBe(true);
      }
      if (result.hits.length > 0) found++;
    }
    // The generator must reach real matches too, not only garbage.
    expect(found).toBeGreaterThan(100);
  });

  it('a handful through the real CLI exit 0 or 1 (2 for nothing to search for) with no internal error', () => {
    const next = prng(7);
    const queries = [
      '"',
      '"Hanoi summit',
      'OR',
      'AND NOT',
      '*',
      '-',
      '-DPRK',
      'NEAR(a b)',
      "'; DROP TABLE documents; --",
      '😀 🇰🇵',
      'x'.repeat(10000),
      randomQuery(next),
      randomQuery(next),
    ];
    for (const q of queries) {
      const run = corpus(['search', '--db', file, '--', q]);
      if (run.code === 2)
        expect(run.stderr).toMatch(/^corpus: the query (has no words to search for|only excludes words)/);
      else expect([0, 1], `${JSON.stringify(q.slice(0, 80))}: ${run.stderr}`).toContain(run.code);
      expect(run.stderr).not.toMatch(/internal error|SqliteError|fts5/i);
    }
  });
});
