import { gazetteerTags } from './gaz-features.js';
import type { Lexicon } from './lexicon.js';
import { isCalendarWord, isCorporateSuffix, isNameParticle } from './never-entity.js';

/*
 * A greedy left-to-right averaged-perceptron tagger over BIO labels (Collins 2002; Ratinov & Roth
 * 2009 for the feature set). Features are hashed straight from the characters of each token into
 * a fixed number of buckets (no feature strings are built), each bucket holding one weight per
 * label. Label-dependent features (previous labels, and how the same word was labelled earlier in
 * the document) are computed during decoding. Training and inference share this code.
 */

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const NL = LABELS.length;
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const BUCKET_BITS = 21;
const NB = 1 << BUCKET_BITS;
const MASK = NB - 1;

/** Weights: `rows[(index ? rowOf(index, b) : b) * NL + y]`; index is null while training (dense rows). */
export interface Weights {
  index: BucketIndex | null;
  rows: Float32Array;
}

/**
 * Which of the 2^21 feature buckets have a row, and which row: a bit per bucket, and the count of
 * set bits before each 32-bucket word (rows are stored in bucket order). 512 KB where an Int32Array
 * per bucket took 8 MB in each analysis worker, looked up in random order. Two analyzers running
 * side by side each run at about 55% of one alone on this machine (a pure arithmetic loop runs at
 * 100%: the analysis is bound by memory); with the smaller table, at 5–8% more.
 */
export interface BucketIndex {
  bits: Uint32Array;
  before: Int32Array;
}

/** The row of bucket `b`, or -1. */
export function rowOf(index: BucketIndex, b: number): number {
  const w = b >>> 5;
  const word = index.bits[w];
  const bit = 1 << (b & 31);
  if ((word & bit) === 0) return -1;
  // Population count of the bits below `bit`.
  let x = word & (bit - 1);
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return index.before[w] + (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** The bucket index of these buckets (ascending), whose rows are stored in that order. */
export function bucketIndex(buckets: Int32Array): BucketIndex {
  const bits = new Uint32Array(NB >>> 5);
  for (const b of buckets) bits[b >>> 5] |= 1 << (b & 31);
  const before = new Int32Array(bits.length);
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    before[w] = n;
    let x = bits[w];
    while (x !== 0) {
      x &= x - 1;
      n++;
    }
  }
  return { bits, before };
}

export function denseWeights(): Weights {
  return { index: null, rows: new Float32Array(NB * NL) };
}

/** Label id → entity type index (0 PER, 1 ORG, 2 LOC, 3 MISC) or -1 for O. */
export function labelType(y: number): number {
  return y === 0 ? -1 : (y - 1) >> 1;
}
export function isBegin(y: number): boolean {
  return y !== 0 && (y & 1) === 1;
}

// ---------- hashing ----------

function fnvStr(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(t: number, a: number, b = 0): number {
  let h = Math.imul(t + 0x9e3779b1, 0x85ebca6b) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f);
  return (h ^ (h >>> 16)) & MASK;
}

// ---------- per-token observations ----------

const enum Cap {
  Lower = 0,
  InitCap = 1,
  AllCaps = 2,
  Single = 3,
  Digit = 4,
  Mixed = 5,
  Punct = 6,
  Other = 7,
}

/** What decoding needs to know about one sentence's tokens, label-independent. */
export interface SentenceObs {
  n: number;
  lower: string[];
  lHash: Uint32Array;
  cap: Uint8Array;
  /** Static feature buckets, `perToken` per token, -1 where a template does not apply. */
  feats: Int32Array;
  perToken: number;
  /** Per token, a bit per label the token can never take (constrained decoding). */
  ban: Uint16Array;
  /** Per token, the first and last token of its capitalised run (see capitalisedRuns). */
  runs: Int32Array;
  /** Per token, its gazetteer tag (gazetteerTags). */
  gaz: Uint8Array;
}

const PER_TOKEN = 64;
const BOS = 0x1234567;
const EOS = 0x7654321;

function capClass(w: string): Cap {
  let up = 0,
    low = 0,
    dig = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) up++;
    else if (c >= 97 && c <= 122) low++;
    else if (c >= 48 && c <= 57) dig++;
    else if (c > 127) {
      const ch = w[i];
      if (ch !== ch.toLowerCase()) up++;
      else if (ch !== ch.toUpperCase()) low++;
    }
  }
  if (up + low + dig === 0) return Cap.Punct;
  if (dig > 0 && up + low === 0) return Cap.Digit;
  if (dig > 0) return Cap.Mixed;
  if (up === 0) return Cap.Lower;
  if (low === 0) return up === 1 ? Cap.Single : Cap.AllCaps;
  const c0 = w.charCodeAt(0);
  const first = c0 >= 65 && c0 <= 90 ? true : w[0] !== w[0].toLowerCase();
  return first ? Cap.InitCap : Cap.Mixed;
}

