/**
 * What one document says about which names are one: read once per document (when it is stored
 * or re-analyzed), kept with the document, and weighed across the corpus by ./resolve.ts.
 */
import { aliasKey } from '../core/alias-key.js';
import { countryByDemonym } from '../nlp/gazetteer.js';
import { acronymCompany } from '../nlp/ner/orgs.js';
import { unqualifiedKey } from '../nlp/ner/institutions.js';
import {
  isAcronym,
  isTitleWord,
  LEGAL_SUFFIXES,
  lastWord,
  spellsInitials,
  stripTitles,
  withoutLegalForm,
  wordCount,
} from '../core/name-forms.js';

/** One mention as the store keeps it: its written text and the analyzer's entity key. */
export interface DocMention {
  type: string;
  text: string;
  key: string;
  /** Where it begins in the body (for the title written before a person's name). */
  start?: number;
}

export type EvidenceKind =
  /** `European Community (EC)` or `EC (European Community)` in the text. */
  | 'paren'
  /** The document's own analysis gave a short form to a fuller name (`Reagan` → Ronald Reagan). */
  | 'document'
  /** An acronym and a name whose initials it spells, in the same document. */
  | 'initials'
  /** An organisation named in full, then by its first words (`Shearson Lehman Brothers Inc` … `Shearson`). */
  | 'second reference'
  /** A person named in full, then by the given name alone (`Elian Gonzalez` … `Elian`). */
  | 'given name'
  /**
   * The title written before a person's name (`President Reagan`, `Treasury Secretary James Baker`):
   * `short` is the person's key, `long` the title's last word. Not a pair of names: resolve.ts
   * compares the titles of a surname written alone with those of the full names it may stand for.
   */
  | 'title';

export interface Evidence {
  /** The entity type, or `*` for a pattern in the text that names no type. */
  type: string;
  short: string;
  long: string;
  kind: EvidenceKind;
  /** The words as written, for `--why`. */
  pattern: string;
}

/** `(EC)`: an acronym alone in brackets; the long form is read from the words before it. */
const ACRONYM_IN_BRACKETS = /\(\s*([A-Z][A-Z.&]{1,9})\s*\)/g;
/** `EC (European Community)`: an acronym, then words in brackets. */
const LONG_IN_BRACKETS = /\b([A-Z][A-Z.&]{1,9})\s*\(([A-Z][^()]{3,120})\)/g;
const JOIN = /^(?:of|for|and|the|on|de|du|des|&)$/i;

/** The part of `long` (written, e.g. `the European Community`) that the acronym spells, dropping leading words it does not cover. */
function spelledPart(acronym: string, long: string): string | null {
  const words = long.split(/\s+/).filter(Boolean);
  for (let from = 0; from <= words.length - 2; from++) {
    const part = words.slice(from).join(' ');
    if (!JOIN.test(words[from]) && /^\p{Lu}/u.test(words[from]) && spellsInitials(acronym, part)) return part;
  }
  return null;
}

/**
 * The part of `long` an acronym in brackets right after it contracts, when it spells no initials:
 * `Volkswagen AG (VW)`, `Petroleos Mexicanos (PEMEX)`. Its letters are the name's in order, the
 * first the name's first, and the name's last word (legal forms aside) gives one of them, so the
 * acronym spans the name. Only for brackets right after the name: two names a document merely uses
 * are not read this way.
 */
function contractedPart(acronym: string, long: string): string | null {
  const letters = acronym.replace(/[.&]/g, '').toLowerCase();
  const words = long.split(/\s+/).filter(Boolean);
  for (let from = 0; from < words.length; from++) {
    if (JOIN.test(words[from]) || !/^\p{Lu}/u.test(words[from])) continue;
    const part = words.slice(from);
    const bare = withoutLegalForm(part.map((w) => w.toLowerCase().replace(/\.$/, '')));
    if (bare.length === 0 || bare[0][0] !== letters[0]) continue;
    // Each letter at or after the one before, in the words of the name proper.
    const text = bare.join(' ');
    const lastStart = text.length - bare[bare.length - 1].length;
    let at = -1;
    for (const c of letters) {
      at = text.indexOf(c, at + 1);
      if (at < 0) break;
    }
    if (at >= lastStart && letters.length >= 2) return part.join(' ');
    return null;
  }
  return null;
}

