import type { DateSpan } from '../core/timex.js';
import type { CorpusEventInput, StatementRow } from '../store/events.js';
import { addDays, daysBetween } from '../core/days.js';
import { maxOf, minOf } from '../core/extremes.js';
import { compareDocuments, compareReports } from '../core/report-order.js';
import { EventKeys } from '../core/event-keys.js';
import { passiveName, saysWhoActed } from '../nlp/action-verbs.js';
import { eventNoun } from '../nlp/event-nouns.js';

/**
 * Dated statements from every article → events. Two statements are one happening when their dates
 * overlap, they share a participant (subject, country, company…) and they say the same action
 * (`suspend` + `payments`; `n:earthquake`) or enough of the same rare words. Statements are only
 * compared within blocks of (entity, date bucket), so the cost grows with the number of statements,
 * not their pairs. Settled clusters of one day are then compared with each other, since one
 * happening told with different verbs and nouns can make several (see RipeClusters). The statements
 * come in a fixed order and every choice breaks ties by it, so the same corpus always gives the same
 * events, however it was ingested.
 */

/** Entities per statement used as blocking keys (the subject first). */
const MAX_KEYS = 6;
/** Least similarity for a statement to join an event without the same action. */
const TERMS_ONLY = 0.45;
/** Least term similarity for the same action to join (the same verb about other things is another happening). */
const SAME_ACTION_TERMS = 0.12;
/** Kinds of a gathering and of what one agrees (see similarity's coarse rule). */
const GATHERING_KINDS: ReadonlySet<string> = new Set(['n:meet', 'n:conference', 'n:accord', 'n:session']);
/** What a coarser statement adds to the score of a cluster some report dates to the day (see the clustering loop). */
const DAY_EVENT_PREFERENCE = 0.3;

/** Taken off the score of a lone report of an interview or a news conference: below any other lone report. */
const REPORTING_DISCOUNT = 0.5;

/** A lone report of something this many days before it was published recalls background, not news. */
const BACKGROUND_DAYS = 365;

/** Longest span a report may give a happening for it to be dated by the span (see consensusDate). */
const MAX_SITTING_DAYS = 7;

const GRANULARITY_RANK: Record<string, number> = { day: 0, week: 1, range: 1, month: 2, quarter: 3, year: 4 };

interface Cluster {
  index: number;
  members: StatementRow[];
  actions: Map<string, number>;
  terms: Map<string, number>;
  termWeight: number;
  /** Day number of the consensus so far (day-level clusters), for the ±1 day window. */
  reports: Set<string>;
  namedOrNoun: boolean;
  /** Reports per day (day-level statements), and the day most give so far: the window moves with it. */
  dayVotes: Map<string, number>;
  modeDay: string | null;
  /** Object heads of its actions (`paymen` of `suspend:paymen`). */
  heads: Set<string>;
  places: Set<number>;
  /** Its latest day bucket, and the last statement looking in its other buckets: past both, it is done. */
  lastDay: number;
  expires: number;
  /** Statements that joined as a gathering of the body holding it (see heldByOneOf), and all after them: they do not name it. */
  heldOnly?: Set<number>;
}

export interface ClusterOptions {
  /** Distinct reports a cluster of plain statements (no event noun, no name) needs to be an event. */
  minReports?: number;
  /**
   * Event nouns known by their place (earthquake, summit): statements about them are also blocked by
   * the noun itself, since reports name different people and officials around one earthquake.
   */
  placeKnown?: ReadonlySet<string>;
  /** Event nouns of occasions news is told at (`interview`, `news conference`): told by one report alone, ranked last. */
  reporting?: ReadonlySet<string>;
  /** Event noun → its group (`talks`, `meeting` → `meet`; `accord`, `pact` → `accord`): one kind of happening. */
  nounGroups?: ReadonlyMap<string, string>;
  /** Verb → the event-noun group it makes happen (`agree` → `accord`, `meet` → `meet`). */
  verbGroups?: ReadonlyMap<string, string>;
  /** Is the entity a country or place? (An election or earthquake no sentence places happens in the country most reports name.) */
  isPlace?: (id: number) => boolean;
  /** Is the entity a place that is no country (a city, a region)? It says where, never who (`IMF–Paris meeting`). */
  isLocality?: (id: number) => boolean;
  /** Is the entity an organisation? Only one names a gathering it holds (`ICO talks in London`). */
  isOrganisation?: (id: number) => boolean;
  /** Object terms that say little alone (`protec` of `filed for protection`): another object of the same verb names it better. */
  lightHeads?: ReadonlySet<string>;
  /** Verb → the noun of what it makes happen (`agree` → `accord`), to name an action told without its object. */
  verbNouns?: ReadonlyMap<string, string>;
  /** The country entity a document's dateline is in (`MANILA` → the Philippines), for an election no report places. */
  datelineCountry?: (docId: number) => number | null;
  /** The country entity a city or region entity was in on a day, when known (`Chicago` → the United States). */
  localityCountry?: (id: number, day: string) => number | null;
  /** Statements between sweeps for finished clusters (only memory depends on it; tests vary it). */
  sweepEvery?: number;
}

/**
 * The order statements are clustered in: finest dates first, then by day, document (by what it is,
 * not its row id: see compareDocuments), sentence.
 */
export function clusteringOrder(a: StatementRow, b: StatementRow): number {
  return (
    (GRANULARITY_RANK[a.date.granularity] ?? 5) - (GRANULARITY_RANK[b.date.granularity] ?? 5) ||
    a.date.start.localeCompare(b.date.start) ||
    compareDocuments(a, b) ||
    a.sentence - b.sentence ||
    a.id - b.id
  );
}

/** All the events of `statements` at once, in key order, their keys made unique (see EventKeys). */
export function clusterStatements(
  statements: readonly StatementRow[],
  entityName: (id: number) => string,
  options: ClusterOptions = {},
): CorpusEventInput[] {
  const ordered = [...statements].sort(clusteringOrder);
  const events: CorpusEventInput[] = [];
  clusterStatementStream(
    () => ordered,
    entityName,
    options,
    (e) => events.push(e),
  );
  return withUniqueKeys(events);
}

/** Events in key order, each stored under the key EventKeys gives it. */
export function withUniqueKeys(events: CorpusEventInput[]): CorpusEventInput[] {
  events.sort((a, b) => a.key.localeCompare(b.key) || a.keyStatement - b.keyStatement);
  const keys = new EventKeys();
  const stored = events.map((e) => keys.add(e.key, e.keyStatement));
  const renamed = new Map(keys.renames().map((r) => [r.from, r.to]));
  events.forEach((e, i) => (e.key = renamed.get(stored[i]) ?? stored[i]));
  return events;
}

/**
 * The clustering over statements read twice in `clusteringOrder` (store/events.ts streams them from
 * SQLite; the first pass, `pass(true)`, needs no report, source or publication date), holding only the clusters a later statement can still reach. A first pass counts the terms
 * (the weights are corpus-wide) and notes the last statement that looks in each month or value bucket;
 * in the second, a cluster is done once the statements have moved past its days (day buckets are only
 * looked in by statements within a day of them, which come in date order) and past the last statement
 * looking in its other buckets: it is turned into its event then, handed to `emitEvent` (which may
 * write it away: at a million articles the finished events are more than the clusters still open),
 * and its statements are let go. The events are those of clustering everything at once, since a
 * cluster no later statement can reach cannot change; their keys are not yet unique (EventKeys).
 */
