/**
 * What `corpus graph` reads beyond an entity's associates (store/entities.ts `associatedEntities`):
 * the counts of the entities drawn, and the sentences that name two or more of them, so edges between
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
 * The sentences that name two or more of the entities in `ids`, each as the ids of the entities its
 * mentions name (an entity named twice is listed twice). One read of the entity index, sorted once by
 * sentence: joined with themselves, the entities' sentences were indexed whole and every pair of
 * mentions grouped (`graph Japan` at a million articles, 707,167 mentions: 800 -> 400 ms).
 */
export function sentencesNaming(store: Store, ids: number[]): number[][] {
  if (ids.length < 2) return [];
  const lists = statement(
    sqlite(store),
    `SELECT group_concat(m.entity_id) FROM mentions m WHERE m.entity_id IN (SELECT value FROM json_each(?))
      GROUP BY m.doc_id, m.sentence HAVING count(*) >= 2`,
  )
    .pluck()
    .all(JSON.stringify(ids)) as string[];
  return lists.map(idList);
}

/** `12,7,12` → [12, 7, 12]: entity ids as group_concat writes them (positive integers), without a string per id. */
function idList(text: string): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out.push(n);
      n = 0;
    } else n = n * 10 + c - 48;
  }
  out.push(n);
  return out;
}
