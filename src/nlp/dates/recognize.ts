import type { DateCandidate, DateExpression, Relation } from './expression.js';
import { NUMBER_WORDS, ORDINALS, SEASONS } from './lexicon.js';
import {
  HOLIDAY_PATTERN,
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  MONTHS,
  WEEKDAY_NAMES,
  WEEKDAYS,
} from '../../core/names.js';
import { daysInMonth } from '../../core/calendar.js';

/**
 * Finds time expressions with a hand-written grammar: one cheap scan for trigger words (month and
 * weekday names, digits, deictic words), then a few anchored (sticky) patterns tried at each trigger.
 * A general parser such as chrono-node runs dozens of patterns over every sentence and gives no
 * granularity (`last year` → one day), so spans and granularity are decided here instead.
 */

const MONTH_NAME = String.raw`(?:${[...MONTH_NAMES, ...MONTH_ABBREVIATIONS.map((a) => String.raw`${a}\.?`)].join('|')})(?![A-Za-z])`;
const FULL_MONTH = String.raw`(?:${MONTH_NAMES.join('|')})(?![A-Za-z])`;
const WEEKDAY = String.raw`(?:${WEEKDAY_NAMES.join('|')})(?![A-Za-z])`;
const DAY = String.raw`[0-3]?\d(?:st|nd|rd|th)?(?![\dA-Za-z]|[:.]\d)`;
const YEAR = String.raw`(?:1[6-9]\d\d|20\d\d)(?![\d:])`;
const RANGE_SEP = String.raw`\s*(?:-|–|—|and|&|to|through|thru|till|until)\s*`;
const NUMBER = String.raw`(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+couple\s+of|a\s+few|several|few)`;
const ANAPHOR_UNIT = String.raw`(day|morning|afternoon|evening|night|week|month|year)(?![A-Za-z-])`;

const sticky = (source: string, flags = ''): RegExp => new RegExp(source, `y${flags}`);

/** Words that qualify an amount of time (`almost two weeks`, `more than a year`). */
const AMOUNT_MODIFIERS = ['almost', 'nearly', 'about', 'some', 'more', 'over', 'roughly', 'around', 'less'];

/** Words (lowercase) at which an expression may start. */
const TRIGGER_WORDS = [
  ...MONTHS.keys(),
  ...WEEKDAYS.keys(),
  ...SEASONS.keys(),
  ...ORDINALS.keys(),
  ...[...NUMBER_WORDS.keys()].filter(
    (w) => w !== 'a' && w !== 'an' && w !== 'couple' && w !== 'few' && w !== 'hundred',
  ),
  'yesterday',
  'today',
  'tomorrow',
  'tonight',
  'now',
  'currently',
  'nowadays',
  'future',
  'last',
  'next',
  'this',
  'early',
  'earlier',
  'late',
  'later',
  'mid',
  'the',
  'a',
  'an',
  'several',
  'few',
  ...AMOUNT_MODIFIERS,
  'christmas',
  'new',
  'thanksgiving',
  'easter',
  'election',
  'halloween',
  'valentine',
  'labor',
  'memorial',
  'veterans',
  'boxing',
  'good',
  'mother',
  'father',
  'presidents',
  'martin',
  'columbus',
  'that',
  'fiscal',
  'pre',
  'post',
].sort((a, b) => b.length - a.length);

