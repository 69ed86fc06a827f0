import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, corpus, ROOT, SEEDS, tempDir, write } from './helpers.js';

/** Every key of a JSON value, with the values found under it, for vocabulary checks. */
function walk(value: unknown, visit: (key: string, v: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(k, v);
      walk(v, visit);
    }
  }
}

describe('output formats and the JSON vocabulary (CLI)', () => {
  let db: string;
  beforeAll(() => {
    db = path.join(tempDir('corpus-output-'), 'seeds.db');
    const run = corpus(['ingest', SEEDS, '--db', db, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
  });

  const commands: [string, string[]][] = [
    ['search', ['search', 'DPRK']],
    ['entities', ['entities', '--limit', '5']],
    ['entity', ['entity', 'Kim Jong Un']],
    ['timeline', ['timeline', 'North Korea']],
    ['show', ['show', 'seeds/000_0e46633eb7241598.txt']],
    ['stats', ['stats']],
  ];

  it('speaks one vocabulary in every command: id, relative path, day dates, mentions as counts', () => {
    for (const [name, args] of commands) {
      const run = corpus([...args, '--db', db, '--json']);
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stdout.trim().split('\n'), `${name} is compact by default`).toHaveLength(1);
      const data = JSON.parse(run.stdout);
      walk(data, (key, v) => {
        expect(['docId', 'published', 'alsoMatches', 'file'], `${name}: ${key}`).not.toContain(key);
        if (key === 'mentions' || key === 'documents' || key === 'paths')
          expect(typeof v, `${name}: ${key} is a count`).toBe('number');
        if (key === 'date' && v !== null) expect(v, `${name}: date`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (key === 'path' && v !== null) expect(v, `${name}: path relative to the working folder`).toMatch(/^seeds\//);
        if (key === 'pathList') for (const p of v as string[]) expect(p).toMatch(/^seeds\//);
      });
    }
    const show = JSON.parse(corpus(['show', 'seeds/000_0e46633eb7241598.txt', '--db', db, '--json']).stdout);
    expect(show.mentions).toBe(show.mentionList.length);
    expect(show.mentionList[0]).toHaveProperty('start');
  });

  it('indents with --pretty and parses to the same value', () => {
    const compact = corpus(['entities', '--limit', '3', '--db', db, '--json']);
    const pretty = corpus(['entities', '--limit', '3', '--db', db, '--json', '--pretty']);
    expect(pretty.stdout).toMatch(/^\[\n {2}\{\n {4}"id"/);
    expect(JSON.parse(pretty.stdout)).toEqual(JSON.parse(compact.stdout));
  });

  it('gives CSV with a header and NDJSON with one object per item for search, entities, entity and timeline', () => {
    for (const args of [
      ['search', 'DPRK'],
      ['entities', '--limit', '5'],
      ['entity', 'North Korea'],
      ['timeline', 'North Korea'],
    ]) {
      const json = corpus([...args, '--db', db, '--json']);
      const nl = corpus([...args, '--db', db, '--nl']);
      const csv = corpus([...args, '--db', db, '--csv']);
      expect(nl.code, nl.stderr).toBe(0);
      expect(csv.code, csv.stderr).toBe(0);
      const items = nl.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      const data = JSON.parse(json.stdout);
      const list =
        args[0] === 'search'
          ? data.hits
          : args[0] === 'entity'
            ? data.documentList
            : args[0] === 'timeline'
              ? data.entries
              : data;
      expect(items, args.join(' ')).toEqual(list);
      const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(items.length);
    }
    const rows = parse(corpus(['search', 'DPRK', '--db', db, '--csv']).stdout, { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0])).toEqual([
      'rank',
      'id',
      'score',
      'date',
      'source',
      'title',
      'path',
      'snippet',
      'entities',
    ]);
    expect(rows[0].path).toMatch(/^seeds\//);
    expect(rows[0].entities).toContain('North Korea');
    const entries = parse(corpus(['timeline', 'Kim Jong Un', '--db', db, '--csv']).stdout, { columns: true }) as Record<
      string,
      string
    >[];
    expect(entries.some((e) => e.value === '2019-02-27/2019-02-28' && e.name === 'Hanoi summit')).toBe(true);
  });

  it('refuses two output formats at once with one line and exit 2', () => {
    const r = corpus(['search', 'DPRK', '--db', db, '--json', '--csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('corpus: --json and --csv ask for different outputs; give one\n');
    expect(corpus(['stats', '--db', db, '--csv']).code).toBe(2); // not a list: no CSV
  });

  it('keeps the extract contract, skips corpus-meta.yaml in a glob and reports a missing path without losing the rest', () => {
    const files = fs
      .readdirSync(SEEDS)
      .sort()
      .map((f) => path.join('seeds', f));
    expect(files).toContain('seeds/corpus-meta.yaml');
    const all = corpus(['extract', ...files, '--json']);
    expect(all.code, all.stderr).toBe(0);
    const records = all.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.file)).toEqual(files.filter((f) => f.endsWith('.txt')));
    expect(all.stderr).toMatch(/^corpus: seeds\/corpus-meta\.yaml: skipped \(metadata/m);
    for (const r of records) expect(Array.isArray(r.mentions)).toBe(true); // the contract's own shape

    const dir = tempDir();
    const missing = corpus([
      'extract',
      'seeds/004_ddf39e30f6a337f9.txt',
      path.join(dir, 'nope.txt'),
      'seeds/002_b0a19921b7ee4b10.txt',
      '--json',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt: no such file/);
    expect(
      missing.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).file),
    ).toEqual(['seeds/004_ddf39e30f6a337f9.txt', 'seeds/002_b0a19921b7ee4b10.txt']);
  });

  it('prints one number format: thousands separators in every count a person reads', () => {
    const dir = tempDir();
    const lines = Array.from({ length: 1200 }, (_, i) =>
      JSON.stringify({ title: `Item ${i}`, date: '2020-01-02', text: `Note number ${i} about wheat.` }),
    );
    write(path.join(dir, 'many.jsonl'), `${lines.join('\n')}\n`);
    const file = path.join(dir, 'many.db');
    const run = corpus(['ingest', dir, '--db', file], { env: { CORPUS_WORKERS: '0' } });
    expect(run.stderr).toMatch(/^1 file, 1,200 documents: 1,200 new, 0 updated/m);
    const stats = corpus(['stats', '--db', file]);
    expect(stats.stdout).toMatch(/^documents\s+1,200$/m);
    expect(corpus(['search', 'wheat', '--db', file, '--limit', '1']).stdout).toMatch(/^1,200 documents match "wheat"/);
  });

  it('writes all of a long output into a pipe, and ends quietly with status 0 when its reader stops early', () => {
    const dir = tempDir();
    const lines = Array.from({ length: 1500 }, (_, i) =>
      JSON.stringify({ title: `Harvest ${i}`, date: '2020-01-02', text: `Report ${i}: the wheat harvest was large.` }),
    );
    write(path.join(dir, 'harvest.jsonl'), `${lines.join('\n')}\n`);
    const file = path.join(dir, 'harvest.db');
    expect(corpus(['ingest', dir, '--db', file, '-q'], { env: { CORPUS_WORKERS: '0' } }).code).toBe(0);
    const all = corpus(['search', 'wheat', '--db', file, '--limit', '1500', '--nl']);
    expect(all.code, all.stderr).toBe(0);
    const rows = all.stdout.trim().split('\n');
    expect(rows).toHaveLength(1500);
    expect(Buffer.byteLength(all.stdout)).toBeGreaterThan(128 * 1024); // more than a pipe holds
    expect(rows.every((row) => JSON.parse(row).title.startsWith('Harvest'))).toBe(true);
    // `| head`: the reader goes after 100 bytes; the writer meets a closed pipe.
    const early = spawnSync(
      'bash',
      [
        '-c',
        'set -o pipefail; "$0" "$1" search wheat --db "$2" --limit 1500 --nl | head -c 100 > /dev/null',
        process.execPath,
        BIN,
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(early.stderr).toBe('');
    expect(early.status).toBe(0);
  });

  it('documents the vocabulary in docs/json.md, the extract contract included', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'json.md'), 'utf8');
    for (const term of [
      '`id`',
      '`path`',
      '`date`',
      '`mentions`',
      '`mentionList`',
      '--pretty',
      '--nl',
      '--csv',
      'corpus extract',
    ]) {
      expect(doc).toContain(term);
    }
  });
});
