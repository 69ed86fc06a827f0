/**
 * `npm run bench:memory`: peak RSS of `corpus ingest` on single big files, which must stay under
 * 600 MB whatever the file's size (issue 11). Files are made in /tmp from Reuters text: a plain-text
 * file, a Markdown file, a web page and a JSON article (also gzipped) of 256 MB (the largest file
 * ingest reads), a web archive of one 63 MB page (a record may be 64 MB), a feed of long items and JSON Lines files of two sizes, to show that memory does
 * not grow with the number of items or lines (each is analyzed, so a 256 MB feed or JSON Lines file
 * takes long on a small machine: pass --feed-mb 256 or --jsonl-mb 256 to measure it).
 * Peak RSS is the whole process tree's high-water mark as /usr/bin/time -v reports it (worker
 * threads included). Usage: npm run bench:memory [-- --mb 256 --feed-mb 64 --jsonl-mb 16,64]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import path from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { arg, machine, REUTERS_JSONL, ROOT, writeResult } from './reuters.js';

const BIN = path.join(ROOT, 'bin', 'corpus.cjs');
const WORK = '/tmp/corpus-bench-memory';
const TARGET_MB = 600;

async function reutersArticles(
  limit: number,
): Promise<{ title: string; text: string; date: string; source: string }[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of fs.createReadStream(REUTERS_JSONL).pipe(createGunzip())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, limit)
    .map((l) => JSON.parse(l));
}

/** Write `mb` megabytes of `piece(i)` to `file` (kept between runs when already there). */
function generate(file: string, mb: number, piece: (i: number) => string): void {
  if (fs.existsSync(file) && fs.statSync(file).size >= mb * 2 ** 20) return;
  const fd = fs.openSync(file, 'w');
  let written = 0;
  for (let i = 0; written < mb * 2 ** 20; i++) {
    const text = piece(i);
    fs.writeSync(fd, text);
    written += Buffer.byteLength(text);
  }
  fs.closeSync(fd);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One JSON article whose body is `mb` megabytes of paragraphs (written as it grows, never held whole). */
function writeJsonArticle(file: string, mb: number, piece: (i: number) => string): void {
  if (fs.existsSync(file) && fs.statSync(file).size >= mb * 2 ** 20) return;
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '{"title":"One big article","date":"1987-03-01","source":"Reuters","text":"');
  let written = 0;
  for (let i = 0; written < mb * 2 ** 20; i++) {
    const text = JSON.stringify(`${piece(i)}\n\n`).slice(1, -1);
    fs.writeSync(fd, text);
    written += Buffer.byteLength(text);
  }
  fs.writeSync(fd, '"}');
  fs.closeSync(fd);
}

/** A WARC of one response, a page of `mb` megabytes of `piece(i)` (warcio's own writer). */
async function writeWarcPage(file: string, mb: number, piece: (i: number) => string): Promise<void> {
  const pieces = ['<!DOCTYPE html><html><head><title>One big archived page</title></head><body><article>\n'];
  for (let i = 1, size = 0; size < mb * 2 ** 20; i++) {
    pieces.push(piece(i));
    size += Buffer.byteLength(pieces[i]);
  }
  pieces.push('</article></body></html>');
  const page = new TextEncoder().encode(pieces.join(''));
  const record = await WARCRecord.create(
    {
      url: 'https://news.example.com/big',
      type: 'response',
      warcVersion: 'WARC/1.1',
      httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
    },
    (async function* () {
      yield page;
    })(),
  );
  fs.writeFileSync(file, await WARCSerializer.serialize(record, { gzip: false }));
}

function measure(file: string): {
  file: string;
  megabytes: number;
  peakRssMB: number;
  seconds: number;
  exit: number;
  documents: number;
} {
  const db = path.join(WORK, 'bench.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, 'ingest', file, '--db', db, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? 0);
  const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) || '{}') as { documents?: number };
  return {
    file: path.basename(file),
    megabytes: Math.round(fs.statSync(file).size / 2 ** 20),
    peakRssMB: Math.round(kb / 1024),
    seconds: Math.round(seconds * 10) / 10,
    exit: run.status ?? -1,
    documents: summary.documents ?? 0,
  };
}

