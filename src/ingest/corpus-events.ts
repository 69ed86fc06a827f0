import type { Store } from '../store/db.js';
import { documentChanges, eventsBuiltAt, setEventsBuiltAt } from '../store/counts.js';
import {
  countryEntityId,
  documentDateline,
  documentFacts,
  documentsWithoutStatements,
  inReadTransaction,
  inTransaction,
  markUndatedDocuments,
  orderedStatements,
  placeLookups,
  entityAliases,
  entityTypeAndName,
  leadStatements,
  replaceCorpusEventsFrom,
  replaceStatements,
  reportDocuments,
  reportsPerDay,
  sentenceTexts,
  statementReports,
  writtenForms,
  type CorpusEventInput,
} from '../store/events.js';
import { centralMember, findStories, namedIn, readableHeadline, storyEvent, writtenWords } from './story-bursts.js';
import { addDays, daysBetween } from '../core/days.js';
import { acronymAliases, headlineName, mayGoByAcronym, personTitleName } from '../core/headline-name.js';
import { leadStatementOf, lightHeadTerms, statementsOf, tellingAt, textTerms } from '../nlp/statements.js';
import { EVENT_NOUN_TABLE } from '../nlp/event-nouns.js';
import { clusterStatementStream } from './cluster-events.js';
import { datelinePlace } from '../nlp/dates/publication.js';
import { countryOfPlace } from '../nlp/gazetteer.js';
import { isCommonWord } from '../nlp/ner/lexicon.js';

/**
 * Bump when statements are read or clustered differently: every document's statements are then read
 * again, and the events of a database ingested before are rebuilt by its next ingest.
 */
export const STATEMENTS_VERSION = '171';

export interface EventsUpdate {
  /** Documents whose statements were (re)read. */
  documents: number;
  statements: number;
  events: number;
  seconds: number;
}

/**
 * Verbs and the kind of happening their event nouns name: `agreed in Paris` and `the Paris accord`,
 * `met on Friday` and `the meeting`, `Barnett Slepian was shot` and `the shooting`. Not `kill`: the
 * deaths of twin bombings in two cities would join them into one.
 */
export const VERB_GROUPS: ReadonlyMap<string, string> = new Map([
  ['agree', 'accord'],
  ['sign', 'accord'],
  ['ratify', 'accord'],
  ['meet', 'meet'],
  ['visit', 'travel'],
  ['attack', 'violence'],
  ['bomb', 'violence'],
  ['shoot', 'violence'],
  ['elect', 'election'],
  ['erupt', 'disaster'],
]);

/**
 * The country entity a document's dateline is in (`MANILA` → the Philippines; `BONN` in 1987 → West
 * Germany), from its dateline field or a dateline written in its body; null when the corpus has no
 * such country entity. Asked only for elections nothing else places, so looked up one document at a
 * time and remembered.
 */
function datelineCountries(db: Store, countryOf: CountryOfPlace): (docId: number) => number | null {
  const byDoc = new Map<number, number | null>();
  return (docId) => {
    if (byDoc.has(docId)) return byDoc.get(docId)!;
    const doc = documentDateline(db, docId);
    const place = doc ? datelinePlace(doc.head, doc.dateline) : null;
    const id = place ? countryOf(place, doc!.date) : null;
    byDoc.set(docId, id);
    return id;
  };
}

/**
 * The country entity a city or region entity was in on a day (see countryOfPlace: Moscow in 1987 is
 * the Soviet Union's), memoized; null if none is known.
 */
function localityCountries(db: Store, countryOf: CountryOfPlace): (id: number, day: string) => number | null {
  const memo = new Map<string, number | null>();
  return (id, day) => {
    const key = `${id}|${day}`;
    if (!memo.has(key)) {
      const place = entityTypeAndName(db, id);
      memo.set(key, place ? countryOf(place.name, day) : null);
    }
    return memo.get(key)!;
  };
}

/** The country entity a named place was in on a date (YYYY-MM-DD, or null), or null. */
type CountryOfPlace = (place: string, date: string | null) => number | null;

