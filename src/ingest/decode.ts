/**
 * Bytes → text. Every offset the project stores is a JavaScript string index into
 * the text this returns, so the rules are fixed: a BOM decides the encoding and is
 * dropped, strict UTF-8 is tried next, then the charset a page or XML file declares
 * (declaredCharset), and Windows-1252 is the fallback (news files that are not UTF-8
 * are nearly always cp1252); line endings are kept as they are.
 */
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding; warnings: string[] }
  | { ok: false; error: string };

/** How text was decoded: one of these, or a charset its file declared (as iconv-lite names it, `shift_jis`). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

export const CP1252_WARNING = 'not valid UTF-8; decoded as Windows-1252';
export const MIXED_WARNING = 'not valid UTF-8; decoded as UTF-8 with the invalid bytes as Windows-1252';

/** How much of the start of a file the binary sniffing looks at. */
const SNIFF_BYTES = 8192;
/** Share of control characters (other than tab, newline, CR, FF, VT, ESC) that marks binary data. */
const MAX_CONTROL_SHARE = 0.1;

const require = createRequire(import.meta.url);
let iconv: typeof import('iconv-lite') | undefined;

/** iconv-lite, loaded on first use (most files are UTF-8 and never need it). */
function iconvLite(): typeof import('iconv-lite') {
  iconv ??= require('iconv-lite') as typeof import('iconv-lite');
  return iconv;
}

/** Node's TextDecoder('windows-1252') is really Latin-1 (0x80–0x9F become C1 controls), so use iconv-lite. */
function decodeCp1252(bytes: Uint8Array): string {
  return iconvLite().decode(bytes, 'win1252');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });

/** `declared`: the charset the bytes declare (declaredCharset), used when they are not UTF-8. */
export function decodeText(bytes: Uint8Array, declared: string | null = null): DecodeResult {
  const bom = detectBom(bytes);
  if (bom?.encoding === 'utf-8') {
    const rest = bytes.subarray(bom.length);
    return looksBinary(rest) ? { ok: false, error: 'binary file' } : finish(decodeUtf8OrCp1252(rest));
  }
  if (bom) return finish(decodeUtf16(bytes.subarray(bom.length), bom.encoding as 'utf-16le' | 'utf-16be'));

  const unmarked16 = sniffUtf16(bytes);
  if (unmarked16) return finish(decodeUtf16(bytes, unmarked16));

  if (looksBinary(bytes)) return { ok: false, error: 'binary file' };
  if (declared && !isUtf8(bytes)) return finish({ text: decodeAs(bytes, declared), encoding: declared, warnings: [] });
  return finish(decodeUtf8OrCp1252(bytes));
}

/** How far into a page or an XML file its charset declaration is looked for (a head with scripts before it). */
const DECLARATION_BYTES = 4096;

/**
 * The charset a web page or an XML file declares in its first bytes (`<?xml … encoding="…"?>`,
 * `<meta charset="…">`, `<meta http-equiv="Content-Type" content="…; charset=…">`), or null: none,
 * a Unicode one (the bytes and their BOM decide those), or one iconv-lite does not know. A Latin-1
 * or ASCII label means Windows-1252, as browsers read it (WHATWG Encoding).
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_BYTES)).toString(
    'latin1',
  );
  const label =
    /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta\b[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  return charsetNamed(label ?? null);
}

/** A charset label (`ISO-8859-5`, from a declaration or a Content-Type header) as decodeText takes it, or null. */
export function charsetNamed(label: string | null): string | null {
  const name = label?.trim().toLowerCase();
  if (!name || /^(?:utf-?8|utf-?16(?:[lb]e)?|unicode(?:-1-1-utf-8)?|ucs-?2)$/.test(name)) return null;
  if (/^(?:iso[-_]?8859-1|iso8859-1|latin-?1|l1|cp819|ibm819|(?:us-)?ascii|windows-1252|cp1252|x-cp1252)$/.test(name))
    return 'windows-1252';
  return iconvLite().encodingExists(name) ? name : null;
}

/** Bytes in a charset iconv-lite knows. */
function decodeAs(bytes: Uint8Array, charset: string): string {
  return iconvLite().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset);
}

type Decoded = { text: string; encoding: TextEncoding; warnings: string[] };

function finish(decoded: Decoded): DecodeResult {
  if (decoded.text.trim() === '') return { ok: false, error: 'empty file' };
  // UTF-16 text skipped the byte-level sniffing; check what it decoded to instead.
  if (decoded.encoding.startsWith('utf-16') && controlShare(decoded.text) > MAX_CONTROL_SHARE)
    return { ok: false, error: 'binary file' };
  return { ok: true, ...decoded };
}

