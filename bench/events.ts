/**
 * `npm run bench:events` → bench/results/events.json
 *
 * Corpus-level events, measured:
 * - seeds: the 19 gold events (../shared/gold/seeds.gold.json) found by the per-document finder with
 *   their dates, and the dated ones on the seeds' timeline;
 * - Reuters-21578 (ingested from one JSON Lines file): the default digest's size for a dozen
 *   entities, `timeline` latency on the largest entity (in process), the cost of clustering next to
 *   the rest of the ingest, and how well reports of one happening end up in one event.
 *
 * "The same happening reported by articles" is defined without the clustering: the dated statements
 * (one per sentence and date, see nlp/statements.ts) that share a participant entity, the exact
 * same day and the same action key (verb + object head, or event noun). Every such group reported
 * by at least 5 distinct reports (wire copies counted once) is a happening; its merge share is the
 * largest fraction of its reports whose statements sit in one single event. The action key comes
 * from the same extractor, so this measures merging (across articles, wordings of the date, days
 * and names), not how well actions are read.
 *
 *   node dist/bench/events.js [--reuters FILE.jsonl] [--db FILE]   (--db: reuse an ingested database)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase, type Store } from '../src/store/db.js';
import { ingest } from '../src/ingest/pipeline.js';
import { updateCorpusEvents } from '../src/ingest/corpus-events.js';
import { resolveCorpus } from '../src/entities/run.js';
import { updateNearDuplicates } from '../src/dedup/update.js';
import { buildTimeline } from '../src/timeline/query.js';
import {
  allStatements,
  corpusEventCounts,
  documentEventsByPath,
  eventOfStatements,
  forgetStatements,
  mostMentionedEntity,
} from '../src/store/events.js';
import { EVENT_NOUN_FORMS } from '../src/nlp/event-nouns.js';
import { arg, machine, median, REUTERS_JSONL, ROOT, SHARED, writeResult } from './reuters.js';

interface GoldEvent {
  name: string;
  date: string | null;
  place: string | null;
}
interface GoldDoc {
  id: string;
  events: GoldEvent[];
}

const ENTITIES = [
  'Brazil',
  'Japan',
  'United States',
  'OPEC',
  'Texaco',
  'Ecuador',
  'West Germany',
  'Reagan',
  'Nakasone',
  'Baker',
  'Iran',
  'Mexico',
  'Argentina',
  'Saudi Arabia',
  'Britain',
];

/** The kind of an event name's head noun (`talks`, `meeting`, `summit` are one kind: `meet`). */
function headNoun(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/\s*\(\d+\)$/, '')
    .split(/\s+/);
  const noun = EVENT_NOUN_FORMS.get(words.slice(-2).join(' ')) ?? EVENT_NOUN_FORMS.get(words[words.length - 1]);
  return noun ? (noun.group ?? noun.lemma) : words[words.length - 1];
}

async function seeds(dir: string) {
  const gold = JSON.parse(fs.readFileSync(path.join(SHARED, 'gold', 'seeds.gold.json'), 'utf8')) as { docs: GoldDoc[] };
  const file = path.join(dir, 'seeds.db');
  const db = openDatabase(file, { create: true });
  await ingest(db, [path.join(ROOT, 'seeds')], { workers: 0 });
  // Per-document events (the finder), by document file name.
  const found = documentEventsByPath(db);
  const timeline = buildTimeline(db, { all: true });
  db.close();
  let withDates = 0;
  let dated = 0;
  let onTimeline = 0;
  const missed: string[] = [];
  for (const doc of gold.docs) {
    const mine = found.filter((f) => path.basename(f.path) === doc.id);
    for (const g of doc.events) {
      const hit = mine.find((f) => f.date === g.date && headNoun(f.name) === headNoun(g.name));
      if (hit) withDates++;
      else missed.push(`${doc.id}: ${g.name} (${g.date ?? 'undated'})`);
      if (g.date) {
        dated++;
        if (
          timeline.entries.some(
            (e) => e.date.value === g.date && e.kind === 'event' && headNoun(e.name) === headNoun(g.name),
          )
        )
          onTimeline++;
      }
    }
  }
  const total = gold.docs.reduce((n, d) => n + d.events.length, 0);
  return { goldEvents: total, foundWithDates: withDates, missed, datedGoldEvents: dated, datedOnTimeline: onTimeline };
}

function reutersFile(dir: string): string {
  const given = arg('--reuters');
  if (given) return given;
  if (fs.existsSync('/tmp/reuters.jsonl')) return '/tmp/reuters.jsonl';
  const out = path.join(dir, 'reuters.jsonl');
  fs.writeFileSync(out, zlib.gunzipSync(fs.readFileSync(REUTERS_JSONL)));
  return out;
}

