import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestSeeds } from './search-fixture.js';
import { mark, renderSearchText } from '../src/render/search.js';
import type { SearchResult } from '../src/search/types.js';
import { corpus, ingestTexts, ROOT } from './helpers.js';
import { openDatabase } from '../src/store/db.js';
import { integrityProblems, revertToSchema17 } from '../src/store/inspect.js';

describe('corpus search (CLI)', () => {
  let db: string;

  beforeAll(() => {
    db = ingestSeeds();
  });

  it('prints ranked hits with date, path, snippet and [marked] matches when piped; exit 0', () => {
    const run = corpus(['search', 'DPRK', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^3 documents match "DPRK" or mention North Korea; showing 1–3:/);
    expect(run.stdout).toMatch(/^ {2}1\. .*\n {5}seeds\/000_0e46633eb7241598\.txt\n {5}.*\[DPRK\]/m);
    expect(run.stdout).toContain('[North Korea]');
    expect(run.stdout).toMatch(/entities: North Korea \(COUNTRY, \d+×\)/);
    expect(run.stdout).not.toContain('\x1b[');
  });

  it('--json gives scores, snippets with highlight offsets and matched entities', () => {
    const run = corpus(['search', 'Kim Jong-un', '--db', db, '--json', '--limit', '1']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.total).toBe(2);
    expect(result.hits).toHaveLength(1);
    const hit = result.hits[0];
    expect(hit.rank).toBe(1);
    expect(typeof hit.score).toBe('number');
    const [s, e] = hit.highlights[0];
    expect(hit.snippet.slice(s, e)).toMatch(/^Kim Jong.Un$/i);
    expect(hit.entities[0]).toMatchObject({ name: 'Kim Jong Un', type: 'PERSON' });
  });

  it('pages with --offset and keeps the total', () => {
    const run = corpus(['search', 'DPRK', '--db', db, '--json', '--offset', '2']);
    const result = JSON.parse(run.stdout);
    expect(result.total).toBe(3);
    expect(result.hits.map((h: { rank: number }) => h.rank)).toEqual([3]);
  });

  it('shows at most 10,000 hits at a time, and says how to page on', () => {
    // Was a crash at a million articles (a stack overflow, exit 70) or minutes and gigabytes.
    const over = corpus(['search', 'DPRK', '--db', db, '--limit', '1000000']);
    expect(over.code).toBe(2);
    expect(over.stdout).toBe('');
    expect(over.stderr).toBe(
      'corpus: --limit is at most 10,000 hits at a time, got 1000000; page on with --offset (--offset 10000 --limit 10000 shows the next ones)\n',
    );
    const most = corpus(['search', 'DPRK', '--db', db, '--json', '--limit', '10000']);
    expect(most.code).toBe(0);
    expect(JSON.parse(most.stdout).hits).toHaveLength(3);
    // 0 asks only how many (it said "none from 1 on").
    const count = corpus(['search', 'DPRK', '--db', db, '--limit', '0']);
    expect(count.code).toBe(0);
    expect(count.stdout).toMatch(/^3 documents match [^;]*\.\n$/);
  });

  it('exits 1 with a plain message when nothing matches', () => {
    const run = corpus(['search', 'zzyzx', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('corpus: no documents match "zzyzx"\n');
    // Punctuation alone is no query at all: the user's to fix (2), said in the same one line.
    const punct = corpus(['search', '--db', db, '--', '?!*']);
    expect(punct.code).toBe(2);
    expect(punct.stderr).toBe('corpus: the query has no words to search for\n');
  });

  it('says "showing results for" when it corrected a typo', () => {
    const run = corpus(['search', 'denuclearizaton', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Showing results for "denuclearization"/);
  });

  it('filters by entity, date and source, with or without words', () => {
    const run = corpus(['search', '--entity', 'DPRK', '--source', 'yonhap', '--from', '2018-12', '--db', db, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.hits.map((h: { path: string }) => path.basename(h.path))).toEqual(['004_ddf39e30f6a337f9.txt']);
  });

  it('reads a date typed in the query as the publication dates, and says so', () => {
    const run = corpus(['search', 'DPRK in December 2018', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      "Note: read 'in December 2018' as dated from 2018-12-01 to 2018-12-31 (quote it to search for the words).",
      '1 document matches "DPRK" or mentions North Korea; showing 1–1:',
    ]);
    expect(run.stdout).toMatch(/2018-12-18 · Yonhap/);
  });

  it('exits 1 for an unknown entity', () => {
    const run = corpus(['search', 'summit', '--entity', 'Atlantis', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^corpus: no entity named 'Atlantis'/);
  });

  it('exits 2 for usage errors, with one line', () => {
    for (const args of [
      ['search'],
      ['search', 'x', '--type', 'ANIMAL', '--entity', 'x'],
      ['search', 'x', '--type', 'PERSON'],
      ['search', 'x', '--from', 'yesterday'],
      ['search', 'x', '--limit', '-3'],
      ['search', 'x', '--limit', ''],
      // Nothing to search for and no filter: the command is what needs fixing, as with no words at all.
      ['search', ''],
      ['search', '"'],
      ['search', '--', '-x'],
      ['search', 'x', '--tag', ''],
      ['search', 'x', '--limit', '0x10'],
      ['search', 'x', '--db', path.join(ROOT, 'no-such.db')],
    ]) {
      const run = corpus([...args, ...(args.includes('--db') ? [] : ['--db', db])]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    }
  });

  it('reads a count past any corpus as a usage error or as the end, never as a database error', () => {
    const run = corpus(['search', 'summit', '--limit', '99999999999999999999', '--json', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^corpus: --limit is at most 10,000 hits at a time, got 99999999999999999999;/);
    const past = corpus(['search', 'summit', '--offset', '99999999999999999999', '--json', '--db', db]);
    expect(past.code, past.stderr).toBe(0);
    const result = JSON.parse(past.stdout);
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits).toEqual([]);
  });

  it('has help that explains the query language and ends with an example', () => {
    const run = corpus(['search', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/-word, NOT word/);
    expect(run.stdout).toMatch(/\[in brackets\]/);
    expect(run.stdout).toMatch(/An acronym in capitals \(AIDS, WHO\)/);
    expect(run.stdout.trimEnd()).toMatch(/Example:\n {2}corpus search .*$/);
  });

  it('loads neither natural nor the analyzer on the search path', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = fs.readFileSync(file, 'utf8');
      // static imports only: lazy `await import()` is not followed
      for (const m of source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)) {
        const spec = m[1];
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
        else seen.add(spec);
      }
    };
    for (const entry of ['src/cli/search.js', 'src/search/search.js', 'src/render/search.js', 'src/store/db.js'])
      visit(path.join(ROOT, 'dist', entry));
    const loaded = [...seen].map((f) => path.relative(path.join(ROOT, 'dist'), f));
    expect(loaded.filter((f) => /natural|nlp\/analyze|nlp\/entities|chrono|cheerio/.test(f))).toEqual([]);
  });
});

describe('a text file header in search', () => {
  it("indexes a text file's story, not its headline and header lines, and marks matches where they are", () => {
    const story = 'Producers met in London on the cocoa pact.\nTalks resume in April.\n';
    const { db, ingest } = ingestTexts({
      'a.txt': `COCOA TALKS END\ndate 1987-03-02\nSource: Reuters\n\n${story}`,
      'b.md': '# Cocoa stocks rise\n\nWarehouse stocks of cocoa rose in 1987, traders said.\n',
    });
    expect(ingest.code).toBe(0);
    const search = (q: string) => JSON.parse(corpus(['search', q, '--db', db, '--json']).stdout);
    // `1987` only in a.txt's header: b.md's story says it.
    expect(search('1987').hits.map((h: { path: string }) => path.basename(h.path))).toEqual(['b.md']);
    expect(search('date').total).toBe(0);
    expect(search('reuters').total).toBe(0);
    // The headline is found as a title, once, and the body's marks are offsets into the whole body.
    const talks = search('talks');
    expect(talks.total).toBe(1);
    expect(talks.hits[0].titleHighlights).toEqual([[6, 11]]);
    const body = fs.readFileSync(talks.hits[0].path, 'utf8');
    expect(talks.hits[0].bodyHighlights.map(([s, e]: [number, number]) => body.slice(s, e))).toEqual(['Talks']);
    expect(talks.hits[0].snippet).toContain('Talks resume');

    // A database indexed before (whole bodies) is read for its stories' starts by the next ingest.
    const store = openDatabase(db);
    revertToSchema17(store);
    store.close();
    expect(corpus(['ingest', path.dirname(talks.hits[0].path), '--db', db, '-q']).code).toBe(0);
    expect(search('date').total).toBe(0);
    expect(search('cocoa').total).toBe(2);
    const upgraded = openDatabase(db);
    expect(integrityProblems(upgraded)).toEqual([]);
    upgraded.close();
  });
});

describe('search rendering', () => {
  it('marks matches bold on a colour terminal and [in brackets] otherwise', () => {
    expect(
      mark(
        'the Hanoi summit',
        [
          [4, 9],
          [10, 16],
        ],
        true,
      ),
    ).toBe('the \x1b[1mHanoi\x1b[22m \x1b[1msummit\x1b[22m');
    expect(
      mark(
        'the Hanoi summit',
        [
          [4, 9],
          [10, 16],
        ],
        false,
      ),
    ).toBe('the [Hanoi] [summit]');
  });

  it('shows rank, date, source, title, relative path, snippet and entities', () => {
    const result: SearchResult = {
      query: 'summit',
      correctedQuery: null,
      corrections: [],
      didYouMean: null,
      suggestions: [],
      match: '"summit"',
      total: 12,
      totalEstimated: false,
      offset: 0,
      limit: 1,
      queryEntities: [],
      nameAlone: false,
      filterEntities: [],
      reason: null,
      notices: [],
      leftOut: [],
      searchedFor: null,
      dates: null,
      hits: [
        {
          rank: 1,
          id: 7,
          externalId: null,
          score: 3.2,
          similar: 0,
          date: '2019-02-15',
          source: 'Reuters',
          title: 'Summit in Hanoi',
          path: '/data/news/a.txt',
          snippet: 'a second summit in Hanoi',
          highlights: [[9, 15]],
          titleHighlights: [[0, 6]],
          bodyHighlights: [[9, 15]],
          entities: [{ id: 1, kind: 'entity', type: 'PLACE', name: 'Hanoi', mentions: 2 }],
        },
      ],
    };
    expect(renderSearchText(result, { colour: false, cwd: '/data' })).toBe(
      '12 documents match "summit"; showing 1–1:\n\n' +
        '  1. 2019-02-15 · Reuters · [Summit] in Hanoi\n' +
        '     news/a.txt\n' +
        '     a second [summit] in Hanoi\n' +
        '     entities: Hanoi (PLACE, 2×)\n',
    );
    // The articles of one summit make an event each: the header names them once, with their number.
    const venice = (id: number) => ({ id, kind: 'event' as const, type: 'EVENT' as const, name: 'Venice summit' });
    const named = renderSearchText(
      {
        ...result,
        query: 'Venice summit',
        queryEntities: [venice(1), venice(2), venice(3)],
        nameAlone: true,
        hits: [],
      },
      { colour: false, cwd: '/data' },
    );
    expect(named.split('\n')[0]).toBe(
      '12 documents match "Venice summit" or mention Venice summit (3 events); none from 1 on.',
    );
    // A name beside other words is no alternative to them: the header says the name may be a mention.
    const japan = { id: 9, kind: 'entity' as const, type: 'COUNTRY' as const, name: 'Japan' };
    const withWords = renderSearchText(
      { ...result, query: 'Japan trade', queryEntities: [japan], nameAlone: false, hits: [] },
      { colour: false, cwd: '/data' },
    );
    expect(withWords.split('\n')[0]).toBe(
      '12 documents match "Japan trade" (Japan by name or mention); none from 1 on.',
    );
    // A question: the header says what had to match, after the note on the words left out.
    const asked = renderSearchText(
      {
        ...result,
        query: 'when was the summit',
        leftOut: ['when', 'was', 'the'],
        searchedFor: 'summit',
        notices: ['matched without the common words when, was, the (quote a phrase to require them)'],
        hits: [],
      },
      { colour: false, cwd: '/data' },
    );
    expect(asked.split('\n').slice(0, 2)).toEqual([
      'Note: matched without the common words when, was, the (quote a phrase to require them).',
      '12 documents match "summit"; none from 1 on.',
    ]);
    // An estimated total says so; a floor (counting stopped, the estimate said fewer) says that.
    const large = { ...result, total: 50_001, totalEstimated: true, hits: [] };
    expect(renderSearchText(large, { colour: false, cwd: '/data' }).split('\n')[0]).toBe(
      'about 50,001 documents match "summit"; none from 1 on.',
    );
    expect(renderSearchText({ ...large, totalAtLeast: true }, { colour: false, cwd: '/data' }).split('\n')[0]).toBe(
      'at least 50,001 documents match "summit"; none from 1 on.',
    );
  });
});