async function main(): Promise<void> {
  fs.mkdirSync(WORK, { recursive: true });
  const mb = Number(arg('--mb') ?? 256);
  const jsonlSizes = (arg('--jsonl-mb') ?? '16,64').split(',').map(Number);
  const feedMb = Number(arg('--feed-mb') ?? 64);
  const articles = await reutersArticles(3000);
  const body = (i: number) => articles[i % articles.length].text;
  const files: string[] = [];
  const small = path.join(WORK, 'small.txt');
  generate(small, 0.001, body);
  files.push(small);
  const txt = path.join(WORK, `big-${mb}.txt`);
  generate(txt, mb, (i) => `${body(i)}\n\n`);
  files.push(txt);
  const md = path.join(WORK, `big-${mb}.md`);
  generate(md, mb, (i) =>
    i === 0 ? '---\ntitle: One big file\ndate: 1987-03-01\nsource: Reuters\n---\n' : `${body(i)}\n\n`,
  );
  files.push(md);
  // A web page and a JSON article of the same size: one value each, read as they stream.
  const paragraphs = (i: number) => `<p>${escapeHtml(body(i)).replace(/\n+/g, ' ')}</p>\n`;
  const html = path.join(WORK, `big-${mb}.html`);
  generate(html, mb - 1, (i) =>
    i === 0 ? '<!DOCTYPE html><html><head><title>One big page</title></head><body><article>\n' : paragraphs(i),
  );
  files.push(html);
  const json = path.join(WORK, `big-${mb}.json`);
  writeJsonArticle(json, mb - 1, body);
  files.push(json);
  const gz = `${json}.gz`;
  if (!fs.existsSync(gz)) execFileSync('gzip', ['-k', '-1', json]);
  files.push(gz);
  // A feed of long items: each item is analyzed, so its size is that of the JSON Lines files.
  const feed = path.join(WORK, `big-${feedMb}.rss`);
  if (!fs.existsSync(feed)) {
    generate(feed, feedMb, (i) =>
      i === 0
        ? '<?xml version="1.0"?><rss version="2.0"><channel><title>Big feed</title>\n'
        : `<item><title>Item ${i}</title><guid>item-${i}</guid><description>${escapeHtml(
            Array.from({ length: 40 }, (_, k) => paragraphs(i * 40 + k)).join(''),
          )}</description></item>\n`,
    );
    fs.appendFileSync(feed, '</channel></rss>\n');
  }
  files.push(feed);
  // A web archive whose one page is as big as a record may be (64 MB), with typographic quotes as
  // pages have them (the text then takes two bytes a character in memory).
  const warc = path.join(WORK, 'big-63.warc');
  if (!fs.existsSync(warc)) await writeWarcPage(warc, 63, (i) => paragraphs(i).replace(/'/g, '’'));
  files.push(warc);
  for (const size of jsonlSizes) {
    const jsonl = path.join(WORK, `big-${size}.jsonl`);
    generate(jsonl, size, (i) => {
      const a = articles[i % articles.length];
      // Distinct titles: every line is a new document, not a duplicate of an earlier one.
      return `${JSON.stringify({ title: `${a.title} #${i}`, date: a.date, source: a.source, text: a.text })}\n`;
    });
    files.push(jsonl);
  }
  execFileSync(process.execPath, [BIN, '--version']);
  const runs = files.map((file) => {
    const result = measure(file);
    process.stderr.write(
      `${result.file}: ${result.megabytes} MB, ${result.documents} documents, peak RSS ${result.peakRssMB} MB, ${result.seconds} s\n`,
    );
    return result;
  });
  const worst = Math.max(...runs.map((r) => r.peakRssMB));
  const result = {
    machine: machine(),
    targetPeakRssMB: TARGET_MB,
    worstPeakRssMB: worst,
    withinTarget: worst <= TARGET_MB,
    runs,
  };
  process.stderr.write(`worst peak RSS ${worst} MB (target ≤ ${TARGET_MB} MB) → ${writeResult('memory', result)}\n`);
}

await main();
