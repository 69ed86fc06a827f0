/**
 * Markdown with optional YAML front matter. The fence is split here and the YAML
 * parsed with `yaml` (not gray-matter, which evaluates `---js` front matter and
 * throws on broken YAML). The body is the text after the closing fence, as is.
 */
import { createRequire } from 'node:module';
import type { SingleFormat } from '../formats.js';
import { cleanString, emptyFields, firstOf, normalizeDate, toTags, type ReaderOutcome } from './fields.js';

export const markdownFormat: SingleFormat = {
  name: 'md',
  extensions: ['.md', '.markdown'],
  many: false,
  read: (text) => readMarkdown(text),
};

const require = createRequire(import.meta.url);
let yaml: typeof import('yaml') | undefined;

const OPEN_FENCE_RE = /^---[ \t]*\r?\n/;
const CLOSE_FENCE_RE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export interface FrontMatter {
  /** The YAML text between the fences. */
  yaml: string;
  /** Offset of the body: just past the closing fence's line ending. */
  bodyStart: number;
}

/** Locates front matter; null when the file has none; an error message when it is never closed. */
export function splitFrontMatter(text: string): FrontMatter | null | string {
  const open = OPEN_FENCE_RE.exec(text);
  if (!open) return null;
  const afterOpen = open[0].length;
  const close = CLOSE_FENCE_RE.exec(text.slice(afterOpen));
  if (!close) return 'front matter opened with --- on line 1 is never closed';
  return { yaml: text.slice(afterOpen, afterOpen + close.index), bodyStart: afterOpen + close.index + close[0].length };
}

export function readMarkdown(text: string): ReaderOutcome {
  const front = splitFrontMatter(text);
  if (typeof front === 'string') return { ok: false, error: front };
  const body = front ? text.slice(front.bodyStart) : text;
  const fields = emptyFields(body);

  if (front) {
    const parsed = parseYaml(front.yaml);
    if (!parsed.ok) return parsed;
    const meta = parsed.value;
    fields.title = firstOf(meta, ['title', 'headline'], cleanString);
    const rawDate = firstOf(meta, ['date', 'published', 'pubDate', 'publish_date', 'date_publish'], (v) =>
      v === undefined || v === null ? null : v,
    );
    if (rawDate !== null) {
      fields.date = normalizeDate(rawDate);
      if (fields.date) fields.dateSource = 'frontmatter';
      else
        fields.warnings.push(
          `front matter date ${JSON.stringify(String(rawDate)).slice(0, 60)} is not a valid date; ignored`,
        );
    }
    fields.source = firstOf(meta, ['source', 'publisher', 'outlet'], cleanString);
    fields.dateline = cleanString(meta.dateline);
    fields.section = firstOf(meta, ['section', 'category'], cleanString);
    fields.tags = toTags(meta.tags ?? meta.keywords ?? meta.categories);
  }
  fields.title ??= firstHeading(body);
  fields.contentStart = contentStartOf(body);
  return { ok: true, fields };
}

type YamlResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

function parseYaml(source: string): YamlResult {
  yaml ??= require('yaml') as typeof import('yaml');
  let doc: ReturnType<typeof yaml.parseDocument>;
  try {
    doc = yaml.parseDocument(source, { uniqueKeys: true });
  } catch (err) {
    return { ok: false, error: `invalid YAML front matter: ${(err as Error).message.split('\n')[0]}` };
  }
  const problem = doc.errors[0];
  if (problem) {
    // The message repeats the position and then quotes the source; keep the cause on one line.
    const cause = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const pos = problem.linePos?.[0];
    // +1: the opening fence is the file's line 1.
    const where = pos ? ` at line ${pos.line + 1}, column ${pos.col}` : '';
    return { ok: false, error: `invalid YAML front matter${where}: ${cause}` };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { ok: false, error: `invalid YAML front matter: ${(err as Error).message.split('\n')[0]}` };
  }
  if (value === null || value === undefined) return { ok: true, value: {} };
  if (typeof value !== 'object' || Array.isArray(value))
    return { ok: false, error: 'front matter is not a YAML mapping of keys to values' };
  return { ok: true, value: value as Record<string, unknown> };
}

/** The first ATX heading (`# Title`) before any other text. */
function firstHeading(body: string): string | null {
  const m = /^\s*#{1,2}[ \t]+(.+?)[ \t#]*$/m.exec(body.slice(0, 2000));
  if (!m || body.slice(0, m.index).trim() !== '') return null;
  return m[1].trim() || null;
}

/** Where the story starts: past leading blank lines and a leading heading. */
export function contentStartOf(body: string): number {
  const m = /^(?:\s*#{1,6}[ \t][^\n]*\n)?\s*/.exec(body);
  return m ? m[0].length : 0;
}
