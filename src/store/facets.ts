/**
 * Facet counts over a whole result set (every matching document, not just the page): sources,
 * months, the most mentioned entities per type, and tags.
 *
 * Cost follows the smaller of the result and the rest of the corpus. A result of at most half the
 * corpus is counted from its own documents: one row read each (source, date and tags) and their
 * mentions, grouped by (document, entity) before entities are joined. A larger one reads sources and
 * months from one pass over the covering source and date indexes, and each entity's count is its
 * documents (entity_stats, kept by the resolution) less those among the documents that do not
 * match; only its tags are counted over an even sample of EXACT_UP_TO matches and scaled (`sample`
 * says how many). bench/facets.ts measures it against an exact count.
 */
import { sqlite, type Db, type Store } from './db.js';
import { statement } from './statements.js';
import { ENTITY_TYPES } from '../core/types.js';

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  documents: number;
  sources: FacetCount[];
  months: FacetCount[];
  /** Type → its most mentioned entities, by number of matching documents that mention them. */
  entities: Record<string, FacetCount[]>;
  tags: FacetCount[];
  /**
   * null when every count is exact; else the tag counts were read from an even sample of this many
   * matching documents and scaled to `documents` (results of more than half the corpus).
   */
  sample: number | null;
}

/** A result of more than half the corpus has its tags counted over this many matches, evenly spread. */
export const EXACT_UP_TO = 1000;
const TAGS = 20;

export interface FacetOptions {
  /** Entities per type (10). */
  perType?: number;
  /** Count tags exactly up to this many documents (EXACT_UP_TO; Infinity: always). */
  exactUpTo?: number;
  /** Count everything from the matching documents whatever their number (the reference the checks compare with). */
  direct?: boolean;
  /** Documents an entity must be in to be counted first (default: one in 500 of the matches; see floorFor). */
  floor?: number;
}

/** The top entities per type of counts `c (id, n)`. */
const TOP_PER_TYPE = `SELECT type, value, count FROM (
       SELECT e.type AS type, e.name AS value, c.n AS count,
              row_number() OVER (PARTITION BY e.type ORDER BY c.n DESC, e.name) AS r
         FROM c JOIN entities e ON e.id = c.id)
      WHERE r <= @perType ORDER BY type, count DESC, value`;

/** The statements, by facet and by the size of the result (see facetCounts). */
const SQL = {
  // A large result: sources and days from one pass over a covering index, testing each
  // entry against the ids (cheap per entry, no document row read). Days are grouped in the index's
  // own order, so without sorting, and folded into months by the caller.
  sources: `SELECT coalesce(min(d.source), '') AS value, count(*) AS count
      FROM documents d INDEXED BY documents_source WHERE d.id IN temp.corpus_facet_ids
     GROUP BY d.source COLLATE NOCASE`,
  days: `SELECT d.date AS day, count(*) AS n
      FROM documents d INDEXED BY documents_date WHERE d.id IN temp.corpus_facet_ids GROUP BY d.date`,
  // The counted documents' metadata in one pass, one primary-key lookup each (source, date and
  // tags lie before the body in the row, so the body is not read).
  meta: `SELECT d.source AS source, d.date AS day, d.tags AS tags
      FROM temp.corpus_facet_sample f CROSS JOIN documents d ON d.id = f.id`,
  documents: 'SELECT count(*) AS n FROM documents d INDEXED BY documents_date',
  // Each (document, entity) once, counted per entity, and only then joined to the entities for
  // their type and name: no DISTINCT over the join, no temp b-tree the size of the mentions.
  // Entities in fewer than @floor of the documents are left out before the join (see topEntities).
  entities: `WITH c AS (
       SELECT entity_id AS id, count(*) AS n FROM (
         SELECT DISTINCT m.doc_id, m.entity_id FROM temp.corpus_facet_ids f CROSS JOIN mentions m ON m.doc_id = f.id
          WHERE m.entity_id IS NOT NULL)
        GROUP BY entity_id HAVING count(*) >= @floor)
     ${TOP_PER_TYPE}`,
  // More than half the corpus: each entity's documents (entity_stats) less those among the
  // documents that do not match, so the cost is that of the smaller half.
  entitiesByComplement: `WITH rest AS (
       SELECT entity_id AS id, count(*) AS n FROM (
         SELECT m.entity_id, m.doc_id FROM temp.corpus_facet_rest f CROSS JOIN mentions m ON m.doc_id = f.id
          WHERE m.entity_id IS NOT NULL GROUP BY m.doc_id, m.entity_id)
        GROUP BY entity_id),
     c AS (
       SELECT s.entity_id AS id, s.documents - coalesce(r.n, 0) AS n
         FROM entity_stats s LEFT JOIN rest r ON r.id = s.entity_id
        WHERE s.documents >= @floor AND s.documents > coalesce(r.n, 0))
     ${TOP_PER_TYPE}`,
  // The ids of the documents that do not match, from the date index (covering: no row read).
  rest: `INSERT INTO temp.corpus_facet_rest (id)
      SELECT d.id FROM documents d INDEXED BY documents_date WHERE d.id NOT IN temp.corpus_facet_ids`,
} as const;

