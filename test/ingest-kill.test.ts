import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/store/db.js';
import { analysisDump, integrityProblems, rowCount, setAnalyzerVersion } from '../src/store/inspect.js';
import { describe, expect, it } from 'vitest';
import { documentChanges, eventsBuiltAt, noteDocumentChange } from '../src/store/counts.js';
import { replaceCorpusEventsFrom } from '../src/store/events.js';
import { corpus, corpusAsync, explodeReuters, SEEDS, tempDir } from './helpers.js';

const FILES = 1500;

function documentsIn(db: string): number {
  if (!fs.existsSync(db)) return 0;
  try {
    const store = openDatabase(db, { readonly: true });
    try {
      return rowCount(store, 'documents');
    } finally {
      store.close();
    }
  } catch {
    return 0; // not created yet, or the schema is still being written
  }
}

describe('kill -9, or a closed terminal, in the middle of an ingest', () => {
  // SIGHUP (the terminal or the ssh session gone) ends the process at once, as SIGKILL does.
  it.each(['SIGKILL', 'SIGHUP'] as const)(
    '%s leaves a consistent database, and the same ingest then completes the work',
    async (signal) => {
      const docs = explodeReuters(FILES);
      const dir = path.dirname(docs);
      const db = path.join(dir, 'corpus.db');

      const child = corpusAsync(['ingest', docs, '--db', db]);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, by) => resolve(by)));
      // Kill as soon as the first batch is committed, while later batches are being written.
      const deadline = Date.now() + 60_000;
      while (documentsIn(db) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      child.kill(signal);
      expect(await exited).toBe(signal);
      const atKill = documentsIn(db);
      expect(atKill).toBeGreaterThan(0);
      expect(atKill).toBeLessThan(FILES); // the kill landed mid-ingest

      const raw = openDatabase(db);
      expect(integrityProblems(raw)).toEqual([]);
      raw.close();

      const rerun = corpus(['ingest', docs, '--db', db, '--json']);
      expect(rerun.code).toBe(0);
      const summary = JSON.parse(rerun.stdout);
      expect(summary.files).toBe(FILES);
      expect(summary.unchanged + summary.duplicates).toBeGreaterThanOrEqual(atKill);

      const bodies = new Set<string>();
      for (const shard of fs.readdirSync(docs)) {
        for (const f of fs.readdirSync(path.join(docs, shard)))
          bodies.add(fs.readFileSync(path.join(docs, shard, f), 'utf8'));
      }
      const check = openDatabase(db);
      expect(rowCount(check, 'documents')).toBe(bodies.size);
      expect(rowCount(check, 'paths')).toBe(FILES);
      expect(integrityProblems(check)).toEqual([]);
      check.close();
    },
  );
});

