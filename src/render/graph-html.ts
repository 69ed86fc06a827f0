/**
 * `corpus graph --html FILE`: one self-contained page (inline CSS and script, no fonts, images or
 * requests; a Content-Security-Policy that forbids any) drawing the co-occurrence graph.
 *
 * Layout: force-directed, hand-written (about 60 lines below) rather than a library inlined at
 * build time: the graph is at most a few hundred nodes, the project has no bundler, and what makes
 * it readable here is specific anyway — the entity pinned in the middle, neighbours seeded on a
 * ring by strength and theirs beside them (so the result is the same on every load), then labels
 * placed greedily (right, left, above, below of their node, the most mentioned first) and hidden
 * when no place is free, shown again when their node or a neighbour is highlighted.
 * Node area follows mentions, edge width the association score (G², log scale), colour the type
 * (legend above). Hover or focus highlights an entity's neighbours; a click pins it and lists
 * them beside the drawing. The list under the drawing has every entity, readable without script.
 */
import type { Graph } from '../graph/graph.js';
import { visibleDeep } from './safe.js';
import { formatNumber, plural } from './text.js';
import { escapeHtml, htmlPage } from './html-page.js';

/** Colour per entity type (ColorBrewer Dark2: distinct, readable on white, safe for most colour vision). */
export const TYPE_COLOURS: Record<string, string> = {
  PERSON: '#d95f02',
  ORG: '#1b9e77',
  COUNTRY: '#7570b3',
  PLACE: '#e7298a',
  EVENT: '#66a61e',
  OTHER: '#666666',
};

