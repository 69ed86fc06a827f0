import type { EntityType, Mention, Sentence, Token } from '../../core/types.js';
import { countryByName, KNOWN_PLACE_POPULATION, placeInfo } from '../gazetteer.js';
import { aliasKey } from '../../core/alias-key.js';
import { isTitleWord, spellsInitials } from '../../core/name-forms.js';
import { isCalendarWord, isCorporateSuffix, isGluedCorporateName } from './never-entity.js';
import { acronymCompany, canonicalOrgAcronym, nationsGroup, STOCK_SYMBOL } from './orgs.js';
import { isCommonWord } from './lexicon.js';
import { copySpan, newSpan, type Span, tokensText } from './spans.js';
import { headClass } from './tagger.js';

/*
 * Canonical entities within one document: LOC becomes COUNTRY or PLACE by the gazetteer, variants
 * and short forms of a name resolve to its fullest form (`Kim` → `Kim Jong Un`, `SHEARER` →
 * `Alan Shearer`), acronyms to the long name they abbreviate, countries and places to their
 * gazetteer names; bare surnames of people already named that the tagger missed are added.
 */

/** Nouns of institutions that news writes bare once named in full (`the Commission`, `the Ministry`). */
const GENERIC_HEADS = new Set([
  'commission',
  'ministry',
  'department',
  'agency',
  'committee',
  'council',
  'court',
  'exchange',
  'board',
  'bank',
  'fund',
  'bureau',
  'authority',
  'association',
  'federation',
  'institute',
  'university',
  'corporation',
  'company',
  'community',
  'party',
  'organisation',
  'organization',
  'foundation',
  'society',
]);

/**
 * The bare names news gives an institution once named in full, lower-cased: its head noun alone and
 * with the capitalised common words right before it, at the name's end or before its first `of`
 * (`New York Stock Exchange` → `exchange`, `stock exchange`; `National Association of Purchasing
 * Management` → `association`, `national association`). None when the head is no generic
 * institution's noun.
 */
function bareNames(name: string): string[] {
  const words = withoutThe(name).split(/\s+/);
  const of = words.indexOf('of');
  const end = of > 0 ? of : words.length;
  if (words.length < 2 || !GENERIC_HEADS.has(words[end - 1].toLowerCase())) return [];
  const shorts: string[] = [];
  // Up to three words, never the whole name. Words before the noun are common words, what any such
  // institution may be called (`Stock Exchange`, `Interim Committee`), not a name of its own
  // (`Hongkong Bank` of `Former Hongkong Bank`, which the tagger began a word early; `Kurdistan
  // Democratic Party` is not the `Kurdistan Democratic Party of Iran`).
  for (let k = end - 1; k >= Math.max(0, end - 3); k--) {
    if (k === 0 && of < 0) break;
    if (!/^\p{Lu}\p{Ll}+$/u.test(words[k]) || (k < end - 1 && !isCommonWord(words[k].toLowerCase()))) break;
    shorts.push(words.slice(k, end).join(' ').toLowerCase());
  }
  return shorts;
}

/** Nouns of a place written before `of` (`the state of Alaska`, `the city of Philadelphia`). */
const PLACE_KINDS = new Set(['state', 'city', 'province', 'town', 'county', 'region', 'island', 'port', 'village']);

/** Prepositions that locate (`in Piedmont`), unless a holding comes before (`a stake in Husky`). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'across', 'throughout', 'outside', 'inside', 'around']);
const HOLDINGS = new Set(['stake', 'interest', 'interests', 'investment', 'holding', 'holdings', 'shares', 'position']);

/**
 * A place by its punctuation and nouns: after another place and a comma (`Mont Belvieu, Texas`),
 * before a comma and a place (`Lewiston, Mich.`), or after `state of`, `city of`.
 */
function writtenAsPlace(tokens: Token[], i: number, placeAt: Uint8Array, inName: Uint8Array): boolean {
  const prev = tokens[i - 1]?.text;
  const next = tokens[i + 1]?.text;
  // `Pearl River Counties, Mississippi` (a place the tagger left out), not `USAir, Piedmont and TWA`;
  // between commas after a name, a place in apposition (`Marion Counties, Mississippi, for`).
  if (prev === ',' && /^\p{Lu}/u.test(tokens[i - 2]?.text ?? '') && (placeAt[i - 2] || !inName[i - 2] || next === ','))
    return true;
  if (next === ',' && placeAt[i + 2]) return true;
  return prev?.toLowerCase() === 'of' && PLACE_KINDS.has(tokens[i - 2]?.text.toLowerCase() ?? '');
}

/**
 * Whether the words from token `i` on finish a company's name: up to three capitalised words (or
 * `and`, `&` between them) no other name holds, the last a legal form (`International Limited`).
 */
function continuesAsCompany(tokens: Token[], i: number, inName: Uint8Array): boolean {
  for (let k = i; k < Math.min(tokens.length, i + 4); k++) {
    const w = tokens[k].text;
    if (inName[k] || tokens[k].start > tokens[k - 1].end + 1) return false;
    // `Limited` too, which the recognizer keeps inside names (`Mesa Limited Partnership`).
    if (isCorporateSuffix(w) || /^limited$/i.test(w)) return k > i || tokens[k - 1].text !== ',';
    if (!/^\p{Lu}/u.test(w) && w !== '&' && !(w === 'and' && k > i)) return false;
  }
  return false;
}

/** What only a company has: `Conrail shares`, `Istat's board`, `Adsteam's subsidiary`. */
const COMPANY_THINGS = new Set([
  'shares',
  'stock',
  'common',
  'shareholders',
  'stockholders',
  'subsidiary',
  'subsidiaries',
  'unit',
  'board',
  'directors',
  'management',
  'earnings',
  'revenues',
  'debentures',
]);

/** Whether the words from token `i` on are what a company has (`shares`, `'s board`), after the name at i-1. */
function ownsCompanyThings(tokens: Token[], i: number): boolean {
  let k = i;
  if (/^['’]s$/u.test(tokens[k]?.text ?? '')) k++;
  // Written in lower case: `Mayo Unit Two` names a plant's unit, not the company's.
  return COMPANY_THINGS.has(tokens[k]?.text ?? '');
}

/** Words of direction before a place (`northern Manitoba`, `downtown Philadelphia`). */
const DIRECTIONS = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'downtown',
  'upstate',
  'greater',
]);

/** Right after a preposition that locates or a direction: `in Piedmont`, not `a 43 pct stake in Husky`. */
function afterPlacePreposition(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.text.toLowerCase() ?? '';
  if (DIRECTIONS.has(prev)) return true;
  return PLACE_PREPOSITIONS.has(prev) && !HOLDINGS.has(tokens[i - 2]?.text.toLowerCase() ?? '');
}

/** The words of a company's name before its legal form (`Dome Petroleum` of `Dome Petroleum Ltd`); null without one. */
function wordsBeforeLegalForm(name: string): string[] | null {
  const words = name.split(/\s+/);
  let n = words.length;
  while (n > 0 && isCorporateSuffix(words[n - 1])) n--;
  return n === words.length || n === 0 ? null : words.slice(0, n);
}

/**
 * `Santa Fe's stock`, `Gulf said` in a story about Santa Fe Southern Pacific Corp or Gulf Canada
 * Corp: a well-known place's name that begins the name of a company the story names with its legal
 * form is that company where the story writes it as one — owning what companies own or speaking —
 * and nowhere as a place (after `in`, `at`, `from` …, or placed by its punctuation).
 */
