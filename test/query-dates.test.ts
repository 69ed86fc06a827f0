import { describe, expect, it } from 'vitest';
import { readQueryDates, type CorpusSpan } from '../src/search/query-dates.js';

const REUTERS: CorpusSpan = { first: '1987-02-26', last: '1987-10-20' };
const TWO_YEARS: CorpusSpan = { first: '1986-01-02', last: '1987-10-20' };
const read = (query: string, span: CorpusSpan | null = REUTERS) => readQueryDates(query, () => span);

describe('readQueryDates', () => {
  it('reads a month and year after "in" as that month, and leaves the other words', () => {
    expect(read('oil prices in March 1987')).toEqual({
      text: 'oil prices',
      from: '1987-03-01',
      to: '1987-03-31',
      phrases: ['in March 1987'],
    });
  });

  it('places a month without a year in the latest year the corpus covers it', () => {
    expect(read('why did the stock market crash in October?')).toMatchObject({
      text: 'why did the stock market crash',
      from: '1987-10-01',
      to: '1987-10-31',
    });
    expect(read('Texaco in november', TWO_YEARS)).toMatchObject({ from: '1986-11-01', to: '1986-11-30' });
    expect(read('Texaco in march', TWO_YEARS)).toMatchObject({ from: '1987-03-01', to: '1987-03-31' });
  });

  it('reads days, years, parts of a month and ISO dates', () => {
    expect(read('Texaco bankruptcy on April 12, 1987')).toMatchObject({
      text: 'Texaco bankruptcy',
      from: '1987-04-12',
      // and the two days after, when its reports appear
      to: '1987-04-14',
    });
    expect(read('OPEC on 25 June')).toMatchObject({ from: '1987-06-25', to: '1987-06-27' });
    expect(read('dollar in early March')).toMatchObject({ from: '1987-03-01', to: '1987-03-10' });
    expect(read('dollar in mid-1987')).toMatchObject({ from: '1987-05-01', to: '1987-08-31' });
    expect(read('dollar in 1987')).toMatchObject({ text: 'dollar', from: '1987-01-01', to: '1987-12-31' });
    expect(read('dollar on 1987-10-19')).toMatchObject({ from: '1987-10-19', to: '1987-10-21' });
  });

  it('reads open and closed ranges', () => {
    expect(read('coffee since June 1987')).toMatchObject({ text: 'coffee', from: '1987-06-01', to: null });
    expect(read('coffee from June 1987')).toMatchObject({ text: 'coffee', from: '1987-06-01', to: null });
    expect(read('coffee until June 12')).toMatchObject({ from: null, to: '1987-06-12' });
    expect(read('coffee after June 1987')).toMatchObject({ from: '1987-07-01', to: null });
    expect(read('coffee before June 1987')).toMatchObject({ from: null, to: '1987-05-31' });
    expect(read('coffee until June')).toMatchObject({ from: null, to: '1987-06-30' });
    expect(read('coffee from March to May 1987')).toMatchObject({
      text: 'coffee',
      from: '1987-03-01',
      to: '1987-05-31',
      phrases: ['from March to May 1987'],
    });
    expect(read('coffee between April 1 and April 10')).toMatchObject({ from: '1987-04-01', to: '1987-04-10' });
    expect(read('coffee since March before June')).toMatchObject({ from: '1987-03-01', to: '1987-05-31' });
    // An open range need only reach into the corpus: `since 1986` of an archive of 1987.
    expect(read('coffee since 1986')).toMatchObject({ text: 'coffee', from: '1986-01-01', to: null });
    expect(read('coffee before 1990')).toMatchObject({ from: null, to: '1989-12-31' });
    expect(read('coffee after 1987')).toBeNull();
    expect(read('coffee before 1987')).toBeNull();
  });

  it('reads "In" capitalized only as the first word', () => {
    expect(read('In March 1987 oil prices')).toMatchObject({ text: 'oil prices', from: '1987-03-01' });
    expect(read('Sales In March')).toBeNull();
  });

  it('leaves alone what is not a date the corpus covers', () => {
    // Outside the corpus: words, as typed (`the crash of 1929`).
    expect(read('stock market crash in 1929')).toBeNull();
    // Not after a preposition of time, or part of a name, a quote or a boolean query.
    expect(read('March 1987 oil prices')).toBeNull();
    expect(read('Tax Reform Act of 1986', TWO_YEARS)).toBeNull();
    expect(read('shares in May Department Stores')).toBeNull();
    expect(read('"oil prices in March 1987"')).toBeNull();
    expect(read('“crash in October”')).toBeNull();
    expect(read('oil in March OR April')).toBeNull();
    expect(read('talks on March')).toBeNull();
    expect(read('imports from Japan')).toBeNull();
    expect(read('between March and')).toBeNull();
    expect(read('output in mar')).toBeNull();
    // An empty corpus has no dates to read into.
    expect(read('oil in March 1987', null)).toBeNull();
  });

  it('keeps a quoted phrase and the rest of the query as typed', () => {
    expect(read('"crude oil" -Brent in April')).toMatchObject({ text: '"crude oil" -Brent', from: '1987-04-01' });
  });

  it('reads nothing that would leave an empty range', () => {
    expect(read('oil since June 1987 before March 1987')).toBeNull();
  });

  it('asks the corpus for its dates only when a date is typed', () => {
    let asked = 0;
    readQueryDates('oil prices in Saudi Arabia', () => {
      asked++;
      return REUTERS;
    });
    expect(asked).toBe(0);
  });
});

describe('readQueryDates on random queries', () => {
  it('never throws, and what it reads is a range the corpus covers, taken out of the text', () => {
    const words = [
      'in',
      'In',
      'on',
      'since',
      'after',
      'before',
      'until',
      'from',
      'to',
      'between',
      'and',
      'OR',
      'March',
      'march',
      'Mar.',
      'May',
      'Sept',
      '3',
      '31,',
      '29',
      '1987',
      '1929',
      '2019',
      '1987-02-30',
      '1987-10-19',
      'early',
      'mid-1987',
      'late',
      'oil',
      '"crash',
      'in"',
      '“',
      '”',
      '-',
      '(1987)',
      '?',
      'Texaco',
    ];
    // mulberry32: a seeded generator whose consecutive draws are independent (an LCG's low bits are not).
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    let read = 0;
    for (let i = 0; i < 5000; i++) {
      const query = Array.from({ length: 1 + next(8) }, () => words[next(words.length)]).join(next(4) ? ' ' : '  ');
      const dates = readQueryDates(query, () => REUTERS);
      if (dates === null) continue;
      read++;
      if (dates.from !== null) expect(dates.from <= REUTERS.last || dates.to === null).toBe(true);
      if (dates.from !== null && dates.to !== null) expect(dates.from <= dates.to).toBe(true);
      for (const bound of [dates.from, dates.to]) if (bound !== null) expect(bound).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(dates.text.length).toBeLessThan(query.length);
    }
    expect(read).toBeGreaterThan(100);
  });
});
