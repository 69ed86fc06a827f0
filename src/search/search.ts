/**
 * Ranked full-text search over a corpus database, entity-aware and filterable.
 *
 * Ranking: bm25 with the title weighted above the body; a document that mentions an entity or
 * event the query names (by name or any alias) gets a bonus — and matches even when the words are
 * not in its text, so `DPRK` finds articles that only say "North Korea". Ties go to the newer
 * document. Filters (entity, date, source) are plain indexed conditions outside the FTS MATCH.
 *
 * Never throws for any query text: the query compiler quotes every term. It throws UserError only
 * for bad options (an ambiguous --entity, an invalid date).
 */
import type { Db } from '../store/db.js';
import { aliasKey } from '../nlp/aliases.js';
import { UserError } from '../errors.js';
import { compileQuery, describeQuery, groupExpression, indexTokens, termExpression, type CompiledQuery, type Group } from './query.js';
import { addGazetteerNames, lookupKeys, resolveEntityFilter, similarEntityNames } from './entities.js';
import { correctQuery, suggestCommoner } from './typos.js';
import { boundQueryCost } from './cost.js';
import { makeSnippet, mergeSpans } from './snippet.js';
import { statement } from './statements.js';
import { clusterIds } from '../store/duplicates.js';
import { facetCounts } from '../store/facets.js';
import { candidateTexts, matchingAmong, mentionsUpTo, termOccurrences } from '../store/ranking.js';
import { boilerplate, DEFAULT_RANKING, PROXIMITY_WINDOW, RERANK_DEPTH, rerankScore, SHAPE_CHARS, type RankingParams } from './ranking.js';
import { stemWords } from './typos.js';
import type { MatchedEntity, ResolvedEntity, SearchHit, SearchOptions, SearchResult, Span } from './types.js';

export const DEFAULT_LIMIT = 10;
/**
 * A query word names an entity only when the entity's mentions are at least this share of the
 * word's occurrences: "Japan" is nearly always the country, "cotton" or "said" almost never an
 * entity even if a recognizer once tagged "Cotton" or "Micro said".
 */
export const ENTITY_SHARE = 0.3;
/** Longest run of words looked up as one entity name ("Democratic People's Republic of Korea"). */
const MAX_NAME_WORDS = 7;
// Private-use characters mark FTS5 highlights; a body holding them is left unhighlighted.
const OPEN = '\ue000';
const CLOSE = '\ue001';
const bm25 = (params: RankingParams): string => `bm25(documents_fts, ${Number(params.titleWeight)}, 1.0)`;

/** Part of the query that must match: its FTS5 expression, or a mention of one of its entities. */
interface Unit {
  expression: string;
  entities: ResolvedEntity[];
}

interface Row {
  id: number;
  date: string | null;
  source: string | null;
  title: string | null;
  score: number;
  /** Near-duplicates of this document folded under it (see collapseClusters). */
  similar?: number;
}

/** grep's convention: 0 when something was found, 1 when nothing was. */
export function exitCode(result: SearchResult): number {
  return result.total > 0 ? 0 : 1;
}

/**
 * Search the corpus. One read transaction, so the ranking, the counts and the hits' texts all see
 * the same snapshot even while an ingest writes.
 */
export function search(db: Db, query: string, options: SearchOptions = {}): SearchResult {
  return db.transaction(() => searchSnapshot(db, query, options))();
}