function mergeShare(db: Store) {
  const statements = allStatements(db);
  const eventOf = eventOfStatements(db);
  const groups = new Map<string, Map<string, Set<number>>>(); // happening → report → its events
  for (const s of statements) {
    if (s.date.granularity !== 'day' || s.action.endsWith(':')) continue;
    for (const entity of new Set([...(s.subjectId !== null ? [s.subjectId] : []), ...s.participantIds])) {
      const key = `${entity}|${s.date.value}|${s.action}`;
      let reports = groups.get(key);
      if (!reports) groups.set(key, (reports = new Map()));
      const events = reports.get(s.report) ?? new Set<number>();
      events.add(eventOf.get(s.id) ?? -s.id);
      reports.set(s.report, events);
    }
  }
  const shares: { happening: string; reports: number; share: number }[] = [];
  for (const [key, reports] of groups) {
    if (reports.size < 5) continue;
    const perEvent = new Map<number, number>();
    for (const events of reports.values()) for (const e of events) perEvent.set(e, (perEvent.get(e) ?? 0) + 1);
    const biggest = Math.max(...perEvent.values());
    shares.push({ happening: key, reports: reports.size, share: biggest / reports.size });
  }
  const mean = shares.reduce((a, b) => a + b.share, 0) / (shares.length || 1);
  return {
    happenings: shares.length,
    meanShare: Math.round(mean * 1000) / 1000,
    lowest: shares.sort((a, b) => a.share - b.share).slice(0, 5),
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bench-events-'));
  const seedResult = await seeds(dir);
  console.error('seeds', seedResult);

  let dbFile = arg('--db');
  let ingestSeconds: number | null = null;
  let clusterSeconds: number | null = null;
  if (!dbFile) {
    dbFile = path.join(dir, 'reuters.db');
    console.error(`ingesting Reuters into ${dbFile}`);
    const db = openDatabase(dbFile, { create: true });
    const started = performance.now();
    // As `corpus ingest` does: entities resolved across documents and wire copies found, before the
    // events (whose participants and support counts depend on both).
    await ingest(db, [reutersFile(dir)], {
      afterIngest: (store) => {
        const { seconds } = resolveCorpus(store);
        updateNearDuplicates(store);
        return seconds;
      },
    });
    ingestSeconds = (performance.now() - started) / 1000;
    // The same work again, alone: statements of every document and the clustering (the ingest ran it once).
    forgetStatements(db);
    clusterSeconds = updateCorpusEvents(db, { changed: true })!.seconds;
    db.close();
  }
  const db = openDatabase(dbFile, { readonly: !!arg('--db') });
  const digests = ENTITIES.map((name) => {
    try {
      const t = buildTimeline(db, { entity: name });
      return {
        entity: name,
        resolvedTo: t.entity?.name,
        digest: t.entries.length,
        leftOutEvents: t.leftOut.events,
        top: t.entries
          .slice()
          .sort((a, b) => b.support.documents - a.support.documents)
          .slice(0, 5)
          .map((e) => `${e.date.value} ${e.name} (${e.support.documents})`),
      };
    } catch (error) {
      return { entity: name, error: (error as Error).message };
    }
  });
  const largest = mostMentionedEntity(db);
  // As `corpus timeline ENTITY` builds it (one quoted report per event), and with every report (--json).
  const times: number[] = [];
  const jsonTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    buildTimeline(db, { entity: largest, maxSources: 1 });
    times.push(performance.now() - t);
    t = performance.now();
    buildTimeline(db, { entity: largest });
    jsonTimes.push(performance.now() - t);
  }
  const share = mergeShare(db);
  const counts = corpusEventCounts(db);
  db.close();

  const result = {
    machine: machine(),
    date: new Date().toISOString(),
    seeds: seedResult,
    reuters: {
      corpusEvents: counts,
      digests,
      maxDigest: Math.max(...digests.map((d) => ('digest' in d ? (d.digest ?? 0) : 0))),
      timelineLargestEntity: {
        entity: largest,
        medianMs: Math.round(median(times) * 10) / 10,
        runsMs: times.map((t) => Math.round(t)),
        jsonMedianMs: Math.round(median(jsonTimes) * 10) / 10,
      },
      ingestSeconds,
      clusteringSeconds: clusterSeconds,
      // The clustering's share of an ingest: its cost over the rest of the ingest (same run, same load).
      clusteringOverIngest:
        ingestSeconds && clusterSeconds
          ? Math.round((clusterSeconds / (ingestSeconds - clusterSeconds)) * 1000) / 1000
          : null,
      mergeShare: share,
    },
  };
  console.log(writeResult('events', result));
  console.log(JSON.stringify(result.reuters, null, 2));
  // The databases it made (90 MB a run); a database given with --db is the caller's.
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
