import type { Sentence, Token } from '../core/types.js';
import { countryByDemonym, isCountrySurface, placeInfo } from './gazetteer.js';
import { MONTH_ABBREVIATIONS } from '../core/names.js';
import { HARD_WRAP, isHardWrapped, lineLength } from './wrapped-lines.js';
import { LISTED_SYMBOL } from './ner/orgs.js';

/*
 * An offset-keeping tokenizer and sentence splitter for news text.
 *
 * natural is not used here: its tokenizers return strings without offsets (mentions need exact
 * character offsets), and its sentence splitter breaks after "U.S." and "Mr.". A single sticky
 * regex scan keeps offsets, follows the CoNLL/Penn conventions the recognizer was trained on
 * (clitics 's and n't split off, hyphenated words kept whole) and runs at tens of MB/s.
 */

/** Single-dot abbreviations that never end a sentence (a name or number follows them). */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'sgt',
  'maj',
  'adm',
  'cmdr',
  'cpl',
  'pvt',
  'rev',
  'hon',
  'pres',
  'supt',
  'insp',
  'det',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'vs',
  'v',
  'messrs',
  ...MONTH_ABBREVIATIONS.map((a) => a.toLowerCase()),
  'fig',
  'approx',
  'ca',
  // Given names written short, as in firms' names (`Alex. Brown and Sons`, `Wm. Wrigley Jr. Co`).
  'alex',
  'wm',
  'chas',
  'jas',
  'thos',
  'geo',
  'benj',
  'robt',
  'edw',
]);
/** Single-dot abbreviations that may also close a sentence ("... said Acme Corp."). */
const ENDERS = new Set([
  'inc',
  'corp',
  'co',
  'ltd',
  'jr',
  'sr',
  'bros',
  'etc',
  'plc',
  'llc',
  'dept',
  'univ',
  'assn',
  'ave',
  'blvd',
]);

/**
 * A US state or Canadian province as the press abbreviates it after a city and a comma (`St.
 * Petersburg, Fla.`, `Dallas, Tex.`): the full stop is the abbreviation's, and a capitalised word
 * after it opens a sentence (`…, Fla. Representatives of …`), as after a full stop. Only after a
 * comma: `ill.`, `mass.`, `wash.` are words too.
 */
const STATES = new Set(
  'ala,ariz,ark,calif,colo,conn,del,fla,ga,ill,ind,kan,kans,ky,la,md,mass,mich,minn,miss,mo,mont,neb,nev,okla,ore,pa,tenn,tex,va,vt,wash,wis,wyo,ont,que,alta,sask'.split(
    ',',
  ),
);

/** Words that start a sentence after an ambiguous abbreviation such as "U.S." or "Inc.". */
const STARTERS = new Set([
  'The',
  'A',
  'An',
  'He',
  'She',
  'It',
  'They',
  'We',
  'I',
  'You',
  'In',
  'On',
  'At',
  'But',
  'And',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'Its',
  'His',
  'Her',
  'Their',
  'Our',
  'If',
  'As',
  'For',
  'However',
  'Meanwhile',
  'Also',
  'After',
  'Before',
  'When',
  'While',
  'Some',
  'Many',
  'Most',
  'Other',
  'Officials',
  'Earlier',
  'Later',
  'Last',
  'Next',
]);