function companiesNamedForPlaces(
  typed: TypedSpan[],
  tokens: Token[],
  text: string,
  placedWords: ReadonlySet<string>,
): void {
  const prefixes = new Set<string>();
  for (const m of typed) {
    const words = m.type === 'ORG' ? wordsBeforeLegalForm(m.s) : null;
    for (let p = 1; words && p < words.length && p <= 3; p++) prefixes.add(aliasKey(words.slice(0, p).join(' ')));
  }
  const byKey = new Map<string, (typeof typed)[number][]>();
  for (const m of typed) {
    if (m.type !== 'PLACE' || m.sp.last - m.sp.first > 2) continue;
    const key = aliasKey(m.s);
    if (!prefixes.has(key) || placedWords.has(key)) continue;
    const list = byKey.get(key);
    if (list) list.push(m);
    else byKey.set(key, [m]);
  }
  // `in Santa Fe`, `in the Gulf`.
  const placed = (i: number) =>
    afterPlacePreposition(tokens, i) ||
    (/^the$/i.test(tokens[i - 1]?.text ?? '') && afterPlacePreposition(tokens, i - 1));
  for (const list of byKey.values()) {
    if (list.some((m) => placed(m.sp.first))) continue;
    const asCompany = list.some((m) => ownsCompanyThings(tokens, m.sp.last + 1) || speaksAfter(text, tokens, m.sp));
    if (asCompany) for (const m of list) m.type = 'ORG';
  }
}

/** A name without the `The` it may open with (`The Development Bank of Singapore`): one name with or without it. */
function withoutThe(s: string): string {
  return s.startsWith('The ') && s.length > 4 ? s.slice(4) : s;
}

function titleCase(s: string): string {
  return s.replace(/\p{L}+/gu, (w) => w[0] + w.slice(1).toLowerCase());
}

function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/** The verbs after a name that make it a speaker (`Reaser said`, `Jordan added`). */
const SPEAKS = String.raw`(?:said|says|told|added)\b`;
/** Right after a name: it speaks. */
const SPEAKS_AFTER = new RegExp(String.raw`^\s*${SPEAKS}`);
/** Whether the name of span `sp` speaks: a verb of saying right after it (`Jordan said`, `Gulf added`). */
function speaksAfter(text: string, tokens: Token[], sp: Span): boolean {
  const end = tokens[sp.last].end;
  return SPEAKS_AFTER.test(text.slice(end, end + 8));
}
/** A capitalised word that speaks, anywhere in a text (group 1: the word). */
const SPEAKER = new RegExp(String.raw`\b(\p{Lu}\p{Ll}+)\s+${SPEAKS}`, 'gu');

/**
 * A word written as a name and no common word (`Reaser`, `Zidane`; not `Bank`, `Per`); `camel`
 * admits a second capital inside it (`McCarthy`).
 */
function nameWord(w: string, camel = false): boolean {
  return (camel ? /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?$/u : /^\p{Lu}\p{Ll}+$/u).test(w) && !isCommonWord(w.toLowerCase());
}

/** The words of a name, each folded whole (`Kim Jong-un` → kim, jongun: `Un` alone is no short form). */
function nameParts(s: string): string[] {
  return s
    .split(/\s+/)
    .map((w) => aliasKey(w).replace(/ /g, ''))
    .filter(Boolean);
}

/** A span of the document with its surface form and its entity type, as the passes below settle them. */
interface TypedSpan {
  sp: Span;
  s: string;
  type: EntityType;
}

/** The text of one document, and the two readings of a span every pass needs. */
interface DocumentText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Where a span's name ends (see documentText). */
  endOf: (sp: Span) => number;
  /** A span's name as shown. */
  surface: (sp: Span) => string;
}

/** A person named in the document: the form written most often, the folded words, how often named. */
interface Person {
  canonical: string;
  parts: string[];
  count: number;
  forms: Map<string, number>;
}

interface People {
  /** By alias key. */
  persons: Map<string, Person>;
  /** Those named with two words or more. */
  full: Person[];
  /** One-word person mentions that are no surname of a full name: given names used alone. */
  givenAlone: Set<string>;
  /** The surnames (folded, three letters or more) of those named in full. */
  surnameKeys: Set<string>;
}

/** What the organisations of the document tell about their short names (see organisationNames). */
interface OrganisationNames {
  /** Acronyms the document names a company by (`FMC` of `FMC Corp`). */
  ownAcronyms: Set<string>;
  /** Acronym → the long name whose initials it spells. */
  orgLong: Map<string, string>;
  /** Bare institution noun (`commission`) → the one organisation of the document it can be. */
  fullOf: Map<string, string>;
}

/**
 * The mentions of one document's entity spans, each with the canonical name of its entity in the
 * document. Each pass is a function of its own: V8 optimized this as one function of some 8 KB of
 * bytecode with its passes inlined, and threw the result away whenever a document took a path the
 * others had not (nine times over 4,000 Reuters articles, about 0.4 s of compiling each, on the
 * threads a second analyzer needs).
 */
export function resolveEntities(text: string, tokens: Token[], sentences: Sentence[], found: Span[]): Mention[] {
  const spans = splitTitledPeople(
    tokens,
    joinCommaFirms(
      tokens,
      withoutCommonNounAcronyms(tokens, found).sort((x, y) => x.first - y.first),
    ),
  );
  const doc = documentText(text, tokens, sentences);
  const typed = typedSpans(spans, doc.surface);
  splitSurnameBeforeName(typed, doc.surface);
  splitPersonAfterOrganisation(typed, tokens, doc.surface, text);
  splitPersonOfCompany(typed, tokens, text, doc.surface);
  joinGivenNameAndSurname(typed, tokens, doc.surface);
  const teams = teamsByAgreement(typed, tokens, sentences);
  const people = peopleNamed(typed);
  const inName = surnamesAsPeople(doc, typed, people);
  companiesByLegalName(doc, typed, people.surnameKeys, inName);
  const orgs = organisationNames(doc, typed);
  const { mentions, covered } = typedMentions(doc, typed, teams, orgs, people);
  tickersToCompanies(text, mentions);
  bareSurnameMentions(doc, people.full, covered, mentions);
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * The tagger's spans less those an acronym the document defines as a thing, not a name, stands
 * for: written after words in lower case whose initials it spells (`liquefied petroleum gas (LPG)`,
 * `floating rate notes (FRNs)`), it is that thing wherever the document writes it, never an
 * organisation (`LNG said`) nor a person's surname (`Saudi Arabian LPG`, taken for a person, then
 * made every `LPG` of the story that person). Not where the words end in an institution's noun
 * (`multilateral investment guarantee agency (MIGA)`): an organisation written in lower case.
 */
function withoutCommonNounAcronyms(tokens: Token[], found: Span[]): Span[] {
  const things = commonNounAcronyms(tokens);
  if (things.size === 0) return [...found];
  const thing = (i: number) => things.has(tokens[i].text.replace(ACRONYM, '$1'));
  return found.filter((sp) => !(thing(sp.last) && (sp.first === sp.last || sp.type === 'PERSON')));
}

/** An acronym as a definition writes it, a plural's `s` apart (`FRNs`). */
const ACRONYM = /^(\p{Lu}[\p{Lu}\d]{1,6})s?$/u;

/** The acronyms a document defines as the initials of words in lower case (see withoutCommonNounAcronyms). */
function commonNounAcronyms(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (let i = 2; i + 1 < tokens.length; i++) {
    if (tokens[i - 1].text !== '(' || tokens[i + 1].text !== ')') continue;
    const acronym = ACRONYM.exec(tokens[i].text)?.[1];
    if (!acronym) continue;
    // The words in lower case right before the bracket; a few more than the letters, as leading
    // words may be no part of the definition (`the export enhancement program`).
    const words: string[] = [];
    for (let k = i - 2; k >= 0 && words.length < acronym.length + 3; k--) {
      if (!/^\p{Ll}[\p{Ll}-]*$/u.test(tokens[k].text)) break;
      words.unshift(tokens[k].text);
    }
    if (words.length >= 2 && !GENERIC_HEADS.has(words[words.length - 1]) && spellsInitials(acronym, words.join(' ')))
      out.add(acronym);
  }
  return out;
}

