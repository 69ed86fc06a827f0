import { LEGAL_FORMS } from '../../core/name-forms.js';
import { HOLIDAY_PATTERN, MONTH_NAMES, WEEKDAY_NAMES } from '../../core/names.js';

/*
 * Words that are never a name on their own: a corporate suffix or a generic organisation noun
 * (`Corp`, `Inc`, `Bank`), a month or weekday name or abbreviation, an initial (`L.`), a credit
 * rating (`AAA`, `Baa-1`), a
 * month glued to a digit (`MAY8`, a futures delivery month in a price table). A span made only of
 * such words (and connectives) is no entity, whatever the tagger said; a PERSON span that ends in a
 * corporate suffix is a company.
 */

/**
 * Suffixes of company names, lower-cased and without the final dot: the legal forms, and `Bros`,
 * which a name keeps (`Salomon Brothers` is not `Salomon`).
 */
export const CORPORATE_SUFFIXES: ReadonlySet<string> = new Set([...LEGAL_FORMS, 'oyj', 'srl', 'sarl', 'bros']);

/**
 * Nouns that name a kind of organisation, not one organisation, and adjectives of a level of
 * government: as a name's only content word they are a generic reference (`the Bank said`), never an
 * entity of their own.
 */
const GENERIC_ORG_WORDS = new Set([
  'bank',
  // French `Compagnie`, abbreviated (`Lazard Freres et Cie`): alone, no company in particular.
  'cie',
  'group',
  'holdings',
  'holding',
  'company',
  'companies',
  'limited',
  'industries',
  'international',
  'trust',
  'partners',
  'associates',
  'bancorp',
  'fund',
  'unit',
  // Adjectives of a level of government (`Federal funds`, `the Federal highway program`): capitalised
  // before a common noun, but alone never the name of one body.
  'federal',
  'national',
  'central',
  'regional',
  'provincial',
  'municipal',
]);

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
const WEEKDAYS = WEEKDAY_NAMES.map((d) => d.toLowerCase());

/** Month and weekday names and their abbreviations (`Feb`, `Sept`, `Tues`). */
const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS,
  ...WEEKDAYS,
  ...MONTHS.map((m) => m.slice(0, 3)),
  'sept',
  ...WEEKDAYS.map((d) => d.slice(0, 3)),
  'tues',
  'thur',
  'thurs',
  'weds',
]);

/**
 * The wire's own month abbreviations in shipping and commodity tables (`eta Apl 14`, `Jly/Aug`), as
 * written: in capitals `APL` is a company (`APL Corp said`).
 */
const WIRE_MONTHS: ReadonlySet<string> = new Set(['Apl', 'Mch', 'Jly', 'Jne']);

/** Words that join the parts of a name and are no content of their own. */
const CONNECTIVES = new Set(['&', 'and', 'of', 'the', 'de', 'et', '-', '.', ',', "'s", '’s']);

/** Particles of people's names written in lower case between their words (`Osama bin Laden`, `Jose da Silva`). */
const PERSON_PARTICLES: ReadonlySet<string> = new Set(
  'bin ibn ben de da di do dos das del della der den du van von la le el al ter ten zu'.split(' '),
);

/** Lower-case words that do occur inside names (`Bank of England`, `Leonardo da Vinci`, `Hamad bin Jassim`). */
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  ...PERSON_PARTICLES,
  ...'of and the for on in at to des y e und et upon an st a by with from v vs wa dei degli delle les las los op aan af av och'.split(
    ' ',
  ),
  "'t",
]);

/** Whether a lower-case word is a particle of a person's name (not `of`, `and`, `the`: those join institutions'). */
export function isPersonParticle(lower: string): boolean {
  return PERSON_PARTICLES.has(lower);
}

export function isNameParticle(lower: string): boolean {
  return NAME_PARTICLES.has(lower);
}

/** Lower-cased, without a final dot. */
const bare = (w: string) => {
  const l = w.toLowerCase();
  return l.charCodeAt(l.length - 1) === 46 ? l.slice(0, -1) : l;
};

