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
 * says how many). With the extension's bitmaps, where it costs less than reading those documents'
 * mentions, each entity's count is instead its own entity_docs rows in the result (the large
 * entities' ranges, each row tested against the matches' set), and a result too large to read row
 * by row (see ROW_COST) has its sources, months and tags from walks of the source and date indexes
 * and of doc_tags, each entry tested against that set. bench/facets.ts measures it against an exact
 * count.
 */
import { storedValue } from './errors.js';
import { BITMAP_SPAN, hasRankFunction, sqlite, type Db, type Store } from './db.js';
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
  /**
   * Count entities over their entity_docs ranges, and sources, months and tags over the indexes, only
   * past this many documents to read (RANGES_FROM; tests set 0).
   */
  rangesFrom?: number;
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
  // The same, each entry tested against the matches' bitmap, a shift instead of a b-tree probe.
  sourcesInSet: `SELECT coalesce(min(d.source), '') AS value, count(*) AS count
      FROM documents d INDEXED BY documents_source WHERE corpus_in(@bits, d.id)
     GROUP BY d.source COLLATE NOCASE`,
  daysInSet: `SELECT d.date AS day, count(*) AS n
      FROM documents d INDEXED BY documents_date WHERE corpus_in(@bits, d.id) GROUP BY d.date`,
  // The counted documents' metadata in one pass, one primary-key lookup each (source, date and
  // tags lie before the body in the row, so the body is not read).
  meta: `SELECT d.source AS source, d.date AS day, d.tags AS tags
      FROM temp.corpus_facet_sample f CROSS JOIN documents d ON d.id = f.id`,
  // Every document's tags tested against the matches' bitmap (tags match in any case, as --tag does).
  tagsInSet: `SELECT min(tag COLLATE BINARY) AS value, count(*) AS count FROM doc_tags WHERE corpus_in(@bits, doc_id) GROUP BY tag`,
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
  // With the extension's bitmaps (see entitiesInRanges): the matches as one set.
  bits: 'SELECT corpus_idset(value) AS bits FROM json_each(@ids)',
  // The entity_docs rows entitiesInRanges would read.
  rangeRows: 'SELECT coalesce(sum(documents), 0) AS n FROM entity_stats WHERE documents >= @floor',
  // Each entity in at least @floor documents of the corpus (and every entity of the types in @short,
  // a JSON list) counted over its own entity_docs range, each row's document tested against the
  // matches' bitmap: the cost follows the large entities, not the result (see ENTITY_ROW_COST).
  // Each count is materialized once: flattened, SQLite evaluated it for every use of n (504 -> 165
  // ms for `oil` at 1M).
  entitiesInRanges: `WITH short AS MATERIALIZED (
       SELECT id FROM entities WHERE type IN (SELECT value FROM json_each(@short))),
     counted AS MATERIALIZED (
       SELECT s.entity_id AS id, s.entity_id IN short AS low,
              (SELECT count(*) FROM entity_docs e WHERE e.entity_id = s.entity_id AND corpus_in(@bits, e.doc_id)) AS n
         FROM entity_stats s WHERE s.documents >= @floor OR s.entity_id IN short),
     c AS (SELECT id, n FROM counted WHERE n > 0 AND (n >= @floor OR low))
     ${TOP_PER_TYPE}`,
} as const;

/**
 * The cost of counting an entity's documents in the result from its entity_docs range, against
 * reading a document's mentions, as measured at a million articles: 0.06 µs a range row, about 10 µs
 * a document (its mentions deduplicated). `oil`'s 75,801 documents: 875 ms by their mentions,
 * 167 ms by the ranges of the 4,244 entities in at least 152 documents.
 */
const ENTITY_ROW_COST = 0.06;
const DOCUMENT_MENTIONS_COST = 10;
/**
 * In a corpus whose pages are all cached a document's mentions cost far less (Reuters: `said`'s
 * 4,598 other documents by complement, 8 ms; 15 ms by the ranges), so the ranges are taken only
 * past this many documents to read, and when they cost less by this margin.
 */
