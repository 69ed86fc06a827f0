/**
 * What a recognized time expression says, before it is resolved against a publication date.
 * `rel` is the explicit deictic the text used (`last June`, `next week`, `this Friday`).
 */

export type Relation = 'last' | 'this' | 'next';

export type DateExpression =
  /** Fully fixed by the text (`2018-12-18`, `Feb. 14, 2019`, `1987`, `the 1990s`). */
  | { kind: 'absolute'; value: string }
  /** A vague reference (`now`, `recently`, `the coming weeks`). */
  | { kind: 'ref'; value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  /** Month and day, optionally a range to `month2`/`day2`; year from `year` or the tense. */
  | { kind: 'monthDay'; month: number; day: number; month2?: number; day2?: number; year?: number }
  /** `yearOffset`: `April next year` (+1) relative to the publication year. */
  | { kind: 'month'; month: number; year?: number; rel?: Relation; yearOffset?: number }
  /** A weekday, optionally a range to `weekday2` (`from Wednesday till Saturday`). */
  | { kind: 'weekday'; weekday: number; weekday2?: number; rel?: Relation }
  /** `yesterday` (day −1), `last week` (week −1), `three years ago` (year −3), `this month` (month 0), `next weekend`. */
  | { kind: 'offset'; unit: 'day' | 'week' | 'weekend' | 'month' | 'year'; offset: number }
  /**
   * A date counted from the one the text last named rather than from publication: `that day` (0),
   * `the next morning` (day +1), `later that year` (year 0), `two weeks earlier` (week −2).
   */
  | { kind: 'anaphor'; unit: 'day' | 'week' | 'month' | 'year'; offset: number }
  | { kind: 'season'; season: 'SP' | 'SU' | 'FA' | 'WI'; year?: number; rel?: Relation }
  /** `quarter` 0: the current one (`last quarter`); `half` marks a half year (`the first half of 1998`). */
  | { kind: 'quarter'; quarter: number; year?: number; rel?: Relation; half?: boolean }
  | { kind: 'holiday'; holiday: string; year?: number; rel?: Relation }
  /** `the week of March 6`. */
  | { kind: 'weekOf'; month: number; day: number; year?: number };

/** A time expression found in the text: its exact span and what it says. */
export interface DateCandidate {
  start: number;
  end: number;
  expression: DateExpression;
}
