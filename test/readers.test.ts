import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/core/types.js';
import { parseArticles, readArticles, SUPPORTED_EXTENSIONS, type ReadResult } from '../src/ingest/read.js';
import { FORMAT_EXTENSIONS } from '../src/ingest/formats.js';
import { findAttribution, findClosingSource, findDateline } from '../src/ingest/attribution.js';
import { dateFromFilename, normalizeDate } from '../src/ingest/readers/fields.js';
import { SEEDS, SHARED, tempDir } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string): string => path.join(FIXTURES, name);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function only(results: ReadResult[]): Article {
  expect(results).toHaveLength(1);
  const [result] = results;
  if (result.ok !== true)
    throw new Error(`expected an article, got: ${result.ok === false ? result.error : result.reason}`);
  return result.article;
}

async function read(name: string, options?: { defaultDate?: string | null }): Promise<Article> {
  return only(await readArticles(fixture(name), options));
}

async function failure(name: string): Promise<string> {
  const results = await readArticles(fixture(name));
  expect(results).toHaveLength(1);
  const [result] = results;
  if (result.ok) throw new Error(`expected ${name} to fail`);
  expect(result.path).toBe(fixture(name));
  expect(result.error.startsWith(`${fixture(name)}: `)).toBe(true);
  expect(result.error).not.toContain('\n');
  return result.error.slice(fixture(name).length + 2);
}

describe('seeds', () => {
  const seed = (id: string) => readArticles(path.join(SEEDS, id));

  it('000: no title or date in the file; the date comes from seeds/corpus-meta.yaml, the closing "(With input from Reuters)" makes Reuters the source', async () => {
    const a = only(await seed('000_0e46633eb7241598.txt'));
    expect(a).toMatchObject({
      format: 'txt',
      title: null,
      date: '2019-02-15',
      dateSource: 'frontmatter',
      source: 'Reuters',
      dateline: null,
      section: null,
      tags: [],
      warnings: [],
    });
    expect(a.body).toBe(fs.readFileSync(path.join(SEEDS, '000_0e46633eb7241598.txt'), 'utf8'));
  });

  it('000 read without its folder (bytes only) has no date, and takes the --date flag', () => {
    const bytes = fs.readFileSync(path.join(SEEDS, '000_0e46633eb7241598.txt'));
    const bare = parseArticles('000_0e46633eb7241598.txt', bytes);
    expect(bare[0].ok === true && bare[0].article).toMatchObject({ date: null, dateSource: null });
    const flagged = parseArticles('000_0e46633eb7241598.txt', bytes, { defaultDate: '2019-02-14' });
    expect(flagged[0].ok === true && flagged[0].article).toMatchObject({ date: '2019-02-14', dateSource: 'flag' });
  });

  it('002: no title, date or source (its first line is a sentence)', async () => {
    const a = only(await seed('002_b0a19921b7ee4b10.txt'));
    expect(a).toMatchObject({
      title: null,
      date: '2018-04-19',
      dateSource: 'frontmatter',
      source: null,
      dateline: null,
      section: null,
    });
  });

  it('004: the header line gives date and section; the closing (Yonhap) the source; the body keeps the header', async () => {
    const a = only(await seed('004_ddf39e30f6a337f9.txt'));
    expect(a).toMatchObject({
      title: null,
      date: '2018-12-18',
      dateSource: 'header',
      section: 'NATIONAL',
      source: 'Yonhap',
      dateline: null,
    });
    expect(a.body.startsWith(' date 2018-12-18 NATIONAL\n\nSouth Korea')).toBe(true);
  });

  it('004: the header date beats --date', async () => {
    const a = only(await readArticles(path.join(SEEDS, '004_ddf39e30f6a337f9.txt'), { defaultDate: '2020-01-01' }));
    expect(a.date).toBe('2018-12-18');
    expect(a.dateSource).toBe('header');
  });

  const gold = path.join(SHARED, 'gold', 'seeds.gold.json');
  it.skipIf(!fs.existsSync(gold))('bodies are exactly the gold texts, so gold offsets apply', async () => {
    const docs = JSON.parse(fs.readFileSync(gold, 'utf8')).docs as { id: string; text: string }[];
    for (const doc of docs) expect(only(await seed(doc.id)).body).toBe(doc.text);
  });
});

