import type { DateSource } from '../core/types.js';

/** Where a publication date was found, as a reader is told it (the JSON keeps the spec's names). */
const SAID: Record<Exclude<DateSource, null>, string> = {
  header: 'from its header',
  frontmatter: 'from its front matter',
  // A record's own date field: JSON, CSV, feeds, newswire SGML (`json` in the spec's names).
  json: "from its record's date",
  filename: 'from its file name',
  flag: 'given with --date',
  inferred: 'inferred from its text',
};

/** A date with where it came from: `1987-06-02 (from its record's date)`. */
export function datedFrom(date: string, source: string | null): string {
  const said = source === null ? null : (SAID[source as Exclude<DateSource, null>] ?? source);
  return said ? `${date} (${said})` : date;
}
