import { storedValue } from './errors.js';
import { aliasKey } from '../core/alias-key.js';
import { UnknownEntityError, UserError } from '../core/errors.js';
import type { EntityType } from '../core/types.js';
import { type Db, handle, type Store, sqlite } from './db.js';
import { linksOf, loadSuspects } from './resolution.js';
import { statement } from './statements.js';
import { entitySentences } from './counts.js';

export interface EntitySummary {
  id: number;
  type: string;
  name: string;
  mentions: number;
  documents: number;
  aliases: string[];
}

export interface EntityDocument {
  id: number;
  externalId: string | null;
  date: string | null;
  title: string | null;
  path: string | null;
  mentions: number;
}

/** An entity named in the same sentences, ranked by log-likelihood (G²) of the association, not raw counts. */
export interface Associate {
  id: number;
  name: string;
  type: string;
  /** Sentences that name both. */
  sentences: number;
  /** Dunning's log-likelihood ratio G²: how far from chance the two are named together. */
  score: number;
}

export interface EntityDetail extends EntitySummary {
  lat: number | null;
  lon: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
  /** How many of `documents` are in `documentList` (`--limit`). */
  documentList: EntityDocument[];
  related: Associate[];
}

export interface ListOptions {
  type?: string;
  limit?: number;
}

const aliasList = (db: Db, id: number, name: string): string[] =>
  (db.prepare('SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias').pluck().all(id) as string[]).filter(
    (a) => a !== name,
  );

/**
 * Canonical entities with their mention and document counts, most mentioned first (counts kept by the
 * resolution). CROSS JOIN keeps SQLite walking entity_stats in mention order, so `--type X --limit N`
 * stops after N of that type instead of sorting every entity of the type.
 */
export function listEntities(store: Store, options: ListOptions = {}): EntitySummary[] {
  const db = sqlite(store);
  const rows = db
    .prepare(
      `SELECT e.id, e.type, e.name, s.mentions, s.documents
       FROM entity_stats s INDEXED BY entity_stats_mentions CROSS JOIN entities e ON e.id = s.entity_id
       ${options.type ? 'WHERE e.type = ?' : ''}
       ORDER BY s.mentions DESC, e.name LIMIT ?`,
    )
    .all(...(options.type ? [options.type] : []), options.limit ?? -1) as Omit<EntitySummary, 'aliases'>[];
  return rows.map((r) => ({ ...r, aliases: aliasList(db, r.id, r.name) }));
}

/** A short alias is a name only as written: `US` and `U.S.` are the United States, `us` never is. */
const SHORT_ALIAS = 4;

/**
 * Whether what someone typed may stand for a stored alias written `alias`: any case or hyphenation
 * for names of more than SHORT_ALIAS letters; shorter ones must match as written (full stops aside).
 */
export function typedMatchesAlias(typed: string, alias: string): boolean {
  const t = typed.trim().replace(/\./g, '');
  if (t.replace(/[^\p{L}\p{N}]/gu, '').length > SHORT_ALIAS || /\s/.test(t)) return true;
  return t === alias.replace(/\./g, '');
}

/**
 * The entities a name (any alias, any case or hyphenation) may refer to: first the one most often
 * written so, then one whose own name it is, then the most mentioned. Every command that takes an
 * entity name resolves it here. Ranked by mentions of any name, `entity Board` on Reuters was the
 * Federal Reserve (861 mentions, one of them "the Board") over the Board of 12, and `entity Court`
 * a District Court called so once (of 54) over the Court of 6.
 */