export function isCorporateSuffix(w: string): boolean {
  // Every suffix is 2–12 letters and an optional dot: most words are ruled out before lower-casing.
  return w.length <= 13 && CORPORATE_SUFFIXES.has(bare(w));
}

/**
 * One word ending in a corporate suffix written as part of it (`Citicorp`, `MCorp`, `PacifiCorp`,
 * `Bancorp`): a company's name, which a tagger trained on words it has seen may read as a place.
 */
export function isGluedCorporateName(w: string): boolean {
  return w.length >= 5 && /^\p{Lu}[\p{L}&-]*(?:corp|Corp|CORP)$/u.test(w);
}

/** A month or weekday name or abbreviation, alone, glued to digits (`MAY8`, `Jan87`) or in a range (`Jan-Dec`). */
export function isCalendarWord(w: string): boolean {
  if (w.length > 13) return false;
  const b = bare(w);
  if (CALENDAR_WORDS.has(b) || WIRE_MONTHS.has(w.replace(/\.$/, ''))) return true;
  // `Jan-Dec`, `Mon-Fri`: a range of months or days.
  if (b.includes('-') && b.split('-').every((part) => CALENDAR_WORDS.has(part))) return true;
  const last = b.charCodeAt(b.length - 1);
  if (last < 48 || last > 57) return false;
  const m = /^(\p{L}+)\d{1,4}$/u.exec(b);
  return m !== null && CALENDAR_WORDS.has(m[1]);
}

/**
 * A weekday, or a month's abbreviation (`Thu`, `Friday`, `Apl`): never the last word of a person's
 * name (`Cooler Thu` of a weather table). Not a month's full name (`April` and `June` are given
 * names), nor `Sun` or `Mon`, names of their own (`Loh Hoon Sun`).
 */
export function endsNoName(w: string): boolean {
  const b = bare(w);
  return isCalendarWord(w) && !MONTHS.includes(b) && b !== 'sun' && b !== 'mon';
}

/** A single letter or an initial: `L.`, `A`, `J.`. */
export function isInitial(w: string): boolean {
  return /^\p{L}\.?$/u.test(w);
}

/** Letters and digits in one token (`May8`, `3M`, `F-16`). */
export function mixesDigits(w: string): boolean {
  return /\p{L}/u.test(w) && /\d/.test(w);
}

/**
 * A credit rating (`AAA`, `BBB-plus`, `AA-minus`, `Baa-1`, `Aa3`): Standard and Poor's and Moody's
 * grades, written like acronyms. A bare `AA` or `Aa` is left alone (an airline, a fellowship).
 */
export function isCreditRating(w: string): boolean {
  return (
    /^(?:AAA|BBB|BB|CCC|CC|Aaa|Baa|Caa)(?:[-+]|-plus|-minus|-?[123])?$/.test(w) ||
    /^(?:AA|A|B|C|Aa|Ba|Ca)(?:[+]|-plus|-minus|-?[123])$/.test(w)
  );
}

/**
 * Acronyms of common nouns (`a CD`, `the MVP`, `his PhD`, `a local MPP`), written with or without
 * dots: things, roles and degrees, never the name of one person, place or organisation.
 */
const COMMON_ACRONYMS = new Set(
  (
    'cd cds dvd dvds ep eps lp lps dj djs mvp vip vips phd dna rna suv suvs ceo cfo coo mp mps mpp mpps mla mlas ' +
    'gdp gnp hiv ufo ufos atm atms era rpm bmx hq iq gps sms cctv'
  ).split(' '),
);

/** An acronym of a common noun (COMMON_ACRONYMS): in capitals but for a plural `s` or `PhD`'s `h`, dots ignored. */
export function isCommonAcronym(w: string): boolean {
  if (w.length > 8 || !(/^(?:\p{Lu}\.?){2,}s?$/u.test(w) || /^Ph\.?D\.?$/.test(w))) return false;
  return COMMON_ACRONYMS.has(w.replace(/\./g, '').toLowerCase());
}

/** Legal forms written as dotted initials (`Petroleos de Venezuela, S.A.`, `Norstar Bank of the Hudson Valley, N.A.`). */
const DOTTED_LEGAL_FORMS = new Set(['sa', 'na', 'nv', 'bv', 'ag', 'kk', 'ab', 'spa']);

