import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Store } from '../src/store/db.js';
import {
  allDocuments,
  countAnalyzedBy,
  ftsMatchCount,
  integrityProblems,
  maxDocumentId,
  rowCount,
  setAnalyzerVersion,
} from '../src/store/inspect.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, corpusUnderPermissions, SEEDS, tempDir, write } from './helpers.js';

const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

/** Read what the CLI wrote, through the store's read functions. */
function inspect<T>(file: string, read: (store: Store) => T): T {
  const store = openDatabase(file, { readonly: true });
  try {
    return read(store);
  } finally {
    store.close();
  }
}

const documents = (file: string): number => inspect(file, (s) => rowCount(s, 'documents'));
const paths = (file: string): number => inspect(file, (s) => rowCount(s, 'paths'));
const matching = (file: string, match: string): number => inspect(file, (s) => ftsMatchCount(s, match));

function ftsInStep(file: string): void {
  const store = openDatabase(file);
  try {
    expect(integrityProblems(store)).toEqual([]);
  } finally {
    store.close();
  }
}

describe('corpus ingest seeds/', () => {
  let dir: string;
  let db: string;
  let first: ReturnType<typeof corpus>;

  beforeAll(() => {
    dir = tempDir();
    db = path.join(dir, 'corpus.db');
    first = corpus(['ingest', SEEDS, '--db', db]);
  });

  it('stores the three seeds and says so in one line', () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/3 files, 3 documents: 3 new, 0 updated, 0 unchanged, 0 duplicates, 0 failed/);
    expect(documents(db)).toBe(3);
    ftsInStep(db);
  });

  it('takes the third seed date and section from its header line', () => {
    const show = corpus(['show', path.join(SEEDS, '004_ddf39e30f6a337f9.txt'), '--db', db, '--json']);
    expect(show.code).toBe(0);
    const doc = JSON.parse(show.stdout);
    expect(doc.date).toBe('2018-12-18');
    expect(doc.dateSource).toBe('header');
    expect(doc.section).toBe('NATIONAL');
    expect(doc.source).toBe('Yonhap');
  });

  it('reports the second run as 3 unchanged and changes nothing', () => {
    const before = inspect(db, maxDocumentId);
    const again = corpus(['ingest', SEEDS, '--db', db, '--json']);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ files: 3, new: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(inspect(db, maxDocumentId)).toBe(before);
  });

  it('finds the database through CORPUS_DB and stats describe it', () => {
    const stats = corpus(['stats', '--json'], { env: { CORPUS_DB: db } });
    expect(stats.code).toBe(0);
    const s = JSON.parse(stats.stdout);
    expect(s.documents).toBe(3);
    expect(s.lastDate).toBe('2019-02-15');
    expect(s.undated).toBe(0);
    expect(s.firstDate).toBe('2018-04-19');
    const text = corpus(['stats', '--db', db]);
    expect(text.stdout).toMatch(/documents\s+3/);
    // Events as the timeline counts them (was the per-document event names), then the lone mentions.
    const entries = JSON.parse(corpus(['timeline', '--all', '--json', '--db', db]).stdout).entries as {
      kind: string;
    }[];
    const events = entries.filter((e) => e.kind === 'event').length;
    const mentions = entries.length - events;
    expect(s).toMatchObject({ corpusEvents: events, loneMentions: mentions });
    expect(text.stdout).toMatch(new RegExp(`^events +${events}$`, 'm'));
    expect(text.stdout).toMatch(new RegExp(`^dated mentions +${mentions}$`, 'm'));
    expect(text.stdout).toMatch(new RegExp(`^event names +${s.events}$`, 'm'));
  });

  it('shows a document by id', () => {
    const show = corpus(['show', '1', '--db', db]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^id\s+1$/m);
    const missing = corpus(['show', '999', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/999: no such document/);
  });
});

