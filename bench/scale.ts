/**
 * `npm run bench:scale [-- --sizes 20000,200000,1000000]` → bench/results/scale.json
 *
 * Builds corpora of N distinct articles from Reuters-21578 (written as JSON Lines under bench/tmp/):
 * copy k of an article has its sentences shuffled within each paragraph (so its body hash differs
 * while word, name and date statistics stay those of real news) and its date shifted by k weeks (so
 * the corpus spans more time as it grows, as a real archive does). Copy 0 is the article itself.
 *
 * At each size it measures, beside a bare FTS5 load of the same text:
 *  - ingest wall time, articles/s, peak RSS (`/usr/bin/time -v`), database bytes per input character;
 *  - `corpus search` in process: p50/p95 over a fixed mix of queries (common words, phrases, names,
 *    names with a word, a name mostly written otherwise with more, aliases, typos, prefixes, filters);
 *  - `timeline`, `entities`, `entity`, `stats` on the largest entities: the wall time of the command
 *    process minus a bare `node` start (medians), and a `corpus search` process against a bare start.
 * and growth exponents between sizes (log time ratio / log size ratio: 1 is linear).
 *
 * `--queries-only` skips building and ingesting: it upgrades the databases an earlier run left in the
 * folder to this schema and measures the queries again (after a change to the query side).
 *
 * `--build-only` writes the corpora and stops (to ingest them by hand, e.g. with a memory profile).
 *
 * `--corpus-steps` runs each corpus-wide step of an ingest (entity resolution, near-duplicates, corpus
 * events) alone on a copy of the databases an earlier run left, each in its own process: seconds and
 * peak RSS per step and size → bench/results/scale-steps.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { arg, machine, median, REUTERS_JSONL, ROOT, writeResult } from './reuters.js';
import { tokenize } from '../src/nlp/tokenize.js';

interface ReutersRecord {
  id: string;
  title: string;
  date: string;
  text: string;
  [key: string]: unknown;
}

const BIN = path.join(ROOT, 'bin', 'corpus.cjs');
// `--dir DIR` (or $SCALE_DIR) keeps the generated corpora and databases elsewhere, e.g. /tmp/scale, where other
// benchmarks (search at scale) can reuse them.
const TMP = path.resolve(arg('--dir') ?? process.env.SCALE_DIR ?? path.join(ROOT, 'bench', 'tmp', 'scale'));
const WEEK_MS = 7 * 86_400_000;

/** A small deterministic PRNG (mulberry32), so every run builds byte-identical corpora. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Each paragraph of a text as its sentences, cut where the analyzer cuts them: a split at every
 * period broke `U.S.`, `Mr.` and `5.93` (a million copies then held people such as `S. He` and the
 * number `93 mln`).
 */
function paragraphSentences(text: string): string[][] {
  return text.split('\n').map((paragraph) => {
    const { sentences } = tokenize(paragraph);
    return sentences.length > 0 ? sentences.map((s) => paragraph.slice(s.start, s.end).trim()) : [paragraph];
  });
}

/** The sentences of each record's paragraphs, read once per record (a million copies reuse 19,771 records). */
const recordSentences = new Map<ReutersRecord, string[][]>();

function shuffleSentences(record: ReutersRecord, next: () => number): string {
  let paragraphs = recordSentences.get(record);
  if (!paragraphs) recordSentences.set(record, (paragraphs = paragraphSentences(record.text)));
  return paragraphs
    .map((paragraph) => {
      const sentences = [...paragraph];
      for (let i = sentences.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [sentences[i], sentences[j]] = [sentences[j], sentences[i]];
      }
      return sentences.join(' ');
    })
    .join('\n');
}

async function reutersRecords(): Promise<ReutersRecord[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(REUTERS_JSONL).pipe(zlib.createGunzip()) });
  const records: ReutersRecord[] = [];
  for await (const line of lines) if (line.trim()) records.push(JSON.parse(line) as ReutersRecord);
  return records;
}