/** Word shape with runs collapsed: `Xx`, `X.X.`, `d-d`, `Xx-x`. */
function shapeHash(w: string): number {
  let h = 0x811c9dc5;
  let last = -1;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 88;
    else if (c >= 97 && c <= 122) k = 120;
    else if (c >= 48 && c <= 57) k = 100;
    else if (c > 127) k = w[i] !== w[i].toLowerCase() ? 88 : w[i] !== w[i].toUpperCase() ? 120 : c;
    else k = c;
    if (k === last) continue;
    last = k;
    h = Math.imul(h ^ k, 0x01000193);
  }
  return h >>> 0;
}

// Template ids.
const T = {
  bias: 1,
  w: 2,
  l: 3,
  shape: 4,
  pre: 5,
  suf: 9,
  lm1: 13,
  lp1: 14,
  lm2: 15,
  lp2: 16,
  sm1: 17,
  sp1: 18,
  sm1s: 19,
  ssp1: 20,
  lm1l: 21,
  llp1: 22,
  firstShape: 23,
  headShape: 24,
  gaz: 25,
  gazm1: 26,
  gazp1: 27,
  gazCap: 28,
  clu: 29,
  clum1: 33,
  clup1: 34,
  capr: 35,
  caprCap: 36,
  wm1: 37,
  wp1: 38,
  len: 39,
  capm1p1: 40,
  hyTail: 41,
  hyTailCap: 42,
  lm1s: 43,
  slp1: 44,
  pos: 45,
  runHead: 46,
  runFirst: 47,
  runLen: 48,
  runHeadClu: 49,
  prev: 50,
  prev2: 51,
  prevL: 52,
  prevCap: 53,
  mem: 54,
  memCap: 55,
  memAny: 56,
  prevClu: 57,
  runPrev: 58,
  runNext: 59,
  runHeadClass: 60,
  runFirstClass: 61,
  docHeadClass: 62,
  docTitle: 63,
  docLower: 64,
  docCapInside: 65,
  docScores: 66,
};

/**
 * Kinds of the word that ends (or opens) a name: the head noun says what the name names before a
 * left-to-right tagger reaches it, and a class generalises to heads the training data never shows
 * (`Hancock Pond`, `Audit Commission`): 1 company word or legal suffix, 2 institution or group,
 * 3 geographic feature or territory, 4 building, street or site, 5 news medium.
 */
const HEAD_CLASS: ReadonlyMap<string, number> = new Map(
  [
    'bank group holdings industries airlines airways motors systems technologies communications securities ' +
      'partners associates bancorp bancshares enterprises petroleum resources entertainment records pictures ' +
      'studios publishing press media electronics chemicals pharmaceuticals foods brewery mining energy ' +
      'insurance capital investments trust exchange airline railway railroad railways',
    'department ministry office council agency commission court parliament senate congress assembly committee ' +
      'bureau authority administration secretariat tribunal directorate embassy cabinet police university ' +
      'college school academy institute party federation association union league club society foundation ' +
      'fund organisation organization board service army navy force corps team band orchestra church ' +
      'coalition front movement alliance conference network channel community',
    'river lake sea ocean gulf bay strait island islands mountains mountain mount valley desert canal coast ' +
      'basin plateau peninsula creek brook pond falls hill hills county province district region state city ' +
      'town village parish forest glacier beach harbour harbor cape point springs reservoir',
    'street avenue road square park bridge station airport stadium arena hall palace castle cathedral tower ' +
      'building centre center hospital hotel museum highway dock port field gardens house theatre theater ' +
      'prison base',
    'news times post journal herald television radio broadcasting',
  ].flatMap((words, k) => words.split(' ').map((w) => [w, k + 1] as const)),
);

