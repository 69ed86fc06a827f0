import type { Command } from 'commander';
import { emit, type OutputFlags } from './emit.js';
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

Examples:
  corpus duplicates --json --db news.db
  corpus duplicates --csv > duplicates.csv     # one line per document, with its cluster`,
    );
  withCommonOptions(command, { rows: true }).action(async (flags: OutputFlags & { db: string }) => {
    const [{ openDatabase }, { listClusters, unsignedCount }, render] = await Promise.all([
      import('../store/db.js'),
      import('../store/duplicates.js'),
      import('../render/duplicates.js'),
    ]);
    const db = openDatabase(flags.db, { readonly: true });
    let clusters: ReturnType<typeof render.groupClusters>;
    let unsigned: number;
    try {
      clusters = render.groupClusters(listClusters(db));
      unsigned = unsignedCount(db);
    } finally {
      db.close();
    }
    // CSV and NDJSON: one line per document, with its cluster.
    await emit(
      { clusters, unsignedDocuments: unsigned },
      flags,
      (d, context) =>
        render.renderDuplicatesText(
          d.clusters,
          context.cwd ?? process.cwd(),
          d.unsignedDocuments,
          context.width ?? null,
        ),
      { rows: (d) => d.clusters.flatMap((c) => c.documents.map((doc) => ({ cluster: c.id, ...doc }))) },
    );
  });
}
