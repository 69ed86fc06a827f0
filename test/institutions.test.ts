import { describe, expect, it } from 'vitest';
import { analyze } from '../src/nlp/analyze.js';
import { institutionForm, institutionName, unqualifiedKey } from '../src/nlp/ner/institutions.js';
import { countryByCapital, countryByDemonym } from '../src/nlp/gazetteer.js';
import { documentEvidence } from '../src/entities/evidence.js';
import { type NameStat, resolveNames } from '../src/entities/resolve.js';
import { orgVariantKey } from '../src/core/name-forms.js';

/** The ORG mentions of an article as `text => entity`. */
function orgs(body: string, dateline: string | null = null, date = '1987-03-03'): string[] {
  const a = analyze({ body, date, dateSource: 'json', dateline });
  return a.mentions.filter((m) => m.type === 'ORG').map((m) => `${m.text} => ${m.entity}`);
}

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
const stat = (key: string, docs: number[]): NameStat => ({ type: 'ORG', key, name: key, docs });

describe("a state institution's generic name", () => {
  it('is a portfolio and a head, or a whole institution, after a country or not', () => {
    expect(institutionName('Finance Ministry')).toEqual({ institution: 'Finance Ministry', country: null });
    expect(institutionName('Ministry of Foreign Affairs')?.institution).toBe('Ministry of Foreign Affairs');
    expect(institutionName('Department of Trade and Industry')?.institution).toBe('Department of Trade and Industry');
    expect(institutionName('Treasury')?.institution).toBe('Treasury');
    expect(institutionName('Dutch Central Bank')?.country?.name).toBe('Netherlands');
    expect(institutionName('West German Finance Ministry')?.country?.name).toBe('West Germany');
    // Names of their own: a body that is no state's, a long portfolio, a person's or a place's word.
    expect(institutionName('International Tin Council')).toBeNull();
    expect(institutionName('Ministry of International Trade and Industry')).toBeNull();
    expect(institutionName('Bank of England')).toBeNull();
    expect(institutionName('Federated Department Stores Inc')).toBeNull();
    expect(institutionName('Ministry')).toBeNull();
  });

  it('is found again in a key that names its country first', () => {
    expect(unqualifiedKey('japan finance ministry')).toBe('finance ministry');
    expect(unqualifiedKey('united states department of agriculture')).toBe('department of agriculture');
    expect(unqualifiedKey('finance ministry')).toBeNull();
    expect(unqualifiedKey('japan airlines')).toBeNull();
    expect(institutionForm('united kingdom treasury', 'Treasury')).toBe('United Kingdom Treasury');
    expect(institutionForm('united kingdom treasury', 'British Treasury')).toBe('United Kingdom Treasury');
    expect(institutionForm('united kingdom treasury', 'TREASURY')).toBeUndefined();
    expect(institutionForm('texaco inc', 'Texaco')).toBeUndefined();
  });

  it("gives a demonym a sovereign state's name, not a territory's", () => {
    expect(countryByDemonym('Dutch')?.name).toBe('Netherlands');
  });

  it('knows the capitals news names countries by, and the states of the past by their date', () => {
    expect(countryByCapital('Seoul')?.name).toBe('South Korea');
    expect(countryByCapital('Washington')?.name).toBe('United States');
    expect(countryByCapital('Moscow', '1987-03-03')?.name).toBe('Soviet Union');
    expect(countryByCapital('Moscow', '2019-02-15')?.name).toBe('Russia');
    expect(countryByCapital('Bonn', '1987-03-03')?.name).toBe('West Germany');
    expect(countryByCapital('Bonn', '2019-02-15')).toBeNull();
    expect(countryByCapital('Chicago')).toBeNull();
  });

  it('reads a country by the name its day gave it: Germany in 1987 is West Germany, and its institutions', () => {
    const countries = (date: string | null) =>
      analyze({
        body: "Germany's Statistics Office said output rose in Germany.",
        date,
        dateSource: 'json',
        dateline: null,
      })
        .mentions.filter((m) => m.type === 'COUNTRY' || m.type === 'ORG')
        .map((m) => `${m.text} => ${m.entity}`);
    expect(countries('1987-03-03')).toEqual([
      'Germany => West Germany',
      'Statistics Office => West Germany Statistics Office',
      'Germany => West Germany',
    ]);
    expect(countries('1995-01-01')).toEqual([
      'Germany => Germany',
      'Statistics Office => Germany Statistics Office',
      'Germany => Germany',
    ]);
    expect(countries(null)[0]).toBe('Germany => Germany');
  });
});