function detectBom(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
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
    const mixed = decodeMixed(bytes);
    if (mixed) return mixed;
    const { encoding, warnings } = notUtf8(bytes);
    return { text: encoding === 'windows-1252' ? decodeCp1252(bytes) : decodeAs(bytes, encoding), encoding, warnings };
  }
}

/** How many bytes of a text that is not UTF-8 judge whether it is in another script's encoding. */
const DETECT_BYTES = 64 * 1024;
/** Share of bytes past ASCII from which a text is taken to be in a script that is not Latin. */
const NON_LATIN_SHARE = 0.3;
/**
 * Encodings of scripts that are not Latin, as chardet names them → as iconv-lite does. A text in
 * one is mostly bytes past ASCII, where a Windows-1252 one (English, French, German news) has few;
 * chardet's guesses among Latin encodings (ISO-8859-2 for French) are never taken.
 */
const NON_LATIN: Readonly<Record<string, string>> = {
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  GB18030: 'gb18030',
  Big5: 'big5',
  'EUC-KR': 'euc-kr',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-5': 'iso-8859-5',
  'windows-1253': 'windows-1253',
  'ISO-8859-7': 'iso-8859-7',
  'windows-1255': 'windows-1255',
  'ISO-8859-8': 'iso-8859-8',
  'windows-1256': 'windows-1256',
  'ISO-8859-6': 'iso-8859-6',
};

let chardet: typeof import('chardet') | undefined;

/**
 * The encoding of a text that is not UTF-8 and is mostly bytes past ASCII — Russian in KOI8-R,
 * Japanese in Shift_JIS, Chinese in GB18030 — as chardet (a dependency) detects it from the first
 * DETECT_BYTES, or null (most such files are Windows-1252, decoded so as before).
 */
export function detectedNonLatin(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, DETECT_BYTES);
  let high = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] >= 0x80) high++;
  if (sample.length === 0 || high < sample.length * NON_LATIN_SHARE) return null;
  chardet ??= require('chardet') as typeof import('chardet');
  const [best] = chardet.analyse(sample);
  return best ? (NON_LATIN[best.name] ?? null) : null;
}

/** The warning of a text decoded in the encoding detected from its bytes. */
function detectedWarning(charset: string): string {
  return `not valid UTF-8; decoded as ${charset.toUpperCase()}, detected from its bytes`;
}

/**
 * Bytes that are not UTF-8, nor mostly UTF-8: in the non-Latin encoding detected from `sample`
 * (detectedNonLatin), else Windows-1252, with the warning saying which. One rule for whole files,
 * streams judged chunk by chunk and a CSV's start.
 */
function notUtf8(sample: Uint8Array): { encoding: string; warnings: string[] } {
  const detected = detectedNonLatin(sample);
  return detected
    ? { encoding: detected, warnings: [detectedWarning(detected)] }
    : { encoding: 'windows-1252', warnings: [CP1252_WARNING] };
}

/**
 * UTF-8 with stray bytes, each to be read as Windows-1252: some valid multi-byte sequences, and no
 * more invalid bytes than them (scraped news pasted together); more, and the text is another encoding.
 */
function mostlyUtf8(valid: number, invalid: number): boolean {
  return valid > 0 && invalid <= valid;
}

/**
 * Scraped and concatenated news is often UTF-8 with a few stray Windows-1252 bytes;
 * decoding all of it as cp1252 would turn every correct “ or é into mojibake. When the
 * valid multi-byte UTF-8 sequences outnumber the invalid bytes, keep them and decode
 * only the invalid bytes as cp1252. (A real cp1252 file rarely contains valid UTF-8
 * sequences at all, and then has many more invalid bytes than valid ones.)
 */
function decodeMixed(bytes: Uint8Array): Decoded | null {
  const scan = scanUtf8(bytes, true);
  if (!mostlyUtf8(scan.valid, scan.invalid.length)) return null;
  return { text: mixedText(bytes, scan), encoding: 'utf-8', warnings: [MIXED_WARNING] };
}

/**
 * Where UTF-8 `bytes` hold valid multi-byte sequences (`valid`, a count) and bytes that start none
 * (`invalid`, their positions), up to `end`: the start of a sequence the bytes cut off, unless they
 * are the `final` ones (a stream's chunks carry such a tail to the next).
 */
function scanUtf8(bytes: Uint8Array, final: boolean): { valid: number; invalid: number[]; end: number } {
  let valid = 0;
  const invalid: number[] = [];
  let i = 0;
  for (; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    const n = utf8SequenceAt(bytes, i);
    if (n < 0 && !final) break;
    if (n > 0) {
      valid++;
      i += n - 1;
    } else invalid.push(i);
  }
  return { valid, invalid, end: i };
}

