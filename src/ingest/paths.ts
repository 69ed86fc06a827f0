/**
 * File names are bytes. A name that is not valid UTF-8 cannot round-trip through a JavaScript
 * string, so it is shown and stored with each invalid byte written `\xNN`, and opened through the
 * original bytes (a Buffer path), which discovery records here.
 */
import fs from 'node:fs';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const byteNames = new Map<string, Buffer>();

/** A name's bytes as text: UTF-8 where valid, `\xNN` for each byte that is not. */
export function displayName(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // fall through: decode sequence by sequence
  }
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n > 0 && i + n <= bytes.length) {
      try {
        out += utf8.decode(bytes.subarray(i, i + n));
        i += n;
        continue;
      } catch {
        // an invalid sequence: escape its first byte
      }
    }
    out += `\\x${b.toString(16).padStart(2, '0')}`;
    i++;
  }
  return out;
}

/** Remember that the path shown as `shown` is opened through `bytes`. */
export function rememberBytePath(shown: string, bytes: Buffer): void {
  if (bytes.toString('utf8') !== shown) byteNames.set(shown, bytes);
}

/** What to hand to `fs` for a path shown as `shown` (a Buffer when its name is not UTF-8). */
export function fsPath(shown: string): string | Buffer {
  const known = byteNames.get(shown);
  if (known) return known;
  if (!shown.includes('\\x') || fs.existsSync(shown)) return shown;
  // A stored path from an earlier run: turn the escapes back into bytes.
  const parts = shown.split(/\\x([0-9a-f]{2})/);
  return Buffer.concat(parts.map((p, i) => (i % 2 ? Buffer.from([parseInt(p, 16)]) : Buffer.from(p, 'utf8'))));
}
