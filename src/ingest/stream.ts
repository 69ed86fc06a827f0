/**
 * Files → Articles without holding a big file in memory. Memory during an ingest must not grow
 * with the size of a file: a JSON Lines file is read line by line (each line parsed and stored
 * before the rest is read), and a one-article file larger than `STREAM_BYTES` (plain text, Markdown,
 * a web page, a JSON article) is read in slices and stored as consecutive parts of at most
 * `PART_CHARS` characters, cut at a paragraph or line end: `file.txt` (the first part, with the
 * file's own metadata), `file.txt#part2`, … A big page's markup is stripped as it streams
 * (html-stream.ts); a big JSON article is scanned, never parsed whole (json-stream.ts), and a big
 * JSON array is read element by element (json-array.ts). A big file's encoding is judged by reading
 * it once first, as a small file's is judged whole (decode.ts). Smaller files are read whole by
 * read.ts.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Article } from '../core/types.js';
import {
  declaredCharset,
  decodedChunks,
  type EncodingVerdict,
  encodingOfChunks,
  type StreamEncoding,
} from './decode.js';
import { PART_MARK, partsNote, partsOf, wholeOfPart } from './parts.js';
import { fsPath } from './paths.js';
import { sidecarEntry } from './sidecar.js';
import { containerOf, isGzipped } from './formats.js';
import { HtmlTextStream, STRIPPED, strippedPageFields } from './readers/html-stream.js';
import { parseLine, scannedBody, scannedFields } from './readers/json.js';
import { type ArrayElement, JsonArraySplitter } from './readers/json-array.js';
import { JsonObjectScanner, JsonSyntaxError } from './readers/json-stream.js';
import {
  articleOf,
  byteStream,
  failure,
  formatOf,
  ioCause,
  holdsManyArticles,
  parseArticles,
  readArticles,
  type ReadOptions,
  type ReadResult,
  specialFile,
  streamArticles,
} from './read.js';

/** Text files larger than this are read in slices and stored in parts. */
export const STREAM_BYTES = 16 * 1024 * 1024;
/** Text gzips to a third or a quarter of its size: a gzipped text this much smaller than STREAM_BYTES is as big. */
const GZIP_RATIO = 4;
/** The file a stored path comes from: `a.jsonl:12` → `a.jsonl`, `big.txt#part3` → `big.txt`. */
export function fileOfPath(stored: string): string {
  return containerOf(stored) ?? wholeOfPart(stored);
}

/** Every article of `file`, one at a time. Never throws for bad input (failures are results). */
export async function* articlesOf(file: string, options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  let size = 0;
  try {
    const stat = statSync(fsPath(file));
    const special = specialFile(stat);
    if (special) {
      yield failure(file, special);
      return;
    }
    size = stat.size;
  } catch {
    // readArticles reports it
  }
  const format = formatOf(file);
  // Files of many articles (JSON Lines, CSV, feeds, WARC) stream through their reader (formats.ts).
  if (holdsManyArticles(file)) yield* streamArticles(file, options);
  else if (format === 'jsonl') yield* jsonLines(file, options);
  else if (!tooBigToHold(file, size)) yield* await readArticles(file, options);
  else if (format === 'txt' || format === 'md' || format === null || format === 'html' || format === 'json') {
    const decoding = await bigFileEncoding(file, format === 'html');
    if (!decoding.ok) yield failure(file, decoding.error);
    else if (format === 'html') yield* htmlParts(file, size, decoding, options);
    else if (format === 'json') yield* jsonParts(file, size, decoding, options);
    else yield* textParts(file, size, decoding, options);
  } else yield* await readArticles(file, options);
}

/** How a big file is decoded, and what its reader is told of it. */
type Decoding = { encoding: StreamEncoding; warnings: string[] };

/**
 * Whether a one-article file is read as a stream and stored in parts: past STREAM_BYTES, or gzipped
 * to past it (by the size its gzip trailer gives, or by its own size when that is larger than a
 * text's usual ratio allows: the trailer holds only the last member's size).
 */
function tooBigToHold(file: string, size: number): boolean {
  if (size > STREAM_BYTES) return true;
  if (!isGzipped(file)) return false;
  return size > STREAM_BYTES / GZIP_RATIO || gunzippedSize(file, size) > STREAM_BYTES;
}

