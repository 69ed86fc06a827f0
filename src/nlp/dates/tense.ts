/**
 * The tense a date expression is used in, read off the verbs around it. News reports past events
 * with a bare weekday (`met Thursday`) and announces future ones the same way (`will meet Thursday`),
 * so the verb nearest the expression decides which Thursday is meant.
 */

export type Tense = 'past' | 'future' | null;

interface Marker {
  start: number;
  end: number;
  /** `present` (`when the case is heard in May`) leaves the choice to the calendar. */
  tense: 'past' | 'future' | 'present';
  /** A verb of saying: `…, an official said` reports the clause before it rather than dating it. */
  speech: boolean;
  /** Regular -ed forms are often participles (`followed by`), so they count as further away. */
  weak: boolean;
}

const IRREGULAR_PAST = new Set([
  'was',
  'were',
  'had',
  'did',
  'said',
  'told',
  'met',
  'went',
  'came',
  'made',
  'took',
  'gave',
  'spoke',
  'held',
  'left',
  'saw',
  'began',
  'found',
  'got',
  'kept',
  'knew',
  'led',
  'lost',
  'paid',
  'ran',
  'sent',
  'sat',
  'stood',
  'thought',
  'won',
  'wrote',
  'brought',
  'bought',
  'caught',
  'fought',
  'felt',
  'fell',
  'flew',
  'heard',
  'meant',
  'rose',
  'shot',
  'struck',
  'threw',
  'became',
  'broke',
  'chose',
  'drove',
  'ate',
  'grew',
  'hid',
  'sold',
  'shook',
  'spent',
  'stole',
  'swore',
  'taught',
  'tore',
  'wore',
  'built',
  'dealt',
  'drew',
  'fled',
  'hung',
  'laid',
  'lent',
  'sought',
  'slept',
  'withdrew',
  'arose',
  'bore',
  'ago',
  'yesterday',
  'earlier',
  "wasn't",
  "weren't",
  "didn't",
  "hadn't",
  'overtook',
  'undertook',
  'oversaw',
  'forgot',
  'underwent',
  'swept',
  'sank',
  'sprang',
  'blew',
  'dug',
  'killed',
  'occurred',
]);

const FUTURE_WORDS = new Set([
  'will',
  'shall',
  "won't",
  'would',
  "wouldn't",
  'upcoming',
  'tomorrow',
  'scheduled',
  'slated',
  'due',
  'later',
  'planned',
  'planning',
  'expected',
  'expects',
  'intends',
  // What is judged likely or speculated about is still to come (`This makes a June election very
  // likely`, `speculation of an early June election`, said in March). Not `should`: AQUAINT's date
  // values lost one (83.2 -> 83.0 F1) with it.
  'likely',
  'unlikely',
  'speculation',
]);

/** Before `planned`, `expected`, `scheduled` these make it an adjective (`the hastily planned trip`), not a plan. */
const MODIFIES_NOUN = /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|long|much|[a-z]+ly)$/;

const AUXILIARIES = new Set(['was', 'were', 'had', 'is', 'are', 'am', 'has', 'have', 'be', 'been']);

/** Words ending in -ed that are not past-tense verbs. */
const NOT_PAST = new Set([
  'united',
  'proposed',
  'alleged',
  'armed',
  'based',
  'related',
  'concerned',
  'advanced',
  'detailed',
  'limited',
  'supposed',
  'unprecedented',
  'hundred',
  'red',
  'bed',
  'shed',
  'wed',
  'biased',
  'talented',
  'aged',
  'beloved',
  'naked',
  'wicked',
  'sacred',
  'rugged',
  'learned',
  'skilled',
  'interested',
  'experienced',
  'balanced',
  'sophisticated',
  'complicated',
  'dedicated',
  'isolated',
  'devoted',
  'organized',
  'so-called',
  'called',
  'expected',
  'planned',
  'set',
  'scheduled',
  'hoped',
  'intended',
  'supposed',
  'designed',
  'determined',
  'prepared',
  'involved',
  'reported',
  'used',
  'needed',
  'indeed',
]);

