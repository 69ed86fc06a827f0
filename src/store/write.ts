import type { Article, EntityType, Mention, StoredAnalysis } from '../core/types.js';
import { aliasKey } from '../core/alias-key.js';
import { parseDateValue } from '../core/timex.js';
import { packSentences } from './sentences.js';
import { sqlite, type Db, type Store } from './db.js';
import { noteDocumentChange } from './counts.js';
import { indexText, unindexText } from './index-row.js';
import { documentOrder } from '../core/report-order.js';

/** What the store knows about a path before an ingest touches it. */
export interface StoredPath {
  docId: number;
  sha256: string;
  analyzerVersion: string;
}

export interface StoredDocument {
  id: number;
  sha256: string;
  analyzerVersion: string;
}

/** Optional coordinates for a place entity, from the gazetteer. */
export type PlaceLookup = (name: string) => { lat: number; lon: number } | null;

/**
 * Writes documents and their analysis. Statements are prepared once; entity ids are cached for the
 * life of one writer (one ingest), since the same few thousand entities recur in every document.
 * Callers own transactions: every method here is meant to run inside one.
 */
export class StoreWriter {
  private readonly entityIds = new Map<string, number>();
  private readonly keys = new Map<string, string>();
  private readonly aliasesWritten = new Set<string>();
  /** Entities that lost mentions (changed, re-analyzed or deleted documents): their aliases are checked. */
  private readonly touched = new Set<number>();
  private readonly overrides: Map<string, string>;
  private readonly q;
  private readonly db: Db;

