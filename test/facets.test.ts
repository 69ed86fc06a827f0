import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';
import { facetCounts } from '../src/store/facets.js';
import { maxDocumentId } from '../src/store/inspect.js';
import { refreshEntityStats } from '../src/store/resolution.js';
import { tempDir } from './helpers.js';
import { buildKoreaFixture } from './timeline-fixture.js';

describe('facet counts', () => {
  it('a result of more than half the corpus counts entities by complement, the same as one by one', () => {
    const { file } = buildKoreaFixture(tempDir('corpus-facets-'));
    const db = openDatabase(file);
    try {
      refreshEntityStats(db);
      const all = Array.from({ length: maxDocumentId(db) }, (_, i) => i + 1);
      for (const ids of [all, all.slice(1), all.filter((id) => id % 3 !== 0)]) {
        const chosen = facetCounts(db, ids, { perType: 3 });
        const direct = facetCounts(db, ids, { perType: 3, direct: true });
        expect(chosen).toEqual(direct);
        expect(chosen.documents).toBe(ids.length);
        expect(chosen.months.reduce((n, m) => n + m.count, 0)).toBe(ids.length);
        expect(Object.keys(chosen.entities).length).toBeGreaterThan(0);
      }
      // Tags of a large result are read from an even sample, scaled to the whole, and say so.
      const sampled = facetCounts(db, all, { exactUpTo: 2 });
      expect(sampled.sample).toBe(2);
      expect(sampled.entities).toEqual(facetCounts(db, all, { direct: true }).entities);
    } finally {
      db.close();
    }
  });
});
