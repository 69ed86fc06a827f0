/**
 * Typo tolerance: when a word of the query is not in the index, the closest indexed term stands in
 * for it — one edit away for words of 5+ letters, two for 9+.
 *
 * The index holds porter stems ("presid" for "president"), so a typo is looked for two ways: every
 * one-edit variant of the word, stemmed, that is an indexed term ("presidnet" → "president" →
 * "presid"); and indexed terms within the allowed distance of the word's own stem ("summitt").
 * Stemming is done by SQLite itself (a scratch FTS5 table with the same tokenizer), so it always
 * agrees with the index. Everything lives in the temp schema: a read-only database works.
 */
import type { Store } from '../store/db.js';
import {
  documentText,
  documentsWithWordUpTo,
  termDocs,
  termInstances,
  termsBetween,
  tokenizeLikeIndex,
} from '../store/vocabulary.js';
import { assemble, type CompiledQuery, type Group, type Term } from './query.js';
import type { Correction } from './types.js';

/** The indexed stems starting with one letter: loading the whole vocabulary would cost ~100 ms. */
interface Vocabulary {
  /** Stem → number of documents holding it. */
  docs: Map<string, number>;
  /** Stems by length, for the distance scan. */
  byLength: Map<number, string[]>;
}

const vocabularies = new WeakMap<Store, Map<string, Vocabulary>>();
/** Stems of words as the index would store them (null for a word that yields no token). */
export function stemWords(db: Store, words: string[]): (string | null)[] {
  const out: (string | null)[] = words.map(() => null);
  if (words.length === 0) return out;
  // One row with one word per position; FTS5 reports each token's position back with its term.
  // A word that is not exactly one token is replaced by a placeholder token to keep positions aligned.
  const usable = words.map((w) => /^[\p{L}\p{N}]+$/u.test(w));
  const clean = words.map((w, i) => (usable[i] ? w : 'x'));
  for (const row of tokenizeLikeIndex(db, clean.join(' ')))
    if (row.offset < out.length && usable[row.offset]) out[row.offset] = row.term;
  return out;
}

/** Stems of surface words, memoized per connection (the vocabulary of news is small). */
const stemCache = new WeakMap<Store, Map<string, string | null>>();
const STEM_CACHE_SIZE = 50_000;

/**
 * stemWords, remembered per connection: the cost bound, the entity gate, the rarest word and the
 * second stage all stem a query's words, and each asked SQLite's tokenizer again.
 */
export function stemmer(db: Store): (words: string[]) => (string | null)[] {
  let cache = stemCache.get(db);
  if (!cache) stemCache.set(db, (cache = new Map()));
  const known = cache;
  return (words) => {
    const missing = words.filter((w) => !known.has(w));
    if (missing.length > 0) {
      if (known.size + missing.length > STEM_CACHE_SIZE) known.clear();
      const stems = stemWords(db, missing);
      missing.forEach((w, i) => known.set(w, stems[i]));
    }
    return words.map((w) => known.get(w) ?? null);
  };
}

function vocabulary(db: Store, letter: string): Vocabulary {
  let byLetter = vocabularies.get(db);
  if (!byLetter) vocabularies.set(db, (byLetter = new Map()));
  let vocab = byLetter.get(letter);
  if (vocab) return vocab;
  const docs = new Map<string, number>();
  const byLength = new Map<number, string[]>();
  const next = String.fromCodePoint(letter.codePointAt(0)! + 1);
  for (const row of termsBetween(db, letter, next)) {
    // Numbers and one-letter terms are never what a misspelt word meant.
    if (row.term.length < 2 || /\d/.test(row.term)) continue;
    docs.set(row.term, row.doc);
    const list = byLength.get(row.term.length) ?? [];
    list.push(row.term);
    byLength.set(row.term.length, list);
  }
  vocab = { docs, byLength };
  byLetter.set(letter, vocab);
  return vocab;
}

/** Longer "words" are pasted data, not something misspelt (and their variants would be huge). */
const MAX_WORD = 30;

