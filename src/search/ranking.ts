/**
 * The second ranking stage. FTS5's bm25 (title weighted, plus a bonus for a named entity) picks the
 * best RERANK_DEPTH candidates; each is then scored again from features of its own text
 * (features.ts) with what bm25 cannot see:
 *
 *  - BM25F: term frequencies per field, each field normalised by its own length against the
 *    corpus's mean (a headline of 8 words is not "short" the way a body of 8 words is), the title
 *    weighted, and the sum saturated once (k1) — FTS5's bm25 normalises by the whole document;
 *  - a named entity's mentions (by any alias) count as occurrences of its name, and its centrality
 *    (named in the lead; mentions per length) counts only when the query names an entity;
 *  - proximity: the shortest window holding every part of the query;
 *  - the lead: a news story names its subject in the headline or first sentence;
 *  - a prior against boilerplate (tables of figures, price notices) and a small one for length.
 *
 * The score is the BM25F share of the query's maximum (0..1) plus the weighted features, so the
 * weights mean the same in a tiny corpus and a large one. They were tuned on the development half
 * of a query set built from Reuters-21578's own topic codes and checked on the other half
 * (`npm run bench:relevance -- --tune`, bench/relevance-queries.ts).
 */
import type { CandidateFeatures, RankTerm } from './features.js';

export interface RankingParams {
  /** Stage one: FTS5 bm25 weight of the title column (the body weighs 1). */
  titleWeight: number;
  /** Stage one: score added for mentioning an entity the query names (half more for many mentions). */
  entityBonus: number;
  /** BM25F: weight of a title occurrence against a body occurrence. */
  fieldTitleWeight: number;
  /** BM25F saturation. */
  k1: number;
  /** BM25F length normalisation of the title and of the body (0: none, 1: full). */
  titleB: number;
  bodyB: number;
  /** Weight of the shortest window holding every query part (1 when adjacent). */
  proximityWeight: number;
  /** Weight of the share of query parts found in the title or the lead. */
  leadWeight: number;
  /** Weight of a named entity's centrality. */
  entityWeight: number;
  /** Weight taken away from a document that is all figures. */
  boilerplateWeight: number;
  /** Weight per unit of ln(tokens): positive favours longer documents. */
  lengthWeight: number;
  /** Weight of the stage-one score (as a share of the best candidate's). */
  stage1Weight: number;
  /**
   * Stage one reads this many times the second stage's depth: on an archive where a story comes in
   * 30 wire copies, the best 50 candidates can be three stories, and the page showed two hits of 16,891.
   */
  stageOneWiden: number;
}

export const DEFAULT_RANKING: RankingParams = {
  titleWeight: 2,
  entityBonus: 2,
  fieldTitleWeight: 5,
  k1: 0.6,
  titleB: 0.5,
  bodyB: 0.25,
  proximityWeight: 0.2,
  leadWeight: 0.1,
  entityWeight: 0.1,
  boilerplateWeight: 0.1,
  lengthWeight: 0,
  stage1Weight: 0,
  stageOneWiden: 32,
};

/** Candidates re-scored; deeper costs more body reads for little change at the top. */
export const RERANK_DEPTH = 50;
/** Characters of a body read for the second stage (news bodies are shorter; longer ones are cut). */
export const RERANK_CHARS = 4000;

/** Corpus statistics BM25F needs. */
export interface FieldMeans {
  meanTitle: number;
  meanBody: number;
}

/** Stage-two score of one candidate. */
export function rankScore(
  f: CandidateFeatures,
  terms: RankTerm[],
  means: FieldMeans,
  params: RankingParams,
  bestStage1: number,
): number {
  let bm25f = 0;
  let most = 0;
  const titleNorm = 1 - params.titleB + (params.titleB * f.titleLength) / means.meanTitle;
  const bodyNorm = 1 - params.bodyB + (params.bodyB * f.bodyLength) / means.meanBody;
  terms.forEach((t, i) => {
    const tf = (params.fieldTitleWeight * f.titleCounts[i]) / titleNorm + f.bodyCounts[i] / bodyNorm;
    bm25f += (t.idf * tf) / (params.k1 + tf);
    most += t.idf;
  });
  const stage1 = bestStage1 > 0 ? f.stage1 / bestStage1 : 0;
  let score = most > 0 ? bm25f / most + params.stage1Weight * stage1 : stage1;
  score += params.proximityWeight * f.proximity;
  score += params.leadWeight * f.lead;
  score += params.entityWeight * f.centrality;
  score -= params.boilerplateWeight * f.boilerplate;
  score += params.lengthWeight * Math.log(1 + f.titleLength + f.bodyLength);
  return score;
}

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
