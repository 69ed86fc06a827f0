/**
 * Calendar arithmetic on plain `{year, month, day}` values, done in UTC day numbers so that no time
 * zone or daylight-saving shift can move a date by one.
 */

export interface Ymd {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;

export function parseIsoDate(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const ymd = { year: +m[1], month: +m[2], day: +m[3] };
  return isValidYmd(ymd) ? ymd : null;
}

export function isValidYmd({ year, month, day }: Ymd): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toDayNumber({ year, month, day }: Ymd): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): Ymd {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO weekday: Monday 0 … Sunday 6. */
export function weekdayOf(date: Ymd): number {
  // Day 0 (1970-01-01) was a Thursday (ISO index 3).
  return (((toDayNumber(date) + 3) % 7) + 7) % 7;
}

/** The year and month `offset` months away (month 1–12). */
export function addMonths(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function formatDay(date: Ymd): string {
  return `${pad4(date.year)}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad4(year)}-${pad2(month)}`;
}

/** ISO 8601 week of a day, e.g. `2019-W07` (the week-year can differ from the calendar year). */
export function formatIsoWeek(date: Ymd): string {
  const n = toDayNumber(date);
  const thursday = n - weekdayOf(date) + 3;
  const weekYear = fromDayNumber(thursday).year;
  const firstThursday = toDayNumber({ year: weekYear, month: 1, day: 1 });
  const week = Math.floor((thursday - firstThursday) / 7) + 1;
  return `${pad4(weekYear)}-W${pad2(week)}`;
}

/** The Monday of the ISO week holding `date`. */
export function mondayOf(date: Ymd): Ymd {
  return addDays(date, -weekdayOf(date));
}

/** The `nth` (1-based; -1 = last) `weekday` (ISO 0–6) of a month, e.g. Thanksgiving = 4th Thursday. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): Ymd {
  if (nth > 0) {
    const first = { year, month, day: 1 };
    const delta = (weekday - weekdayOf(first) + 7) % 7;
    return addDays(first, delta + 7 * (nth - 1));
  }
  const last = { year, month, day: daysInMonth(year, month) };
  const delta = (weekdayOf(last) - weekday + 7) % 7;
  return addDays(last, -delta);
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): Ymd {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}
