import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import {
  CP1252_WARNING,
  charsetNamed,
  chunkDecoder,
  declaredCharset,
  decodeText,
  encodingOfChunks,
  MIXED_WARNING,
} from '../src/ingest/decode.js';

const fixture = (name: string): Uint8Array =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function decoded(bytes: Uint8Array) {
  const result = decodeText(bytes);
  if (!result.ok) throw new Error(`expected success, got ${result.error}`);
  return result;
}

describe('decodeText', () => {
  it('decodes UTF-8 as is, keeping CRLF line endings', () => {
    const result = decoded(utf8('Kim Jong Un — “peace”\r\nin Hanoi.\r\n'));
    expect(result.text).toBe('Kim Jong Un — “peace”\r\nin Hanoi.\r\n');
    expect(result.encoding).toBe('utf-8');
    expect(result.warnings).toEqual([]);
  });

  it('drops a UTF-8 BOM so offsets start at the first character', () => {
    const result = decoded(fixture('utf8-bom.txt'));
    expect(result.text).toBe('Café talks in Hanoi.\n');
    expect(result.text.indexOf('Café')).toBe(0);
  });

  it('decodes UTF-16 LE and BE by their BOMs', () => {
    expect(decoded(fixture('utf16le-bom.txt')).text).toBe('Kim — Trump talks\r\nin Hanoi.\r\n');
    expect(decoded(fixture('utf16le-bom.txt')).encoding).toBe('utf-16le');
    expect(decoded(fixture('utf16be-bom.txt')).text).toBe('Kim — Trump talks in Hanoi.\n');
    expect(decoded(fixture('utf16be-bom.txt')).encoding).toBe('utf-16be');
  });

  it('recognises UTF-16 without a BOM instead of calling it binary', () => {
    const result = decoded(fixture('utf16le-nobom.txt'));
    expect(result.text).toBe('Talks in Hanoi without a byte order mark.\n');
  });

  it('falls back to Windows-1252 (not Latin-1) for invalid UTF-8, with a warning', () => {
    const result = decoded(fixture('cp1252.txt'));
    expect(result.text).toBe('Kim said “peace” would cost €5 billion – or more.\n');
    expect(result.encoding).toBe('windows-1252');
    expect(result.warnings).toEqual([CP1252_WARNING]);
    expect(CP1252_WARNING).toBe('not valid UTF-8; decoded as Windows-1252');
  });

  it('decodes Latin-1 accented letters through the Windows-1252 fallback', () => {
    const result = decoded(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x0a])); // "Café €\n"
    expect(result.text).toBe('Café €\n');
  });

  it('rejects binary files', () => {
    expect(decodeText(fixture('binary.txt'))).toEqual({ ok: false, error: 'binary file' });
    expect(decodeText(fixture('controls.txt'))).toEqual({ ok: false, error: 'binary file' });
    expect(decodeText(new Uint8Array([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x00, 0x44]))).toEqual({
      ok: false,
      error: 'binary file',
    });
  });

  it('accepts text with a few tabs, form feeds and escape characters', () => {
    expect(decoded(utf8('Col\tumn\fpage\x1b[0m and more ordinary text here.\n')).text).toContain('Col\tumn');
  });

  it('rejects empty and whitespace-only files', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: false, error: 'empty file' });
    expect(decodeText(fixture('empty.txt'))).toEqual({ ok: false, error: 'empty file' });
    expect(decodeText(utf8(' \n\t\r\n '))).toEqual({ ok: false, error: 'empty file' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ ok: false, error: 'empty file' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x20, 0x00]))).toEqual({ ok: false, error: 'empty file' });
  });
});

describe('decodeText on mixed encodings', () => {
  it('keeps valid UTF-8 and decodes only stray bytes as Windows-1252', () => {
    const bytes = new Uint8Array([...utf8('Café “talks” '), 0x93, ...utf8('quoted'), 0x94, ...utf8(' in Hanoi.\n')]);
    const result = decoded(bytes);
    expect(result.text).toBe('Café “talks” “quoted” in Hanoi.\n');
    expect(result.warnings).toEqual([MIXED_WARNING]);
  });

  it('treats a file with more invalid bytes than UTF-8 sequences as Windows-1252', () => {
    const bytes = new Uint8Array([0x93, 0x61, 0x94, 0x20, 0x93, 0x62, 0x94, 0x20, 0xc3, 0xa9]);
    const result = decoded(bytes);
    expect(result.text).toBe('“a” “b” Ã©');
    expect(result.warnings).toEqual([CP1252_WARNING]);
  });
});

