/** Printing `corpus trends`: a sparkline per entity, then a bar per period (CSV and NDJSON come from the output formats). */
import type { RisingResult, TrendsResult } from '../trends/trends.js';
import { maxOf } from '../core/extremes.js';
import { visible } from './safe.js';
import { formatNumber, plural } from './text.js';

const TICKS = '▁▂▃▄▅▆▇█';
const BAR = 40;
// formatNumber, not toLocaleString: its first call loads ICU's number formatting (≈ 20 ms of a command).
const number = formatNumber;

export function sparkline(values: number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) =>
      max === 0 || v === 0 ? ' ' : TICKS[Math.min(TICKS.length - 1, Math.floor((v / max) * (TICKS.length - 1) + 0.5))],
    )
    .join('');
}

export function renderTrendsText(result: TrendsResult, context: { width?: number | null } = {}): string {
  const out: string[] = [];
  for (const e of result.entities) {
    if (out.length > 0) out.push('');
    out.push(
      `${visible(e.name)} (${e.type}): ${plural(e.documents, 'document')} (${plural(e.stories, 'story', 'stories')}), ${plural(e.mentions, 'mention')} by ${result.by}`,
    );
    if (e.periods.length === 0) {
      out.push('  no dated mentions');
      continue;
    }
    out.push(
      `  ${sparkline(e.periods.map((p) => p.documents))}  ${e.periods[0].period} … ${e.periods[e.periods.length - 1].period}`,
    );
    const max = maxOf(e.periods.map((p) => p.documents));
    const width = maxOf(e.periods.map((p) => number(p.documents).length));
    const mWidth = maxOf(e.periods.map((p) => number(p.mentions).length));
    const sWidth = maxOf(e.periods.map((p) => number(p.stories).length));
    const label = (p: (typeof e.periods)[number]) =>
      `  ${p.period.padEnd(10)}  ${number(p.documents).padStart(width)} docs  ${number(p.stories).padStart(sWidth)} stories  ${number(p.mentions).padStart(mWidth)} mentions  `;
    // The bars take what the screen leaves beside the figures (at most BAR, at least 10).
    const room = context.width ? Math.max(10, Math.min(BAR, context.width - label(e.periods[0]).length)) : BAR;
    for (const p of e.periods) {
      const bar = '█'.repeat(max > 0 ? Math.round((p.documents / max) * room) : 0);
      out.push(`${label(p)}${bar}`);
    }
  }
  return out.join('\n') + '\n';
}

export function renderRisingText(result: RisingResult): string {
  const out = [
    `Rising over ${result.period.from} … ${result.period.to} (${plural(result.stories.current, 'story', 'stories')}, ${plural(result.documents.current, 'document')}) against the ${result.period.days} days before (${number(result.stories.previous)}, ${number(result.documents.previous)}):`,
  ];
  if (result.documents.previous === 0)
    return `${out[0]}\n  no documents in the period before to compare with; try a longer --period or an earlier --to\n`;
  if (result.entities.length === 0) return `${out[0]}\n  nothing rose\n`;
  const nameWidth = Math.max(...result.entities.map((e) => `${e.name} (${e.type})`.length));
  for (const e of result.entities) {
    out.push(
      `  ${visible(`${e.name} (${e.type})`).padEnd(nameWidth)}  ×${e.growth.toFixed(2).padStart(6)}  ${number(e.previous).padStart(5)} → ${plural(e.current, 'story', 'stories')}`,
    );
  }
  return out.join('\n') + '\n';
}
