import type { IsoDate, Mention, Sentence, Token } from '../../core/types.js';
import type { DateCandidate, DateExpression } from './expression.js';
import { recognizeDates } from './recognize.js';
import { resolveAnaphor, resolveExpression, resolveWeekday } from './resolve.js';
import { tenseAround, type Tense } from './tense.js';
import {
  addDays,
  formatDay,
  fromDayNumber,
  parseIsoDate,
  toDayNumber,
  weekdayOf,
  type Ymd,
} from '../../core/calendar.js';
import { EVENT_NOUN_FORMS } from '../event-nouns.js';
import { parseDateValue } from '../../core/timex.js';
import { sentenceIndexAt, clauseBounds } from './context.js';
import { HARD_WRAP, lineLength } from '../wrapped-lines.js';
import { MONTH_WORD } from '../../core/names.js';

/**
 * Whether a date's words run over a line break that is no hard wrap: a table's row ending in a
 * figure and the next row's month (`20\nOct`, `400\nYEAR AGO`), a note's day and the next
 * sentence's year (`ended December 28\n1985 earnings`), or a paragraph's end. A date wrapped in
 * copy whose lines all run to about 70 characters (`on March\n3`) stays whole.
 */
function acrossLines(text: string, start: number, end: number): boolean {
  // Looked for in the date's own words: a search from `start` to the next newline anywhere would
  // read on through the rest of a one-line document for every date in it.
  const words = text.slice(start, end);
  const at = words.indexOf('\n');
  if (at < 0) return false;
  // A month ending the line goes on to its day (`a visit to Brazil Sept.\n15-21`): no table writes so.
  if (MONTH_AT_END.test(words.slice(0, at))) return false;
  const line = lineLength(text, start);
  return line < HARD_WRAP.min || line > HARD_WRAP.max;
}

/** A month's name or abbreviation, alone on its side of a line break. */
const MONTH_AT_END = new RegExp(String.raw`^(?:${MONTH_WORD})\.?\s*$`);

/** DATE mentions with normalized values, relative ones resolved against `publicationDate` (null → value null). */
export function findDates(
  text: string,
  _tokens: Token[],
  sentences: Sentence[],
  publicationDate: IsoDate | null,
): Mention[] {
  const ref = publicationDate ? parseIsoDate(publicationDate) : null;
  const candidates = recognizeDates(text);
  const periods = new PeriodAnchors();
  const mentions: Mention[] = [];
  // The calendar value named last: `that day`, `the next morning` count from it.
  let anchor: string | null = null;
  // `May, June and September of that year`: `that year` is the year last written out, not one inferred.
  let statedYear: string | null = null;
  for (const candidate of candidates) {
    if (acrossLines(text, candidate.start, candidate.end)) continue;
    if (candidate.expression.kind === 'anaphor') {
      const e = candidate.expression;
      // `a year earlier` with no date before it compares with the period being reported, i.e. publication;
      // `that day`, `the next morning` without a day before them are left untagged rather than guessed.
      const base: string | null =
        (e.unit === 'year' && e.offset === 0 ? statedYear : null) ??
        anchor ??
        (publicationDate && e.unit !== 'day' && e.offset !== 0 ? publicationDate : null);
      const value: string | null = base ? resolveAnaphor(e, base) : null;
      if (!value) continue;
      anchor = value;
      mentions.push({
        type: 'DATE',
        text: text.slice(candidate.start, candidate.end),
        start: candidate.start,
        end: candidate.end,
        entity: null,
        value,
        sentence: sentenceIndexAt(sentences, candidate.start),
      });
      continue;
    }
    const sentence = sentenceIndexAt(sentences, candidate.start);
    const [from, to] = clauseBounds(text, sentences[sentence], candidate.start, candidate.end);
    const tense = needsTense(candidate.expression) ? tenseAround(text, from, to, candidate.start, candidate.end) : null;
    let value = resolveExpression(candidate.expression, ref, tense);
    if (ref && value) {
      value = periods.reanchor(text, from, to, candidate, tense, ref) ?? value;
      periods.record(text, from, to, candidate, value);
    }
    // `9 a.m. Tuesday`: a clock time joins the day it is on (TIMEX3 gives the time of day).
    let start = candidate.start;
    const clock =
      value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? CLOCK_BEFORE.exec(text.slice(Math.max(0, start - 24), start)) : null;
    if (clock) {
      start -= clock[0].length;
      let hour = +clock[1] % 12;
      if (/^p/i.test(clock[3])) hour += 12;
      value = `${value}T${String(hour).padStart(2, '0')}:${clock[2] ?? '00'}`;
    }
    if (value && /^\d{4}(?!\d)/.test(value)) {
      anchor = value;
      if (statesYear(candidate.expression)) statedYear = value;
    }
    mentions.push({
      type: 'DATE',
      text: text.slice(start, candidate.end),
      start,
      end: candidate.end,
      entity: null,
      value,
      sentence,
    });
  }
  return monthLists(text, monthsOfAYear(text, mentions));
}