// Alternatives, in priority order (the group number tells the kind):
//  1 URL or e-mail; 2 dotted abbreviation (U.S., a.m.; with a lower-case prefix, non-U.S., not a
//  party's R-N.Y.); 3 word + "." that may be an abbreviation or an initial; 4 number with inner separators; 5 word stem before n't; 6 clitic (n't 's 're …);
//  7 word, hyphenated compounds and inner apostrophes kept (Kim Jong-un, O'Neill); 8 dashes/ellipses;
//  9 any other single character.
const TOKEN_RE = new RegExp(
  [
    String.raw`(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'"]|[\w.+-]+@[\w-]+\.[\w.-]+\w)`,
    String.raw`((?:\p{Ll}{2,}-)?(?:\p{L}\.){2,}(?!\p{L}))`,
    String.raw`(\p{L}{1,5}\.(?![\p{L}\p{N}]))`,
    String.raw`(\p{N}+(?:[.,:/]\p{N}+)*(?:-\p{N}+)*)`,
    String.raw`(\p{L}+(?=n['’]t(?!\p{L})))`,
    String.raw`((?:n['’]t|['’](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M))(?![\p{L}\p{N}]))`,
    String.raw`([\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:[-‐]|['’](?!(?:[sdmtSDMT]|[rR][eE]|[vV][eE]|[lL][lL])(?!\p{L})))[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*)`,
    String.raw`(-{2,}|\.{2,}|…)`,
    String.raw`([^\s])`,
  ].join('|'),
  'guy',
);

const enum Kind {
  Other = 0,
  Abbrev = 1, // dotted U.S. — may end a sentence
  Title = 2, // Mr. Feb. — never ends a sentence
  Ender = 3, // Inc. — may end a sentence
  Initial = 4, // H.
  State = 5, // Fla. after a town and a comma — ends a sentence as a full stop does
}

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);