/** countryOfPlace, then the corpus's entity of that country (looked up once per country name). */
function countryEntities(db: Store): CountryOfPlace {
  const byName = new Map<string, number | null>();
  return (place, date) => {
    const country = countryOfPlace(place, date);
    if (country === null) return null;
    if (!byName.has(country)) byName.set(country, countryEntityId(db, country));
    return byName.get(country)!;
  };
}

/** Whether an entity is an organisation, read when asked (rarely: see withSoleActor) and remembered. */
function organisations(db: Store): (id: number) => boolean {
  const known = new Map<number, boolean>();
  return (id) => {
    let org = known.get(id);
    if (org === undefined) known.set(id, (org = entityTypeAndName(db, id)?.type === 'ORG'));
    return org;
  };
}

/**
 * The names statements and events give entities, by id: the canonical name, an organisation's
 * acronym where the corpus mostly writes it (see headlineName), a person's surname (see
 * personTitleName). Counted once per entity, and only for organisations that have an acronym among
 * their aliases.
 */
function titleNames(db: Store): (id: number) => string {
  const names = new Map<number, string>();
  const nameOf = (id: number): string => {
    const e = entityTypeAndName(db, id);
    if (!e) return `#${id}`;
    if (e.type === 'PERSON') return personTitleName(e.name, entityAliases(db, id), (word) => isCommonWord(word));
    const acronyms = mayGoByAcronym(e.type, e.name) ? acronymAliases(e.name, entityAliases(db, id)) : [];
    return acronyms.length ? headlineName(e.name, acronyms, writtenForms(db, id)) : e.name;
  };
  return (id) => {
    let name = names.get(id);
    if (name === undefined) names.set(id, (name = nameOf(id)));
    return name;
  };
}

/**
 * Bring the corpus-level events up to date after an ingest: read the dated statements of documents
 * that are new or re-analyzed (deleted documents take theirs with them), then cluster all
 * statements again. Clustering everything keeps the result independent of the order documents
 * came in: a statement's weight is its terms' rarity in the whole corpus, so each new statement
 * moves every score a little, and only a full pass gives what one ingest of everything gives. The
 * pass streams the statements from SQLite and holds only the clusters later statements can still
 * reach (cluster-events.ts), so its memory follows the busiest weeks, not the corpus; reading only
 * the documents without current statements keeps the rest proportional to what is new.
 */
export function updateCorpusEvents(db: Store, options: { changed: boolean }): EventsUpdate | null {
  const transaction = <T>(work: () => T): T => inTransaction(db, work);
  const started = performance.now();
  transaction(() => markUndatedDocuments(db, STATEMENTS_VERSION));
  const todo = documentsWithoutStatements(db, STATEMENTS_VERSION);
  // Behind the documents though this ingest changed nothing: an earlier one stopped (kill -9) after
  // committing its documents and before this step, or another wrote while it ran.
  const changes = documentChanges(db);
  if (todo.length === 0 && !options.changed && eventsBuiltAt(db) === changes) return null;
  const names = titleNames(db);
  transaction(() => {
    for (const id of todo) {
      const facts = documentFacts(db, id);
      if (!facts) continue;
      const telling = tellingAt(facts);
      const lead = leadStatementOf(facts, telling);
      replaceStatements(db, id, [...statementsOf(facts, names, telling), ...(lead ? [lead] : [])], STATEMENTS_VERSION);
    }
  });
  const placeKnown = new Set(EVENT_NOUN_TABLE.filter((n) => n.takes === 'place').map((n) => n.lemma));
  const nounGroups = new Map(EVENT_NOUN_TABLE.filter((n) => n.group).map((n) => [n.lemma, n.group!]));
  // The statements are read twice (see clusterStatementStream), in one snapshot of the database.
  let statements = 0;
  const pass = (first: boolean) => {
    statements = 0;
    return (function* () {
      for (const s of orderedStatements(db, { documents: !first })) {
        statements++;
        yield s;
      }
    })();
  };
  const countryOf = countryEntities(db);
  const clustering = {
    placeKnown,
    reporting: new Set(EVENT_NOUN_TABLE.filter((n) => n.reporting).map((n) => n.lemma)),
    nounGroups,
    verbGroups: VERB_GROUPS,
    ...placeLookups(db),
    isOrganisation: organisations(db),
    lightHeads: lightHeadTerms(),
    datelineCountry: datelineCountries(db, countryOf),
    localityCountry: localityCountries(db, countryOf),
    verbNouns: new Map([
      ['agree', 'accord'],
      ['meet', 'meeting'],
      ['visit', 'visit'],
      ['attack', 'attack'],
      ['bomb', 'bombing'],
      ['elect', 'election'],
      ['erupt', 'eruption'],
    ]),
  };
  const events = replaceCorpusEventsFrom(db, (add) =>
    inReadTransaction(db, () => {
      // The events of each day (those of a day or a span of up to a week), for stories to be checked against.
      const told = new Map<string, ToldEvent[]>();
      clusterStatementStream(pass, names, clustering, (e) => {
        if (e.kind === 'event' && daysBetween(e.date.start, e.date.end) <= 7) {
          const event = { entityIds: new Set(e.entities.map((x) => x.entityId)), statementIds: e.statementIds };
          for (let day = e.date.start; day <= e.date.end; day = addDays(day, 1)) {
            const list = told.get(day);
            if (list) list.push(event);
            else told.set(day, [event]);
          }
        }
        add(e);
      });
      for (const story of storyEvents(db, told, names)) add(story);
    }),
  );
  transaction(() => setEventsBuiltAt(db, changes));
  return {
    documents: todo.length,
    statements,
    events,
    seconds: (performance.now() - started) / 1000,
  };
}

