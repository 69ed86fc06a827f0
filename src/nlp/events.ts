import {
  isEntityType,
  type EventRecord,
  type IsoDate,
  type Mention,
  type Sentence,
  type Token,
} from '../core/types.js';
import { daysConflict, parseDateValue, specificity } from '../core/timex.js';
import { sentenceIndexAt } from './dates/context.js';
import { relativeAsideAt } from './asides.js';
import {
  EVENT_NOUN_FORMS,
  EVENT_NOUN_TABLE,
  eventNoun,
  MARKET_NAME,
  MARKET_NOUN,
  type EventNoun,
} from './event-nouns.js';
import { daysBetween } from '../core/days.js';
import { countryByDemonym, countryByName } from './gazetteer.js';
import { participlePhraseBefore } from './participles.js';
import { placedWith } from './place-dates.js';

/**
 * Events: noun phrases headed by an event noun (`second summit`, `pre-summit talks`), each given the
 * date, place and participants its sentence ties to it, then merged within the document when they
 * name one happening (`second summit` … `the summit`), and named after place or participants
 * (`Hanoi summit`, `Trump–Abe talks`). Everything is read off the mentions earlier steps found; the
 * rules are positional (which DATE follows which phrase, which place an `in`/`at` introduces), so the
 * scan stays cheap.
 */

// ---- the lexicon ----

/** Head noun (lowercase, as written) → lemma, from the one event-noun table. Two-word heads are matched first. */
const HEADS: ReadonlyMap<string, string> = new Map(
  [...EVENT_NOUN_FORMS].filter(([, noun]) => noun.headsEvents).map(([form, noun]) => [form, noun.lemma]),
);

const HEAD_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(?:${[...HEADS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((h) => h.replace(' ', String.raw`\s+`))
    .join('|')})(?![\p{L}\p{N}])`,
  'giu',
);

const lemmasWhere = (test: (n: EventNoun) => boolean) => new Set(EVENT_NOUN_TABLE.filter(test).map((n) => n.lemma));
/** Lemmas a text refers back to with another head: `planned talks` … `the meeting` … `his discussion`. */
const GROUP: Record<string, string> = Object.fromEntries(
  EVENT_NOUN_TABLE.filter((n) => n.group).map((n) => [n.lemma, n.group!]),
);
/** Heads that stand for whatever event the text was just talking about. */
const GENERIC_LEMMAS = lemmasWhere((n) => n.generic);
/** Events known by where they happen (`Hanoi summit`); others by who takes part (`Trump–Abe talks`). */
const PLACE_NAMED = lemmasWhere((n) => n.takes === 'place');
const TRAVEL = lemmasWhere((n) => n.travel);
/** Acts of violence and disasters: stories go on telling what came of them (see isReferredTo). */
const AFTERMATH_LEMMAS = lemmasWhere((n) => n.group === 'violence' || n.group === 'disaster');
/** Heads that are also verbs or gerunds (`to visit`, `will be meeting`, `meeting the needs`). */
const VERB_LIKE = lemmasWhere((n) => n.verbLike);
/** Heads too vague alone (`DNA tests`, `military exercises` are fine; `tests showed` is not). */
const NEEDS_MODIFIER = lemmasWhere((n) => n.needsModifier);

const VERB_CONTEXT_BEFORE = new Set([
  'to',
  'will',
  'would',
  "'ll",
  'can',
  'could',
  'may',
  'might',
  'must',
  'should',
  'shall',
  'did',
  'does',
  'do',
  'not',
  'never',
  "n't",
  'be',
  'is',
  'are',
  'was',
  'were',
  'been',
  'being',
  'am',
  "'re",
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'who',
  'after',
  'before',
  'besides',
  'while',
  'when',
  'without',
  'by',
]);

/** Modifiers kept in the event phrase (`pre-summit talks`, `joint news conference`, `working group meetings`). */
const MODIFIERS = new Set([
  'upcoming',
  'planned',
  'proposed',
  'scheduled',
  'previous',
  'secret',
  'joint',
  'official',
  'formal',
  'informal',
  'bilateral',
  'trilateral',
  'multilateral',
  'international',
  'regional',
  'annual',
  'emergency',
  'special',
  'state',
  'nuclear',
  'missile',
  'weapons',
  'rocket',
  'atomic',
  'ballistic',
  'peace',
  'trade',
  'denuclearization',
  'disarmament',
  'groundbreaking',
  'inaugural',
  'opening',
  'closing',
  'working',
  'group',
  'ministerial',
  'presidential',
  'parliamentary',
  'general',
  'local',
  'snap',
  'preliminary',
  'news',
  'press',
  'security',
  'military',
  'naval',
  'leadership',
  'cabinet',
  'party',
  'summit',
  'council',
  'committee',
  'budget',
  'terrorist',
  'suicide',
  'bomb',
  'air',
  'railway',
  'signing',
  'memorial',
  'wedding',
  'election',
  'runoff',
  'primary',
  'congressional',
  'legislative',
  'municipal',
  'federal',
  'national',
  'donor',
  'ministers',
  'foreign',
  'defense',
  'economic',
  'financial',
  'climate',
  'energy',
  'border',
  'diplomatic',
  'strategic',
  'nuclear-test',
  'dna',
  'first-ever',
  'surprise',
  'historic',
  'unprecedented',
  'high',
  'top',
]);
const ORDINAL_WORDS = new Set([
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'last',
  'final',
  'next',
]);
/** Dropped when the phrase becomes a name (`second summit` → `Hanoi summit`). */
const NAME_STOP_MODIFIERS = new Set([
  'upcoming',
  'planned',
  'proposed',
  'scheduled',
  'previous',
  'international',
  'joint',
  'official',
  'formal',
  'informal',
  'historic',
  'unprecedented',
  'surprise',
  'first-ever',
]);

const SPEECH_VERBS = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'announced',
  'announces',
  'reported',
  'reports',
  'added',
  'adds',
  'tweeted',
  'stated',
  'noted',
  'confirmed',
  'warned',
  'declared',
  'wrote',
  'explained',
  'insisted',
]);

// ---- phrases ----

interface Phrase {
  start: number;
  end: number;
  lemma: string;
  /** Lowercase modifiers kept in the phrase, in order. */
  modifiers: string[];
  ordinal: string | null;
  /** `the`, `this`, `his` … before the phrase: it points back at an event already named. */
  anaphoric: boolean;
  /**
   * The bare head before another noun (`officials from summit countries`, `most summit
   * participants`): it names no event of its own, it points at the one the story tells of.
   */
  adjunct?: boolean;
  sentence: number;
  /** The market a market's fall names after it (`on Wall Street`, `of the tin market`), when not before it. */
  market?: string;
}

interface Entity {
  type: string;
  start: number;
  end: number;
  name: string;
}

const WORD_LEFT = /([\p{L}\p{N}][\p{L}\p{N}.'’-]*)(\s+|-)$/u;
/** Words before a noun that make it a phrase of its own (`a summit`, `its summit`, `one vote`). */
const DETERMINERS =
  /^(?:a|an|the|this|that|these|those|his|her|their|its|our|my|your|any|each|every|another|no|one|two|three|four|five|six|seven|eight|nine|ten)$/;
/**
 * The noun a bare head modifies (`summit countries`, `summit participants`, `summit agenda`): a
 * plural, or a noun that belongs to a gathering. Not an adverb or a verb (`a board meeting later`,
 * `an October 16 meeting decided`).
 */
const MODIFIED_NOUN = /^(?:\p{Ll}+[^s\W]s|agenda|communique|declaration|statement|host|venue|site)$/u;
/** Words only a match report uses: in their sentence an `attack` or a `shot` is play. */
const SPORT_PLAY =
  /\b(?:goalless|goalkeeper|striker|strikers|midfield|midfielder|midfielders|wickets?|innings|half-time|halftime|qualifier|free kick|penalty kick|penalty area|scored)\b/i;

/**
 * Nouns an event noun before them only describes: a place where such things are done (`shooting
 * range`, `meeting room`, `conference centre`) or a telephone call (`a conference call`).
 */
const PLACE_OR_CALL_AFTER =
  /^(?:ranges?|galler(?:y|ies)|rooms?|halls?|centres?|centers?|facilit(?:y|ies)|grounds?|arenas?|stadiums?|places?|calls?)$/;
const NOT_PLURAL = /^(?:this|thus|perhaps|always|towards|besides|afterwards|whereas|has|was|does|its|his)$/;

function findPhrases(text: string, sentences: Sentence[], entities: Entity[]): Phrase[] {
  const phrases: Phrase[] = [];
  HEAD_RE.lastIndex = 0;
  for (const m of text.matchAll(HEAD_RE)) {
    const headText = m[0].toLowerCase().replace(/\s+/g, ' ');
    const lemma = HEADS.get(headText);
    if (!lemma) continue;
    const headStart = m.index!;
    const headEnd = headStart + m[0].length;
    // A capitalized head inside a name (`Conference on Disarmament`, `Summit Avenue`) is the name's.
    const near = sliceByStart(entities, Math.max(0, headStart - 200), headEnd);
    if (near.some((e) => e.start < headEnd && headStart < e.end)) continue;
    if (/^\p{Lu}/u.test(m[0]) && !isSentenceStart(text, headStart)) continue;
    const sentence = sentenceIndexAt(sentences, headStart);
    const sentenceStart = sentences[sentence]?.start ?? 0;
    if (MARKET_MOVES.has(lemma)) {
      const sentenceEnd = sentences[sentence]?.end ?? text.length;
      const move = marketMove(text, headStart, headEnd, sentenceStart, sentenceEnd, near);
      if (move) phrases.push({ ...move, end: headEnd, lemma, ordinal: null, anaphoric: false, sentence });
      continue;
    }

    // Extend left over modifiers.
    let start = headStart;
    const modifiers: string[] = [];
    let ordinal: string | null = null;
    for (let guard = 0; guard < 6; guard++) {
      const left = WORD_LEFT.exec(text.slice(Math.max(sentenceStart, start - 40), start));
      if (!left) break;
      const word = left[1];
      const wordStart = start - left[0].length;
      if (wordStart < sentenceStart) break;
      const entity = near.find(
        (e) =>
          e.end === wordStart + word.length &&
          (e.type === 'COUNTRY' || e.type === 'PLACE' || e.type === 'ORG') &&
          e.start >= sentenceStart,
      );
      const lower = word.toLowerCase();
      if (entity && !/['’]s$/.test(word)) {
        start = entity.start;
        modifiers.unshift(text.slice(entity.start, entity.end));
        continue;
      }
      if (/['’]s$/.test(word) || /^\p{Lu}/u.test(word) || /\.$/.test(word)) break;
      if (ORDINAL_WORDS.has(lower) || /^\d+(?:st|nd|rd|th)$/.test(lower)) {
        if (lower === 'last' || lower === 'next') break;
        start = wordStart;
        ordinal = lower;
        modifiers.unshift(lower);
        break;
      }
      if (MODIFIERS.has(lower) || /^[a-z]+(?:-[a-z]+)+$/.test(lower)) {
        start = wordStart;
        modifiers.unshift(lower);
        continue;
      }
      break;
    }

    const before =
      /([\p{L}'’]+)[^\p{L}\n]*$/u.exec(text.slice(Math.max(sentenceStart, start - 30), start))?.[1].toLowerCase() ?? '';
    const after = /^\s*([\p{L}'’]+)/u.exec(text.slice(headEnd, headEnd + 30))?.[1] ?? '';
    // The word right before, nothing between: `a May 10 accord` is no `may accord`.
    const justBefore = /([\p{L}'’]+)\s+$/u.exec(text.slice(Math.max(sentenceStart, start - 30), start))?.[1] ?? '';
    if (VERB_LIKE.has(lemma) && modifiers.length === 0 && isVerbUse(headText, justBefore.toLowerCase(), after))
      continue;
    // `halted all car purchases in protest against high taxes`: why they did it, no protest held.
    if (lemma === 'protest' && modifiers.length === 0 && /^in$/i.test(justBefore)) continue;
    // `would hold no working meetings on Tuesday`, `no agreement was reached`: said not to happen.
    if (before === 'no') continue;
    // `a post-general election cut`: a time after (or before) the happening, not the happening. (Not
    // a happening of its own kind before the prefix: `post-summit talks` are talks, `post-war
    // elections` elections.)
    const prefixed = modifiers.map((w) => /^(?:post|pre)-(.+)$/.exec(w)?.[1]);
    if (prefixed.some((w) => w !== undefined && MODIFIERS.has(w) && !EVENT_NOUN_FORMS.has(w))) continue;
    if (NEEDS_MODIFIER.has(lemma) && modifiers.length === 0) continue;
    // `a shooting range`, `the conference room`, `a conference call`: no happening.
    if (PLACE_OR_CALL_AFTER.test(after)) continue;
    const sentenceText = () => text.slice(sentenceStart, sentences[sentence]?.end ?? text.length);
    if (MARKET_SENSE.has(lemma) && isMarketMove(sentenceText())) continue;
    // `a securities repurchase pact`, `as an outgoing 14.9 billion pact expired` in a story of the
    // money market: an instrument, not a happening.
    if (INSTRUMENT_SENSE.has(lemma) && MONEY_MARKET.test(sentenceText())) continue;
    // `scored the biggest coup of the U.S. firms`: a success, not an overthrow.
    if (lemma === 'coup' && FIGURATIVE_COUP.test(text.slice(Math.max(sentenceStart, start - 40), start))) continue;
    // `has come under increasing attack`: criticism, not an assault.
    if (lemma === 'attack' && /\bunder\s+(?:[a-z]+\s+)?$/i.test(text.slice(Math.max(sentenceStart, start - 30), start)))
      continue;
    // `dominated their World Cup qualifier with wave after wave of attacks … a goalless draw`: play,
    // not violence, in a sentence of a match.
    if (GROUP[lemma] === 'violence' && SPORT_PLAY.test(sentenceText())) continue;
    const anaphoric =
      /^(?:the|this|that|these|those|his|her|their|its|our)$/.test(before) &&
      modifiers.every((w) => ordinal === w || NAME_STOP_MODIFIERS.has(w) || /^\p{Lu}/u.test(w));
    const adjunct =
      modifiers.length === 0 &&
      /^\p{Ll}+$/u.test(justBefore) &&
      !DETERMINERS.test(justBefore) &&
      headText === lemma &&
      MODIFIED_NOUN.test(after) &&
      !NOT_PLURAL.test(after);
    phrases.push({ start, end: headEnd, lemma, modifiers, ordinal, anaphoric, adjunct, sentence });
  }
  return phrases;
}

