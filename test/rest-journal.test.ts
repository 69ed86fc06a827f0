import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, restJournalMode, sqlite } from '../src/store/db.js';
import { tempDir } from './helpers.js';

describe('leaving a database at rest after an ingest', () => {
  it('keeps the connection waiting for other writers as before, whether the switch is made or refused', () => {
    const file = path.join(tempDir(), 'rest.db');
    const store = openDatabase(file, { create: true });
    let other: ReturnType<typeof openDatabase> | null = openDatabase(file);
    try {
      const before = sqlite(store).pragma('busy_timeout', { simple: true });
      expect(before).toBeGreaterThan(0);
      // Another connection attached: the switch is refused, WAL stays.
      restJournalMode(store);
      expect(sqlite(store).pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite(store).pragma('busy_timeout', { simple: true })).toBe(before);
      other.close();
      other = null;
      restJournalMode(store);
      expect(sqlite(store).pragma('journal_mode', { simple: true })).toBe('delete');
      expect(sqlite(store).pragma('busy_timeout', { simple: true })).toBe(before);
    } finally {
      other?.close();
      store.close();
    }
  });
});
