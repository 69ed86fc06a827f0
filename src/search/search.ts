/**
 * Ranked full-text search over a corpus database, entity-aware and filterable.
 *
 * Ranking: bm25 with the title weighted above the body, then a second stage over the best
 * candidates (length, proximity, a boilerplate prior: ranking.ts); a document that mentions an
 * entity or event the query names (by name or any alias) gets a bonus — and matches even when the
 * words are not in its text, so `DPRK` finds articles that only say "North Korea". Ties go to the
 * newer document; near-duplicates fold under their best hit. DayBounds (entity, date, source) are plain indexed conditions outside the FTS MATCH.
 *
 * Never throws for any query text: the query compiler quotes every term. It throws UserError only
 * for bad options (an ambiguous --entity, an invalid date).
 */
import type { Store } from '../store/db.js';
import { aliasKey } from '../core/alias-key.js';
import { dayBounds, type DayBounds } from '../core/timex.js';
import {
  assemble,
  compileQuery,
  describeQuery,
  groupExpression,
  hasPrefix,
  indexTokens,
  termExpression,
  withoutPossessive,
  type CompiledQuery,
  type Group,
  type Term,
} from './query.js';
import { isCommonWord, opensRequest, takingPlace } from './common-words.js';
import { readQueryDates, type QueryDates } from './query-dates.js';
import { publicationSpan } from '../store/documents.js';
import { addGazetteerNames, lookupKeys, resolveEntityFilter, unknownEntityMessage } from './entities.js';
import { correctQuery, stemmer, suggestCommoner } from './typos.js';
import { boundQueryCost, MAX_PREFIX_TERMS } from './cost.js';
import { acronymsToKeep, typedAcronyms, writtenAsTyped } from './acronyms.js';
import {
  DEFAULT_RANKING,
  RERANK_CHARS,
  RERANK_DEPTH,
  rankScore,
  type FieldMeans,
  type RankingParams,
} from './ranking.js';
import { candidateFeatures, type CandidateFeatures, type RankTerm } from './features.js';
import {
  entityDocumentsUpTo,
  entityPresence,
  fieldLengths,
  indexTotals,
  mentionsUpTo,
  rerankTexts,
  termDocuments,
  termOccurrences,
  type RerankText,
} from '../store/ranking.js';
import { clusterIds, clusterMembers } from '../store/duplicates.js';
import { documentsWithWordUpTo, EXACT_STATS_DOCUMENTS, prefixStats } from '../store/vocabulary.js';
import { facetCounts } from '../store/facets.js';
import { makeSnippet, mergeSpans, storyStart } from './snippet.js';
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
  type SearchPlan,
  type SearchRow,
  type SearchUnit,
} from '../store/search.js';
import type { MatchedEntity, ResolvedEntity, SearchHit, SearchOptions, SearchResult, Span } from './types.js';
import { compareDates } from '../core/days.js';

export const DEFAULT_LIMIT = 10;
/**
 * A query word names an entity only when the entity's mentions are at least this share of the
 * word's occurrences: "Japan" is nearly always the country, "cotton" or "said" almost never an
 * entity even if a recognizer once tagged "Cotton" or "Micro said".
 */
export const ENTITY_SHARE = 0.3;
/** The entity documents the phrase test of entityGate counts up to (a bounded read at any size). */
const PHRASE_GATE_DOCUMENTS = 5_000;
/** Longest run of words looked up as one entity name ("Democratic People's Republic of Korea"). */
const MAX_NAME_WORDS = 7;

/** Part of the query that must match: its FTS5 expression, or a mention of one of its entities. */
interface Unit {
  expression: string;
  entities: ResolvedEntity[];
  /** The query's groups it stands for (several: the words of one entity name). */
  groups: Group[];
}

/** grep's convention: 0 when something was found, 1 when nothing was, 2 when the query can search for nothing. */
export function exitCode(result: SearchResult): number {
  if (result.unusable) return 2;
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
  // Dates typed in the query (`in March 1987`) are its date range, unless --from or --to says one.
  const dates =
    options.from === undefined && options.to === undefined ? readQueryDates(query, () => publicationSpan(db)) : null;
  if (dates === null) return searchText(db, query, query, options, null);
  const dated = searchText(
    db,
    query,
    dates.text,
    { ...options, from: dates.from ?? undefined, to: dates.to ?? undefined },
    dates,
  );
  if (dated.total > 0 || dated.reason !== null) {
    const phrases = dates.phrases.map((p) => `'${p}'`).join(' and ');
    dated.notices.unshift(`read ${phrases} as dated ${periodText(dates)} (quote it to search for the words)`);
    return dated;
  }
  // Nothing of those dates matches: the words as typed, over every date, rather than nothing.
  const undated = searchText(db, query, query, options, null);
  const what = dates.text ? ` matches '${dates.text}'` : '';
  undated.notices.unshift(`no document dated ${periodText(dates)}${what}: searched every date`);
  return undated;
}

/** A period as a notice says it: `from 1987-03-01 to 1987-03-31`, `1987-10-19`, `from 1987-06-01 on`. */
function periodText(dates: QueryDates): string {
  const { from, to } = dates;
  if (from !== null && to !== null) return from === to ? from : `from ${from} to ${to}`;
  return from !== null ? `from ${from} on` : `up to ${to}`;
}

