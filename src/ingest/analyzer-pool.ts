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
  return analyzer.module?.endsWith('.js') === true && fs.existsSync(WORKER_FILE);
}

/** A job sent to a worker: retried once on a fresh worker if its worker dies under it. */
interface Job {
  id: number;
  input: AnalyzerInput;
  resolve: (a: StoredAnalysis) => void;
  reject: (e: Error) => void;
  worker: number;
  attempts: number;
}

/**
 * Analysis is the expensive step of an ingest (reading and storing are cheap), so it is spread over
 * worker threads while the main thread reads files and writes the database. Each worker loads the
 * analyzer's module (and so the model) once.
 *
 * A worker that dies (out of memory, a crash in native code, process.exit in the analyzer) is
 * replaced at once. Its unfinished jobs are retried once, one at a time, so a document that kills
 * workers cannot take innocent neighbours down with it twice; a job whose retry dies too is
 * reported as failed with the cause.
 */
export class WorkerPool implements AnalysisRunner {
  readonly concurrency: number;
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Job>();
  /** Jobs whose worker died, waiting for their one retry; `retrying` is the one under way. */
  private readonly retries: Job[] = [];
  private retrying: Job | null = null;
  private closing = false;
  private nextId = 0;
  /** How many workers died and were replaced (for reports and tests). */
  replaced = 0;

  constructor(
    size: number,
    private readonly analyzerModule: string,
  ) {
    this.concurrency = size * 16; // enough queued work that no worker waits for the main thread
    for (let i = 0; i < size; i++) {
      this.workers.push(this.spawn(i));
      this.load.push(0);
    }
  }

  run(input: AnalyzerInput): Promise<StoredAnalysis> {
    const { body, date, dateSource, dateline } = input;
    return new Promise((resolve, reject) => {
      this.send({
        id: this.nextId++,
        input: { body, date, dateSource, dateline },
        resolve,
        reject,
        worker: -1,
        attempts: 1,
      });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(job: Job): void {
    let target = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i] < this.load[target]) target = i;
    job.worker = target;
    this.load[target]++;
    this.pending.set(job.id, job);
    this.workers[target].postMessage({ id: job.id, input: job.input });
  }

  private spawn(slot: number): Worker {
    const worker = new Worker(WORKER_FILE, { workerData: { analyzerModule: this.analyzerModule } });
    let cause: string | null = null;
    worker.on('message', (message: { id: number; json?: string; error?: string }) => {
      const job = this.pending.get(message.id);
      if (!job) return;
      this.pending.delete(message.id);
      this.load[job.worker]--;
      if (message.json !== undefined) job.resolve(JSON.parse(message.json) as StoredAnalysis);
      else job.reject(new Error(message.error ?? 'analysis failed'));
      if (job === this.retrying) this.nextRetry();
    });
    worker.on('error', (error) => {
      cause = error.message;
    });
    worker.on('exit', (code) => {
      if (this.closing || this.workers[slot] !== worker) return;
      this.died(slot, cause ?? `exit code ${code}`);
    });
    return worker;
  }

  /** Replace the dead worker in `slot`; retry its jobs once each, fail those already retried. */
  private died(slot: number, cause: string): void {
    this.replaced++;
    this.workers[slot] = this.spawn(slot);
    this.load[slot] = 0;
    const orphans = [...this.pending.values()].filter((job) => job.worker === slot).sort((a, b) => a.id - b.id);
    for (const job of orphans) {
      this.pending.delete(job.id);
      if (job.attempts >= 2) {
        job.reject(new Error(`analysis worker died (${cause}); gave up after one retry`));
        if (job === this.retrying) this.retrying = null;
      } else {
        job.attempts++;
        this.retries.push(job);
      }
    }
    if (!this.retrying) this.nextRetry();
  }

  private nextRetry(): void {
    this.retrying = this.retries.shift() ?? null;
    if (this.retrying) this.send(this.retrying);
  }
}
