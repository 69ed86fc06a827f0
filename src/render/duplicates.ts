/** Printing near-duplicate clusters (`corpus duplicates`). */
import type { ClusterMember } from '../store/duplicates.js';
import { maxOf } from '../core/extremes.js';
import { visible } from './safe.js';
import { displayPath, formatNumber, hanging, plural, width } from './text.js';

export interface DuplicateCluster {
  id: number;
  size: number;
  documents: Omit<ClusterMember, 'cluster'>[];
}

export function groupClusters(members: ClusterMember[]): DuplicateCluster[] {
  const out: DuplicateCluster[] = [];
  for (const { cluster, ...doc } of members) {
    let last = out[out.length - 1];
    if (!last || last.id !== cluster) out.push((last = { id: cluster, size: 0, documents: [] }));
    last.documents.push(doc);
    last.size++;
  }
  return out;
}

/**
 * The clusters listed, under a line that counts them all (`totals`), and a last line saying how
 * many more there are when the listing stops short of them.
 */
export function renderDuplicatesText(
  clusters: DuplicateCluster[],
  totals: { clusters: number; documents: number },
  cwd: string,
  unsigned: number,
  columns: number | null = null,
): string {
  const lines: string[] = [];
  if (unsigned > 0)
    lines.push(
      `Note: ${unsigned === 1 ? 'one document has' : `${formatNumber(unsigned)} documents have`} no signature yet; run 'corpus ingest' again to compare them.`,
    );
  if (totals.clusters === 0) {
    lines.push('No near-duplicates.');
    return lines.join('\n') + '\n';
  }
  const largest = clusters.length === 1 ? 'the largest' : `the ${formatNumber(clusters.length)} largest`;
  const shown = clusters.length < totals.clusters ? `; ${largest}` : '';
  lines.push(
    `${plural(totals.clusters, 'cluster')} of near-duplicates (${formatNumber(totals.documents)} documents)${shown}:`,
  );
  const idWidth = maxOf(clusters.flatMap((c) => c.documents.map((d) => String(d.id).length)));
  for (const c of clusters) {
    lines.push('', `cluster ${c.id} · ${c.size} documents`);
    for (const d of c.documents) {
      const where = d.path ? `  ${displayPath(d.path, cwd)}` : '';
      const lead = `  ${String(d.id).padStart(idWidth)}  ${d.date ?? 'undated   '}  `;
      const rest = `${d.title === null ? '(untitled)' : visible(d.title)}${visible(where)}`;
      // Too long for the screen, it wraps under the title, not under the id.
      lines.push(
        (columns && lead.length + width(rest) > columns ? hanging(lead, rest, columns, 20) : null) ?? lead + rest,
      );
    }
  }
  const more = totals.clusters - clusters.length;
  if (more > 0)
    lines.push('', `… ${formatNumber(more)} more ${more === 1 ? 'cluster' : 'clusters'} (--limit 0 lists all)`);
  return lines.join('\n') + '\n';
}
