import { isSlashedForm, LEGAL_SUFFIXES } from '../core/name-forms.js';
import type { Link, NameStat } from './resolve.js';

/** Words after a name that begin another name joined to it (`Boyd Jefferies and Jefferies Group Inc`). */
const JOINERS = new Set(['and', '&', 'of', 'for', 'to', 'with']);

/** Documents that write a name with a legal form: enough on their own to call it a company. */
const LEGAL_FORM_DOCUMENTS = 3;

/**
 * Companies the tagger read as people (`Smith Barney`, `Societe Generale`, `Philips
 * Gloeilampenfabrieken`: two capitalised words, like a person's name). The corpus tells them apart:
 * a name of two words or more typed PERSON is an organisation when some document writes it with a
 * legal form (`Smith Barney Harris Upham and Co`, `Philips Gloeilampenfabrieken NV`; not `Boyd
 * Jefferies and Jefferies Group Inc`, two names joined), and
 *  - the tagger also typed the name itself ORG somewhere, or
 *  - it is written with a legal form in three documents or more, or
 *  - one of its words is a common word (`Kaiser Cement`, `Wang Laboratories`),
 * so that one `Peter Miller Apparel Group Inc` does not make Peter Miller a company. The link goes to
 * the organisation of the same name, else to its form with a legal suffix (the best documented).
 *
 * `isCommonWord` says whether a lower-case word is mostly written in lower case in running text.
 * Names in `fixed` (placed by hand) are left alone.
 */
export function companiesTypedAsPeople(
  names: readonly NameStat[],
  isCommonWord: (word: string) => boolean,
  fixed: ReadonlySet<string> = new Set(),
  isPlace: (name: string) => boolean = () => false,
  /** Whether some document calls the person of this key by the last word alone, as a surname (`McCarthy`). */
  calledBySurname: (key: string) => boolean = () => false,
): Link[] {
  const orgs = new Map<string, NameStat>();
  const orgsByFirstWord = new Map<string, NameStat[]>();
  for (const n of names) {
    if (n.type !== 'ORG') continue;
    orgs.set(n.key, n);
    const first = n.key.split(' ')[0];
    const list = orgsByFirstWord.get(first);
    if (list) list.push(n);
    else orgsByFirstWord.set(first, [n]);
  }
  const givenNames = sharedFirstWords(names);
  const links: Link[] = [];
  for (const n of names) {
    if (n.type !== 'PERSON' || fixed.has(`PERSON\u0000${n.key}`)) continue;
    const words = n.key.split(' ');
    if (words.length < 2) continue;
    // The organisation of the same name, where the tagger read it as one too.
    const same = orgs.get(n.key);
    // A name that ends in a legal form itself is a company's (`Henkel KGaA said`): that organisation.
    if (same && LEGAL_SUFFIXES.has(words[words.length - 1])) {
      links.push({
        type: 'PERSON',
        from: n.key,
        to: n.key,
        toType: 'ORG',
        rule: 'company',
        score: same.docs.length,
        detail: `a company, not a person: it ends in a legal form; also tagged ORG (${same.docs.length} document${same.docs.length === 1 ? '' : 's'})`,
        docs: n.docs.slice(0, 20),
      });
      continue;
    }
    // The name and more words ending in a legal form, one company: a joiner may only lead into the
    // legal form after more of the name (`Smith Barney Harris Upham and Co`), not into a second name
    // (`Corning Glass Works and Hazleton Laboratories Corp`); `Ivan Boesky and Co` is a person's firm.
    const withLegalForm = (orgsByFirstWord.get(words[0]) ?? []).filter((o) => {
      if (!o.key.startsWith(`${n.key} `)) return false;
      const rest = o.key.slice(n.key.length + 1).split(' ');
      // `norsk hydro a s` (`Norsk Hydro A/S`): the slashed form is the whole rest.
      if (isSlashedForm(rest, 0)) return true;
      const last = rest.length - 1;
      return LEGAL_SUFFIXES.has(rest[last]) && rest.every((w, i) => !JOINERS.has(w) || (i === last - 1 && i > 0));
    });
    const common = words.filter((w) => w.length >= 3 && isCommonWord(w));
    if (withLegalForm.length === 0) {
      const link = sameCompany(n, same, words, common, givenNames);
      if (link && !calledBySurname(n.key)) links.push(link);
      continue;
    }
    const legalDocs = [...new Set(withLegalForm.flatMap((o) => o.docs))].sort((a, b) => a - b);
    const documents = legalDocs.length;
    if (!same && documents < LEGAL_FORM_DOCUMENTS && common.length === 0) continue;
    // The organisation itself, else its form that adds the fewest words (`Kaiser Cement Corp`, not
    // a subsidiary's `… International Europe Ltd`), then the best documented.
    const byDocs = [...withLegalForm].sort((a, b) => b.docs.length - a.docs.length || (a.key < b.key ? -1 : 1));
    const target = same ?? [...byDocs].sort((a, b) => a.key.length - b.key.length)[0];
    const shown = byDocs.slice(0, 2).map((o) => `"${o.name}"`);
    const why = same
      ? `also tagged ORG (${same.docs.length} document${same.docs.length === 1 ? '' : 's'})`
      : common.length
        ? `"${common[0]}" is a common word`
        : `${documents} documents`;
    links.push({
      type: 'PERSON',
      from: n.key,
      to: target.key,
      toType: 'ORG',
      rule: 'company',
      score: documents,
      detail: `a company, not a person: written ${shown.join(', ')}; ${why}`,
      docs: legalDocs.slice(0, 20),
    });
  }
  const companies = new Set(links.map((l) => l.from));
  const plainWord = (n: NameStat) => isCommonWord(n.key) || isPlace(n.name);
  return [...links, ...oneWordCompanies(names, orgs, companies, fixed, plainWord)];
}

