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
const recordId = (raw: string | null | undefined, index: number): string => raw?.replace(/^<|>$/g, '').trim() || `record-${index}`;

async function* streamWarc(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Entry> {
  warcio ??= require('warcio') as typeof import('warcio');
  const parser = new warcio.WARCParser(bytes);
  let index = 0;
  for (;;) {
    let record;
    try {
      record = await parser.parse();
    } catch (err) {
      // A truncated or corrupt archive: report where reading stopped; what came before is kept.
      const where = index ? ` after record ${index}` : '';
      yield { address: '', outcome: { ok: false, error: `cannot read the WARC${where}: ${(err as Error).message.split('\n')[0]}` } };
      return;
    }
    if (!record) break;
    index++;
    const address = `#${recordId(record.warcHeader('WARC-Record-ID'), index)}`;
    if (record.warcType !== 'response') {
      yield { address, outcome: { ok: 'skipped', reason: `${record.warcType} record` } };
      continue;
    }
    const type = record.httpHeaders?.headers.get('content-type') ?? '';
    if (!HTML_TYPE.test(type)) {
      yield { address, outcome: { ok: 'skipped', reason: `not HTML (${type.split(';')[0].trim() || 'no content type'})` } };
      continue;
    }
    if (record.warcContentLength > MAX_RECORD_BYTES) {
      yield { address, outcome: { ok: false, error: `record too large (${record.warcContentLength} bytes)` } };
      continue;
    }
    let payload: Uint8Array;
    try {
      // true: the payload as the server meant it (chunked and gzip transfer encodings undone).
      payload = await record.readFully(true);
    } catch (err) {
      yield { address, outcome: { ok: false, error: `cannot read the record: ${(err as Error).message.split('\n')[0]}` } };
      continue;
    }
    const decoded = decodeText(payload);
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
