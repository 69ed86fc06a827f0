/**
 * Corpus-level resolution: which of the names the analyzer gave (one per document and form) are
 * one entity. A pure function of the corpus's names, their documents and the evidence documents
 * carry, so the answer does not depend on the order documents were ingested in: ingesting A then
 * B gives what ingesting A and B together gives.
 *
 * 1. Variants of one name join the most documented of them: an organisation's legal suffixes and
 *    spellings (`Texaco Inc` = `Texaco`, `Organisation` = `Organization`), a person's titles
 *    (`President Ronald Reagan`), one-letter typos of a long name of several words.
 * 2. A short form (a surname, an acronym, a clipped word) joins the full name the corpus's own
 *    documents give it, when one full name clearly dominates: `Reagan` → Ronald Reagan because the
 *    documents that name both say so; `EC` → European Community by `European Community (EC)` and by
 *    documents that use both. When two full names are both credible (`Baker`: James Baker, Howard
 *    Baker), each document that only says `Baker` is decided by its context — the other entities it
 *    names, compared with those named around each full name — or left alone.
 */
import type { EvidenceSource, RetoldRow, SuspectRow } from '../store/resolution.js';
import type { Evidence, EvidenceKind } from './evidence.js';
import {
  isAcronym,
  isMisspelling,
  lastWord,
  middleInitials,
  orgVariantKey,
  personVariantKey,
  stripTitles,
  withinOneEdit,
  withoutLegalForm,
  wordCount,
} from '../core/name-forms.js';
import { stateOfAbbreviation } from '../core/state-abbreviations.js';
import { ownerByStyle, unqualifiedKey } from '../nlp/ner/institutions.js';

/** Legal forms only a British company takes, and those only an American one takes (see the variant families). */
const BRITISH_FORMS: ReadonlySet<string> = new Set(['plc']);
const AMERICAN_FORMS: ReadonlySet<string> = new Set(['inc', 'corp', 'corporation', 'incorporated']);

/** Legal forms by the kind of company law they belong to; any other form is a kind of its own. */
const FORM_KINDS: ReadonlyMap<string, string> = new Map([
  ...['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'cos', 'companies'].map((f): [string, string] => [
    f,
    'us',
  ]),
  ...['plc', 'ltd', 'limited'].map((f): [string, string] => [f, 'uk']),
]);

/** The kind of legal form a company's key ends in (`us` for `inc`, `co`…), or null when it has none. */
function legalFormKind(key: string): string | null {
  const words = key.split(' ');
  if (withoutLegalForm(words).length === words.length) return null;
  const last = words[words.length - 1];
  return FORM_KINDS.get(last) ?? last;
}

/** A person's key written as a given name's initial and a surname (`b yeltsin` of `B. Yeltsin`). */
const INITIAL_AND_SURNAME = /^\p{L} \S+$/u;

export interface NameStat {
  type: string;
  key: string;
  /** How it is written (the entity's display name). */
  name: string;
  /** The documents whose analysis gave this name, ascending. */
  docs: number[];
}

export interface DocEvidence extends Evidence {
  doc: number;
}

export type Rule = 'variant' | 'typo' | 'title' | 'acronym' | 'surname' | 'short form' | 'context' | 'company' | 'type';

export interface Link {
  type: string;
  from: string;
  to: string;
  /** The type of the entity it joins when that is not its own (a company the tagger read as a person). */
  toType?: string;
  rule: Rule;
  /** Documents of evidence (for the rules that have them). */
  score: number;
  /** Why, in words, with example documents. */
  detail: string;
  docs: number[];
}

export interface DocLink extends Link {
  doc: number;
}

/** A pair left for a person to judge: `a` may belong to `b` (the row the store keeps, one shape). */
export type Suspect = SuspectRow;

export interface Resolution {
  links: Link[];
  docLinks: DocLink[];
  suspects: Suspect[];
}

export interface ResolveOptions {
  /** Names the user placed (merged or kept apart): never linked automatically. */
  fixed?: ReadonlySet<string>;
  /**
   * Whether a lower-case word is mostly written so in running text (the lexicon's): a holding's
   * firm of one such word is not its holding (see orgVariantKey). Without it, none of one word is.
   */
  isCommonWord?: (lower: string) => boolean;
}

/** A full name must have this many times the evidence of the next for a short form to join it everywhere. */
const DOMINANCE = 8;
/**
 * A clipped word (`Fed`) joins the full name it is named beside in this many times as many of its
 * documents as beside any other it may clip, both seen only beside it.
 */
const CLIPPED_DOMINANCE = 2;
/** Documents of evidence a link needs (a `Long (SHORT)` pattern counts twice). */
const MIN_EVIDENCE = 2;
/** Documents that must use a given name alone for one person before the corpus's bare given name is theirs. */
const GIVEN_NAME_DOCS = 5;
/** Documents that must go on to call a fuller name by a shorter one before they are one name. */
const RETOLD_MIN = 3;
/** Natural-log margin by which one full name must fit a document's context better than the others. */
const CONTEXT_MARGIN = Math.log(20);
const TYPO_MIN_LENGTH = 12;
const HEAD_LAST = /^(?:board|commission|council|committee|system|authority|agency)$/;
const FUNCTION_WORD = /^(?:of|for|and|the|on|in|de|du|des|la|le|del|di|y|et|und|to|at)$/;
/** Documents that must spell an acronym out (`European Community (EC)`) for it to stand for those words in other names. */
const SPELLED_OUT_DOCS = 2;

const id = (type: string, key: string) => `${type}\u0000${key}`;

interface Candidate {
  root: string;
  docs: Set<number>;
  kinds: Set<EvidenceKind | 'structure' | 'together'>;
  pattern: string;
  /** How a title says it (`president Reagan, as president Ronald Reagan`). */
  titled: string;
  score: number;
}

/** A full name a clipped word is only seen beside (`Federal Reserve` of `Fed`), nothing naming it so. */
const onlyBeside = (c: Candidate): boolean => c.kinds.size === 1 && c.kinds.has('together');

