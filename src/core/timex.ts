import type { IsoDate } from './types.js';
import { UserError } from './errors.js';
import { addDays, daysInMonth, formatDay, mondayOf, type Ymd } from './calendar.js';
import { daysBetween } from './days.js';

/**
 * The one reader of normalized date values (TIMEX3-like, see spec/extract-format.md): the days a
 * value covers. The store places events with it, the timeline filters with it, the date extractor
 * checks ranges with it, and `--from/--to` bounds are parsed by it.
 */

/** How much of the calendar a normalized date value covers; the renderers show it, filters use its span. */
export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'range';

/** A normalized date value placed on the calendar: the days it covers, first and last inclusive. */
export interface DateSpan {
  /** The normalized value as stored (`2019-02`, `2019-W06`, `2019-02-27/2019-02-28`, `2018`). */
  value: string;
  granularity: Granularity;
  start: IsoDate;
  end: IsoDate;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Monday of ISO week `week` of `year` (week 1 holds January 4th). */
export function isoWeekMonday(year: number, week: number): Ymd {
  return addDays(mondayOf({ year, month: 1, day: 4 }), (week - 1) * 7);
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
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return { granularity: 'day', start: day, end: day };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const week = Number(m[2]);
    if (week < 1 || week > 53) return null;
    const monday = isoWeekMonday(Number(m[1]), week);
    return { granularity: 'week', start: formatDay(monday), end: formatDay(addDays(monday, 6)) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { granularity: 'month', start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(daysInMonth(y, mo))}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const last = q * 3;
    return {
      granularity: 'quarter',
      start: `${m[1]}-${pad(last - 2)}-01`,
      end: `${m[1]}-${pad(last)}-${pad(daysInMonth(y, last))}`,
    };
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) {
    // A half year is placed like the two quarters it spans.
    const first = m[2] === '1';
    return {
      granularity: 'quarter',
      start: `${m[1]}-${first ? '01' : '07'}-01`,
      end: `${m[1]}-${first ? '06-30' : '12-31'}`,
    };
  }
  m = /^(\d{4})-W(\d{2})-WE$/.exec(value);
  if (m) {
    const saturday = addDays(isoWeekMonday(Number(m[1]), Number(m[2])), 5);
    return { granularity: 'week', start: formatDay(saturday), end: formatDay(addDays(saturday, 1)) };
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

/** Does the span share at least one day with [from, to]? (Either bound may be open.) */
export function overlaps(span: { start: IsoDate; end: IsoDate }, from: IsoDate | null, to: IsoDate | null): boolean {
  return (from === null || span.end >= from) && (to === null || span.start <= to);
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

/** Inclusive day bounds of a `--from/--to` filter; null = open. */
export interface DayBounds {
  from: IsoDate | null;
  to: IsoDate | null;
}

/** Check a `--from/--to` pair: each a real YYYY, YYYY-MM or YYYY-MM-DD, and from not after to. */
export function dayBounds(bounds: { from?: string; to?: string }): DayBounds {
  const day = (value: string | undefined, side: 'from' | 'to'): IsoDate | null => {
    if (value === undefined) return null;
    const result = boundDay(value, side);
    if (!result) throw new UserError(`--${side} must be a date like 2019-02-27, 2019-02 or 2019, got '${value}'`);
    return result;
  };
  const from = day(bounds.from, 'from');
  const to = day(bounds.to, 'to');
  if (from && to && from > to) throw new UserError(`--from ${bounds.from} is after --to ${bounds.to}`);
  return { from, to };
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

/** The calendar fields a value names at its start: what relative expressions (`a year earlier`) count from. */
export interface LeadingFields {
  year: number;
  /** Set when the value names a month or a day. */
  month?: number;
  /** Set when the value names a day. */
  day?: number;
  /** `-02`, `-Q1`, `-H2`: the part of the year a value names, kept when it is shifted by whole years. */
  period?: string;
}

/**
 * Read the start of a value as calendar fields: `2019-02-27` (or a range starting on that day) gives
 * year, month and day; `2019-02` year and month; `2019`, `2019-Q1`, `2019-H2`, `2019-W06`, `2019-SU`
 * only the year (a week or season does not name a month). Null for values with no year.
 */
export function leadingFields(value: string): LeadingFields | null {
  const first = value.split('/')[0];
  const span = parseDateValue(first);
  const year = /^(\d{4})(?![\d])/.exec(first);
  if (!year) return null;
  const y = Number(year[1]);
  if (span?.granularity === 'day')
    return { year: y, month: Number(first.slice(5, 7)), day: Number(first.slice(8, 10)) };
  if (span?.granularity === 'month') return { year: y, month: Number(first.slice(5, 7)), period: first.slice(4) };
  const part = /^\d{4}(-(?:Q[1-4]|H[12]))$/.exec(first);
  return part ? { year: y, period: part[1] } : { year: y };
}

/** Seasons (`1998-SU`) are not placed on the calendar (where they start depends on the hemisphere). */
const SEASON = /^\d{4}-(?:SP|SU|FA|WI)$/;

/**
 * How precisely a value pins a happening down, for keeping the best of several: a day (or a range
 * starting on one) 5, week 4, month 3, quarter, half or season 2, year 1, anything vaguer 0, none -1.
 */
export function specificity(value: string | null): number {
  if (!value) return -1;
  const span = parseDateValue(value.split('/')[0]);
  if (span) return { day: 5, week: 4, month: 3, quarter: 2, year: 1, range: 0 }[span.granularity];
  return SEASON.test(value) ? 2 : 0;
}

/**
 * Do two values name different happenings? Values precise to the day conflict when the days they
 * cover do not overlap. Coarser values may contain each other, or be a little off (`last month`
 * said of the first days of a month): they conflict only more than a month apart (`a bombing in
 * 1995` is not `the bombings on Aug. 7` of 1998).
 */
export function daysConflict(a: string | null, b: string | null): boolean {
  const sa = a ? parseDateValue(a) : null;
  const sb = b ? parseDateValue(b) : null;
  if (!sa || !sb) return false;
  if (specificity(a) === 5 && specificity(b) === 5) return !overlaps(sa, sb.start, sb.end);
  return daysBetween(sa.end, sb.start) > COARSE_SLACK_DAYS || daysBetween(sb.end, sa.start) > COARSE_SLACK_DAYS;
}

/** How far apart two coarse dates may be and still name one happening. */
const COARSE_SLACK_DAYS = 31;
