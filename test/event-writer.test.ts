import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../src/store/db.js';
import { insertDocumentRow } from '../src/store/rows.js';
import {
  corpusEvents,
  inTransaction,
  orderedStatements,
  replaceCorpusEventsFrom,
  replaceStatements,
  type CorpusEventInput,
  type StatementInput,
} from '../src/store/events.js';
import { EventKeys } from '../src/core/event-keys.js';

/** A day-dated statement of sentence `sentence`. */
function said(sentence: number, day: string): StatementInput {
  return {
    sentence,
    date: { value: day, granularity: 'day', start: day, end: day },
    action: 'suspend:paymen',
    terms: ['paymen'],
    subjectId: null,
    placeId: null,
    participantIds: [],
    mentionedIds: [],
    name: 'Brazil suspends payments',
    named: false,
    eventNoun: false,
  };
}

/** An event of one statement, under a key every such event shares (as events whose first statements share a sentence do). */
function eventOf(statementId: number): CorpusEventInput {
  const date = { value: '1987-02-20', granularity: 'day' as const, start: '1987-02-20', end: '1987-02-20' };
  return {
    key: '7.0',
    kind: 'event',
    name: `event of statement ${statementId}`,
    date,
    placeId: null,
    documents: 1,
    sources: 1,
    days: 1,
    score: 1,
    conflicts: [],
    lead: statementId,
    statementIds: [statementId],
    keyStatement: statementId,
    entities: [],
  };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-event-writer-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Three statements whose clustering order (by date) is the reverse of their ids. */
function withStatements(store: Store): void {
  const body = 'One. Two. Three.';
  const doc = insertDocumentRow(store, { path: 'a.txt', body, tokens: 3, sentences: [] }, body);
  replaceStatements(store, doc, [said(0, '1987-02-22'), said(1, '1987-02-21'), said(2, '1987-02-20')], 'test');
}

/** Each event's key, by the statement it was made of. */
function keysByStatement(store: Store): Record<number, string> {
  const rows = corpusEvents(store, { kinds: ['event', 'mention'] });
  return Object.fromEntries(rows.map((r) => [r.lead!, r.key]));
}

describe('writing corpus events while the statements are read', () => {
  it('writes each event as it comes, while the statements are still being read, under keys told apart by first statement', () => {
    const file = path.join(dir, 'corpus.db');
    const store = openDatabase(file, { create: true });
    withStatements(store);
    const seen: number[] = [];
    // Adding inside the loop: the statements' cursor is open on the store's own connection, where
    // better-sqlite3 would refuse any write.
    const events = replaceCorpusEventsFrom(store, (add) => {
      for (const s of orderedStatements(store)) {
        seen.push(s.id);
        const event = eventOf(s.id);
        add(event);
        // Written already, not held: what the caller does with the object afterwards is not stored.
        event.name = 'changed after it was added';
      }
    });
    expect(seen).toEqual([3, 2, 1]);
    expect(events).toBe(3);
    // The lowest statement keeps the key; the others are numbered in statement order, not arrival order.
    expect(keysByStatement(store)).toEqual({ 1: '7.0', 2: '7.0.2', 3: '7.0.3' });
    expect(corpusEvents(store, { kinds: ['event'] }).map((e) => e.name)).not.toContain('changed after it was added');
    store.close();
    // Committed: another connection sees them.
    const again = openDatabase(file, { readonly: true });
    expect(Object.keys(keysByStatement(again))).toHaveLength(3);
    again.close();
  });

  it('replaces the events of an earlier run, and keeps them when the clustering fails', () => {
    const store = openDatabase(path.join(dir, 'corpus.db'), { create: true });
    withStatements(store);
    replaceCorpusEventsFrom(store, (add) => [1, 2, 3].forEach((id) => add(eventOf(id))));
    replaceCorpusEventsFrom(store, (add) => add(eventOf(2)));
    expect(keysByStatement(store)).toEqual({ 2: '7.0' });
    expect(() =>
      replaceCorpusEventsFrom(store, (add) => {
        add(eventOf(1));
        throw new Error('clustering failed');
      }),
    ).toThrow('clustering failed');
    expect(keysByStatement(store)).toEqual({ 2: '7.0' });
    store.close();
  });

  // Waiting would take the busy timeout (two minutes), far past the test's.
  it('does not wait for a write lock another connection holds while the statements are read (it holds the events instead)', () => {
    const file = path.join(dir, 'corpus.db');
    const store = openDatabase(file, { create: true });
    withStatements(store);
    const other = openDatabase(file);
    replaceCorpusEventsFrom(store, (add) => {
      // Another ingest writing: waiting for its lock here, with this read open, could wait forever.
      inTransaction(other, () => {
        for (const s of orderedStatements(store)) add(eventOf(s.id));
      });
    });
    expect(keysByStatement(store)).toEqual({ 1: '7.0', 2: '7.0.2', 3: '7.0.3' });
    other.close();
    store.close();
  });

  it('gives the same keys in a database with no second connection (in memory)', () => {
    const store = openDatabase(':memory:', { create: true });
    withStatements(store);
    replaceCorpusEventsFrom(store, (add) => {
      for (const s of orderedStatements(store)) add(eventOf(s.id));
    });
    expect(keysByStatement(store)).toEqual({ 1: '7.0', 2: '7.0.2', 3: '7.0.3' });
    store.close();
  });
});

describe('EventKeys', () => {
  it('numbers events sharing a key by their first statement, whatever order they come in', () => {
    const keys = new EventKeys();
    const stored = [
      ['a', 9],
      ['b', 4],
      ['a', 2],
      ['a', 5],
    ].map(([key, first]) => keys.add(key as string, first as number));
    const final = new Map(keys.renames().map((r) => [r.from, r.to]));
    expect(stored.map((k) => final.get(k) ?? k)).toEqual(['a.3', 'b', 'a', 'a.2']);
    expect(new Set(stored).size).toBe(4);
  });
});
