import type { CsvRecord, OutputFormat } from './types.js';
import { toVocabulary } from './vocabulary.js';
import { visibleDeep } from '../safe.js';

/**
 * One CSV line per list item with a header line (RFC 4180 quoting by csv-stringify, which gets
 * embedded quotes, commas and line breaks right where hand-written joining does not).
 */
export const csv: OutputFormat = {
  name: 'csv',
  flag: '--csv',
  description: 'print CSV (a header line, then one line per item) for spreadsheets',
  rows: true,
  forPeople: false,
  async write(payload, sink, context) {
    // Loaded when asked for: every command registers this format, few runs use it.
    const { stringify } = await import('csv-stringify/sync');
    const cwd = context.cwd ?? process.cwd();
    let columns: string[] | null = null;
    for (const row of payload.rows!(payload.data)) {
      const shaped = payload.raw ? row : toVocabulary(row, cwd);
      const exact = payload.csv ? payload.csv(shaped as never) : flatten(shaped);
      // On a terminal a person reads it: control characters shown, not obeyed. Piped, exact.
      const record = context.width === null ? exact : visibleDeep(exact);
      const header = columns === null;
      columns ??= Object.keys(record);
      await sink.write(stringify([record], { header, columns, cast: { boolean: (b) => String(b) } }));
    }
  },
};

/** Nested values as columns: `{place: {name}}` → `place.name`; a list → its items (names) joined with `; `. */
export function flatten(value: unknown, prefix = '', out: CsvRecord = {}): CsvRecord {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  if (Array.isArray(value)) {
    out[prefix] = value.map(cell).join('; ');
    return out;
  }
  out[prefix] = value === undefined ? null : (value as string | number | boolean | null);
  return out;
}

function cell(item: unknown): string {
  if (item && typeof item === 'object') {
    const named = item as { name?: unknown; text?: unknown };
    if (typeof named.name === 'string') return named.name;
    if (typeof named.text === 'string') return named.text;
    return JSON.stringify(item);
  }
  return String(item);
}
