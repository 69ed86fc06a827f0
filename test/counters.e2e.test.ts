import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';
import { countersAndRecount, integrityProblems, revertToSchema5 } from '../src/store/inspect.js';
import { MIGRATIONS } from '../src/store/schema.js';
import { corpus, SEEDS, tempDir, write } from './helpers.js';

/** The counters `stats`, `entities` and `entity` read, and an entity's documents search reads, must equal what counting the rows gives. */
function expectCountersRight(db: string): void {
  const store = openDatabase(db, { readonly: true });
  try {
    const { stored, recounted } = countersAndRecount(store);
    expect(stored).toEqual(recounted);
    expect(Object.keys(stored.totals).length).toBeGreaterThan(4);
  } finally {
    store.close();
  }
}

function run(args: string[]): string {
  const r = corpus(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const ARTICLE = (title: string, tags: string, source: string, body: string) =>
  `---\ntitle: ${title}\ndate: 1987-03-0${title.length % 9}\nsource: ${source}\ntags: [${tags}]\n---\n${body}\n`;

describe('counters kept at ingest', () => {
  it('equal a recount after ingest, re-ingest of a changed file, a second path, --prune, merge and unmerge', () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    for (const f of fs.readdirSync(SEEDS)) write(path.join(docs, 'seeds', f), fs.readFileSync(path.join(SEEDS, f)));
    const a = write(
      path.join(docs, 'a.md'),
      ARTICLE(
        'Summit',
        // One tag in two cases is one of the document's tags (doc_tags), two entries of tag_totals.
        'politics, Geneva, Politics',
        'Reuters',
        'President Ronald Reagan met Mikhail Gorbachev in Geneva on Tuesday.',
      ),
    );
    const b = write(
      path.join(docs, 'b.md'),
      ARTICLE('Moscow', 'Politics', 'reuters', 'Mr Gorbachev returned to Moscow on Friday. Reagan flew to Washington.'),
    );
    write(path.join(docs, 'undated.txt'), 'Texaco Inc said it sold its stake in a Canadian unit to Imperial Oil.\n');
    const db = path.join(dir, 'c.db');
    run(['ingest', docs, '--db', db, '-q']);
    expectCountersRight(db);

    // A changed body replaces a document; the same body under a second path adds a path only.
    fs.writeFileSync(
      a,
      ARTICLE(
        'Summit talks',
        'politics',
        'AP',
        'President Reagan met Gorbachev and George Shultz in Geneva on Monday.',
      ),
    );
    fs.copyFileSync(b, path.join(docs, 'b-copy.md'));
    run(['ingest', docs, '--db', db, '-q']);
    expectCountersRight(db);

    fs.rmSync(b);
    fs.rmSync(path.join(docs, 'seeds'), { recursive: true });
    run(['ingest', docs, '--db', db, '-q', '--prune']);
    expectCountersRight(db);
    fs.rmSync(path.join(docs, 'b-copy.md'));
    run(['ingest', docs, '--db', db, '-q', '--prune']);
    expectCountersRight(db);

    run(['entity', 'merge', 'Imperial Oil', 'Texaco Inc', '--db', db]);
    expectCountersRight(db);
    run(['entity', 'unmerge', 'Imperial Oil', '--db', db]);
    expectCountersRight(db);

    const stats = JSON.parse(run(['stats', '--db', db, '--json'])) as { documents: number; paths: number };
    expect(stats).toMatchObject({ documents: 2, paths: 2 });
  }, 120_000);

  it('migrations 6 to 19 upgrade a schema-5 database in place: counters filled, stats, timeline and search unchanged', () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    run(['ingest', SEEDS, '--db', db, '-q']);
    const before = JSON.parse(run(['stats', '--db', db, '--json'])) as Record<string, unknown>;
    const timelineBefore = run(['timeline', 'North Korea', '--db', db]);
    const searchBefore = run(['search', 'summit talks', '--db', db, '--json']);
    const store = openDatabase(db);
    revertToSchema5(store);
    store.close();
    // Read commands ask for the upgrade; any ingest (nothing to do here) runs it.
    expect(corpus(['stats', '--db', db]).code).toBe(2);
    const upgrade = corpus(['ingest', SEEDS, '--db', db]);
    expect(upgrade.code, upgrade.stderr).toBe(0);
    // Said before it starts: on a large archive the upgrade takes minutes.
    expect(upgrade.stderr).toContain(`${db}: upgrading the database from schema 5 to ${MIGRATIONS.length}`);
    expectCountersRight(db);
    const after = JSON.parse(run(['stats', '--db', db, '--json'])) as Record<string, unknown>;
    expect({ ...after, databaseBytes: 0 }).toEqual({ ...before, databaseBytes: 0 });
    // Migration 12 gives the entity's event rows their kind: its timeline reads them.
    expect(run(['timeline', 'North Korea', '--db', db])).toBe(timelineBefore);
    // Migration 16 indexes the titles the documents already have.
    expect(run(['search', 'summit talks', '--db', db, '--json'])).toBe(searchBefore);
    const upgraded = openDatabase(db);
    expect(integrityProblems(upgraded)).toEqual([]);
    upgraded.close();
  }, 60_000);
});