describe('plain text', () => {
  it('reads the Reuters layout: title line, date line, blank line, dateline', async () => {
    const a = await read('reuters-style.txt');
    expect(a).toMatchObject({
      title: 'BAHIA COCOA REVIEW',
      date: '1987-02-26',
      dateSource: 'header',
      dateline: 'SALVADOR, Feb 26',
      source: null,
    });
    expect(a.body.startsWith('BAHIA COCOA REVIEW\ndate 1987-02-26\n\nSALVADOR')).toBe(true);
  });

  it('takes a short first line followed by a blank line as the title', async () => {
    expect((await read('2019-02-15-hanoi.txt')).title).toBe('Vietnam prepares for summit');
  });

  it('does not take a first line run into the next line as a title', async () => {
    expect((await read('headerless.txt')).title).toBeNull();
  });

  it('does not take a sentence as a title even before a blank line', () => {
    const a = only(parseArticles('x.txt', utf8('Trump said the talks would go ahead.\n\nMore text.\n')));
    expect(a.title).toBeNull();
  });

  it('reads "Key: value" header lines', () => {
    const a = only(
      parseArticles(
        'x.txt',
        utf8('Hanoi summit ends\nDate: 2019-02-28\nSource: Example Wire\nTags: summit, Hanoi\n\nThe summit ended.\n'),
      ),
    );
    expect(a).toMatchObject({
      title: 'Hanoi summit ends',
      date: '2019-02-28',
      dateSource: 'header',
      source: 'Example Wire',
      tags: ['summit', 'Hanoi'],
    });
  });

  it('ignores a header date that is not a real day', () => {
    const a = only(parseArticles('x.txt', utf8('date 2019-13-45\n\nText.\n')));
    expect(a.date).toBeNull();
  });

  it('a date inside the file beats a date in the file name', async () => {
    expect(await read('20190215_dated.txt')).toMatchObject({ date: '2019-02-20', dateSource: 'header' });
  });
});

describe('publication date fallbacks', () => {
  it('uses a date in the file name when the file has none', async () => {
    expect(await read('2019-02-15-hanoi.txt', { defaultDate: '2020-01-01' })).toMatchObject({
      date: '2019-02-15',
      dateSource: 'filename',
    });
  });

  it('uses --date when neither file nor name has one, and null without it', async () => {
    expect(await read('headerless.txt', { defaultDate: '2019-02-27' })).toMatchObject({
      date: '2019-02-27',
      dateSource: 'flag',
    });
    expect(await read('headerless.txt')).toMatchObject({ date: null, dateSource: null });
    expect(await read('headerless.txt', { defaultDate: null })).toMatchObject({ date: null, dateSource: null });
  });

  it('finds dates in file names but not in hashes or impossible days', () => {
    expect(dateFromFilename('news/2019-02-15-hanoi.txt')).toBe('2019-02-15');
    expect(dateFromFilename('20190215_x.md')).toBe('2019-02-15');
    expect(dateFromFilename('x_2019_02_15.json')).toBe('2019-02-15');
    expect(dateFromFilename('2019/02/15/story.txt')).toBeNull(); // only the base name counts
    expect(dateFromFilename('000_0e46633eb7241598.txt')).toBeNull();
    expect(dateFromFilename('ab20190215cd.txt')).toBeNull();
    expect(dateFromFilename('2019-13-45-x.txt')).toBeNull();
    expect(dateFromFilename('12019021512.txt')).toBeNull();
  });

  it('normalizes metadata dates to the day as written', () => {
    expect(normalizeDate('2019-02-14')).toBe('2019-02-14');
    expect(normalizeDate('2019-02-14T23:30:00-05:00')).toBe('2019-02-14');
    expect(normalizeDate('2019-02-14 10:00:00')).toBe('2019-02-14');
    expect(normalizeDate('20190214')).toBe('2019-02-14');
    expect(normalizeDate('Thu, 14 Feb 2019 10:00:00 GMT')).toBe('2019-02-14');
    expect(normalizeDate('February 14, 2019')).toBe('2019-02-14');
    expect(normalizeDate(1550102400)).toBe('2019-02-14');
    expect(normalizeDate(1550102400000)).toBe('2019-02-14');
    // A day written as digits, as datasets write it; a time past the years a date may have is none.
    expect(normalizeDate(19870302)).toBe('1987-03-02');
    expect(normalizeDate(1e15)).toBeNull();
    expect(normalizeDate(new Date(1e15))).toBeNull();
    expect(normalizeDate('2019-13-45')).toBeNull();
    expect(normalizeDate('2019-02-29')).toBeNull();
    expect(normalizeDate('2020-02-29')).toBe('2020-02-29');
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate(null)).toBeNull();
  });
});

