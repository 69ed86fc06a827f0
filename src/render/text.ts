import { maxOf } from '../core/extremes.js';
import type WrapAnsi from 'wrap-ansi';

/** Small helpers for aligned terminal text; every renderer uses these so output looks alike. */

/**
 * string-width and wrap-ansi, loaded by `loadFitting` only when a run needs them: importing them
 * costs about 0.1 s of CPU (Unicode property tables, Intl.Segmenter), half a bare `node` start, and
 * most runs need neither (piped output is never wrapped, and plain Latin text is one column a
 * character).
 */
let stringWidthImpl: ((text: string) => number) | null = null;
let wrapAnsiImpl: typeof WrapAnsi | null = null;

/** Load what `width` and `wrap` need: string-width for text beyond `isSimple`, wrap-ansi to wrap. */
export async function loadFitting({ wide = true, wrapping = true } = {}): Promise<void> {
  if (wide && !stringWidthImpl) stringWidthImpl = (await import('string-width')).default;
  if (wrapping && !wrapAnsiImpl) wrapAnsiImpl = (await import('wrap-ansi')).default;
}

const SGR = /\x1b\[[0-9;]*m/g;
/** Characters one column wide each, no library needed: printable ASCII, Latin-1, general punctuation (`–…·“”`). */
const SIMPLE = /^[\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e]*$/;

/** Whether every string in plain data is `SIMPLE` (then widths need no library). */
export function isSimple(value: unknown): boolean {
  if (typeof value === 'string') return SIMPLE.test(value.replace(/[\n\t]/g, ' '));
  if (Array.isArray(value)) return value.every(isSimple);
  if (value && typeof value === 'object') return Object.values(value).every(isSimple);
  return true;
}

/** Whether rendered text is all `SIMPLE` once its colours are set aside (its widths then need no library). */
export function isSimpleText(text: string): boolean {
  return isSimple(text.replace(SGR, ''));
}

/** What a text renderer needs to know about where its output goes. */
export interface TextContext {
  /** ANSI styling allowed (a terminal, or FORCE_COLOR). */
  colour: boolean;
  /** Columns to fit into; null when the output is not a terminal (never wrap, never cut). */
  width?: number | null;
  /** Paths under this folder are shown relative to it. */
  cwd?: string;
}

export { displayPath } from './paths.js';
export { visible, visibleDeep, visibleLine } from './safe.js';

/**
 * One number format everywhere a person reads counts: `19,771`, `2.5`. Written out rather than
 * `toLocaleString`, whose first call loads ICU's number formatting (≈ 20 ms, a sixth of a `node` start).
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 10) / 10;
  const [whole, fraction] = Math.abs(rounded)
    .toFixed(Number.isInteger(rounded) ? 0 : 1)
    .split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** `3 documents`, `1 document`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : many}`;
}

/**
 * Columns a string takes on a terminal (wide CJK characters and emoji count two, escape codes none):
 * string-width's answer once `loadFitting` ran, else (plain text) one column a character.
 */
export function width(text: string): number {
  const plain = text.replace(SGR, '');
  if (SIMPLE.test(plain) || !stringWidthImpl) return [...plain].length;
  return stringWidthImpl(text);
}

export function padEnd(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

export function padStart(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - width(text))) + text;
}

/**
 * Wrap at word boundaries to `columns` (escape codes kept intact); a word longer than a line is cut.
 * Without `loadFitting` (nothing asked for a width), the text stays one line.
 */
export function wrap(text: string, columns: number): string[] {
  if (!wrapAnsiImpl) return [text];
  return wrapAnsiImpl(text, Math.max(1, columns), { hard: true, trim: true }).split('\n');
}

/**
 * Running text wrapped at word boundaries when there is a width: line breaks are kept, and a long
 * line's continuation keeps its indentation (tables in agency copy stay readable).
 */
export function fitText(text: string, columns: number | null | undefined): string {
  if (!columns) return text;
  return text
    .split('\n')
    .map((line) => {
      if (width(line) <= columns) return line;
      const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ');
      if (indent.length > columns / 2) return line;
      return wrap(line.trim(), columns - indent.length)
        .map((part) => indent + part)
        .join('\n');
    })
    .join('\n');
}

