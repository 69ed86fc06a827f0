/**
 * The SQL of `corpus search`: ranked candidates from the FTS index, filter id sets, the hits'
 * metadata, highlights and mentions, and the name lookups the query planner needs. src/search/
 * builds the plan (units, filters, weights) and assembles the result; everything here is a query.
 */
import { BITMAP_SPAN, hasRankFunction, noteSnapshot, sqlite, type Db, type Store } from './db.js';
import { statement } from './statements.js';
import { ftsTotals, latestDocuments, TOKENIZE } from './vocabulary.js';
import { ENTITY_TYPES } from '../core/types.js';
import { compareDates } from '../core/days.js';

const ENTITY_TYPES_SQL = ENTITY_TYPES.map((t) => `'${t}'`).join(', ');

/** An entity or an event, by database id. */
export interface EntityRef {
  id: number;
  kind: 'entity' | 'event';
}

/** Part of the query that must match: its FTS5 expression, or a mention of one of its entities. */
export interface SearchUnit {
  expression: string;
  entities: EntityRef[];
  /** At most how many documents have its words (its rarest word's), where known. */
  wordDocuments?: number;
}

/**
 * What to search for: the query's units and the filters, already resolved to ids; bounds other than
 * SEARCH_BOUNDS where set.
 */
export interface SearchPlan extends Partial<SearchBounds> {
  /** The whole query as one FTS5 expression; null when the query has no words (filters alone). */
  match: string | null;
  units: SearchUnit[];
  /** FTS5 expression of excluded words, or null. */
  exclude: string | null;
  /** Each `--entity`: documents must mention one of its matches. */
  filters: EntityRef[][];
  from: string | null;
  to: string | null;
  source?: string;
  /** Tags the documents must all carry (any case). */
  tags?: string[];
  /** Acronyms (lower case) the documents must all write in capitals (doc_acronyms). */
  acronyms?: string[];
  limit: number;
  offset: number;
  titleWeight: number;
  bodyWeight: number;
  /** Score added for mentioning a queried entity. */
  entityBonus: number;
  /** `relevance` (default), `date` (oldest first) or `-date` (newest first). */
  sort?: 'relevance' | 'date' | '-date';
  /**
   * Sorted by date: matches to leave out of the listing (stage one's candidates, which the ranked
   * part of a result has already placed). The offset skips only the others; the total counts all.
   */
  passOver?: ReadonlySet<number>;
  /**
   * For a second ranking stage: return the best `depth` candidates (at least the page and some
   * slack) from the top, unsliced, and leave ordering ties and the page to the caller.
   */
  depth?: number;
  /**
   * The query is words, phrases and prefixes (no OR): past SCORED_MATCHES its candidates may be
   * pruned. Not an OR: each pruning pass evaluates the expression again, and an OR costs more to
   * match than bm25 costs to score. (A phrase costs less: at 1M, "interest rates", 31,755 documents,
   * 57 -> 44 ms pruned; so does a prefix: `petro*`, 30,766 documents, 74 -> 26 ms.)
   */
  prunable?: boolean;
  /**
   * The query has a prefix (`acqui*`): FTS5 merges a prefix's doclists whole before a rowid bound
   * applies, so reading a range of ids costs as much as reading them all.
   */
  prefixes?: boolean;
  /**
   * At most this many documents match, as known before searching (the documents of the query's
   * rarest word). Between SCORED_MATCHES and ONE_WALK_MATCHES, an unfiltered prunable query counts
   * its matches and scores its likely candidates in one walk of the index.
   */
  matchesAtMost?: number;
  /**
   * The documents of the query's words and phrases (a phrase's stems joined by spaces), for bm25's idf:
   * FTS5's bm25() counts each phrase over its whole doclist in every statement it scores in, which at
   * a million articles costs more than scoring; corpus_bm25 takes them from here (see rankFunction).
   */
  phraseDocuments?: Map<string, number>;
  /** A date range of at most this many documents is filtered as a set of ids (default NARROW_RANGE). */
  narrowRange?: number;
  /** The latest documents an estimate of a huge result reads (default ESTIMATE_WINDOW). */
  estimateWindow?: number;
}

export interface SearchRow {
  id: number;
  date: string | null;
  source: string | null;
  title: string | null;
  score: number;
}

export interface SearchPage {
  total: number;
  /** The total is an estimate (a result too large to count within a search's budget). */
  estimated?: boolean;
  /**
   * The total is a floor: counting stopped past HUGE_MATCHES and nothing sampled beyond it said more
   * (a filter that leaves out the later documents the estimate reads).
   */
  atLeast?: boolean;
  rows: SearchRow[];
  /** Every matching document id (for facets over the whole result). */
  allIds?: () => number[];
}

/**
 * How far search reads a large result: what it scores whole, what it estimates, and the candidates a
 * pruned one scores. The defaults are for any corpus; bench:relevance scales them down to see on
 * Reuters what pruning costs at a million articles.
 */
export interface SearchBounds {
  /** Above this many matches only a bounded set of candidates is scored (SCORED_MATCHES). */
  scoredMatches: number;
  /** Above this many matches the total is estimated and nothing is scored (HUGE_MATCHES). */
  hugeMatches: number;
  /** The latest title matches a pruned result scores (TITLE_CANDIDATES). */
  titleCandidates: number;
  /** The latest matches, and the documents mentioning a name most, a pruned result scores (RECENT_CANDIDATES). */
  recentCandidates: number;
  /** Past this many documents mentioning a name without its words, they are bitmaps (MENTION_ONLY_TABLE). */
  mentionOnlyTable: number;
}

/** Above this many matches only a bounded set of candidates is scored (see searchDocuments). */
export const SCORED_MATCHES = 4000;
const TITLE_CANDIDATES = 2000;
/** Above this many matches the count is estimated and nothing is scored by bm25. */
export const HUGE_MATCHES = 50_000;
/**
 * With FTS5's bm25(), counting and scoring in one walk pays off up to this many documents of the
 * rarest word: past it, the result is most often past HUGE_MATCHES, where nothing is scored, and
 * bm25's own count of each word's documents (its first call walks their whole doclists) would be spent
 * for nothing. corpus_bm25, given the counts, spends nothing of the kind: one walk at any size.
 */
const ONE_WALK_MATCHES = 2 * HUGE_MATCHES;
/**
 * An estimate past this many times HUGE_MATCHES is taken as past it without counting: the latest
 * documents would have to hold the word four times as often as the rest.
 */
const SURELY_HUGE = 4;
/** The latest documents an estimate looks at. */
const ESTIMATE_WINDOW = 20_000;
const RECENT_CANDIDATES = 1000;
/**
 * A name with words takes this many times RECENT_CANDIDATES of the documents mentioning it most, before
 * knowing which match the words (about half do: Japan's with `trade` at 1M, 58%).
 */
const MOST_MENTIONING = 2;
/**
 * Past this many documents mentioning a name without its words (at least its documents less those
 * of its words), those documents and the sets they are tested against are bitmaps
 * (namedCandidateSets), not tables. A table's IN is cheaper for a few (a Bloom filter turns most
 * matches away before the probe: `Japan trade` at 1M, 317 such documents, its statement 36.3 ms
 * against 38.7 as bitmaps), and costs a probe of a b-tree for each of many (`US trade`, 166,878).
 * 20,000 left the United States at 200,000 articles (at least 19,000) as tables: `US Japan` 61 ms
 * there, 32 as bitmaps; at 5,000, `Britain trade` at 1M 65.6 -> 52.8 ms and no query slower.
 */
const MENTION_ONLY_TABLE = 5_000;
/** The bounds searchDocuments uses when a plan sets none. */
export const SEARCH_BOUNDS: Readonly<SearchBounds> = {
  scoredMatches: SCORED_MATCHES,
  hugeMatches: HUGE_MATCHES,
  titleCandidates: TITLE_CANDIDATES,
  recentCandidates: RECENT_CANDIDATES,
  mentionOnlyTable: MENTION_ONLY_TABLE,
};
/** Extra rows fetched past the page, so ties at its edge can be ordered by date without a second pass. */
const TIE_SLACK = 16;
/**
 * Scores equal to this many decimals tie. Fine enough that a word found in most documents (whose
 * bm25 is clamped near 1e-6) still ranks by frequency and length; coarse enough to absorb float noise.
 */
const SCORE_DECIMALS = 12;
// Private-use characters mark FTS5 highlights; a body holding them is left unhighlighted.
export const HIGHLIGHT_OPEN = '\ue000';
export const HIGHLIGHT_CLOSE = '\ue001';

/** Run `read` in one read transaction, so every query in it sees the same snapshot even while an ingest writes. */
export function inSnapshot<T>(store: Store, read: () => T): T {
  const db = sqlite(store);
  noteSnapshot(db);
  return db.transaction(read)();
}

/** `IN (…)` of database ids (integers from the database itself, so safe to inline). */
function ids(list: EntityRef[], kind: 'entity' | 'event'): string {
  return list
    .filter((e) => e.kind === kind)
    .map((e) => String(Math.trunc(Number(e.id))))
    .join(', ');
}

/**
 * Documents mentioning any of these entities or events, as SELECTs of `doc_id` and `n`, its
 * mentions there: an entity's from its documents (entity_docs: a row per document, not per
 * mention), an event's a row per mention.
 */
function mentioning(list: EntityRef[]): string[] {
  const parts: string[] = [];
  const entityIds = ids(list, 'entity');
  const eventIds = ids(list, 'event');
  if (entityIds) parts.push(`SELECT doc_id, mentions AS n FROM entity_docs WHERE entity_id IN (${entityIds})`);
  if (eventIds) parts.push(`SELECT doc_id, 1 AS n FROM event_mentions WHERE event_id IN (${eventIds})`);
  return parts;
}

/** The documents of `mentioning`, as one SELECT of ids. */
function documentsMentioning(list: EntityRef[]): string {
  return mentioning(list)
    .map((part) => `SELECT doc_id FROM (${part})`)
    .join(' UNION ');
}

/** Query parameters, bound by name: the path builders add what their SQL needs. */
type Params = Record<string, unknown>;

/** Which documents the filters allow, as SQL conditions on a document id column. */
interface Filtering {
  /** Any filter: an id set (entities, source, tags) or a date range. */
  filtered: boolean;
  /** A date range too wide to build as a set: checked per match in documents_id_date. */
  wideRange: boolean;
  /** Id sets may be bitmaps (the extension's corpus_idset and corpus_in are loaded). */
  bitmaps: boolean;
  /** ` AND …` conditions keeping `column`'s ids within the filters. */
  within: (column: string) => string;
}

/**
 * How a query's matches are read. Plain words count from the FTS index alone (cheap) and are
 * ranked afterwards; a name (alone or with words) counts while ranking, so its candidates are
 * built once.
 */
interface MatchPaths {
  /** Every match with its score. */
  scored: string;
  /** Every match's id, unscored (facets and the date orders: bm25 costs far more than a match). */
  matching: string;
  /** Counted from the FTS index alone (plain words), before ranking. */
  countedFromIndex: boolean;
  /** Past SCORED_MATCHES, the likely candidates scored instead of every match, when the path prunes. */
  pruned?: string;
  /** `pruned` with the count of every match beside it, in one walk (see countAndScoreLikely). */
  prunedWithCount?: string;
  /** An unfiltered name: its exact count, from its two indexes. */
  nameCount?: string;
  /** Several units naming an entity: the ranking with the count of every candidate beside it (`total`). */
  rankedWithTotal?: string;
  /** One name: its count and its best `k`, read by statements of their own (see rankOneName). */
  walk?: (db: Db, k: number) => Walked;
}