export function resolveEntities(
  store: Store,
  name: string,
  type?: string,
): { id: number; type: EntityType; name: string }[] {
  const db = sqlite(store);
  const key = aliasKey(name);
  if (key === '') return [];
  const rows = db
    .prepare(
      `SELECT e.id, e.type, e.name, e.key = @key AS own,
              (SELECT json_group_array(alias) FROM aliases WHERE key = @key AND entity_id = e.id) AS written
       FROM entities e
       WHERE e.id IN (SELECT entity_id FROM aliases WHERE key = @key UNION SELECT id FROM entities WHERE key = @key)
         ${type ? 'AND e.type = @type' : ''}
       ORDER BY (SELECT coalesce(sum(f.mentions), 0) FROM aliases a JOIN mention_forms f ON f.entity_id = a.entity_id AND f.text = a.alias
                 WHERE a.key = @key AND a.entity_id = e.id) DESC,
         e.key = @key DESC, coalesce((SELECT mentions FROM entity_stats WHERE entity_id = e.id), 0) DESC, e.id`,
    )
    .all(type ? { key, type } : { key }) as {
    id: number;
    type: EntityType;
    name: string;
    own: number;
    written: string;
  }[];
  return rows
    .filter(
      (r) =>
        typedMatchesAlias(name, r.name) ||
        storedValue("an entity's written names", () => JSON.parse(r.written) as string[]).some((a) =>
          typedMatchesAlias(name, a),
        ),
    )
    .map(({ id, type: t, name: n }) => ({ id, type: t, name: n }));
}

export function entityDetail(store: Store, id: number, options: { limit?: number } = {}): EntityDetail {
  const db = sqlite(store);
  const base = db
    .prepare(
      `SELECT e.id, e.type, e.name, e.lat, e.lon, coalesce(s.mentions, 0) AS mentions, coalesce(s.documents, 0) AS documents
       FROM entities e LEFT JOIN entity_stats s ON s.entity_id = e.id WHERE e.id = ?`,
    )
    .get(id) as Omit<EntityDetail, 'aliases' | 'documentList' | 'related' | 'firstSeen' | 'lastSeen'>;
  const limit = options.limit ?? 20;
  const { shown, firstSeen, lastSeen } = recentDocuments(db, id, base.documents, limit);
  const detail = statement(
    db,
    `SELECT d.id, d.external_id AS externalId, d.date, d.title, (SELECT min(path) FROM paths WHERE doc_id = d.id) AS path,
       (SELECT count(*) FROM mentions WHERE entity_id = @entity AND doc_id = d.id) AS mentions
     FROM documents d WHERE d.id = @doc`,
  );
  return {
    ...base,
    aliases: aliasList(db, id, base.name),
    firstSeen,
    lastSeen,
    // The most recent first (undated ones count as newest); all of them with --limit 0.
    documentList: shown.map((doc) => detail.get({ entity: id, doc }) as EntityDocument),
    related: associates(db, id),
  };
}

/**
 * Up to this many documents, an entity's documents are read directly (their dates only: 5–20 µs
 * each, 230 ms for 12,000 at 200k articles). The walk below is far cheaper for entities in a large
 * share of the corpus (under 1 ms), but slow for one whose documents all lie at one end of the
 * corpus's time span, so it is kept for entities in more.
 */
const DIRECT_DOCUMENTS = 3_000;

/**
 * The entity's `limit` most recent documents (undated first, then by date and id, descending) and
 * its first and last publication dates, without reading every document it is in. An entity in few
 * documents: its document ids come from its own mentions and only their dates are read. One in
 * many (`United States`): the date index is walked from either end and each document checked
 * against the entity's mention index, which finds `limit` of them after about limit × N / documents
 * steps (docs² > limit × N means the walk is cheaper).
 */
