/**
 * Numbers the corpus keeps by name in `corpus_counts`: a total a step left (`resolved_mentions`,
 * `entity_sentences`) or the version of the rules that made what is stored
 * (`resolution_rules_version`, `near_duplicates_version`).
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
