/**
 * The output formats, by name. To add one (say `--tsv`): write `./tsv.ts` exporting an
 * `OutputFormat` (see ./types.ts; ./csv.ts is a model) and add it to FORMATS below. Every command
 * registered with `withOutputOptions` then takes its flag, and `emit` (src/cli/emit.ts) routes to it.
 *
 * To give a command CSV and NDJSON output: pass `rows` (and optionally `csv`) in its `emit` payload
 * and register it with `withOutputOptions(command, { rows: true })`.
 */
import { csv } from './csv.js';
import { json } from './json.js';
import { ndjson } from './ndjson.js';
import { text } from './text.js';
import type { OutputFormat } from './types.js';

export const FORMATS: readonly OutputFormat[] = [text, json, csv, ndjson];

export type { CsvRecord, FormatContext, OutputFormat, Payload, Sink } from './types.js';