/** Evidence held in memory (tests, small inputs) as a source resolution reads by short form. */
export function evidenceFrom(rows: readonly DocEvidence[]): EvidenceSource {
  const byShort = new Map<string, DocEvidence[]>();
  const retold = new Map<string, { row: RetoldRow; docs: Set<number> }>();
  for (const e of rows) {
    const list = byShort.get(e.short);
    if (list) list.push(e);
    else byShort.set(e.short, [e]);
    if (e.kind !== 'second reference') continue;
    const pair = `${e.type}\u0000${e.long}\u0000${e.short}`;
    let r = retold.get(pair);
    if (!r) retold.set(pair, (r = { row: { type: e.type, long: e.long, short: e.short, docs: 0 }, docs: new Set() }));
    r.docs.add(e.doc);
    r.row.docs = r.docs.size;
  }
  return {
    ofShort: (short) => byShort.get(short) ?? [],
    retold: () => [...retold.values()].map((r) => r.row),
    retoldDocs: (type, long, short, limit) =>
      [...(retold.get(`${type}\u0000${long}\u0000${short}`)?.docs ?? [])].sort((a, b) => a - b).slice(0, limit),
  };
}

export function resolveNames(
  names: readonly NameStat[],
  evidence: readonly DocEvidence[] | EvidenceSource,
  options: ResolveOptions = {},
): Resolution {
  const source = 'ofShort' in evidence ? evidence : evidenceFrom(evidence);
  const fixed = options.fixed ?? new Set<string>();
  const commonWord = options.isCommonWord ?? (() => true);
  const oneWordVariant = (n: NameStat) => !orgVariantKey(n.key).includes(' ');
  /** Two one-word names of one company: the same word (not a common one) under legal forms of one country's kind. */
  const sameCompanyForm = (a: NameStat, b: NameStat) => {
    const [fa, fb] = [legalFormKind(a.key), legalFormKind(b.key)];
    const bare = (n: NameStat) => withoutLegalForm(n.key.split(' ')).join(' ');
    // (The words themselves, not their variant key: `Giorgio Inc` is not `Di Giorgio Corp`.)
    return fa !== null && fa === fb && bare(a) === bare(b) && !commonWord(orgVariantKey(a.key, commonWord));
  };
  const byId = new Map<string, NameStat>();
  for (const n of names) byId.set(id(n.type, n.key), n);
  const sorted = [...byId.keys()].sort();
  const links = new Map<string, Link>();
  const suspects: Suspect[] = [];
  const size = (i: string) => byId.get(i)?.docs.length ?? 0;
  // How many people's names end in a word (a name alone ends in itself).
  const surnames = new Map<string, number>();
  for (const n of byId.values())
    if (n.type === 'PERSON') surnames.set(lastWord(n.key), (surnames.get(lastWord(n.key)) ?? 0) + 1);
  /**
   * Whether a person's name of several words ends in a surname another name of the corpus has too
   * (`Mohammad Akram`, as `Wasim Akram` or `Akram` alone; its misspelling `Mohammad Akam` does not).
   * Not an organisation's: its last word is most often a legal form or a common head (`Corp`, `Bank`).
   */
  const endsInUsedName = (i: string) => {
    const n = byId.get(i);
    return n?.type === 'PERSON' && wordCount(n.key) >= 2 && (surnames.get(lastWord(n.key)) ?? 0) > 1;
  };
  /**
   * The better canonical of two: more documents, then one ending in a word another name ends in,
   * then the shorter key, then the first in order.
   */
  const better = (a: string, b: string) => {
    const d = size(b) - size(a);
    if (d !== 0) return d > 0 ? b : a;
    const [usedA, usedB] = [endsInUsedName(a), endsInUsedName(b)];
    if (usedA !== usedB) return usedA ? a : b;
    if (a.length !== b.length) return a.length < b.length ? a : b;
    return a < b ? a : b;
  };
  const root = (i: string): string => {
    let cur = i;
    // Links never form a cycle (link() refuses one); the bound is a guard.
    for (let hops = 0; hops < 64; hops++) {
      const l = links.get(cur);
      if (!l) return cur;
      cur = id(l.type, l.to);
    }
    return cur;
  };
  const link = (from: string, to: string, rule: Rule, score: number, detail: string, docs: number[] = []) => {
    if (from === to || fixed.has(from) || links.has(from) || root(to) === from) return;
    const n = byId.get(from)!;
    links.set(from, {
      type: n.type,
      from: n.key,
      to: to.slice(to.indexOf('\u0000') + 1),
      rule,
      score,
      detail,
      docs: docs.slice(0, 5),
    });
  };

  /**
   * An acronym's name `i` and the one of `longs` (names it spells) that clearly dominates the others
   * are one entity, by the better of their roots; with several close rivals, none.
   */
  const joinSpelled = (i: string, longs: string[], detail: (long: string) => string) => {
    const [top, next] = [...longs].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1));
    if (top === undefined || (next !== undefined && size(next) * 4 > size(top))) return;
    const [ra, rb] = [root(i), root(top)];
    if (ra === rb) return;
    const canon = better(ra, rb);
    const other = canon === ra ? rb : ra;
    link(other, canon, 'acronym', size(other), detail(byId.get(top)!.name));
  };

  // 1. Variants: families by a variant key, each joining its most documented member.
  const families = new Map<string, string[]>();
  const family = (k: string, i: string) => {
    const list = families.get(k);
    if (list) list.push(i);
    else families.set(k, [i]);
  };
  // `James Charles Kopp` is `James C. Kopp` when the corpus writes that too: the middle name goes by
  // its initial (and so joins `James Kopp`, unless another middle initial keeps them apart below).
  // Not otherwise: `Juan Miguel Gonzalez` and a `Juan Gonzalez` may be two people.
  const people = new Set(names.filter((n) => n.type === 'PERSON').map((n) => stripTitles(n.key)));
  const middleAsInitial = (bare: string): string => {
    const words = bare.split(' ');
    if (words.length !== 3 || words[1].length < 2) return bare;
    const initialled = `${words[0]} ${words[1][0]} ${words[2]}`;
    return people.has(initialled) ? initialled : bare;
  };
  // `B. Yeltsin` is `Boris Yeltsin` when the corpus knows one full name of that surname whose given
  // name starts so (a scorecard's `G. Thorpe` with `Graham Thorpe`); with two (`John Smith`, `James
  // Smith`) it joins neither.
  const byInitial = new Map<string, Set<string>>();
  for (const bare of people) {
    const words = bare.split(' ');
    // (A person's name of two or three words: `Samuel Montagu Capital Markets` is no `S. Markets`.)
    if (words.length < 2 || words.length > 3 || words[0].length < 2) continue;
    const k = `${words[0][0]} ${words[words.length - 1]}`;
    const set = byInitial.get(k) ?? new Set<string>();
    set.add(personVariantKey(middleAsInitial(bare)));
    byInitial.set(k, set);
  }
  const fullNameOf = (bare: string): string | undefined => {
    if (!INITIAL_AND_SURNAME.test(bare)) return undefined;
    const full = byInitial.get(bare);
    return full?.size === 1 ? [...full][0] : undefined;
  };
  for (const i of sorted) {
    const n = byId.get(i)!;
    if (n.type === 'ORG') {
      const v = orgVariantKey(n.key, commonWord);
      if (v !== '') family(`ORG\u0000${v}`, i);
    } else if (n.type === 'PERSON') {
      const bare = stripTitles(n.key);
      // A one-word name joins a family only as a full name written without its space (`MargaretThatcher`).
      const full = fullNameOf(bare);
      if (full !== undefined) family(`PERSON\u0000${full}`, i);
      else if (wordCount(bare) >= 2 || bare.length >= 10)
        family(`PERSON\u0000${personVariantKey(middleAsInitial(bare))}`, i);
    } else if (n.type === 'PLACE') {
      // `Calif` and `California`: a state's abbreviation joins its name (named after the state).
      family(`PLACE\u0000${stateOfAbbreviation(n.key) ?? n.key}`, i);
    }
  }
  // `Martin T. Sosnoff` is `Martin Sosnoff` when the corpus knows no other middle initial for the
  // name; with two (`John A. Smith`, `John B. Smith`) each keeps to itself and the bare name joins neither.
  for (const [fam, members] of [...families]) {
    if (!fam.startsWith('PERSON\u0000')) continue;
    const initials = new Set(members.map((m) => middleInitials(byId.get(m)!.key)));
    initials.delete('');
    if (initials.size <= 1) continue;
    families.delete(fam);
    for (const m of members) family(`${fam}\u0000${middleInitials(byId.get(m)!.key)}`, m);
  }
  // `General Electric Co Plc` (GEC, London) is not `General Electric Co` (GE, New York), nor `Lucas
  // Industries Inc` the British `Lucas Industries Plc`: a name ending in `Plc` in a family whose
  // other names end in `Inc` or `Corp` is a British company of the same words, kept apart with its
  // own variants.
  for (const [fam, members] of [...families]) {
    if (!fam.startsWith('ORG\u0000')) continue;
    const form = (m: string) => byId.get(m)!.key.split(' ').pop() ?? '';
    const british = members.filter((m) => BRITISH_FORMS.has(form(m)));
    if (british.length === 0 || !members.some((m) => AMERICAN_FORMS.has(form(m)))) continue;
    families.set(
      fam,
      members.filter((m) => !british.includes(m)),
    );
    families.set(`${fam}\u0000plc`, british);
  }
  splitUnprovenGivenNames(families, byId, sorted);
  for (const [fam, members] of families) {
    if (members.length < 2) continue;
    // A person's family is best named by a full name without titles, when the corpus has one: its
    // given name written out (`Alan Mullally`, not a scorecard's more frequent `A. Mullally`).
    const bare = fam.startsWith('PERSON\u0000')
      ? members.filter((m) => {
          const key = byId.get(m)!.key;
          return stripTitles(key) === key && wordCount(key) >= 2 && !INITIAL_AND_SURNAME.test(key);
        })
      : [];
    if (fam.startsWith('PERSON\u0000') && !members.some((m) => wordCount(stripTitles(byId.get(m)!.key)) >= 2)) continue;
    // A place's family is named by the state's full name, however many documents abbreviate it.
    const named = fam.startsWith('PLACE\u0000')
      ? members.find((m) => `PLACE\u0000${byId.get(m)!.key}` === fam)
      : undefined;
    const canon = named ?? (bare.length > 0 ? bare.reduce(better) : members.reduce(better));
    for (const m of members) {
      const n = byId.get(m)!;
      // `House Inc` is not the House: a one-word name joins its suffixed variants only where a
      // document names both. Not needed for two forms of one country's company law around a word
      // running text does not use (`Pennzoil Co`, `Pennzoil Company`); `Salomon SA` is not `Salomon
      // Inc`, nor `Communications Corp` (a name cut short) `Communications Inc`.
      const c = byId.get(canon)!;
      if (n.type === 'ORG' && m !== canon && oneWordVariant(n) && oneWordVariant(c) && !sameCompanyForm(n, c)) {
        if (intersectCount(n.docs, c.docs) === 0) continue;
      }
      const rule: Rule = n.type === 'PERSON' ? 'title' : 'variant';
      const what =
        n.type === 'PERSON'
          ? 'the same name without titles or a middle initial, or with a familiar given name'
          : n.type === 'PLACE'
            ? "the state's abbreviation"
            : 'the same name but for legal form, spelling or word order';
      link(m, canon, rule, n.docs.length, `${what} as ${byId.get(canon)!.name}`);
    }
  }
  // `EC Commission` is the `European Commission`: an acronym before a head word spells the other
  // name, head included (`EC Council`, `European Council`).
  const byInitials = new Map<string, string[]>();
  for (const i of sorted) {
    const n = byId.get(i)!;
    if (n.type !== 'ORG' || wordCount(n.key) < 2) continue;
    const words = n.key.split(' ').filter((w) => !FUNCTION_WORD.test(w));
    if (words.length < 2 || words.length > 5) continue;
    const k = `${words.map((w) => w[0]).join('')} ${words[words.length - 1]}`;
    const list = byInitials.get(k);
    if (list) list.push(i);
    else byInitials.set(k, [i]);
  }
  for (const i of sorted) {
    const n = byId.get(i)!;
    if (n.type !== 'ORG' || wordCount(n.key) !== 2) continue;
    const [short, head] = n.key.split(' ');
    if (short.length < 2 || short.length > 5) continue;
    joinSpelled(
      i,
      (byInitials.get(`${short} ${head}`) ?? []).filter((l) => l !== i),
      (long) => `${n.name} spells ${long}, head word and all`,
    );
  }

  // `EC Commission` is also the `European Community Commission`, `UN Security Council` the `United
  // Nations Security Council`: an acronym written in capitals, then the rest of the other name,
  // where the corpus's documents spell the acronym out as those first words (`European Community
  // (EC)`). Not by initials alone: `IC Industries` and `AM International` are companies of their
  // own, not Imperial Chemical Industries or American Medical International.
  const expansions = new Map<string, string[]>();
  const spelledOut = (acronym: string): string[] => {
    let known = expansions.get(acronym);
    if (!known) {
      const docs = new Map<string, Set<number>>();
      for (const row of source.ofShort(acronym)) {
        if (row.type !== 'ORG' || row.kind === 'second reference' || row.long === acronym) continue;
        const seen = docs.get(row.long) ?? new Set<number>();
        seen.add(row.doc);
        docs.set(row.long, seen);
      }
      known = [...docs].filter(([, d]) => d.size >= SPELLED_OUT_DOCS).map(([long]) => long);
      expansions.set(acronym, known);
    }
    return known;
  };
  for (const i of sorted) {
    const n = byId.get(i)!;
    if (n.type !== 'ORG' || !/^\p{Lu}{2,5}\s/u.test(n.name.replace(/\./g, ''))) continue;
    const [acronym, ...rest] = n.key.split(' ');
    // One name per entity it may stand for, the most documented; none already its own.
    const byRoot = new Map<string, string>();
    for (const long of spelledOut(acronym)) {
      const l = id('ORG', `${long} ${rest.join(' ')}`);
      if (!byId.has(l)) continue;
      const r = root(l);
      if (r === root(i)) continue;
      const seen = byRoot.get(r);
      if (!seen || size(l) > size(seen)) byRoot.set(r, l);
    }
    joinSpelled(i, [...byRoot.values()], (long) => `${n.name} spells the first words of ${long}`);
  }

  // Typos of long names of several words, blocked by their first and last letters, and by the last
  // letters before a legal form: blocks too large to compare are skipped, and every `… Corp` shares
  // one (`Strandard and Poor's Corp` meets `Standard and Poor's Corp` by `poor's`).
  const blocks = new Map<string, string[]>();
  for (const i of sorted) {
    const n = byId.get(i)!;
    if ((n.type !== 'ORG' && n.type !== 'PERSON') || n.key.length < TYPO_MIN_LENGTH || wordCount(n.key) < 2) continue;
    const named = n.type === 'ORG' ? withoutLegalForm(n.key.split(' ')).join(' ') : n.key;
    const keys = [`${n.type}<${n.key.slice(0, 5)}`, `${n.type}>${n.key.slice(-5)}`];
    if (named !== n.key) keys.push(`${n.type}>${named.slice(-5)}`);
    for (const b of keys) {
      const list = blocks.get(b);
      if (list) list.push(i);
      else blocks.set(b, [i]);
    }
  }
  for (const list of blocks.values()) {
    if (list.length < 2 || list.length > 400) continue;
    // By length, so each name meets only those one letter longer or shorter.
    list.sort((p, q) => byId.get(p)!.key.length - byId.get(q)!.key.length || (p < q ? -1 : 1));
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = [byId.get(list[x])!, byId.get(list[y])!];
        if (b.key.length - a.key.length > 1) break;
        if (!withinOneEdit(a.key, b.key) || !isMisspelling(a.key, b.key)) continue;
        const ra = root(list[x]);
        const rb = root(list[y]);
        if (ra === rb) continue;
        const canon = better(ra, rb);
        const other = canon === ra ? rb : ra;
        link(other, canon, 'typo', size(other), `one letter from ${byId.get(canon)!.name}`);
      }
    }
  }

  // A fuller name its own documents go on to call by a shorter one the corpus uses more
  // (`Federal Reserve Board` … `the Federal Reserve`) is a variant of the shorter one.
  const retold = source.retold();
  // A short form that several fuller names go on to use (`Allied` of Allied Stores and Allied
  // Supermarkets, `Senate` of its committees) stands for none of them in particular.
  const fullerNames = new Map<string, number>();
  for (const r of retold) {
    if (r.docs < RETOLD_MIN) continue;
    const short = id(r.type, r.short);
    fullerNames.set(short, (fullerNames.get(short) ?? 0) + 1);
  }
  const pairs = retold.map((r) => ({ r, pair: `${id(r.type, r.long)}\u0001${id(r.type, r.short)}` }));
  for (const { r } of pairs.sort((a, b) => (a.pair < b.pair ? -1 : 1))) {
    const long = id(r.type, r.long);
    const short = id(r.type, r.short);
    if (!byId.has(long) || !byId.has(short) || size(short) <= size(long)) continue;
    // One word (`Labour`, `Jones`) says too little of which organisation; two say it.
    if (wordCount(byId.get(short)!.key) < 2 || fullerNames.get(short) !== 1) continue;
    // Enough of its documents to rule out a chance meeting: three, and a tenth of them (a twentieth
    // when the fuller name is the shorter one and a closing head word: `Federal Reserve` + `Board`).
    const longKey = byId.get(long)!.key;
    const shortKey = byId.get(short)!.key;
    const headed = longKey.startsWith(`${shortKey} `) && HEAD_LAST.test(longKey.slice(shortKey.length + 1));
    if (r.docs < RETOLD_MIN || r.docs * (headed ? 20 : 10) < size(long)) continue;
    link(
      long,
      root(short),
      'variant',
      r.docs,
      `${r.docs} of its ${size(long)} documents go on to call it ${byId.get(short)!.name}`,
      source.retoldDocs(r.type, r.long, r.short, 5),
    );
  }

  // A state institution's name without a country (`Finance Ministry`) joins the one country's that
  // the corpus's documents saying whose give nearly always (`Japan Finance Ministry` in a corpus of
  // Japanese news); one that several countries share stays unplaced.
  const qualifiedOf = new Map<string, string[]>();
  for (const i of sorted) {
    const n = byId.get(i)!;
    const bare = n.type === 'ORG' ? unqualifiedKey(n.key) : null;
    if (bare === null) continue;
    const list = qualifiedOf.get(id('ORG', bare));
    if (list) list.push(i);
    else qualifiedOf.set(id('ORG', bare), [i]);
  }
  for (const [bare, qualified] of [...qualifiedOf].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!byId.has(bare) || links.has(bare)) continue;
    const docsByRoot = new Map<string, number>();
    for (const q of qualified) docsByRoot.set(root(q), (docsByRoot.get(root(q)) ?? 0) + size(q));
    const ranked = [...docsByRoot].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [[top, docs], second] = ranked;
    if (docs < MIN_EVIDENCE || (second && second[1] * DOMINANCE > docs)) continue;
    // A department or a Treasury written bare is the United States' own (the analyzer names it so; the
    // Foreign Office Britain's): it joins another country's only when that one is the more documented
    // (Britain's `Department of Trade and Industry`), not when a few stories name, say, Taiwan's
    // `Agriculture Department`.
    if (ownerByStyle(bare.slice(bare.indexOf('\u0000') + 1)) !== null && docs <= size(bare)) continue;
    const total = ranked.reduce((sum, [, d]) => sum + d, 0);
    const name = byId.get(bare)!.name;
    link(
      bare,
      top,
      'short form',
      docs,
      `${name} is ${byId.get(top)!.name} in ${docs} of the ${total} documents that say whose ${name} it is`,
    );
  }

  // 2. Short forms. Evidence by the short key, for the names it may stand for (grouped by their root).
  const fullBySurname = new Map<string, string[]>();
  const orgByPrefix = new Map<string, string[]>();
  for (const i of sorted) {
    const n = byId.get(i)!;
    if (n.type === 'PERSON' && wordCount(n.key) >= 2 && !links.has(i)) {
      const s = lastWord(n.key);
      const list = fullBySurname.get(s);
      if (list) list.push(i);
      else fullBySurname.set(s, [i]);
    }
    if (n.type === 'ORG' && wordCount(n.key) >= 2 && n.key.length >= 3 && !links.has(i)) {
      const p = n.key.slice(0, 3);
      const list = orgByPrefix.get(p);
      if (list) list.push(i);
      else orgByPrefix.set(p, [i]);
    }
  }
  // The first words of people's full names: given names, in this corpus.
  const givenNames = new Set<string>();
  for (const list of fullBySurname.values()) for (const i of list) givenNames.add(byId.get(i)!.key.split(' ')[0]);
  // The titles each person's name is written with, by document (`president` → documents). Read once
  // per name: `Reagan` and `President Reagan` ask for the same full names' titles.
  const titles = new Map<string, Map<string, Set<number>>>();
  const titlesOf = (key: string): Map<string, Set<number>> => {
    const known = titles.get(key);
    if (known) return known;
    const out = new Map<string, Set<number>>();
    titles.set(key, out);
    for (const e of source.ofShort(key)) {
      if (e.kind !== 'title' || e.type !== 'PERSON') continue;
      const docs = out.get(e.long) ?? new Set<number>();
      docs.add(e.doc);
      out.set(e.long, docs);
    }
    return out;
  };
  /**
   * A surname written alone under a title that only one of the full names ending in it is written
   * under too (`President Reagan` in 80 documents, `President Ronald Reagan` in 3, `Michael Reagan`
   * never a president): those documents are evidence for that full name, as a reader takes them.
   */
  const titledAsOne = (i: string, surname: string): Map<string, { docs: Set<number>; pattern: string }> => {
    const out = new Map<string, { docs: Set<number>; pattern: string }>();
    const own = titlesOf(byId.get(i)!.key);
    if (own.size === 0) return out;
    const owners = new Map<string, Set<string>>(); // title → roots written under it
    const written = new Map<string, string>(); // root and title → an example
    for (const full of fullBySurname.get(surname) ?? []) {
      const r = root(full);
      if (r === root(i)) continue;
      for (const title of titlesOf(byId.get(full)!.key).keys()) {
        const set = owners.get(title) ?? new Set<string>();
        set.add(r);
        owners.set(title, set);
        written.set(`${r}\u0001${title}`, byId.get(full)!.name);
      }
    }
    for (const [title, docs] of own) {
      const roots = owners.get(title);
      if (roots?.size !== 1) continue;
      const [r] = roots;
      const t = out.get(r) ?? { docs: new Set<number>(), pattern: '' };
      for (const d of docs) t.docs.add(d);
      if (t.pattern === '')
        t.pattern = `${title} ${byId.get(i)!.name}, as ${title} ${written.get(`${r}\u0001${title}`)}`;
      out.set(r, t);
    }
    return out;
  };
  const docLinks: DocLink[] = [];
  const ambiguous: { short: string; candidates: Candidate[] }[] = [];

  for (const i of sorted) {
    const n = byId.get(i)!;
    if (links.has(i) || fixed.has(i)) continue;
    const shortKey = n.type === 'PERSON' ? stripTitles(n.key) : n.key;
    const multiWord = wordCount(shortKey) >= 2;
    // A person's name of two words may still be a surname of two (`Bra Kanon`), by evidence alone.
    if (n.type === 'PERSON' && wordCount(shortKey) > 2) continue;
    const acronym = (n.type === 'ORG' || n.type === 'PLACE') && isAcronym(n.name.replace(/\s/g, '')) && !multiWord;
    // A place stands for another only as its initials (`HK`); people and organisations have short forms.
    if (n.type !== 'PERSON' && n.type !== 'ORG' && !(n.type === 'PLACE' && acronym)) continue;
    const candidates = new Map<string, Candidate>();
    const candidate = (r: string): Candidate => {
      let c = candidates.get(r);
      if (!c)
        candidates.set(r, (c = { root: r, docs: new Set(), kinds: new Set(), pattern: '', titled: '', score: 0 }));
      return c;
    };
    // A given name alone stands for a person only where many documents use it so (`Elian`, 24
    // documents of the dev corpus); a few say nothing (`Paul` for Paul Volcker once, and for others).
    const givenDocs = new Map<string, Set<number>>();
    const givenName = n.type === 'PERSON' && !multiWord;
    for (const key of new Set([n.key, shortKey])) {
      for (const e of source.ofShort(key)) {
        if (e.type !== '*' && e.type !== n.type) continue;
        if (e.kind === 'title') continue;
        const longId = id(n.type, e.long);
        if (!byId.has(longId)) continue;
        if (e.kind === 'given name') {
          const r = root(longId);
          if (!givenName || r === root(i)) continue;
          const docs = givenDocs.get(r) ?? new Set<number>();
          docs.add(e.doc);
          givenDocs.set(r, docs);
          continue;
        }
        // `Reuters` … `Reuters Holdings Plc`, `Federal Reserve` … `Federal Reserve Board`: a short
        // form the corpus uses more than the full name stands on its own.
        if (e.kind === 'second reference' && size(longId) < size(i)) continue;
        const r = root(longId);
        if (r === root(i)) continue;
        const c = candidate(r);
        if (!c.docs.has(e.doc)) c.score += e.kind === 'paren' ? 2 : 1;
        else if (e.kind === 'paren' && !c.kinds.has('paren')) c.score += 1;
        c.docs.add(e.doc);
        if (!c.kinds.has(e.kind) && (e.kind === 'paren' || c.pattern === '')) c.pattern = e.pattern;
        c.kinds.add(e.kind);
      }
    }
    for (const [r, docs] of givenDocs) {
      if (docs.size < GIVEN_NAME_DOCS) continue;
      const c = candidate(r);
      for (const d of docs) if (!c.docs.has(d)) c.score++;
      for (const d of docs) c.docs.add(d);
      if (!c.kinds.has('given name') && c.pattern === '') c.pattern = `${n.name} → ${byId.get(r)!.name}`;
      c.kinds.add('given name');
    }
    if (n.type === 'PERSON') {
      for (const full of fullBySurname.get(shortKey) ?? []) {
        const r = root(full);
        if (r !== root(i)) candidate(r).kinds.add('structure');
      }
      if (!multiWord) {
        for (const [r, t] of titledAsOne(i, shortKey)) {
          const c = candidate(r);
          for (const d of t.docs) if (!c.docs.has(d)) c.score++;
          for (const d of t.docs) c.docs.add(d);
          if (c.titled === '') c.titled = t.pattern;
          c.kinds.add('title');
        }
      }
    } else if (!acronym && !multiWord && n.key.length >= 3 && size(i) >= 3) {
      // A clipped word (`Fed` of `Federal Reserve`): only by the documents that use both.
      for (const long of orgByPrefix.get(n.key.slice(0, 3)) ?? []) {
        const first = byId.get(long)!.key.split(' ')[0];
        if (first === n.key || !first.startsWith(n.key)) continue;
        const r = root(long);
        if (r === root(i)) continue;
        const together = intersectCount(n.docs, byId.get(long)!.docs);
        if (together === 0) continue;
        const c = candidate(r);
        c.kinds.add('together');
        c.score = Math.max(c.score, together);
      }
    }
    // A clipped word's candidates nest (`Federal Reserve`, `Federal Reserve Board`): the shortest stands for them.
    const together = [...candidates.values()].filter(onlyBeside);
    for (const c of together) {
      const key = c.root.slice(c.root.indexOf('\u0000') + 1);
      const outer = together.find((o) => o !== c && key.startsWith(`${o.root.slice(o.root.indexOf('\u0000') + 1)} `));
      if (outer) {
        outer.score += c.score;
        candidates.delete(c.root);
      }
    }
    const ranked = [...candidates.values()].sort(
      (a, b) => b.score - a.score || size(b.root) - size(a.root) || (a.root < b.root ? -1 : 1),
    );
    if (ranked.length === 0) continue;
    const [top, second] = ranked;
    const describe = (c: Candidate): string => {
      const ex = [...c.docs].sort((a, b) => a - b).slice(0, 3);
      const kinds = [...c.kinds];
      const why: string[] = [];
      if (kinds.includes('paren')) why.push(`written "${c.pattern}"`);
      if (
        kinds.includes('document') ||
        kinds.includes('initials') ||
        kinds.includes('second reference') ||
        kinds.includes('given name')
      )
        why.push(`documents that use both give ${n.name} to ${byId.get(c.root)!.name}`);
      if (kinds.includes('together')) why.push(`${byId.get(c.root)!.name} is named in ${c.score} of its documents`);
      if (kinds.includes('title')) why.push(`the same title: ${c.titled}`);
      return `${why.join('; ')} (${c.docs.size || c.score} document${(c.docs.size || c.score) === 1 ? '' : 's'}${ex.length ? `, e.g. ${ex.join(', ')}` : ''})`;
    };
    const rule: Rule = acronym ? 'acronym' : n.type === 'PERSON' ? 'surname' : 'short form';
    const credible = (c: Candidate | undefined) => c !== undefined && c.score >= MIN_EVIDENCE;
    const clipped = onlyBeside(top);
    // A clipped word must be named beside its full name in most of its own documents.
    const clipOk = !clipped || top.score * 2 >= size(i);
    // A rival from one document (`Carmaker General Motors`, `Athough Reagan`: a mis-cut name) weighs
    // half as much as a credible one: it is more likely noise than a second meaning. Not so for a
    // surname that opens other people's names too (`Ward` of a lawyer, `Ward` the first name of an
    // economist): what a rival of one document shows there may be a second person.
    const shared = n.type === 'PERSON' && givenNames.has(shortKey);
    // Between full names a clipped word is only seen beside, the rival's count says how often a
    // related body is named in the same stories (`Fed` beside `Federal Open Market Committee` in 8
    // of its 44, beside `Federal Reserve` in 37): twice that is the clipped word's own full name.
    const onlyTogether = clipped && second !== undefined && onlyBeside(second);
    const dominance = onlyTogether ? CLIPPED_DOMINANCE : credible(second) || shared ? DOMINANCE : DOMINANCE / 2;
    // A surname that one full name of the corpus alone ends in (`Clinton`, Bill Clinton, in a corpus
    // of 216 stories): one document that uses both is evidence enough. Not a word that opens other
    // people's names (`David` of `Michael David`) or that running text writes in lower case (`Good`),
    // nor for a name opening on such a word (`An Ifo`, `Down Corning`: a sentence's words).
    const owners = new Set((fullBySurname.get(shortKey) ?? []).map(root));
    const soleOwner =
      n.type === 'PERSON' &&
      !multiWord &&
      !second &&
      top.kinds.has('document') &&
      owners.size === 1 &&
      owners.has(top.root) &&
      !givenNames.has(shortKey) &&
      !commonWord(shortKey) &&
      !commonWord(byId.get(top.root)!.key.split(' ')[0]);
    if (
      (credible(top) || (soleOwner && top.score >= 1)) &&
      clipOk &&
      (!second || second.score * dominance <= top.score)
    ) {
      link(
        i,
        top.root,
        rule,
        top.score,
        describe(top),
        [...top.docs].sort((a, b) => a - b),
      );
      continue;
    }
    // Context decides only between names the documents give the short form to (`Baker` in a
    // document about James Baker's or Howard Baker's affairs): a clipped word's candidates are only
    // named beside it (`Fed` with `Federal Open Market Committee`, in the stories about the Fed), and
    // the same company of names would then send `Fed` to the committee in the Fed's own stories.
    const named = ranked.filter((c) => credible(c) && !onlyBeside(c));
    if (credible(top) && credible(second) && named.length >= 2) ambiguous.push({ short: i, candidates: named });
    // What a person would want to check: ranked by the evidence behind it.
    for (const c of ranked.slice(0, 3)) {
      const target = byId.get(c.root)!;
      const reason =
        c.score === 0
          ? n.type === 'PERSON'
            ? 'one is the surname of the other'
            : 'one name is a short form of the other'
          : credible(second) && c.score >= MIN_EVIDENCE
            ? `ambiguous: ${ranked
                .filter(credible)
                .slice(0, 3)
                .map((x) => `${byId.get(x.root)!.name} (${x.score})`)
                .join(' or ')}; ${describe(c)}`
            : `${rule === 'acronym' ? 'acronym' : rule}: ${describe(c)}`;
      suspects.push({
        type: n.type,
        a: n.name,
        b: target.name,
        aKey: n.key,
        bKey: target.key,
        score: c.score * 10 + Math.min(size(i), size(c.root)) / 1000,
        reason,
      });
    }
  }

  // Per-document context for names two full names both claim.
  if (ambiguous.length > 0) for (const link of decideByContext(byId, ambiguous, root)) docLinks.push(link);

  // Names one letter apart that were not joined (short names, or a single word): for a person to judge.
  addNearMisses(byId, sorted, root, suspects);

  const resolved: Link[] = [];
  for (const [from, l] of links) {
    const r = root(from);
    if (r === from) continue; // a cycle broke: leave it alone
    resolved.push({ ...l, to: r.slice(r.indexOf('\u0000') + 1) });
  }
  resolved.sort((a, b) => (a.type + a.from < b.type + b.from ? -1 : 1));
  suspects.sort((a, b) => b.score - a.score || (a.a < b.a ? -1 : a.a > b.a ? 1 : a.b < b.b ? -1 : 1));
  return { links: resolved, docLinks, suspects };
}

