import { storedValue } from './errors.js';
import type Database from 'better-sqlite3';
import { secondConnection, sqlite, type Db, type Store } from './db.js';
import { isSqliteError } from './errors.js';
import { EventKeys } from '../core/event-keys.js';
import { compareDocuments, documentHash, documentOrder, type OrderedDocument } from '../core/report-order.js';
import { unpackSentences } from './sentences.js';
import { LEAD_ACTION, type DatedStatement, type DocumentFacts } from '../core/types.js';
import type { DateSpan, Granularity } from '../core/timex.js';

/**
 * Corpus-level events: the dated statements read from each document, and the events clustered from
 * them (timeline/update.ts writes both after each ingest; timeline/query.ts reads them). Every SQL
 * statement about them is here.
 */

// ---- what is stored ----

/** One dated statement as written (nlp/statements.ts makes them). */
export type StatementInput = DatedStatement;

/** A stored statement with what the clustering needs of its document. */
export interface StatementRow extends StatementInput, OrderedDocument {
  id: number;
  /** A near-duplicate cluster is one report (wire copies), as are documents with one title, date and source. */
  report: string;
  source: string | null;
  published: string | null;
}

/** A corpus event as the clustering makes it and the timeline reads it. */
export interface CorpusEventSummary {
  key: string;
  kind: 'event' | 'mention';
  name: string;
  /** The consensus of its reports' dates. */
  date: DateSpan;
  placeId: number | null;
  /** Support: distinct reports (a wire story's copies count once), sources, and days reported on. */
  documents: number;
  sources: number;
  days: number;
  score: number;
  /** Other dates its reports gave, with how many reports gave each. */
  conflicts: { value: string; documents: number }[];
  /** The statement a digest quotes (the event's own date first, then the earliest report); null in a database whose events were clustered before it was kept. */
  lead: number | null;
}

export interface CorpusEventInput extends CorpusEventSummary {
  statementIds: number[];
  /** The statement its key is made of (events sharing a key are numbered by it: see EventKeys). */
  keyStatement: number;
  /** entity id → reports naming it; `participant` when it is listed as taking part. */
  entities: { entityId: number; documents: number; participant: boolean }[];
}

/** What a document's statements are built from: the one shape in core/types.ts. */
export type DocumentFactsRow = DocumentFacts;

type Statement = Database.Statement<unknown[], unknown>;
const cache = new WeakMap<Db, Map<string, Statement>>();
function stmt(db: Db, sql: string): Statement {
  let map = cache.get(db);
  if (!map) {
    map = new Map();
    cache.set(db, map);
  }
  let s = map.get(sql);
  if (!s) {
    s = db.prepare(sql) as Statement;
    map.set(sql, s);
  }
  return s;
}

// ---- statements ----

/**
 * The order of documents among reports of a day in SQL: `corpus_document_order(external_id)` is
 * core/report-order.ts documentOrder, then the hash (whose first 13 hex digits are documentHash),
 * then the row id, as compareDocuments puts them.
 */
const DOCUMENT_ORDER = 'corpus_document_order(d.external_id), d.sha256, d.id';
const ordered = new WeakSet<Db>();
function withDocumentOrder(db: Db): Db {
  if (!ordered.has(db)) {
    db.function('corpus_document_order', { deterministic: true }, (id: unknown) =>
      documentOrder(typeof id === 'string' ? id : null),
    );
    ordered.add(db);
  }
  return db;
}

/** Documents whose statements are missing or were read from an older analysis (a scan of migration 8's index). */
const STALE = `SELECT d.id FROM documents d INDEXED BY documents_analyzer LEFT JOIN statement_docs s ON s.doc_id = d.id
     WHERE s.doc_id IS NULL OR s.version != d.analyzer_version || '+' || @version`;

/**
 * Mark documents that have no publication date, no resolved date and no dated event as read (they
 * make no statement, not even a lead statement), in one statement: most of the work of a first
 * reading is skipped for them. Only documents without current statements are looked at
 * (materialized first: SQLite otherwise probed every document's mentions before checking its
 * statements, 1.3 s at 200k articles with nothing new).
 */