/** A word that does not make a name by itself. */
function isEmptyWord(w: string): boolean {
  const b = bare(w);
  return (
    CONNECTIVES.has(b) ||
    CORPORATE_SUFFIXES.has(b) ||
    (/^(?:\p{L}\.){2,3}$/u.test(w) && DOTTED_LEGAL_FORMS.has(w.replace(/\./g, '').toLowerCase())) ||
    GENERIC_ORG_WORDS.has(b) ||
    isCalendarWord(w) ||
    isInitial(w) ||
    isCreditRating(w) ||
    isCommonAcronym(w) ||
    !/[\p{L}\p{N}]/u.test(w)
  );
}

/**
 * Names of religions, faiths and their followers, and of languages that no country's demonym already
 * covers: MISC things, never a person, a place or an organisation alone (`Judaism`, `Hindu`,
 * `Latin`), nor together (`Hindu Brahmins`). An `-ism` is a belief or a movement (`Protestantism`,
 * `National Socialism`).
 */
const BELIEF_AND_LANGUAGE_WORDS = new Set([
  'christianity',
  'christendom',
  'islam',
  'christian',
  'christians',
  'muslim',
  'muslims',
  'moslem',
  'moslems',
  'islamic',
  'jew',
  'jews',
  'jewish',
  'jewry',
  'hindu',
  'hindus',
  'buddhist',
  'buddhists',
  'sikh',
  'sikhs',
  'jain',
  'jains',
  'catholic',
  'catholics',
  'protestant',
  'protestants',
  'anglican',
  'anglicans',
  'lutheran',
  'lutherans',
  'methodist',
  'methodists',
  'baptist',
  'baptists',
  'presbyterian',
  'presbyterians',
  'calvinist',
  'calvinists',
  'evangelical',
  'evangelicals',
  'mormon',
  'mormons',
  'pagan',
  'pagans',
  'shiite',
  'shiites',
  "shi'ite",
  "shi'ites",
  'sunni',
  'sunnis',
  'brahmin',
  'brahmins',
  'latin',
  'hebrew',
  'arabic',
  'sanskrit',
  'aramaic',
  'yiddish',
  'esperanto',
  'swahili',
  'hindi',
  'urdu',
  'bengali',
  'punjabi',
  'tamil',
  'telugu',
  'cantonese',
  'gaelic',
  'catalan',
  'tagalog',
]);

/** A religion, a faith's follower, a language (BELIEF_AND_LANGUAGE_WORDS) or an `-ism`. */
export function isBeliefOrLanguage(w: string): boolean {
  return BELIEF_AND_LANGUAGE_WORDS.has(w.toLowerCase()) || /^\p{Lu}\p{Ll}{2,}ism$/u.test(w);
}

/** Initials only, dotted (`H.K.`, `J.R.`): an abbreviation, not yet a name. */
export function isDottedInitials(w: string): boolean {
  return /^(?:\p{L}\.){2,}$/u.test(w);
}

const HOLIDAY_NAME = new RegExp(`^${HOLIDAY_PATTERN}$`, 'i');

