/**
 * Near-duplicate detection by MinHash over word shingles with LSH banding (Broder 1997; Leskovec,
 * Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3). Hand-written: `bloom-filters` (maintained)
 * has a MinHash class but no LSH banding, and `minhash` (0.0.9) is an old single-author package; the
 * hashing is ~20 lines over Math.imul, while the banding, storage and clustering we write either way.
 * The hash family is fixed here, so stored signatures stay comparable across processes and versions.
 *
 * Cost is bounded per document: at most MAX_SHINGLES shingles (the start of a long document decides),
 * HASHES multiply-xor hashes each.
 */
import { storedValue } from '../store/errors.js';

/** Words per shingle: 4 keeps "the same story with one comma or word changed" close, different stories far. */
export const SHINGLE_WORDS = 4;
export const HASHES = 64;
/** BANDS × ROWS = HASHES. With 16 bands of 4 rows, a pair at Jaccard 0.7 becomes a candidate with p ≈ 0.98. */
export const BANDS = 16;
export const ROWS = HASHES / BANDS;
/** Estimated Jaccard similarity at which two documents are near-duplicates. */
export const THRESHOLD = 0.7;
/** Shingles looked at per document. */
export const MAX_SHINGLES = 2000;
/** Documents with fewer words have no signature: a one-line notice is "similar" to all its siblings. */
export const MIN_WORDS = 20;

// Fixed odd multipliers and offsets, one pair per hash function (splitmix-style constants).
const A = new Uint32Array(HASHES);
const B = new Uint32Array(HASHES);
{
  let x = 0x9e3779b9;
  const next = (): number => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return (t ^ (t >>> 14)) >>> 0;
  };
  for (let i = 0; i < HASHES; i++) {
    A[i] = next() | 1;
    B[i] = next();
  }
}

/** FNV-1a of a string, 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-cased runs of letters and digits: punctuation and spacing differences do not count. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The hashes of a text's shingles (the first MAX_SHINGLES), in text order; empty when it is too short to judge. */
function shingleHashes(w: string[]): Uint32Array {
  if (w.length < MIN_WORDS) return new Uint32Array(0);
  const count = Math.min(MAX_SHINGLES, w.length - SHINGLE_WORDS + 1);
  const wordHashes = new Uint32Array(count + SHINGLE_WORDS - 1);
  for (let i = 0; i < wordHashes.length; i++) wordHashes[i] = fnv1a(w[i]);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    // A shingle's hash from its words' hashes, order-sensitive.
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE_WORDS; j++) h = Math.imul(h ^ wordHashes[i + j], 0x01000193);
    out[i] = h >>> 0;
  }
  return out;
}

/** The MinHash signature of a text, or null when it is too short to judge. */
export function signature(text: string): Uint32Array | null {
  return signatureOf(words(text));
}

