import { createRequire } from 'node:module';
import { LEAD_ACTION, type DatedStatement, type DocumentFacts } from '../core/types.js';
import { ACTION_WORDS, actionDeclared, pastParticiple, thirdPerson } from './action-verbs.js';
import { relativeAsideAt } from './asides.js';
import { EVENT_NOUN_FORMS, eventNoun, namesAMarket } from './event-nouns.js';
import { occurrenceSpan } from './dates/vague.js';
import { placedWith } from './place-dates.js';
import { isTitleWord } from '../core/name-forms.js';
import { opensParticiplePhrase, PARTICIPLE, PARTICIPLE_PREPOSITION } from './participles.js';

export type { DocumentFacts };

/**
 * Dated statements: what one sentence of one document says happened on a date — who (subject and
 * other participants), what (an action: a verb and its object's head, or an event noun), where.
 * They are the units the corpus-level clustering (ingest/cluster-events.ts) merges into events. Read off
 * the stored analysis (mentions, per-document events, sentence bounds), so building them needs no
 * second pass of the analyzer.
 */

/** A dated statement of one document. */
export interface Statement extends DatedStatement {
  docId: number;
}

const porter = (() => {
  // Only the stemmer module: the whole of natural costs ≈ 0.4 s to import and prints to stdout.
  const stemmer = createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer') as {
    stem(word: string): string;
  };
  return stemmer;
})();

const stems = new Map<string, string>();
/** The action keys' object terms of light heads (`file:protec`): what clustering prefers another object to. */
export function lightHeadTerms(): Set<string> {
  return new Set(LIGHT_HEADS.map(termOf));
}

/** A Porter stem cut to six letters, so that `suspension` and `suspended` (suspens, suspend) meet. */
export function termOf(word: string): string {
  let t = stems.get(word);
  if (t === undefined) {
    t = porter.stem(word).slice(0, 6);
    if (stems.size < 200_000) stems.set(word, t);
  }
  return t;
}

const STOP = new Set(
  (
    'a an the and or but of to in on at for by with from as is are was were be been being has have had will would ' +
    'shall should can could may might must do does did not no it its this that these those he she they them his her ' +
    'their we our you your i which who whom whose what when where while than then there here also after before since ' +
    'until about over under into onto out up down off per said says say told tell according reported reports added ' +
    'today yesterday tomorrow week month year years months weeks day days last next this monday tuesday wednesday ' +
    'thursday friday saturday sunday january february march april may june july august september october november ' +
    'december jan feb mar apr jun jul aug sep sept oct nov dec mln billion dlrs dlr pct percent cts company companies ' +
    'corp inc ltd co group official officials spokesman sources source announced announcement statement ' +
    'one two three four five six seven eight nine ten more most some any all such other new earlier later'
  ).split(' '),
);
const MODAL = /^(?:to|will|would|may|might|could|should|can|must|did|not|shall|cannot)$/;
const AUXILIARY = /^(?:is|are|was|were|be|been|has|have|had|would|will)$/;
const SPEECH =
  /^(?:said|says|say|told|tells|announced|announces|reported|added|stated|noted|confirmed|disclosed|declined)$/;
const DETERMINER = /^(?:a|an|the|its|his|her|their|our|all|some|any|this|that|these|those)$/;
const ADVERB =
  /^(?:[a-z]+ly|temporarily|indefinitely|also|formally|officially|finally|suddenly|unilaterally|not|then|partially)$/;
const PREPOSITION =
  /^(?:on|in|at|of|for|to|with|from|by|under|over|after|before|as|against|into|until|since|through|during|because|amid|according|despite|near|across|toward|towards|via|within|between|among|beyond|outside|inside|along|behind|above|below|beneath|around|without|throughout|upon|beside|besides|onto|unlike|versus|and|or|but|while|which|that|who)$/;
/** Verbs that make an agreement happen: with them the agreement noun is the event. */
const ACCORD_VERBS = new Set(['agree', 'sign', 'ratify', 'adopt', 'approve']);
/** Words of an amount (`around 900 mln dlrs`, `more than 10 pct`): skipped before an object's noun. */
const AMOUNT_WORD =
  /^(?:mln|billion|dlrs?|pct|some|about|nearly|around|roughly|approximately|almost|more|less|than|up|least|just)$/;
/** Units of a measure written between a figure and the noun it qualifies (`4,000 metres cycling record`). */
const MEASURE_UNIT =
  /^(?:metres?|meters?|kilometres?|kilometers?|km|miles?|yards?|feet|foot|kg|kilos?|kilograms?|tonnes?|litres?|liters?)$/;
/** Words after a measure that say how far or how big, not what (`ten km away`, `30 metres high`). */
const AFTER_MEASURE =
  /^(?:long|high|deep|wide|tall|away|ahead|behind|apart|short|more|less|off|north|south|east|west)$/;
/** Numbers in words (`three and six-month bills`): how many, never what (`seven people` keeps it). */
const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundreds|thousands)$/;
/** Participles that describe the noun before them (`notes priced at par`, `shares held by`, `debt falling due`). */
const PARTICIPLE_AFTER_NOUN = /^(?:[a-z]+[^e]ed|held|due|falling|maturing|sold|paid|made|set|taken)$/;
/** Conjunctions that open a clause (`unless`, `when`): never part of an object. */
const CLAUSE_OPENER = /^(?:unless|if|although|though|whereas|whether|once|nor|lest|when|whenever|where|wherever)$/;
/** Prepositions before which a past form can only describe a noun (`in lost exports`). */
const BEFORE_ATTRIBUTE =
  /^(?:in|of|for|with|on|at|from|into|under|over|amid|despite|against|about|without|after|before|during|via|behind|beneath|beyond|throughout|upon|through|within)$/;
/** Words before a figure that describe the amount (`its frozen 13 billion`, `an estimated 200,000`). */
const BEFORE_AMOUNT = /^(?:\p{Ll}{3,}(?:ed|en)|additional|further|total|extra|initial|another)$/u;
/** Nouns in -ing (`a public offering of`, `the meeting on`), never a clause describing the noun before them. */
const ING_NOUN =
  /^(?:meeting|hearing|briefing|offering|financing|refinancing|spending|funding|trading|listing|borrowing|lending|building|holding|rating|ruling|pricing|opening|filing|warning|signing|bidding|shipping|processing|restructuring|refining|marketing|banking|accounting|advertising|dumping|training|mining|housing|morning|evening|ceiling|setting|understanding|beginning|crossing|dealing|planning|printing|timing|recording|clothing|packaging|engineering|manufacturing|programming|broadcasting|underwriting|licensing|servicing|billing|booking|reporting|farming|fishing|drilling|logging|smelting|spraying|landing|boarding|sitting|polling|hiring|wording|standing|shareholding|stockholding|gaming|gambling|lobbying|wrongdoing|brewing)$/;
/**
 * An -ing form at `j` that opens a clause describing the noun before it (`a resolution calling for`,
 * `shares representing 5.1 pct`): what follows it is a preposition, a determiner, a figure, a name or
 * the phrase's end, not another word of a noun phrase (`crude oil marketing prorationing`).
 */
function isDescribingIng(words: Word[], j: number): boolean {
  const w = words[j];
  if (!/^\p{Ll}{3,}ing$/u.test(w.text) || ING_NOUN.test(w.lower)) return false;
  const next = words[j + 1];
  return (
    next === undefined ||
    next.marked ||
    // (`brewing and marketing rights`: an `and` goes on with the phrase.)
    (PREPOSITION.test(next.lower) && !/^(?:and|or)$/.test(next.lower)) ||
    DETERMINER.test(next.lower) ||
    /^\d/.test(next.text) ||
    AMOUNT_WORD.test(next.lower) ||
    /^\p{Lu}/u.test(next.text)
  );
}
/** Spans of time (`six days of fighting`, `years of disputes`): how long, not what. */
const DURATION = /^(?:hours?|days?|weeks?|months?|years?|decades?)$/;
/** Nouns of how much (`a modest amount of dollars`). */
const QUANTITY_NOUN = /^(?:amounts?|quantit(?:y|ies)|volumes?|lots?|portions?|batch(?:es)?)$/;
/** A word of an amount (`mln`, `dlrs`) or a figure (`300`). */
const AMOUNT_OR_FIGURE = (w: Word): boolean => AMOUNT_WORD.test(w.lower) || /^\d/.test(w.text);
/** Units of quantity before what is bought, sold or shipped. */
const MEASURE_WORD =
  /^(?:tonnes?|tons?|bpd|barrels?|bushels?|ounces?|bales?|bags?|kilos?|kilograms?|lbs|gallons|litres|cubic|metres|meters|feet)$/;
/** Heads that take their meaning from the noun before them (`bankruptcy protection`, `merger talks`). */
const LIGHT_HEADS = [
  'protection',
  'proceedings',
  'relief',
  'status',
  'process',
  'procedures',
  'plans',
  'measures',
  'talks',
  'moves',
];
const LIGHT_HEAD = new RegExp(`^(?:${LIGHT_HEADS.map((w) => `${w.replace(/s$/, '')}s?`).join('|')})$`);
const PRONOUN = /^(?:it|he|she|they|we|i|you|him|them|us|itself|themselves)$/;
/**
 * Adverbs of place and time, never what was done: `meets here`, `visits there`, `closes thereafter`
 * (the dateline's place or the story's day, which the statement keeps apart) name no object.
 */
const PLACE_OR_TIME_ADVERB =
  /^(?:here|there|thereafter|hereafter|ahead|again|abroad|overseas|together|today|tonight|tomorrow|yesterday|now|later|earlier|soon|meanwhile|recently|lately|already|still|yet|instead|afterwards|afterward)$/;
// `U.S.` is one word, not `U` and `S` (an object `third successive U.S. title` read `u`).
const WORD = /(?:\p{L}\.){2,}|[\p{L}][\p{L}'’-]*|\d[\d.,/-]*/gu;

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** A comma, a colon, a bracket or a spaced dash stands between it and the word before (`output, oil`). */
  marked: boolean;
}

/** A word written with `'s` (`New Zealand's`): the text keeps the name without it. */
function isPossessive(w: Word): boolean {
  return w.end - w.start > w.text.length;
}