/** Whether words are a holiday's name alone (`Easter`, `Christmas Eve`, `New Year's`): a date, never a name. */
function isHolidayName(words: readonly string[]): boolean {
  // The tokenizer writes a possessive apart (`New Year 's`); the pattern has it glued, with `'`.
  return HOLIDAY_NAME.test(words.join(' ').replace(/\s*['’]s(?=\s|$)/g, "'s"));
}

/** Adverbs that open a sentence and tie it to the one before (`However`, `Moreover`): no name's word alone. */
const SENTENCE_ADVERBS: ReadonlySet<string> = new Set(
  (
    'however moreover furthermore meanwhile nevertheless nonetheless unfortunately fortunately lastly finally ' +
    'additionally consequently similarly likewise accordingly thus hence besides instead indeed otherwise therefore ' +
    'conversely alternatively subsequently previously currently initially ultimately separately elsewhere notably'
  ).split(' '),
);

/** Pronouns and demonstratives as written in running text (`IT`, `US` in capitals may be names). */
const PRONOUN_WORD =
  /^(?:[Ii]t|[Ii]ts|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Yy]ou|[Hh]im|[Hh]er|[Hh]is|[Tt]hem|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Tt]here)$/;

/**
 * True when the words of a span cannot be an entity of `type`: no content word at all, a holiday's
 * name, a belief or a language, or a person whose name has digits in it or is initials only (`H.K.
 * Dlrs` is Hong Kong dollars: a person is named by a name, `J.R. Simplot`, not by initials alone).
 */
export function neverEntity(words: readonly string[], type: string): boolean {
  if (words.every(isEmptyWord)) return true;
  // `It was one of the four Swedish banks …`: a pronoun opening a sentence stands for a name; it is none.
  if (words.length === 1 && PRONOUN_WORD.test(words[0])) return true;
  // `Furthermore, the paper said …`: a sentence's opening adverb is always capitalised, so the
  // lexicon takes it for a name (Reuters had an organisation `Furthermore` of 15 mentions).
  if (words.length === 1 && SENTENCE_ADVERBS.has(words[0].toLowerCase())) return true;
  // `on so-called expiration Fridays`: weekdays in the plural are days, no one's name.
  if (
    words.length === 1 &&
    /^\p{Lu}\p{Ll}+days$/u.test(words[0]) &&
    WEEKDAYS.includes(words[0].slice(0, -1).toLowerCase())
  )
    return true;
  // `Easter`, `Christmas Eve`: a holiday is a date (the date recognizer reads it), not a place or a person.
  if (isHolidayName(words)) return true;
  // `Judaism`, `Hindu Brahmins`, `Latin`: a faith, its followers, a language, an `-ism`; two words
  // ending in an `-ism` are one belief (`National Socialism`). `Islamic Group` is an organisation,
  // and an institution may be named for an `-ism` (`Ministry of Tourism`).
  const last = words[words.length - 1];
  if (
    isBeliefOrLanguage(last) &&
    ((words.length <= 2 && /ism$/.test(last)) || words.every((w) => isBeliefOrLanguage(w) || CONNECTIVES.has(bare(w))))
  )
    return true;
  if (isFigureName(words, type)) return true;
  return type === 'PERSON' && (words.some(mixesDigits) || words.every(isDottedInitials));
}

/**
 * A figure's name, not an entity's (CoNLL calls them MISC), though named after a body or a place: a
 * security (`Treasuries`, `Class A`), a rate or a market index (`London Interbank Offered Rate`, `Dow Jones Industrial Average`, `Libor`),
 * an amount of money (`N.Z. Dlrs`, `European Currency Units`) or a government's borrowing (`Public
 * Sector Borrowing Requirement`).
 */
export function isFigureName(words: readonly string[], type: string): boolean {
  const last = words[words.length - 1];
  // A kind of security: `over Treasuries`, `Class A and Class B common shares`.
  if (SECURITY.test(words[0]) && (words.length === 1 || (words.length === 2 && /^[A-Z]$/.test(last)))) return true;
  if (words.length >= 2) {
    const unit = /^Units?$/.test(last) && words[words.length - 2] === 'Currency';
    return FIGURE_HEAD.test(last) || MONEY_HEAD.test(last) || unit;
  }
  // `Libor`, `SIBOR`, `Pibor`: an interbank rate by its acronym (`Tibor` may be a man's name).
  return INTERBANK_RATE.test(last) && (type !== 'PERSON' || last === last.toUpperCase());
}

/** Securities named like bodies: government bonds (`Treasuries`, `Gilts`), a class of shares. */
const SECURITY = /^(?:Treasuries|Gilts|Class)$/;
/** An interbank offered or bid rate's acronym: a letter for its city, then IBOR or IBID (not `Maribor`). */
const INTERBANK_RATE = /^(?:[a-z]|eur)ib(?:or|id)$/i;
/** The last word of an amount of money or of borrowing (`Marks`, `Pounds` and `Yen` are also names). */
const MONEY_HEAD = /^(?:Dlrs|Dollars|Francs|Requirement)$/;
/** The last word of a rate's or an index's name. */
const FIGURE_HEAD = /^(?:Rates?|Index|Indices|Indexes|Averages?)$/;
