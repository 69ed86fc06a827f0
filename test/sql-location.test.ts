import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * Every SQL statement lives in src/store/: a schema change touches one folder, and a second backend
 * implements one interface. This scans the TypeScript of src/, bench/ and test/ for statements.
 */
const STATEMENT =
  /\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO\b|DELETE\s+FROM\b|UPDATE\s+\w+\s+SET\b|CREATE\s+(TEMP\s+|VIRTUAL\s+)?(TABLE|INDEX|VIRTUAL)\b)/;

/**
 * Files that may hold SQL outside the store, each for a reason: the ingest and scale benchmarks measure a bare
 * FTS5 table as its baseline, and the ingest test makes someone else's SQLite file to be refused.
 */
const ALLOWED = new Set(['bench/ingest.ts', 'bench/scale.ts', 'test/ingest-cli.test.ts']);

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(rel));
    else if (entry.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

describe('SQL lives in src/store/', () => {
  it('finds statements where they are (the check can see SQL)', () => {
    const store = tsFiles('src/store').filter((f) => STATEMENT.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(store).toContain(path.join('src', 'store', 'search.ts'));
  });

  it('no .ts file outside src/store/ holds an SQL statement', () => {
    const offenders: string[] = [];
    for (const file of [...tsFiles('src'), ...tsFiles('bench'), ...tsFiles('test')]) {
      if (
        file.startsWith(path.join('src', 'store') + path.sep) ||
        ALLOWED.has(file) ||
        file === path.join('test', 'sql-location.test.ts')
      )
        continue;
      const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (STATEMENT.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
