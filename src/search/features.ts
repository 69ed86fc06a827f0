/**
 * What the second ranking stage knows about each candidate, computed once per search from the
 * candidates' own text (a few hundred documents at most): how often each query term occurs in the
 * title and in the body, where in the body, how close the query's parts are to each other, and how
 * central a named entity is. Pure: the caller reads the texts and stems words with the index's own
 * tokenizer; ranking.ts turns these features into a score with the tuned weights.
 *
 * Terms are matched by the index's porter stems: each word of a candidate that could stem to a query
 * stem (it shares the stem's first two letters: porter only rewrites the end of a word) is stemmed by
 * the caller's `stem` (SQLite's tokenizer, memoized), so a match here is exactly a match in FTS5.
 */
import { boilerplate } from './ranking.js';

/** One term the ranking scores: a word or a phrase of index stems, in one part (unit) of the query. */
export interface RankTerm {
  /** The query part it belongs to: parts must all match; proximity and lead look at parts. */
  unit: number;
  /** Index stems in order: several make a phrase. */
  stems: string[];
  /** Inverse document frequency (BM25's, never negative). */
  idf: number;
  /** The part names an entity: its mentions (by any alias) count as occurrences in the body. */
  entity: boolean;
}

export interface CandidateInput {
  id: number;
  /** Stage-one score (FTS5 bm25, title weighted, plus the entity bonus). */
  stage1: number;
  title: string | null;
  /** The start of the body (long bodies are cut: counts past the cut are not seen). */
  head: string;
  titleLength: number;
  bodyLength: number;
  /** Mentions of the query's entities in the body, and the first sentence naming one; null when none. */
  entityMentions: number;
  entityFirstSentence: number | null;
}

export interface CandidateFeatures {
  id: number;
  stage1: number;
  titleLength: number;
  bodyLength: number;
  /** Per term (RankTerm order): occurrences in the title and in the body. */
  titleCounts: number[];
  bodyCounts: number[];
  /** Query parts found within a short window of each other in the body, 0..1 (1: next to each other). */
  proximity: number;
  /** Share of the query's parts found in the title or the lead (the first LEAD_TOKENS tokens of the body). */
  lead: number;
  /** How central the query's named entities are, 0..1 (0 when the query names none). */
  centrality: number;
  /** How much of the body's start is figures rather than prose, 0..1. */
  boilerplate: number;
}

/** Tokens of the body that make its lead: the dateline and first sentence of a news story. */
export const LEAD_TOKENS = 40;
/** Characters of the body's start judged for boilerplate (tables and notices show it at once). */
const BOILERPLATE_CHARS = 1000;
/** One mention per this many body tokens makes an entity fully central by count. */
const TOKENS_PER_CENTRAL_MENTION = 50;

/** A token of text: lower-cased and without diacritics (as the index's unicode61 tokenizer folds it). */
interface Token {
  text: string;
  position: number;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u;

/** ASCII letters and digits, lower-cased (0 for anything else): the common case, without a regex. */
const ASCII_FOLD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_FOLD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_FOLD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_FOLD[c] = c + 32;

/** Key of a token's first two (folded) characters; a one-character token keys on itself. */
const pairKey = (a: number, b: number): number => a * 65536 + b;

/**
 * The tokens of `text` whose first two folded letters are a key of `pairs` (every token still counts
 * for positions). One pass over the characters; only the few possible matches become strings.
 */
function candidateTokens(text: string, pairs: Set<number>): Token[] {
  const out: Token[] = [];
  let position = 0;
  let start = -1;
  let ascii = true;
  let first = 0;
  let second = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const folded = c < 128 ? ASCII_FOLD[c] : WORD_CHAR.test(text[i]) ? c : 0;
    if (folded !== 0) {
      if (start < 0) {
        start = i;
        first = folded;
        second = 0;
        ascii = true;
      } else if (i === start + 1) second = folded;
      if (c >= 128) ascii = false;
      continue;
    }
    if (start < 0) continue;
    if (!ascii) {
      const word = fold(text.slice(start, i));
      if (pairs.has(pairKey(word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : 0)))
        out.push({ text: word, position });
    } else if (pairs.has(pairKey(first, second))) out.push({ text: text.slice(start, i).toLowerCase(), position });
    position++;
    start = -1;
  }
  return out;
}

function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Features of every candidate. `stem` maps surface words (folded) to index stems, many at once
 * (null for a word the tokenizer drops).
 */