/** Heads that are a market's moves (`crash`, `collapse`, `drop`): see marketMove. */
const MARKET_MOVES = lemmasWhere((n) => n.marketMove);
/** Words that make a market's fall news of its own, not the day's move. */
const RECORD_WORDS = new Set([
  'record',
  'record-breaking',
  'biggest',
  'worst',
  'largest',
  'sharpest',
  'steepest',
  'heaviest',
  'unprecedented',
  'historic',
]);
/** Other words a market move's phrase runs over (`the global share price crash`, `a massive one-day plunge`, `a record selling spree`). */
const MOVE_WORDS = new Set([
  'global',
  'international',
  'world',
  'worldwide',
  'massive',
  'dramatic',
  'precipitous',
  'panic',
  'selling',
]);
/** Heads that say the fall was out of the ordinary whatever the words around them. */
const CRASH_FORMS = new Set(['crash', 'crashes', 'collapse']);
/** A market after the head (`drop on Wall Street`, `collapse in stock prices`, `fall of world stock markets`). */
const MARKET_AFTER =
  /^\s+(?:in|on|of|across)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:Wall Street|stock|share|equity|bourse|market|stocks|shares|prices|markets)(?:\s+(?:markets?|prices|exchanges?|values|index))*\b/iu;

/**
 * A market's fall as a happening: `Monday's stock market crash`, `the record drop on Wall Street`,
 * `Monday's record-breaking market drop`. The phrase runs left over market words, record words and a
 * market's name; it is an event only when a market names it (in the phrase, as its owner —
 * `Wall Street's biggest drop` — or right after it) and it is a crash or collapse or a record. A
 * plural right before the head is a verb's subject (`stock prices plunge`), and an ordinary move
 * (`the fall in share prices`) is the day's market report, which makes no event.
 */