/** A gzip file's uncompressed size as its trailer says (modulo 4 GB), or 0 when it cannot be read. */
function gunzippedSize(file: string, size: number): number {
  if (size < 18) return 0;
  let fd: number | null = null;
  try {
    fd = openSync(fsPath(file), 'r');
    const trailer = Buffer.alloc(4);
    readSync(fd, trailer, 0, 4, size - 4);
    return trailer.readUInt32LE(0);
  } catch {
    return 0;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

async function* jsonLines(file: string, options: ReadOptions): AsyncGenerator<ReadResult> {
  const { entry, warning } = await sidecarEntry(file);
  const stream = createReadStream(fsPath(file), { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  let any = false;
  try {
    for await (const line of lines) {
      number++;
      if (line.trim() === '') continue;
      any = true;
      // The line as a one-line JSON Lines file: the readers' own parsing and error messages.
      const [result] = parseArticles(file, Buffer.from(line, 'utf8'), { ...options, sidecar: entry });
      yield renumber(result, file, number, warning);
    }
  } catch (error) {
    yield { ok: false, path: file, error: `${file}: cannot read: ${(error as Error).message}` };
    return;
  }
  if (!any) yield { ok: false, path: file, error: `${file}: empty file` };
}

/** `parseArticles` numbered the line 1: give it its real number. */
function renumber(result: ReadResult, file: string, line: number, warning: string | null): ReadResult {
  const from = `${file}:1`;
  const to = `${file}:${line}`;
  if (result.ok === 'skipped') return { ...result, path: to };
  if (!result.ok)
    return {
      ...result,
      path: to,
      error: result.error.startsWith(from) ? to + result.error.slice(from.length) : result.error,
    };
  const article = { ...result.article, path: to };
  if (warning) article.warnings.push(warning);
  return { ok: true, article };
}

/**
 * How a big file is decoded, decided by reading it once as a small file's bytes are judged whole
 * (decodeText): UTF-8, UTF-8 with stray Windows-1252 bytes, Windows-1252, UTF-16, a page's declared
 * charset — or why it is no text (binary, empty, unreadable).
 */
async function bigFileEncoding(file: string, page: boolean): Promise<EncodingVerdict> {
  const stream = byteStream(file, 1 << 20);
  try {
    return await encodingOfChunks(stream, page ? declaredCharset : undefined);
  } catch (error) {
    return { ok: false, error: ioCause(error) };
  } finally {
    stream.destroy();
  }
}

/** A file's text decoded a chunk at a time as `encoding` (gzip undone); its BOM dropped. */
async function* decodedSlices(file: string, encoding: StreamEncoding): AsyncGenerator<string> {
  const stream = byteStream(file, 1 << 20);
  try {
    yield* decodedChunks(stream, encoding);
  } finally {
    stream.destroy();
  }
}

/**
 * A document too big to hold whole, stored as consecutive parts: the first as `first` makes it from
 * its text (with the document's metadata and the decoding's warnings), each later one a copy of it
 * with its own text, named `file#partN`. `how` says how the text was read, when not as the file's
 * plain text.
 */
async function* storedInParts(
  file: string,
  size: number,
  slices: AsyncIterable<string>,
  first: (text: string, options: ReadOptions) => ReadResult,
  how: string | null,
  decoding: Decoding,
  options: ReadOptions,
): AsyncGenerator<ReadResult> {
  const { entry, warning } = await sidecarEntry(file);
  const withEntry = { ...options, sidecar: entry };
  let part = 0;
  let base: Article | null = null;
  try {
    for await (const text of partsOf(slices)) {
      part++;
      if (part === 1) {
        const result = first(text, withEntry);
        if (result.ok === true) {
          base = result.article;
          base.warnings.push(
            ...decoding.warnings,
            partsNote(`${(size / 1024 / 1024).toFixed(0)} MB${isGzipped(file) ? ' gzipped' : ''}`, how, basename(file)),
            ...(warning ? [warning] : []),
          );
          yield { ok: true, article: base };
        } else {
          yield result;
          return;
        }
        continue;
      }
      if (text.trim() === '') continue;
      yield {
        ok: true,
        article: {
          ...base!,
          path: `${file}${PART_MARK}${part}`,
          title: `${base!.title ?? basename(file)} (part ${part})`,
          body: text,
          // Where the first part's story begins says nothing of this one.
          storyStart: 0,
          warnings: [],
        },
      };
    }
  } catch (error) {
    yield failure(file, streamCause(error));
  }
}

/** The longest element of a big JSON array read (as a JSON Lines line is bounded, and for the same reason). */
const MAX_ELEMENT_CHARS = 32 * 1024 * 1024;

/** Whether a JSON file's text begins an array (its first character past a BOM and whitespace). */
async function startsAsArray(file: string, decoding: Decoding): Promise<boolean> {
  for await (const slice of decodedSlices(file, decoding.encoding)) {
    const start = slice.replace(/^[\uFEFF\s]+/, '');
    if (start) return start[0] === '[';
  }
  return false;
}

/**
 * A big JSON array of articles, element by element as it streams (JsonArraySplitter), each addressed
 * `file.json:N` as the articles of a small one are; a bad or oversized element fails alone.
 */
async function* jsonArrayItems(file: string, decoding: Decoding, options: ReadOptions): AsyncGenerator<ReadResult> {
  const { entry, warning } = await sidecarEntry(file);
  const read = { ...options, sidecar: entry };
  const splitter = new JsonArraySplitter(MAX_ELEMENT_CHARS);
  let n = 0;
  const resultOf = (element: ArrayElement): ReadResult => {
    const path = `${file}:${++n}`;
    if (element.tooLong)
      return failure(path, `element over ${MAX_ELEMENT_CHARS.toLocaleString('en-US')} characters: not read`);
    const outcome = parseLine(element.text);
    if (!outcome.ok) return failure(path, outcome.error);
    // The file's own warnings (its decoding's, its sidecar's) go with its first article: said once, not
    // with each of thousands (a small array's articles each carry them).
    const warnings = n === 1 ? [...decoding.warnings, ...(warning ? [warning] : [])] : [];
    return { ok: true, article: articleOf(path, 'json', outcome.fields, warnings, read) };
  };
  try {
    for await (const slice of decodedSlices(file, decoding.encoding))
      for (const element of splitter.write(slice)) yield resultOf(element);
    splitter.end();
  } catch (error) {
    yield failure(file, streamCause(error));
    return;
  }
  if (n === 0) yield failure(file, 'top level is an array with no article object in it');
}

/** Why a streamed read stopped: the JSON it found broken, or the I/O error. */
function streamCause(error: unknown): string {
  return error instanceof JsonSyntaxError ? error.message : ioCause(error);
}

/** A big plain-text or Markdown file: its first part read as the whole file would be (header, front matter). */
function textParts(file: string, size: number, decoding: Decoding, options: ReadOptions): AsyncGenerator<ReadResult> {
  return storedInParts(
    file,
    size,
    decodedSlices(file, decoding.encoding),
    (text, read) => parseArticles(file, Buffer.from(text, 'utf8'), { ...read, decompressed: true })[0],
    null,
    decoding,
    options,
  );
}

/** A big web page: its text stripped of markup as it streams (HtmlTextStream), its metadata from its head. */
function htmlParts(file: string, size: number, decoding: Decoding, options: ReadOptions): AsyncGenerator<ReadResult> {
  const page = new HtmlTextStream();
  return storedInParts(
    file,
    size,
    page.texts(decodedSlices(file, decoding.encoding)),
    (text, read) =>
      text.trim() === ''
        ? failure(file, 'no article text in the HTML')
        : { ok: true, article: articleOf(file, 'html', strippedPageFields(page, text), [], read) },
    STRIPPED,
    decoding,
    options,
  );
}

/**
 * A big JSON article: scanned once for its members (JsonObjectScanner), then again to stream its
 * body; never parsed whole.
 */
async function* jsonParts(
  file: string,
  size: number,
  decoding: Decoding,
  options: ReadOptions,
): AsyncGenerator<ReadResult> {
  if (await startsAsArray(file, decoding)) {
    yield* jsonArrayItems(file, decoding, options);
    return;
  }
  const scan = new JsonObjectScanner();
  try {
    for await (const slice of decodedSlices(file, decoding.encoding)) scan.write(slice);
    scan.end();
  } catch (error) {
    yield failure(file, streamCause(error));
    return;
  }
  const chosen = scannedBody(scan.members);
  if ('error' in chosen) {
    yield failure(file, chosen.error);
    return;
  }
  const body = chosen.at;
  async function* texts(): AsyncGenerator<string> {
    const slices: string[] = [];
    const again = new JsonObjectScanner(body, (slice) => slices.push(slice));
    for await (const slice of decodedSlices(file, decoding.encoding)) {
      again.write(slice);
      yield* slices.splice(0);
    }
    again.end();
  }
  yield* storedInParts(
    file,
    size,
    texts(),
    (text, read) => ({
      ok: true,
      article: articleOf(file, 'json', scannedFields(scan.members, body, text), [], read),
    }),
    'read as a stream',
    decoding,
    options,
  );
}
