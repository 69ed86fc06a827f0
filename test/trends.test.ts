import { beforeAll, describe, expect, it } from 'vitest';
import { fillPeriods, parsePeriod, risingEvidence } from '../src/trends/trends.js';
import { renderTrendsText, sparkline } from '../src/render/trends.js';
import fs from 'node:fs';
import path from 'node:path';
import { corpus, tempDir } from './helpers.js';
import { ingestSeeds } from './search-fixture.js';

describe('corpus trends', () => {
  let db: string;
  beforeAll(() => {
    db = ingestSeeds();
  });

  it('fills empty periods so gaps show as gaps, by month and by week', () => {
    const months = fillPeriods(
      [
        { period: '2018-11', documents: 2, stories: 2, mentions: 3 },
        { period: '2019-02', documents: 1, stories: 1, mentions: 1 },
      ],
      'month',
    );
    expect(months.map((p) => p.period)).toEqual(['2018-11', '2018-12', '2019-01', '2019-02']);
    expect(months[1].documents).toBe(0);
    const weeks = fillPeriods(
      [
        { period: '2019-02-18', documents: 1, stories: 1, mentions: 1 },
        { period: '2019-03-04', documents: 1, stories: 1, mentions: 1 },
      ],
      'week',
    );
    expect(weeks.map((p) => p.period)).toEqual(['2019-02-18', '2019-02-25', '2019-03-04']);
    expect(sparkline([0, 1, 8])).toBe(' ▂█');
    expect(parsePeriod('2w')).toBe(14);
    expect(() => parsePeriod('two weeks')).toThrow(/--period must be like/);
  });

  it('counts documents and mentions per period, as text, JSON and CSV', () => {
    const json = JSON.parse(corpus(['trends', 'North Korea', '--by', 'month', '--json', '--db', db]).stdout);
    const e = json.entities[0];
    expect(e.name).toBe('North Korea');
    expect(e.documents).toBeGreaterThan(1);
    expect(e.periods.reduce((n: number, p: { documents: number }) => n + p.documents, 0)).toBe(e.documents);
    expect(e.mentions).toBeGreaterThanOrEqual(e.documents);
    const text = corpus(['trends', 'DPRK', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^North Korea \(COUNTRY\): \d+ documents \(\d+ stories\), \d+ mentions by month\n {2}[ ▁▂▃▄▅▆▇█]+ {2}\d{4}-\d{2} … \d{4}-\d{2}\n/,
    );
    const csv = corpus(['trends', 'North Korea', '--csv', '--by', 'year', '--db', db]).stdout.trim().split('\n');
    expect(csv[0]).toBe('entity,type,period,documents,mentions,stories');
    expect(csv[1]).toMatch(/^North Korea,COUNTRY,\d{4},\d+,\d+,\d+$/);
    const lines = corpus(['trends', 'North Korea', '--nl', '--by', 'year', '--db', db])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(csv.length - 1);
    expect(Object.keys(lines[0])).toEqual(['entity', 'type', 'period', 'documents', 'mentions', 'stories']);
    expect(corpus(['trends', 'North Korea', '--csv', '--json', '--db', db]).code).toBe(2);
  });

  it('--rising compares the latest period with the one before', () => {
    const run = corpus(['trends', '--rising', '--period', '1y', '--json', '--db', db]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.period.days).toBe(365);
    expect(result.documents.current + result.documents.previous).toBeGreaterThan(0);
    for (const e of result.entities) expect(e.growth).toBeGreaterThan(1);
    // CSV through the output formats: a header and a line per rising entity (nothing when none rose).
    const csv = corpus(['trends', '--rising', '--period', '1y', '--csv', '--db', db]).stdout;
    if (result.entities.length === 0) expect(csv).toBe('');
    else {
      expect(csv.split('\n')[0]).toBe('entity,type,previous,current,growth');
      expect(csv.trim().split('\n')).toHaveLength(result.entities.length + 1);
    }
  });

  it('--rising puts the story of the period above names new in a few documents', () => {
    // Reuters, April 2-15 1987 against the 14 days before: the Group of Seven (5 -> 62 documents)
    // grew less as a ratio than a currency code of the day's tables (0 -> 17), but far more surely.
    const g7 = risingEvidence(62, 5, 4092, 4925);
    const code = risingEvidence(17, 0, 4092, 4925);
    expect(g7).toBeGreaterThan(code);
    // The same rise on more documents is surer; no rise at all is no evidence.
    expect(risingEvidence(34, 0, 4092, 4925)).toBeGreaterThan(code);
    expect(risingEvidence(45, 54, 4092, 4925)).toBeLessThan(0.1);
  });

  it("--rising and an entity's trend count a story re-sent as wire copies once", () => {
    const dir = tempDir('corpus-rising-');
    const story = (lead: string, tail: string) =>
      `${lead} Zeta Holdings said on Tuesday it would buy the shipping line for 40 mln dlrs in cash and stock, ` +
      'subject to approval by regulators and shareholders of both companies, and that it expected the purchase ' +
      'to add to its earnings within the first full year after the deal closes, a spokesman said in a statement ' +
      `issued at its headquarters. ${tail}`;
    const files: Record<string, [string, string]> = {
      'a.txt': ['1987-03-02', 'Grain prices rose in Chicago on Monday as dealers bought wheat and corn futures.'],
      'b.txt': ['1987-03-03', 'The central bank left its discount rate unchanged on Tuesday, dealers said.'],
      'c.txt': ['1987-03-10', story('NEW YORK -', 'The shares rose.')],
      'd.txt': ['1987-03-10', story('NEW YORK -', 'The shares rose one dlr.')],
      'e.txt': [
        '1987-03-11',
        'Zeta Holdings shareholders will vote on the purchase of the shipping line in May, it said.',
      ],
      'f.txt': ['1987-03-11', 'Analysts said the price Zeta Holdings agreed to pay for the shipping line was fair.'],
    };
    for (const [name, [date, body]] of Object.entries(files))
      fs.writeFileSync(path.join(dir, name), `---\ntitle: ${name}\ndate: ${date}\n---\n${body}\n`);
    const db = path.join(dir, 'rising.db');
    expect(corpus(['ingest', dir, '--db', db, '-q']).code).toBe(0);
    const result = JSON.parse(
      corpus(['trends', '--rising', '--period', '7d', '--to', '1987-03-11', '--json', '--db', db]).stdout,
    );
    // Four documents name Zeta Holdings, two of them copies of one story: three stories.
    expect(result.documents).toEqual({ current: 4, previous: 2 });
    expect(result.stories).toEqual({ current: 3, previous: 2 });
    expect(result.entities.find((e: { name: string }) => e.name === 'Zeta Holdings')).toMatchObject({
      current: 3,
      previous: 0,
    });
    // The entity's own trend counts its stories beside its documents.
    const trend = JSON.parse(corpus(['trends', 'Zeta Holdings', '--by', 'month', '--json', '--db', db]).stdout);
    expect(trend.entities[0]).toMatchObject({ documents: 4, stories: 3 });
    expect(trend.entities[0].periods).toEqual([{ period: '1987-03', documents: 4, stories: 3, mentions: 4 }]);
    // A month or a year as --to is its last day: March counted whole, not cut before its first day.
    // One entity named twice is followed once.
    const twice = JSON.parse(corpus(['trends', 'Zeta Holdings', 'Zeta Holdings', '--json', '--db', db]).stdout);
    expect(twice.entities).toHaveLength(1);
    const toMonth = JSON.parse(corpus(['trends', 'Zeta Holdings', '--to', '1987-03', '--json', '--db', db]).stdout);
    expect(toMonth.entities[0]).toMatchObject({ documents: 4, stories: 3 });
    const risingTo = (to: string) =>
      JSON.parse(corpus(['trends', '--rising', '--period', '7d', '--to', to, '--json', '--db', db]).stdout);
    expect(risingTo('1987-03')).toEqual(risingTo('1987-03-31'));
    expect(risingTo('1987').period.to).toBe('1987-12-31');
  });

  it('says one document, story and mention in the singular', () => {
    const one = { period: '1987-04', documents: 1, stories: 1, mentions: 1 };
    const text = renderTrendsText({
      by: 'month',
      from: null,
      to: null,
      entities: [{ name: 'AIDS', type: 'ORG', id: 1, periods: [one], documents: 1, stories: 1, mentions: 1 }],
    });
    // Was `1 documents (1 stories), 1 mentions`.
    expect(text.split('\n')[0]).toBe('AIDS (ORG): 1 document (1 story), 1 mention by month');
  });

  it('rejects bad input with one line', () => {
    expect(corpus(['trends', 'North Korea', '--by', 'hour', '--db', db]).stderr).toMatch(
      /--by must be one of day, week, month, year/,
    );
    const none = corpus(['trends', 'Nobody Atall', '--db', db]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no entity named 'Nobody Atall'/);
    expect(corpus(['trends', '--db', db]).code).toBe(2);
    for (const [args, message] of [
      [['--rising', '--period', '99999999999999999999d'], /--period must be like 7d/],
      [['--rising', '--period', '101y'], /--period is at most 100y/],
      [['--rising', '--from', '1987-03'], /takes no --from/],
      [['North Korea', '--from', '1987-06', '--to', '1987-03'], /--from 1987-06 is after --to 1987-03/],
      [['North Korea', '--period', '2w'], /--period is the length of the periods --rising compares/],
    ] as const) {
      const run = corpus(['trends', ...args, '--db', db]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
