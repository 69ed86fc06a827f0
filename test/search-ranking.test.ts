import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/db.js';
import { search } from '../src/search/search.js';
import { boundQueryCost } from '../src/search/cost.js';
import { compileQuery, hasPrefix } from '../src/search/query.js';
import { boilerplate } from '../src/search/ranking.js';
import { bareBm25 } from '../src/store/ranking.js';
import { markedTexts, SCRATCH_WALK, searchDocuments, type SearchPlan } from '../src/store/search.js';
import { documentIdsByPath } from '../src/store/documents.js';
import { makeSnippet, storyStart } from '../src/search/snippet.js';
import { corpus, tempDir } from './helpers.js';
import { SearchFixture, searchPlan } from './search-fixture.js';

/** A search plan for `query`'s words: title weighted, no entities or filters, ten hits; `extra` overrides. */
const planFor = (query: string, extra: Partial<SearchPlan> = {}): SearchPlan =>
  searchPlan({ match: compileQuery(query).match, prefixes: hasPrefix(compileQuery(query)), ...extra });

/** Runs `test` on a fresh database of its own, closed afterwards whatever happens. */
function withFixture(name: string, test: (fx: SearchFixture) => void): void {
  const fx = new SearchFixture(path.join(tempDir(`corpus-${name}-`), `${name}.db`));
  try {
    test(fx);
  } finally {
    fx.close();
  }
}

const prose = (topic: string, n: number): string =>
  Array.from(
    { length: n },
    (_, i) => `Traders said the ${topic} market moved on news number ${i % 3} from the exporters and the ministers.`,
  ).join(' ');