export function headClass(lower: string): number {
  return isCorporateSuffix(lower) ? 1 : (HEAD_CLASS.get(lower) ?? 0);
}

/**
 * The buckets of a word's own identity features (as written, lower-cased), which training leaves out
 * for a share of the names it sees so that the weights learn to name a word from its shape, context
 * and clusters too (the words of names in other text are mostly not CoNLL's).
 */
export function wordBuckets(w: string): [number, number] {
  const lower = w.toLowerCase();
  const wh = fnvStr(w);
  return [mix(T.w, wh), mix(T.l, w === lower ? wh : fnvStr(lower))];
}

/** Computes the label-independent features of one sentence. */
export function observe(words: string[], lex: Lexicon | null): SentenceObs {
  const n = words.length;
  const lower = new Array<string>(n);
  const lHash = new Uint32Array(n);
  const wHash = new Uint32Array(n);
  const sHash = new Uint32Array(n);
  const cap = new Uint8Array(n);
  const clu = new Int32Array(n).fill(-1);
  const capr = new Int8Array(n).fill(-1);
  let upperWords = 0,
    letterWords = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i];
    lower[i] = w.toLowerCase();
    wHash[i] = fnvStr(w);
    lHash[i] = w === lower[i] ? wHash[i] : fnvStr(lower[i]);
    sHash[i] = shapeHash(w);
    cap[i] = capClass(w);
    if (cap[i] === Cap.AllCaps || cap[i] === Cap.Single) upperWords++;
    if (cap[i] <= Cap.Single) letterWords++;
    if (lex) {
      const e = lex.lookup(lower[i]);
      if (e >= 0) {
        clu[i] = lex.cluster[e];
        capr[i] = lex.capRatio[e];
      }
    }
  }
  // A headline in capitals: case says nothing there. (Title-case headlines are written back in
  // sentence case before they get here: model.ts truecaseTitleLine; a feature flagging them
  // measured 0.35 lower tagger F1 on CoNLL dev.)
  const headline = letterWords >= 2 && upperWords === letterWords ? 1 : 0;
  const runs = capitalisedRuns(lower, cap);
  const gaz = gazetteerTags(words, lower);
  const feats = new Int32Array(n * PER_TOKEN).fill(-1);
  for (let i = 0; i < n; i++) {
    const o = i * PER_TOKEN;
    let k = 0;
    const put = (b: number) => {
      if (k < PER_TOKEN) feats[o + k++] = b;
    };
    const l = lower[i];
    const lm1 = i > 0 ? lHash[i - 1] : BOS;
    const lp1 = i + 1 < n ? lHash[i + 1] : EOS;
    const sm1 = i > 0 ? sHash[i - 1] : BOS;
    const sp1 = i + 1 < n ? sHash[i + 1] : EOS;
    put(mix(T.bias, 0));
    put(mix(T.w, wHash[i]));
    put(mix(T.l, lHash[i]));
    put(mix(T.shape, sHash[i]));
    // Prefixes and suffixes of the lower-cased word, hashed incrementally.
    let h = 0x811c9dc5;
    for (let p = 0; p < 4 && p < l.length; p++) {
      h = Math.imul(h ^ l.charCodeAt(p), 0x01000193);
      if (p < l.length - 1) put(mix(T.pre + p, h >>> 0));
    }
    h = 0x811c9dc5;
    for (let p = 0; p < 4 && p < l.length; p++) {
      h = Math.imul(h ^ l.charCodeAt(l.length - 1 - p), 0x01000193);
      if (p < l.length - 1) put(mix(T.suf + p, h >>> 0));
    }
    put(mix(T.lm1, lm1));
    put(mix(T.lp1, lp1));
    put(mix(T.lm2, i > 1 ? lHash[i - 2] : BOS));
    put(mix(T.lp2, i + 2 < n ? lHash[i + 2] : EOS));
    put(mix(T.sm1, sm1));
    put(mix(T.sp1, sp1));
    put(mix(T.sm1s, sm1, sHash[i]));
    put(mix(T.ssp1, sHash[i], sp1));
    put(mix(T.lm1l, lm1, lHash[i]));
    put(mix(T.llp1, lHash[i], lp1));
    put(mix(T.wm1, i > 0 ? wHash[i - 1] : BOS));
    put(mix(T.wp1, i + 1 < n ? wHash[i + 1] : EOS));
    put(mix(T.firstShape, i === 0 ? 1 : 0, cap[i]));
    put(mix(T.headShape, headline, sHash[i]));
    put(mix(T.len, Math.min(l.length, 12), cap[i]));
    put(mix(T.capm1p1, (i > 0 ? cap[i - 1] : 9) * 16 + cap[i], i + 1 < n ? cap[i + 1] : 9));
    put(mix(T.gaz, gaz[i]));
    put(mix(T.gazm1, i > 0 ? gaz[i - 1] : 255));
    put(mix(T.gazp1, i + 1 < n ? gaz[i + 1] : 255));
    put(mix(T.gazCap, gaz[i], cap[i] + headline * 16));
    if (clu[i] >= 0) {
      const c = clu[i];
      put(mix(T.clu, c >>> 12));
      put(mix(T.clu + 1, c >>> 8));
      put(mix(T.clu + 2, c >>> 4));
      put(mix(T.clu + 3, c));
    } else put(mix(T.clu, 0xffff, cap[i]));
    put(mix(T.clum1, i > 0 ? clu[i - 1] : -2));
    put(mix(T.clup1, i + 1 < n ? clu[i + 1] : -2));
    put(mix(T.capr, capr[i] + 1, i === 0 ? 1 : 0));
    put(mix(T.lm1s, lm1, sHash[i]));
    put(mix(T.slp1, sHash[i], lp1));
    put(mix(T.pos, Math.min(i, 3), cap[i]));
    put(mix(T.clum1, i > 0 && clu[i - 1] >= 0 ? (clu[i - 1] >>> 8) + 0x10000 : -3, 1));
    put(mix(T.clup1, i + 1 < n && clu[i + 1] >= 0 ? (clu[i + 1] >>> 8) + 0x10000 : -3, 1));
    // Hyphenated words: "German-based" (an adjective, MISC) vs "Jong-un" (a name): the part after
    // the last hyphen, and whether it is a common lower-case word.
    const hy = l.lastIndexOf('-');
    if (hy > 0 && hy < l.length - 1) {
      const tail = l.slice(hy + 1);
      put(mix(T.hyTail, fnvStr(tail)));
      const e = lex ? lex.lookup(tail) : -1;
      put(mix(T.hyTailCap, e >= 0 ? lex!.capRatio[e] + 1 : 0, cap[i]));
    }
    put(mix(T.caprCap, capr[i] + 1, cap[i] + headline * 16));
    // The capitalised run the word is in (`Waste Management Corp`, `Ministry of Defence`): its last
    // word says what kind of name it is before a left-to-right tagger reaches it, its first word
    // (`Ministry`, `Bank`) likewise for the words after it. (+0.65 tagger F1 on CoNLL dev, one run.)
    if (runs[i * 2 + 1] > runs[i * 2]) {
      const a = runs[i * 2],
        b = runs[i * 2 + 1];
      const pos = i === a ? 1 : i === b ? 3 : 2;
      if (pos !== 3) {
        put(mix(T.runHead, lHash[b], pos * 4 + headline));
        put(mix(T.runHeadClu, clu[b] >= 0 ? clu[b] >>> 6 : -1, pos * 4 + headline));
      }
      if (pos !== 1) put(mix(T.runFirst, lHash[a], pos * 4 + headline));
      put(mix(T.runLen, Math.min(b - a + 1, 6), pos * 4 + headline));
      // The words just outside the whole name (`… Corp said`, `in … Valley`), and the kind of its last
      // and first words (`Ministry of …`): +1.8 wikigold F1, CoNLL dev unchanged (3 averaged runs).
      if (pos !== 3) put(mix(T.runNext, b + 1 < n ? lHash[b + 1] : EOS, pos));
      if (pos !== 1) put(mix(T.runPrev, a > 0 ? lHash[a - 1] : BOS, pos));
      put(mix(T.runHeadClass, headClass(lower[b]), pos * 4 + headline));
      put(mix(T.runFirstClass, headClass(lower[a]), pos * 4 + (lower[a + 1] === 'of' ? 2 : 0) + headline));
    }
  }
  return { n, lower, lHash, cap, feats, perToken: PER_TOKEN, ban: bannedLabels(words, lower, cap), runs, gaz };
}

