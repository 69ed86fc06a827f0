import { maxOf } from '../core/extremes.js';
import { wordWrap } from '../core/word-wrap.js';
import { bucketLabel, bucketStart, type BucketUnit } from '../core/days.js';
import { dateLabel } from '../core/timex.js';
import type { Timeline, TimelineEntity, TimelineEntry, TimelineSource } from '../timeline/types.js';
import { eventTitle } from './event-title.js';
import { formatNumber } from './text.js';

export interface TimelineTextOptions {
  /** ANSI colour (the CLI passes useColour()). */
  colour?: boolean;
  /** Wrap long lines at this many columns (a terminal's width); null or absent: never wrap (piped). */
  width?: number | null;
  /** Reports quoted per entry before "and N more"; the JSON output always has them all. */
  maxSources?: number;
  /** Group entries under a heading per day, week, month or year. */
  granularity?: BucketUnit;
}

const ANSI = { bold: '\x1b[1m', dim: '\x1b[2m', cyan: '\x1b[36m', yellow: '\x1b[33m', reset: '\x1b[0m' };

/**
 * The timeline for a terminal: one block per entry, the date in a column of its own so the eye can
 * run down it, then the event, who was involved, the evidence sentence and where it was read.
 * It depends only on the entity resolved, never on the name typed, so every alias prints the same.
 */
export function renderTimelineText(timeline: Timeline, options: TimelineTextOptions = {}): string {
  return [...timelineTextChunks(timeline, timeline.entries, timeline.entries, options)].join('');
}

/** What the heading and the date column need of every entry, before any is built: its kind and date. */
export type DatedEntry = Pick<TimelineEntry, 'kind' | 'date'>;

/**
 * renderTimelineText a piece at a time, each whole lines: the heading, then each entry's block as
 * `entries` gives it (a long timeline is written as it is built), then the last line. `dated` is
 * every entry's kind and date, in the same order: the heading counts them, the date column fits them.
 */
export function* timelineTextChunks(
  timeline: Timeline,
  dated: readonly DatedEntry[],
  entries: Iterable<TimelineEntry>,
  options: TimelineTextOptions = {},
): Generator<string> {
  const paint = (style: keyof typeof ANSI, text: string) =>
    options.colour ? `${ANSI[style]}${text}${ANSI.reset}` : text;
  const maxSources = options.maxSources ?? 1;
  yield `${paint('bold', heading(timeline, dated))}\n`;

  // maxOf: `timeline --all` at a million articles has 129,076 entries, too many arguments for Math.max.
  const column =
    Math.max(
      12,
      maxOf(
        dated.map((e) => dateLabel(e.date).length),
        0,
      ),
    ) + 2;
  const indent = ' '.repeat(column);
  const wrapWidth = options.width && options.width > column + 20 ? options.width : null;
  let period: string | null = null;
  for (const entry of entries) {
    const lines: string[] = [];
    const push = (first: string, text: string, style?: keyof typeof ANSI) => {
      const body = wrapWidth ? wordWrap(text, wrapWidth - column) : [text];
      body.forEach((line, i) => lines.push((i === 0 ? first : indent) + (style ? paint(style, line) : line)));
    };
    if (options.granularity) {
      const label = bucketLabel(bucketStart(entry.date.start, options.granularity), options.granularity);
      if (label !== period) {
        lines.push('', paint('bold', `── ${label} ──`));
        period = label;
      }
    }
    lines.push('');
    const label = paint('cyan', dateLabel(entry.date).padEnd(column));
    const reports = entry.support.documents;
    if (entry.kind === 'event') {
      const count = `  [${reports} report${reports === 1 ? '' : 's'}${entry.support.days > 1 ? `, ${entry.support.days} days` : ''}]`;
      push(label, `${paint('bold', eventTitle(entry.name, entry.place?.name))}${paint('dim', count)}`);
    } else {
      // A dated sentence no other report shares, told apart from an event of one report (--all).
      push(label, `${entry.name}${paint('dim', '  [dated mention]')}`);
    }
    if (entry.entities.length > 0) push(indent, entry.entities.map((e) => e.name).join(', '), 'yellow');
    for (const source of entry.sources.slice(0, maxSources)) {
      if (source.evidence[0]) push(indent, quote(source.evidence[0].text));
      push(indent, `— ${sourceLabel(source)}`, 'dim');
    }
    const more = entry.support.documents - Math.min(maxSources, entry.sources.length);
    if (more > 0) push(indent, `… and ${more} more report${more === 1 ? '' : 's'}`, 'dim');
    yield lines.map((line) => `${line}\n`).join('');
  }
  yield `\n${leftOutLine(timeline)}\n`;
}

