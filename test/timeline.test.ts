import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';
import { buildTimeline } from '../src/timeline/query.js';
import { entityTimelinePlans } from '../src/store/events.js';
import { forgetEventLeads } from '../src/store/inspect.js';
import { resolveEntities } from '../src/store/entities.js';
import { bucketUnitFor, isoWeekOf } from '../src/core/days.js';
import { personTitleName } from '../src/core/headline-name.js';
import {
  boundDay,
  dateLabel,
  daysConflict,
  leadingFields,
  overlaps,
  parseDateValue,
  specificity,
} from '../src/core/timex.js';
import { renderTimelineText } from '../src/render/timeline-text.js';
import { renderTimelineHtml } from '../src/render/timeline-html.js';
import { toTimelineJs } from '../src/render/timelinejs.js';
import type { Timeline } from '../src/timeline/types.js';
import { buildKoreaFixture, FixtureDb } from './timeline-fixture.js';
import { tempDir } from './helpers.js';
import { eventTitle } from '../src/render/event-title.js';

let file: string;
let ids: Record<string, number>;

function timeline(query: Parameters<typeof buildTimeline>[1] = {}): Timeline {
  const db = openDatabase(file, { readonly: true });
  try {
    return buildTimeline(db, query);
  } finally {
    db.close();
  }
}

beforeAll(() => {
  ({ file, ids } = buildKoreaFixture(tempDir('corpus-timeline-')));
});

