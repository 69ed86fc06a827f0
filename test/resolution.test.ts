import { acronymAliases, headlineName, mayGoByAcronym } from '../src/core/headline-name.js';
import { describe, expect, it } from 'vitest';
import { documentEvidence } from '../src/entities/evidence.js';
import {
  isAcronym,
  isMisspelling,
  middleInitials,
  orgVariantKey,
  personVariantKey,
  spellsInitials,
  stripTitles,
  stripTitlesWritten,
  withinOneEdit,
} from '../src/core/name-forms.js';
import { type DocEvidence, type NameStat, resolveNames } from '../src/entities/resolve.js';

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
/** An organisation's name as the corpus holds it, written as its key. */
const stat = (key: string, docs: number[]): NameStat => ({ type: 'ORG', key, name: key, docs });

describe('name forms', () => {
  it('strips titles and roles, not the name', () => {
    expect(stripTitles('president ronald reagan')).toBe('ronald reagan');
    expect(stripTitles('chancellor of the exchequer nigel lawson')).toBe('nigel lawson');
    expect(stripTitles('chancellor kohl')).toBe('kohl');
    expect(stripTitles('president')).toBe('president');
    // A long title misspelt is still a title; a short word one letter from one may be a name.
    expect(stripTitles('represenative clayton yeutter')).toBe('clayton yeutter');
    expect(stripTitles('sen bob dole')).toBe('bob dole');
    expect(stripTitles('ken dole')).toBe('ken dole');
    expect(stripTitlesWritten('of the Exchequer Nigel Lawson')).toBe('Nigel Lawson');
    expect(stripTitlesWritten('Treasury Secretary James Baker')).toBe('James Baker');
    expect(stripTitlesWritten('President')).toBe('President');
    expect(personVariantKey('MargaretThatcher'.toLowerCase())).toBe(
      personVariantKey('prime minister margaret thatcher'),
    );
    // A familiar given name is the name it is short for; one that may stand for several joins none.
    expect(personVariantKey('speaker jim wright')).toBe(personVariantKey('james wright'));
    expect(personVariantKey('dan amstutz')).toBe(personVariantKey('daniel c amstutz'));
    expect(personVariantKey('al smith')).not.toBe(personVariantKey('alan smith'));
    expect(personVariantKey('jim')).toBe('jim');
  });

  it('takes an institution named head first or head last, and a long name in another word order, as one', () => {
    expect(orgVariantKey('department of agriculture')).toBe(orgVariantKey('agriculture department'));
    expect(orgVariantKey('ministry of finance')).toBe(orgVariantKey('finance ministry'));
    expect(orgVariantKey('general agreement on trade and tariffs')).toBe(
      orgVariantKey('general agreement on tariffs and trade'),
    );
    // Two or three words in another order may be another company.
    expect(orgVariantKey('american general')).not.toBe(orgVariantKey('general american'));
    expect(orgVariantKey('ministry of trade and industry')).not.toBe(orgVariantKey('industry and trade ministry'));
  });

  it('folds legal suffixes and British spellings of organisations', () => {
    expect(orgVariantKey('texaco inc')).toBe('texaco');
    expect(orgVariantKey('organisation of petroleum exporting countries')).toBe(
      orgVariantKey('organization of petroleum exporting countries'),
    );
    expect(orgVariantKey('inc')).toBe('');
    expect(orgVariantKey('bank of england plc')).toBe(orgVariantKey('bank of england'));
    expect(orgVariantKey('organisation of economic cooperation')).toBe(
      orgVariantKey('organization for economic cooperation'),
    );
  });

  it('knows acronyms and the initials they spell', () => {
    expect(isAcronym('EC')).toBe(true);
    expect(isAcronym('U.N.')).toBe(true);
    expect(isAcronym('L.')).toBe(false);
    expect(isAcronym('Reagan')).toBe(false);
    expect(spellsInitials('OPEC', 'Organization of Petroleum Exporting Countries')).toBe(true);
    expect(spellsInitials('EC', 'the European Community')).toBe(true);
    expect(spellsInitials('EC', 'EC Commission')).toBe(false);
    expect(spellsInitials('IMF', 'World Bank')).toBe(false);
    // A company's initials with or without its legal form.
    expect(spellsInitials('ATT', 'American Telephone and Telegraph Co')).toBe(true);
    expect(spellsInitials('GE', 'General Electric Co.')).toBe(true);
    expect(spellsInitials('FMC', 'Ford Motor Co')).toBe(true);
    expect(spellsInitials('GEI', 'General Electric Co')).toBe(false);
  });

  it('finds one-letter typos', () => {
    expect(withinOneEdit('organiaation', 'organisation')).toBe(true);
    expect(withinOneEdit('gadafi', 'gaddafi')).toBe(true);
    expect(withinOneEdit('ab', 'ba')).toBe(true);
    expect(withinOneEdit('volcker', 'walker')).toBe(false);
  });

  it('tells a misspelling from another name one letter away', () => {
    expect(isMisspelling('genral dynamics corp', 'general dynamics corp')).toBe(true);
    expect(isMisspelling('federal reserve banks', 'federal reserve bank')).toBe(true); // a word's end
    expect(isMisspelling('bell south corp', 'bellsouth corp')).toBe(true); // a space
    expect(isMisspelling('bank of novia scotia', 'bank of nova scotia')).toBe(true);
    expect(isMisspelling('hc holdings inc', 'gc holdings inc')).toBe(false); // initials
    expect(isMisspelling('stewart bainum sr', 'stewart bainum jr')).toBe(false);
    expect(isMisspelling('nbc television', 'abc television')).toBe(false);
    // Another first letter is another name; letters swapped at a word's start are a misspelling.
    expect(isMisspelling('david barnes', 'david karnes')).toBe(false);
    expect(isMisspelling('morton handel', 'morton mandel')).toBe(false);
    expect(isMisspelling('wang chien hsien', 'wang chien shien')).toBe(true);
  });
});

