import type { TextContext } from '../text.js';

/** Where a format writes: stdout, a pager or a file. `write` resolves once the chunk may be followed. */
export interface Sink {
  write(chunk: string): void | Promise<void>;
}

/** A flat record for a CSV line: column name → cell. */
export type CsvRecord = Record<string, string | number | boolean | null>;

/**
 * What a command hands to `emit`: its data, how a person reads it, and — for commands whose result
 * is a list — the list's items one by one, for line-oriented formats (CSV, NDJSON).
 */
export interface Payload<T = unknown, R = unknown> {
  data: T;
  text: (data: T, context: TextContext) => string;
  /** The items of a list result (search hits, entities, timeline entries…), in order. */
  rows?: (data: T) => Iterable<R>;
  /** One item as a CSV record; without it, nested values are flattened (`place.name`, lists joined with `; `). */
  csv?: (row: R) => CsvRecord;
  /** The data is already in its published shape (the extract contract): no vocabulary pass. */
  raw?: boolean;
  /**
   * `data[key]` is the list `rows` gives, item by item (left empty in `data`): JSON writes each item
   * as it comes instead of the whole value at once, the same bytes (a long export never held whole).
   */
  streamed?: { key: string };
  /**
   * The text for people a piece at a time, each piece whole lines (a long listing is written as it
   * is built); instead of `text`. Terminal controls in it are the renderer's to make visible.
   */
  textChunks?: (data: T, context: TextContext) => Iterable<string>;
}

export interface FormatContext extends TextContext {
  /** `--pretty`: indented JSON. */
  pretty: boolean;
}

/**
 * One output format. Adding one is a new file exporting an `OutputFormat` and one line in
 * `./index.ts`; every command that takes the common output options then offers its flag.
 */
export interface OutputFormat {
  name: string;
  /** The option that selects it (`--csv`) and its help; the text format has none (it is the default). */
  flag: string | null;
  description: string;
  /** Whether the format writes a list item per line and so needs `Payload.rows`. */
  rows: boolean;
  /** Output for people (colour, terminal width, paging) rather than for machines. */
  forPeople: boolean;
  write(payload: Payload, sink: Sink, context: FormatContext): Promise<void>;
}
