import { addDays, bucketLabel, bucketStart, bucketUnitFor, nextBucket } from '../core/days.js';
import { dateLabel } from '../core/timex.js';
import type { Timeline, TimelineEntry } from '../timeline/types.js';
import { entityLabel, leftOutLine, spanOfEntries } from './timeline-text.js';
import { escapeHtml, htmlPage } from './html-page.js';
import { eventTitle, unsaidPlace } from './event-title.js';

export { escapeHtml };

/** Marks stacked at one position before the rest are summed up as "+N" (the list below has them all). */
const MAX_LANES = 8;
/** Columns marks are placed in, and the largest mark (px): 800 px gives each column ~18 px. */
const SLOTS = 40;
const MAX_MARK = 13;
/** Share of the axis given to each gutter (entries far before or after the digest's core). */
const GUTTER = 7;
/** At most this many tick labels: at 800 px each has ~70 px, more than the widest label needs. */
const MAX_TICKS = 10;

export interface TimelineHtmlOptions {
  /** Turns a stored path into a link relative to the page (null: no link, the document id is shown). */
  link?: (path: string | null) => string | null;
}

/**
 * One self-contained page (inline CSS and script, no fonts or requests, a Content-Security-Policy):
 * a time axis that spans the core of the digest — entries far before or after it are folded into
 * "earlier" and "later" gutters — with a mark per entry, stacked in lanes so nothing overlaps; a
 * period selector zooms the axis and the list to one month or year; clicking a mark shows its
 * evidence. The list below has every entry with links to its articles, readable without script.
 */
export function renderTimelineHtml(timeline: Timeline, options: TimelineHtmlOptions = {}): string {
  const subject = timeline.entity ? entityLabel(timeline.entity) : 'All events';
  const n = timeline.entries.length;
  const summary = [
    n === 0 ? 'Nothing dated.' : `${n} entr${n === 1 ? 'y' : 'ies'}, ${spanOfEntries(timeline.entries)}.`,
  ];
  if (timeline.from || timeline.to)
    summary.push(`Between ${timeline.from ?? 'the beginning'} and ${timeline.to ?? 'the end'}.`);
  summary.push(leftOutLine(timeline));
  if (timeline.alsoMatched.length > 0)
    summary.push(`The name also matches ${timeline.alsoMatched.map(entityLabel).join(', ')}.`);
  const link = options.link ?? (() => null);

  return htmlPage({
    title: `Timeline: ${subject}`,
    heading: subject,
    summary: summary.join(' '),
    style: STYLE,
    script: SCRIPT,
    allow: 'img-src data:',
    body: `${n === 0 ? '' : chart(timeline.entries)}
<aside id="detail" aria-live="polite"><p class="hint">${n === 0 ? '' : 'Click a mark to read its evidence.'}</p></aside>
<ol class="entries">
${timeline.entries.map((e, i) => entryItem(e, i, link)).join('\n')}
</ol>`,
  });
}

function dayNumber(day: string): number {
  return Math.round(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000);
}

/**
 * The days the axis spans: the run of dates around the middle one with no gap wider than a
 * quarter-span (at least 90 days); dates beyond a wider gap (`130 years ago`, a 2016 maturity in
 * news of 1987) fold into the gutters instead of squashing the rest.
 */
export function coreSpan(entries: TimelineEntry[]): { from: string; to: string } {
  const starts = entries.map((e) => e.date.start).sort();
  const days = starts.map(dayNumber);
  const q1 = days[Math.floor(days.length / 4)];
  const q3 = days[Math.floor((3 * days.length) / 4)];
  const gap = Math.max(90, q3 - q1);
  let lo = Math.floor(days.length / 2);
  let hi = lo;
  while (lo > 0 && days[lo] - days[lo - 1] <= gap) lo--;
  while (hi < days.length - 1 && days[hi + 1] - days[hi] <= gap) hi++;
  return { from: starts[lo], to: starts[hi] };
}

