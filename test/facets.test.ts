import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRankFunction, openDatabase, sqlite } from '../src/store/db.js';
import { facetCounts } from '../src/store/facets.js';
import { maxDocumentId } from '../src/store/inspect.js';
import { refreshEntityStats } from '../src/store/resolution.js';
import { eventsByLowerNamePlan } from '../src/store/search.js';
import { corpus, tempDir, write } from './helpers.js';
import { buildKoreaFixture } from './timeline-fixture.js';

describe('facet counts', () => {
  // With the extension, entities are counted over their own entity_docs ranges against the matches'
  // bitmap where that costs less (here whatever the size: rangesFrom 0); without it, by complement
  // or one document by one.
  it.each([
    ['over entity ranges', false],
    ['by complement or one by one', true],
  ])(
    'a result of more than half the corpus, or of at most half, counts entities %s, the same as one by one',
    (_, plain) => {
      const { file } = buildKoreaFixture(tempDir('corpus-facets-'));
      if (plain) process.env.CORPUS_NO_RANK_EXTENSION = '1';
      const db = openDatabase(file);
      try {
        expect(hasRankFunction(sqlite(db))).toBe(!plain);
        refreshEntityStats(db);
        const all = Array.from({ length: maxDocumentId(db) }, (_, i) => i + 1);
        // More than half the corpus; at most half, walked over the indexes (rangesFrom 0).
        for (const ids of [all, all.slice(1), all.filter((id) => id % 3 !== 0), all.filter((id) => id % 2 === 0)]) {
          const chosen = facetCounts(db, ids, { perType: 3, rangesFrom: 0 });
          const direct = facetCounts(db, ids, { perType: 3, direct: true });
          expect(chosen).toEqual(direct);
          expect(chosen.documents).toBe(ids.length);
          expect(chosen.months.reduce((n, m) => n + m.count, 0)).toBe(ids.length);
          expect(Object.keys(chosen.entities).length).toBeGreaterThan(0);
        }
        // Entities first counted among those in at least `floor` of the matches give the exact top
        // lists, whether that first count is certain or has to fall back to every entity.
        // (More than half the corpus is counted by complement, at most half from its own documents.)
        for (const floor of [2, 3, 50]) {
          const most = all.filter((id) => id % 4 !== 0);
          const half = all.slice(0, Math.floor(all.length / 2));
          for (const ids of [most, half])
            expect(facetCounts(db, ids, { perType: 2, floor, rangesFrom: 0 }).entities).toEqual(
              facetCounts(db, ids, { perType: 2, direct: true }).entities,
            );
        }
        // Tags of a large result are read from an even sample, scaled to the whole, and say so.
        const sampled = facetCounts(db, all, { exactUpTo: 2, rangesFrom: 0 });
        expect(sampled.sample).toBe(2);
        expect(sampled.entities).toEqual(facetCounts(db, all, { direct: true }).entities);
      } finally {
        delete process.env.CORPUS_NO_RANK_EXTENSION;
        db.close();
      }
    },
  );
});

describe('query plans', () => {
  it('counts the tags, sources and months of half the corpus over the indexes as from its documents', () => {
    const dir = tempDir('corpus-facets-tags-');
    const sources = ['Reuters', 'AP', 'reuters'];
    const lines = Array.from({ length: 24 }, (_, i) =>
      JSON.stringify({
        title: `Report ${i}`,
        text: `Traders in Chicago said grain prices moved on the news, report number ${i} of the day.`,
        date: `1987-0${1 + (i % 3)}-1${i % 9}`,
        source: sources[i % 3],
        tags: [i % 2 ? 'grain' : 'wheat', ...(i % 4 === 0 ? ['usa', 'USA'] : []), ...(i % 5 === 0 ? ['corn'] : [])],
      }),
    );
    write(path.join(dir, 'news.jsonl'), `${lines.join('\n')}\n`);
    const file = path.join(dir, 'news.db');
    expect(corpus(['ingest', path.join(dir, 'news.jsonl'), '--db', file, '--quiet']).code).toBe(0);
    const db = openDatabase(file);
    try {
      const all = Array.from({ length: maxDocumentId(db) }, (_, i) => i + 1);
      for (const ids of [all.filter((id) => id % 2 === 1), all.slice(0, 10), all.filter((id) => id % 3 !== 1)]) {
        const walked = facetCounts(db, ids, { rangesFrom: 0 });
        expect(walked).toEqual(facetCounts(db, ids, { direct: true }));
        expect(walked.tags.length).toBeGreaterThan(1);
        // `usa` and `USA` on one document are one tag, counted once.
        const usa = ids.filter((id) => (id - 1) % 4 === 0).length;
        expect(walked.tags.filter((t) => t.value.toLowerCase() === 'usa')).toEqual([{ value: 'usa', count: usa }]);
      }
    } finally {
      db.close();
    }
  });

  it('finds events by name through their index, not by reading every event', () => {
    const db = openDatabase(path.join(tempDir('corpus-plans-'), 'plans.db'), { create: true });
    try {
      expect(eventsByLowerNamePlan(db).join(' | ')).toMatch(/USING INDEX events_lower_name/);
    } finally {
      db.close();
    }
  });
});
