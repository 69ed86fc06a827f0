import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, corpus, tempDir } from './helpers.js';

describe('a file far bigger than an article', () => {
  it('is stored whole in parts, analyzed up to the limit with a warning, and ingested in bounded memory', () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.txt');
    const paragraph =
      'The Bank of Japan said on Tuesday it would keep interest rates unchanged, citing weak exports to the United States.\n\n';
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, 'A very long file\n\n');
    for (let written = 0; written < 20 * 2 ** 20; written += paragraph.length) fs.writeSync(fd, paragraph);
    fs.writeSync(fd, 'The last paragraph mentions zanzibarite, a word found nowhere else.\n');
    fs.closeSync(fd);
    const db = path.join(dir, 'c.db');

    const run = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, 'ingest', file, '--db', db, '--json'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const peakMB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1]) / 1024;
    // Before: about 40 bytes of memory per byte of text (a 60 MB file took 5.2 GB).
    expect(peakMB).toBeLessThan(600);
    const summary = JSON.parse(run.stdout);
    expect(summary.new).toBeGreaterThan(15); // parts of at most 1,000,000 characters
    expect(run.stderr).toMatch(/stored in parts of at most 1,000,000 characters \(big\.txt, big\.txt#part2, …\)/);
    expect(run.stderr).toMatch(
      /the first 1,000,000 are analyzed for entities, dates and events; all of it is stored and searchable/,
    );

    // The whole text is searchable, the end of the file too.
    const hit = corpus(['search', 'zanzibarite', '--db', db, '--json']);
    expect(hit.code, hit.stderr).toBe(0);
    expect(hit.stdout).toMatch(/big\.txt#part\d+/);
    // The first part was analyzed: its entities are there.
    const entity = corpus(['entity', 'Bank of Japan', '--db', db, '--json']);
    expect(entity.code, entity.stderr).toBe(0);

    // Run again: nothing changes, no part is lost or duplicated.
    const again = corpus(['ingest', file, '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: summary.new, new: 0 });
  });
});
