/**
 * One JSON object read as a stream of text, for a `.json` article too big to parse whole (JSON.parse
 * of a 245 MB article held the file, its text and the parsed body at once: 1.25 GB). Its members are
 * scanned character by character: every value but strings chosen as the body is collected (up to
 * MEMBER_CHARS) and parsed on its own; the chosen body string is decoded as it streams, in slices.
 * The whole text is checked as JSON.parse would check it, and an error is said with its line and
 * column.
 */

/** A member collected and parsed whole; larger ones (a page's raw HTML beside its text) are left out. */
export const MEMBER_CHARS = 1024 * 1024;

/** What a first scan learns of one member. */
export interface ScannedMember {
  key: string;
  /** The parsed value, or undefined when it was larger than MEMBER_CHARS or is the streamed body. */
  value?: unknown;
  /** For a string: whether it holds more than whitespace. */
  text?: boolean;
}

export class JsonSyntaxError extends Error {}

const enum State {
  Before,
  KeyOrEnd,
  Key,
  Colon,
  ValueStart,
  String,
  Other,
  AfterValue,
  KeyStart,
  End,
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Scans one JSON object fed in pieces. Without `stream`, every member's value is collected and parsed
 * (up to MEMBER_CHARS); with it, the member at that position (among the object's members) has its
 * string handed to `onBody` in slices, and the others are only checked.
 */
export class JsonObjectScanner {
  readonly members: ScannedMember[] = [];
  private state = State.Before;
  private line = 1;
  private column = 0;
  private first = true;
  // The current key or collected value, as raw JSON text (null past MEMBER_CHARS).
  private raw: string | null = '';
  // What becomes of the current value: kept to parse, streamed to onBody, or only checked.
  private target: 'collect' | 'stream' | 'skip' = 'collect';
  private key = '';
  private member: ScannedMember | null = null;
  // Inside a string: an escape begun, and the hex digits of a \u escape read so far.
  private escape = false;
  private hex: string | null = null;
  private hasText = false;
  // Inside another value: its depth of nesting and whether a string is open in it.
  private depth = 0;
  private inString = false;
  private decoded = '';

  constructor(
    private readonly stream: number | null = null,
    private readonly onBody: (slice: string) => void = () => {},
  ) {}

  /** Feed the next piece of the text. Throws JsonSyntaxError at the first error. */
  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (this.state === State.String && !this.escape && this.hex === null) {
        // A run of plain characters is taken whole: a body of 250 MB, a character at a time, made a
        // rope of as many strings.
        let j = i;
        for (; j < text.length; j++) {
          const code = text.charCodeAt(j);
          if (code === 0x22 || code === 0x5c || code < 0x20) break;
        }
        if (j > i) {
          const run = text.slice(i, j);
          this.column += j - i;
          if (this.target === 'collect') this.collect(run);
          else if (this.target === 'stream') this.decoded += run;
          if (!this.hasText && run.trim() !== '') this.hasText = true;
          i = j;
          continue;
        }
      }
      const c = text[i++];
      if (c === '\n') {
        this.line++;
        this.column = 0;
      } else this.column++;
      this.step(c);
    }
    if (this.decoded) {
      this.onBody(this.decoded);
      this.decoded = '';
    }
  }

  /** The text has ended: throws JsonSyntaxError when the object did not. */
  end(): void {
    if (this.state !== State.End)
      this.fail(this.state === State.Before ? 'no JSON object' : 'unexpected end of the text');
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(`invalid JSON at line ${this.line}, column ${this.column}: ${message}`);
  }

  private step(c: string): void {
    switch (this.state) {
      case State.Before:
        if (this.first && c === '\uFEFF') break;
        this.first = false;
        if (WHITESPACE.has(c)) break;
        if (c === '{') this.state = State.KeyOrEnd;
        else if (c === '[') throw new JsonSyntaxError('top level is an array, not one article object');
        else this.fail(`expected a JSON object, found '${c}'`);
        break;
      case State.KeyOrEnd:
      case State.KeyStart:
        if (WHITESPACE.has(c)) break;
        if (c === '"') {
          this.state = State.Key;
          this.raw = '';
          this.escape = false;
        } else if (c === '}' && this.state === State.KeyOrEnd) this.state = State.End;
        else this.fail(`expected a property name, found '${c}'`);
        break;
      case State.Key:
        if (this.escape) this.escape = false;
        else if (c === '\\') this.escape = true;
        else if (c === '"') {
          this.key = this.parse(`"${this.raw ?? ''}"`) as string;
          this.state = State.Colon;
          break;
        } else if (c < ' ') this.fail('bad control character in a property name');
        this.collect(c);
        if (this.raw === null) this.fail('a property name longer than a megabyte');
        break;
      case State.Colon:
        if (WHITESPACE.has(c)) break;
        if (c !== ':') this.fail(`expected ':' after property name "${this.key}"`);
        this.state = State.ValueStart;
        break;
      case State.ValueStart:
        if (WHITESPACE.has(c)) break;
        this.member = { key: this.key };
        this.members.push(this.member);
        this.raw = c;
        // With a body to stream, the other members were read by a first scan: only checked here.
        this.target = this.stream === null ? 'collect' : this.members.length - 1 === this.stream ? 'stream' : 'skip';
        if (c === '"') {
          this.state = State.String;
          this.escape = false;
          this.hex = null;
          this.hasText = false;
        } else {
          this.state = State.Other;
          this.depth = c === '{' || c === '[' ? 1 : 0;
          this.inString = false;
          this.escape = false;
        }
        break;
      case State.String:
        this.stringStep(c);
        break;
      case State.Other:
        this.otherStep(c);
        break;
      case State.AfterValue:
        if (WHITESPACE.has(c)) break;
        if (c === ',') this.state = State.KeyStart;
        else if (c === '}') this.state = State.End;
        else this.fail(`expected ',' or '}' after the value of "${this.key}", found '${c}'`);
        break;
      case State.End:
        if (!WHITESPACE.has(c)) this.fail(`unexpected '${c}' after the end of the object`);
        break;
    }
  }

  private stringStep(c: string): void {
    if (this.target === 'collect') this.collect(c);
    if (this.hex !== null) {
      if (!/[0-9a-fA-F]/.test(c)) this.fail('bad Unicode escape');
      this.hex += c;
      if (this.hex.length === 4) {
        const ch = String.fromCharCode(Number.parseInt(this.hex, 16));
        this.hex = null;
        this.text(ch);
      }
      return;
    }
    if (this.escape) {
      this.escape = false;
      if (c === 'u') this.hex = '';
      else if (c in SIMPLE_ESCAPES) this.text(SIMPLE_ESCAPES[c]);
      else this.fail(`bad escaped character '${c}'`);
      return;
    }
    if (c === '\\') this.escape = true;
    else if (c === '"') this.finish(true);
    else if (c < ' ') this.fail('bad control character in string literal');
    else this.text(c);
  }

  /** A character of a string's value: streamed when it is the body, noted as text or whitespace. */
  private text(ch: string): void {
    if (this.target === 'stream') this.decoded += ch;
    if (!this.hasText && !WHITESPACE.has(ch)) this.hasText = true;
  }

  private otherStep(c: string): void {
    const collect = this.target === 'collect';
    if (this.inString) {
      if (collect) this.collect(c);
      if (this.escape) this.escape = false;
      else if (c === '\\') this.escape = true;
      else if (c === '"') this.inString = false;
      return;
    }
    if (this.depth === 0 && (c === ',' || c === '}' || WHITESPACE.has(c))) {
      // A number or literal ends where the next token begins.
      this.finish(false);
      this.step(c);
      return;
    }
    if (collect) this.collect(c);
    if (c === '"') this.inString = true;
    else if (c === '{' || c === '[') this.depth++;
    else if (c === '}' || c === ']') {
      this.depth--;
      if (this.depth < 0) this.fail(`unexpected '${c}'`);
      if (this.depth === 0) this.finish(false);
    }
  }

  private collect(text: string): void {
    if (this.raw === null) return;
    this.raw += text;
    if (this.raw.length > MEMBER_CHARS) this.raw = null;
  }

  private finish(string: boolean): void {
    const member = this.member!;
    if (string) member.text = this.hasText;
    // The body streamed, or a value too large to keep: checked as it went (a string) or left out.
    if (this.target === 'collect' && this.raw !== null) member.value = this.parse(this.raw);
    this.raw = '';
    this.state = State.AfterValue;
  }

  private parse(raw: string): unknown {
    try {
      return JSON.parse(raw);
    } catch (err) {
      return this.fail((err as Error).message.split('\n')[0].replace(/\s*(?:in JSON )?at position \d+.*$/, ''));
    }
  }
}
