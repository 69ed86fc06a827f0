import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir, write } from './helpers.js';

/**
 * bin/corpus.js runs the bundle (dist/bundle, fast to start) only when it is not older than the
 * compiled tree (dist/src): after a `tsc` run alone, the launcher must run the new code, not the
 * stale bundle. Checked on a copy of the real launcher beside two stand-in programs.
 */
describe('the launcher', () => {
  function layout(): { dir: string; bundle: string; tree: string } {
    const dir = tempDir('corpus-launcher-');
    write(path.join(dir, 'bin', 'corpus.js'), fs.readFileSync(BIN));
    const program = (name: string) =>
      `export async function main(argv) { process.stdout.write('${name} ' + argv.slice(2).join(' ')); return 3; }\n`;
    const bundle = write(path.join(dir, 'dist', 'bundle', 'cli', 'main.js'), program('bundle'));
    const tree = write(path.join(dir, 'dist', 'src', 'cli', 'main.js'), program('tree'));
    return { dir, bundle, tree };
  }

  const run = (dir: string) =>
    spawnSync(process.execPath, [path.join(dir, 'bin', 'corpus.js'), 'stats'], { encoding: 'utf8' });

  it('runs the bundle when it is as new as the compiled tree, and passes the exit code on', () => {
    const { dir, bundle, tree } = layout();
    const now = new Date();
    fs.utimesSync(tree, now, now);
    fs.utimesSync(bundle, now, now);
    const result = run(dir);
    expect(result.stdout).toBe('bundle stats');
    expect(result.status).toBe(3);
  });

  it('runs the compiled tree when the bundle is older (tsc ran alone) or missing', () => {
    const { dir, bundle, tree } = layout();
    fs.utimesSync(bundle, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    fs.utimesSync(tree, new Date(), new Date());
    expect(run(dir).stdout).toBe('tree stats');
    fs.rmSync(bundle);
    expect(run(dir).stdout).toBe('tree stats');
  });

  it('the built bundle is the program (npm test builds it after tsc)', () => {
    const bundled = path.join(ROOT, 'dist', 'bundle', 'cli', 'main.js');
    const compiled = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
    expect(fs.statSync(bundled).mtimeMs).toBeGreaterThanOrEqual(fs.statSync(compiled).mtimeMs);
    const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
