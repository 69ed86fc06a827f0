import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzerInput } from '../nlp/analyze.js';
import type { Analysis } from '../core/types.js';
import { forStorage } from './analyzer-pool.js';

const { analyze } = (await import((workerData as { analyzerModule: string }).analyzerModule)) as {
  analyze: (input: AnalyzerInput) => Analysis;
};

// One analysis per message; the answer carries the same id. Errors are answers too, so one bad
// document never stalls the ingest.
parentPort!.on('message', ({ id, input }: { id: number; input: AnalyzerInput }) => {
  try {
    parentPort!.postMessage({ id, analysis: forStorage(analyze(input)) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error)?.message ?? String(error) });
  }
});