/** `to` after these makes the clause future: `plans to visit`, `is expected to meet`. */
const FUTURE_BEFORE_TO = new Set([
  'plan',
  'plans',
  'planned',
  'planning',
  'expected',
  'expects',
  'expect',
  'scheduled',
  'set',
  'due',
  'slated',
  'likely',
  'going',
  'intends',
  'intend',
  'intended',
  'aims',
  'aim',
  'hopes',
  'hope',
  'hoped',
  'wants',
  'want',
  'is',
  'are',
  'am',
  'poised',
  'ready',
  'agreed',
  'decided',
  'promised',
  'vowed',
  'pledged',
  'prepared',
  'preparing',
  'seeks',
  'seeking',
  'tries',
  'trying',
  'arranged',
  'invited',
  'sure',
  'about',
]);

/** Past forms of a decision taken: a date before them is the decision's (see markersIn). */
const DECIDED = new Set(['agreed', 'decided', 'promised', 'vowed', 'pledged', 'arranged', 'voted', 'resolved']);

/** Words after `to` that make it a preposition left at the clause's end (`had agreed to in December`), no infinitive. */
const STRANDED_TO =
  /^(?:in|on|at|by|for|with|from|about|into|over|under|after|before|since|during|until|last|this|early|late|because|and|but|or)$/;

