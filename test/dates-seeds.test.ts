import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/nlp/tokenize.js';
import { findDates } from '../src/nlp/dates/index.js';

interface GoldMention {
  type: string;
  start: number;
  end: number;
  value: string | null;
  optional?: boolean;
}
interface GoldDoc {
  id: string;
  date: string | null;
  text: string;
  mentions: GoldMention[];
}

const gold = JSON.parse(readFileSync(new URL('../../shared/gold/seeds.gold.json', import.meta.url), 'utf8')) as {
  docs: GoldDoc[];
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

describe('DATE mentions on the seeds gold', () => {
  it("reach a value F1 of at least 0.95 (overlapping span, equal value; optional gold is don't-care)", () => {
    let tp = 0;
    let predicted = 0;
    let required = 0;
    const misses: string[] = [];
    for (const doc of gold.docs) {
      const { tokens, sentences } = tokenize(doc.text);
      const found = findDates(doc.text, tokens, sentences, doc.date);
      const goldDates = doc.mentions.filter((m) => m.type === 'DATE');
      const needed = goldDates.filter((m) => !m.optional);
      required += needed.length;
      const used = new Set<GoldMention>();
      for (const p of found) {
        if (!needed.some((g) => overlaps(g, p)) && goldDates.some((g) => g.optional && overlaps(g, p))) continue;
        predicted++;
        const hit = needed.find((g) => !used.has(g) && overlaps(g, p) && g.value === p.value);
        if (hit) {
          used.add(hit);
          tp++;
        } else misses.push(`${doc.id}: ${p.text} → ${p.value}`);
      }
    }
    const precision = tp / predicted;
    const recall = tp / required;
    const f1 = (2 * precision * recall) / (precision + recall);
    expect(misses).toEqual([]);
    expect(f1).toBeGreaterThanOrEqual(0.95);
  });
});
