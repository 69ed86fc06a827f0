import { Command, CommanderError } from './commander.js';
import { UserError } from '../core/errors.js';
import { asDatabaseError } from '../store/errors.js';
import { visible } from '../render/safe.js';
import * as ingest from './ingest.js';
import * as stats from './stats.js';
import * as show from './show.js';
import * as extract from './extract.js';
import * as entities from './entities.js';
import * as search from './search.js';
import * as timeline from './timeline.js';
import * as events from './events.js';
import * as duplicates from './duplicates.js';
import * as mentions from './mentions.js';
import * as trends from './trends.js';
import * as graph from './graph.js';

/** Each command's module, by the command names it registers. */
const COMMANDS = {
  ingest,
  stats,
  show,
  extract,
  entities,
  entity: entities,
  search,
  timeline,
  events,
  duplicates,
  mentions,
  trends,
  graph,
} as const;

/**
 * The command-line program. Each command lives in its own file and registers itself; a command's
 * action imports its implementation lazily, so `corpus search` never loads the analyzer (natural
 * alone costs ~0.4 s to import). Given the command a run names, only that command is registered
 * (a few ms of every start); help, usage errors and unknown commands get them all.
 */
export function buildProgram(command?: string): Command {
  const program = new Command('corpus')
    .description('Index a folder of news articles: search, entities, timelines — on your own machine.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const named = command !== undefined && Object.hasOwn(COMMANDS, command);
  const modules = named ? [COMMANDS[command as keyof typeof COMMANDS]] : new Set(Object.values(COMMANDS));
  for (const module of modules) module.register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(argv[2]);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

/** One line on stderr for a user's mistake; a stack trace only for a real bug. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // help and --version "fail" with exit code 0; usage mistakes are 2, as in grep.
    return error.exitCode === 0 ? 0 : 2;
  }
  // A damaged, full, read-only or busy database is the user's to fix: one line, no stack trace.
  error = asDatabaseError(error) ?? error;
  if (error instanceof UserError) {
    process.stderr.write(`corpus: ${visible(error.message)}\n`);
    return error.exitCode;
  }
  if (error && typeof error === 'object' && 'code' in error && (error as { code: unknown }).code === 'EPIPE') return 0;
  process.stderr.write(`corpus: internal error: ${visible((error as Error)?.stack ?? String(error))}\n`);
  return 70;
}