describe('evidence a document carries', () => {
  it('reads "Long (SHORT)" and "SHORT (Long)", and short forms the analysis gave to a full name', () => {
    const ev = documentEvidence(
      'The European Community (EC) and the IMF (International Monetary Fund) met. Paul said no.',
      [
        { type: 'PERSON', text: 'Reagan', key: 'ronald reagan' },
        { type: 'PERSON', text: 'Paul', key: 'paul volcker' },
        { type: 'ORG', text: 'EC', key: 'ec commission' },
      ],
    );
    const kinds = ev.map((e) => `${e.kind} ${e.short} ${e.long}`).sort();
    // A given name alone is evidence of its own, weaker kind (resolution wants many documents of it).
    expect(kinds).toEqual([
      'document reagan ronald reagan',
      'given name paul paul volcker',
      'paren ec european community',
      'paren imf international monetary fund',
    ]);
    // A full name written only in capitals (a headline) shows nowhere where the name begins.
    const headline = [
      { type: 'PERSON', text: 'BLASTS REAGAN', key: 'blasts reagan' },
      { type: 'PERSON', text: 'Reagan', key: 'blasts reagan' },
    ];
    expect(documentEvidence('…', headline)).toEqual([]);
    expect(
      documentEvidence('…', [...headline, { type: 'PERSON', text: 'Blasts Reagan', key: 'blasts reagan' }]),
    ).toHaveLength(1);
  });

  it("reads the title written before a person's name, as written and only where it names an office", () => {
    const body =
      'U.S. President Reagan met Treasury Secretary James Baker. Mr Baker and company president Tom Reagan ' +
      'spoke; so did the son of President Reagan, Michael Reagan.';
    const at = (text: string, from = 0) => body.indexOf(text, from);
    const mentions = [
      { type: 'PERSON', text: 'Reagan', key: 'reagan', start: at('Reagan') },
      { type: 'PERSON', text: 'James Baker', key: 'james baker', start: at('James Baker') },
      { type: 'PERSON', text: 'Baker', key: 'james baker', start: at('Baker and') },
      { type: 'PERSON', text: 'Tom Reagan', key: 'tom reagan', start: at('Tom Reagan') },
      // The analysis gave this `Reagan` to the document's full name: its title says nothing of that name.
      { type: 'PERSON', text: 'Reagan', key: 'michael reagan', start: at('Reagan,') },
      { type: 'PERSON', text: 'Michael Reagan', key: 'michael reagan', start: at('Michael Reagan') },
    ];
    const titles = documentEvidence(body, mentions)
      .filter((e) => e.kind === 'title')
      .map((e) => `${e.short}: ${e.long}`);
    expect(titles).toEqual(['reagan: President', 'james baker: Secretary', 'tom reagan: president']);
  });

  it('reads an acronym in brackets after a ticker, and one that contracts the name before it', () => {
    const pairs = (body: string) => documentEvidence(body, []).map((e) => `${e.short} ${e.long}`);
    expect(pairs('Mitsubishi Heavy Industries Ltd <MITH.T> (MHI) said.')).toEqual([
      'mhi mitsubishi heavy industries ltd',
    ]);
    // Its letters in order, from the name's first to its last word: not initials.
    expect(pairs('Volkswagen AG <VOWG.F> (VW) said.')).toEqual(['vw volkswagen ag']);
    expect(pairs('The state oil firm Petroleos Mexicanos (PEMEX) said.')).toEqual(['pemex petroleos mexicanos']);
    // Not a contraction: another first letter, or letters the last word does not give.
    expect(pairs('They (VW) said. Gold in New York (COMEX) rose. Bank of America (BK) rose.')).toEqual([]);
  });
});

describe('an acronym beside a company named by it', () => {
  it('is no evidence for another name whose initials it spells', () => {
    const org = (text: string) => ({ type: 'ORG', text, key: text.toLowerCase() });
    const ford = [org('Ford Motor Co'), org('FMC')];
    expect(documentEvidence('…', ford).map((e) => `${e.kind}: ${e.short} → ${e.long}`)).toEqual([
      'initials: fmc → ford motor co',
    ]);
    expect(documentEvidence('…', [org('FMC Corp'), ...ford])).toEqual([]);
  });
});

