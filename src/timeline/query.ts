import type { Store } from '../store/db.js';
import { UnknownEntityError, UserError } from '../core/errors.js';
import type { EntityType, IsoDate } from '../core/types.js';
import { compareSpans } from '../core/days.js';
import { compareReports } from '../core/report-order.js';
import { boundDay } from '../core/timex.js';
import { resolveEntities } from '../store/entities.js';
import {
  corpusEventCount,
  corpusEvents,
  entityById,
  eventParticipants,
  eventSupport,
  leadSupport,
  reportDocuments,
  sentenceTexts,
  type CorpusEventRow,
  type EventSupportRow,
} from '../store/events.js';
import type { Timeline, TimelineEntity, TimelineEntry, TimelineQuery, TimelineSource } from './types.js';

/** Events a digest shows unless told otherwise. */
export const DEFAULT_LIMIT = 25;

/**
 * A timeline from the corpus events (clustered at ingest, see ingest/corpus-events.ts): by default a
 * digest — the most salient events in scope (most reports that name the entity followed, then most
 * reports, sources and days), shown in date order; `all` gives every event and lone dated mention.
 * Returns data only; src/render/timeline-*.ts format it.
 */
export function buildTimeline(db: Store, query: TimelineQuery = {}): Timeline {
  const { head, rows } = planTimeline(db, query);
  return { ...head, entries: [...timelineEntries(db, rows, query.maxSources)] };
}

/**
 * A timeline's heading and its events in the order it lists them, without their entries: the
 * participants, reports and quoted sentences of each are read by timelineEntries, a slice at a
 * time, so a long timeline can be written as it is read (`--all --nl` at a million articles,
 * 129,076 entries: 1.1 GB when every entry was built before the first was written).
 */
export function planTimeline(db: Store, query: TimelineQuery = {}): { head: Timeline; rows: CorpusEventRow[] } {
  const from = query.from ? bound(query.from, 'from') : null;
  const to = query.to ? bound(query.to, 'to') : null;
  if (from && to && from > to) throw new UserError(`--from ${query.from} is after --to ${query.to}`);

  let entity: TimelineEntity | null = null;
  let alsoMatched: TimelineEntity[] = [];
  if (query.entity !== undefined) {
    const matches = resolveEntities(db, query.entity);
    if (matches.length === 0) throw new UnknownEntityError(query.entity);
    [entity, ...alsoMatched] = matches;
  }
  let placeId: number | undefined;
  if (query.place !== undefined) {
    const places = resolveEntities(db, query.place).filter((e) => e.type === 'PLACE' || e.type === 'COUNTRY');
    if (places.length === 0) throw new UnknownEntityError(query.place, undefined, 'place');
    placeId = places[0].id;
  }

  const filter = { entityId: entity?.id, placeId, from, to };
  // 0 is every event, as `entities` and `duplicates` read it: shown none, the digest said "nothing dated".
  const limit = query.all || query.limit === 0 ? Infinity : Math.max(0, query.limit ?? DEFAULT_LIMIT);
  // Only the events shown are read; the rest are counted (a big entity has tens of thousands).
  const events = corpusEvents(db, { ...filter, kinds: ['event'], limit });
  const eventCount = query.all ? events.length : corpusEventCount(db, { ...filter, kinds: ['event'] });
  const wantMentions = query.all || query.mentions;
  const mentions = wantMentions ? corpusEvents(db, { ...filter, kinds: ['mention'] }) : [];
  const mentionCount = wantMentions ? mentions.length : corpusEventCount(db, { ...filter, kinds: ['mention'] });
  const shown = [...events, ...(query.all ? mentions : query.mentions ? mentions : [])];
  shown.sort(compareRows);
  const head: Timeline = {
    entity,
    alsoMatched,
    from,
    to,
    entries: [],
    leftOut: {
      events: Math.max(0, eventCount - events.length),
      mentions: wantMentions ? 0 : mentionCount,
    },
  };
  return { head, rows: shown };
}

/** Entries built per slice of this many events: each slice's reports and sentences are read together. */
const ENTRY_SLICE = 500;

/** The entries of a timeline's events (planTimeline), in their order, built a slice at a time. */
export function* timelineEntries(db: Store, rows: CorpusEventRow[], maxSources?: number): Generator<TimelineEntry> {
  for (let at = 0; at < rows.length; at += ENTRY_SLICE)
    yield* toEntries(db, rows.slice(at, at + ENTRY_SLICE), maxSources);
}