export function markUndatedDocuments(store: Store, version: string): void {
  const db = sqlite(store);
  const undated = `WITH stale AS MATERIALIZED (${STALE}) SELECT id FROM stale
     WHERE (SELECT d.date FROM documents d WHERE d.id = stale.id) IS NULL
       AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = stale.id AND m.type = 'DATE' AND m.value IS NOT NULL AND m.value NOT LIKE '%REF')
       AND NOT EXISTS (SELECT 1 FROM event_mentions em JOIN events e ON e.id = em.event_id WHERE em.doc_id = stale.id AND e.date IS NOT NULL)`;
  const ids = stmt(db, undated).pluck().all({ version }) as number[];
  if (ids.length === 0) return;
  const list = JSON.stringify(ids);
  stmt(db, 'DELETE FROM statements WHERE doc_id IN (SELECT value FROM json_each(?))').run(list);
  stmt(
    db,
    `INSERT OR REPLACE INTO statement_docs (doc_id, version)
     SELECT id, analyzer_version || '+' || ? FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(version, list);
}

/** Documents whose statements are missing or were read from an older analysis. */
export function documentsWithoutStatements(store: Store, version: string): number[] {
  const db = sqlite(store);
  return stmt(db, `${STALE} ORDER BY d.id`).pluck().all({ version }) as number[];
}

export function documentFacts(store: Store, docId: number): DocumentFactsRow | null {
  const db = sqlite(store);
  const doc = stmt(db, 'SELECT body, date, source, sentences FROM documents WHERE id = ?').get(docId) as
    | { body: string; date: string | null; source: string | null; sentences: Buffer }
    | undefined;
  if (!doc) return null;
  const mentions = stmt(
    db,
    `SELECT type, start, end, sentence, entity_id AS entityId, value, text FROM mentions
     WHERE doc_id = ? AND type != 'EVENT' ORDER BY start`,
  ).all(docId) as DocumentFactsRow['mentions'];
  const eventMentions = stmt(
    db,
    `SELECT em.event_id AS eventId, e.name, e.date, e.place_id AS placeId, em.start, em.end, em.sentence
     FROM event_mentions em JOIN events e ON e.id = em.event_id WHERE em.doc_id = ? ORDER BY em.start`,
  ).all(docId) as {
    eventId: number;
    name: string;
    date: string | null;
    placeId: number | null;
    start: number;
    end: number;
    sentence: number;
  }[];
  const participants = stmt(
    db,
    `SELECT p.event_id AS eventId, p.entity_id AS entityId, e.type || ':' || e.key AS entityKey
     FROM event_participants p JOIN entities e ON e.id = p.entity_id WHERE p.doc_id = ?`,
  ).all(docId) as {
    eventId: number;
    entityId: number;
    entityKey: string;
  }[];
  const events = new Map<number, DocumentFactsRow['events'][number]>();
  for (const m of eventMentions) {
    let ev = events.get(m.eventId);
    if (!ev) {
      ev = { name: m.name, date: m.date, placeId: m.placeId, participantIds: [], mentions: [] };
      events.set(m.eventId, ev);
    }
    ev.mentions.push({ start: m.start, end: m.end, sentence: m.sentence });
  }
  // In the order the document first names them (then by key), not by id (ids follow the order of
  // ingests): the first is most often the event's subject (`Boschwitz and Karnes`), however the
  // corpus was ingested.
  const firstNamed = new Map<number, number>();
  for (const m of mentions) if (m.entityId !== null && !firstNamed.has(m.entityId)) firstNamed.set(m.entityId, m.start);
  const at = (id: number) => firstNamed.get(id) ?? Number.MAX_SAFE_INTEGER;
  const byFirstNamed = (a: (typeof participants)[number], b: (typeof participants)[number]) =>
    at(a.entityId) - at(b.entityId) || (a.entityKey < b.entityKey ? -1 : a.entityKey > b.entityKey ? 1 : 0);
  for (const p of participants.sort(byFirstNamed)) events.get(p.eventId)?.participantIds.push(p.entityId);
  return {
    docId,
    body: doc.body,
    published: doc.date,
    source: doc.source,
    sentences: unpackSentences(doc.sentences),
    mentions,
    events: [...events.values()],
  };
}

/** Replace a document's statements (callers own the transaction). */
export function replaceStatements(
  store: Store,
  docId: number,
  statements: readonly StatementInput[],
  version: string,
): void {
  const db = sqlite(store);
  stmt(db, 'DELETE FROM statements WHERE doc_id = ?').run(docId);
  const insert = stmt(
    db,
    `INSERT INTO statements (doc_id, sentence, date, granularity, date_start, date_end, action, terms, subject_id, place_id,
       participants, mentioned, name, named, event_noun) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of statements) {
    insert.run(
      docId,
      s.sentence,
      s.date.value,
      s.date.granularity,
      s.date.start,
      s.date.end,
      s.action,
      s.terms.join(' '),
      s.subjectId,
      s.placeId,
      s.participantIds.join(' '),
      s.mentionedIds.join(' '),
      s.name,
      s.named ? 1 : 0,
      s.eventNoun ? 1 : 0,
    );
  }
  stmt(
    db,
    "INSERT OR REPLACE INTO statement_docs (doc_id, version) SELECT id, analyzer_version || '+' || ? FROM documents WHERE id = ?",
  ).run(version, docId);
}

