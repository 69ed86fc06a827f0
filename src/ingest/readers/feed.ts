/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item or entry is one article (title, link,
 * publication date, and the fullest text the item carries — `content:encoded` or Atom `content`,
 * else the summary — with its HTML reduced to text). Items are addressed `feed.xml#GUID` (the
 * item's guid or Atom id, stable when the feed is fetched again), else `feed.xml:N`.
 *
 * Parsed with fast-xml-parser: maintained, no dependencies, namespaced names kept as written
 * (`content:encoded`, `dc:date`), CDATA and entities handled, and a validator that gives the line
 * of an error. rss-parser and @extractus/feed-extractor would fetch URLs and pull in an HTTP
 * client and xml2js for what is, on a file, one parse of one document.
 */
import { createRequire } from 'node:module';
import type { ArticleFormat } from '../../core/types.js';
import type { Entry, ManyFormat } from '../formats.js';
import { decodeText, decodeWindows1252 } from '../decode.js';
import { cleanString, emptyFields, toTags, withMetadataDate, type ReaderOutcome } from './fields.js';
import { NEWS_XML_ROOTS, readNewsXml } from './news-xml.js';
import { htmlToText } from './html.js';

const require = createRequire(import.meta.url);
let fxp: typeof import('fast-xml-parser') | undefined;

/** A feed is one XML document: it is parsed whole, so it is bounded like any single file. */
const MAX_FEED_BYTES = 256 * 1024 * 1024;

type Node = Record<string, unknown>;

const ARRAYS = new Set(['item', 'entry', 'link', 'category']);

/** An XML declaration of a Latin-1 or Windows-1252 encoding (Windows-1252 reads both, as browsers do). */
const LATIN_DECLARATION =
  /^(?:\uFEFF)?<\?xml[^>]*\bencoding\s*=\s*["'](?:iso-8859-1|iso8859-1|latin-?1|windows-1252|cp1252)["']/i;

/** The root element's name, past the XML declaration, comments, processing instructions and doctype. */
export function rootElement(head: string): string | null {
  const m = /^(?:\uFEFF)?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w:.-]*)/.exec(head);
  return m ? m[1] : null;
}

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:RDF']);

const NOT_NEWS = (root: string | null): string =>
  root
    ? `not a news feed or article (the root element is <${root}>)`
    : 'not a news feed or article (no XML root element)';

export const feedFormat: ManyFormat = {
  name: 'rss',
  extensions: ['.rss', '.atom', '.xml'],
  many: true,
  sniff(head) {
    const root = rootElement(head);
    return root && (FEED_ROOTS.has(root) || NEWS_XML_ROOTS.has(root)) ? null : NOT_NEWS(root);
  },
  async *stream(bytes) {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of bytes) {
      size += chunk.byteLength;
      if (size > MAX_FEED_BYTES) {
        yield { address: '', outcome: { ok: false, error: `feed too large (over ${MAX_FEED_BYTES} bytes)` } };
        return;
      }
      chunks.push(chunk);
    }
    const whole = Buffer.concat(chunks);
    // RCV1 declares ISO-8859-1: decoded as declared, not guessed at with a warning on every file.
    const decoded = LATIN_DECLARATION.test(whole.subarray(0, 200).toString('latin1'))
      ? decodeWindows1252(whole)
      : decodeText(whole);
    if (!decoded.ok) {
      yield { address: '', outcome: { ok: false, error: decoded.error } };
      return;
    }
    yield* readFeed(decoded.text);
  },
  parse: (text) => readFeed(text),
};

