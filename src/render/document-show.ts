/**
 * `corpus show` with its analysis: the document's entity mentions coloured by type on a terminal,
 * then its entities (with mention counts), events and near-duplicates.
 */
import type { StoredDocumentView } from '../store/documents.js';
import type { ClusterMember } from '../store/duplicates.js';
import { renderDocument } from './documents.js';
import { displayPath, type TextContext } from './text.js';

const COLOURS: Record<string, string> = {
  PERSON: '\x1b[36m',
  COUNTRY: '\x1b[32m',
  PLACE: '\x1b[32m',
  ORG: '\x1b[33m',
  EVENT: '\x1b[35m',
  DATE: '\x1b[34m',
};
const RESET = '\x1b[39m';

export interface DocumentAnalysis {
  entities: { name: string; type: string; mentions: number }[];
  events: { name: string; mentions: number }[];
  nearDuplicates: Omit<ClusterMember, 'cluster'>[];
}

/** Entities and events of a document from its mentions, most mentioned first. */
export function analysisOf(
  doc: StoredDocumentView,
  nearDuplicates: Omit<ClusterMember, 'cluster'>[],
): DocumentAnalysis {
  const entities = new Map<string, { name: string; type: string; mentions: number }>();
  const events = new Map<string, { name: string; mentions: number }>();
  for (const m of doc.mentions) {
    if (!m.entity) continue;
    if (m.type === 'EVENT') {
      const e = events.get(m.entity) ?? { name: m.entity, mentions: 0 };
      e.mentions++;
      events.set(m.entity, e);
    } else if (m.type !== 'DATE') {
      const key = `${m.type}\0${m.entity}`;
      const e = entities.get(key) ?? { name: m.entity, type: m.type, mentions: 0 };
      e.mentions++;
      entities.set(key, e);
    }
  }
  const byCount = <T extends { mentions: number; name: string }>(a: T, b: T): number =>
    b.mentions - a.mentions || a.name.localeCompare(b.name);
  return { entities: [...entities.values()].sort(byCount), events: [...events.values()].sort(byCount), nearDuplicates };
}

/** The body with each mention coloured by its type (only with colour: piped text stays as stored). */
export function highlightMentions(body: string, mentions: StoredDocumentView['mentions'], colour: boolean): string {
  if (!colour) return body;
  let out = '';
  let at = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const c = COLOURS[m.type];
    if (!c || m.start < at || m.end > body.length || m.end <= m.start) continue;
    out += body.slice(at, m.start) + c + body.slice(m.start, m.end) + RESET;
    at = m.end;
  }
  return out + body.slice(at);
}

export function renderDocumentShow(doc: StoredDocumentView, analysis: DocumentAnalysis, options: TextContext): string {
  const lines = [renderDocument({ ...doc, body: highlightMentions(doc.body, doc.mentions, options.colour) }, options)];
  const paint = (type: string, text: string): string =>
    options.colour && COLOURS[type] ? COLOURS[type] + text + RESET : text;
  if (analysis.entities.length > 0) {
    lines.push('', 'Entities:');
    const types = [...new Set(analysis.entities.map((e) => e.type))];
    const width = Math.max(...types.map((t) => t.length));
    for (const type of types) {
      const names = analysis.entities
        .filter((e) => e.type === type)
        .map((e) => `${paint(type, e.name)} ×${e.mentions}`);
      lines.push(`  ${type.padEnd(width)}  ${names.join(', ')}`);
    }
  }
  if (analysis.events.length > 0)
    lines.push('', 'Events:', ...analysis.events.map((e) => `  ${paint('EVENT', e.name)} ×${e.mentions}`));
  if (analysis.nearDuplicates.length > 0) {
    lines.push('', 'Near-duplicates:');
    for (const d of analysis.nearDuplicates) {
      lines.push(
        `  #${d.id}  ${d.date ?? 'undated   '}  ${d.title ?? '(untitled)'}${d.path ? `  ${displayPath(d.path, options.cwd)}` : ''}`,
      );
    }
  }
  return lines.join('\n');
}
