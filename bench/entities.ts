/**
 * `npm run bench:entities` → bench/results/entities.json
 *
 * Entity quality and speed on Reuters-21578 (the JSON Lines file, `--jsonl FILE`, default
 * /tmp/reuters.jsonl), ingested by the real CLI in a child process (`--db FILE` reuses an ingested
 * database instead):
 *
 * - junk among the 50 most mentioned PERSON and ORG entities (a general test of the name's form:
 *   legal suffixes or generic words alone, months and weekdays, initials, digits glued to words,
 *   company words in a person's name), listed;
 * - splits: for the 30 most mentioned people and organisations, the canonical entities each is
 *   split into. Split candidates come from Reuters' own `people`/`orgs` codes where one fits
 *   (weak labels: entities whose name matches the code and whose documents are mostly tagged with
 *   it), else from the alias-key family (surname, acronym initials, legal-suffix and spelling
 *   variants, one-letter typos) restricted to names found in the same documents;
 * - names split across types: entities of one key and different types where one is named in four
 *   times the documents of the other (`Texas` the place and `Texas` an organisation), the
 *   minority's mentions counted and the largest listed;
 * - coverage (the held-out check, measured with the codes): for each code on ≥ 5 articles, of the
 *   tagged articles that mention the person or organisation in any form, the share one canonical
 *   entity covers;
 * - the resolution's share of a full ingest, and the median wall time of `corpus entities` and
 *   `corpus entity NAME` (7 runs each, child processes).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isAcronym, lastWord, orgVariantKey, stripTitles, withinOneEdit, wordCount } from '../src/core/name-forms.js';
import { createHash } from 'node:crypto';
import { resolveCorpus } from '../src/entities/run.js';
import { handle, openDatabase as openStore } from '../src/store/db.js';
import { tableContents } from '../src/store/inspect.js';
import { documentPaths, entityMentionRows, forgetEvidence, linkLines } from '../src/store/resolution.js';
import { arg, machine, median, ROOT, writeResult } from './reuters.js';

const BIN = path.join(ROOT, 'bin', 'corpus.cjs');
const TOP_JUNK = 50;
const TOP_SPLIT = 30;

interface Entity {
  id: number;
  type: string;
  name: string;
  key: string;
  mentions: number;
  docs: Set<number>;
}

const LEGAL = new Set(
  'inc corp co ltd plc llc ag sa nv bv gmbh spa cos company corporation limited bank group holdings'.split(' '),
);
const MONTHS = new Set(
  'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

/** Why a name is not a name, or null. */
export function junkReason(type: string, name: string): string | null {
  const words = name.split(/\s+/).filter(Boolean);
  const folded = words.map((w) => w.toLowerCase().replace(/[.,']/g, ''));
  if (/^[A-Z]\.?$/.test(name) || words.every((w) => /^(?:[A-Z]\.)+$/.test(w))) return 'initials only';
  if (words.some((w) => /\p{L}\d|\d\p{L}/u.test(w))) return 'digits glued to a word';
  if (folded.every((w) => LEGAL.has(w) || MONTHS.has(w))) return 'only a legal suffix, generic word, month or weekday';
  if (
    folded.some((w) => MONTHS.has(w)) &&
    words.length <= 2 &&
    folded.filter((w) => !MONTHS.has(w)).every((w) => w.length <= 5)
  ) {
    return 'a date or table fragment';
  }
  if (type === 'PERSON' && folded.some((w) => ['inc', 'corp', 'ltd', 'plc', 'co'].includes(w)))
    return "a company word in a person's name";
  if (name === name.toLowerCase()) return 'no capital letter';
  return null;
}

function load(dbFile: string): { entities: Entity[]; tags: Map<number, { people: string[]; orgs: string[] }> } {
  // A plain read-only handle: the baseline may be a database of an older schema.
  const db = new Database(dbFile, { readonly: true });
  const rows = entityMentionRows(handle(db));
  const byId = new Map<number, Entity>();
  for (const r of rows) {
    let e = byId.get(r.id);
    if (!e) byId.set(r.id, (e = { id: r.id, type: r.type, name: r.name, key: r.key, mentions: 0, docs: new Set() }));
    e.mentions++;
    e.docs.add(r.doc);
  }
  // The Reuters codes of each document, read back from the file its path names.
  const paths = documentPaths(handle(db));
  db.close();
  const lines = new Map<string, string[]>();
  for (const p of paths) {
    const m = /^(.*\.jsonl):(\d+)$/.exec(p.path);
    if (!m) continue;
    if (!lines.has(m[1])) lines.set(m[1], fs.existsSync(m[1]) ? fs.readFileSync(m[1], 'utf8').split('\n') : []);
  }
  const tags = new Map<number, { people: string[]; orgs: string[] }>();
  for (const p of paths) {
    const m = /^(.*\.jsonl):(\d+)$/.exec(p.path);
    const line = m ? lines.get(m[1])?.[Number(m[2]) - 1] : undefined;
    if (!line) continue;
    const r = JSON.parse(line) as { people?: string[]; orgs?: string[] };
    tags.set(p.doc, { people: r.people ?? [], orgs: r.orgs ?? [] });
  }
  return { entities: [...byId.values()], tags };
}

/** Whether an entity's name fits a Reuters code (`james-baker`, `reagan`, `ec`, `worldbank`, `ico-coffee`). */
function fitsCode(e: Entity, code: string): boolean {
  const parts = code.split('-');
  if (e.type === 'PERSON') {
    const surname = parts[parts.length - 1];
    return lastWord(stripTitles(e.key)) === surname;
  }
  const head = parts[0];
  const words = orgVariantKey(e.key).split(' ').filter(Boolean);
  const squashed = words.join('');
  const initials = words.map((w) => w[0]).join('');
  const content = words
    .filter((w) => !['of', 'for', 'and', 'the', 'on', 'in', 'de'].includes(w))
    .map((w) => w[0])
    .join('');
  return (
    squashed === head || squashed === parts.join('') || (words.length >= 2 && (initials === head || content === head))
  );
}

interface CodeSplit {
  code: string;
  type: string;
  articles: number;
  /** Tagged articles that mention it in any of the forms found. */
  mentioning: number;
  /** Of those, the share the best single entity covers. */
  coverage: number;
  entities: { name: string; documents: number; tagged: number }[];
}

function codeSplits(entities: Entity[], tags: Map<number, { people: string[]; orgs: string[] }>): CodeSplit[] {
  const byCode = new Map<string, { type: string; docs: Set<number> }>();
  for (const [doc, t] of tags) {
    for (const [type, list] of [
      ['PERSON', t.people],
      ['ORG', t.orgs],
    ] as const) {
      for (const code of list) {
        const k = `${type}:${code}`;
        if (!byCode.has(k)) byCode.set(k, { type, docs: new Set() });
        byCode.get(k)!.docs.add(doc);
      }
    }
  }
  const out: CodeSplit[] = [];
  for (const [k, { type, docs }] of byCode) {
    if (docs.size < 5) continue;
    const code = k.slice(k.indexOf(':') + 1);
    const parts = entities
      .filter((e) => e.type === type && fitsCode(e, code))
      .map((e) => {
        let tagged = 0;
        for (const d of e.docs) if (docs.has(d)) tagged++;
        return { e, tagged };
      })
      // Mostly about the coded one: at least two tagged articles and half its documents tagged.
      .filter((x) => x.tagged >= 2 && x.tagged * 2 >= x.e.docs.size)
      .sort((a, b) => b.tagged - a.tagged);
    const any = new Set<number>();
    for (const p of parts) for (const d of p.e.docs) if (docs.has(d)) any.add(d);
    out.push({
      code,
      type,
      articles: docs.size,
      mentioning: any.size,
      coverage: any.size ? Math.round((parts[0].tagged / any.size) * 1000) / 1000 : 0,
      entities: parts.map((p) => ({ name: p.e.name, documents: p.e.docs.size, tagged: p.tagged })),
    });
  }
  return out.sort((a, b) => b.articles - a.articles);
}

/** Other entities of the same type a top entity's name family reaches, found in its documents. */
function familySplits(e: Entity, all: Entity[]): string[] {
  const key = e.type === 'PERSON' ? stripTitles(e.key) : orgVariantKey(e.key);
  const words = key.split(' ');
  const initials = words.map((w) => w[0]).join('');
  const content = words
    .filter((w) => !['of', 'for', 'and', 'the'].includes(w))
    .map((w) => w[0])
    .join('');
  const out: string[] = [];
  for (const f of all) {
    if (f.id === e.id || f.type !== e.type) continue;
    const fk = f.type === 'PERSON' ? stripTitles(f.key) : orgVariantKey(f.key);
    let related = false;
    if (e.type === 'PERSON') {
      related =
        fk === key ||
        (wordCount(fk) === 1 && fk === lastWord(key) && wordCount(key) >= 2) ||
        (fk.length >= 10 && withinOneEdit(fk, key));
    } else {
      related =
        fk === key ||
        (isAcronym(f.name) && wordCount(key) >= 2 && (fk === initials || fk === content)) ||
        (isAcronym(e.name) &&
          wordCount(fk) >= 2 &&
          key ===
            fk
              .split(' ')
              .map((w) => w[0])
              .join('')) ||
        (fk.length >= 12 && withinOneEdit(fk, key));
    }
    if (!related) continue;
    let together = 0;
    for (const d of f.docs) if (e.docs.has(d)) together++;
    // A name of its own that never shares a document is more likely someone else.
    if (together > 0 || f.docs.size <= 2) out.push(`${f.name} (${f.docs.size} docs)`);
  }
  return out;
}

function timeCli(args: string[], runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`corpus ${args.join(' ')}: ${r.stderr}`);
    times.push(performance.now() - t);
  }
  return Math.round(median(times));
}

/** The store queries behind the commands, in this process (no Node start-up): median ms of 7. */
async function timeQueries(dbFile: string): Promise<Record<string, { wallMs: number; cpuMs: number }>> {
  const { openDatabase } = await import('../src/store/db.js');
  const store = await import('../src/store/entities.js');
  // Wall time, and CPU time (less sensitive to other processes on a shared machine).
  const time = (f: () => unknown) => {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      f();
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      times.push(performance.now() - t);
    }
    return { wallMs: Math.round(median(times) * 10) / 10, cpuMs: Math.round(median(cpu) * 10) / 10 };
  };
  const withDb = (f: (db: ReturnType<typeof openDatabase>) => unknown) => () => {
    const db = openDatabase(dbFile, { readonly: true });
    try {
      f(db);
    } finally {
      db.close();
    }
  };
  const detail = (name: string) => withDb((db) => store.entityDetail(db, store.resolveEntities(db, name)[0].id));
  return {
    entitiesMs: time(withDb((db) => store.listEntities(db, { limit: 50 }))),
    entityReaganMs: time(detail('Reagan')),
    entityUnitedStatesMs: time(detail('United States')),
    suspectsMs: time(withDb((db) => store.suspectDuplicates(db, 50))),
  };
}

