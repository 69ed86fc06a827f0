import path from 'node:path';
import { databaseBytes, sqlite, type Db, type Store } from './db.js';
import { statement } from './statements.js';
import type { DateSource } from '../core/types.js';

export interface CorpusStats {
  documents: number;
  paths: number;
  characters: number;
  firstDate: string | null;
  lastDate: string | null;
  undated: number;
  sources: { source: string; documents: number }[];
  entities: Record<string, number>;
  mentions: Record<string, number>;
  events: number;
  analyzerVersions: Record<string, number>;
  databaseBytes: number;
}

/** Counts that describe the whole corpus, for `corpus stats`. */
export function corpusStats(store: Store, file: string): CorpusStats {
  const db = sqlite(store);
  const one = <T>(sql: string) => db.prepare(sql).get() as T;
  const docs = one<{ n: number; chars: number | null; first: string | null; last: string | null; undated: number }>(
    'SELECT count(*) AS n, sum(chars) AS chars, min(date) AS first, max(date) AS last, sum(date IS NULL) AS undated FROM documents',
  );
  const byType = (sql: string) =>
    Object.fromEntries((db.prepare(sql).all() as { type: string; n: number }[]).map((r) => [r.type, r.n]));
  return {
    documents: docs.n,
    paths: one<{ n: number }>('SELECT count(*) AS n FROM paths').n,
    characters: docs.chars ?? 0,
    firstDate: docs.first,
    lastDate: docs.last,
    undated: docs.undated ?? 0,
    sources: db
      .prepare(
        'SELECT source, count(*) AS documents FROM documents WHERE source IS NOT NULL GROUP BY source COLLATE NOCASE ORDER BY documents DESC, source LIMIT 20',
      )
      .all() as { source: string; documents: number }[],
    entities: byType('SELECT type, count(*) AS n FROM entities GROUP BY type ORDER BY type'),
    mentions: byType('SELECT type, count(*) AS n FROM mentions GROUP BY type ORDER BY type'),
    events: one<{ n: number }>('SELECT count(*) AS n FROM events').n,
    analyzerVersions: Object.fromEntries(
      (db.prepare('SELECT analyzer_version AS v, count(*) AS n FROM documents GROUP BY v').all() as { v: string; n: number }[]).map(
        (r) => [r.v, r.n],
      ),
    ),
    databaseBytes: databaseBytes(file),
  };
}

export interface StoredDocumentView {
  id: number;
  title: string | null;
  date: string | null;
  dateSource: string | null;
  source: string | null;
  dateline: string | null;
  section: string | null;
  tags: string[];
  format: string;
  chars: number;
  tokens: number;
  analyzerVersion: string;
  ingestedAt: string;
  paths: string[];
  body: string;
  mentions: { type: string; text: string; start: number; end: number; entity: string | null; value: string | null }[];
}

/** One document by id (`12`, `#12`) or by any of its paths (relative to the current folder or absolute). */
export function findDocument(store: Store, ref: string): StoredDocumentView | null {
  const db = sqlite(store);
  let id: number | undefined;
  const asId = ref.match(/^#?(\d+)$/);
  if (asId) id = (db.prepare('SELECT id FROM documents WHERE id = ?').get(Number(asId[1])) as { id: number } | undefined)?.id;
  if (id === undefined) {
    const byPath = db.prepare('SELECT doc_id AS id FROM paths WHERE path = ?');
    id = ((byPath.get(path.resolve(ref)) ?? byPath.get(ref)) as { id: number } | undefined)?.id;
  }
  if (id === undefined) return null;
  const row = db
    .prepare(
      `SELECT id, title, date, date_source AS dateSource, source, dateline, section, tags, format, chars, tokens,
              analyzer_version AS analyzerVersion, ingested_at AS ingestedAt, body FROM documents WHERE id = ?`,
    )
    .get(id) as Omit<StoredDocumentView, 'paths' | 'tags' | 'mentions'> & { tags: string };
  return {
    ...row,
    tags: JSON.parse(row.tags) as string[],
    paths: db.prepare('SELECT path FROM paths WHERE doc_id = ? ORDER BY path').pluck().all(id) as string[],
    mentions: db
      .prepare(
        `SELECT m.type, m.text, m.start, m.end, coalesce(e.name, ev.name) AS entity, m.value
         FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id
         LEFT JOIN event_mentions em ON m.type = 'EVENT' AND em.doc_id = m.doc_id AND em.start = m.start AND em.end = m.end
         LEFT JOIN events ev ON ev.id = em.event_id
         WHERE m.doc_id = ? ORDER BY m.start`,
      )
      .all(id) as StoredDocumentView['mentions'],
  };
}

/** Ids of documents analyzed by another analyzer version than `version`, in id order. */
export function outdatedDocumentIds(store: Store, version: string): number[] {
  const db = sqlite(store);
  return statement(db, 'SELECT id FROM documents WHERE analyzer_version != ? ORDER BY id').pluck().all(version) as number[];
}

/** What re-analysing a stored document needs: its text, the date it was stored with, and a path to name it by. */
export interface StoredForAnalysis {
  body: string;
  date: string | null;
  dateSource: DateSource;
  dateline: string | null;
  path: string | null;
}

export function documentForAnalysis(store: Store, id: number): StoredForAnalysis {
  const db = sqlite(store);
  return statement(
    db,
    'SELECT body, date, date_source AS dateSource, dateline, (SELECT min(path) FROM paths WHERE doc_id = documents.id) AS path FROM documents WHERE id = ?',
  ).get(id) as StoredForAnalysis;
}

/** Every stored path and the document it names. */
export function documentIdsByPath(store: Store): Map<string, number> {
  const db = sqlite(store);
  const rows = statement(db, 'SELECT path, doc_id FROM paths').all() as { path: string; doc_id: number }[];
  return new Map(rows.map((r) => [r.path, r.doc_id]));
}

export function documentCount(store: Store): number {
  const db = sqlite(store);
  return (statement(db, 'SELECT count(*) AS n FROM documents').get() as { n: number }).n;
}
