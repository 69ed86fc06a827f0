/** Spans of text: a place's or a date's mention, an event's phrase. */
interface Span {
  start: number;
  end: number;
}

/**
 * Whether a place is said with a date as the where and when of one clause: `this weekend in
 * Vienna`, `in Vienna last week`, `in Vienna on Friday`. A sentence's other happening is then not
 * there (`OPEC agreed this weekend in Vienna … the prices set in its December accord`).
 */
export function placedWith(body: string, place: Span, date: Span): boolean {
  if (date.end <= place.start) return /^\s+(?:in|at)\s+(?:the\s+)?$/i.test(body.slice(date.end, place.start));
  if (
    place.end > date.start ||
    !/\b(?:in|at)\s+(?:the\s+)?$/i.test(body.slice(Math.max(0, place.start - 8), place.start))
  )
    return false;
  return /^\s*,?\s*(?:on\s+|during\s+)?$/i.test(body.slice(place.end, date.start));
}
