import { describe, expect, it } from 'vitest';
import { companiesTypedAsPeople } from '../src/entities/company-names.js';
import type { NameStat } from '../src/entities/resolve.js';
import { corpus, ingestReuters } from './helpers.js';

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
const stat = (type: string, key: string, docs: number[]): NameStat => ({ type, key, name: key, docs });
const common = new Set(['cement', 'laboratories', 'computer']);

describe('companies the tagger read as people', () => {
  it('take a legal form written with a slash as one (`Norsk Hydro A/S`, keyed `norsk hydro a s`)', () => {
    const links = companiesTypedAsPeople(
      [stat('PERSON', 'norsk hydro', range(1, 9)), stat('ORG', 'norsk hydro a s', [9, 10, 11])],
      () => false,
      new Set(),
    );
    expect(links.map((l) => `${l.from} → ${l.toType} ${l.to}`)).toEqual(['norsk hydro → ORG norsk hydro a s']);
  });

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

  it('are the organisation of the very same name when a word of it is common, unless called by a surname', () => {
    const words = new Set(['credit', 'ward', 'bond']);
    const names = [
      // `Credit Lyonnais said …`: the bank, an organisation in more documents.
      stat('PERSON', 'credit lyonnais', range(1, 8)),
      stat('ORG', 'credit lyonnais', range(8, 20)),
      // `Ward McCarthy` … `McCarthy said`: a person, however often the tagger read an organisation.
      stat('PERSON', 'ward mccarthy', [20, 21]),
      stat('ORG', 'ward mccarthy', [22, 23, 24]),
      // A given name several people's names open with.
      stat('PERSON', 'christopher bond', [30]),
      stat('ORG', 'christopher bond', [31, 32]),
      ...['christopher dodd', 'christopher hill', 'christopher smith'].map((k, i) => stat('PERSON', k, [40 + i])),
    ];
    const links = companiesTypedAsPeople(
      names,
      (w) => words.has(w),
      new Set(),
      () => false,
      (key) => key === 'ward mccarthy',
    );
    expect(links.map((l) => `${l.from} → ${l.toType} ${l.to}`)).toEqual(['credit lyonnais → ORG credit lyonnais']);
  });

  it('are the organisation of the same name when their own name ends in a legal form', () => {
    const links = companiesTypedAsPeople(
      [
        // `Henkel KGaA said` read as a person in 2 documents, the company in 3.
        stat('PERSON', 'henkel kgaa', [1, 2]),
        stat('ORG', 'henkel kgaa', [3, 4, 5]),
        stat('PERSON', 'tractebel sa', [6]),
        stat('ORG', 'tractebel sa', [7]),
        // No organisation of that name: nothing to join.
        stat('PERSON', 'otto ag', [8]),
      ],
      () => false,
      new Set(),
    );
    expect(links.map((l) => `${l.from} → ${l.toType} ${l.to}`)).toEqual([
      'henkel kgaa → ORG henkel kgaa',
      'tractebel sa → ORG tractebel sa',
    ]);
  });

  it('reads a one-word "person" the tagger typed ORG at least half as often as the organisation', () => {
    const names = [
      // ORG in more documents: the company, whatever the tagger said in a few.
      stat('PERSON', 'kodak', [1, 2]),
      stat('ORG', 'kodak', range(3, 20)),
      stat('PERSON', 'labatt', [20, 21, 22]),
      stat('ORG', 'labatt', [23, 24, 25]),
      // ORG in at least half as many documents, and no person of that name.
      stat('PERSON', 'conrail', [26, 27, 28]),
      stat('ORG', 'conrail', [29, 30]),
      // Far fewer ORG documents than PERSON: left alone.
      stat('PERSON', 'wagner', range(30, 40)),
      stat('ORG', 'wagner', [41, 42]),
      // A surname of someone named in full: people share it.
      stat('PERSON', 'reynolds', [50, 51]),
      stat('ORG', 'reynolds', range(52, 60)),
      stat('PERSON', 'william reynolds', [60, 61]),
      // Too few documents to tell.
      stat('PERSON', 'sabena', [70]),
      stat('ORG', 'sabena', [71]),
      // A common word or a place: no type fits better.
      stat('PERSON', 'board', [80]),
      stat('ORG', 'board', range(81, 90)),
      stat('PERSON', 'peking', [90]),
      stat('ORG', 'peking', range(91, 99)),
      // A surname inside a company's name (a company, not a person) does not protect the word.
      stat('PERSON', 'swissair', [100]),
      stat('ORG', 'swissair', range(101, 110)),
      stat('PERSON', 'swissair group', [110]),
      stat('ORG', 'swissair group ag', [111, 112, 113]),
    ];
    const links = companiesTypedAsPeople(
      names,
      (w) => w === 'board',
      new Set(['PERSON\u0000nobody']),
      (name) => name === 'peking',
    );
    expect(links.map((l) => `${l.from} → ${l.toType} ${l.to}`)).toEqual([
      'swissair group → ORG swissair group ag',
      'kodak → ORG kodak',
      'labatt → ORG labatt',
      'conrail → ORG conrail',
      'swissair → ORG swissair',
    ]);
    expect(links[1].detail).toBe(
      "an organisation, not a person: tagged ORG in 17 documents, PERSON in 2; no person's name holds it",
    );
    // A name the user placed stays where it is.
    expect(companiesTypedAsPeople(names, () => false, new Set(['PERSON\u0000kodak'])).map((l) => l.from)).not.toContain(
      'kodak',
    );
  });

  it('joins the organisation across a real archive, says why, and is undone by unmerge', () => {
    // Reuters articles where the tagger reads "Smith Barney" as a person, and some that write the
    // firm with its legal form or tag it ORG.
    const { db } = ingestReuters([
      'reuters-3727',
      'reuters-5888',
      'reuters-1144',
      'reuters-2277',
      'reuters-2500',
      'reuters-1252',
    ]);

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
    expect(firm.documents).toBeGreaterThanOrEqual(2);
    // Written whole with its comma (`Smith Barney, Harris Upham and Co`), the firm is one name.
    const whole = JSON.parse(corpus(['entity', 'Smith Barney Harris Upham and Co', '--db', db, '--json']).stdout);
    expect(whole.type).toBe('ORG');
    expect(whole.documents).toBeGreaterThanOrEqual(5);
    const why = corpus(['entity', 'Smith Barney', '--why', '--db', db]).stdout;
    expect(why).toMatch(/a company, not a person/);

    const unmerge = corpus(['entity', 'unmerge', 'Smith Barney', '--type', 'PERSON', '--db', db]);
    expect(unmerge.code).toBe(0);
    expect(unmerge.stdout).toMatch(/its own entity again: \d+ mentions? in \d+ documents?/);
    expect(people()).toContain('Smith Barney');
  });
});