type StoredStatementRow = Omit<
  StatementRow,
  'date' | 'terms' | 'participantIds' | 'mentionedIds' | 'named' | 'eventNoun' | 'docOrder' | 'docHash'
> & {
  externalId: string | null;
  sha: string;
  value: string;
  granularity: Granularity;
  start: string;
  end: string;
  terms: string;
  participants: string;
  mentioned: string;
  named: number;
  eventNoun: number;
};

/**
 * The report a document is: its near-duplicate cluster, else its title, date and source (one story
 * stored twice), else itself. Reads `d` (documents) and `c` (doc_clusters).
 */
const REPORT_KEY = `CASE WHEN c.cluster_id IS NOT NULL THEN 'c:' || c.cluster_id
            WHEN d.title IS NOT NULL AND d.date IS NOT NULL THEN 't:' || d.title || '|' || d.date || '|' || coalesce(d.source, '')
            ELSE 'd:' || d.id END`;

const STATEMENT_COLUMNS = `SELECT s.id, s.doc_id AS docId, s.sentence, s.date AS value, s.granularity, s.date_start AS start,
       s.date_end AS end, s.action, s.terms, s.subject_id AS subjectId, s.place_id AS placeId, s.participants, s.mentioned,
       s.name, s.named, s.event_noun AS eventNoun, d.source, d.date AS published, d.external_id AS externalId,
       d.sha256 AS sha, ${REPORT_KEY} AS report
     FROM statements s JOIN documents d ON d.id = s.doc_id LEFT JOIN doc_clusters c ON c.doc_id = d.id`;

/** The statements the clustering merges: all but lead statements (see LEAD_ACTION). */
const NOT_LEAD = `s.action != '${LEAD_ACTION}'`;

/**
 * Every lead statement (see LEAD_ACTION) with its report, in publication order: what the story pass
 * reads (ingest/story-bursts.ts), a day at a time.
 */
export function* leadStatements(store: Store): Generator<StatementRow> {
  const read = statementReader();
  const rows = stmt(
    withDocumentOrder(sqlite(store)),
    `${STATEMENT_COLUMNS} WHERE s.action = '${LEAD_ACTION}' ORDER BY s.date_start, ${DOCUMENT_ORDER}, s.id`,
  ).iterate();
  for (const r of rows as IterableIterator<StoredStatementRow>) yield read(r);
}

/**
 * Reports published each day (wire copies of one story, and documents of one title, date and source,
 * count once, as statements' reports do): how much news a day had, against which a story's share is
 * measured.
 */
export function reportsPerDay(store: Store): Map<string, number> {
  const rows = stmt(
    sqlite(store),
    `SELECT d.date AS day, count(DISTINCT ${REPORT_KEY}) AS n
     FROM documents d LEFT JOIN doc_clusters c ON c.doc_id = d.id WHERE d.date IS NOT NULL GROUP BY d.date`,
  ).all() as { day: string; n: number }[];
  return new Map(rows.map((r) => [r.day, r.n]));
}

