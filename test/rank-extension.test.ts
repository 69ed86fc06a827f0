import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRankFunction, openDatabase, sqlite, type Store } from '../src/store/db.js';
import { rankingInput, search } from '../src/search/search.js';
import type { SearchResult } from '../src/search/types.js';
import { bothBm25, indexTotals, inIdSet } from '../src/store/ranking.js';
import { markedTexts, type SearchPlan, searchDocuments } from '../src/store/search.js';
import { refreshEntityStats } from '../src/store/resolution.js';
import { ftsMatchCount } from '../src/store/inspect.js';
import { tempDir } from './helpers.js';
import { SearchFixture, searchPlan } from './search-fixture.js';

/**
 * `read` on a read-only connection to `file` without the ranking extension (filters as SQL's IN,
 * FTS5's own bm25), closed after.
 */
function withoutExtension(file: string, read: (plain: Store) => void): void {
  process.env.CORPUS_NO_RANK_EXTENSION = '1';
  const plain = openDatabase(file, { readonly: true });
  try {
    read(plain);
  } finally {
    delete process.env.CORPUS_NO_RANK_EXTENSION;
    plain.close();
  }
}

/** The same searches on a connection without the extension (filters as SQL's IN): the same totals, hits and scores. */
function expectSameWithIn(file: string, ask: (store: Store) => SearchResult[], withSets: SearchResult[]): void {
  withoutExtension(file, (plain) => {
    const withIn = ask(plain);
    for (const [i, r] of withSets.entries()) {
      expect(r.total).toBe(withIn[i].total);
      expect(r.hits.map((h) => [h.id, h.score])).toEqual(withIn[i].hits.map((h) => [h.id, h.score]));
    }
  });
}

// The ranking extension (native/corpus_rank.c) that `npm install` builds: stage one's bm25 with the
// phrases' document counts handed in, instead of FTS5's bm25() counting them over whole doclists.

const TOPICS = ['oil', 'wheat', 'coffee', 'interest rates', 'trade'];

describe('the ranking extension', () => {
  let fx: SearchFixture;
  let file: string;

  beforeAll(() => {
    file = path.join(tempDir('corpus-rank-ext-'), 'rank.db');
    fx = new SearchFixture(file);
    // Documents of different lengths, words and repetitions, so that idf, length and frequency all
    // move the scores.
    for (let i = 0; i < 60; i++) {
      const topic = TOPICS[i % TOPICS.length];
      const other = TOPICS[(i * 7 + 3) % TOPICS.length];
      const body = Array.from(
        { length: 1 + (i % 4) },
        (_, k) => `The ${topic} market moved ${k} times as ${other} dealers said prices of ${topic} rose.`,
      ).join(' ');
      fx.doc(
        { path: `d${i}.txt`, title: i % 3 === 0 ? `${topic.toUpperCase()} PRICES` : null, date: '1987-03-02' },
        body,
      );
    }
  });
  afterAll(() => fx.close());

  it('is built at install and loads into a connection', () => {
    expect(hasRankFunction(sqlite(fx.db))).toBe(true);
  });

  /** Each match's bm25() and corpus_bm25 with `counts`, by document. */
  const scores = (match: string, counts: string) => bothBm25(fx.db, match, counts, 2);
  const documentsOf = (match: string) => ftsMatchCount(fx.db, match);

  it('scores exactly as bm25() given the counts bm25() finds, and counts what it is not given as bm25() does', () => {
    hasRankFunction(sqlite(fx.db));
    const exact = `oil\t${documentsOf('oil')}\nprice\t${documentsOf('price')}\ninterest rate\t${documentsOf('"interest rates"')}`;
    for (const [match, counts] of [
      ['oil prices', exact],
      ['"interest rates" OR wheat', exact], // wheat not listed: counted
      ['coffee OR trade', ''], // nothing listed
    ]) {
      const rows = scores(match, counts);
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) expect(row.ours).toBeCloseTo(row.fts5, 12);
    }
  });

  it('takes the idf from the counts it is given (a listed phrase is not counted again)', () => {
    hasRankFunction(sqlite(fx.db));
    const n = indexTotals(fx.db).documents;
    const rows = scores('"interest rates"', 'interest rate\t1');
    const rarer = Math.log((n - 1 + 0.5) / (1 + 0.5));
    const counted = Math.log((n - documentsOf('"interest rates"') + 0.5) / (documentsOf('"interest rates"') + 0.5));
    // bm25 is linear in the idf of a query of one phrase.
    for (const row of rows) expect(row.ours / row.fts5).toBeCloseTo(rarer / counted, 9);
  });

  it("ranks a search as FTS5's bm25() ranks it, hits and scores alike", () => {
    const queries = [
      'oil prices',
      '"interest rates"',
      'coffee -wheat',
      'trade OR wheat',
      'pric*',
      'dealers said',
      'prices price*',
    ];
    const run = (store: Store) => queries.map((q) => search(store, q, { limit: 20 }));
    const withExtension = run(fx.db);
    withoutExtension(file, (plain) => {
      expect(hasRankFunction(sqlite(plain))).toBe(false);
      const without = run(plain);
      for (const [i, result] of withExtension.entries()) {
        expect(result.total).toBeGreaterThan(0);
        expect(result.hits.map((h) => [h.id, h.score])).toEqual(without[i].hits.map((h) => [h.id, h.score]));
      }
    });
  });
});