export function facetCounts(store: Store, ids: number[], options: FacetOptions = {}): Facets {
  const db = sqlite(store);
  const perType = options.perType ?? 10;
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const corpus = (statement(db, SQL.documents).get() as { n: number }).n;
  // More than half the corpus: sources and months from the indexes, entities by complement, tags
  // from a sample. Otherwise everything from the matching documents themselves.
  const large = !options.direct && sorted.length > corpus / 2;
  const exactUpTo = Math.max(1, options.exactUpTo ?? EXACT_UP_TO);
  const sample = large && sorted.length > exactUpTo ? evenSample(sorted, exactUpTo) : sorted;
  fill(db, 'corpus_facet_ids', sorted);
  fill(db, 'corpus_facet_sample', sample);
  const sampled = sample.length < sorted.length;
  const scale = sorted.length / Math.max(1, sample.length);

  const meta = statement(db, SQL.meta).all() as { source: string | null; day: string | null; tags: string }[];
  const tagCounts = new Map<string, number>();
  for (const { tags } of meta) for (const tag of JSON.parse(tags) as string[]) bump(tagCounts, tag);
  const tags = ranked(tagCounts)
    .slice(0, TAGS)
    .map((t) => ({ value: t.value, count: sampled ? Math.round(t.count * scale) : t.count }));

  let sources: FacetCount[];
  let days: { day: string | null; n: number }[];
  if (large) {
    sources = statement(db, SQL.sources).all() as FacetCount[];
    days = statement(db, SQL.days).all() as { day: string | null; n: number }[];
  } else {
    // Sources as the source index groups them: case aside, under their first spelling.
    const bySource = new Map<string, FacetCount>();
    for (const { source } of meta) {
      const value = source ?? '';
      const seen = bySource.get(value.toLowerCase());
      if (seen) {
        seen.count++;
        if (value < seen.value) seen.value = value;
      } else bySource.set(value.toLowerCase(), { value, count: 1 });
    }
    sources = [...bySource.values()];
    const byDay = new Map<string | null, number>();
    for (const { day } of meta) byDay.set(day, (byDay.get(day) ?? 0) + 1);
    days = [...byDay].map(([day, n]) => ({ day, n }));
  }
  const byMonth = new Map<string, number>();
  for (const { day, n } of days) bump(byMonth, day === null ? 'undated' : day.slice(0, 7), n);
  const months = [...byMonth].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? -1 : 1));

  if (large) {
    fill(db, 'corpus_facet_rest', []);
    statement(db, SQL.rest).run();
  }
  const entityRows = large
    ? byComplement(db, perType, options.floor ?? floorFor(sorted.length))
    : topEntities(db, perType, options.direct ? 0 : (options.floor ?? floorFor(sorted.length)));
  const entities: Record<string, FacetCount[]> = {};
  for (const { type, value, count } of entityRows) (entities[type] ??= []).push({ value, count });
  return {
    documents: sorted.length,
    sources: sources.filter((s) => s.count > 0).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
    months,
    entities,
    tags,
    sample: sampled ? sample.length : null,
  };
}

