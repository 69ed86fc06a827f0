/**
 * Scoring of predicted mentions against a gold file, with the conventions of ../shared/README.md:
 *  - strict: same start and end and a compatible type; lenient: overlapping spans and a compatible
 *    type; both matched one-to-one; precision/recall/F1 per gold type and micro-averaged over the
 *    entity types (PERSON, ORG, LOC, COUNTRY, PLACE) the file annotates;
 *  - gold `LOC` accepts a COUNTRY or PLACE prediction;
 *  - gold `ANY` regions and `optional` gold mentions are don't-care: a prediction on one is neither
 *    right nor wrong, missing one is no error;
 *  - predictions of types the gold file does not annotate are ignored;
 *  - DATE also gets a value F1 (overlapping span and equal value).
 * Plus, for files with canonical entities and events (the seeds): the alias-group check and the
 * share of gold events whose name, date and place match a predicted event.
 */
import type { EventRecord, Mention } from '../src/core/types.js';
import { aliasKey } from '../src/core/alias-key.js';

export interface GoldMention {
  type: string;
  start: number;
  end: number;
  text?: string;
  entity?: string | null;
  value?: string | null;
  optional?: boolean;
}

export interface GoldEvent {
  name: string;
  mentions: [number, number][];
  date: string | null;
  place: string | null;
  participants?: string[];
}

