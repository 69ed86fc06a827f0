/**
 * The FTS index's vocabulary, for typo tolerance: indexed stems and their document counts, where a
 * stem occurs, and how SQLite itself stems a word (a scratch FTS5 table with the index's tokenizer,
 * so stems always agree with the index). Everything lives in the temp schema: a read-only database works.
 */
import { sqlite, type Db, type Store } from './db.js';
import { statement } from './statements.js';

const TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2'";
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

/** Documents holding an indexed term and its occurrences (zeros when it is not indexed). */
export interface TermStats {
  doc: number;
  cnt: number;
}

/**
 * Kept per connection while the database is unchanged (PRAGMA data_version): fts5vocab counts a
 * term by walking its whole doclist (~1 ms for a word in most documents of Reuters), and one search
 * asks about the same words for its cost bound, its entity gate and its idf.
 */
const statsCache = new WeakMap<Db, { version: number; stats: Map<string, TermStats> }>();
const STATS_CACHE_SIZE = 10_000;

export function termStats(store: Store, stem: string): TermStats {
  const db = sqlite(store);
  prepareVocabulary(db);
  const version = statement(db, 'PRAGMA data_version').pluck().get() as number;
  let cache = statsCache.get(db);
  if (!cache || cache.version !== version || cache.stats.size > STATS_CACHE_SIZE) {
    cache = { version, stats: new Map() };
    statsCache.set(db, cache);
  }
  let stats = cache.stats.get(stem);
  if (!stats) {
    const row = statement(db, 'SELECT doc, cnt FROM temp.corpus_search_vocab WHERE term = ?').get(stem) as
      | TermStats
      | undefined;
    stats = row ?? { doc: 0, cnt: 0 };
    cache.stats.set(stem, stats);
  }
  return stats;
}

/** Documents holding an indexed term (0 when it is not indexed). */
export function termDocs(store: Store, stem: string): number {
  return termStats(store, stem).doc;
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
