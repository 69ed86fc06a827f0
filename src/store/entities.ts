import { createRequire } from 'node:module';
import { UserError } from '../core/errors.js';
import { aliasKey } from '../core/alias-key.js';
import type { EntityType } from '../core/types.js';
import { handle, sqlite, type Db, type Store } from './db.js';

export interface EntitySummary {
  id: number;
  type: string;
  name: string;
  mentions: number;
  documents: number;
  aliases: string[];
}

export interface EntityDetail extends EntitySummary {
  lat: number | null;
  lon: number | null;
  documentList: { id: number; title: string | null; date: string | null; path: string | null; mentions: number }[];
  related: { name: string; type: string; sentences: number }[];
}

export interface ListOptions {
  type?: string;
  limit?: number;
}

/** Canonical entities with their mention and document counts, most mentioned first. */
export function listEntities(store: Store, options: ListOptions = {}): EntitySummary[] {
  const db = sqlite(store);
  const rows = db
    .prepare(
      `SELECT e.id, e.type, e.name, count(*) AS mentions, count(DISTINCT m.doc_id) AS documents
       FROM entities e JOIN mentions m ON m.entity_id = e.id
       ${options.type ? 'WHERE e.type = ?' : ''}
       GROUP BY e.id ORDER BY mentions DESC, e.name LIMIT ?`,
    )
    .all(...(options.type ? [options.type] : []), options.limit ?? -1) as Omit<EntitySummary, 'aliases'>[];
  const aliasesOf = db.prepare('SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias').pluck();
  return rows.map((r) => ({ ...r, aliases: (aliasesOf.all(r.id) as string[]).filter((a) => a !== r.name) }));
}

/**
 * The entities a name (any alias, any case or hyphenation) may refer to: most mentioned first, then
 * one whose own name it is. Every command that takes an entity name resolves it here.
 */
export function resolveEntities(store: Store, name: string, type?: string): { id: number; type: EntityType; name: string }[] {
  const db = sqlite(store);
  const key = aliasKey(name);
  if (key === '') return [];
  return db
    .prepare(
      `SELECT e.id, e.type, e.name FROM entities e
       WHERE e.id IN (SELECT entity_id FROM aliases WHERE key = @key UNION SELECT id FROM entities WHERE key = @key)
         ${type ? 'AND e.type = @type' : ''}
       ORDER BY (SELECT count(*) FROM mentions WHERE entity_id = e.id) DESC, e.key = @key DESC, e.id`,
    )
    .all(type ? { key, type } : { key }) as { id: number; type: EntityType; name: string }[];
}

export function entityDetail(store: Store, id: number): EntityDetail {
  const db = sqlite(store);
  const base = db
    .prepare(
      `SELECT e.id, e.type, e.name, e.lat, e.lon, count(m.id) AS mentions, count(DISTINCT m.doc_id) AS documents
       FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id WHERE e.id = ? GROUP BY e.id`,
    )
    .get(id) as Omit<EntityDetail, 'aliases' | 'documentList' | 'related'>;
  return {
    ...base,
    aliases: (db.prepare('SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias').pluck().all(id) as string[]).filter(
      (a) => a !== base.name,
    ),
    documentList: db
      .prepare(
        `SELECT d.id, d.title, d.date, (SELECT min(path) FROM paths WHERE doc_id = d.id) AS path, count(*) AS mentions
         FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?
         GROUP BY d.id ORDER BY d.date DESC, d.id LIMIT 50`,
      )
      .all(id) as EntityDetail['documentList'],
    related: db
      .prepare(
        `SELECT e.name, e.type, count(DISTINCT m2.doc_id || ':' || m2.sentence) AS sentences
         FROM mentions m1
         JOIN mentions m2 ON m2.doc_id = m1.doc_id AND m2.sentence = m1.sentence AND m2.entity_id != m1.entity_id
         JOIN entities e ON e.id = m2.entity_id
         WHERE m1.entity_id = ? GROUP BY e.id ORDER BY sentences DESC, e.name LIMIT 10`,
      )
      .all(id) as EntityDetail['related'],
  };
}