function quality(dbFile: string) {
  const loaded = load(dbFile);
  const { tags } = loaded;
  // People and organisations, which the Reuters codes label; every type for the splits across types.
  const entities = loaded.entities.filter((e) => e.type === 'PERSON' || e.type === 'ORG');
  const top = (type: string, n: number) =>
    entities
      .filter((e) => e.type === type)
      .sort((a, b) => b.mentions - a.mentions || a.id - b.id)
      .slice(0, n);
  const junk = (type: string) =>
    top(type, TOP_JUNK)
      .map((e) => ({ name: e.name, mentions: e.mentions, reason: junkReason(type, e.name) }))
      .filter((x) => x.reason !== null);
  const codes = codeSplits(entities, tags);
  const splitsOf = (type: string) =>
    top(type, TOP_SPLIT).map((e) => {
      const code = codes.find((c) => c.type === type && c.entities.some((x) => x.name === e.name));
      if (code)
        return {
          name: e.name,
          mentions: e.mentions,
          by: `reuters code ${code.code}`,
          canonical: code.entities.length,
          entities: code.entities.map((x) => `${x.name} (${x.tagged}/${x.documents} docs tagged)`),
        };
      const family = familySplits(e, entities);
      return {
        name: e.name,
        mentions: e.mentions,
        by: 'alias-key family',
        canonical: 1 + family.length,
        entities: [e.name, ...family],
      };
    });
  const people = splitsOf('PERSON');
  const orgs = splitsOf('ORG');
  const byKey = new Map<string, Entity[]>();
  for (const e of loaded.entities) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  const acrossTypes = [...byKey.values()].flatMap((list) => {
    const [major, ...others] = [...list].sort((a, b) => b.docs.size - a.docs.size || a.id - b.id);
    return others
      .filter((e) => e.type !== major.type && major.docs.size >= 4 * e.docs.size)
      .map((e) => ({
        name: e.name,
        type: e.type,
        mentions: e.mentions,
        prevailing: `${major.type} ${major.docs.size} docs`,
      }));
  });
  acrossTypes.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
  const coverage = codes.filter((c) => c.mentioning > 0);
  return {
    junk: { PERSON: junk('PERSON'), ORG: junk('ORG') },
    splits: {
      PERSON: {
        split: people.filter((p) => p.canonical > 1).length,
        meanCanonical: mean(people.map((p) => p.canonical)),
        list: people,
      },
      ORG: {
        split: orgs.filter((p) => p.canonical > 1).length,
        meanCanonical: mean(orgs.map((p) => p.canonical)),
        list: orgs,
      },
    },
    typeSplits: {
      names: acrossTypes.length,
      mentions: acrossTypes.reduce((n, e) => n + e.mentions, 0),
      largest: acrossTypes.slice(0, 15),
    },
    coverage: {
      codes: coverage.length,
      mean: mean(coverage.map((c) => c.coverage)),
      atLeast90: coverage.filter((c) => c.coverage >= 0.9).length,
      list: coverage,
    },
  };
}

