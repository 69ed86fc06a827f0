import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/nlp/tokenize.js';
import { findDates } from '../src/nlp/dates/index.js';
import { formatIsoWeek, parseIsoDate } from '../src/nlp/dates/calendar.js';

/** The DATE mentions of `text` as `text → value` pairs, resolved against `published`. */
function dates(text: string, published: string | null): [string, string | null][] {
  const { tokens, sentences } = tokenize(text);
  return findDates(text, tokens, sentences, published).map((m) => [m.text, m.value]);
}

const FRIDAY = '2019-02-15'; // seed 000
const THURSDAY = '2018-04-19'; // seed 002
const TUESDAY = '2018-12-18'; // seed 004

describe('explicit dates', () => {
  it('reads the common news forms', () => {
    expect(dates('Talks are set for Feb. 27 in Hanoi.', FRIDAY)).toEqual([['Feb. 27', '2019-02-27']]);
    expect(dates('The deal was signed on 27 February 2019.', FRIDAY)).toEqual([['27 February 2019', '2019-02-27']]);
    expect(dates('date 2018-12-18 NATIONAL', null)).toEqual([['2018-12-18', '2018-12-18']]);
    expect(dates('WASHINGTON, Feb. 14, 2019 (AP) — The envoy left.', null)).toEqual([['Feb. 14, 2019', '2019-02-14']]);
    expect(dates('Prices rose through the 1990s.', FRIDAY)).toEqual([['1990s', '199X']]);
    expect(dates('They first met in June 2018.', FRIDAY)).toEqual([['June 2018', '2018-06']]);
    expect(dates('He was born in 1987 in Seoul.', FRIDAY)).toEqual([['1987', '1987']]);
    expect(dates('The New York Times said in an editorial on Monday, Oct. 26: the murder', '1998-10-25')).toEqual([
      ['Monday, Oct. 26', '1998-10-26'],
    ]);
  });

  it('does not take counts, clock times or durations for dates', () => {
    expect(dates('About 2000 people marched at 1900 GMT.', FRIDAY)).toEqual([]);
    expect(dates('North Korea has been isolated for decades.', FRIDAY)).toEqual([]);
    expect(dates('It took three years and many talks over the years.', FRIDAY)).toEqual([]);
    expect(dates('Theresa May said she may resign.', FRIDAY)).toEqual([]);
  });

  it('keeps the modifier of a vague part of a period', () => {
    expect(dates('He left in late November.', '2000-01-06')).toEqual([['late November', '1999-11']]);
    expect(dates('Growth slowed in the early 1990s.', FRIDAY)).toEqual([['early 1990s', '199X']]);
  });
});

describe('weekdays follow the tense of their clause', () => {
  it('takes the latest such day on or before publication in a past clause', () => {
    expect(dates('The top diplomats met Thursday to discuss it.', FRIDAY)).toEqual([['Thursday', '2019-02-14']]);
    expect(dates('In an interview with CBS News on Wednesday, Pompeo said so.', FRIDAY)).toEqual([['Wednesday', '2019-02-13']]);
    expect(dates("Seoul's foreign ministry said Tuesday.", TUESDAY)).toEqual([['Tuesday', '2018-12-18']]);
    expect(dates('In a statement issued Sunday, a researcher said so.', TUESDAY)).toEqual([['Sunday', '2018-12-16']]);
  });

  it('takes the next such day with will, is scheduled to, plans to', () => {
    expect(dates('He will hold talks with Lee on Thursday.', TUESDAY)).toEqual([['Thursday', '2018-12-20']]);
    expect(dates('Lee is to meet Morgulov in Seoul later Tuesday.', TUESDAY)).toEqual([['Tuesday', '2018-12-18']]);
    expect(dates('Protesters plan to march on Saturday.', '2000-01-07')).toEqual([['Saturday', '2000-01-08']]);
    expect(dates('The INS extended its deadline until 9 a.m. Tuesday.', '2000-04-03')).toEqual([['9 a.m. Tuesday', '2000-04-04T09:00']]);
  });

  it('puts a day named for an announced event inside the period announced for it', () => {
    const text =
      'The two Koreas plan to hold a groundbreaking ceremony next week. ' +
      'Biegun will visit Seoul from Wednesday till Saturday. ' +
      'The two Koreas will hold a highly symbolic ceremony at Panmun Station on Wednesday.';
    expect(dates(text, TUESDAY)).toEqual([
      ['next week', '2018-W52'],
      ['Wednesday till Saturday', '2018-12-19/2018-12-22'],
      ['Wednesday', '2018-12-26'],
    ]);
  });
});

