/**
 * One-article files too big to hold whole (a web page, a JSON article) and feeds too big to parse
 * whole: read as they stream, in bounded memory, into the same articles a whole read makes where it
 * can (bench:memory measures the memory at 256 MB).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/core/types.js';
import type { ReadResult } from '../src/ingest/read.js';
import { articlesOf, STREAM_BYTES } from '../src/ingest/stream.js';
import { feedEntries } from '../src/ingest/readers/feed.js';
import { FeedItemSplitter, openElements } from '../src/ingest/readers/feed-items.js';
import { JsonObjectScanner } from '../src/ingest/readers/json-stream.js';
import { JsonArraySplitter } from '../src/ingest/readers/json-array.js';
import { HtmlTextStream } from '../src/ingest/readers/html-stream.js';
import { extractText, parseDocument } from '../src/ingest/readers/html.js';
import type { Entry } from '../src/ingest/formats.js';
import { writePageWarc } from './warc-fixture.js';
import iconv from 'iconv-lite';
import { CP1252_WARNING } from '../src/ingest/decode.js';
import { tempDir } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

const articles = (results: ReadResult[]): Article[] => results.flatMap((r) => (r.ok === true ? [r.article] : []));
const failures = (results: ReadResult[]): string[] => results.flatMap((r) => (r.ok === false ? [r.error] : []));

async function all(file: string): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const r of articlesOf(file)) results.push(r);
  return results;
}

/** Text in pieces of `size` characters. */
function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const PARAGRAPH =
  'The Bank of Japan said on Tuesday it would keep interest rates unchanged, citing weak exports to the United States.';

describe('a JSON object scanned as a stream', () => {
  const scan = (text: string, size: number): JsonObjectScanner => {
    const scanner = new JsonObjectScanner();
    for (const piece of pieces(text, size)) scanner.write(piece);
    scanner.end();
    return scanner;
  };

  it('collects every member as JSON.parse reads it, however the text is cut (escapes and pairs split too)', () => {
    const text =
      '\uFEFF {"title":"Caf\\u00e9 \\"talks\\"","text":"Line one\\nLine \\ud83d\\ude00 two\\\\","tags":["a",{"b":"}]"}],' +
      '"n":-1.5e3,"ok":true,"none":null,"empty":{},"text":"   "}';
    const expected = JSON.parse(text.slice(1));
    for (const size of [1, 2, 3, 7, 1000]) {
      const { members } = scan(text, size);
      expect(members.map((m) => m.key)).toEqual(['title', 'text', 'tags', 'n', 'ok', 'none', 'empty', 'text']);
      // The last of a repeated key is the one JSON.parse keeps.
      expect(Object.fromEntries(members.map((m) => [m.key, m.value]))).toEqual(expected);
      expect(members.filter((m) => m.key === 'text').map((m) => m.text)).toEqual([true, false]);
    }
  });

  it('streams the chosen string decoded, and only checks the others', () => {
    const body = 'He said "no".\nThen: \\ done \u00e9\ud83d\ude00';
    const text = JSON.stringify({ title: 'T', text: body, tags: ['x'] }).replace('\u00e9', '\\u00e9');
    for (const size of [1, 5, 64]) {
      const slices: string[] = [];
      const scanner = new JsonObjectScanner(1, (slice) => slices.push(slice));
      for (const piece of pieces(text, size)) scanner.write(piece);
      scanner.end();
      expect(slices.join('')).toBe(body);
      expect(scanner.members.map((m) => m.value)).toEqual([undefined, undefined, undefined]);
    }
  });

  it('refuses what JSON.parse refuses, with the line and column', () => {
    const bad: [string, RegExp][] = [
      ['{"a":1,}', /line 1, column 8: expected a property name/],
      ['{"a" 1}', /expected ':'/],
      ['{"a":"x\ty"}', /bad control character/],
      ['{"a":tru}', /invalid JSON at line 1/],
      ['{"a":1} x', /unexpected 'x' after the end of the object/],
      ['{"a":"\\q"}', /bad escaped character/],
      ['{\n"a":', /line 2, column 4: unexpected end of the text/],
      ['', /no JSON object/],
      ['[{"a":1}]', /^top level is an array, not one article object/],
    ];
    for (const [text, message] of bad) expect(() => scan(text, 2), text).toThrow(message);
  });
});

