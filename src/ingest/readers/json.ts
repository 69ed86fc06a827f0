/**
 * JSON articles as news scrapers write them: one object per `.json` file (or an array of them,
 * or a news API's list), one per line in `.jsonl`. Field names follow the spec (see
 * spec/extract-format.md) plus the spellings of common scrapers (news-please's
 * `maintext`/`date_publish`/`source_domain`, NewsAPI's `publishedAt` and source object).
 */
import type { Entry, ManyFormat, SeveralArticles, SingleFormat } from '../formats.js';
import { decodeText } from '../decode.js';
import {
  cleanString,
  emptyFields,
  firstOf,
  normalizeDate,
  toTags,
  type ArticleFields,
  type ReaderOutcome,
  invalidDate,
} from './fields.js';
import { byteLines, countNewlines } from './lines.js';
import { MEMBER_CHARS, type ScannedMember } from './json-stream.js';

const BODY_KEYS = ['text', 'body', 'content', 'maintext'] as const;
const DATE_KEYS = [
  'date',
  'published',
  'date_publish',
  'publish_date',
  'pubDate',
  'datePublished',
  'published_at',
  'publishedAt',
] as const;
const TITLE_KEYS = ['title', 'headline'] as const;
const ID_KEYS = ['id', 'guid', 'uuid', 'article_id', 'doc_id', '_id'] as const;
const TAG_KEYS = [
  'tags',
  'keywords',
  'topics',
  'places',
  'people',
  'orgs',
  'organizations',
  'categories',
  'subjects',
] as const;
const SOURCE_KEYS = ['source', 'publisher', 'outlet', 'source_domain', 'site_name'] as const;
const URL_KEYS = ['url', 'link', 'canonical_url'] as const;
const AUTHOR_KEYS = ['author', 'authors', 'byline', 'creator'] as const;

export const jsonFormat: SingleFormat = {
  name: 'json',
  extensions: ['.json'],
  many: false,
  read: (text) => readJson(text),
  mayHoldMany: true,
};

export const jsonLinesFormat: ManyFormat = {
  name: 'jsonl',
  extensions: ['.jsonl'],
  many: true,
  stream: streamJsonLines,
  *parse(text) {
    for (const { line, outcome } of readJsonLines(text)) yield { address: `:${line}`, outcome };
  },
  countHint: (file) => countNewlines(file),
};

/**
 * The longest JSON Lines record read: a line is parsed whole, and a 60 MB one took 688 MB (about ten
 * times its size above the process's own 110), so this one about 420. A longer one is reported and
 * stepped over; as a `.json` file of its own it is read as it streams, in parts.
 */
const MAX_LINE_BYTES = 32 * 1024 * 1024;

/** A `.jsonl` stream, one line at a time: each line is decoded on its own (UTF-8, else Windows-1252). */
async function* streamJsonLines(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Entry> {
  for await (const { line, bytes: raw, tooLong } of byteLines(bytes, MAX_LINE_BYTES)) {
    if (tooLong !== undefined) {
      const error = `a line of ${(tooLong / 2 ** 20).toFixed(0)} MB, over the ${MAX_LINE_BYTES / 2 ** 20} MB a record may be: not read (save the article as a .json file of its own to read it in parts)`;
      yield { address: `:${line}`, outcome: { ok: false, error } };
      continue;
    }
    if (raw.length === 0 || (raw.length === 1 && raw[0] === 13)) continue;
    const decoded = decodeText(raw);
    if (!decoded.ok) {
      yield {
        address: `:${line}`,
        outcome: { ok: false, error: decoded.error === 'binary file' ? 'binary data on this line' : decoded.error },
      };
      continue;
    }
    const text = decoded.text.replace(/\r$/, '');
    if (text.trim() === '') continue;
    const outcome = parseLine(text);
    if (outcome.ok) outcome.fields.warnings.unshift(...decoded.warnings);
    yield { address: `:${line}`, outcome };
  }
}

/** One article object's JSON text (a JSON Lines line, an element of a big array), parsed on its own. */
export function parseLine(raw: string): ReaderOutcome {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { ok: false, error: describeJsonError(err as Error, raw, true) };
  }
  return fromRecord(value);
}

/** One JSON Lines record's outcome, with its 1-based line number. */
export interface JsonLineOutcome {
  line: number;
  outcome: ReaderOutcome;
}

/** A whole `.json` file: one article object, or the articles of an array or a news API's list (articleList). */
export function readJson(text: string): ReaderOutcome | SeveralArticles {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: describeJsonError(err as Error, text) };
  }
  const list = articleList(value);
  if (list)
    return { ok: 'several', entries: list.map((item, i) => ({ address: `:${i + 1}`, outcome: fromRecord(item) })) };
  if (Array.isArray(value)) return { ok: false, error: 'top level is an array with no article object in it' };
  return fromRecord(value);
}

