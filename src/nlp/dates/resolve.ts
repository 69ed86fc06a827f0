import type { DateExpression, Relation } from './expression.js';
import type { Tense } from './tense.js';
import { leadingFields } from '../../core/timex.js';
import {
  addDays,
  addMonths,
  daysInMonth,
  easterSunday,
  formatDay,
  formatIsoWeek,
  formatMonth,
  mondayOf,
  nthWeekdayOfMonth,
  toDayNumber,
  weekdayOf,
  type Ymd,
} from '../../core/calendar.js';

/**
 * Turns a recognized expression into its TIMEX3 value, relative to the publication date `ref`.
 * Granularity follows the text: `last June` is a month, `last week` an ISO week, `last year` a year.
 * Without `ref`, anything that needs one is null (a guess would put wrong dates on the timeline).
 */
export function resolveExpression(expression: DateExpression, ref: Ymd | null, tense: Tense): string | null {
  switch (expression.kind) {
    case 'absolute':
    case 'ref':
      return expression.value;
    case 'monthDay':
      return resolveMonthDay(expression, ref, tense);
    case 'month': {
      if (expression.year !== undefined) return formatMonth(expression.year, expression.month);
      if (!ref) return null;
      if (expression.yearOffset !== undefined) return formatMonth(ref.year + expression.yearOffset, expression.month);
      return formatMonth(yearOfMonth(expression.month, ref, expression.rel, tense), expression.month);
    }
    case 'weekday': {
      if (!ref) return null;
      const first = resolveWeekday(expression.weekday, ref, expression.rel, tense);
      if (expression.weekday2 === undefined) return formatDay(first);
      const span = (expression.weekday2 - expression.weekday + 7) % 7 || 7;
      return `${formatDay(first)}/${formatDay(addDays(first, span))}`;
    }
    case 'offset': {
      if (!ref) return null;
      // `rallied this weekend` written on a weekday: the weekend just past.
      const past = expression.unit === 'weekend' && expression.offset === 0 && tense === 'past' && weekdayOf(ref) < 5;
      return resolveOffset(expression.unit, past ? -1 : expression.offset, ref);
    }
    case 'anaphor':
      return null; // needs the date named before it: see resolveAnaphor

    case 'season':
      return resolveSeason(expression.season, expression.year, ref, expression.rel, tense);
    case 'quarter':
      return expression.half
        ? resolveHalf(expression.quarter, expression.year, ref, expression.rel, tense)
        : resolveQuarter(expression.quarter, expression.year, ref, expression.rel, tense);
    case 'holiday':
      return resolveHoliday(expression.holiday, expression.year, ref, expression.rel, tense);
    case 'weekOf': {
      const year = expression.year ?? (ref ? yearOfDay(expression.month, expression.day, ref, undefined, tense) : null);
      return year === null ? null : formatIsoWeek({ year, month: expression.month, day: expression.day });
    }
  }
}

function resolveOffset(unit: 'day' | 'week' | 'weekend' | 'month' | 'year', offset: number, ref: Ymd): string {
  switch (unit) {
    case 'day':
      return formatDay(addDays(ref, offset));
    case 'week':
      return formatIsoWeek(addDays(ref, 7 * offset));
    case 'weekend':
      // A weekend belongs to the ISO week of the Monday–Friday before it (TIMEX3 `2000-W15-WE`).
      return `${formatIsoWeek(addDays(ref, 7 * offset))}-WE`;
    case 'month': {
      const { year, month } = addMonths(ref.year, ref.month, offset);
      return formatMonth(year, month);
    }
    case 'year':
      return String(ref.year + offset).padStart(4, '0');
  }
}

/**
 * The year of a month-day without one. Past tense: the latest on or before the publication date;
 * future: the first on or after it. A reporter who means a date most of a year away names the year,
 * so a reading that far off yields to a near one in the other direction (`by Jan. 14` written on
 * 2000-01-06 in a past-tense clause is still 2000-01-14). Unknown tense: the past one unless the
 * upcoming one is close.
 */
function yearOfDay(month: number, day: number, ref: Ymd, rel: Relation | undefined, tense: Tense): number {
  const refDay = toDayNumber(ref);
  const dayIn = (year: number): number => toDayNumber({ year, month, day: Math.min(day, daysInMonth(year, month)) });
  const pastYear = dayIn(ref.year) <= refDay ? ref.year : ref.year - 1;
  const futureYear = dayIn(ref.year) >= refDay ? ref.year : ref.year + 1;
  const pastDistance = refDay - dayIn(pastYear);
  const futureDistance = dayIn(futureYear) - refDay;
  if (rel === 'last') return dayIn(ref.year) < refDay ? ref.year : ref.year - 1;
  if (rel === 'next') return dayIn(ref.year) > refDay ? ref.year : ref.year + 1;
  if (rel === 'this') return ref.year;
  if (tense === 'past') return pastDistance > 270 && futureDistance <= 90 ? futureYear : pastYear;
  if (tense === 'future') return futureDistance > 300 && pastDistance <= 60 ? pastYear : futureYear;
  return futureDistance <= 60 || (pastDistance > 270 && futureDistance <= 120) ? futureYear : pastYear;
}

