/**
 * The order an event's reports are quoted in: those giving the event's own date first, then the
 * earliest published (undated last), then by document and sentence. The timeline lists reports in
 * this order and the event clusterer keeps the first as the event's lead, so the two agree.
 */
export interface QuotedReport {
  /** The statement gives the event's own date. */
  onDate: boolean;
  published: string | null;
  docId: number;
  sentence: number;
}

export function compareReports(a: QuotedReport, b: QuotedReport): number {
  return (
    Number(b.onDate) - Number(a.onDate) ||
    (a.published ?? '9999').localeCompare(b.published ?? '9999') ||
    a.docId - b.docId ||
    a.sentence - b.sentence
  );
}
