/**
 * HTML pages: metadata from the head (Open Graph, article:* and JSON-LD), and the
 * article's readable text — navigation, scripts and page furniture removed, one
 * paragraph per block separated by blank lines, whitespace collapsed inside them.
 *
 * Dates found in the page's own metadata get dateSource 'header': they play the role
 * of a plain-text header line (the spec's 'frontmatter' is Markdown's YAML).
 */
import { createRequire } from 'node:module';
import type { CheerioAPI } from 'cheerio';
import { cleanString, emptyFields, normalizeDate, toTags, type ReaderOutcome } from './fields.js';

const require = createRequire(import.meta.url);
// Loaded on first use: cheerio costs ~80 ms to load, which a .txt-only corpus never needs to pay.
let cheerio: typeof import('cheerio') | undefined;

/** Page furniture that is never part of the story. */
const REMOVE = [
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'svg', 'canvas',
  'button', 'select', 'textarea', 'input', 'object', 'embed', 'audio', 'video', 'map', 'dialog',
  '[hidden]', '[aria-hidden="true"]', '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]',
].join(', ');

const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'li', 'main', 'ol', 'p', 'section', 'summary', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'ul', 'center',
]);

/** The parts of a domhandler node the text walk needs. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

export function readHtml(text: string): ReaderOutcome {
  cheerio ??= require('cheerio') as typeof import('cheerio');
  let $: CheerioAPI;
  try {
    $ = cheerio.load(text);
  } catch (err) {
    return { ok: false, error: `cannot parse HTML: ${(err as Error).message.split('\n')[0]}` };
  }
  const fields = emptyFields('');
  const ld = jsonLdArticle($);
  const meta = (selector: string): string | null => cleanString($(selector).first().attr('content'));

  const siteName = meta('meta[property="og:site_name"], meta[name="og:site_name"]') ?? cleanString(nested(ld, 'publisher', 'name'));
  fields.title =
    meta('meta[property="og:title"], meta[name="og:title"]') ??
    cleanString(ld?.headline) ??
    stripSiteSuffix(cleanString($('title').first().text()), siteName) ??
    cleanString($('h1').first().text());

  const dateCandidates = [
    meta('meta[property="article:published_time"], meta[name="article:published_time"]'),
    cleanString(ld?.datePublished),
    meta('meta[itemprop="datePublished"]'),
    cleanString($('time[itemprop="datePublished"], time[pubdate]').first().attr('datetime')),
    meta('meta[name="date"], meta[name="pubdate"], meta[name="publishdate"], meta[name="publish-date"], meta[name="publication_date"], meta[name="dc.date"], meta[name="DC.date"], meta[name="DC.date.issued"], meta[name="dcterms.created"], meta[name="parsely-pub-date"], meta[name="sailthru.date"]'),
    cleanString($('article time[datetime], main time[datetime], time[datetime]').first().attr('datetime')),
  ];
  for (const candidate of dateCandidates) {
    const date = normalizeDate(candidate);
    if (date) {
      fields.date = date;
      fields.dateSource = 'header';
      break;
    }
  }

  fields.source = siteName;
  fields.section = meta('meta[property="article:section"], meta[name="article:section"]') ?? cleanString(ld?.articleSection);
  const tags = $('meta[property="article:tag"], meta[name="article:tag"]').map((_, el) => $(el).attr('content') ?? '').get();
  fields.tags = toTags(tags.length ? tags : meta('meta[name="news_keywords"]') ?? meta('meta[name="keywords"]') ?? ld?.keywords);

  $(REMOVE).remove();
  const root = storyRoot($);
  fields.body = root ? extractText(root) : '';
  if (fields.body.trim() === '') return { ok: false, error: 'no article text in the HTML' };
  fields.contentStart = storyStart(fields.body, fields.title);
  return { ok: true, fields };
}

/** Past a leading paragraph that repeats the headline, where a dateline would be. */
function storyStart(body: string, title: string | null): number {
  const end = body.indexOf('\n\n');
  if (!title || end === -1) return 0;
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(body.slice(0, end)) === norm(title) ? end + 2 : 0;
}

function stripSiteSuffix(title: string | null, siteName: string | null): string | null {
  if (!title || !siteName) return title;
  for (const sep of [' | ', ' - ', ' — ', ' – ', ' :: ']) {
    if (title.endsWith(sep + siteName)) return title.slice(0, -(sep + siteName).length).trim() || title;
  }
  return title;
}

/** The element holding the story: the marked article body, the longest <article>, <main>, else <body>. */
function storyRoot($: CheerioAPI): DomNode | null {
  const marked = $('[itemprop="articleBody"]').first();
  if (marked.length) return marked.get(0) as unknown as DomNode;
  let best: DomNode | null = null;
  let bestLength = 0;
  $('article').each((_, el) => {
    const length = $(el).text().trim().length;
    if (length > bestLength) {
      best = el as unknown as DomNode;
      bestLength = length;
    }
  });
  if (best) return best;
  for (const selector of ['main', '[role="main"]', 'body']) {
    const found = $(selector).first();
    if (found.length && found.text().trim()) return found.get(0) as unknown as DomNode;
  }
  return ($.root().get(0) as unknown as DomNode) ?? null;
}

/** Paragraphs separated by blank lines; `<br>` breaks lines inside one. */
export function extractText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const lines = current
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '');
    if (lines.length) paragraphs.push(lines.join('\n'));
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.type === 'text') {
      // Newlines in source are just whitespace; only <br> makes a line break.
      current += (node.data ?? '').replace(/\n/g, ' ');
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return; // comments, directives; scripts are gone
    const name = node.name?.toLowerCase() ?? '';
    if (name === 'br') {
      current += '\n';
      return;
    }
    if (name === 'pre') {
      flush();
      const raw = textOf(node).replace(/^\n+|\s+$/g, '');
      if (raw) paragraphs.push(raw);
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (const child of node.children ?? []) walk(child);
    if (name === 'td' || name === 'th') current += ' ';
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  return (node.children ?? []).map(textOf).join('');
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /(?:Article|BlogPosting|Report)$/;

/** The NewsArticle (or similar) object of the page's JSON-LD, if any. */
function jsonLdArticle($: CheerioAPI): Json | null {
  const found: Json[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      const obj = value as Json;
      if (Array.isArray(obj['@graph'])) collect(obj['@graph']);
      const type = ([] as unknown[]).concat(obj['@type'] ?? []);
      if (type.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) found.push(obj);
    }
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      collect(JSON.parse($(el).text()));
    } catch {
      // Broken JSON-LD is common on the web; the page's other metadata still counts.
    }
  });
  return found[0] ?? null;
}

function nested(obj: Json | null, ...keys: string[]): unknown {
  let value: unknown = obj;
  for (const key of keys) {
    if (Array.isArray(value)) value = value[0];
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Json)[key];
  }
  return value;
}
