/**
 * Web pages: the article's text through Mozilla's Readability (the Firefox reader view) on
 * linkedom, a light DOM; metadata from the head (Open Graph, article:*, JSON-LD, <time datetime>).
 *
 * Readability scores the page's blocks by text density, links and class names, so furniture built
 * from plain `div`s (cookie banners, share bars, "Most read" lists) is dropped as well as the
 * semantic `nav`/`footer`/`aside` a tag list catches. bench/html.ts measures both approaches.
 *
 * Dates found in the page's own metadata get dateSource 'header': they play the role of a
 * plain-text header line (the spec's 'frontmatter' is Markdown's YAML).
 */
import { createRequire } from 'node:module';
import type { SingleFormat } from '../formats.js';
import { type ArticleFields, cleanString, emptyFields, normalizeDate, toTags, type ReaderOutcome } from './fields.js';

const require = createRequire(import.meta.url);
// Loaded on first use: a .txt-only corpus never pays for a DOM.
let linkedom: typeof import('linkedom') | undefined;
let readability: typeof import('@mozilla/readability') | undefined;

/** The DOM interfaces used here (linkedom's own types are loose). */
type Doc = Document;

export const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'center',
]);
/** Never text, wherever they are (Readability removes most; text walks elsewhere meet them too). */
export const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'head',
  'title',
]);

export const htmlFormat: SingleFormat = {
  name: 'html',
  extensions: ['.html', '.htm'],
  many: false,
  read: (text) => readHtml(text),
};

/** A DOM for a page or a fragment of HTML. */
export function parseDocument(html: string): Doc {
  linkedom ??= require('linkedom') as typeof import('linkedom');
  return linkedom.parseHTML(html).document as unknown as Doc;
}

export function readHtml(text: string): ReaderOutcome {
  let document: Doc;
  try {
    document = parseDocument(text);
  } catch (err) {
    return { ok: false, error: `cannot parse HTML: ${(err as Error).message.split('\n')[0]}` };
  }
  const { fields, author } = pageMetadata(document);

  // Readability rewrites the document it is given: metadata first, then the story.
  prepareForReadability(document);
  readability ??= require('@mozilla/readability') as typeof import('@mozilla/readability');
  let story: { content?: Element | null; byline?: string | null; siteName?: string | null } | null;
  try {
    // `serializer` hands back the story's element itself: no HTML string to parse a second time.
    story = new readability.Readability(document as never, {
      serializer: (node: Node) => node as Element,
      keepClasses: true,
      disableJSONLD: true,
    }).parse();
  } catch (err) {
    return { ok: false, error: `cannot extract the article: ${(err as Error).message.split('\n')[0]}` };
  }
  fields.body = story?.content ? extractText(story.content) : '';
  if (fields.body.trim() === '') return { ok: false, error: 'no article text in the HTML' };
  fields.author = author ?? cleanByline(story?.byline);
  fields.source ??= cleanString(story?.siteName);
  fields.contentStart = storyStart(fields.body, fields.title);
  return { ok: true, fields };
}

/**
 * What a page's head and JSON-LD say of its article (Open Graph, article:*, <time datetime>): every
 * field but the body, and its author.
 */
