import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { ENTITY_TYPES, isEntityType } from '../core/types.js';
import { emit, type OutputFlags } from './emit.js';
import { parseCount, withCommonOptions } from './options.js';

function parseType(value: string): string {
  const type = value.toUpperCase();
  if (!isEntityType(type)) {
    throw new UserError(`--type must be one of ${ENTITY_TYPES.join(', ')}, got '${value}'`);
  }
  return type;
}

export function register(program: Command): void {
  const list = program
    .command('entities')
    .description('who and what the corpus talks about: canonical entities with counts and aliases')
    .option('--type <type>', `only one type (${ENTITY_TYPES.join(', ')})`, parseType)
    .option('--limit <n>', 'at most this many', parseCount('--limit'), 50)
    .option('--suspects', 'list entities that are probably duplicates, with the reason')
    .addHelpText('after', '\nExample:\n  corpus entities --type PERSON --limit 20');
  type ListFlags = OutputFlags & { db: string; type?: string; limit: number; suspects?: boolean };
  withCommonOptions(list, { rows: true }).action(async (flags: ListFlags) => {
    const { openDatabase } = await import('../store/db.js');
    const store = await import('../store/entities.js');
    const render = await import('../render/entities.js');
    const db = openDatabase(flags.db, { readonly: true });
    try {
      if (flags.suspects) {
        const suspects = store.suspectDuplicates(db, flags.limit);
        await emit(suspects, flags, render.renderSuspects, { rows: (s) => s });
        return;
      }
      const entities = store.listEntities(db, { type: flags.type, limit: flags.limit });
      await emit(entities, flags, render.renderEntityList, { rows: (e) => e });
      if (entities.length === 0) process.exitCode = 1;
    } finally {
      db.close();
    }
  });

  const one = program
    .command('entity')
    .description('one entity by any alias: aliases, documents, related entities; or correct the alias resolution')
    .argument('<name...>', "an entity name, or 'merge A B', or 'unmerge A'")
    .option('--type <type>', 'when a name is ambiguous', parseType)
    .addHelpText(
      'after',
      `
Corrections are stored and survive re-ingest:
  corpus entity merge "Kim" "Kim Jong Un"     # mentions of Kim belong to Kim Jong Un
  corpus entity unmerge "Kim"                 # undo it

Example:
  corpus entity DPRK`,
    );
  withCommonOptions(one, { rows: true }).action(async (words: string[], flags: OutputFlags & { db: string; type?: string }) => {
    const { openDatabase } = await import('../store/db.js');
    const store = await import('../store/entities.js');
    const render = await import('../render/entities.js');
    const [verb, ...rest] = words;
    if (verb === 'merge' || verb === 'unmerge') {
      if ((verb === 'merge' && rest.length !== 2) || (verb === 'unmerge' && rest.length !== 1)) {
        throw new UserError(verb === 'merge' ? 'usage: corpus entity merge A B (quote names with spaces)' : 'usage: corpus entity unmerge A');
      }
      const db = openDatabase(flags.db);
      try {
        const result = verb === 'merge' ? store.mergeEntities(db, rest[0], rest[1]) : store.unmergeEntity(db, rest[0]);
        // A correction confirms itself on a terminal only; piped, it stays quiet as Unix tools do.
        const confirm = (r: typeof result) =>
          !process.stdout.isTTY ? '' : 'into' in r ? `merged ${r.from} into ${r.into}` : `${r.restored} is its own entity again`;
        await emit(result, flags, confirm, { rows: (r) => [r] });
      } finally {
        db.close();
      }
      return;
    }
    const name = words.join(' ');
    const db = openDatabase(flags.db, { readonly: true });
    try {
      const found = store.resolveEntities(db, name, flags.type);
      if (found.length === 0) throw new UserError(`no entity called '${name}'`, 1);
      const detail = { ...store.entityDetail(db, found[0].id), alsoMatched: found.slice(1) };
      // CSV and NDJSON list the entity's documents, one per line.
      await emit(detail, flags, (d, context) => render.renderEntity(d, d.alsoMatched, context), { rows: (d) => d.documentList });
    } finally {
      db.close();
    }
  });
}
