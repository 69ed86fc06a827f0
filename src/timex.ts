/**
 * The days a normalized DATE value covers, so values of any granularity (`2019`, `2019-02`,
 * `2019-W06`, `2019-02-27/2019-02-28`) can be ordered and filtered as day ranges.
 * Vague references (`PRESENT_REF`…) and null cover no fixed days.
 */
export interface DaySpan {
  start: string;
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const day = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function daySpan(value: string | null): DaySpan | null {
  if (!value) return null;
  const slash = value.indexOf('/');
  if (slash > 0) {
    const a = daySpan(value.slice(0, slash));
    const b = daySpan(value.slice(slash + 1));
    return a && b ? { start: a.start, end: b.end } : null;
  }
  let m: RegExpMatchArray | null;
  if ((m = value.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return { start: value, end: value };
  if ((m = value.match(/^(\d{4})-(\d{2})$/))) {
    const last = new Date(Date.UTC(+m[1], +m[2], 0));
    return { start: `${value}-01`, end: day(last) };
  }
  if ((m = value.match(/^(\d{4})-W(\d{2})$/))) {
    // ISO week: week 1 holds January 4th; weeks start on Monday.
    const jan4 = new Date(Date.UTC(+m[1], 0, 4));
    const monday = new Date(jan4);
    monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (+m[2] - 1) * 7);
    const sunday = new Date(monday);
    sunday.setUTCDate(monday.getUTCDate() + 6);
    return { start: day(monday), end: day(sunday) };
  }
  if ((m = value.match(/^(\d{4})-Q([1-4])$/))) {
    const q = +m[2];
    return { start: `${m[1]}-${pad(q * 3 - 2)}-01`, end: day(new Date(Date.UTC(+m[1], q * 3, 0))) };
  }
  if ((m = value.match(/^(\d{4})-(SP|SU|FA|AU|WI)$/))) {
    const y = +m[1];
    const seasons: Record<string, [string, string]> = {
      SP: [`${y}-03-01`, `${y}-05-31`],
      SU: [`${y}-06-01`, `${y}-08-31`],
      FA: [`${y}-09-01`, `${y}-11-30`],
      AU: [`${y}-09-01`, `${y}-11-30`],
      WI: [`${y}-12-01`, day(new Date(Date.UTC(y + 1, 2, 0)))],
    };
    const [start, end] = seasons[m[2]];
    return { start, end };
  }
  if ((m = value.match(/^(\d{4})$/))) return { start: `${value}-01-01`, end: `${value}-12-31` };
  if ((m = value.match(/^(\d{3})$/))) return { start: `${value}0-01-01`, end: `${value}9-12-31` }; // a decade: 199 = the 1990s
  if ((m = value.match(/^(\d{2})$/))) return { start: `${value}00-01-01`, end: `${value}99-12-31` }; // a century
  return null;
}
