/**
 * SQLite failures as one line a user can act on. SQLite reports damage, a full disk, a read-only
 * file or a lock held by another process as exceptions that can surface in any statement, long after
 * the database was opened; the CLI turns each into `corpus: FILE: cause; hint` and exit status 2.
 * This module imports nothing heavy, so the CLI's error handler can load it for every command.
 */
import { UserError } from '../core/errors.js';

/** The database the current command opened last: SQLite's own messages do not name the file. */
let currentDatabase: string | null = null;

export function noteOpenDatabase(file: string): void {
  currentDatabase = file;
}

/** Whether `error` came from SQLite (better-sqlite3 throws `SqliteError` with an SQLITE_* code). */
export function isSqliteError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

/** The one-line UserError for a SQLite failure on `file` (default: the database opened last). */
export function databaseError(error: Error & { code?: string }, file = currentDatabase ?? 'database'): UserError {
  const code = error.code ?? '';
  const cause = error.message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const say = (what: string) => new UserError(`${file}: ${what}`);
  // `unsupported file format`: the header's schema format number overwritten (nothing this SQLite or
  // any other wrote): the file is damaged, and the hint is the same.
  if (
    code.startsWith('SQLITE_CORRUPT') ||
    code === 'SQLITE_NOTADB' ||
    /malformed|unsupported file format/i.test(cause)
  ) {
    return say(`database is damaged (${cause}); restore it from a backup or re-ingest into a new file`);
  }
  if (code === 'SQLITE_FULL')
    return say(`disk is full (${cause}); free some space and run the ingest again (what was committed is kept)`);
  if (code.startsWith('SQLITE_READONLY')) {
    return say(
      `database is read-only (${cause}); query commands can read it, writing needs write access to the file and its folder`,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return say(
      `database is busy (${cause}): another process is using it (an ingest, or a program holding it open); try again when it has finished`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return say(`cannot open the database (${cause}); check that the file and its folder exist and are accessible`);
  }
  if (code.startsWith('SQLITE_IOERR')) return say(`cannot read or write the database (${cause}); check the disk`);
  if (code === 'SQLITE_NOMEM') return say(`out of memory (${cause})`);
  return say(`database error (${cause})`);
}

/** `error` as a UserError when it is a SQLite failure; otherwise null. */
export function asDatabaseError(error: unknown): UserError | null {
  return isSqliteError(error) ? databaseError(error) : null;
}

/**
 * A value decoded from a row (JSON, a packed array) that cannot be: a byte changed inside a row
 * leaves the pages well formed, so SQLite reads it and its integrity check passes, and only the
 * decoding fails. Said as the damage it is (one line, exit 2), not as a bug with a stack trace.
 */
export function storedValue<T>(what: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (!(error instanceof SyntaxError || error instanceof RangeError || error instanceof TypeError)) throw error;
    throw new UserError(
      `${currentDatabase ?? 'database'}: database is damaged (${what} cannot be read: ${error.message}); restore it from a backup or re-ingest into a new file`,
    );
  }
}
