import type { EntityType, IsoDate } from '../core/types.js';
import type { DateSpan } from '../core/timex.js';

export type { DateSpan, Granularity } from '../core/timex.js';

export interface TimelineEntity {
  id: number;
  name: string;
  type: EntityType;
}

/** One sentence of a document, quoted as evidence. */
export interface EvidenceSentence {
  /** Sentence index in the document. */
  index: number;
  text: string;
}

/** A document an entry was read from, and the sentences in it that say so (best first). */
export interface TimelineSource {
  docId: number;
  title: string | null;
  /** One of the paths carrying the document (the first in sort order). */
  path: string | null;
  source: string | null;
  /** Publication date of the document. */
  published: IsoDate | null;
  evidence: EvidenceSentence[];
}

/**
 * One mark on the timeline: an event (merged across documents, so with every source that reports
 * it), or — when following an entity — a dated sentence about it that no event already covers.
 */
export interface TimelineEntry {
  kind: 'event' | 'mention';
  /** events.id for an event, null for a dated mention. */
  eventId: number | null;
  /** The event's name; for a dated mention, the text of the date expression (`last June`). */
  name: string;
  date: DateSpan;
  place: TimelineEntity | null;
  /** Participants of an event; for a dated mention, the entities its sentence names. */
  entities: TimelineEntity[];
  sources: TimelineSource[];
}

export interface TimelineQuery {
  /** Any name or alias of an entity; absent for the whole corpus. */
  entity?: string;
  /** Keep entries whose span overlaps [from, to] (YYYY, YYYY-MM or YYYY-MM-DD, both inclusive). */
  from?: string;
  to?: string;
}

/** What `corpus timeline` finds: data only, the renderers format it. */
export interface Timeline {
  /** The entity followed, or null for the whole corpus. */
  entity: TimelineEntity | null;
  /** Other entities the same name also matched (the one followed is the most mentioned). */
  alsoMatched: TimelineEntity[];
  from: IsoDate | null;
  to: IsoDate | null;
  /** In date order: first day, then the wider span first, then name. */
  entries: TimelineEntry[];
  /** Events in scope that could not be placed on the line (no date, or only a vague one). */
  undated: number;
}
