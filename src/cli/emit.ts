import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { FORMATS, type OutputFormat, type Payload, type Sink } from '../render/formats/index.js';
import { visibleLine } from '../render/safe.js';
import { isSimple, loadFitting, type TextContext } from '../render/text.js';
import { stdoutIsTerminal, writeStdout } from './stdout.js';

/** The output options every reporting command shares: one flag per machine format, `--pretty`, `--no-pager`. */
export interface OutputFlags {
  json?: boolean;
  csv?: boolean;
  nl?: boolean;
  pretty?: boolean;
  /** false with `--no-pager`. */
  pager?: boolean;
  [flag: string]: unknown;
}

/** Commander's key for a flag: `--nl` → `nl`. */
const keyOf = (flag: string) => flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Add the output formats' flags to a command. `rows: true` when the command's result is a list
 * (it then offers the line-oriented formats, CSV and NDJSON, too).
 */
export function withOutputOptions(command: Command, { rows = false, pretty = true, pager = true } = {}): Command {
  for (const format of FORMATS) {
    if (format.flag && (rows || !format.rows)) command.option(format.flag, format.description);
  }
  if (pretty) command.option('--pretty', 'indent the JSON output');
  if (pager) command.option('--no-pager', 'never page the output on a terminal');
  // Two formats at once is a usage error: say so before any work is done.
  command.hook('preAction', (_, action) => void chooseFormat(action.opts()));
  return command;
}

/** The one format the flags ask for (text when none); two at once is a usage error. */
export function chooseFormat(flags: OutputFlags): OutputFormat {
  const asked = FORMATS.filter((f) => f.flag && flags[keyOf(f.flag)]);
  if (asked.length > 1)
    throw new UserError(`${asked.map((f) => f.flag).join(' and ')} ask for different outputs; give one`);
  return asked[0] ?? FORMATS.find((f) => f.flag === null)!;
}

/**
 * Whether the flags ask for a format a long listing can be written in as it is read: the machine
 * formats (CSV and NDJSON a line per item, JSON its list item by item); text for people is a table
 * aligned over every row, built whole.
 */
export function writtenAsRead(flags: OutputFlags): boolean {
  const format = chooseFormat(flags);
  return format.rows || format.name === 'json';
}

/** How text output should look on stdout: colour and width from the terminal, paths relative to here. */
export function textContext(): TextContext {
  const terminal = stdoutIsTerminal();
  return {
    colour: useColour({ isTTY: terminal }),
    width: terminal ? process.stdout.columns || 80 : null,
    cwd: process.cwd(),
  };
}

/**
 * Every command ends here: parse options → call one library function → `emit` its result. The flags
 * choose the format (text, `--json`, `--csv`, `--nl`, … see src/render/formats/); text goes through
 * a pager when stdout is a terminal and the text is taller than the screen.
 */
export async function emit<T, R = unknown>(
  data: T,
  flags: OutputFlags,
  renderText: (data: T, context: TextContext) => string,
  more: Omit<Payload<T, R>, 'data' | 'text'> & { format?: OutputFormat; out?: string } = {},
): Promise<void> {
  const format = more.format ?? chooseFormat(flags);
  if (format.rows && !more.rows) throw new UserError(`${format.flag} is not available here`);
  const payload = { data, text: renderText, ...more } as Payload;
  if (more.out !== undefined) {
    // A file is read later, elsewhere: no colour, no terminal width.
    const context = { colour: false, width: null, cwd: process.cwd(), pretty: Boolean(flags.pretty) };
    if (format.forPeople) await loadFitting({ wide: !isSimple(data), wrapping: false });
    await writeFileAsWritten(more.out, (sink) => format.write(payload, sink, context));
    return;
  }
  const context = { ...textContext(), pretty: Boolean(flags.pretty) };
  if (format.forPeople) await loadFitting({ wide: !isSimple(data), wrapping: Boolean(context.width) });
  if (format.forPeople && stdoutIsTerminal() && flags.pager !== false) {
    const chunks: string[] = [];
    await format.write(payload, { write: (chunk) => void chunks.push(chunk) }, context);
    await page(chunks.join(''));
    return;
  }
  await format.write(payload, stdoutSink, context);
}