describe('a JSON array split into its elements as a stream', () => {
  const split = (text: string, size: number, max = 1e9): (string | null)[] => {
    const splitter = new JsonArraySplitter(max);
    const out: (string | null)[] = [];
    for (const piece of pieces(text, size)) out.push(...splitter.write(piece).map((e) => e.text));
    splitter.end();
    return out;
  };

  it('finds each element as JSON.parse does, however the text is cut (brackets and escapes in strings too)', () => {
    const text = '\uFEFF [ {"t":"a ] } [ {","n":[1,{"x":"\\"}"}]} , 2.5e3,"s,]" ,true,null,[[]] ]\n';
    const expected = JSON.parse(text.slice(1));
    for (const size of [1, 2, 3, 7, 1000])
      expect(
        split(text, size).map((e) => JSON.parse(e!)),
        String(size),
      ).toEqual(expected);
    expect(split('[]', 1)).toEqual([]);
  });

  it('reports an element past its bound without holding it, and broken structure after what came before', () => {
    expect(split(`[{"a":"${'x'.repeat(50)}"},{"b":1}]`, 4, 20)).toEqual([null, '{"b":1}']);
    for (const [text, message] of [
      ['[1,]', "after element 1: expected ',' or ']', found ']'"],
      ['{"a":1}', "expected a JSON array, found '{'"],
      ['[{"a":1}', 'the array is not closed after element 1'],
      ['[{"a":', 'the text ends inside element 1'],
      ['[1] 2', "text after the array's end: '2'"],
    ])
      expect(() => split(text, 3), text).toThrow(message);
  });
});

