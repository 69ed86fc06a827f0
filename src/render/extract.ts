import type { Analysis, Article, DateSource, EventRecord } from '../core/types.js';
import { keyValues, type TextContext, table } from './text.js';
import { datedFrom } from './date-source.js';

/** The `corpus extract --json` record (docs/json.md, "extract": a fixed contract). */
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
    mentions: analysis.mentions.map(({ type, text, start, end, entity, value }) => ({
      type,
      text,
      start,
      end,
      entity,
      value,
    })),
    events: analysis.events.map(({ name, mentions, date, place, participants }) => ({
      name,
      mentions,
      date,
      place,
      participants,
    })),
    body: article.body,
  };
}

export function renderExtract(r: ExtractRecord, context: TextContext = { colour: false }): string {
  const width = context.width ?? null;
  const head = keyValues(
    [
      ['file', r.file],
      ['title', r.title],
      ['date', r.date ? datedFrom(r.date, r.dateSource) : null],
      ['source', r.source],
    ],
    width,
  );
  const mentions = table(
    ['offset', 'type', 'text', 'entity / value'],
    r.mentions.map((m) => [String(m.start), m.type, m.text.replace(/\s+/g, ' '), m.entity ?? m.value ?? '']),
    width,
  );
  const events = r.events.length
    ? table(
        ['event', 'date', 'place', 'participants'],
        r.events.map((e) => [e.name, e.date ?? '', e.place ?? '', e.participants.join(', ')]),
        width,
      )
    : 'no events';
  return `${head}\n\n${mentions}\n\n${events}`;
}