function documentText(text: string, tokens: Token[], sentences: Sentence[]): DocumentText {
  // `… said John Casesa of Schroder Wertheim & Co.`: the period ends the sentence as well as the
  // abbreviation, and the name is `Schroder Wertheim & Co` (a dotted acronym keeps its dots: `U.S.`).
  const endOf = (sp: Span): number => {
    const t = tokens[sp.last].text;
    if (t.length < 3 || t.charCodeAt(t.length - 1) !== 46 || t.indexOf('.') !== t.length - 1)
      return tokens[sp.last].end;
    const s = sentences[sp.sentence];
    let k = sp.last + 1;
    // Closing quotes and brackets attached to it may follow (an opening quote is not attached).
    while (k < s.tokenEnd && /^["'”’)]$/u.test(tokens[k].text) && tokens[k].start === tokens[k - 1].end) k++;
    return k === s.tokenEnd ? tokens[sp.last].end - 1 : tokens[sp.last].end;
  };
  // One space between words, as a name is shown, where the text broke a line inside it (`Bank\nof England`).
  const surface = (sp: Span) => text.slice(tokens[sp.first].start, endOf(sp)).replace(/\s+/g, ' ');
  return { text, tokens, sentences, endOf, surface };
}

/** Types first: LOC → COUNTRY/PLACE; a span written exactly as a country name is that country. */
function typedSpans(spans: Span[], surface: (sp: Span) => string): TypedSpan[] {
  return spans.map((sp) => {
    const s = surface(sp);
    const country = countryByName(s);
    let type: EntityType;
    if (sp.first === sp.last && isGluedCorporateName(s)) type = 'ORG';
    else if (sp.type === 'LOC') type = country?.sovereign ? 'COUNTRY' : 'PLACE';
    else if (country?.sovereign && sp.type === 'ORG' && country.aliases.includes(s)) type = 'COUNTRY';
    else type = sp.type as EntityType;
    return { sp, s, type };
  });
}

/** PERSON entities: the fullest forms become entities; shorter forms attach to the one containing them. */
function peopleNamed(typed: TypedSpan[]): People {
  const persons = new Map<string, Person>();
  for (const m of typed) {
    if (m.type !== 'PERSON') continue;
    const key = aliasKey(m.s);
    let p = persons.get(key);
    if (!p) persons.set(key, (p = { canonical: m.s, parts: nameParts(m.s), count: 0, forms: new Map() }));
    p.count++;
    p.forms.set(m.s, (p.forms.get(m.s) ?? 0) + 1);
  }
  for (const p of persons.values()) p.canonical = bestForm(p.forms);
  const full = [...persons.values()].filter((p) => p.parts.length >= 2);
  // One-word person mentions that are no surname of a full name: given names used alone.
  const givenAlone = new Set(
    typed
      .filter((m) => m.type === 'PERSON' && !/\s/.test(m.s))
      .map((m) => nameParts(m.s).join(''))
      .filter((k) => !full.some((p) => p.parts[p.parts.length - 1] === k)),
  );
  const surnameKeys = new Set(full.map((p) => p.parts[p.parts.length - 1]).filter((k) => k.length >= 3));
  return { persons, full, givenAlone, surnameKeys };
}

/**
 * A lone word that is the surname of a person named in full in this document is that person
 * (`SHEARER` in a headline above `Alan Shearer`), whatever type the tagger guessed; but a place
 * the gazetteer knows, taken for a place alone at least as often as for a person, stays one
 * (`lived in London` beside a `Poetry London` the tagger took for a person; `Belgrano`, seven
 * times a person and four a place beside `Manuel Belgrano`, is the person).
 * A name of several words written as a person's is a person's wherever its surname alone is too
 * (see below). Returns which tokens are inside a name.
 */
function surnamesAsPeople(doc: DocumentText, typed: TypedSpan[], people: People): Uint8Array {
  const { text, tokens } = doc;
  const { persons, surnameKeys } = people;
  const alone = new Map<string, number>();
  for (const m of typed)
    if (m.sp.first === m.sp.last && (m.type === 'PERSON' || m.type === 'PLACE')) {
      const k = aliasKey(m.s);
      alone.set(k, (alone.get(k) ?? 0) + (m.type === 'PLACE' ? 1 : -1));
    }
  // A country's name is a surname there only where it speaks (`Jordan said` beside `director Neil
  // Jordan`), and then wherever no preposition of place comes before it (`Jordan's film`, `with
  // Jordan using`; not `in Jordan`): a country is named in a story about someone of that name for
  // its own sake too.
  const speakingCountries = new Set(
    typed
      .filter(
        (m) =>
          m.type === 'COUNTRY' &&
          m.sp.first === m.sp.last &&
          speaksAfter(text, tokens, m.sp) &&
          surnameKeys.has(nameParts(m.s).join('')),
      )
      .map((m) => aliasKey(m.s)),
  );
  for (const m of typed) {
    const speaks =
      m.type === 'COUNTRY' &&
      speakingCountries.has(aliasKey(m.s)) &&
      !/^(?:in|to|from|at|into|across|of|for|via|visit|visited|visiting)$/i.test(tokens[m.sp.first - 1]?.text ?? '');
    if (
      (m.type === 'ORG' || m.type === 'PLACE' || speaks) &&
      m.sp.first === m.sp.last &&
      !m.sp.cued &&
      surnameKeys.has(nameParts(m.s).join('')) &&
      !(m.type === 'PLACE' && (alone.get(aliasKey(m.s)) ?? 0) >= 0 && placeInfo(m.s))
    ) {
      m.type = 'PERSON';
      const key = aliasKey(m.s);
      if (!persons.has(key)) persons.set(key, { canonical: m.s, parts: [key], count: 1, forms: new Map([[m.s, 1]]) });
    }
  }

  // `Ben Player`, a person where the tagger once read the name as such, elsewhere (doubting a name
  // it has not seen) as a place: a name of several words the document writes as a person's is a
  // person's wherever its surname alone is too (`Player won`); not a known place or country.
  const bareSurnames = new Set<string>();
  for (const m of typed) if (m.type === 'PERSON' && m.sp.first === m.sp.last) bareSurnames.add(aliasKey(m.s));
  const inName = new Uint8Array(tokens.length);
  for (const m of typed) for (let i = m.sp.first; i <= m.sp.last; i++) inName[i] = 1;
  for (let i = 0; i < tokens.length; i++)
    if (
      !inName[i] &&
      /^\p{Lu}\p{Ll}{2,}$/u.test(tokens[i].text) &&
      surnameKeys.has(aliasKey(tokens[i].text).replace(/ /g, '')) &&
      !placeInfo(tokens[i].text)
    ) {
      const prev = tokens[i - 1]?.text ?? '';
      const next = tokens[i + 1]?.text ?? '';
      if (!/^\p{Lu}/u.test(prev) && !/^\p{Lu}/u.test(next)) bareSurnames.add(aliasKey(tokens[i].text));
    }
  for (const m of typed) {
    if ((m.type !== 'ORG' && m.type !== 'PLACE') || m.sp.first === m.sp.last || m.sp.cued) continue;
    const key = aliasKey(m.s);
    const parts = nameParts(m.s);
    if (!persons.has(key) || !bareSurnames.has(parts[parts.length - 1]) || placeInfo(m.s) || countryByName(m.s))
      continue;
    m.type = 'PERSON';
    persons.get(key)!.count++;
  }
  return inName;
}

/**
 * A company named with its legal suffix in the document (`Dart Group Corp`) is that company when
 * written without it (`Dart Group`, and `Dart` where the first word names no place), whatever
 * the tagger guessed (`Dart said` reads like a person speaking).
 */
function companiesByLegalName(
  doc: DocumentText,
  typed: TypedSpan[],
  surnameKeys: Set<string>,
  inName: Uint8Array,
): void {
  const { text, tokens } = doc;
  const stems = new Set<string>();
  const firstWords = new Set<string>();
  // First words that may name a place, but no place a reader knows by that word alone (`Piedmont
  // Aviation Inc`, `Dome Petroleum Ltd`: a region the gazetteer lacks, a town of 47,000).
  const obscurePlaceWords = new Set<string>();
  for (const m of typed) {
    const words = m.type === 'ORG' ? wordsBeforeLegalForm(m.s) : null;
    if (!words) continue;
    stems.add(aliasKey(words.join(' ')));
    if (words.length > 1 && /^\p{Lu}\p{L}{2,}$/u.test(words[0]) && !countryByName(words[0])) {
      const place = placeInfo(words[0]);
      if (!place) firstWords.add(aliasKey(words[0]));
      // (Regions have no population and count as known: see KNOWN_PLACE_POPULATION; a company's
      // first word that names a smaller place, `Dome Petroleum` of a town of 47,000, is the company.)
      if (!place || (place.population > 0 && place.population < KNOWN_PLACE_POPULATION))
        obscurePlaceWords.add(aliasKey(words[0]));
    }
  }
  // `Reebok International Limited` where the tagger found only `Reebok` (a person elsewhere): a lone
  // name the text continues with capitalised words ending in a legal form names a company, there
  // and wherever the document writes it alone; so does one followed by what only a company has
  // (`Conrail shares`, `Adsteam's subsidiary`).
  for (const m of typed) {
    if ((m.type !== 'PERSON' && m.type !== 'ORG') || m.sp.first !== m.sp.last) continue;
    if (surnameKeys.has(nameParts(m.s).join(''))) continue;
    // `Mr. Rooter's stock` is a person's; `Milan shares` a market's.
    const honoured = /^(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?$/.test(tokens[m.sp.first - 1]?.text ?? '');
    const owner = !honoured && !placeInfo(m.s) && !countryByName(m.s);
    if (continuesAsCompany(tokens, m.sp.last + 1, inName) || (owner && ownsCompanyThings(tokens, m.sp.last + 1)))
      stems.add(aliasKey(m.s));
  }
  if (stems.size) {
    // A word the document once writes as a place by its punctuation (`Mont Belvieu, Texas`, `the
    // state of Alaska`) is that place throughout: a story that locates something in it uses it so.
    const placedWords = new Set<string>();
    const placeAt = new Uint8Array(tokens.length);
    for (const m of typed)
      if (m.type === 'PLACE' || m.type === 'COUNTRY') for (let i = m.sp.first; i <= m.sp.last; i++) placeAt[i] = 1;
    for (const m of typed)
      if (m.type === 'PLACE' && m.sp.first === m.sp.last && writtenAsPlace(tokens, m.sp.first, placeAt, inName))
        placedWords.add(aliasKey(m.s));
    for (const m of typed) {
      if (m.type !== 'PERSON' && m.type !== 'PLACE') continue;
      const key = aliasKey(m.s);
      if (stems.has(key) || (m.type === 'PERSON' && firstWords.has(key) && !surnameKeys.has(nameParts(m.s).join(''))))
        m.type = 'ORG';
      // `half of Piedmont's stock`, `Dome's creditors`: the short name of the company the document
      // names in full, unless written where a place is (`in Piedmont`, `Mont Belvieu, Texas`).
      else if (
        m.type === 'PLACE' &&
        m.sp.first === m.sp.last &&
        obscurePlaceWords.has(key) &&
        !placedWords.has(key) &&
        !afterPlacePreposition(tokens, m.sp.first)
      )
        m.type = 'ORG';
    }
    companiesNamedForPlaces(typed, tokens, text, placedWords);
  }
}

/**
 * Organisations: an acronym stands for the long name in the document whose initials it spells,
 * unless the document names a company by the acronym itself (`FMC Corp <FMC>` beside `Ford Motor
 * Co`: FMC is FMC Corp, not Ford). Such an acronym stays as written: the corpus joins `FMC` and
 * `FMC Corp` where documents name both.
 */
function organisationNames(doc: DocumentText, typed: TypedSpan[]): OrganisationNames {
  const { text, tokens, endOf } = doc;
  const ownAcronyms = new Set<string>();
  for (const m of typed) {
    const own = m.type === 'ORG' ? acronymCompany(withoutThe(m.s)) : null;
    if (own) ownAcronyms.add(own);
  }
  const orgLong = new Map<string, string>();
  for (const m of typed) {
    if (m.type !== 'ORG') continue;
    const words = withoutThe(m.s)
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w));
    // `EC Commission` spells `EC` with an acronym of its own: it is not what `EC` stands for.
    if (words.length < 2 || words.some((w) => /^\p{Lu}{2,}$/u.test(w.replace(/\./g, '')))) continue;
    const acr = words.map((w) => w[0]).join('');
    if (!orgLong.has(acr)) orgLong.set(acr, m.s);
  }
  // `General Electric Co Plc <GEC.L>` beside `General Electric Co <GE.N>`: both spell GEC, but a
  // stock symbol that spells a company's initials says which one the acronym stands for. (A symbol
  // is in angle brackets, or has its exchange: `(IMF)` after `World Bank and International Monetary
  // Fund` is an acronym of part of the name.)
  for (const m of typed) {
    if (m.type !== 'ORG') continue;
    const symbol = /^\s*(?:<([A-Z]{2,6})(?:\.[A-Z]{1,2})?>|\(([A-Z]{2,6})\.[A-Z]{1,2}\))/
      .exec(text.slice(endOf(m.sp), endOf(m.sp) + 14))
      ?.slice(1)
      .find(Boolean);
    if (symbol && spellsInitials(symbol, withoutThe(m.s))) orgLong.set(symbol, m.s);
  }
  // `the Commission` after `the EC Commission`, `the Stock Exchange` after `the New York Stock
  // Exchange`, `the Association` after `the National Association of Purchasing Management`: an
  // institution's bare name, its noun with the words right before it, is the one organisation of the
  // document whose name ends in it or holds it before its `of`; with two or none (`Commission` beside
  // `SEC` and `EC Commission`) it stays as written.
  const byShort = new Map<string, Set<string>>();
  const shortFormsOf = new Map<string, string[]>();
  for (const m of typed) {
    if (m.type !== 'ORG' || shortFormsOf.has(m.s)) continue;
    const shorts = bareNames(m.s);
    shortFormsOf.set(m.s, shorts);
    for (const short of shorts) {
      let names = byShort.get(short);
      if (!names) byShort.set(short, (names = new Set()));
      names.add(aliasKey(m.s));
    }
  }
  const fullOf = new Map<string, string>();
  for (const m of typed) {
    if (m.type !== 'ORG') continue;
    for (const short of shortFormsOf.get(m.s) ?? [])
      if (byShort.get(short)?.size === 1 && !fullOf.has(short)) fullOf.set(short, m.s);
  }
  // `the Community` after `the European Community`, which the tagger took for a place: that
  // institution's bare noun all the same (Reuters had a place `Community` of 37 mentions).
  for (const m of typed)
    if (
      m.type === 'PLACE' &&
      m.sp.first === m.sp.last &&
      /^the$/i.test(tokens[m.sp.first - 1]?.text ?? '') &&
      fullOf.has(m.s.toLowerCase())
    )
      m.type = 'ORG';
  return { ownAcronyms, orgLong, fullOf };
}

/** Each span's mention, named for its entity; and which tokens the spans cover. */
function typedMentions(
  doc: DocumentText,
  typed: TypedSpan[],
  teams: Map<string, string>,
  orgs: OrganisationNames,
  people: People,
): { mentions: Mention[]; covered: Uint8Array } {
  const { tokens, endOf } = doc;
  const { ownAcronyms, orgLong, fullOf } = orgs;
  const { persons, full, givenAlone } = people;
  const orgOf = (s: string, written: string): string => {
    const group = nationsGroup(withoutThe(s));
    if (group !== null) return group;
    const acr = withoutThe(s).replace(/\./g, '');
    if (/^\p{Lu}{2,6}$/u.test(acr)) {
      const long = ownAcronyms.has(acr) ? undefined : orgLong.get(acr);
      return long ? writtenOrg(long) : (canonicalOrgAcronym(s) ?? s);
    }
    const bare = withoutThe(s);
    const full = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}$/u.test(bare) ? fullOf.get(bare.toLowerCase()) : undefined;
    return full ? orgOf(full, writtenOrg(full)) : written;
  };
  const personOf = (key: string, parts: string[]): string => {
    const own = persons.get(key);
    // Two words that end a fuller name are its surname of two words (`Bra Kanon` of `Denis Bra
    // Kanon`, `Arap Moi`, `Paz Estenssoro`) when no title comes before them there (`James Baker`
    // is no surname of `Secretary James Baker`).
    if (parts.length === 2) {
      const longer = full.filter(
        (p) =>
          p.parts.length >= 3 &&
          p.parts[p.parts.length - 2] === parts[0] &&
          p.parts[p.parts.length - 1] === parts[1] &&
          !p.parts.slice(0, -2).some(isTitleWord),
      );
      longer.sort((a, b) => b.count - a.count || (a.canonical < b.canonical ? -1 : 1));
      if (longer.length > 0) return longer[0].canonical;
      // Two words that open the one name of three words of the document are its given names (`Juan
      // Miguel` of `Juan Miguel Gonzalez`; not the first words of a longer name, most often a firm's
      // the tagger took for a person).
      const opening = full.filter(
        (p) => p.parts.length === 3 && p.parts[0] === parts[0] && p.parts[1] === parts[1] && !isTitleWord(parts[0]),
      );
      if (opening.length === 1) return opening[0].canonical;
    }
    if (parts.length >= 2 || !parts.length) return own?.canonical ?? '';
    // A one-word name: the full name holding it (surname first, then any part), nearest mention first.
    const cands = full.filter((p) => p.parts.includes(parts[0]));
    if (!cands.length) return own?.canonical ?? '';
    const byLast = cands.filter((p) => p.parts[p.parts.length - 1] === parts[0]);
    const pool = byLast.length ? byLast : cands;
    // Of two people sharing a surname, one the document calls by the given name alone (`his wife
    // Naina`) is not the one its bare surname means (`Yeltsin`, the president).
    const byGiven = (p: { parts: string[] }) => (byLast.length && givenAlone.has(p.parts[0]) ? 1 : 0);
    pool.sort((a, b) => byGiven(a) - byGiven(b) || b.count - a.count || (a.canonical < b.canonical ? -1 : 1));
    return pool[0].canonical;
  };

  // Places and organisations: one written form per name in the document.
  const formsByKey = new Map<string, Map<string, number>>();
  for (const m of typed) {
    if (m.type !== 'PLACE' && m.type !== 'ORG') continue;
    const key = m.type + aliasKey(withoutThe(m.s));
    let forms = formsByKey.get(key);
    if (!forms) formsByKey.set(key, (forms = new Map()));
    forms.set(m.s, (forms.get(m.s) ?? 0) + 1);
  }
  const writtenOrg = (s: string) => written('ORG', s);
  const written = (type: EntityType, s: string) => {
    const forms = formsByKey.get(type + aliasKey(withoutThe(s)));
    // Capitals are headline case for a known place or a name of several words, else an acronym.
    if (!forms) return s;
    const best = bestForm(forms, (f) => /\s/.test(f) || (type === 'PLACE' && placeInfo(f) !== null));
    // `The Brandon Sun`, `The European Community`: an organisation goes by its name without the article.
    return type === 'ORG' ? withoutThe(best) : best;
  };

  const mentions: Mention[] = [];
  const covered = new Uint8Array(tokens.length);
  for (const m of typed) {
    for (let i = m.sp.first; i <= m.sp.last; i++) covered[i] = 1;
    const start = tokens[m.sp.first].start;
    const end = endOf(m.sp);
    mentions.push({
      type: m.type,
      text: m.s,
      start,
      end,
      entity:
        m.type === 'ORG'
          ? (teams.get(aliasKey(m.s)) ?? orgOf(m.s, written('ORG', m.s)))
          : m.type === 'PLACE'
            ? written('PLACE', m.s)
            : canonical(m.type, m.s, personOf),
      value: null,
      sentence: m.sp.sentence,
    });
  }
  return { mentions, covered };
}

