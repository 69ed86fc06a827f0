/**
 * Corpus-level resolution after an ingest (and after each merge or unmerge): read the evidence of
 * the documents not read yet, decide on the whole corpus's names, rewrite the mentions whose
 * entity changed. One transaction.
 */
import type { Store } from '../store/db.js';
import {
  type ApplyResult,
  unscannedCount,
  applyLinks,
  documentsToScan,
  dropFirstNameAliases,
  entitiesOfDocs,
  evidenceWriter,
  inTransaction,
  type LinkRow,
  loadNames,
  loadOverrides,
  mentionCountOfDocs,
  mentionTotal,
  refreshEntityStats,
  resolutionRulesVersion,
  resolvedMentionTotal,
  saveSuspects,
  setResolutionRulesVersion,
  setResolvedMentionTotal,
  settleNamesAndAliases,
  storedEvidence,
} from '../store/resolution.js';
import { associationsDue, storeAssociations } from '../store/entities.js';
import { documentEvidence, EVIDENCE_VERSION } from './evidence.js';
import { isCommonWord } from '../nlp/ner/lexicon.js';
import { countryByName, countryNameOn, KNOWN_PLACE_POPULATION, placeInfo, renamedCountries } from '../nlp/gazetteer.js';
import { companiesTypedAsPeople } from './company-names.js';
import { acronymsTypedAsPlaces, namesTypedAgainstCorpus } from './type-votes.js';
import { institutionForm } from '../nlp/ner/institutions.js';
import { hasLegalForm, lastWord, stripTitlesWritten } from '../core/name-forms.js';
import { type Link, resolveNames } from './resolve.js';

export interface ResolutionSummary extends ApplyResult {
  scanned: number;
  links: number;
  docLinks: number;
  suspects: number;
  seconds: number;
}

/**
 * Bumped when the rules change which names are one entity, so a database resolved by older rules is
 * resolved again, whole, at its next ingest (what a fresh ingest of its documents would store).
 * 2: names typed against the corpus join the prevailing type (type-votes.ts).
 * 3: a name written in capitals over several words (a dateline's `NEW YORK`) is shown otherwise when
 *    the text writes it otherwise; a city or region by its most written form (not its first, nor a
 *    possessive), as any name but a country.
 * 4: a name with a legal form never joins a place (`New York Inc`).
 * 5: a full middle name goes by its initial where the corpus writes that (`James Charles Kopp`).
 * 6: an acronym for the first words of a name the documents spell it out as (`EC Commission` =
 *    `European Community Commission`).
 * 7: a given name alone is the person five documents or more call by it (`Elian`).
 * 8: an acronym read as a place joins the organisation the corpus spells it out as (`GATT`).
 * 9: a place written only in capitals is shown as the gazetteer writes it (`BONN` → `Bonn`).
 * 10: a given name written as its initial joins the one full name it can be (`B. Yeltsin`).
 * 12: of two people's names in as many documents, the canonical is one whose surname another name
 *    has too (`Mohammad Akram`, as `Wasim Akram`; not its misspelling `Mohammad Akam`).
 * 13: a `Plc` is kept apart from an `Inc` or a `Corp` of the same words (`General Electric Co Plc`).
 * 14: an acronym's initials may keep all legal forms but the last (`GEC`, General Electric Co Plc).
 * 15: a "person" whose name ends in a legal form joins the organisation of that name (`Henkel KGaA`).
 * 16: … and so does one of the very same name with a common word in it, the organisation in as many
 *    documents or more, no document calling it by its last word (`Credit Lyonnais`; not `Ward McCarthy`).
 * 17: a legal form written with a slash is dropped like the others (`Norsk Hydro A/S`).
 * 18: a holding's `Group` is its firm's name unless a common word is left (`USAir Group Inc`).
 * 19: a surname one full name of the corpus alone ends in joins it on one document of evidence.
 * 20: a renamed country is named as its documents' day named it (`Zaire` in 1987).
 * 21: another first letter of a word is another name (`Barnes` / `Karnes`), and a name with a legal
 *    form never joins a person (`Ivan Boesky and Co`).
 * 22: a surname written under a title joins the one full name written under it (`President Reagan`);
 *    a rival of one document weighs half unless the surname is also a given name; one company's name
 *    under two legal forms of one kind needs no document naming both (`Pennzoil Company`); context
 *    decides only between names documents give a short form to (not `Fed` → the FOMC).
 * 23: a clipped word joins the full name it is named beside twice as often as any other (`Fed`).
 */
export const RESOLUTION_RULES_VERSION = 23;

/** A link's (or a name's) type and key, as the sets and maps of the resolution key them. */
const fromKey = (l: { type: string; from: string }): string => `${l.type}\u0000${l.from}`;

/** The entity types of places: what a company's name never becomes. */
const PLACE_TYPES: ReadonlySet<string> = new Set(['PLACE', 'COUNTRY']);