  constructor(
    private readonly store: Store,
    private readonly placeLookup: PlaceLookup = () => null,
  ) {
    const db = sqlite(store);
    this.db = db;
    this.q = {
      pathGet: db.prepare(
        'SELECT p.doc_id AS docId, d.sha256 AS sha256, d.analyzer_version AS analyzerVersion FROM paths p JOIN documents d ON d.id = p.doc_id WHERE p.path = ?',
      ),
      docBySha: db.prepare('SELECT id, sha256, analyzer_version AS analyzerVersion FROM documents WHERE sha256 = ?'),
      docCopy: db.prepare('SELECT external_id AS externalId, url, author, format FROM documents WHERE id = ?'),
      docCopySet: db.prepare(
        'UPDATE documents SET external_id = @externalId, url = @url, author = @author, format = @format WHERE id = @id',
      ),
      docInsert: db.prepare(`INSERT INTO documents
        (sha256, title, date, date_source, source, dateline, section, tags, format, body, chars, tokens, sentences, analyzer_version,
         ingested_at, url, external_id, author, story_start)
        VALUES (@sha256, @title, @date, @dateSource, @source, @dateline, @section, @tags, @format, @body, @chars, @tokens, @sentences,
         @analyzerVersion, @ingestedAt, @url, @externalId, @author, @storyStart)`),
      docReanalyzed: db.prepare(
        'UPDATE documents SET date = @date, date_source = @dateSource, tokens = @tokens, sentences = @sentences, analyzer_version = @analyzerVersion WHERE id = @id',
      ),
      docForDelete: db.prepare('SELECT id, title, body, story_start AS storyStart FROM documents WHERE id = ?'),
      docDelete: db.prepare('DELETE FROM documents WHERE id = ?'),
      titleInsert: db.prepare('INSERT INTO titles_fts (rowid, title) VALUES (?, ?)'),
      titleDelete: db.prepare("INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', ?, ?)"),
      pathInsert: db.prepare('INSERT INTO paths (path, doc_id) VALUES (?, ?)'),
      pathMove: db.prepare('UPDATE paths SET doc_id = ? WHERE path = ?'),
      pathDelete: db.prepare('DELETE FROM paths WHERE path = ?'),
      pathsRange: db.prepare('SELECT path FROM paths WHERE path >= ? AND path < ?').pluck(),
      pathsAll: db.prepare('SELECT path FROM paths ORDER BY path').pluck(),
      pathsOfDoc: db.prepare('SELECT count(*) AS n FROM paths WHERE doc_id = ?'),
      entityGet: db.prepare('SELECT id FROM entities WHERE type = ? AND key = ?'),
      entityInsert: db.prepare('INSERT INTO entities (type, name, key, lat, lon) VALUES (?, ?, ?, ?, ?)'),
      aliasInsert: db.prepare('INSERT OR IGNORE INTO aliases (key, entity_id, alias) VALUES (?, ?, ?)'),
      mentionInsert: db.prepare(
        'INSERT INTO mentions (doc_id, type, start, end, text, sentence, entity_id, orig_key, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      eventGet: db.prepare('SELECT id FROM events WHERE key = ?'),
      eventInsert: db.prepare(
        'INSERT INTO events (key, name, date, date_start, date_end, place_id) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      eventMentionInsert: db.prepare(
        'INSERT INTO event_mentions (event_id, doc_id, start, end, sentence) VALUES (?, ?, ?, ?, ?)',
      ),
      participantInsert: db.prepare(
        'INSERT OR IGNORE INTO event_participants (event_id, doc_id, entity_id) VALUES (?, ?, ?)',
      ),
      // type IN (…) lets SQLite probe the (type, key) index four times instead of scanning entities.
      entityByKey: db.prepare(
        `SELECT id FROM entities WHERE type IN ('PLACE', 'COUNTRY', 'PERSON', 'ORG') AND key = ?
         ORDER BY CASE type WHEN 'PLACE' THEN 0 WHEN 'COUNTRY' THEN 1 WHEN 'PERSON' THEN 2 ELSE 3 END LIMIT 1`,
      ),
      entitiesOfDoc: db
        .prepare('SELECT DISTINCT entity_id FROM mentions WHERE doc_id = ? AND entity_id IS NOT NULL')
        .pluck(),
      // An alias stays while a mention of its entity carries it, it is the entity's name, or a merge
      // recorded it. The mentions by written form (mention_forms), not the mentions: an alias no
      // longer written was looked for through all of an entity's mentions (the United States' 75,049
      // at a million articles: 70 ms for seven aliases all still written; for one that is not, 0.3 s
      // warm and 4.6 s cold).
      staleAliases: db.prepare(`DELETE FROM aliases WHERE entity_id = @id
        AND NOT EXISTS (SELECT 1 FROM mention_forms m WHERE m.entity_id = @id AND m.text = aliases.alias)
        AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = @id AND e.key = aliases.key AND e.name = aliases.alias)
        AND NOT EXISTS (SELECT 1 FROM entity_overrides o WHERE o.from_key = aliases.key AND o.from_name = aliases.alias)`),
      clearMentions: db.prepare('DELETE FROM mentions WHERE doc_id = ?'),
      // An entity's documents (schema migration 15), one row per entity and document.
      entityDocSet: db.prepare(
        'INSERT INTO entity_docs (entity_id, doc_id, mentions) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET mentions = excluded.mentions',
      ),
      entityDocDelete: db.prepare('DELETE FROM entity_docs WHERE entity_id = ? AND doc_id = ?'),
      mentionTypesOfDoc: db.prepare('SELECT type, count(*) AS n FROM mentions WHERE doc_id = ? GROUP BY type'),
      addTotal: db.prepare(
        'INSERT INTO totals (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value',
      ),
      clearEventMentions: db.prepare('DELETE FROM event_mentions WHERE doc_id = ?'),
      clearParticipants: db.prepare('DELETE FROM event_participants WHERE doc_id = ?'),
    };
    this.overrides = new Map(
      (
        db.prepare('SELECT type, from_key, to_key FROM entity_overrides').all() as {
          type: string;
          from_key: string;
          to_key: string;
        }[]
      ).map((o) => [`${o.type}\u0000${o.from_key}`, o.to_key]),
    );
  }

  /**
   * Forget cached entity ids and written aliases. Called at the start of every write transaction:
   * another process (a second ingest, an entity merge) may have changed the tables since.
   */
  forgetCaches(): void {
    this.changeNoted = false;
    this.entityIds.clear();
    this.aliasesWritten.clear();
    // Names seen in a long ingest only grow: the keys they fold to are cached a transaction at a time.
    this.keys.clear();
  }

  /** Whether this transaction has counted its change of the documents (see noteDocumentChange). */
  private changeNoted = false;

  private noteChange(): void {
    if (this.changeNoted) return;
    noteDocumentChange(this.store);
    this.changeNoted = true;
  }

  pathInfo(path: string): StoredPath | undefined {
    return this.q.pathGet.get(path) as StoredPath | undefined;
  }

  documentBySha(sha256: string): StoredDocument | undefined {
    return this.q.docBySha.get(sha256) as StoredDocument | undefined;
  }

  /** Insert a new document with its analysis and full-text entry; returns its id. */
  insertDocument(article: Article, sha256: string, analysis: StoredAnalysis): number {
    this.noteChange();
    const info = this.q.docInsert.run({
      sha256,
      title: article.title,
      date: analysis.date,
      dateSource: analysis.dateSource,
      source: article.source,
      dateline: article.dateline,
      section: article.section,
      tags: JSON.stringify(article.tags),
      externalId: article.externalId ?? null,
      format: article.format,
      body: article.body,
      chars: article.body.length,
      tokens: analysis.tokenCount,
      sentences: packSentences(analysis.sentences),
      analyzerVersion: analysis.analyzerVersion,
      ingestedAt: new Date().toISOString(),
      url: article.url ?? null,
      author: article.author ?? null,
      storyStart: article.storyStart ?? 0,
    });
    const id = Number(info.lastInsertRowid);
    indexText(this.db, { id, title: article.title ?? null, body: article.body, storyStart: article.storyStart ?? 0 });
    this.q.titleInsert.run(id, article.title ?? '');
    this.writeAnalysis(id, analysis);
    return id;
  }

  /** Replace the analysis of a stored document (same body, newer analyzer). */
  replaceAnalysis(docId: number, analysis: StoredAnalysis): void {
    this.noteChange();
    this.clearAnalysis(docId);
    this.q.docReanalyzed.run({
      id: docId,
      date: analysis.date,
      dateSource: analysis.dateSource,
      tokens: analysis.tokenCount,
      sentences: packSentences(analysis.sentences),
      analyzerVersion: analysis.analyzerVersion,
    });
    this.writeAnalysis(docId, analysis);
  }

  /**
   * The stored paths under `prefix` (the lines of one JSON Lines file) that `wanted` keeps, read a row
   * at a time: a file of a million articles has a million paths, and an ingest wants the few gone.
   */
  pathsUnder(prefix: string, wanted: (path: string) => boolean = () => true): string[] {
    const out: string[] = [];
    for (const path of this.q.pathsRange.iterate(prefix, `${prefix}\uffff`) as Iterable<string>)
      if (wanted(path)) out.push(path);
    return out;
  }

  allPaths(): string[] {
    return this.q.pathsAll.all() as string[];
  }

  /**
   * Another copy of a stored document (the same body and metadata) keeps what it says outside them
   * (its own id, address, author, format) on the document when it comes first in the order of
   * copies: by the number in its id (a wire's order: see core/report-order.ts documentOrder), then
   * by those fields. Which copy arrived first would otherwise decide, and a corpus ingested in
   * another order would show other ids.
   */
  keepEarliestCopy(docId: number, article: Article): void {
    const copy: DocumentCopy = {
      externalId: article.externalId ?? null,
      url: article.url ?? null,
      author: article.author ?? null,
      format: article.format as string,
    };
    const stored = this.q.docCopy.get(docId) as DocumentCopy | undefined;
    if (!stored || compareCopies(copy, stored) >= 0) return;
    // The document's id orders it among reports (events are clustered again after this ingest).
    this.noteChange();
    this.q.docCopySet.run({ ...copy, id: docId });
  }

  /** Record that `path` carries document `docId`; `known` says whether the path is stored already. */
  linkPath(path: string, docId: number, known: boolean): void {
    // A plain insert or update is several times cheaper than an upsert on the path index.
    if (known) this.q.pathMove.run(docId, path);
    else this.q.pathInsert.run(path, docId);
  }

  /** Forget a path; a document left with no path is deleted with everything hanging off it. */
  unlinkPath(path: string): void {
    const before = this.pathInfo(path);
    this.q.pathDelete.run(path);
    if (before) this.deleteIfOrphan(before.docId);
  }

  deleteIfOrphan(docId: number): boolean {
    const { n } = this.q.pathsOfDoc.get(docId) as { n: number };
    if (n > 0) return false;
    const doc = this.q.docForDelete.get(docId) as
      | { id: number; title: string | null; body: string; storyStart: number }
      | undefined;
    if (!doc) return false;
    this.noteChange();
    unindexText(this.db, doc);
    this.q.titleDelete.run(doc.id, doc.title ?? '');
    this.clearAnalysis(docId);
    this.q.docDelete.run(docId);
    return true;
  }

  /** Drop entities and events that no longer have any mention (after deletes or re-analysis). */
  collectGarbage(): void {
    this.db.exec(`
      DELETE FROM event_participants WHERE event_id NOT IN (SELECT event_id FROM event_mentions);
      DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions);
      DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions WHERE entity_id IS NOT NULL)
        AND id NOT IN (SELECT place_id FROM events WHERE place_id IS NOT NULL)
        AND id NOT IN (SELECT entity_id FROM event_participants);
    `);
    for (const id of this.touched) this.q.staleAliases.run({ id });
    this.touched.clear();
    this.entityIds.clear();
    this.aliasesWritten.clear();
  }

  private clearAnalysis(docId: number): void {
    for (const id of this.q.entitiesOfDoc.all(docId) as number[]) {
      this.touched.add(id);
      this.q.entityDocDelete.run(id, docId);
    }
    this.q.clearParticipants.run(docId);
    this.q.clearEventMentions.run(docId);
    for (const { type, n } of this.q.mentionTypesOfDoc.all(docId) as { type: string; n: number }[])
      this.q.addTotal.run(`mentions:${type}`, -n);
    this.q.clearMentions.run(docId);
  }

  private writeAnalysis(docId: number, analysis: StoredAnalysis): void {
    const own = new Map<string, { rank: number; id: number }>(); // this document's entities by key
    // The mentions:TYPE totals (see schema migration 6), one statement per type and document.
    const byType = new Map<string, number>();
    for (const m of analysis.mentions) byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
    for (const [type, n] of byType) this.q.addTotal.run(`mentions:${type}`, n);
    const perEntity = new Map<number, number>();
    for (const m of analysis.mentions) {
      const id = this.writeMention(docId, m);
      if (id === null) continue;
      perEntity.set(id, (perEntity.get(id) ?? 0) + 1);
      const key = this.key(m.entity!);
      const rank = NAME_TYPES.indexOf(m.type as (typeof NAME_TYPES)[number]);
      const known = own.get(key);
      if (rank >= 0 && (!known || rank < known.rank)) own.set(key, { rank, id });
    }
    for (const [id, n] of perEntity) this.q.entityDocSet.run(id, docId, n);
    const byName = (name: string) => own.get(this.key(name))?.id ?? this.entityIdByName(name);
    for (const event of analysis.events) {
      const placeId = event.place ? byName(event.place) : null;
      const key = [aliasKey(event.name), event.date ?? '', event.place ? aliasKey(event.place) : ''].join('|');
      let eventId = (this.q.eventGet.get(key) as { id: number } | undefined)?.id;
      if (eventId === undefined) {
        const span = parseDateValue(event.date); // the days the timeline places it on
        eventId = Number(
          this.q.eventInsert.run(key, event.name, event.date, span?.start ?? null, span?.end ?? null, placeId)
            .lastInsertRowid,
        );
      }
      event.mentions.forEach(([start, end], i) =>
        this.q.eventMentionInsert.run(eventId, docId, start, end, event.sentences[i] ?? event.sentences[0] ?? 0),
      );
      for (const name of event.participants) {
        const entityId = byName(name);
        if (entityId !== null) this.q.participantInsert.run(eventId, docId, entityId);
      }
    }
  }

  /** Store one mention; returns the id of its entity, if it names one. */
  private writeMention(docId: number, m: Mention): number | null {
    let entityId: number | null = null;
    let origKey: string | null = null;
    if (m.entity && m.type !== 'DATE' && m.type !== 'EVENT') {
      origKey = this.key(m.entity);
      entityId = this.entityId(m.type, m.entity, origKey);
      // The same few thousand surface forms recur in every document: insert each alias once per writer.
      // As the name is shown: one space where the text broke a line inside it (`Bank\nof England`).
      const shown = m.text.replace(/\s+/g, ' ');
      const alias = `${entityId}\u0000${shown}`;
      if (!this.aliasesWritten.has(alias)) {
        this.aliasesWritten.add(alias);
        this.q.aliasInsert.run(this.key(shown), entityId, shown);
      }
    }
    this.q.mentionInsert.run(docId, m.type, m.start, m.end, m.text, m.sentence, entityId, origKey, m.value);
    return entityId;
  }

  private key(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = aliasKey(name);
      this.keys.set(name, key);
    }
    return key;
  }

