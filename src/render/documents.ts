import type { CorpusStats, StoredDocumentView } from '../store/documents.js';
import { displayPath, fitText, formatBytes, formatNumber, keyValues, plural, type TextContext, table } from './text.js';
import { datedFrom } from './date-source.js';

export function renderStats(s: CorpusStats, context: TextContext = { colour: false }): string {
  const range = s.firstDate ? `${s.firstDate} … ${s.lastDate}` : 'no dated documents';
  const lines = [
    keyValues(
      [
        ['documents', formatNumber(s.documents)],
        ['paths', formatNumber(s.paths)],
        ['characters', formatNumber(s.characters)],
        ['dates', range],
        ['undated', formatNumber(s.undated)],
        // As the timeline counts them; the per-document event names (`--entity` finds) after.
        ['events', formatNumber(s.corpusEvents)],
        ['dated mentions', formatNumber(s.loneMentions)],
        ['event names', formatNumber(s.events)],
        ['database', formatBytes(s.databaseBytes)],
      ],
      context.width,
    ),
  ];
  const types = Object.keys({ ...s.entities, ...s.mentions }).sort();
  if (types.length > 0) {
    lines.push(
      '',
      table(
        ['type', 'entities', 'mentions'],
        types.map((t) => [t, s.entities[t] ?? 0, s.mentions[t] ?? 0]),
        context.width,
      ),
    );
  }
  if (s.sources.length > 0)
    lines.push(
      '',
      table(
        ['source', 'documents'],
        s.sources.map((r) => [r.source, r.documents]),
        context.width,
      ),
    );
  if (s.tags.length > 0)
    lines.push(
      '',
      table(
        ['tag', 'documents'],
        s.tags.map((r) => [r.tag, r.documents]),
        context.width,
      ),
    );
  return lines.join('\n');
}

export function renderDocument(d: StoredDocumentView, context: TextContext = { colour: false }): string {
  const head = keyValues(
    [
      ['id', d.id],
      ...(d.externalId ? [['external id', d.externalId] as const] : []),
      ['title', d.title],
      ['date', d.date ? datedFrom(d.date, d.dateSource) : null],
      ['source', d.source],
      ['dateline', d.dateline],
      ['section', d.section],
      ['tags', d.tags.length ? d.tags.join(', ') : null],
      ['format', d.format],
      ['size', `${plural(d.chars, 'character')}, ${plural(d.tokens, 'token')}`],
      ...d.paths.map((p, i) => [i === 0 ? 'path' : '', displayPath(p, context.cwd)] as const),
    ],
    context.width,
  );
  return `${head}\n\n${fitText(d.body.trimEnd(), context.width)}`;
}
