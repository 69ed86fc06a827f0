import type { Mention, Token } from '../../core/types.js';
import { aliasKey } from '../../core/alias-key.js';
import {
  type CountryInfo,
  countryByCapital,
  countryByDemonym,
  countryByName,
  countryOfTheDay,
  isCountrySurface,
  placeInfo,
  sovereignCountry,
} from '../gazetteer.js';
import { isCommonWord } from './lexicon.js';

/*
 * Every state has a `Finance Ministry`, a `Ministry of Foreign Affairs`, an `Agriculture Department`:
 * one such name is a different organisation in each country, and a corpus that files them all under
 * one entity tells a reader that Japan's and Brazil's finance ministries are one body. Where a
 * document says whose the institution is, its name is qualified with the country, the way the seeds'
 * gold names them (`North Korea Ministry of Foreign Affairs`); where it does not, the name stays as
 * written, for the corpus to place (entities/resolve.ts) when one country clearly owns the name.
 * English news names the United States' own departments bare (`the State Department`), and so
 * does this: `U.S. State Department` is the `State Department`, Britain's `Department of Trade and
 * Industry` the `United Kingdom Department of Trade and Industry`.
 *
 * A document says whose by a qualifier in the name (`Dutch Central Bank`) or right before it
 * (`Japan's Finance Ministry`, `the West German Finance Ministry`), by another mention of the same
 * institution so qualified, or by its dateline: a `TOKYO` story means Japan's ministry by `the
 * Finance Ministry`, however often it names the United States (of 60 Reuters stories whose ministry
 * nothing else placed, the dateline's country was right in all but two: a London story on Iran's
 * foreign ministry, a Florida one on Japan's finance ministry). The United States name their own
 * institutions otherwise (departments, the Treasury), so a Washington story's `Finance Ministry`
 * is another country's, which the dateline does not tell: it stays unqualified. And a department or
 * a Treasury under a foreign dateline is often the American one: the dateline places those only in
 * a story that never names the United States.
 */

/** Heads that close a state institution's name (`Finance Ministry`) or open it (`Ministry of Finance`). */
const HEADS = new Set(['ministry', 'department', 'office']);
/**
 * Names that are a state institution whole. (`Supreme Court`, `Senate`: American states have them
 * too, so a country would often be wrong. Agencies, councils and commissions are mostly bodies of
 * their own, known by acronyms that spell the name without a country.)
 */
const WHOLE = new Set(['treasury', 'cabinet', 'parliament', 'central bank', 'foreign office', 'home office']);
/**
 * Heads English news writes bare for the United States' own (`the State Department`, `the Treasury`,
 * `the General Accounting Office`; the seeds' gold names `the U.S. State Department` so), and the
 * names it writes bare for Britain's (`the Foreign Office`, `the Home Office`): such a name is that
 * country's unless the document gives another, and is named without it.
 */
const AMERICAN_STYLE = new Set(['department', 'office', 'treasury']);
const BRITISH_STYLE = new Set(['foreign office', 'home office']);
/** Portfolio words an institution's name may hold (`Finance`, `Foreign Affairs`, `Trade and Industry`): at most this many. */
const MAX_FIELD_WORDS = 2;

/** A state institution's generic name, and the country its own words name (`Dutch Central Bank`), if any. */
export interface InstitutionName {
  /** The name without the country (`Central Bank`). */
  institution: string;
  country: CountryInfo | null;
}

/**
 * The country a demonym, a country's name or its capital stands for, sovereign states only (`Dutch`
 * → Netherlands, `Seoul's foreign ministry` → South Korea).
 */
function countryOfWords(words: string, date: string | null = null): CountryInfo | null {
  const c = countryByDemonym(words) ?? countryByName(words) ?? countryByCapital(words, date);
  return c?.sovereign ? c : null;
}

/**
 * `Finance Ministry`, `Ministry of Foreign Affairs`, `Department of Trade and Industry`, `Treasury`,
 * and any of them after a country (`West German Finance Ministry`, `Ivory Coast Agriculture
 * Ministry`): the generic name and that country; null for any other name (`International Tin
 * Council`, `Ministry of International Trade and Industry`: a name of its own, no generic one).
 */