describe('qualifying state institutions in a document', () => {
  it('names the country the text gives before the name, and uses it for the bare name after', () => {
    expect(
      orgs("North Korea's Ministry of Foreign Affairs said talks failed. The Ministry of Foreign Affairs added more."),
    ).toEqual([
      'Ministry of Foreign Affairs => North Korea Ministry of Foreign Affairs',
      'Ministry of Foreign Affairs => North Korea Ministry of Foreign Affairs',
    ]);
    expect(
      orgs(
        "Britain's Agriculture Department said Egypt bought wheat. Egypt bought more, the Agriculture Department said.",
      ),
    ).toEqual([
      'Agriculture Department => United Kingdom Agriculture Department',
      'Agriculture Department => United Kingdom Agriculture Department',
    ]);
    // The United States' own departments go by their bare names, as English news (and the seeds' gold) writes them.
    expect(orgs('The U.S. State Department said talks with Egypt went well.')).toEqual([
      'State Department => State Department',
    ]);
    expect(orgs('The Dutch Central Bank raised its rates on Monday.')).toEqual([
      'Dutch Central Bank => Netherlands Central Bank',
    ]);
    // Only words right before the name qualify it, not a place ending a clause before.
    expect(orgs('The cut follows the pact in Paris, Finance Ministry sources said.')).toEqual([
      'Finance Ministry => Finance Ministry',
    ]);
    // A capital stands for its country: `Seoul's Foreign Ministry`, `a Bonn Finance Ministry spokesman`.
    expect(orgs("Seoul's Foreign Ministry said the talks would resume.", null, '2019-02-15')).toEqual([
      'Foreign Ministry => South Korea Foreign Ministry',
    ]);
    expect(orgs('A Bonn Finance Ministry spokesman said the plan was ready.')).toEqual([
      'Bonn Finance Ministry => West Germany Finance Ministry',
    ]);
  });

  it("takes the dateline's country, however often the story names others", () => {
    expect(orgs('The Finance Ministry said Japan will cut rates.', 'TOKYO, March 3')).toEqual([
      'Finance Ministry => Japan Finance Ministry',
    ]);
    expect(orgs('The Treasury said it would sell bonds.', 'LONDON, March 3')).toEqual([
      'Treasury => United Kingdom Treasury',
    ]);
    expect(orgs('The Treasury said it would sell bonds.', 'WASHINGTON, March 3')).toEqual(['Treasury => Treasury']);
    // Under a foreign dateline, a story that names the United States may mean theirs.
    expect(
      orgs('The key U.S. Treasury bond fell, dealers said, as the Treasury prepared its auction.', 'TOKYO, March 3'),
    ).toEqual(['Treasury => Treasury', 'Treasury => Treasury']);
    expect(
      orgs(
        'The U.S. and Japan met. The U.S. wants Japan to open its markets, the U.S. said, and the Finance Ministry said no.',
        'TOKYO, March 3',
      ),
    ).toEqual(['Finance Ministry => Japan Finance Ministry']);
    // A Washington story about Brazil's debt: `the Finance Ministry` is Brazil's (the United States have
    // none), which the text does not say.
    expect(
      orgs(
        'Brazil suspended payments. Brazil said the Finance Ministry would meet bankers in Brazil.',
        'WASHINGTON, March 3',
      ),
    ).toEqual(['Finance Ministry => Finance Ministry']);
    // Without a dateline or a qualifier, nobody can tell.
    expect(orgs('The Finance Ministry said Japan will cut rates.')).toEqual(['Finance Ministry => Finance Ministry']);
    // A dateline in a capital of the past names the state of its day.
    expect(orgs('The Foreign Ministry said it would reply.', 'MOSCOW, March 3')).toEqual([
      'Foreign Ministry => Soviet Union Foreign Ministry',
    ]);
    expect(orgs('The Foreign Ministry said it would reply.', 'MOSCOW, Feb 15', '2019-02-15')).toEqual([
      'Foreign Ministry => Russia Foreign Ministry',
    ]);
    // Britain's Foreign Office goes by its bare name, as the United States' State Department does.
    expect(
      orgs('Britain condemns Iraq.\nLONDON 1996-08-30\n"We are in touch," said a Foreign Office spokesman.'),
    ).toEqual(['Foreign Office => Foreign Office']);
    // Britain has a Foreign Office: a London story's `Foreign Ministry` is another country's.
    expect(orgs('Iran protests.\nLONDON 1996-08-30\nThe Foreign Ministry said the ships would sail.')).toEqual([
      'Foreign Ministry => Foreign Ministry',
    ]);
    expect(orgs('Poland protests.\nWARSAW 1996-08-30\nForeign Ministry officials said the visit was off.')).toEqual([
      'Foreign Ministry => Poland Foreign Ministry',
    ]);
    // The body's own dateline counts as the reader's.
    expect(orgs('TOKYO, March 3 - The Finance Ministry said it would act.')).toEqual([
      'Finance Ministry => Japan Finance Ministry',
    ]);
  });
});

