/**
 * The elements of a top-level JSON array fed as a stream of text, each handed on as its own JSON
 * text (a scraper's export of many articles, too big to parse whole). Only the array's structure is
 * followed here — strings, escapes and nesting, to find where each element ends; each element is
 * then parsed on its own (JSON.parse), so a bad one fails alone, as a bad JSON Lines line does.
 */
import { JsonSyntaxError } from './json-stream.js';

/** One element of the array: its JSON text, or `tooLong` when it passed the bound and was not kept. */
export type ArrayElement = { text: string; tooLong?: false } | { text: null; tooLong: true };

const WHITESPACE = /\s/;

export class JsonArraySplitter {
  // Before the '[', between elements, inside one, after the ']'.
  private state: 'before' | 'between' | 'element' | 'after' = 'before';
  // Within an element: nesting depth, and whether in a string (and just after a backslash there).
  private depth = 0;
  private inString = false;
  private escaped = false;
  // A scalar element (a number, true…) ends at a comma or the ']', not at a bracket.
  private scalar = false;
  private pieces: string[] = [];
  private chars = 0;
  private dropped = false;
  private started = false;
  private elements = 0;
  private broken: JsonSyntaxError | null = null;

  /** `maxChars`: an element longer than this is reported (tooLong), never held. */
  constructor(private readonly maxChars: number) {}

  /**
   * Feed the next piece of the text; the elements it completed. Broken structure is thrown by the
   * next call, after the elements before it are handed on.
   */
  write(text: string): ArrayElement[] {
    if (this.broken) throw this.broken;
    const done: ArrayElement[] = [];
    try {
      this.scan(text, done);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      this.broken = error;
    }
    return done;
  }

  private scan(text: string, done: ArrayElement[]): void {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.state === 'element') {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === '\\') this.escaped = true;
          else if (c === '"') this.inString = false;
          continue;
        }
        if (c === '"') this.inString = true;
        else if (c === '{' || c === '[') this.depth++;
        else if (c === '}' || c === ']') {
          if (this.depth === 0) {
            // The array's own ']' ends a scalar element.
            this.keep(text, from, i);
            done.push(this.finish());
            this.state = 'after';
            from = i + 1;
            continue;
          }
          this.depth--;
          if (this.depth === 0 && !this.scalar) {
            this.keep(text, from, i + 1);
            done.push(this.finish());
            this.state = 'between';
            from = i + 1;
          }
        } else if (c === ',' && this.depth === 0 && this.scalar) {
          this.keep(text, from, i);
          done.push(this.finish());
          this.state = 'between';
          this.started = false;
          from = i + 1;
        }
        continue;
      }
      if (WHITESPACE.test(c) || (c === '\uFEFF' && this.state === 'before')) continue;
      if (this.state === 'before') {
        if (c !== '[') throw new JsonSyntaxError(`expected a JSON array, found '${c}'`);
        this.state = 'between';
      } else if (this.state === 'between') {
        // ']' closes the array after an element or at once, never after a comma.
        if (c === ']' && (this.started || this.elements === 0)) this.state = 'after';
        else if (c === ',' && this.started) this.started = false;
        else if (c === ']' || c === ',' || this.started)
          throw new JsonSyntaxError(`after element ${this.elements}: expected ',' or ']', found '${c}'`);
        else {
          this.state = 'element';
          this.started = true;
          this.scalar = c !== '{' && c !== '[' && c !== '"';
          this.depth = c === '{' || c === '[' ? 1 : 0;
          this.inString = c === '"';
          from = i;
          // A string element ends at its closing quote: followed as a scalar up to the comma.
          if (c === '"') this.scalar = true;
        }
      } else throw new JsonSyntaxError(`text after the array's end: '${c}'`);
    }
    if (this.state === 'element') this.keep(text, from, text.length);
  }

  /** The text has ended: the array must have closed. */
  end(): void {
    if (this.broken) throw this.broken;
    if (this.state === 'before') throw new JsonSyntaxError('no JSON array');
    if (this.state === 'element') throw new JsonSyntaxError(`the text ends inside element ${this.elements + 1}`);
    if (this.state === 'between') throw new JsonSyntaxError(`the array is not closed after element ${this.elements}`);
  }

  private keep(text: string, from: number, to: number): void {
    if (this.dropped || to <= from) return;
    this.chars += to - from;
    if (this.chars > this.maxChars) {
      this.dropped = true;
      this.pieces = [];
    } else this.pieces.push(text.slice(from, to));
  }

  private finish(): ArrayElement {
    this.elements++;
    const element: ArrayElement = this.dropped ? { text: null, tooLong: true } : { text: this.pieces.join('') };
    this.pieces = [];
    this.chars = 0;
    this.dropped = false;
    return element;
  }
}