/** Bare surnames of people named in full elsewhere in the document, where the tagger missed them. */
function bareSurnameMentions(doc: DocumentText, full: Person[], covered: Uint8Array, mentions: Mention[]): void {
  const { tokens, sentences } = doc;
  const surnames = new Map<string, string>();
  for (const p of full) {
    const last = p.canonical.split(/\s+/).pop()!;
    if (last.length >= 3 && !surnames.has(last)) surnames.set(last, p.canonical);
  }
  if (surnames.size) {
    const headline = (si: number) => {
      const s = sentences[si];
      for (let k = s.tokenStart; k < s.tokenEnd; k++) if (tokens[k].text !== tokens[k].text.toUpperCase()) return false;
      return true;
    };
    let si = 0;
    for (let i = 0; i < tokens.length; i++) {
      while (si < sentences.length && sentences[si].tokenEnd <= i) si++;
      if (covered[i]) continue;
      const t = tokens[i].text;
      const name = surnames.get(t) ?? (isAllCaps(t) && t.length > 3 ? surnames.get(titleCase(t)) : undefined);
      if (!name) continue;
      // Not part of a longer capitalised name the tagger left out (e.g. a company).
      const next = tokens[i + 1]?.text ?? '';
      const prev = tokens[i - 1]?.text ?? '';
      if (!headline(si)) {
        if (/^\p{Lu}/u.test(next) && !covered[i + 1]) continue;
        if (/^\p{Lu}/u.test(prev) && !covered[i - 1] && i - 1 !== sentences[si]?.tokenStart) continue;
      }
      mentions.push({
        type: 'PERSON',
        text: tokens[i].text,
        start: tokens[i].start,
        end: tokens[i].end,
        entity: name,
        value: null,
        sentence: si,
      });
    }
  }
}