/** `text` wrapped to fit `columns` with every line after the first indented by `indent` spaces. */
export function wrapIndented(text: string, columns: number | null, indent: number, first = indent): string {
  const pad = ' '.repeat(indent);
  if (!columns || columns - indent < 20) return ' '.repeat(first) + text;
  return wrap(text, columns - indent)
    .map((line, i) => (i === 0 ? ' '.repeat(first) : pad) + line)
    .join('\n');
}

/**
 * `text` after `lead`, wrapped to `columns` under its own first column (a hanging indent as wide as
 * `lead`); null when fewer than `room` columns are left beside the lead.
 */
export function hanging(lead: string, text: string, columns: number, room: number): string | null {
  if (columns - lead.length < room) return null;
  return wrap(text, columns - lead.length)
    .map((part, i) => (i === 0 ? lead : ' '.repeat(lead.length)) + part)
    .join('\n');
}

/** Cut to `columns` at a word boundary when there is one, with `…`. */
export function shorten(text: string, columns: number): string {
  if (width(text) <= columns) return text;
  let cut = [...text].slice(0, Math.max(1, columns - 1)).join('');
  while (cut.length > 1 && width(cut) > columns - 1) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > cut.length / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:]+$/, '')}…`;
}

/** `label  value` lines with the labels padded to one width; long values wrap under themselves. */
export function keyValues(
  rows: readonly (readonly [string, string | number | null | undefined])[],
  columns: number | null = null,
): string {
  const labelWidth = maxOf(
    rows.map(([k]) => width(k)),
    0,
  );
  return rows
    .map(([k, v]) => {
      const value = v === null || v === undefined ? '—' : String(v); // numbers as given: ids need no separators
      return `${padEnd(k, labelWidth)}  ${wrapIndented(value, columns, labelWidth + 2, 0)}`;
    })
    .join('\n');
}

/**
 * A table with a header row; numeric columns are right-aligned. Given `columns`, a table wider than
 * that narrows its text columns (fitColumns) and wraps their cells inside them, so the terminal never
 * folds a row into the next line.
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  columns: number | null = null,
): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  // maxOf, not Math.max(...): a table may have more rows than a call has room for arguments.
  const widths = headers.map((h, i) =>
    Math.max(
      width(h),
      maxOf(
        cells.map((r) => width(r[i] ?? '')),
        0,
      ),
    ),
  );
  const natural = [...widths];
  if (columns) fitColumns(widths, headers, numeric, columns);
  const line = (r: readonly string[]) => {
    const parts = r.map((c, i) => (widths[i] < natural[i] ? wrap(c, widths[i]) : [c]));
    const height = Math.max(...parts.map((p) => p.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      const row = parts.map((p, i) => {
        const c = p[k] ?? '';
        return numeric[i] ? padStart(c, widths[i]) : padEnd(c, widths[i]);
      });
      out.push(row.join('  ').trimEnd());
    }
    return out.join('\n');
  };
  return [line(headers), ...cells.map(line)].join('\n');
}

/** The narrowest a text column is made to fit a table on the screen (its header stays whole). */
const MIN_COLUMN = 10;

/**
 * Narrow the text columns of a table (numbers keep their width) until it fits `columns`, widest
 * first and then together, so that two long columns (a title and a path) share the room rather
 * than one being cut to a sliver while the other runs off the screen. A table that cannot fit
 * even at the narrowest stays as wide as that.
 */
function fitColumns(widths: number[], headers: readonly string[], numeric: boolean[], columns: number): void {
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const floor = widths.map((w, i) => (numeric[i] ? w : Math.min(w, Math.max(width(headers[i]), MIN_COLUMN))));
  while (total() > columns) {
    const shrinkable = widths.flatMap((w, i) => (w > floor[i] ? [i] : []));
    if (shrinkable.length === 0) return;
    const widest = Math.max(...shrinkable.map((i) => widths[i]));
    const atWidest = shrinkable.filter((i) => widths[i] === widest);
    const next = Math.max(...shrinkable.filter((i) => widths[i] < widest).map((i) => widths[i]), 0);
    // Take from the widest columns alike, down to the next widest, their floor, or the fit.
    const over = total() - columns;
    const step = Math.max(1, Math.min(widest - next, Math.ceil(over / atWidest.length)));
    for (const i of atWidest) widths[i] = Math.max(floor[i], widths[i] - step);
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
