import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../store/db.js';
import { UserError } from '../core/errors.js';
import { useColour } from './options.js';
import { buildTimeline } from '../timeline/query.js';
import { ambiguityNote, leftOutLine, renderTimelineText } from '../render/timeline-text.js';
import { timelineJson, eventJson } from '../timeline/json.js';
import type { BucketUnit } from '../core/days.js';
import { renderTimelineHtml } from '../render/timeline-html.js';
import { toTimelineJs } from '../render/timelinejs.js';
import { displayPath } from '../render/text.js';
import { dateLabel } from '../core/timex.js';
import type { Timeline } from '../timeline/types.js';

export type TimelineFormat = 'text' | 'json' | 'timelinejs';

export interface TimelineOptions {
  db: string;
  json?: boolean;
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
 * `corpus timeline`: query, then render. `--html FILE` writes the page; the text, JSON or
 * TimelineJS output goes to stdout, or to `--out FILE`. With only `--html`, stdout stays empty.
 */
export async function runTimeline(entity: string | undefined, options: TimelineOptions): Promise<void> {
  if (options.json && options.format && options.format !== 'json') {
    throw new UserError(`--json and --format ${options.format} ask for different outputs; give one`);
  }
  if (options.html && options.out && path.resolve(options.html) === path.resolve(options.out)) {
    throw new UserError('--html and --out name the same file');
  }
  const format: TimelineFormat = options.json ? 'json' : (options.format ?? 'text');

  const db = openDatabase(options.db, { readonly: true });
  let timeline;
  try {
    timeline = buildTimeline(db, {
      entity,
      from: options.from,
      to: options.to,
      limit: options.limit,
      all: options.all,
      mentions: options.mentions,
      // The text digest quotes one report per event; JSON, TimelineJS and the page list them all.
      maxSources: format === 'text' && !options.html ? 1 : undefined,
    });
  } finally {
    db.close();
  }

  // People read paths relative to where they are; JSON keeps the stored absolute paths.
  const forPeople = withDisplayPaths(timeline, process.cwd());
  const note = ambiguityNote(timeline);
  if (note) process.stderr.write(`corpus: ${note}\n`);

  if (options.html) {
    // Links relative to the page, so the page can move with the corpus; never an absolute local path.
    const pageDir = path.dirname(path.resolve(options.html));
    const link = (stored: string | null) => {
      if (!stored) return null;
      const file = stored.replace(/\.jsonl:\d+$/i, '.jsonl');
      return path.relative(pageDir, file).split(path.sep).join('/');
    };
    writeFile(options.html, renderTimelineHtml(timeline, { link }));
    const n = timeline.entries.length;
    process.stderr.write(`corpus: wrote ${options.html} (${n} entr${n === 1 ? 'y' : 'ies'}; ${leftOutLine(timeline)})\n`);
    if (!options.format && !options.json && !options.out) return;
  }

  const toFile = options.out !== undefined;
  let output: string;
  switch (format) {
    case 'json':
      output = `${JSON.stringify(timelineJson(timeline), null, 2)}\n`;
      break;
    case 'timelinejs':
      output = `${JSON.stringify(toTimelineJs(forPeople), null, 2)}\n`;
      break;
    default:
      output = renderTimelineText(forPeople, {
        colour: !toFile && useColour(),
        width: !toFile && process.stdout.isTTY ? process.stdout.columns : null,
        granularity: options.granularity,
      });
  }
  if (toFile) writeFile(options.out!, output);
  else process.stdout.write(output);
}

function writeFile(file: string, content: string): void {
  try {
    fs.writeFileSync(file, content);
  } catch (error) {
    throw new UserError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function withDisplayPaths(timeline: Timeline, cwd: string): Timeline {
  return {
    ...timeline,
    entries: timeline.entries.map((entry) => ({
      ...entry,
      sources: entry.sources.map((source) => ({ ...source, path: source.path && displayPath(source.path, cwd) })),
    })),
  };
}

export interface EventsOptions {
  db: string;
  json?: boolean;
  entity?: string;
  place?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** `corpus events`: the corpus's events ranked by salience (most reports first). */
export async function runEvents(options: EventsOptions): Promise<void> {
  const db = openDatabase(options.db, { readonly: true });
  let timeline;
  try {
    timeline = buildTimeline(db, { entity: options.entity, place: options.place, from: options.from, to: options.to, limit: options.limit ?? 25 });
  } finally {
    db.close();
  }
  const note = ambiguityNote(timeline);
  if (note) process.stderr.write(`corpus: ${note}\n`);
  const ranked = [...timeline.entries].sort(
    (a, b) => b.support.documents - a.support.documents || b.support.days - a.support.days || a.date.start.localeCompare(b.date.start) || a.id.localeCompare(b.id),
  );
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ events: ranked.map(eventJson), leftOut: timeline.leftOut.events }, null, 2)}\n`);
    return;
  }
  process.stdout.write(renderEventsText(withDisplayPaths({ ...timeline, entries: ranked }, process.cwd()), useColour()));
}

function renderEventsText(timeline: Timeline, colour: boolean): string {
  const bold = (t: string) => (colour ? `\x1b[1m${t}\x1b[0m` : t);
  const rows = timeline.entries.map((e) => [String(e.support.documents), dateLabel(e.date), e.name + (e.place ? ` @ ${e.place.name}` : '')]);
  const widths = [Math.max(7, ...rows.map((r) => r[0].length)), Math.max(4, ...rows.map((r) => r[1].length))];
  const lines = [bold(`${'reports'.padStart(widths[0])}  ${'date'.padEnd(widths[1])}  event`)];
  for (const r of rows) lines.push(`${r[0].padStart(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2]}`);
  const left = timeline.leftOut.events;
  lines.push('', left > 0 ? `${left} less reported event${left === 1 ? '' : 's'} left out; --limit N to see more.` : 'Nothing left out.');
  return `${lines.join('\n')}\n`;
}
