import { isCorporateSuffix } from './never-entity.js';

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

/**
 * The acronym a company is named by, when its name is that acronym and legal forms only (`FMC Corp`,
 * `CBS Inc.` → FMC, CBS): in its document a bare `FMC` is that company, whatever other name's
 * initials it spells. `EC Commission` is not what `EC` stands for (a noun follows, not a legal form).
 */
export function acronymCompany(name: string): string | null {
  const words = name.split(/\s+/);
  if (words.length < 2 || !words.slice(1).every(isCorporateSuffix)) return null;
  const letters = words[0].replace(/\./g, '');
  return /^\p{Lu}[\p{Lu}&]{1,5}$/u.test(letters) ? letters : null;
}
