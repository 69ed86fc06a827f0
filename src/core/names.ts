/**
 * Month and weekday names in every spelling the readers, the tokenizer and the date recognizer
 * accept, kept in one place so that `Sept.` means September everywhere.
 */

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** ISO order: Monday first (index 0), as core/calendar.ts counts weekdays. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Month abbreviations written with a full stop (`Sept.`); `Sept` before `Sep` so a regex takes the longer. */
export const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** Month (1–12) by lowercase name or abbreviation (without the dot). */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

/** ISO weekday index (Monday 0) by lowercase name. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(WEEKDAY_NAMES.map((name, i) => [name.toLowerCase(), i]));

/**
 * Regex source (no group, no flags) for a month as wires write it: `Jan`, `January`, `June`, `Sept`,
 * `September`; the trailing dot is the caller's.
 */
export const MONTH_WORD = [
  'Jan(?:uary)?',
  'Feb(?:ruary)?',
  'Mar(?:ch)?',
  'Apr(?:il)?',
  'May',
  'June?',
  'July?',
  'Aug(?:ust)?',
  'Sept?(?:ember)?',
  'Oct(?:ober)?',
  'Nov(?:ember)?',
  'Dec(?:ember)?',
].join('|');

/** Holidays by name (`Christmas Eve`, `New Year's`, `Good Friday`): a regular expression's source, no anchors. */
export const HOLIDAY_PATTERN = String.raw`(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|Monday|week))?|Election\s+Day|Halloween|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Boxing\s+Day|Good\s+Friday|Mother's\s+Day|Father's\s+Day|Presidents'?\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Columbus\s+Day)(?![A-Za-z])`;
