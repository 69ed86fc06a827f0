/**
 * One news article as an XML file, in the formats large news corpora and wire services deliver:
 * NITF (the IPTC's News Industry Text Format: the New York Times Annotated Corpus, many agencies'
 * feeds), NewsML-G2's `<newsItem>` (the IPTC standard the agencies' wires deliver in) and Reuters'
 * `<newsitem>` (Reuters Corpus Volume 1, RCV1; the root's case tells the two apart); a NewsML-G2
 * `<newsMessage>` and a NewsML 1 document (`<NewsML>`) carry several items. `.xml` is shared with
 * feeds, so the feed reader hands a file here by its root element.
 *
 * NITF: headline `hl1` (else `title`), date `pubdata`'s `date.publication` (else the publication
 * meta fields), `doc-id`, the publication's name and URL from `pubdata`, byline, dateline, section
 * (`online_sections`, else `dsk`), the indexers' descriptors as tags, and the body's `full_text`
 * block (its lead paragraph is the start of the same text), else every block.
 * `<newsitem>`: `headline` (the `title` repeats it after a country code), the item's date and id,
 * byline, dateline, the `text` paragraphs, `dc.source` (else `dc.publisher`) as source, and the
 * topic, country and industry codes as tags.
 * `<newsItem>` (NewsML-G2): `headline`, the item's `firstCreated` (else `versionCreated`,
 * `contentCreated`) as its date, its `guid`, the provider's name as source, `by` (else the
 * creator's name), `dateline`, the subjects' and keywords' names as tags, and the text of its
 * content: the XHTML body of `inlineXML`, else `inlineData`.
 */
import type { Entry } from '../formats.js';
import { cleanString, emptyFields, toTags, withMetadataDate, type ReaderOutcome } from './fields.js';
import { attributePairs, blockText, bylineIn, element, elementText, inlineText, tagAttributes } from './markup.js';

/** Root elements of one-article news XML this reader takes. */
export const NEWS_XML_ROOTS = new Set(['nitf', 'newsitem', 'newsItem']);
/** Roots of news XML that carries several items: a NewsML-G2 message, a NewsML 1 document. */
export const NEWS_MESSAGE_ROOTS = new Set(['newsMessage', 'NewsML']);

/** The article of a news XML file whose root element is `root` (one of NEWS_XML_ROOTS). */
export function readNewsXml(root: string, text: string): ReaderOutcome {
  return root === 'nitf' ? readNitf(text) : root === 'newsItem' ? readNewsMlG2(text) : readNewsItem(text);
}

function readNitf(text: string): ReaderOutcome {
  const content = element(text, ['body.content']) ?? element(text, ['body']) ?? '';
  const full = /<block\s[^>]*class\s*=\s*"full_text"[^>]*>([\s\S]*?)<\/block\s*>/i.exec(content);
  const fields = emptyFields(blockText(full ? full[1] : content));
  if (!/\p{L}/u.test(fields.body)) return { ok: false, error: 'no article text in the NITF body' };
  fields.title = cleanString(inlineText(element(text, ['hl1']) ?? element(text, ['title']) ?? ''));
  const pub = tagAttributes(text, 'pubdata') ?? {};
  const metas = attributePairs(text, 'meta', 'name', 'content');
  const metaDay = ['publication_year', 'publication_month', 'publication_day_of_month'].map((k) => metas.get(k));
  withMetadataDate(
    fields,
    pub['date.publication'] ??
      (metaDay.every(Boolean) ? metaDay.map((v, i) => v!.padStart(i ? 2 : 4, '0')).join('-') : null),
  );
  fields.externalId = cleanString(tagAttributes(text, 'doc-id')?.['id-string']);
  fields.source = cleanString(pub.name);
  fields.url = cleanString(pub['ex-ref']);
  fields.author = bylineIn(text, ['byline']);
  fields.dateline = elementText(text, ['dateline']);
  fields.section = cleanString(metas.get('online_sections') ?? metas.get('dsk'));
  fields.tags = toTags(
    [...text.matchAll(/<classifier\s[^>]*type\s*=\s*"descriptor"[^>]*>([\s\S]*?)<\/classifier>/gi)].map((m) =>
      inlineText(m[1]),
    ),
  );
  return { ok: true, fields };
}

