import { displayPath } from '../paths.js';

/**
 * One JSON vocabulary for every command (docs/json.md): whatever shape a library function returns,
 * machine output names the same thing the same way. Applied to JSON, NDJSON and CSV output alike.
 *
 * - `id` is the document's (or entity's) own id: a nested `docId` becomes `id`.
 * - `date` is a day, `YYYY-MM-DD`: a document's `published` becomes `date`; a calendar span
 *   (`{value, granularity, start, end}`) under `date` becomes `span`, and `date` its first day.
 * - `path` is a file as the user would type it: relative to the working folder when the file lies
 *   below it, else absolute; likewise every entry of `pathList`. A `file` key becomes `path`.
 * - `mentions` is always a count; a list of mentions is `mentionList` (likewise `documents` and
 *   `documentList`, `paths` and `pathList`); counts per type are `mentionsByType`, `entitiesByType`.
 * - `alsoMatches` becomes `alsoMatched`.
 */
export function toVocabulary(value: unknown, cwd: string): unknown {
  if (Array.isArray(value)) return value.map((v) => toVocabulary(v, cwd));
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const input = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const put = (key: string, v: unknown) => {
    if (!(key in out)) out[key] = v;
  };
  for (const [key, v] of Object.entries(input)) {
    if (key === 'path' || (key === 'file' && typeof v === 'string')) {
      put('path', typeof v === 'string' ? displayPath(v, cwd) : v);
    } else if (key === 'paths' && Array.isArray(v)) {
      put('paths', v.length);
      put('pathList', v.map((p) => (typeof p === 'string' ? displayPath(p, cwd) : p)));
    } else if (key === 'docId' && !('id' in input)) {
      put('id', v);
    } else if (key === 'published' && !('date' in input)) {
      put('date', v);
    } else if (key === 'date' && isSpan(v)) {
      put('date', v.start);
      put('span', v);
    } else if ((key === 'mentions' || key === 'documents') && Array.isArray(v)) {
      put(key, v.length);
      put(`${key.slice(0, -1)}List`, toVocabulary(v, cwd));
    } else if ((key === 'mentions' || key === 'entities') && v && typeof v === 'object' && !Array.isArray(v)) {
      put(`${key}ByType`, v); // counts per entity type (stats): neither a count nor a list
    } else if (key === 'alsoMatches') {
      put('alsoMatched', toVocabulary(v, cwd));
    } else {
      out[key] = toVocabulary(v, cwd);
    }
  }
  return out;
}

function isSpan(v: unknown): v is { start: string; end: string } {
  return Boolean(v) && typeof v === 'object' && typeof (v as { start?: unknown }).start === 'string' && 'end' in (v as object);
}
