/**
 * CSV and TSV news datasets, one article a row, streamed with csv-parse (quoted fields across
 * lines, doubled quotes, a BOM). The header names the columns; the usual names of public news
 * datasets are recognised (`title`, `content`/`text`/`body`/`article`, `date`/`publish_date`/
 * `published`, `publication`/`source`, `url`, `author`, `id`), and `--columns text=body,…`
 * overrides the guess.
 *
 * Each row is addressed `file.csv:LINE`, the line of the file where the row starts (the header is
 * line 1, so in a file without multi-line fields this is the spreadsheet's row number). A broken
 * row (wrong number of fields, an unclosed quote) is one failure with its line; the rest is read.
 */
import { createRequire } from 'node:module';
import type { ColumnMap, Entry, ManyFormat, ReaderContext } from '../formats.js';
import {
  cleanString,
  emptyFields,
  normalizeDate,
  toTags,
  type ArticleFields,
  type ReaderOutcome,
  invalidDate,
} from './fields.js';
import { countCsvRecords } from './lines.js';
import { withReadAhead } from './read-ahead.js';
import { decodedChunks, headEncoding, MIXED_WARNING } from '../decode.js';
import { COLUMN_FIELD_NAMES, COLUMN_FIELDS, type ColumnField } from '../columns.js';

const require = createRequire(import.meta.url);
let csvParse: typeof import('csv-parse') | undefined;
let csvParseSync: typeof import('csv-parse/sync') | undefined;

/** How much of the file's start decides its encoding. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The file's text as csv-parse should take it, in the encoding its first SNIFF_BYTES say
 * (headEncoding, decodeText's rules): UTF-16 by its BOM or layout (Excel's "Unicode text" export),
 * Windows-1252 (the usual encoding of spreadsheet exports that are not UTF-8), else UTF-8 with any
 * stray byte, there or past it, read as Windows-1252 rather than as U+FFFD. `warn` is told the
 * warning of either fallback, once.
 */
async function* csvText(bytes: AsyncIterable<Uint8Array>, warn: (warning: string) => void): AsyncGenerator<string> {
  const head: Uint8Array[] = [];
  let size = 0;
  const iterator = bytes[Symbol.asyncIterator]();
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.byteLength;
  }
  const start = Buffer.concat(head);
  const { encoding, warnings } = headEncoding(start);
  for (const warning of warnings) warn(warning);
  // A stray byte is found as the parser reads ahead of the rows it gives: the warning says where it is.
  yield* decodedChunks(withReadAhead([start], iterator, done), encoding === 'utf-8' ? 'mixed' : encoding, (at) =>
    warn(`${MIXED_WARNING} (the first at byte ${at.toLocaleString('en-US')} of the file)`),
  );
}

type Layout = Partial<Record<ColumnField, number>>;

const normalizeHeader = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Which column feeds which field; a one-line error when no column holds the text or an override names no column. */
export function layoutOf(header: readonly string[], columns: ColumnMap | null | undefined): Layout | string {
  const names = header.map(normalizeHeader);
  const layout: Layout = {};
  for (const field of COLUMN_FIELD_NAMES) {
    const wanted = columns?.[field];
    if (wanted !== undefined) {
      const at = names.indexOf(normalizeHeader(wanted));
      if (at === -1) return `no column '${wanted}' for ${field} (columns: ${header.join(', ')})`;
      layout[field] = at;
      continue;
    }
    for (const candidate of COLUMN_FIELDS[field]) {
      const at = names.indexOf(candidate);
      if (at !== -1) {
        layout[field] = at;
        break;
      }
    }
  }
  if (layout.text === undefined) {
    return `no article text column: none of ${COLUMN_FIELDS.text.slice(0, 4).join(', ')} in the header (columns: ${header.join(', ')}); name it with --columns text=COLUMN`;
  }
  return layout;
}

