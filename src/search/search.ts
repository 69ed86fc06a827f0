/**
 * Ranked full-text search over a corpus database, entity-aware and filterable.
 *
 * Ranking: bm25 with the title weighted above the body; a document that mentions an entity or
 * event the query names (by name or any alias) gets a bonus — and matches even when the words are
 * not in its text, so `DPRK` finds articles that only say "North Korea". Ties go to the newer
 * document. DayBounds (entity, date, source) are plain indexed conditions outside the FTS MATCH.
 *
 * Never throws for any query text: the query compiler quotes every term. It throws UserError only
 * for bad options (an ambiguous --entity, an invalid date).
 */
import type { Store } from '../store/db.js';
import { aliasKey } from '../core/alias-key.js';
import { UserError } from '../core/errors.js';
import { dayBounds, type DayBounds } from '../core/timex.js';
import { compileQuery, describeQuery, groupExpression, type CompiledQuery, type Group } from './query.js';
import { addGazetteerNames, lookupKeys, resolveEntityFilter, similarEntityNames } from './entities.js';
import { correctQuery } from './typos.js';
import { makeSnippet, mergeSpans } from './snippet.js';
import {
  aliasCounts,
  HIGHLIGHT_CLOSE,
  HIGHLIGHT_OPEN,
  hitDocument,
  inSnapshot,
  markedTexts,
  mentionSpans,
  searchDocuments,
  sourceExists,
  type MarkedText,
  type SearchRow,
} from '../store/search.js';
import type { MatchedEntity, ResolvedEntity, SearchHit, SearchOptions, SearchResult, Span } from './types.js';

export const TITLE_WEIGHT = 5.0;
export const BODY_WEIGHT = 1.0;
export const DEFAULT_LIMIT = 10;
/** Bonus for mentioning a queried entity: about what a well-matching word earns in bm25 on a large corpus. */
export const ENTITY_BONUS = 2.0;
/** Longest run of words looked up as one entity name ("Democratic People's Republic of Korea"). */
const MAX_NAME_WORDS = 7;

/** Part of the query that must match: its FTS5 expression, or a mention of one of its entities. */
interface Unit {
  expression: string;
  entities: ResolvedEntity[];
}

/** grep's convention: 0 when something was found, 1 when nothing was. */
export function exitCode(result: SearchResult): number {
  return result.total > 0 ? 0 : 1;
}

/**
 * Search the corpus. One read transaction, so the ranking, the counts and the hits' texts all see
 * the same snapshot even while an ingest writes.
 */
export function search(db: Store, query: string, options: SearchOptions = {}): SearchResult {
  return inSnapshot(db, () => searchSnapshot(db, query, options));
}

function searchSnapshot(db: Store, query: string, options: SearchOptions): SearchResult {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const compiled = compileQuery(query);
  const result: SearchResult = {
    query,
    correctedQuery: null,
    corrections: [],
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

  // Partial dates cover their whole year or month: --to 2019-02 includes 2019-02-28.
  const filters = dayBounds(options);
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
  result.queryEntities = run.queryEntities;
  const anyMatch = run.compiled.anyMatch;
  const marked = anyMatch && run.rows.length > 0 ? markedTexts(db, anyMatch, run.rows.map((r) => r.id)) : new Map<number, MarkedText>();
  result.hits = run.rows.map((row, i) => buildHit(db, row, offset + i + 1, marked.get(row.id), run.queryEntities, result));
  if (result.total === 0 && options.source && !sourceExists(db, options.source)) {
    result.reason = `no documents from source '${options.source}'`;
  }
  return result;
}



/** Split the query into units; runs of plain words are looked up as entity names, longest first. */
function queryUnits(db: Store, query: CompiledQuery): Unit[] {
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
  const spellings = aliasCounts(db, [...found.values()].flat());
  const named = (key: string): ResolvedEntity[] => {
    let list = found.get(key) ?? [];
    // An exact name outranks aliases: "Korea" is Korea, not every entity someone called Korea.
    if (list.some((e) => e.canonical)) list = list.filter((e) => e.canonical);
    // An entity known only by the very words typed adds no document the words do not find, and
    // a recognizer's stray "Oil" or "Trade" would only skew the ranking: words alone serve better.
    list = list.filter((e) => e.kind === 'event' || !e.canonical || (spellings.get(e.id) ?? 0) > 1);
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

function dedupe(entities: ResolvedEntity[]): ResolvedEntity[] {
  const seen = new Set<string>();
  return entities.filter((e) => {
    const key = `${e.kind}:${e.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Run {
  total: number;
  rows: SearchRow[];
  compiled: CompiledQuery;
  queryEntities: ResolvedEntity[];
}

/** Plan one compiled query (its units, resolved to entities) and run it. */
function execute(db: Store, compiled: CompiledQuery, result: SearchResult, options: SearchOptions, filters: DayBounds, limit: number, offset: number): Run {
  const words = compiled.groups.length > 0;
  const units = words ? queryUnits(db, compiled) : [];
  const queryEntities = dedupe(units.flatMap((u) => u.entities));
  const page = searchDocuments(db, {
    match: words ? compiled.match : null,
    units,
    exclude: compiled.exclude,
    filters: result.filterEntities.map((f) => f.matches),
    from: filters.from,
    to: filters.to,
    source: options.source,
    limit,
    offset,
    titleWeight: TITLE_WEIGHT,
    bodyWeight: BODY_WEIGHT,
    entityBonus: ENTITY_BONUS,
  });
  return { ...page, compiled, queryEntities };
}

function buildHit(
  db: Store,
  row: SearchRow,
  rank: number,
  marked: { title: string | null; body: string | null } | undefined,
  queryEntities: ResolvedEntity[],
  result: SearchResult,
): SearchHit {
  const doc = hitDocument(db, row.id);
  const bodySpans: Span[] = [];
  const titleSpans: Span[] = [];
  if (marked) {
    titleSpans.push(...unmark(marked.title, doc.title));
    bodySpans.push(...unmark(marked.body, doc.body));
  }
  // Mentions of the queried and filtered entities: the matches that are not the query's words.
  const wanted = dedupe([...queryEntities, ...result.filterEntities.flatMap((f) => f.matches)]);
  const counts = new Map<string, number>();
  for (const m of mentionSpans(db, row.id, wanted)) {
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
    date: row.date,
    source: row.source,
    title: row.title,
    path: doc.path,
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
    if (c === HIGHLIGHT_OPEN) start = plain.length;
    else if (c === HIGHLIGHT_CLOSE) {
      if (start >= 0) spans.push([start, plain.length]);
      start = -1;
    } else plain += c;
  }
  return plain === original ? spans : [];
}
