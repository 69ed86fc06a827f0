import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Graph, GraphEdge, GraphNode } from '../src/graph/graph.js';
import { renderGraphHtml } from '../src/render/graph-html.js';
import { tempDir } from './helpers.js';
import { CHROMIUM, chromium, chromiumAvailable as available, countColour, warnIfNoChromium } from './chromium.js';

warnIfNoChromium('graph-html-chromium');

const WORDS = [
  'Federal',
  'Reserve',
  'Board',
  'James',
  'Baker',
  'Trade',
  'Ministry',
  'Nakasone',
  'Petroleum',
  'Exporting',
  'Countries',
  'Bank',
  'of',
  'Japan',
  'Saudi',
  'Arabia',
  'House',
  'Senate',
  'Committee',
  'Ecuador',
];

/** A 100-entity graph, as `corpus graph X --depth 2` gives on a large corpus: a hub, 60 neighbours, 39 of theirs. */
function bigGraph(): Graph {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const types = ['PERSON', 'ORG', 'COUNTRY', 'PLACE'];
  const nodes: GraphNode[] = Array.from({ length: 100 }, (_, i) => {
    const words = 1 + Math.floor(random() * 3);
    const name =
      i === 0
        ? 'Ronald Reagan'
        : Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ') + ` ${i}`;
    return {
      id: 1000 + i,
      name,
      type: i === 0 ? 'PERSON' : types[i % 4],
      mentions: Math.round(2000 / (1 + i) + random() * 20),
      documents: Math.round(800 / (1 + i) + 1),
      depth: i === 0 ? 0 : i <= 60 ? 1 : 2,
      via: i === 0 ? null : i <= 60 ? 1000 : 1000 + 1 + Math.floor(random() * 15),
    };
  });
  // Untrusted names stay text: markup and a bidi override.
  nodes[5].name = '<img src=x onerror="document.title=1">';
  nodes[6].name = 'Evil \u202egnp.exe';
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const add = (a: number, b: number, score: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    if (x === y || seen.has(`${x} ${y}`)) return;
    seen.add(`${x} ${y}`);
    edges.push({ a: x, b: y, sentences: 2 + Math.floor(score / 10), score: Math.round(score * 10) / 10 });
  };
  for (const n of nodes) if (n.via !== null) add(n.via, n.id, 5 + random() * 400);
  while (edges.length < 320)
    add(1000 + Math.floor(random() * 100), 1000 + Math.floor(random() * 100), 3 + random() * 60);
  edges.sort((x, y) => y.score - x.score);
  return {
    entity: { id: 1000, name: 'Ronald Reagan', type: 'PERSON' },
    alsoMatched: [],
    depth: 2,
    min: 2,
    nodes,
    edges,
    more: true,
  };
}

/** Recorded from the first script of the page on: requests the page made or CSP refused. */
const WATCH = `<body><script>window.__blocked = 0; document.addEventListener('securitypolicyviolation', function () { window.__blocked++; });</script>`;

/** Checks run in the page once it has drawn, written into the DOM for --dump-dom. */
const LAYOUT_CHECK = `<script>
  function box(e) { return e.getBoundingClientRect(); }
  var labels = Array.prototype.filter.call(document.querySelectorAll('#graph .label'), function (t) { return getComputedStyle(t).display !== 'none'; }).map(box);
  var overlaps = 0;
  for (var i = 0; i < labels.length; i++) for (var j = i + 1; j < labels.length; j++) { var a = labels[i], b = labels[j]; if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++; }
  var svg = box(document.getElementById('graph'));
  document.body.setAttribute('data-check', JSON.stringify({
    circles: document.querySelectorAll('#graph circle.node').length,
    lines: document.querySelectorAll('#graph line.edge').length,
    labels: labels.length, labelOverlaps: overlaps,
    centreLabelled: getComputedStyle(document.querySelector('#graph .label.centre')).display !== 'none',
    labelsOutside: labels.filter(function (r) { return r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1; }).length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    resources: performance.getEntriesByType('resource').length, blocked: window.__blocked,
    radii: Array.prototype.map.call(document.querySelectorAll('#graph circle.node'), function (c) { return +c.getAttribute('r'); }),
  }));
</script></body>`;

function checkOf(dom: string): Record<string, unknown> & { radii: number[] } {
  return JSON.parse(
    /data-check="([^"]*)"/
      .exec(dom)![1]
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