/**
 * One page of ranked documents. Candidates and scores come from the FTS index and the indexed id
 * sets of the filters alone — no document row is read — so a word in every document stays cheap;
 * dates (the tie-break) are read only for the top of the list.
 */
export function searchDocuments(store: Store, plan: SearchPlan): SearchPage {
  const db = sqlite(store);
  const { limit, offset } = plan;
  const params: Params = {};
  // Each filter is a set of document ids read from an index (covering: no table rows).
  const idSets: FilterSet[] = plan.filters.map((filter) => ({
    inside: `SELECT doc_id AS id FROM (${documentsMentioning(filter)})`,
  }));
  if (plan.source) {
    params.source = plan.source;
    idSets.push(sourceSet(db, params));
  }
  // Each --tag must be among the document's tags (a source's topics, places, keywords), any case
  // (doc_tags.tag folds case).
  (plan.tags ?? []).forEach((tag, i) => {
    params[`tag${i}`] = tag;
    idSets.push(tagSet(db, `tag${i}`, params));
  });
  (plan.acronyms ?? []).forEach((acronym, i) => {
    params[`acronym${i}`] = acronym;
    idSets.push(acronymSet(`acronym${i}`));
  });
  const range = [plan.from ? 'date >= @from' : '', plan.to ? 'date <= @to' : ''].filter(Boolean).join(' AND ');
  if (plan.from) params.from = plan.from;
  if (plan.to) params.to = plan.to;
  if (plan.match === null)
    return listFiltered(db, idSets, range, plan.exclude, params, plan.sort === 'date', limit, offset);

  const filtering = filteringOf(db, plan, idSets, range, params);
  const { filtered } = filtering;
  const { bm25, counted } = rankFunction(db, plan, params);
  params.titleCandidates = plan.titleCandidates ?? TITLE_CANDIDATES;
  params.recentCandidates = plan.recentCandidates ?? RECENT_CANDIDATES;
  const paths = plan.units.some((u) => u.entities.length > 0)
    ? entityPaths(
        plan,
        filtering,
        bm25,
        params,
        filtering.bitmaps && writtenOtherwise(db, plan.units, plan.mentionOnlyTable ?? MENTION_ONLY_TABLE),
      )
    : wordPaths(plan, filtering, bm25, params);
  const { matching } = paths;
  // Plucked: no object per id (`said` at 1M, 775,284 ids).
  const allIds = (): number[] => statement(db, `SELECT id FROM (${matching})`).pluck().all(params) as number[];
  if (plan.sort === 'date' || plan.sort === '-date')
    return {
      ...datePage(db, matching, range, filtering.bitmaps, params, plan.sort === 'date', offset, limit, plan.passOver),
      allIds,
    };
  const scoredMatches = plan.scoredMatches ?? SCORED_MATCHES;
  const k = Math.max(offset + limit + TIE_SLACK, plan.depth ?? 0);
  let total = -1;
  let estimated = false;
  let atLeast = false;
  // Past HUGE_MATCHES: nothing scored by bm25, the latest candidates taken instead.
  let unscored = false;
  const huge = plan.hugeMatches ?? HUGE_MATCHES;
  let scoredTop: Walked | null = null;
  // A count that stopped past HUGE_MATCHES: what it counted, oldest first, up to its greatest id.
  let stopped: Stopped | null = null;
  // An unfiltered result's estimate from the latest documents, when one was made.
  let latestGuess: number | undefined;
  if (paths.countedFromIndex && filtered) {
    // Filtered words are scored and counted in one pass (see rankFilteredWords).
    const walked = rankFilteredWords(db, plan, paths, filtering, bm25, params, k);
    total = walked.total;
    if (total <= huge) scoredTop = walked;
    else stopped = walked;
  } else if (paths.countedFromIndex) {
    // Counted exactly up to HUGE_MATCHES (a LIMIT FTS5 stops at); beyond, estimated, so a word found
    // in most of a million documents costs a bounded count.
    const atMost = plan.matchesAtMost ?? Number.POSITIVE_INFINITY;
    // With corpus_bm25, one walk whenever the latest documents say the result is not huge, at any
    // size of the rarest word: a phrase of common words (`"interest rates"` at 1M: 31,755 matches,
    // its rarer word in 110,000 documents; 79 -> 50 ms), and not a word whose walk would stop at
    // HUGE_MATCHES having scored for nothing (`oil`, 75,801 of a million). With bm25(), up to
    // ONE_WALK_MATCHES of the rarest word.
    const mayWalkOnce = paths.prunedWithCount !== undefined && atMost > scoredMatches;
    const mayBeHuge = atMost > huge;
    const estimate =
      mayWalkOnce && counted && mayBeHuge
        ? estimateMatches(db, matching, params, plan.estimateWindow ?? ESTIMATE_WINDOW)
        : undefined;
    latestGuess = estimate;
    const oneWalk = mayWalkOnce && (counted ? estimate === undefined || estimate <= huge : atMost <= ONE_WALK_MATCHES);
    const walked = oneWalk ? countAndScoreLikely(db, paths.prunedWithCount!, params, huge, k) : null;
    if (walked) {
      total = walked.total;
      // A smaller result is scored whole below; a larger one is estimated and not scored.
      if (total > scoredMatches && total <= huge) scoredTop = walked;
      if (total > huge) stopped = walked;
    } else if (estimate !== undefined && estimate > SURELY_HUGE * huge) {
      // Far past the bound by the latest documents: counting up to it would only confirm that
      // (`said` at 1M, estimated 775,000: 5 ms of its 14).
      total = estimate;
    } else {
      // Where the count stopped only matters when no estimate was made.
      const last = estimate === undefined ? ', max(id) AS last' : '';
      const row = statement(db, `SELECT count(*) AS total${last} FROM (${matching} LIMIT @cap)`).get({
        ...params,
        cap: huge + 1,
      }) as { total: number; last?: number };
      stopped = { total: row.total, last: row.last ?? null };
      total = row.total;
    }
  }
  if (total > huge) {
    unscored = true;
    if (latestGuess !== undefined) {
      // Unfiltered, the latest documents are as fair a sample as any (`oil` at 1M: 75,759 of 75,801),
      // and they were read already. A walk that counted more than they suggest is a floor.
      atLeast = latestGuess <= huge;
      total = Math.max(huge + 1, latestGuess);
      estimated = true;
    } else if (stopped) {
      const beyond = beyondCounted(
        db,
        matching,
        params,
        stopped,
        plan.estimateWindow ?? ESTIMATE_WINDOW,
        plan.prefixes ?? false,
      );
      total = beyond.total;
      estimated = !beyond.exact;
      // Nothing sampled past what was counted (a filter that leaves out the later documents): say only what was counted.
      atLeast = beyond.floor;
    }
  }
  if (total < 0 && paths.walk) {
    scoredTop = paths.walk(db, k);
    total = scoredTop.total;
    estimated = scoredTop.estimated === true;
  }
  if (total < 0 && paths.nameCount) total = (statement(db, paths.nameCount).get(params) as { n: number }).n;
  const exact = total >= 0;
  if (total === 0 || (total > 0 && offset >= total)) return { total, estimated, atLeast, rows: [], allIds };

  // Top-k pruning: FTS5 scores every match before it sorts, ~2 µs each, so a word found in most
  // documents costs tens of ms. Past SCORED_MATCHES, bm25 is computed only for a bounded set of
  // likely candidates (see likelyCandidates). Such a word ranks documents little by itself (its idf
  // is near zero), so this loses little; the count stays exact.
  let ranked = paths.scored;
  if (unscored) {
    // Too many to score at all: the latest matches with the query in the title, then the latest
    // matches, newest first (early-stopping LIMITs), for the second stage to rank by its own BM25F.
    // The latest matches alone made `oil` at a million articles the last day's stories that name oil
    // anywhere. On Reuters with every result past 300 matches taken this way, P@10 gained 2.1 points
    // over bare bm25 with the latest matches alone and 6.0 with the title matches first (5.9 when
    // every match is scored); with every bound scaled to Reuters as it is to a million (50,000 ->
    // 1,000 matches, 1,000 -> 20 candidates), 1.4 against 2.6 (topic words -4.5 against 0). Half as
    // many title matches as TITLE_CANDIDATES rank the same, in both settings.
    ranked = `SELECT id, max(score) AS score FROM (
        SELECT * FROM (SELECT rowid AS id, 1.0 AS score FROM titles_fts WHERE titles_fts MATCH @titled${filtering.within('titles_fts.rowid')}
          ORDER BY rowid DESC LIMIT @recentCandidates)
        UNION ALL SELECT * FROM (SELECT rowid AS id, 0.0 AS score FROM documents_fts WHERE documents_fts MATCH @match${filtering.within('documents_fts.rowid')}
          ORDER BY rowid DESC LIMIT @recentCandidates)) GROUP BY id`;
  } else if (paths.pruned && total > scoredMatches) ranked = paths.pruned;
  else if (paths.rankedWithTotal) ranked = paths.rankedWithTotal;

  const page = offset + limit;
  const top: { id: number; score: number; total?: number }[] =
    scoredTop?.rows ??
    (statement(
      db,
      `SELECT id, round(score, ${SCORE_DECIMALS}) AS score${exact ? '' : paths.rankedWithTotal ? ', total' : ', count(*) OVER () AS total'} FROM (${ranked}) ORDER BY 2 DESC, 1 DESC LIMIT @k`,
    ).all({ ...params, k }) as {
      id: number;
      score: number;
      total?: number;
    }[]);
  if (!exact) total = top[0]?.total ?? 0;
  if (total === 0 || offset >= total) return { total, estimated, atLeast, rows: [], allIds };
  // The second stage reads what it needs of each candidate (rerankTexts) in one pass of its own.
  if (plan.depth !== undefined)
    return {
      total,
      estimated,
      atLeast,
      rows: top.map((t) => ({ id: t.id, score: t.score, date: null, source: null, title: null })),
      allIds,
    };
  let rows = withDocuments(db, top);
  // A tie that runs past the rows fetched may hide newer documents (a word in most documents scores
  // the same everywhere): take the newest of the whole tie from the date index, no table rows read.
  const edge = rows[Math.min(page, rows.length) - 1]?.score;
  if (top.length === page + TIE_SLACK && top[top.length - 1].score === edge) {
    const above = rows.filter((r) => r.score > edge);
    const tied = statement(
      db,
      `SELECT d.id AS id FROM documents d INDEXED BY documents_date
        WHERE d.id IN (SELECT id FROM (${ranked}) WHERE round(score, ${SCORE_DECIMALS}) = @edge)
        ORDER BY d.date DESC, d.id DESC LIMIT @need`,
    ).all({ ...params, edge, need: page - above.length }) as { id: number }[];
    rows = [
      ...above,
      ...withDocuments(
        db,
        tied.map((t) => ({ id: t.id, score: edge })),
      ),
    ];
  }
  return { total, estimated, atLeast, rows: rows.slice(offset, page), allIds };
}

/**
 * The walk of the date index a page ordered by date may take, in entries per match: past it the
 * matches' own dates are read and sorted. A match's date costs about as much to read as ten entries
 * of the walk, each a bit of the matches' set tested (at a million articles: 0.10–0.26 µs an entry,
 * 1.2–1.8 µs a word's match, 3–7 µs a phrase's).
 */
const WALK_PER_LOOKUP = 10;

/**
 * A page of matches ordered by date (oldest first when `oldest`, undated last either way), and the
 * exact count. With bitmaps, one walk of the matches makes their set and counts them; then the date
 * index is walked in order, testing each document against the set, and stops at the page's end. The
 * walk visits about page × documents / matches entries, so a rare result has its matches' dates read
 * and sorted instead. Before, the date index was read whole beside a b-tree of every match's id, then
 * sorted: 0.2 s for `oil` at a million articles, 0.4 s for `said`.
 */