export function clusterStatementStream(
  pass: (first: boolean) => Iterable<StatementRow>,
  entityName: (id: number) => string,
  options: ClusterOptions,
  emitEvent: (event: CorpusEventInput) => void,
): void {
  const minReports = options.minReports ?? 2;
  const placeKnown = options.placeKnown ?? new Set<string>();
  const groups = options.nounGroups ?? new Map<string, string>();
  // `n:talks` and `n:meeting` are one kind of action when compared across reports.
  const verbGroups = options.verbGroups ?? new Map<string, string>();
  const kindOf = (action: string) => {
    if (action.startsWith('n:')) return `n:${groups.get(action.slice(2)) ?? action.slice(2)}`;
    const group = verbGroups.get(action.split(':')[0]);
    return group ? `n:${group}` : action;
  };
  const entityKeys = (s: StatementRow): (number | string)[] => {
    const ids: (number | string)[] = (
      s.subjectId !== null ? [s.subjectId, ...s.participantIds.filter((p) => p !== s.subjectId)] : s.participantIds
    ).slice(0, MAX_KEYS);
    if (s.action.startsWith('n:') && placeKnown.has(s.action.slice(2))) ids.push(s.action);
    return ids;
  };
  // First pass: term frequencies, and the last statement looking in each bucket other than a day's
  // (by a 32-bit hash of its key: two keys sharing a hash keep the later position, so a cluster is
  // at worst kept longer, never let go early).
  const isOrganisation = options.isOrganisation ?? (() => false);
  const isPlace = options.isPlace ?? (() => false);
  // A statement placed at what the corpus takes for no place (`at Opec's next meeting`, one mention
  // of OPEC read as a place) is placed nowhere.
  const placed = (s: StatementRow): StatementRow =>
    s.placeId !== null && options.isPlace && !isPlace(s.placeId) ? { ...s, placeId: null } : s;
  const df = new Map<string, number>();
  const lastLookup = new Map<number, number>();
  // Statements naming each entity as their subject or a participant: which of two subjects is the
  // more prominent, told by the whole corpus (not by ids, which follow the order of ingests).
  const actorIn = new Map<number, number>();
  let count = 0;
  for (const read of pass(true)) {
    const s = placed(read);
    for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
    for (const id of new Set(s.subjectId !== null ? [s.subjectId, ...s.participantIds] : s.participantIds))
      actorIn.set(id, (actorIn.get(id) ?? 0) + 1);
    if (s.date.granularity !== 'day')
      for (const key of [
        ...lookupKeys(s, entityKeys),
        ...placeKeys(s, kindOf(s.action), true),
        ...holderKeys(s, kindOf(s.action), isOrganisation),
        ...nearMonthKeys(s, entityKeys),
      ])
        lastLookup.set(keyHash(key), count);
    count++;
  }
  const idf = new Map<string, number>();
  for (const [t, f] of df) idf.set(t, Math.log(1 + (count || 1) / f));
  df.clear();

  const isLocality = options.isLocality ?? (() => false);
  const lightHeads = options.lightHeads ?? new Set<string>();
  const verbNouns = options.verbNouns ?? new Map<string, string>();
  // An election is named after the country or place that holds it (`Japan local election`).
  const polityNamed = new Set(['election', ...[...groups].filter(([, g]) => g === 'election').map(([lemma]) => lemma)]);
  const datelineCountry = options.datelineCountry ?? (() => null);
  const localityCountry = options.localityCountry ?? (() => null);
  const naming = {
    placeKnown,
    reporting: options.reporting ?? new Set<string>(),
    isPlace,
    isLocality,
    isOrganisation,
    lightHeads,
    verbNouns,
    polityNamed,
    datelineCountry,
    localityCountry,
  };
  const emit = (c: Cluster) => {
    emitEvent(toEvent(c, entityName, minReports, naming));
  };
  const nameOf = (f: Settled): string => {
    f.name ??= nameStatements(f.members, entityName, naming).name;
    return f.name;
  };
  // Statements join one cluster at a time, so one happening told with different verbs and nouns
  // (`destroyed a platform`, `the attack`, `struck at a rig`) can end up as several clusters of the
  // same day. Settled clusters are compared with each other (sameHappening) and a group of them is
  // one event; a group is held until no cluster that could still join it is unfinished.
  const ripe = new RipeClusters(
    emit,
    (a, b) => sameHappening(a, b, idf, isPlace, isLocality, nameOf, lightHeads),
    kindOf,
    placeKnown,
    isLocality,
    localityCountry,
    isPlace,
    (id) => actorIn.get(id) ?? 0,
  );
  const finish = (c: Cluster) => {
    if (c.modeDay === null) emit(c);
    else ripe.finished(c);
  };

  let created = 0;
  let active: Cluster[] = [];
  const blocks = new Map<string, Set<Cluster>>();
  /** Day bucket keys by day number, to drop a day's buckets once no statement can look in them. */
  const dayKeys = new Map<number, string[]>();
  let position = 0;
  const register = (c: Cluster, s: StatementRow) => {
    for (const key of [...ownKeys(s, entityKeys), ...placeKeys(s, kindOf(s.action), false)]) {
      const day = dayOfKey(key);
      if (day === null) {
        // A bucket no later statement looks in need not be filed at all.
        const last = lastLookup.get(keyHash(key));
        if (last === undefined || last <= position) continue;
        if (last > c.expires) c.expires = last;
      } else if (day > c.lastDay) {
        c.lastDay = day;
      }
      const set = blocks.get(key);
      if (!set) {
        blocks.set(key, new Set([c]));
        if (day !== null) {
          const list = dayKeys.get(day);
          if (list) list.push(key);
          else dayKeys.set(day, [key]);
        }
      } else set.add(c);
    }
  };
  // Let go of what no statement from `position` on can reach: `day` is the day of the statement at
  // `position` (null once day-level statements are done).
  const sweep = (day: number | null) => {
    const reachableDay = day === null ? Number.POSITIVE_INFINITY : day - 1;
    for (const [d, keys] of dayKeys) {
      if (d >= reachableDay) continue;
      for (const key of keys) blocks.delete(key);
      dayKeys.delete(d);
    }
    const kept: Cluster[] = [];
    const done = new Set<Cluster>();
    for (const c of active) {
      // Past its days, a cluster's day-level statements are all in: it is compared with its neighbours
      // now, though coarser statements (`last month's talks`) may still join it until it expires.
      if (c.lastDay < reachableDay && c.modeDay !== null) ripe.add(c);
      if (c.lastDay < reachableDay && c.expires < position) {
        finish(c);
        done.add(c);
      } else kept.push(c);
    }
    active = kept;
    ripe.release(frontier(day, active, ripe));
    if (done.size === 0) return;
    for (const [key, set] of blocks) {
      if (dayOfKey(key) !== null) continue;
      for (const c of set) if (done.has(c)) set.delete(c);
      if (set.size === 0) blocks.delete(key);
    }
  };
  let sweptAt = 0;
  let lastDay: number | null = null;
  const sweepEvery = options.sweepEvery ?? SWEEP_EVERY;

  for (const read of pass(false)) {
    const s = placed(read);
    const day = s.date.granularity === 'day' ? dayNumber(s.date.start) : null;
    // Sweeping is only about memory: done every few thousand statements, when the day moves on.
    if (position - sweptAt >= sweepEvery && (day === null || day !== lastDay)) {
      sweep(day);
      sweptAt = position;
    }
    lastDay = day;
    const weight = s.terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0) || 1;
    // Where it happened: the sentence's place, else for a happening known by its place (an
    // earthquake, an election) the one place it names (`the earthquake which hit northern Chile`).
    // Several places may be parties (`an accord between Canada, France and Japan`) or a place and a
    // spot in it (`northern Chile` … `the mine at Chuquicamata`): no one venue, but it happened at
    // one of them, so an event placed elsewhere that names none of them is another happening.
    const named = s.placeId === null && s.action.startsWith('n:') && placeKnown.has(s.action.slice(2));
    const places = named ? s.participantIds.filter(isPlace) : [];
    const where = s.placeId !== null ? [s.placeId] : places.length === 1 ? places : [];
    const somewhere = s.placeId !== null ? where : places;
    const candidates = new Set<Cluster>();
    for (const key of lookupKeys(s, entityKeys)) for (const c of blocks.get(key) ?? []) candidates.add(c);
    for (const key of nearMonthKeys(s, entityKeys))
      for (const c of blocks.get(key) ?? []) if (nearMonth(s, c)) candidates.add(c);
    // A gathering told by its month or week, naming the body that holds it only beside its people
    // (`Subroto … at the Opec meeting in June`): found under that body too (see heldBy).
    const holders = day === null ? heldBy(s, kindOf(s.action), isOrganisation) : [];
    const foundByHolder = new Set<Cluster>();
    for (const key of holderKeys(s, kindOf(s.action), isOrganisation))
      for (const c of blocks.get(key) ?? []) if (c.modeDay !== null && !candidates.has(c)) foundByHolder.add(c);
    for (const c of foundByHolder) candidates.add(c);
    // A coarse gathering at a place whose day's event there names who holds it (`Lukman`, chairing
    // OPEC's conference in Vienna): found by the place, as its reports may not take him for a
    // participant. Not someone they never name (`Baker meets ministers` about the talks there).
    // (A gathering its noun names: a verb's place and date may be another clause's, `Dauster is
    // meeting ministers … in the light of the failure of talks in London earlier this month`.)
    // An attack or a disaster a coarse report places (`last month's shooting … in a Buffalo suburb`,
    // naming no one) is found the same way, whoever the day's reports name: one place seldom has two
    // of them in a month, and similarity still asks for the same kind at that place.
    const who = s.subjectId ?? s.participantIds.find((id) => !isPlace(id));
    const heldThere = new Set<Cluster>();
    const kind = kindOf(s.action);
    if (day === null && s.action.startsWith('n:'))
      for (const key of placeKeys(s, kind, true))
        for (const c of blocks.get(key) ?? []) {
          if (c.modeDay === null) continue;
          if (TWIN_KINDS.has(kind)) candidates.add(c);
          else if (who !== undefined && namesAny(c, [who])) heldThere.add(c);
        }
    for (const c of heldThere) candidates.add(c);
    // The one gathering of the span that body holds, or none: the European Community's transport and
    // farm ministers meet in one week, and which one a report means, its body does not say.
    const heldIn =
      holders.length > 0 ? [...candidates].filter((c) => heldByOneOf(s, c, holders, kindOf, localityCountry)) : [];
    const heldOne = heldIn.length === 1 ? heldIn[0] : null;
    let best: Cluster | null = null;
    let bestScore = 0;
    let bestByHolder = false;
    for (const c of candidates) {
      let score = similarity(
        s,
        somewhere,
        weight,
        c,
        idf,
        kindOf,
        isPlace,
        placeKnown,
        polityNamed,
        heldThere.has(c),
        localityCountry,
      );
      if (score > 0 && electionElsewhere(s, where, c, polityNamed, naming)) score = 0;
      const byHolder = score === 0 && c === heldOne;
      if (byHolder) score = HELD_BY_ONE + 0.1 * Math.log1p(c.reports.size);
      // A coarser date that fits a happening some report dates to the day at the same place (`talks
      // in London earlier this month`, the London talks of March 2) is most likely that happening,
      // not the one another coarse report started beside it.
      if (score > 0 && day === null && c.modeDay !== null && somewhere.some((p) => c.places.has(p)))
        score += DAY_EVENT_PREFERENCE;
      if (score > bestScore || (score === bestScore && best && c.index < best.index)) {
        best = c;
        bestScore = score;
        bestByHolder = byHolder;
      }
    }
    if (!best) {
      best = {
        index: created++,
        members: [],
        actions: new Map(),
        terms: new Map(),
        termWeight: 0,
        reports: new Set(),
        namedOrNoun: false,
        dayVotes: new Map(),
        modeDay: null,
        heads: new Set(),
        places: new Set(),
        lastDay: Number.NEGATIVE_INFINITY,
        expires: -1,
      };
      active.push(best);
    }
    best.members.push(s);
    if (bestByHolder || foundByHolder.has(best) || best.heldOnly) (best.heldOnly ??= new Set()).add(s.id);
    best.actions.set(kindOf(s.action), (best.actions.get(kindOf(s.action)) ?? 0) + 1);
    for (const t of s.terms) best.terms.set(t, (best.terms.get(t) ?? 0) + 1);
    best.reports.add(s.report);
    best.namedOrNoun ||= s.named || s.eventNoun;
    const head = s.action.split(':')[1];
    if (head && !s.action.startsWith('n:')) best.heads.add(head);
    for (const p of where) best.places.add(p);
    if (s.date.granularity === 'day') {
      const votes = (best.dayVotes.get(s.date.start) ?? 0) + 1;
      best.dayVotes.set(s.date.start, votes);
      if (!best.modeDay || votes > (best.dayVotes.get(best.modeDay) ?? 0)) best.modeDay = s.date.start;
    }
    register(best, s);
    position++;
  }
  for (const c of active) {
    if (c.modeDay !== null) ripe.add(c);
    finish(c);
  }
  ripe.release(Number.POSITIVE_INFINITY);
}

/** Statements between sweeps for clusters no later statement can reach. */
const SWEEP_EVERY = 2000;

/**
 * The first day a cluster not yet compared can give as its consensus day: statements come in date
 * order, finest dates first, so a cluster's consensus day only moves later while day-level
 * statements join it, and a new one starts on the current statement's day (`day`, null once the
 * day-level statements are done).
 */
function frontier(day: number | null, active: readonly Cluster[], ripe: RipeClusters): number {
  let first = day ?? Number.POSITIVE_INFINITY;
  for (const c of active) if (c.modeDay !== null && !ripe.has(c)) first = Math.min(first, dayNumber(c.modeDay));
  return first;
}

/**
 * A day-level cluster past its days, with what the pairwise test asks of it, read from its
 * day-level statements only: coarser ones may still join it later, and the test must not depend on
 * when it ran.
 */
interface Settled {
  cluster: Cluster;
  day: number;
  members: StatementRow[];
  terms: Map<string, number>;
  /** Kinds of the event nouns each of its documents uses (`talks` and `meeting` are one kind). */
  nounKinds: Map<number, Set<string>>;
  /** Kinds of action (see kindOf). */
  kinds: Set<string>;
  places: Set<number>;
  /** Entities a third of its reports (at least one) name as subject or participant. */
  main: Set<number>;
  /** The subject most of its statements that have one give (half of them at least), else null. */
  subject: number | null;
  /** The name its day-level statements give it, once asked (see nameStatements). */
  name?: string;
  /** Kinds of happening known by their place it tells at one (`n:accord@<Paris>`: an accord or a pact there). */
  knownAt: Set<string>;
  /** Attacks and disasters any of its reports tells at a city or region (`n:violence@<Dar es Salaam>`). */
  toldAt: Set<string>;
  /** knownAt's happenings known at a city, keyed by the city's country (`n:violence@<Kenya>` of Nairobi's). */
  knownIn: Set<string>;
  /** Where its reports say an accord was reached, by its noun or a verb (`agreed in Vienna`): `n:accord@<Vienna>`. */
  agreedAt: Set<string>;
  /** Where its reports hold an election (see electedIn). */
  electedIn: Set<string>;
}

/** What a settled cluster is compared by: its main entities, the place-known happenings it tells at their place, a market's fall. */
function blockingKeys(f: Settled): (number | string)[] {
  // A market's fall is compared with the day's others (see sameHappening), however few names it has;
  // a gathering with the accords reached where it was held.
  const market = f.kinds.has(MARKET_KIND) ? [MARKET_KIND] : [];
  const agreed = isGathering(f) ? [...f.places, ...f.main].map((p) => `${ACCORD_KIND}@${p}`) : [];
  const sitting = f.kinds.has(CONFERENCE_KIND) ? [...f.places, ...f.main].map((p) => `${CONFERENCE_KIND}@${p}`) : [];
  return [
    ...f.main,
    ...new Set([
      ...f.knownAt,
      ...f.toldAt,
      ...f.knownIn,
      ...f.agreedAt,
      ...agreed,
      ...sitting,
      ...namedInArticle(f),
      ...f.electedIn,
    ]),
    ...market,
  ];
}

/**
 * The happenings one article names by a noun, keyed by the article and the noun's kind
 * (`n:ceremony#<doc>`), for the clusters of one article naming one kind of happening twice on one
 * day (see sameHappening). Not meetings: a day of diplomacy holds several talks, and one report
 * tells them all.
 */
function namedInArticle(f: Settled): string[] {
  return [...f.nounKinds].flatMap(([doc, kinds]) =>
    [...kinds].filter((k) => k !== MEETING_KIND && k !== MARKET_KIND).map((k) => `${k}#${doc}`),
  );
}

function isGathering(f: Settled): boolean {
  return f.kinds.has(MEETING_KIND) || f.kinds.has(CONFERENCE_KIND);
}

/**
 * A convention or a conference sits for days: two clusters of one up to CONFERENCE_DAYS apart, told
 * at the same place or with the same person or body at both, are one happening (CoNLL-2003's
 * Democratic convention in Chicago: `Clinton–Sarah Brady convention` on its Monday, `Chicago party
 * convention` on Wednesday, `Clinton convention` on Thursday). Not two places.
 */
