import cliProgress from 'cli-progress';
import { openDatabase } from '../store/db.js';
import { ingest, type IngestSummary } from '../ingest/pipeline.js';
import { placeInfo } from '../nlp/gazetteer.js';
import { renderIngestSummary } from '../render/ingest.js';
import { updateNearDuplicates } from '../dedup/update.js';

export interface IngestRunFlags {
  db: string;
  json?: boolean;
  date?: string;
  prune?: boolean;
  quiet?: boolean;
}

/** `corpus ingest`: the pipeline with a progress bar on a terminal and one summary at the end. */
export async function runIngest(paths: string[], flags: IngestRunFlags): Promise<number> {
  const db = openDatabase(flags.db, { create: true });
  const showBar = Boolean(process.stderr.isTTY) && !flags.quiet;
  const bars = showBar
    ? new cliProgress.MultiBar(
        { stream: process.stderr, format: ' {bar} {value}/{total} files | {eta_formatted} left', hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let bar: cliProgress.SingleBar | null = null;
  const say = (line: string) => (bars ? bars.log(`${line}\n`) : process.stderr.write(`${line}\n`));
  let summary: IngestSummary;
  try {
    summary = await ingest(
      db,
      paths,
      {
        defaultDate: flags.date ?? null,
        prune: flags.prune,
        placeLookup: placeInfo,
        // CORPUS_WORKERS=N analysis threads; 0 analyzes in the main thread (for debugging).
        workers: process.env.CORPUS_WORKERS ? Math.max(0, Math.floor(Number(process.env.CORPUS_WORKERS)) || 0) : undefined,
        exclude: [flags.db, `${flags.db}-wal`, `${flags.db}-shm`, `${flags.db}-journal`],
      },
      {
        start: (total) => {
          if (bars && total > 20) bar = bars.create(total, 0);
        },
        file: () => bar?.increment(),
        failure: (message) => say(`corpus: ${message}`),
        warning: (message) => say(`corpus: warning: ${message}`),
      },
    );
    // Near-duplicate clusters for the documents this run stored (bounded work per new document).
    updateNearDuplicates(db);
  } finally {
    bars?.stop();
    db.close();
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else if (!flags.quiet) process.stderr.write(`${renderIngestSummary(summary)}\n`);
  return summary.failed > 0 ? 1 : 0;
}