describe('a place written as its initials', () => {
  it('is evidence for the place the document names in full, and joins it across the corpus', () => {
    const place = (text: string) => ({ type: 'PLACE', text, key: text.toLowerCase() });
    const ev = documentEvidence('HK BANKS CUT RATES. Hong Kong banks cut rates.', [place('HK'), place('Hong Kong')]);
    expect(ev.map((e) => `${e.type} ${e.kind}: ${e.short} → ${e.long}`)).toEqual(['PLACE initials: hk → hong kong']);
    const r = resolveNames(
      [
        { type: 'PLACE', key: 'hong kong', name: 'Hong Kong', docs: range(1, 30) },
        { type: 'PLACE', key: 'hk', name: 'HK', docs: range(20, 40) },
        { type: 'PLACE', key: 'texas', name: 'Texas', docs: range(50, 60) },
      ],
      range(20, 26).map((d) => ({ ...ev[0], doc: d })),
    );
    expect(r.links.map((l) => `${l.type} ${l.from} → ${l.to} (${l.rule})`)).toEqual(['PLACE hk → hong kong (acronym)']);
  });
});

describe('an organisation named again by its first words', () => {
  const org = (text: string) => ({ type: 'ORG', text, key: text.toLowerCase() });

  it('is evidence, unless the short form is a lone common word, a dateline, a place before an institution, or the name holds two companies', () => {
    const ev = documentEvidence('…', [
      org('Shearson Lehman Brothers Inc'),
      org('Bank of Japan'),
      org('New York Stock Exchange'),
      org('New York'),
      org('Texaco Inc and Pennzoil Co'),
      org('Shearson'),
      org('Bank'),
      org('Texaco'),
      org('NEW YORK'),
    ]);
    expect(ev.map((e) => `${e.kind}: ${e.short} → ${e.long}`)).toEqual([
      'second reference: shearson → shearson lehman brothers inc',
    ]);
  });

  it('reads a company chartered for a country, its legal form before `of`, as one name', () => {
    const ev = documentEvidence('…', [org('Hospital Corp of America'), org('Hospital Corp')]);
    expect(ev.map((e) => `${e.kind}: ${e.short} → ${e.long}`)).toEqual([
      'second reference: hospital corp → hospital corp of america',
    ]);
  });

  it('reads an acronym that begins with a country the document names and spells an institution head first', () => {
    const ev = documentEvidence('…', [
      { type: 'COUNTRY', text: 'U.S.', key: 'united states' },
      org('Agriculture Department'),
      org('Dairy Board'),
      { type: 'ORG', text: 'USDA', key: 'usda' },
    ]);
    expect(ev.map((e) => `${e.kind}: ${e.short} → ${e.long}`)).toEqual(['initials: usda → agriculture department']);
    // Without the country in the document, the letters it adds are unexplained.
    expect(documentEvidence('…', [org('Agriculture Department'), { type: 'ORG', text: 'USDA', key: 'usda' }])).toEqual(
      [],
    );
  });

  it('never takes a word that says where for the name (Asian of Asian Development Bank, Dutch of Dutch State Mines)', () => {
    const ev = documentEvidence('…', [
      org('Asian Development Bank'),
      org('Dutch State Mines'),
      org('Asian'),
      org('Dutch'),
      org('Arab Monetary Fund'),
      org('Arab'),
    ]);
    expect(ev).toEqual([]);
  });

  it('counts a name of two words or more before a closing head word as the institution itself', () => {
    const ev = documentEvidence('…', [
      org('Federal Reserve Board'),
      org('Federal Reserve Bank of New York'),
      org('Chicago Board of Trade'),
      org('Federal Reserve'),
      org('Chicago'),
    ]);
    expect(ev.map((e) => `${e.kind}: ${e.short} → ${e.long}`)).toEqual([
      'second reference: federal reserve → federal reserve board',
    ]);
  });

  it('joins the full name unless the corpus uses the short form more', () => {
    const second = (d: number, short: string, long: string): DocEvidence => ({
      doc: d,
      type: 'ORG',
      short,
      long,
      kind: 'second reference',
      pattern: `${long} … ${short}`,
    });
    const r = resolveNames(
      [
        stat('shearson lehman brothers inc', range(1, 20)),
        stat('shearson', range(1, 8)),
        stat('federal reserve board', range(30, 130)),
        stat('federal reserve', range(30, 300)),
        stat('salomon brothers international', range(400, 500)),
        stat('salomon brothers', range(400, 700)),
      ],
      [
        ...range(1, 8).map((d) => second(d, 'shearson', 'shearson lehman brothers inc')),
        // Six of a hundred documents: enough for a closing head word, not for another kind of name.
        ...range(30, 36).map((d) => second(d, 'federal reserve', 'federal reserve board')),
        ...range(400, 406).map((d) => second(d, 'salomon brothers', 'salomon brothers international')),
      ],
    );
    // The Federal Reserve Board's documents go on to call it the Federal Reserve, the name the corpus uses more.
    expect(r.links.map((l) => `${l.from} → ${l.to}`).sort()).toEqual([
      'federal reserve board → federal reserve',
      'shearson → shearson lehman brothers inc',
    ]);
  });
});