describe('date values', () => {
  it('places each granularity on the calendar', () => {
    expect(parseDateValue('2019-02-14')).toEqual({
      value: '2019-02-14',
      granularity: 'day',
      start: '2019-02-14',
      end: '2019-02-14',
    });
    expect(parseDateValue('2019-02')).toMatchObject({ granularity: 'month', start: '2019-02-01', end: '2019-02-28' });
    expect(parseDateValue('2020-02')).toMatchObject({ end: '2020-02-29' });
    expect(parseDateValue('1998-H2')).toMatchObject({ start: '1998-07-01', end: '1998-12-31' });
    expect(parseDateValue('2000-W15-WE')).toMatchObject({ start: '2000-04-15', end: '2000-04-16' });
    expect(parseDateValue('FY1999')).toBeNull();
    expect(parseDateValue('2019-W06')).toMatchObject({ granularity: 'week', start: '2019-02-04', end: '2019-02-10' });
    expect(parseDateValue('2020-W01')).toMatchObject({ start: '2019-12-30', end: '2020-01-05' });
    expect(parseDateValue('2018')).toMatchObject({ granularity: 'year', start: '2018-01-01', end: '2018-12-31' });
    expect(parseDateValue('2019-Q2')).toMatchObject({ granularity: 'quarter', start: '2019-04-01', end: '2019-06-30' });
    expect(parseDateValue('2019-02-27/2019-02-28')).toMatchObject({
      granularity: 'range',
      start: '2019-02-27',
      end: '2019-02-28',
    });
    expect(parseDateValue('2018-12-30T10:00')).toMatchObject({ granularity: 'day', start: '2018-12-30' });
  });

  it('leaves vague and malformed values off the calendar', () => {
    for (const value of [
      'PRESENT_REF',
      'PAST_REF',
      'FUTURE_REF',
      'XXXX-02',
      '2019-13',
      '2019-02-30',
      '2019-W54',
      '2019-03-01/2019-02-01',
      '',
      null,
    ]) {
      expect(parseDateValue(value)).toBeNull();
    }
  });

  it('labels show the granularity and ranges drop what their ends share', () => {
    const label = (v: string) => dateLabel(parseDateValue(v)!);
    expect(label('2019-02-27/2019-02-28')).toBe('2019-02-27…28');
    expect(label('2019-02-27/2019-03-01')).toBe('2019-02-27…03-01');
    expect(label('2018-12-30/2019-01-02')).toBe('2018-12-30…2019-01-02');
    expect(label('2019-W06')).toBe('2019-W06');
    expect(label('2019-02')).toBe('2019-02');
    expect(label('2018')).toBe('2018');
    expect(isoWeekOf('2019-02-14')).toBe('2019-W07');
    expect(isoWeekOf('2021-01-01')).toBe('2020-W53');
  });

  it('--from and --to bounds cover whole months and years, and overlap is inclusive', () => {
    expect(boundDay('2019-02', 'from')).toBe('2019-02-01');
    expect(boundDay('2019-02', 'to')).toBe('2019-02-28');
    expect(boundDay('2019', 'to')).toBe('2019-12-31');
    const week = parseDateValue('2019-W06')!;
    expect(overlaps(week, '2019-02-10', null)).toBe(true);
    expect(overlaps(week, '2019-02-11', null)).toBe(false);
    expect(overlaps(week, null, '2019-02-04')).toBe(true);
    expect(overlaps(week, null, '2019-02-03')).toBe(false);
  });

  it('ranks how precisely a value dates a happening, seasons included', () => {
    const values = ['2019-02-27', '2019-W09', '2019-02', '2019-SU', '2019-Q1', '2019', 'PRESENT_REF', null];
    expect(values.map(specificity)).toEqual([5, 4, 3, 2, 2, 1, 0, -1]);
    expect(specificity('2019-02-27/2019-02-28')).toBe(5);
  });

  it('lets day-precise values that do not overlap, or coarser ones over a month apart, name different happenings', () => {
    expect(daysConflict('2019-02-27', '2019-02-28')).toBe(true);
    expect(daysConflict('2019-02-27/2019-02-28', '2019-02-28')).toBe(false);
    expect(daysConflict('2019-02-27', '2019-02')).toBe(false);
    expect(daysConflict('2019-02-27', null)).toBe(false);
    // Coarser values only far apart: a bombing in 1995 is not the bombings of August 7, 1998.
    expect(daysConflict('1995', '1998-08-07')).toBe(true);
    expect(daysConflict('1998-07', '1998-08-07')).toBe(false);
    expect(daysConflict('1998-06', '1998-08-07')).toBe(true);
  });

  it('reads the calendar fields a relative date counts from', () => {
    expect(leadingFields('2019-02-27')).toEqual({ year: 2019, month: 2, day: 27 });
    expect(leadingFields('2019-02')).toEqual({ year: 2019, month: 2, period: '-02' });
    expect(leadingFields('2019-Q3')).toEqual({ year: 2019, period: '-Q3' });
    expect(leadingFields('2019-W06')).toEqual({ year: 2019 });
    expect(leadingFields('2019-SU')).toEqual({ year: 2019 });
    expect(leadingFields('2019-02-27/2019-03-01')).toEqual({ year: 2019, month: 2, day: 27 });
    expect(leadingFields('FY1999')).toBeNull();
  });

  it('groups a few weeks by day, months by week, years by month', () => {
    expect(bucketUnitFor('2019-02-01', '2019-02-28')).toBe('day');
    expect(bucketUnitFor('2018-12-01', '2019-03-01')).toBe('week');
    expect(bucketUnitFor('2018-01-01', '2019-12-01')).toBe('month');
    expect(bucketUnitFor('1950-01-01', '2019-12-01')).toBe('year');
  });
});

