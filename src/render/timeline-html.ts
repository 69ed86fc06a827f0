import {
  addDays,
  bucketLabel,
  bucketStart,
  bucketUnitFor,
  daysBetween,
  nextBucket,
  type BucketUnit,
} from '../core/days.js';
import { dateLabel } from '../core/timex.js';
import type { Timeline, TimelineEntry } from '../timeline/types.js';
import { entityLabel, sourceLabel, spanOfEntries } from './timeline-text.js';

/** Text for HTML element content and attribute values: article text never becomes markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Marks stacked in one bucket before the rest are summed up as "+N" (the list below has them all). */
const MAX_STACK = 18;
const LAYOUT = { left: 48, right: 48, top: 28, step: 17, radius: 6, minBucket: 26, width: 1100, labelWidth: 74 };

/**
 * One self-contained page (inline CSS and script, no fonts or requests): an SVG time axis with a
 * mark per entry, grouped by day, week, month or year as the range needs; hovering or clicking a
 * mark shows its evidence, and the full list with every source follows, readable without script.
 */
export function renderTimelineHtml(timeline: Timeline): string {
  const subject = timeline.entity ? entityLabel(timeline.entity) : 'All events';
  const n = timeline.entries.length;
  const summary = [
    n === 0 ? 'Nothing dated.' : `${n} dated entr${n === 1 ? 'y' : 'ies'}, ${spanOfEntries(timeline.entries)}.`,
  ];
  if (timeline.from || timeline.to) summary.push(`Between ${timeline.from ?? 'the beginning'} and ${timeline.to ?? 'the end'}.`);
  if (timeline.undated > 0) summary.push(`${timeline.undated} undated event${timeline.undated === 1 ? '' : 's'} left out.`);
  if (timeline.alsoMatched.length > 0) summary.push(`The name also matches ${timeline.alsoMatched.map(entityLabel).join(', ')}.`);

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Timeline: ${escapeHtml(subject)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(subject)}</h1>
<p class="summary">${escapeHtml(summary.join(' '))}</p>
</header>
${n === 0 ? '' : svg(timeline.entries)}
<aside id="detail" aria-live="polite"><p class="hint">${n === 0 ? '' : 'Point at or click a mark to read its evidence.'}</p></aside>
<ol class="entries">
${timeline.entries.map(entryItem).join('\n')}
</ol>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

interface Bucket {
  start: string;
  end: string; // first day of the next bucket
  entries: number[];
  /** A stretch with nothing in it, drawn as a break in the axis rather than as empty buckets. */
  gap?: boolean;
}

/** Empty buckets in a row beyond which the axis breaks. */
const MAX_EMPTY_RUN = 3;

/**
 * Buckets for the marks. One outlier (a sentence about 2000 in news of 2018) must not squash the
 * rest into a single year: the bucket size comes from the widest cluster of dates, and long empty
 * stretches between clusters become one break in the axis.
 */
function buckets(entries: TimelineEntry[]): { unit: BucketUnit; list: Bucket[] } {
  const starts = entries.map((e) => e.date.start).sort();
  const first = starts[0];
  const last = starts[starts.length - 1];
  const breakAfter = Math.max(60, daysBetween(first, last) / 4);
  let widest = 0;
  let clusterStart = first;
  for (let k = 1; k < starts.length; k++) {
    if (daysBetween(starts[k - 1], starts[k]) > breakAfter) {
      widest = Math.max(widest, daysBetween(clusterStart, starts[k - 1]));
      clusterStart = starts[k];
    }
  }
  widest = Math.max(widest, daysBetween(clusterStart, last));
  const unit = bucketUnitFor(first, addDays(first, widest));

  const occupied = [...new Set(starts.map((day) => bucketStart(day, unit)))];
  const list: Bucket[] = [];
  const index = new Map<string, Bucket>();
  occupied.forEach((start, k) => {
    const bucket: Bucket = { start, end: nextBucket(start, unit), entries: [] };
    list.push(bucket);
    index.set(start, bucket);
    const next = occupied[k + 1];
    if (next === undefined) return;
    const empty: string[] = [];
    for (let day = bucket.end; day < next && empty.length <= MAX_EMPTY_RUN; day = nextBucket(day, unit)) empty.push(day);
    if (empty.length > MAX_EMPTY_RUN) list.push({ start: bucket.end, end: next, entries: [], gap: true });
    else for (const day of empty) list.push({ start: day, end: nextBucket(day, unit), entries: [] });
  });
  entries.forEach((entry, i) => index.get(bucketStart(entry.date.start, unit))!.entries.push(i));
  return { unit, list };
}

function svg(entries: TimelineEntry[]): string {
  const { unit, list } = buckets(entries);
  const inner = LAYOUT.width - LAYOUT.left - LAYOUT.right;
  const slot = Math.max(LAYOUT.minBucket, inner / list.length);
  const width = Math.round(LAYOUT.left + LAYOUT.right + slot * list.length);
  const tallest = Math.min(MAX_STACK + 1, Math.max(...list.map((b) => b.entries.length)));
  const axisY = LAYOUT.top + tallest * LAYOUT.step + 10;
  const height = axisY + 70;
  const labelEvery = Math.max(1, Math.ceil(LAYOUT.labelWidth / slot));

  // A day's position: its bucket, plus how far into the bucket it falls.
  const x = (day: string): number => {
    let i = list.findIndex((b) => day < b.end);
    if (i < 0) i = list.length - 1;
    const b = list[i];
    const fraction = Math.min(1, Math.max(0, daysBetween(b.start, day) / Math.max(1, daysBetween(b.start, b.end))));
    return LAYOUT.left + slot * (i + fraction);
  };

  // Name a mark beside it where its row has room (right, else left), so a sparse timeline reads
  // without pointing at anything; the rest rely on hover and the list.
  const occupiedUntil: number[] = [];
  const nextAtLevel = (i: number, level: number): number | null => {
    for (let j = i + 1; j < list.length; j++) if (list[j].entries.length > level) return j;
    return null;
  };
  const markLabel = (level: number, i: number, cx: number, cy: number, text: string): string => {
    if (level >= MAX_STACK) return '';
    const next = nextAtLevel(i, level);
    const rightEnd = next === null ? width - 6 : LAYOUT.left + slot * (next + 0.5) - LAYOUT.radius - 6;
    const leftStart = Math.max(occupiedUntil[level] ?? 0, 6);
    const right = rightEnd - (cx + LAYOUT.radius + 4);
    const left = cx - LAYOUT.radius - 4 - leftStart;
    occupiedUntil[level] = cx + LAYOUT.radius + 4;
    const fit = (space: number) => clip(text, Math.floor(space / LABEL_CHAR_WIDTH));
    if (right >= MIN_LABEL) {
      occupiedUntil[level] = cx + LAYOUT.radius + 4 + fit(right).length * LABEL_CHAR_WIDTH;
      return `<text class="mark-label" x="${r(cx + LAYOUT.radius + 4)}" y="${r(cy + 4)}">${escapeHtml(fit(right))}</text>`;
    }
    if (left >= MIN_LABEL) {
      return `<text class="mark-label" x="${r(cx - LAYOUT.radius - 4)}" y="${r(cy + 4)}" text-anchor="end">${escapeHtml(fit(left))}</text>`;
    }
    return '';
  };

  const parts: string[] = [];
  const breaks: string[] = [];
  parts.push(`<line class="axis" x1="${LAYOUT.left}" y1="${axisY}" x2="${width - LAYOUT.right}" y2="${axisY}"/>`);
  list.forEach((bucket, i) => {
    const bx = LAYOUT.left + slot * i;
    const cx = bx + slot / 2;
    if (bucket.gap) {
      // A break in the axis: a blank with two slashes, and what was skipped on hover; drawn under the marks' labels.
      breaks.push(
        `<g class="gap"><title>nothing from ${escapeHtml(bucket.start)} to ${escapeHtml(addDays(bucket.end, -1))}</title>` +
          `<rect x="${r(bx + 4)}" y="${axisY - 4}" width="${r(slot - 8)}" height="8"/>` +
          `<line x1="${r(bx + 1)}" y1="${axisY + 6}" x2="${r(bx + 7)}" y2="${axisY - 6}"/>` +
          `<line x1="${r(bx + slot - 7)}" y1="${axisY + 6}" x2="${r(bx + slot - 1)}" y2="${axisY - 6}"/></g>`,
      );
      return;
    }
    parts.push(`<line class="tick" x1="${r(bx)}" y1="${axisY}" x2="${r(bx)}" y2="${axisY + 6}"/>`);
    if (i % labelEvery === 0) {
      const label = escapeHtml(bucketLabel(bucket.start, unit));
      const rotate = labelEvery > 1 || slot < LAYOUT.labelWidth ? ` transform="rotate(-35 ${r(cx)} ${axisY + 18})"` : '';
      parts.push(`<text class="tick-label" x="${r(cx)}" y="${axisY + 18}" text-anchor="${rotate ? 'end' : 'middle'}"${rotate}>${label}</text>`);
    }
    bucket.entries.forEach((entryIndex, level) => {
      const cy = axisY - 10 - level * LAYOUT.step;
      if (level === MAX_STACK) {
        const rest = bucket.entries.length - MAX_STACK;
        parts.push(
          `<g class="more" data-bucket="${escapeHtml(bucket.start)}"><title>${rest} more: see the list below</title>` +
            `<text x="${r(cx)}" y="${r(cy + 4)}" text-anchor="middle">+${rest}</text></g>`,
        );
        return;
      }
      if (level > MAX_STACK) return;
      const entry = entries[entryIndex];
      const spanWidth = x(nextDay(entry.date.end)) - x(entry.date.start);
      const bar =
        spanWidth > slot * 1.05
          ? `<rect class="span" x="${r(x(entry.date.start))}" y="${r(cy - 2)}" width="${r(spanWidth)}" height="4" rx="2"/>`
          : '';
      const tip = `${dateLabel(entry.date)} — ${headline(entry)}`;
      parts.push(
        `<g class="mark ${entry.kind}" data-entry="${entryIndex}" tabindex="0" role="button" aria-label="${escapeHtml(tip)}">` +
          `<title>${escapeHtml(tip)}</title>${bar}<circle cx="${r(cx)}" cy="${r(cy)}" r="${LAYOUT.radius}"/>` +
          `${markLabel(level, i, cx, cy, headline(entry))}</g>`,
      );
    });
  });
  const legend =
    `<g class="legend" transform="translate(${LAYOUT.left} 14)">` +
    `<circle class="event-dot" cx="0" cy="0" r="5"/><text x="10" y="4">event</text>` +
    `<circle class="mention-dot" cx="70" cy="0" r="5"/><text x="80" y="4">dated mention</text>` +
    `<text x="200" y="4">grouped by ${unit}</text></g>`;
  return `<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="timeline">${legend}${parts[0]}${breaks.join('')}${parts.slice(1).join('')}</svg></div>`;
}

/** Approximate advance of one character of an 11px label, to clip labels to their room. */
const LABEL_CHAR_WIDTH = 6.2;
const MIN_LABEL = 96;

function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1)).trimEnd()}…`;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function headline(entry: TimelineEntry): string {
  if (entry.kind === 'event') return entry.name + (entry.place ? ` @ ${entry.place.name}` : '');
  return entry.sources[0]?.evidence[0]?.text ?? entry.name;
}

function entryItem(entry: TimelineEntry, index: number): string {
  const title =
    entry.kind === 'event'
      ? `<span class="name">${escapeHtml(entry.name)}</span>${entry.place ? ` <span class="place">@ ${escapeHtml(entry.place.name)}</span>` : ''}`
      : `<span class="name">“${escapeHtml(entry.name)}”</span> <span class="kind">dated mention</span>`;
  const who = entry.entities.length > 0 ? `<p class="who">${escapeHtml(entry.entities.map((e) => e.name).join(', '))}</p>` : '';
  const sources = entry.sources
    .map((source) => {
      const quotes = source.evidence
        .slice(0, 2)
        .map((s) => `<blockquote>${escapeHtml(s.text)}</blockquote>`)
        .join('');
      return `<li>${quotes}<cite>${escapeHtml(sourceLabel(source))}</cite></li>`;
    })
    .join('');
  return (
    `<li id="entry-${index}" class="entry ${entry.kind}">` +
    `<time datetime="${escapeHtml(entry.date.start)}">${escapeHtml(dateLabel(entry.date))}</time>` +
    `<div class="body"><h2>${title}</h2>${who}<ul class="sources">${sources}</ul></div></li>`
  );
}

const STYLE = `
:root { color-scheme: light; --ink: #1d232a; --muted: #5c6670; --event: #1f6fb2; --mention: #c2571a; --rule: #d5dbe1; }
* { box-sizing: border-box; }
body { margin: 0; padding: 20px 28px 40px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { margin: 0 0 4px; font-size: 24px; }
.summary { margin: 0 0 14px; color: var(--muted); }
.chart { overflow-x: auto; border: 1px solid var(--rule); border-radius: 6px; background: #fafbfc; }
svg { display: block; font-size: 12px; }
.axis { stroke: var(--ink); stroke-width: 1.5; }
.tick { stroke: var(--ink); }
.gap rect { fill: #fafbfc; }
.gap line { stroke: var(--ink); stroke-width: 1.5; }
.tick-label, .legend text, .more text { fill: var(--muted); }
.mark-label { font-size: 11px; fill: var(--ink); }
.mark { cursor: pointer; outline: none; }
.mark circle { stroke: #fff; stroke-width: 1.5; }
.mark.event circle, .event-dot { fill: var(--event); }
.mark.mention circle, .mention-dot { fill: var(--mention); }
.mark .span { fill: var(--event); opacity: .25; }
.mark.mention .span { fill: var(--mention); }
.mark:hover circle, .mark:focus circle, .mark.active circle { stroke: var(--ink); stroke-width: 2.5; }
#detail { min-height: 64px; margin: 14px 0; padding: 10px 14px; border-left: 4px solid var(--event); background: #f3f7fb; }
#detail .hint { color: var(--muted); margin: 0; }
#detail h2 { margin: 0 0 4px; }
.entries { list-style: none; margin: 0; padding: 0; }
.entry { display: flex; gap: 16px; padding: 10px 0; border-top: 1px solid var(--rule); }
.entry.active { background: #fff8e6; }
.entry time { flex: 0 0 150px; font-variant-numeric: tabular-nums; font-weight: 600; color: var(--event); }
.entry.mention time { color: var(--mention); }
.entry h2 { font-size: 16px; margin: 0; }
.place, .kind { color: var(--muted); font-weight: normal; }
.who { margin: 2px 0; color: #6b4e00; }
.sources { list-style: none; margin: 4px 0 0; padding: 0; }
blockquote { margin: 4px 0; padding-left: 10px; border-left: 3px solid var(--rule); }
cite { display: block; font-style: normal; font-size: 13px; color: var(--muted); }
`;

// Reads the page's own markup (no data blob to escape): a mark's detail is a copy of its list item.
const SCRIPT = `
(function () {
  var detail = document.getElementById('detail');
  var pinned = null;
  function show(mark) {
    var item = document.getElementById('entry-' + mark.getAttribute('data-entry'));
    if (!item) return;
    detail.innerHTML = '';
    var time = item.querySelector('time').cloneNode(true);
    detail.appendChild(time);
    detail.appendChild(item.querySelector('.body').cloneNode(true));
    detail.style.borderLeftColor = mark.classList.contains('mention') ? 'var(--mention)' : 'var(--event)';
    return item;
  }
  function pin(mark) {
    if (pinned) { pinned.classList.remove('active'); }
    var previous = document.querySelector('.entry.active');
    if (previous) previous.classList.remove('active');
    pinned = mark;
    mark.classList.add('active');
    var item = show(mark);
    if (item) item.classList.add('active');
  }
  document.querySelectorAll('.mark').forEach(function (mark) {
    mark.addEventListener('mouseenter', function () { show(mark); });
    mark.addEventListener('mouseleave', function () { if (pinned) show(pinned); });
    mark.addEventListener('focus', function () { show(mark); });
    mark.addEventListener('click', function () { pin(mark); });
    mark.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pin(mark); } });
  });
})();
`;
