import { isAcronym, LEGAL_SUFFIXES } from '../core/name-forms.js';
import type { EvidenceRow } from '../store/resolution.js';
import type { Link, NameStat } from './resolve.js';

/** Documents typing a name one way must be this many times those typing it another before the corpus overrules the tagger. */
const TYPE_DOMINANCE = 4;
/** Documents of the prevailing typing needed at all: fewer are no vote. */
const MIN_PREVAILING = 3;
/**
 * With this many documents of the prevailing typing, three times the other's is enough (`Kansas`
 * a place in 32 documents, an organisation in 9); with fewer, three to one is as often the tagger's
 * noise on both sides (`Coke`, `Whinney` a place in 3 documents, an organisation in 1).
 */
const WELL_ATTESTED = 5;
const ATTESTED_DOMINANCE = 3;

/**
 * Names the tagger typed against the corpus's word: `Texas` an organisation in 37 documents and a
 * place in 179, `VW` a place where 25 documents write it as the company, `Reagan` an organisation
 * (`the Reagan administration`). A name one type gives in at least TYPE_DOMINANCE times the
 * documents of another (and in MIN_PREVAILING or more; three times, from WELL_ATTESTED documents)
 * links there from the other type, `toType`
 * saying which entity it joins; run.ts carries on through the prevailing name's own links, and the
 * names that joined the minority name follow it. Both sides weigh with their entities (the documents
 * of every name joining them): `VW` weighs as Volkswagen AG, and a minority name with a family of
 * its own is an entity in its own right, not a stray reading.
 *
 * The per-document reading keeps the legitimate minority apart before this vote: a document that
 * names `Michael Jordan` keys its `Jordan` to the full name, so the minority name here holds only the
 * documents where the bare word was typed against the majority. Left alone are names already
 * linked (`linked`) or placed by hand (`fixed`), majorities that are themselves ambiguous short
 * forms decided document by document (`ambiguous`: which `Baker` would a third one join?), and
 * known places the tagger mostly read as something else.
 */
export function namesTypedAgainstCorpus(
  names: readonly NameStat[],
  options: {
    linked: ReadonlySet<string>;
    fixed: ReadonlySet<string>;
    ambiguous: ReadonlySet<string>;
    /** Documents naming the entity a name belongs to, by any of its names (each name's own documents summed). */
    entityDocs: (type: string, key: string) => number;
    /** Whether a name is a known place or country (by its written name). */
    isPlace: (name: string) => boolean;
  },
): Link[] {
  const byKey = new Map<string, NameStat[]>();
  for (const n of names) {
    const list = byKey.get(n.key);
    if (list) list.push(n);
    else byKey.set(n.key, [n]);
  }
  const links: Link[] = [];
  for (const [key, typed] of byKey) {
    if (typed.length < 2) continue;
    // Each reading weighs with its entity: `VW` typed ORG in 25 documents is Volkswagen AG, named
    // in more by its other names.
    const weight = new Map(typed.map((n) => [n, Math.max(n.docs.length, options.entityDocs(n.type, key))]));
    const [top, ...rest] = [...typed].sort(
      (a, b) => weight.get(b)! - weight.get(a)! || b.docs.length - a.docs.length || (a.type < b.type ? -1 : 1),
    );
    const prevailing = weight.get(top)!;
    const dominance = top.docs.length >= WELL_ATTESTED ? ATTESTED_DOMINANCE : TYPE_DOMINANCE;
    if (top.docs.length < MIN_PREVAILING || weight.get(rest[0])! * dominance > prevailing) continue;
    if (options.ambiguous.has(`${top.type}\u0000${key}`)) continue;
    // A known place the tagger mostly read as something else (`Nova Scotia` a person, `Western
    // Australia` an organisation) is no vote to follow.
    if (top.type !== 'PLACE' && top.type !== 'COUNTRY' && typed.some((n) => options.isPlace(n.name))) continue;
    for (const n of rest) {
      const self = `${n.type}\u0000${key}`;
      if (options.linked.has(self) || options.fixed.has(self)) continue;
      // A name with a legal form is a company whatever the tagger made of it elsewhere (`Henkel AG`).
      if (top.type === 'PERSON' && key.split(' ').some((w) => LEGAL_SUFFIXES.has(w))) continue;
      links.push({
        type: n.type,
        from: key,
        to: key,
        toType: top.type,
        rule: 'type',
        score: top.docs.length,
        detail: `typed ${top.type} in ${top.docs.length} documents${prevailing > top.docs.length ? ` (its entity named in ${prevailing})` : ''}, ${n.type} in ${n.docs.length}`,
        docs: n.docs.slice(0, 20),
      });
    }
  }
  return links.sort((a, b) => (a.type + a.from < b.type + b.from ? -1 : 1));
}

/**
 * Acronyms the tagger read as a place that the corpus spells out as an organisation: `GATT` a place
 * in the 16 Reuters documents that never write it out (`taking the United States to GATT`), the
 * General Agreement on Tariffs and Trade in the 103 that do. An acronym no gazetteer knows as a
 * place, whose documents spelling it out give one organisation in MIN_PREVAILING or more (and
 * TYPE_DOMINANCE times any other), is that organisation: it links there, `toType` ORG, the long
 * name's own links followed by the caller.
 */
export function acronymsTypedAsPlaces(
  names: readonly NameStat[],
  options: {
    linked: ReadonlySet<string>;
    fixed: ReadonlySet<string>;
    /** Evidence rows by short form (`(GATT)` after its words, documents giving both). */
    ofShort: (short: string) => Iterable<EvidenceRow>;
    isPlace: (name: string) => boolean;
  },
): Link[] {
  const orgs = new Set(names.filter((n) => n.type === 'ORG').map((n) => n.key));
  const links: Link[] = [];
  for (const n of names) {
    if (n.type !== 'PLACE' || !isAcronym(n.name) || options.isPlace(n.name)) continue;
    const self = `${n.type}\u0000${n.key}`;
    if (options.linked.has(self) || options.fixed.has(self)) continue;
    const docsOf = new Map<string, Set<number>>();
    for (const row of options.ofShort(n.key)) {
      if (row.type !== 'ORG' || row.kind === 'second reference' || !orgs.has(row.long)) continue;
      const docs = docsOf.get(row.long) ?? new Set<number>();
      docs.add(row.doc);
      docsOf.set(row.long, docs);
    }
    const [top, second] = [...docsOf].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
    if (!top || top[1].size < MIN_PREVAILING || (second && second[1].size * TYPE_DOMINANCE > top[1].size)) continue;
    links.push({
      type: n.type,
      from: n.key,
      to: top[0],
      toType: 'ORG',
      rule: 'acronym',
      score: top[1].size,
      detail: `an organisation's acronym: ${top[1].size} documents spell it out as ${top[0]}; typed PLACE in ${n.docs.length}`,
      docs: n.docs.slice(0, 20),
    });
  }
  return links;
}