  /** The id of the entity (type, name), created on first sight; user merges redirect the key. */
  private entityId(type: EntityType, name: string, key: string): number {
    const target = this.overrides.get(`${type}\u0000${key}`) ?? key;
    const cacheKey = `${type}\u0000${target}`;
    const cached = this.entityIds.get(cacheKey);
    if (cached !== undefined) return cached;
    let id = (this.q.entityGet.get(type, target) as { id: number } | undefined)?.id;
    if (id === undefined) {
      const coords = type === 'PLACE' || type === 'COUNTRY' ? this.placeLookup(name) : null;
      id = Number(
        this.q.entityInsert.run(type, name, target, coords?.lat ?? null, coords?.lon ?? null).lastInsertRowid,
      );
      this.q.aliasInsert.run(target, id, name);
    }
    this.entityIds.set(cacheKey, id);
    return id;
  }

  /**
   * Events name their place and participants by canonical name. The document's own entities are
   * asked first (writeAnalysis); a name it does not mention (a group such as "the two Koreas") is
   * looked up in the store, by type priority. Never from a per-process cache: what a run happened
   * to see before must not decide which entity a name resolves to.
   */
  private entityIdByName(name: string): number | null {
    const row = this.q.entityByKey.get(this.key(name)) as { id: number } | undefined;
    return row?.id ?? null;
  }
}

/** Entity types an event's place or participant may be, most place-like first. */
const NAME_TYPES = ['PLACE', 'COUNTRY', 'PERSON', 'ORG'] as const;

interface DocumentCopy {
  externalId: string | null;
  url: string | null;
  author: string | null;
  format: string;
}

/** The order of copies of one document (see StoreWriter.keepEarliestCopy). */
function compareCopies(a: DocumentCopy, b: DocumentCopy): number {
  const text = (x: string | null, y: string | null) => ((x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0);
  return (
    documentOrder(a.externalId) - documentOrder(b.externalId) ||
    text(a.externalId, b.externalId) ||
    text(a.url, b.url) ||
    text(a.author, b.author) ||
    text(a.format, b.format)
  );
}