/** Edits a word of this many letters may be away from a correction. */
export function allowedEdits(word: string): number {
  const n = Array.from(word).length;
  return n > MAX_WORD ? 0 : n >= 9 ? 2 : n >= 5 ? 1 : 0;
}

/**
 * Optimal string alignment distance (an adjacent swap is one edit), or max+1 once above max.
 * Not natural's DamerauLevenshteinDistance (used by `entities --suspects`): it has no bound, costs
 * ~15 µs a pair, and a typo lookup compares against thousands of indexed terms within a 10 ms budget.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** Every word one edit away (a-z), with where the edit is: the first letter is rarely the one mistyped. */
function edits1(word: string): Map<string, number> {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out = new Map<string, number>();
  const add = (variant: string, at: number): void => {
    if (variant !== word && !(out.get(variant)! <= at)) out.set(variant, at);
  };
  for (let i = 0; i <= word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (b) add(a + b.slice(1), i);
    if (b.length > 1) add(a + b[1] + b[0] + b.slice(2), i);
    for (const c of letters) {
      if (b) add(a + c + b.slice(1), i);
      add(a + c + b, i);
    }
  }
  return out;
}

/** An edit at the first letter costs more: people seldom get a word's first letter wrong. */
const FIRST_LETTER_PENALTY = 0.5;

/**
 * The indexed stem closest to a word that is not in the index, or null when none is close enough;
 * with the corrected word when a one-edit variant found it ("exprts" → "exports", not "exporters").
 */
export function closestTerm(db: Store, word: string): { term: string; word: string | null } | null {
  const lower = word.toLowerCase();
  const max = allowedEdits(lower);
  if (max === 0 || !/^\p{L}+$/u.test(lower)) return null;
  const first = Array.from(lower)[0];
  const vocab = vocabulary(db, first);
  const docsOf = (term: string): number | undefined => {
    if (term.startsWith(first)) return vocab.docs.get(term);
    return termDocs(db, term) || undefined;
  };
  let best: { term: string; word: string | null; cost: number; docs: number } | null = null;
  const consider = (term: string, cost: number, variant: string | null): void => {
    const docs = docsOf(term);
    if (docs === undefined) return;
    if (!best || cost < best.cost || (cost === best.cost && docs > best.docs))
      best = { term, word: variant, cost, docs };
  };
  // Indexed stems close to the word's own stem ("summitt" → summit); cheap, and usually enough.
  // A wrong first letter is left to the variants below.
  const [stem] = stemWords(db, [lower]);
  if (stem?.startsWith(first)) {
    for (let len = stem.length - max; len <= stem.length + max; len++) {
      for (const term of vocab.byLength.get(len) ?? []) {
        const d = editDistance(stem, term, max);
        if (d <= max) consider(term, d, null);
      }
    }
  }
  // A typo in the ending keeps the stemmer from stripping it ("presidnet" stems to itself, far from
  // "presid"): stem every one-edit variant of the word instead.
  if ((best === null || (best as { cost: number }).cost > 1) && /^[a-z]+$/.test(lower)) {
    const variants = edits1(lower);
    const words = [...variants.keys()];
    const stems = stemWords(db, words);
    stems.forEach((variantStem, i) => {
      if (variantStem) consider(variantStem, 1 + (variants.get(words[i]) === 0 ? FIRST_LETTER_PENALTY : 0), words[i]);
    });
  }
  const found = best as { term: string; word: string | null } | null;
  return found ? { term: found.term, word: found.word } : null;
}

/** A word of the documents that the index stores as `stem` — of a few seen, the closest to `typed`. */
export function surfaceForm(db: Store, stem: string, typed: string): string | null {
  const hits = termInstances(db, stem, 8);
  const seen = new Set<string>();
  for (const hit of hits) {
    const column = hit.col === 'title' ? 'title' : 'body';
    const text = documentText(db, hit.doc, column);
    const word = (text?.match(/[\p{L}\p{N}\p{M}\p{Co}]+/gu) ?? [])[hit.offset];
    if (word) seen.add(word.toLowerCase());
  }
  const words = [...seen];
  // Our tokenizer and SQLite's may count tokens differently: keep only words that stem back to the term.
  const stems = stemWords(db, words);
  const target = typed.toLowerCase();
  const valid = words
    .filter((_, i) => stems[i] === stem)
    .sort((a, b) => editDistance(target, a, 99) - editDistance(target, b, 99));
  return valid[0] ?? null;
}