/**
 * `Rotor are well placed`, `Deportivo were unable to capitalise`, `Kent have won`: a name that
 * takes a plural verb on its own is a team or a company (British usage), never one person. Every
 * mention of it in the document, and of a longer or shorter form of it (`Rotor Volgograd`), is
 * then an organisation. Only where the name opens a clause, so that the verb is its own (opensClause).
 */
function teamsByAgreement(typed: TypedSpan[], tokens: Token[], sentences: Sentence[]): Map<string, string> {
  const names = new Map<string, string>();
  const plural = new Set<string>();
  for (const m of typed) {
    if (m.type !== 'PERSON' || !PLURAL_VERBS.has(tokens[m.sp.last + 1]?.text ?? '')) continue;
    if (opensClause(tokens, sentences[m.sp.sentence].tokenStart, m.sp.first)) plural.add(aliasKey(m.s));
  }
  if (plural.size === 0) return names;
  const retyped = typed.filter((m) => {
    if (m.type !== 'PERSON') return false;
    const k = aliasKey(m.s);
    return [...plural].some((f) => f === k || k.startsWith(`${f} `) || f.startsWith(`${k} `));
  });
  // The team goes by its fullest form (`Rotor` is `Rotor Volgograd`), as a person by the full name.
  for (const m of retyped) {
    m.type = 'ORG';
    const k = aliasKey(m.s);
    const fullest = retyped
      .filter((o) => aliasKey(o.s).startsWith(`${k} `))
      .reduce((a, o) => (o.s.length > a.length ? o.s : a), m.s);
    names.set(k, fullest);
  }
  return names;
}

