import { visibleDeep } from '../safe.js';
import { fitText, isSimpleText, loadFitting } from '../text.js';
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
    // Every line fits the terminal: a renderer's tables fit themselves, and any other line too long
    // (a header naming long entities, a path, a footer) is wrapped at words under its own indent
    // rather than folded by the terminal into the next.
    if (payload.textChunks) {
      for (const chunk of payload.textChunks(payload.data, context)) {
        // Built as it is written, so measured as it comes: string-width (~25 ms to load) only for
        // text a terminal must fit that has characters of other widths.
        if (context.width && !isSimpleText(chunk)) await loadFitting({ wide: true, wrapping: true });
        await sink.write(fitText(chunk, context.width));
      }
      return;
    }
    const out = fitText(payload.text(visibleDeep(payload.data), context), context.width);
    if (out !== '') await sink.write(out.endsWith('\n') ? out : `${out}\n`);
  },
};
