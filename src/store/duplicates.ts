/**
 * Near-duplicate storage: MinHash signatures, LSH band buckets and clusters (see src/dedup/).
 * `clusterOf` / `clusterIds` are what other commands use to count a cluster once.
 */
import { sqlite, type Store } from './db.js';
import { statement } from './statements.js';
import { corpusCount, documentChanges, setCorpusCount } from './counts.js';

export interface PendingDocument {
  id: number;
  sha256: string;
  head: string;
  date: string | null;
}

/** Documents after id `after` whose signature is missing or was made from another body, up to `limit`. */
export function pendingSignatures(store: Store, after: number, limit: number, chars: number): PendingDocument[] {
  const db = sqlite(store);
  return statement(
    db,
    `SELECT d.id AS id, d.sha256 AS sha256, substr(d.body, 1, @chars) AS head, d.date AS date FROM documents d LEFT JOIN doc_minhash m ON m.doc_id = d.id
      WHERE d.id > @after AND (m.doc_id IS NULL OR m.sha256 != d.sha256) ORDER BY d.id LIMIT @limit`,
  ).all({ after, limit, chars }) as PendingDocument[];
}

/** Store a document's signature, replacing its signature and cluster membership (its bands: saveBands). */
export function saveSignature(
  store: Store,
  docId: number,
  sha256: string,
  signature: Buffer | null,
  figures: Buffer | null,
): void {
  const db = sqlite(store);
  statement(db, 'DELETE FROM doc_clusters WHERE doc_id = ?').run(docId);
  statement(db, 'INSERT OR REPLACE INTO doc_minhash (doc_id, sha256, signature, figures) VALUES (?, ?, ?, ?)').run(
    docId,
    sha256,
    signature,
    figures,
  );
}

/** A document's hash in one LSH band. */
export interface BandRow {
  band: number;
  hash: number;
  docId: number;
}

/**
 * File band rows, in key order: rows in random order would dirty a random page of the band index
 * each (16 a document), and once the index outgrows the page cache every insert re-reads and
 * re-writes a page; in key order each page is visited once per call.
 */
export function saveBands(store: Store, rows: BandRow[]): void {
  const insert = statement(sqlite(store), 'INSERT OR IGNORE INTO doc_bands (band, hash, doc_id) VALUES (?, ?, ?)');
  const sorted = [...rows].sort((a, b) => a.band - b.band || a.hash - b.hash || a.docId - b.docId);
  for (const r of sorted) insert.run(r.band, r.hash, r.docId);
}

/** The other documents in each of a document's band buckets (from the index alone), band by band; none where it has no hash. */
export function bandCandidates(store: Store, docId: number, bands: (number | null)[]): number[][] {
  const bucket = statement(
    sqlite(store),
    'SELECT doc_id FROM doc_bands WHERE band = ? AND hash = ? AND doc_id != ?',
  ).pluck();
  return bands.map((hash, band) => (hash === null ? [] : (bucket.all(band, hash, docId) as number[])));
}

/** The first `chars` of a document's body, and its date (null when the document is gone). */
export function documentHead(store: Store, docId: number, chars: number): { head: string; date: string | null } | null {
  return (
    (statement(sqlite(store), 'SELECT substr(body, 1, ?) AS head, date FROM documents WHERE id = ?').get(
      chars,
      docId,
    ) as { head: string; date: string | null } | undefined) ?? null
  );
}

/** Which version of the near-duplicate rules made the stored clusters (null: none recorded). */
export function nearDuplicatesVersion(store: Store): number | null {
  return corpusCount(store, 'near_duplicates_version') ?? null;
}

export function setNearDuplicatesVersion(store: Store, version: number): void {
  setCorpusCount(store, 'near_duplicates_version', version);
}

/**
 * The count of documentChanges at the start of the last pass that signed every document (undefined:
 * none did). Equal to the count now, no document has been written since: none waits for a signature,
 * which otherwise only a read of every document's row can tell (4 s at a million articles).
 */
export function signaturesBuiltAt(store: Store): number | undefined {
  return corpusCount(store, 'signatures_built_at');
}

export function setSignaturesBuiltAt(store: Store, changes: number): void {
  setCorpusCount(store, 'signatures_built_at', changes);
}