export interface ScoredDoc {
  gold: GoldMention[];
  predicted: Pick<Mention, 'type' | 'start' | 'end' | 'entity' | 'value'>[];
  goldEvents?: GoldEvent[];
  predictedEvents?: Pick<EventRecord, 'name' | 'mentions' | 'date' | 'place'>[];
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface MentionScores {
  strict: Record<string, PRF>;
  lenient: Record<string, PRF>;
  /** DATE value F1, when the file annotates DATE. */
  dateValue: PRF | null;
}

const ENTITY_TYPES = new Set(['PERSON', 'ORG', 'LOC', 'COUNTRY', 'PLACE']);

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** The gold type a predicted type is scored under in a file annotating `goldTypes`, or null (ignored). */
export function goldTypeFor(predType: string, goldTypes: readonly string[]): string | null {
  if (goldTypes.includes(predType)) return predType;
  if ((predType === 'COUNTRY' || predType === 'PLACE') && goldTypes.includes('LOC')) return 'LOC';
  return null;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

interface Counts {
  tp: Map<string, number>;
  fp: Map<string, number>;
  fn: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Matches one document's predictions to its gold mentions and adds to the counts. */
function countDoc(doc: ScoredDoc, goldTypes: readonly string[], lenient: boolean, c: Counts): void {
  const required = doc.gold.filter((g) => !g.optional && g.type !== 'ANY' && goldTypes.includes(g.type));
  const dontCare = doc.gold.filter((g) => g.optional || g.type === 'ANY');
  const preds = doc.predicted
    .map((p) => ({ p, t: goldTypeFor(p.type, goldTypes) }))
    .filter((x): x is { p: ScoredDoc['predicted'][number]; t: string } => x.t !== null);
  const used = new Uint8Array(required.length);
  const unmatched: typeof preds = [];
  // Exact matches first, so that in lenient mode a looser pairing cannot steal an exact one.
  const order = [...preds];
  const matchedPred = new Set<number>();
  for (const pass of lenient ? [0, 1] : [0]) {
    order.forEach((x, pi) => {
      if (matchedPred.has(pi)) return;
      let best = -1, bestOverlap = 0;
      for (let gi = 0; gi < required.length; gi++) {
        const g = required[gi];
        if (used[gi] || g.type !== x.t) continue;
        if (pass === 0) {
          if (g.start === x.p.start && g.end === x.p.end) { best = gi; break; }
        } else if (overlaps(g, x.p)) {
          const ov = Math.min(g.end, x.p.end) - Math.max(g.start, x.p.start);
          if (ov > bestOverlap) { best = gi; bestOverlap = ov; }
        }
      }
      if (best >= 0) {
        used[best] = 1;
        matchedPred.add(pi);
        bump(c.tp, x.t);
      }
    });
  }
  order.forEach((x, pi) => {
    if (!matchedPred.has(pi)) unmatched.push(x);
  });
  for (const x of unmatched) {
    if (dontCare.some((g) => overlaps(g, x.p))) continue;
    bump(c.fp, x.t);
  }
  required.forEach((g, gi) => {
    if (!used[gi]) bump(c.fn, g.type);
  });
}

function summarize(c: Counts, goldTypes: readonly string[]): Record<string, PRF> {
  const out: Record<string, PRF> = {};
  let tp = 0, fp = 0, fn = 0;
  for (const t of goldTypes) {
    if (t === 'ANY') continue;
    const r = prf(c.tp.get(t) ?? 0, c.fp.get(t) ?? 0, c.fn.get(t) ?? 0);
    out[t] = r;
    if (ENTITY_TYPES.has(t)) {
      tp += r.tp;
      fp += r.fp;
      fn += r.fn;
    }
  }
  if (goldTypes.some((t) => ENTITY_TYPES.has(t))) out.micro = prf(tp, fp, fn);
  return out;
}

function dateValueScore(docs: ScoredDoc[]): PRF {
  let tp = 0, fp = 0, fn = 0;
  for (const doc of docs) {
    const gold = doc.gold.filter((g) => g.type === 'DATE' && !g.optional);
    const dontCare = doc.gold.filter((g) => g.optional || g.type === 'ANY');
    const used = new Uint8Array(gold.length);
    for (const p of doc.predicted) {
      if (p.type !== 'DATE') continue;
      const gi = gold.findIndex((g, i) => !used[i] && overlaps(g, p) && g.value === p.value);
      if (gi >= 0) {
        used[gi] = 1;
        tp++;
      } else if (!dontCare.some((g) => overlaps(g, p)) || gold.some((g) => overlaps(g, p))) fp++;
    }
    fn += used.length - used.reduce((s, x) => s + x, 0);
  }
  return prf(tp, fp, fn);
}

export function scoreMentions(docs: ScoredDoc[], goldTypes: readonly string[]): MentionScores {
  const strict: Counts = { tp: new Map(), fp: new Map(), fn: new Map() };
  const lenient: Counts = { tp: new Map(), fp: new Map(), fn: new Map() };
  for (const d of docs) {
    countDoc(d, goldTypes, false, strict);
    countDoc(d, goldTypes, true, lenient);
  }
  return {
    strict: summarize(strict, goldTypes),
    lenient: summarize(lenient, goldTypes),
    dateValue: goldTypes.includes('DATE') ? dateValueScore(docs) : null,
  };
}

export interface AliasGroupResult {
  total: number;
  resolved: number;
  /** `entity: what we gave its mentions` for each group not resolved as one name. */
  failures: string[];
}

/**
 * Every gold entity group (the required mentions sharing one `entity`) must come out of our
 * output as one canonical name equal to the gold's (compared by aliasKey), with every mention found.
 */
export function aliasGroups(docs: ScoredDoc[]): AliasGroupResult {
  let total = 0, resolved = 0;
  const failures: string[] = [];
  for (const doc of docs) {
    const groups = new Map<string, GoldMention[]>();
    for (const g of doc.gold) {
      if (g.optional || !g.entity || !ENTITY_TYPES.has(g.type)) continue;
      if (!groups.has(g.entity)) groups.set(g.entity, []);
      groups.get(g.entity)!.push(g);
    }
    for (const [entity, ms] of groups) {
      total++;
      const names = ms.map((g) => {
        const p = doc.predicted.find((x) => x.start === g.start && x.end === g.end && x.entity) ?? doc.predicted.find((x) => overlaps(x, g) && x.entity);
        return p ? p.entity! : '∅';
      });
      const distinct = [...new Set(names)];
      if (distinct.length === 1 && aliasKey(distinct[0]) === aliasKey(entity)) resolved++;
      else failures.push(`${entity}: ${distinct.join(' | ')}`);
    }
  }
  return { total, resolved, failures };
}

export interface EventResult {
  total: number;
  /** Gold events with a predicted event of the same name (by aliasKey) or overlapping mentions. */
  found: number;
  /** Of those, the ones whose name, date and place all match. */
  matched: number;
}

export function eventScores(docs: ScoredDoc[]): EventResult {
  let total = 0, found = 0, matched = 0;
  for (const doc of docs) {
    const preds = doc.predictedEvents ?? [];
    for (const g of doc.goldEvents ?? []) {
      total++;
      const span = (m: [number, number]) => ({ start: m[0], end: m[1] });
      const cands = preds.filter(
        (p) => aliasKey(p.name) === aliasKey(g.name) || p.mentions.some((pm) => g.mentions.some((gm) => overlaps(span(pm), span(gm)))),
      );
      if (!cands.length) continue;
      found++;
      const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : aliasKey(a) === aliasKey(b));
      if (cands.some((p) => aliasKey(p.name) === aliasKey(g.name) && p.date === g.date && same(p.place, g.place))) matched++;
    }
  }
  return { total, found, matched };
}
