/**
 * A word typed as an acronym (`AIDS`, `WHO`, `SALT`: two to five capitals, in a query that does not
 * shout). The index stems it as it stems any word, so `AIDS` matches `aid`, `WHO` the pronoun and
 * `US` `use`: matches keep to the documents that write the acronym in capitals
 * (store/acronyms.ts), and a hit marks it only where it is so written.
 */
import { looksLikeAcronym } from '../core/acronyms.js';
import { acronymsUnread, documentsWriting } from '../store/acronyms.js';
import type { Store } from '../store/db.js';
import { termDocuments } from '../store/ranking.js';
import type { Group } from './query.js';
import { stemmer } from './typos.js';

/**
 * The words typed in capitals as an acronym, in a query not typed all in capitals (`US TRADE`
 * shouts; `IBM` alone is an acronym). A word standing alone (`OPEC's` too), not a part of one
 * (`AT` of `AT&T`, `S` of `U.S.`: the query matches those as the phrases they are).
 */
export function typedAcronyms(groups: Group[]): string[] {
  const terms = groups.flatMap((g) => g.alternatives);
  const shouted = terms.length > 1 && terms.every((t) => t.raw === t.raw.toUpperCase());
  if (shouted) return [];
  return terms.flatMap((t) =>
    t.raw
      .split(/\s+/)
      .map((word) => word.replace(/^["'(]+|['’]s$|["')!?,.:;]+$/g, ''))
      .filter((word) => looksLikeAcronym(word) && t.tokens.includes(word)),
  );
}

/**
 * The typed acronyms a search keeps to the documents writing (lower-cased, for doc_acronyms), of
 * `groups`: the words the query matches as words (not a name it resolved), each one that must match
 * (not an alternative of an OR, not a prefix). Only an acronym that few of its stem's documents
 * write in capitals: there the stem means something else too (Reuters: `WHO` in 1 of `who`'s 1,266,
 * `OIL` in 12 of `oil`'s thousands); where many do, the rest are mostly the same thing written
 * otherwise (`USSR` in 61 of 91, `FOB` in 42 of 92: `fob`, and headlines in capitals, which count for
 * the stem and not for the acronym). Few is under a quarter, or under half where the index stems
 * the acronym into other words (`AIDS` to `aid`: 62 of 463). None while the database's acronyms are
 * unread.
 */
export function acronymsToKeep(db: Store, groups: Group[], typed: readonly string[]): string[] {
  if (typed.length === 0 || acronymsUnread(db)) return [];
  const acronyms = new Set(typed);
  const stem = stemmer(db);
  const kept = new Set<string>();
  for (const group of groups) {
    if (group.alternatives.length !== 1) continue;
    const { tokens, prefix } = group.alternatives[0];
    for (const token of prefix ? tokens.slice(0, -1) : tokens) {
      if (!acronyms.has(token)) continue;
      const word = token.toLowerCase();
      const [stemmed] = stem([word]);
      const documents = stemmed ? termDocuments(db, stemmed) : 0;
      const few = documents * (stemmed === word ? FEW_WRITTEN : FEW_WRITTEN_STEMMED);
      if (documents > 0 && documentsWriting(db, word, Math.floor(few)) < few) kept.add(word);
    }
  }
  return [...kept];
}

/** Under this share of its stem's documents, an acronym keeps to those writing it (see acronymsToKeep). */
const FEW_WRITTEN = 1 / 4;
/** … and under this one where the stem is another word's too. */
const FEW_WRITTEN_STEMMED = 1 / 2;

/**
 * Whether a word the index marked is written as the query asked: a mark of an acronym's stem stands
 * only where the acronym itself is written, in capitals (`US`, not `use` nor `us`: Reuters' `US
 * trade` had `[use]` and `[Using]` marked in its first three snippets).
 */
export function writtenAsTyped(db: Store, acronyms: string[]): (text: string) => boolean {
  if (acronyms.length === 0) return () => true;
  const stem = stemmer(db);
  const stems = new Set(stem(acronyms.map((a) => a.toLowerCase())));
  const written = new Set(acronyms);
  return (text) => {
    if (written.has(text)) return true;
    const [s] = stem([text.toLowerCase()]);
    return s === null || !stems.has(s);
  };
}
