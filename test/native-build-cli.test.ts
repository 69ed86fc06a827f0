import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus } from './helpers.js';
import { ingestSeeds } from './search-fixture.js';

const BUILD = path.join(import.meta.dirname, '..', 'native', 'build.cjs');

describe('the install step that builds the ranking extension', () => {
  it('goes on with one line on stderr where the extension cannot be built', () => {
    // No node-gyp on the PATH: as on a machine without a build toolchain.
    const run = spawnSync(process.execPath, [BUILD], {
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent' },
    });
    expect(run.status).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^corpus: the ranking extension was not built \(.+\); search will rank with FTS5's bm25\(\)/,
    );
  });
});

describe('search with and without the ranking extension', () => {
  it('prints the same hits, scores and counts from the command either way', () => {
    const db = ingestSeeds();
    for (const query of ['summit', '"maximum pressure"', 'Kim Jong Un', 'nucl*', 'talks -Hanoi']) {
      const run = (env: Record<string, string | undefined>) => corpus(['search', query, '--db', db, '--json'], { env });
      const withIt = run({});
      const without = run({ CORPUS_NO_RANK_EXTENSION: '1' });
      expect(withIt.code, withIt.stderr).toBe(0);
      expect(withIt.stdout).toBe(without.stdout);
      expect(JSON.parse(withIt.stdout).hits.length).toBeGreaterThan(0);
    }
  });
});
