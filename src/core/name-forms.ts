/**
 * What makes two written names one name, by their form alone: titles and roles before a person's
 * name, legal suffixes after a company's, British and American spellings, acronyms and the words
 * they abbreviate, and one-letter typos. All functions take and return alias keys (see aliasKey:
 * lower case, punctuation folded) unless they say otherwise.
 */

const FUNCTION_WORDS = new Set([
  'of',
  'for',
  'and',
  'the',
  'on',
  'in',
  'de',
  'du',
  'des',
  'la',
  'le',
  'del',
  'di',
  'y',
  'et',
  'und',
  'fur',
  'to',
  'at',
]);

/** Words that say what a person is, not who: `President Reagan`, `Chancellor Kohl`, `Treasury Secretary Baker`. */
const TITLE_WORDS = new Set(
  (
    'president vice prime minister deputy chancellor secretary treasury state senator sen rep representative congressman ' +
    'congresswoman governor gov chairman chairwoman chief executive mr mrs ms miss dr sir lord lady king queen prince princess ' +
    'pope general gen admiral adm colonel col captain capt premier ambassador commissioner director judge justice attorney ' +
    'mayor speaker leader finance foreign trade agriculture energy economics economy defence defense interior commerce labor ' +
    'labour oil central bank bundesbank fed federal reserve house white staff spokesman spokeswoman official officials ' +
    'analyst economist managing former acting sheikh emir shah ayatollah crown exchequer prosecutor assistant undersecretary'
  ).split(' '),
);

/** Whether a word (any case) is a title or role (`Secretary`, `Exchequer`), not a function word. */
export function isTitleWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[.,']/g, '');
  return TITLE_WORDS.has(w) || misspeltTitle(w);
}

/**
 * How many of `words` (lower case) are titles and roles before a name, with the function words
 * between them (`chancellor of the exchequer nigel lawson`: 4). One word is always left.
 */
function titleWords(words: readonly string[]): number {
  let i = 0;
  while (i < words.length - 1 && (TITLE_WORDS.has(words[i]) || FUNCTION_WORDS.has(words[i]) || misspeltTitle(words[i])))
    i++;
  return i;
}

/**
 * A person's name without the titles and roles in front of it (`president ronald reagan` →
 * `ronald reagan`, `chancellor kohl` → `kohl`). Nothing is stripped when only titles would remain.
 */
export function stripTitles(key: string): string {
  const words = key.split(' ');
  return words.slice(titleWords(words)).join(' ');
}

/**
 * A person's name as written without the titles and roles before it (`Chancellor of the Exchequer
 * Nigel Lawson` → `Nigel Lawson`, `President Reagan` → `Reagan`): what an alias should show.
 */
