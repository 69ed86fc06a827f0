import type { IsoDate } from '../../core/types.js';
import { daysBetween } from '../../core/days.js';
import { parseDateValue, type DateSpan } from '../../core/timex.js';

/**
 * Whether a DATE mention can date a happening on a timeline. Many dates in news are not when
 * something happened: a bond's maturity (`notes due 2016`), a bound (`since 1919`, `until March`),
 * a reporting period (`the first quarter`, `fiscal 1987`, `the week ended February 22`), a
 * comparison (`last year`, `a year earlier`, `this year`), or a span far back from the story
 * (`130 years ago`). Those stay DATE mentions (search and extraction keep them) but never make a
 * timeline entry of their own.
 */

/** The word right before a date that makes it a bound, a maturity or a period's end, not an occurrence. */
const BOUND_BEFORE = new Set([
  'due',
  'maturing',
  'matures',
  'mature',
  'maturity',
  'until',
  'till',
  'til',
  'through',
  'thru',
  'since',
  'by',
  'before',
  'from',
  'to',
  'expires',
  'expiring',
  'expire',
  'ended',
  'ending',
  'ends',
  'end',
  'between',
  'per',
  'fiscal',
  'than',
  'versus',
  'vs',
  'against',
]);
/** Comparisons and reporting periods said relative to the story's own time. */
const RELATIVE_PERIOD = /\b(?:years?|decades?|quarters?|halves|half|season|fiscal)\b/i;
const AGO = /\b(?:ago|earlier|later|before|previous|prior)\b/i;

export interface DateContext {
  /** The mention's text and normalized value. */
  text: string;
  value: string | null;
  /** Up to ~30 characters of the text before the mention and after it. */
  before: string;
  after: string;
  /** Publication date of the document, to tell a recent span from a far one. */
  published: IsoDate | null;
}

/** The span a mention dates, or null when it is not an occurrence's date (see above). */
export function occurrenceSpan(d: DateContext): DateSpan | null {
  if (!d.value || /_REF$|^FY|^P/.test(d.value)) return null;
  const span = parseDateValue(d.value.replace(/T.*$/, ''));
  if (!span) return null;
  if (span.granularity === 'quarter') return null;
  if (/-(?:H\d|SP|SU|FA|WI)$/.test(d.value)) return null;
  const word = /([\p{L}]+)[\s,]*(?:the\s+)?(?:(?:end|middle|beginning|start)\s+of\s+(?:the\s+)?)?$/u
    .exec(d.before)?.[1]
    ?.toLowerCase();
  if (word && BOUND_BEFORE.has(word)) return null;
  if (word === 'of' && span.granularity === 'year') return null; // `the 7-1/4s of 1996`
  // `the week ended Feb 22`, `the year-ago quarter`.
  if (/\b(?:week|month|period|quarter|year)s?\s+(?:ended|ending)\s*$/i.test(d.before)) return null;
  if (
    /^\s*(?:-\s*)?(?:levels?|figures?|results?|earnings|profits?|net|sales|revenues?|quarter|period|average|budget|forecasts?|targets?|estimates?|crop|harvest|season|output|production|rate|prices?)\b/i.test(
      d.after,
    ) &&
    span.granularity !== 'day'
  ) {
    return null;
  }
  const letters = d.text.replace(/\d/g, '');
  const relative = letters.length === d.text.length; // no digits: `last year`, `this month`, `two years ago`
  if (relative && RELATIVE_PERIOD.test(d.text)) return null;
  if (span.granularity === 'year' && (relative || /\byear\b/i.test(d.text))) return null;
  if (d.published) {
    // A relative span far from the story (`130 years ago`), or a year far ahead (a target, a maturity).
    const back = daysBetween(span.end, d.published);
    const ahead = daysBetween(d.published, span.start);
    if (relative && AGO.test(d.text) && back > 366) return null;
    if (back > 366 * 25 || ahead > 366 * 5) return null;
    if (span.granularity === 'year' && ahead > 0) return null;
  }
  return span;
}
