import { describe, expect, it } from 'vitest';
import { addDays } from '../src/core/days.js';
import type { StatementRow } from '../src/store/events.js';
import {
  centralMember,
  findStories,
  namedIn,
  readableHeadline,
  storyEvent,
  writtenWords,
} from '../src/ingest/story-bursts.js';

let nextId = 1;
/** A lead statement of one report, published `day`, leading with `names`. */
function lead(day: string, names: number[], options: { report?: string; terms?: string[] } = {}): StatementRow {
  const id = nextId++;
  return {
    id,
    docId: id,
    docOrder: id,
    docHash: 0,
    sentence: 0,
    date: { value: day, granularity: 'day', start: day, end: day },
    action: 'lead',
    terms: options.terms ?? [],
    subjectId: null,
    placeId: null,
    participantIds: names,
    mentionedIds: [],
    name: '',
    named: false,
    eventNoun: false,
    report: options.report ?? `d:${id}`,
    source: 'Wire',
    published: day,
  };
}

/**
 * Two months of news, ten reports a day: one pair (1, 2) led with every day, the others each by a
 * report of its own; `extra` adds the reports of some days.
 */
function news(extra: (day: string) => StatementRow[] = () => []): {
  leads: StatementRow[];
  perDay: Map<string, number>;
} {
  const leads: StatementRow[] = [];
  let other = 100;
  for (let i = 0; i < 60; i++) {
    const day = addDays('2020-01-01', i);
    const today = [lead(day, [1, 2])];
    for (let j = 0; j < 9; j++) today.push(lead(day, [other++, other++]));
    today.push(...extra(day));
    leads.push(...today);
  }
  const perDay = new Map<string, number>();
  for (const l of leads) perDay.set(l.published!, (perDay.get(l.published!) ?? 0) + 1);
  return { leads, perDay };
}

describe('stories: what many reports of one day lead with', () => {
  it("finds a pair of names a day's reports lead with far more than usual", () => {
    const { leads, perDay } = news((day) =>
      day === '2020-01-31' ? [1, 2, 3, 4, 5, 6].map(() => lead(day, [7, 8, 9])) : [],
    );
    const stories = findStories(leads, perDay);
    expect(stories).toHaveLength(1);
    expect(stories[0].day).toBe('2020-01-31');
    expect(stories[0].entityIds.sort()).toEqual([7, 8, 9]);
    expect(stories[0].members).toHaveLength(6);
  });

  it('finds nothing in a pair led with every day, however many reports on one day', () => {
    const { leads, perDay } = news((day) =>
      day === '2020-01-31' ? [1, 2, 3, 4, 5].map(() => lead(day, [1, 2])) : [lead(day, [1, 2]), lead(day, [1, 2])],
    );
    // Six of the day's reports against three on every other day: twice as many, not four times.
    expect(findStories(leads, perDay)).toEqual([]);
  });

  it('counts the copies of one report once', () => {
    const { leads, perDay } = news((day) =>
      day === '2020-01-31' ? [1, 2, 3, 4, 5, 6].map((i) => lead(day, [7, 8], { report: `c:${i % 3}` })) : [],
    );
    expect(findStories(leads, perDay)).toEqual([]);
  });

  it('needs news around the day to tell a burst from what is usual', () => {
    const day = '2020-01-31';
    const leads = [1, 2, 3, 4, 5, 6].map(() => lead(day, [7, 8]));
    expect(findStories(leads, new Map([[day, 6]]))).toEqual([]);
    // News two months before is no month around it.
    const earlier = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => lead('2019-11-30', [20 + i, 40 + i]));
    expect(
      findStories(
        [...earlier, ...leads],
        new Map([
          ['2019-11-30', 8],
          [day, 6],
        ]),
      ),
    ).toEqual([]);
    // The same news within the month is.
    const near = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => lead('2020-01-20', [20 + i, 40 + i]));
    expect(
      findStories(
        [...near, ...leads],
        new Map([
          ['2020-01-20', 8],
          [day, 6],
        ]),
      ).map((s) => s.day),
    ).toEqual([day]);
  });

  it('makes one story of a pair reported on two days running, from its first day', () => {
    const { leads, perDay } = news((day) =>
      day === '2020-01-31' || day === '2020-02-01' ? [1, 2, 3, 4, 5].map(() => lead(day, [7, 8])) : [],
    );
    const stories = findStories(leads, perDay);
    expect(stories.map((s) => [s.day, s.members.length])).toEqual([['2020-01-31', 10]]);
    expect(storyEvent(stories[0], 'Pair', stories[0].members[0])).toMatchObject({
      kind: 'event',
      date: { value: '2020-01-31', granularity: 'day' },
      documents: 10,
      days: 2,
      entities: [
        { entityId: 7, documents: 10, participant: true },
        { entityId: 8, documents: 10, participant: true },
      ],
    });
  });
});

