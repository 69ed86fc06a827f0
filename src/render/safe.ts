/** Terminal safety for text from documents, file names and errors (no dependencies: loaded by every command). */

/**
 * Characters that steer a terminal or reorder text rather than show something: C0 controls but
 * newline and tab, a carriage return not ending a line, DEL, C1 controls, and the bidi embeddings,
 * overrides and isolates (U+202A–202E, U+2066–2069) that make `gnp.exe` display as `exe.png`.
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/**
 * Text from a document, a file name or an error as a terminal may show it: each unsafe character
 * becomes a visible stand-in of the same UTF-16 length (C0 → its Control Picture `␛`, DEL → `␡`,
 * the rest → `�`), so offsets computed on the original text (highlights) still point at the same words.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/**
 * `visible`, and a line break shown as `␤`: for a message that must stay one line (an error naming a
 * file whose name holds a newline would otherwise print a second line of the attacker's choosing).
 */
export function visibleLine(text: string): string {
  return visible(text).replace(/\r?\n/g, '\u2424');
}

/** `visible` applied to every string inside plain data (objects, arrays), keys excepted. */
export function visibleDeep<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map(visibleDeep) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = visibleDeep(v);
    return out as T;
  }
  return value;
}

/**
 * Characters JSON.stringify leaves raw that still steer a terminal (C1 controls such as CSI U+009B,
 * DEL) or reorder what it shows (bidi overrides): each written as its `\uXXXX` escape. They occur
 * only inside strings, so the JSON says exactly the same; `corpus search --json` on a terminal no
 * longer shows `gnp.exe` as `exe.png`.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
