/**
 * Words written as acronyms: two to five capital letters (`AIDS`, `WHO`, `SALT`, `IT`). The full-text
 * index folds case and stems, so it holds `AIDS` as `aid` and `WHO` as `who`; what a text writes in
 * capitals is kept beside it (store/acronyms.ts) for a query that types one (search/acronyms.ts).
 */

/** Two to five capital letters, not inside a longer word or beside a digit (`AIDS-related`, `OPEC's`). */
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,5}(?![\p{L}\p{N}])/gu;

/** Whether a query's word is typed as an acronym (its other words decide whether the query shouts). */
export function looksLikeAcronym(word: string): boolean {
  return /^\p{Lu}{2,5}$/u.test(word);
}

/**
 * The acronyms a text writes, lower-cased, each once. A line without a lower-case letter shouts (a
 * wire headline, `SHR 12 CTS VS 10 CTS`), so its capitals say nothing: `CANADA'S MOVE … AIDS
 * MARKET` is about help, not the disease.
 */
export function writtenAcronyms(...texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    // Each line is tested once, when its first capitals are met (no split: a body can be 256 MB).
    let lineEnd = -1;
    let shouts = false;
    for (const match of text.matchAll(ACRONYM)) {
      const at = match.index ?? 0;
      if (at > lineEnd) {
        const start = text.lastIndexOf('\n', at) + 1;
        const end = text.indexOf('\n', at);
        lineEnd = end < 0 ? text.length : end;
        shouts = !LOWER.test(text.slice(start, lineEnd));
      }
      if (!shouts) found.add(match[0].toLowerCase());
    }
  }
  return [...found];
}

const LOWER = /\p{Ll}/u;