describe('encodings', () => {
  it('reads Windows-1252 text with a warning on the article', async () => {
    const a = await read('cp1252.txt');
    expect(a.body).toBe('Kim said “peace” would cost €5 billion – or more.\n');
    expect(a.warnings).toEqual(['not valid UTF-8; decoded as Windows-1252']);
  });

  it('drops a UTF-8 BOM and honours UTF-16 BOMs', async () => {
    expect((await read('utf8-bom.txt')).body).toBe('Café talks in Hanoi.\n');
    expect((await read('utf16le-bom.txt')).body).toBe('Kim — Trump talks\r\nin Hanoi.\r\n');
    expect((await read('utf16be-bom.txt')).body).toBe('Kim — Trump talks in Hanoi.\n');
  });

  it('fails binary and empty files with one-line errors', async () => {
    expect(await failure('binary.txt')).toBe('binary file');
    expect(await failure('empty.txt')).toBe('empty file');
    expect(await failure('blank.md')).toBe('empty file');
  });
});

describe('markdown', () => {
  it('reads YAML front matter; the body is the text after it', async () => {
    const a = await read('front-matter.md');
    expect(a).toMatchObject({
      format: 'md',
      title: 'Pompeo meets Kang in Warsaw',
      date: '2019-02-14',
      dateSource: 'frontmatter',
      source: 'Example Wire',
      section: 'Diplomacy',
      tags: ['North Korea', 'summit'],
    });
    expect(a.body).toBe(
      'The top diplomats of South Korea and the United States met on Thursday.\n\nThey discussed the second summit.\n',
    );
  });

  it('fails broken YAML with the line and the cause', async () => {
    expect(await failure('broken-yaml.md')).toBe(
      'invalid YAML front matter at line 2, column 8: Nested mappings are not allowed in compact mappings',
    );
  });

  it('fails front matter that is never closed', async () => {
    expect(await failure('unclosed.md')).toMatch(/never closed/);
  });

  it('never evaluates ---js front matter: it is plain body text', async () => {
    const a = await read('js-front-matter.md');
    expect(a.title).toBeNull();
    expect(a.body.startsWith('---js\n')).toBe(true);
  });

  it('takes the first heading as title and finds the dateline after it', async () => {
    const a = await read('heading.md');
    expect(a).toMatchObject({
      title: 'Hanoi summit collapses',
      dateline: 'HANOI, Feb 28 (Reuters)',
      source: 'Reuters',
    });
  });

  it('reads a text file whose lines end in a lone CR (old Mac) as lines: its headline and date', () => {
    const text = 'OIL PRICES RISE\rdate 1987-03-02\r\rOil rose in London on Monday.\r';
    const a = only(parseArticles('mac.txt', utf8(text)));
    expect(a).toMatchObject({ title: 'OIL PRICES RISE', date: '1987-03-02' });
    // One character for one: offsets into the file are offsets into the body.
    expect(a.body).toHaveLength(text.length);
    expect(a.body.indexOf('Oil rose')).toBe(text.indexOf('Oil rose'));
  });

  it('accepts the .markdown extension, CRLF fences and a date it cannot use (with a warning)', () => {
    const a = only(parseArticles('notes.markdown', utf8('---\r\ntitle: T\r\ndate: next week\r\n---\r\nBody.\r\n')));
    expect(a).toMatchObject({ format: 'md', title: 'T', date: null, body: 'Body.\r\n' });
    expect(a.warnings[0]).toMatch(/not a valid date/);
  });

  it('fails front matter that is not a mapping', () => {
    const [r] = parseArticles('list.md', utf8('---\n- a\n- b\n---\nBody.\n'));
    expect(r).toEqual({
      ok: false,
      path: 'list.md',
      error: 'list.md: front matter is not a YAML mapping of keys to values',
    });
  });
});

