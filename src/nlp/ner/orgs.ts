import { isCorporateSuffix } from './never-entity.js';

/**
 * Acronyms of the intergovernmental organisations news refers to by acronym alone. The data
 * packages we use carry no organisations, so this is a small hand-kept supplement: only bodies
 * whose acronym is unambiguous in English news. Other acronyms resolve within their document
 * (`International Atomic Energy Agency … IAEA`), see entities.ts.
 */
export const ORG_ACRONYMS: Readonly<Record<string, string>> = {
  UN: 'United Nations',
  'U.N.': 'United Nations',
  EU: 'European Union',
  'E.U.': 'European Union',
  NATO: 'NATO',
  IMF: 'International Monetary Fund',
  WTO: 'World Trade Organization',
  OPEC: 'OPEC',
  WHO: 'World Health Organization',
  IAEA: 'International Atomic Energy Agency',
  ASEAN: 'ASEAN',
  OECD: 'OECD',
  GATT: 'General Agreement on Tariffs and Trade',
  UNESCO: 'UNESCO',
  UNICEF: 'UNICEF',
};

const SYMBOL = '[A-Z][A-Z0-9]{0,5}';
const EXCHANGE = String.raw`\.[A-Z]{1,3}`;
/**
 * A stock symbol as wire copy writes it in brackets after a company: capitals and digits, maybe with
 * its exchange after a dot (`PZL`, `F`, `VOWG.F`, `AVMD.PA`, `CAPH.HKG`).
 */
export const STOCK_SYMBOL = new RegExp(`^${SYMBOL}(?:${EXCHANGE})?$`);
/**
 * A symbol with its exchange right before the closing bracket, for the tokenizer to keep whole
 * (sticky: it sets lastIndex to where the bracket opened).
 */
export const LISTED_SYMBOL = new RegExp(`${SYMBOL}${EXCHANGE}(?=[>)])`, 'y');

/** Canonical name of an organisation known by its acronym (`UN` → `United Nations`), else null. */
export function canonicalOrgAcronym(s: string): string | null {
  return ORG_ACRONYMS[s] ?? null;
}

/**
 * The acronym a company is named by, when its name is that acronym and legal forms only (`FMC Corp`,
 * `CBS Inc.` → FMC, CBS): in its document a bare `FMC` is that company, whatever other name's
 * initials it spells. `EC Commission` is not what `EC` stands for (a noun follows, not a legal form).
 */
export function acronymCompany(name: string): string | null {
  const words = name.split(/\s+/);
  if (words.length < 2 || !words.slice(1).every(isCorporateSuffix)) return null;
  const letters = words[0].replace(/\./g, '');
  return /^\p{Lu}[\p{Lu}&]{1,5}$/u.test(letters) ? letters : null;
}

const NUMBER_WORDS = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
/**
 * The groups of nations news names by their number of members, by `G-` and a number (`G-7`, `G7`):
 * a short list, since `G-3` or `G-12` can name a rifle or a camera. Written out (`Group of Seven`,
 * `Group of 77`) any number names one.
 */
const NATIONS_GROUP_SIZES = new Set([5, 6, 7, 8, 10, 15, 20, 24, 77]);

/**
 * The canonical name of a group of nations named by its number of members (`G-7`, `G7`, `Group of
 * 7` → `Group of Seven`; `G-77` → `Group of 77`), else null: one entity whatever the spelling.
 */
export function nationsGroup(surface: string): string | null {
  const short = /^G-?(\d{1,2})$/.exec(surface);
  const long = /^Group of (\d{1,3}|[A-Z][a-z]+)$/.exec(surface);
  let size = 0;
  if (short) size = NATIONS_GROUP_SIZES.has(Number(short[1])) ? Number(short[1]) : 0;
  else if (long) {
    const word = NUMBER_WORDS.indexOf(long[1]);
    size = /^\d+$/.test(long[1]) ? Number(long[1]) : word;
  }
  if (size < 2) return null;
  return `Group of ${size <= 10 ? NUMBER_WORDS[size] : size}`;
}