/** The reports some statements come from (see reportsPerDay). */
export function statementReports(store: Store, statementIds: readonly number[]): Set<string> {
  const rows = stmt(
    sqlite(store),
    `SELECT DISTINCT ${REPORT_KEY} AS report FROM statements s JOIN documents d ON d.id = s.doc_id
     LEFT JOIN doc_clusters c ON c.doc_id = d.id WHERE s.id IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .all(JSON.stringify(statementIds)) as string[];
  return new Set(rows);
}

/**
 * Stored rows → statements. The strings many statements repeat (terms, actions, sources, dates) are
 * kept once each: the clustering may hold many statements at once.
 */
function statementReader(): (r: StoredStatementRow) => StatementRow {
  const shared = new Map<string, string>();
  const one = (text: string): string => {
    const known = shared.get(text);
    if (known !== undefined) return known;
    shared.set(text, text);
    return text;
  };
  const oneOrNull = (text: string | null): string | null => (text === null ? null : one(text));
  const dates = new Map<string, DateSpan>();
  const ids = (list: string): number[] => (list ? list.split(' ').map(Number) : []);
  return (r) => {
    const dateKey = `${r.value}|${r.granularity}|${r.start}|${r.end}`;
    let date = dates.get(dateKey);
    if (!date) dates.set(dateKey, (date = { value: r.value, granularity: r.granularity, start: r.start, end: r.end }));
    return {
      id: r.id,
      docId: r.docId,
      docOrder: documentOrder(r.externalId),
      docHash: documentHash(r.sha),
      sentence: r.sentence,
      date,
      action: one(r.action),
      terms: r.terms ? r.terms.split(' ').map(one) : [],
      subjectId: r.subjectId,
      placeId: r.placeId,
      participantIds: ids(r.participants),
      mentionedIds: ids(r.mentioned),
      name: r.name,
      named: r.named === 1,
      eventNoun: r.eventNoun === 1,
      report: r.report,
      source: oneOrNull(r.source),
      published: oneOrNull(r.published),
    };
  };
}

/**
 * Every statement, in a fixed order (the clustering's result must not depend on storage order).
 * Rows are read in document order (documents are then read sequentially, not once per statement at
 * random) and sorted here.
 */
export function allStatements(store: Store): StatementRow[] {
  const read = statementReader();
  const out: StatementRow[] = [];
  const rows = stmt(
    sqlite(store),
    `${STATEMENT_COLUMNS} WHERE ${NOT_LEAD} ORDER BY s.doc_id, s.sentence, s.id`,
  ).iterate();
  for (const r of rows as IterableIterator<StoredStatementRow>) out.push(read(r));
  return out.sort(
    (a, b) =>
      (a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : 0) ||
      compareDocuments(a, b) ||
      a.sentence - b.sentence ||
      a.id - b.id,
  );
}

/**
 * Every statement one row at a time in the clustering's order (ingest/cluster-events.ts
 * `clusteringOrder`: day-level dates first, then week and range, month, quarter, year, any other;
 * then by start, document (core/report-order.ts compareDocuments), sentence), sorted by SQLite,
 * which spills to disk rather than hold them all. Callers that read it twice hold a read
 * transaction, so both passes see the same rows.
 */
export function* orderedStatements(store: Store, options: { documents?: boolean } = {}): Generator<StatementRow> {
  const read = statementReader();
  // Without `documents`: what a statement says, and of its document only what orders it (report,
  // source and date are left empty).
  const columns =
    options.documents === false
      ? `SELECT s.id, s.doc_id AS docId, s.sentence, s.date AS value, s.granularity, s.date_start AS start,
           s.date_end AS end, s.action, s.terms, s.subject_id AS subjectId, s.place_id AS placeId, s.participants,
           s.mentioned, s.name, s.named, s.event_noun AS eventNoun, NULL AS source, NULL AS published,
           d.external_id AS externalId, d.sha256 AS sha, '' AS report
         FROM statements s JOIN documents d ON d.id = s.doc_id`
      : STATEMENT_COLUMNS;
  const rows = stmt(
    withDocumentOrder(sqlite(store)),
    `${columns} WHERE ${NOT_LEAD}
     ORDER BY CASE s.granularity WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'range' THEN 1 WHEN 'month' THEN 2
                WHEN 'quarter' THEN 3 WHEN 'year' THEN 4 ELSE 5 END, s.date_start, ${DOCUMENT_ORDER}, s.sentence, s.id`,
  ).iterate();
  for (const r of rows as IterableIterator<StoredStatementRow>) yield read(r);
}

/**
 * Run `work` (the clustering's two passes over every statement) in one read transaction, so both see
 * the same snapshot, with a small page cache: each pass is a sort of every statement, which SQLite
 * holds in memory up to the cache's size (64 MB for an ingest) before it spills to a temporary file,
 * and the passes read no page twice that a cache would keep. At a million articles: 270 → 100 MB
 * before the first statement is clustered, in the same time.
 */
export function inReadTransaction<T>(store: Store, work: () => T): T {
  const db = sqlite(store);
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -8192');
  try {
    return db.transaction(work).deferred();
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}

/** An entity's type and canonical name, by id. */
export function entityTypeAndName(store: Store, id: number): { type: string; name: string } | null {
  return (stmt(sqlite(store), 'SELECT type, name FROM entities WHERE id = ?').get(id) ?? null) as {
    type: string;
    name: string;
  } | null;
}

/** Every alias of an entity, as written. */
export function entityAliases(store: Store, id: number): string[] {
  return stmt(sqlite(store), 'SELECT DISTINCT alias FROM aliases WHERE entity_id = ?').pluck().all(id) as string[];
}

/** How often each form is written among an entity's mentions (from mention_forms, a row per form). */
export function writtenForms(store: Store, id: number): Map<string, number> {
  const rows = stmt(
    sqlite(store),
    'SELECT text, sum(mentions) AS n FROM mention_forms WHERE entity_id = ? GROUP BY text',
  ).all(id) as { text: string; n: number }[];
  return new Map(rows.map((r) => [r.text, r.n]));
}

/** A document's dateline field, the start of its body (where a dateline may be written) and its date. */
export function documentDateline(
  store: Store,
  docId: number,
): { dateline: string | null; head: string; date: string | null } | null {
  return (
    (stmt(
      sqlite(store),
      'SELECT dateline, substr(body, 1, 300) AS head, substr(date, 1, 10) AS date FROM documents WHERE id = ?',
    ).get(docId) as { dateline: string | null; head: string; date: string | null } | undefined) ?? null
  );
}

/** The id of the country entity of that name, or null. */
export function countryEntityId(store: Store, name: string): number | null {
  const row = stmt(sqlite(store), "SELECT id FROM entities WHERE type = 'COUNTRY' AND name = ?").get(name) as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}

/**
 * Which entities are countries or places (`isPlace`), and which of those are places that are not
 * countries (`isLocality`: a city, a region, a street: where, never who), for the event clustering.
 * One read of the entities for both.
 */
export function placeLookups(store: Store): { isPlace: (id: number) => boolean; isLocality: (id: number) => boolean } {
  const rows = stmt(sqlite(store), "SELECT id, type FROM entities WHERE type IN ('COUNTRY', 'PLACE')").all() as {
    id: number;
    type: string;
  }[];
  const places = new Set(rows.map((r) => r.id));
  const localities = new Set(rows.filter((r) => r.type === 'PLACE').map((r) => r.id));
  return { isPlace: (id) => places.has(id), isLocality: (id) => localities.has(id) };
}

// ---- events ----

/**
 * Replace every corpus event with those `produce` hands to `add`, in one transaction. `produce` may
 * read through `store` (it clusters the statements) while the events are written as they come, through
 * a second connection: at a million articles the finished events would otherwise be held until the
 * end (about 200 MB). That connection takes the write lock with the first event only if it is free at
 * once: waiting for it while `store` holds its read snapshot could wait forever on another ingest
 * that needs this one's readers gone (switching its journal mode at the end). Without a second
 * connection or the lock, the events are held and written once `produce` returns, as before. Returns
 * how many of them are events (not lone mentions).
 */
export function replaceCorpusEventsFrom(
  store: Store,
  produce: (add: (event: CorpusEventInput) => void) => void,
): number {
  const other = secondConnection(store);
  const held: CorpusEventInput[] = [];
  // Decided at the first event: written through `other` as they come, or held.
  const state: { tried: boolean; streaming: EventWriter | null } = { tried: false, streaming: null };
  let events = 0;
  try {
    produce((e) => {
      if (!state.tried) {
        state.tried = true;
        if (other && beginAtOnce(sqlite(other))) state.streaming = eventWriter(sqlite(other));
      }
      if (state.streaming) events += state.streaming.add(e);
      else held.push(e);
    });
    if (state.streaming) {
      state.streaming.finish();
      sqlite(other!).exec('COMMIT');
      return events;
    }
  } catch (error) {
    if (other && sqlite(other).inTransaction) sqlite(other).exec('ROLLBACK');
    throw error;
  } finally {
    other?.close();
  }
  sqlite(store)
    .transaction(() => {
      const write = eventWriter(sqlite(store));
      for (const e of held) events += write.add(e);
      write.finish();
    })
    .immediate();
  return events;
}

/** BEGIN IMMEDIATE if the write lock is free now; false if another connection holds it. */
function beginAtOnce(db: Db): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch (error) {
    if (isSqliteError(error) && error.code.startsWith('SQLITE_BUSY')) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

interface EventWriter {
  /** Writes one event; 1 when it is an event, 0 for a lone mention. */
  add(e: CorpusEventInput): number;
  /** Gives the events that share a key their final keys. */
  finish(): void;
}

/** Clears the corpus events, then writes events one at a time under unique keys (see EventKeys). */
function eventWriter(db: Db): EventWriter {
  db.exec('DELETE FROM corpus_event_entities; DELETE FROM corpus_event_statements; DELETE FROM corpus_events;');
  const insert = stmt(
    db,
    `INSERT INTO corpus_events (key, kind, name, date, granularity, date_start, date_end, place_id, documents, sources, days, score, conflicts, lead_statement)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const member = stmt(db, 'INSERT INTO corpus_event_statements (event_id, statement_id) VALUES (?, ?)');
  const entity = stmt(
    db,
    'INSERT INTO corpus_event_entities (entity_id, event_id, documents, participant, kind) VALUES (?, ?, ?, ?, ?)',
  );
  const keys = new EventKeys();
  return {
    add(e) {
      const id = Number(
        insert.run(
          keys.add(e.key, e.keyStatement),
          e.kind,
          e.name,
          e.date.value,
          e.date.granularity,
          e.date.start,
          e.date.end,
          e.placeId,
          e.documents,
          e.sources,
          e.days,
          e.score,
          JSON.stringify(e.conflicts),
          e.lead,
        ).lastInsertRowid,
      );
      for (const s of e.statementIds) member.run(id, s);
      for (const x of e.entities) entity.run(x.entityId, id, x.documents, x.participant ? 1 : 0, e.kind);
      return e.kind === 'event' ? 1 : 0;
    },
    finish() {
      // Through a key no event has, so that no two rows hold one key on the way.
      const rename = stmt(db, 'UPDATE corpus_events SET key = ? WHERE key = ?');
      const renames = keys.renames();
      for (const r of renames) rename.run(`\u0001${r.from}`, r.from);
      for (const r of renames) rename.run(r.to, `\u0001${r.from}`);
    },
  };
}

export interface CorpusEventRow extends CorpusEventSummary {
  id: number;
  /** Reports that name the entity followed (the whole support when no entity is followed). */
  entityDocuments: number;
}

export interface CorpusEventFilter {
  entityId?: number;
  placeId?: number;
  /** Overlap with [from, to] (days, inclusive). */
  from?: string | null;
  to?: string | null;
  kinds: readonly ('event' | 'mention')[];
  /** At most this many, the most salient (SQLite keeps only the top rows instead of sorting them all). */
  limit?: number;
}

/**
 * Events (and lone mentions) in scope, most salient first. Following an entity: by the reports that
 * name it, counted twice when it takes part (so an event it is only named beside ranks lower).
 */
export function corpusEvents(store: Store, filter: CorpusEventFilter): CorpusEventRow[] {
  const { sql, params } = eventListQuery(filter);
  const rows = stmt(sqlite(store), sql).all(...params) as (Omit<CorpusEventRow, 'date' | 'conflicts'> & {
    value: string;
    granularity: Granularity;
    start: string;
    end: string;
    conflicts: string;
  })[];
  return rows.map(({ value, granularity, start, end, conflicts, ...r }) => ({
    ...r,
    date: { value, granularity, start, end },
    conflicts: storedValue("an event's conflicting dates", () => JSON.parse(conflicts) as CorpusEventRow['conflicts']),
  }));
}

/**
 * How many events (and lone mentions) are in scope, without sorting them. CROSS JOIN (here and in
 * corpusEvents) makes SQLite start from the entity's own events: left to itself it may walk every
 * event of the kind and probe each for the entity.
 */
export function corpusEventCount(store: Store, filter: CorpusEventFilter): number {
  const { sql, params } = eventCountQuery(filter);
  return stmt(sqlite(store), sql)
    .pluck()
    .get(...params) as number;
}

/** How SQLite runs an entity's timeline (EXPLAIN QUERY PLAN): the test checks both use the rank index. */
export function entityTimelinePlans(store: Store, entityId: number): { list: string[]; count: string[] } {
  const plan = ({ sql, params }: { sql: string; params: (string | number)[] }) =>
    (
      sqlite(store)
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params) as { detail: string }[]
    ).map((p) => p.detail);
  const filter: CorpusEventFilter = { entityId, kinds: ['event'], limit: 25 };
  return { list: plan(eventListQuery(filter)), count: plan(eventCountQuery(filter)) };
}

