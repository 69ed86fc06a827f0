/**
 * The key under which variants of one name meet across the corpus: case, diacritics, hyphens and
 * punctuation folded (`Kim Jong-un` and `Kim Jong Un` share one key; `U.S.` and `US` too, since
 * full stops and apostrophes are dropped rather than turned into spaces).
 */
export function aliasKey(name: string): string {
  // Fast path for the common case of plain ASCII words.
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(name)) return name.toLowerCase();
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
