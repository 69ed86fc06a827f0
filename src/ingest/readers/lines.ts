/**
 * Streaming helpers shared by the multi-article readers: lines of a byte stream without holding
 * the file, and a cheap count of lines for progress in articles.
 */
import { createReadStream } from 'node:fs';

export interface ByteLine {
  /** 1-based line number. */
  line: number;
  /** The line's bytes without its `\n` (a `\r` before it is kept: the decoder's business); empty for a line too long. */
  bytes: Uint8Array;
  /** Set for a line longer than the reader's bound: its length in bytes (its bytes were not kept). */
  tooLong?: number;
}

/**
 * The lines of a byte stream, one chunk at a time: memory is one chunk plus the longest line kept.
 * A line longer than `maxLine` bytes is not kept: it comes as its length alone (`tooLong`).
 */
export async function* byteLines(chunks: AsyncIterable<Uint8Array>, maxLine = Infinity): AsyncGenerator<ByteLine> {
  // The start of the current line, in pieces (one concatenation per line, not per chunk), and its length.
  let pending: Buffer[] = [];
  let length = 0;
  let line = 0;
  const finish = (last: Buffer): ByteLine => {
    const total = length + last.length;
    const whole =
      total > maxLine
        ? { line: ++line, bytes: new Uint8Array(0), tooLong: total }
        : { line: ++line, bytes: pending.length ? Buffer.concat([...pending, last]) : last };
    pending = [];
    length = 0;
    return whole;
  };
  for await (const chunk of chunks) {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = buffer.indexOf(10, start); nl !== -1; nl = buffer.indexOf(10, start)) {
      yield finish(buffer.subarray(start, nl));
      start = nl + 1;
    }
    if (start < buffer.length) {
      length += buffer.length - start;
      // Copied: the stream may reuse its chunk's memory. Past the bound, only counted.
      if (length <= maxLine) pending.push(Buffer.from(buffer.subarray(start)));
      else pending = [];
    }
  }
  if (length > 0) yield finish(Buffer.alloc(0));
}

/** Newlines in a file (one pass, no decoding): an upper bound on its records, for progress. */
export async function countNewlines(file: string, byte = 10): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(byte); at !== -1; at = chunk.indexOf(byte, at + 1)) count++;
  }
  return count;
}

/**
 * Records of a CSV/TSV file: newlines outside double quotes (a doubled quote toggles twice, so it
 * changes nothing). One pass over the bytes, no parsing; for progress in rows, not lines.
 */
export async function countCsvRecords(file: string): Promise<number> {
  let count = 0;
  let quoted = false;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 34) quoted = !quoted;
      else if (byte === 10 && !quoted) count++;
    }
  }
  return count;
}
