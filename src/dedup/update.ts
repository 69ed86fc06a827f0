/**
 * Keeping near-duplicate clusters up to date after an ingest: every document without a current
 * signature gets one, is filed in its LSH band buckets, and joins the cluster of every earlier
 * document whose estimated similarity reaches THRESHOLD and whose figures agree, or that it begins
 * like and is all but inside of or holds all but whole (a first take and its story: minhash.ts,
 * LEAD_WORDS) within COPY_DAYS of it. Clusters are connected components, named by their smallest
 * document id. Work is per new document only: a candidate already in a cluster is
 * compared only until one member of that cluster is close (the whole cluster joins either way), and
 * joining writes only the rows whose cluster changes, so a story copied fifty times costs a new copy
 * about what its second copy cost.
 *
 * Documents are read BATCH at a time but written in transactions of TRANSACTION documents: each new
 * document files up to 17 random band hashes (16 MinHash bands and its lead), so a small transaction
 * rewrites most pages of the band index at every commit (at 200k documents, 500-document transactions
 * spent 29% of the step committing). A transaction's band rows are filed together, in key order,
 * when it ends.
 */
import { minOf } from '../core/extremes.js';
import type { Store } from '../store/db.js';
import { daysBetween } from '../core/days.js';
import {
  type BandRow,
  type PendingDocument,
  bandCandidates,
  clearNearDuplicates,
  clusterIdOf,
  clusterOf as clusterMembers,
  documentHead,
  inWriteTransaction,
  joinCluster,
  nearDuplicatesVersion,
  pendingSignatures,
  saveBands,
  saveSignature,
  setNearDuplicatesVersion,
  setSignaturesBuiltAt,
  signaturesBuiltAt,
  storedSignature,
} from '../store/duplicates.js';
import { documentChanges } from '../store/counts.js';
import {
  bandHashes,
  COPY_DAYS,
  contained,
  figures,
  figuresAgree,
  figuresContained,
  figuresFromBlob,
  fromBlob,
  LEAD_BAND,
  leadHash,
  signatureOf,
  similarity,
  words,
  THRESHOLD,
  toBlob,
} from './minhash.js';

/**
 * The rules the stored clusters were made by; a database clustered by other rules is clustered
 * again from scratch at its next ingest, so it holds what one ingest of its documents gives.
 * 2: a first take inside the whole story (minhash.ts, LEAD_WORDS).
 */
export const NEAR_DUPLICATES_VERSION = 2;

/** Characters of a body that are shingled (bounds the cost of one document). */
export const SIGNATURE_CHARS = 30_000;
const BATCH = 500;
const TRANSACTION = 10_000;
/** Members of a cluster tried beyond those met in the buckets (the newest). */
const MORE_MEMBERS = 8;

export interface DuplicateUpdate {
  signed: number;
  /** Documents that joined a cluster in this update. */
  clustered: number;
}

/**
 * The band rows of a transaction's documents, filed in key order when it commits (saveBands) and
 * meanwhile looked up here, so a copy meets an original signed earlier in the same transaction.
 */
class PendingBands {
  // Keyed band × 2^32 + hash: a number, not a string, per lookup.
  private readonly buckets = new Map<number, number[]>();
  readonly rows: BandRow[] = [];
  /** File a document's band hashes (null: a band it is not filed in). */
  add(docId: number, bands: (number | null)[]): void {
    bands.forEach((hash, band) => {
      if (hash === null) return;
      const key = band * 2 ** 32 + hash;
      const ids = this.buckets.get(key);
      if (ids) ids.push(docId);
      else this.buckets.set(key, [docId]);
      this.rows.push({ band, hash, docId });
    });
  }
  /** Adds this transaction's documents in each band bucket to `found` (band by band). */
  candidates(bands: (number | null)[], found: number[][]): void {
    bands.forEach((hash, band) => {
      if (hash === null) return;
      for (const id of this.buckets.get(band * 2 ** 32 + hash) ?? []) found[band].push(id);
    });
  }
}