export function institutionName(name: string): InstitutionName | null {
  const words = name.split(/\s+/).filter(Boolean);
  for (const cut of [2, 1, 0]) {
    if (words.length <= cut) continue;
    const country = cut > 0 ? countryOfWords(words.slice(0, cut).join(' ')) : null;
    if (cut > 0 && !country) continue;
    const rest = words.slice(cut);
    // Written as a name: every word but `of` and `and` capitalised.
    if (!rest.every((w) => /^\p{Lu}/u.test(w) || w === 'of' || w === 'and')) continue;
    if (isGeneric(rest.map((w) => w.toLowerCase()))) return { institution: rest.join(' '), country };
  }
  return null;
}

/** Whether lower-cased words are a generic institution's name (`finance ministry`, `ministry of foreign affairs`). */
function isGeneric(words: string[]): boolean {
  if (WHOLE.has(words.join(' '))) return true;
  if (words.length < 2) return false;
  let fields: string[];
  if (HEADS.has(words[words.length - 1])) fields = words.slice(0, -1);
  else if (HEADS.has(words[0]) && words[1] === 'of') fields = words.slice(2);
  else return false;
  if (fields.length === 0) return false;
  // `and` only between two portfolio words.
  if (fields[0] === 'and' || fields[fields.length - 1] === 'and') return false;
  const portfolio = fields.filter((w) => w !== 'and');
  if (portfolio.length > MAX_FIELD_WORDS) return false;
  return portfolio.every(
    (w) =>
      /^\p{Ll}+$/u.test(w) && !HEADS.has(w) && isCommonWord(w) && countryOfWords(w) === null && placeInfo(w) === null,
  );
}

/** The portfolios Britain names in a style of its own (`foreign`, `home`: see BRITISH_STYLE). */
const BRITISH_PORTFOLIOS = new Set([...BRITISH_STYLE].map((name) => name.split(' ')[0]));

/** Whether a generic institution's portfolio is one Britain names otherwise (`foreign ministry`, `ministry of foreign affairs`: the Foreign Office). */
function britishPortfolio(key: string): boolean {
  const portfolio = key.split(' ').filter((w) => !HEADS.has(w) && w !== 'of' && w !== 'and');
  return BRITISH_PORTFOLIOS.has(portfolio[0]);
}

/**
 * The country (ISO code) whose own a generic institution's name is when written bare: `US` for
 * `state department` and `treasury`, `GB` for `foreign office`; null for a name every country uses
 * (`finance ministry`). See AMERICAN_STYLE.
 */
export function ownerByStyle(key: string): string | null {
  if (BRITISH_STYLE.has(key)) return 'GB';
  if (WHOLE.has(key)) return key === 'treasury' ? 'US' : null;
  const words = key.split(' ');
  const head = words[1] === 'of' ? words[0] : words[words.length - 1];
  return AMERICAN_STYLE.has(head) && isGeneric(words) ? 'US' : null;
}

/**
 * The institution a key names without its country (`japan finance ministry` → `finance ministry`),
 * or null when the key is no country's name before a generic institution's.
 */
export function unqualifiedKey(key: string): string | null {
  const words = key.split(' ');
  for (let cut = 1; cut <= 3 && cut < words.length; cut++) {
    const country = countryByName(words.slice(0, cut).join(' '));
    if (!country?.sovereign || aliasKey(country.name) !== words.slice(0, cut).join(' ')) continue;
    if (isGeneric(words.slice(cut))) return words.slice(cut).join(' ');
  }
  return null;
}

/** The text of the `count` tokens before token `index`, or null at the start of the document. */
function wordsBefore(text: string, tokens: Token[], index: number, count: number): string | null {
  if (index - count < 0) return null;
  return text.slice(tokens[index - count].start, tokens[index - 1].end);
}

/** The country a document's dateline (`TOKYO, March 3`) is in, as the document names it when it does. */
function datelineCountry(
  place: string | null,
  date: string | null,
  named: ReadonlyMap<string, CountryInfo>,
): string | null {
  if (!place) return null;
  const city = place.trim();
  const asCountry = countryOfWords(city, date);
  if (asCountry) return asCountry.name;
  const info = placeInfo(city);
  if (!info?.country) return null;
  // `BONN` is in DE, which 1987 news calls West Germany (DE-W): the country the document names.
  for (const country of named.values()) if (country.cca2.split('-')[0] === info.country) return country.name;
  return sovereignCountry(info.country)?.name ?? null;
}

/**
 * The document's ORG mentions of generic state institutions, each named with its country where the
 * document says whose it is (see above); other mentions are returned as they came. `datelinePlace`:
 * the place of the document's dateline (`TOKYO`), or null; `date`: the document's (YYYY-MM-DD), for
 * the capitals of states of the past (`MOSCOW` in 1987 is the Soviet Union's), or null.
 */
