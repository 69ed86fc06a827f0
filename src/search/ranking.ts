/**
 * The second ranking stage. FTS5's bm25 (title weighted) picks and orders the candidates; the best
 * RERANK_DEPTH of them are then re-scored with what bm25 cannot see:
 *
 *  - document length: FTS5 fixes bm25's length normalisation (b = 0.75); a tuned log-length term
 *    corrects it for news, where a 40-word notice that repeats a word in its headline is rarely
 *    what a searcher wants;
 *  - proximity: the query's words near each other (FTS5 NEAR), more when adjacent and in order;
 *  - a prior against boilerplate: tables of figures and price notices (lines of numbers);
 *  - (in search.ts) a bonus for mentioning an entity the query names, only when the query names one.
 *
 * The weights were tuned on the development half of a query set built from Reuters-21578's own topic
 * codes and checked on the other half (`npm run bench:relevance`, bench/relevance-queries.ts).
 */

/**
 * The weights are bm25 points when the best candidate scores this much (typical of a good match on
 * Reuters); they scale with the best candidate's score, so in a tiny corpus, where every bm25 is
 * near zero, length and priors do not outweigh the words themselves.
 */
export const REFERENCE_SCORE = 15;

export interface RankingParams {
  /** bm25 weight of the title column (the body weighs 1). */
  titleWeight: number;
  /** Score added per unit of ln(tokens): positive favours longer documents. */
  lengthWeight: number;
  /** Score added when every positive term occurs within PROXIMITY_WINDOW tokens of the others. */
  nearWeight: number;
  /** Score added when the query's words occur together as typed (a phrase). */
  phraseWeight: number;
  /** Score taken away from a document that is all figures (boilerplate 1). */
  boilerplateWeight: number;
  /** Score added for mentioning an entity the query names (half more for many mentions). */
  entityBonus: number;
}

export const DEFAULT_RANKING: RankingParams = {
  titleWeight: 2,
  lengthWeight: 1,
  nearWeight: 1,
  phraseWeight: 1,
  boilerplateWeight: 2,
  entityBonus: 2,
};

/** Candidates re-scored; deeper costs more body reads for little change at the top. */
export const RERANK_DEPTH = 100;
/** Tokens within which the query's words count as near each other. */
export const PROXIMITY_WINDOW = 10;
/** Characters of a body read to judge whether it is boilerplate. */
export const SHAPE_CHARS = 2000;

/**
 * How much of a text is figures rather than prose, 0..1: the larger of the share of lines that are
 * mostly numbers (tables, price lists) and the share of tokens holding a digit, scaled so that a
 * third of all tokens being numbers counts as fully boilerplate.
 */
export function boilerplate(text: string): number {
  // One pass over the characters (it runs on every candidate of every search).
  let lines = 0;
  let tabular = 0;
  let tokens = 0;
  let numeric = 0;
  let lineWords = 0;
  let lineNumbers = 0;
  let inWord = false;
  let wordHasDigit = false;
  const endWord = (): void => {
    if (!inWord) return;
    lineWords++;
    if (wordHasDigit) lineNumbers++;
    inWord = false;
    wordHasDigit = false;
  };
  const endLine = (): void => {
    endWord();
    if (lineWords > 0) {
      lines++;
      tokens += lineWords;
      numeric += lineNumbers;
      // A line of a table: several figures, few words around them.
      if (lineNumbers >= 2 && lineNumbers * 2 >= lineWords) tabular++;
    }
    lineWords = 0;
    lineNumbers = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) endLine();
    else if (c === 32 || c === 9 || c === 13) endWord();
    else {
      inWord = true;
      if (c >= 48 && c <= 57) wordHasDigit = true;
    }
  }
  endLine();
  if (lines === 0) return 0;
  const lineShare = tabular / lines;
  const tokenShare = tokens > 0 ? Math.min(1, (numeric / tokens) * 3) : 0;
  return Math.max(lineShare, tokenShare);
}

export interface Candidate {
  id: number;
  /** Stage-one score (higher is better). */
  score: number;
}

export interface Shape {
  tokens: number;
  boilerplate: number;
}

/** Stage-two score of one candidate. */
export function rerankScore(
  candidate: Candidate,
  shape: Shape | undefined,
  near: boolean,
  phrase: boolean,
  params: RankingParams,
  bestScore: number,
): number {
  const unit = Math.max(0, bestScore) / REFERENCE_SCORE;
  let extra = 0;
  if (shape) {
    extra += params.lengthWeight * Math.log(Math.max(1, shape.tokens));
    extra -= params.boilerplateWeight * shape.boilerplate;
  }
  if (near) extra += params.nearWeight;
  if (phrase) extra += params.phraseWeight;
  return candidate.score + unit * extra;
}
