import { parentPort } from 'node:worker_threads';
import { analyze, type AnalyzerInput } from '../nlp/analyze.js';
import { forStorage } from './analyzer-pool.js';

// One analysis per message; the answer carries the same id. Errors are answers too, so one bad
// document never stalls the ingest.
parentPort!.on('message', ({ id, input }: { id: number; input: AnalyzerInput }) => {
  try {
    parentPort!.postMessage({ id, analysis: forStorage(analyze(input)) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error)?.message ?? String(error) });
  }
});
