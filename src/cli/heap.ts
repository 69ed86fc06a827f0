import v8 from 'node:v8';

/**
 * Keep the heap of a corpus-wide run near what it holds. After each full collection V8 lets the
 * heap grow to up to four times what survived before collecting again; an ingest makes garbage at
 * a steady rate for its whole run (every statement of a million articles passes through the event
 * clustering, held only while its week is open), so its peak memory followed that factor, not what
 * it held: the events step of a million articles alone peaked at 640 MB though no full collection
 * kept more than 117 MB. Growth by at most 1.5x what survived keeps that step at 380 MB (450 MB at
 * 2x), and the corpus-wide steps after a million new articles at 461 MB (531 MB at 2x), in the same
 * time; a Reuters ingest takes as long either way (bench/results/scale.json: `heapGrowth`, run33).
 * A process-wide V8 setting (it applies to the analysis threads too), so only the commands that
 * walk the whole corpus set it; the query commands keep V8's default.
 */
export function boundHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}
