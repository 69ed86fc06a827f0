import { storedValue } from './errors.js';
import path from 'node:path';
import { databaseBytes, sqlite, type Store } from './db.js';
import { statement } from './statements.js';
import { corpusEventCounts } from './events.js';
import { corpusCount } from './counts.js';
import { indexText, unindexText } from './index-row.js';
import type { DateSource, IsoDate } from '../core/types.js';

export interface CorpusStats {
  documents: number;
  paths: number;
  characters: number;
  firstDate: string | null;
  lastDate: string | null;
  undated: number;
  sources: { source: string; documents: number }[];
  /** The most used tags (a source's topics, places, keywords…). */
  tags: { tag: string; documents: number }[];
  entities: Record<string, number>;
  mentions: Record<string, number>;
  /** Event names (each document's named happenings, one row per name: `--entity` finds them). */
  events: number;
  /** The timeline's events (one happening merged across its reports) and lone dated mentions. */
  corpusEvents: number;
  loneMentions: number;
  analyzerVersions: Record<string, number>;
  databaseBytes: number;
}

/**
 * Counts that describe the whole corpus, for `corpus stats`. They come from the counters the schema's
 * triggers keep (migration 6: totals, tag_totals, source_totals) and from index ends, so the cost does
 * not grow with the corpus; `recountTotals` (store/inspect.ts) recomputes them from the rows.
 */
export function corpusStats(store: Store, file: string): CorpusStats {
  const db = sqlite(store);
  const timeline = corpusEventCounts(store);
  const totals = new Map(
    (statement(db, 'SELECT name, value FROM totals WHERE value != 0').all() as { name: string; value: number }[]).map(
      (r) => [r.name, r.value],
    ),
  );
  const prefixed = (prefix: string) =>
    Object.fromEntries(
      [...totals]
        .filter(([name]) => name.startsWith(prefix))
        .map(([name, n]) => [name.slice(prefix.length), n] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  const dates = publicationSpan(store);
  // One source or tag whatever its case (`crude`, `Crude`), shown as most documents write it.
  const folded = (table: 'tag_totals' | 'source_totals', column: 'tag' | 'source') =>
    statement(
      db,
      `SELECT ${column}, documents FROM (
         SELECT ${column}, sum(documents) OVER (PARTITION BY lower(${column})) AS documents,
                row_number() OVER (PARTITION BY lower(${column}) ORDER BY documents DESC, ${column}) AS nth
         FROM ${table} WHERE documents > 0)
       WHERE nth = 1 ORDER BY documents DESC, ${column} LIMIT 20`,
    ).all();
  return {
    documents: totals.get('documents') ?? 0,
    paths: totals.get('paths') ?? 0,
    characters: totals.get('characters') ?? 0,
    firstDate: dates?.first ?? null,
    lastDate: dates?.last ?? null,
    undated: totals.get('undated') ?? 0,
    sources: folded('source_totals', 'source') as { source: string; documents: number }[],
    tags: folded('tag_totals', 'tag') as { tag: string; documents: number }[],
    entities: prefixed('entities:'),
    mentions: prefixed('mentions:'),
    events: statement(db, 'SELECT count(*) FROM events').pluck().get() as number,
    // Counted on the index by kind (at a million articles, 142,078 rows: 6 ms), not kept as a counter:
    // the clustering rewrites the table whole at every ingest.
    corpusEvents: timeline.events,
    loneMentions: timeline.mentions,
    analyzerVersions: prefixed('analyzer:'),
    databaseBytes: databaseBytes(file),
  };
}

/** The first and last publication dates of the corpus, or null when no document is dated. */
export function publicationSpan(store: Store): { first: IsoDate; last: IsoDate } | null {
  const db = sqlite(store);
  // min() and max() alone each read one end of the date index.
  const first = statement(db, 'SELECT min(date) FROM documents').pluck().get() as IsoDate | null;
  const last = statement(db, 'SELECT max(date) FROM documents').pluck().get() as IsoDate | null;
  return first !== null && last !== null ? { first, last } : null;
}

export interface StoredDocumentView {
  id: number;
  externalId: string | null;
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

/** One document by id (`12`, `#12`), by any of its paths (relative to the current folder or absolute), or by its source's own id. */
export function findDocument(store: Store, ref: string): StoredDocumentView | null {
  const db = sqlite(store);
  let id: number | undefined;
  const asId = ref.match(/^#?(\d+)$/);
  if (asId)
    id = (db.prepare('SELECT id FROM documents WHERE id = ?').get(Number(asId[1])) as { id: number } | undefined)?.id;
  if (id === undefined) {
    const byPath = db.prepare('SELECT doc_id AS id FROM paths WHERE path = ?');
    id = ((byPath.get(path.resolve(ref)) ?? byPath.get(ref)) as { id: number } | undefined)?.id;
  }
  // The source's own id (`reuters-834`); the lowest document id when a source reused one.
  id ??=
    (db.prepare('SELECT min(id) FROM documents WHERE external_id = ?').pluck().get(ref) as number | undefined) ??
    undefined;
  if (id === undefined) return null;
  const row = db
    .prepare(
      `SELECT id, external_id AS externalId, title, date, date_source AS dateSource, source, dateline, section, tags, format, chars, tokens,
              analyzer_version AS analyzerVersion, ingested_at AS ingestedAt, body FROM documents WHERE id = ?`,
    )
    .get(id) as Omit<StoredDocumentView, 'paths' | 'tags' | 'mentions'> & { tags: string };
  return {
    ...row,
    tags: storedValue("a document's tags", () => JSON.parse(row.tags) as string[]),
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
  return statement(db, 'SELECT id FROM documents WHERE analyzer_version != ? ORDER BY id')
    .pluck()
    .all(version) as number[];
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

/**
 * Whether documents stored before the index read bodies from their stories' starts (migration 18)
 * have not been read for them yet.
 */
export function storyStartsUnread(store: Store): boolean {
  return corpusCount(store, 'story_starts_unread') === 1;
}

/** The documents of formats whose readers find a header block, not yet indexed from a story start. */
export function headedDocumentIds(store: Store, formats: readonly string[]): number[] {
  return statement(
    sqlite(store),
    'SELECT id FROM documents WHERE story_start = 0 AND format IN (SELECT value FROM json_each(?)) ORDER BY id',
  )
    .pluck()
    .all(JSON.stringify(formats)) as number[];
}

/** One stored document's format, title and body. */
export function storedText(
  store: Store,
  id: number,
): { id: number; format: string; title: string | null; body: string } | undefined {
  return statement(sqlite(store), 'SELECT id, format, title, body FROM documents WHERE id = ?').get(id) as
    | { id: number; format: string; title: string | null; body: string }
    | undefined;
}

/**
 * Index a stored document's body from `storyStart` (it was indexed whole): the full-text index is
 * told the old values to remove them, as external-content FTS5 needs.
 */
export function setStoryStart(
  store: Store,
  doc: { id: number; title: string | null; body: string },
  storyStart: number,
): void {
  const db = sqlite(store);
  unindexText(db, { ...doc, storyStart: 0 });
  statement(db, 'UPDATE documents SET story_start = ? WHERE id = ?').run(storyStart, doc.id);
  indexText(db, { ...doc, storyStart });
}

export function markStoryStartsRead(store: Store): void {
  statement(sqlite(store), "DELETE FROM corpus_counts WHERE name = 'story_starts_unread'").run();
}
