/**
 * The FTS index's vocabulary, for typo tolerance: indexed stems and their document counts, where a
 * stem occurs, and how SQLite itself stems a word (a scratch FTS5 table with the index's tokenizer,
 * so stems always agree with the index). Everything lives in the temp schema: a read-only database works.
 */
import { sqlite, type Db, type Store } from './db.js';
import { statement } from './statements.js';

/** The index's tokenizer (schema.ts), for scratch tables whose tokens must agree with it. */
export const TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2'";
const prepared = new WeakSet<Db>();

/** Create the temp vocabulary tables once per connection (also used by store/ranking.ts). */
export function prepareVocabulary(db: Db): void {
  if (prepared.has(db)) return;
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.corpus_search_vocab USING fts5vocab(main, documents_fts, 'row');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.corpus_search_instances USING fts5vocab(main, documents_fts, 'instance');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.corpus_search_stem USING fts5(word, content='', ${TOKENIZE});
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.corpus_search_stem_terms USING fts5vocab(temp, corpus_search_stem, 'instance');
  `);
  prepared.add(db);
}

/** The terms SQLite's tokenizer makes of `text`, with the position of the token each came from. */
export function tokenizeLikeIndex(store: Store, text: string): { term: string; offset: number }[] {
  const db = sqlite(store);
  prepareVocabulary(db);
  return db.transaction(() => {
    statement(db, "INSERT INTO temp.corpus_search_stem(corpus_search_stem) VALUES('delete-all')").run();
    statement(db, 'INSERT INTO temp.corpus_search_stem(rowid, word) VALUES (1, ?)').run(text);
    return statement(db, 'SELECT term, offset FROM temp.corpus_search_stem_terms').all() as {
      term: string;
      offset: number;
    }[];
  })();
}

/** SQLite's varints (big-endian groups of 7 bits; the ninth byte holds 8), as FTS5 stores its sizes. */
export function sqliteVarints(blob: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < blob.length) {
    let value = 0;
    for (let n = 0; n < 9 && i < blob.length; n++) {
      const byte = blob[i++];
      if (n === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    out.push(value);
  }
  return out;
}

/** FTS5's totals: documents, then tokens of each column (title, body), from its "averages" record (row 1). */
export function ftsTotals(db: Db): number[] {
  const row = statement(db, 'SELECT block FROM documents_fts_data WHERE id = 1').get() as
    | { block: Uint8Array }
    | undefined;
  return row ? sqliteVarints(row.block) : [];
}

/** Above this many documents, a common term's statistics are estimated (see termStats). */
export const EXACT_STATS_DOCUMENTS = 100_000;
/** A term in more than this share of the latest documents is common enough to estimate. */
const ESTIMATE_WINDOW = 20_000;

/** Documents holding an indexed term and its occurrences (zeros when it is not indexed). */
export interface TermStats {
  doc: number;
  cnt: number;
}

/**
 * Kept per connection while the index is unchanged (see indexVersion): fts5vocab counts a term by
 * walking its whole doclist (~1 ms for a word in most documents of Reuters), and one search asks
 * about the same words for its cost bound, its entity gate and its idf.
 */
interface StatsCache {
  version: string;
  exact: Map<string, TermStats>;
  estimated: Map<string, TermStats | null>;
  prefixes: Map<string, PrefixStats>;
  window?: { after: number; documents: number; total: number };
}
const statsCache = new WeakMap<Db, StatsCache>();
const STATS_CACHE_SIZE = 10_000;

/**
 * Changes whenever the index does. PRAGMA data_version changes with another connection's commits
 * only; this connection's own writes rewrite FTS5's structure record (row 10 of its data table: the
 * segments and a write counter) whenever they reach the index. Keyed on data_version alone, a
 * process that wrote and then searched ranked with the counts from before its writes. (Not
 * total_changes(): a search's own writes to its temp tables would empty the cache every time.)
 */
function indexVersion(db: Db): string {
  const row = statement(
    db,
    'SELECT (SELECT data_version FROM pragma_data_version()) AS data, (SELECT block FROM documents_fts_data WHERE id = 10) AS structure',
  ).get() as { data: number; structure: Uint8Array | null };
  return `${row.data}:${row.structure ? Buffer.from(row.structure).toString('base64') : ''}`;
}

function cacheOf(db: Db): StatsCache {
  const version = indexVersion(db);
  let cache = statsCache.get(db);
  if (
    !cache ||
    cache.version !== version ||
    cache.exact.size + cache.estimated.size + cache.prefixes.size > STATS_CACHE_SIZE
  ) {
    cache = { version, exact: new Map(), estimated: new Map(), prefixes: new Map() };
    statsCache.set(db, cache);
  }
  return cache;
}

/**
 * A term's documents and occurrences. `estimate`: in a large index a common term may be estimated
 * (see estimatedStats) — for a cost bound or an idf; typo correction asks for rare terms, exactly.
 */
export function termStats(store: Store, stem: string, estimate = false): TermStats {
  const db = sqlite(store);
  prepareVocabulary(db);
  const cache = cacheOf(db);
  const known = cache.exact.get(stem);
  if (known) return known;
  if (estimate) {
    let guess = cache.estimated.get(stem);
    if (guess === undefined) {
      guess = estimatedStats(db, stem, cache);
      cache.estimated.set(stem, guess);
    }
    if (guess) return guess;
  }
  const stats = exactStats(db, stem);
  cache.exact.set(stem, stats);
  return stats;
}

/** The indexed terms a prefix expands to, counted up to a limit, with their occurrences and documents. */
export interface PrefixStats {
  terms: number;
  occurrences: number;
  /** The sum of each term's documents: at least the documents holding any of them. */
  documents: number;
}

/**
 * How many indexed terms start with `prefix` (counted up to `limit` + 1, so a two-letter prefix
 * costs a bounded scan), their total occurrences and documents. Kept per connection as termStats
 * is: fts5vocab walks each term's doclist, and a search asks for its cost bound and its idf.
 */
export function prefixStats(store: Store, prefix: string, limit: number): PrefixStats {
  const db = sqlite(store);
  prepareVocabulary(db);
  const cache = cacheOf(db);
  const key = `${prefix}\u0000${limit}`;
  let stats = cache.prefixes.get(key);
  if (!stats) {
    stats = statement(
      db,
      `SELECT count(*) AS terms, coalesce(sum(cnt), 0) AS occurrences, coalesce(sum(doc), 0) AS documents
         FROM (SELECT cnt, doc FROM temp.corpus_search_vocab WHERE term >= @lo AND term < @hi LIMIT @limit)`,
    ).get({ lo: prefix, hi: prefix + '\uffff', limit: limit + 1 }) as PrefixStats;
    cache.prefixes.set(key, stats);
  }
  return stats;
}

function exactStats(db: Db, stem: string): TermStats {
  const row = statement(db, 'SELECT doc, cnt FROM temp.corpus_search_vocab WHERE term = ?').get(stem) as
    | TermStats
    | undefined;
  return row ?? { doc: 0, cnt: 0 };
}

/**
 * In a large index, fts5vocab counts a term by walking its whole doclist (tens of ms for a word in
 * most of a million documents). There, a term found in many of the latest ESTIMATE_WINDOW documents
 * (FTS5 seeks to a rowid range) is estimated from them: its documents by their share of the window,
 * its occurrences at OCCURRENCES_PER_DOCUMENT (a cost bound and an idf need no more). Null (count
 * exactly) for a small index, a term rare in the window, or a stem the tokenizer would stem again.
 */
function estimatedStats(db: Db, stem: string, cache: StatsCache): TermStats | null {
  if (!cache.window) {
    const [total = 0] = ftsTotals(db);
    cache.window = {
      ...(total > EXACT_STATS_DOCUMENTS ? latestDocuments(db, ESTIMATE_WINDOW) : { after: 0, documents: 0 }),
      total,
    };
  }
  const window = cache.window;
  if (window.total <= EXACT_STATS_DOCUMENTS || window.documents === 0 || !/^[\p{L}\p{N}]+$/u.test(stem)) return null;
  // The bound binds as an integer: FTS5 seeks only to an integer rowid bound (a JS number binds as REAL and scans).
  const inWindow = statement(
    db,
    'SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH @term AND rowid > @lo',
  ).get({ term: `"${stem}"`, lo: BigInt(window.after) }) as { n: number };
  // Rare in the window: rare overall, and cheap to count exactly.
  if (inWindow.n < window.documents / 100) return null;
  if (stemOf(db, stem) !== stem) return null;
  const doc = Math.round((inWindow.n / window.documents) * window.total);
  return { doc, cnt: doc * OCCURRENCES_PER_DOCUMENT };
}

/** The documents with the `span` highest ids: they have ids above `after`. */
export function latestDocuments(db: Db, span: number): { after: number; documents: number } {
  const last = statement(db, 'SELECT max(id) AS hi FROM documents').get() as { hi: number | null };
  if (last.hi === null) return { after: 0, documents: 0 };
  const after = last.hi - span;
  // FTS5's per-document sizes: a row of a few bytes per document (the documents table holds bodies).
  const n = statement(db, 'SELECT count(*) AS n FROM documents_fts_docsize WHERE id > ?').get(after) as { n: number };
  return { after, documents: n.n };
}

/** Occurrences per document assumed for an estimated common term (Reuters: 3.5 for "said"). */
const OCCURRENCES_PER_DOCUMENT = 3;

function stemOf(db: Db, word: string): string | null {
  statement(db, "INSERT INTO temp.corpus_search_stem(corpus_search_stem) VALUES('delete-all')").run();
  statement(db, 'INSERT INTO temp.corpus_search_stem(rowid, word) VALUES (1, ?)').run(word);
  const row = statement(db, 'SELECT term FROM temp.corpus_search_stem_terms').get() as { term: string } | undefined;
  return row?.term ?? null;
}

/** Documents holding an indexed term (0 when it is not indexed). */
export function termDocs(store: Store, stem: string): number {
  return termStats(store, stem).doc;
}

/**
 * Documents holding a word as the index reads it (stemmed like the index), counted only up to
 * `most` + 1: FTS5 stops there, where an exact count walks the word's whole doclist (a common word
 * at a million documents: tens of ms in a fresh process).
 */
export function documentsWithWordUpTo(store: Store, word: string, most: number): number {
  const row = statement(
    sqlite(store),
    'SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH @word LIMIT @cap)',
  ).get({ word: `"${word.replace(/"/g, '""')}"`, cap: most + 1 }) as { n: number };
  return row.n;
}