function datePage(
  db: Db,
  matching: string,
  range: string,
  bitmaps: boolean,
  params: Params,
  oldest: boolean,
  offset: number,
  limit: number,
  passOver: ReadonlySet<number> = new Set(),
): { total: number; rows: SearchRow[] } {
  const direction = oldest ? 'ASC' : 'DESC';
  // Ids only as far as the page and what it passes over; metadata for the page alone (700,000
  // deep into `said` at 1M: every row before the page was read whole, 671 MB).
  const page = offset + limit + passOver.size;
  const { bits, total } = bitmaps
    ? (statement(db, `SELECT corpus_idset(id) AS bits, count(*) AS total FROM (${matching})`).get(params) as {
        bits: Buffer | null;
        total: number;
      })
    : {
        bits: null,
        ...(statement(db, `SELECT count(*) AS total FROM (${matching})`).get(params) as { total: number }),
      };
  if (total <= offset) return { total, rows: [] };
  const [documents = total] = ftsTotals(db);
  const walk = (page * documents) / total;
  let ids: number[];
  if (walk > WALK_PER_LOOKUP * total || !bitmaps) {
    // Few matches (or no bitmaps): each match's date from the covering index, sorted.
    ids = (
      statement(
        db,
        `SELECT x.id AS id FROM (${matching}) m JOIN documents x INDEXED BY documents_id_date ON x.id = m.id
          ORDER BY x.date IS NULL, x.date ${direction}, x.id ${direction} LIMIT @page`,
      ).all({ ...params, page }) as { id: number }[]
    ).map((r) => r.id);
  } else {
    // The dated in index order (within the date range: its matches are nowhere else), then the
    // undated by id: neither sorts, both stop at the page's end.
    const walked = (dated: boolean, need: number) =>
      (
        statement(
          db,
          `SELECT d.id AS id FROM documents d INDEXED BY documents_date
            WHERE d.date IS ${dated ? 'NOT ' : ''}NULL${dated && range ? ` AND ${range}` : ''} AND corpus_in(@bits, d.id)
            ORDER BY ${dated ? `d.date ${direction}, ` : ''}d.id ${direction} LIMIT @need`,
        ).all({ ...params, bits, need }) as { id: number }[]
      ).map((r) => r.id);
    ids = walked(true, page);
    if (ids.length < page && !range) for (const id of walked(false, page - ids.length)) ids.push(id);
  }
  const pageIds = (passOver.size > 0 ? ids.filter((id) => !passOver.has(id)) : ids).slice(offset, offset + limit);
  const byId = metadataOf(db, pageIds);
  return { total, rows: pageIds.flatMap((id) => (byId.has(id) ? [{ ...byId.get(id)!, score: 0 }] : [])) };
}

/**
 * Stage one's score of a match, as SQL: bm25 with the title weighted. corpus_bm25 (native/corpus_rank.c)
 * when the extension is loaded, given the phrases' document counts the search already has; FTS5's
 * bm25() otherwise, which counts them again over their whole doclists (at a million articles, scoring
 * the latest 1,000 matches of `said`: 38 ms against 3). The same scores for the same counts.
 */
function rankFunction(db: Db, plan: SearchPlan, params: Params): { bm25: string; counted: boolean } {
  const weights = `${plan.titleWeight}, ${plan.bodyWeight}`;
  if (!plan.phraseDocuments?.size || !hasRankFunction(db))
    return { bm25: `bm25(documents_fts, ${weights})`, counted: false };
  params.phraseDocuments = [...plan.phraseDocuments].map(([phrase, n]) => `${phrase}\t${n}`).join('\n');
  return { bm25: `corpus_bm25(documents_fts, ${weights}, @phraseDocuments)`, counted: true };
}

/** The filters of a query with words, as conditions on the ids of its matches. */
function filteringOf(db: Db, plan: SearchPlan, idSets: FilterSet[], range: string, params: Params): Filtering {
  const dated = [plan.from ? 'dd.date >= @from' : '', plan.to ? 'dd.date <= @to' : ''].filter(Boolean).join(' AND ');
  // `column` is qualified: the date lookup's own table has an id too.
  const lookUpDate = (column: string): string =>
    ` AND (SELECT 1 FROM documents dd INDEXED BY documents_id_date WHERE dd.id = ${column} AND ${dated}) IS NOT NULL`;
  const filtered = idSets.length > 0 || range !== '';
  if (bitmapsFit(db)) return { ...filteringByBitmaps(db, plan, idSets, range, params, lookUpDate), filtered };
  // A narrow date range is a set of ids; a wide one (a quarter of a million documents at 1M) costs
  // more to build as a set than looking up each match's date (documents_id_date, covering).
  const wideRange = range !== '' && !narrowRange(db, range, params, plan.narrowRange ?? NARROW_RANGE);
  const inside = idSets.map((set) => set.inside);
  const sets = range && !wideRange ? [...inside, `SELECT id FROM documents WHERE ${range}`] : inside;
  // The unary + keeps SQLite from handing the id set to FTS5, which would run the query once per id.
  const within = (column: string): string =>
    sets.map((set) => ` AND +${column} IN (${set})`).join('') + (wideRange ? lookUpDate(column) : '');
  return { filtered, wideRange, within, bitmaps: false };
}

/**
 * The filters as bitmaps (corpus_idset of native/corpus_rank.c), each built once per search and
 * bound as a parameter; corpus_in tests a match against one with a shift. SQLite's IN probes a
 * temporary b-tree per match: `trade --entity Japan` at 1M tested its 147,579 matches against
 * 53,261 documents in 55 ms that way, in 12 this way. A date range costs about a thirtieth of a
 * lookup per document to build, so it is a set up to RANGE_PER_MATCH times the documents of the
 * query's rarest word, counted while it is built.
 */
function filteringByBitmaps(
  db: Db,
  plan: SearchPlan,
  idSets: FilterSet[],
  range: string,
  params: Params,
  lookUpDate: (column: string) => string,
): Omit<Filtering, 'filtered'> {
  // A set much larger than the query's rarest word is not built: its matches are each looked up,
  // as a wide date range's are (`coffee --tag usa` at 1M: usa's 625,890 documents, a 60 ms bitmap,
  // for coffee's 11,524 matches).
  const most = plan.matchesAtMost;
  const probed = (set: FilterSet): boolean =>
    set.probe !== undefined && set.size !== undefined && most !== undefined && set.size > RANGE_PER_MATCH * most;
  const probes = idSets.filter(probed);
  const sets: IdSet[] = idSets.filter((set) => !probed(set)).map((set) => bitmapOf(db, set, params));
  let wideRange = false;
  if (range) {
    const setUpTo = Math.max(plan.narrowRange ?? NARROW_RANGE, RANGE_PER_MATCH * (plan.matchesAtMost ?? 0));
    // A range holding most documents is the set of those outside it, fewer to collect:
    // `--from 1987-06` at 1M holds 832,604, and its set took 55 ms against 21 for the 164,223 outside.
    const outside = rangeShare(db, range, params) > OUTSIDE_SHARE;
    const side = outside
      ? rangesOf('documents_date', [plan.from ? 'date < @from' : '', plan.to ? 'date > @to' : '', 'date IS NULL'])
      : rangesOf('documents_date', [range]);
    const row = memoized<{ bits: Buffer; n: number }>(
      db,
      `SELECT corpus_idset(id) AS bits, count(*) AS n FROM (SELECT * FROM (${side}) LIMIT @most)`,
      { ...params, most: setUpTo + 1 },
    );
    wideRange = row.n > setUpTo;
    if (!wideRange) sets.push({ bits: row.bits, outside });
  }
  const inSets = boundSets(sets, params);
  const within = (column: string): string =>
    [...inSets(column), ...probes.map((set) => set.probe!(column))].map((condition) => ` AND ${condition}`).join('') +
    (wideRange ? lookUpDate(column) : '');
  return { wideRange, within, bitmaps: true };
}

/** Whether id sets may be bitmaps here: the extension is loaded and the documents' ids fit one. */
function bitmapsFit(db: Db): boolean {
  if (!hasRankFunction(db)) return false;
  const { lo, hi } = idBounds(db);
  return lo === null || hi === null || hi - lo < BITMAP_SPAN;
}

/** The least and the greatest document id (null in an empty corpus). */
function idBounds(db: Db): { lo: number | null; hi: number | null } {
  // Two subqueries: SQLite reads a min() or a max() alone from the end of the rowid b-tree.
  return statement(db, 'SELECT (SELECT min(id) FROM documents) AS lo, (SELECT max(id) FROM documents) AS hi').get() as {
    lo: number | null;
    hi: number | null;
  };
}

/**
 * A range holding more than this share of the documents is filtered by the set of those outside it
 * (and undated): collecting a document outside costs about twice one inside (three index ranges).
 */
const OUTSIDE_SHARE = 0.7;
/** Documents a range's share is estimated from, spread evenly over the ids. */
const SHARE_SAMPLES = 64;

/** The share of the documents a date range holds, estimated from SHARE_SAMPLES spread over the ids. */
function rangeShare(db: Db, range: string, params: Params): number {
  const bounds = idBounds(db);
  if (bounds.lo === null || bounds.hi === null) return 0;
  const row = memoized<{ share: number | null }>(
    db,
    `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < @samples - 1)
     SELECT avg(CASE WHEN ${range} THEN 1.0 ELSE 0.0 END) AS share FROM s
       JOIN documents d ON d.id = (SELECT id FROM documents WHERE id >= @lo + s.i * @step ORDER BY id LIMIT 1)`,
    { ...params, samples: SHARE_SAMPLES, lo: bounds.lo, step: (bounds.hi - bounds.lo) / (SHARE_SAMPLES - 1) },
  );
  return row.share ?? 0;
}

/** A filter as a bitmap of ids: those a match must be in, or (`outside`) those it must not be in. */
interface IdSet {
  bits: Buffer;
  outside: boolean;
}

/** Binds each set as @idset{i}; the conditions keeping a `column`'s ids within them all. */
function boundSets(sets: IdSet[], params: Params): (column: string) => string[] {
  sets.forEach((set, i) => (params[`idset${i}`] = set.bits));
  return (column) => sets.map((set, i) => `${set.outside ? 'NOT ' : ''}corpus_in(@idset${i}, ${column})`);
}

/**
 * A filter's documents as SQL selecting `id` (`inside`) and, for one most documents pass, those it
 * leaves out (`outside`): fewer to collect as a bitmap, tested with NOT.
 */
interface FilterSet {
  inside: string;
  outside?: string;
  /** How many documents it holds, when the store keeps that count. */
  size?: number;
  /** A test of one id (`column`) against the filter by an index lookup, for a set too large to build per search. */
  probe?: (column: string) => string;
}

/** A filter's bitmap: of the documents it leaves out when it says which they are (see FilterSet). */
function bitmapOf(db: Db, set: FilterSet, params: Params): IdSet {
  return set.outside !== undefined
    ? { bits: idSetBitmap(db, set.outside, params), outside: true }
    : { bits: idSetBitmap(db, set.inside, params), outside: false };
}

/**
 * The documents of @source, any case, and how many they are (source_totals, kept at ingest: a source
 * alone is counted by it). A source holding more than OUTSIDE_SHARE of the documents says too which
 * documents it leaves out: a corpus from one wire is nearly all that wire's (`--source Reuters` at
 * 1M: 996,827 documents, a bitmap of 84 ms, against the 3,173 of other sources or none).
 */
