import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/nlp/tokenize.js';
import { findEntities } from '../src/nlp/entities.js';
import { loadModel, truecaseTitleLine } from '../src/nlp/ner/model.js';
import { neverEntity } from '../src/nlp/ner/never-entity.js';

const names = (text: string) => {
  const { tokens, sentences } = tokenize(text);
  return findEntities(text, tokens, sentences).map((m) => `${m.type}:${m.text}`);
};

describe('never an entity', () => {
  it('knows the words that make no name on their own', () => {
    for (const w of [['Corp'], ['Inc.'], ['Co', 'Inc'], ['Bank'], ['Ltd'], ['Feb'], ['Thursday'], ['L.'], ['MAY8']]) {
      expect(neverEntity(w, 'ORG'), w.join(' ')).toBe(true);
    }
    expect(neverEntity(['May8', 'Untrd'], 'PERSON')).toBe(true);
    expect(neverEntity(['Bank', 'of', 'England'], 'ORG')).toBe(false);
    expect(neverEntity(['3M'], 'ORG')).toBe(false);
    for (const w of ['AAA', 'BBB-plus', 'AA-minus', 'Baa-1', 'Aa3']) expect(neverEntity([w], 'ORG'), w).toBe(true);
    expect(neverEntity(['BA'], 'ORG')).toBe(false);
    // Initials alone name no person; with a name they do.
    expect(neverEntity(['H.K.'], 'PERSON')).toBe(true);
    expect(neverEntity(['J.R.', 'Simplot'], 'PERSON')).toBe(false);
  });

  it('finds no person in a currency written with initials', () => {
    const out = names('Net profit 16.66 mln H.K. Dlrs vs 11.28 mln. The stock rose 12 H.K. Dlrs to 62 dlrs today.');
    expect(out.filter((s) => s.startsWith('PERSON'))).toEqual([]);
  });

  it('finds no organisation in credit ratings or in a price table beside delivery months', () => {
    const out = names(
      "The issue is rated AAA by Moody's and BBB-plus by Standard and Poor's.\nAPR7 UNTRD\nJUN7 UNTRD\nJUL8 780 OFF 3\n",
    );
    expect(out).toContain("ORG:Moody's");
    expect(out).toContain('ORG:Standard and Poor');
    expect(out.filter((s) => /AAA|BBB|UNTRD|^ORG:Standard$/.test(s))).toEqual([]);
  });

  it('reads a capitalised run before a legal suffix as a company, not a person', () => {
    const out = names(
      'Waste Management Corp said its board voted a stock split. General Motors Corp said it will cut output.',
    );
    expect(out).toContain('ORG:Waste Management Corp');
    expect(out).toContain('ORG:General Motors Corp');
    expect(out.filter((s) => s.startsWith('PERSON'))).toEqual([]);
  });

  it('keeps the verb out of a name', () => {
    const out = names(
      'More than two-thirds of the PC market, American Micro said. The Italian Treasury said the deficit rose.',
    );
    expect(out.some((s) => / said$/.test(s))).toBe(false);
  });

  it('finds no people in a price table', () => {
    const out = names('COFFEE FUTURES\nMAR8 UNTRD\nMAY8 UNTRD\nJUL8 780 OFF 3\n4/2/87 Prev Wk 4/3/87 Prev Wk\n');
    expect(out.filter((s) => s.startsWith('PERSON'))).toEqual([]);
    // The header line of a document that is a table.
    const lme = names(
      'CASH 3 MONTHS SETT\nCOPPER -A- 918.00 920.00 882.00 883.00 920.00\nLEAD 307.00 307.50 301.00 301.50 307.50\n',
    );
    expect(lme.filter((s) => s.startsWith('PERSON'))).toEqual([]);
  });

  it('keeps a possessive that is part of a name, and drops one that is grammar', () => {
    const out = names(
      "Moody's Investors Service cut the bank's rating. Analysts at Moody's said the cut was expected. " +
        "The Fed's chairman spoke. The Fed left rates alone.",
    );
    expect(out).toContain("ORG:Moody's Investors Service");
    expect(out).toContain("ORG:Moody's");
    expect(out).not.toContain('ORG:Moody');
    expect(out).not.toContain("ORG:Fed's");
  });

  it('ends a company at its suffix and a sentence at the period it shares with the suffix', () => {
    const out = names(
      'The deal helps it compete with Johnson Controls Inc and Lear Corp. It was advised by McDonald & Co.',
    );
    expect(out).toContain('ORG:Johnson Controls Inc');
    expect(out).toContain('ORG:Lear Corp');
    expect(out).toContain('ORG:McDonald & Co');
  });

  it('names a company the same way wherever the document repeats its name', () => {
    const out = names(
      'It competes with Johnson Controls Inc in seats. Magna, Johnson Controls and Lear make interiors. ' +
        "Standard and Poor's Corp cut the rating. Standard and Poor's said the outlook was stable.",
    );
    expect(out.filter((s) => s === 'ORG:Johnson Controls')).toHaveLength(1);
    expect(out.some((s) => s.includes('and Lear'))).toBe(false);
    expect(out.filter((s) => s === "ORG:Standard and Poor's")).toHaveLength(1);
  });

  it('reads a government named for its leader as the person', () => {
    const out = names('The Reagan administration said on Monday it would act. President Reagan agreed.');
    expect(out).not.toContain('ORG:Reagan');
    expect(out.filter((s) => s === 'PERSON:Reagan')).toHaveLength(2);
  });

  it('takes a company written without its suffix as the company named with it', () => {
    const out = names('Dart Group Corp raised its offer for the supermarket chain. Dart said the bid was final.');
    expect(out).toContain('ORG:Dart');
  });
});

describe('truecaseTitleLine', () => {
  it('writes a title-case headline in sentence case, names kept', () => {
    const lex = loadModel().lex!;
    expect(truecaseTitleLine(['Clinton', 'Says', 'Troops', 'Will', 'Stay', 'in', 'Bosnia'], lex)).toEqual([
      'Clinton',
      'says',
      'troops',
      'will',
      'stay',
      'in',
      'Bosnia',
    ]);
    // A running sentence or a list of names is left alone.
    const plain = ['Troops', 'will', 'stay', 'in', 'Bosnia'];
    expect(truecaseTitleLine(plain, lex)).toBe(plain);
    const list = ['Smith', ',', 'Jones', ',', 'Brown'];
    expect(truecaseTitleLine(list, lex)).toBe(list);
  });
});
