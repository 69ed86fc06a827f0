import type { IsoDate } from '../types.js';
import type { DateSpan, Granularity } from './types.js';
import * as calendar from '../calendar.js';
import { addMonths, daysInMonth, formatDay, formatIsoWeek, formatMonth, mondayOf, toDayNumber, type Ymd } from '../calendar.js';

/**
 * Granularity helpers: turn a normalized date value (TIMEX3-like, see spec/extract-format.md) into
 * the days it covers, label it compactly, and pick the bucket size a timeline of a range needs.
 * Calendar arithmetic is done in UTC so that no local time zone can shift a day.
 */

// Day arithmetic is the calendar the date extractor uses too (src/calendar.ts, UTC day numbers);
// these helpers only translate between it and the `YYYY-MM-DD` strings the timeline works in.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function ymd(date: IsoDate): Ymd {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return formatDay(calendar.addDays(ymd(date), days));
}

/** Whole days from a to b (b later → positive). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(ymd(b)) - toDayNumber(ymd(a));
}

function lastDayOfMonth(year: number, month: number): number {
  return daysInMonth(year, month);
}

/** Monday of ISO week `week` of `year` (week 1 holds January 4th). */
export function isoWeekStart(year: number, week: number): IsoDate {
  return formatDay(calendar.addDays(mondayOf({ year, month: 1, day: 4 }), (week - 1) * 7));
}

/** ISO week of a day, as `YYYY-Www` (the week's year can differ from the day's near New Year). */
export function isoWeekOf(date: IsoDate): string {
  return formatIsoWeek(ymd(date));
}

interface Bounds {
  granularity: Exclude<Granularity, 'range'>;
  start: IsoDate;
  end: IsoDate;
}

/** One side of a value: a day, week, month, quarter or year; null for anything vaguer. */
function parseSingle(value: string): Bounds | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) return null;
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return { granularity: 'day', start: day, end: day };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const week = Number(m[2]);
    if (week < 1 || week > 53) return null;
    const start = isoWeekStart(Number(m[1]), week);
    return { granularity: 'week', start, end: addDays(start, 6) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { granularity: 'month', start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(lastDayOfMonth(y, mo))}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const last = q * 3;
    return { granularity: 'quarter', start: `${m[1]}-${pad(last - 2)}-01`, end: `${m[1]}-${pad(last)}-${pad(lastDayOfMonth(y, last))}` };
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) {
    // A half year is placed like the two quarters it spans.
    const first = m[2] === '1';
    return { granularity: 'quarter', start: `${m[1]}-${first ? '01' : '07'}-01`, end: `${m[1]}-${first ? '06-30' : '12-31'}` };
  }
  m = /^(\d{4})-W(\d{2})-WE$/.exec(value);
  if (m) {
    const saturday = addDays(isoWeekStart(Number(m[1]), Number(m[2])), 5);
    return { granularity: 'week', start: saturday, end: addDays(saturday, 1) };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { granularity: 'year', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  return null; // also fiscal years (FY1999): where they start depends on the country
}

/**
 * The days a normalized value covers, or null when it cannot be placed on a calendar
 * (`PRESENT_REF`, `XXXX-02`, null). A range `A/B` covers from A's first day to B's last.
 */
export function parseDateValue(value: string | null | undefined): DateSpan | null {
  if (!value) return null;
  const slash = value.indexOf('/');
  if (slash >= 0) {
    const a = parseSingle(value.slice(0, slash));
    const b = parseSingle(value.slice(slash + 1));
    if (!a || !b || b.end < a.start) return null;
    return { value, granularity: 'range', start: a.start, end: b.end };
  }
  const single = parseSingle(value);
  return single ? { value, ...single } : null;
}

/**
 * A compact label that shows the granularity: `2019-02-14`, `2019-W06`, `2019-02`, `2018`,
 * `2019-Q1`; a range drops what its end shares with its start: `2019-02-27…28`, `2019-02-27…03-01`.
 */
export function dateLabel(span: DateSpan): string {
  if (span.granularity !== 'range') return span.value.replace(/T.*$/, '');
  const [a, b] = span.value.split('/').map((side) => side.replace(/T.*$/, ''));
  const dayRange = /^\d{4}-\d{2}-\d{2}$/.test(a) && /^\d{4}-\d{2}-\d{2}$/.test(b);
  if (!dayRange) return `${a}…${b}`;
  if (a.slice(0, 7) === b.slice(0, 7)) return `${a}…${b.slice(8)}`;
  if (a.slice(0, 4) === b.slice(0, 4)) return `${a}…${b.slice(5)}`;
  return `${a}…${b}`;
}

/**
 * Turn a `--from`/`--to` bound (YYYY, YYYY-MM or YYYY-MM-DD) into a day: `--from 2019-02` starts on
 * the 1st, `--to 2019-02` ends on the 28th, so both include the whole month.
 */
export function boundDay(value: string, side: 'from' | 'to'): IsoDate | null {
  const span = parseDateValue(value);
  if (!span || !['day', 'month', 'year'].includes(span.granularity)) return null;
  return side === 'from' ? span.start : span.end;
}

/** Does the span share at least one day with [from, to]? (Either bound may be open.) */
export function overlaps(span: { start: IsoDate; end: IsoDate }, from: IsoDate | null, to: IsoDate | null): boolean {
  return (from === null || span.end >= from) && (to === null || span.start <= to);
}

export type BucketUnit = 'day' | 'week' | 'month' | 'year';

/** The bucket a timeline of [start, end] groups its marks by: days for a few weeks, then weeks, months, years. */
export function bucketUnitFor(start: IsoDate, end: IsoDate): BucketUnit {
  const days = daysBetween(start, end) + 1;
  if (days <= 45) return 'day';
  if (days <= 7 * 40) return 'week';
  if (days <= 366 * 6) return 'month';
  return 'year';
}

/** First day of the bucket of `unit` holding `date`. */
export function bucketStart(date: IsoDate, unit: BucketUnit): IsoDate {
  switch (unit) {
    case 'day':
      return date;
    case 'week':
      return formatDay(mondayOf(ymd(date)));
    case 'month':
      return `${date.slice(0, 7)}-01`;
    case 'year':
      return `${date.slice(0, 4)}-01-01`;
  }
}

/** First day of the bucket after the one starting on `start`. */
export function nextBucket(start: IsoDate, unit: BucketUnit): IsoDate {
  switch (unit) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month': {
      const { year, month } = addMonths(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 1);
      return `${formatMonth(year, month)}-01`;
    }
    case 'year':
      return `${pad(Number(start.slice(0, 4)) + 1, 4)}-01-01`;
  }
}

/** How a bucket is named on the axis: `2019-02-14`, `2019-W07`, `2019-02`, `2019`. */
export function bucketLabel(start: IsoDate, unit: BucketUnit): string {
  switch (unit) {
    case 'day':
      return start;
    case 'week':
      return isoWeekOf(start);
    case 'month':
      return start.slice(0, 7);
    case 'year':
      return start.slice(0, 4);
  }
}

/** Order entries by first day, then the wider span first (a month before its days), then name. */
export function compareSpans(a: { start: IsoDate; end: IsoDate }, b: { start: IsoDate; end: IsoDate }): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end > b.end ? -1 : 1;
  return 0;
}