function searchSnapshot(db: Db, query: string, options: SearchOptions): SearchResult {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const bounded = boundQueryCost(db, compileQuery(query));
  const compiled = bounded.query;
  const result: SearchResult = {
    query,
    correctedQuery: null,
    corrections: [],
    didYouMean: null,
    suggestions: [],
    match: compiled.match,
    total: 0,
    offset,
    limit,
    hits: [],
    queryEntities: [],
    filterEntities: [],
    reason: null,
    notices: [],
  };
  if (compiled.dropped > 0) result.notices.push(`the query is long: ${compiled.dropped} of its terms were left out`);
  result.notices.push(...bounded.notices);

  const filters = dateFilters(options);
  for (const name of options.entities ?? []) {
    const { matches, notice } = resolveEntityFilter(db, name, options.type);
    result.filterEntities.push({ name, matches });
    if (notice) result.notices.push(notice);
    if (matches.length === 0) {
      const similar = similarEntityNames(db, name).filter((n) => aliasKey(n) !== aliasKey(name));
      result.reason =
        `no entity named '${name}'${options.type ? ` of type ${options.type}` : ''}` +
        (similar.length > 0 ? ` (did you mean ${similar.map((n) => `'${n}'`).join(', ')}?)` : '');
      return result;
    }
  }
  const hasFilters = result.filterEntities.length > 0 || filters.from !== null || filters.to !== null || Boolean(options.source);
  // Without words, filters alone still select documents (newest first); without either, nothing can.
  if (compiled.groups.length === 0 && !hasFilters) {
    result.reason = compiled.empty;
    return result;
  }

  let run = execute(db, compiled, result, options, filters, limit, offset);
  if (run.total === 0 && compiled.groups.length > 0 && options.typos !== false) {
    const corrected = correctQuery(db, compiled);
    if (corrected) {
      const again = execute(db, corrected.query, result, options, filters, limit, offset);
      if (again.total > 0) {
        run = again;
        result.corrections = corrected.corrections;
        result.correctedQuery = describeQuery(corrected.query);
        result.match = corrected.query.match;
      }
    }
  }
  result.total = run.total;
  if (options.facets) result.facets = facetCounts(db, run.total > 0 && run.allIds ? run.allIds() : []);
  if (run.total > 0 && result.corrections.length === 0 && options.typos !== false) {
    const suggested = suggestCommoner(db, compiled);
    if (suggested) {
      result.didYouMean = describeQuery(suggested.query);
      result.suggestions = suggested.corrections;
    }
  }
  result.queryEntities = run.queryEntities;
  const marked = markedTexts(db, run.compiled, run.rows.map((r) => r.id));
  result.hits = run.rows.map((row, i) => buildHit(db, row, offset + i + 1, marked.get(row.id), run.queryEntities, result));
  if (result.total === 0 && options.source && !sourceExists(db, options.source)) {
    result.reason = `no documents from source '${options.source}'`;
  }
  return result;
}

interface Filters {
  from: string | null;
  to: string | null;
}

