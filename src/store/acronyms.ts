/**
 * The acronyms each document writes in capitals (doc_acronyms, migration 21), for a query that types
 * one: the full-text index holds `AIDS` as `aid`. Written and removed by index-row.ts with the very
 * text the index is given, so the two never disagree; a database from before the table has its
 * documents read once by its next ingest (`acronyms_unread` until then, when searches ignore it).
 */
import { writtenAcronyms } from '../core/acronyms.js';
import { inTransaction, sqlite, type Db, type Store } from './db.js';
import { statement } from './statements.js';
import { corpusCount } from './counts.js';

/** Note the acronyms of a document's indexed text (its title, and its body from where its story begins). */
export function noteAcronyms(db: Db, id: number, title: string, body: string): void {
  const insert = statement(db, 'INSERT OR IGNORE INTO doc_acronyms (acronym, doc_id) VALUES (?, ?)');
  for (const acronym of writtenAcronyms(title, body)) insert.run(acronym, id);
}

/** Remove what noteAcronyms noted for the same text. */
export function forgetAcronyms(db: Db, id: number, title: string, body: string): void {
  const remove = statement(db, 'DELETE FROM doc_acronyms WHERE acronym = ? AND doc_id = ?');
  for (const acronym of writtenAcronyms(title, body)) remove.run(acronym, id);
}

/** Whether the acronyms of a database made before them are still to be read (until its next ingest). */
export function acronymsUnread(store: Store): boolean {
  return corpusCount(store, 'acronyms_unread') === 1;
}

/** How many documents write `acronym` (lower case) in capitals, counted up to `most + 1`. */
export function documentsWriting(store: Store, acronym: string, most: number): number {
  return statement(sqlite(store), 'SELECT count(*) FROM (SELECT 1 FROM doc_acronyms WHERE acronym = ? LIMIT ?)')
    .pluck()
    .get(acronym, most + 1) as number;
}

/** Documents, and characters of text, read a statement at a time by readAcronyms (held meanwhile). */
const READ_CHUNK = 500;
const READ_CHUNK_CHARS = 8_000_000;

/**
 * Every indexed document's acronyms, for a database made before them (migration 21): once, by its
 * next ingest, in one transaction. Returns the documents read (0 when there was nothing to do).
 */
export function readAcronyms(store: Store): number {
  if (!acronymsUnread(store)) return 0;
  return inTransaction(store, () => {
    const db = sqlite(store);
    let read = 0;
    // By id ranges of at most READ_CHUNK documents and READ_CHUNK_CHARS characters (one document at
    // least: a body may be 256 MB), each read whole: better-sqlite3 writes nothing while a statement
    // is being iterated.
    for (let after = 0; ; ) {
      const next = statement(db, `SELECT id, chars FROM documents WHERE id > ? ORDER BY id LIMIT ${READ_CHUNK}`)
        .raw()
        .all(after) as [number, number][];
      if (next.length === 0) break;
      let last = next[0][0];
      let chars = 0;
      for (const [id, n] of next) {
        if (chars > 0 && chars + n > READ_CHUNK_CHARS) break;
        chars += n;
        last = id;
      }
      const rows = statement(
        db,
        "SELECT id, coalesce(title, '') AS title, body FROM documents_story WHERE id > ? AND id <= ? ORDER BY id",
      ).all(after, last) as { id: number; title: string; body: string }[];
      for (const row of rows) noteAcronyms(db, row.id, row.title, row.body);
      read += rows.length;
      after = last;
    }
    statement(db, "DELETE FROM corpus_counts WHERE name = 'acronyms_unread'").run();
    return read;
  });
}

/**
 * Documents whose noted acronyms are not those of their indexed text (a test's check). While a
 * database's acronyms are unread, a document with none noted is allowed.
 */
export function acronymDisagreements(store: Store): number[] {
  const db = sqlite(store);
  const unread = acronymsUnread(store);
  const noted = new Map<number, string[]>();
  for (const [acronym, id] of statement(db, 'SELECT acronym, doc_id FROM doc_acronyms').raw().all() as [
    string,
    number,
  ][]) {
    const list = noted.get(id);
    if (list) list.push(acronym);
    else noted.set(id, [acronym]);
  }
  const wrong: number[] = [];
  const rows = statement(
    db,
    "SELECT id, coalesce(title, '') AS title, body FROM documents_story ORDER BY id",
  ).all() as {
    id: number;
    title: string;
    body: string;
  }[];
  const indexed = new Set<number>();
  for (const row of rows) {
    indexed.add(row.id);
    const want = writtenAcronyms(row.title, row.body).sort().join(' ');
    const have = (noted.get(row.id) ?? []).sort().join(' ');
    if (want !== have && !(unread && have === '')) wrong.push(row.id);
  }
  // Rows of documents that are gone.
  for (const id of noted.keys()) if (!indexed.has(id)) wrong.push(id);
  return wrong;
}
