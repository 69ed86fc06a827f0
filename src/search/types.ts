/**
 * What a search returns: plain data, so the terminal and JSON renderers (src/render/search.ts) and
 * the tests all read the same thing, and the search knows nothing about printing.
 */
import type { SearchEntityType } from '../core/types.js';
import type { RankingParams } from './ranking.js';
import type { Facets } from '../store/facets.js';
import type { SearchBounds } from '../store/search.js';

export type SortOrder = 'relevance' | 'date' | '-date';

export type { SearchEntityType } from '../core/types.js';

export interface SearchOptions {
  /** Names (any alias) the documents must all mention. */
  entities?: string[];
  /** Restricts what `entities` may name, when a name is ambiguous. */
  type?: SearchEntityType;
  /** Publication date bounds, inclusive: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  /** Agency or outlet, compared without case. */
  source?: string;
  /** Tags the documents must all carry (any case). */
  tags?: string[];
  limit?: number;
  offset?: number;
  /** Try close indexed words when a word matches nothing (default true). */
  typos?: boolean;
  /** Count sources, months, entities and tags over every matching document. */
  facets?: boolean;
  /** `relevance` (default), `date` (oldest first) or `-date` (newest first). */
  sort?: SortOrder;
  /** Ranking weights other than the tuned defaults (for the relevance benchmark's tuning). */
  ranking?: Partial<RankingParams>;
  /** How far a large result is read, other than the defaults (for the relevance benchmark at scale). */
  bounds?: Partial<SearchBounds>;
}

/** An entity (or event) of the database, as the query or a filter resolved it. */
export interface ResolvedEntity {
  id: number;
  kind: 'entity' | 'event';
  type: SearchEntityType;
  name: string;
}

export interface MatchedEntity extends ResolvedEntity {
  /** How often the document mentions it. */
  mentions: number;
}

/** [start, end) character offsets. */
export type Span = [number, number];

export interface SearchHit {
  /** 1-based position in the whole result (offset included). */
  rank: number;
  id: number;
  /** The source's own id for the document (a JSON article's `id`), or null. */
  externalId: string | null;
  /** Higher is better: bm25 (title weighted above body) plus a bonus for mentioning a queried entity. */
  score: number;
  /** Near-duplicates of this document among the best matches, folded under it ("+N similar"). */
  similar: number;
  date: string | null;
  source: string | null;
  title: string | null;
  /** Where the document was read from (the first path when several files carry it). */
  path: string | null;
  /** About two lines of the body around the matches, whitespace collapsed. */
  snippet: string;
  /** Matches inside `snippet`. */
  highlights: Span[];
  /** Matches inside `title`. */
  titleHighlights: Span[];
  /** Matches inside the document body (JavaScript string offsets). */
  bodyHighlights: Span[];
  /** Queried and filtered entities this document mentions. */
  entities: MatchedEntity[];
}

export interface Correction {
  from: string;
  to: string;
}

export interface SearchResult {
  query: string;
  /** The query that was run, when typo correction changed it ("showing results for …"). */
  correctedQuery: string | null;
  corrections: Correction[];
  /** A query to suggest when a word is far rarer than a close indexed word ("did you mean …"), or null. */
  didYouMean: string | null;
  /** The word changes behind `didYouMean`. */
  suggestions: Correction[];
  /** The FTS5 expression that was run, or null for a filter-only search. */
  match: string | null;
  total: number;
  /** True when `total` is an estimate: a word in most of a very large corpus is not counted one by one. */
  totalEstimated: boolean;
  /**
   * Present and true when `total` is only a floor: counting stopped there, and the estimate (from the
   * latest documents, which a date filter may leave out) said fewer.
   */
  totalAtLeast?: boolean;
  offset: number;
  limit: number;
  hits: SearchHit[];
  /** Entities the query text names (by name or alias); documents mentioning them match and rank higher. */
  queryEntities: ResolvedEntity[];
  /**
   * The query is one name and nothing else: a document with its words or a mention of it matches.
   * Otherwise each name of the query is matched by its words or a mention, and its other words must be there.
   */
  nameAlone: boolean;
  /** How each `--entity` was resolved. */
  filterEntities: { name: string; matches: ResolvedEntity[] }[];
  /** Why nothing could match (no words, unknown entity…), or null. */
  reason: string | null;
  /** The query has nothing to search for and no filter: the user's to fix (exit 2), not a search that found nothing. */
  unusable?: boolean;
  /** Things worth telling the user that do not stop the search (dropped words…). */
  notices: string[];
  /** Common words of the query (`when`, `did`, `the`…) that documents matched without. */
  leftOut: string[];
  /** The words that had to match, when some were left out or read as dates; null otherwise. */
  searchedFor: string | null;
  /** Dates typed in the query (`in March 1987`) that became its date range, or null. */
  dates: { read: string[]; from: string | null; to: string | null } | null;
  /** Counts over the whole result, when asked for (`facets: true`). */
  facets?: Facets;
}
