import type { IsoDate } from './types.js';
import * as calendar from './calendar.js';
import { addMonths, formatDay, formatIsoWeek, formatMonth, mondayOf, toDayNumber, type Ymd } from './calendar.js';

/**
 * Days as `YYYY-MM-DD` strings: label a date span compactly, and pick and step the buckets a timeline
 * of a range is drawn in. Calendar arithmetic is done in UTC so that no local time zone can shift a day.
 */

// Day arithmetic is the calendar the date extractor uses too (core/calendar.ts, UTC day numbers);
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

/** ISO week of a day, as `YYYY-Www` (the week's year can differ from the day's near New Year). */
export function isoWeekOf(date: IsoDate): string {
  return formatIsoWeek(ymd(date));
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

/**
 * Two days or none, in order, undated before dated: sorting by `compareDates(b, a)` puts the newer
 * first and the undated last.
 */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