/** Where `bytes` end but for a last sequence they may cut short (a lead byte in the last three wanting more). */
function completeEnd(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back];
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** The text of `bytes` up to `end`: UTF-8, but each invalid byte as Windows-1252. */
function mixedText(bytes: Uint8Array, { invalid, end }: { invalid: number[]; end: number }): string {
  let text = '';
  let from = 0;
  for (const at of invalid) {
    text += strictUtf8.decode(bytes.subarray(from, at)) + decodeCp1252(bytes.subarray(at, at + 1));
    from = at + 1;
  }
  return text + strictUtf8.decode(bytes.subarray(from, end));
}

/**
 * Length of the valid UTF-8 sequence starting at `i` (a byte >= 0x80); 0 when it is not one; -1
 * when `bytes` ends inside what may still be one (a stream's chunk cut in a character).
 */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  // 1 when byte i + k is a continuation within [lo, hi], 0 when it is not, -1 past the end.
  const cont = (k: number, lo = 0x80, hi = 0xbf): number =>
    i + k >= bytes.length ? -1 : bytes[i + k] >= lo && bytes[i + k] <= hi ? 1 : 0;
  const sequence = (n: number, lo: number, hi: number): number => {
    for (let k = 1; k < n; k++) {
      const c = k === 1 ? cont(k, lo, hi) : cont(k);
      if (c !== 1) return c;
    }
    return n;
  };
  if (b >= 0xc2 && b <= 0xdf) return sequence(2, 0x80, 0xbf);
  if (b >= 0xe0 && b <= 0xef) return sequence(3, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf);
  if (b >= 0xf0 && b <= 0xf4) return sequence(4, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf);
  return 0;
}

/**
 * How a file too big to hold is decoded: by decodeText's rules, with `mixed` for UTF-8 whose
 * invalid bytes are read as Windows-1252 (decodeMixed).
 */
export type StreamEncoding = TextEncoding | 'mixed';

export type EncodingVerdict = { ok: true; encoding: StreamEncoding; warnings: string[] } | { ok: false; error: string };

/**
 * The encoding decodeText would choose for these bytes, read once a chunk at a time (a file too big
 * to hold: decoded slice by slice as UTF-8, a Windows-1252 file lost every accented letter to U+FFFD
 * and a UTF-16 one became NULs). The start decides a BOM, UTF-16 and binary data, as decodeText
 * sniffs them, and `declared` reads a charset from it (a page's); every byte counts for UTF-8
 * against that charset or Windows-1252.
 */
export async function encodingOfChunks(
  chunks: AsyncIterable<Uint8Array>,
  declared: (start: Uint8Array) => string | null = () => null,
): Promise<EncodingVerdict> {
  let charset: string | null = null;
  let sample: Uint8Array = new Uint8Array(0);
  let head: Uint8Array | null = new Uint8Array(0);
  let carry = new Uint8Array(0);
  let valid = 0;
  let invalid = 0;
  const count = (bytes: Uint8Array, final: boolean): void => {
    const joined = carry.length ? Buffer.concat([carry, bytes]) : bytes;
    const scan = scanUtf8(joined, final);
    valid += scan.valid;
    invalid += scan.invalid.length;
    carry = Uint8Array.from(joined.subarray(scan.end));
  };
  // The start alone may decide (a BOM, UTF-16, binary data); it says the declared charset and is
  // the sample detection reads; then it is counted as the rest is.
  const begin = (start: Uint8Array, final: boolean): EncodingVerdict | null => {
    const early = sniffedEncoding(start);
    if (early) return early;
    charset = declared(start);
    sample = Uint8Array.from(start.subarray(0, DETECT_BYTES));
    count(start, final);
    return null;
  };
  for await (const chunk of chunks) {
    if (head === null) {
      count(chunk, false);
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < SNIFF_BYTES) continue;
    const early = begin(head, false);
    if (early) return early;
    head = null;
  }
  if (head?.length === 0) return { ok: false, error: 'empty file' };
  if (head) {
    const early = begin(head, true);
    if (early) return early;
  } else count(new Uint8Array(0), true);
  if (invalid === 0) return { ok: true, encoding: 'utf-8', warnings: [] };
  if (charset) return { ok: true, encoding: charset, warnings: [] };
  if (mostlyUtf8(valid, invalid)) return { ok: true, encoding: 'mixed', warnings: [MIXED_WARNING] };
  return { ok: true, ...notUtf8(sample) };
}

/**
 * The encoding a stream's start says, by decodeText's rules, for a reader that cannot read the
 * stream twice (CSV): the start may cut a character at its end. A start that is valid UTF-8 says
 * `utf-8`; decode it as `mixed` to read a stray byte past the start as Windows-1252.
 */