export function qualifyInstitutions(
  text: string,
  tokens: Token[],
  mentions: Mention[],
  datelinePlace: string | null,
  date: string | null = null,
): Mention[] {
  const generic = mentions.map((m) => (m.type === 'ORG' && m.entity ? institutionName(m.entity) : null));
  if (!generic.some(Boolean)) return mentions;

  // Countries the document names, by name.
  const named = new Map<string, CountryInfo>();
  for (const m of mentions) {
    if (m.type !== 'COUNTRY' || !m.entity) continue;
    const country = countryByName(m.entity);
    if (country) named.set(country.name, country);
  }
  const tokenAt = new Map<number, number>();
  tokens.forEach((t, i) => tokenAt.set(t.start, i));

  // 1. Whose by the name itself or the words right before it.
  const explicit = mentions.map((m, i): string | null => {
    const g = generic[i];
    if (!g) return null;
    if (g.country) return g.country.name;
    let at = tokenAt.get(m.start);
    if (at === undefined) return null;
    // `Japan's Finance Ministry`: the possessive is a token of its own, or glued to the country.
    const possessive = /^['’]s$/i.test(tokens[at - 1]?.text ?? '');
    if (possessive) at--;
    for (const count of [2, 1]) {
      const before = wordsBefore(text, tokens, at, count);
      // Words only, in the same sentence: `in Paris, Finance Ministry sources` is no qualifier, nor
      // `… Japan. Finance Ministry officials`; a full stop only ends an abbreviation (`U.S.`).
      if (!before || !/^\p{Lu}[\p{L}\p{M}.'’ -]*$/u.test(before)) continue;
      if (before.endsWith('.') && !isCountrySurface(before)) continue;
      // `U.S. Agriculture Department`, `Japanese Finance Ministry`, `Japan's Finance Ministry`.
      const country = countryOfWords(before.replace(/['’]s$/i, ''), date);
      if (country) return country.name;
    }
    return null;
  });
  // 2. Whose by the other mentions of the same institution, when they all say the same.
  const byInstitution = new Map<string, Set<string>>();
  generic.forEach((g, i) => {
    if (!g || !explicit[i]) return;
    const key = aliasKey(g.institution);
    let set = byInstitution.get(key);
    if (!set) byInstitution.set(key, (set = new Set()));
    set.add(explicit[i]!);
  });
  // 3. Whose by the dateline (not the United States' for a name they give no institution of theirs).
  const home = datelineCountry(datelinePlace, date, named);
  const homeCode = home === null ? null : (countryByName(home)?.cca2 ?? null);
  const namesCountry = (code: string) => [...named.values()].some((c) => c.cca2 === code);

  return mentions.map((m, i) => {
    const g = generic[i];
    if (!g) return m;
    const key = aliasKey(g.institution);
    const same = byInstitution.get(key);
    const owner = ownerByStyle(key);
    // A name in a country's own style under another's dateline is often that country's (`the
    // Treasury` of U.S. bonds in a Tokyo story, `the State Department` in a Moscow one): the dateline
    // places it only in a story that never names the owner.
    // Nor is a `Foreign Ministry` in a London story Britain's, which has a Foreign Office instead.
    const byDateline =
      homeCode === null ||
      (homeCode === 'US' && owner !== 'US') ||
      (homeCode === 'GB' && owner !== 'GB' && britishPortfolio(key)) ||
      (owner && owner !== homeCode && namesCountry(owner))
        ? null
        : home;
    const country = explicit[i] ?? (same?.size === 1 ? [...same][0] : same ? null : byDateline);
    const own = country !== null && owner !== null && countryByName(country)?.cca2 === owner;
    return country && !own
      ? { ...m, entity: `${countryOfTheDay(country, date)} ${g.institution}` }
      : { ...m, entity: g.institution };
  });
}

/**
 * The name a written form gives a country's institution (`united kingdom treasury`): the country,
 * then the institution as written (`Treasury`, and `British Treasury` too, which writes it after its
 * country); undefined for any other key or form, or a form shouted in a headline (`TREASURY`). The
 * store shows the most written of these names (settleNamesAndAliases).
 */
export function institutionForm(key: string, written: string): string | undefined {
  const bare = unqualifiedKey(key);
  if (bare === null) return undefined;
  const form = institutionName(written)?.institution;
  if (form === undefined || aliasKey(form) !== bare || form === form.toUpperCase()) return undefined;
  const country = countryByName(key.slice(0, key.length - bare.length - 1));
  return country ? `${country.name} ${form}` : undefined;
}