describe('SIGTERM in the middle of an ingest (kill, timeout, docker stop)', () => {
  it('commits what was read, exits 143 and says how to resume, as Ctrl-C does', async () => {
    const dir = tempDir('corpus-sigterm-');
    const lines = Array.from({ length: 4000 }, (_, i) =>
      JSON.stringify({
        title: `Market ${i}`,
        date: '2022-01-03',
        text: `Wheat rose in Chicago on report ${i}. The ministry said exports fell. Traders expect rain in Kansas.`,
      }),
    );
    const input = path.join(dir, 'big.jsonl');
    fs.writeFileSync(input, `${lines.join('\n')}\n`);
    const db = path.join(dir, 'r.db');
    const child = corpusAsync(['ingest', 'big.jsonl', '--db', 'r.db'], { cwd: dir, stderr: true });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Once the first batch is committed: with the default action the open batch was lost unannounced.
    const deadline = Date.now() + 120_000;
    while (documentsIn(db) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGTERM');
    const code = await exited;
    expect(code, stderr).toBe(143);
    expect(stderr).toContain('interrupted (SIGTERM): storing what was read');
    expect(stderr).toMatch(
      /interrupted: \d[\d,]* documents stored and committed; run the same command to resume:\n\s+corpus ingest big\.jsonl --db r\.db/,
    );
    const stored = documentsIn(db);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(4000);
    const again = corpus(['ingest', 'big.jsonl', '--db', 'r.db', '--json'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: stored, new: 4000 - stored });
  }, 300_000);
});

describe('parallel analysis', () => {
  it('stores exactly what a single-threaded ingest stores', () => {
    const docs = explodeReuters(300); // past the 100 analyses done before workers start
    const dir = path.dirname(docs);
    const dump = (db: string) => {
      const raw = openDatabase(db, { readonly: true });
      try {
        return analysisDump(raw);
      } finally {
        raw.close();
      }
    };
    const single = path.join(dir, 'single.db');
    const parallel = path.join(dir, 'parallel.db');
    expect(corpus(['ingest', docs, '--db', single], { env: { CORPUS_WORKERS: '0' } }).code).toBe(0);
    expect(corpus(['ingest', docs, '--db', parallel], { env: { CORPUS_WORKERS: '2' } }).code).toBe(0);
    expect(dump(parallel)).toEqual(dump(single));

    // An analyzer upgrade re-analyzes every stored document, in the workers, to the same result.
    const raw = openDatabase(parallel);
    setAnalyzerVersion(raw, 'old');
    raw.close();
    const upgrade = corpus(['ingest', docs, '--db', parallel, '--json'], { env: { CORPUS_WORKERS: '2' } });
    expect(JSON.parse(upgrade.stdout)).toMatchObject({ new: 0, updated: 0, failed: 0 });
    expect(JSON.parse(upgrade.stdout).reanalyzed).toBeGreaterThan(100);
    expect(dump(parallel)).toEqual(dump(single));
  });
});

describe('an ingest stopped between its documents and its corpus events', () => {
  it('has the next ingest build the events, though that ingest changes nothing itself', () => {
    const dir = tempDir('corpus-events-behind-');
    const db = path.join(dir, 'corpus.db');
    expect(corpus(['ingest', SEEDS, '--db', db, '-q']).code).toBe(0);
    const events = () => JSON.parse(corpus(['stats', '--json', '--db', db]).stdout).corpusEvents as number;
    const built = events();
    expect(built).toBeGreaterThan(0);
    // What a kill -9 in the events step leaves: documents changed by a committed transaction, the
    // statements written, the events not yet rebuilt.
    const store = openDatabase(db);
    try {
      noteDocumentChange(store);
      replaceCorpusEventsFrom(store, () => {});
    } finally {
      store.close();
    }
    expect(events()).toBe(0);
    const rerun = JSON.parse(corpus(['ingest', SEEDS, '--db', db, '--json']).stdout);
    expect(rerun).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    expect(events()).toBe(built);
    // Caught up: built from the documents as they now are.
    const caughtUp = openDatabase(db, { readonly: true });
    try {
      expect(eventsBuiltAt(caughtUp)).toBe(documentChanges(caughtUp));
    } finally {
      caughtUp.close();
    }
  });
});

describe('Ctrl-C in the corpus-wide steps at the end of an ingest', () => {
  it('stops the process at once, and the next ingest finishes the steps', async () => {
    const docs = explodeReuters(300);
    const dir = path.dirname(docs);
    const whole = path.join(dir, 'whole.db');
    expect(corpus(['ingest', docs, '--db', whole, '-q']).code).toBe(0);
    const events = (db: string) => JSON.parse(corpus(['stats', '--json', '--db', db]).stdout).corpusEvents as number;
    // Every document committed: the steps (entities, near-duplicates, events) are next. A SIGINT in
    // the moments between (the WAL's checkpoint: 50-150 ms on some machines) falls to the reading
    // phase's handler instead, which stores what was read and exits 0: tried again a little later.
    let stopped: NodeJS.Signals | null = null;
    const db = path.join(dir, 'stopped.db');
    for (let attempt = 0; attempt < 3 && stopped === null; attempt++) {
      fs.rmSync(db, { force: true });
      const child = corpusAsync(['ingest', docs, '--db', db]);
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      const deadline = Date.now() + 120_000;
      while (documentsIn(db) < documentsIn(whole) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, [50, 150, 300][attempt]));
      child.kill('SIGINT');
      stopped = await exited;
    }
    expect(stopped).toBe('SIGINT');
    const rerun = corpus(['ingest', docs, '--db', db, '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(events(db)).toBe(events(whole));
  }, 600_000);
});