function sourceSet(db: Db, params: Params): FilterSet {
  const inside = 'SELECT id FROM documents WHERE source = @source COLLATE NOCASE';
  const { size, documents } = statement(
    db,
    `SELECT (SELECT coalesce(sum(documents), 0) FROM source_totals WHERE source = @source COLLATE NOCASE) AS size,
       (SELECT value FROM totals WHERE name = 'documents') AS documents`,
  ).get({ source: params.source }) as { size: number; documents: number | null };
  if (size <= OUTSIDE_SHARE * (documents ?? 0)) return { inside, size };
  const outside = rangesOf('documents_source', [
    'source < @source COLLATE NOCASE',
    'source > @source COLLATE NOCASE',
    'source IS NULL',
  ]);
  return { inside, outside, size };
}

/** The ids of the documents in these ranges of one index (empty conditions left out), as one SELECT. */
function rangesOf(index: string, conditions: string[]): string {
  return conditions
    .filter(Boolean)
    .map((condition) => `SELECT id FROM documents INDEXED BY ${index} WHERE ${condition}`)
    .join(' UNION ALL ');
}

/**
 * The documents tagged @{name}, any case, about how many they are (tag_totals, kept at ingest: a
 * document with a tag in two cases counts twice there), and a test of one id by doc_tags' key.
 */
function tagSet(db: Db, name: string, params: Params): FilterSet {
  const { size } = statement(
    db,
    'SELECT coalesce(sum(documents), 0) AS size FROM tag_totals WHERE tag = @tag COLLATE NOCASE',
  ).get({ tag: params[name] }) as { size: number };
  return {
    inside: `SELECT doc_id AS id FROM doc_tags WHERE tag = @${name}`,
    size,
    // As lookUpDate's: a scalar subquery per id, never turned into a join SQLite could reorder.
    probe: (column) => `(SELECT 1 FROM doc_tags WHERE tag = @${name} AND doc_id = ${column}) IS NOT NULL`,
  };
}

/**
 * The documents writing the acronym @{name} in capitals (doc_acronyms' key): few of its stem's
 * (search/acronyms.ts keeps no other), so built as a set rather than probed per match.
 */
function acronymSet(name: string): FilterSet {
  return { inside: `SELECT doc_id AS id FROM doc_acronyms WHERE acronym = @${name}` };
}

/** The ids of `set` (a SELECT of `id`) as a bitmap, for corpus_in. */
function idSetBitmap(db: Db, set: string, params: Params): Buffer {
  return memoized<{ bits: Buffer }>(db, `SELECT corpus_idset(id) AS bits FROM (${set})`, params).bits;
}

/**
 * A statement's one row, read once while the database is unchanged (PRAGMA data_version and this
 * connection's own changes): one search runs searchDocuments several times (a deeper second stage,
 * a relaxed query), and a filter's set can cost a long index range (`--tag usa` at 1M: 625,890
 * ids, 60 ms; before doc_tags a tag's was a scan of every document, and `oil --tag crude` went
 * 0.9 -> 5.1 s when built every time). Rows holding bitmaps (`bits`) are kept up to
 * BITMAP_CACHE_BYTES per connection.
 */
function memoized<T extends object>(db: Db, sql: string, params: Params): T {
  // Another connection's commits change data_version; this one's own, total_changes(). A read-only
  // connection's own changes are to temporary tables only (each search's snippets write one), which
  // emptied the cache at every search: `oil --from 1987-04 --to 1987-06` at 1M built its range's
  // set (18 ms) again each time in one process.
  const version = statement(
    db,
    db.readonly
      ? 'SELECT data_version FROM pragma_data_version()'
      : "SELECT (SELECT data_version FROM pragma_data_version()) || ':' || total_changes()",
  )
    .pluck()
    .get() as string | number;
  let cache = rowCache.get(db);
  if (!cache || cache.version !== version || cache.bytes > BITMAP_CACHE_BYTES) {
    cache = { version, bytes: 0, rows: new Map() };
    rowCache.set(db, cache);
  }
  // The parameters the SQL names are part of what it means.
  const used = [...new Set(sql.match(/@\w+/g) ?? [])].map((name) => [name, params[name.slice(1)]]);
  const key = `${sql}\n${JSON.stringify(used, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`;
  let row = cache.rows.get(key);
  if (!row) {
    row = statement(db, sql).get(params) as object;
    cache.rows.set(key, row);
    const bits = (row as { bits?: unknown }).bits;
    if (bits instanceof Uint8Array) cache.bytes += bits.length;
  }
  return row as T;
}

const rowCache = new WeakMap<Db, { version: string | number; bytes: number; rows: Map<string, object> }>();
const BITMAP_CACHE_BYTES = 64 * 2 ** 20;

/** Plain words: matched, scored and counted in the FTS index; pruned past SCORED_MATCHES when unfiltered. */
function wordPaths(plan: SearchPlan, filtering: Filtering, bm25: string, params: Params): MatchPaths {
  const { within, filtered } = filtering;
  params.match = plan.match;
  params.titled = plan.match;
  const scored = `SELECT rowid AS id, -${bm25} AS score FROM documents_fts WHERE documents_fts MATCH @match${within('documents_fts.rowid')}`;
  const paths: MatchPaths = {
    scored,
    matching: `SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @match${within('documents_fts.rowid')}`,
    countedFromIndex: true,
  };
  // Only without filters: candidates taken without them can all fall outside (`oil` in one quarter
  // at 1M counted 16,073 documents and showed none); with them, rankFilteredWords prunes from the
  // filtered matches themselves.
  if (!plan.prunable || filtered) return paths;
  const likely = likelyCandidates(
    `SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @match ORDER BY rowid DESC LIMIT @recentCandidates`,
    {},
  );
  return {
    ...paths,
    pruned: `${scored} AND +rowid IN (${likely})`,
    // bm25 runs in the walk's own FTS5 query only if the walk is not flattened into the aggregate:
    // its LIMIT keeps it apart.
    prunedWithCount: `WITH pick AS MATERIALIZED (${likely})
      ${countingWalk('documents_fts MATCH @match', 'rowid IN pick', `round(-${bm25}, ${SCORE_DECIMALS})`, '@cap')}`,
  };
}

/**
 * One walk of the index rows where `where` holds: the count of them all (`total`), with `last` the
 * greatest id (FTS5 walks oldest first: where a LIMIT stopped it; ~20 ns a row, so only when
 * asked) and, as JSON pairs [id, score], the `score` of those where `candidate` holds (`scored`).
 * bm25 runs in the walk's own FTS5 query only if the walk is not flattened into the aggregate: its
 * LIMIT keeps it apart.
 */
function countingWalk(where: string, candidate: string, score: string, limit: string, last = false): string {
  return `SELECT count(*) AS total${last ? ', max(id) AS last' : ''}, json_group_array(json_array(id, score)) FILTER (WHERE score IS NOT NULL) AS scored
    FROM (SELECT rowid AS id, CASE WHEN ${candidate} THEN ${score} END AS score FROM documents_fts WHERE ${where} LIMIT ${limit})`;
}

/**
 * An unfiltered query's count (up to HUGE_MATCHES + 1) and its likely candidates scored, best first
 * (the `k` best, ties newest first), in one walk of its matches: counted apart, the walk was made
 * twice (`oil prices` at a million articles: 28 -> 24 ms in a fresh process).
 */
function countAndScoreLikely(db: Db, sql: string, params: Params, huge: number, k: number): Walked {
  const row = statement(db, sql).get({ ...params, cap: huge + 1 }) as { total: number; last?: number; scored: string };
  const rows = (JSON.parse(row.scored) as [number, number][])
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, k);
  return { total: row.total, last: row.last ?? null, rows };
}

/**
 * A count of the matches, oldest first, that may stop past HUGE_MATCHES: how many it counted and
 * the greatest id it reached (null where it was not asked for).
 */
interface Stopped {
  total: number;
  last: number | null;
}

/** A counting walk (see countingWalk) and the best of the candidates it scored. */
interface Walked extends Stopped {
  rows: { id: number; score: number }[];
  /** The total is in part estimated (see rankOneName). */
  estimated?: boolean;
}

/**
 * Filtered words, counted and ranked in one statement (a separate count evaluated the filters — an
 * entity's documents, each match's date — a second time), up to HUGE_MATCHES + 1 matches: past
 * HUGE_MATCHES the caller estimates the rest from where the walk stopped (see beyondCounted). Words
 * and phrases past SCORED_MATCHES filtered matches are pruned as without filters, but from the
 * filtered matches themselves: the latest SCORED_MATCHES and the latest with the words in the
 * title. (Prefixes and ORs cost more to match again than bm25 costs to score. bm25 cannot sit
 * beside a window function in one SELECT; a materialized CTE keeps them apart.)
 */
function rankFilteredWords(
  db: Db,
  plan: SearchPlan,
  paths: MatchPaths,
  filtering: Filtering,
  bm25: string,
  params: Params,
  k: number,
): Walked {
  const huge = plan.hugeMatches ?? HUGE_MATCHES;
  const scoredMatches = plan.scoredMatches ?? SCORED_MATCHES;
  if (plan.prunable) {
    // One walk of the filtered matches counts them all and scores the candidates, known before it
    // starts: every one when there are at most SCORED_MATCHES (`edge`, found by a walk from the
    // newest that stops there, is null), else the latest RECENT_CANDIDATES (from `recent` on), as
    // without filters, and the latest title matches before them (title matches are matches: the
    // title is in the index). `trade --entity Japan` at 1M, its filter a bitmap either way: 71 -> 49 ms
    // against the filtered matches materialized, sorted and walked again from the oldest candidate.
    const walked = countAndScoreLikely(
      db,
      `WITH edge AS MATERIALIZED (SELECT (SELECT id FROM (${paths.matching}) ORDER BY id DESC LIMIT 1 OFFSET @edgeOffset) AS id,
          (SELECT id FROM (${paths.matching}) ORDER BY id DESC LIMIT 1 OFFSET @recentCandidates - 1) AS recent),
        titled AS MATERIALIZED (SELECT rowid AS id FROM titles_fts WHERE titles_fts MATCH @titled
          AND rowid < (SELECT recent FROM edge)${filtering.within('titles_fts.rowid')} ORDER BY rowid DESC LIMIT @titleCandidates)
      ${countingWalk(
        `documents_fts MATCH @match${filtering.within('documents_fts.rowid')}`,
        '(SELECT id FROM edge) IS NULL OR rowid >= coalesce((SELECT recent FROM edge), rowid) OR rowid IN titled',
        `round(-${bm25}, ${SCORE_DECIMALS})`,
        '@cap',
        true,
      )}`,
      { ...params, edgeOffset: scoredMatches - 1 },
      huge,
      k,
    );
    return walked;
  }
  const rows = statement(
    db,
    `WITH s AS MATERIALIZED (${paths.scored} LIMIT @cap)
       SELECT id, round(score, ${SCORE_DECIMALS}) AS score, count(*) OVER () AS total, max(id) OVER () AS last
         FROM s ORDER BY 2 DESC, 1 DESC LIMIT @k`,
  ).all({ ...params, cap: huge + 1, k }) as { id: number; score: number; total: number; last: number }[];
  return {
    total: rows[0]?.total ?? 0,
    last: rows[0]?.last ?? null,
    rows: rows.map(({ id, score }) => ({ id, score })),
  };
}

/**
 * The documents a query naming entities matches: every unit by its words or, for a name, by a
 * mention. Built as those with all the words — one FTS5 AND, which merges doclists instead of
 * building a set per unit — and, apart, for each name, the documents mentioning it without its words
 * (Japan at 1M, 317 of 52,788; the United States, 166,406 of 206,728) that match every other unit.
 * An INTERSECT of each unit's matches kept every document with a common word in a temporary b-tree:
 * `Japan trade` at 1M held 147,579 for `trade` to find 30,944 (32 -> 12 ms). The two parts share no
 * document (UNION ALL).
 */
