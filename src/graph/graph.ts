/**
 * The co-occurrence graph around one entity (`corpus graph`): its most associated entities, and
 * with depth 2 theirs, joined by edges scored like the associates on `corpus entity` pages — Dunning's
 * log-likelihood (G²) over sentences, kept only when named together more often than chance — so
 * an entity named everywhere ("Reuters", "United States") does not pull every node to itself.
 */
import { UnknownEntityError } from '../core/errors.js';
import type { Store } from '../store/db.js';
import { type Associate, associatedEntities, logLikelihood, resolveEntities } from '../store/entities.js';
import { nodeCounts, type NodeCounts, sentencesNaming } from '../store/graph.js';
import { entitySentences } from '../store/counts.js';

export interface GraphNode {
  id: number;
  name: string;
  type: string;
  mentions: number;
  documents: number;
  /** 0 for the entity asked for, 1 for its neighbours, 2 for theirs. */
  depth: number;
  /** The node it was reached from (null for the centre). */
  via: number | null;
}

export interface GraphEdge {
  /** The two entities' ids (`nodes[].id`), the smaller first. */
  a: number;
  b: number;
  /** Sentences that name both. */
  sentences: number;
  /** G² of the association over sentences (log-likelihood ratio): higher is stronger. */
  score: number;
}

export interface Graph {
  entity: { id: number; name: string; type: string };
  alsoMatched: { id: number; name: string; type: string }[];
  depth: number;
  min: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Whether more associated entities exist than the node budget let in. */
  more: boolean;
}

export interface GraphOptions {
  depth?: number;
  /** Sentences two entities must share to be joined (2). */
  min?: number;
  /** Node budget, the centre included (100). */
  maxNodes?: number;
  type?: string;
}

/** Neighbours whose own neighbours a depth-2 graph expands, and how many of each it asks for. */
const FIRST_RING = 15;
const SECOND_RING = 12;
/** Edges kept per node drawn, strongest first (each node's edge to the node it came from is always kept). */
const EDGES_PER_NODE = 4;

export function buildGraph(store: Store, name: string, options: GraphOptions = {}): Graph {
  const depth = options.depth ?? 1;
  const min = Math.max(1, options.min ?? 2);
  const maxNodes = Math.max(2, options.maxNodes ?? 100);
  const found = resolveEntities(store, name, options.type);
  if (found.length === 0) throw new UnknownEntityError(name, options.type);
  const centre = found[0];
  const firstRing = associatedEntities(store, centre.id, {
    limit: depth === 1 ? maxNodes : Math.min(FIRST_RING, maxNodes - 1) + 1,
    min,
  });
  const rings =
    depth === 1 ? { first: firstRing, second: [], more: false } : expand(store, centre.id, firstRing, maxNodes, min);
  const via = new Map<number, { depth: number; via: number | null }>([[centre.id, { depth: 0, via: null }]]);
  for (const a of rings.first.slice(0, maxNodes - 1)) via.set(a.id, { depth: 1, via: centre.id });
  for (const { from, to } of rings.second) if (!via.has(to.id)) via.set(to.id, { depth: 2, via: from });
  const ids = [...via.keys()];
  const counts = nodeCounts(store, ids);
  const edges = scoreEdges(countPairs(sentencesNaming(store, ids), ids, min), counts, entitySentences(store));
  const nodes = orderNodes(counts, via, edges, centre.id);
  return {
    entity: { id: centre.id, name: centre.name, type: centre.type },
    alsoMatched: found.slice(1).map((e) => ({ id: e.id, name: e.name, type: e.type })),
    depth,
    min,
    nodes,
    edges: keepEdges(edges, nodes),
    more: firstRing.length > maxNodes - 1 || rings.more,
  };
}

/**
 * Depth 2: the strongest FIRST_RING neighbours, then their own neighbours taken in turns (each
 * neighbour's best, then each one's second best…), so every branch shows, until the budget is spent.
 */
function expand(
  store: Store,
  centre: number,
  firstRing: Associate[],
  maxNodes: number,
  min: number,
): { first: Associate[]; second: { from: number; to: Associate }[]; more: boolean } {
  const first = firstRing.slice(0, Math.min(FIRST_RING, maxNodes - 1));
  const seen = new Set([centre, ...first.map((a) => a.id)]);
  const lists = first.map((a) => ({ from: a.id, list: associatedEntities(store, a.id, { limit: SECOND_RING, min }) }));
  const second: { from: number; to: Associate }[] = [];
  let room = maxNodes - seen.size;
  let more = false;
  for (let turn = 0; turn < SECOND_RING; turn++) {
    for (const { from, list } of lists) {
      const next = list[turn];
      if (!next || seen.has(next.id)) continue;
      if (room === 0) {
        more = true;
        continue;
      }
      seen.add(next.id);
      second.push({ from, to: next });
      room--;
    }
  }
  return { first, second, more };
}

