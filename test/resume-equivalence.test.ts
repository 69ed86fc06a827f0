import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { corpus, explodeReuters, SEEDS, tempDir, write } from './helpers.js';

/**
 * Each table's content as one hash, with row ids replaced by what they stand for (a document by
 * its hash, an entity by type and key, an event by key), so two databases that hold the same
 * data compare equal however their rows were numbered.
 */
const TABLES: Record<string, string> = {
  documents: `SELECT sha256, title, date, date_source, source, dateline, section, tags, format, body, chars, tokens,
      hex(sentences), analyzer_version FROM documents`,
  paths: 'SELECT p.path, d.sha256 FROM paths p JOIN documents d ON d.id = p.doc_id',
  entities: 'SELECT type, key, name, lat, lon FROM entities',
  aliases: 'SELECT a.key, e.type, e.key, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id',
  mentions: `SELECT d.sha256, m.type, m.start, m.end, m.text, m.sentence, e.type, e.key, m.orig_key, m.value
      FROM mentions m JOIN documents d ON d.id = m.doc_id LEFT JOIN entities e ON e.id = m.entity_id`,
  events: 'SELECT v.key, v.name, v.date, v.date_start, v.date_end, e.type, e.key FROM events v LEFT JOIN entities e ON e.id = v.place_id',
  event_mentions: `SELECT v.key, d.sha256, m.start, m.end, m.sentence FROM event_mentions m
      JOIN events v ON v.id = m.event_id JOIN documents d ON d.id = m.doc_id`,
  event_participants: `SELECT v.key, d.sha256, e.type, e.key FROM event_participants p
      JOIN events v ON v.id = p.event_id JOIN documents d ON d.id = p.doc_id JOIN entities e ON e.id = p.entity_id`,
};

function contentHashes(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, string> = {};
    for (const [table, sql] of Object.entries(TABLES)) {
      const rows = (db.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
      out[table] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
    }
    return out;
  } finally {
    db.close();
  }
}

function ingest(db: string, inputs: string[], extra: string[] = []): void {
  const r = corpus(['ingest', ...inputs, '--db', db, '-q', ...extra]);
  expect(r.code, r.stderr).toBe(0);
}

describe('a resumed or changed ingest stores what one fresh ingest stores', () => {
  it('A, then A+B, equals A+B at once; pruning B again equals A alone', () => {
    const docs = explodeReuters(160);
    const dir = tempDir();
    // Files alternate between A and B, so the two orders interleave differently.
    const files = fs.readdirSync(docs, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name)).sort();
    const A = path.join(dir, 'A');
    const B = path.join(dir, 'B');
    files.forEach((f, i) => write(path.join(i % 2 ? B : A, `${String(i).padStart(4, '0')}.txt`), fs.readFileSync(f)));
    for (const f of fs.readdirSync(SEEDS)) if (f.endsWith('.txt')) write(path.join(B, f), fs.readFileSync(path.join(SEEDS, f)));

    const resumed = path.join(dir, 'resumed.db');
    ingest(resumed, [A]);
    ingest(resumed, [A, B]);
    const fresh = path.join(dir, 'fresh.db');
    ingest(fresh, [A, B]);
    expect(contentHashes(resumed)).toEqual(contentHashes(fresh));

    const onlyA = path.join(dir, 'only-a.db');
    ingest(onlyA, [A]);
    fs.renameSync(B, `${B}-gone`);
    ingest(fresh, [A], ['--prune']);
    expect(contentHashes(fresh)).toEqual(contentHashes(onlyA));
  }, 600_000); // seven ingests: slow when the machine is busy

  it('a changed document leaves no alias that no mention carries any more', () => {
    const dir = tempDir();
    const file = write(path.join(dir, 'docs', 'a.txt'), 'Talks in Geneva.\n\nPresident Ronald Reagan met Mikhail Gorbachev in Geneva on Tuesday.\n');
    write(path.join(dir, 'docs', 'b.txt'), 'Mr Gorbachev returned to Moscow on Friday.\n');
    const db = path.join(dir, 'c.db');
    ingest(db, [path.join(dir, 'docs')]);
    fs.writeFileSync(file, 'Talks in Geneva.\n\nPresident Reagan met Gorbachev in Geneva on Tuesday.\n');
    ingest(db, [path.join(dir, 'docs')]);
    const fresh = path.join(dir, 'fresh.db');
    ingest(fresh, [path.join(dir, 'docs')]);
    expect(contentHashes(db)).toEqual(contentHashes(fresh));
  });
});
