import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelDir } from './model-dir.js';

/** Endings of inflected English words and what their stem ends in instead. */
const INFLECTIONS: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['es', ''],
  ['s', ''],
  ['ed', ''],
  ['ed', 'e'],
  ['ing', ''],
  ['ing', 'e'],
];

/**
 * Word statistics learned from unlabelled news (the Reuters corpus) by tools/train.ts: a
 * hierarchical cluster path per word (similar words share path prefixes, like Brown clusters) and
 * how often the word is capitalised away from the start of a sentence (bucketed 0–4). Both help
 * the tagger with words the annotated data never shows.
 */
export class Lexicon {
  private readonly ids = new Map<string, number>();
  constructor(
    readonly words: string[],
    /** 16-bit cluster path, most significant bit = first split. */
    readonly cluster: Int32Array,
    readonly capRatio: Int8Array,
  ) {
    for (let i = 0; i < words.length; i++) this.ids.set(words[i], i);
  }

  /** Entry of a lower-cased word, or -1. */
  lookup(lower: string): number {
    return this.ids.get(lower) ?? -1;
  }

  /** Entry of a lower-cased word, or of its stem when the word is inflected (`blasts`, `raised`, `rising`), or -1. */
  lookupInflected(lower: string): number {
    const e = this.lookup(lower);
    if (e >= 0 || lower.length < 5) return e;
    for (const [end, add] of INFLECTIONS)
      if (lower.endsWith(end)) {
        const f = this.lookup(lower.slice(0, lower.length - end.length) + add);
        if (f >= 0) return f;
      }
    return -1;
  }

  serialize(): string {
    const lines: string[] = [];
    for (let i = 0; i < this.words.length; i++)
      lines.push(`${this.words[i]}\t${this.cluster[i].toString(16)}\t${this.capRatio[i]}`);
    return lines.join('\n') + '\n';
  }

  static parse(text: string): Lexicon {
    const words: string[] = [];
    const cl: number[] = [];
    const cr: number[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      const a = line.indexOf('\t');
      const b = line.indexOf('\t', a + 1);
      words.push(line.slice(0, a));
      cl.push(parseInt(line.slice(a + 1, b), 16));
      cr.push(Number(line.slice(b + 1)));
    }
    return new Lexicon(words, Int32Array.from(cl), Int8Array.from(cr));
  }
}

let installed: Lexicon | null | undefined;

/** The installed model's lexicon, read once on first use (without the tagger's weights), or null. */
export function installedLexicon(): Lexicon | null {
  if (installed === undefined) {
    const file = join(modelDir(), 'lexicon.tsv');
    installed = existsSync(file) ? Lexicon.parse(readFileSync(file, 'utf8')) : null;
  }
  return installed;
}

/**
 * A word running text mostly writes in lower case (`cement`, `laboratories`), unlike a name's words
 * (`miller`, `barney`): the lexicon's capitalisation bucket 0–3 of 0–5. An unknown word is not one.
 */
export function isCommonWord(lower: string, lex: Lexicon | null = installedLexicon()): boolean {
  const e = lex?.lookup(lower) ?? -1;
  return e >= 0 && lex!.capRatio[e] <= 3;
}