/** The digest's last line: what was left out and how to see it. */
export function leftOutLine(timeline: Timeline): string {
  const { events, mentions } = timeline.leftOut;
  if (events === 0 && mentions === 0) return 'Nothing left out.';
  const parts: string[] = [];
  if (events > 0) parts.push(`${formatNumber(events)} less-reported event${events === 1 ? '' : 's'}`);
  if (mentions > 0) parts.push(`${formatNumber(mentions)} lone dated mention${mentions === 1 ? '' : 's'}`);
  const how: string[] = [];
  if (events > 0) how.push('--limit N or --all');
  if (mentions > 0) how.push('--mentions');
  return `${parts.join(' and ')} left out; ${how.join(', ')} to see ${events + mentions === 1 ? 'it' : 'them'}.`;
}

function heading(timeline: Timeline, dated: readonly DatedEntry[]): string {
  const subject = timeline.entity ? entityLabel(timeline.entity) : 'All events';
  const n = dated.length;
  const events = dated.filter((e) => e.kind === 'event').length;
  const count =
    n === 0
      ? 'nothing dated'
      : events === n
        ? `${formatNumber(n)} event${n === 1 ? '' : 's'}`
        : `${formatNumber(events)} event${events === 1 ? '' : 's'}, ${formatNumber(n - events)} dated mention${n - events === 1 ? '' : 's'}`;
  const period = periodAsked(timeline);
  const range = period ? ` ${period}` : n === 0 ? '' : `, ${spanOfEntries(dated)}`;
  return `${subject}: ${count}${range}`;
}

/** The period asked for (`between 1987-10-19 and 1987-10-20`), which the entries lie within; null for none. */
function periodAsked({ from, to }: Timeline): string | null {
  if (from && to) return `between ${from} and ${to}`;
  if (from) return `from ${from} on`;
  if (to) return `up to ${to}`;
  return null;
}

/** `2017 to 2019-02-19`: the first entry's date to the date of the one ending last. */
export function spanOfEntries(entries: readonly Pick<TimelineEntry, 'date'>[]): string {
  const first = dateLabel(entries[0].date);
  const last = dateLabel(entries.reduce((a, b) => (b.date.end > a.date.end ? b : a)).date);
  return first === last ? first : `${first} to ${last}`;
}

export function entityLabel(entity: TimelineEntity): string {
  return `${entity.name} (${entity.type})`;
}

/** `seeds/000.txt · Yonhap · 2019-02-15 · Title`: what a reader needs to find the article again. */
export function sourceLabel(source: TimelineSource): string {
  const parts = [source.path ?? `document ${source.docId}`];
  if (source.source) parts.push(source.source);
  if (source.published) parts.push(source.published);
  if (source.title) parts.push(source.title);
  return parts.join(' · ');
}

function quote(text: string): string {
  return `“${text}”`;
}

/** Said on stderr when a name fits several entities: which one the timeline follows. */
export function ambiguityNote(timeline: Timeline): string | null {
  if (!timeline.entity || timeline.alsoMatched.length === 0) return null;
  return `the name also matches ${timeline.alsoMatched.map(entityLabel).join(', ')}; showing ${entityLabel(timeline.entity)}, the most mentioned`;
}