/** The name written just before `end`: up to 10 capitalised words, joined by `of`, `and`…, on one line. */
function wordsBefore(body: string, end: number): string {
  let window = body.slice(Math.max(0, end - 160), end);
  window = window.slice(window.lastIndexOf('\n') + 1);
  const words = window.split(/[ \t]+/);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0 && out.length < 10; i--) {
    const w = words[i];
    if (w === '') continue;
    // `Volkswagen AG <VOWG.F> (VW)`: a ticker between the name and the bracket.
    if (out.length === 0 && /^<[^<>\s]+>$/.test(w)) continue;
    if (/[.,;:!?)]$/.test(w) && out.length > 0) break;
    if (!/^\p{Lu}[\p{L}'&-]*$/u.test(w) && !JOIN.test(w)) break;
    out.unshift(w);
  }
  return out.join(' ');
}

/**
 * Words before a name that say what a person is but not which office: anyone may be `Mr` or a
 * `former` something, and many people are an `analyst`.
 */
const NO_OFFICE = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sir',
  'lord',
  'lady',
  'former',
  'acting',
  'official',
  'officials',
  'analyst',
  'economist',
]);

/**
 * The last word of the title written right before a person's name on its line (`President` of
 * `U.S. President Reagan`, `State` of `Secretary of State George Shultz`, `leader` of `North Korean
 * leader Kim Jong Un`), when it names an office; null otherwise. The same words before a surname
 * alone and before a full name say the same person, whatever the word's grammar. Its case is kept:
 * news capitalises a formal title before a name (`President Reagan`) and writes a role in lower
 * case (`company president Tom Reagan`), so the two are different titles; a headline's capitals
 * say neither.
 */
