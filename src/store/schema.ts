/**
 * The database schema, as an ordered list of migrations. `PRAGMA user_version` records how many
 * have run; opening a database runs the rest, each in its own transaction.
 *
 * Identity: a document is one body (unique SHA-256); `paths` records every file (or `file.jsonl:LINE`)
 * that carries it. The FTS index uses external content (the documents table) and is written by the
 * store in the same transaction as its document — no triggers, so the two cannot drift apart.
 */

/** Marks a SQLite file as a corpus database (`PRAGMA application_id`), so we never write into someone else's. */
export const APPLICATION_ID = 0x636f7270; // "corp"

export const MIGRATIONS: readonly string[] = [
  /* 1: documents, paths, full-text index, analysis */ `
  CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    sha256           TEXT NOT NULL UNIQUE,
    title            TEXT,
    date             TEXT,              -- publication date YYYY-MM-DD, or NULL when undated
    date_source      TEXT,
    source           TEXT,
    dateline         TEXT,
    section          TEXT,
    tags             TEXT NOT NULL DEFAULT '[]',   -- JSON array
    format           TEXT NOT NULL,
    body             TEXT NOT NULL,
    chars            INTEGER NOT NULL,
    tokens           INTEGER NOT NULL,
    sentences        BLOB NOT NULL DEFAULT x'',  -- packed (start, end) pairs: see sentences.ts
    analyzer_version TEXT NOT NULL,
    ingested_at      TEXT NOT NULL
  );
  CREATE INDEX documents_date ON documents(date);
  CREATE INDEX documents_source ON documents(source COLLATE NOCASE);

  CREATE TABLE paths (
    path   TEXT PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
  );
  CREATE INDEX paths_doc ON paths(doc_id);

  CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body,
    content='documents', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
  );

  -- Canonical entities of the whole corpus. key = aliasKey(name): case, hyphens, diacritics folded.
  CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    key  TEXT NOT NULL,
    lat  REAL,
    lon  REAL,
    UNIQUE (type, key)
  );

  -- Every surface form seen for an entity (and gazetteer aliases), looked up by folded key.
  CREATE TABLE aliases (
    key       TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (key, entity_id, alias)   -- 'Kim Jong-un' and 'Kim Jong Un' share a key, both are shown
  ) WITHOUT ROWID;
  CREATE INDEX aliases_entity ON aliases(entity_id);

  -- Every mention: entity mentions point at an entity; DATE carries its value; EVENT points at events.
  CREATE TABLE mentions (
    id        INTEGER PRIMARY KEY,
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type      TEXT NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    sentence  INTEGER NOT NULL,
    entity_id INTEGER REFERENCES entities(id),
    orig_key  TEXT,                  -- the entity key the analyzer gave, so unmerge can restore it
                                     -- (found through mentions_entity: unmerge looks within one entity)
    value     TEXT
  );
  CREATE INDEX mentions_doc ON mentions(doc_id, sentence);
  CREATE INDEX mentions_entity ON mentions(entity_id, doc_id);

  -- Events merged across documents when name, place and date agree (key).
  CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    date       TEXT,                 -- normalized value (2019-02, 2019-W06, 2019-02-27/2019-02-28…)
    date_start TEXT,                 -- first day the value covers, for ordering and range filters
    date_end   TEXT,                 -- last day it covers
    place_id   INTEGER REFERENCES entities(id)
  );
  CREATE INDEX events_date ON events(date_start);

  CREATE TABLE event_mentions (
    event_id INTEGER NOT NULL REFERENCES events(id),
    doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    sentence INTEGER NOT NULL
  );
  CREATE INDEX event_mentions_event ON event_mentions(event_id);
  CREATE INDEX event_mentions_doc ON event_mentions(doc_id);

  CREATE TABLE event_participants (
    event_id  INTEGER NOT NULL REFERENCES events(id),
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (event_id, doc_id, entity_id)
  ) WITHOUT ROWID;
  CREATE INDEX event_participants_entity ON event_participants(entity_id);

  -- User corrections that survive re-ingest: mentions whose analyzer key is from_key belong to to_key.
  CREATE TABLE entity_overrides (
    type      TEXT NOT NULL,
    from_key  TEXT NOT NULL,
    from_name TEXT NOT NULL,          -- the merged entity's name, so unmerge can restore it
    to_key    TEXT NOT NULL,
    PRIMARY KEY (type, from_key)
  ) WITHOUT ROWID;
  `,
  /* near-duplicates (src/dedup/, store/duplicates.ts): MinHash signatures, LSH band buckets, clusters */ `
  CREATE TABLE doc_minhash (
    doc_id    INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    sha256    TEXT NOT NULL,                 -- the body the signature was made from
    signature BLOB,                          -- NULL: too short to judge
    figures   BLOB                           -- sorted hashes of the figures (src/dedup/minhash.ts)
  );
  -- No foreign key or doc index (16 rows a document, written at ingest speed): rows of deleted or
  -- changed documents are left behind and ignored, since candidates are checked against doc_minhash.
  CREATE TABLE doc_bands (
    band   INTEGER NOT NULL,
    hash   INTEGER NOT NULL,
    doc_id INTEGER NOT NULL,
    PRIMARY KEY (band, hash, doc_id)
  ) WITHOUT ROWID;
  -- Only documents with at least one near-duplicate; cluster_id is the cluster's smallest document id.
  CREATE TABLE doc_clusters (
    doc_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL
  );
  CREATE INDEX doc_clusters_cluster ON doc_clusters(cluster_id);
  `,
];