function eventListQuery(filter: CorpusEventFilter): { sql: string; params: (string | number)[] } {
  const following = filter.entityId !== undefined;
  const { where, params } = eventConditions(filter, following ? 'x' : 'e');
  const columns = `e.id, e.key, e.kind, e.name, e.date AS value, e.granularity, e.date_start AS start, e.date_end AS end,
    e.place_id AS placeId, e.documents, e.sources, e.days, e.score, e.conflicts, e.lead_statement AS lead`;
  const limit = filter.limit === undefined || !Number.isFinite(filter.limit) ? -1 : filter.limit;
  // Following an entity, the rank index (migration 12) yields its events best first: only the ties
  // at the cut are sorted, not all its events. (Named: without ANALYZE statistics, as in a small or
  // new database, SQLite prefers the primary key and sorts everything.)
  const sql = following
    ? `SELECT ${columns}, x.documents AS entityDocuments FROM corpus_event_entities x INDEXED BY corpus_event_entities_rank
         CROSS JOIN corpus_events e ON e.id = x.event_id
         WHERE x.entity_id = ? AND ${where.join(' AND ')}
         ORDER BY (x.documents * (1 + x.participant)) DESC, e.score DESC, e.date_start, e.key LIMIT ?`
    : `SELECT ${columns}, e.documents AS entityDocuments FROM corpus_events e WHERE ${where.join(' AND ')}
         ORDER BY e.score DESC, e.date_start, e.key LIMIT ?`;
  return { sql, params: [...(following ? [filter.entityId as number] : []), ...params, limit] };
}

