import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentEvidence, EVIDENCE_VERSION } from '../src/entities/evidence.js';
import { type DocEvidence, evidenceFrom, resolveNames } from '../src/entities/resolve.js';
import { openDatabase, sqlite } from '../src/store/db.js';
import { documentsToScan, forgetEvidence, loadNames, storedEvidence } from '../src/store/resolution.js';
import { corpus, explodeReuters, SEEDS, tempDir } from './helpers.js';

describe('evidence read from the store by short form', () => {
  // Resolution reads the stored evidence name by name (store/resolution.ts) instead of holding every
  // document's rows: it must see what the rows held in memory, in the same order, give.
  it('gives what the same rows held in memory give, and the same resolution', () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    const r = corpus(['ingest', explodeReuters(300), '--db', db, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const store = openDatabase(db);
    try {
      // Every document's evidence again, as the ingest's resolution read it (by document, in order).
      forgetEvidence(store);
      const rows: DocEvidence[] = [];
      for (const doc of documentsToScan(store, EVIDENCE_VERSION))
        for (const e of documentEvidence(doc.body, doc.mentions)) rows.push({ ...e, doc: doc.id });
      const memory = evidenceFrom(rows);
      const stored = storedEvidence(store);
      expect(rows.length).toBeGreaterThan(100);

      const shorts = [...new Set(rows.map((e) => e.short))].sort();
      for (const short of shorts) expect([...stored.ofShort(short)], short).toEqual([...memory.ofShort(short)]);
      expect([...stored.ofShort('no such name')]).toEqual([]);
      const order = (x: { type: string; long: string; short: string }) => `${x.type} ${x.long} ${x.short}`;
      const retold = stored.retold().sort((a, b) => (order(a) < order(b) ? -1 : 1));
      expect(retold.length).toBeGreaterThan(0);
      expect(retold).toEqual(memory.retold().sort((a, b) => (order(a) < order(b) ? -1 : 1)));
      for (const p of retold)
        expect(stored.retoldDocs(p.type, p.long, p.short, 5)).toEqual(memory.retoldDocs(p.type, p.long, p.short, 5));

      const names = loadNames(store);
      const fromStore = resolveNames(names, stored);
      expect(fromStore.links.length).toBeGreaterThan(0);
      expect(fromStore).toEqual(resolveNames(names, rows));
    } finally {
      store.close();
    }
  });
});

describe('the names a resolution reads', () => {
  // A place's acronym (`HK`) is told by how its mentions are written. The name a first pass stored may
  // be another form (`Hk`), and a second pass then found a link the first had not: HK → Hong Kong.
  it('name a one-word place by its written form, not by the name an earlier pass stored', () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    expect(corpus(['ingest', SEEDS, '--db', db, '-q']).code).toBe(0);
    const store = openDatabase(db);
    try {
      const place = sqlite(store)
        .prepare("SELECT key, name FROM entities WHERE type = 'PLACE' AND key NOT LIKE '% %' ORDER BY id LIMIT 1")
        .get() as { key: string; name: string };
      sqlite(store).prepare("UPDATE entities SET name = upper(name) WHERE type = 'PLACE' AND key = ?").run(place.key);
      const read = loadNames(store).find((n) => n.type === 'PLACE' && n.key === place.key);
      expect(read?.name).toBe(place.name);
    } finally {
      store.close();
    }
  });
});
