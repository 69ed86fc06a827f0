import { describe, expect, it } from 'vitest';
import {
  aliasGroups,
  eventScores,
  goldTypeFor,
  scoreMentions,
  type GoldMention,
  type ScoredDoc,
} from '../bench/score.js';

type Pred = ScoredDoc['predicted'][number];
const g = (type: string, start: number, end: number, extra: Partial<GoldMention> = {}): GoldMention => ({
  type,
  start,
  end,
  ...extra,
});
const p = (
  type: Pred['type'],
  start: number,
  end: number,
  entity: string | null = null,
  value: string | null = null,
): Pred => ({ type, start, end, entity, value });

describe('scoreMentions', () => {
  it('counts exact matches as strict hits and boundary errors as a miss plus a false alarm', () => {
    const s = scoreMentions(
      [{ gold: [g('PERSON', 0, 10), g('ORG', 20, 30)], predicted: [p('PERSON', 0, 10), p('ORG', 20, 25)] }],
      ['PERSON', 'ORG'],
    );
    expect(s.strict.PERSON).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(s.strict.ORG).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
    expect(s.lenient.ORG).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.strict.micro).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('accepts COUNTRY or PLACE for gold LOC, and rejects other types', () => {
    const s = scoreMentions(
      [
        {
          gold: [g('LOC', 0, 5), g('LOC', 10, 15), g('LOC', 20, 25)],
          predicted: [p('COUNTRY', 0, 5), p('PLACE', 10, 15), p('ORG', 20, 25)],
        },
      ],
      ['PERSON', 'ORG', 'LOC'],
    );
    expect(s.strict.LOC).toMatchObject({ tp: 2, fn: 1, fp: 0 });
    expect(s.strict.ORG).toMatchObject({ tp: 0, fp: 1 });
  });

  it('treats ANY regions and optional mentions as don’t-care', () => {
    const s = scoreMentions(
      [
        {
          gold: [g('ANY', 0, 10), g('PERSON', 20, 30, { optional: true })],
          predicted: [p('ORG', 2, 8), p('PERSON', 20, 30)],
        },
      ],
      ['PERSON', 'ORG'],
    );
    expect(s.strict.micro).toMatchObject({ tp: 0, fp: 0, fn: 0 });
  });

  it('ignores predictions of types the file does not annotate', () => {
    const s = scoreMentions(
      [{ gold: [g('DATE', 0, 5, { value: '2019' })], predicted: [p('PERSON', 10, 15), p('DATE', 0, 5, null, '2019')] }],
      ['DATE'],
    );
    expect(s.strict.DATE).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.strict.micro).toBeUndefined(); // no entity types to average
  });

  it('matches one-to-one in lenient mode', () => {
    const s = scoreMentions(
      [{ gold: [g('PERSON', 0, 20)], predicted: [p('PERSON', 0, 5), p('PERSON', 6, 20)] }],
      ['PERSON'],
    );
    expect(s.lenient.PERSON).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });

  it('scores DATE values on overlapping spans with equal values', () => {
    const s = scoreMentions(
      [
        {
          gold: [g('DATE', 0, 8, { value: '2019-02-14' }), g('DATE', 20, 30, { value: '2019-02' })],
          predicted: [p('DATE', 0, 8, null, '2019-02-14'), p('DATE', 22, 30, null, '2019')],
        },
      ],
      ['DATE'],
    );
    expect(s.dateValue).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(goldTypeFor('PLACE', ['LOC'])).toBe('LOC');
    expect(goldTypeFor('PLACE', ['PERSON'])).toBeNull();
  });
});

describe('aliasGroups', () => {
  it('passes a group only when all its mentions got the gold canonical name', () => {
    const gold = [
      g('PERSON', 0, 11, { entity: 'Kim Jong Un' }),
      g('PERSON', 20, 23, { entity: 'Kim Jong Un' }),
      g('COUNTRY', 30, 34, { entity: 'United States' }),
      g('COUNTRY', 40, 42, { entity: 'United States' }),
    ];
    const r = aliasGroups([
      {
        gold,
        predicted: [
          p('PERSON', 0, 11, 'Kim Jong-un'),
          p('PERSON', 20, 23, 'Kim Jong-un'),
          p('COUNTRY', 30, 34, 'United States'),
          p('COUNTRY', 40, 42, 'US'),
        ],
      },
    ]);
    expect(r).toMatchObject({ total: 2, resolved: 1 });
    expect(r.failures[0]).toContain('United States');
  });
});

describe('eventScores', () => {
  it('counts events whose name, date and place match', () => {
    const r = eventScores([
      {
        gold: [],
        predicted: [],
        goldEvents: [
          { name: 'Hanoi summit', mentions: [[0, 6]], date: '2019-02-27/2019-02-28', place: 'Hanoi' },
          { name: 'Singapore summit', mentions: [[10, 16]], date: '2018-06', place: 'Singapore' },
        ],
        predictedEvents: [
          { name: 'Hanoi summit', mentions: [[0, 6]], date: '2019-02-27/2019-02-28', place: 'Hanoi' },
          { name: 'summit', mentions: [[10, 16]], date: null, place: null },
        ],
      },
    ]);
    expect(r).toEqual({ total: 2, found: 2, matched: 1 });
  });
});
