import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../src/store/db.js';
import {
  bandRowCount,
  clearNearDuplicates,
  clusterOf,
  inWriteTransaction,
  setNearDuplicatesVersion,
  unsignedCount,
} from '../src/store/duplicates.js';
import { NEAR_DUPLICATES_VERSION, updateNearDuplicates } from '../src/dedup/update.js';
import { documentIdsByPath } from '../src/store/documents.js';
import { search } from '../src/search/search.js';
import { figures, figuresAgree, signature, similarity, THRESHOLD } from '../src/dedup/minhash.js';
import { renderDuplicatesText } from '../src/render/duplicates.js';
import { corpus, ROOT, tempDir, write } from './helpers.js';

const STORY =
  'The central bank of Norway raised its main lending rate on Thursday to defend the crown after a week of heavy selling, ' +
  'officials said. The move surprised dealers in Oslo, who had expected the bank to wait for the budget debate next month. ' +
  'Shipping and oil shares fell on the news while the crown recovered part of its losses against the mark and the dollar.';
const OTHER =
  'Farmers in the Canadian prairies planted more wheat than expected this spring, according to a government survey released ' +
  'in Ottawa, and analysts said the larger area would weigh on prices if the summer stays dry and yields hold near normal.';

describe('near-duplicates', () => {
  let dir: string;
  let file: string;

  beforeAll(() => {
    dir = tempDir('corpus-dups-');
    write(path.join(dir, 'news', 'a-norway.txt'), `NORWAY RAISES RATE\n\n${STORY}\n`);
    // The same story re-sent with a comma and one word changed: not identical, so not deduplicated by hash.
    write(
      path.join(dir, 'news', 'b-norway-resent.txt'),
      `NORWAY RAISES LENDING RATE\n\n${STORY.replace('Oslo, who', 'Oslo who').replace('heavy', 'strong')}\n`,
    );
    write(path.join(dir, 'news', 'c-wheat.txt'), `PRAIRIE WHEAT AREA UP\n\n${OTHER}\n`);
    file = path.join(dir, 'news.db');
    const run = corpus(['ingest', path.join(dir, 'news'), '--db', file, '--quiet']);
    expect(run.code).toBe(0);
  });

  it('estimates similarity: a re-sent story is close, a different one far', () => {
    const a = signature(STORY)!;
    expect(similarity(a, signature(STORY.replace('heavy', 'strong'))!)).toBeGreaterThanOrEqual(0.7);
    expect(similarity(a, signature(OTHER)!)).toBeLessThan(0.2);
    expect(signature('too short to judge')).toBeNull();
  });

  it('tells a template sent again with other figures from a re-sent report', () => {
    const day1 = 'The Fed arranged 1.5 billion dlrs of customer repurchases; funds traded at 6-1/4 pct.';
    expect(figuresAgree(figures(day1), figures(day1.replace('6-1/4', '6-3/8').replace('1.5', '2.0')))).toBe(false);
    expect(figuresAgree(figures(day1), figures(day1.replace('Fed', 'Federal Reserve')))).toBe(true);
  });

  it('stores a cluster at ingest; clusterOf gives its documents', () => {
    const db: Store = openDatabase(file, { readonly: true });
    try {
      const byPath = [...documentIdsByPath(db)].sort(([p], [q]) => p.localeCompare(q));
      const [a, b, c] = byPath.map(([, id]) => id);
      expect(clusterOf(db, b)).toEqual([a, b].sort((x, y) => x - y));
      expect(clusterOf(db, c)).toEqual([c]);
    } finally {
      db.close();
    }
  });

  it('corpus duplicates lists the cluster, as text, JSON, CSV and NDJSON', () => {
    const text = corpus(['duplicates', '--db', file], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^1 cluster of near-duplicates \(2 documents\):/);
    expect(text.stdout).toContain('news/a-norway.txt');
    expect(text.stdout).not.toContain('c-wheat');
    const json = JSON.parse(corpus(['duplicates', '--json', '--db', file]).stdout);
    expect(json.clusters).toHaveLength(1);
    expect(json.clusters[0].size).toBe(2);
    // The JSON vocabulary: `documents` is a count, the list is `documentList`, paths relative to the working folder.
    expect(json.clusters[0].documents).toBe(2);
    expect(json.clusters[0].documentList.map((d: { title: string }) => d.title).sort()).toEqual([
      'NORWAY RAISES LENDING RATE',
      'NORWAY RAISES RATE',
    ]);
    const csv = corpus(['duplicates', '--csv', '--db', file], { cwd: dir }).stdout.trim().split('\n');
    expect(csv[0]).toBe('cluster,id,date,title,source,path');
    expect(csv).toHaveLength(3);
    expect(csv.slice(1).every((line) => line.startsWith(`${json.clusters[0].id},`))).toBe(true);
    expect(csv.join('\n')).toContain(',news/a-norway.txt');
    const lines = corpus(['duplicates', '--nl', '--db', file])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.cluster)).toEqual([json.clusters[0].id, json.clusters[0].id]);
  });

  it('search shows one hit per cluster with +N similar', () => {
    const run = corpus(['search', 'Norway crown', '--db', file], { env: { NO_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^ {2}\d+\. /gm)).toHaveLength(1);
    expect(run.stdout).toMatch(/RAISES (LENDING )?RATE \(\+1 similar\)/);
    const json = JSON.parse(corpus(['search', 'Norway crown', '--json', '--db', file]).stdout);
    expect(json.hits[0].similar).toBe(1);
  });

  it('corpus show lists near-duplicates and entities; --json includes them', () => {
    const json = JSON.parse(corpus(['show', path.join(dir, 'news', 'a-norway.txt'), '--json', '--db', file]).stdout);
    expect(json.nearDuplicates.map((d: { title: string }) => d.title)).toEqual(['NORWAY RAISES LENDING RATE']);
    expect(json.entities.length).toBeGreaterThan(0);
    for (const e of json.entities) expect(typeof e.mentions).toBe('number');
    const text = corpus(['show', path.join(dir, 'news', 'a-norway.txt'), '--db', file], { env: { NO_COLOR: '1' } });
    expect(text.stdout).toMatch(/\nNear-duplicates:\n {2}#\d+ {2}.+NORWAY RAISES LENDING RATE/);
    expect(text.stdout).toMatch(/\nEntities:\n/);
    expect(text.stdout).not.toMatch(/\x1b\[/);
  });

  it('corpus show colours mentions by type on a terminal', () => {
    const run = spawnSync(
      'script',
      [
        '-qfec',
        `${process.execPath} ${path.join(ROOT, 'bin', 'corpus.cjs')} show ${path.join(dir, 'news', 'a-norway.txt')} --db ${file} --no-pager`,
        '/dev/null',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '' },
      },
    );
    expect(run.stdout).toMatch(/\x1b\[3[2-6]m(Norway|Oslo)\x1b\[39m/);
  });

  afterAll(() => undefined);
});

describe('a story copied many times', () => {
  it('is one cluster whether its copies come in one ingest or several, and fills each bucket once', () => {
    const dir = tempDir('corpus-copies-');
    const words = STORY.split(' ');
    // Each copy changes one word in another place: no two bodies are the same, all are close.
    const copy = (k: number) => words.map((w, i) => (i === 3 + k * 2 ? 'zeta' : w)).join(' ');
    const db = path.join(dir, 'news.db');
    for (let k = 0; k < 10; k++) write(path.join(dir, 'news', `copy-${k}.txt`), `NORWAY\n\n${copy(k)}\n`);
    expect(corpus(['ingest', path.join(dir, 'news'), '--db', db, '--quiet']).code).toBe(0);
    for (let k = 10; k < 24; k++) write(path.join(dir, 'news', `copy-${k}.txt`), `NORWAY\n\n${copy(k)}\n`);
    write(path.join(dir, 'news', 'wheat.txt'), `WHEAT\n\n${OTHER}\n`);
    expect(corpus(['ingest', path.join(dir, 'news'), '--db', db, '--quiet']).code).toBe(0);
    const store = openDatabase(db, { readonly: true });
    try {
      const ids = [...documentIdsByPath(store)].filter(([p]) => p.includes('copy-')).map(([, id]) => id);
      expect(ids).toHaveLength(24);
      expect(clusterOf(store, ids[0])).toEqual([...ids].sort((a, b) => a - b));
      // 16 band rows a document if every copy were filed in every bucket (400); a copy is filed only
      // where no document of its cluster is yet.
      expect(bandRowCount(store)).toBeLessThan(200);
    } finally {
      store.close();
    }
  });
});

describe('a first take and the whole story', () => {
  // A wire story's first take, then the whole story that begins with it: the take is all inside the
  // story, but half its length, so their Jaccard similarity is far below THRESHOLD.
  const TAKE =
    'Taiwan rejected a plea from its textile makers to slow the rise of the local dollar against the U.S. currency, ' +
    'the central bank governor told reporters in Taipei on Tuesday. The makers said the strong dollar had cut their ' +
    'export orders by a fifth since January, and that many small mills would close before the end of the year unless ' +
    'the bank stepped in to hold the rate steady for some months.';
  const REST =
    ' The governor said the bank would not intervene to protect any one industry, since the surplus with the United ' +
    'States remained the main cause of friction between the two trading partners. Officials in Washington have pressed ' +
    'Taipei for months to let the currency rise faster, and a trade delegation is due in the capital next week. ' +
    'Economists expect the local dollar to keep climbing slowly through the summer as exporters convert their earnings.';
  const doc = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n${body}\n`;

  it('are one report when the take is inside the story, published within days; a story begun alike weeks later is not', () => {
    expect(similarity(signature(TAKE)!, signature(TAKE + REST)!)).toBeLessThan(THRESHOLD);
    const dir = tempDir('corpus-takes-');
    write(path.join(dir, 'news', 'a-take.md'), doc('TAIWAN REJECTS TEXTILE PLEA', '1987-03-03', TAKE));
    write(path.join(dir, 'news', 'b-story.md'), doc('TAIWAN REJECTS TEXTILE MAKERS PLEA', '1987-03-03', TAKE + REST));
    // A month later, another story that begins with the same take: the take is inside it, but another
    // day's report does not continue it.
    write(
      path.join(dir, 'news', 'c-later.md'),
      doc(
        'TAIWAN TEXTILE PLEA REVIEWED',
        '1987-04-07',
        `${TAKE} A month on, the bank said exports of yarn and cloth fell by a third in March, the worst drop in ` +
          'a decade, and the cabinet asked the economics ministry to study cheap loans for mills that modernise. ' +
          'Spinners welcomed the study but said loans would come too late for the hundred or so small firms that shut ' +
          'their gates in the spring, and the opposition called for a debate on the exchange rate in the legislature.',
      ),
    );
    // The same beginning, then another story: not inside it.
    write(
      path.join(dir, 'news', 'd-other.md'),
      doc(
        'TAIWAN TEXTILE MAKERS PLAN PROTEST',
        '1987-03-04',
        `${TAKE.slice(0, TAKE.indexOf(' The makers'))} Textile makers in the south of the island said they would march on ` +
          'the legislature next month, and union leaders asked the labour ministry to fund retraining for mill workers ' +
          'who lose their jobs, while three large spinners announced plans to move their plants to Thailand and Malaysia.',
      ),
    );
    const file = path.join(dir, 'takes.db');
    expect(corpus(['ingest', path.join(dir, 'news'), '--db', file, '--quiet']).code).toBe(0);
    const store = openDatabase(file, { readonly: true });
    try {
      const id = new Map([...documentIdsByPath(store)].map(([p, docId]) => [path.basename(p), docId]));
      expect(clusterOf(store, id.get('a-take.md')!)).toEqual([id.get('a-take.md')!, id.get('b-story.md')!]);
      expect(clusterOf(store, id.get('c-later.md')!)).toEqual([id.get('c-later.md')!]);
      expect(clusterOf(store, id.get('d-other.md')!)).toEqual([id.get('d-other.md')!]);
    } finally {
      store.close();
    }
  });

  it('a database clustered by earlier rules is clustered again from scratch at its next ingest', () => {
    const dir = tempDir('corpus-takes-');
    write(path.join(dir, 'news', 'a-take.md'), doc('TAIWAN REJECTS TEXTILE PLEA', '1987-03-03', TAKE));
    write(path.join(dir, 'news', 'b-story.md'), doc('TAIWAN REJECTS TEXTILE MAKERS PLEA', '1987-03-03', TAKE + REST));
    const file = path.join(dir, 'takes.db');
    expect(corpus(['ingest', path.join(dir, 'news'), '--db', file, '--quiet']).code).toBe(0);
    const store = openDatabase(file);
    try {
      expect(updateNearDuplicates(store).signed).toBe(0);
      // What an older version left: its rules' number.
      setNearDuplicatesVersion(store, NEAR_DUPLICATES_VERSION - 1);
      expect(updateNearDuplicates(store)).toEqual({ signed: 2, clustered: 1 });
      expect(updateNearDuplicates(store).signed).toBe(0);
      const ids = [...documentIdsByPath(store)].map(([, docId]) => docId).sort((a, b) => a - b);
      expect(clusterOf(store, ids[0])).toEqual(ids);
    } finally {
      store.close();
    }
  });
});

describe('near-duplicates in a ranked page', () => {
  it('fills the page with other stories when the wire copies of one story outnumber the candidates', () => {
    const dir = tempDir('corpus-copies-');
    // Sixty copies of one story (two words differ; a figure would make them a template sent again)
    // rank above six other stories about the crown.
    const days = [
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
      'midday',
      'evening',
      'noon',
    ];
    const selling = ['heavy', 'strong', 'steady', 'sharp', 'persistent', 'intense'];
    for (let i = 0; i < 60; i++)
      write(
        path.join(dir, 'news', `copy-${String(i).padStart(2, '0')}.txt`),
        `NORWAY DEFENDS CROWN\n\n${STORY.replace('Thursday', days[i % 10]).replace('heavy', selling[Math.floor(i / 10)])}\n`,
      );
    const others = [
      'Sweden left the value of its crown unchanged against a basket of currencies, the Riksbank said in Stockholm on Monday.',
      'Crown Zellerbach shares rose sharply in New York trading after a paper group disclosed a larger stake in the company.',
      'The crown prince of Japan opened a trade fair in Osaka, where exporters showed cars, cameras and machine tools to buyers.',
      'Danish exporters complained that a strong crown was hurting sales of bacon and butter to Britain and West Germany.',
      'Crown Cork and Seal reported higher quarterly earnings, helped by demand for beverage cans in Europe and Asia.',
      'Dentists in Ohio said the price of a porcelain crown had doubled in five years as gold and laboratory costs rose.',
    ];
    others.forEach((text, i) => write(path.join(dir, 'news', `other-${i}.txt`), `REPORT ${i}\n\n${text}\n`));
    const file = path.join(dir, 'copies.db');
    expect(corpus(['ingest', path.join(dir, 'news'), '--db', file, '--quiet']).code).toBe(0);
    const json = JSON.parse(corpus(['search', 'crown', '--limit', '5', '--json', '--db', file]).stdout);
    expect(json.total).toBe(66);
    expect(json.hits).toHaveLength(5);
    expect(json.hits[0].title).toBe('NORWAY DEFENDS CROWN');
    expect(json.hits[0].similar).toBeGreaterThanOrEqual(49);
    expect(json.hits.slice(1).every((h: { title: string }) => h.title.startsWith('REPORT'))).toBe(true);
    // When copies fill even the widened first stage (fifty candidates here, all copies), it is read
    // again deeper until the page holds other stories.
    const store = openDatabase(file, { readonly: true });
    try {
      const narrow = search(store, 'crown', { limit: 5, ranking: { stageOneWiden: 1 } });
      expect(narrow.hits.map((h) => h.title)).toEqual(json.hits.map((h: { title: string }) => h.title));
      expect(narrow.hits[0].similar).toBeGreaterThanOrEqual(49);
    } finally {
      store.close();
    }
  });
});

describe('corpus duplicates on a large archive', () => {
  const THIRD =
    'The mayor of Lyon opened a new tram line on Monday that links the old town with the university campus in the east, ' +
    'and city officials said ridership in the first week would show whether a second line planned for next year is needed.';

  it('lists the largest clusters first, --limit of them, and says how many more there are', () => {
    const dir = tempDir('corpus-dups-limit-');
    // Three stories re-sent: three copies of the first, two of each other.
    const copies: [string, string][] = [
      ['norway', STORY],
      ['norway', STORY.replace('heavy', 'strong')],
      ['norway', STORY.replace('Oslo, who', 'Oslo who')],
      ['wheat', OTHER],
      ['wheat', OTHER.replace('near normal', 'near average')],
      ['lyon', THIRD],
      ['lyon', THIRD.replace('is needed', 'is wanted')],
    ];
    // Headlines without figures: copies whose figures differ are a template sent again, not one story.
    copies.forEach(([name, text], i) =>
      write(path.join(dir, 'news', `${name}-${i}.txt`), `${name.toUpperCase()} NEWS ${'ABCDEFG'[i]}\n\n${text}\n`),
    );
    const file = path.join(dir, 'news.db');
    expect(corpus(['ingest', path.join(dir, 'news'), '--db', file, '--quiet']).code).toBe(0);

    const all = corpus(['duplicates', '--db', file]);
    expect(all.stdout).toMatch(/^3 clusters of near-duplicates \(7 documents\):\n/);
    expect(all.stdout).not.toContain('more clusters');

    const one = corpus(['duplicates', '--limit', '1', '--db', file]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^3 clusters of near-duplicates \(7 documents\); the largest:\n/);
    expect(one.stdout).toContain('· 3 documents');
    expect(one.stdout).not.toMatch(/WHEAT|LYON/);
    expect(one.stdout).toMatch(/\n… 2 more clusters \(--limit 0 lists all\)\n$/);

    const json = JSON.parse(corpus(['duplicates', '--limit', '2', '--json', '--db', file]).stdout);
    expect(json).toMatchObject({ totalClusters: 3, totalDocuments: 7 });
    expect(json.clusters.map((c: { documents: number }) => c.documents)).toEqual([3, 2]);
    const csv = corpus(['duplicates', '--limit', '0', '--csv', '--db', file]).stdout.trim().split('\n');
    expect(csv).toHaveLength(1 + 7);
    // Lines are written a slice of clusters at a time: the members --json lists, in its order.
    const every = JSON.parse(corpus(['duplicates', '--limit', '0', '--json', '--db', file]).stdout);
    const lines = corpus(['duplicates', '--limit', '2', '--nl', '--db', file]).stdout.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(
      every.clusters
        .slice(0, 2)
        .flatMap((c: { id: number; documentList: object[] }) => c.documentList.map((d) => ({ cluster: c.id, ...d }))),
    );
  });

  it('prints clusters holding hundreds of thousands of documents (a million articles: 910,402)', () => {
    const documents = Array.from({ length: 300_000 }, (_, i) => ({
      id: i + 1,
      date: '1987-03-02',
      title: `COPY ${i}`,
      source: null,
      path: null,
    }));
    const text = renderDuplicatesText(
      [{ id: 1, size: documents.length, documents }],
      { clusters: 1, documents: documents.length },
      '/',
      0,
    );
    expect(text.startsWith('1 cluster of near-duplicates (300,000 documents):\n')).toBe(true);
    expect(text.endsWith('  300000  1987-03-02  COPY 299999\n')).toBe(true);
  });
});

describe('signatures kept up to date', () => {
  it('skips the pass when no document was written since one signed them all, and never hides an unsigned one', () => {
    const dir = tempDir('corpus-dups-built-');
    write(path.join(dir, 'news', 'a.txt'), `NORWAY RAISES RATE\n\n${STORY}\n`);
    write(path.join(dir, 'news', 'b.txt'), `PRAIRIE WHEAT AREA UP\n\n${OTHER}\n`);
    const file = path.join(dir, 'news.db');
    expect(corpus(['ingest', path.join(dir, 'news'), '--db', file, '--quiet']).code).toBe(0);
    const db: Store = openDatabase(file);
    try {
      expect(unsignedCount(db)).toBe(0);
      expect(updateNearDuplicates(db)).toEqual({ signed: 0, clustered: 0 });
      // Signatures gone (an older corpus, or rules changed): every document waits again.
      inWriteTransaction(db, () => clearNearDuplicates(db));
      expect(unsignedCount(db)).toBe(2);
      expect(updateNearDuplicates(db).signed).toBe(2);
      expect(unsignedCount(db)).toBe(0);
    } finally {
      db.close();
    }
    // A document written afterwards is signed by the next ingest, and clusters with its copy.
    write(path.join(dir, 'news', 'c.txt'), `NORWAY RAISES LENDING RATE\n\n${STORY.replace('heavy', 'strong')}\n`);
    expect(corpus(['ingest', path.join(dir, 'news'), '--db', file, '--quiet']).code).toBe(0);
    const json = JSON.parse(corpus(['duplicates', '--json', '--db', file]).stdout);
    expect(json).toMatchObject({ totalClusters: 1, totalDocuments: 2, unsignedDocuments: 0 });
  });
});
