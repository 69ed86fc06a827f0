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