function sitsForDays(a: Settled, b: Settled, isPlace: (id: number) => boolean): boolean {
  if (Math.abs(a.day - b.day) > CONFERENCE_DAYS || !a.kinds.has(CONFERENCE_KIND) || !b.kinds.has(CONFERENCE_KIND))
    return false;
  if (toldApartByPlace(a, b)) return false;
  return [...a.places].some((p) => b.places.has(p)) || [...a.main].some((id) => b.main.has(id) && !isPlace(id));
}

/**
 * A gathering whose reports name the place of an accord told the same day or up to CONFERENCE_DAYS
 * after it began (`the Group of Seven met` … in Paris, and the `Paris accord`; OPEC's conference in
 * Vienna from Thursday and the Saturday accord), and who held it (people, bodies, countries; not a
 * city) the accord's reports name too: the accord was reached there. Not the trade talks of two
 * officials the accord's reports never name, nor talks no report says who held, in the same capital.
 */
function heldWhereAgreed(
  gathering: Settled,
  accord: Settled,
  isLocality: (id: number) => boolean,
  isPlace: (id: number) => boolean,
): boolean {
  const later = accord.day - gathering.day;
  if (!isGathering(gathering) || later < 0 || later > CONFERENCE_DAYS) return false;
  // Days later, only a body or a person who held it (`OPEC`), not a country: a country's capital
  // sees several of its meetings and accords in a few days.
  const actors = [...gathering.main].filter((id) => !isLocality(id) && (later === 0 || !isPlace(id)));
  if (actors.length === 0 || !namesAny(accord, actors)) return false;
  for (const key of accord.agreedAt) {
    const id = Number(key.split('@')[1]);
    if (gathering.places.has(id) || gathering.main.has(id)) return true;
  }
  return false;
}

/**
 * Day-level clusters past their days, joined into groups by a pairwise test as they come (only pairs
 * within a day of each other that share a main entity are tested; a gathering and an accord within
 * CONFERENCE_DAYS), and each group handed on as one cluster once its clusters are all finished and
 * every cluster within CONFERENCE_DAYS of it has been compared.
 * Every such pair is tested on the same statements whatever the sweeps were, so the groups are those
 * of testing all at the end.
 */
class RipeClusters {
  private readonly byKey = new Map<string, Settled[]>();
  private readonly all = new Map<Cluster, Settled>();
  private readonly parent = new Map<Settled, Settled>();
  private readonly done = new Set<Cluster>();

  constructor(
    private readonly emit: (c: Cluster) => void,
    private readonly same: (a: Settled, b: Settled) => boolean,
    private readonly kindOf: (action: string) => string,
    private readonly placeKnown: ReadonlySet<string>,
    private readonly isLocality: (id: number) => boolean,
    private readonly localityCountry: (id: number, day: string) => number | null,
    private readonly isPlace: (id: number) => boolean,
    private readonly prominence: (id: number) => number,
  ) {}

  has(cluster: Cluster): boolean {
    return this.all.has(cluster);
  }

  add(cluster: Cluster): void {
    if (this.all.has(cluster)) return;
    const members = cluster.members.filter((m) => m.date.granularity === 'day');
    const terms = new Map<string, number>();
    for (const m of members) for (const t of m.terms) terms.set(t, (terms.get(t) ?? 0) + 1);
    const reports = new Set(members.map((m) => m.report)).size;
    const nounKinds = new Map<number, Set<string>>();
    for (const m of members) {
      if (!m.eventNoun) continue;
      const kinds = nounKinds.get(m.docId) ?? new Set<string>();
      kinds.add(this.kindOf(m.action));
      nounKinds.set(m.docId, kinds);
    }
    const knownAt = this.knownAt(members);
    const f: Settled = {
      cluster,
      day: dayNumber(cluster.modeDay!),
      members,
      terms,
      nounKinds,
      kinds: new Set(members.map((m) => this.kindOf(m.action))),
      places: new Set(members.flatMap((m) => (m.placeId === null ? [] : [m.placeId]))),
      main: mainEntities(members, reports),
      subject: mainSubject(members, this.prominence),
      knownAt,
      toldAt: this.toldAt(members),
      knownIn: this.knownIn(knownAt, cluster.modeDay!),
      agreedAt: this.agreedAt(members),
      electedIn: electedIn(members, this.isPlace),
    };
    this.parent.set(f, f);
    const tested = new Set<Settled>();
    for (const id of blockingKeys(f)) {
      // An accord is looked for over a conference's days; everything else within a day.
      const days =
        String(id).startsWith(`${ACCORD_KIND}@`) || String(id).startsWith(`${CONFERENCE_KIND}@`) ? CONFERENCE_DAYS : 1;
      for (let d = f.day - days; d <= f.day + days; d++)
        for (const other of this.byKey.get(`${id}|${d}`) ?? []) {
          if (tested.has(other)) continue;
          tested.add(other);
          if (this.same(f, other)) this.union(f, other);
        }
    }
    for (const id of blockingKeys(f)) {
      const key = `${id}|${f.day}`;
      const list = this.byKey.get(key);
      if (list) list.push(f);
      else this.byKey.set(key, [f]);
    }
    this.all.set(cluster, f);
  }

  /**
   * The kinds of happening known by their place (`n:accord`: an accord, a pact) its statements tell
   * at its main place, the one most of its reports that give a place give (`n:accord@<Paris>`); not
   * a place only some give (one report's `U.S. embassy bombing` in a story of Kenya's).
   */
  private knownAt(members: readonly StatementRow[]): Set<string> {
    const main = mostReportedPlaces(members);
    return new Set(
      members
        .filter((m) => m.placeId !== null && main.has(m.placeId) && m.action.startsWith('n:'))
        .filter((m) => this.placeKnown.has(m.action.slice(2)))
        .map((m) => `${this.kindOf(m.action)}@${m.placeId}`),
    );
  }

  /** Where most of its reports that tell an accord (`the Vienna accord`, `agreed here`) say it was reached. */
  private agreedAt(members: readonly StatementRow[]): Set<string> {
    const places = mostReportedPlaces(members.filter((m) => this.kindOf(m.action) === ACCORD_KIND));
    return new Set([...places].map((p) => `${ACCORD_KIND}@${p}`));
  }

  /** The happenings of `knownAt` known at a city, keyed by the city's country on `day` instead. */
  private knownIn(knownAt: ReadonlySet<string>, day: string): Set<string> {
    const known = new Set<string>();
    for (const key of knownAt) {
      const [kind, place] = key.split('@');
      const country = this.isLocality(Number(place)) ? this.localityCountry(Number(place), day) : null;
      if (country !== null) known.add(`${kind}@${country}`);
    }
    return known;
  }

  /**
   * The attacks and disasters its statements tell at a city or region, whichever report says so:
   * twin attacks (`the bombings of the embassies in Nairobi and Dar es Salaam`) are one happening
   * to most reports, placed by each at either city or at a country.
   */
  private toldAt(members: readonly StatementRow[]): Set<string> {
    const told = new Set<string>();
    for (const m of members) {
      const kind = this.kindOf(m.action);
      if (m.placeId !== null && TWIN_KINDS.has(kind) && this.isLocality(m.placeId)) told.add(`${kind}@${m.placeId}`);
    }
    return told;
  }

  /** A cluster no statement can join any more. */
  finished(cluster: Cluster): void {
    this.done.add(cluster);
  }

  /**
   * Hand on every group whose clusters are all finished and lie before `frontier - CONFERENCE_DAYS`
   * (nothing not yet compared can join it).
   */
  release(frontier: number): void {
    const groups = new Map<Settled, Settled[]>();
    for (const f of this.all.values()) {
      const root = this.find(f);
      const group = groups.get(root);
      if (group) group.push(f);
      else groups.set(root, [f]);
    }
    for (const group of groups.values()) {
      if (maxOf(group.map((f) => f.day)) + CONFERENCE_DAYS >= frontier) continue;
      if (!group.every((f) => this.done.has(f.cluster))) continue;
      for (const f of group) {
        for (const id of blockingKeys(f)) {
          const key = `${id}|${f.day}`;
          const list = this.byKey.get(key)!;
          list.splice(list.indexOf(f), 1);
          if (list.length === 0) this.byKey.delete(key);
        }
        this.all.delete(f.cluster);
        this.done.delete(f.cluster);
        this.parent.delete(f);
      }
      this.emit(group.length === 1 ? group[0].cluster : joined(group.map((f) => f.cluster)));
    }
  }

  private find(f: Settled): Settled {
    let root = f;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(f, root);
    return root;
  }

  private union(a: Settled, b: Settled): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    // The earlier cluster stays the root, so the same pairs give the same groups in any order.
    if (ra !== rb) ra.cluster.index < rb.cluster.index ? this.parent.set(rb, ra) : this.parent.set(ra, rb);
  }
}

/** Clusters of one happening as one: their statements in clustering order, the rest recounted by toEvent. */
function joined(group: Cluster[]): Cluster {
  const sorted = [...group].sort((a, b) => a.index - b.index);
  const members = sorted.flatMap((c) => c.members).sort(clusteringOrder);
  const first = sorted[0];
  return {
    ...first,
    members,
    reports: new Set(members.map((m) => m.report)),
    namedOrNoun: sorted.some((c) => c.namedOrNoun),
    heldOnly: new Set(sorted.flatMap((c) => [...(c.heldOnly ?? [])])),
  };
}

/** Kinds of happening that strike two places at once and are told as one (see RipeClusters.toldAt). */
const TWIN_KINDS: ReadonlySet<string> = new Set(['n:violence', 'n:disaster']);

/** The kind of every meeting, talks and session (the `meet` group of event nouns and verbs). */
const MEETING_KIND = 'n:meet';
/** A market's fall (nlp/event-nouns.ts: `crash`, `collapse`, `record drop`). */
const MARKET_KIND = 'n:market';
const ACCORD_KIND = 'n:accord';
/** Acts only a person does (see eventName): no country or body is named as who did them. */
const PERSONAL_VERBS: ReadonlySet<string> = new Set(['die', 'resign', 'quit']);
/** Days a conference may sit before the accord it reaches (OPEC's in Vienna: Thursday to Saturday). */
const CONFERENCE_DAYS = 3;
const CONFERENCE_KIND = 'n:conference';
/** The kind of a visit, a trip or a tour. */
const TRAVEL_KIND = 'n:travel';

/** Least cosine of two clusters' weighted terms for them to be one happening told two ways. */
const SAME_HAPPENING_TERMS = 0.25;
/** … and when neither shares the other's kind of action. */
const SAME_HAPPENING_TERMS_ONLY = 0.75;

/**
 * Two finished clusters within a day of each other are one happening when they agree on the place,
 * share a main participant (one a third of each's reports name), no article tells them apart (two
 * different event nouns in one article), and their words agree: the same kind of action named
 * alike or with similar terms, or very similar terms.
 */
