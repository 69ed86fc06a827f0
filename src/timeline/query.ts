import type { Store } from '../store/db.js';
import { UserError } from '../core/errors.js';
import type { EntityType, IsoDate } from '../core/types.js';
import { compareSpans } from '../core/days.js';
import { dayBounds, overlaps, parseDateValue } from '../core/timex.js';
import {
  datedSentencesAbout,
  documentMeta,
  documentSentences,
  entityById,
  eventDatesNear,
  sentenceMentions,
  timelineEventSentences,
  timelineEvents,
  timelineParticipants,
  type EventRow,
} from '../store/timeline.js';
import { resolveEntities } from '../store/entities.js';
import type {
  DateSpan,
  EvidenceSentence,
  Timeline,
  TimelineEntity,
  TimelineEntry,
  TimelineQuery,
  TimelineSource,
} from './types.js';

/**
 * Build a timeline from the database: events (merged across documents, so each shows once with all
 * its sources), and — when following an entity — the dated sentences about it that no event covers.
 * Returns data only; src/render/timeline-*.ts format it.
 */
export function buildTimeline(db: Store, query: TimelineQuery = {}): Timeline {
  const { from, to } = dayBounds(query);

  let entity: TimelineEntity | null = null;
  let alsoMatched: TimelineEntity[] = [];
  if (query.entity !== undefined) {
    const matches = resolveEntities(db, query.entity);
    if (matches.length === 0) throw new UserError(`no entity named '${query.entity}' in the database`, 1);
    [entity, ...alsoMatched] = matches;
  }

  const reader = new DocumentReader(db);
  const events = eventEntries(db, reader, entity);
  const entries = events.entries.filter((e) => overlaps(e.date, from, to));
  if (entity) {
    const eventIds = new Set(events.entries.map((e) => e.eventId));
    entries.push(...mentionEntries(db, reader, entity, eventIds).filter((e) => overlaps(e.date, from, to)));
  }
  entries.sort(compareEntries);
  return { entity, alsoMatched, from, to, entries, undated: events.undated };
}

function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return (
    compareSpans(a.date, b.date) ||
    (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1) ||
    a.name.localeCompare(b.name) ||
    (a.eventId ?? 0) - (b.eventId ?? 0) ||
    (a.sources[0]?.docId ?? 0) - (b.sources[0]?.docId ?? 0)
  );
}

/** Where the events table placed an event; the stored first/last day win over re-parsing the value. */
function eventSpan(row: EventRow): DateSpan | null {
  const parsed = parseDateValue(row.date);
  if (row.date && row.date_start && row.date_end) {
    const granularity = parsed?.granularity ?? (row.date_start === row.date_end ? 'day' : 'range');
    return { value: row.date, granularity, start: row.date_start, end: row.date_end };
  }
  return parsed;
}

function eventEntries(db: Store, reader: DocumentReader, entity: TimelineEntity | null): { entries: TimelineEntry[]; undated: number } {
  const entityId = entity?.id ?? null;
  const rows = timelineEvents(db, entityId);

  const byId = new Map<number, TimelineEntry>();
  const dateOf = new Map<number, string>();
  let undated = 0;
  for (const row of rows) {
    const span = eventSpan(row);
    if (!span) {
      undated++;
      continue;
    }
    dateOf.set(row.id, span.value);
    byId.set(row.id, {
      kind: 'event',
      eventId: row.id,
      name: row.name,
      date: span,
      place: row.place_id === null ? null : reader.entity(row.place_id),
      entities: [],
      sources: [],
    });
  }

  // Participants are recorded per document; an event merged across documents lists each once,
  // the ones most documents agree on first.
  const participants = timelineParticipants(db, entityId);
  for (const { eventId, ...participant } of participants) byId.get(eventId)?.entities.push(participant);

  // Evidence: every sentence holding a mention of the event, grouped by document.
  const mentions = timelineEventSentences(db, entityId);
  const sourceOf = new Map<string, { source: TimelineSource; ranked: { sentence: number; score: number }[] }>();
  for (const m of mentions) {
    const entry = byId.get(m.eventId);
    if (!entry) continue;
    const key = `${m.eventId}:${m.docId}`;
    let item = sourceOf.get(key);
    if (!item) {
      item = { source: { ...reader.meta(m.docId), evidence: [] }, ranked: [] };
      sourceOf.set(key, item);
      entry.sources.push(item.source);
    }
    item.ranked.push({ sentence: m.sentence, score: 0 });
  }
  for (const [key, item] of sourceOf) {
    const [eventId, docId] = key.split(':').map(Number);
    // Best evidence first: the sentence that states the event's date, then one naming the entity
    // followed. Most events have one sentence per document, which needs no ranking.
    if (item.ranked.length > 1) {
      for (const r of item.ranked) {
        const facts = reader.sentenceFacts(docId, r.sentence);
        r.score = (facts.dates.has(dateOf.get(eventId)!) ? 2 : 0) + (entity && facts.entities.has(entity.id) ? 1 : 0);
      }
    }
    item.ranked.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
    item.source.evidence = item.ranked.map((r) => reader.sentence(docId, r.sentence)).filter((s): s is EvidenceSentence => s !== null);
  }
  const entries = [...byId.values()];
  for (const entry of entries) entry.sources.sort(compareSources);
  return { entries, undated };
}