/** Words that, written just before a capitalised word, say it is a person's name. */
const PERSON_CUES = new Set([
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'dr',
  'dr.',
  'president',
  'minister',
  'sen.',
  'said',
]);

/**
 * Document-level observations, added to the features of each sentence once the whole document (or
 * window) is observed: for each capitalised word, the kind of name it is part of elsewhere in the
 * document (`Magna` beside `Magna International Inc`: the head class of the longer run it opens or
 * fills, not ends), whether a person's cue comes before it elsewhere (`Mr Caloi`), whether the
 * document also writes it in lower case (`Milepost 1` beside `the milepost`), and, for a word that
 * opens a sentence, whether the document capitalises it inside a sentence too. Label-free,
 * so the same in training and at inference (Ratinov & Roth 2009's non-local features, by
 * observation instead of by earlier predictions). With the head classes and person cues, tagger F1
 * on CoNLL dev 91.47 -> 91.57 (one run); the lower-case and sentence-start ones add 0.2-0.3 more.
 */
export function addDocumentFeatures(obs: SentenceObs[]): void {
  const headOf = new Map<string, number>();
  const cued = new Set<string>();
  const lowerSeen = new Set<string>();
  const capInside = new Set<string>();
  for (const o of obs)
    for (let i = 0; i < o.n; i++) {
      if (o.cap[i] === Cap.Lower) lowerSeen.add(o.lower[i]);
      if (i > 0 && o.cap[i] === Cap.InitCap && o.cap[i - 1] !== Cap.Punct) capInside.add(o.lower[i]);
      if (o.cap[i] < Cap.InitCap || o.cap[i] > Cap.Single) continue;
      const b = o.runs[i * 2 + 1];
      if (b > o.runs[i * 2] && i < b) {
        const c = headClass(o.lower[b]);
        const prev = headOf.get(o.lower[i]) ?? 0;
        if (c > 0 && (prev === 0 || c < prev)) headOf.set(o.lower[i], c);
        else if (prev === 0) headOf.set(o.lower[i], 0);
      }
      if (i > 0 && PERSON_CUES.has(o.lower[i - 1]) && o.runs[i * 2] === i) cued.add(o.lower[i]);
    }
  // Results tables and match reports (`Seattle 5 Chicago 3`, `won 6-3 6-2`): there a city's name is
  // mostly its team's. The share of sentences holding a score, in three levels.
  let scored = 0;
  for (const o of obs) {
    let nums = 0;
    for (let i = 0; i < o.n; i++) if (o.cap[i] === Cap.Digit) nums++;
    let score = false;
    for (let i = 0; i < o.n && !score; i++) score = /^\d{1,3}-\d{1,3}$/.test(o.lower[i]);
    if (score || (nums >= 2 && nums * 3 >= o.n)) scored++;
  }
  const level = scored === 0 ? 0 : scored * 5 < obs.length ? 1 : 2;
  for (const o of obs)
    for (let i = 0; i < o.n; i++) {
      if (o.cap[i] < Cap.InitCap || o.cap[i] > Cap.Single) continue;
      const single = o.runs[i * 2] === o.runs[i * 2 + 1] ? 1 : 0;
      const h = headOf.get(o.lower[i]);
      const c = cued.has(o.lower[i]) ? 1 : 0;
      let k = i * o.perToken;
      const end = k + o.perToken;
      while (k < end && o.feats[k] !== -1) k++;
      if (k < end) o.feats[k++] = mix(T.docScores, level, o.gaz[i]);
      if (k < end) o.feats[k++] = mix(T.docLower, lowerSeen.has(o.lower[i]) ? 1 : 0, single);
      // A word opening a sentence or following punctuation: capitalised elsewhere inside a sentence?
      if (k < end && (i === 0 || o.cap[i - 1] === Cap.Punct))
        o.feats[k++] = mix(T.docCapInside, capInside.has(o.lower[i]) ? 1 : 0, o.cap[i]);
      if (h !== undefined && k < end) o.feats[k++] = mix(T.docHeadClass, h + 1, single);
      if (c && k < end) o.feats[k++] = mix(T.docTitle, 1, single);
    }
}