export function stripTitlesWritten(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const i = titleWords(words.map((w) => w.toLowerCase().replace(/[.,']/g, '')));
  return i === 0 ? text : words.slice(i).join(' ');
}

/** Long title words, which news misspells (`Represenative`); a short word one letter from a title is often a name. */
const LONG_TITLES = [...TITLE_WORDS].filter((w) => w.length >= 8);

/** A word one letter from a long title word (`represenative`, `secretery`). */
function misspeltTitle(word: string): boolean {
  if (word.length < 8) return false;
  for (const t of LONG_TITLES) if (Math.abs(t.length - word.length) <= 1 && withinOneEdit(word, t)) return true;
  return false;
}

/**
 * Words that head an institution's name and may come first with `of` (`Department of
 * Agriculture`) or last (`Agriculture Department`): both orders are one name.
 */
const HEAD_WORDS = new Set(
  'department ministry bank commission committee council office board agency bureau authority institute association union'.split(
    ' ',
  ),
);

/** Content words from which a different order of the same words is taken to be the same name (`… Trade and Tariffs`). */
const SAME_WORDS_MIN = 4;

/**
 * Legal forms of company names that are no word of their own, lower-cased without the final dot:
 * the tagger's corporate suffixes (never-entity.ts) and the forms a name may drop share them.
 */
export const LEGAL_FORMS: readonly string[] =
  'inc incorporated corp corporation co cos ltd plc llc lp ag kgaa sa nv bv gmbh spa srl sarl ab asa oy kk bhd pty'.split(
    ' ',
  );

/**
 * Legal forms that a company's name may carry or drop: `Texaco Inc` is `Texaco`. Also forms that
 * are words too (`company`, `limited`, Norway's `AS`), which a name may drop but a word alone is not.
 */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([...LEGAL_FORMS, 'company', 'limited', 'as', 'pte']);

/** British → American spellings, word by word, so `Organisation` and `Organization` meet. */
function americanSpelling(word: string): string {
  return word
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/ise(d|s)?$/, (m, end: string | undefined) => (word.length > 6 ? `ize${end ?? ''}` : m))
    .replace(/^(centre|theatre)(s?)$/, (_m, w: string, s: string) => `${w.slice(0, -2)}er${s}`)
    .replace(/^(labour|harbour|honour|favour|colour)(s?)$/, (_m, w: string, s: string) => `${w.slice(0, -2)}r${s}`)
    .replace(/^defence$/, 'defense')
    .replace(/^programme(s?)$/, 'program$1');
}

/** A company's name words without the legal forms that end it (`texaco inc` → `texaco`); never none. */
export function withoutLegalForm(words: readonly string[]): string[] {
  let end = words.length;
  for (;;) {
    if (end > 1 && LEGAL_SUFFIXES.has(words[end - 1])) end--;
    else if (end > 2 && isSlashedForm(words, end - 2)) end -= 2;
    else break;
  }
  return words.slice(0, end);
}

/**
 * Whether the words from `i` are a legal form written with a slash, keyed as two (`A/S`: `a s`), and
 * the last two: the form ends the name.
 */
export function isSlashedForm(words: readonly string[], i: number): boolean {
  return words[i] === 'a' && words[i + 1] === 's' && i + 2 === words.length;
}

/** Whether a name's key ends in a legal form after a name (`texaco inc`; not `inc` alone). */
export function hasLegalForm(key: string): boolean {
  const words = key.split(' ');
  return withoutLegalForm(words).length < words.length;
}

/**
 * The key an organisation's name shares with its variants: legal suffixes dropped (not when
 * nothing else is left), a leading `the` dropped, spellings made American. Empty when the name is
 * nothing but a legal form.
 *
 * Given `isCommonWord` (whether a lower-case word is mostly written so), a holding's `group` is
 * dropped too (`usair` of `usair group inc`, `royal dutch shell` of `royal dutch shell group`): news
 * names a holding by its firm's name and the firm by its holding's. Not when a common word would be
 * left (`Commerce Group`, `Trade Group` are no `Commerce` or `Trade`).
 */
export function orgVariantKey(key: string, isCommonWord?: (lower: string) => boolean): string {
  let words = key.split(' ').map(americanSpelling);
  if (words[0] === 'the' && words.length > 1) words = words.slice(1);
  // `Organisation of Economic…` and `Organisation for Economic…`: the joining words carry no identity.
  // `Department of Agriculture` is `Agriculture Department`, `Ministry of Finance` the `Finance Ministry`,
  // also after a word or two that qualify it (`Japan Ministry of Finance`, a country the analyzer put first).
  const plain = (w: string) => !FUNCTION_WORDS.has(w) && !HEAD_WORDS.has(w) && !LEGAL_SUFFIXES.has(w);
  for (let at = 0; at <= 2; at++) {
    if (words.length < at + 3 || !HEAD_WORDS.has(words[at]) || words[at + 1] !== 'of') continue;
    if (!words.slice(0, at).every(plain)) break;
    const rest = withoutLegalForm(words.slice(at + 2));
    if (rest[0] === 'the' && rest.length > 1) rest.shift();
    if (rest.every(plain)) words = [...words.slice(0, at), ...rest, words[at]];
    break;
  }
  const content = words.filter((w) => !FUNCTION_WORDS.has(w));
  if (content.length >= 2) words = content;
  words = withoutLegalForm(words);
  if (isCommonWord && words.length >= 2 && words[words.length - 1] === 'group') {
    const firm = withoutLegalForm(words.slice(0, -1));
    if (firm.length >= 2 || (firm[0].length >= 3 && !isCommonWord(firm[0]))) words = firm;
  }
  if (words.length === 1 && LEGAL_SUFFIXES.has(words[0])) return '';
  // A long name's words in another order are the same name (`General Agreement on Trade and Tariffs`);
  // two or three words in another order may be another company (`American General`, `General American`).
  if (words.length >= SAME_WORDS_MIN) words = [...words].sort();
  return words.join(' ');
}

/**
 * Familiar forms of English given names and the name each is short for (`Jim Wright` is `James
 * Wright`, `Dan Amstutz` `Daniel Amstutz`): news writes a politician either way. Only forms that
 * stand for one name: `Al` (Alan, Albert, Alfred), `Pat`, `Chris`, `Alex`, `Jerry`, `Larry`,
 * `Steve`, `Ted`, `Harry` and `Jack` (a name of its own as often) are left out.
 */
const GIVEN_NAME_OF: Readonly<Record<string, string>> = {
  andy: 'andrew',
  ben: 'benjamin',
  bernie: 'bernard',
  bill: 'william',
  billy: 'william',
  bob: 'robert',
  bobby: 'robert',
  charlie: 'charles',
  chuck: 'charles',
  dan: 'daniel',
  danny: 'daniel',
  dave: 'david',
  dick: 'richard',
  don: 'donald',
  doug: 'douglas',
  ed: 'edward',
  eddie: 'edward',
  fred: 'frederick',
  gene: 'eugene',
  greg: 'gregory',
  hank: 'henry',
  herb: 'herbert',
  jeff: 'jeffrey',
  jim: 'james',
  jimmy: 'james',
  joe: 'joseph',
  johnny: 'john',
  ken: 'kenneth',
  kenny: 'kenneth',
  liz: 'elizabeth',
  marty: 'martin',
  matt: 'matthew',
  mike: 'michael',
  nick: 'nicholas',
  peggy: 'margaret',
  pete: 'peter',
  phil: 'philip',
  ray: 'raymond',
  rich: 'richard',
  rick: 'richard',
  rob: 'robert',
  ron: 'ronald',
  ronnie: 'ronald',
  sam: 'samuel',
  stan: 'stanley',
  sue: 'susan',
  tim: 'timothy',
  tom: 'thomas',
  tommy: 'thomas',
  tony: 'anthony',
  vince: 'vincent',
  walt: 'walter',
  will: 'william',
};

/**
 * A person's name as a family of variants shares: titles and middle initials stripped, a familiar
 * given name written in full, spaces dropped (`MargaretThatcher`, `Martin T. Sosnoff`, `Jim
 * Wright`). Whether a middle initial may go is the resolver's to judge (middleInitials).
 */
export function personVariantKey(key: string): string {
  const words = stripTitles(key).split(' ');
  const initials = middleInitialsOf(words);
  const kept = words.filter((_, i) => !initials.includes(i));
  if (kept.length >= 2) kept[0] = GIVEN_NAME_OF[kept[0]] ?? kept[0];
  return kept.join('');
}

/**
 * The one-letter words between a person's first name and surname (`martin t sosnoff` → `t`),
 * titles aside; none when the name begins with initials (`e f hutton` is written so).
 */
export function middleInitials(key: string): string {
  const words = stripTitles(key).split(' ');
  return middleInitialsOf(words)
    .map((i) => words[i])
    .join(' ');
}

function middleInitialsOf(words: string[]): number[] {
  if (words[0].length === 1) return [];
  return words.flatMap((w, i) => (i > 0 && i < words.length - 1 && w.length === 1 ? [i] : []));
}

/** Whether a written name looks like an acronym: 2–6 capitals, with or without full stops (`EC`, `U.N.`, `OPEC`). */
export function isAcronym(written: string): boolean {
  const letters = written.replace(/\./g, '');
  return /^[A-Z][A-Z&]{1,5}$/.test(letters) && !/^[A-Z]\.?$/.test(written);
}

/**
 * Whether `acronym` (written, e.g. `EC`, `OPEC`) spells the initials of `long` (written, e.g.
 * `European Community`, `Organization of Petroleum Exporting Countries`): the initials of its
 * content words, or of all its words. Leading words may be left out (`the European Community`).
 */
export function spellsInitials(acronym: string, long: string): boolean {
  const letters = acronym.replace(/[.&]/g, '').toLowerCase();
  const written = long.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
  if (written.length < 2 || letters.length < 2) return false;
  // `EC Commission` is not what `EC` stands for: a long form never contains its acronym.
  if (written.some((w) => w.toLowerCase().replace(/\./g, '') === letters)) return false;
  // A company's initials may leave out its legal forms (`ATT`, American Telephone and Telegraph Co),
  // keep them (`FMC`, Ford Motor Co) or keep all but the last (`GEC`, General Electric Co Plc).
  const bare = withoutLegalForm(written.map((w) => w.toLowerCase().replace(/\.$/, '')));
  for (let end = written.length; end >= bare.length; end--) if (spells(letters, written.slice(0, end))) return true;
  return false;
}

function spells(letters: string, words: readonly string[]): boolean {
  if (words.length < 2) return false;
  for (let from = 0; from <= words.length - 2; from++) {
    const part = words.slice(from);
    const all = part.map((w) => w[0].toLowerCase()).join('');
    const content = part
      .filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()))
      .map((w) => w[0].toLowerCase())
      .join('');
    if (all === letters || content === letters) return true;
    // Only leading words that are not part of the name proper may be dropped: stop at a content word once it's needed.
    if (content.length < letters.length) break;
  }
  return false;
}

/** Letters a word must have for a one-letter difference in it to be a misspelling, not another name. */
const MISSPELT_WORD_MIN = 4;

/**
 * Two names one edit apart differ by a misspelling, not by being other names: the edit falls inside
 * one word long enough to be misspelt (`Genral Dynamics`, `Strandard and Poor's`), ends a word (a
 * plural, a word cut short: `Federal Reserve Banks`, `Ford Motor Cor`), or only joins or splits
 * words (`Bell South` / `BellSouth`). Another letter inside a short word or initials names another
 * company or person (`HC Holdings` / `GC Holdings`, `CUC` / `CPC International`, `Sr` / `Jr`), and so
 * does another first letter of a word (`Barnes` / `Karnes`).
 */
export function isMisspelling(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return a.replace(/ /g, '') === b.replace(/ /g, '');
  const differ = wa.flatMap((w, i) => (w === wb[i] ? [] : [[w, wb[i]]]));
  if (differ.length !== 1) return false;
  const [x, y] = differ[0];
  // Another letter opening a word is another name (`David Barnes` / `David Karnes`, `Morton Handel`
  // / `Morton Mandel`), which news misspells far less often than it prints both.
  if (x.length === y.length && x[0] !== y[0] && x.slice(1) === y.slice(1)) return false;
  return Math.min(x.length, y.length) >= MISSPELT_WORD_MIN || x.startsWith(y) || y.startsWith(x);
}

/** One insertion, deletion, substitution or adjacent transposition apart (`Organiaation` / `Organisation`). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // The rest must be equal after one edit at i (compared in place: this runs on many pairs).
  const same = (x: string, xi: number, y: string, yi: number) => {
    if (x.length - xi !== y.length - yi) return false;
    for (; xi < x.length; xi++, yi++) if (x.charCodeAt(xi) !== y.charCodeAt(yi)) return false;
    return true;
  };
  if (la === lb) {
    if (same(a, i + 1, b, i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && same(a, i + 2, b, i + 2); // transposition
  }
  return la > lb ? same(a, i + 1, b, i) : same(a, i, b, i + 1);
}

/** The last word of a key (a person's surname). */
export function lastWord(key: string): string {
  const i = key.lastIndexOf(' ');
  return i < 0 ? key : key.slice(i + 1);
}

export function wordCount(key: string): number {
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
  return n;
}