function sameHappening(
  a: Settled,
  b: Settled,
  idf: ReadonlyMap<string, number>,
  isPlace: (id: number) => boolean,
  isLocality: (id: number) => boolean,
  nameOf: (f: Settled) => string,
  lightHeads: ReadonlySet<string>,
): boolean {
  // A gathering and the accord reached where it was held, that day or as it ended, are one
  // happening, though their articles name them with two nouns (see toldApart).
  if (heldWhereAgreed(a, b, isLocality, isPlace) || heldWhereAgreed(b, a, isLocality, isPlace)) return true;
  if (sitsForDays(a, b, isPlace)) return true;
  if (Math.abs(a.day - b.day) > 1) return false;
  // A market's crash or record fall told the same day is one happening, wherever each report has it
  // fall (`stock market collapse`, `record drop on Wall Street`, `Manila record drop`): markets fall
  // together, and their day's reports tell it as one.
  if (a.day === b.day && a.kinds.has(MARKET_KIND) && b.kinds.has(MARKET_KIND)) return true;
  // A happening known by its place told at that place by both (`the Paris accord` of reports naming
  // Baker and Poehl, and of those naming the six nations): one happening, whoever else they name.
  if ([...a.knownAt].some((k) => b.knownAt.has(k))) return true;
  // … or told at a city by one and at its country by the other (`Nairobi bombing`, `Kenya bombing`);
  // not at two cities of one country.
  if ([...a.knownIn].some((k) => b.knownAt.has(k)) || [...b.knownIn].some((k) => a.knownAt.has(k))) return true;
  // An attack or a disaster told at one city by both, whichever place most reports of each give
  // (`Dar es Salaam bombing`, and the `Kenya bombing` some of whose reports tell it at Dar es Salaam):
  // one happening, unless their subjects differ.
  if (a.day === b.day && [...a.toldAt].some((k) => b.toldAt.has(k)) && subjectsAgree(a, b)) return true;
  // One article naming one kind of happening twice the same day names one happening, whoever each
  // sentence has take part (`a ceremony in Independence` for the three foreign ministers, `the
  // ceremony` resonating with Truman), unless the two are told at two places.
  if (a.day === b.day && !toldApartByPlace(a, b)) {
    const inB = new Set(namedInArticle(b));
    if (namedInArticle(a).some((k) => inB.has(k))) return true;
  }
  // A polity holds one election a day: two clusters of the day electing in the same country
  // (`Bosnia's September 14 elections`, and the day's municipal polls of the reports naming the OSCE
  // envoy) are one happening, whoever else their reports name.
  if (a.day === b.day && !toldApartByPlace(a, b) && [...a.electedIn].some((k) => b.electedIn.has(k))) return true;
  const shared = [...b.main].filter((id) => a.main.has(id)).length;
  if (shared === 0) return false;
  // Two places (`in Frankfurt`, `in West Germany`) are two happenings unless one names the other's
  // place, or the two share two main participants (the same people met once that day).
  if (shared < 2 && toldApartByPlace(a, b)) return false;
  const sharedKinds = [...a.kinds].filter((k) => b.kinds.has(k));
  // One kind of happening a noun names (a bombing, an earthquake), the same day, to the same two
  // countries or people: one happening, whatever else each report says around it (`the Aug. 7
  // bombings at American embassies in Kenya and Tanzania` in a story of travel warnings), and whoever
  // each takes for its subject (`Britain backs U.S. strike on Iran oil platform` read the attack as
  // Iran's). Not when an article tells them apart.
  const nounKind = sharedKinds.some((k) => k.startsWith('n:') && k !== MEETING_KIND);
  if (shared >= 2 && nounKind && !toldApart(a, b)) return true;
  // `Washington meetings` of two reports the same day, at the same place, each naming the United
  // States beside it: one gathering named alike where it was, though two countries hold several
  // talks a day.
  if (
    a.day === b.day &&
    sharedKinds.some((k) => k.startsWith('n:')) &&
    [...a.places].some((p) => b.places.has(p)) &&
    /\p{Lu}/u.test(nameOf(a)) &&
    nameOf(a) === nameOf(b) &&
    !toldApart(a, b)
  )
    return true;
  const sharedActors = [...b.main].filter((id) => a.main.has(id) && !isPlace(id)).length;
  // A visit and the visitor's talks on one day (`Nakasone visit to Washington`, `Nakasone–Reagan
  // talks`): the talks are what the visit was for, one happening. Talks the visitor holds, whoever
  // their reports take for subject (most often the host); or talks with someone the visit's reports
  // name too, the two agreeing on who did it. Not when an article tells them apart.
  const visitAndTalks =
    (a.kinds.has(TRAVEL_KIND) && b.kinds.has(MEETING_KIND)) || (b.kinds.has(TRAVEL_KIND) && a.kinds.has(MEETING_KIND));
  if (
    visitAndTalks &&
    !toldApart(a, b) &&
    (visitorTalks(a, b) || visitorTalks(b, a) || (sharedActors >= 1 && subjectsAgree(a, b)))
  )
    return true;
  // `Greece buys` and `Syria buys` wheat the same day are two happenings: two subjects make one
  // happening only when each takes part in the other's (`Baker met Stoltenberg`, `Stoltenberg met Baker`).
  if (!subjectsAgree(a, b)) return false;
  // `people killed in Kenya` and the `Kenya bombing` of that day: harm no report says who did is the
  // toll of the attack or the disaster the other tells at the same place.
  const toll = (isToll(a) && tellsTwinKind(b)) || (isToll(b) && tellsTwinKind(a));
  if (toll && a.day === b.day && [...a.places].some((p) => b.places.has(p))) return true;
  if (toldApart(a, b)) return false;
  // Two of the same people or organisations meeting on one day met once (`Miyazawa talks`,
  // `Miyazawa–Baker hour-long meeting`), whatever other words each report uses. (Not countries:
  // two countries hold several talks a day.)
  if (sharedActors >= 2 && a.kinds.has(MEETING_KIND) && b.kinds.has(MEETING_KIND)) return true;
  const sharedKind = sharedKinds.length > 0;
  // Named alike, with someone who is no country or place in both (`Lawson meetings` of April 7 and
  // 8; `OPEC accord` and `OPEC accord in Vienna`, one name and where): one happening told in other
  // words. Not a name that says no one (`talks (unnamed)`) or nothing done (`United States ends`: a
  // verb without its object), and not two countries' name alone (they hold several talks a day, and a
  // name made of the two says nothing more).
  if (sharedActors >= 1 && sharedKinds.some((k) => !k.endsWith(':'))) {
    const name = nameOf(a);
    if (/\p{Lu}/u.test(name) && !name.endsWith('(unnamed)') && namedAlike(name, nameOf(b))) return true;
    // One company or person doing the same thing to the same object a day apart (`Texaco filed for
    // bankruptcy`, dated Saturday by a report's other date, and Sunday's filing): one deed. Not a
    // country: it buys wheat on two days.
    const doer = a.subject !== null && a.subject === b.subject && !isPlace(a.subject);
    if (doer && sharedKinds.some((k) => !k.startsWith('n:') && !k.endsWith(':') && !lightHeads.has(k.split(':')[1])))
      return true;
  }
  // `Reagan imposes tariffs` and `United States raises tariffs` the same day, subjects agreeing (see
  // above): one deed to one object told with two verbs that push the same way.
  if (a.subject !== null && b.subject !== null && oneDeedTwoVerbs(a.kinds, b.kinds, lightHeads)) return true;
  const cosine = termCosine(a, b, idf);
  return cosine >= (sharedKind ? SAME_HAPPENING_TERMS : SAME_HAPPENING_TERMS_ONLY);
}

/** Election nouns (not `vote`, which a parliament also holds on a bill; see nlp/event-nouns.ts). */
const ELECTION_ACTIONS: ReadonlySet<string> = new Set(['n:election', 'n:referendum']);

/** Where statements hold an election: the place each election noun is told at, else its first place named (`n:election@<Bosnia>`). */
function electedIn(members: readonly StatementRow[], isPlace: (id: number) => boolean): Set<string> {
  const keys = new Set<string>();
  for (const m of members) {
    if (!ELECTION_ACTIONS.has(m.action)) continue;
    const where = m.placeId ?? m.participantIds.find(isPlace);
    if (where !== undefined) keys.add(`n:election@${where}`);
  }
  return keys;
}

/** Each is told at a place, the two places differ, and neither's reports name the other's. */
function toldApartByPlace(a: Settled, b: Settled): boolean {
  if (a.places.size === 0 || b.places.size === 0 || [...a.places].some((p) => b.places.has(p))) return false;
  return !namesAny(b, [...a.places]) && !namesAny(a, [...b.places]);
}

/** Whether `talks` are a meeting its main participants hold with the one whose visit `visit` is (its subject). */
function visitorTalks(visit: Settled, talks: Settled): boolean {
  return (
    visit.kinds.has(TRAVEL_KIND) &&
    talks.kinds.has(MEETING_KIND) &&
    visit.subject !== null &&
    talks.main.has(visit.subject) &&
    talks.main.size >= 2
  );
}

/** An article that names them with two different event nouns tells them apart (`talks` and `meeting` are one kind: an article calls one meeting both). */
function toldApart(a: Settled, b: Settled): boolean {
  for (const [doc, kinds] of b.nounKinds) {
    const other = a.nounKinds.get(doc);
    if (other && [...kinds].some((k) => !other.has(k))) return true;
  }
  return false;
}

/** One name, or one name and where (`OPEC accord`, `OPEC accord in Vienna`). */
function namedAlike(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === short || long.startsWith(`${short} in `);
}

/** Harm no report of it says who did (`kills scores`, `people killed`). */
function isToll(f: Settled): boolean {
  return f.subject === null && [...f.kinds].every((k) => !k.startsWith('n:') && HARM_VERBS.has(k.split(':')[0]));
}

/** Whether it tells an attack or a disaster by its noun. */
function tellsTwinKind(f: Settled): boolean {
  return [...f.kinds].some((k) => TWIN_KINDS.has(k));
}

/** No two subjects, or each takes part in the other's happening (`Baker met Stoltenberg`, `Stoltenberg met Baker`). */
function subjectsAgree(a: Settled, b: Settled): boolean {
  if (a.subject === null || b.subject === null || a.subject === b.subject) return true;
  return b.main.has(a.subject) && a.main.has(b.subject);
}

/**
 * Verbs that push the same way on what they act on (tariffs raised or imposed, prices cut or
 * lowered): two of one group on one object the same day are one deed. (Action keys: `raise` stands
 * for `increase`, `cut` for `lower`, `suspend` for `halt` too; see action-verbs.ts.)
 */
const SAME_WAY_VERBS: readonly (readonly string[])[] = [
  ['raise', 'boost', 'impose', 'hike'],
  ['cut', 'lift', 'ease', 'suspend', 'freeze', 'end'],
];

/** Whether two clusters' kinds of action name the same telling object with two verbs of one way. */
function oneDeedTwoVerbs(a: ReadonlySet<string>, b: ReadonlySet<string>, lightHeads: ReadonlySet<string>): boolean {
  // An act announced (`to-raise`) is one deed only with another announced.
  const way = (verb: string) => {
    const announced = verb.startsWith('to-');
    const group = SAME_WAY_VERBS.findIndex((g) => g.includes(announced ? verb.slice(3) : verb));
    return group < 0 ? -1 : group + (announced ? SAME_WAY_VERBS.length : 0);
  };
  for (const ka of a) {
    const [va, oa] = ka.split(':');
    if (ka.startsWith('n:') || !oa || lightHeads.has(oa) || way(va) < 0) continue;
    for (const kb of b) {
      const [vb, ob] = kb.split(':');
      if (ob === oa && vb !== va && way(vb) === way(va)) return true;
    }
  }
  return false;
}

/**
 * The subject most of the statements that have one give (half of them at least), else null; of two
 * given as often, the more prominent in the corpus (`Mexico` over its finance minister), then the
 * first given.
 */
function mainSubject(members: readonly StatementRow[], prominence: (id: number) => number): number | null {
  const votes = new Map<number, number>();
  let total = 0;
  for (const m of members) {
    if (m.subjectId === null) continue;
    votes.set(m.subjectId, (votes.get(m.subjectId) ?? 0) + 1);
    total++;
  }
  const [best] = [...votes].sort((x, y) => y[1] - x[1] || prominence(y[0]) - prominence(x[0]));
  return best && best[1] * 2 >= total ? best[0] : null;
}

/** Entities a third of the statements' reports (at least one) name as subject or participant. */
function mainEntities(members: readonly StatementRow[], reports: number): Set<number> {
  const byEntity = new Map<number, Set<string>>();
  for (const m of members)
    for (const id of m.subjectId !== null ? [m.subjectId, ...m.participantIds] : m.participantIds) {
      const set = byEntity.get(id) ?? new Set<string>();
      set.add(m.report);
      byEntity.set(id, set);
    }
  return new Set([...byEntity].filter(([, r]) => r.size * 3 >= reports).map(([id]) => id));
}

/** Cosine of two clusters' term vectors, each term weighted by its rarity and its share of the members. */
function termCosine(a: Settled, b: Settled, idf: ReadonlyMap<string, number>): number {
  const weight = (f: Settled, t: string, n: number) => ((idf.get(t) ?? 0) * n) / f.members.length;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, n] of a.terms) {
    const w = weight(a, t, n);
    na += w * w;
    const m = b.terms.get(t);
    if (m) dot += w * weight(b, t, m);
  }
  for (const [t, n] of b.terms) nb += weight(b, t, n) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** The day number of a day bucket's key (`<entity>|d<n>`), else null (`|v<value>`, `|m<month>|<action>`). */
function dayOfKey(key: string): number | null {
  // The entity part is an id or an event noun (`n:earthquake`): the first bar starts the bucket.
  const bar = key.indexOf('|');
  return key.charCodeAt(bar + 1) === 100 /* d */ ? Number(key.slice(bar + 2)) : null;
}

