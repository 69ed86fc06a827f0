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
import { normalizeDate } from './readers/fields.js';
import type { IsoDate } from '../core/types.js';

export const SIDECAR_NAME = 'corpus-meta.yaml';

export interface SidecarEntry {
  title?: string;
  date?: IsoDate;
  source?: string;
  tags?: string[];
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
  return { entry: sidecar.entries.get(basename(file)) ?? null, warning: null };
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
    entries.set(name, {
      title: typeof v.title === 'string' ? v.title : undefined,
      date: normalizeDate(v.date) ?? undefined,
      source: typeof v.source === 'string' ? v.source : undefined,
      tags: Array.isArray(v.tags) ? v.tags.filter((t): t is string => typeof t === 'string') : undefined,
    });
  }
  return { entries, problem: null };
}