function dateFilters(options: SearchOptions): Filters {
  const check = (name: string, value: string | undefined): void => {
    if (value !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new UserError(`${name} must be a date like 2019-02-27, got '${value}'`);
  };
  check('--from', options.from);
  check('--to', options.to);
  // Partial dates cover their whole year or month: --to 2019-02 includes 2019-02-28.
  const from = options.from ? (options.from + '-01-01').slice(0, 10) : null;
  const to = options.to ? (options.to.length === 4 ? `${options.to}-12-31` : options.to.length === 7 ? `${options.to}-31` : options.to) : null;
  if (from && to && from > to) throw new UserError(`--from ${options.from} is after --to ${options.to}`);
  return { from, to };
}

function sourceExists(db: Db, source: string): boolean {
  return statement(db, 'SELECT 1 FROM documents WHERE source = ? COLLATE NOCASE LIMIT 1').get(source) !== undefined;
}

/** Split the query into units; runs of plain words are looked up as entity names, longest first. */
function queryUnits(db: Db, query: CompiledQuery): Unit[] {
  const plain = (g: Group): boolean => g.alternatives.length === 1 && g.alternatives[0].kind === 'word' && !g.alternatives[0].prefix;
  const segments: { groups: Group[]; plain: boolean }[] = [];
  for (const g of query.groups) {
    const last = segments[segments.length - 1];
    const adjacent = last?.plain && plain(g) && g.alternatives[0].position === last.groups[last.groups.length - 1].alternatives[0].position + 1;
    if (adjacent) last.groups.push(g);
    else segments.push({ groups: [g], plain: plain(g) });
  }
  const textOf = (groups: Group[]): string => groups.map((g) => g.alternatives[0].raw).join(' ');
  const nameOf = (groups: Group[]): string => aliasKey(textOf(groups));
  const keys: string[] = [];
  // Key → the text typed, for names the database does not know but the gazetteer does.
  const texts = new Map<string, string>();
  // Event names are looked up only for several words ("Hanoi summit"): an extractor's one-word
  // events ("session", "talks") would drag in every document that reports any session.
  const eventNames = new Map<string, string>();
  const addEvent = (text: string, key: string): void => {
    if (!key.includes(' ')) return;
    eventNames.set(text.toLowerCase(), key);
    eventNames.set(key, key);
  };
  for (const segment of segments) {
    if (segment.plain) {
      for (let i = 0; i < segment.groups.length; i++) {
        for (let n = 1; n <= MAX_NAME_WORDS && i + n <= segment.groups.length; n++) {
          const groups = segment.groups.slice(i, i + n);
          keys.push(nameOf(groups));
          texts.set(nameOf(groups), textOf(groups));
          addEvent(textOf(groups), nameOf(groups));
        }
      }
    } else {
      for (const t of segment.groups[0].alternatives) {
        if (t.prefix) continue;
        keys.push(aliasKey(t.raw));
        texts.set(aliasKey(t.raw), t.raw);
        addEvent(t.raw, aliasKey(t.raw));
      }
    }
  }
  const found = lookupKeys(db, keys.filter((k) => k.length >= 2), eventNames);
  addGazetteerNames(db, found, texts);
  const isName = entityGate(db, texts);
  const spellings = aliasCounts(db, [...found.values()].flat());
  const named = (key: string): ResolvedEntity[] => {
    let list = found.get(key) ?? [];
    // An exact name outranks aliases: "Korea" is Korea, not every entity someone called Korea.
    if (list.some((e) => e.canonical)) list = list.filter((e) => e.canonical);
    // An entity known only by the very words typed adds no document the words do not find, and
    // a recognizer's stray "Oil" or "Trade" would only skew the ranking: words alone serve better.
    list = list.filter((e) => e.kind === 'event' || !e.canonical || (spellings.get(e.id) ?? 0) > 1);
    list = list.filter((e) => e.kind === 'event' || isName(key, e.id));
    return list.map(({ id, kind, type, name }) => ({ id, kind, type, name }));
  };
  const units: Unit[] = [];
  const unitOf = (groups: Group[], entities: ResolvedEntity[]): Unit => ({
    expression: groups.length === 1 ? groupExpression(groups[0]) : `(${groups.map(groupExpression).join(' AND ')})`,
    entities,
  });
  for (const segment of segments) {
    if (!segment.plain) {
      const entities = segment.groups[0].alternatives.filter((t) => !t.prefix).flatMap((t) => named(aliasKey(t.raw)));
      units.push(unitOf(segment.groups, dedupe(entities)));
      continue;
    }
    let i = 0;
    while (i < segment.groups.length) {
      let taken = 0;
      for (let n = Math.min(MAX_NAME_WORDS, segment.groups.length - i); n >= 1; n--) {
        const entities = named(nameOf(segment.groups.slice(i, i + n)));
        if (entities.length > 0) {
          units.push(unitOf(segment.groups.slice(i, i + n), entities));
          taken = n;
          break;
        }
      }
      if (taken === 0) {
        units.push(unitOf([segment.groups[i]], []));
        taken = 1;
      }
      i += taken;
    }
  }
  return units;
}

/**
 * Whether typed words name an entity rather than being ordinary words: its mentions must be at
 * least ENTITY_SHARE of the occurrences of the rarest typed word. Words the corpus never uses (a
 * gazetteer alias such as "DPRK") always may. Mentions are counted only up to the share needed.
 */
function entityGate(db: Db, texts: Map<string, string>): (key: string, entityId: number) => boolean {
  const keys = [...texts.keys()];
  const words = keys.map((k) => indexTokens(texts.get(k)!.toLowerCase()));
  const stems = stemWords(db, [...new Set(words.flat())]);
  const stemOf = new Map([...new Set(words.flat())].map((w, i) => [w, stems[i]]));
  const occurrences = new Map<string, number>();
  keys.forEach((key, i) => {
    const counts = words[i].map((w) => {
      const stem = stemOf.get(w);
      return stem ? termOccurrences(db, stem) : 0;
    });
    occurrences.set(key, counts.length > 0 ? Math.min(...counts) : 0);
  });
  const decided = new Map<string, boolean>();
  return (key, entityId) => {
    const cached = decided.get(`${key}\0${entityId}`);
    if (cached !== undefined) return cached;
    const need = ENTITY_SHARE * (occurrences.get(key) ?? 0);
    const ok = need < 1 || mentionsUpTo(db, entityId, need) >= need;
    decided.set(`${key}\0${entityId}`, ok);
    return ok;
  };
}

/** How many differently folded names each entity has. */
function aliasCounts(db: Db, entities: ResolvedEntity[]): Map<number, number> {
  const idList = ids(entities, 'entity');
  if (!idList) return new Map();
  const rows = statement(db, `SELECT entity_id AS id, count(DISTINCT key) AS n FROM aliases WHERE entity_id IN (${idList}) GROUP BY entity_id`).all() as {
    id: number;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

function dedupe(entities: ResolvedEntity[]): ResolvedEntity[] {
  const seen = new Set<string>();
  return entities.filter((e) => {
    const key = `${e.kind}:${e.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `IN (…)` of database ids (integers from the database itself, so safe to inline). */
function ids(list: ResolvedEntity[], kind: 'entity' | 'event'): string {
  return list.filter((e) => e.kind === kind).map((e) => String(Math.trunc(Number(e.id)))).join(', ');
}

/** Documents mentioning any of these entities or events, as one SELECT of ids. */
function mentioning(list: ResolvedEntity[]): string[] {
  const parts: string[] = [];
  const entityIds = ids(list, 'entity');
  const eventIds = ids(list, 'event');
  if (entityIds) parts.push(`SELECT doc_id FROM mentions WHERE entity_id IN (${entityIds})`);
  if (eventIds) parts.push(`SELECT doc_id FROM event_mentions WHERE event_id IN (${eventIds})`);
  return parts;
}

interface Run {
  total: number;
  rows: Row[];
  compiled: CompiledQuery;
  queryEntities: ResolvedEntity[];
  /** Every matching document id (for facets over the whole result). */
  allIds?: () => number[];
}

/** Extra rows fetched past the page, so ties at its edge can be ordered by date without a second pass. */
const TIE_SLACK = 16;
/**
 * Scores equal to this many decimals tie. Fine enough that a word found in most documents (whose
 * bm25 is clamped near 1e-6) still ranks by frequency and length; coarse enough to absorb float noise.
 */
const SCORE_DECIMALS = 12;

/**
 * Run one compiled query. Candidates and scores come from the FTS index and the indexed id sets of
 * the filters alone — no document row is read — so a word in every document stays cheap; dates
 * (the tie-break) are read only for the top of the list.
 */
function execute(db: Db, compiled: CompiledQuery, result: SearchResult, options: SearchOptions, filters: Filters, limit: number, offset: number): Run {
  const params: Record<string, unknown> = {};
  // Each filter is a set of document ids read from an index (covering: no table rows).
  const sets: string[] = result.filterEntities.map((f) => mentioning(f.matches).join(' UNION '));
  if (filters.from || filters.to) {
    const range = [filters.from ? 'date >= @from' : '', filters.to ? 'date <= @to' : ''].filter(Boolean).join(' AND ');
    sets.push(`SELECT id FROM documents WHERE ${range}`);
    if (filters.from) params.from = filters.from;
    if (filters.to) params.to = filters.to;
  }
  if (options.source) {
    sets.push('SELECT id FROM documents WHERE source = @source COLLATE NOCASE');
    params.source = options.source;
  }
  // The unary + keeps SQLite from handing the id set to FTS5, which would run the query once per id.
  const within = (column: string): string => sets.map((set) => ` AND +${column} IN (${set})`).join('');

  if (compiled.groups.length === 0) return listFiltered(db, compiled, params, within, limit, offset);

  const ranking = { ...DEFAULT_RANKING, ...options.ranking };
  const units = queryUnits(db, compiled);
  const queryEntities = dedupe(units.flatMap((u) => u.entities));
  let scored: string;
  // The plain path counts from the index alone (cheap); the entity path counts while ranking, so its
  // candidate set is built once.
  let counted: string | null = null;
  if (queryEntities.length === 0) {
    params.match = compiled.match;
    scored = `SELECT rowid AS id, -${bm25(ranking)} AS score FROM documents_fts WHERE documents_fts MATCH @match${within('rowid')}`;
    counted = `SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH @match${within('rowid')}`;
  } else {
    // Each unit that names an entity matches by its words or by a mention; the rest by words.
    const parts: string[] = [];
    const plainUnits = units.filter((u) => u.entities.length === 0);
    if (plainUnits.length > 0) {
      params.plain = plainUnits.map((u) => u.expression).join(' AND ');
      parts.push('SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @plain');
    }
    units
      .filter((u) => u.entities.length > 0)
      .forEach((u, i) => {
        params[`u${i}`] = u.expression;
        const either = [`SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @u${i}`, ...mentioning(u.entities)];
        parts.push(`SELECT id FROM (${either.join(' UNION ')})`);
      });
    let candidates = parts.join(' INTERSECT ');
    if (compiled.exclude) {
      candidates += ' EXCEPT SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH @exclude';
      params.exclude = compiled.exclude;
    }
    // Text credit per unit: "United States" scores documents with both words, not every "United".
    params.any = units.map((u) => u.expression).join(' OR ');
    params.bonus = ranking.entityBonus;
    const cand = `cand(id) AS (${candidates})`;
    scored = `WITH ${cand},
        txt AS MATERIALIZED (SELECT rowid AS id, ${bm25(ranking)} AS bm FROM documents_fts WHERE documents_fts MATCH @any),
        ent AS MATERIALIZED (SELECT doc_id AS id, count(*) AS n FROM (${mentioning(queryEntities).join(' UNION ALL ')}) GROUP BY doc_id)
      SELECT c.id AS id,
        coalesce(-t.bm, 0.0) + CASE WHEN e.n IS NULL THEN 0.0 ELSE @bonus * (1.0 + min(e.n, 8) / 8.0) END AS score
      FROM cand c LEFT JOIN txt t ON t.id = c.id LEFT JOIN ent e ON e.id = c.id
      WHERE 1${within('c.id')}`;
  }
  const allIds = (): number[] => (statement(db, `SELECT id FROM (${scored})`).all(params) as { id: number }[]).map((r) => r.id);
  let total = counted ? (statement(db, counted).get(params) as { n: number }).n : -1;
  if (total === 0 || (total > 0 && offset >= total)) return { total, rows: [], compiled, queryEntities, allIds };

  const page = offset + limit;
  if (options.sort === 'date' || options.sort === '-date') {
    // By date: walk the date index and keep the ids that match (no score needed beyond a tie-break).
    const direction = options.sort === 'date' ? 'ASC' : 'DESC';
    const listed = statement(
      db,
      `SELECT d.id AS id, d.date AS date, d.source AS source, d.title AS title, 0.0 AS score${counted ? '' : ', count(*) OVER () AS total'}
         FROM documents d INDEXED BY documents_date WHERE d.id IN (SELECT id FROM (${scored}))
        ORDER BY d.date IS NULL, d.date ${direction}, d.id ${direction} LIMIT @k`,
    ).all({ ...params, k: page }) as (Row & { total?: number })[];
    if (!counted) total = listed[0]?.total ?? 0;
    return { total, rows: listed.slice(offset, page).map(({ total: _, ...row }) => row), compiled, queryEntities, allIds };
  }
  const depth = Math.max(page + TIE_SLACK, RERANK_DEPTH);
  const top = statement(
    db,
    `SELECT id, round(score, ${SCORE_DECIMALS}) AS score${counted ? '' : ', count(*) OVER () AS total'} FROM (${scored}) ORDER BY 2 DESC LIMIT @k`,
  ).all({ ...params, k: depth }) as { id: number; score: number; total?: number }[];
  if (!counted) total = top[0]?.total ?? 0;
  if (total === 0 || offset >= total) return { total, rows: [], compiled, queryEntities, allIds };
  const rows = collapseClusters(db, withDocuments(db, rerank(db, compiled, top, ranking)));
  return { total, rows: rows.slice(offset, page), compiled, queryEntities, allIds };
}

/**
 * One hit per near-duplicate cluster: the best-ranked member stays, the others among the ranked
 * candidates are folded under it ("+N similar"). The total still counts every matching document.
 */
function collapseClusters(db: Db, rows: Row[]): Row[] {
  const clusters = clusterIds(db, rows.map((r) => r.id));
  if (clusters.size === 0) return rows;
  const first = new Map<number, Row>();
  const out: Row[] = [];
  for (const row of rows) {
    const cluster = clusters.get(row.id);
    const lead = cluster === undefined ? undefined : first.get(cluster);
    if (lead) {
      lead.similar = (lead.similar ?? 0) + 1;
      continue;
    }
    if (cluster !== undefined) first.set(cluster, row);
    out.push(row);
  }
  return out;
}

/**
 * The second stage (see ranking.ts): length, boilerplate and proximity re-score the best candidates.
 * Proximity applies when the query has several positive groups of one term each.
 */
function rerank(db: Db, compiled: CompiledQuery, top: { id: number; score: number }[], params: RankingParams): { id: number; score: number }[] {
  const ids = top.map((t) => t.id);
  const shapes = new Map(candidateTexts(db, ids, SHAPE_CHARS).map((c) => [c.id, { tokens: c.tokens, boilerplate: boilerplate(c.head) }]));
  const single = compiled.groups.filter((g) => g.alternatives.length === 1).map((g) => g.alternatives[0]);
  let near = new Set<number>();
  let phrase = new Set<number>();
  if (single.length >= 2 && (params.nearWeight !== 0 || params.phraseWeight !== 0)) {
    if (params.nearWeight !== 0) near = matchingAmong(db, `NEAR(${single.map(termExpression).join(' ')}, ${PROXIMITY_WINDOW})`, ids);
    // Adjacent as typed: the words of consecutive single-term groups as one phrase.
    const words = single.filter((t) => t.kind === 'word' && !t.prefix);
    if (params.phraseWeight !== 0 && words.length >= 2 && words.length === single.length) {
      phrase = matchingAmong(db, termExpression({ tokens: words.flatMap((t) => t.tokens), prefix: false }), ids);
    }
  }
  const best = Math.max(...top.map((c) => c.score));
  return top.map((c) => ({ id: c.id, score: rerankScore(c, shapes.get(c.id), near.has(c.id), phrase.has(c.id), params, best) }));
}

/** The documents' metadata for scored ids, ordered by score, then newest first. */
function withDocuments(db: Db, scored: { id: number; score: number }[]): Row[] {
  const meta = statement(db, 'SELECT id, date, source, title FROM documents WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(scored.map((r) => r.id)),
  ) as Omit<Row, 'score'>[];
  const byId = new Map(meta.map((m) => [m.id, m]));
  return scored
    .filter((r) => byId.has(r.id))
    .map((r) => ({ ...byId.get(r.id)!, score: r.score }))
    .sort((a, b) => b.score - a.score || compareDates(b.date, a.date) || b.id - a.id);
}

/** Newer first; undated last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Filters without words: matching documents, newest first. */
function listFiltered(db: Db, compiled: CompiledQuery, params: Record<string, unknown>, within: (column: string) => string, limit: number, offset: number): Run {
  let where = `WHERE 1${within('d.id')}`;
  if (compiled.exclude) {
    where += ' AND d.id NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @exclude)';
    params.exclude = compiled.exclude;
  }
  const total = (statement(db, `SELECT count(*) AS n FROM documents d ${where}`).get(params) as { n: number }).n;
  const allIds = (): number[] => (statement(db, `SELECT d.id AS id FROM documents d ${where}`).all(params) as { id: number }[]).map((r) => r.id);
  const rows =
    total > offset
      ? (statement(
          db,
          `SELECT d.id AS id, d.date AS date, d.source AS source, d.title AS title, 0.0 AS score FROM documents d ${where}
            ORDER BY d.date DESC NULLS LAST, d.id DESC LIMIT @limit OFFSET @offset`,
        ).all({ ...params, limit, offset }) as Row[])
      : [];
  return { total, rows, compiled, queryEntities: [], allIds };
}

/**
 * The hits' title and body with the query's matches marked by FTS5, in one pass over the matches
 * (a rowid lookup per hit would reload a common word's whole doclist each time).
 */
function markedTexts(db: Db, compiled: CompiledQuery, docIds: number[]): Map<number, { title: string | null; body: string | null }> {
  const out = new Map<number, { title: string | null; body: string | null }>();
  if (!compiled.anyMatch || docIds.length === 0) return out;
  const rows = statement(
    db,
    `SELECT rowid AS id, highlight(documents_fts, 0, '${OPEN}', '${CLOSE}') AS title, highlight(documents_fts, 1, '${OPEN}', '${CLOSE}') AS body
       FROM documents_fts WHERE documents_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
  ).all(compiled.anyMatch, JSON.stringify(docIds)) as { id: number; title: string | null; body: string | null }[];
  for (const row of rows) out.set(row.id, row);
  return out;
}

function buildHit(
  db: Db,
  row: Row,
  rank: number,
  marked: { title: string | null; body: string | null } | undefined,
  queryEntities: ResolvedEntity[],
  result: SearchResult,
): SearchHit {
  const doc = statement(db, 'SELECT title, body FROM documents WHERE id = ?').get(row.id) as { title: string | null; body: string };
  const path = statement(db, 'SELECT path FROM paths WHERE doc_id = ? ORDER BY path LIMIT 1').get(row.id) as { path: string } | undefined;
  const bodySpans: Span[] = [];
  const titleSpans: Span[] = [];
  if (marked) {
    titleSpans.push(...unmark(marked.title, doc.title));
    bodySpans.push(...unmark(marked.body, doc.body));
  }
  // Mentions of the queried and filtered entities: the matches that are not the query's words.
  const wanted = dedupe([...queryEntities, ...result.filterEntities.flatMap((f) => f.matches)]);
  const counts = new Map<string, number>();
  const entityIds = ids(wanted, 'entity');
  const eventIds = ids(wanted, 'event');
  const mentionRows: { kind: string; id: number; start: number; end: number }[] = [];
  if (entityIds) {
    mentionRows.push(
      ...(statement(db, `SELECT 'entity' AS kind, entity_id AS id, start, end FROM mentions WHERE doc_id = ? AND entity_id IN (${entityIds})`).all(row.id) as typeof mentionRows),
    );
  }
  if (eventIds) {
    mentionRows.push(
      ...(statement(db, `SELECT 'event' AS kind, event_id AS id, start, end FROM event_mentions WHERE doc_id = ? AND event_id IN (${eventIds})`).all(row.id) as typeof mentionRows),
    );
  }
  for (const m of mentionRows) {
    counts.set(`${m.kind}:${m.id}`, (counts.get(`${m.kind}:${m.id}`) ?? 0) + 1);
    if (m.start >= 0 && m.end <= doc.body.length && m.end > m.start) bodySpans.push([m.start, m.end]);
  }
  const entities: MatchedEntity[] = wanted
    .filter((e) => counts.has(`${e.kind}:${e.id}`))
    .map((e) => ({ ...e, mentions: counts.get(`${e.kind}:${e.id}`)! }));
  const bodyHighlights = mergeSpans(bodySpans, doc.body);
  const snippet = makeSnippet(doc.body, bodyHighlights);
  return {
    rank,
    id: row.id,
    score: row.score,
    similar: row.similar ?? 0,
    date: row.date,
    source: row.source,
    title: row.title,
    path: path?.path ?? null,
    snippet: snippet.text,
    highlights: snippet.highlights,
    titleHighlights: mergeSpans(titleSpans, doc.title ?? ''),
    bodyHighlights,
    entities,
  };
}

/** Spans of the marked parts of FTS5 highlight() output; none if it does not match the original. */
function unmark(marked: string | null, original: string | null): Span[] {
  if (marked === null || original === null) return [];
  const spans: Span[] = [];
  let plain = '';
  let start = -1;
  for (const c of marked) {
    if (c === OPEN) start = plain.length;
    else if (c === CLOSE) {
      if (start >= 0) spans.push([start, plain.length]);
      start = -1;
    } else plain += c;
  }
  return plain === original ? spans : [];
}
