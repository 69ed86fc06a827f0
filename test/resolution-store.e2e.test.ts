import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentEvidence, EVIDENCE_VERSION } from '../src/entities/evidence.js';
import { type DocEvidence, evidenceFrom, resolveNames } from '../src/entities/resolve.js';
import { openDatabase } from '../src/store/db.js';
import { documentsToScan, forgetEvidence, loadNames, storedEvidence } from '../src/store/resolution.js';
import { corpus, explodeReuters, ingestTexts, tempDir } from './helpers.js';

describe('evidence read from the store by short form', () => {
  // Resolution reads the stored evidence name by name (store/resolution.ts) instead of holding every
  // document's rows: it must see what the rows held in memory, in the same order, give.
  it('gives what the same rows held in memory give, and the same resolution', () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    const r = corpus(['ingest', explodeReuters(300), '--db', db, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const store = openDatabase(db);
    try {
      // Every document's evidence again, as the ingest's resolution read it (by document, in order).
      forgetEvidence(store);
      const rows: DocEvidence[] = [];
      for (const doc of documentsToScan(store, EVIDENCE_VERSION))
        for (const e of documentEvidence(doc.body, doc.mentions)) rows.push({ ...e, doc: doc.id });
      const memory = evidenceFrom(rows);
      const stored = storedEvidence(store);
      expect(rows.length).toBeGreaterThan(100);

      const shorts = [...new Set(rows.map((e) => e.short))].sort();
      for (const short of shorts) expect([...stored.ofShort(short)], short).toEqual([...memory.ofShort(short)]);
      expect([...stored.ofShort('no such name')]).toEqual([]);
      const order = (x: { type: string; long: string; short: string }) => `${x.type} ${x.long} ${x.short}`;
      const retold = stored.retold().sort((a, b) => (order(a) < order(b) ? -1 : 1));
      expect(retold.length).toBeGreaterThan(0);
      expect(retold).toEqual(memory.retold().sort((a, b) => (order(a) < order(b) ? -1 : 1)));
      for (const p of retold)
        expect(stored.retoldDocs(p.type, p.long, p.short, 5)).toEqual(memory.retoldDocs(p.type, p.long, p.short, 5));

      const names = loadNames(store);
      const fromStore = resolveNames(names, stored);
      expect(fromStore.links.length).toBeGreaterThan(0);
      expect(fromStore).toEqual(resolveNames(names, rows));
    } finally {
      store.close();
    }
  });
});

describe('the names a resolution reads', () => {
  // A place's acronym (`HK`) is told by how its mentions are written. A first pass read the name the
  // entity was first stored under (`Hk`, from the first document) and joined nothing; the next
  // ingest's pass read the form the first had settled on (`HK`) and joined it to Hong Kong.
  it('name a one-word place by its written form, so one ingest joins what a second would', () => {
    const { docs, db, ingest } = ingestTexts({
      'a.txt':
        'Title: Banks in Hong Kong\nDate: 1987-03-01\n\nBanks in Hong Kong cut rates on Monday. In Hk the prime rate fell to 6 pct, a Hong Kong banker said.\n',
      'b.txt':
        'Title: HK BANKS CUT RATES\nDate: 1987-03-02\n\nHK banks cut their prime rates. HK dealers said the cut was expected in Hong Kong.\n',
      'c.txt':
        'Title: HK GOLD FALLS\nDate: 1987-03-03\n\nGold fell in HK on Tuesday. HK traders said Hong Kong demand was weak.\n',
    });
    expect(ingest.code, ingest.stderr).toBe(0);
    const once = corpus(['entity', 'HK', '--json', '--db', db]);
    expect(JSON.parse(once.stdout).name, once.stderr).toBe('Hong Kong');
    // A second pass over the same corpus changes nothing.
    const why = corpus(['entity', 'Hong Kong', '--why', '--db', db]).stdout;
    expect(corpus(['ingest', docs, '--db', db, '-q']).code).toBe(0);
    expect(corpus(['entity', 'Hong Kong', '--why', '--db', db]).stdout).toBe(why);
  });
});

describe('the name an entity is shown by', () => {
  // CoNLL's texts open with a dateline in capitals (`NEW YORK 1996-08-22`): the capitals were the
  // most frequent form, and the city was shown as `NEW YORK` with `New York` among its aliases.
  it('is not a dateline in capitals when the text writes the name otherwise', () => {
    const texts: Record<string, string> = {};
    for (const day of [21, 22, 23])
      texts[`stocks-${day}.txt`] =
        `Title: Stocks ${day}\nDate: 1996-08-${day}\n\nNEW YORK 1996-08-${day}\n\nShares rose on Wall Street, traders in New York said.\n`;
    const { db, ingest } = ingestTexts(texts);
    expect(ingest.code, ingest.stderr).toBe(0);
    const place = JSON.parse(corpus(['entity', 'New York', '--json', '--db', db]).stdout);
    expect(place.name).toBe('New York');
    expect(place.aliases).toContain('NEW YORK');
  });

  // A city was named by the first form an ingest met and kept it: a database that first met
  // `Dar-es-Salaam` showed it so after every later ingest, a fresh one `Dar es Salaam`.
  it("follows a city's most written form, whatever order its documents came in", () => {
    const story = (day: number, form: string) =>
      `Title: Bombing ${day}\nDate: 1998-08-${day}\n\nA bomb exploded at the embassy in ${form}, Tanzania, on Friday.\n`;
    const { docs, db, ingest } = ingestTexts({ 'a.txt': story(8, 'Dar-es-Salaam') });
    expect(ingest.code, ingest.stderr).toBe(0);
    for (const [file, day] of [
      ['b.txt', 9],
      ['c.txt', 10],
    ] as const)
      writeFileSync(path.join(docs, file), story(day, 'Dar es Salaam'));
    expect(corpus(['ingest', docs, '--db', db, '-q']).code).toBe(0);
    const city = JSON.parse(corpus(['entity', 'Dar es Salaam', '--json', '--db', db]).stdout);
    expect(city.name).toBe('Dar es Salaam');
    expect(city.aliases).toContain('Dar-es-Salaam');
  });
});

describe('a company named for a place', () => {
  // The corpus reads `New York` as the city, and the organisation the tagger once made of it joins
  // the city; `New York Inc` (a company's name cut at `of`) joined the organisation as its legal
  // variant, and with it the city: the city's aliases showed `New York Inc`.
  it('stays an organisation when the bare name is a place', () => {
    const texts: Record<string, string> = {
      'a.txt': 'Title: Suit\nDate: 1987-03-01\n\nNew York said it would sue the company.\n',
      'b.txt': 'Title: Suit\nDate: 1987-03-02\n\nNew York Inc said it would sue.\n',
    };
    for (let day = 3; day <= 10; day++)
      texts[`c${day}.txt`] =
        `Title: Rates ${day}\nDate: 1987-03-${String(day).padStart(2, '0')}\n\nA spokesman in New York said rates would rise.\n`;
    const { db, ingest } = ingestTexts(texts);
    expect(ingest.code, ingest.stderr).toBe(0);
    const company = JSON.parse(corpus(['entity', 'New York Inc', '--json', '--db', db]).stdout);
    expect(company).toMatchObject({ name: 'New York Inc', type: 'ORG' });
    const city = JSON.parse(corpus(['entity', 'New York', '--json', '--db', db]).stdout);
    expect(city.type).toBe('PLACE');
    expect(city.aliases ?? []).not.toContain('New York Inc');
  });
});
