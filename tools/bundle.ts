/**
 * Bundles the command-line program for start-up speed: `npm run build` (and `npm install`, `npm test`)
 * run it after `tsc`.
 *
 * Why: a `corpus search` or `corpus entity` process spent a fifth of its time resolving and loading
 * small modules one by one (node's ESM loader stats, reads, compiles and links each; the CommonJS
 * loader does the same for commander's and better-sqlite3's files). A query command now loads two
 * files: the launcher and its own program, both CommonJS.
 *
 * Layout (dist/bundle):
 *   commands/<name>.cjs    each query command (search, entities, entity, stats, ...) as a program of
 *                          its own, one CommonJS file with the packages it uses (bin/corpus.cjs);
 *   cli/main.js            the whole program, for ingest, extract, help and anything else;
 *   ingest/analyze-worker.js, nlp/analyze.js
 *                          the worker thread and the analyzer module it loads, where the code that
 *                          names them (`new URL('./analyze-worker.js' | '../nlp/analyze.js',
 *                          import.meta.url)` in ingest/) expects them from its own chunk:
 *   ingest/*.js            the chunks main.js and those two share, so those relative URLs resolve
 *                          as they do in dist/src/ingest. The analyzing commands stay in this build:
 *                          the analyzer they load by URL must share their modules (one UserError
 *                          class, one model cache), which separate one-file programs would not.
 *
 * Packages: the few the query commands load are inlined (BUNDLED); the rest (natural, linkedom, the
 * readers' parsers) stay external and load from node_modules as before, so nothing about how they
 * find their data changes. better-sqlite3 is given its addon's path (store/db.ts).
 */
import { type BuildOptions, type Plugin, build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root (this file runs from dist/tools). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');

/**
 * The query commands, each built as a program of its own: command name → its module in src/cli.
 * A command missing here still works, through cli/main.js, only slower to start.
 */
export const QUERY_COMMANDS: Readonly<Record<string, string>> = {
  search: 'search',
  stats: 'stats',
  show: 'show',
  entities: 'entities',
  entity: 'entities',
  timeline: 'timeline',
  events: 'events',
  duplicates: 'duplicates',
  mentions: 'mentions',
  trends: 'trends',
  graph: 'graph',
};

/** Packages inlined into the bundle (with what they import); every other package stays external. */
const BUNDLED = new Set(['commander', 'better-sqlite3', 'string-width', 'wrap-ansi', 'csv-stringify']);

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * commander requires node:child_process as it loads, for subcommands that are separate executables
 * (corpus has none); node spends ~5 ms of every start loading it. Here it loads when first used.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, ({ importer }) =>
      importer.includes(`${sep}node_modules${sep}commander${sep}`)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents:
        "let real;\nmodule.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });\n",
      loader: 'js',
    }));
  },
};

/** Bare imports stay external unless they are, or are imported by, a BUNDLED package. */
const externals: Plugin = {
  name: 'externals',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      if (path.startsWith('node:')) return { external: true };
      // better-sqlite3 calls its `bindings` helper only when not given its addon (store/db.ts).
      if (path === 'bindings') return { external: true };
      if (BUNDLED.has(packageName(path)) || importer.includes(`${sep}node_modules${sep}`)) return undefined;
      return { external: true };
    });
  },
};

/** The command's own program: that one module registered, as main.ts does for a named command. */
const commandEntry: Plugin = {
  name: 'command-entry',
  setup(build) {
    build.onResolve({ filter: /^corpus-command:/ }, ({ path }) => ({ path, namespace: 'corpus-command' }));
    build.onLoad({ filter: /.*/, namespace: 'corpus-command' }, ({ path }) => ({
      contents:
        `import * as command from ${JSON.stringify(join(ROOT, 'src', 'cli', `${path.slice('corpus-command:'.length)}.ts`))};\n` +
        `import { runProgram } from ${JSON.stringify(join(ROOT, 'src', 'cli', 'program.ts'))};\n` +
        'export const main = (argv) => runProgram(argv, [command]);\n',
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

const common: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Inlined CommonJS packages call require() for node's own modules; an ES module has none.
  banner: {
    js: "import { createRequire as __corpusRequire } from 'node:module'; const require = __corpusRequire(import.meta.url);",
  },
  plugins: [lazyChildProcess, externals],
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

export async function bundle(): Promise<void> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: ['src/cli/main.ts', 'src/ingest/analyze-worker.ts', 'src/nlp/analyze.ts'],
    outbase: 'src',
    outdir: BUNDLE_DIR,
    entryNames: '[dir]/[name]',
    chunkNames: 'ingest/[name]-[hash]',
    splitting: true,
  });
  await build({
    ...common,
    // CommonJS: node's ES module loader would cost each query command ~15 ms (bin/corpus.cjs).
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    define: { 'import.meta.url': '__corpusUrl' },
    banner: { js: "const __corpusUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [commandEntry, lazyChildProcess, externals],
    entryPoints: Object.entries(QUERY_COMMANDS).map(([name, module]) => ({
      in: `corpus-command:${module}`,
      out: name,
    })),
    outdir: join(BUNDLE_DIR, 'commands'),
    splitting: false,
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bundle().catch((error: unknown) => {
    process.stderr.write(`bundle: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
