import { type Command, Option } from 'commander';
import { UserError } from '../core/errors.js';
import { boundDay } from '../core/timex.js';
import { withOutputOptions } from './emit.js';
import { parseColumnsOption } from '../ingest/columns.js';
import type { ColumnMap } from '../ingest/formats.js';

/** Options every command shares, so a user learns them once. */
export interface CommonOptions {
  db: string;
  json?: boolean;
}

export const DEFAULT_DB = 'corpus.db';

/**
 * `--db FILE` (default `$CORPUS_DB`, else `./corpus.db`) and the output options (`--json`, `--pretty`,
 * `--no-pager`; with `rows: true`, `--csv` and `--nl` too: see src/render/formats/), added the same
 * way to every command. `json: false` for a command that prints no report of its own.
 */
export function withCommonOptions(
  command: Command,
  { db = true, json = true, rows = false, pager = true } = {},
): Command {
  if (db)
    command.addOption(
      new Option('--db <file>', 'database file')
        .env('CORPUS_DB')
        .default(DEFAULT_DB)
        .argParser((file: string) => {
          // Empty, it resolved to the working folder ("…: is a directory").
          if (file.trim() === '') throw new UserError('--db (or CORPUS_DB) is empty: name a database file');
          return file;
        }),
    );
  if (json) withOutputOptions(command, { rows, pager });
  return command;
}

export { useColour } from './emit.js';

/**
 * A count past any corpus: a larger one is read as this, which SQLite binds as an integer (a
 * 20-digit number would bind as a float and fail the LIMIT with "datatype mismatch").
 */
export const MAX_COUNT = 2 ** 31 - 1;

/** Parse a whole-number option (digits only: not '', '0x10' or '1e3') or fail with a usage error. */
export function parseCount(name: string) {
  return (value: string): number => {
    if (!/^\s*\d+\s*$/.test(value)) throw new UserError(`${name} must be a whole number, got '${value}'`);
    return Math.min(Number(value), MAX_COUNT);
  };
}

/** Parse a YYYY-MM-DD (or YYYY-MM, YYYY) option or fail with a usage error. */
export function parseDateOption(name: string) {
  return (value: string): string => {
    if (boundDay(value, 'from') === null) {
      throw new UserError(`${name} must be a date like 2019-02-27, got '${value}'`);
    }
    return value;
  };
}

/**
 * A publication date (`--date` of ingest and extract): one whole day, in the years the readers take
 * a date from a file (1000 to 2999). A month or a year was accepted and then stored as no date.
 */
export function parseDayOption(name: string) {
  return (value: string): string => {
    const day = value.trim();
    const year = Number(day.slice(0, 4));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || boundDay(day, 'from') !== day || year < 1000 || year > 2999)
      throw new UserError(`${name} must be a day from 1000-01-01 to 2999-12-31, like 2019-02-27, got '${value}'`);
    return day;
  };
}

/** `--columns text=body,date=published` or fail with a usage error. */
export function parseColumns(value: string): ColumnMap {
  try {
    return parseColumnsOption(value);
  } catch (err) {
    throw new UserError(`--columns: ${(err as Error).message}`);
  }
}

export const COLUMNS_HELP = 'for CSV/TSV: which column holds which field, e.g. text=body,date=published';
