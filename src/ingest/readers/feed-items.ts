/**
 * A feed too big to parse whole, cut into its items as its text streams: what comes before the first
 * item (the channel's title and links) is kept, and each item (`<item>` of RSS, `<entry>` of Atom) is
 * handed on as a small feed of its own: that head, the item, and the end tags of what the head left
 * open. Comments and CDATA sections are stepped over whole, so markup quoted in them cuts nothing.
 */

/** A head longer than this without an item is not a feed's channel: the file is refused. */
const MAX_HEAD_CHARS = 1024 * 1024;
/** An item longer than this is reported and stepped over: one item is never a document's worth of memory. */
export const MAX_ITEM_CHARS = 16 * 1024 * 1024;

/** A small feed of one item, or what went wrong: with one item (`item`) or with the whole file. */
export type FeedPiece = { feed: string } | { error: string; item: boolean };

const ITEM_NAMES = ['item', 'entry'];

export class FeedItemSplitter {
  private pending = '';
  // Where the scan of `pending` goes on from; the head while no item has begun.
  private at = 0;
  private head: string | null = null;
  private closing = '';
  private name = '';
  // Inside an item: where it starts in `pending`, or -1 when it was too long and is being stepped over.
  private itemStart: number | null = null;
  // A head too long to be a channel's: the rest is not read.
  private refused = false;

  /** Feed the next piece of text; the complete items found so far come back as small feeds. */
  write(text: string): FeedPiece[] {
    if (this.refused) return [];
    this.pending += text;
    return this.scan(false);
  }

  /** The text has ended: what is left is reported. */
  end(): FeedPiece[] {
    if (this.refused) return [];
    const pieces = this.scan(true);
    if (this.refused) return pieces;
    if (this.head === null) pieces.push({ error: 'no items in the feed', item: false });
    else if (this.itemStart !== null) pieces.push({ error: `the feed ends inside an <${this.name}>`, item: true });
    return pieces;
  }

  private scan(final: boolean): FeedPiece[] {
    const pieces: FeedPiece[] = [];
    let i = this.at;
    for (;;) {
      const lt = this.pending.indexOf('<', i);
      // A tag cut by the end of the text read so far is read again with what follows.
      if (lt < 0 || (!final && this.pending.length - lt < 16)) {
        i = lt < 0 ? this.pending.length : lt;
        break;
      }
      const skipped = this.stepOver(lt);
      if (skipped === null) {
        i = lt;
        if (final) i = this.pending.length;
        break;
      }
      if (skipped > lt) {
        i = skipped;
        continue;
      }
      if (this.itemStart === null) {
        const name = ITEM_NAMES.find((n) => this.opens(lt, n));
        if (name) {
          const end = this.pending.indexOf('>', lt);
          if (end < 0) {
            i = lt;
            break;
          }
          if (this.head === null) this.beginItems(lt, name);
          // An empty item (`<item/>`) is an item of its own, not the start of one running on.
          if (this.pending[end - 1] === '/') {
            pieces.push({ feed: `${this.head}${this.pending.slice(lt, end + 1)}${this.closing}` });
            i = end + 1;
            continue;
          }
          this.itemStart = lt;
        }
      } else if (this.closes(lt, this.name)) {
        const end = this.pending.indexOf('>', lt);
        if (end < 0) {
          i = lt;
          break;
        }
        if (this.itemStart >= 0)
          pieces.push({ feed: `${this.head}${this.pending.slice(this.itemStart, end + 1)}${this.closing}` });
        this.itemStart = null;
        i = end + 1;
        continue;
      }
      i = lt + 1;
    }
    this.keepFrom(i, pieces);
    return pieces;
  }

  /** Past a comment, CDATA section or processing instruction starting at `lt`; lt when none starts there; null when it does not end in the text read. */
  private stepOver(lt: number): number | null {
    for (const [open, close] of [
      ['<![CDATA[', ']]>'],
      ['<!--', '-->'],
      ['<?', '?>'],
    ]) {
      if (!this.pending.startsWith(open, lt)) continue;
      const end = this.pending.indexOf(close, lt + open.length);
      return end < 0 ? null : end + close.length;
    }
    return lt;
  }

  private opens(lt: number, name: string): boolean {
    return this.pending.startsWith(name, lt + 1) && /[\s>/]/.test(this.pending[lt + 1 + name.length] ?? '');
  }

  private closes(lt: number, name: string): boolean {
    return this.pending.startsWith(`/${name}`, lt + 1) && /[\s>]/.test(this.pending[lt + 2 + name.length] ?? '');
  }

  /** The first item begins at `lt`: the text before it is every small feed's head. */
  private beginItems(lt: number, name: string): void {
    this.name = name;
    this.head = this.pending.slice(0, lt);
    this.closing = openElements(this.head)
      .reverse()
      .map((n) => `</${n}>`)
      .join('');
  }

  /** Drop what was read before `i`, keeping the current item; report an item past MAX_ITEM_CHARS. */
  private keepFrom(i: number, pieces: FeedPiece[]): void {
    if (this.head === null) {
      this.at = i;
      if (this.pending.length > MAX_HEAD_CHARS) {
        pieces.push({
          error: `no <item> or <entry> in the first ${MAX_HEAD_CHARS.toLocaleString('en-US')} characters`,
          item: false,
        });
        this.refused = true;
        this.pending = '';
      }
      return;
    }
    const keep = this.itemStart !== null && this.itemStart >= 0 ? this.itemStart : i;
    this.pending = this.pending.slice(keep);
    this.at = i - keep;
    if (this.itemStart !== null && this.itemStart >= 0) {
      this.itemStart = 0;
      if (this.pending.length > MAX_ITEM_CHARS) {
        pieces.push({
          error: `an <${this.name}> longer than ${MAX_ITEM_CHARS.toLocaleString('en-US')} characters`,
          item: true,
        });
        this.itemStart = -1;
        this.pending = this.pending.slice(this.at);
        this.at = 0;
      }
    }
  }
}

/** The elements a piece of XML opens and does not close, outermost first (comments, CDATA, PIs, doctype ignored). */
export function openElements(xml: string): string[] {
  const stack: string[] = [];
  const tag = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, end, name, selfClosing] = m;
    if (!name || selfClosing) continue;
    if (end) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else stack.push(name);
  }
  return stack;
}