export function updateNearDuplicates(db: Store): DuplicateUpdate {
  if (nearDuplicatesVersion(db) !== NEAR_DUPLICATES_VERSION) {
    inWriteTransaction(db, () => {
      clearNearDuplicates(db);
      setNearDuplicatesVersion(db, NEAR_DUPLICATES_VERSION);
    });
  }
  // No document written since a pass signed them all: nothing to look for (finding that out reads
  // every document's row, 4 s at a million articles, at every ingest of nothing new). A document
  // written while this pass runs moves the count on, so the next pass looks again.
  const changes = documentChanges(db);
  if (signaturesBuiltAt(db) === changes) return { signed: 0, clustered: 0 };
  let signed = 0;
  let clustered = 0;
  let after = 0;
  for (let more = true; more; ) {
    inWriteTransaction(db, () => {
      const pending = new PendingBands();
      for (let done = 0; done < TRANSACTION; done += BATCH) {
        const docs = pendingSignatures(db, after, BATCH, SIGNATURE_CHARS);
        if (docs.length === 0) {
          more = false;
          break;
        }
        after = docs[docs.length - 1].id;
        for (const doc of docs) {
          signed++;
          if (fileDocument(db, doc, pending)) clustered++;
        }
      }
      saveBands(db, pending.rows);
      if (!more) setSignaturesBuiltAt(db, changes);
    });
  }
  return { signed, clustered };
}

/**
 * Sign one document and join it to what it is close to; true when it joined a cluster.
 *
 * A bucket needs one member of a cluster, not all: a document is not filed in a band bucket that
 * already holds a document of the cluster it joined (a later copy meets the cluster there, and is
 * compared with every member it meets until one is close). Otherwise a story copied fifty times
 * fills each of its buckets with fifty documents, and every later copy reads them all.
 */
function fileDocument(db: Store, doc: PendingDocument, pending: PendingBands): boolean {
  const { id, sha256, head } = doc;
  const w = words(head);
  const sig = signatureOf(w);
  const bands: (number | null)[] = sig ? [...bandHashes(sig), leadHash(w)] : [];
  const figs = sig ? figures(head) : new Uint32Array(0);
  saveSignature(
    db,
    id,
    sha256,
    sig ? toBlob(sig) : null,
    sig ? Buffer.from(figs.buffer, figs.byteOffset, figs.byteLength) : null,
  );
  if (!sig) return false;
  const buckets = bandCandidates(db, id, bands);
  pending.candidates(bands, buckets);
  const sameLead = new Set(buckets[LEAD_BAND] ?? []);
  const close = (other: number): boolean => {
    const stored = storedSignature(db, other);
    if (stored === null) return false;
    const otherFigures = figuresFromBlob(stored.figures);
    if (similarity(sig, fromBlob(stored.signature)) >= THRESHOLD && figuresAgree(figs, otherFigures)) return true;
    // A first take and the whole story (see minhash.ts, LEAD_WORDS), out within days of each other.
    if (!sameLead.has(other) || !figuresContained(figs, otherFigures)) return false;
    const theirs = documentHead(db, other, SIGNATURE_CHARS);
    if (theirs === null) return false;
    if (doc.date && theirs.date && Math.abs(daysBetween(doc.date.slice(0, 10), theirs.date.slice(0, 10))) > COPY_DAYS)
      return false;
    return contained(w, words(theirs.head));
  };
  const clusterOf = new Map<number, number | null>();
  for (const ids of buckets) for (const other of ids) if (!clusterOf.has(other)) clusterOf.set(other, null);
  const loose = new Set<number>();
  const joined = new Set<number>();
  for (const other of [...clusterOf.keys()].sort((a, b) => a - b)) {
    const cluster = clusterIdOf(db, other);
    clusterOf.set(other, cluster);
    if (cluster === null) {
      if (close(other)) loose.add(other);
    } else if (!joined.has(cluster) && close(other)) {
      joined.add(cluster);
    }
  }
  // A cluster met only through members that are not close may hold one that is, filed in none of
  // these buckets (see above): a few more of its members are tried.
  const tried = new Map<number, number>();
  for (const [other, cluster] of clusterOf) if (cluster !== null && !joined.has(cluster)) tried.set(cluster, other);
  for (const cluster of tried.keys()) {
    const others = clusterMembers(db, cluster).filter((m) => m !== id && !clusterOf.has(m));
    if (others.slice(-MORE_MEMBERS).some(close)) joined.add(cluster);
  }
  const together = (other: number) => {
    const cluster = clusterOf.get(other);
    return loose.has(other) || (cluster !== null && cluster !== undefined && joined.has(cluster));
  };
  pending.add(
    id,
    bands.map((hash, band) => (hash === null || buckets[band].some(together) ? null : hash)),
  );
  if (loose.size === 0 && joined.size === 0) return false;
  const clusters = [...joined];
  joinCluster(db, [id, ...loose], clusters, minOf([id, ...loose, ...clusters]));
  return true;
}
