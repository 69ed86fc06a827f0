import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { corpus, corpusAsync, explodeReuters } from './helpers.js';

const FILES = 1500;

function documentsIn(db: string): number {
  if (!fs.existsSync(db)) return 0;
  try {
    const raw = new Database(db, { readonly: true });
    try {
      return raw.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    } finally {
      raw.close();
    }
  } catch {
    return 0; // not created yet, or the schema is still being written
  }
}

describe('kill -9 in the middle of an ingest', () => {
  it('leaves a consistent database, and the same ingest then completes the work', async () => {
    const docs = explodeReuters(FILES);
    const dir = path.dirname(docs);
    const db = path.join(dir, 'corpus.db');

    const child = corpusAsync(['ingest', docs, '--db', db]);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill as soon as the first batch is committed, while later batches are being written.
    const deadline = Date.now() + 60_000;
    while (documentsIn(db) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const atKill = documentsIn(db);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(FILES); // the kill landed mid-ingest

    const raw = new Database(db);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run();
    raw.close();

    const rerun = corpus(['ingest', docs, '--db', db, '--json']);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout);
    expect(summary.files).toBe(FILES);
    expect(summary.unchanged + summary.duplicates).toBeGreaterThanOrEqual(atKill);

    const bodies = new Set<string>();
    for (const shard of fs.readdirSync(docs)) {
      for (const f of fs.readdirSync(path.join(docs, shard))) bodies.add(fs.readFileSync(path.join(docs, shard, f), 'utf8'));
    }
    const check = new Database(db);
    expect(check.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(bodies.size);
    expect(check.prepare('SELECT count(*) FROM paths').pluck().get()).toBe(FILES);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run();
    check.close();
  });
});

describe('parallel analysis', () => {
  it('stores exactly what a single-threaded ingest stores', () => {
    const docs = explodeReuters(300); // past the 100 analyses done before workers start
    const dir = path.dirname(docs);
    const dump = (db: string) => {
      const raw = new Database(db, { readonly: true });
      try {
        return {
          documents: raw.prepare('SELECT sha256, tokens, date FROM documents ORDER BY id').all(),
          mentions: raw
            .prepare('SELECT m.doc_id, m.type, m.start, m.end, e.name, m.value FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id ORDER BY m.id')
            .all(),
          events: raw.prepare('SELECT key, name, date FROM events ORDER BY id').all(),
        };
      } finally {
        raw.close();
      }
    };
    const single = path.join(dir, 'single.db');
    const parallel = path.join(dir, 'parallel.db');
    expect(corpus(['ingest', docs, '--db', single], { env: { CORPUS_WORKERS: '0' } }).code).toBe(0);
    expect(corpus(['ingest', docs, '--db', parallel], { env: { CORPUS_WORKERS: '2' } }).code).toBe(0);
    expect(dump(parallel)).toEqual(dump(single));

    // An analyzer upgrade re-analyzes every stored document, in the workers, to the same result.
    const raw = new Database(parallel);
    raw.prepare("UPDATE documents SET analyzer_version = 'old'").run();
    raw.close();
    const upgrade = corpus(['ingest', docs, '--db', parallel, '--json'], { env: { CORPUS_WORKERS: '2' } });
    expect(JSON.parse(upgrade.stdout)).toMatchObject({ new: 0, updated: 0, failed: 0 });
    expect(JSON.parse(upgrade.stdout).reanalyzed).toBeGreaterThan(100);
    expect(dump(parallel)).toEqual(dump(single));
  });
});
