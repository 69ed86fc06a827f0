import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, SEEDS, tempDir } from './helpers.js';

/**
 * End to end on the three seed articles: ingest, then ask for timelines as a user would. These
 * depend on the extraction (entities, dates, events) as much as on the timeline itself.
 */
let dir: string;
let db: string;

beforeAll(() => {
  dir = tempDir('corpus-timeline-seeds-');
  db = path.join(dir, 'seeds.db');
  const ingest = corpus(['ingest', SEEDS, '--db', db]);
  expect(ingest.code, ingest.stderr).toBe(0);
}, 120_000);

describe('corpus timeline on the seeds', () => {
  it('places the Hanoi summit on 2019-02-27…28 with its evidence', () => {
    const r = corpus(['timeline', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^2019-02-27…28 +.*summit/im);
    expect(r.stdout).toContain(
      'Trump announced last week he would hold a second summit with Kim Jong Un in Hanoi on February 27 and 28.',
    );
    expect(r.stdout).toMatch(/left out|Nothing left out/);
  });

  it('resolves DPRK and North Korea to the same entity and prints the same', () => {
    const dprk = corpus(['timeline', 'DPRK', '--db', db]);
    const nk = corpus(['timeline', 'North Korea', '--db', db]);
    expect(dprk.code, dprk.stderr).toBe(0);
    expect(dprk.stdout).toBe(nk.stdout);
    expect(dprk.stdout).toMatch(/^North Korea \(COUNTRY\): \d+ events?/);
  });

  it('follows Kim Jong Un by any spelling, from Singapore to Hanoi', () => {
    const r = corpus(['timeline', 'Kim Jong-un', '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.entity.name).toBe('Kim Jong Un');
    const values = data.entries.map((e: { span: { value: string } }) => e.span.value);
    expect(values).toContain('2018-06');
    expect(values).toContain('2019-02-27/2019-02-28');
    expect(corpus(['timeline', 'kim jong un', '--json', '--db', db]).stdout).toBe(r.stdout);
  });

  it('--all tells a lone dated mention apart from an event of one report', () => {
    const r = corpus(['timeline', '--all', '--json', '--db', db]);
    const entries = JSON.parse(r.stdout).entries as { kind: string; name: string }[];
    const mention = entries.find((e) => e.kind === 'mention');
    expect(mention).toBeDefined();
    const lines = corpus(['timeline', '--all', '--db', db])
      .stdout.split('\n')
      .filter((l) => /^\d{4}/.test(l));
    // Was `[1 report]`, as an event of one report is.
    expect(lines.find((l) => l.includes(mention!.name))).toMatch(/ {2}\[dated mention\]$/);
    expect(lines.filter((l) => l.endsWith('[dated mention]'))).toHaveLength(
      entries.filter((e) => e.kind === 'mention').length,
    );
  });

  it('keeps only December 2018 with --from/--to', () => {
    const r = corpus(['timeline', 'North Korea', '--from', '2018-12', '--to', '2018-12', '--json', '--db', db]);
    const data = JSON.parse(r.stdout);
    expect(data.entries.length).toBeGreaterThan(0);
    for (const e of data.entries) {
      expect(e.span.end >= '2018-12-01' && e.span.start <= '2018-12-31').toBe(true);
    }
  });

  it('writes an HTML page and TimelineJS for the seeds', () => {
    const page = path.join(dir, 'seeds.html');
    expect(corpus(['timeline', '--html', page, '--db', db]).code).toBe(0);
    expect(fs.readFileSync(page, 'utf8')).toContain('class="mark event"');
    const tl = JSON.parse(corpus(['timeline', '--format', 'timelinejs', '--db', db]).stdout);
    expect(tl.events.length).toBeGreaterThan(3);
  });
});
