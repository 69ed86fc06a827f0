import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, SEEDS, tempDir } from './helpers.js';
import { buildKoreaFixture } from './timeline-fixture.js';

/**
 * The layers, checked on what each command really loads (a module.register resolve hook plus
 * Module._load, in a child process), not on what the sources seem to import:
 *   cli → (ingest | search | timeline | entities …) → store → core;  nlp → core;
 *   render takes plain data and imports only core and render (type-only imports vanish at runtime).
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  nlp: ['nlp', 'core'],
  store: ['store', 'core'],
  render: ['render', 'core'],
  search: ['search', 'store', 'nlp', 'core'],
  timeline: ['timeline', 'store', 'core'],
  ingest: ['ingest', 'store', 'nlp', 'core'],
  entities: ['entities', 'store', 'nlp', 'core'],
  dedup: ['dedup', 'store', 'core'],
  trends: ['trends', 'store', 'core'],
  graph: ['graph', 'store', 'core'],
  cli: [
    'cli',
    'ingest',
    'search',
    'timeline',
    'entities',
    'dedup',
    'trends',
    'graph',
    'store',
    'render',
    'nlp',
    'core',
  ],
};
// A folder not listed here is a violation wherever it is imported from: a new one takes its place
// in the layers by a line above.

const DIST = path.join(ROOT, 'dist', 'src');
const REGISTER = path.join(ROOT, 'test', 'layers', 'register.mjs');
const TREE = path.join(ROOT, 'test', 'layers', 'tree.mjs');

interface Edge {
  from: string | null;
  to: string;
}

/** Every [importer, module] edge of one CLI run, from the compiled tree (`entry`) or bin/corpus.cjs (the bundle). */
function loadGraph(args: string[], entry = TREE): Edge[] {
  const log = path.join(tempDir('corpus-layers-'), 'loads.ndjson');
  fs.writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', REGISTER, entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', CORPUS_LAYER_LOG: log },
    encoding: 'utf8',
  });
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`corpus ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as [string | null, string])
    .map(([from, to]) => ({ from, to }));
}

/** `search` for a file under dist/src/search/, null for anything outside the project's sources. */
function folderOf(url: string | null): string | null {
  if (!url?.startsWith('file:')) return null;
  const rel = path.relative(DIST, fileURLToPath(url));
  if (rel.startsWith('..')) return null;
  return rel.split(path.sep)[0];
}

function violations(edges: Edge[]): string[] {
  const out = new Set<string>();
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (!a || !b || a.endsWith('.js') || b.endsWith('.js')) continue;
    const allowed = ALLOWED[a];
    if (!allowed?.includes(b))
      out.add(`${path.relative(DIST, fileURLToPath(from!))} → ${path.relative(DIST, fileURLToPath(to))}`);
  }
  return [...out].sort();
}

/** The analyzer, the NER model, cheerio and (whole) natural: what a query command must never load. */
const HEAVY = [
  /\/dist\/src\/nlp\/analyze/,
  /\/dist\/src\/nlp\/ner\/(model|tagger)\./,
  /\/node_modules\/cheerio\//,
  /\/node_modules\/natural\/lib\/natural\/index\.js$/,
];

function heavy(edges: Edge[]): string[] {
  return [...new Set(edges.map((e) => e.to).filter((url) => HEAVY.some((re) => re.test(url))))].map((url) =>
    url.replace(/^.*\/(dist|node_modules)\//, '$1/'),
  );
}

describe('module layers', () => {
  let db: string;
  const graphs = new Map<string, Edge[]>();

  beforeAll(() => {
    db = buildKoreaFixture(tempDir('corpus-layers-db-')).file;
    const dir = tempDir('corpus-layers-ingest-');
    fs.copyFileSync(path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.endsWith('.txt'))!), path.join(dir, 'a.txt'));
    const commands: Record<string, string[]> = {
      search: ['search', 'DPRK', '--db', db],
      timeline: ['timeline', 'Kim Jong Un', '--db', db, '--html', path.join(dir, 'kim.html')],
      entities: ['entities', '--db', db],
      entity: ['entity', 'Kim Jong Un', '--db', db],
      graph: ['graph', 'Kim Jong Un', '--db', db, '--depth', '2', '--html', path.join(dir, 'graph.html')],
      stats: ['stats', '--db', db],
      show: ['show', '1', '--db', db],
      extract: ['extract', path.join(dir, 'a.txt'), '--json'],
      ingest: ['ingest', dir, '--db', path.join(dir, 'new.db'), '--quiet'],
    };
    for (const [name, args] of Object.entries(commands)) graphs.set(name, loadGraph(args));
  });

  it('records what a command loads (the hook sees the analyzer when extract runs)', () => {
    expect(heavy(graphs.get('extract')!).length).toBeGreaterThan(0);
    expect(graphs.get('search')!.some((e) => folderOf(e.to) === 'store')).toBe(true);
  });

  it.each(['search', 'timeline', 'entities', 'entity', 'graph', 'stats', 'show', 'extract', 'ingest'])(
    'corpus %s: imports follow the layers',
    (name) => {
      expect(violations(graphs.get(name)!)).toEqual([]);
    },
  );

  it.each(['search', 'timeline', 'entities', 'entity', 'graph', 'stats', 'show'])(
    'corpus %s loads no analyzer, model, cheerio or natural',
    (name) => {
      expect(heavy(graphs.get(name)!)).toEqual([]);
    },
  );

  it('bin/corpus.cjs runs the bundle, and its query commands load neither cheerio nor natural', () => {
    const edges = loadGraph(['search', 'DPRK', '--db', db], BIN);
    // The command's program is compiled from its file with a code cache (no loader sees it): what
    // it requires comes from there.
    expect(edges.some((e) => /\/dist\/bundle\//.test(`${e.from} ${e.to}`))).toBe(true);
    expect(edges.some((e) => /\/dist\/src\//.test(e.to))).toBe(false);
    expect(edges.filter((e) => /\/node_modules\/(cheerio|natural)\//.test(e.to))).toEqual([]);
    // commander's child_process (~5 ms to load) waits until something spawns (tools/bundle.ts).
    expect(edges.filter((e) => /child_process/.test(e.to))).toEqual([]);
  });
});
