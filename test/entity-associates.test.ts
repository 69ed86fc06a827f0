import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlite, type Store } from '../src/store/db.js';
import { entityDetail } from '../src/store/entities.js';
import { refreshEntityStats } from '../src/store/resolution.js';
import { insertMentionRow } from '../src/store/rows.js';
import { SearchFixture } from './search-fixture.js';
import { tempDir } from './helpers.js';

/**
 * An entity named in more sentences than the page reads is estimated from a sample of them: the
 * sample must stand for the whole archive, not its latest weeks. Here a minister is named with the
 * country only in the archive's first quarter (its first 150 of 600 documents).
 */
describe('the entities most associated with a big one', () => {
  const SENTENCES = 20;
  const DOCUMENTS = 600;
  const EARLY = 150;
  let fx: SearchFixture;
  let db: Store;
  let country: number;
  let minister: number;

  beforeAll(() => {
    fx = new SearchFixture(path.join(tempDir('corpus-associates-'), 'test.db'));
    db = fx.db;
    country = fx.entity('COUNTRY', 'Freedonia');
    minister = fx.entity('PERSON', 'Rufus Firefly');
    const bystander = fx.entity('PERSON', 'Chicolini Ravelli');
    const mention = (docId: number, entityId: number, sentence: number, type: string) =>
      insertMentionRow(db, { docId, type, start: 0, end: 1, text: 'x', sentence, entityId });
    sqlite(db).transaction(() => {
      for (let d = 0; d < DOCUMENTS; d++) {
        const doc = fx.doc({ path: `d${d}.txt`, date: '2020-01-01' }, 'Freedonia news.');
        for (let s = 0; s < SENTENCES; s++) {
          mention(doc, country, s, 'COUNTRY');
          if (d < EARLY) mention(doc, minister, s, 'PERSON');
        }
        // Sentences with only the bystander, so that neither is named in every sentence of the archive.
        for (let s = SENTENCES; s < 2 * SENTENCES; s++) mention(doc, bystander, s, 'PERSON');
      }
    })();
    refreshEntityStats(db);
  });

  afterAll(() => fx.close());

  it('counts the sentences named together over the whole archive, within a few percent', () => {
    const related = entityDetail(db, country).related;
    const together = related.find((r) => r.id === minister)?.sentences ?? 0;
    // 150 documents × 20 sentences; a sample of the latest sentences would see none of them.
    expect(together).toBeGreaterThan(EARLY * SENTENCES * 0.9);
    expect(together).toBeLessThanOrEqual(EARLY * SENTENCES * 1.1);
  });
});
