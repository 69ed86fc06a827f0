import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tokenize } from '../src/nlp/tokenize.js';
import { Lexicon } from '../src/nlp/ner/lexicon.js';

/*
 * Learns the Lexicon from unlabelled news at training time (never at run time).
 *
 * Clusters: each frequent word is described by the words seen just left and right of it (log
 * counts over the most frequent context words, L2-normalised); the vocabulary is then split in two
 * by spherical 2-means, recursively, 16 levels deep. A word's path of left/right choices is its
 * cluster id, so prefixes of the id give coarser clusters — the property that makes Brown clusters
 * useful as tagger features, at a fraction of the cost.
 */

const MAX_WORDS = 40000;
const MIN_COUNT = 3;
const CONTEXT = 800;
const DEPTH = 16;

function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0].toLowerCase());
}

export function buildLexicon(reutersJsonlGz: string): Lexicon {
  const lines = gunzipSync(readFileSync(reutersJsonlGz)).toString('utf8').split('\n');
  const count = new Map<string, number>();
  const capCount = new Map<string, number>();
  const lowCount = new Map<string, number>();
  const sentences: string[][] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const text = (JSON.parse(line) as { text?: string }).text ?? '';
    const { tokens, sentences: sents } = tokenize(text);
    for (const s of sents) {
      const words: string[] = [];
      let upper = 0;
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const w = tokens[i].text;
        words.push(w.toLowerCase());
        if (w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()) upper++;
      }
      sentences.push(words);
      for (const w of words) count.set(w, (count.get(w) ?? 0) + 1);
      if (upper > words.length / 2) continue; // headline-like: case says nothing
      for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
        const w = tokens[i].text;
        const l = words[i - s.tokenStart];
        if (l === w.toUpperCase()) continue; // no letters
        if (isCap(w)) capCount.set(l, (capCount.get(l) ?? 0) + 1);
        else lowCount.set(l, (lowCount.get(l) ?? 0) + 1);
      }
    }
  }
  const vocab = [...count.entries()]
    .filter(([w, n]) => n >= MIN_COUNT && /\p{L}/u.test(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_WORDS)
    .map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  const contextWords = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CONTEXT).map(([w]) => w);
  const ctx = new Map(contextWords.map((w, i) => [w, i]));
  const dim = CONTEXT * 2 + 2;
  // Sparse context counts per vocabulary word.
  const vecs: Map<number, number>[] = vocab.map(() => new Map());
  for (const words of sentences) {
    for (let i = 0; i < words.length; i++) {
      const v = id.get(words[i]);
      if (v === undefined) continue;
      const left = i > 0 ? ctx.get(words[i - 1]) ?? CONTEXT * 2 : CONTEXT * 2;
      const right = i + 1 < words.length ? (ctx.get(words[i + 1]) ?? CONTEXT * 2 + 1 - CONTEXT) + CONTEXT : CONTEXT * 2 + 1;
      const m = vecs[v];
      m.set(left, (m.get(left) ?? 0) + 1);
      m.set(right, (m.get(right) ?? 0) + 1);
    }
  }
  const idx: Int32Array[] = [];
  const val: Float32Array[] = [];
  for (const m of vecs) {
    const keys = [...m.keys()].sort((a, b) => a - b);
    const vals = keys.map((k) => Math.log1p(m.get(k)!));
    const norm = Math.sqrt(vals.reduce((s, x) => s + x * x, 0)) || 1;
    idx.push(Int32Array.from(keys));
    val.push(Float32Array.from(vals.map((x) => x / norm)));
  }
  const cluster = new Int32Array(vocab.length);
  const dot = (w: number, c: Float64Array) => {
    const ix = idx[w], vx = val[w];
    let s = 0;
    for (let k = 0; k < ix.length; k++) s += vx[k] * c[ix[k]];
    return s;
  };
  const centroid = (members: number[]) => {
    const c = new Float64Array(dim);
    for (const w of members) {
      const ix = idx[w], vx = val[w];
      for (let k = 0; k < ix.length; k++) c[ix[k]] += vx[k];
    }
    let n = 0;
    for (let k = 0; k < dim; k++) n += c[k] * c[k];
    n = Math.sqrt(n) || 1;
    for (let k = 0; k < dim; k++) c[k] /= n;
    return c;
  };
  // Members are kept in frequency order, so the most frequent word seeds one side (deterministic).
  const split = (members: number[], depth: number, path: number) => {
    if (depth === DEPTH || members.length < 2) {
      for (const w of members) cluster[w] = path << (DEPTH - depth);
      return;
    }
    let c1 = centroid([members[0]]);
    let far = members[1], farSim = Infinity;
    for (const w of members) {
      const s = dot(w, c1);
      if (s < farSim) { farSim = s; far = w; }
    }
    let c2 = centroid([far]);
    let a: number[] = [], b: number[] = [];
    for (let iter = 0; iter < 5; iter++) {
      a = []; b = [];
      for (const w of members) (dot(w, c1) >= dot(w, c2) ? a : b).push(w);
      if (!a.length || !b.length) break;
      c1 = centroid(a);
      c2 = centroid(b);
    }
    if (!a.length || !b.length) {
      const half = members.length >> 1;
      a = members.slice(0, half);
      b = members.slice(half);
    }
    split(a, depth + 1, path << 1);
    split(b, depth + 1, (path << 1) | 1);
  };
  split(vocab.map((_, i) => i), 0, 0);
  const capRatio = new Int8Array(vocab.length);
  vocab.forEach((w, i) => {
    const cp = capCount.get(w) ?? 0, lo = lowCount.get(w) ?? 0;
    const r = cp + lo < 3 ? -1 : cp / (cp + lo);
    capRatio[i] = r < 0 ? 5 : r < 0.05 ? 0 : r < 0.3 ? 1 : r < 0.7 ? 2 : r < 0.95 ? 3 : 4;
  });
  return new Lexicon(vocab, cluster, capRatio);
}
