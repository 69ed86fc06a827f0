import { beforeAll, describe, expect, it } from 'vitest';
import { corpus } from './helpers.js';
import { ingestSeeds } from './search-fixture.js';

describe('search --facets and corpus mentions (seed articles, real ingest)', () => {
  let db: string;
  beforeAll(() => {
    db = ingestSeeds();
  });

  it('--facets counts sources, months and entities over every match, not just the page', () => {
    const run = corpus(['search', 'Korea', '--facets', '--limit', '1', '--json', '--db', db]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.hits).toHaveLength(1);
    expect(result.facets.documents).toBe(result.total);
    expect(result.total).toBeGreaterThan(1);
    const months = result.facets.months.reduce((n: number, m: { count: number }) => n + m.count, 0);
    expect(months).toBe(result.total);
    expect(result.facets.entitiesByType.COUNTRY.map((e: { value: string }) => e.value)).toContain('North Korea');
    const text = corpus(['search', 'Korea', '--facets', '--db', db], { env: { NO_COLOR: '1' } });
    expect(text.stdout).toMatch(/Facets over all \d+ matching documents:\n {2}sources/);
    expect(text.stdout).toMatch(/\n {2}COUNTRY +North Korea \d+/);
  });

  it('lists every mention of an entity with its sentence and offsets', () => {
    const run = corpus(['mentions', 'DPRK', '--json', '--db', db]);
    expect(run.code).toBe(0);
    // --json is one value (docs/json.md); --nl the same mentions a line each, --csv a row each.
    const whole = JSON.parse(run.stdout);
    expect(whole.entity).toMatchObject({ name: 'North Korea', type: 'COUNTRY' });
    const lines = corpus(['mentions', 'DPRK', '--nl', '--db', db])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(whole.mentionList);
    expect(whole.mentions).toBe(lines.length);
    expect(lines.length).toBeGreaterThan(3);
    const csv = corpus(['mentions', 'DPRK', '--csv', '--db', db]).stdout.trim().split('\n');
    expect(csv[0]).toBe('id,date,title,start,end,text,sentenceIndex,path,sentence');
    expect(csv).toHaveLength(lines.length + 1);
    const badType = corpus(['mentions', 'DPRK', '--type', 'FOO', '--db', db]);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toBe("corpus: --type must be one of PERSON, COUNTRY, PLACE, ORG, got 'FOO'\n");
    for (const m of lines) {
      expect(m.end - m.start).toBe(m.text.length);
      expect(m.sentence).toContain(m.text);
      expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const text = corpus(['mentions', 'North Korea', '--db', db], { env: { NO_COLOR: '1' } });
    expect(text.stdout).toMatch(
      /^Mentions of North Korea \(COUNTRY\):\n\d{4}-\d{2}-\d{2} {2}#\d+ \d+-\d+ {2}.*\[North Korea\]/,
    );
    expect(text.stdout).toMatch(new RegExp(`\\n${lines.length} mentions\\n$`));
    const missing = corpus(['mentions', 'Nobody Atall', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no entity named 'Nobody Atall'/);
  });
});