const PLURAL_VERBS = new Set(['are', 'were', 'have']);

/**
 * Whether the name at token `at` is a clause's subject, so that the verb after it agrees with it
 * alone: first in its sentence, after a conjunction that opens a clause (`But Deportivo were`), or
 * after a comma that closes a phrase of common words (`Despite the defeat, Rotor are`). Not after a
 * noun or a preposition (`a group headed by businessman Zygmunt Solorz were`, `an injury to Mary
 * Joe Fernandez have`: the verb is the phrase's), nor in a list (`Smith, Jones and Brown are`).
 */
function opensClause(tokens: Token[], sentenceStart: number, at: number): boolean {
  if (at === sentenceStart) return true;
  const before = tokens[at - 1].text;
  if (/^(?:but|that|when|while|as|because|although|though|since|if|unless|so|yet)$/i.test(before)) return true;
  return before === ',' && at - 2 >= sentenceStart && /^\p{Ll}+$/u.test(tokens[at - 2].text);
}

/** Titles of ministers, before `of` and their portfolio (`Secretary of State`, `Chancellor of the Exchequer`). */
const MINISTERS = new Set([
  'Chancellor',
  'Secretary',
  'Minister',
  'Undersecretary',
  'chancellor',
  'secretary',
  'minister',
]);

/**
 * `Yeltsin endorses Lebed Chechnya peace plan`: a headline runs two names together, and the tagger
 * read `Lebed Chechnya` as one person, whose surname `Chechnya` then took every `Chechnya` of the
 * story. Two words read as a person are two names when the first is the surname of another person
 * the document names in full (`Alexander Lebed`) and the second is, alone, a name of another kind
 * there (`peace plan for Chechnya`): the person by surname and that name.
 */
function splitSurnameBeforeName(typed: TypedSpan[], surface: (sp: Span) => string): void {
  const otherKind = new Map<string, EntityType>();
  for (const m of typed) if (m.type !== 'PERSON' && m.sp.first === m.sp.last) otherKind.set(aliasKey(m.s), m.type);
  // Surnames of the people named in full, each with how many such names end in it.
  const surnames = new Map<string, number>();
  for (const m of typed)
    if (m.type === 'PERSON' && m.sp.last > m.sp.first) {
      const last = nameParts(m.s).at(-1) ?? '';
      surnames.set(last, (surnames.get(last) ?? 0) + 1);
    }
  for (let k = typed.length - 1; k >= 0; k--) {
    const { sp, type } = typed[k];
    if (type !== 'PERSON' || sp.last !== sp.first + 1) continue;
    const first: Span = copySpan(sp, { last: sp.first });
    const second: Span = copySpan(sp, { first: sp.last });
    const [a, b] = [surface(first), surface(second)];
    const kind = otherKind.get(aliasKey(b));
    // Another person's surname: the pair itself ends in its own second word, not counted.
    const surname = nameParts(a).join('');
    const others = (surnames.get(surname) ?? 0) - (nameParts(b).join('') === surname ? 1 : 0);
    if (!kind || others <= 0) continue;
    const secondSpan: Span = copySpan(second, { type: kind === 'ORG' ? 'ORG' : 'LOC' });
    typed.splice(k, 1, { sp: first, s: a, type: 'PERSON' }, { sp: secondSpan, s: b, type: kind });
  }
}

/**
 * `Governor of the Bank of Japan Satoshi Sumita`, `President of the Bundesbank Karl Otto Poehl`: the
 * tagger ran the organisation and the person who heads it into one organisation. The words after
 * the organisation's name are the person when the organisation is named whole — written alone
 * elsewhere in the story, or ending in `of` and a country or after an institution's noun (`Bank of
 * England`) — and the story writes the person's surname elsewhere too (`Sumita said`).
 */
function splitPersonAfterOrganisation(
  typed: TypedSpan[],
  tokens: Token[],
  surface: (sp: Span) => string,
  text: string,
): void {
  const orgs = new Set(typed.filter((m) => m.type === 'ORG').map((m) => aliasKey(m.s)));
  const people = new Set(typed.filter((m) => m.type === 'PERSON').map((m) => aliasKey(tokens[m.sp.last].text)));
  // Words the story writes alone, no capitalised word either side (`, Poehl said`; not the
  // `Brothers` of `Lehman Brothers said`).
  const alone = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (!/^\p{Lu}/u.test(t) || /^\p{Lu}/u.test(tokens[i - 1]?.text ?? '') || /^\p{Lu}/u.test(tokens[i + 1]?.text ?? ''))
      continue;
    alone.add(aliasKey(t));
  }
  const personWord = (t: string) =>
    /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(t) &&
    !isCorporateSuffix(t) &&
    !isCalendarWord(t) &&
    !headClass(t.toLowerCase());
  for (let k = typed.length - 1; k >= 0; k--) {
    const { sp, type } = typed[k];
    if (type !== 'ORG' || sp.last - sp.first < 1) continue;
    // `Bank of England Robin` before the person `Leigh-Pemberton`: the given name goes to the person.
    const next = typed[k + 1];
    const joined =
      next?.type === 'PERSON' && next.sp.first === sp.last + 1 && next.sp.sentence === sp.sentence ? next : undefined;
    let end = joined?.sp.last ?? sp.last;
    // Or a surname the tagger left out of any name (`Robin Leigh-Pemberton.`).
    while (
      !joined &&
      end - sp.last < 2 &&
      end + 1 < tokens.length &&
      // One space on the same line: a line break ends the name (`Constructorul Chisinau\nScorers:`).
      text[tokens[end].end] === ' ' &&
      tokens[end + 1].start === tokens[end].end + 1 &&
      personWord(tokens[end + 1].text) &&
      !(next && next.sp.first <= end + 1)
    )
      end++;
    for (let j = Math.max(sp.first + 1, sp.last - 3); j <= sp.last; j++) {
      const words = tokens.slice(j, sp.last + 1).map((t) => t.text);
      if (!words.every(personWord) || end - j < 1) continue;
      const head: Span = copySpan(sp, { last: j - 1 });
      const name = surface(head);
      const whole =
        orgs.has(aliasKey(name)) ||
        (j - sp.first >= 3 &&
          tokens[j - 2].text === 'of' &&
          (countryByName(tokens[j - 1].text) !== null ||
            placeInfo(tokens[j - 1].text) !== null ||
            headClass(tokens[j - 3].text.toLowerCase()) !== 0));
      if (!whole) continue;
      // The surname elsewhere in the story as a person's or alone (`Sumita said`); a team's or a
      // firm's last word (`Boston Red Sox` beside `Chicago White Sox`, `Shearson Lehman Brothers`)
      // is neither. A person the tagger found right after is enough.
      const surname = aliasKey(tokens[end].text);
      if (isCommonWord(surname)) continue;
      const elsewhere = joined !== undefined || people.has(surname) || alone.has(surname);
      if (!elsewhere) continue;
      const person: Span = copySpan(sp, { first: j, last: end, type: 'PERSON' });
      typed.splice(
        k,
        joined ? 2 : 1,
        { sp: head, s: name, type: 'ORG' },
        { sp: person, s: surface(person), type: 'PERSON' },
      );
      break;
    }
  }
}

/**
 * `Irish soccer manager Mick McCarthy`: the tagger read the given name as a person and the surname,
 * which a headline had written alone (`McCarthy names team`), as an organisation. A one-word person
 * right before a one-word organisation, both name-like words, is one person.
 */