describe('an acronym before a head word', () => {
  it('is the name it spells, head word and all, when one such name dominates', () => {
    const r = resolveNames(
      [
        stat('ec commission', range(1, 40)),
        stat('european commission', range(30, 50)),
        stat('executive commission', range(60, 62)),
        stat('ab bank', range(70, 75)),
        stat('allied bank', range(75, 80)),
        stat('american bank', range(80, 84)),
      ],
      [],
    );
    // `AB Bank` may be either bank: left alone.
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`)).toEqual([
      'european commission → ec commission (acronym)',
    ]);
  });
});

describe('a given name written alone', () => {
  it('is the person many documents call by it, and nobody where a few do', () => {
    const person = (key: string, docs: number[]): NameStat => ({ type: 'PERSON', key, name: key, docs });
    const given = (doc: number, short: string, long: string): DocEvidence => ({
      doc,
      type: 'PERSON',
      short,
      long,
      kind: 'given name',
      pattern: `${short} → ${long}`,
    });
    const r = resolveNames(
      [
        person('elian', [100]),
        person('elian gonzalez', range(1, 30)),
        person('paul', range(200, 207)),
        person('paul volcker', range(40, 90)),
      ],
      [
        ...range(1, 8).map((d) => given(d, 'elian', 'elian gonzalez')),
        // Three documents would make a surname that person's; a given name wants more.
        ...range(40, 43).map((d) => given(d, 'paul', 'paul volcker')),
      ],
    );
    expect(r.links.map((l) => `${l.from} → ${l.to}`)).toEqual(['elian → elian gonzalez']);
  });
});

describe('an acronym for the first words of a name', () => {
  it('is that name when the documents spell the acronym out so and the rest is the same', () => {
    const shown = (key: string, name: string, docs: number[]): NameStat => ({ type: 'ORG', key, name, docs });
    const spelled = (doc: number, short: string, long: string): DocEvidence => ({
      doc,
      type: 'ORG',
      short,
      long,
      kind: 'paren',
      pattern: `${long} (${short})`,
    });
    const r = resolveNames(
      [
        shown('ec commission', 'EC Commission', range(1, 40)),
        shown('european community commission', 'European Community Commission', range(40, 50)),
        shown('un security council', 'UN Security Council', range(50, 55)),
        shown('united nations security council', 'United Nations Security Council', range(55, 65)),
        // No document spells IC out as Imperial Chemical: two companies.
        shown('ic industries inc', 'IC Industries Inc', range(70, 72)),
        shown('imperial chemical industries inc', 'Imperial Chemical Industries Inc', range(72, 80)),
      ],
      [
        spelled(1, 'ec', 'european community'),
        spelled(2, 'ec', 'european community'),
        spelled(50, 'un', 'united nations'),
        spelled(51, 'un', 'united nations'),
      ],
    );
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`)).toEqual([
      'european community commission → ec commission (acronym)',
      'un security council → united nations security council (acronym)',
    ]);
  });
});