describe('a one-article file too big to hold', () => {
  it('reads a big JSON article as a stream, in parts: its metadata from the other members', async () => {
    const dir = tempDir();
    const text = `${PARAGRAPH}\n\n`
      .repeat(Math.ceil((STREAM_BYTES + 2 ** 20) / (PARAGRAPH.length + 2)))
      .concat('The end.');
    const file = path.join(dir, 'big.json');
    // The body first, the metadata after it, and a member too large to keep.
    fs.writeFileSync(
      file,
      JSON.stringify({ text, html: 'x'.repeat(2 ** 21), title: 'Big report', date: '1987-03-02', tags: ['money'] }),
    );
    const results = await all(file);
    expect(failures(results)).toEqual([]);
    const parts = articles(results);
    expect(parts.length).toBeGreaterThan(16);
    expect(parts.slice(0, 2).map((a) => [a.path, a.title, a.format])).toEqual([
      [file, 'Big report', 'json'],
      [`${file}#part2`, 'Big report (part 2)', 'json'],
    ]);
    expect(parts[0]).toMatchObject({ date: '1987-03-02', dateSource: 'json', tags: ['money'] });
    expect(parts[0].warnings).toContain("'html' left out: over 1,048,576 characters");
    expect(parts[0].warnings.join()).toMatch(/MB: read as a stream; stored in parts of at most 1,000,000 characters/);
    expect(parts.map((a) => a.body).join('')).toBe(text);
  });

  it('decodes a big file that is not UTF-8 as a small one is: Windows-1252, UTF-16, binary', async () => {
    const dir = tempDir();
    const text = 'Prices in Zürich rose “sharply”, the café owners said.\n\n'.repeat(
      Math.ceil((STREAM_BYTES + 2 ** 20) / 56),
    );
    const cp1252 = path.join(dir, 'old.txt');
    fs.writeFileSync(cp1252, iconv.encode(text, 'win1252'));
    const utf16 = path.join(dir, 'export.txt');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    for (const file of [cp1252, utf16]) {
      const parts = articles(await all(file));
      expect(parts.length, file).toBeGreaterThan(16);
      const read = parts.map((a) => a.body).join('');
      // Compared as a flag: a failing toBe would diff 17 MB strings for minutes.
      expect(read.split('Zürich').length - 1, file).toBe(text.split('Zürich').length - 1);
      expect(read === text, file).toBe(true);
      expect(parts[0].warnings.includes(CP1252_WARNING), file).toBe(file === cp1252);
    }
    // A big page in the charset its head declares.
    const cyrillic = path.join(dir, 'moscow.html');
    const story = 'Москва, 3 марта. Экономика растёт быстрее, чем ожидалось.';
    fs.writeFileSync(
      cyrillic,
      iconv.encode(
        `<html><head><meta charset="windows-1251"><title>Новости</title></head><body>${`<p>${story}</p>`.repeat(
          Math.ceil((STREAM_BYTES + 2 ** 20) / 60),
        )}</body></html>`,
        'windows-1251',
      ),
    );
    const pages = articles(await all(cyrillic));
    expect(pages.length).toBeGreaterThan(16);
    expect(pages[0].title).toBe('Новости');
    expect(pages[0].body.startsWith(`${story}\n\n${story}`)).toBe(true);
    expect(pages[0].warnings.some((w) => w.includes('UTF-8'))).toBe(false);
    const binary = path.join(dir, 'image.txt');
    fs.writeFileSync(binary, Buffer.alloc(STREAM_BYTES + 1024, 0x01));
    expect(failures(await all(binary))).toEqual([`${binary}: binary file`]);
  });

  it('reads a big JSON array element by element, each addressed by its place, a bad one failing alone', async () => {
    const file = path.join(tempDir(), 'export.json');
    const story = (i: number) => ({
      title: `Story ${i} "quoted" [x] {y}`,
      date: '1987-03-02',
      text: `${PARAGRAPH} ${i}`,
    });
    const n = Math.ceil((STREAM_BYTES + 2 ** 20) / JSON.stringify(story(0)).length);
    const elements = Array.from({ length: n }, (_, i) => JSON.stringify(story(i)));
    elements[2] = '{"title": "no text"}';
    fs.writeFileSync(file, `[\n${elements.join(',\n')}\n]\n`);
    const results = await all(file);
    expect(results).toHaveLength(n);
    expect(failures(results)).toEqual([
      `${file}:3: no article text: none of text, body, content, maintext is a non-empty string`,
    ]);
    const read = articles(results);
    expect(read[0]).toMatchObject({ path: `${file}:1`, title: 'Story 0 "quoted" [x] {y}', date: '1987-03-02' });
    expect(read.at(-1)).toMatchObject({ path: `${file}:${n}`, body: `${PARAGRAPH} ${n - 1}` });
    // Broken structure stops the file where it is found, the elements before it read.
    fs.writeFileSync(file, `[${elements.slice(0, n - 1).join(',')} ${elements[n - 1]}]`);
    const broken = await all(file);
    expect(articles(broken)).toHaveLength(n - 2);
    expect(failures(broken).at(-1)).toBe(`${file}: after element ${n - 1}: expected ',' or ']', found '{'`);
  });

  it('says where a big JSON file is broken, and that one without text has none', async () => {
    const dir = tempDir();
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, `{"title": "T",\n "text": "${'word '.repeat(STREAM_BYTES / 4)}"\n "date": "1987"}`);
    expect(failures(await all(broken))).toEqual([
      `${broken}: invalid JSON at line 3, column 2: expected ',' or '}' after the value of "text", found '"'`,
    ]);
    const empty = path.join(dir, 'empty.json.gz');
    fs.writeFileSync(empty, zlib.gzipSync(JSON.stringify({ title: 'T', body: ' '.repeat(STREAM_BYTES + 10) })));
    expect(failures(await all(empty))).toEqual([
      `${empty}: no article text: none of text, body, content, maintext is a non-empty string`,
    ]);
    // Gzipped to far less than its size (by the gzip trailer's count): read as a stream too.
    const small = path.join(dir, 'repeated.json.gz');
    const text = `${PARAGRAPH}\n\n`.repeat(Math.ceil((STREAM_BYTES + 10) / PARAGRAPH.length));
    fs.writeFileSync(small, zlib.gzipSync(JSON.stringify({ title: 'Repeated', text })));
    expect(fs.statSync(small).size).toBeLessThan(STREAM_BYTES / 8);
    const parts = articles(await all(small));
    expect(parts.map((a) => a.path).slice(0, 2)).toEqual([small, `${small}#part2`]);
    expect(parts.map((a) => a.body).join('')).toBe(text);
  });

  it('reads a big web page with its markup stripped as it streams, in parts: metadata from its head and JSON-LD', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.html');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(
      fd,
      '<!DOCTYPE html><html><head><title>Big page | Ledger</title><meta property="og:site_name" content="Ledger">' +
        '<script>var junk = "<p>not text</p>";</script><style>p { color: red }</style></head><body>' +
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>' +
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Big page","datePublished":"1987-03-04","author":{"name":"Jo Reporter"}}</script>' +
        '<article><h1>Big page</h1><p>First &amp; <b>foremost</b>,<br>a new line.</p><pre>  kept   as\n  written</pre>',
    );
    let written = 0;
    for (; written < STREAM_BYTES + 2 ** 20; written += PARAGRAPH.length + 7) fs.writeSync(fd, `<p>${PARAGRAPH}</p>`);
    fs.writeSync(
      fd,
      '<p hidden>Hidden text.</p><p>The very end.</p></article><footer>Copyright</footer></body></html>',
    );
    fs.closeSync(fd);
    const results = await all(file);
    expect(failures(results)).toEqual([]);
    const parts = articles(results);
    expect(parts.length).toBeGreaterThan(15);
    expect(parts[0]).toMatchObject({
      path: file,
      format: 'html',
      title: 'Big page',
      date: '1987-03-04',
      source: 'Ledger',
    });
    expect(
      parts[0].body.startsWith(`Big page\n\nFirst & foremost,\na new line.\n\n  kept   as\n  written\n\n${PARAGRAPH}`),
    ).toBe(true);
    expect(parts[1]).toMatchObject({ path: `${file}#part2`, title: 'Big page (part 2)' });
    expect(parts[0].warnings.join()).toMatch(/read as text with its markup stripped, not through Readability/);
    const whole = parts.map((a) => a.body).join('');
    expect(whole.trimEnd().endsWith(`${PARAGRAPH}\n\nThe very end.`)).toBe(true);
    for (const junk of ['Home', 'not text', 'color', 'Hidden text', 'Copyright', 'NewsArticle'])
      expect(whole, junk).not.toContain(junk);
  });

  it('reads a WARC response past 16 MB with its markup stripped, in parts: its metadata from its head, its encoding judged whole', async () => {
    const file = path.join(tempDir(), 'big.warc');
    const page = `<html><head><title>Huge page</title><meta name="date" content="2019-02-28"></head><body><nav>Menu</nav>${`<p>${PARAGRAPH}</p>`.repeat(
      Math.ceil((STREAM_BYTES + 2 ** 20) / (PARAGRAPH.length + 7)),
    )}<p>The café closed.</p></body></html>`;
    await writePageWarc(file, iconv.encode(page, 'win1252'), { url: 'https://news.example.com/huge' });
    const results = await all(file);
    expect(failures(results)).toEqual([]);
    const parts = articles(results);
    expect(parts.length).toBeGreaterThan(16);
    const [a, b] = parts;
    const id = a.path.slice(file.length);
    expect(id).toMatch(/^#urn:uuid:/);
    expect(a).toMatchObject({ title: 'Huge page', date: '2019-02-28', url: 'https://news.example.com/huge' });
    expect(b).toMatchObject({
      path: `${file}${id}#part2`,
      title: 'Huge page (part 2)',
      url: 'https://news.example.com/huge',
    });
    expect(a.body.startsWith(`${PARAGRAPH}\n\n${PARAGRAPH}`)).toBe(true);
    expect(parts.at(-1)!.body.trimEnd().endsWith(`${PARAGRAPH}\n\nThe café closed.`)).toBe(true);
    expect(a.warnings).toContain(CP1252_WARNING);
    expect(a.warnings.join()).toMatch(
      /MB page: read as text with its markup stripped, not through Readability; stored in parts of at most 1,000,000 characters/,
    );
    expect(parts.every((p) => p.body.length <= 1_000_000)).toBe(true);
  });

  it('strips a page as extractText reads its DOM, paragraph for paragraph', () => {
    const html = fs.readFileSync(path.join(FIXTURES, 'article.html'), 'utf8');
    const stream = new HtmlTextStream();
    for (const piece of pieces(html, 13)) stream.write(piece);
    stream.end();
    const dom = parseDocument(html);
    for (const el of [...dom.querySelectorAll('nav, aside, footer, form, dialog, button, select, [hidden]')])
      el.remove();
    expect(stream.take()).toBe(extractText(dom.body));
  });
});