/** Indexed terms in [from, to) with their document counts, streamed. */
export function termsBetween(store: Store, from: string, to: string): Iterable<{ term: string; doc: number }> {
  const db = sqlite(store);
  prepareVocabulary(db);
  return statement(db, 'SELECT term, doc FROM temp.corpus_search_vocab WHERE term >= ? AND term < ?').iterate(
    from,
    to,
  ) as Iterable<{
    term: string;
    doc: number;
  }>;
}

/** A few places a term occurs: document, column (`title`/`body`) and token offset. */
export function termInstances(
  store: Store,
  stem: string,
  limit: number,
): { doc: number; col: string; offset: number }[] {
  const db = sqlite(store);
  prepareVocabulary(db);
  return statement(db, 'SELECT doc, col, offset FROM temp.corpus_search_instances WHERE term = ? LIMIT ?').all(
    stem,
    limit,
  ) as {
    doc: number;
    col: string;
    offset: number;
  }[];
}

/** A document's title or body. */
export function documentText(store: Store, docId: number, column: 'title' | 'body'): string | null {
  const db = sqlite(store);
  const sql =
    column === 'title'
      ? 'SELECT title AS text FROM documents WHERE id = ?'
      : 'SELECT body AS text FROM documents WHERE id = ?';
  const row = statement(db, sql).get(docId) as { text: string | null } | undefined;
  return row?.text ?? null;
}