function recentDocuments(
  db: Db,
  id: number,
  documents: number,
  limit: number,
): { shown: number[]; firstSeen: string | null; lastSeen: string | null } {
  const total =
    (statement(db, "SELECT value FROM totals WHERE name = 'documents'").pluck().get() as number | undefined) ?? 0;
  const has = 'EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = @entity AND m.doc_id = d.id)';
  if (limit > 0 && documents > DIRECT_DOCUMENTS && documents * documents > limit * total) {
    const undated = statement(
      db,
      `SELECT d.id FROM documents d INDEXED BY documents_date WHERE d.date IS NULL AND ${has} ORDER BY d.id DESC LIMIT @n`,
    )
      .pluck()
      .all({ entity: id, n: limit }) as number[];
    const dated = statement(
      db,
      `SELECT d.id, d.date FROM documents d INDEXED BY documents_date WHERE d.date IS NOT NULL AND ${has}
       ORDER BY d.date DESC, d.id DESC LIMIT @n`,
    ).all({ entity: id, n: limit }) as { id: number; date: string }[];
    const first = statement(
      db,
      `SELECT d.date FROM documents d INDEXED BY documents_date WHERE d.date IS NOT NULL AND ${has}
       ORDER BY d.date, d.id LIMIT 1`,
    )
      .pluck()
      .get({ entity: id }) as string | undefined;
    return {
      shown: [...undated, ...dated.map((d) => d.id)].slice(0, limit),
      firstSeen: first ?? null,
      lastSeen: dated[0]?.date ?? null,
    };
  }
  // Only the date is read of each row: it sits before the body, so no overflow page is touched.
  const rows = statement(
    db,
    `SELECT d.id, d.date FROM (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?) m JOIN documents d ON d.id = m.doc_id
     ORDER BY d.date IS NULL, d.date, d.id`,
  ).all(id) as { id: number; date: string | null }[];
  const dated = rows.filter((d) => d.date !== null);
  return {
    shown: (limit === 0 ? rows : rows.slice(-limit)).reverse().map((d) => d.id),
    firstSeen: dated[0]?.date ?? null,
    lastSeen: dated[dated.length - 1]?.date ?? null,
  };
}

/** Associations of an entity named in more sentences than this are estimated from a sample of them. */
const ASSOCIATION_SAMPLE = 5_000;

/**
 * The entities most associated with `id` over sentences: for each entity named in a sentence with
 * it, the 2×2 table of sentences (both, only one, only the other, neither) scored by G², kept only
 * when named together more often than chance and at least MIN_TOGETHER times. "Reuters", named
 * everywhere, scores low; a minister named with his ministry scores high. An entity named in more
 * than ASSOCIATION_SAMPLE sentences is read from a sample of them (about ASSOCIATION_SAMPLE sentences,
 * spread over the whole archive, not its latest weeks: see cooccurrences), and
 * the counts together are scaled up to all its sentences: the cost stays bounded however big it is
 * (`entity "United States"` on Reuters: 8,719 sentences, 38 → 14 ms). For an entity in more than
 * STORED_ASSOCIATIONS sentences the counts are read as the last resolution stored them.
 */
