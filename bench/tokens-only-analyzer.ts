/**
 * The foundation's analyzer: tokens and sentences, no extraction. bench:ingest runs the real
 * pipeline with it to measure what reading, tokenizing and storing cost on their own.
 */
import { tokenize } from '../src/nlp/tokenize.js';
import type { AnalyzerInput } from '../src/nlp/analyze.js';
import type { Analysis } from '../src/core/types.js';

export const version = 'tokens-only';

export function analyze(input: AnalyzerInput): Analysis {
  return { analyzerVersion: version, date: input.date, dateSource: input.dateSource, ...tokenize(input.body), mentions: [], events: [] };
}
