import { Command, CommanderError } from 'commander';
import { UserError } from '../core/errors.js';
import { asDatabaseError } from '../store/errors.js';
import { visible, visibleLine } from '../render/safe.js';

/** A command's module: it registers its command(s) and imports its implementation lazily. */
export interface CommandModule {
  register(program: Command): void;
}

/** The program with the given commands registered (main.ts decides which). */
export function buildProgram(modules: Iterable<CommandModule>): Command {
  const program = new Command('corpus')
    .description('Index a folder of news articles: search, entities, timelines — on your own machine.')
    .version('0.1.0')
    .exitOverride()
    // Commander's usage errors as every other error: one line, `corpus: …`, with the way to help.
    .configureOutput({
      outputError: (message, write) =>
        write(`corpus: ${message.replace(/^error: /, '').trim()} (run with --help for usage)\n`),
    });
  for (const module of modules) module.register(program);
  return program;
}

/** Parse argv and run the command it names; resolves to the process's exit code. */
export async function runProgram(argv: string[], modules: Iterable<CommandModule>): Promise<number> {
  const program = buildProgram(modules);
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
    process.stderr.write(`corpus: ${visibleLine(error.message)}\n`);
    return error.exitCode;
  }
  if (error && typeof error === 'object' && 'code' in error && (error as { code: unknown }).code === 'EPIPE') return 0;
  process.stderr.write(`corpus: internal error: ${visible((error as Error)?.stack ?? String(error))}\n`);
  return 70;
}
