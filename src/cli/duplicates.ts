import path from 'node:path';
import type { Command } from 'commander';
import { withCommonOptions } from './options.js';

export function register(program: Command): void {
  const command = program
    .command('duplicates')
    .description('clusters of near-duplicate documents (the same story re-sent, corrected or re-headlined)')
    .addHelpText(
      'after',
      `
Documents are compared at ingest by MinHash signatures of their word 4-grams; documents whose
estimated overlap is 70% or more fall in one cluster. Search shows one hit per cluster ("+N similar").

Example:
  corpus duplicates --json --db news.db`,
    );
  withCommonOptions(command).action(async (flags: { db: string; json?: boolean }) => {
    const [{ openDatabase }, { listClusters, unsignedCount }, render] = await Promise.all([
      import('../store/db.js'),
      import('../store/duplicates.js'),
      import('../render/duplicates.js'),
    ]);
    const db = openDatabase(path.resolve(flags.db), { readonly: true });
    let clusters: ReturnType<typeof render.groupClusters>;
    let unsigned: number;
    try {
      clusters = render.groupClusters(listClusters(db));
      unsigned = unsignedCount(db);
    } finally {
      db.close();
    }
    if (flags.json) process.stdout.write(`${JSON.stringify({ clusters, unsignedDocuments: unsigned })}\n`);
    else process.stdout.write(render.renderDuplicatesText(clusters, process.cwd(), unsigned));
  });
}
