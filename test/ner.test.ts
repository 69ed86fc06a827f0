import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, tagDocument, serializeWeights, deserializeWeights } from '../src/nlp/ner/model.js';
import { LABELS, NL, BUCKETS, denseWeights } from '../src/nlp/ner/tagger.js';
import { readConll, titleCased } from '../bench/train.js';

const tagged = (words: string[][]) =>
  tagDocument(loadModel(), words).map((ls, i) => ls.reduce((acc, y, j) => (y ? [...acc, `${words[i][j]}/${LABELS[y]}`] : acc), [] as string[]));

describe('the shipped tagger', () => {
  it('loads and labels people, organisations and locations', () => {
    const out = tagged([['The', 'world', "'s", 'costliest', 'footballer', 'Alan', 'Shearer', 'joined', 'Newcastle', 'United', 'in', 'London', '.']]);
    expect(out[0]).toEqual(['Alan/B-PER', 'Shearer/I-PER', 'Newcastle/B-ORG', 'United/I-ORG', 'London/B-LOC']);
  });

  it('labels a word as it was labelled earlier in the document', () => {
    const out = tagged([
      ['Foreign', 'Minister', 'Kang', 'Kyung-wha', 'met', 'reporters', '.'],
      ['Kang', 'said', 'talks', 'would', 'go', 'on', '.'],
    ]);
    expect(out[1]).toEqual(['Kang/B-PER']);
  });
});

describe('model file', () => {
  it('round-trips weights through the compact format', () => {
    const w = denseWeights();
    w.rows[5 * NL + 2] = 1.5;
    w.rows[(BUCKETS - 1) * NL] = -0.25;
    const back = deserializeWeights(serializeWeights(w, 0.01));
    expect(back.index![5]).toBeGreaterThanOrEqual(0);
    expect(back.rows[back.index![5] * NL + 2]).toBeCloseTo(1.5, 3);
    expect(back.rows[back.index![BUCKETS - 1] * NL]).toBeCloseTo(-0.25, 3);
    expect(back.index![6]).toBe(-1);
  });
});

describe('readConll', () => {
  it('reads IOB1 with CRLF lines and document breaks into BIO labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conll-'));
    const file = join(dir, 'x.conll');
    const lines = [
      'EU NNP I-NP I-ORG', 'rejects VBZ I-VP O', '', '-DOCSTART- -X- O O', '',
      'Peter NNP I-NP I-PER', 'Blackburn NNP I-NP I-PER', 'Tony NNP I-NP B-PER', 'Adams NNP I-NP I-PER', '',
    ];
    writeFileSync(file, lines.join('\r\n'));
    const docs = readConll(file);
    expect(docs).toHaveLength(2);
    expect([...docs[0][0].gold].map((y) => LABELS[y])).toEqual(['B-ORG', 'O']);
    expect([...docs[1][0].gold].map((y) => LABELS[y])).toEqual(['B-PER', 'I-PER', 'B-PER', 'I-PER']);
  });
});

describe('titleCased', () => {
  it('writes a headline in capitals as a title-case headline, keeping acronyms and labels', () => {
    const gold = Uint8Array.from([3, 0, 0, 0, 5, 0, 0]);
    const t = titleCased({ words: ['EU', 'REJECTS', 'CALL', 'TO', 'U.S.', 'PM', '.'], gold })!;
    expect(t.words).toEqual(['EU', 'Rejects', 'Call', 'to', 'U.S.', 'PM', '.']);
    expect(t.gold).toBe(gold);
    expect(titleCased({ words: ['EU', 'rejects', 'call', '.'], gold: new Uint8Array(4) })).toBeNull();
  });
});