describe('corpus-level resolution', () => {
  const name = (type: string, key: string, docs: number[], display = key): NameStat => ({
    type,
    key,
    name: display,
    docs,
  });
  const doc = (d: number, short: string, long: string, type = 'PERSON'): DocEvidence => ({
    doc: d,
    type,
    short,
    long,
    kind: 'document',
    pattern: `${short} → ${long}`,
  });

  it('joins variants to the best documented one, and an acronym to its long form', () => {
    const r = resolveNames(
      [
        name('ORG', 'texaco', range(1, 10), 'Texaco'),
        name('ORG', 'texaco inc', [9, 10], 'Texaco Inc'),
        name('ORG', 'house', [60, 61], 'House'),
        name('ORG', 'house inc', [62], 'House Inc'),
        name('ORG', 'european community', range(20, 30), 'European Community'),
        name('ORG', 'ec', range(30, 40), 'EC'),
        name('ORG', 'organisation of petroleum exporting countries', [50, 51]),
        name('ORG', 'organiaation of petroleum exporting countries', [52]),
      ],
      [doc(20, 'ec', 'european community', 'ORG'), doc(21, 'ec', 'european community', 'ORG')],
    );
    const to = Object.fromEntries(r.links.map((l) => [l.from, `${l.to} (${l.rule})`]));
    expect(to).toEqual({
      'texaco inc': 'texaco (variant)',
      ec: 'european community (acronym)',
      'organiaation of petroleum exporting countries': 'organisation of petroleum exporting countries (typo)',
    });
  });

  it("joins one company's name under two legal forms of one kind that no document names together", () => {
    const r = resolveNames(
      [
        name('ORG', 'pennzoil co', range(1, 20), 'Pennzoil Co'),
        name('ORG', 'pennzoil company', [30], 'Pennzoil Company'),
        name('ORG', 'salomon inc', range(40, 50), 'Salomon Inc'),
        name('ORG', 'salomon sa', [60], 'Salomon SA'),
        name('ORG', 'communications inc', range(70, 75), 'Communications Inc'),
        name('ORG', 'communications corp', [80], 'Communications Corp'),
        name('ORG', 'di giorgio corp', range(90, 95), 'Di Giorgio Corp'),
        name('ORG', 'giorgio inc', [99], 'Giorgio Inc'),
      ],
      [],
      { isCommonWord: (w) => w === 'communications' },
    );
    // Salomon SA is a French company, Salomon Inc an American one; `Communications Corp` is a name
    // cut short; Giorgio Inc is not Di Giorgio Corp.
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`)).toEqual(['pennzoil company → pennzoil co (variant)']);
  });

  it('keeps a British company (`Plc`) apart from an American one of the same words (`Inc`, `Corp`)', () => {
    const r = resolveNames(
      [
        name('ORG', 'general electric co', range(1, 20), 'General Electric Co'),
        name('ORG', 'general electric corp', [20, 21], 'General Electric Corp'),
        name('ORG', 'general electric co plc', [30, 31, 32], 'General Electric Co Plc'),
        name('ORG', 'hanson trust', range(40, 50), 'Hanson Trust'),
        name('ORG', 'hanson trust plc', [50, 51], 'Hanson Trust Plc'),
      ],
      [],
    );
    const to = Object.fromEntries(r.links.map((l) => [l.from, `${l.to} (${l.rule})`]));
    // Was `general electric co plc` → `general electric co`.
    expect(to['general electric corp']).toBe('general electric co (variant)');
    expect(to['general electric co plc']).toBeUndefined();
    // A Plc with no Inc or Corp beside it is the company its other names are.
    expect(to['hanson trust plc']).toBe('hanson trust (variant)');
  });

  it("joins a holding's `Group` to its firm's name, not where a common word would be left", () => {
    const common = new Set(['bell', 'commerce']);
    const r = resolveNames(
      [
        name('ORG', 'usair', range(1, 20), 'USAir'),
        name('ORG', 'usair group inc', [20, 21, 22], 'USAir Group Inc'),
        name('ORG', 'royal dutch shell group', range(30, 40), 'Royal Dutch/Shell Group'),
        name('ORG', 'royal dutch shell', [41, 42], 'Royal Dutch/Shell'),
        name('ORG', 'azp group', [50, 51, 52], 'AZP Group'),
        name('ORG', 'azp group inc', [53], 'AZP Group Inc'),
        name('ORG', 'azp', [52], 'AZP'),
        name('ORG', 'bell', range(60, 70), 'Bell'),
        name('ORG', 'bell group ltd', [70, 71], 'Bell Group Ltd'),
        name('ORG', 'commerce group corp', [80], 'Commerce Group Corp'),
        name('ORG', 'commerce', [80, 81], 'Commerce'),
      ],
      [],
      { isCommonWord: (w) => common.has(w) },
    );
    const to = Object.fromEntries(r.links.map((l) => [l.from, l.to]));
    // Were apart: `USAir Group Inc` and `USAir`, `Royal Dutch/Shell` and `Royal Dutch/Shell Group`.
    expect(to['usair group inc']).toBe('usair');
    expect(to['royal dutch shell']).toBe('royal dutch shell group');
    // The group's own variants stay together, sharing no document with it or not.
    expect(to['azp group inc']).toBe('azp group');
    expect(to.azp).toBe('azp group');
    expect(to['bell group ltd']).toBeUndefined();
    expect(to['commerce group corp']).toBeUndefined();
  });

  it('joins a surname to the one full name the corpus has for it on one document of evidence, not a given name nor a common word', () => {
    const common = new Set(['good', 'an']);
    const r = resolveNames(
      [
        name('PERSON', 'bill clinton', [1, 2, 3], 'Bill Clinton'),
        name('PERSON', 'clinton', [3, 4, 5, 6], 'Clinton'),
        name('PERSON', 'michael david', [10, 11], 'Michael David'),
        name('PERSON', 'david drake', [12], 'David Drake'),
        name('PERSON', 'david', [11, 13, 14], 'David'),
        name('PERSON', 'daniel good', [20, 21], 'Daniel Good'),
        name('PERSON', 'good', [21, 22], 'Good'),
        name('PERSON', 'an ifo', [30], 'An Ifo'),
        name('PERSON', 'ifo', [30, 31], 'Ifo'),
      ],
      [
        doc(3, 'clinton', 'bill clinton'),
        doc(11, 'david', 'michael david'),
        doc(21, 'good', 'daniel good'),
        doc(30, 'ifo', 'an ifo'),
      ],
      { isCommonWord: (w) => common.has(w) },
    );
    const to = Object.fromEntries(r.links.map((l) => [l.from, l.to]));
    // Was a suspect only (two documents of evidence were needed).
    expect(to.clinton).toBe('bill clinton');
    expect(to.david).toBeUndefined();
    expect(to.good).toBeUndefined();
    expect(to.ifo).toBeUndefined();
  });

  it('names a misspelt pair in as many documents by the spelling whose surname other names share', () => {
    const r = resolveNames(
      [
        name('PERSON', 'mohammad akram', [1, 2, 3, 4], 'Mohammad Akram'),
        name('PERSON', 'mohammad akam', [5, 6, 7, 8], 'Mohammad Akam'),
        name('PERSON', 'wasim akram', [9], 'Wasim Akram'),
      ],
      [],
    );
    // Was the other way: the shorter key won the tie.
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`)).toContain('mohammad akam → mohammad akram (typo)');
  });

  it('joins a surname of two words to the one full name documents give it, and never without evidence', () => {
    const person = (text: string, key: string) => ({ type: 'PERSON', text, key });
    // A document's analysis gave `Bra Kanon` to the full name: evidence; a given name and surname are not.
    expect(
      documentEvidence('…', [
        person('Denis Bra Kanon', 'denis bra kanon'),
        person('Bra Kanon', 'denis bra kanon'),
        person('Denis Bra', 'denis bra kanon'),
      ]).map((e) => `${e.kind}: ${e.short} → ${e.long}`),
    ).toEqual(['document: bra kanon → denis bra kanon']);
    const r = resolveNames(
      [
        name('PERSON', 'denis bra kanon', range(1, 10), 'Denis Bra Kanon'),
        name('PERSON', 'bra kanon', range(10, 14), 'Bra Kanon'),
        // No document names both: two words that end a fuller name are not joined on their shape alone.
        name('PERSON', 'john michael smith', range(20, 25), 'John Michael Smith'),
        name('PERSON', 'michael smith', range(25, 30), 'Michael Smith'),
      ],
      [doc(1, 'bra kanon', 'denis bra kanon'), doc(2, 'bra kanon', 'denis bra kanon')],
    );
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`)).toEqual(['bra kanon → denis bra kanon (surname)']);
  });

  it('joins a familiar given name to the full one where the corpus shows one person, not where the surname is shared', () => {
    const r = resolveNames(
      [
        // Most documents naming a Wright in full name Jim or James Wright: one person.
        name('PERSON', 'jim wright', range(1, 30), 'Jim Wright'),
        name('PERSON', 'james wright', range(31, 40), 'James Wright'),
        name('PERSON', 'paul wright', [41, 42], 'Paul Wright'),
        // Millers are many: Jim and James are two people unless a document or a title joins them.
        name('PERSON', 'james miller', range(50, 65), 'James Miller'),
        name('PERSON', 'jim miller', [66, 67], 'Jim Miller'),
        name('PERSON', 'jeffrey miller', range(68, 75), 'Jeffrey Miller'),
        name('PERSON', 'george miller', range(76, 85), 'George Miller'),
        name('PERSON', 'bob dole', [90, 91], 'Bob Dole'),
        name('PERSON', 'sen bob dole', [92], 'Sen Bob Dole'),
        name('PERSON', 'sen robert dole', range(93, 99), 'Sen Robert Dole'),
        name('PERSON', 'robert dole', range(100, 110), 'Robert Dole'),
        name('PERSON', 'elizabeth dole', range(111, 130), 'Elizabeth Dole'),
      ],
      [],
    );
    const to = Object.fromEntries(r.links.map((l) => [l.from, l.to]));
    expect(to['james wright']).toBe('jim wright');
    expect(to['jim miller']).toBeUndefined();
    expect(to['james miller']).toBeUndefined();
    // `Sen Bob Dole` and `Sen Robert Dole` carry one title: one person.
    expect(to['bob dole']).toBe('robert dole');
    expect(to['elizabeth dole']).toBeUndefined();
  });

  it("joins a US state's abbreviation to the state, named in full even where the abbreviation is commoner", () => {
    const r = resolveNames(
      [
        name('PLACE', 'calif', range(1, 40), 'Calif'),
        name('PLACE', 'california', range(30, 60), 'California'),
        name('PLACE', 'pa', [70, 71], 'PA'),
        name('PLACE', 'pennsylvania', [72], 'Pennsylvania'),
        name('PLACE', 'wash', [80], 'Wash'),
        name('PLACE', 'washington', range(81, 99), 'Washington'),
        name('PLACE', 'fla', [90], 'Fla'),
        name('ORG', 'calif', [91], 'Calif'),
      ],
      [],
    );
    const to = Object.fromEntries(r.links.map((l) => [`${l.type} ${l.from}`, `${l.to} (${l.rule})`]));
    // Not Wash (Washington alone is the capital), nor a state the corpus never names in full, nor an ORG.
    expect(to).toEqual({ 'PLACE calif': 'california (variant)', 'PLACE pa': 'pennsylvania (variant)' });
  });

  it('joins an acronym to its long form over a rival one document gives, but not a surname', () => {
    // "General Motors (GM)" in six documents; one document cut the name as "Carmaker General Motors".
    const gm = [
      name('ORG', 'general motors corp', range(1, 40), 'General Motors Corp'),
      name('ORG', 'carmaker general motors', [50], 'Carmaker General Motors'),
      name('ORG', 'gm', range(30, 80), 'GM'),
      name('PERSON', 'thomas ward', range(100, 110)),
      name('PERSON', 'ward', range(105, 130)),
      name('PERSON', 'ward mccarthy', [130]),
    ];
    const evidence = [
      ...range(30, 36).map((d) => doc(d, 'gm', 'general motors corp', 'ORG')),
      doc(50, 'gm', 'carmaker general motors', 'ORG'),
      ...range(105, 110).map((d) => doc(d, 'ward', 'thomas ward')),
      doc(130, 'ward', 'ward mccarthy'),
    ];
    const r = resolveNames(gm, evidence);
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`)).toEqual(['gm → general motors corp (acronym)']);
  });

  it('joins a name with a middle initial to the name without, unless two initials share the name', () => {
    const r = resolveNames(
      [
        name('PERSON', 'martin sosnoff', range(1, 10)),
        name('PERSON', 'martin t sosnoff', [10, 11]),
        name('PERSON', 'john smith', range(20, 30)),
        name('PERSON', 'john a smith', [30]),
        name('PERSON', 'john b smith', [31]),
        name('PERSON', 'e f hutton', range(40, 45)),
        name('PERSON', 'ef hutton', [46]),
      ],
      [],
    );
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`).sort()).toEqual([
      'ef hutton → e f hutton (title)',
      'martin t sosnoff → martin sosnoff (title)',
    ]);
    expect(middleInitials('president martin t sosnoff')).toBe('t');
    expect(middleInitials('e f hutton')).toBe(''); // initials from the first word are how it is written
  });

  it('joins a given name written as its initial to the one full name it can be, named by the full name', () => {
    const r = resolveNames(
      [
        name('PERSON', 'boris yeltsin', range(1, 10)),
        name('PERSON', 'b yeltsin', [10]),
        // A scorecard writes the initial more often than the story writes the name.
        name('PERSON', 'alan mullally', [20]),
        name('PERSON', 'a mullally', range(21, 30)),
        // Two brothers: each initial finds its own.
        name('PERSON', 'andy flower', [40, 41]),
        name('PERSON', 'grant flower', [42, 43]),
        name('PERSON', 'a flower', [44]),
        name('PERSON', 'g flower', [45]),
        // Two of one initial: `J. Smith` may be either.
        name('PERSON', 'john smith', [50, 51]),
        name('PERSON', 'james smith', [52, 53]),
        name('PERSON', 'j smith', [54]),
      ],
      [],
    );
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`).sort()).toEqual([
      'a flower → andy flower (title)',
      'a mullally → alan mullally (title)',
      'b yeltsin → boris yeltsin (title)',
      'g flower → grant flower (title)',
    ]);
  });

  it('joins a full middle name to the name when the corpus writes its initial too, else keeps it apart', () => {
    const r = resolveNames(
      [
        name('PERSON', 'james kopp', range(1, 10)),
        name('PERSON', 'james c kopp', [10, 11]),
        name('PERSON', 'james charles kopp', [12, 13, 14]),
        name('PERSON', 'juan gonzalez', [20, 21]),
        name('PERSON', 'juan miguel gonzalez', range(22, 40)),
      ],
      [],
    );
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`).sort()).toEqual([
      'james c kopp → james kopp (title)',
      'james charles kopp → james kopp (title)',
    ]);
  });

  it("joins a misspelt company to its name whatever its legal form's block, never initials a letter apart", () => {
    // Four hundred other companies end in "corp": the block of the name's last letters is too large
    // to compare, so the misspelling must be found by the letters before the legal form.
    const word = (n: number) =>
      Array.from({ length: 5 }, (_, k) => String.fromCharCode(97 + (Math.floor(n / 26 ** k) % 26))).join('');
    const others = range(0, 450).map((i) => name('ORG', `${word(i)} ${word(1000 + i)} corp`, [1000 + i]));
    const r = resolveNames(
      [
        ...others,
        name('ORG', "standard and poor's corp", range(1, 20)),
        name('ORG', "strandard and poor's corp", [20]),
        name('ORG', 'general dynamics corp', range(30, 40)),
        name('ORG', 'genral dynamics corp', [40]),
        name('ORG', 'cpc international inc', range(50, 60)),
        name('ORG', 'cuc international inc', range(60, 65)),
        name('PERSON', 'robert halmi jr', [70, 71]),
        name('PERSON', 'robert halmi sr', [72]),
      ],
      [],
    );
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`).sort()).toEqual([
      'genral dynamics corp → general dynamics corp (typo)',
      "strandard and poor's corp → standard and poor's corp (typo)",
    ]);
  });

  it('joins a surname to a full name over a rival one document gives, unless the surname opens other names', () => {
    // Four documents give "Reagan" to Ronald Reagan, one to a mis-cut "Athough Reagan"; "Ward" is
    // also the given name of Ward McCarthy, so a rival of one document may be another person there.
    const names = [
      name('PERSON', 'ronald reagan', range(1, 5)),
      name('PERSON', 'athough reagan', [50]),
      name('PERSON', 'reagan', range(1, 40)),
      name('PERSON', 'thomas ward', range(100, 104)),
      name('PERSON', 'jack ward', [150]),
      name('PERSON', 'ward', range(100, 130)),
      name('PERSON', 'ward mccarthy', [160]),
    ];
    const evidence = [
      ...range(1, 5).map((d) => doc(d, 'reagan', 'ronald reagan')),
      doc(50, 'reagan', 'athough reagan'),
      ...range(100, 104).map((d) => doc(d, 'ward', 'thomas ward')),
      doc(150, 'ward', 'jack ward'),
    ];
    const r = resolveNames(names, evidence);
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`)).toEqual(['reagan → ronald reagan (surname)']);
  });

  it('takes a surname written under a title as the one full name written under that title', () => {
    // "President Reagan" alone in documents 10–99; "President Ronald Reagan" in 1–3; two documents
    // give "Reagan" to Ronald Reagan and one to Michael Reagan, never a president: two against one
    // would not do alone.
    const names = [
      name('PERSON', 'ronald reagan', range(1, 6)),
      name('PERSON', 'michael reagan', [200]),
      name('PERSON', 'reagan', range(1, 100)),
    ];
    const evidence: DocEvidence[] = [
      doc(1, 'reagan', 'ronald reagan'),
      doc(2, 'reagan', 'ronald reagan'),
      doc(200, 'reagan', 'michael reagan'),
    ];
    const titled = (d: number, key: string, title: string): DocEvidence => ({
      ...doc(d, key, title),
      kind: 'title',
    });
    const without = resolveNames(names, evidence);
    expect(without.links).toEqual([]);
    const r = resolveNames(names, [
      ...evidence,
      ...range(1, 4).map((d) => titled(d, 'ronald reagan', 'President')),
      ...range(10, 100).map((d) => titled(d, 'reagan', 'President')),
    ]);
    expect(r.links.map((l) => `${l.from} → ${l.to} (${l.rule})`)).toEqual(['reagan → ronald reagan (surname)']);
    expect(r.links[0].detail).toMatch(/the same title: President reagan, as President ronald reagan/);
    // A title both full names are written under tells them apart no better than the name.
    const both = resolveNames(names, [
      ...evidence,
      ...range(1, 4).map((d) => titled(d, 'ronald reagan', 'President')),
      titled(200, 'michael reagan', 'President'),
      ...range(10, 100).map((d) => titled(d, 'reagan', 'President')),
    ]);
    expect(both.links).toEqual([]);
  });

  it('joins a clipped word to the full name it is named beside far more often, never by context', () => {
    // `Fed` beside `Federal Reserve` in 24 documents and beside the `Federal Open Market Committee`
    // in 6; the committee's stories and ten stories of `Fed` alone all name Paris and Tokyo.
    const names = (committeeBeside: number[]) => [
      name('ORG', 'fed', range(1, 40), 'Fed'),
      name('ORG', 'federal reserve', range(1, 25), 'Federal Reserve'),
      name('ORG', 'federal open market committee', [...committeeBeside, ...range(100, 110)]),
      name('PLACE', 'paris', [...range(20, 26), ...range(30, 40), ...range(100, 110)]),
      name('PLACE', 'tokyo', [...range(20, 26), ...range(30, 40), ...range(100, 110)]),
      name('COUNTRY', 'united states', range(1, 110)),
    ];
    const r = resolveNames(names(range(20, 26)), []);
    expect(r.links.filter((l) => l.from === 'fed').map((l) => `${l.to} (${l.rule})`)).toEqual([
      'federal reserve (short form)',
    ]);
    expect(r.docLinks).toEqual([]);
    // Beside the committee in 13 of them: no full name stands out, and context gives it no document.
    const close = resolveNames(names(range(12, 25)), []);
    expect(close.links.filter((l) => l.from === 'fed')).toEqual([]);
    expect(close.docLinks).toEqual([]);
  });

  it('gives a surname to the dominant full name, leaves a disputed one to context, and never a first name', () => {
    // Documents 1–20 say "Reagan" with "Ronald Reagan"; 100–129 say "Baker" with James Baker,
    // 200–209 with Howard Baker; 300–302 only "Baker", each beside one or the other's company.
    const names: NameStat[] = [
      name('PERSON', 'ronald reagan', range(1, 21)),
      name('PERSON', 'reagan', range(21, 60)),
      name('PERSON', 'paul volcker', range(60, 70)),
      name('PERSON', 'paul', [70, 71, 72]),
      name('PERSON', 'james baker', range(100, 130)),
      name('PERSON', 'howard baker', range(200, 210)),
      name('PERSON', 'baker', [300, 301, 302]),
      name('ORG', 'treasury', [...range(100, 130), 300]),
      name('ORG', 'white house', [...range(200, 210), 301]),
      name('ORG', 'congress', [302, 1, 100, 200]),
    ];
    const evidence = [
      ...range(1, 21).map((d) => doc(d, 'reagan', 'ronald reagan')),
      ...range(100, 130).map((d) => doc(d, 'baker', 'james baker')),
      ...range(200, 210).map((d) => doc(d, 'baker', 'howard baker')),
    ];
    const r = resolveNames(names, evidence);
    expect(r.links.map((l) => `${l.from} → ${l.to}`)).toEqual(['reagan → ronald reagan']);
    expect(r.docLinks.map((l) => `${l.doc} ${l.from} → ${l.to}`)).toEqual([
      '300 baker → james baker',
      '301 baker → howard baker',
    ]);
    expect(r.suspects.some((s) => s.aKey === 'baker' && /ambiguous/.test(s.reason))).toBe(true);

    // The same names in another order give the same answer.
    const again = resolveNames([...names].reverse(), [...evidence].reverse());
    expect(again.links).toEqual(r.links);
    expect(again.docLinks).toEqual(r.docLinks);

    // A name the user placed is never linked.
    expect(resolveNames(names, evidence, { fixed: new Set(['PERSON\u0000reagan']) }).links).toEqual([]);
  });
});

describe('an organisation in an event title', () => {
  it('goes by its acronym only where the corpus mostly writes the acronym', () => {
    const opec = 'Organisation of Petroleum Exporting Countries';
    expect(acronymAliases(opec, ['OPEC', 'Opec', 'Organiaation of Petroleum Exporting Countries'])).toEqual(['OPEC']);
    expect(
      headlineName(
        opec,
        ['OPEC'],
        new Map([
          ['OPEC', 50],
          [opec, 4],
        ]),
      ),
    ).toBe('OPEC');
    const sec = 'Securities and Exchange Commission';
    expect(
      headlineName(
        sec,
        ['SEC'],
        new Map([
          ['SEC', 36],
          [sec, 50],
          ['Commission', 14],
        ]),
      ),
    ).toBe(sec);
    expect(mayGoByAcronym('ORG', 'European Community')).toBe(false);
    expect(mayGoByAcronym('COUNTRY', 'United Arab Emirates')).toBe(false);
  });
});
