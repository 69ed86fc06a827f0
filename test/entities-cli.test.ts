import path from 'node:path';
import { openDatabase } from '../src/store/db.js';
import { setAnalyzerVersion } from '../src/store/inspect.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, SEEDS, tempDir, write } from './helpers.js';

interface Listed {
  name: string;
  type: string;
  mentions: number;
  documents: number;
  aliases: string[];
}

describe('entities across the seeds', () => {
  let db: string;
  const list = (...args: string[]): Listed[] => JSON.parse(corpus(['entities', '--db', db, '--json', '--limit', '500', ...args]).stdout);

  beforeAll(() => {
    db = path.join(tempDir(), 'corpus.db');
    expect(corpus(['ingest', SEEDS, '--db', db]).code).toBe(0);
  });

  it('shows one North Korea, with DPRK among its aliases, and one Kim Jong Un', () => {
    const all = list();
    const northKorea = all.filter((e) => e.name === 'North Korea');
    expect(northKorea).toHaveLength(1);
    expect(northKorea[0].type).toBe('COUNTRY');
    expect(northKorea[0].aliases).toEqual(expect.arrayContaining(['DPRK']));
    expect(northKorea[0].documents).toBe(3);
    const kims = all.filter((e) => e.type === 'PERSON' && /kim/i.test(e.name));
    expect(kims.map((e) => e.name)).toEqual(['Kim Jong Un']);
    expect(kims[0].aliases).toEqual(expect.arrayContaining(['Kim Jong-un', 'Kim']));
    expect(kims[0].documents).toBe(2);
  });

  it('filters by type and limits the list, and prints an aligned table on a terminal', () => {
    const people = list('--type', 'person');
    expect(people.length).toBeGreaterThan(3);
    expect(people.every((e) => e.type === 'PERSON')).toBe(true);
    expect(list('--limit', '2')).toHaveLength(2);
    const text = corpus(['entities', '--db', db, '--type', 'COUNTRY']).stdout;
    expect(text.split('\n')[0]).toMatch(/^entity\s+type\s+mentions\s+docs\s+aliases$/);
    expect(corpus(['entities', '--db', db, '--type', 'ANIMAL']).code).toBe(2);
  });

  it('finds one entity by any alias, with its documents and the entities mentioned beside it', () => {
    const byAlias = JSON.parse(corpus(['entity', 'DPRK', '--db', db, '--json']).stdout);
    const byName = JSON.parse(corpus(['entity', 'north korea', '--db', db, '--json']).stdout);
    expect(byAlias.name).toBe('North Korea');
    expect(byAlias.id).toBe(byName.id);
    expect(byAlias.documentList).toHaveLength(3);
    expect(byAlias.related.length).toBeGreaterThan(0);
    const hyphen = JSON.parse(corpus(['entity', 'Kim', 'Jong-un', '--db', db, '--json']).stdout);
    expect(hyphen.name).toBe('Kim Jong Un');
    const missing = corpus(['entity', 'Nobody Atall', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no entity called 'Nobody Atall'/);
  });

  it('keeps a merge through a re-ingest, and unmerge restores the entity', () => {
    const dir = tempDir();
    const own = path.join(dir, 'corpus.db');
    corpus(['ingest', SEEDS, '--db', own]);
    const merged = corpus(['entity', 'merge', 'Shinzo Abe', 'Donald Trump', '--db', own, '--json']);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual({ from: 'Shinzo Abe', into: 'Donald Trump' });
    const names = () => (JSON.parse(corpus(['entities', '--db', own, '--json', '--limit', '500']).stdout) as Listed[]).map((e) => e.name);
    expect(names()).not.toContain('Shinzo Abe');
    // Re-analysis rewrites every mention: the override must still apply.
    const raw = corpus(['ingest', SEEDS, '--db', own, '--json']);
    expect(raw.code).toBe(0);
    const handle = openDatabase(own);
    setAnalyzerVersion(handle, 'old');
    handle.close();
    expect(JSON.parse(corpus(['ingest', SEEDS, '--db', own, '--json']).stdout).reanalyzed).toBe(3);
    expect(names()).not.toContain('Shinzo Abe');
    const abe = JSON.parse(corpus(['entity', 'Abe', '--db', own, '--json']).stdout);
    expect(abe.name).toBe('Donald Trump');

    expect(corpus(['entity', 'unmerge', 'Shinzo Abe', '--db', own]).code).toBe(0);
    expect(names()).toContain('Shinzo Abe');
    expect(JSON.parse(corpus(['entity', 'Abe', '--db', own, '--json']).stdout).name).toBe('Shinzo Abe');
    expect(corpus(['entity', 'unmerge', 'Shinzo Abe', '--db', own]).code).toBe(1);
    expect(corpus(['entity', 'merge', 'Shinzo Abe', '--db', own]).code).toBe(2);
  });

  it('suspects names one letter apart and a surname beside the full name', () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    write(path.join(docs, 'a.txt'), 'Libyan leader Muammar Gaddafi met President Hosni Mubarak in Cairo on Monday.\n');
    write(path.join(docs, 'b.txt'), 'Libyan leader Muammar Gadafi said on Tuesday that talks in Tripoli would go on.\n');
    write(path.join(docs, 'c.txt'), 'Mubarak told reporters in Cairo that the talks had gone well.\n');
    const own = path.join(dir, 'corpus.db');
    expect(corpus(['ingest', docs, '--db', own]).code).toBe(0);
    const suspects = JSON.parse(corpus(['entities', '--suspects', '--db', own, '--json']).stdout) as { a: string; b: string; reason: string }[];
    const pair = (x: string, y: string) => suspects.find((s) => (s.a === x && s.b === y) || (s.a === y && s.b === x));
    expect(pair('Muammar Gaddafi', 'Muammar Gadafi')?.reason).toBe('names one letter apart');
    expect(pair('Hosni Mubarak', 'Mubarak')?.reason).toBe('one is the surname of the other');
    expect(corpus(['entities', '--suspects', '--db', own]).stdout).toMatch(/^entity\s+maybe the same as\s+type\s+why$/m);
  });

  it('says plainly when nothing looks duplicated', () => {
    // (It used to loop over the seeds' suspects, an empty list, and so asserted nothing.)
    const dir = tempDir();
    write(path.join(dir, 'docs', 'a.txt'), 'Angela Merkel met Emmanuel Macron in Paris on Monday.\n');
    const own = path.join(dir, 'corpus.db');
    expect(corpus(['ingest', path.join(dir, 'docs'), '--db', own]).code).toBe(0);
    const r = corpus(['entities', '--suspects', '--db', own, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(corpus(['entities', '--suspects', '--db', own]).stdout).toBe('no likely duplicates\n');
  });
});