/**
 * Order-independence: every document's evidence read again and the whole corpus resolved again, as
 * a second pass would; the links that change (target or rule) and the mentions that move.
 */
function secondPass(dbFile: string): { links: number; changed: string[]; mentionsMoved: number } {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bench-pass-')), 'r.db');
  fs.copyFileSync(dbFile, copy);
  const store = openStore(copy);
  try {
    const before = linkLines(store);
    forgetEvidence(store);
    const r = resolveCorpus(store, { full: true });
    const after = new Set(linkLines(store));
    const was = new Set(before);
    const changed = [
      ...before.filter((l) => !after.has(l)).map((l) => `- ${l}`),
      ...[...after].filter((l) => !was.has(l)).map((l) => `+ ${l}`),
    ];
    return { links: before.length, changed, mentionsMoved: r.mentions };
  } finally {
    store.close();
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  }
}

/** Each table's content hash (as the resume-equivalence test compares them). */
function contentHashes(file: string): Record<string, string> {
  const store = openStore(file, { readonly: true });
  try {
    const out: Record<string, string> = {};
    for (const [table, rows] of Object.entries(tableContents(store)))
      out[table] = createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16);
    return out;
  } finally {
    store.close();
  }
}

/**
 * Incremental: the same file ingested as two parts (all but the last `tail` articles, then those),
 * the second ingest's resolution time, and whether the database then holds what one ingest stores.
 */
