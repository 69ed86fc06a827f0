/**
 * The readers added with the input-format registry — web pages through Readability, CSV/TSV, RSS
 * and Atom feeds, WARC archives — on real files, through the same entry point ingest uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { articlesOf, STREAM_BYTES } from '../src/ingest/stream.js';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/core/types.js';
import { articleCountHint, readArticles, type ReadResult } from '../src/ingest/read.js';
import { containerOf, formatFor } from '../src/ingest/formats.js';
import { parseColumnsOption } from '../src/ingest/columns.js';
import { tempDir } from './helpers.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { writePageWarc, writeWarc } from './warc-fixture.js';
import iconv from 'iconv-lite';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string): string => path.join(FIXTURES, name);

const articles = (results: ReadResult[]): Article[] => results.flatMap((r) => (r.ok === true ? [r.article] : []));
const failures = (results: ReadResult[]): string[] => results.flatMap((r) => (r.ok === false ? [r.error] : []));

describe('web pages (Readability)', () => {
  it('keeps the story of a div-built page and drops its navigation, cookie banner, share bar, rails and footer', async () => {
    const [a] = articles(await readArticles(fixture('boilerplate.html')));
    expect(a.body.split('\n\n')).toHaveLength(4);
    expect(a.body.startsWith('DETROIT, March 4 (Ledger) - Carmakers')).toBe(true);
    expect(a.body.endsWith('second half of the year.')).toBe(true);
    for (const junk of [
      'Facebook',
      'Share on Twitter',
      'Email',
      'cookies',
      'Elon Musk',
      'Tesla',
      'Taylor Swift',
      'Most read',
      'Related',
      'Warren Buffett',
      'Privacy policy',
      'All rights reserved',
      'Technology',
      'By Jane Doe',
      'Autos',
    ]) {
      expect(a.body).not.toContain(junk);
    }
  });

  it('reads title, date, site name, byline, section and URL from the metadata (JSON-LD, canonical link)', async () => {
    const [a] = articles(await readArticles(fixture('boilerplate.html')));
    expect(a).toMatchObject({
      format: 'html',
      title: 'Carmakers brace for tariffs as talks stall',
      date: '2019-03-04',
      dateSource: 'header',
      source: 'The Daily Ledger',
      author: 'Jane Doe',
      section: 'Business',
      dateline: 'DETROIT, March 4 (Ledger)',
      url: 'https://ledger.example.com/business/2019/03/04/carmakers-tariffs',
    });
  });
});

describe('a declared charset (web pages, feeds, web archives)', () => {
  const STORY = 'Москва, 3 марта. Президент заявил, что экономика растёт быстрее, чем ожидалось.';
  const page = (head: string) =>
    `<html><head>${head}<title>Новости дня</title></head><body><article><p>${STORY}</p><p>${STORY}</p></article></body></html>`;

  it('reads a page in the charset its meta element declares, without a warning', async () => {
    const dir = tempDir();
    const cases: [string, string, string][] = [
      ['koi8.html', '<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">', 'koi8-r'],
      ['cp1251.html', '<meta charset="windows-1251">', 'windows-1251'],
      ['sjis.html', '<meta charset=shift_jis>', 'shift_jis'],
    ];
    for (const [name, head, charset] of cases) {
      const file = path.join(dir, name);
      const text = charset === 'shift_jis' ? page(head).replace(/Новости дня/, '東京株式市場') : page(head);
      fs.writeFileSync(file, iconv.encode(text, charset));
      const [a] = articles(await readArticles(file));
      expect(a.title, name).toBe(charset === 'shift_jis' ? '東京株式市場' : 'Новости дня');
      expect(a.warnings, name).toEqual([]);
      if (charset !== 'shift_jis') expect(a.body, name).toBe(`${STORY}\n\n${STORY}`);
    }
    // A page that is valid UTF-8 is UTF-8 whatever it declares; an unknown charset is detected, as none.
    const lying = path.join(dir, 'lying.html');
    fs.writeFileSync(lying, page('<meta charset="iso-8859-5">'));
    expect(articles(await readArticles(lying))[0]).toMatchObject({ title: 'Новости дня', warnings: [] });
    const unknown = path.join(dir, 'unknown.html');
    fs.writeFileSync(unknown, iconv.encode(page('<meta charset="x-no-such">'), 'koi8-r'));
    expect(articles(await readArticles(unknown))[0]).toMatchObject({
      title: 'Новости дня',
      warnings: ['not valid UTF-8; decoded as KOI8-R, detected from its bytes'],
    });
  });

  it('reads a feed a Windows tool wrote in UTF-16, with a BOM or without', async () => {
    const dir = tempDir();
    const xml =
      '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Лента</title><item><title>Новости дня</title><guid>a1</guid><description>Oil rose in Москва.</description></item></channel></rss>';
    const le = path.join(dir, 'le.rss');
    fs.writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    const be = path.join(dir, 'be.xml');
    fs.writeFileSync(be, Buffer.from(xml, 'utf16le').swap16());
    for (const file of [le, be])
      expect(articles(await readArticles(file)), file).toMatchObject([
        { path: `${file}#a1`, title: 'Новости дня', body: 'Oil rose in Москва.' },
      ]);
  });

  it('reads a feed by its XML declaration, and a web archive page by its Content-Type header', async () => {
    const dir = tempDir();
    const feed = path.join(dir, 'news.xml');
    fs.writeFileSync(
      feed,
      iconv.encode(
        `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Лента</title><item><title>Новости дня</title><guid>a1</guid><description>${STORY}</description></item></channel></rss>`,
        'windows-1251',
      ),
    );
    expect(articles(await readArticles(feed))).toMatchObject([{ title: 'Новости дня', body: STORY, warnings: [] }]);
    const warc = path.join(dir, 'pages.warc');
    await writePageWarc(warc, iconv.encode(page(''), 'koi8-r'), { contentType: 'text/html; charset=koi8-r' });
    const read: Article[] = [];
    for await (const r of articlesOf(warc)) if (r.ok === true) read.push(r.article);
    expect(read).toMatchObject([{ title: 'Новости дня', body: `${STORY}\n\n${STORY}`, warnings: [] }]);
  });
});

describe('CSV and TSV', () => {
  it('reads one article a row: quoted newlines and doubled quotes, the usual column names, url and id kept', async () => {
    const file = fixture('news.csv');
    const results = await readArticles(file);
    const [hanoi, moon, badDate] = articles(results);
    expect(hanoi).toMatchObject({
      path: `${file}:2`,
      format: 'csv',
      title: 'Summit in Hanoi ends early',
      date: '2019-02-28',
      dateSource: 'json',
      source: 'Example Wire',
      author: 'Jane Doe',
      url: 'https://example.com/hanoi-summit',
      externalId: '17283',
      dateline: 'HANOI, Feb 28 (Example Wire)',
    });
    expect(hanoi.body).toBe(
      'HANOI, Feb 28 (Example Wire) - The second summit between Donald Trump and Kim Jong Un ended early on Thursday.\n\nBoth sides said talks would continue.',
    );
    // The quoted field spans lines 2-4: the next row starts on line 5.
    expect(moon).toMatchObject({
      path: `${file}:5`,
      title: 'Moon says "peace is near"',
      source: 'Daily Seoul',
      author: null,
    });
    expect(badDate).toMatchObject({
      path: `${file}:8`,
      date: null,
      warnings: ['date "sometime in March" is not a valid date; ignored'],
    });
  });

  it('reports a broken row on one line with its line number and reads the rows after it', async () => {
    const file = fixture('news.csv');
    const results = await readArticles(file);
    expect(failures(results)).toEqual([
      `${file}:6: broken row: 8 fields, the header has 7`,
      `${file}:7: no article text: the text column is empty`,
    ]);
    expect(results.map((r) => (r.ok === true ? r.article.path : r.path))).toEqual(
      [2, 5, 6, 7, 8].map((n) => `${file}:${n}`),
    );
  });

  it('reads TSV with other header names (headline, body, published)', async () => {
    const [a] = articles(await readArticles(fixture('wire.tsv')));
    expect(a).toMatchObject({
      format: 'tsv',
      title: 'Talks resume',
      date: '2019-03-05',
      source: 'Yonhap',
      body: 'Officials from both Koreas met in Panmunjom.',
    });
  });

  it('--columns overrides the guess; a file without a text column is one failure naming its columns', async () => {
    const file = path.join(tempDir(), 'export.csv');
    fs.writeFileSync(file, 'summary,story_text,when\r\n"Short","The long text of the story.",2019-04-01\r\n');
    expect(failures(await readArticles(file))).toEqual([
      `${file}: no article text column: none of content, text, body, article in the header (columns: summary, story_text, when); name it with --columns text=COLUMN`,
    ]);
    const columns = parseColumnsOption('text=story_text,date=when,title=summary');
    const [a] = articles(await readArticles(file, { columns }));
    expect(a).toMatchObject({
      path: `${file}:2`,
      title: 'Short',
      date: '2019-04-01',
      body: 'The long text of the story.',
    });
    expect(failures(await readArticles(file, { columns: parseColumnsOption('body=nope') }))).toEqual([
      `${file}: no column 'nope' for text (columns: summary, story_text, when)`,
    ]);
    expect(() => parseColumnsOption('colour=red')).toThrow(/unknown field 'colour'/);
    expect(() => parseColumnsOption('text')).toThrow(/not FIELD=COLUMN/);
  });

  it("reads a semicolon CSV as Excel writes it in most of Europe, and Excel's sep= hint line", async () => {
    const dir = tempDir();
    const semi = path.join(dir, 'export.csv');
    fs.writeFileSync(semi, 'Titel;Datum;text\nÖl steigt;2024-03-01;"Der Ölpreis stieg; Händler sagten es."\n');
    const hinted = path.join(dir, 'hinted.csv');
    fs.writeFileSync(hinted, 'sep=|\ntitle|date|text\nOil rises|2024-03-01|Oil rose, traders said.\n');
    // Commas are the delimiter where the header has more of them, whatever its quoted fields hold.
    const comma = path.join(dir, 'comma.csv');
    fs.writeFileSync(comma, 'title,"notes; more; still more",text\nOil rises,a;b,Oil rose.\n');
    const read = async (file: string) => {
      const out: Article[] = [];
      for await (const r of articlesOf(file)) if (r.ok === true) out.push(r.article);
      return out;
    };
    expect(await read(semi)).toMatchObject([{ path: `${semi}:2`, body: 'Der Ölpreis stieg; Händler sagten es.' }]);
    expect(await read(hinted)).toMatchObject([
      { path: `${hinted}:3`, title: 'Oil rises', date: '2024-03-01', body: 'Oil rose, traders said.' },
    ]);
    expect(await read(comma)).toMatchObject([{ title: 'Oil rises', body: 'Oil rose.' }]);
    expect(articles(await readArticles(semi))).toHaveLength(1);
  });

  it('decodes a Windows-1252 export (warning once) and a UTF-16 one with a BOM', async () => {
    const dir = tempDir();
    const cp = path.join(dir, 'legacy.csv');
    fs.writeFileSync(
      cp,
      Buffer.from(
        'title,content\nCaf\xe9 opens,The caf\xe9 in Z\xfcrich opened \x93today\x94.\nSecond,Plain text.\n',
        'latin1',
      ),
    );
    const [first, second] = articles(await readArticles(cp));
    expect(first).toMatchObject({
      title: 'Café opens',
      body: 'The café in Zürich opened “today”.',
      warnings: ['not valid UTF-8; decoded as Windows-1252'],
    });
    expect(second.warnings).toEqual([]);
    const u16 = path.join(dir, 'unicode.tsv');
    fs.writeFileSync(
      u16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title\tbody\nZürich\tText über Zürich.\n', 'utf16le')]),
    );
    expect(articles(await readArticles(u16))).toMatchObject([
      { title: 'Zürich', body: 'Text über Zürich.', warnings: [] },
    ]);
  });

  it('reads a stray Windows-1252 byte past the sniffed start as that, not as U+FFFD, and says where it is', async () => {
    const file = path.join(tempDir(), 'late.csv');
    const rows = Array.from({ length: 2000 }, (_, i) => `Story ${i},Prices in Zürich rose sharply on day ${i}.`);
    const head = Buffer.from(`title,content\n${rows.join('\n')}\n`);
    expect(head.length).toBeGreaterThan(64 * 1024);
    fs.writeFileSync(file, Buffer.concat([head, Buffer.from('Café story,The Z\xfcrich café closed.\n', 'latin1')]));
    const read: Article[] = [];
    for await (const r of articlesOf(file)) if (r.ok === true) read.push(r.article);
    expect(read).toHaveLength(2001);
    expect(read.at(-1)!.body).toBe('The Zürich café closed.');
    const warnings = read.flatMap((a) => a.warnings);
    expect(warnings).toEqual([
      `not valid UTF-8; decoded as UTF-8 with the invalid bytes as Windows-1252 (the first at byte ${(head.length + 3).toLocaleString('en-US')} of the file)`,
    ]);
  });

  it('gives a count hint for progress in articles', async () => {
    expect(await articleCountHint(fixture('news.csv'))).toBe(5); // rows, not lines: one row spans three
    expect(await articleCountHint(fixture('boilerplate.html'))).toBe(1);
  });
});

describe('RSS and Atom feeds', () => {
  it('reads an RSS 2.0 feed: one article an item, content:encoded over description, HTML reduced to text', async () => {
    const file = fixture('world.rss');
    const results = await readArticles(file);
    const [summit, markets] = articles(results);
    expect(summit).toMatchObject({
      path: `${file}#example-2019-0227-001`,
      format: 'rss',
      title: 'Trump and Kim meet in Hanoi',
      date: '2019-02-27',
      source: 'Example News - World',
      url: 'https://news.example.com/world/hanoi-summit',
      externalId: 'example-2019-0227-001',
      author: 'Jane Doe',
      tags: ['Asia'],
      body: 'HANOI (Example) — Donald Trump and Kim Jong Un met for dinner on Wednesday.\n\nTalks continue on Thursday.',
    });
    // No guid: addressed by its link; the escaped HTML of the description is decoded once, as HTML.
    expect(markets).toMatchObject({
      path: `${file}#https://news.example.com/markets/steady`,
      externalId: null,
      body: 'Asian shares were steady & calm.',
    });
    expect(failures(results)).toEqual([
      `${file}#https://news.example.com/empty: no article text: item 'Headline only' has no description or content`,
    ]);
  });

  it('reads an Atom feed: the alternate link, published over updated, the summary when there is no content', async () => {
    const file = fixture('asia.atom');
    const [deal, leaves] = articles(await readArticles(file));
    expect(deal).toMatchObject({
      path: `${file}#tag:asia.example.org,2019:summit-1`,
      format: 'atom',
      title: 'Summit ends without a deal',
      date: '2019-02-28',
      source: 'Asia Desk',
      url: 'https://asia.example.org/2019/02/28/summit',
      externalId: 'tag:asia.example.org,2019:summit-1',
      author: 'Le Van',
      tags: ['diplomacy'],
      body: 'The Hanoi summit ended without an agreement.\n\nBoth delegations left early.',
    });
    expect(leaves).toMatchObject({
      date: '2019-03-02',
      url: 'https://asia.example.org/2019/03/02/kim-leaves',
      body: 'Kim Jong Un left Dong Dang by train on Saturday.',
    });
  });

  it('reads Atom text constructs of every type: inline xhtml, escaped html in CDATA, plain text with entities', async () => {
    const file = path.join(tempDir(), 'types.atom');
    fs.writeFileSync(
      file,
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>
<entry><title>A</title><id>urn:a</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First &amp; <b>bold</b> para.</p><p>Second.</p></div></content></entry>
<entry><title>B</title><id>urn:b</id><summary>Plain &lt;not a tag&gt; &amp; text</summary></entry>
<entry><title>C</title><id>urn:c</id><content type="html"><![CDATA[<p>In CDATA &amp; more</p>]]></content></entry></feed>`,
    );
    expect(articles(await readArticles(file)).map((a) => a.body)).toEqual([
      'First & bold para.\n\nSecond.',
      'Plain <not a tag> & text',
      'In CDATA & more',
    ]);
  });

  it('reads .xml with a feed root and reports other XML on one line', async () => {
    expect(articles(await readArticles(fixture('feed.xml')))).toMatchObject([
      { format: 'rss', title: 'One', date: '2019-03-01' },
    ]);
    const sitemap = fixture('sitemap.xml');
    expect(await readArticles(sitemap)).toEqual([
      { ok: false, path: sitemap, error: `${sitemap}: not a news feed or article (the root element is <urlset>)` },
    ]);
  });

  it('reports malformed XML with its line', async () => {
    const file = path.join(tempDir(), 'broken.rss');
    fs.writeFileSync(file, '<rss version="2.0"><channel>\n<item><title>A</title>\n</channel></rss>');
    const [error] = failures(await readArticles(file));
    expect(error).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid XML at line 3, column \\d+: `),
    );
  });
});

describe('SGML news collections', () => {
  const trec = [
    '<DOC>',
    '<DOCNO> APW19980601.0003 </DOCNO>',
    '<DOCTYPE> NEWS STORY </DOCTYPE>',
    '<DATE_TIME> 1998-06-01 00:10 </DATE_TIME>',
    '<BODY>',
    '<SLUG> BC-Kenya-Bomb </SLUG>',
    '<HEADLINE>',
    'Kenyan police question &AMP; release suspects',
    '</HEADLINE>',
    '<TEXT>',
    '<P>',
    'NAIROBI, Kenya (AP) _ Police questioned two men on &UR;Sunday&LR; about',
    'the bombing, officials said.',
    '</P>',
    '<P>',
    'The men were released.',
    '</P>',
    '<P>',
    'AT&amp;T; shares rose.',
    '</P>',
    '</TEXT>',
    '</BODY>',
    '</DOC>',
    // Gigaword's form: the id in an attribute, the day only in the id.
    '<DOC id="AFP_ENG_19940512.0001" type="story">',
    '<HEADLINE>Markets calm</HEADLINE>',
    '<TEXT><P>Asian markets were calm on Thursday.</P></TEXT>',
    '</DOC>',
    // The TREC disks': the Wall Street Journal's MM/DD/YY, the Financial Times' YYMMDD, AP's day in its id.
    '<DOC><DOCNO> WSJ871202-0001 </DOCNO><DD> 12/02/87 </DD><HL> Stocks Rise </HL><TEXT>Stocks rose.</TEXT></DOC>',
    '<DOC><DOCNO>FT911-1</DOCNO><DATE>910514</DATE><HEADLINE>FT Markets</HEADLINE><TEXT>Gilts fell.</TEXT></DOC>',
    '<DOC><DOCNO> AP880101-0001 </DOCNO><HEAD>Quake</HEAD><TEXT>A quake shook the city.</TEXT></DOC>',
    '',
  ].join('\n');
  const reuters = (more = '') =>
    [
      '<!DOCTYPE lewis SYSTEM "lewis.dtd">',
      '<REUTERS TOPICS="YES" NEWID="1">',
      '<DATE>26-FEB-1987 15:01:01.79</DATE>',
      '<TOPICS><D>cocoa</D></TOPICS>',
      '<PLACES><D>el-salvador</D><D>usa</D></PLACES>',
      '<TEXT>&#2;',
      '<TITLE>BAHIA COCOA REVIEW</TITLE>',
      '<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in',
      'the Bahia cocoa zone, alleviating the drought since early',
      'January, Comissaria Smith said in its weekly review &lt;CSMI.SA>.',
      ' Reuter',
      '&#3;</BODY></TEXT>',
      '</REUTERS>',
      '<REUTERS TOPICS="NO" NEWID="2">',
      '<DATE>26-FEB-1987 15:43:14.36</DATE>',
      '<TEXT TYPE="BRIEF">&#2;',
      '******<TITLE>ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE',
      '</TITLE>Blah blah blah.',
      '&#3;',
      '</TEXT>',
      '</REUTERS>',
      // Unprocessed (a table): its first line is its headline, not a dateline with a source.
      '<REUTERS NEWID="7"><DATE>7-APR-1987 05:10:11.00</DATE>',
      '<TEXT TYPE="UNPROC">&#2;',
      'TOKYO RUBBER (YEN PER KILO) - APRIL 07',
      '          PREV     OPG    1045',
      ' APR     123.5   122.9   122.9',
      ' REUTER',
      '&#3;</TEXT>',
      '</REUTERS>',
      more,
    ].join('\n');

  it("wraps a story's first paragraph again when its first line ends a line the dateline began", async () => {
    const file = path.join(tempDir(), 'reut2-017.sgm');
    fs.writeFileSync(
      file,
      [
        '<REUTERS NEWID="18005">',
        '<DATE> 2-JUN-1987 10:06:53.99</DATE>',
        '<TEXT>&#2;',
        '<TITLE>REAGAN SAYS VOLCKER WILL NOT SERVE NEW TERM</TITLE>',
        '<DATELINE>    WASHINGTON, June 2 - </DATELINE><BODY>President Reagan said Paul Volcker has',
        'declined to serve another term as chairman of the Federal',
        'Reserve Board, the U.S. central bank. Reagan',
        'nominated economist Alan Greenspan in his place.',
        "    Volcker's term expires in August.",
        ' Reuter',
        '&#3;</BODY></TEXT>',
        '</REUTERS>',
      ].join('\n'),
    );
    const [story] = articles(await readArticles(file));
    // Joined to the next line alone, the first made a line of 96 columns, and the break inside
    // `Federal | Reserve Board` then ended the first sentence.
    const first = tokenize(story.body).sentences[0];
    expect(story.body.slice(first.start, first.end).replace(/\s+/g, ' ')).toBe(
      'President Reagan said Paul Volcker has declined to serve another term as chairman of the Federal Reserve Board, the U.S. central bank.',
    );
    expect(story.body.split('\n').every((line) => line.length <= 57)).toBe(true);
    expect(story.body).toContain("\n    Volcker's term expires in August.");
  });

  it('reads TREC-style <DOC> records: id, headline, date, paragraphs; typesetting codes dropped, entities decoded', async () => {
    const file = path.join(tempDir(), 'apw.sgml');
    fs.writeFileSync(file, trec);
    expect(formatFor(file)?.name).toBe('sgml');
    const results = await readArticles(file);
    expect(failures(results)).toEqual([]);
    expect(articles(results)).toMatchObject([
      {
        path: `${file}#APW19980601.0003`,
        format: 'sgml',
        externalId: 'APW19980601.0003',
        title: 'Kenyan police question & release suspects',
        date: '1998-06-01',
        source: 'AP',
        // An entity's value is never read as the start of another (`AT&amp;T;` stays `AT&T;`).
        body: 'NAIROBI, Kenya (AP) _ Police questioned two men on Sunday about\nthe bombing, officials said.\n\nThe men were released.\n\nAT&T; shares rose.',
      },
      { path: `${file}#AFP_ENG_19940512.0001`, title: 'Markets calm', date: '1994-05-12' },
      { path: `${file}#WSJ871202-0001`, title: 'Stocks Rise', date: '1987-12-02' },
      { path: `${file}#FT911-1`, title: 'FT Markets', date: '1991-05-14' },
      { path: `${file}#AP880101-0001`, title: 'Quake', date: '1988-01-01' },
    ]);
    expect(await articleCountHint(file)).toBe(5);
  });

  it("reads Reuters-21578's records: BODY without the wire's codes, categories as tags; a brief is skipped, a cut record fails", async () => {
    const file = path.join(tempDir(), 'reut2-000.sgm');
    // A record cut off by the file's end, after one written in Windows-1252 (é as one byte).
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(reuters('<REUTERS NEWID="3">\n<TEXT><TITLE>CAF')),
        Buffer.from([0xc9]),
        Buffer.from(
          ' TALKS</TITLE><BODY>Talks went on.\nREUTER...\n</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID="4">\n<TEXT><BODY>Cut',
        ),
      ]),
    );
    const results = await readArticles(file);
    const [bahia, , cafe] = articles(results);
    expect(bahia).toMatchObject({
      path: `${file}#1`,
      title: 'BAHIA COCOA REVIEW',
      date: '1987-02-26',
      dateline: 'SALVADOR, Feb 26',
      tags: ['cocoa', 'el-salvador', 'usa'],
      source: 'Reuters',
    });
    // The story's first line ends a line the dateline began: its paragraph is wrapped again.
    expect(bahia.body).toBe(
      'Showers continued throughout the week in the Bahia cocoa zone,\nalleviating the drought since early January, Comissaria Smith\nsaid in its weekly review <CSMI.SA>.\n Reuter',
    );
    expect(cafe).toMatchObject({ path: `${file}#3`, title: 'CAFÉ TALKS', source: 'Reuters' });
    expect(articles(results).find((a) => a.externalId === '7')).toMatchObject({
      title: 'TOKYO RUBBER (YEN PER KILO) - APRIL 07',
      date: '1987-04-07',
      dateline: null,
      source: 'Reuters',
      body: '          PREV     OPG    1045\n APR     123.5   122.9   122.9\n REUTER',
    });
    expect(cafe.warnings).toEqual(['not valid UTF-8; decoded as Windows-1252']);
    expect(results.filter((r) => r.ok === 'skipped').map((r) => r.ok === 'skipped' && r.reason)).toEqual([
      'a brief: headline only',
    ]);
    expect(failures(results)).toEqual([`${file}:5: record 5: cut off (the file ends before its end tag)`]);
  });

  it('streams a file of many records, one cut across read chunks, as the same articles', async () => {
    const file = path.join(tempDir(), 'big.sgm');
    const records = Array.from(
      { length: 3000 },
      (_, i) =>
        `<DOC>\n<DOCNO> X${i} </DOCNO>\n<TEXT>\nStory number ${i} is ${'long '.repeat(20)}enough.\n</TEXT>\n</DOC>\n`,
    );
    fs.writeFileSync(file, records.join(''));
    expect(fs.statSync(file).size).toBeGreaterThan(2 * 256 * 1024);
    const read = articles(await readArticles(file));
    expect(read).toHaveLength(3000);
    expect(read.map((a) => a.externalId)).toEqual(records.map((_, i) => `X${i}`));
    expect(await articleCountHint(file)).toBe(3000);
  });

  it('refuses, with how to read it, an SGML collection with no extension that discovery did not see', async () => {
    const file = path.join(tempDir(), 'la010189');
    fs.writeFileSync(file, '<DOC>\n<DOCNO> LA010189-0001 </DOCNO>\n<TEXT>\nA story.\n</TEXT>\n</DOC>\n');
    expect(failures(await readArticles(file))).toEqual([
      `${file}: holds SGML news records (<DOC>) but has no .sgm extension; name it .sgm to read them (a symbolic link NAME.sgm will do)`,
    ]);
  });

  it('reports a .sgm file with no records on one line', async () => {
    const file = path.join(tempDir(), 'notes.sgm');
    fs.writeFileSync(file, '<NOTE>nothing here</NOTE>\n');
    expect(failures(await readArticles(file))).toEqual([
      `${file}: not an SGML news collection (no <DOC> or <REUTERS> record at its start)`,
    ]);
  });
});

describe('news articles as XML (NITF, RCV1, NewsML-G2)', () => {
  it('reads a NewsML-G2 item as a wire delivers it: headline, dates, provider, XHTML body, subjects', async () => {
    const file = path.join(tempDir(), 'oil.xml');
    fs.writeFileSync(file, fs.readFileSync(fixture('newsml-g2.xml')));
    const [a] = articles(await readArticles(file));
    expect(a).toMatchObject({
      format: 'xml',
      title: 'Oil rises as OPEC holds output cuts',
      date: '2024-03-01',
      externalId: 'urn:newsml:example.com:20240301:oil-prices',
      source: 'ExampleWire',
      author: 'Jane Doe',
      dateline: 'LONDON, March 1',
      tags: ['oil and gas', 'OPEC'],
      body:
        'LONDON, March 1 (ExampleWire) - Oil prices rose on Friday after OPEC kept its output cuts in place, traders said.\n\n' +
        'Brent crude gained 1.2 percent to 84 dollars a barrel.',
    });
    // Its text as plain data, and an item without any.
    const data = path.join(tempDir(), 'data.xml');
    fs.writeFileSync(
      data,
      '<newsItem guid="g1"><contentMeta><headline>Brief</headline></contentMeta><contentSet><inlineData contenttype="text/plain">Gold fell in Zurich.</inlineData></contentSet></newsItem>',
    );
    expect(articles(await readArticles(data))).toMatchObject([{ title: 'Brief', body: 'Gold fell in Zurich.' }]);
    const empty = path.join(tempDir(), 'empty.xml');
    fs.writeFileSync(empty, '<newsItem guid="g2"><contentSet><remoteContent href="x.jpg"/></contentSet></newsItem>');
    expect(failures(await readArticles(empty))).toEqual([
      `${empty}: no article text in the NewsML-G2 item (inlineXML or inlineData)`,
    ]);
  });

  it('reads each item of a NewsML 1 document: headline, dates, provider, byline, the NITF body of its data', async () => {
    const file = path.join(tempDir(), 'newsml1.xml');
    fs.writeFileSync(
      file,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<NewsML Version="1.2"><NewsEnvelope><DateAndTime>20060301T100000+0000</DateAndTime></NewsEnvelope>',
        '<NewsItem><Identification><NewsIdentifier><ProviderId>reuters.com</ProviderId>',
        '<PublicIdentifier>urn:newsml:reuters.com:20060301:oil:1</PublicIdentifier></NewsIdentifier></Identification>',
        '<NewsManagement><FirstCreated>20060301T095500+0000</FirstCreated></NewsManagement>',
        '<NewsComponent><NewsLines><HeadLine>Oil rises as OPEC holds output</HeadLine><ByLine>By Jane Doe</ByLine>',
        '<DateLine>LONDON, March 1</DateLine></NewsLines>',
        '<ContentItem><MediaType FormalName="Text"/><DataContent><nitf><body><body.content>',
        '<p>Oil prices rose on Wednesday, traders said.</p><p>Brent gained 2 percent.</p>',
        '</body.content></body></nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>',
      ].join('\n'),
    );
    expect(articles(await readArticles(file))).toMatchObject([
      {
        path: `${file}#urn:newsml:reuters.com:20060301:oil:1`,
        title: 'Oil rises as OPEC holds output',
        date: '2006-03-01',
        source: 'reuters.com',
        author: 'Jane Doe',
        dateline: 'LONDON, March 1',
        body: 'Oil prices rose on Wednesday, traders said.\n\nBrent gained 2 percent.',
      },
    ]);
  });

  it('reads each item of a NewsML-G2 message, addressed by its guid (a later version by its place)', async () => {
    const item = (guid: string, text: string) =>
      `<newsItem guid="${guid}"><contentMeta><headline>${text}</headline></contentMeta><contentSet><inlineData>${text}.</inlineData></contentSet></newsItem>`;
    const file = path.join(tempDir(), 'message.xml');
    fs.writeFileSync(
      file,
      `<?xml version="1.0"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2024-03-01T10:00:00Z</sent></header><itemSet>${item('a', 'Oil rose')}${item('b', 'Gold fell')}${item('a', 'Oil rose more')}</itemSet></newsMessage>`,
    );
    expect(articles(await readArticles(file)).map((a) => [a.path.slice(file.length), a.title, a.format])).toEqual([
      ['#a', 'Oil rose', 'xml'],
      ['#b', 'Gold fell', 'xml'],
      [':3', 'Oil rose more', 'xml'],
    ]);
  });

  it('reads an NITF article (the New York Times Annotated Corpus): full text, publication data, descriptors', async () => {
    const file = path.join(tempDir(), '0000001.xml');
    fs.writeFileSync(
      file,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd">',
        '<nitf change.date="June 10, 2005" version="-//IPTC//DTD NITF 3.3//EN">',
        '<head><title>Talks Resume</title>',
        '<meta content="1" name="publication_day_of_month"/><meta content="Washington" name="online_sections"/>',
        '<docdata><doc-id id-string="0000001"/><identified-content>',
        '<classifier class="indexing_service" type="descriptor">Debts, Public</classifier>',
        '<classifier class="online_producer" type="taxonomic_classifier">Top/News</classifier>',
        '</identified-content></docdata>',
        '<pubdata date.publication="19870302T000000" ex-ref="http://query.nytimes.com/gst/fullpage.html?res=1" name="The New York Times"/>',
        '</head>',
        '<body><body.head><hedline><hl1>Brazil and Banks Resume Debt Talks</hl1></hedline>',
        '<byline class="print_byline">By JOHN DOE</byline><dateline>RIO DE JANEIRO, March 1</dateline></body.head>',
        '<body.content><block class="lead_paragraph"><p>Brazil resumed talks.</p></block>',
        '<block class="full_text"><p>Brazil resumed talks with its creditor banks &amp; the I.M.F. on Sunday.</p>',
        '<p>The talks will go on for a week.</p></block></body.content></body></nitf>',
      ].join('\n'),
    );
    expect(articles(await readArticles(file))).toMatchObject([
      {
        path: file,
        format: 'xml',
        title: 'Brazil and Banks Resume Debt Talks',
        date: '1987-03-02',
        source: 'The New York Times',
        url: 'http://query.nytimes.com/gst/fullpage.html?res=1',
        externalId: '0000001',
        author: 'JOHN DOE',
        dateline: 'RIO DE JANEIRO, March 1',
        section: 'Washington',
        tags: ['Debts, Public'],
        body: 'Brazil resumed talks with its creditor banks & the I.M.F. on Sunday.\n\nThe talks will go on for a week.',
        warnings: [],
      },
    ]);
  });

  it('reads an RCV1 newsitem in its declared ISO-8859-1: headline, date, codes as tags, dc.source', async () => {
    const file = path.join(tempDir(), '2286newsML.xml');
    fs.writeFileSync(
      file,
      Buffer.from(
        [
          '<?xml version="1.0" encoding="iso-8859-1" ?>',
          '<newsitem itemid="2286" id="root" date="1996-08-20" xml:lang="en">',
          '<title>MEXICO: Recovery excitement brings Mexican markets to life.</title>',
          '<headline>Recovery excitement brings Mexican markets to life.</headline>',
          '<byline>Henry Tricks</byline><dateline>MEXICO CITY</dateline>',
          "<text><p>Emerging evidence that Mexico's economy was back on the recovery track sent markets soaring.</p>",
          '<p>The peso rose, said Jos\xe9 P\xe9rez.</p></text>',
          '<copyright>(c) Reuters Limited 1996</copyright>',
          '<metadata><codes class="bip:countries:1.0"><code code="MEX"><editdetail action="confirmed"/></code></codes>',
          '<codes class="bip:topics:1.0"><code code="E11"/><code code="M11"/></codes>',
          '<dc element="dc.publisher" value="Reuters Holdings Plc"/><dc element="dc.source" value="Reuters"/></metadata>',
          '</newsitem>',
        ].join('\n'),
        'latin1',
      ),
    );
    expect(articles(await readArticles(file))).toMatchObject([
      {
        path: file,
        format: 'xml',
        title: 'Recovery excitement brings Mexican markets to life.',
        date: '1996-08-20',
        externalId: '2286',
        source: 'Reuters',
        author: 'Henry Tricks',
        dateline: 'MEXICO CITY',
        tags: ['MEX', 'E11', 'M11'],
        body: "Emerging evidence that Mexico's economy was back on the recovery track sent markets soaring.\n\nThe peso rose, said José Pérez.",
        warnings: [],
      },
    ]);
  });
});

describe('gzipped files of any format', () => {
  it('reads .jsonl.gz, .sgm.gz and .txt.gz as their formats, addressed inside the gzipped file', async () => {
    const dir = tempDir();
    const jsonl = path.join(dir, 'wire.jsonl.gz');
    fs.writeFileSync(
      jsonl,
      zlib.gzipSync(
        '{"title":"One","date":"2019-02-27","text":"Talks began."}\n{"title":"Two","text":"Talks ended."}\n',
      ),
    );
    expect(formatFor(jsonl)?.name).toBe('jsonl');
    expect(articles(await readArticles(jsonl))).toMatchObject([
      { path: `${jsonl}:1`, format: 'jsonl', title: 'One', date: '2019-02-27', body: 'Talks began.' },
      { path: `${jsonl}:2`, title: 'Two' },
    ]);
    expect(containerOf(`${jsonl}:2`)).toBe(jsonl);
    const sgm = path.join(dir, 'apw.sgm.gz');
    fs.writeFileSync(sgm, zlib.gzipSync('<DOC>\n<DOCNO> APW1 </DOCNO>\n<TEXT>\nTalks began.\n</TEXT>\n</DOC>\n'));
    expect(articles(await readArticles(sgm))).toMatchObject([{ path: `${sgm}#APW1`, format: 'sgml' }]);
    const txt = path.join(dir, '2019-02-27-talks.txt.gz');
    fs.writeFileSync(txt, zlib.gzipSync('Talks begin\n\nThe talks began on Wednesday.\n'));
    expect(articles(await readArticles(txt))).toMatchObject([
      { path: txt, format: 'txt', title: 'Talks begin', date: '2019-02-27' },
    ]);
  });

  it('reads a big gzipped text file decompressed as it streams, in parts as a big text file is', async () => {
    const file = path.join(tempDir(), 'big.txt.gz');
    // Random letters barely compress: the gzipped file itself is past STREAM_BYTES.
    const text = `Big file\n\n${crypto.randomBytes(17 * 2 ** 20).toString('base64')}\n`;
    fs.writeFileSync(file, zlib.gzipSync(text, { level: 1 }));
    expect(fs.statSync(file).size).toBeGreaterThan(STREAM_BYTES);
    const results: ReadResult[] = [];
    for await (const r of articlesOf(file)) results.push(r);
    expect(failures(results)).toEqual([]);
    const parts = articles(results);
    expect(parts.length).toBeGreaterThan(20);
    expect(parts.slice(0, 2).map((a) => [a.path, a.title])).toEqual([
      [file, 'Big file'],
      [`${file}#part2`, 'Big file (part 2)'],
    ]);
    expect(parts[0].warnings.join()).toMatch(/MB gzipped: stored in parts of at most 1,000,000 characters/);
    expect(parts.map((a) => a.body).join('')).toBe(text);
  });

  it('reads a cut archive up to the cut and says so on one line; a file that is no gzip is one failure', async () => {
    const dir = tempDir();
    const cut = path.join(dir, 'cut.jsonl.gz');
    const lines = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ title: `T${i}`, text: `Story ${i} ${'x'.repeat(200)}.` }),
    );
    const whole = zlib.gzipSync(`${lines.join('\n')}\n`);
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const results = await readArticles(cut);
    expect(articles(results).length).toBeGreaterThan(0);
    expect(articles(results).length).toBeLessThan(2000);
    expect(failures(results)).toEqual([`${cut}: damaged gzip data (unexpected end of file)`]);
    const fake = path.join(dir, 'plain.csv.gz');
    fs.writeFileSync(fake, 'title,text\nOne,Talks began.\n');
    expect(failures(await readArticles(fake))).toEqual([`${fake}: not gzip data`]);
    const fakeTxt = path.join(dir, 'plain.txt.gz');
    fs.writeFileSync(fakeTxt, 'Talks began.\n');
    expect(failures(await readArticles(fakeTxt))).toEqual([`${fakeTxt}: not gzip data`]);
  });
});

describe('WARC archives', () => {
  it('reads HTML responses through the web-page reader, addressed by record id with the target URI as URL; skips the rest', async () => {
    const file = path.join(tempDir(), 'crawl.warc.gz');
    const { pageId } = await writeWarc(file);
    expect(formatFor(file)?.name).toBe('warc');
    const results = await readArticles(file);
    const [a] = articles(results);
    expect(a).toMatchObject({
      path: `${file}#${pageId}`,
      format: 'warc',
      url: 'https://news.example.com/summit',
      title: 'Summit ends',
      date: '2019-02-28',
      source: 'Example',
      body: 'HANOI, Feb 28 (Example) - The summit between Donald Trump and Kim Jong Un ended early on Thursday without a deal, officials said.\n\nBoth delegations left the Metropole hotel before a planned lunch.',
    });
    expect(results.filter((r) => r.ok === 'skipped').map((r) => r.ok === 'skipped' && r.reason)).toEqual([
      'warcinfo record',
      'request record',
      'not HTML (image/png)',
    ]);
    // An HTML response with no article is a failure of that record, not of the archive.
    expect(failures(results)).toHaveLength(1);
    expect(failures(results)[0]).toMatch(/crawl\.warc\.gz#urn:uuid:[0-9a-f-]+: no article text in the HTML$/);
    expect(containerOf(a.path)).toBe(file);
  });

  it.each(['cut.warc.gz', 'cut.warc'])(
    'reports a truncated archive (%s) on one line after the records it could read',
    async (name) => {
      const file = path.join(tempDir(), name);
      await writeWarc(file, { truncate: true, gzip: name.endsWith('.gz') });
      const results = await readArticles(file);
      expect(articles(results)).toHaveLength(1);
      const last = results[results.length - 1];
      expect(last.ok).toBe(false);
      if (last.ok === false) {
        expect(last.path).toBe(file);
        expect(last.error).not.toContain('\n');
      }
    },
  );
});
