import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { countPairs, type Graph, keepEdges, orderNodes, scoreEdges } from '../src/graph/graph.js';
import { logLikelihood } from '../src/store/entities.js';
import { escapeXml, renderGraphGexf } from '../src/render/graph-gexf.js';
import { renderGraphHtml } from '../src/render/graph-html.js';
import { renderGraphText } from '../src/render/graph-text.js';

const counts = (id: number, sentences: number) => ({
  id,
  name: `E${id}`,
  type: 'ORG',
  mentions: sentences,
  documents: 1,
  sentences,
});

describe('graph nodes', () => {
  it('lists the neighbours strongest first by their edge to the centre, whatever order chose them', () => {
    // The ring came from the stored associations in the order 2, 3, 4; the edges say 4, 2, 3.
    const via = new Map<number, { depth: number; via: number | null }>([
      [1, { depth: 0, via: null }],
      [2, { depth: 1, via: 1 }],
      [3, { depth: 1, via: 1 }],
      [4, { depth: 1, via: 1 }],
      [5, { depth: 2, via: 2 }],
    ]);
    const edges = [
      { a: 1, b: 4, sentences: 9, score: 30 },
      { a: 1, b: 2, sentences: 5, score: 20 },
      { a: 1, b: 3, sentences: 12, score: 10 },
      { a: 2, b: 5, sentences: 3, score: 50 },
    ];
    const nodes = orderNodes(
      [1, 2, 3, 4, 5].map((id) => counts(id, 10)),
      via,
      edges,
      1,
    );
    expect(nodes.map((n) => n.id)).toEqual([1, 4, 2, 3, 5]);
  });
});

describe('graph edges', () => {
  it('scores pairs by G² over sentences and drops those named together no more than chance', () => {
    // 1,000 sentences; 1 and 2 share 20 of their 30; 3 is in 500 sentences and shares 10 with 1 (chance: 15).
    const edges = scoreEdges(
      [
        { a: 2, b: 1, together: 20 },
        { a: 1, b: 3, together: 10 },
      ],
      [counts(1, 30), counts(2, 30), counts(3, 500)],
      1000,
    );
    expect(edges).toHaveLength(1);
    expect(edges[0]).toEqual({
      a: 1,
      b: 2,
      sentences: 20,
      score: Math.round(logLikelihood(20, 30, 30, 1000) * 10) / 10,
    });
  });

  it('keeps the strongest edges and every node’s edge to the node it came from', () => {
    const nodes = [0, 1, 2].map((i) => ({
      id: i,
      name: `N${i}`,
      type: 'ORG',
      mentions: 1,
      documents: 1,
      depth: i === 0 ? 0 : 1,
      via: i === 0 ? null : 0,
    }));
    const many = Array.from({ length: 20 }, (_, i) => ({ a: 1, b: 100 + i, sentences: 3, score: 100 - i }));
    const kept = keepEdges([...many, { a: 0, b: 2, sentences: 2, score: 1 }], nodes);
    expect(kept).toHaveLength(13);
    expect(kept.at(-1)).toMatchObject({ a: 0, b: 2 });
  });
});

describe('graph pairs', () => {
  it('counts a sentence once per pair, whatever repeats, and only among the nodes', () => {
    const sentences = [
      [5, 3, 5], // 3 and 5, 5 named twice
      [3, 5],
      [9, 3, 7], // 9 is no node
      [7, 3, 5, 3],
      [5],
    ];
    expect(countPairs(sentences, [3, 5, 7], 1)).toEqual([
      { a: 3, b: 5, together: 3 },
      { a: 3, b: 7, together: 2 },
      { a: 5, b: 7, together: 1 },
    ]);
    expect(countPairs(sentences, [7, 5, 3], 2)).toEqual([
      { a: 3, b: 5, together: 3 },
      { a: 3, b: 7, together: 2 },
    ]);
  });

  it('counts the same for a graph of thousands of nodes (pairs kept as met, not in an array of all)', () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => 10 * (i + 1));
    const sentences = Array.from({ length: 500 }, (_, k) => [
      nodes[(k * 7) % 3000],
      nodes[(k * 11) % 3000],
      nodes[k % 5],
    ]);
    const few = [...new Set(sentences.flat())];
    const sorted = (pairs: { a: number; b: number; together: number }[]) =>
      [...pairs].sort((x, y) => x.a - y.a || x.b - y.b);
    const all = countPairs(sentences, nodes, 1);
    expect(all.length).toBeGreaterThan(400);
    expect(sorted(all)).toEqual(sorted(countPairs(sentences, few, 1)));
  });
});

describe('graph output', () => {
  const graph: Graph = {
    entity: { id: 1, name: 'A & B <Corp>', type: 'ORG' },
    alsoMatched: [],
    depth: 1,
    min: 2,
    nodes: [
      { id: 1, name: 'A & B <Corp>', type: 'ORG', mentions: 9, documents: 4, depth: 0, via: null },
      { id: 2, name: 'Say "hi" \u0007 \ud800', type: 'PERSON', mentions: 3, documents: 2, depth: 1, via: 1 },
    ],
    edges: [{ a: 1, b: 2, sentences: 3, score: 12.5 }],
    more: false,
  };

  it('GEXF escapes names and drops characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
    const xml = renderGraphGexf(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(doc.gexf.graph.nodes.node.map((n: { label: string }) => n.label)).toEqual([
      'A & B <Corp>',
      'Say "hi" \ufffd \ufffd',
    ]);
  });

  it('the page embeds its data where no name can close the script', () => {
    const page = renderGraphHtml({
      ...graph,
      nodes: [graph.nodes[0], { ...graph.nodes[1], name: '</script><script>alert(1)</script>' }],
    });
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page).not.toContain('</script><script>alert');
    // …and the list under the drawing shows it as text.
    expect(page).toContain('&#60;/script&#62;&#60;script&#62;alert(1)');
  });

  it('the text lists neighbours with their sentences and score', () => {
    const text = renderGraphText(graph, { colour: false, width: 80 });
    expect(text).toMatch(/^A & B <Corp> \(ORG\): 9 mentions in 4 documents\n/);
    expect(text).toMatch(/\nSay "hi" .* +PERSON +3 +12\.5\n/);
    expect(text).toMatch(/\n2 entities, 1 edge\./);
  });
});
