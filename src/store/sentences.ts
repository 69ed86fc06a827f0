import { storedValue } from './errors.js';
import type { Sentence } from '../core/types.js';

/**
 * Sentence boundaries are kept with their document as one packed blob (start, end pairs of 32-bit
 * integers), not as a row per sentence: they are only ever read a whole document at a time, and
 * ~160,000 rows cost a bulk ingest more than the FTS index does.
 */
export function packSentences(sentences: readonly Pick<Sentence, 'start' | 'end'>[]): Buffer {
  const packed = new Uint32Array(sentences.length * 2);
  sentences.forEach((s, i) => {
    packed[2 * i] = s.start;
    packed[2 * i + 1] = s.end;
  });
  return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
}

export function unpackSentences(blob: Uint8Array | null): { start: number; end: number }[] {
  if (!blob || blob.byteLength === 0) return [];
  // Copy: a Buffer from SQLite need not be 4-byte aligned.
  const packed = storedValue("a document's sentence offsets", () => new Uint32Array(new Uint8Array(blob).buffer));
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < packed.length; i += 2) out.push({ start: packed[i], end: packed[i + 1] });
  return out;
}
