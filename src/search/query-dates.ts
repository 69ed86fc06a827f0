/**
 * Dates typed into a query, read as its date range: `oil prices in March 1987` asks for articles of
 * March 1987 about oil prices, not for articles holding the words "March" and "1987" (on Reuters
 * they were April's, looking back). `why did the stock market crash in October` likewise.
 *
 * Read only where a reader would: a date after a preposition that says a time (`in`, `during`,
 * `since`, `after`, `before`, `until`, `on`, `from … to`, `between … and`), outside quotes, and
 * only a date the corpus has articles from, so `the crash of 1929` or `in 1929` in an archive of
 * 1987 stay words. A month or a day typed without a year is the latest one the corpus covers.
 * Pure: the corpus's span comes in as a function, asked only when the query holds a date.
 */
import type { IsoDate } from '../core/types.js';
import { MONTHS } from '../core/names.js';
import { daysInMonth, formatDay } from '../core/calendar.js';
import { addDays } from '../core/days.js';
import { overlaps } from '../core/timex.js';
import { QUOTES } from './query.js';
import { typedAsWord } from './common-words.js';

/** The first and last publication dates of the corpus. */
export interface CorpusSpan {
  first: IsoDate;
  last: IsoDate;
}

export interface QueryDates {
  /** The query without the date phrases (and their prepositions). */
  text: string;
  /** Inclusive bounds, either open (null). */
  from: IsoDate | null;
  to: IsoDate | null;
  /** Each phrase read as a date, as typed (`in March 1987`). */
  phrases: string[];
}

/** A date as typed, before a year is chosen for it. */
interface Typed {
  year: number | null;
  month: number | null;
  day: number | null;
  /** `early`, `mid` or `late` part of a month or year. */
  part: 'early' | 'mid' | 'late' | null;
  /** Tokens it takes. */
  length: number;
}

interface Span {
  start: IsoDate;
  end: IsoDate;
}

interface Token {
  text: string;
  /** The token without punctuation around it (`3,` → `3`). */
  bare: string;
  start: number;
  end: number;
  quoted: boolean;
}

/**
 * What a preposition makes of the period typed after it: where the range starts (`start` of the
 * period, the day `after` it, or open) and where it ends (its `end`, the day `before` it, or open).
 * `closers` end a second date: `from March to June`, `between April 1 and April 10`.
 */
interface Reading {
  from: 'start' | 'after' | null;
  to: 'end' | 'before' | null;
  closers?: ReadonlySet<string>;
  /** Read only with a second date (`between` alone says no period). */
  needsSecond?: boolean;
  /** Read only for a day (`on March 3`; `talks on March` is not a date). */
  dayOnly?: boolean;
}
const WITHIN: Reading = { from: 'start', to: 'end' };
const PREPOSITIONS: Record<string, Reading> = {
  in: WITHIN,
  during: WITHIN,
  throughout: WITHIN,
  on: { ...WITHIN, dayOnly: true },
  since: { from: 'start', to: null },
  after: { from: 'after', to: null },
  before: { from: null, to: 'before' },
  until: { from: null, to: 'end' },
  till: { from: null, to: 'end' },
  through: { from: null, to: 'end' },
  from: { from: 'start', to: null, closers: new Set(['to', 'until', 'till', 'through']) },
  between: { from: 'start', to: 'end', closers: new Set(['and']), needsSecond: true },
};
const PARTS = new Set(['early', 'mid', 'late']);
/** Days after a typed day whose articles still report it. */
const REPORT_LAG_DAYS = 2;
/** Years a date in a query may have: four digits, as news writes them. */
const YEAR = /^(1[0-9]|2[0-9])\d\d$/;
const ISO = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * The whitespace-separated tokens of a query; a token touching a quote or inside quotes is marked
 * (never read as a date: quoted words are searched as typed).
 */
function tokensOf(query: string): Token[] {
  const out: Token[] = [];
  let inside = false;
  let start = -1;
  let quoted = false;
  for (let i = 0; i <= query.length; i++) {
    const c = query[i];
    if (c === undefined || /\s/.test(c)) {
      if (start >= 0) {
        const text = query.slice(start, i);
        out.push({ text, bare: text.replace(/^[([]+|[)\],.;:!?]+$/g, ''), start, end: i, quoted });
      }
      start = -1;
      quoted = inside;
      continue;
    }
    if (start < 0) {
      start = i;
      quoted = inside;
    }
    if (QUOTES.has(c)) {
      inside = !inside;
      quoted = true;
    }
  }
  return out;
}