function single(db: Db, name: string): { id: number; type: string; name: string; key: string } {
  const found = resolveEntities(handle(db), name);
  if (found.length === 0) throw new UserError(`no entity called '${name}'`, 1);
  const [first] = found;
  return db.prepare('SELECT id, type, name, key FROM entities WHERE id = ?').get(first.id) as {
    id: number;
    type: string;
    name: string;
    key: string;
  };
}

/**
 * Merge entity `from` into `into`: its mentions, aliases and event roles move over, and an override
 * makes every later ingest resolve `from` to `into` as well.
 */
export function mergeEntities(store: Store, fromName: string, intoName: string): { from: string; into: string } {
  const db = sqlite(store);
  const from = single(db, fromName);
  const into = single(db, intoName);
  if (from.id === into.id) throw new UserError(`'${fromName}' and '${intoName}' are already one entity (${into.name})`, 1);
  if (from.type !== into.type) throw new UserError(`cannot merge ${from.type} '${from.name}' into ${into.type} '${into.name}'`, 1);
  db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO entity_overrides (type, from_key, from_name, to_key) VALUES (?, ?, ?, ?)').run(
      from.type,
      from.key,
      from.name,
      into.key,
    );
    db.prepare('UPDATE entity_overrides SET to_key = ? WHERE type = ? AND to_key = ?').run(into.key, from.type, from.key);
    db.prepare('UPDATE mentions SET entity_id = ? WHERE entity_id = ?').run(into.id, from.id);
    db.prepare('UPDATE OR IGNORE aliases SET entity_id = ? WHERE entity_id = ?').run(into.id, from.id);
    db.prepare('UPDATE OR IGNORE event_participants SET entity_id = ? WHERE entity_id = ?').run(into.id, from.id);
    db.prepare('UPDATE events SET place_id = ? WHERE place_id = ?').run(into.id, from.id);
    db.prepare('DELETE FROM event_participants WHERE entity_id = ?').run(from.id);
    db.prepare('DELETE FROM entities WHERE id = ?').run(from.id);
  })();
  return { from: from.name, into: into.name };
}

/** Undo a merge: the mentions the analyzer gave to `name` get their own entity back. */
export function unmergeEntity(store: Store, name: string): { restored: string; from: string } {
  const db = sqlite(store);
  const key = aliasKey(name);
  const override = db.prepare('SELECT type, from_key, from_name, to_key FROM entity_overrides WHERE from_key = ?').get(key) as
    | { type: string; from_key: string; from_name: string; to_key: string }
    | undefined;
  if (!override) throw new UserError(`'${name}' was not merged into another entity`, 1);
  const target = db.prepare('SELECT id, name FROM entities WHERE type = ? AND key = ?').get(override.type, override.to_key) as
    | { id: number; name: string }
    | undefined;
  db.transaction(() => {
    db.prepare('DELETE FROM entity_overrides WHERE type = ? AND from_key = ?').run(override.type, override.from_key);
    const id = Number(
      db
        .prepare('INSERT INTO entities (type, name, key) VALUES (?, ?, ?)')
        .run(override.type, override.from_name, override.from_key).lastInsertRowid,
    );
    db.prepare('INSERT OR IGNORE INTO aliases (key, entity_id, alias) VALUES (?, ?, ?)').run(override.from_key, id, override.from_name);
    if (target) {
      db.prepare('UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND orig_key = ?').run(id, target.id, override.from_key);
      // Surface forms seen only in the restored mentions belong to the restored entity.
      const forms = db.prepare('SELECT DISTINCT text FROM mentions WHERE entity_id = ?').pluck().all(id) as string[];
      const stillTarget = new Set(
        (db.prepare('SELECT DISTINCT text FROM mentions WHERE entity_id = ?').pluck().all(target.id) as string[]).map(aliasKey),
      );
      for (const form of forms) {
        const formKey = aliasKey(form);
        db.prepare('INSERT OR IGNORE INTO aliases (key, entity_id, alias) VALUES (?, ?, ?)').run(formKey, id, form);
        if (!stillTarget.has(formKey) && formKey !== aliasKey(target.name)) {
          db.prepare('DELETE FROM aliases WHERE key = ? AND entity_id = ?').run(formKey, target.id);
        }
      }
    }
  })();
  return { restored: override.from_name, from: target?.name ?? override.to_key };
}

