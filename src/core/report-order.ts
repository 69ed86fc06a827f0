/**
 * The order an event's reports are quoted in: those giving the event's own date first, then the
 * earliest published (undated last), then in document order (see compareDocuments) and by sentence.
 * The timeline lists reports in this order and the event clusterer keeps the first as the event's
 * lead, so the two agree.
 */
export interface QuotedReport extends OrderedDocument {
  /** The statement gives the event's own date. */
  onDate: boolean;
  published: string | null;
  sentence: number;
}

export function compareReports(a: QuotedReport, b: QuotedReport): number {
  return (
    Number(b.onDate) - Number(a.onDate) ||
    (a.published ?? '9999').localeCompare(b.published ?? '9999') ||
    compareDocuments(a, b) ||
    a.sentence - b.sentence
  );
}

/** A document as the reports of one day are put in order: by what it is, not by its row id. */
export interface OrderedDocument {
  docId: number;
  /** See documentOrder. */
  docOrder: number;
  /** The document's hash read as a number (its first 52 bits): ties of docOrder, the same in any store. */
  docHash: number;
}

/** Documents whose id holds no serial number come after those whose id does. */
const NO_SERIAL = Number.MAX_SAFE_INTEGER;

/**
 * Where a document stands among reports of one day. Row ids follow the order documents were ingested
 * in, so a corpus ingested in two parts, or its files given in another order, would cluster and quote
 * differently from one ingested at once. A wire numbers its stories in the order it sent them
 * (`reuters-3464`, `APW19980601.0003`), and the first report of a story most often tells what
 * happened: the digits of the document's own id, read as one number, when it has from 1 to 15; the
 * hash breaks ties and orders the rest.
 */
export function documentOrder(externalId: string | null): number {
  const digits = externalId?.replace(/\D+/g, '') ?? '';
  return digits.length > 0 && digits.length <= 15 ? Number(digits) : NO_SERIAL;
}

/** A document's hash (hex) as the number that breaks ties of documentOrder. */
export function documentHash(sha256: string): number {
  return Number.parseInt(sha256.slice(0, 13), 16);
}

/** Documents in the order of documentOrder, then their hashes; the row id last (one document). */
export function compareDocuments(a: OrderedDocument, b: OrderedDocument): number {
  return a.docOrder - b.docOrder || a.docHash - b.docHash || a.docId - b.docId;
}
