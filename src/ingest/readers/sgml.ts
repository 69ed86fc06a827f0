/**
 * Newswire collections in SGML, many stories to a file: TREC-style `<DOC>` records (AQUAINT, TDT,
 * Gigaword, the TREC disks, LDC's news releases) and Reuters-21578's `<REUTERS>` records. A record is
 * one article: its id (`DOCNO`, `DOCID`, or the record's `id`/`NEWID` attribute), headline
 * (`HEADLINE`, `HL`, `TITLE`, `HEAD`), date (`DATE`, `DATE_TIME`, `DD`, else the day an id like
 * `APW19980601.0003` is named for), `DATELINE`, byline and the text: Reuters' `BODY`, else `TEXT`
 * with its `<P>` paragraphs and without the headline and dateline elements some collections nest
 * in it. Reuters' category lists (`<TOPICS><D>grain</D>…`) become tags.
 *
 * SGML is not XML (no root, undeclared entities such as NYT's `&UR;`, wire control codes written
 * `&#3;`), so records are cut at their end tags and their elements read by name, not parsed by an
 * XML parser, which would reject the file. A record marked a brief (Reuters' 1,798 headline-only
 * `BRIEF` items, whose body is filler) or holding a headline alone is passed over and counted as
 * skipped. Records are addressed `file.sgm#ID`, else `file.sgm:N`; each is decoded on its own
 * (UTF-8, else Windows-1252), so one bad byte never garbles the file.
 */
import { createReadStream } from 'node:fs';
import type { Entry, ManyFormat, Skipped } from '../formats.js';
import { decodeText } from '../decode.js';
import { HARD_WRAP } from '../../nlp/wrapped-lines.js';
import { wordWrap } from '../../core/word-wrap.js';
import { maxOf } from '../../core/extremes.js';
import { cleanString, emptyFields, invalidDate, isoDay, normalizeDate, toTags, type ReaderOutcome } from './fields.js';
import {
  attributes,
  blockText,
  bylineIn,
  element,
  elementText,
  inlineText,
  tagAttributes,
  withoutElements,
} from './markup.js';

/** The start tag of a record: a file holds a sequence of one of them. */
const RECORD_START = /<(DOC|REUTERS)(?=[\s>])[^>]*>/i;
/** A scanner of record start tags of its own (a shared global regex's position would be shared too). */
const recordStarts = (): RegExp => new RegExp(RECORD_START.source, 'gi');
/**
 * A record longer than this has lost its end tag (or holds far more than a news story): the rest of
 * the file is one failure. A record is held and decoded whole: one of 60 MB peaked at 577 MB, near
 * the 600 MB any file must stay under.
 */
const MAX_RECORD_BYTES = 48 * 1024 * 1024;
const TOO_LONG = `longer than ${MAX_RECORD_BYTES / 2 ** 20} MB without its end tag (lost, or the record is far longer than a story); the rest of the file is not read`;

/**
 * Whether text starts as an SGML news collection does (a `<DOC>` or `<REUTERS>` record, after any
 * declaration): TREC's collections name their files without an extension (`la010189`).
 */
export function startsAsSgmlNews(head: string): boolean {
  return /^(?:\uFEFF)?\s*(?:<!DOCTYPE[^>]*>\s*)?<(?:DOC|REUTERS)[\s>]/i.test(head);
}

export const sgmlFormat: ManyFormat = {
  name: 'sgml',
  extensions: ['.sgm', '.sgml'],
  many: true,
  sniff(head) {
    return RECORD_START.test(head) ? null : 'not an SGML news collection (no <DOC> or <REUTERS> record at its start)';
  },
  stream: (bytes) => streamRecords(bytes),
  parse: (text) => parseRecords(text),
  countHint: (file) => countRecords(file),
};

/**
 * The records of a byte stream. Bytes are searched as Latin-1 (one character a byte, so offsets are
 * byte offsets and tags are ASCII either way); each record's bytes are decoded on their own.
 */
