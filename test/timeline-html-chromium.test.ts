import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';
import { buildTimeline } from '../src/timeline/query.js';
import { renderTimelineHtml } from '../src/render/timeline-html.js';
import { buildKoreaFixture } from './timeline-fixture.js';
import { tempDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(`timeline-html-chromium: skipped, ${CHROMIUM} not found (apt-get install chromium; in CI this test must run)`);
}

interface Image {
  width: number;
  height: number;
  /** RGB triples, row by row. */
  rgb: Uint8Array;
}

/** Decode an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) with node:zlib. */
function decodePng(png: Buffer): Image {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [bitDepth, colourType, , , interlace] = data.subarray(8, 13);
      expect({ bitDepth, interlace }).toEqual({ bitDepth: 8, interlace: 0 });
      channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[x] = (line[x] + predictor) & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set(pixels.subarray(i * channels, i * channels + 3), i * 3);
  return { width, height, rgb };
}

function chromium(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const profile = tempDir('corpus-chromium-profile-');
  const result = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  return result;
}

function screenshot(page: string, png: string): void {
  const result = chromium([`--screenshot=${png}`, '--window-size=1200,800', `file://${page}`]);
  if (!fs.existsSync(png)) throw new Error(`chromium wrote no screenshot (status ${result.status}): ${result.stderr}`);
}

function northKoreaPage(): string {
  const { file } = buildKoreaFixture(tempDir('corpus-timeline-db-'));
  const db = openDatabase(file, { readonly: true });
  try {
    return renderTimelineHtml(buildTimeline(db, { entity: 'North Korea' }));
  } finally {
    db.close();
  }
}

describe.skipIf(!available && !process.env.CI)('timeline HTML in headless Chromium', () => {
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
    // The event marks (#1f6fb2) and dated-mention marks (#c2571a) were drawn by the SVG.
    const near = (c: [number, number, number]) => (r: number, g: number, b: number) =>
      Math.abs(r - c[0]) < 24 && Math.abs(g - c[1]) < 24 && Math.abs(b - c[2]) < 24;
    expect(count(near([0x1f, 0x6f, 0xb2]))).toBeGreaterThan(100);
    expect(count(near([0xc2, 0x57, 0x1a]))).toBeGreaterThan(100);
  }, 120_000);

  it('shows a mark’s evidence on click and on hover, and article markup stays text', () => {
    // A user's pointer, scripted: click the week-dated talks, then hover the Warsaw meeting and leave it.
    const act = `<script>
      var marks = document.querySelectorAll('.mark');
      marks[1].dispatchEvent(new MouseEvent('click', { bubbles: true }));
      marks[2].dispatchEvent(new MouseEvent('mouseenter'));
      document.body.setAttribute('data-hovered', document.getElementById('detail').textContent);
      marks[2].dispatchEvent(new MouseEvent('mouseleave'));
    </script></body>`;
    const dir = tempDir('corpus-timeline-dom-');
    const page = path.join(dir, 'scripted.html');
    fs.writeFileSync(page, northKoreaPage().replace('</body>', act));
    const result = chromium(['--dump-dom', `file://${page}`]);
    expect(result.status).toBe(0);
    const dom = result.stdout;
    const detail = /<aside id="detail"[^>]*>([\s\S]*?)<\/aside>/.exec(dom)![1];
    // after the pointer left the hovered mark, the clicked one stays shown
    expect(detail).toContain('2019-W06');
    expect(detail).toContain('US and DPRK officials held pre-summit talks in Pyongyang last week.');
    expect(detail).toContain('&lt;script&gt;alert(\'pwned\')&lt;/script&gt;');
    expect(/data-hovered="[^"]*Kang and Pompeo met in Warsaw/.test(dom)).toBe(true);
    expect(dom).toMatch(/<li id="entry-1" class="entry event active">/);
    // the article's <script> and <img> never became elements
    expect(dom.match(/<script/g)).toHaveLength(2);
    expect(dom).not.toContain('<img');
  }, 120_000);
});