/**
 * Write a file chunk by chunk as `produce` writes them (a long export is never held whole), into a
 * file beside it that takes its name only once complete: a failure leaves the old file, or none.
 * What is not a regular file (/dev/stdout, a named pipe) is written directly.
 */
export async function writeFileAsWritten(file: string, produce: (sink: Sink) => Promise<void>): Promise<void> {
  const failed = (error: unknown) =>
    new UserError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  const existing = fs.statSync(file, { throwIfNoEntry: false });
  const direct = existing !== undefined && !existing.isFile();
  const partial = direct ? file : path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  let fd: number;
  try {
    // A file the user may not write stays as it is, as writing it in place would leave it.
    if (existing?.isFile()) fs.accessSync(file, fs.constants.W_OK);
    fd = fs.openSync(partial, 'w');
  } catch (error) {
    throw failed(error);
  }
  const fsStep = (step: () => void) => {
    try {
      step();
    } catch (error) {
      throw failed(error);
    }
  };
  let open = true;
  try {
    await produce({ write: (chunk) => fsStep(() => fs.writeSync(fd, chunk)) });
    open = false;
    fsStep(() => fs.closeSync(fd));
    if (!direct) fsStep(() => fs.renameSync(partial, file));
  } catch (error) {
    if (open) fs.closeSync(fd);
    if (!direct) fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Write a whole file, or fail with one line naming it. */
export function writeFile(file: string, content: string): void {
  try {
    fs.writeFileSync(file, content);
  } catch (error) {
    throw new UserError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/**
 * stdout: a terminal's stream waited on when full, so streamed output holds little in memory; a
 * file or a pipe written whole at once (writeStdout).
 */
export const stdoutSink: Sink = {
  async write(chunk) {
    if (!stdoutIsTerminal()) writeStdout(chunk);
    else if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  },
};

/** A line for the user on stderr (`corpus: …`), its terminal controls made visible. */
export function say(message: string): void {
  process.stderr.write(`corpus: ${visibleLine(message)}\n`);
}

/** Rows the text takes on a terminal `columns` wide (long lines fold). */
async function heightOf(text: string, columns: number): Promise<number> {
  const { width } = await import('../render/text.js');
  let rows = 0;
  for (const line of text.split('\n')) rows += Math.max(1, Math.ceil(width(line) / columns));
  return rows - (text.endsWith('\n') ? 1 : 0);
}

/** `$PAGER` (through the shell, as git does) or `less -FRX` when the text does not fit the screen. */
async function page(text: string): Promise<void> {
  const rows = process.stdout.rows || 24;
  if ((await heightOf(text, process.stdout.columns || 80)) < rows) {
    process.stdout.write(text);
    return;
  }
  const command = process.env.PAGER;
  if (command !== undefined && command.trim() === '') {
    process.stdout.write(text); // PAGER= turns paging off, as for git and man
    return;
  }
  // Loaded only to page: node:child_process (with node:net under it) costs ~15 ms of every start.
  const { spawn } = await import('node:child_process');
  const child = command
    ? spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'] })
    : spawn('less', ['-FRX'], {
        stdio: ['pipe', 'inherit', 'inherit'],
        env: { ...process.env, LESSCHARSET: process.env.LESSCHARSET ?? 'utf-8' },
      });
  const done = new Promise<boolean>((resolve) => {
    child.on('error', () => resolve(false)); // no such pager
    // The shell could not run $PAGER (126: not executable, 127: not found; it said so on stderr):
    // the output goes to the terminal rather than nowhere.
    child.on('close', (code) => resolve(code !== 126 && code !== 127));
  });
  child.stdin.on('error', () => {}); // the reader quit the pager before the end: not an error
  child.stdin.end(text);
  if (!(await done)) process.stdout.write(text);
}

/**
 * Colour on a terminal unless NO_COLOR is set; FORCE_COLOR (any value but `0`/`false`) forces it on,
 * even into a pipe, and `FORCE_COLOR=0` forces it off — the convention of Node and chalk.
 */
export function useColour(stream: { isTTY?: boolean } = { isTTY: stdoutIsTerminal() }): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
}
