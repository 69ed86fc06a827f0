import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import type { Store } from '../store/db.js';
import { StoreWriter, type PlaceLookup } from '../store/write.js';
import { documentForAnalysis, outdatedDocumentIds } from '../store/documents.js';
import { Batch, checkpoint, deferCheckpoints, restoreCheckpoints } from '../store/batch.js';
import { ANALYZER_VERSION, analyze } from '../nlp/analyze.js';
import type { Article, StoredAnalysis } from '../core/types.js';
import { adaptiveRunner, type AnalysisRunner, type Analyzer, forStorage } from './analyzer-pool.js';
import { discoverFiles } from './discover.js';
import { readArticles, SUPPORTED_EXTENSIONS } from './read.js';

export interface IngestOptions {
  /** `--date`: the publication date of files that carry none of their own. */
  defaultDate?: string | null;
  /** `--prune`: forget documents whose files are gone. */
  prune?: boolean;
  /** Files never to read (the database and its companions). */
  exclude?: readonly string[];
  /** Documents written per transaction: large enough to amortize commits, small enough to bound lost work. */
  batchSize?: number;
  placeLookup?: PlaceLookup;
  /** The analysis to run; the default is the full analyzer. Benchmarks swap in cheaper ones. */
  analyzer?: Analyzer;
  /**
   * Worker threads for analysis (default: one per core; 0: analyze in this thread). The first
   * analyses of an ingest run in this thread, so small ingests never pay for starting workers;
   * runs from TypeScript sources (tests) always analyze in this thread.
   */
  workers?: number;
  /** Stop reading new files when aborted (Ctrl-C): what was read is stored and committed, the rest left for a re-run. */
  signal?: AbortSignal;
}

/** Analyses done in this thread before worker threads are started. */
const PARALLEL_AFTER_ANALYSES = 100;

const FULL_ANALYZER: Analyzer = { version: ANALYZER_VERSION, analyze, module: new URL('../nlp/analyze.js', import.meta.url).href };

export interface IngestProgress {
  /** Called once the files are known. */
  start?(totalFiles: number, files: readonly string[]): void;
  /** Called for each article read (stored, unchanged or failed), so a bar can count articles, not files. */
  article?(): void;
  /** Called after each file. */
  file?(path: string): void;
  /** One line per file (or JSONL line) that could not be stored. */
  failure?(message: string): void;
  /** Non-fatal remarks, such as a Windows-1252 fallback. */
  warning?(message: string): void;
}

