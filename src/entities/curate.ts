/**
 * A person's corrections to the resolution: merge, unmerge, and merges in bulk from a file. Each
 * is recorded as an override (so it survives re-ingest and wins over automatic links) and applied
 * by running the resolution again, in one transaction; each says what it changed.
 */
import { UserError } from '../core/errors.js';
import type { Store } from '../store/db.js';
import { entityCount, parsePairs, planMerge, planUnmerge, recordMerge, recordUnmerge } from '../store/entities.js';
import { inTransaction } from '../store/resolution.js';
import { resolveCorpus } from './run.js';

export interface MergeResult {
  from: string;
  into: string;
  type: string;
  /** Mentions and documents that now belong to `into`. */
  mentions: number;
  documents: number;
  entitiesBefore: number;
  entitiesAfter: number;
}

export interface UnmergeResult {
  restored: string;
  from: string;
  type: string;
  mentions: number;
  documents: number;
  entitiesBefore: number;
  entitiesAfter: number;
}

export function merge(db: Store, fromName: string, intoName: string, type?: string): MergeResult {
  return inTransaction(db, () => {
    const before = entityCount(db);
    const plan = planMerge(db, fromName, intoName, type);
    recordMerge(db, plan);
    resolveCorpus(db);
    return {
      from: plan.fromName,
      into: plan.into,
      type: plan.type,
      mentions: plan.mentions,
      documents: plan.documents,
      entitiesBefore: before,
      entitiesAfter: entityCount(db),
    };
  });
}

export function unmerge(db: Store, name: string, type?: string): UnmergeResult {
  return inTransaction(db, () => {
    const before = entityCount(db);
    const plan = planUnmerge(db, name, type);
    recordUnmerge(db, plan);
    resolveCorpus(db);
    return {
      restored: plan.name,
      from: plan.from,
      type: plan.type,
      mentions: plan.mentions,
      documents: plan.documents,
      entitiesBefore: before,
      entitiesAfter: entityCount(db),
    };
  });
}

export interface BulkResult {
  merges: MergeResult[];
  entitiesBefore: number;
  entitiesAfter: number;
}

/**
 * Merges from `from<TAB>into` lines: all or nothing. Every line is checked first (a name that
 * names nothing, two names already one) and every problem reported with its line number; then
 * all merges are recorded and the resolution runs once.
 */
export function mergeFile(db: Store, text: string, file: string, type?: string): BulkResult {
  const pairs = parsePairs(text, file);
  return inTransaction(db, () => {
    const before = entityCount(db);
    const merges: MergeResult[] = [];
    const problems: string[] = [];
    for (const p of pairs) {
      try {
        // Each merge is recorded before the next is planned, so a chain (A→B, B→C) plans right.
        const plan = planMerge(db, p.from, p.into, type);
        recordMerge(db, plan);
        merges.push({
          from: plan.fromName,
          into: plan.into,
          type: plan.type,
          mentions: plan.mentions,
          documents: plan.documents,
          entitiesBefore: 0,
          entitiesAfter: 0,
        });
      } catch (error) {
        problems.push(`${file}:${p.line}: ${(error as Error).message}`);
      }
    }
    if (problems.length > 0) throw new BulkError(problems);
    resolveCorpus(db);
    return { merges, entitiesBefore: before, entitiesAfter: entityCount(db) };
  });
}

/** Some lines of a merge file cannot be applied; nothing was changed. */
export class BulkError extends UserError {
  constructor(readonly problems: string[]) {
    super(`${problems.join('\n')}\nnothing merged: fix these lines and run it again`, 1);
  }
}