describe('a story as an event', () => {
  it('puts in its scope the other names a third of its leads give, as no participant', () => {
    const { leads, perDay } = news((day) =>
      day === '2020-01-31'
        ? [
            ...[1, 2, 3, 4].map(() => lead(day, [7, 8, 9])),
            ...[1, 2, 3, 4, 5, 6, 7].map(() => lead(day, [7, 8])),
            lead(day, [7, 8, 10]),
          ]
        : [],
    );
    const [story] = findStories(leads, perDay);
    expect(storyEvent(story, 'Pair', story.members[0]).entities).toEqual([
      { entityId: 7, documents: 12, participant: true },
      { entityId: 8, documents: 12, participant: true },
      // Four of twelve leads name 9; one names 10.
      { entityId: 9, documents: 4, participant: false },
    ]);
  });

  it('takes part in it whom its name names and two of its leads name (`Reagan says Volcker will not serve`)', () => {
    const { leads, perDay } = news((day) =>
      day === '2020-01-31'
        ? [
            ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(() => lead(day, [7, 8])),
            lead(day, [7, 8, 11]),
            lead(day, [7, 8, 11]),
            lead(day, [7, 8, 12]),
          ]
        : [],
    );
    const [story] = findStories(leads, perDay);
    const names = (id: number) => ({ 7: 'Volcker', 8: 'Fed', 11: 'Reagan', 12: 'Baker' })[id] ?? `#${id}`;
    // Reagan (11) is named by 2 of 13 leads, Baker (12) by one; `Reaganomics` is no Reagan.
    const named = namedIn('Reagan says Volcker will not serve new term, Baker says', story.members, names);
    expect(named).toEqual([7, 11]);
    expect(namedIn('Reaganomics and Volcker', story.members, names)).toEqual([7]);
    // Was the pair alone: `timeline Reagan` left out the day's biggest story of him.
    expect(
      storyEvent(story, 'Reagan says Volcker will not serve new term', story.members[0], named).entities.map((e) => [
        e.entityId,
        e.participant,
      ]),
    ).toEqual([
      [7, true],
      [8, true],
      [11, true],
    ]);
  });
});

describe('naming a story', () => {
  it('takes the first report whose headline the others share at least half as much as the best', () => {
    const members = [
      lead('2020-01-31', [7, 8], { terms: ['volcker'] }),
      lead('2020-01-31', [7, 8], { terms: ['volcker', 'term', 'serv'] }),
      lead('2020-01-31', [7, 8], { terms: ['volcker', 'term', 'fed', 'chairman'] }),
      lead('2020-01-31', [7, 8], { terms: ['volcker', 'fed', 'chairman', 'term'] }),
    ];
    const headlines = new Map([
      [members[0].docId, ['bank', 'shares']],
      [members[1].docId, ['volcker', 'serv', 'quit']],
      [members[2].docId, ['volcker', 'fed', 'chairman']],
      [members[3].docId, []],
    ]);
    // The third's headline is shared most (5 words); the second's (3) more than half as much; the first's not at all.
    expect(centralMember(members, (id) => headlines.get(id) ?? []).docId).toBe(members[1].docId);
  });

  it('writes a headline in capitals as the leads write its words', () => {
    const written = writtenWords([
      'President Reagan said Paul Volcker has declined to serve another term.',
      'Volcker, who heads the Fed, told AMC and U.S. officials of his decision.',
    ]);
    expect(readableHeadline('REAGAN SAYS VOLCKER WILL NOT SERVE NEW TERM', written)).toBe(
      'Reagan says Volcker will not serve new term',
    );
    expect(readableHeadline("CSFB ECONOMIST SAYS VOLCKER'S RESIGNATION A SHOCK", written)).toBe(
      "CSFB economist says Volcker's resignation a shock",
    );
    expect(readableHeadline('CHRYSLER <C> IN DEAL TO BUY AMC <AMO>', written)).toBe('Chrysler in deal to buy AMC');
    expect(readableHeadline('U.S. FED CHIEF QUITS', written)).toBe('U.S. Fed chief quits');
    expect(readableHeadline('Volcker quits the Fed', written)).toBe('Volcker quits the Fed');
  });
});