function eventCountQuery(filter: CorpusEventFilter): { sql: string; params: (string | number)[] } {
  const following = filter.entityId !== undefined;
  const { where, params } = eventConditions(filter, following ? 'x' : 'e');
  // Following an entity with nothing but the kind asked: its own index rows answer.
  const sql = !following
    ? `SELECT count(*) FROM corpus_events e WHERE ${where.join(' AND ')}`
    : where.length === 1
      ? `SELECT count(*) FROM corpus_event_entities x WHERE x.entity_id = ? AND ${where[0]}`
      : `SELECT count(*) FROM corpus_event_entities x CROSS JOIN corpus_events e ON e.id = x.event_id
         WHERE x.entity_id = ? AND ${where.join(' AND ')}`;
  return { sql, params: [...(following ? [filter.entityId as number] : []), ...params] };
}

/**
 * Whether an event's span is when it took place, not how vaguely its date is known: a day, or a
 * span of days up to a week (`March 9-12`); a longer span (`June 26, 1987 to May 8, 1988`) is a
 * period something ran over.
 */
const EXACT_SPAN =
  "(e.granularity = 'day' OR (e.granularity = 'range' AND julianday(e.date_end) - julianday(e.date_start) <= 7))";

/** The WHERE terms of a filter; the kind is read from `kindOf` (x: the entity's own rows, which carry it). */
function eventConditions(
  filter: CorpusEventFilter,
  kindOf: 'e' | 'x',
): { where: string[]; params: (string | number)[] } {
  const where: string[] = [`${kindOf}.kind IN (${filter.kinds.map(() => '?').join(', ')})`];
  const params: (string | number)[] = [...filter.kinds];
  // A day or a span of days counts when it reaches into the range; a week, month, year or a longer
  // span only when it lies within it: `1987` says when only to the year, so a timeline of October
  // 19-20 that listed it (and every month-dated event of October) buried the two days' events under
  // vaguer ones.
  if (filter.from) {
    where.push(`e.date_end >= ? AND (${EXACT_SPAN} OR e.date_start >= ?)`);
    params.push(filter.from, filter.from);
  }
  if (filter.to) {
    where.push(`e.date_start <= ? AND (${EXACT_SPAN} OR e.date_end <= ?)`);
    params.push(filter.to, filter.to);
  }
  // Where it happened: its place, or, for an event placed nowhere (`Brazil moratorium`), a place
  // taking part. A participant of an event placed elsewhere (Brazil at `ICO talks in London`) is
  // --entity's, not --place's.
  if (filter.placeId !== undefined) {
    where.push(
      '(e.place_id = ? OR (e.place_id IS NULL AND EXISTS (SELECT 1 FROM corpus_event_entities p WHERE p.event_id = e.id AND p.entity_id = ?)))',
    );
    params.push(filter.placeId, filter.placeId);
  }
  return { where, params };
}