function intersectCount(a: number[], b: number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/**
 * Each document that only has the short form goes to the full name whose usual company it keeps:
 * a naive Bayes over the other names in the document, against the names in the documents of each
 * full name (its whole family). Only a clear margin decides.
 */
function decideByContext(
  byId: Map<string, NameStat>,
  ambiguous: { short: string; candidates: Candidate[] }[],
  root: (i: string) => string,
): DocLink[] {
  // Documents → the roots of the names they hold, only for the documents involved.
  const members = new Map<string, string[]>();
  for (const i of byId.keys()) {
    const r = root(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  }
  const wanted = new Set<number>();
  for (const a of ambiguous) {
    for (const d of byId.get(a.short)!.docs) wanted.add(d);
    for (const c of a.candidates)
      for (const m of members.get(c.root) ?? []) for (const d of byId.get(m)!.docs) wanted.add(d);
  }
  const docNames = new Map<number, string[]>();
  for (const [i, n] of byId) {
    const r = root(i);
    for (const d of n.docs) {
      if (!wanted.has(d)) continue;
      const list = docNames.get(d);
      if (list) list.push(r);
      else docNames.set(d, [r]);
    }
  }
  const out: DocLink[] = [];
  for (const a of ambiguous) {
    const short = byId.get(a.short)!;
    const exclude = new Set([root(a.short), ...a.candidates.map((c) => c.root)]);
    const profiles = a.candidates.map((c) => {
      const docs = new Set<number>();
      for (const m of members.get(c.root) ?? []) for (const d of byId.get(m)!.docs) docs.add(d);
      for (const d of short.docs) docs.delete(d);
      const counts = new Map<string, number>();
      for (const d of docs) for (const r of new Set(docNames.get(d) ?? [])) counts.set(r, (counts.get(r) ?? 0) + 1);
      return { c, docs: docs.size, counts };
    });
    for (const d of short.docs) {
      // Documents where the short form already went to a full name by the analyzer are not its own.
      const features = [...new Set(docNames.get(d) ?? [])].filter((r) => !exclude.has(r));
      if (features.length === 0) continue;
      const scored = profiles
        .map((p) => {
          let s = Math.log(p.docs + 1);
          let shared = 0;
          for (const f of features) {
            const c = p.counts.get(f) ?? 0;
            if (c > 0) shared++;
            s += Math.log((c + 0.5) / (p.docs + 1));
          }
          return { p, s, shared };
        })
        .sort((x, y) => y.s - x.s);
      const [best, next] = scored;
      if (best.shared === 0 || best.s - next.s < CONTEXT_MARGIN) continue;
      const target = best.p.c.root;
      const shared = features
        .filter((f) => best.p.counts.has(f))
        .sort((x, y) => best.p.counts.get(y)! - best.p.counts.get(x)!);
      const names = shared.slice(0, 3).map((f) => byId.get(f)?.name ?? f.slice(f.indexOf('\u0000') + 1));
      out.push({
        type: short.type,
        from: short.key,
        to: target.slice(target.indexOf('\u0000') + 1),
        doc: d,
        rule: 'context',
        score: Math.round((best.s - next.s) * 10) / 10,
        detail: `document ${d} also names ${names.join(', ')}, as documents about ${byId.get(target)!.name} do`,
        docs: [d],
      });
    }
  }
  return out;
}

/** The share of the documents naming anyone of a surname in full that makes the name that person's. */
const SURNAME_HELD = 0.75;

/**
 * `Jim Wright` and `James Wright` (a familiar given name and the one it is short for) are one person
 * when the corpus shows it: a document names both, or both carry one title (`Speaker`), or the two
 * are most of the corpus's documents naming anyone of that surname in full (SURNAME_HELD).
 * Otherwise each given name keeps to itself: `Jim Miller` of a growers' association is not budget
 * director James Miller.
 */
function splitUnprovenGivenNames(
  families: Map<string, string[]>,
  byId: Map<string, NameStat>,
  sorted: readonly string[],
): void {
  const given = (key: string) => stripTitles(key).split(' ')[0];
  // The families that write one person's given name two ways, with the surname they share.
  const candidates: { fam: string; members: string[]; groups: string[][]; surname: string }[] = [];
  for (const [fam, members] of families) {
    if (!fam.startsWith('PERSON\u0000')) continue;
    // (A given name written as its initial is no second way of writing it: the initial joined the
    // one full name it can be, see fullNameOf.)
    const full = members.filter((m) => {
      const bare = stripTitles(byId.get(m)!.key);
      return bare.includes(' ') && !INITIAL_AND_SURNAME.test(bare);
    });
    const groups = new Map<string, string[]>();
    for (const m of full) {
      const g = given(byId.get(m)!.key);
      groups.set(g, [...(groups.get(g) ?? []), m]);
    }
    if (groups.size < 2) continue;
    const surname = stripTitles(byId.get(full[0])!.key).split(' ').pop()!;
    candidates.push({ fam, members, groups: [...groups.values()], surname });
  }
  if (candidates.length === 0) return;
  // The documents naming anyone of those surnames in full (only those: at a million articles every
  // surname's documents would be a large set to hold).
  const bySurname = new Map(candidates.map((c) => [c.surname, new Set<number>()]));
  for (const i of sorted) {
    const n = byId.get(i)!;
    const words = stripTitles(n.key).split(' ');
    if (n.type !== 'PERSON' || words.length < 2) continue;
    const set = bySurname.get(words[words.length - 1]);
    if (set) for (const d of n.docs) set.add(d);
  }
  const docsOf = (list: string[]) => new Set(list.flatMap((m) => byId.get(m)!.docs));
  const titlesOf = (list: string[]) =>
    new Set(
      list.flatMap((m) => {
        const key = byId.get(m)!.key;
        const bare = stripTitles(key);
        return bare === key ? [] : [key.slice(0, key.length - bare.length).trim()];
      }),
    );
  for (const { fam, members, groups, surname } of candidates) {
    if (docsOf(groups.flat()).size >= SURNAME_HELD * bySurname.get(surname)!.size) continue;
    const [first, ...rest] = groups;
    const firstDocs = docsOf(first);
    const firstTitles = titlesOf(first);
    const proven = rest.every(
      (g) => [...docsOf(g)].some((d) => firstDocs.has(d)) || [...titlesOf(g)].some((t) => firstTitles.has(t)),
    );
    if (proven) continue;
    families.delete(fam);
    for (const m of members) {
      const own = `${fam}\u0000${given(byId.get(m)!.key)}`;
      families.set(own, [...(families.get(own) ?? []), m]);
    }
  }
}

/** Short names one edit apart (`Gaddafi` / `Gadafi`) and one name under two types: suggestions only. */
function addNearMisses(
  byId: Map<string, NameStat>,
  sorted: string[],
  root: (i: string) => string,
  suspects: Suspect[],
): void {
  const blocks = new Map<string, string[]>();
  const byKey = new Map<string, string[]>();
  for (const i of sorted) {
    const n = byId.get(i)!;
    const list = byKey.get(n.key);
    if (list) list.push(i);
    else byKey.set(n.key, [i]);
    if (n.key.length < 6) continue;
    const b = `${n.type}\u0000${n.key.slice(0, 3)}`;
    const l = blocks.get(b);
    if (l) l.push(i);
    else blocks.set(b, [i]);
  }
  for (const list of blocks.values()) {
    if (list.length > 300) continue;
    list.sort((p, q) => byId.get(p)!.key.length - byId.get(q)!.key.length || (p < q ? -1 : 1));
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = [byId.get(list[x])!, byId.get(list[y])!];
        if (b.key.length - a.key.length > 1) break;
        if (!withinOneEdit(a.key, b.key) || root(list[x]) === root(list[y])) continue;
        const [small, big] = a.docs.length <= b.docs.length ? [a, b] : [b, a];
        suspects.push({
          type: a.type,
          a: small.name,
          b: big.name,
          aKey: small.key,
          bKey: big.key,
          score: 5 + Math.min(a.docs.length, b.docs.length) / 1000,
          reason: 'names one letter apart',
        });
      }
    }
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const ns = list.map((i) => byId.get(i)!).sort((a, b) => b.docs.length - a.docs.length);
    const [big, ...rest] = ns;
    for (const small of rest) {
      suspects.push({
        type: `${small.type}/${big.type}`,
        a: small.name,
        b: big.name,
        aKey: small.key,
        bKey: big.key,
        score: Math.min(1, small.docs.length / 1000),
        reason: `same name as ${small.type} (${small.docs.length} documents) and ${big.type} (${big.docs.length})`,
      });
    }
  }
}
