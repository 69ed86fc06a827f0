/**
 * What the second ranking stage reads for a few candidate documents: their length and the start of
 * their body (for the boilerplate prior), and which of them match a proximity expression.
 */
import { sqlite, type Store } from './db.js';
import { statement } from './statements.js';
import { ftsTotals, sqliteVarints, termStats } from './vocabulary.js';

export interface CandidateText {
  id: number;
  tokens: number;
  /** The first `chars` characters of the body. */
  head: string;
}

export function candidateTexts(store: Store, ids: number[], chars: number): CandidateText[] {
  const db = sqlite(store);
  if (ids.length === 0) return [];
  return statement(
    db,
    'SELECT id, tokens, substr(body, 1, @chars) AS head FROM documents WHERE id IN (SELECT value FROM json_each(@ids))',
  ).all({
    ids: JSON.stringify(ids),
    chars,
  }) as CandidateText[];
}

/**
 * The candidates that match an FTS5 expression (a NEAR group or a phrase). The unary + keeps FTS5
 * from running the expression once per id.
 */
export function matchingAmong(store: Store, expression: string, ids: number[]): Set<number> {
  const db = sqlite(store);
  if (ids.length === 0) return new Set();
  const rows = statement(
    db,
    'SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @expression AND +rowid IN (SELECT value FROM json_each(@ids))',
  ).all({
    expression,
    ids: JSON.stringify(ids),
  }) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** Total occurrences of an indexed term (a porter stem) in the corpus (estimated in a large one); 0 when not indexed. */
export function termOccurrences(store: Store, stem: string): number {
  return termStats(store, stem, true).cnt;
}

/** Documents holding an indexed term (estimated for a common term of a large index), for an idf. */
export function termDocuments(store: Store, stem: string): number {
  return termStats(store, stem, true).doc;
}

/**
 * Mentions of an entity, at most `cap`: from the counter resolution keeps (entity_stats), else counted
 * up to `cap` (a bounded index range scan; Japan's 57,508 at a million articles took 2.4 ms of a
 * 41 ms search).
 */
export function mentionsUpTo(store: Store, entityId: number, cap: number): number {
  const db = sqlite(store);
  const most = Math.max(1, Math.ceil(cap));
  const kept = statement(db, 'SELECT mentions FROM entity_stats WHERE entity_id = ?').pluck().get(entityId) as
    | number
    | undefined;
  if (kept !== undefined) return Math.min(kept, most);
  const row = statement(db, 'SELECT count(*) AS n FROM (SELECT 1 FROM mentions WHERE entity_id = ? LIMIT ?)').get(
    entityId,
    most,
  ) as { n: number };
  return row.n;
}

/** Documents mentioning an entity, counted only up to `cap` (a covering read of entity_docs). */
export function entityDocumentsUpTo(store: Store, entityId: number, cap: number): number {
  const row = statement(
    sqlite(store),
    'SELECT count(*) AS n FROM (SELECT 1 FROM entity_docs WHERE entity_id = ? LIMIT ?)',
  ).get(entityId, Math.max(1, Math.ceil(cap))) as { n: number };
  return row.n;
}

/** The baseline of bench:relevance: bare FTS5 bm25() with default weights, best first. */
export function bareBm25(store: Store, match: string, limit: number): number[] {
  const db = sqlite(store);
  return (
    statement(
      db,
      'SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?',
    ).all(match, limit) as { id: number }[]
  ).map((r) => r.id);
}

/**
 * Each match's stage-one score both ways: FTS5's bm25() and corpus_bm25 given `phraseDocuments` (see
 * searchDocuments), title weighted as search weighs it. For checking the ranking extension (its tests
 * and the scale benchmark); needs the extension loaded (hasRankFunction).
 */
export function bothBm25(
  store: Store,
  match: string,
  phraseDocuments: string,
  titleWeight: number,
): { id: number; fts5: number; ours: number }[] {
  return statement(
    sqlite(store),
    `SELECT rowid AS id, bm25(documents_fts, @w, 1) AS fts5, corpus_bm25(documents_fts, @w, 1, @counts) AS ours
       FROM documents_fts WHERE documents_fts MATCH @match`,
  ).all({ match, counts: phraseDocuments, w: titleWeight }) as { id: number; fts5: number; ours: number }[];
}

/**
 * Whether each of `probes` is in the set corpus_idset makes of `ids` (1 or 0): the extension's id
 * bitmaps, which search tests its matches against (see filteringByBitmaps). For its tests; needs the
 * extension loaded (hasRankFunction).
 */
export function inIdSet(store: Store, ids: (number | null)[], probes: (number | null)[]): number[] {
  const rows = statement(
    sqlite(store),
    `SELECT corpus_in((SELECT corpus_idset(value) FROM json_each(@ids)), p.value) AS has
       FROM json_each(@probes) AS p ORDER BY p.key`,
  ).all({ ids: JSON.stringify(ids), probes: JSON.stringify(probes) }) as { has: number }[];
  return rows.map((r) => r.has);
}

/** A candidate's metadata and the start of its body, for the second ranking stage. */
export interface RerankText {
  id: number;
  date: string | null;
  source: string | null;
  title: string | null;
  /** The first `chars` characters of the body. */
  head: string;
}

export function rerankTexts(store: Store, ids: number[], chars: number): RerankText[] {
  const db = sqlite(store);
  if (ids.length === 0) return [];
  return statement(
    db,
    'SELECT id, date, source, title, substr(body, 1, @chars) AS head FROM documents WHERE id IN (SELECT value FROM json_each(@ids))',
  ).all({ ids: JSON.stringify(ids), chars }) as RerankText[];
}

/** Index tokens of each field (title, body) of a document, as FTS5 counted them for bm25. */
export interface FieldLengths {
  title: number;
  body: number;
}

/** The candidates' field lengths, read from FTS5's own per-document sizes (no text is tokenized). */
export function fieldLengths(store: Store, ids: number[]): Map<number, FieldLengths> {
  const db = sqlite(store);
  const out = new Map<number, FieldLengths>();
  if (ids.length === 0) return out;
  const rows = statement(
    db,
    'SELECT id, sz FROM documents_fts_docsize WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as { id: number; sz: Uint8Array }[];
  for (const row of rows) {
    const [title = 0, body = 0] = sqliteVarints(row.sz);
    out.set(row.id, { title, body });
  }
  return out;
}

/** Documents in the index and the mean length of each field, from FTS5's totals record. */
export interface IndexTotals {
  documents: number;
  meanTitle: number;
  meanBody: number;
}

export function indexTotals(store: Store): IndexTotals {
  const db = sqlite(store);
  const [documents = 0, title = 0, body = 0] = ftsTotals(db);
  return {
    documents,
    meanTitle: documents > 0 ? Math.max(1, title / documents) : 1,
    meanBody: documents > 0 ? Math.max(1, body / documents) : 1,
  };
}

/** How often, and how early, each candidate mentions any of these entities or events. */
export interface EntityPresence {
  mentions: number;
  /** Index of the first sentence naming one of them (0 = the lead). */
  firstSentence: number;
}

/**
 * Each candidate's mentions of the query's entities and events: an event is named once and then
 * called `the summit`, and those later mentions tell a story about it from one that names it in passing.
 */
export function entityPresence(
  store: Store,
  refs: { entities: number[]; events: number[] },
  docIds: number[],
): Map<number, EntityPresence> {
  const db = sqlite(store);
  const out = new Map<number, EntityPresence>();
  if ((refs.entities.length === 0 && refs.events.length === 0) || docIds.length === 0) return out;
  const rows = statement(
    db,
    `SELECT id, sum(mentions) AS mentions, min(firstSentence) AS firstSentence FROM (
       SELECT doc_id AS id, count(*) AS mentions, min(sentence) AS firstSentence FROM mentions
        WHERE entity_id IN (SELECT value FROM json_each(@entities)) AND doc_id IN (SELECT value FROM json_each(@docs))
        GROUP BY doc_id
       UNION ALL
       SELECT doc_id AS id, count(*) AS mentions, min(sentence) AS firstSentence FROM event_mentions
        WHERE event_id IN (SELECT value FROM json_each(@events)) AND doc_id IN (SELECT value FROM json_each(@docs))
        GROUP BY doc_id)
     GROUP BY id`,
  ).all({
    entities: JSON.stringify(refs.entities),
    events: JSON.stringify(refs.events),
    docs: JSON.stringify(docIds),
  }) as ({ id: number } & EntityPresence)[];
  for (const row of rows) out.set(row.id, { mentions: row.mentions, firstSentence: row.firstSentence });
  return out;
}
