/**
 * Every mention of an entity with its document and sentence (`corpus mentions`), oldest first,
 * streamed: a document's body and sentence offsets are read once for all its mentions.
 */
import { sqlite, type Store } from './db.js';
import { statement } from './statements.js';
import { unpackSentences } from './sentences.js';

export interface MentionRow {
  docId: number;
  date: string | null;
  title: string | null;
  path: string | null;
  /** The mention's text and [start, end) offsets in the body (JavaScript string offsets). */
  text: string;
  start: number;
  end: number;
  /** The sentence holding it (whitespace collapsed), and its index in the document. */
  sentence: string;
  sentenceIndex: number;
}

/** Longest sentence printed whole; longer ones are cut around the mention. */
const MAX_SENTENCE = 400;

/** How many mentions entityMentions lists for these entities. */
export function mentionCount(store: Store, entityIds: number[]): number {
  return statement(sqlite(store), 'SELECT count(*) FROM mentions WHERE entity_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(entityIds)) as number;
}

export function* entityMentions(store: Store, entityIds: number[]): Generator<MentionRow> {
  const db = sqlite(store);
  const rows = statement(
    db,
    `SELECT m.doc_id AS docId, d.date AS date, d.title AS title, m.start AS start, m.end AS end, m.text AS text, m.sentence AS sentenceIndex
       FROM mentions m JOIN documents d ON d.id = m.doc_id
      WHERE m.entity_id IN (SELECT value FROM json_each(?))
      ORDER BY d.date IS NULL, d.date, m.doc_id, m.start`,
  ).all(JSON.stringify(entityIds)) as Omit<MentionRow, 'sentence' | 'path'>[];
  let current: { id: number; body: string; sentences: { start: number; end: number }[]; path: string | null } | null =
    null;
  for (const row of rows) {
    if (!current || current.id !== row.docId) {
      const doc = statement(db, 'SELECT body, sentences FROM documents WHERE id = ?').get(row.docId) as {
        body: string;
        sentences: Buffer;
      };
      const path = statement(db, 'SELECT min(path) AS path FROM paths WHERE doc_id = ?').get(row.docId) as {
        path: string | null;
      };
      current = { id: row.docId, body: doc.body, sentences: unpackSentences(doc.sentences), path: path.path };
    }
    const span = current.sentences[row.sentenceIndex] ?? {
      start: Math.max(0, row.start - 150),
      end: Math.min(current.body.length, row.end + 150),
    };
    let from = span.start;
    let to = span.end;
    if (to - from > MAX_SENTENCE) {
      from = Math.max(span.start, row.start - MAX_SENTENCE / 2);
      to = Math.min(span.end, from + MAX_SENTENCE);
    }
    yield { ...row, path: current.path, sentence: current.body.slice(from, to).replace(/\s+/g, ' ').trim() };
  }
}
