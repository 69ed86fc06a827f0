import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/nlp/tokenize.js';
import { findDates } from '../src/nlp/dates/index.js';
import { formatIsoWeek, parseIsoDate } from '../src/core/calendar.js';

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

  it('reads no date across a table row or a paragraph, but across a hard-wrapped line', () => {
    // Reuters: a row's last figure and the next row's month; a note's day and the next line's year.
    expect(
      dates('MONTH    1987   1986   CHANGE\nApr 714 684 up 20\nOct 12 157 up 7\n', '1987-04-20'),
    ).not.toContainEqual(expect.arrayContaining(['20\nOct']));
    expect(
      dates('NOTE: 1985 period ended December 28\n1985 earnings include a loss.', '1987-03-10'),
    ).not.toContainEqual(['December 28\n1985', '1985-12-28']);
    // Copy wrapped at 70 columns keeps a date that the wrap cut.
    const wrapped =
      'The agreement between the two companies is expected to be signed on March\n3 in New York, officials said.';
    expect(dates(wrapped, '1987-02-26')).toEqual([['March\n3', '1987-03-03']]);
    // A month that ends a long line still goes on to its day.
    const cut = 'Czech Republic President Vaclav Havel is scheduled to make an official visit to Brazil Sept.\n15-21.';
    expect(dates(cut, '1996-08-27')).toEqual([['Sept.\n15-21', '1996-09-15/1996-09-21']]);
  });

  it('reads the months of a range or a choice as one, in the year the list says', () => {
    expect(dates('France is due to hold a presidential election in April or May next year.', '1987-06-02')).toEqual([
      ['April', '1988-04'],
      ['May next year', '1988-05'],
    ]);
    expect(dates('The stock splits in March and August 1986 lifted the shares.', '1987-03-09')).toEqual([
      ['March', '1986-03'],
      ['August 1986', '1986-08'],
    ]);
    // A range over a new year ends where its last month was read; a choice stays in one year.
    expect(dates('Load factor fell to 66.7 pct in the April through February period.', '1987-03-09')).toEqual([
      ['April', '1986-04'],
      ['February', '1987-02'],
    ]);
    expect(dates('Elections are due in March or April.', '1987-06-02')).toEqual([
      ['March', '1988-03'],
      ['April', '1988-04'],
    ]);
    // Months joined by `and` and written alone are read one by one: reports list them backwards too.
    expect(dates('Unemployment was 173,000 in January and December.', '1987-02-20')).toEqual([
      ['January', '1987-01'],
      ['December', '1986-12'],
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
    expect(dates('In an interview with CBS News on Wednesday, Pompeo said so.', FRIDAY)).toEqual([
      ['Wednesday', '2019-02-13'],
    ]);
    expect(dates("Seoul's foreign ministry said Tuesday.", TUESDAY)).toEqual([['Tuesday', '2018-12-18']]);
    expect(dates('In a statement issued Sunday, a researcher said so.', TUESDAY)).toEqual([['Sunday', '2018-12-16']]);
    // `due to` a noun phrase is `because of` (was the next Thursday, March 12).
    expect(dates('Oil rose due to the suspension of exports after an earthquake Thursday.', '1987-03-06')).toEqual([
      ['Thursday', '1987-03-05'],
    ]);
    expect(dates('Talks are due to resume Thursday.', '1987-03-06')).toEqual([['Thursday', '1987-03-12']]);
  });

  it('takes the next such day with will, is scheduled to, plans to', () => {
    expect(dates('He will hold talks with Lee on Thursday.', TUESDAY)).toEqual([['Thursday', '2018-12-20']]);
    expect(dates('Lee is to meet Morgulov in Seoul later Tuesday.', TUESDAY)).toEqual([['Tuesday', '2018-12-18']]);
    expect(dates('Protesters plan to march on Saturday.', '2000-01-07')).toEqual([['Saturday', '2000-01-08']]);
    expect(dates('The INS extended its deadline until 9 a.m. Tuesday.', '2000-04-03')).toEqual([
      ['9 a.m. Tuesday', '2000-04-04T09:00'],
    ]);
    // What is planned for someone (was the Friday before, read by `said`); not a noun's `to`.
    const thursday = '1987-02-26';
    expect(dates('Bankers said there are plans for the minister to meet them on Friday.', thursday)).toEqual([
      ['Friday', '1987-02-27'],
    ]);
    expect(dates('On Friday, she set aside plans for the trip to Africa.', thursday)).toEqual([
      ['Friday', '1987-02-20'],
    ]);
    // A verb of saying past a comma reports the clause; the clause's own verb dates it (both were
    // the Wednesday before, read by `said`).
    const monday = '1987-06-01';
    expect(dates('Reagan, preparing to depart for the Venice summit on Wednesday, said so.', monday)).toEqual([
      ['Wednesday', '1987-06-03'],
    ]);
    expect(dates('NYNEX will file its comments with the court on Friday, he said.', monday)).toEqual([
      ['Friday', '1987-06-05'],
    ]);
    // With no verb before it, the verb of saying dates the expression.
    expect(dates('On Friday, the government said so.', monday)).toEqual([['Friday', '1987-05-29']]);
    // What a speaker is then quoted saying is a clause of its own (were 1986-12-09 by `are`, and the
    // Friday after by `will`); a quotation inside the reporter's clause is part of it.
    expect(
      dates(
        'Asked if it would be raised at the next OPEC meeting to be held in Vienna on December 9, Ali said "If my crudes are affected I will raise the issue."',
        '1987-06-29',
      ),
    ).toEqual([['December 9', '1987-12-09']]);
    expect(dates('On Friday, Petricioli said "We will be a lot more expeditious."', '1987-03-26')).toEqual([
      ['Friday', '1987-03-20'],
    ]);
    expect(dates('He "will hang on" at least until his term ends on October 30.', '1987-04-24')).toEqual([
      ['October 30', '1987-10-30'],
    ]);
    // A decision taken keeps its past for a date before it (was the Monday after, read by `decided
    // to`), the infinitive's future after it; a `to` left at the clause's end opens no infinitive.
    expect(dates('East and West on Monday decided to go ahead with the project.', '1987-10-20')).toEqual([
      ['Monday', '1987-10-19'],
    ]);
    expect(dates('At its last meeting in December, OPEC agreed to reintroduce fixed prices.', '1987-06-18')).toEqual([
      ['December', '1986-12'],
    ]);
    expect(dates('OPEC agreed to meet on Friday.', monday)).toEqual([['Friday', '1987-06-05']]);
    expect(dates("OPEC will not do anything it hasn't already agreed to in December.", '1987-06-19')).toEqual([
      ['December', '1986-12'],
    ]);
    // A month naming which accord is one past, whatever the tense (was 1988-02); a deadline's is not.
    expect(dates('The bank will adhere to the Louvre accord of February, he said.', '1987-10-20')).toEqual([
      ['February', '1987-02'],
    ]);
    expect(dates('Both sides will work to a deadline of October 1.', '1987-03-20')).toEqual([
      ['October 1', '1987-10-01'],
    ]);
  });

  it('puts a month written before `of that year` in that year, and the months listed with it', () => {
    const published = '1996-08-31';
    // Was `April` 1996-04 and `that year` 1994 apart.
    expect(dates('In 1994 he took part in the elections in April of that year.', published)).toEqual([
      ['1994', '1994'],
      ['April of that year', '1994-04'],
    ]);
    expect(dates('In 1994 polls were held in March, April and May of that year.', published)).toEqual([
      ['1994', '1994'],
      ['March', '1994-03'],
      ['April', '1994-04'],
      ['May of that year', '1994-05'],
    ]);
  });

  it('takes what may yet happen as to come, and a span since a date as begun before', () => {
    const march = '1987-03-25';
    expect(dates('Thatcher may call a general election in June.', march)).toEqual([['June', '1987-06']]);
    expect(dates('Supplies might run short in August.', march)).toEqual([['August', '1987-08']]);
    // What is judged likely or speculated about (were both June 1986).
    expect(dates('This makes a June election very likely.', '1987-03-04')).toEqual([['June', '1987-06']]);
    expect(dates('That should dampen speculation of an early June poll.', '1987-03-04')).toEqual([
      ['early June', '1987-06'],
    ]);
    // A present verb nearer than the word of what is to come dates nothing (was June 1986).
    expect(dates('Speculation is rising for either a June or an early autumn election.', '1987-03-18')).toContainEqual([
      'June',
      '1987-06',
    ]);
    expect(dates('OPEC output will become a problem in the fourth quarter when demand is low.', '1987-06-19')).toEqual([
      ['the fourth quarter', '1987-Q4'],
    ]);
    // An agreement named by its month was reached (was December 1987 beside `would`).
    expect(dates('It would give the appearance that the December pact is falling apart.', '1987-03-03')).toEqual([
      ['December', '1986-12'],
    ]);
    // `may have`: a past possibility; the month May in a sentence is no modal.
    expect(dates('The letter may have reached him in June.', march)).toEqual([['June', '1986-06']]);
    expect(dates('Shares have fallen since Thursday.', march)).toEqual([['Thursday', '1987-03-19']]);
    expect(dates('Sales have slowed since the January price rise.', '1987-04-02')).toEqual([['January', '1987-01']]);
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

  it('reads a month wire copy types in lower case after last, next or this, unless it is also a word', () => {
    // Were no date (Reuters: `the official prices agreed to last december`).
    expect(dates('Prices agreed to last december held.', '1987-03-03')).toEqual([['last december', '1986-12']]);
    expect(dates('The meeting next july in Geneva.', '1987-03-18')).toEqual([['next july', '1987-07']]);
    expect(dates('This may be so, and the last march was peaceful.', '1987-03-18')).toEqual([]);
  });

  it('gives a month without a year the year its tense implies', () => {
    expect(dates('their first summit last June', FRIDAY)).toEqual([['last June', '2018-06']]);
    expect(dates('He is likely to meet Kim in June or before that.', THURSDAY)).toEqual([['June', '2018-06']]);
    expect(dates('The law was passed in September.', THURSDAY)).toEqual([['September', '2017-09']]);
    expect(dates('Only limited sales were booked for March shipment.', '1987-02-26')).toEqual([['March', '1987-03']]);
    expect(dates('Elian must be returned to his father by Jan. 14.', '2000-01-06')).toEqual([
      ['Jan. 14', '2000-01-14'],
    ]);
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
    expect(dates('Profits fell in the first quarter of 2019.', FRIDAY)).toEqual([
      ['the first quarter of 2019', '2019-Q1'],
    ]);
    expect(dates('Growth slowed in the fourth quarter of last year.', '1987-03-09')).toEqual([
      ['the fourth quarter of last year', '1986-Q4'],
    ]);
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

describe('news forms beyond the seeds', () => {
  it('reads quarters and halves the way business news writes them', () => {
    expect(dates('Fourth-quarter profit rose 5 percent.', '1999-01-20')).toEqual([['Fourth-quarter', '1998-Q4']]);
    expect(dates('The company expects third quarter earnings to rise.', '1999-05-20')).toEqual([
      ['third quarter', '1999-Q3'],
    ]);
    expect(dates('Output rose in the first half of 1998 and will slow in the second half.', '1998-09-10')).toEqual([
      ['the first half of 1998', '1998-H1'],
      ['the second half', '1998-H2'],
    ]);
    // A half or quarter of something else is no date.
    expect(dates('The week was the second half of a two-week statement period.', '1987-02-26')).toEqual([]);
  });

  it('gives fiscal years their TIMEX3 value and keeps `fiscal` in the span', () => {
    expect(dates('Revenue for fiscal 1999 rose; in fiscal year 2000 it will fall.', '1999-10-10')).toEqual([
      ['fiscal 1999', 'FY1999'],
      ['fiscal year 2000', 'FY2000'],
    ]);
  });

  it("tags the end or beginning of a period as one expression with the period's value", () => {
    expect(dates('The report should be completed by the end of the year.', '1987-02-26')).toEqual([
      ['the end of the year', '1987'],
    ]);
    expect(dates('Stocks fell at the beginning of next month and at the end of March.', '1999-03-12')).toEqual([
      ['the beginning of next month', '1999-04'],
      ['the end of March', '1999-03'],
    ]);
  });

  it('counts `that day`, `the next morning`, `later that year` from the date named before', () => {
    expect(
      dates(
        'Slepian was killed on Oct. 23, 1998. Earlier that day, police were warned. The next morning he was buried.',
        '1999-10-24',
      ),
    ).toEqual([
      ['Oct. 23, 1998', '1998-10-23'],
      ['Earlier that day', '1998-10-23'],
      ['The next morning', '1998-10-24'],
    ]);
    expect(dates('He fled to Florida in June 1998 and returned to Cuba later that year.', '2000-01-28')).toEqual([
      ['June 1998', '1998-06'],
      ['later that year', '1998'],
    ]);
    expect(dates('He was arrested on Tuesday. Two days later, he was freed.', '2000-01-28')).toEqual([
      ['Tuesday', '2000-01-25'],
      ['Two days later', '2000-01-27'],
    ]);
    expect(
      dates(
        'Rice exports were 90,000 tonnes in the week ended February 24, up from 80,498 the previous week.',
        '1987-02-26',
      ),
    ).toEqual([
      ['February 24', '1987-02-24'],
      ['the previous week', '1987-W08'],
    ]);
  });

  it('compares `a year earlier` with the period just named, else with publication', () => {
    expect(dates('Unemployment was 1.82 mln in January, up from 1.65 mln a year earlier.', '1987-03-02')).toEqual([
      ['January', '1987-01'],
      ['a year earlier', '1986-01'],
    ]);
    expect(dates('Profit was $3 million, up from $2 million a year earlier.', '1998-08-17')).toEqual([
      ['a year earlier', '1997'],
    ]);
    // `earlier than planned` compares; without a date before it, `that day` is left untagged.
    expect(dates('The work finished a year earlier than planned. He said that day would come.', '1998-08-17')).toEqual(
      [],
    );
  });

  it('writes out the year `that year` refers to rather than one inferred', () => {
    const found = dates('The first cars arrive in 1989, the others in May and September of that year.', '1987-03-02');
    // The months before it are in that year too (they were 1987's).
    expect(found).toEqual([
      ['1989', '1989'],
      ['May', '1989-05'],
      ['September of that year', '1989-09'],
    ]);
  });

  it('dates weekends as ISO week weekends, `this weekend` in a past clause being the one just gone', () => {
    expect(dates('The talks will take place next weekend; last weekend was quiet.', '2000-04-17')).toEqual([
      ['next weekend', '2000-W17-WE'],
      ['last weekend', '2000-W15-WE'],
    ]);
    expect(dates('Farmers staged protest rallies this weekend.', '1987-03-02')).toEqual([
      ['this weekend', '1987-W09-WE'],
    ]);
    expect(dates('Farmers will rally this weekend.', '1987-03-02')).toEqual([['this weekend', '1987-W10-WE']]);
  });

  it('knows more fixed and movable holidays', () => {
    expect(dates("Stores were busy on Good Friday and Mother's Day.", '2000-06-01')).toEqual([
      ['Good Friday', '2000-04-21'],
      ["Mother's Day", '2000-05-14'],
    ]);
    expect(dates("Fireworks lit the Fourth of July after Presidents' Day.", '2000-07-10')).toEqual([
      ['Fourth of July', '2000-07-04'],
      ["Presidents' Day", '2000-02-21'],
    ]);
    expect(dates('He will arrive the day after tomorrow.', '2000-04-17')).toEqual([
      ['the day after tomorrow', '2000-04-19'],
    ]);
  });

  it('keeps pre- and post- with a year, and reads a month naming an event after `the`', () => {
    expect(dates('The post-1959 politics split families.', '2000-02-24')).toEqual([['post-1959', '1959']]);
    expect(dates('The March accession will make them members.', '1999-02-10')).toEqual([['March', '1999-03']]);
  });

  it('does not read a participle before a noun as a plan', () => {
    expect(
      dates(
        'On Friday, when Albright set aside vacation plans for the hastily planned trip, the department lifted a warning.',
        '1998-08-17',
      ),
    ).toEqual([['Friday', '1998-08-14']]);
  });

  it('dates what a participle with its agent says was done, whatever the sentence goes on to say', () => {
    // The lockout was imposed last December, though what follows is yet to come.
    expect(
      dates('The union said a lockout imposed by the company on December 14 would be lifted.', '1987-03-12'),
    ).toEqual([['December 14', '1986-12-14']]);
    expect(dates('Diamond Shamrock fought off a bid launched by T. Boone Pickens in January.', '1987-04-01')).toEqual([
      ['January', '1987-01'],
    ]);
    // What is yet to be done by someone stays to come.
    expect(dates('The cut is to be approved by shareholders on April 22.', '1987-03-13')).toEqual([
      ['April 22', '1987-04-22'],
    ]);
    expect(dates('The accord will be formally adopted by 40 countries on March 20.', '1987-03-16')).toEqual([
      ['March 20', '1987-03-20'],
    ]);
    expect(dates('The ministries’ plans will be collated by Balladur in mid-July.', '1987-03-30')).toEqual([
      ['mid-July', '1987-07'],
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
