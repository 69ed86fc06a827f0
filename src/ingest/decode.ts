/**
 * Bytes → text. Every offset the project stores is a JavaScript string index into
 * the text this returns, so the rules are fixed: a BOM decides the encoding and is
 * dropped, strict UTF-8 is tried next, Windows-1252 is the fallback (news files that
 * are not UTF-8 are nearly always cp1252), and line endings are kept as they are.
 */
import { createRequire } from 'node:module';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding; warnings: string[] }
  | { ok: false; error: string };

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const CP1252_WARNING = 'not valid UTF-8; decoded as Windows-1252';
export const MIXED_WARNING = 'not valid UTF-8; decoded as UTF-8 with the invalid bytes as Windows-1252';

/** How much of the start of a file the binary sniffing looks at. */
const SNIFF_BYTES = 8192;
/** Share of control characters (other than tab, newline, CR, FF, VT, ESC) that marks binary data. */
const MAX_CONTROL_SHARE = 0.1;

const require = createRequire(import.meta.url);
let iconv: typeof import('iconv-lite') | undefined;

/** Node's TextDecoder('windows-1252') is really Latin-1 (0x80–0x9F become C1 controls), so use iconv-lite. */
function decodeCp1252(bytes: Uint8Array): string {
  iconv ??= require('iconv-lite') as typeof import('iconv-lite');
  return iconv.decode(bytes, 'win1252');
}

/** Bytes a file declares to be Latin-1 or Windows-1252 (an XML declaration): decoded so, without a warning. */
export function decodeWindows1252(bytes: Uint8Array): DecodeResult {
  const text = decodeCp1252(bytes);
  return text.trim() === ''
    ? { ok: false, error: 'empty file' }
    : { ok: true, text, encoding: 'windows-1252', warnings: [] };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });

export function decodeText(bytes: Uint8Array): DecodeResult {
  const bom = detectBom(bytes);
  if (bom?.encoding === 'utf-8') {
    const rest = bytes.subarray(bom.length);
    return looksBinary(rest) ? { ok: false, error: 'binary file' } : finish(decodeUtf8OrCp1252(rest));
  }
  if (bom) return finish(decodeUtf16(bytes.subarray(bom.length), bom.encoding as 'utf-16le' | 'utf-16be'));

  const unmarked16 = sniffUtf16(bytes);
  if (unmarked16) return finish(decodeUtf16(bytes, unmarked16));

  if (looksBinary(bytes)) return { ok: false, error: 'binary file' };
  return finish(decodeUtf8OrCp1252(bytes));
}

type Decoded = { text: string; encoding: TextEncoding; warnings: string[] };

function finish(decoded: Decoded): DecodeResult {
  if (decoded.text.trim() === '') return { ok: false, error: 'empty file' };
  // UTF-16 text skipped the byte-level sniffing; check what it decoded to instead.
  if (decoded.encoding.startsWith('utf-16') && controlShare(decoded.text) > MAX_CONTROL_SHARE)
    return { ok: false, error: 'binary file' };
  return { ok: true, ...decoded };
}

function detectBom(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeUtf8OrCp1252(bytes: Uint8Array): Decoded {
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    return decodeMixed(bytes) ?? { text: decodeCp1252(bytes), encoding: 'windows-1252', warnings: [CP1252_WARNING] };
  }
}

/**
 * Scraped and concatenated news is often UTF-8 with a few stray Windows-1252 bytes;
 * decoding all of it as cp1252 would turn every correct “ or é into mojibake. When the
 * valid multi-byte UTF-8 sequences outnumber the invalid bytes, keep them and decode
 * only the invalid bytes as cp1252. (A real cp1252 file rarely contains valid UTF-8
 * sequences at all, and then has many more invalid bytes than valid ones.)
 */
function decodeMixed(bytes: Uint8Array): Decoded | null {
  let valid = 0;
  const invalid: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      valid++;
      i += n;
    } else {
      invalid.push(i);
      i++;
    }
  }
  if (valid === 0 || invalid.length > valid) return null;
  let text = '';
  let from = 0;
  for (const at of invalid) {
    text += strictUtf8.decode(bytes.subarray(from, at)) + decodeCp1252(bytes.subarray(at, at + 1));
    from = at + 1;
  }
  text += strictUtf8.decode(bytes.subarray(from));
  return { text, encoding: 'utf-8', warnings: [MIXED_WARNING] };
}

/** Length of the valid UTF-8 sequence starting at `i` (a byte >= 0x80), or 0 when it is not one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean =>
    i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const warnings = bytes.length % 2 === 1 ? ['odd number of bytes in UTF-16 text; last byte ignored'] : [];
  const even = bytes.length % 2 === 1 ? bytes.subarray(0, bytes.length - 1) : bytes;
  return { text: (encoding === 'utf-16le' ? utf16le : utf16be).decode(even), encoding, warnings };
}

/**
 * UTF-16 without a BOM: mostly-ASCII text then has a NUL in every other byte, always on
 * the same side. Recognising it keeps such files from being rejected as binary.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul === 0) return 'utf-16be';
  return null;
}

function isControlByte(b: number): boolean {
  // Tab, LF, VT, FF, CR and ESC do occur in real text files.
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (isControlByte(b)) controls++;
  }
  return n > 0 && controls / n > MAX_CONTROL_SHARE;
}

function controlShare(text: string): number {
  const n = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) if (isControlByte(text.charCodeAt(i))) controls++;
  return n === 0 ? 0 : controls / n;
}
