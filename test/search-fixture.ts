import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Store } from '../src/store/db.js';
import { aliasKey } from '../src/core/alias-key.js';
import {
  insertDocumentRow,
  insertEntityRow,
  insertEventMentionRow,
  insertEventRow,
  insertMentionRow,
} from '../src/store/rows.js';
import { documentIdsByPath } from '../src/store/documents.js';
import type { SearchPlan } from '../src/store/search.js';
import { corpus, SEEDS, tempDir } from './helpers.js';

/**
 * A real corpus database filled row by row (store/rows.ts), as ingest would fill it (document, path, FTS row,
 * entities, aliases, mentions, events), so search can be tested on exactly the documents a test needs.
 */
export class SearchFixture {
  readonly db: Store;
  private bodies = new Map<number, string>();

  constructor(readonly file: string) {
    this.db = openDatabase(file, { create: true });
  }

  doc(
    meta: {
      path: string;
      title?: string | null;
      date?: string | null;
      source?: string | null;
      id?: number;
      tags?: string[];
    },
    body: string,
  ): number {
    const id = insertDocumentRow(this.db, { ...meta, body, tokens: body.split(/\s+/).length, fts: true });
    this.bodies.set(id, body);
    return id;
  }

  entity(type: string, name: string, aliases: string[] = []): number {
    return insertEntityRow(this.db, type, name, aliases);
  }

  /** Every occurrence of `text` in the document is a mention of the entity. */
  mention(docId: number, entityId: number, text: string, type = 'COUNTRY'): void {
    const body = this.bodies.get(docId)!;
    let found = 0;
    for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
      insertMentionRow(this.db, { docId, type, start: at, end: at + text.length, text, sentence: 0, entityId });
      found++;
    }
    if (found === 0) throw new Error(`fixture: '${text}' not in document ${docId}`);
  }

  event(name: string, docId: number, text: string): number {
    const id = insertEventRow(this.db, { key: `${aliasKey(name)}||`, name });
    const at = this.bodies.get(docId)!.indexOf(text);
    if (at < 0) throw new Error(`fixture: '${text}' not in document ${docId}`);
    insertEventMentionRow(this.db, { eventId: id, docId, start: at, end: at + text.length, sentence: 0 });
    return id;
  }

  /** Every occurrence of `text` in the document is a mention of the event (`the summit` after `the Venice summit`). */
  eventMentions(eventId: number, docId: number, text: string): void {
    const body = this.bodies.get(docId)!;
    let found = 0;
    for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
      insertEventMentionRow(this.db, { eventId, docId, start: at, end: at + text.length, sentence: 0 });
      found++;
    }
    if (found === 0) throw new Error(`fixture: '${text}' not in document ${docId}`);
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
export function seedIds(db: Store): Map<string, number> {
  return new Map([...documentIdsByPath(db)].map(([p, id]) => [path.basename(p).slice(0, 3), id]));
}

/**
 * A plan for searchDocuments as search makes one: no units, filters or exclusions, ten hits, the title
 * weighted twice, no entity bonus; `plan` sets the rest (at least `match`) and overrides.
 */
export function searchPlan(plan: Partial<SearchPlan> & Pick<SearchPlan, 'match'>): SearchPlan {
  return {
    units: [],
    exclude: null,
    filters: [],
    from: null,
    to: null,
    limit: 10,
    offset: 0,
    titleWeight: 2,
    bodyWeight: 1,
    entityBonus: 0,
    ...plan,
  };
}
