/**
 * Reads that check a database rather than serve a command: integrity, row counts, and a dump of
 * what an ingest stored. End-to-end tests use them to look at what the CLI wrote.
 */
import { sqlite, type Store } from './db.js';
import { statement } from './statements.js';
import { lengthDisagreements, storeLength } from './doc-lengths.js';
import { acronymDisagreements } from './acronyms.js';

/**
 * SQLite's integrity check, the FTS indexes' agreement with the documents table, and the stored
 * document lengths' and acronyms' with the full-text index's; [] when all pass.
 */
export function integrityProblems(store: Store): string[] {
  const db = sqlite(store);
  const problems: string[] = [];
  const result = db.pragma('integrity_check', { simple: true });
  if (result !== 'ok') problems.push(String(result));
  // Each raises if its external-content index disagrees with the documents table.
  for (const [table, what] of [
    ['documents_fts', 'full-text index'],
    ['titles_fts', 'title index'],
  ]) {
    try {
      statement(db, `INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run();
    } catch (error) {
      problems.push(`${what}: ${(error as Error).message}`);
    }
  }
  const lengths = lengthDisagreements(store);
  if (lengths.length > 0) problems.push(`document lengths: ${lengths.length} differ from the full-text index's`);
  const acronyms = acronymDisagreements(store);
  if (acronyms.length > 0) problems.push(`acronyms: ${acronyms.length} documents' differ from their indexed text's`);
  return problems;
}

export type CountedTable = 'documents' | 'paths' | 'entities' | 'mentions' | 'events';

export function rowCount(store: Store, table: CountedTable): number {
  const sql = {
    documents: 'SELECT count(*) FROM documents',
    paths: 'SELECT count(*) FROM paths',
    entities: 'SELECT count(*) FROM entities',
    mentions: 'SELECT count(*) FROM mentions',
    events: 'SELECT count(*) FROM events',
  }[table];
  return statement(sqlite(store), sql).pluck().get() as number;
}

export function maxDocumentId(store: Store): number {
  return (statement(sqlite(store), 'SELECT max(id) FROM documents').pluck().get() as number | null) ?? 0;
}

/** Documents the full-text index finds for an FTS5 expression. */
export function ftsMatchCount(store: Store, match: string): number {
  return statement(sqlite(store), 'SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?')
    .pluck()
    .get(match) as number;
}

/** Documents whose analysis was written by `version`. */
export function countAnalyzedBy(store: Store, version: string): number {
  return statement(sqlite(store), 'SELECT count(*) FROM documents WHERE analyzer_version = ?')
    .pluck()
    .get(version) as number;
}

/** Mark documents (all, or one) as analyzed by `version`: how a test makes an older analyzer's work. */
export function setAnalyzerVersion(store: Store, version: string, docId?: number): void {
  const db = sqlite(store);
  if (docId === undefined) statement(db, 'UPDATE documents SET analyzer_version = ?').run(version);
  else statement(db, 'UPDATE documents SET analyzer_version = ? WHERE id = ?').run(version, docId);
}

export interface StoredDocumentRow {
  id: number;
  sha256: string;
  title: string | null;
  date: string | null;
  dateSource: string | null;
  source: string | null;
  body: string;
  tokens: number;
}

/** Every document, in id order. */
export function allDocuments(store: Store): StoredDocumentRow[] {
  return statement(
    sqlite(store),
    'SELECT id, sha256, title, date, date_source AS dateSource, source, body, tokens FROM documents ORDER BY id',
  ).all() as StoredDocumentRow[];
}

/** What an analysis stored, in insertion order, without ids that differ between two ingests. */
export function analysisDump(store: Store): {
  documents: { sha256: string; tokens: number; date: string | null }[];
  mentions: { doc_id: number; type: string; start: number; end: number; name: string | null; value: string | null }[];
  events: { key: string; name: string; date: string | null }[];
} {
  const db = sqlite(store);
  return {
    documents: statement(db, 'SELECT sha256, tokens, date FROM documents ORDER BY id').all() as {
      sha256: string;
      tokens: number;
      date: string | null;
    }[],
    mentions: statement(
      db,
      'SELECT m.doc_id, m.type, m.start, m.end, e.name, m.value FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id ORDER BY m.id',
    ).all() as {
      doc_id: number;
      type: string;
      start: number;
      end: number;
      name: string | null;
      value: string | null;
    }[],
    events: statement(db, 'SELECT key, name, date FROM events ORDER BY id').all() as {
      key: string;
      name: string;
      date: string | null;
    }[],
  };
}

export interface StoredOrigin {
  path: string;
  format: string;
  url: string | null;
  externalId: string | null;
  author: string | null;
}

/** Every stored path with its document's format and origin (URL, the source's own id, byline), by path. */
export function storedOrigins(store: Store): StoredOrigin[] {
  return statement(
    sqlite(store),
    `SELECT p.path, d.format, d.url, d.external_id AS externalId, d.author
     FROM paths p JOIN documents d ON d.id = p.doc_id ORDER BY p.path`,
  ).all() as StoredOrigin[];
}

/**
 * Each table's rows, with row ids replaced by what they stand for (a document by its hash, an
 * entity by type and key, an event by key), so two databases that hold the same data compare equal
 * however their rows were numbered. Only content that is deterministic by design is compared:
 * example document ids, scores of the clustering and id lists inside text columns are left out.
 */
/**
 * A corpus event's key (`docId.sentence` of its first report, `.2`… when shared: core/event-keys.ts)
 * with the document's hash for its id, as ids follow the order of ingests. Reads `c` (corpus_events).
 */
const EVENT_KEY = `(SELECT d.sha256 FROM documents d WHERE d.id = CAST(c.key AS INTEGER)) || substr(c.key, instr(c.key, '.'))`;

const CONTENT: Record<string, string> = {
  documents: `SELECT sha256, title, date, date_source, source, dateline, section, tags, format, body, chars, tokens,
      hex(sentences), analyzer_version, url, author, external_id FROM documents`,
  paths: 'SELECT p.path, d.sha256 FROM paths p JOIN documents d ON d.id = p.doc_id',
  entities: 'SELECT type, key, name, lat, lon FROM entities',
  aliases: 'SELECT a.key, e.type, e.key, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id',
  mentions: `SELECT d.sha256, m.type, m.start, m.end, m.text, m.sentence, e.type, e.key, m.orig_key, m.value
      FROM mentions m JOIN documents d ON d.id = m.doc_id LEFT JOIN entities e ON e.id = m.entity_id`,
  events: `SELECT v.key, v.name, v.date, v.date_start, v.date_end, e.type, e.key
      FROM events v LEFT JOIN entities e ON e.id = v.place_id`,
  event_mentions: `SELECT v.key, d.sha256, m.start, m.end, m.sentence FROM event_mentions m
      JOIN events v ON v.id = m.event_id JOIN documents d ON d.id = m.doc_id`,
  event_participants: `SELECT v.key, d.sha256, e.type, e.key FROM event_participants p
      JOIN events v ON v.id = p.event_id JOIN documents d ON d.id = p.doc_id JOIN entities e ON e.id = p.entity_id`,
  entity_links: 'SELECT type, from_key, from_name, to_key, rule FROM entity_links',
  entity_doc_links: `SELECT l.type, l.from_key, d.sha256, l.to_key FROM entity_doc_links l
      JOIN documents d ON d.id = l.doc_id`,
  // Counts kept per entity, which an incremental resolution refreshes only where mentions changed.
  entity_stats: `SELECT e.type, e.key, s.mentions, s.documents, s.sentences FROM entity_stats s
      LEFT JOIN entities e ON e.id = s.entity_id`,
  corpus_counts: "SELECT name, value FROM corpus_counts WHERE name = 'entity_sentences'",
  // Each entity's mentions by name and written form (migration 19's triggers).
  mention_forms: `SELECT e.type, e.key, f.type, f.orig_key, f.text, f.mentions FROM mention_forms f
      JOIN entities e ON e.id = f.entity_id`,
  name_docs: `SELECT n.type, n.orig_key, d.sha256, n.mentions FROM name_docs n JOIN documents d ON d.id = n.doc_id`,
  // The largest entities' co-occurrences, as each resolution counts them (again where they may have changed).
  entity_association_samples: `SELECT e.type, e.key, a.sentences, a.sampled FROM entity_association_samples a
      JOIN entities e ON e.id = a.entity_id`,
  entity_associations: `SELECT e.type, e.key, o.type, o.key, a.together FROM entity_associations a
      JOIN entities e ON e.id = a.entity_id JOIN entities o ON o.id = a.other_id`,
  statements: `SELECT d.sha256, s.sentence, s.date, s.granularity, s.date_start, s.date_end, s.action, s.terms,
      s.name, s.named, s.event_noun FROM statements s JOIN documents d ON d.id = s.doc_id`,
  corpus_events: `SELECT ${EVENT_KEY}, c.kind, c.name, c.date, c.granularity, c.date_start, c.date_end, e.type, e.key,
      c.documents, c.sources, c.days, ld.sha256, ls.sentence FROM corpus_events c LEFT JOIN entities e ON e.id = c.place_id
      LEFT JOIN statements ls ON ls.id = c.lead_statement LEFT JOIN documents ld ON ld.id = ls.doc_id`,
  corpus_event_statements: `SELECT ${EVENT_KEY}, d.sha256, s.sentence, s.action, s.date FROM corpus_event_statements m
      JOIN corpus_events c ON c.id = m.event_id JOIN statements s ON s.id = m.statement_id JOIN documents d ON d.id = s.doc_id`,
  corpus_event_entities: `SELECT ${EVENT_KEY}, e.type, e.key, x.documents, x.participant, x.kind FROM corpus_event_entities x
      JOIN corpus_events c ON c.id = x.event_id JOIN entities e ON e.id = x.entity_id`,
  // A near-duplicate cluster by its members: each document with the least hash of its cluster.
  doc_clusters: `SELECT d.sha256, (SELECT min(o.sha256) FROM doc_clusters k JOIN documents o ON o.id = k.doc_id
      WHERE k.cluster_id = c.cluster_id) FROM doc_clusters c JOIN documents d ON d.id = c.doc_id`,
};

export type ContentTable = keyof typeof CONTENT;

/** Every compared table's rows as sorted JSON arrays, by table name. */
export function tableContents(store: Store): Record<string, string[]> {
  const db = sqlite(store);
  const out: Record<string, string[]> = {};
  for (const [table, sql] of Object.entries(CONTENT)) {
    out[table] = (statement(db, sql).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

/** Every stored path, sorted. */
export function allPaths(store: Store): string[] {
  return statement(sqlite(store), 'SELECT path FROM paths ORDER BY path').pluck().all() as string[];
}

/** The counters migration 6's triggers keep (and migration 17's doc_tags, 19's mention_forms and name_docs), beside what counting the rows gives now (entries that are 0 left out). */
export function countersAndRecount(store: Store): {
  stored: Record<string, Record<string, number>>;
  recounted: Record<string, Record<string, number>>;
} {
  const db = sqlite(store);
  const pairs = (sql: string) =>
    Object.fromEntries(
      (statement(db, sql).raw().all() as [string, number][])
        .filter(([, n]) => n !== 0)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  return {
    stored: {
      totals: pairs('SELECT name, value FROM totals'),
      tags: pairs('SELECT tag, documents FROM tag_totals'),
      sources: pairs('SELECT source, documents FROM source_totals'),
      entities: pairs(
        "SELECT e.type || ':' || e.key, s.mentions || '/' || s.documents || '/' || s.sentences FROM entity_stats s JOIN entities e ON e.id = s.entity_id",
      ),
      entityDocs: pairs("SELECT entity_id || ':' || doc_id, mentions FROM entity_docs"),
      docTags: pairs("SELECT doc_id || ':' || lower(tag), 1 FROM doc_tags"),
      mentionForms: pairs('SELECT json_array(entity_id, type, orig_key, text), mentions FROM mention_forms'),
      nameDocs: pairs('SELECT json_array(type, orig_key, doc_id), mentions FROM name_docs'),
    },
    recounted: {
      totals: pairs(`SELECT 'documents', count(*) FROM documents
        UNION ALL SELECT 'characters', coalesce(sum(chars), 0) FROM documents
        UNION ALL SELECT 'undated', count(*) FROM documents WHERE date IS NULL
        UNION ALL SELECT 'paths', count(*) FROM paths
        UNION ALL SELECT 'analyzer:' || analyzer_version, count(*) FROM documents GROUP BY analyzer_version
        UNION ALL SELECT 'mentions:' || type, count(*) FROM mentions GROUP BY type
        UNION ALL SELECT 'entities:' || type, count(*) FROM entities GROUP BY type`),
      tags: pairs('SELECT t.value, count(*) FROM documents d, json_each(d.tags) t GROUP BY t.value'),
      sources: pairs('SELECT source, count(*) FROM documents WHERE source IS NOT NULL GROUP BY source'),
      entities: pairs(
        `SELECT e.type || ':' || e.key, count(*) || '/' || count(DISTINCT m.doc_id) || '/' || count(DISTINCT m.doc_id * 1048576 + m.sentence)
         FROM mentions m JOIN entities e ON e.id = m.entity_id GROUP BY m.entity_id`,
      ),
      entityDocs: pairs(
        "SELECT entity_id || ':' || doc_id, count(*) FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id, doc_id",
      ),
      docTags: pairs("SELECT DISTINCT d.id || ':' || lower(t.value), 1 FROM documents d, json_each(d.tags) t"),
      mentionForms: pairs(
        `SELECT json_array(entity_id, type, orig_key, text), count(*) FROM mentions
         WHERE entity_id IS NOT NULL AND orig_key IS NOT NULL GROUP BY entity_id, type, orig_key, text`,
      ),
      nameDocs: pairs(
        `SELECT json_array(type, orig_key, doc_id), count(*) FROM mentions
         WHERE orig_key IS NOT NULL GROUP BY type, orig_key, doc_id`,
      ),
    },
  };
}

/**
 * Make a database look as schema 5 left it (no counters, the old indexes): how a test checks that
 * migrations 6 to 15 upgrade a database in place.
 */
export function revertToSchema5(store: Store): void {
  revertToSchema17(store);
  const db = sqlite(store);
  const triggers = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_totals_%'")
    .pluck();
  for (const name of triggers.all() as string[]) db.exec(`DROP TRIGGER "${name}"`);
  db.exec(`
    DROP TABLE totals; DROP TABLE tag_totals; DROP TABLE source_totals;
    DROP INDEX mentions_entity; CREATE INDEX mentions_entity ON mentions(entity_id, doc_id);
    DROP INDEX mentions_doc; CREATE INDEX mentions_doc ON mentions(doc_id, sentence);
    DROP INDEX entities_key; DROP INDEX corpus_event_entities_event; DROP INDEX events_place; DROP INDEX corpus_events_place;
    DROP INDEX IF EXISTS event_participants_doc; DROP INDEX IF EXISTS documents_analyzer;
    DROP INDEX IF EXISTS events_lower_name;
    DROP INDEX IF EXISTS name_evidence_short;
    ALTER TABLE entity_links DROP COLUMN to_type;
    DROP INDEX corpus_event_entities_rank;
    ALTER TABLE corpus_event_entities DROP COLUMN kind;
    ALTER TABLE corpus_events DROP COLUMN lead_statement;
    DROP INDEX documents_id_date;
    DROP TABLE entity_associations; DROP TABLE entity_association_samples;
    DROP TABLE entity_docs;
    DROP TABLE titles_fts;
    DROP TRIGGER documents_tags_insert; DROP TRIGGER documents_tags_delete; DROP TRIGGER documents_tags_update;
    DROP TABLE doc_tags;
    PRAGMA user_version = 5;
  `);
}

/** Undo migration 21: no acronyms beside the full-text index. */
export function revertToSchema20(store: Store): void {
  sqlite(store).exec(`
    DROP TABLE doc_acronyms;
    DELETE FROM corpus_counts WHERE name = 'acronyms_unread';
    PRAGMA user_version = 20;
  `);
}

/** Undo migration 20: no document lengths beside the full-text index. */
export function revertToSchema19(store: Store): void {
  revertToSchema20(store);
  sqlite(store).exec(`
    DROP TABLE doc_lengths;
    DELETE FROM corpus_counts WHERE name = 'doc_lengths_unread';
    PRAGMA user_version = 19;
  `);
}

/** Undo migration 19: no counts of mentions by written form, nor by name and document. */
export function revertToSchema18(store: Store): void {
  revertToSchema19(store);
  sqlite(store).exec(`
    DROP TRIGGER mention_forms_insert; DROP TRIGGER mention_forms_delete; DROP TRIGGER mention_forms_update;
    DROP TABLE mention_forms;
    DROP TRIGGER name_docs_insert; DROP TRIGGER name_docs_delete; DROP TRIGGER name_docs_update;
    DROP TABLE name_docs;
    PRAGMA user_version = 18;
  `);
}

/**
 * Undo migrations 18 and 19, as a database made before them looks: the full-text index over whole
 * bodies, no story starts.
 */
export function revertToSchema17(store: Store): void {
  revertToSchema18(store);
  sqlite(store).exec(`
    DROP TABLE documents_fts;
    DROP VIEW documents_story;
    ALTER TABLE documents DROP COLUMN story_start;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, body,
      content='documents', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2'
    );
    INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
    DELETE FROM corpus_counts WHERE name = 'story_starts_unread';
    PRAGMA user_version = 17;
  `);
}

/** Store a document's length as `tokens`, true or not: how a test sees which length ranking reads. */
export function overwriteDocumentLength(store: Store, id: number, tokens: number): void {
  storeLength(sqlite(store), id, tokens);
}

/** Make the corpus events look as a schema-11 clustering left them: no lead statements (a test checks the fallback). */
export function forgetEventLeads(store: Store): void {
  sqlite(store).exec('UPDATE corpus_events SET lead_statement = NULL');
}

/** Values a test damages inside rows that SQLite still reads and checks as well formed. */
export type DamagedValue = 'event conflicts' | 'sentence offsets' | 'tags' | 'near-duplicate signatures';

/**
 * Change stored values so that they no longer decode, as a byte changed inside a row would: a test
 * checks that each is said as damage. (The triggers that read the tags go first: damage runs none.)
 */
export function damageStoredValues(store: Store, what: DamagedValue): void {
  const statements: Record<DamagedValue, string> = {
    'event conflicts': "UPDATE corpus_events SET conflicts = '[{X'",
    'sentence offsets': "UPDATE documents SET sentences = x'010203'",
    'near-duplicate signatures': "UPDATE doc_minhash SET signature = x'0102' WHERE signature IS NOT NULL",
    tags: `DROP TRIGGER documents_totals_update; DROP TRIGGER documents_tags_update;
           UPDATE documents SET tags = '["x'`,
  };
  sqlite(store).exec(statements[what]);
}

/**
 * Hold a read transaction open, as another program reading the file would: an ingest must wait to
 * switch a rollback-mode file to WAL (a test checks it says so). Returns the release.
 */
export function holdReadTransaction(store: Store): () => void {
  const db = sqlite(store);
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM documents').get();
  return () => db.exec('COMMIT');
}
