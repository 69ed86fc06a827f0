import path from 'node:path';
import { type IngestSummary, ingest } from '../ingest/pipeline.js';
import type { ColumnMap } from '../ingest/formats.js';
import { placeInfo } from '../nlp/gazetteer.js';
import { renderIngestSummary } from '../render/ingest.js';
import { updateNearDuplicates } from '../dedup/update.js';
import { resolutionDue, resolveCorpus, storeMissingAssociations } from '../entities/run.js';
import { readStoryStarts } from '../ingest/story-starts.js';
import { readDocumentLengths } from '../store/doc-lengths.js';
import { readAcronyms } from '../store/acronyms.js';
import { visible, visibleLine } from '../render/text.js';
import { checkIntegrity, openDatabase, restJournalMode } from '../store/db.js';
import { emit, type OutputFlags } from './emit.js';
import { estimateArticles, ProgressLine, problemLine } from './progress.js';
import { boundHeapGrowth } from './heap.js';

export interface IngestRunFlags extends OutputFlags {
  db: string;
  date?: string;
  prune?: boolean;
  quiet?: boolean;
  columns?: ColumnMap;
}

/**
 * The signals that stop an ingest the way Ctrl-C does, with the exit status a shell reports for a
 * process they stop (128 + the signal's number). SIGTERM is what `kill`, `timeout`, `docker stop` and
 * service managers send: left to its default, it dropped the batch being analyzed and said nothing.
 * (Not SIGHUP: its terminal is gone, and with it the place to say how to resume.)
 */
const STOPPING_SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;
type StoppingSignal = keyof typeof STOPPING_SIGNALS;

/**
 * `corpus ingest`: the pipeline with a progress line on a terminal and one summary at the end.
 * Ctrl-C (or SIGTERM) stops reading, stores and commits what was read and says how to resume; a
 * second one quits at once (the database stays consistent: only the open batch is lost).
 */
export async function runIngest(
  paths: string[],
  flags: IngestRunFlags,
  argv: readonly string[] = process.argv,
): Promise<number> {
  boundHeapGrowth();
  const db = openDatabase(flags.db, {
    create: true,
    onWait: (message) => process.stderr.write(`corpus: warning: ${visibleLine(message)}\n`),
    onUpgrade: flags.quiet ? undefined : (message) => process.stderr.write(`corpus: ${visibleLine(message)}\n`),
  });
  const bar = process.stderr.isTTY && !flags.quiet ? new ProgressLine(process.stderr) : null;
  try {
    // The check reads every page (17 s for a million articles): on a terminal, not in silence.
    bar?.status('checking the database for damage…');
    checkIntegrity(db, flags.db);
  } catch (error) {
    bar?.stop();
    db.close();
    throw error;
  }
  const say = (line: string) => (bar ? bar.log(problemLine(line)) : process.stderr.write(`${problemLine(line)}\n`));
  // Messages start with the file's stored (absolute) path; people read it relative to where they are.
  const here = process.cwd() + path.sep;
  const relative = (message: string) => (message.startsWith(here) ? message.slice(here.length) : message);

  const abort = new AbortController();
  let stoppedBy: StoppingSignal | null = null;
  const onSignal = (signal: StoppingSignal) => {
    if (stoppedBy) {
      bar?.stop();
      process.stderr.write('corpus: stopped; what was committed is kept\n');
      process.exit(STOPPING_SIGNALS[signal]);
    }
    stoppedBy = signal;
    abort.abort();
    const again = signal === 'SIGINT' ? 'Ctrl-C' : signal;
    say(
      `interrupted${signal === 'SIGINT' ? '' : ` (${signal})`}: storing what was read (${again} again to quit at once)`,
    );
  };
  const listen = () => {
    for (const signal of Object.keys(STOPPING_SIGNALS) as StoppingSignal[]) process.on(signal, onSignal);
  };
  const unlisten = () => {
    for (const signal of Object.keys(STOPPING_SIGNALS) as StoppingSignal[]) process.off(signal, onSignal);
  };
  listen();

  // The bar's total: one article per file, the lines of a JSON Lines file; corrected as files finish.
  let articlesInFile = 0;
  const estimates = new Map<string, number>();
  let summary: IngestSummary;
  try {
    summary = await ingest(
      db,
      paths,
      {
        defaultDate: flags.date ?? null,
        prune: flags.prune,
        columns: flags.columns ?? null,
        placeLookup: placeInfo,
        // Which names are one entity is a question about the whole corpus: asked after each ingest that changed it.
        // Then near-duplicate clusters for the documents this run stored (bounded work per new
        // document); an interrupted run leaves them to the next, which picks up every unsigned one.
        afterIngest: (store, changed, interrupted) => {
          // The corpus-wide steps run without a break in which a Ctrl-C handler could act: for them
          // Ctrl-C (and SIGTERM) keeps its default and stops the process at once (at a million
          // articles they take minutes). Each step is one transaction, and the next ingest runs any
          // that did not finish.
          bar?.stop();
          unlisten();
          readStoryStarts(store);
          readDocumentLengths(store);
          readAcronyms(store);
          const resolving = changed || resolutionDue(store);
          if (resolving) bar?.status('resolving entities across the corpus…');
          const seconds = resolving ? resolveCorpus(store).seconds : storeMissingAssociations(store);
          if (!interrupted) {
            bar?.status('finding near-duplicates…');
            updateNearDuplicates(store);
          }
          return seconds;
        },
        step: (what) => bar?.status(what),
        // CORPUS_WORKERS=N analysis threads; 0 analyzes in the main thread (for debugging).
        workers: process.env.CORPUS_WORKERS
          ? Math.max(0, Math.floor(Number(process.env.CORPUS_WORKERS)) || 0)
          : undefined,
        exclude: [flags.db, `${flags.db}-wal`, `${flags.db}-shm`, `${flags.db}-journal`],
        signal: abort.signal,
      },
      {
        start: (_total, files) => {
          if (!bar) return;
          let total = 0;
          for (const file of files) {
            const n = estimateArticles(file);
            if (n !== 1) estimates.set(file, n);
            total += n;
          }
          bar.start(total);
        },
        article: () => {
          articlesInFile++;
          bar?.tick();
        },
        file: (file) => {
          bar?.addToTotal(articlesInFile - (estimates.get(file) ?? 1));
          estimates.delete(file);
          articlesInFile = 0;
        },
        failure: (message) => say(relative(message)),
        warning: (message) => say(`warning: ${relative(message)}`),
      },
    );
  } finally {
    bar?.stop();
    unlisten();
    // After a failure too (a full disk, damage found mid-way): a file left in WAL mode cannot be read
    // where its -shm file cannot be made (a read-only copy, another user's folder).
    try {
      restJournalMode(db);
    } catch {
      // the error that ended the ingest is the one to report
    }
    db.close();
  }
  if (summary.interrupted) {
    const again = ['corpus', ...argv.slice(2)].map(shellWord).join(' ');
    process.stderr.write(
      `${problemLine(`interrupted: ${summary.new + summary.updated} documents stored and committed; run the same command to resume:`)}\n` +
        `  ${visible(again)}\n`,
    );
  }
  if (flags.json) await emit(summary, flags, () => '');
  else if (!flags.quiet) process.stderr.write(`${renderIngestSummary(summary)}\n`);
  if (summary.interrupted) return STOPPING_SIGNALS[stoppedBy ?? 'SIGINT'];
  return summary.failed > 0 ? 1 : 0;
}

/** A word as a POSIX shell reads it back. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
