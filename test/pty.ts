import { spawnSync } from 'node:child_process';
import { BIN, ROOT } from './helpers.js';

/**
 * Run the real CLI in a pseudo-terminal of `columns` × `rows` (python3's pty: stdout and stderr are
 * both the terminal, as for a person at a shell) and return everything the terminal received.
 * `interruptAfter`: once the output matches this regular expression (Python syntax), type Ctrl-C
 * (the terminal sends SIGINT to the process).
 */
export function inPty(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; columns?: number; rows?: number; interruptAfter?: string; timeoutMs?: number } = {},
): { code: number; output: string } {
  const env: Record<string, string | undefined> = { ...process.env, TERM: 'xterm-256color', ...options.env };
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'CORPUS_DB', 'PAGER']) if (!(options.env && key in options.env)) delete env[key];
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const script = `
import os, pty, sys, select, struct, fcntl, termios, time, json, re
cfg = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(cfg['cwd'])
    os.execve(cfg['argv'][0], cfg['argv'], cfg['env'])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', cfg['rows'], cfg['columns'], 0, 0))
out = b''
sent = False
deadline = time.time() + cfg['timeout']
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.05)
    if fd in r:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if cfg['interrupt'] and not sent and re.search(cfg['interrupt'].encode(), out):
        os.write(fd, b'\\x03')
        sent = True
done, status = os.waitpid(pid, os.WNOHANG)
if done == 0:
    time.sleep(0.2)
    done, status = os.waitpid(pid, os.WNOHANG)
    if done == 0:
        os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
`;
  const cfg = {
    cwd: options.cwd ?? ROOT,
    argv: [process.execPath, BIN, ...args],
    env,
    columns: options.columns ?? 80,
    rows: options.rows ?? 24,
    interrupt: options.interruptAfter ?? null,
    timeout: (options.timeoutMs ?? 60_000) / 1000,
  };
  const run = spawnSync('python3', ['-c', script, JSON.stringify(cfg)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status ?? -1, output: run.stdout.replace(/\r\n/g, '\n') };
}
