import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { SEARCH_ENTITY_TYPES, type SearchEntityType } from '../core/types.js';
import type { SearchResult, SortOrder } from '../search/types.js';
import { emit, type OutputFlags, say } from './emit.js';
import { parseCount, parseDateOption, withCommonOptions } from './options.js';

interface SearchFlags extends OutputFlags {
  db: string;
  entity?: string[];
  type?: SearchEntityType;
  from?: string;
  to?: string;
  source?: string;
  tag?: string[];
  limit: number;
  offset: number;
  sort?: SortOrder;
  facets?: boolean;
}

const SORTS: readonly SortOrder[] = ['relevance', 'date', '-date'];

/**
 * The most hits one search shows. A search builds its page whole (snippets, marks, entities) before
 * printing it: `said --limit 1000000` at a million articles took 118 s and 3.6 GB. Deeper pages
 * cost the page, not what they skip (700,000 deep into `said`: 1.1 s, 177 MB), so every match can
 * be read in pages of this many.
 */
const MOST_HITS = 10_000;

function parseLimit(value: string): number {
  const n = parseCount('--limit')(value);
  if (n > MOST_HITS)
    throw new UserError(
      `--limit is at most 10,000 hits at a time, got ${value.trim()}; page on with --offset (--offset 10000 --limit 10000 shows the next ones)`,
    );
  return n;
}

function parseSort(value: string): SortOrder {
  if (!SORTS.includes(value as SortOrder))
    throw new UserError(`--sort must be one of ${SORTS.join(', ')}, got '${value}'`);
  return value as SortOrder;
}

function parseType(value: string): SearchEntityType {
  const type = value.toUpperCase() as SearchEntityType;
  if (!SEARCH_ENTITY_TYPES.includes(type)) {
    throw new UserError(`--type must be one of ${SEARCH_ENTITY_TYPES.join(', ')}, got '${value}'`);
  }
  return type;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function register(program: Command): void {
  const command = program
    .command('search')
    .description('find articles: ranked full-text search that knows entities, dates and sources')
    .argument('[query...]', 'what to look for (see Query below)')
    .option(
      '--entity <name>',
      'only articles mentioning this entity, by any of its names; repeat to require several',
      collect,
    )
    .option(
      '--type <type>',
      'what --entity names, when a name is ambiguous: PERSON, COUNTRY, PLACE, ORG or EVENT',
      parseType,
    )
    .option(
      '--from <date>',
      'only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)',
      parseDateOption('--from'),
    )
    .option('--to <date>', 'only articles published on or before this date', parseDateOption('--to'))
    .option('--source <name>', 'only articles from this agency or outlet (any case)')
    .option(
      '--tag <tag>',
      "only articles with this tag (a source's topics, places, keywords; repeatable)",
      (v: string, all: string[] = []) => {
        if (v.trim() === '') throw new UserError('--tag needs a tag, got an empty one');
        return [...all, v];
      },
    )
    .option(
      '--limit <n>',
      'how many hits to show (at most 10,000; page on with --offset; 0: only how many match)',
      parseLimit,
      10,
    )
    .option('--offset <n>', 'skip this many hits first (for the next page)', parseCount('--offset'), 0)
    .option('--facets', 'also count sources, months, top entities per type and tags over all matching documents')
    .option('--sort <order>', 'relevance (default), date (oldest first) or -date (newest first)', parseSort)
    // Words such as -Japan are the query's exclusions, not options: they reach the action as words.
    .allowUnknownOption()
    .addHelpText(
      'after',
      `
Query:
  words             all must appear (any form: "summits" finds "summit")
  "exact phrase"    the words together, in this order (quote the quotes for the shell: '"Hanoi summit"')
  a OR b            either word
  -word, NOT word   leave out articles with this word (corpus search '"trade war"' -Japan)
  prefix*           any word starting so (two letters at least)
  Anything else is plain text. A name finds its entity by any alias: DPRK also finds "North Korea".
  An acronym in capitals (AIDS, WHO) keeps to articles writing it so where its word means more
  (aids also finds "aid"); the search says so.
  A word found nowhere is replaced by the closest indexed word ("showing results for …").
  A question can be typed as asked: when, did, the… need not match; a date after in, on, since,
  before, until, from … to (oil prices in March 1987) is the publication dates, unless quoted.
  With filters and no query, lists matching articles newest first.

Output: rank, date, source, title, path, a snippet and the entities matched. Matched words are bold
on a terminal and [in brackets] when the output is piped or NO_COLOR is set. --json prints scores,
snippets with highlight offsets and matched entities.
Exit status: 0 hits found, 1 none (or an unknown entity), 2 usage error — as grep.

Example:
  corpus search "Kim Jong-un" --from 2019-01 --entity "United States" --db news.db`,
    );
  withCommonOptions(command, { rows: true }).action(async (words: string[], flags: SearchFlags) => {
    // Only a single dash makes an exclusion; a mistyped long option (--limt) stays an error.
    const unknown = words.find((w) => /^--[^-\s]/.test(w));
    if (unknown) throw new UserError(`unknown option '${unknown.split('=')[0]}' (run with --help for usage)`);
    const entities = flags.entity ?? [];
    if (flags.type && entities.length === 0) throw new UserError('--type says what --entity names; give --entity too');
    const filtered = entities.length > 0 || flags.from || flags.to || flags.source || (flags.tag ?? []).length > 0;
    if (words.length === 0 && !filtered)
      throw new UserError('give words to search for, or a filter (--entity, --from, --to, --source, --tag)');
    const [{ openDatabase }, { search, exitCode }, render] = await Promise.all([
      import('../store/db.js'),
      import('../search/search.js'),
      import('../render/search.js'),
    ]);
    const db = openDatabase(flags.db, { readonly: true });
    let result: SearchResult;
    try {
      result = search(db, words.join(' '), {
        entities,
        type: flags.type,
        from: flags.from,
        to: flags.to,
        source: flags.source,
        tags: flags.tag,
        limit: flags.limit,
        offset: flags.offset,
        sort: flags.sort,
        facets: flags.facets,
      });
    } finally {
      db.close();
    }
    const facets = result.facets ? (await import('../render/facets.js')).renderFacetsText : null;
    const text: typeof render.renderSearchText = (r, context) =>
      render.renderSearchText(r, context) + (facets && r.facets ? `\n${facets(r.facets)}` : '');
    await emit(result, flags, text, { rows: (r) => r.hits, csv: render.searchHitCsv });
    const message = render.noHitsMessage(result);
    if (message) say(message);
    process.exitCode = exitCode(result);
  });
}
