/**
 * Numbers the corpus keeps by name in `corpus_counts`: a total a step left (`resolved_mentions`,
 * `entity_sentences`) or the version of the rules that made what is stored
 * (`resolution_rules_version`, `near_duplicates_version`), and how far the corpus events are behind the
 * documents (`document_changes`, `events_built_at`).
 */
import { type Store, sqlite } from './db.js';
import { statement } from './statements.js';

/** The number kept under `name`, or undefined when none was. */
export function corpusCount(store: Store, name: string): number | undefined {
  return statement(sqlite(store), 'SELECT value FROM corpus_counts WHERE name = ?').pluck().get(name) as
    | number
    | undefined;
}

export function setCorpusCount(store: Store, name: string, value: number): void {
  statement(sqlite(store), 'INSERT OR REPLACE INTO corpus_counts (name, value) VALUES (?, ?)').run(name, value);
}

/** Sentences that name at least one entity: the grand total of the association tables. */
export function entitySentences(store: Store): number {
  return corpusCount(store, 'entity_sentences') ?? 0;
}

/**
 * Write transactions that changed the documents, counted (StoreWriter notes each once), so that a
 * corpus-wide step can tell it is behind: a step that ran at one count and a count that moved since
 * (an ingest killed after its documents were committed, or a second ingest writing while the step ran)
 * mean the step must run again, whatever the next ingest itself changes.
 */
export function noteDocumentChange(store: Store): void {
  statement(
    sqlite(store),
    `INSERT INTO corpus_counts (name, value) VALUES ('document_changes', 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1`,
  ).run();
}

export function documentChanges(store: Store): number {
  return corpusCount(store, 'document_changes') ?? 0;
}

/** The count of documentChanges the corpus events were last built from. */
export function eventsBuiltAt(store: Store): number {
  return corpusCount(store, 'events_built_at') ?? 0;
}

export function setEventsBuiltAt(store: Store, changes: number): void {
  setCorpusCount(store, 'events_built_at', changes);
}
