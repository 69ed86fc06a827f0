import { Option, type Command } from 'commander';
import { parseCount, parseDateOption, withCommonOptions } from './options.js';
import type { TimelineOptions } from './timeline-run.js';

/** `corpus timeline [ENTITY]`: what happened when, to whom, with the evidence. */
export function register(program: Command): void {
  const command = program
    .command('timeline')
    .summary('events in date order, with their sources and evidence')
    .description(
      'A digest of what happened: the most reported events (each merged across every article that reports ' +
        'it, wire copies counted once), in date order (within a day, the most reported first), with date, place, participants, the number of reports ' +
        'and the best evidence sentence. With ENTITY (any of its names or aliases), the events it takes part in. ' +
        'Dates that are not when something happened (clock times, maturities, "this year") make no entry. ' +
        'Without --html or --out, the output goes to stdout; --csv and --nl give one line per entry.',
    )
    .argument('[entity]', 'a person, country, place or organization, by any of its names')
    .option(
      '--from <date>',
      'keep entries from this date on (YYYY, YYYY-MM or YYYY-MM-DD); one dated only by week, month or year when all of it is',
      parseDateOption('--from'),
    )
    .option(
      '--to <date>',
      'keep entries up to this date; one dated only by week, month or year when all of it is',
      parseDateOption('--to'),
    )
    .option('--limit <n>', 'the most reported events shown (default 25; 0: every event)', parseCount('--limit'))
    .option('--all', 'every event and lone dated mention, not only the most reported')
    .option('--mentions', 'also the lone dated mentions (dated sentences no other report shares)')
    .addOption(
      new Option('--granularity <unit>', 'group entries by day, week, month or year').choices([
        'day',
        'week',
        'month',
        'year',
      ]),
    )
    .addOption(
      new Option('--format <format>', 'output: text, json (same as --json) or timelinejs (TimelineJS JSON)').choices([
        'text',
        'json',
        'timelinejs',
      ]),
    )
    .option('--html <file>', 'write a self-contained HTML page with an SVG timeline to FILE')
    .option('--out <file>', 'write the text, JSON or TimelineJS output to FILE instead of stdout');
  withCommonOptions(command, { rows: true });
  command
    .addHelpText(
      'after',
      '\nExample:\n  corpus timeline "North Korea" --from 2018-06 --to 2019-03 --html north-korea.html',
    )
    .action(async (entity: string | undefined, options: TimelineOptions) => {
      const { runTimeline } = await import('./timeline-run.js');
      await runTimeline(entity, options);
    });
}
