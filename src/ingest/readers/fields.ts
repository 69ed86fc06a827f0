/**
 * Normalizing the metadata values readers find (dates, names, tag lists), shared by
 * every format so that a date or a tag list means the same whatever file it came from.
 */
import type { Article, IsoDate } from '../../core/types.js';
import { MONTH_WORD, MONTHS } from '../../core/names.js';

/** `YYYY-MM-DD` when year, month and day make a real calendar day (so `2019-02-29` and `2019-13-45` are rejected). */
export function isoDay(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(key) ?? MONTHS.get(key.slice(0, 3)) ?? null;
}

// Used with the `i` flag only.
const MONTH_NAME = `(${MONTH_WORD})\\.?`;
const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_]|[+-]\d|Z)/i;
const SLASH_RE = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|[T\s])/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:$|T\d)/;
// "15 Feb 2019", "Fri, 15 Feb 2019 10:00:00 GMT" (RSS pubDate), "26-FEB-1987 15:01:01.79" (Reuters' SGML)
const DAY_MONTH_RE = new RegExp(`^(?:[a-z]+,?\\s+)?(\\d{1,2})(?:\\s+|-)${MONTH_NAME}(?:\\s+|-)(\\d{4})\\b`, 'i');
// "February 15, 2019", "Friday, Feb. 15, 2019"
const MONTH_DAY_RE = new RegExp(`^(?:[a-z]+,?\\s+)?${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');

/**
 * The calendar day a metadata date value names: ISO 8601 dates and datetimes (the
 * day as written, whatever the offset: it is the publisher's local day), `YYYY/MM/DD`,
 * `YYYYMMDD`, RFC 2822 and `Month D, YYYY`. Numbers are Unix times (s or ms). Else null.
 */
export function normalizeDate(value: unknown): IsoDate | null {
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? null
      : isoDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    // 19870302 is a day written as digits (datasets do), not a Unix time in August 1970.
    if (Number.isInteger(value) && value >= 10_000_101 && value <= 29_991_231) {
      const day = isoDay(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
      if (day) return day;
    }
    // Below 1e11 a Unix time in seconds reaches the year 5138; above, it must be milliseconds. Either
    // is checked as a written date is (years 1000 to 2999): 1e15 ms was stored as `+033658-09`.
    const d = new Date(value < 1e11 ? value * 1000 : value);
    if (Number.isNaN(d.getTime())) return null;
    return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  let m = ISO_RE.exec(s) ?? SLASH_RE.exec(s) ?? COMPACT_RE.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_RE.exec(s);
  if (m) return isoDay(Number(m[3]), monthNumber(m[2]) ?? 0, Number(m[1]));
  m = MONTH_DAY_RE.exec(s);
  if (m) return isoDay(Number(m[3]), monthNumber(m[1]) ?? 0, Number(m[2]));
  return null;
}

/**
 * A date in a file's name: `2019-02-15-hanoi.txt`, `20190215_x.md`, `2019_02_15.json`.
 * Digits glued to letters or other digits (hashes, ids) do not count.
 */
export function dateFromFilename(file: string): IsoDate | null {
  const base = file.split(/[\\/]/).pop() ?? '';
  const re = /(?<![A-Za-z0-9])(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)/g;
  for (const m of base.matchAll(re)) {
    const year = Number(m[1]);
    if (year < 1900 || year > 2100) continue;
    const day = isoDay(year, Number(m[3]), Number(m[4]));
    if (day) return day;
  }
  return null;
}

/**
 * Set `fields`' date from a metadata value (a feed item's, a news XML file's): the source's own date,
 * like a JSON field's; a value that names no day is a warning.
 */
export function withMetadataDate(fields: ArticleFields, raw: string | null): void {
  if (!raw) return;
  fields.date = normalizeDate(raw);
  if (fields.date) fields.dateSource = 'json';
  else fields.warnings.push(invalidDate(raw));
}

/** The warning for a metadata date value that names no day (a string, or a JSON number). */
export function invalidDate(raw: unknown): string {
  return `date ${JSON.stringify(raw).slice(0, 60)} is not a valid date; ignored`;
}

/** A non-empty single-line string, or null. Metadata sometimes carries numbers or {name} objects. */
export function cleanString(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) value = (value as Record<string, unknown>).name;
  if (typeof value !== 'string') return null;
  const s = value.replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/** Tags from a list, or from a comma/semicolon separated string; trimmed, deduplicated, in order. */
export function toTags(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;]/) : [];
  const out: string[] = [];
  for (const item of raw) {
    const tag = cleanString(item);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** The first of `keys` present in `record` whose value `pick` accepts. */
export function firstOf<T>(
  record: Record<string, unknown>,
  keys: readonly string[],
  pick: (v: unknown) => T | null,
): T | null {
  for (const key of keys) {
    if (!(key in record)) continue;
    const v = pick(record[key]);
    if (v !== null) return v;
  }
  return null;
}

/** What a format reader found in one article; read.ts adds the path, format and fallbacks. */
export type ArticleFields = Omit<Article, 'path' | 'format'> & {
  /** Where the story itself starts in `body` (after a plain-text header), for dateline detection. */
  contentStart?: number;
};

export type ReaderOutcome = { ok: true; fields: ArticleFields } | { ok: false; error: string };

export function emptyFields(body: string): ArticleFields {
  return {
    title: null,
    date: null,
    dateSource: null,
    source: null,
    dateline: null,
    section: null,
    tags: [],
    externalId: null,
    body,
    warnings: [],
  };
}
