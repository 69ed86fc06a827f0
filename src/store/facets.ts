/**
 * Facet counts over a whole result set (every matching document, not just the page): sources,
 * months, the most mentioned entities per type, and tags. The ids come as one JSON array, read once
 * into a temp table so each count is an indexed join.
 */
import { sqlite, type Store } from './db.js';
import { statement } from './statements.js';

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
}

export function facetCounts(store: Store, ids: number[], perType = 10): Facets {
  const db = sqlite(store);
  db.exec('CREATE TEMP TABLE IF NOT EXISTS corpus_facet_ids (id INTEGER PRIMARY KEY)');
  statement(db, 'DELETE FROM temp.corpus_facet_ids').run();
  statement(db, 'INSERT OR IGNORE INTO temp.corpus_facet_ids (id) SELECT value FROM json_each(?)').run(
    JSON.stringify(ids),
  );
  const sources = statement(
    db,
    `SELECT coalesce(d.source, '') AS value, count(*) AS count FROM temp.corpus_facet_ids f JOIN documents d ON d.id = f.id
      GROUP BY d.source COLLATE NOCASE ORDER BY count DESC, value`,
  ).all() as FacetCount[];
  const months = statement(
    db,
    `SELECT coalesce(substr(d.date, 1, 7), 'undated') AS value, count(*) AS count FROM temp.corpus_facet_ids f JOIN documents d ON d.id = f.id
      GROUP BY 1 ORDER BY value`,
  ).all() as FacetCount[];
  // A small result is read from its documents' mentions (CROSS JOIN keeps that order); a large one
  // from one scan of the covering entity index, which SQLite picks on its own.
  const total = (statement(db, 'SELECT max(id) AS n FROM documents').get() as { n: number | null }).n ?? 0;
  const join = ids.length * 4 < total ? 'CROSS JOIN' : 'JOIN';
  const entityRows = statement(
    db,
    `SELECT type, name AS value, n AS count FROM (
       SELECT e.type AS type, e.name AS name, count(DISTINCT m.doc_id) AS n,
              row_number() OVER (PARTITION BY e.type ORDER BY count(DISTINCT m.doc_id) DESC, e.name) AS r
         FROM temp.corpus_facet_ids f ${join} mentions m ON m.doc_id = f.id JOIN entities e ON e.id = m.entity_id
        GROUP BY e.id)
      WHERE r <= @perType ORDER BY type, count DESC, value`,
  ).all({ perType }) as (FacetCount & { type: string })[];
  const entities: Record<string, FacetCount[]> = {};
  for (const { type, ...count } of entityRows) (entities[type] ??= []).push(count);
  const tags = statement(
    db,
    `SELECT j.value AS value, count(*) AS count FROM temp.corpus_facet_ids f JOIN documents d ON d.id = f.id, json_each(d.tags) j
      GROUP BY j.value ORDER BY count DESC, value LIMIT 20`,
  ).all() as FacetCount[];
  return {
    documents: ids.length,
    sources: sources.filter((s) => s.value !== '' || s.count > 0),
    months,
    entities,
    tags,
  };
}
