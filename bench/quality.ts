/**
 * Quality benchmark: runs analyze() on every gold document and scores it (bench/score.ts), then
 * measures speed on the Reuters text. Writes bench/results/quality.json and prints a table.
 *
 *   npm run build && npm run bench:quality [-- --shared ../shared] [-- --speed-chars 4000000]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { loadModel, modelLoadMs } from '../src/nlp/ner/model.js';
import { gazetteerTags } from '../src/nlp/ner/gaz-features.js';
import { placeInfo } from '../src/nlp/gazetteer.js';
import { analyze } from '../src/nlp/analyze.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { findEntities } from '../src/nlp/entities.js';
import { findDates } from '../src/nlp/dates/index.js';
import { findEvents } from '../src/nlp/events.js';
import { arg, machine, median } from './reuters.js';
import { aliasGroups, eventScores, scoreMentions, type GoldEvent, type GoldMention, type PRF, type ScoredDoc } from './score.js';

interface GoldFile {
  name: string;
  types: string[];
  docs: { id: string; date: string | null; text: string; mentions: GoldMention[]; events?: GoldEvent[] }[];
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

function table(title: string, rows: Record<string, PRF>, lenient: Record<string, PRF>): string {
  const lines = [`  ${title}`, '    type       strict P     R    F1 | lenient P    R    F1 |  gold'];
  for (const [t, r] of Object.entries(rows)) {
    const l = lenient[t];
    lines.push(`    ${t.padEnd(9)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)} |  ${pct(l.precision)} ${pct(l.recall)} ${pct(l.f1)} | ${String(r.tp + r.fn).padStart(5)}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = process.cwd();
  const shared = resolve(arg('--shared') ?? join(root, '..', 'shared'));

  // Cold start of the recognizer: weights, then gazetteers (what the first findEntities call pays).
  const t0 = performance.now();
  loadModel();
  const loadMs = modelLoadMs;
  gazetteerTags(['Paris'], ['paris']);
  placeInfo('Paris');
  const initMs = performance.now() - t0;

  const files = [
    join(shared, 'gold', 'seeds.gold.json'),
    join(shared, 'dev', 'conll2003-dev.gold.json'),
    join(shared, 'dev', 'wikigold.gold.json'),
    join(shared, 'dev', 'aquaint.gold.json'),
  ];
  const results: Record<string, unknown> = {};
  const out: string[] = [];
  for (const f of files) {
    const gold = JSON.parse(readFileSync(f, 'utf8')) as GoldFile;
    const docs: ScoredDoc[] = gold.docs.map((d) => {
      const a = analyze({ body: d.text, date: d.date, dateSource: d.date ? 'flag' : null, dateline: null });
      return { gold: d.mentions, predicted: a.mentions, goldEvents: d.events, predictedEvents: a.events };
    });
    const scores = scoreMentions(docs, gold.types);
    const hasEntities = gold.docs.some((d) => d.mentions.some((m) => m.entity));
    const alias = hasEntities ? aliasGroups(docs) : null;
    const events = gold.docs.some((d) => d.events?.length) ? eventScores(docs) : null;
    results[gold.name] = { docs: gold.docs.length, types: gold.types, ...scores, aliasGroups: alias, events };
    out.push(table(`${gold.name} (${gold.docs.length} docs)`, scores.strict, scores.lenient));
    if (scores.dateValue) out.push(`    DATE value  ${pct(scores.dateValue.precision)} ${pct(scores.dateValue.recall)} ${pct(scores.dateValue.f1)}`);
    if (alias) out.push(`    alias groups resolved: ${alias.resolved}/${alias.total}${alias.failures.length ? '  ✗ ' + alias.failures.join('; ') : ''}`);
    if (events) out.push(`    events: ${events.matched}/${events.total} name+date+place match (${events.found} found)`);
  }

  // Speed over the Reuters text: analyze() as a whole, and the recognizer's part alone.
  const limit = Number(arg('--speed-chars') ?? 4_000_000);
  const texts: string[] = [];
  let chars = 0;
  for (const line of gunzipSync(readFileSync(join(shared, 'corpora', 'reuters21578.jsonl.gz'))).toString('utf8').split('\n')) {
    if (!line || chars >= limit) continue;
    const t = (JSON.parse(line) as { text?: string }).text ?? '';
    texts.push(t);
    chars += t.length;
  }
  const runs = Number(arg('--runs') ?? 3);
  const timeIt = (fn: (t: string) => void) => {
    const ms: number[] = [];
    for (let r = 0; r < runs; r++) {
      const s = performance.now();
      for (const t of texts) fn(t);
      ms.push(performance.now() - s);
    }
    return Math.round(chars / (median(ms) / 1000));
  };
  const nerCps = timeIt((t) => {
    const { tokens, sentences } = tokenize(t);
    findEntities(t, tokens, sentences);
  });
  const analyzeCps = timeIt((t) => analyze({ body: t, date: '1987-03-01', dateSource: 'flag', dateline: null }));
  // The share dates and events add, timed per document interleaved with the recognizer so that a
  // busy machine slows both alike.
  const share: number[] = [];
  for (let r = 0; r < runs; r++) {
    let nerMs = 0;
    let datesEventsMs = 0;
    for (const t of texts) {
      const a = performance.now();
      const { tokens, sentences } = tokenize(t);
      const entities = findEntities(t, tokens, sentences);
      const b = performance.now();
      const dates = findDates(t, tokens, sentences, '1987-03-01');
      findEvents(t, tokens, sentences, [...entities, ...dates], '1987-03-01');
      datesEventsMs += performance.now() - b;
      nerMs += b - a;
    }
    share.push(datesEventsMs / nerMs);
  }
  const datesEventsShare = +median(share).toFixed(3);
  const speed = {
    sampleChars: chars,
    docs: texts.length,
    runs,
    tokensSentencesEntitiesCharsPerSec: nerCps,
    analyzeCharsPerSec: analyzeCps,
    datesEventsAddedShare: datesEventsShare,
    modelLoadMs: Math.round(loadMs),
    recognizerInitMs: Math.round(initMs),
    machine: machine(),
    // Other processes slow every figure above alike: the 1-minute load average when the run ended.
    loadAverage: +loadavg()[0].toFixed(1),
  };
  results.speed = speed;
  out.push(`  speed (Reuters, ${(chars / 1e6).toFixed(1)}M chars, median of ${runs}): tokens+sentences+entities ${(nerCps / 1e6).toFixed(2)}M chars/s; analyze ${(analyzeCps / 1e6).toFixed(2)}M chars/s; dates+events add ${(datesEventsShare * 100).toFixed(0)}% to the recognizer's time`);
  out.push(`  model load ${speed.modelLoadMs} ms; recognizer init incl. gazetteers ${speed.recognizerInitMs} ms; ${speed.machine.cpu}, node ${speed.machine.node}`);

  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'quality.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(out.join('\n'));
}

await main();
