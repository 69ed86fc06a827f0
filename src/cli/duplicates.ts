import type { Command } from 'commander';
import { emit, type OutputFlags, writtenAsRead } from './emit.js';
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
    if (writtenAsRead(flags)) {
      await writeClusters(flags, Boolean(flags.json));
      return;
    }
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
    );
  });
}

/** Clusters whose members are read together when written as they are read. */
const CLUSTER_SLICE = 1_000;

/**
 * CSV and NDJSON (one line per document, with its cluster) and JSON (the clusters), written a slice
 * of clusters at a time in one read snapshot: `--limit 0 --csv` at a million articles, 910,402
 * documents, took 727 MB and `--json` 1.2 GB when every member was read before the first line.
 */
async function writeClusters(flags: OutputFlags & { db: string; limit: number }, json: boolean): Promise<void> {
  const [{ beginRead, openDatabase }, { clusterSizes, membersOfClusters, unsignedCount }, { groupClusters }] =
    await Promise.all([import('../store/db.js'), import('../store/duplicates.js'), import('../render/duplicates.js')]);
  const db = openDatabase(flags.db, { readonly: true });
  const endRead = beginRead(db);
  try {
    // 0 lists every cluster, as `entities --limit 0` lists every entity.
    const { clusters, documents, listed } = clusterSizes(db, flags.limit === 0 ? -1 : flags.limit);
    function* slices() {
      for (let at = 0; at < listed.length; at += CLUSTER_SLICE)
        yield membersOfClusters(db, listed.slice(at, at + CLUSTER_SLICE));
    }
    const value = {
      clusters: [],
      totalClusters: clusters,
      totalDocuments: documents,
      unsignedDocuments: json ? unsignedCount(db) : 0,
    };
    await emit(value, flags, () => '', {
      // A line is a member as read (cluster, id, date, title, source, path); JSON groups them.
      rows: function* () {
        for (const members of slices()) yield* json ? groupClusters(members) : members;
      },
      streamed: { key: 'clusters' },
    });
  } finally {
    endRead();
    db.close();
  }
}
