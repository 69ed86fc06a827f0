import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlite, type Store } from '../src/store/db.js';
import { associationsDue, entityDetail, storeAssociations } from '../src/store/entities.js';
import { tableContents } from '../src/store/inspect.js';
import { refreshEntityStats } from '../src/store/resolution.js';
import {
  insertMentionRow,
  insertStatementDocRows,
  moveMentionRows,
  shiftStoredAssociations,
} from '../src/store/rows.js';
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

  it('reads the co-occurrences a resolution stored, with the same result, and counts again once they are stale', () => {
    const live = entityDetail(db, country).related;
    expect(associationsDue(db)).toBe(true);
    storeAssociations(db);
    expect(associationsDue(db)).toBe(false);
    expect(tableContents(db).entity_associations.length).toBeGreaterThan(0);
    expect(entityDetail(db, country).related).toEqual(live);
    // The country gains sentences: the stored counts no longer stand for it and are not read.
    sqlite(db).transaction(() => {
      for (let d = 0; d < 300; d++) {
        const doc = fx.doc({ path: `late${d}.txt`, date: '2020-02-01' }, 'Freedonia news.');
        for (let s = 0; s < SENTENCES; s++) {
          insertMentionRow(db, {
            docId: doc,
            type: 'COUNTRY',
            start: 0,
            end: 1,
            text: 'x',
            sentence: s,
            entityId: country,
          });
          insertMentionRow(db, {
            docId: doc,
            type: 'PERSON',
            start: 0,
            end: 1,
            text: 'x',
            sentence: s,
            entityId: minister,
          });
        }
      }
    })();
    refreshEntityStats(db);
    const counted = entityDetail(db, country).related;
    storeAssociations(db);
    expect(entityDetail(db, country).related).toEqual(counted);
    expect(counted.find((r) => r.id === minister)!.sentences).toBeGreaterThan(450 * SENTENCES * 0.9);
  });
});

describe('co-occurrences stored by a resolution that only added documents', () => {
  it('are counted again for the entities whose sentences may have changed, and kept for the others', () => {
    const fx = new SearchFixture(path.join(tempDir('corpus-associates-reuse-'), 'test.db'));
    const db = fx.db;
    try {
      const country = fx.entity('COUNTRY', 'Freedonia');
      const leader = fx.entity('PERSON', 'Rufus Firefly');
      const company = fx.entity('ORG', 'Sylvania Mills');
      const owner = fx.entity('PERSON', 'Chicolini Ravelli');
      const mention = (docId: number, entityId: number, sentence: number, type: string) =>
        insertMentionRow(db, {
          docId,
          type,
          start: sentence * 10,
          end: sentence * 10 + 1,
          text: 'x',
          sentence,
          entityId,
        });
      const stated = () => insertStatementDocRows(db, 'v');
      const stories = (n: number, names: [number, string][], first: number) =>
        sqlite(db).transaction(() => {
          const docs: number[] = [];
          for (let d = 0; d < n; d++) {
            const doc = fx.doc({ path: `s${first + d}.txt`, date: '2020-01-01' }, 'News.');
            for (let s = 0; s < 5; s++) for (const [id, type] of names) mention(doc, id, s, type);
            docs.push(doc);
          }
          return docs;
        })();
      stories(
        40,
        [
          [country, 'COUNTRY'],
          [leader, 'PERSON'],
        ],
        0,
      );
      const mills = stories(
        40,
        [
          [company, 'ORG'],
          [owner, 'PERSON'],
        ],
        40,
      );
      stated();
      refreshEntityStats(db);
      storeAssociations(db, 20);
      const stored = () => {
        const t = tableContents(db);
        return { rows: t.entity_associations, samples: t.entity_association_samples };
      };
      expect(stored().samples).toHaveLength(4);

      // New stories name the country and its leader (no statements read yet); in an old story of the
      // mills, a resolution moves the owner's mention to the leader and drops its statements, as
      // applyLinks does. The company's own sentences are as they were; the names beside it are not.
      stories(
        10,
        [
          [country, 'COUNTRY'],
          [leader, 'PERSON'],
        ],
        80,
      );
      moveMentionRows(db, mills[3], owner, leader);
      refreshEntityStats(db);
      storeAssociations(db, 20, { reuse: true });
      const reused = stored();
      storeAssociations(db, 20);
      expect(reused).toEqual(stored());
      // The moved mention's five sentences now name the leader beside the company.
      expect(reused.rows).toContain(JSON.stringify(['ORG', 'sylvania mills', 'PERSON', 'rufus firefly', 5]));

      // Once the events are built again nothing is pending: stored rows are kept as they are (a
      // marker planted in them survives), and a whole count replaces them.
      stated();
      shiftStoredAssociations(db, company, 1000);
      const planted = stored();
      storeAssociations(db, 20, { reuse: true });
      expect(stored()).toEqual(planted);
      storeAssociations(db, 20);
      expect(stored()).toEqual(reused);
    } finally {
      fx.close();
    }
  });
});
