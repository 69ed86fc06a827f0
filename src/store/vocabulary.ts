/**
 * The FTS index's vocabulary, for typo tolerance: indexed stems and their document counts, where a
 * stem occurs, and how SQLite itself stems a word (a scratch FTS5 table with the index's tokenizer,
 * so stems always agree with the index). Everything lives in the temp schema: a read-only database works.
 */
import { sqlite, type Db, type Store } from './db.js';
import { statement } from './statements.js';

const TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2'";
const prepared = new WeakSet<Db>();

function prepare(db: Db): void {
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
  prepare(db);
  return db.transaction(() => {
    statement(db, "INSERT INTO temp.corpus_search_stem(corpus_search_stem) VALUES('delete-all')").run();
    statement(db, 'INSERT INTO temp.corpus_search_stem(rowid, word) VALUES (1, ?)').run(text);
    return statement(db, 'SELECT term, offset FROM temp.corpus_search_stem_terms').all() as { term: string; offset: number }[];
  })();
}

/** Documents holding an indexed term (0 when it is not indexed). */
export function termDocs(store: Store, stem: string): number {
  const db = sqlite(store);
  prepare(db);
  const row = statement(db, 'SELECT doc FROM temp.corpus_search_vocab WHERE term = ?').get(stem) as { doc: number } | undefined;
  return row?.doc ?? 0;
}

/** Indexed terms in [from, to) with their document counts, streamed. */
export function termsBetween(store: Store, from: string, to: string): Iterable<{ term: string; doc: number }> {
  const db = sqlite(store);
  prepare(db);
  return statement(db, 'SELECT term, doc FROM temp.corpus_search_vocab WHERE term >= ? AND term < ?').iterate(from, to) as Iterable<{
    term: string;
    doc: number;
  }>;
}

/** A few places a term occurs: document, column (`title`/`body`) and token offset. */
export function termInstances(store: Store, stem: string, limit: number): { doc: number; col: string; offset: number }[] {
  const db = sqlite(store);
  prepare(db);
  return statement(db, 'SELECT doc, col, offset FROM temp.corpus_search_instances WHERE term = ? LIMIT ?').all(stem, limit) as {
    doc: number;
    col: string;
    offset: number;
  }[];
}

/** A document's title or body. */
export function documentText(store: Store, docId: number, column: 'title' | 'body'): string | null {
  const db = sqlite(store);
  const sql = column === 'title' ? 'SELECT title AS text FROM documents WHERE id = ?' : 'SELECT body AS text FROM documents WHERE id = ?';
  const row = statement(db, sql).get(docId) as { text: string | null } | undefined;
  return row?.text ?? null;
}
