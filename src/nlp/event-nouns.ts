import { createRequire } from 'node:module';

/**
 * The one table of nouns that name a happening. The event finder (nlp/events.ts) reads every column;
 * the date module (nlp/dates) uses the forms to tie a later weekday to the period an earlier
 * sentence announced for the same event; the corpus-level clustering uses the lemma as the action
 * of a statement. Before this table the two lists had drifted apart (24 nouns in one only).
 */
export interface EventNoun {
  lemma: string;
  /** Lowercase forms as written; the plural comes from natural's NounInflector unless `forms` is given. */
  forms: readonly string[];
  /** Lemmas a text refers back to with another head (`planned talks` … `the meeting`). */
  group: string | null;
  /** Known by where it happens (`Hanoi summit`) or by who takes part (`Trump–Abe talks`). */
  takes: 'place' | 'participants';
  /** Also a verb or gerund (`to visit`, `will be meeting`): needs a check of its context. */
  verbLike: boolean;
  /** Too vague alone (`DNA tests` is an event; `tests showed` is not). */
  needsModifier: boolean;
  /** Stands for whatever event the text was just talking about (`the event`, `the session`). */
  generic: boolean;
  /** Travel: named after the traveller and the destination (`Pompeo trip to North Korea`). */
  travel: boolean;
  /** Heads an event phrase; false for nouns that only tie a later weekday to an announced period. */
  headsEvents: boolean;
  /**
   * A market's move (`crash`, `record drop`): an event only in a market's words; never ties a
   * weekday to an announced period (`prices may fall next week`).
   */
  marketMove: boolean;
  /**
   * An occasion news is told at (`interview`, `news conference`): one report of one is most often
   * that report's own source (`said in an interview on Monday`), not a happening of its own.
   */
  reporting: boolean;
}

type Row = [lemma: string, group: string | null, flags?: string, forms?: string[]];

// Flags: p = known by its place, v = verb-like, m = needs a modifier, g = generic, t = travel, s = no plural,
// a = anchors dates only (the event finder does not name an event after it), k = a market's move,
// r = an occasion news is told at.
const ROWS: Row[] = [
  ['summit', 'meet', 'p'],
  ['talks', 'meet', 'vs', ['talks']],
  ['meeting', 'meet', 'v'],
  ['discussion', 'meet'],
  ['negotiations', 'meet', 's', ['negotiations', 'negotiation']],
  ['contact', 'meet', 'vma'],
  ['dialogue', 'meet', 'a'],
  ['consultations', 'meet', 'sa', ['consultations']],
  ['gathering', 'meet', 'a'],
  ['visit', 'travel', 'vt'],
  ['trip', 'travel', 'vt'],
  ['tour', 'travel', 'vt'],
  ['conference', 'conference', 'p'],
  ['news conference', null, 'r'],
  ['press conference', null, 'r'],
  ['forum', 'conference', 'p'],
  ['convention', 'conference', 'p'],
  ['congress', 'conference', 'pa', ['congress']],
  ['assembly', 'conference', 'pa'],
  ['ceremony', 'ceremony', 'p'],
  ['inauguration', 'ceremony'],
  ['funeral', 'ceremony'],
  ['signing', 'ceremony', 'v'],
  ['parade', 'ceremony', 'p'],
  ['festival', 'ceremony', 'p'],
  ['celebration', 'ceremony', 'a'],
  ['anniversary', 'ceremony', 'ma'],
  ['election', 'election', 'p'],
  ['vote', 'election', 'v'],
  ['referendum', 'election', 'p'],
  ['attack', 'violence', 'v'],
  ['bombing', 'violence', 'p'],
  ['explosion', 'violence', 'p'],
  ['shooting', 'violence', 'v'],
  ['massacre', 'violence', 'p'],
  ['raid', 'violence', 'v'],
  ['strike', 'violence', 'vm'],
  ['invasion', 'violence'],
  ['coup', 'violence', 'p'],
  ['war', 'violence', 'ma'],
  ['test', 'test', 'vm'],
  ['launch', 'test', 'vm'],
  ['drill', 'test', 'm'],
  ['exercise', 'test', 'm'],
  ['earthquake', 'disaster', 'p'],
  // A market's fall is a happening only when a market names it and it is told as a crash or a
  // record (see nlp/events.ts marketMove); every form is one lemma, so reports calling one day's fall
  // a crash, a collapse or a record drop tell one kind of happening.
  [
    'crash',
    'market',
    'pvmk',
    [
      'crash',
      'crashes',
      'collapse',
      'plunge',
      'drop',
      'fall',
      'slide',
      'selloff',
      'sell-off',
      'spree',
      'rout',
      'tumble',
      'slump',
    ],
  ],
  ['interview', null, 'vr'],
  ['session', null, 'g'],
  ['event', null, 'g'],
  ['hearing', null, 'v'],
  ['trial', null, 'ma'],
  ['rally', null, 'pv'],
  ['protest', null, 'v'],
  ['briefing', null, 'r'],
  ['debate', null, 'ma'],
  ['speech', null, 'ma'],
  ['address', null, 'vma'],
  ['exchange', null, 'vma'],
  ['sanctions', null, 'msa', ['sanctions']],
  ['games', null, 'msa', ['games']],
  ['tournament', null, 'pa'],
  ['match', null, 'vma'],
  ['meet', null, 'vma'],
  ['accord', 'accord', 'pv'],
  ['treaty', 'accord', 'p'],
  ['pact', 'accord', 'p'],
  ['agreement', 'accord', 'm'],
  ['moratorium', null, 'm'],
  ['embargo', null, 'm'],
];

