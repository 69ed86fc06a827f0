import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';
import { acronymDisagreements, acronymsUnread } from '../src/store/acronyms.js';
import { integrityProblems, revertToSchema20 } from '../src/store/inspect.js';
import { corpus, tempDir, write } from './helpers.js';

// The acronyms a document writes (doc_acronyms) follow its indexed text through every change, and a
// database made before them searches as it did until its next ingest reads them.

describe('acronyms beside the full-text index', () => {
  it('follow changed and removed documents, and a database made before them is filled by its next ingest', () => {
    const dir = tempDir('corpus-acronyms-cli-');
    const folder = path.join(dir, 'news');
    const db = path.join(dir, 'c.db');
    write(path.join(folder, 'a.txt'), 'AIDS VACCINE\n\nAn AIDS vaccine went to trial, the WHO said.\n');
    write(path.join(folder, 'b.txt'), 'Food aid to the region rose, officials said.\n');
    write(path.join(folder, 'c.txt'), 'Farm aid was cut, AIDS funds too.\n');
    write(path.join(folder, 'd.txt'), 'Aid for the harvest came late.\n');
    write(path.join(folder, 'e.txt'), 'Aid workers were sent north.\n');
    write(path.join(folder, 'f.txt'), 'The loans aided exporters.\n');
    expect(corpus(['ingest', folder, '--db', db, '-q']).code).toBe(0);
    const found = (q: string): { total: number; notices: string[] } =>
      JSON.parse(corpus(['search', q, '--db', db, '--json']).stdout);
    expect(found('AIDS').total).toBe(2);
    // c.txt no longer writes AIDS; a.txt is gone.
    write(path.join(folder, 'c.txt'), 'Farm aid was cut, officials said.\n');
    fs.rmSync(path.join(folder, 'a.txt'));
    expect(corpus(['ingest', folder, '--db', db, '-q', '--prune']).code).toBe(0);
    let store = openDatabase(db);
    expect(integrityProblems(store)).toEqual([]);
    store.close();
    const none = corpus(['search', 'AIDS', '--db', db]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('"AIDS" matched where written in capitals; type "aids" to match every form');
    expect(none.stderr).toContain('no documents match "AIDS"');
    expect(found('aids').total).toBe(5);

    // Made before the table: upgraded on open, its searches match every form until an ingest reads them.
    write(path.join(folder, 'g.txt'), 'Money for AIDS research grew.\n');
    expect(corpus(['ingest', folder, '--db', db, '-q']).code).toBe(0);
    store = openDatabase(db);
    revertToSchema20(store);
    store.close();
    store = openDatabase(db);
    expect(acronymsUnread(store)).toBe(true);
    store.close();
    expect(found('AIDS').total).toBe(6);
    expect(corpus(['ingest', folder, '--db', db, '-q']).code).toBe(0);
    store = openDatabase(db);
    expect(acronymsUnread(store)).toBe(false);
    expect(acronymDisagreements(store)).toEqual([]);
    expect(integrityProblems(store)).toEqual([]);
    store.close();
    expect(found('AIDS')).toMatchObject({ total: 1 });
  });
});
