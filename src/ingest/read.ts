/**
 * Files → Articles: decode the bytes, hand the text to the reader for the file's
 * format, then fill what the file itself did not say — the date from the file name or
 * the --date flag, the source and dateline from the text's own attribution.
 * Nothing here throws for bad input: every failure is a one-line `path: cause`.
 */
import {
  closeSync,
  constants,
  createReadStream,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  type Stats,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import type { Article, ArticleFormat, IsoDate } from '../core/types.js';
import { decodeText, declaredCharset, sniffText } from './decode.js';
import { fsPath } from './paths.js';
import { sidecarEntry, type SidecarEntry } from './sidecar.js';
import { startsAsSgmlNews } from './readers/sgml.js';
import { findAttribution } from './attribution.js';
import { dateFromFilename, normalizeDate, type ArticleFields, type ReaderOutcome } from './readers/fields.js';
import {
  type ColumnMap,
  type Entry,
  FORMAT_EXTENSIONS,
  formatFor,
  type InputFormat,
  isGzipped,
  type ManyFormat,
} from './formats.js';

export { SUPPORTED_EXTENSIONS } from './formats.js';

export type ReadResult =
  | { ok: true; article: Article }
  | { ok: false; path: string; error: string }
  /** A record the reader passes over on purpose (a WARC request record): counted, not reported. */
  | { ok: 'skipped'; path: string; reason: string };

export interface ReadOptions {
  /** The `--date` flag: the publication date of files that carry none (dateSource 'flag'). */
  defaultDate?: string | null;
  /** Metadata for this file from its folder's corpus-meta.yaml (see sidecar.ts). */
  sidecar?: SidecarEntry | null;
  /** `--columns`: which CSV/TSV column holds which field. */
  columns?: ColumnMap | null;
  /** The bytes handed to parseArticles are a gzipped file's, decompressed already (a big text's first part). */
  decompressed?: boolean;
}

/** Larger files are refused rather than risking the whole run on one string (multi-article files stream). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Below this size a blocking read is cheaper than an asynchronous one. */
const SYNC_READ_BYTES = 1024 * 1024;
/** How much of a file's start a format's sniff sees. */
const SNIFF_BYTES = 4096;
/** How much of a gzipped file is decompressed for the sniff: enough for SNIFF_BYTES of any text. */
const GZIP_SNIFF_BYTES = 64 * 1024;

const extensionOf = (file: string): string | undefined => /\.[^./\\]+$/.exec(file)?.[0];

/** The format a path's extension names (case-insensitive), or null when unsupported. */
export function formatOf(file: string): ArticleFormat | null {
  return formatFor(file)?.name ?? null;
}

/** Whether one file of this name holds many articles, each stored as `file:ROW` or `file#ID`. */
export function holdsManyArticles(file: string): boolean {
  return formatFor(file)?.many ?? false;
}

/**
 * About how many articles a file holds (1 for single-article formats), for progress in articles.
 * Null when learning it would cost a read of the whole file in a way that is not cheap (a WARC).
 */
export async function articleCountHint(file: string): Promise<number | null> {
  const format = formatFor(file);
  if (!format?.many) return 1;
  // Counting a gzipped file's records would decompress all of it once more.
  if (isGzipped(file)) return null;
  try {
    return (await format.countHint?.(file)) ?? null;
  } catch {
    return null; // the read proper will report the problem
  }
}

/** Read one file into its articles, collected (tests and small files; ingest streams with `streamArticles`). */
export async function readArticles(file: string, options: ReadOptions = {}): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of streamArticles(file, options)) results.push(result);
  return results;
}

/**
 * Read one file into zero or more articles, one at a time: multi-article files (JSON Lines, CSV,
 * feeds, WARC) are streamed, so memory does not grow with the file. Never throws for bad input.
 * A file with an unknown extension is read as plain text (with a warning) unless it is binary.
 */
