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
    const cwd = context.cwd ?? process.cwd();
    const shape = (value: unknown) => (payload.raw ? value : toVocabulary(value, cwd));
    const indent = context.pretty ? 2 : undefined;
    if (!payload.streamed || !payload.rows) {
      await sink.write(`${jsonSafe(JSON.stringify(shape(payload.data), null, indent))}\n`);
      return;
    }
    // The value around the list, with a mark where the list goes; the list's items between its halves,
    // laid out as JSON.stringify lays out an array (`[]` empty; pretty: one item a line, indented).
    const mark = JSON.stringify(STREAMED);
    const whole = JSON.stringify(
      shape({ ...(payload.data as object), [payload.streamed.key]: STREAMED }),
      null,
      indent,
    );
    const at = whole.indexOf(mark);
    const before = whole.slice(0, at);
    const pad = indent ? `\n${/ */.exec(before.slice(before.lastIndexOf('\n') + 1))![0]}` : '';
    await sink.write(jsonSafe(`${before}[`));
    let first = true;
    for (const item of payload.rows(payload.data)) {
      const text = JSON.stringify(shape(item), null, indent);
      await sink.write(
        jsonSafe(`${first ? '' : ','}${indent ? `${pad}  ${text.replaceAll('\n', `${pad}  `)}` : text}`),
      );
      first = false;
    }
    await sink.write(`${jsonSafe(`${first ? '' : pad}]${whole.slice(at + mark.length)}`)}\n`);
  },
};

/** Where the streamed list goes in its value, until it is written there. */
const STREAMED = '\u0000streamed list\u0000';
