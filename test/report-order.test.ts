import { describe, expect, it } from 'vitest';
import { compareDocuments, compareReports, documentHash, documentOrder } from '../src/core/report-order.js';

const doc = (docId: number, externalId: string | null, sha: string) => ({
  docId,
  docOrder: documentOrder(externalId),
  docHash: documentHash(sha),
});

describe('the order of reports, by what documents are', () => {
  it("reads a wire's serial from the document's own id", () => {
    expect(documentOrder('reuters-3464')).toBe(3464);
    // AQUAINT's day and story number: later days and later stories of a day come after.
    expect(documentOrder('APW19980601.0003')).toBeLessThan(documentOrder('APW19980601.0010'));
    expect(documentOrder('APW19980601.0010')).toBeLessThan(documentOrder('APW19980602.0001'));
    // No number, or too long a one to hold exactly: after every numbered document.
    expect(documentOrder(null)).toBe(Number.MAX_SAFE_INTEGER);
    expect(documentOrder('story')).toBe(Number.MAX_SAFE_INTEGER);
    expect(documentOrder('1234567890123456')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('puts documents in one order whatever their row ids', () => {
    const a = doc(9, 'reuters-12', 'ffff00');
    const b = doc(1, 'reuters-40', '0000ff');
    const c = doc(5, null, '00aa00');
    const d = doc(2, null, '00bb00');
    expect([c, b, d, a].sort(compareDocuments).map((x) => x.docId)).toEqual([9, 1, 5, 2]);
    // Row ids swapped between the documents: the same documents in the same order.
    const swapped = [
      { ...a, docId: 2 },
      { ...b, docId: 5 },
      { ...c, docId: 1 },
      { ...d, docId: 9 },
    ];
    expect(swapped.sort(compareDocuments).map((x) => x.docHash)).toEqual([a, b, c, d].map((x) => x.docHash));
  });

  it('quotes a report giving the event its date first, then the earliest, then in document order', () => {
    const report = (docId: number, externalId: string, onDate: boolean, published: string) => ({
      ...doc(docId, externalId, 'abcdef'),
      onDate,
      published,
      sentence: 0,
    });
    const reports = [
      report(1, 'reuters-30', false, '1987-03-01'),
      report(2, 'reuters-20', true, '1987-03-02'),
      report(3, 'reuters-10', true, '1987-03-02'),
      report(4, 'reuters-5', true, '1987-03-03'),
    ];
    expect(reports.sort(compareReports).map((r) => r.docId)).toEqual([3, 2, 4, 1]);
  });
});