function joinGivenNameAndSurname(typed: TypedSpan[], tokens: Token[], surface: (sp: Span) => string): void {
  // Not a surname of someone else the story names (`Karl` of Stuart Karl before `Lorimar`), nor
  // a company's short name the story writes in full (`Dudley Taft`'s `Taft` of Taft Broadcasting Co).
  const surnames = new Set<string>();
  const companyWords = new Set<string>();
  for (const m of typed) {
    if (m.sp.last === m.sp.first) continue;
    if (m.type === 'PERSON') surnames.add(aliasKey(tokens[m.sp.last].text));
    if (m.type === 'ORG') companyWords.add(aliasKey(tokens[m.sp.first].text));
  }
  for (let k = typed.length - 2; k >= 0; k--) {
    const [a, b] = [typed[k], typed[k + 1]];
    if (a.type !== 'PERSON' || b.type !== 'ORG' || a.sp.first !== a.sp.last || b.sp.first !== b.sp.last) continue;
    if (b.sp.first !== a.sp.last + 1 || tokens[b.sp.first].start !== tokens[a.sp.last].end + 1) continue;
    if (!nameWord(a.s, true) || !nameWord(b.s, true) || isCorporateSuffix(b.s) || headClass(b.s.toLowerCase()))
      continue;
    if (surnames.has(aliasKey(a.s)) || companyWords.has(aliasKey(b.s))) continue;
    const sp: Span = copySpan(a.sp, { last: b.sp.last, type: 'PERSON' });
    typed.splice(k, 2, { sp, s: surface(sp), type: 'PERSON' });
  }
}

/**
 * `said economist Lynn Reaser of Barnett Banks Inc.`: the tagger read a person and the company
 * they speak for as one company, and `Reaser said` later in the story as that company. Two
 * capitalised words, `of`, then the rest, read as one organisation, are a person and an
 * organisation when the story also writes the second word alone as a name that speaks (`Reaser
 * said`: the surname).
 */
function splitPersonOfCompany(typed: TypedSpan[], tokens: Token[], text: string, surface: (sp: Span) => string): void {
  // Surnames that speak alone (`Reaser said`): a team (`the Athletics` of `Oakland Athletics of
  // Major League Baseball`) does not.
  const speaking = new Set<string>();
  for (const m of text.matchAll(SPEAKER)) speaking.add(aliasKey(m[1]));
  const alone = new Set(
    typed.filter((m) => m.sp.first === m.sp.last && speaking.has(aliasKey(m.s))).map((m) => aliasKey(m.s)),
  );
  const split = new Set<string>();
  for (let k = typed.length - 1; k >= 0; k--) {
    const { sp, type } = typed[k];
    const of = sp.first + 2;
    if (type !== 'ORG' || of >= sp.last || tokens[of].text !== 'of') continue;
    const [given, surname] = [tokens[sp.first].text, tokens[sp.first + 1].text];
    // (`Royal Bank of Canada` beside `the Bank said`: common words name no one.)
    if (!nameWord(given) || !nameWord(surname) || !alone.has(aliasKey(surname))) continue;
    const person: Span = copySpan(sp, { last: sp.first + 1, type: 'PERSON' });
    const company: Span = copySpan(sp, { first: of + 1 });
    typed.splice(
      k,
      1,
      { sp: person, s: surface(person), type: 'PERSON' },
      { sp: company, s: surface(company), type: 'ORG' },
    );
    split.add(aliasKey(surname));
  }
  // The surname alone is the person's, whatever the tagger made of it.
  if (split.size > 0)
    for (const m of typed) if (m.sp.first === m.sp.last && split.has(aliasKey(m.s))) m.type = 'PERSON';
}

/**
 * `Chancellor of the Exchequer Nigel Lawson` read as the organisation `Exchequer Nigel Lawson`
 * (41 mentions on Reuters), `Agriculture Undersecretary Daniel Amstutz`, `NATO General Secretary
 * Lord Carrington`: an organisation that ends in a person the document names (the same name, or two
 * words the last of which it writes alone as a person) is that person after a title. The person is
 * split off; what comes before the titles stays an organisation (`NATO`), the titles go.
 */
