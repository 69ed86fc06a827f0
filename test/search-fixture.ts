import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../src/store/db.js';
import { aliasKey } from '../src/core/alias-key.js';
import { corpus, SEEDS, tempDir } from './helpers.js';

/**
 * A real corpus database filled with SQL, as ingest would fill it (document, path, FTS row,
 * entities, aliases, mentions, events), so search can be tested on exactly the documents a test needs.
 */
export class SearchFixture {
  readonly db: Db;
  private bodies = new Map<number, string>();

  constructor(readonly file: string) {
    this.db = openDatabase(file, { create: true });
  }

  doc(meta: { path: string; title?: string | null; date?: string | null; source?: string | null }, body: string): number {
    const info = this.db
      .prepare(
        `INSERT INTO documents (sha256, title, date, source, format, body, chars, tokens, analyzer_version, ingested_at)
         VALUES (?, ?, ?, ?, 'txt', ?, ?, ?, 'test', '2024-01-01T00:00:00Z')`,
      )
      .run(crypto.createHash('sha256').update(meta.path + body).digest('hex'), meta.title ?? null, meta.date ?? null, meta.source ?? null, body, body.length, body.split(/\s+/).length);
    const id = Number(info.lastInsertRowid);
    this.db.prepare('INSERT INTO paths (path, doc_id) VALUES (?, ?)').run(meta.path, id);
    this.db.prepare('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)').run(id, meta.title ?? '', body);
    this.bodies.set(id, body);
    return id;
  }

  entity(type: string, name: string, aliases: string[] = []): number {
    const id = Number(this.db.prepare('INSERT INTO entities (type, name, key) VALUES (?, ?, ?)').run(type, name, aliasKey(name)).lastInsertRowid);
    for (const alias of [name, ...aliases]) {
      this.db.prepare('INSERT OR IGNORE INTO aliases (key, entity_id, alias) VALUES (?, ?, ?)').run(aliasKey(alias), id, alias);
    }
    return id;
  }

  /** Every occurrence of `text` in the document is a mention of the entity. */
  mention(docId: number, entityId: number, text: string, type = 'COUNTRY'): void {
    const body = this.bodies.get(docId)!;
    let found = 0;
    for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
      this.db
        .prepare('INSERT INTO mentions (doc_id, type, start, end, text, sentence, entity_id) VALUES (?, ?, ?, ?, ?, 0, ?)')
        .run(docId, type, at, at + text.length, text, entityId);
      found++;
    }
    if (found === 0) throw new Error(`fixture: '${text}' not in document ${docId}`);
  }

  event(name: string, docId: number, text: string): number {
    const id = Number(this.db.prepare('INSERT INTO events (key, name) VALUES (?, ?)').run(`${aliasKey(name)}||`, name).lastInsertRowid);
    const at = this.bodies.get(docId)!.indexOf(text);
    if (at < 0) throw new Error(`fixture: '${text}' not in document ${docId}`);
    this.db.prepare('INSERT INTO event_mentions (event_id, doc_id, start, end, sentence) VALUES (?, ?, ?, ?, 0)').run(id, docId, at, at + text.length);
    return id;
  }

  close(): void {
    this.db.close();
  }
}

/** The seed articles ingested by the real CLI (dist/ must be built: `npm test` does it). */
export function ingestSeeds(): string {
  const dir = tempDir('corpus-search-seeds-');
  const db = path.join(dir, 'seeds.db');
  const run = corpus(['ingest', SEEDS, '--db', db, '--quiet']);
  if (run.code !== 0 || !fs.existsSync(db)) throw new Error(`ingest of the seeds failed (${run.code}): ${run.stderr}`);
  return db;
}

/** A seed's document id in the database, by its file name prefix (`000`, `002`, `004`). */
export function seedIds(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT path, doc_id FROM paths').all() as { path: string; doc_id: number }[];
  return new Map(rows.map((r) => [path.basename(r.path).slice(0, 3), r.doc_id]));
}
