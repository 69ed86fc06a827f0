import type { DateSpan } from './timex.js';
/**
 * The values that flow through the pipeline: discover → read → analyze → store → query → render.
 * Every stage takes and returns these plain types, so each can be tested alone.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

/** How the publication date of an article was found (see ../shared/spec/extract-format.md). */
export type DateSource = 'header' | 'frontmatter' | 'json' | 'filename' | 'flag' | 'inferred' | null;

export type EntityType = 'PERSON' | 'COUNTRY' | 'PLACE' | 'ORG';
export type MentionType = EntityType | 'DATE' | 'EVENT';
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'COUNTRY', 'PLACE', 'ORG'];
/** What `search --type` and `--entity` can name: the entity types and events. */
export type SearchEntityType = EntityType | 'EVENT';
export const SEARCH_ENTITY_TYPES: readonly SearchEntityType[] = [...ENTITY_TYPES, 'EVENT'];

export function isEntityType(type: string): type is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(type);
}

export type ArticleFormat =
  | 'txt'
  | 'md'
  | 'html'
  | 'json'
  | 'jsonl'
  | 'csv'
  | 'tsv'
  | 'rss'
  | 'atom'
  | 'warc'
  | 'sgml'
  | 'xml';

/** One article as a reader produced it: metadata plus the decoded body text all offsets refer to. */
export interface Article {
  /**
   * Where it came from: the file path, or an address inside a file holding many articles:
   * `file.jsonl:LINE`, `file.csv:ROW`, `feed.xml#ITEM-ID`, `archive.warc.gz#RECORD-ID`.
   */
  path: string;
  format: ArticleFormat;
  title: string | null;
  date: IsoDate | null;
  dateSource: DateSource;
  /** Agency or outlet: from metadata, or the text's own attribution such as a closing `(Yonhap)`. */
  source: string | null;
  /** `SEOUL, Dec 18 (Yonhap) -` style opening, when the body has one. */
  dateline: string | null;
  section: string | null;
  tags: string[];
  /** The source's own id for the article (a JSON or CSV `id`, a feed item's guid), or null. */
  externalId: string | null;
  body: string;
  /**
   * Where the story begins in the body: past the headline and header lines a text file opens with
   * (`date 1987-03-02`, `Source: Reuters`), which its own fields hold. The full-text index reads
   * the body from here, so `1987` does not match every file for its header; 0 when it has none.
   */
  storyStart?: number;
  /** The page's address when the source names one (web pages, feed items, WARC target URIs, a CSV `url`). */
  url?: string | null;
  /** The byline, when the source names one. */
  author?: string | null;
  /** Problems that did not stop the read (e.g. decoded as Windows-1252). */
  warnings: string[];
}

/** A token with its character offsets into the body (JavaScript string indices). */
export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the sentence's first token in the document's token array, and one past its last. */
  tokenStart: number;
  tokenEnd: number;
}

export interface Mention {
  type: MentionType;
  /** Exactly `body.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Canonical name after alias resolution (null for DATE). */
  entity: string | null;
  /** DATE: normalized TIMEX3-like value, else null. */
  value: string | null;
  /** Index of the sentence holding the mention. */
  sentence: number;
}

export interface EventRecord {
  /** Canonical name, e.g. `Hanoi summit`. */
  name: string;
  mentions: [number, number][];
  /** Normalized DATE value or null. */
  date: string | null;
  /** Canonical PLACE/COUNTRY name or null. */
  place: string | null;
  /** Canonical PERSON/COUNTRY names. */
  participants: string[];
  /** Sentence indexes that are the evidence for the event. */
  sentences: number[];
}

/** What `analyze(article)` returns and the store writes. */
export interface Analysis {
  analyzerVersion: string;
  /** The reference date used to resolve relative expressions (the article's, or one inferred from a dateline). */
  date: IsoDate | null;
  dateSource: DateSource;
  tokens: Token[];
  sentences: Sentence[];
  /** Every mention, sorted by start offset. */
  mentions: Mention[];
  events: EventRecord[];
}

/** What the store keeps of an analysis: tokens only as a count (they are never stored one by one). */
export type StoredAnalysis = Omit<Analysis, 'tokens'> & { tokenCount: number };

/**
 * What one sentence of one document says happened on a date — who (subject and other participants),
 * what (an action: a verb and its object's head, or an event noun), where. nlp/statements.ts makes
 * them, the store keeps them, ingest/cluster-events.ts merges them into corpus events.
 */
export interface DatedStatement {
  sentence: number;
  /** The date said, and the days it covers. */
  date: DateSpan;
  /** `suspend:payment`, `file:protection`, `n:earthquake`: what happened, as a key the clustering compares. */
  action: string;
  /** Word stems of the clause (object, nouns around the action) for comparing statements. */
  terms: string[];
  subjectId: number | null;
  placeId: number | null;
  participantIds: number[];
  /**
   * Other entities the sentence names (not taking part as far as the sentence says), then those its
   * document is about: the event is in their scope.
   */
  mentionedIds: number[];
  /** A name for what happened, as this sentence would give it (`Brazil suspends interest payments`). */
  name: string;
  /** The name is an event's own (`Venice summit`, `Uruguay Round`), not one made from subject and action. */
  named: boolean;
  /** The statement is about an event noun (summit, earthquake; not `session`, `event`), which makes an event even alone. */
  eventNoun: boolean;
}

/**
 * The action of a lead statement: not a dated act the clustering merges, but what a report leads
 * with on the day it is published (nlp/statements.ts), for the corpus-level story pass
 * (ingest/story-bursts.ts) to find what many reports of one day lead with.
 */
export const LEAD_ACTION = 'lead';

/**
 * What a document's dated statements are built from (nlp/statements.ts): read off the stored analysis
 * by the store (store/events.ts documentFacts), so both sides share this one shape.
 */
export interface DocumentFacts {
  docId: number;
  body: string;
  published: IsoDate | null;
  /** The agency or outlet that published it (`Reuters`): named in its own story, it tells, it takes no part. */
  source: string | null;
  sentences: { start: number; end: number }[];
  /** Entity and DATE mentions (EVENT mentions are given with `events`). */
  mentions: {
    type: string;
    start: number;
    end: number;
    sentence: number;
    entityId: number | null;
    value: string | null;
    text: string;
  }[];
  /** The document's own events (nlp/events.ts), each with its mentions. */
  events: {
    name: string;
    date: string | null;
    placeId: number | null;
    participantIds: number[];
    mentions: { start: number; end: number; sentence: number }[];
  }[];
}
