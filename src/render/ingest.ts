import type { IngestSummary } from '../ingest/pipeline.js';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** One line: what the ingest did, e.g. `3 files, 3 documents: 3 new, 0 updated, … (41.2 documents/s)`. */
export function renderIngestSummary(s: IngestSummary): string {
  const parts = [
    `${s.new} new`,
    `${s.updated} updated`,
    `${s.unchanged} unchanged`,
    `${s.duplicates} duplicate${s.duplicates === 1 ? '' : 's'}`,
    `${s.failed} failed`,
  ];
  if (s.reanalyzed) parts.push(`${s.reanalyzed} re-analyzed`);
  if (s.pruned) parts.push(`${s.pruned} pruned`);
  // Records passed over on purpose (WARC requests, images): said, so that no record goes unaccounted.
  if (s.skipped) parts.push(`${s.skipped} skipped (not articles)`);
  const rate = s.documentsPerSecond >= 100 ? Math.round(s.documentsPerSecond).toLocaleString('en-US') : s.documentsPerSecond.toFixed(1);
  return `${plural(s.files, 'file')}, ${plural(s.documents, 'document')}: ${parts.join(', ')} (${rate} documents/s)`;
}