export function pageMetadata(document: Doc): { fields: ArticleFields; author: string | null } {
  const fields = emptyFields('');
  const ld = jsonLdArticle(document);
  const meta = (selector: string): string | null =>
    cleanString(document.querySelector(selector)?.getAttribute('content'));
  const attr = (selector: string, name: string): string | null =>
    cleanString(document.querySelector(selector)?.getAttribute(name));

  const siteName =
    meta('meta[property="og:site_name"], meta[name="og:site_name"]') ?? cleanString(nested(ld, 'publisher', 'name'));
  fields.title =
    meta('meta[property="og:title"], meta[name="og:title"]') ??
    cleanString(ld?.headline) ??
    stripSiteSuffix(cleanString(document.querySelector('title')?.textContent), siteName) ??
    cleanString(document.querySelector('h1')?.textContent);

  const dateCandidates = [
    meta('meta[property="article:published_time"], meta[name="article:published_time"]'),
    cleanString(ld?.datePublished),
    meta('meta[itemprop="datePublished"]'),
    attr('time[itemprop="datePublished"], time[pubdate]', 'datetime'),
    meta(
      'meta[name="date"], meta[name="pubdate"], meta[name="publishdate"], meta[name="publish-date"], meta[name="publication_date"], ' +
        'meta[name="dc.date"], meta[name="DC.date"], meta[name="DC.date.issued"], meta[name="dcterms.created"], ' +
        'meta[name="parsely-pub-date"], meta[name="sailthru.date"]',
    ),
    attr('article time[datetime], main time[datetime], time[datetime]', 'datetime'),
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
  fields.section =
    meta('meta[property="article:section"], meta[name="article:section"]') ?? cleanString(ld?.articleSection);
  const tags = [...document.querySelectorAll('meta[property="article:tag"], meta[name="article:tag"]')].map(
    (el) => el.getAttribute('content') ?? '',
  );
  fields.tags = toTags(
    tags.length ? tags : (meta('meta[name="news_keywords"]') ?? meta('meta[name="keywords"]') ?? ld?.keywords),
  );
  fields.url =
    attr('link[rel="canonical"]', 'href') ??
    meta('meta[property="og:url"], meta[name="og:url"]') ??
    cleanString(ld?.url) ??
    null;
  const author = meta('meta[name="author"], meta[property="article:author"]') ?? cleanString(authorOf(ld));
  return { fields, author };
}

/**
 * What is never the story, whatever its text density: semantic furniture (the old reader's rules,
 * which Readability only down-weights), and a publisher's explicit `itemprop="articleBody"`, which
 * is trusted as the story's container when present.
 */
const FURNITURE =
  'nav, aside, footer, form, dialog, [hidden], [aria-hidden="true"], [role="navigation"], [role="contentinfo"], ' +
  '[role="complementary"], [role="search"], [role="dialog"], [role="alertdialog"], body > header';

const FURNITURE_NAME =
  /(?:^|[\s_-])(?:share|sharing|social|newsletter|signup|promo|advert|ad-slot|ad-label|cookie|consent|paywall|related|recommended|most-?read|popular|trending|tags|tag-list|breadcrumbs?|crumbs|copyright|site-footer|footer|comments?|author-box|app-promo)(?:$|[\s_-])/i;

function prepareForReadability(document: Doc): void {
  const marked = document.querySelector('[itemprop="articleBody"]');
  if (marked && (marked.textContent ?? '').trim() !== '') {
    const body = document.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(marked);
  }
  for (const el of [...document.querySelectorAll(FURNITURE)]) el.remove();
  // Blocks named for furniture (share bars, newsletter boxes, tag lists, footers built from divs).
  // Readability ignores class names on its second try, which short stories need; a named block is
  // removed only when it holds well under half the page's text, so a mislabelled wrapper stays.
  const total = (document.body?.textContent ?? '').length;
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    if (!el.isConnected) continue;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!FURNITURE_NAME.test(name) || el.querySelector('[itemprop="articleBody"], article')) continue;
    if ((el.textContent ?? '').length < total * 0.4) el.remove();
  }
  // A timestamp alone in its block ("Feb 7" under the headline) is metadata, already read.
  for (const time of [...document.querySelectorAll('time')]) {
    const parent = time.parentElement;
    if (parent && (parent.textContent ?? '').trim() === (time.textContent ?? '').trim()) time.remove();
    else if (parent && parent.localName === 'header') time.remove();
  }
}

/** A byline as Readability finds it in the text ("By Jane Doe, Staff Writer" → "Jane Doe, Staff Writer"). */
function cleanByline(byline: string | null | undefined): string | null {
  const s = cleanString(byline);
  return s ? s.replace(/^by\s+/i, '') || null : null;
}

/** Past a leading paragraph that repeats the headline, where a dateline would be. */
export function storyStart(body: string, title: string | null): number {
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

/** Paragraphs separated by blank lines; `<br>` breaks lines inside one. */
export function extractText(root: Node): string {
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
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      // Newlines in source are just whitespace; only <br> makes a line break.
      current += (node.nodeValue ?? '').replace(/\n/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return; // comments, doctypes
    const name = node.nodeType === 1 ? (node as Element).localName.toLowerCase() : '';
    if (SKIP.has(name)) return;
    if (name === 'br') {
      current += '\n';
      return;
    }
    if (name === 'pre') {
      flush();
      const raw = (node.textContent ?? '').replace(/^\n+|\s+$/g, '');
      if (raw) paragraphs.push(raw);
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (name === 'td' || name === 'th') current += ' ';
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/** The text of an HTML fragment (a feed item's description), paragraphs kept. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/[ \t]+/g, ' ').trim();
  const document = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return extractText(document.body);
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /(?:Article|BlogPosting|Report)$/;

/** The NewsArticle (or similar) object of the page's JSON-LD, if any. */
function jsonLdArticle(document: Doc): Json | null {
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
  for (const el of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(el.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common on the web; the page's other metadata still counts.
    }
  }
  return found[0] ?? null;
}

/** JSON-LD `author`: a name, a Person, or a list of them. */
function authorOf(ld: Json | null): string | null {
  const raw = ([] as unknown[]).concat(ld?.author ?? []);
  const names = raw.map((a) => cleanString(a)).filter((a): a is string => a !== null);
  return names.length ? names.join(', ') : null;
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
