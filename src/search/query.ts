/**
 * The search query language, compiled into a safe FTS5 expression.
 *
 *   words            all must match (stemmed by the index's porter tokenizer)
 *   "exact phrase"   the words next to each other, in order
 *   a OR b           either (binds tighter than the implicit AND: `a OR b c` = (a or b) and c)
 *   -word, NOT word  exclude documents holding it (also -"a phrase")
 *   prefix*          any word starting so
 *
 * Everything else is text. User text never reaches FTS5 as syntax: every term becomes a quoted FTS5
 * string, so no input (unbalanced quotes, lone operators, `*`, parentheses, emoji…) can make SQLite
 * report a syntax error. A word holding punctuation (`Jong-un`, `U.S.-ROK`, `DPRK's`) becomes a
 * phrase of its parts, which is how the index tokenized the same text in the documents.
 */

export interface Term {
  /** `word`: one whitespace-separated chunk as typed (maybe several tokens: `Jong-un`); `phrase`: the inside of quotes. */
  kind: 'word' | 'phrase';
  /** The text as the user typed it (without quotes, `-` or `*`), for messages and alias lookup. */
  raw: string;
  /** Its index tokens (letters and digits runs), in order. Never empty. */
  tokens: string[];
  prefix: boolean;
  /** Position among the query's terms, to know which words were typed next to each other. */
  position: number;
}

/** Alternatives joined by OR; a query matches a document when every group does. */
export interface Group {
  alternatives: Term[];
}

export interface CompiledQuery {
  input: string;
  groups: Group[];
  excluded: Term[];
  /** The whole query as an FTS5 expression, or null when it has no positive term. */
  match: string | null;
  /** OR of the excluded terms, or null. */
  exclude: string | null;
  /**
   * Why the query on its own cannot match anything (no words; only exclusions), or null.
   * Filters may still make a query with exclusions only meaningful.
   */
  empty: string | null;
  /** Terms dropped because the query was too long. */
  dropped: number;
}

/** The query must match a prefix (`acqui*`), not only whole words. */
export function hasPrefix(query: Pick<CompiledQuery, 'groups'>): boolean {
  return query.groups.some((g) => g.alternatives.some((t) => t.prefix));
}

/** More terms than this are dropped: no one types them, and FTS5 limits expression depth. */
export const MAX_TERMS = 32;
/** Longer phrases are cut: keeps the expression small whatever is pasted in. */
export const MAX_PHRASE_TOKENS = 24;

/** Characters that open or close a quoted phrase. */
export const QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb']);
// Index tokens are runs of letters, digits and marks, as in FTS5's unicode61 tokenizer.
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

type Lexeme =
  | { kind: 'op'; op: 'OR' | 'AND' | 'NOT'; raw: string }
  | { kind: 'term'; term: Omit<Term, 'position'>; negated: boolean };

/** Split text into index tokens, the way the FTS5 tokenizer would. */
export function indexTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Quote text as one FTS5 string: the only form in which user text reaches MATCH. */
export function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** One term as an FTS5 expression: a string (a phrase when it has several tokens), maybe a prefix. */
export function termExpression(term: Pick<Term, 'tokens' | 'prefix'>): string {
  return ftsString(term.tokens.join(' ')) + (term.prefix ? '*' : '');
}

