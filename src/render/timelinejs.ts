import { dateLabel } from '../core/timex.js';
import type { DateSpan, Timeline, TimelineEntry } from '../timeline/types.js';
import { escapeHtml } from './timeline-html.js';
import { entityLabel, leftOutLine, sourceLabel } from './timeline-text.js';
import { unsaidPlace } from './event-title.js';

const withPlace = (name: string, place: string | null) => (place ? `${name} (${place})` : name);

/** A TimelineJS date (https://timeline.knightlab.com/docs/json-format.html): as precise as the value. */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

export interface TimelineJsSlide {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  /** TimelineJS renders both fields as HTML, so article text in them is escaped. */
  text: { headline: string; text: string };
  group?: string;
  unique_id?: string;
}

export interface TimelineJsDocument {
  title: { text: { headline: string; text: string } };
  events: TimelineJsSlide[];
}

/** The timeline as a TimelineJS document, ready for `JSON.stringify` and Knight Lab's viewer. */
export function toTimelineJs(timeline: Timeline): TimelineJsDocument {
  const subject = timeline.entity ? entityLabel(timeline.entity) : 'All events';
  const n = timeline.entries.length;
  const undated = ` ${leftOutLine(timeline)}`;
  return {
    title: {
      text: { headline: escapeHtml(subject), text: escapeHtml(`${n} dated entr${n === 1 ? 'y' : 'ies'}.${undated}`) },
    },
    events: timeline.entries.map((entry, i) => slide(entry, i)),
  };
}

function slide(entry: TimelineEntry, index: number): TimelineJsSlide {
  const { start_date, end_date } = dates(entry.date);
  const evidence = entry.sources
    .map((s) => {
      const quote = s.evidence[0] ? `<blockquote>${escapeHtml(s.evidence[0].text)}</blockquote>` : '';
      return `${quote}<p><small>${escapeHtml(sourceLabel(s))}</small></p>`;
    })
    .join('');
  const who = entry.entities.length > 0 ? `<p>${escapeHtml(entry.entities.map((e) => e.name).join(', '))}</p>` : '';
  const headline =
    entry.kind === 'event'
      ? withPlace(entry.name, unsaidPlace(entry.name, entry.place?.name))
      : shorten(entry.sources[0]?.evidence[0]?.text ?? entry.name, 90);
  const result: TimelineJsSlide = {
    start_date,
    ...(end_date ? { end_date } : {}),
    text: { headline: escapeHtml(headline), text: who + evidence },
    unique_id: entry.eventId !== null ? `event-${entry.eventId}` : `mention-${index}`,
  };
  if (entry.kind === 'event' && entry.place) result.group = entry.place.name;
  return result;
}

function parts(day: string, precision: 'year' | 'month' | 'day'): TimelineJsDate {
  const date: TimelineJsDate = { year: Number(day.slice(0, 4)) };
  if (precision !== 'year') date.month = Number(day.slice(5, 7));
  if (precision === 'day') date.day = Number(day.slice(8, 10));
  return date;
}

/** Years and months stay that coarse; weeks, ranges and quarters get both ends. */
function dates(span: DateSpan): { start_date: TimelineJsDate; end_date?: TimelineJsDate } {
  const display_date = dateLabel(span);
  switch (span.granularity) {
    case 'year':
      return { start_date: { ...parts(span.start, 'year'), display_date } };
    case 'month':
      return { start_date: { ...parts(span.start, 'month'), display_date } };
    case 'quarter':
      return { start_date: { ...parts(span.start, 'month'), display_date }, end_date: parts(span.end, 'month') };
    case 'day':
      return { start_date: { ...parts(span.start, 'day'), display_date } };
    default:
      return { start_date: { ...parts(span.start, 'day'), display_date }, end_date: parts(span.end, 'day') };
  }
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