/**
 * Per token, the first and last token of the run of capitalised words it is in (`Bank of New York`:
 * function words join two capitalised words), as pairs; a token outside any run is its own run.
 */
function capitalisedRuns(lower: string[], cap: Uint8Array): Int32Array {
  const n = lower.length;
  const out = new Int32Array(n * 2);
  const capital = (k: number) => k < n && (cap[k] === Cap.InitCap || cap[k] === Cap.AllCaps || cap[k] === Cap.Single);
  let i = 0;
  while (i < n) {
    if (!capital(i)) {
      out[i * 2] = out[i * 2 + 1] = i;
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      if (capital(j + 1)) j++;
      else if (j + 2 < n && (lower[j + 1] === '&' || RUN_JOINERS.has(lower[j + 1])) && capital(j + 2)) j += 2;
      else break;
    }
    for (let k = i; k <= j; k++) {
      out[k * 2] = i;
      out[k * 2 + 1] = j;
    }
    i = j + 1;
  }
  return out;
}

const RUN_JOINERS = new Set(['of', 'and', 'for', 'de', 'du', 'la', 'von', 'van', 'der', 'del', 'di', 'da']);

/** Label bits: every B- label, every I- label, and every label but O and I-ORG. */
const BAN_BEGIN = (1 << 1) | (1 << 3) | (1 << 5) | (1 << 7);
const BAN_INSIDE = (1 << 2) | (1 << 4) | (1 << 6) | (1 << 8);
const BAN_ALL_BUT_INSIDE_ORG = 0x1ff & ~1 & ~(1 << 4);

