import path from 'node:path';
import { UserError } from '../core/errors.js';
import { json } from '../render/formats/json.js';
import { renderTimelineHtml } from '../render/timeline-html.js';
import {
  ambiguityNote,
  type DatedEntry,
  leftOutLine,
  renderTimelineText,
  timelineTextChunks,
} from '../render/timeline-text.js';
import { dateLabel } from '../core/timex.js';
import { maxOf } from '../core/extremes.js';
import type { BucketUnit } from '../core/days.js';
import { eventJson, timelineJson, type EventJson } from '../timeline/json.js';
import { toTimelineJs } from '../render/timelinejs.js';
import { displayPath, formatNumber, visibleDeep } from '../render/text.js';
import { beginRead, openDatabase } from '../store/db.js';
import { buildTimeline, planTimeline, timelineEntries } from '../timeline/query.js';
import { suggestingNames } from './entity-names.js';
import type { Timeline, TimelineEntry, TimelineQuery } from '../timeline/types.js';
import type { TextContext } from '../render/text.js';
import type { CorpusEventRow } from '../store/events.js';
import { chooseFormat, emit, type OutputFlags, say, writeFile, writtenAsRead } from './emit.js';
import { eventTitle } from '../render/event-title.js';

export type TimelineFormat = 'text' | 'json' | 'timelinejs';

export interface TimelineOptions extends OutputFlags {
  db: string;
  format?: TimelineFormat;
  from?: string;
  to?: string;
  html?: string;
  out?: string;
  limit?: number;
  all?: boolean;
  mentions?: boolean;
  granularity?: BucketUnit;
}

/**
 * `corpus timeline`: query, then render. `--html FILE` writes the page; the text, JSON, CSV, NDJSON
 * or TimelineJS output goes to stdout, or to `--out FILE`. With only `--html`, stdout stays empty.
 */
export async function runTimeline(entity: string | undefined, options: TimelineOptions): Promise<void> {
  const machine = ['json', 'csv', 'nl'].filter((flag) => options[flag]);
  if (machine.length > 0 && options.format && !(options.format === 'json' && machine[0] === 'json')) {
    throw new UserError(`--${machine[0]} and --format ${options.format} ask for different outputs; give one`);
  }
  if (options.html && options.out && path.resolve(options.html) === path.resolve(options.out)) {
    throw new UserError('--html and --out name the same file');
  }
  const flags: OutputFlags = { ...options, json: options.json || options.format === 'json' };
  // Every output but a page and TimelineJS is written as it is read.
  if (!options.html && options.format !== 'timelinejs') {
    const query = { entity, from: options.from, to: options.to, limit: options.limit, all: options.all };
    const forPeople = chooseFormat(flags).forPeople;
    await writeEntries(options.db, { ...query, mentions: options.mentions }, flags, {
      out: options.out,
      around: (head) => ({ value: timelineJson(head), key: 'entries' }),
      // The text digest quotes one report per event; the other formats list them all.
      maxSources: forPeople ? 1 : undefined,
      text: (head, dated, entries, context) => {
        const cwd = context.cwd ?? process.cwd();
        return timelineTextChunks(
          visibleDeep(head),
          dated,
          mapped(entries, (entry) => visibleDeep(entryWithDisplayPaths(entry, cwd))),
          { ...context, granularity: options.granularity },
        );
      },
    });
    return;
  }

  const db = openDatabase(options.db, { readonly: true });
  let timeline: Timeline;
  try {
    timeline = await suggestingNames(db, () =>
      buildTimeline(db, {
        entity,
        from: options.from,
        to: options.to,
        limit: options.limit,
        all: options.all,
        mentions: options.mentions,
        // A page or TimelineJS (what comes this way) lists every report.
      }),
    );
  } finally {
    db.close();
  }

  const note = ambiguityNote(timeline);
  if (note) say(note);

  if (options.html) {
    // A page is read in a browser: article text in it gets the same treatment as on a terminal.
    // Links relative to the page, so the page can move with the corpus; never an absolute local path.
    const pageDir = path.dirname(path.resolve(options.html));
    const link = (stored: string | null) => {
      if (!stored) return null;
      const file = stored.replace(/\.jsonl:\d+$/i, '.jsonl');
      return path.relative(pageDir, file).split(path.sep).join('/');
    };
    writeFile(options.html, renderTimelineHtml(visibleDeep(timeline), { link }));
    const n = timeline.entries.length;
    say(`wrote ${options.html} (${n} entr${n === 1 ? 'y' : 'ies'}; ${leftOutLine(timeline)})`);
    if (!options.format && machine.length === 0 && !options.out) return;
  }

  if (options.format === 'timelinejs') {
    const document = toTimelineJs(visibleDeep(withDisplayPaths(timeline, process.cwd())));
    await emit(document, flags, () => '', { format: json, raw: true, out: options.out });
    return;
  }
  const data = timelineJson(timeline);
  await emit(
    data,
    flags,
    (_, context) =>
      renderTimelineText(visibleDeep(withDisplayPaths(timeline, context.cwd ?? process.cwd())), {
        ...context,
        granularity: options.granularity,
      }),
    { rows: (t) => t.entries, csv: timelineCsv, out: options.out },
  );
}

/**
 * A timeline's or the events' entries, each written as soon as it is built, a slice of events at a
 * time, in one read snapshot (at a million articles `timeline --all` took 1.1 GB as NDJSON, 1.9 GB
 * as JSON and 1.06 GB as text when the whole timeline was built before the first line). `around` is
 * the JSON value the entries are the list `key` of; `text` the text for people, when the command has
 * one written so; `order` re-sorts the events (`events` ranks them); `maxSources` is what each entry
 * lists.
 */
