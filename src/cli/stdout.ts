/**
 * Standard output, written straight to its file descriptor where it is no terminal. Node builds
 * `process.stdout` on first use, loading its stream modules: 1.4 ms of a command's start into a
 * file and 2.8 ms into a pipe (medians of 41 runs), against the 55 ms `corpus search` spends past
 * node's own start. A terminal gets node's stream: the pager and the screen's width need it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const STDOUT = 1;
let terminal: boolean | undefined;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Whether standard output is a terminal, asked of the descriptor. node:tty loads node:net (1.4 ms),
 * so it is asked only of a character device other than the null device: a file, a pipe, a socket
 * or /dev/null is no terminal.
 */
export function stdoutIsTerminal(): boolean {
  terminal ??= characterDevice() && (createRequire('/')('node:tty') as typeof import('node:tty')).isatty(STDOUT);
  return terminal;
}

/** Standard output is a character device (or cannot be told apart from one) other than /dev/null. */
function characterDevice(): boolean {
  try {
    const out = fs.fstatSync(STDOUT);
    if (!out.isCharacterDevice()) return false;
    const nul = fs.statSync('/dev/null', { throwIfNoEntry: false });
    return !(nul?.isCharacterDevice() && nul.rdev === out.rdev);
  } catch {
    return true; // closed or unreadable: node:tty decides
  }
}

/**
 * Write all of `text` to standard output before returning. A reader that has gone (`corpus search
 * x | head`) ends the program quietly with status 0, as a closed pipe does for grep; a pipe another
 * program left non-blocking is waited on while full.
 */
export function writeStdout(text: string): void {
  if (stdoutIsTerminal()) {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) {
    try {
      at += fs.writeSync(STDOUT, bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(0);
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
}
