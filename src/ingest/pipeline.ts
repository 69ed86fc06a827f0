import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { restJournalMode, type Store } from '../store/db.js';
import { StoreWriter, type PlaceLookup } from '../store/write.js';
import { documentForAnalysis, outdatedDocumentIds } from '../store/documents.js';
import { Batch, checkpoint, deferCheckpoints, restoreCheckpoints } from '../store/batch.js';
import { ANALYZER_VERSION, analyze, type AnalyzerInput } from '../nlp/analyze.js';
import type { Article, StoredAnalysis } from '../core/types.js';
import { adaptiveRunner, type AnalysisRunner, type Analyzer, forStorage } from './analyzer-pool.js';
import { discoverFiles, GLOB_CHARS } from './discover.js';
import { type ColumnMap, formatFor } from './formats.js';
import { holdsManyArticles } from './read.js';
import { ReadPaths } from './read-paths.js';
import { fsPath } from './paths.js';
import { SUPPORTED_EXTENSIONS } from './read.js';
import { isLaterPart, PART_CHARS, PART_MARK, wholeOfPart } from './parts.js';
import { articlesOf, fileOfPath } from './stream.js';
import { updateCorpusEvents } from './corpus-events.js';

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
  /**
   * Corpus-level work after the documents are stored (the entity resolution, which the ingest layer
   * may not import): told whether the corpus changed, returns the seconds it took.
   */
  afterIngest?: (store: Store, changed: boolean, interrupted: boolean) => number;
  /** Told as each corpus-wide step of this module begins, for a person waiting (`clustering events…`). */
  step?: (what: string) => void;
  /** The analysis to run; the default is the full analyzer. Benchmarks swap in cheaper ones. */
  analyzer?: Analyzer;
  /**
   * Worker threads for analysis (default: one per core; 0: analyze in this thread). The first
   * analyses of an ingest run in this thread, so small ingests never pay for starting workers;
   * runs from TypeScript sources (tests) always analyze in this thread.
   */
  workers?: number;
  /** `--columns`: which CSV/TSV column holds which article field. */
  columns?: ColumnMap | null;
  /** Stop reading new files when aborted (Ctrl-C): what was read is stored and committed, the rest left for a re-run. */
  signal?: AbortSignal;
}

/**
 * The most of one file that is analyzed (entities, dates and events): about a 500-page book, and
 * 200 times a long news article. Beyond it the text is still stored and searchable, and a warning
 * says so. Analysis time and memory grow with the text analyzed; this bounds both for any input.
 * A file too big for one document is stored in parts (stream.ts) of this size: the first is
 * analyzed, the others are stored for search only.
 */
export const MAX_ANALYZED_CHARS = PART_CHARS;

/** The part of `input` that is analyzed: up to a paragraph or sentence end before the limit; nothing of a later part. */
export function analyzedPart<T extends AnalyzerInput>(input: T, path: string | null): T {
  if (path !== null && isLaterPart(path)) return { ...input, body: '' };
  const { body } = input;
  if (body.length <= MAX_ANALYZED_CHARS) return input;
  let end = body.lastIndexOf('\n', MAX_ANALYZED_CHARS);
  if (end < MAX_ANALYZED_CHARS * 0.9) end = body.lastIndexOf('. ', MAX_ANALYZED_CHARS) + 1;
  if (end < MAX_ANALYZED_CHARS * 0.9) end = MAX_ANALYZED_CHARS;
  return { ...input, body: body.slice(0, end) };
}

/** Analyses done in this thread before worker threads are started. */
const PARALLEL_AFTER_ANALYSES = 100;

const FULL_ANALYZER: Analyzer = {
  version: ANALYZER_VERSION,
  analyze,
  module: new URL('../nlp/analyze.js', import.meta.url).href,
};

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
  /** Documents forgotten by --prune: their files gone, or an id-addressed row gone from its file. */
  pruned: number;
  /** Rows gone from a file read again (a JSON Lines line, a CSV row), forgotten with or without --prune. */
  removed: number;
  failed: number;
  /** Records passed over on purpose (WARC requests, non-HTML responses). */
  skipped: number;
  seconds: number;
  documentsPerSecond: number;
  /** Seconds of corpus-level entity resolution (entities/run.ts), part of `seconds`. */
  resolutionSeconds?: number;
  /** Stopped early by `signal` (Ctrl-C): what was read is stored; running the same ingest again finishes it. */
  interrupted?: boolean;
  /**
   * Where the time and memory went: storing the documents, the corpus-level work of `afterIngest`
   * (entity resolution and near-duplicates), and the corpus events. Peak RSS is the process's
   * high-water mark when each step ended, so a step that raised it shows a larger figure than the one before.
   */
  steps?: Record<'documents' | 'afterIngest' | 'events', { seconds: number; peakRssMB: number }>;
}

