import type { Command } from 'commander';
import type { ColumnMap } from '../ingest/formats.js';
import { COLUMNS_HELP, parseColumns, parseDayOption, withCommonOptions } from './options.js';

export function register(program: Command): void {
  const command = program
    .command('extract')
    .description('analyze files and print their entities, dates and events (writes no database)')
    .argument('<files...>', 'article files in any format ingest reads')
    .option('--date <YYYY-MM-DD>', 'publication date for files that carry none of their own', parseDayOption('--date'))
    .option('--columns <FIELD=COLUMN,...>', COLUMNS_HELP, parseColumns)
    .addHelpText(
      'after',
      `
With --json (or --nl), prints one JSON object per article (JSON Lines) as docs/json.md says.
Files that hold no article (corpus-meta.yaml, other extensions) are skipped with a line on stderr.
Exit status: 0 every file analyzed, 1 some files failed, 2 a path is missing or a usage error.

Example:
  corpus extract seeds/000_0e46633eb7241598.txt --date 2019-02-15 --json`,
    );
  withCommonOptions(command, { db: false, json: false }); // extract touches no database; its JSON is a contract
  command
    .option('--json', 'print one JSON object per article (JSON Lines; see docs/json.md)')
    .option('--nl', 'the same as --json: extract output is already one object per line');
  command.action(
    async (files: string[], flags: { json?: boolean; nl?: boolean; date?: string; columns?: ColumnMap }) => {
      const { runExtract } = await import('./extract-run.js');
      process.exitCode = await runExtract(files, flags);
    },
  );
}
