import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';
import {
  damageStoredValues,
  type DamagedValue,
  holdReadTransaction,
  integrityProblems,
  rowCount,
} from '../src/store/inspect.js';
import { BIN, corpus, explodeReuters, ROOT, SEEDS, tempDir, write } from './helpers.js';

/** A stack trace has lines like "    at foo (file.js:1:2)". */
const STACK = /^\s+at .+:\d+/m;

/** Run a shell script in a user+mount namespace (a read-only bind or a tiny tmpfs without real root). */
function inNamespace(script: string): { code: number; stdout: string; stderr: string } | null {
  const probe = spawnSync('unshare', ['-rm', 'true']);
  if (probe.status !== 0) return null;
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

let reuters: string;
beforeAll(() => {
  reuters = explodeReuters(400);
});

describe('two ingests into one database at once', () => {
  it('both succeed, on a new file and on an existing one, and together store everything', async () => {
    const dir = tempDir();
    // Two disjoint halves of the same folder, so the second cannot finish by finding the first's work.
    const files = fs.readdirSync(reuters, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    const halves = [path.join(dir, 'a'), path.join(dir, 'b')];
    files.forEach((f, i) => {
      const to = path.join(halves[i % 2], f.name);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(f.parentPath, f.name), to);
    });
    for (const round of ['new file', 'existing file']) {
      const db = path.join(dir, 'corpus.db');
      if (round === 'existing file')
        write(path.join(halves[0], 'extra.txt'), 'An extra article about wheat in Kansas.\n');
      if (round === 'existing file') write(path.join(halves[1], 'extra2.txt'), 'Another article about corn in Iowa.\n');
      const [a, b] = await Promise.all(halves.map((half) => run(['ingest', half, '--db', db])));
      expect(a.stderr, round).not.toMatch(STACK);
      expect(b.stderr, round).not.toMatch(STACK);
      expect([a.code, b.code], `${round}: ${a.stderr} ${b.stderr}`).toEqual([0, 0]);
      // Not read-only: FTS5's integrity check is written as an INSERT into the index.
      const store = openDatabase(db);
      try {
        expect(rowCount(store, 'paths')).toBe(files.length + (round === 'new file' ? 0 : 2));
        expect(integrityProblems(store)).toEqual([]);
      } finally {
        store.close();
      }
    }
  });
});

describe('an ingest waiting for another program holding the database', () => {
  it('says at once that it waits, then stores once the other lets go', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    expect(corpus(['ingest', SEEDS, '--db', db, '-q']).code).toBe(0);
    const reader = openDatabase(db, { readonly: true });
    const release = holdReadTransaction(reader);
    const note = write(path.join(dir, 'more', 'note.txt'), 'Oil rose in London on Monday, dealers said.\n');
    const ingesting = run(['ingest', note, '--db', db]);
    // Released well after the first second, when the line must already be there.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    release();
    reader.close();
    const r = await ingesting;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`corpus: warning: ${db}: another process is using this database; waiting for it`);
  });
});

describe('a database another program left with a hot journal', () => {
  it('tells a query how to recover it, and an ingest of an empty folder does', () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    expect(corpus(['ingest', reuters, '--db', db, '-q']).code).toBe(0);
    spawnSync(process.execPath, [path.join(ROOT, 'test', 'fixtures', 'hot-journal.cjs'), db], { cwd: ROOT });
    expect(fs.statSync(`${db}-journal`).size).toBeGreaterThan(0);
    const r = corpus(['stats', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `corpus: ${db}: an interrupted write left c.db-journal, which a query may not roll back; an ingest into it recovers it (of any folder, an empty one will do)\n`,
    );
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    expect(corpus(['ingest', empty, '--db', db, '-q']).code).toBe(0);
    expect(corpus(['stats', '--db', db]).code).toBe(0);
  });
});