/** Seconds since `since` and the process's peak RSS so far. */
function stepFigures(since: number): { seconds: number; peakRssMB: number } {
  return {
    seconds: Math.round(performance.now() - since) / 1000,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A document's identity: its body and the metadata its file gives it. Two files with the same body
 * but different front matter (title, date, source…) are two documents, each with its own metadata
 * (and an analysis relative to its own date); files that agree on all of it are one document with
 * two paths. The body is hashed in slices, so a huge body is never copied whole into a buffer.
 */
export function documentHash(article: Article): string {
  const hash = createHash('sha256');
  const { body } = article;
  for (let at = 0; at < body.length; at += HASH_SLICE) hash.update(body.slice(at, at + HASH_SLICE));
  const meta = [article.title, article.date, article.source, article.dateline, article.section, article.tags];
  if (meta.some((m) => m !== null && !(Array.isArray(m) && m.length === 0)))
    hash.update(`\u0000${JSON.stringify(meta)}`);
  return hash.digest('hex');
}

const HASH_SLICE = 1 << 20;

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
  // With --prune, a path given that no longer exists is what to forget: there is nothing to read.
  const present = options.prune
    ? inputs.filter((input) => {
        if (!isGone(input) || GLOB_CHARS.test(input)) return true;
        progress.warning?.(`${input}: not found; what was stored from it is forgotten (--prune)`);
        return false;
      })
    : inputs;
  const unread: string[] = [];
  const files = await discoverFiles(present, {
    extensions: SUPPORTED_EXTENSIONS,
    exclude: options.exclude,
    note: (message) => progress.warning?.(message),
    fail: (message) => unread.push(message),
  });
  progress.start?.(files.length, files);

  const analyzer = options.analyzer ?? FULL_ANALYZER;
  const workers = options.workers ?? os.availableParallelism();
  const runner = adaptiveRunner(analyzer, workers, PARALLEL_AFTER_ANALYSES);

  deferCheckpoints(db);
  const writer = new StoreWriter(db, options.placeLookup);
  const batch = new Batch(db, writer, options.batchSize ?? 500, (message) => progress.warning?.(message));
  const summary: IngestSummary = {
    files: files.length,
    documents: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    reanalyzed: 0,
    pruned: 0,
    removed: 0,
    failed: 0,
    skipped: 0,
    seconds: 0,
    documentsPerSecond: 0,
    resolutionSeconds: 0,
  };
  let removedSomething = false;
  const pending = new InOrder<StoredAnalysis>(runner);
  const underway = new Set<string>(); // bodies whose analysis is queued: later twins need none
  const failed = (message: string) => {
    summary.failed++;
    progress.failure?.(message);
  };
  // A folder that could not be read may hold articles: a failure like a file's (exit 1), not a remark.
  for (const message of unread) failed(message);

  try {
    for (const file of files) {
      if (options.signal?.aborted) break;
      const seen = new ReadPaths(file);
      const failedPaths = new Set<string>();
      for await (const result of articlesOf(file, {
        defaultDate: options.defaultDate ?? null,
        columns: options.columns,
      })) {
        if (options.signal?.aborted) break;
        progress.article?.();
        if (result.ok === 'skipped') {
          summary.skipped++;
          continue;
        }
        if (!result.ok) {
          failedPaths.add(result.path);
          failed(result.error);
          continue;
        }
        const { article } = result;
        for (const warning of article.warnings) progress.warning?.(`${article.path}: ${warning}`);
        if (
          (article.body.length > MAX_ANALYZED_CHARS && !isLaterPart(article.path)) ||
          article.path.endsWith(`${PART_MARK}2`)
        ) {
          progress.warning?.(
            `${wholeOfPart(article.path)}: more than ${MAX_ANALYZED_CHARS.toLocaleString('en-US')} characters; the first ` +
              `${MAX_ANALYZED_CHARS.toLocaleString('en-US')} are analyzed for entities, dates and events; all of it is stored and searchable`,
          );
        }
        seen.add(article.path);
        summary.documents++;
        const hash = documentHash(article);
        const needsAnalysis = !underway.has(hash) && needsNewAnalysis(writer, analyzer.version, article.path, hash);
        if (needsAnalysis) underway.add(hash);
        await pending.add(
          needsAnalysis ? runner.run(analyzedPart(article, article.path)) : null,
          (analysis) =>
            batch.add(article.body.length, () => {
              underway.delete(hash);
              const outcome = storeArticle(writer, analyzer, article, hash, analysis);
              summary[outcome]++;
              if (outcome === 'updated') removedSomething = true;
            }),
          (error) => {
            underway.delete(hash);
            failed(`${article.path}: analysis failed (${error.message})`);
          },
          article.body.length,
        );
        await batch.flushIfFull();
      }
      // Not when the file as a whole failed (a wrong --columns, a cut archive): no row may be forgotten then.
      if (seen.size + failedPaths.size > 0 && !failedPaths.has(file) && !options.signal?.aborted) {
        batch.add(0, () => {
          const gone = (stored: string) => !seen.has(stored) && !failedPaths.has(stored);
          for (const { stale, byPrune } of staleRows(writer, file, gone, options.prune === true)) {
            writer.unlinkPath(stale);
            if (byPrune) summary.pruned++;
            else summary.removed++;
            removedSomething = true;
          }
        });
      }
      progress.file?.(file);
    }
    await pending.drain();
    await batch.flush();

    // Interrupted: store what was read, but start nothing that walks the whole database.
    if (options.signal?.aborted) summary.interrupted = true;
    else summary.reanalyzed += await reanalyzeOutdated(db, writer, analyzer.version, runner, pending, batch, failed);
    if (options.prune && !summary.interrupted) {
      batch.add(0, () => {
        const pruned = prune(writer, pruneScopes(inputs));
        summary.pruned += pruned;
        removedSomething ||= pruned > 0;
      });
    }
    batch.add(0, () => {
      if (removedSomething || summary.reanalyzed > 0) writer.collectGarbage();
    });
    await batch.flush();
  } catch (error) {
    batch.rollback();
    throw error;
  } finally {
    restoreCheckpoints(db);
    await runner.close();
  }
  checkpoint(db);
  const documentsDone = performance.now();
  const documentsStep = stepFigures(started);
  // Which names are one entity is a question about the whole corpus: asked again after each ingest
  // that changed it (after the checkpoint: reading through a bulk load's large WAL is slow).
  const changed = summary.new + summary.updated + summary.reanalyzed + summary.pruned > 0 || removedSomething;
  if (options.afterIngest) summary.resolutionSeconds = options.afterIngest(db, changed, summary.interrupted === true);
  const afterIngestDone = performance.now();
  const afterIngestStep = stepFigures(documentsDone);
  // Corpus-level events last: their statements name entities as resolved, and their support counts
  // a near-duplicate cluster (made in afterIngest) as one report.
  if (!summary.interrupted) {
    options.step?.('clustering events across the corpus…');
    updateCorpusEvents(db, { changed });
  }
  summary.steps = { documents: documentsStep, afterIngest: afterIngestStep, events: stepFigures(afterIngestDone) };
  restJournalMode(db);

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
function storeArticle(
  writer: StoreWriter,
  analyzer: Analyzer,
  article: Article,
  hash: string,
  ready: StoredAnalysis | null,
): Outcome {
  const analysis = () => ready ?? forStorage(analyzer.analyze(analyzedPart(article, article.path)));
  const previous = writer.pathInfo(article.path);
  if (previous?.sha256 === hash) {
    if (previous.analyzerVersion === analyzer.version) return 'unchanged';
    writer.replaceAnalysis(previous.docId, analysis());
    return 'reanalyzed';
  }
  const twin = writer.documentBySha(hash);
  if (twin) {
    if (twin.analyzerVersion !== analyzer.version) writer.replaceAnalysis(twin.id, analysis());
    writer.keepEarliestCopy(twin.id, article);
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
      runner.run(
        analyzedPart({ body: doc.body, date: own.date, dateSource: own.dateSource, dateline: doc.dateline }, doc.path),
      ),
      (analysis) =>
        batch.add(doc.body.length, () => {
          writer.replaceAnalysis(id, analysis!);
          reanalyzed++;
        }),
      (error) =>
        failed(`${doc.path ?? `document ${id}`}: analysis failed (${error.message}); its older analysis is kept`),
      doc.body.length,
    );
    await batch.flushIfFull();
  }
  await pending.drain();
  await batch.flush();
  return reanalyzed;
}

/**
 * Analyses finish in any order (worker threads); their results are stored in the order they were
 * asked for, so an ingest stores the same thing however the work was spread. At most
 * `runner.concurrency` analyses are under way at once.
 */
class InOrder<T> {
  private readonly queue: {
    result: Promise<T> | null;
    store: (value: T | null) => void;
    fail: (error: Error) => void;
    chars: number;
  }[] = [];
  /** Characters of text held by queued jobs: bounded too, so a run of huge documents cannot pile up. */
  private chars = 0;

  constructor(private readonly runner: AnalysisRunner) {}

  /** Queue a result (null: nothing to wait for) and what to do with it; store what is due meanwhile. */
  async add(
    result: Promise<T> | null,
    store: (value: T | null) => void,
    fail: (error: Error) => void,
    chars = 0,
  ): Promise<void> {
    // A result may fail while older ones are still being stored, before `next` awaits it: Node calls
    // a rejection nobody handles yet fatal, and one document's failed analysis ended the whole ingest
    // with a stack trace. Marked handled here; `next` still sees the failure and reports it.
    result?.catch(() => undefined);
    this.queue.push({ result, store, fail, chars });
    this.chars += chars;
    while (this.queue.length >= this.runner.concurrency || (this.chars > MAX_QUEUED_CHARS && this.queue.length > 0))
      await this.next();
  }

  async drain(): Promise<void> {
    while (this.queue.length > 0) await this.next();
  }

  private async next(): Promise<void> {
    const job = this.queue.shift()!;
    this.chars -= job.chars;
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

/**
 * Forget every path within `scopes` whose file is gone; documents left without a path go with them.
 * Only the paths given are looked at: `ingest p2 --prune` leaves alone what came from p1, wherever p1
 * is now (an unmounted drive).
 */
function prune(writer: StoreWriter, scopes: readonly string[]): number {
  let pruned = 0;
  for (const stored of writer.allPaths()) {
    const file = fileOfPath(stored);
    if (!scopes.some((scope) => within(file, scope))) continue;
    if (isGone(fsPath(file)) && isGone(fsPath(stored))) {
      writer.unlinkPath(stored);
      pruned++;
    }
  }
  return pruned;
}

/**
 * Whether a file is gone: its name no longer exists. A file that cannot be reached now (a folder
 * without read permission, EACCES; an I/O error) is not gone, and its documents stay: taken for gone,
 * a folder made unreadable for a moment lost every document under it to --prune.
 */
function isGone(file: string | Buffer): boolean {
  try {
    fs.statSync(file);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}

/** The folders and files --prune looks within: each path given, or a glob's folder before its first wildcard. */
function pruneScopes(inputs: readonly string[]): string[] {
  return inputs.map((input) => {
    const parts = path.resolve(input).split(path.sep);
    const wild = fs.existsSync(input) ? -1 : parts.findIndex((part) => GLOB_CHARS.test(part));
    return wild === -1 ? parts.join(path.sep) : parts.slice(0, wild).join(path.sep) || path.sep;
  });
}

/** Whether `file` is `scope` or lies below it. */
function within(file: string, scope: string): boolean {
  return file === scope || file.startsWith(scope.endsWith(path.sep) ? scope : scope + path.sep);
}

/** Whether `file` is of a one-article format that may hold several (a .json array). */
function mayHoldMany(file: string): boolean {
  const format = formatFor(file);
  return format !== null && !format.many && format.mayHoldMany === true;
}

/**
 * The stored rows of `file` that `gone` says its read no longer found. Rows addressed by position
 * (`x.jsonl:12`, a CSV row) and parts of a big text file that shrank no longer exist as such (the
 * positions moved) and are removed; rows addressed by their own id (`feed.rss#guid`, a WARC record)
 * are an archive's past items (a rolling feed's above all) and go only with --prune. Only paths
 * shaped as rows count: a file of its own named `x.jsonl#note.txt` is not a row of `x.jsonl`.
 */
function staleRows(
  writer: StoreWriter,
  file: string,
  gone: (stored: string) => boolean,
  prune: boolean,
): { stale: string; byPrune: boolean }[] {
  const rowsOf = (prefix: string, shaped: (address: string) => boolean) =>
    writer.pathsUnder(prefix, (stored) => gone(stored) && shaped(stored.slice(prefix.length)));
  const numbered = (address: string) => /^\d+$/.test(address);
  if (!holdsManyArticles(file))
    // A big file's parts; a .json file's articles when it held an array of them (`x.json:3`).
    return [...rowsOf(`${file}${PART_MARK}`, numbered), ...(mayHoldMany(file) ? rowsOf(`${file}:`, numbered) : [])].map(
      (stale) => ({ stale, byPrune: false }),
    );
  const byPosition = rowsOf(`${file}:`, numbered);
  const byId = prune ? rowsOf(`${file}#`, (id) => id !== '' && isGone(fsPath(`${file}#${id}`))) : [];
  return [
    ...byPosition.map((stale) => ({ stale, byPrune: false })),
    ...byId.map((stale) => ({ stale, byPrune: true })),
  ];
}

/** Text waiting for its analysis at most. */
const MAX_QUEUED_CHARS = 4 * 1024 * 1024;