function compareSources(a: TimelineSource, b: TimelineSource): number {
  return (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.docId - b.docId;
}

/**
 * Dated sentences about the entity that are not already an event's date: a DATE mention is left
 * out when an event of the same document has its value, or when its sentence is evidence for an
 * event with that date. Copies of one sentence in several documents (syndicated news) merge.
 */
function mentionEntries(db: Store, reader: DocumentReader, entity: TimelineEntity, scopeEventIds: Set<number | null>): TimelineEntry[] {
  const rows = datedSentencesAbout(db, entity.id);
  if (rows.length === 0) return [];

  const eventDates = eventDatesNear(db, entity.id);
  const covered = new Set<string>();
  for (const e of eventDates) {
    covered.add(`s:${e.docId}:${e.sentence}:${e.date}`);
    if (scopeEventIds.has(e.eventId)) covered.add(`d:${e.docId}:${e.date}`);
  }

  const byKey = new Map<string, TimelineEntry>();
  const seen = new Set<string>();
  for (const row of rows) {
    const span = parseDateValue(row.value);
    if (!span) continue;
    if (covered.has(`d:${row.docId}:${row.value}`) || covered.has(`s:${row.docId}:${row.sentence}:${row.value}`)) continue;
    const once = `${row.docId}:${row.sentence}:${row.value}`;
    if (seen.has(once)) continue;
    seen.add(once);
    const evidence = reader.sentence(row.docId, row.sentence);
    if (!evidence) continue;
    const key = `${row.value}\n${evidence.text}`;
    const existing = byKey.get(key);
    const source: TimelineSource = { ...reader.meta(row.docId), evidence: [evidence] };
    if (existing) {
      if (!existing.sources.some((s) => s.docId === row.docId)) existing.sources.push(source);
      continue;
    }
    byKey.set(key, {
      kind: 'mention',
      eventId: null,
      name: row.text,
      date: span,
      place: null,
      entities: reader.sentenceEntities(row.docId, row.sentence),
      sources: [source],
    });
  }
  const entries = [...byKey.values()];
  for (const entry of entries) entry.sources.sort(compareSources);
  return entries;
}

/**
 * Reads documents for evidence. Rows arrive grouped by document, so only the current document's
 * body is kept in memory (a corpus-wide timeline touches every document once).
 */
class DocumentReader {
  private metaCache = new Map<number, Omit<TimelineSource, 'evidence'>>();
  private entityCache = new Map<number, TimelineEntity>();
  private current: { docId: number; body: string; sentences: { start: number; end: number }[] } | null = null;

  constructor(private readonly db: Store) {}

  meta(docId: number): Omit<TimelineSource, 'evidence'> {
    let meta = this.metaCache.get(docId);
    if (!meta) {
      const row = documentMeta(this.db, docId);
      meta = { docId, title: row.title, path: row.path, source: row.source, published: row.published };
      this.metaCache.set(docId, meta);
    }
    return meta;
  }

  entity(id: number): TimelineEntity {
    let entity = this.entityCache.get(id);
    if (!entity) {
      const row = entityById(this.db, id);
      entity = row ?? { id, name: `#${id}`, type: 'PLACE' };
      this.entityCache.set(id, entity);
    }
    return entity;
  }

  private mentions(docId: number, sentence: number) {
    return sentenceMentions(this.db, docId, sentence);
  }

  /** DATE values and entity ids mentioned in one sentence. */
  sentenceFacts(docId: number, sentence: number): { dates: Set<string>; entities: Set<number> } {
    const dates = new Set<string>();
    const entities = new Set<number>();
    for (const m of this.mentions(docId, sentence)) {
      if (m.type === 'DATE' && m.value) dates.add(m.value);
      if (m.entityId !== null) entities.add(m.entityId);
    }
    return { dates, entities };
  }

  /** The entities a sentence names, in order of first mention. */
  sentenceEntities(docId: number, sentence: number): TimelineEntity[] {
    const ids = new Set<number>();
    for (const m of this.mentions(docId, sentence)) if (m.entityId !== null) ids.add(m.entityId);
    return [...ids].map((id) => this.entity(id));
  }

  /** The sentence's text from the body, whitespace (line breaks of the source) folded to single spaces. */
  sentence(docId: number, index: number): EvidenceSentence | null {
    if (this.current?.docId !== docId) {
      this.current = { docId, ...documentSentences(this.db, docId) };
    }
    const span = this.current.sentences[index];
    if (!span) return null;
    const text = this.current.body.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    return text === '' ? null : { index, text };
  }
}
