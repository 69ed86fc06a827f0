import type { CorpusEventInput, StatementRow } from '../store/events.js';
import { daysBetween } from '../core/days.js';
import { maxOf } from '../core/extremes.js';
import { compareDocuments } from '../core/report-order.js';

/**
 * Stories: what many reports of one day lead with. A happening the reports do not date (`Paul
 * Volcker's resignation as Federal Reserve Board chairman creates a serious leadership vacuum…`,
 * `Reagan said Paul Volcker has declined to serve another term`) makes no dated statement, so the
 * clustering never sees it; yet two dozen reports of June 2 1987 lead with Volcker and the Federal
 * Reserve, who share the lead of one report a day around it. Only the whole archive can tell that
 * burst from routine: a pair of names led with by at least STORY_MIN_REPORTS reports of one day, and
 * STORY_RATIO times as many as the pair's share of the month around that day (the same share of that
 * day's news) would give, is a story of that day. Pairs, not single names: one name's burst is often
 * many unrelated stories (a rating agency's actions on one busy day); a pair is one story (Chrysler
 * and American Motors, BP and Standard Oil). Pure: the reports come in, stories go out.
 */

/** Reports of one day that must lead with a pair of names. */
export const STORY_MIN_REPORTS = 5;
/** How many times its usual share of the news a pair must have on the day. */
export const STORY_RATIO = 4;
/** Days each side of a day whose reports give a pair's usual share. */
const WINDOW_DAYS = 30;
/** Days each side left out of the usual share: a story reported over two days is not its own baseline. */
const NEAR_DAYS = 1;

/** A story: the reports (one lead statement each) leading with its names, from its first day. */
export interface Story {
  day: string;
  /** The names whose pairs burst, most reported first. */
  entityIds: number[];
  /** One lead statement per report, by document. */
  members: StatementRow[];
}

interface DayRecord {
  day: string;
  /** The day as a number of days, to measure distances by. */
  at: number;
  /** One lead statement per report. */
  rows: StatementRow[];
  /** `a,b` (a < b) → indexes of the rows leading with both. */
  pairs: Map<string, number[]>;
}

interface Burst {
  day: string;
  pair: [number, number];
  rows: StatementRow[];
}

/**
 * The stories of the lead statements `leads` (in publication order), against `reportsPerDay` (every
 * report of each day, with a lead statement or not). Holds the days of one window at a time.
 */
export function findStories(
  leads: Iterable<StatementRow>,
  reportsPerDay: ReadonlyMap<string, number>,
  options: { minReports?: number; ratio?: number } = {},
): Story[] {
  const minReports = options.minReports ?? STORY_MIN_REPORTS;
  const ratio = options.ratio ?? STORY_RATIO;
  const newsAround = newsCounter(reportsPerDay);
  const window: DayRecord[] = [];
  const bursts: Burst[] = [];
  let pending = 0;
  const evaluate = (record: DayRecord): void => {
    const news = reportsPerDay.get(record.day) ?? record.rows.length;
    const around = newsAround(record.day);
    // Without as much news around the day as on it, there is no usual share to compare with.
    if (around < news) return;
    for (const [key, indexes] of record.pairs) {
      if (indexes.length < minReports) continue;
      let usual = 0;
      for (const other of window) {
        const apart = Math.abs(other.at - record.at);
        if (apart > NEAR_DAYS && apart <= WINDOW_DAYS) usual += other.pairs.get(key)?.length ?? 0;
      }
      const expected = (news * (usual + 1)) / around;
      if (indexes.length < ratio * expected) continue;
      const [a, b] = key.split(',').map(Number);
      bursts.push({ day: record.day, pair: [a, b], rows: indexes.map((i) => record.rows[i]) });
    }
  };
  // A day is judged once the days WINDOW_DAYS after it are in (all of them at the end); a day is let
  // go once no day still to be judged reaches back to it.
  const settle = (next: string | null): void => {
    while (pending < window.length && (next === null || dayNumber(next) - window[pending].at > WINDOW_DAYS)) {
      evaluate(window[pending]);
      pending++;
    }
    const earliest = pending < window.length ? window[pending].at : next === null ? null : dayNumber(next);
    while (pending > 0 && earliest !== null && earliest - window[0].at > WINDOW_DAYS) {
      window.shift();
      pending--;
    }
  };
  let today: { day: string; reports: Map<string, StatementRow> } | null = null;
  const close = (): void => {
    if (today) window.push(dayRecord(today.day, [...today.reports.values()]));
  };
  for (const row of leads) {
    const day = row.date.start;
    if (!today || today.day !== day) {
      close();
      settle(day);
      today = { day, reports: new Map() };
    }
    // Copies of one report lead alike: the first document stands for them.
    if (!today.reports.has(row.report)) today.reports.set(row.report, row);
  }
  close();
  settle(null);
  return mergeBursts(bursts);
}

