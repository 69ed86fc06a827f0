import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

// Worker threads run compiled code only: use the build `npm test` makes first.
const { WorkerPool } = (await import(
  pathToFileURL(path.join(ROOT, 'dist/src/ingest/analyzer-pool.js')).href
)) as typeof import('../src/ingest/analyzer-pool.js');

/** An analyzer whose worker dies (exits) on any body containing CRASH, and crashes on OOM-like throws. */
function crashingAnalyzer(): string {
  const file = path.join(tempDir(), 'crashing-analyzer.mjs');
  fs.writeFileSync(
    file,
    `export function analyze(input) {
      if (input.body.includes('CRASH')) process.exit(3);
      if (input.body.includes('THROWLATER')) setTimeout(() => { throw new Error('boom in worker'); });
      return { analyzerVersion: 't', date: null, dateSource: null, tokens: [], sentences: [], mentions: [], events: [] };
    }\n`,
  );
  return pathToFileURL(file).href;
}

const settle = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: Error) => `failed: ${e.message}`,
  );

describe('WorkerPool when a worker dies', () => {
  it('replaces the worker, retries the innocent jobs and fails only the killer, with the cause', async () => {
    const pool = new WorkerPool(1, crashingAnalyzer());
    try {
      const input = (body: string) => ({ body, date: null, dateSource: null, dateline: null });
      const jobs = ['a', 'b', 'CRASH', 'c', 'd'].map((b) => settle(pool.run(input(b))));
      const results = await Promise.race([
        Promise.all(jobs),
        new Promise((resolve) => setTimeout(() => resolve('hung'), 20_000)),
      ]);
      expect(results).not.toBe('hung');
      const [a, b, crash, c, d] = results as string[];
      expect([a, b, c, d]).toEqual(['ok', 'ok', 'ok', 'ok']);
      expect(crash).toMatch(/failed: analysis worker died \(exit code 3\); gave up after one retry/);
      // The pool still works afterwards.
      expect(await settle(pool.run(input('e')))).toBe('ok');
      expect(pool.replaced).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('reports an uncaught error in a worker as the cause', async () => {
    const pool = new WorkerPool(2, crashingAnalyzer());
    try {
      const input = (body: string) => ({ body, date: null, dateSource: null, dateline: null });
      const crash = await settle(
        (async () => {
          // The throw comes after the answer: the job itself succeeds, the worker dies afterwards.
          await pool.run(input('THROWLATER'));
          await new Promise((r) => setTimeout(r, 500));
          return pool.run(input('x'));
        })(),
      );
      expect(crash).toBe('ok');
      expect(pool.replaced).toBeGreaterThanOrEqual(1);
    } finally {
      await pool.close();
    }
  });
});

describe('an ingest whose analysis fails in a worker', () => {
  it('reports the document as failed and goes on, however long its result waits its turn', async () => {
    const { ingest } = (await import(
      pathToFileURL(path.join(ROOT, 'dist/src/ingest/pipeline.js')).href
    )) as typeof import('../src/ingest/pipeline.js');
    const { openDatabase } = (await import(
      pathToFileURL(path.join(ROOT, 'dist/src/store/db.js')).href
    )) as typeof import('../src/store/db.js');
    const dir = tempDir('corpus-boom-');
    // An ES module (.js, so worker threads load it too) that fails on one body and analyzes the rest.
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
    const real = pathToFileURL(path.join(ROOT, 'dist/src/nlp/analyze.js')).href;
    fs.writeFileSync(
      path.join(dir, 'boom.js'),
      `import { analyze as real } from '${real}';
       export function analyze(input) {
         if (input.body.includes('BOOM')) throw new Error('boom');
         return real(input);
       }\n`,
    );
    const module = pathToFileURL(path.join(dir, 'boom.js')).href;
    const { analyze } = (await import(module)) as { analyze: (input: unknown) => never };
    // Past the first 100 analyses the pool takes over; the failing one comes well after, while older
    // results are still being stored in order.
    const lines = Array.from({ length: 160 }, (_, i) =>
      JSON.stringify({
        id: `a${i}`,
        title: `Story ${i}`,
        text: `${i === 130 ? 'BOOM. ' : ''}Story number ${i} about oil prices in Tokyo.`,
      }),
    );
    const file = path.join(dir, 'articles.jsonl');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const db = openDatabase(path.join(dir, 'corpus.db'), { create: true });
    const failures: string[] = [];
    try {
      const summary = await ingest(
        db,
        [file],
        { analyzer: { version: 'boom-1', analyze, module }, workers: 2 },
        { failure: (message) => failures.push(message) },
      );
      expect(summary.failed).toBe(1);
      expect(summary.new).toBe(159);
      expect(failures).toEqual([`${file}:131: analysis failed (boom)`]);
    } finally {
      db.close();
    }
  }, 60_000);
});