function resolveMonthDay(
  e: Extract<DateExpression, { kind: 'monthDay' }>,
  ref: Ymd | null,
  tense: Tense,
): string | null {
  const year = e.year ?? (ref ? yearOfDay(e.month, e.day, ref, undefined, tense) : null);
  if (year === null) return null;
  const first = { year, month: e.month, day: e.day };
  if (e.day2 === undefined) return formatDay(first);
  const month2 = e.month2 ?? e.month;
  // `Dec. 30-Jan. 2` runs into the next year.
  const year2 = month2 < e.month ? year + 1 : year;
  return `${formatDay(first)}/${formatDay({ year: year2, month: month2, day: e.day2 })}`;
}

/** The year of a month named without one (`last June`, `in June` said of the future); see yearOfDay. */
function yearOfMonth(month: number, ref: Ymd, rel: Relation | undefined, tense: Tense): number {
  if (rel === 'last') return month < ref.month ? ref.year : ref.year - 1;
  if (rel === 'next') return month > ref.month ? ref.year : ref.year + 1;
  if (rel === 'this' || month === ref.month) return ref.year;
  const monthsBack = (ref.month - month + 12) % 12;
  const monthsAhead = 12 - monthsBack;
  const pastYear = month < ref.month ? ref.year : ref.year - 1;
  const futureYear = month > ref.month ? ref.year : ref.year + 1;
  // A month most of a year back would have been named with its year (`June 2018`, `last June`);
  // in a past clause (`sales were booked for March shipment`) it is the one just ahead.
  if (tense === 'past') return monthsBack >= 10 && monthsAhead <= 2 ? futureYear : pastYear;
  if (tense === 'future') return monthsAhead >= 10 && monthsBack <= 3 ? pastYear : futureYear;
  return monthsAhead <= 2 ? futureYear : pastYear;
}

/**
 * A weekday named without a date. In a past clause, the latest one on or before the publication date
 * (`met Thursday`); in a future clause the next one on or after it (`will meet Thursday`).
 */
export function resolveWeekday(weekday: number, ref: Ymd, rel: Relation | undefined, tense: Tense): Ymd {
  const refWeekday = weekdayOf(ref);
  if (rel === 'this') return addDays(mondayOf(ref), weekday);
  if (rel === 'last') return addDays(ref, -((refWeekday - weekday + 7) % 7 || 7));
  if (rel === 'next') return addDays(ref, (weekday - refWeekday + 7) % 7 || 7);
  if (tense === 'future') return addDays(ref, (weekday - refWeekday + 7) % 7);
  return addDays(ref, -((refWeekday - weekday + 7) % 7));
}

const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function resolveSeason(
  season: string,
  year: number | undefined,
  ref: Ymd | null,
  rel: Relation | undefined,
  tense: Tense,
): string | null {
  if (year !== undefined) return `${year}-${season}`;
  if (!ref) return null;
  // Index seasons on a running scale so that winter (December–February) belongs to the year it starts in.
  const seasonIndex = (y: number, s: string): number => y * 4 + SEASON_START[s] / 3 - 1;
  const currentYear = ref.month <= 2 ? ref.year - 1 : ref.year;
  const current = seasonIndex(
    currentYear,
    ref.month <= 2 ? 'WI' : ['SP', 'SP', 'SP', 'SU', 'SU', 'SU', 'FA', 'FA', 'FA', 'WI'][ref.month - 3],
  );
  let candidate = seasonIndex(currentYear, season);
  const direction =
    rel === 'last' ? -1 : rel === 'next' ? 1 : rel === 'this' ? 0 : tense === 'future' ? 1 : tense === 'past' ? -1 : 0;
  if (direction < 0) while (candidate >= current) candidate -= 4;
  else if (direction > 0) while (candidate <= current) candidate += 4;
  return `${Math.floor(candidate / 4)}-${season}`;
}

