import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRankFunction, openDatabase, sqlite } from '../src/store/db.js';
import { docsizeTokens, lengthDisagreements } from '../src/store/doc-lengths.js';
import { integrityProblems, overwriteDocumentLength, revertToSchema19 } from '../src/store/inspect.js';
import { bothBm25 } from '../src/store/ranking.js';
import { corpus, tempDir, write } from './helpers.js';
import { SearchFixture } from './search-fixture.js';

// Ranking reads each document's length from doc_lengths (src/store/doc-lengths.ts), a row per 4,096
// documents, instead of FTS5's docsize table, a seek per match: the lengths must be FTS5's, after
// every way a document enters or leaves the index, and a database made before them must rank the
// same until and after its next ingest fills them.

describe('document lengths for ranking', () => {
  it("reads FTS5's varints, one per column, summed", () => {
    expect(docsizeTokens(Uint8Array.from([3, 0x81, 0x00]))).toBe(3 + 128);
    expect(docsizeTokens(Uint8Array.from([0x82, 0x80, 0x01, 7]))).toBe(2 * 128 * 128 + 1 + 7);
    expect(docsizeTokens(Uint8Array.from([]))).toBe(0);
  });

  it('are what the ranking extension scores with, and are the index own lengths', () => {
    const fx = new SearchFixture(path.join(tempDir('corpus-lengths-'), 'l.db'));
    try {
      const ids = [
        fx.doc({ path: 'a.txt', title: 'Oil prices' }, 'Oil prices rose as oil dealers said supply fell.'),
        fx.doc({ path: 'b.txt' }, `Wheat and oil. ${'Dealers met in London and talked. '.repeat(40)}`),
        fx.doc({ path: 'c.txt', title: 'OIL' }, 'Oil.'),
      ];
      // Documents without the word, so that its idf is not floored.
      for (let i = 0; i < 6; i++) fx.doc({ path: `w${i}.txt` }, `Wheat harvest ${i} was good, farmers said.`);
      expect(hasRankFunction(sqlite(fx.db))).toBe(true);
      expect(lengthDisagreements(fx.db)).toEqual([]);
      const scores = () => new Map(bothBm25(fx.db, 'oil', '', 2).map((r) => [r.id, r]));
      for (const row of scores().values()) expect(row.ours).toBeCloseTo(row.fts5, 12);
      // A wrong length moves the extension's score and not bm25()'s: the row is what it reads.
      overwriteDocumentLength(fx.db, ids[1], 3);
      expect(lengthDisagreements(fx.db)).toEqual([ids[1]]);
      const moved = scores().get(ids[1])!;
      expect(moved.ours).toBeLessThan(moved.fts5 - 0.01);
      // A length of 0 is "ask FTS5".
      overwriteDocumentLength(fx.db, ids[1], 0);
      const asked = scores().get(ids[1])!;
      expect(asked.ours).toBeCloseTo(asked.fts5, 12);
    } finally {
      fx.close();
    }
  });

  it('stay the index own through changes and deletions, and a database made before them is filled by its next ingest', () => {
    const dir = tempDir('corpus-lengths-cli-');
    const folder = path.join(dir, 'news');
    const db = path.join(dir, 'c.db');
    const long = 'Crude oil output rose again in March, the ministry said. '.repeat(30);
    write(path.join(folder, 'a.txt'), `OIL OUTPUT\n\n${long}`);
    write(path.join(folder, 'b.txt'), 'Oil prices fell on Monday, dealers said.\n');
    write(path.join(folder, 'c.txt'), 'Wheat and oil were traded in Chicago.\n');
    expect(corpus(['ingest', folder, '--db', db, '-q']).code).toBe(0);
    // A changed body is indexed again and a removed file's document leaves the index.
    write(
      path.join(folder, 'b.txt'),
      `Oil prices fell on Monday. ${'Traders in London and New York said so. '.repeat(12)}\n`,
    );
    fs.rmSync(path.join(folder, 'c.txt'));
    expect(corpus(['ingest', folder, '--db', db, '-q', '--prune']).code).toBe(0);
    const search = () =>
      JSON.parse(corpus(['search', 'oil', '--db', db, '--json']).stdout).hits.map(
        (h: { id: number; score: number }) => [h.id, h.score],
      );
    const ranked = search();
    expect(ranked).toHaveLength(2);
    let store = openDatabase(db);
    expect(integrityProblems(store)).toEqual([]);

    // Made before the lengths: upgraded on open, it ranks from FTS5's lengths until an ingest reads them.
    revertToSchema19(store);
    store.close();
    store = openDatabase(db);
    expect(lengthDisagreements(store, true)).toHaveLength(2);
    store.close();
    expect(search()).toEqual(ranked);
    expect(corpus(['ingest', folder, '--db', db, '-q']).code).toBe(0);
    store = openDatabase(db);
    expect(integrityProblems(store)).toEqual([]);
    expect(lengthDisagreements(store, true)).toEqual([]);
    store.close();
    expect(search()).toEqual(ranked);
  });
});