/** The entries of a feed's text; a feed that does not parse is one failure for the file. */
export function* readFeed(text: string): Generator<Entry> {
  fxp ??= require('fast-xml-parser') as typeof import('fast-xml-parser');
  if (text.trim() === '') {
    yield { address: '', outcome: { ok: false, error: 'empty file' } };
    return;
  }
  const root = rootElement(text);
  // One article (NITF, RCV1's newsitem): read by element, stored under the file's own name.
  if (root && NEWS_XML_ROOTS.has(root)) {
    yield { address: '', outcome: readNewsXml(root, text), format: 'xml' };
    return;
  }
  const valid = fxp.XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    yield { address: '', outcome: { ok: false, error: `invalid XML at line ${line}, column ${col}: ${msg}` } };
    return;
  }
  const parser = new fxp.XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    isArray: (name) => ARRAYS.has(name),
    // Atom text constructs are kept raw: type="xhtml" is markup, not text to flatten into a tree.
    stopNodes: ['feed.entry.content', 'feed.entry.summary'],
  });
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (err) {
    yield { address: '', outcome: { ok: false, error: `invalid XML: ${(err as Error).message.split('\n')[0]}` } };
    return;
  }
  let items: Node[];
  let format: ArticleFormat;
  let feedTitle: string | null;
  if (root === 'feed') {
    const feed = asNode(doc.feed);
    items = asNodes(feed.entry);
    format = 'atom';
    feedTitle = textOf(feed.title);
  } else if (root === 'rss' || root === 'rdf:RDF') {
    const top = asNode(doc[root]);
    const channel = asNode(asNodes(top.channel)[0] ?? top.channel);
    // RSS 2.0 keeps items in the channel; RSS 1.0 beside it.
    items = asNodes(channel.item).length ? asNodes(channel.item) : asNodes(top.item);
    format = 'rss';
    feedTitle = textOf(channel.title);
  } else {
    yield { address: '', outcome: { ok: false, error: NOT_NEWS(root) } };
    return;
  }
  if (items.length === 0) {
    yield { address: '', outcome: { ok: false, error: `no ${format === 'atom' ? 'entries' : 'items'} in the feed` } };
    return;
  }
  const used = new Set<string>();
  for (const [index, item] of items.entries()) {
    const outcome = format === 'atom' ? atomEntry(item, feedTitle) : rssItem(item, feedTitle);
    // The guid or Atom id; else the link: both stay the same when the feed is fetched again.
    const id = outcome.ok
      ? (outcome.fields.externalId ?? outcome.fields.url)
      : (textOf(item.guid) ?? textOf(item.id) ?? textOf(item.link));
    // An id that repeats in the same feed cannot address two items.
    const address = id && !used.has(id) && !/\s/.test(id) ? `#${id}` : `:${index + 1}`;
    if (id) used.add(id);
    yield { address, outcome, format };
  }
}

function rssItem(item: Node, feedTitle: string | null): ReaderOutcome {
  const html = textOf(item['content:encoded']) ?? textOf(item.description) ?? textOf(item['dc:description']);
  const title = cleanString(textOf(item.title));
  const fields = emptyFields(html ? htmlToText(html) : '');
  if (fields.body.trim() === '')
    return { ok: false, error: `no article text: item ${title ? `'${title}' ` : ''}has no description or content` };
  fields.title = title;
  withMetadataDate(fields, textOf(item.pubDate) ?? textOf(item['dc:date']));
  fields.url = cleanString(textOf(asNodes(item.link)[0] ?? item.link));
  fields.externalId = cleanString(textOf(item.guid));
  fields.author = cleanString(textOf(item['dc:creator']) ?? textOf(item.author));
  fields.source = cleanString(textOf(item.source)) ?? feedTitle;
  fields.tags = toTags(asNodes(item.category).map((c) => textOf(c)));
  return { ok: true, fields };
}

function atomEntry(entry: Node, feedTitle: string | null): ReaderOutcome {
  const title = cleanString(htmlToText(textOf(entry.title) ?? ''));
  const fields = emptyFields(atomText(entry.content) || atomText(entry.summary));
  if (fields.body.trim() === '')
    return { ok: false, error: `no article text: entry ${title ? `'${title}' ` : ''}has no content or summary` };
  fields.title = title;
  withMetadataDate(fields, textOf(entry.published) ?? textOf(entry.updated));
  const links = asNodes(entry.link);
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
  fields.url = cleanString(alternate?.['@_href']);
  fields.externalId = cleanString(textOf(entry.id));
  fields.author = cleanString(
    asNodes(entry.author)
      .map((a) => textOf(a.name) ?? textOf(a))
      .filter(Boolean)
      .join(', '),
  );
  const sourceTitle = textOf(asNode(entry.source).title);
  fields.source = cleanString(sourceTitle) ?? feedTitle;
  fields.tags = toTags(asNodes(entry.category).map((c) => c['@_term'] ?? textOf(c)));
  return { ok: true, fields };
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities of raw (unparsed) element text, and CDATA sections unwrapped. */
function decodeXml(raw: string): string {
  return raw.replace(
    /<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi,
    (_, cdata: string | undefined, entity: string | undefined) => {
      if (cdata !== undefined) return cdata;
      const e = entity!.toLowerCase();
      if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return XML_ENTITIES[e];
    },
  );
}

/** An Atom text construct (content, summary) as text: `text`, escaped `html`, or inline `xhtml`. */
function atomText(value: unknown): string {
  const node = asNode(value);
  const raw = textOf(value);
  if (!raw) return '';
  const type = String(node['@_type'] ?? 'text').toLowerCase();
  if (type === 'xhtml' || type.endsWith('xhtml+xml')) return htmlToText(raw);
  if (type === 'html' || type.endsWith('/html')) return htmlToText(decodeXml(raw));
  return decodeXml(raw)
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** An element's text: a string, or the `#text` of an element with attributes. */
function textOf(value: unknown): string | null {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') return textOf((value as Node)['#text']);
  return null;
}

function asNode(value: unknown): Node {
  if (Array.isArray(value)) return asNode(value[0]);
  return value && typeof value === 'object' ? (value as Node) : {};
}

function asNodes(value: unknown): Node[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map((v) => (v && typeof v === 'object' ? (v as Node) : { '#text': v }));
}