describe("the extension's id sets", () => {
  let fx: SearchFixture;
  let file: string;
  let japan: number;

  beforeAll(() => {
    file = path.join(tempDir('corpus-idset-'), 'idset.db');
    fx = new SearchFixture(file);
    japan = fx.entity('COUNTRY', 'Japan', ['Nippon']);
    // A year of oil and trade reports, some naming Japan (a few only as Nippon), from two sources.
    for (let i = 0; i < 48; i++) {
      const month = String(1 + (i % 12)).padStart(2, '0');
      const named = i % 3 === 0 ? 'Japan' : i % 7 === 0 ? 'Nippon' : 'Norway';
      const id = fx.doc(
        {
          path: `r${i}.txt`,
          title: i % 5 === 0 ? `${named.toUpperCase()} OIL IMPORTS` : `Report ${i}`,
          date: `1987-${month}-${String(1 + (i % 27)).padStart(2, '0')}`,
          source: i % 2 === 0 ? 'Reuters' : 'Kyodo',
        },
        `${named} bought oil ${1 + (i % 4)} times in the month as trade grew. ${'Dealers said so. '.repeat(i % 3)}`,
      );
      if (named !== 'Norway') fx.mention(id, japan, named);
    }
    // Undated: outside every date range, whichever side of it a search collects.
    fx.doc(
      { path: 'undated.txt', title: 'NORWAY OIL', date: null, source: 'Kyodo' },
      'Norway bought oil as trade grew.',
    );
  });
  afterAll(() => fx.close());

  it('hold exactly the ids they are made of', () => {
    hasRankFunction(sqlite(fx.db));
    expect(inIdSet(fx.db, [5, 3, 1000, 3, null], [3, 4, 5, 1000, 1001, 2, 0, -1, null])).toEqual([
      1, 0, 1, 1, 0, 0, 0, 0, 0,
    ]);
    expect(inIdSet(fx.db, [], [0, 1, 7])).toEqual([0, 0, 0]);
    expect(inIdSet(fx.db, [-5, 7], [-5, 7, 0, -6, 8])).toEqual([1, 1, 0, 0, 0]);
    // Bits across byte boundaries, at both ends of the span.
    const ids = [8, 15, 16, 23, 24, 1_000_000];
    expect(inIdSet(fx.db, ids, [7, 8, 9, 15, 16, 17, 23, 24, 25, 999_999, 1_000_000])).toEqual([
      0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1,
    ]);
    expect(() => inIdSet(fx.db, [1, 2 ** 31], [1])).toThrow(/span/);
  });

  it("filter a search exactly as SQL's IN does: the same hits, scores and counts", () => {
    const queries: [string, Parameters<typeof search>[2]][] = [
      ['oil', { entities: ['Japan'] }],
      ['oil', { from: '1987-03', to: '1987-05' }],
      ['oil trade', { source: 'Kyodo', from: '1987-02' }],
      ['oil', { entities: ['Japan'], to: '1987-06' }],
      ['Japan oil', {}],
      ['Japan oil', { from: '1987-04' }],
      ['"bought oil"', { entities: ['Japan'] }],
      // One name: with the extension, counted and ranked by its own statements (rankOneName).
      ['Japan', {}],
      ['Japan', { from: '1987-04' }],
      ['Nippon', { source: 'Kyodo' }],
    ];
    // Small bounds, so that candidates are pruned here as they are at a million articles.
    const bounds = { scoredMatches: 3, titleCandidates: 2, recentCandidates: 2 };
    const run = (store: Store) =>
      queries.flatMap(([q, options]) => [
        search(store, q, { ...options, limit: 10 }),
        search(store, q, { ...options, limit: 10, bounds }),
      ]);
    const withExtension = run(fx.db);
    withoutExtension(file, (plain) => {
      const without = run(plain);
      for (const [i, result] of withExtension.entries()) {
        expect(result.total, queries[i >> 1][0]).toBeGreaterThan(0);
        expect(result.total).toBe(without[i].total);
        expect(result.hits.map((h) => [h.id, h.score])).toEqual(without[i].hits.map((h) => [h.id, h.score]));
      }
      // A range holding most documents (`--from 1987-02`: 11 months of 12) is tested as the set of
      // those outside it: the same hits, the undated document not among them.
      const since = withExtension[2 * 2];
      expect(since.total).toBeGreaterThan(0);
      expect(since.hits.map((h) => h.path)).not.toContain('undated.txt');
      // Stage one too (its scores decide which candidates stage two sees): the same candidates and
      // scores, with and without the extension, pruned or not (rankingInput takes no filters).
      for (const q of new Set(queries.map(([q]) => q)))
        for (const b of [undefined, bounds]) {
          const stageOne = (store: Store) =>
            rankingInput(store, q, { bounds: b })?.candidates.map((c) => [c.id, c.stage1]);
          expect(stageOne(fx.db), q).toEqual(stageOne(plain));
        }
      // The filters hold: every hit of the entity filter names Japan, by either name.
      for (const hit of withExtension[0].hits) expect(hit.snippet).toMatch(/Japan|Nippon/);
      expect(withExtension[0].total).toBe(16 + 4);
    });
  });

  it('score, past the scored-matches bound, only the latest few of a name with words, its title matches and its most mentioning', () => {
    // `Japan oil`: the 20 documents naming Japan (16 by that name, 4 only as Nippon), all with oil.
    const stageOne = (bounds: Record<string, number>) =>
      rankingInput(fx.db, 'Japan oil', { bounds })?.candidates.map((c) => c.id) ?? [];
    expect(stageOne({ scoredMatches: 40 })).toHaveLength(20);
    const pruned = stageOne({ scoredMatches: 10, recentCandidates: 2, titleCandidates: 1 });
    // The latest 2 with both words, 1 title match before them, the 4 mentioning Japan most, the 4
    // mentioning it as Nippon only: at most 11 (the latest 10 were all scored before: up to 19).
    expect(pruned.length).toBeGreaterThan(0);
    expect(pruned.length).toBeLessThanOrEqual(11);
    const latest = search(fx.db, 'Japan oil', { sort: '-date', limit: 1 }).hits[0].id;
    expect(pruned).toContain(latest);
  });

  it('score, past the bound, only the latest few of a query naming two entities', () => {
    const two = new SearchFixture(path.join(tempDir('corpus-two-names-'), 'two.db'));
    try {
      const japan = two.entity('COUNTRY', 'Japan', []);
      const brazil = two.entity('COUNTRY', 'Brazil', []);
      for (let i = 0; i < 30; i++) {
        const id = two.doc(
          { path: `d${i}.txt`, title: `Report ${i}`, date: `1987-03-${String(1 + (i % 28)).padStart(2, '0')}` },
          `Japan and Brazil talked about coffee ${1 + (i % 3)} times.`,
        );
        two.mention(id, japan, 'Japan');
        two.mention(id, brazil, 'Brazil');
      }
      // The plan search makes of `Japan Brazil`: two units, each its word or a mention.
      const plan = (bounds: Partial<SearchPlan>): SearchPlan =>
        searchPlan({
          match: '"Japan" AND "Brazil"',
          units: [
            { expression: '"Japan"', entities: [{ kind: 'entity', id: japan }] },
            { expression: '"Brazil"', entities: [{ kind: 'entity', id: brazil }] },
          ],
          entityBonus: 2,
          depth: 100,
          ...bounds,
        });
      expect(searchDocuments(two.db, plan({ scoredMatches: 40 })).rows).toHaveLength(30);
      // The latest 2 and the 2 mentioning them most (no title match): the latest 10 were all scored before.
      const pruned = searchDocuments(two.db, plan({ scoredMatches: 10, recentCandidates: 2, titleCandidates: 1 }));
      expect(pruned.total).toBe(30);
      expect(pruned.rows.length).toBeGreaterThan(0);
      expect(pruned.rows.length).toBeLessThanOrEqual(4);
    } finally {
      two.close();
    }
  });

  it('score, past the bound, only the latest few of the documents naming a name without its words', () => {
    // `Japan coffee` where most documents call Japan `Nippon` (as most reports say `U.S.`, not
    // `United States`): 6 with the words, 30 only a mention and the word, 10 a mention alone.
    const many = new SearchFixture(path.join(tempDir('corpus-mentions-only-'), 'many.db'));
    try {
      const japanId = many.entity('COUNTRY', 'Japan', ['Nippon']);
      for (let i = 0; i < 46; i++) {
        const name = i < 6 ? 'Japan' : 'Nippon';
        const id = many.doc(
          { path: `m${i}.txt`, title: `Report ${i}`, date: `1987-04-${String(1 + (i % 28)).padStart(2, '0')}` },
          i < 36 ? `${name} bought coffee ${1 + (i % 3)} times.` : `${name} bought tea.`,
        );
        many.mention(id, japanId, name);
      }
      refreshEntityStats(many.db);
      const stageOne = (store: Store, bounds?: Record<string, number>) =>
        rankingInput(store, 'Japan coffee', { bounds })?.candidates.map((c) => [c.id, c.stage1]) ?? [];
      expect(stageOne(many.db)).toHaveLength(36);
      const bounds = { scoredMatches: 3, recentCandidates: 1, titleCandidates: 1 };
      const pruned = stageOne(many.db, bounds);
      // The latest with both words, the 2 mentioning Japan most (MOST_MENTIONING), and the latest 3
      // of those naming it only as Nippon: at most 6, where every one of the 30 was scored before.
      expect(pruned.length).toBeGreaterThanOrEqual(4);
      expect(pruned.length).toBeLessThanOrEqual(6);
      expect(search(many.db, 'Japan coffee', { bounds }).total).toBe(36);
      // The same candidates and scores with those documents as bitmaps (as for a name mostly
      // written otherwise), and where every set is SQL's table.
      expect(stageOne(many.db, { ...bounds, mentionOnlyTable: 0 })).toEqual(pruned);
      expect(stageOne(many.db, { mentionOnlyTable: 0 })).toEqual(stageOne(many.db));
      withoutExtension(many.file, (plain) => {
        expect(stageOne(plain, bounds)).toEqual(pruned);
      });
    } finally {
      many.close();
    }
  });

  it('count a document naming several names without their words once, as SQL sets do', () => {
    const both = new SearchFixture(path.join(tempDir('corpus-aliases-both-'), 'both.db'));
    try {
      const japanId = both.entity('COUNTRY', 'Japan', ['Nippon']);
      const brazilId = both.entity('COUNTRY', 'Brazil', ['Brasil']);
      const kenyaId = both.entity('COUNTRY', 'Kenya', ['Kenia']);
      // How Japan and Brazil are written, and in how many documents (the last names Japan alone);
      // every one names Kenya too, half of them as Kenia.
      const written: [string, string | null, number][] = [
        ['Japan', 'Brazil', 5],
        ['Nippon', 'Brasil', 4],
        ['Nippon', 'Brazil', 3],
        ['Japan', 'Brasil', 2],
        ['Nippon', null, 3],
      ];
      let n = 0;
      for (const [japanAs, brazilAs, count] of written)
        for (let i = 0; i < count; i++, n++) {
          const id = both.doc(
            { path: `b${n}.txt`, title: `Talks ${n}`, date: `1987-05-${String(1 + (n % 28)).padStart(2, '0')}` },
            `${japanAs}${brazilAs ? ` and ${brazilAs}` : ''} talked coffee ${1 + (n % 4)} times with ${n % 2 ? 'Kenia' : 'Kenya'}.`,
          );
          both.mention(id, japanId, japanAs);
          if (brazilAs) both.mention(id, brazilId, brazilAs);
          both.mention(id, kenyaId, n % 2 ? 'Kenia' : 'Kenya');
        }
      refreshEntityStats(both.db);
      const queries: [string, Parameters<typeof search>[2]][] = [
        ['Japan Brazil', {}],
        ['Japan Brazil coffee', {}],
        ['Brazil Japan', { from: '1987-05-10' }],
        ['Japan Brazil', { sort: '-date' }],
        ['Japan Brazil', { bounds: { scoredMatches: 3, recentCandidates: 2, titleCandidates: 1 } }],
        // Three names share the candidates mentioning them most (4 / 3 of them each).
        ['Japan Brazil Kenya', { bounds: { scoredMatches: 3, recentCandidates: 4, titleCandidates: 1 } }],
      ];
      // Those mentioning a name without its words as bitmaps (mentionOnlyTable 0), or as tables.
      const run = (store: Store, mentionOnlyTable?: number) =>
        queries.map(([q, options]) =>
          search(store, q, { ...options, bounds: { ...options?.bounds, mentionOnlyTable }, limit: 20 }),
        );
      const asBitmaps = run(both.db, 0);
      expect(asBitmaps.map((r) => r.total)).toEqual([14, 14, asBitmaps[2].total, 14, 14, 14]);
      expect(asBitmaps[2].total).toBeGreaterThan(0);
      expect(asBitmaps[2].total).toBeLessThan(14);
      expect(new Set(asBitmaps[0].hits.map((h) => h.id)).size).toBe(14);
      const asTables = run(both.db);
      for (const [i, r] of asBitmaps.entries()) {
        expect(r.total).toBe(asTables[i].total);
        expect(r.hits.map((h) => [h.id, h.score])).toEqual(asTables[i].hits.map((h) => [h.id, h.score]));
      }
      expectSameWithIn(both.file, (store) => run(store, 0), asBitmaps);
    } finally {
      both.close();
    }
  });

  it('score, past the bound, only the latest few filtered matches and the title matches before them', () => {
    // `oil --entity Japan`: the 20 documents naming Japan, all with oil.
    const plan = (bounds: Partial<SearchPlan>): SearchPlan =>
      searchPlan({
        match: '"oil"',
        units: [{ expression: '"oil"', entities: [] }],
        filters: [[{ kind: 'entity', id: japan }]],
        entityBonus: 2,
        prunable: true,
        depth: 100,
        ...bounds,
      });
    const whole = searchDocuments(fx.db, plan({ scoredMatches: 40 }));
    expect(whole.total).toBe(20);
    expect(whole.rows).toHaveLength(20);
    // The latest 2 and 1 title match before them: the latest 10 were all scored before.
    const pruned = searchDocuments(fx.db, plan({ scoredMatches: 10, recentCandidates: 2, titleCandidates: 1 }));
    expect(pruned.total).toBe(20);
    expect(pruned.rows.length).toBeGreaterThanOrEqual(2);
    expect(pruned.rows.length).toBeLessThanOrEqual(3);
  });

  it("build a filter's set once in a process while the database is unchanged, though each search writes its snippets", () => {
    const store = openDatabase(file, { readonly: true });
    // Every statement's `get`, watched for the sets' statements (a pragma reaches the class).
    const proto = Object.getPrototypeOf(sqlite(store).prepare('PRAGMA data_version')) as {
      get: (...a: unknown[]) => unknown;
    };
    const get = proto.get;
    const built: string[] = [];
    proto.get = function (this: { source: string }, ...a: unknown[]) {
      if (/corpus_idset\(id\) AS bits/.test(this.source)) built.push(this.source);
      return get.apply(this, a);
    };
    try {
      const first = search(store, 'oil', { from: '1987-03', to: '1987-05', entities: ['Japan'] });
      const sets = built.length;
      expect(sets).toBeGreaterThan(0);
      // Snippets as a search with many matches marks them: in a temporary table of the connection.
      expect(
        markedTexts(
          store,
          '"oil"',
          first.hits.map((h) => h.id),
          Number.MAX_SAFE_INTEGER,
        ).size,
      ).toBeGreaterThan(0);
      const again = search(store, 'oil', { from: '1987-03', to: '1987-05', entities: ['Japan'] });
      expect(built.length).toBe(sets);
      expect(again.hits.map((h) => h.id)).toEqual(first.hits.map((h) => h.id));
    } finally {
      proto.get = get;
      store.close();
    }
  });

  it('order a page by date as sorting every match would, with or without the extension', () => {
    type Options = Parameters<typeof search>[2];
    const cases: [string, Options][] = [
      ['oil', {}], // most documents: the date index is walked, testing each against the matches' set
      ['Nippon', {}], // few: their own dates read and sorted
      ['Japan oil', {}],
      ['oil', { from: '1987-03', to: '1987-05' }],
      ['oil', { entities: ['Japan'] }],
      ['trade', { source: 'Kyodo' }],
      ['', { source: 'Kyodo' }], // filters alone, the undated among them
      ['', { entities: ['Japan'], from: '1987-02' }],
    ];
    // Every match, ordered here: by date (undated last either way), then by id the same way.
    const expected = (store: Store, q: string, options: Options, oldest: boolean) => {
      const all = search(store, q, { ...options, limit: 1000 });
      const sign = oldest ? 1 : -1;
      const ordered = [...all.hits].sort(
        (a, b) =>
          (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) ||
          sign * (a.date ?? '').localeCompare(b.date ?? '') ||
          sign * (a.id - b.id),
      );
      return { total: all.total, ids: ordered.map((h) => h.id) };
    };
    const pages = (store: Store) =>
      cases.flatMap(([q, options]) =>
        (['date', '-date'] as const).flatMap((sort) =>
          [0, 7].map((offset) => {
            const r = search(store, q, { ...options, sort, offset, limit: 10 });
            const want = expected(store, q, options, sort === 'date');
            expect(r.total, `${q} ${sort}`).toBe(want.total);
            expect(r.total, q).toBeGreaterThan(offset);
            expect(
              r.hits.map((h) => h.id),
              `${q} ${sort} from ${offset}`,
            ).toEqual(want.ids.slice(offset, offset + 10));
            return [r.total, ...r.hits.map((h) => h.id)];
          }),
        ),
      );
    const withExtension = pages(fx.db);
    // The undated document is last of the oldest-first order of `oil` and first of nothing.
    const oil = search(fx.db, 'oil', { sort: 'date', offset: 40, limit: 20 }).hits;
    expect(oil.at(-1)?.path).toBe('undated.txt');
    expect(search(fx.db, 'oil', { sort: '-date', limit: 1 }).hits[0].date).toBe('1987-12-24');
    withoutExtension(file, (plain) => {
      expect(pages(plain)).toEqual(withExtension);
    });
  });

  it('are built again when the database changes, through another connection or this one', () => {
    const reader = openDatabase(file, { readonly: true });
    try {
      const kyodo = (store: Store) => search(store, 'oil', { source: 'Kyodo', from: '1987-01' }).total;
      const before = kyodo(reader);
      expect(kyodo(fx.db)).toBe(before);
      fx.doc({ path: 'late.txt', title: 'LATE OIL', date: '1987-12-30', source: 'Kyodo' }, 'Late oil news.');
      expect(kyodo(reader)).toBe(before + 1);
      expect(kyodo(fx.db)).toBe(before + 1);
    } finally {
      reader.close();
    }
  });

  it("score with the words' document counts of the moment, after this connection's own writes too", () => {
    const scores = (store: Store) => search(store, 'oil trade', { limit: 10 }).hits.map((h) => [h.id, h.score]);
    const before = scores(fx.db);
    // One more document with both words, written through the connection that just searched.
    fx.doc({ path: 'more-oil.txt', title: 'MORE OIL', date: '1987-12-29', source: 'Kyodo' }, 'Oil, oil and trade.');
    const fresh = openDatabase(file, { readonly: true });
    try {
      const now = scores(fresh);
      expect(now).not.toEqual(before);
      expect(scores(fx.db)).toEqual(now);
    } finally {
      fresh.close();
    }
  });

  it('filter by a source holding most documents through the set of those it leaves out, as IN does', () => {
    const file = path.join(tempDir('corpus-idset-wire-'), 'wire.db');
    const wire = new SearchFixture(file);
    try {
      // Nine of twelve from one wire (spelled two ways), one from another, two with none.
      const sources = ['Reuters', 'Reuters', 'REUTERS', 'Reuters', 'AP', 'Reuters', null, 'Reuters', 'Reuters', null];
      for (const [i, source] of [...sources, 'Reuters', 'Reuters'].entries())
        wire.doc(
          { path: `w${i}.txt`, title: `Oil report ${i}`, date: `1987-03-${String(10 + i)}`, source },
          `Oil prices moved ${i % 3} times; dealers said so.`,
        );
      const ask = (store: Store) => [
        search(store, 'oil', { source: 'reuters', limit: 20 }),
        search(store, '', { source: 'reuters', limit: 20 }),
        search(store, 'oil', { source: 'reuters', from: '1987-03-15', limit: 20 }),
        search(store, 'oil', { source: 'AP', limit: 20 }),
      ];
      const withSets = ask(wire.db);
      expect(withSets.map((r) => r.total)).toEqual([9, 9, 5, 1]);
      for (const hit of withSets[0].hits) expect(hit.source?.toLowerCase()).toBe('reuters');
      expectSameWithIn(file, ask, withSets);
    } finally {
      wire.close();
    }
  });

  it('look each match up in a tag far larger than the query word, as IN does', () => {
    const file = path.join(tempDir('corpus-idset-tag-'), 'tag.db');
    const tagged = new SearchFixture(file);
    try {
      // Thirty of thirty-two tagged usa (one as USA); cocoa in four of them and in one not; zinc in
      // one of them, tin in one not: usa holds more than 25 times their documents, so their matches
      // are looked up in it, one by one.
      for (let i = 0; i < 32; i++)
        tagged.doc(
          {
            path: `t${i}.txt`,
            title: `Report ${i}`,
            date: `1987-04-${String(1 + (i % 28)).padStart(2, '0')}`,
            tags: i < 30 ? [i === 7 ? 'USA' : 'usa', ...(i % 2 ? ['grain'] : [])] : ['uk'],
          },
          `${i % 8 === 0 || i === 31 ? 'Cocoa' : 'Wheat'} prices moved ${1 + (i % 3)} times.${i === 3 ? ' Zinc too.' : i === 30 ? ' Tin too.' : ''}`,
        );
      const ask = (store: Store) => [
        search(store, 'cocoa', { tags: ['usa'], limit: 20 }),
        search(store, 'cocoa', { tags: ['usa', 'grain'], limit: 20 }),
        search(store, 'prices', { tags: ['USA'], limit: 20 }),
        search(store, 'zinc', { tags: ['usa'], limit: 20 }),
        search(store, 'zinc', { tags: ['usa', 'grain'], limit: 20 }),
        search(store, 'tin', { tags: ['USA'], limit: 20 }),
      ];
      const looked = ask(tagged.db);
      expect(looked.map((r) => r.total)).toEqual([4, 0, 30, 1, 1, 0]);
      expect(looked[3].hits.map((h) => h.path)).toEqual(['t3.txt']);
      expect(looked[0].hits.map((h) => h.path).sort()).toEqual(['t0.txt', 't16.txt', 't24.txt', 't8.txt']);
      expectSameWithIn(file, ask, looked);
    } finally {
      tagged.close();
    }
  });

  it("give way to SQL's IN where the ids span more than a bitmap holds", () => {
    const sparse = new SearchFixture(path.join(tempDir('corpus-idset-sparse-'), 'sparse.db'));
    try {
      const japan = sparse.entity('COUNTRY', 'Japan');
      for (const [i, id] of [1, 2, 3, 2 ** 28].entries()) {
        const named = i === 1 ? 'Norway' : 'Japan';
        const doc = sparse.doc(
          { id, path: `s${i}.txt`, title: `Report ${i}`, date: `1987-0${1 + i}-01` },
          `${named} bought oil.`,
        );
        if (named === 'Japan') sparse.mention(doc, japan, named);
      }
      hasRankFunction(sqlite(sparse.db));
      expect(() => inIdSet(sparse.db, [1, 2 ** 28], [1])).toThrow(/span/);
      const filtered = search(sparse.db, 'oil', { entities: ['Japan'] });
      expect(filtered.total).toBe(3);
      expect(filtered.hits.map((h) => h.path).sort()).toEqual(['s0.txt', 's2.txt', 's3.txt']);
      expect(search(sparse.db, 'oil', { from: '1987-02', to: '1987-04' }).total).toBe(3);
      expect(search(sparse.db, '', { entities: ['Japan'], from: '1987-03' }).total).toBe(2);
      expect(search(sparse.db, 'Japan oil').total).toBe(3);
    } finally {
      sparse.close();
    }
  });
});