export interface EventSupportRow extends OrderedDocument {
  eventId: number;
  sentence: number;
  published: string | null;
  statementDate: string;
}

/**
 * The supporting statements of some events, with their documents' dates, in publication order. Only
 * the date of each document is read (it sits before the body in the row); what a report shows is read
 * by `reportDocuments` for the few reports shown.
 */
export function eventSupport(store: Store, eventIds: readonly number[]): EventSupportRow[] {
  const db = sqlite(store);
  if (eventIds.length === 0) return [];
  const out: EventSupportRow[] = [];
  const q = stmt(
    db,
    `SELECT m.event_id AS eventId, s.doc_id AS docId, s.sentence, s.date AS statementDate, d.date AS published,
       d.external_id AS externalId, d.sha256 AS sha
     FROM corpus_event_statements m JOIN statements s ON s.id = m.statement_id JOIN documents d ON d.id = s.doc_id
     WHERE m.event_id = ? ORDER BY d.date, s.doc_id, s.sentence`,
  );
  for (const id of eventIds) for (const row of q.all(id) as StoredSupportRow[]) out.push(supportRow(row));
  return out;
}

type StoredSupportRow = Omit<EventSupportRow, 'docOrder' | 'docHash'> & { externalId: string | null; sha: string };

function supportRow({ externalId, sha, ...row }: StoredSupportRow): EventSupportRow {
  return { ...row, docOrder: documentOrder(externalId), docHash: documentHash(sha) };
}

/** The lead statement of each event (event id → statement id), as eventSupport gives it. */
export function leadSupport(store: Store, leads: ReadonlyMap<number, number>): EventSupportRow[] {
  const q = stmt(
    sqlite(store),
    `SELECT ? AS eventId, s.doc_id AS docId, s.sentence, s.date AS statementDate, d.date AS published,
       d.external_id AS externalId, d.sha256 AS sha
     FROM statements s JOIN documents d ON d.id = s.doc_id WHERE s.id = ?`,
  );
  const out: EventSupportRow[] = [];
  for (const [eventId, statementId] of leads) {
    const row = q.get(eventId, statementId) as StoredSupportRow | undefined;
    if (row) out.push(supportRow(row));
  }
  return out;
}

