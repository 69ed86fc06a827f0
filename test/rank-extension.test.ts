import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRankFunction, openDatabase, sqlite, type Store } from '../src/store/db.js';
import { search } from '../src/search/search.js';
import { bothBm25, indexTotals } from '../src/store/ranking.js';
import { ftsMatchCount } from '../src/store/inspect.js';
import { tempDir } from './helpers.js';
import { SearchFixture } from './search-fixture.js';

// The ranking extension (native/corpus_rank.c) that `npm install` builds: stage one's bm25 with the
// phrases' document counts handed in, instead of FTS5's bm25() counting them over whole doclists.

const TOPICS = ['oil', 'wheat', 'coffee', 'interest rates', 'trade'];

describe('the ranking extension', () => {
  let fx: SearchFixture;
  let file: string;

  beforeAll(() => {
    file = path.join(tempDir('corpus-rank-ext-'), 'rank.db');
    fx = new SearchFixture(file);
    // Documents of different lengths, words and repetitions, so that idf, length and frequency all
    // move the scores.
    for (let i = 0; i < 60; i++) {
      const topic = TOPICS[i % TOPICS.length];
      const other = TOPICS[(i * 7 + 3) % TOPICS.length];
      const body = Array.from(
        { length: 1 + (i % 4) },
        (_, k) => `The ${topic} market moved ${k} times as ${other} dealers said prices of ${topic} rose.`,
      ).join(' ');
      fx.doc(
        { path: `d${i}.txt`, title: i % 3 === 0 ? `${topic.toUpperCase()} PRICES` : null, date: '1987-03-02' },
        body,
      );
    }
  });
  afterAll(() => fx.close());

  it('is built at install and loads into a connection', () => {
    expect(hasRankFunction(sqlite(fx.db))).toBe(true);
  });

  /** Each match's bm25() and corpus_bm25 with `counts`, by document. */
  const scores = (match: string, counts: string) => bothBm25(fx.db, match, counts, 2);
  const documentsOf = (match: string) => ftsMatchCount(fx.db, match);

  it('scores exactly as bm25() given the counts bm25() finds, and counts what it is not given as bm25() does', () => {
    hasRankFunction(sqlite(fx.db));
    const exact = `oil\t${documentsOf('oil')}\nprice\t${documentsOf('price')}\ninterest rate\t${documentsOf('"interest rates"')}`;
    for (const [match, counts] of [
      ['oil prices', exact],
      ['"interest rates" OR wheat', exact], // wheat not listed: counted
      ['coffee OR trade', ''], // nothing listed
    ]) {
      const rows = scores(match, counts);
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) expect(row.ours).toBeCloseTo(row.fts5, 12);
    }
  });

  it('takes the idf from the counts it is given (a listed phrase is not counted again)', () => {
    hasRankFunction(sqlite(fx.db));
    const n = indexTotals(fx.db).documents;
    const rows = scores('"interest rates"', 'interest rate\t1');
    const rarer = Math.log((n - 1 + 0.5) / (1 + 0.5));
    const counted = Math.log((n - documentsOf('"interest rates"') + 0.5) / (documentsOf('"interest rates"') + 0.5));
    // bm25 is linear in the idf of a query of one phrase.
    for (const row of rows) expect(row.ours / row.fts5).toBeCloseTo(rarer / counted, 9);
  });

  it("ranks a search as FTS5's bm25() ranks it, hits and scores alike", () => {
    const queries = [
      'oil prices',
      '"interest rates"',
      'coffee -wheat',
      'trade OR wheat',
      'pric*',
      'dealers said',
      'prices price*',
    ];
    const run = (store: Store) => queries.map((q) => search(store, q, { limit: 20 }));
    const withExtension = run(fx.db);
    process.env.CORPUS_NO_RANK_EXTENSION = '1';
    const plain = openDatabase(file, { readonly: true });
    try {
      expect(hasRankFunction(sqlite(plain))).toBe(false);
      const without = run(plain);
      for (const [i, result] of withExtension.entries()) {
        expect(result.total).toBeGreaterThan(0);
        expect(result.hits.map((h) => [h.id, h.score])).toEqual(without[i].hits.map((h) => [h.id, h.score]));
      }
    } finally {
      delete process.env.CORPUS_NO_RANK_EXTENSION;
      plain.close();
    }
  });
});