export function tokenize(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const tokens: Token[] = [];
  const kinds: Kind[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (true) {
    // Skip whitespace quickly before the regex (it is sticky).
    let i = TOKEN_RE.lastIndex;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    // `<AVMD.PA>`, `(VOWG.F)`: a stock symbol and its exchange in brackets are one token. Split at
    // the dot, the exchange began a sentence inside the brackets and was read as a place (`PA`, 84
    // of Reuters' 150 Pennsylvanias; `HK`, `OL`, `SI`).
    const opened = text[i - 1];
    if (opened === '<' || opened === '(') {
      LISTED_SYMBOL.lastIndex = i;
      const symbol = LISTED_SYMBOL.exec(text);
      if (symbol) {
        push(tokens, kinds, symbol[0], i, Kind.Other);
        TOKEN_RE.lastIndex = i + symbol[0].length;
        continue;
      }
    }
    TOKEN_RE.lastIndex = i;
    m = TOKEN_RE.exec(text);
    if (!m) break;
    const s = m[0];
    const start = m.index;
    if (m[3] !== undefined) {
      const stem = s.slice(0, -1);
      const low = stem.toLowerCase();
      const cap = isUpper(stem.charCodeAt(0));
      if (cap && TITLES.has(low)) push(tokens, kinds, s, start, Kind.Title);
      else if (cap && ENDERS.has(low)) push(tokens, kinds, s, start, Kind.Ender);
      else if (cap && STATES.has(low) && tokens.at(-1)?.text === ',') push(tokens, kinds, s, start, Kind.State);
      else if (stem.length === 1 && isUpper(stem.charCodeAt(0))) push(tokens, kinds, s, start, Kind.Initial);
      else {
        // An ordinary word before a full stop.
        push(tokens, kinds, stem, start, Kind.Other);
        push(tokens, kinds, '.', start + stem.length, Kind.Other);
      }
    } else if (m[2] !== undefined) {
      push(tokens, kinds, s, start, Kind.Abbrev);
    } else if (m[7] !== undefined && (s.includes('-') || s.includes('‐'))) {
      pushCompound(tokens, kinds, s, start);
    } else {
      push(tokens, kinds, s, start, Kind.Other);
    }
  }
  return { tokens, sentences: splitSentences(text, tokens, kinds) };
}

function push(tokens: Token[], kinds: Kind[], text: string, start: number, kind: Kind): void {
  tokens.push({ text, start, end: start + text.length });
  kinds.push(kind);
}

/**
 * Hyphenated compounds stay whole (Kim Jong-un, Indo-Pacific, Weston-super-Mare) unless a part is a
 * country name or abbreviation: "ROK-Japan" and "US-China" are two names joined by a hyphen. A
 * company named for its country stays whole (`Petro-Canada`, `Air-India`: a capitalised word that
 * names no country, people or place before the country), as `U.S.-Japanese` and `Iran-Iraq` do not.
 */
function pushCompound(tokens: Token[], kinds: Kind[], s: string, start: number): void {
  const parts = s.split(/([-‐])/);
  let split = false;
  if (!isCountrySurface(s) && !isCountryNamedCompany(s)) {
    for (let p = 0; p < parts.length; p += 2) if (isCountrySurface(parts[p])) split = true;
  }
  if (!split) return push(tokens, kinds, s, start, Kind.Other);
  let off = start;
  for (const part of parts) {
    if (part) push(tokens, kinds, part, off, Kind.Other);
    off += part.length;
  }
}

/** `Petro-Canada`: a word, a hyphen and a country, the word capitalised and naming no country, people or place. */
export function isCountryNamedCompany(s: string): boolean {
  const parts = s.split(/([-‐])/);
  if (parts.length !== 3 || !isCountrySurface(parts[2])) return false;
  const word = parts[0];
  return (
    /^\p{Lu}\p{Ll}+$/u.test(word) && !isCountrySurface(word) && !countryByDemonym(word) && placeInfo(word) === null
  );
}

function splitSentences(text: string, tokens: Token[], kinds: Kind[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  // Asked once, at the first single line break: most texts have none.
  let hardWrapped: boolean | undefined;
  const close = (end: number) => {
    if (end <= first) return;
    sentences.push({ start: tokens[first].start, end: tokens[end - 1].end, tokenStart: first, tokenEnd: end });
    first = end;
  };
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const cur = tokens[i];
    const newlines = countNewlines(text, prev.end, cur.start);
    if (newlines >= 2) {
      close(i);
      continue;
    }
    // Sentence-final punctuation, possibly followed by closing quotes or brackets.
    let j = i - 1;
    while (j > first && CLOSERS.has(tokens[j].text)) j--;
    const fin = tokens[j].text;
    const kind = kinds[j];
    const finalPunct = fin === '.' || fin === '!' || fin === '?' || fin === '...' || fin === '…';
    if (newlines === 1) {
      // A line break ends the sentence unless the line plainly continues on the next one.
      const c = cur.text.charCodeAt(0);
      // An initial goes on to the next line only in hard-wrapped text: a line longer than any wrap
      // is a paragraph of its own, and its closing initial ends a sentence (`… (Norge) A/S.\nStatoil
      // has been offered`, `the Dodge Daytona Shelby Z.\nChrysler is aiming`: the name ran on).
      const line = lineLength(text, prev.end);
      const wrapped = kind === Kind.Initial && line <= HARD_WRAP.max;
      // In hard-wrapped copy a full line goes on to the next one, capital or not (`in New\nYork`,
      // `the U.S.\nTreasury`), unless the next one is indented (a new paragraph, a table's row).
      const runsOn =
        !finalPunct &&
        line >= HARD_WRAP.min &&
        line <= HARD_WRAP.max &&
        text.charCodeAt(cur.start - 1) === 10 &&
        (hardWrapped ??= isHardWrapped(text));
      const continues = kind === Kind.Title || wrapped || runsOn || prev.text === ',' || isLower(c);
      if (!continues || finalPunct) close(i);
      continue;
    }
    // A quote or bracket glued to the punctuation closes this sentence rather than opening the next.
    if (CLOSERS.has(cur.text) && (cur.start === prev.end || !(cur.text === '"' || cur.text === "'"))) continue;
    const c = cur.text.charCodeAt(0);
    const opensSentence =
      isUpper(c) || isDigit(c) || cur.text === '"' || cur.text === '“' || cur.text === '(' || cur.text === "'";
    if (finalPunct || kind === Kind.State) {
      if (opensSentence) close(i);
    } else if (kind === Kind.Abbrev || kind === Kind.Ender) {
      if (STARTERS.has(cur.text)) close(i);
    }
  }
  close(tokens.length);
  return sentences;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 13 ||
    c === 9 ||
    c === 160 ||
    c === 12 ||
    c === 11 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff
  );
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());
}
function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toUpperCase());
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