describe('buildTimeline over the whole corpus', () => {
  it('lists every dated event in date order; the undated one makes no entry', () => {
    const t = timeline();
    expect(t.entity).toBeNull();
    expect(t.entries.map((e) => [dateLabel(e.date), e.name])).toEqual([
      ['2018-06', 'Singapore summit'],
      ['2019-W06', 'Pyongyang pre-summit talks'],
      ['2019-02-14', 'Warsaw meeting'],
      ['2019-02-27…28', 'Hanoi summit'],
    ]);
    expect(t.entries.every((e) => e.kind === 'event')).toBe(true);
    expect(t.leftOut).toEqual({ events: 0, mentions: 0 });
    expect(t.entries.find((e) => e.name === 'Hanoi summit')!.support).toEqual({ documents: 2, sources: 2, days: 2 });
  });

  it('shows an event merged across documents once, with every source and its evidence sentence', () => {
    const summit = timeline().entries.find((e) => e.name === 'Hanoi summit')!;
    expect(summit.place?.name).toBe('Hanoi');
    expect(summit.entities.map((e) => e.name).sort()).toEqual(['Donald Trump', 'Kim Jong Un']);
    expect(summit.sources.map((s) => [s.path, s.source, s.published, s.title])).toEqual([
      ['news/a.txt', 'Yonhap', '2019-02-15', 'Diplomats meet in Warsaw'],
      ['news/b.txt', 'Reuters', '2019-02-20', 'Summit set for Hanoi'],
    ]);
    expect(summit.sources[0].evidence[0].text).toBe(
      'Trump will hold a second summit with Kim Jong Un in Hanoi on February 27 and 28.',
    );
    expect(summit.sources[1].evidence[0].text).toBe(
      'The summit between Trump and Kim will take place on Feb. 27-28, officials said.',
    );
  });

  it('puts the sentence stating the date first among an event’s evidence', () => {
    const talks = timeline().entries.find((e) => e.name === 'Pyongyang pre-summit talks')!;
    expect(talks.sources[0].evidence.map((s) => s.index)).toEqual([0]);
  });

  it('lists first the report that gives the event its own date, before an earlier one giving only its month', () => {
    const f = new FixtureDb(path.join(tempDir('corpus-timeline-order-'), 'order.db'));
    const trump = f.entity('PERSON', 'Donald Trump', ['Trump']);
    const kim = f.entity('PERSON', 'Kim Jong Un', ['Kim']);
    const hanoi = f.entity('PLACE', 'Hanoi');
    const reports = [
      ['early.txt', '2019-02-10', 'Trump will hold a summit with Kim in Hanoi this month .', 'this month', '2019-02'],
      [
        'late.txt',
        '2019-02-26',
        'Trump will hold a summit with Kim in Hanoi on February 27 .',
        'February 27',
        '2019-02-27',
      ],
    ] as const;
    for (const [file, published, text, when, value] of reports) {
      const doc = f.doc({ path: file, title: file, date: published, source: 'Wire' }, [text]);
      f.mention(doc, 'PERSON', 'Trump', { entity: trump });
      f.mention(doc, 'PERSON', 'Kim', { entity: kim });
      f.mention(doc, 'PLACE', 'Hanoi', { entity: hanoi });
      f.mention(doc, 'DATE', when, { value });
      // Each document's own reading of the summit, dated as it dates it.
      f.report(f.event('Hanoi summit', value, hanoi), doc, 'summit', [trump, kim]);
    }
    f.close();
    const db = openDatabase(f.file, { readonly: true });
    try {
      const [entry] = buildTimeline(db, {}).entries;
      expect(dateLabel(entry.date)).toBe('2019-02-27');
      // In both the full listing and a digest quoting one report: the earlier report only says the month.
      expect(entry.sources.map((x) => x.path)).toEqual(['late.txt', 'early.txt']);
      expect(buildTimeline(db, { maxSources: 1 }).entries[0].sources.map((x) => x.path)).toEqual(['late.txt']);
    } finally {
      db.close();
    }
  });

  it('keeps a span of days up to a week that reaches into --from/--to, a longer span only within it', () => {
    const f = new FixtureDb(path.join(tempDir('corpus-timeline-spans-'), 'spans.db'));
    const opec = f.entity('ORG', 'OPEC');
    const vienna = f.entity('PLACE', 'Vienna');
    const reports = [
      ['talks.txt', 'OPEC held talks in Vienna from June 25 to 27 .', 'from June 25 to 27', '1987-06-25/1987-06-27'],
      [
        'ceiling.txt',
        'OPEC kept its ceiling in Vienna from June 26 to May 8 .',
        'from June 26 to May 8',
        '1987-06-26/1988-05-08',
      ],
    ] as const;
    for (const [file, text, when, value] of reports) {
      const doc = f.doc({ path: file, title: file, date: '1987-06-29', source: 'Wire' }, [text]);
      f.mention(doc, 'ORG', 'OPEC', { entity: opec });
      f.mention(doc, 'PLACE', 'Vienna', { entity: vienna });
      f.mention(doc, 'DATE', when, { value });
      f.report(f.event(`Vienna ${file.slice(0, -4)}`, value, vienna), doc, file === 'talks.txt' ? 'talks' : 'ceiling', [
        opec,
      ]);
    }
    f.close();
    const db = openDatabase(f.file, { readonly: true });
    try {
      const dated = (from: string, to: string) =>
        buildTimeline(db, { from, to, all: true }).entries.map((e) => e.date.value);
      expect(dated('1987-06-27', '1987-06-27')).toEqual(['1987-06-25/1987-06-27']);
      expect(dated('1987-06', '1988-05')).toEqual(['1987-06-25/1987-06-27', '1987-06-26/1988-05-08']);
    } finally {
      db.close();
    }
  });

  it('lists the events of one day most reported first, whatever their names', () => {
    const f = new FixtureDb(path.join(tempDir('corpus-timeline-day-'), 'day.db'));
    const places = { Athens: f.entity('PLACE', 'Athens'), Zurich: f.entity('PLACE', 'Zurich') };
    const parties = { Athens: f.entity('PERSON', 'Ann Alder'), Zurich: f.entity('PERSON', 'Zoe Zeller') };
    const reports = [
      ['athens.txt', 'Athens', 'Alder held talks in Athens on Monday .'],
      ['zurich-1.txt', 'Zurich', 'Zeller attended a summit in Zurich on Monday .'],
      ['zurich-2.txt', 'Zurich', 'The summit in Zurich on Monday ended , Zeller said .'],
    ] as const;
    for (const [file, city, text] of reports) {
      const doc = f.doc({ path: file, title: file, date: '1987-10-19', source: 'Wire' }, [text]);
      const who = city === 'Athens' ? 'Alder' : 'Zeller';
      f.mention(doc, 'PERSON', who, { entity: parties[city] });
      f.mention(doc, 'PLACE', city, { entity: places[city] });
      f.mention(doc, 'DATE', 'Monday', { value: '1987-10-19' });
      f.report(f.event(`${city} ${file}`, '1987-10-19', places[city]), doc, city === 'Athens' ? 'talks' : 'summit', [
        parties[city],
      ]);
    }
    f.close();
    const db = openDatabase(f.file, { readonly: true });
    try {
      // By name, the one-report talks came first: a day of a real archive holds dozens of events.
      expect(buildTimeline(db, {}).entries.map((e) => [e.place?.name, e.support.documents])).toEqual([
        ['Zurich', 2],
        ['Athens', 1],
      ]);
    } finally {
      db.close();
    }
  });

  it('a digest quoting one report per event quotes the one the full listing puts first, lead stored or not', () => {
    const quoted = () =>
      timeline({ maxSources: 1 }).entries.map((e) => [e.name, e.sources[0].docId, e.sources[0].evidence[0].text]);
    const full = timeline().entries.map((e) => [e.name, e.sources[0].docId, e.sources[0].evidence[0].text]);
    expect(full.length).toBeGreaterThan(2);
    expect(quoted()).toEqual(full);
    // A database whose events were clustered before leads were kept (schema 11) reads every report.
    const db = openDatabase(file);
    forgetEventLeads(db);
    db.close();
    try {
      expect(quoted()).toEqual(full);
    } finally {
      ({ file, ids } = buildKoreaFixture(tempDir('corpus-timeline-')));
    }
  });

  it("reads an entity's best events and its counts from the rank index, sorting only ties", () => {
    const db = openDatabase(file, { readonly: true });
    try {
      const { list, count } = entityTimelinePlans(db, ids.nk);
      expect(list.join('\n')).toMatch(/USING INDEX corpus_event_entities_rank/);
      expect(list.join('\n')).toMatch(/RIGHT PART OF ORDER BY|LAST \d+ TERMS OF ORDER BY/);
      expect(count).toEqual([
        expect.stringMatching(/COVERING INDEX corpus_event_entities_rank \(entity_id=\? AND kind=\?\)/),
      ]);
    } finally {
      db.close();
    }
  });

  it('keeps days that reach into --from/--to, and a week, month or year only when all of it lies within', () => {
    // The pre-summit talks are dated only by their week (February 4-10): not known to reach the 10th.
    expect(timeline({ from: '2019-02-04' }).entries.map((e) => e.name)).toEqual([
      'Pyongyang pre-summit talks',
      'Warsaw meeting',
      'Hanoi summit',
    ]);
    expect(timeline({ from: '2019-02-10' }).entries.map((e) => e.name)).toEqual(['Warsaw meeting', 'Hanoi summit']);
    expect(timeline({ to: '2019-02-09' }).entries.map((e) => e.name)).toEqual(['Singapore summit']);
    // The summit's two days are when it happened: either of them finds it.
    expect(timeline({ from: '2019-02-28' }).entries.map((e) => e.name)).toEqual(['Hanoi summit']);
    expect(timeline({ from: '2019-02-20', to: '2019-02-27' }).entries.map((e) => e.name)).toEqual(['Hanoi summit']);
    expect(timeline({ from: '2018-06-01', to: '2018-06-15' }).entries).toEqual([]);
    expect(timeline({ to: '2018' }).entries.map((e) => e.name)).toEqual(['Singapore summit']);
    expect(timeline({ from: '2019-02', to: '2019-02' }).entries).toHaveLength(3);
    expect(() => timeline({ from: '2019-03', to: '2019-02' })).toThrow(/after/);
  });
});

