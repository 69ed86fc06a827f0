/**
 * Dev loop for DATE extraction: strict and value F1 of findDates() on the seeds gold and the AQUAINT
 * dev gold (../shared), plus the errors with `--errors` (FP/FN: wrong or missing value; SPAN: right value,
 * span differs from the gold), and throughput.
 *
 *   npx tsc -p tsconfig.json --outDir /tmp/cdist
 *   ln -sfn "$PWD/node_modules" /tmp/cdist/node_modules; ln -sfn "$PWD/model" /tmp/cdist/model
 *   node /tmp/cdist/bench/dev-dates.js [--errors] [--shared ../shared]
 *
 * (or `npm run build && node dist/bench/dev-dates.js`). Also scores the seeds' gold events
 * (found / name / date / place), from gold entity mentions and from the recognizer's.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tokenize } from '../src/nlp/tokenize.js';
import { findDates } from '../src/nlp/dates/index.js';
import { findEvents } from '../src/nlp/events.js';
import { findEntities } from '../src/nlp/entities.js';
import type { EntityType, EventRecord, Mention } from '../src/core/types.js';

interface GoldMention {
  type: string;
  start: number;
  end: number;
  text: string;
  entity?: string | null;
  value: string | null;
  optional?: boolean;
}
interface GoldDoc {
  id: string;
  date: string | null;
  text: string;
  mentions: GoldMention[];
  events?: { name: string; mentions: [number, number][]; date: string | null; place: string | null; participants: string[] }[];
}

export interface DateScores {
  strict: { p: number; r: number; f1: number };
  value: { p: number; r: number; f1: number };
}

const f1 = (tp: number, nPred: number, nGold: number) => {
  const p = nPred ? tp / nPred : 0;
  const r = nGold ? tp / nGold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Scores DATE predictions against gold the way the shared README says (optional gold is don't-care). */
export function scoreDates(docs: GoldDoc[], predict: (doc: GoldDoc) => Mention[], errors?: string[]): DateScores {
  let strictTp = 0, valueTp = 0, nPred = 0, nGold = 0, nPredValue = 0;
  for (const doc of docs) {
    const gold = doc.mentions.filter((m) => m.type === 'DATE');
    const required = gold.filter((m) => !m.optional);
    const optional = gold.filter((m) => m.optional);
    const predicted = predict(doc).filter((m) => m.type === 'DATE');
    nGold += required.length;
    const usedStrict = new Set<GoldMention>();
    const usedValue = new Set<GoldMention>();
    for (const p of predicted) {
      const strictHit = required.find((g) => !usedStrict.has(g) && g.start === p.start && g.end === p.end);
      const valueHit = required.find((g) => !usedValue.has(g) && overlaps(g, p) && g.value === p.value);
      const anyOverlap = required.some((g) => overlaps(g, p));
      const dontCare = !anyOverlap && optional.some((g) => overlaps(g, p));
      if (dontCare) continue;
      nPred++;
      nPredValue++;
      if (strictHit) { usedStrict.add(strictHit); strictTp++; }
      if (valueHit) { usedValue.add(valueHit); valueTp++; }
      if (errors && !valueHit) {
        const g = required.find((x) => overlaps(x, p));
        errors.push(`${doc.id} ${doc.date}  FP  ${JSON.stringify(p.text)} → ${p.value}${g ? `   gold ${JSON.stringify(g.text)} → ${g.value}` : ''}   …${context(doc.text, p.start, p.end)}…`);
      } else if (errors && !strictHit) {
        errors.push(`${doc.id} ${doc.date}  SPAN  ${JSON.stringify(p.text)}   gold ${JSON.stringify(valueHit!.text)} → ${p.value}   …${context(doc.text, p.start, p.end)}…`);
      }
    }
    if (errors) {
      for (const g of required) {
        if (!usedValue.has(g) && !predicted.some((p) => overlaps(g, p))) {
          errors.push(`${doc.id} ${doc.date}  FN  ${JSON.stringify(g.text)} → ${g.value}   …${context(doc.text, g.start, g.end)}…`);
        }
      }
    }
  }
  return { strict: f1(strictTp, nPred, nGold), value: f1(valueTp, nPredValue, nGold) };
}

