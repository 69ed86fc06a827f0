/**
 * A stream a reader looked into before reading it (a CSV's first 64 KB for its encoding and
 * dialect, a feed's first 4 KB for its root element): what it took, then what is left.
 */

/** `ahead`, the values already taken from `rest`, then the rest of them (none when `ended`: `rest` gave its last). */
export async function* withReadAhead<T>(ahead: Iterable<T>, rest: AsyncIterator<T>, ended = false): AsyncGenerator<T> {
  yield* ahead;
  if (ended) return;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
