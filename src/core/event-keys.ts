/**
 * Unique keys for events that come in any order. An event's key is its first statement's sentence,
 * so events whose first statements share a sentence are told apart: `key`, `key.2`, `key.3`… in the
 * order of those statements' ids (statements of one document, stored together in the order the
 * document tells them, so this order is the same however the corpus was ingested). `add` gives the
 * key to store an event under at once (its own key when free, else a provisional one), so events can
 * be written as the clustering finishes them; `renames` then lists the stored keys that change.
 * Holds one number per key, not the events.
 */
export class EventKeys {
  private readonly first = new Map<string, number>();
  private readonly more = new Map<string, number[]>();

  add(key: string, firstStatement: number): string {
    const first = this.first.get(key);
    if (first === undefined) {
      this.first.set(key, firstStatement);
      return key;
    }
    const list = this.more.get(key);
    if (list) list.push(firstStatement);
    else this.more.set(key, [firstStatement]);
    return provisionalKey(key, firstStatement);
  }

  renames(): { from: string; to: string }[] {
    const out: { from: string; to: string }[] = [];
    for (const [key, more] of this.more) {
      const first = this.first.get(key)!;
      [first, ...more]
        .sort((a, b) => a - b)
        .forEach((statement, i) => {
          const from = statement === first ? key : provisionalKey(key, statement);
          const to = i === 0 ? key : `${key}.${i + 1}`;
          if (from !== to) out.push({ from, to });
        });
    }
    return out;
  }
}

/** A key no final key can be (a NUL never appears in one), unique by the event's first statement. */
function provisionalKey(key: string, firstStatement: number): string {
  return `${key}\u0000${firstStatement}`;
}
