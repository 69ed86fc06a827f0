import type { Analysis, Article, DateSource, EventRecord } from '../core/types.js';
import { keyValues, table } from './text.js';

/** The `corpus extract --json` record of ../shared/spec/extract-format.md. */
export interface ExtractRecord {
  file: string;
  title: string | null;
  date: string | null;
  dateSource: DateSource;
  source: string | null;
  mentions: { type: string; text: string; start: number; end: number; entity: string | null; value: string | null }[];
  events: Omit<EventRecord, 'sentences'>[];
  /** The text all offsets refer to. */
  body: string;
}

export function extractRecord(article: Article, analysis: Analysis): ExtractRecord {
  return {
    file: article.path,
    title: article.title,
    date: analysis.date,
    dateSource: analysis.date ? analysis.dateSource : null,
    source: article.source,
    mentions: analysis.mentions.map(({ type, text, start, end, entity, value }) => ({ type, text, start, end, entity, value })),
    events: analysis.events.map(({ name, mentions, date, place, participants }) => ({ name, mentions, date, place, participants })),
    body: article.body,
  };
}

export function renderExtract(r: ExtractRecord): string {
  const head = keyValues([
    ['file', r.file],
    ['title', r.title],
    ['date', r.date ? `${r.date} (${r.dateSource})` : null],
    ['source', r.source],
  ]);
  const mentions = table(
    ['offset', 'type', 'text', 'entity / value'],
    r.mentions.map((m) => [String(m.start), m.type, m.text.replace(/\s+/g, ' '), m.entity ?? m.value ?? '']),
  );
  const events = r.events.length
    ? table(
        ['event', 'date', 'place', 'participants'],
        r.events.map((e) => [e.name, e.date ?? '', e.place ?? '', e.participants.join(', ')]),
      )
    : 'no events';
  return `${head}\n\n${mentions}\n\n${events}`;
}
