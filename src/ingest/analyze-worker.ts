import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzerInput } from '../nlp/analyze.js';
import type { Analysis } from '../core/types.js';
import { forStorage } from './analyzer-pool.js';

const { analyze } = (await import((workerData as { analyzerModule: string }).analyzerModule)) as {
  analyze: (input: AnalyzerInput) => Analysis;
};

// One analysis per message; the answer carries the same id. Errors are answers too, so one bad
// document never stalls the ingest. The analysis goes as JSON text: structured cloning its few
// hundred small objects cost ~10% of a worker's time, JSON.stringify half that, and the main thread
// (idle half the time with two workers) parses it.
parentPort!.on('message', ({ id, input }: { id: number; input: AnalyzerInput }) => {
  try {
    parentPort!.postMessage({ id, json: JSON.stringify(forStorage(analyze(input))) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error)?.message ?? String(error) });
  }
});
