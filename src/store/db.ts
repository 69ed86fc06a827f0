import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../core/errors.js';
import { packagePath } from '../core/package-root.js';
import { databaseError, isSqliteError, noteOpenDatabase } from './errors.js';
import { APPLICATION_ID, MIGRATIONS } from './schema.js';

/**
 * better-sqlite3's compiled addon, named to it so that it need not look for it: its `bindings`
 * helper searches from the file that calls it, which in the bundle (tools/bundle.ts) is ours, not
 * better-sqlite3's. `undefined` (let it search) when the addon is not where its install builds it.
 */
let nativeBinding: string | null | undefined = null;
function addonFile(): string | undefined {
  if (nativeBinding === null) {
    try {
      const root = path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
      const file = path.join(root, 'build', 'Release', 'better_sqlite3.node');
      nativeBinding = fs.existsSync(file) ? file : undefined;
    } catch {
      nativeBinding = undefined;
    }
  }
  return nativeBinding;
}

/**
 * The ranking extension (native/corpus_rank.c), where the install builds it in the package's
 * build/Release; `undefined` when it was not built.
 */
let rankExtension: string | null | undefined = null;
function rankExtensionFile(): string | undefined {
  if (rankExtension === null) {
    const file = packagePath('build', 'Release', 'corpus_rank.node');
    rankExtension = file !== null && fs.existsSync(file) ? file : undefined;
  }
  return rankExtension;
}

const ranked = new WeakMap<Db, boolean>();

/**
 * The widest span of document ids the extension's id sets may cover (16 MB): corpus_idset refuses
 * wider (see native/corpus_rank.c). Ids are assigned one after another, so only a corpus of more than
 * a hundred million documents written reaches it; past it, filters are SQL's IN.
 */
export const BITMAP_SPAN = 2 ** 27;

/**
 * Whether the connection has the extension's functions (native/corpus_rank.c: corpus_bm25 and the id
 * sets corpus_idset, corpus_in), loading it on first asking. False where it was not built or cannot
 * load: search then ranks with FTS5's bm25() (the same scores up to 100,000 documents, where every
 * count search hands in is exact) and filters with SQL's IN, slower on a large corpus.
 * $CORPUS_NO_RANK_EXTENSION=1 declines it (tests of that path).
 */
export function hasRankFunction(db: Db): boolean {
  let has = ranked.get(db);
  if (has === undefined) {
    has = false;
    const file = process.env.CORPUS_NO_RANK_EXTENSION === '1' ? undefined : rankExtensionFile();
    if (file) {
      try {
        // SQLite derives the entry point from the file's name: sqlite3_corpusrank_init.
        db.loadExtension(file);
        has = true;
      } catch {
        // built for another SQLite or platform: rank with bm25()
      }
    }
    ranked.set(db, has);
  }
  return has;
}

/** The store's own view of an open database: SQLite. Only src/store/ uses it. */
export type Db = BetterSqlite3.Database;

declare const opaque: unique symbol;

/**
 * An open corpus database as the rest of the program holds it: a handle passed back to store
 * functions, with nothing of SQLite in its type (a second backend can implement the same functions).
 */
export interface Store {
  readonly [opaque]: 'corpus store';
  close(): void;
}

/** The SQLite connection behind a handle (src/store/ only). */
export function sqlite(store: Store): Db {
  return store as unknown as Db;
}

/** Run `work` in one write transaction, begun at once (nested calls join the outer one). */
export function inTransaction<T>(store: Store, work: () => T): T {
  return sqlite(store).transaction(work).immediate();
}

/**
 * Begin one read snapshot that lasts across awaits (an export written as it is read, whose reads
 * must all see one state of the database even while an ingest commits); returns its end.
 */
export function beginRead(store: Store): () => void {
  const db = sqlite(store);
  db.exec('BEGIN');
  return () => {
    if (db.inTransaction) db.exec('COMMIT');
  };
}

/** The handle of a connection, for a store function that calls another one. */
export function handle(db: Db): Store {
  return db as unknown as Store;
}

