import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { corpus, tempDir, write } from './helpers.js';
import { openDatabase } from '../src/store/db.js';
import { revertToSchema17 } from '../src/store/inspect.js';

const idsTagged = (db: string, ...tags: string[]): string[] => {
  const r = corpus(['search', ...tags.flatMap((tag) => ['--tag', tag]), '--db', db, '--json']);
  return r.code === 1
    ? []
    : JSON.parse(r.stdout)
        .hits.map((h: { externalId: string }) => h.externalId)
        .sort();
};

describe("a JSON article's own id and label lists", () => {
  it('finds a document by its source id, filters search by tag, and lists the top tags', () => {
    const dir = tempDir();
    const file = write(
      path.join(dir, 'wire.jsonl'),
      [
        {
          id: 'wire-834',
          title: 'OPEC output rises',
          date: '1987-03-02',
          topics: ['crude'],
          places: ['saudi-arabia'],
          text: 'Saudi Arabia raised crude output in February, oil ministers said.',
        },
        {
          id: 'wire-835',
          title: 'Cocoa prices fall',
          date: '1987-03-03',
          topics: ['cocoa'],
          places: ['ghana'],
          keywords: 'futures, Crude',
          text: 'Cocoa futures fell in London as Ghana shipped more beans.',
        },
        { title: 'No id here', date: '1987-03-04', text: 'Wheat prices were steady in Chicago on Wednesday.' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const db = path.join(dir, 'corpus.db');
    expect(corpus(['ingest', file, '--db', db]).code).toBe(0);

    const shown = corpus(['show', 'wire-834', '--db', db, '--json']);
    expect(shown.code).toBe(0);
    const doc = JSON.parse(shown.stdout);
    expect(doc.externalId).toBe('wire-834');
    expect(doc.title).toBe('OPEC output rises');
    expect(doc.tags).toEqual(['crude', 'saudi-arabia']);
    expect(corpus(['show', 'wire-834', '--db', db]).stdout).toMatch(/^external id\s+wire-834$/m);
    expect(corpus(['show', 'wire-999', '--db', db]).code).toBe(1);

    const tagged = JSON.parse(corpus(['search', '--tag', 'CRUDE', '--db', db, '--json']).stdout);
    expect(tagged.hits.map((h: { externalId: string }) => h.externalId).sort()).toEqual(['wire-834', 'wire-835']);
    const both = JSON.parse(
      corpus(['search', 'cocoa', '--tag', 'crude', '--tag', 'futures', '--db', db, '--json']).stdout,
    );
    expect(both.hits.map((h: { externalId: string }) => h.externalId)).toEqual(['wire-835']);
    const none = corpus(['search', '--tag', 'gold', '--db', db, '--json']);
    expect(none.code).toBe(1);

    const stats = corpus(['stats', '--db', db]).stdout;
    expect(stats).toMatch(/^tag\s+documents$/m);
    // `crude` and `Crude` are one tag.
    expect(stats).toMatch(/^crude\s+2$/im);
    const top = JSON.parse(corpus(['stats', '--db', db, '--json']).stdout).tags[0];
    expect([top.tag.toLowerCase(), top.documents]).toEqual(['crude', 2]);
  });

  it("follows a document's tags when they change, and a database made before tags were indexed", () => {
    const dir = tempDir();
    const file = path.join(dir, 'wire.jsonl');
    const article = (id: string, topics: string[], text: string) =>
      JSON.stringify({ id, topics, date: '1987-03-02', text });
    fs.writeFileSync(
      file,
      `${article('w1', ['crude', 'CRUDE'], 'Saudi Arabia raised crude output.')}\n${article('w2', ['gold'], 'Gold rose in Zurich.')}\n`,
    );
    const db = path.join(dir, 'corpus.db');
    expect(corpus(['ingest', file, '--db', db, '-q']).code).toBe(0);
    expect(idsTagged(db, 'crude')).toEqual(['w1']);

    // Re-tagged and re-ingested: the old tag no longer finds it.
    fs.writeFileSync(
      file,
      `${article('w1', ['oil'], 'Saudi Arabia raised crude output.')}\n${article('w2', ['gold', 'Oil'], 'Gold rose in Zurich.')}\n`,
    );
    expect(corpus(['ingest', file, '--db', db, '-q']).code).toBe(0);
    expect(idsTagged(db, 'crude')).toEqual([]);
    expect(idsTagged(db, 'OIL')).toEqual(['w1', 'w2']);
    expect(idsTagged(db, 'oil', 'gold')).toEqual(['w2']);

    // The same database as schema 16 left it (no tag index): reads ask for an ingest, which indexes
    // the tags already stored.
    const store = openDatabase(db);
    revertToSchema17(store);
    store.close();
    const raw = new Database(db);
    raw.exec(
      'DROP TABLE doc_tags; DROP TRIGGER documents_tags_insert; DROP TRIGGER documents_tags_delete; DROP TRIGGER documents_tags_update',
    );
    raw.pragma('user_version = 16');
    raw.close();
    const stale = corpus(['search', '--tag', 'oil', '--db', db]);
    expect([stale.code, stale.stderr]).toEqual([
      2,
      expect.stringMatching(/schema is out of date; run 'corpus ingest'/),
    ]);
    expect(corpus(['ingest', file, '--db', db, '-q']).code).toBe(0);
    expect(idsTagged(db, 'oil')).toEqual(['w1', 'w2']);
  });
});