function chart(entries: TimelineEntry[]): string {
  const { from, to } = coreSpan(entries);
  const lo = dayNumber(from);
  const hi = Math.max(lo + 1, dayNumber(to) + 1);
  const x = (day: string): number => {
    const d = dayNumber(day);
    if (d < lo) return GUTTER / 2;
    if (d > hi) return 100 - GUTTER / 2;
    return GUTTER + ((100 - 2 * GUTTER) * (d - lo)) / (hi - lo);
  };
  // Lanes: the axis is cut into SLOTS columns; a mark sits at its column's centre in the lowest free
  // lane, so marks never overlap at any width where a column is wider than a mark (800 px: ~18 px).
  const lanes = new Map<number, number>();
  const marks: string[] = [];
  const hidden = new Map<number, number>();
  const order = entries
    .map((_, i) => i)
    .sort((a, b) => entries[a].date.start.localeCompare(entries[b].date.start) || a - b);
  for (const i of order) {
    const e = entries[i];
    const slot = Math.min(SLOTS - 1, Math.floor(x(e.date.start) / (100 / SLOTS)));
    const pos = (slot + 0.5) * (100 / SLOTS);
    const lane = lanes.get(slot) ?? 0;
    lanes.set(slot, lane + 1);
    if (lane >= MAX_LANES) {
      hidden.set(slot, (hidden.get(slot) ?? 0) + 1);
      continue;
    }
    const reports = e.support.documents;
    const size = Math.min(MAX_MARK, 7 + Math.log2(1 + reports));
    marks.push(
      `<button class="mark ${e.kind}" data-entry="${i}" data-day="${dayNumber(e.date.start)}" data-lane="${lane}" ` +
        `style="left:${pos.toFixed(2)}%;bottom:${8 + lane * 22}px;width:${size.toFixed(0)}px;height:${size.toFixed(0)}px" ` +
        `title="${escapeHtml(`${dateLabel(e.date)} ${headline(e)} (${reports} report${reports === 1 ? '' : 's'})`)}" ` +
        `aria-label="${escapeHtml(`${dateLabel(e.date)}: ${headline(e)}`)}"></button>`,
    );
  }
  const more = [...hidden].map(
    ([slot, k]) =>
      `<span class="more" style="left:${((slot + 0.5) * (100 / SLOTS)).toFixed(2)}%;bottom:${8 + MAX_LANES * 22}px">+${k}</span>`,
  );
  const earlier = entries.filter((e) => dayNumber(e.date.start) < lo).length;
  const later = entries.filter((e) => dayNumber(e.date.start) > hi).length;
  const ticks = tickDays(from, to).map(
    (t) => `<span class="tick" style="left:${x(t.day).toFixed(2)}%">${escapeHtml(t.label)}</span>`,
  );
  const periods = periodOptions(entries);
  const height = 8 + Math.min(MAX_LANES + 1, Math.max(1, ...lanes.values())) * 22 + 10;
  return `<div class="controls"><label>Period <select id="period"><option value="">whole digest</option>${periods}</select></label></div>
<div class="chart" data-lo="${lo}" data-hi="${hi}" data-gutter="${GUTTER}" style="height:${height + 34}px">
<div class="gutter earlier" title="dated before ${escapeHtml(from)}">${earlier ? `earlier ${earlier}` : ''}</div>
<div class="gutter later" title="dated after ${escapeHtml(to)}">${later ? `later ${later}` : ''}</div>
<div class="plot" style="height:${height}px">${marks.join('')}${more.join('')}</div>
<div class="axis"></div>
<div class="ticks">${ticks.join('')}</div>
</div>`;
}

/** Tick days and labels for [from, to]: the bucket size the span needs, thinned to at most MAX_TICKS. */
function tickDays(from: string, to: string): { day: string; label: string }[] {
  const unit = bucketUnitFor(from, to);
  const all: string[] = [];
  for (let day = bucketStart(from, unit); day <= to && all.length < 2000; day = nextBucket(day, unit)) all.push(day);
  const every = Math.max(1, Math.ceil(all.length / MAX_TICKS));
  return all
    .filter((_, i) => i % every === 0)
    .filter((d) => d >= from)
    .map((day) => ({ day, label: bucketLabel(day, unit) }));
}

/** The months (or years, for long spans) that have entries, for the period selector. */
function periodOptions(entries: TimelineEntry[]): string {
  const months = new Set(entries.map((e) => e.date.start.slice(0, 7)));
  const useYears = months.size > 36;
  const periods = [...new Set(entries.map((e) => e.date.start.slice(0, useYears ? 4 : 7)))].sort();
  return periods
    .map((p) => {
      const start = p.length === 4 ? `${p}-01-01` : `${p}-01`;
      const end = p.length === 4 ? `${p}-12-31` : addDays(nextBucket(start, 'month'), -1);
      return `<option value="${dayNumber(start)}:${dayNumber(end) + 1}">${escapeHtml(p)}</option>`;
    })
    .join('');
}

