/**
 * Files → Articles without holding a big file in memory. Memory during an ingest must not grow
 * with the size of a file: a JSON Lines file is read line by line (each line parsed and stored
 * before the rest is read), and a plain-text or Markdown file larger than `STREAM_BYTES` is read in
 * slices and stored as consecutive parts of at most `PART_CHARS` characters, cut at a paragraph or
 * line end: `file.txt` (the first part, with the file's own metadata), `file.txt#part2`, … Other
 * files are read whole by read.ts (a JSON or HTML document is one value; their size is capped there).
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Article } from '../core/types.js';
import { fsPath } from './paths.js';
import { sidecarEntry } from './sidecar.js';
import { containerOf, isGzipped } from './formats.js';
import {
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
/** The largest part of a big text file stored as one document. */
export const PART_CHARS = 1_000_000;
/** Text gzips to a third or a quarter of its size: a gzipped text this much smaller than STREAM_BYTES is as big. */
const GZIP_RATIO = 4;
/** How part paths are marked: `big.txt#part2`. */
export const PART_MARK = '#part';

/** Whether a stored path is the second or a later part of a big file (stored for search, not analyzed). */
export function isLaterPart(stored: string): boolean {
  return /#part\d+$/.test(stored);
}

/** The file a stored path comes from: `a.jsonl:12` → `a.jsonl`, `big.txt#part3` → `big.txt`. */
export function fileOfPath(stored: string): string {
  return containerOf(stored) ?? stored.replace(/#part\d+$/, '');
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
  else if (
    (size > STREAM_BYTES || (isGzipped(file) && size > STREAM_BYTES / GZIP_RATIO)) &&
    (format === 'txt' || format === 'md' || format === null)
  )
    yield* textParts(file, size, options);
  else yield* await readArticles(file, options);
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

async function* textParts(file: string, size: number, options: ReadOptions): AsyncGenerator<ReadResult> {
  const gzipped = isGzipped(file);
  const stream = byteStream(file, 1 << 20);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let pending = '';
  let part = 0;
  let first: Article | null = null;
  const cut = (text: string): number => {
    const paragraph = text.lastIndexOf('\n\n', PART_CHARS);
    if (paragraph > PART_CHARS / 2) return paragraph + 2;
    const line = text.lastIndexOf('\n', PART_CHARS);
    return line > PART_CHARS / 2 ? line + 1 : PART_CHARS;
  };
  const emit = (text: string): ReadResult | null => {
    part++;
    if (part === 1) {
      // The first part is read like the whole file would be: its header or front matter gives the metadata.
      const [result] = parseArticles(file, Buffer.from(text, 'utf8'), { ...options, decompressed: true });
      if (result.ok !== true) return result;
      first = result.article;
      first.warnings.push(
        `${(size / 1024 / 1024).toFixed(0)} MB${gzipped ? ' gzipped' : ''}: stored in parts of at most ${PART_CHARS.toLocaleString('en-US')} characters ` +
          `(${basename(file)}, ${basename(file)}${PART_MARK}2, …), each a document of its own`,
      );
      return result;
    }
    if (text.trim() === '') return null;
    const base: Article = first!;
    return {
      ok: true,
      article: {
        ...base,
        path: `${file}${PART_MARK}${part}`,
        title: `${base.title ?? basename(file)} (part ${part})`,
        body: text,
        warnings: text.includes('\ufffd') ? ['not valid UTF-8 in places; the invalid bytes were replaced'] : [],
      },
    };
  };
  try {
    for await (const chunk of stream) {
      pending += decoder.decode(chunk as Buffer, { stream: true });
      while (pending.length >= PART_CHARS) {
        const at = cut(pending);
        const result = emit(pending.slice(0, at));
        pending = pending.slice(at);
        if (result) yield result;
        if (result && !result.ok && part === 1) return;
      }
    }
    pending += decoder.decode();
  } catch (error) {
    yield failure(file, ioCause(error));
    return;
  } finally {
    stream.destroy();
  }
  if (pending.trim() !== '' || part === 0) {
    const result = emit(pending);
    if (result) yield result;
  }
}
