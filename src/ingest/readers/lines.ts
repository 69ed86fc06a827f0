/**
 * Streaming helpers shared by the multi-article readers: lines of a byte stream without holding
 * the file, and a cheap count of lines for progress in articles.
 */
import { createReadStream } from 'node:fs';

export interface ByteLine {
  /** 1-based line number. */
  line: number;
  /** The line's bytes without its `\n` (a `\r` before it is kept: the decoder's business). */
  bytes: Uint8Array;
}

/** The lines of a byte stream, one chunk at a time: memory is one chunk plus the longest line. */
export async function* byteLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ByteLine> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of chunks) {
    const buffer = rest.length
      ? Buffer.concat([rest, chunk])
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = buffer.indexOf(10, start); nl !== -1; nl = buffer.indexOf(10, start)) {
      yield { line: ++line, bytes: buffer.subarray(start, nl) };
      start = nl + 1;
    }
    // Copied: the stream may reuse its chunk's memory.
    rest = Buffer.from(buffer.subarray(start));
  }
  if (rest.length) yield { line: ++line, bytes: rest };
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