function associates(db: Db, id: number, limit = 10, MIN_TOGETHER = 2): Associate[] {
  const total = entitySentences(handle(db));
  const own =
    (db.prepare('SELECT sentences FROM entity_stats WHERE entity_id = ?').pluck().get(id) as number | undefined) ?? 0;
  if (total === 0 || own === 0) return [];
  const counted = (MIN_TOGETHER >= STORED_MIN && storedCooccurrences(db, id, own)) || cooccurrences(db, id, own);
  const together = counted.rows.filter((r) => r.together >= MIN_TOGETHER);
  const info = new Map(
    (
      statement(
        db,
        `SELECT e.id, e.name, e.type, s.sentences FROM entities e LEFT JOIN entity_stats s ON s.entity_id = e.id
         WHERE e.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(together.map((r) => r.id))) as {
        id: number;
        name: string;
        type: string;
        sentences: number | null;
      }[]
    ).map((r) => [r.id, r]),
  );
  const scale = own / Math.max(1, counted.sampled);
  const out: Associate[] = [];
  for (const r of together) {
    const other = info.get(r.id);
    if (!other) continue;
    const sentences = other.sentences ?? r.together;
    const both = Math.min(Math.round(r.together * scale), sentences);
    const score = logLikelihood(both, own, sentences, total);
    if (score > 0)
      out.push({ id: r.id, name: other.name, type: other.type, sentences: both, score: Math.round(score * 10) / 10 });
  }
  return out
    .sort((a, b) => b.score - a.score || b.sentences - a.sentences || (a.name < b.name ? -1 : 1))
    .slice(0, limit);
}

/** Sentences sampled from an entity's, and the entities named with it in them (how many sentences each). */
interface Cooccurrences {
  sampled: number;
  rows: { id: number; together: number }[];
}

/**
 * An entity's sampled sentences and the entities named in them. In a fresh process this reads each
 * sampled sentence's mentions from a page of its own (110–180 ms for Reagan at a million articles,
 * 16 ms warm), hence the stored counts of the largest entities.
 */
function cooccurrences(db: Db, id: number, own: number): Cooccurrences {
  const step = Math.max(1, Math.ceil(own / ASSOCIATION_SAMPLE));
  // Sentences where the entity is named at an offset that is a multiple of `step`: a sample by what
  // the documents say, not by their ids, which follow the order of ingests.
  const sample = 'SELECT DISTINCT doc_id, sentence FROM mentions WHERE entity_id = @id AND start % @step = 0';
  const rows = statement(
    db,
    `WITH own AS MATERIALIZED (${sample})
     SELECT id, count(*) AS together, (SELECT count(*) FROM own) AS sampled FROM
       (SELECT DISTINCT m2.entity_id AS id, m2.doc_id, m2.sentence
        FROM own JOIN mentions m2 ON m2.doc_id = own.doc_id AND m2.sentence = own.sentence
        WHERE m2.entity_id IS NOT NULL AND m2.entity_id != @id)
     GROUP BY id`,
  ).all({ id, step }) as { id: number; together: number; sampled: number }[];
  // The sample's size comes with the rows; counted on its own only when no other entity is named in it.
  const sampled =
    rows[0]?.sampled ?? (statement(db, `SELECT count(*) FROM (${sample})`).pluck().get({ id, step }) as number);
  return { sampled, rows: rows.map(({ id: other, together }) => ({ id: other, together })) };
}

/** Entities in more sentences than this have their co-occurrences stored by each resolution. */
export const STORED_ASSOCIATIONS = 2_000;
/** Stored co-occurrences are those of at least this many sentences (what `entity` shows; `graph --min 1` reads live). */
const STORED_MIN = 2;

/** The stored co-occurrences of an entity, if they were counted on its present sentences. */
function storedCooccurrences(db: Db, id: number, own: number): Cooccurrences | null {
  const sample = statement(db, 'SELECT sentences, sampled FROM entity_association_samples WHERE entity_id = ?').get(
    id,
  ) as { sentences: number; sampled: number } | undefined;
  if (!sample || sample.sentences !== own) return null;
  const rows = statement(db, 'SELECT other_id AS id, together FROM entity_associations WHERE entity_id = ?').all(
    id,
  ) as { id: number; together: number }[];
  return { sampled: sample.sampled, rows };
}

/**
 * Count and store the co-occurrences of every entity in more than STORED_ASSOCIATIONS sentences (run
 * by each resolution, after the entity counts): `corpus entity` then reads a few rows instead of
 * thousands of sentences' mentions.
 *
 * `reuse` (a resolution that only added documents): an entity's stored counts are kept when nothing
 * they were counted from changed, and counted again otherwise (see changedSinceEvents). Counted
 * whole each time, they took 13 s of adding 100 articles to a million (401 entities, 89 of them
 * named by the new articles); kept where they still stand, 5.6 s (bench:scale --increment).
 */
export function storeAssociations(
  store: Store,
  threshold = STORED_ASSOCIATIONS,
  options: { reuse?: boolean } = {},
): void {
  const db = sqlite(store);
  db.transaction(() => countAssociations(db, threshold, options.reuse ?? false))();
}

/** Whether some large entity has no stored co-occurrences (a database upgraded from before they were kept). */
export function associationsDue(store: Store): boolean {
  const db = sqlite(store);
  return (
    statement(
      db,
      `SELECT EXISTS (SELECT 1 FROM entity_stats s WHERE s.sentences > ?
         AND NOT EXISTS (SELECT 1 FROM entity_association_samples a WHERE a.entity_id = s.entity_id))`,
    )
      .pluck()
      .get(STORED_ASSOCIATIONS) === 1
  );
}

function countAssociations(db: Db, threshold: number, reuse: boolean): void {
  const large = statement(db, 'SELECT entity_id AS id, sentences FROM entity_stats WHERE sentences > ?').all(
    threshold,
  ) as { id: number; sentences: number }[];
  let due = large;
  if (!reuse) {
    statement(db, 'DELETE FROM entity_associations').run();
    statement(db, 'DELETE FROM entity_association_samples').run();
  } else {
    const counted = new Map(
      statement(db, 'SELECT entity_id, sentences FROM entity_association_samples').raw().all() as [number, number][],
    );
    const changed = changedSinceEvents(db);
    due = large.filter((e) => counted.get(e.id) !== e.sentences || changed.has(e.id));
    // Rows go for the entities counted again and those no longer large (or no longer there).
    const kept = new Set(large.map((e) => e.id));
    for (const e of due) kept.delete(e.id);
    const drop = [...counted.keys()].filter((id) => !kept.has(id));
    const list = JSON.stringify(drop);
    statement(db, 'DELETE FROM entity_associations WHERE entity_id IN (SELECT value FROM json_each(?))').run(list);
    statement(db, 'DELETE FROM entity_association_samples WHERE entity_id IN (SELECT value FROM json_each(?))').run(
      list,
    );
  }
  const sample = statement(
    db,
    'INSERT INTO entity_association_samples (entity_id, sentences, sampled) VALUES (?, ?, ?)',
  );
  const row = statement(db, 'INSERT INTO entity_associations (entity_id, other_id, together) VALUES (?, ?, ?)');
  for (const { id, sentences } of due) {
    const counted = cooccurrences(db, id, sentences);
    sample.run(id, sentences, counted.sampled);
    for (const r of counted.rows) if (r.together >= STORED_MIN) row.run(id, r.id, r.together);
  }
}

/**
 * The entities named in a document whose mentions may have changed since the corpus's events were
 * last built: one without statement_docs, that is a new document or one whose mentions a resolution
 * moved (applyLinks deletes their statement_docs, so that their statements are made again). An
 * entity's stored co-occurrences are counted from its own sentences and the other mentions in them;
 * they change only where a document of it is among these, or where its count of sentences changed
 * (a mention moved away from its last document).
 */
function changedSinceEvents(db: Db): Set<number> {
  return new Set(
    statement(
      db,
      `SELECT DISTINCT m.entity_id FROM documents d INDEXED BY documents_analyzer
         JOIN mentions m INDEXED BY mentions_doc ON m.doc_id = d.id
       WHERE NOT EXISTS (SELECT 1 FROM statement_docs s WHERE s.doc_id = d.id) AND m.entity_id IS NOT NULL`,
    )
      .pluck()
      .all() as number[],
  );
}

/**
 * The same ranking for `corpus graph`: the `limit` entities most associated with `id`, each named
 * with it in at least `min` sentences.
 */
export function associatedEntities(store: Store, id: number, options: { limit: number; min: number }): Associate[] {
  return associates(sqlite(store), id, options.limit, options.min);
}

/** G² of k11 = both, with row total a, column total b, grand total n; negative when named together less than chance. */
export function logLikelihood(k11: number, a: number, b: number, n: number): number {
  const k12 = a - k11;
  const k21 = b - k11;
  const k22 = n - a - b + k11;
  const term = (k: number, expected: number) => (k > 0 && expected > 0 ? k * Math.log(k / expected) : 0);
  const g2 =
    2 *
    (term(k11, (a * b) / n) +
      term(k12, (a * (n - b)) / n) +
      term(k21, ((n - a) * b) / n) +
      term(Math.max(k22, 0), ((n - a) * (n - b)) / n));
  return k11 * n > a * b ? g2 : -g2;
}

/** Why the names of an entity are one: the links into it, per name, and the documents context decided. */
export interface EntityWhy {
  name: string;
  type: string;
  /** Names (`type`: the type they had) the corpus-level resolution joined to this entity, and why. */
  links: { name: string; type: string; rule: string; detail: string; docs: number[] }[];
  documents: { name: string; doc: number; detail: string }[];
}

export function entityWhy(store: Store, id: number): EntityWhy {
  const db = sqlite(store);
  const e = db.prepare('SELECT type, key, name FROM entities WHERE id = ?').get(id) as {
    type: string;
    key: string;
    name: string;
  };
  const { into, docLinks } = linksOf(db, e.type, e.key);
  return {
    name: e.name,
    type: e.type,
    links: into.map((l) => ({
      name: l.fromName,
      type: l.type,
      rule: l.rule,
      detail: l.detail,
      docs: storedValue("a link's documents", () => JSON.parse(l.docsJson) as number[]),
    })),
    documents: docLinks.map((l) => ({ name: l.from, doc: l.doc, detail: l.detail })),
  };
}

function single(db: Db, name: string, type?: string): { id: number; type: string; name: string; key: string } {
  const found = resolveEntities(handle(db), name, type);
  if (found.length === 0) throw new UnknownEntityError(name, type);
  const [first] = found;
  return db.prepare('SELECT id, type, name, key FROM entities WHERE id = ?').get(first.id) as {
    id: number;
    type: string;
    name: string;
    key: string;
  };
}

export interface MergePlan {
  type: string;
  fromKey: string;
  fromName: string;
  toKey: string;
  into: string;
  /** What moves: the mentions of `from` and the documents they are in. */
  mentions: number;
  documents: number;
}

/**
 * Check a merge of entity `from` into `into` and say what it would move; the caller records it
 * (recordMerge) and runs the resolution, which moves the mentions. The record is an override:
 * every later ingest resolves `from` to `into` as well.
 */
export function planMerge(store: Store, fromName: string, intoName: string, type?: string): MergePlan {
  const db = sqlite(store);
  const from = single(db, fromName, type);
  const into = single(db, intoName, type);
  if (from.id === into.id)
    throw new UserError(`'${fromName}' and '${intoName}' are already one entity (${into.name})`, 1);
  if (from.type !== into.type)
    throw new UserError(`cannot merge ${from.type} '${from.name}' into ${into.type} '${into.name}'`, 1);
  const moved = db
    .prepare('SELECT count(*) AS mentions, count(DISTINCT doc_id) AS documents FROM mentions WHERE entity_id = ?')
    .get(from.id) as {
    mentions: number;
    documents: number;
  };
  return { type: from.type, fromKey: from.key, fromName: from.name, toKey: into.key, into: into.name, ...moved };
}

/** A person's decision that the name `fromKey` is the entity named `toKey` (itself: kept apart). */
function writeOverride(db: Db, type: string, fromKey: string, fromName: string, toKey: string): void {
  db.prepare('INSERT OR REPLACE INTO entity_overrides (type, from_key, from_name, to_key) VALUES (?, ?, ?, ?)').run(
    type,
    fromKey,
    fromName,
    toKey,
  );
}

export function recordMerge(store: Store, plan: MergePlan): void {
  const db = sqlite(store);
  writeOverride(db, plan.type, plan.fromKey, plan.fromName, plan.toKey);
  // Earlier merges into `from` now lead to `into`.
  db.prepare('UPDATE entity_overrides SET to_key = ? WHERE type = ? AND to_key = ? AND from_key != to_key').run(
    plan.toKey,
    plan.type,
    plan.fromKey,
  );
}

export interface UnmergePlan {
  type: string;
  key: string;
  name: string;
  /** The entity it belongs to now. */
  from: string;
  mentions: number;
  documents: number;
}

/**
 * Check an unmerge: `name` must be a name joined to another entity, by hand or by the resolution
 * (its own analyzer key, not just a way it was written). The record keeps it apart for good.
 */
export function planUnmerge(store: Store, name: string, type?: string): UnmergePlan {
  const db = sqlite(store);
  const key = aliasKey(name);
  const link = db
    .prepare(
      `SELECT type, from_key AS key, from_name AS name, to_key AS "to", coalesce(to_type, type) AS toType FROM entity_links WHERE from_key = @key ${type ? 'AND type = @type' : ''}
       UNION SELECT DISTINCT type, from_key, from_key, to_key, type FROM entity_doc_links WHERE from_key = @key ${type ? 'AND type = @type' : ''}
       LIMIT 1`,
    )
    .get(type ? { key, type } : { key }) as
    | { type: string; key: string; name: string; to: string; toType: string }
    | undefined;
  if (!link) throw new UserError(`'${name}' was not merged into another entity`, 1);
  const target = db.prepare('SELECT id, name FROM entities WHERE type = ? AND key = ?').get(link.toType, link.to) as
    | { id: number; name: string }
    | undefined;
  // Its mentions held by any entity but its own (which may be of another type: a company read as a person).
  const moved = db
    .prepare(
      `SELECT count(*) AS mentions, count(DISTINCT doc_id) AS documents FROM mentions
       WHERE type = @type AND orig_key = @key AND entity_id NOT IN (SELECT id FROM entities WHERE type = @type AND key = @key)`,
    )
    .get({ type: link.type, key: link.key }) as { mentions: number; documents: number };
  return {
    type: link.type,
    key: link.key,
    name: link.name === link.key ? name : link.name,
    from: target?.name ?? link.to,
    ...moved,
  };
}

export function recordUnmerge(store: Store, plan: UnmergePlan): void {
  const db = sqlite(store);
  // A name that points at itself is kept apart: the resolution never joins it to anything again.
  writeOverride(db, plan.type, plan.key, plan.name, plan.key);
}

export function entityCount(store: Store): number {
  const db = sqlite(store);
  return db.prepare('SELECT count(*) FROM entity_stats').pluck().get() as number;
}

/** `from<TAB>into` lines (or two columns separated by two or more spaces); `#` comments and blank lines skipped. */
export function parsePairs(text: string, file: string): { line: number; from: string; into: string }[] {
  const out: { line: number; from: string; into: string }[] = [];
  const bad: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cols = line.includes('\t')
      ? line
          .split('\t')
          .map((c) => c.trim())
          .filter(Boolean)
      : line.split(/\s{2,}/);
    if (cols.length !== 2)
      bad.push(`${file}:${i + 1}: expected two names separated by a tab, got ${JSON.stringify(line.slice(0, 60))}`);
    else out.push({ line: i + 1, from: cols[0], into: cols[1] });
  });
  if (bad.length > 0) throw new UserError(bad.join('\n'));
  return out;
}

export interface Suspect {
  rank: number;
  a: string;
  b: string;
  type: string;
  score: number;
  reason: string;
}

/**
 * Pairs of entities that are probably one, strongest evidence first, as the last resolution left
 * them (entities/resolve.ts): acronyms and surnames two full names claim, short forms, names one
 * letter apart, one name under two types.
 */
export function suspectDuplicates(store: Store, limit = 50): Suspect[] {
  const db = sqlite(store);
  return loadSuspects(db, limit).map(({ rank, a, b, type, score, reason }) => ({
    rank,
    a,
    b,
    type,
    score: Math.round(score * 10) / 10,
    reason,
  }));
}