describe('a JSON Lines record too long to parse', () => {
  it('is reported by its line and stepped over without being held; the lines around it are read', async () => {
    const file = path.join(tempDir(), 'long.jsonl');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, `${JSON.stringify({ title: 'Before', text: 'One.' })}\n{"title":"Long","text":"`);
    const chunk = `${PARAGRAPH} `.repeat(8000);
    for (let written = 0; written < 33 * 2 ** 20; written += chunk.length) fs.writeSync(fd, chunk);
    fs.writeSync(fd, `"}\n${JSON.stringify({ title: 'After', text: 'Three.' })}`);
    fs.closeSync(fd);
    const results = await all(file);
    expect(articles(results).map((a) => [a.path, a.title])).toEqual([
      [`${file}:1`, 'Before'],
      [`${file}:3`, 'After'],
    ]);
    expect(failures(results)).toEqual([
      `${file}:2: a line of 34 MB, over the 32 MB a record may be: not read (save the article as a .json file of its own to read it in parts)`,
    ]);
  });
});

describe('an SGML record far longer than a story', () => {
  it('is read whole up to 48 MB; past it the file stops there with one line, the records before it read', async () => {
    const file = path.join(tempDir(), 'long.sgm');
    const fd = fs.openSync(file, 'w');
    const record = (id: string, text: string) => `<DOC>\n<DOCNO> ${id} </DOCNO>\n<TEXT>\n${text}\n</TEXT>\n</DOC>\n`;
    fs.writeSync(fd, record('A1', 'A short story.'));
    fs.writeSync(fd, '<DOC>\n<DOCNO> A2 </DOCNO>\n<TEXT>\n');
    const block = `${PARAGRAPH}\n`.repeat(8000);
    for (let written = 0; written < 20 * 2 ** 20; written += block.length) fs.writeSync(fd, block);
    fs.writeSync(fd, '</TEXT>\n</DOC>\n');
    fs.writeSync(fd, record('A3', 'Another short story.'));
    fs.writeSync(fd, '<DOC>\n<DOCNO> A4 </DOCNO>\n<TEXT>\n');
    for (let written = 0; written < 49 * 2 ** 20; written += block.length) fs.writeSync(fd, block);
    fs.writeSync(fd, '</TEXT>\n</DOC>\n');
    fs.writeSync(fd, record('A5', 'Never read.'));
    fs.closeSync(fd);
    const results = await all(file);
    expect(articles(results).map((a) => [a.path, a.body.length > 20 * 2 ** 20])).toEqual([
      [`${file}#A1`, false],
      [`${file}#A2`, true],
      [`${file}#A3`, false],
    ]);
    expect(failures(results)).toEqual([
      `${file}:4: record 4: longer than 48 MB without its end tag (lost, or the record is far longer than a story); the rest of the file is not read`,
    ]);
  });
});