export interface OpenOptions {
  /** Create the file when it does not exist (ingest). Query commands open existing databases only. */
  create?: boolean;
  readonly?: boolean;
  /** Told once when opening must wait for another process that holds the file (said on stderr by the CLI). */
  onWait?: (message: string) => void;
  /**
   * Told before a database made by an older corpus is upgraded: at a million articles a migration
   * that fills a new table from the mentions takes a minute or more, which would otherwise pass in
   * silence before the first line of progress.
   */
  onUpgrade?: (message: string) => void;
}

/** What opening tells as it goes (see OpenOptions). */
type OpenNotices = Pick<OpenOptions, 'onWait' | 'onUpgrade'>;

/**
 * Open (or create) a corpus database: WAL, foreign keys on, migrations applied.
 * Refuses, with a UserError, a file that is not SQLite or is someone else's SQLite database.
 *
 * Read-only opens (the query commands) must work where the user cannot write: a read-only mount,
 * another user's file. SQLite cannot open a WAL-mode file there (it needs to create the -shm file),
 * so ingest leaves databases in rollback-journal mode at rest (`restJournalMode`), and a WAL-mode
 * file that still cannot be opened is read from a copy in memory.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Store {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new UserError(`${file}: no such database (run 'corpus ingest' first, or pass --db)`);
  }
  if (exists && fs.statSync(file).isDirectory()) throw new UserError(`${file}: is a directory, not a database file`);
  if (!exists) {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir)) throw new UserError(`${file}: folder ${dir} does not exist`);
  }
  noteOpenDatabase(file);
  const readonly = options.readonly ?? false;
  try {
    return handle(openAndConfigure(file, readonly, !options.create, options));
  } catch (error) {
    if (!readonly || !isSqliteError(error) || !/CANTOPEN|READONLY/.test(error.code) || !isWalFile(file))
      throw openError(file, error);
  }
  // A WAL-mode file where the -shm file cannot be made: read a private copy of it instead.
  const { size } = fs.statSync(file);
  if (size > MAX_IN_MEMORY_COPY) {
    throw new UserError(
      `${file}: cannot open a WAL-mode database without write access to its folder; copy it somewhere writable, ` +
        `or run 'corpus ingest' on it once where it is writable (ingest leaves it readable anywhere)`,
    );
  }
  try {
    const image = fs.readFileSync(file);
    image[18] = image[19] = 1; // the copy is a plain rollback-mode file: no -shm needed (or possible) in memory
    const db = new Database(image, { readonly: true, nativeBinding: addonFile() });
    configure(db, file, true);
    return handle(db);
  } catch (error) {
    throw openError(file, error);
  }
}

/** A read-only connection's page cache, in KiB as a negative cache_size (see configure). */
const READ_CACHE_KIB = -2000;
/**
 * The page cache of a read-only connection kept open for more than one search (a program that holds
 * the store and searches again): 64 MB, the writer's. The small cache that suits a command run once
 * reads the same pages again on every search; at 1M articles the in-process search mix ran p50 21.7
 * and p95 47.1 ms with it, 16.8 and 35.7 with this (16 MB: 17.6 and 44.4; 256 MB as 64).
 */
const LASTING_READ_CACHE_KIB = -65536;
const snapshots = new WeakMap<Db, number>();

/**
 * Count a read snapshot of a connection: the second on a read-only one says the connection lasts
 * beyond one command, and its cache grows (LASTING_READ_CACHE_KIB). A first never does, so a
 * command run once pays nothing for memory it would not reuse.
 */
export function noteSnapshot(db: Db): void {
  if (!db.readonly || db.memory) return;
  const n = (snapshots.get(db) ?? 0) + 1;
  snapshots.set(db, n);
  if (n === 2) db.pragma(`cache_size = ${LASTING_READ_CACHE_KIB}`);
}

/** Databases larger than this are not copied into memory to read them from a read-only place. */
const MAX_IN_MEMORY_COPY = 1024 * 1024 * 1024;

