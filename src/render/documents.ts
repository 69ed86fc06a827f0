import type { CorpusStats, StoredDocumentView } from '../store/documents.js';
import { displayPath, formatBytes, keyValues, table } from './text.js';

export function renderStats(s: CorpusStats): string {
  const range = s.firstDate ? `${s.firstDate} … ${s.lastDate}` : 'no dated documents';
  const lines = [
    keyValues([
      ['documents', s.documents.toLocaleString('en-US')],
      ['paths', s.paths.toLocaleString('en-US')],
      ['characters', s.characters.toLocaleString('en-US')],
      ['dates', range],
      ['undated', s.undated.toLocaleString('en-US')],
      ['events', s.events.toLocaleString('en-US')],
      ['database', formatBytes(s.databaseBytes)],
    ]),
  ];
  const types = Object.keys({ ...s.entities, ...s.mentions }).sort();
  if (types.length > 0) {
    lines.push('', table(['type', 'entities', 'mentions'], types.map((t) => [t, s.entities[t] ?? 0, s.mentions[t] ?? 0])));
  }
  if (s.sources.length > 0) lines.push('', table(['source', 'documents'], s.sources.map((r) => [r.source, r.documents])));
  if (s.tags.length > 0) lines.push('', table(['tag', 'documents'], s.tags.map((r) => [r.tag, r.documents])));
  return lines.join('\n');
}

export function renderDocument(d: StoredDocumentView, cwd?: string): string {
  const head = keyValues([
    ['id', d.id],
    ...(d.externalId ? [['external id', d.externalId] as const] : []),
    ['title', d.title],
    ['date', d.date ? `${d.date} (${d.dateSource})` : null],
    ['source', d.source],
    ['dateline', d.dateline],
    ['section', d.section],
    ['tags', d.tags.length ? d.tags.join(', ') : null],
    ['format', d.format],
    ['size', `${d.chars.toLocaleString('en-US')} characters, ${d.tokens.toLocaleString('en-US')} tokens`],
    ...d.paths.map((p, i) => [i === 0 ? 'path' : '', displayPath(p, cwd)] as const),
  ]);
  return `${head}\n\n${d.body.trimEnd()}`;
}
