/**
 * What `corpus graph` reads beyond an entity's associates (store/entities.ts `associatedEntities`):
 * the counts of the entities drawn, and how many sentences name each pair of them, so edges between
 * neighbours are scored by the same log-likelihood over sentences as the edges to the centre.
 */
import { sqlite, type Store } from './db.js';
import { statement } from './statements.js';

export interface NodeCounts {
  id: number;
  name: string;
  type: string;
  mentions: number;
  documents: number;
  /** Sentences that name it (the row total of its association tables). */
  sentences: number;
}

export interface PairCount {
  a: number;
  b: number;
  /** Sentences that name both. */
  together: number;
}

/** Name, type and counts of each entity in `ids` (counts kept by the resolution in entity_stats). */
export function nodeCounts(store: Store, ids: number[]): NodeCounts[] {
  if (ids.length === 0) return [];
  return statement(
    sqlite(store),
    `SELECT e.id, e.name, e.type, coalesce(s.mentions, 0) AS mentions, coalesce(s.documents, 0) AS documents,
            coalesce(s.sentences, 0) AS sentences
       FROM entities e LEFT JOIN entity_stats s ON s.entity_id = e.id
      WHERE e.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as NodeCounts[];
}

/**
 * For every pair of entities in `ids` named together in at least `min` sentences, how many sentences
 * name both. Reads the mentions of those entities only (the entity index), each sentence once per entity.
 */
export function pairCounts(store: Store, ids: number[], min: number): PairCount[] {
  if (ids.length < 2) return [];
  return statement(
    sqlite(store),
    `WITH s AS (
       SELECT DISTINCT m.entity_id AS id, m.doc_id, m.sentence FROM mentions m
        WHERE m.entity_id IN (SELECT value FROM json_each(@ids)))
     SELECT x.id AS a, y.id AS b, count(*) AS together
       FROM s x JOIN s y ON y.doc_id = x.doc_id AND y.sentence = x.sentence AND y.id > x.id
      GROUP BY x.id, y.id HAVING count(*) >= @min`,
  ).all({ ids: JSON.stringify(ids), min }) as PairCount[];
}