const TRIGGER = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’])(?:${TRIGGER_WORDS.join('|')})(?![\p{L}])|(?<![\p{L}\p{N},.$£€/-])\d`,
  'giu',
);

type Build = (m: RegExpExecArray, text: string) => DateExpression | null;
interface Rule {
  re: RegExp;
  build: Build;
  /** Characters of the match that belong to the expression's text, counted from its start (default all). */
  skipLead?: (m: RegExpExecArray) => number;
}

const monthOf = (word: string): number => MONTHS.get(word.toLowerCase().replace(/\.$/, '')) ?? 0;
const weekdayOf = (word: string): number => WEEKDAYS.get(word.toLowerCase()) ?? -1;
const dayOf = (s: string): number => parseInt(s, 10);
const relOf = (s: string): Relation => s.toLowerCase() as Relation;

function monthDay(
  month: number,
  day: number,
  year: number | undefined,
  month2?: number,
  day2?: number,
): DateExpression | null {
  const checkYear = year ?? 2000; // a leap year, so that `Feb. 29` without a year is accepted
  if (!month || day < 1 || day > daysInMonth(checkYear, month)) return null;
  if (day2 !== undefined) {
    const m2 = month2 ?? month;
    if (!m2 || day2 < 1 || day2 > daysInMonth(checkYear, m2)) return null;
    if (m2 === month && day2 <= day) return null;
    return { kind: 'monthDay', month, day, month2: m2, day2, year };
  }
  return { kind: 'monthDay', month, day, year };
}

function numberOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return parseInt(w, 10);
  if (w === 'a hundred') return 100;
  if (w === 'a couple of' || w === 'a few' || w === 'several' || w === 'few') return null;
  return NUMBER_WORDS.get(w) ?? null;
}

const UNIT_OF: Record<string, 'day' | 'week' | 'month' | 'year' | 'decade'> = {
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decade',
  decades: 'decade',
};

function agoExpression(amount: string, unitWord: string): DateExpression | null {
  const n = numberOf(amount);
  const unit = UNIT_OF[unitWord.toLowerCase()];
  if (!unit) return null;
  if (n === null) return { kind: 'ref', value: 'PAST_REF' };
  if (unit === 'decade') return { kind: 'offset', unit: 'year', offset: -10 * n };
  return { kind: 'offset', unit, offset: -n };
}

/** `morning`, `night` date like `day` (the day they are part of). */
function anaphor(unitWord: string, offset: number): DateExpression {
  const w = unitWord.toLowerCase();
  const unit = w === 'week' || w === 'month' || w === 'year' ? w : 'day';
  return { kind: 'anaphor', unit, offset };
}

/** `two weeks earlier`, `a year later`: counted from the date named before (decades as years). */
function shiftExpression(amount: string, unitWord: string, direction: string): DateExpression | null {
  const n = numberOf(amount);
  const unit = UNIT_OF[unitWord.toLowerCase()];
  if (n === null || !unit) return null;
  const sign = /^(?:earlier|before)$/i.test(direction) ? -1 : 1;
  return unit === 'decade'
    ? { kind: 'anaphor', unit: 'year', offset: sign * 10 * n }
    : { kind: 'anaphor', unit, offset: sign * n };
}

function decadeValue(digits: string): string {
  return `${digits.slice(0, 3)}X`;
}

// ---- rules, grouped by the kind of word they start with ----

const MONTH_RULES: Rule[] = [
  {
    // `February 27 and 28`, `Feb. 27-March 1, 2019`
    re: sticky(String.raw`(${MONTH_NAME})\s*(${DAY})${RANGE_SEP}(?:(${MONTH_NAME})\s*)?(${DAY})(?:,?\s+(${YEAR}))?`),
    build: (m) =>
      monthDay(monthOf(m[1]), dayOf(m[2]), m[5] ? +m[5] : undefined, m[3] ? monthOf(m[3]) : undefined, dayOf(m[4])),
  },
  {
    // `Feb. 14, 2019`, `Dec 18`
    re: sticky(String.raw`(${MONTH_NAME})\s*(${DAY})(?:,?\s+(${YEAR}))?`),
    build: (m) => monthDay(monthOf(m[1]), dayOf(m[2]), m[3] ? +m[3] : undefined),
  },
  {
    // `April next year`, `early October this year`
    re: sticky(String.raw`(${MONTH_NAME})\s+(last|this|next)\s+year(?![A-Za-z])`),
    build: (m) => ({ kind: 'month', month: monthOf(m[1]), yearOffset: { last: -1, this: 0, next: 1 }[relOf(m[2])] }),
  },
  {
    // `June 2018`, `January of 1998`
    re: sticky(String.raw`(${MONTH_NAME})(?:\s*,\s*|\s+of\s+|\s+)(${YEAR})`),
    build: (m) => ({ kind: 'month', month: monthOf(m[1]), year: +m[2] }),
  },
  {
    // a bare month: `in June`; abbreviations only with their dot (`Mar` and `Jun` are also names)
    re: sticky(String.raw`(${FULL_MONTH}|(?:${MONTH_ABBREVIATIONS.join('|')})\.)`),
    build: (m, text) => (plausibleBareMonth(text, m.index, m[0]) ? { kind: 'month', month: monthOf(m[1]) } : null),
  },
];

const WEEKDAY_RULES: Rule[] = [
  {
    // `Monday, Oct. 26`, `Friday, Oct. 23, 1998`
    re: sticky(String.raw`(${WEEKDAY}),?\s+(${MONTH_NAME})\s*(${DAY})(?:,?\s+(${YEAR}))?`),
    build: (m) => monthDay(monthOf(m[2]), dayOf(m[3]), m[4] ? +m[4] : undefined),
  },
  {
    // `Thursday, 14 February 2019`
    re: sticky(String.raw`(${WEEKDAY}),?\s+(?:the\s+)?(${DAY})\s+(?:of\s+)?(${MONTH_NAME})(?:,?\s+(${YEAR}))?`),
    build: (m) => monthDay(monthOf(m[3]), dayOf(m[2]), m[4] ? +m[4] : undefined),
  },
  {
    // `Wednesday till Saturday`
    re: sticky(String.raw`(${WEEKDAY})\s*(?:-|–|to|till|until|through|thru)\s*(${WEEKDAY})`),
    build: (m) => ({ kind: 'weekday', weekday: weekdayOf(m[1]), weekday2: weekdayOf(m[2]) }),
  },
  {
    re: sticky(String.raw`(${WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?`),
    build: (m) => ({ kind: 'weekday', weekday: weekdayOf(m[1]) }),
  },
];

const AGO_RULE: Rule = {
  re: sticky(String.raw`(${NUMBER})[\s-]+(days?|weeks?|months?|years?|decades?)\s+ago(?![A-Za-z])`, 'i'),
  build: (m) => agoExpression(m[1], m[2]),
};

const SHIFT_RULE: Rule = {
  // Only before punctuation: `two days later, …`; `a year earlier than planned` compares instead.
  re: sticky(
    String.raw`(${NUMBER})[\s-]+(days?|weeks?|months?|years?|decades?)\s+(earlier|later)(?=\s*[,.;:)'"”’]|\s*$)`,
    'i',
  ),
  build: (m) => shiftExpression(m[1], m[2], m[3]),
};

const DIGIT_RULES: Rule[] = [
  {
    // ISO `2018-12-18` (also with slashes)
    re: sticky(String.raw`(${YEAR})([-/])(\d{1,2})\2(\d{1,2})(?![\d])`),
    build: (m) => {
      const e = monthDay(+m[3], +m[4], +m[1]);
      return e ? { kind: 'absolute', value: `${m[1]}-${m[3].padStart(2, '0')}-${m[4].padStart(2, '0')}` } : null;
    },
  },
  {
    // US `12/18/2018`
    re: sticky(String.raw`(\d{1,2})/(\d{1,2})/(${YEAR})`),
    build: (m) => monthDay(+m[1], +m[2], +m[3]),
  },
  {
    // `27-28 February 2019`
    re: sticky(String.raw`(${DAY})${RANGE_SEP}(${DAY})\s+(?:of\s+)?(${MONTH_NAME})(?:,?\s+(${YEAR}))?`),
    build: (m) => monthDay(monthOf(m[3]), dayOf(m[1]), m[4] ? +m[4] : undefined, undefined, dayOf(m[2])),
  },
  {
    // `27 February 2019`, `14th of February`
    re: sticky(String.raw`(${DAY})\s+(?:of\s+)?(${MONTH_NAME})(?:,?\s+(${YEAR}))?`),
    build: (m) => monthDay(monthOf(m[2]), dayOf(m[1]), m[3] ? +m[3] : undefined),
  },
  {
    // `the 1990s`, `1990's`
    re: sticky(String.raw`(1[6-9]\d0|20\d0)'?s(?![A-Za-z])`),
    build: (m) => ({ kind: 'absolute', value: decadeValue(m[1]) }),
  },
  AGO_RULE,
  SHIFT_RULE,
  {
    re: sticky(`(${YEAR})`),
    build: (m, text) =>
      plausibleYear(text, m.index, m.index + m[0].length) ? { kind: 'absolute', value: m[1] } : null,
  },
];

const APOSTROPHE_RULES: Rule[] = [
  {
    re: sticky(String.raw`'([0-9]0)s(?![A-Za-z])`),
    build: (m) => ({ kind: 'absolute', value: decadeValue(`19${m[1]}`) }),
  },
];

const NUMBER_WORD_RULES: Rule[] = [AGO_RULE, SHIFT_RULE];

const DEICTIC_RULES: Rule[] = [
  {
    re: sticky(
      String.raw`(yesterday|today|tomorrow|tonight)(?:\s+(?:morning|afternoon|evening|night))?(?![A-Za-z])`,
      'i',
    ),
    build: (m) => {
      const w = m[1].toLowerCase();
      return { kind: 'offset', unit: 'day', offset: w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0 };
    },
  },
  {
    re: sticky(String.raw`(?:now|currently|nowadays)(?![A-Za-z-])`, 'i'),
    build: () => ({ kind: 'ref', value: 'PRESENT_REF' }),
  },
  // TimeML tags `future` even as a modifier (`future medical disasters`); `recently` and `the past`
  // are left out because the TempEval annotators did not tag them (0 of 9 in AQUAINT).
  { re: sticky(String.raw`future(?![A-Za-z])`, 'i'), build: () => ({ kind: 'ref', value: 'FUTURE_REF' }) },
];

const RELATION_RULES: Rule[] = [
  {
    re: sticky(String.raw`(last|next|this)\s+(week|month|year|weekend)(?![A-Za-z])`, 'i'),
    build: (m) => {
      const unit = m[2].toLowerCase() as 'week' | 'weekend' | 'month' | 'year';
      return { kind: 'offset', unit, offset: { last: -1, this: 0, next: 1 }[relOf(m[1])] };
    },
  },
  {
    re: sticky(String.raw`(last|next|this)\s+(${FULL_MONTH})`, 'i'),
    // Wire copy types a month in lower case now and then (`the prices agreed to last december`); not
    // one that is also a word (`this may`, `last march`, `august`).
    build: (m) =>
      /^[A-Z]/.test(m[2]) || !/^(?:may|march|august)$/i.test(m[2])
        ? { kind: 'month', month: monthOf(m[2]), rel: relOf(m[1]) }
        : null,
  },
  {
    re: sticky(String.raw`(last|next|this)\s+(${WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?`, 'i'),
    build: (m) => (/^[A-Z]/.test(m[2]) ? { kind: 'weekday', weekday: weekdayOf(m[2]), rel: relOf(m[1]) } : null),
  },
  {
    re: sticky(String.raw`(last|next|this)\s+(spring|summer|fall|autumn|winter)(?![A-Za-z])`, 'i'),
    build: (m) => ({ kind: 'season', season: SEASONS.get(m[2].toLowerCase())!, rel: relOf(m[1]) }),
  },
  {
    re: sticky(String.raw`(last|next|this)\s+(${HOLIDAY_PATTERN})`, 'i'),
    build: (m) => ({ kind: 'holiday', holiday: m[2], rel: relOf(m[1]) }),
  },
  {
    re: sticky(String.raw`(last|next|this)\s+quarter(?![A-Za-z])`, 'i'),
    build: (m) => ({ kind: 'quarter', quarter: 0, rel: relOf(m[1]) }),
  },
  {
    re: sticky(String.raw`this\s+(?:morning|afternoon|evening)(?![A-Za-z])`, 'i'),
    build: () => ({ kind: 'offset', unit: 'day', offset: 0 }),
  },
  { re: sticky(String.raw`last\s+night(?![A-Za-z])`, 'i'), build: () => ({ kind: 'offset', unit: 'day', offset: -1 }) },
];

const THE_RULES: Rule[] = [
  {
    re: sticky(
      String.raw`the\s+(?:coming|next|following)\s+(?:few\s+|several\s+)?(?:days|weeks|months|years)(?![A-Za-z])`,
      'i',
    ),
    build: () => ({ kind: 'ref', value: 'FUTURE_REF' }),
  },
  {
    re: sticky(String.raw`the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future(?![A-Za-z])`, 'i'),
    build: () => ({ kind: 'ref', value: 'FUTURE_REF' }),
  },
  {
    re: sticky(String.raw`the\s+week\s+of\s+(${MONTH_NAME})\s*(${DAY})(?:,?\s+(${YEAR}))?`, 'i'),
    build: (m) => {
      const e = monthDay(monthOf(m[1]), dayOf(m[2]), m[3] ? +m[3] : undefined);
      return e && e.kind === 'monthDay' ? { kind: 'weekOf', month: e.month, day: e.day, year: e.year } : null;
    },
  },
  {
    re: sticky(
      String.raw`the\s+(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(${YEAR})|\s+(${YEAR})|\s+of\s+(last|this|next)\s+year(?![A-Za-z]))?`,
      'i',
    ),
    build: (m) => ({
      kind: 'quarter',
      quarter: ORDINALS.get(m[1].toLowerCase())!,
      year: m[2] || m[3] ? +(m[2] || m[3]) : undefined,
      rel: m[4] ? relOf(m[4]) : undefined,
    }),
  },
  {
    // Not `the second half of the season`: a half of something else than a year.
    re: sticky(
      String.raw`the\s+(first|second|1st|2nd)\s+half(?:\s+of\s+(${YEAR})|\s+(${YEAR})|\s+of\s+(last|this|next)\s+year(?![A-Za-z])|(?!\s+of\s))`,
      'i',
    ),
    build: (m) => ({
      kind: 'quarter',
      half: true,
      quarter: ORDINALS.get(m[1].toLowerCase())!,
      year: m[2] || m[3] ? +(m[2] || m[3]) : undefined,
      rel: m[4] ? relOf(m[4]) : undefined,
    }),
  },
  {
    re: sticky(String.raw`the\s+day\s+(before\s+yesterday|after\s+tomorrow)(?![A-Za-z])`, 'i'),
    build: (m) => ({ kind: 'offset', unit: 'day', offset: /^before/i.test(m[1]) ? -2 : 2 }),
  },
  {
    // `the next morning`, `the following year`: the day after the one just told of, not after publication.
    re: sticky(
      String.raw`the\s+(?:(following|previous|preceding)\s+${ANAPHOR_UNIT}|next\s+(day|morning|afternoon|evening|night)(?![A-Za-z-]))`,
      'i',
    ),
    build: (m) => anaphor(m[2] ?? m[3], m[1] && /^p/i.test(m[1]) ? -1 : 1),
  },
  {
    re: sticky(String.raw`the\s+(spring|summer|fall|autumn|winter)\s+of\s+(${YEAR})`, 'i'),
    build: (m) => ({ kind: 'season', season: SEASONS.get(m[1].toLowerCase())!, year: +m[2] }),
  },
];

const ORDINAL_RULES: Rule[] = [
  {
    re: sticky(
      String.raw`(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(${YEAR})|\s+(${YEAR}))`,
      'i',
    ),
    build: (m) => ({ kind: 'quarter', quarter: ORDINALS.get(m[1].toLowerCase())!, year: +(m[2] || m[3]) }),
  },
  {
    // `fourth-quarter profit`, `third quarter earnings`: the quarter its tense points at.
    re: sticky(String.raw`(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter(?![A-Za-z])(?!\s+of\s)`, 'i'),
    build: (m) => ({ kind: 'quarter', quarter: ORDINALS.get(m[1].toLowerCase())! }),
  },
  {
    re: sticky(String.raw`(first|second|1st|2nd)[\s-]half\s+(?:of\s+)?(${YEAR})`, 'i'),
    build: (m) => ({ kind: 'quarter', half: true, quarter: ORDINALS.get(m[1].toLowerCase())!, year: +m[2] }),
  },
  {
    re: sticky(String.raw`Fourth\s+of\s+July(?![A-Za-z])`),
    build: () => ({ kind: 'holiday', holiday: 'Fourth of July' }),
  },
];

const THAT_RULES: Rule[] = [
  {
    re: sticky(String.raw`that\s+(?:same\s+|very\s+)?${ANAPHOR_UNIT}`, 'i'),
    build: (m) => anaphor(m[1], 0),
  },
];

const FISCAL_RULES: Rule[] = [
  // TIMEX3 writes a fiscal year `FY1999`: its months differ from the calendar year's.
  {
    re: sticky(String.raw`fiscal\s+(?:year\s+)?(${YEAR})`, 'i'),
    build: (m) => ({ kind: 'absolute', value: `FY${m[1]}` }),
  },
];

const SEASON_RULES: Rule[] = [
  {
    re: sticky(String.raw`(spring|summer|fall|autumn|winter)(?:\s+of)?\s+(${YEAR})`, 'i'),
    build: (m) => ({ kind: 'season', season: SEASONS.get(m[1].toLowerCase())!, year: +m[2] }),
  },
];

const HOLIDAY_RULES: Rule[] = [
  {
    re: sticky(String.raw`(${HOLIDAY_PATTERN})(?:,?\s+(${YEAR}))?`),
    build: (m) => ({ kind: 'holiday', holiday: m[1], year: m[2] ? +m[2] : undefined }),
  },
];

/** `late November`, `earlier this year`, `mid-1990s`: the modifier joins the span, the value keeps its granularity. */
const PERIOD_MODIFIER = sticky(String.raw`(?:early|earlier|late|later|mid)(?:\s*-\s*|\s+)|(?:pre|post)-`, 'i');
/**
 * `the end of the year`, `the beginning of next month`: TimeML tags the whole phrase with the value of
 * the period (`the year` being the current one).
 */
const PART_OF = sticky(
  String.raw`the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+(year|month|week)(?![A-Za-z-])|(?=\S))`,
  'i',
);
/** The words that may follow `the` in THE_RULES and PART_OF. */
const THE_NEXT_WORD = sticky(
  String.raw`the\s+(?:coming|next|following|previous|preceding|near|distant|foreseeable|immediate|future|week|day|first|second|third|fourth|1st|2nd|3rd|4th|spring|summer|fall|autumn|winter|very|end|beginning|start|middle)(?![A-Za-z])`,
  'i',
);
/** `almost four years ago`. */
const AMOUNT_MODIFIER = sticky(
  String.raw`(?:almost|nearly|about|some|more\s+than|over|roughly|around|less\s+than)\s+`,
  'i',
);

function rulesFor(word: string): Rule[] {
  const w = word.toLowerCase();
  if (/^\d/.test(w)) return DIGIT_RULES;
  if (w === "'") return APOSTROPHE_RULES;
  if (MONTHS.has(w)) return MONTH_RULES;
  if (WEEKDAYS.has(w)) return WEEKDAY_RULES;
  if (w === 'last' || w === 'next' || w === 'this') return RELATION_RULES;
  if (w === 'the') return THE_RULES;
  if (w === 'that') return THAT_RULES;
  if (w === 'fiscal') return FISCAL_RULES;
  if (ORDINALS.has(w)) return ORDINAL_RULES;
  if (SEASONS.has(w)) return SEASON_RULES;
  if (NUMBER_WORDS.has(w) || w === 'several') return NUMBER_WORD_RULES;
  if (
    w === 'yesterday' ||
    w === 'today' ||
    w === 'tomorrow' ||
    w === 'tonight' ||
    w === 'now' ||
    w === 'currently' ||
    w === 'nowadays' ||
    w === 'future'
  )
    return DEICTIC_RULES;
  return HOLIDAY_RULES;
}

function tryRules(rules: Rule[], text: string, pos: number): DateCandidate | null {
  for (const rule of rules) {
    rule.re.lastIndex = pos;
    const m = rule.re.exec(text);
    if (!m) continue;
    const expression = rule.build(m, text);
    if (expression) return { start: pos, end: pos + m[0].length, expression };
  }
  return null;
}

/** The expression starting exactly at `pos` (whose first word is `word`), if any. */
function matchAt(text: string, pos: number, word: string): DateCandidate | null {
  const w = word.toLowerCase();
  if (w === 'early' || w === 'earlier' || w === 'late' || w === 'later' || w === 'mid' || w === 'pre' || w === 'post') {
    PERIOD_MODIFIER.lastIndex = pos;
    const mod = PERIOD_MODIFIER.exec(text);
    if (!mod) return null;
    const at = pos + mod[0].length;
    const next = /^[\p{L}\d']+/u.exec(text.slice(at, at + 12))?.[0] ?? '';
    const inner = next ? matchAt(text, at, next) : null;
    // `later Tuesday`: TimeML keeps the weekday alone; `late November`, `earlier this year` take the modifier.
    if (!inner || inner.start !== at || inner.expression.kind === 'weekday' || inner.expression.kind === 'ref')
      return null;
    if (inner.expression.kind === 'monthDay') return null;
    return { ...inner, start: pos };
  }
  if (w === 'the') {
    // `the` is the commonest trigger: one look at the next word rules out nearly all of them.
    THE_NEXT_WORD.lastIndex = pos;
    if (!THE_NEXT_WORD.test(text)) return null;
    PART_OF.lastIndex = pos;
    const part = PART_OF.exec(text);
    if (part) {
      const at = pos + part[0].length;
      const inner = part[1] ? null : matchAt(text, at, /^[\p{L}\d']+/u.exec(text.slice(at, at + 12))?.[0] ?? '');
      if (part[1]) {
        const unit = part[1].toLowerCase() as 'week' | 'month' | 'year';
        return { start: pos, end: pos + part[0].length, expression: { kind: 'offset', unit, offset: 0 } };
      }
      if (
        inner &&
        inner.start === at &&
        inner.expression.kind !== 'weekday' &&
        inner.expression.kind !== 'monthDay' &&
        inner.expression.kind !== 'ref'
      ) {
        return { ...inner, start: pos };
      }
    }
  }
  if (AMOUNT_MODIFIER_WORDS.has(w)) {
    AMOUNT_MODIFIER.lastIndex = pos;
    const mod = AMOUNT_MODIFIER.exec(text);
    if (!mod) return null;
    const at = pos + mod[0].length;
    const inner = tryRules([AGO_RULE], text, at);
    return inner ? { ...inner, start: pos } : null;
  }
  if (w === 'a' || w === 'an' || w === 'several' || w === 'few') return tryRules(NUMBER_WORD_RULES, text, pos);
  return tryRules(rulesFor(w), text, pos);
}

const AMOUNT_MODIFIER_WORDS = new Set(AMOUNT_MODIFIERS);

/** Every time expression in `text[from, to)`, left to right, never overlapping. */
export function recognizeDates(text: string, from = 0, to = text.length): DateCandidate[] {
  const found: DateCandidate[] = [];
  TRIGGER.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TRIGGER.exec(text)) !== null && m.index < to) {
    const candidate = matchAt(text, m.index, m[0]);
    if (candidate && candidate.end <= to) {
      found.push(candidate);
      TRIGGER.lastIndex = candidate.end;
    }
  }
  return found;
}

// ---- context filters for the ambiguous forms ----

const WORD_BEFORE = /([\p{L}\d.$'’-]+)\s*$/u;
const WORD_AFTER = /^\s*([\p{L}\d%'’-]+)/u;

function wordBefore(text: string, pos: number): string {
  return WORD_BEFORE.exec(text.slice(Math.max(0, pos - 24), pos))?.[1] ?? '';
}
function wordAfter(text: string, pos: number): string {
  return WORD_AFTER.exec(text.slice(pos, pos + 24))?.[1] ?? '';
}

const MONTH_CONTEXT = new Set([
  'in',
  'of',
  'since',
  'until',
  'till',
  'by',
  'from',
  'through',
  'during',
  'early',
  'late',
  'mid',
  'last',
  'next',
  'this',
  'before',
  'after',
  'between',
  'and',
  'or',
  'to',
  'on',
  'for',
  'until',
  'each',
  'every',
  'that',
  'as',
  'around',
  'throughout',
  'into',
  'ending',
  'starting',
  'beginning',
  'end',
  'since',
  'late-',
  'mid-',
]);

/** `in June` is a month; `Theresa May`, `May I`, `April Ryan` are not. */
function plausibleBareMonth(text: string, start: number, matched: string): boolean {
  const before = wordBefore(text, start);
  const after = wordAfter(text, start + matched.length);
  const beforeLower = before.toLowerCase();
  if (MONTH_CONTEXT.has(beforeLower) || /-$/.test(before)) return true;
  // `the March accession`, `the May elections`: a month used to name an event.
  if (beforeLower === 'the' && /^[a-z]/.test(after)) return true;
  if (matched === 'May' || matched === 'March' || matched === 'August') return false;
  // A capitalized word right before or after is usually a name (`Brian April`, `June Carter`).
  if (/^\p{Lu}/u.test(before) && !/[.!?]$/.test(text.slice(0, start).trimEnd())) return false;
  if (/^\p{Lu}/u.test(after)) return false;
  return true;
}

const NUMBER_CONTEXT_BEFORE = new Set([
  'about',
  'some',
  'nearly',
  'approximately',
  'around',
  'than',
  'over',
  'under',
  'only',
  'just',
  'least',
  'at',
  'dlrs',
  'usd',
  'us$',
  'no.',
  'number',
  'no',
  'almost',
  'roughly',
  'of',
  'to',
  'with',
  'by',
]);
const YEAR_CONTEXT_BEFORE = new Set([
  'in',
  'since',
  'until',
  'till',
  'by',
  'from',
  'during',
  'before',
  'after',
  'between',
  'and',
  'early',
  'late',
  'mid',
  'fiscal',
  'year',
  'spring',
  'summer',
  'fall',
  'autumn',
  'winter',
  'circa',
  'of',
  'to',
  'through',
  'or',
  'post',
  'pre',
  'throughout',
  'the',
]);
const TIME_ZONES = /^(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|hours?|hrs|local|military)$/i;

const CLOCK_PAIR = /^\s*(?:and|to|-|–)\s*\d{4}\s+([A-Za-z]+)/;
/** A cell of a price table: a number, a quoted price (`1920H`, `1800A`), a contract month (`MAR8`), `--`. */
const TABLE_CELL = /^(?:\d+(?:\.\d+)?[A-Z]?|[A-Z]{3}\d|--|unch|UNCH)$/;

/** A four-digit number that names a year, not a quantity (`2000 people`) or a clock time (`1900 GMT`). */
function plausibleYear(text: string, start: number, end: number): boolean {
  const prevChar = text[start - 1] ?? ' ';
  if (/[\d$£€#.,/]/.test(prevChar)) return false;
  const nextChars = text.slice(end, end + 3);
  if (
    /^(?:[.,]\d|%|\s*(?:percent|per\b))/.test(nextChars) ||
    /^-(?:year|strong|member|page|meter|metre|mile)/i.test(text.slice(end, end + 8))
  )
    return false;
  const before = wordBefore(text, start).toLowerCase();
  const after = wordAfter(text, end);
  if (TIME_ZONES.test(after)) return false;
  // `between 1700 and 2100 hrs`, `from 1800 to 2100 local`: the first of two clock times.
  const pair = CLOCK_PAIR.exec(text.slice(end, end + 24));
  if (pair && TIME_ZONES.test(pair[1])) return false;
  // A number among numbers is a figure of a table (`MAY7 1920H 1920L 1907 JUL7`), not a year.
  if (
    TABLE_CELL.test(
      text
        .slice(Math.max(0, start - 8), start)
        .split(/\s+/)
        .slice(-2, -1)[0] ?? '',
    ) ||
    TABLE_CELL.test(/^\s+(\S+)/.exec(text.slice(end, end + 10))?.[1] ?? '')
  ) {
    return false;
  }
  if (/^(?:level|mark|area|model|series|index)$/i.test(after)) return false;
  if (
    /^(?:people|persons|men|women|troops|soldiers|police|workers|feet|foot|meters|metres|miles|kilometers|km|tons|tonnes|dollars|dlrs|yen|euros|pounds|marks|francs|shares|units|cars|votes|acres|barrels|students|children|jobs|years|days|hours|minutes|others|members|delegates|residents|refugees|civilians|points|calories|copies|pages|words|square|cubic|million|billion|more|of)$/i.test(
      after,
    )
  ) {
    return false;
  }
  if (YEAR_CONTEXT_BEFORE.has(before.replace(/-$/, '')))
    return (before !== 'of' && before !== 'to') || !/^[a-z]+s$/.test(after);
  if (NUMBER_CONTEXT_BEFORE.has(before)) return false;
  // Elsewhere a plural noun after it makes it a count (`2000 elections` is rare next to `1500 rebels`).
  return !/^[a-z]+s$/.test(after);
}
