import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzerInput } from '../nlp/analyze.js';
import type { Analysis, StoredAnalysis } from '../core/types.js';

export function forStorage(analysis: Analysis): StoredAnalysis {
  const { tokens, ...rest } = analysis;
  return { ...rest, tokenCount: tokens.length };
}

export interface Analyzer {
  version: string;
  analyze(input: AnalyzerInput): Analysis;
  /** URL of a compiled module exporting this `analyze`, so worker threads can load it too. */
  module?: string;
}

/** Runs analyses somewhere: in this thread, or spread over worker threads. */
export interface AnalysisRunner {
  run(input: AnalyzerInput): Promise<StoredAnalysis>;
  /** How many analyses are worth having under way at once. */
  readonly concurrency: number;
  close(): Promise<void>;
}

export function inlineRunner(analyzer: Analyzer): AnalysisRunner {
  return {
    run: async (input) => forStorage(analyzer.analyze(input)),
    concurrency: 1,
    close: async () => {},
  };
}

/**
 * Analyzes in this thread until `threshold` analyses have been asked for, then in `workers` worker
 * threads: a handful of articles is done before workers could start, while a big ingest (many
 * files, or one JSON Lines file of thousands of articles) gets every core.
 */
export function adaptiveRunner(analyzer: Analyzer, workers: number, threshold: number): AnalysisRunner {
  const inline = inlineRunner(analyzer);
  const parallel = workers >= 1 && canUseWorkers(analyzer);
  let pool: WorkerPool | null = null;
  let asked = 0;
  return {
    run(input) {
      if (!pool && parallel && ++asked > threshold) pool = new WorkerPool(workers, analyzer.module!);
      return pool ? pool.run(input) : inline.run(input);
    },
    get concurrency() {
      return pool ? workers * 16 : 1;
    },
    close: async () => {
      await pool?.close();
    },
  };
}

const WORKER_FILE = fileURLToPath(new URL('./analyze-worker.js', import.meta.url));

/** Worker threads run compiled modules only: not from TypeScript sources (tests), nor an analyzer without a module. */
export function canUseWorkers(analyzer: Analyzer): boolean {
  return analyzer.module !== undefined && analyzer.module.endsWith('.js') && fs.existsSync(WORKER_FILE);
}

/**
 * Analysis is the expensive step of an ingest (reading and storing are cheap), so it is spread over
 * worker threads while the main thread reads files and writes the database. Each worker loads the
 * analyzer's module (and so the model) once.
 */
export class WorkerPool implements AnalysisRunner {
  readonly concurrency: number;
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, { resolve: (a: StoredAnalysis) => void; reject: (e: Error) => void; worker: number }>();
  private nextId = 0;

  constructor(size: number, analyzerModule: string) {
    this.concurrency = size * 16; // enough queued work that no worker waits for the main thread
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_FILE, { workerData: { analyzerModule } });
      worker.on('message', (message: { id: number; analysis?: StoredAnalysis; error?: string }) => {
        const job = this.pending.get(message.id);
        if (!job) return;
        this.pending.delete(message.id);
        this.load[job.worker]--;
        if (message.analysis) job.resolve(message.analysis);
        else job.reject(new Error(message.error ?? 'analysis failed'));
      });
      worker.on('error', (error) => {
        for (const [id, job] of this.pending) {
          if (job.worker === i) {
            this.pending.delete(id);
            job.reject(error);
          }
        }
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  run(input: AnalyzerInput): Promise<StoredAnalysis> {
    const id = this.nextId++;
    let target = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i] < this.load[target]) target = i;
    this.load[target]++;
    const { body, date, dateSource, dateline } = input;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: target });
      this.workers[target].postMessage({ id, input: { body, date, dateSource, dateline } });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
