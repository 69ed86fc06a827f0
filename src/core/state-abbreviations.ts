/**
 * The abbreviations news agencies write for US states (the AP style of datelines: `HOUSTON, Tex.`,
 * `SAN JOSE, Calif.`), by folded key, with the folded name of the state. A corpus of American news
 * names the same state both ways, so without them `Calif` and `California` are two places.
 * Left out: `Wash.` (in news, `Washington` alone is the capital, another place), `La.` (folded, it
 * is `L.A.`, Los Angeles) and the two-letter postal codes that are also other names (`CA` is as often
 * Canada); postal codes that fold to an AP form (`PA`, `NJ`) come with it.
 */
const STATES: Record<string, string> = {
  ala: 'alabama',
  ariz: 'arizona',
  ark: 'arkansas',
  calif: 'california',
  colo: 'colorado',
  conn: 'connecticut',
  del: 'delaware',
  fla: 'florida',
  ga: 'georgia',
  ill: 'illinois',
  ind: 'indiana',
  kan: 'kansas',
  kans: 'kansas',
  ky: 'kentucky',
  md: 'maryland',
  mass: 'massachusetts',
  mich: 'michigan',
  minn: 'minnesota',
  miss: 'mississippi',
  mo: 'missouri',
  mont: 'montana',
  neb: 'nebraska',
  nev: 'nevada',
  nh: 'new hampshire',
  'n h': 'new hampshire',
  nj: 'new jersey',
  'n j': 'new jersey',
  nm: 'new mexico',
  'n m': 'new mexico',
  ny: 'new york',
  'n y': 'new york',
  nc: 'north carolina',
  'n c': 'north carolina',
  nd: 'north dakota',
  'n d': 'north dakota',
  okla: 'oklahoma',
  ore: 'oregon',
  pa: 'pennsylvania',
  penn: 'pennsylvania',
  ri: 'rhode island',
  'r i': 'rhode island',
  sc: 'south carolina',
  's c': 'south carolina',
  sd: 'south dakota',
  's d': 'south dakota',
  tenn: 'tennessee',
  tex: 'texas',
  vt: 'vermont',
  va: 'virginia',
  wva: 'west virginia',
  'w va': 'west virginia',
  wis: 'wisconsin',
  wyo: 'wyoming',
};

/** The folded name of the US state `key` abbreviates (`calif` → `california`), else null. */
export function stateOfAbbreviation(key: string): string | null {
  return Object.hasOwn(STATES, key) ? STATES[key] : null;
}
