/**
 * Keeping near-duplicate clusters up to date after an ingest: every document without a current
 * signature gets one, is filed in its LSH band buckets, and joins the cluster of every earlier
 * document whose estimated similarity reaches THRESHOLD and whose figures agree (clusters are connected components, named by
 * their smallest document id). Work is per new document only, in batches of one transaction each.
 */
import type { Store } from '../store/db.js';
import {
  bandNeighbours,
  clusterIds,
  clusterMembers,
  inWriteTransaction,
  joinCluster,
  pendingSignatures,
  saveSignature,
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

export interface DuplicateUpdate {
  signed: number;
  /** Documents that joined a cluster in this update. */
  clustered: number;
}

export function updateNearDuplicates(db: Store): DuplicateUpdate {
  let signed = 0;
  let clustered = 0;
  for (let after = 0; ; ) {
    const pending = pendingSignatures(db, after, BATCH, SIGNATURE_CHARS);
    if (pending.length === 0) break;
    after = pending[pending.length - 1].id;
    inWriteTransaction(db, () => {
      for (const doc of pending) {
        const sig = signature(doc.head);
        const bands = sig ? bandHashes(sig) : [];
        const figs = sig ? figures(doc.head) : new Uint32Array(0);
        saveSignature(
          db,
          doc.id,
          doc.sha256,
          sig ? toBlob(sig) : null,
          sig ? Buffer.from(figs.buffer, figs.byteOffset, figs.byteLength) : null,
          bands,
        );
        signed++;
        if (!sig) continue;
        const close = bandNeighbours(db, doc.id, bands)
          .filter(
            (n) =>
              similarity(sig, fromBlob(n.signature)) >= THRESHOLD && figuresAgree(figs, figuresFromBlob(n.figures)),
          )
          .map((n) => n.id);
        if (close.length === 0) continue;
        const clusters = [...new Set(clusterIds(db, close).values())];
        const members = [...new Set([doc.id, ...close, ...clusterMembers(db, clusters)])];
        joinCluster(db, members, Math.min(...members));
        clustered++;
      }
    });
  }
  return { signed, clustered };
}