export function headEncoding(start: Uint8Array): { encoding: StreamEncoding; warnings: string[] } {
  const utf16 = utf16Of(start);
  if (utf16) return { encoding: utf16, warnings: [] };
  const scan = scanUtf8(start, false);
  if (scan.invalid.length === 0) return { encoding: 'utf-8', warnings: [] };
  // Stray bytes among UTF-8: the mixed decoder reports them where it finds them.
  if (mostlyUtf8(scan.valid, scan.invalid.length)) return { encoding: 'mixed', warnings: [] };
  return notUtf8(start);
}

/** The UTF-16 a file's start shows (a BOM, or ASCII text with a NUL in every other byte), or null. */
export function utf16Of(start: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const bom = detectBom(start);
  if (bom) return bom.encoding === 'utf-8' ? null : bom.encoding;
  return sniffUtf16(start);
}

/** A file's start as text, to tell its kind by (its root element, its first records): UTF-16 as such, else UTF-8. */
export function sniffText(start: Uint8Array): string {
  const utf16 = utf16Of(start);
  return utf16
    ? new TextDecoder(utf16).decode(start)
    : Buffer.from(start.buffer, start.byteOffset, start.length).toString('utf8');
}

/** What a file's start alone decides (a UTF-16 BOM or layout, binary data), or null when its bytes must be counted. */
function sniffedEncoding(start: Uint8Array): EncodingVerdict | null {
  const bom = detectBom(start);
  if (bom && bom.encoding !== 'utf-8') return utf16Verdict(start.subarray(bom.length), bom.encoding);
  if (bom) return looksBinary(start.subarray(bom.length)) ? { ok: false, error: 'binary file' } : null;
  const unmarked16 = sniffUtf16(start);
  if (unmarked16) return utf16Verdict(start, unmarked16);
  return looksBinary(start) ? { ok: false, error: 'binary file' } : null;
}

function utf16Verdict(start: Uint8Array, encoding: TextEncoding): EncodingVerdict {
  const text = decodeUtf16(start, encoding as 'utf-16le' | 'utf-16be').text;
  return controlShare(text) > MAX_CONTROL_SHARE
    ? { ok: false, error: 'binary file' }
    : { ok: true, encoding, warnings: [] };
}

/** Decodes a stream's chunks in turn as `encoding` (a BOM dropped; a character cut between chunks kept whole). */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** `strayBytes` is told once where the first invalid byte `mixed` decodes as Windows-1252 is (its offset in the stream). */
export function chunkDecoder(encoding: StreamEncoding, strayBytes: (at: number) => void = () => {}): ChunkDecoder {
  if (encoding === 'mixed') return mixedDecoder(strayBytes);
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    // ignoreBOM false: the decoder drops a BOM at the start.
    const decoder = new TextDecoder(encoding, { ignoreBOM: false });
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  // Windows-1252 or a declared charset.
  const decoder = iconvLite().getDecoder(encoding);
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)),
    end: () => decoder.end() ?? '',
  };
}

/** A stream's chunks decoded in turn as `encoding` (chunkDecoder): the texts they give, empty ones left out. */
export async function* decodedChunks(
  chunks: AsyncIterable<Uint8Array>,
  encoding: StreamEncoding,
  strayBytes?: (at: number) => void,
): AsyncGenerator<string> {
  const decoder = chunkDecoder(encoding, strayBytes);
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** decodeMixed a chunk at a time: valid UTF-8 as it is, each invalid byte as Windows-1252. */
function mixedDecoder(strayBytes: (at: number) => void): ChunkDecoder {
  let carry = new Uint8Array(0);
  // Where the next chunk starts in the stream.
  let offset = 0;
  let told = false;
  const decode = (bytes: Uint8Array, final: boolean): string => {
    let joined: Uint8Array = carry.length ? Buffer.concat([carry, bytes]) : bytes;
    let start = offset - carry.length;
    offset += bytes.length;
    if (start === 0 && joined.length < 3 && !final) {
      // Too little yet to tell a BOM: wait for more.
      carry = Uint8Array.from(joined);
      return '';
    }
    if (start === 0 && detectBom(joined)?.encoding === 'utf-8') {
      joined = joined.subarray(3);
      start = 3;
    }
    // Most chunks are valid UTF-8: checked natively, they are spared the walk over every byte.
    const whole = final ? joined.length : completeEnd(joined);
    if (isUtf8(joined.subarray(0, whole))) {
      carry = Uint8Array.from(joined.subarray(whole));
      return strictUtf8.decode(joined.subarray(0, whole));
    }
    const scan = scanUtf8(joined, final);
    carry = Uint8Array.from(joined.subarray(scan.end));
    if (scan.invalid.length > 0 && !told) {
      told = true;
      strayBytes(start + scan.invalid[0]);
    }
    return mixedText(joined, scan);
  };
  return { write: (bytes) => decode(bytes, false), end: () => decode(new Uint8Array(0), true) };
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