describe('html', () => {
  it('extracts the article without navigation, scripts, styles or page furniture', async () => {
    const a = await read('article.html');
    expect(a.body).toBe(
      'WASHINGTON (AP) — President Donald Trump said on Friday that his second summit with Kim Jong Un will be held in Hanoi on Feb. 27 and 28.\n\n' +
        '“I look forward to seeing Chairman Kim,” Trump wrote.\nThe talks follow the Singapore summit.\n\n' +
        'First item\n\nSecond & last item',
    );
    for (const junk of ['SCRIPT', 'STYLE', 'ASIDE', 'FOOTER', 'NOSCRIPT', 'Politics', 'Example News home', 'Search'])
      expect(a.body).not.toContain(junk);
  });

  it('reads Open Graph and article metadata', async () => {
    const a = await read('article.html');
    expect(a).toMatchObject({
      format: 'html',
      title: 'Trump and Kim to meet in Hanoi',
      date: '2019-02-08',
      dateSource: 'header',
      source: 'Example News',
      section: 'World',
      tags: ['North Korea', 'diplomacy'],
      dateline: 'WASHINGTON (AP)',
    });
  });

  it('falls back on <title>, a date meta tag and the text dateline (.htm); the headline is not repeated in the body', async () => {
    const a = await read('plain-page.htm');
    expect(a).toMatchObject({
      title: 'Seoul and Washington hold talks',
      date: '2018-12-18',
      dateSource: 'header',
      source: 'Yonhap',
      dateline: 'SEOUL, Dec. 18 (Yonhap)',
    });
    expect(a.body).toBe(
      'SEOUL, Dec. 18 (Yonhap) -- South Korea and the United States will hold talks this week.\n\nOfficials said the talks would cover sanctions.',
    );
  });

  it('reads JSON-LD metadata and prefers the marked article body', async () => {
    const a = await read('jsonld.html');
    expect(a).toMatchObject({
      title: 'Summit ends without a deal',
      date: '2019-02-28',
      source: 'Daily Wire Service',
      section: 'Asia',
      tags: ['summit', 'Hanoi'],
    });
    expect(a.body).toBe('The summit in Hanoi ended early.\n\nNo agreement was signed.');
  });

  it('strips the site name from <title> and takes the first <time datetime>', () => {
    const html =
      '<html><head><title>Talks resume - The Daily</title><meta property="og:site_name" content="The Daily"></head>' +
      '<body><p><time datetime="2019-03-01T08:00">March 1</time> Talks resumed.</p></body></html>';
    expect(only(parseArticles('p.html', utf8(html)))).toMatchObject({
      title: 'Talks resume',
      date: '2019-03-01',
      source: 'The Daily',
    });
  });

  it('fails a page without text', () => {
    const [r] = parseArticles('nav.html', utf8('<html><body><nav>Home</nav><script>x()</script></body></html>'));
    expect(r).toEqual({ ok: false, path: 'nav.html', error: 'nav.html: no article text in the HTML' });
    const [script] = parseArticles(
      'script.html',
      utf8('<html><head><title>App</title></head><body><script>render("story")</script></body></html>'),
    );
    expect(script).toEqual({ ok: false, path: 'script.html', error: 'script.html: no article text in the HTML' });
  });
});