function resolveQuarter(
  quarter: number,
  year: number | undefined,
  ref: Ymd | null,
  rel: Relation | undefined,
  tense: Tense,
): string | null {
  if (year !== undefined && quarter) return `${year}-Q${quarter}`;
  if (!ref) return null;
  const currentQuarter = Math.floor((ref.month - 1) / 3) + 1;
  const current = ref.year * 4 + currentQuarter - 1;
  if (!quarter) {
    const index = current + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  if (rel === 'last' || rel === 'next') return `${ref.year + (rel === 'last' ? -1 : 1)}-Q${quarter}`;
  if (rel === 'this') return `${ref.year}-Q${quarter}`;
  // Results are reported for quarters already over; forecasts for ones to come.
  if (tense === 'future') return `${quarter >= currentQuarter ? ref.year : ref.year + 1}-Q${quarter}`;
  return `${quarter <= currentQuarter ? ref.year : ref.year - 1}-Q${quarter}`;
}

/**
 * `that day`, `the next morning`, `later that year`: counted from `anchor`, the calendar value the text
 * named last (`2000-02-22`, `1998-06`, `1998`); null when the anchor is coarser than the unit needs.
 */
export function resolveAnaphor(e: Extract<DateExpression, { kind: 'anaphor' }>, anchor: string): string | null {
  const at = leadingFields(anchor);
  if (!at) return null;
  if (e.unit === 'year') {
    // `sales in December … 1.65 mln a year earlier`: the same month (quarter, half) a year before.
    const period = e.offset !== 0 && !anchor.includes('/') ? (at.period ?? '') : '';
    return String(at.year + e.offset).padStart(4, '0') + period;
  }
  if (at.month === undefined) return null;
  if (e.unit === 'month') {
    const shifted = addMonths(at.year, at.month, e.offset);
    return formatMonth(shifted.year, shifted.month);
  }
  if (at.day === undefined) return null;
  const day = { year: at.year, month: at.month, day: at.day };
  return e.unit === 'day' ? formatDay(addDays(day, e.offset)) : formatIsoWeek(addDays(day, 7 * e.offset));
}

/** `the first half`: like a quarter, a half already over is reported, one to come forecast. */
function resolveHalf(
  half: number,
  year: number | undefined,
  ref: Ymd | null,
  rel: Relation | undefined,
  tense: Tense,
): string | null {
  if (year !== undefined) return `${year}-H${half}`;
  if (!ref) return null;
  const current = ref.month <= 6 ? 1 : 2;
  if (rel) return `${ref.year + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0)}-H${half}`;
  if (tense === 'future') return `${half >= current ? ref.year : ref.year + 1}-H${half}`;
  return `${half <= current ? ref.year : ref.year - 1}-H${half}`;
}

/** The date of a holiday in a given year, or null for one we do not know. */
export function holidayDate(name: string, year: number): Ymd | null {
  const key = name.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
  if (key.startsWith('christmas eve')) return { year, month: 12, day: 24 };
  if (key.startsWith('christmas')) return { year, month: 12, day: 25 };
  if (key === "new year's eve") return { year, month: 12, day: 31 };
  if (key.startsWith("new year's")) return { year, month: 1, day: 1 };
  if (key.startsWith('thanksgiving')) return nthWeekdayOfMonth(year, 11, 3, 4);
  if (key === 'easter monday') return addDays(easterSunday(year), 1);
  if (key.startsWith('easter')) return easterSunday(year);
  if (key === 'election day') return addDays(nthWeekdayOfMonth(year, 11, 0, 1), 1);
  if (key === 'halloween') return { year, month: 10, day: 31 };
  if (key === "valentine's day") return { year, month: 2, day: 14 };
  if (key === 'labor day') return nthWeekdayOfMonth(year, 9, 0, 1);
  if (key === 'memorial day') return nthWeekdayOfMonth(year, 5, 0, -1);
  if (key === 'veterans day') return { year, month: 11, day: 11 };
  if (key === 'boxing day') return { year, month: 12, day: 26 };
  if (key === 'good friday') return addDays(easterSunday(year), -2);
  if (key === "mother's day") return nthWeekdayOfMonth(year, 5, 6, 2);
  if (key === "father's day") return nthWeekdayOfMonth(year, 6, 6, 3);
  if (key.startsWith('martin luther king')) return nthWeekdayOfMonth(year, 1, 0, 3);
  if (/^presidents'? day$/.test(key)) return nthWeekdayOfMonth(year, 2, 0, 3);
  if (key === 'columbus day') return nthWeekdayOfMonth(year, 10, 0, 2);
  if (key === 'fourth of july') return { year, month: 7, day: 4 };
  return null;
}

function resolveHoliday(
  name: string,
  year: number | undefined,
  ref: Ymd | null,
  rel: Relation | undefined,
  tense: Tense,
): string | null {
  const format = (date: Ymd): string => (/week$/i.test(name) ? formatIsoWeek(date) : formatDay(date));
  if (year !== undefined) {
    const date = holidayDate(name, year);
    return date ? format(date) : null;
  }
  if (!ref) return null;
  const thisYear = holidayDate(name, ref.year);
  if (!thisYear) return null;
  const refDay = toDayNumber(ref);
  // `Easter week` has begun before Easter Sunday itself.
  const day = toDayNumber(thisYear) - (/week$/i.test(name) ? 7 : 0);
  let y = ref.year;
  if (rel === 'last' || (!rel && tense !== 'future'))
    y = day < refDay || (day === refDay && rel !== 'last') ? ref.year : ref.year - 1;
  else if (rel === 'next' || tense === 'future')
    y = day > refDay || (day === refDay && rel !== 'next') ? ref.year : ref.year + 1;
  const date = holidayDate(name, y);
  return date ? format(date) : null;
}