/** An event the clustering made of dated statements, as a story is checked against it. */
interface ToldEvent {
  entityIds: ReadonlySet<number>;
  statementIds: number[];
  /** Its reports, read when a story is first checked against it. */
  reports?: Set<string>;
}

/** Days before a story's first report in which an event that reports of it date is the same happening. */
const TOLD_BEFORE_DAYS = 3;
/** Share of a story's reports that an event of its days must hold to be the same happening. */
const TOLD_SHARE = 0.4;

/**
 * The stories of the corpus (story-bursts.ts) that no event of dated statements already tells, as
 * events: `Texaco files for bankruptcy` (April 12 1987) holds eight of the eleven reports of April 13
 * leading with Texaco and Pennzoil, so that story adds nothing; Volcker's resignation, which no
 * report dates, is its own. Named by the headline of the report that stands for the rest.
 */
function storyEvents(
  db: Store,
  told: ReadonlyMap<string, ToldEvent[]>,
  names: (id: number) => string,
): CorpusEventInput[] {
  const out: CorpusEventInput[] = [];
  for (const story of findStories(leadStatements(db), reportsPerDay(db))) {
    const reports = new Set(story.members.map((m) => m.report));
    const near = new Set<ToldEvent>();
    for (let back = TOLD_BEFORE_DAYS; back >= 0; back--)
      for (const e of told.get(addDays(story.day, -back)) ?? []) near.add(e);
    const tellsIt = [...near].some((e) => {
      // The same happening names one of the story's names.
      if (!story.entityIds.some((id) => e.entityIds.has(id))) return false;
      e.reports ??= statementReports(db, e.statementIds);
      let shared = 0;
      for (const r of reports) if (e.reports.has(r)) shared++;
      return shared >= TOLD_SHARE * reports.size;
    });
    if (tellsIt) continue;
    const documents = reportDocuments(
      db,
      story.members.map((m) => m.docId),
    );
    const headlineTerms = (docId: number): string[] => textTerms(documents.get(docId)?.title?.toLowerCase() ?? '');
    const lead = centralMember(story.members, headlineTerms);
    const title = documents.get(lead.docId)?.title;
    const leads = story.members.map((m) => sentenceTexts(db, m.docId, [m.sentence]).get(m.sentence) ?? '');
    const name = title
      ? readableHeadline(title, writtenWords(leads))
      : story.entityIds
          .slice(0, 2)
          .map((id) => names(id))
          .join(' and ');
    out.push(storyEvent(story, name, lead, namedIn(name, story.members, names)));
  }
  return out;
}
