/**
 * Acronyms of the intergovernmental organisations news refers to by acronym alone. The data
 * packages we use carry no organisations, so this is a small hand-kept supplement: only bodies
 * whose acronym is unambiguous in English news. Other acronyms resolve within their document
 * (`International Atomic Energy Agency … IAEA`), see entities.ts.
 */
export const ORG_ACRONYMS: Readonly<Record<string, string>> = {
  UN: 'United Nations',
  'U.N.': 'United Nations',
  EU: 'European Union',
  'E.U.': 'European Union',
  NATO: 'NATO',
  IMF: 'International Monetary Fund',
  WTO: 'World Trade Organization',
  OPEC: 'OPEC',
  WHO: 'World Health Organization',
  IAEA: 'International Atomic Energy Agency',
  ASEAN: 'ASEAN',
  OECD: 'OECD',
  GATT: 'General Agreement on Tariffs and Trade',
  UNESCO: 'UNESCO',
  UNICEF: 'UNICEF',
};

/** Canonical name of an organisation known by its acronym (`UN` → `United Nations`), else null. */
export function canonicalOrgAcronym(s: string): string | null {
  return ORG_ACRONYMS[s] ?? null;
}