function headline(entry: TimelineEntry): string {
  if (entry.kind === 'event') return eventTitle(entry.name, entry.place?.name);
  return entry.sources[0]?.evidence[0]?.text ?? entry.name;
}

function placeMarkup(place: string | null): string {
  return place ? ` <span class="place">@ ${escapeHtml(place)}</span>` : '';
}

function entryItem(entry: TimelineEntry, index: number, link: (path: string | null) => string | null): string {
  const title =
    entry.kind === 'event'
      ? `<span class="name">${escapeHtml(entry.name)}</span>${placeMarkup(unsaidPlace(entry.name, entry.place?.name))}`
      : `<span class="name">${escapeHtml(entry.name)}</span> <span class="kind">dated mention</span>`;
  const reports = entry.support.documents;
  const count = `<span class="count">${reports} report${reports === 1 ? '' : 's'}${entry.support.days > 1 ? `, ${entry.support.days} days` : ''}</span>`;
  const who =
    entry.entities.length > 0 ? `<p class="who">${escapeHtml(entry.entities.map((e) => e.name).join(', '))}</p>` : '';
  const sources = entry.sources
    .slice(0, 5)
    .map((source) => {
      const quotes = source.evidence
        .slice(0, 1)
        .map((s) => `<blockquote>${escapeHtml(s.text)}</blockquote>`)
        .join('');
      const href = link(source.path);
      const label = [source.source, source.published, source.title].filter(Boolean).join(' · ');
      const where = href ? `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>` : '';
      return `<li>${quotes}<cite>${where} <span class="doc">corpus show ${source.docId}</span> ${escapeHtml(label)}</cite></li>`;
    })
    .join('');
  const rest = entry.sources.length > 5 ? `<p class="rest">and ${entry.sources.length - 5} more reports</p>` : '';
  return (
    `<li id="entry-${index}" class="entry ${entry.kind}" data-day="${dayNumber(entry.date.start)}">` +
    `<time datetime="${escapeHtml(entry.date.start)}">${escapeHtml(dateLabel(entry.date))}</time>` +
    `<div class="body"><h2>${title} ${count}</h2>${who}<ul class="sources">${sources}</ul>${rest}</div></li>`
  );
}

const STYLE = `
:root { color-scheme: light; --ink: #1d232a; --muted: #5c6670; --event: #1f6fb2; --mention: #c2571a; --rule: #d5dbe1; }
* { box-sizing: border-box; }
body { margin: 0; padding: 20px 24px 40px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { margin: 0 0 4px; font-size: 24px; }
.summary { margin: 0 0 10px; color: var(--muted); }
.controls { margin: 0 0 8px; }
.chart { position: relative; border: 1px solid var(--rule); border-radius: 6px; background: #fafbfc; overflow: hidden; }
.plot { position: relative; margin: 0; }
.mark { position: absolute; transform: translateX(-50%); border-radius: 50%; border: 1.5px solid #fff; padding: 0; cursor: pointer; background: var(--event); }
.mark.mention { background: var(--mention); }
.mark:hover, .mark:focus, .mark.active { outline: 2.5px solid var(--ink); }
.more { position: absolute; transform: translateX(-50%); font-size: 11px; color: var(--muted); }
.axis { position: absolute; left: ${GUTTER}%; right: ${GUTTER}%; bottom: 30px; border-top: 1.5px solid var(--ink); }
.ticks { position: absolute; left: 0; right: 0; bottom: 4px; height: 24px; }
.tick { position: absolute; transform: translateX(-50%); font-size: 11px; color: var(--muted); white-space: nowrap; padding-top: 6px; border-left: 1px solid var(--ink); padding-left: 2px; }
.gutter { position: absolute; top: 0; bottom: 30px; width: ${GUTTER}%; font-size: 11px; color: var(--muted); background: #eef1f4; writing-mode: vertical-rl; text-align: center; }
.gutter.earlier { left: 0; } .gutter.later { right: 0; }
#detail { min-height: 64px; margin: 14px 0; padding: 10px 14px; border-left: 4px solid var(--event); background: #f3f7fb; }
#detail .hint { color: var(--muted); margin: 0; }
#detail h2 { margin: 0 0 4px; }
.entries { list-style: none; margin: 0; padding: 0; }
.entry { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 10px 0; border-top: 1px solid var(--rule); }
.entry[hidden] { display: none; }
.entry.active { background: #fff8e6; }
.entry time { flex: 0 0 130px; font-variant-numeric: tabular-nums; font-weight: 600; color: var(--event); }
.entry.mention time { color: var(--mention); }
.entry .body { flex: 1 1 400px; min-width: 0; }
.entry h2 { font-size: 16px; margin: 0; }
.place, .kind, .count, .rest { color: var(--muted); font-weight: normal; font-size: 13px; }
.who { margin: 2px 0; color: #6b4e00; }
.sources { list-style: none; margin: 4px 0 0; padding: 0; }
blockquote { margin: 4px 0; padding-left: 10px; border-left: 3px solid var(--rule); overflow-wrap: anywhere; }
cite { display: block; font-style: normal; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.doc { font-family: ui-monospace, monospace; font-size: 12px; }
`;