/**
 * The articles of a file that holds several, as scrapers and news APIs export them: a top-level
 * array of objects, or an object with no article text of its own whose one array of objects holds
 * them (`{"status": "ok", "articles": [...]}`). Null for one article.
 */
function articleList(value: unknown): unknown[] | null {
  const ofObjects = (v: unknown): v is unknown[] =>
    Array.isArray(v) &&
    v.length > 0 &&
    v.some((item) => item !== null && typeof item === 'object' && !Array.isArray(item));
  if (ofObjects(value)) return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (BODY_KEYS.some((k) => typeof record[k] === 'string' && record[k].trim() !== '')) return null;
  const lists = Object.values(record).filter(ofObjects);
  return lists.length === 1 ? lists[0] : null;
}

/** A `.jsonl` file: one outcome per non-blank line; a bad line does not stop the others. */
export function readJsonLines(text: string): JsonLineOutcome[] {
  const results: JsonLineOutcome[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    line++;
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    results.push({ line, outcome: parseLine(raw) });
  }
  return results;
}

function fromRecord(value: unknown): ReaderOutcome {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      error: `expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    };
  }
  const record = value as Record<string, unknown>;
  const body = firstOf(record, BODY_KEYS, (v) => (typeof v === 'string' && v.trim() !== '' ? v : null));
  if (body === null) return { ok: false, error: NO_BODY };
  return { ok: true, fields: recordFields(record, body) };
}

const NO_BODY = `no article text: none of ${BODY_KEYS.join(', ')} is a non-empty string`;

/**
 * The body of an object scanned as a stream (see json-stream.ts), chosen as fromRecord chooses:
 * the first of BODY_KEYS whose value (the last given, as JSON.parse keeps) is a string with text.
 * Its position among the members, or an error.
 */
export function scannedBody(members: ScannedMember[]): { at: number } | { error: string } {
  for (const key of BODY_KEYS) {
    let at = members.length - 1;
    while (at >= 0 && members[at].key !== key) at--;
    if (at >= 0 && members[at].text) return { at };
  }
  return { error: NO_BODY };
}

/** A scanned object's fields, its body (member `at`) given apart; members too large to keep are left out, with a warning. */
export function scannedFields(members: ScannedMember[], at: number, body: string): ArticleFields {
  const record: Record<string, unknown> = {};
  const left: string[] = [];
  members.forEach((m, i) => {
    if (i === at) return;
    if (m.value !== undefined) record[m.key] = m.value;
    else left.push(`'${m.key}'`);
  });
  const fields = recordFields(record, body);
  if (left.length)
    fields.warnings.push(`${left.join(', ')} left out: over ${MEMBER_CHARS.toLocaleString('en-US')} characters`);
  return fields;
}

function recordFields(record: Record<string, unknown>, body: string): ArticleFields {
  const fields: ArticleFields = emptyFields(body);
  fields.title = firstOf(record, TITLE_KEYS, cleanString);
  const rawDate = firstOf(record, DATE_KEYS, (v) => (v === null || v === undefined || v === '' ? null : v));
  if (rawDate !== null) {
    fields.date = normalizeDate(rawDate);
    if (fields.date) fields.dateSource = 'json';
    else fields.warnings.push(invalidDate(rawDate));
  }
  // A news API's source is an object: `{"id": "reuters", "name": "Reuters"}`.
  fields.source = firstOf(record, SOURCE_KEYS, (v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? cleanString((v as { name?: unknown }).name)
      : cleanString(v),
  );
  fields.dateline = cleanString(record.dateline);
  fields.section = firstOf(record, ['section', 'category'], cleanString);
  // Every list of labels a source attaches (Reuters: topics, places, people, orgs) is kept as tags.
  fields.tags = toTags(TAG_KEYS.flatMap((k) => toTags(record[k])));
  fields.externalId = firstOf(record, ID_KEYS, cleanString);
  fields.url = firstOf(record, URL_KEYS, cleanString);
  fields.author = firstOf(record, AUTHOR_KEYS, (v) =>
    Array.isArray(v) ? toTags(v).join(', ') || null : cleanString(v),
  );
  return fields;
}

/** V8's message, without the quoted snippet of input and with the position as line and column. */
function describeJsonError(err: Error, text: string, oneLine = false): string {
  let message = err.message.split('\n')[0].replace(/,\s*".*" is not valid JSON$/s, '');
  const pos = /at position (\d+)/.exec(message);
  if (pos) {
    const offset = Number(pos[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    message = message.replace(/\s*(?:in JSON )?at position \d+.*$/, '');
    return `invalid JSON at ${oneLine ? '' : `line ${line}, `}column ${column}: ${message}`;
  }
  return `invalid JSON: ${message.replace(/ in JSON$/, '')}`;
}