/** FNV-1a of a bucket key, 32 bits. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function dayNumber(day: string): number {
  return Math.round(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000);
}

/**
 * Buckets a statement is filed under: its day, or its own value for coarser dates; and its month
 * with its action, where a coarser statement of the same action (`last month's suspension`) finds it.
 */
function ownKeys(s: StatementRow, entityKeys: (s: StatementRow) => (number | string)[]): string[] {
  const own = s.date.granularity === 'day' ? `d${dayNumber(s.date.start)}` : `v${s.date.value}`;
  const buckets = [own, `m${s.date.start.slice(0, 7)}|${s.action}`];
  return entityKeys(s).flatMap((e) => buckets.map((b) => `${e}|${b}`));
}

/** Buckets a statement looks in: the days around its own (±1: `Friday` said on Saturday), or its value and month. */
function lookupKeys(s: StatementRow, entityKeys: (s: StatementRow) => (number | string)[]): string[] {
  let buckets: string[];
  if (s.date.granularity === 'day') {
    const d = dayNumber(s.date.start);
    buckets = [`d${d - 1}`, `d${d}`, `d${d + 1}`];
  } else if (s.date.granularity === 'month' || s.date.granularity === 'week' || s.date.granularity === 'range') {
    const months = new Set([s.date.start.slice(0, 7), s.date.end.slice(0, 7)]);
    buckets = [`v${s.date.value}`, ...[...months].map((m) => `m${m}|${s.action}`)];
  } else {
    buckets = [`v${s.date.value}`];
  }
  return entityKeys(s).flatMap((e) => buckets.map((b) => `${e}|${b}`));
}

/** Buckets a month's statement looks in for a happening a few days outside it (see nearMonth): the months around, with its action. */
function nearMonthKeys(s: StatementRow, entityKeys: (s: StatementRow) => (number | string)[]): string[] {
  if (s.date.granularity !== 'month' || s.subjectId === null) return [];
  const months = [
    addDays(s.date.start, -MONTH_SLACK_DAYS).slice(0, 7),
    addDays(s.date.end, MONTH_SLACK_DAYS).slice(0, 7),
  ];
  return entityKeys(s).flatMap((e) => months.map((m) => `${e}|m${m}|${s.action}`));
}

/**
 * Buckets of a gathering, an accord, an attack or a disaster by where it happened and its month: a
 * report dating it only by its week or month (`the ministerial meeting in Vienna this week`, `last
 * month's shooting … in a Buffalo suburb`) finds there the day's event its other reports tell, though
 * they name other people or none (see the clustering loop). `looking`: the months a coarse statement
 * spans; else the statement's own month.
 */
function placeKeys(s: StatementRow, kind: string, looking: boolean): string[] {
  if (s.placeId === null || !(GATHERING_KINDS.has(kind) || TWIN_KINDS.has(kind))) return [];
  const months = looking ? new Set([s.date.start.slice(0, 7), s.date.end.slice(0, 7)]) : [s.date.start.slice(0, 7)];
  return [...months].map((m) => `@${s.placeId}|m${m}|${kind}`);
}

/**
 * The organisations a gathering told by its month or week names (as a participant or beside), one of
 * which may hold it: `Subroto … at the Opec meeting in June` names OPEC only beside its subject.
 */
function heldBy(s: StatementRow, kind: string, isOrganisation: (id: number) => boolean): number[] {
  if (s.date.granularity === 'day' || !s.eventNoun || !GATHERING_KINDS.has(kind)) return [];
  return [...new Set([...s.participantIds, ...s.mentionedIds])].filter(isOrganisation);
}

/** Buckets a coarse gathering looks in under the bodies that may hold it (see heldBy): their months with its action. */
function holderKeys(s: StatementRow, kind: string, isOrganisation: (id: number) => boolean): string[] {
  const months = new Set([s.date.start.slice(0, 7), s.date.end.slice(0, 7)]);
  return heldBy(s, kind, isOrganisation).flatMap((id) => [...months].map((m) => `${id}|m${m}|${s.action}`));
}

/** The share of a statement's term weight (`weight`: the sum of its terms' idf) that a cluster's members share, each term by how many of them have it. */
function sharedTerms(s: StatementRow, weight: number, c: Cluster, idf: ReadonlyMap<string, number>): number {
  let shared = 0;
  const members = c.members.length;
  for (const t of s.terms) {
    const count = c.terms.get(t);
    if (count) shared += (idf.get(t) ?? 0) * Math.min(1, (2 * count) / members);
  }
  return shared / weight;
}

/** What a gathering found by the body holding it scores (see heldByOneOf): as the weaker rules of similarity. */
const HELD_BY_ONE = 0.5;

/**
 * A gathering told by its month or week, naming a body most of a day's gathering's reports name
 * (`Subroto … the Opec meeting in June`, `Lukman … the ministerial meeting in Vienna this week`,
 * of OPEC's June 25 conference, which several reports tell): that body's gathering of the span,
 * whoever else each names (a body rarely holds two of one kind in a month), unless told at another place.
 */
function heldByOneOf(
  s: StatementRow,
  c: Cluster,
  holders: readonly number[],
  kindOf: (a: string) => string,
  countryOf: (id: number, day: string) => number | null,
): boolean {
  // (A day's gathering several reports tell: one report's is too little to know who held it.)
  if (holders.length === 0 || c.modeDay === null || c.reports.size < 2) return false;
  const span: DateSpan = { value: c.modeDay, granularity: 'day', start: c.modeDay, end: c.modeDay };
  return (
    spansMeet(s.date, span) &&
    GATHERING_KINDS.has(kindOf(s.action)) &&
    [...c.actions.keys()].some((a) => GATHERING_KINDS.has(a)) &&
    placesAgree(s, s.placeId === null ? [] : [s.placeId], c, countryOf) &&
    holders.some((id) => 2 * reportsNaming(c, id) > c.reports.size)
  );
}

/** How many of a cluster's reports name an entity, taking part or beside. */
function reportsNaming(c: Cluster, id: number): number {
  return new Set(
    c.members.filter((m) => m.participantIds.includes(id) || m.mentionedIds.includes(id)).map((m) => m.report),
  ).size;
}

function similarity(
  s: StatementRow,
  where: readonly number[],
  weight: number,
  c: Cluster,
  idf: Map<string, number>,
  kindOf: (a: string) => string,
  isPlace: (id: number) => boolean,
  placeKnown: ReadonlySet<string>,
  polityNamed: ReadonlySet<string>,
  /** Found as a day's gathering of its kind at the statement's place, whose reports name who holds it (see placeKeys). */
  heldThere: boolean,
  /** The country a city or region was in on a day (see ClusterOptions.localityCountry). */
  countryOf: (id: number, day: string) => number | null,
): number {
  // Day-level dates meet within a day of the day most reports give (`Friday` said on Saturday);
  // a coarser date meets a finer event inside it (a week with a few days' slack: `last week`).
  const first = c.members[0];
  if (s.date.granularity === 'day' && c.modeDay) {
    if (Math.abs(daysBetween(s.date.start, c.modeDay)) > 1) return 0;
  } else if (
    !spansMeet(
      s.date,
      c.modeDay ? { value: c.modeDay, granularity: 'day', start: c.modeDay, end: c.modeDay } : first.date,
    ) &&
    !nearMonth(s, c)
  ) {
    return 0;
  }
  if (!placesAgree(s, where, c, countryOf)) return 0;
  const coarse = s.date.granularity !== 'day' && first.date.granularity === 'day';
  // A report dating it only by a coarser span, at a place the event's reports do not give, naming
  // none of its people, bodies or places (`a desktop publishing conference in Chicago earlier this
  // month`, of IBM and Adobe, beside the rubber conference of March 20) tells another happening of
  // that kind in that span, whatever words the two share.
  if (coarse && s.placeId !== null && !c.places.has(s.placeId) && !namesAny(c, s.participantIds)) return 0;
  // An election a coarser date places (`general elections in April in Indonesia`) is not one of a day
  // no report placed, unless one of its reports names that place too (`CAIRO - … Monday's general
  // election` is another country's election of that month). Not an accord: where one was reached is
  // more often left unsaid.
  const election = s.action.startsWith('n:') && polityNamed.has(s.action.slice(2));
  if (election && s.date.granularity !== 'day' && c.places.size === 0 && where.length > 0 && !namesAny(c, where))
    return 0;
  // One article naming two events (`talks` and `working group meeting` on one day) tells them apart.
  if (s.eventNoun && c.members.some((m) => m.docId === s.docId && m.eventNoun && m.action !== s.action)) return 0;
  const terms = sharedTerms(s, weight, c, idf);
  const head = s.action.startsWith('n:') ? undefined : s.action.split(':')[1];
  // The same verb whose object the other reports mention too (`filed for protection` … `under the
  // bankruptcy code` / `filed for bankruptcy`) is the same action told differently.
  const verb = s.action.split(':')[0];
  const sameAction =
    (!s.action.endsWith(':') || kindOf(s.action).startsWith('n:')) &&
    ((c.actions.get(kindOf(s.action)) ?? 0) > 0 ||
      (head !== undefined &&
        !s.action.startsWith('named:') &&
        [...c.actions.keys()].some(
          (a) =>
            a.startsWith(`${verb}:`) &&
            a !== `${verb}:` &&
            (s.terms.includes(a.slice(verb.length + 1)) || c.terms.has(head)),
        )));
  // `imposes tariffs` and `raises tariffs` on one day about one country: the same object, likely one happening.
  const sameHead = !sameAction && head !== undefined && head !== '' && c.heads.has(head);
  // Of two events that fit, the one more reports support wins: a late report joins the story, not a stray.
  const size = 0.1 * Math.log1p(c.reports.size);
  // A report dating it only by a week or a month, with someone taking part, that names no one the
  // happening's reports name (`Lukman` of OPEC's pact of December, `Murison` of Nigeria's with the
  // Paris Club; Proxmire's conference with the House next week, OPEC's of June 25), found by the
  // noun alone: of the many a span holds, the same only if their words are. (Not an election, which
  // a country holds whoever its reports name, nor one told at the happening's place: `the Venice
  // summit in June`.)
  if (s.date.granularity !== 'day' && !election && !where.some((p) => c.places.has(p)) && strangers(s, c))
    return terms >= TERMS_ONLY + 0.15 ? terms + size : 0;
  if (sameAction && terms >= SAME_ACTION_TERMS) return 1 + terms + size;
  // A polity holds one election a day (see sameHappening): a report of an election on the event's day
  // in a country where its reports hold theirs (`following the June 11 U.K. general election` in a
  // story on gilts, beside `campaigning in London ahead of the June 11 general election`) is that
  // election, however few of their words it shares.
  const sameElection =
    election &&
    s.date.granularity === 'day' &&
    c.modeDay === s.date.start &&
    where.length > 0 &&
    c.members.some(
      (m) =>
        m.action === s.action &&
        [m.placeId, ...m.participantIds].some(
          (id) => id !== null && isPlace(id) && where.some((p) => p === id || countryOf(id, m.date.start) === p),
        ),
    );
  if (sameElection) return 1 + terms + size;
  // A gathering told by its week at the place and in the days of that day's gathering of its kind,
  // whose reports name who holds it (`Sumita's Washington meeting` of the week the Group of Seven
  // met there): that gathering, however few of its many reports' words it shares. Not by a month:
  // a capital holds several in a month (April 1987's Washington: the Group of Seven on the 8th,
  // U.S.-Japan trade talks on the 10th, Nakasone's visit on the 29th).
  if (heldThere && sameAction && s.date.granularity === 'week') return 1 + terms + size;
  // A happening known by its place (`the Venice summit`), told with a coarser date by its own noun at
  // its place (`the Venice economic summit in June`), is that happening whatever else the sentence says.
  const atItsPlace =
    coarse &&
    s.action.startsWith('n:') &&
    placeKnown.has(s.action.slice(2)) &&
    where.some((p) => c.places.has(p)) &&
    c.members.some((m) => m.action === s.action);
  if (atItsPlace) return 1 + terms + size;
  if (sameHead && terms >= 2 * SAME_ACTION_TERMS) return 0.5 + terms + size;
  // Two event nouns on one day at one place (`the Paris meeting` where `the Paris accord` was
  // reached, a summit and its talks) are one happening told from two sides.
  const samePlaceDay =
    !sameAction &&
    s.eventNoun &&
    c.namedOrNoun &&
    s.placeId !== null &&
    c.places.has(s.placeId) &&
    s.date.granularity === 'day' &&
    c.modeDay === s.date.start;
  if (samePlaceDay && terms >= SAME_ACTION_TERMS) return 0.5 + terms + size;
  // A report that names no one but the event's own participant (`OPEC met`, `the OPEC meeting`)
  // tells the same kind of happening on the same day as the event that participant is in most
  // reports of, whatever other words it uses: there is nothing in it to tell two apart. Not a
  // country or a place: `Thailand meets here` may be any of its meetings that day.
  const only = s.participantIds.length === 1 && !isPlace(s.participantIds[0]) ? s.participantIds[0] : null;
  const onlyParticipant =
    only !== null &&
    sameAction &&
    kindOf(s.action).startsWith('n:') &&
    s.date.granularity === 'day' &&
    c.modeDay === s.date.start &&
    mostReportsName(c, only);
  if (onlyParticipant) return 0.5 + terms + size;
  // Told only by a month or a week, the gathering of that participant and what it agreed are one
  // happening (`the OPEC meeting in December`, `OPEC's December accord`, `the December conference`):
  // a coarse date gives nothing else to tell them apart, and a body rarely holds two in one month.
  // By a month, places beside its noun name where or a market, not who (`after last December's OPEC
  // meeting and Brent traded today` is OPEC's); a week's gatherings at a place are many (see heldThere).
  const actors = s.participantIds.filter((id) => !isPlace(id));
  const holder = s.date.granularity === 'month' && s.eventNoun && actors.length === 1 ? actors[0] : only;
  const onlyCoarse =
    holder !== null &&
    s.date.granularity !== 'day' &&
    c.modeDay === null &&
    first.date.value === s.date.value &&
    GATHERING_KINDS.has(kindOf(s.action)) &&
    [...c.actions.keys()].some((a) => GATHERING_KINDS.has(a)) &&
    mostReportsName(c, holder);
  if (onlyCoarse) return 0.5 + terms + size;
  if (terms >= (coarse ? TERMS_ONLY + 0.15 : TERMS_ONLY)) return terms + size;
  return 0;
}

