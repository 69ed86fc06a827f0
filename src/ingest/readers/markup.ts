/**
 * Reading elements of SGML and XML news markup by name, where a parser would reject the file (SGML's
 * undeclared entities, no root) or lose the order of mixed content: the inside of an element, a start
 * tag's attributes, and text with the markup taken out.
 *
 * Entities are decoded with `entities` (fb55's, all of HTML's named ones, which SGML newswire
 * borrows: `&eacute;`, `&AMP;`): a hand-written table would hold the five of XML.
 */
import { createRequire } from 'node:module';
import { cleanString } from './fields.js';

const require = createRequire(import.meta.url);
let entities: typeof import('entities') | undefined;

/**
 * The pattern of an element of this name, compiled once: a collection's every record asks for the
 * same ten names. (Not global, so one pattern serves every caller.)
 */
const elementPatterns = new Map<string, RegExp>();
function elementPattern(name: string): RegExp {
  let re = elementPatterns.get(name);
  if (!re) {
    const tag = name.replace(/\./g, '\\.');
    re = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}\\s*>`, 'i');
    elementPatterns.set(name, re);
  }
  return re;
}

/** The raw inside of the first element of one of these names (any case), or null. */
export function element(text: string, names: readonly string[]): string | null {
  let best: { at: number; inner: string } | null = null;
  for (const name of names) {
    const m = elementPattern(name).exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, inner: m[1] };
  }
  return best?.inner ?? null;
}

/** The text of the first element of one of these names, on one line, or null when there is none or it is empty. */
export function elementText(text: string, names: readonly string[]): string | null {
  return cleanString(inlineText(element(text, names) ?? ''));
}

/** A byline element's name (`By JOHN DOE` → `JOHN DOE`), or null. */
export function bylineIn(text: string, names: readonly string[]): string | null {
  return cleanString(elementText(text, names)?.replace(/^by\s+/i, ''));
}

/**
 * The `key` → `value` attribute pairs of every tag of this name (NITF's `<meta name content>`, RCV1's
 * `<dc element value>`).
 */
export function attributePairs(text: string, tag: string, key: string, value: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const m of text.matchAll(new RegExp(`<${tag}\\s[^>]*>`, 'gi'))) {
    const a = attributes(m[0]);
    if (a[key] && a[value] !== undefined) pairs.set(a[key], a[value]);
  }
  return pairs;
}

/** `text` without the elements of these names (any case), their insides included. */
export function withoutElements(text: string, names: readonly string[]): string {
  return text.replace(new RegExp(`<(${names.join('|')})(?:\\s[^>]*)?>[\\s\\S]*?</\\1\\s*>`, 'gi'), '');
}

/** Attributes of a start tag, names in lower case. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g))
    out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4];
  return out;
}

/** Markup-free text of an element, on one line. */
export function inlineText(raw: string): string {
  return decoded(raw.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The story's text: `<P>` paragraphs become blank-line separated paragraphs, other markup goes, and
 * the wire's line layout is kept otherwise (the analyzer reads hard-wrapped copy as such).
 */
export function blockText(raw: string): string {
  const text = decoded(raw.replace(/<\/?P(?:\s[^>]*)?>/gi, '\n\n').replace(/<[^>]*>/g, ''))
    .replace(/\r\n?/g, '\n')
    // A carriage return some transcriptions write as a literal `^M` at the end of a line.
    .replace(/\^M(?=\n|$)/g, '')
    .replace(/[ \t]+$/gm, '');
  return text.replace(/\n{3,}/g, '\n\n').replace(/^\n+|\s+$/g, '');
}

/**
 * Entities decoded, then what no reader should see: wire control codes (`&#2;`, `&#3;`, written as
 * entities or raw) and typesetting codes no HTML entity names (NYT's `&UR;`, `&QL;`).
 */
function decoded(text: string): string {
  entities ??= require('entities') as typeof import('entities');
  const { decodeHTML } = entities;
  // One entity at a time, so that what one decodes to is never read as the start of another
  // (`AT&amp;T;` is `AT&T;`, not `AT`).
  return text
    .replace(/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|([a-z][a-z0-9]{0,31}));/gi, (entity, name: string | undefined) => {
      const value = decodeHTML(entity);
      return value !== entity ? value : name !== undefined ? '' : entity;
    })
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

/** The attributes of the first start (or empty) tag of this name, or null when there is none. */
export function tagAttributes(text: string, name: string): Record<string, string> | null {
  const m = new RegExp(`<${name.replace(/\./g, '\\.')}(?=[\\s/>])[^>]*>`, 'i').exec(text);
  return m ? attributes(m[0]) : null;
}
