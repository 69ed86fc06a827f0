import { isAcronym, spellsInitials } from './name-forms.js';

/**
 * The name a timeline gives an organisation in an event's title: `OPEC meeting in Vienna`, not
 * `Organisation of Petroleum Exporting Countries meeting in Vienna`. News writes an organisation of
 * three words or more by its acronym once it is known by it; so does a title here, when the corpus
 * writes the acronym in at least half of the organisation's mentions (OPEC 92% on Reuters, IMF 63%;
 * not SEC, 36%, nor NYSE), and otherwise keeps the full name.
 */

/** Words from which an organisation's name may be shortened to its acronym. */
const MIN_WORDS = 3;

/** Whether an entity may go by an acronym in titles: an organisation of several words. */
export function mayGoByAcronym(type: string, name: string): boolean {
  return type === 'ORG' && name.split(/\s+/).length >= MIN_WORDS;
}

/** The aliases that are acronyms of the name (`OPEC`, `B.P.`). */
export function acronymAliases(name: string, aliases: readonly string[]): string[] {
  return aliases.filter((a) => isAcronym(a) && spellsInitials(a, name));
}

/** The acronym written most when acronyms are at least half of all mentions, else the name. */
export function headlineName(name: string, acronyms: readonly string[], written: ReadonlyMap<string, number>): string {
  let total = 0;
  for (const n of written.values()) total += n;
  let best = '';
  let shortForms = 0;
  for (const a of acronyms) {
    const n = written.get(a) ?? 0;
    shortForms += n;
    if (n > (written.get(best) ?? 0)) best = a;
  }
  return best !== '' && shortForms * 2 >= total ? best : name;
}

/**
 * The name a title gives a person: the surname the corpus calls them by, an alias that ends the
 * name (`Reagan` of Ronald Reagan; `Bra Kanon` of Denis Bra Kanon, the longer of two), as news
 * writes it and as a story's own events already are (`Kang–Pompeo meeting`), so that one timeline
 * does not mix `Funaro–Baker` with `Dilson Funaro–James Baker`. The whole name when no alias ends
 * it (`Zhao Ziyang`, whose surname comes first) or the surname is a common word (`isCommon`:
 * `Cross offers to acquire …` reads as a verb; `Theodore Cross` does not); the event's
 * participants say who in full.
 */
export function personTitleName(
  name: string,
  aliases: readonly string[],
  isCommon: (lower: string) => boolean = () => false,
): string {
  const words = name.split(/\s+/);
  let best: string[] | null = null;
  for (const alias of aliases) {
    const parts = alias.trim().split(/\s+/);
    // Not one in capitals (a headline's `REAGAN`), nor the name itself.
    if (parts.length >= words.length || !/\p{Ll}/u.test(alias)) continue;
    if (words.slice(words.length - parts.length).join(' ') !== parts.join(' ')) continue;
    if (best === null || parts.length > best.length) best = parts;
  }
  return best && !(best.length === 1 && isCommon(best[0].toLowerCase())) ? best.join(' ') : name;
}
