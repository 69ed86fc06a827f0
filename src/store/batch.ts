import { sqlite, type Db, type Store } from './db.js';

/**
 * Bulk writing: a transaction kept open across many documents, and the WAL checkpointed once at the
 * end of an ingest rather than every 1000 pages.
 */

/** A transaction kept open across writes and committed every `size` documents. */
export class Batch {
  private pending = 0;
  private open = false;
  private readonly db: Db;

  constructor(
    store: Store,
    private readonly size: number,
  ) {
    this.db = sqlite(store);
    this.begin();
  }

  wrote(): void {
    if (++this.pending < this.size) return;
    this.commit();
    this.begin();
  }

  commit(): void {
    if (this.open) this.db.exec('COMMIT');
    this.open = false;
    this.pending = 0;
  }

  rollback(): void {
    if (this.open) this.db.exec('ROLLBACK');
    this.open = false;
  }

  private begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
  }
}

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
