import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, SHARED, tempDir } from './helpers.js';

/**
 * Reuters-21578's June 1987: the reports of June 2 leading with Paul Volcker and the Federal Reserve
 * (Volcker will not serve a third term; Alan Greenspan is named), not one of which dates what
 * happened, among every twentieth report of the other days of June 1–19 as the news around them.
 */
const VOLCKER_REPORTS = new Set(
  [
    18005, 18012, 18057, 18058, 18064, 18090, 18097, 18100, 18102, 18107, 18126, 18130, 18132, 18142, 18159, 18161,
    18167, 18183, 18185, 18250, 18299, 18316, 18344, 18346, 18359, 18370,
  ].map((n) => `reuters-${n}`),
);

let db: string;

beforeAll(() => {
  const lines = zlib
    .gunzipSync(fs.readFileSync(path.join(SHARED, 'corpora', 'reuters21578.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
  let other = 0;
  const picked = lines.filter((line) => {
    const article = JSON.parse(line) as { id: string; date: string };
    if (VOLCKER_REPORTS.has(article.id)) return true;
    const day = article.date.slice(0, 10);
    return day >= '1987-06-01' && day <= '1987-06-19' && day !== '1987-06-02' && other++ % 20 === 0;
  });
  const dir = tempDir('corpus-stories-');
  const file = path.join(dir, 'june.jsonl');
  fs.writeFileSync(file, `${picked.join('\n')}\n`);
  db = path.join(dir, 'corpus.db');
  const r = corpus(['ingest', file, '--db', db, '--quiet']);
  if (r.code !== 0) throw new Error(`ingest exited ${r.code}: ${r.stderr}`);
});

describe('stories on a timeline (CLI)', () => {
  it('makes a happening of what two dozen reports of one day lead with, though none dates it', () => {
    const r = corpus(['timeline', 'Volcker', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const timeline = JSON.parse(r.stdout) as {
      entries: { date: string; name: string; support: { documents: number }; participants: string[] }[];
    };
    const story = timeline.entries.find((e) => e.date === '1987-06-02' && e.support.documents >= 20);
    expect(story).toBeDefined();
    // Named by the headline of the first report that tells what happened, in the leads' own casing.
    expect(story!.name).toBe('Reagan says Volcker will not serve new term');
    expect(story!.participants).toEqual(expect.arrayContaining(['Paul Volcker', 'Federal Reserve', 'Alan Greenspan']));
  });

  it('lists it first in the digest of that day, with its lead quoted', () => {
    const r = corpus(['timeline', '--from', '1987-06-02', '--to', '1987-06-02', '--db', db]);
    expect(r.code).toBe(0);
    const entries = r.stdout.split('\n').filter((line) => /^\d{4}-\d{2}-\d{2}/.test(line));
    expect(entries[0]).toMatch(/^1987-06-02\s+Reagan says Volcker will not serve new term\s+\[2\d reports\]$/);
    expect(r.stdout).toContain('“President Reagan said Paul Volcker has declined to serve another term');
  });
});