function openAndConfigure(file: string, readonly: boolean, mustExist: boolean, notices: OpenNotices = {}): Db {
  const db = new Database(file, { readonly, fileMustExist: mustExist, nativeBinding: addonFile() });
  try {
    configure(db, file, readonly, notices);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Another connection to the database behind `store`, for writing while `store` reads: better-sqlite3
 * runs nothing on a connection while one of its iterators is open. Null when there is no second way
 * in: a database in memory, opened read-only, or not in WAL mode (where a reader's lock would keep
 * the writer from committing).
 */
export function secondConnection(store: Store): Store | null {
  const db = sqlite(store);
  if (db.memory || db.readonly || db.pragma('journal_mode', { simple: true }) !== 'wal') return null;
  const other = openAndConfigure(db.name, false, true);
  // Its cache holds only the pages it writes; the reading connection keeps the large one.
  other.pragma('cache_size = -8192');
  return handle(other);
}

/** The header says WAL mode (bytes 18 and 19 are 2): reading it needs a -shm file next to it. */
function isWalFile(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const header = Buffer.alloc(20);
      fs.readSync(fd, header, 0, 20, 0);
      return header[18] === 2 && header[19] === 2;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Whether a rollback journal lies beside the file with something in it (a write was cut short). */
function hotJournal(file: string): boolean {
  try {
    return fs.statSync(`${file}-journal`).size > 0;
  } catch {
    return false;
  }
}

function openError(file: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const message = (error as Error).message;
  if (/not a database|file is encrypted/i.test(message))
    return new UserError(`${file}: not a corpus database (not SQLite)`);
  if (isSqliteError(error)) {
    // A write cut short (a crash, kill -9) by a program in rollback mode left its journal: a reader
    // must roll it back first, which a read-only connection may not do. Any writing command can.
    if (/READONLY/.test(error.code) && hotJournal(file))
      return new UserError(
        `${file}: an interrupted write left ${path.basename(file)}-journal, which a query may not roll back; an ingest into it recovers it (of any folder, an empty one will do)`,
      );
    if (/CANTOPEN|READONLY|PERM/.test(error.code))
      return new UserError(`${file}: database is not writable (${message})`);
    return databaseError(error, file);
  }
  return new UserError(`${file}: cannot open database (${message})`);
}

function configure(db: Db, file: string, readonly: boolean, notices: OpenNotices = {}): void {
  // A writer may wait long for another ingest's corpus-wide steps (entity resolution, event
  // clustering), which hold the write lock for seconds; readers never wait for writers (WAL).
  db.pragma(`busy_timeout = ${readonly ? 5000 : 120_000}`);
  const check = () => {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && (tables.n > 0 || appId !== 0)) {
      throw new UserError(`${file}: not a corpus database (it holds other tables)`);
    }
    if (version > MIGRATIONS.length) {
      throw new UserError(`${file}: made by a newer corpus (schema ${version}, this one knows ${MIGRATIONS.length})`);
    }
    return version;
  };
  // One snapshot for the id and the tables: read apart, a second ingest creating the same file saw
  // the first's tables committed between the two reads but not its id, and called it not a corpus
  // database.
  const version = db.transaction(check).deferred();
  db.pragma('foreign_keys = ON');
  if (readonly) {
    // An empty file is no old corpus: most often one an ingest has just begun to create.
    if (version === 0)
      throw new UserError(`${file}: holds no corpus yet (empty, or an ingest is creating it); run 'corpus ingest'`);
    if (version < MIGRATIONS.length)
      throw new UserError(`${file}: schema is out of date; run 'corpus ingest' to upgrade it`);
    // A read-only connection serves one command, which reads most of its pages once. Each page
    // first touched through a mapping costs a page fault, and each new page of cache a fault on
    // fresh memory; both cost several read()s' worth (on the 2-core VM of bench:scale: 21 µs a
    // mapped 4 KB page, 10 µs a fresh 4 KB of heap, 4.6 µs the read() of an 8 KB page from the OS
    // cache). So pages are read, not mapped, into a cache no larger than SQLite's own default, which
    // is refilled with reads rather than grown. At 1M articles, `corpus search "oil prices"` as a
    // process: 300 -> 213 ms (bare node 126); `search oil --facets` 2.0 -> 1.3 s. (Mapped with
    // better-sqlite3's 16 MB cache, a process repeating queries was ~5 ms faster at the median, the
    // same at p95: the gain of mapping is only for pages touched again.)
    db.pragma('mmap_size = 0');
    db.pragma(`cache_size = ${READ_CACHE_KIB}`);
    return;
  }
  // 8 KB pages: a bulk ingest writes ~10% less than with the 4 KB default (bench:ingest).
  if (version === 0) db.pragma('page_size = 8192');
  enableWal(db, () => notices.onWait?.(`${file}: another process is using this database; waiting for it`));
  db.pragma('synchronous = NORMAL');
  // The FTS index and the mention indexes outgrow SQLite's default 2 MB page cache within a few
  // thousand documents; a larger cache keeps bulk ingest from re-reading b-tree pages.
  db.pragma('cache_size = -65536');
  if (version === MIGRATIONS.length) return;
  if (version > 0)
    notices.onUpgrade?.(
      `${file}: upgrading the database from schema ${version} to ${MIGRATIONS.length} (once; a minute or more for a large one)`,
    );
  // Two processes may create or upgrade the same file at once: check the version again under the
  // write lock (BEGIN IMMEDIATE), so the second sees the first's tables instead of creating them again.
  db.transaction(() => {
    for (let v = check(); v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}

/** How long opening waits for another process to finish switching the file to WAL mode. */
const WAL_WAIT_MS = 120_000;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * WAL mode, switched to again while another process switches it too: two ingests creating one file
 * both hold the file's shared lock and want its exclusive one, and SQLite answers one of them
 * SQLITE_BUSY at once instead of waiting (waiting could never end). Retried after a short, random
 * pause; the other process is done within milliseconds.
 */
function enableWal(db: Db, waiting: () => void): void {
  const deadline = Date.now() + WAL_WAIT_MS;
  // A reader of a rollback-mode file (another program's open transaction) holds the lock the switch
  // needs, and SQLite's own wait says nothing: a short wait first, and then one line before the long
  // one, so that an ingest never sits silent for two minutes.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${Math.min(timeout, FIRST_WAIT_MS)}`);
  let told = false;
  try {
    for (;;) {
      try {
        db.pragma('journal_mode = WAL');
        return;
      } catch (error) {
        if (!isSqliteError(error) || !error.code.startsWith('SQLITE_BUSY') || Date.now() > deadline) throw error;
        if (!told) {
          told = true;
          waiting();
          db.pragma(`busy_timeout = ${timeout}`);
        }
        Atomics.wait(PAUSE, 0, 0, 5 + Math.random() * 45);
      }
    }
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** What opening waits before saying it waits. */
const FIRST_WAIT_MS = 1000;

/**
 * Databases up to this size get SQLite's full integrity check before an ingest; larger ones the
 * quick one. The full check also compares every index with its table, which finds bytes overwritten
 * inside a row that leave the pages well formed (a damaged copy of a 400-article database passed the
 * quick check and took an ingest); it costs 0.6 s against 0.3-0.5 s at Reuters' 90 MB, but 6.6 s
 * against 2.5 s at 200k articles (780 MB).
 */
const FULL_CHECK_BYTES = 256 * 1024 * 1024;

/**
 * Refuse to write into a damaged database: damage in pages an ingest does not touch would otherwise
 * go unnoticed (and exit 0) while new writes bury it further. Either check reads every page once.
 */
export function checkIntegrity(store: Store, file: string): void {
  const db = sqlite(store);
  let result: string;
  try {
    const check = databaseBytes(file) <= FULL_CHECK_BYTES ? 'integrity_check(1)' : 'quick_check(1)';
    result = db.pragma(check, { simple: true }) as string;
  } catch (error) {
    throw isSqliteError(error) ? databaseError(error, file) : error;
  }
  if (result !== 'ok') {
    result = result
      .replace(/\*\*\* in database \w+ \*\*\*/g, '')
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .trim();
    throw new UserError(
      `${file}: database is damaged (integrity check: ${result}); restore it from a backup or re-ingest into a new file`,
    );
  }
}

/**
 * Leave the file in rollback-journal mode once a writer is done, so that it can be read where
 * nobody may write (a WAL-mode file needs its -shm file created next to it). Best effort: with
 * readers still attached the switch is refused and the file simply stays in WAL mode.
 */
export function restJournalMode(store: Store): void {
  const db = sqlite(store);
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
  } catch {
    // readers attached: WAL stays, which they handle fine
  } finally {
    // The store may be used on (a library caller, a benchmark): without its wait, its next write
    // beside another process would fail at once.
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** Bytes on disk of a database with its WAL and shared-memory files. */
export function databaseBytes(file: string): number {
  let bytes = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      bytes += fs.statSync(file + suffix).size;
    } catch {
      // not there: nothing to count
    }
  }
  return bytes;
}
