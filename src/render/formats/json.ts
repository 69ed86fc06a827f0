import type { OutputFormat } from './types.js';
import { toVocabulary } from './vocabulary.js';
import { jsonSafe } from '../safe.js';

/** The whole result as one JSON value (docs/json.md), compact unless `--pretty`. */
export const json: OutputFormat = {
  name: 'json',
  flag: '--json',
  description: 'print JSON for machines (see docs/json.md); --pretty indents it',
  rows: false,
  forPeople: false,
  async write(payload, sink, context) {
    const data = payload.raw ? payload.data : toVocabulary(payload.data, context.cwd ?? process.cwd());
    await sink.write(`${jsonSafe(JSON.stringify(data, null, context.pretty ? 2 : undefined))}\n`);
  },
};
