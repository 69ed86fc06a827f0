/**
 * Words a question is built with but an article need not contain: `when did Texaco file for
 * bankruptcy` asks about Texaco, filing and bankruptcy. Requiring `when`, `did` and `for` as well
 * left 4 of Reuters' 26 matching articles and `why did the dollar fall` 2 unrelated ones, so a query
 * of plain words matches without them (they are in nearly every article, so they add nothing to a
 * bm25 score either). Quoted, they are required as typed.
 *
 * Function words only — articles, pronouns, prepositions, conjunctions, auxiliaries and question
 * words — and `happen` and `occur`, which ask what took place. Left out on purpose: words that are
 * also names or content in news (`may` the month, `us` the country, `it` the trade, `not`, `said`).
 * `Will` or `Can` capitalized inside a query is a name.
 */
const COMMON_WORDS = new Set(
  (
    'a an the this that these those some any each every ' +
    'i me my we our you your he him his she her its they them their ' +
    'who whom whose which what when where why how whether ' +
    'do does did doing done is are was were be been being am has have had having ' +
    'will would can should could shall must ' +
    'of in on at to for from by with about into onto over under after before during between among ' +
    'through against within without upon ' +
    'and or but if than then so as because while ' +
    'much many there here ' +
    // The verbs a question asks what took place with (`what happened at the Venice summit`): an
    // article tells what happened without the word.
    'happen happens happened happening occur occurs occurred occurring'
  ).split(' '),
);

/**
 * Whether a word as typed may be left out of what must match: a common word written in lower
 * case, or capitalized as the first word of a question (`Why did …`). Capitals elsewhere say a
 * name (`The Hague` later in a query, `WHO` the organization).
 */
export function isCommonWord(typed: string, first: boolean): boolean {
  return COMMON_WORDS.has(typed.toLowerCase()) && typedAsWord(typed, first);
}

/**
 * Whether a query's word is typed as a word rather than a name: in lower case, or capitalized as
 * the query's first word (`Why did …`, `In March …`).
 */
export function typedAsWord(typed: string, first: boolean): boolean {
  const lower = typed.toLowerCase();
  return typed === lower || (first && typed === lower.charAt(0).toUpperCase() + lower.slice(1));
}

/** Verbs a request opens with (`tell me about …`, `show me …`, `give us …`). */
const REQUEST_VERBS = new Set(['tell', 'show', 'give', 'find', 'get', 'list']);

/**
 * Whether the query's first two words open a request (`tell me about the Texaco bankruptcy`): the
 * verb, like `me`, need not match. Only before `me` or `us`: `show` and `list` are news words alone.
 */
export function opensRequest(first: string, second: string | undefined): boolean {
  return typedAsWord(first, true) && REQUEST_VERBS.has(first.toLowerCase()) && /^(?:me|us)$/.test(second ?? '');
}

/** `take place` in any tense: asks what took place, like `happened`. */
const TAKE = new Set(['take', 'takes', 'took', 'taking', 'taken']);

/**
 * Indices of the typed words (in query order) that say `take place` (`when did the Venice summit
 * take place`): left out like `happened`. Lower case only (`Place` may be a name).
 */
export function takingPlace(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) if (TAKE.has(words[i]) && words[i + 1] === 'place') out.add(i).add(i + 1);
  return out;
}
