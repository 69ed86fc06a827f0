import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { ENTITY_TYPES, isEntityType } from '../core/types.js';
import { emit, type OutputFlags } from './emit.js';
import { parseCount, withCommonOptions } from './options.js';
import { noSuchEntity, suggestingNames } from './entity-names.js';

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
    .option('--limit <n>', 'at most this many (0: all)', parseCount('--limit'), 50)
    .option('--suspects', 'likely duplicates left for you to judge, strongest evidence first, with the reason')
    .addHelpText('after', '\nExample:\n  corpus entities --type PERSON --limit 20');
  type ListFlags = OutputFlags & { db: string; type?: string; limit: number; suspects?: boolean };
  withCommonOptions(list, { rows: true }).action(async (flags: ListFlags) => {
    const { openDatabase } = await import('../store/db.js');
    const store = await import('../store/entities.js');
    const render = await import('../render/entities.js');
    const db = openDatabase(flags.db, { readonly: true });
    try {
      // 0 lists every one, as `entity --limit 0` lists every document (SQLite's LIMIT -1).
      const limit = flags.limit === 0 ? -1 : flags.limit;
      if (flags.suspects) {
        const suspects = store.suspectDuplicates(db, limit);
        await emit(suspects, flags, render.renderSuspects, { rows: (s) => s });
        return;
      }
      const entities = store.listEntities(db, { type: flags.type, limit });
      await emit(entities, flags, render.renderEntityList, { rows: (e) => e });
      if (entities.length === 0) process.exitCode = 1;
    } finally {
      db.close();
    }
  });

  const one = program
    .command('entity')
    .description('one entity by any alias: aliases, documents, associated entities; or correct the resolution')
    .argument('[name...]', "an entity name, or 'merge A B', 'merge --file pairs.tsv', or 'unmerge A'")
    .option('--type <type>', 'when a name is ambiguous', parseType)
    .option('--limit <n>', 'documents to list (0: all)', parseCount('--limit'), 20)
    .option('--why', 'why its names are one entity: the rule and evidence of each link')
    .option('--file <pairs.tsv>', "with 'merge': one 'from<TAB>into' pair a line, applied all or nothing")
    .addHelpText(
      'after',
      `
Corrections are stored, survive re-ingest and win over the automatic resolution:
  corpus entity merge "Kim" "Kim Jong Un"     # mentions of Kim belong to Kim Jong Un
  corpus entity merge --file pairs.tsv        # many at once
  corpus entity unmerge "Kim"                 # keep Kim apart for good

Example:
  corpus entity DPRK
  corpus entity Reagan --why`,
    );
  withCommonOptions(one, { rows: true }).action(
    async (
      words: string[],
      flags: OutputFlags & { db: string; type?: string; limit: number; why?: boolean; file?: string },
    ) => {
      const { openDatabase } = await import('../store/db.js');
      const [verb, ...rest] = words;
      if (verb === 'merge' || verb === 'unmerge') {
        const curate = await import('../entities/curate.js');
        const render = await import('../render/entities.js');
        const bulk = verb === 'merge' && flags.file !== undefined;
        if (
          (verb === 'merge' && !bulk && rest.length !== 2) ||
          (bulk && rest.length !== 0) ||
          (verb === 'unmerge' && rest.length !== 1)
        ) {
          throw new UserError(
            verb === 'merge'
              ? 'usage: corpus entity merge A B (quote names with spaces), or merge --file pairs.tsv'
              : 'usage: corpus entity unmerge A',
          );
        }
        let text = '';
        if (bulk) {
          const fs = await import('node:fs');
          try {
            text = fs.readFileSync(flags.file!, 'utf8');
          } catch (error) {
            throw new UserError(
              `${flags.file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
            );
          }
        }
        const db = openDatabase(flags.db);
        // A correction is applied across the whole corpus (nearly two minutes at a million articles).
        const { ProgressLine } = await import('./progress.js');
        const line = process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
        try {
          line?.status('applying the correction across the corpus…');
          const result = await suggestingNames(db, () =>
            bulk
              ? curate.mergeFile(db, text, flags.file!, flags.type)
              : verb === 'merge'
                ? curate.merge(db, rest[0], rest[1], flags.type)
                : curate.unmerge(db, rest[0], flags.type),
          );
          // Corpus events name their participants by entity id: the statements of the documents whose
          // mentions moved were let go by the resolution; read them again and cluster, as after an ingest.
          const { updateCorpusEvents } = await import('../ingest/corpus-events.js');
          const { boundHeapGrowth } = await import('./heap.js');
          boundHeapGrowth();
          line?.status('clustering events across the corpus…');
          updateCorpusEvents(db, { changed: true });
          line?.stop();
          // What changed is printed whether or not stdout is a terminal: a correction should say what it did.
          await emit(result, flags, render.renderCuration, { rows: (r) => ('merges' in r ? r.merges : [r]) });
        } finally {
          line?.stop();
          db.close();
        }
        return;
      }
      if (words.length === 0) throw new UserError('usage: corpus entity NAME (or merge A B, unmerge A)');
      if (flags.file !== undefined)
        throw new UserError("--file goes with 'merge': corpus entity merge --file pairs.tsv");
      const store = await import('../store/entities.js');
      const render = await import('../render/entities.js');
      const name = words.join(' ');
      const db = openDatabase(flags.db, { readonly: true });
      try {
        const found = store.resolveEntities(db, name, flags.type);
        if (found.length === 0) await noSuchEntity(db, name, flags.type);
        const others = found.slice(1);
        if (flags.why) {
          const why = store.entityWhy(db, found[0].id);
          await emit(why, flags, (w) => render.renderWhy(w), { rows: (w) => w.links });
          return;
        }
        const detail = { ...store.entityDetail(db, found[0].id, { limit: flags.limit }), alsoMatched: others };
        // CSV and NDJSON list the entity's documents, one per line.
        await emit(detail, flags, (d, context) => render.renderEntity(d, d.alsoMatched, context), {
          rows: (d) => d.documentList,
        });
      } finally {
        db.close();
      }
    },
  );
}