describe.skipIf(!available && !process.env.CI)('graph HTML in headless Chromium', () => {
  for (const width of [800, 1400]) {
    it(`draws 100 entities at ${width} px: every node, labels not overlapping, no overflow, no requests`, () => {
      expect(available, `${CHROMIUM} is required in CI (apt-get install chromium)`).toBe(true);
      const dir = process.env.GRAPH_SCREENSHOT_DIR ?? tempDir('corpus-graph-html-');
      const page = path.join(dir, `graph-${width}.html`);
      fs.writeFileSync(page, renderGraphHtml(bigGraph()).replace('<body>', WATCH).replace('</body>', LAYOUT_CHECK));
      const result = chromium([`--window-size=${width},900`, '--dump-dom', `file://${page}`]);
      expect(result.status).toBe(0);
      const check = checkOf(result.stdout);
      expect(check.circles).toBe(100);
      expect(check.lines).toBe(320);
      // Most entities are labelled; those without room show their name on hover (never on top of another).
      expect(check.labels).toBeGreaterThanOrEqual(width < 1000 ? 45 : 65);
      expect(check.centreLabelled).toBe(true);
      expect(check.labelOverlaps).toBe(0);
      expect(check.labelsOutside).toBe(0);
      expect(check.overflow).toBeLessThanOrEqual(0);
      expect(check.resources).toBe(0);
      expect(check.blocked).toBe(0);
      // Size follows mentions: the centre (most mentioned) is the largest circle.
      expect(check.radii[0]).toBe(Math.max(...check.radii));
      expect(result.stdout).not.toMatch(/<img/);

      const png = path.join(dir, `graph-${width}.png`);
      chromium([`--screenshot=${png}`, `--window-size=${width},900`, `file://${page}`]);
      const person = countColour(fs.readFileSync(png), [0xd9, 0x5f, 0x02]);
      const country = countColour(fs.readFileSync(png), [0x75, 0x70, 0xb3]);
      expect(person.width).toBe(width);
      // PERSON and COUNTRY circles are on the screenshot in their legend colours.
      expect(person.count).toBeGreaterThan(300);
      expect(country.count).toBeGreaterThan(300);
    }, 120_000);
  }

  it('hover highlights an entity’s neighbours; a click keeps them and lists them beside the drawing', () => {
    const graph = bigGraph();
    const degree = (id: number) => graph.edges.filter((e) => e.a === id || e.b === id).length;
    const hovered = graph.nodes[70];
    const act = `<script>
      var svg = document.getElementById('graph');
      var out = {};
      var hover = document.querySelector('circle[data-id="${hovered.id}"]');
      hover.dispatchEvent(new MouseEvent('mouseenter'));
      out.hoverNear = document.querySelectorAll('#graph .node.near').length;
      out.hoverHot = document.querySelectorAll('#graph .edge.hot').length;
      var far = document.querySelector('#graph .node:not(.near)');
      out.farOpacity = +getComputedStyle(far).opacity;
      hover.dispatchEvent(new MouseEvent('mouseleave'));
      out.afterLeave = svg.classList.contains('focus');
      document.querySelector('circle.centre').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      out.clickNear = document.querySelectorAll('#graph .node.near').length;
      out.selected = document.querySelectorAll('#graph .node.selected').length;
      out.title = document.querySelector('#detail h2').textContent;
      out.listed = document.querySelectorAll('#detail li').length;
      out.firstListed = document.querySelector('#detail li').textContent;
      svg.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      out.afterBackground = svg.classList.contains('focus');
      document.body.setAttribute('data-act', JSON.stringify(out));
    </script></body>`;
    const dir = tempDir('corpus-graph-dom-');
    const page = path.join(dir, 'act.html');
    fs.writeFileSync(page, renderGraphHtml(graph).replace('</body>', act));
    const result = chromium(['--window-size=1200,900', '--dump-dom', `file://${page}`]);
    expect(result.status).toBe(0);
    const out = JSON.parse(
      /data-act="([^"]*)"/
        .exec(result.stdout)![1]
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    );
    expect(out.hoverNear).toBe(1 + degree(hovered.id));
    expect(out.hoverHot).toBe(degree(hovered.id));
    expect(out.farOpacity).toBeLessThan(0.5);
    expect(out.afterLeave).toBe(false);
    expect(out.clickNear).toBe(1 + degree(1000));
    expect(out.selected).toBe(1);
    expect(out.title).toBe('Ronald Reagan');
    expect(out.listed).toBe(degree(1000));
    // Strongest first, with its figures.
    const best = graph.edges.filter((e) => e.a === 1000 || e.b === 1000)[0];
    const bestName = graph.nodes.find((n) => n.id === (best.a === 1000 ? best.b : best.a))!.name;
    expect(out.firstListed.startsWith(bestName.replace('\u202e', '\ufffd'))).toBe(true);
    expect(out.firstListed).toContain(`${best.sentences} sentences`);
    expect(out.afterBackground).toBe(false);
    // Article text is never markup: the name with a tag is shown as text, the bidi override made visible.
    expect(result.stdout).not.toMatch(/<img/);
    expect(result.stdout).toContain('&lt;img src=x');
    expect(result.stdout).toContain('Evil \ufffdgnp.exe');
  }, 120_000);
});
