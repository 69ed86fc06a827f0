import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { dayBounds } from '../core/timex.js';
import { emit, type OutputFlags } from './emit.js';
import { parseDateOption, withCommonOptions } from './options.js';
import { suggestingNames } from './entity-names.js';
import type { Granularity } from '../store/trends.js';

interface TrendsFlags extends OutputFlags {
  db: string;
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
    .description('documents, stories and mentions of entities over time; or the entities rising lately')
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
    .option(
      '--rising',
      'list the entities whose share of stories grew most surely against the period before (wire copies of one story count once; by log-likelihood: a rise on many stories before one on a few)',
    )
    .option('--period <length>', 'with --rising: the length of a period, like 7d, 2w, 1m', '2w')
    .addHelpText(
      'after',
      `
Examples:
  corpus trends Volcker Greenspan --by week
  corpus trends OPEC --csv > opec.csv          # entity, type, period, documents, mentions, stories
  corpus trends --rising --period 2w --db news.db`,
    );
  withCommonOptions(command, { rows: true }).action(async (names: string[], flags: TrendsFlags) => {
    if (!flags.rising && names.length === 0) throw new UserError('name an entity to follow, or use --rising');
    // Given without --rising, --period was ignored without a word.
    if (!flags.rising && command.getOptionValueSource('period') === 'cli')
      throw new UserError('--period is the length of the periods --rising compares; use --by for a trend');
    if (flags.rising && names.length > 0) throw new UserError('--rising lists entities itself; give no names with it');
    if (flags.rising && flags.from)
      throw new UserError('--rising compares the period ending at --to with the one before it; it takes no --from');
    // Whole days: `--to 1987-04` ends on April 30, not before April's first day (a string compare).
    const { from, to } = dayBounds(flags);
    const [{ openDatabase }, t, render] = await Promise.all([
      import('../store/db.js'),
      import('../trends/trends.js'),
      import('../render/trends.js'),
    ]);
    const db = openDatabase(flags.db, { readonly: true });
    try {
      if (flags.rising) {
        const result = t.rising(db, t.parsePeriod(flags.period), to);
        // CSV and NDJSON: one line per rising entity.
        await emit(result, flags, render.renderRisingText, {
          rows: (r) => r.entities,
          csv: (e) => ({ entity: e.name, type: e.type, previous: e.previous, current: e.current, growth: e.growth }),
        });
        return;
      }
      const result = await suggestingNames(db, () => t.trends(db, names, flags.by, from, to));
      // CSV and NDJSON: one line per entity and period.
      await emit(result, flags, render.renderTrendsText, {
        rows: (r) =>
          r.entities.flatMap((e) =>
            e.periods.map((p) => ({
              entity: e.name,
              type: e.type,
              period: p.period,
              documents: p.documents,
              mentions: p.mentions,
              stories: p.stories,
            })),
          ),
      });
    } finally {
      db.close();
    }
  });
}