/** A month by name: full names in any case, abbreviations capitalized (`Mar`, `Jan.`; `mar` is a word). */
function monthOf(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  const month = MONTHS.get(lower);
  if (month === undefined) return null;
  const full = lower.length > 4 || ['may', 'june', 'july', 'sept'].includes(lower);
  return full || /^[A-Z]/.test(word) ? month : null;
}

function yearOf(word: string): number | null {
  return YEAR.test(word) ? Number(word) : null;
}

function dayOf(word: string): number | null {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(word);
  const day = m ? Number(m[1]) : 0;
  return day >= 1 && day <= 31 ? day : null;
}

/** The date typed at `at` (`1987`, `March 1987`, `March 3, 1987`, `3 March 1987`, `late 1987`, `1987-03-03`), or null. */
function dateAt(tokens: Token[], at: number): Typed | null {
  const word = (i: number): string | null => {
    const t = tokens[i];
    return t && !t.quoted ? t.bare : null;
  };
  const first = word(at);
  if (first === null) return null;
  const none = { year: null, month: null, day: null, part: null };
  // `mid-1987`, `mid-March`
  const dashed = /^(early|mid|late)-(.+)$/i.exec(first);
  if (dashed) {
    const rest = dateFromWords([dashed[2], word(at + 1), word(at + 2)]);
    return rest && rest.day === null ? { ...rest, part: dashed[1].toLowerCase() as Typed['part'] } : null;
  }
  if (PARTS.has(first)) {
    const rest = dateFromWords([word(at + 1), word(at + 2)]);
    return rest && rest.day === null ? { ...rest, part: first as Typed['part'], length: rest.length + 1 } : null;
  }
  const iso = ISO.exec(first);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), iso[3] ? Number(iso[3]) : null];
    if (month < 1 || month > 12 || (day !== null && (day < 1 || day > daysInMonth(year, month)))) return null;
    return { ...none, year, month, day, length: 1 };
  }
  return dateFromWords([first, word(at + 1), word(at + 2)]);
}

/** A date from up to three words in the forms `dateAt` reads (no `early`/`late`, no ISO). */
function dateFromWords(words: (string | null)[]): Typed | null {
  const [a, b, c] = words;
  if (a === null || a === undefined) return null;
  const none = { year: null, month: null, day: null, part: null };
  const year = yearOf(a);
  if (year !== null) return { ...none, year, length: 1 };
  const month = monthOf(a);
  if (month !== null) {
    const day = b ? dayOf(b) : null;
    if (day !== null) {
      const dayYear = c ? yearOf(c) : null;
      return { ...none, month, day, year: dayYear, length: dayYear === null ? 2 : 3 };
    }
    const monthYear = b ? yearOf(b) : null;
    return { ...none, month, year: monthYear, length: monthYear === null ? 1 : 2 };
  }
  const day = dayOf(a);
  const dayMonth = day !== null && b ? monthOf(b) : null;
  if (day !== null && dayMonth !== null) {
    const dayYear = c ? yearOf(c) : null;
    return { ...none, month: dayMonth, day, year: dayYear, length: dayYear === null ? 2 : 3 };
  }
  return null;
}

/** The days a typed date covers in one year. */
function spanIn(typed: Typed, year: number): Span | null {
  const { month, day, part } = typed;
  if (month !== null && day !== null) {
    if (day > daysInMonth(year, month)) return null;
    const iso = formatDay({ year, month, day });
    return { start: iso, end: iso };
  }
  if (month !== null) {
    const last = daysInMonth(year, month);
    const [from, to] =
      part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : part === 'late' ? [21, last] : [1, last];
    return { start: formatDay({ year, month, day: from }), end: formatDay({ year, month, day: to }) };
  }
  const [from, to] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : part === 'late' ? [9, 12] : [1, 12];
  return {
    start: formatDay({ year, month: from, day: 1 }),
    end: formatDay({ year, month: to, day: daysInMonth(year, to) }),
  };
}

/**
 * The days of a typed date, in its own year or else the latest year the corpus has, when the range
 * it makes (`fits`: within it, or open from or up to it) holds some of the corpus.
 */
function resolve(typed: Typed, corpus: CorpusSpan, fits: (span: Span) => boolean): Span | null {
  if (typed.year !== null) {
    const span = spanIn(typed, typed.year);
    return span && fits(span) ? span : null;
  }
  const firstYear = Number(corpus.first.slice(0, 4));
  for (let year = Number(corpus.last.slice(0, 4)); year >= firstYear; year--) {
    const span = spanIn(typed, year);
    if (span && fits(span)) return span;
  }
  return null;
}

