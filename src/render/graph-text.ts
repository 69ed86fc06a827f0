/** Printing `corpus graph` for people: the entity's neighbours as a table, and with depth 2 theirs. */
import type { Graph, GraphEdge, GraphNode } from '../graph/graph.js';
import { formatNumber, plural, type TextContext, table, wrapIndented } from './text.js';

export function renderGraphText(graph: Graph, context: TextContext = { colour: false }): string {
  const columns = context.width ?? null;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const centre = byId.get(graph.entity.id);
  const lines: string[] = [
    `${graph.entity.name} (${graph.entity.type})` +
      (centre ? `: ${formatNumber(centre.mentions)} mentions in ${plural(centre.documents, 'document')}` : ''),
  ];
  if (graph.alsoMatched.length > 0)
    lines.push(`The name also matches ${graph.alsoMatched.map((e) => `${e.name} (${e.type})`).join(', ')}.`);
  const edgeOf = edgeLookup(graph.edges);
  const first = graph.nodes.filter((n) => n.depth === 1);
  if (first.length === 0) {
    lines.push(`No entity is named with it in ${graph.min} or more sentences more often than chance.`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    '',
    `Named with it in the same sentences more often than chance (log-likelihood over sentences), strongest first:`,
    table(
      ['entity', 'type', 'sentences', 'score'],
      first.map((n) => {
        const e = edgeOf(graph.entity.id, n.id);
        return [n.name, n.type, e?.sentences ?? 0, e?.score ?? 0];
      }),
      columns,
    ),
  );
  const second = graph.nodes.filter((n) => n.depth === 2);
  if (second.length > 0) {
    lines.push('', 'Their own neighbours (depth 2):');
    for (const parent of first) {
      const children = second.filter((n) => n.via === parent.id);
      if (children.length === 0) continue;
      const names = children.map((n) => `${n.name} ${edgeOf(parent.id, n.id)?.score ?? ''}`.trim()).join(', ');
      lines.push(wrapIndented(`  ${parent.name}: ${names}`, columns, 4, 0));
    }
  }
  lines.push(
    '',
    `${plural(graph.nodes.length, 'entity', 'entities')}, ${plural(graph.edges.length, 'edge')}` +
      (graph.more ? ' (more neighbours left out: --max-nodes)' : '') +
      '. --html FILE draws them; --gexf for Gephi.',
  );
  return `${lines.join('\n')}\n`;
}

/** The edge between two nodes, either way round. */
export function edgeLookup(edges: GraphEdge[]): (a: number, b: number) => GraphEdge | undefined {
  const map = new Map(edges.map((e) => [`${e.a} ${e.b}`, e]));
  return (a, b) => map.get(a < b ? `${a} ${b}` : `${b} ${a}`);
}

/** Edges as rows for CSV and NDJSON: the two entities by id, name and type, then the figures. */
export function edgeRows(graph: Graph): {
  a: number;
  aName: string;
  aType: string;
  b: number;
  bName: string;
  bType: string;
  sentences: number;
  score: number;
}[] {
  const byId = new Map<number, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  return graph.edges.map((e) => ({
    a: e.a,
    aName: byId.get(e.a)?.name ?? '',
    aType: byId.get(e.a)?.type ?? '',
    b: e.b,
    bName: byId.get(e.b)?.name ?? '',
    bType: byId.get(e.b)?.type ?? '',
    sentences: e.sentences,
    score: e.score,
  }));
}
