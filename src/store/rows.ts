/**
 * Row-level writes for building a database by hand: tests and tools that need exactly the rows an
 * ingest would write (a document, an entity with aliases, a mention, an event) without running the
 * analyzer. Ingest itself writes through StoreWriter (store/write.ts).
 */
import crypto from 'node:crypto';
import { sqlite, type Store } from './db.js';
import { statement } from './statements.js';
import { packSentences } from './sentences.js';
import { indexText } from './index-row.js';
import { aliasKey } from '../core/alias-key.js';
import { parseDateValue } from '../core/timex.js';

export interface DocumentRow {
  path: string;
  title?: string | null;
  date?: string | null;
  source?: string | null;
  body: string;
  /** Sentence spans; stored packed, as ingest stores them. */
  sentences?: { start: number; end: number }[];
  tokens: number;
  /** Also index the text for full-text search (as ingest does). */
  fts?: boolean;
  /** The document's id, where a test needs one (ingest lets SQLite assign them in turn). */
  id?: number;
  /** Its tags (a source's topics, places, keywords). */
  tags?: string[];
}

/** Insert a document, its path and (optionally) its full-text row; returns its id. */
export function insertDocumentRow(store: Store, doc: DocumentRow, sha256Of = doc.path + doc.body): number {
  const db = sqlite(store);
  const info = statement(
    db,
    `INSERT INTO documents (id, sha256, title, date, source, tags, format, body, chars, tokens, sentences, analyzer_version, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, 'txt', ?, ?, ?, ?, 'test', '2024-01-01T00:00:00Z')`,
  ).run(
    doc.id ?? null,
    crypto.createHash('sha256').update(sha256Of).digest('hex'),
    doc.title ?? null,
    doc.date ?? null,
    doc.source ?? null,
    JSON.stringify(doc.tags ?? []),
    doc.body,
    doc.body.length,
    doc.tokens,
    packSentences(doc.sentences ?? []),
  );
  const id = Number(info.lastInsertRowid);
  statement(db, 'INSERT INTO paths (path, doc_id) VALUES (?, ?)').run(doc.path, id);
  if (doc.fts) {
    indexText(db, { id, title: doc.title ?? null, body: doc.body, storyStart: 0 });
    statement(db, 'INSERT INTO titles_fts (rowid, title) VALUES (?, ?)').run(id, doc.title ?? '');
  }
  return id;
}

/** Insert an entity known by its name and these aliases; returns its id. */
export function insertEntityRow(store: Store, type: string, name: string, aliases: string[] = []): number {
  const db = sqlite(store);
  const id = Number(
    statement(db, 'INSERT INTO entities (type, name, key) VALUES (?, ?, ?)').run(type, name, aliasKey(name))
      .lastInsertRowid,
  );
  for (const alias of [name, ...aliases]) {
    statement(db, 'INSERT OR IGNORE INTO aliases (key, entity_id, alias) VALUES (?, ?, ?)').run(
      aliasKey(alias),
      id,
      alias,
    );
  }
  return id;
}

export interface MentionRow {
  docId: number;
  type: string;
  start: number;
  end: number;
  text: string;
  sentence: number;
  entityId?: number | null;
  value?: string | null;
  /** The name's key as the analyzer gave it (an ingest's mentions of entities all have one). */
  origKey?: string | null;
}

export function insertMentionRow(store: Store, m: MentionRow): void {
  const db = sqlite(store);
  statement(
    db,
    'INSERT INTO mentions (doc_id, type, start, end, text, sentence, entity_id, value, orig_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(m.docId, m.type, m.start, m.end, m.text, m.sentence, m.entityId ?? null, m.value ?? null, m.origKey ?? null);
  // As StoreWriter does: mention totals are kept by the writer, not by a trigger (schema migration 6).
  statement(
    db,
    'INSERT INTO totals (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1',
  ).run(`mentions:${m.type}`);
  if (m.entityId != null)
    statement(
      db,
      'INSERT INTO entity_docs (entity_id, doc_id, mentions) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET mentions = mentions + 1',
    ).run(m.entityId, m.docId);
}

/** Insert an event; its first and last day are placed from `date` as ingest places them. Returns its id. */
export function insertEventRow(
  store: Store,
  event: { key: string; name: string; date?: string | null; placeId?: number | null },
): number {
  const db = sqlite(store);
  const date = event.date ?? null;
  const span = parseDateValue(date);
  const sql = 'INSERT INTO events (key, name, date, date_start, date_end, place_id) VALUES (?, ?, ?, ?, ?, ?)';
  return Number(
    statement(db, sql).run(event.key, event.name, date, span?.start ?? null, span?.end ?? null, event.placeId ?? null)
      .lastInsertRowid,
  );
}

export function insertEventMentionRow(
  store: Store,
  m: { eventId: number; docId: number; start: number; end: number; sentence: number },
): void {
  const db = sqlite(store);
  statement(db, 'INSERT INTO event_mentions (event_id, doc_id, start, end, sentence) VALUES (?, ?, ?, ?, ?)').run(
    m.eventId,
    m.docId,
    m.start,
    m.end,
    m.sentence,
  );
}

export function insertParticipantRow(store: Store, eventId: number, docId: number, entityId: number): void {
  const db = sqlite(store);
  statement(db, 'INSERT OR IGNORE INTO event_participants (event_id, doc_id, entity_id) VALUES (?, ?, ?)').run(
    eventId,
    docId,
    entityId,
  );
}

/** Mark every document's statements as read (what building the corpus's events leaves). */
export function insertStatementDocRows(store: Store, version: string): void {
  statement(sqlite(store), 'INSERT OR IGNORE INTO statement_docs (doc_id, version) SELECT id, ? FROM documents').run(
    version,
  );
}

/**
 * Give one document's mentions of entity `from` to entity `to` and drop its statements, as a
 * resolution's rewrite does (store/resolution.ts, applyLinks).
 */
export function moveMentionRows(store: Store, docId: number, from: number, to: number): void {
  const db = sqlite(store);
  statement(db, 'UPDATE mentions SET entity_id = ? WHERE doc_id = ? AND entity_id = ?').run(to, docId, from);
  statement(db, 'DELETE FROM statement_docs WHERE doc_id = ?').run(docId);
}

/** Add `n` to every stored co-occurrence count of an entity (a marker that shows whether they were counted again). */
export function shiftStoredAssociations(store: Store, entityId: number, n: number): void {
  statement(sqlite(store), 'UPDATE entity_associations SET together = together + ? WHERE entity_id = ?').run(
    n,
    entityId,
  );
}