/**
 * Whether a report of an election holds it in a country none of the event's reports was filed from
 * or names: an election is a country's. The report's country is the one it holds the election in
 * (`Indonesia's elections on April 23`, not the board election a company in Ohio set for April 22),
 * else, naming no country or place at all, the one it was filed from (`the Democrats have been split
 * ever since winning 100 seats in elections in July 1986`, filed from Bangkok, is not Japan's
 * election of that month, told from Tokyo).
 */
function electionElsewhere(
  s: StatementRow,
  where: readonly number[],
  c: Cluster,
  polityNamed: ReadonlySet<string>,
  naming: Pick<NamingOptions, 'isPlace' | 'datelineCountry' | 'localityCountry'>,
): boolean {
  if (!s.action.startsWith('n:') || !polityNamed.has(s.action.slice(2))) return false;
  const countryOf = (id: number, day: string) => naming.localityCountry(id, day) ?? id;
  let own: number[];
  // Where it is held, and the places taking part (`Indonesia, the largest country in South-East
  // Asia, is facing general elections in April`: held in the region, Indonesia's).
  if (where.length > 0) own = [...where, ...s.participantIds.filter(naming.isPlace)];
  // A place it names only beside may be what the story is about (the dollar's country in a report on
  // sterling before Britain's election): no telling which country's.
  else if (s.placeId !== null || s.participantIds.some(naming.isPlace) || s.mentionedIds.some(naming.isPlace))
    return false;
  else {
    const filed = naming.datelineCountry(s.docId);
    if (filed === null) return false;
    own = [filed];
  }
  own = own.map((id) => countryOf(id, s.date.start));
  const countries = new Set<number>();
  for (const m of c.members) {
    const filed = naming.datelineCountry(m.docId);
    if (filed !== null) countries.add(filed);
    for (const id of [m.placeId, ...m.participantIds])
      if (id !== null && naming.isPlace(id)) countries.add(countryOf(id, m.date.start));
  }
  return countries.size > 0 && !own.some((id) => countries.has(id));
}

/** Whether more than half of a cluster's reports name this participant. */
function mostReportsName(c: Cluster, id: number): boolean {
  return 2 * new Set(c.members.filter((m) => m.participantIds.includes(id)).map((m) => m.report)).size > c.reports.size;
}

/**
 * Two different places (`earthquake in Ecuador`, `earthquake in Chile`) are two happenings. `where`:
 * the places the statement may have happened at (see the clustering loop); a statement with none
 * agrees with anything.
 */
function placesAgree(
  s: StatementRow,
  where: readonly number[],
  c: Cluster,
  countryOf: (id: number, day: string) => number | null,
): boolean {
  if (where.length === 0 || c.places.size === 0 || where.some((p) => c.places.has(p))) return true;
  // A city in the country the other says (`campaigning in London ahead of the June 11 general
  // election`, `the June 11 U.K. general election`) agrees with it.
  const places = [...c.places];
  const day = s.date.start;
  if (where.some((p) => places.some((q) => countryOf(q, day) === p || countryOf(p, day) === q))) return true;
  // A place the event's reports name too (`Lago Agrio` in a story about Ecuador's earthquake) agrees,
  // as does one its sentence names beside its own (`bombings at U.S. embassies in Dar es Salaam,
  // Tanzania, and Nairobi, Kenya`: the Kenya bombing of that day).
  if (places.some((p) => s.participantIds.includes(p) || s.mentionedIds.includes(p))) return true;
  return c.members.some((m) => where.some((p) => m.participantIds.includes(p)));
}

/**
 * Whether a statement and a cluster each have someone taking part and name no one in common (taking
 * part in one and named in the other, or in both).
 */
function strangers(s: StatementRow, c: Cluster): boolean {
  const actors = s.subjectId !== null ? [s.subjectId, ...s.participantIds] : s.participantIds;
  if (actors.length === 0 || !c.members.some((m) => m.subjectId !== null || m.participantIds.length > 0)) return false;
  return !(
    namesAny(c, actors) ||
    c.members.some(
      (m) =>
        (m.subjectId !== null && s.mentionedIds.includes(m.subjectId)) ||
        m.participantIds.some((id) => s.mentionedIds.includes(id)),
    )
  );
}

/** Days a month a report gives may miss the day of the happening it retells (see nearMonth). */
const MONTH_SLACK_DAYS = 10;
/** Reports a happening needs for a month a few days off to be taken for a misdating of it (see nearMonth). */
const NEAR_MONTH_REPORTS = 5;

/**
 * A report dating by its month what others date to a day a few days outside it, with the same
 * subject doing the same thing (`Brazil, which suspended interest payments … last month`, said in
 * April of the suspension of February 20): that happening, misdated, not another.
 */
function nearMonth(s: StatementRow, c: Cluster): boolean {
  // (A happening many report: a buyer buys, a country tenders, every few weeks.)
  if (
    s.date.granularity !== 'month' ||
    c.modeDay === null ||
    s.subjectId === null ||
    c.reports.size < NEAR_MONTH_REPORTS
  )
    return false;
  const gap = Math.max(daysBetween(c.modeDay, s.date.start), daysBetween(s.date.end, c.modeDay));
  return (
    gap <= MONTH_SLACK_DAYS &&
    c.members.some((m) => m.date.granularity === 'day' && m.action === s.action && m.subjectId === s.subjectId)
  );
}

/** Whether one of the reports of a cluster (or of a settled one) names one of these entities. */
function namesAny(c: { members: readonly StatementRow[] }, ids: readonly number[]): boolean {
  return c.members.some((m) => ids.some((id) => m.participantIds.includes(id) || m.mentionedIds.includes(id)));
}

function spansMeet(a: DateSpan, b: DateSpan): boolean {
  const slack = a.granularity === 'week' || b.granularity === 'week' ? 6 : 0;
  return daysBetween(a.start, b.end) >= -slack && daysBetween(b.start, a.end) >= -slack;
}

// ---- an event from a cluster ----

/** What naming an event needs besides its statements. */
type NamingOptions = Required<
  Pick<
    ClusterOptions,
    | 'placeKnown'
    | 'reporting'
    | 'isPlace'
    | 'isLocality'
    | 'isOrganisation'
    | 'lightHeads'
    | 'verbNouns'
    | 'datelineCountry'
    | 'localityCountry'
  >
> & {
  polityNamed: ReadonlySet<string>;
};

/** Who and where an event's statements name, and the name that says what happened. */
interface Naming {
  /** Entity id → the reports naming it as subject or participant. */
  byEntity: Map<number, Set<string>>;
  /** Those entities, most reported first. */
  ranked: [number, Set<string>][];
  byReports: (a: [number, Set<string>], b: [number, Set<string>]) => number;
  place: number | null;
  /** Entity id → the reports naming it only beside the happening. */
  beside: Map<number, Set<string>>;
  name: string;
}

function nameStatements(members: StatementRow[], entityName: (id: number) => string, naming: NamingOptions): Naming {
  const { placeKnown, isPlace, isLocality, datelineCountry } = naming;
  const reports = new Set(members.map((m) => m.report));
  // Entities by the reports naming them.
  const byEntity = new Map<number, Set<string>>();
  for (const m of members)
    for (const id of new Set([...(m.subjectId !== null ? [m.subjectId] : []), ...m.participantIds])) {
      const set = byEntity.get(id) ?? new Set();
      set.add(m.report);
      byEntity.set(id, set);
    }
  // The order entities are first named in: participants (each subject first), then those named beside.
  const seen = new Map([...byEntity.keys()].map((id, i) => [id, i]));
  for (const m of members) for (const id of m.mentionedIds) if (!seen.has(id)) seen.set(id, seen.size);
  const byReports = mostReported(seen);
  const ranked = [...byEntity].sort(byReports);
  // No sentence places it: an election or an earthquake is where half the reports' countries say.
  const knownByPlace = members.some((m) => m.action.startsWith('n:') && placeKnown.has(m.action.slice(2)));
  const place =
    supportedPlace(members, reports.size, byReports) ??
    (knownByPlace ? (ranked.find(([id, r]) => isPlace(id) && r.size * 2 >= reports.size)?.[0] ?? null) : null);
  const beside = new Map<number, Set<string>>();
  for (const m of members)
    for (const id of m.mentionedIds) {
      if (byEntity.has(id) || id === place) continue;
      const set = beside.get(id) ?? new Set<string>();
      set.add(m.report);
      beside.set(id, set);
    }
  // Whose election: a country or place a quarter of the reports (or two) name, as a participant or
  // beside it (`Britain's June 11 general election`), a country before a city (Egypt's election was
  // `Cairo general election`, Cairo being where the reports placed it); else where it happened.
  // A place counts every report naming it, as a participant in one and beside it in another.
  const namedIn = new Map([...byEntity].map(([id, r]) => [id, new Set(r)]));
  for (const m of members) for (const id of m.mentionedIds) namedIn.get(id)?.add(m.report);
  const placesNamed = [...namedIn, ...beside]
    .filter(([id, r]) => isPlace(id) && (r.size * 4 >= reports.size || r.size >= 2))
    .sort(byReports)
    .map(([id]) => id);
  // The country half its reports are filed from, if they name it or a city of it (a Brussels
  // dateline on Ireland's election is the EC's city; `Washington` in a story filed from there names
  // the United States, which a story on the White House may never name itself).
  const filedFrom = (): number | null => {
    const byCountry = new Map<number, Set<string>>();
    for (const m of members) {
      const country = datelineCountry(m.docId);
      if (country !== null) byCountry.set(country, (byCountry.get(country) ?? new Set()).add(m.report));
    }
    const [best] = [...byCountry].sort((a, b) => b[1].size - a[1].size);
    if (!best || best[1].size * 2 < reports.size) return null;
    const [country] = best;
    const inIt = (id: number, day: string) =>
      id === country || (isLocality(id) && naming.localityCountry(id, day) === country);
    return members.some((m) => [...m.participantIds, ...m.mentionedIds].some((id) => inIt(id, m.date.start)))
      ? country
      : null;
  };
  // A country only beside it (among what its stories are about: `a U.S. envoy` in a story of
  // Bosnia's elections filed from Sarajevo) says less whose election it is than where the stories
  // were filed from.
  const country = (id: number) => !isLocality(id);
  const election = members.some((m) => m.action.startsWith('n:') && naming.polityNamed.has(m.action.slice(2)));
  const onlyBeside = placesNamed.some((id) => country(id) && !byEntity.has(id));
  const polity =
    (place !== null && !isLocality(place) ? place : null) ??
    placesNamed.filter((id) => byEntity.has(id)).find(country) ??
    (election && onlyBeside ? filedFrom() : null) ??
    placesNamed.find(country) ??
    place ??
    placesNamed[0] ??
    null;
  const told = eventName(
    members,
    ranked.map(([id]) => id),
    place,
    entityName,
    {
      ...naming,
      polity,
      // Asked only of an election nothing else places: the country half its reports are filed from.
      filedFrom,
    },
  );
  const name =
    place !== null ? withSoleActor(told, byEntity, reports.size, place, entityName, naming.isOrganisation) : told;
  return { byEntity, ranked, byReports, place, beside, name };
}

