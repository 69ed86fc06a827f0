/**
 * Printing search results. Takes the data a search returned and knows nothing of how it was found.
 * Matches are bold on a colour terminal and `[like this]` otherwise (pipes, files, NO_COLOR).
 */
import type { ResolvedEntity, SearchHit, SearchResult, Span } from '../search/types.js';
import type { CsvRecord } from './formats/types.js';
import { displayPath, formatNumber, plural, type TextContext, wrapIndented } from './text.js';

export type RenderOptions = TextContext;

const BOLD = '\x1b[1m';
const NORMAL = '\x1b[22m';
const DIM = '\x1b[2m';

/** Marks spans of text: bold with colour, brackets without. */
export function mark(text: string, spans: Span[], colour: boolean): string {
  const [open, close] = colour ? [BOLD, NORMAL] : ['[', ']'];
  let out = '';
  let at = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s < at || e > text.length) continue;
    out += text.slice(at, s) + open + text.slice(s, e) + close;
    at = e;
  }
  return out + text.slice(at);
}

/** The query as typed: in quotes, unless it holds quotes of its own (then as it is). */
function quoted(text: string): string {
  return /["\u201c\u201d]/.test(text) ? text : `"${text}"`;
}

function showPath(file: string | null, cwd: string | undefined): string {
  return file ? displayPath(file, cwd) : '';
}

function hitLines(hit: SearchHit, options: RenderOptions): string[] {
  const dim = (s: string): string => (options.colour ? DIM + s + NORMAL : s);
  const head = [
    hit.date ?? 'undated',
    hit.source,
    hit.title ? mark(hit.title, hit.titleHighlights, options.colour) : '(untitled)',
  ]
    .filter((part) => part)
    .join(' · ');
  // Long lines wrap at word boundaries under their own indent rather than folding at the terminal's edge.
  const fit = (text: string, first = 5) => wrapIndented(text, options.width ?? null, 5, first);
  const similar = hit.similar > 0 ? ` ${dim(`(+${hit.similar} similar)`)}` : '';
  const lines = [`${String(hit.rank).padStart(3)}. ${fit(head + similar, 0)}`];
  const where = showPath(hit.path, options.cwd);
  if (where) lines.push(`     ${dim(where)}`);
  if (hit.snippet) lines.push(fit(mark(hit.snippet, hit.highlights, options.colour)));
  if (hit.entities.length > 0) {
    const names = hit.entities.map((e) => `${e.name} (${e.type}, ${formatNumber(e.mentions)}×)`).join(', ');
    lines.push(fit(`${dim('entities:')} ${names}`));
  }
  return lines;
}

/** Why nothing matched, for stderr; null when something did. */
export function noHitsMessage(result: SearchResult): string | null {
  if (result.total > 0) return null;
  if (result.reason) return result.reason;
  const what = result.query.trim() ? `match ${quoted(result.query.trim())}` : 'match these filters';
  return `no documents ${what}`;
}

/** The results for a person: a summary line, then each hit over a few lines. */
export function renderSearchText(result: SearchResult, options: RenderOptions): string {
  const out: string[] = [];
  if (result.correctedQuery) {
    const changes = result.corrections.map((c) => `${c.from} → ${c.to}`).join(', ');
    out.push(
      `Showing results for ${quoted(result.correctedQuery)} (${changes}): nothing matched ${quoted(result.query.trim())}.`,
    );
  }
  for (const notice of result.notices) out.push(`Note: ${notice}.`);
  if (result.didYouMean) out.push(`Did you mean ${quoted(result.didYouMean)}?`);
  if (result.total > 0) {
    const query = result.searchedFor ?? result.correctedQuery ?? result.query.trim();
    const what = query ? ` ${result.total === 1 ? 'matches' : 'match'} ${quoted(query)}` : '';
    const names = mentionedNames(result.queryEntities);
    const mention = result.total === 1 ? 'mentions' : 'mention';
    // "or mention Japan" only where the name is the whole query: beside other words (`Japan trade`)
    // a document mentioning Japan must still have them, and several names must each be there.
    const also =
      names.length === 0
        ? ''
        : result.nameAlone
          ? ` or ${mention} ${names.join(', ')}`
          : ` (${names.join(', ')} by name or mention)`;
    const first = formatNumber(result.offset + 1);
    const last = formatNumber(result.offset + result.hits.length);
    // --limit 0 asks only how many.
    const shown =
      result.hits.length > 0 ? `; showing ${first}–${last}:` : result.limit === 0 ? '.' : `; none from ${first} on.`;
    const about = result.totalAtLeast ? 'at least ' : result.totalEstimated ? 'about ' : '';
    out.push(`${about}${plural(result.total, 'document')}${what}${also}${shown}`);
    for (const hit of result.hits) out.push('', ...hitLines(hit, options));
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

/**
 * The query's entities and events by name, each name once: the articles of a summit make an event
 * each, so `Venice summit` can name seven, which the header said seven times.
 */
function mentionedNames(entities: readonly ResolvedEntity[]): string[] {
  const byName = new Map<string, ResolvedEntity[]>();
  for (const e of entities) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  return [...byName].map(([name, all]) =>
    all.length === 1 ? name : `${name} (${all.length} ${all.every((e) => e.kind === 'event') ? 'events' : 'entities'})`,
  );
}

/** One hit as a spreadsheet row (`--csv`); `--json` and `--nl` carry everything (docs/json.md). */
export function searchHitCsv(hit: SearchHit): CsvRecord {
  return {
    rank: hit.rank,
    id: hit.id,
    score: hit.score,
    date: hit.date,
    source: hit.source,
    title: hit.title,
    path: hit.path,
    snippet: hit.snippet,
    entities: hit.entities.map((e) => e.name).join('; '),
  };
}
