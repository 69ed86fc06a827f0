import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKoreaFixture } from './timeline-fixture.js';
import { corpus, ingestTexts, ROOT, tempDir } from './helpers.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = tempDir('corpus-timeline-cli-');
  db = buildKoreaFixture(dir).file;
});

describe('corpus timeline (CLI)', () => {
  it('prints exactly the same for every name of an entity', () => {
    const a = corpus(['timeline', 'DPRK', '--db', db]);
    const b = corpus(['timeline', 'North Korea', '--db', db]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('North Korea (COUNTRY): 4 events');
    expect(a.stdout).not.toMatch(/\x1b\[/);
  });

  it('follows the most mentioned entity of an ambiguous name, and says so on stderr', () => {
    const r = corpus(['timeline', 'Kim', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Kim Jong Un \(PERSON\): 2 events/);
    expect(r.stdout).toBe(corpus(['timeline', 'Kim Jong-un', '--db', db]).stdout);
    expect(r.stderr).toBe(
      'corpus: the name also matches Kim Yo Jong (PERSON); showing Kim Jong Un (PERSON), the most mentioned\n',
    );
  });

  it('heads a timeline of a period with the period asked for', () => {
    const r = corpus(['timeline', 'Kim', '--from', '2019-02', '--to', '2019-02', '--db', db]);
    expect(r.stdout).toMatch(/^Kim Jong Un \(PERSON\): 1 event between 2019-02-01 and 2019-02-28\n/);
    expect(corpus(['timeline', '--from', '2019-02-20', '--db', db]).stdout).toMatch(
      /^All events: 1 event from 2019-02-20 on\n/,
    );
  });

  it('says plainly when the entity is unknown, exit 1', () => {
    const r = corpus(['timeline', 'Atlantis', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("corpus: no entity named 'Atlantis'\n");
  });

  it('rejects bad usage with exit 2', () => {
    expect(corpus(['timeline', '--from', 'last tuesday', '--db', db]).code).toBe(2);
    expect(corpus(['timeline', '--format', 'xml', '--db', db]).code).toBe(2);
    const clash = corpus(['timeline', '--json', '--format', 'text', '--db', db]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/^corpus: --json and --format text/);
    expect(corpus(['timeline', '--from', '2019-03', '--to', '2019-02', '--db', db]).code).toBe(2);
    expect(corpus(['timeline', '--db', path.join(dir, 'missing.db')]).code).toBe(2);
  });

  it('--json gives the entries as data, with the count left out', () => {
    const r = corpus(['timeline', '--json', '--from', '2019', '--db', db]);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.leftOut).toEqual({ events: 0, mentions: 0 });
    expect(data.entries.map((e: { name: string }) => e.name)).toEqual([
      'Pyongyang pre-summit talks',
      'Warsaw meeting',
      'Hanoi summit',
    ]);
    // docs/json.md: `date` is a day (the span's first), the calendar span is `span`.
    expect(data.entries[2].date).toBe('2019-02-27');
    expect(data.entries[2].span).toEqual({
      value: '2019-02-27/2019-02-28',
      granularity: 'range',
      start: '2019-02-27',
      end: '2019-02-28',
    });
    expect(data.entries[2].sources).toHaveLength(2);
    expect(Object.keys(data.entries[2]).sort()).toEqual(
      [
        'conflicts',
        'date',
        'evidence',
        'id',
        'kind',
        'name',
        'participants',
        'place',
        'sources',
        'span',
        'support',
      ].sort(),
    );
    expect(data.entries[2].support).toEqual({ documents: 2, sources: 2, days: 2 });
    expect(data.entries[2].place).toBe('Hanoi');
    expect(data.entries[2].evidence[0].text).toBe(
      'Trump will hold a second summit with Kim Jong Un in Hanoi on February 27 and 28.',
    );
    expect(corpus(['timeline', '--format', 'json', '--from', '2019', '--db', db]).stdout).toBe(r.stdout);
  });

  it('--nl and --csv write the entries --json lists, in its order (each written as it is built)', () => {
    for (const args of [
      ['timeline', '--all'],
      ['timeline', 'Kim'],
      ['events', '--limit', '0'],
      ['events', '--limit', '2'],
    ]) {
      const json = JSON.parse(corpus([...args, '--json', '--db', db]).stdout);
      const entries = json.entries ?? json.events;
      const nl = corpus([...args, '--nl', '--db', db]);
      expect(nl.code, nl.stderr).toBe(0);
      expect(
        nl.stdout
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line)),
      ).toEqual(entries);
      const csv = corpus([...args, '--csv', '--db', db])
        .stdout.trimEnd()
        .split('\n');
      expect(csv.slice(1).map((line) => line.split(',')[5])).toEqual(entries.map((e: { name: string }) => e.name));
    }
    // Said once, before the lines: the ambiguous name.
    expect(corpus(['timeline', 'Kim', '--nl', '--db', db]).stderr).toMatch(
      /^corpus: the name also matches Kim Yo Jong/,
    );
    expect(corpus(['timeline', 'Atlantis', '--nl', '--db', db]).code).toBe(1);
  });

  it('--out writes the lines to the file as they come, and leaves nothing behind when it cannot', () => {
    const out = path.join(dir, 'all.ndjson');
    const w = corpus(['timeline', '--all', '--nl', '--out', out, '--db', db]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toBe(corpus(['timeline', '--all', '--nl', '--db', db]).stdout);
    const missing = path.join(dir, 'no', 'such', 'dir.ndjson');
    const bad = corpus(['timeline', '--all', '--nl', '--out', missing, '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`corpus: ${missing}: cannot write (ENOENT)\n`);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('--format timelinejs prints TimelineJS JSON, or writes it with --out', () => {
    const r = corpus(['timeline', '--format', 'timelinejs', '--db', db]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.events).toHaveLength(4);
    expect(doc.events[0].start_date).toEqual({ year: 2018, month: 6, display_date: '2018-06' });
    const out = path.join(dir, 'tl.json');
    const w = corpus(['timeline', '--format', 'timelinejs', '--out', out, '--db', db]);
    expect(w.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(doc);
  });

  it('--html writes one page and keeps stdout empty', () => {
    const page = path.join(dir, 'nk.html');
    const r = corpus(['timeline', 'north korea', '--html', page, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote ${page} (4 entries; Nothing left out.)`);
    const html = fs.readFileSync(page, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Pre-summit talks &#60;b&#62;in Pyongyang&#60;/b&#62;');
    // the article is linked relative to the page (news/c.html is stored relative to the fixture)
    expect(html).not.toContain(dir);
    expect(corpus(['timeline', '--html', path.join(dir, 'no', 'such', 'dir.html'), '--db', db]).code).toBe(2);
  });

  it('--limit keeps the most reported events and the last line says how many were left out', () => {
    const r = corpus(['timeline', '--limit', '1', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^All events: 1 event/);
    expect(r.stdout).toContain('Hanoi summit');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '3 less-reported events left out; --limit N or --all to see them.',
    );
    const grouped = corpus(['timeline', '--granularity', 'month', '--db', db]).stdout;
    expect(grouped).toContain('── 2018-06 ──');
    expect(grouped).toContain('── 2019-02 ──');
  });

  it('corpus events ranks the events by reports, with filters and JSON', () => {
    const r = corpus(['events', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^reports +date +event$/);
    expect(lines[1]).toMatch(/^ +2 +2019-02-27…28 +Hanoi summit$/);
    const json = JSON.parse(
      corpus(['events', '--from', '2019-02-14', '--to', '2019-02-14', '--json', '--db', db]).stdout,
    );
    expect(json.events.map((e: { name: string }) => e.name)).toEqual(['Warsaw meeting']);
    // The same event record as `timeline --json`: one vocabulary (docs/json.md), compact by default.
    const hanoi = JSON.parse(corpus(['timeline', '--json', '--db', db]).stdout).entries.find(
      (e: { name: string }) => e.name === 'Hanoi summit',
    );
    const all = corpus(['events', '--json', '--db', db]).stdout;
    expect(all.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(all).events[0]).toEqual(hanoi);
    const csv = corpus(['events', '--csv', '--db', db]).stdout.split('\n');
    expect(csv[0]).toBe('date,end,value,granularity,kind,name,place,participants,reports,evidence,path,title');
    expect(csv[1]).toMatch(/^2019-02-27,2019-02-28,2019-02-27\/2019-02-28,range,event,Hanoi summit,Hanoi,/);
    const placed = JSON.parse(corpus(['events', '--place', 'Hanoi', '--json', '--db', db]).stdout);
    expect(placed.events.map((e: { name: string }) => e.name)).toEqual(['Hanoi summit']);
    expect(corpus(['events', '--entity', 'Atlantis', '--db', db]).code).toBe(1);
  });

  it('help ends with an example', () => {
    const r = corpus(['timeline', '--help']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-2)).toBe('Example:');
    expect(lines.at(-1)).toMatch(/^ {2}corpus timeline /);
  });

  it('never loads natural or the analyzer', () => {
    // Walk the static and dynamic imports reachable from the command: the timeline must stay quick to start.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
        const spec = m[1];
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
        else packages.add(spec);
      }
    };
    visit(path.join(ROOT, 'src/cli/timeline.ts'));
    expect([...packages].filter((p) => p.startsWith('natural'))).toEqual([]);
    expect(
      [...seen].map((f) => path.relative(ROOT, f)).filter((f) => /nlp\/(analyze|entities|events|dates)/.test(f)),
    ).toEqual([]);
    expect(seen).toContain(path.join(ROOT, 'src/timeline/query.ts'));
  });
});

describe('event titles', () => {
  it('name an organisation by the acronym its reports mostly write, and keep its full name elsewhere', () => {
    const articles: Record<string, string> = {};
    for (let i = 1; i <= 3; i++)
      articles[`a${i}.txt`] =
        `Title: Oil producers cut output (${i})\nDate: 1987-06-2${i + 5}\n\n` +
        'The Organisation of Petroleum Exporting Countries (OPEC) agreed in Vienna on June 25 to cut output. ' +
        'OPEC wants to defend its price of 18 dlrs a barrel. OPEC output rose last month, an OPEC official said.\n';
    const { db, ingest } = ingestTexts(articles);
    expect(ingest.code, ingest.stderr).toBe(0);
    const r = corpus(['timeline', 'OPEC', '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.entity.name).toBe('Organisation of Petroleum Exporting Countries');
    expect(data.entries.map((e: { name: string }) => e.name)).toEqual([expect.stringMatching(/^OPEC cuts output/)]);
  });
});
