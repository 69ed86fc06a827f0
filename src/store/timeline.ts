/**
 * The SQL of `corpus timeline`: events in scope (all, or those an entity takes part in, hosts, or is
 * named beside), their participants and evidence sentences, dated sentences about an entity, and
 * the per-document reads the evidence needs. src/timeline/ assembles entries from these rows.
 */
import { sqlite, type Store } from './db.js';
import type { EntityType } from '../core/types.js';
import { statement } from './statements.js';
import { unpackSentences } from './sentences.js';

/** The events in scope as SQL: all of them, or those an entity takes part in, hosts, or is named beside. */
function scopeSql(entityId: number | null): string {
  if (entityId === null) return 'SELECT id FROM events';
  return `SELECT event_id FROM event_participants WHERE entity_id = @entity
    UNION SELECT id FROM events WHERE place_id = @entity
    UNION SELECT em.event_id FROM event_mentions em
      JOIN mentions m ON m.doc_id = em.doc_id AND m.sentence = em.sentence
      WHERE m.entity_id = @entity`;
}

const scopeParams = (entityId: number | null): Record<string, number> =>
  entityId === null ? {} : { entity: entityId };

export interface EventRow {
  id: number;
  name: string;
  date: string | null;
  /** First and last day the store placed the event on (null when its date could not be placed). */
  date_start: string | null;
  date_end: string | null;
  place_id: number | null;
}

export function timelineEvents(store: Store, entityId: number | null): EventRow[] {
  const db = sqlite(store);
  const sql = `SELECT id, name, date, date_start, date_end, place_id FROM events WHERE id IN (${scopeSql(entityId)})`;
  return statement(db, sql).all(scopeParams(entityId)) as EventRow[];
}

export interface EntityRow {
  id: number;
  name: string;
  type: EntityType;
}

/**
 * Participants of the events in scope. They are recorded per document; an event merged across
 * documents lists each once, the ones most documents agree on first.
 */
export function timelineParticipants(store: Store, entityId: number | null): (EntityRow & { eventId: number })[] {
  const db = sqlite(store);
  const sql = `SELECT p.event_id AS eventId, e.id, e.name, e.type FROM event_participants p JOIN entities e ON e.id = p.entity_id
       WHERE p.event_id IN (${scopeSql(entityId)})
       GROUP BY p.event_id, e.id ORDER BY p.event_id, count(*) DESC, e.name`;
  return statement(db, sql).all(scopeParams(entityId)) as (EntityRow & { eventId: number })[];
}

/** Every sentence holding a mention of an event in scope, grouped by document (streamed). */
export function timelineEventSentences(
  store: Store,
  entityId: number | null,
): IterableIterator<{ eventId: number; docId: number; sentence: number }> {
  const db = sqlite(store);
  const sql = `SELECT event_id AS eventId, doc_id AS docId, sentence FROM event_mentions
       WHERE event_id IN (${scopeSql(entityId)})
       GROUP BY event_id, doc_id, sentence ORDER BY doc_id, event_id, min(start)`;
  return statement(db, sql).iterate(scopeParams(entityId)) as IterableIterator<{
    eventId: number;
    docId: number;
    sentence: number;
  }>;
}

/** DATE mentions with a value in sentences that mention the entity, by document and position. */
export function datedSentencesAbout(
  store: Store,
  entityId: number,
): { docId: number; sentence: number; value: string; text: string }[] {
  const db = sqlite(store);
  return statement(
    db,
    `SELECT d.doc_id AS docId, d.sentence, d.value, d.text FROM mentions d
       WHERE d.type = 'DATE' AND d.value IS NOT NULL
         AND EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.doc_id AND m.sentence = d.sentence AND m.entity_id = @entity)
       ORDER BY d.doc_id, d.start`,
  ).all({ entity: entityId }) as { docId: number; sentence: number; value: string; text: string }[];
}

/** Dated events' mention sentences in the documents that mention the entity. */
export function eventDatesNear(
  store: Store,
  entityId: number,
): { eventId: number; docId: number; sentence: number; date: string }[] {
  const db = sqlite(store);
  return statement(
    db,
    `SELECT em.event_id AS eventId, em.doc_id AS docId, em.sentence, e.date FROM event_mentions em JOIN events e ON e.id = em.event_id
       WHERE e.date IS NOT NULL AND em.doc_id IN (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = @entity)`,
  ).all({ entity: entityId }) as { eventId: number; docId: number; sentence: number; date: string }[];
}

export interface DocumentMeta {
  docId: number;
  externalId: string | null;
  title: string | null;
  /** The first of its paths. */
  path: string | null;
  source: string | null;
  published: string | null;
}

export function documentMeta(store: Store, docId: number): DocumentMeta {
  const db = sqlite(store);
  return statement(
    db,
    `SELECT id AS docId, external_id AS externalId, title, source, date AS published,
            (SELECT min(path) FROM paths WHERE doc_id = documents.id) AS path
       FROM documents WHERE id = ?`,
  ).get(docId) as DocumentMeta;
}

/** A document's body and its sentence spans (empty when the document is gone). */
export function documentSentences(
  store: Store,
  docId: number,
): { body: string; sentences: { start: number; end: number }[] } {
  const db = sqlite(store);
  const row = statement(db, 'SELECT body, sentences FROM documents WHERE id = ?').get(docId) as
    | { body: string; sentences: Buffer }
    | undefined;
  return { body: row?.body ?? '', sentences: unpackSentences(row?.sentences ?? null) };
}

/** The mentions of one sentence, in text order. */
export function sentenceMentions(
  store: Store,
  docId: number,
  sentence: number,
): { type: string; value: string | null; entityId: number | null }[] {
  const db = sqlite(store);
  return statement(
    db,
    'SELECT type, value, entity_id AS entityId FROM mentions WHERE doc_id = ? AND sentence = ? ORDER BY start',
  ).all(docId, sentence) as { type: string; value: string | null; entityId: number | null }[];
}

export function entityById(store: Store, id: number): EntityRow | undefined {
  const db = sqlite(store);
  return statement(db, 'SELECT id, name, type FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
}
