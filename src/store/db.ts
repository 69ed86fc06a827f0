import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../core/errors.js';
import { APPLICATION_ID, MIGRATIONS } from './schema.js';

/** The store's own view of an open database: SQLite. Only src/store/ uses it. */
export type Db = Database.Database;

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

/** The handle of a connection, for a store function that calls another one. */
export function handle(db: Db): Store {
  return db as unknown as Store;
}


export interface OpenOptions {
  /** Create the file when it does not exist (ingest). Query commands open existing databases only. */
  create?: boolean;
  readonly?: boolean;
}

/**
 * Open (or create) a corpus database: WAL, foreign keys on, migrations applied.
 * Refuses, with a UserError, a file that is not SQLite or is someone else's SQLite database.
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
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: !options.create });
  } catch (error) {
    throw new UserError(`${file}: cannot open database (${(error as Error).message})`);
  }
  try {
    configure(db, file, options.readonly ?? false);
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    const message = (error as Error).message;
    if (/not a database|file is encrypted/i.test(message)) throw new UserError(`${file}: not a corpus database (not SQLite)`);
    if (/readonly|read-only|unable to open|permission/i.test(message)) throw new UserError(`${file}: database is not writable (${message})`);
    throw new UserError(`${file}: ${message}`);
  }
  return db as unknown as Store;
}

function configure(db: Db, file: string, readonly: boolean): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  if (appId !== APPLICATION_ID && (tables.n > 0 || appId !== 0)) {
    throw new UserError(`${file}: not a corpus database (it holds other tables)`);
  }
  if (version > MIGRATIONS.length) {
    throw new UserError(`${file}: made by a newer corpus (schema ${version}, this one knows ${MIGRATIONS.length})`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (readonly) {
    if (version < MIGRATIONS.length) throw new UserError(`${file}: schema is out of date; run 'corpus ingest' to upgrade it`);
    return;
  }
  // 8 KB pages: a bulk ingest writes ~10% less than with the 4 KB default (bench:ingest).
  if (version === 0) db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // The FTS index and the mention indexes outgrow SQLite's default 2 MB page cache within a few
  // thousand documents; a larger cache keeps bulk ingest from re-reading b-tree pages.
  db.pragma('cache_size = -65536');
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${v + 1}`);
    })();
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
