import path from 'node:path';
import { UserError } from '../core/errors.js';
import { json } from '../render/formats/json.js';
import { renderTimelineHtml } from '../render/timeline-html.js';
import { ambiguityNote, renderTimelineText } from '../render/timeline-text.js';
import { toTimelineJs } from '../render/timelinejs.js';
import { displayPath, visibleDeep } from '../render/text.js';
import { openDatabase } from '../store/db.js';
import { buildTimeline } from '../timeline/query.js';
import type { Timeline, TimelineEntry } from '../timeline/types.js';
import { emit, type OutputFlags, say, writeFile } from './emit.js';

export type TimelineFormat = 'text' | 'json' | 'timelinejs';

export interface TimelineOptions extends OutputFlags {
  db: string;
  format?: TimelineFormat;
  from?: string;
  to?: string;
  html?: string;
  out?: string;
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

  const db = openDatabase(options.db, { readonly: true });
  let timeline: Timeline;
  try {
    timeline = buildTimeline(db, { entity, from: options.from, to: options.to });
  } finally {
    db.close();
  }

  const note = ambiguityNote(timeline);
  if (note) say(note);

  if (options.html) {
    // A page is read in a browser: article text in it gets the same treatment as on a terminal.
    writeFile(options.html, renderTimelineHtml(visibleDeep(withDisplayPaths(timeline, process.cwd()))));
    const n = timeline.entries.length;
    say(`wrote ${options.html} (${n} entr${n === 1 ? 'y' : 'ies'}${timeline.undated ? `, ${timeline.undated} undated left out` : ''})`);
    if (!options.format && machine.length === 0 && !options.out) return;
  }

  const flags: OutputFlags = { ...options, json: options.json || options.format === 'json' };
  if (options.format === 'timelinejs') {
    const document = toTimelineJs(visibleDeep(withDisplayPaths(timeline, process.cwd())));
    await emit(document, flags, () => '', { format: json, raw: true, out: options.out });
    return;
  }
  await emit(
    timeline,
    flags,
    (t, context) => renderTimelineText(withDisplayPaths(t, context.cwd ?? process.cwd()), context),
    { rows: (t) => t.entries, csv: timelineCsv, out: options.out },
  );
}

/** One entry as a spreadsheet row. */
function timelineCsv(entry: TimelineEntry | Record<string, unknown>) {
  const e = entry as unknown as TimelineEntry & { span?: TimelineEntry['date']; date: string | TimelineEntry['date'] };
  const span = e.span ?? (e.date as TimelineEntry['date']);
  const first = e.sources[0] as (TimelineEntry['sources'][0] & { id?: number; date?: string }) | undefined;
  return {
    date: span.start,
    end: span.end,
    value: span.value,
    granularity: span.granularity,
    kind: e.kind,
    name: e.name,
    place: e.place?.name ?? null,
    entities: e.entities.map((x) => x.name).join('; '),
    sources: e.sources.length,
    evidence: first?.evidence[0]?.text ?? null,
    path: first?.path ?? null,
    title: first?.title ?? null,
  };
}

/** People read paths relative to where they are. */
function withDisplayPaths(timeline: Timeline, cwd: string): Timeline {
  return {
    ...timeline,
    entries: timeline.entries.map((entry) => ({
      ...entry,
      sources: entry.sources.map((source) => ({ ...source, path: source.path && displayPath(source.path, cwd) })),
    })),
  };
}
