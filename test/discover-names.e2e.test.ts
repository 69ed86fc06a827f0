import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';
import { allPaths } from '../src/store/inspect.js';
import { corpus, tempDir, write } from './helpers.js';

function storedPaths(db: string): string[] {
  const store = openDatabase(db, { readonly: true });
  try {
    return allPaths(store);
  } finally {
    store.close();
  }
}

describe('files that used to be passed over in silence', () => {
  it('reads links to files, names with \\ and glob characters, and names that are not UTF-8; says what it skips', () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    write(path.join(dir, 'elsewhere', 'target.txt'), 'A story about wheat in Kansas.\n');
    fs.mkdirSync(docs);
    fs.symlinkSync(path.join(dir, 'elsewhere', 'target.txt'), path.join(docs, 'link.txt'));
    write(path.join(docs, 'name-with-back\\slash.txt'), 'A story about corn in Iowa.\n');
    write(path.join(docs, 'star[1].txt'), 'A story about oil in Texas.\n');
    // "café.txt" in Latin-1: the é is the single byte 0xE9, not valid UTF-8.
    const latin1 = Buffer.concat([Buffer.from(`${docs}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]);
    fs.writeFileSync(latin1, 'A story about gold in Nevada.\n');
    fs.symlinkSync(path.join(docs, 'nowhere.txt'), path.join(docs, 'broken.txt'));
    fs.symlinkSync(docs, path.join(docs, 'loop'));
    write(path.join(docs, 'picture.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    // A TREC collection's file, named without an extension: known by its content.
    write(
      path.join(docs, 'la010189'),
      '<DOC>\n<DOCNO> LA010189-0001 </DOCNO>\n<TEXT>\nA story about rice in Japan.\n</TEXT>\n</DOC>\n',
    );
    // AQUAINT's and TDT's: a story file named with a number after its last dot; numbered files that
    // are no news collection (rotated logs) are passed over, counted as one kind.
    write(
      path.join(docs, 'APW19980601.0003'),
      '<DOC>\n<DOCNO> APW19980601.0003 </DOCNO>\n<TEXT>\nA story about barley in Canada.\n</TEXT>\n</DOC>\n',
    );
    write(path.join(docs, 'notes.1'), 'A log line.\n');
    write(path.join(docs, 'notes.2'), 'Another log line.\n');
    // Gigaword's: gzipped SGML named `.gz` alone; and a `.gz` of something else, passed over.
    write(
      path.join(docs, 'afp_eng_199405.gz'),
      zlib.gzipSync(
        '<DOC id="AFP_ENG_19940512.0001" type="story">\n<HEADLINE>Tea</HEADLINE>\n<TEXT>\n<P>A story about tea in India.</P>\n</TEXT>\n</DOC>\n',
      ),
    );
    write(path.join(docs, 'backup.gz'), zlib.gzipSync('not news'));
    const db = path.join(dir, 'c.db');

    const r = corpus(['ingest', docs, '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 7, new: 7, failed: 0 });
    expect(storedPaths(db).map((p) => path.basename(p))).toEqual([
      'APW19980601.0003#APW19980601.0003',
      'afp_eng_199405.gz#AFP_ENG_19940512.0001',
      'caf\\xe9.txt',
      'la010189#LA010189-0001',
      'link.txt',
      'name-with-back\\slash.txt',
      'star[1].txt',
    ]);
    expect(r.stderr).toMatch(/broken\.txt: symbolic link not followed \(broken link\)/);
    expect(r.stderr).toMatch(/skipped 4 files of other types \(numbered ×2, \.(gz|png) ×1, \.(gz|png) ×1\)/);
    // Named alone, the TREC file is the same file (its record unchanged).
    const named = corpus(['ingest', path.join(docs, 'la010189'), '--db', db, '--json']);
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout)).toMatchObject({ documents: 1, unchanged: 1 });
    for (const word of ['wheat', 'corn', 'oil', 'gold', 'rice', 'tea', 'barley']) {
      const hits = corpus(['search', word, '--db', db, '--json']);
      expect(hits.code, `${word}: ${hits.stderr}`).toBe(0);
    }

    // Named one by one, existing names are taken literally, not as globs or escapes.
    const literal = corpus([
      'ingest',
      path.join(docs, 'star[1].txt'),
      path.join(docs, 'name-with-back\\slash.txt'),
      '--db',
      path.join(dir, 'd.db'),
      '--json',
    ]);
    expect(literal.code, literal.stderr).toBe(0);
    expect(JSON.parse(literal.stdout)).toMatchObject({ files: 2, new: 2 });

    // Run again with --prune: the non-UTF-8 name is found on disk again and kept, and so is the TREC
    // file's record, whose address is known to lie inside it.
    const again = corpus(['ingest', docs, '--db', db, '--prune', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: 7, pruned: 0 });
    fs.rmSync(path.join(docs, 'la010189'));
    const gone = corpus(['ingest', docs, '--db', db, '--prune', '--json']);
    expect(JSON.parse(gone.stdout)).toMatchObject({ unchanged: 6, pruned: 1 });
  });
});