function namedCandidates(
  nameUnits: SearchUnit[],
  plain: boolean,
  bitmaps: { words: boolean; mentions: boolean },
  params: Params,
): { without: string; mentionOnly: string } {
  params.all = [...(plain ? [params.plain] : []), ...nameUnits.map((u) => u.expression)]
    .map((e) => `(${e})`)
    .join(' AND ');
  if (bitmaps.mentions) return namedCandidateSets(nameUnits, plain);
  // x{i}: documents mentioning name i without its words. With bitmaps, those with its words are a
  // bitmap rather than a second temporary b-tree beside the first (Japan at 1M: 10 -> 8 ms).
  const without = nameUnits.map((u, i) =>
    bitmaps.words
      ? `x${i} AS MATERIALIZED (SELECT id FROM (SELECT doc_id AS id FROM (${documentsMentioning(u.entities)}))
          WHERE NOT corpus_in((SELECT corpus_idset(rowid) FROM documents_fts WHERE documents_fts MATCH @u${i}), id))`
      : `x${i} AS MATERIALIZED (SELECT doc_id AS id FROM (${documentsMentioning(u.entities)})
          EXCEPT SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @u${i})`,
  );
  // Each is matched within x{i} (a + walks the doclist once: no id set handed to FTS5 per id).
  const byWords = (expression: string, i: number) =>
    `x.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${expression} AND +rowid IN x${i})`;
  const mentionOnly = nameUnits.map((_, i) => {
    const others = nameUnits
      .map((other, j) =>
        j === i
          ? ''
          : ` AND (${byWords(`@u${j}`, i)} OR x.id IN (SELECT doc_id FROM (${documentsMentioning(other.entities)}) WHERE doc_id IN x${i}))`,
      )
      .join('');
    return `SELECT id FROM x${i} AS x WHERE 1${plain ? ` AND ${byWords('@plain', i)}` : ''}${others}`;
  });
  return {
    without: without.join(', '),
    mentionOnly: mentionOnly.map((m) => `SELECT * FROM (${m})`).join(' UNION '),
  };
}

/**
 * Whether some name of the query is mostly written otherwise than by its words (`U.S.`, `US`), from
 * the counts each resolution keeps (stale, they only choose the slower of two ways to the same hits).
 */
function writtenOtherwise(db: Db, units: SearchUnit[], bound: number): boolean {
  return units.some((u) => {
    const ids = u.entities.filter((e) => e.kind === 'entity').map((e) => e.id);
    if (ids.length === 0) return false;
    const documents = statement(
      db,
      'SELECT coalesce(sum(documents), 0) FROM entity_stats WHERE entity_id IN (SELECT value FROM json_each(?))',
    )
      .pluck()
      .get(JSON.stringify(ids)) as number;
    return documents - (u.wordDocuments ?? 0) > bound;
  });
}

/**
 * namedCandidates with bitmaps: each name's documents with its words (w{i}) and mentioning it
 * (e{i}), and the plain words' (pw), are sets built once by one walk of an index each; a document
 * mentioning name i without its words (x{i}, read from the mentions as it is needed; xb{i}, its set)
 * is tested against them with a shift. Each such document is counted once, by the first name it has
 * only by mention (it has the words of every name before). As tables probed by IN, a name whose
 * mentions mostly lack its words cost hundreds of ms: `United States` at 1M has 166,406 documents
 * that say `U.S.` or `US` but not the words, and `Japan United States` took 270–450 ms, `US trade`
 * 250 (see entityPaths).
 */
function namedCandidateSets(nameUnits: SearchUnit[], plain: boolean): { without: string; mentionOnly: string } {
  const inSet = (set: string, column: string) => `corpus_in((SELECT bits FROM ${set}), ${column})`;
  const sets = nameUnits.flatMap((u, i) => {
    const mentions = documentsMentioning(u.entities);
    return [
      `w${i} AS MATERIALIZED (SELECT corpus_idset(rowid) AS bits FROM documents_fts WHERE documents_fts MATCH @u${i})`,
      `e${i} AS MATERIALIZED (SELECT corpus_idset(doc_id) AS bits FROM (${mentions}))`,
      `x${i} AS NOT MATERIALIZED (SELECT doc_id AS id FROM (${mentions}) WHERE NOT ${inSet(`w${i}`, 'doc_id')})`,
      `xb${i} AS MATERIALIZED (SELECT corpus_idset(id) AS bits, count(*) AS n FROM x${i})`,
    ];
  });
  if (plain)
    sets.push(
      'pw AS MATERIALIZED (SELECT corpus_idset(rowid) AS bits FROM documents_fts WHERE documents_fts MATCH @plain)',
    );
  const mentionOnly = nameUnits.map((_, i) => {
    const tests = plain ? [inSet('pw', 'x.id')] : [];
    nameUnits.forEach((_, j) => {
      if (j < i) tests.push(inSet(`w${j}`, 'x.id'));
      if (j > i) tests.push(`(${inSet(`w${j}`, 'x.id')} OR ${inSet(`e${j}`, 'x.id')})`);
    });
    return `SELECT id FROM x${i} AS x WHERE 1${tests.map((t) => ` AND ${t}`).join('')}`;
  });
  return {
    without: sets.join(',\n      '),
    mentionOnly: mentionOnly.map((m) => `SELECT * FROM (${m})`).join(' UNION ALL '),
  };
}

/**
 * A query naming entities: each unit that names one matches by its words or by a mention, the rest
 * by words; a mention adds to the text's score.
 */
