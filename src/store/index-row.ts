/**
 * The full-text row of a document. documents_fts is an external-content index (over documents_story
 * since migration 18): a row is written with the title and the body from where the story begins
 * (story_start), and removed only by giving FTS5 exactly the values it was written with. Every writer
 * goes through here, so none can slice the body differently from another, and each notes the length
 * FTS5 recorded (doc-lengths.ts) and the acronyms the text writes (acronyms.ts).
 */
import type { Db } from './db.js';
import { statement } from './statements.js';
import { noteDocumentLength } from './doc-lengths.js';
import { forgetAcronyms, noteAcronyms } from './acronyms.js';

/** What the full-text index holds of a document: its title, and its body from `storyStart` on. */
export interface IndexedText {
  id: number;
  title: string | null;
  body: string;
  storyStart: number;
}

const INSERT = 'INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)';
const DELETE = "INSERT INTO documents_fts (documents_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)";

function values(doc: IndexedText): [number, string, string] {
  return [doc.id, doc.title ?? '', doc.body.slice(doc.storyStart)];
}

/** Index a document's text. */
export function indexText(db: Db, doc: IndexedText): void {
  const row = values(doc);
  statement(db, INSERT).run(...row);
  noteDocumentLength(db, doc.id);
  noteAcronyms(db, ...row);
}

/** Remove a document's text from the index, as it was indexed. */
export function unindexText(db: Db, doc: IndexedText): void {
  const row = values(doc);
  statement(db, DELETE).run(...row);
  forgetAcronyms(db, ...row);
}
