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
