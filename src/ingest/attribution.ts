/**
 * The text's own attribution: a wire dateline at the start of the story
 * (`SEOUL, Dec 18 (Yonhap) --`, `WASHINGTON (AP) —`, `SALVADOR, Feb 26 -`) and a
 * closing credit (`(Yonhap)`, `(With input from Reuters)`). Readers fall back on
 * these when the file's metadata names no source.
 *
 * An agency merely mentioned in the story ("Yonhap reported") is not the outlet,
 * so only these two positions count.
 */
import { MONTH_WORD } from '../core/names.js';
import { agencyName, signOff } from '../core/agencies.js';

export interface Attribution {
  /** Agency or outlet credited by the dateline or the closing credit. */
  source: string | null;
  /** The dateline as written, without the dash that ends it. */
  dateline: string | null;
}

/** Parenthesised endings that are not credits. */
const NOT_AGENCY = new Set([
  'END',
  'MORE',
  'FILE',
  'PHOTO',
  'PHOTOS',
  'VIDEO',
  'UPDATE',
  'AD',
  'TBA',
  'NB',
  'PS',
  'ENDS',
  'ENDIT',
  'CORRECTED',
]);

/** A case-insensitive spelling of `word` for a regex that is otherwise case-sensitive. */
const anyCase = (word: string): string => word.replace(/[a-z]/gi, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
// Wires write "Feb 26", "FEB 26", "march 4", "Sept. 3".
const MONTH = `(?:${MONTH_WORD.split('|')
  .map((m) => m.replace(/[A-Za-z]+/g, anyCase))
  .join('|')})\\.?`;
// Spaces only, never newlines: a dateline is part of the story's first line.
const CAPS_PLACE = "[A-Z][A-Z'.\\-]*(?: [A-Z][A-Z'.\\-]*){0,3}";
const TITLE_PLACE = "[A-Z][a-z'\\-]+(?: [A-Z][a-z'\\-]+){0,2}";
const REGION = "(?: ?, ?[A-Z][A-Za-z.'\\-]*(?: [A-Z][A-Za-z.'\\-]*){0,2})?";
const DAY = ` ?,? (?:${MONTH} \\d{1,2}|\\d{1,2} ${MONTH})(?:, ?\\d{4})?`;
const AGENCY = " ?\\(([A-Za-z][A-Za-z.&'\\- ]{0,40})\\)";
// AP's wire of the 1990s wrote its dash as a spaced underscore (`NAIROBI, Kenya (AP) _ Police`), at
// times ending the dateline's own line (AQUAINT).
const DASH = ' *(?:-{1,2}|—|–|_(?=\\s|$))';

// An all-caps place may stand alone before the dash ("HANOI - "); a title-case one
// only with a date or an agency, else every "Sources - ..." opening would match.
// The hyphen must be spaced in the bare form, or "U.S.-China talks" would be a dateline.
const DATELINE_RES = [
  new RegExp(`^(${CAPS_PLACE}${REGION})(${DAY})?(?:${AGENCY})?(?=${DASH})`),
  new RegExp(`^(${TITLE_PLACE}${REGION})(${DAY})(?:${AGENCY})?(?=${DASH})`),
  new RegExp(`^(${TITLE_PLACE}${REGION})()${AGENCY}(?=${DASH})`),
];

/** The dateline opening the story at `from` (leading whitespace skipped), if any. */
export function findDateline(body: string, from = 0): Attribution | null {
  const start = body.slice(from, from + 400).replace(/^\s+/, '');
  for (const re of DATELINE_RES) {
    const m = re.exec(start);
    if (!m) continue;
    const [whole, , day, agency] = m;
    const rest = start.slice(whole.length);
    const bare = !day && !agency;
    if (bare && !/^ +(?:-{1,2}|—|–) |^ +_(?:\s|$)|^ *(?:—|–|--) *\S/.test(rest)) continue;
    return { dateline: whole.trim(), source: agency ? (agencyName(agency) ?? cleanAgency(agency)) : null };
  }
  return null;
}

function cleanAgency(raw: string): string | null {
  const s = raw.replace(/\s+/g, ' ').trim();
  if (NOT_AGENCY.has(s.toUpperCase()) || s.split(' ').length > 5) return null;
  return s;
}

const CREDIT_RE =
  /\(\s*(?:with\s+)?(?:additional\s+)?(?:inputs?\s+from|reporting\s+(?:by|from)|(?:compiled|written)\s+(?:by|from)|source:?)\s+([^()]{1,120})\)\s*$/i;
const BARE_CREDIT_RE = /\(\s*([A-Za-z][A-Za-z.&'\- ]{0,40}?)\s*\)\s*$/;

/** The agency a closing credit names (`(Yonhap)`, `(With input from Reuters)`), if any. */
export function findClosingSource(body: string): string | null {
  const tail = body.slice(-400);
  let m = CREDIT_RE.exec(tail);
  if (m) {
    // "(Reporting by Jane Doe; Editing by ...)" names people, not an outlet: only known agencies count.
    for (const part of m[1].split(/\s*(?:[,;&]|\band\b)\s*/i)) {
      const name = agencyName(part);
      if (name) return name;
    }
    return null;
  }
  m = BARE_CREDIT_RE.exec(tail);
  // Only known agencies: tables end in "(UNCH)" or "(NA)" too.
  if (m) return agencyName(m[1]);
  return signOff(tail)?.agency ?? null;
}

/** Dateline and source from the text: the dateline's agency first, else the closing credit. */
export function findAttribution(body: string, contentStart = 0): Attribution {
  const opening = findDateline(body, contentStart);
  return { dateline: opening?.dateline ?? null, source: opening?.source ?? findClosingSource(body) };
}
