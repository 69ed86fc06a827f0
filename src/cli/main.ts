import { runProgram } from './program.js';
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
export const COMMANDS = {
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
 * (a few ms of every start); help, usage errors and unknown commands get them all. (The bundle also
 * builds each query command as a program of its own: tools/bundle.ts.)
 */
export function main(argv: string[]): Promise<number> {
  const command = argv[2];
  const named = command !== undefined && Object.hasOwn(COMMANDS, command);
  return runProgram(argv, named ? [COMMANDS[command as keyof typeof COMMANDS]] : new Set(Object.values(COMMANDS)));
}
