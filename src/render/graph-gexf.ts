/**
 * `corpus graph --gexf`: the graph as GEXF 1.3 (https://gexf.net), the format Gephi and sigma.js
 * read. Names come from documents, so every value is XML-escaped and characters XML 1.0 forbids
 * (most C0 controls, lone surrogates, U+FFFE/FFFF) become U+FFFD.
 */
import { maxOf } from '../core/extremes.js';
import type { Graph } from '../graph/graph.js';
import type { OutputFormat } from './formats/types.js';
import { TYPE_COLOURS } from './graph-html.js';

/** Text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    )
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function renderGraphGexf(graph: Graph): string {
  const attr = (name: string, value: string | number) =>
    `<attvalue for="${name}" value="${escapeXml(String(value))}"/>`;
  const maxMentions = Math.max(
    1,
    maxOf(
      graph.nodes.map((n) => n.mentions),
      0,
    ),
  );
  const nodes = graph.nodes.map((n) => {
    const [r, g, b] = rgb(TYPE_COLOURS[n.type] ?? TYPE_COLOURS.OTHER);
    const size = Math.round((4 + 20 * Math.sqrt(n.mentions / maxMentions)) * 10) / 10;
    return (
      `      <node id="${n.id}" label="${escapeXml(n.name)}">\n` +
      `        <attvalues>${attr('type', n.type)}${attr('mentions', n.mentions)}${attr('documents', n.documents)}${attr('depth', n.depth)}</attvalues>\n` +
      `        <viz:size value="${size}"/>\n        <viz:color r="${r}" g="${g}" b="${b}"/>\n      </node>`
    );
  });
  const edges = graph.edges.map(
    (e, i) =>
      `      <edge id="${i}" source="${e.a}" target="${e.b}" weight="${e.score}">` +
      `<attvalues>${attr('sentences', e.sentences)}</attvalues></edge>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>corpus graph</creator>
    <description>${escapeXml(`Entities named in the same sentences as ${graph.entity.name} (${graph.entity.type}), depth ${graph.depth}; edge weight: log-likelihood (G2) of the association over sentences`)}</description>
  </meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node">
      <attribute id="type" title="type" type="string"/>
      <attribute id="mentions" title="mentions" type="integer"/>
      <attribute id="documents" title="documents" type="integer"/>
      <attribute id="depth" title="depth" type="integer"/>
    </attributes>
    <attributes class="edge">
      <attribute id="sentences" title="sentences" type="integer"/>
    </attributes>
    <nodes>
${nodes.join('\n')}
    </nodes>
    <edges>
${edges.join('\n')}
    </edges>
  </graph>
</gexf>
`;
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** The format `emit` writes for `--gexf` (the graph command's own, not offered by other commands). */
export const gexfFormat: OutputFormat = {
  name: 'gexf',
  flag: null,
  description: 'GEXF 1.3 XML for Gephi',
  rows: false,
  forPeople: false,
  async write(payload, sink) {
    await sink.write(renderGraphGexf(payload.data as Graph));
  },
};