describe('ranking, query handling and query cost', () => {
  let fx: SearchFixture;
  let db: Store;
  let file: string;

  beforeAll(() => {
    file = path.join(tempDir('corpus-rank-'), 'rank.db');
    fx = new SearchFixture(file);
    // A price notice (short, figures) and a story (prose) about the same words.
    fx.doc(
      { path: 'notice.txt', title: 'EXXON CUTS HEATING OIL PRICE', date: '1987-03-02' },
      'Exxon cut its heating oil price 1.50 cts to 43.25 cts a gallon, effective 0900 EST.\nNY 43.25 cts 44.75 cts\nBoston 44.10 cts 45.60 cts\nAlbany 44.50 cts 45.90 cts\nPortland 44.20 cts 45.70 cts\nPrice 43.25 cts\n',
    );
    fx.doc(
      { path: 'story.txt', title: 'OIL PRICES SEEN STEADY, OPEC SAYS', date: '1987-03-03' },
      `OPEC ministers expect oil prices to hold after oil prices fell last year. ${prose('oil', 12)}`,
    );
    for (let i = 0; i < 8; i++)
      fx.doc({ path: `filler-${i}.txt`, title: `Grain report ${i}`, date: '1987-04-01' }, prose('grain', 4));
    // "said" carried by a recognizer's mistaken PERSON: the word must stay a word.
    const micro = fx.doc({ path: 'micro.txt', title: 'Micro results', date: '1987-05-01' }, 'Micro said profits rose.');
    fx.mention(micro, fx.entity('PERSON', 'Micro said', ['said']), 'Micro said', 'PERSON');
    fx.doc(
      { path: 'volcker-1.txt', title: 'Volcker on rates', date: '1987-05-02' },
      'Paul Volcker said rates would stay.',
    );
    fx.doc(
      { path: 'volcker-2.txt', title: 'Volcker testimony', date: '1987-05-03' },
      'Volcker told Congress the dollar was stable.',
    );
    for (let i = 0; i < 20; i++)
      fx.doc(
        { path: `fed-${i}.txt`, title: `Fed chairman ${i}`, date: '1987-06-01' },
        `Fed chairman Volcker spoke, item ${i}.`,
      );
    fx.doc(
      { path: 'volker.txt', title: 'Ford hails Volker', date: '1987-06-02' },
      'Ford praised Volker for his service.',
    );
    fx.doc(
      { path: 'trade-war.txt', title: 'Trade war fears', date: '1987-04-01' },
      'A trade war with Japan is feared by exporters.',
    );
    fx.doc(
      { path: 'trade-war-2.txt', title: 'Trade war talk', date: '1987-04-02' },
      'Europe warned of a trade war over farm subsidies.',
    );
    fx.doc({ path: 'blob.txt', title: 'Blob', date: '1987-07-01' }, `zqx${'a'.repeat(200_000)} tail words here`);
    db = fx.db;
  });
  afterAll(() => fx?.close());

  it('ranks the story above the price notice for a prose query (bm25 alone does the opposite)', () => {
    const r = search(db, 'oil prices');
    expect(r.hits.map((h) => h.path)).toEqual(['story.txt', 'notice.txt']);
    const byId = new Map(r.hits.map((h) => [h.id, h.path]));
    const bare = bareBm25(db, compileQuery('oil prices').match!, 2);
    expect(bare.map((id) => byId.get(id))).toEqual(['notice.txt', 'story.txt']);
  });

  /** A plain search plan for `volcker`, the first `limit` hits, title weighted. */
  const volckerPlan = (limit: number) => planFor('volcker', { limit });

  it('past the scored-matches bound, keeps the exact count and finds the title matches first', () => {
    const plan = volckerPlan(2);
    const full = searchDocuments(db, plan);
    const bounded = searchDocuments(db, { ...plan, prunable: true, scoredMatches: 3 });
    expect(bounded.total).toBe(full.total);
    expect(full.total).toBeGreaterThan(3);
    expect(bounded.rows.map((r) => r.title)).toEqual(full.rows.map((r) => r.title));
    expect(bounded.rows[0].title).toMatch(/Volcker/);
    // A phrase is pruned the same way.
    const phrase = { ...plan, match: compileQuery('"fed chairman"').match };
    const whole = searchDocuments(db, phrase);
    const pruned = searchDocuments(db, { ...phrase, prunable: true, scoredMatches: 3 });
    expect(whole.total).toBe(20);
    expect(pruned.total).toBe(20);
    expect(pruned.rows[0].title).toMatch(/^Fed chairman/);
  });

  it('past the huge-result bound, counts the rest when it is near, else estimates it, and still ranks', () => {
    const plan = volckerPlan(3);
    const full = searchDocuments(db, plan);
    expect(full.estimated).toBe(false);
    // What was not counted lies within one window of ids (the whole small corpus): counted too.
    const huge = searchDocuments(db, { ...plan, hugeMatches: 5 });
    expect(huge).toMatchObject({ total: full.total, estimated: false });
    expect(huge.rows).toHaveLength(3);
    // Farther: sampled from windows spread over it, an estimate past what was counted.
    const sampled = searchDocuments(db, { ...plan, hugeMatches: 5, estimateWindow: 4 });
    expect(sampled.estimated).toBe(true);
    expect(sampled.total).toBeGreaterThan(5);
    expect(sampled.rows).toHaveLength(3);
  });

  it('scores tables and price notices as boilerplate, prose not', () => {
    expect(boilerplate('Shr 1.10 dlrs vs 90 cts\nNet 4.5 mln vs 3.9 mln\nRevs 50.1 mln vs 40.2 mln\n')).toBeGreaterThan(
      0.9,
    );
    expect(boilerplate(prose('oil', 3))).toBeLessThan(0.3);
  });

  it('never takes the entity path for a common word a recognizer once tagged', () => {
    const r = search(db, 'said');
    expect(r.queryEntities).toEqual([]);
    expect(r.total).toBeGreaterThan(10);
  });

  it('suggests a far commoner close word when a query word is rare', () => {
    const r = search(db, 'volker');
    expect(r.total).toBe(1);
    expect(r.didYouMean?.toLowerCase()).toBe('volcker');
    expect(search(db, 'volcker').didYouMean).toBeNull();
  });

  it('sorts by date both ways', () => {
    expect(search(db, 'volcker', { sort: 'date', limit: 1 }).hits[0].path).toBe('volcker-1.txt');
    expect(search(db, 'volcker', { sort: '-date', limit: 1 }).hits[0].date).toBe('1987-06-01');
  });

  it('leaves out the costliest terms beyond the budget, keeps the first, and says so', () => {
    const { query, notices } = boundQueryCost(db, compileQuery('"oil prices" OR said OR the OR market'), 60);
    const kept = query.groups.flatMap((g) => g.alternatives.map((t) => t.raw));
    expect(kept[0]).toBe('oil prices');
    expect(kept).not.toContain('the');
    expect(notices.join(' ')).toMatch(/too costly.*left out/);
  });

  it('never leaves out a word every hit must have or must not have, whatever the budget', () => {
    const { query, notices } = boundQueryCost(db, compileQuery('oil prices -grain'), 1);
    expect(query.match).toBe(compileQuery('oil prices -grain').match);
    expect(notices).toEqual([]);
    const r = search(db, 'oil prices');
    expect(r.hits.every((h) => /oil/i.test(h.snippet) && /price/i.test(h.snippet))).toBe(true);
  });

  it('searches a prefix with too many expansions as a word, and says so', () => {
    const { query, notices } = boundQueryCost(db, compileQuery('tr*'), 1e9, 1);
    expect(query.groups[0].alternatives[0].prefix).toBe(false);
    expect(notices[0]).toMatch(/'tr\*' matches more than 1 indexed words/);
  });

  it('keeps a snippet short even when a match is a huge run without spaces', () => {
    const text = `start ${'x'.repeat(5_000_000)} end`;
    const snippet = makeSnippet(text, [[6, 5_000_006]]);
    expect(snippet.text.length).toBeLessThanOrEqual(2 * 160 + 2);
    const hit = search(db, 'zqx*').hits[0];
    expect(hit?.snippet.length ?? 0).toBeLessThanOrEqual(2 * 160 + 2);
  });

  it('CLI: -word after a quoted phrase is an exclusion, the header shows the query as typed, --sort checked', () => {
    const run = corpus(['search', '"trade war"', '-Japan', '--db', file], { env: { NO_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 document matches "trade war" -Japan;/);
    expect(run.stdout).toContain('trade-war-2.txt');
    expect(run.stdout).not.toContain('trade-war.txt\n');
    const typo = corpus(['search', 'oil', '--limt', '3', '--db', file]);
    expect(typo.code).toBe(2);
    // One line, as every error: commander's own too.
    expect(typo.stderr).toBe("corpus: unknown option '--limt' (run with --help for usage)\n");
    const sorted = corpus(['search', 'volcker', '--sort', '-date', '--limit', '1', '--db', file]);
    expect(sorted.stdout).toMatch(/1987-06-01/);
    expect(corpus(['search', 'oil', '--sort', 'size', '--db', file]).stderr).toMatch(
      /--sort must be one of relevance, date, -date/,
    );
  });

  it('CLI: prints did you mean', () => {
    const run = corpus(['search', 'volker', '--db', file], { env: { NO_COLOR: '1' } });
    expect(run.stdout).toMatch(/^Did you mean "volcker"\?/i);
  });
});

describe('pruned ranking of a frequent word without filters', () => {
  it('counts every match and scores the likely ones in one walk: an old title match still ranks first', () => {
    withFixture('one-walk', (fx) => {
      // The only document with the word in its title is the oldest, behind more than a pruning
      // pass's latest matches: the title index still makes it a candidate.
      fx.doc({ path: 'old.txt', title: 'Wheat sales', date: '1987-01-02' }, 'Farmers sold wheat.');
      for (let i = 0; i < 1100; i++)
        fx.doc({ path: `later-${i}.txt`, title: `Lot ${i}`, date: '1987-06-01' }, `Wheat was shipped, lot ${i}.`);
      const plan = planFor('wheat', { limit: 3, prunable: true, scoredMatches: 4 });
      const twoWalks = searchDocuments(fx.db, plan);
      const oneWalk = searchDocuments(fx.db, { ...plan, matchesAtMost: 1101 });
      expect(oneWalk.total).toBe(1101);
      expect(oneWalk.estimated).toBe(false);
      expect(oneWalk.rows[0].title).toBe('Wheat sales');
      expect(oneWalk).toMatchObject({ total: twoWalks.total, rows: twoWalks.rows });
      // A result past the huge bound is estimated, as when counted apart.
      const huge = searchDocuments(fx.db, { ...plan, matchesAtMost: 1101, hugeMatches: 500, estimateWindow: 100 });
      expect(huge.estimated).toBe(true);
      expect(Math.abs(huge.total - 1101)).toBeLessThan(110);
      expect(huge.rows).toHaveLength(3);
      // Too many to score: the latest title matches come first, however old (not only the latest matches).
      expect(huge.rows[0].title).toBe('Wheat sales');
      // The same bounds from a search's options (bench:relevance scales them down to a million's).
      // (Its rest within one window of ids, it is counted, but still too many to score.)
      const bounded = search(fx.db, 'wheat', { bounds: { hugeMatches: 500 } });
      expect(bounded).toMatchObject({ total: 1101, totalEstimated: false });
      expect(bounded.hits[0].title).toBe('Wheat sales');
      // Estimated from the latest documents (pruned past 100), unless facets read every match: then
      // the header says what they counted.
      const guessed = search(fx.db, 'wheat', { bounds: { hugeMatches: 500, scoredMatches: 100 } });
      expect(guessed).toMatchObject({ totalEstimated: true });
      const faceted = search(fx.db, 'wheat', { bounds: { hugeMatches: 500, scoredMatches: 100 }, facets: true });
      expect(faceted).toMatchObject({ total: 1101, totalEstimated: false, facets: { documents: 1101 } });
      expect(search(fx.db, 'wheat').totalEstimated).toBe(false);
      // Fewer matches than the bound: every one is scored, as without pruning.
      const few = planFor('farmers', { limit: 3, prunable: true, scoredMatches: 4, matchesAtMost: 5 });
      expect(searchDocuments(fx.db, few)).toMatchObject({ total: 1, rows: [{ title: 'Wheat sales' }] });
      // The rarest word's documents past the one-walk bound: given the counts (the ranking extension),
      // still one walk when the latest documents say the result is not huge, with the same page.
      const counted = { ...plan, matchesAtMost: 1_000_000, phraseDocuments: new Map([['wheat', 1101]]) };
      expect(searchDocuments(fx.db, counted)).toMatchObject({ total: 1101, estimated: false, rows: twoWalks.rows });
      expect(searchDocuments(fx.db, { ...counted, hugeMatches: 500 })).toMatchObject({ estimated: true });
      // Estimated far past the bound: taken as past it without a count, the same page and total.
      const farPast = searchDocuments(fx.db, { ...counted, hugeMatches: 200 });
      expect(farPast).toMatchObject({ total: 1101, estimated: true });
      expect(farPast.rows[0].title).toBe('Wheat sales');
      // A prefix is pruned as a word is: counted whole, the old title match among its candidates.
      const prefix = searchDocuments(fx.db, planFor('whea*', { limit: 3, prunable: true, scoredMatches: 4 }));
      expect(prefix).toMatchObject({ total: 1101, estimated: false, rows: [{ title: 'Wheat sales' }, {}, {}] });
    });
  });
});

describe('pruned ranking of a frequent word under filters', () => {
  it('takes its candidates within the filters: the page is never empty when the count is not', () => {
    withFixture('prune', (fx) => {
      // Five June documents about wheat, then more than a pruning pass's latest matches from a later year.
      // The oldest of them has the word in its title: past the bound it is still a candidate.
      for (let i = 0; i < 5; i++)
        fx.doc(
          { path: `june-${i}.txt`, title: i === 0 ? 'Wheat sales' : `Lot ${i}`, date: '1987-06-0' + (i + 1) },
          `Farmers sold wheat, lot ${i}.`,
        );
      for (let i = 0; i < 1100; i++)
        fx.doc({ path: `later-${i}.txt`, date: '1988-02-01' }, `Wheat was shipped, lot ${i}.`);
      const plan = planFor('wheat', {
        from: '1987-06-01',
        to: '1987-06-30',
        limit: 3,
        prunable: true,
        scoredMatches: 4,
      });
      const page = searchDocuments(fx.db, plan);
      expect(page.total).toBe(5);
      expect(page.rows).toHaveLength(3);
      expect(page.rows.every((r) => r.date?.startsWith('1987-06'))).toBe(true);
      expect(page.rows[0].date).toBe('1987-06-01');
      // A range too wide to hold as a set: each match's date is looked up instead, with the same result.
      const wide = searchDocuments(fx.db, { ...plan, narrowRange: 2 });
      expect(wide.total).toBe(5);
      expect(wide.rows).toEqual(page.rows);
      expect(searchDocuments(fx.db, { ...plan, from: null, to: '1987-12-31', narrowRange: 2 }).total).toBe(5);
      // More filtered matches than a search scores, the rest near: counted, and the page still comes
      // from within the filters.
      const huge = searchDocuments(fx.db, { ...plan, hugeMatches: 3 });
      expect(huge).toMatchObject({ total: 5, estimated: false, atLeast: false });
      // The rest far (windows of 25 ids): estimated from windows spread over it, not from the latest
      // documents alone, which hold none of the June matches (but all of a range to 1988's).
      const spread = searchDocuments(fx.db, { ...plan, to: '1988-12-31', hugeMatches: 3, estimateWindow: 100 });
      expect(spread).toMatchObject({ estimated: true, atLeast: false });
      expect(Math.abs(spread.total - 1105)).toBeLessThan(110);
      // A prefix's rest is counted in one walk (a window would cost it as much): exact.
      const { match, prefixes } = planFor('whea*');
      expect(prefixes).toBe(true);
      const prefixed = searchDocuments(fx.db, {
        ...plan,
        match,
        prefixes,
        to: '1988-12-31',
        hugeMatches: 3,
        estimateWindow: 100,
      });
      expect(prefixed).toMatchObject({ total: 1105, estimated: false });
      // No window holds a match past those counted: the total is what was counted, a floor.
      const floor = searchDocuments(fx.db, { ...plan, to: '1987-06-04', hugeMatches: 3, estimateWindow: 100 });
      expect(floor).toMatchObject({ total: 4, estimated: true, atLeast: true });
      expect(floor.rows.every((r) => r.date?.startsWith('1987-06'))).toBe(true);
      expect(huge.rows).toHaveLength(3);
      expect(huge.rows.every((r) => r.date?.startsWith('1987-06'))).toBe(true);
    });
  });
});

describe('pruned ranking of a frequent name', () => {
  it('counts the documents with its words or a mention exactly, and ranks a title mention first', () => {
    withFixture('prune-name', (fx) => {
      const acme = fx.entity('ORG', 'Acme Mining', ['the miner']);
      const titled = fx.doc(
        { path: 'titled.txt', title: 'Acme Mining cuts output', date: '1987-03-01' },
        'Acme Mining cut output.',
      );
      fx.mention(titled, acme, 'Acme Mining', 'ORG');
      for (let i = 0; i < 6; i++) {
        const d = fx.doc(
          { path: `body-${i}.txt`, title: `Metals ${i}`, date: '1987-03-02' },
          `Copper rose; Acme Mining said lot ${i}.`,
        );
        fx.mention(d, acme, 'Acme Mining', 'ORG');
      }
      // Mentioned only by another name: found by its mention, not its words.
      const alias = fx.doc(
        { path: 'alias.txt', title: 'Strike ends', date: '1987-03-03' },
        'Workers at the miner went back.',
      );
      fx.mention(alias, acme, 'the miner', 'ORG');
      const plan = planFor('acme mining', {
        units: [{ expression: '(acme AND mining)', entities: [{ id: acme, kind: 'entity' }] }],
        limit: 3,
        entityBonus: 0.5,
      });
      const full = searchDocuments(fx.db, plan);
      const pruned = searchDocuments(fx.db, { ...plan, scoredMatches: 2 });
      expect(full.total).toBe(8);
      expect(pruned.total).toBe(8);
      expect(pruned.rows[0].id).toBe(titled);
      expect(pruned.rows.map((r) => r.id)).toEqual(full.rows.map((r) => r.id));
      // The name and a word: the count is of every candidate, the title match still first.
      const copper = fx.doc(
        { path: 'copper.txt', title: 'Copper: Acme Mining expands', date: '1987-02-01' },
        'Acme Mining will mine copper.',
      );
      fx.mention(copper, acme, 'Acme Mining', 'ORG');
      const both = {
        ...plan,
        match: compileQuery('acme mining copper').match,
        units: [...plan.units, { expression: 'copper', entities: [] }],
      };
      // Named only by another name beside the word: a candidate (counted apart from those with the words).
      const aliasCopper = fx.doc(
        { path: 'alias-copper.txt', title: 'Smelter', date: '1987-01-15' },
        'Then the miner sold copper.',
      );
      fx.mention(aliasCopper, acme, 'the miner', 'ORG');
      const all = searchDocuments(fx.db, both);
      const few = searchDocuments(fx.db, { ...both, scoredMatches: 2 });
      expect(all.total).toBe(8);
      expect(few.total).toBe(8);
      expect(searchDocuments(fx.db, { ...both, limit: 8 }).rows.map((r) => r.id)).toContain(aliasCopper);
      expect(searchDocuments(fx.db, { ...both, limit: 8, scoredMatches: 2 }).rows.map((r) => r.id)).toContain(
        aliasCopper,
      );
      expect(few.rows[0].id).toBe(copper);
      expect(all.rows[0].id).toBe(copper);
      // Every match, for facets and the date orders, without scoring them.
      expect(new Set(all.allIds!()).size).toBe(8);
      expect(searchDocuments(fx.db, { ...both, sort: '-date' }).total).toBe(8);
      // The name alone, asked now: the two copper reports are two more.
      expect(new Set(full.allIds!()).size).toBe(10);
      const byDate = searchDocuments(fx.db, { ...plan, sort: 'date', limit: 10 });
      expect(byDate.total).toBe(10);
      expect(byDate.rows[0].id).toBe(aliasCopper);
      // Within a date range, pruned or not: those with the words and the one named by another name
      // there, not one named so later.
      const later = fx.doc({ path: 'later.txt', title: 'Smelter', date: '1987-03-20' }, 'The miner bought copper.');
      fx.mention(later, acme, 'The miner', 'ORG');
      const winter = { ...both, from: '1987-01-01', to: '1987-02-28', limit: 8 };
      for (const bounds of [{}, { scoredMatches: 1 }]) {
        const dated = searchDocuments(fx.db, { ...winter, ...bounds });
        expect(dated.total).toBe(2);
        expect(dated.rows.map((r) => r.id)).toEqual([copper, aliasCopper]);
      }
      expect(searchDocuments(fx.db, { ...both, limit: 10 }).total).toBe(9);
      // The name alone within a date range: counted within it, and pruned to its likely candidates
      // within it too (the latest title match of all, copper's in February, is no March candidate).
      // (No latest or most mentioning candidates: the title match is one by its title alone.)
      const tight = { scoredMatches: 1, titleCandidates: 1, recentCandidates: 0 };
      for (const [range, total, first] of [
        [{ from: '1987-03-01', to: '1987-03-31' }, 9, titled],
        [{ from: '1987-01-01', to: '1987-02-28' }, 2, copper],
      ] as const) {
        const whole = searchDocuments(fx.db, { ...plan, ...range, limit: 10 });
        const cut = searchDocuments(fx.db, { ...plan, ...range, ...tight, limit: 10 });
        expect([whole.total, cut.total]).toEqual([total, total]);
        expect([whole.rows[0].id, cut.rows[0].id]).toEqual([first, first]);
      }
    });
  });
});

describe('a name whose words alone are past the bound of a huge result', () => {
  it('estimates its documents without the words from the latest ones, says so, and ranks as when counted', () => {
    withFixture('huge-name', (fx) => {
      const acme = fx.entity('ORG', 'Acme', ['the miner']);
      // Every third document names it by another name only; the rest by its word.
      for (let i = 0; i < 90; i++) {
        const byWord = i % 3 !== 0;
        const d = fx.doc(
          {
            path: `d${i}.txt`,
            title: i === 40 ? 'Acme cuts output' : `Metals ${i}`,
            date: '1987-03-02',
            source: i < 80 ? 'Wire' : 'Other',
          },
          byWord ? `Copper rose; Acme said lot ${i}.${' Acme'.repeat(i % 4)}` : `Copper rose; the miner said lot ${i}.`,
        );
        fx.mention(d, acme, byWord ? 'Acme' : 'the miner', 'ORG');
      }
      const plan = searchPlan({
        match: compileQuery('acme').match,
        units: [{ expression: 'acme', entities: [{ id: acme, kind: 'entity' }] }],
        limit: 5,
        entityBonus: 0.5,
        scoredMatches: 10,
      });
      const counted = searchDocuments(fx.db, plan);
      expect(counted).toMatchObject({ total: 90, estimated: false });
      // 60 with the word, past 50: the 30 without it estimated from the latest 30 documents (10 there).
      const huge = searchDocuments(fx.db, { ...plan, hugeMatches: 50, estimateWindow: 30 });
      expect(huge).toMatchObject({ total: 90, estimated: true });
      expect(huge.rows.map((r) => r.id)).toEqual(counted.rows.map((r) => r.id));
      // Filtered, the latest documents need not be a fair sample: counted.
      const wire = searchDocuments(fx.db, { ...plan, source: 'Wire', hugeMatches: 50, estimateWindow: 30 });
      expect(wire).toMatchObject({ total: 80, estimated: false });
    });
  });
});

describe('a query few documents match in full', () => {
  it('shows the one or two holding every word first, then those holding all but the odd word out', () => {
    withFixture('few-full', (fx) => {
      const full = fx.doc(
        { path: 'full.txt', title: 'Currency talks', date: '1987-10-21' },
        'Baker and Stoltenberg ended their dispute.',
      );
      for (let i = 0; i < 6; i++)
        fx.doc(
          { path: `row-${i}.txt`, title: `Rates row ${i}`, date: '1987-10-20' },
          `Baker criticised Stoltenberg over interest rates, report ${i}.`,
        );
      fx.doc({ path: 'other.txt', title: 'Trade', date: '1987-10-20' }, 'A trade dispute flared.');
      const r = search(fx.db, 'Baker Stoltenberg dispute', { limit: 5 });
      expect(r.total).toBe(7);
      expect(r.hits[0].id).toBe(full);
      expect(r.hits.map((h) => h.path).slice(1)).toEqual(expect.arrayContaining([expect.stringMatching(/^row-/)]));
      expect(r.notices).toContainEqual(
        expect.stringMatching(/only one document holds all the words: after it, those without dispute/),
      );
      // The next page goes on with the rest, the full match not shown again.
      const next = search(fx.db, 'Baker Stoltenberg dispute', { limit: 5, offset: 5 });
      expect(next.hits.map((h) => h.path).sort()).toEqual(
        ['row-0.txt', 'row-1.txt', 'row-2.txt', 'row-3.txt', 'row-4.txt', 'row-5.txt'].filter(
          (p) => !r.hits.some((h) => h.path === p),
        ),
      );
      // By date, the words are what they are: one document.
      expect(search(fx.db, 'Baker Stoltenberg dispute', { sort: 'date' }).total).toBe(1);
    });
  });
});

describe('a query naming an event', () => {
  it('ranks the story the event is about above one naming it in passing more often (its `the summit`s count)', () => {
    withFixture('event-story', (fx) => {
      const passing = fx.doc(
        { path: 'passing.txt', title: 'Bundesbank policy unchanged', date: '1987-06-02' },
        'The Bundesbank meets before the Venice summit. Dealers see no change before the Venice summit, and the Venice summit will not change it.',
      );
      const story = fx.doc(
        { path: 'story.txt', title: 'Few expect initiatives in Venice', date: '1987-06-02' },
        `The Venice summit is likely to disappoint officials from summit countries. ${prose('currency', 2)} Officials said the summit will restate goals. ${prose('farm', 2)} Talks at the summit will cover debt, and the summit may address farm subsidies before the summit ends.`,
      );
      const venice = fx.event('Venice summit', story, 'Venice summit');
      fx.eventMentions(venice, story, 'the summit');
      fx.eventMentions(venice, passing, 'Venice summit');
      const hits = search(fx.db, 'Venice summit').hits.map((h) => h.id);
      expect(hits).toEqual([story, passing]);
    });
  });
});

describe('a query of two names', () => {
  it('matches each by its words or a mention, counted and ranked alike whether pruned or not', () => {
    withFixture('two-names', (fx) => {
      const acme = fx.entity('ORG', 'Acme Mining', ['the miner']);
      const beta = fx.entity('ORG', 'Beta Metals', ['the buyer']);
      const add = (name: string, body: string, mentions: [number, string][]) => {
        const d = fx.doc({ path: `${name}.txt`, title: name, date: '1987-03-01' }, body);
        for (const [entity, alias] of mentions) fx.mention(d, entity, alias, 'ORG');
        return d;
      };
      const words = add('words', 'Acme Mining sold ore to Beta Metals.', [
        [acme, 'Acme Mining'],
        [beta, 'Beta Metals'],
      ]);
      const oneAlias = add('one-alias', 'Acme Mining sold ore to the buyer.', [
        [acme, 'Acme Mining'],
        [beta, 'the buyer'],
      ]);
      const twoAliases = add('two-aliases', 'Ore from the miner went to the buyer.', [
        [acme, 'the miner'],
        [beta, 'the buyer'],
      ]);
      add('acme-only', 'Acme Mining sold ore.', [[acme, 'Acme Mining']]);
      add('beta-alias-only', 'Then the buyer paid for ore.', [[beta, 'the buyer']]);
      const plan = planFor('acme mining beta metals', {
        units: [
          { expression: '(acme AND mining)', entities: [{ id: acme, kind: 'entity' }] },
          { expression: '(beta AND metals)', entities: [{ id: beta, kind: 'entity' }] },
        ],
        limit: 10,
        entityBonus: 0.5,
      });
      for (const scoredMatches of [undefined, 1]) {
        const page = searchDocuments(fx.db, { ...plan, scoredMatches });
        expect(page.total).toBe(3);
        expect(new Set(page.rows.map((r) => r.id))).toEqual(new Set([words, oneAlias, twoAliases]));
        expect(page.rows[0].id).toBe(words);
      }
    });
  });
});

describe('highlights of the hits', () => {
  /** The words marked in the snippet and the title of the hit at `p` for query `q`. */
  const marked = (fx: SearchFixture, q: string, p: string): { body: string[]; title: string[] } => {
    const hit = search(fx.db, q).hits.find((h) => h.path === p)!;
    return {
      body: hit.highlights.map(([s, e]) => hit.snippet.slice(s, e)),
      title: hit.titleHighlights.map(([s, e]) => hit.title!.slice(s, e)),
    };
  };

  it('marks a dotted abbreviation with its last dot', () => {
    withFixture('dotted', (fx) => {
      // No entity for U.S. here: the marks are the index's, whose tokens are `u` and `s` (was `[U.S].`).
      fx.doc({ path: 'us.txt', title: 'U.S. TRADE GAP WIDENS' }, 'The U.S. trade gap with the E.C. widened.');
      expect(marked(fx, '"U.S." trade', 'us.txt')).toEqual({ body: ['U.S. trade'], title: ['U.S.', 'TRADE'] });
      expect(marked(fx, '"E.C."', 'us.txt').body).toEqual(['E.C.']);
    });
  });

  it('marks prefixes, phrases and title words, in short documents and in one too long to copy', () => {
    withFixture('marks', (fx) => {
      fx.doc(
        { path: 'short.txt', title: 'Petroleum exports rise', date: '1987-03-01' },
        'Crude oil and petrol exports rose.',
      );
      const filler = 'The market was quiet and traders waited. '.repeat(25_000);
      fx.doc({ path: 'long.txt', title: 'Long report', date: '1987-03-02' }, `Crude oil output fell. ${filler}`);
      const body = (q: string, p: string): string[] => marked(fx, q, p).body;
      expect(body('petrol*', 'short.txt')).toEqual(['petrol']);
      expect(search(fx.db, 'petrol*').hits.find((h) => h.path === 'short.txt')!.titleHighlights).toEqual([[0, 9]]);
      expect(body('"crude oil"', 'short.txt')).toEqual(['Crude oil']);
      expect(body('"crude oil"', 'long.txt')).toEqual(['Crude oil']);
      expect(body('output', 'long.txt')).toEqual(['output']);
      // Terms too common for one pass over their documents are marked in the scratch table: the same marks.
      const ids = [...documentIdsByPath(fx.db).values()];
      for (const q of ['petrol*', '"crude oil"', 'output OR exports']) {
        const match = compileQuery(q).match!;
        const scratch = markedTexts(fx.db, match, ids, SCRATCH_WALK + 1);
        expect(scratch.size).toBeGreaterThan(0);
        expect(scratch).toEqual(markedTexts(fx.db, match, ids, 1));
      }
    });
  });

  it('marks an acronym typed in capitals where it is written, not the words the index stems alike', () => {
    withFixture('acronyms', (fx) => {
      // The index stems `US` as `use`, `used`, `using` and the pronoun `us`, and `AIDS` as `aid`.
      fx.doc(
        { path: 'us.txt', title: 'US TO USE TARIFFS', date: '1987-03-01' },
        'Officials said the US would use tariffs. "Let us wait," one said, using a phrase US envoys used.',
      );
      fx.doc(
        { path: 'aids.txt', title: 'AIDS aid rises', date: '1987-03-02' },
        'Aid for AIDS research grew, aided by donors.',
      );
      expect(marked(fx, 'US tariffs', 'us.txt')).toEqual({ body: ['US', 'tariffs', 'US'], title: ['US', 'TARIFFS'] });
      expect(marked(fx, 'AIDS', 'aids.txt')).toEqual({ body: ['AIDS'], title: ['AIDS'] });
      // Typed in lower case, or a query all in capitals, it is a word as the index has it.
      // (Marks one space apart are shown as one.)
      expect(marked(fx, 'us tariffs', 'us.txt').body).toEqual(['US', 'use tariffs', 'us', 'using', 'US', 'used']);
      expect(marked(fx, 'aids', 'aids.txt').body).toEqual(['Aid', 'AIDS', 'aided']);
      expect(marked(fx, 'US TARIFFS', 'us.txt').title).toEqual(['US', 'USE TARIFFS']);
      // The matches are the index's: the count is not changed, only what is marked.
      expect(search(fx.db, 'AIDS').total).toBe(search(fx.db, 'aids').total);
    });
  });
});

describe('paging through a ranked result', () => {
  /** Every hit of `query`, page by page of `size`, until a page comes back short. */
  const pages = (fx: SearchFixture, query: string, size: number, options = {}): number[] => {
    const ids: number[] = [];
    for (let offset = 0; ; offset += size) {
      const page = search(fx.db, query, { ...options, offset, limit: size }).hits.map((h) => h.id);
      ids.push(...page);
      if (page.length < size) return ids;
    }
  };

  it('shows each match once, in the same order whatever the page size, up to the total', () => {
    withFixture('paging', (fx) => {
      // Stories that stage one (bm25) and stage two (title, lead, proximity) rank differently.
      for (let i = 0; i < 240; i++) {
        const early = i % 4 === 0 ? 'Wheat prices rose. ' : '';
        const filler = Array.from({ length: 1 + ((i * 7) % 11) }, (_, k) => `Traders met in hall ${k}.`).join(' ');
        const late = Array.from({ length: 1 + ((i * 5) % 4) }, () => 'Farmers sold wheat.').join(' ');
        fx.doc(
          {
            path: `story-${i}.txt`,
            title: i % 3 === 0 ? `Wheat report ${i}` : `Grain report ${i}`,
            date: `1987-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
          },
          `${early}${filler} ${late}`,
        );
      }
      const whole = search(fx.db, 'wheat', { limit: 240 });
      expect(whole.total).toBe(240);
      const all = whole.hits.map((h) => h.id);
      expect(new Set(all).size).toBe(240);
      expect(pages(fx, 'wheat', 10)).toEqual(all);
      expect(pages(fx, 'wheat', 7)).toEqual(all);
      // Pruned (more matches than a search scores): the scored candidates first, then every other
      // match newest first, so the last pages are reachable too.
      const bounds = { scoredMatches: 30, titleCandidates: 10, recentCandidates: 10 };
      const pruned = search(fx.db, 'wheat', { limit: 240, bounds });
      expect(pruned.total).toBe(240);
      const prunedIds = pruned.hits.map((h) => h.id);
      expect(new Set(prunedIds).size).toBe(240);
      expect(pages(fx, 'wheat', 25, { bounds })).toEqual(prunedIds);
      const tail = pruned.hits.slice(-100).map((h) => h.date ?? '');
      expect(tail).toEqual([...tail].sort().reverse());
    });
  });
});

describe('snippets of a text file that opens with its headline', () => {
  const body = 'CARLTON COMMUNICATIONS OPTIMISTIC FOR 1987\ndate 1987-03-02\n\nCarlton said 1987 had started well.\n';
  const title = 'CARLTON COMMUNICATIONS OPTIMISTIC FOR 1987';

  it('starts at the story, past the headline and its header lines', () => {
    const from = storyStart(body, title);
    expect(body.slice(from)).toBe('Carlton said 1987 had started well.\n');
    // The headline's own match and the date line's are not what the snippet shows.
    const spans: [number, number][] = [...body.matchAll(/1987/g)].map((m) => [m.index, m.index + 4]);
    const snippet = makeSnippet(body, spans, 160, from);
    expect(snippet.text).toBe('Carlton said 1987 had started well.');
    expect(snippet.highlights).toEqual([[13, 17]]);
  });

  it('leaves a body alone that does not open with its title, or holds nothing else', () => {
    expect(storyStart(body, 'Another title')).toBe(0);
    expect(storyStart(body, null)).toBe(0);
    expect(storyStart(`${title}\n`, title)).toBe(0);
    // A long line under the title is the story itself: only the title line is passed over.
    const prose = `${title}\n${'Carlton said the year had started well. '.repeat(4)}\n\nMore.\n`;
    expect(prose.slice(storyStart(prose, title))).toMatch(/^Carlton said/);
  });
});

describe('--entity by a name some stray entity has whole', () => {
  it('means the entity most reports mean by it, saying so, rather than refusing it as ambiguous', () => {
    withFixture('entity-filter', (fx) => {
      const alan = fx.entity('PERSON', 'Alan Greenspan', ['Greenspan']);
      const stray = fx.entity('PLACE', 'Greenspan');
      for (let i = 0; i < 12; i++) {
        const d = fx.doc({ path: `fed-${i}.txt`, date: '1987-06-02' }, `Greenspan was named to the Fed, report ${i}.`);
        fx.mention(d, alan, 'Greenspan', 'PERSON');
      }
      const odd = fx.doc({ path: 'odd.txt', date: '1987-06-03' }, 'The road to Greenspan was closed.');
      fx.mention(odd, stray, 'Greenspan', 'PLACE');
      const r = search(fx.db, '', { entities: ['Greenspan'] });
      expect(r.filterEntities[0].matches.map((m) => m.name)).toEqual(['Alan Greenspan']);
      expect(r.total).toBe(12);
      expect(r.notices.join(' ')).toMatch(/taken as PERSON/);
      // Named whole by the entity most reports mean, it is that one.
      expect(search(fx.db, '', { entities: ['Alan Greenspan'] }).total).toBe(12);
    });
  });
});