export function groupExpression(group: Group): string {
  const parts = group.alternatives.map(termExpression);
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

/** Compile what a person typed. Pure and total: never throws. */
export function compileQuery(input: string): CompiledQuery {
  const lexemes = lex(String(input ?? ''));
  const groups: Group[] = [];
  const excluded: Term[] = [];
  let position = 0;
  let dropped = 0;
  let orPending = false;
  let notPending = false;
  let lastWasPositiveTerm = false;

  const add = (term: Omit<Term, 'position'>, negated: boolean): void => {
    if (position >= MAX_TERMS) {
      dropped++;
      return;
    }
    const placed: Term = { ...term, position: position++ };
    if (negated) {
      excluded.push(placed);
      lastWasPositiveTerm = false;
    } else if (orPending && groups.length > 0) {
      groups[groups.length - 1].alternatives.push(placed);
      lastWasPositiveTerm = true;
    } else {
      groups.push({ alternatives: [placed] });
      lastWasPositiveTerm = true;
    }
    orPending = false;
  };

  for (let i = 0; i < lexemes.length; i++) {
    const lexeme = lexemes[i];
    const next = lexemes[i + 1];
    const nextIsPositiveTerm = next?.kind === 'term' && !next.negated;
    if (lexeme.kind === 'op') {
      // An operator only counts where it can apply; elsewhere it is just the word the person typed.
      if (lexeme.op === 'OR' && lastWasPositiveTerm && !notPending && nextIsPositiveTerm) {
        orPending = true;
        continue;
      }
      if (lexeme.op === 'AND' && lastWasPositiveTerm && nextIsPositiveTerm) continue;
      if (lexeme.op === 'NOT' && !notPending && next?.kind === 'term') {
        notPending = true;
        continue;
      }
      const tokens = indexTokens(lexeme.raw);
      if (tokens.length > 0) add({ kind: 'word', raw: lexeme.raw, tokens, prefix: false }, notPending);
      notPending = false;
      continue;
    }
    add(lexeme.term, lexeme.negated || notPending);
    notPending = false;
  }

  return assemble(String(input ?? ''), groups, excluded, dropped);
}

/**
 * Build the FTS5 expressions of a query from its terms. Also used to rebuild a query after a term
 * was replaced (typo correction), so the two can never disagree.
 */
export function assemble(input: string, groups: Group[], excluded: Term[], dropped = 0): CompiledQuery {
  const positive = groups.map(groupExpression);
  const exclude = excluded.length > 0 ? excluded.map(termExpression).join(' OR ') : null;
  let match: string | null = null;
  if (positive.length > 0) {
    match = positive.join(' AND ');
    if (exclude) match = `(${match}) NOT (${exclude})`;
  }
  let empty: string | null = null;
  if (groups.length === 0) {
    empty =
      excluded.length > 0
        ? 'the query only excludes words; add a word to search for, or a filter (--entity, --from, --to, --source)'
        : 'the query has no words to search for';
  }
  return { input, groups, excluded, match, exclude, empty, dropped };
}

/** Lexemes: quoted phrases, operator words, and chunks of text with their `-` and `*` marks. */
function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  const chars = Array.from(input);
  let i = 0;
  const isSpace = (c: string): boolean => /[\s\p{Cc}\p{Z}]/u.test(c);
  while (i < chars.length) {
    const c = chars[i];
    if (isSpace(c) || c === '(' || c === ')') {
      i++;
      continue;
    }
    let negated = false;
    // `-word`, `-"phrase"`: a minus (or several) right before a term. A lone `-` is nothing.
    if (c === '-' || c === '\u2212') {
      let j = i;
      while (j < chars.length && (chars[j] === '-' || chars[j] === '\u2212')) j++;
      if (j < chars.length && !isSpace(chars[j])) {
        negated = true;
        i = j;
      } else {
        i = j;
        continue;
      }
    }
    if (QUOTES.has(chars[i])) {
      let j = i + 1;
      while (j < chars.length && !QUOTES.has(chars[j])) j++;
      const inside = chars.slice(i + 1, j).join('');
      i = j + 1; // past the closing quote; an unbalanced quote runs to the end
      let prefix = false;
      if (chars[i] === '*') {
        prefix = true;
        while (chars[i] === '*') i++;
      }
      const tokens = indexTokens(inside).slice(0, MAX_PHRASE_TOKENS);
      if (prefix && Array.from(tokens[tokens.length - 1] ?? '').length < 2) prefix = false;
      if (tokens.length > 0) {
        out.push({ kind: 'term', negated, term: { kind: 'phrase', raw: inside.trim(), tokens, prefix } });
      }
      continue;
    }
    let j = i;
    while (j < chars.length && !isSpace(chars[j]) && !QUOTES.has(chars[j]) && chars[j] !== '(' && chars[j] !== ')') j++;
    let chunk = chars.slice(i, j).join('');
    i = j;
    if (!negated && (chunk === 'OR' || chunk === '|' || chunk === '||')) {
      out.push({ kind: 'op', op: 'OR', raw: chunk });
      continue;
    }
    if (!negated && (chunk === 'AND' || chunk === '&' || chunk === '&&')) {
      out.push({ kind: 'op', op: 'AND', raw: chunk });
      continue;
    }
    if (!negated && chunk === 'NOT') {
      out.push({ kind: 'op', op: 'NOT', raw: chunk });
      continue;
    }
    chunk = chunk.replace(/^\++/, '');
    // A one-letter prefix would expand to much of the vocabulary for no useful result: it is a word.
    const prefix = /\*$/.test(chunk) && Array.from(indexTokens(chunk).pop() ?? '').length >= 2;
    // A possessive adds nothing a searcher means: `Korea's` should find `Korea` too.
    const tokens = indexTokens(withoutPossessive(chunk));
    if (tokens.length === 0) continue;
    const raw = chunk.replace(/\*+$/, '');
    out.push({
      kind: 'term',
      negated,
      term: { kind: 'word', raw, tokens: tokens.slice(0, MAX_PHRASE_TOKENS), prefix },
    });
  }
  return out;
}

/** A word without its possessive ending (`Reagan's` → `Reagan`; also before a prefix's `*`). */
export function withoutPossessive(word: string): string {
  return word.replace(/['\u2019][sS](\*?)$/, '$1');
}

/** The query as text a person can read back (used for "showing results for …"). */
export function describeQuery(query: CompiledQuery): string {
  const show = (t: Term): string => {
    const text = t.kind === 'phrase' ? `"${t.raw}"` : t.raw;
    return text + (t.prefix ? '*' : '');
  };
  const parts = query.groups.map((g) => g.alternatives.map(show).join(' OR '));
  for (const t of query.excluded) parts.push(`-${show(t)}`);
  return parts.join(' ');
}