// Reads the page's own markup (no data blob to escape): a mark's detail is a copy of its list item.
const SCRIPT = `
(function () {
  var detail = document.getElementById('detail');
  var chart = document.querySelector('.chart');
  var pinned = null;
  function show(mark) {
    var item = document.getElementById('entry-' + mark.getAttribute('data-entry'));
    if (!item) return null;
    detail.innerHTML = '';
    detail.appendChild(item.querySelector('time').cloneNode(true));
    detail.appendChild(item.querySelector('.body').cloneNode(true));
    detail.style.borderLeftColor = mark.classList.contains('mention') ? 'var(--mention)' : 'var(--event)';
    return item;
  }
  function pin(mark) {
    if (pinned) pinned.classList.remove('active');
    var previous = document.querySelector('.entry.active');
    if (previous) previous.classList.remove('active');
    pinned = mark;
    mark.classList.add('active');
    var item = show(mark);
    if (item) item.classList.add('active');
  }
  document.querySelectorAll('.mark').forEach(function (mark) {
    mark.addEventListener('click', function () { pin(mark); });
  });
  // Zoom: a period spreads its marks over the whole axis; the list keeps only its entries.
  var select = document.getElementById('period');
  if (!select || !chart) return;
  var g = +chart.getAttribute('data-gutter');
  var lo0 = +chart.getAttribute('data-lo'), hi0 = +chart.getAttribute('data-hi');
  var ticks = chart.querySelector('.ticks'), original = ticks.innerHTML;
  function label(day, unit) {
    var d = new Date(day * 86400000).toISOString();
    return unit === 'day' ? d.slice(5, 10) : d.slice(0, 7);
  }
  select.addEventListener('change', function () {
    var lo = lo0, hi = hi0;
    if (select.value) { var p = select.value.split(':'); lo = +p[0]; hi = +p[1]; }
    var lanes = {};
    document.querySelectorAll('.mark').forEach(function (mark) {
      var d = +mark.getAttribute('data-day');
      var inside = d >= lo && d < hi;
      if (select.value && !inside) { mark.hidden = true; return; }
      mark.hidden = false;
      var x = d < lo ? g / 2 : d >= hi ? 100 - g / 2 : g + (100 - 2 * g) * (d - lo) / (hi - lo);
      var slot = Math.min(${SLOTS - 1}, Math.floor(x / (100 / ${SLOTS})));
      var pos = (slot + 0.5) * (100 / ${SLOTS});
      var lane = lanes[slot] || 0;
      lanes[slot] = lane + 1;
      if (lane >= ${MAX_LANES}) { mark.hidden = true; return; }
      mark.style.left = pos.toFixed(2) + '%';
      mark.style.bottom = (8 + lane * 22) + 'px';
    });
    document.querySelectorAll('.more').forEach(function (m) { m.hidden = !!select.value; });
    document.querySelectorAll('.entry').forEach(function (item) {
      var d = +item.getAttribute('data-day');
      item.hidden = !!select.value && !(d >= lo && d < hi);
    });
    if (!select.value) { ticks.innerHTML = original; return; }
    var html = '', span = hi - lo, unit = span <= 62 ? 'day' : 'month', step = Math.max(1, Math.ceil(span / 10));
    for (var d = lo; d < hi; d += step) {
      var pos = g + (100 - 2 * g) * (d - lo) / span;
      html += '<span class="tick" style="left:' + pos.toFixed(2) + '%">' + label(d, unit) + '</span>';
    }
    ticks.innerHTML = html;
  });
})();
`;
