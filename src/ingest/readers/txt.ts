/**
 * Plain text. The body is the whole decoded file — the gold offsets count the header
 * lines too — and the metadata is read from the first lines: an optional headline
 * line, then header lines such as `date 2018-12-18 NATIONAL` or `Source: Yonhap`.
 */
import type { SingleFormat } from '../formats.js';
import { emptyFields, normalizeDate, toTags, type ArticleFields, type ReaderOutcome } from './fields.js';

export const txtFormat: SingleFormat = {
  name: 'txt',
  extensions: ['.txt'],
  many: false,
  read: (text) => readTxt(text),
};

/** Headlines are short; a longer first line is the story's first paragraph. */
const MAX_TITLE = 150;
/** A first line right above a header line is a headline even when long or punctuated (Reuters titles). */
const MAX_TITLE_ABOVE_HEADER = 300;
/** Header lines are only looked for this near the top. */
const HEADER_SCAN_LINES = 12;

interface Line {
  text: string;
  start: number;
  /** Offset just past the line ending. */
  next: number;
}

function firstLines(text: string, count: number): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (lines.length < count && start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end).replace(/\r$/, ''), start, next: nl === -1 ? text.length : nl + 1 });
    start = end + 1;
  }
  return lines;
}

const isBlank = (line: Line | undefined): boolean => line !== undefined && line.text.trim() === '';

type Header = Partial<Pick<ArticleFields, 'title' | 'date' | 'section' | 'source' | 'dateline'>> & { tags?: string[] };

const DATE_KEY_RE = /^\s*(?:date|published|pubdate|publication date|dated)\s*[:=]?\s+(.+?)\s*$/i;
const FIELD_KEY_RE = /^\s*(title|headline|source|section|category|tags|keywords|dateline)\s*:\s*(.+?)\s*$/i;
// The date as a leading token, so that what follows it (`NATIONAL`) can be the section.
const LEADING_DATE_RE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|\d{8})(?:\s+(.*))?$/;
const SECTION_RE = /^[A-Za-z][\w&/ .'-]{0,39}$/;

/** A recognised header line, or null. */
export function parseHeaderLine(line: string): Header | null {
  let m = DATE_KEY_RE.exec(line);
  if (m) {
    const value = m[1];
    const lead = LEADING_DATE_RE.exec(value);
    const date = normalizeDate(lead ? lead[1] : value);
    if (!date) return null;
    const rest = lead?.[2]?.trim();
    if (rest && !SECTION_RE.test(rest)) return null;
    return rest ? { date, section: rest } : { date };
  }
  m = FIELD_KEY_RE.exec(line);
  if (!m) return null;
  const key = m[1].toLowerCase();
  const value = m[2];
  if (key === 'title' || key === 'headline') return { title: value };
  if (key === 'source') return { source: value };
  if (key === 'section' || key === 'category') return { section: value };
  if (key === 'dateline') return { dateline: value };
  return { tags: toTags(value) };
}

function looksLikeTitle(line: string, aboveHeader: boolean): boolean {
  const t = line.trim();
  if (t === '' || t.length > (aboveHeader ? MAX_TITLE_ABOVE_HEADER : MAX_TITLE)) return false;
  if (/^by\s/i.test(t)) return false; // a byline
  if (aboveHeader) return true;
  return !/[.!?:;,]["'”’)]*$/.test(t);
}

export function readTxt(raw: string): ReaderOutcome {
  // Line breaks written as a lone CR (old Mac files) read as LF: one character for one, so offsets
  // into the file stay offsets into the body; the file was one long line and lost its headline.
  const text = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
  const fields = emptyFields(text);
  const lines = firstLines(text, HEADER_SCAN_LINES);
  let i = 0;
  while (isBlank(lines[i])) i++;
  const first = lines[i];
  if (!first) return { ok: true, fields };

  let sawHeader = false;
  if (!parseHeaderLine(first.text)) {
    const below = lines[i + 1];
    if (!below) return { ok: true, fields };
    const headerBelow = parseHeaderLine(below.text) !== null;
    if (!(isBlank(below) || headerBelow) || !looksLikeTitle(first.text, headerBelow)) return { ok: true, fields };
    fields.title = first.text.replace(/\s+/g, ' ').trim();
    i++;
    while (isBlank(lines[i])) i++;
  }
  for (; i < lines.length; i++) {
    const header = parseHeaderLine(lines[i].text);
    if (!header) break;
    sawHeader = true;
    apply(fields, header);
  }
  while (isBlank(lines[i])) i++;
  // Past the scanned lines (a header block longer than the scan) the story start is unknown: use 0.
  fields.contentStart = lines[i] ? lines[i].start : sawHeader || fields.title ? text.length : 0;
  return { ok: true, fields };
}

function apply(fields: ArticleFields, header: Header): void {
  if (header.date && !fields.date) {
    fields.date = header.date;
    fields.dateSource = 'header';
  }
  if (header.section && !fields.section) fields.section = header.section;
  if (header.title && !fields.title) fields.title = header.title;
  if (header.source && !fields.source) fields.source = header.source;
  if (header.dateline && !fields.dateline) fields.dateline = header.dateline;
  if (header.tags) for (const tag of header.tags) if (!fields.tags.includes(tag)) fields.tags.push(tag);
}
