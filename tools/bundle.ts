/**
 * Bundles the command-line program for start-up speed: `npm run build` (and `npm install`, `npm test`)
 * run it after `tsc`.
 *
 * Why: a `corpus search` or `corpus entity` process spent a fifth of its time resolving and loading
 * ~80 small ES modules one by one (node's ESM loader stats, reads and links each). esbuild joins
 * them into a few files — the program's entry, one chunk per lazily loaded command, shared chunks —
 * with the same lazy loading (`import()` stays `import()`). Packages stay external: they load as
 * before, so nothing about how they find their data or native code changes.
 *
 * Layout (dist/bundle):
 *   cli/main.js            the program (bin/corpus.js loads it when it is not older than dist/src)
 *   ingest/analyze-worker.js, nlp/analyze.js
 *                          the worker thread and the analyzer module it loads, where the code that
 *                          names them (`new URL('./analyze-worker.js' | '../nlp/analyze.js',
 *                          import.meta.url)` in ingest/) expects them from its own chunk:
 *   ingest/*.js            every chunk, so those relative URLs resolve as they do in dist/src/ingest.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root (this file runs from dist/tools). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');

export async function bundle(): Promise<void> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/main.ts', 'src/ingest/analyze-worker.ts', 'src/nlp/analyze.ts'],
    outbase: 'src',
    outdir: BUNDLE_DIR,
    entryNames: '[dir]/[name]',
    chunkNames: 'ingest/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bundle().catch((error: unknown) => {
    process.stderr.write(`bundle: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
