import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, SEEDS, tempDir, write } from './helpers.js';

const SEED_000 = path.join(SEEDS, '000_0e46633eb7241598.txt');
const SEED_004 = path.join(SEEDS, '004_ddf39e30f6a337f9.txt');

describe('corpus extract --json', () => {
  it('prints one record per file, in the order given, with the contract fields and exact offsets', () => {
    const r = corpus(['extract', SEED_004, SEED_000, '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => JSON.parse(l));
    expect(a.file).toBe(SEED_004);
    expect(b.file).toBe(SEED_000);
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining(['file', 'title', 'date', 'dateSource', 'source', 'mentions', 'events']),
    );
    expect(a).toMatchObject({ date: '2018-12-18', dateSource: 'header', source: 'Yonhap' });
    expect(b).toMatchObject({ date: '2019-02-15', dateSource: 'frontmatter' }); // seeds/corpus-meta.yaml
    for (const record of [a, b]) {
      const text = fs.readFileSync(record.file, 'utf8');
      for (const m of record.mentions) {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(['PERSON', 'COUNTRY', 'PLACE', 'ORG', 'DATE', 'EVENT']).toContain(m.type);
        expect(Object.keys(m).sort()).toEqual(['end', 'entity', 'start', 'text', 'type', 'value']);
      }
      for (const e of record.events)
        expect(Object.keys(e).sort()).toEqual(['date', 'mentions', 'name', 'participants', 'place']);
    }
  });

  it('finds the people, countries, places and organizations of the first seed', () => {
    const record = JSON.parse(corpus(['extract', SEED_000, '--json', '--date', '2019-02-15']).stdout);
    const has = (type: string, entity: string) =>
      record.mentions.some((m: { type: string; entity: string }) => m.type === type && m.entity === entity);
    for (const person of ['Kang Kyung-wha', 'Mike Pompeo', 'Donald Trump', 'Kim Jong Un'])
      expect(has('PERSON', person), person).toBe(true);
    for (const place of ['Hanoi', 'Warsaw']) expect(has('PLACE', place), place).toBe(true);
    for (const org of ['State Department', 'CBS News', 'Yonhap', 'Reuters']) expect(has('ORG', org), org).toBe(true);
    const countryOf = (text: string) =>
      new Set(
        record.mentions
          .filter((m: { text: string; type: string }) => m.text === text && m.type === 'COUNTRY')
          .map((m: { entity: string }) => m.entity),
      );
    expect(countryOf('ROK')).toEqual(new Set(['South Korea']));
    expect(countryOf('DPRK')).toEqual(new Set(['North Korea']));
    expect(countryOf('U.S.')).toEqual(new Set(['United States']));
    expect(record).toMatchObject({ date: '2019-02-15', dateSource: 'frontmatter' }); // the sidecar wins over --date
  });

  it('writes no database, reports a bad file on one line and carries on', () => {
    const dir = tempDir();
    const bad = write(path.join(dir, 'bad.json'), '{"title": ');
    const r = corpus(['extract', bad, SEED_004, '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: .*JSON/i);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual(['bad.json']);
    const missing = corpus(['extract', path.join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt: no such file/);
  });

  it('extracts each record of a TREC file named without an extension (known by its content)', () => {
    const file = path.join(tempDir(), 'la010189');
    write(
      file,
      '<DOC>\n<DOCNO> LA010189-0001 </DOCNO>\n<DATE> January 1, 1989, Sunday </DATE>\n<TEXT>\nPresident Reagan spoke in Los Angeles.\n</TEXT>\n</DOC>\n' +
        '<DOC>\n<DOCNO> LA010189-0002 </DOCNO>\n<TEXT>\nThe Dodgers won.\n</TEXT>\n</DOC>\n',
    );
    const r = corpus(['extract', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const records = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((x) => [x.file, x.date])).toEqual([
      [`${file}#LA010189-0001`, '1989-01-01'],
      [`${file}#LA010189-0002`, null],
    ]);
  });

  it('prints a readable table without --json', () => {
    const r = corpus(['extract', SEED_004]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^date\s+2018-12-18 \(from its header\)$/m);
    expect(r.stdout).toMatch(/offset\s+type\s+text/);
  });
});