function rowOutcome(row: readonly string[], layout: Layout): ReaderOutcome {
  const cell = (field: ColumnField): string | undefined =>
    layout[field] === undefined ? undefined : row[layout[field]!];
  const body = cell('text') ?? '';
  if (body.trim() === '') return { ok: false, error: 'no article text: the text column is empty' };
  const fields: ArticleFields = emptyFields(body);
  fields.title = cleanString(cell('title'));
  const rawDate = cleanString(cell('date'));
  if (rawDate) {
    // A bare number is a Unix time only in a timestamp column; a year alone is not a day.
    fields.date = normalizeDate(/^\d+(?:\.\d+)?$/.test(rawDate) && rawDate.length >= 9 ? Number(rawDate) : rawDate);
    if (fields.date) fields.dateSource = 'json';
    else fields.warnings.push(invalidDate(rawDate));
  }
  fields.source = cleanString(cell('source'));
  fields.url = cleanString(cell('url'));
  fields.author = cleanString(cell('author'));
  fields.externalId = cleanString(cell('id'));
  fields.section = cleanString(cell('section'));
  fields.tags = toTags(cell('tags'));
  return { ok: true, fields };
}

/** Where a record starts: csv-parse reports the line it ends on. */
function startLine(endLine: number, raw: string | undefined): number {
  if (!raw) return endLine;
  let inner = 0;
  for (let at = raw.indexOf('\n'); at !== -1; at = raw.indexOf('\n', at + 1)) inner++;
  if (raw.endsWith('\n')) inner--;
  return Math.max(1, endLine - inner);
}

interface CsvError extends Error {
  code?: string;
  lines?: number;
}

/** csv-parse's message without its own "on line N" (the address says where). */
function describeCsvError(err: CsvError | undefined): string {
  if (!err) return 'unreadable row';
  const m = /expect (\d+), got (\d+)/.exec(err.message);
  if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && m)
    return `broken row: ${m[2]} fields, the header has ${m[1]}`;
  if (err.code === 'CSV_MAX_RECORD_SIZE')
    return `broken row: longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters (a quoted field never closed, or a field longer than an article may be); the rest of the file is not read`;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED')
    return 'broken row: a quoted field is never closed (the rest of the file is inside it)';
  return `broken row: ${err.message.replace(/\s*(?:at|on) line \d+.*$/i, '').replace(/^Invalid /, 'invalid ')}`;
}

/** The longest row read: an article of a CSV file, past any news story. */
export const MAX_ROW_CHARS = 16 * 1024 * 1024;

/**
 * How a delimited file is cut, from its first line: Excel's `sep=;` hint line names the delimiter (and
 * is not the header); a .csv header with more semicolons than commas is a semicolon CSV, as Excel
 * writes CSV in most of Europe; else `delimiter`, the format's own.
 */
export function dialectOf(start: string, delimiter: string): { delimiter: string; fromLine: number } {
  const first = start.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const hint = /^sep=(.)$/i.exec(first);
  if (hint) return { delimiter: hint[1], fromLine: 2 };
  if (delimiter !== ',') return { delimiter, fromLine: 1 };
  // Outside quoted fields: a title with a comma in quotes says nothing of the delimiter.
  const bare = first.replace(/"[^"]*"/g, '');
  const count = (c: string) => bare.split(c).length - 1;
  return { delimiter: count(';') > count(',') ? ';' : ',', fromLine: 1 };
}

function parserOptions(
  { delimiter, fromLine }: { delimiter: string; fromLine: number },
  onSkip: (err: CsvError | undefined, raw: string | undefined) => void,
) {
  return {
    delimiter,
    from_line: fromLine,
    bom: true,
    info: true,
    raw: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // A quote never closed makes the rest of the file one field: held whole, a 90 MB file took 740 MB.
    max_record_size: MAX_ROW_CHARS,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined, raw: string | undefined): undefined => {
      onSkip(err, raw);
    },
  } as const;
}

interface Parsed {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** The rows of a parsed stream as entries, broken rows reported in file order. */
function* entriesOf(records: Iterable<Parsed> | null, context: ReaderContext, state: RowState): Generator<Entry> {
  for (const parsed of records ?? []) yield* state.take(parsed, context);
}

/** The header, then one entry per row; broken rows (collected by on_skip) are yielded in line order. */
class RowState {
  layout: Layout | null = null;
  failedLayout = false;
  /** Said once, on the file's first row, rather than on every row. */
  encodingWarning: string | null = null;
  readonly skipped: { line: number; error: string }[] = [];

