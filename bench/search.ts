/**
 * `npm run bench:search` → bench/results/search.json
 *
 * Ingests Reuters-21578 with the real CLI (cached under bench/tmp/, keyed on the analyzer and schema
 * versions, so re-runs take seconds), then measures:
 *  - in-process latency of a fixed set of queries (words, phrases, prefixes, OR/NOT, entity names,
 *    entity/date filters, typos): p50 and p95 over every timed run, and the first (cold) run of each;
 *  - the wall time of one `corpus search` process against a bare `node -e ''` start (medians).
 * Targets: p95 ≤ 10 ms in-process; a search process ≤ 2× a bare Node start.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { machine, median, ROOT, writeResult, cachedReutersDatabase } from './reuters.js';
import type { SearchOptions } from '../src/search/types.js';

interface BenchQuery {
  kind:
    | 'word'
    | 'phrase'
    | 'prefix'
    | 'boolean'
    | 'entity name'
    | 'entity filter'
    | 'date filter'
    | 'typo'
    | 'common word';
  query: string;
  options?: SearchOptions;
}

const QUERIES: BenchQuery[] = [
  ...[
    'oil',
    'wheat',
    'coffee',
    'gold',
    'dollar',
    'inflation',
    'dividend',
    'merger',
    'takeover',
    'tariff',
    'Bundesbank',
    'Volcker',
    'Nakasone',
  ].map((query) => ({ kind: 'word' as const, query })),
  ...[
    'interest rates',
    'trade deficit',
    'grain exports',
    'bank loans',
    'Texaco Pennzoil',
    'Brazil debt',
    'Japan semiconductors',
    'oil prices fell',
  ].map((query) => ({ kind: 'word' as const, query })),
  ...['said', 'the', 'year'].map((query) => ({ kind: 'common word' as const, query })),
  ...[
    '"crude oil"',
    '"interest rates"',
    '"stock split"',
    '"money supply"',
    '"current account"',
    '"prime rate"',
    '"Federal Reserve"',
    '"net loss"',
  ].map((query) => ({ kind: 'phrase' as const, query })),
  ...['petro*', 'semicond*', 'acqui*', 'export*', 'refin*'].map((query) => ({ kind: 'prefix' as const, query })),
  ...[
    'opec OR saudi',
    'wheat -export',
    'coffee NOT brazil',
    'gold OR silver prices',
    'merger -bank',
    '"crude oil" -opec',
    'yen OR mark dollar',
  ].map((query) => ({ kind: 'boolean' as const, query })),
  ...['US', 'United States', 'Japan', 'USSR', 'Soviet Union', 'West Germany', 'Reagan'].map((query) => ({
    kind: 'entity name' as const,
    query,
  })),
  { kind: 'entity filter', query: 'takeover', options: { entities: ['Texaco'] } },
  { kind: 'entity filter', query: '', options: { entities: ['Japan'] } },
  { kind: 'entity filter', query: 'oil', options: { entities: ['Saudi Arabia'] } },
  { kind: 'entity filter', query: 'trade', options: { entities: ['Japan', 'United States'] } },
  { kind: 'entity filter', query: 'prices', options: { entities: ['OPEC'], type: 'ORG' } },
  { kind: 'entity filter', query: '', options: { entities: ['Brazil'], from: '1987-03', to: '1987-03' } },
  { kind: 'date filter', query: 'trade', options: { from: '1987-04', to: '1987-04' } },
  { kind: 'date filter', query: 'oil', options: { from: '1987-09' } },
  { kind: 'date filter', query: '', options: { from: '1987-03-01', to: '1987-03-07' } },
  { kind: 'date filter', query: 'coffee', options: { to: '1987-03' } },
  ...[
    'coffe',
    'sugarr',
    'wheta',
    'petroleim',
    'inflaton',
    'dividnd',
    'treasurey',
    'semiconductr',
    'forecasst',
    'soybeen',
  ].map((query) => ({ kind: 'typo' as const, query })),
];

const ROUNDS = 7;
const PROCESS_RUNS = 9;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const ms = (x: number): number => Math.round(x * 100) / 100;

/** The Reuters database, ingested once per analyzer and schema version. */
const reutersDatabase = () => cachedReutersDatabase('search', 'files');

function wallTime(args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  return performance.now() - started;
}