describe('buildTimeline for one entity', () => {
  it('finds the entity by any alias, case and punctuation folded', () => {
    const db = openDatabase(file, { readonly: true });
    try {
      for (const name of ['DPRK', 'north korea', 'N. Korea', "Democratic People's Republic of Korea"]) {
        expect(resolveEntities(db, name)[0]).toMatchObject({ id: ids.nk, name: 'North Korea', type: 'COUNTRY' });
      }
      expect(resolveEntities(db, 'Atlantis')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('gives the same timeline for every name of the entity', () => {
    expect(timeline({ entity: 'DPRK' })).toEqual(timeline({ entity: 'North Korea' }));
  });

  it('keeps events it takes part in, is named beside, or that a story about it reports; a bare year makes no entry', () => {
    const t = timeline({ entity: 'North Korea', all: true });
    expect(t.entity?.name).toBe('North Korea');
    expect(t.entries.map((e) => [e.kind, dateLabel(e.date), e.name])).toEqual([
      // reported by a story whose lead names the DPRK, though the sentence names only the leaders
      ['event', '2018-06', 'Singapore summit'],
      ['event', '2019-W06', 'Pyongyang pre-summit talks'],
      // named beside it: "Kang and Pompeo met in Warsaw on Thursday to discuss the DPRK."
      ['event', '2019-02-14', 'Warsaw meeting'],
      // "North Korea confirmed on Tuesday that its leader will travel to Hanoi." leads the story
      ['event', '2019-02-27…28', 'Hanoi summit'],
    ]);
    // "In 2017, North Korea tested …": a year alone dates no happening on the line.
    expect(t.entries.some((e) => e.date.value === '2017')).toBe(false);
  });

  it('includes events held at a place', () => {
    expect(timeline({ entity: 'Hanoi' }).entries.map((e) => e.name)).toContain('Hanoi summit');
  });

  it('refuses an unknown entity with exit code 1', () => {
    expect(() => timeline({ entity: 'Atlantis' })).toThrow(
      expect.objectContaining({ exitCode: 1, message: expect.stringContaining('Atlantis') }),
    );
  });
});

describe('event titles', () => {
  it('name a person by the surname the corpus calls them by, the whole name when none ends it', () => {
    expect(personTitleName('Ronald Reagan', ['Reagan', 'REAGAN', 'President Reagan'])).toBe('Reagan');
    expect(personTitleName('Denis Bra Kanon', ['Kanon', 'Bra Kanon'])).toBe('Bra Kanon');
    // A surname written first, or only in capitals, or no alias at all: the name.
    expect(personTitleName('Zhao Ziyang', ['Zhao'])).toBe('Zhao Ziyang');
    expect(personTitleName('Karl Otto Poehl', ['POEHL'])).toBe('Karl Otto Poehl');
    expect(personTitleName('Paul Volcker', [])).toBe('Paul Volcker');
    // A surname that is a common word reads as one: the whole name.
    const common = (w: string) => ['cross', 'young'].includes(w);
    expect(personTitleName('Theodore Cross', ['Cross'], common)).toBe('Theodore Cross');
    expect(personTitleName('James Baker', ['Baker'], common)).toBe('Baker');
  });
});

describe('renderers', () => {
  it('title an event by its name, and its place only when the name does not say it', () => {
    expect(eventTitle('Hanoi summit', 'Hanoi')).toBe('Hanoi summit');
    expect(eventTitle('IMF meeting in Washington', 'Washington')).toBe('IMF meeting in Washington');
    expect(eventTitle('United States–Japan talks', 'Washington')).toBe('United States–Japan talks @ Washington');
    // Whole words only: `Georgia` is not said by `Georgian elections`, nor `Nice` by `Venice summit`.
    expect(eventTitle('Georgian elections', 'Georgia')).toBe('Georgian elections @ Georgia');
    expect(eventTitle('Venice summit', 'Nice')).toBe('Venice summit @ Nice');
    expect(eventTitle('Venice summit', null)).toBe('Venice summit');
  });

  it('text: dates aligned in a column, plain without colour', () => {
    const out = renderTimelineText(timeline());
    expect(out).not.toMatch(/\x1b\[/);
    expect(out.split('\n')[0]).toBe('All events: 4 events, 2018-06 to 2019-02-27…28');
    const dated = out.split('\n').filter((l) => /^\d{4}/.test(l));
    expect(dated).toHaveLength(4);
    const column = dated[0].search(/ [^ ]/) + 1;
    for (const line of dated) expect(line.search(/ [^ ]/) + 1).toBe(column);
    expect(out).toContain('2019-02-27…28');
    expect(out).toContain('“Trump will hold a second summit with Kim Jong Un in Hanoi on February 27 and 28.”');
    expect(out).toContain('— news/a.txt · Yonhap · 2019-02-15 · Diplomats meet in Warsaw');
    // The place is said once: the name already says it.
    expect(out).toContain('Hanoi summit  [2 reports, 2 days]');
    expect(out).toContain('… and 1 more report');
    expect(out.trimEnd().split('\n').at(-1)).toBe('Nothing left out.');
    // What a large archive leaves out is counted as the other commands count.
    const many = renderTimelineText({ ...timeline(), leftOut: { events: 1626, mentions: 4439 } }, { colour: false });
    expect(many.trimEnd().split('\n').at(-1)).toBe(
      '1,626 less-reported events and 4,439 lone dated mentions left out; --limit N or --all, --mentions to see them.',
    );
  });

  it('--limit 0 is every event, as entities and duplicates read it', () => {
    const every = timeline({ limit: 0 });
    // Was none, under "All events: nothing dated".
    expect(every.entries).toHaveLength(4);
    expect(every.leftOut.events).toBe(0);
    expect(timeline({ limit: 1 }).entries).toHaveLength(1);
    expect(renderTimelineText(every).split('\n')[0]).toBe('All events: 4 events, 2018-06 to 2019-02-27…28');
  });

  it('text: renders hundreds of thousands of entries (a million articles: 129,076 with --all)', () => {
    const [first] = timeline().entries;
    const entries = Array.from({ length: 300_000 }, (_, i) => ({ ...first, id: `event:${i}` }));
    // Was "Maximum call stack size exceeded" (the date column's width by Math.max of every label).
    const out = renderTimelineText({ ...timeline(), entries });
    expect(out.split('\n')[0]).toMatch(/^All events: 300,000 events/);
  });

  it('text: colour and wrapping on a terminal', () => {
    const out = renderTimelineText(timeline(), { colour: true, width: 60 });
    expect(out).toMatch(/\x1b\[36m2019-W06/);
    const nk = renderTimelineText(timeline({ entity: 'DPRK' }), { colour: true });
    expect(nk).toContain('\x1b[1mWarsaw meeting\x1b[0m');
    for (const line of out.replace(/\x1b\[\d+m/g, '').split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('html: one self-contained page, article text escaped', () => {
    const html = renderTimelineHtml(timeline({ entity: 'DPRK' }));
    expect(html).toContain('class="mark event"');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);
    // the only script element is the page's own
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');

    expect(html).toContain('Pre-summit talks &#60;b&#62;in Pyongyang&#60;/b&#62;');
    expect(html).toContain('Nothing left out.');
    // articles linked by a relative path, or named by the id `corpus show` takes; no absolute local path
    expect(html).not.toMatch(/href="\//);
    expect(html).toContain('corpus show');
  });

  it('html: outliers fold into the earlier/later gutters; the axis spans the digest', () => {
    const base = timeline();
    const entry = base.entries[2];
    const days = Array.from({ length: 30 }, (_, i) => `2019-02-${String((i % 28) + 1).padStart(2, '0')}`);
    const entries = [
      {
        ...entry,
        id: 'old',
        date: { value: '1857', granularity: 'year' as const, start: '1857-01-01', end: '1857-12-31' },
      },
      ...days.map((d, i) => ({
        ...entry,
        id: `d${i}`,
        date: { value: d, granularity: 'day' as const, start: d, end: d },
      })),
    ];
    const html = renderTimelineHtml({ ...base, entries });
    expect(html).toContain('earlier 1');
    expect(html).not.toContain('later 1');
    // ticks for February 2019 days only: the outlier does not stretch the axis to 1857
    const ticks = [...html.matchAll(/class="tick" style="left:[\d.]+%">([^<]+)</g)].map((m) => m[1]);
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.length).toBeLessThanOrEqual(10);
    for (const t of ticks) expect(t.startsWith('2019')).toBe(true);
    expect(html.match(/class="mark /g)).toHaveLength(31);
  });

  it('timelinejs: slides with dates as precise as the values, HTML escaped', () => {
    const doc = toTimelineJs(timeline());
    expect(doc.title.text.headline).toBe('All events');
    expect(doc.events.map((e) => [e.start_date, e.end_date])).toEqual([
      [{ year: 2018, month: 6, display_date: '2018-06' }, undefined],
      [
        { year: 2019, month: 2, day: 4, display_date: '2019-W06' },
        { year: 2019, month: 2, day: 10 },
      ],
      [{ year: 2019, month: 2, day: 14, display_date: '2019-02-14' }, undefined],
      [
        { year: 2019, month: 2, day: 27, display_date: '2019-02-27…28' },
        { year: 2019, month: 2, day: 28 },
      ],
    ]);
    expect(doc.events[3].text.headline).toBe('Hanoi summit');
    expect(doc.events[3].group).toBe('Hanoi');
    expect(doc.events[1].text.text).not.toContain('<b>');
    expect(doc.events[1].text.text).toContain('Pre-summit talks &#60;b&#62;in Pyongyang&#60;/b&#62;');
  });
});
