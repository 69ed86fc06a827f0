import type { DateSource, IsoDate } from '../../core/types.js';
import type { DateCandidate } from './expression.js';
import { recognizeDates } from './recognize.js';
import { formatDay, isValidYmd, toDayNumber, type Ymd } from '../../core/calendar.js';

/** How much of the body's start may hold a dateline or a header line with the date. */
const HEAD_LENGTH = 400;

/** `SEOUL, Dec 18 (Yonhap) -`, `WASHINGTON, Feb. 14, 2019 (AP) —`: a place in capitals, then the date. */
const DATELINE_PLACE_BEFORE =
  /(?:^|\n)[ \t]*\p{Lu}[\p{L} .'’-]{1,40}(?:,[ \t]*\p{Lu}[\p{L} .'’-]{1,30})?,[ \t]*(?:\p{Lu}\p{Ll}+day,?[ \t]*)?$/u;

/**
 * A publication date for an article whose metadata has none: from its dateline, else null.
 * A dateline with a year gives the full date. One with only month and day takes its year from a
 * full date near the start of the text (a header line such as `date 2018-12-18`), choosing the year
 * that puts the two closest; without such a date the year is unknown and the result is null rather
 * than a guess (a wrong year would misplace every relative date of the article).
 */
export function inferPublicationDate(
  body: string,
  dateline: string | null,
): { date: IsoDate | null; dateSource: DateSource } {
  const head = body.slice(0, HEAD_LENGTH);
  const fromDateline = dateline ? datelineDate(dateline, 0) : null;
  const inBody = fromDateline ? null : bodyDateline(head);
  const found = fromDateline ?? inBody?.date ?? null;
  if (found) {
    if (found.year !== undefined) return inferred({ year: found.year, month: found.month, day: found.day });
    // Only a date above the dateline (a header) fixes its year: one in the story (`notes due
    // Feb. 1, 1996`) says nothing about when the story was written.
    const datelineAt = inBody ? inBody.at : dateline ? body.indexOf(dateline.trim()) : -1;
    const firstLineEnd = head.search(/\S\n|$/) + 1;
    const headerEnd = datelineAt >= 0 ? datelineAt : firstLineEnd <= 80 ? firstLineEnd : 0;
    const anchor = recognizeDates(head, 0, headerEnd)
      .map(fullDate)
      .find((d): d is Ymd => d !== null);
    if (anchor) return inferred(closestYear(found.month, found.day, anchor));
    return { date: null, dateSource: null };
  }
  // No dateline: a short header line that is only metadata (`date 2018-12-18 NATIONAL`).
  const firstLine = /^\s*([^\n]*)/.exec(head)?.[1] ?? '';
  if (firstLine.length <= 80) {
    const candidate = recognizeDates(firstLine).find((c) => fullDate(c) !== null);
    if (
      candidate &&
      /^\s*(?:date[d:]?\s*:?\s*|published\s*:?\s*|posted\s*:?\s*)?$/i.test(firstLine.slice(0, candidate.start))
    ) {
      return inferred(fullDate(candidate)!);
    }
  }
  return { date: null, dateSource: null };
}

function inferred(date: Ymd): { date: IsoDate | null; dateSource: DateSource } {
  return isValidYmd(date) ? { date: formatDay(date), dateSource: 'inferred' } : { date: null, dateSource: null };
}

/** A candidate that fixes a calendar day on its own (`2018-12-18`, `Feb. 14, 2019`). */
function fullDate(candidate: DateCandidate): Ymd | null {
  const e = candidate.expression;
  if (e.kind === 'monthDay' && e.year !== undefined && e.day2 === undefined)
    return { year: e.year, month: e.month, day: e.day };
  if (e.kind === 'absolute') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(e.value);
    if (m) return { year: +m[1], month: +m[2], day: +m[3] };
  }
  return null;
}

interface DatelineDate {
  year?: number;
  month: number;
  day: number;
}

/** The first month-day date of a dateline string (the reader's, which holds nothing else). */
function datelineDate(text: string, from: number): DatelineDate | null {
  for (const c of recognizeDates(text, from, Math.min(text.length, from + 120))) {
    const e = c.expression;
    if (e.kind === 'monthDay' && e.day2 === undefined) return { year: e.year, month: e.month, day: e.day };
    const full = fullDate(c);
    if (full) return full;
  }
  return null;
}

/**
 * The place of an article's dateline (`TOKYO` of `TOKYO, March 3 -`): the reader's dateline's first
 * part, else one at the start of the body; null without a dateline.
 */
export function datelinePlace(body: string, dateline: string | null): string | null {
  if (dateline) return dateline.split(',')[0].trim() || null;
  const head = body.slice(0, HEAD_LENGTH);
  const found = bodyDateline(head);
  if (found) return head.slice(found.at).split(',')[0].trim() || null;
  // A line of the place in capitals and the day (`BONN 1996-08-22`, as Reuters' 1996 corpus writes it).
  return PLACE_DAY_LINE.exec(head)?.[1] ?? null;
}

const PLACE_DAY_LINE = /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu} .'’-]{1,40}?)[ \t]+\d{4}-\d{2}-\d{2}[ \t]*(?:\n|$)/u;

/** A dateline at the start of the body: the date right after `PLACE, ` on one of the first lines. */
function bodyDateline(head: string): { date: DatelineDate; at: number } | null {
  for (const c of recognizeDates(head)) {
    const e = c.expression;
    if (!(e.kind === 'monthDay' && e.day2 === undefined) && !fullDate(c)) continue;
    const before = DATELINE_PLACE_BEFORE.exec(head.slice(Math.max(0, c.start - 80), c.start));
    if (!before) continue;
    const at = c.start - before[0].length + (before[0].startsWith('\n') ? 1 : 0);
    if (e.kind === 'monthDay') return { date: { year: e.year, month: e.month, day: e.day }, at };
    const full = fullDate(c);
    return full ? { date: full, at } : null;
  }
  return null;
}

/** The year that puts month/day closest to `anchor` (a Dec 31 dateline next to a Jan 2 header is the previous year). */
function closestYear(month: number, day: number, anchor: Ymd): Ymd {
  let best: Ymd = { year: anchor.year, month, day };
  for (const year of [anchor.year - 1, anchor.year + 1]) {
    const candidate = { year, month, day };
    if (!isValidYmd(candidate)) continue;
    if (Math.abs(toDayNumber(candidate) - toDayNumber(anchor)) < Math.abs(toDayNumber(best) - toDayNumber(anchor)))
      best = candidate;
  }
  return best;
}
