/**
 * The store's side of corpus-level entity resolution: the evidence each document carries, the
 * names and their documents, and rewriting mentions to the entities the resolution decided.
 * The decisions themselves are made in entities/resolve.ts, from plain data.
 */
import { aliasKey } from '../core/alias-key.js';
import { type Db, type Store, sqlite } from './db.js';
import { corpusCount, setCorpusCount } from './counts.js';

export interface EvidenceRow {
  doc: number;
  type: string;
  short: string;
  long: string;
  kind: 'paren' | 'document' | 'initials' | 'second reference' | 'given name' | 'title';
  pattern: string;
}

export interface NameRow {
  type: string;
  key: string;
  name: string;
  docs: number[];
}

export interface LinkRow {
  type: string;
  from: string;
  fromName: string;
  to: string;
  /** The type of the entity it joins, when not its own (see migration 11). */
  toType?: string | null;
  rule: string;
  score: number;
  detail: string;
  docs: number[];
}

export interface DocLinkRow {
  type: string;
  from: string;
  doc: number;
  to: string;
  score: number;
  detail: string;
}

export interface SuspectRow {
  type: string;
  a: string;
  b: string;
  aKey: string;
  bKey: string;
  score: number;
  reason: string;
}

export { inTransaction } from './db.js';

/** How many documents have no evidence read (cheap: both counts come from small indexes). */
export function unscannedCount(store: Store, evidenceVersion: string): number {
  const db = sqlite(store);
  const missing = db
    .prepare('SELECT (SELECT count(*) FROM documents) - (SELECT count(*) FROM evidence_scanned)')
    .pluck()
    .get() as number;
  if (missing > 0) return missing;
  // Read by an older evidence reader: a pass over the small table, only when nothing is missing.
  return db
    .prepare("SELECT count(*) FROM evidence_scanned WHERE analyzer_version NOT LIKE '%/' || ?")
    .pluck()
    .get(evidenceVersion) as number;
}

/** Documents whose evidence has not been read for their current analysis, one at a time. */
export function* documentsToScan(
  store: Store,
  evidenceVersion: string,
): Generator<{
  id: number;
  body: string;
  version: string;
  mentions: { type: string; text: string; key: string; start: number }[];
}> {
  const db = sqlite(store);
  // A document is read again when its analysis or the evidence reader (evidenceVersion) changed.
  const ids = db
    .prepare(
      `SELECT d.id FROM documents d LEFT JOIN evidence_scanned s ON s.doc_id = d.id
       WHERE s.doc_id IS NULL OR s.analyzer_version != d.analyzer_version || '/' || ? ORDER BY d.id`,
    )
    .pluck()
    .all(evidenceVersion) as number[];
  const doc = db.prepare("SELECT body, analyzer_version || '/' || ? AS version FROM documents WHERE id = ?");
  const mentions = db.prepare(
    "SELECT type, text, orig_key AS key, start FROM mentions WHERE doc_id = ? AND orig_key IS NOT NULL AND type IN ('PERSON', 'ORG', 'COUNTRY', 'PLACE') ORDER BY start",
  );
  for (const id of ids) {
    const row = doc.get(evidenceVersion, id) as { body: string; version: string } | undefined;
    if (!row) continue;
    yield {
      id,
      body: row.body,
      version: row.version,
      mentions: mentions.all(id) as { type: string; text: string; key: string; start: number }[],
    };
  }
}