type TypedCount = FacetCount & { type: string };

/**
 * The documents an entity must be in to be counted first: one in 500 of the matches. Most of a
 * result's entities are in one or two of its documents (7,900 of a 3,300-document result on
 * Reuters), and joining each to its name and type was half the cost.
 */
const floorFor = (matched: number): number => Math.max(1, Math.ceil(matched / 500));

/**
 * The top entities per type of a result, first among those in at least `floor` of its documents.
 * When some type's list falls short of `perType` entries, an entity below it
 * might belong there: then every entity is counted.
 */
function topEntities(db: Db, perType: number, floor: number): TypedCount[] {
  const rows = statement(db, SQL.entities).all({ perType, floor }) as TypedCount[];
  return floor <= 1 || certain(rows, perType, floor)
    ? rows
    : (statement(db, SQL.entities).all({ perType, floor: 0 }) as TypedCount[]);
}

/**
 * Entities of a large result by complement, first among the entities in at least `floor` documents
 * (no entity in fewer can match more often); all of them when the first count is not certain.
 */
function byComplement(db: Db, perType: number, floor: number): TypedCount[] {
  const rows = statement(db, SQL.entitiesByComplement).all({ perType, floor }) as TypedCount[];
  return certain(rows, perType, floor)
    ? rows
    : (statement(db, SQL.entitiesByComplement).all({ perType, floor: 0 }) as TypedCount[]);
}

/**
 * Top lists counted among entities in at least `floor` documents are the true ones when every
 * entity type has `perType` entries there (the last at least at the floor): any entity left out is in
 * fewer documents than each listed one. A type missing from the rows, or short, might have entities
 * below the floor that belong in its list.
 */
function certain(rows: TypedCount[], perType: number, floor: number): boolean {
  const byType = new Map<string, TypedCount[]>();
  for (const r of rows) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  return ENTITY_TYPES.every((type) => {
    const list = byType.get(type) ?? [];
    return list.length === perType && list[perType - 1].count >= floor;
  });
}

function bump(counts: Map<string, number>, key: string, n = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** Most first, then by value. */
function ranked(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** `size` ids spread evenly over the sorted result (every k-th), so each part of the corpus counts alike. */
function evenSample(sorted: number[], size: number): number[] {
  const step = sorted.length / size;
  return Array.from({ length: size }, (_, i) => sorted[Math.floor(i * step)]);
}

/** The ids into a temp table keyed by id, read by the facet statements as an indexed join. */
function fill(db: Db, table: 'corpus_facet_ids' | 'corpus_facet_sample' | 'corpus_facet_rest', ids: number[]): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY)`);
  statement(db, `DELETE FROM temp.${table}`).run();
  statement(db, `INSERT OR IGNORE INTO temp.${table} (id) SELECT value FROM json_each(?)`).run(JSON.stringify(ids));
}

/** How SQLite runs each facet statement (EXPLAIN QUERY PLAN; bench/facets.ts prints them). */
export function facetPlans(store: Store): Record<string, string[]> {
  const db = sqlite(store);
  for (const table of ['corpus_facet_ids', 'corpus_facet_sample', 'corpus_facet_rest'] as const) fill(db, table, []);
  const params: Record<string, Record<string, number>> = {
    entities: { perType: 10, floor: 7 },
    entitiesByComplement: { perType: 10, floor: 30 },
  };
  return Object.fromEntries(
    Object.entries(SQL).map(([name, sql]) => [
      name,
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params[name] ?? {}) as { detail: string }[]).map((p) => p.detail),
    ]),
  );
}
