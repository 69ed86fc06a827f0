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
