import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { installedLexicon, type Lexicon } from './lexicon.js';
import { modelDir } from './model-dir.js';
import { addDocumentFeatures, BUCKETS, bucketIndex, NL, observe, tagDoc, type Weights } from './tagger.js';

/*
 * The shipped model: model/ner.bin.gz holds the non-zero weight rows of the trained tagger
 * (bucket ids, then int16 weights with one scale), model/lexicon.tsv the word clusters.
 * Loaded once, lazily, on first use.
 */

export interface NerModel {
  weights: Weights;
  lex: Lexicon | null;
}

const MAGIC = 0x3152454e; // "NER1"

export function serializeWeights(w: Weights, minAbs: number): Buffer {
  const { rows } = w;
  const keep: number[] = [];
  let max = 0;
  for (let b = 0; b < BUCKETS; b++) {
    let m = 0;
    for (let y = 0; y < NL; y++) m = Math.max(m, Math.abs(rows[b * NL + y]));
    if (m >= minAbs) {
      keep.push(b);
      max = Math.max(max, m);
    }
  }
  const scale = max / 32767;
  const header = new Int32Array([MAGIC, BUCKETS, NL, keep.length]);
  const buckets = Int32Array.from(keep);
  const q = new Int16Array(keep.length * NL);
  for (let i = 0; i < keep.length; i++)
    for (let y = 0; y < NL; y++) q[i * NL + y] = Math.round(rows[keep[i] * NL + y] / scale);
  const sc = new Float32Array([scale]);
  return Buffer.concat([
    Buffer.from(header.buffer),
    Buffer.from(sc.buffer),
    Buffer.from(buckets.buffer),
    Buffer.from(q.buffer),
  ]);
}

export function deserializeWeights(buf: Buffer): Weights {
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  const header = new Int32Array(ab, 0, 4);
  if (header[0] !== MAGIC || header[1] !== BUCKETS || header[2] !== NL)
    throw new Error('model/ner.bin.gz: incompatible model file');
  const nnz = header[3];
  const scale = new Float32Array(ab, 16, 1)[0];
  const buckets = new Int32Array(ab, 20, nnz);
  const q = new Int16Array(ab, 20 + nnz * 4, nnz * NL);
  // Rows in ascending bucket order, as the bucket index numbers them (serializeWeights writes them so).
  const order = Array.from({ length: nnz }, (_, i) => i).sort((a, b) => buckets[a] - buckets[b]);
  const rows = new Float32Array(nnz * NL);
  const sorted = new Int32Array(nnz);
  order.forEach((from, to) => {
    sorted[to] = buckets[from];
    for (let y = 0; y < NL; y++) rows[to * NL + y] = q[from * NL + y] * scale;
  });
  return { index: bucketIndex(sorted), rows };
}

let model: NerModel | null = null;
export let modelLoadMs = 0;

export function loadModel(): NerModel {
  if (model) return model;
  const t0 = performance.now();
  const dir = modelDir();
  const weights = deserializeWeights(gunzipSync(readFileSync(join(dir, 'ner.bin.gz'))));
  model = { weights, lex: installedLexicon() };
  modelLoadMs = performance.now() - t0;
  return model;
}

/**
 * Sentences tagged together share the tagger's document memory; a window this large holds any news
 * article whole (so their labels are unchanged), while a book-length text is tagged window by
 * window and its feature arrays never exist for more than one window at a time.
 */
export const TAG_WINDOW_TOKENS = 20_000;

/** BIO label ids for each sentence of one document (sentences as arrays of token strings). */
export function tagDocument(m: NerModel, sentences: string[][]): Uint8Array[] {
  const labels: Uint8Array[] = [];
  for (let from = 0; from < sentences.length; ) {
    let to = from;
    let tokens = 0;
    while (to < sentences.length && (to === from || tokens + sentences[to].length <= TAG_WINDOW_TOKENS))
      tokens += sentences[to++].length;
    const window = sentences
      .slice(from, to)
      .map((words) => observe(m.lex ? truecaseTitleLine(words, m.lex) : words, m.lex));
    addDocumentFeatures(window);
    for (const l of tagDoc(m.weights, window)) labels.push(l);
    from = to;
  }
  return labels;
}

/** Function words a title-case headline leaves in lower case. */
export const MINOR: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'and',
  'or',
  'but',
  'by',
  'with',
  'from',
  'as',
  'vs',
  'vs.',
  'nor',
  'per',
  'via',
  'into',
  'over',
  'off',
  'up',
]);

/**
 * A headline in title case (`Clinton Says U.S. Troops Stay in Bosnia`) capitalises every word, so
 * to a tagger trained on running text it reads as a run of names. Written back in sentence case
 * before tagging (`Clinton says U.S. troops stay in Bosnia`): every word but the first that running
 * text writes in lower case at least 95% of the time (the lexicon's capitalisation rate) is
 * lower-cased; names, unknown words and acronyms keep their capitals. A line is a title-case
 * headline when it has three or more capitalised words, no lower-case word but function words,
 * and at least one of those (so a list of names is not one).
 * Returns the words unchanged for any other line.
 */
export function truecaseTitleLine(words: string[], lex: Lexicon): string[] {
  let capital = 0,
    minor = 0;
  for (const w of words) {
    const c = w.charCodeAt(0);
    if (c >= 97 && c <= 122) {
      if (!MINOR.has(w)) return words;
      minor++;
    } else if (w.length > 1 && /^\p{Lu}\p{Ll}/u.test(w)) capital++;
  }
  if (capital < 3 || minor < 1) return words;
  return words.map((w, i) => {
    if (i === 0 || !/^\p{Lu}\p{Ll}+$/u.test(w)) return w;
    const e = lex.lookup(w.toLowerCase());
    return e >= 0 && lex.capRatio[e] <= 1 ? w.toLowerCase() : w;
  });
}