/**
 * A month's or weekday's three-letter abbreviation before a capitalised word (`Jan Kavan`, `Sun
 * Microsystems`) is a name's first word: as a date it comes before a number (`Jan 5`).
 */
function abbreviationBeforeName(words: string[], cap: Uint8Array, i: number): boolean {
  const next = words[i + 1];
  return (
    cap[i] === Cap.InitCap &&
    words[i].length === 3 &&
    next !== undefined &&
    cap[i + 1] === Cap.InitCap &&
    next.length > 1 &&
    !isCalendarWord(next) &&
    !DAY_WORD.test(next)
  );
}

/** A day written in words (`Record Jan Four`, `from Feb One`). */
const DAY_WORD =
  /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)(?:-\p{L}+)?$/u;

/**
 * What a word can never be, whatever its features say: a month or weekday name never starts a
 * name; a legal suffix (`Corp`, `Inc`) only ever continues a company's name; a lower-case word
 * that is no name particle (`said`) never continues a name (`Sprint said`). CoNLL's annotation
 * follows the same rules (no month begins an entity, no suffix is anything but I-ORG in it).
 */
function bannedLabels(words: string[], lower: string[], cap: Uint8Array): Uint16Array {
  const ban = new Uint16Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const c = cap[i];
    if (c === Cap.Lower) {
      if (!isNameParticle(lower[i]) && !lower[i].includes('-')) ban[i] = BAN_INSIDE;
    } else if ((c === Cap.InitCap || c === Cap.AllCaps || c === Cap.Single) && words[i].length <= 13) {
      if (isCorporateSuffix(words[i])) ban[i] = BAN_ALL_BUT_INSIDE_ORG;
      else if (isCalendarWord(words[i]) && !abbreviationBeforeName(words, cap, i)) ban[i] = BAN_BEGIN;
    }
  }
  return ban;
}

