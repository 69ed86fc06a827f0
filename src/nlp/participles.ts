/**
 * A past participle's phrase after a comma (`talks failed to lift export quotas, suspended in
 * February 1986`): a date inside it is when the participle happened to the noun before the comma,
 * not when the sentence's verb did. The same words after an appositive are the sentence's own verb
 * (`Boyd Jefferies, chairman of the firm, resigned from it yesterday`; `The halt, the first national
 * strike in 25 years, started on February 27`): a phrase is a participle's only where the clause
 * before its comma already has a verb of its own.
 */

/** A past participle, an adverb perhaps before it (`suspended`, `formally unveiled`). */
export const PARTICIPLE = String.raw`(?:\p{Ll}+ly\s+)?\p{Ll}{3,}(?:ed|en)`;
/** Prepositions that lead from a participle to its date (`suspended in February 1986`). */
export const PARTICIPLE_PREPOSITION = '(?:in|on|at|during|since|from)';

/** `, suspended in ` or `, unveiled ` ending the text before a date: the comma's offset in that text, or -1. */
const PHRASE_BEFORE_DATE = new RegExp(
  String.raw`,\s+${PARTICIPLE}\s+(?:(?:${PARTICIPLE_PREPOSITION}|as\s+of)\s+)?$`,
  'u',
);

/**
 * Words that make a clause finite: a past or present form of a common verb, an auxiliary or a
 * modal. A past form in -ed counts unless an article or a possessive makes it an adjective (`the
 * proposed merger`, `As previously reported`); not `need` nor `hundred`.
 */
const FINITE =
  /(?:^|[^\p{L}])(?:(?<!(?:the|an?|its|their|his|her|our|as|previously)\s+)(?!hundred)\p{Ll}{2,}[^\P{Ll}e]ed|agreed|said|says|was|were|is|are|has|had|have|will|would|could|should|may|might|must|can|did|does|met|made|took|gave|rose|fell|won|lost|began|sold|bought|paid|told|held)(?![\p{L}])/u;

/** Whether `clause` (the words before a comma) has a verb of its own. */
function hasFiniteVerb(clause: string): boolean {
  return FINITE.test(clause);
}

/** A name set off by commas just before (`the board, Joe O. Rogers,`): what follows is its verb. */
const APPOSITIVE_NAME = /,\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*\s*$/u;

/**
 * Whether the comma at `comma` opens a participle's phrase rather than going on to the verb of the
 * clause begun at `from`: that clause has a verb of its own, and no name stands between commas
 * right before (`Whose nominee on the board, Joe O. Rogers, resigned in September`).
 */
export function opensParticiplePhrase(text: string, from: number, comma: number): boolean {
  const clause = text.slice(from, comma);
  return hasFiniteVerb(clause) && !APPOSITIVE_NAME.test(clause);
}

/**
 * The offset of the comma opening a participle's phrase that ends right before `at` (where a date
 * begins), or -1: `…export quotas, suspended in |February 1986`. `from` is where the clause before
 * the comma starts (the sentence's start).
 */
export function participlePhraseBefore(text: string, from: number, at: number): number {
  const before = text.slice(Math.max(from, at - 40), at);
  const m = PHRASE_BEFORE_DATE.exec(before);
  if (!m) return -1;
  const comma = at - before.length + m.index;
  return opensParticiplePhrase(text, from, comma) ? comma : -1;
}
