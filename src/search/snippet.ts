/**
 * Snippets: about two lines of a document around its matches, with the matches' offsets carried
 * into the snippet so any renderer can mark them.
 */
import type { Span } from './types.js';

/** Two terminal lines, roughly. */
export const SNIPPET_WIDTH = 160;

/**
 * Sort, and merge overlapping or touching spans — and, given the text, spans joined only by a hyphen,
 * dot, apostrophe or one space, so `Kim Jong-un` is marked as one match rather than three; a dotted
 * abbreviation keeps its last dot (`[U.S.]`, not `[U.S].`: the index's tokens are its letters).
 */
export function mergeSpans(spans: Span[], text?: string): Span[] {
  const sorted = spans
    .filter(([s, e]) => e > s)
    .map(([s, e]): Span => [s, e])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    const joined =
      last &&
      text !== undefined &&
      s > last[1] &&
      s - last[1] <= 2 &&
      /^(?:[-\u2010\u2011.'\u2019]+| )$/.test(text.slice(last[1], s));
    if (last && (s <= last[1] || joined)) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  if (text !== undefined)
    for (const span of out) if (text[span[1]] === '.' && DOTTED.test(text.slice(span[0], span[1]))) span[1] += 1;
  return out;
}

/** Letters each standing alone between dots (`U.S`, `E.C`), as a dotted abbreviation is written before its last dot. */
const DOTTED = /(?:^|[^\p{L}])\p{L}(?:\.\p{L})+$/u;

/** Lines below a repeated headline read as its header block (`date 1987-03-19`, `Source: Reuters`). */
const HEADER_LINES = 6;
const HEADER_LINE_CHARS = 100;
const HEAD_CHARS = 4096;

/**
 * Where a body's story begins when the body opens with its own headline, as a text file does
 * (`CARLTON COMMUNICATIONS OPTIMISTIC FOR 1987` / `date 1987-03-02` / blank / story): past that line
 * and the few short lines below it up to the first blank line. A snippet shown under the title that
 * repeated the title and `date 1987-03-02` spent half its two lines saying nothing new. 0 when the
 * body does not open with the title, or holds nothing else.
 */
export function storyStart(body: string, title: string | null): number {
  const normal = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!title || normal(title) === '') return 0;
  // Only the head is looked at: a headline and its header block lie in its first lines.
  const lines = body.slice(0, HEAD_CHARS).split('\n');
  let at = 0;
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') at += lines[i++].length + 1;
  if (i >= lines.length || normal(lines[i]) !== normal(title)) return 0;
  at += lines[i++].length + 1;
  // The header block: short lines up to a blank one; a long or missing break means the story is here.
  let block = at;
  let j = i;
  while (j < lines.length && j - i < HEADER_LINES && lines[j].trim() !== '' && lines[j].length <= HEADER_LINE_CHARS)
    block += lines[j++].length + 1;
  if (j < lines.length && j > i && lines[j].trim() === '') at = block;
  while (at < body.length && /\s/.test(body[at])) at++;
  return at >= body.length ? 0 : at;
}

/**
 * The window of `text` of about `width` characters holding the most matches (the earliest such),
 * starting a little before the first of them at a word boundary; whitespace runs become one space.
 */
export function makeSnippet(
  text: string,
  spans: Span[],
  width = SNIPPET_WIDTH,
  /** Where the story begins (storyStart): nothing before it is shown. */
  from = 0,
): { text: string; highlights: Span[] } {
  const matches = mergeSpans(spans, text).filter(([s, e]) => s >= from && e <= text.length);
  let start = from;
  if (matches.length > 0) {
    // The window showing the most different matched words wins (then the most matches, then the earliest):
    // for `Hanoi summit`, a window with both words beats one with `summit` twice.
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < matches.length; i++) {
      const words = new Set<string>();
      let count = 0;
      for (let j = i; j < matches.length && matches[j][1] <= matches[i][0] + width * 0.8; j++) {
        words.add(text.slice(matches[j][0], matches[j][1]).toLowerCase());
        count++;
      }
      const score = words.size * 1000 + count;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    const first = matches[best][0];
    // Some context before the first match, but start at a sentence start when one is close.
    start = Math.max(from, first - Math.round(width * 0.2));
    const before = text.slice(start, first);
    const boundary = /[.!?]["'\u201d)]?\s+/g;
    let cut = -1;
    for (let m = boundary.exec(before); m; m = boundary.exec(before)) cut = m.index + m[0].length;
    if (cut >= 0) start += cut;
    else if (start > from) {
      const space = before.search(/\s/);
      if (space >= 0) start += space + 1;
    }
  }
  // Skip leading whitespace so the snippet starts on a word.
  while (start < text.length && /\s/.test(text[start])) start++;
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const cut = text.slice(start, end).search(/\s\S*$/);
    if (cut > width / 2) end = start + cut;
    // Never cut a match in two — unless the match is itself huge (a pasted run without spaces):
    // a snippet is never longer than twice its width.
    for (const [s, e] of matches) if (s < end && e > end) end = Math.min(e, start + 2 * width);
  }
  let out = start > from ? '…' : '';
  const map: number[] = new Array(end - start + 1);
  let inSpace = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    map[i - start] = out.length;
    if (/\s/.test(c)) {
      if (!inSpace) out += ' ';
      inSpace = true;
    } else {
      out += c;
      inSpace = false;
    }
  }
  map[end - start] = out.length;
  out = out.replace(/\s+$/, '');
  const highlights: Span[] = [];
  for (const [s, e] of matches) {
    if (e <= start || s >= end) continue;
    const a = map[Math.max(s, start) - start];
    const b = Math.min(map[Math.min(e, end) - start], out.length);
    if (b > a) highlights.push([a, b]);
  }
  if (end < text.length) out += '…';
  return { text: out, highlights };
}
