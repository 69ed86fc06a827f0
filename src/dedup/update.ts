/**
 * Keeping near-duplicate clusters up to date after an ingest: every document without a current
 * signature gets one, is filed in its LSH band buckets, and joins the cluster of every earlier
 * document whose estimated similarity reaches THRESHOLD and whose figures agree (clusters are connected components, named by
 * their smallest document id). Work is per new document only: a candidate already in a cluster is
 * compared only until one member of that cluster is close (the whole cluster joins either way), and
 * joining writes only the rows whose cluster changes, so a story copied fifty times costs a new copy
 * about what its second copy cost.
 *
 * Documents are read BATCH at a time but written in transactions of TRANSACTION documents: each new
 * document files 16 random band hashes, so a small transaction rewrites most pages of the band index
 * at every commit (at 200k documents, 500-document transactions spent 29% of the step committing).
 */
import type { Store } from '../store/db.js';
import {
  bandCandidates,
  inWriteTransaction,
  joinCluster,
  pendingSignatures,
  saveSignature,
  storedSignature,
} from '../store/duplicates.js';
import {
  bandHashes,
  figures,
  figuresAgree,
  figuresFromBlob,
  fromBlob,
  signature,
  similarity,
  THRESHOLD,
  toBlob,
} from './minhash.js';

/** Characters of a body that are shingled (bounds the cost of one document). */
export const SIGNATURE_CHARS = 30_000;
const BATCH = 500;
const TRANSACTION = 10_000;

export interface DuplicateUpdate {
  signed: number;
  /** Documents that joined a cluster in this update. */
  clustered: number;
}

export function updateNearDuplicates(db: Store): DuplicateUpdate {
  let signed = 0;
  let clustered = 0;
  let after = 0;
  for (let more = true; more; ) {
    inWriteTransaction(db, () => {
      for (let done = 0; done < TRANSACTION; done += BATCH) {
        const pending = pendingSignatures(db, after, BATCH, SIGNATURE_CHARS);
        if (pending.length === 0) {
          more = false;
          return;
        }
        after = pending[pending.length - 1].id;
        for (const doc of pending) {
          signed++;
          if (fileDocument(db, doc.id, doc.sha256, doc.head)) clustered++;
        }
      }
    });
  }
  return { signed, clustered };
}

/** Sign one document and join it to what it is close to; true when it joined a cluster. */
function fileDocument(db: Store, id: number, sha256: string, head: string): boolean {
  const sig = signature(head);
  const bands = sig ? bandHashes(sig) : [];
  const figs = sig ? figures(head) : new Uint32Array(0);
  saveSignature(
    db,
    id,
    sha256,
    sig ? toBlob(sig) : null,
    sig ? Buffer.from(figs.buffer, figs.byteOffset, figs.byteLength) : null,
    bands,
  );
  if (!sig) return false;
  const close = (other: number): boolean => {
    const stored = storedSignature(db, other);
    return (
      stored !== null &&
      similarity(sig, fromBlob(stored.signature)) >= THRESHOLD &&
      figuresAgree(figs, figuresFromBlob(stored.figures))
    );
  };
  const loose: number[] = [];
  const joined = new Set<number>();
  for (const candidate of bandCandidates(db, id, bands)) {
    if (candidate.cluster === null) {
      if (close(candidate.id)) loose.push(candidate.id);
    } else if (!joined.has(candidate.cluster) && close(candidate.id)) {
      joined.add(candidate.cluster);
    }
  }
  if (loose.length === 0 && joined.size === 0) return false;
  const clusters = [...joined];
  joinCluster(db, [id, ...loose], clusters, Math.min(id, ...loose, ...clusters));
  return true;
}
