import { maxOf } from '../core/extremes.js';
import type { BulkResult, MergeResult, UnmergeResult } from '../entities/curate.js';
import type { EntityDetail, EntitySummary, EntityWhy, Suspect } from '../store/entities.js';
import {
  displayPath,
  formatNumber,
  keyValues,
  plural,
  shorten as cut,
  type TextContext,
  table,
  width,
} from './text.js';

/** One line (aliases and titles may carry newlines from the source), cut to `columns`. */
const shorten = (s: string, columns: number) => cut(s.replace(/\s+/g, ' '), columns);

/**
 * The aliases a person reads: one spelling per way of writing a name that differs only in case, the
 * one written in ordinary capitals (`Fed`, not `FED` of a headline in capitals nor `FEd` of a slip of
 * the shift key), and none that is only the entity's name in other capitals (`JAPAN` of Japan). JSON
 * keeps every written form.
 */
export function readableAliases(name: string, aliases: readonly string[]): string[] {
  const folded = name.toLowerCase();
  const best = new Map<string, string>();
  for (const alias of aliases) {
    const key = alias.toLowerCase();
    if (key === folded) continue;
    const kept = best.get(key);
    if (kept === undefined || plainer(alias, kept)) best.set(key, alias);
  }
  return [...best.values()];
}

/** Capitals after a capital in a word (`FEd`, `FED`: 1, 2; `Fed`, `U.S.`, `EC` of itself: 0, 0, 1). */
const runCapitals = (s: string): number => (s.match(/(?<=\p{Lu})\p{Lu}/gu) ?? []).length;
const capitals = (s: string): number => (s.match(/\p{Lu}/gu) ?? []).length;

/** Whether `a` reads more like ordinary writing than `b`: fewer capitals in a row, then more capitals (`U.S.` over `U.s.`). */
function plainer(a: string, b: string): boolean {
  return runCapitals(a) - runCapitals(b) < 0 || (runCapitals(a) === runCapitals(b) && capitals(a) > capitals(b));
}

export function renderEntityList(entities: EntitySummary[], context: TextContext = { colour: false }): string {
  if (entities.length === 0) return 'no entities';
  // Aliases are the flexible column: cut at a word to the room the terminal leaves, never folded.
  const widest = (values: string[], header: string) => Math.max(width(header), maxOf(values.map(width), 0));
  const fixed =
    widest(
      entities.map((e) => e.name),
      'entity',
    ) +
    widest(
      entities.map((e) => e.type),
      'type',
    ) +
    widest(
      entities.map((e) => formatNumber(e.mentions)),
      'mentions',
    ) +
    widest(
      entities.map((e) => formatNumber(e.documents)),
      'docs',
    ) +
    4 * 2;
  const room = context.width ? Math.max(8, context.width - fixed) : 60;
  return table(
    ['entity', 'type', 'mentions', 'docs', 'aliases'],
    entities.map((e) => [
      e.name,
      e.type,
      e.mentions,
      e.documents,
      shorten(readableAliases(e.name, e.aliases).join(', '), room),
    ]),
    context.width,
  );
}

export function renderEntity(
  e: EntityDetail,
  others: { type: string; name: string }[],
  context: TextContext = { colour: false },
): string {
  const columns = context.width ?? null;
  const aliases = readableAliases(e.name, e.aliases).join(', ');
  const parts = [
    keyValues(
      [
        ['entity', e.name],
        ['type', e.type],
        ['aliases', aliases ? shorten(aliases, 200) : null],
        ['mentions', `${formatNumber(e.mentions)} in ${plural(e.documents, 'document')}`],
        ['seen', e.firstSeen ? (e.firstSeen === e.lastSeen ? e.firstSeen : `${e.firstSeen} to ${e.lastSeen}`) : null],
        ...(e.lat !== null && e.lon !== null
          ? [['location', `${e.lat.toFixed(4)}, ${e.lon.toFixed(4)}`] as const]
          : []),
        ...(others.length ? [['also', others.map((o) => `${o.name} (${o.type})`).join(', ')] as const] : []),
      ],
      columns,
    ),
  ];
  if (e.documentList.length) {
    const shown =
      e.documentList.length < e.documents
        ? ` (latest ${e.documentList.length} of ${e.documents}; --limit 0 for all)`
        : '';
    parts.push(
      `documents${shown}\n` +
        table(
          ['id', 'date', 'mentions', 'title', 'path'],
          e.documentList.map((d) => [
            d.externalId ?? `#${d.id}`,
            d.date ?? '—',
            d.mentions,
            shorten(d.title ?? '—', 50),
            d.path ? displayPath(d.path, context.cwd) : '—',
          ]),
          columns,
        ),
    );
  }
  if (e.related.length) {
    parts.push(
      `named with it more often than chance (log-likelihood over sentences)\n` +
        table(
          ['entity', 'type', 'sentences', 'score'],
          e.related.map((r) => [r.name, r.type, r.sentences, r.score]),
          columns,
        ),
    );
  }
  return parts.join('\n\n');
}

export function renderWhy(w: EntityWhy): string {
  const lines: string[] = [];
  // Its aliases are how its own mentions were written (or names every reader knows it by, `U.S.`):
  // only names of other entities are joined to it, so saying "no other name" contradicted the aliases.
  if (w.links.length === 0 && w.documents.length === 0)
    return `${w.name}: no other entity was joined to it (its aliases are how its own mentions are written)`;
  lines.push(`${w.name} is also:`);
  for (const l of w.links) {
    // Two entities of one name (`Reagan` typed ORG in some documents, PLACE in others) are two lines.
    const name = l.type === w.type ? l.name : `${l.name} (${l.type})`;
    lines.push(`  ${name} — ${l.rule === 'user' ? 'merged by hand' : `${l.rule}: ${l.detail}`}`);
  }
  if (w.documents.length) {
    lines.push(`in ${plural(w.documents.length, 'document')} where the name alone could mean others, by context:`);
    for (const d of w.documents.slice(0, 20)) lines.push(`  ${d.name} in ${d.detail}`);
    if (w.documents.length > 20) lines.push(`  … and ${w.documents.length - 20} more (--json for all)`);
  }
  return lines.join('\n');
}

export function renderCuration(r: MergeResult | UnmergeResult | BulkResult): string {
  const entities = (before: number, after: number) => `entities ${formatNumber(before)} → ${formatNumber(after)}`;
  if ('merges' in r) {
    const lines = r.merges.map(
      (m) => `merged ${m.from} into ${m.into}: ${plural(m.mentions, 'mention')} in ${plural(m.documents, 'document')}`,
    );
    lines.push(`${plural(r.merges.length, 'merge')}; ${entities(r.entitiesBefore, r.entitiesAfter)}`);
    return lines.join('\n');
  }
  if ('into' in r) {
    return `merged ${r.from} into ${r.into}: ${plural(r.mentions, 'mention')} in ${plural(r.documents, 'document')} moved; ${entities(r.entitiesBefore, r.entitiesAfter)}`;
  }
  return `${r.restored} is its own entity again: ${plural(r.mentions, 'mention')} in ${plural(r.documents, 'document')} moved from ${r.from}; ${entities(r.entitiesBefore, r.entitiesAfter)}`;
}

export function renderSuspects(suspects: Suspect[], context: TextContext = { colour: false }): string {
  if (suspects.length === 0) return 'no likely duplicates';
  return table(
    ['entity', 'maybe the same as', 'type', 'score', 'why'],
    suspects.map((s) => [s.a, s.b, s.type, s.score, shorten(s.reason, 160)]),
    context.width,
  );
}
