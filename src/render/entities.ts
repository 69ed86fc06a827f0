import type { EntityDetail, EntitySummary, Suspect } from '../store/entities.js';
import { displayPath, formatNumber, keyValues, plural, shorten, type TextContext, table, width } from './text.js';

export function renderEntityList(entities: EntitySummary[], context: TextContext = { colour: false }): string {
  if (entities.length === 0) return 'no entities';
  // Aliases are the flexible column: cut at a word to the room the terminal leaves, never folded.
  const widest = (values: string[], header: string) => Math.max(width(header), ...values.map(width));
  const fixed =
    widest(entities.map((e) => e.name), 'entity') +
    widest(entities.map((e) => e.type), 'type') +
    widest(entities.map((e) => formatNumber(e.mentions)), 'mentions') +
    widest(entities.map((e) => formatNumber(e.documents)), 'docs') +
    4 * 2;
  const room = context.width ? Math.max(8, context.width - fixed) : 60;
  return table(
    ['entity', 'type', 'mentions', 'docs', 'aliases'],
    entities.map((e) => [e.name, e.type, e.mentions, e.documents, shorten(e.aliases.join(', '), room)]),
    context.width,
  );
}

export function renderEntity(
  e: EntityDetail,
  others: { type: string; name: string }[],
  context: TextContext = { colour: false },
): string {
  const width = context.width ?? null;
  const parts = [
    keyValues(
      [
        ['entity', e.name],
        ['type', e.type],
        ['aliases', e.aliases.length ? e.aliases.join(', ') : null],
        ['mentions', `${formatNumber(e.mentions)} in ${plural(e.documents, 'document')}`],
        ...(e.lat !== null && e.lon !== null ? [['location', `${e.lat.toFixed(4)}, ${e.lon.toFixed(4)}`] as const] : []),
        ...(others.length ? [['also', others.map((o) => `${o.name} (${o.type})`).join(', ')] as const] : []),
      ],
      width,
    ),
  ];
  if (e.documentList.length) {
    parts.push(
      table(
        ['date', 'mentions', 'document'],
        e.documentList.map((d) => [
          d.date ?? '—',
          d.mentions,
          shorten(d.title ?? (d.path ? displayPath(d.path, context.cwd) : `#${d.id}`), 70),
        ]),
        width,
      ),
    );
  }
  if (e.related.length) {
    parts.push(table(['mentioned with', 'type', 'sentences'], e.related.map((r) => [r.name, r.type, r.sentences]), width));
  }
  return parts.join('\n\n');
}

export function renderSuspects(suspects: Suspect[], context: TextContext = { colour: false }): string {
  if (suspects.length === 0) return 'no likely duplicates';
  return table(['entity', 'maybe the same as', 'type', 'why'], suspects.map((s) => [s.a, s.b, s.type, s.reason]), context.width);
}
