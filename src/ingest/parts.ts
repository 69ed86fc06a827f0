/**
 * A document too big to hold whole is stored as consecutive parts, each a document of its own:
 * `big.txt`, `big.txt#part2`, … (a big file), `archive.warc#ID`, `archive.warc#ID#part2`, … (a big
 * WARC record). The first part is analyzed (up to PART_CHARS); later ones are stored for search.
 */

/** The largest part of a big text stored as one document. */
export const PART_CHARS = 1_000_000;
/** How part paths are marked: `big.txt#part2`. */
export const PART_MARK = '#part';

/** Whether a stored path is the second or a later part of a big document (stored for search, not analyzed). */
export function isLaterPart(stored: string): boolean {
  return /#part\d+$/.test(stored);
}

/** The path of the document a later part belongs to: `big.txt#part3` → `big.txt`. */
export function wholeOfPart(stored: string): string {
  return stored.replace(/#part\d+$/, '');
}

/** Slices of text gathered into parts of at most PART_CHARS characters, each cut at a paragraph or line end. */
export async function* partsOf(slices: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  const cut = (text: string): number => {
    const paragraph = text.lastIndexOf('\n\n', PART_CHARS);
    if (paragraph > PART_CHARS / 2) return paragraph + 2;
    const line = text.lastIndexOf('\n', PART_CHARS);
    return line > PART_CHARS / 2 ? line + 1 : PART_CHARS;
  };
  for await (const slice of slices) {
    pending += slice;
    while (pending.length >= PART_CHARS) {
      const at = cut(pending);
      yield pending.slice(0, at);
      pending = pending.slice(at);
    }
  }
  yield pending;
}

/** The first part's warning: how big the document was (`18 MB`), how it was read, and how its parts are named. */
export function partsNote(size: string, how: string | null, first: string): string {
  return (
    `${size}: ${how ? `${how}; ` : ''}stored in parts of at most ${PART_CHARS.toLocaleString('en-US')} characters ` +
    `(${first}, ${first}${PART_MARK}2, …), each a document of its own`
  );
}
