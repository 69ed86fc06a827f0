/**
 * The text of a web page too big to build a DOM of (a 250 MB page took 3.3 GB through linkedom and
 * Readability): its markup stripped as it streams through htmlparser2's tokenizer, with the rules of
 * extractText (blocks make paragraphs, `<br>` a line, `<pre>` kept as written) and furniture left out
 * by its tag (navigation, asides, footers, forms: Readability's finer choices need the whole page).
 * The page's metadata comes from its head and its JSON-LD, read as a small page of their own.
 */
import { createRequire } from 'node:module';
import type { ArticleFields } from './fields.js';
import { BLOCK, pageMetadata, parseDocument, SKIP, storyStart } from './html.js';

const require = createRequire(import.meta.url);
let htmlparser2: typeof import('htmlparser2') | undefined;

/**
 * The largest page given a DOM and Readability: they took about thirteen times a page's size (3.3 GB
 * for 250 MB), so a page this size peaks near 200 MB.
 */
export const DOM_BYTES = 16 * 1024 * 1024;

/** How a page read by HtmlTextStream was read (said in a warning on its article). */
export const STRIPPED = 'read as text with its markup stripped, not through Readability';

/** Left out wherever they are: what a page is built around, never its story. */
const FURNITURE = new Set(['nav', 'aside', 'footer', 'form', 'dialog', 'button', 'select']);
/** The head and the JSON-LD kept for metadata: enough for any real head, bounded for any page. */
const METADATA_CHARS = 1024 * 1024;

export class HtmlTextStream {
  private readonly parser: import('htmlparser2').Parser;
  private paragraphs: string[] = [];
  private current = '';
  // Elements open inside the one whose text is left out (0: none is), and the depth of <pre> (its
  // whitespace is kept). htmlparser2 closes every element it opens, void and implied ones too.
  private skipped = 0;
  private pre = 0;
  private preText = '';
  // What the metadata page is made of: the head as written, then each JSON-LD script.
  private head = '';
  private headDone = false;
  private ld: string[] = [];
  private ldOpen = false;
  private ldText = '';

  constructor() {
    htmlparser2 ??= require('htmlparser2') as typeof import('htmlparser2');
    this.parser = new htmlparser2.Parser(
      {
        onopentag: (name, attributes) => this.open(name, attributes),
        onclosetag: (name) => this.close(name),
        ontext: (text) => this.text(text),
      },
      { decodeEntities: true, lowerCaseTags: true },
    );
  }

  /** Feed the next piece of the page. */
  write(html: string): void {
    if (!this.headDone) {
      this.head += html;
      const end = this.head.search(/<\/head\s*>|<body[\s>]/i);
      if (end >= 0 || this.head.length > METADATA_CHARS) {
        this.head = this.head.slice(0, end >= 0 ? end : METADATA_CHARS);
        this.headDone = true;
      }
    }
    this.parser.write(html);
  }

  /** The page has ended: what is left of its text follows. */
  end(): void {
    this.parser.end();
    this.flush();
  }

  /** The paragraphs of text found since the last call, blank lines between them. */
  take(): string {
    const text = this.paragraphs.join('\n\n');
    this.paragraphs = [];
    return text;
  }

  /** The page's text as `slices` of its markup stream in (the whole page, then its end), paragraph by paragraph. */
  async *texts(slices: AsyncIterable<string>): AsyncGenerator<string> {
    for await (const slice of slices) {
      this.write(slice);
      const text = this.take();
      if (text) yield `${text}\n\n`;
    }
    this.end();
    yield this.take();
  }

  /** A small page of the head and the JSON-LD seen so far, for the metadata readers. */
  metadataPage(): string {
    const scripts = this.ld.map((json) => `<script type="application/ld+json">${json}</script>`).join('');
    return `<!DOCTYPE html><html>${this.head.replace(/^[\s\S]*?<head[^>]*>/i, '<head>')}</head><body>${scripts}</body></html>`;
  }

  private open(name: string, attributes: Record<string, string>): void {
    if (name === 'script' && /ld\+json/i.test(attributes.type ?? '')) {
      this.ldOpen = true;
      this.ldText = '';
    }
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    if (SKIP.has(name) || FURNITURE.has(name) || 'hidden' in attributes) {
      this.skipped = 1;
      return;
    }
    if (name === 'br') this.current += '\n';
    else if (name === 'pre') {
      if (this.pre++ === 0) {
        this.flush();
        this.preText = '';
      }
    } else if (BLOCK.has(name)) this.flush();
  }

  private close(name: string): void {
    if (name === 'script' && this.ldOpen) {
      this.ldOpen = false;
      if (this.ld.join('').length + this.ldText.length <= METADATA_CHARS) this.ld.push(this.ldText);
    }
    if (this.skipped > 0) {
      this.skipped--;
      return;
    }
    if (name === 'pre' && this.pre > 0 && --this.pre === 0) {
      const raw = this.preText.replace(/^\n+|\s+$/g, '');
      if (raw) this.paragraphs.push(raw);
    } else if (name === 'td' || name === 'th') this.current += ' ';
    else if (BLOCK.has(name)) this.flush();
  }

  private text(text: string): void {
    if (this.ldOpen && this.ldText.length < METADATA_CHARS) this.ldText += text;
    if (this.skipped > 0) return;
    if (this.pre > 0) this.preText += text;
    // Newlines in source are just whitespace; only <br> makes a line break.
    else this.current += text.replace(/\n/g, ' ');
  }

  private flush(): void {
    if (this.pre > 0) return;
    const lines = this.current
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '');
    if (lines.length) this.paragraphs.push(lines.join('\n'));
    this.current = '';
  }
}

/** The fields of a page `stream` has read: its metadata, and `body` (text it gave). */
export function strippedPageFields(stream: HtmlTextStream, body: string): ArticleFields {
  const { fields, author } = pageMetadata(parseDocument(stream.metadataPage()));
  fields.body = body;
  fields.author = author;
  fields.contentStart = storyStart(body, fields.title);
  return fields;
}
