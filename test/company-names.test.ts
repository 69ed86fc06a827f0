import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { companiesTypedAsPeople } from '../src/entities/company-names.js';
import type { NameStat } from '../src/entities/resolve.js';
import { corpus, SHARED, tempDir } from './helpers.js';

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
const stat = (type: string, key: string, docs: number[]): NameStat => ({ type, key, name: key, docs });
const common = new Set(['cement', 'laboratories', 'computer']);

describe('companies the tagger read as people', () => {
  it('are the organisation when the corpus writes them with a legal form, and people stay people', () => {
    const links = companiesTypedAsPeople(
      [
        // Typed ORG somewhere too: one document with the legal form is enough.
        stat('PERSON', 'smith barney', range(1, 30)),
        stat('ORG', 'smith barney', range(30, 40)),
        stat('ORG', 'smith barney harris upham and co', [41]),
        // Never typed ORG alone: three documents with a legal form, or a common word in the name.
        stat('PERSON', 'dean witter', range(50, 55)),
        stat('ORG', 'dean witter reynolds inc', [55, 56, 57]),
        stat('PERSON', 'kaiser cement', [60, 61]),
        stat('ORG', 'kaiser cement corp', [62]),
        // A person: one company named after him, his firm, or a second name joined to his.
        stat('PERSON', 'peter miller', range(70, 80)),
        stat('ORG', 'peter miller apparel group inc', [80, 81]),
        stat('PERSON', 'boyd jefferies', range(90, 99)),
        stat('ORG', 'boyd jefferies and jefferies group inc', [99, 100, 101]),
        stat('ORG', 'boyd jefferies', [102]),
        stat('PERSON', 'ivan boesky', range(103, 110)),
        stat('ORG', 'ivan boesky and co', [110, 111, 112]),
        stat('ORG', 'ivan boesky', [113]),
        stat('PERSON', 'corning glass', [110]),
        stat('ORG', 'corning glass works and hazleton laboratories corp', [111, 112, 113]),
      ],
      (w) => common.has(w),
      new Set(),
    );
    expect(links.map((l) => `${l.from} → ${l.toType} ${l.to}`)).toEqual([
      'smith barney → ORG smith barney',
      'dean witter → ORG dean witter reynolds inc',
      'kaiser cement → ORG kaiser cement corp',
    ]);
    expect(links[0].detail).toMatch(/Smith Barney Harris Upham and Co|smith barney harris upham and co/);
    // A name the user placed is left alone.
    expect(
      companiesTypedAsPeople(
        [stat('PERSON', 'smith barney', [1]), stat('ORG', 'smith barney inc', [2, 3, 4])],
        () => false,
        new Set(['PERSON\u0000smith barney']),
      ),
    ).toEqual([]);
  });

  it('joins the organisation across a real archive, says why, and is undone by unmerge', () => {
    // Reuters articles where the tagger reads "Smith Barney" as a person, and some that write the
    // firm with its legal form or tag it ORG.
    const wanted = new Set([
      'reuters-3727',
      'reuters-5888',
      'reuters-1144',
      'reuters-2277',
      'reuters-2500',
      'reuters-1252',
    ]);
    const lines = zlib
      .gunzipSync(fs.readFileSync(path.join(SHARED, 'corpora', 'reuters21578.jsonl.gz')))
      .toString('utf8')
      .split('\n')
      .filter((line) => line && wanted.has(JSON.parse(line).id));
    expect(lines).toHaveLength(wanted.size);
    const dir = tempDir('corpus-companies-');
    const file = path.join(dir, 'articles.jsonl');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const db = path.join(dir, 'corpus.db');
    expect(corpus(['ingest', file, '--db', db, '--quiet']).code).toBe(0);

    const people = () =>
      (
        JSON.parse(corpus(['entities', '--db', db, '--type', 'PERSON', '--json', '--limit', '500']).stdout) as {
          name: string;
        }[]
      ).map((e) => e.name);
    expect(people().length).toBeGreaterThan(5);
    expect(people()).not.toContain('Smith Barney');
    const firm = JSON.parse(corpus(['entity', 'Smith Barney', '--db', db, '--json']).stdout);
    expect(firm.type).toBe('ORG');
    expect(firm.documents).toBeGreaterThanOrEqual(5);
    const why = corpus(['entity', 'Smith Barney', '--why', '--db', db]).stdout;
    expect(why).toMatch(/a company, not a person/);

    const unmerge = corpus(['entity', 'unmerge', 'Smith Barney', '--type', 'PERSON', '--db', db]);
    expect(unmerge.code).toBe(0);
    expect(unmerge.stdout).toMatch(/its own entity again: \d+ mentions? in \d+ documents?/);
    expect(people()).toContain('Smith Barney');
  });
});