function wordsOf(body: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  const slice = body.slice(from, to);
  let end = 0;
  for (const m of slice.matchAll(WORD)) {
    const text = m[0].replace(/['’]s$/, '');
    // (AP writes a dash as a spaced underscore: `made last week _ featuring`.)
    const marked = /[,;:()]|\s[-–—_]+\s/u.test(slice.slice(end, m.index));
    end = m.index! + m[0].length;
    words.push({ text, lower: text.toLowerCase(), start: from + m.index!, end: from + end, marked });
  }
  return words;
}

interface Action {
  lemma: string;
  key: string;
  verb: boolean;
  at: number;
  /** The object phrase as written (`interest payments`, `for bankruptcy protection`) and its head. */
  object: string;
  head: string | null;
  /** The participle of a passive (`was shot`): what the subject underwent, not what it did. */
  passive: string | null;
}

/** Acts done to a person, whose noun's possessor underwent them (`his appointment`, `Kopp's arrest`). */
const DONE_TO_PERSON = new Set([
  'appoint',
  'nominate',
  'elect',
  'arrest',
  'detain',
  'release',
  'dismiss',
  'fire',
  'oust',
  'convict',
  'indict',
  'sentence',
  'kidnap',
  'promote',
]);

/** Verbs that say little but that their object happened (`declared a moratorium`, `imposed a moratorium`). */
const LIGHT_VERBS = new Set(['declare', 'impose']);

/** `was shot`, `were fatally wounded`: a form of `be` (an adverb between) before a participle. */
const PASSIVE_BEFORE = /^(?:is|are|was|were|be|been|being)$/;
/**
 * How a price or a market moved (`opened higher`, `closed firmer`, `ended steady`): after a verb, a
 * market report, not a happening.
 */
const MARKET_MOVE =
  /^(?:higher|lower|firm|firmer|weak|weaker|strong|stronger|soft|softer|steady|steadier|easier|mixed|flat|unchanged|sharply|slightly|marginally|quietly|up|down)$/;
/** A form of `be` right before a passive participle, an adverb allowed between (`has been fatally`). */
const BE_BEFORE_PARTICIPLE = String.raw`(?:(?:has|have|had)\s+been|is|are|was|were|(?:will|would|should|could|may|might|must|can)\s+be)(?:\s+\p{L}+ly)?\s+$`;
/** Between a name and its passive verb: `Slepian was shot`, `Emon, who was fired`. */
const PASSIVE_SUBJECT = new RegExp(String.raw`^\s*(?:,?\s*(?:who|which)\s+)?${BE_BEFORE_PARTICIPLE}`, 'iu');
/** … an aside between commas (`Slepian, 52, an obstetrician, was shot`). */
const PASSIVE_AFTER_ASIDE = new RegExp(String.raw`^\s*,[^;()]*,\s*${BE_BEFORE_PARTICIPLE}`, 'iu');
/** … or a person's pronoun later in the sentence (`Slepian was the mainstay … before he was shot`). */
const PASSIVE_PRONOUN = new RegExp(String.raw`\b(?:he|she)\s+${BE_BEFORE_PARTICIPLE}`, 'iu');
/** An aside between commas right before a verb, an auxiliary or an adverb between (group 1: its words). */
const ASIDE_BEFORE_VERB = /,\s+([^,;]*),\s+(?:(?:has|have|had|was|were|is|are|will|would)\s+)?(?:\p{L}+ly\s+)?$/u;
/**
 * Where an aside right before a verb begins (`text` ends at the verb), when it describes the name
 * before it: opening with an article or a participle (`, owned by …,`), or holding a relative word
 * (`, the consultant who reshaped …,`); else -1. (One pattern finds the aside, plain tests judge its
 * words.)
 */
function appositiveBeforeVerb(text: string): number {
  const aside = ASIDE_BEFORE_VERB.exec(text);
  if (!aside) return -1;
  return /^(?:the|a|an)\s/.test(aside[1]) || /\b(?:who|whose|which)\b/.test(aside[1]) || PARTICIPLE_ASIDE.test(aside[1])
    ? aside.index
    : -1;
}

/**
 * A name joined by a hyphen to a participle that says where or whose a thing is (`a river in
 * Pakistan-ruled Kashmir`, `Tokyo-based`, `state-owned`): it describes the noun, and does nothing.
 * (Not `-led` or `-backed`: `U.S.-led forces attacked` tells who was behind it.)
 */
const DESCRIBES_NOUN = /^-(?:ruled|held|controlled|occupied|administered|based|owned|born|made|built)\b/i;
/** An aside opening with a participle and who or where (`, owned by Wagner and Brown …,`, `, based in Dallas,`). */
const PARTICIPLE_ASIDE = /^(?:\p{Ll}+ed|held|run|led|known)\s+(?:by|in|at|near)\s/u;
/**
 * A preposition (and an article) right before a name: it is inside a phrase, not the clause's subject.
 * (Wire copy brackets an unlisted company: `shares in <Cyclops Corp>`.)
 */
const NAME_IN_PHRASE = /\b(?:by|of|for|from|with|to|in|at|on|about|against|between|among)\s+(?:the\s+)?<?$/i;

/**
 * … and who did not act. Not after `of` or `from`: the group a noun belongs to acts with it
 * (`finance ministers of the Group of Seven will meet`, `planes from Afghanistan attacked`); nor
 * after `by`, which names who acted (`owned by Donald Trump … when he acquired`), nor `between`
 * (`an agreement between Nigeria and the Paris Club … to reschedule`). Nor whom a statement was
 * made to (`told the Securities and Exchange Commission it has acquired`).
 */
const NAME_BESIDE_ACT = /\b(?:for|with|to|in|at|on|about|against|told|informed|notified)\s+(?:the\s+)?<?$/i;

function inPhrase(body: string, m: { start: number }): boolean {
  return NAME_IN_PHRASE.test(body.slice(Math.max(0, m.start - 16), m.start));
}

/**
 * Whether the name `m`, after `of`, qualifies the noun after it, and the act comes later than that
 * noun (`6,000 tonnes of RBD palm oil for … shipment after having bought`): a kind of thing, which
 * does nothing. A name ending the phrase may act with the noun it belongs to (`members of the
 * Security Council met`, `an associate of James Baker who launched`), and so may the nouns it
 * qualifies, the act right after them (`the Group of Seven finance ministers meeting`).
 */
function modifiesNounAfterOf(body: string, m: { start: number; end: number }, actionAt: number): boolean {
  if (!/\bof\s+(?:the\s+)?<?$/i.test(body.slice(Math.max(0, m.start - 12), m.start))) return false;
  const next = /^>?\s+(\p{Ll}[\p{Ll}-]*)/u.exec(body.slice(m.end, m.end + 32))?.[1];
  if (next === undefined || /(?:ed|ing)$/.test(next) || ACTION_WORDS.get(next)?.verb) return false;
  if ([AUXILIARY, SPEECH, PREPOSITION, DETERMINER, ADVERB].some((words) => words.test(next))) return false;
  return !/^>?(?:\s+\p{Ll}[\p{Ll}-]*){1,3}\s*$/u.test(body.slice(m.end, actionAt));
}

/**
 * Whether the name `m` stands beside the act, not doing it: inside such a phrase, and neither a
 * possessor (`with Sarney's decision to suspend`) nor the subject of an infinitive (`an agreement for
 * Baxter to acquire Carmark`).
 */
function besideAct(body: string, m: { start: number; end: number }): boolean {
  const before = body.slice(Math.max(0, m.start - 16), m.start);
  const after = body.slice(m.end, m.end + 8);
  if (!NAME_BESIDE_ACT.test(before) || /^['’]s?\s/.test(after)) return false;
  // (`an agreement with the Air Force to stop production` is Fairchild's act, not the Air Force's.)
  return !(/\bfor\s+(?:the\s+)?$/i.test(before) && /^\s+to\s+\p{Ll}/u.test(after));
}

/** A common noun, `that` or `which`, a finite verb and its words, then `and` right before another verb. */
const RELATIVE_THEN_AND =
  /\b(?:a|an|the)\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,3}(?:which|that)\s+\p{Ll}+(?:ed|s)\b[^,;.()]*\s+and\s+$/u;

/** Nouns that stand for a name said before (`the company`, `the bank`): their act is the name's. */
const STANDS_FOR_NAME =
  /^(?:company|companies|firm|firms|group|bank|banks|corporation|government|governments|ministry|agency|unit|subsidiary|partnership|concern|board|party|union|exchange|utility|airline|carrier|maker|producer|insurer|lender|brokerage|fund|trust|consortium|country|state|administration|club|organisation|organization|association|committee|council|commission|court|army|military|treasury|department|office|authority|authorities|team|side|president|minister|chairman|spokesman|official|officials|leader|leaders|investor|investors|buyer|seller|creditors|partners)$/;
/** Adverbs, auxiliaries and modals between a subject and its verb (`had`, `formally`). */
const BEFORE_VERB_WORD =
  /^(?:\p{Ll}+ly|also|not|then|still|already|has|have|had|was|were|is|are|will|would|could|should|may|might|must|can|did|does|do)$/u;

/**
 * Whether the verb at `verbAt` has a common noun with its article right before it (dates, adverbs
 * and auxiliaries skipped) for subject: `where a fire last week killed one miner`. Not a noun that
 * stands for a name said before (`Noranda said the company had bought`), whose act is the name's.
 */
function commonNounActs(
  body: string,
  from: number,
  verbAt: number,
  dates: readonly { start: number; end: number }[],
): boolean {
  return commonNounSubject(body, from, verbAt, dates) !== null;
}

/** The words of commonNounActs's noun phrase, its article left out (`fire`), or null. */
function commonNounSubject(
  body: string,
  from: number,
  verbAt: number,
  dates: readonly { start: number; end: number }[],
): string | null {
  let text = body.slice(from, verbAt);
  for (const d of dates)
    if (d.start >= from && d.end <= verbAt)
      text = text.slice(0, d.start - from) + ' '.repeat(d.end - d.start) + text.slice(d.end - from);
  const words = text.trim().split(/\s+/);
  while (words.length && BEFORE_VERB_WORD.test(words[words.length - 1])) words.pop();
  // The article, then one to three words of a noun phrase ending right before the verb.
  for (let k = words.length - 2; k >= Math.max(0, words.length - 4); k--) {
    if (!isNounPhraseWord(words[k + 1])) return null;
    // (`Russia and the rebels agreed a truce`: a phrase joined to the name acts with it.)
    if (/^(?:a|an|the)$/.test(words[k]))
      return !STANDS_FOR_NAME.test(words[words.length - 1]) && !/^(?:and|or|&)$/.test(words[k - 1] ?? '')
        ? words.slice(k + 1).join(' ')
        : null;
  }
  return null;
}

/** Words of time and degree that a noun phrase before a verb does not hold (`the strike today closes`, `the trust last paid`). */
const NOT_A_NOUN =
  /^(?:today|yesterday|tonight|tomorrow|now|then|last|first|ever|also|just|later|earlier|again|top|most|more|somewhat|sudden|rather|quite|very|\p{Ll}+ly)$/u;

/** A noun phrase fit to name who acted: none of its words one of time or degree (`earlier`, `somewhat`). */
function nounPhrase(phrase: string | null): string | null {
  return phrase?.split(' ').every((w) => !NOT_A_NOUN.test(w)) ? phrase : null;
}

/**
 * The common noun phrase that opens a clause and is its verb's subject, its article left out: `A
 * huge car bomb exploded` → `huge car bomb`. Only an article, one to three lower-case words of a
 * noun phrase and, perhaps, an adverb before the verb; null for anything else (a passive's `was`, a
 * name, a date, another verb).
 */
function openingNoun(
  body: string,
  from: number,
  verbAt: number,
  dates: readonly { start: number; end: number }[],
): string | null {
  // (After a date that opens the clause: `On June 2 the central bank froze …`.)
  let start = from;
  for (const d of dates)
    if (
      d.start >= from &&
      d.end <= verbAt &&
      /^\s*(?:on|in|at|by|late|early|earlier|later|since)?\s*$/i.test(body.slice(start, d.start))
    )
      start = /^,/.test(body.slice(d.end).trimStart()) ? body.indexOf(',', d.end) + 1 : d.end;
  const words = body.slice(start, verbAt).trim().split(/\s+/);
  if (words.length < 2 || !/^(?:a|an|the)$/i.test(words[0])) return null;
  if (/\p{Ll}+ly$/u.test(words[words.length - 1])) words.pop();
  const phrase = words.slice(1);
  if (phrase.length === 0 || phrase.length > 3 || !phrase.every(isNounPhraseWord)) return null;
  if (STANDS_FOR_NAME.test(phrase[phrase.length - 1]) || BEFORE_VERB_WORD.test(phrase[phrase.length - 1])) return null;
  return nounPhrase(phrase.join(' '));
}

/** A lower-case word that may be part of a noun phrase: no preposition, verb of saying, auxiliary or pronoun. */
function isNounPhraseWord(w: string): boolean {
  return (
    /^\p{Ll}[\p{Ll}-]*$/u.test(w) &&
    !PREPOSITION.test(w) &&
    !SPEECH.test(w) &&
    !AUXILIARY.test(w) &&
    !MODAL.test(w) &&
    !PRONOUN.test(w) &&
    !DETERMINER.test(w)
  );
}

/** Words that open a date the recognizer spans without them (`last Oct. 23`, `early March`). */
const DATE_OPENER = /^(?:last|next|this|early|late|mid)$/;

/**
 * Where the words after a date at `j` begin (`in January`, `last week`, `on March 3`; unmarked), or
 * `j` itself when no date stands there.
 */
function pastDate(words: Word[], j: number, isDate: (at: number) => boolean): number {
  let k = j;
  if (words[k] && /^(?:in|on|during|at)$/.test(words[k].lower) && words[k + 1] && !words[k + 1].marked) k++;
  if (!words[k] || !isDate(words[k].start) || words[k].marked) return j;
  while (k < words.length && isDate(words[k].start) && (k === j || !words[k].marked)) k++;
  return words[k] && !words[k].marked ? k : j;
}

/** Words of an object phrase (a name under way may add three more). */
const MAX_OBJECT_WORDS = 4;

/** The object phrase after an action word: adverbs, determiners and numbers skipped; up to a preposition. */
function objectAfter(
  words: Word[],
  i: number,
  verb: boolean,
  entityAt: Map<number, string>,
  isDate: (at: number) => boolean,
  /** A noun's object may follow `on` too (`a moratorium on interest payments`), not only `of`. */
  on = false,
): { phrase: string; head: string | null } {
  const out: string[] = [];
  /** Positions in `out` that are names the recognizer found. */
  const named = new Set<number>();
  let j = i + 1;
  let lead = '';
  while (j < words.length && ADVERB.test(words[j].lower)) j++;
  if (!verb) {
    // `the resignation in January of Hu Yaobang`: the noun's own date may stand before its `of`.
    j = pastDate(words, j, isDate);
    // `suspension of interest payments`, `a moratorium on interest payments`
    if (words[j]?.lower !== 'of' && !(on && words[j]?.lower === 'on')) return { phrase: '', head: null };
    j++;
  } else if (
    words[j]?.lower === 'to' &&
    words[j + 1] &&
    /^[a-z]+$/.test(words[j + 1].text) &&
    !DETERMINER.test(words[j + 1].lower) &&
    !PREPOSITION.test(words[j + 1].lower)
  ) {
    // `agreed to stabilise currencies`: the infinitive says what was agreed.
    lead = `to ${words[j + 1].lower}`;
    j += 2;
  } else if (words[j] && /^(?:for|into|against)$/.test(words[j].lower)) {
    // `filed for bankruptcy protection`, `went into receivership`
    lead = words[j].lower;
    j++;
  }
  const opens = j;
  // Four words at most, but a name under way runs to its end (`won an unprecedented third
  // successive U.S. Amateur Championship`, not `… successive U.S.`).
  const nameGoesOn = (k: number) =>
    out.length < MAX_OBJECT_WORDS + 3 &&
    /^\p{Lu}/u.test(out[out.length - 1] ?? '') &&
    /^\p{Lu}\p{Ll}/u.test(words[k].text) &&
    !words[k].marked;
  for (; j < words.length && (out.length < MAX_OBJECT_WORDS || nameGoesOn(j)); j++) {
    const w = words[j];
    // The phrase ends at a comma, a colon, a bracket or a dash: `cut output, oil ministers said` is about output.
    // Right after a verb, a mark ends it before it starts (`the bans were lifted, the officials said`).
    if (w.marked && (out.length || (verb && j === opens))) break;
    if (DETERMINER.test(w.lower) || /^\d/.test(w.text) || AMOUNT_WORD.test(w.lower)) {
      // `closed New Zealand's 15 ports`: after a possessor the figure is how many of what it has.
      if (out.length && isPossessive(words[j - 1]) && !w.marked) continue;
      // `broke the world 4,000 metres cycling record`: a measure before another noun qualifies it,
      // like the word before it (the object was `world`).
      if (
        out.some((o) => !NUMBER_WORD.test(o.toLowerCase())) &&
        /^\d/.test(w.text) &&
        MEASURE_UNIT.test(words[j + 1]?.lower ?? '') &&
        /^\p{Ll}+$/u.test(words[j + 2]?.text ?? '') &&
        !PREPOSITION.test(words[j + 2].lower) &&
        !CLAUSE_OPENER.test(words[j + 2].lower) &&
        !ADVERB.test(words[j + 2].lower) &&
        !AFTER_MEASURE.test(words[j + 2].lower) &&
        !words[j + 1].marked
      ) {
        j++;
        continue;
      }
      // `four pct of its shares`: numbers in words before an amount are part of it; so are the
      // participles and adjectives before a figure (`its frozen 13 billion dollar debt`, `an
      // estimated 200,000 tonnes`), which describe the amount, not what there is of it.
      if (out.some((o) => !NUMBER_WORD.test(o.toLowerCase()) && !(/^\d/.test(w.text) && BEFORE_AMOUNT.test(o)))) break;
      out.length = 0;
      named.clear();
      continue;
    }
    // `killing at least 19 people`, `at most 5 pct`: an amount's bound, not a place's `at`.
    if (w.lower === 'at' && /^(?:least|most)$/.test(words[j + 1]?.lower ?? '') && out.length === 0) {
      j++;
      continue;
    }
    // `medium- and long-term`, `F-16`: a word cut at its hyphen is no head.
    if (w.text.endsWith('-')) {
      if (out.length) break;
      continue;
    }
    // `sold 100 mln dlrs of notes priced at par`, `shares held by`: a participle after the noun
    // describes it.
    if (out.length && PARTICIPLE_AFTER_NOUN.test(w.lower) && PREPOSITION.test(words[j + 1]?.lower ?? 'of')) break;
    // `passed a resolution calling for`, `shares representing 5.1 pct`, `reserves totaling 12 mln
    // dlrs`: an -ing form after the noun, before what is not a word of the phrase, opens a clause
    // describing the noun (`a public offering of` is the noun itself).
    if (out.length && isDescribingIng(words, j)) break;
    // `bought 200,000 tonnes of wheat`, `tonnes white sugar`: a measure says how much, not what.
    if (MEASURE_WORD.test(w.lower) && out.length === 0) {
      if (words[j + 1]?.lower === 'of') j++;
      continue;
    }
    // `a 100 dlr per share tender offer`: what the amount is per is part of the amount.
    if (w.lower === 'per' && out.length === 0 && j > opens && AMOUNT_OR_FIGURE(words[j - 1])) {
      j++;
      continue;
    }
    // `impose 300 mln dlrs of tariffs`: an amount's `of` leads to what there is that much of.
    if (w.lower === 'of' && out.length === 0 && j > opens && !w.marked && AMOUNT_OR_FIGURE(words[j - 1])) continue;
    // `bought a modest amount of dollars`: so does a noun of quantity, with what describes it.
    // `to end six days of fighting`: so does a span of time, with its number.
    const howLong = DURATION.test(w.lower) && out.every((o) => NUMBER_WORD.test(o.toLowerCase()));
    if ((QUANTITY_NOUN.test(w.lower) || howLong) && words[j + 1]?.lower === 'of' && !words[j + 1].marked) {
      out.length = 0;
      named.clear();
      j++;
      continue;
    }
    // `125 mln dlrs of 10-year first mortgage bonds`: the rest of a figure cut at its hyphen.
    if (out.length === 0 && /^\d.*-$/.test(words[j - 1]?.text ?? '')) continue;
    if (
      PREPOSITION.test(w.lower) ||
      // `withdraw their 16 ministers unless Socialist Prime Minister Bettino Craxi resigned`,
      // `collapsed when`: a conjunction opens a clause of its own.
      CLAUSE_OPENER.test(w.lower) ||
      // `tariffs worth up to 300 mln dlrs`: what follows is how much.
      w.lower === 'worth' ||
      SPEECH.test(w.lower) ||
      MODAL.test(w.lower) ||
      AUXILIARY.test(w.lower) ||
      isDate(w.start) ||
      // `shot to death last Oct. 23`: a word opening a date is part of it.
      (DATE_OPENER.test(w.lower) && j + 1 < words.length && isDate(words[j + 1].start)) ||
      PRONOUN.test(w.lower) ||
      PLACE_OR_TIME_ADVERB.test(w.lower) ||
      // `bought rapeseed overnight`, but `overnight call money`.
      (w.lower === 'overnight' && (!words[j + 1] || words[j + 1].marked || PREPOSITION.test(words[j + 1].lower)))
    ) {
      break;
    }
    // `rejected U.S. offers`: a plural after a name is the noun the name describes, not a verb.
    const pluralAfterName = /[^s]s$/.test(w.lower) && entityAt.has(words[j - 1].start) && !isPossessive(words[j - 1]);
    if (ACTION_WORDS.get(w.lower)?.verb && out.length && !ING_NOUN.test(w.lower) && !pluralAfterName) break;
    const entity = entityAt.get(w.start);
    if (entity === '') continue;
    // `sued Genetech Inc <GENE>`: a name's stock symbol right after it is that name again.
    if (entity !== undefined && named.has(out.length - 1) && out[out.length - 1] === entity) continue;
    if (entity !== undefined) named.add(out.length);
    out.push(entity ?? (/^\p{Lu}/u.test(w.text) && !/^\p{Lu}+$/u.test(w.text) ? w.text : w.lower));
  }
  // `sold … of three and six-month bills`: a number alone says how many, not what.
  while (out.length && NUMBER_WORD.test(out[out.length - 1].toLowerCase())) out.pop();
  // `meets Brazilian Finance Minister Funaro`, `visits U.S. Treasury Secretary Baker`, `the resignation
  // of reformist Communist Party leader Hu Yaobang`: a person is named by the name, as the subject is
  // (`Goria meets Funaro`), not by the titles and what describes them before it.
  const titled = out.length - 1;
  if (titled > 0 && named.has(titled) && isTitleWord(out[titled - 1])) out.splice(0, titled);
  const phrase = out.join(' ');
  // `bankruptcy protection`, `merger talks`: after a noun, a light head says less than the noun before it.
  const last = out.length - 1;
  const headAt = last > 0 && LIGHT_HEAD.test(out[last].toLowerCase()) ? last - 1 : last;
  return {
    phrase: phrase && lead ? `${lead} ${phrase}` : phrase,
    head: out.length ? out[headAt].toLowerCase() : null,
  };
}

/**
 * `today's closing market level`, `the country's ousted prime minister`: a participle between a
 * possessive (the word before it was written with `'s`) and a noun describes the noun; not before
 * `to` or a preposition (`Lloyd's agreed to implement`).
 */
function describesAfterPossessive(words: Word[], i: number): boolean {
  const before = words[i - 1];
  const after = words[i + 1];
  return (
    /(?:ed|ing)$/.test(words[i].lower) &&
    before !== undefined &&
    isPossessive(before) &&
    after !== undefined &&
    /^[a-z]+$/.test(after.text) &&
    !PREPOSITION.test(after.lower) &&
    !DETERMINER.test(after.lower)
  );
}

/** Verbs of a figure that moves by itself, which with no object are its move (`Sales … surged`). */
const MOVES_WITHOUT_OBJECT = new Set(['drop', 'soar', 'surge', 'plunge', 'increase']);
/** … and with a number after them (`dropped 5 pct`, `lost 2-1/4 points`; `lost to England` is a match). */
const MOVES_BY_ITSELF = new Set([...MOVES_WITHOUT_OBJECT, 'lose']);

/**
 * Whether the verb at `i` tells a figure's move: right after it (adverbs skipped) `to` or `by` and
 * a number (`dropped to 60.2 pct`, `increased to a preliminary 277,500 tons`),
 * or for a verb of a figure moving by itself a number at once (`lost 2-1/4 points`). Not a passive
 * (`rates were raised by 1/4 point` was done by someone).
 */
function isFigureMove(words: Word[], i: number, lemma: string): boolean {
  if (PASSIVE_BEFORE.test(words[i - 1]?.lower ?? '')) return false;
  let j = i + 1;
  while (j < words.length && ADVERB.test(words[j].lower)) j++;
  const next = words[j];
  if (!next || next.marked) return false;
  if (MOVES_BY_ITSELF.has(lemma)) {
    // `plunged more than 500 points`, `lost nearly 2 pct`: the figure after a word or two of how much.
    let k = j;
    while (k < words.length && k <= j + 2 && !words[k].marked && ABOUT_FIGURE.test(words[k].lower)) k++;
    if (/^\d/.test(words[k]?.text ?? '') && !words[k].marked) return true;
  }
  if (next.lower !== 'to' && next.lower !== 'by') return false;
  let k = j + 1;
  while (k < words.length && k <= j + 3 && BEFORE_FIGURE.test(words[k].lower)) k++;
  return /^\d/.test(words[k]?.text ?? '');
}

/** Words of how much before a figure a verb moved by (`more than 500 points`, `a further 233.2 points`). */
const ABOUT_FIGURE =
  /^(?:more|less|than|nearly|almost|about|around|roughly|some|over|just|only|approximately|a|an|further|another|additional)$/;

/** Words between `to` and a figure (`to a preliminary 277,500`, `to around 8-3/8 pct`), not a verb (`agreed to buy 100 pct`). */
const BEFORE_FIGURE =
  /^(?:a|an|about|around|nearly|almost|some|roughly|approximately|just|over|under|below|above|preliminary|estimated|record|revised|adjusted|seasonally)$/;

/** Whether a date follows the word at `i` within its phrase (eight words, no comma between). */
function datedWithin(words: Word[], i: number, isDate: (at: number) => boolean): boolean {
  for (let k = i + 1; k < Math.min(words.length, i + 9); k++) {
    if (words[k].marked) return false;
    if (isDate(words[k].start)) return true;
  }
  return false;
}

/** Verbs of asking someone to act (`urged`, `called on`, `asked`). */
const REQUEST =
  /^(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed|ing)|appeal(?:s|ed|ing)|press(?:es|ed|ing)|encourag(?:e|es|ed|ing)|request(?:s|ed|ing)?|invit(?:e|es|ed|ing)|demand(?:s|ed|ing)?)$/;

/** Action nouns in the plural that name a flow, not acts (`sales`, `payments`). */
const FLOWS = new Set(['sales', 'payments', 'repayments']);

/** Prepositions that put an action noun after them in a phrase about something else (`over the acquisition`). */
const REFERRING_PREPOSITION = /^(?:over|with|about|against|from|following|after|since|despite|into|under)$/;

/** Periods a date bounds (`the week ended March 28`, `the year ending in August`), and a fiscal year's number. */
const PERIOD = /^(?:weeks?|months?|years?|quarters?|periods?|half|halves|session|day|\d{4}(?:\/\d{2,4})?)$/;

/** Words of a forecast before `to` (`expected to`, `likely to`). */
const FORECAST = /^(?:expected|likely|unlikely|predicted|forecast|projected|estimated)$/;

/**
 * Whether the verb at `i` is forecast (`an effort which is expected to be completed in January
 * 1990`, `is likely to cut rates`): no act, and what follows in its clause is its (a plan someone
 * announced keeps its verb: `will sign`, `plans to sign`).
 */
function isForecast(words: Word[], i: number): boolean {
  let j = i - 1;
  if (/ly$/.test(words[j]?.lower ?? '') && words[j].lower !== 'likely') j--;
  if (words[j]?.lower === 'be') j--;
  return words[j]?.lower === 'to' && FORECAST.test(words[j - 1]?.lower ?? '');
}

/**
 * Words before `to` that say the next verb's act did not happen (`failed to agree`, `Japan's
 * failure to honour`), or not yet: an attempt at it (`sought to end a wave of labour unrest`, `the
 * union's bid to raise wages`), a hope (`hoped to sign a document later in the day`) or a promise of
 * it (`a July 1986 agreement to stop dumping`).
 */
const NOT_DONE_BEFORE_TO =
  /^(?:fail(?:s|ed|ing|ure)?|refus(?:e|es|ed|ing|al)|declin(?:e|es|ed|ing)|unable|attempt(?:s|ed|ing)?|bid|efforts?|tr(?:y|ies|ied|ying)|s(?:eek|eeks|eeking|ought)|hop(?:e|es|ed|ing)|agreements?|pacts?|accords?|promises?|pledges?|commitments?|threats?|prepared|ready|willing|eager|want(?:s|ed|ing)?|wish(?:es|ed|ing)?|not|never)$/;

/** Words of a short date between a verb and its infinitive (`failed in February to`, `agreed last week to`). */
const DATE_WORD =
  /^(?:in|on|last|this|early|late|yesterday|today|tonight|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,4})$/;

/**
 * Whether the verb at `i` tells of no act done: negated (`not` or `never`, an adverb between; a
 * `-n't` form; `failed to`; `no plans (for …) to`), attempted (`sought to`), promised (`an
 * agreement to`), asked of someone (`urged X to`), possible (`may`, `could`, `if`) or what would
 * follow from something else (`bills that would cut`); a second infinitive (`… and to open`) as the
 * first.
 */
function isNotDone(words: Word[], i: number): boolean {
  let j = i - 1;
  if (/ly$/.test(words[j]?.lower ?? '')) j--;
  const before = words[j]?.lower ?? '';
  if (/^(?:not|never|cannot)$/.test(before) || /n['’]t$/.test(before)) return true;
  // `the Fed may intervene`, `could cut revenues`, `the best Reagan can offer`, `If adopted by
  // Congress`: what might happen.
  // (The modal `may` is written in lower case; the month `May` never is.)
  if (/^(?:might|could|can|if)$/.test(before) || words[j]?.text === 'may') return true;
  // `would only take action if British law was broken`, `asked whether Brazil had paid`: what a
  // condition or a question supposes, a few words back in the verb's own phrase.
  for (let k = j - 1; k >= Math.max(0, j - 4); k--) {
    if (/^(?:if|unless|whether)$/.test(words[k].lower)) return true;
    if (words[k].marked) break;
  }
  // `bills that would cut target prices`, `unless the dispute was settled … he would withdraw`: what
  // would follow from something else (`said it would raise prices` announces an act, and stays).
  if (before === 'would') {
    if (/^(?:that|which)$/.test(words[j - 1]?.lower ?? '')) return true;
    if (words.slice(Math.max(0, j - 15), j).some((w) => /^(?:if|unless)$/.test(w.lower))) return true;
  }
  if (before !== 'to') return false;
  // `an agreement to stop dumping … and to open its home market`: the second infinitive is the first's.
  if (/^(?:and|or)$/.test(words[j - 1]?.lower ?? '')) {
    for (let k = j - 2; k >= Math.max(1, j - 14); k--) if (words[k].lower === 'to') return isNotDone(words, k + 1);
  }
  if (NOT_DONE_BEFORE_TO.test(words[j - 1]?.lower ?? '')) return true;
  // `failed in February to reach an agreement`, `refused last week to sign`: a date between.
  let k = j - 1;
  while (k > 0 && j - k <= 3 && DATE_WORD.test(words[k].lower)) k--;
  if (k < j - 1 && NOT_DONE_BEFORE_TO.test(words[k].lower)) return true;
  // `urged Texas lawmakers to adopt incentives`, `called on Reagan to impose penalties`: asked of
  // someone, not done.
  for (let k = j - 1; k >= Math.max(0, j - 7); k--) {
    if (words[k].marked && k < j - 1) break;
    if (REQUEST.test(words[k].lower)) return true;
  }
  for (let k = j - 1; k >= Math.max(1, j - 8); k--)
    if (/^plans?$/.test(words[k].lower) && words[k - 1].lower === 'no') return true;
  return false;
}

/**
 * Whether the action noun at `i` names no act of the sentence: one right after a date not the
 * statement's (see datedOtherwise), the object of a verb not done (`still had not signed an
 * agreement`), an -ing noun describing another (`in the opening game`), a flow a figure measures
 * (`Retail sales of new cars eased 2.2 pct`; `the sale of its Heublein unit` is an act), or an act
 * recalled inside a phrase about something else, its date another's, unless the phrase holds its own
 * (`its dispute with Texaco over the acquisition of Getty Oil`; `following the death of founder Heinz
 * Nixdorf in March 1986` keeps March 1986).
 */
function isNoActNoun(
  words: Word[],
  i: number,
  isDate: (at: number) => boolean,
  date?: { start: number; end: number },
): boolean {
  const w = words[i];
  const prev = words[i - 1]?.lower ?? '';
  if (datedOtherwise(words, i, isDate, date)) return true;
  if (rememberedByAnniversary(words, i)) return true;
  if (DETERMINER.test(prev) && i >= 2 && isNotDone(words, i - 2)) return true;
  // `demanding the resignation of President Chun`, `called for the resignation`: asked for, not done.
  if (DETERMINER.test(prev) && i >= 2) {
    const asking = words[i - 2].lower === 'for' ? (words[i - 3]?.lower ?? '') : words[i - 2].lower;
    if (REQUEST.test(asking) || /^s(?:eek|eeks|eeking|ought)$/.test(asking)) return true;
  }
  // `Japan's failure to adhere to an agreement`: the object of a verb's preposition, the verb not done.
  if (DETERMINER.test(prev) && i >= 3 && /^(?:to|with|by)$/.test(words[i - 2].lower) && isNotDone(words, i - 3))
    return true;
  if (/ing$/.test(w.lower) && /^[a-z]+$/.test(words[i + 1]?.text ?? '') && words[i + 1].lower !== 'of') return true;
  if (FLOWS.has(w.lower)) return true;
  return prev === 'the' && REFERRING_PREPOSITION.test(words[i - 2]?.lower ?? '') && !datedWithin(words, i, isDate);
}

/**
 * Whether the action noun at `i` is what an anniversary remembers, named after `anniversary of` or
 * in an aside after that name (`the 39th anniversary of the Bay of Pigs fiasco, an aborted invasion
 * of Cuba`): it happened years before the sentence's day.
 */
function rememberedByAnniversary(words: Word[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(1, i - 12); k--) {
    if (words[k].lower !== 'of' || !/^anniversar(?:y|ies)$/.test(words[k - 1].lower)) continue;
    // The noun phrase after `of` (a determiner and three words), or the name and an aside opened by
    // `a` or `an` of three words at most; not a noun of a later clause (`on the anniversary of his
    // election he announced a reform`).
    const marks: number[] = [];
    for (let m = k + 1; m <= i; m++) if (words[m].marked) marks.push(m);
    if (marks.length === 0) return i - k <= 5;
    const [m] = marks;
    return marks.length === 1 && /^an?$/.test(words[m].lower) && m - k <= 6 && i - m <= 3;
  }
  return false;
}

/**
 * Whether a word may be a common noun before another (`base`, `government`, `sugar`): lower case and
 * none of the words that open or bind a phrase (`its`, `by`, `was`, `still`, `already`, `quickly`).
 */
function isCommonNoun(w: Word): boolean {
  return (
    /^[a-z]+$/.test(w.text) &&
    !/ly$/.test(w.lower) &&
    !DETERMINER.test(w.lower) &&
    !PREPOSITION.test(w.lower) &&
    !PRONOUN.test(w.lower) &&
    !AUXILIARY.test(w.lower) &&
    !MODAL.test(w.lower) &&
    !SPEECH.test(w.lower) &&
    !ADVERB.test(w.lower) &&
    !NOT_A_NOUN_BEFORE.test(w.lower)
  );
}

/** Objects that are a state of mind or a chance (`the likelihood`, `concern`, `hopes`, `pressure`). */
const ABSTRACT_OBJECT =
  /^(?:likelihood|possibility|chances?|concerns?|hopes?|fears?|worr(?:y|ies)|doubts?|uncertainty|speculation|expectations?|confidence|optimism|pessimism|pressures?)$/;
/** Articles and possessives: what follows them is a noun phrase. */
const ARTICLE = /^(?:a|an|the|its|his|her|their|our)$/;
/** Nouns an -ing form makes a compound with, in the singular too (`government borrowing target`). */
const COMPOUND_HEAD =
  /^(?:rate|target|price|requirement|tender|limit|margin|ceiling|session|profit|loss|income|cost|power|facility|season|day)$/;
/** Words before an -ing form that are no noun it could describe the next with. */
const NOT_A_NOUN_BEFORE =
  /^(?:still|already|while|without|also|even|just|then|now|further|was|were|his|her|their|them|who)$/;

/**
 * Whether the word at `i` comes right after a date that is not the statement's (`date`): `issued
 * Monday charged Kopp … in the 1995 shooting` tells of no shooting on Monday.
 */
function datedOtherwise(
  words: Word[],
  i: number,
  isDate: (at: number) => boolean,
  date: { start: number; end: number } | undefined,
): boolean {
  const before = words[i - 1];
  return (
    date !== undefined &&
    before !== undefined &&
    !words[i].marked &&
    isDate(before.start) &&
    outside(before.start, date)
  );
}

/** Whether an offset lies outside a date's span (a date other than the statement's). */
function outside(at: number, date: { start: number; end: number }): boolean {
  return at < date.start || at >= date.end;
}

/**
 * `a ruling last Monday … over the acquisition of Getty Oil Co in 1984`: an action noun whose own
 * date follows it within a few words (`in 1984`, `on March 3`) is that date's act, not the
 * statement's.
 */
function nounDatedAfter(
  words: Word[],
  i: number,
  isDate: (at: number) => boolean,
  date: { start: number; end: number } | undefined,
): boolean {
  if (date === undefined) return false;
  for (let k = i + 1; k < Math.min(words.length, i + 7); k++) {
    const w = words[k];
    if (!isDate(w.start)) continue;
    return outside(w.start, date) && /^(?:in|on|of)$/.test(words[k - 1].lower);
  }
  return false;
}

/**
 * Who a participle right before `by` names as acting (`the ceiling agreed by OPEC`, `a pact signed by
 * the two countries`): the name right after `by` (or `by the`), else none.
 */
function agentAfter<M extends { start: number }>(
  words: Word[],
  action: Action | null,
  mentions: readonly M[],
): M | undefined {
  if (!action?.verb || !/[a-z]ed$/.test(words[action.at].lower) || words[action.at + 1]?.lower !== 'by')
    return undefined;
  const next = words[action.at + 2]?.lower === 'the' ? words[action.at + 3] : words[action.at + 2];
  // (`an appeal filed by Elian's Miami relatives`: a possessive names whose, not who.)
  return next && !next.marked && !isPossessive(next) ? mentions.find((m) => m.start === next.start) : undefined;
}

/** Acts whose clause says what was ruled, decided or proposed (what it says may name other places). */
const CONTENT_VERBS = new Set(['rule', 'decide', 'order', 'propose', 'recommend', 'warn', 'urge', 'announce']);

/**
 * Whether a place is said inside what a verb's clause says or rules, not where its act was: after a
 * `that` it opens (`the INS ruled Wednesday that he must be returned to his father in Cuba`), or in
 * words put before its subject and a comma (`must be returned to his father in Cuba, immigration
 * authorities ruled`; a clause's opening `In Washington,` is where).
 */
function inVerbsContent(
  body: string,
  cFrom: number,
  action: Action | null,
  actionAt: number,
  m: { start: number; end: number },
): boolean {
  if (!action?.verb || !CONTENT_VERBS.has(action.lemma)) return false;
  if (m.start > actionAt) return /\bthat\b/i.test(body.slice(actionAt, m.start));
  const before = body.slice(cFrom, m.start).match(/\p{L}+/gu)?.length ?? 0;
  return before > 4 && body.slice(m.end, actionAt).includes(',');
}

/** Nouns of a decision or an agreement: what was decided is dated by when it was made or signed. */
const INSTRUMENT =
  /^(?:agreements?|accords?|pacts?|treat(?:y|ies)|contracts?|deals?|settlements?|decisions?|plans?|proposals?|programs?|programmes?|packages?|orders?|letters?|memorandum|understanding|moves?|steps?|actions?|measures?|initiatives?|offers?|bids?)$/;

/**
 * The index of a participle right after a common noun or a figure that a date follows at once (`the
 * agreement signed last September`, `the 18.3 mln agreed in December`, `talks ended last week`): the
 * date is that verb's; -1 when there is none. (`Reagan announced last week`: a name's verb, the
 * clause's own.)
 */
function participleDatedBy(words: Word[], date: { start: number; end: number }): number {
  const at = words.findIndex((w) => w.start >= date.start);
  if (at < 1) return -1;
  let k = at - 1;
  if (/^(?:in|on|at)$/.test(words[k].lower) && !words[k].marked) k--;
  const verb = words[k];
  const before = words[k - 1];
  if (!verb || !before || verb.marked || words[k + 1]?.marked) return -1;
  if (!/^[a-z]{3,}ed$/.test(verb.text) || /^(?:[a-z]+eed|need|feed|speed)$/.test(verb.lower)) return -1;
  // `Under the agreement signed in February the Saudis agreed to supply oil`, `Sarney's decision
  // announced on February 20 to suspend interest payments`: what the instrument did is dated by it.
  if (INSTRUMENT.test(before.lower)) return -1;
  // `an Arab newspaper reported on Tuesday`: a telling's date is the statement's (see announcedOn).
  if (/^(?:reported|announced|stated|disclosed|confirmed|revealed|added|noted)$/.test(verb.lower)) return -1;
  // `the board decided Tuesday to withdraw the proposal`, `the dispute intensified last week when
  // Reagan said …`: a clause's own verb, its act told by what follows the date.
  const after = words.find((w) => w.start >= date.end);
  if (after && !after.marked && /^(?:to|when|as)$/.test(after.lower)) return -1;
  return /^(?:[a-z]+|\d[\d.,]*)$/.test(before.text) &&
    !DETERMINER.test(before.lower) &&
    !AUXILIARY.test(before.lower) &&
    !PRONOUN.test(before.lower) &&
    !MODAL.test(before.lower) &&
    !ADVERB.test(before.lower) &&
    !PREPOSITION.test(before.lower)
    ? k
    : -1;
}

/**
 * The clause's act: its verb and the head of its object, or an action noun. `date`: the date the
 * statement is of, when there is one (an action noun dated otherwise is no act of it).
 */
function findAction(
  words: Word[],
  entityAt: Map<number, string>,
  isDate: (at: number) => boolean,
  date?: { start: number; end: number },
): Action | null {
  let fallback: Action | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const action = ACTION_WORDS.get(w.lower);
    if (!action) continue;
    const prev = words[i - 1]?.lower ?? '';
    if (action.verb) {
      // A bare form is a verb only after `to`, a modal or `not` (`to suspend`); else it is often a noun (`the end`).
      if (w.lower === action.lemma && !MODAL.test(prev)) continue;
      // `did not suspend interest payments`, `failed to agree`, `may intervene`: what did not happen.
      if (isNotDone(words, i)) continue;
      // `are expected to sign an agreement next week settling Cairo's debt`: nor what is forecast,
      // nor anything after it in its clause.
      if (isForecast(words, i)) return fallback;
      // `its load factor dropped to 60.2 pct`, `bonds lost 2-1/4 points`: a figure moved, nothing was done.
      if (isFigureMove(words, i, action.lemma)) continue;
      // `the week ended March 28`, `fiscal 1987 ending in August`: a period's bound, not an act.
      if (action.lemma === 'end' && PERIOD.test(prev)) continue;
      if (describesAfterPossessive(words, i)) continue;
      // `the car was found abandoned`, `found dead`: a participle after `found` says what state it was
      // found in, not who did what.
      if (prev === 'found' && /ed$/.test(w.lower)) continue;
      // `cost 60 mln dlrs in lost exports`, `after closed door talks`: a past form right after a
      // preposition describes the noun after it; no verb follows a preposition.
      if (w.lower !== action.lemma && !/(?:ing|[^s]s)$/.test(w.lower) && BEFORE_ATTRIBUTE.test(prev)) continue;
      // `Elected officials in and around Miami warned`: a clause's opening participle before a plural
      // describes it.
      if (i === 0 && /ed$/.test(w.lower) && /^\p{L}{2,}[^s\W]s$/u.test(words[1]?.lower ?? '') && !words[1].marked)
        continue;
      // `the proposed merger`, `a buying tender`: a participle before a noun describes it (`the
      // selling of shares` is the act itself, named by the noun rule's `of`).
      if (DETERMINER.test(prev) && (/ed$/.test(w.lower) || (/ing$/.test(w.lower) && words[i + 1]?.lower !== 'of')))
        continue;
      // `1,000 billion won`, `fixed the won at 846.90`: a past form after an article or an amount is a
      // noun (Korea's currency), not a verb (`the company that won` keeps it).
      if (
        !/(?:ed|ing)$/.test(w.lower) &&
        (ARTICLE.test(prev) || /^(?:mln|billion|trillion)$/.test(prev) || /^\d/.test(words[i - 1]?.text ?? ''))
      )
        continue;
      // `based on October 16 closing prices`, `a cut in bank base lending rates`, `1987 government
      // borrowing targets`: an -ing form after a date, a figure or a common noun, before a plural,
      // describes that plural (after a date an -ed form is the verb: `Brazil on February 20 suspended`).
      if (
        /ing$/.test(w.lower) &&
        i > 0 &&
        !w.marked &&
        (isDate(words[i - 1].start) || /^\d/.test(words[i - 1].text) || isCommonNoun(words[i - 1])) &&
        (/^\p{L}{2,}[^s]s$/u.test(words[i + 1]?.lower ?? '') || COMPOUND_HEAD.test(words[i + 1]?.lower ?? '')) &&
        !AUXILIARY.test(words[i + 1].lower) &&
        !DETERMINER.test(words[i + 1].lower)
      )
        continue;
      // `the ceasefire ending their 1980-88 war`, `a treaty ending years of dispute`: an -ing form
      // between a common noun and a determiner describes the noun (the ceasefire's doing, long ago).
      if (
        /ing$/.test(w.lower) &&
        i > 0 &&
        !w.marked &&
        isCommonNoun(words[i - 1]) &&
        /^(?:the|a|an|its|their|his|her|our|years|decades|months|weeks)$/.test(words[i + 1]?.lower ?? '')
      )
        continue;
      // `in the 1995 shooting of Hugh Short`: an -ing form after a date of its own is that date's act.
      if (/ing$/.test(w.lower) && datedOtherwise(words, i, isDate, date)) continue;
      // `the dollar opened at 145.95 yen`, `closed higher`: where a price stood, not what happened.
      const next = words[i + 1]?.lower ?? '';
      if (MARKET_MOVE.test(next) || (next === 'at' && /^\d/.test(words[i + 2]?.text ?? ''))) continue;
      // `the London Interbank Offered Rate`: a capitalised verb between capitalised words is part of a name.
      if (
        i > 0 &&
        /^\p{Lu}/u.test(w.text) &&
        /^\p{Lu}/u.test(words[i - 1].text) &&
        /^\p{Lu}/u.test(words[i + 1]?.text ?? '')
      )
        continue;
      // `orders fell`, `factory sales rose`: an -s form after a common noun is a plural noun. A verb in
      // the present follows its subject: a name, a pronoun or a relative word.
      if (
        /[^s]s$/.test(w.lower) &&
        w.lower !== action.lemma &&
        i > 0 &&
        !/^\p{Lu}/u.test(words[i - 1].text) &&
        !/^(?:it|he|she|also|which|who|that|now|and)$/.test(prev)
      ) {
        continue;
      }
    } else if (
      !DETERMINER.test(prev) &&
      !/^(?:'s|’s)$/.test(prev) &&
      !/['’]s$/.test(body(words, i - 1)) &&
      prev !== 'unilateral'
    ) {
      // A noun names the action with a determiner or possessive before it (`Brazil's suspension`) …
      if (words[i + 1]?.lower !== 'of') continue; // … or an `of` after it.
    }
    if (!action.verb && (isNoActNoun(words, i, isDate, date) || nounDatedAfter(words, i, isDate, date))) continue;
    // `gave the ruling Conservative Party a lead`: an -ing form before a name describes it.
    // (Right before it: `to delay the ruling, Cuba predicted` is the ruling.)
    const nextWord = words[i + 1];
    if (
      !action.verb &&
      /ing$/.test(w.lower) &&
      nextWord !== undefined &&
      nextWord.start === w.start + w.text.length + 1 &&
      /^\p{Lu}/u.test(nextWord.text)
    )
      continue;
    const { phrase, head } = objectAfter(words, i, action.verb, entityAt, isDate);
    // `increased the likelihood that banks will declare …`, `raised concern`, `lifted hopes`: a state
    // of mind or a chance moved, nothing done, and what follows (`that banks will declare`) is its.
    if (head && ABSTRACT_OBJECT.test(head)) break;
    // `declared a moratorium on interest payments`, `imposed a moratorium on …`: a light verb
    // whose object names an action is that action, done to the noun's own object.
    const named = action.verb && LIGHT_VERBS.has(action.lemma) && head ? actionDeclared(head) : undefined;
    if (named && named.key !== action.key) {
      const at = words.findIndex((x, k) => k > i && x.lower === head);
      const own = objectAfter(words, at, false, entityAt, isDate, true);
      if (own.head) return { ...named, verb: true, at: i, object: own.phrase, head: own.head, passive: null };
    }
    const be = /ly$/.test(prev) ? (words[i - 2]?.lower ?? '') : prev;
    // `his appointment`, `Greenspan's nomination`: the possessor of a noun of something done to a
    // person underwent it (`Greenspan appointed`), unless the noun has an object (`his appointment
    // of a successor`).
    const possessed = /^(?:his|her|its|their|'s|’s)$/.test(prev) || /['’]s$/.test(words[i - 1]?.text ?? '');
    const passive =
      action.verb && w.lower !== action.lemma && !/(?:[^s]s|ing)$/.test(w.lower) && PASSIVE_BEFORE.test(be)
        ? w.lower
        : !action.verb && !head && possessed && DONE_TO_PERSON.has(action.lemma)
          ? pastParticiple(action.lemma)
          : null;
    // `Sales of U.S.-built new cars surged during the last 10 days`: moving with nothing moved is a
    // figure's move (`Brazil dropped its demand` has an object; `the trip had been dropped` is a
    // passive; `the side who lost to England by five wickets` lost a match).
    if (action.verb && !head && passive === null && MOVES_WITHOUT_OBJECT.has(action.lemma)) continue;
    const found: Action = {
      lemma: action.lemma,
      key: action.key,
      verb: action.verb,
      at: i,
      object: phrase,
      head,
      passive,
    };
    if (head) return found;
    fallback ??= found;
  }
  return fallback;
}

/** Acts whose noun's `of` names who underwent them, not what was done to (`the death of`, `the resignation of`). */
const UNDERGONE = new Set(['die', 'resign', 'quit', 'collapse', 'crash', 'default']);
/** Acts that take no object (`a bomb exploded`, `the pipeline reopened`, `employees walked out`). */
const DONE_ALONE = new Set(['explode', 'erupt', 'reopen', 'walk']);
/** … unless what follows says how or why (`resignation to quell a rebellion`, `deaths so far`). */
const NOT_AN_UNDERGOER = /^(?:to|so|for|in|on|at|by|as|from|over)\b/i;

/** Between an event noun and its date: the date is when it runs out (`which expires in October`). */
const EXPIRES = /^[^.;]{0,40}\b(?:expir(?:e|es|ed|ing|y)|laps(?:e|es|ed)|runs? out|ran out)\b[^.;]{0,20}$/i;

/** Verbs of telling: what they tell of an act to come is announced, not done, on their date. */
const TELLING =
  /^(?:said|says|told|tells|announced|announces|stated|disclosed|confirmed|unveiled|threatened|threatens)$/;
/** Words right after a verb of telling that still belong to its date (`announced on March 27`). */
const TELLING_DATE_LEAD = /^(?:on|in|at|late|early)$/;

/**
 * Whether the act at `at`, a verb, is one a verb of telling before it says is to come, and the date
 * whose first word is at `dateAt` is the telling's: `Reagan Friday announced he intended to raise
 * tariffs`, `announced on March 27 he would impose the tariffs`, `said yesterday it will cut output`.
 * That day an act was announced; it happens later, on a date of its own (`announced … that on April 17
 * he would raise tariffs` keeps April 17 for the raise). An act told as done (`said it had
 * suspended`) stays.
 */
function announcedOn(words: Word[], at: number, dateAt: number): boolean {
  const before = words[at - 1]?.lower ?? '';
  const toCome =
    /^(?:would|will|shall)$/.test(before) ||
    (before === 'to' &&
      /^(?:intends?|intended|plans?|planned|is|are|was|wants?|wanted|decided)$/.test(words[at - 2]?.lower ?? ''));
  if (!toCome || dateAt < 0 || dateAt >= at) return false;
  for (let k = at - 2; k >= 0; k--) {
    if (!TELLING.test(words[k].lower)) continue;
    if (dateAt < k) return true;
    // The date right after the verb (`announced on March 27 he would`) is the telling's too.
    return words.slice(k + 1, dateAt).every((w) => TELLING_DATE_LEAD.test(w.lower)) && dateAt - k <= 2;
  }
  return false;
}

function body(words: Word[], i: number): string {
  return words[i]?.text ?? '';
}

const NAMED_EVENT = new RegExp(
  String.raw`\b((?:[A-Z][\p{L}.'’-]+\s+){1,3})(${[
    'Round',
    'Accord',
    'Agreement',
    'Summit',
    'Conference',
    'Pact',
    'Treaty',
    'Plan',
    'Initiative',
    'Talks',
    'Convention',
    'Accords',
    'Games',
  ].join('|')})\b`,
  'gu',
);
const NOT_IN_NAME =
  /^(?:The|A|An|On|In|At|By|For|Of|And|But|He|She|It|They|This|That|These|Those|Under|After|Before|Since|Reuters|U\.S\.|President|Minister)$/;

/** Words after a treaty's or a plan's name that make it part of another name or a modifier of its members. */
const NAME_GOES_ON =
  /^\s+(?:Organi[sz]ation|countries|members|nations|states|allies|partners|signatories|forces|troops)\b/u;

/** A named event the sentence writes out (`Uruguay Round`, `Louvre Accord`, `Paris accord`). */
function namedEventIn(sentence: string, dateAt = -1): string | null {
  NAMED_EVENT.lastIndex = 0;
  for (const m of sentence.matchAll(NAMED_EVENT)) {
    // `Last Friday Mitchell, who finished fourth at the Atlanta Games, upstaged …`: an event named in
    // an aside the date is not in is what the aside recalls, not what happened that day.
    // (An aside holding the date may tell of the event before it: `the Agreement, which began
    // October 1`.)
    const aside = dateAt >= 0 ? relativeAsideAt(sentence, m.index!) : null;
    if (aside && aside[0] !== relativeAsideAt(sentence, dateAt)?.[0]) continue;
    const words = m[1].trim().split(/\s+/);
    while (words.length && NOT_IN_NAME.test(words[0])) words.shift();
    if (words.length === 0) continue;
    // All-capital headlines are no names.
    if (words.every((w) => w === w.toUpperCase())) continue;
    // `General Agreement on Tariffs and Trade`, `North Atlantic Treaty Organization`: the start of an
    // organisation's name, not an event; nor `former Warsaw Pact countries`, an alliance by its members.
    const after = sentence.slice(m.index! + m[0].length, m.index! + m[0].length + 16);
    if (/^\s+(?:on|of|for)\s+\p{Lu}/u.test(after) || NAME_GOES_ON.test(after)) continue;
    // … nor its end (`the Organisation of Islamic Conference`).
    if (
      /\b(?:Organi[sz]ation|Council|Committee|Secretariat)\s+(?:of|for)\s+(?:the\s+)?$/u.test(
        sentence.slice(0, m.index!),
      )
    )
      continue;
    return `${words.join(' ')} ${m[2]}`;
  }
  return null;
}

/**
 * The clause of a sentence around the date at `at`. Besides punctuation and conjunctions after a
 * comma, `when` and a relative `that` before an auxiliary end a clause between two dates: `output
 * rises agreed in December when OPEC meets in Vienna on June 25` (Vienna is June's, not December's),
 * `agreed this weekend … and kept the prices that were set in its December accord`. Else they join
 * the date to what follows (`late last month when it stopped interest payments`; `next week when he
 * unveils his budget for fiscal 1987/88`). An `and` that opens a dated clause ends one between two
 * dates too: `Brazil last month suspended interest payments … and yesterday suggested an extension`
 * (the suspension is last month's, not yesterday's). `dates`: the sentence's dates, by start and value.
 */
function clauseBounds(
  body: string,
  from: number,
  to: number,
  at: number,
  dates: { start: number; value: string | null }[],
): [number, number] {
  let start = from;
  let end = to;
  // Dates of a month or finer (a year, `fiscal 1987/88`, is what a budget is for, not when it was
  // told), one of them a day, a week or a weekend (`this weekend`, `next week`).
  const told = dates.filter((d) => /^\d{4}-/.test(d.value ?? ''));
  const between = (pos: number) =>
    told.some((d) => d.start < pos) &&
    told.some((d) => d.start > pos) &&
    told.some((d) => /^\d{4}-(?:\d{2}-\d{2}|W\d{2})/.test(d.value!));
  const ends: { pos: number; length: number }[] = [];
  for (const m of body.slice(from, to).matchAll(CLAUSE)) {
    const pos = from + m.index!;
    if (m[1] !== undefined && !between(pos)) continue;
    if (m[2] !== undefined && !opensParticiplePhrase(body, from, pos)) continue;
    ends.push({ pos, length: m[0].length });
  }
  // An `and` opening a clause whose own date comes after its verb (`touring Dar es Salaam Thursday
  // and meeting with Kenyan police leaders Friday morning`, `approved the merger on Oct 3 and the
  // merger agreement was executed on Oct 7`), no comma between; not one joining two objects (`hit a
  // ship on Thursday and the Sea Isle City on Friday`), nor a date that bounds, sets a time for
  // something or is in a relative clause (`cut one rate and abandoned another which had been used
  // since February 1986`, `adjourned a shareholders meeting … and rescheduled it for March 11`).
  for (const m of body.slice(from, to).matchAll(AND_BEFORE_WORD)) {
    const pos = from + m.index!;
    const own = told.find((d) => d.start > pos && d.start - pos <= 80);
    if (!own || !between(pos)) continue;
    const words = body.slice(pos + m[0].length, own.start);
    if (/[,;]|\b(?:which|who|that|since|until|till|through|from|for|by|before|prior|ahead)\b/.test(words)) continue;
    if (NOT_A_VERB.test(words) && !FINITE_VERB.test(words)) continue;
    ends.push({ pos, length: m[0].length });
  }
  ends.sort((a, b) => a.pos - b.pos);
  for (const { pos, length } of ends) {
    if (pos + length <= at) start = pos + length;
    else if (pos > at) {
      end = pos;
      break;
    }
  }
  return [start, end];
}

/**
 * What ends a clause (see clauseBounds): also `since` opening one of its own (`the first U.S.
 * official to visit Japan since President Reagan announced … tariffs … on April 17`: the date is not
 * the visit's); group 1 only between two dates, group 2 a past participle's
 * phrase after a clause with a verb of its own (`talks failed to lift export quotas, suspended in
 * February 1986`): its date is the participle's (participles.ts).
 */
const CLAUSE = new RegExp(
  String.raw`;|,\s+(?:but|while|which|who|whereas|although|though)\b|\s[-–—_]\s|\s+since\s+(?=(?:President\s+)?\p{Lu}\p{Ll}+\s+\p{Ll}+ed\b)|(\s+when\s|\s+that\s+(?=(?:was|were|is|are|has|have|had|will|would)\b)|\s+and\s+(?=(?:\p{Ll}+\s+){0,2}?(?:yesterday|today|tomorrow|last|next|this|on|in|early|late)\b))|(,\s+(?=${PARTICIPLE}\s+${PARTICIPLE_PREPOSITION}\b))`,
  'gu',
);

/** `and` before a word in lower case: what may open a clause of its own (see clauseBounds). */
const AND_BEFORE_WORD = /\s+and\s+(?=\p{Ll}+\s)/gu;
/** A clause after `and` opening with a determiner or a preposition needs a verb of its own… */
const NOT_A_VERB = /^(?:the|a|an|its|their|his|her|this|that|these|those|on|in|at|for|to|of|by|with|as)\s/;
/** …an auxiliary or a past form before its date (`the merger agreement was executed on Oct 7`). */
const FINITE_VERB = /\b(?:was|were|is|are|has|have|had|will|would|did|\p{Ll}{3,}ed)\b/u;

/**
 * The name a relative clause opening at `from` (`, who`, `, which`) is said of: the entity that ends
 * right before its comma, not a place (`Perry's chairman Donald Fox, who resigned January 12`).
 */
function relativeAntecedent(
  body: string,
  from: number,
  mentions: DocumentFacts['mentions'],
): DocumentFacts['mentions'][number] | null {
  const opener = /,\s+(?:who|which)\s*$/.exec(body.slice(Math.max(0, from - 12), from));
  if (!opener) return null;
  const comma = from - opener[0].length;
  return mentions.find((m) => m.end === comma && m.type !== 'PLACE') ?? null;
}

/**
 * Whether a passive verb starting at `verbAt` tells what befell `subject`: the name right before it
 * (an aside between), or a person named earlier in the sentence and taken up by `he` or `she`, no
 * other person named between (`Slepian was the mainstay of the clinic before he was shot`).
 */
function befalls(
  body: string,
  subject: DocumentFacts['mentions'][number],
  verbAt: number,
  mentions: DocumentFacts['mentions'],
): boolean {
  const between = body.slice(subject.end, verbAt);
  if (PASSIVE_SUBJECT.test(between)) return true;
  // Farther off, a name inside a phrase (`the trip by Baker, who was to leave April 30, had been
  // dropped`) is not what underwent it.
  if (inPhrase(body, subject)) return false;
  if (PASSIVE_AFTER_ASIDE.test(between)) return true;
  return (
    subject.type === 'PERSON' &&
    PASSIVE_PRONOUN.test(between) &&
    !mentions.some(
      (m) => m.type === 'PERSON' && m.entityId !== subject.entityId && m.start >= subject.end && m.end <= verbAt,
    )
  );
}

/** What joins the names of a list (`Tanzania and Kenya`, `Japan, Canada`). */
const LIST_JOIN = /^(?:\s*,)?\s*(?:and|or)?\s*$/;
/** A company's part after a country that says where it is (`its U.S. subsidiary`, `BP's U.S. unit`). */
const COMPANY_PART =
  /^\s+(?:subsidiar(?:y|ies)|units?|arms?|affiliates?|divisions?|branch(?:es)?|operations|offshoots?)\b/i;
/** Prepositions of where, right before a country (`lived in France`). */
const LOCATIVE = /\b(?:in|at|near|across|throughout|inside|outside)\s+(?:the\s+)?$/i;

/**
 * A country after `in`, `at`, `near` … says where something is, not who acts (`Kopp lived in France
 * before he was arrested`, `Officials in Tanzania and Kenya`); so does one after a city and a comma
 * (`embassies in Dar es Salaam, Tanzania, and Nairobi, Kenya, … killed 258 people`), one before a
 * company's part (`its U.S. subsidiary`) and one after a company's `of` (`Cyclops Corp of the U.S.`).
 */
function whereNotWho(body: string, m: DocumentFacts['mentions'][number], mentions: DocumentFacts['mentions']): boolean {
  if (m.type !== 'COUNTRY') return false;
  // `its U.S. subsidiary intends to tender`, `Cyclops Corp of the U.S.`: a country naming where a
  // company or its part is.
  if (COMPANY_PART.test(body.slice(m.end, m.end + 24))) return true;
  if (mentions.some((p) => p.type === 'ORG' && /^>?\s+of\s+(?:the\s+)?$/.test(body.slice(p.end, m.start)))) return true;
  // The first of a list says for all (`Officials in Tanzania and Kenya`).
  let first = m;
  for (;;) {
    const before = mentions.find((p) => p.end < first.start && LIST_JOIN.test(body.slice(p.end, first.start)));
    if (before?.type !== 'COUNTRY') break;
    first = before;
  }
  if (LOCATIVE.test(body.slice(Math.max(0, first.start - 16), first.start))) return true;
  const comma = /,\s*$/.exec(body.slice(Math.max(0, m.start - 3), m.start));
  return comma !== null && mentions.some((p) => p.type === 'PLACE' && p.end === m.start - comma[0].length);
}

/** Between a possessor and its action noun: `'s` and a few words (`Brazil's indefinite suspension`). */
const POSSESSOR_OF = /^['’]s?\s+(?:[\p{L}\d.-]+\s+){0,3}$/u;
/** What a printed medium calls itself after its name (`the Asahi newspaper`, `Handelsblatt daily`). */
const MEDIUM_NOUN = 'newspaper|daily|weekly|magazine';
/**
 * A date's possessive before a publication (`today's Handelsblatt daily`, `Sunday's New York Times`,
 * `Monday's edition`); not before a named event (`Sunday's Paris accord`).
 */
const PUBLICATION_POSSESSED = new RegExp(
  String.raw`^['’]s\s+(?:(?:\p{Lu}[\p{L}.&-]*\s+){1,4}(?:${MEDIUM_NOUN})\b|(?:\p{Lu}[\p{L}.&-]*\s+){0,3}(?:Times|Post|Journal|Herald|Tribune|Gazette|Daily|News)\b|(?:newspapers?|daily|dailies|editions?|issues?|papers?|editorials?|columns?)\b)`,
  'u',
);

/** Goods moving under a sale or an order: their date is when they move, not when the act was done. */
const GOODS_MOVE = '(?:deliver(?:y|ies)|shipments?|arrivals?|loadings?|liftings?)';
/**
 * Text ending right before the date of goods moving: `for delivery in October 1990`, `for arrival in
 * two equal parts in May`, `effective with shipments October 4`. The words between the noun and its
 * preposition are no verb (`deliveries were halted in March` dates the halt), and a date right after
 * the noun is its own only after `for` or `with` (`halted shipments two weeks ago` dates the halt).
 */
const GOODS_TIME_BEFORE = new RegExp(
  String.raw`(?:\b${GOODS_MOVE}\s+(?:(?!(?:was|were|is|are|will|would|has|have|had|be|been)\b)[\w-]+(?<!ed|ing)\s+){0,4}(?:in|during|between|by|from|on|before|until|through|around)|\b(?:for|with)\s+(?:[\w-]+\s+){0,2}${GOODS_MOVE})\s+(?:the\s+|late\s+|early\s+|mid-?\s*)?$`,
  'i',
);
/** Right after a date, the goods it dates: `for March delivery`, `for May/June shipment`. */
const GOODS_TIME_AFTER = new RegExp(String.raw`^(?:\s*[/-]\s*\p{L}+)?\s+${GOODS_MOVE}\b`, 'iu');
/** Between two dates of one list (`in May and June`, `October 1990 and May 1991`). */
const DATE_LIST_JOIN = /^\s*(?:,|and|or|to|through|-|\/)\s*$/i;

/**
 * Whether a date (or the list of dates it ends) tells when goods move (`ordered two planes for
 * delivery in October 1990 and May 1991`, `tendering today for arrival in May and June`): not when
 * the sentence's act happened.
 */
function datesGoods(
  body: string,
  from: number,
  date: { start: number; end: number },
  dates: readonly { start: number; end: number }[],
): boolean {
  let first = date;
  for (;;) {
    const before = dates.find((m) => m.end <= first.start && DATE_LIST_JOIN.test(body.slice(m.end, first.start)));
    if (!before) break;
    first = before;
  }
  return (
    GOODS_TIME_BEFORE.test(body.slice(Math.max(from, first.start - 80), first.start)) ||
    GOODS_TIME_AFTER.test(body.slice(date.end, date.end + 24))
  );
}

/**
 * Text ending right before the period a figure is compared with (`up from 1.94 billion in February`,
 * `compared with 1.3 billion stg in April`): that period's figure, not when the sentence's act
 * happened. (Not after `of`: `agreed to an output ceiling of 15.8 mln bpd in December`.)
 */
const COMPARED_PERIOD = /\b(?:from|with|against)\s+(?:[a-z]+\s+){0,3}?\d[\d.,]*(?:\s+[a-z]+){0,3}\s+in\s+$/i;

/** A pronoun's possessive right before an action noun (`Perle is to announce his resignation`). */
const POSSESSIVE_PRONOUN = /\b(his|her|its|their)\s+(?:[\p{L}\d.-]+\s+){0,2}$/iu;

/** A preposition (an article and a few words between) right before an action noun: `in the Oct. 23 killing`. */
const NOUN_IN_PHRASE =
  /\b(?:in|of|on|to|for|over|about|with|from|after|before|since|during|despite|at|into|against|following)\s+(?:(?:the|a|an|this|that)\s+)?(?:[\p{L}\d.-]+\s+){0,2}$/iu;

/**
 * Whether `m` may be the one whose act the noun at `nounAt` names: its possessor, by name or by
 * pronoun, or the subject of the clause whose object the noun is (`Ranger Oil said it completed the
 * sale`); not a name before a noun inside a phrase (`FBI officials played down … the likelihood that
 * either was involved in the Oct. 23 killing of the doctor`).
 */
function possesses(body: string, m: DocumentFacts['mentions'][number], nounAt: number): boolean {
  const between = body.slice(m.end, nounAt);
  if (POSSESSOR_OF.test(between)) return true;
  // `his resignation` is a person's (`Volcker arrived at the White House … with his resignation`),
  // `its` a body's or a country's.
  const pronoun = POSSESSIVE_PRONOUN.exec(between)?.[1].toLowerCase();
  if (pronoun) return pronoun === 'their' || (pronoun === 'its') === (m.type !== 'PERSON');
  return !NOUN_IN_PHRASE.test(body.slice(Math.max(m.end, nounAt - 40), nounAt));
}

/** A bare event noun is no name (`meeting`, `talks`): the per-document name then is only a hint. */
function isBareName(name: string): boolean {
  return !/\s/.test(name.replace(/\s*\(\d+\)$/, '')) || /^[\p{Ll}\s-]+$/u.test(name);
}

/** The entities listed with the subject (`A, B and C agreed`), in text order; just the subject when alone. */
function subjectList(
  body: string,
  inClause: DocumentFacts['mentions'],
  subject: DocumentFacts['mentions'][number],
): DocumentFacts['mentions'] {
  const list = [subject];
  let at = inClause.indexOf(subject);
  while (at > 0) {
    const before = inClause[at - 1];
    if (!/^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i.test(body.slice(before.end, list[0].start))) break;
    if (before.type === 'PLACE' || before.type === 'PERSON' || besideAct(body, before)) break;
    list.unshift(before);
    at--;
  }
  return list;
}

/** A place-known event (`Hanoi summit`) is well named only after its place, not after a person. */
function placeNamed(name: string, placeId: number | null, entityNames: (id: number) => string): boolean {
  return placeId !== null && name.startsWith(entityNames(placeId));
}

/** The kind of happening an event noun's action names (`n:talks` and `n:meeting` are one, `meet`). */
function nounKindOf(action: string): string {
  const lemma = action.slice(2);
  return eventNoun(lemma)?.group ?? lemma;
}

/** The dated statements of one document. */
export function statementsOf(
  doc: DocumentFacts,
  entityNames: (id: number) => string,
  telling: ReadonlySet<number> = tellingAt(doc),
): Statement[] {
  const out: Statement[] = [];
  const bySentence = new Map<number, DocumentFacts['mentions']>();
  for (const m of doc.mentions) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  const taken = new Set<string>();
  const topics = documentTopics(doc, telling);

  // The document's own events first: each dated one is a statement at its first mention.
  for (const ev of doc.events) {
    if (!ev.date || ev.mentions.length === 0) continue;
    // The date as the text wrote it, so that `this year` or `two years ago` is judged as such; the
    // sentence that says it is the best evidence (else the event's first mention).
    const said = ev.mentions
      .flatMap((m) => bySentence.get(m.sentence) ?? [])
      .find((m) => m.type === 'DATE' && m.value === ev.date);
    const first = ev.mentions.find((m) => m.sentence === said?.sentence) ?? ev.mentions[0];
    const sentence = doc.sentences[first.sentence];
    if (!sentence) continue;
    const span = occurrenceSpan({
      text: said?.text ?? ev.date,
      value: ev.date,
      before: said ? doc.body.slice(Math.max(0, said.start - 40), said.start) : '',
      after: said ? doc.body.slice(said.end, said.end + 30) : '',
      published: doc.published,
    });
    if (!span) continue;
    const headText = doc.body.slice(first.start, first.end).toLowerCase().replace(/\s+/g, ' ');
    const noun =
      EVENT_NOUN_FORMS.get(headText.split(' ').slice(-2).join(' ')) ??
      EVENT_NOUN_FORMS.get(headText.split(' ').pop() ?? '');
    const lemma = noun?.lemma ?? headText;
    const text = doc.body.slice(sentence.start, sentence.end);
    const named = namedEventIn(text);
    const mentions = bySentence.get(first.sentence) ?? [];
    if (span.granularity === 'year' && !named && !placeNamed(ev.name, ev.placeId, entityNames)) continue;
    // `the current pact, which expires in October`: the date is when it runs out, not a happening.
    if (said && said.start > first.end && EXPIRES.test(doc.body.slice(first.end, said.start))) continue;
    // `tariffs on April 17 … for breaking a 1986 pact`: an agreement named beside another action is
    // what the action is about, not what happened on the date; the action makes the statement.
    if (noun?.group === 'accord') {
      const words = wordsOf(doc.body, sentence.start, sentence.end);
      const isDate = (at: number) => mentions.some((m) => m.type === 'DATE' && at >= m.start && at < m.end);
      const other = findAction(words, new Map(), isDate);
      if (other && !ACCORD_VERBS.has(other.key)) continue;
    }
    // A place said with another date of the sentence (`OPEC agreed this weekend in Vienna … the
    // fixed prices set in its December accord`) is where that date's happening was.
    // (Not a date listed with the event's: `talks in August or September in Hawaii`.)
    const listedWith = (d: (typeof mentions)[number]) =>
      said !== undefined &&
      /^\s*(?:,|or|and|to|through|-)\s*$/i.test(
        d.start >= said.end ? doc.body.slice(said.end, d.start) : doc.body.slice(d.end, said.start),
      );
    const otherDates = mentions.filter(
      (m) => m.type === 'DATE' && m.value !== null && m.value !== ev.date && !listedWith(m),
    );
    const elsewhere = (m: (typeof mentions)[number]) =>
      (m.type === 'PLACE' || m.type === 'COUNTRY') &&
      (m.end <= first.start || first.end <= m.start) &&
      otherDates.some((d) => placedWith(doc.body, m, d));
    const entityMentions = mentions.filter((m) => m.entityId !== null && !telling.has(m.start));
    const entities = unique(entityMentions.map((m) => m.entityId!));
    // An event in a relative aside (`prices, which have climbed since the organization's accord in
    // December, have risen on … the Iran-Iraq war`) has none of the rest of the sentence's entities
    // but the name the aside is said of (`the Group of Seven, which met in Paris in February, …`).
    const aside = relativeAsideAt(text, first.start - sentence.start);
    const inAside = (m: (typeof mentions)[number]) =>
      !aside ||
      (m.start >= sentence.start + aside[0] && m.end <= sentence.start + aside[1]) ||
      (m.end <= sentence.start + aside[0] && /^\s*$/.test(doc.body.slice(m.end, sentence.start + aside[0])));
    const ownEntities = unique(entityMentions.filter((m) => !elsewhere(m) && inAside(m)).map((m) => m.entityId!));
    // `meeting with Kenya's trade minister to finish talks`: two nouns of one kind in one sentence,
    // dated alike, are one happening; the second's participants join the first's.
    const kind = nounKindOf(`n:${lemma}`);
    const same = out.find(
      (s) => s.sentence === first.sentence && s.date.value === span.value && nounKindOf(s.action) === kind,
    );
    if (same) {
      same.participantIds = unique([...same.participantIds, ...ev.participantIds]).slice(0, 8);
      same.mentionedIds = same.mentionedIds.filter((id) => !same.participantIds.includes(id));
      for (const m of ev.mentions) taken.add(`${m.sentence}|${ev.date}`);
      continue;
    }
    out.push({
      docId: doc.docId,
      sentence: first.sentence,
      date: span,
      action: `n:${lemma}`,
      terms: termsOf(wordsOf(doc.body, sentence.start, sentence.end), mentions),
      subjectId: ev.participantIds[0] ?? null,
      placeId:
        ev.placeId !== null &&
        entityMentions.some((m) => m.entityId === ev.placeId) &&
        entityMentions.every((m) => m.entityId !== ev.placeId || elsewhere(m))
          ? null
          : ev.placeId,
      // The finder's participants; the sentence's other entities only when it found none. A market's
      // fall has none: the people and bodies of its sentence speak of it or suffer it.
      participantIds: (ev.participantIds.length || noun?.marketMove ? ev.participantIds : ownEntities).slice(0, 8),
      mentionedIds: aboutToo(
        entities.filter((id) => !ev.participantIds.includes(id)),
        ev.participantIds,
        topics,
      ),
      name: named ?? ev.name.replace(/\s*\(\d+\)$/, ''),
      named:
        named !== null ||
        // A market's fall is named well by the market (`stock market collapse`), in any case.
        (noun?.marketMove
          ? namesAMarket(ev.name)
          : !isBareName(ev.name) &&
            !noun?.generic &&
            (noun?.takes !== 'place' || placeNamed(ev.name, ev.placeId, entityNames))),
      // A generic noun (`the session`, `a historic event`) stands for another happening and makes no
      // event alone: most lone ones are a market's trading session.
      eventNoun: !noun?.generic,
    });
    for (const m of ev.mentions) taken.add(`${m.sentence}|${ev.date}`);
  }

  // Then every other dated sentence: the action is read off the clause around the date.
  for (const [index, mentions] of bySentence) {
    const sentence = doc.sentences[index];
    if (!sentence) continue;
    const dates = mentions.filter((m) => m.type === 'DATE' && m.value);
    if (dates.length === 0) continue;
    const entityMentions = mentions.filter((m) => m.entityId !== null);
    if (entityMentions.length === 0) continue;
    const seen = new Set<string>();
    for (const d of dates) {
      if (seen.has(d.value!) || taken.has(`${index}|${d.value}`)) continue;
      // `today's Handelsblatt daily`: a date in the possessive of a publication says when that was,
      // not when the sentence's act happened.
      if (PUBLICATION_POSSESSED.test(doc.body.slice(d.end, d.end + 24))) continue;
      if (datesGoods(doc.body, sentence.start, d, dates)) continue;
      if (COMPARED_PERIOD.test(doc.body.slice(Math.max(sentence.start, d.start - 60), d.start))) continue;
      seen.add(d.value!);
      const span = occurrenceSpan({
        text: d.text,
        value: d.value,
        before: doc.body.slice(Math.max(sentence.start, d.start - 40), d.start),
        after: doc.body.slice(d.end, Math.min(sentence.end, d.end + 30)),
        published: doc.published,
      });
      if (!span) continue;
      const coarse = span.granularity === 'year';
      const [cFrom, cTo] = clauseBounds(doc.body, sentence.start, sentence.end, d.start, dates);
      const words = wordsOf(doc.body, cFrom, cTo);
      const entityAt = new Map<number, string>();
      for (const m of entityMentions) entityAt.set(m.start, entityNames(m.entityId!));
      // The other words of a name (`S` of `U.S.`) are said with it: no words of their own.
      for (const w of words)
        if (!entityAt.has(w.start) && entityMentions.some((m) => w.start > m.start && w.start < m.end))
          entityAt.set(w.start, '');
      const dateSpans = mentions.filter((m) => m.type === 'DATE');
      const isDate = (at: number) => dateSpans.some((m) => at >= m.start && at < m.end);
      let action = findAction(words, entityAt, isDate, d);
      // `a pact on microchip trade signed last September`: the date is that participle's, not the
      // clause's act (`Reagan announced … plans to impose tariffs … for Tokyo's failure to live up to`),
      // unless the act is a noun before it, no verb between, which the participle tells of (`The
      // ratification process of NATO enlargement concluded on Wednesday`).
      const own = participleDatedBy(words, d);
      const toldOf = (a: { verb: boolean; at: number }) =>
        !a.verb &&
        a.at < own &&
        words.slice(a.at + 1, own).every((w) => !AUXILIARY.test(w.lower) && !/ed$/.test(w.lower));
      if (action && own >= 0 && action.at !== own && !toldOf(action)) action = null;
      const sentenceText = doc.body.slice(sentence.start, sentence.end);
      const named = namedEventIn(sentenceText, d.start - sentence.start);
      if (!action && !named) continue;
      // A year is when a named event happened (`the 1986 Uruguay Round`), rarely when an action did.
      if (coarse && !named) continue;
      const inClause = entityMentions.filter((m) => m.start >= cFrom && m.end <= cTo && !telling.has(m.start));
      const actionAt = action ? words[action.at].start : cTo;
      // The subject: the last entity before the action in its clause (`Brazil on February 20 suspended`),
      // else, in a relative clause, the name it follows (`replaced Donald Fox, who resigned January 12`).
      // A name inside an aside right before the verb (`Dick Morris, the consultant who reshaped Bill
      // Clinton's campaign, has resigned`) says who the subject is, and is not it.
      const aside = appositiveBeforeVerb(doc.body.slice(cFrom, actionAt));
      const asideFrom = aside >= 0 ? cFrom + aside : actionAt;
      // (`his resignation`: the person the clause names last before it, past any place or body.)
      const personal =
        action !== null &&
        !action.verb &&
        /\b(?:his|her)\s+(?:[\p{L}\d.-]+\s+){0,2}$/iu.test(doc.body.slice(cFrom, actionAt));
      const nearest = [...inClause].reverse().find(
        (m) =>
          m.end <= actionAt &&
          (!personal || m.type === 'PERSON') &&
          m.type !== 'PLACE' &&
          !whereNotWho(doc.body, m, entityMentions) &&
          !(action?.verb && m.start > asideFrom) &&
          // `In a filing with the Securities and Exchange Commission, the group said it bought`:
          // a name inside a phrase is not who acted.
          !(action?.verb && besideAct(doc.body, m)) &&
          !(action?.verb && modifiesNounAfterOf(doc.body, m, actionAt)) &&
          !DESCRIBES_NOUN.test(doc.body.slice(m.end, m.end + 16)),
      );
      // `deplored the bomb blasts which killed scores`: a verb right after `which` or `that` following
      // a common noun is that noun's doing, not any name before it.
      const relative = /\S\s+(?:which|that)\s+$/i.exec(doc.body.slice(Math.max(cFrom, actionAt - 12), actionAt));
      // (… and so is the second verb of such a clause: `by a fire that burned for 24 hours and killed`.)
      const secondOfRelative = RELATIVE_THEN_AND.test(doc.body.slice(Math.max(cFrom, actionAt - 90), actionAt));
      const ofNoun =
        (relative !== null && !entityMentions.some((m) => m.end === actionAt - relative[0].length + 1)) ||
        secondOfRelative;
      // `Noranda said … its mine, where a fire last week killed one miner`: so is a verb right after
      // a common noun with its article (not an -ing form, which such a phrase holds: `at a
      // hastily-called meeting`).
      const nounActs =
        action?.verb === true &&
        !/ing$/.test(words[action.at].lower) &&
        nearest !== undefined &&
        commonNounActs(doc.body, nearest.end, actionAt, dateSpans);
      // An action noun's subject is its possessor (`Brazil's suspension`), not any name before it
      // (`FBI officials played down … the Oct. 23 killing of the doctor`). A participle's `by` names
      // who acted (`output, including that of Iraq, … above the ceiling agreed by OPEC Saturday`).
      const subject =
        agentAfter(words, action, entityMentions) ??
        ((action && !action.verb && nearest && !possesses(doc.body, nearest, actionAt)) || ofNoun || nounActs
          ? undefined
          : nearest) ??
        relativeAntecedent(doc.body, cFrom, entityMentions);
      // A bare verb, no one acting or named in its clause and no object (`…, which it failed to meet
      // as of February 14`): nothing a reader could tell the happening by.
      if (!named && action && !subject && !action.object && inClause.length === 0) continue;
      // `the United States, Japan, … and Canada agreed`: a list of subjects is named by its first and a
      // count; two by both (`Brazil and Argentina open`).
      const list = subject ? subjectList(doc.body, inClause, subject) : [];
      const place = inClause.find(
        (m) =>
          (m.type === 'PLACE' || m.type === 'COUNTRY') &&
          /\b(?:in|at|near|off)\s+(?:the\s+)?$/i.test(doc.body.slice(Math.max(cFrom, m.start - 8), m.start)) &&
          !inVerbsContent(doc.body, cFrom, action, actionAt, m),
      );
      const participants = unique(
        [subject?.entityId, ...inClause.map((m) => m.entityId)].filter((x): x is number => x != null),
      );
      const dateAt = words.findIndex((w) => w.start >= d.start);
      const announced = !named && action !== null && action.verb && announcedOn(words, action.at, dateAt);
      let name: string;
      if (named) name = named;
      else if (action) {
        // One entity written twice in the list (`ICO … and the ICO`) is one subject.
        const subjects = unique(list.map((m) => entityNames(m.entityId!)));
        const many = subjects.length > 1;
        const who = !subject
          ? null
          : subjects.length === 2
            ? `${subjects[0]} and ${subjects[1]}`
            : many
              ? `${subjects[0]} and ${subjects.length - 1} others`
              : entityNames(subject.entityId!);
        // A passive says what befell its subject (`Barnett Slepian shot`, not `… shoots`) when the
        // name is that subject, right before the verb; a name further off (`Hu said taxes were
        // reduced`) is more often the one acting, and without one the clustering would put a
        // participant before it (`Tanzania killed`).
        const undergoes =
          action.passive !== null &&
          subject !== null &&
          (!action.verb || befalls(doc.body, subject, words[action.at].start, entityMentions));
        // Announced on this date, done later: a headline's `to` (`Reagan to raise tariffs`).
        const verb = announced
          ? `to ${undergoes ? `be ${action.passive}` : action.lemma}`
          : undergoes
            ? action.passive!
            : many
              ? action.lemma
              : thirdPerson(action.lemma);
        const what = action.object ? `${verb} ${action.object}` : verb;
        // `the resignation of Communist Party chief Hu Yaobang`, `the deaths of seven astronauts`: of
        // an act no one does to another, the noun's `of` names who underwent it (was `resigns
        // Communist Party chief Hu Yaobang`).
        const undergoer =
          !who && !action.verb && !announced && UNDERGONE.has(action.lemma) && /^\p{L}/u.test(action.object)
            ? action.object
            : '';
        if (undergoer && !NOT_AN_UNDERGOER.test(undergoer))
          // (A plural common noun takes the bare verb: `astronauts die`; a name never: `Jones resigns`.)
          name = `${undergoer} ${/\b[a-z]+[^s]s$/.test(undergoer) ? action.lemma : thirdPerson(action.lemma)}`;
        else if (who) name = `${who} ${what}`;
        else {
          // `A huge car bomb exploded at the headquarters of the British Army …`: no name acts but
          // the noun that opens the clause does, in the active (`huge car bomb explodes`). With none,
          // the clustering puts the event's main participant first.
          // (A verb with no object only when it cannot be a participle after its noun: `a satellite
          // launched by`, `the maximum export rebate granted`.)
          const active = action.object !== '' || UNDERGONE.has(action.lemma) || DONE_ALONE.has(action.lemma);
          // (Or the one a clause after a name has for subject: `Noranda said … its mine, where a fire
          // last week killed one miner`: `fire kills one miner`, not `Noranda Inc kills one miner`.)
          const noun =
            action.verb && !announced && action.passive === null && active
              ? nounActs && nearest
                ? nounPhrase(commonNounSubject(doc.body, nearest.end, actionAt, dateSpans))
                : openingNoun(doc.body, cFrom, actionAt, dateSpans)
              : null;
          const plural = noun !== null && /\p{L}[^s\W]s$/u.test(noun);
          name = noun
            ? `${noun} ${plural ? `${action.lemma}${action.object ? ` ${action.object}` : ''}` : what}`
            : what;
        }
      } else continue;
      out.push({
        docId: doc.docId,
        sentence: index,
        date: span,
        action: named
          ? `named:${named.toLowerCase()}`
          : `${announced ? 'to-' : ''}${action!.key}:${action!.head ? termOf(action!.head) : ''}`,
        terms: termsOf(words, inClause),
        subjectId: (list[0] ?? subject)?.entityId ?? null,
        placeId: place?.entityId ?? null,
        participantIds: participants.slice(0, 8),
        mentionedIds: aboutToo(
          unique(
            mentions
              .filter((m) => m.entityId !== null && !participants.includes(m.entityId) && !telling.has(m.start))
              .map((m) => m.entityId!),
          ),
          participants,
          topics,
        ),
        name,
        named: named !== null,
        eventNoun: named !== null,
      });
    }
  }
  return out.sort((a, b) => a.sentence - b.sentence || a.date.start.localeCompare(b.date.start));
}

/**
 * Where a document's names only tell or receive what is told (a medium telling it, a regulator a
 * filing is made with): no subject, participant or bystander there. Mention positions; computed
 * once per document for its dated statements and its lead statement.
 */
export function tellingAt(doc: DocumentFacts): Set<number> {
  return new Set([...mediaTelling(doc), ...filedWith(doc)]);
}

/** The entity kinds a lead statement lists: who and where, not the countries nearly every report names. */
const LEAD_TYPES = new Set(['PERSON', 'ORG', 'PLACE']);

/**
 * What a report leads with, dated the day it was published: the people, organisations and places of
 * its first two sentences (not a medium telling it). Only a burst of such reports across the corpus
 * makes a happening of it (`Paul Volcker's resignation as Federal Reserve Board chairman…` in two
 * dozen reports of June 2, not one of which dates it). Null without a publication day or with fewer
 * than two such names (a story is a pair of names reported together).
 */
export function leadStatementOf(doc: DocumentFacts, telling: ReadonlySet<number> = tellingAt(doc)): Statement | null {
  if (!doc.published || !/^\d{4}-\d{2}-\d{2}$/.test(doc.published) || doc.sentences.length === 0) return null;
  const first = leadSentence(doc);
  const sentence = doc.sentences[first];
  if (!isNewsProse(doc.body.slice(sentence.start, sentence.end))) return null;
  const named = doc.mentions.filter(
    (m) => m.entityId !== null && m.sentence <= first + 1 && LEAD_TYPES.has(m.type) && !telling.has(m.start),
  );
  const participants = unique(named.map((m) => m.entityId!)).slice(0, 12);
  if (participants.length < 2) return null;
  return {
    docId: doc.docId,
    sentence: first,
    date: { value: doc.published, granularity: 'day', start: doc.published, end: doc.published },
    action: LEAD_ACTION,
    terms: termsOf(
      wordsOf(doc.body, sentence.start, sentence.end),
      named.filter((m) => m.sentence === first),
    ),
    subjectId: null,
    placeId: null,
    participantIds: participants,
    mentionedIds: [],
    name: '',
    named: false,
    eventNoun: false,
  };
}

/** A lead that announces a list or a table (`The CFTC reported the following stocks of wheat …`). */
const INTRODUCES_LIST = /\bfollowing\b|[:\u2013-]\s*$/i;

/**
 * Whether a lead is news written in sentences: a table of prices (`4,748,600 GCA CP 7/32 OFF 1/32 …`)
 * or the line announcing one leads a routine release, which a busy day repeats for the same names.
 */
function isNewsProse(text: string): boolean {
  const tokens = text.split(/\s+/).filter(Boolean);
  const lower = tokens.filter((t) => /^\p{Ll}+[,;.]?$/u.test(t)).length;
  return lower >= 4 && lower * 5 >= tokens.length * 2 && !INTRODUCES_LIST.test(text);
}

/**
 * The sentence a document leads with: its first, or the second when the first has no lower-case
 * letter (a dateline or a headline, `SARAJEVO 1996-08-30`).
 */
function leadSentence(doc: DocumentFacts): number {
  const first = doc.sentences[0];
  return first && !/\p{Ll}/u.test(doc.body.slice(first.start, first.end)) && doc.sentences.length > 1 ? 1 : 0;
}

/** The terms of a text (a headline) as statements' terms are read off a clause. */
export function textTerms(text: string): string[] {
  return termsOf(wordsOf(text, 0, text.length), []);
}

function termsOf(words: Word[], entities: { start: number; end: number }[]): string[] {
  const terms = new Set<string>();
  for (const w of words) {
    if (w.lower.length < 3 || STOP.has(w.lower) || /\d/.test(w.lower) || SPEECH.test(w.lower)) continue;
    if (entities.some((e) => w.start >= e.start && w.end <= e.end)) continue;
    const action = ACTION_WORDS.get(w.lower);
    terms.add(action ? action.key : termOf(w.lower));
  }
  return [...terms].sort();
}

/** Mentions that make an entity what a document is about: named this often, or in its first sentence. */
const TOPIC_MENTIONS = 3;

/**
 * The entities a document is about (`North Korea` in a story about the Hanoi summit whose sentence
 * names only Trump and Kim): an event it reports is in their scope too, so their timelines show it.
 */
function documentTopics(doc: DocumentFacts, telling: ReadonlySet<number>): number[] {
  const lead = leadSentence(doc);
  const counts = new Map<number, number>();
  for (const m of doc.mentions) {
    if (m.entityId === null || m.type === 'DATE' || telling.has(m.start)) continue;
    counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + (m.sentence <= lead ? TOPIC_MENTIONS : 1));
  }
  return (
    [...counts]
      .filter(([, n]) => n >= TOPIC_MENTIONS)
      // Ties in the order the document first names them (not by id, which follows the order of ingests).
      .sort((a, b) => b[1] - a[1])
      .map(([id]) => id)
  );
}

/** The sentence's other entities, then the document's topics not already taking part (at most 12). */
function aboutToo(named: number[], participants: number[], topics: number[]): number[] {
  return unique([...named, ...topics.filter((id) => !participants.includes(id))]).slice(0, 12);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** A news medium's noun before its name (`the official news agency Tanjug`, `the newspaper Izvestia`). */
const MEDIUM_BEFORE = new RegExp(String.raw`\b(?:news\s+agency|${MEDIUM_NOUN}|radio|television)\s+$`, 'i');
/** … or after it (`the Tanjug news agency`, `the Asahi newspaper`). */
const MEDIUM_AFTER = new RegExp(String.raw`^\s+(?:news\s+agency|${MEDIUM_NOUN})\b`, 'i');
/** A medium by its own name (`New China News Agency`, `Associated Press`, `China Daily`, `Tehran Radio`, `British Broadcasting Corporation`). */
const MEDIUM_NAME =
  /\b(?:News|News\s+Agency|Press|Daily|Newspaper|Radio|Television|Broadcasting(?:\s+(?:Corporation|Corp|Company|Co|System|Service))?)$/;
/**
 * A medium that passes a report on (`Tehran radio, monitored by the British Broadcasting Corporation,
 * said`), or one told, asked or answered (`a spokesman told Reuters`, `fund managers polled by
 * Reuters`, `a copy obtained by Reuters`, `in an interview with Reuters`, `according to Tanjug`).
 */
const PASSED_ON_BY =
  /\b(?:(?:monitored|heard|quoted|reported|carried|polled|surveyed|obtained|contacted|interviewed|asked)\s+by|told|tells|telling|(?:available|according|spoke|speaking|talking|replying|responding)\s+to|(?:interviews?|conversation|contacts?)\s+with|(?:questions?|inquiries|queries)\s+from)\s+(?:the\s+)?$/i;
/** A verb of telling right after a name, or after an aside (`Tanjug said`, `IRNA, in a report received in London, said`). */
const TELLS = /^\s*(?:,[^,.;]{0,60},\s*)?(?:said|says|reported|reports|quoted|added)\b/i;
/** What a medium does as one (`a Reuters survey`, `Reuters inquiries`, `a Reuters interview`). */
const MEDIUM_WORK =
  /^\s+(?:surveys?|polls?|interviews?|inquir(?:y|ies)|quer(?:y|ies)|calculations?|tally|tallies|estimates?|correspondents?|reporters?)\b/i;

/** `In a filing with the Securities and Exchange Commission`, `documents filed with the SEC`: whom it was filed with. */
const FILED_WITH = /\b(?:filings?|filed|documents?|statements?|reports?)\s+(?:with|to)\s+(?:the\s+)?$/i;

/**
 * The body a filing is made with (`In a filing with the Securities and Exchange Commission, the group
 * said it bought 49,400 Airlease units`): the regulator takes no part in what the filing tells.
 * Reuters-21578 had `Securities and Exchange Commission buys Airlease units`, one event of two such
 * filings by two investors, one buying, one selling. Returns the positions of such mentions.
 */
function filedWith(doc: DocumentFacts): number[] {
  return doc.mentions
    .filter(
      (m) =>
        m.entityId !== null && m.type === 'ORG' && FILED_WITH.test(doc.body.slice(Math.max(0, m.start - 28), m.start)),
    )
    .map((m) => m.start);
}

/**
 * Where a news medium tells the story (`…, the official news agency Tanjug said`, `IRNA said Iranian
 * forces launched …`): it reports what happened and takes no part in it, so its name there is no
 * subject, participant or bystander of a statement. A medium is an organisation the document names
 * beside a medium's noun; its other mentions (`Le Matin launches an edition`) are left as they are.
 * Reuters-21578 had `IRNA launches into Iraq`, `Izvestia floods` and `Tanjug` among the participants
 * of Washington's meetings. Returns the positions of such mentions.
 */
function mediaTelling(doc: DocumentFacts): Set<number> {
  const media = new Set<number>();
  // The outlet named in its own story by the very name it publishes under (`told Reuters`; not
  // `Reuters Holdings Plc`, the company, whose deeds are news like any other's).
  const own = doc.source?.trim().toLowerCase() || null;
  const ownName = (m: DocumentFacts['mentions'][number]) => own !== null && m.text.toLowerCase() === own;
  for (const m of doc.mentions) {
    if (m.type !== 'ORG' || m.entityId === null) continue;
    const before = doc.body.slice(Math.max(0, m.start - 20), m.start);
    const after = doc.body.slice(m.end, m.end + 20);
    if (MEDIUM_BEFORE.test(before) || MEDIUM_AFTER.test(after) || MEDIUM_NAME.test(m.text)) media.add(m.entityId);
  }
  const telling = new Set<number>();
  for (const m of doc.mentions) {
    if (m.entityId === null || !(media.has(m.entityId) || (m.type === 'ORG' && ownName(m)))) continue;
    const after = doc.body.slice(m.end, m.end + 80).replace(MEDIUM_AFTER, '');
    const before = doc.body.slice(Math.max(0, m.start - 32), m.start);
    if (TELLS.test(after) || PASSED_ON_BY.test(before) || MEDIUM_WORK.test(after)) telling.add(m.start);
  }
  return telling;
}
