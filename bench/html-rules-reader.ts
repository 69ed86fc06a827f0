/**
 * The web-page reader this project had before Readability, for comparison in bench/html.ts: drop
 * elements by tag and role, then take itemprop=articleBody, the longest <article>, <main> or
 * <body>. Same DOM (linkedom) and text walk as the new reader, so only the choice of text differs.
 */
import { extractText, parseDocument } from '../src/ingest/readers/html.js';
import { emptyFields, type ReaderOutcome } from '../src/ingest/readers/fields.js';

const REMOVE = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'iframe',
  'svg',
  'canvas',
  'button',
  'select',
  'textarea',
  'input',
  'object',
  'embed',
  'audio',
  'video',
  'map',
  'dialog',
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
].join(', ');

export function readHtmlByRules(html: string): ReaderOutcome {
  const document = parseDocument(html);
  for (const el of [...document.querySelectorAll(REMOVE)]) el.remove();
  let root: Node | null = document.querySelector('[itemprop="articleBody"]');
  if (!root) {
    let best = 0;
    for (const el of document.querySelectorAll('article')) {
      const length = (el.textContent ?? '').trim().length;
      if (length > best) [root, best] = [el, length];
    }
  }
  root ??= document.querySelector('main') ?? document.querySelector('[role="main"]') ?? document.body ?? document;
  const body = extractText(root);
  if (body.trim() === '') return { ok: false, error: 'no article text in the HTML' };
  return { ok: true, fields: emptyFields(body) };
}
