import type { Analysis, Article, Mention } from '../core/types.js';
import { tokenize } from './tokenize.js';
import { findEntities } from './entities.js';
import { findDates } from './dates/index.js';
import { datelinePlace, inferPublicationDate } from './dates/publication.js';
import { qualifyInstitutions } from './ner/institutions.js';
import { countryOfTheDay, notYetAState } from './gazetteer.js';
import { findEvents } from './events.js';
import { signOff } from '../core/agencies.js';

/**
 * Bump when anything in src/nlp changes what analyze() returns: ingest re-analyzes every document
 * stored by another version, and only those.
 */
export const ANALYZER_VERSION = '0.6.201';

export type AnalyzerInput = Pick<Article, 'body' | 'date' | 'dateSource' | 'dateline'>;

/** The whole analysis of one article: a pure function of its body and publication metadata. */
export function analyze(article: AnalyzerInput): Analysis {
  const { body } = article;
  const { tokens, sentences } = tokenize(body);
  const reference = article.date
    ? { date: article.date, dateSource: article.dateSource }
    : inferPublicationDate(body, article.dateline);
  // The wire's bare sign-off (`Reuter` after the last sentence) signs the copy: no mention of the story.
  const signature = signOff(body);
  const signed = signature && !signature.bracketed ? signature.start : body.length;
  // A country as the document's day knew it (`Germany` in 1987 is West Germany), and a country's
  // name before its state came to be as a region's (`Georgia` in 1987: the US state or the Soviet republic).
  const countries = findEntities(body, tokens, sentences)
    .filter((m) => m.start < signed)
    .map((m): Mention => {
      if (m.type !== 'COUNTRY' || !m.entity) return m;
      if (notYetAState(m.entity, reference.date)) return { ...m, type: 'PLACE' };
      return { ...m, entity: countryOfTheDay(m.entity, reference.date) };
    });
  const entities = qualifyInstitutions(body, tokens, countries, datelinePlace(body, article.dateline), reference.date);
  const dates = findDates(body, tokens, sentences, reference.date);
  const events = findEvents(body, tokens, sentences, [...entities, ...dates], reference.date);
  const mentions: Mention[] = [...entities, ...dates, ...events.mentions].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  return {
    analyzerVersion: ANALYZER_VERSION,
    date: reference.date,
    dateSource: reference.dateSource,
    tokens,
    sentences,
    mentions,
    events: events.events,
  };
}