const RANGES_FROM = 10_000;
const RANGES_MARGIN = 2;
/**
 * Sources, days and tags of a result of up to half the corpus come from its documents' rows, about
 * 9 µs each at a million articles (a page apiece: `oil`, 75,801 documents, 655–700 ms), or from a
 * walk of the source and date indexes and of doc_tags testing each entry against the matches'
 * bitmap, about 0.25 µs per document of the corpus (250–410 ms). The walk is taken past
 * RANGES_FROM documents to read, when it costs less by RANGES_MARGIN.
 */
const ROW_COST = 9;
const WALK_COST = 0.25;

export function facetCounts(store: Store, ids: number[], options: FacetOptions = {}): Facets {
  const db = sqlite(store);
  const perType = options.perType ?? 10;
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const corpus = (statement(db, SQL.documents).get() as { n: number }).n;
  // More than half the corpus: sources and months from the indexes, entities by complement, tags
  // from a sample. Otherwise everything from the matching documents themselves.
  const large = !options.direct && sorted.length > corpus / 2;
  // The matches as the extension's bitmap, when it is loaded and their ids fit one (not for the
  // reference count, `direct`); as a temporary table only for the statements that join it (filling
  // it cost 0.2 s of `said --facets` at 1M, 775,284 ids).
  const canSet =
    !options.direct && sorted.length > 0 && sorted[sorted.length - 1] - sorted[0] < BITMAP_SPAN && hasRankFunction(db);
  // Up to half the corpus, but too many documents to read their rows (see ROW_COST): exact counts
  // from walks of the indexes instead.
  const walked =
    canSet &&
    !large &&
    sorted.length > (options.rangesFrom ?? RANGES_FROM) &&
    sorted.length * ROW_COST > RANGES_MARGIN * corpus * WALK_COST;
  const exactUpTo = Math.max(1, options.exactUpTo ?? EXACT_UP_TO);
  const sample = walked ? [] : large && sorted.length > exactUpTo ? evenSample(sorted, exactUpTo) : sorted;
  fill(db, 'corpus_facet_sample', sample);
  let set: Buffer | undefined;
  const bitsOf = (): Buffer => {
    set ??= (statement(db, SQL.bits).get({ ids: JSON.stringify(sorted) }) as { bits: Buffer }).bits;
    return set;
  };
  let filled = false;
  const matches = () => {
    if (!filled) fill(db, 'corpus_facet_ids', sorted);
    filled = true;
  };
  const sampled = !walked && sample.length < sorted.length;
  const scale = sorted.length / Math.max(1, sample.length);

  const meta = statement(db, SQL.meta).all() as { source: string | null; day: string | null; tags: string }[];
  // Tags in any case are one (as --tag matches them and stats counts them), a document's once in the
  // spelling it gives first (as doc_tags keeps it).
  const tagCounts = new Map<string, FacetCount>();
  if (walked)
    for (const t of statement(db, SQL.tagsInSet).all({ bits: bitsOf() }) as FacetCount[])
      bumpFolded(tagCounts, t.value, t.count);
  for (const { tags } of meta) {
    const own = new Map<string, string>();
    for (const tag of storedValue("a document's tags", () => JSON.parse(tags) as string[]))
      if (!own.has(tag.toLowerCase())) own.set(tag.toLowerCase(), tag);
    for (const tag of own.values()) bumpFolded(tagCounts, tag);
  }
  const tags = [...tagCounts.values()]
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, TAGS)
    .map((t) => ({ value: t.value, count: sampled ? Math.round(t.count * scale) : t.count }));

  let sources: FacetCount[];
  let days: { day: string | null; n: number }[];
  if (large || walked) {
    if (canSet) {
      const bits = bitsOf();
      sources = statement(db, SQL.sourcesInSet).all({ bits }) as FacetCount[];
      days = statement(db, SQL.daysInSet).all({ bits }) as { day: string | null; n: number }[];
    } else {
      matches();
      sources = statement(db, SQL.sources).all() as FacetCount[];
      days = statement(db, SQL.days).all() as { day: string | null; n: number }[];
    }
  } else {
    // Sources as the source index groups them: case aside, under their first spelling.
    const bySource = new Map<string, FacetCount>();
    for (const { source } of meta) bumpFolded(bySource, source ?? '');
    sources = [...bySource.values()];
    const byDay = new Map<string | null, number>();
    for (const { day } of meta) byDay.set(day, (byDay.get(day) ?? 0) + 1);
    days = [...byDay].map(([day, n]) => ({ day, n }));
  }
  const byMonth = new Map<string, number>();
  for (const { day, n } of days) bump(byMonth, day === null ? 'undated' : day.slice(0, 7), n);
  const months = [...byMonth].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? -1 : 1));

  const floor = options.direct ? 0 : (options.floor ?? floorFor(sorted.length));
  // The documents whose mentions the other ways read: the result's, or for a large one the rest.
  const read = large ? corpus - sorted.length : sorted.length;
  let entityRows: TypedCount[];
  if (canSet && inRangesPays(db, floor, read, options.rangesFrom ?? RANGES_FROM))
    entityRows = inRanges(db, perType, floor, bitsOf());
  else if (large) {
    matches();
    fill(db, 'corpus_facet_rest', []);
    statement(db, SQL.rest).run();
    entityRows = byComplement(db, perType, floor);
  } else {
    matches();
    entityRows = topEntities(db, perType, floor);
  }
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

