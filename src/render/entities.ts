import type { EntityDetail, EntitySummary, Suspect } from '../store/entities.js';
import { displayPath, keyValues, table } from './text.js';

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function renderEntityList(entities: EntitySummary[]): string {
  if (entities.length === 0) return 'no entities';
  return table(
    ['entity', 'type', 'mentions', 'docs', 'aliases'],
    entities.map((e) => [e.name, e.type, e.mentions, e.documents, shorten(e.aliases.join(', '), 60)]),
  );
}

export function renderEntity(e: EntityDetail, others: { type: string; name: string }[], cwd?: string): string {
  const parts = [
    keyValues([
      ['entity', e.name],
      ['type', e.type],
      ['aliases', e.aliases.length ? e.aliases.join(', ') : null],
      ['mentions', `${e.mentions} in ${e.documents} document${e.documents === 1 ? '' : 's'}`],
      ...(e.lat !== null && e.lon !== null ? [['location', `${e.lat.toFixed(4)}, ${e.lon.toFixed(4)}`] as const] : []),
      ...(others.length ? [['also', others.map((o) => `${o.name} (${o.type})`).join(', ')] as const] : []),
    ]),
  ];
  if (e.documentList.length) {
    parts.push(
      table(
        ['date', 'mentions', 'document'],
        e.documentList.map((d) => [d.date ?? '—', d.mentions, shorten(d.title ?? (d.path ? displayPath(d.path, cwd) : `#${d.id}`), 70)]),
      ),
    );
  }
  if (e.related.length) {
    parts.push(table(['mentioned with', 'type', 'sentences'], e.related.map((r) => [r.name, r.type, r.sentences])));
  }
  return parts.join('\n\n');
}

export function renderSuspects(suspects: Suspect[]): string {
  if (suspects.length === 0) return 'no likely duplicates';
  return table(['entity', 'maybe the same as', 'type', 'why'], suspects.map((s) => [s.a, s.b, s.type, s.reason]));
}