export interface IngestSummary {
  files: number;
  documents: number;
  new: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  reanalyzed: number;
  pruned: number;
  failed: number;
  seconds: number;
  documentsPerSecond: number;
  /** Stopped early by `signal` (Ctrl-C): what was read is stored; running the same ingest again finishes it. */
  interrupted?: boolean;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * discover → read → analyze → store, for every file named by `inputs`.
 * Articles are stored in the order they were read, so the result does not depend on which worker
 * finished first. Writes go in batches of `batchSize` documents per transaction: a crash loses at
 * most the open batch and leaves the database consistent; the same ingest run again completes the work.
 */
export async function ingest(
  db: Store,
  inputs: readonly string[],
  options: IngestOptions = {},
  progress: IngestProgress = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const files = await discoverFiles(inputs, { extensions: SUPPORTED_EXTENSIONS, exclude: options.exclude });
  progress.start?.(files.length, files);

  const analyzer = options.analyzer ?? FULL_ANALYZER;
  const workers = options.workers ?? os.availableParallelism();
  const runner = adaptiveRunner(analyzer, workers, PARALLEL_AFTER_ANALYSES);

  deferCheckpoints(db);
  const writer = new StoreWriter(db, options.placeLookup);
  const batch = new Batch(db, options.batchSize ?? 500);
  const summary: IngestSummary = {
    files: files.length,
    documents: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    reanalyzed: 0,
    pruned: 0,
    failed: 0,
    seconds: 0,
    documentsPerSecond: 0,
  };
  let removedSomething = false;
  const pending = new InOrder<StoredAnalysis>(runner);
  const underway = new Set<string>(); // bodies whose analysis is queued: later twins need none
  const failed = (message: string) => {
    summary.failed++;
    progress.failure?.(message);
  };

  try {
    for (const file of files) {
      if (options.signal?.aborted) break;
      const results = await readArticles(file, { defaultDate: options.defaultDate ?? null });
      const seen = new Set<string>();
      for (const result of results) {
        if (options.signal?.aborted) break;
        progress.article?.();
        if (!result.ok) {
          failed(result.error);
          continue;
        }
        const { article } = result;
        for (const warning of article.warnings) progress.warning?.(`${article.path}: ${warning}`);
        seen.add(article.path);
        summary.documents++;
        const hash = sha256(article.body);
        const needsAnalysis = !underway.has(hash) && needsNewAnalysis(writer, analyzer.version, article.path, hash);
        if (needsAnalysis) underway.add(hash);
        await pending.add(
          needsAnalysis ? runner.run(article) : null,
          (analysis) => {
            underway.delete(hash);
            const outcome = storeArticle(writer, analyzer, article, hash, analysis);
            summary[outcome]++;
            if (outcome === 'updated') removedSomething = true;
            batch.wrote();
          },
          (error) => {
            underway.delete(hash);
            failed(`${article.path}: analysis failed (${error.message})`);
          },
        );
      }
      if (file.toLowerCase().endsWith('.jsonl') && results.length > 0 && !options.signal?.aborted) {
        // Lines that have disappeared from a JSON Lines file are documents that no longer exist.
        const failedLines = new Set(results.filter((r) => !r.ok).map((r) => r.path));
        for (const stale of writer.pathsUnder(`${file}:`)) {
          if (!seen.has(stale) && !failedLines.has(stale)) {
            writer.unlinkPath(stale);
            removedSomething = true;
          }
        }
      }
      progress.file?.(file);
    }
    await pending.drain();

    // Interrupted: store what was read, but start nothing that walks the whole database.
    if (options.signal?.aborted) summary.interrupted = true;
    else summary.reanalyzed += await reanalyzeOutdated(db, writer, analyzer.version, runner, pending, batch, failed);
    if (options.prune && !summary.interrupted) {
      summary.pruned = prune(writer);
      removedSomething ||= summary.pruned > 0;
    }
    if (removedSomething || summary.reanalyzed > 0) writer.collectGarbage();
    batch.commit();
  } catch (error) {
    batch.rollback();
    throw error;
  } finally {
    restoreCheckpoints(db);
    await runner.close();
  }
  checkpoint(db);

  summary.seconds = (performance.now() - started) / 1000;
  const processed = summary.new + summary.updated + summary.reanalyzed + summary.duplicates + summary.unchanged;
  summary.documentsPerSecond = summary.seconds > 0 ? processed / summary.seconds : 0;
  return summary;
}

/** Whether storing this article will need a fresh analysis (else it is unchanged or a known twin). */
function needsNewAnalysis(writer: StoreWriter, version: string, path: string, hash: string): boolean {
  const previous = writer.pathInfo(path);
  if (previous?.sha256 === hash) return previous.analyzerVersion !== version;
  const twin = writer.documentBySha(hash);
  return !twin || twin.analyzerVersion !== version;
}

type Outcome = 'new' | 'updated' | 'unchanged' | 'duplicates' | 'reanalyzed';

/**
 * Decide what one article means for the store (identity = path + SHA-256 of the body) and write it.
 * `ready` is the analysis computed ahead, if any; the store state decides whether it is used.
 */
function storeArticle(writer: StoreWriter, analyzer: Analyzer, article: Article, hash: string, ready: StoredAnalysis | null): Outcome {
  const analysis = () => ready ?? forStorage(analyzer.analyze(article));
  const previous = writer.pathInfo(article.path);
  if (previous?.sha256 === hash) {
    if (previous.analyzerVersion === analyzer.version) return 'unchanged';
    writer.replaceAnalysis(previous.docId, analysis());
    return 'reanalyzed';
  }
  const twin = writer.documentBySha(hash);
  if (twin) {
    if (twin.analyzerVersion !== analyzer.version) writer.replaceAnalysis(twin.id, analysis());
    writer.linkPath(article.path, twin.id, previous !== undefined);
    if (!previous) return 'duplicates';
    writer.deleteIfOrphan(previous.docId);
    return 'updated';
  }
  const id = writer.insertDocument(article, hash, analysis());
  writer.linkPath(article.path, id, previous !== undefined);
  if (!previous) return 'new';
  writer.deleteIfOrphan(previous.docId);
  return 'updated';
}

/** Documents analyzed by another analyzer version, wherever their files are: analyze them again. */
async function reanalyzeOutdated(
  db: Store,
  writer: StoreWriter,
  version: string,
  runner: AnalysisRunner,
  pending: InOrder<StoredAnalysis>,
  batch: Batch,
  failed: (message: string) => void,
): Promise<number> {
  // Ids first, bodies one at a time: after a version bump every document is outdated, and the
  // whole corpus's text need not sit in memory at once.
  const outdated = outdatedDocumentIds(db, version);
  let reanalyzed = 0;
  for (const id of outdated) {
    const doc = documentForAnalysis(db, id);
    // An inferred date was the analyzer's own work: let the new analyzer infer it again.
    const own = doc.dateSource === 'inferred' ? { date: null, dateSource: null } : doc;
    await pending.add(
      runner.run({ body: doc.body, date: own.date, dateSource: own.dateSource, dateline: doc.dateline }),
      (analysis) => {
        writer.replaceAnalysis(id, analysis!);
        reanalyzed++;
        batch.wrote();
      },
      (error) => failed(`${doc.path ?? `document ${id}`}: analysis failed (${error.message}); its older analysis is kept`),
    );
  }
  await pending.drain();
  return reanalyzed;
}

/**
 * Analyses finish in any order (worker threads); their results are stored in the order they were
 * asked for, so an ingest stores the same thing however the work was spread. At most
 * `runner.concurrency` analyses are under way at once.
 */
class InOrder<T> {
  private readonly queue: { result: Promise<T> | null; store: (value: T | null) => void; fail: (error: Error) => void }[] = [];

  constructor(private readonly runner: AnalysisRunner) {}

  /** Queue a result (null: nothing to wait for) and what to do with it; store what is due meanwhile. */
  async add(result: Promise<T> | null, store: (value: T | null) => void, fail: (error: Error) => void): Promise<void> {
    this.queue.push({ result, store, fail });
    while (this.queue.length >= this.runner.concurrency) await this.next();
  }

  async drain(): Promise<void> {
    while (this.queue.length > 0) await this.next();
  }

  private async next(): Promise<void> {
    const job = this.queue.shift()!;
    let value: T | null;
    try {
      value = job.result && (await job.result);
    } catch (error) {
      job.fail(error as Error);
      return;
    }
    job.store(value);
  }
}

/** Forget every path whose file is gone; documents left without a path go with them. */
function prune(writer: StoreWriter): number {
  let pruned = 0;
  for (const stored of writer.allPaths()) {
    const file = stored.replace(/\.jsonl:\d+$/i, '.jsonl');
    if (!fs.existsSync(file)) {
      writer.unlinkPath(stored);
      pruned++;
    }
  }
  return pruned;
}
