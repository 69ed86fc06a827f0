import path from 'node:path';
import type { Command } from 'commander';
import type { IngestRunFlags } from './ingest-run.js';
import { COLUMNS_HELP, parseColumns, parseDayOption, withCommonOptions } from './options.js';

export function register(program: Command): void {
  const command = program
    .command('ingest')
    .description('read articles, analyze them and store them in the database')
    .argument('<paths...>', 'files, folders (read recursively) or globs')
    .option('--date <YYYY-MM-DD>', 'publication date for files that carry none of their own', parseDayOption('--date'))
    .option('--columns <FIELD=COLUMN,...>', COLUMNS_HELP, parseColumns)
    .option('--prune', 'forget documents whose files are gone')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText(
      'after',
      `
Formats: .txt, .md (YAML front matter), .html/.htm (the article of a web page), .json (one article,
or an array of them), .jsonl (one article a line), .csv/.tsv (one article a row), .rss/.atom/.xml feeds
(one article an item), .xml news articles (NITF, NewsML-G2, NewsML 1, Reuters RCV1 <newsitem>),
.warc/.warc.gz web archives (one article an HTML response), .sgm/.sgml newswire collections (TREC <DOC>
or Reuters-21578 <REUTERS> records, one article a record); any of them but WARC gzipped (.jsonl.gz, .sgm.gz).
Re-running is cheap: unchanged files are skipped; changed files replace their old analysis.
Ctrl-C stores and commits what was read; running the same command again resumes (and finishes the
corpus-wide steps at the end, which Ctrl-C stops at once).
Exit status: 0 every file stored, 1 some files failed, 2 usage error.

Example:
  corpus ingest seeds/ --db news.db`,
    );
  withCommonOptions(command, { pager: false }).action(async (paths: string[], flags: IngestRunFlags) => {
    const { runIngest } = await import('./ingest-run.js');
    process.exitCode = await runIngest(paths, { ...flags, db: path.resolve(flags.db) });
  });
}