function toEvent(
  c: Cluster,
  entityName: (id: number) => string,
  minReports: number,
  naming: NamingOptions,
): CorpusEventInput {
  const members = c.members;
  const reports = new Set(members.map((m) => m.report));
  const sources = new Set(members.map((m) => m.source ?? m.report));
  const days = new Set(members.map((m) => m.published ?? ''));
  const date = consensusDate(members);
  // Stable across rebuilds while the first report stands: its document and sentence (made unique by
  // the caller). First in document order, which is the same however the corpus was ingested.
  const first = members.reduce((a, b) =>
    compareDocuments(b, a) < 0 || (b.docId === a.docId && b.sentence < a.sentence) ? b : a,
  );
  const key = `${first.docId}.${first.sentence}`;
  const { byEntity, ranked, byReports, place, beside, name: allName } = nameStatements(members, entityName, naming);
  // Not named by the coarse gatherings found by the body holding them (see heldByOneOf) nor by
  // what joined after them: told by a month or a week beside other people, they say less what it
  // was (`OPEC accord in Vienna`, not `OPEC–Iraq meeting`). Unless they are most of what tells it:
  // the first three of the IMF's 17 were about South Korea's currency (`IMF–World Bank meeting`).
  const namers = c.heldOnly?.size ? members.filter((m) => !c.heldOnly!.has(m.id)) : [];
  const name = namers.length * 3 >= members.length ? nameStatements(namers, entityName, naming).name : allName;
  // Participants: the three most named, and any a fifth of the reports (or five) name.
  const others = ranked.filter(([id]) => id !== place);
  const participantIds = new Set(
    others.filter(([, r], i) => i < 3 || r.size * 5 >= reports.size || r.size >= 5).map(([id]) => id),
  );
  // Entities the reports only name beside it are in its scope (not its participants) when a quarter of the reports, or five, do.
  const besideIds = [...beside].filter(([, r]) => r.size * 4 >= reports.size || r.size >= 5).sort(byReports);
  // One report recalling what happened long before it (`set up in 1969`) is background, not news:
  // it stays a dated mention (shown with --mentions or --all), not a digest event.
  const published = members.map((m) => m.published).filter((d): d is string => d !== null);
  const background =
    reports.size < minReports &&
    published.length > 0 &&
    daysBetween(date.span.end, published.sort()[0]) > BACKGROUND_DAYS;
  // A lone report we cannot name by who or where (`news conference`, `talks (unnamed)`) tells a reader
  // nothing on a timeline: it stays a dated mention.
  const nameless = reports.size < minReports && (!/\p{Lu}/u.test(name) || name.endsWith('(unnamed)'));
  const kind: 'event' | 'mention' =
    (c.namedOrNoun || reports.size >= minReports) && !background && !nameless ? 'event' : 'mention';
  // A lone report of an interview or a news conference (`Clark said in a telephone interview
  // Monday`) most often tells where its own news came from: an event (so the gold of the seeds has
  // it), but the first a digest leaves out. Several reports of one (a president's first news
  // conference in months) rank as any other.
  const toldAtOnly =
    reports.size < minReports && members.every((m) => m.eventNoun && naming.reporting.has(m.action.slice(2)));
  return {
    key,
    kind,
    name,
    date: date.span,
    placeId: place,
    documents: reports.size,
    sources: sources.size,
    days: days.size,
    score: reports.size + 0.5 * (sources.size - 1) + 0.25 * (days.size - 1) - (toldAtOnly ? REPORTING_DISCOUNT : 0),
    conflicts: date.conflicts,
    lead: leadStatement(members, date.span.value),
    statementIds: members.map((m) => m.id).sort((a, b) => a - b),
    keyStatement: first.id,
    entities: [
      ...ranked.map(([entityId, r]) => ({
        entityId,
        documents: r.size,
        participant: participantIds.has(entityId) || entityId === place,
      })),
      ...(place !== null && !byEntity.has(place)
        ? [{ entityId: place, documents: reports.size, participant: true }]
        : []),
      ...besideIds.map(([entityId, r]) => ({ entityId, documents: r.size, participant: false })),
    ],
  };
}

/**
 * The statement a digest quotes: one giving the event's own date, from the earliest report (the
 * same order the timeline lists an event's reports in, src/timeline/query.ts).
 */
function leadStatement(members: StatementRow[], date: string): number {
  const quoted = (m: StatementRow) => ({
    onDate: m.date.value === date,
    published: m.published,
    docId: m.docId,
    docOrder: m.docOrder,
    docHash: m.docHash,
    sentence: m.sentence,
  });
  return members.reduce((best, m) => (compareReports(quoted(m), quoted(best)) < 0 ? m : best)).id;
}

/** The date most reports give at the finest granularity any gives; the others are kept as conflicts. */
function consensusDate(members: StatementRow[]): {
  span: DateSpan;
  conflicts: { value: string; documents: number }[];
} {
  const votes = new Map<string, { span: DateSpan; reports: Set<string> }>();
  for (const m of members) {
    const v = votes.get(m.date.value) ?? { span: m.date, reports: new Set<string>() };
    v.reports.add(m.report);
    votes.set(m.date.value, v);
  }
  const finest = minOf(members.map((m) => GRANULARITY_RANK[m.date.granularity] ?? 5));
  const ranked = [...votes.values()].sort(
    (a, b) =>
      Number((GRANULARITY_RANK[a.span.granularity] ?? 5) !== finest) -
        Number((GRANULARITY_RANK[b.span.granularity] ?? 5) !== finest) ||
      b.reports.size - a.reports.size ||
      a.span.start.localeCompare(b.span.start),
  );
  // A happening that sits for days (`the August 26-29 convention`) is dated by the span a report
  // gives, when every day the others give falls inside it: not by whichever of its days most reports
  // wrote from.
  const days = ranked.filter((v) => v.span.granularity === 'day');
  const sitting = ranked.find(
    (v) =>
      v.span.granularity === 'range' &&
      daysBetween(v.span.start, v.span.end) <= MAX_SITTING_DAYS &&
      days.length > 1 &&
      days.every((d) => d.span.start >= v.span.start && d.span.end <= v.span.end),
  );
  const winner = sitting ?? ranked[0];
  // Coarser values that contain the winner agree with it; only other days (or spans outside it) conflict.
  const conflicts = ranked
    .slice(1)
    .filter(
      (v) =>
        v.span.end < winner.span.start ||
        v.span.start > winner.span.end ||
        v.span.granularity === winner.span.granularity,
    )
    .map((v) => ({ value: v.span.value, documents: v.reports.size }));
  return { span: winner.span, conflicts };
}

/** The reports giving each place its statements are said to happen at. */
function reportsByPlace(members: readonly StatementRow[]): Map<number, Set<string>> {
  const byPlace = new Map<number, Set<string>>();
  for (const m of members) {
    if (m.placeId === null) continue;
    const reports = byPlace.get(m.placeId) ?? new Set<string>();
    reports.add(m.report);
    byPlace.set(m.placeId, reports);
  }
  return byPlace;
}

/** The places given by the most reports of any (all of them on a tie; none when no statement gives one). */
function mostReportedPlaces(members: readonly StatementRow[]): Set<number> {
  const byPlace = reportsByPlace(members);
  const most = Math.max(0, ...[...byPlace.values()].map((r) => r.size));
  return new Set([...byPlace].filter(([, r]) => r.size === most).map(([p]) => p));
}

/**
 * The place most reports give, when enough of them give it (two, or all when there is one): a lone
 * report placing a story elsewhere (`Malaysia` among a dozen reports of Japan's local elections) is
 * more likely a stray than the place.
 */
function supportedPlace(
  members: StatementRow[],
  reports: number,
  byReports: (a: [number, Set<string>], b: [number, Set<string>]) => number,
): number | null {
  const best = [...reportsByPlace(members)].sort(byReports)[0];
  if (!best) return null;
  return best[1].size >= Math.min(2, reports) ? best[0] : null;
}

/**
 * Entities (with the reports naming them) in the order an event names them: the most reported
 * first, then as its reports name them (`seen`: the order they first appear in, the subject of each
 * statement before its other participants). Not by id: an entity's id follows the order documents
 * were ingested in, and an event must be named alike however its corpus was ingested (`General
 * Automation–IRS agreement` was `IRS–General Automation agreement` in a database upgraded in place).
 */
function mostReported(seen: ReadonlyMap<number, number>) {
  return (a: [number, Set<string>], b: [number, Set<string>]): number =>
    b[1].size - a[1].size || (seen.get(a[0]) ?? 0) - (seen.get(b[0]) ?? 0) || a[0] - b[0];
}

