/** WARC files for tests, written with warcio's own writer (no archive is downloaded). */
import fs from 'node:fs';
import path from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';

/** A gzipped WARC as crawlers write it: warcinfo, then request/response pairs, one image. */
export async function writeWarc(file: string, { truncate = false, gzip = true } = {}): Promise<{ pageId: string }> {
  const enc = new TextEncoder();
  async function* content(s: string) {
    yield enc.encode(s);
  }
  const page = `<!DOCTYPE html><html><head><title>Summit ends | Example</title><meta property="og:site_name" content="Example">
<meta property="article:published_time" content="2019-02-28T10:00:00Z"></head><body><div class="menu"><a>Home</a> <a>World</a></div>
<div class="story"><h1>Summit ends</h1><p>HANOI, Feb 28 (Example) - The summit between Donald Trump and Kim Jong Un ended early on Thursday without a deal, officials said.</p>
<p>Both delegations left the Metropole hotel before a planned lunch.</p></div><div class="share-bar"><a>Share on Facebook</a></div></body></html>`;
  const records = [
    await WARCRecord.createWARCInfo(
      { filename: path.basename(file), warcVersion: 'WARC/1.1' },
      { software: 'corpus test' },
    ),
    await WARCRecord.create(
      {
        url: 'https://news.example.com/summit',
        type: 'request',
        warcVersion: 'WARC/1.1',
        httpHeaders: { Host: 'news.example.com' },
      },
      content(''),
    ),
    await WARCRecord.create(
      {
        url: 'https://news.example.com/summit',
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      },
      content(page),
    ),
    await WARCRecord.create(
      {
        url: 'https://news.example.com/logo.png',
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': 'image/png' },
      },
      content('\x89PNG\r\n'),
    ),
    await WARCRecord.create(
      {
        url: 'https://news.example.com/app.js',
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': 'text/html' },
      },
      content('<html><body><script>render()</script></body></html>'),
    ),
  ];
  const chunks = [];
  for (const record of records) chunks.push(Buffer.from(await WARCSerializer.serialize(record, { gzip })));
  let bytes = Buffer.concat(chunks);
  if (truncate) bytes = bytes.subarray(0, bytes.length - 40);
  fs.writeFileSync(file, bytes);
  return { pageId: records[2].warcHeader('WARC-Record-ID')!.replace(/^<|>$/g, '') };
}

/** A WARC of one HTML response: `payload` (the page's bytes) served from `url` as `contentType`. */
export async function writePageWarc(
  file: string,
  payload: Uint8Array,
  { url = 'https://news.example.com/page', contentType = 'text/html' } = {},
): Promise<void> {
  const record = await WARCRecord.create(
    { url, type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': contentType } },
    (async function* () {
      yield payload;
    })(),
  );
  fs.writeFileSync(file, Buffer.from(await WARCSerializer.serialize(record, { gzip: false })));
}
