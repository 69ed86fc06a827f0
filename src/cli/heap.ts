import v8 from 'node:v8';

/**
 * Keep the heap of a corpus-wide run near what it holds. After each full collection V8 lets the
 * heap grow to up to four times what survived before collecting again; an ingest makes garbage at
 * a steady rate for its whole run (every statement of a million articles passes through the event
 * clustering, held only while its week is open), so its peak memory followed that factor, not what
 * it held: the events step of a million articles peaked at 540 MB with under 200 MB live. Growth by
 * at most twice keeps that step at about 400 MB for the same time (bench/results/scale.json).
 * A process-wide V8 setting (it applies to the analysis threads too), so only the commands that
 * walk the whole corpus set it; the query commands keep V8's default.
 */
export function boundHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=100');
}
