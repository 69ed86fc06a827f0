/**
 * WARC web archives (`.warc`, `.warc.gz`, as Common Crawl's CC-News ships them), streamed one
 * record at a time with warcio: HTTP `response` records whose payload is HTML go through the
 * web-page reader; every other record (requests, metadata, images, PDFs) is skipped and counted.
 * Each page is addressed `archive.warc.gz#RECORD-ID` and keeps the record's target URI as its URL,
 * and is decoded in the charset its HTTP header, else its page, declares. Memory holds one record's
 * payload at a time, however large the archive; a page over DOM_BYTES is stripped and stored in
 * parts (pageInParts).
 */
import { createRequire } from 'node:module';
import type { Entry, ManyFormat } from '../formats.js';
import { charsetNamed, declaredCharset, decodedChunks, decodeText, encodingOfChunks } from '../decode.js';
import { PART_MARK, partsNote, partsOf } from '../parts.js';
import type { ArticleFields } from './fields.js';
import { readHtml } from './html.js';
import { DOM_BYTES, HtmlTextStream, STRIPPED, strippedPageFields } from './html-stream.js';

const require = createRequire(import.meta.url);
let warcio: typeof import('warcio') | undefined;

/** Larger HTML payloads are reported rather than read: no news page is this big. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

export const warcFormat: ManyFormat = {
  name: 'warc',
  extensions: ['.warc', '.warc.gz'],
  many: true,
  stream: streamWarc,
};

/** The record's id without its angle brackets: `<urn:uuid:…>` → `urn:uuid:…`. */
const recordId = (raw: string | null | undefined, index: number): string =>
  raw?.replace(/^<|>$/g, '').trim() || `record-${index}`;

/**
 * Bytes of the record its Content-Length promised and the stream did not deliver (0 for a whole
 * record): warcio's LimitReader counts them down. `record.reader` throws once decoding started,
 * so the private field is read.
 */
function unreadBytes(record: object): number {
  const reader = (record as { _reader?: { limit?: unknown } })._reader;
  return typeof reader?.limit === 'number' ? reader.limit : 0;
}

async function* streamWarc(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Entry> {
  warcio ??= require('warcio') as typeof import('warcio');
  let total = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of bytes) {
      total += chunk.byteLength;
      yield chunk;
    }
  }
  const parser = new warcio.WARCParser(counted());
  let index = 0;
  let cut = false;
  for (;;) {
    let record: import('warcio').WARCRecord | null;
    try {
      record = await parser.parse();
    } catch (err) {
      // A truncated or corrupt archive: report where reading stopped; what came before is kept.
      const where = index ? ` after record ${index}` : '';
      yield {
        address: '',
        outcome: { ok: false, error: `cannot read the WARC${where}: ${(err as Error).message.split('\n')[0]}` },
      };
      return;
    }
    if (!record) {
      // warcio ends quietly inside a cut record; its offset then stops short of the bytes read.
      if (cut || parser.offset < total) {
        yield {
          address: '',
          outcome: { ok: false, error: `the archive ends inside a record after record ${index} (truncated?)` },
        };
      }
      break;
    }
    index++;
    // warcio skips an unread record with a loop that never ends when the archive is cut inside it
    // (warcio 2.4.11, LimitReader.skipFully): drain what is there chunk by chunk (memory stays one
    // chunk) and mark the record consumed, so the parser never takes that path.
    const drain = async (): Promise<void> => {
      if (record.consumed) return;
      for await (const chunk of record.reader) void chunk;
      record.consumed = 'skipped';
      // Bytes the record's length promised and the file did not hold: the archive was cut here.
      if (unreadBytes(record) > 0) cut = true;
    };
    const address = `#${recordId(record.warcHeader('WARC-Record-ID'), index)}`;
    if (record.warcType !== 'response') {
      await drain();
      yield { address, outcome: { ok: 'skipped', reason: `${record.warcType} record` } };
      continue;
    }
    const type = record.httpHeaders?.headers.get('content-type') ?? '';
    if (!HTML_TYPE.test(type)) {
      await drain();
      yield {
        address,
        outcome: { ok: 'skipped', reason: `not HTML (${type.split(';')[0].trim() || 'no content type'})` },
      };
      continue;
    }
    if (record.warcContentLength > MAX_RECORD_BYTES) {
      await drain();
      yield { address, outcome: { ok: false, error: `record too large (${record.warcContentLength} bytes)` } };
      continue;
    }
    let payload: Uint8Array;
    try {
      // true: the payload as the server meant it (chunked and gzip transfer encodings undone).
      payload = await record.readFully(true);
    } catch (err) {
      yield {
        address,
        outcome: { ok: false, error: `cannot read the record: ${(err as Error).message.split('\n')[0]}` },
      };
      continue;
    }
    if (unreadBytes(record) > 0) {
      cut = true;
      yield { address, outcome: { ok: false, error: 'record cut short: the archive ends inside it' } };
      continue;
    }
    // The server's Content-Type says the charset first, as it does to a browser; else the page.
    const served = charsetNamed(/;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(type)?.[1] ?? null);
    const declared = (start: Uint8Array): string | null => served ?? declaredCharset(start);
    if (payload.length > DOM_BYTES) {
      yield* pageInParts(address, payload, record.warcTargetURI ?? null, declared);
      continue;
    }
    const decoded = decodeText(payload, declared(payload));
    if (!decoded.ok) {
      yield { address, outcome: { ok: false, error: decoded.error } };
      continue;
    }
    const outcome = readHtml(decoded.text);
    if (outcome.ok) {
      outcome.fields.url = record.warcTargetURI ?? outcome.fields.url ?? null;
      outcome.fields.warnings.unshift(...decoded.warnings);
    }
    yield { address, outcome };
  }
}

/** A megabyte: how a big record's payload is decoded and stripped. */
const SLICE_BYTES = 1 << 20;

/**
 * A page too big for a DOM (over DOM_BYTES), its payload in memory: decoded and stripped of markup a
 * megabyte at a time and stored in parts as a big file is (`#ID`, `#ID#part2`, …), so that neither
 * the whole page nor its whole text is ever one string (a 61 MB record with curly quotes: 740 MB).
 */
async function* pageInParts(
  address: string,
  payload: Uint8Array,
  url: string | null,
  declared: (start: Uint8Array) => string | null,
): AsyncGenerator<Entry> {
  async function* slices(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < payload.length; at += SLICE_BYTES) yield payload.subarray(at, at + SLICE_BYTES);
  }
  const verdict = await encodingOfChunks(slices(), declared);
  if (!verdict.ok) {
    yield { address, outcome: { ok: false, error: verdict.error } };
    return;
  }
  const page = new HtmlTextStream();
  let first: ArticleFields | null = null;
  let part = 0;
  for await (const text of partsOf(page.texts(decodedChunks(slices(), verdict.encoding)))) {
    part++;
    if (!first) {
      if (text.trim() === '') {
        yield { address, outcome: { ok: false, error: 'no article text in the HTML' } };
        return;
      }
      first = strippedPageFields(page, text);
      first.url = url ?? first.url ?? null;
      first.warnings.push(
        ...verdict.warnings,
        partsNote(`${(payload.length / 2 ** 20).toFixed(0)} MB page`, STRIPPED, address),
      );
      yield { address, outcome: { ok: true, fields: first } };
    } else if (text.trim() !== '')
      yield {
        address: `${address}${PART_MARK}${part}`,
        outcome: {
          ok: true,
          fields: {
            ...first,
            title: `${first.title ?? first.url ?? address} (part ${part})`,
            body: text,
            contentStart: 0,
            warnings: [],
          },
        },
      };
  }
}