export function resolveCorpus(
  db: Store,
  options: { countDocuments?: boolean; full?: boolean } = {},
): ResolutionSummary {
  const started = performance.now();
  // DEBUG_RESOLUTION=1 prints each step's seconds and the process's RSS and heap after it (MB).
  const debug: string[] | undefined = process.env.DEBUG_RESOLUTION ? [] : undefined;
  let last = started;
  const step = (name: string) => {
    if (!debug) return;
    const now = performance.now();
    const { rss, heapUsed } = process.memoryUsage();
    debug.push(`${name} ${((now - last) / 1000).toFixed(2)} s, rss ${rss >> 20}, heap ${heapUsed >> 20}`);
    last = now;
  };
  return inTransaction(db, () => {
    const write = evidenceWriter(db);
    const scannedDocs: number[] = [];
    for (const doc of documentsToScan(db, EVIDENCE_VERSION)) {
      write(doc.id, doc.version, documentEvidence(doc.body, doc.mentions));
      scannedDocs.push(doc.id);
    }
    const scanned = scannedDocs.length;
    // Settling names, aliases and counts again is needed only where mentions changed: the new
    // documents' and those the rewrite moved. That holds while no stored mention went away since the
    // last resolution (a document removed, changed or analyzed again): then everything is settled.
    const before = resolvedMentionTotal(db);
    const total = mentionTotal(db);
    const incremental =
      !options.full &&
      resolutionRulesVersion(db) === RESOLUTION_RULES_VERSION &&
      before !== undefined &&
      before + mentionCountOfDocs(db, scannedDocs) === total;
    step('scan');
    const names = loadNames(db);
    step('names');
    const overrides = loadOverrides(db);
    const fixed = new Set(overrides.map((o) => `${o.type}\u0000${o.from}`));
    const evidence = storedEvidence(db);
    const resolution = resolveNames(names, evidence, { fixed, isCommonWord });
    const linkedAlready = new Set(resolution.links.map(fromKey));
    const isPlace = (name: string) => placeInfo(name) !== null || countryByName(name) !== null;
    // A person some document calls by the surname alone (`Ward McCarthy` … `McCarthy`).
    const calledBySurname = (key: string) =>
      [...evidence.ofShort(lastWord(key))].some((e) => e.type === 'PERSON' && e.kind === 'document' && e.long === key);
    const companies = companiesTypedAsPeople(names, isCommonWord, fixed, isPlace, calledBySurname).filter(
      (l) => !linkedAlready.has(fromKey(l)),
    );

    // User merges win; automatic links carry on from their targets (a chain ends at a name linked nowhere).
    const nameOf = new Map(names.map((n) => [`${n.type}\u0000${n.key}`, n.name]));
    const auto = new Map(resolution.links.map((l) => [fromKey(l), l]));
    const user = new Map(overrides.map((o) => [`${o.type}\u0000${o.from}`, o]));
    const final = (type: string, key: string): string => {
      const seen = new Set<string>();
      let cur = key;
      for (;;) {
        const k = `${type}\u0000${cur}`;
        if (seen.has(k)) return key;
        seen.add(k);
        const o = user.get(k);
        if (o) {
          if (o.to === cur) return cur;
          cur = o.to;
          continue;
        }
        const a = auto.get(k);
        if (!a) return cur;
        cur = a.to;
      }
    };
    // Documents naming each entity, by any of its names (summed per name).
    const entityDocs = new Map<string, number>();
    for (const n of names) {
      const k = `${n.type}\u0000${final(n.type, n.key)}`;
      entityDocs.set(k, (entityDocs.get(k) ?? 0) + n.docs.length);
    }
    const retyped = namesTypedAgainstCorpus(names, {
      linked: new Set([...linkedAlready, ...companies.map(fromKey)]),
      fixed,
      ambiguous: new Set(resolution.docLinks.map(fromKey)),
      entityDocs: (type, key) => entityDocs.get(`${type}\u0000${final(type, key)}`) ?? 0,
      isPlace,
    });
    const acronymOrgs = acronymsTypedAsPlaces(names, {
      linked: new Set([...linkedAlready, ...[...companies, ...retyped].map(fromKey)]),
      fixed,
      ofShort: (short) => evidence.ofShort(short),
      isPlace,
    });
    step('resolve');
    // A company the tagger read as a person ends its chain in the organisation: `Barney` → `Smith
    // Barney` (PERSON) → `Smith Barney` (ORG) and on through the organisation's own links; a name
    // typed against the corpus (`Texas` as ORG) in the entity of the prevailing type.
    const crossType = new Map<string, Link>([...companies, ...retyped, ...acronymOrgs].map((l) => [fromKey(l), l]));
    // Hop by hop: `Peking` the person is the organisation `Peking`, which is the place.
    const finalOf = (type: string, key: string): { toType?: string; to: string } => {
      let at = { type, to: final(type, key) };
      const seen = new Set<string>();
      for (;;) {
        const k = `${at.type}\u0000${at.to}`;
        const c = crossType.get(k);
        if (!c || seen.has(k)) break;
        seen.add(k);
        at = { type: c.toType!, to: final(c.toType!, c.to) };
      }
      return at.type === type ? { to: at.to } : { toType: at.type, to: at.to };
    };
    const links: LinkRow[] = [];
    for (const o of overrides) {
      const target = finalOf(o.type, o.from);
      if (target.to === o.from && !target.toType) continue;
      links.push({
        type: o.type,
        from: o.from,
        fromName: o.fromName,
        ...target,
        rule: 'user',
        score: 0,
        detail: 'merged by hand',
        docs: [],
      });
    }
    for (const l of [...resolution.links, ...companies, ...retyped, ...acronymOrgs]) {
      const target = finalOf(l.type, l.from);
      if (target.to === l.from && !target.toType) continue;
      // A name with a legal form is a company, never a place or a person: `New York Inc` (the
      // tagger's cut of `Consolidated Edison Co of New York Inc`) joins the organisation `New York`,
      // which the corpus reads as the city, and `Ivan Boesky and Co` the organisation `Ivan Boesky`,
      // which the corpus reads as the man; the company stays an organisation of its own.
      if (target.toType && (PLACE_TYPES.has(target.toType) || target.toType === 'PERSON') && hasLegalForm(l.from))
        continue;
      links.push({ ...l, ...target, fromName: nameOf.get(fromKey(l)) ?? l.from });
    }
    const docLinks = resolution.docLinks.map((l) => ({ ...l, to: final(l.type, l.to) }));
    const applied = applyLinks(db, links, docLinks, options);
    step('apply');
    // Names and aliases as the corpus has them now, whatever order its documents came in.
    const scope = incremental ? [...new Set([...applied.entities, ...entitiesOfDocs(db, scannedDocs)])] : undefined;
    settleNamesAndAliases(
      db,
      scope,
      (type, text) => (type === 'PERSON' ? stripTitlesWritten(text) : text),
      (type, key, text) => (type === 'ORG' ? institutionForm(key, text) : undefined),
      // Only a city of some size or a country: a short acronym typed as a place (`GAO`, `NOLA`) is no
      // town of that name.
      (text) => {
        const place = placeInfo(text);
        return place && (place.population ?? 0) >= KNOWN_PLACE_POPULATION ? place.name : countryByName(text)?.name;
      },
      { renamed: renamedCountries(), on: countryNameOn },
    );
    step('settle');
    dropFirstNameAliases(db, undefined, scope);
    step('firstNames');
    refreshEntityStats(db, scope ? { entities: scope, docs: scannedDocs } : undefined);
    setResolvedMentionTotal(db, total);
    setResolutionRulesVersion(db, RESOLUTION_RULES_VERSION);
    step('stats');
    storeAssociations(db, undefined, { reuse: incremental });
    step('associations');
    // A pair already one entity is no longer a question.
    const rootOf = (type: string, key: string) => final(type.split('/')[0], key);
    saveSuspects(
      db,
      resolution.suspects.filter((s) => {
        if (!s.type.includes('/')) return rootOf(s.type, s.aKey) !== rootOf(s.type, s.bKey);
        // `Smith Barney` as PERSON and ORG: no question once the person is known to be the company
        // (or either name is known to be of the other's type).
        const [aType, bType] = s.type.split('/');
        return !crossType.has(`${aType}\u0000${s.aKey}`) && !crossType.has(`${bType}\u0000${s.bKey}`);
      }),
    );
    const summary: ResolutionSummary = {
      ...applied,
      scanned,
      links: links.length,
      docLinks: docLinks.length,
      suspects: resolution.suspects.length,
      seconds: (performance.now() - started) / 1000,
    };
    step('suspects');
    if (debug) console.error(`resolution (scope: ${scope ? scope.length : 'all'}):\n  ${debug.join('\n  ')}`);
    return summary;
  });
}

/**
 * In a database from before the largest entities' co-occurrences were stored (migration 14), store
 * them once, without a resolution; the seconds it took (0 when nothing was due).
 */
export function storeMissingAssociations(db: Store): number {
  if (!associationsDue(db)) return 0;
  const started = performance.now();
  storeAssociations(db);
  return (performance.now() - started) / 1000;
}

/**
 * Whether some document's evidence has not been read (a database from before resolution existed),
 * or the corpus was last resolved by other rules.
 */
export function resolutionDue(db: Store): boolean {
  return unscannedCount(db, EVIDENCE_VERSION) > 0 || resolutionRulesVersion(db) !== RESOLUTION_RULES_VERSION;
}
