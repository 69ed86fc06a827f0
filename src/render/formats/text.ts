import { visibleDeep } from '../safe.js';
import type { OutputFormat } from './types.js';

/**
 * For people: the command's own renderer, over data whose strings had their terminal controls made
 * visible (an article must not be able to retitle the window, clear the screen or reorder a file name).
 */
export const text: OutputFormat = {
  name: 'text',
  flag: null,
  description: 'aligned text for people (the default)',
  rows: false,
  forPeople: true,
  async write(payload, sink, context) {
    const out = payload.text(visibleDeep(payload.data), context);
    if (out !== '') await sink.write(out.endsWith('\n') ? out : `${out}\n`);
  },
};