/** Search for `text`, the typed `query` less the dates read from it (`dates`), if any. */
function searchText(
  db: Store,
  query: string,
  text: string,
  options: SearchOptions,
  dates: QueryDates | null,
): SearchResult {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const bounded = boundQueryCost(db, compileQuery(text));
  const compiled = bounded.query;
  const result: SearchResult = {
    query,
    correctedQuery: null,
    corrections: [],
    didYouMean: null,
    suggestions: [],
    match: compiled.match,
    total: 0,
    totalEstimated: false,
    offset,
    limit,
    hits: [],
    queryEntities: [],
    nameAlone: false,
    filterEntities: [],
    reason: null,
    notices: [],
    leftOut: [],
    searchedFor: null,
    dates: null,
  };
  if (compiled.dropped > 0) result.notices.push(`the query is long: ${compiled.dropped} of its terms were left out`);
  result.notices.push(...bounded.notices);

  // Partial dates cover their whole year or month: --to 2019-02 includes 2019-02-28.
  const filters = dayBounds(options);
  for (const name of options.entities ?? []) {
    const { matches, notice } = resolveEntityFilter(db, name, options.type);
    result.filterEntities.push({ name, matches });
    if (notice) result.notices.push(notice);
    if (matches.length === 0) {
      result.reason = unknownEntityMessage(db, name, options.type);
      return result;
    }
  }
  const hasFilters =
    result.filterEntities.length > 0 ||
    filters.from !== null ||
    filters.to !== null ||
    Boolean(options.source) ||
    Boolean(options.tags?.length);
  // Without words, filters alone still select documents (newest first); without either, nothing can.
  if (compiled.groups.length === 0 && !hasFilters) {
    result.reason = compiled.empty;
    result.unusable = true;
    return result;
  }

  let run = execute(db, compiled, result, options, filters, limit, offset);
  let ran = compiled;
  if (run.total === 0 && compiled.groups.length > 0 && options.typos !== false) {
    const corrected = correctQuery(db, compiled);
    if (corrected) {
      const again = execute(db, corrected.query, result, options, filters, limit, offset);
      if (again.total > 0) {
        run = again;
        ran = corrected.query;
        result.corrections = corrected.corrections;
        result.correctedQuery = describeQuery(corrected.query);
        result.match = corrected.query.match;
      }
    }
  }
  let missing: string | null = null;
  if (run.total === 0) {
    const relaxed = withoutOneWord(db, run, result, options, filters, limit, offset);
    if (relaxed) {
      run = relaxed.run;
      missing = relaxed.missing;
    }
  }
  // Only one or two documents hold every word (`Baker Stoltenberg dispute`: the reports say row,
  // rift, criticism): they come first, then those holding all but the odd word out, ranked.
  let holdAll: number | null = null;
  if (run.total > 0 && run.total < FEW_MATCHES && (options.sort ?? 'relevance') === 'relevance') {
    const strict =
      offset === 0 && run.rows.length === run.total ? run : execute(db, ran, result, options, filters, FEW_MATCHES, 0);
    const relaxed = withoutOneWord(db, run, result, options, filters, offset + limit + strict.rows.length, 0);
    if (relaxed && relaxed.run.total >= FEW_MATCHES * 2) {
      const first = new Set(strict.rows.map((r) => r.id));
      const rows = [...strict.rows, ...relaxed.run.rows.filter((r) => !first.has(r.id))];
      holdAll = run.total;
      run = { ...relaxed.run, rows: rows.slice(offset, offset + limit) };
      missing = relaxed.missing;
    }
  }
  result.total = run.total;
  result.totalEstimated = run.estimated === true;
  if (run.atLeast === true) result.totalAtLeast = true;
  if (run.acronyms.length > 0) {
    const typed = run.acronyms.map((a) => `"${a.toUpperCase()}"`).join(', ');
    result.notices.push(
      `${typed} matched where written in capitals; type ${run.acronyms.map((a) => `"${a}"`).join(', ')} to match every form`,
    );
  }
  if (run.leftOut.length > 0) {
    result.notices.push(`matched without the common words ${run.leftOut.join(', ')} (quote a phrase to require them)`);
  }
  if (holdAll !== null) {
    result.notices.push(
      `only ${holdAll === 1 ? 'one document holds' : `${holdAll} documents hold`} all the words: after ${holdAll === 1 ? 'it' : 'them'}, those without ${missing}`,
    );
  } else if (missing !== null) {
    result.notices.push(`no document holds all the words: showing those without ${missing}`);
  }
  if (run.leftOut.length > 0 || missing !== null || dates !== null) {
    result.leftOut = missing === null ? run.leftOut : [...run.leftOut, missing];
    result.searchedFor = describeQuery(run.compiled);
  }
  if (dates !== null) result.dates = { read: dates.phrases, from: dates.from, to: dates.to };
  if (run.total > 0 && result.corrections.length === 0 && options.typos !== false) {
    const suggested = suggestCommoner(db, compiled);
    if (suggested) {
      result.didYouMean = describeQuery(suggested.query);
      result.suggestions = suggested.corrections;
    }
  }
  if (options.facets) {
    result.facets = facetCounts(db, run.total > 0 && run.allIds ? run.allIds() : []);
    // Facets read every match: an estimated total is known exactly now, and the header and the
    // facets should not disagree (`oil` at 1M: "about 75,759" over facets of 75,801).
    if (result.totalEstimated && run.allIds) {
      result.total = result.facets.documents;
      result.totalEstimated = false;
      delete result.totalAtLeast;
    }
  }
  result.queryEntities = run.queryEntities;
  result.nameAlone = run.units.length === 1 && run.units[0].entities.length > 0;
  const marking = run.units.length > 0 ? highlighted(run.units) : run.compiled.groups.flatMap((g) => g.alternatives);
  const marked =
    marking.length > 0 && run.rows.length > 0
      ? markedTexts(
          db,
          marking.map(termExpression).join(' OR '),
          run.rows.map((r) => r.id),
          markingWalk(db, marking),
        )
      : new Map<number, MarkedText>();
  const asTyped = writtenAsTyped(db, typedAcronyms(run.compiled.groups));
  result.hits = run.rows.map((row, i) =>
    buildHit(db, row, offset + i + 1, marked.get(row.id), run.queryEntities, result, asTyped),
  );
  if (result.total === 0 && options.source && !sourceExists(db, options.source)) {
    result.reason = `no documents from source '${options.source}'`;
  }
  return result;
}

