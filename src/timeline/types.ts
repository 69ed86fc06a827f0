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
  /** The source's own id for the document (a JSON article's `id`), or null. */
  externalId: string | null;
  title: string | null;
  /** One of the paths carrying the document (the first in sort order). */
  path: string | null;
  source: string | null;
  /** Publication date of the document. */
  published: IsoDate | null;
  evidence: EvidenceSentence[];
}

/**
 * One mark on the timeline: an event (a happening clustered from the dated statements of every
 * article, so with every report that supports it), or a lone dated mention (a dated statement no
 * other report shares).
 */
export interface TimelineEntry {
  kind: 'event' | 'mention';
  /** Stable id of the corpus event (`corpus events --json` gives the same). */
  id: string;
  /** corpus_events row id, for links within one database. */
  eventId: number | null;
  /** What happened: a named event, else subject + action + object (`Brazil suspends interest payments`). */
  name: string;
  /** The date most reports give. */
  date: DateSpan;
  /** Other dates some reports give, with how many reports give each. */
  conflicts: { value: string; documents: number }[];
  place: TimelineEntity | null;
  /** Participants, the ones most reports name first. */
  entities: TimelineEntity[];
  /** Distinct reports (wire copies of one story count once), sources and publication days. */
  support: { documents: number; sources: number; days: number };
  /** Documents that report it, each with its evidence sentences, earliest first. */
  sources: TimelineSource[];
}

export interface TimelineQuery {
  /** Any name or alias of an entity; absent for the whole corpus. */
  entity?: string;
  /** Keep entries whose span overlaps [from, to] (YYYY, YYYY-MM or YYYY-MM-DD, both inclusive). */
  from?: string;
  to?: string;
  /** Only events at (or near) this place, by any of its names. */
  place?: string;
  /** The most salient events shown (default 25; 0: every one, as `entities --limit 0`); ignored with `all`. */
  limit?: number;
  /** Every event and lone mention. */
  all?: boolean;
  /** Lone dated mentions too. */
  mentions?: boolean;
  /** Sources listed per entry (default: all). */
  maxSources?: number;
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
  /** What is in scope but not shown: less salient events, and lone mentions (without --mentions/--all). */
  leftOut: { events: number; mentions: number };
}