/**
 * Replace some of the query's plain words: `replacement(word, stem)` gives the indexed word to use
 * instead, or null. Shared by the two corrections below, which differ only in which words they replace.
 */
function replaceWords(
  db: Store,
  query: CompiledQuery,
  replacement: (word: string, stem: string) => string | null,
): { query: CompiledQuery; corrections: Correction[] } | null {
  const candidates = query.groups
    .flatMap((g) => g.alternatives)
    .filter((t) => t.kind === 'word' && !t.prefix && t.tokens.length === 1 && allowedEdits(t.tokens[0]) > 0);
  if (candidates.length === 0) return null;
  const stems = stemWords(
    db,
    candidates.map((t) => t.tokens[0].toLowerCase()),
  );
  const replaced = new Map<Term, string>();
  const corrections: Correction[] = [];
  candidates.forEach((term, i) => {
    const stem = stems[i];
    const surface = stem ? replacement(term.tokens[0], stem) : null;
    if (!surface) return;
    replaced.set(term, surface);
    corrections.push({ from: term.raw, to: surface });
  });
  if (replaced.size === 0) return null;
  const swap = (t: Term): Term => {
    const to = replaced.get(t);
    return to ? { ...t, raw: to, tokens: [to] } : t;
  };
  const groups: Group[] = query.groups.map((g) => ({ alternatives: g.alternatives.map(swap) }));
  return { query: assemble(query.input, groups, query.excluded, query.dropped), corrections };
}

/**
 * Replace the query's unknown words by their closest indexed words. Null when no word is unknown
 * or none has a close enough replacement.
 */
export function correctQuery(
  db: Store,
  query: CompiledQuery,
): { query: CompiledQuery; corrections: Correction[] } | null {
  return replaceWords(db, query, (word, stem) => {
    if (termDocs(db, stem) > 0) return null;
    const closest = closestTerm(db, word);
    return closest ? (closest.word ?? surfaceForm(db, closest.term, word)) : null;
  });
}

/** A word found in at most this many documents may be a misspelling of a commoner word... */
export const RARE_DOCS = 5;
/** ...when a word within the allowed edits is in this many times more documents. */
export const RARER = 20;

/**
 * "Did you mean": for query words that are indexed but rare (`volker`, in one misspelt article), the
 * close indexed word found in far more documents (`volcker`). Null when no word qualifies. Only rare
 * words are looked at, so common queries pay nothing.
 */
export function suggestCommoner(
  db: Store,
  query: CompiledQuery,
): { query: CompiledQuery; corrections: Correction[] } | null {
  return replaceWords(db, query, (word, stem) => {
    if (!/^\p{L}+$/u.test(stem)) return null;
    // Most query words are common: bounded counting tells so without walking their doclists.
    if (documentsWithWordUpTo(db, word, RARE_DOCS) > RARE_DOCS) return null;
    const docs = termDocs(db, stem);
    if (docs === 0 || docs > RARE_DOCS) return null;
    const max = allowedEdits(word.toLowerCase());
    const vocab = vocabulary(db, Array.from(stem)[0]);
    let best: { term: string; docs: number } | null = null;
    for (let len = stem.length - max; len <= stem.length + max; len++) {
      for (const other of vocab.byLength.get(len) ?? []) {
        if (other === stem) continue;
        const n = vocab.docs.get(other) ?? 0;
        if (n < RARER * docs || (best && n <= best.docs)) continue;
        if (editDistance(stem, other, max) <= max) best = { term: other, docs: n };
      }
    }
    return best ? surfaceForm(db, best.term, word) : null;
  });
}