/** Days since 1970-01-01. */
function dayNumber(day: string): number {
  return daysBetween('1970-01-01', day);
}

function dayRecord(day: string, rows: StatementRow[]): DayRecord {
  const pairs = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const ids = [...new Set(row.participantIds)].sort((a, b) => a - b);
    for (let x = 0; x < ids.length; x++)
      for (let y = x + 1; y < ids.length; y++) {
        const key = `${ids[x]},${ids[y]}`;
        const list = pairs.get(key);
        if (list) list.push(i);
        else pairs.set(key, [i]);
      }
  });
  return { day, at: dayNumber(day), rows, pairs };
}

/**
 * Reports of the days WINDOW_DAYS each side of a day, less the NEAR_DAYS next to it: from running
 * sums over the days in order, so a corpus of many years costs a search per day judged.
 */
function newsCounter(reportsPerDay: ReadonlyMap<string, number>): (day: string) => number {
  const days = [...reportsPerDay.keys()].sort();
  const numbers = days.map(dayNumber);
  const sums = [0];
  for (const d of days) sums.push(sums[sums.length - 1] + reportsPerDay.get(d)!);
  // Reports of the days numbered from..to (inclusive).
  const between = (from: number, to: number): number =>
    sums[firstAtLeast(numbers, to + 1)] - sums[firstAtLeast(numbers, from)];
  return (day) => {
    const n = dayNumber(day);
    return between(n - WINDOW_DAYS, n - NEAR_DAYS - 1) + between(n + NEAR_DAYS + 1, n + WINDOW_DAYS);
  };
}

