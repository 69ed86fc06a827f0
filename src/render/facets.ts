/** Printing facet counts (`corpus search … --facets`) as a few aligned lines. */
import type { Facets, FacetCount } from '../store/facets.js';
import { formatNumber } from './text.js';

// formatNumber, not toLocaleString: its first call loads ICU's number formatting (≈ 20 ms of a command).
const number = formatNumber;

function list(counts: FacetCount[], limit: number, about = ''): string {
  const shown = counts.slice(0, limit).map((c) => `${c.value || '(none)'} ${about}${number(c.count)}`);
  if (counts.length > limit) shown.push(`… ${counts.length - limit} more`);
  return shown.join(', ');
}

export function renderFacetsText(facets: Facets): string {
  const rows: [string, string][] = [];
  rows.push(['sources', list(facets.sources, 8)]);
  rows.push(['months', list(facets.months, 24)]);
  // Counts estimated from a sample are marked `~`, and the header says how many documents were read.
  const about = facets.sample === null ? '' : '~';
  for (const [type, counts] of Object.entries(facets.entities)) rows.push([type, list(counts, 10, about)]);
  if (facets.tags.length > 0) rows.push(['tags', list(facets.tags, 10, about)]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [
    `Facets over all ${number(facets.documents)} matching documents` +
      (facets.sample === null
        ? ':'
        : ` (~ entities and tags: estimated from an even sample of ${number(facets.sample)}):`),
  ];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(width)}  ${v}`);
  return lines.join('\n') + '\n';
}
