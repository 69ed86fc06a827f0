/**
 * WARC web archives (`.warc`, `.warc.gz`, as Common Crawl's CC-News ships them), streamed one
 * record at a time with warcio: HTTP `response` records whose payload is HTML go through the
 * web-page reader; every other record (requests, metadata, images, PDFs) is skipped and counted.
 * Each page is addressed `archive.warc.gz#RECORD-ID` and keeps the record's target URI as its URL.
 * Memory holds one record's payload at a time, however large the archive.
 */
import { createRequire } from 'node:module';
import type { Entry, ManyFormat } from '../formats.js';
import { decodeText } from '../decode.js';
import { readHtml } from './html.js';
import { DOM_BYTES, readBigHtml, strippedNote } from './html-stream.js';

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
    const decoded = decodeText(payload);
    if (!decoded.ok) {
      yield { address, outcome: { ok: false, error: decoded.error } };
      continue;
    }
    const big = payload.length > DOM_BYTES;
    const outcome = big ? readBigHtml(decoded.text) : readHtml(decoded.text);
    if (outcome.ok && big) outcome.fields.warnings.push(strippedNote(payload.length));
    if (outcome.ok) {
      outcome.fields.url = record.warcTargetURI ?? outcome.fields.url ?? null;
      outcome.fields.warnings.unshift(...decoded.warnings);
    }
    yield { address, outcome };
  }
}