  /** A row ran past MAX_ROW_CHARS: a quote never closed, so the rest of the file is one field. */
  runaway = false;
  /** Broken rows met (reported as they come, so `skipped` empties). */
  broken = 0;

  onSkip = (err: CsvError | undefined, raw: string | undefined): void => {
    // Past the runaway row everything is inside its quote: one line says so, not one per 16 MB.
    if (this.runaway) return;
    if (err?.code === 'CSV_MAX_RECORD_SIZE') this.runaway = true;
    this.broken++;
    this.skipped.push({ line: startLine(err?.lines ?? 0, raw), error: describeCsvError(err) });
  };

  *take(parsed: Parsed, context: ReaderContext): Generator<Entry> {
    const line = startLine(parsed.info.lines, parsed.raw);
    if (this.failedLayout) return;
    if (!this.layout) {
      const layout = layoutOf(parsed.record, context.columns);
      if (typeof layout === 'string') {
        // One failure for the whole file: without a text column no row can be read.
        this.failedLayout = true;
        yield { address: '', outcome: { ok: false, error: layout } };
        return;
      }
      this.layout = layout;
      return;
    }
    yield* this.skippedBefore(line);
    const outcome = rowOutcome(parsed.record, this.layout);
    if (this.encodingWarning && outcome.ok) {
      outcome.fields.warnings.unshift(this.encodingWarning);
      this.encodingWarning = null;
    }
    yield { address: `:${line}`, outcome };
  }

  *skippedBefore(line: number): Generator<Entry> {
    while (this.skipped.length && this.skipped[0].line <= line && !this.failedLayout) {
      const { line: at, error } = this.skipped.shift()!;
      yield { address: `:${at}`, outcome: { ok: false, error } };
    }
  }
}

function delimitedFormat(name: 'csv' | 'tsv', delimiter: string, extensions: readonly string[]): ManyFormat {
  return {
    name,
    extensions,
    many: true,
    async *stream(bytes, context) {
      csvParse ??= require('csv-parse') as typeof import('csv-parse');
      const state = new RowState();
      const input = csvText(bytes, (warning) => (state.encodingWarning = warning))[Symbol.asyncIterator]();
      // The first text decides the dialect (it holds the sniffed start: 64 KB, or the whole file).
      const head: string[] = [];
      for (let next = await input.next(); !next.done; next = await input.next()) {
        head.push(next.value);
        if (next.value !== '') break;
      }
      const parser = csvParse.parse(parserOptions(dialectOf(head.join(''), delimiter), state.onSkip));
      // The bytes are piped in as the parser asks for them: memory stays one chunk and one row.
      const feed = (async () => {
        try {
          for await (const chunk of withReadAhead(head, input)) {
            if (state.runaway) break; // the rest would only lengthen the field that never ends
            if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
          }
          parser.end();
        } catch (err) {
          parser.destroy(err as Error);
        }
      })();
      let rows = 0;
      for await (const parsed of parser as AsyncIterable<Parsed>) {
        rows++;
        yield* state.take(parsed, context);
      }
      await feed;
      yield* state.skippedBefore(Number.MAX_SAFE_INTEGER);
      if (rows === 0) yield { address: '', outcome: { ok: false, error: 'empty file' } };
      else if (rows === 1 && !state.failedLayout && state.broken === 0) {
        yield { address: '', outcome: { ok: false, error: 'no rows below the header' } };
      }
    },
    *parse(text, context) {
      csvParseSync ??= require('csv-parse/sync') as typeof import('csv-parse/sync');
      const state = new RowState();
      const records = csvParseSync.parse(
        text,
        parserOptions(dialectOf(text, delimiter), state.onSkip),
      ) as unknown as Parsed[];
      yield* entriesOf(records, context, state);
      yield* state.skippedBefore(Number.MAX_SAFE_INTEGER);
      if (records.length === 0) yield { address: '', outcome: { ok: false, error: 'empty file' } };
    },
    countHint: async (file) => Math.max(0, (await countCsvRecords(file)) - 1),
  };
}

export const csvFormat = delimitedFormat('csv', ',', ['.csv']);
export const tsvFormat = delimitedFormat('tsv', '\t', ['.tsv', '.tab']);