describe('json and json lines', () => {
  it('reads one article from .json with the alternative field names', async () => {
    const a = await read('article.json');
    expect(a).toMatchObject({
      format: 'json',
      title: 'Moon welcomes summit plan',
      date: '2019-02-09',
      dateSource: 'json',
      source: 'Yonhap',
      dateline: 'SEOUL, Feb 9',
      tags: ['summit', 'diplomacy'],
      body: 'President Moon Jae-in welcomed the plan on Saturday.\nHe said peace was near.',
    });
  });

  it('fails malformed JSON with the position and cause', async () => {
    expect(await failure('bad.json')).toBe('invalid JSON at line 1, column 31: Expected double-quoted property name');
  });

  it("reads a .json array of articles, or a news API's list of them, each addressed by its place", async () => {
    const dir = tempDir();
    const array = path.join(dir, 'export.json');
    fs.writeFileSync(
      array,
      JSON.stringify([
        { title: 'Oil rises', date: '2024-03-01', text: 'Oil rose in London.' },
        { title: 'No text' },
        { title: 'Gold falls', text: 'Gold fell in Zurich.' },
      ]),
    );
    const results = await readArticles(array);
    expect(results.map((r) => [r.ok, r.ok === true ? r.article.path : r.path])).toEqual([
      [true, `${array}:1`],
      [false, `${array}:2`],
      [true, `${array}:3`],
    ]);
    expect(results[0]).toMatchObject({ article: { format: 'json', title: 'Oil rises', date: '2024-03-01' } });
    expect(results[1]).toMatchObject({
      error: `${array}:2: no article text: none of text, body, content, maintext is a non-empty string`,
    });
    const api = path.join(dir, 'newsapi.json');
    fs.writeFileSync(
      api,
      JSON.stringify({
        status: 'ok',
        totalResults: 1,
        articles: [
          {
            source: { id: 'reuters', name: 'Reuters' },
            author: 'Jane Doe',
            title: 'Oil rises',
            url: 'https://news.example.com/oil',
            publishedAt: '2024-03-01T10:00:00Z',
            content: 'LONDON (Reuters) - Oil prices rose on Friday.',
          },
        ],
      }),
    );
    expect((await readArticles(api)).map((r) => (r.ok === true ? r.article : r))).toMatchObject([
      {
        path: `${api}:1`,
        source: 'Reuters',
        author: 'Jane Doe',
        date: '2024-03-01',
        url: 'https://news.example.com/oil',
      },
    ]);
    // An object with two lists of objects is not guessed at; an empty array holds no article.
    const two = path.join(dir, 'two.json');
    fs.writeFileSync(two, JSON.stringify({ a: [{ text: 'x' }], b: [{ text: 'y' }] }));
    expect(await readArticles(two)).toMatchObject([{ ok: false }]);
    const empty = path.join(dir, 'empty.json');
    fs.writeFileSync(empty, '[]');
    expect(await readArticles(empty)).toMatchObject([
      { ok: false, error: `${empty}: top level is an array with no article object in it` },
    ]);
  });

  it('fails an article without body text', async () => {
    expect(await failure('no-body.json')).toBe(
      'no article text: none of text, body, content, maintext is a non-empty string',
    );
  });

  it('reads .jsonl line by line: bad lines fail alone, blank lines are skipped', async () => {
    const file = fixture('articles.jsonl');
    const results = await readArticles(file);
    const summary = results.map((r) =>
      r.ok === true
        ? [r.article.path, r.article.title, r.article.date, r.article.dateSource, r.article.source]
        : [r.path, r.ok === false ? r.error : r.reason],
    );
    expect(summary).toEqual([
      [`${file}:1`, 'First', '2019-02-27', 'json', null],
      [`${file}:3`, `${file}:3: invalid JSON: Unexpected end of JSON input`],
      [`${file}:4`, `${file}:4: no article text: none of text, body, content, maintext is a non-empty string`],
      [`${file}:5`, 'Third', '2019-02-28', 'json', 'AP'],
      [`${file}:6`, `${file}:6: expected a JSON object, got an array`],
      [`${file}:7`, 'Bad date', null, null, null],
    ]);
    const last = results[5];
    expect(last.ok === true && last.article.warnings).toEqual(['date "2019-13-45" is not a valid date; ignored']);
    expect(results.every((r) => (r.ok === true ? r.article.format === 'jsonl' : true))).toBe(true);
  });

  it('gives JSON Lines articles the date of the file name when a line has none', () => {
    const results = parseArticles('2019-02-27-feed.jsonl', utf8('{"text": "Trump arrived."}\n'));
    expect(only(results)).toMatchObject({
      path: '2019-02-27-feed.jsonl:1',
      date: '2019-02-27',
      dateSource: 'filename',
    });
  });
});

