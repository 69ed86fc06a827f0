/**
 * `corpus ingest` of a folder that mixes every input format, end to end in a real process:
 * what is stored (with URLs and external ids), what is reported, what a re-run and --prune do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';
import { type StoredOrigin, storedOrigins } from '../src/store/inspect.js';
import { MAX_ROW_CHARS } from '../src/ingest/readers/csv.js';
import { corpus, tempDir } from './helpers.js';
import { writeWarc } from './warc-fixture.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const MIXED = [
  'front-matter.md',
  'article.json',
  'articles.jsonl',
  'boilerplate.html',
  'news.csv',
  'wire.tsv',
  'world.rss',
  'asia.atom',
  'feed.xml',
  'sitemap.xml',
];

function origins(db: string): StoredOrigin[] {
  const store = openDatabase(db, { readonly: true });
  try {
    return storedOrigins(store);
  } finally {
    store.close();
  }
}

describe('corpus ingest of a folder mixing every format', () => {
  let dir: string;
  let db: string;
  let first: ReturnType<typeof corpus>;
  let pageId: string;

  beforeAll(async () => {
    const root = tempDir();
    dir = path.join(root, 'news');
    fs.mkdirSync(dir);
    for (const name of MIXED) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
    fs.writeFileSync(
      path.join(dir, 'wire.txt'),
      'Talks resume\n\nSEOUL, March 5 (Yonhap) -- Officials met on Tuesday.\n',
    );
    ({ pageId } = await writeWarc(path.join(dir, 'crawl.warc.gz')));
    // Reuters-21578's SGML: a story signed off `Reuter`, and a headline-only brief.
    fs.writeFileSync(
      path.join(dir, 'reut2-000.sgm'),
      [
        '<!DOCTYPE lewis SYSTEM "lewis.dtd">',
        '<REUTERS NEWID="5"><DATE>26-FEB-1987 15:01:01.79</DATE><TOPICS><D>crude</D></TOPICS>',
        '<TEXT>&#2;<TITLE>TEXACO CUTS CRUDE PRICES</TITLE>',
        '<DATELINE>    NEW YORK, Feb 26 - </DATELINE><BODY>Texaco Inc said it cut the price it pays for crude',
        'oil by 50 cts a barrel, effective today, the company said in',
        'a statement issued in New York to its customers and suppliers.',
        ' Reuter',
        '&#3;</BODY></TEXT></REUTERS>',
        '<REUTERS NEWID="6"><DATE>26-FEB-1987 15:43:14.36</DATE>',
        '<TEXT TYPE="BRIEF">&#2;******<TITLE>ASSETS ROSE</TITLE>Blah blah blah.&#3;</TEXT></REUTERS>',
        '',
      ].join('\n'),
    );
    db = path.join(root, 'corpus.db');
    first = corpus(['ingest', dir, '--db', db, '--json'], { env: { CORPUS_WORKERS: '0' } });
  });

  it('stores the articles of every format and reports each bad record on one line', () => {
    expect(first.code).toBe(1); // some records failed: the user must look
    const summary = JSON.parse(first.stdout);
    // md 1, json 1, jsonl 3, html 1, csv 3, tsv 1, rss 2, atom 2, xml 1, warc 1, txt 1, sgm 1 (and a brief skipped)
    expect(summary).toMatchObject({ files: 13, documents: 18, new: 18, skipped: 4 });
    const failures = first.stderr.trim().split('\n');
    const file = (name: string): string => path.join(dir, name);
    expect(failures).toEqual(
      expect.arrayContaining([
        `corpus: ${file('news.csv')}:6: broken row: 8 fields, the header has 7`,
        `corpus: ${file('news.csv')}:7: no article text: the text column is empty`,
        `corpus: ${file('sitemap.xml')}: not a news feed or article (the root element is <urlset>)`,
        `corpus: ${file('world.rss')}#https://news.example.com/empty: no article text: item 'Headline only' has no description or content`,
      ]),
    );
    expect(failures.filter((l) => !l.includes('warning')).every((l) => l.startsWith(`corpus: ${dir}`))).toBe(true);
    expect(summary.failed).toBe(failures.filter((l) => !l.startsWith('corpus: warning:')).length);
  });

  it("keeps each article's address, format, URL and external id", () => {
    const stored = origins(db);
    const byPath = new Map(stored.map((r) => [path.relative(dir, r.path), r]));
    expect(byPath.get(`crawl.warc.gz#${pageId}`)).toMatchObject({
      format: 'warc',
      url: 'https://news.example.com/summit',
    });
    expect(byPath.get('news.csv:2')).toMatchObject({
      format: 'csv',
      url: 'https://example.com/hanoi-summit',
      externalId: '17283',
    });
    expect(byPath.get('asia.atom#tag:asia.example.org,2019:summit-1')).toMatchObject({
      format: 'atom',
      externalId: 'tag:asia.example.org,2019:summit-1',
    });
    expect(byPath.get('world.rss#example-2019-0227-001')).toMatchObject({
      format: 'rss',
      url: 'https://news.example.com/world/hanoi-summit',
    });
    expect(byPath.get('boilerplate.html')).toMatchObject({
      format: 'html',
      url: 'https://ledger.example.com/business/2019/03/04/carmakers-tariffs',
    });
    expect(byPath.get('reut2-000.sgm#5')).toMatchObject({ format: 'sgml', externalId: '5' });
    expect(new Set(stored.map((r) => r.format))).toEqual(
      new Set(['md', 'json', 'jsonl', 'html', 'csv', 'tsv', 'rss', 'atom', 'warc', 'txt', 'sgml']),
    );
  });

  it("reads a Reuters SGML story's metadata, and its sign-off as the source, not as an organisation", () => {
    const shown = JSON.parse(corpus(['show', path.join(dir, 'reut2-000.sgm#5'), '--db', db, '--json']).stdout);
    expect(shown).toMatchObject({ title: 'TEXACO CUTS CRUDE PRICES', date: '1987-02-26', source: 'Reuters' });
    const orgs = JSON.parse(corpus(['entities', '--type', 'ORG', '--db', db, '--json']).stdout);
    const names = (orgs.entities ?? orgs).map((e: { name: string }) => e.name);
    expect(names).toContain('Texaco Inc');
    expect(names.filter((n: string) => /^reuter$/i.test(n))).toEqual([]);
  });

  it('finds them with search, and none of the page furniture', () => {
    const hits = corpus(['search', 'Metropole', '--db', db, '--json']);
    expect(hits.code).toBe(0);
    expect(hits.stdout).toContain('crawl.warc.gz#');
    for (const words of ['"Taylor Swift"', '"Elon Musk"', 'cookies', '"Share on Twitter"']) {
      const furniture = corpus(['search', words, '--db', db, '--json']);
      expect(furniture.stdout).not.toContain('boilerplate.html');
    }
  });

  it('a second run changes nothing; a removed row is forgotten; --prune forgets a removed archive', () => {
    const again = corpus(['ingest', dir, '--db', db, '--json'], { env: { CORPUS_WORKERS: '0' } });
    expect(JSON.parse(again.stdout)).toMatchObject({ documents: 18, new: 0, unchanged: 18 });
    const csv = path.join(dir, 'news.csv');
    const lines = fs.readFileSync(csv, 'utf8').split('\n');
    fs.writeFileSync(csv, lines.filter((l) => !l.startsWith('17287,')).join('\n')); // drop the last row (line 8)
    corpus(['ingest', dir, '--db', db, '--json'], { env: { CORPUS_WORKERS: '0' } });
    const paths = origins(db).map((r) => path.relative(dir, r.path));
    expect(paths.filter((p) => p.startsWith('news.csv:'))).toEqual(
      expect.arrayContaining(['news.csv:2', 'news.csv:5']),
    );
    expect(paths.filter((p) => p.startsWith('news.csv:'))).toHaveLength(2);
    fs.rmSync(path.join(dir, 'crawl.warc.gz'));
    const pruned = corpus(['ingest', dir, '--db', db, '--json', '--prune'], { env: { CORPUS_WORKERS: '0' } });
    expect(JSON.parse(pruned.stdout).pruned).toBe(1);
  });

  it('--columns maps CSV columns on ingest and extract; a bad --columns is a usage error', () => {
    const file = path.join(path.dirname(dir), 'export.csv');
    fs.writeFileSync(
      file,
      'summary,story_text,when\n"Kim in Hanoi","Kim Jong Un arrived in Hanoi by train.",2019-02-26\n',
    );
    const extract = corpus(['extract', file, '--columns', 'text=story_text,date=when,title=summary', '--json']);
    expect(extract.code).toBe(0);
    expect(JSON.parse(extract.stdout.trim())).toMatchObject({ date: '2019-02-26' });
    const ingest = corpus(['ingest', file, '--db', db, '--columns', 'body=story_text', '--json'], {
      env: { CORPUS_WORKERS: '0' },
    });
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ new: 1 });
    const bad = corpus(['ingest', file, '--db', db, '--columns', 'colour=red']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^corpus: --columns: unknown field 'colour'/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('stops at a quote never closed in a CSV file, saying so once, with bounded memory', () => {
    const runaway = path.join(tempDir('corpus-csv-quote-'), 'stray.csv');
    const row = 'Oil prices rose in London on Monday as dealers said supply was tight.';
    const rows = Array.from({ length: 260_000 }, (_, i) => `Row ${i},${row}`);
    fs.writeFileSync(runaway, `title,text\nBad,"this quote never closes\n${rows.join('\n')}\n`);
    expect(fs.statSync(runaway).size).toBeGreaterThan(MAX_ROW_CHARS);
    const run = corpus(['ingest', runaway, '--db', path.join(path.dirname(runaway), 'c.db')]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/stray\.csv:2: broken row: longer than [\d,]+ characters \(a quoted field never closed/);
    // One line for the row, then the summary: not one per 16 MB, and no 'no rows below the header'.
    expect(lines).toHaveLength(2);
  });
});