/** Whether counting the entities over their entity_docs ranges costs less than reading the mentions of `read` documents. */
function inRangesPays(db: Db, floor: number, read: number, from: number): boolean {
  if (read < from) return false;
  const rows = (statement(db, SQL.rangeRows).get({ floor }) as { n: number }).n;
  return RANGES_MARGIN * rows * ENTITY_ROW_COST < read * DOCUMENT_MENTIONS_COST;
}

/**
 * The top entities per type counted over their own entity_docs ranges, as topEntities counts them;
 * a type whose list is not certain at the floor (see certain) is counted again whole, and only it.
 */
function inRanges(db: Db, perType: number, floor: number, bits: Buffer): TypedCount[] {
  const count = (short: string[]) =>
    statement(db, SQL.entitiesInRanges).all({ perType, floor, bits, short: JSON.stringify(short) }) as TypedCount[];
  const rows = count([]);
  const short = floor <= 1 ? [] : ENTITY_TYPES.filter((type) => !certainOf(rows, type, perType, floor));
  return short.length === 0 ? rows : count(short);
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
  return ENTITY_TYPES.every((type) => certainOf(rows, type, perType, floor));
}

/** Whether one type's top list counted at the floor is the true one (see certain). */
function certainOf(rows: TypedCount[], type: string, perType: number, floor: number): boolean {
  const list = rows.filter((r) => r.type === type);
  return list.length === perType && list[perType - 1].count >= floor;
}

function bump(counts: Map<string, number>, key: string, n = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** Count `n` under `value` with case aside, shown in its least spelling (as the source index groups sources). */
function bumpFolded(counts: Map<string, FacetCount>, value: string, n = 1): void {
  const key = value.toLowerCase();
  const seen = counts.get(key);
  if (!seen) counts.set(key, { value, count: n });
  else {
    seen.count += n;
    if (value < seen.value) seen.value = value;
  }
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
  const params: Record<string, Record<string, unknown>> = {
    entities: { perType: 10, floor: 7 },
    entitiesByComplement: { perType: 10, floor: 30 },
    bits: { ids: '[]' },
    rangeRows: { floor: 30 },
    entitiesInRanges: { perType: 10, floor: 30, bits: null, short: '[]' },
    sourcesInSet: { bits: null },
    daysInSet: { bits: null },
    tagsInSet: { bits: null },
  };
  // The bitmap statements need the extension's functions.
  const extension = hasRankFunction(db);
  return Object.fromEntries(
    Object.entries(SQL)
      .filter(
        ([name]) => extension || !['bits', 'entitiesInRanges', 'sourcesInSet', 'daysInSet', 'tagsInSet'].includes(name),
      )
      .map(([name, sql]) => [
        name,
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params[name] ?? {}) as { detail: string }[]).map((p) => p.detail),
      ]),
  );
}
