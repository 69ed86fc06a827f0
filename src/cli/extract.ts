import type { Command } from 'commander';
import type { ColumnMap } from '../ingest/formats.js';
import { COLUMNS_HELP, parseColumns, parseDateOption, withCommonOptions } from './options.js';

export function register(program: Command): void {
  const command = program
    .command('extract')
    .description('analyze files and print their entities, dates and events (writes no database)')
    .argument('<files...>', 'article files in any format ingest reads')
    .option('--date <YYYY-MM-DD>', 'publication date for files that carry none of their own', parseDateOption('--date'))
    .option('--columns <FIELD=COLUMN,...>', COLUMNS_HELP, parseColumns)
    .addHelpText(
      'after',
      `
With --json, prints one JSON object per article (JSON Lines) as ../shared/spec/extract-format.md says.
Exit status: 0 every file analyzed, 1 some files failed, 2 usage error.

Example:
  corpus extract seeds/000_0e46633eb7241598.txt --date 2019-02-15 --json`,
    );
  withCommonOptions(command, { db: false }); // extract touches no database
  command.action(async (files: string[], flags: { json?: boolean; date?: string; columns?: ColumnMap }) => {
    const { runExtract } = await import('./extract-run.js');
    process.exitCode = await runExtract(files, flags);
  });
}
