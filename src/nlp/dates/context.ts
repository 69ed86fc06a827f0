import type { Sentence } from '../../core/types.js';

/** Index of the sentence holding offset `pos` (the last one starting at or before it; 0 when none). */
export function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** How far from an expression its clause may reach: tense markers further away rarely govern it. */
const MAX_REACH = 300;

const ABBREVIATION_BEFORE_DOT = /(?:^|[^A-Za-z])(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Jr|Sr|vs|No|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Prof|Rev|Adm|Maj|Cmdr|Pres|Amb|[A-Za-z])$/;
const SENTENCE_END = /[.!?]["'”’)]*(?:\s+|(?=[A-Z“"][a-z]))|\n\s*\n/g;

/**
 * The stretch of text whose verbs decide the tense of `[start, end)`: its sentence, narrowed to the
 * nearest sentence ends actually in the text, so that a tokenizer that merges sentences (or a run-on
 * `added.The meetings`) does not let one sentence's verb govern another's date.
 */
export function clauseBounds(text: string, sentence: Sentence | undefined, start: number, end: number): [number, number] {
  let from = Math.max(sentence && sentence.start <= start ? sentence.start : 0, start - MAX_REACH);
  let to = Math.min(sentence && sentence.end >= end ? sentence.end : text.length, end + MAX_REACH);
  SENTENCE_END.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) !== null) {
    const stop = m.index + m[0].length;
    if (m.index >= start) {
      if (m.index >= end && m.index < to && isSentenceEnd(text, m.index)) to = m.index + 1;
      if (m.index >= end) break;
      continue;
    }
    if (stop <= start && isSentenceEnd(text, m.index)) from = stop;
  }
  return [from, to];
}

function isSentenceEnd(text: string, at: number): boolean {
  if (text[at] !== '.') return true;
  return !ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, at - 6), at));
}