function marketMove(
  text: string,
  headStart: number,
  headEnd: number,
  sentenceStart: number,
  sentenceEnd: number,
  near: Entity[],
): { start: number; modifiers: string[]; market?: string } | null {
  let start = headStart;
  const modifiers: string[] = [];
  let market = false;
  for (let guard = 0; guard < 6; guard++) {
    const left = WORD_LEFT.exec(text.slice(Math.max(sentenceStart, start - 40), start));
    if (!left) break;
    const word = left[1];
    const wordStart = start - left[0].length;
    if (wordStart < sentenceStart) break;
    const entity = near.find((e) => e.end === wordStart + word.length && e.start >= sentenceStart);
    if (entity && MARKET_NAME.test(entity.name)) {
      // `Wall Street's biggest drop`: the owner names the market and ends the phrase.
      market = true;
      if (/['’]s$/.test(text.slice(entity.start, entity.end + 2))) break;
      start = entity.start;
      modifiers.unshift(text.slice(entity.start, entity.end));
      continue;
    }
    const lower = word.toLowerCase();
    if (/['’]s$/.test(word)) {
      if (MARKET_NOUN.test(lower.replace(/['’]s$/, ''))) market = true;
      break;
    }
    const isMarket = MARKET_NOUN.test(lower);
    if (!isMarket && !RECORD_WORDS.has(lower) && !MOVE_WORDS.has(lower) && !/^\p{Ll}+-\p{Ll}+$/u.test(lower)) break;
    // `stock prices plunge`: a plural right before the head is its subject, and the head a verb.
    if (isMarket && start === headStart && /s$/.test(lower) && !/^(?:securities|stockmarkets)$/.test(lower))
      return null;
    if (isMarket) market = true;
    start = wordStart;
    modifiers.unshift(lower);
  }
  const after = market ? null : MARKET_AFTER.exec(text.slice(headEnd, Math.min(sentenceEnd, headEnd + 60)));
  const record =
    CRASH_FORMS.has(text.slice(headStart, headEnd).toLowerCase()) || modifiers.some((w) => RECORD_WORDS.has(w));
  if (!record || (!market && !after)) return null;
  return after ? { start, modifiers, market: after[0].trim().replace(/\s+/g, ' ') } : { start, modifiers };
}

/**
 * Event nouns that are also a market's moves (`the rally in soybean prices`, `a two-day rally in
 * Dutch bonds`, `the rally was short-lived and Stork ended just 0.20 up at 51.00 guilders`) or a
 * game's (`the rally made a winner out of reliever Willie Blair`, `a 64-stroke rally`).
 */
const MARKET_SENSE = new Set(['rally']);
const MARKET_WORDS =
  /\b(?:prices?|futures|stocks?|shares|bonds?|T-bonds|dollar|yen|markets?|index|contracts?|points|trading|traders|dealers|analysts?|chartists|short[- ]covering|bullish|bearish|volume|correction|metals?|commodit\w+|complex|demand|supply|guilders|marks|francs|pence|cents|dlrs|lire|crowns|[\d.,]+\s+(?:up|down)|innings?|runs|reliever|pitcher|homers?|batters?|strokes?|volleys?|tie-?breaks?)\b/i;
const GATHERING_WORDS =
  /\b(?:protest\w*|demonstrat\w*|supporters|march\w*|crowds?|police|held|attended|addressed|speech)\b/i;

/** Accords that are also a central bank's money-market instruments (`securities repurchase pacts`). */
const INSTRUMENT_SENSE = new Set(['pact', 'agreement', 'accord']);
const MONEY_MARKET = /\b(?:repurchase|repos?|buy-?backs?|liquidity|allot\w*)\b/i;

/** A coup one scores, pulls off or lands (`scored the biggest coup`) is a success. */
const FIGURATIVE_COUP = /\b(?:scor\w*|pull\w*(?: off)?|land\w*|achiev\w*|marketing|publicity)\s+(?:\S+\s+){0,3}$/i;

/** A sentence telling of a market's move rather than of people gathering. */
function isMarketMove(sentence: string): boolean {
  return MARKET_WORDS.test(sentence) && !GATHERING_WORDS.test(sentence);
}

function isSentenceStart(text: string, pos: number): boolean {
  return /(?:^|[.!?]["'”’]?\s+|\n\s*)["“'‘]?$/.test(text.slice(Math.max(0, pos - 4), pos));
}

function isVerbUse(head: string, before: string, after: string): boolean {
  if (before === 'and' || before === 'also') {
    // `and visit Seoul`, but `talks and meetings` is fine: only an object right after makes it a verb.
    return (/^(?:the|a|an|his|her|their|its)$/i.test(after) || /^\p{Lu}/u.test(after)) && head !== 'talks';
  }
  if (VERB_CONTEXT_BEFORE.has(before)) return true;
  // `shooting up 4.57 points to a new high`: a verb's -ing moving something, no happening.
  if (/ing$/i.test(head) && /^(?:up|upwards?|higher|ahead)$/i.test(after)) return true;
  // `meeting the needs`, `meeting Kim`: a gerund with its object.
  if (
    head === 'meeting' &&
    (/^(?:the|a|an|his|her|their|its|him|them|us|me)$/i.test(after) || /^\p{Lu}/u.test(after))
  ) {
    return !/^(?:with|of|on|in|at|between)$/i.test(after);
  }
  return false;
}

// ---- what a sentence ties to a phrase ----

interface Evidence {
  phrase: Phrase;
  /** Participants the phrase names itself (`talks with X`, `summit between X and Y`). */
  explicit: boolean;
  persons: string[];
  countries: string[];
  /** Countries the sentence makes actors (subject, `between`, inside the phrase), not merely mentions after it. */
  countriesAreActors: boolean;
  /** Countries the phrase's own words name (`the U.S. strike`): its parties, however the sentence reads. */
  inside: string[];
  place: Entity | null;
  date: string | null;
}

const PLACE_INTRO =
  /(?:^|\s)(in|at|to|near|outside)\s+(?:the\s+)?(?:(?:city|town|village|port|province|region|island)\s+of\s+)?$/i;
/**
 * `in a Buffalo suburb`, `near the Nairobi area`: a place named as the modifier of an area around or
 * in it (PLACE_INTRO's words, an article, the place, AREA_AFTER's noun) is where, as after `in`.
 */
const AREA_INTRO = /(?:^|\s)(in|at|near|outside)\s+(?:a|an|the)\s+$/i;
const AREA_AFTER = /^\s+(?:suburbs?|outskirts|area|district|neighbou?rhood|region|countryside)\b/i;
/**
 * What lies between an attack's or a disaster's noun and the place it struck: a few words of no
 * clause (`measuring 5.0 on the Richter scale`), its verb, and what of the place (`northern`).
 */
const STRUCK =
  /^(?:[^.;:,"“”]|\d[.,]\d){0,60}?\b(?:shook|shakes|shake|jolted|jolts|rocked|rocks|hit|hits|struck|strikes|devastated|devastates|ravaged|ravages|battered|batters|ripped\s+through|rips\s+through|tore\s+through|tears\s+through)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|upper|lower|coastal)\s+)?$/i;
/** A country's missions abroad, named after it (`the U.S. embassy`). */
const MISSION = /^\s+(?:embass(?:y|ies)|consulates?|missions?|legations?|high commission)\b/i;
/** A dash between spaces: a hyphen, an en or em dash, two hyphens, or AP's underscore (`made last week _ featuring`). */
const SPACED_DASH = /\s(?:[-–—]{1,2}|_)\s/;
const CLAUSE_BREAK = new RegExp(
  String.raw`,\s+(?:as|while|but|and|which|who|where|when|after|because|although|though|whereas)\b|\s+but\s+|;|${SPACED_DASH.source}|(?<![A-Z])\.\s`,
  'g',
);
/** A clause break that opens a relative clause (`, who`, `, which`): CLAUSE_BREAK's end. */
const RELATIVE_CLAUSE_END = /,\s+(which|who)$/;
/**
 * Between an event and a `, which` that is said of it: nothing, or the names it is of, to or in
 * (`the talks, which`; `Thatcher's official visit to the Soviet Union, which`).
 */
const SAID_OF_EVENT =
  /^(?:\s+(?:of|to|in|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,5}\p{Lu}[\p{L}.'’-]*)?\s*,\s+which$/u;
const PARTICIPANT_INTRO = /^\s+(between|with|among|involving)\s+/i;
/** Who makes a visit, after its noun: `a trip by …`, `the visit of …` (a person; of a place, it is where). */
const VISITOR_INTRO = /^\s+(of|by)\s+/i;
const LIST_STOP =
  /(?<![A-Z])\.(?=\s|$)|[;:"”]|,\s+(?:on|in|at|which|who|followed|said|to|as|but|while)\b|\s(?:in|on|at|to|for|that|which|who|are|is|was|were|will|would|last|next|this|over|about|from|after|before|since)\s/;
const PLACE_SHARING = /^\s*(?:after|before|following)\s+(?:an?|the)\s+$/i;

/** Plural or adjectival names that stand for several countries. */
const COUNTRY_GROUPS: Record<string, string[]> = {
  koreas: ['North Korea', 'South Korea'],
  'inter-korean': ['North Korea', 'South Korea'],
};

/** The same groups in plain text, for when the recognizer did not tag them. */
const COUNTRY_GROUP_TEXT = /\b(?:(?:the\s+)?(?:two|both)\s+Koreas|inter-Korean)\b/;

/**
 * The country a demonym right before `at` stands for (`Iranian missile attack`, `West German talks`,
 * `an Iranian Silkworm missile strike`: a name may follow it), if the document names it. Not the
 * last word of a longer name (`a Latin American summit` is no American one).
 */
function demonymCountry(text: string, sFrom: number, at: number, countriesNamed: ReadonlySet<string>): string | null {
  const run = /(?:^|[\s'’(])((?:\p{Lu}[\p{L}-]+\s+){1,2})$/u.exec(text.slice(Math.max(sFrom, at - 40), at))?.[1];
  if (!run) return null;
  const words = run.trim().split(/\s+/);
  const country = countryByDemonym(words.join(' ')) ?? (words.length === 2 ? countryByDemonym(words[0]) : null);
  return country && countriesNamed.has(country.name) ? country.name : null;
}

/**
 * The person or country whose possessive opens an event's phrase, at most two lowercase modifiers
 * between (`the United States' attack`, `Iran's latest missile attack`, `Thatcher's official
 * visit`; not `Taiwan's position in talks`); null when none. (A disaster's owner is where it struck.)
 */
function possessiveOwner(text: string, inSentence: Entity[], at: number): Entity | null {
  const owner = inSentence.find(
    (e) =>
      (e.type === 'PERSON' || e.type === 'COUNTRY') &&
      e.end <= at &&
      at - e.end <= 40 &&
      /^['’]s?\s+(?:(?!(?:in|of|on|at|to|for|with|by|from|and|or|but|is|was|are|were|has|had|have|be|been|that|which|who)\s)\p{Ll}[\p{L}-]*\s+){0,2}$/u.test(
        text.slice(e.end, at),
      ),
  );
  return owner ?? null;
}

function participantsOf(e: Entity, text: string): string[] {
  const group = COUNTRY_GROUPS[text.slice(e.start, e.end).toLowerCase()];
  return group ?? [e.name];
}

function clauseAround(text: string, from: number, to: number, start: number, end: number): [number, number] {
  let cFrom = from;
  let cTo = to;
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(CLAUSE_BREAK)) {
    const at = from + m.index!;
    if (at + m[0].length <= start) cFrom = at + m[0].length;
    else if (at >= end) {
      cTo = at;
      break;
    }
  }
  return [cFrom, cTo];
}

/** Whether a date sits between dashes or brackets (`Kim - whom … was last year calling … -`; see SPACED_DASH). */
function isAside(text: string, from: number, to: number, d: Mention): boolean {
  const before = text.slice(from, d.start);
  const after = text.slice(d.end, to);
  const dashBefore = SPACED_DASH.test(before) && SPACED_DASH.test(after);
  const bracket = before.lastIndexOf('(') > before.lastIndexOf(')');
  return dashBefore || bracket;
}

function speechTied(text: string, date: Mention): boolean {
  // (`said here Friday`, `told reporters there on Monday`: where it was said may come between.)
  const before = /([\p{L}]+)\s+(?:(?:here|there)\s+)?(?:on\s+)?$/u
    .exec(text.slice(Math.max(0, date.start - 20), date.start))?.[1]
    .toLowerCase();
  // (`On Sunday, Baker said …`: a sentence's opening date, then who spoke; not `the meeting to be
  // held in Vienna on December 9, Ali said`, the meeting's date.)
  const opens = /(?:^|[.!?]["”’]?\s+|\n\s*)(?:on\s+)?$/i.test(text.slice(Math.max(0, date.start - 8), date.start));
  const after = (
    opens
      ? /^(?:,\s*(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}|\s+)(?:(?:had|has|have)\s+)?([\p{L}]+)/u
      : /^\s+(?:(?:had|has|have)\s+)?([\p{L}]+)/u
  )
    .exec(text.slice(date.end, date.end + 48))?.[1]
    .toLowerCase();
  return (
    (before !== undefined && SPEECH_VERBS.has(before)) ||
    (after !== undefined && SPEECH_VERBS.has(after)) ||
    TOLD_SOMEONE.test(text.slice(Math.max(0, date.start - 48), date.start))
  );
}

/**
 * `Mulford told Congress last week`, `told reporters there on Monday`: who was told comes between the
 * verb and its date: a name, or people told things (`told a news conference on Monday`, `told a
 * ceremony today`: the date is the gathering's too). Words end at a full stop: not the sentence before.
 */
const TOLD_SOMEONE =
  /\b(?:told|tells|informed|briefed|assured|reminded)\s+(?:(?:the|a|an)\s+)?(?:(?:\p{Lu}[\p{L}'’-]*|reporters|journalists|newsmen|correspondents|lawmakers|legislators|congressmen|senators|parliament|congress|delegates|shareholders|stockholders|analysts|investors|bankers|members|officials|television|radio|press|them|him|her|us)\s+){1,3}(?:(?:here|there)\s+)?(?:on\s+)?$/u;

/** `At a joint news conference, … yesterday said`: the event is where the statement was made. */
function isSetting(text: string, phrase: Phrase, sentenceStart: number): boolean {
  return /(?:^|[,;]\s*)["“]?(?:at|in|during)\s+(?:an?|the|his|her|their)\s+$/i.test(
    text.slice(Math.max(sentenceStart, phrase.start - 20), phrase.start).trimStart() || '',
  );
}

/** Whether a participant found in `[a, b)` sits in the complement of `X said that …`, away from the speaker. */
function inReportedClause(text: string, personEnd: number, phraseStart: number): boolean {
  if (personEnd > phraseStart) return false;
  const between = text.slice(personEnd, phraseStart);
  // `said that`, also with when or where it was said between (`said on Tuesday that`, `told
  // reporters in Nairobi that`).
  return /\b(?:said|confirmed|told\s+\w+|announced|reported|added|stated|noted)(?:\s+(?:on|in|at|late|early|last|this)(?:\s+\p{L}+){1,2})?\s+that\b/iu.test(
    between,
  );
}

function gatherEvidence(
  text: string,
  sentences: Sentence[],
  phrases: Phrase[],
  entities: Entity[],
  dates: Mention[],
): Evidence[] {
  const evidence: Evidence[] = phrases.map((phrase) => ({
    phrase,
    explicit: false,
    persons: [],
    countries: [],
    countriesAreActors: true,
    inside: [],
    place: null,
    date: null,
  }));
  const bySentence = new Map<number, Evidence[]>();
  for (const ev of evidence) {
    const list = bySentence.get(ev.phrase.sentence) ?? [];
    list.push(ev);
    bySentence.set(ev.phrase.sentence, list);
  }
  let lastPersonBefore: Entity | null = null;
  let lastCountryBefore: Entity | null = null;
  const countriesNamed = new Set(entities.filter((e) => e.type === 'COUNTRY').map((e) => e.name));
  let entityCursor = 0;
  for (const [index, list] of [...bySentence.entries()].sort((a, b) => a[0] - b[0])) {
    const sentence = sentences[index];
    const sFrom = sentence?.start ?? 0;
    const sTo = sentence?.end ?? text.length;
    while (entityCursor < entities.length && entities[entityCursor].start < sFrom) {
      if (entities[entityCursor].type === 'PERSON') lastPersonBefore = entities[entityCursor];
      if (entities[entityCursor].type === 'COUNTRY') lastCountryBefore = entities[entityCursor];
      entityCursor++;
    }
    const inSentence = sliceByStart(entities, sFrom, sTo).filter((e) => e.end <= sTo);
    const claimed = new Set<Entity>();
    const context: SentenceContext = {
      text,
      sFrom,
      sTo,
      inSentence,
      lastPersonBefore,
      lastCountryBefore,
      countriesNamed,
    };
    // A market's fall has no participants: the people of its sentence speak of it or suffer it.
    readParticipants(
      context,
      list.filter((ev) => !MARKET_MOVES.has(ev.phrase.lemma)),
      claimed,
    );
    readPlaces(context, list);
    readDates(context, list, dates);
    unplaceOtherDates(context, list, dates);
  }
  return evidence;
}

/**
 * A place said with another date than the phrase's own (`The IMF committee meeting, scheduled for
 * April 9, is to review the resolution reached … in Paris last month`) is where that date's
 * happening was, not the phrase's. (A place in the phrase's words stays: `the Paris meeting`.)
 */
function unplaceOtherDates({ text, sFrom, sTo }: SentenceContext, list: Evidence[], dates: Mention[]): void {
  const said = sliceByStart(dates, sFrom, sTo).filter((d) => d.value !== null);
  for (const ev of list) {
    const place = ev.place;
    if (!place || ev.date === null || (place.start >= ev.phrase.start && place.end <= ev.phrase.end)) continue;
    if (said.some((d) => d.value !== ev.date && placedWith(text, place, d))) ev.place = null;
  }
}

/** What the three readings of one sentence share. */
interface SentenceContext {
  text: string;
  sFrom: number;
  sTo: number;
  /** Entities of the sentence, in text order. */
  inSentence: Entity[];
  /** The last person and country named before the sentence (for `He`, `It`). */
  lastPersonBefore: Entity | null;
  lastCountryBefore: Entity | null;
  /** The countries the document names (a demonym stands for one of them only). */
  countriesNamed: ReadonlySet<string>;
}

/**
 * The words before an act of violence that make it what the sentence is about, not what its people
 * did: `for` (blamed, in retaliation, responsible), `on`, `about`, `over` (a comment, a report), `in
 * response to`, then a determiner or a possessive date and at most two modifiers (`for Friday's
 * Iranian missile attack`).
 */
const TALKED_ABOUT =
  /\b(?:for|on|about|over|(?:response|reaction|reply|retaliation)\s+to)\s+(?:(?:the|an?|this|that|its|their|[\p{L}]+['’]s)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

/**
 * A verb that reacts to an act of violence right before it, up to five words between (`deplored
 * Friday the bomb blasts`, `condemned two terrorist bomb attacks`, `investigating and prosecuting the
 * bombings`): its subject did not carry it out.
 */
const REACTED_TO =
  /\b(?:condemn|deplor|denounc|investigat|prosecut|mourn|blam|criticiz|criticis|avenge)\p{L}*\s+(?:[\p{L}'’,-]+\s+){0,5}$/iu;

/** Whether a name is who says the sentence (`Weinberger said`, `Weinberger, the defence secretary, told`). */
function isSpeaker(text: string, e: { end: number }, sTo: number): boolean {
  const verb = /^(?:\s*,[^,]{1,60},)?\s+(?:(?:had|has|have|also)\s+)?([\p{L}]+)/u.exec(
    text.slice(e.end, Math.min(sTo, e.end + 80)),
  );
  return verb !== null && SPEECH_VERBS.has(verb[1].toLowerCase());
}

/** Who takes part: listed after the phrase (`talks with X`), inside it, the sentence's subject, a pronoun's antecedent. */
function readParticipants(
  { text, sFrom, sTo, inSentence, lastPersonBefore, lastCountryBefore, countriesNamed }: SentenceContext,
  list: Evidence[],
  claimed: Set<Entity>,
): void {
  // Explicit participants: `summit between X and Y`, `talks with X`.
  const explicit = new Map<Evidence, Entity[]>();
  for (const ev of list) {
    // (`a Moscow visit by … George Shultz`, `the visit of … William Daley`: the visitor, whoever
    // speaks of it; `a tour of Argentina` is where.)
    const after = text.slice(ev.phrase.end, ev.phrase.end + 20);
    const intro = PARTICIPANT_INTRO.exec(after) ?? (TRAVEL.has(ev.phrase.lemma) ? VISITOR_INTRO.exec(after) : null);
    if (!intro) continue;
    const listStart = ev.phrase.end + intro[0].length;
    const rest = text.slice(listStart, Math.min(sTo, listStart + 160));
    const stop = LIST_STOP.exec(rest);
    const listEnd = listStart + (stop ? stop.index : rest.length);
    const inList = inSentence.filter((e) => e.start >= listStart && e.end <= listEnd + 1);
    const named = inList.filter((e) => e.type === 'PERSON' || e.type === 'COUNTRY');
    const persons = named.filter((e) => e.type === 'PERSON');
    // `talks between Pyongyang and Washington`: capitals standing for their governments.
    const places = /^between$/i.test(intro[1]) ? inList.filter((e) => e.type === 'PLACE') : [];
    const chosen = persons.length ? persons : named.length ? named : places.length >= 2 ? places : [];
    if (chosen.length === 0) continue;
    const visitor = /^(?:of|by)$/i.test(intro[1]);
    if (/^of$/i.test(intro[1]) && persons.length === 0) continue;
    // (A visitor makes the sentence's other visits too: `the visit of … Weizsaecker, who began a
    // four-day visit`.)
    if (!visitor) named.forEach((e) => claimed.add(e));
    explicit.set(ev, chosen);
    ev.explicit = true;
  }
  // Entities inside a phrase (`US-North Korea summit`) are its participants.
  for (const ev of list) {
    for (const e of inSentence) if (e.start >= ev.phrase.start && e.end <= ev.phrase.end) claimed.add(e);
  }

  for (const ev of list) {
    const { phrase } = ev;
    const [cFrom, cTo] = clauseAround(text, sFrom, sTo, phrase.start, phrase.end);
    const inside = inSentence.filter((e) => e.start >= phrase.start && e.end <= phrase.end && e.type === 'COUNTRY');
    const given = explicit.get(ev);
    const violence = GROUP[phrase.lemma] === 'violence';
    let persons: Entity[] = [];
    let countries: Entity[] = [];
    let owner: Entity | null;
    const free = (e: Entity) =>
      !claimed.has(e) &&
      !inReportedClause(text, e.end, phrase.start) &&
      // `said of Kim that …`: the person talked about is no participant.
      !/\b(?:of|about|on|against|for|from)\s+(?:the\s+)?$/u.test(text.slice(Math.max(sFrom, e.start - 20), e.start)) &&
      // `to reactivate the Baker initiative at the summit`, `the Reagan administration`: a name that
      // qualifies another noun is no one present (`the Armacost discussions` are his).
      !(
        e.type === 'PERSON' &&
        !/^\s+$/.test(text.slice(e.end, phrase.start)) &&
        /\bthe\s+$/iu.test(text.slice(Math.max(sFrom, e.start - 5), e.start)) &&
        /^\s+\p{Ll}/u.test(text.slice(e.end, e.end + 3))
      );
    const sentencePersons = inSentence.filter((e) => e.type === 'PERSON' && free(e));
    if (given) {
      persons = given.filter((e) => e.type === 'PERSON');
      countries = given.filter((e) => e.type === 'COUNTRY' || e.type === 'PLACE');
      const intro = PARTICIPANT_INTRO.exec(text.slice(phrase.end, phrase.end + 20));
      if (intro && intro[1].toLowerCase() === 'with') {
        // The other side of `talks with X`: who holds them, else who speaks about them.
        const subject = sentencePersons.filter((e) => e.end <= phrase.start && e.start >= cFrom);
        const speaker = sentencePersons.filter((e) => e.start >= phrase.end);
        const other = subject.length
          ? subject
          : speaker.length
            ? speaker
            : pronounSubject(text, cFrom, phrase.start, lastPersonBefore, { inSentence, sTo });
        other.forEach((e) => claimed.add(e));
        if (persons.length) persons = [...other.filter((e) => e.type === 'PERSON'), ...persons];
      }
    } else if (
      violence &&
      (TALKED_ABOUT.test(text.slice(Math.max(cFrom, phrase.start - 60), phrase.start)) ||
        REACTED_TO.test(text.slice(Math.max(cFrom, phrase.start - 80), phrase.start)) ||
        AFTERMATH_NOUN.test(text.slice(phrase.end, phrase.end + 16)) ||
        AFTERMATH_OF.test(text.slice(Math.max(cFrom, phrase.start - 48), phrase.start)))
    ) {
      // `blamed by Washington for Friday's attack`, `no comment on the attack`, `in response to a
      // missile strike`, `condemned the attacks`, `paid tribute to bombing victims`: an attack the
      // sentence only blames, answers, condemns, mourns or comments on; the people and countries it
      // names are not who carried it out.
    } else if (
      GROUP[phrase.lemma] !== 'disaster' &&
      (owner = possessiveOwner(text, inSentence, phrase.start)) !== null
    ) {
      // `Howe backed the United States' attack on an Iranian oil platform`: the owner of the phrase
      // does it; who backs, reports or answers it in the same sentence does not.
      claimed.add(owner);
      if (owner.type === 'PERSON') persons = [owner];
      else {
        countries = [owner];
        ev.countriesAreActors = true;
      }
    } else {
      // Who tells of an attack (`…, Weinberger said`) did not carry it out.
      persons = violence ? sentencePersons.filter((e) => !isSpeaker(text, e, sTo)) : sentencePersons;
      if (persons.length === 0) {
        const pronoun = pronounSubject(text, cFrom, phrase.start, lastPersonBefore, { inSentence, sTo }, violence);
        persons = pronoun;
      }
      if (persons.length === 0) {
        const clauseCountries = inSentence.filter(
          (e) => e.type === 'COUNTRY' && free(e) && e.start >= cFrom && e.end <= cTo,
        );
        const subjectSide = clauseCountries.filter(
          (e) =>
            e.end <= phrase.start &&
            !/\b(?:on|of|about|for|against|from|in|with|to)\s+(?:the\s+)?$/i.test(
              text.slice(Math.max(cFrom, e.start - 12), e.start),
            ),
        );
        countries = subjectSide.length ? subjectSide : clauseCountries.filter((e) => e.start >= phrase.end);
        ev.countriesAreActors = subjectSide.length > 0 || countries.length === 0;
        if (countries.length === 0) {
          // `talks in Pyongyang, which involved U.S. and DPRK's officials`
          const relative = /^,?\s*(?:which|that|who)\s+(?:involved|included|brought together|gathered)\b/i.exec(
            text.slice(cTo, cTo + 40),
          );
          if (relative)
            countries = inSentence.filter((e) => e.type === 'COUNTRY' && e.start >= cTo && e.start < cTo + 80);
        }
        const group = countries.length === 0 ? COUNTRY_GROUP_TEXT.exec(text.slice(cFrom, phrase.end)) : null;
        if (group) {
          ev.countries = [...COUNTRY_GROUPS[/inter-korean/i.test(group[0]) ? 'inter-korean' : 'koreas']];
        }
        if (
          countries.length === 0 &&
          !group &&
          /(?:^|[\s"“])It\s/.test(text.slice(cFrom, phrase.start)) &&
          lastCountryBefore
        ) {
          // `It has carried out six nuclear tests`: the country the previous sentence was about.
          countries = [lastCountryBefore];
        }
      }
    }
    // `Friday's Iranian missile attack on a U.S.-flagged tanker, Weinberger said`: a demonym right
    // before the phrase names the country that acts (one the story names), before any it acts on; a
    // person the sentence names beside it does not (the phrase itself names who takes part).
    const actor = given ? null : demonymCountry(text, sFrom, phrase.start, countriesNamed);
    if (actor) {
      ev.countriesAreActors = true;
      persons = [];
    }
    ev.persons = unique(persons.map((e) => e.name));
    ev.inside = unique(inside.flatMap((e) => participantsOf(e, text)));
    ev.countries = unique([
      ...(actor ? [actor] : []),
      ...ev.countries,
      ...[...inside, ...countries].flatMap((e) => participantsOf(e, text)),
    ]);
  }
}

/**
 * A comma, then a clause's subject of up to three words and its verb in the past or after a modal
 * (`, committee members discussed`, `After the June 8-10 summit, Reagan will travel … to meet Kohl in
 * Bonn`); not a relative clause (`The meetings, which will be chaired by …, will begin in
 * June in Calgary`).
 */
const NEW_CLAUSE =
  /,\s+(?!(?:which|who|whom|whose|that|where|when)\s)(?:[\p{L}'’-]+\s+){1,3}(?:\p{Ll}+ed|(?:will|would|shall|should|can|could|may|might|must)\s+\p{Ll}+)\b/iu;

/** Where: `in`/`at` (and `to` for a trip) + a PLACE or COUNTRY, given to the nearest phrase. */
function readPlaces({ text, sFrom, inSentence }: SentenceContext, list: Evidence[]): void {
  // `the February 22 Paris accord`, `the Venice summit`: a city or region named in the phrase is
  // where it happened (a country there is a party: `the US-Japan accord`), whatever place an `in`
  // later in the sentence names (`The Frankfurt meeting on Monday soothed currency markets and the
  // dollar gained … in New York`).
  // (Not a name's last word: `Group of Seven meetings in Paris`.)
  for (const ev of list) {
    const inside = inSentence.find(
      (e) =>
        e.type === 'PLACE' &&
        e.start >= ev.phrase.start &&
        e.end <= ev.phrase.end &&
        !/\bof\s+$/i.test(text.slice(Math.max(sFrom, e.start - 4), e.start)),
    );
    if (inside) ev.place = inside;
  }
  // Places: `in`/`at` (and `to` for a trip) + a PLACE or COUNTRY, given to the nearest phrase on its left, else on its right.
  for (const e of inSentence) {
    if (e.type !== 'PLACE' && e.type !== 'COUNTRY') continue;
    if (list.some((ev) => e.start >= ev.phrase.start && e.end <= ev.phrase.end)) continue;
    const before = text.slice(Math.max(sFrom, e.start - 32), e.start);
    const intro =
      PLACE_INTRO.exec(before) ?? (AREA_AFTER.test(text.slice(e.end, e.end + 16)) ? AREA_INTRO.exec(before) : null);
    if (!intro) continue;
    // `outside the U.S. embassy in Nairobi`: a country's mission abroad is not in that country.
    if (e.type === 'COUNTRY' && MISSION.test(text.slice(e.end, e.end + 16))) continue;
    const left = list.filter((ev) => ev.phrase.end <= e.start).pop();
    const right = list.find((ev) => ev.phrase.start >= e.end);
    // A place after a plural noun (`prisoners in North Korea`) belongs to that noun, not to a later event.
    const afterNoun =
      /\b[a-z]+[^s\W]s\s+\S+\s+(?:the\s+)?$/.test(text.slice(Math.max(sFrom, e.start - 30), e.start)) &&
      !/\b(?:is|was|has|its|this|his|has|does|as|plus|always|perhaps|thus|was)\s+\S+\s+(?:the\s+)?$/.test(
        text.slice(Math.max(sFrom, e.start - 30), e.start),
      );
    // `At a telephone conference on February 23, committee members discussed … the decisions reached
    // in Paris`, `to investigate the bombings but there was no word in Washington`: a place past a new
    // clause (a comma, its subject, its verb; a `but`) is that clause's.
    const between = left === undefined ? '' : text.slice(left.phrase.end, e.start);
    // (`… threat of further attacks," Howe said in a statement issued in London`: where it was said.)
    const crossed =
      left !== undefined && (NEW_CLAUSE.test(between) || /\sbut\s|;|["”]|\b(?:said|says|told|added)\b/.test(between));
    // Nor is a place before a clause of its own (`a site outside Washington because she wanted the
    // ceremony …`) where a phrase after that clause happens, nor a sentence's opening place where
    // someone then speaks of it (`In Washington, President Ronald Reagan said … two missile attacks on
    // U.S.-related tankers`).
    const ahead =
      right !== undefined &&
      (/\b(?:because|although|though|whereas|but)\b|;/.test(text.slice(e.end, right.phrase.start)) ||
        (/^\s*\S+\s+$/.test(text.slice(sFrom, e.start)) &&
          /^,[^,]{0,60}\b(?:said|says|told|added)\b/.test(text.slice(e.end, right.phrase.start))));
    const target =
      left && !crossed && e.start - left.phrase.end < 120
        ? left
        : right && !afterNoun && !ahead && right.phrase.start - e.end < 120
          ? right
          : crossed
            ? undefined
            : left;
    if (!target) continue;
    if (intro[1].toLowerCase() === 'to' && !TRAVEL.has(target.phrase.lemma)) continue;
    // `a two-day trip outside Moscow`: not to Moscow.
    if (intro[1].toLowerCase() === 'outside' && TRAVEL.has(target.phrase.lemma)) continue;
    target.place ??= e;
  }
  // `An earthquake measuring 5.0 on the Richter scale shook Costa Rica`, `a bomb ripped through
  // Nairobi`: where an attack or a disaster struck is what it struck (an earthquake of Costa Rica and
  // one of New Zealand a day later, both unplaced, were one happening).
  for (const ev of list) {
    if (ev.place || !AFTERMATH_LEMMAS.has(ev.phrase.lemma)) continue;
    const struck = inSentence.find(
      (e) =>
        (e.type === 'PLACE' || e.type === 'COUNTRY') &&
        e.start >= ev.phrase.end &&
        STRUCK.test(text.slice(ev.phrase.end, e.start)),
    );
    if (struck) ev.place = struck;
  }
  // `a news conference in Warsaw after a conference on …`: the later phrase happened there too.
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i];
    const b = list[i + 1];
    if (a.place && a.place.type === 'PLACE' && !b.place && PLACE_SHARING.test(text.slice(a.place.end, b.phrase.start)))
      b.place = a.place;
  }
}

/**
 * A date's possessive and up to three words of the noun phrase before the event noun it dates
 * (`Sunday's Paris currency accord`), none a word that ends a noun phrase or opens a clause
 * (`today's youth what armed invasions were`).
 */
const POSSESSED =
  /^['’]s\s+(?:(?!(?:what|which|who|whom|whose|that|and|or|but|of|for|in|on|at|to|with|by|from|as|is|are|was|were|be|been|has|have|had|will|would)\s)[\p{L}\d.&-]+\s+){0,3}$/iu;

/** When: the DATE mentions of the sentence, each given to the phrase it belongs to. */
function readDates({ text, sFrom, sTo }: SentenceContext, list: Evidence[], dates: Mention[]): void {
  // `celebrations on Sunday of the 27th anniversary of the coup`: the date is the anniversary's.
  // `paid tribute Tuesday to bombing victims`, `led a team Wednesday to help victims of terrorist
  // attacks`: an attack named only to say whose victims, suspects or inquiry is no happening of that
  // day either.
  // `before leaving for the Venice summit on Wednesday`: the day is the trip's, not the summit's.
  const datable = list.filter((ev) => {
    const before = text.slice(Math.max(sFrom, ev.phrase.start - 48), ev.phrase.start);
    return (
      !ANNIVERSARY.test(text.slice(Math.max(sFrom, ev.phrase.start - 90), ev.phrase.start)) &&
      !DESTINATION.test(before) &&
      !(
        AFTERMATH_LEMMAS.has(ev.phrase.lemma) &&
        (AFTERMATH_NOUN.test(text.slice(ev.phrase.end, ev.phrase.end + 16)) || AFTERMATH_OF.test(before))
      )
    );
  });
  // Dates: a possessive right before (`this month's second summit`), else the nearest phrase on the
  // date's left, else on its right. A date that belongs to a verb of saying (`said Tuesday`) only
  // dates a phrase that is the setting of that statement (`At a news conference, … yesterday said`).
  for (const d of sliceByStart(dates, sFrom, sTo)) {
    if (d.end > sTo) continue;
    if (!d.value || /_REF$/.test(d.value) || isBound(text, sFrom, d)) continue;
    const participle = participlePhraseBefore(text, sFrom, d.start);
    // (`Sunday's Paris accord`: the phrase may start after the words of its name.) A day between a
    // determiner and its noun is that noun's too (`the probe into the August 7 bombings`); so is a
    // month before a noun of agreement, which names a past one (`an emergency OPEC meeting … the
    // December pact`: see dates/tense.ts); not a month before another noun, whose year is less sure
    // (`forthcoming … the June summit` read as last June).
    const modifier =
      (/^\d{4}-\d{2}-\d{2}/.test(d.value) || MONTH_NAMING_ACCORD.test(text.slice(d.end, d.end + 14))) &&
      DETERMINER_BEFORE.test(text.slice(Math.max(sFrom, d.start - 8), d.start));
    const possessed = datable.find(
      (ev) =>
        POSSESSED.test(text.slice(d.end, ev.phrase.start)) ||
        (modifier && ev.phrase.start >= d.end && /^\s+$/.test(text.slice(d.end, ev.phrase.start))),
    );
    // `today's youth`: a date in the possessive says when its own noun is, and no other event's.
    if (!possessed && /^['’]s\s/.test(text.slice(d.end, d.end + 3))) continue;
    let target: Evidence | undefined = possessed;
    if (!target) {
      const [cFrom, cTo] = clauseAround(text, sFrom, sTo, d.start, d.end);
      const inClause = datable.filter((ev) => ev.phrase.start >= cFrom && ev.phrase.end <= cTo);
      if (speechTied(text, d)) {
        target = inClause.filter((ev) => ev.phrase.end <= d.start && isSetting(text, ev.phrase, sFrom)).pop();
      } else {
        // A date before an event still to come (`rose yesterday on expectations of an early
        // election`) dates what happened, not that event; nor one that a nearer date follows (`cuts
        // announced in his budget last Tuesday … to call a general election as early as June`).
        // An attack referred to after the date (`shelled on Monday … 24 hours after the attack`) is
        // as far as the date goes: not on to a later phrase (`… told a news conference`).
        // Nor out of a relative aside (`Kohl, who spoke to Yeltsin on Wednesday, plans a trip`).
        const aside = relativeAsideAt(text.slice(sFrom, sTo), d.start - sFrom);
        const after = inClause.filter(
          (ev) => ev.phrase.start >= d.end && (!aside || ev.phrase.start < sFrom + aside[1]),
        );
        // Nor on to what a period is counted from (`left Pakistan today … since the Africa bombings`).
        const referred = after.findIndex(
          (ev) =>
            isReferredTo(text, ev.phrase, d) ||
            isRecalled(text, d.end, ev.phrase, d) ||
            SINCE.test(text.slice(Math.max(d.end, ev.phrase.start - 40), ev.phrase.start)),
        );
        target =
          inClause
            .filter(
              (ev) =>
                ev.phrase.end <= d.start &&
                !isReferencedBefore(text, sFrom, ev.phrase, d) &&
                !isKnownReactedTo(text, sFrom, ev.phrase) &&
                !(
                  isRecalled(text, sFrom, ev.phrase, d) &&
                  !/^\s*(?:,\s*)?(?:on|in|of)?\s*$/.test(text.slice(ev.phrase.end, d.start))
                ),
            )
            .pop() ??
          (referred >= 0 ? after.slice(0, referred) : after).find(
            (ev) =>
              !isProspective(text, ev.phrase, sFrom) &&
              !nearerDateAfter(
                text,
                ev.phrase,
                d,
                sliceByStart(dates, sFrom, sTo).filter(
                  (o) => !isBound(text, sFrom, o) && !isComparison(text, sFrom, o),
                ),
              ),
          );
        // `… leave the meeting …, but … likely to meet Kim in June`: across a conjunction, not out of
        // an aside; out of a relative clause only to the event it is said of (`the four-day visit of
        // President Richard Von Weizsaecker, which starts on Friday`), never further back (`rallies …
        // to draw attention to the case of Elian, who was rescued Nov. 25`: the rescue's date).
        const relative = RELATIVE_CLAUSE_END.exec(text.slice(Math.max(sFrom, cFrom - 12), cFrom))?.[1];
        // Nor to an attack some verb reacts to (`dispatched agents to investigate the bombings but
        // there was no word on Tuesday of leads`).
        if (!target && !isAside(text, sFrom, sTo, d) && relative !== 'who')
          target = datable
            .filter(
              (ev) =>
                ev.phrase.end <= d.start &&
                !isReferencedBefore(text, sFrom, ev.phrase, d) &&
                !isReactedTo(text, sFrom, ev.phrase) &&
                !isRecalled(text, sFrom, ev.phrase, d) &&
                (!relative || SAID_OF_EVENT.test(text.slice(ev.phrase.end, cFrom))),
            )
            .pop();
      }
    }
    // `talks … failed to lift export quotas, suspended in February 1986`: the date is the
    // participle's, said of the noun before its comma; only an event named right there, or one
    // the participle schedules, is dated by it (`the talks, held in London in February`).
    if (
      target &&
      participle >= 0 &&
      text.slice(target.phrase.end, participle).trim() !== '' &&
      !SCHEDULING.test(text.slice(participle, d.start))
    )
      continue;
    if (target && !target.date) target.date = d.value;
  }
  // `talks … on Thursday, followed by the second round of working group meetings`: the same day.
  for (let i = 1; i < list.length; i++) {
    const ev = list[i];
    const previous = list[i - 1];
    if (
      !ev.date &&
      previous.date &&
      /,?\s+followed\s+by\s+(?:\S+\s+){0,5}$/i.test(text.slice(previous.phrase.end, ev.phrase.start))
    ) {
      ev.date = previous.date;
    }
  }
}

/**
 * `committed to the Paris accord, coupled with …, provided a note of stability … Tuesday`, `Kopp
 * vanished after the shooting, and the car was found … in December`: an event named as the object of
 * a preposition, with a comma between it and a later date, is recalled by a sentence about something
 * else; the date is that other thing's. So with a `but` opening the date's own clause (`rallied
 * immediately after the Geneva accord but fell again last month`).
 */
function isReferencedBefore(text: string, sFrom: number, phrase: Phrase, d: Mention): boolean {
  const before = text.slice(Math.max(sFrom, phrase.start - 30), phrase.start);
  if (!REFERENCE_PREPOSITION.test(before)) return false;
  return /,|\bbut\b/.test(text.slice(phrase.end, d.start));
}

const REFERENCE_PREPOSITION =
  /\b(?:to|of|with|under|from|since|after|before|about|by|behind|within|beyond|towards?|against|despite)\s+(?:the|its|their|this|that|[\p{L}.]+['’]s)\s+(?:[\p{L}.-]+\s+){0,2}$/iu;

/**
 * A happening already known that the sentence recalls by something of it (`the language of the
 * Paris accord`, `the first tentative test of the Paris accord`), by a quarrel over it (`the
 * apparent U.S.-German clash over the Louvre accord`), by a stand taken on it
 * (`resolved to support the Paris accord`, `reaffirmed the accord`) or by a failure to keep it
 * (`failure to live up to a bilateral chip pact`): a date of the sentence is of
 * that other thing (`By departing last Sunday from the language of the Paris accord`), unless written
 * right after it (see readDates). Only a day or a week, when the other thing is likely done: a month
 * or a year is more often the happening's own (`the spirit of the Louvre accord aimed at stabilizing
 * the U.S. dollar last February`). `from`: where the words before it may start.
 */
function isRecalled(text: string, from: number, phrase: Phrase, d: Mention): boolean {
  const before = text.slice(Math.max(from, phrase.start - 60), phrase.start);
  // (`reaffirmed an earlier Paris accord`: one said to be earlier is another time's, whatever the
  // date, unless written right after it: `the earlier summit in Geneva in November 1985`.)
  if (EARLIER_ONE.test(before))
    return !(d.start >= phrase.end && DATED_RIGHT_AFTER.test(text.slice(phrase.end, d.start)));
  return /^\d{4}-(?:\d{2}-\d{2}|W\d{2})/.test(d.value ?? '') && RECALLED_BY_WHAT_OF_IT.test(before);
}

/** Between a phrase and its own date: `summit in Geneva in` (November 1985), `accord of`. */
const DATED_RIGHT_AFTER = /^\s*,?\s*(?:(?:in|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,3})?(?:on|in|of)?\s*$/u;

/** `an earlier Paris accord`, `the previous agreement`: right before a phrase, one of another time. */
const EARLIER_ONE = /\b(?:an?|the|its|their)\s+(?:earlier|previous|prior)\s+(?:[\p{L}.-]+\s+){0,2}$/iu;

const RECALLED_BY_WHAT_OF_IT =
  /\b(?:(?:clash|clashes|dispute|disputes|disagreement|disagreements|row|rift|quarrel|wrangling)\s+over|(?:language|spirit|reaffirmation|letter|terms|tests?|success|failure|violations?|breach(?:es)?|effects?|impact|implications|principles?|framework|credibility|validity|fate|viability|durability|goals?|aims?|objectives?)\s+of|support(?:s|ed|ing)?|uph(?:old|olds|eld|olding)|defend(?:s|ed|ing)?|honou?r(?:s|ed|ing)?|respect(?:s|ed|ing)?|abid(?:e|es|ing)\s+by|adher(?:e|es|ed|ing)\s+to|stick(?:s|ing)?\s+to|stuck\s+to|(?:live|lives|lived|living)\s+up\s+to|compl(?:y|ies|ied|ying)\s+with|reaffirm(?:s|ed|ing)?|endors(?:e|es|ed|ing)|undermin(?:e|es|ed|ing)|jeopardi[sz](?:e|es|ed|ing)|violat(?:e|es|ed|ing))\s+(?:the|an?|its|their|this|that|[\p{L}.]+['’]s)\s+(?:(?:the|an?|its|their|this|that)\s+)?(?:[\p{L}.-]+\s+){0,3}$/iu;

/**
 * An event remembered by an anniversary (`the 27th anniversary of the coup`), or told in an aside
 * after the name it is remembered by (`the 39th anniversary of the Bay of Pigs fiasco, an aborted
 * invasion of Cuba`): not that day's.
 */
const ANNIVERSARY =
  /\banniversar(?:y|ies)\s+of\s+(?:(?:the|its|their|his|her|[\p{L}.]+['’]s)\s+)?(?:[\p{L}.-]+\s+){0,3}(?:[\p{L}.-]+,\s+an?\s+(?:[\p{L}.-]+\s+){0,2})?$/iu;

/** Participles that tell when an event is held (`the committee meeting on deregulation, expected in May`). */
const SCHEDULING = /^,\s+(?:\p{Ll}+ly\s+)?(?:held|scheduled|expected|planned|slated|set|convened|called|staged|due)\b/u;

/** `since 2000`, `until March`: a bound, not when an event happens. */
function isBound(text: string, sFrom: number, d: Mention): boolean {
  return /\b(?:since|until|till|by|before|through)\s+$/i.test(text.slice(Math.max(sFrom, d.start - 10), d.start));
}

/** `versus 29 yesterday`, `against 1.2 pct last month`: a figure's date for comparison, not when an event happens. */
function isComparison(text: string, sFrom: number, d: Mention): boolean {
  return /\b(?:versus|vs\.?|against|compared\s+(?:with|to))\s+(?:[\p{N}.,]+\s+(?:\p{L}+\s+)?)?$/iu.test(
    text.slice(Math.max(sFrom, d.start - 40), d.start),
  );
}

/**
 * Whether another of the sentence's `dates` is `phrase`'s rather than `d` (which precedes it): a
 * nearer one after it, its own before it, or, when `d` closes the conjunct before the phrase's
 * (`touring Dar es Salaam Thursday and meeting with Kenyan police leaders Friday morning`), the one
 * closing the phrase's own.
 */
function nearerDateAfter(text: string, phrase: Phrase, d: Mention, dates: Mention[]): boolean {
  const distance = phrase.start - d.end;
  const conjunct = /^\s+and\s+$/.test(text.slice(d.end, phrase.start));
  // The phrase's own conjunct runs to the next comma, semicolon or `and`.
  const ownConjunct = (o: Mention): boolean =>
    conjunct && o.start >= phrase.end && !/[,;]|\band\b/.test(text.slice(phrase.end, o.start));
  // `issued Monday charged Kopp … in the 1995 shooting`, `destroyed … on Monday … in retaliation for
  // Friday's Iranian missile attack`: a date written right before the phrase, or in the possessive
  // before it, is its own.
  const ownBefore = (o: Mention): boolean => {
    const between = text.slice(o.end, phrase.start);
    return o.start >= d.end && o.end <= phrase.start && (/^\s*$/.test(between) || POSSESSED.test(between));
  };
  return dates.some(
    (o) =>
      o !== d &&
      o.value &&
      !/_REF$/.test(o.value) &&
      ((o.start >= phrase.end && o.start - phrase.end < distance) || ownBefore(o) || ownConjunct(o)),
  );
}

/**
 * An event spoken of as still to come or only possible (`the next general election`, `expectations
 * of an early election`, `ahead of the summit`, `will discuss the postponed elections`): a date
 * elsewhere in the story is not its date.
 */
function isProspective(text: string, phrase: Phrase, sFrom: number): boolean {
  const before = text.slice(Math.max(sFrom, phrase.start - 48), phrase.start);
  return PROSPECTIVE.test(before);
}

const PROSPECTIVE =
  /\b(?:next|upcoming|forthcoming|coming|future|planned|proposed|possible|prospective|expected|postponed|delayed|deferred|expectations?\s+of|prospects?\s+(?:of|for)|hopes?\s+(?:of|for)|calls?\s+for|plans?\s+for|ahead\s+of|before|until|any)\s+(?:(?:an?|the|this|its|their|[\p{L}.]+['’]s)\s+)?(?:[\p{L}.-]+\s+){0,3}$/iu;

/**
 * `figures as of Monday for the dead and injured in the bombings`, `police on Sept. 2 searched for a
 * suspect in the bombings`, `met with his aides Wednesday … following the twin bombings`: an act of
 * violence or a disaster named with `the` inside a prepositional phrase, after the date's own verb
 * or noun, is referred to, not dated there. Only such happenings: stories go on telling what
 * followed them (`of the Paris accord`, by contrast, is often dated by the date before it: `the
 * February 22 meeting of the Paris accord`).
 */
function isReferredTo(text: string, phrase: Phrase, d: Mention): boolean {
  if (!AFTERMATH_LEMMAS.has(phrase.lemma)) return false;
  const between = text.slice(d.end, phrase.start);
  return (
    (REFERRED.test(between) && /\p{L}{3,}/u.test(between.replace(REFERRED, ''))) ||
    REACTION.test(between) ||
    RETALIATED.test(between)
  );
}

/**
 * `destroyed the platform on Monday in retaliation for an Iranian missile attack … last Friday`:
 * what an act answers happened before it, so the act's date is not its.
 */
const RETALIATED =
  /\b(?:retaliation|reprisal|revenge|response|reply)\s+(?:for|to)\s+(?:(?:the|an?|this|that|its|their|[\p{L}.]+['’]s)\s+)?(?:[\p{L}.-]+\s+){0,3}$/iu;

/** An attack or a disaster a verb of reaction takes as its object (`to investigate the bombings`). */
function isReactedTo(text: string, sFrom: number, phrase: Phrase): boolean {
  return (
    AFTERMATH_LEMMAS.has(phrase.lemma) && REACTION.test(text.slice(Math.max(sFrom, phrase.start - 60), phrase.start))
  );
}

/**
 * `The Security Council condemned the bombing of the U.S. embassies … on Thursday`: an attack a verb
 * of reaction takes with `the` (or `this`, `its` …) is one the story has told of, so a date after it
 * is the reaction's too (the bombing was six days before). Not one it introduces (`condemned two
 * terrorist bomb attacks in Kenya and Tanzania Friday`: their own day).
 */
function isKnownReactedTo(text: string, sFrom: number, phrase: Phrase): boolean {
  return (
    AFTERMATH_LEMMAS.has(phrase.lemma) &&
    KNOWN_REACTION.test(text.slice(Math.max(sFrom, phrase.start - 60), phrase.start))
  );
}

/** Verbs of reaction to an attack or a disaster. */
const REACTION_VERBS =
  'condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|deplor(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|mourn(?:s|ed|ing)?|lament(?:s|ed|ing)?|investigat(?:e|es|ed|ing)|prob(?:e|es|ed|ing)|aveng(?:e|es|ed|ing)|commemorat(?:e|es|ed|ing)';

/**
 * `Estrada on Tuesday condemned the bombings`, `Clinton Thursday condemned terrorist bomb attacks`:
 * an attack or a disaster that a verb of reaction takes as its object happened before the reaction,
 * so a date before that verb is the reaction's. (A date after the object may be the attack's own
 * when the story introduces it there: `condemned two terrorist bomb attacks in Kenya and Tanzania
 * Friday`; see isKnownReactedTo.)
 */
const REACTION = new RegExp(
  String.raw`\b(?:${REACTION_VERBS})\s+(?:(?:the|these|those|this|that|its|their|both|two|three|twin|[\p{L}.]+['’]s)\s+)?(?:[\p{L}.-]+\s+){0,3}$`,
  'iu',
);

/** REACTION with a determiner of something known (`the`, `this`, `its`, `Kenya's` …), not a number. */
const KNOWN_REACTION = new RegExp(
  String.raw`\b(?:${REACTION_VERBS})\s+(?:the|these|those|this|that|its|their|[\p{L}.]+['’]s)\s+(?:[\p{L}.-]+\s+){0,3}$`,
  'iu',
);

/**
 * An event someone leaves, flies or heads for, named right after (`before leaving for the Venice
 * summit`): where a trip goes, which a date of its clause dates. Not `left for` (`was left for an
 * April vote`: put off to it), nor past another place or time (`fly to Washington tomorrow for talks`:
 * the talks are that trip's).
 */
const DESTINATION =
  /\b(?:leav(?:e|es|ing)|depart(?:s|ed|ing)?|head(?:s|ed|ing)?|fl(?:y|ies|ew|ying)|set(?:s|ting)?\s+off|en\s+route|on\s+(?:his|her|their|its)\s+way)\s+(?:for|to)\s+(?:(?:the|a|an|this|next|[\p{L}.]+['’]s)\s+)?(?:(?!(?:for|to|in|on|at|with|after|before|by|tomorrow|today|tonight|yesterday)\s)[\p{L}.-]+\s+){0,3}$/iu;

/** After a month: a noun of agreement it names (`the December pact`). */
const MONTH_NAMING_ACCORD = /^\s+(?:pacts?|accords?|agreements?)\b/i;
/** A determiner right before a date makes the date a modifier of the noun after it. */
const DETERMINER_BEFORE = /(?:^|\s)(?:the|a|an|this|that|its|their|his|her)\s+$/i;

/** A happening a period is counted from: it came before the day the sentence names (`since the Aug. 7 bombings` names its own). */
const SINCE = /\bsince\s+(?:(?:the|this|that|these|those|its|their|his|her|an?)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

/** What follows an attack or a disaster named as a modifier: its victims, its suspects, the inquiry into it. */
const AFTERMATH_NOUN =
  /^\s+(?:victims?|suspects?|survivors?|sites?|scenes?|probes?|investigations?|inquiry|investigators|toll)\b/i;
/** … or named as what its victims, suspects or toll are of (`to help victims of terrorist attacks`). */
const AFTERMATH_OF =
  /\b(?:victims?|survivors?|suspects?|perpetrators?|toll|aftermath|wake)\s+of\s+(?:(?:the|these|those|this|that|its|their|two|twin)\s+)?(?:[\p{L}.-]+\s+){0,2}$/iu;
const REFERRED = /\b(?:in|of|for|into|over|about|by|from|after|following)\s+the\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/**
 * `He will hold talks`: a pronoun subject stands for the first person the sentence names before it
 * (`The health of Boris Yeltsin, who …, has been … since he won a second term`), else for the person
 * last named before the sentence. Not for one who speaks in the sentence (`Albright said on Tuesday
 * that she was heartened by cooperation in probing last Friday's bombing`): what she says of is
 * not hers; nor, of an attack, for a pronoun that speaks (`He said … as a result of the U.S.
 * attack`, of an analyst), though one who speaks of his talks held them.
 */
function pronounSubject(
  text: string,
  from: number,
  to: number,
  lastPerson: Entity | null,
  { inSentence, sTo }: Pick<SentenceContext, 'inSentence' | 'sTo'>,
  /** Whether one who speaks is not who acted (see readParticipants: an attack he tells of). */
  notSpeaking = false,
): Entity[] {
  const pronoun = /(?:^|[\s"“])(?:He|She|he|she)\s/.exec(text.slice(from, to));
  if (!pronoun || (notSpeaking && isSpeaker(text, { end: from + pronoun.index + pronoun[0].length - 1 }, sTo)))
    return [];
  const at = from + pronoun.index;
  const named = inSentence.find((e) => e.type === 'PERSON' && e.end <= at);
  if (named && isSpeaker(text, named, sTo)) return [];
  const who = named ?? lastPerson;
  return who ? [who] : [];
}

/** The items (sorted by start) that start within `[from, to)`, found by binary search. */
function sliceByStart<T extends { start: number }>(items: T[], from: number, to: number): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < items.length && items[end].start < to) end++;
  return items.slice(lo, end);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

// ---- merging phrases into events ----

interface Cluster {
  evidence: Evidence[];
  lemma: string;
  persons: Set<string>;
  countries: Set<string>;
  place: Entity | null;
  ordinal: string | null;
  lastSentence: number;
  lastStart: number;
  /** Kept up to date as phrases join, so that merging stays linear in long texts. */
  date: string | null;
  lemmas: Set<string>;
  modifiers: Set<string>;
  /** Lemmas of the phrases in each sentence. */
  sentenceLemmas: Map<number, Set<string>>;
  /** Set when a dated visit turns out to be this event (`Biegun visit to South Korea`). */
  visit?: string;
}

function headsCompatible(ev: Evidence, c: Cluster): boolean {
  const a = ev.phrase.lemma;
  if (a === c.lemma) return true;
  if (GENERIC_LEMMAS.has(a)) return ev.phrase.anaphoric;
  const ga = GROUP[a];
  const gb = GROUP[c.lemma];
  if (!ga || !gb) return false;
  if (ga === gb) return true;
  // `the meeting` during a trip: only when the same people are named.
  return (
    ((ga === 'meet' && gb === 'travel') || (ga === 'travel' && gb === 'meet')) &&
    sharedCount(ev.persons, c.persons) >= 2
  );
}

function sharedCount(xs: string[], set: Set<string>): number {
  return xs.filter((x) => set.has(x)).length;
}

function peopleCompatible(mine: string[], theirs: Set<string>): 'same' | 'unknown' | 'conflict' {
  if (mine.length === 0 || theirs.size === 0) return 'unknown';
  const shared = sharedCount(mine, theirs);
  if (shared === 0) return 'conflict';
  if (mine.length >= 2 && theirs.size >= 2 && shared < Math.min(mine.length, theirs.size)) return 'conflict';
  return 'same';
}

function newCluster(ev: Evidence): Cluster {
  return {
    evidence: [],
    lemma: ev.phrase.lemma,
    persons: new Set(),
    countries: new Set(),
    place: null,
    ordinal: null,
    lastSentence: ev.phrase.sentence,
    lastStart: ev.phrase.start,
    date: null,
    lemmas: new Set(),
    modifiers: new Set(),
    sentenceLemmas: new Map(),
  };
}

/** Nothing about the two rules out one happening. */
function compatible(ev: Evidence, c: Cluster): boolean {
  const { phrase } = ev;
  if (!headsCompatible(ev, c)) return false;
  // Two phrases of one sentence are two events, unless the second repeats the first (`the meeting … leave the meeting`).
  const sameSentence = c.sentenceLemmas.get(phrase.sentence);
  if (
    sameSentence &&
    !((phrase.anaphoric || phrase.adjunct) && (GENERIC_LEMMAS.has(phrase.lemma) || sameSentence.has(phrase.lemma)))
  )
    return false;
  if (phrase.ordinal && c.ordinal && phrase.ordinal !== c.ordinal) return false;
  if (ev.place && c.place && ev.place.type === 'PLACE' && c.place.type === 'PLACE' && ev.place.name !== c.place.name)
    return false;
  if (daysConflict(ev.date, c.date)) return false;
  // Whoever speaks of an accord named after one place or body, it is one accord.
  if (accordNamedAlike(ev, c)) return true;
  if (peopleCompatible(ev.persons, c.persons) === 'conflict') return false;
  if (
    !phrase.anaphoric &&
    ev.countriesAreActors &&
    ev.persons.length === 0 &&
    c.persons.size === 0 &&
    peopleCompatible(ev.countries, c.countries) === 'conflict'
  )
    return false;
  return true;
}

function isDistinctive(phrase: Phrase): boolean {
  return phrase.modifiers.some((w) => w !== phrase.ordinal && !NAME_STOP_MODIFIERS.has(w) && !/^\p{Lu}/u.test(w));
}

/** The names an accord is named after (`Louvre` of `the Louvre accord`): capitalised, no country's. */
function namedAfter(modifiers: Iterable<string>): string[] {
  return [...modifiers].filter((w) => /^\p{Lu}/u.test(w) && !countryByName(w));
}

/** Two accords the text names after the same place or body (`the Louvre accord`, `the Louvre agreement`). */
function accordNamedAlike(ev: Evidence, c: Cluster): boolean {
  if (GROUP[ev.phrase.lemma] !== 'accord' || GROUP[c.lemma] !== 'accord') return false;
  const names = namedAfter(ev.phrase.modifiers);
  return names.length > 0 && names.every((w) => c.modifiers.has(w));
}

/** The same people, countries, place, ordinal or kind (`pre-summit talks`) say it is the same event. */
function agrees(ev: Evidence, c: Cluster): boolean {
  const { phrase } = ev;
  if (accordNamedAlike(ev, c)) return true;
  if (peopleCompatible(ev.persons, c.persons) === 'same') return true;
  if (
    !phrase.anaphoric &&
    ev.countriesAreActors &&
    ev.persons.length === 0 &&
    c.persons.size === 0 &&
    peopleCompatible(ev.countries, c.countries) === 'same'
  )
    return true;
  if (ev.place && c.place && ev.place.name === c.place.name && phrase.lemma === c.lemma) return true;
  if (phrase.ordinal && phrase.ordinal === c.ordinal) return true;
  if (isDistinctive(phrase)) {
    return phrase.modifiers.every((w) => c.modifiers.has(w) || w === phrase.ordinal);
  }
  return false;
}

/**
 * Groups phrases into events, in text order. A phrase joins an earlier event when its own evidence
 * agrees with it; otherwise a phrase that only points back (`the summit`, `a meeting`, `the event`)
 * joins the event it most likely means: the latest with its head, else (for `the event`, `the
 * session`) the latest of any kind, else the one the story is about (the most mentioned).
 */
const MAX_OPEN_EVENTS = 40;

function mergeIntoEvents(evidence: Evidence[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const ev of evidence) {
    const { phrase } = ev;
    // Only recent events are candidates: a long text's early events do not absorb its late phrases.
    const candidates = clusters
      .slice(-MAX_OPEN_EVENTS)
      .filter((c) => compatible(ev, c))
      .sort((a, b) => b.lastStart - a.lastStart);
    let home = candidates.find((c) => agrees(ev, c) && (!isDistinctive(phrase) || c.lemmas.has(phrase.lemma)));
    const bare = ev.persons.length === 0 && ev.countries.length === 0 && !ev.place && !isDistinctive(phrase);
    const sameHead = candidates.find((c) => c.lemmas.has(phrase.lemma));
    if (!home && !ev.explicit && (phrase.anaphoric || bare)) {
      home =
        sameHead ??
        (GENERIC_LEMMAS.has(phrase.lemma)
          ? candidates[0]
          : [...candidates].sort((a, b) => b.evidence.length - a.evidence.length || b.lastStart - a.lastStart)[0]);
    }
    // `a highly symbolic ceremony at Panmun Station` after `a groundbreaking ceremony … next week`:
    // the same head again, with nothing that tells it apart, is the same event.
    if (!home && !ev.explicit && ev.persons.length === 0 && !isDistinctive(phrase) && sameHead) home = sameHead;
    if (!home) {
      home = newCluster(ev);
      clusters.push(home);
    }
    home.evidence.push(ev);
    home.lemmas.add(phrase.lemma);
    phrase.modifiers.forEach((w) => home!.modifiers.add(w));
    const lemmasHere = home.sentenceLemmas.get(phrase.sentence) ?? new Set<string>();
    lemmasHere.add(phrase.lemma);
    home.sentenceLemmas.set(phrase.sentence, lemmasHere);
    if (ev.date && specificity(ev.date) > specificity(home.date)) home.date = ev.date;
    if (GENERIC_LEMMAS.has(home.lemma) && !GENERIC_LEMMAS.has(phrase.lemma)) home.lemma = phrase.lemma;
    ev.persons.forEach((p) => home!.persons.add(p));
    // A phrase that refers back (`the talks`) takes no countries from its sentence, which may be about
    // something else; those its own words name are its parties all the same (`the U.S. strike`).
    if (!phrase.anaphoric && ev.countriesAreActors) ev.countries.forEach((p) => home!.countries.add(p));
    else ev.inside.forEach((p) => home!.countries.add(p));
    if (ev.place && (!home.place || (home.place.type === 'COUNTRY' && ev.place.type === 'PLACE')))
      home.place = ev.place;
    home.ordinal ??= phrase.ordinal;
    home.lastSentence = phrase.sentence;
    home.lastStart = phrase.start;
  }
  return clusters.sort((a, b) => a.evidence[0].phrase.start - b.evidence[0].phrase.start);
}

// ---- names ----

const SHORT_COUNTRY: Record<string, string> = { 'United States': 'US', 'United Kingdom': 'UK', 'United Nations': 'UN' };

/**
 * The name a text uses alone for a person (`Kang`, `Trump`): a one-word mention if the text has one,
 * not one of a headline in capitals (`MITCHELL DEFEATS BAILEY`: `Mitchell`, from the full name).
 */
function shortName(canonical: string, persons: Entity[], text: string): string {
  const single = persons.find((e) => {
    const written = text.slice(e.start, e.end);
    return e.name === canonical && !/\s/.test(written) && /\p{Ll}/u.test(written);
  });
  if (single) return text.slice(single.start, single.end);
  const parts = canonical.split(/\s+/);
  return parts.length > 1 ? parts[parts.length - 1] : canonical;
}

const MEDIA = new Set(['interview', 'news conference', 'press conference', 'briefing']);

function eventName(c: Cluster, text: string, persons: Entity[], orgs: Entity[]): string {
  if (c.visit) return c.visit;
  // The phrase with the most modifiers names the kind of event best (`groundbreaking ceremony`).
  const best =
    c.evidence
      .filter((ev) => ev.phrase.lemma === c.lemma)
      .sort((a, b) => b.phrase.modifiers.length - a.phrase.modifiers.length)[0] ?? c.evidence[0];
  const written = text.slice(best.phrase.start, best.phrase.end).toLowerCase().replace(/\s+/g, ' ');
  const headWord = HEADS.has(written.split(' ').slice(-2).join(' '))
    ? written.split(' ').slice(-2).join(' ')
    : (written.split(' ').pop() ?? c.lemma);
  const head = GROUP[c.lemma] === 'meet' || c.lemma === 'test' || MARKET_MOVES.has(c.lemma) ? headWord : c.lemma;
  const kept = best.phrase.modifiers.filter(
    (w) => w !== best.phrase.ordinal && !NAME_STOP_MODIFIERS.has(w) && /^[\p{Ll}\d-]+$/u.test(w),
  );
  const kind = [...kept, head].join(' ');
  const place = c.place ? c.place.name : null;
  const firstSeen = (name: string) => persons.find((e) => e.name === name)?.start ?? Infinity;
  // A traveller is named first (`Pompeo secret trip`); otherwise people in the order the story introduces them.
  const ordered = TRAVEL.has(c.lemma) ? [...c.persons] : [...c.persons].sort((a, b) => firstSeen(a) - firstSeen(b));
  const people = ordered.map((p) => shortName(p, persons, text));
  const nations = [...c.countries].map((n) => SHORT_COUNTRY[n] ?? n);
  // `an interview with CBS News` → `Pompeo CBS interview`.
  const outlet = MEDIA.has(c.lemma) ? mediaOutlet(c, text, orgs) : null;
  // A market's fall, by the market it names after it (`record drop on Wall Street`, `collapse of the tin market`).
  if (best.phrase.market) return `${kind} ${best.phrase.market}`;
  // An accord by the place or the body the text names it after (`the Louvre accord`, `the OPEC
  // accord`), not by whoever the story quotes on it (was `Reagan accord`).
  const after = namedAfter(best.phrase.modifiers);
  if (GROUP[c.lemma] === 'accord' && after.length) return `${after.join(' ')} ${kind}`;
  if (PLACE_NAMED.has(c.lemma) && place) return `${place} ${kind}`;
  if (TRAVEL.has(c.lemma) && place && people.length) return `${people[0]} ${kind} to ${place}`;
  if (outlet && people.length) return `${people[0]} ${outlet} ${kind}`;
  if (people.length >= 2) return `${people.slice(0, 2).join('–')} ${kind}`;
  if (people.length === 1 && place) return `${people[0]} ${place} ${kind}`;
  if (place) return `${place} ${kind}`;
  if (people.length === 1) return `${people[0]} ${kind}`;
  if (nations.length >= 2) return `${nations.slice(0, 2).join('–')} ${kind}`;
  if (nations.length === 1) return `${nations[0]} ${kind}`;
  return kind;
}

/**
 * An outlet as an event's name gives it: a network without its news arm (`CBS News` → `CBS`), a
 * newspaper whole (`New York Times`, which its first word alone would make `New`).
 */
function outletName(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && /^(?:News|Television|TV|Radio|Network|Broadcasting)$/.test(words[words.length - 1]))
    words.pop();
  return words.join(' ');
}

function mediaOutlet(c: Cluster, text: string, orgs: Entity[]): string | null {
  for (const ev of c.evidence) {
    const m = /^\s+(?:with|to|on)\s+/.exec(text.slice(ev.phrase.end, ev.phrase.end + 12));
    if (!m) continue;
    const at = ev.phrase.end + m[0].length;
    const org = orgs.find((o) => o.start === at || o.start === at + 4);
    if (org) return outletName(org.name);
  }
  return null;
}

// ---- the step ----

/** EVENT mentions and the events they name, given the entity and DATE mentions already found. */
export function findEvents(
  text: string,
  _tokens: Token[],
  sentences: Sentence[],
  mentions: Mention[],
  publicationDate: IsoDate | null,
): { mentions: Mention[]; events: EventRecord[] } {
  const entities: Entity[] = mentions
    .filter((m) => isEntityType(m.type))
    .map((m) => ({ type: m.type, start: m.start, end: m.end, name: m.entity ?? m.text }))
    .sort((a, b) => a.start - b.start);
  const dates = mentions.filter((m) => m.type === 'DATE').sort((a, b) => a.start - b.start);
  const phrases = findPhrases(text, sentences, entities);
  if (phrases.length === 0) return { mentions: [], events: [] };
  const evidence = gatherEvidence(text, sentences, phrases, entities, dates);
  const clusters = mergeIntoEvents(evidence);
  const lead = leadDate(text, sentences, dates, phrases, publicationDate);
  const personEntities = entities.filter((e) => e.type === 'PERSON');
  for (const visit of visitsIn(text, sentences, entities, dates)) placeVisit(visit, clusters, personEntities, text);

  const eventMentions: Mention[] = [];
  const events: EventRecord[] = [];
  const names = new Map<string, number>();
  for (const c of clusters) {
    let name = eventName(
      c,
      text,
      personEntities,
      entities.filter((e) => e.type === 'ORG'),
    );
    const date =
      c.date ??
      (lead &&
      c.evidence[0].phrase.sentence > lead.sentence &&
      c.evidence.some((ev) => isSetOnLeadDay(text, ev.phrase, sentences[ev.phrase.sentence]?.start ?? 0))
        ? lead.value
        : null);
    // Two different events with one name, date and place would merge downstream (the store keys
    // events so): number the later ones. Two dates tell them apart already (`the April annual
    // meeting`, `the 1986 annual meeting`).
    const key = [name, date ?? '', c.place?.name ?? ''].join('\u0000');
    const seen = names.get(key) ?? 0;
    names.set(key, seen + 1);
    if (seen) name = `${name} (${seen + 1})`;
    const firstSeen = (name: string) => entities.find((e) => e.name === name)?.start ?? Infinity;
    const participants = unique([...c.persons, ...(c.persons.size ? [] : c.countries)]).sort(
      (a, b) => firstSeen(a) - firstSeen(b),
    );
    events.push({
      name,
      mentions: c.evidence.map((ev) => [ev.phrase.start, ev.phrase.end] as [number, number]),
      date,
      place: c.place ? c.place.name : null,
      participants,
      sentences: unique(c.evidence.map((ev) => ev.phrase.sentence)),
    });
    for (const ev of c.evidence) {
      eventMentions.push({
        type: 'EVENT',
        text: text.slice(ev.phrase.start, ev.phrase.end),
        start: ev.phrase.start,
        end: ev.phrase.end,
        entity: name,
        value: null,
        sentence: ev.phrase.sentence,
      });
    }
  }
  eventMentions.sort((a, b) => a.start - b.start);
  return { mentions: eventMentions, events };
}

/** A lead tells of the day it was filed or of the days just before (`on Friday` in Monday's paper). */
const LEAD_DAYS_BEFORE = 4;

function isLeadDay(day: string, published: IsoDate): boolean {
  const before = daysBetween(day as IsoDate, published);
  return before >= 0 && before <= LEAD_DAYS_BEFORE;
}

/**
 * Whether a later event phrase without a date of its own is set on the lead's day: a gathering
 * where the lead's news was made (`met Thursday … on the sidelines of an international conference`,
 * `told a news conference`, `the interfaith ceremony`). Not an act of violence, an election, an
 * accord, a trip or a hearing: named later without a date they are mostly recalled (`since the
 * Alabama clinic bombing`, `the merger accord was first signed`, `in the 1995 shooting`) or still to
 * come (`attend the hearing in Washington`); nor gatherings in the plural (`abortion protests`, `a
 * number of meetings over the past few days`; `talks` has no singular), nor those said to be earlier
 * or still to come.
 */
function isSetOnLeadDay(text: string, phrase: Phrase, sFrom: number): boolean {
  const noun = eventNoun(phrase.lemma);
  const gathering = noun?.group ? SETTING_GROUPS.has(noun.group) : SETTING_LEMMAS.has(phrase.lemma);
  if (!gathering || !noun) return false;
  const lastWord = (words: string) => words.toLowerCase().split(/\s+/).pop();
  const head = lastWord(text.slice(phrase.start, phrase.end));
  const plural = noun.forms.length > 1 && head === lastWord(noun.forms[1]) && head !== lastWord(noun.forms[0]);
  if (plural) return false;
  const before = text.slice(Math.max(sFrom, phrase.start - 40), phrase.start);
  return !isProspective(text, phrase, sFrom) && !RECALLED.test(before) && !NOT_YET.test(before);
}

const SETTING_GROUPS: ReadonlySet<string> = new Set(['meet', 'conference', 'ceremony']);
const SETTING_LEMMAS: ReadonlySet<string> = new Set([
  'news conference',
  'press conference',
  'session',
  'briefing',
  'rally',
  'protest',
  'interview',
]);
/**
 * Words shortly before an event phrase that make it one still to come, hoped for or going on
 * (`I will take part in the miners' negotiations`, `if a special council session decides`, `willing to
 * continue discussions`, `between now and the board meeting`).
 */
const NOT_YET =
  /\b(?:will|would|could|may|might|shall|should|if|unless|continu(?:e[sd]?|ing)|resum(?:e[sd]?|ing)|now\s+and|to\s+(?:start|begin|hold|open|attend|join|take\s+part\s+in))\b/i;
/** Words before an event phrase that place it before the story's day (`a recent meeting`, `an early vote`). */
const RECALLED =
  /\b(?:since|prior\s+to|recent|earlier|previous|past|last|former|first|initial|original|\d{4})\s+(?:(?:an?|the|this|its|their|[\p{L}.]+['’]s)\s+)?(?:[\p{L}.-]+\s+){0,3}$/iu;

// ---- visits the text dates more precisely than its event ----

/** `X is scheduled to visit South Korea from Wednesday till Saturday`: who goes where, and when. */
interface Visit {
  person: Entity;
  place: Entity;
  /** A day or a range of days. */
  date: string;
  sentence: number;
}

const VISIT_BEFORE_PLACE =
  /\b(?:visit(?:s|ed|ing)?|(?:travel(?:s|led|ed|ling|ing)?|fl(?:y|ies|ew|ying)|go(?:es|ing)?|went)\s+to)\s+(?:the\s+)?$/i;

function visitsIn(text: string, sentences: Sentence[], entities: Entity[], dates: Mention[]): Visit[] {
  const visits: Visit[] = [];
  for (const place of entities) {
    if (place.type !== 'COUNTRY' && place.type !== 'PLACE') continue;
    if (!VISIT_BEFORE_PLACE.test(text.slice(Math.max(0, place.start - 30), place.start))) continue;
    const sentence = sentenceIndexAt(sentences, place.start);
    const { start: sFrom, end: sTo } = sentences[sentence] ?? { start: 0, end: text.length };
    // The date right after the place (`from Wednesday till Saturday`), precise to the day.
    const date = dates.find(
      (d) => d.start >= place.end && d.start <= place.end + 12 && d.end <= sTo && specificity(d.value) === 5,
    );
    if (!date?.value) continue;
    // The traveller: the last person named before the verb in the sentence.
    const person = entities.filter((e) => e.type === 'PERSON' && e.start >= sFrom && e.end <= place.start).pop();
    if (!person) continue;
    visits.push({ person, place, date: date.value, sentence });
  }
  return visits;
}

/**
 * The event a visit is: one the text dated more loosely (`senior-level discussions … this week`)
 * whose dates hold the visit's, with the visited country or the traveller taking part, named before
 * the visit is told. It then takes the visit's days, place and name.
 */
function placeVisit(visit: Visit, clusters: Cluster[], persons: Entity[], text: string): void {
  const days = parseDateValue(visit.date);
  if (!days) return;
  const target = clusters.find((c) => {
    if (c.visit || !c.date || specificity(c.date) >= specificity(visit.date)) return false;
    const span = parseDateValue(c.date);
    if (!span || span.start > days.start || span.end < days.end) return false;
    if (c.evidence[0].phrase.sentence > visit.sentence) return false;
    return c.countries.has(visit.place.name) || c.persons.has(visit.person.name);
  });
  if (!target) return;
  target.date = visit.date;
  target.place = visit.place;
  target.persons.add(visit.person.name);
  target.visit = `${shortName(visit.person.name, persons, text)} visit to ${visit.place.name}`;
}

/** A date on a line of its own after a place in capitals, or before the dash that opens the story. */
function isDatelineDate(text: string, d: Mention): boolean {
  const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
  const place = /^[ \t]*\p{Lu}[\p{Lu}.'’ -]*\p{Lu}(?:,[ \t]*\p{Lu}[\p{L}.'’ -]*)?,?[ \t]+$/u.test(
    text.slice(lineStart, d.start),
  );
  return place && /^[ \t]*(?:\n|$|[-–—_]\s|\(\p{Lu})/u.test(text.slice(d.end, d.end + 4));
}

/**
 * The day a story's lead reports (`The top diplomats … met Thursday`), when its first two sentences
 * give one that no event phrase took: events the story names later without a date of their own
 * (the conference, the news conference) happened then.
 */
function leadDate(
  text: string,
  sentences: Sentence[],
  dates: Mention[],
  phrases: Phrase[],
  published: IsoDate | null,
): { value: string; sentence: number } | null {
  const firstSentences = new Set([0, 1].map((i) => i));
  for (const d of dates) {
    if (!firstSentences.has(d.sentence)) break;
    if (!d.value || parseDateValue(d.value)?.granularity !== 'day') continue;
    // A lead reports the latest news: a day still to come (`a cut is widely expected tomorrow`) or
    // weeks back (`its May 27 offer`, `a report dated February 26`) is not the day it reports.
    if (published && !isLeadDay(d.value, published)) continue;
    if (speechTied(text, d)) continue;
    // A date in a sentence that also names an event belongs to that event.
    if (phrases.some((p) => p.sentence === d.sentence)) continue;
    // A header line (`date 2018-12-18`) is metadata, not the lead; so is a dateline's date
    // (`LONDON 1996-08-31`, `WASHINGTON, March 2 -`): the day it was filed, not what it reports.
    if (d.start < (sentences[0]?.start ?? 0) + 40 && /^\s*\S*\s*$/.test(text.slice(0, d.start))) continue;
    if (isDatelineDate(text, d)) continue;
    return { value: d.value, sentence: d.sentence };
  }
  return null;
}