export function titleBefore(body: string, start: number): string | null {
  const before = body.slice(Math.max(0, start - 40), start);
  const m = /(?:^|[\s("'“])([\p{L}.]+)[ \t]+$/u.exec(before);
  if (!m) return null;
  const written = m[1].replace(/\.$/, '');
  const word = written.toLowerCase();
  if (!isTitleWord(word) || NO_OFFICE.has(word)) return null;
  if (written === word) return word;
  if (written === written[0] + word.slice(1)) return written;
  return null;
}

/**
 * Bumped when what documentEvidence reads changes, so the documents stored before are read again
 * (once) by the next resolution.
 */
export const EVIDENCE_VERSION = 'e12';

export function documentEvidence(body: string, mentions: readonly DocMention[]): Evidence[] {
  const out = new Map<string, Evidence>();
  const add = (e: Evidence) => {
    if (e.short === '' || e.long === '' || e.short === e.long) return;
    const id = `${e.type}\u0000${e.short}\u0000${e.long}\u0000${e.kind}`;
    if (!out.has(id)) out.set(id, e);
  };

  // A state institution the analyzer named with its country (`Office of Telecommunications` as
  // `United Kingdom Office of Telecommunications`) goes by that name; its acronym spells the words as
  // written.
  const qualified = new Map<string, string>();
  for (const m of mentions) {
    const bare = m.type === 'ORG' ? unqualifiedKey(m.key) : null;
    if (bare !== null && aliasKey(m.text) === bare) qualified.set(bare, m.key);
  }
  const named = (key: string) => qualified.get(key) ?? key;

  // An acronym and the words it spells, written in brackets one way or the other.
  const paren = (short: string, part: string, pattern: string) =>
    add({ type: '*', short: aliasKey(short), long: named(aliasKey(part)), kind: 'paren', pattern });
  if (body.includes('(')) {
    for (const m of body.matchAll(ACRONYM_IN_BRACKETS)) {
      const short = m[1];
      if (!isAcronym(short)) continue;
      const before = wordsBefore(body, m.index).trim();
      const part = spelledPart(short, before) ?? contractedPart(short, before);
      if (part) paren(short, part, `${part} (${short})`);
    }
    for (const m of body.matchAll(LONG_IN_BRACKETS)) {
      const short = m[1];
      if (!isAcronym(short)) continue;
      const part = spelledPart(short, m[2].trim());
      if (part) paren(short, part, `${short} (${part})`);
    }
  }

  const acronyms = new Map<string, string>(); // key → written, per type
  const longNames = new Map<string, { type: string; key: string; written: string }>();
  // Full names the document writes only in capitals: there (a headline's `SENATE LEADER BLASTS
  // REAGAN`) nothing shows where a name begins, so they are no evidence for their surname.
  const textKeys = mentions.map((m) => aliasKey(m.text));
  const plain = new Set<string>();
  const shouted = new Set<string>();
  mentions.forEach((m, i) => (isShouted(m.text) ? shouted : plain).add(textKeys[i]));
  const shoutedOnly = (key: string) => shouted.has(key) && !plain.has(key);
  for (const [i, m] of mentions.entries()) {
    const textKey = textKeys[i];
    if (textKey !== m.key && textKey !== '') {
      // A first name alone is never evidence: only a person's surname (with or without titles) or an acronym.
      const ok =
        m.type === 'PERSON'
          ? isSurnameOf(textKey, m.key) && !shoutedOnly(m.key)
          : m.type === 'ORG' && isAcronym(m.text) && spellsInitials(m.text, unqualifiedKey(m.key) ?? m.key);
      if (ok) add({ type: m.type, short: textKey, long: m.key, kind: 'document', pattern: `${m.text} → ${m.key}` });
      // Weaker: many people share a given name, so the corpus needs many documents of it (resolve.ts).
      else if (m.type === 'PERSON' && !shoutedOnly(m.key) && isGivenNameOf(textKey, m.key))
        add({ type: m.type, short: textKey, long: m.key, kind: 'given name', pattern: `${m.text} → ${m.key}` });
    }
    // Places too: `HK` in a headline over `Hong Kong` in the story.
    const spelt = m.type === 'ORG' || m.type === 'PLACE';
    if (spelt && isAcronym(m.text)) acronyms.set(`${m.type}\u0000${textKey}`, m.text);
    if (spelt && wordCount(textKey) >= 2) {
      const key = m.type === 'ORG' ? named(textKey) : textKey;
      longNames.set(`${m.type}\u0000${key}`, { type: m.type, key, written: m.text });
    }
  }
  for (const e of secondReferences(mentions)) add(e);
  for (const [i, m] of mentions.entries()) {
    // Only a name written as itself: `son of President Reagan` beside `Michael Reagan` may be
    // another Reagan than the one the document's analysis gave it to.
    if (m.type !== 'PERSON' || m.start === undefined || textKeys[i] !== m.key) continue;
    const title = titleBefore(body, m.start);
    if (title) add({ type: 'PERSON', short: m.key, long: title, kind: 'title', pattern: `${title} ${m.text}` });
  }
  // An acronym may begin with the initials of a country the document names (`USDA`: U.S. +
  // `Department of Agriculture`) and spell an institution's name head first (`Agriculture Department`).
  const places = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'COUNTRY' && m.type !== 'PLACE') continue;
    const initials = placeInitials(m.text);
    if (initials.length >= 1 && initials.length <= 2) places.add(initials);
  }
  // `FMC Corp <FMC>` beside `Ford Motor Co`: the document's FMC is FMC Corp, not Ford's initials.
  const companies = new Set(
    mentions.flatMap((m) => {
      const own = m.type === 'ORG' ? acronymCompany(m.text) : null;
      return own ? [own.replace(/&/g, '').toLowerCase()] : [];
    }),
  );
  for (const [id, written] of acronyms) {
    const [type, short] = id.split('\u0000');
    const letters = written.replace(/[.&]/g, '');
    if (companies.has(letters.toLowerCase())) continue;
    const rests = [...places].filter((p) => letters.toLowerCase().startsWith(p) && letters.length - p.length >= 2);
    for (const long of longNames.values()) {
      if (long.type !== type) continue;
      const forms = [long.written];
      const turned = headFirst(long.written);
      if (turned) forms.push(turned);
      const spelt =
        forms.some((f) => spellsInitials(written, f)) ||
        rests.some((p) => forms.some((f) => spellsInitials(letters.slice(p.length), f)));
      if (spelt) add({ type, short, long: long.key, kind: 'initials', pattern: `${written} … ${long.written}` });
    }
  }
  return [...out.values()];
}

/** Whether one word is the first of a person's full name without titles (`elian` of `elian gonzalez`). */
function isGivenNameOf(word: string, full: string): boolean {
  const parts = stripTitles(full).split(' ');
  return parts.length >= 2 && !word.includes(' ') && parts[0] === word;
}

/** The initials of a place's name as written (`U.S.` → `us`, `West Germany` → `wg`), lower case. */
function placeInitials(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 1) {
    const w = words[0];
    if (/^(?:\p{Lu}\.){2,3}$/u.test(w)) return w.replace(/\./g, '').toLowerCase();
    return /^\p{Lu}{2,3}$/u.test(w) ? w.toLowerCase() : '';
  }
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0].toLowerCase())
    .join('');
}

/** Written all in capitals: a headline or a dateline, where nothing shows where a name begins or ends. */
const isShouted = (text: string): boolean => text === text.toUpperCase();

/** Words that head an institution's name when it comes last (`Agriculture Department`). */
const HEADS_LAST = new Set('department ministry commission committee council office board agency bureau'.split(' '));

