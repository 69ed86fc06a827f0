import type { Timeline, TimelineEntry } from './types.js';

/** One event as JSON (README, "Timeline JSON"): what machines get from `timeline --json` and `events --json`. */
export interface EventJson {
  id: string;
  kind: 'event' | 'mention';
  name: string;
  date: { value: string; granularity: string; start: string; end: string };
  /** Other dates some reports give: kept, so a reader can judge the consensus. */
  conflicts: { value: string; documents: number }[];
  place: string | null;
  participants: string[];
  support: { documents: number; sources: number; days: number };
  /** Supporting sentences, the best first (the one giving the event's date, earliest report). */
  evidence: { text: string; docId: number; sentence: number }[];
  sources: {
    docId: number;
    path: string | null;
    title: string | null;
    source: string | null;
    published: string | null;
  }[];
}

export function eventJson(entry: TimelineEntry): EventJson {
  return {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    date: {
      value: entry.date.value,
      granularity: entry.date.granularity,
      start: entry.date.start,
      end: entry.date.end,
    },
    conflicts: entry.conflicts,
    place: entry.place?.name ?? null,
    participants: entry.entities.map((e) => e.name),
    support: entry.support,
    evidence: entry.sources.flatMap((s) =>
      s.evidence.map((e) => ({ text: e.text, docId: s.docId, sentence: e.index })),
    ),
    sources: entry.sources.map((s) => ({
      docId: s.docId,
      path: s.path,
      title: s.title,
      source: s.source,
      published: s.published,
    })),
  };
}

export function timelineJson(timeline: Timeline) {
  return {
    entity: timeline.entity,
    alsoMatched: timeline.alsoMatched,
    from: timeline.from,
    to: timeline.to,
    entries: timeline.entries.map(eventJson),
    leftOut: timeline.leftOut,
  };
}