/** A mention whose value is a month (`1987-04`). */
function isMonth(m: Mention): boolean {
  return m.value != null && /^\d{4}-\d{2}$/.test(m.value);
}

/** Words joining the months of a list (`April or May`, `March, April and May`, `June to August`). */
const MONTH_LIST_JOIN = /^\s*(?:,|,?\s+and|,?\s+or|\s+to|\s+through)\s+$/;
/** Joining words of a range or of alternatives, which run forward in time (`December to March`, `March or April`). */
const FORWARD_JOIN = /^\s*(?:,?\s+or|\s+to|\s+through)\s+$/;

/**
 * `in April or May next year`, `March and April last year`, `due in March or April`, `from June to
 * December`: the months of a list are read from the list as a whole. Months written alone before one
 * that states its year (`May next year`) take that year. A range or a choice of months written alone
 * is in the year its first month was read in (next to the verb whose tense decided it), or, over a
 * new year (`December to March`), ends in the year its last month was read in. Read one by one,
 * `April` of `April or May next year` was the April just past, and `March or April` after `due` two
 * different years. Not a list joined by `and` of months written alone: reports list them backwards
 * too (`in February and January`, `in January and December` of a February report).
 */
function monthLists(text: string, mentions: Mention[]): Mention[] {
  const bareMonth = (m: Mention) => isMonth(m) && /^\p{L}+\.?$/u.test(m.text);
  const monthOf = (m: Mention) => Number(m.value!.slice(5, 7));
  const yearOf = (m: Mention) => Number(m.value!.slice(0, 4));
  const inYear = (m: Mention, year: number): Mention => ({ ...m, value: `${year}-${m.value!.slice(5, 7)}` });
  const out = [...mentions];
  for (let i = 0; i < out.length; i++) {
    if (!bareMonth(out[i])) continue;
    // The run of months joined to this one: bare ones, and a last one that may state its year.
    let end = i;
    while (
      end + 1 < out.length &&
      bareMonth(out[end]) &&
      isMonth(out[end + 1]) &&
      MONTH_LIST_JOIN.test(text.slice(out[end].end, out[end + 1].start))
    )
      end++;
    if (end === i) continue;
    // The joins of the run, each by the index of the month before it.
    const joins = Array.from({ length: end - i }, (_, k) => i + k);
    const forward = (j: number) => FORWARD_JOIN.test(text.slice(out[j].end, out[j + 1].start));
    // Back from the last month's year; a range or a choice wraps back over a new year.
    const backFromLast = () => {
      let year = yearOf(out[end]);
      for (let j = end - 1; j >= i; j--) {
        if (forward(j) && monthOf(out[j]) > monthOf(out[j + 1])) year--;
        out[j] = inYear(out[j], year);
      }
    };
    if (!bareMonth(out[end])) backFromLast();
    else if (joins.every(forward)) {
      // Over a new year, back from the last (`the April through February period` of a March report
      // ended in February); within one, on from the first month, in the year it was read in.
      if (joins.some((j) => monthOf(out[j + 1]) < monthOf(out[j]))) backFromLast();
      else for (let j = i + 1; j <= end; j++) out[j] = inYear(out[j], yearOf(out[i]));
    }
    i = end;
  }
  return out;
}

/**
 * `in April of that year`, `May, June and September of last year`: months written before `of` and
 * a year are in that year, not the year the publication date suggests. The last month and the
 * year are one mention (as `April of 1994` is); the months listed before it take the year.
 */