/**
 * The first words of several people's names of two words or more (`christopher`, `charles`): given
 * names, which a company's name of the same words seldom opens with.
 */
function sharedFirstWords(names: readonly NameStat[]): Set<string> {
  const count = new Map<string, number>();
  for (const n of names) {
    if (n.type !== 'PERSON') continue;
    const words = n.key.split(' ');
    if (words.length >= 2) count.set(words[0], (count.get(words[0]) ?? 0) + 1);
  }
  return new Set([...count].filter(([, c]) => c >= 3).map(([w]) => w));
}

/**
 * A "person" the tagger also typed an organisation under the very same name, with a common word in it
 * (`Credit Lyonnais said`: the bank, an organisation in 15 Reuters documents), is that organisation
 * when the organisation's documents are at least as many (two or more), its first word is no given
 * name several people's names open with (`Christopher Bond`, an organisation in one document) and no
 * document calls it by its last word alone, as one does a person (`Ward McCarthy` … `McCarthy said`;
 * a company goes by its first: `Credit`).
 */
function sameCompany(
  n: NameStat,
  same: NameStat | undefined,
  words: readonly string[],
  /** Its common words (see companiesTypedAsPeople). */
  commonWords: readonly string[],
  givenNames: ReadonlySet<string>,
): Link | null {
  if (!same || same.docs.length < Math.max(2, n.docs.length) || givenNames.has(words[0])) return null;
  const [common] = commonWords;
  if (common === undefined) return null;
  return {
    type: 'PERSON',
    from: n.key,
    to: same.key,
    toType: 'ORG',
    rule: 'company',
    score: same.docs.length,
    detail: `a company, not a person: also tagged ORG (${same.docs.length} documents, PERSON in ${n.docs.length}); "${common}" is a common word`,
    docs: n.docs.slice(0, 20),
  };
}

/**
 * A one-word "person" the tagger typed an organisation in at least half as many documents (`Kodak
 * said`, `Swissair said`; `Conrail` a person in 3 Reuters documents, an organisation in 2, and no
 * person of that name) is that organisation, unless it is a word of some person's name of several words
 * (`Reynolds`, `Miller`: surnames many people share), a common word or a place (`Board`, `Peking`:
 * the tagger's stray names, which no type fits better), or a name fewer than three documents give.
 * `companies`: names of several words already found to be companies, not people.
 */
function oneWordCompanies(
  names: readonly NameStat[],
  orgs: ReadonlyMap<string, NameStat>,
  companies: ReadonlySet<string>,
  fixed: ReadonlySet<string>,
  plainWord: (n: NameStat) => boolean,
): Link[] {
  const personWords = new Set<string>();
  for (const n of names) {
    const words = n.key.split(' ');
    if (n.type === 'PERSON' && words.length >= 2 && !companies.has(n.key)) for (const w of words) personWords.add(w);
  }
  const links: Link[] = [];
  for (const n of names) {
    if (n.type !== 'PERSON' || n.key.includes(' ') || n.key.length < 3 || fixed.has(`PERSON\u0000${n.key}`)) continue;
    const org = orgs.get(n.key);
    if (!org || personWords.has(n.key) || plainWord(n)) continue;
    const documents = new Set([...org.docs, ...n.docs]).size;
    if (org.docs.length * ONE_WORD_RATIO < n.docs.length || documents < ONE_WORD_DOCUMENTS) continue;
    links.push({
      type: 'PERSON',
      from: n.key,
      to: org.key,
      toType: 'ORG',
      rule: 'company',
      score: org.docs.length,
      detail: `an organisation, not a person: tagged ORG in ${org.docs.length} documents, PERSON in ${n.docs.length}; no person's name holds it`,
      docs: org.docs.slice(0, 20),
    });
  }
  return links;
}

/** Documents (either type) a one-word name needs before its typing is read from the corpus. */
const ONE_WORD_DOCUMENTS = 3;
/**
 * A one-word "person" is the organisation when typed so in at least 1/ONE_WORD_RATIO as many
 * documents: no person needs it, and the tagger reads a lone company name as a surname often (Reuters:
 * Conrail, Pechiney, Alusuisse, Daimler as people in 2-3 documents each, as organisations in 1-2).
 */
const ONE_WORD_RATIO = 2;
