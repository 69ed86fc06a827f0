import { countryByName } from './gazetteer.js';
import { canonicalOrgAcronym, nationsGroup } from './ner/orgs.js';

/*
 * Alias resolution a caller can use without the recognizer: no model weights and no natural are
 * loaded here, only the small countries.json, so `corpus search` starts fast.
 */

/** Canonical country for a name, short name or abbreviation a user typed (`DPRK` → `North Korea`), else null. */
export function canonicalCountry(alias: string): string | null {
  const c = countryByName(alias);
  return c?.sovereign ? c.name : null;
}

/** Canonical name of an organisation known by its acronym (`UN` → `United Nations`), else null. */
export function canonicalOrg(alias: string): string | null {
  const s = alias.trim();
  return nationsGroup(s) ?? canonicalOrgAcronym(s) ?? canonicalOrgAcronym(s.toUpperCase());
}

/**
 * The canonical form to search for when a user types `alias`: a country's or a well-known
 * organisation's canonical name when it is one, else the alias as typed (other names are matched
 * by aliasKey).
 */
export function canonicalName(alias: string): string {
  return canonicalCountry(alias) ?? canonicalOrg(alias) ?? alias.trim();
}