async function writeEntries(
  file: string,
  query: TimelineQuery,
  flags: OutputFlags,
  how: {
    around: (head: Timeline) => { value: object; key: string };
    text?: (
      head: Timeline,
      dated: readonly DatedEntry[],
      entries: Iterable<TimelineEntry>,
      context: TextContext,
    ) => Iterable<string>;
    out?: string;
    order?: (a: CorpusEventRow, b: CorpusEventRow) => number;
    maxSources?: number;
  },
): Promise<void> {
  const db = openDatabase(file, { readonly: true });
  const endRead = beginRead(db);
  try {
    const { head, rows } = await suggestingNames(db, () => planTimeline(db, query));
    const note = ambiguityNote(head);
    if (note) say(note);
    const ordered = how.order ? [...rows].sort(how.order) : rows;
    const { value, key } = how.around(head);
    const text = how.text;
    await emit(value, flags, () => '', {
      rows: () => mapped(timelineEntries(db, ordered, how.maxSources), eventJson),
      streamed: { key },
      textChunks: text && ((_, context) => text(head, ordered, timelineEntries(db, ordered, how.maxSources), context)),
      csv: timelineCsv,
      out: how.out,
    });
  } finally {
    endRead();
    db.close();
  }
}

function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** One event as a spreadsheet row. */
function timelineCsv(entry: EventJson | Record<string, unknown>) {
  const e = entry as EventJson;
  // The shared JSON vocabulary turns `date` into the first day and moves the span to `span`.
  const span = ((entry as { span?: EventJson['date'] }).span ?? e.date) as EventJson['date'];
  return {
    date: span.start,
    end: span.end,
    value: span.value,
    granularity: span.granularity,
    kind: e.kind,
    name: e.name,
    place: e.place,
    participants: e.participants.join('; '),
    reports: e.support.documents,
    evidence: e.evidence[0]?.text ?? null,
    path: e.sources[0]?.path ?? null,
    title: e.sources[0]?.title ?? null,
  };
}

/** People read paths relative to where they are. */
function withDisplayPaths(timeline: Timeline, cwd: string): Timeline {
  return { ...timeline, entries: timeline.entries.map((entry) => entryWithDisplayPaths(entry, cwd)) };
}

function entryWithDisplayPaths(entry: TimelineEntry, cwd: string): TimelineEntry {
  return {
    ...entry,
    sources: entry.sources.map((source) => ({ ...source, path: source.path && displayPath(source.path, cwd) })),
  };
}

export interface EventsOptions extends OutputFlags {
  db: string;
  entity?: string;
  place?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** `corpus events`: the corpus's events ranked by salience (most reports first). */
export async function runEvents(options: EventsOptions): Promise<void> {
  if (writtenAsRead(options)) {
    const { entity, place, from, to } = options;
    await writeEntries(options.db, { entity, place, from, to, limit: options.limit ?? 25 }, options, {
      around: (head) => ({ value: { events: [], leftOut: head.leftOut.events }, key: 'events' }),
      order: bySupport((r) => ({ documents: r.documents, days: r.days, start: r.date.start, key: r.key })),
      // A CSV line quotes the best report; JSON lists them all.
      maxSources: options.csv ? 1 : undefined,
    });
    return;
  }
  const db = openDatabase(options.db, { readonly: true });
  let timeline: Timeline;
  try {
    timeline = await suggestingNames(db, () =>
      buildTimeline(db, {
        entity: options.entity,
        place: options.place,
        from: options.from,
        to: options.to,
        limit: options.limit ?? 25,
        // The table lists no report: only the lead is read. (Every report's sentence of the 25
        // largest events: 1.6 s at a million articles, for a table.)
        maxSources: 1,
      }),
    );
  } finally {
    db.close();
  }
  const note = ambiguityNote(timeline);
  if (note) process.stderr.write(`corpus: ${note}\n`);
  const ranked = [...timeline.entries].sort(
    bySupport((e) => ({ documents: e.support.documents, days: e.support.days, start: e.date.start, key: e.id })),
  );
  // Only the table comes this way (the other formats are written as they are read); it shows no path.
  await emit({ ...timeline, entries: ranked }, options, (shown, context) => renderEventsText(shown, context.colour));
}

/** Most reports first, then most days, then the earliest, then by key: the order `events` lists them in. */
function bySupport<T>(
  of: (item: T) => { documents: number; days: number; start: string; key: string },
): (a: T, b: T) => number {
  return (x, y) => {
    const a = of(x);
    const b = of(y);
    return b.documents - a.documents || b.days - a.days || a.start.localeCompare(b.start) || a.key.localeCompare(b.key);
  };
}

function renderEventsText(timeline: Timeline, colour: boolean): string {
  const bold = (t: string) => (colour ? `\x1b[1m${t}\x1b[0m` : t);
  const rows = timeline.entries.map((e) => [
    String(e.support.documents),
    dateLabel(e.date),
    eventTitle(e.name, e.place?.name),
  ]);
  const widths = [maxOf([7, ...rows.map((r) => r[0].length)]), maxOf([4, ...rows.map((r) => r[1].length)])];
  const lines = [bold(`${'reports'.padStart(widths[0])}  ${'date'.padEnd(widths[1])}  event`)];
  for (const r of rows) lines.push(`${r[0].padStart(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2]}`);
  const left = timeline.leftOut.events;
  lines.push(
    '',
    left > 0
      ? `${formatNumber(left)} less-reported event${left === 1 ? '' : 's'} left out; --limit N to see more.`
      : 'Nothing left out.',
  );
  return `${lines.join('\n')}\n`;
}
