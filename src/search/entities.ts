/**
 * Finding entities and events by a name someone typed: by folded key in `aliases` (every surface
 * form seen, gazetteer aliases) and `entities`, and by folded name in `events`.
 */
import type { Store } from '../store/db.js';
import {
  entitiesByKeys,
  entityNamesStartingWith,
  eventsByLowerName,
  mentionCounts,
  type NamedRow,
} from '../store/search.js';
import { aliasKey } from '../core/alias-key.js';
import { canonicalName } from '../nlp/aliases.js';
import { UserError } from '../core/errors.js';
import { typedMatchesAlias } from '../store/entities.js';
import type { ResolvedEntity, SearchEntityType } from './types.js';
import { compileQuery, describeQuery } from './query.js';
import { correctQuery, suggestCommoner } from './typos.js';

/**
 * Everything each key names. One query per table whatever the number of keys, so looking up all
 * the n-grams of a query stays cheap. Events have no alias table and no index on their names:
 * `eventNames` (lower-cased text → the key it stands for) are matched against lower(name) in one
 * scan, and only when given.
 */
export function lookupKeys(
  db: Store,
  keys: string[],
  eventNames: Map<string, string> = new Map(),
  typed?: Map<string, string>,
): Map<string, (ResolvedEntity & { canonical: boolean })[]> {
  const out = new Map<string, (ResolvedEntity & { canonical: boolean })[]>();
  const unique = [...new Set(keys.filter((k) => k.length > 0))];
  if (unique.length === 0 && eventNames.size === 0) return out;
  const rows: NamedRow[] = entitiesByKeys(db, unique);
  if (eventNames.size > 0) {
    const events = eventsByLowerName(db, [...eventNames.keys()]);
    for (const e of events)
      rows.push({
        key: eventNames.get(e.text) ?? e.text,
        id: e.id,
        type: 'EVENT',
        name: e.name,
        canonical: 1,
        alias: e.name,
      });
  }
  for (const row of rows) {
    // Short names match only as written: `US` is the United States, `us` is not (typedMatchesAlias).
    const text = typed?.get(row.key);
    if (text !== undefined && row.type !== 'EVENT' && !typedMatchesAlias(text, row.alias)) continue;
    const list = out.get(row.key) ?? [];
    if (list.some((e) => e.id === row.id && e.kind === (row.type === 'EVENT' ? 'event' : 'entity'))) continue;
    list.push({
      id: row.id,
      kind: row.type === 'EVENT' ? 'event' : 'entity',
      type: row.type as SearchEntityType,
      name: row.name,
      canonical: row.canonical === 1,
    });
    out.set(row.key, list);
  }
  return out;
}

type Found = Map<string, (ResolvedEntity & { canonical: boolean })[]>;

/**
 * For typed names the database knows under no alias, the gazetteer's canonical name (`DPRK` →
 * North Korea, `USSR` → Soviet Union), so a corpus that never says "DPRK" still answers it. Only
 * for text with a capital letter — names typed as names — since the gazetteer costs a few ms to load
 * (`anyCase` for --entity, which is a name whatever its case).
 */
export function addGazetteerNames(db: Store, found: Found, texts: Map<string, string>, anyCase = false): void {
  const fallback = new Map<string, string>();
  for (const [key, text] of texts) {
    if (found.has(key) || key.length < 2 || !(anyCase || /\p{Lu}/u.test(text))) continue;
    const canonical = aliasKey(canonicalName(text));
    if (canonical !== key) fallback.set(key, canonical);
  }
  if (fallback.size === 0) return;
  const more = lookupKeys(db, [...new Set(fallback.values())]);
  for (const [key, canonical] of fallback) {
    const list = more.get(canonical);
    if (list)
      found.set(
        key,
        list.map((e) => ({ ...e, canonical: false })),
      );
  }
}

/** A name's usual meaning wins without asking when it has this many times the mentions of the next. */
const DOMINANCE = 5;

/**
 * What `--entity NAME` means: the entities whose name or alias is NAME (of `type` when given).
 * An exact name wins over an alias. No matches when nothing has that name. When the name fits
 * entities of several types, the one mentioned far more often is taken (with a notice saying so);
 * otherwise it is a usage error that lists them, so the user can add `--type`.
 */
