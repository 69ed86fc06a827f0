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
  /* 2: corpus-level entity resolution (entities/resolve.ts), external ids */ `
  -- A source's own id for the article (a JSON article's "id"), so it can be found by it.
  ALTER TABLE documents ADD COLUMN external_id TEXT;
  CREATE INDEX documents_external_id ON documents(external_id);

  -- What each document says about which names are one (entities/evidence.ts), read once per
  -- document and analyzer version: the resolution after each ingest reads only new documents.
  CREATE TABLE name_evidence (
    doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type    TEXT NOT NULL,            -- entity type, or '*' for a pattern in the text
    short   TEXT NOT NULL,            -- alias key of the short form
    long    TEXT NOT NULL,            -- alias key of the full name
    kind    TEXT NOT NULL,            -- paren | document | initials
    pattern TEXT NOT NULL             -- the words as written, for --why
  );
  CREATE INDEX name_evidence_doc ON name_evidence(doc_id);
  CREATE TABLE evidence_scanned (
    doc_id           INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    analyzer_version TEXT NOT NULL
  );

  -- The resolution in force: mentions whose analyzer key is from_key belong to the entity to_key
  -- (user merges included, rule 'user'). The mentions table is rewritten to match, so every query
  -- sees canonical entities; orig_key keeps what to undo.
  CREATE TABLE entity_links (
    type      TEXT NOT NULL,
    from_key  TEXT NOT NULL,
    from_name TEXT NOT NULL,
    to_key    TEXT NOT NULL,
    rule      TEXT NOT NULL,
    score     REAL NOT NULL,
    detail    TEXT NOT NULL,
    docs      TEXT NOT NULL DEFAULT '[]',   -- JSON array of example document ids
    PRIMARY KEY (type, from_key)
  ) WITHOUT ROWID;
  CREATE INDEX entity_links_to ON entity_links(type, to_key);
  -- The same for one document, where context decided a name two full names claim.
  CREATE TABLE entity_doc_links (
    type     TEXT NOT NULL,
    from_key TEXT NOT NULL,
    doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    to_key   TEXT NOT NULL,
    score    REAL NOT NULL,
    detail   TEXT NOT NULL,
    PRIMARY KEY (type, from_key, doc_id)
  ) WITHOUT ROWID;
  -- Counts per canonical entity, refreshed by each resolution, so listing entities reads no mentions.
  CREATE TABLE entity_stats (
    entity_id INTEGER PRIMARY KEY,
    mentions  INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    sentences INTEGER NOT NULL       -- sentences that mention it (for association measures)
  );
  CREATE INDEX entity_stats_mentions ON entity_stats(mentions DESC);
  CREATE TABLE corpus_counts (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- Pairs left for a person to judge, strongest evidence first (rank).
  CREATE TABLE entity_suspects (
    rank   INTEGER PRIMARY KEY,
    type   TEXT NOT NULL,
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    a_key  TEXT NOT NULL,
    b_key  TEXT NOT NULL,
    score  REAL NOT NULL,
    reason TEXT NOT NULL
  );
  `,
  /* 3: corpus-level events: dated statements per document, clustered into events across documents
     (rebuilt after each ingest by timeline/update.ts; see store/events.ts) */ `
  CREATE TABLE statements (
    id           INTEGER PRIMARY KEY,
    doc_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence     INTEGER NOT NULL,
    date         TEXT NOT NULL,        -- normalized value said in the sentence
    granularity  TEXT NOT NULL,
    date_start   TEXT NOT NULL,
    date_end     TEXT NOT NULL,
    action       TEXT NOT NULL,        -- suspend:paymen, n:earthquake, named:uruguay round
    terms        TEXT NOT NULL,        -- space-separated word stems of the clause
    subject_id   INTEGER,
    place_id     INTEGER,
    participants TEXT NOT NULL,        -- space-separated entity ids
    mentioned    TEXT NOT NULL,        -- other entities the sentence names (space-separated ids)
    name         TEXT NOT NULL,
    named        INTEGER NOT NULL,
    event_noun   INTEGER NOT NULL
  );
  CREATE INDEX statements_doc ON statements(doc_id);

  -- Which documents have their statements, and from which analysis (analyzer + statement version).
  CREATE TABLE statement_docs (
    doc_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version TEXT NOT NULL
  );

  -- The clusters: one row per happening (kind 'event') or lone dated mention (kind 'mention').
  CREATE TABLE corpus_events (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,  -- stable across rebuilds: the first supporting statement
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    date        TEXT NOT NULL,
    granularity TEXT NOT NULL,
    date_start  TEXT NOT NULL,
    date_end    TEXT NOT NULL,
    place_id    INTEGER,
    documents   INTEGER NOT NULL,      -- distinct reports (wire copies counted once)
    sources     INTEGER NOT NULL,
    days        INTEGER NOT NULL,      -- distinct publication days of the reports
    score       REAL NOT NULL,
    conflicts   TEXT NOT NULL DEFAULT '[]'   -- JSON: other dates reports gave, with their counts
  );
  CREATE INDEX corpus_events_rank ON corpus_events(kind, score DESC);
  CREATE INDEX corpus_events_date ON corpus_events(date_start);

  CREATE TABLE corpus_event_statements (
    event_id     INTEGER NOT NULL,
    statement_id INTEGER NOT NULL,
    PRIMARY KEY (event_id, statement_id)
  ) WITHOUT ROWID;

  -- Who takes part, with how many reports name them (an entity's digest ranks by it).
  CREATE TABLE corpus_event_entities (
    entity_id   INTEGER NOT NULL,
    event_id    INTEGER NOT NULL,
    documents   INTEGER NOT NULL,
    participant INTEGER NOT NULL,      -- 1 when listed as a participant of the event
    PRIMARY KEY (entity_id, event_id)
  ) WITHOUT ROWID;
  `,
  /* 4: where a document came from, when its source says: a web page's or feed item's URL and byline
        (the source's own id is migration 2's external_id) */ `
  ALTER TABLE documents ADD COLUMN url TEXT;
  ALTER TABLE documents ADD COLUMN author TEXT;
  `,
  /* 5: near-duplicates (src/dedup/, store/duplicates.ts): MinHash signatures, LSH band buckets, clusters */ `
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
  /* 6: counters kept by triggers, so `stats` reads no documents or mentions; indexes for the query commands */ `
  -- Corpus totals: documents, characters, undated, paths, analyzer:VERSION, mentions:TYPE, entities:TYPE.
  -- Triggers keep them: every code path that inserts, deletes or updates a row (ingest, re-ingest,
  -- --prune, the resolution's entity rewrites, merge/unmerge) moves them, so they cannot drift. The
  -- one exception is mentions:TYPE: a trigger per mention row cost ~30 µs (its statement journal), more
  -- than the insert itself, so StoreWriter adds a document's mentions by type when it writes or clears
  -- them (the only two places mention rows are made or removed). Rows may reach 0 and stay; readers skip them.
  CREATE TABLE totals (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE tag_totals (
    tag       TEXT PRIMARY KEY,          -- as written; stats folds case when it reads them
    documents INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE source_totals (
    source    TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TRIGGER documents_totals_insert AFTER INSERT ON documents BEGIN
    INSERT INTO totals (name, value)
      VALUES ('documents', 1), ('characters', NEW.chars), ('undated', NEW.date IS NULL), ('analyzer:' || NEW.analyzer_version, 1)
      ON CONFLICT (name) DO UPDATE SET value = value + excluded.value;
    INSERT INTO tag_totals (tag, documents) SELECT value, 1 FROM json_each(NEW.tags) WHERE true
      ON CONFLICT (tag) DO UPDATE SET documents = documents + 1;
    INSERT INTO source_totals (source, documents) SELECT NEW.source, 1 WHERE NEW.source IS NOT NULL
      ON CONFLICT (source) DO UPDATE SET documents = documents + 1;
  END;
  CREATE TRIGGER documents_totals_delete AFTER DELETE ON documents BEGIN
    INSERT INTO totals (name, value)
      VALUES ('documents', -1), ('characters', -OLD.chars), ('undated', -(OLD.date IS NULL)), ('analyzer:' || OLD.analyzer_version, -1)
      ON CONFLICT (name) DO UPDATE SET value = value + excluded.value;
    UPDATE tag_totals SET documents = documents - 1 WHERE tag IN (SELECT value FROM json_each(OLD.tags));
    UPDATE source_totals SET documents = documents - 1 WHERE source = OLD.source;
  END;
  CREATE TRIGGER documents_totals_update AFTER UPDATE OF chars, date, tags, source, analyzer_version ON documents BEGIN
    INSERT INTO totals (name, value)
      VALUES ('characters', NEW.chars - OLD.chars), ('undated', (NEW.date IS NULL) - (OLD.date IS NULL)),
        ('analyzer:' || OLD.analyzer_version, -1), ('analyzer:' || NEW.analyzer_version, 1)
      ON CONFLICT (name) DO UPDATE SET value = value + excluded.value;
    UPDATE tag_totals SET documents = documents - 1 WHERE tag IN (SELECT value FROM json_each(OLD.tags));
    INSERT INTO tag_totals (tag, documents) SELECT value, 1 FROM json_each(NEW.tags) WHERE true
      ON CONFLICT (tag) DO UPDATE SET documents = documents + 1;
    UPDATE source_totals SET documents = documents - 1 WHERE source = OLD.source;
    INSERT INTO source_totals (source, documents) SELECT NEW.source, 1 WHERE NEW.source IS NOT NULL
      ON CONFLICT (source) DO UPDATE SET documents = documents + 1;
  END;
  CREATE TRIGGER paths_totals_insert AFTER INSERT ON paths BEGIN
    INSERT INTO totals (name, value) VALUES ('paths', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1;
  END;
  CREATE TRIGGER paths_totals_delete AFTER DELETE ON paths BEGIN
    UPDATE totals SET value = value - 1 WHERE name = 'paths';
  END;
  CREATE TRIGGER entities_totals_insert AFTER INSERT ON entities BEGIN
    INSERT INTO totals (name, value) VALUES ('entities:' || NEW.type, 1)
      ON CONFLICT (name) DO UPDATE SET value = value + 1;
  END;
  CREATE TRIGGER entities_totals_delete AFTER DELETE ON entities BEGIN
    UPDATE totals SET value = value - 1 WHERE name = 'entities:' || OLD.type;
  END;

  -- What the database held before this migration.
  INSERT INTO totals (name, value)
    SELECT 'documents', count(*) FROM documents
    UNION ALL SELECT 'characters', coalesce(sum(chars), 0) FROM documents
    UNION ALL SELECT 'undated', count(*) FROM documents WHERE date IS NULL
    UNION ALL SELECT 'paths', count(*) FROM paths
    UNION ALL SELECT 'analyzer:' || analyzer_version, count(*) FROM documents GROUP BY analyzer_version
    UNION ALL SELECT 'mentions:' || type, count(*) FROM mentions GROUP BY type
    UNION ALL SELECT 'entities:' || type, count(*) FROM entities GROUP BY type;
  INSERT INTO tag_totals (tag, documents) SELECT t.value, count(*) FROM documents d, json_each(d.tags) t GROUP BY t.value;
  INSERT INTO source_totals (source, documents)
    SELECT source, count(*) FROM documents WHERE source IS NOT NULL GROUP BY source;

  -- An entity's sentences straight from the index (entity detail, associations, the resolution's
  -- counts), and the entities of a sentence without reading the mention rows.
  DROP INDEX mentions_entity;
  CREATE INDEX mentions_entity ON mentions(entity_id, doc_id, sentence);
  DROP INDEX mentions_doc;
  CREATE INDEX mentions_doc ON mentions(doc_id, sentence, entity_id);
  -- A typed name may be any type: resolving it reads one index entry, not every entity.
  CREATE INDEX entities_key ON entities(key);
  -- An event's participants (the timeline reads them per event; the primary key starts with the entity).
  CREATE INDEX corpus_event_entities_event ON corpus_event_entities(event_id);
  -- Events by place (corpus events --place, the per-document events' place).
  CREATE INDEX events_place ON events(place_id);
  CREATE INDEX corpus_events_place ON corpus_events(place_id);
  `,
  // 7: a document's event participants by the document (the corpus-event statements read them per
  // document; without it each read scanned the whole table: 7 s of a Reuters ingest).
  `
  CREATE INDEX event_participants_doc ON event_participants(doc_id, event_id, entity_id);
  `,
  // 8: documents by analyzer version. After every ingest the pipeline asks which documents an older
  // analyzer read and the corpus events which documents lack current statements; both compare each
  // document's analyzer_version, which sits after the body in the row, so each question read the
  // whole documents table (770 MB at 200k articles). The index answers both from a few MB.
  `
  CREATE INDEX documents_analyzer ON documents(analyzer_version);
  `,
  // 9: events by their folded name. Search looks up every word run of a query among the events'
  // names (lower(name) IN (…)), which read the whole events table per query: ~1 ms on Reuters,
  // growing with the corpus (19,806 events at 200k articles).
  `
  CREATE INDEX events_lower_name ON events(lower(name));
  `,
  // 10: name evidence by its short form. Resolution asks, name by name, what the documents say a
  // short form stands for; without the index it read every document's evidence into memory at once
  // (162k rows, 46 MB at 200k articles, growing with the corpus). Ordered by document as it reads them.
  `
  CREATE INDEX name_evidence_short ON name_evidence(short, doc_id);
  `,
  // 11: a link may join an entity of another type: a company the tagger read as a person (`Smith
  // Barney` PERSON → `Smith Barney` ORG). NULL: the link's own type.
  `
  ALTER TABLE entity_links ADD COLUMN to_type TEXT;
  `,
  // 12: an entity's timeline from its own rows. A digest shows the entity's 25 most reported events
  // and quotes one report of each; at a million articles Japan is in 11,613 events and their 3,066
  // supporting statements, and both were read (and each statement's document) to pick so few.
  // kind: the event's kind, so counting and ranking an entity's events reads only this index;
  // lead_statement: the report a digest quotes (the event's own date first, then earliest published),
  // chosen when the events are clustered; NULL until they are next rebuilt (the query falls back).
  `
  ALTER TABLE corpus_event_entities ADD COLUMN kind TEXT NOT NULL DEFAULT 'event';
  UPDATE corpus_event_entities SET kind = (SELECT e.kind FROM corpus_events e WHERE e.id = event_id);
  CREATE INDEX corpus_event_entities_rank ON corpus_event_entities(entity_id, kind, (documents * (1 + participant)) DESC);
  ALTER TABLE corpus_events ADD COLUMN lead_statement INTEGER;
  `,
  // 13: a document's date by its id, from an index. A search for a word within a wide date range
  // looks up each match's date: from the table each lookup reads the document's row (209 ms for
  // 'oil' in a quarter at a million articles); from this index, 33 ms. A narrow range is a set of ids.
  `
  CREATE INDEX documents_id_date ON documents(id, date);
  `,
  // 14: the co-occurrences of the largest entities, counted by each resolution (store/entities.ts,
  // storeAssociations). `corpus entity Reagan` at a million articles read about 2,600 sampled
  // sentences' mentions, each on a page of its own: 110–180 ms of a 300 ms command.
  `
  CREATE TABLE entity_association_samples (
    entity_id INTEGER PRIMARY KEY,
    sentences INTEGER NOT NULL,   -- the entity's sentences when counted (stale once they change)
    sampled   INTEGER NOT NULL    -- of them, the sentences read
  );
  CREATE TABLE entity_associations (
    entity_id INTEGER NOT NULL,
    other_id  INTEGER NOT NULL,
    together  INTEGER NOT NULL,   -- sampled sentences naming both
    PRIMARY KEY (entity_id, other_id)
  ) WITHOUT ROWID;
  `,
  // 15: an entity's documents, with its mentions in each. Search reads a name's documents from here,
  // not from its mentions: Japan at a million articles is 52,839 rows against 121,028 mentions, and
  // a query naming it (count and ranking) took 48 ms against 26. Kept by StoreWriter where it writes
  // or clears a document's mentions and by the resolution for the entities whose mentions it moves
  // (the only places mention rows are made, removed or relinked): a trigger per mention row costs
  // more than the row (see migration 6).
  `
  CREATE TABLE entity_docs (
    entity_id INTEGER NOT NULL,
    doc_id    INTEGER NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, doc_id)
  ) WITHOUT ROWID;
  INSERT INTO entity_docs (entity_id, doc_id, mentions)
    SELECT entity_id, doc_id, count(*) FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id, doc_id;
  -- The documents that mention an entity most, in order (search's likely candidates for a name).
  CREATE INDEX entity_docs_most ON entity_docs(entity_id, mentions DESC, doc_id);
  `,
  // 16: the documents' titles indexed alone. Search takes the latest documents with the query in
  // the title as likely candidates of a large result; asked of documents_fts (`{title} : …`), FTS5
  // walks the title-and-body doclists of every query word and reads each position list for its
  // column: 4-6 ms of a 45 ms `oil prices` at a million articles. Here the doclists are the
  // titles' own (a fiftieth of the index): 0.6 ms. Kept beside documents_fts by StoreWriter, a row
  // for every document (an untitled one too: FTS5's integrity check expects one per content row).
  `
  CREATE VIRTUAL TABLE titles_fts USING fts5(
    title,
    content='documents', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
  );
  INSERT INTO titles_fts (rowid, title) SELECT id, coalesce(title, '') FROM documents;
  `,
  // 17: each document's tags as rows, by tag. A search with --tag read every document's tags (a JSON
  // array in its row) to find the tagged ones: `oil --tag crude` at a million articles took 0.5 s,
  // two tags 1.1 s. Here a tag's documents are one index range. Kept by triggers, as migration 6's
  // counters are: a row per tag of a document costs little beside the document's own row. A tag
  // written twice in two cases is one row (tags match in any case).
  `
  CREATE TABLE doc_tags (
    tag    TEXT NOT NULL COLLATE NOCASE,
    doc_id INTEGER NOT NULL,
    PRIMARY KEY (tag, doc_id)
  ) WITHOUT ROWID;
  INSERT OR IGNORE INTO doc_tags (tag, doc_id) SELECT t.value, d.id FROM documents d, json_each(d.tags) t;
  CREATE TRIGGER documents_tags_insert AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO doc_tags (tag, doc_id) SELECT value, NEW.id FROM json_each(NEW.tags);
  END;
  CREATE TRIGGER documents_tags_delete AFTER DELETE ON documents BEGIN
    DELETE FROM doc_tags WHERE doc_id = OLD.id AND tag IN (SELECT value FROM json_each(OLD.tags));
  END;
  CREATE TRIGGER documents_tags_update AFTER UPDATE OF tags ON documents BEGIN
    DELETE FROM doc_tags WHERE doc_id = OLD.id AND tag IN (SELECT value FROM json_each(OLD.tags));
    INSERT OR IGNORE INTO doc_tags (tag, doc_id) SELECT value, NEW.id FROM json_each(NEW.tags);
  END;
  `,
  // 18: the full-text index reads each body from where its story begins (story_start, set by the
  // reader), through a view: a text file's headline and header lines (`date 1987-03-02`) made
  // `1987` match every file of Reuters and its title count twice, as the same article from JSON
  // Lines did not. The title stays indexed in its own column. Documents stored before have 0, the
  // whole body, until an ingest reads where their stories begin (ingest/story-starts.ts).
  `
  ALTER TABLE documents ADD COLUMN story_start INTEGER NOT NULL DEFAULT 0;
  CREATE VIEW documents_story AS SELECT id, title, substr(body, story_start + 1) AS body FROM documents;
  DROP TABLE documents_fts;
  CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body,
    content='documents_story', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
  );
  INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
  INSERT INTO corpus_counts (name, value) SELECT 'story_starts_unread', 1 WHERE EXISTS (SELECT 1 FROM documents);
  `,
  // 19: the mentions counted by entity, name and written form (mention_forms), and by name and
  // document (name_docs), kept by triggers. Settling an entity's names and aliases read every one of
  // its mentions three times (what names it holds, their forms, the forms it is written as): 12.9 s
  // of adding 100 articles to a million, the countries and agencies they name holding 1.4 M
  // mentions; and each resolution read every mention to know each name's documents (13.9 s).
  `
  CREATE TABLE mention_forms (
    entity_id INTEGER NOT NULL,
    type      TEXT NOT NULL,
    orig_key  TEXT NOT NULL,
    text      TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, type, orig_key, text)
  ) WITHOUT ROWID;
  INSERT INTO mention_forms (entity_id, type, orig_key, text, mentions)
    SELECT entity_id, type, orig_key, text, count(*) FROM mentions
    WHERE entity_id IS NOT NULL AND orig_key IS NOT NULL GROUP BY entity_id, type, orig_key, text;
  CREATE TABLE name_docs (
    type     TEXT NOT NULL,
    orig_key TEXT NOT NULL,
    doc_id   INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (type, orig_key, doc_id)
  ) WITHOUT ROWID;
  INSERT INTO name_docs (type, orig_key, doc_id, mentions)
    SELECT type, orig_key, doc_id, count(*) FROM mentions WHERE orig_key IS NOT NULL GROUP BY type, orig_key, doc_id;
  CREATE TRIGGER name_docs_insert AFTER INSERT ON mentions WHEN NEW.orig_key IS NOT NULL BEGIN
    INSERT INTO name_docs (type, orig_key, doc_id, mentions) VALUES (NEW.type, NEW.orig_key, NEW.doc_id, 1)
      ON CONFLICT DO UPDATE SET mentions = mentions + 1;
  END;
  CREATE TRIGGER name_docs_delete AFTER DELETE ON mentions WHEN OLD.orig_key IS NOT NULL BEGIN
    UPDATE name_docs SET mentions = mentions - 1
      WHERE type = OLD.type AND orig_key = OLD.orig_key AND doc_id = OLD.doc_id;
    DELETE FROM name_docs WHERE type = OLD.type AND orig_key = OLD.orig_key AND doc_id = OLD.doc_id AND mentions <= 0;
  END;
  CREATE TRIGGER name_docs_update AFTER UPDATE OF type, orig_key, doc_id ON mentions BEGIN
    UPDATE name_docs SET mentions = mentions - 1
      WHERE type = OLD.type AND orig_key = OLD.orig_key AND doc_id = OLD.doc_id;
    DELETE FROM name_docs WHERE type = OLD.type AND orig_key = OLD.orig_key AND doc_id = OLD.doc_id AND mentions <= 0;
    INSERT INTO name_docs (type, orig_key, doc_id, mentions)
      SELECT NEW.type, NEW.orig_key, NEW.doc_id, 1 WHERE NEW.orig_key IS NOT NULL
      ON CONFLICT DO UPDATE SET mentions = mentions + 1;
  END;
  CREATE TRIGGER mention_forms_insert AFTER INSERT ON mentions
    WHEN NEW.entity_id IS NOT NULL AND NEW.orig_key IS NOT NULL BEGIN
    INSERT INTO mention_forms (entity_id, type, orig_key, text, mentions)
      VALUES (NEW.entity_id, NEW.type, NEW.orig_key, NEW.text, 1)
      ON CONFLICT DO UPDATE SET mentions = mentions + 1;
  END;
  CREATE TRIGGER mention_forms_delete AFTER DELETE ON mentions
    WHEN OLD.entity_id IS NOT NULL AND OLD.orig_key IS NOT NULL BEGIN
    UPDATE mention_forms SET mentions = mentions - 1
      WHERE entity_id = OLD.entity_id AND type = OLD.type AND orig_key = OLD.orig_key AND text = OLD.text;
    DELETE FROM mention_forms
      WHERE entity_id = OLD.entity_id AND type = OLD.type AND orig_key = OLD.orig_key AND text = OLD.text AND mentions <= 0;
  END;
  CREATE TRIGGER mention_forms_update AFTER UPDATE OF entity_id, type, orig_key, text ON mentions BEGIN
    UPDATE mention_forms SET mentions = mentions - 1
      WHERE entity_id = OLD.entity_id AND type = OLD.type AND orig_key = OLD.orig_key AND text = OLD.text;
    DELETE FROM mention_forms
      WHERE entity_id = OLD.entity_id AND type = OLD.type AND orig_key = OLD.orig_key AND text = OLD.text AND mentions <= 0;
    INSERT INTO mention_forms (entity_id, type, orig_key, text, mentions)
      SELECT NEW.entity_id, NEW.type, NEW.orig_key, NEW.text, 1
      WHERE NEW.entity_id IS NOT NULL AND NEW.orig_key IS NOT NULL
      ON CONFLICT DO UPDATE SET mentions = mentions + 1;
  END;
  `,
  // 20: each document's length in tokens, a row per 4,096 documents (see store/doc-lengths.ts): the
  // ranking extension read it from FTS5, which seeks its docsize table once a match, two thirds of
  // the cost of scoring one. A database with documents has them read by its next ingest.
  `
  CREATE TABLE doc_lengths (
    block   INTEGER PRIMARY KEY,
    lengths BLOB NOT NULL
  );
  INSERT INTO corpus_counts (name, value) SELECT 'doc_lengths_unread', 1 WHERE EXISTS (SELECT 1 FROM documents);
  `,
  // 21: the acronyms each document writes in capitals (core/acronyms.ts), by acronym. The full-text
  // index folds case and stems, so `AIDS` matched every `aid` (Reuters: 463 documents, 62 of them
  // writing AIDS) and `WHO` every `who`; a query typing an acronym keeps to the documents that write
  // it (search/acronyms.ts). Kept beside the index by index-row.ts, from the text the index holds. A
  // database with documents has them read by its next ingest.
  `
  CREATE TABLE doc_acronyms (
    acronym TEXT NOT NULL,
    doc_id  INTEGER NOT NULL,
    PRIMARY KEY (acronym, doc_id)
  ) WITHOUT ROWID;
  INSERT INTO corpus_counts (name, value) SELECT 'acronyms_unread', 1 WHERE EXISTS (SELECT 1 FROM documents);
  `,
];