function entityPaths(
  plan: SearchPlan,
  filtering: Filtering,
  bm25: string,
  params: Params,
  mentionSets: boolean,
): MatchPaths {
  const { units } = plan;
  const { within, filtered } = filtering;
  const plainUnits = units.filter((u) => u.entities.length === 0);
  const nameUnits = units.filter((u) => u.entities.length > 0);
  if (plainUnits.length > 0) params.plain = plainUnits.map((u) => u.expression).join(' AND ');
  nameUnits.forEach((u, i) => (params[`u${i}`] = u.expression));
  const parts = namedCandidates(
    nameUnits,
    plainUnits.length > 0,
    { words: filtering.bitmaps, mentions: mentionSets },
    params,
  );
  let candidates = `WITH ${parts.without}
    SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @all UNION ALL SELECT id FROM (${parts.mentionOnly})`;
  if (plan.exclude) {
    candidates += ' EXCEPT SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @exclude';
    params.exclude = plan.exclude;
  }
  // Text credit per unit: "United States" scores documents with both words, not every "United".
  params.any = units.map((u) => u.expression).join(' OR ');
  params.bonus = plan.entityBonus;
  // A document's credit for mentioning the query's entities n times (more than 8 count as 8).
  const entityCredit = (n: string) => `@bonus * (1.0 + min(${n}, 8) / 8.0)`;
  // (doc_id, n) rows: a document's credit sums its rows' n.
  const named = units.flatMap((u) => u.entities);
  const mentioned = mentioning(named).join(' UNION ALL ');
  // A candidate's credit, looked up for it alone (for one entity, a seek in entity_docs' key): a
  // set of every candidate's credits joined back to them cost more (`Japan trade` at 1M, its 7,525
  // candidates: 86 -> 67 ms for the statement, in one process, one after the other).
  const creditOf = (id: string) =>
    `coalesce((SELECT ${entityCredit('sum(n)')} FROM (${mentioned}) AS m0 WHERE m0.doc_id = ${id}), 0.0)`;
  params.titled = params.any;

  const byRelevance = plan.sort !== 'date' && plan.sort !== '-date';
  // No filter and ranked by relevance: the likely candidates may come from the index alone.
  const unfiltered = !filtered && byRelevance;
  if (units.length === 1 && plainUnits.length === 0 && !plan.exclude) {
    // A query that is one name: the candidates are exactly the documents with its words or a mention,
    // so each side is scored on its own and summed per document (no candidate set to build and
    // join: a third of the time of a name with thousands of documents, such as a country).
    const summed = (picked: string): string => `WITH ${picked ? `pick AS MATERIALIZED (${picked}),` : ''}
      txt AS MATERIALIZED (SELECT rowid AS id, -${bm25} AS s FROM documents_fts WHERE documents_fts MATCH @any${picked ? ' AND +rowid IN pick' : ''})
      SELECT id, sum(s) AS score FROM (
        SELECT id, s FROM txt
        UNION ALL SELECT doc_id AS id, ${entityCredit('sum(n)')} AS s FROM (${mentioned})${picked ? ' WHERE doc_id IN pick' : ''} GROUP BY doc_id
      ) AS part WHERE 1${within('part.id')} GROUP BY id`;
    // A frequent name (Japan: 64,142 documents at 1M, 120 ms) is counted exactly from its two
    // indexes, and past SCORED_MATCHES only likely candidates are scored: the latest documents with
    // the name in the title, the latest matches, and those mentioning it most, all within the
    // filters. (Filtered, every match was scored: `Japan --source Reuters` at 1M, 212 ms.)
    const matching = `SELECT id FROM (${candidates}) AS c1 WHERE 1${within('c1.id')}`;
    const latest = `SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @any${within('documents_fts.rowid')}
                ORDER BY rowid DESC LIMIT @recentCandidates`;
    if (byRelevance && filtering.bitmaps)
      return {
        scored: summed(''),
        matching,
        countedFromIndex: false,
        walk: (db, k) =>
          rankOneName(
            db,
            named,
            likelyCandidates(latest, { named, within }),
            filtering,
            bm25,
            entityCredit,
            params,
            plan,
            k,
          ),
      };
    return {
      scored: summed(''),
      matching,
      countedFromIndex: false,
      nameCount: byRelevance ? `SELECT count(*) AS n FROM (${matching})` : undefined,
      pruned: byRelevance ? summed(likelyCandidates(latest, { named, within })) : undefined,
    };
  }
  // The candidates (filters applied) are built once, and only they are scored: 'Japan trade' at 1M
  // scored all 190,000 documents with either word for its 30,944 candidates (300 -> 200 ms).
  const scoring = (from: string, total: string) => `
      txt AS MATERIALIZED (SELECT rowid AS id, ${bm25} AS bm FROM documents_fts WHERE documents_fts MATCH @any AND +rowid IN ${from})
    SELECT c.id AS id, coalesce(-t.bm, 0.0) + ${creditOf('c.id')} AS score${total}
    FROM ${from} c LEFT JOIN txt t ON t.id = c.id`;
  const cand = `cand AS MATERIALIZED (SELECT id FROM (${candidates}) AS c0 WHERE 1${within('c0.id')})`;
  const scoredMatches = plan.scoredMatches ?? SCORED_MATCHES;
  params.scoredMatches = scoredMatches;
  const paths = {
    scored: `WITH ${cand}, ${scoring('cand', '')}`,
    matching: `WITH ${cand} SELECT id FROM cand`,
    countedFromIndex: false,
  };
  if (byRelevance && !plan.exclude && nameUnits.length === 1 && plainUnits.length > 0) {
    // One name with words: the likely candidates are known before the walk that counts the
    // documents with all the words (within the filters), which scores them as it counts: all of
    // them when there are at most SCORED_MATCHES (`edge`, found by a walk from the newest that stops
    // there, is null), else the latest RECENT_CANDIDATES (from `recent` on; the latest
    // SCORED_MATCHES were scored before, 7,525 candidates for `Japan trade` at 1M: the same top 10
    // for it and three other names with a word, 10–15% faster, alternated 21 times, and the same
    // P@10 and nDCG@10 on bench:relevance with its bounds scaled as at 1M), the latest with a word
    // in the title before them, and MOST_MENTIONING times RECENT_CANDIDATES of the
    // documents mentioning the entities most (about as many among the matches as the
    // RECENT_CANDIDATES taken from a set of matches built first). The documents mentioning the name
    // without its words that have the other words are found, counted and scored in one walk of those
    // words (bm25 of them alone is bm25 of the whole query's words there, as no word of the name is):
    // scored, the latest SCORED_MATCHES of them, found by a walk back from the newest as `edge` is
    // (all of them, most often: Japan at 1M has 317, 51 of them with `trade`), and the most
    // mentioning. (They were those among the latest 16 × SCORED_MATCHES documents mentioning the
    // name without its words: `US trade` at 1M scored 20,216 of its 166,878, and bench:relevance
    // ranks every query the same either way, its bounds as they are and scaled as at 1M.) At 1M,
    // alternated in one process with the plan of several names: `Japan trade` 130 -> 114 ms; with
    // `--from 1987-06`, 145 -> 122; with `--entity Reagan`, 80 -> 65. (The title candidates come
    // from documents_fts here, not titles_fts: FTS5 intersects the title matches with all the words
    // itself, 1.4 ms against 3.2 for `Japan trade` at 1M.)
    params.titledAll = `({title} : (${params.titled})) AND (${params.all})`;
    params.edgeOffset = scoredMatches - 1;
    const inX0 = mentionSets ? 'corpus_in((SELECT bits FROM xb0), documents_fts.rowid)' : '+rowid IN x0';
    // No walk back when there are too few to pass the bound (Japan's 317): it would read every
    // document with the other words (`trade`, 147,070 at 1M) to find none.
    const x0Count = mentionSets ? '(SELECT n FROM xb0)' : '(SELECT count(*) FROM x0)';
    params.mostCandidates = MOST_MENTIONING * (plan.recentCandidates ?? RECENT_CANDIDATES);
    return {
      ...paths,
      rankedWithTotal: `WITH ${parts.without},
        edge AS MATERIALIZED (SELECT (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @all${within('documents_fts.rowid')} ORDER BY rowid DESC LIMIT 1 OFFSET @edgeOffset) AS id,
          (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @all${within('documents_fts.rowid')} ORDER BY rowid DESC LIMIT 1 OFFSET @recentCandidates - 1) AS recent,
          CASE WHEN ${x0Count} > @edgeOffset THEN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @plain AND ${inX0}${within('documents_fts.rowid')}
            ORDER BY rowid DESC LIMIT 1 OFFSET @edgeOffset) END AS x0),
        most AS MATERIALIZED (${mostMentioning(named, `1${within('m1.doc_id')}`, '@mostCandidates')}),
        pre AS MATERIALIZED (
          SELECT * FROM (SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @titledAll AND rowid < (SELECT recent FROM edge)${within('documents_fts.rowid')}
            ORDER BY rowid DESC LIMIT @titleCandidates)
          UNION SELECT id FROM most),
        walk AS MATERIALIZED (${countingWalk(
          `documents_fts MATCH @all${within('documents_fts.rowid')}`,
          '(SELECT id FROM edge) IS NULL OR rowid >= coalesce((SELECT recent FROM edge), rowid) OR rowid IN pre',
          `-${bm25}`,
          '-1',
        )}),
        extra AS MATERIALIZED (SELECT rowid AS id, CASE WHEN rowid >= coalesce((SELECT x0 FROM edge), rowid) OR rowid IN most THEN -${bm25} END AS s
          FROM documents_fts WHERE documents_fts MATCH @plain AND ${inX0}${within('documents_fts.rowid')} LIMIT -1),
        txt AS MATERIALIZED (SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS s FROM walk, json_each(walk.scored)
          UNION ALL SELECT id, s FROM extra WHERE s IS NOT NULL)
      SELECT t.id AS id, t.s + ${creditOf('t.id')} AS score, (SELECT total FROM walk) + (SELECT count(*) FROM extra) AS total
      FROM txt t`,
    };
  }
  if (unfiltered && !plan.exclude) {
    // Several names, unfiltered: the likely candidates come from the index itself, not from the
    // whole candidate set sorted and read again: the latest with all the words and the latest
    // mentions without them (all of both when they are at most SCORED_MATCHES together, else
    // RECENT_CANDIDATES of each, as for one name), the latest with all the words and one in the
    // title. Counted as its two disjoint parts.
    params.titledAll = `({title} : (${params.titled})) AND (${params.all})`;
    return {
      ...paths,
      rankedWithTotal: `WITH ${parts.without},
        extra AS MATERIALIZED (${parts.mentionOnly}),
        whole AS MATERIALIZED (SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @all),
        cand AS (SELECT id FROM whole UNION ALL SELECT id FROM extra),${filtering.bitmaps ? '\n        candBits AS MATERIALIZED (SELECT corpus_idset(id) AS bits FROM cand),' : ''}
        latest AS MATERIALIZED (SELECT CASE WHEN (SELECT count(*) FROM whole) + (SELECT count(*) FROM extra) > @scoredMatches
          THEN @recentCandidates ELSE @scoredMatches END AS n),
        pick AS MATERIALIZED (
          SELECT * FROM (SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @all ORDER BY rowid DESC LIMIT (SELECT n FROM latest))
          UNION SELECT * FROM (SELECT id FROM extra ORDER BY id DESC LIMIT (SELECT n FROM latest))
          UNION SELECT * FROM (SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @titledAll ORDER BY rowid DESC LIMIT @titleCandidates)
          UNION SELECT * FROM (${eachMentioningMost(named, filtering.bitmaps ? 'corpus_in((SELECT bits FROM candBits), m1.doc_id)' : 'm1.doc_id IN cand')})),
        ${scoring('pick', ', (SELECT count(*) FROM whole) + (SELECT count(*) FROM extra) AS total')}`,
    };
  }
  // Ranked, past SCORED_MATCHES candidates only the likely ones are scored (as for plain words): the
  // latest SCORED_MATCHES candidates (so all of a smaller set), the latest with a query word in the
  // title and those mentioning the entities most. The count is of every candidate.
  return {
    ...paths,
    rankedWithTotal: `WITH ${cand},
      many AS MATERIALIZED (SELECT count(*) > @scoredMatches AS yes FROM cand),
      pick AS MATERIALIZED (${likelyCandidates('SELECT id FROM cand ORDER BY id DESC LIMIT @scoredMatches', { named, among: 'cand', when: '(SELECT yes FROM many)' })}),
      ${scoring('pick', ', (SELECT count(*) FROM cand) AS total')}`,
  };
}

/**
 * A query that is one name, counted and ranked with bitmaps, in plain statements that each read one
 * index once: the documents with its words (counted, as a set), those mentioning it without them
 * (counted against that set), the likely candidates (`picked`: the latest matches, the latest with
 * the name in the title, those mentioning it most; every document when there are at most
 * SCORED_MATCHES) scored in a second walk of the words and credited from its mentions in them.
 * Counted by SQL's sets, the words were walked three times and the mentions read twice; one statement
 * that counted as it scored cost twice a bare walk for each match (a CASE and a JSON row apiece). At
 * a million articles, the same hits and counts, whole searches alternated in one process: `Japan`
 * 62.8 -> 54.5 ms, `Reagan` 48.8 -> 42.4, `EC` 46.4 -> 39.8 (medians of 7).
 *
 * A name whose words alone are past HUGE_MATCHES is past it whatever else matches: unfiltered, its
 * words are counted only up to the bound, and past it its documents with them and without them are
 * estimated from the latest ESTIMATE_WINDOW documents (estimateName), as a huge count of words is,
 * not counted (`US` at the realistic million: 110,568 with the word, 166,878 without, read from
 * 206,728 rows of entity_docs: 12 ms of its 40; `U.S.`, the phrase `u s`, 87 -> 66 ms when its words
 * were no longer walked whole to be counted). The picked candidates' credits
 * are read by their keys, not by testing each of the entity's documents against them (`US`: 3,983
 * picked, 2.8 ms against 10.3).
 */
function rankOneName(
  db: Db,
  named: EntityRef[],
  picked: string,
  filtering: Filtering,
  bm25: string,
  credit: (n: string) => string,
  params: Params,
  plan: SearchPlan,
  k: number,
): Walked {
  const { within } = filtering;
  // (doc_id, n) once per document: one entity's rows are; several sources are summed.
  const single = named.length === 1 && named[0].kind === 'entity';
  const rows = single
    ? mentioning(named)[0]
    : `SELECT doc_id, sum(n) AS n FROM (${mentioning(named).join(' UNION ALL ')}) GROUP BY doc_id`;
  const huge = plan.hugeMatches ?? HUGE_MATCHES;
  // Unfiltered, its words are counted only up to the bound: past it the total is estimated.
  const cap = filtering.filtered ? -1 : huge + 1;
  const words = statement(
    db,
    `SELECT count(*) AS n, corpus_idset(id) AS bits FROM (SELECT rowid AS id FROM documents_fts
      WHERE documents_fts MATCH @any${within('documents_fts.rowid')} LIMIT @cap)`,
  ).get({ ...params, cap }) as { n: number; bits: Buffer | null };
  // The documents mentioning it without its words, as ids.
  const without = `SELECT m.doc_id AS id FROM (${rows}) AS m WHERE NOT corpus_in(@words, m.doc_id)${within('m.doc_id')}`;
  const estimated = words.n > huge && !filtering.filtered;
  const total = estimated
    ? Math.max(huge + 1, estimateName(db, without, params, plan.estimateWindow ?? ESTIMATE_WINDOW))
    : words.n +
      (statement(db, `SELECT count(*) AS n FROM (${without})`).get({ ...params, words: words.bits }) as { n: number })
        .n;
  const every = total <= (plan.scoredMatches ?? SCORED_MATCHES);
  const pick = every
    ? null
    : (statement(db, `SELECT corpus_idset(id) AS bits, json_group_array(id) AS ids FROM (${picked})`).get(params) as {
        bits: Buffer | null;
        ids: string;
      });
  const among = (column: string) => (every ? '' : ` AND corpus_in(@pick, ${column})`) + within(column);
  // One entity's rows are keyed by (entity, document): the picked are sought, not tested.
  const credited =
    every || !single
      ? among('m.doc_id')
      : ` AND m.doc_id IN (SELECT value FROM json_each(@pickIds))${within('m.doc_id')}`;
  const top = statement(
    db,
    `WITH txt AS MATERIALIZED (SELECT rowid AS id, -${bm25} AS s FROM documents_fts WHERE documents_fts MATCH @any${among('documents_fts.rowid')})
    SELECT id, round(sum(s), ${SCORE_DECIMALS}) AS score FROM (
      SELECT id, s FROM txt
      UNION ALL SELECT doc_id AS id, ${credit('n')} AS s FROM (${rows}) AS m WHERE 1${credited}
    ) GROUP BY id ORDER BY 2 DESC, 1 DESC LIMIT @k`,
  ).all({ ...params, pick: pick?.bits ?? null, pickIds: pick?.ids ?? '[]', k }) as { id: number; score: number }[];
  return { total, last: null, rows: top, estimated };
}

/**
 * A name's documents, estimated from the latest `span` documents as a huge word's are (see
 * estimateMatches): those with its words (@any) and, apart, those mentioning it without them
 * (`without`, tested against the window's documents with the words), in one walk of the window.
 */
