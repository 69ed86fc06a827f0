import type { Command } from 'commander';
import { parseCount, parseDateOption, withCommonOptions } from './options.js';
import type { EventsOptions } from './timeline-run.js';

/** `corpus events`: what happened, ranked by how many reports say so. */
export function register(program: Command): void {
  const command = program
    .command('events')
    .summary('the corpus events ranked by how many reports they have')
    .description(
      'List the events of the corpus (each merged across the articles that report it) ranked by support: ' +
        'distinct reports, then days reported. --entity and --place narrow them; --from/--to keep those in a period.',
    )
    .option('--entity <name>', 'only events this person, country, place or organization takes part in')
    .option('--place <name>', 'only events at this place')
    .option(
      '--from <date>',
      'events from this date on (YYYY, YYYY-MM or YYYY-MM-DD); one dated only by week, month or year when all of it is',
      parseDateOption('--from'),
    )
    .option(
      '--to <date>',
      'events up to this date; one dated only by week, month or year when all of it is',
      parseDateOption('--to'),
    )
    .option('--limit <n>', 'how many, most reported first (default 25; 0: all)', parseCount('--limit'));
  withCommonOptions(command, { rows: true });
  command
    .addHelpText('after', '\nExample:\n  corpus events --from 1987-03 --to 1987-03 --limit 10')
    .action(async (options: EventsOptions) => {
      const { runEvents } = await import('./timeline-run.js');
      await runEvents(options);
    });
}
