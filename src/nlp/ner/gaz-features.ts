import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allPlaces, countryIndex } from '../gazetteer.js';
import { tokenize } from '../tokenize.js';
import { modelDir } from './model-dir.js';

/*
 * Gazetteer membership as a feature of each token: the longest gazetteer name that covers the
 * token, tagged with its category and the token's position in it. Names are matched on lower-cased
 * token sequences whose first and last token are capitalised in the text.
 */

export const enum Gaz {
  None = 0,
  Country = 1,
  Demonym = 2,
  City = 3,
  BigCity = 4,
  Region = 5,
}
export const GAZ_CATEGORIES = 6;

interface Entry {
  rest: string[];
  cat: Gaz;
}

let index: Map<string, Entry[]> | null = null;

/**
 * Every gazetteer name as its lower-cased tokens joined by spaces, with its category; a name in two
 * categories keeps the most specific one (country over city: "Mexico"). Computed at build time
 * (tools/build-gazetteer.ts writes model/gaz-index.tsv) since it tokenizes ~25,000 names; `leaveOut`
 * names places that are not to be features.
 */
export function gazetteerEntries(leaveOut: ReadonlySet<string> = new Set()): [string, Gaz][] {
  const best = new Map<string, Gaz>();
  const add = (name: string, cat: Gaz) => {
    const words = tokenize(name).tokens.map((t) => t.text.toLowerCase());
    if (!words.length || words.length > 6) return;
    const key = words.join(' ');
    const prev = best.get(key);
    if (prev === undefined || cat < prev) best.set(key, cat);
  };
  for (const c of countryIndex().list) {
    for (const a of c.aliases) add(a, c.sovereign ? Gaz.Country : Gaz.City);
    for (const d of c.demonyms) add(d, Gaz.Demonym);
  }
  for (const p of allPlaces()) if (!(p.country === '' && leaveOut.has(p.name))) add(p.name, p.country === '' ? Gaz.Region : p.population >= 300000 ? Gaz.BigCity : Gaz.City);
  return [...best.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function gazIndex(): Map<string, Entry[]> {
  if (index) return index;
  const path = join(modelDir(), 'gaz-index.tsv');
  const entries: [string, Gaz][] = existsSync(path)
    ? readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(2), Number(line[0]) as Gaz])
    : gazetteerEntries();
  const idx = new Map<string, Entry[]>();
  for (const [key, cat] of entries) {
    const words = key.split(' ');
    let list = idx.get(words[0]);
    if (!list) idx.set(words[0], (list = []));
    list.push({ rest: words.slice(1), cat });
  }
  for (const list of idx.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  index = idx;
  return idx;
}

function capitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0].toLowerCase());
}

/**
 * Per token: 0 when no gazetteer name covers it, else `cat * 4 + pos` with pos 0 = single-token
 * name, 1 = first, 2 = inside, 3 = last token of a longer name.
 */
export function gazetteerTags(words: string[], lower: string[]): Uint8Array {
  const idx = gazIndex();
  const tags = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    if (!capitalised(words[i])) continue;
    const list = idx.get(lower[i]);
    if (!list) continue;
    for (const e of list) {
      const n = e.rest.length;
      if (i + n >= words.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = lower[i + 1 + k] === e.rest[k];
      if (!ok || (n > 0 && !capitalised(words[i + n]))) continue;
      if (n === 0) tags[i] = e.cat * 4;
      else {
        tags[i] = e.cat * 4 + 1;
        for (let k = 1; k < n; k++) tags[i + k] = e.cat * 4 + 2;
        tags[i + n] = e.cat * 4 + 3;
      }
      i += n;
      break;
    }
  }
  return tags;
}
