import os from 'node:os';
import path from 'node:path';
import { machine, median, ROOT, writeResult, cachedReutersDatabase } from './reuters.js';
import type { FacetCount } from '../src/store/facets.js';

const QUERIES = ['oil', 'said', 'bank', 'trade', 'the', '"oil prices"', 'Reagan', 'Brazil debt', 'wheat', 'dividend'];
const RUNS = 7;

const ms = (x: number): number => Math.round(x * 10) / 10;

const database = async (): Promise<string> => (await cachedReutersDatabase('search', 'files')).file;

/** Median wall time of `run`, and its median CPU time (user + system: what it costs on an idle core). */
function timed(run: () => void): number {
  return measure(run).wall;
}

function measure(run: () => void): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  run(); // warm the page cache and the statement cache
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const used = process.cpuUsage();
    run();
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** Tags counted from a sample against every match: shared names in the top list, worst relative error. */
function agreement(
  shown: FacetCount[],
  exact: FacetCount[],
): { shared: number; shown: number; maxRelativeError: number } {
  const truth = new Map(exact.map((c) => [c.value, c.count]));
  let shared = 0;
  let maxRelativeError = 0;
  for (const c of shown.slice(0, 10)) {
    const t = truth.get(c.value);
    if (t === undefined) continue;
    shared++;
    maxRelativeError = Math.max(maxRelativeError, Math.abs(c.count - t) / t);
  }
  return { shared, shown: Math.min(10, shown.length), maxRelativeError: Math.round(maxRelativeError * 1000) / 1000 };
}

async function main(): Promise<void> {
  const file = await database();
  const { openDatabase } = await import('../src/store/db.js');
  const { search } = await import('../src/search/search.js');
  const { EXACT_UP_TO, facetCounts, facetPlans } = await import('../src/store/facets.js');
  const db = openDatabase(file, { readonly: true });
  const rows = [];
  try {
    for (const query of QUERIES) {
      const withFacets = timed(() => void search(db, query, { facets: true }));
      const without = timed(() => void search(db, query, {}));
      const first = search(db, query, { facets: true, limit: 1 });
      // The hits' ids, for the facet functions on their own (near-duplicates folded under a hit are
      // left out: both counts below read the same ids).
      const ids = search(db, query, { limit: first.total }).hits.map((h) => h.id);
      const counted = measure(() => void facetCounts(db, ids));
      const exactTime = measure(() => void facetCounts(db, ids, { direct: true }));
      const shown = facetCounts(db, ids);
      const exact = facetCounts(db, ids, { direct: true });
      rows.push({
        query,
        documents: first.total,
        sample: first.facets?.sample ?? null,
        searchMs: ms(without),
        searchWithFacetsMs: ms(withFacets),
        facetsMs: ms(withFacets - without),
        facetCountsMs: ms(counted.wall),
        facetCountsCpuMs: ms(counted.cpu),
        directFacetCountsMs: ms(exactTime.wall),
        directFacetCountsCpuMs: ms(exactTime.cpu),
        entitiesAsDirect: JSON.stringify(shown.entities) === JSON.stringify(exact.entities),
        sourcesMonthsAsDirect:
          JSON.stringify([shown.sources, shown.months]) === JSON.stringify([exact.sources, exact.months]),
        tags: agreement(shown.tags, exact.tags),
      });
      process.stderr.write(`${JSON.stringify(rows[rows.length - 1])}\n`);
    }
    const result = {
      machine: machine(),
      database: path.relative(ROOT, file).startsWith('..') ? file : path.relative(ROOT, file),
      runs: RUNS,
      exactUpTo: EXACT_UP_TO,
      target: 'facets ≤ 50 ms on Reuters (issue 12)',
      load: os.loadavg().map((x) => Math.round(x * 10) / 10),
      medianFacetsMs: ms(median(rows.map((r) => r.facetsMs))),
      maxFacetsMs: ms(Math.max(...rows.map((r) => r.facetsMs))),
      medianFacetCountsCpuMs: ms(median(rows.map((r) => r.facetCountsCpuMs))),
      maxFacetCountsCpuMs: ms(Math.max(...rows.map((r) => r.facetCountsCpuMs))),
      queries: rows,
      plans: facetPlans(db),
    };
    process.stdout.write(`${writeResult('facets', result)}\n`);
  } finally {
    db.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
