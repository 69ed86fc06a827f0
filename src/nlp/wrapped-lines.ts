/**
 * Hard-wrapped news copy: lines cut at about 70 columns, so a line break inside a sentence (or a
 * name, or a date) is only the wrap. A line much shorter is a table's row or a heading; a line
 * longer than any wrap is a paragraph of its own. The tokenizer and the date recognizer judge line
 * breaks by these bounds.
 */
export const HARD_WRAP = { min: 50, max: 90 } as const;

/** Length of the line holding `at` (from its start to its first newline at or after `at`). */
export function lineLength(text: string, at: number): number {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return (end < 0 ? text.length : end) - start;
}

/** Lines shorter than this (headings, table rows, a paragraph's last words) say nothing of the wrap. */
const TELLING_LINE = 20;
/**
 * The least share of a wrapped text's full lines followed by more of their paragraph that run on
 * into a lower-case word. Wire copy's breaks fall mid-sentence (Reuters' SGML: over half in 95% of
 * its stories); a list or a table of results written a line to an item, with lines as long, has
 * almost none (CoNLL-2003 dev: at most 0.2).
 */
const RUN_ON_SHARE = 0.4;

/**
 * Whether the text is hard-wrapped copy: at least three of its lines, and most of those of any
 * length, end within the wrap's bounds, and enough of those run on into a lower-case word. Text
 * written a paragraph to a line has lines of every length, most of them longer than any wrap.
 */
export function isHardWrapped(text: string): boolean {
  let telling = 0;
  let full = 0;
  // Of the full lines followed by a line of the same paragraph (not indented, not blank), those
  // running on into a lower-case word.
  let followed = 0;
  let runOn = 0;
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let last = end;
    while (last > start && (text.charCodeAt(last - 1) === 32 || text.charCodeAt(last - 1) === 13)) last--;
    const length = last - start;
    if (length >= TELLING_LINE) {
      telling++;
      if (length >= HARD_WRAP.min && length <= HARD_WRAP.max && nl >= 0) {
        full++;
        const next = text.slice(nl + 1, nl + 2);
        if (next !== '' && !/\s/.test(next)) followed++;
        if (/^[\p{Ll},;(]/u.test(next)) runOn++;
      }
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return full >= 3 && full * 2 > telling && followed > 0 && runOn >= RUN_ON_SHARE * followed;
}