function context(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 70), start)}[${text.slice(start, end)}]${text.slice(end, end + 50)}`.replace(/\s+/g, ' ');
}

/**
 * Gold events of the seeds against predicted ones: a gold event is found when a predicted event
 * shares one of its mention spans; then its name, date and place are compared.
 */
function scoreEvents(docs: GoldDoc[], entitiesFrom: 'gold' | 'recognizer', lines: string[]): { found: number; name: number; date: number; place: number; all: number; total: number } {
  const score = { found: 0, name: 0, date: 0, place: 0, all: 0, total: 0 };
  for (const doc of docs) {
    const { tokens, sentences } = tokenize(doc.text);
    const entities: Mention[] = entitiesFrom === 'gold'
      ? doc.mentions
          .filter((m) => ['PERSON', 'COUNTRY', 'PLACE', 'ORG'].includes(m.type))
          .map((m) => ({ type: m.type as EntityType, text: m.text, start: m.start, end: m.end, entity: m.entity ?? m.text, value: null, sentence: 0 }))
      : findEntities(doc.text, tokens, sentences);
    const dates = findDates(doc.text, tokens, sentences, doc.date);
    const { events } = findEvents(doc.text, tokens, sentences, [...entities, ...dates], doc.date);
    for (const g of doc.events ?? []) {
      score.total++;
      const p: EventRecord | undefined = events.find((e) => e.mentions.some(([s, t]) => g.mentions.some(([gs, gt]) => gs === s && gt === t)));
      if (!p) {
        lines.push(`    ${doc.id}  MISSING ${g.name}`);
        continue;
      }
      score.found++;
      const ok = { name: p.name === g.name, date: p.date === g.date, place: p.place === g.place };
      if (ok.name) score.name++;
      if (ok.date) score.date++;
      if (ok.place) score.place++;
      if (ok.name && ok.date && ok.place) score.all++;
      lines.push(`    ${doc.id}  ${ok.name && ok.date && ok.place ? 'OK ' : '   '} gold ${g.name} | ${g.date} | ${g.place}   pred ${p.name} | ${p.date} | ${p.place}`);
    }
  }
  return score;
}

function main(): void {
  const args = process.argv.slice(2);
  const sharedAt = args.indexOf('--shared');
  const shared = resolve(sharedAt >= 0 ? args[sharedAt + 1] : '../shared');
  const showErrors = args.includes('--errors');
  const sets: [string, string][] = [
    ['seeds', resolve(shared, 'gold/seeds.gold.json')],
    ['aquaint', resolve(shared, 'dev/aquaint.gold.json')],
  ];
  for (const [name, file] of sets) {
    const docs = (JSON.parse(readFileSync(file, 'utf8')) as { docs: GoldDoc[] }).docs;
    const errors: string[] = [];
    const scores = scoreDates(docs, (doc) => {
      const { tokens, sentences } = tokenize(doc.text);
      return findDates(doc.text, tokens, sentences, doc.date);
    }, showErrors ? errors : undefined);
    const pct = (x: number) => (100 * x).toFixed(1);
    console.log(
      `${name.padEnd(8)} strict P ${pct(scores.strict.p)} R ${pct(scores.strict.r)} F1 ${pct(scores.strict.f1)}   ` +
        `value P ${pct(scores.value.p)} R ${pct(scores.value.r)} F1 ${pct(scores.value.f1)}`,
    );
    if (showErrors) for (const e of errors) console.log('   ', e);
    // Throughput of findDates alone (tokenize excluded), on the same texts repeated.
    const prepared = docs.map((d) => ({ d, ...tokenize(d.text) }));
    let chars = 0;
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) {
      for (const { d, tokens, sentences } of prepared) {
        findDates(d.text, tokens, sentences, d.date);
        chars += d.text.length;
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`${' '.repeat(9)}findDates ${(chars / seconds / 1e6).toFixed(2)} M chars/s`);
    if (name === 'seeds') {
      for (const from of ['gold', 'recognizer'] as const) {
        const lines: string[] = [];
        const e = scoreEvents(docs, from, lines);
        console.log(
          `events (${from} entities): ${e.found}/${e.total} gold events found; name ${e.name}, date ${e.date}, place ${e.place}, ` +
            `all three ${e.all}`,
        );
        if (showErrors) for (const line of lines) console.log(line);
      }
    }
  }
}

if (process.argv[1] && /dev-dates\.[jt]s$/.test(process.argv[1])) main();
