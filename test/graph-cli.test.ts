import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../src/graph/graph.js';
import { openDatabase } from '../src/store/db.js';
import { entityMentions } from '../src/store/mentions.js';
import { corpus, explodeReuters, tempDir } from './helpers.js';

type Node = GraphNode;
type Edge = GraphEdge;

/** `corpus graph` on 300 Reuters-21578 articles ingested by the real CLI into a real SQLite file. */
describe('corpus graph (Reuters sample, real ingest)', () => {
  let db: string;
  let dir: string;
  let top: string;
  beforeAll(() => {
    dir = tempDir('corpus-graph-');
    db = path.join(dir, 'r.db');
    const run = corpus(['ingest', explodeReuters(300), '--db', db, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    // The most mentioned entity: named in enough sentences to have neighbours.
    top = JSON.parse(corpus(['entities', '--json', '--limit', '1', '--db', db]).stdout)[0].name;
  });

  it('joins the entity to the ones corpus entity lists as associated, with the same scores', () => {
    const run = corpus(['graph', top, '--json', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    const graph = JSON.parse(run.stdout) as { entity: { id: number; name: string }; nodes: Node[]; edges: Edge[] };
    expect(graph.entity.name).toBe(top);
    expect(graph.nodes[0]).toMatchObject({ id: graph.entity.id, depth: 0, via: null });
    expect(graph.nodes.length).toBeGreaterThan(3);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(ids.size).toBe(graph.nodes.length);
    for (const e of graph.edges) {
      expect(ids.has(e.a) && ids.has(e.b)).toBe(true);
      expect(e.a).toBeLessThan(e.b);
      expect(e.sentences).toBeGreaterThanOrEqual(2);
      expect(e.score).toBeGreaterThan(0);
    }
    // Every neighbour hangs on an edge to the centre, and the strongest are the entity page's associates.
    const centre = graph.entity.id;
    const toCentre = new Map(
      graph.edges.filter((e) => e.a === centre || e.b === centre).map((e) => [e.a === centre ? e.b : e.a, e]),
    );
    for (const n of graph.nodes.filter((n) => n.depth === 1)) expect(toCentre.has(n.id)).toBe(true);
    // Strongest first, by the score shown beside each.
    const scores = graph.nodes.filter((n) => n.depth === 1).map((n) => toCentre.get(n.id)!.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const entity = JSON.parse(corpus(['entity', top, '--json', '--db', db]).stdout);
    const related = entity.related as { id: number; score: number; sentences: number }[];
    expect(related.length).toBeGreaterThan(0);
    const first = graph.nodes.filter((n) => n.depth === 1).slice(0, related.length);
    expect(first.map((n) => n.id)).toEqual(related.map((r) => r.id));
    for (const r of related) expect(toCentre.get(r.id)).toMatchObject({ score: r.score, sentences: r.sentences });
  });

  it('prints a neighbour list on a terminal, edges as CSV and NDJSON', () => {
    const text = corpus(['graph', top, '--max-nodes', '6', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(`^${top} \\((COUNTRY|ORG|PERSON|PLACE)\\): [\\d,]+ mentions in [\\d,]+ documents\\n`),
    );
    expect(text.stdout).toMatch(/\nentity +type +sentences +score\n/);
    expect(text.stdout).toMatch(/\n6 entities, \d+ edges/);
    const json = JSON.parse(corpus(['graph', top, '--max-nodes', '6', '--json', '--db', db]).stdout);
    expect(json.nodes).toHaveLength(6);
    const csv = corpus(['graph', top, '--max-nodes', '6', '--csv', '--db', db]).stdout.trim().split('\n');
    expect(csv[0]).toBe('a,aName,aType,b,bName,bType,sentences,score');
    expect(csv).toHaveLength(json.edges.length + 1);
    const lines = corpus(['graph', top, '--max-nodes', '6', '--nl', '--db', db])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.a, l.b, l.score])).toEqual(json.edges.map((e: Edge) => [e.a, e.b, e.score]));
  });

  it('--depth 2 adds the neighbours’ neighbours within the node budget', () => {
    const one = JSON.parse(corpus(['graph', top, '--json', '--max-nodes', '30', '--db', db]).stdout);
    const two = JSON.parse(corpus(['graph', top, '--depth', '2', '--max-nodes', '30', '--json', '--db', db]).stdout);
    expect(two.nodes.length).toBeLessThanOrEqual(30);
    const second = (two.nodes as Node[]).filter((n) => n.depth === 2);
    expect(second.length).toBeGreaterThan(0);
    const firstIds = new Set((two.nodes as Node[]).filter((n) => n.depth === 1).map((n) => n.id));
    for (const n of second) expect(firstIds.has(n.via!)).toBe(true);
    expect((one.nodes as Node[]).every((n) => n.depth < 2)).toBe(true);
  });

  it('counts each edge’s sentences as the mentions say, neighbour to neighbour too', () => {
    const graph = JSON.parse(corpus(['graph', top, '--depth', '2', '--json', '--min', '1', '--db', db]).stdout) as {
      entity: { id: number };
      edges: Edge[];
    };
    const centre = graph.entity.id;
    const between = graph.edges.filter((e) => e.a !== centre && e.b !== centre);
    expect(between.length).toBeGreaterThan(5);
    // Each entity's sentences as `corpus mentions` lists them, read from the database.
    const store = openDatabase(db, { readonly: true });
    const sentences = new Map<number, Set<string>>();
    const of = (id: number): Set<string> => {
      let set = sentences.get(id);
      if (!set) {
        set = new Set([...entityMentions(store, [id])].map((m) => `${m.docId} ${m.sentenceIndex}`));
        sentences.set(id, set);
      }
      return set;
    };
    try {
      for (const e of graph.edges)
        expect(e.sentences, `${e.a}–${e.b}`).toBe([...of(e.a)].filter((s) => of(e.b).has(s)).length);
    } finally {
      store.close();
    }
  });

  it('--gexf is valid GEXF 1.3 with every node and edge', () => {
    const json = JSON.parse(corpus(['graph', top, '--json', '--db', db]).stdout);
    const run = corpus(['graph', top, '--gexf', '--db', db]);
    expect(run.code).toBe(0);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(run.stdout);
    expect(doc.gexf.version).toBe('1.3');
    expect(doc.gexf.xmlns).toBe('http://gexf.net/1.3');
    const nodes = [doc.gexf.graph.nodes.node].flat();
    const edges = [doc.gexf.graph.edges.edge].flat();
    expect(nodes.map((n: { label: string }) => n.label)).toEqual(json.nodes.map((n: Node) => n.name));
    expect(edges).toHaveLength(json.edges.length);
    expect(Number(edges[0].weight)).toBe(json.edges[0].score);
  });

  it('--html writes one self-contained page: no requests, no local paths', () => {
    const page = path.join(dir, 'out', 'graph.html');
    fs.mkdirSync(path.dirname(page));
    const run = corpus(['graph', top, '--depth', '2', '--html', page, '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^corpus: wrote .*graph\.html \(\d+ entities, \d+ edges\)\n$/);
    const html = fs.readFileSync(page, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|url\(|@import/i);
    expect(html).not.toContain(dir);
    expect(html).not.toContain(process.cwd());
    expect(html).toContain(`<h1>${top} (`);
  });

  it('says what is wrong in one line', () => {
    const none = corpus(['graph', 'Nobody Atall', '--db', db]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe("corpus: no entity named 'Nobody Atall'\n");
    const depth = corpus(['graph', top, '--depth', '3', '--db', db]);
    expect(depth.code).toBe(2);
    expect(depth.stderr).toMatch(/--depth must be 1 or 2, got '3'/);
    const both = corpus(['graph', top, '--gexf', '--json', '--db', db]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--gexf and --json ask for different outputs/);
    const missing = corpus(['graph', top, '--db', path.join(dir, 'none.db')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