/**
 * A possessive is part of a name (`Moody's`, `Boatmen's`, `Queen's Park`) when the word before it
 * is never written without it in the document; elsewhere (`the Fed's view` beside `the Fed`) it is
 * the grammar's and ends the name. Where the document says so, lets the possessive continue an
 * organisation's or a place's name (never a person's: CoNLL labels it so).
 */
export function allowNamePossessives(obs: SentenceObs[]): void {
  const bare = new Set<string>();
  const possessed = new Set<string>();
  for (const o of obs)
    for (let i = 0; i < o.n; i++) {
      if (o.cap[i] !== Cap.InitCap && o.cap[i] !== Cap.AllCaps) continue;
      const next = i + 1 < o.n ? o.lower[i + 1] : '';
      if (next === "'s" || next === '’s') possessed.add(o.lower[i]);
      else bare.add(o.lower[i]);
    }
  for (const o of obs)
    for (let i = 1; i < o.n; i++)
      if ((o.lower[i] === "'s" || o.lower[i] === '’s') && possessed.has(o.lower[i - 1]) && !bare.has(o.lower[i - 1]))
        o.ban[i] = BAN_BEGIN | (1 << 2);
}

// ---------- decoding ----------

/** How each capitalised word was labelled earlier in the document: counts per entity type. */
export type DocMemory = Map<string, Int32Array>;

/** Training hooks: the gold labels, and the update to apply to the features of a wrong guess. */
export interface Trainer {
  gold: Uint8Array;
  update(feats: ArrayLike<number>, count: number, gold: number, guess: number): void;
  /** Called once per decoded sentence (the clock of weight averaging). */
  tick(): void;
}

const scratch = new Float64Array(NL);
/** Capitalisation classes that never start a name: lower case, digits, punctuation, other. */
const PLAIN = Uint8Array.from([1, 0, 0, 0, 1, 0, 1, 1]);
const dyn = new Int32Array(16);

function canFollow(prev: number, y: number): boolean {
  if (y === 0 || isBegin(y)) return true;
  // I-X continues B-X or I-X only.
  return prev !== 0 && prev !== -1 && labelType(prev) === labelType(y);
}

/** Labels one sentence greedily; with a trainer, updates the weights on each wrong guess. */
export function decode(w: Weights, obs: SentenceObs, mem: Int8Array, trainer?: Trainer): Uint8Array {
  const { n, feats, perToken, cap, lHash } = obs;
  const labels = new Uint8Array(n);
  const { index, rows } = w;
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? labels[i - 1] : -1;
    // A lower-case word, number or punctuation mark outside any name and not followed by a
    // capitalised word is outside: skipping these (most tokens of news) makes decoding several
    // times faster. Training skips them too, so the model never relies on them.
    if (prev <= 0 && PLAIN[cap[i]] && (i + 1 >= n || PLAIN[cap[i + 1]])) {
      labels[i] = 0;
      continue;
    }
    const prev2 = i > 1 ? labels[i - 2] : -1;
    let d = 0;
    dyn[d++] = mix(T.prev, prev + 1);
    dyn[d++] = mix(T.prev2, prev + 1, prev2 + 1);
    dyn[d++] = mix(T.prevL, prev + 1, lHash[i]);
    dyn[d++] = mix(T.prevCap, prev + 1, cap[i]);
    if (mem[i] > -2) {
      const best = mem[i];
      dyn[d++] = mix(T.mem, best + 1);
      dyn[d++] = mix(T.memCap, best + 1, cap[i] * 8 + (i === 0 ? 1 : 0));
      dyn[d++] = mix(T.memAny, best + 1, prev + 1);
    }
    scratch.fill(0);
    const o = i * perToken;
    for (let k = 0; k < perToken; k++) {
      const b = feats[o + k];
      if (b < 0) {
        if (b === -1) break;
        continue; // -2: a feature training left out (word dropout, tools/train.ts)
      }
      const r = index ? rowOf(index, b) : b;
      if (r < 0) continue;
      const ro = r * NL;
      for (let y = 0; y < NL; y++) scratch[y] += rows[ro + y];
    }
    for (let k = 0; k < d; k++) {
      const b = dyn[k];
      const r = index ? rowOf(index, b) : b;
      if (r < 0) continue;
      const ro = r * NL;
      for (let y = 0; y < NL; y++) scratch[y] += rows[ro + y];
    }
    let guess = 0,
      best = -Infinity;
    // The bans bind at inference only: applied in training too they cost 0.4 tagger F1 on CoNLL dev
    // (the weights then never learn to keep a verb out of a name, and lean on the ban).
    const ban = trainer ? 0 : obs.ban[i];
    for (let y = 0; y < NL; y++) {
      if (!canFollow(prev, y) || (ban >> y) & 1) continue;
      if (scratch[y] > best) {
        best = scratch[y];
        guess = y;
      }
    }
    if (trainer) {
      const g = trainer.gold[i];
      if (g !== guess) {
        trainer.update(feats.subarray(o, o + perToken), perToken, g, guess);
        trainer.update(dyn, d, g, guess);
      }
    }
    labels[i] = guess;
  }
  trainer?.tick();
  return labels;
}