export async function* streamArticles(file: string, options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const format = formatFor(file);
  const gzipped = isGzipped(file);
  let bytes: Uint8Array | null = null;
  let head: string | null = null;
  let fd: number | null = null;
  try {
    // One open and fstat instead of a stat by path, then a read: a bulk ingest does this 20,000 times.
    // Non-blocking: opening a named pipe for reading otherwise waits for a writer, for ever.
    fd = openSync(fsPath(file), constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return yield failure(file, 'is a directory');
    const special = specialFile(stat);
    if (special) return yield failure(file, special);
    if (format?.many) {
      if (stat.size === 0) return yield failure(file, 'empty file');
      if (format.sniff) {
        const buffer = Buffer.alloc(Math.min(gzipped ? GZIP_SNIFF_BYTES : SNIFF_BYTES, stat.size));
        readSync(fd, buffer, 0, buffer.length, 0);
        const start = gzipped ? gunzipStart(buffer) : buffer;
        if (!start) return yield failure(file, 'not gzip data');
        // A Windows tool's UTF-16 XML shows its root only decoded as such.
        head = sniffText(start.subarray(0, SNIFF_BYTES));
      }
    } else {
      if (stat.size > MAX_FILE_BYTES)
        return yield failure(file, `file too large (${stat.size} bytes; the limit is ${MAX_FILE_BYTES})`);
      // Small files are read synchronously: an async read costs a thread-pool round trip that is
      // ~15x slower than the read itself (19,771 Reuters files: 3.4 s async, 0.2 s sync).
      bytes = stat.size < SYNC_READ_BYTES ? readFileSync(fd) : await readFile(fsPath(file));
    }
  } catch (err) {
    return yield failure(file, ioCause(err));
  } finally {
    if (fd !== null) closeSync(fd);
  }
  const { entry, warning } = await sidecarEntry(file);
  const withWarning = (r: ReadResult): ReadResult => {
    if (warning && r.ok === true) r.article.warnings.push(warning);
    return r;
  };
  const resolved = { ...options, sidecar: entry };
  if (bytes) {
    for (const r of parseArticles(file, bytes, resolved)) yield withWarning(r);
    return;
  }
  const many = format as ManyFormat;
  const sniffed = head !== null ? many.sniff!(head) : null;
  if (sniffed) return yield failure(file, sniffed);
  try {
    const stream = byteStream(file, 256 * 1024);
    try {
      for await (const e of many.stream(stream, { file, columns: options.columns }))
        yield withWarning(finishEntry(file, many.name, e, resolved));
    } finally {
      stream.destroy();
    }
  } catch (err) {
    // A reader bug or an I/O error mid-file: what was read stays read; the rest is one failure.
    const code = (err as NodeJS.ErrnoException)?.code;
    yield failure(file, code ? ioCause(err) : `unexpected error: ${oneLine((err as Error)?.message ?? String(err))}`);
  }
}

/** The same from bytes already in memory (used by tests and by `corpus extract`). WARC needs a file. */
export function parseArticles(file: string, bytes: Uint8Array, options: ReadOptions = {}): ReadResult[] {
  try {
    return parse(file, bytes, options);
  } catch (err) {
    // A reader bug must not take the whole ingest down; report it like any bad file.
    return [failure(file, `unexpected error: ${oneLine((err as Error)?.message ?? String(err))}`)];
  }
}

function parse(file: string, stored: Uint8Array, options: ReadOptions): ReadResult[] {
  // A file named explicitly may have any extension: read it as plain text if it is text.
  const known = formatFor(file);
  const format: InputFormat = known ?? formatFor('.txt')!;
  let bytes = stored;
  if (isGzipped(file) && !options.decompressed) {
    try {
      bytes = gunzipSync(stored, { maxOutputLength: MAX_FILE_BYTES });
    } catch (err) {
      const tooLarge = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      return [
        failure(file, tooLarge ? `file too large (over ${MAX_FILE_BYTES} bytes once decompressed)` : gzipCause(err)),
      ];
    }
  }
  // A page says its charset (a Japanese site's Shift_JIS); other one-article formats cannot.
  const decoded = decodeText(bytes, format.name === 'html' ? declaredCharset(bytes) : null);
  if (!decoded.ok)
    return [!known && decoded.error === 'binary file' ? unsupported(file) : failure(file, decoded.error)];
  const warnings = known
    ? decoded.warnings
    : [
        `${extensionOf(file) ? `unknown extension '${extensionOf(file)}'` : 'no file extension'}; read as plain text`,
        ...decoded.warnings,
      ];
  const { text } = decoded;
  // Read as one plain text, a collection's records would be one article full of markup.
  if (!known && startsAsSgmlNews(text.slice(0, SNIFF_BYTES)))
    return [
      failure(
        file,
        'holds SGML news records (<DOC>) but has no .sgm extension; name it .sgm to read them (a symbolic link NAME.sgm will do)',
      ),
    ];
  const context = { file, columns: options.columns };
  if (!format.many) {
    const outcome = format.read(text, context);
    if (outcome.ok === 'several') return entriesRead(file, format.name, outcome.entries, warnings, options);
    if (!outcome.ok) return [failure(file, outcome.error)];
    return [
      {
        ok: true,
        article: toArticle(file, format.name, withSidecar(outcome.fields, options.sidecar), warnings, options),
      },
    ];
  }
  const sniffed = format.sniff?.(text.slice(0, SNIFF_BYTES));
  if (sniffed) return [failure(file, sniffed)];
  if (!format.parse) return [failure(file, `a ${format.name.toUpperCase()} file is read from disk, not from memory`)];
  return entriesRead(file, format.name, format.parse(text, context), warnings, options);
}

/** The articles of a file's entries, each with the file's own `warnings` (its decoding's). */
function entriesRead(
  file: string,
  format: ArticleFormat,
  entries: Iterable<Entry>,
  warnings: string[],
  options: ReadOptions,
): ReadResult[] {
  const results: ReadResult[] = [];
  for (const e of entries) {
    const result = finishEntry(file, format, e, options);
    if (result.ok === true) result.article.warnings.unshift(...warnings);
    results.push(result);
  }
  if (results.length === 0) return [failure(file, 'empty file')];
  return results;
}

function finishEntry(file: string, format: ArticleFormat, e: Entry, options: ReadOptions): ReadResult {
  const path = `${file}${e.address}`;
  const outcome: ReaderOutcome | Entry['outcome'] = e.outcome;
  if (outcome.ok === 'skipped') return { ok: 'skipped', path, reason: outcome.reason };
  if (!outcome.ok) return failure(path, outcome.error);
  return {
    ok: true,
    article: toArticle(path, e.format ?? format, withSidecar(outcome.fields, options.sidecar), [], options),
  };
}

/**
 * Fill what the file did not say from its sidecar entry. The sidecar is metadata kept outside the
 * body, which is what the contract's 'frontmatter' date source means.
 */
function withSidecar(fields: ArticleFields, sidecar: SidecarEntry | null | undefined): ArticleFields {
  if (!sidecar) return fields;
  const dated = !fields.date && sidecar.date;
  return {
    ...fields,
    title: fields.title ?? sidecar.title ?? null,
    source: fields.source ?? sidecar.source ?? null,
    tags: fields.tags.length ? fields.tags : (sidecar.tags ?? []),
    date: dated ? sidecar.date! : fields.date,
    dateSource: dated ? 'frontmatter' : fields.dateSource,
  };
}

/** An article from a reader's fields, filled from its file's sidecar entry (a big document read in parts). */
export function articleOf(
  path: string,
  format: ArticleFormat,
  fields: ArticleFields,
  warnings: string[],
  options: ReadOptions,
): Article {
  return toArticle(path, format, withSidecar(fields, options.sidecar), warnings, options);
}

function toArticle(
  path: string,
  format: ArticleFormat,
  fields: ArticleFields,
  decodeWarnings: string[],
  options: ReadOptions,
): Article {
  // The file name's date: of the file, whatever address inside it the article has.
  const filenameDate: IsoDate | null = dateFromFilename(path.replace(/[:#][^/\\]*$/, ''));
  const flagDate = normalizeDate(options.defaultDate ?? null);
  let { date, dateSource } = fields;
  if (!date && filenameDate) [date, dateSource] = [filenameDate, 'filename'];
  else if (!date && flagDate) [date, dateSource] = [flagDate, 'flag'];
  else if (!date) dateSource = null;

  let { source, dateline } = fields;
  if (!source || !dateline) {
    const found = findAttribution(fields.body, fields.contentStart ?? 0);
    source ??= found.source;
    dateline ??= found.dateline;
  }
  return {
    path,
    format,
    title: fields.title,
    date,
    dateSource,
    source,
    dateline,
    section: fields.section,
    tags: fields.tags,
    url: fields.url ?? null,
    externalId: fields.externalId ?? null,
    author: fields.author ?? null,
    body: fields.body,
    storyStart: storyStartIn(fields.body, fields.contentStart),
    warnings: [...decodeWarnings, ...fields.warnings],
  };
}

/**
 * Where a body's story begins, as its reader found it; 0 when the reader found none or nothing
 * but the header follows it (a headline alone is still text to find).
 */
export function storyStartIn(body: string, contentStart: number | undefined): number {
  if (!contentStart || contentStart <= 0 || contentStart >= body.length) return 0;
  return body.slice(contentStart).trim() === '' ? 0 : contentStart;
}

/**
 * Why a file that is neither a regular file nor a folder is not read (a named pipe would block the
 * read for ever, a device such as /dev/zero never ends), or null for one that is.
 */
export function specialFile(
  stat: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>,
): string | null {
  if (stat.isFile() || stat.isDirectory()) return null;
  const kind = stat.isFIFO()
    ? 'a named pipe'
    : stat.isSocket()
      ? 'a socket'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'a device'
        : 'not a file';
  return `not a regular file (${kind}); not read`;
}

/** A file (or row) that could not be read, as one line: `path: cause`. */
export function failure(path: string, cause: string): ReadResult {
  return { ok: false, path, error: `${path}: ${oneLine(cause)}` };
}

function unsupported(file: string): ReadResult {
  const ext = extensionOf(file);
  return failure(
    file,
    `${ext ? `unsupported file type '${ext}'` : 'no file extension'} (supported: ${FORMAT_EXTENSIONS.join(', ')}, any of them gzipped)`,
  );
}

/**
 * A file's bytes as a stream, decompressed when its name says it is gzipped (`x.jsonl.gz`): a read or
 * decompression error reaches whoever reads it, and destroying it closes the file.
 */
export function byteStream(file: string, highWaterMark: number): Readable {
  const raw = createReadStream(fsPath(file), { highWaterMark });
  if (!isGzipped(file)) return raw;
  const decompressed = pipeline(raw, createGunzip(), () => {});
  decompressed.once('close', () => raw.destroy());
  return decompressed;
}

/** The start of a gzipped file's content from its first bytes (a stream cut short is no error here), or null. */
export function gunzipStart(bytes: Buffer): Buffer | null {
  try {
    return gunzipSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
}

/** Why gzipped bytes could not be read: not gzip at all, or damaged (cut short) data. */
function gzipCause(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  return /incorrect header check|unknown compression method/i.test(message)
    ? 'not gzip data'
    : `damaged gzip data (${message})`;
}

/** Why a file could not be read, in a few words (a damaged archive, no such file, permission…). */
export function ioCause(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  // zlib's errors (Z_DATA_ERROR, Z_BUF_ERROR: a cut or damaged archive).
  if (code?.startsWith('Z_')) return gzipCause(err);
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return `cannot read: ${(err as Error)?.message ?? String(err)}`;
  }
}

const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