function readNewsItem(text: string): ReaderOutcome {
  const fields = emptyFields(blockText(element(text, ['text']) ?? ''));
  if (!/\p{L}/u.test(fields.body)) return { ok: false, error: 'no article text in the news item' };
  const item = tagAttributes(text, 'newsitem') ?? {};
  fields.title = cleanString(inlineText(element(text, ['headline']) ?? element(text, ['title']) ?? ''));
  fields.externalId = cleanString(item.itemid);
  fields.author = bylineIn(text, ['byline']);
  fields.dateline = elementText(text, ['dateline']);
  const dc = attributePairs(text, 'dc', 'element', 'value');
  withMetadataDate(fields, item.date ?? dc.get('dc.date.published') ?? null);
  fields.source = cleanString(dc.get('dc.source') ?? dc.get('dc.publisher'));
  fields.tags = toTags([...text.matchAll(/<code\s[^>]*code\s*=\s*"([^"]+)"/gi)].map((m) => m[1]));
  return { ok: true, fields };
}

function readNewsMlG2(text: string): ReaderOutcome {
  const inline = element(text, ['inlineXML']);
  const content = inline !== null ? (element(inline, ['body']) ?? inline) : (element(text, ['inlineData']) ?? '');
  const fields = emptyFields(blockText(content));
  if (!/\p{L}/u.test(fields.body))
    return { ok: false, error: 'no article text in the NewsML-G2 item (inlineXML or inlineData)' };
  fields.title = elementText(text, ['headline']);
  fields.externalId = cleanString(tagAttributes(text, 'newsItem')?.guid);
  withMetadataDate(
    fields,
    elementText(text, ['firstCreated']) ??
      elementText(text, ['versionCreated']) ??
      elementText(text, ['contentCreated']),
  );
  const provider = element(text, ['provider']);
  const providerTag = tagAttributes(text, 'provider');
  const qcode = providerTag?.qcode ?? providerTag?.literal;
  fields.source = (provider ? elementText(provider, ['name']) : null) ?? cleanString(qcode?.replace(/^[\w-]+:/, ''));
  const creator = element(text, ['creator']);
  fields.author = bylineIn(text, ['by']) ?? (creator ? elementText(creator, ['name']) : null);
  fields.dateline = elementText(text, ['dateline']);
  fields.tags = toTags(
    [...text.matchAll(/<(subject|keyword)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi)].map((m) =>
      m[1].toLowerCase() === 'keyword' ? inlineText(m[2]) : inlineText(element(m[2], ['name']) ?? ''),
    ),
  );
  return { ok: true, fields };
}

/**
 * The items of a NewsML-G2 `<newsMessage>` or a NewsML 1 document (`<NewsML>`), each read as one
 * article and addressed by its id (a second item with the same id, a later version, by its place).
 */
export function* newsMessageItems(root: string, text: string): Generator<Entry> {
  const g2 = root === 'newsMessage';
  const used = new Set<string>();
  let place = 0;
  for (const m of text.matchAll(g2 ? /<newsItem\b[\s\S]*?<\/newsItem\s*>/g : /<NewsItem\b[\s\S]*?<\/NewsItem\s*>/g)) {
    place++;
    const outcome = g2 ? readNewsMlG2(m[0]) : readNewsMl1(m[0]);
    const id = g2 ? cleanString(tagAttributes(m[0], 'newsItem')?.guid) : elementText(m[0], ['PublicIdentifier']);
    const address = id && !used.has(id) ? `#${id}` : `:${place}`;
    if (id) used.add(id);
    yield { address, outcome, format: 'xml' };
  }
  if (place === 0) yield { address: '', outcome: { ok: false, error: `a <${root}> without a news item` } };
}

/**
 * A NewsML 1 `<NewsItem>`: `HeadLine`, `FirstCreated` (else `ThisRevisionCreated`), the
 * `PublicIdentifier`, `ProviderId` as source, `ByLine`, `DateLine`, and the text of its
 * `DataContent` (an NITF body's paragraphs, else the text as it is).
 */
function readNewsMl1(text: string): ReaderOutcome {
  const data = [...text.matchAll(/<DataContent\b[^>]*>([\s\S]*?)<\/DataContent\s*>/g)].map((m) => m[1]);
  const content = data.map((d) => element(d, ['body.content']) ?? d).join('\n\n');
  const fields = emptyFields(blockText(content));
  if (!/\p{L}/u.test(fields.body)) return { ok: false, error: 'no article text in the NewsML item (DataContent)' };
  fields.title = elementText(text, ['HeadLine']);
  fields.externalId = elementText(text, ['PublicIdentifier']);
  withMetadataDate(fields, elementText(text, ['FirstCreated']) ?? elementText(text, ['ThisRevisionCreated']));
  fields.source = elementText(text, ['ProviderId']);
  fields.author = bylineIn(text, ['ByLine']);
  fields.dateline = elementText(text, ['DateLine']);
  return { ok: true, fields };
}
