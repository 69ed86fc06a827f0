/**
 * The greatest and least of a list of numbers, for lists whose length the corpus decides.
 *
 * `Math.max(...xs)` passes every element as an argument on the stack: past about 100,000 of them
 * it throws "Maximum call stack size exceeded" (`corpus duplicates` on a million articles, 910,402
 * documents in clusters). A loop has no such bound.
 */

/** The greatest of `xs`, or `empty` when there are none (-Infinity, as Math.max() gives). */
export function maxOf(xs: Iterable<number>, empty = Number.NEGATIVE_INFINITY): number {
  let best = Number.NEGATIVE_INFINITY;
  let any = false;
  for (const x of xs) {
    if (Number.isNaN(x)) return x;
    if (x > best) best = x;
    any = true;
  }
  return any ? best : empty;
}

/** The least of `xs`, or `empty` when there are none (Infinity, as Math.min() gives). */
export function minOf(xs: Iterable<number>, empty = Number.POSITIVE_INFINITY): number {
  let best = Number.POSITIVE_INFINITY;
  let any = false;
  for (const x of xs) {
    if (Number.isNaN(x)) return x;
    if (x < best) best = x;
    any = true;
  }
  return any ? best : empty;
}