export function resolveEntityFilter(
  db: Store,
  name: string,
  type?: SearchEntityType,
): { matches: ResolvedEntity[]; notice: string | null } {
  const key = aliasKey(name);
  const eventNames =
    !type || type === 'EVENT'
      ? new Map([
          [name.trim().toLowerCase(), key],
          [key, key],
        ])
      : new Map<string, string>();
  const all = lookupKeys(db, [key], eventNames, new Map([[key, name.trim()]]));
  addGazetteerNames(db, all, new Map([[key, name.trim()]]), true);
  let found = all.get(key) ?? [];
  if (type) found = found.filter((e) => e.type === type);
  // A name that is an entity's whole name means that entity, over those that only go by it as an
  // alias — unless the former are a few stray mentions beside the one most reports mean: `--entity
  // Greenspan` was 'ambiguous' between a PLACE and an ORG named Greenspan of one mention each, and
  // never offered Alan Greenspan, whom `entity Greenspan` and `timeline Greenspan` find.
  // Mentions of a list of them, summed; counted once, when first needed, for every candidate.
  let counts: Map<string, number> | undefined;
  const candidates = found;
  const mentionsOf = (list: typeof found) => {
    counts ??= mentionCounts(db, candidates);
    return list.reduce((n, e) => n + (counts!.get(`${e.kind}:${e.id}`) ?? 0), 0);
  };
  const canonical = found.filter((e) => e.canonical);
  if (canonical.length > 0 && canonical.length < found.length) {
    if (mentionsOf(canonical) * DOMINANCE >= mentionsOf(found.filter((e) => !e.canonical))) found = canonical;
  }
  const strip = (list: typeof found): ResolvedEntity[] =>
    list.map(({ id, kind, type: t, name: n }) => ({ id, kind, type: t, name: n }));
  const types = [...new Set(found.map((e) => e.type))];
  if (types.length <= 1) return { matches: strip(found), notice: null };
  const byType = types
    .map((t) => ({ type: t, mentions: mentionsOf(found.filter((e) => e.type === t)) }))
    .sort((a, b) => b.mentions - a.mentions);
  const list = found.map((e) => `${e.name} (${e.type})`).join(', ');
  if (byType[0].mentions < DOMINANCE * Math.max(1, byType[1].mentions)) {
    throw new UserError(`entity '${name}' is ambiguous: ${list}; add --type ${types.join('|')}`);
  }
  const others = byType
    .slice(1)
    .map((t) => `${t.type} (${t.mentions})`)
    .join(', ');
  return {
    matches: strip(found.filter((e) => e.type === byType[0].type)),
    notice: `--entity ${name} taken as ${byType[0].type} (${byType[0].mentions} mentions), not ${others}; add --type to choose`,
  };
}

/**
 * A few entity names close to what was typed, for "did you mean": names that start so, or else the
 * name with its words corrected as a search corrects them (`Paul Volker` → Paul Volcker: `Volker`
 * is in two articles, `Volcker` in a hundred).
 */
export function similarEntityNames(db: Store, name: string, limit = 3): string[] {
  const key = aliasKey(name);
  if (key.length === 0) return [];
  const started = entityNamesStartingWith(db, key, limit);
  if (started.length > 0) return started;
  const typed = compileQuery(name);
  const known = correctQuery(db, typed)?.query ?? typed;
  const corrected = suggestCommoner(db, known)?.query ?? known;
  return corrected === typed ? [] : entityNamesStartingWith(db, aliasKey(describeQuery(corrected)), limit);
}

/** Why a name finds nothing, naming the closest entities if there are any. */
export function unknownEntityMessage(db: Store, name: string, type?: string, noun = 'entity'): string {
  const similar = similarEntityNames(db, name).filter((n) => aliasKey(n) !== aliasKey(name));
  return (
    `no ${noun} named '${name}'${type ? ` of type ${type}` : ''}` +
    (similar.length > 0 ? ` (did you mean ${similar.map((n) => `'${n}'`).join(', ')}?)` : '')
  );
}