/** `Agriculture Department` → `Department of Agriculture` (the order an acronym may spell); null when not such a name. */
function headFirst(written: string): string | null {
  const words = written.split(/\s+/).filter(Boolean);
  if (words.length < 2 || !HEADS_LAST.has(words[words.length - 1].toLowerCase())) return null;
  return `${words[words.length - 1]} of ${words.slice(0, -1).join(' ')}`;
}

/**
 * `reagan` of `ronald reagan`, `president reagan` of `ronald reagan`: the short form is the surname
 * that ends the full name; a surname of two words (`bra kanon` of `denis bra kanon`) ends a name
 * of three or more beside its titles.
 */
export function isSurnameOf(short: string, full: string): boolean {
  const bare = stripTitles(short);
  const words = wordCount(bare);
  if (bare.length < 2 || words > 2) return false;
  if (words === 1) return wordCount(full) >= 2 && lastWord(full) === bare;
  return wordCount(stripTitles(full)) > words && full.endsWith(` ${bare}`);
}

/**
 * Single words too common to stand for one organisation (`Bank` of `Bank of Japan`, `Federal` of
 * `Federal Reserve`): a short form must be more than one of them.
 */
const GENERIC_ORG_WORDS = new Set(
  (
    'bank banks national federal american first general international united central union group house board ' +
    'commission committee council company department ministry office party trade trust financial securities ' +
    'exchange fund agency association court state states new world european royal northern southern western eastern'
  ).split(' '),
);

/**
 * Adjectives of a continent or region (a country's own demonyms come from the gazetteer): alone they
 * qualify a name (`Asian Development Bank`, `Arab Monetary Fund`) and stand for none of them.
 */
const REGION_ADJECTIVES = new Set(
  'asian african arab arabian latin pacific atlantic caribbean oriental nordic scandinavian baltic balkan mediterranean'.split(
    ' ',
  ),
);

/** `Asian`, `Dutch`, `Japanese`: a word that says where, not who. */
function isPlaceAdjective(word: string): boolean {
  return REGION_ADJECTIVES.has(word) || countryByDemonym(word) !== null;
}

/** Heads of an institution's name: what comes before them is a place or a qualifier. */
const INSTITUTION_WORDS = new Set([
  ...GENERIC_ORG_WORDS,
  ...'stock mercantile futures commodity port city county airport university college institute school party'.split(' '),
]);

/**
 * News names an organisation in full first and by its first words after (`Federal Reserve Board` …
 * `the Federal Reserve`, `Moody's Investors Service Inc` … `Moody's`): a later ORG mention whose
 * words begin an earlier, longer one in the same document is its short form. A lone generic word
 * (`Bank`, `House`) never is.
 */
function secondReferences(mentions: readonly DocMention[]): Evidence[] {
  const out: Evidence[] = [];
  // Each earlier name under each of its leading word runs, the first name to have it kept: one
  // look-up per mention instead of a pass over every earlier name.
  const fullByPrefix = new Map<string, { key: string; written: string }>();
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'ORG') continue;
    const key = aliasKey(m.text);
    if (key === '' || isAcronym(m.text)) continue;
    // `Texaco Inc and Pennzoil Co`: a legal form inside a name ends one company; two are named.
    // Not before `of` (`Hospital Corp of America`, a company chartered for a country: one name).
    const words = key.split(' ');
    if (words.slice(0, -1).some((w, k) => LEGAL_SUFFIXES.has(w) && words[k + 1] !== 'of')) continue;
    // An all-capital form is a headline or a dateline (`NEW YORK, March 3 -`), not a second reference.
    const usable =
      !isShouted(m.text) &&
      (words.length >= 2 || (words[0].length >= 3 && !GENERIC_ORG_WORDS.has(words[0]) && !isPlaceAdjective(words[0])));
    const full = usable ? fullByPrefix.get(key) : undefined;
    if (full)
      out.push({
        type: 'ORG',
        short: key,
        long: full.key,
        kind: 'second reference',
        pattern: `${full.written} … ${m.text}`,
      });
    if (seen.has(key)) continue;
    seen.add(key);
    // `New York` of `New York Stock Exchange`, `Chicago` of `Chicago Board of Trade`: words before
    // an institution's head name where it is, not which it is.
    for (let n = 1; n < words.length; n++) {
      const prefix = words.slice(0, n).join(' ');
      // A name of two words or more before a closing head word is the institution itself
      // (`Federal Reserve` of `Federal Reserve Board`).
      const head = INSTITUTION_WORDS.has(words[n]) && !(n >= 2 && n === words.length - 1);
      if (!head && !fullByPrefix.has(prefix)) fullByPrefix.set(prefix, { key, written: m.text });
    }
  }
  return out;
}
