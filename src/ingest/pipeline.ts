import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Article } from '../types.js';
import type { Db } from '../store/db.js';
import { StoreWriter, type PlaceLookup } from '../store/write.js';
import { ANALYZER_VERSION, analyze } from '../nlp/analyze.js';
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
}

export interface IngestProgress {
  /** Called once the files are known. */
  start?(totalFiles: number): void;
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
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * discover → read → analyze → store, for every file named by `inputs`.
 * Writes go in batches of `batchSize` documents per transaction, so a crash loses at most the open
 * batch and leaves the database consistent; running the same ingest again completes the work.
 */
export async function ingest(
  db: Db,
  inputs: readonly string[],
  options: IngestOptions = {},
  progress: IngestProgress = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const files = await discoverFiles(inputs, { extensions: SUPPORTED_EXTENSIONS, exclude: options.exclude });
  progress.start?.(files.length);

  const writer = new StoreWriter(db, options.placeLookup);
  const batch = new Batch(db, options.batchSize ?? 250);
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

  try {
    for (const file of files) {
      const results = await readArticles(file, { defaultDate: options.defaultDate ?? null });
      const seen = new Set<string>();
      for (const result of results) {
        if (!result.ok) {
          summary.failed++;
          progress.failure?.(result.error);
          continue;
        }
        const { article } = result;
        for (const warning of article.warnings) progress.warning?.(`${article.path}: ${warning}`);
        seen.add(article.path);
        summary.documents++;
        const outcome = storeArticle(writer, article);
        summary[outcome]++;
        if (outcome === 'updated') removedSomething = true;
        batch.wrote();
      }
      if (file.toLowerCase().endsWith('.jsonl') && results.length > 0) {
        // Lines that have disappeared from a JSON Lines file are documents that no longer exist.
        for (const stale of writer.pathsUnder(`${file}:`)) {
          if (!seen.has(stale) && !results.some((r) => !r.ok && r.path === stale)) {
            writer.unlinkPath(stale);
            removedSomething = true;
          }
        }
      }
      progress.file?.(file);
    }

    summary.reanalyzed += reanalyzeOutdated(db, writer, batch);
    if (options.prune) {
      summary.pruned = prune(writer);
      removedSomething ||= summary.pruned > 0;
    }
    if (removedSomething || summary.reanalyzed > 0) writer.collectGarbage();
    batch.commit();
  } catch (error) {
    batch.rollback();
    throw error;
  }

  summary.seconds = (performance.now() - started) / 1000;
  const processed = summary.new + summary.updated + summary.reanalyzed + summary.duplicates + summary.unchanged;
  summary.documentsPerSecond = summary.seconds > 0 ? processed / summary.seconds : 0;
  return summary;
}

type Outcome = 'new' | 'updated' | 'unchanged' | 'duplicates' | 'reanalyzed';

/** Decide what one article means for the store (identity = path + SHA-256 of the body) and write it. */
function storeArticle(writer: StoreWriter, article: Article): Outcome {
  const hash = sha256(article.body);
  const previous = writer.pathInfo(article.path);
  if (previous?.sha256 === hash) {
    if (previous.analyzerVersion === ANALYZER_VERSION) return 'unchanged';
    writer.replaceAnalysis(previous.docId, analyze(article));
    return 'reanalyzed';
  }
  const twin = writer.documentBySha(hash);
  if (twin) {
    if (twin.analyzerVersion !== ANALYZER_VERSION) writer.replaceAnalysis(twin.id, analyze(article));
    writer.linkPath(article.path, twin.id);
    if (!previous) return 'duplicates';
    writer.deleteIfOrphan(previous.docId);
    return 'updated';
  }
  const id = writer.insertDocument(article, hash, analyze(article));
  writer.linkPath(article.path, id);
  if (!previous) return 'new';
  writer.deleteIfOrphan(previous.docId);
  return 'updated';
}

/** Documents analyzed by another analyzer version, wherever their files are: analyze them again. */
function reanalyzeOutdated(db: Db, writer: StoreWriter, batch: Batch): number {
  const outdated = db
    .prepare('SELECT id, body, date, date_source AS dateSource, dateline FROM documents WHERE analyzer_version != ?')
    .all(ANALYZER_VERSION) as { id: number; body: string; date: string | null; dateSource: Article['dateSource']; dateline: string | null }[];
  for (const doc of outdated) {
    // An inferred date was the analyzer's own work: let the new analyzer infer it again.
    const own = doc.dateSource === 'inferred' ? { date: null, dateSource: null } : doc;
    writer.replaceAnalysis(doc.id, analyze({ body: doc.body, date: own.date, dateSource: own.dateSource, dateline: doc.dateline }));
    batch.wrote();
  }
  return outdated.length;
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

/** A transaction kept open across writes and committed every `size` documents. */
class Batch {
  private pending = 0;
  private open = false;

  constructor(
    private readonly db: Db,
    private readonly size: number,
  ) {
    this.begin();
  }

  wrote(): void {
    if (++this.pending < this.size) return;
    this.commit();
    this.begin();
  }

  commit(): void {
    if (this.open) this.db.exec('COMMIT');
    this.open = false;
    this.pending = 0;
  }

  rollback(): void {
    if (this.open) this.db.exec('ROLLBACK');
    this.open = false;
  }

  private begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
  }
}
