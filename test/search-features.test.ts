import { describe, expect, it } from 'vitest';
import { candidateFeatures, type CandidateInput, type RankTerm } from '../src/search/features.js';
import { DEFAULT_RANKING, rankScore } from '../src/search/ranking.js';

// A toy stemmer standing in for SQLite's porter: drops a plural s.
const stem = (words: string[]): (string | null)[] => words.map((w) => w.replace(/s$/, ''));

const doc = (id: number, title: string, body: string, extra: Partial<CandidateInput> = {}): CandidateInput => ({
  id,
  stage1: 1,
  title,
  head: body,
  titleLength: title.split(/\W+/).filter(Boolean).length,
  bodyLength: body.split(/\W+/).filter(Boolean).length,
  entityMentions: 0,
  entityFirstSentence: null,
  ...extra,
});

describe('second-stage ranking features', () => {
  const terms: RankTerm[] = [
    { unit: 0, stems: ['oil'], idf: 2, entity: false },
    { unit: 1, stems: ['price'], idf: 1, entity: false },
  ];

  it('counts stemmed matches per field and measures proximity and the lead', () => {
    const filler = ' the market was quiet today and traders waited'.repeat(6);
    const [near, far] = candidateFeatures(
      terms,
      [doc(1, 'Oil prices rise', `Oil prices rose.${filler}`), doc(2, 'Markets', `Oil rose.${filler} Prices fell.`)],
      stem,
    );
    expect(near.titleCounts).toEqual([1, 1]);
    expect(near.bodyCounts).toEqual([1, 1]);
    expect(near.proximity).toBe(1);
    expect(near.lead).toBe(1);
    expect(far.titleCounts).toEqual([0, 0]);
    expect(far.proximity).toBeLessThan(0.1);
    expect(far.lead).toBe(0.5);
    const means = { meanTitle: 3, meanBody: 50 };
    expect(rankScore(near, terms, means, DEFAULT_RANKING, 1)).toBeGreaterThan(
      rankScore(far, terms, means, DEFAULT_RANKING, 1),
    );
  });

  it('counts a named entity by its mentions, and only a document that names it gets centrality', () => {
    const entityTerms: RankTerm[] = [{ unit: 0, stems: ['baker'], idf: 3, entity: true }];
    const [named, other] = candidateFeatures(
      entityTerms,
      [
        doc(1, 'Treasury chief speaks', 'The Treasury Secretary said he would act.', {
          entityMentions: 2,
          entityFirstSentence: 0,
        }),
        doc(2, 'Baker sells unit', 'Baker sold its pump unit.'),
      ],
      stem,
    );
    expect(named.bodyCounts).toEqual([2]);
    expect(named.centrality).toBeGreaterThan(0.7);
    expect(other.bodyCounts).toEqual([1]);
    expect(other.centrality).toBe(0);
  });

  it('scores a title match above the same match in a long body (per-field length normalisation)', () => {
    const body = 'words '.repeat(200);
    const [inTitle, inBody] = candidateFeatures([terms[0]], [doc(1, 'Oil', body), doc(2, 'News', `${body} oil`)], stem);
    const means = { meanTitle: 5, meanBody: 150 };
    expect(rankScore(inTitle, [terms[0]], means, DEFAULT_RANKING, 1)).toBeGreaterThan(
      rankScore(inBody, [terms[0]], means, DEFAULT_RANKING, 1),
    );
  });
});
