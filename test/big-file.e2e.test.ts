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

  it('reads a big web page and a big JSON article as they stream, in parts, in bounded memory', () => {
    const dir = tempDir();
    const paragraph = 'The Bank of Japan said on Tuesday it would keep interest rates unchanged.';
    const count = Math.ceil((20 * 2 ** 20) / paragraph.length);
    const html = path.join(dir, 'big.html');
    const fd = fs.openSync(html, 'w');
    fs.writeSync(
      fd,
      '<html><head><title>Big page</title><meta name="date" content="1987-03-04"></head><body><nav>Menu</nav>',
    );
    for (let i = 0; i < count; i++) fs.writeSync(fd, `<p>${paragraph}</p>\n`);
    fs.writeSync(fd, '<p>The page ends with quetzalcoatlite.</p></body></html>');
    fs.closeSync(fd);
    const json = path.join(dir, 'big.json');
    const text = `${paragraph}\n\n`.repeat(count);
    fs.writeFileSync(json, JSON.stringify({ text: `${text}The article ends with zanzibarite.`, title: 'Big article' }));
    const db = path.join(dir, 'c.db');
    for (const file of [html, json]) {
      const run = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, 'ingest', file, '--db', db, '--json'], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      // Read whole, a page took about thirteen times its size, a JSON article five.
      expect(Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1]) / 1024).toBeLessThan(600);
      expect(JSON.parse(run.stdout).new).toBeGreaterThan(15);
    }
    const page = corpus(['search', 'quetzalcoatlite', '--db', db, '--json']);
    expect(JSON.parse(page.stdout).hits.map((h: { path: string }) => h.path)).toEqual([
      expect.stringMatching(/big\.html#part\d+$/),
    ]);
    const article = corpus(['search', 'zanzibarite', '--db', db, '--json']);
    expect(JSON.parse(article.stdout).hits.map((h: { path: string }) => h.path)).toEqual([
      expect.stringMatching(/big\.json#part\d+$/),
    ]);
    const shown = corpus(['show', html, '--db', db, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ title: 'Big page', date: '1987-03-04' });
  });
});