/** A document's cluster (its smallest member's id), or null when it is in none. */
export function clusterIdOf(store: Store, docId: number): number | null {
  return (
    (statement(sqlite(store), 'SELECT cluster_id FROM doc_clusters WHERE doc_id = ?').pluck().get(docId) as
      | number
      | undefined) ?? null
  );
}

/** Cluster ids of documents (a document in no cluster is absent). */
export function clusterIds(store: Store, docIds: number[]): Map<number, number> {
  const db = sqlite(store);
  if (docIds.length === 0) return new Map();
  const rows = statement(
    db,
    'SELECT doc_id AS id, cluster_id AS cluster FROM doc_clusters WHERE doc_id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(docIds)) as { id: number; cluster: number }[];
  return new Map(rows.map((r) => [r.id, r.cluster]));
}

/** The member documents of each of these clusters (read from the cluster index, each cluster's rows together). */
export function clusterMembers(store: Store, clusters: number[]): Map<number, number[]> {
  const db = sqlite(store);
  const out = new Map<number, number[]>();
  const rows = statement(
    db,
    'SELECT cluster_id AS cluster, doc_id AS id FROM doc_clusters WHERE cluster_id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(clusters)) as { cluster: number; id: number }[];
  for (const r of rows) {
    const list = out.get(r.cluster);
    if (list) list.push(r.id);
    else out.set(r.cluster, [r.id]);
  }
  return out;
}

/** The documents of a document's near-duplicate cluster (itself included), smallest id first. */
export function clusterOf(store: Store, docId: number): number[] {
  const db = sqlite(store);
  const row = statement(db, 'SELECT cluster_id AS cluster FROM doc_clusters WHERE doc_id = ?').get(docId) as
    | { cluster: number }
    | undefined;
  if (!row) return [docId];
  return (
    statement(db, 'SELECT doc_id AS id FROM doc_clusters WHERE cluster_id = ? ORDER BY doc_id').all(row.cluster) as {
      id: number;
    }[]
  ).map((r) => r.id);
}

/** A document's signature and figures (null when it has none, or its row is gone). */
export function storedSignature(store: Store, docId: number): { signature: Buffer; figures: Buffer | null } | null {
  return (
    (statement(
      sqlite(store),
      'SELECT signature, figures FROM doc_minhash WHERE doc_id = ? AND signature IS NOT NULL',
    ).get(docId) as { signature: Buffer; figures: Buffer | null } | undefined) ?? null
  );
}

/**
 * Put a document, the unclustered documents it is close to, and every member of the given clusters
 * into one cluster named `clusterId` (the smallest id of them all). Only rows whose cluster changes
 * are written: joining a cluster of fifty costs one row, not fifty.
 */
export function joinCluster(store: Store, docIds: number[], clusters: number[], clusterId: number): void {
  const db = sqlite(store);
  const upsert = statement(
    db,
    'INSERT INTO doc_clusters (doc_id, cluster_id) VALUES (?, ?) ON CONFLICT(doc_id) DO UPDATE SET cluster_id = excluded.cluster_id',
  );
  for (const id of docIds) upsert.run(id, clusterId);
  const rename = statement(db, 'UPDATE doc_clusters SET cluster_id = ? WHERE cluster_id = ?');
  for (const cluster of clusters) if (cluster !== clusterId) rename.run(clusterId, cluster);
}

export interface ClusterMember {
  cluster: number;
  id: number;
  date: string | null;
  title: string | null;
  source: string | null;
  path: string | null;
}

/** The clusters a listing shows, and how many there are in all. */
export interface ClusterListing {
  /** Clusters of near-duplicates, and the documents they hold. */
  clusters: number;
  documents: number;
  /** The members of the `limit` largest clusters (largest first, then by cluster id), members by date. */
  members: ClusterMember[];
}

/**
 * The `limit` largest clusters (every one when -1) and their members, with the totals. Sizes come
 * from one pass over the cluster index; only the listed clusters' documents are read. (Reading
 * every member, as before, took 15 s at a million articles, 910,402 documents in 24,458 clusters.)
 */
export function largestClusters(store: Store, limit: number): ClusterListing {
  const { clusters, documents, listed } = clusterSizes(store, limit);
  return { clusters, documents, members: membersOfClusters(store, listed) };
}

/**
 * How many clusters and clustered documents there are, and the ids of the `limit` largest clusters
 * (every one when -1), largest first: one pass over the cluster index, no document read.
 */
export function clusterSizes(store: Store, limit: number): { clusters: number; documents: number; listed: number[] } {
  const sizes = statement(sqlite(store), 'SELECT cluster_id, count(*) FROM doc_clusters GROUP BY cluster_id')
    .raw()
    .all() as [number, number][];
  const documents = sizes.reduce((n, [, size]) => n + size, 0);
  sizes.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const listed = (limit < 0 ? sizes : sizes.slice(0, limit)).map(([cluster]) => cluster);
  return { clusters: sizes.length, documents, listed };
}

/** The members of these clusters, cluster by cluster in the order given, each cluster's by date then id. */
export function membersOfClusters(store: Store, clusters: number[]): ClusterMember[] {
  const order = new Map(clusters.map((cluster, i) => [cluster, i]));
  return (
    statement(
      sqlite(store),
      `SELECT c.cluster_id AS cluster, d.id AS id, d.date AS date, d.title AS title, d.source AS source,
              (SELECT min(path) FROM paths p WHERE p.doc_id = d.id) AS path
         FROM doc_clusters c JOIN documents d ON d.id = c.doc_id
        WHERE c.cluster_id IN (SELECT value FROM json_each(?))
        ORDER BY d.date, d.id`,
    ).all(JSON.stringify(clusters)) as ClusterMember[]
  ).sort((a, b) => order.get(a.cluster)! - order.get(b.cluster)!);
}

/** Documents without a current signature (made at ingest): a database from an older corpus has all. */
export function unsignedCount(store: Store): number {
  const db = sqlite(store);
  if (signaturesBuiltAt(store) === documentChanges(store)) return 0;
  return (
    statement(
      db,
      'SELECT count(*) AS n FROM documents d LEFT JOIN doc_minhash m ON m.doc_id = d.id WHERE m.doc_id IS NULL OR m.sha256 != d.sha256',
    ).get() as {
      n: number;
    }
  ).n;
}

/** Run `write` in one write transaction. */
export function inWriteTransaction<T>(store: Store, write: () => T): T {
  return sqlite(store).transaction(write).immediate();
}

/** Rows in the band index (a test checks that a cluster fills each bucket once). */
export function bandRowCount(store: Store): number {
  return statement(sqlite(store), 'SELECT count(*) FROM doc_bands').pluck().get() as number;
}

/** Forget every signature and cluster (bench:duplicates measures the cost from scratch). */
export function clearNearDuplicates(store: Store): void {
  sqlite(store).exec(
    "DELETE FROM doc_minhash; DELETE FROM doc_bands; DELETE FROM doc_clusters; DELETE FROM corpus_counts WHERE name = 'signatures_built_at';",
  );
}

/** Characters of the first `chars` of every body, read as the detector reads them (a cost baseline). */
export function readBodyHeads(store: Store, chars: number): number {
  let total = 0;
  for (const row of statement(sqlite(store), 'SELECT substr(body, 1, ?) AS b FROM documents').iterate(
    chars,
  ) as Iterable<{ b: string }>)
    total += row.b.length;
  return total;
}

export function clusterStats(store: Store): { docs: number; clusters: number } {
  return statement(
    sqlite(store),
    'SELECT count(*) AS docs, count(DISTINCT cluster_id) AS clusters FROM doc_clusters',
  ).get() as { docs: number; clusters: number };
}

/** The other documents of a document's near-duplicate cluster, oldest first. */
export function nearDuplicatesOf(store: Store, docId: number): Omit<ClusterMember, 'cluster'>[] {
  const members = clusterOf(store, docId).filter((id) => id !== docId);
  if (members.length === 0) return [];
  return statement(
    sqlite(store),
    `SELECT d.id AS id, d.date AS date, d.title AS title, d.source AS source, (SELECT min(path) FROM paths p WHERE p.doc_id = d.id) AS path
       FROM documents d WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY d.date, d.id`,
  ).all(JSON.stringify(members)) as Omit<ClusterMember, 'cluster'>[];
}