export interface Suspect {
  a: string;
  b: string;
  type: string;
  reason: string;
}

/**
 * Pairs of entities that are probably one: names equal but for spacing, one name the surname of a
 * fuller one, or names one letter apart. Candidates are blocked by a shared key so this stays
 * near-linear on large corpora.
 */
export function suspectDuplicates(store: Store, limit = 50): Suspect[] {
  const db = sqlite(store);
  const entities = db
    .prepare('SELECT e.id, e.type, e.name, e.key FROM entities e WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)')
    .all() as { id: number; type: string; name: string; key: string }[];
  const suspects: Suspect[] = [];
  const seen = new Set<string>();
  const add = (x: (typeof entities)[0], y: (typeof entities)[0], reason: string) => {
    const pair = x.id < y.id ? `${x.id}:${y.id}` : `${y.id}:${x.id}`;
    if (x.id === y.id || seen.has(pair)) return;
    seen.add(pair);
    suspects.push({ a: x.name, b: y.name, type: x.type, reason });
  };
  const groups = new Map<string, (typeof entities)[0][]>();
  const push = (k: string, e: (typeof entities)[0]) => {
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  };
  for (const e of entities) {
    push(`squash\u0000${e.type}\u0000${e.key.replace(/ /g, '')}`, e);
    if (e.type === 'PERSON') push(`surname\u0000${e.key.split(' ').pop()}`, e);
    push(`name\u0000${e.key}`, e);
  }
  for (const [k, list] of groups) {
    if (list.length < 2 || list.length > 50) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i], list[j]];
        if (k.startsWith('squash')) add(x, y, 'same name but for spacing or punctuation');
        else if (k.startsWith('name') && x.type !== y.type) add(x, y, `same name as ${x.type} and ${y.type}`);
        else if (k.startsWith('surname') && (x.key.split(' ').length === 1) !== (y.key.split(' ').length === 1)) {
          add(x, y, 'one is the surname of the other');
        }
      }
    }
  }
  const byPrefix = new Map<string, (typeof entities)[0][]>();
  for (const e of entities) {
    if (e.key.length < 6) continue;
    const k = `${e.type}\u0000${e.key.slice(0, 3)}`;
    const list = byPrefix.get(k);
    if (list) list.push(e);
    else byPrefix.set(k, [e]);
  }
  for (const list of byPrefix.values()) {
    if (list.length > 200) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (withinOneEdit(list[i].key, list[j].key)) add(list[i], list[j], 'names one letter apart');
      }
    }
  }
  return suspects.slice(0, limit);
}

type Distance = (a: string, b: string, options?: { restricted?: boolean }) => number;
let damerauLevenshtein: Distance | null = null;

/** One insertion, deletion, substitution or transposition apart (`Gaddafi` / `Gadafi`). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  // Only natural's distance module, and only when suspects are asked for: the whole package takes
  // ~0.4 s to import and prints to stdout, and `timeline` shares this module's entity lookup.
  damerauLevenshtein ??= (createRequire(import.meta.url)('natural/lib/natural/distance/levenshtein_distance') as { DamerauLevenshteinDistance: Distance })
    .DamerauLevenshteinDistance;
  return damerauLevenshtein(a, b, { restricted: true }) <= 1;
}
