import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { parseDateOption, withCommonOptions } from './options.js';
import type { Granularity } from '../store/trends.js';

interface TrendsFlags {
  db: string;
  json?: boolean;
  csv?: boolean;
  by: Granularity;
  from?: string;
  to?: string;
  rising?: boolean;
  period: string;
}

const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'year'];

export function register(program: Command): void {
  const command = program
    .command('trends')
    .description('documents and mentions of entities over time; or the entities rising lately')
    .argument('[entity...]', 'names (any alias) of the entities to follow')
    .option(
      '--by <period>',
      'day, week (named by its Monday), month or year',
      (v: string) => {
        if (!GRANULARITIES.includes(v as Granularity))
          throw new UserError(`--by must be one of ${GRANULARITIES.join(', ')}, got '${v}'`);
        return v as Granularity;
      },
      'month',
    )
    .option('--from <date>', 'from this publication date', parseDateOption('--from'))
    .option(
      '--to <date>',
      'up to this publication date (for --rising: the end of the latest period)',
      parseDateOption('--to'),
    )
    .option('--rising', 'list the entities whose share of documents grew most against the period before')
    .option('--period <length>', 'with --rising: the length of a period, like 7d, 2w, 1m', '2w')
    .option('--csv', 'print CSV for spreadsheets')
    .addHelpText(
      'after',
      `
Examples:
  corpus trends Volcker Greenspan --by week
  corpus trends --rising --period 2w --db news.db`,
    );
  withCommonOptions(command).action(async (names: string[], flags: TrendsFlags) => {
    if (!flags.rising && names.length === 0) throw new UserError('name an entity to follow, or use --rising');
    if (flags.rising && names.length > 0) throw new UserError('--rising lists entities itself; give no names with it');
    const [{ openDatabase }, t, render] = await Promise.all([
      import('../store/db.js'),
      import('../trends/trends.js'),
      import('../render/trends.js'),
    ]);
    const db = openDatabase(path.resolve(flags.db), { readonly: true });
    try {
      if (flags.rising) {
        const result = t.rising(db, t.parsePeriod(flags.period), flags.to ?? null);
        process.stdout.write(
          flags.json
            ? `${JSON.stringify(result)}\n`
            : flags.csv
              ? render.renderRisingCsv(result)
              : render.renderRisingText(result),
        );
        return;
      }
      const result = t.trends(db, names, flags.by, flags.from ?? null, flags.to ?? null);
      process.stdout.write(
        flags.json
          ? `${JSON.stringify(result)}\n`
          : flags.csv
            ? render.renderTrendsCsv(result)
            : render.renderTrendsText(result),
      );
    } finally {
      db.close();
    }
  });
}
