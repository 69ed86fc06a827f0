import type { IngestSummary } from '../ingest/pipeline.js';
import { formatNumber, plural } from './text.js';

/** One line: what the ingest did, e.g. `3 files, 3 documents: 3 new, 0 updated, … (41.2 documents/s)`. */
export function renderIngestSummary(s: IngestSummary): string {
  const parts = [
    `${formatNumber(s.new)} new`,
    `${formatNumber(s.updated)} updated`,
    `${formatNumber(s.unchanged)} unchanged`,
    plural(s.duplicates, 'duplicate'),
    `${formatNumber(s.failed)} failed`,
  ];
  if (s.reanalyzed) parts.push(`${formatNumber(s.reanalyzed)} re-analyzed`);
  if (s.pruned) parts.push(`${formatNumber(s.pruned)} pruned`);
  if (s.removed) parts.push(`${formatNumber(s.removed)} removed (rows gone from their files)`);
  // Records passed over on purpose (WARC requests, images): said, so that no record goes unaccounted.
  if (s.skipped) parts.push(`${formatNumber(s.skipped)} skipped (not articles)`);
  const rate =
    s.documentsPerSecond >= 100 ? formatNumber(Math.round(s.documentsPerSecond)) : s.documentsPerSecond.toFixed(1);
  return `${plural(s.files, 'file')}, ${plural(s.documents, 'document')}: ${parts.join(', ')} (${rate} documents/s)`;
}