/** Words that name a market (`stock market crash`, `share price collapse`, `a record drop in stock prices`). */
export const MARKET_NOUN =
  /^(?:stocks?|shares?|equit(?:y|ies)|markets?|stockmarkets?|bourses?|prices?|securities|bonds?)$/i;
/** Names of markets and their indexes (`Wall Street crash`, `Monday's drop on Wall Street`). */
export const MARKET_NAME = /\b(?:Wall Street|Stock Exchange|Bourse|Dow|Nikkei|Index|Average|Markets?)\b/;

/** Whether a market move's name says which market fell (`stock market crash`; not `record drop`). */
export function namesAMarket(name: string): boolean {
  return MARKET_NAME.test(name) || name.split(/\s+/).some((w) => MARKET_NOUN.test(w));
}

const inflector = (() => {
  // Only the inflector module: the whole of natural costs ≈ 0.4 s to import and prints to stdout.
  const NounInflector = createRequire(import.meta.url)('natural/lib/natural/inflectors/noun_inflector') as new () => {
    pluralize(word: string): string;
  };
  return new NounInflector();
})();

function plural(lemma: string): string {
  const words = lemma.split(' ');
  words[words.length - 1] = inflector.pluralize(words[words.length - 1]);
  return words.join(' ');
}

export const EVENT_NOUN_TABLE: readonly EventNoun[] = ROWS.map(([lemma, group, flags = '', forms]) => ({
  lemma,
  forms: forms ?? (flags.includes('s') ? [lemma] : [lemma, plural(lemma)]),
  group,
  takes: flags.includes('p') ? 'place' : 'participants',
  verbLike: flags.includes('v'),
  needsModifier: flags.includes('m'),
  generic: flags.includes('g'),
  travel: flags.includes('t'),
  headsEvents: !flags.includes('a'),
  marketMove: flags.includes('k'),
  reporting: flags.includes('r'),
}));

const BY_LEMMA: ReadonlyMap<string, EventNoun> = new Map(EVENT_NOUN_TABLE.map((n) => [n.lemma, n]));

/** Lowercase form (`summits`, `news conferences`) → its entry. */
export const EVENT_NOUN_FORMS: ReadonlyMap<string, EventNoun> = new Map(
  EVENT_NOUN_TABLE.flatMap((n) => n.forms.map((f) => [f, n] as const)),
);

export function eventNoun(lemma: string): EventNoun | undefined {
  return BY_LEMMA.get(lemma);
}
