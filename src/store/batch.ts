import { sqlite, type Db, type Store } from './db.js';

/**
 * Bulk writing: a transaction kept open across many documents, and the WAL checkpointed once at the
 * end of an ingest rather than every 1000 pages.
 */

/**
 * Writes wait here until `size` documents (or `MAX_BATCH_CHARS` of text) are due, then run in one
 * short write transaction: the write lock is held only while writing, never while documents are
 * read or analyzed, so a second ingest into the same database waits for seconds at most. The
 * writes are closures that take every decision depending on the store (new, unchanged, twin) again
 * inside the transaction.
 */
export class Batch {
  private writes: (() => void)[] = [];
  private chars = 0;
  private warnedBusy = false;
  private readonly db: Db;

  constructor(
    store: Store,
    /** Told at the start of every transaction: another process may have written since the last. */
    private readonly onBegin: { forgetCaches(): void },
    private readonly size: number,
    private readonly warn: (message: string) => void,
  ) {
    this.db = sqlite(store);
  }

  /** Queue a write; `chars` is the text it holds in memory until then. */
  add(chars: number, write: () => void): void {
    this.writes.push(write);
    this.chars += chars;
  }

  async flushIfFull(): Promise<void> {
    if (this.writes.length >= this.size || this.chars >= MAX_BATCH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.writes.length === 0) return;
    const writes = this.writes;
    this.writes = [];
    this.chars = 0;
    // Every insert into a table with triggers (the counters of schema migration 6) opens a statement
    // journal, a temporary file by default: ~80 µs of system time a document. In memory it costs ~10 µs,
    // and a batch's statements are small. The corpus-wide steps after the ingest sort millions of rows
    // and keep temporary files on disk, so the default comes back after each batch.
    this.db.pragma('temp_store = MEMORY');
    await this.begin();
    try {
      for (const write of writes) write();
      this.db.exec('COMMIT');
    } finally {
      if (!this.db.inTransaction) this.db.pragma('temp_store = DEFAULT');
    }
  }

  /** Undo the open transaction, if any (after a failure SQLite may already have rolled it back). */
  rollback(): void {
    this.writes = [];
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // the error that brought us here is the one to report
    }
  }

  /** BEGIN IMMEDIATE, waiting (without blocking the analysis workers) while another process writes. */
  private async begin(): Promise<void> {
    const started = performance.now();
    const previous = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 200');
    try {
      for (;;) {
        try {
          this.db.exec('BEGIN IMMEDIATE');
          break;
        } catch (error) {
          const busy = (error as { code?: string }).code?.startsWith('SQLITE_BUSY');
          if (!busy || performance.now() - started > MAX_BUSY_WAIT_MS) throw error;
          if (!this.warnedBusy) {
            this.warnedBusy = true;
            this.warn(`${this.db.name}: another process is writing to this database; waiting for it`);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    } finally {
      this.db.pragma(`busy_timeout = ${previous}`);
    }
    this.onBegin.forgetCaches();
  }
}

/** Text queued for writing at most (one huge document is written on its own). */
const MAX_BATCH_CHARS = 4 * 1024 * 1024;
/** How long to wait for another process's write transaction before giving up. */
const MAX_BUSY_WAIT_MS = 10 * 60 * 1000;

/**
 * Checkpointing the WAL into the database file every 1000 pages (the default) costs a third of a
 * bulk load; let the log grow during the ingest and checkpoint once at the end.
 */
export function deferCheckpoints(store: Store): void {
  const db = sqlite(store);
  db.pragma('wal_autocheckpoint = 20000');
}

export function restoreCheckpoints(store: Store): void {
  const db = sqlite(store);
  db.pragma('wal_autocheckpoint = 1000');
}

/** Move the WAL into the database file and truncate it. */
export function checkpoint(store: Store): void {
  const db = sqlite(store);
  db.pragma('wal_checkpoint(TRUNCATE)');
}
