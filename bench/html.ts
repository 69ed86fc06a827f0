/**
 * `npm run bench:html` → bench/results/html.json
 *
 * Article text from saved news pages (bench/html-pages.ts: 24 layouts whose story and furniture
 * are known exactly), for the web-page reader (Readability on linkedom) against the reader it
 * replaced (tag rules: drop nav/header/footer/aside…, take itemprop=articleBody, the longest
 * <article>, <main> or <body>), run both on linkedom and — while cheerio is installed — on cheerio
 * as it shipped. Per reader:
 *  - boilerplate kept: characters of furniture text found in the output / all furniture characters;
 *  - article lost: characters of story sentences missing from the output / all story characters;
 *  - pages per second (median of rounds, whole reader: parse, metadata, extraction).
 * Run with --save DIR to write the pages out for a look in a browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readHtml } from '../src/ingest/readers/html.js';
import type { ReaderOutcome } from '../src/ingest/readers/fields.js';
import { benchPages, type BenchPage } from './html-pages.js';
import { readHtmlByRules } from './html-rules-reader.js';
import { arg, machine, median, writeResult } from './reuters.js';

const ROUNDS = Number(arg('--rounds') ?? 15);

interface Reader {
  name: string;
  read: (html: string) => ReaderOutcome;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const sentences = (p: string): string[] =>
  p
    .match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g)
    ?.map(norm)
    .filter(Boolean) ?? [p];

function score(page: BenchPage, body: string) {
  const out = norm(body);
  const story = norm(page.article.join(' '));
  let articleChars = 0;
  let lost = 0;
  for (const p of page.article) {
    for (const s of sentences(p)) {
      articleChars += s.length;
      if (!out.includes(s)) lost += s.length;
    }
  }
  let boilerChars = 0;
  let kept = 0;
  const keptTexts: string[] = [];
  for (const b of page.boilerplate.map(norm)) {
    if (story.includes(b)) continue; // a word the story uses too cannot be told apart
    boilerChars += b.length;
    if (out.includes(b)) {
      kept += b.length;
      keptTexts.push(b);
    }
  }
  return { articleChars, lost, boilerChars, kept, keptTexts };
}

async function main(): Promise<void> {
  const pages = benchPages();
  const save = arg('--save');
  if (save) {
    fs.mkdirSync(save, { recursive: true });
    for (const p of pages) fs.writeFileSync(path.join(save, `${p.name}.html`), p.html);
  }
  const readers: Reader[] = [
    { name: 'readability+linkedom (new)', read: readHtml },
    { name: 'tag rules on linkedom (old rules)', read: readHtmlByRules },
  ];
  try {
    const old = await import('../src/ingest/readers/html-cheerio.js' as string);
    readers.push({ name: 'tag rules on cheerio (old reader as shipped)', read: old.readHtmlCheerio });
  } catch {
    // cheerio and the old reader are gone once the measurements chose Readability.
  }

  const results = [];
  for (const reader of readers) {
    let articleChars = 0;
    let lost = 0;
    let boilerChars = 0;
    let kept = 0;
    const perPage: Record<string, { articleLostPct: number; boilerplateKeptPct: number; kept: string[] }> = {};
    let failed = 0;
    for (const page of pages) {
      const outcome = reader.read(page.html);
      const s = score(page, outcome.ok ? outcome.fields.body : '');
      if (!outcome.ok) failed++;
      articleChars += s.articleChars;
      lost += s.lost;
      boilerChars += s.boilerChars;
      kept += s.kept;
      perPage[page.name] = {
        articleLostPct: round((100 * s.lost) / s.articleChars),
        boilerplateKeptPct: round((100 * s.kept) / Math.max(1, s.boilerChars)),
        kept: s.keptTexts.map((t) => t.slice(0, 60)),
      };
    }
    const rounds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = performance.now();
      for (const page of pages) reader.read(page.html);
      rounds.push(performance.now() - t0);
    }
    const pagesPerSecond = Math.round(pages.length / (median(rounds) / 1000));
    results.push({
      reader: reader.name,
      boilerplateKeptPct: round((100 * kept) / boilerChars),
      articleLostPct: round((100 * lost) / articleChars),
      pagesWithoutText: failed,
      pagesPerSecond,
      perPage,
    });
    console.log(
      `${reader.name.padEnd(46)} boilerplate kept ${round((100 * kept) / boilerChars)}%  article lost ${round((100 * lost) / articleChars)}%  ${pagesPerSecond} pages/s`,
    );
  }
  const file = writeResult('html', {
    date: new Date().toISOString(),
    machine: machine(),
    pages: pages.length,
    pageBytesMedian: median(pages.map((p) => p.html.length)),
    rounds: ROUNDS,
    source: 'bench/html-pages.ts: 24 news-page layouts built for this benchmark, story and furniture known exactly',
    results,
  });
  console.log(`wrote ${file}`);
}

const round = (x: number): number => Math.round(x * 10) / 10;

await main();