describe('two processes creating one database at once', () => {
  it('both open it: the second to switch the new file to WAL mode waits instead of failing', async () => {
    // Both hold the new file's shared lock and want its exclusive one to switch it to WAL; SQLite
    // answers one 'database is locked' at once (waiting could deadlock). Before the fix a third to
    // a half of such pairs failed, so a dozen pairs with a common start time catch it.
    const dir = tempDir();
    const child = path.join(dir, 'open.mjs');
    fs.writeFileSync(
      child,
      `const { openDatabase } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'src', 'store', 'db.js')).href)});
       const [file, at] = [process.argv[2], Number(process.argv[3])];
       while (Date.now() < at) {}
       try { openDatabase(file, { create: true }).close(); } catch (e) { console.error(e.message); process.exit(2); }`,
    );
    const open = (file: string, at: number) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        const p = spawn(process.execPath, [child, file, String(at)], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        p.stderr.on('data', (d) => (stderr += d));
        p.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
      });
    for (let pair = 0; pair < 12; pair++) {
      const file = path.join(dir, `new-${pair}.db`);
      const at = Date.now() + 300;
      const results = await Promise.all([open(file, at), open(file, at)]);
      expect(
        results.map((r) => r.code),
        `pair ${pair}: ${results.map((r) => r.stderr).join(' ')}`,
      ).toEqual([0, 0]);
    }
  });
});