function incremental(jsonl: string, full: string, tail: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bench-incr-'));
  const lines = fs
    .readFileSync(jsonl, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const a = path.join(dir, 'a.jsonl');
  const b = path.join(dir, 'b.jsonl');
  fs.writeFileSync(a, `${lines.slice(0, -tail).join('\n')}\n`);
  fs.writeFileSync(b, `${lines.slice(-tail).join('\n')}\n`);
  const db = path.join(dir, 'r.db');
  const run = (file: string) =>
    JSON.parse(
      execFileSync(process.execPath, [BIN, 'ingest', file, '--db', db, '--json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      }),
    ) as { seconds: number; resolutionSeconds: number };
  const first = run(a);
  const second = run(b);
  const mine = contentHashes(db);
  const theirs = contentHashes(full);
  // Paths differ by design (two files instead of one): the entity tables are compared.
  const tables = [
    'entities',
    'aliases',
    'mentions',
    'entity_links',
    'entity_doc_links',
    'entity_stats',
    'corpus_counts',
  ];
  const differ = tables.filter((t) => mine[t] !== theirs[t]);
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    articlesAdded: tail,
    firstResolutionSeconds: Math.round(first.resolutionSeconds * 100) / 100,
    secondIngestSeconds: Math.round(second.seconds * 100) / 100,
    secondResolutionSeconds: Math.round(second.resolutionSeconds * 100) / 100,
    sameAsOneIngest: differ.length === 0,
    tablesThatDiffer: differ,
  };
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : 0);

async function main(): Promise<void> {
  const jsonl = arg('--jsonl') ?? '/tmp/reuters.jsonl';
  const baseline = arg('--baseline');
  let dbFile = arg('--db');
  let made: string | null = null;
  let ingest: Record<string, number> | null = null;
  if (!dbFile) {
    if (!fs.existsSync(jsonl)) throw new Error(`${jsonl}: no such file (give --jsonl FILE)`);
    made = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bench-entities-'));
    dbFile = path.join(made, 'r.db');
    const out = execFileSync(process.execPath, [BIN, 'ingest', jsonl, '--db', dbFile, '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const summary = JSON.parse(out) as { seconds: number; resolutionSeconds: number; documents: number };
    ingest = {
      documents: summary.documents,
      seconds: Math.round(summary.seconds * 10) / 10,
      resolutionSeconds: Math.round(summary.resolutionSeconds * 100) / 100,
      resolutionShare: Math.round((summary.resolutionSeconds / summary.seconds) * 1000) / 1000,
    };
  }
  const queries = await timeQueries(dbFile);
  const timings = {
    entitiesMs: timeCli(['entities', '--db', dbFile]),
    entitiesPersonMs: timeCli(['entities', '--type', 'PERSON', '--db', dbFile]),
    entityReaganMs: timeCli(['entity', 'Reagan', '--db', dbFile]),
    entityUnitedStatesMs: timeCli(['entity', 'United States', '--db', dbFile]),
    suspectsMs: timeCli(['entities', '--suspects', '--db', dbFile]),
  };
  const pass = secondPass(dbFile);
  const incr = ingest && !process.argv.includes('--no-incremental') ? incremental(jsonl, dbFile, 1000) : null;
  const result = {
    machine: { ...machine(), loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10) },
    data: jsonl,
    ingest,
    /** A second pass over the same corpus: links (target or rule) that change, mentions that move (target 0). */
    secondPass: pass,
    /** The last 1,000 articles ingested after the rest: what that resolution costs, and the same result as one ingest. */
    incremental: incr,
    /** Whole commands in child processes (Node start-up included), median of 7 wall-clock runs. */
    timings,
    /** The same work in this process, without start-up. */
    queries,
    quality: quality(dbFile),
    ...(baseline ? { baseline: { db: baseline, quality: quality(baseline) } } : {}),
  };
  const file = writeResult('entities', result);
  const q = result.quality;
  console.log(
    `${file}: junk PERSON ${q.junk.PERSON.length}, ORG ${q.junk.ORG.length}; split of top ${TOP_SPLIT}: PERSON ${q.splits.PERSON.split}, ORG ${q.splits.ORG.split}; ` +
      `split across types: ${q.typeSplits.names} names, ${q.typeSplits.mentions} mentions${result.baseline ? ` (baseline ${result.baseline.quality.typeSplits.names}, ${result.baseline.quality.typeSplits.mentions})` : ''}; ` +
      `coverage mean ${q.coverage.mean} (${q.coverage.atLeast90}/${q.coverage.codes} codes ≥ 0.9); ` +
      `${ingest ? `resolution ${(ingest.resolutionShare * 100).toFixed(1)}% of ingest; ` : ''}` +
      `second pass: ${pass.changed.length} of ${pass.links} links change, ${pass.mentionsMoved} mentions move; ` +
      `${incr ? `+1000 articles: resolution ${incr.secondResolutionSeconds} s of ${incr.secondIngestSeconds} s, same as one ingest: ${incr.sameAsOneIngest}; ` : ''}entities ${timings.entitiesMs} ms (query ${queries.entitiesMs.wallMs} ms, cpu ${queries.entitiesMs.cpuMs}), entity ${timings.entityReaganMs} ms (${queries.entityReaganMs.wallMs}, cpu ${queries.entityReaganMs.cpuMs})`,
  );
  // The database it made (a database given with --db is the caller's).
  if (made) fs.rmSync(made, { recursive: true, force: true });
}

await main();