/**
 * The centre, then its neighbours strongest first by the score of their edge to it (the one shown
 * beside them: the ring was chosen by the stored associations, whose order can differ), then the
 * second ring in the order it was found.
 */
export function orderNodes(
  counts: NodeCounts[],
  via: Map<number, { depth: number; via: number | null }>,
  edges: GraphEdge[],
  centre: number,
): GraphNode[] {
  const byId = new Map(counts.map((c) => [c.id, c]));
  const strength = new Map<number, number>();
  for (const e of edges) if (e.a === centre || e.b === centre) strength.set(e.a === centre ? e.b : e.a, e.score);
  const nodes = [...via].flatMap(([id, place]) => {
    const c = byId.get(id);
    if (!c) return [];
    return [{ id, name: c.name, type: c.type, mentions: c.mentions, documents: c.documents, ...place }];
  });
  const ring = (depth: number) => nodes.filter((n) => n.depth === depth);
  const first = ring(1).sort(
    (x, y) => (strength.get(y.id) ?? 0) - (strength.get(x.id) ?? 0) || x.name.localeCompare(y.name),
  );
  return [...ring(0), ...first, ...ring(2)];
}

/** Two entities and the sentences that name both. */
export interface PairCount {
  a: number;
  b: number;
  together: number;
}

/**
 * Every pair of the entities `ids` named together in at least `min` of these sentences (each the ids
 * its mentions name, repeats and all; ids not among `ids` are ignored), with how many; `a` is the
 * lesser id.
 */
export function countPairs(sentences: number[][], ids: number[], min: number): PairCount[] {
  const order = [...new Set(ids)].sort((x, y) => x - y);
  const position = new Map(order.map((id, i) => [id, i]));
  const n = order.length;
  // A counter per pair of positions, in an array up to PAIR_ARRAY_NODES nodes (--max-nodes may ask
  // for more: then only the pairs met are kept).
  const dense = n <= PAIR_ARRAY_NODES ? new Uint32Array(n * n) : null;
  const sparse = new Map<number, number>();
  const named: number[] = [];
  for (const sentence of sentences) {
    named.length = 0;
    for (const id of sentence) {
      const p = position.get(id);
      if (p !== undefined && !named.includes(p)) named.push(p);
    }
    for (let i = 0; i < named.length; i++)
      for (let j = 0; j < named.length; j++) {
        if (named[i] >= named[j]) continue;
        const key = named[i] * n + named[j];
        if (dense) dense[key]++;
        else sparse.set(key, (sparse.get(key) ?? 0) + 1);
      }
  }
  const pairs: PairCount[] = [];
  const keep = (key: number, together: number) => {
    if (together >= min) pairs.push({ a: order[Math.floor(key / n)], b: order[key % n], together });
  };
  if (dense) dense.forEach((together, key) => keep(key, together));
  else for (const [key, together] of sparse) keep(key, together);
  return pairs;
}

/** Nodes up to which countPairs counts in an array of every pair (4 MB at this size). */
const PAIR_ARRAY_NODES = 1024;

/**
 * Each pair's G² from its 2×2 table of sentences (both, one, the other, neither), the measure of
 * `corpus entity`'s associates; pairs named together no more often than chance get no edge.
 */
export function scoreEdges(pairs: PairCount[], counts: NodeCounts[], total: number): GraphEdge[] {
  const sentences = new Map(counts.map((c) => [c.id, c.sentences]));
  const edges: GraphEdge[] = [];
  for (const p of pairs) {
    const a = Math.max(sentences.get(p.a) ?? 0, p.together);
    const b = Math.max(sentences.get(p.b) ?? 0, p.together);
    const score = total > 0 ? logLikelihood(p.together, a, b, total) : 0;
    if (score > 0)
      edges.push({ a: Math.min(p.a, p.b), b: Math.max(p.a, p.b), sentences: p.together, score: round(score) });
  }
  return edges.sort((x, y) => y.score - x.score || y.sentences - x.sentences || x.a - y.a || x.b - y.b);
}

/**
 * A drawing stays readable: the strongest EDGES_PER_NODE × nodes edges, plus every node's edge to
 * the node it was reached from, so no node floats alone.
 */
export function keepEdges(edges: GraphEdge[], nodes: GraphNode[]): GraphEdge[] {
  const key = (a: number, b: number) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const tree = new Set(nodes.filter((n) => n.via !== null).map((n) => key(n.id, n.via!)));
  const budget = EDGES_PER_NODE * nodes.length;
  return edges.filter((e, i) => i < budget || tree.has(key(e.a, e.b)));
}

const round = (x: number) => Math.round(x * 10) / 10;
