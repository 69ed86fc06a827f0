import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';
import { buildTimeline } from '../src/timeline/query.js';
import { renderTimelineHtml } from '../src/render/timeline-html.js';
import { buildKoreaFixture } from './timeline-fixture.js';
import { tempDir } from './helpers.js';
import { CHROMIUM, chromium, chromiumAvailable as available, decodePng, warnIfNoChromium } from './chromium.js';
import type { TimelineEntry } from '../src/timeline/types.js';

warnIfNoChromium('timeline-html-chromium');

function screenshot(page: string, png: string, width = 1200): void {
  const result = chromium([`--screenshot=${png}`, `--window-size=${width},800`, `file://${page}`]);
  if (!fs.existsSync(png)) throw new Error(`chromium wrote no screenshot (status ${result.status}): ${result.stderr}`);
}

function northKoreaPage(): string {
  const { file } = buildKoreaFixture(tempDir('corpus-timeline-db-'));
  const db = openDatabase(file, { readonly: true });
  try {
    return renderTimelineHtml(buildTimeline(db, { entity: 'North Korea' }), { link: (p) => p });
  } finally {
    db.close();
  }
}

/** A digest of hundreds of events over a year, with two outliers decades away. */
function bigPage(): string {
  const { file } = buildKoreaFixture(tempDir('corpus-timeline-db-'));
  const db = openDatabase(file, { readonly: true });
  try {
    const base = buildTimeline(db, { all: true });
    const template = base.entries.find((e) => e.name === 'Hanoi summit')!;
    const entries: TimelineEntry[] = Array.from({ length: 300 }, (_, i) => {
      const day = new Date(Date.UTC(1987, 0, 1) + ((i * 37) % 365) * 86_400_000).toISOString().slice(0, 10);
      return {
        ...template,
        id: `e${i}`,
        name: `Event number ${i} with a long name`,
        date: { value: day, granularity: 'day' as const, start: day, end: day },
      };
    });
    entries.push({
      ...template,
      id: 'old',
      date: { value: '1857', granularity: 'year' as const, start: '1857-01-01', end: '1857-12-31' },
    });
    entries.push({
      ...template,
      id: 'new',
      date: { value: '2016', granularity: 'year' as const, start: '2016-01-01', end: '2016-12-31' },
    });
    return renderTimelineHtml({ ...base, entries }, { link: (p) => p });
  } finally {
    db.close();
  }
}

/** Checks run inside the page: overlapping labels or marks, overflow, written into the DOM for --dump-dom. */
const LAYOUT_CHECK = `<script>
  function boxes(selector) { return Array.prototype.map.call(document.querySelectorAll(selector), function (e) { return e.getBoundingClientRect(); }).filter(function (r) { return r.width > 0; }); }
  function overlaps(list) { var n = 0; for (var i = 0; i < list.length; i++) for (var j = i + 1; j < list.length; j++) { var a = list[i], b = list[j]; if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) n++; } return n; }
  document.body.setAttribute('data-check', JSON.stringify({
    tickOverlaps: overlaps(boxes('.ticks .tick')), ticks: boxes('.ticks .tick').length,
    markOverlaps: overlaps(boxes('.mark')), marks: boxes('.mark').length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    gutters: Array.prototype.map.call(document.querySelectorAll('.gutter'), function (g) { return g.textContent; }),
  }));
</script></body>`;

