/**
 * The input-format registry: which reader reads a file, and whether one file holds many articles.
 * Adding a format is one reader file (exporting an `InputFormat`) plus one line in `FORMATS`.
 *
 * Single-article readers get the decoded text of the whole file. Multi-article readers stream the
 * file's bytes and yield one entry per article, so a 10 GB CSV or WARC never sits in memory.
 */
import type { ArticleFormat } from '../core/types.js';
import type { ReaderOutcome } from './readers/fields.js';
import { txtFormat } from './readers/txt.js';
import { markdownFormat } from './readers/markdown.js';
import { htmlFormat } from './readers/html.js';
import { jsonFormat, jsonLinesFormat } from './readers/json.js';
import { csvFormat, tsvFormat } from './readers/csv.js';
import { feedFormat } from './readers/feed.js';
import { warcFormat } from './readers/warc.js';
import { sgmlFormat } from './readers/sgml.js';

/** `--columns text=body,date=published`: which source column holds which article field. */
export type ColumnMap = Readonly<Record<string, string>>;

export interface ReaderContext {
  /** The file being read (for messages and addresses). */
  file: string;
  /** `--columns` overrides for tabular formats. */
  columns?: ColumnMap | null;
}

/** A record a multi-article reader passed over on purpose (a WARC `request` record, say): counted, not reported. */
export interface Skipped {
  ok: 'skipped';
  reason: string;
}

/** One article (or one failure, or one skip) of a multi-article file. */
export interface Entry {
  /** Appended to the file's path to address the article: `:ROW` or `#ID`. */
  address: string;
  outcome: ReaderOutcome | Skipped;
  /** The format to record when it is more precise than the reader's (RSS or Atom). */
  format?: ArticleFormat;
}

interface FormatBase {
  /** What `documents.format` records. */
  name: ArticleFormat;
  /** Lower case, with the dot; compound ones (`.warc.gz`) are matched before simple ones. */
  extensions: readonly string[];
  /**
   * For an extension other content shares (`.xml`): whether the start of the file is this format.
   * A file that fails the sniff is reported, never read as something else.
   */
  sniff?: (head: string) => string | null;
}

export interface SingleFormat extends FormatBase {
  many: false;
  /** One article; or, where `mayHoldMany`, the entries of several after all (a JSON array of them). */
  read(text: string, context: ReaderContext): ReaderOutcome | SeveralArticles;
  /** A file may hold several articles (addressed `:N`, its Nth), though most hold one (`.json`). */
  mayHoldMany?: true;
}

/** A one-article format's file that holds several: their entries, addressed `:N`. */
export interface SeveralArticles {
  ok: 'several';
  entries: Entry[];
}

export interface ManyFormat extends FormatBase {
  many: true;
  /** The articles of a byte stream, in file order. Bad records are failure entries: they never stop the stream. */
  stream(bytes: AsyncIterable<Uint8Array>, context: ReaderContext): AsyncIterable<Entry>;
  /** The same from a decoded text already in memory, when the format can be parsed synchronously. */
  parse?(text: string, context: ReaderContext): Iterable<Entry>;
  /** About how many articles the file holds, when that is cheap to learn (for progress in articles). */
  countHint?(file: string): Promise<number | null>;
}

export type InputFormat = SingleFormat | ManyFormat;

/** Every format `corpus ingest` and `corpus extract` read. */
export const FORMATS: readonly InputFormat[] = [
  txtFormat,
  markdownFormat,
  htmlFormat,
  jsonFormat,
  jsonLinesFormat,
  csvFormat,
  tsvFormat,
  feedFormat,
  warcFormat,
  sgmlFormat,
];

/** Every format's own extensions, with the dot (what messages list). */
export const FORMAT_EXTENSIONS: readonly string[] = FORMATS.flatMap((f) => f.extensions);

/**
 * Any of them gzipped (`.jsonl.gz`, `.sgm.gz`, `.csv.gz`): corpora are shipped so (Gigaword's SGML,
 * the Reuters JSON Lines beside this project). WARC reads its own `.warc.gz` record by record.
 */
const GZIPPED = FORMAT_EXTENSIONS.filter((ext) => !ext.endsWith('.gz') && ext !== '.warc').map((ext) => `${ext}.gz`);

/** Every extension a folder walk picks up, with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...FORMAT_EXTENSIONS, ...GZIPPED];

const BY_LENGTH = FORMATS.flatMap((format) =>
  format.extensions.flatMap((ext) => [
    { ext, format },
    ...(GZIPPED.includes(`${ext}.gz`) ? [{ ext: `${ext}.gz`, format }] : []),
  ]),
).sort((a, b) => b.ext.length - a.ext.length);

/** Whether a file of this name is a gzipped file of a format (`x.jsonl.gz`), to be decompressed before reading. */
export function isGzipped(file: string): boolean {
  const ext = knownExtension(file);
  return ext !== null ? GZIPPED.includes(ext) : (byContent.get(file)?.gzipped ?? false);
}

/** The extension a path ends with that some format reads (`.warc.gz` before `.gz`), else null. */
export function knownExtension(file: string): string | null {
  const lower = file.toLowerCase();
  return BY_LENGTH.find(({ ext }) => lower.endsWith(ext))?.ext ?? null;
}

/**
 * Files whose name says no format but whose content does, as discovery found them in this process:
 * TREC's collections of SGML records named without an extension (`la010189`, `19980601_APW_ENG`),
 * Gigaword's gzipped ones named `.gz` alone (`afp_eng_199405.gz`).
 */
const byContent = new Map<string, { format: InputFormat; gzipped: boolean }>();

/** Record that `file`, whose name says no format, holds `format`, gzipped or not (discovery sniffed its start). */
export function rememberFormat(file: string, format: InputFormat, gzipped = false): void {
  byContent.set(file, { format, gzipped });
}

/**
 * The format a path's extension names (case-insensitive), else the one its content showed (see
 * rememberFormat); null when no reader takes it.
 */
export function formatFor(file: string): InputFormat | null {
  const lower = file.toLowerCase();
  return BY_LENGTH.find(({ ext }) => lower.endsWith(ext))?.format ?? byContent.get(file)?.format ?? null;
}

/** Whether a stored path names an article inside a multi-article file (`x.csv:3`, `x.warc.gz#id`, `x.json:3`). */
export function containerOf(stored: string): string | null {
  // A file known by its content (`la010189#LA010189-0001`): the address follows its own name.
  for (const mark of ['#', ':']) {
    const at = stored.indexOf(mark, stored.lastIndexOf('/') + 1);
    if (at > 0 && byContent.get(stored.slice(0, at))?.format.many) return stored.slice(0, at);
  }
  const lower = stored.toLowerCase();
  for (const { ext, format } of BY_LENGTH) {
    if (!format.many) {
      // A file of one-article format holding several: only its own `:N`.
      if (format.mayHoldMany && lower.endsWith(ext, lower.search(/:\d+$/))) return stored.replace(/:\d+$/, '');
      continue;
    }
    // The first `ext` followed by `:` or `#` ends the file's path: what follows is the address.
    let at = lower.indexOf(ext);
    while (at !== -1) {
      const next = stored[at + ext.length];
      if (next === ':' || next === '#') return stored.slice(0, at + ext.length);
      at = lower.indexOf(ext, at + 1);
    }
  }
  return null;
}