/** `plans for Funaro to meet bankers … on Friday`: what is planned for someone is still to come. */
const PLANS_FOR = /\b(?:plans?|arrangements?)\s+for\s+(?:[\w.'’-]+\s+){1,5}$/i;
/** A determiner: what follows it is a noun phrase, not a verb. */
const DETERMINER = /^(?:the|a|an|his|her|its|their|our|this|that|these|those)$/i;
/** A verb after `to`, not a place or a noun phrase (`plans for the trip to East Africa`). */
const INFINITIVE = /^(?!(?:the|a|an|his|her|its|their|this|that|these|those)$)[a-z]+$/;

const WORD = /[A-Za-z][A-Za-z'’-]*/g;

const SPEECH = new Set([
  'said',
  'told',
  'announced',
  'reported',
  'added',
  'stated',
  'noted',
  'declared',
  'tweeted',
  'wrote',
]);

function markersIn(text: string, from: number, to: number): Marker[] {
  const markers: Marker[] = [];
  const slice = text.slice(from, to);
  let previous = '';
  let previousMarker: Marker | null = null;
  const words = [...slice.matchAll(WORD)];
  // `due to the suspension of exports`: because of, not due to happen (`due to resume`).
  const dueToNoun = (k: number): boolean =>
    words[k]?.[0].toLowerCase() === 'due' &&
    words[k + 1]?.[0].toLowerCase() === 'to' &&
    DETERMINER.test(words[k + 2]?.[0] ?? '');
  for (let i = 0; i < words.length; i++) {
    const m = words[i];
    const raw = m[0].replace(/’/g, "'");
    const w = raw.toLowerCase();
    const start = from + m.index!;
    const end = start + raw.length;
    const next = words[i + 1]?.[0].toLowerCase() ?? '';
    let tense: 'past' | 'future' | 'present' | null = null;
    let weak = false;
    if (
      w === 'to' &&
      !dueToNoun(i - 1) &&
      !STRANDED_TO.test(next) &&
      (FUTURE_BEFORE_TO.has(previous) ||
        (PLANS_FOR.test(slice.slice(0, m.index!)) && INFINITIVE.test(words[i + 1]?.[0] ?? '')))
    ) {
      // `plans to`, `is to`: the infinitive is what is planned; the verb before does not set the
      // tense. A decision taken (`agreed to`, `decided to`) keeps its own past for a date before it
      // (`At its last meeting in December, OPEC agreed to reintroduce fixed prices`), the infinitive's
      // future for one after it (`agreed to meet on Friday`).
      if (previousMarker && DECIDED.has(previous)) previousMarker.weak = false;
      else if (previousMarker) markers.pop();
      tense = 'future';
    } else if (/'ll$/.test(w)) tense = 'future';
    else if (FUTURE_WORDS.has(w) && !(/ed$/.test(w) && MODIFIES_NOUN.test(previous)) && !dueToNoun(i)) tense = 'future';
    // The modals of what may yet happen (`may call an election in June`); written in lower case, as
    // the month May never is in prose, and not before `have` (`may have left in June`: past).
    else if ((raw === 'may' || w === 'might') && next !== 'have') tense = 'future';
    // (`agreed` ends in `-eed`, which the regular rule below leaves out for `need`, `speed`.)
    else if ((IRREGULAR_PAST.has(w) || w === 'agreed') && !/^(?:is|are|be|been|being|am|will)$/.test(previous))
      tense = 'past';
    else if (w === 'is' || w === 'are' || w === 'am') tense = 'present';
    else if (
      w.length >= 5 &&
      /ed$/.test(w) &&
      !/eed$/.test(w) &&
      !NOT_PAST.has(w) &&
      /^[a-z]/.test(raw) &&
      !/^(?:is|are|be|been|being|am|will)$/.test(previous) &&
      next !== 'by'
    ) {
      tense = 'past';
      weak = true;
    }
    // `were planning to`: the future marker replaces the auxiliary just before it.
    if (tense === 'future' && previousMarker && AUXILIARIES.has(previous)) markers.pop();
    previousMarker = null;
    if (tense) {
      const marker = { start, end, tense, weak, speech: SPEECH.has(w) };
      markers.push(marker);
      previousMarker = marker;
    }
    previous = w;
  }
  return markers;
}

/** A noun of an agreement or an event, then `of`, right before a date: `the Louvre accord of February`. */
const OF_NAMED_THING =
  /\b(?:accords?|agreements?|pacts?|deals?|meetings?|summits?|crash|decision|statement|communique|conference|session|elections?|vote|announcement|package)\s+of\s+$/i;

/** Before an expression these mark a deadline or an earliest time, i.e. the future: `until 9 a.m. Tuesday`. */
const FUTURE_CUE_BEFORE =
  /(?:\b(?:until|till|as soon as|as early as|no later than|by))\s+(?:(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight)\s*(?:[A-Z]{2,4}\s+)?)?$/i;

/**
 * An -ed participle, its agent (`by` and up to four words) and `on` or `in` right before a date; the
 * word before the participle (adverbs skipped: `to be formally adopted by`) is group 1.
 */
const DONE_BY_BEFORE =
  /(?:\b([A-Za-z]+)\s+)?(?:[a-z]+ly\s+)*\b([a-z]{3,}ed)\s+by\s+(?:[\w.'’&-]+\s+){1,4}(?:on|in)\s+$/;

/** Before a participle these make it what is yet to be done: `to be approved`, `will (be) collated`. */
const BEFORE_TO_COME = /^(?:be|being|is|are|am|to|will|would|shall|should|may|might|must|can|could)$/i;

/** Characters between a word of what is to come and an expression a present verb is nearer to. */
const PRESENT_AFTER_FUTURE = 30;

/**
 * Tense of the clause holding `[start, end)` within the sentence `[from, to)`: the nearest tense
 * marker (the verb an adverbial belongs to: `met Thursday`, `On Friday, the government said`), with
 * -ed forms counting as twice as far since many are participles; null when there is none.
 */
export function tenseAround(text: string, from: number, to: number, start: number, end: number): Tense {
  // (`Until Thursday, they had not called him a suspect` opens a sentence and looks back.)
  const cue = FUTURE_CUE_BEFORE.exec(text.slice(Math.max(from, start - 40), start));
  if (cue && !/^U/.test(cue[0])) return 'future';
  // `since January`, `since the January resignation`: where a span began, always already past.
  if (/\bsince\s+(?:the\s+)?$/i.test(text.slice(Math.max(from, start - 12), start))) return 'past';
  // `Wednesday's ruling`: a day used to name something is mostly one already past.
  if (/^['’]s\s/.test(text.slice(end, end + 3))) return 'past';
  // `the Louvre accord of February`: so is a date naming which agreement or event (not a part of
  // a time, `the end of March`, nor a time set, `a deadline of March 31`).
  if (OF_NAMED_THING.test(text.slice(Math.max(from, start - 30), start))) return 'past';
  // `the December pact`, `OPEC's December accord`: an agreement named by its month is one reached.
  if (
    /^\s+(?:pacts?|accords?|agreements?)\b/i.test(text.slice(end, end + 14)) &&
    /(?:\b(?:the|its|their|this|that)|['’]s)\s+$/i.test(text.slice(Math.max(from, start - 8), start))
  )
    return 'past';
  // `a lockout imposed by the company on December 14 would be lifted`: a participle with its agent
  // right before the date (no `be` before it: `to be approved by shareholders on April 22` is still
  // to come) names what was done then, whatever verb the sentence goes on with.
  const done = DONE_BY_BEFORE.exec(text.slice(Math.max(from, start - 60), start));
  if (done && !NOT_PAST.has(done[2].toLowerCase()) && !BEFORE_TO_COME.test(done[1] ?? '')) return 'past';
  let best: Marker | null = null;
  let bestDistance = Infinity;
  const markers = markersIn(text, from, to);
  // `President Reagan, preparing to depart for the summit on Wednesday, said …`: a verb of saying
  // past a comma dates the expression only when no verb before it could (`On Friday, the
  // government said`); otherwise it reports the clause the expression belongs to.
  const verbBefore = markers.some((marker) => marker.end <= start);
  const quoted = quotesAfter(text, from, to, end);
  for (const marker of markers) {
    // `… on December 9, Ali said "If my crudes are affected I will raise the issue"`: what a speaker
    // is quoted saying after the expression is a clause of its own, and its verbs date nothing outside it.
    if (quoted.some(([a, b]) => marker.start >= a && marker.end <= b)) continue;
    let distance = marker.end <= start ? start - marker.end : marker.start >= end ? marker.start - end : Infinity;
    if (marker.weak) distance *= 2;
    // The verb an adverbial follows usually comes first: prefer the left side on near ties.
    if (marker.start >= end) {
      distance += 8;
      if (marker.speech && /,/.test(text.slice(end, marker.start))) {
        if (verbBefore) continue;
        distance *= 3;
      }
    }
    if (distance < bestDistance) {
      best = marker;
      bestDistance = distance;
    }
  }
  // `Speculation is rising for either a June or an early autumn election`: a present verb dates
  // nothing, and a word of what is to come shortly before the expression says it is ahead.
  if (best?.tense === 'present') {
    const ahead = markers.some((m) => m.tense === 'future' && m.end <= start && start - m.end <= PRESENT_AFTER_FUTURE);
    if (ahead) return 'future';
  }
  return best && best.tense !== 'present' ? best.tense : null;
}

/** A verb of saying right before an opening quote: `Ali said "If my crudes…`. */
const SPEECH_BEFORE_QUOTE = /\b(?:said|says|told|added|asked|declared|stated|wrote|replied)\s*[,:]?\s*$/i;

/**
 * The quotations of `[from, to)` that open after `end` with a verb of saying before them, as spans
 * (one left open runs to `to`). A quotation inside the reporter's own clause (`he "will hang on"
 * until October 30`) is part of it and is not among them.
 */
function quotesAfter(text: string, from: number, to: number, end: number): [number, number][] {
  const spans: [number, number][] = [];
  const slice = text.slice(from, to);
  const marks = [...slice.matchAll(/["“”]/g)].map((m) => from + m.index!);
  for (let i = 0; i < marks.length; i++) {
    const open = marks[i];
    if (open < end || text[open] === '”' || !SPEECH_BEFORE_QUOTE.test(text.slice(Math.max(end, open - 20), open)))
      continue;
    const close = marks[i + 1] ?? to;
    spans.push([open, close + 1]);
    i++;
  }
  return spans;
}