/** Adds the types given to capitalised words of one sentence to the document's memory. */
function remember(memory: DocMemory, obs: SentenceObs, labels: Uint8Array): void {
  for (let i = 0; i < obs.n; i++) {
    const t = labelType(labels[i]);
    if (t < 0 || obs.cap[i] < 1 || obs.cap[i] > 3) continue;
    let m = memory.get(obs.lower[i]);
    if (!m) memory.set(obs.lower[i], (m = new Int32Array(4)));
    m[t]++;
  }
}

/**
 * Per token: the type most often given to the same capitalised word elsewhere in the document
 * (-1 none, -2 not a capitalised word), leaving out the token's own label `own` if given.
 */
function memoryValues(obs: SentenceObs, memory: DocMemory, own: Uint8Array | null): Int8Array {
  const out = new Int8Array(obs.n).fill(-2);
  for (let i = 0; i < obs.n; i++) {
    if (obs.cap[i] < 1 || obs.cap[i] > 3) continue;
    const m = memory.get(obs.lower[i]);
    let best = -1,
      bestN = 0;
    const self = own ? labelType(own[i]) : -1;
    if (m)
      for (let t = 0; t < 4; t++) {
        const c = m[t] - (t === self ? 1 : 0);
        if (c > bestN) {
          best = t;
          bestN = c;
        }
      }
    out[i] = best;
  }
  return out;
}

/**
 * Labels a document in two passes (after Ratinov & Roth 2009): the first sees how each word was
 * labelled earlier in the document, the second how it was labelled anywhere else in it (so a
 * headline learns from the body). Sentences whose memory did not change keep their first labels.
 * With `train`, both passes update the weights.
 */
export function tagDoc(
  w: Weights,
  obs: SentenceObs[],
  train?: { gold: Uint8Array[]; update: Trainer['update']; tick: Trainer['tick'] },
): Uint8Array[] {
  if (!train) allowNamePossessives(obs);
  const memory: DocMemory = new Map();
  const first: Uint8Array[] = [];
  const mem1: Int8Array[] = [];
  obs.forEach((o, si) => {
    const mv = memoryValues(o, memory, null);
    mem1.push(mv);
    const labels = decode(w, o, mv, train && { gold: train.gold[si], update: train.update, tick: train.tick });
    first.push(labels);
    remember(memory, o, labels);
  });
  return obs.map((o, si) => {
    const mv = memoryValues(o, memory, first[si]);
    let same = true;
    for (let i = 0; i < mv.length && same; i++) same = mv[i] === mem1[si][i];
    if (same) return first[si];
    return decode(w, o, mv, train && { gold: train.gold[si], update: train.update, tick: train.tick });
  });
}

export { NB as BUCKETS };