function bound(value: string, side: 'from' | 'to'): IsoDate {
  const day = boundDay(value, side);
  if (!day) throw new UserError(`--${side} must be a date like 2019-02-27, 2019-02 or 2019, got '${value}'`);
  return day;
}

/**
 * Date order; within one date, the most reported first (a day of a real archive holds dozens). On
 * the events' rows, which carry all it compares, so the entries can be built in their order.
 */
function compareRows(a: CorpusEventRow, b: CorpusEventRow): number {
  return (
    compareSpans(a.date, b.date) ||
    (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1) ||
    b.documents - a.documents ||
    a.name.localeCompare(b.name) ||
    a.key.localeCompare(b.key)
  );
}

function toEntries(db: Store, rows: CorpusEventRow[], maxSources = Infinity): TimelineEntry[] {
  const ids = rows.map((r) => r.id);
  const participants = new Map<number, TimelineEntity[]>();
  for (const p of eventParticipants(db, ids)) {
    const list = participants.get(p.eventId) ?? [];
    list.push({ id: p.id, name: p.name, type: p.type as EntityType });
    participants.set(p.eventId, list);
  }
  // A digest quoting one report per event reads only each event's lead statement (chosen at clustering
  // in the order below); anything else reads every supporting statement.
  const leads = new Map(rows.flatMap((r) => (r.lead === null ? [] : [[r.id, r.lead] as const])));
  const leadsOnly = maxSources === 1 && leads.size === rows.length;
  const support = new Map<number, EventSupportRow[]>();
  for (const s of leadsOnly ? leadSupport(db, leads) : eventSupport(db, ids)) {
    const list = support.get(s.eventId) ?? [];
    list.push(s);
    support.set(s.eventId, list);
  }
  // Only the reports that will be shown are read: the best first (the event's own date, then earliest).
  const shown: { docId: number; sentence: number }[] = [];
  for (const row of rows) {
    // Each report marked once, not copied at every comparison of the sort; kept sorted, since the
    // entries below read the reports in this order too.
    const list = (support.get(row.id) ?? [])
      .map((s) => ({ ...s, onDate: s.statementDate === row.date.value }))
      .sort(compareReports);
    support.set(row.id, list);
    const docs = new Set<number>();
    for (const s of list) {
      if (!docs.has(s.docId) && docs.size >= maxSources) continue;
      docs.add(s.docId);
      shown.push({ docId: s.docId, sentence: s.sentence });
    }
  }
  const sentences = new SentenceCache(db, shown);
  const documents = reportDocuments(
    db,
    shown.map((s) => s.docId),
  );
  return rows.map((row) => {
    const place = row.placeId === null ? null : entityById(db, row.placeId);
    const sources: TimelineSource[] = [];
    const byDoc = new Map<number, TimelineSource>();
    // Reports that give the event's own date first: their sentence is the best evidence.
    const rowsOf = support.get(row.id) ?? [];
    for (const s of rowsOf) {
      let source = byDoc.get(s.docId);
      if (!source) {
        const doc = documents.get(s.docId);
        if (sources.length >= maxSources || !doc) continue;
        source = {
          docId: s.docId,
          externalId: doc.externalId,
          title: doc.title,
          path: doc.path,
          source: doc.source,
          published: doc.published,
          evidence: [],
        };
        byDoc.set(s.docId, source);
        sources.push(source);
      }
      const text = sentences.get(s.docId, s.sentence);
      if (text && !source.evidence.some((e) => e.index === s.sentence))
        source.evidence.push({ index: s.sentence, text });
    }
    const entities = (participants.get(row.id) ?? []).filter((e) => e.id !== row.placeId);
    return {
      kind: row.kind,
      id: row.key,
      eventId: row.id,
      name: row.name,
      date: row.date,
      conflicts: row.conflicts,
      place: place && { id: place.id, name: place.name, type: place.type as EntityType },
      entities,
      support: { documents: row.documents, sources: row.sources, days: row.days },
      sources,
    };
  });
}

/** Sentences of the documents being quoted: each document's body is read once, for all its sentences asked. */
class SentenceCache {
  private readonly cache = new Map<number, Map<number, string>>();
  constructor(db: Store, wanted: { docId: number; sentence: number }[]) {
    const byDoc = new Map<number, number[]>();
    for (const w of wanted) byDoc.set(w.docId, [...(byDoc.get(w.docId) ?? []), w.sentence]);
    for (const [docId, indexes] of byDoc) this.cache.set(docId, sentenceTexts(db, docId, indexes));
  }
  get(docId: number, index: number): string | null {
    return this.cache.get(docId)?.get(index) ?? null;
  }
}