describe('attribution', () => {
  it('finds wire datelines and their agencies', () => {
    expect(findDateline('SALVADOR, Feb 26 - Showers continued')).toEqual({
      dateline: 'SALVADOR, Feb 26',
      source: null,
    });
    expect(findDateline('SEOUL, Dec 18 (Yonhap) -- South Korea said')).toEqual({
      dateline: 'SEOUL, Dec 18 (Yonhap)',
      source: 'Yonhap',
    });
    expect(findDateline('WASHINGTON (AP) — The State Department')).toEqual({
      dateline: 'WASHINGTON (AP)',
      source: 'AP',
    });
    expect(findDateline('KANSAS CITY, Mo., MARCH 2 - Shares')).toEqual({
      dateline: 'KANSAS CITY, Mo., MARCH 2',
      source: null,
    });
    expect(findDateline('Seoul, Feb. 9 (Xinhua) -- Talks')).toEqual({
      dateline: 'Seoul, Feb. 9 (Xinhua)',
      source: 'Xinhua',
    });
    expect(findDateline('HANOI - The summit')).toEqual({ dateline: 'HANOI', source: null });
    expect(findDateline('BERLIN, March 3 (dpa) - Talks')).toEqual({ dateline: 'BERLIN, March 3 (dpa)', source: 'dpa' });
    expect(findDateline('AMSTERDAM, 2 March - Dutch imports')).toEqual({
      dateline: 'AMSTERDAM, 2 March',
      source: null,
    });
  });

  it("reads AP's old wire dash, a spaced underscore", () => {
    expect(findDateline('NAIROBI, Kenya (AP) _ Police questioned two men.')).toEqual({
      dateline: 'NAIROBI, Kenya (AP)',
      source: 'AP',
    });
    // AQUAINT writes it at the end of the dateline's own line, with an agency or without one.
    expect(findDateline('UNITED NATIONS (AP) _\n\nThe Security Council met.')).toEqual({
      dateline: 'UNITED NATIONS (AP)',
      source: 'AP',
    });
    expect(findDateline('MIAMI _\n\nThe angry crowd rushed.')).toEqual({ dateline: 'MIAMI', source: null });
    expect(findDateline('AP_ACCESS is down.')).toBeNull();
  });

  it('does not mistake ordinary openings for datelines', () => {
    expect(findDateline('U.S.-China talks resumed on Monday.')).toBeNull();
    expect(findDateline('South Korea and the United States - allies - met.')).toBeNull();
    expect(findDateline('OPEN HIGH LOW\nVLI -- 27380 27100')).toBeNull();
    expect(findDateline('The top diplomats met.')).toBeNull();
  });

  it('finds closing credits but not agencies merely mentioned', () => {
    expect(findClosingSource('Talks continue. (Yonhap)\n')).toBe('Yonhap');
    expect(findClosingSource('Talks continue.\n(With input from Reuters)\n')).toBe('Reuters');
    expect(findClosingSource('Talks continue. (Reporting by Jane Doe; Editing by John Roe)')).toBeNull();
    expect(findClosingSource('Talks continue. (With inputs from agencies)')).toBeNull();
    expect(findClosingSource('Shares were unchanged (UNCH)')).toBeNull();
    expect(findClosingSource('Yonhap reported the talks would continue.')).toBeNull();
    expect(findClosingSource('Prices rose 2 pct.\n Reuter\n')).toBe('Reuters');
    // The wire's sign-off in any case, continued (`...`), or after the last sentence on its line.
    expect(findClosingSource('Prices rose 2 pct.\n REUTER...\n')).toBe('Reuters');
    expect(findClosingSource('Prices rose 2 pct. reuter')).toBe('Reuters');
    expect(findClosingSource('He said he had told Reuter')).toBeNull();
    expect(findClosingSource('The report was written by Peter Reuter')).toBeNull();
    expect(findAttribution('SEOUL, Dec 18 (Yonhap) -- Talks.\n(With input from Reuters)')).toEqual({
      dateline: 'SEOUL, Dec 18 (Yonhap)',
      source: 'Yonhap',
    });
  });

  it('metadata source wins over the text attribution', () => {
    const a = only(
      parseArticles('a.json', utf8('{"source": "Example Wire", "text": "SEOUL, Dec 18 (Yonhap) -- Talks."}')),
    );
    expect(a).toMatchObject({ source: 'Example Wire', dateline: 'SEOUL, Dec 18 (Yonhap)' });
  });
});