export function evidenceWriter(store: Store): (doc: number, version: string, rows: Omit<EvidenceRow, 'doc'>[]) => void {
  const db = sqlite(store);
  const clear = db.prepare('DELETE FROM name_evidence WHERE doc_id = ?');
  const insert = db.prepare(
    'INSERT INTO name_evidence (doc_id, type, short, long, kind, pattern) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const scanned = db.prepare('INSERT OR REPLACE INTO evidence_scanned (doc_id, analyzer_version) VALUES (?, ?)');
  return (doc, version, rows) => {
    clear.run(doc);
    for (const r of rows) insert.run(doc, r.type, r.short, r.long, r.kind, r.pattern);
    scanned.run(doc, version);
  };
}

/** A fuller name (`long`) that documents go on to call by a shorter one, with how many documents do. */
export interface RetoldRow {
  type: string;
  long: string;
  short: string;
  docs: number;
}

/**
 * The evidence documents carry, read as resolution asks for it rather than held whole: every
 * document's rows took 46 MB at 200k articles (162k rows), growing with the corpus.
 */
export interface EvidenceSource {
  /** The rows whose short form is `short`, by document (and in the order each document gave them). */
  ofShort(short: string): Iterable<EvidenceRow>;
  /** Each (type, long, short) of second references with its number of documents. */
  retold(): RetoldRow[];
  /** The first `limit` documents (ascending) that go on to call `long` by `short`. */
  retoldDocs(type: string, long: string, short: string, limit: number): number[];
}

/** The stored evidence, by short form through the index of migration 10. */
export function storedEvidence(store: Store): EvidenceSource {
  const db = sqlite(store);
  const ofShort = db.prepare(
    'SELECT doc_id AS doc, type, short, long, kind, pattern FROM name_evidence WHERE short = ? ORDER BY doc_id, rowid',
  );
  const retold = db.prepare(
    `SELECT type, long, short, count(DISTINCT doc_id) AS docs FROM name_evidence WHERE kind = 'second reference'
     GROUP BY type, long, short`,
  );
  const retoldDocs = db
    .prepare(
      `SELECT DISTINCT doc_id FROM name_evidence WHERE short = ? AND long = ? AND type = ? AND kind = 'second reference'
       ORDER BY doc_id LIMIT ?`,
    )
    .pluck();
  return {
    ofShort: (short) => ofShort.all(short) as EvidenceRow[],
    retold: () => retold.all() as RetoldRow[],
    retoldDocs: (type, long, short, limit) => retoldDocs.all(short, long, type, limit) as number[],
  };
}

/**
 * Every name the analyzer gave (type and key) with the documents that have it, and its display
 * name: the entity's, else the name it had when it was linked away.
 */
export function loadNames(store: Store): NameRow[] {
  const db = sqlite(store);
  const display = new Map<string, string>();
  for (const r of db.prepare('SELECT type, from_key AS key, from_name AS name FROM entity_links').all() as {
    type: string;
    key: string;
    name: string;
  }[]) {
    display.set(`${r.type}\u0000${r.key}`, r.name);
  }
  for (const r of db.prepare('SELECT type, key, name FROM entities').all() as {
    type: string;
    key: string;
    name: string;
  }[]) {
    display.set(`${r.type}\u0000${r.key}`, r.name);
  }
  // Each name's documents in order, a row per name and document (name_docs): read a row at a time,
  // as each name's rows follow one another. (Read from the mentions, a row per mention, this took
  // 13.9 s at a million articles; held whole, the rows of 2 M mentions took 560 MB at 200k.)
  const rows = db.prepare('SELECT type, orig_key, doc_id FROM name_docs').raw().iterate() as IterableIterator<
    [string, string, number]
  >;
  const byName = new Map<string, NameRow>();
  let n: NameRow | undefined;
  for (const [type, key, doc] of rows) {
    if (n === undefined || n.key !== key || n.type !== type) {
      const k = `${type}\u0000${key}`;
      n = { type, key, name: display.get(k) ?? key, docs: [] };
      byName.set(k, n);
    }
    n.docs.push(doc);
  }
  // A one-word organisation or place is judged an acronym or not by how its mentions are written
  // (`EC`, `Tex`, `HK`), not by the name an earlier pass stored: the same corpus gives the same answer
  // whatever order its documents and passes came in.
  const forms = new Map<string, Map<string, number>>();
  for (const [type, key, text, count] of db
    .prepare(
      `SELECT type, orig_key, text, sum(mentions) FROM mention_forms
       WHERE type IN ('ORG', 'PLACE') AND instr(orig_key, ' ') = 0 GROUP BY type, orig_key, text`,
    )
    .raw()
    .iterate() as IterableIterator<[string, string, string, number]>) {
    const k = `${type}\u0000${key}`;
    let f = forms.get(k);
    if (!f) forms.set(k, (f = new Map()));
    f.set(text, count);
  }
  for (const [k, f] of forms) {
    const name = byName.get(k);
    if (!name) continue;
    const exact = new Map([...f].filter(([text]) => aliasKey(text) === name.key));
    name.name = bestForm(exact.size > 0 ? exact : f) ?? name.name;
  }
  return [...byName.values()];
}

export function loadOverrides(store: Store): { type: string; from: string; fromName: string; to: string }[] {
  const db = sqlite(store);
  return db
    .prepare(
      'SELECT type, from_key AS "from", from_name AS fromName, to_key AS "to" FROM entity_overrides ORDER BY type, from_key',
    )
    .all() as {
    type: string;
    from: string;
    fromName: string;
    to: string;
  }[];
}

export interface ApplyResult {
  /** Mentions that now belong to another entity. */
  mentions: number;
  /** Documents those mentions are in (counted only when asked for). */
  documents: number;
  entitiesCreated: number;
  entitiesRemoved: number;
  names: string[];
  /** Entities whose mentions, name or existence the rewrite changed (their names, aliases and counts are settled again). */
  entities: number[];
}

/**
 * Make the mentions match the resolution: move the mentions of every linked name to its target,
 * move back those of names no longer linked, and store the links in force. Entities left without
 * mentions are removed; a name unlinked again gets its entity back under its own name.
 */
export function applyLinks(
  store: Store,
  links: readonly LinkRow[],
  docLinks: readonly DocLinkRow[],
  options: { countDocuments?: boolean } = {},
): ApplyResult {
  const db = sqlite(store);
  const q = {
    entity: db.prepare('SELECT id, name FROM entities WHERE type = ? AND key = ?'),
    entityInsert: db.prepare('INSERT INTO entities (type, name, key) VALUES (?, ?, ?)'),
    aliasInsert: db.prepare('INSERT OR IGNORE INTO aliases (key, entity_id, alias) VALUES (?, ?, ?)'),
    textsOfName: db.prepare('SELECT text FROM mention_forms WHERE entity_id = ? AND type = ? AND orig_key = ?').pluck(),
    docsOfName: db
      .prepare('SELECT count(DISTINCT doc_id) FROM mentions WHERE entity_id = ? AND type = ? AND orig_key = ?')
      .pluck(),
    moveName: db.prepare('UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND type = ? AND orig_key = ?'),
    docsOfEntity: db.prepare('SELECT count(DISTINCT doc_id) FROM mentions WHERE entity_id = ?').pluck(),
    moveAll: db.prepare('UPDATE mentions SET entity_id = ? WHERE entity_id = ?'),
    moveAliases: db.prepare('UPDATE OR IGNORE aliases SET entity_id = ? WHERE entity_id = ?'),
    dropAliases: db.prepare('DELETE FROM aliases WHERE entity_id = ?'),
    moveParticipants: db.prepare('UPDATE OR IGNORE event_participants SET entity_id = ? WHERE entity_id = ?'),
    dropParticipants: db.prepare('DELETE FROM event_participants WHERE entity_id = ?'),
    movePlaces: db.prepare(
      `UPDATE events SET place_id = (SELECT value ->> 1 FROM json_each(@moves) WHERE value ->> 0 = place_id)
       WHERE place_id IN (SELECT value ->> 0 FROM json_each(@moves))`,
    ),
    textsOf: db.prepare('SELECT DISTINCT text FROM mention_forms WHERE entity_id = ?').pluck(),
    aliasesOf: db.prepare('SELECT key, alias FROM aliases WHERE entity_id = ?'),
    aliasDelete: db.prepare('DELETE FROM aliases WHERE entity_id = ? AND key = ?'),
    used: db
      .prepare(
        'SELECT EXISTS (SELECT 1 FROM mentions WHERE entity_id = @id) OR EXISTS (SELECT 1 FROM event_participants WHERE entity_id = @id)',
      )
      .pluck(),
    places: db.prepare('SELECT DISTINCT place_id FROM events WHERE place_id IS NOT NULL').pluck(),
    entityDelete: db.prepare('DELETE FROM entities WHERE id = ?'),
    moveInDoc: db.prepare(
      'UPDATE mentions SET entity_id = ? WHERE doc_id = ? AND type = ? AND orig_key = ? AND entity_id != ?',
    ),
    textsInDoc: db.prepare('SELECT DISTINCT text FROM mentions WHERE doc_id = ? AND type = ? AND orig_key = ?').pluck(),
    // A document's statements name its entities by id: where a mention changes entity they are made again.
    restateName: db.prepare(
      'DELETE FROM statement_docs WHERE doc_id IN (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ? AND type = ? AND orig_key = ?)',
    ),
    restateEntity: db.prepare(
      'DELETE FROM statement_docs WHERE doc_id IN (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?)',
    ),
    restateDoc: db.prepare('DELETE FROM statement_docs WHERE doc_id = ?'),
    // An entity's documents (schema migration 15), counted again from its mentions.
    entityDocsClear: db.prepare('DELETE FROM entity_docs WHERE entity_id = ?'),
    entityDocsCount: db.prepare(
      'INSERT INTO entity_docs (entity_id, doc_id, mentions) SELECT entity_id, doc_id, count(*) FROM mentions WHERE entity_id = ? GROUP BY doc_id',
    ),
  };
  const result: ApplyResult = {
    mentions: 0,
    documents: 0,
    entitiesCreated: 0,
    entitiesRemoved: 0,
    names: [],
    entities: [],
  };
  const changed = new Set<number>();
  const stored = new Map<string, LinkRow>();
  for (const r of db
    .prepare(
      'SELECT type, from_key AS "from", from_name AS fromName, to_key AS "to", to_type AS toType FROM entity_links',
    )
    .all() as LinkRow[]) {
    stored.set(`${r.type}\u0000${r.from}`, r);
  }
  const wanted = new Map<string, LinkRow>();
  for (const l of links) wanted.set(`${l.type}\u0000${l.from}`, l);
  const touched = new Set<number>();
  // Entities made again for a name unlinked: a name whose documents are gone gets none back.
  const created = new Set<number>();
  // events.place_id has no index: places move in one statement at the end.
  const placeMoves: [number, number][] = [];

  const entityOf = (type: string, key: string): { id: number; name: string } | undefined =>
    q.entity.get(type, key) as { id: number; name: string } | undefined;
  const ensure = (type: string, key: string, name: string): number => {
    const found = entityOf(type, key);
    if (found) return found.id;
    result.entitiesCreated++;
    const id = Number(q.entityInsert.run(type, name, key).lastInsertRowid);
    created.add(id);
    q.aliasInsert.run(key, id, name);
    return id;
  };
  /** Aliases of `id` that none of its mentions is written as any more (and not its own name) go. */
  const pruneAliases = (id: number, ownKey: string) => {
    const written = new Set((q.textsOf.all(id) as string[]).map(aliasKey));
    for (const a of q.aliasesOf.all(id) as { key: string; alias: string }[]) {
      if (a.key !== ownKey && !written.has(a.key)) q.aliasDelete.run(id, a.key);
    }
  };
  /** Move the mentions of name (type, key) that sit on entity `fromId` to `toId`. */
  const moveName = (type: string, key: string, fromId: number, toId: number) => {
    const texts = q.textsOfName.all(fromId, type, key) as string[];
    if (texts.length === 0) return;
    if (options.countDocuments) result.documents += q.docsOfName.get(fromId, type, key) as number;
    q.restateName.run(fromId, type, key);
    result.mentions += q.moveName.run(toId, fromId, type, key).changes;
    for (const t of texts) q.aliasInsert.run(aliasKey(t), toId, t);
    touched.add(fromId);
    changed.add(toId);
  };
  /** Move everything of entity `fromId` (its own name's mentions, aliases, event roles) to `toId`. */
  const moveEntity = (fromId: number, toId: number) => {
    if (options.countDocuments) result.documents += q.docsOfEntity.get(fromId) as number;
    q.restateEntity.run(fromId);
    result.mentions += q.moveAll.run(toId, fromId).changes;
    q.moveAliases.run(toId, fromId);
    q.dropAliases.run(fromId);
    q.moveParticipants.run(toId, fromId);
    q.dropParticipants.run(fromId);
    placeMoves.push([fromId, toId]);
    touched.add(fromId);
    changed.add(toId);
  };

  const all = [...new Set([...stored.keys(), ...wanted.keys()])].sort();
  for (const k of all) {
    const before = stored.get(k);
    const after = wanted.get(k);
    const type = (after ?? before)!.type;
    const from = (after ?? before)!.from;
    const fromName = after?.fromName ?? before!.fromName;
    // Where the name's mentions were and are to be: an entity (type, key), its own when unlinked.
    const oldTo = { type: before?.toType ?? type, key: before?.to ?? from };
    const newTo = { type: after?.toType ?? type, key: after?.to ?? from };
    const own = (t: { type: string; key: string }) => t.type === type && t.key === from;
    const moved = oldTo.type !== newTo.type || oldTo.key !== newTo.key;
    if (!moved && !after) continue;
    const target = ensure(
      newTo.type,
      newTo.key,
      own(newTo) ? fromName : (entityOf(newTo.type, newTo.key)?.name ?? newTo.key),
    );
    if (moved && !own(oldTo)) {
      const old = entityOf(oldTo.type, oldTo.key);
      if (old) {
        moveName(type, from, old.id, target);
        result.names.push(from);
      }
    }
    if (!own(newTo)) {
      const ownEntity = entityOf(type, from);
      if (ownEntity && ownEntity.id !== target) {
        moveEntity(ownEntity.id, target);
        if (moved) result.names.push(from);
      }
    }
  }
  if (placeMoves.length > 0) q.movePlaces.run({ moves: JSON.stringify(placeMoves) });
  const places = touched.size > 0 ? new Set(q.places.all() as number[]) : new Set<number>();
  for (const id of touched) {
    if (q.used.get({ id }) || places.has(id)) {
      const own = db.prepare('SELECT key FROM entities WHERE id = ?').pluck().get(id) as string | undefined;
      if (own !== undefined) pruneAliases(id, own);
    } else if (q.entityDelete.run(id).changes > 0) {
      result.entitiesRemoved++;
    }
  }

  db.prepare('DELETE FROM entity_links').run();
  const insert = db.prepare(
    'INSERT INTO entity_links (type, from_key, from_name, to_key, to_type, rule, score, detail, docs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const l of links)
    insert.run(l.type, l.from, l.fromName, l.to, l.toType ?? null, l.rule, l.score, l.detail, JSON.stringify(l.docs));

  // Per-document decisions: applied every time (the analyzer writes new documents' mentions to the
  // name's own entity), undone where they no longer hold.
  const nameTarget = (type: string, key: string) => wanted.get(`${type}\u0000${key}`)?.to ?? key;
  const storedDoc = db
    .prepare('SELECT type, from_key AS "from", doc_id AS doc, to_key AS "to" FROM entity_doc_links')
    .all() as DocLinkRow[];
  const wantedDoc = new Set(docLinks.map((l) => `${l.type}\u0000${l.from}\u0000${l.doc}\u0000${l.to}`));
  for (const s of storedDoc) {
    if (wantedDoc.has(`${s.type}\u0000${s.from}\u0000${s.doc}\u0000${s.to}`)) continue;
    const back = ensure(s.type, nameTarget(s.type, s.from), s.from);
    const moved = q.moveInDoc.run(back, s.doc, s.type, s.from, back).changes;
    if (moved > 0) {
      q.restateDoc.run(s.doc);
      changed.add(back);
      const was = entityOf(s.type, s.to);
      if (was) changed.add(was.id);
    }
    result.mentions += moved;
  }
  db.prepare('DELETE FROM entity_doc_links').run();
  const insertDoc = db.prepare(
    'INSERT INTO entity_doc_links (type, from_key, doc_id, to_key, score, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const emptied = new Set<number>();
  for (const l of docLinks) {
    insertDoc.run(l.type, l.from, l.doc, l.to, l.score, l.detail);
    const target = entityOf(l.type, l.to);
    if (!target) continue;
    const moved = q.moveInDoc.run(target.id, l.doc, l.type, l.from, target.id).changes;
    if (moved > 0) {
      q.restateDoc.run(l.doc);
      result.mentions += moved;
      changed.add(target.id);
      for (const t of q.textsInDoc.all(l.doc, l.type, l.from) as string[]) q.aliasInsert.run(aliasKey(t), target.id, t);
      const own = entityOf(l.type, nameTarget(l.type, l.from));
      if (own) emptied.add(own.id);
    }
  }
  for (const id of touched) changed.add(id);
  for (const id of created) changed.add(id);
  for (const id of emptied) changed.add(id);
  const placesNow = emptied.size + created.size > 0 ? new Set(q.places.all() as number[]) : new Set<number>();
  for (const id of created) emptied.add(id);
  for (const id of emptied) {
    if (!q.used.get({ id }) && !placesNow.has(id) && q.entityDelete.run(id).changes > 0) result.entitiesRemoved++;
  }
  result.entities = [...changed].sort((a, b) => a - b);
  // Every entity whose mentions moved (to it or away from it) is among them.
  for (const id of result.entities) {
    q.entityDocsClear.run(id);
    q.entityDocsCount.run(id);
  }
  return result;
}

/**
 * A first name alone is never an alias of a person named in full (`Paul` of Paul Volcker). A first
 * word that the documents use alone for a good share of the person's mentions is a surname written
 * first (`Kim` of Kim Jong Un), and stays.
 */
export function dropFirstNameAliases(store: Store, share = 0.1, scope?: readonly number[]): number {
  const db = sqlite(store);
  const rows = db
    .prepare(
      `SELECT a.key, a.alias, a.entity_id AS id, e.key AS own FROM aliases a JOIN entities e ON e.id = a.entity_id
       WHERE e.type = 'PERSON' AND instr(a.key, ' ') = 0 AND instr(e.key, ' ') > 0`,
    )
    .all() as { key: string; alias: string; id: number; own: string }[];
  const del = db.prepare('DELETE FROM aliases WHERE key = ? AND entity_id = ?');
  // Counted from mention_forms: a row per written form, where the mentions were a row each.
  const written = db
    .prepare('SELECT coalesce(sum(mentions), 0) FROM mention_forms WHERE entity_id = ? AND text = ?')
    .pluck();
  const total = db.prepare('SELECT coalesce(sum(mentions), 0) FROM mention_forms WHERE entity_id = ?').pluck();
  const only = scope ? new Set(scope) : undefined;
  let n = 0;
  for (const r of rows) {
    if (only && !only.has(r.id)) continue;
    // Only the entity's own first word is in question (a merged name, `Abe` of Shinzo Abe, stays).
    if (!r.own.startsWith(`${r.key} `)) continue;
    if ((written.get(r.id, r.alias) as number) >= share * (total.get(r.id) as number)) continue;
    n += del.run(r.key, r.id).changes;
  }
  return n;
}

export function saveSuspects(store: Store, suspects: readonly SuspectRow[]): void {
  const db = sqlite(store);
  db.prepare('DELETE FROM entity_suspects').run();
  const insert = db.prepare(
    'INSERT INTO entity_suspects (rank, type, a, b, a_key, b_key, score, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  suspects.forEach((s, i) => insert.run(i + 1, s.type, s.a, s.b, s.aKey, s.bKey, s.score, s.reason));
}

export function loadSuspects(db: Db, limit: number): (SuspectRow & { rank: number })[] {
  return db
    .prepare(
      'SELECT rank, type, a, b, a_key AS aKey, b_key AS bKey, score, reason FROM entity_suspects ORDER BY rank LIMIT ?',
    )
    .all(limit) as (SuspectRow & { rank: number })[];
}

/** Why names are one entity: the links into an entity (by its key) and its own link, if any. */
export function linksOf(
  db: Db,
  type: string,
  key: string,
): { into: (LinkRow & { docsJson: string })[]; docLinks: DocLinkRow[] } {
  const into = db
    .prepare(
      `SELECT type, from_key AS "from", from_name AS fromName, to_key AS "to", to_type AS toType, rule, score, detail, docs AS docsJson
       FROM entity_links WHERE coalesce(to_type, type) = ? AND to_key = ? ORDER BY score DESC, from_key`,
    )
    .all(type, key) as (LinkRow & { docsJson: string })[];
  const docLinks = db
    .prepare(
      `SELECT type, from_key AS "from", doc_id AS doc, to_key AS "to", score, detail FROM entity_doc_links
       WHERE type = ? AND to_key = ? ORDER BY from_key, doc_id`,
    )
    .all(type, key) as DocLinkRow[];
  return { into, docLinks };
}

/** Refresh the per-entity counts and the number of sentences with an entity in them. */
export function refreshEntityStats(
  store: Store,
  scope?: { entities: readonly number[]; docs: readonly number[] },
): void {
  const db = sqlite(store);
  if (scope) {
    // Only the entities whose mentions changed; the sentences with an entity grow by the new documents'.
    const ids = JSON.stringify(scope.entities);
    db.prepare('DELETE FROM entity_stats WHERE entity_id IN (SELECT value FROM json_each(?))').run(ids);
    db.prepare(
      `INSERT INTO entity_stats (entity_id, mentions, documents, sentences)
       SELECT entity_id, count(*), count(DISTINCT doc_id), count(DISTINCT doc_id * 1048576 + sentence)
       FROM mentions WHERE entity_id IN (SELECT value FROM json_each(?)) GROUP BY entity_id`,
    ).run(ids);
    const added = db
      .prepare(
        `SELECT count(*) FROM (SELECT DISTINCT doc_id, sentence FROM mentions
         WHERE doc_id IN (SELECT value FROM json_each(?)) AND entity_id IS NOT NULL)`,
      )
      .pluck()
      .get(JSON.stringify(scope.docs)) as number;
    db.prepare(
      `INSERT INTO corpus_counts (name, value) VALUES ('entity_sentences', ?)
       ON CONFLICT (name) DO UPDATE SET value = value + excluded.value`,
    ).run(added);
    return;
  }
  db.exec(`
    DELETE FROM entity_stats;
    INSERT INTO entity_stats (entity_id, mentions, documents, sentences)
      SELECT entity_id, count(*), count(DISTINCT doc_id), count(DISTINCT doc_id * 1048576 + sentence)
      FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id;
    INSERT OR REPLACE INTO corpus_counts (name, value)
      SELECT 'entity_sentences', count(*) FROM (SELECT DISTINCT doc_id, sentence FROM mentions WHERE entity_id IS NOT NULL);
  `);
}

/** Every mention that has an entity, with the entity (for benchmarks over a whole corpus). */
export function entityMentionRows(
  store: Store,
): { id: number; type: string; name: string; key: string; doc: number }[] {
  const db = sqlite(store);
  return db
    .prepare(
      `SELECT e.id, e.type, e.name, e.key, m.doc_id AS doc FROM mentions m JOIN entities e ON e.id = m.entity_id`,
    )
    .all() as { id: number; type: string; name: string; key: string; doc: number }[];
}

/** Every document's paths. */
export function documentPaths(store: Store): { doc: number; path: string }[] {
  return sqlite(store).prepare('SELECT doc_id AS doc, path FROM paths').all() as { doc: number; path: string }[];
}

/** Written in capitals only with a word of five letters or more: a headline's `ST LOUIS`, not `OPEC`. */
function shouted(text: string): boolean {
  return text === text.toUpperCase() && /\p{Lu}{5}/u.test(text);
}

/** Several words, all in capitals: a dateline's `NEW YORK`, or a table's `AMER ELEC` (written no other way). */
function capitalWords(text: string): boolean {
  return text === text.toUpperCase() && /\p{Lu}\s+\p{Lu}/u.test(text);
}

/**
 * The form a name is shown by: its most frequent written form not shouted in a headline nor in
 * capitals over several words when another is written, ties broken by code point; undefined when
 * every form is shouted (the analyzer's own name then stays, since it already sentence-cases a
 * headline's words).
 */
function bestForm(forms: Map<string, number>): string | undefined {
  const written = [...forms.keys()].some((text) => !shouted(text) && !capitalWords(text));
  let best: string | undefined;
  let most = -1;
  for (const [text, n] of forms) {
    if (shouted(text) || (written && capitalWords(text))) continue;
    if (n > most || (n === most && text < best!)) {
      best = text;
      most = n;
    }
  }
  return best;
}

/**
 * `Latin America's` is how a text names the Americas, not their name: a place's possessive form is
 * passed over when another is written (St. John's, written only so, keeps it).
 */
function unpossessed(type: string, forms: Map<string, number>): Map<string, number> {
  if (type !== 'PLACE' && type !== 'COUNTRY') return forms;
  const kept = new Map([...forms].filter(([text]) => !/['’]s$/.test(text)));
  return kept.size > 0 ? kept : forms;
}

/**
 * Make names and aliases a function of the mentions stored now, not of the order documents came
 * in: an entity was named by the first form an ingest met (`Am International Inc` or `AM
 * International Inc`), and an alias outlived the name it was written for. Each name (type, analyzer
 * key) is shown by its most frequent written form of that key (any form of it when none has the
 * key) not shouted in a headline, ties broken by code point (countries keep the gazetteer's name, a
 * place is not shown by its possessive; a key no form writes is shown by the most frequent name
 * `unwrittenForm` gives its forms, when it gives any); the entity and the link that carry the name
 * take it. Each
 * entity's aliases are then exactly its mentions' forms, its own name and the names merged by hand.
 */
export function settleNamesAndAliases(
  store: Store,
  scope?: readonly number[],
  aliasForm: (type: string, text: string) => string = (_type, text) => text,
  /**
   * The name a written form gives a key no mention writes as such (`Japan Finance Ministry` for the
   * form `Finance Ministry` of `japan finance ministry`), if it gives one.
   */
  unwrittenForm: (type: string, key: string, text: string) => string | undefined = () => undefined,
  /** A place's name as the gazetteer writes it (`Bonn` for `BONN`), if it knows the place. */
  placeName: (text: string) => string | undefined = () => undefined,
  /** The countries the gazetteer knows by other names in other days, and the name of one on a day. */
  countryNames: CountryNamesOfDays = { renamed: [], on: (name) => name },
): { renamed: number; aliasesDropped: number; aliasesAdded: number } {
  const db = sqlite(store);
  const exact = new Map<string, Map<string, number>>();
  const any = new Map<string, Map<string, number>>();
  const keys = new Map<string, string>();
  const keyOf = (text: string) => {
    let k = keys.get(text);
    if (k === undefined) keys.set(text, (k = aliasKey(text)));
    return k;
  };
  const count = (into: Map<string, Map<string, number>>, name: string, text: string, n: number) => {
    let forms = into.get(name);
    if (!forms) into.set(name, (forms = new Map()));
    forms.set(text, (forms.get(text) ?? 0) + n);
  };
  const ids = scope ? scopeHolders(db, scope) : undefined;
  // The mentions' forms, counted (mention_forms), a row at a time.
  const rows = ids
    ? mentionFormsOf(db, ids)
    : (db.prepare('SELECT type, orig_key, text, mentions FROM mention_forms').raw().iterate() as Iterable<
        [string, string, string, number]
      >);
  for (const [type, key, text, n] of rows) {
    const name = `${type}\u0000${key}`;
    count(any, name, text, n);
    if (keyOf(text) === key) count(exact, name, text, n);
  }
  // A country the gazetteer knows keeps the gazetteer's name (Eswatini, however the documents write
  // it). A city or region is named as its documents write it most, like any name: it was named by the
  // first form an ingest met (`Dar-es-Salaam` from an older analysis, `Dar es Salaam` in a fresh one).
  const entityOf = db
    .prepare(
      `SELECT id FROM entities WHERE type = ? AND key = ? AND name != ? AND NOT (type = 'COUNTRY' AND lat IS NOT NULL)`,
    )
    .pluck();
  const renameEntity = db.prepare('UPDATE entities SET name = ? WHERE id = ?');
  const renameLink = db.prepare(
    'UPDATE entity_links SET from_name = ? WHERE type = ? AND from_key = ? AND from_name != ?',
  );
  // A document's statements carry the names of its entities: those of a renamed entity are made again.
  const restate = db.prepare(
    'DELETE FROM statement_docs WHERE doc_id IN (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?)',
  );
  let renamed = 0;
  for (const [name, forms] of any) {
    const split = name.indexOf('\u0000');
    const type = name.slice(0, split);
    const key = name.slice(split + 1);
    const own = exact.get(name);
    let display = own ? bestForm(unpossessed(type, own)) : undefined;
    if (!own) {
      const given = new Map<string, number>();
      for (const [text, n] of forms) {
        const form = unwrittenForm(type, key, text);
        if (form !== undefined) given.set(form, (given.get(form) ?? 0) + n);
      }
      display = bestForm(given) ?? bestForm(forms);
    }
    if (display === undefined) continue;
    // A place written only in capitals (a dateline's `BONN 1996-08-22` in a corpus whose stories
    // seldom name the city) is shown as the gazetteer writes it.
    if ((type === 'PLACE' || type === 'COUNTRY') && display === display.toUpperCase() && /\p{Lu}{4}/u.test(display))
      display = placeName(display) ?? display;
    const id = entityOf.get(type, key, display) as number | undefined;
    if (id !== undefined) {
      renamed += renameEntity.run(display, id).changes;
      restate.run(id);
    }
    renameLink.run(display, type, key, display);
  }
  for (const [id, name] of countryNamesOfTheirDays(db, countryNames, scope ? new Set(ids) : undefined)) {
    renamed += renameEntity.run(name, id).changes;
    restate.run(id);
  }
  // The aliases wanted: each mention's form under its own key, each entity's name under its key.
  const wanted = new Set<string>();
  const alias = (key: string, id: number, text: string) => `${key}\u0000${id}\u0000${text}`;
  const idsJson = ids ? JSON.stringify(ids) : '';
  const entities = (
    ids
      ? db.prepare('SELECT id, key, name FROM entities WHERE id IN (SELECT value FROM json_each(?))').raw().all(idsJson)
      : db.prepare('SELECT id, key, name FROM entities').raw().all()
  ) as [number, string, string][];
  for (const [id, key, name] of entities) wanted.add(alias(key, id, name));
  const written = (
    ids
      ? db
          .prepare(
            'SELECT DISTINCT entity_id, type, text FROM mention_forms WHERE entity_id IN (SELECT value FROM json_each(?))',
          )
          .raw()
          .iterate(idsJson)
      : db.prepare('SELECT DISTINCT entity_id, type, text FROM mention_forms').raw().iterate()
  ) as Iterable<[number, string, string]>;
  // Each form as an alias is given (a person's without the titles before the name).
  for (const [id, type, text] of written) {
    const form = aliasForm(type, text);
    wanted.add(alias(keyOf(form), id, form));
  }
  // Names merged by hand stay findable under the name the user gave.
  const merged = new Set(
    (db.prepare('SELECT from_key, from_name FROM entity_overrides').raw().all() as [string, string][]).map(
      ([k, n]) => `${k}\u0000${n}`,
    ),
  );
  const drop = db.prepare('DELETE FROM aliases WHERE key = ? AND entity_id = ? AND alias = ?');
  let aliasesDropped = 0;
  const aliasRows = (
    ids
      ? db
          .prepare('SELECT key, entity_id, alias FROM aliases WHERE entity_id IN (SELECT value FROM json_each(?))')
          .raw()
          .all(idsJson)
      : db.prepare('SELECT key, entity_id, alias FROM aliases').raw().all()
  ) as [string, number, string][];
  for (const [key, id, text] of aliasRows) {
    const k = alias(key, id, text);
    if (wanted.has(k)) wanted.delete(k);
    else if (!merged.has(`${key}\u0000${text}`)) aliasesDropped += drop.run(key, id, text).changes;
  }
  const insert = db.prepare('INSERT OR IGNORE INTO aliases (key, entity_id, alias) VALUES (?, ?, ?)');
  let aliasesAdded = 0;
  for (const k of wanted) {
    const [key, id, text] = k.split('\u0000');
    aliasesAdded += insert.run(key, Number(id), text).changes;
  }
  return { renamed, aliasesDropped, aliasesAdded };
}

/** Countries renamed in their history (see settleNamesAndAliases): their names of today, and a name on a day. */
export interface CountryNamesOfDays {
  renamed: readonly string[];
  on: (name: string, date: string) => string;
}

/**
 * The renamed countries to show by the name most of their dated documents gave them on their day
 * (`Zaire` in a 1987 archive, `DR Congo` in one of today), as [entity id, name] pairs: the entity
 * keeps its key, so every name finds it. Only those in `scope` when one is given.
 */
function countryNamesOfTheirDays(
  db: Db,
  names: CountryNamesOfDays,
  scope: ReadonlySet<number> | undefined,
): [number, string][] {
  const entity = db.prepare("SELECT id, name FROM entities WHERE type = 'COUNTRY' AND key = ?");
  const dates = db
    .prepare(
      'SELECT date FROM documents WHERE date IS NOT NULL AND id IN (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?)',
    )
    .pluck();
  const renames: [number, string][] = [];
  for (const today of names.renamed) {
    const row = entity.get(aliasKey(today)) as { id: number; name: string } | undefined;
    if (!row || (scope && !scope.has(row.id))) continue;
    const byName = new Map<string, number>();
    for (const date of dates.all(row.id) as string[]) {
      const name = names.on(today, date);
      byName.set(name, (byName.get(name) ?? 0) + 1);
    }
    const [best] = [...byName].sort((a, b) => b[1] - a[1] || (a[0] === today ? -1 : b[0] === today ? 1 : 0));
    const name = best?.[0] ?? today;
    if (name !== row.name) renames.push([row.id, name]);
  }
  return renames;
}

/**
 * The entities whose names and aliases an incremental settle must read: those given, and every
 * other entity that holds mentions of a name they hold (a name decided per document by context
 * has mentions on several), so each name's forms are counted whole.
 */
function scopeHolders(db: Db, scope: readonly number[]): number[] {
  const ids = new Set(scope);
  const docLinked = new Map<string, Set<string>>();
  for (const [type, from, to] of db.prepare('SELECT type, from_key, to_key FROM entity_doc_links').raw().all() as [
    string,
    string,
    string,
  ][]) {
    const k = `${type}\u0000${from}`;
    let set = docLinked.get(k);
    if (!set) docLinked.set(k, (set = new Set()));
    set.add(to);
  }
  if (docLinked.size === 0) return [...ids].sort((a, b) => a - b);
  const linkTo = db.prepare(
    'SELECT coalesce(to_type, type) AS type, to_key AS key FROM entity_links WHERE type = ? AND from_key = ?',
  );
  const entityId = db.prepare('SELECT id FROM entities WHERE type = ? AND key = ?').pluck();
  const namesOf = db.prepare('SELECT DISTINCT type, orig_key FROM mention_forms WHERE entity_id = ?');
  const queue = [...ids];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const { type, orig_key: key } of namesOf.all(id) as { type: string; orig_key: string }[]) {
      const targets = docLinked.get(`${type}\u0000${key}`);
      if (!targets) continue;
      const linked = (linkTo.get(type, key) as { type: string; key: string } | undefined) ?? { type, key };
      for (const [toType, to] of [[linked.type, linked.key], ...[...targets].map((t) => [type, t])]) {
        const holder = entityId.get(toType, to) as number | undefined;
        if (holder !== undefined && !ids.has(holder)) {
          ids.add(holder);
          queue.push(holder);
        }
      }
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/** The (type, analyzer key, written form, mentions) of the mentions on the given entities. */
function* mentionFormsOf(db: Db, ids: readonly number[]): Generator<[string, string, string, number]> {
  const q = db.prepare('SELECT type, orig_key, text, mentions FROM mention_forms WHERE entity_id = ?').raw();
  for (const id of ids) yield* q.iterate(id) as Iterable<[string, string, string, number]>;
}

/** The sum of the mention counters the writer keeps (schema migration 6). */
export function mentionTotal(store: Store): number {
  return (
    (sqlite(store).prepare("SELECT sum(value) FROM totals WHERE name LIKE 'mentions:%'").pluck().get() as
      | number
      | null) ?? 0
  );
}

/** The mention total the last resolution left, if one was recorded. */
export function resolvedMentionTotal(store: Store): number | undefined {
  return corpusCount(store, 'resolved_mentions');
}

export function setResolvedMentionTotal(store: Store, value: number): void {
  setCorpusCount(store, 'resolved_mentions', value);
}

/** The version of the resolution rules that last settled the corpus's entities; undefined before versions were kept. */
export function resolutionRulesVersion(store: Store): number | undefined {
  return corpusCount(store, 'resolution_rules_version');
}

export function setResolutionRulesVersion(store: Store, value: number): void {
  setCorpusCount(store, 'resolution_rules_version', value);
}

/** How many mentions (of any type) the given documents hold. */
export function mentionCountOfDocs(store: Store, docs: readonly number[]): number {
  const q = sqlite(store).prepare('SELECT count(*) FROM mentions WHERE doc_id = ?').pluck();
  let n = 0;
  for (const d of docs) n += q.get(d) as number;
  return n;
}

/** The entities the mentions of the given documents belong to now. */
export function entitiesOfDocs(store: Store, docs: readonly number[]): number[] {
  const q = sqlite(store)
    .prepare('SELECT DISTINCT entity_id FROM mentions WHERE doc_id = ? AND entity_id IS NOT NULL')
    .pluck();
  const out = new Set<number>();
  for (const d of docs) for (const id of q.all(d) as number[]) out.add(id);
  return [...out].sort((a, b) => a - b);
}

/** Forget which documents' evidence was read, so the next resolution reads every document again. */
export function forgetEvidence(store: Store): void {
  sqlite(store).prepare('DELETE FROM evidence_scanned').run();
}

/** The links in force, as `type/from → to (rule)` lines, sorted (to compare two resolutions). */
export function linkLines(store: Store): string[] {
  return (sqlite(store).prepare('SELECT type, from_key, to_key, rule FROM entity_links').raw().all() as string[][])
    .map(([type, from, to, rule]) => `${type}/${from} → ${to} (${rule})`)
    .sort();
}
