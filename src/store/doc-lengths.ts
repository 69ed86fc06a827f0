/**
 * Each indexed document's length in tokens (title and body, as FTS5 counts them for bm25), kept in
 * rows of LENGTH_BLOCK documents for the ranking extension (native/corpus_rank.c). FTS5 gives a
 * length by seeking its docsize table once a document, two thirds of what scoring a match costs;
 * the extension reads one row here for the thousands of matches a row covers (`trade`, in 147,070
 * of a million articles: 65 -> 20 ms to score every match).
 *
 * A length is 2 bytes, little-endian; 0 means "not known here" and the extension asks FTS5, as it
 * does where a row or the table is missing. So the table may lag behind the index (a database from
 * before it, until the next ingest fills it), but never disagree: every write to the index goes
 * through index-row.ts, which notes the length it wrote, in the same transaction.
 */
import { inTransaction, sqlite, type Db, type Store } from './db.js';
import { statement } from './statements.js';
import { corpusCount } from './counts.js';

/** Documents a row holds (the extension's LENGTH_BLOCK). */
export const LENGTH_BLOCK = 4096;
/** Lengths past what 2 bytes hold are left to FTS5 (0). */
const MOST = 0xffff;

/**
 * The tokens FTS5 recorded for a document (its docsize `sz`: one SQLite varint per column), summed
 * over the columns, as its xColumnSize(-1) gives them.
 */
export function docsizeTokens(sz: Uint8Array): number {
  let total = 0;
  let value = 0;
  let bytes = 0;
  for (const byte of sz) {
    bytes++;
    // A varint's ninth byte holds 8 bits; none of a real length reaches it.
    if (bytes === 9) return Number.POSITIVE_INFINITY;
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) {
      total += value;
      value = 0;
      bytes = 0;
    }
  }
  return total;
}

/** The 2 bytes stored for a length: 0 where FTS5 must be asked. */
function stored(tokens: number): number {
  return tokens > 0 && tokens <= MOST ? tokens : 0;
}

function block(db: Db, index: number): Buffer {
  const row = statement(db, 'SELECT lengths FROM doc_lengths WHERE block = ?').pluck().get(index) as Buffer | undefined;
  // A fresh copy of the row's bytes (better-sqlite3 returns one), written in place.
  if (row?.length === LENGTH_BLOCK * 2) return row;
  const lengths = Buffer.alloc(LENGTH_BLOCK * 2);
  row?.copy(lengths);
  return lengths;
}

function writeBlock(db: Db, index: number, lengths: Buffer): void {
  statement(db, 'INSERT OR REPLACE INTO doc_lengths (block, lengths) VALUES (?, ?)').run(index, lengths);
}

/** Note the length FTS5 has just recorded for document `id` (after its row was written). */
export function noteDocumentLength(db: Db, id: number): void {
  const sz = statement(db, 'SELECT sz FROM documents_fts_docsize WHERE id = ?').pluck().get(id) as Buffer | undefined;
  storeLength(db, id, sz ? docsizeTokens(sz) : 0);
}

/** Store `tokens` as document `id`'s length (0 or too many for 2 bytes: FTS5 is asked). */
export function storeLength(db: Db, id: number, tokens: number): void {
  const index = Math.floor(id / LENGTH_BLOCK);
  const lengths = block(db, index);
  lengths.writeUInt16LE(stored(tokens), (id % LENGTH_BLOCK) * 2);
  writeBlock(db, index, lengths);
}

/**
 * Every indexed document's length, read from FTS5's docsize table into doc_lengths in one
 * transaction, for a database made before the table (migration 20): once, by its next ingest.
 * Returns the documents read (0 when there was nothing to do).
 */
export function readDocumentLengths(store: Store): number {
  if (corpusCount(store, 'doc_lengths_unread') !== 1) return 0;
  return inTransaction(store, () => fillDocumentLengths(sqlite(store)));
}

function fillDocumentLengths(db: Db): number {
  const most = statement(db, 'SELECT max(id) FROM documents_fts_docsize').pluck().get() as number | null;
  let read = 0;
  // A row at a time: better-sqlite3 writes nothing while a statement is being iterated.
  for (let index = 0; most !== null && index <= Math.floor(most / LENGTH_BLOCK); index++) {
    const rows = statement(db, 'SELECT id, sz FROM documents_fts_docsize WHERE id >= ? AND id < ?')
      .raw()
      .all(index * LENGTH_BLOCK, (index + 1) * LENGTH_BLOCK) as [number, Buffer][];
    if (rows.length === 0) continue;
    const lengths = Buffer.alloc(LENGTH_BLOCK * 2);
    for (const [id, sz] of rows) lengths.writeUInt16LE(stored(docsizeTokens(sz)), (id % LENGTH_BLOCK) * 2);
    writeBlock(db, index, lengths);
    read += rows.length;
  }
  statement(db, "DELETE FROM corpus_counts WHERE name = 'doc_lengths_unread'").run();
  return read;
}

/**
 * Documents whose stored length is not FTS5's (a test's check). A length of 0 ("ask FTS5") is allowed
 * while the database's lengths are still unread, unless `filled` says they must have been read.
 */
export function lengthDisagreements(store: Store, filled = false): number[] {
  const db = sqlite(store);
  const unread = !filled && corpusCount(store, 'doc_lengths_unread') === 1;
  const blocks = new Map(statement(db, 'SELECT block, lengths FROM doc_lengths').raw().all() as [number, Buffer][]);
  const wrong: number[] = [];
  for (const [id, sz] of statement(db, 'SELECT id, sz FROM documents_fts_docsize ORDER BY id').raw().all() as [
    number,
    Buffer,
  ][]) {
    const at = (id % LENGTH_BLOCK) * 2;
    const lengths = blocks.get(Math.floor(id / LENGTH_BLOCK));
    const kept = lengths && at + 1 < lengths.length ? lengths.readUInt16LE(at) : 0;
    if (kept !== stored(docsizeTokens(sz)) && !(unread && kept === 0)) wrong.push(id);
  }
  return wrong;
}