export interface ReportDocument {
  docId: number;
  externalId: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  /** The first of its paths. */
  path: string | null;
}

/** What the timeline shows of some reporting documents (id → document). */
export function reportDocuments(store: Store, docIds: Iterable<number>): Map<number, ReportDocument> {
  const db = sqlite(store);
  const q = stmt(
    db,
    `SELECT d.id AS docId, d.external_id AS externalId, d.title, d.source, d.date AS published,
       (SELECT min(path) FROM paths WHERE doc_id = d.id) AS path
     FROM documents d WHERE d.id = ?`,
  );
  const out = new Map<number, ReportDocument>();
  for (const id of docIds) {
    if (out.has(id)) continue;
    const row = q.get(id) as ReportDocument | undefined;
    if (row) out.set(id, row);
  }
  return out;
}

/** The participants of some events, most reported first. */
export function eventParticipants(
  store: Store,
  eventIds: readonly number[],
): { eventId: number; id: number; name: string; type: string }[] {
  const db = sqlite(store);
  const q = stmt(
    db,
    `SELECT x.event_id AS eventId, n.id, n.name, n.type FROM corpus_event_entities x JOIN entities n ON n.id = x.entity_id
     WHERE x.event_id = ? AND x.participant = 1 ORDER BY x.documents DESC, n.name`,
  );
  return eventIds.flatMap((id) => q.all(id) as { eventId: number; id: number; name: string; type: string }[]);
}

export function entityById(store: Store, id: number): { id: number; name: string; type: string } | null {
  const db = sqlite(store);
  return (
    (stmt(db, 'SELECT id, name, type FROM entities WHERE id = ?').get(id) as
      | { id: number; name: string; type: string }
      | undefined) ?? null
  );
}

/** The text of some sentences of a document (index → text). */
export function sentenceTexts(store: Store, docId: number, indexes: readonly number[]): Map<number, string> {
  const db = sqlite(store);
  const out = new Map<number, string>();
  const row = stmt(db, 'SELECT body, sentences FROM documents WHERE id = ?').get(docId) as
    | { body: string; sentences: Buffer }
    | undefined;
  if (!row) return out;
  const spans = unpackSentences(row.sentences);
  for (const i of indexes) {
    const span = spans[i];
    if (span) out.set(i, row.body.slice(span.start, span.end).replace(/\s+/g, ' ').trim());
  }
  return out;
}

/** How many corpus events and lone mentions there are (for `stats` and the digest's last line). */
export function corpusEventCounts(store: Store): { events: number; mentions: number } {
  const db = sqlite(store);
  const rows = stmt(db, 'SELECT kind, count(*) AS n FROM corpus_events GROUP BY kind').all() as {
    kind: string;
    n: number;
  }[];
  return {
    events: rows.find((r) => r.kind === 'event')?.n ?? 0,
    mentions: rows.find((r) => r.kind === 'mention')?.n ?? 0,
  };
}

export { inTransaction } from './db.js';

// ---- for bench:events ----

/** The per-document events (the finder's), with the path of a document reporting each. */
export function documentEventsByPath(store: Store): { path: string; name: string; date: string | null }[] {
  const db = sqlite(store);
  return stmt(
    db,
    `SELECT p.path, e.name, e.date FROM events e JOIN event_mentions em ON em.event_id = e.id JOIN paths p ON p.doc_id = em.doc_id
     GROUP BY p.path, e.id`,
  ).all() as { path: string; name: string; date: string | null }[];
}

/** Statement id → the corpus event holding it. */
export function eventOfStatements(store: Store): Map<number, number> {
  const db = sqlite(store);
  const rows = stmt(db, 'SELECT event_id AS e, statement_id AS s FROM corpus_event_statements').all() as {
    e: number;
    s: number;
  }[];
  return new Map(rows.map((r) => [r.s, r.e]));
}

/** Forget which documents have their statements, so the next update reads them all again. */
export function forgetStatements(store: Store): void {
  stmt(sqlite(store), 'DELETE FROM statement_docs').run();
}

/** The entity with the most mentions (the largest timeline). */
export function mostMentionedEntity(store: Store): string {
  return stmt(
    sqlite(store),
    'SELECT e.name FROM entities e JOIN mentions m ON m.entity_id = e.id GROUP BY e.id ORDER BY count(*) DESC LIMIT 1',
  )
    .pluck()
    .get() as string;
}
