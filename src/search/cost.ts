/**
 * Bounding what one query may cost. FTS5 reads every position of every term a query names, so the
 * cost of a query is about the total occurrences of its terms: 32 OR-ed phrases of stop words read
 * ~7 M positions (740 ms on Reuters), a two-letter prefix merges ~900 terms. Before running, each
 * term's occurrences are looked up in the index's vocabulary; prefixes that expand to too many terms
 * become plain words, and the costliest alternatives of an OR are left out until the query fits the
 * budget (each OR keeps one; a word that must match only when most documents have it; the first
 * term and excluded words never). Every change is said in a notice.
 */
import type { Store } from '../store/db.js';
import { indexTotals, termDocuments, termOccurrences } from '../store/ranking.js';
import { prefixStats } from '../store/vocabulary.js';
import { assemble, type CompiledQuery, type Group, type Term } from './query.js';
import { stemmer } from './typos.js';

/** Occurrences a query may read: ~100 ms at the ~110 ns per position measured on Reuters, with margin. */
export const MAX_OCCURRENCES = 400_000;
/** A prefix matching more indexed terms than this is searched as a word. */
export const MAX_PREFIX_TERMS = 200;

export function boundQueryCost(
  db: Store,
  query: CompiledQuery,
  budget = MAX_OCCURRENCES,
  maxPrefixTerms = MAX_PREFIX_TERMS,
): { query: CompiledQuery; notices: string[] } {
  const notices: string[] = [];
  const terms = [...query.groups.flatMap((g) => g.alternatives), ...query.excluded];
  if (terms.length === 0) return { query, notices };
  const words = [...new Set(terms.flatMap((t) => t.tokens.map((w) => w.toLowerCase())))];
  const stems = stemmer(db)(words);
  const stemOf = new Map(words.map((w, i) => [w, stems[i]]));
  const occurrences = (w: string): number => {
    const stem = stemOf.get(w.toLowerCase());
    return stem ? termOccurrences(db, stem) : 0;
  };
  const unprefixed = new Set<Term>();
  const cost = new Map<Term, number>();
  for (const t of terms) {
    let c = 0;
    t.tokens.forEach((token, i) => {
      if (t.prefix && i === t.tokens.length - 1) {
        // The index stems a prefix as it stems a word: `trading*` is every term starting `trade`.
        const expansion = prefixStats(db, stemOf.get(token.toLowerCase()) ?? token.toLowerCase(), maxPrefixTerms);
        if (expansion.terms > maxPrefixTerms) {
          unprefixed.add(t);
          c += occurrences(token);
        } else c += expansion.occurrences;
      } else c += occurrences(token);
    });
    cost.set(t, c);
  }
  for (const t of unprefixed) {
    notices.push(
      `'${t.raw}*' matches more than ${maxPrefixTerms} indexed words: searched for '${t.raw}' as a word (use a longer prefix)`,
    );
  }
  let total = [...cost.values()].reduce((a, b) => a + b, 0);
  const dropped = new Set<Term>();
  // Alternatives are left out, costliest first, while their OR keeps another. A word every hit must
  // have is left out only if most documents have it: it narrows the result least (a long run of
  // stop words). Any other would answer another question: at a million articles `interest rates` was
  // searched as `interest`, 111,495 documents instead of 43,294. Words that must match cost little to
  // intersect, and scoring their matches is bounded (searchDocuments). Excluded words stay.
  const group = new Map<Term, Group>(query.groups.flatMap((g) => g.alternatives.map((t) => [t, g] as const)));
  const kept = new Map<Group, number>(query.groups.map((g) => [g, g.alternatives.length]));
  const inMost = (t: Term): boolean => {
    const stem = t.kind === 'word' && !t.prefix && t.tokens.length === 1 ? stemOf.get(t.tokens[0].toLowerCase()) : null;
    return Boolean(stem) && termDocuments(db, stem!) > indexTotals(db).documents / 2;
  };
  const first = query.groups[0]?.alternatives[0];
  for (const t of [...terms].sort((a, b) => cost.get(b)! - cost.get(a)!)) {
    if (total <= budget) break;
    const g = group.get(t);
    if (!g || t === first) continue;
    if (kept.get(g)! <= 1 && !inMost(t)) continue;
    kept.set(g, kept.get(g)! - 1);
    dropped.add(t);
    total -= cost.get(t)!;
  }
  if (dropped.size > 0) {
    const shown = [
      ...new Set([...dropped].map((t) => (t.kind === 'phrase' ? `"${t.raw}"` : t.raw) + (t.prefix ? '*' : ''))),
    ];
    const list = shown.length > 4 ? `${shown.slice(0, 4).join(', ')} and ${shown.length - 4} more` : shown.join(', ');
    notices.push(`the query is too costly to run whole: left out ${list} (the most frequent terms)`);
  }
  if (unprefixed.size === 0 && dropped.size === 0) return { query, notices };
  const keep = (t: Term): Term | null => (dropped.has(t) ? null : unprefixed.has(t) ? { ...t, prefix: false } : t);
  const groups: Group[] = query.groups
    .map((g) => ({ alternatives: g.alternatives.map(keep).filter((t): t is Term => t !== null) }))
    .filter((g) => g.alternatives.length > 0);
  const excluded = query.excluded.map(keep).filter((t): t is Term => t !== null);
  return { query: assemble(query.input, groups, excluded, query.dropped), notices };
}