async function main(): Promise<void> {
  const { file, cached, ingestSeconds } = await reutersDatabase();
  const { openDatabase } = await import('../src/store/db.js');
  const { search } = await import('../src/search/search.js');
  const db = openDatabase(file, { readonly: true });
  const { documentCount } = await import('../src/store/documents.js');
  const documents = documentCount(db);

  const first: number[] = [];
  const outcomes = QUERIES.map((q) => {
    const started = performance.now();
    const result = search(db, q.query, q.options);
    first.push(performance.now() - started);
    return result;
  });
  const samples: number[][] = QUERIES.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    QUERIES.forEach((q, i) => {
      const started = performance.now();
      search(db, q.query, q.options);
      samples[i].push(performance.now() - started);
    });
  }
  db.close();
  const all = samples.flat();
  const perQuery = QUERIES.map((q, i) => ({
    kind: q.kind,
    query: q.query,
    ...(q.options ? { options: q.options } : {}),
    total: outcomes[i].total,
    ...(outcomes[i].correctedQuery ? { correctedTo: outcomes[i].correctedQuery } : {}),
    ...(outcomes[i].queryEntities.length ? { entities: outcomes[i].queryEntities.map((e) => e.name) } : {}),
    ...(outcomes[i].reason ? { reason: outcomes[i].reason } : {}),
    firstMs: ms(first[i]),
    medianMs: ms(median(samples[i])),
  }));
  const byKind: Record<string, { queries: number; p50Ms: number; p95Ms: number }> = {};
  for (const kind of [...new Set(QUERIES.map((q) => q.kind))]) {
    const xs = samples.filter((_, i) => QUERIES[i].kind === kind).flat();
    byKind[kind] = {
      queries: QUERIES.filter((q) => q.kind === kind).length,
      p50Ms: ms(percentile(xs, 50)),
      p95Ms: ms(percentile(xs, 95)),
    };
  }

  // Process start: the search path must load only commander, better-sqlite3 and the search modules.
  const bin = path.join(ROOT, 'bin', 'corpus.cjs');
  const searchArgs = [bin, 'search', 'oil prices', '--db', file];
  const typoArgs = [bin, 'search', 'petroleim', '--db', file];
  const bare: number[] = [];
  const searchRuns: number[] = [];
  const typoRuns: number[] = [];
  wallTime(['-e', '']);
  wallTime(searchArgs);
  for (let i = 0; i < PROCESS_RUNS; i++) {
    bare.push(wallTime(['-e', '']));
    searchRuns.push(wallTime(searchArgs));
    typoRuns.push(wallTime(typoArgs));
  }

  const inProcess = { p50Ms: ms(percentile(all, 50)), p95Ms: ms(percentile(all, 95)) };
  const result = {
    benchmark: 'search',
    corpus: 'Reuters-21578, Distribution 1.0 (exploded to .txt, ingested with `corpus ingest`)',
    date: new Date().toISOString(),
    machine: machine(),
    documents,
    database: { file: path.relative(ROOT, file), cached, ingestSeconds },
    queries: QUERIES.length,
    rounds: ROUNDS,
    inProcess: {
      what: `search() on an open read-only database, ${ROUNDS} timed rounds of every query after one untimed round`,
      ...inProcess,
      firstRunP50Ms: ms(percentile(first, 50)),
      firstRunP95Ms: ms(percentile(first, 95)),
      target: 'p95 <= 10 ms',
      met: inProcess.p95Ms <= 10,
      byKind,
    },
    process: {
      what: `wall time of one \`corpus search\` process vs \`node -e ''\`, medians of ${PROCESS_RUNS} interleaved runs`,
      bareNodeMs: ms(median(bare)),
      searchMs: ms(median(searchRuns)),
      ratio: Math.round((median(searchRuns) / median(bare)) * 100) / 100,
      typoSearchMs: ms(median(typoRuns)),
      typoRatio: Math.round((median(typoRuns) / median(bare)) * 100) / 100,
      target: 'ratio <= 2',
      met: median(searchRuns) / median(bare) <= 2,
    },
    perQuery,
  };
  const out = writeResult('search', result);
  process.stderr.write(
    `search: ${documents} documents, ${QUERIES.length} queries; in-process p50 ${inProcess.p50Ms} ms, p95 ${inProcess.p95Ms} ms; ` +
      `process ${result.process.searchMs} ms vs bare node ${result.process.bareNodeMs} ms (×${result.process.ratio}) → ${path.relative(ROOT, out)}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