describe('document identity', () => {
  it('replaces a changed file, keeps one copy of a duplicate body, and prunes files that are gone', () => {
    const dir = tempDir();
    const db = path.join(dir, 'corpus.db');
    const docs = path.join(dir, 'docs');
    write(path.join(docs, 'a.txt'), 'Alpha story about the harbour strike in Rotterdam.\n');
    write(path.join(docs, 'b.txt'), 'Bravo story about grain prices.\n');
    write(path.join(docs, 'sub', 'b-copy.txt'), 'Bravo story about grain prices.\n');
    const first = JSON.parse(corpus(['ingest', docs, '--db', db, '--json']).stdout);
    expect(first).toMatchObject({ files: 3, new: 2, duplicates: 1 });
    expect(documents(db)).toBe(2);
    expect(paths(db)).toBe(3);

    write(path.join(docs, 'a.txt'), 'Alpha story, corrected: the strike in Antwerp ended.\n');
    const second = JSON.parse(corpus(['ingest', docs, '--db', db, '--json']).stdout);
    expect(second).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
    expect(matching(db, 'antwerp')).toBe(1);
    expect(matching(db, 'rotterdam')).toBe(0);
    expect(documents(db)).toBe(2);

    fs.rmSync(path.join(docs, 'sub'), { recursive: true });
    fs.rmSync(path.join(docs, 'a.txt'));
    const noPrune = JSON.parse(corpus(['ingest', docs, '--db', db, '--json']).stdout);
    expect(noPrune.pruned).toBe(0);
    expect(documents(db)).toBe(2);
    const pruned = JSON.parse(corpus(['ingest', docs, '--db', db, '--json', '--prune']).stdout);
    expect(pruned.pruned).toBe(2);
    expect(documents(db)).toBe(1);
    expect(paths(db)).toBe(1);
    ftsInStep(db);
  });

  it('prunes only within the paths given, and never a file it merely cannot read', () => {
    const dir = tempDir();
    const db = path.join(dir, 'corpus.db');
    const kept = path.join(dir, 'kept');
    const other = path.join(dir, 'other');
    write(path.join(kept, 'a.txt'), 'Alpha story about the harbour strike in Rotterdam.\n');
    write(path.join(kept, 'locked', 'b.txt'), 'Bravo story about grain prices in Chicago.\n');
    write(path.join(other, 'c.txt'), 'Charlie story about coffee talks in London.\n');
    expect(corpus(['ingest', kept, other, '--db', db, '-q']).code).toBe(0);
    expect(documents(db)).toBe(3);
    // A folder without read permission is not a folder whose files are gone.
    fs.chmodSync(path.join(kept, 'locked'), 0o000);
    try {
      const run = corpusUnderPermissions(['ingest', kept, '--prune', '--db', db, '--json']);
      // Said as a failure (its articles may be missed: exit 1), not as a remark.
      expect(run.stderr).toMatch(/^corpus: \S*locked: folder not read \(EACCES\)$/m);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)).toMatchObject({ pruned: 0, failed: 1 });
    } finally {
      fs.chmodSync(path.join(kept, 'locked'), 0o755);
    }
    expect(documents(db)).toBe(3);
    // Another folder gone (a drive unmounted) is not looked at when only \`kept\` is pruned…
    fs.renameSync(other, `${other}-away`);
    expect(JSON.parse(corpus(['ingest', kept, '--prune', '--db', db, '--json']).stdout).pruned).toBe(0);
    expect(documents(db)).toBe(3);
    // …and is forgotten when named.
    const named = corpus(['ingest', kept, other, '--prune', '--db', db, '--json']);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toMatch(/other: not found; what was stored from it is forgotten \(--prune\)/);
    expect(JSON.parse(named.stdout).pruned).toBe(1);
    expect(documents(db)).toBe(2);
  });

  it('keeps the past items of a feed read again, and drops a JSON Lines row that is gone, saying so', () => {
    const dir = tempDir();
    const db = path.join(dir, 'corpus.db');
    const item = (name: string) =>
      `<item><title>${name}</title><guid>http://example.com/${name}</guid><description>The story ${name} says the Bank of Japan cut rates in Tokyo.</description></item>`;
    const feed = (...names: string[]) => `<rss version="2.0"><channel>${names.map(item).join('')}</channel></rss>\n`;
    const rss = write(path.join(dir, 'docs', 'feed.rss'), feed('Alpha', 'Beta'));
    const lines = write(
      path.join(dir, 'docs', 'a.jsonl'),
      ['Oil rose in London.', 'Gold fell in Zurich.', 'Wheat rose in Chicago.']
        .map((text, i) => JSON.stringify({ title: `Row ${i}`, text }))
        .join('\n'),
    );
    // A file of its own whose name begins like a row of a.jsonl.
    write(path.join(dir, 'docs', 'a.jsonl#note.txt'), 'A note about the Venice summit.\n');
    expect(corpus(['ingest', path.join(dir, 'docs'), '--db', db, '-q']).code).toBe(0);
    expect(documents(db)).toBe(6);
    fs.writeFileSync(rss, feed('Beta', 'Gamma'));
    fs.writeFileSync(lines, `${JSON.stringify({ title: 'Row 0', text: 'Oil rose in London.' })}\n`);
    const again = corpus(['ingest', path.join(dir, 'docs'), '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 1, pruned: 0, removed: 2 });
    expect(matching(db, 'alpha')).toBe(1);
    expect(matching(db, 'venice')).toBe(1);
    expect(matching(db, 'zurich')).toBe(0);
    const text = corpus(['ingest', path.join(dir, 'docs'), '--db', db, '--prune']);
    expect(text.stdout + text.stderr).toMatch(/1 pruned/);
    expect(matching(db, 'alpha')).toBe(0);
    expect(matching(db, 'venice')).toBe(1);
  });

  it('stores a .json array article by article, drops the ones gone from it, and forgets them all with the file', () => {
    const dir = tempDir();
    const db = path.join(dir, 'corpus.db');
    const stories = ['Oil rose in London.', 'Gold fell in Zurich.', 'Wheat rose in Chicago.'];
    const file = write(
      path.join(dir, 'docs', 'export.json'),
      JSON.stringify(stories.map((text, i) => ({ title: `Story ${i}`, text }))),
    );
    write(path.join(dir, 'docs', 'note.txt'), 'A note about the Venice summit.\n');
    expect(JSON.parse(corpus(['ingest', path.join(dir, 'docs'), '--db', db, '--json']).stdout)).toMatchObject({
      new: 4,
    });
    expect(matching(db, 'zurich')).toBe(1);
    fs.writeFileSync(file, JSON.stringify([{ title: 'Story 0', text: stories[0] }]));
    const again = corpus(['ingest', path.join(dir, 'docs'), '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, removed: 2 });
    expect([matching(db, 'oil'), matching(db, 'zurich'), matching(db, 'venice')]).toEqual([1, 0, 1]);
    fs.rmSync(file);
    const pruned = corpus(['ingest', path.join(dir, 'docs'), '--db', db, '--prune', '--json']);
    expect(JSON.parse(pruned.stdout)).toMatchObject({ pruned: 1 });
    expect([matching(db, 'oil'), matching(db, 'venice')]).toEqual([0, 1]);
  });

  it('re-analyzes only the documents an older analyzer version wrote', () => {
    const dir = tempDir();
    const db = path.join(dir, 'corpus.db');
    corpus(['ingest', SEEDS, '--db', db]);
    const store = openDatabase(db);
    setAnalyzerVersion(store, 'old', 2);
    store.close();
    const again = JSON.parse(corpus(['ingest', SEEDS, '--db', db, '--json']).stdout);
    expect(again).toMatchObject({ unchanged: 2, reanalyzed: 1, new: 0 });
    expect(inspect(db, (st) => countAnalyzedBy(st, 'old'))).toBe(0);
    ftsInStep(db);
  });

  it('dates files from their own header, else the folder’s corpus-meta.yaml, else --date', () => {
    const dir = tempDir();
    const db = path.join(dir, 'corpus.db');
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    for (const f of seedFiles) fs.copyFileSync(path.join(SEEDS, f), path.join(docs, f));
    write(
      path.join(docs, 'corpus-meta.yaml'),
      `${seedFiles[0]}:\n  date: 2019-02-15\n  source: Example Wire\n${seedFiles[2]}:\n  date: 2001-01-01\n`,
    );
    const result = corpus(['ingest', docs, '--db', db, '--date', '2018-04-19', '--json']);
    expect(result.code).toBe(0);
    const dates = inspect(db, allDocuments).map(({ date, dateSource, source }) => ({ date, dateSource, source }));
    expect(dates).toEqual([
      { date: '2019-02-15', dateSource: 'frontmatter', source: 'Example Wire' },
      { date: '2018-04-19', dateSource: 'flag', source: null },
      { date: '2018-12-18', dateSource: 'header', source: 'Yonhap' },
    ]);
  });

  it('warns about a broken corpus-meta.yaml and reads the articles all the same', () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    write(path.join(docs, 'a.txt'), 'A story.\n');
    write(path.join(docs, 'corpus-meta.yaml'), 'a.txt: [unclosed\n');
    const r = corpus(['ingest', docs, '--db', path.join(dir, 'c.db')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/corpus-meta\.yaml: broken YAML .*; ignored/);
  });

  it('says which date of corpus-meta.yaml it could not read, takes tags as one string, and never stores it', () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    const db = path.join(dir, 'c.db');
    write(path.join(docs, 'a.txt'), 'A story about wheat.\n');
    write(path.join(docs, 'b.txt'), 'A story about coffee.\n');
    write(
      path.join(docs, 'corpus-meta.yaml'),
      'a.txt:\n  date: 1987-02-30\nb.txt:\n  date: 1987-03-02\n  tags: "econ, japan"\n',
    );
    const r = corpus(['ingest', docs, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/corpus-meta\.yaml: a\.txt: date '1987-02-30' not understood; ignored/);
    const b = JSON.parse(corpus(['search', 'coffee', '--json', '--db', db]).stdout).hits[0];
    expect(b.date).toBe('1987-03-02');
    expect(corpus(['search', '--tag', 'japan', '--db', db]).stdout).toMatch(/1 document/);
    // Named among the articles (a shell's docs/*), it is skipped, saying why.
    const named = corpus(['ingest', path.join(docs, 'corpus-meta.yaml'), path.join(docs, 'a.txt'), '--db', db]);
    expect(named.code).toBe(0);
    expect(named.stderr).toMatch(/corpus-meta\.yaml: skipped \(metadata for the articles beside it, not an article\)/);
    expect(documents(db)).toBe(2);
  });
});

describe('discovery', () => {
  it('says so of a named pipe or a device among the files, and never waits on one', () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    write(path.join(docs, 'one.txt'), 'One story about oil prices in London.\n');
    execFileSync('mkfifo', [path.join(docs, 'pipe.txt')]);
    fs.symlinkSync('/dev/zero', path.join(docs, 'zero.txt'));
    const db = path.join(dir, 'corpus.db');
    const run = corpus(['ingest', docs, '--db', db, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 1, new: 1 });
    expect(run.stderr).toMatch(/pipe\.txt: not a regular file \(a named pipe\); not read/);
    expect(run.stderr).toMatch(/zero\.txt: not a regular file \(a device\); not read/);
    // Named: a file that failed (exit 1), read without blocking on the pipe or reading /dev/zero for ever.
    for (const name of ['pipe.txt', 'zero.txt']) {
      const named = corpus(['ingest', path.join(docs, name), '--db', db], { timeout: 60_000 });
      expect(named.code).toBe(1);
      expect(named.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}: not a regular file`));
      const extracted = corpus(['extract', path.join(docs, name)], { timeout: 60_000 });
      expect(extracted.code).toBe(1);
      expect(extracted.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('skips hidden files, node_modules and the database, and survives a symlink loop', () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    write(path.join(docs, 'one.txt'), 'One story.\n');
    write(path.join(docs, '.hidden.txt'), 'Hidden.\n');
    write(path.join(docs, '.git', 'x.txt'), 'Hidden folder.\n');
    write(path.join(docs, 'node_modules', 'pkg', 'readme.txt'), 'Dependency.\n');
    write(path.join(docs, 'image.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    fs.symlinkSync(docs, path.join(docs, 'loop'));
    const db = path.join(docs, 'corpus.db');
    const first = corpus(['ingest', docs, '--db', db, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ files: 1, new: 1 });
    // Passed over on purpose, and said: the hidden file and folder among the rest.
    expect(first.stderr).toMatch(/docs: skipped \d+ files of other types \(.*hidden ×2.*\)/);
  });

  it('accepts globs and single files', () => {
    const dir = tempDir();
    const db = path.join(dir, 'corpus.db');
    const glob = corpus(['ingest', path.join(SEEDS, '00[02]_*.txt'), '--db', db, '--json']);
    expect(JSON.parse(glob.stdout)).toMatchObject({ files: 2, new: 2 });
    const single = corpus(['ingest', path.join(SEEDS, seedFiles[2]), '--db', db, '--json']);
    expect(JSON.parse(single.stdout)).toMatchObject({ files: 1, new: 1 });
  });
});

describe('bad input', () => {
  let dir: string;
  let docs: string;
  let db: string;
  let result: ReturnType<typeof corpus>;

  beforeAll(() => {
    dir = tempDir();
    docs = path.join(dir, 'docs');
    db = path.join(dir, 'corpus.db');
    write(path.join(docs, 'good.txt'), 'A good story about trade talks in Geneva.\n');
    write(path.join(docs, 'empty.txt'), '');
    write(path.join(docs, 'binary.txt'), new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0, 12, 0]));
    // “Smart quotes” and the euro sign in Windows-1252.
    write(
      path.join(docs, 'legacy.txt'),
      new Uint8Array([
        ...Buffer.from('Price rose to '),
        0x80,
        ...Buffer.from('5, a '),
        0x93,
        ...Buffer.from('record'),
        0x94,
        0x2e,
        0x0a,
      ]),
    );
    write(path.join(docs, 'broken.json'), '{"title": "x", "text": ');
    write(
      path.join(docs, 'lines.jsonl'),
      '{"title":"One","text":"First line story."}\n{oops\n{"title":"Three","text":"Third line story."}\n',
    );
    result = corpus(['ingest', docs, '--db', db, '--json']);
  });

  it('reports each bad file on one line naming it and the cause, and carries on', () => {
    const lines = result.stderr.trim().split('\n');
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    expect(lines.find((l) => l.includes('empty.txt'))).toMatch(/empty/i);
    expect(lines.find((l) => l.includes('binary.txt'))).toMatch(/binary/i);
    expect(lines.find((l) => l.includes('broken.json'))).toMatch(/json/i);
    expect(lines.find((l) => l.includes('lines.jsonl:2'))).toBeTruthy();
    expect(lines.find((l) => l.includes('legacy.txt'))).toMatch(/Windows-1252/);
  });

  it('exits 1 when some files failed, having stored the rest', () => {
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ failed: 4, new: 4 });
    const legacy = inspect(db, allDocuments).find((d) => d.body.startsWith('Price'))?.body;
    expect(legacy).toBe('Price rose to €5, a “record”.\n');
  });

  it('keeps what was stored when a file later turns bad', () => {
    write(path.join(docs, 'good.txt'), new Uint8Array([0, 0, 0, 1]));
    const again = corpus(['ingest', docs, '--db', db, '--json']);
    expect(again.code).toBe(1);
    expect(matching(db, 'geneva')).toBe(1);
  });

  it('exits 2 on usage errors with one line and no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['ingest', path.join(dir, 'nope'), '--db', db], /nope: no such file or folder/],
      [['ingest', docs, '--db', db, '--bogus'], /unknown option/],
      [['ingest', docs, '--db', path.join(dir, 'missing-folder', 'x.db')], /does not exist/],
      [['ingest', docs, '--db', docs], /directory/],
      [['ingest', docs, '--date', '2019-13-45', '--db', db], /--date must be a day/],
      // Accepted before, then stored as no date at all.
      [['ingest', docs, '--date', '9999-12-31', '--db', db], /--date must be a day from 1000-01-01 to 2999-12-31/],
      [['ingest', docs, '--date', '2019-02', '--db', db], /--date must be a day/],
      [['extract', path.join(docs, 'a.txt'), '--date', '2019'], /--date must be a day/],
      [['stats', '--db', path.join(dir, 'none.db')], /no such database/],
      [['stats', '--db', ''], /--db \(or CORPUS_DB\) is empty/],
      // An empty file: what a query sees of a database an ingest has just begun to create.
      [['stats', '--db', write(path.join(dir, 'empty.db'), '')], /holds no corpus yet/],
    ];
    for (const [args, message] of cases) {
      const r = corpus(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('names the database as typed in the error of every command', () => {
    const cwd = tempDir();
    for (const args of [
      ['search', 'oil'],
      ['stats'],
      ['duplicates'],
      ['mentions', 'Japan'],
      ['trends', 'Japan'],
      ['timeline'],
      ['events'],
      ['entities'],
      ['entity', 'Japan'],
      ['show', '1'],
      ['graph', 'Japan'],
    ]) {
      const r = corpus([...args, '--db', 'no-such.db'], { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^corpus: no-such\.db: no such database/);
    }
  });

  it('refuses a file that is not a corpus database and leaves it untouched', () => {
    const notSqlite = write(path.join(dir, 'notes.db'), 'just some text, not a database\n'.repeat(40));
    const before = fs.readFileSync(notSqlite);
    const r1 = corpus(['ingest', docs, '--db', notSqlite]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/not a corpus database/);
    expect(fs.readFileSync(notSqlite)).toEqual(before);

    const other = path.join(dir, 'other.db');
    const raw = new Database(other);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)');
    raw.close();
    const r2 = corpus(['ingest', docs, '--db', other]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/not a corpus database/);
  });
});
