import { describe, expect, it } from 'vitest';
import { inferPublicationDate } from '../src/nlp/dates/publication.js';

const inferred = (date: string) => ({ date, dateSource: 'inferred' });
const none = { date: null, dateSource: null };

describe('inferPublicationDate', () => {
  it('takes a full date from a dateline that has a year', () => {
    expect(inferPublicationDate('WASHINGTON, Feb. 14, 2019 (AP) — The envoy met Kim.', null)).toEqual(
      inferred('2019-02-14'),
    );
    expect(inferPublicationDate('The envoy met Kim.', 'WASHINGTON, Feb. 14, 2019 (AP)')).toEqual(
      inferred('2019-02-14'),
    );
  });

  it('takes the year of a month-day dateline from a full date at the start of the text', () => {
    const body = 'date 2018-12-18 NATIONAL\n\nSEOUL, Dec 18 (Yonhap) -- South Korea and the US will talk.';
    expect(inferPublicationDate(body, null)).toEqual(inferred('2018-12-18'));
    // A Dec. 31 dateline under a Jan. 2 header belongs to the year before.
    expect(inferPublicationDate('Jan. 2, 2019\nNEW YORK, Dec. 31 (Reuters) - Stocks fell.', null)).toEqual(
      inferred('2018-12-31'),
    );
  });

  it('gives no date when the dateline has no year and nothing fixes one', () => {
    expect(inferPublicationDate('SEOUL, Dec 18 (Yonhap) - South Korea said on Tuesday.', null)).toEqual(none);
    expect(inferPublicationDate('LONDON, March 3 - Shares fell.', null)).toEqual(none);
    expect(inferPublicationDate('Shares fell.', 'LONDON, March 3')).toEqual(none);
  });

  it('reads a header line that only carries the date', () => {
    expect(
      inferPublicationDate(' date 2018-12-18 NATIONAL\n\nSouth Korea and the United States will talk.', null),
    ).toEqual(inferred('2018-12-18'));
  });

  it('takes the year only from a header above the dateline, not from the story', () => {
    const story = 'WILMINGTON, Del, Feb 26 - Columbia Gas said it will redeem its notes due February 1, 1996.';
    expect(inferPublicationDate(story, 'WILMINGTON, Del, Feb 26')).toEqual(none);
    expect(inferPublicationDate('date 2018-12-18\nSouth Korea said on Tuesday.', 'SEOUL, Dec 18 (Yonhap)')).toEqual(
      inferred('2018-12-18'),
    );
  });

  it('does not mistake a date in the story for the publication date', () => {
    expect(inferPublicationDate('The top diplomats met on Feb. 14, 2019 to discuss the summit.', null)).toEqual(none);
    expect(inferPublicationDate('NAIROBI, Kenya (AP) _ Suspected bombs exploded Friday.', null)).toEqual(none);
  });
});