/** Article n of every corpus this benchmark builds: a copy of a Reuters story, shuffled and dated a week later per copy. */
function articleAt(records: ReutersRecord[], n: number): ReutersRecord {
  const copy = Math.floor(n / records.length);
  const record = records[n % records.length];
  const text = copy === 0 ? record.text : shuffleSentences(record, random(copy * 1_000_003 + n));
  const date = new Date(Date.parse(record.date) + copy * WEEK_MS).toISOString().replace('.000Z', 'Z');
  const id = copy === 0 ? record.id : `${record.id}-s${copy}`;
  return { ...record, id, date, text };
}

/** Write N articles as JSON Lines (cached by size); returns the file and its body characters. */
function buildCorpus(records: ReutersRecord[], size: number): { file: string; chars: number } {
  const file = path.join(TMP, `corpus-${size}.jsonl`);
  const meta = `${file}.chars`;
  if (fs.existsSync(file) && fs.existsSync(meta)) return { file, chars: Number(fs.readFileSync(meta, 'utf8')) };
  fs.mkdirSync(TMP, { recursive: true });
  const fd = fs.openSync(`${file}.partial`, 'w');
  let chars = 0;
  let buffer = '';
  for (let n = 0; n < size; n++) {
    const article = articleAt(records, n);
    buffer += `${JSON.stringify(article)}\n`;
    chars += article.text.length;
    if (buffer.length > 1 << 22) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  fs.renameSync(`${file}.partial`, file);
  fs.writeFileSync(meta, String(chars));
  return { file, chars };
}

/** The floor: parse the same JSON Lines and insert title + text into a bare FTS5 table. */
async function floor(file: string, dbFile: string): Promise<number> {
  removeDatabase(dbFile);
  const started = performance.now();
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.exec("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO fts (title, body) VALUES (?, ?)');
  const lines = readline.createInterface({ input: fs.createReadStream(file) });
  let batch: ReutersRecord[] = [];
  const flush = db.transaction((rows: ReutersRecord[]) => {
    for (const r of rows) insert.run(r.title, r.text);
  });
  for await (const line of lines) {
    batch.push(JSON.parse(line) as ReutersRecord);
    if (batch.length === 5000) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  db.close();
  return (performance.now() - started) / 1000;
}

/** Delete a database and its WAL files. */
function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** A fresh copy of a database (and its WAL) at `copy`, for a run that changes it. */
function copyDatabase(source: string, copy: string): void {
  removeDatabase(copy);
  for (const suffix of ['', '-wal'])
    if (fs.existsSync(source + suffix)) fs.copyFileSync(source + suffix, copy + suffix);
}

/** Write a per-size result of one of the modes that work on databases an earlier run left. */
function writeModeResult(name: string, benchmark: string, sizes: unknown[]): void {
  const out = writeResult(arg('--out') ?? name, {
    benchmark,
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage: os.loadavg().map(round2),
    sizes,
  });
  process.stderr.write(`scale → ${path.relative(ROOT, out)}\n`);
}

function bytesOf(file: string): number {
  return ['', '-wal', '-shm'].reduce((sum, s) => sum + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0);
}

/**
 * Run the real `corpus ingest` under /usr/bin/time -v: wall seconds and peak RSS (MB). Into a new
 * database unless `into` (an existing one).
 */
function ingest(file: string, dbFile: string, into = false): { seconds: number; peakRssMB: number; summary: unknown } {
  if (!into) removeDatabase(dbFile);
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, 'ingest', file, '--db', dbFile, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`ingest failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  return { seconds, peakRssMB: rss ? Math.round(Number(rss[1]) / 1024) : NaN, summary: JSON.parse(run.stdout) };
}

function wallMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore', env: { ...env, NO_COLOR: '1', PAGER: 'cat' } });
  return performance.now() - started;
}

/**
 * NODE_EXTRA_CA_CERTS (set on this project's machines) makes every node start parse a bundle of
 * certificates, ~40 ms here: a bare start and a command pay it alike, so it flatters a ratio to the
 * bare start. The environment without it, for the same ratio measured both ways.
 */
const WITHOUT_EXTRA_CERTS: NodeJS.ProcessEnv | null = process.env.NODE_EXTRA_CA_CERTS
  ? Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS'))
  : null;

const HUGE_NAMES = 'huge name and more';
const QUERY_MIX: { kind: string; query: string; options?: Record<string, unknown> }[] = [
  ...['said', 'the', 'year', 'pct'].map((query) => ({ kind: 'common word', query })),
  ...['oil', 'wheat', 'dividend', 'takeover', 'tariff'].map((query) => ({ kind: 'word', query })),
  ...['"interest rates"', '"trade deficit"', '"crude oil"', '"money supply"'].map((query) => ({
    kind: 'phrase',
    query,
  })),
  ...['Reagan', 'Japan', 'Volcker', 'OPEC', 'Texaco'].map((query) => ({ kind: 'name', query })),
  ...['US', 'West Germany', 'Fed', 'EC'].map((query) => ({ kind: 'alias', query })),
  // Added in run 9: a name with a word, the commonest question a reporter asks of an archive.
  ...['Japan trade', 'OPEC oil', 'Reagan Iran'].map((query) => ({ kind: 'name and word', query })),
  // Added on 2026-12-07 (after run35): a name most of whose mentions lack its words (`U.S.` for the
  // United States) with a word or another name, 250–480 ms at 1M while those documents were tables.
  ...['US trade', 'Japan United States'].map((query) => ({ kind: HUGE_NAMES, query })),
  ...['coffe', 'petroleim', 'inflaton', 'treasurey'].map((query) => ({ kind: 'typo', query })),
  ...['petro*', 'acqui*', 'export*'].map((query) => ({ kind: 'prefix', query })),
  { kind: 'filter', query: 'trade', options: { entities: ['Japan'] } },
  { kind: 'filter', query: 'oil', options: { from: '1987-04', to: '1987-06' } },
  { kind: 'filter', query: '', options: { entities: ['Brazil'], from: '1987-03', to: '1987-03' } },
  // Added in run 31, when tags got an index of their own (migration 17): a source's topic.
  { kind: 'tag', query: 'oil', options: { tags: ['crude'] } },
];

/**
 * In-process time of what `timeline`, `entities`, `entity` and `stats` do after the process starts
 * (the library calls each command makes), medians of 5 runs after one warm-up: on a shared machine
 * the process times below are dominated by node's own start.
 */
async function commandsChild(dbFile: string, names: string[]): Promise<void> {
  const { openDatabase } = await import('../src/store/db.js');
  const { corpusStats } = await import('../src/store/documents.js');
  const entities = await import('../src/store/entities.js');
  const { buildTimeline } = await import('../src/timeline/query.js');
  const db = openDatabase(dbFile, { readonly: true });
  const calls: Record<string, () => unknown> = {
    stats: () => corpusStats(db, dbFile),
    entities: () => entities.listEntities(db, { limit: 50 }),
    'entities --type PERSON': () => entities.listEntities(db, { type: 'PERSON', limit: 50 }),
    timeline: () => buildTimeline(db, { maxSources: 1 }),
  };
  for (const name of names) {
    calls[`timeline ${name}`] = () => buildTimeline(db, { entity: name, maxSources: 1 });
    calls[`entity ${name}`] = () => {
      const [first] = entities.resolveEntities(db, name);
      return first && entities.entityDetail(db, first.id, { limit: 20 });
    };
  }
  const out: Record<string, number> = {};
  for (const [label, call] of Object.entries(calls)) {
    call();
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      call();
      xs.push(performance.now() - started);
    }
    out[label] = round2(median(xs));
  }
  db.close();
  process.stdout.write(JSON.stringify(out));
}

/** In-process search latency (a child process, so the parent's memory does not disturb it). */
async function searchChild(dbFile: string): Promise<void> {
  const { openDatabase } = await import('../src/store/db.js');
  const { search } = await import('../src/search/search.js');
  const db = openDatabase(dbFile, { readonly: true });
  const samples: Record<string, number[]> = {};
  for (const q of QUERY_MIX) search(db, q.query, q.options as never);
  for (let round = 0; round < 5; round++) {
    for (const q of QUERY_MIX) {
      const started = performance.now();
      search(db, q.query, q.options as never);
      (samples[q.kind] ??= []).push(performance.now() - started);
    }
  }
  db.close();
  process.stdout.write(JSON.stringify(samples));
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The p95 of every sample but those of `kinds` (an earlier mix, to compare with the runs made with it). */
function p95Without(samples: Record<string, number[]>, kinds: string[]): number {
  return round2(
    percentile(
      Object.entries(samples)
        .filter(([k]) => !kinds.includes(k))
        .flatMap(([, xs]) => xs),
      95,
    ),
  );
}

function largestEntities(dbFile: string): { person: string; country: string; org: string } {
  const out = execFileSync(process.execPath, [BIN, 'entities', '--db', dbFile, '--json', '--limit', '200'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const parsed = JSON.parse(out) as unknown;
  const list = (Array.isArray(parsed) ? parsed : ((parsed as { entities?: unknown[] }).entities ?? [])) as {
    name: string;
    type: string;
  }[];
  const top = (type: string) => list.find((e) => e.type === type)?.name ?? list[0]?.name ?? '';
  return { person: top('PERSON'), country: top('COUNTRY'), org: top('ORG') };
}

async function measureSize(records: ReutersRecord[], size: number, queriesOnly: boolean) {
  const { file, chars } = buildCorpus(records, size);
  // The machine is shared: the load average beside each size says how far to trust absolute times.
  const loadBefore = os.loadavg().map(round2);
  process.stderr.write(`scale ${size}: corpus ${path.relative(ROOT, file)} (${chars} chars)\n`);
  const dbFile = path.join(TMP, `corpus-${size}.db`);
  let floorSeconds = NaN;
  let run = { seconds: NaN, peakRssMB: NaN, summary: null as unknown };
  if (queriesOnly) {
    // --queries-only: the database an earlier run ingested, upgraded to this schema (and given what
    // an ingest adds to an upgraded database), queried again.
    const { openDatabase } = await import('../src/store/db.js');
    const { storeMissingAssociations } = await import('../src/entities/run.js');
    const { readDocumentLengths } = await import('../src/store/doc-lengths.js');
    const db = openDatabase(dbFile);
    storeMissingAssociations(db);
    readDocumentLengths(db);
    db.close();
  } else {
    floorSeconds = await floor(file, path.join(TMP, `floor-${size}.db`));
    run = ingest(file, dbFile);
    process.stderr.write(
      `scale ${size}: ingest ${run.seconds.toFixed(1)} s (floor ${floorSeconds.toFixed(1)} s), ${run.peakRssMB} MB\n`,
    );
  }
  const dbBytes = bytesOf(dbFile);
  // Whether search ranked with the extension built at install (native/corpus_rank.c) or bm25().
  const rankExtension = await (async () => {
    const { openDatabase, hasRankFunction, sqlite } = await import('../src/store/db.js');
    const db = openDatabase(dbFile, { readonly: true });
    const has = hasRankFunction(sqlite(db));
    db.close();
    return has;
  })();
  // Searching with bm25() instead is another product at this size: say so where the figures are read.
  if (!rankExtension)
    process.stderr.write(
      `scale ${size}: warning: search ranks without the rank extension (build/Release/corpus_rank.node ` +
        `not built or not loadable; 'node native/build.cjs' builds it): its figures are not comparable\n`,
    );

  const out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'bench', 'scale.js'), '--search-child', dbFile], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const samples = JSON.parse(out) as Record<string, number[]>;
  const all = Object.values(samples).flat();
  const byKind = Object.fromEntries(
    Object.entries(samples).map(([k, xs]) => [
      k,
      { p50Ms: round2(percentile(xs, 50)), p95Ms: round2(percentile(xs, 95)) },
    ]),
  );

  const top = largestEntities(dbFile);
  const commands: Record<string, string[]> = {
    [`timeline ${top.country}`]: ['timeline', top.country],
    [`timeline ${top.person}`]: ['timeline', top.person],
    entities: ['entities'],
    [`entity ${top.org}`]: ['entity', top.org],
    [`entity ${top.person}`]: ['entity', top.person],
    stats: ['stats'],
    'search oil prices (process)': ['search', 'oil prices'],
  };
  const inProcess = JSON.parse(
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'dist', 'bench', 'scale.js'), '--commands-child', dbFile, top.country, top.person, top.org],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    ),
  ) as Record<string, number>;
  const bare: number[] = [];
  const times: Record<string, number[]> = {};
  const plain = { bare: [] as number[], search: [] as number[] };
  wallMs(['-e', '']);
  // Eleven rounds: this VM runs the same process 20-30% apart from one minute to the next.
  for (let i = 0; i < 11; i++) {
    bare.push(wallMs(['-e', '']));
    for (const [name, args] of Object.entries(commands))
      (times[name] ??= []).push(wallMs([BIN, ...args, '--db', dbFile]));
    if (WITHOUT_EXTRA_CERTS) {
      plain.bare.push(wallMs(['-e', ''], WITHOUT_EXTRA_CERTS));
      plain.search.push(wallMs([BIN, 'search', 'oil prices', '--db', dbFile], WITHOUT_EXTRA_CERTS));
    }
  }
  const bareMs = median(bare);
  const everyCommand = otherCommands(dbFile, top);
  const commandTimes = Object.fromEntries(
    Object.entries(times).map(([name, xs]) => [
      name,
      {
        processMs: round2(median(xs)),
        minusBareNodeMs: round2(median(xs) - bareMs),
        ratioToBareNode: round2(median(xs) / bareMs),
      },
    ]),
  );
  return {
    size,
    characters: chars,
    floorSeconds: round2(floorSeconds),
    ingest: {
      seconds: round2(run.seconds),
      articlesPerSecond: Math.round(size / run.seconds),
      ratioToFloor: round2(run.seconds / floorSeconds),
      peakRssMB: run.peakRssMB,
      databaseBytes: dbBytes,
      bytesPerInputChar: round2(dbBytes / chars),
      summary: run.summary,
    },
    search: {
      rankExtension,
      p50Ms: round2(percentile(all, 50)),
      p95Ms: round2(percentile(all, 95)),
      // The mix of runs 1-8 (before 'name and word' and 'tag' were added), to compare with them.
      p95MsEarlierMix: p95Without(samples, ['name and word', 'tag', HUGE_NAMES]),
      // The mix before HUGE_NAMES was added (runs 9-35 and the scale-sizes files before 2026-12-07).
      p95MsBeforeHugeNames: p95Without(samples, [HUGE_NAMES]),
      byKind,
    },
    bareNodeMs: round2(bareMs),
    commands: commandTimes,
    withoutExtraCaCerts: WITHOUT_EXTRA_CERTS
      ? {
          bareNodeMs: round2(median(plain.bare)),
          searchProcessMs: round2(median(plain.search)),
          searchRatioToBareNode: round2(median(plain.search) / median(plain.bare)),
        }
      : null,
    commandsInProcessMs: inProcess,
    otherCommands: everyCommand,
    loadAverage: { before: loadBefore, after: os.loadavg().map(round2) },
  };
}

/**
 * Every other query command as a process, on the largest entities (medians of three, with the exit
 * status and the lines printed): what a user of a big archive runs beside search, timeline and
 * entity. Added when the first such run found `duplicates` crashing at a million articles (exit 70
 * after 15 s) and `events` taking 1.6 s; nothing measured them before.
 */
function otherCommands(dbFile: string, top: { person: string; country: string; org: string }) {
  const commands: string[][] = [
    ['timeline'],
    ['events'],
    ['events', '--entity', top.country],
    ['duplicates'],
    ['graph', top.country],
    ['graph', top.person, '--depth', '2'],
    ['trends', top.country],
    ['trends', top.country, top.person],
    ['trends', '--rising'],
    ['mentions', top.person],
    ['search', 'oil', '--facets'],
    ['search', top.country, '--sort', 'date'],
    ['show', '1'],
  ];
  return Object.fromEntries(
    commands.map((args) => {
      const runs = [0, 1, 2].map(() => {
        const started = performance.now();
        const run = spawnSync(process.execPath, [BIN, ...args, '--db', dbFile], {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
          env: { ...process.env, NO_COLOR: '1', PAGER: 'cat' },
        });
        return { ms: performance.now() - started, exit: run.status, lines: run.stdout.split('\n').length - 1 };
      });
      const name = args.join(' ');
      const result = { processMs: round2(median(runs.map((r) => r.ms))), exit: runs[0].exit, lines: runs[0].lines };
      process.stderr.write(`  ${name}: ${result.processMs} ms, exit ${result.exit}, ${result.lines} lines\n`);
      return [name, result];
    }),
  );
}

type Step = { seconds: number; peakRssMB: number };
function stepOf(x: { ingest: { summary: unknown } }, step: string): Step | undefined {
  return (x.ingest.summary as { steps?: Record<string, Step> } | null)?.steps?.[step];
}

function exponent<T extends { size: number }>(a: T, b: T, f: (x: T) => number): number {
  return round2(Math.log(f(b) / f(a)) / Math.log(b.size / a.size));
}

/**
 * One corpus-wide step of an ingest alone, in this (child) process, on a database whose step is
 * undone first as a fresh ingest finds it: entity resolution with every document's evidence unread,
 * near-duplicates with no signature, corpus events with no statement. Prints its seconds and the
 * process's peak RSS before and after it.
 */
async function stepChild(step: string, dbFile: string): Promise<void> {
  const { openDatabase } = await import('../src/store/db.js');
  const db = openDatabase(dbFile);
  const run = await (async (): Promise<() => unknown> => {
    if (step === 'resolution') {
      const { forgetEvidence } = await import('../src/store/resolution.js');
      const { resolveCorpus } = await import('../src/entities/run.js');
      forgetEvidence(db);
      return () => resolveCorpus(db);
    }
    if (step === 'duplicates') {
      const { clearNearDuplicates } = await import('../src/store/duplicates.js');
      const { updateNearDuplicates } = await import('../src/dedup/update.js');
      clearNearDuplicates(db);
      return () => updateNearDuplicates(db);
    }
    const { forgetStatements } = await import('../src/store/events.js');
    const { updateCorpusEvents } = await import('../src/ingest/corpus-events.js');
    forgetStatements(db);
    return () => updateCorpusEvents(db, { changed: true });
  })();
  const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
  const before = rssMB();
  const started = performance.now();
  run();
  const seconds = round2((performance.now() - started) / 1000);
  db.close();
  process.stdout.write(JSON.stringify({ seconds, peakRssMB: rssMB(), rssBeforeMB: before }));
}

/**
 * `--corpus-steps`: each corpus-wide step alone (see stepChild), on a copy of the database an earlier
 * run ingested at each size, in a process of its own: a quick loop for their time and memory.
 */
function corpusSteps(sizes: number[]): void {
  const steps = ['resolution', 'duplicates', 'events'];
  const results = sizes.map((size) => {
    const source = path.join(TMP, `corpus-${size}.db`);
    if (!fs.existsSync(source)) throw new Error(`${source}: not ingested yet (run without --corpus-steps first)`);
    const copy = path.join(TMP, `steps-${size}.db`);
    const figures: Record<string, unknown> = {};
    for (const step of steps) {
      copyDatabase(source, copy);
      const out = execFileSync(
        process.execPath,
        [path.join(ROOT, 'dist', 'bench', 'scale.js'), '--step-child', step, copy],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      figures[step] = JSON.parse(out);
      process.stderr.write(`${size} ${step}: ${out}\n`);
    }
    removeDatabase(copy);
    return { size, steps: figures };
  });
  writeModeResult('scale-steps', 'scale --corpus-steps', results);
}

/** Articles in each batch `--increment` adds. */
const INCREMENT = 100;

/**
 * `--increment`: what an archive that grows pays at each ingest. Into a copy of the database an
 * earlier run ingested at each size, two batches of INCREMENT articles more, as the corpus would go on
 * (articles N… of the same generator: new copies, new hashes), each a `corpus ingest` of its own:
 * wall time, peak RSS and the ingest's own steps. The first pays for any schema upgrade the copy
 * needs; the second is the steady state.
 */
async function increments(sizes: number[]): Promise<void> {
  const records = await reutersRecords();
  const results = sizes.map((size) => {
    const source = path.join(TMP, `corpus-${size}.db`);
    if (!fs.existsSync(source)) throw new Error(`${source}: not ingested yet (run without --increment first)`);
    const copy = path.join(TMP, `increment-${size}.db`);
    copyDatabase(source, copy);
    const batches = [0, 1].map((k) => {
      const file = path.join(TMP, `increment-${size}-${k}.jsonl`);
      const first = size + k * INCREMENT;
      const lines = Array.from({ length: INCREMENT }, (_, i) => JSON.stringify(articleAt(records, first + i)));
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      const run = ingest(file, copy, true);
      fs.rmSync(file);
      const summary = run.summary as { new: number; steps?: unknown; resolutionSeconds?: number };
      process.stderr.write(`${size} + ${INCREMENT} (batch ${k + 1}): ${round2(run.seconds)} s\n`);
      return {
        articles: summary.new,
        seconds: round2(run.seconds),
        peakRssMB: run.peakRssMB,
        resolutionSeconds: summary.resolutionSeconds,
        steps: summary.steps,
      };
    });
    removeDatabase(copy);
    return { size, batches };
  });
  writeModeResult('scale-increment', 'scale --increment', results);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--search-child') return searchChild(process.argv[3]);
  if (process.argv[2] === '--commands-child') return commandsChild(process.argv[3], process.argv.slice(4));
  if (process.argv[2] === '--step-child') return stepChild(process.argv[3], process.argv[4]);
  const sizes = (arg('--sizes') ?? '20000,200000').split(',').map(Number);
  if (process.argv.includes('--corpus-steps')) return corpusSteps(sizes);
  if (process.argv.includes('--increment')) return increments(sizes);
  const records = await reutersRecords();
  if (process.argv.includes('--build-only')) {
    for (const size of sizes) process.stderr.write(`${buildCorpus(records, size).file}\n`);
    return;
  }
  type R = Awaited<ReturnType<typeof measureSize>>;
  const results: R[] = [];
  const queriesOnly = process.argv.includes('--queries-only');
  for (const size of sizes) results.push(await measureSize(records, size, queriesOnly));
  const growth = results.slice(1).map((r, i) => ({
    from: results[i].size,
    to: r.size,
    ingestTime: exponent(results[i], r, (x: R) => x.ingest.seconds),
    // The ingest's own steps (`corpus ingest --json` reports them): storing the documents, the corpus-wide
    // work after it (entity resolution and near-duplicates), and the corpus events.
    ...Object.fromEntries(
      (['documents', 'afterIngest', 'events'] as const).map((step) => [
        `${step}Time`,
        exponent(results[i], r, (x: R) => stepOf(x, step)?.seconds ?? Number.NaN),
      ]),
    ),
    peakRss: exponent(results[i], r, (x: R) => x.ingest.peakRssMB),
    floorTime: exponent(results[i], r, (x: R) => x.floorSeconds),
    searchP95: exponent(results[i], r, (x: R) => x.search.p95Ms),
    databaseBytes: exponent(results[i], r, (x: R) => x.ingest.databaseBytes),
  }));
  const result = {
    benchmark: 'scale',
    corpus: 'Reuters-21578, Distribution 1.0, copies with sentences shuffled and dates shifted (see bench/scale.ts)',
    date: new Date().toISOString(),
    machine: machine(),
    sizes: results,
    growthExponents: growth,
  };
  const out = writeResult(arg('--out') ?? 'scale', result);
  process.stderr.write(`scale → ${path.relative(ROOT, out)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