/** A name that says what happened: a named event, else subject + action + object, never a bare noun. */
function eventName(
  members: StatementRow[],
  entities: number[],
  place: number | null,
  entityName: (id: number) => string,
  options: {
    placeKnown: ReadonlySet<string>;
    isLocality: (id: number) => boolean;
    lightHeads: ReadonlySet<string>;
    verbNouns: ReadonlyMap<string, string>;
    polityNamed?: ReadonlySet<string>;
    polity?: number | null;
    /** The country entity a city or region is in (see ClusterOptions). */
    localityCountry?: (id: number, day: string) => number | null;
    /** The country most of the reports were filed from (their datelines), if half of them were. */
    filedFrom?: () => number | null;
    isPlace?: (id: number) => boolean;
    isOrganisation?: (id: number) => boolean;
  },
): string {
  const count = (list: StatementRow[]) => {
    const byName = new Map<string, Set<string>>();
    for (const m of list) {
      const set = byName.get(m.name) ?? new Set<string>();
      set.add(m.report);
      byName.set(m.name, set);
    }
    return [...byName].sort((a, b) => b[1].size - a[1].size || b[0].length - a[0].length || a[0].localeCompare(b[0]));
  };
  const named = members.filter((m) => m.named);
  const reports = new Set(members.map((m) => m.report)).size;
  // The action most reports give, and the name most of those reports give it.
  const actions = new Map<string, Set<string>>();
  for (const m of members) {
    const set = actions.get(m.action) ?? new Set<string>();
    set.add(m.report);
    actions.set(m.action, set);
  }
  const byReports = [...actions].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]));
  let topAction = byReports[0][0];
  // `agreed` without an object names nothing; what reports call the accord it made after its place
  // does (`Paris accord`, not `West Germany accord in Paris` when `agree` outnumbers `the accord`).
  const [verb0, object0] = topAction.split(':');
  const madeNoun = object0 === '' ? options.verbNouns.get(verb0) : undefined;
  if (
    madeNoun &&
    place !== null &&
    options.placeKnown.has(madeNoun) &&
    placeNamedForm(
      members.filter((m) => m.action === `n:${madeNoun}`),
      entityName(place),
      madeNoun,
    )
  )
    topAction = `n:${madeNoun}`;
  // The same verb's telling object names it: `files for protection` (5 reports) and `files for
  // bankruptcy` (4), when two reports or more give one; `Mexico signs` (3) and `Mexico signs
  // commercial bank loan` (1), when any does, since a verb with no object names nothing a reader can
  // tell apart (not a verb that makes a happening of its own, named after it below: `agreed` is
  // `OPEC accord in Geneva`).
  const [verb, object] = topAction.split(':');
  const least = options.lightHeads.has(object) ? 2 : object === '' && !options.verbNouns.has(verb) ? 1 : 0;
  if (!topAction.startsWith('n:') && least > 0) {
    const told = byReports.find(
      ([a, r]) =>
        a.startsWith(`${verb}:`) && a !== `${verb}:` && r.size >= least && !options.lightHeads.has(a.split(':')[1]),
    );
    if (told) topAction = told[0];
  }
  // A name of its own for what most reports say happened (`Paris accord`), else any the reports share.
  const namedTop = named.filter((m) => m.action === topAction);
  if (namedTop.length) {
    // One report's own name is not the story's: it needs two reports, or a quarter of them.
    const [name, support] = count(namedTop)[0];
    if (support.size >= Math.min(reports, Math.max(2, reports / 4))) return name;
  }
  if (named.length) {
    const [name, support] = count(named)[0];
    if (support.size * 4 >= reports || named.length === members.length) return name;
  }
  const withAction = members.filter((m) => m.action === topAction);
  const withSubject = withAction.filter((m) => m.subjectId !== null);
  const [named0, namers] = count(withSubject.length ? withSubject : withAction)[0];
  let name = named0;
  if (topAction.startsWith('n:')) {
    // No name of its own: say where or who (`earthquake in Ecuador`, `Nakasone–Reagan talks`).
    const lemma = topAction.slice(2);
    const polity = options.polityNamed?.has(lemma) ? (options.polity ?? null) : null;
    // A market's fall as most of its reports write it (`stock market collapse`): which market fell
    // says more than where one report has it fall.
    if (eventNoun(lemma)?.marketMove && named.length) return count(named)[0][0];
    if (options.placeKnown.has(lemma)) {
      // `Hamburg election` as the reports write it; else an election is its country's, named below
      // as the others (`Indonesia general election`, not `election in Indonesia`).
      const form = place !== null ? placeNamedForm(withAction, entityName(place), lemma) : null;
      if (form) return form;
      if (place !== null && polity === null) return `${lemma} in ${entityName(place)}`;
    } else if (/[–-]/.test(name) && /\s/.test(name) && namers.size >= Math.min(reports, Math.max(2, reports / 4))) {
      // A report's own pair of names (`Miyazawa–Baker hour-long meeting`), when enough reports give it.
      return name;
    }
    // The name the reports' own analyses give most, when it says who (`Nakasone local election`) and
    // enough reports give it: better than two entity names glued to the noun.
    // (`Washington meeting` and `Washington meetings` are one name, written as most write it.)
    const telling = withAction.filter((m) => /\p{Lu}/u.test(m.name) && /\s/.test(m.name));
    const [folded, tellers] = count(telling.map((m) => ({ ...m, name: singular(m.name) })))[0] ?? [];
    const told = folded && count(telling.filter((m) => singular(m.name) === folded))[0][0];
    // An election is its country's (`Japan local election`), the kind as the reports write it.
    const kind = told ? /(?:^|\s)((?:[\p{Ll}\d-]+\s+)*[\p{Ll}-]+)$/u.exec(told)?.[1] : undefined;
    // A presidential or general election is a country's, never a city's a report names beside it: the
    // city's country (`Chicago presidential election` of the Democrats' convention city, `Tirana
    // general election`), else where its reports were filed from, below.
    const cityOfCountryWide = polity !== null && options.isLocality(polity) && COUNTRY_WIDE_KIND.test(kind ?? '');
    const polityCountry = cityOfCountryWide
      ? (options.localityCountry?.(polity!, members[0].date.start) ?? null)
      : polity;
    if (polityCountry !== null) return `${entityName(polityCountry)} ${kind ?? lemma}`;
    // A country's election no report places (`Marcos–Aquino congressional election`, from Manila) is
    // the country its reports were filed from; not an election of a board or a union (`election`).
    if (options.polityNamed?.has(lemma) && kind && NATIONAL_KIND.test(kind)) {
      const filed = options.filedFrom?.() ?? null;
      if (filed !== null) return `${entityName(filed)} ${kind}`;
    }
    if (told && tellers && tellers.size >= Math.max(2, reports / 4)) return told;
    // Who: the two most reported. Beside someone, a city or a region says where (`IMF meeting in
    // Washington`, not `IMF–Paris meeting`; `FNV talks in Rotterdam`), as the event's place does; alone,
    // cities name it as reporters do (`Paris agreement`, `London–Tokyo talks`).
    // A visit is its visitor's (`Nakasone visit to Washington`, not `Nakasone–Reagan visit`): whom
    // he met is in its talks.
    const travel = eventNoun(lemma)?.travel === true;
    const top = entities.filter((id) => id !== place).slice(0, travel ? 1 : 2);
    const actors = top.filter((id) => !options.isLocality(id));
    const who = withoutContained((actors.length ? actors : top).map(entityName));
    // (A city some report places it in: `Wall Street speculated`, `Brent traded` say no where.)
    const placed = (id: number) => members.some((m) => m.placeId === id);
    const where = place ?? (actors.length ? top.find((id) => options.isLocality(id) && placed(id)) : undefined) ?? null;
    if (where !== null && who.length < 2)
      return `${who.length ? `${who[0]} ` : ''}${lemma} ${travel ? 'to' : 'in'} ${entityName(where)}`;
    return who.length ? `${who.join('–')} ${lemma}` : /\s/.test(name) ? name : `${lemma} (unnamed)`;
  }
  // No report says who: the main participant, unless the name already holds it (`The bank board
  // appointed the FSLIC`: `appoints FSLIC`, not `FSLIC appoints FSLIC`). Another participant in its
  // place was the one acting in about half of Reuters' 116 such names (`Hoechst, which acquired
  // Celanese Corp`) and not in the rest (`BAA Plc sells BP shares`): better no one than a wrong one.
  // A city or a region is where, never who (`London launches into Iraq` of a report received in
  // London): the main participant that is not one, else the city after `in`.
  // Of harm no report says who did (`the bombings in Kenya and Tanzania killed scores`), the
  // countries named are where it befell, not who did it: what underwent it goes first, at the
  // event's place (`scores killed in Kenya`, not `Tanzania kills scores`).
  // (Its object as the reports that give one write it: `kills` alone says nothing of whom.)
  const harmVerb = topAction.split(':')[0];
  let undergone: string | undefined;
  if (withSubject.length === 0 && place !== null && HARM_VERBS.has(harmVerb)) {
    const told = [name, ...count(members.filter((m) => m.action.startsWith(`${harmVerb}:`))).map(([n]) => n)];
    undergone = told.map(passiveName).find((passive, i) => passive !== told[i]);
  }
  if (undergone !== undefined && !undergone.includes(entityName(place!)))
    name = `${undergone} in ${entityName(place!)}`;
  else if (withSubject.length === 0 && entities.length && !saysWhoActed(name)) {
    // Only a person dies or resigns: no country or body is who did (`More than 100 people have died …
    // since a bomb ripped through an office building next to the U.S. embassy`: not `United States dies`).
    const personal = PERSONAL_VERBS.has(harmVerb);
    // (A person: no city or region, no country or place, no body.)
    const isPerson = (id: number) => !options.isLocality(id) && !options.isPlace?.(id) && !options.isOrganisation?.(id);
    const actor = entities.find((id) => (personal ? isPerson(id) : !options.isLocality(id)));
    if (personal && actor === undefined) return place !== null ? `${name} in ${entityName(place)}` : name;
    // Harm no report says who did or to whom (a bare `kills`): a person named is who underwent it
    // (`doctors … were killed, most recently last October when Dr. Barnett Slepian was gunned down`:
    // `Slepian killed`, was `Slepian kills`), not a body or a place (`FBI kills` of the FBI's comment on it).
    const victim = HARM_VERBS.has(harmVerb) && !/\s/.test(name) ? entities.find(isPerson) : undefined;
    if (victim !== undefined) return passiveName(`${name} ${entityName(victim)}`);
    const main = entityName(actor ?? entities[0]);
    // With no one but a place, what underwent it goes first: `seven people killed in Algiers`, not
    // `kills seven people in Algiers`.
    if (!name.includes(main)) name = actor !== undefined ? `${main} ${name}` : `${passiveName(name)} in ${main}`;
    // One the name holds already is what underwent it (`New Zealand ports closed`, not `closes New
    // Zealand ports`).
    else name = passiveName(name);
  } else if (withSubject.length === 0) name = passiveName(name);
  // `OPEC agrees`, `Brazil meets`: a verb that says nothing of what without its object is named by
  // the happening it makes (`OPEC accord`, `Brazil meeting`).
  const [doing, done] = topAction.split(':');
  const noun = options.verbNouns.get(doing);
  if (noun && done === '') {
    const subject = withSubject[0]?.subjectId ?? entities[0];
    if (subject !== undefined)
      return `${entityName(subject)} ${noun}${place !== null && place !== subject ? ` in ${entityName(place)}` : ''}`;
  }
  return name;
}

/**
 * `London talks` of the coffee organisation's council: a meeting named by its place alone says where,
 * not who. When one organisation is named by more than half of the reports and no other participant
 * is, it says who, as `OPEC meeting in Vienna` does: `International Coffee Organization talks in
 * London`. Not a gathering known by its place (`Geneva summit`, `Venice conference`), nor one a
 * person or a country holds (`Italy meeting in Paris` was the meeting Italy walked out of).
 */
function withSoleActor(
  name: string,
  byEntity: ReadonlyMap<number, ReadonlySet<string>>,
  reports: number,
  place: number,
  entityName: (id: number) => string,
  isOrganisation: (id: number) => boolean,
): string {
  const where = entityName(place);
  if (!name.startsWith(`${where} `)) return name;
  const noun = name.slice(where.length + 1);
  const last = noun.split(' ').pop()!;
  const head = eventNoun(last) ?? eventNoun(last.replace(/s$/, ''));
  if (!/^[\p{Ll}\s-]+$/u.test(noun) || head?.group !== 'meet' || head.takes !== 'participants') return name;
  // The one participant, not the place, that more than half of the reports name while no other does.
  const most = [...byEntity].filter(([id, r]) => id !== place && 2 * r.size > reports);
  const actor = most.length === 1 ? most[0][0] : null;
  return actor !== null && isOrganisation(actor) ? `${entityName(actor)} ${noun} in ${where}` : name;
}

/**
 * Names without one another's words: of `NATO` and `NATO Washington` (a recognizer's name fused with
 * the next), the longer alone says both (`NATO Washington summit`, not `NATO–NATO Washington summit`);
 * of `European Community` and `EC Commission`, the body named after the other's initials.
 */
function withoutContained(names: string[]): string[] {
  const padded = names.map((n) => ` ${n.toLowerCase()} `);
  // `European Community` and `EC Commission`: a body named after another's initials is part of it.
  const initials = names.map((n) => {
    const capitals = n
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0]);
    return capitals.length >= 2 ? ` ${capitals.join('').toLowerCase()} ` : null;
  });
  return names.filter(
    (_, i) =>
      !padded.some(
        (other, j) =>
          j !== i &&
          ((other.length > padded[i].length && other.includes(padded[i])) ||
            (initials[i] !== null && other.startsWith(initials[i]!) && other.length > initials[i]!.length)),
      ),
  );
}

/** A name with its last word singular, to count `Washington meetings` with `Washington meeting`. */
function singular(name: string): string {
  return name.replace(/([^s])s$/, '$1');
}

/** Verbs of harm done to people or things (action keys): with no one said to do it, a place suffers it. */
const HARM_VERBS: ReadonlySet<string> = new Set(['kill', 'shoot', 'bomb', 'attack', 'hit', 'destroy', 'damage']);

/** Kinds of election a whole country holds, not one of its cities or regions. */
const WHOLE_COUNTRY_KINDS =
  'general|presidential|parliamentary|congressional|legislative|national|snap|mid-term|midterm';
const COUNTRY_WIDE_KIND = new RegExp(String.raw`\b(?:${WHOLE_COUNTRY_KINDS})\b`);

/** Kinds of election a country holds (`general`, `congressional`, `local` …), not a board's. */
const NATIONAL_KIND = new RegExp(
  String.raw`\b(?:${WHOLE_COUNTRY_KINDS}|local|municipal|state|provincial|regional|by-election)\b`,
);

/**
 * The event as reports name it after its place (`Paris accord`, `Venice summit`), when two reports
 * or more write that: a reader knows it by that name better than by `accord in Paris`.
 */
function placeNamedForm(members: StatementRow[], place: string, lemma: string): string | null {
  const wanted = `${place} ${lemma}`.toLowerCase();
  const reports = new Set(members.filter((m) => m.name.toLowerCase() === wanted).map((m) => m.report));
  return reports.size >= 2 ? `${place} ${lemma}` : null;
}
