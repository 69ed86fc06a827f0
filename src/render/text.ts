import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Small helpers for aligned terminal text; every renderer uses these so output looks alike. */

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
export { visible, visibleDeep } from './safe.js';

/** One number format everywhere a person reads counts: `19,771`. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** `3 documents`, `1 document`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : many}`;
}

/** Columns a string takes on a terminal (wide CJK characters count two, escape codes none). */
export function width(text: string): number {
  return stringWidth(text);
}

export function padEnd(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - stringWidth(text)));
}

export function padStart(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - stringWidth(text))) + text;
}

/** Wrap at word boundaries to `columns` (escape codes kept intact); a word longer than a line is cut. */
export function wrap(text: string, columns: number): string[] {
  return wrapAnsi(text, Math.max(1, columns), { hard: true, trim: true }).split('\n');
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
      if (stringWidth(line) <= columns) return line;
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

/** Cut to `columns` at a word boundary when there is one, with `…`. */
export function shorten(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  const cut = wrapAnsi(text, Math.max(1, columns - 1), { hard: true, trim: true }).split('\n')[0];
  return `${cut.replace(/[\s,;:]+$/, '')}…`;
}

/** `label  value` lines with the labels padded to one width; long values wrap under themselves. */
export function keyValues(
  rows: readonly (readonly [string, string | number | null | undefined])[],
  columns: number | null = null,
): string {
  const labelWidth = Math.max(0, ...rows.map(([k]) => stringWidth(k)));
  return rows
    .map(([k, v]) => {
      const value = v === null || v === undefined ? '—' : String(v); // numbers as given: ids need no separators
      return `${padEnd(k, labelWidth)}  ${wrapIndented(value, columns, labelWidth + 2, 0)}`;
    })
    .join('\n');
}

/**
 * A table with a header row; numeric columns are right-aligned. Given `columns`, a table wider than
 * that narrows its widest text column and wraps that column's cells inside it, so the terminal never
 * folds a row into the next line.
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  columns: number | null = null,
): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const widths = headers.map((h, i) => Math.max(stringWidth(h), ...cells.map((r) => stringWidth(r[i] ?? ''))));
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  let flex = -1;
  if (columns && total() > columns) {
    for (let i = 0; i < widths.length; i++) if (!numeric[i] && (flex < 0 || widths[i] > widths[flex])) flex = i;
    if (flex >= 0) widths[flex] = Math.max(stringWidth(headers[flex]), 12, widths[flex] - (total() - columns));
  }
  const line = (r: readonly string[]) => {
    const parts = r.map((c, i) => (i === flex ? wrap(c, widths[i]) : [c]));
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