/** The index of the first number at least `value` in ascending `numbers` (their length if none). */
function firstAtLeast(numbers: readonly number[], value: number): number {
  let lo = 0;
  let hi = numbers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (numbers[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One story per happening: the bursts of one day whose reports are mostly the same (Volcker and the
 * Federal Reserve, Greenspan and the Federal Reserve, Volcker and Greenspan on June 2), and a pair's
 * bursts on consecutive days.
 */
function mergeBursts(bursts: Burst[]): Story[] {
  const parent = bursts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const docs = bursts.map((b) => new Set(b.rows.map((r) => r.report)));
  const topics = bursts.map((b) => topicTerms(b.rows));
  // Bursts come in day order: each is compared only with those of its day and the next.
  for (let i = 0; i < bursts.length; i++)
    for (let j = i + 1; j < bursts.length; j++) {
      const [a, b] = [bursts[i], bursts[j]];
      const apart = daysBetween(a.day, b.day);
      if (apart > 1) break;
      const samePair = a.pair[0] === b.pair[0] && a.pair[1] === b.pair[1];
      if (
        samePair ||
        (apart === 0 &&
          (mostlyShared(docs[i], docs[j]) ||
            (a.pair.some((id) => b.pair.includes(id)) && mostlyShared(topics[i], topics[j]))))
      )
        parent[find(j)] = find(i);
    }
  const groups = new Map<number, Burst[]>();
  bursts.forEach((b, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(b);
    else groups.set(root, [b]);
  });
  const stories: Story[] = [];
  for (const group of groups.values()) {
    const members = new Map<string, StatementRow>();
    for (const b of group) for (const r of b.rows) if (!members.has(r.report)) members.set(r.report, r);
    const list = [...members.values()].sort(compareDocuments);
    const named = new Set(group.flatMap((b) => b.pair));
    const reportsOf = (id: number) => reportsNaming(list, id);
    // Ties in the order the reports first lead with them (not by id, which follows the order of ingests).
    const firstNamed = new Map<number, number>();
    for (const m of list)
      for (const id of m.participantIds) if (!firstNamed.has(id)) firstNamed.set(id, firstNamed.size);
    const at = (id: number) => firstNamed.get(id) ?? Number.MAX_SAFE_INTEGER;
    stories.push({
      day: group.map((b) => b.day).sort()[0],
      entityIds: [...named].sort((a, b) => reportsOf(b) - reportsOf(a) || at(a) - at(b) || a - b),
      members: list,
    });
  }
  return stories.sort((a, b) =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : compareDocuments(a.members[0], b.members[0]),
  );
}

/** How many of a story's reports lead with an entity. */
function reportsNaming(members: readonly StatementRow[], id: number): number {
  return members.filter((m) => m.participantIds.includes(id)).length;
}

/** Whether half the smaller of two sets is in the other (and neither is empty). */
function mostlyShared<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared * 2 >= Math.min(a.size, b.size);
}

/** Share of a burst's reports whose leads must use a word for it to be what the burst is about. */
const TOPIC_SHARE = 1 / 3;

/**
 * What a burst's reports lead with besides its names: the words a third of their leads use. Two
 * bursts of one day with a name and most of these in common are one story told with its names
 * written differently (`Federal Reserve` and `Federal Reserve Board` beside Volcker's resignation).
 */
function topicTerms(rows: readonly StatementRow[]): Set<string> {
  const counts = new Map<string, number>();
  for (const r of rows) for (const t of new Set(r.terms)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= TOPIC_SHARE * rows.length).map(([t]) => t));
}

/**
 * The report that best stands for a story: the first (in the order of compareDocuments, a wire's own
 * order within the day) whose headline's words the other reports use in their headlines and leads
 * at least half as much as the best's do. The first report of a story tells what happened (`Reagan
 * says Volcker will not serve new term`); later ones most often a reaction to it (`Lawson says
 * Volcker outstanding Fed chairman`), whose words the others share as much. Among those with a
 * headline, when any has one.
 */
export function centralMember(
  members: readonly StatementRow[],
  headlineTerms: (docId: number) => string[],
): StatementRow {
  const headlines = members.map((m) => new Set(headlineTerms(m.docId)));
  const used = members.map((m, i) => new Set([...m.terms, ...headlines[i]]));
  const titled = headlines.some((h) => h.size > 0);
  const scores = members.map((_, i) => {
    if (titled && headlines[i].size === 0) return -1;
    let score = 0;
    used.forEach((other, j) => {
      if (j === i) return;
      for (const t of headlines[i]) if (other.has(t)) score++;
    });
    return score;
  });
  const best = maxOf(scores);
  const order = members.map((_, i) => i).sort((a, b) => compareDocuments(members[a], members[b]));
  return members[order.find((i) => scores[i] >= 0 && scores[i] * 2 >= best) ?? order[0]];
}

/** A ticker in a headline (`CHRYSLER <C> IN DEAL TO BUY AMC <AMO>`). */
const TICKER = /\s*<[^<>]*>/g;
/** A word of a headline in capitals, with a possessive kept apart (`VOLCKER'S`). */
const CAPITAL_WORD = /(\p{Lu}[\p{Lu}\p{Ll}.&-]*?)('S)?(?=$|[^\p{L}.&-])/gu;

/**
 * A headline as a title reads: as written when it has lower-case letters; in capitals, each word as
 * the reports' leads write it (`Volcker`, `Fed`, `U.S.`, `dlrs`), else in lower case, but for a short
 * word without a vowel (`CSFB`, `LDC`), which is an abbreviation; the first letter a capital.
 */
export function readableHeadline(title: string, written: ReadonlyMap<string, string>): string {
  const text = title.replace(TICKER, '').replace(/\s+/g, ' ').trim();
  if (/\p{Ll}/u.test(text)) return text;
  const cased = text.replace(CAPITAL_WORD, (_, word: string, possessive: string | undefined) => {
    const known = written.get(word.toLowerCase());
    const form = known ?? (/^[^AEIOUY]{1,5}$/.test(word) || word.includes('.') ? word : word.toLowerCase());
    return form + (possessive ? "'s" : '');
  });
  return cased.charAt(0).toUpperCase() + cased.slice(1);
}

/**
 * How the leads write each word, by its lower-case form (the form written most, a sentence's first
 * word counted only where nothing else writes it).
 */
export function writtenWords(sentences: readonly string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const firsts = new Map<string, string>();
  for (const sentence of sentences) {
    let first = true;
    for (const m of sentence.matchAll(/\p{L}[\p{L}.&-]*/gu)) {
      // A closing full stop is the sentence's, but an abbreviation's own (`U.S.`).
      const word = m[0].replace(/\.$/, m[0].length > 2 && /\p{L}\.\p{L}/u.test(m[0]) ? '.' : '');
      const key = word.toLowerCase();
      if (first) {
        first = false;
        if (!firsts.has(key)) firsts.set(key, word);
        continue;
      }
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  const out = new Map<string, string>();
  for (const [key, forms] of counts) out.set(key, [...forms].sort((a, b) => b[1] - a[1])[0][0]);
  for (const [key, word] of firsts) if (!out.has(key)) out.set(key, word);
  return out;
}

/** Share of a story's reports (and at least two) whose leads name an entity for the story to be in its scope. */
const BESIDE_SHARE = 1 / 3;

/**
 * A story as a corpus event: dated the day it was first reported, its names taking part; the other
 * names a third of its leads give are in its scope (Renault beside Chrysler's deal to buy American
 * Motors), so their timelines show it too.
 */
export function storyEvent(
  story: Story,
  name: string,
  lead: StatementRow,
  /** Entities its name names besides the story's own (see namedIn): participants too. */
  namedInName: readonly number[] = [],
): CorpusEventInput {
  const own = [...story.entityIds, ...namedInName.filter((id) => !story.entityIds.includes(id))];
  const reports = new Set(story.members.map((m) => m.report));
  const sources = new Set(story.members.map((m) => m.source ?? m.report));
  const days = new Set(story.members.map((m) => m.published ?? ''));
  const first = story.members[0];
  const reportsOf = (id: number) => reportsNaming(story.members, id);
  return {
    key: `${first.docId}.${first.sentence}`,
    kind: 'event',
    name,
    date: { value: story.day, granularity: 'day', start: story.day, end: story.day },
    placeId: null,
    documents: reports.size,
    sources: sources.size,
    days: days.size,
    score: reports.size + 0.5 * (sources.size - 1) + 0.25 * (days.size - 1),
    conflicts: [],
    lead: lead.id,
    statementIds: story.members.map((m) => m.id).sort((a, b) => a - b),
    keyStatement: first.id,
    entities: [
      ...own.map((entityId) => ({ entityId, documents: reportsOf(entityId), participant: true })),
      ...besideIds(story)
        .filter((id) => !own.includes(id))
        .map((entityId) => ({ entityId, documents: reportsOf(entityId), participant: false })),
    ],
  };
}

/** The names other than a story's own that BESIDE_SHARE of its leads give, most given first. */
function besideIds(story: Story): number[] {
  const counts = new Map<number, number>();
  for (const m of story.members)
    for (const id of new Set(m.participantIds))
      if (!story.entityIds.includes(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const least = Math.max(2, BESIDE_SHARE * story.members.length);
  return [...counts]
    .filter(([, n]) => n >= least)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id);
}

/**
 * Entities two or more of a story's leads name that its name names too, as the name writes them
 * (`Reagan says Volcker will not serve new term`: Reagan, whom 4 of its 26 leads name): the
 * story is theirs as well.
 */
export function namedIn(name: string, members: readonly StatementRow[], names: (id: number) => string): number[] {
  const leads = new Map<number, number>();
  for (const m of members)
    for (const id of new Set([...m.participantIds, ...m.mentionedIds])) leads.set(id, (leads.get(id) ?? 0) + 1);
  return [...leads]
    .filter(([id, n]) => n >= 2 && writtenIn(name, names(id)))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([id]) => id);
}

/** Whether `words` stand in `text` as whole words. */
function writtenIn(text: string, words: string): boolean {
  const edge = /[\p{L}\p{N}]/u;
  for (let at = words ? text.indexOf(words) : -1; at >= 0; at = text.indexOf(words, at + 1))
    if (!edge.test(text[at - 1] ?? ' ') && !edge.test(text[at + words.length] ?? ' ')) return true;
  return false;
}
