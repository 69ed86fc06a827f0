import type { Command } from 'commander';
import { emit, type OutputFlags } from './emit.js';
import { parseCount, withCommonOptions } from './options.js';

export function register(program: Command): void {
  const command = program
    .command('duplicates')
    .description('clusters of near-duplicate documents (the same story re-sent, corrected or re-headlined)')
    .option('--limit <n>', 'clusters to list, largest first (0: all)', parseCount('--limit'), 50)
    .addHelpText(
      'after',
      `
Documents are compared at ingest by MinHash signatures of their word 4-grams; documents whose
estimated overlap is 70% or more fall in one cluster. Search shows one hit per cluster ("+N similar").

Examples:
  corpus duplicates --json --db news.db
  corpus duplicates --csv --limit 0 > duplicates.csv     # every cluster, one line per document`,
    );
  withCommonOptions(command, { rows: true }).action(async (flags: OutputFlags & { db: string; limit: number }) => {
    const [{ openDatabase }, { largestClusters, unsignedCount }, render] = await Promise.all([
      import('../store/db.js'),
      import('../store/duplicates.js'),
      import('../render/duplicates.js'),
    ]);
    const db = openDatabase(flags.db, { readonly: true });
    let listing: ReturnType<typeof largestClusters>;
    let unsigned: number;
    try {
      // 0 lists every cluster, as `entities --limit 0` lists every entity (SQLite's LIMIT -1).
      listing = largestClusters(db, flags.limit === 0 ? -1 : flags.limit);
      unsigned = unsignedCount(db);
    } finally {
      db.close();
    }
    // CSV and NDJSON: one line per document, with its cluster.
    await emit(
      {
        clusters: render.groupClusters(listing.members),
        totalClusters: listing.clusters,
        totalDocuments: listing.documents,
        unsignedDocuments: unsigned,
      },
      flags,
      (d, context) =>
        render.renderDuplicatesText(
          d.clusters,
          { clusters: d.totalClusters, documents: d.totalDocuments },
          context.cwd ?? process.cwd(),
          d.unsignedDocuments,
          context.width ?? null,
        ),
      { rows: (d) => d.clusters.flatMap((c) => c.documents.map((doc) => ({ cluster: c.id, ...doc }))) },
    );
  });
}