/**
 * A typed name means the one entity holding it as an alias, over stray entities of that exact name,
 * when that entity has this many times their mentions (see queryUnits).
 */
const DOMINANT_ALIAS = 4;

/** Whether an entity is in nearly all (LOWER_CASE_NAME_SHARE) the documents of the rarest word of `text`. */
function nearlyAllOf(db: Store, text: string, entityId: number): boolean {
  const stems = stemmer(db)(indexTokens(text.toLowerCase())).filter((s): s is string => s !== null);
  if (stems.length === 0) return false;
  const documents = Math.min(...stems.map((s) => termDocuments(db, s)));
  const need = Math.ceil(LOWER_CASE_NAME_SHARE * documents);
  return entityDocumentsUpTo(db, entityId, need) >= need;
}

/** The share of its word's documents a name typed in lower case must mention its entity in (see queryUnits). */
const LOWER_CASE_NAME_SHARE = 0.75;

/** A group of one word, typed without `*` (what an entity's name is looked up by). */
function isPlainWord(g: Group): boolean {
  return g.alternatives.length === 1 && g.alternatives[0].kind === 'word' && !g.alternatives[0].prefix;
}

/**
 * What a hit's text is marked for: each unit's words, and a name of several words as the phrase it
 * is, less its opening function words (`the Fed` marks `Fed`, not every `the`; `West Germany`, not
 * every `West`). Its mentions are marked from the entity's own spans besides.
 */
function highlighted(units: Unit[]): Pick<Term, 'tokens' | 'prefix'>[] {
  return units.flatMap((u): Pick<Term, 'tokens' | 'prefix'>[] => {
    if (u.entities.length === 0 || u.groups.length < 2 || !u.groups.every(isPlainWord))
      return u.groups.flatMap((g) => g.alternatives);
    const tokens = u.groups.flatMap((g) => g.alternatives[0].tokens);
    while (tokens.length > 1 && isCommonWord(tokens[0], true)) tokens.shift();
    return [{ tokens, prefix: false }];
  });
}

/**
 * The documents marking the hits in one pass over the index walks (see markedTexts): the terms are
 * OR'ed, so every one's doclist whole, a phrase's words' together, a prefix's expansions'. Not the
 * result's size: `coffee prices` at a million articles matches 4,767 documents, but marking walked
 * every document with `prices` (8.9 ms, against 1.0 in the scratch table).
 */
function markingWalk(db: Store, terms: Pick<Term, 'tokens' | 'prefix'>[]): number {
  const stem = stemmer(db);
  let walk = 0;
  for (const term of terms) {
    const stems = stem(term.tokens.map((t) => t.toLowerCase()));
    stems.forEach((s, i) => {
      if (s === null) return;
      walk +=
        term.prefix && i === stems.length - 1 ? prefixStats(db, s, MAX_PREFIX_TERMS).documents : termDocuments(db, s);
    });
  }
  return walk;
}