describe('relative expressions', () => {
  it('resolves deictic days and periods with their granularity', () => {
    expect(dates('Abe yesterday said so.', THURSDAY)).toEqual([['yesterday', '2018-04-18']]);
    expect(dates('It is raining today.', THURSDAY)).toEqual([['today', '2018-04-19']]);
    expect(dates('"Now it is time," he said.', FRIDAY)).toEqual([['Now', 'PRESENT_REF']]);
    expect(dates('Trump announced last week he would go.', FRIDAY)).toEqual([['last week', '2019-W06']]);
    expect(dates('They will talk this week and meet next week.', TUESDAY)).toEqual([
      ['this week', '2018-W51'],
      ['next week', '2018-W52'],
    ]);
    expect(dates("ahead of this month's second summit", FRIDAY)).toEqual([['this month', '2019-02']]);
    expect(dates('He was last year calling him names.', THURSDAY)).toEqual([['last year', '2017']]);
    expect(dates('The bombing three years ago killed 12.', FRIDAY)).toEqual([['three years ago', '2016']]);
  });

  it('gives a month without a year the year its tense implies', () => {
    expect(dates('their first summit last June', FRIDAY)).toEqual([['last June', '2018-06']]);
    expect(dates('He is likely to meet Kim in June or before that.', THURSDAY)).toEqual([['June', '2018-06']]);
    expect(dates('The law was passed in September.', THURSDAY)).toEqual([['September', '2017-09']]);
    expect(dates('Only limited sales were booked for March shipment.', '1987-02-26')).toEqual([['March', '1987-03']]);
    expect(dates('Elian must be returned to his father by Jan. 14.', '2000-01-06')).toEqual([['Jan. 14', '2000-01-14']]);
  });

  it('reads ranges as one mention', () => {
    expect(dates('He would hold a second summit in Hanoi on February 27 and 28.', FRIDAY)).toEqual([
      ['February 27 and 28', '2019-02-27/2019-02-28'],
    ]);
    expect(dates('He is scheduled to visit South Korea from Wednesday till Saturday.', TUESDAY)).toEqual([
      ['Wednesday till Saturday', '2018-12-19/2018-12-22'],
    ]);
  });

  it('reads seasons, quarters and holidays where the text fixes them', () => {
    expect(dates('He moved there last fall.', '1999-04-10')).toEqual([['last fall', '1998-FA']]);
    expect(dates('Profits fell in the first quarter of 2019.', FRIDAY)).toEqual([['the first quarter of 2019', '2019-Q1']]);
    expect(dates('Growth slowed in the fourth quarter of last year.', '1987-03-09')).toEqual([['the fourth quarter of last year', '1986-Q4']]);
    expect(dates('Growth slowed in the fourth quarter.', '1987-03-09')).toEqual([['the fourth quarter', '1986-Q4']]);
    expect(dates('He was killed on Thanksgiving Day.', '2000-01-07')).toEqual([['Thanksgiving Day', '1999-11-25']]);
  });

  it('marks vague references as TimeML does', () => {
    expect(dates('He will meet Kim in the coming weeks.', THURSDAY)).toEqual([['the coming weeks', 'FUTURE_REF']]);
    expect(dates('It may change in the future.', THURSDAY)).toEqual([['the future', 'FUTURE_REF']]);
  });

  it('leaves relative values null without a publication date, and keeps absolute ones', () => {
    expect(dates('They met Thursday and will meet again on Feb. 27, 2019, and last week.', null)).toEqual([
      ['Thursday', null],
      ['Feb. 27, 2019', '2019-02-27'],
      ['last week', null],
    ]);
  });
});

describe('mentions', () => {
  it('carry exact offsets, the DATE type and their sentence index', () => {
    const text = 'Kim arrived Monday. He left on Feb. 27.';
    const { tokens, sentences } = tokenize(text);
    const mentions = findDates(text, tokens, sentences, FRIDAY);
    expect(mentions.map((m) => ({ ...m }))).toEqual([
      { type: 'DATE', text: 'Monday', start: 12, end: 18, entity: null, value: '2019-02-11', sentence: 0 },
      { type: 'DATE', text: 'Feb. 27', start: 31, end: 38, entity: null, value: '2019-02-27', sentence: 1 },
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('calendar', () => {
  it('numbers ISO weeks across year ends', () => {
    expect(formatIsoWeek(parseIsoDate('2019-02-15')!)).toBe('2019-W07');
    expect(formatIsoWeek(parseIsoDate('2018-12-31')!)).toBe('2019-W01');
    expect(formatIsoWeek(parseIsoDate('2021-01-03')!)).toBe('2020-W53');
  });
});
