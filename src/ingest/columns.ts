/**
 * `--columns text=body,date=published`: which column of a CSV/TSV file feeds which article field,
 * and the header names that feed each field when the option says nothing. Kept apart from the CSV
 * reader so that parsing the option loads no parser.
 */
import type { ColumnMap } from './formats.js';

/** The article fields a column can feed, and the header names that feed each by default (in order of preference). */
export const COLUMN_FIELDS = {
  text: ['content', 'text', 'body', 'article', 'maintext', 'story', 'full_text', 'article_text'],
  title: ['title', 'headline', 'heading'],
  date: [
    'date',
    'publish_date',
    'published',
    'pubdate',
    'date_publish',
    'published_at',
    'publication_date',
    'datetime',
    'timestamp',
  ],
  source: ['publication', 'source', 'publisher', 'outlet', 'source_domain', 'site_name', 'site'],
  url: ['url', 'link', 'article_url'],
  author: ['author', 'authors', 'byline', 'creator'],
  id: ['id', 'article_id', 'doc_id', 'uuid', 'guid'],
  section: ['section', 'category', 'topic'],
  tags: ['tags', 'keywords'],
} as const;

export type ColumnField = keyof typeof COLUMN_FIELDS;
export const COLUMN_FIELD_NAMES = Object.keys(COLUMN_FIELDS) as ColumnField[];

/** `body` is accepted as another name for the text field in `--columns`. */
const FIELD_ALIASES: Record<string, ColumnField> = { body: 'text', content: 'text' };

/**
 * `text=body,date=published` → { text: 'body', date: 'published' }. Throws an Error with a one-line
 * message for a malformed list or an unknown field (the CLI turns it into a usage error).
 */
export function parseColumnsOption(value: string): ColumnMap {
  const map: Record<string, string> = {};
  for (const part of value.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) throw new Error(`'${part.trim()}' is not FIELD=COLUMN`);
    const key = part.slice(0, eq).trim().toLowerCase();
    const field = FIELD_ALIASES[key] ?? (COLUMN_FIELD_NAMES.includes(key as ColumnField) ? (key as ColumnField) : null);
    if (!field) throw new Error(`unknown field '${key}' (fields: ${COLUMN_FIELD_NAMES.join(', ')})`);
    map[field] = part.slice(eq + 1).trim();
  }
  if (Object.keys(map).length === 0) throw new Error('expected FIELD=COLUMN pairs, e.g. text=body,date=published');
  return map;
}
