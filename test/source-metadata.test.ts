import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, tempDir, write } from './helpers.js';

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
});