describe('a big file decoded a chunk at a time', () => {
  /** The bytes as a stream of chunks of `size` bytes. */
  async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  /** What encodingOfChunks and chunkDecoder make of the bytes cut into chunks of `size`. */
  async function streamed(bytes: Uint8Array, size: number) {
    const verdict = await encodingOfChunks(chunks(bytes, size));
    if (!verdict.ok) return verdict;
    const decoder = chunkDecoder(verdict.encoding);
    let text = '';
    for await (const chunk of chunks(bytes, size)) text += decoder.write(chunk);
    return { ...verdict, text: text + decoder.end() };
  }
  // Past SNIFF_BYTES (8 KB), so the start alone does not decide it; with a character at every cut.
  const line = 'Café “talks” in Zürich — 日本 😀 and more.\n';
  const long = line.repeat(400);
  const cp1252 = (text: string): Uint8Array => iconv.encode(text, 'win1252');
  const stray = new Uint8Array([...utf8(long), 0x93, ...utf8(long), 0x94, ...utf8('end')]);
  const cases: [string, Uint8Array][] = [
    ['UTF-8', utf8(long)],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(long)])],
    ['UTF-8 with stray Windows-1252 bytes', stray],
    ['Windows-1252', cp1252('Café “talks” in Zürich — and more.\n'.repeat(400))],
    ['UTF-16 LE', new Uint8Array([0xff, 0xfe, ...Buffer.from(long, 'utf16le')])],
    ['UTF-16 BE', new Uint8Array([0xfe, 0xff, ...Buffer.from(long, 'utf16le').swap16()])],
  ];

  it.each(cases)('reads %s as decodeText reads the whole file, however it is cut', async (_, bytes) => {
    const whole = decoded(bytes);
    for (const size of [1, 2, 3, 5, 4096, 1 << 20]) {
      const result = await streamed(bytes, size);
      expect(result, `chunks of ${size}`).toEqual({
        ok: true,
        encoding: whole.encoding === 'utf-8' && whole.warnings.length ? 'mixed' : whole.encoding,
        warnings: whole.warnings,
        text: whole.text,
      });
    }
  });

  it('drops a BOM only at the start, and says where the first stray byte is', () => {
    const bytes = new Uint8Array([0x61, 0x62, 0xef, 0xbb, 0xbf, 0x78, 0x93, 0x79, 0x94]);
    const at: number[] = [];
    const decoder = chunkDecoder('mixed', (offset) => at.push(offset));
    let text = '';
    for (const b of bytes) text += decoder.write(new Uint8Array([b]));
    expect(text + decoder.end()).toBe('ab\uFEFFx“y”');
    expect(at).toEqual([6]);
  });

  it('finds a stray byte past the start, and binary data at the start', async () => {
    // Valid UTF-8 for a megabyte, then one Windows-1252 quote: as decodeText reads it.
    const late = new Uint8Array([...utf8(long.repeat(50)), 0x93, ...utf8('quoted')]);
    expect(await streamed(late, 65536)).toMatchObject({ ok: true, encoding: 'mixed', warnings: [MIXED_WARNING] });
    const binary = new Uint8Array(20_000).map((_, i) => (i * 7) % 256);
    expect(await streamed(binary, 4096)).toEqual({ ok: false, error: 'binary file' });
    expect(await streamed(new Uint8Array(), 4096)).toEqual({ ok: false, error: 'empty file' });
  });
});

describe('a declared charset', () => {
  const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
  it('is read from an XML declaration or a meta element, as iconv-lite names it', () => {
    expect(declaredCharset(ascii('<?xml version="1.0" encoding="KOI8-R"?><rss>'))).toBe('koi8-r');
    expect(declaredCharset(ascii('<html><head><meta charset="Shift_JIS"><title>'))).toBe('shift_jis');
    expect(declaredCharset(ascii('<meta http-equiv="content-type" content="text/html; charset=windows-1251" />'))).toBe(
      'windows-1251',
    );
    expect(declaredCharset(ascii('<html><head><title>None</title>'))).toBeNull();
  });

  it('reads Latin-1 and ASCII labels as Windows-1252, and leaves Unicode and unknown ones to the bytes', () => {
    for (const label of ['ISO-8859-1', 'latin1', 'us-ascii', 'cp1252'])
      expect(charsetNamed(label)).toBe('windows-1252');
    for (const label of ['UTF-8', 'utf8', 'utf-16le', 'x-no-such', '']) expect(charsetNamed(label)).toBeNull();
  });

  it('decodes bytes that are not UTF-8 as declared, and valid UTF-8 as UTF-8 whatever is declared', () => {
    const koi8 = iconv.encode('Москва', 'koi8-r');
    expect(decodeText(koi8, 'koi8-r')).toEqual({ ok: true, text: 'Москва', encoding: 'koi8-r', warnings: [] });
    expect(decodeText(utf8('Москва'), 'koi8-r')).toMatchObject({ text: 'Москва', encoding: 'utf-8' });
  });
});

describe('a text in another script that is not UTF-8', () => {
  const RUSSIAN = 'Москва, 3 марта. Президент заявил, что экономика растёт быстрее, чем ожидалось аналитиками.\n';
  const JAPANESE = '東京株式市場で日経平均株価は3日、前日比で大幅に上昇した。トヨタ自動車の株価も上がった。\n';
  const CHINESE = '北京3月3日电 中国国务院总理在政府工作报告中表示，今年经济增长目标为百分之五左右。\n';

  it.each([
    ['KOI8-R', RUSSIAN, 'koi8-r'],
    ['Windows-1251', RUSSIAN, 'windows-1251'],
    ['Shift_JIS', JAPANESE, 'shift_jis'],
    ['GB18030', CHINESE, 'gb18030'],
  ])('is decoded in the encoding detected from its bytes: %s', (_, text, charset) => {
    const bytes = iconv.encode(text.repeat(5), charset);
    expect(decodeText(bytes)).toEqual({
      ok: true,
      text: text.repeat(5),
      encoding: charset,
      warnings: [`not valid UTF-8; decoded as ${charset.toUpperCase()}, detected from its bytes`],
    });
  });

  it('leaves Western news that is not UTF-8 to Windows-1252, whatever a detector guesses', () => {
    for (const text of [
      "Le président a déclaré mercredi que l'économie française était en croissance, malgré les difficultés.",
      'Die Bundesregierung hat am Mittwoch beschlossen, die Steuern zu senken; der Minister äußerte sich zufrieden.',
      'Café “talks” in Zürich — señor Peña said.',
    ])
      expect(decodeText(iconv.encode(text, 'win1252'))).toMatchObject({ text, encoding: 'windows-1252' });
  });

  it('is detected in a big file read a chunk at a time', async () => {
    const bytes = iconv.encode(RUSSIAN.repeat(200), 'windows-1251');
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
    }
    expect(await encodingOfChunks(chunks())).toMatchObject({ ok: true, encoding: 'windows-1251' });
  });
});