describe.skipIf(!available && !process.env.CI)('timeline HTML in headless Chromium', () => {
  for (const width of [800, 1400]) {
    it(`hundreds of events at ${width} px: marks drawn, no overlapping labels or marks, no overflow, outliers in gutters`, () => {
      expect(available, `${CHROMIUM} is required in CI (apt-get install chromium)`).toBe(true);
      const dir = process.env.TIMELINE_SCREENSHOT_DIR ?? tempDir('corpus-timeline-html-');
      const page = path.join(dir, `big-${width}.html`);
      fs.writeFileSync(page, bigPage().replace('</body>', LAYOUT_CHECK));
      const png = path.join(dir, `big-${width}.png`);
      screenshot(page, png, width);
      const image = decodePng(fs.readFileSync(png));
      expect(image.width).toBe(width);
      let blue = 0;
      for (let i = 0; i < image.rgb.length; i += 3) {
        if (
          Math.abs(image.rgb[i] - 0x1f) < 24 &&
          Math.abs(image.rgb[i + 1] - 0x6f) < 24 &&
          Math.abs(image.rgb[i + 2] - 0xb2) < 24
        )
          blue++;
      }
      // the event marks (#1f6fb2) are on the screenshot
      expect(blue).toBeGreaterThan(500);
      const result = chromium([`--window-size=${width},800`, '--dump-dom', `file://${page}`]);
      const check = JSON.parse(/data-check="([^"]*)"/.exec(result.stdout)![1].replace(/&quot;/g, '"'));
      expect(check.tickOverlaps).toBe(0);
      expect(check.markOverlaps).toBe(0);
      expect(check.ticks).toBeGreaterThan(3);
      expect(check.marks).toBeGreaterThan(100);
      expect(check.overflow).toBeLessThanOrEqual(0);
      expect(check.gutters).toEqual(['earlier 1', 'later 1']);
    }, 120_000);
  }

  it('renders a visible timeline with its marks', () => {
    expect(available, `${CHROMIUM} is required in CI (apt-get install chromium)`).toBe(true);
    const dir = process.env.TIMELINE_SCREENSHOT_DIR ?? tempDir('corpus-timeline-html-');
    const html = northKoreaPage();
    const page = path.join(dir, 'timeline.html');
    const png = path.join(dir, 'timeline.png');
    fs.writeFileSync(page, html);
    screenshot(page, png);

    const image = decodePng(fs.readFileSync(png));
    expect([image.width, image.height]).toEqual([1200, 800]);
    const count = (test: (r: number, g: number, b: number) => boolean) => {
      let n = 0;
      for (let i = 0; i < image.rgb.length; i += 3) if (test(image.rgb[i], image.rgb[i + 1], image.rgb[i + 2])) n++;
      return n;
    };
    const total = image.width * image.height;
    const notWhite = count((r, g, b) => r < 240 || g < 240 || b < 240);
    // Text, axis and marks: a blank page would be all white.
    expect(notWhite / total).toBeGreaterThan(0.02);
    // The event marks (#1f6fb2) were drawn.
    const near = (c: [number, number, number]) => (r: number, g: number, b: number) =>
      Math.abs(r - c[0]) < 24 && Math.abs(g - c[1]) < 24 && Math.abs(b - c[2]) < 24;
    expect(count(near([0x1f, 0x6f, 0xb2]))).toBeGreaterThan(100);
  }, 120_000);

  it('shows a mark’s evidence on click, zooms to a period, and article markup stays text', () => {
    // A user's pointer, scripted: click the week-dated talks, then pick February 2019 in the period selector.
    const act = `<script>
      var marks = document.querySelectorAll('.mark');
      var talks = Array.prototype.find.call(marks, function (m) {
        return document.getElementById('entry-' + m.getAttribute('data-entry')).textContent.indexOf('Pyongyang') >= 0;
      });
      talks.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      var select = document.getElementById('period');
      select.value = select.options[select.options.length - 1].value;
      select.dispatchEvent(new Event('change'));
      document.body.setAttribute('data-visible', Array.prototype.filter.call(document.querySelectorAll('.entry'), function (e) { return !e.hidden; }).length);
    </script></body>`;
    const dir = tempDir('corpus-timeline-dom-');
    const page = path.join(dir, 'scripted.html');
    fs.writeFileSync(page, northKoreaPage().replace('</body>', act));
    const result = chromium(['--dump-dom', `file://${page}`]);
    expect(result.status).toBe(0);
    const dom = result.stdout;
    const detail = /<aside id="detail"[^>]*>([\s\S]*?)<\/aside>/.exec(dom)![1];
    expect(detail).toContain('2019-W06');
    expect(detail).toContain('US and DPRK officials held pre-summit talks in Pyongyang last week.');
    expect(detail).toContain('Pre-summit talks &lt;b&gt;in Pyongyang&lt;/b&gt;');
    // the evidence links to the article by the path given, and names the id `corpus show` takes
    expect(detail).toMatch(/<a href="news\/c.html">/);
    expect(detail).toMatch(/corpus show \d+/);
    // entries in date order: the Singapore summit (2018-06), then the Pyongyang talks
    expect(dom).toMatch(/<li id="entry-1" class="entry event active"/);
    // the last period, February 2019: the Pyongyang talks, the Warsaw meeting and the Hanoi summit
    expect(dom).toContain('data-visible="3"');
    // the page's own script and the test's, nothing from the article
    expect(dom.match(/<script/g)).toHaveLength(2);
    expect(dom).not.toContain('<img');
  }, 120_000);
});