/** The MinHash signature of a text's words (see words), or null when they are too few to judge. */
export function signatureOf(w: string[]): Uint32Array | null {
  const shingles = shingleHashes(w);
  if (shingles.length === 0) return null;
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const h of shingles) {
    for (let k = 0; k < HASHES; k++) {
      // A cheap universal-ish hash family: multiply, add, then a xor-shift to mix the high bits down.
      let v = (Math.imul(h ^ B[k], A[k]) + B[k]) >>> 0;
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

/**
 * Wire services send a story's first take, then the whole story that begins with it (or a longer
 * version of one that keeps all it said): the shorter is nearly all inside the longer, though their
 * Jaccard similarity is only about their length ratio (0.3–0.7 in Reuters). Such pairs begin with
 * the same words: documents are filed under a hash of their first LEAD_WORDS words (an extra LSH
 * band, LEAD_BAND), and two that share it are one report when the shorter's shingles are nearly all
 * in the longer (CONTAINED), it is long enough not to be a template's few lines (MIN_CONTAINED
 * shingles: `Fed adds reserves via customer repurchases` is re-sent every week with one figure
 * changed), its figures are in the longer (figuresContained), and the two came out within
 * COPY_DAYS. On Reuters-21578: 109 pairs more, of which one pair of the same day's rate tables was
 * not one report.
 */
export const LEAD_WORDS = 30;
/** The band number of the lead hash (after the MinHash bands). */
export const LEAD_BAND = BANDS;
/** Share of the shorter document's shingles found in the longer for one report. */
export const CONTAINED = 0.9;
/** Shingles the shorter document needs for containment to count. */
export const MIN_CONTAINED = 40;
/**
 * Most days between a first take and the story that continues it (when both are dated): a story is
 * completed within days, while a template sent again weeks later (`Fed adds reserves via customer
 * repurchases`) begins with the same words and reports another happening. (The same window on every
 * pair, tried, also kept apart the Reuters-21578 clusters of templates sent weeks apart, but every
 * copy of a text at another date then stays in the band buckets and is compared with each later
 * one: near-duplicates of the 200,000-article scale corpus, whose copies are dated months apart,
 * took 39.5 s instead of 23.5 s, and a template sent daily for years would cost its square.)
 */
export const COPY_DAYS = 3;

/** The hash of a text's first LEAD_WORDS words (see words; signed 32-bit, as bands are stored), or null when it has fewer. */
export function leadHash(w: string[]): number | null {
  if (w.length < LEAD_WORDS) return null;
  let h = 0x811c9dc5 ^ LEAD_BAND;
  for (let i = 0; i < LEAD_WORDS; i++) h = Math.imul(h ^ fnv1a(w[i]), 0x01000193);
  return h | 0;
}

/** Whether the shorter of two texts (their words: see words) is all but contained in the longer (see LEAD_WORDS). */
export function contained(a: string[], b: string[]): boolean {
  const [x, y] = [shingleHashes(a), shingleHashes(b)];
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  if (small.length < MIN_CONTAINED) return false;
  const inLarge = new Set(large);
  const distinct = new Set(small);
  let shared = 0;
  for (const h of distinct) if (inLarge.has(h)) shared++;
  return shared >= CONTAINED * distinct.size;
}

/** Estimated Jaccard similarity: the share of equal signature slots. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** One hash per band: documents sharing any band's hash are candidates. Signed 32-bit, for SQLite. */
export function bandHashes(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[band * ROWS + r], 0x01000193);
    out.push(h | 0);
  }
  return out;
}

export function toBlob(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function fromBlob(blob: Buffer): Uint32Array {
  const copy = new Uint8Array(blob);
  return storedValue('a near-duplicate signature', () => new Uint32Array(copy.buffer, 0, HASHES));
}

/** Figures a document may differ in and still be the same report (a correction changes a few). */
export const MIN_FIGURES_SHARED = 0.5;
/** Figures compared per document. */
export const MAX_FIGURES = 64;

/**
 * The distinct figures of a text (whitespace-separated tokens holding a digit, trailing punctuation
 * removed), hashed and sorted. Wire services send the same template every day ("Fed adds reserves
 * via customer repurchases", price notices, dividend notices) with only the figures changed: those
 * are different reports, while a re-sent or corrected story keeps nearly all of its figures.
 */
export function figures(text: string): Uint32Array {
  const set = new Set<number>();
  for (const token of text.split(/\s+/)) {
    if (!/\d/.test(token)) continue;
    set.add(fnv1a(token.replace(/[.,;:)"']+$/, '').replace(/^[("']+/, '')));
    if (set.size >= MAX_FIGURES) break;
  }
  return Uint32Array.from([...set].sort((a, b) => a - b));
}

/** Whether two documents' figures agree enough for one report: Jaccard of their figure sets. */
export function figuresAgree(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length === 0 && b.length === 0) return true;
  const shared = sharedFigures(a, b);
  return shared / (a.length + b.length - shared) >= MIN_FIGURES_SHARED;
}

/** Figures two sorted figure sets share (a merge of the two). */
function sharedFigures(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/**
 * Whether the figures of the document with fewer are in the other (at least MIN_FIGURES_SHARED of
 * them): a first take's figures are all in the whole story; a template re-sent has other figures.
 */
export function figuresContained(a: Uint32Array, b: Uint32Array): boolean {
  const fewer = Math.min(a.length, b.length);
  return fewer === 0 || sharedFigures(a, b) >= MIN_FIGURES_SHARED * fewer;
}

export function figuresFromBlob(blob: Buffer | null): Uint32Array {
  if (!blob) return new Uint32Array(0);
  const copy = new Uint8Array(blob);
  return storedValue('a near-duplicate signature', () => new Uint32Array(copy.buffer, 0, copy.byteLength / 4));
}