function splitTitledPeople(tokens: Token[], spans: Span[]): Span[] {
  const words = (sp: Span, from = sp.first) => tokensText(tokens, from, sp.last);
  const people = new Set<string>();
  const surnames = new Set<string>();
  for (const sp of spans) {
    if (sp.type !== 'PERSON') continue;
    people.add(aliasKey(words(sp)));
    surnames.add(aliasKey(tokens[sp.last].text));
  }
  // `Chancellor of the Exchequer Nigel Lawson`, `Minister of Mines Patrick Chitambala`: a minister's
  // title and `of` before a three-word span say that it opens with the portfolio, so two capitalised
  // words after it that are no common words or legal suffixes are the minister, whether or not the
  // document names them again. (Not a company's officer: `director of Westdeutsche Landesbank
  // Girozentrale`.)
  const afterPortfolio = (sp: Span): boolean => {
    let i = sp.first - 1;
    if (tokens[i]?.text.toLowerCase() === 'the') i--;
    return tokens[i]?.text.toLowerCase() === 'of' && MINISTERS.has(tokens[i - 1]?.text ?? '');
  };
  const nameLike = (i: number) => nameWord(tokens[i].text) && !isCorporateSuffix(tokens[i].text);
  const out: Span[] = [];
  for (const sp of spans) {
    // `Juventus's Zinedine Zidane`, `SK Rapid's Dietmar Kuehbauer`: a club or company, its `'s`,
    // then two names that are no common words, legal forms or institutions' heads (`McDonald's
    // Corp`, `Moody's Investors Service` stay whole).
    const own = sp.last - 2;
    if (
      sp.type === 'ORG' &&
      own > sp.first &&
      /^['’]s$/.test(tokens[own].text) &&
      nameLike(own + 1) &&
      nameLike(own + 2) &&
      !headClass(tokens[own + 2].text.toLowerCase())
    ) {
      out.push(copySpan(sp, { last: own - 1 }), copySpan(sp, { first: own + 1, type: 'PERSON' }));
      continue;
    }
    let split = -1;
    if (
      sp.type === 'ORG' &&
      sp.last - sp.first === 2 &&
      afterPortfolio(sp) &&
      nameLike(sp.last - 1) &&
      nameLike(sp.last)
    )
      split = sp.last - 1;
    // `Security Council President Tono Eitel of Germany`: a title, two names that are no common
    // words, and the country the person comes from.
    let from: Span | null = null;
    if (sp.type === 'ORG')
      for (let k = sp.first + 1; k + 3 <= sp.last && split < 0; k++) {
        if (!isTitleWord(tokens[k - 1].text) || !nameLike(k) || !nameLike(k + 1) || tokens[k + 2].text !== 'of')
          continue;
        const rest = tokensText(tokens, k + 3, sp.last);
        if (!countryByName(rest)?.sovereign) continue;
        split = k;
        from = newSpan(k + 3, sp.last, 'LOC', sp.sentence);
      }
    if (sp.type === 'ORG' && sp.last - sp.first >= 2 && people.size > 0) {
      for (let k = sp.first + 1; k < sp.last && split < 0; k++) {
        if (!isTitleWord(tokens[k - 1].text) || !/^\p{Lu}/u.test(tokens[k].text)) continue;
        const tail = aliasKey(words(sp, k));
        const twoWords = sp.last - k === 1 && /^\p{Lu}\p{Ll}+$/u.test(tokens[sp.last].text);
        if (people.has(tail) || (twoWords && surnames.has(aliasKey(tokens[sp.last].text)))) split = k;
      }
    }
    if (split < 0) {
      out.push(sp);
      continue;
    }
    let end = sp.first;
    // The titles and the words joining them (`Chancellor of the Exchequer`) go.
    while (end < split && !isTitleWord(tokens[end].text)) end++;
    while (end > sp.first && /^(?:of|the|and|for|&)$/i.test(tokens[end - 1].text)) end--;
    if (end > sp.first) out.push(newSpan(sp.first, end - 1, 'ORG', sp.sentence));
    out.push(newSpan(split, from ? split + 1 : sp.last, 'PERSON', sp.sentence));
    if (from) out.push(from);
  }
  return out;
}

/** The partners' part of a firm's name after its comma: `Sachs and Co`, `Harris Upham and Co Inc`. */
const PARTNERS = /^(?:\p{Lu}[\p{L}.'’-]*\s+){1,2}(?:and|&)\s+(?:Co|Cos|Company|Sons)\b/u;

/**
 * `Goldman, Sachs and Co`, `Kidder, Peabody and Co`, `Smith Barney, Harris Upham and Co Inc`: a
 * firm written with a comma after its first partners, which the tagger reads as two names (on
 * Reuters `Goldman` and `Sachs and Co` were organisations of 63 mentions each). A name of one or two
 * capitalised words, a comma, then partners joined by `and` to `Co` or `Sons`, is one organisation,
 * unless the first name is an item of a list (a comma before it) or the rules below say otherwise.
 */
function joinCommaFirms(tokens: Token[], spans: Span[]): Span[] {
  // Two names with a comma between them in one sentence, the first of one or two capitalised words
  // and no item of a list.
  const commaPair = (a: Span, b: Span | undefined): b is Span =>
    b !== undefined &&
    a.sentence === b.sentence &&
    b.first === a.last + 2 &&
    tokens[a.last + 1]?.text === ',' &&
    a.last - a.first <= 1 &&
    tokens[a.first - 1]?.text !== ',' &&
    tokens.slice(a.first, a.last + 1).every((t) => /^\p{Lu}/u.test(t.text));
  const joined = (a: Span, b: Span): Span => newSpan(a.first, b.last, 'ORG', a.sentence);
  const firms = new Set<string>();
  const pairKey = (a: Span, b: Span) =>
    `${aliasKey(tokensText(tokens, a.first, a.last))}|${aliasKey(tokens[b.first].text)}`;
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k];
    const b = spans[k + 1];
    if (
      commaPair(a, b) &&
      PARTNERS.test(tokensText(tokens, b.first, b.last)) &&
      // Not a company already (`Citicorp, J.P. Morgan and Co`), initials (a person's), nor a person
      // before their own firm (`Thomas McKiernan, McKiernan and Co`).
      !isGluedCorporateName(tokens[a.last].text) &&
      !tokens[b.first].text.includes('.') &&
      tokens[a.last].text !== tokens[b.first].text
    ) {
      out.push(joined(a, b));
      firms.add(pairKey(a, b));
      k++;
    } else out.push(a);
  }
  if (firms.size === 0) return out;
  // The same firm written short elsewhere in the document (`Goldman, Sachs was granted …`), its
  // second partner a name of its own or no name at all.
  const again: Span[] = [];
  for (let k = 0; k < out.length; k++) {
    const a = out[k];
    const next = out[k + 1];
    const partner: Span = newSpan(a.last + 2, a.last + 2, 'ORG', a.sentence);
    const b = next?.first === partner.first ? next : partner;
    const alone = b === partner && tokens[partner.first] !== undefined && /^\p{Lu}/u.test(tokens[partner.first].text);
    if (commaPair(a, b) && b.first === b.last && (b === next || alone) && firms.has(pairKey(a, b))) {
      again.push(joined(a, b));
      if (b === next) k++;
    } else again.push(a);
  }
  return again;
}

/**
 * `Pennzoil Co <PZL>`, `Volkswagen AG (VOWG.F)`: a stock symbol in brackets right after a company's
 * name is that company, whatever the tagger took it for (wire copy writes one after most listed
 * companies; left alone, each symbol was an organisation of its own, `PZL` beside `Pennzoil Co`).
 */
function tickersToCompanies(text: string, mentions: Mention[]): void {
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  for (let k = 1; k < ordered.length; k++) {
    const m = ordered[k];
    const open = text[m.start - 1];
    if ((open !== '<' && open !== '(') || !STOCK_SYMBOL.test(m.text)) continue;
    // (The tokenizer keeps a symbol's exchange with it: `VOWG.F` of `(VOWG.F)` is one mention.)
    if (text[m.end] !== (open === '<' ? '>' : ')')) continue;
    const company = ordered[k - 1];
    // A country is none (`Barclays Bank (UK)`), nor a bracket inside a name (`Bache Securities (HK) Ltd`).
    const after = /^\s*(\S+)/.exec(text.slice(m.end + 1, m.end + 20))?.[1] ?? '';
    if (
      m.type === 'COUNTRY' ||
      isCorporateSuffix(after.replace(/[^\p{L}]+$/u, '')) ||
      company.type !== 'ORG' ||
      company.end > m.start - 1 ||
      // `Boeing Co's <BA>`: the company's too.
      !/^(?:['’]s?)?\s*$/.test(text.slice(company.end, m.start - 1))
    )
      continue;
    // Letters that spell the capitalised words before the bracket name those words: where they do
    // not begin the name the tagger found, that name is cut short (`Saudi Arabian Monetary Agency
    // (SAMA)` read as `Arabian Monetary Agency`) or runs two together (`World Bank and International
    // Monetary Fund (IMF)`), and the corpus, which reads the bracket whole, decides.
    const letters = m.text.replace(/\..*$/, '');
    const from = Math.max(0, company.start - 200);
    const capitalised = [...text.slice(from, m.start - 1).matchAll(/(?<!\S)\p{Lu}\S*/gu)].slice(-letters.length);
    const spelled = capitalised.map((w) => w[0][0]).join('');
    // (In angle brackets a symbol is all wire copy writes: `Alcan Aluminium Ltd <AL.N>` spells AL.)
    if (open === '(' && spelled === letters && from + (capitalised[0].index ?? 0) !== company.start) continue;
    // A capitalised word right before the name, inside its sentence, is likely part of it too
    // (`Industrial Bank of Japan <IBJT.T>` read as `Bank of Japan`): the symbol is not that name's.
    // (A capitalised word opening the sentence is not: `Yesterday Citicorp <CCI>`.)
    const before = text.slice(Math.max(0, company.start - 48), company.start);
    const previous = /(\S+)\s+$/.exec(before);
    if (previous && /^\p{Lu}\p{L}*$/u.test(previous[1]) && !/(?:^|[.!?]\s*)$/.test(before.slice(0, previous.index)))
      continue;
    m.type = 'ORG';
    m.entity = company.entity;
  }
}

/**
 * The form a name is best written in among the variants of it in a document: the most frequent,
 * preferring mixed case (`Korean Peninsula` over `KOREAN PENINSULA`) and more words; a name only
 * seen in capitals is title-cased.
 */
function bestForm(forms: Map<string, number>, titleCaseCaps: (s: string) => boolean = () => true): string {
  let best = '',
    bestScore = -1;
  for (const [form, n] of forms) {
    const words = form.split(/\s+/);
    const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    const score = (isAllCaps(form) ? 0 : 1000) + n * 8 + capitalised * 2 + words.length;
    if (score > bestScore || (score === bestScore && form < best)) {
      best = form;
      bestScore = score;
    }
  }
  return isAllCaps(best) && best.replace(/[^\p{L}]/gu, '').length > 4 && titleCaseCaps(best) ? titleCase(best) : best;
}

function canonical(type: EntityType, s: string, personOf: (key: string, parts: string[]) => string): string {
  switch (type) {
    case 'COUNTRY':
      return countryByName(s)?.name ?? s;
    case 'PERSON':
      return personOf(aliasKey(s), nameParts(s)) || s;
    default:
      return s;
  }
}
