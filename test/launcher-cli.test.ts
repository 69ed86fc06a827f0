import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/main.js';
import { BIN, ROOT, tempDir, write } from './helpers.js';

/**
 * bin/corpus.cjs runs a query command's own one-file program (dist/bundle/commands/<name>.cjs), else
 * the whole bundled program (dist/bundle/cli/main.js), each only when it is not older than the
 * compiled tree (dist/src): after a `tsc` run alone, the launcher must run the new code, not a stale
 * bundle. Checked on a copy of the real launcher beside stand-in programs.
 */
describe('the launcher', () => {
  const esm = (name: string) =>
    `export async function main(argv) { process.stdout.write('${name} ' + argv.slice(2).join(' ')); return 3; }\n`;
  const cjs = (name: string) =>
    `exports.main = async (argv) => { process.stdout.write('${name} ' + argv.slice(2).join(' ')); return 4; };\n`;

  function layout(): { dir: string; own: string; bundle: string; tree: string } {
    const dir = tempDir('corpus-launcher-');
    write(path.join(dir, 'bin', 'corpus.cjs'), fs.readFileSync(BIN));
    const own = write(path.join(dir, 'dist', 'bundle', 'commands', 'stats.cjs'), cjs('own'));
    const bundle = write(path.join(dir, 'dist', 'bundle', 'cli', 'main.js'), esm('bundle'));
    const tree = write(path.join(dir, 'dist', 'src', 'cli', 'main.js'), esm('tree'));
    // The stand-ins are ES modules where the real dist/ is: under the project's "type": "module".
    write(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    const now = new Date();
    for (const file of [own, bundle, tree]) fs.utimesSync(file, now, now);
    return { dir, own, bundle, tree };
  }

  const run = (dir: string, command = 'stats') =>
    spawnSync(process.execPath, [path.join(dir, 'bin', 'corpus.cjs'), command, 'x'], { encoding: 'utf8' });
  // Rewriting a program keeps it exactly as new as the tree: the kernel stamps a write with a coarse
  // clock that can lag the Date the layout set by a few milliseconds, which would make it "older".
  const rewrite = (file: string, text: string) => {
    const { mtime } = fs.statSync(file);
    fs.writeFileSync(file, text);
    fs.utimesSync(file, mtime, mtime);
  };
  const age = (file: string) => fs.utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

  it("runs a query command's own program when it is as new as the compiled tree, and passes the exit code on", () => {
    const { dir } = layout();
    const result = run(dir);
    expect(result.stdout).toBe('own stats x');
    expect(result.status).toBe(4);
  });

  it("keeps V8's code cache of a command's program after a run that succeeded, and replaces a bad one", () => {
    const { dir, own } = layout();
    rewrite(own, cjs('own').replace('return 4', 'return 0'));
    const cacheDir = path.join(path.dirname(own), '.cache');
    expect(run(dir).stdout).toBe('own stats x');
    const [cache] = fs.readdirSync(cacheDir);
    expect(cache).toBe(`stats-${process.version}.v8`);
    fs.writeFileSync(path.join(cacheDir, cache), 'not a code cache');
    const again = run(dir);
    expect(again.stdout).toBe('own stats x');
    expect(again.status).toBe(0);
    expect(fs.readFileSync(path.join(cacheDir, cache), 'utf8')).not.toBe('not a code cache');
    // A failed run leaves no cache.
    fs.rmSync(cacheDir, { recursive: true });
    rewrite(own, cjs('own'));
    expect(run(dir).status).toBe(4);
    expect(fs.existsSync(cacheDir)).toBe(false);
  });

  it('runs the whole bundle for a command without its own program, or when that one is older', () => {
    const { dir, own } = layout();
    const other = run(dir, 'ingest');
    expect(other.stdout).toBe('bundle ingest x');
    expect(other.status).toBe(3);
    age(own);
    expect(run(dir).stdout).toBe('bundle stats x');
  });

  it('runs the compiled tree when the bundle is older (tsc ran alone) or missing', () => {
    const { dir, own, bundle } = layout();
    age(own);
    age(bundle);
    expect(run(dir).stdout).toBe('tree stats x');
    fs.rmSync(own);
    fs.rmSync(bundle);
    expect(run(dir).stdout).toBe('tree stats x');
  });

  it('every command has its own program but ingest and extract, which load the analyzer by its file', () => {
    const own = (name: string) => fs.existsSync(path.join(ROOT, 'dist', 'bundle', 'commands', `${name}.cjs`));
    expect(Object.keys(COMMANDS).filter((name) => !own(name))).toEqual(['ingest', 'extract']);
  });

  it('the built bundle is the program (npm test builds it after tsc)', () => {
    const compiled = fs.statSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')).mtimeMs;
    for (const file of ['cli/main.js', 'commands/search.cjs', 'commands/entity.cjs'])
      expect(fs.statSync(path.join(ROOT, 'dist', 'bundle', file)).mtimeMs).toBeGreaterThanOrEqual(compiled);
    // Compiled with vm.Script by the launcher, a program has no loader for import(): esbuild turns each into require().
    const programs = path.join(ROOT, 'dist', 'bundle', 'commands');
    for (const file of fs.readdirSync(programs).filter((f) => f.endsWith('.cjs')))
      expect(fs.readFileSync(path.join(programs, file), 'utf8'), file).not.toMatch(/\bimport\(/);
    const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
