/**
 * Where each stored document's story begins, for documents stored before the full-text index read
 * bodies from there (schema 18): read once, by the next ingest, from the stored body as the reader
 * of its format reads a file (a text file's headline and header lines, a Markdown heading, a web
 * page's repeated headline). The same answer an ingest of the file gives now.
 */
import { inTransaction, type Store } from '../store/db.js';
import {
  headedDocumentIds,
  markStoryStartsRead,
  setStoryStart,
  storedText,
  storyStartsUnread,
} from '../store/documents.js';
import { storyStartIn } from './read.js';
import { readTxt } from './readers/txt.js';
import { contentStartOf } from './readers/markdown.js';
import { storyStart as pageStoryStart } from './readers/html.js';

/** The formats whose readers find where a story begins. */
const HEADED_FORMATS = ['txt', 'md', 'html', 'warc'];

/** Where the story of a stored body of this format begins (see Article.storyStart). */
export function storyStartOf(format: string, body: string, title: string | null): number {
  let found: number | undefined;
  if (format === 'txt') {
    const read = readTxt(body);
    found = read.ok ? read.fields.contentStart : 0;
  } else if (format === 'md') found = contentStartOf(body);
  else if (format === 'html' || format === 'warc') found = pageStoryStart(body, title);
  return storyStartIn(body, found);
}

/** Read the story starts of documents stored before schema 18, once; returns how many moved. */
export function readStoryStarts(store: Store): number {
  if (!storyStartsUnread(store)) return 0;
  return inTransaction(store, () => {
    let moved = 0;
    for (const id of headedDocumentIds(store, HEADED_FORMATS)) {
      const doc = storedText(store, id);
      if (!doc) continue;
      const start = storyStartOf(doc.format, doc.body, doc.title);
      if (start === 0) continue;
      setStoryStart(store, doc, start);
      moved++;
    }
    markStoryStartsRead(store);
    return moved;
  });
}
