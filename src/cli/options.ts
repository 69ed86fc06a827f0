import { Command, Option } from 'commander';
import { UserError } from '../errors.js';

/** Options every command shares, so a user learns them once. */
export interface CommonOptions {
  db: string;
  json?: boolean;
}

export const DEFAULT_DB = 'corpus.db';

/** `--db FILE` (default `$CORPUS_DB`, else `./corpus.db`), added the same way to every command. */
export function withCommonOptions(command: Command, { db = true } = {}): Command {
  if (db) command.addOption(new Option('--db <file>', 'database file').env('CORPUS_DB').default(DEFAULT_DB));
  return command;
}

/** Parse a positive integer option or fail with a usage error. */
export function parseCount(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UserError(`${name} must be a whole number, got '${value}'`);
    return n;
  };
}

/** Parse a YYYY-MM-DD (or YYYY-MM, YYYY) option or fail with a usage error. */
export function parseDateOption(name: string) {
  return (value: string): string => {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw new UserError(`${name} must be a date like 2019-02-27, got '${value}'`);
    }
    return value;
  };
}

/**
 * Colour on a terminal unless NO_COLOR is set; FORCE_COLOR (any value but `0`/`false`) forces it on,
 * even into a pipe, and `FORCE_COLOR=0` forces it off — the convention of Node and chalk.
 */
export function useColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
}
