/**
 * `npm run bench:duplicates` → bench/results/duplicates.json
 *
 * The near-duplicate detector (src/dedup/) on Reuters-21578: its precision and recall on the pairs
 * labelled by hand in bench/duplicates-labels.json (sampled across similarity bands), and its cost
 * per 1,000 documents (signatures, band lookups and cluster writes: `updateNearDuplicates` on a copy
 * of the database with no signatures), beside the time to read the same bodies, as a ratio.
 *
 *   --db FILE   a Reuters database ingested from the JSON Lines file (default: bench/tmp's relevance db)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg, machine, ROOT, writeResult } from './reuters.js';

interface Labelled {
  a: number;
  b: number;
  shingleJaccard: number;
  sameStory: boolean;
}

async function main(): Promise<void> {
  const source = path.resolve(
    arg('--db') ??
      fs
        .readdirSync(path.join(ROOT, 'bench', 'tmp'))
        .filter((f) => f.startsWith('reuters-relevance-') && f.endsWith('.db'))
        .map((f) => path.join(ROOT, 'bench', 'tmp', f))[0],
  );
  const { openDatabase } = await import('../src/store/db.js');
  const { updateNearDuplicates } = await import('../src/dedup/update.js');
  const { clusterIds, clearNearDuplicates, clusterStats, readBodyHeads } = await import('../src/store/duplicates.js');
  const { documentCount, documentIdsByPath } = await import('../src/store/documents.js');
  const { THRESHOLD, BANDS, ROWS, SHINGLE_WORDS, LEAD_WORDS, CONTAINED } = await import('../src/dedup/minhash.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-dup-'));
  const file = path.join(dir, 'copy.db');
  fs.copyFileSync(source, file);
  const store = openDatabase(file);
  clearNearDuplicates(store);
  const documents = documentCount(store);
  // Baseline in the same run: reading the same bodies, so the cost is a ratio that survives load.
  let started = performance.now();
  const chars = readBodyHeads(store, 30000);
  const readMs = performance.now() - started;
  started = performance.now();
  const update = updateNearDuplicates(store);
  const updateMs = performance.now() - started;

  const lineToDoc = new Map<number, number>();
  for (const [file, id] of documentIdsByPath(store)) {
    if (/\.jsonl:\d+$/.test(file)) lineToDoc.set(Number(file.slice(file.lastIndexOf(':') + 1)), id);
  }
  const labels = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'duplicates-labels.json'), 'utf8')) as { pairs: Labelled[] }
  ).pairs;
  const clusters = clusterIds(store, [...new Set(labels.flatMap((l) => [lineToDoc.get(l.a)!, lineToDoc.get(l.b)!]))]);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const perPair = labels.map((l) => {
    const ca = clusters.get(lineToDoc.get(l.a)!);
    const detected = ca !== undefined && ca === clusters.get(lineToDoc.get(l.b)!);
    if (detected && l.sameStory) tp++;
    else if (detected) fp++;
    else if (l.sameStory) fn++;
    else tn++;
    return { ...l, detected };
  });
  const stats = clusterStats(store);
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const r2 = (x: number): number => Math.round(x * 1000) / 1000;
  const result = {
    benchmark: 'duplicates',
    corpus: 'Reuters-21578 (JSON Lines, ingested with `corpus ingest`)',
    date: new Date().toISOString(),
    machine: machine(),
    method: `MinHash over ${SHINGLE_WORDS}-word shingles, ${BANDS} bands x ${ROWS} rows, clustered at estimated Jaccard >= ${THRESHOLD}, or a shorter document sharing the first ${LEAD_WORDS} words with ${CONTAINED * 100}% of its shingles in the longer (connected components)`,
    documents,
    clusters: stats.clusters,
    documentsInClusters: stats.docs,
    labelled: {
      pairs: labels.length,
      sameStory: labels.filter((l) => l.sameStory).length,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      trueNegatives: tn,
      precision: r2(tp / Math.max(1, tp + fp)),
      recall: r2(tp / Math.max(1, tp + fn)),
      note: 'pairs sampled across similarity bands, not at random: precision and recall are per band mix, not corpus rates',
    },
    cost: {
      signedDocuments: update.signed,
      msPer1000Documents: Math.round((updateMs / documents) * 1000),
      readBodiesMsPer1000Documents: Math.round((readMs / documents) * 1000),
      ratioToReadingBodies: Math.round((updateMs / readMs) * 10) / 10,
      charactersRead: chars,
    },
    perPair,
  };
  const out = writeResult('duplicates', result);
  process.stderr.write(
    `duplicates: ${stats.clusters} clusters (${stats.docs} documents); labelled precision ${result.labelled.precision}, recall ${result.labelled.recall}; ` +
      `${result.cost.msPer1000Documents} ms per 1,000 documents → ${path.relative(ROOT, out)}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
