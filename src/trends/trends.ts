/**
 * `corpus trends`: how often entities appear over time, and which rose most lately. Pure planning
 * over the store's counts: empty periods are filled so a sparkline shows gaps as gaps.
 */
import type { Store } from '../store/db.js';
import { UnknownEntityError, UserError } from '../core/errors.js';
import { addDays, addMonths, formatDay, fromDayNumber, parseIsoDate, toDayNumber } from '../core/calendar.js';
import { resolveEntities } from '../store/entities.js';
import { entityTrend, windowCounts, type Granularity, type PeriodCount } from '../store/trends.js';
import { publicationSpan } from '../store/documents.js';
import { storedValue } from '../store/errors.js';

export interface EntityTrend {
  name: string;
  type: string;
  id: number;
  periods: PeriodCount[];
  documents: number;
  /** Stories over all periods (each period's stories summed: a story re-sent days apart counts in each). */
  stories: number;
  mentions: number;
}

export interface TrendsResult {
  by: Granularity;
  from: string | null;
  to: string | null;
  entities: EntityTrend[];
}

function nextPeriod(period: string, by: Granularity): string {
  if (by === 'year') return String(Number(period) + 1);
  if (by === 'month') {
    const { year, month } = addMonths(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 1);
    return `${year}-${String(month).padStart(2, '0')}`;
  }
  return formatDay(addDays(parseIsoDate(period)!, by === 'week' ? 7 : 1));
}

/** The periods from the first to the last, with zero counts where nothing was published. */
export function fillPeriods(counts: PeriodCount[], by: Granularity, limit = 5000): PeriodCount[] {
  if (counts.length === 0) return [];
  const byPeriod = new Map(counts.map((c) => [c.period, c]));
  const out: PeriodCount[] = [];
  const last = counts[counts.length - 1].period;
  for (let p = counts[0].period; p <= last && out.length < limit; p = nextPeriod(p, by)) {
    out.push(byPeriod.get(p) ?? { period: p, documents: 0, stories: 0, mentions: 0 });
  }
  return out;
}

export function trends(
  db: Store,
  names: string[],
  by: Granularity,
  from: string | null,
  to: string | null,
): TrendsResult {
  const entities: EntityTrend[] = [];
  for (const name of names) {
    const found = resolveEntities(db, name);
    if (found.length === 0) throw new UnknownEntityError(name);
    const e = found[0];
    // Two names of one entity (`Volcker`, `Paul Volcker`) follow it once.
    if (entities.some((x) => x.id === e.id)) continue;
    const periods = fillPeriods(entityTrend(db, [e.id], by, from, to), by);
    entities.push({
      name: e.name,
      type: e.type,
      id: e.id,
      periods,
      documents: periods.reduce((n, p) => n + p.documents, 0),
      stories: periods.reduce((n, p) => n + p.stories, 0),
      mentions: periods.reduce((n, p) => n + p.mentions, 0),
    });
  }
  return { by, from, to, entities };
}

export interface RisingEntity {
  id: number;
  name: string;
  type: string;
  /** Stories mentioning it in the latest period and in the one before (wire copies of one story once). */
  current: number;
  previous: number;
  /** Its share of the period's stories now over before (add-one smoothed). */
  growth: number;
}

export interface RisingResult {
  period: { days: number; from: string; to: string; previousFrom: string };
  /** Documents dated in each period. */
  documents: { current: number; previous: number };
  /** Stories in each period: near-duplicate documents (wire copies) count once. */
  stories: { current: number; previous: number };
  entities: RisingEntity[];
}

/** `2w`, `10d`, `1m`, `1y` → days. */
/** The longest --period, in days (100 years): longer than any archive, and far from the calendar's year 1. */
export const MAX_PERIOD_DAYS = 100 * 365;

export function parsePeriod(text: string): number {
  const m = /^(\d{1,6})\s*([dwmy])$/.exec(text.trim());
  const days = m ? Number(m[1]) * { d: 1, w: 7, m: 30, y: 365 }[m[2] as 'd' | 'w' | 'm' | 'y'] : 0;
  if (days === 0) throw new UserError(`--period must be like 7d, 2w, 1m or 1y, got '${text}'`);
  if (days > MAX_PERIOD_DAYS) throw new UserError(`--period is at most 100y, got '${text}'`);
  return days;
}

/**
 * How surely an entity's share of stories rose: Dunning's log-likelihood ratio (G²) of its stories
 * now and before against the periods' totals. Ranking by the ratio of shares put names
 * new in a few documents (`0 → 17`, currency codes of the day's tables) above the story of the
 * period (`Group of Seven`, `5 → 62`); G² weighs the rise by how much evidence stands behind it.
 */
export function risingEvidence(current: number, previous: number, currentTotal: number, previousTotal: number): number {
  const total = currentTotal + previousTotal;
  const n = current + previous;
  if (total === 0 || n === 0) return 0;
  const term = (observed: number, expected: number) =>
    observed > 0 && expected > 0 ? observed * Math.log(observed / expected) : 0;
  const cells = [
    [current, (n * currentTotal) / total],
    [previous, (n * previousTotal) / total],
    [currentTotal - current, ((total - n) * currentTotal) / total],
    [previousTotal - previous, ((total - n) * previousTotal) / total],
  ];
  return 2 * cells.reduce((sum, [o, e]) => sum + term(o, e), 0);
}

/** An entity must be in this many stories of the latest period to be called rising. */
const MIN_STORIES = 3;

export function rising(db: Store, days: number, to: string | null, limit = 20): RisingResult {
  const end = to ?? publicationSpan(db)?.last;
  if (!end) throw new UserError('the corpus has no dated documents', 1);
  // --to was checked; the corpus's own last date is read from a row, which damage may have changed.
  const endDay = storedValue('the last publication date', () => toDayNumber(parseIsoDate(end)!));
  const curFrom = formatDay(fromDayNumber(endDay - days + 1));
  const prevFrom = formatDay(fromDayNumber(endDay - 2 * days + 1));
  const { entities, stories, documents } = windowCounts(db, prevFrom, curFrom, end);
  const share = (n: number, total: number): number => (n + 1) / (total + 1);
  const list = entities
    .filter((e) => e.current >= MIN_STORIES)
    .map((e) => ({
      ...e,
      growth: Math.round((share(e.current, stories.current) / share(e.previous, stories.previous)) * 100) / 100,
      evidence: risingEvidence(e.current, e.previous, stories.current, stories.previous),
    }))
    .filter((e) => e.growth > 1)
    .sort((a, b) => b.evidence - a.evidence || b.current - a.current || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ evidence: _, ...e }) => e);
  return {
    period: { days, from: curFrom, to: end, previousFrom: prevFrom },
    documents,
    stories,
    entities: list,
  };
}
