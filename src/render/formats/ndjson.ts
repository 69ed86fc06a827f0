import type { OutputFormat } from './types.js';
import { toVocabulary } from './vocabulary.js';
import { jsonSafe } from '../safe.js';

/** One JSON object per line, per list item, written as it comes (a reader can start before the end). */
export const ndjson: OutputFormat = {
  name: 'ndjson',
  flag: '--nl',
  description: 'print one JSON object per line (NDJSON), one per item',
  rows: true,
  forPeople: false,
  async write(payload, sink, context) {
    const cwd = context.cwd ?? process.cwd();
    for (const row of payload.rows!(payload.data)) {
      await sink.write(`${jsonSafe(JSON.stringify(payload.raw ? row : toVocabulary(row, cwd)))}\n`);
    }
  },
};
