/**
 * What one document says about which names are one: read once per document (when it is stored
 * or re-analyzed), kept with the document, and weighed across the corpus by ./resolve.ts.
 */
import { aliasKey } from '../nlp/aliases.js';
import { isAcronym, lastWord, spellsInitials, stripTitles, wordCount } from './names.js';

/** One mention as the store keeps it: its written text and the analyzer's entity key. */
export interface DocMention {
  type: string;
  text: string;
  key: string;
}

export type EvidenceKind =
  /** `European Community (EC)` or `EC (European Community)` in the text. */
  | 'paren'
  /** The document's own analysis gave a short form to a fuller name (`Reagan` → Ronald Reagan). */
  | 'document'
  /** An acronym and a name whose initials it spells, in the same document. */
  | 'initials';

export interface Evidence {
  /** The entity type, or `*` for a pattern in the text that names no type. */
  type: string;
  short: string;
  long: string;
  kind: EvidenceKind;
  /** The words as written, for `--why`. */
  pattern: string;
}

const NAME_WORD = String.raw`[A-Z][\w'&-]*\.?`;
const JOIN_WORD = String.raw`(?:of|for|and|the|on|de|du|des|&)`;
const LONG_FIRST = new RegExp(String.raw`((?:${NAME_WORD}\s+(?:${JOIN_WORD}\s+){0,2}){1,8}${NAME_WORD})\s*\(\s*([A-Z][A-Z.&]{1,9})\s*\)`, 'g');
const SHORT_FIRST = new RegExp(String.raw`\b([A-Z][A-Z.&]{1,9})\s*\(\s*((?:${NAME_WORD}\s+(?:${JOIN_WORD}\s+){0,2}){1,8}${NAME_WORD})\s*\)`, 'g');

/** The part of `long` (written) that the acronym spells, dropping leading words it does not cover. */
function spelledPart(acronym: string, long: string): string | null {
  const words = long.split(/\s+/);
  for (let from = 0; from <= words.length - 2; from++) {
    const part = words.slice(from).join(' ');
    if (spellsInitials(acronym, part) && !/^(?:of|for|and|the|on|de|du|des|&)$/i.test(words[from])) return part;
  }
  return null;
}

export function documentEvidence(body: string, mentions: readonly DocMention[]): Evidence[] {
  const out = new Map<string, Evidence>();
  const add = (e: Evidence) => {
    if (e.short === '' || e.long === '' || e.short === e.long) return;
    const id = `${e.type}\u0000${e.short}\u0000${e.long}\u0000${e.kind}`;
    if (!out.has(id)) out.set(id, e);
  };

  for (const [re, longFirst] of [[LONG_FIRST, true], [SHORT_FIRST, false]] as const) {
    re.lastIndex = 0;
    for (const m of body.matchAll(re)) {
      const [long, short] = longFirst ? [m[1], m[2]] : [m[2], m[1]];
      if (!isAcronym(short)) continue;
      const part = spelledPart(short, long);
      const pattern = longFirst ? `${part} (${short})` : `${short} (${part})`;
      if (part) add({ type: '*', short: aliasKey(short), long: aliasKey(part), kind: 'paren', pattern: pattern.replace(/\s+/g, ' ') });
    }
  }

  const acronyms = new Map<string, string>(); // key → written, per type
  const longNames = new Map<string, { type: string; key: string; written: string }>();
  for (const m of mentions) {
    const textKey = aliasKey(m.text);
    if (textKey !== m.key && textKey !== '') {
      // A first name alone is never evidence: only a person's surname (with or without titles) or an acronym.
      const ok = m.type === 'PERSON' ? isSurnameOf(textKey, m.key) : m.type === 'ORG' && isAcronym(m.text) && spellsInitials(m.text, m.key);
      if (ok) add({ type: m.type, short: textKey, long: m.key, kind: 'document', pattern: `${m.text} → ${m.key}` });
    }
    if (m.type === 'ORG' && isAcronym(m.text)) acronyms.set(`${m.type}\u0000${textKey}`, m.text);
    if (m.type === 'ORG' && wordCount(textKey) >= 2) longNames.set(`${m.type}\u0000${textKey}`, { type: m.type, key: textKey, written: m.text });
  }
  for (const [id, written] of acronyms) {
    const [type, short] = id.split('\u0000');
    for (const long of longNames.values()) {
      if (long.type === type && spellsInitials(written, long.written)) {
        add({ type, short, long: long.key, kind: 'initials', pattern: `${written} … ${long.written}` });
      }
    }
  }
  return [...out.values()];
}

/** `reagan` of `ronald reagan`, `president reagan` of `ronald reagan`: the short form ends in the surname. */
export function isSurnameOf(short: string, full: string): boolean {
  const bare = stripTitles(short);
  return wordCount(full) >= 2 && wordCount(bare) === 1 && lastWord(full) === bare && bare.length >= 2;
}
