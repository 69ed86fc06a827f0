/**
 * What the second ranking stage reads for a few candidate documents: their length and the start of
 * their body (for the boilerplate prior), and which of them match a proximity expression.
 */
import { sqlite, type Store } from './db.js';
import { statement } from './statements.js';
import { prepareVocabulary } from './vocabulary.js';

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

/** Total occurrences of an indexed term (a porter stem) in the corpus; 0 when not indexed. */
export function termOccurrences(store: Store, stem: string): number {
  const db = sqlite(store);
  prepareVocabulary(db);
  const row = statement(db, 'SELECT cnt FROM temp.corpus_search_vocab WHERE term = ?').get(stem) as
    | { cnt: number }
    | undefined;
  return row?.cnt ?? 0;
}

/** Mentions of an entity, counted up to `cap` (a bounded index range scan). */
export function mentionsUpTo(store: Store, entityId: number, cap: number): number {
  const db = sqlite(store);
  const row = statement(db, 'SELECT count(*) AS n FROM (SELECT 1 FROM mentions WHERE entity_id = ? LIMIT ?)').get(
    entityId,
    Math.max(1, Math.ceil(cap)),
  ) as { n: number };
  return row.n;
}

/**
 * How many indexed terms start with `prefix` (counted up to `limit` + 1, so a two-letter prefix
 * costs a bounded scan) and their total occurrences.
 */
export function prefixExpansions(store: Store, prefix: string, limit: number): { terms: number; occurrences: number } {
  const db = sqlite(store);
  prepareVocabulary(db);
  const row = statement(
    db,
    'SELECT count(*) AS terms, coalesce(sum(cnt), 0) AS occurrences FROM (SELECT cnt FROM temp.corpus_search_vocab WHERE term >= @lo AND term < @hi LIMIT @limit)',
  ).get({ lo: prefix, hi: prefix + '\uffff', limit: limit + 1 }) as { terms: number; occurrences: number };
  return row;
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