function monthsOfAYear(text: string, mentions: Mention[]): Mention[] {
  const month = (m: Mention | undefined) => m !== undefined && isMonth(m);
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const year = mentions[i + 1];
    if (
      !month(m) ||
      year?.value == null ||
      !/^\d{4}$/.test(year.value) ||
      !/^\s+of\s+$/.test(text.slice(m.end, year.start))
    ) {
      out.push(m);
      continue;
    }
    const inYear = (v: string) => `${year.value}${v.slice(4)}`;
    // The months listed before it: `May, June and September of …`.
    for (let j = out.length - 1; j >= 0 && month(out[j]); j--) {
      if (
        !/^\s*(?:,|,?\s+and|,?\s+or)\s+$/.test(
          text.slice(out[j].end, j === out.length - 1 ? m.start : out[j + 1].start),
        )
      )
        break;
      out[j] = { ...out[j], value: inYear(out[j].value!) };
    }
    out.push({ ...m, text: text.slice(m.start, year.end), end: year.end, value: inYear(m.value!) });
    i++;
  }
  return out;
}

const CLOCK_BEFORE = /(?<![\d:])(\d{1,2})(?::(\d\d))?\s*(a\.m\.|p\.m\.|am|pm)\s+(?:[A-Z]{2,4}\s+)?$/;

function statesYear(e: DateExpression): boolean {
  return e.kind === 'absolute' || ('year' in e && e.year !== undefined);
}

function needsTense(e: DateExpression): boolean {
  switch (e.kind) {
    case 'monthDay':
    case 'weekOf':
    case 'month':
    case 'season':
    case 'holiday':
      return e.year === undefined && !('rel' in e && e.rel);
    case 'weekday':
      return !e.rel;
    case 'offset':
      return e.unit === 'weekend' && e.offset === 0;
    case 'quarter':
      return e.year === undefined && !e.rel && e.quarter > 0;
    default:
      return false;
  }
}

const EVENT_WORD = /[a-z][a-z-]*/g;

/** Event nouns in `text[from, to)` with their offsets, singular forms folded to one key. */
function eventNounsIn(text: string, from: number, to: number): { key: string; at: number }[] {
  const found: { key: string; at: number }[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(EVENT_WORD)) {
    const w = m[0];
    const noun = EVENT_NOUN_FORMS.get(w);
    if (noun && !noun.marketMove) found.push({ key: noun.lemma, at: from + m.index! });
  }
  return found;
}

/**
 * Periods a text announces for an event (`plan to hold a ceremony next week`), so that a weekday
 * later given for that event lands inside the period: published Tuesday 2018-12-18, the ceremony
 * "next week" that is later "on Wednesday" is 2018-12-26, not the next day.
 */
class PeriodAnchors {
  private readonly byNoun = new Map<string, { first: number; last: number }>();

  record(text: string, from: number, to: number, candidate: DateCandidate, value: string): void {
    const e = candidate.expression;
    const isPeriod =
      (e.kind === 'offset' && (e.unit === 'week' || e.unit === 'month') && e.offset > 0) ||
      (e.kind === 'month' && e.rel === 'next');
    if (!isPeriod) return;
    const range = periodRange(value);
    if (!range) return;
    // Each event noun of the sentence belongs to its nearest period expression; only this one's are recorded.
    const others = recognizeDates(text, from, to).filter((c) => c.start !== candidate.start);
    for (const noun of eventNounsIn(text, from, to)) {
      const distance = Math.abs(noun.at - candidate.start);
      if (others.some((o) => Math.abs(noun.at - o.start) < distance)) continue;
      this.byNoun.set(noun.key, range);
    }
  }

  reanchor(text: string, from: number, to: number, candidate: DateCandidate, tense: Tense, ref: Ymd): string | null {
    const e = candidate.expression;
    if (e.kind !== 'weekday' || e.rel || e.weekday2 !== undefined || tense !== 'future' || this.byNoun.size === 0)
      return null;
    for (const noun of eventNounsIn(text, from, to)) {
      const range = this.byNoun.get(noun.key);
      if (!range) continue;
      const naive = toDayNumber(resolveWeekday(e.weekday, ref, undefined, tense));
      if (naive >= range.first && naive <= range.last) return null;
      const first = fromDayNumber(range.first);
      const day = addDays(first, (e.weekday - weekdayOf(first) + 7) % 7);
      return toDayNumber(day) <= range.last ? formatDay(day) : null;
    }
    return null;
  }
}

/** First and last day (day numbers) of an ISO week or month value. */
function periodRange(value: string): { first: number; last: number } | null {
  if (!/^\d{4}-(?:W\d{2}|\d{2})$/.test(value)) return null;
  const span = parseDateValue(value);
  if (!span) return null;
  return { first: toDayNumber(parseIsoDate(span.start)!), last: toDayNumber(parseIsoDate(span.end)!) };
}