describe('damaged databases', () => {
  it('every command exits 2 with one line naming the database, or succeeds; ingest never exits 0 on damage', () => {
    const dir = tempDir();
    const good = path.join(dir, 'good.db');
    expect(corpus(['ingest', reuters, SEEDS, '--db', good, '-q']).code).toBe(0);
    const size = fs.statSync(good).size;
    // A small deterministic generator: the same damage on every run.
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let refusedIngests = 0;
    const codes = new Set<number>();
    for (let copy = 0; copy < 5; copy++) {
      const db = path.join(dir, `damaged-${copy}.db`);
      const bytes = fs.readFileSync(good);
      for (let k = 0; k < 6; k++) {
        const at = 100 + Math.floor(random() * (size - 200));
        for (let i = 0; i < 48; i++) bytes[at + i] = Math.floor(random() * 256);
      }
      fs.writeFileSync(db, bytes);
      const probe = new Database(db, { readonly: true });
      let damaged: boolean;
      try {
        damaged = probe.pragma('integrity_check', { simple: true }) !== 'ok';
      } catch {
        damaged = true;
      } finally {
        probe.close();
      }
      const commands = [
        ['stats'],
        ['timeline', 'Reagan'],
        ['entities'],
        ['entity', 'Reagan'],
        ['search', 'oil'],
        ['search', 'oil', '--json'],
        ['ingest', SEEDS],
      ];
      for (const args of commands) {
        const r = corpus([...args, '--db', db]);
        const what = `${args[0]} on copy ${copy}: ${r.stderr}`;
        codes.add(r.code);
        expect(r.stderr, what).not.toMatch(STACK);
        expect(r.stderr, what).not.toMatch(/internal error/);
        if (args[0] === 'ingest' && damaged) {
          expect(r.code, what).toBe(2);
          refusedIngests++;
        }
        if (r.code !== 0 && !(args[0] === 'entity' && r.code === 1)) {
          expect(r.code, what).toBe(2);
          const lines = r.stderr.trim().split('\n');
          expect(lines, what).toHaveLength(1);
          expect(lines[0], what).toContain(db);
        }
      }
    }
    expect(refusedIngests).toBeGreaterThan(0); // the damage was real at least once
  }, 600_000); // 35 commands: slow when the machine is busy

  it('refuses an ingest into a database whose pages are well formed but whose index no longer matches its rows', () => {
    // Damage SQLite's quick check cannot see: a byte changed inside an index entry (a date), pages
    // intact. A copy damaged at random once passed that check and took an ingest (exit 0).
    const dir = tempDir();
    const good = path.join(dir, 'good.db');
    expect(corpus(['ingest', SEEDS, '--db', good, '-q']).code).toBe(0);
    const bytes = fs.readFileSync(good);
    const text = bytes.toString('latin1');
    const bad = path.join(dir, 'bad.db');
    let found = false;
    for (const m of text.matchAll(/(?:19|20)\d\d-\d\d-\d\d/g)) {
      const copy = Buffer.from(bytes);
      copy[m.index] = '3'.charCodeAt(0); // 2018-12-18 -> 3018-12-18: same length, same record shape
      fs.writeFileSync(bad, copy);
      const probe = new Database(bad, { readonly: true });
      try {
        found =
          probe.pragma('quick_check', { simple: true }) === 'ok' &&
          probe.pragma('integrity_check', { simple: true }) !== 'ok';
      } catch {
        found = false;
      } finally {
        probe.close();
      }
      if (found) break;
    }
    expect(found, 'a change only the full check sees').toBe(true);
    const r = corpus(['ingest', SEEDS, '--db', bad]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${bad}: database is damaged`);
  });

  it('says a header whose format number was overwritten is damage, with the hint', () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    expect(corpus(['ingest', SEEDS, '--db', db, '-q']).code).toBe(0);
    const bytes = fs.readFileSync(db);
    bytes.writeUInt32BE(9, 44); // the schema format number: 1 to 4 are SQLite's
    fs.writeFileSync(db, bytes);
    const r = corpus(['stats', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `corpus: ${db}: database is damaged (unsupported file format); restore it from a backup or re-ingest into a new file\n`,
    );
  });

  it('says a value inside a row that cannot be decoded is damage, in one line, not a stack trace', () => {
    // Rows SQLite reads and checks as well formed whose content no longer decodes: a byte changed
    // inside a JSON value or a packed array.
    const dir = tempDir();
    const good = path.join(dir, 'good.db');
    expect(corpus(['ingest', SEEDS, '--db', good, '-q']).code).toBe(0);
    const damage: [DamagedValue, string[]][] = [
      ['event conflicts', ['events', '--json']],
      ['sentence offsets', ['mentions', 'North Korea']],
      ['tags', ['show', '1']],
    ];
    for (const [what, args] of damage) {
      const bad = path.join(dir, `${what.replace(' ', '-')}.db`);
      fs.copyFileSync(good, bad);
      const store = openDatabase(bad);
      damageStoredValues(store, what);
      store.close();
      const r = corpus([...args, '--db', bad]);
      expect(r.code, `${what}: ${r.stderr}`).toBe(2);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).toMatch(new RegExp(`^corpus: ${bad}: database is damaged \\(.+ cannot be read`));
    }
    // An ingest that meets the damage mid-way says so too, and leaves the file in rollback mode (a
    // file left in WAL mode cannot be read where its -shm file cannot be made).
    const bad = path.join(dir, 'signatures.db');
    fs.copyFileSync(good, bad);
    const store = openDatabase(bad);
    damageStoredValues(store, 'near-duplicate signatures');
    store.close();
    // A copy of a seed with one word changed: compared with the seed's (damaged) signature.
    const seed = fs.readdirSync(SEEDS).find((f) => f.endsWith('.txt'))!;
    const copy = fs.readFileSync(path.join(SEEDS, seed), 'utf8').replace(/\bthe\b/, 'a');
    const r = corpus(['ingest', write(path.join(dir, 'more', 'copy.txt'), copy), '--db', bad]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/database is damaged \(a near-duplicate signature cannot be read/);
    expect(r.stderr).not.toMatch(STACK);
    // The header's read and write versions: 1 for rollback mode, 2 for WAL.
    expect([...fs.readFileSync(bad).subarray(18, 20)]).toEqual([1, 1]);
  });
});

describe('a full disk', () => {
  it('says the disk is full in one line and exits 2', () => {
    const dir = tempDir();
    const mount = path.join(dir, 'small');
    fs.mkdirSync(mount);
    const r = inNamespace(
      `mount -t tmpfs -o size=1m tmpfs '${mount}' && '${process.execPath}' '${BIN}' ingest '${reuters}' --db '${mount}/c.db'`,
    );
    if (!r) return; // no user namespaces here: cannot make a small disk without root
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/cannot rollback/);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`${mount}/c.db: disk is full`));
  });
});

describe('a database on a read-only mount', () => {
  it('can be searched and summarized, whether the ingest left it in rollback or in WAL mode', () => {
    const dir = tempDir();
    const src = path.join(dir, 'src');
    const ro = path.join(dir, 'ro');
    fs.mkdirSync(src);
    fs.mkdirSync(ro);
    expect(corpus(['ingest', SEEDS, '--db', path.join(src, 'rest.db'), '-q']).code).toBe(0);
    // A database as older versions left it: WAL mode at rest, no -shm file beside it.
    fs.copyFileSync(path.join(src, 'rest.db'), path.join(src, 'wal.db'));
    const wal = new Database(path.join(src, 'wal.db'));
    wal.pragma('journal_mode = WAL');
    wal.close();
    expect(fs.readFileSync(path.join(src, 'wal.db'))[18]).toBe(2);
    for (const name of ['rest.db', 'wal.db']) {
      const db = path.join(ro, name);
      const node = `'${process.execPath}' '${BIN}'`;
      const r = inNamespace(
        `mount --bind '${src}' '${ro}' && mount -o remount,ro,bind '${ro}' && ` +
          `${node} search Pyongyang --db '${db}' --json > '${dir}/search.json' && ` +
          `${node} stats --db '${db}' --json > '${dir}/stats.json' && ` +
          `(${node} ingest '${SEEDS}' --db '${db}'; echo "ingest exit $?" >&2)`,
      );
      if (!r) return;
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const search = JSON.parse(fs.readFileSync(path.join(dir, 'search.json'), 'utf8'));
      const stats = JSON.parse(fs.readFileSync(path.join(dir, 'stats.json'), 'utf8'));
      expect(search.hits?.length ?? search.results?.length ?? search.length, name).toBeGreaterThan(0);
      expect(stats.documents, name).toBe(3);
      expect(r.stderr, name).toMatch(/ingest exit 2/);
      expect(r.stderr, name).toMatch(/not writable|read-only/);
      expect(r.stderr, name).not.toMatch(STACK);
    }
  });
});

describe('same body, different front matter', () => {
  it('keeps each file its own title, date and source; search by source finds both', () => {
    const dir = tempDir();
    const body = 'The central bank raised interest rates by half a point on Tuesday, its first move in a year.\n';
    write(
      path.join(dir, 'docs', 'a.md'),
      `---\ntitle: Bank raises rates\ndate: 2020-03-01\nsource: Alpha News\n---\n${body}`,
    );
    write(path.join(dir, 'docs', 'b.md'), `---\ntitle: Rates go up\ndate: 2020-03-02\nsource: Beta Wire\n---\n${body}`);
    write(path.join(dir, 'docs', 'c.md'), `---\ntitle: Rates go up\ndate: 2020-03-02\nsource: Beta Wire\n---\n${body}`);
    const db = path.join(dir, 'c.db');
    const ingest = corpus(['ingest', path.join(dir, 'docs'), '--db', db, '--json']);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ new: 2, duplicates: 1 });
    for (const [file, title, date, source] of [
      ['a.md', 'Bank raises rates', '2020-03-01', 'Alpha News'],
      ['b.md', 'Rates go up', '2020-03-02', 'Beta Wire'],
    ]) {
      const shown = JSON.parse(corpus(['show', path.join(dir, 'docs', file), '--db', db, '--json']).stdout);
      expect(shown).toMatchObject({ title, date, source });
      const hits = JSON.parse(corpus(['search', 'interest rates', '--source', source, '--db', db, '--json']).stdout);
      const list = hits.hits ?? hits.results ?? hits;
      expect(list.map((h: { title: string }) => h.title)).toEqual([title]);
    }
  });
});
