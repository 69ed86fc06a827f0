import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../store/db.js';
import { UserError } from '../core/errors.js';
import { useColour } from './options.js';
import { buildTimeline } from '../timeline/query.js';
import { ambiguityNote, renderTimelineText } from '../render/timeline-text.js';
import { renderTimelineHtml } from '../render/timeline-html.js';
import { toTimelineJs } from '../render/timelinejs.js';
import { displayPath } from '../render/text.js';
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
    timeline = buildTimeline(db, { entity, from: options.from, to: options.to });
  } finally {
    db.close();
  }

  // People read paths relative to where they are; JSON keeps the stored absolute paths.
  const forPeople = withDisplayPaths(timeline, process.cwd());
  const note = ambiguityNote(timeline);
  if (note) process.stderr.write(`corpus: ${note}\n`);

  if (options.html) {
    writeFile(options.html, renderTimelineHtml(forPeople));
    const n = timeline.entries.length;
    process.stderr.write(`corpus: wrote ${options.html} (${n} entr${n === 1 ? 'y' : 'ies'}${timeline.undated ? `, ${timeline.undated} undated left out` : ''})\n`);
    if (!options.format && !options.json && !options.out) return;
  }

  const toFile = options.out !== undefined;
  let output: string;
  switch (format) {
    case 'json':
      output = `${JSON.stringify(timeline, null, 2)}\n`;
      break;
    case 'timelinejs':
      output = `${JSON.stringify(toTimelineJs(forPeople), null, 2)}\n`;
      break;
    default:
      output = renderTimelineText(forPeople, {
        colour: !toFile && useColour(),
        width: !toFile && process.stdout.isTTY ? process.stdout.columns : null,
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