/** Split the query into units; runs of plain words are looked up as entity names, longest first. */
function queryUnits(db: Store, query: CompiledQuery): Unit[] {
  const segments: { groups: Group[]; plain: boolean }[] = [];
  for (const g of query.groups) {
    const last = segments[segments.length - 1];
    const adjacent =
      last?.plain &&
      isPlainWord(g) &&
      g.alternatives[0].position === last.groups[last.groups.length - 1].alternatives[0].position + 1;
    if (adjacent) last.groups.push(g);
    else segments.push({ groups: [g], plain: isPlainWord(g) });
  }
  const textOf = (groups: Group[], possessive = true): string =>
    groups
      .map((g, i) => {
        const raw = g.alternatives[0].raw;
        return possessive || i < groups.length - 1 ? raw : withoutPossessive(raw);
      })
      .join(' ');
  // A name as typed, then without a possessive (`Reagan's trip` names Reagan; `McDonald's` stays whole).
  const namesOf = (groups: Group[]): [key: string, text: string][] => {
    const typed = textOf(groups);
    const bare = textOf(groups, false);
    return bare === typed
      ? [[aliasKey(typed), typed]]
      : [
          [aliasKey(typed), typed],
          [aliasKey(bare), bare],
        ];
  };
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
          for (const [key, text] of namesOf(segment.groups.slice(i, i + n))) {
            keys.push(key);
            texts.set(key, text);
            addEvent(text, key);
          }
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
  const found = lookupKeys(
    db,
    keys.filter((k) => k.length >= 2),
    eventNames,
    texts,
  );
  addGazetteerNames(db, found, texts);
  const isName = entityGate(db, texts);
  const spellings = aliasCounts(db, [...found.values()].flat());
  const named = (key: string): ResolvedEntity[] => {
    let list = found.get(key) ?? [];
    // An entity known only by the very words typed adds no document the words do not find, and
    // a recognizer's stray "Oil" or "Trade" would only skew the ranking: words alone serve better.
    const stray = (e: ResolvedEntity & { canonical: boolean }) =>
      e.kind === 'entity' && e.canonical && (spellings.get(e.id) ?? 0) <= 1;
    // An exact name outranks aliases: "Korea" is Korea, not every entity someone called Korea. Not
    // a stray one, though, beside the one entity holding the alias, mentioned far more: "Greenspan"
    // is Alan Greenspan (103 mentions on Reuters), not the stray place and body named just that (one
    // mention each); `B.C.`, the place (9), stays words beside Brunswick Corp (18), as does `Delhi`.
    // Typed in lower case, the name is also nearly all its word's documents (`greenspan`: 39 of
    // 40), not a word of other meanings (`community banks`, not the European Community's 433 of 865).
    if (list.some((e) => e.canonical)) {
      const aliasOf = list.filter((e) => !e.canonical);
      const strays = list.filter(stray);
      const dominant =
        aliasOf.length === 1 &&
        strays.length === list.length - 1 &&
        mentionsUpTo(db, aliasOf[0].id, Number.MAX_SAFE_INTEGER) >=
          DOMINANT_ALIAS * strays.reduce((n, e) => n + mentionsUpTo(db, e.id, Number.MAX_SAFE_INTEGER), 0) &&
        (/\p{Lu}/u.test(texts.get(key) ?? '') || nearlyAllOf(db, texts.get(key) ?? '', aliasOf[0].id));
      list = dominant ? aliasOf : list.filter((e) => e.canonical);
    }
    list = list.filter((e) => !stray(e));
    list = list.filter((e) => e.kind === 'event' || isName(key, e.id));
    return list.map(({ id, kind, type, name }) => ({ id, kind, type, name }));
  };
  const units: Unit[] = [];
  const unitOf = (groups: Group[], entities: ResolvedEntity[]): Unit => ({
    expression: groups.length === 1 ? groupExpression(groups[0]) : `(${groups.map(groupExpression).join(' AND ')})`,
    entities,
    groups,
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
        const entities =
          namesOf(segment.groups.slice(i, i + n))
            .map(([key]) => named(key))
            .find((list) => list.length > 0) ?? [];
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
function entityGate(db: Store, texts: Map<string, string>): (key: string, entityId: number) => boolean {
  const keys = [...texts.keys()];
  const words = keys.map((k) => indexTokens(texts.get(k)!.toLowerCase()));
  const unique = [...new Set(words.flat())];
  const stems = stemmer(db)(unique);
  const stemOf = new Map(unique.map((w, i) => [w, stems[i]]));
  const occurrences = new Map<string, number>();
  keys.forEach((key, i) => {
    const counts = words[i].map((w) => {
      const stem = stemOf.get(w);
      return stem ? termOccurrences(db, stem) : 0;
    });
    occurrences.set(key, counts.length > 0 ? Math.min(...counts) : 0);
  });
  const decided = new Map<string, boolean>();
  // A name of several words whose rarest word is common (`seven` of `Group of Seven`): the documents
  // with the words as a phrase, against the entity's own documents.
  const asPhrase = (key: string, entityId: number): boolean => {
    const text = texts.get(key)!;
    if (indexTokens(text).length < 2) return false;
    const most = Math.floor(entityDocumentsUpTo(db, entityId, PHRASE_GATE_DOCUMENTS) / ENTITY_SHARE);
    return documentsWithWordUpTo(db, text, most) <= most;
  };
  return (key, entityId) => {
    const cached = decided.get(`${key}\0${entityId}`);
    if (cached !== undefined) return cached;
    const need = ENTITY_SHARE * (occurrences.get(key) ?? 0);
    const ok = need < 1 || mentionsUpTo(db, entityId, need) >= need || asPhrase(key, entityId);
    decided.set(`${key}\0${entityId}`, ok);
    return ok;
  };
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
  estimated?: boolean;
  atLeast?: boolean;
  rows: (SearchRow & { similar?: number })[];
  compiled: CompiledQuery;
  queryEntities: ResolvedEntity[];
  /** Common words of the query it matched without (withoutCommonWords). */
  leftOut: string[];
  /** What had to match, the query's common words left out. */
  units: Unit[];
  /** Acronyms (lower case) whose matches keep to the documents writing them in capitals (see acronyms.ts). */
  acronyms: string[];
  allIds?: () => number[];
}

/**
 * A query of fewer words than this that matches nothing says so rather than match all but one; one
 * of more words than RELAX_UP_TO_WORDS is pasted text, which no single word missing would rescue.
 */
const RELAX_FROM_WORDS = 3;
const RELAX_UP_TO_WORDS = 8;
/** Fewer documents than this holding every word are followed by those holding all but one (see search). */
const FEW_MATCHES = 3;

/**
 * When no document holds all of three or more words, the documents that hold all but one: a
 * question's word the articles do not use (`how many workers did Chrysler lay off`: they say
 * "laid off") should not leave the reader with nothing. Names are never the word left out — they
 * are what the question is about. Of the words that could go, the one whose absence lets the most
 * documents match is the odd one out.
 */
function withoutOneWord(
  db: Store,
  run: Run,
  result: SearchResult,
  options: SearchOptions,
  filters: DayBounds,
  limit: number,
  offset: number,
): { run: Run; missing: string } | null {
  if (run.units.length < RELAX_FROM_WORDS || run.units.length > RELAX_UP_TO_WORDS) return null;
  const { input, excluded, dropped } = run.compiled;
  const without = (unit: Unit): CompiledQuery =>
    assemble(
      input,
      run.units.filter((u) => u !== unit).flatMap((u) => u.groups),
      excluded,
      dropped,
    );
  // Each candidate is only counted (by date, one row: no ranking); the best one is then run.
  let best: { unit: Unit; total: number } | null = null;
  for (const unit of run.units) {
    if (unit.entities.length > 0) continue;
    const { total } = execute(db, without(unit), result, { ...options, sort: 'date' }, filters, 1, 0);
    if (total > (best?.total ?? 0)) best = { unit, total };
  }
  if (best === null) return null;
  const again = execute(db, without(best.unit), result, options, filters, limit, offset);
  const missing = describeQuery(assemble(input, best.unit.groups, []));
  return { run: { ...again, leftOut: [...run.leftOut, ...again.leftOut] }, missing };
}

/**
 * The query without the common words a question is built with (common-words.ts), when other words
 * remain: a word that is part of a name the corpus knows (`Bank of England`) stays, and so does a
 * query of common words alone (`the`).
 */
function withoutCommonWords(
  compiled: CompiledQuery,
  units: Unit[],
): { compiled: CompiledQuery; units: Unit[]; leftOut: string[] } {
  const terms = compiled.groups.flatMap((g) => g.alternatives).sort((a, b) => a.position - b.position);
  const first = terms[0]?.position;
  // `tell me about …`: the request's verb goes with its `me`; `take place` asks as `happened` does.
  const request = terms.length > 0 && opensRequest(terms[0].raw, terms[1]?.raw);
  const taking = new Set([...takingPlace(terms.map((t) => t.raw))].map((i) => terms[i].position));
  // `WHO vaccine`: a common word typed as an acronym is not the question's `who`.
  const acronyms = new Set(typedAcronyms(compiled.groups));
  const common = (u: Unit): boolean => {
    if (u.entities.length > 0 || u.groups.length !== 1 || u.groups[0].alternatives.length !== 1) return false;
    const term = u.groups[0].alternatives[0];
    return (
      term.kind === 'word' &&
      !term.prefix &&
      term.tokens.length === 1 &&
      !acronyms.has(term.tokens[0]) &&
      (isCommonWord(term.raw, term.position === first) ||
        (request && term.position === first) ||
        taking.has(term.position))
    );
  };
  const kept = units.filter((u) => !common(u));
  if (kept.length === units.length || kept.length === 0) return { compiled, units, leftOut: [] };
  const leftOut = units.filter(common).map((u) => u.groups[0].alternatives[0].raw);
  const groups = kept.flatMap((u) => u.groups);
  return {
    compiled: assemble(compiled.input, groups, compiled.excluded, compiled.dropped),
    units: kept,
    leftOut,
  };
}

/** Plan one compiled query (its units, resolved to entities) and run it. */
function execute(
  db: Store,
  typed: CompiledQuery,
  result: SearchResult,
  options: SearchOptions,
  filters: DayBounds,
  limit: number,
  offset: number,
): Run {
  const words = typed.groups.length > 0;
  const found = words ? withoutCommonWords(typed, queryUnits(db, typed)) : null;
  const units = found?.units ?? [];
  const compiled = found?.compiled ?? typed;
  const queryEntities = dedupe(units.flatMap((u) => u.entities));
  const ranking = { ...DEFAULT_RANKING, ...options.ranking };
  const relevance = words && (options.sort ?? 'relevance') === 'relevance';
  const prunable = compiled.groups.every((g) => g.alternatives.length === 1);
  const acronyms = words
    ? acronymsToKeep(
        db,
        units.filter((u) => u.entities.length === 0).flatMap((u) => u.groups),
        typedAcronyms(typed.groups),
      )
    : [];
  const plan = {
    match: words ? compiled.match : null,
    units: plannedUnits(db, units),
    exclude: compiled.exclude,
    filters: result.filterEntities.map((f) => f.matches),
    from: filters.from,
    to: filters.to,
    source: options.source,
    tags: options.tags,
    acronyms,
    limit,
    offset,
    titleWeight: ranking.titleWeight,
    bodyWeight: 1,
    entityBonus: ranking.entityBonus,
    sort: options.sort,
    prunable,
    prefixes: hasPrefix(compiled),
    matchesAtMost: prunable && relevance ? fewestDocuments(db, compiled.groups) : undefined,
    phraseDocuments: relevance ? phraseDocuments(db, compiled) : undefined,
    ...options.bounds,
  };
  const leftOut = found?.leftOut ?? [];
  if (!relevance) return { ...searchDocuments(db, plan), compiled, queryEntities, leftOut, units, acronyms };
  const end = offset + limit;
  for (let depth = rerankDepth(end) * ranking.stageOneWiden; ; depth *= 4) {
    const page = searchDocuments(db, { ...plan, depth });
    if (page.rows.length === 0) return { ...page, compiled, queryEntities, leftOut, units, acronyms };
    const { rows, clusters } = reranked(db, units, page.rows, ranking, end);
    // Copies can fill even the wider list (fifty of every story at 1M): read deeper, rarely.
    const more = page.rows.length === depth && depth < MAX_STAGE_ONE;
    if (rows.length >= end || !more) {
      const hits = withSimilar(db, rows.slice(offset, end), clusters, page.rows);
      // Past every candidate stage one scored (a pruned or unscored result, or MAX_STAGE_ONE): the
      // other matches, newest first, so that every match the total counts can be paged to.
      // A loop, not push(...): the rest can be most of a million matches (`said --limit 1000000`).
      if (hits.length < limit && page.total > page.rows.length)
        for (const row of theRest(db, plan, page.rows, Math.max(0, offset - rows.length), limit - hits.length))
          hits.push(row);
      return { ...page, rows: hits, compiled, queryEntities, leftOut, units, acronyms };
    }
  }
}

/**
 * Stage two's order of stage one's list: its candidates (fewPerCluster) in blocks of RERANK_DEPTH,
 * each block re-scored on its own and near-duplicates folded, as many blocks as make `end` rows. A
 * hit's place so depends on the blocks before it, never on the page asked for: re-scored all at
 * once, the candidates of a longer page moved hits between pages, so that paging through `oil` on
 * Reuters ten at a time showed 81 documents of the first 200, repeating the rest.
 */
function reranked(
  db: Store,
  units: Unit[],
  stageOne: SearchRow[],
  ranking: RankingParams,
  end: number,
): { rows: SearchRow[]; clusters: Map<number, number> } {
  for (let blocks = Math.ceil(rerankDepth(end) / RERANK_DEPTH); ; blocks++) {
    const { candidates, clusters } = fewPerCluster(db, stageOne, blocks * RERANK_DEPTH);
    const best = Math.max(0, ...candidates.slice(0, RERANK_DEPTH).map((c) => c.score));
    const scored: SearchRow[] = [];
    for (let at = 0; at < candidates.length; at += RERANK_DEPTH)
      for (const row of rerank(db, units, candidates.slice(at, at + RERANK_DEPTH), ranking, best)) scored.push(row);
    const rows = collapseClusters(scored, clusters);
    // Folded copies can leave fewer rows than the page needs: one block more, while there are candidates.
    if (rows.length >= end || candidates.length < blocks * RERANK_DEPTH) return { rows, clusters };
  }
}

/**
 * Matches not among `seen` (stage one's candidates), newest first: `take` of them after skipping
 * `skip`. Read from the date order of the whole result, as deep as the page and the candidates
 * it passes over.
 */
function theRest(db: Store, plan: SearchPlan, seen: SearchRow[], skip: number, take: number): SearchRow[] {
  return searchDocuments(db, {
    ...plan,
    sort: '-date',
    depth: undefined,
    offset: skip,
    limit: take,
    passOver: new Set(seen.map((r) => r.id)),
  }).rows;
}

/**
 * The most documents a query of words, phrases and prefixes can match: those of its rarest word (each
 * group is one word, phrase or prefix, and all must match; a prefix's own last token bounds nothing).
 * From the term counts the cost bound has already read (estimated for a common word of a large index).
 */
function fewestDocuments(db: Store, groups: Group[]): number | undefined {
  const words = groups.flatMap((g) => {
    const { tokens, prefix } = g.alternatives[0];
    return (prefix ? tokens.slice(0, -1) : tokens).map((t) => t.toLowerCase());
  });
  if (words.length === 0) return undefined;
  return Math.min(...stemmer(db)(words).map((stem) => (stem ? termDocuments(db, stem) : 0)));
}

/**
 * The units as stage one is given them: a name with at most how many documents have its words, from
 * which store/search.ts judges how many mention it without them (and so how to hold those).
 */
function plannedUnits(db: Store, units: Unit[]): SearchUnit[] {
  return units.map((u) => (u.entities.length > 0 ? { ...u, wordDocuments: fewestDocuments(db, u.groups) } : u));
}

/**
 * The documents of each word and phrase of the query, keyed as stage one's ranking function looks
 * them up (store/search.ts, native/corpus_rank.c): a phrase by its stems joined by spaces, a prefix by
 * its stem. A word's count is the one the cost bound has read (estimated for a common word of a
 * large index). In a large index a phrase of several words counts as its rarest word (a phrase is no
 * commoner) and a prefix as its expansions' documents summed (the union is no larger), where counting
 * either would walk whole doclists; in a smaller one they are left out, to be counted exactly. A key
 * two terms share (`petro petro*`) is left out too.
 */
function phraseDocuments(db: Store, compiled: CompiledQuery): Map<string, number> {
  const stem = stemmer(db);
  const { documents } = indexTotals(db);
  const large = documents > EXACT_STATS_DOCUMENTS;
  const counts = new Map<string, number>();
  const shared = new Set<string>();
  const add = (key: string, n: number): void => {
    if (counts.has(key)) shared.add(key);
    counts.set(key, n);
  };
  for (const term of [...compiled.groups.flatMap((g) => g.alternatives), ...compiled.excluded]) {
    const words = term.tokens.map((t) => t.toLowerCase());
    if (term.prefix) {
      // The index stems a prefix as it stems a word (`trading*` matches terms starting `trade`).
      const [prefix] = stem([words[words.length - 1]]);
      if (prefix && words.length === 1) {
        if (large) add(prefix, Math.min(documents, prefixStats(db, prefix, MAX_PREFIX_TERMS).documents));
        else shared.add(prefix);
      }
      continue;
    }
    const stems = stem(words);
    if (stems.some((s) => s === null) || (stems.length > 1 && !large)) continue;
    add(stems.join(' '), Math.min(...stems.map((s) => termDocuments(db, s!))));
  }
  for (const key of shared) counts.delete(key);
  return counts;
}

/** Stage one is read again four times deeper, up to this, while copies leave the page short. */
const MAX_STAGE_ONE = 50_000;
/** Members of one near-duplicate cluster that go on to the second stage, which picks the best of them. */
const CLUSTER_MEMBERS = 2;

/** Candidates the second stage re-scores for a page ending at `end` (with slack for ties at its edge). */
function rerankDepth(end: number): number {
  return Math.max(RERANK_DEPTH, end + 16);
}

/**
 * The first `depth` stage-one candidates, at most CLUSTER_MEMBERS of each near-duplicate cluster, and
 * the clusters of the candidates looked at. Clusters are looked up a chunk at a time, as far as the
 * list is read: in a fresh process each lookup is a page read, and all 1,600 took 40 ms at 1M.
 */
function fewPerCluster(
  db: Store,
  rows: SearchRow[],
  depth: number,
): { candidates: SearchRow[]; clusters: Map<number, number> } {
  const clusters = new Map<number, number>();
  const taken = new Map<number, number>();
  const candidates: SearchRow[] = [];
  // Each chunk twice the last: where the best hits are copies of a few stories, a fixed chunk took
  // ten lookups (`Japan trade` at 1M, 0.5 ms each).
  for (let at = 0, size = 2 * depth; at < rows.length && candidates.length < depth; at += size, size *= 2) {
    const chunk = rows.slice(at, at + size);
    for (const [id, cluster] of clusterIds(
      db,
      chunk.map((r) => r.id),
    ))
      clusters.set(id, cluster);
    for (const row of chunk) {
      if (candidates.length >= depth) break;
      const cluster = clusters.get(row.id);
      if (cluster !== undefined) {
        const n = taken.get(cluster) ?? 0;
        if (n >= CLUSTER_MEMBERS) continue;
        taken.set(cluster, n + 1);
      }
      candidates.push(row);
    }
  }
  return { candidates, clusters };
}

/** What the second stage scores: the query's terms, the corpus's field means and each candidate's features. */
export interface RankingInput {
  terms: RankTerm[];
  means: FieldMeans;
  candidates: CandidateFeatures[];
  bestStage1: number;
}

/**
 * The second stage's input for a query, without scoring it (the relevance benchmark tunes the
 * weights over these): the stage-one candidates of `search` and their features. Of the options,
 * only `ranking` and `bounds` apply (no filters).
 */
export function rankingInput(db: Store, query: string, options: SearchOptions = {}): RankingInput | null {
  return inSnapshot(db, () => {
    const typed = boundQueryCost(db, compileQuery(query)).query;
    if (typed.groups.length === 0) return null;
    // The units a search runs: without a question's common words.
    const { compiled, units } = withoutCommonWords(typed, queryUnits(db, typed));
    const ranking = { ...DEFAULT_RANKING, ...options.ranking };
    const page = searchDocuments(db, {
      match: compiled.match,
      units: plannedUnits(db, units),
      exclude: compiled.exclude,
      filters: [],
      from: null,
      to: null,
      limit: DEFAULT_LIMIT,
      offset: 0,
      titleWeight: ranking.titleWeight,
      bodyWeight: 1,
      entityBonus: ranking.entityBonus,
      depth: RERANK_DEPTH * ranking.stageOneWiden,
      ...options.bounds,
    });
    return features(db, units, fewPerCluster(db, page.rows, RERANK_DEPTH).candidates);
  });
}

/** The query's terms as the second stage scores them, with their idf. */
function rankTerms(db: Store, units: Unit[], documents: number): RankTerm[] {
  const raw: { unit: number; tokens: string[]; entity: boolean }[] = [];
  units.forEach((u, unit) => {
    const entity = u.entities.length > 0;
    // An entity's name of several words is one term: "West Germany" occurs where both words do, in order.
    if (entity && u.groups.length > 1 && u.groups.every(isPlainWord)) {
      raw.push({ unit, tokens: u.groups.flatMap((g) => g.alternatives[0].tokens), entity });
      return;
    }
    for (const g of u.groups)
      for (const t of g.alternatives) if (!t.prefix) raw.push({ unit, tokens: t.tokens, entity });
  });
  const stem = stemmer(db);
  const idfOf = (s: string): number => {
    const df = termDocuments(db, s);
    return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
  };
  const out: RankTerm[] = [];
  for (const r of raw) {
    const stems = stem(r.tokens.map((t) => t.toLowerCase())).filter((s): s is string => s !== null);
    if (stems.length === 0) continue;
    // A phrase is at least as rare as its rarest word.
    out.push({ unit: r.unit, stems, idf: Math.max(...stems.map(idfOf)), entity: r.entity });
  }
  return out;
}

/** Read the candidates (title, start of body, field lengths, entity mentions) and compute their features. */
function features(db: Store, units: Unit[], top: SearchRow[]): RankingInput & { texts: Map<number, RerankText> } {
  const ids = top.map((t) => t.id);
  const totals = indexTotals(db);
  const terms = rankTerms(db, units, totals.documents);
  const texts = new Map(rerankTexts(db, ids, RERANK_CHARS).map((t) => [t.id, t]));
  const lengths = fieldLengths(db, ids);
  const named = (kind: 'entity' | 'event') => [
    ...new Set(units.flatMap((u) => u.entities.filter((e) => e.kind === kind).map((e) => e.id))),
  ];
  const presence = entityPresence(db, { entities: named('entity'), events: named('event') }, ids);
  const candidates = candidateFeatures(
    terms,
    top.map((row) => {
      const text = texts.get(row.id);
      const length = lengths.get(row.id);
      const entity = presence.get(row.id);
      return {
        id: row.id,
        stage1: row.score,
        title: text?.title ?? null,
        head: text?.head ?? '',
        titleLength: length?.title ?? 0,
        bodyLength: length?.body ?? 0,
        entityMentions: entity?.mentions ?? 0,
        entityFirstSentence: entity?.firstSentence ?? null,
      };
    }),
    stemmer(db),
  );
  return { terms, means: totals, candidates, bestStage1: Math.max(0, ...top.map((t) => t.score)), texts };
}

/**
 * The second stage (ranking.ts): re-score the best candidates; best first, newer first on a tie.
 * Stage one's scores are taken relative to `bestStage1` (default: the best of `top`).
 */
function rerank(db: Store, units: Unit[], top: SearchRow[], params: RankingParams, bestStage1?: number): SearchRow[] {
  const input = features(db, units, top);
  const best = bestStage1 ?? input.bestStage1;
  const scores = new Map(input.candidates.map((f) => [f.id, rankScore(f, input.terms, input.means, params, best)]));
  return top
    .filter((c) => input.texts.has(c.id))
    .map((c) => {
      const { date, source, title } = input.texts.get(c.id)!;
      return { id: c.id, date, source, title, score: scores.get(c.id) ?? 0 };
    })
    .sort((a, b) => b.score - a.score || compareDates(b.date, a.date) || b.id - a.id);
}

/** One hit per near-duplicate cluster: the best-ranked member stays. The total still counts every matching document. */
function collapseClusters(rows: SearchRow[], clusters: Map<number, number>): SearchRow[] {
  const seen = new Set<number>();
  return rows.filter((row) => {
    const cluster = clusters.get(row.id);
    if (cluster === undefined) return true;
    if (seen.has(cluster)) return false;
    seen.add(cluster);
    return true;
  });
}

/** Each hit's "+N similar": the other members of its cluster among the stage-one candidates. */
function withSimilar(
  db: Store,
  hits: SearchRow[],
  clusters: Map<number, number>,
  candidates: SearchRow[],
): (SearchRow & { similar?: number })[] {
  const shown = [...new Set(hits.map((h) => clusters.get(h.id)).filter((c): c is number => c !== undefined))];
  if (shown.length === 0) return hits;
  const ids = new Set(candidates.map((c) => c.id));
  const among = new Map<number, number>();
  for (const [cluster, members] of clusterMembers(db, shown))
    among.set(cluster, members.filter((id) => ids.has(id)).length);
  return hits.map((hit) => {
    const cluster = clusters.get(hit.id);
    const similar = cluster === undefined ? 0 : (among.get(cluster) ?? 1) - 1;
    return similar > 0 ? { ...hit, similar } : hit;
  });
}

function buildHit(
  db: Store,
  row: SearchRow & { similar?: number },
  rank: number,
  marked: { title: string | null; body: string | null } | undefined,
  queryEntities: ResolvedEntity[],
  result: SearchResult,
  asTyped: (text: string) => boolean,
): SearchHit {
  const doc = hitDocument(db, row.id);
  const bodySpans: Span[] = [];
  const titleSpans: Span[] = [];
  if (marked) {
    for (const [s, e] of unmark(marked.title, doc.title)) if (asTyped(doc.title!.slice(s, e))) titleSpans.push([s, e]);
    // The index holds the body from its story's start: the marks are offsets from there.
    const at = doc.storyStart;
    for (const [s, e] of unmark(marked.body, doc.body.slice(at)))
      if (asTyped(doc.body.slice(s + at, e + at))) bodySpans.push([s + at, e + at]);
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
  // Where its reader found the story (a text file's header), else past a headline the body repeats.
  const from = doc.storyStart > 0 ? doc.storyStart : storyStart(doc.body, doc.title);
  const snippet = makeSnippet(doc.body, bodyHighlights, undefined, from);
  return {
    rank,
    id: row.id,
    externalId: doc.externalId,
    score: row.score,
    similar: row.similar ?? 0,
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
  // Each marker is one UTF-16 unit: the text before the n-th marker is n units longer than the original's.
  const markers = new RegExp(`[${HIGHLIGHT_OPEN}${HIGHLIGHT_CLOSE}]`, 'g');
  let removed = 0;
  let start = -1;
  for (let m = markers.exec(marked); m !== null; m = markers.exec(marked)) {
    const at = m.index - removed++;
    if (m[0] === HIGHLIGHT_OPEN) start = at;
    else {
      if (start >= 0) spans.push([start, at]);
      start = -1;
    }
  }
  return marked.length - removed === original.length && marked.replace(markers, '') === original ? spans : [];
}
