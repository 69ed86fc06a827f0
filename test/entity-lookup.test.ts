import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlite } from '../src/store/db.js';
import { resolveEntities } from '../src/store/entities.js';
import { refreshEntityStats } from '../src/store/resolution.js';
import { insertMentionRow } from '../src/store/rows.js';
import { aliasKey } from '../src/core/alias-key.js';
import { search } from '../src/search/search.js';
import { SearchFixture } from './search-fixture.js';
import { tempDir } from './helpers.js';

describe('the entity a typed name means', () => {
  it('is the one most often written so, not the one mentioned most under any name', () => {
    const fx = new SearchFixture(path.join(tempDir('corpus-lookup-'), 'test.db'));
    const db = fx.db;
    try {
      // The Federal Reserve is mentioned most, once as "the Board" (a document that calls it so);
      // the Board is a board of its own, named so three times. The Fed is called "Fed" more often
      // than an organisation of that very name is mentioned.
      const reserve = fx.entity('ORG', 'Federal Reserve', ['Board', 'Fed']);
      const board = fx.entity('ORG', 'Board');
      const fed = fx.entity('ORG', 'Fed');
      const doc = fx.doc({ path: 'a.txt', date: '2020-01-01' }, 'Reports.');
      let at = 0;
      const written = (entityId: number, text: string, times: number) => {
        for (let i = 0; i < times; i++, at += 10)
          insertMentionRow(db, {
            docId: doc,
            type: 'ORG',
            start: at,
            end: at + 1,
            text,
            sentence: 0,
            entityId,
            origKey: aliasKey(text),
          });
      };
      sqlite(db).transaction(() => {
        written(reserve, 'Federal Reserve', 20);
        written(reserve, 'Fed', 5);
        written(reserve, 'Board', 1);
        written(board, 'Board', 3);
        written(fed, 'Fed', 1);
      })();
      refreshEntityStats(db);
      expect(resolveEntities(db, 'Board').map((e) => e.id)).toEqual([board, reserve]);
      expect(resolveEntities(db, 'Fed').map((e) => e.id)).toEqual([reserve, fed]);
      expect(resolveEntities(db, 'federal reserve').map((e) => e.id)).toEqual([reserve]);
    } finally {
      fx.close();
    }
  });
});

describe('the entity a query names', () => {
  it('is the one holding the name as an alias, mentioned far more than the stray entities named just so', () => {
    const fx = new SearchFixture(path.join(tempDir('corpus-lookup-'), 'query.db'));
    try {
      // Alan Greenspan, "Greenspan" in most reports; a stray place and a stray body named "Greenspan",
      // once each. And a place "Delhi", mentioned as often as the fund whose alias it is.
      const greenspan = fx.entity('PERSON', 'Alan Greenspan', ['Greenspan']);
      const place = fx.entity('PLACE', 'Greenspan');
      const body = fx.entity('ORG', 'Greenspan');
      const delhi = fx.entity('PLACE', 'Delhi');
      const fund = fx.entity('ORG', 'Delhi Australia Fund', ['Delhi']);
      const texts = [
        'Alan Greenspan spoke. Greenspan said rates would hold.',
        'Greenspan was named to the Fed. Greenspan smiled.',
        'Greenspan testified in the Senate. Greenspan was asked about the dollar.',
        'Greenspan met bankers. Greenspan left for Basle.',
        'Greenspan and the Delhi fund.',
      ];
      texts.forEach((text, i) => {
        const doc = fx.doc({ path: `g${i}.txt`, date: '1987-06-02' }, text);
        fx.mention(doc, greenspan, 'Greenspan', 'PERSON');
        if (i === texts.length - 1) {
          fx.mention(doc, fund, 'Delhi fund', 'ORG');
        }
      });
      const stray = fx.doc({ path: 's.txt', date: '1987-06-03' }, 'A Greenspan street in Delhi, and Greenspan Ltd.');
      fx.mention(stray, place, 'Greenspan street', 'PLACE');
      fx.mention(stray, body, 'Greenspan Ltd', 'ORG');
      fx.mention(stray, delhi, 'Delhi', 'PLACE');
      // (Was no entity: the exact names outranked the alias, and were each too stray to keep.)
      expect(search(fx.db, 'Greenspan').queryEntities.map((e) => e.id)).toEqual([greenspan]);
      expect(search(fx.db, 'Delhi').queryEntities).toEqual([]);
      // Typed in lower case, a name must be nearly all its word's documents: Alan Greenspan is in 5
      // of 6 here, and in 5 of 9 once three more use the word otherwise.
      expect(search(fx.db, 'greenspan').queryEntities.map((e) => e.id)).toEqual([greenspan]);
      for (let i = 0; i < 3; i++) fx.doc({ path: `o${i}.txt` }, `A greenspan ${i} of the valley.`);
      expect(search(fx.db, 'greenspan').queryEntities).toEqual([]);
      expect(search(fx.db, 'Greenspan').queryEntities.map((e) => e.id)).toEqual([greenspan]);
    } finally {
      fx.close();
    }
  });
});