describe('state institutions across the corpus', () => {
  it('place a bare name in the one country whose documents nearly always say it is theirs, and keep a shared one apart', () => {
    const names = [
      stat('foreign ministry', range(1, 5)),
      stat('japan foreign ministry', range(10, 40)),
      stat('china foreign ministry', [50]),
      stat('finance ministry', range(60, 70)),
      stat('japan finance ministry', range(70, 90)),
      stat('france finance ministry', range(90, 96)),
      // The bare name is the United States' own, unless another country's is the more documented.
      stat('agriculture department', range(100, 110)),
      stat('taiwan agriculture department', [111, 112, 113]),
      stat('department of trade and industry', range(120, 125)),
      stat('united kingdom department of trade and industry', range(125, 140)),
    ];
    const { links } = resolveNames(names, []);
    const to = (from: string) => links.find((l) => l.from === from)?.to;
    expect(to('foreign ministry')).toBe('japan foreign ministry');
    expect(links.find((l) => l.from === 'foreign ministry')?.rule).toBe('short form');
    expect(to('finance ministry')).toBeUndefined();
    expect(to('agriculture department')).toBeUndefined();
    expect(to('department of trade and industry')).toBe('united kingdom department of trade and industry');
  });

  it('name a country institution head first and head last alike', () => {
    expect(orgVariantKey('japan ministry of finance')).toBe(orgVariantKey('japan finance ministry'));
    expect(orgVariantKey('bank of england')).toBe('england bank');
  });

  it("let an acronym stand for the institution under its country's name", () => {
    const body = 'The Department of Trade and Industry (DTI) said exports rose. The DTI said more.';
    const mentions = [
      { type: 'ORG', text: 'Department of Trade and Industry', key: 'united kingdom department of trade and industry' },
      { type: 'ORG', text: 'DTI', key: 'dti' },
      { type: 'ORG', text: 'DTI', key: 'dti' },
    ];
    const longs = documentEvidence(body, mentions)
      .filter((e) => e.short === 'dti')
      .map((e) => `${e.kind} ${e.long}`);
    expect(longs).toContain('paren united kingdom department of trade and industry');
    expect(longs).toContain('initials united kingdom department of trade and industry');
  });
});
