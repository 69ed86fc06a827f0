import { describe, expect, it } from 'vitest';
import {
  countryByDemonym,
  countryByName,
  countryOfPlace,
  isCountrySurface,
  notYetAState,
  placeInfo,
} from '../src/nlp/gazetteer.js';
import { analyze } from '../src/nlp/analyze.js';

describe('gazetteer', () => {
  it('knows countries by name, official name, abbreviation and short form', () => {
    const cases: [string, string][] = [
      ['DPRK', 'North Korea'],
      ["Democratic People's Republic of Korea", 'North Korea'],
      ['ROK', 'South Korea'],
      ['Republic of Korea', 'South Korea'],
      ['U.S.', 'United States'],
      ['US', 'United States'],
      ['America', 'United States'],
      ['Britain', 'United Kingdom'],
      ['Burma', 'Myanmar'],
      // Short and former names news writes (`Bosnia` was a PLACE, so a Bosnian election was the
      // election of the only country its report named, the United States).
      ['Bosnia', 'Bosnia and Herzegovina'],
      ['Kampuchea', 'Cambodia'],
      ['Trinidad', 'Trinidad and Tobago'],
      ['St. Lucia', 'Saint Lucia'],
      ['Byelorussia', 'Belarus'],
    ];
    for (const [alias, name] of cases) expect(countryByName(alias)?.name, alias).toBe(name);
  });

  it('keeps the states of 1987 that no longer exist', () => {
    expect(countryByName('USSR')?.name).toBe('Soviet Union');
    expect(countryByName('Soviet Union')?.sovereign).toBe(true);
    expect(countryByName('West Germany')?.name).toBe('West Germany');
    // Built by tools/build-gazetteer.ts (was only in model/countries.json, lost on a rebuild).
    expect(countryByName('West Germany')?.alsoNamed).toEqual(['Germany', 'Bundesrepublik Deutschland']);
  });

  it("knows when today's states came to be, so that news of before names a region (`Georgia` in 1987)", () => {
    expect(notYetAState('Georgia', '1987-03-02')).toBe(true);
    expect(notYetAState('Georgia', '1996-08-30')).toBe(false);
    expect(notYetAState('Serbia', '1996-08-30')).toBe(true);
    expect(notYetAState('Japan', '1987-03-02')).toBe(false);
    expect(notYetAState('Georgia', null)).toBe(false);
    // As a 1987 story writes it: a region (the US state here), no country; a 1996 one, the country.
    const typeOf = (text: string, date: string) =>
      analyze({ body: text, date, dateSource: 'flag', dateline: null }).mentions.find((m) => m.text === 'Georgia')
        ?.type;
    expect(typeOf('A telephone company of LaFayette, Georgia, was acquired.', '1987-03-02')).toBe('PLACE');
    expect(typeOf('Georgia and Ukraine signed a treaty.', '1996-08-01')).toBe('COUNTRY');
  });

  it('knows a country the package renamed by the name news writes (`Turkey`, now `Türkiye` there)', () => {
    expect(countryByName('Turkey')?.cca2).toBe('TR');
    expect(countryByName('Türkiye')?.cca2).toBe('TR');
    expect(isCountrySurface('Turkey')).toBe(true);
  });

  it("gives a dateline's place its country, as the document's day knew it", () => {
    expect(countryOfPlace('MANILA', '1987-05-12')).toBe('Philippines');
    expect(countryOfPlace('BONN', '1987-03-02')).toBe('West Germany');
    expect(countryOfPlace('Houston', null)).toBe('United States');
    expect(countryOfPlace('Japan', null)).toBe('Japan');
    expect(countryOfPlace('Nowhereville', null)).toBeNull();
  });

  it('tells dependencies from sovereign states', () => {
    expect(countryByName('Puerto Rico')?.sovereign).toBe(false);
    expect(countryByName('Japan')?.sovereign).toBe(true);
  });

  it('matches country surfaces exactly as written', () => {
    expect(isCountrySurface('ROK')).toBe(true);
    expect(isCountrySurface('rok')).toBe(false);
    expect(isCountrySurface('Pacific')).toBe(false);
  });

  it('maps demonyms to their country', () => {
    expect(countryByDemonym('Japanese')?.name).toBe('Japan');
    expect(countryByDemonym('North Korean')?.name).toBe('North Korea');
    expect(countryByDemonym('West German')?.name).toBe('West Germany');
    expect(countryByDemonym('East German')?.name).toBe('East Germany');
  });

  it('gives coordinates for cities and regions, and null for unknown names', () => {
    const hanoi = placeInfo('Hanoi')!;
    expect(hanoi.name).toBe('Hanoi');
    expect(hanoi.lat).toBeCloseTo(21.0, 0);
    expect(hanoi.lon).toBeCloseTo(105.8, 0);
    expect(placeInfo('WARSAW')?.country).toBe('PL');
    expect(placeInfo('Middle East')?.name).toBe('Middle East');
    expect(placeInfo('Qwxzy')).toBeNull();
    // "Washington, D.C." answers to "Washington", and outranks the smaller towns of that name.
    expect(placeInfo('Washington')?.country).toBe('US');
  });
});
