/**
 * An event's title as people read it: its name, and where it happened when the name does not say so
 * already (`Ottawa summit`, not `Ottawa summit @ Ottawa`; `United States–Japan talks @ Washington`).
 * Machine formats keep the place as a field of its own.
 */
export function eventTitle(name: string, place: string | null | undefined): string {
  const unsaid = unsaidPlace(name, place);
  return unsaid ? `${name} @ ${unsaid}` : name;
}

/** The place the title adds to the name, or null when the name already says it (for markup of its own). */
export function unsaidPlace(name: string, place: string | null | undefined): string | null {
  return place && !saysPlace(name, place) ? place : null;
}

/** Whether the name holds the place's name as whole words, in any case (`Paris accord`, `IMF meeting in Washington`). */
function saysPlace(name: string, place: string): boolean {
  const at = name.toLowerCase().indexOf(place.toLowerCase());
  if (at < 0) return false;
  const before = name[at - 1];
  const after = name[at + place.length];
  const letter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  return !letter(before) && !letter(after);
}