async function* streamRecords(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Entry> {
  let pending: Buffer = Buffer.alloc(0);
  // A record begun and not ended: the chunks read since, and the end tag they are waited on for. A
  // long record is joined and searched once its end tag has come, not at every chunk (a 48 MB one
  // took 14 s of copying and searching again).
  let waiting: { chunks: Buffer[]; bytes: number; end: RegExp } | null = null;
  const counter = { records: 0, used: new Set<string>() };
  for await (const chunk of chunks) {
    if (waiting) {
      const previous = waiting.chunks[waiting.chunks.length - 1];
      const seam = Buffer.concat([previous.subarray(Math.max(0, previous.length - 16)), chunk]);
      waiting.chunks.push(Buffer.from(chunk));
      waiting.bytes += chunk.byteLength;
      if (!waiting.end.test(seam.toString('latin1'))) {
        if (waiting.bytes <= MAX_RECORD_BYTES) continue;
        yield cutOff(counter.records + 1, TOO_LONG);
        return;
      }
      pending = Buffer.concat(waiting.chunks);
      waiting = null;
    } else pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
    let consumed = 0;
    for (const cut of recordCuts(pending.toString('latin1'))) {
      const decoded = decodeText(pending.subarray(cut.start, cut.end));
      counter.records++;
      if (!decoded.ok) {
        yield {
          address: `:${counter.records}`,
          outcome: { ok: false, error: `record ${counter.records}: ${decoded.error}` },
        };
      } else {
        const entry = recordEntry(decoded.text, counter);
        if (entry.outcome.ok === true) entry.outcome.fields.warnings.unshift(...decoded.warnings);
        yield entry;
      }
      consumed = cut.end;
    }
    pending = Buffer.from(pending.subarray(consumed));
    if (pending.length > MAX_RECORD_BYTES) {
      yield cutOff(counter.records + 1, TOO_LONG);
      return;
    }
    const open = RECORD_START.exec(pending.subarray(0, 4096).toString('latin1'));
    if (open) {
      waiting = { chunks: [pending], bytes: pending.length, end: new RegExp(`</${open[1]}\\s*>`, 'i') };
      pending = Buffer.alloc(0);
    }
  }
  if (waiting) pending = Buffer.concat(waiting.chunks);
  if (RECORD_START.test(pending.toString('latin1')))
    yield cutOff(counter.records + 1, 'cut off (the file ends before its end tag)');
}

/** The records of a text already decoded (`corpus extract`, tests). */
function* parseRecords(text: string): Generator<Entry> {
  const counter = { records: 0, used: new Set<string>() };
  let last = 0;
  for (const cut of recordCuts(text)) {
    counter.records++;
    yield recordEntry(text.slice(cut.start, cut.end), counter);
    last = cut.end;
  }
  if (RECORD_START.test(text.slice(last)))
    yield cutOff(counter.records + 1, 'cut off (the file ends before its end tag)');
}

function cutOff(record: number, what: string): Entry {
  return { address: `:${record}`, outcome: { ok: false, error: `record ${record}: ${what}` } };
}

/** Start and end (past the end tag) of each whole record in `text`, in order. */
function* recordCuts(text: string): Generator<{ start: number; end: number }> {
  const starts = recordStarts();
  let from = 0;
  for (;;) {
    starts.lastIndex = from;
    const open = starts.exec(text);
    if (!open) return;
    const endTag = new RegExp(`</${open[1]}\\s*>`, 'gi');
    endTag.lastIndex = open.index + open[0].length;
    const close = endTag.exec(text);
    if (!close) return;
    yield { start: open.index, end: close.index + close[0].length };
    from = close.index + close[0].length;
  }
}

/** The entry of one record's text (from its start tag to its end tag). */
function recordEntry(record: string, counter: { records: number; used: Set<string> }): Entry {
  const startTag = /^<[^>]*>/.exec(record)?.[0] ?? '';
  const attrs = attributes(startTag);
  const id = cleanString(
    inlineText(element(record, ['DOCNO', 'DOCID']) ?? '') || (attrs.id ?? attrs.docid ?? attrs.newid ?? ''),
  );
  const address = id && !counter.used.has(id) && !/\s/.test(id) ? `#${id}` : `:${counter.records}`;
  if (id) counter.used.add(id);
  return { address, outcome: readRecord(record, id) };
}

function readRecord(record: string, id: string | null): ReaderOutcome | Skipped {
  // Reuters' DTD marks a one-line item `<TEXT TYPE="BRIEF">`: its headline is all there is (the body
  // holds filler).
  const textType = tagAttributes(record, 'TEXT')?.type?.toUpperCase();
  if (textType === 'BRIEF') return { ok: 'skipped', reason: 'a brief: headline only' };
  const text = element(record, ['TEXT']);
  let title = elementText(record, ['HEADLINE', 'HL', 'TITLE', 'HEAD']);
  // Reuters nests its headline and dateline in TEXT beside BODY; other collections keep TEXT for the story.
  const story =
    element(text ?? '', ['BODY']) ??
    (text !== null ? withoutElements(text, NESTED_METADATA) : element(record, ['BODY'])) ??
    '';
  let body = blockText(story);
  // `<DATELINE>TOKYO, April 10 - </DATELINE><BODY>Members of prime minister Yasuhiro`: the story's
  // first line is the end of a wrapped line the dateline began, so it runs on into the next one as
  // the wrapped lines after it do (read as a line of its own, it ended the sentence inside a name).
  if (sharesLineWithDateline(record, story)) body = rewrapFirstParagraph(body);
  // Reuters' DTD marks a story it did not take apart `TYPE="UNPROC"` (tables, most of them): its
  // first line is its headline (`TOKYO RUBBER (YEN PER KILO) - APRIL 07`), not a dateline and source.
  if (!title && textType === 'UNPROC') {
    const lead = /^\s*([^\n]*)\n/.exec(body);
    if (lead && lead[1].trim().length <= MAX_UNPROC_HEADLINE) {
      title = cleanString(lead[1]);
      body = body.slice(lead[0].length).replace(/^\n+/, '');
    }
  }
  if (!/\p{L}/u.test(body)) {
    // A headline alone is a brief the collection kept without its story: counted, not an error.
    if (title) return { ok: 'skipped', reason: 'headline only' };
    return { ok: false, error: 'no article text' };
  }
  const fields = emptyFields(body);
  fields.title = title;
  fields.externalId = id;
  fields.dateline = cleanString(elementText(record, ['DATELINE'])?.replace(/\s*[-–—]+$/, ''));
  fields.author = bylineIn(record, ['BYLINE', 'AUTHOR']);
  fields.source = elementText(record, ['SOURCE']);
  fields.tags = toTags(categoryCodes(record));
  const rawDate = elementText(record, ['DATE_TIME', 'DATE', 'DD', 'PUBDATE']);
  const date = (rawDate !== null && recordDay(rawDate)) || (id && dayInId(id));
  if (date) {
    fields.date = date;
    fields.dateSource = 'json';
  } else if (rawDate !== null) fields.warnings.push(invalidDate(rawDate));
  return { ok: true, fields };
}

/**
 * The first paragraph wrapped again to the width of its own lines after the first, when the first
 * line (the end of a line the dateline began) does not end a sentence: joined to the next line
 * alone, it made a line longer than any wrap (`President Reagan said Paul Volcker has` + `declined
 * … chairman of the Federal`, 96 columns), after which the break inside `Federal | Reserve Board`
 * ended the sentence. Wrapped again, every line of it is as full as the wire's, and each break runs
 * on as the others do. A paragraph whose other lines are short (a table) is left alone.
 */
function rewrapFirstParagraph(body: string): string {
  const lines = body.split('\n');
  if (lines.length < 2 || /[.!?:"'”]\s*$/.test(lines[0]) || /^\s|^$/.test(lines[1])) return body;
  let end = 1;
  while (end < lines.length && lines[end] !== '' && !/^\s/.test(lines[end])) end++;
  const width = maxOf(lines.slice(1, end).map((l) => l.trimEnd().length));
  if (width < HARD_WRAP.min) return body;
  const words = lines.slice(0, end).join(' ').split(/\s+/).filter(Boolean).join(' ');
  return [...wordWrap(words, width), ...lines.slice(end)].join('\n');
}

/** Whether the story's text begins on the line its dateline element began (Reuters' BODY). */
function sharesLineWithDateline(record: string, story: string): boolean {
  const at = story === '' ? -1 : record.indexOf(story);
  if (at < 0) return false;
  const lineStart = record.lastIndexOf('\n', at - 1) + 1;
  return /<DATELINE[\s>]/i.test(record.slice(lineStart, at));
}

/** A first line longer than this is a story's first paragraph, not an unprocessed story's headline. */
const MAX_UNPROC_HEADLINE = 150;

/** Elements some collections nest in TEXT that are not the story (Reuters' TITLE, DATELINE, AUTHOR). */
const NESTED_METADATA = ['TITLE', 'HEADLINE', 'DATELINE', 'AUTHOR', 'BYLINE'];

/** Reuters-21578's category lists: every `<D>` value of TOPICS, PLACES, PEOPLE, ORGS, EXCHANGES, COMPANIES. */
function categoryCodes(record: string): string[] {
  const codes: string[] = [];
  for (const list of record.matchAll(/<(TOPICS|PLACES|PEOPLE|ORGS|EXCHANGES|COMPANIES)>([\s\S]*?)<\/\1>/gi))
    for (const d of list[2].matchAll(/<D>([\s\S]*?)<\/D>/gi)) codes.push(inlineText(d[1]));
  return codes;
}

/**
 * The day a record's date element names: any form metadata dates take (normalizeDate), and the
 * TREC collections' own: `910514` (the Financial Times, YYMMDD) and `12/02/87` (the Wall Street
 * Journal, MM/DD/YY, an American paper's order). Their two-digit years are of the 20th century from
 * 50 on, of the 21st below it.
 */
function recordDay(raw: string): string | null {
  const day = normalizeDate(raw);
  if (day) return day;
  const compact = /^(\d{2})(\d{2})(\d{2})$/.exec(raw);
  if (compact) return isoDay(fullYear(compact[1]), Number(compact[2]), Number(compact[3]));
  const american = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(raw);
  if (american) return isoDay(fullYear(american[3]), Number(american[1]), Number(american[2]));
  return null;
}

const fullYear = (yy: string): number => Number(yy) + (Number(yy) >= 50 ? 1900 : 2000);

/**
 * The day an id names: eight digits (`APW19980601.0003`, `AFP_ENG_19940512.0001`), else six after
 * the collection's letters (TREC's `AP880101-0001`, `WSJ871202-0001`, YYMMDD).
 */
function dayInId(id: string): string | null {
  for (const m of id.matchAll(/(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g)) {
    const year = Number(m[1]);
    if (year < 1900 || year > 2100) continue;
    const day = isoDay(year, Number(m[2]), Number(m[3]));
    if (day) return day;
  }
  const short = /^[A-Za-z]+(\d{2})(\d{2})(\d{2})(?!\d)/.exec(id);
  return short ? isoDay(fullYear(short[1]), Number(short[2]), Number(short[3])) : null;
}

/** Record start tags in a file (one pass over its bytes), for progress in articles. */
async function countRecords(file: string): Promise<number> {
  let count = 0;
  let carry = '';
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const text = carry + chunk.toString('latin1');
    const starts = recordStarts();
    let last = 0;
    for (let m = starts.exec(text); m; m = starts.exec(text)) {
      count++;
      last = m.index + m[0].length;
    }
    // A tag cut by the chunk's end is counted with the next chunk.
    carry = text.slice(Math.max(last, text.length - 64));
  }
  return count;
}