export function candidateFeatures(
  terms: RankTerm[],
  candidates: CandidateInput[],
  stem: (words: string[]) => (string | null)[],
): CandidateFeatures[] {
  const pairs = new Set<number>();
  for (const t of terms)
    for (const s of t.stems) pairs.add(pairKey(s.charCodeAt(0), s.length > 1 ? s.charCodeAt(1) : 0));
  const units = [...new Set(terms.map((t) => t.unit))];
  const entityUnits = new Set(terms.filter((t) => t.entity).map((t) => t.unit));
  const scanned = candidates.map((c) => ({
    title: candidateTokens(c.title ?? '', pairs),
    body: candidateTokens(c.head, pairs),
  }));
  // Stem every distinct possible match once (one call for all candidates).
  const surfaces = [...new Set(scanned.flatMap((s) => [...s.title, ...s.body].map((t) => t.text)))];
  const stems = surfaces.length > 0 ? stem(surfaces) : [];
  const stemOf = new Map(surfaces.map((w, i) => [w, stems[i]]));

  return candidates.map((c, ci) => {
    const titleStems = stemmedPositions(scanned[ci].title, stemOf);
    const bodyStems = stemmedPositions(scanned[ci].body, stemOf);
    const titleCounts: number[] = [];
    const bodyCounts: number[] = [];
    // Body positions where each query part occurs; parts in the title.
    const unitPositions = new Map<number, number[]>();
    const inTitle = new Set<number>();
    terms.forEach((t) => {
      const titleAt = phraseStarts(titleStems, t.stems);
      const bodyAt = phraseStarts(bodyStems, t.stems);
      titleCounts.push(titleAt.length);
      bodyCounts.push(t.entity ? Math.max(bodyAt.length, c.entityMentions) : bodyAt.length);
      if (titleAt.length > 0) inTitle.add(t.unit);
      if (bodyAt.length > 0) {
        const list = unitPositions.get(t.unit) ?? [];
        for (const at of bodyAt) list.push(at);
        unitPositions.set(t.unit, list);
      }
    });
    let leadParts = 0;
    for (const u of units) {
      const first = unitPositions.get(u)?.reduce((a, b) => Math.min(a, b), Infinity) ?? Infinity;
      const entityEarly = entityUnits.has(u) && c.entityFirstSentence === 0;
      if (inTitle.has(u) || first < LEAD_TOKENS || entityEarly) leadParts++;
    }
    let centrality = 0;
    if (entityUnits.size > 0 && c.entityMentions > 0) {
      const early = c.entityFirstSentence === 0 ? 1 : c.entityFirstSentence === 1 ? 0.5 : 0;
      const density = Math.min(1, (c.entityMentions * TOKENS_PER_CENTRAL_MENTION) / Math.max(1, c.bodyLength));
      // Named at all counts most: a word the query shares with another name ("Baker" the company) is not it.
      centrality = 0.4 + 0.3 * early + 0.3 * density;
    }
    return {
      id: c.id,
      stage1: c.stage1,
      titleLength: c.titleLength,
      bodyLength: c.bodyLength,
      titleCounts,
      bodyCounts,
      proximity: units.length >= 2 ? proximity(units.map((u) => unitPositions.get(u) ?? [])) : 0,
      lead: units.length > 0 ? leadParts / units.length : 0,
      centrality,
      boilerplate: boilerplate(c.head.length > BOILERPLATE_CHARS ? c.head.slice(0, BOILERPLATE_CHARS) : c.head),
    };
  });
}

/** Stem → sorted positions, for the tokens that stem to something. */
function stemmedPositions(tokens: Token[], stemOf: Map<string, string | null | undefined>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const t of tokens) {
    const s = stemOf.get(t.text);
    if (!s) continue;
    const list = out.get(s);
    if (list) list.push(t.position);
    else out.set(s, [t.position]);
  }
  return out;
}

/** Positions where the stems occur one after the other (a word: its positions). */
function phraseStarts(positions: Map<string, number[]>, stems: string[]): number[] {
  const first = positions.get(stems[0]);
  if (!first) return [];
  if (stems.length === 1) return first;
  const sets = stems.slice(1).map((s) => new Set(positions.get(s) ?? []));
  return first.filter((p) => sets.every((set, k) => set.has(p + k + 1)));
}

/**
 * How close the query's parts come in the body: parts / (length of the shortest window holding one
 * occurrence of each), 0 when some part is missing from the body. 1 means the parts are adjacent.
 */
function proximity(lists: number[][]): number {
  if (lists.some((l) => l.length === 0)) return 0;
  const events = lists
    .flatMap((l, part) => l.map((position) => ({ position, part })))
    .sort((a, b) => a.position - b.position);
  const need = lists.length;
  const seen = new Array<number>(need).fill(0);
  let covered = 0;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < events.length; right++) {
    if (seen[events[right].part]++ === 0) covered++;
    while (covered === need) {
      best = Math.min(best, events[right].position - events[left].position + 1);
      if (--seen[events[left].part] === 0) covered--;
      left++;
    }
  }
  return best === Infinity ? 0 : Math.min(1, need / best);
}
