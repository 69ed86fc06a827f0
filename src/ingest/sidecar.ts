/**
 * Publication metadata kept beside the articles, for files that cannot carry their own (plain
 * text scraped without its date, say): a `corpus-meta.yaml` in the same folder, keyed by file name.
 *
 *     000_0e46633eb7241598.txt:
 *       date: 2019-02-15
 *       source: Yonhap
 *
 * A file's own metadata still wins; the sidecar wins over a date in the file name and over --date.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { normalizeDate, toTags } from './readers/fields.js';
import type { IsoDate } from '../core/types.js';

export const SIDECAR_NAME = 'corpus-meta.yaml';

export interface SidecarEntry {
  title?: string;
  date?: IsoDate;
  source?: string;
  tags?: string[];
  /** What of the entry could not be read (a date not understood): said on the file it is for. */
  problem?: string;
}

export interface Sidecar {
  entries: Map<string, SidecarEntry>;
  /** Why the sidecar could not be used, when it could not. */
  problem: string | null;
}

const cache = new Map<string, Sidecar | null>();

/** The sidecar entry for `file`, with a warning when the folder's sidecar is broken. */
export async function sidecarEntry(file: string): Promise<{ entry: SidecarEntry | null; warning: string | null }> {
  const folder = dirname(file);
  let sidecar = cache.get(folder);
  if (sidecar === undefined) {
    sidecar = await loadSidecar(join(folder, SIDECAR_NAME));
    cache.set(folder, sidecar);
  }
  if (!sidecar) return { entry: null, warning: null };
  if (sidecar.problem) return { entry: null, warning: `${join(folder, SIDECAR_NAME)}: ${sidecar.problem}; ignored` };
  const entry = sidecar.entries.get(basename(file)) ?? null;
  return { entry, warning: entry?.problem ? `${join(folder, SIDECAR_NAME)}: ${entry.problem}` : null };
}

async function loadSidecar(file: string): Promise<Sidecar | null> {
  if (!existsSync(file)) return null;
  const { parse } = await import('yaml'); // loaded only where a sidecar exists
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { entries: new Map(), problem: `broken YAML (${(error as Error).message.split('\n')[0]})` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { entries: new Map(), problem: 'expected a mapping from file names to metadata' };
  }
  const entries = new Map<string, SidecarEntry>();
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const v = value as Record<string, unknown>;
    const date = normalizeDate(v.date) ?? undefined;
    entries.set(name, {
      title: typeof v.title === 'string' ? v.title : undefined,
      date,
      source: typeof v.source === 'string' ? v.source : undefined,
      // A list, or one string of tags as front matter takes them (`econ, japan`).
      tags: v.tags === undefined ? undefined : toTags(v.tags),
      // Dropped without a word, `date: 1987-02-30` left the article undated while front matter and
      // JSON warned of the same value.
      problem:
        v.date !== undefined && v.date !== null && date === undefined
          ? `${name}: date '${String(v.date)}' not understood; ignored`
          : undefined,
    });
  }
  return { entries, problem: null };
}