export function renderGraphHtml(graph: Graph): string {
  // Names from documents: bidi overrides and controls made visible, as on a terminal.
  const g = visibleDeep(graph);
  const centre = g.nodes.find((n) => n.id === g.entity.id);
  const title = `${g.entity.name} (${g.entity.type})`;
  const types = [...new Set(g.nodes.map((n) => n.type))].sort();
  const summary = [
    centre ? `${formatNumber(centre.mentions)} mentions in ${plural(centre.documents, 'document')}.` : '',
    `${plural(g.nodes.filter((n) => n.depth === 1).length, 'entity', 'entities')} named with it in at least ${plural(g.min, 'sentence')} more often than chance (log-likelihood over sentences)` +
      (g.depth > 1
        ? `, and ${plural(g.nodes.filter((n) => n.depth === 2).length, 'entity', 'entities')} named with them`
        : '') +
      `${g.more ? '; more were left out' : ''}.`,
  ];
  if (g.alsoMatched.length > 0)
    summary.push(`The name also matches ${g.alsoMatched.map((e) => `${e.name} (${e.type})`).join(', ')}.`);
  const data = {
    centre: g.entity.id,
    nodes: g.nodes.map((n) => ({
      id: n.id,
      name: n.name,
      type: n.type,
      mentions: n.mentions,
      documents: n.documents,
      depth: n.depth,
      via: n.via,
    })),
    edges: g.edges,
    colours: TYPE_COLOURS,
  };
  // In a <script> element only `</script` (and `<!--`) can end it early: `<` never appears as such.
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const edgeTo = new Map(g.edges.flatMap((e) => [[`${e.a} ${e.b}`, e] as const, [`${e.b} ${e.a}`, e] as const]));
  const item = (id: number, via: number) => {
    const n = byId.get(id)!;
    const e = edgeTo.get(`${via} ${id}`);
    return `<li><span class="swatch" style="background:${TYPE_COLOURS[n.type] ?? TYPE_COLOURS.OTHER}"></span>${escapeHtml(n.name)} <span class="type">${escapeHtml(n.type)}</span>${e ? ` <span class="figures">${plural(e.sentences, 'sentence')}, G² ${formatNumber(e.score)}</span>` : ''}</li>`;
  };
  const first = g.nodes.filter((n) => n.depth === 1);
  const second = g.nodes.filter((n) => n.depth === 2);
  return htmlPage({
    title: `Graph: ${title}`,
    heading: title,
    summary: summary.join(' '),
    style: STYLE,
    script: SCRIPT,
    header: `<ul class="legend">${types.map((t) => `<li><span class="swatch" style="background:${TYPE_COLOURS[t] ?? TYPE_COLOURS.OTHER}"></span>${escapeHtml(t)}</li>`).join('')}<li class="note">circle: mentions · line: strength of association · hover or click an entity</li></ul>`,
    body: `<main>
<div id="stage"><svg id="graph" role="img" aria-label="${escapeHtml(`Entities named with ${title}`)}"></svg></div>
<aside id="detail" aria-live="polite"><p class="hint">${first.length === 0 ? 'No entity is named with it more often than chance.' : 'Hover over an entity to see who it is named with; click to keep it.'}</p></aside>
</main>
<section class="lists">
<h2>Named with ${escapeHtml(g.entity.name)}</h2>
<ol class="neighbours">${first.map((n) => item(n.id, g.entity.id)).join('')}</ol>
${second.length === 0 ? '' : `<h2>Their own neighbours</h2>\n<ul class="neighbours">${second.map((n) => item(n.id, n.via!).replace('</li>', ` <span class="via">via ${escapeHtml(byId.get(n.via!)?.name ?? '')}</span></li>`)).join('')}</ul>`}
</section>
<script type="application/json" id="graph-data">${json}</script>`,
  });
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;background:#fff}
header{padding:12px 16px 4px}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:15px;margin:16px 0 6px}
.summary{margin:0 0 6px;color:#444}
.legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px}
.legend .note{color:#666}
.swatch{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px;vertical-align:baseline}
main{display:flex;flex-wrap:wrap;align-items:flex-start}
#stage{flex:1 1 600px;min-width:0}
#graph{display:block;width:100%;touch-action:manipulation}
#detail{flex:0 0 300px;max-width:100%;padding:8px 16px;font-size:13px}
#detail h2{margin-top:0}
#detail ol{padding-left:18px;margin:4px 0}
.hint{color:#666}
.lists{padding:0 16px 24px;font-size:13px}
.neighbours{columns:300px;column-gap:28px;padding:0;margin:0;list-style-position:inside}
.neighbours li{break-inside:avoid;padding-left:1.6em;text-indent:-1.6em}
.type,.figures,.via{color:#666;font-size:12px}
.edge{stroke:#8a8a8a;stroke-opacity:.45;stroke-linecap:round}
.node{stroke:#fff;stroke-width:1.5;cursor:pointer}
.node:focus{outline:none;stroke:#222;stroke-width:2.5}
.node.centre{stroke:#222;stroke-width:2}
.label{font-size:12px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;pointer-events:none}
.label.centre{font-weight:700;font-size:14px}
.label.hidden{display:none}
.focus .edge{stroke-opacity:.06}
.focus .edge.hot{stroke:#333;stroke-opacity:.8}
.focus .node{opacity:.2}
.focus .node.near{opacity:1}
.focus .node.selected{stroke:#000;stroke-width:3}
.focus .label{opacity:.2}
.focus .label.near{opacity:1;display:inline}
`;

/** The page's script: layout, labels, highlighting. Plain ES2015, no libraries. */
const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var svg = document.getElementById('graph');
  var detail = document.getElementById('detail');
  var NS = 'http://www.w3.org/2000/svg';
  var nodes = data.nodes, edges = data.edges;
  if (nodes.length === 0) return;
  var at = {};
  nodes.forEach(function (n, i) { at[n.id] = i; });
  var links = nodes.map(function () { return []; });
  edges.forEach(function (e, k) { e.s = at[e.a]; e.t = at[e.b]; links[e.s].push(k); links[e.t].push(k); });
  var maxMentions = Math.max.apply(null, nodes.map(function (n) { return n.mentions; }).concat([1]));
  nodes.forEach(function (n) { n.r = 4 + 16 * Math.sqrt(n.mentions / maxMentions); });
  var scores = edges.map(function (e) { return Math.log(1 + e.score); });
  var lo = Math.min.apply(null, scores.concat([0])), hi = Math.max.apply(null, scores.concat([1]));
  edges.forEach(function (e, k) { e.w = (scores[k] - lo) / ((hi - lo) || 1); });

  // Force-directed layout in a reference box, seeded on rings so it is the same on every load.
  var W = 1000, H = 700;
  (function layout() {
    var first = nodes.filter(function (n) { return n.depth === 1; });
    first.forEach(function (n, k) { n.a = 2 * Math.PI * k / first.length; n.x = 220 * Math.cos(n.a); n.y = 220 * Math.sin(n.a); });
    var kids = {};
    nodes.forEach(function (n) {
      if (n.depth !== 2) return;
      var p = nodes[at[n.via]];
      var k = kids[n.via] = (kids[n.via] || 0) + 1;
      var a = p.a + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 0.12;
      n.x = 400 * Math.cos(a); n.y = 400 * Math.sin(a);
    });
    nodes.forEach(function (n) { if (n.depth === 0) { n.x = 0; n.y = 0; } });
    var count = nodes.length, area = W * H, k = Math.sqrt(area / Math.max(count, 1)) * 0.75;
    var steps = 300, temp = W / 8;
    for (var step = 0; step < steps; step++) {
      nodes.forEach(function (n) { n.dx = 0; n.dy = 0; });
      for (var i = 0; i < count; i++) {
        for (var j = i + 1; j < count; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y;
          var d = Math.sqrt(dx * dx + dy * dy) || 0.01;
          var f = k * k / d;
          var room = a.r + b.r + 24;
          if (d < room) f += (room - d) * 4;
          a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
        }
      }
      edges.forEach(function (e) {
        var a = nodes[e.s], b = nodes[e.t];
        var dx = a.x - b.x, dy = a.y - b.y;
        var d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        // A hub's pull is shared among its edges, so its many neighbours do not crowd it.
        var f = d * d / k * (0.3 + 0.7 * e.w) / Math.sqrt(Math.min(links[e.s].length, links[e.t].length));
        a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
      });
      nodes.forEach(function (n) {
        if (n.depth === 0) return;
        n.dx -= n.x * 0.03 * k / 100; n.dy -= n.y * 0.03 * k / 100;
        var d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 0.01;
        var move = Math.min(d, temp);
        n.x += n.dx / d * move; n.y += n.dy / d * move;
      });
      temp = Math.max(1, temp * 0.985);
    }
  })();

  var selected = -1;
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var key in attrs) e.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function draw() {
    var width = Math.max(320, svg.parentNode.clientWidth || window.innerWidth);
    var height = Math.round(Math.max(420, Math.min(window.innerHeight - 40, width * 0.72)));
    svg.setAttribute('width', width); svg.setAttribute('height', height);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    // Fit the layout to the box, leaving room for labels at the sides.
    var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var mx = Math.min(110, width * 0.12), my = 28;
    nodes.forEach(function (n) {
      n.px = mx + (x1 > x0 ? (n.x - x0) / (x1 - x0) : 0.5) * (width - 2 * mx);
      n.py = my + (y1 > y0 ? (n.y - y0) / (y1 - y0) : 0.5) * (height - 2 * my);
    });
    var edgeLayer = el('g', {}, svg), nodeLayer = el('g', {}, svg), labelLayer = el('g', {}, svg);
    edges.forEach(function (e) {
      var a = nodes[e.s], b = nodes[e.t];
      e.el = el('line', { class: 'edge', x1: a.px.toFixed(1), y1: a.py.toFixed(1), x2: b.px.toFixed(1), y2: b.py.toFixed(1), 'stroke-width': (0.7 + 4.3 * e.w).toFixed(2) }, edgeLayer);
    });
    nodes.forEach(function (n, i) {
      n.el = el('circle', { class: 'node' + (n.depth === 0 ? ' centre' : ''), cx: n.px.toFixed(1), cy: n.py.toFixed(1), r: n.r.toFixed(1), fill: data.colours[n.type] || data.colours.OTHER, tabindex: '0', 'data-id': n.id }, nodeLayer);
      var tip = el('title', {}, n.el);
      tip.textContent = n.name + ' (' + n.type + '): ' + n.mentions.toLocaleString('en-US') + ' mentions';
      n.el.addEventListener('mouseenter', function () { if (selected < 0) highlight(i); });
      n.el.addEventListener('mouseleave', function () { if (selected < 0) clear(); });
      n.el.addEventListener('focus', function () { if (selected < 0) highlight(i); });
      n.el.addEventListener('blur', function () { if (selected < 0) clear(); });
      n.el.addEventListener('click', function (event) { event.stopPropagation(); select(selected === i ? -1 : i); });
      n.el.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(selected === i ? -1 : i); } });
    });
    placeLabels(labelLayer, width, height);
    if (selected >= 0) select(selected);
  }

  // Greedy label placement: the most mentioned first, each at the first free side of its node.
  function placeLabels(layer, width, height) {
    var boxes = nodes.map(function (n) { return { x0: n.px - n.r, y0: n.py - n.r, x1: n.px + n.r, y1: n.py + n.r, node: n }; });
    var placed = [];
    var order = nodes.map(function (n, i) { return i; }).sort(function (a, b) { return (nodes[a].depth === 0 ? -1 : 0) - (nodes[b].depth === 0 ? -1 : 0) || nodes[b].mentions - nodes[a].mentions; });
    order.forEach(function (i) {
      var n = nodes[i];
      var t = el('text', { class: 'label' + (n.depth === 0 ? ' centre' : '') }, layer);
      t.textContent = n.name;
      var w = t.getComputedTextLength(), h = n.depth === 0 ? 15 : 13;
      var d = n.r * 0.7 + 2;
      var options = [
        [n.px + n.r + 3, n.py + h / 2 - 2, 'start'], [n.px - n.r - 3, n.py + h / 2 - 2, 'end'],
        [n.px, n.py - n.r - 3, 'middle'], [n.px, n.py + n.r + h, 'middle'],
        [n.px + d, n.py - d - 2, 'start'], [n.px + d, n.py + d + h - 2, 'start'],
        [n.px - d, n.py - d - 2, 'end'], [n.px - d, n.py + d + h - 2, 'end']
      ];
      var chosen = null;
      for (var k = 0; k < options.length && !chosen; k++) {
        var o = options[k];
        var bx = o[2] === 'start' ? o[0] : o[2] === 'end' ? o[0] - w : o[0] - w / 2;
        var box = { x0: bx - 1, y0: o[1] - h + 2, x1: bx + w + 1, y1: o[1] + 3 };
        if (box.x0 < 0 || box.x1 > width || box.y0 < 0 || box.y1 > height) continue;
        var clash = placed.some(function (p) { return hit(p, box); }) || boxes.some(function (b) { return b.node !== n && hit(b, box); });
        if (!clash) { chosen = o; placed.push(box); }
      }
      // The entity asked for is always named: first placed, it can only clash with circles.
      if (!chosen && n.depth === 0) { chosen = options[3]; placed.push({ x0: n.px - w / 2, y0: n.py + n.r, x1: n.px + w / 2, y1: n.py + n.r + h + 3 }); }
      if (!chosen) { chosen = options[0]; t.classList.add('hidden'); }
      t.setAttribute('x', chosen[0].toFixed(1)); t.setAttribute('y', chosen[1].toFixed(1)); t.setAttribute('text-anchor', chosen[2]);
      n.label = t;
    });
  }
  function hit(a, b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

  function neighbours(i) {
    return links[i].map(function (k) { var e = edges[k]; return { node: e.s === i ? e.t : e.s, edge: e }; })
      .sort(function (a, b) { return b.edge.score - a.edge.score; });
  }
  function highlight(i) {
    var near = {};
    near[i] = true;
    neighbours(i).forEach(function (x) { near[x.node] = true; });
    svg.classList.add('focus');
    nodes.forEach(function (n, j) { n.el.classList.toggle('near', !!near[j]); n.label.classList.toggle('near', !!near[j]); n.el.classList.toggle('selected', j === selected); });
    edges.forEach(function (e) { e.el.classList.toggle('hot', e.s === i || e.t === i); });
  }
  function clear() {
    svg.classList.remove('focus');
    nodes.forEach(function (n) { n.el.classList.remove('near', 'selected'); n.label.classList.remove('near'); });
    edges.forEach(function (e) { e.el.classList.remove('hot'); });
  }
  function select(i) {
    selected = i;
    while (detail.firstChild) detail.removeChild(detail.firstChild);
    if (i < 0) {
      clear();
      var p = document.createElement('p'); p.className = 'hint'; p.textContent = 'Hover over an entity to see who it is named with; click to keep it.';
      detail.appendChild(p);
      return;
    }
    highlight(i);
    var n = nodes[i];
    var h = document.createElement('h2'); h.textContent = n.name; detail.appendChild(h);
    var p2 = document.createElement('p');
    p2.textContent = n.type + ' · ' + n.mentions.toLocaleString('en-US') + ' mentions in ' + n.documents.toLocaleString('en-US') + ' documents';
    detail.appendChild(p2);
    var list = document.createElement('ol');
    neighbours(i).forEach(function (x) {
      var li = document.createElement('li');
      li.textContent = nodes[x.node].name + ' (' + nodes[x.node].type + ') — ' + x.edge.sentences.toLocaleString('en-US') + ' sentences, G² ' + x.edge.score.toLocaleString('en-US');
      list.appendChild(li);
    });
    detail.appendChild(list);
  }
  svg.addEventListener('click', function () { if (selected >= 0) select(-1); });
  var pending = 0;
  window.addEventListener('resize', function () { clearTimeout(pending); pending = setTimeout(draw, 100); });
  draw();
})();
`;