/** Whether the range a preposition makes of a period holds some of the corpus (`since 1986` of 1987: yes). */
function fitsCorpus(reading: Reading, corpus: CorpusSpan): (span: Span) => boolean {
  if (reading.from !== null && reading.to !== null) return (span) => overlaps(span, corpus.first, corpus.last);
  if (reading.from === 'start') return (span) => span.start <= corpus.last;
  if (reading.from === 'after') return (span) => span.end < corpus.last;
  if (reading.to === 'end') return (span) => span.end >= corpus.first;
  return (span) => span.start > corpus.first;
}

/** Whether a token is a preposition as typed: lower case, or capitalized as the query's first word. */
function preposition(token: Token | undefined, first: boolean): string | null {
  if (!token || token.quoted || token.bare !== token.text) return null;
  return typedAsWord(token.text, first) ? token.text.toLowerCase() : null;
}

/**
 * The query's dates as a range, or null when it types none the corpus covers. `span` is asked only
 * when a date is typed after a preposition.
 */
export function readQueryDates(query: string, span: () => CorpusSpan | null): QueryDates | null {
  const tokens = tokensOf(query);
  let known: CorpusSpan | null | undefined;
  const corpusSpan = (): CorpusSpan | null => {
    if (known === undefined) known = span();
    return known;
  };
  let from = null as IsoDate | null;
  let to = null as IsoDate | null;
  const taken: [number, number][] = [];
  const phrases: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = preposition(tokens[i], i === 0);
    const reading = word === null ? undefined : PREPOSITIONS[word];
    // Operators beside the phrase make it part of a boolean query: leave those alone.
    if (reading === undefined || tokens[i - 1]?.text === 'OR') continue;
    const typed = dateAt(tokens, i + 1);
    if (typed === null || (reading.dayOnly && typed.day === null)) continue;
    let end = i + 1 + typed.length;
    // A month followed by a capitalized word is most often a name: `in May Department Stores`.
    const next = tokens[end]?.bare ?? '';
    if (typed.year === null && typed.day === null && /^\p{Lu}/u.test(next) && monthOf(next) === null) continue;
    const corpus = corpusSpan();
    if (corpus === null) return null;
    let range: Span | null;
    let closed = false;
    if (reading.closers?.has(tokens[end]?.text ?? '')) {
      const second = dateAt(tokens, end + 1);
      if (second === null) continue;
      // `from March to June 1987`: the year of the second date is the first's too.
      const first = typed.year === null && second.year !== null ? { ...typed, year: second.year } : typed;
      const within = (span: Span): boolean => overlaps(span, corpus.first, corpus.last);
      const a = resolve(first, corpus, within);
      const b = resolve(second, corpus, within);
      if (a === null || b === null || a.start > b.end) continue;
      range = { start: a.start, end: b.end };
      closed = true;
      end += 1 + second.length;
    } else if (reading.needsSecond) continue;
    else range = resolve(typed, corpus, fitsCorpus(reading, corpus));
    if (range === null || tokens[end]?.text === 'OR') continue;
    const start = reading.from === 'start' ? range.start : reading.from === 'after' ? addDays(range.end, 1) : null;
    // A day's happening is reported that day or the next ones (Texaco filed on Sunday, April 12, 1987;
    // Reuters reported it on the 13th): a day alone reaches REPORT_LAG_DAYS past it.
    const lag = !closed && reading.to === 'end' && reading.from !== null && typed.day !== null ? REPORT_LAG_DAYS : 0;
    const stop =
      closed || reading.to === 'end'
        ? addDays(range.end, lag)
        : reading.to === 'before'
          ? addDays(range.start, -1)
          : null;
    // Several phrases narrow each other (`since March 1987 before June`).
    if (start !== null && (from === null || start > from)) from = start;
    if (stop !== null && (to === null || stop < to)) to = stop;
    taken.push([tokens[i].start, tokens[end - 1].end]);
    phrases.push(query.slice(tokens[i].start, tokens[end - 1].end).replace(/[,.;:!?]+$/, ''));
    i = end - 1;
  }
  if (phrases.length === 0 || (from !== null && to !== null && from > to)) return null;
  let text = '';
  let at = 0;
  for (const [start, end] of taken) {
    text += `${query.slice(at, start)} `;
    at = end;
  }
  text = `${text}${query.slice(at)}`.replace(/\s+/g, ' ').trim();
  return { text, from, to, phrases };
}