function estimateName(db: Db, without: string, params: Params, span: number): number {
  return fromLatest(db, span, (after) => {
    const words = statement(
      db,
      'SELECT count(*) AS n, corpus_idset(rowid) AS bits FROM documents_fts WHERE documents_fts MATCH @any AND rowid > @above',
    ).get({ ...params, above: BigInt(after) }) as { n: number; bits: Buffer | null };
    return words.n + matchesBetween(db, without, { ...params, words: words.bits }, after);
  });
}

/**
 * The likely best of a large result, as one SELECT of ids, for bm25 to score instead of every match:
 * `latest` (its latest documents), the latest TITLE_CANDIDATES with a query word in the title
 * (@titled), and for a name the RECENT_CANDIDATES mentioning its entities and events most
 * (`named`). `among`: a materialized set the title matches and mentions must be in; `within`: the
 * filters they must pass; `when`: a condition for reading those two at all (false for a result small
 * enough to score whole).
 */
function likelyCandidates(
  latest: string,
  options: { named?: EntityRef[]; among?: string; when?: string; within?: (column: string) => string },
): string {
  const { named, among, when, within = () => '' } = options;
  const gate = when ? `${when} AND ` : '';
  const parts = [
    latest,
    `SELECT rowid AS id FROM titles_fts WHERE ${gate}titles_fts MATCH @titled${among ? ` AND +rowid IN ${among}` : ''}${within('titles_fts.rowid')}
      ORDER BY rowid DESC LIMIT @titleCandidates`,
  ];
  if (named?.length)
    parts.push(mostMentioning(named, `${gate}${among ? `m1.doc_id IN ${among}` : '1'}${within('m1.doc_id')}`));
  return parts.map((p) => `SELECT * FROM (${p})`).join(' UNION ');
}

/**
 * The RECENT_CANDIDATES documents (where `condition` holds of `m1.doc_id`) mentioning these
 * entities and events most. One entity reads them in that order from entity_docs_most and stops
 * (Japan at 1M: 0.5 ms against 14 for counting all its 52,839 documents); several are summed per
 * document.
 */
function mostMentioning(named: EntityRef[], condition: string, limit = '@recentCandidates'): string {
  if (named.length === 1 && named[0].kind === 'entity')
    return `SELECT doc_id AS id FROM entity_docs AS m1 INDEXED BY entity_docs_most
      WHERE ${condition} AND m1.entity_id = ${Math.trunc(Number(named[0].id))}
      ORDER BY m1.mentions DESC, m1.doc_id LIMIT ${limit}`;
  return `SELECT doc_id AS id FROM (${mentioning(named).join(' UNION ALL ')}) AS m1 WHERE ${condition}
      GROUP BY doc_id ORDER BY sum(n) DESC, doc_id LIMIT ${limit}`;
}

/**
 * The RECENT_CANDIDATES documents (where `condition` holds of `m1.doc_id`) mentioning these names
 * most, as each entity's share of them: its documents read in that order from entity_docs_most up to
 * the share (and the documents of its events, as mostMentioning reads them). Summed per document
 * over every document of the names, then sorted, they were a third of the statement of two frequent
 * names (`Reagan Iran` at 1M: 31,913 rows for 1,000 documents, 8 ms). Only a document mentioning
 * several of them ranks differently, and its credit stops growing at 8 mentions (see entityPaths).
 */
function eachMentioningMost(named: EntityRef[], condition: string): string {
  const entities = named.filter((e) => e.kind === 'entity');
  const events = named.filter((e) => e.kind === 'event');
  // An integer, as LIMIT wants (a bound parameter is a REAL: 1000 / 3 is 333.33).
  const share = `max(1, CAST(@recentCandidates / ${entities.length + (events.length > 0 ? 1 : 0)} AS INTEGER))`;
  const parts = entities.map((e) => mostMentioning([e], condition, share));
  if (events.length > 0) parts.push(mostMentioning(events, condition, share));
  return parts.map((p) => `SELECT * FROM (${p})`).join(' UNION ');
}

/** Date ranges holding at most this many documents are filtered as a set of ids. */
const NARROW_RANGE = 20_000;
/**
 * With bitmaps, a date range is a set up to this many times the documents of the query's rarest word:
 * a document costs about a thirtieth as much to add to a bitmap as a match costs to look up.
 */
const RANGE_PER_MATCH = 25;

/** Whether a date range holds few enough documents to filter by as a set (counted on the date index, capped). */
function narrowRange(db: Db, range: string, params: Record<string, unknown>, most: number): boolean {
  const [documents = 0] = ftsTotals(db);
  if (documents <= most) return true;
  const row = statement(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM documents INDEXED BY documents_date WHERE ${range} LIMIT @most)`,
  ).get({ ...params, most: most + 1 }) as { n: number };
  return row.n <= most;
}

/**
 * Matches of a huge result, estimated: the share of the latest ESTIMATE_WINDOW documents that match
 * (FTS5 seeks to a rowid range, so this reads only their part of each doclist) times all documents.
 */
function estimateMatches(db: Db, matching: string, params: Record<string, unknown>, span: number): number {
  return fromLatest(db, span, (after) => matchesBetween(db, matching, params, after));
}

/** What `count` finds among the latest `span` documents (those with ids above `after`), scaled to all. */
function fromLatest(db: Db, span: number, count: (after: number) => number): number {
  const window = latestDocuments(db, span);
  if (window.documents === 0) return 0;
  const inWindow = count(window.after);
  const [documents = window.documents] = ftsTotals(db);
  return Math.round((inWindow / window.documents) * documents);
}

/** The matches with ids above `above` (and up to `upTo`): FTS5 seeks to the range, reading only its part of each doclist. */
function matchesBetween(db: Db, matching: string, params: Params, above: number, upTo?: number): number {
  const bound = upTo === undefined ? '' : ' AND id <= @upTo';
  return (
    statement(db, `SELECT count(*) AS n FROM (${matching}) WHERE id > @above${bound}`).get({
      ...params,
      // Integers: FTS5 seeks only to an integer rowid bound (a JS number binds as REAL and scans).
      above: BigInt(above),
      ...(upTo === undefined ? {} : { upTo: BigInt(upTo) }),
    }) as { n: number }
  ).n;
}

/** Windows beyondCounted samples: spread over the documents not counted, ESTIMATE_WINDOW in all. */
const STRATA = 4;

/**
 * The total of a result whose count stopped past HUGE_MATCHES: what was counted (the oldest
 * matches, up to id `last`) and the rest. The rest is counted when it lies within `span` ids;
 * otherwise it is estimated from STRATA windows spread evenly over it, span / STRATA ids each (FTS5
 * seeks to a rowid range, so each reads only its part of each doclist), scaled by the ids they
 * cover. Estimated from the latest documents alone, and scaled to the whole corpus, a date filter
 * made the estimate wrong in kind: at a million articles `oil --from 1987-06` was "about 75,759"
 * (the latest documents all in the range; 63,445 are) and `shares --to 1987-09` "at least 50,001"
 * (none of them in it; 96,977 are); from four windows, 62,896 and 82,253 (8 windows erred less, 4%
 * at most, but cost twice as much). `floor`: no window held a match, so the total is only what was
 * counted. A query with a prefix has the rest counted in one walk (`wholeRest`): FTS5 merges a
 * prefix's doclists whole before a rowid bound applies, so each window cost as much as the walk
 * (`acqui*` at 1M: 12 ms a window).
 */
function beyondCounted(
  db: Db,
  matching: string,
  params: Params,
  stopped: Stopped,
  span: number,
  wholeRest: boolean,
): { total: number; exact: boolean; floor: boolean } {
  const { hi } = idBounds(db);
  // A walk that did not say where it stopped (bm25() without the extension) is asked again.
  const last =
    stopped.last ??
    ((
      statement(db, `SELECT max(id) AS last FROM (${matching} LIMIT @cap)`).get({ ...params, cap: stopped.total }) as {
        last: number | null;
      }
    ).last ||
      0);
  const counted = (above: number, upTo: number) => matchesBetween(db, matching, params, above, upTo);
  if (hi === null || hi <= last) return { total: stopped.total, exact: true, floor: false };
  const rest = hi - last;
  if (rest <= span || wholeRest) return { total: stopped.total + counted(last, hi), exact: true, floor: false };
  const width = Math.max(1, Math.floor(span / STRATA));
  let found = 0;
  for (let i = 0; i < STRATA; i++) {
    const from = last + Math.floor((i * (rest - width)) / (STRATA - 1));
    found += counted(from, from + width);
  }
  const beyond = Math.round((found * rest) / (width * STRATA));
  return { total: stopped.total + beyond, exact: false, floor: found === 0 };
}

/** The date, source and title of these documents, by id (those that exist). */
function metadataOf(db: Db, ids: number[]): Map<number, Omit<SearchRow, 'score'>> {
  const rows = statement(
    db,
    'SELECT id, date, source, title FROM documents WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as Omit<SearchRow, 'score'>[];
  return new Map(rows.map((m) => [m.id, m]));
}

/** The documents' metadata for scored ids, ordered by score, then newest first. */
function withDocuments(db: Db, scored: { id: number; score: number }[]): SearchRow[] {
  const byId = metadataOf(
    db,
    scored.map((r) => r.id),
  );
  return scored
    .filter((r) => byId.has(r.id))
    .map((r) => ({ ...byId.get(r.id)!, score: r.score }))
    .sort((a, b) => b.score - a.score || compareDates(b.date, a.date) || b.id - a.id);
}

/**
 * Filters without words: matching documents, newest first (or oldest, undated last either way),
 * read from the date index (covering: no document row until a row is shown), within the date range
 * when there is one, keeping the ids in each filter's set. The page stops at its last row; the count
 * reads index entries only, or, with neither a date range nor excluded words, is the size of the
 * sets' intersection, read from their own indexes. (Checking every document against the sets
 * instead cost 100 ms at a million articles for `--entity Brazil --from 1987-03 --to 1987-03`; this
 * plan, 7 ms.)
 */
function listFiltered(
  db: Db,
  idSets: FilterSet[],
  range: string,
  exclude: string | null,
  params: Record<string, unknown>,
  oldest: boolean,
  limit: number,
  offset: number,
): SearchPage {
  // With bitmaps, a date range's documents are each tested with a shift, not probed in a b-tree:
  // `--entity Brazil --from 1987-03 --to 1987-03` at 1M, 16 -> 6 ms.
  const inSets = bitmapsFit(db)
    ? boundSets(
        idSets.map((set) => bitmapOf(db, set, params)),
        params,
      )('d.id')
    : idSets.map((set) => `d.id IN (${set.inside})`);
  const conditions = [range, ...inSets].filter(Boolean);
  if (exclude) {
    conditions.push('d.id NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @exclude)');
    params.exclude = exclude;
  }
  const from = `FROM documents d INDEXED BY documents_date WHERE ${conditions.join(' AND ')}`;
  // One set whose size the store keeps (a source) is counted by it; several, as their intersection
  // (a set lists a document once per mention: DISTINCT counts documents).
  const known = !range && !exclude && idSets.length === 1 ? idSets[0].size : undefined;
  const counting = () =>
    !range && !exclude && idSets.length > 0
      ? `SELECT count(*) AS n FROM (SELECT DISTINCT * FROM (${idSets.map((set) => `SELECT * FROM (${set.inside})`).join(' INTERSECT ')}))`
      : `SELECT count(*) AS n ${from}`;
  const total = known ?? (statement(db, counting()).get(params) as { n: number }).n;
  const allIds = (): number[] => statement(db, `SELECT d.id AS id ${from}`).pluck().all(params) as number[];
  const listed = (where: string, order: string, take: number, skip: number) =>
    statement(
      db,
      `SELECT d.id AS id, d.date AS date, d.source AS source, d.title AS title, 0.0 AS score ${from}${where}
        ORDER BY ${order} LIMIT @take OFFSET @skip`,
    ).all({ ...params, take, skip }) as SearchRow[];
  if (total <= offset) return { total, rows: [], allIds };
  if (!oldest) return { total, rows: listed('', 'd.date DESC NULLS LAST, d.id DESC', limit, offset), allIds };
  // Oldest first, undated last: not the index's order (NULL sorts first), so the dated and the
  // undated are read apart, each in index order, rather than every match sorted.
  const undated = range
    ? 0
    : (statement(db, `SELECT count(*) AS n ${from} AND d.date IS NULL`).get(params) as { n: number }).n;
  const dated = total - undated;
  const rows = offset < dated ? listed(' AND d.date IS NOT NULL', 'd.date, d.id', limit, offset) : [];
  if (rows.length < limit && undated > 0)
    for (const row of listed(' AND d.date IS NULL', 'd.id', limit - rows.length, Math.max(0, offset - dated)))
      rows.push(row);
  return { total, rows, allIds };
}

/** Title and body with FTS5's marks (HIGHLIGHT_OPEN/CLOSE) around the matches of `match`. */
export interface MarkedText {
  title: string | null;
  body: string | null;
}

/**
 * The hits' title and body with `match` (an OR of the query's terms) marked by FTS5. Where one pass
 * over the index walks up to SCRATCH_WALK documents (`walk`: the documents of the expression's
 * terms), in that pass (a rowid lookup per hit seeks in every doclist again: 2–10× slower on
 * Reuters, most for a prefix). Past it the hits are copied into a scratch FTS5 table with the
 * index's tokenizer and marked there, so the cost follows the hits, not the index: a prefix found in
 * 80,000 documents at 1M spent 50–100 ms expanding itself over every match for ten hits. A hit
 * longer than SCRATCH_CHARS is then marked in the index instead (tokenizing it again would cost
 * more).
 */
export function markedTexts(store: Store, match: string, docIds: number[], walk: number): Map<number, MarkedText> {
  const db = sqlite(store);
  const out = new Map<number, MarkedText>();
  if (docIds.length === 0) return out;
  const marks = (table: string) => `highlight(${table}, 0, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}') AS title,
            highlight(${table}, 1, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}') AS body`;
  const inIndex = (ids: number[], onePass: boolean): void => {
    const rows = statement(
      db,
      `SELECT rowid AS id, ${marks('documents_fts')}
         FROM documents_fts WHERE documents_fts MATCH ? AND ${onePass ? '+' : ''}rowid IN (SELECT value FROM json_each(?))`,
    ).all(match, JSON.stringify(ids)) as ({ id: number } & MarkedText)[];
    for (const row of rows) out.set(row.id, row);
  };
  if (walk <= SCRATCH_WALK) {
    inIndex(docIds, true);
    return out;
  }
  const sizes = statement(db, 'SELECT id, chars FROM documents WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(docIds),
  ) as { id: number; chars: number }[];
  const short = sizes.filter((d) => d.chars <= SCRATCH_CHARS).map((d) => d.id);
  const long = sizes.filter((d) => d.chars > SCRATCH_CHARS).map((d) => d.id);
  if (short.length > 0) {
    prepareScratch(db);
    db.transaction(() => {
      statement(db, 'DELETE FROM temp.corpus_hit_text').run();
      statement(
        db,
        `INSERT INTO temp.corpus_hit_text (rowid, title, body)
           SELECT id, coalesce(title, ''), body FROM documents_story WHERE id IN (SELECT value FROM json_each(?))`,
      ).run(JSON.stringify(short));
      const rows = statement(
        db,
        `SELECT rowid AS id, ${marks('corpus_hit_text')} FROM temp.corpus_hit_text WHERE corpus_hit_text MATCH ?`,
      ).all(match) as ({ id: number } & MarkedText)[];
      for (const row of rows) out.set(row.id, row);
    })();
  }
  if (long.length > 0) inIndex(long, false);
  return out;
}