describe('a feed too big to parse whole', () => {
  const entries = async (bytes: Buffer, wholeBytes: number, size: number): Promise<Entry[]> => {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    }
    const out: Entry[] = [];
    for await (const e of feedEntries(chunks(), wholeBytes)) out.push(e);
    return out;
  };

  it('reads item by item the same articles, addresses and failures as the whole feed', async () => {
    const rdf = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://x.example/"><title>RDF Wire</title>
    <items><rdf:Seq><rdf:li resource="http://x.example/1"/></rdf:Seq></items></channel>
  <!-- an <item> in a comment is not one -->
  <item rdf:about="http://x.example/1"><title>First &amp; best</title><link>http://x.example/1</link>
    <description><![CDATA[<p>A literal </item> inside CDATA.</p>]]></description><dc:date>1987-03-01</dc:date></item>
  <item><title>Second</title><link>http://x.example/1</link><description>The same link again.</description></item>
  <item><title>No link</title><description>Plain.</description></item>
  <item><title>Empty</title></item>
</rdf:RDF>`;
    const feeds = [
      ...['world.rss', 'asia.atom', 'feed.xml', 'sitemap.xml'].map((f) => fs.readFileSync(path.join(FIXTURES, f))),
      Buffer.from(rdf),
    ];
    for (const feed of feeds) {
      const whole = await entries(feed, Number.POSITIVE_INFINITY, 1 << 20);
      expect(whole.length).toBeGreaterThan(0);
      for (const size of [7, 100]) expect(await entries(feed, 0, size)).toEqual(whole);
    }
    const rdfEntries = await entries(Buffer.from(rdf), 0, 50);
    expect(rdfEntries.map((e) => e.address)).toEqual(['#http://x.example/1', ':2', ':3', ':4']);
  });

  it('keeps the good items of a feed with a broken one, naming the broken one by its place', async () => {
    const items = ['<item><title>One</title><guid>a</guid><description>Fine.</description></item>'];
    items.push('<item><title>Two</title><description>bad <b>markup</description></item>');
    items.push('<item><title>Three</title><description>Fine too.</description></item>');
    const feed = Buffer.from(`<rss version="2.0"><channel><title>W</title>${items.join('\n')}</channel></rss>`);
    const read = await entries(feed, 0, 64);
    const said = (e: Entry) =>
      e.outcome.ok === true ? e.outcome.fields.title : 'error' in e.outcome && e.outcome.error;
    expect(read.map((e) => [e.address, said(e)])).toEqual([
      ['#a', 'One'],
      [':2', expect.stringMatching(/^invalid XML in this item: Expected closing tag 'b'/)],
      [':3', 'Three'],
    ]);
    // Parsed whole, the same feed was one failure: it is read item by item too.
    expect(await entries(feed, Number.POSITIVE_INFINITY, 64)).toEqual(read);
    // A broken channel breaks every item: the whole feed's error says where.
    const channel = Buffer.from(`<rss version="2.0"><channel><title>W</b></title>${items[0]}</channel></rss>`);
    expect((await entries(channel, Number.POSITIVE_INFINITY, 64)).map((e) => [e.address, said(e)])).toEqual([
      ['', expect.stringMatching(/^invalid XML at line 1, column \d+/)],
    ]);
  });

  it('reads an empty item as an item of its own, not the start of one running on', async () => {
    const feed = Buffer.from(
      '<rss version="2.0"><channel><title>W</title><item/><item><title>Two</title><description>Text.</description></item></channel></rss>',
    );
    const read = await entries(feed, 0, 16);
    expect(read.map((e) => [e.address, e.outcome.ok])).toEqual([
      [':1', false],
      [':2', true],
    ]);
    expect(await entries(feed, Number.POSITIVE_INFINITY, 16)).toEqual(read);
  });

  it('reports a feed cut inside an item, and one whose head holds no item', () => {
    const cut = new FeedItemSplitter();
    const done = [...cut.write('<rss><channel><item><title>A</title></item><item><title>B'), ...cut.end()];
    expect(done).toEqual([
      { feed: '<rss><channel><item><title>A</title></item></channel></rss>' },
      { error: 'the feed ends inside an <item>', item: true },
    ]);
    const none = new FeedItemSplitter();
    expect([...none.write('<rss><channel><title>A</title></channel></rss>'), ...none.end()]).toEqual([
      { error: 'no items in the feed', item: false },
    ]);
    expect(openElements('<?xml version="1.0"?><rss a="b"><channel><!-- <x> --><title>T</title><link/>')).toEqual([
      'rss',
      'channel',
    ]);
  });
});
