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
import { declaredCharset, decodedChunks, decodeText, sniffText, utf16Of } from '../decode.js';
import { cleanString, emptyFields, toTags, withMetadataDate, type ReaderOutcome } from './fields.js';
import { NEWS_MESSAGE_ROOTS, NEWS_XML_ROOTS, newsMessageItems, readNewsXml } from './news-xml.js';
import { htmlToText } from './html.js';
import { type FeedPiece, FeedItemSplitter } from './feed-items.js';
import { withReadAhead } from './read-ahead.js';

const require = createRequire(import.meta.url);
let fxp: typeof import('fast-xml-parser') | undefined;

/**
 * A feed up to this size is parsed whole (and checked as one XML document); past it, item by item
 * (FeedItemSplitter): parsed whole, a 250 MB feed took over 1.8 GB.
 */
const WHOLE_FEED_BYTES = 16 * 1024 * 1024;

type Node = Record<string, unknown>;

const ARRAYS = new Set(['item', 'entry', 'link', 'category']);

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
    return root && (FEED_ROOTS.has(root) || NEWS_XML_ROOTS.has(root) || NEWS_MESSAGE_ROOTS.has(root))
      ? null
      : NOT_NEWS(root);
  },
  stream: (bytes) => feedEntries(bytes, WHOLE_FEED_BYTES),
  parse: (text) => readFeed(text),
};

/**
 * A feed's entries from its bytes: parsed whole up to `wholeBytes`, else item by item (feedByItems).
 */
export async function* feedEntries(bytes: AsyncIterable<Uint8Array>, wholeBytes: number): AsyncGenerator<Entry> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const rest = bytes[Symbol.asyncIterator]();
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    chunks.push(next.value);
    size += next.value.byteLength;
    if (size > wholeBytes) {
      yield* feedByItems(chunks, rest);
      return;
    }
  }
  const whole = Buffer.concat(chunks);
  // RCV1 declares ISO-8859-1: decoded as declared, not guessed at with a warning on every file.
  const decoded = decodeText(whole, declaredCharset(whole));
  if (!decoded.ok) {
    yield { address: '', outcome: { ok: false, error: decoded.error } };
    return;
  }
  const entries = [...readFeed(decoded.text)];
  const [only] = entries;
  if (
    entries.length === 1 &&
    only.address === '' &&
    only.outcome.ok === false &&
    /^invalid XML/.test(only.outcome.error)
  ) {
    // Parsed whole, one broken item fails the whole feed: read item by item instead, as a big feed
    // is, the broken one reported by its place. When no item reads (a broken channel), the whole
    // feed's error says where.
    const splitter = new FeedItemSplitter();
    const byItems = [...new ItemEntries().of([...splitter.write(decoded.text), ...splitter.end()])];
    if (byItems.some((e) => e.outcome.ok === true)) {
      yield* byItems;
      return;
    }
  }
  yield* entries;
}

/**
 * The entries of a feed's items read one at a time (FeedItemSplitter's small feeds), addressed as
 * in the whole feed: by the item's id, else by its place among the items.
 */
class ItemEntries {
  private readonly used = new Set<string>();
  private place = 0;

  *of(pieces: FeedPiece[]): Generator<Entry> {
    for (const piece of pieces) {
      if ('error' in piece) {
        if (piece.item) this.place++;
        yield { address: piece.item ? `:${this.place}` : '', outcome: { ok: false, error: piece.error } };
        continue;
      }
      this.place++;
      for (const entry of readFeed(piece.feed)) {
        const id = entry.address.startsWith('#') ? entry.address.slice(1) : null;
        const { outcome } = entry;
        // A line and column counted in the small feed would mislead: the item is named instead.
        if (!outcome.ok)
          outcome.error = outcome.error.replace(/^invalid XML at line \d+, column \d+/, 'invalid XML in this item');
        yield { ...entry, address: id !== null && !this.used.has(id) ? entry.address : `:${this.place}` };
        if (id !== null) this.used.add(id);
      }
    }
  }
}

/**
 * A big feed's entries, each item read as a small feed of its own (see FeedItemSplitter) and
 * addressed as in the whole feed: by its id, else by its place. `read`: its first chunks, read
 * already; `rest`: the others.
 */
async function* feedByItems(read: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Entry> {
  // The root element is looked for in the first 4 KB.
  let size = read.reduce((n, chunk) => n + chunk.byteLength, 0);
  let ended = false;
  while (size < 4096 && !ended) {
    const next = await rest.next();
    if (next.done) ended = true;
    else {
      read.push(next.value);
      size += next.value.byteLength;
    }
  }
  const start = Buffer.concat(read).subarray(0, 4096);
  const utf16 = utf16Of(start);
  const charset = utf16 ? null : declaredCharset(start);
  // Element names are ASCII, which every declared charset keeps.
  const root = rootElement(utf16 ? sniffText(start) : start.toString(charset ? 'latin1' : 'utf8'));
  if (!root || !FEED_ROOTS.has(root)) {
    const error =
      root && NEWS_XML_ROOTS.has(root)
        ? `a <${root}> article of over ${WHOLE_FEED_BYTES / 2 ** 20} MB: not read (one article is never that long)`
        : root && NEWS_MESSAGE_ROOTS.has(root)
          ? `a <${root}> of over ${WHOLE_FEED_BYTES / 2 ** 20} MB: not read (split it into its items)`
          : NOT_NEWS(root);
    yield { address: '', outcome: { ok: false, error } };
    return;
  }
  const splitter = new FeedItemSplitter();
  const items = new ItemEntries();
  // Undeclared, a stray byte is read as Windows-1252 (the feed cannot be judged whole before it is read).
  for await (const text of decodedChunks(withReadAhead(read, rest, ended), utf16 ?? charset ?? 'mixed'))
    yield* items.of(splitter.write(text));
  yield* items.of(splitter.end());
}

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
  if (root && NEWS_MESSAGE_ROOTS.has(root)) {
    yield* newsMessageItems(root, text);
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