/**
 * Hits whose marking would walk more documents than this in the index are marked in the scratch
 * table (see markedTexts). At a million articles ten hits cost 0.5–2 ms there, whatever the index;
 * one pass, warm, about 0.05 µs a document walked (a word's) to 0.3 (a phrase's): `Texaco`, 3,922
 * documents, 0.6 ms against 1.5; `tariff`, 15,129, 1.0 against 1.4; `OPEC oil` (83,000) 4.1 against
 * 1.5; `"trade deficit"` 4.0 against 0.6. A command run once reads the pages it walks first, so the
 * bound stays where the matches' count had put it for a word.
 */
export const SCRATCH_WALK = 10_000;
/** Hits longer than this (characters) are marked in the index rather than in the scratch table. */
const SCRATCH_CHARS = 1_000_000;
const scratchReady = new WeakSet<Db>();

/** The scratch table hits are marked in: temp, so a read-only database works; the index's tokenizer. */
function prepareScratch(db: Db): void {
  if (scratchReady.has(db)) return;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.corpus_hit_text USING fts5(title, body, ${TOKENIZE})`);
  scratchReady.add(db);
}

export interface HitDocument {
  title: string | null;
  body: string;
  /** Where the indexed part of the body begins (its marked text is the body from here). */
  storyStart: number;
  /** The first of its paths, or null. */
  path: string | null;
  /** The source's own id for the document, or null. */
  externalId: string | null;
}

export function hitDocument(store: Store, docId: number): HitDocument {
  const db = sqlite(store);
  const doc = statement(
    db,
    'SELECT title, body, story_start AS storyStart, external_id AS externalId FROM documents WHERE id = ?',
  ).get(docId) as {
    title: string | null;
    body: string;
    storyStart: number;
    externalId: string | null;
  };
  const path = statement(db, 'SELECT path FROM paths WHERE doc_id = ? ORDER BY path LIMIT 1').get(docId) as
    | { path: string }
    | undefined;
  return { ...doc, path: path?.path ?? null };
}

export interface MentionSpan extends EntityRef {
  start: number;
  end: number;
}

/** Where one document mentions these entities and events: entities first, then events. */
export function mentionSpans(store: Store, docId: number, wanted: EntityRef[]): MentionSpan[] {
  const db = sqlite(store);
  const out: MentionSpan[] = [];
  const entityIds = ids(wanted, 'entity');
  const eventIds = ids(wanted, 'event');
  if (entityIds) {
    const sql = `SELECT 'entity' AS kind, entity_id AS id, start, end FROM mentions WHERE doc_id = ? AND entity_id IN (${entityIds})`;
    for (const span of statement(db, sql).all(docId) as MentionSpan[]) out.push(span);
  }
  if (eventIds) {
    const sql = `SELECT 'event' AS kind, event_id AS id, start, end FROM event_mentions WHERE doc_id = ? AND event_id IN (${eventIds})`;
    for (const span of statement(db, sql).all(docId) as MentionSpan[]) out.push(span);
  }
  return out;
}

export function sourceExists(store: Store, source: string): boolean {
  const db = sqlite(store);
  return statement(db, 'SELECT 1 FROM documents WHERE source = ? COLLATE NOCASE LIMIT 1').get(source) !== undefined;
}

/** How many differently folded names each entity has. */
export function aliasCounts(store: Store, entities: EntityRef[]): Map<number, number> {
  const db = sqlite(store);
  const idList = ids(entities, 'entity');
  if (!idList) return new Map();
  const sql = `SELECT entity_id AS id, count(DISTINCT key) AS n FROM aliases WHERE entity_id IN (${idList}) GROUP BY entity_id`;
  const rows = statement(db, sql).all() as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Mentions of each entity and event, keyed `entity:ID` / `event:ID`. */
export function mentionCounts(store: Store, list: EntityRef[]): Map<string, number> {
  const db = sqlite(store);
  const out = new Map<string, number>();
  const entityIds = list.filter((e) => e.kind === 'entity').map((e) => Math.trunc(e.id));
  const eventIds = list.filter((e) => e.kind === 'event').map((e) => Math.trunc(e.id));
  if (entityIds.length > 0) {
    const sql = `SELECT entity_id AS id, count(*) AS n FROM mentions WHERE entity_id IN (${entityIds.join(',')}) GROUP BY entity_id`;
    for (const row of statement(db, sql).all() as { id: number; n: number }[]) out.set(`entity:${row.id}`, row.n);
  }
  if (eventIds.length > 0) {
    const sql = `SELECT event_id AS id, count(*) AS n FROM event_mentions WHERE event_id IN (${eventIds.join(',')}) GROUP BY event_id`;
    for (const row of statement(db, sql).all() as { id: number; n: number }[]) out.set(`event:${row.id}`, row.n);
  }
  return out;
}

/** An entity or event a folded key names. `canonical`: the key is its own name, not an alias. */
export interface NamedRow {
  key: string;
  id: number;
  type: string;
  name: string;
  canonical: number;
  /** The alias as written (the entity's name for a match on its own key). */
  alias: string;
}

/** Entities whose name or any alias folds to one of `keys` (one query whatever the number of keys). */
export function entitiesByKeys(store: Store, keys: string[]): NamedRow[] {
  const db = sqlite(store);
  const json = JSON.stringify(keys);
  return statement(
    db,
    `SELECT a.key AS key, e.id AS id, e.type AS type, e.name AS name, e.key = a.key AS canonical, a.alias AS alias
       FROM aliases a JOIN entities e ON e.id = a.entity_id
      WHERE a.key IN (SELECT value FROM json_each(?))
     UNION
     SELECT e.key, e.id, e.type, e.name, 1, e.name FROM entities e
      WHERE e.type IN (${ENTITY_TYPES_SQL}) AND e.key IN (SELECT value FROM json_each(?))`,
  ).all(json, json) as NamedRow[];
}

/** Events by folded name, through the index on lower(name) (migration 9; events have no alias table). */
const EVENTS_BY_LOWER_NAME =
  'SELECT lower(name) AS text, id, name FROM events WHERE lower(name) IN (SELECT value FROM json_each(?))';

/** Events whose lower-cased name is one of `names`. */
export function eventsByLowerName(store: Store, names: string[]): { text: string; id: number; name: string }[] {
  return statement(sqlite(store), EVENTS_BY_LOWER_NAME).all(JSON.stringify(names)) as {
    text: string;
    id: number;
    name: string;
  }[];
}

/** How SQLite finds events by name (EXPLAIN QUERY PLAN): the test checks it uses the index. */
export function eventsByLowerNamePlan(store: Store): string[] {
  const plan = sqlite(store).prepare(`EXPLAIN QUERY PLAN ${EVENTS_BY_LOWER_NAME}`).all('["x"]') as { detail: string }[];
  return plan.map((p) => p.detail);
}

/** Aliases starting with a typed name that are looked at for the few names suggested. */
const NAMES_LOOKED_AT = 50;

/** A few entity names whose aliases start with `key`: of the shortest such aliases, the most mentioned names. */
export function entityNamesStartingWith(store: Store, key: string, limit: number): string[] {
  const db = sqlite(store);
  const rows = statement(
    db,
    // The shortest keys first (the closest to what was typed), then the most mentioned of their names.
    `SELECT e.name AS name FROM (SELECT DISTINCT entity_id FROM (SELECT entity_id FROM aliases
        WHERE key >= ? AND key < ? ORDER BY length(key) LIMIT ?)) AS a
      JOIN entities e ON e.id = a.entity_id LEFT JOIN entity_stats s ON s.entity_id = e.id
      GROUP BY e.name ORDER BY max(coalesce(s.mentions, 0)) DESC, e.name LIMIT ?`,
  ).all(key, key + '\uffff', NAMES_LOOKED_AT, limit) as { name: string }[];
  return rows.map((r) => r.name);
}
