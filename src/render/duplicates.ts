/** Printing near-duplicate clusters (`corpus duplicates`). */
import type { ClusterMember } from '../store/duplicates.js';
import { visible } from './safe.js';
import { displayPath, hanging, width } from './text.js';

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

export function renderDuplicatesText(
  clusters: DuplicateCluster[],
  cwd: string,
  unsigned: number,
  columns: number | null = null,
): string {
  const lines: string[] = [];
  if (unsigned > 0)
    lines.push(
      `Note: ${unsigned.toLocaleString('en-US')} documents have no signature yet; run 'corpus ingest' again to compare them.`,
    );
  const docs = clusters.reduce((n, c) => n + c.size, 0);
  if (clusters.length === 0) {
    lines.push('No near-duplicates.');
    return lines.join('\n') + '\n';
  }
  lines.push(
    `${clusters.length.toLocaleString('en-US')} clusters of near-duplicates (${docs.toLocaleString('en-US')} documents):`,
  );
  const idWidth = Math.max(...clusters.flatMap((c) => c.documents.map((d) => String(d.id).length)));
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
  return lines.join('\n') + '\n';
}
