/**
 * Reads that check a database rather than serve a command: integrity, row counts, and a dump of
 * what an ingest stored. End-to-end tests use them to look at what the CLI wrote.
 */
import { sqlite, type Store } from './db.js';
import { statement } from './statements.js';

/** SQLite's integrity check and the FTS index's agreement with the documents table; [] when both pass. */
export function integrityProblems(store: Store): string[] {
  const db = sqlite(store);
  const problems: string[] = [];
  const result = db.pragma('integrity_check', { simple: true });
  if (result !== 'ok') problems.push(String(result));
  try {
    // Raises if the external-content index disagrees with the documents table.
    statement(db, "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run();
  } catch (error) {
    problems.push(`full-text index: ${(error as Error).message}`);
  }
  return problems;
}

export type CountedTable = 'documents' | 'paths' | 'entities' | 'mentions' | 'events';

export function rowCount(store: Store, table: CountedTable): number {
  const sql = {
    documents: 'SELECT count(*) FROM documents',
    paths: 'SELECT count(*) FROM paths',
    entities: 'SELECT count(*) FROM entities',
    mentions: 'SELECT count(*) FROM mentions',
    events: 'SELECT count(*) FROM events',
  }[table];
  return statement(sqlite(store), sql).pluck().get() as number;
}

export function maxDocumentId(store: Store): number {
  return (statement(sqlite(store), 'SELECT max(id) FROM documents').pluck().get() as number | null) ?? 0;
}

/** Documents the full-text index finds for an FTS5 expression. */
export function ftsMatchCount(store: Store, match: string): number {
  return statement(sqlite(store), 'SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?').pluck().get(match) as number;
}

/** Documents whose analysis was written by `version`. */
export function countAnalyzedBy(store: Store, version: string): number {
  return statement(sqlite(store), 'SELECT count(*) FROM documents WHERE analyzer_version = ?').pluck().get(version) as number;
}

/** Mark documents (all, or one) as analyzed by `version`: how a test makes an older analyzer's work. */
export function setAnalyzerVersion(store: Store, version: string, docId?: number): void {
  const db = sqlite(store);
  if (docId === undefined) statement(db, 'UPDATE documents SET analyzer_version = ?').run(version);
  else statement(db, 'UPDATE documents SET analyzer_version = ? WHERE id = ?').run(version, docId);
}

export interface StoredDocumentRow {
  id: number;
  sha256: string;
  title: string | null;
  date: string | null;
  dateSource: string | null;
  source: string | null;
  body: string;
  tokens: number;
}

/** Every document, in id order. */
export function allDocuments(store: Store): StoredDocumentRow[] {
  return statement(
    sqlite(store),
    'SELECT id, sha256, title, date, date_source AS dateSource, source, body, tokens FROM documents ORDER BY id',
  ).all() as StoredDocumentRow[];
}

/** What an analysis stored, in insertion order, without ids that differ between two ingests. */
export function analysisDump(store: Store): {
  documents: { sha256: string; tokens: number; date: string | null }[];
  mentions: { doc_id: number; type: string; start: number; end: number; name: string | null; value: string | null }[];
  events: { key: string; name: string; date: string | null }[];
} {
  const db = sqlite(store);
  return {
    documents: statement(db, 'SELECT sha256, tokens, date FROM documents ORDER BY id').all() as { sha256: string; tokens: number; date: string | null }[],
    mentions: statement(
      db,
      'SELECT m.doc_id, m.type, m.start, m.end, e.name, m.value FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id ORDER BY m.id',
    ).all() as { doc_id: number; type: string; start: number; end: number; name: string | null; value: string | null }[],
    events: statement(db, 'SELECT key, name, date FROM events ORDER BY id').all() as { key: string; name: string; date: string | null }[],
  };
}
