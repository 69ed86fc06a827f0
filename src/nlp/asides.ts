/**
 * A relative aside set off by commas (`Kohl, who spoke to Yeltsin on Wednesday, plans a trip`): what
 * it says is said of the name before it, and its date is not when the rest of the sentence happened.
 */
const RELATIVE_ASIDE = /,\s+(?:who|which|whose)\b[^,;.]*,/g;

/** The span `[start, end)` of the relative aside holding offset `at` of `text`, or null. */
export function relativeAsideAt(text: string, at: number): [number, number] | null {
  for (const m of text.matchAll(RELATIVE_ASIDE))
    if (at >= m.index! && at < m.index! + m[0].length) return [m.index!, m.index! + m[0].length];
  return null;
}