describe('file errors', () => {
  it('reports missing files, directories and unsupported types on one line', async () => {
    const dir = tempDir();
    const missing = path.join(dir, 'missing.txt');
    expect(await readArticles(missing)).toEqual([{ ok: false, path: missing, error: `${missing}: no such file` }]);
    const sub = path.join(dir, 'folder.txt');
    fs.mkdirSync(sub);
    expect(await readArticles(sub)).toEqual([{ ok: false, path: sub, error: `${sub}: is a directory` }]);
    const pdf = path.join(dir, 'paper.pdf');
    fs.writeFileSync(pdf, Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n\x00\x00stream', 'latin1'));
    expect(await readArticles(pdf)).toEqual([
      {
        ok: false,
        path: pdf,
        error: `${pdf}: unsupported file type '.pdf' (supported: ${FORMAT_EXTENSIONS.join(', ')}, any of them gzipped)`,
      },
    ]);
  });

  it('reads a text file with an unknown extension as plain text, with a warning', async () => {
    const file = path.join(tempDir(), 'wire.log');
    fs.writeFileSync(file, 'HANOI, Feb 28 (Reuters) - The summit ended.\n');
    const a = only(await readArticles(file));
    expect(a).toMatchObject({
      format: 'txt',
      source: 'Reuters',
      warnings: ["unknown extension '.log'; read as plain text"],
    });
  });

  it.skipIf(process.getuid?.() === 0)('reports unreadable files', async () => {
    const file = path.join(tempDir(), 'secret.txt');
    fs.writeFileSync(file, 'text');
    fs.chmodSync(file, 0o000);
    expect(await readArticles(file)).toEqual([{ ok: false, path: file, error: `${file}: permission denied` }]);
  });

  it('accepts extensions in any case and lists the supported ones', () => {
    expect(FORMAT_EXTENSIONS).toEqual([
      '.txt',
      '.md',
      '.markdown',
      '.html',
      '.htm',
      '.json',
      '.jsonl',
      '.csv',
      '.tsv',
      '.tab',
      '.rss',
      '.atom',
      '.xml',
      '.warc',
      '.warc.gz',
      '.sgm',
      '.sgml',
    ]);
    // A folder walk also takes each of them gzipped, but WARC, which reads its own.
    expect(SUPPORTED_EXTENSIONS).toEqual([
      ...FORMAT_EXTENSIONS,
      ...FORMAT_EXTENSIONS.filter((e) => !['.warc', '.warc.gz'].includes(e)).map((e) => `${e}.gz`),
    ]);
    expect(only(parseArticles('UPPER.TXT', utf8('Hello world.\n'))).format).toBe('txt');
  });

  it('never throws, whatever the bytes', () => {
    const junk = [
      new Uint8Array([0xff, 0xfe, 0x00]),
      utf8('<<<>>>'),
      utf8('{'),
      utf8('---\n: : :\n---\n'),
      utf8('\u0000'),
    ];
    for (const ext of SUPPORTED_EXTENSIONS) {
      for (const bytes of junk) {
        const results = parseArticles(`junk${ext}`, bytes);
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) if (r.ok === false) expect(r.error).not.toContain('\n');
      }
    }
  });
});
