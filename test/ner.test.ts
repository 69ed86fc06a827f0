import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, tagDocument, serializeWeights, deserializeWeights } from '../src/nlp/ner/model.js';
import { LABELS, NL, BUCKETS, denseWeights, rowOf } from '../src/nlp/ner/tagger.js';
import { readConll, titleCased, withTitleCaseHeadlines } from '../tools/train.js';
import { entitySpans, newSpan, type Span } from '../src/nlp/ner/spans.js';
import { resolveEntities } from '../src/nlp/ner/resolve.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { tempDir } from './helpers.js';
import { findEntities } from '../src/nlp/entities.js';

const tagged = (words: string[][]) =>
  tagDocument(loadModel(), words).map((ls, i) =>
    Array.from(ls).flatMap((y, j) => (y ? [`${words[i][j]}/${LABELS[y]}`] : [])),
  );

/** resolveEntities on spans given by hand ([surface, type], in text order), whatever the tagger would make of them. */
function resolveSpans(text: string, spans: [string, Span['type']][]) {
  const { tokens, sentences } = tokenize(text);
  const out: Span[] = [];
  let from = 0;
  for (const [name, type] of spans) {
    const at = text.indexOf(name, from);
    from = at + name.length;
    const first = tokens.findIndex((t) => t.start === at);
    const last = tokens.findIndex((t) => t.end === at + name.length);
    out.push(
      newSpan(
        first,
        last,
        type,
        sentences.findIndex((s) => s.tokenEnd > first),
      ),
    );
  }
  return resolveEntities(text, tokens, sentences, out);
}

/** The resolved mentions of hand-made spans, as `TYPE:text`. */
const spanTypes = (text: string, spans: [string, Span['type']][]) =>
  resolveSpans(text, spans).map((m) => `${m.type}:${m.text}`);

/** The mentions the recognizer finds in a text, as `TYPE:text`. */
const names = (text: string) => {
  const { tokens, sentences } = tokenize(text);
  return findEntities(text, tokens, sentences).map((m) => `${m.type}:${m.text}`);
};

/** The resolved mentions of hand-made spans, as `TYPE:text=entity`. */
const spanEntities = (text: string, spans: [string, Span['type']][]) =>
  resolveSpans(text, spans).map((m) => `${m.type}:${m.text}=${m.entity}`);

describe('the shipped tagger', () => {
  it('loads and labels people, organisations and locations', () => {
    const out = tagged([
      [
        'The',
        'world',
        "'s",
        'costliest',
        'footballer',
        'Alan',
        'Shearer',
        'joined',
        'Newcastle',
        'United',
        'in',
        'London',
        '.',
      ],
    ]);
    expect(out[0]).toEqual(['Alan/B-PER', 'Shearer/I-PER', 'Newcastle/B-ORG', 'United/I-ORG', 'London/B-LOC']);
  });

  it('labels a word as it was labelled earlier in the document', () => {
    const out = tagged([
      ['Foreign', 'Minister', 'Kang', 'Kyung-wha', 'met', 'reporters', '.'],
      ['Kang', 'said', 'talks', 'would', 'go', 'on', '.'],
    ]);
    expect(out[1]).toEqual(['Kang/B-PER']);
  });

  it('reads a word by what the rest of the document says about it', () => {
    const found = (text: string) => {
      const { tokens, sentences } = tokenize(text);
      return findEntities(text, tokens, sentences).map((m) => `${m.type}:${text.slice(m.start, m.end)}`);
    };
    // Named first alone, the company is known by the longer name it opens later in the document.
    expect(
      found(
        'Halvorsen said it expected higher freight rates. The company, formally Halvorsen Shipping Group, is based in Oslo.',
      ),
    ).toEqual(['ORG:Halvorsen', 'ORG:Halvorsen Shipping Group', 'PLACE:Oslo']);
    // A capitalised word opening a line that the document also writes in lower case is no name.
    expect(found('Milepost 12: the line crosses the river. The next milepost is near the station.')).toEqual([]);
  });
});

describe('model file', () => {
  it('round-trips weights through the compact format', () => {
    const w = denseWeights();
    w.rows[5 * NL + 2] = 1.5;
    w.rows[(BUCKETS - 1) * NL] = -0.25;
    w.rows[37 * NL + 1] = 0.5;
    const back = deserializeWeights(serializeWeights(w, 0.01));
    expect(rowOf(back.index!, 5)).toBeGreaterThanOrEqual(0);
    expect(back.rows[rowOf(back.index!, 5) * NL + 2]).toBeCloseTo(1.5, 3);
    expect(back.rows[rowOf(back.index!, 37) * NL + 1]).toBeCloseTo(0.5, 3);
    expect(back.rows[rowOf(back.index!, BUCKETS - 1) * NL]).toBeCloseTo(-0.25, 3);
    expect([5, 37, BUCKETS - 1].map((b) => rowOf(back.index!, b))).toEqual([0, 1, 2]);
    expect(rowOf(back.index!, 6)).toBe(-1);
    expect(rowOf(back.index!, 36)).toBe(-1);
  });
});

describe('readConll', () => {
  it('reads IOB1 with CRLF lines and document breaks into BIO labels', () => {
    const dir = tempDir('corpus-conll-');
    const file = join(dir, 'x.conll');
    const lines = [
      'EU NNP I-NP I-ORG',
      'rejects VBZ I-VP O',
      '',
      '-DOCSTART- -X- O O',
      '',
      'Peter NNP I-NP I-PER',
      'Blackburn NNP I-NP I-PER',
      'Tony NNP I-NP B-PER',
      'Adams NNP I-NP I-PER',
      '',
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

/**
 * The spans entitySpans makes of `text` from given tagger labels: one per token in order, or by word
 * (`{ Gigi: 'B-PER' }`, every other word O). `cued` marks with `*` a span typed by what the text says;
 * `lex` hands entitySpans the shipped model's lexicon.
 */
function labelledSpans(
  text: string,
  labels: readonly string[] | Readonly<Record<string, string>>,
  options: { cued?: boolean; lex?: boolean } = {},
): string[] {
  const { tokens, sentences } = tokenize(text);
  const words = sentences.map((s) => tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text));
  let k = 0;
  const labelOf = Array.isArray(labels)
    ? () => labels[k++]
    : (word: string) => (labels as Record<string, string>)[word] ?? 'O';
  if (Array.isArray(labels)) expect(words.flat()).toHaveLength(labels.length);
  const ids = words.map((w) =>
    Uint8Array.from(
      w.map((word) => {
        const label = labelOf(word);
        const id = LABELS.indexOf(label as (typeof LABELS)[number]);
        if (id < 0) throw new Error(`no such label: ${label}`);
        return id;
      }),
    ),
  );
  return entitySpans(text, tokens, sentences, words, ids, options.lex ? loadModel().lex : null).map(
    (sp) =>
      `${sp.type}:${text.slice(tokens[sp.first].start, tokens[sp.last].end)}${options.cued && sp.cued ? '*' : ''}`,
  );
}

describe('entitySpans', () => {
  const spansOf = labelledSpans;

  it("reads `The` and a country's abbreviation the tagger put in an institution's name as an article and the country", () => {
    // Was the organisation `The U.S. Immigration and Naturalization Service` (AQUAINT), an entity of its own.
    expect(
      spansOf('The U.S. Immigration and Naturalization Service had ruled .', [
        'B-ORG',
        'I-ORG',
        'I-ORG',
        'I-ORG',
        'I-ORG',
        'I-ORG',
        'O',
        'O',
        'O',
      ]),
    ).toEqual(['LOC:U.S.', 'ORG:Immigration and Naturalization Service']);
  });

  it("names no one by a legislator's party and state", () => {
    const found = names(
      'Chairman Dan Rostenkowski (D-Ill), Rep. John Duncan (R-Tenn) and Sen. William Proxmire, D-Wis., spoke. Rep. Mario Biaggi (D-N.Y.) agreed.',
    );
    // Were PERSON, PLACE or ORG `D-Ill`, `R-Tenn`, `D-Wis`, `D-N` (118 mentions on Reuters).
    expect(found.filter((m) => /[DR]-/.test(m))).toEqual([]);
    expect(found).toEqual(expect.arrayContaining(['PERSON:Dan Rostenkowski', 'PERSON:William Proxmire']));
  });

  it('joins a name the tagger broke in two, but not two people in a list', () => {
    expect(
      spansOf('Trump met Kim Jong Un in Hanoi.', ['B-PER', 'O', 'B-PER', 'I-PER', 'B-PER', 'O', 'B-LOC', 'O']),
    ).toEqual(['PERSON:Trump', 'PERSON:Kim Jong Un', 'LOC:Hanoi']);
    expect(spansOf('Trump, Abe and Moon met.', ['B-PER', 'O', 'B-PER', 'O', 'B-PER', 'O', 'O'])).toEqual([
      'PERSON:Trump',
      'PERSON:Abe',
      'PERSON:Moon',
    ]);
  });

  it('joins a word of direction and the name the tagger began anew after it', () => {
    expect(spansOf('They flew to West Palm Beach .', ['O', 'O', 'O', 'B-PER', 'B-LOC', 'I-LOC', 'O'])).toEqual([
      'LOC:West Palm Beach',
    ]);
    // Not before a nationality (`West` + `German Chancellor Helmut Kohl`).
    expect(
      spansOf('Then West German Chancellor Ann Lee spoke .', [
        'O',
        'B-LOC',
        'B-PER',
        'I-PER',
        'I-PER',
        'I-PER',
        'O',
        'O',
      ]),
    ).not.toContain('LOC:West German');
    expect(spansOf('Former South Carolina Gov. Ann Lee', ['O', 'B-LOC', 'B-PER', 'O', 'B-PER', 'I-PER'])).toEqual([
      'LOC:South Carolina',
      'PERSON:Ann Lee',
    ]);
  });

  it('keeps a nickname in quotes inside the name of the person it is given to', () => {
    expect(
      spansOf('Then Thomas Henry " Red " Walsh won .', ['O', 'B-PER', 'I-PER', 'O', 'B-ORG', 'O', 'B-LOC', 'O', 'O']),
    ).toEqual(['PERSON:Thomas Henry " Red " Walsh']);
    // A quoted title after a name is not a nickname: no name word follows it.
    expect(spansOf('Then Mary Shelley " Frankenstein " sold .', { Mary: 'B-PER', Shelley: 'I-PER' })).toEqual([
      'PERSON:Mary Shelley',
    ]);
  });

  it('keeps military, police and church ranks out of a name, and reads a name after one as a person', () => {
    expect(spansOf('Then Lieutenant Mark Hale fired .', ['O', 'B-PER', 'I-PER', 'I-PER', 'O', 'O'])).toEqual([
      'PERSON:Mark Hale',
    ]);
    expect(spansOf('Then Bishop Paul Kerr spoke .', ['O', 'B-PER', 'I-PER', 'I-PER', 'O', 'O'])).toEqual([
      'PERSON:Paul Kerr',
    ]);
    // `Bishop` alone is a surname; a school named for a bishop keeps the rank.
    expect(spansOf('Then Bishop bowled .', ['O', 'B-PER', 'O', 'O'])).toEqual(['PERSON:Bishop']);
    expect(spansOf('Bishop Kerr High School opened .', ['B-PER', 'I-PER', 'I-PER', 'I-PER', 'O', 'O'])).toEqual([
      'ORG:Bishop Kerr High School',
    ]);
    expect(spansOf('Then Colonel Juan Ortiz attacked .', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O'])).toEqual([
      'PERSON:Juan Ortiz',
    ]);
    // `Sheriff` inside a name is a name (`Bunu Sheriff Musa`); it is a rank only opening one.
    expect(
      spansOf('Then Minister Bunu Sheriff Musa spoke .', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O']),
    ).toEqual(['PERSON:Bunu Sheriff Musa']);
    expect(spansOf('Then Sheriff Tom Ray spoke .', ['O', 'B-PER', 'I-PER', 'I-PER', 'O', 'O'])).toEqual([
      'PERSON:Tom Ray',
    ]);
    expect(
      spansOf('Then Lake County Mayor Tom Ray spoke .', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O']),
    ).toEqual(['LOC:Lake County', 'PERSON:Tom Ray']);
  });

  it('reads a name after a title as a person everywhere in the document, its hyphenated rank left out', () => {
    expect(spansOf('It was the warrior queen Tamora . Tamora fought .', { Tamora: 'B-LOC' })).toEqual([
      'PERSON:Tamora',
      'PERSON:Tamora',
    ]);
    expect(
      spansOf('NATO spokesman Lieutenant-Colonel Ian Day said so .', [
        'B-ORG',
        'O',
        'B-ORG',
        'I-ORG',
        'I-ORG',
        'O',
        'O',
        'O',
      ]),
    ).toEqual(['ORG:NATO', 'PERSON:Ian Day']);
    // Not after a role an organisation holds too.
    expect(spansOf('The committee chairman Acmebank wrote .', { Acmebank: 'B-ORG' })).toEqual(['ORG:Acmebank']);
    // Nor after a title written with a capital that the tagger left out of a name (`General Electric`).
    expect(spansOf('Then General Acmetric rose .', { Acmetric: 'B-ORG' })).toEqual(['ORG:Acmetric']);
  });

  it('keeps the office between a country and a title out of any name', () => {
    const out = spansOf('U.S. Trade Representative Clayton Yeutter said so.', [
      'B-ORG',
      'I-ORG',
      'I-ORG',
      'I-ORG',
      'I-ORG',
      'O',
      'O',
      'O',
    ]);
    expect(out).toEqual(['LOC:U.S.', 'PERSON:Clayton Yeutter']);
  });

  it('reads a name with a particle after a title inside an organisation as a person, the common word before it as no name', () => {
    expect(
      spansOf('Reserve Bank Governor Gerhard de Kock said so .', {
        Reserve: 'B-ORG',
        Bank: 'I-ORG',
        Governor: 'I-ORG',
        Gerhard: 'I-ORG',
        de: 'I-ORG',
        Kock: 'I-ORG',
      }),
    ).toEqual(['ORG:Reserve Bank', 'PERSON:Gerhard de Kock']);
    expect(
      spansOf('EPA Administrator Lee Thomas said so .', {
        EPA: 'B-ORG',
        Administrator: 'I-ORG',
        Lee: 'I-ORG',
        Thomas: 'I-ORG',
      }),
    ).toEqual(['ORG:EPA', 'PERSON:Lee Thomas']);
    expect(
      spansOf('State Comptroller Bob Bullock said so .', {
        State: 'B-ORG',
        Comptroller: 'I-ORG',
        Bob: 'I-ORG',
        Bullock: 'I-ORG',
      }),
    ).toEqual(['PERSON:Bob Bullock']);
    // `and` joins an office's words, never a person's.
    expect(
      spansOf('The Minister of International Trade and Industry spoke .', {
        Minister: 'B-ORG',
        of: 'I-ORG',
        International: 'I-ORG',
        Trade: 'I-ORG',
        and: 'I-ORG',
        Industry: 'I-ORG',
      }),
    ).toEqual(['ORG:Minister of International Trade and Industry']);
  });

  it('reads a name ending in an institution noun or a legal suffix as an organisation, titles kept', () => {
    expect(spansOf('The Justice Department sued.', ['O', 'B-PER', 'I-PER', 'O', 'O'])).toEqual([
      'ORG:Justice Department',
    ]);
    expect(spansOf('General Motors Corp said so.', ['O', 'B-PER', 'I-PER', 'O', 'O', 'O'])).toEqual([
      'ORG:General Motors Corp',
    ]);
    expect(
      spansOf("Moody's Investors Service Inc said so.", ['B-ORG', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O']),
    ).toEqual(["ORG:Moody's Investors Service Inc"]);
    // A company word anywhere in a name makes it a company (`Gruppo Ferruzzi`, `Banque Paribas`).
    expect(spansOf('Gruppo Ferruzzi said so.', ['B-PER', 'I-PER', 'O', 'O', 'O'])).toEqual(['ORG:Gruppo Ferruzzi']);
    expect(spansOf('Banque Paribas said so.', ['B-PER', 'I-PER', 'O', 'O', 'O'])).toEqual(['ORG:Banque Paribas']);
    // A day after a preposition is the date, not the company's (was `Friday Cyacq Corp`); a paper
    // named for its day keeps it.
    expect(spansOf('On Friday Cyacq Corp raised its offer.', ['O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'O', 'O'])).toEqual(
      ['ORG:Cyacq Corp'],
    );
    expect(spansOf('The Sunday Times Ltd was sold.', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O'])).toEqual([
      'ORG:The Sunday Times Ltd',
    ]);
  });

  it("joins a common word and a company before its legal form, and leaves a country's possessive out", () => {
    const lex = { lex: true };
    // The tagger read `Cable` as a company of its own: a common word names none.
    expect(
      labelledSpans('Cable and Wireless Plc said so.', ['B-ORG', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'O'], lex),
    ).toEqual(['ORG:Cable and Wireless Plc']);
    expect(
      labelledSpans('KeyCorp and Banc One Corp agreed.', ['B-ORG', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O'], lex),
    ).toEqual(['ORG:KeyCorp', 'ORG:Banc One Corp']);
    // Whose the company is: the country is a name of its own; a town's possessive may be the name's.
    expect(
      labelledSpans(
        "West Germany's Siemens AG said so.",
        ['B-LOC', 'I-LOC', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'O'],
        lex,
      ),
    ).toEqual(['LOC:West Germany', 'ORG:Siemens AG']);
    expect(labelledSpans("Hudson's Bay Co said so.", ['B-ORG', 'O', 'I-ORG', 'I-ORG', 'O', 'O', 'O'], lex)).toEqual([
      "ORG:Hudson's Bay Co",
    ]);
  });

  it("reads a person named before an organisation's `and` as a person of their own", () => {
    const lex = { lex: true };
    // The tagger read the whole run as one organisation; the role noun before it says a person.
    expect(
      labelledSpans(
        'Fed chairman Paul Volcker and International Monetary Fund director Michel Camdessus met.',
        {
          Fed: 'B-ORG',
          Paul: 'B-ORG',
          Volcker: 'I-ORG',
          and: 'I-ORG',
          International: 'I-ORG',
          Monetary: 'I-ORG',
          Fund: 'I-ORG',
          Michel: 'B-PER',
          Camdessus: 'I-PER',
        },
        lex,
      ),
    ).toEqual(['ORG:Fed', 'PERSON:Paul Volcker', 'ORG:International Monetary Fund', 'PERSON:Michel Camdessus']);
    // So does the surname written alone elsewhere in the document.
    expect(
      labelledSpans(
        'Asher Edelman and Dominion Textile Inc bid. Edelman said so.',
        ['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'B-PER', 'O', 'O', 'O'],
        lex,
      ).slice(0, 2),
    ).toEqual(['PERSON:Asher Edelman', 'ORG:Dominion Textile Inc']);
    // Without either, a firm's name of two people stays whole.
    expect(
      labelledSpans('Smith Barney and Co said so.', ['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O'], lex),
    ).toEqual(['ORG:Smith Barney and Co']);
  });

  it('reads a firm named for its founders as one name, two companies joined by `and` as two', () => {
    const lex = { lex: true };
    // The tagger read `Procter` as a company of its own and `Gamble Co` as another.
    expect(
      labelledSpans('Shares of Procter and Gamble Co rose.', ['O', 'O', 'B-ORG', 'O', 'B-ORG', 'I-ORG', 'O', 'O'], lex),
    ).toEqual(['ORG:Procter and Gamble Co']);
    // Also where the name ends the document (the emptied span once started past its last token).
    expect(labelledSpans('He bought Procter and Gamble Co', ['O', 'O', 'B-ORG', 'O', 'B-ORG', 'I-ORG'], lex)).toEqual([
      'ORG:Procter and Gamble Co',
    ]);
    expect(
      labelledSpans(
        'Donaldson, Lufkin and Jenrette Securities Corp said so.',
        ['B-PER', 'O', 'B-ORG', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O'],
        lex,
      ),
    ).toEqual(['ORG:Donaldson, Lufkin and Jenrette Securities Corp']);
    // A word the document writes alone, or the short name of a company it names in full, is its own.
    expect(
      labelledSpans(
        'USAir and Piedmont Aviation Inc agreed. USAir said so.',
        ['B-ORG', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'O', 'O', 'O'],
        lex,
      ),
    ).toEqual(['ORG:USAir', 'ORG:Piedmont Aviation Inc', 'ORG:USAir']);
    expect(
      labelledSpans(
        'Conoco Inc agreed. Conoco and Atlantic Richfield Co bid.',
        ['B-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O'],
        lex,
      ),
    ).toEqual(['ORG:Conoco Inc', 'ORG:Conoco', 'ORG:Atlantic Richfield Co']);
  });

  it('reads an analyst `of` a firm as the person and the firm, a company `of` a place as one name', () => {
    const lex = { lex: true };
    const org = (n: number) => ['B-ORG', ...Array<string>(n - 1).fill('I-ORG')];
    expect(
      labelledSpans('Bill Sullivan of Dean Witter Reynolds Inc said so.', [...org(7), 'O', 'O', 'O'], lex),
    ).toEqual(['PERSON:Bill Sullivan', 'ORG:Dean Witter Reynolds Inc']);
    // A role capitalised before the name is neither's.
    expect(
      labelledSpans('Economist Allen Sinai of Shearson Lehman Brothers Inc said so.', [...org(8), 'O', 'O', 'O'], lex),
    ).toEqual(['PERSON:Allen Sinai', 'ORG:Shearson Lehman Brothers Inc']);
    expect(labelledSpans('General Motors of Canada Ltd said so.', [...org(5), 'O', 'O', 'O'], lex)).toEqual([
      'ORG:General Motors of Canada Ltd',
    ]);
    // A company's unit or a name of common words is no person.
    expect(
      labelledSpans('Electric Boat Division of General Dynamics Corp said so.', [...org(7), 'O', 'O', 'O'], lex),
    ).toEqual(['ORG:Electric Boat Division of General Dynamics Corp']);
  });

  it('reads a company named for the country or place it is `of` as one name, a described company as two', () => {
    const lex = { lex: true };
    // The tagger ends the name at `of`; the legal suffix after the place closes it.
    expect(
      labelledSpans(
        'General Motors of Canada Ltd said so.',
        ['B-ORG', 'I-ORG', 'O', 'B-LOC', 'I-ORG', 'O', 'O', 'O'],
        lex,
      ),
    ).toEqual(['ORG:General Motors of Canada Ltd']);
    expect(
      labelledSpans(
        'Consolidated Edison Co of New York Inc cut rates.',
        ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC', 'I-LOC', 'I-ORG', 'O', 'O', 'O'],
        lex,
      ),
    ).toEqual(['ORG:Consolidated Edison Co of New York Inc']);
    // No place after `of`: a person of a company.
    expect(
      labelledSpans(
        'Robert Slifer of Shearson Lehman Brothers Inc said so.',
        ['B-PER', 'I-PER', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O'],
        lex,
      ),
    ).toEqual(['PERSON:Robert Slifer', 'ORG:Shearson Lehman Brothers Inc']);
    // A name in common words and the place it is `of`: one organisation, with no suffix after.
    expect(
      labelledSpans(
        'The lead manager is Union Bank of Switzerland.',
        ['O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O'],
        lex,
      ),
    ).toEqual(['ORG:Union Bank of Switzerland']);
    expect(
      labelledSpans('Hospital Corp of America said so.', ['B-ORG', 'I-ORG', 'O', 'B-LOC', 'O', 'O', 'O'], lex),
    ).toEqual(['ORG:Hospital Corp of America']);
    // A name of its own, another legal form or a city: the company and where it is.
    expect(
      labelledSpans(
        'Dresdner Bank of West Germany said so.',
        ['B-ORG', 'I-ORG', 'O', 'B-LOC', 'I-LOC', 'O', 'O', 'O'],
        lex,
      ),
    ).toEqual(['ORG:Dresdner Bank', 'LOC:West Germany']);
    expect(
      labelledSpans(
        'City Resources Ltd of Australia said so.',
        ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC', 'O', 'O', 'O'],
        lex,
      ),
    ).toEqual(['ORG:City Resources Ltd', 'LOC:Australia']);
    expect(
      labelledSpans(
        'Foster Oilfield Co of Houston said so.',
        ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC', 'O', 'O', 'O'],
        lex,
      ),
    ).toEqual(['ORG:Foster Oilfield Co', 'LOC:Houston']);
    // A state institution stays the country's, for institutions.ts to qualify.
    expect(
      labelledSpans(
        'The Finance Ministry of Japan said so.',
        ['O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O', 'O', 'O'],
        lex,
      ),
    ).toEqual(['ORG:Finance Ministry', 'LOC:Japan']);
  });

  it("reads a name ending in a newspaper's word as the newspaper", () => {
    expect(spansOf('The Oakdale Sentinel reported it .', ['O', 'B-PER', 'I-PER', 'O', 'O', 'O'])).toEqual([
      'ORG:Oakdale Sentinel',
    ]);
  });

  it('reads a hotel, casino or museum as an organisation (a business or an institution), not a place', () => {
    expect(spansOf('They met at the Peninsula Hotel .', ['O', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O'])).toEqual([
      'ORG:Peninsula Hotel',
    ]);
    expect(spansOf('It went to the Senckenberg Museum .', ['O', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O'])).toEqual([
      'ORG:Senckenberg Museum',
    ]);
  });

  it('drops the name of a day or a campaign, and the first words of an event the tagger cut short', () => {
    expect(spansOf('Armistice Day is a holiday .', ['B-ORG', 'O', 'O', 'O', 'O', 'O'])).toEqual([]);
    expect(spansOf('The Overland Campaign began .', ['O', 'B-ORG', 'I-ORG', 'O', 'O'])).toEqual([]);
  });

  it('drops a word opening a sentence that the document or news write in lower case, keeps names', () => {
    const spansLex = (text: string, labels: Record<string, string>) => labelledSpans(text, labels, { lex: true });
    expect(spansLex('Demo tapes sold . The demo was short .', { Demo: 'B-PER' })).toEqual([]);
    expect(spansLex('Nationally , sales fell .', { Nationally: 'B-ORG' })).toEqual([]);
    // Not by a sentence written all in lower case.
    expect(spansLex('Gavira spoke .\nthe minister gavira said so .', { Gavira: 'B-PER' })).toEqual(['PERSON:Gavira']);
    // A name the document also writes inside a sentence stays.
    expect(spansLex('Young scored . They cheered Young and the young .', { Young: 'B-PER' })).toEqual([
      'PERSON:Young',
      'PERSON:Young',
    ]);
  });

  it('reads the name before `Hall of Fame` and the phrase as one organisation', () => {
    expect(spansOf('The Curling Hall of Fame opened .', { Curling: 'B-PER', Hall: 'I-PER', Fame: 'B-LOC' })).toEqual([
      'ORG:Curling Hall of Fame',
    ]);
    expect(spansOf('He met future Hall of Famer Ann Lee .', { Hall: 'B-ORG', Ann: 'B-PER', Lee: 'I-PER' })).toEqual([
      'PERSON:Ann Lee',
    ]);
  });

  it('drops a title of several words quoted once wherever the document writes it unquoted', () => {
    expect(
      spansOf('The game was renamed " Lucky Stars " . Lucky Stars is drawn weekly .', {
        Lucky: 'B-PER',
        Stars: 'I-PER',
      }),
    ).toEqual([]);
    // Not a quoted name of a place or an organisation.
    expect(
      spansOf('They met at " Acme HC " . Acme HC won .', { Acme: 'B-ORG', HC: 'I-ORG' }).filter(
        (x) => x === 'ORG:Acme HC',
      ),
    ).toEqual(['ORG:Acme HC']);
  });

  it('drops the name of a historical period or event', () => {
    expect(spansOf('In the Dark Ages few read .', ['O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'O'])).toEqual([]);
    expect(spansOf('After the Renaissance art changed .', ['O', 'O', 'B-LOC', 'O', 'O', 'O'])).toEqual([]);
  });

  it('drops an acronym the document also writes in the plural (a common noun), keeps other acronyms', () => {
    expect(
      spansOf('He won by KO and ten KOs for NBC .', ['O', 'O', 'O', 'B-ORG', 'O', 'O', 'B-ORG', 'O', 'B-ORG', 'O']),
    ).toEqual(['ORG:NBC']);
  });

  it('drops the word and number that label an item of a list before a colon', () => {
    expect(spansOf('Milepost 0.8 : Scribner siding .', ['B-ORG', 'O', 'O', 'B-LOC', 'O', 'O'])).toEqual([
      'LOC:Scribner',
    ]);
  });

  it('reads a name of a place and a plural as a team or company, keeps the plurals of places', () => {
    expect(
      spansOf('He played for the St. Louis Eagles .', ['O', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'I-LOC', 'O']),
    ).toEqual(['ORG:St. Louis Eagles']);
    expect(spansOf('They sailed to the Cayman Islands .', ['O', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O'])).toEqual([
      'LOC:Cayman Islands',
    ]);
    // Was a team: `Straits` ends the names of sea passages.
    expect(spansOf('They crossed the Florida Straits .', ['O', 'O', 'O', 'B-LOC', 'I-LOC', 'O'])).toEqual([
      'LOC:Florida Straits',
    ]);
  });

  it('splits names listed with a slash, and people joined by `&`', () => {
    expect(
      spansOf('He worked at Nikki Beach / Pearl .', ['O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O']),
    ).toEqual(['ORG:Nikki Beach', 'ORG:Pearl']);
    expect(
      spansOf('Glen Jakovich & Shane Woewodin spoke .', ['B-PER', 'I-PER', 'I-PER', 'I-PER', 'I-PER', 'O', 'O']),
    ).toEqual(['PERSON:Glen Jakovich', 'PERSON:Shane Woewodin']);
  });

  it('reads a name ending in the noun of a group or institution as an organisation', () => {
    expect(spansOf('He joined the Dave Matthews Band .', ['O', 'O', 'O', 'B-PER', 'I-PER', 'I-PER', 'O'])).toEqual([
      'ORG:Dave Matthews Band',
    ]);
    expect(spansOf('He served in the Bangladesh Army .', ['O', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O'])).toEqual([
      'ORG:Bangladesh Army',
    ]);
  });

  it('reads a name after `in` or `near` as a place, not a person, unless a possessive follows', () => {
    expect(spansOf('The idol was moved to Tarve in Kalim .', { Tarve: 'B-PER', Kalim: 'B-PER' })).toEqual([
      'PERSON:Tarve',
      'LOC:Kalim',
    ]);
    expect(spansOf("He starred in Kalim 's play .", { Kalim: 'B-PER' })).toEqual(['PERSON:Kalim']);
    // Nor a name qualifying the noun after it, nor a company after a stake.
    expect(spansOf('It invests in Tarve securities .', { Tarve: 'B-PER' })).toEqual(['PERSON:Tarve']);
    expect(spansOf('It bought a stake in Tarve .', { Tarve: 'B-PER' })).toEqual(['PERSON:Tarve']);
    // Nor a name of several words (`trading in Norsk Hydro`).
    expect(spansOf('It trades in Tarve Hydro .', { Tarve: 'B-PER', Hydro: 'I-PER' })).toEqual(['PERSON:Tarve Hydro']);
  });

  it('reads a place one plays for or signs with as its team everywhere in the document, not a country', () => {
    expect(spansOf('He signed with Oakdale . A year at Oakdale followed .', { Oakdale: 'B-LOC' })).toEqual([
      'ORG:Oakdale',
      'ORG:Oakdale',
    ]);
    expect(spansOf('He played for Wales .', { Wales: 'B-LOC' })).toEqual(['LOC:Wales']);
    expect(spansOf('It was like the deal signed with Oakdale .', { Oakdale: 'B-LOC' })).toEqual(['LOC:Oakdale']);
    expect(spansOf('He played professionally for the Oakdale Otters .', { Oakdale: 'B-PER', Otters: 'I-PER' })).toEqual(
      ['ORG:Oakdale Otters'],
    );
  });

  it('reads a place followed by capitalised words ending in an institution noun as one organisation', () => {
    expect(spansOf('She taught at Oakdale State College .', ['O', 'O', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'O'])).toEqual([
      'ORG:Oakdale State College',
    ]);
    expect(spansOf('She taught at Oakdale Teachers College .', { Oakdale: 'B-LOC' })).toEqual([
      'ORG:Oakdale Teachers College',
    ]);
  });

  it("reads a name written once with an 's that no noun follows as a firm, a possessive as a person's", () => {
    expect(spansOf("Then Hallam 's was added .", { Hallam: 'B-PER' })).toEqual(["ORG:Hallam 's"]);
    expect(spansOf("Then Hallam 's book sold .", { Hallam: 'B-PER' })).toEqual(['PERSON:Hallam']);
  });

  it("keeps `The` written with a capital inside a sentence in an organisation's name", () => {
    expect(spansOf('He toured with The Oakdale Otters .', { Oakdale: 'B-ORG', Otters: 'I-ORG' })).toEqual([
      'ORG:The Oakdale Otters',
    ]);
    // Not opening the sentence, nor before a person's name.
    expect(spansOf('The Oakdale Otters won .', { Oakdale: 'B-ORG', Otters: 'I-ORG' })).toEqual(['ORG:Oakdale Otters']);
    expect(spansOf('He met The Rock Day .', { Rock: 'B-PER', Day: 'I-PER' })).toEqual(['PERSON:Rock Day']);
  });

  it('leaves the period that ends the sentence out of a name the tagger ran into it', () => {
    expect(spansOf('He joined Oakdale Otters.', ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG'])).toEqual(['ORG:Oakdale Otters']);
  });

  it('keeps the ordinal number of a unit in its name', () => {
    expect(spansOf('The 82nd Airborne Division landed .', { Airborne: 'B-ORG', Division: 'I-ORG' })).toEqual([
      'ORG:82nd Airborne Division',
    ]);
  });

  it('splits an institution from the place after `in` that the tagger ran into its name', () => {
    expect(
      spansOf('She studied at Oakdale College in Springfield .', [
        'O',
        'O',
        'O',
        'B-ORG',
        'I-ORG',
        'I-ORG',
        'I-ORG',
        'O',
      ]),
    ).toEqual(['ORG:Oakdale College', 'LOC:Springfield']);
    expect(
      spansOf('The Budget Committee in Parliament met .', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O']),
    ).toEqual(['ORG:Budget Committee', 'ORG:Parliament']);
    expect(
      spansOf('The Council for Peace in Europe met .', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O']),
    ).toEqual(['ORG:Council for Peace in Europe']);
  });

  it('reads a name ending in the noun of a street, a site or a geographic feature as a place', () => {
    expect(spansOf('They met at the Hartley Junction .', ['O', 'O', 'O', 'O', 'B-PER', 'I-PER', 'O'])).toEqual([
      'LOC:Hartley Junction',
    ]);
    expect(spansOf('Cars crowd Mill Avenue .', ['O', 'O', 'B-ORG', 'I-ORG', 'O'])).toEqual(['LOC:Mill Avenue']);
    // A water's or a bridge's name the tagger read as an organisation's may be a company's (`Beaver Creek`).
    expect(spansOf('Mill Creek reopened .', ['B-ORG', 'I-ORG', 'O', 'O'])).toEqual(['ORG:Mill Creek']);
    // Not a surname that is also such a noun, nor a name with a company word.
    expect(spansOf('He met Nathan Lane .', ['O', 'O', 'B-PER', 'I-PER', 'O'])).toEqual(['PERSON:Nathan Lane']);
  });

  it('joins two places the gazetteer knows as one name with a comma (`Washington, D.C.`), not others', () => {
    expect(spansOf('He moved to Washington , D.C. today .', ['O', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O'])).toEqual([
      'LOC:Washington , D.C.',
    ]);
    expect(spansOf('He flew from Houston , Texas today .', ['O', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O'])).toEqual([
      'LOC:Houston',
      'LOC:Texas',
    ]);
  });

  it('joins two names the tagger cut a place the gazetteer knows into, not two names of no place', () => {
    expect(
      spansOf('Banks opened in Sao Paulo and Porto Alegre today .', {
        Sao: 'B-LOC',
        Paulo: 'I-LOC',
        Porto: 'B-ORG',
        Alegre: 'B-PER',
      }),
    ).toEqual(['LOC:Sao Paulo', 'LOC:Porto Alegre']);
    expect(spansOf('Snow fell on Salt Lake City .', { Salt: 'B-LOC', Lake: 'B-LOC', City: 'I-LOC' })).toEqual([
      'LOC:Salt Lake City',
    ]);
    expect(spansOf('Trump met Kim Jong Un .', { Trump: 'B-PER', Kim: 'B-PER', Jong: 'I-PER', Un: 'I-PER' })).toEqual([
      'PERSON:Trump',
      'PERSON:Kim Jong Un',
    ]);
  });

  it('takes in the lower-case words of a place the gazetteer knows (`Dar es Salaam`), not of others', () => {
    expect(spansOf('Bombs hit Dar es Salaam today .', ['O', 'O', 'B-LOC', 'O', 'O', 'O', 'O'])).toEqual([
      'LOC:Dar es Salaam',
    ]);
    // What the tagger read past it as another name is left (but a weekday is no name).
    expect(spansOf('He toured Dar es Salaam Thursday .', ['O', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG', 'O'])).toEqual([
      'LOC:Dar es Salaam',
    ]);
    // The tagger's second place is taken in too, when the whole is one name.
    expect(spansOf('He left Bosnia and Herzegovina today .', ['O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O'])).toEqual([
      'LOC:Bosnia and Herzegovina',
    ]);
    expect(spansOf('He left Paris and Rome today .', ['O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O'])).toEqual([
      'LOC:Paris',
      'LOC:Rome',
    ]);
    // A capitalised word before the place the tagger kept, when the whole is a place the gazetteer knows.
    expect(spansOf('Banks of Latin America rose .', ['O', 'O', 'O', 'B-LOC', 'O', 'O'])).toEqual(['LOC:Latin America']);
    expect(spansOf('He left St. Petersburg today .', ['O', 'O', 'O', 'B-LOC', 'O', 'O'])).toEqual([
      'LOC:St. Petersburg',
    ]);
    expect(spansOf('So President Lincoln left .', ['O', 'O', 'B-LOC', 'O', 'O'])).toEqual(['LOC:Lincoln']);
  });

  it('reads a name in capitals opening a line before a date as the place a story was filed from', () => {
    const found = names('Dutch reopen cargo enquiry.\nTHE HAGUE 1996-08-30\nThe Dutch transport minister said so.');
    // Before: `ORG:THE HAGUE`, a company named The Hague.
    expect(found).toContain('PLACE:THE HAGUE');
    // A topic line before a dash is no dateline, nor is an organisation's own dateline a place.
    const topic = names('RUGBY UNION - SPRINGBOKS BREAK SPELL.\nUNITED NATIONS 1996-08-29\nThe council met.');
    expect(topic.filter((m) => m.startsWith('PLACE'))).toEqual([]);
  });

  it('leaves out a lower-case word opening a name, unless a particle (`de Vries`)', () => {
    // Before: `little-known Ministry of Posts and Telecommunications` (Reuters, 9 mentions).
    expect(spansOf('The little-known Posts Ministry said .', ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O'])).toEqual([
      'ORG:Posts Ministry',
    ]);
    expect(spansOf('He met Pieter de Vries .', ['O', 'O', 'B-PER', 'I-PER', 'I-PER', 'O'])).toEqual([
      'PERSON:Pieter de Vries',
    ]);
  });

  it('leaves a weekday and its particle out of a name of three words or more', () => {
    expect(spansOf('Then McCarthy on Friday left .', ['O', 'B-PER', 'I-PER', 'I-PER', 'O', 'O'])).toEqual([
      'PERSON:McCarthy',
    ]);
    expect(spansOf('They ate at Ruby Tuesday .', ['O', 'O', 'O', 'B-ORG', 'I-ORG', 'O'])).toEqual(['ORG:Ruby Tuesday']);
    // A title before the name counts as one of its words, tagged or not.
    expect(spansOf('So President Reagan Friday said .', ['O', 'O', 'B-PER', 'I-PER', 'O', 'O'])).toEqual([
      'PERSON:Reagan',
    ]);
  });

  it('reads `General` before common words as a company, not a general (`General Electric said`)', () => {
    const lex = { lex: true };
    // The tagger leaves the title out, or keeps it: either way the company's name is both words.
    expect(spansOf('General Electric said it would buy .', ['O', 'B-PER', 'O', 'O', 'O', 'O', 'O'], lex)).toEqual([
      'ORG:General Electric',
    ]);
    expect(spansOf('General Acquisition said so .', ['B-PER', 'I-PER', 'O', 'O', 'O'], lex)).toEqual([
      'ORG:General Acquisition',
    ]);
    // A general's surname is a name, not a common word.
    expect(spansOf('General Powell said so .', ['O', 'B-PER', 'O', 'O', 'O'], lex)).toEqual(['PERSON:Powell']);
  });

  it('reads a company named for its country as one (`Petro-Canada said`)', () => {
    expect(spansOf('Petro-Canada said so .', ['B-PER', 'O', 'O', 'O'])).toEqual(['ORG:Petro-Canada']);
  });

  it('reads a former realm named by a demonym as a place (`Ottoman Empire`)', () => {
    expect(spansOf('It spread across the Ottoman Empire .', ['O', 'O', 'O', 'O', 'B-MISC', 'I-MISC', 'O'])).toEqual([
      'LOC:Ottoman Empire',
    ]);
  });

  it('adds a street the tagger left out', () => {
    expect(spansOf('It stands on East Denny Way today .', ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O'])).toEqual([
      'LOC:East Denny Way',
    ]);
  });

  it('extends an organisation the tagger began late over its joined capitalised words', () => {
    const text = 'He spoke for the General Agreement on Tariffs and Trade today.';
    const labels = ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'B-ORG', 'O', 'O'];
    expect(spansOf(text, labels)).toEqual(['ORG:General Agreement on Tariffs and Trade']);
  });

  it('reads PM as a title that introduces a person inside a run-on span', () => {
    const out = spansOf('Japanese PM Shinzo Abe spoke.', ['B-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'O', 'O']);
    expect(out).toContain('PERSON:Shinzo Abe');
    expect(out.some((s) => s.includes('PM'))).toBe(false);
  });
});

describe('entitySpans: places the text says are places', () => {
  const spansOf = labelledSpans;

  it('types a name after `the state of` or before `is a village` as a place, and the same name elsewhere', () => {
    expect(
      spansOf('He moved to the state of Goa . Goa is warm .', [
        ...['O', 'O', 'O', 'O', 'O', 'O', 'B-PER', 'O'],
        ...['B-PER', 'O', 'O', 'O'],
      ]),
    ).toEqual(['LOC:Goa', 'LOC:Goa']);
    expect(
      spansOf('Aisby is a small village in the county of Lincolnshire .', [
        ...['B-PER', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'B-ORG', 'O'],
      ]),
    ).toEqual(['LOC:Aisby', 'LOC:Lincolnshire']);
  });

  it('reads the name after an opening article, and the verb after an aside in brackets', () => {
    expect(spansOf('The Ayalon Cave is a limestone cave .', ['O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'O', 'O'])).toEqual([
      'LOC:Ayalon Cave',
    ]);
    expect(
      spansOf('Bank Hey ( also Sunny Bower ) is a suburb of Blackburn .', [
        ...['B-ORG', 'I-ORG', 'O', 'O', 'B-LOC', 'I-LOC', 'O', 'O', 'O', 'O', 'O', 'B-LOC', 'O'],
      ]),
    ).toEqual(['LOC:Bank Hey', 'LOC:Sunny Bower', 'LOC:Blackburn']);
  });

  it('adds such a place the tagger left out, and leaves `the University of …` and plain sentences alone', () => {
    expect(spansOf('Brensbach is a municipality in Hesse .', ['O', 'O', 'O', 'O', 'O', 'B-LOC', 'O'])).toEqual([
      'LOC:Brensbach',
      'LOC:Hesse',
    ]);
    expect(
      spansOf('She taught at the University of Texas .', ['O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']),
    ).toEqual(['ORG:University of Texas']);
    expect(spansOf('Smith is a doctor in Boston .', ['B-PER', 'O', 'O', 'O', 'O', 'B-LOC', 'O'])).toEqual([
      'PERSON:Smith',
      'LOC:Boston',
    ]);
  });
});

describe('entitySpans: what ends no name', () => {
  it("cuts a weekday or a month's abbreviation off the end of a person's name, not a given name", () => {
    expect(labelledSpans('Partly cloudy . Cooler Thu , rain Fri .', { Cooler: 'B-PER', Thu: 'I-PER' })).toEqual([
      'PERSON:Cooler',
    ]);
    expect(labelledSpans('Topaz ( eta Apl 14 Ghent )', { Ghent: 'B-PER', Apl: 'B-PER' })).toEqual(['PERSON:Ghent']);
    expect(labelledSpans('Mary April spoke .', { Mary: 'B-PER', April: 'I-PER' })).toEqual(['PERSON:Mary April']);
    expect(labelledSpans('Loh Hoon Sun said .', { Loh: 'B-PER', Hoon: 'I-PER', Sun: 'I-PER' })).toEqual([
      'PERSON:Loh Hoon Sun',
    ]);
  });
});

describe('entitySpans: peoples', () => {
  it('takes a people in the plural for no organisation or place, but keeps a country and a singular', () => {
    expect(
      labelledSpans('The Soviets said the Filipinos and the Philippines agreed with American .', {
        Soviets: 'B-ORG',
        Filipinos: 'B-LOC',
        Philippines: 'B-LOC',
        American: 'B-ORG',
      }),
    ).toEqual(['LOC:Philippines', 'ORG:American']);
  });
  it('knows the peoples no demonym of the gazetteer names (`Saudis`, `Serbs`, `AZERIS`), not `Turks and Caicos Islands`', () => {
    expect(
      labelledSpans('ARMENIANS , AZERIS HOLD TALKS . The Saudis said Serbs met Danes in Turks and Caicos Islands .', {
        AZERIS: 'B-ORG',
        Saudis: 'B-PER',
        Serbs: 'B-ORG',
        Danes: 'B-ORG',
        Turks: 'B-LOC',
        and: 'I-LOC',
        Caicos: 'I-LOC',
        Islands: 'I-LOC',
      }),
    ).toEqual(['LOC:Turks and Caicos Islands']);
  });
});

describe('entitySpans: name particles', () => {
  it('joins a name that goes on with a particle, and takes the given name before a particle, not a capitalised common word', () => {
    expect(
      labelledSpans('President Zine al-Abidine Ben Ali spoke . Driver Gil de Ferran won . The de Gaulle family met .', {
        Zine: 'B-PER',
        'al-Abidine': 'B-ORG',
        Ben: 'I-ORG',
        Ali: 'I-ORG',
        de: 'B-PER',
        Ferran: 'I-PER',
        Gaulle: 'I-PER',
      }),
    ).toEqual(['PERSON:Zine al-Abidine Ben Ali', 'PERSON:Gil de Ferran', 'PERSON:de Gaulle']);
  });
});

describe("entitySpans: a word after a country's abbreviation", () => {
  it('reads a common word the dot capitalised as no name, an institution noun as one', () => {
    // The tagger's labels (Reuters had organisations `Economy`, `Dollar` and `Securities`).
    expect(
      labelledSpans(
        'the performance of the U.S. Economy fell against the U.S. Dollar . The U.S. Embassy said so .',
        { 'U.S.': 'B-LOC', Economy: 'B-ORG', Dollar: 'B-ORG', Embassy: 'B-ORG' },
        { lex: true },
      ),
    ).toEqual(['LOC:U.S.', 'LOC:U.S.', 'LOC:U.S.', 'ORG:Embassy']);
    // A firm the document names with its legal form after the abbreviation keeps its word.
    expect(
      labelledSpans(
        'U.S. Home Corp said it would buy . U.S. Home said profits rose .',
        { 'U.S.': 'B-LOC', Home: 'B-ORG', Corp: 'I-ORG' },
        { lex: true },
      ),
    ).toEqual(['LOC:U.S.', 'ORG:Home Corp', 'LOC:U.S.', 'ORG:Home']);
  });

  it("drops a sentence's opening adverb and weekdays in the plural the tagger took for names", () => {
    expect(
      labelledSpans('Furthermore , the paper said so . However , Kelly spoke on expiration Fridays .', {
        Furthermore: 'B-ORG',
        However: 'B-PER',
        Kelly: 'B-PER',
        Fridays: 'B-PER',
      }),
    ).toEqual(['PERSON:Kelly']);
  });

  it('reads a name the tagger took for a person inside a list of places as a place, not a speaker after one', () => {
    // The tagger's labels (Reuters had a person `Mato Grosso`).
    expect(
      labelledSpans('Garages closed in Sao Paulo , Parana , Mato Grosso and Bahia today .', {
        Sao: 'B-LOC',
        Paulo: 'I-LOC',
        Parana: 'B-LOC',
        Mato: 'B-PER',
        Grosso: 'I-PER',
        Bahia: 'B-LOC',
      }),
    ).toEqual(['LOC:Sao Paulo', 'LOC:Parana', 'LOC:Mato Grosso', 'LOC:Bahia']);
    expect(
      labelledSpans('He visited France , Germany , Italy , Funaro said .', {
        France: 'B-LOC',
        Germany: 'B-LOC',
        Italy: 'B-LOC',
        Funaro: 'B-PER',
      }),
    ).toEqual(['LOC:France', 'LOC:Germany', 'LOC:Italy', 'PERSON:Funaro']);
  });
});

describe("entitySpans: a committee's name the tagger ended early", () => {
  it('goes on over `and` to an institution noun, and over a committee noun in lower case', () => {
    // The tagger's labels (Reuters had organisations `House Ways` and `House Agriculture`).
    expect(
      labelledSpans(
        'House Ways and Means Committee Chairman Dan Rostenkowski spoke to the House Agriculture committee .',
        {
          House: 'B-ORG',
          Ways: 'I-ORG',
          Agriculture: 'I-ORG',
          Dan: 'B-PER',
          Rostenkowski: 'I-PER',
        },
      ),
    ).toEqual(['ORG:House Ways and Means Committee', 'PERSON:Dan Rostenkowski', 'ORG:House Agriculture committee']);
    // Not over a name of its own after `and` (`Bank of England and Bank of Japan`), nor a common word.
    expect(
      labelledSpans('the Bank of England and Bank of Japan met . IBM and Apple said .', [
        'O',
        'B-ORG',
        'I-ORG',
        'I-ORG',
        'O',
        'B-ORG',
        'I-ORG',
        'I-ORG',
        'O',
        'O',
        'B-ORG',
        'O',
        'O',
        'O',
        'O',
      ]),
    ).toEqual(['ORG:Bank of England', 'ORG:Bank of Japan', 'ORG:IBM']);
  });
});

describe('entitySpans: a firm named for two people', () => {
  it('reads two names joined by `and` as one firm when the document writes them only together', () => {
    // The tagger's labels (Reuters had a person `Wagner` and a place `Brown` for the oil partnership).
    const labels = { Wagner: 'B-PER', Brown: 'B-LOC', AFG: 'B-ORG', Iran: 'B-LOC', Iraq: 'B-LOC' };
    expect(
      labelledSpans('Wagner and Brown bid for GenCorp . Last fall , AFG and Wagner and Brown offered more .', labels),
    ).toEqual(['ORG:Wagner and Brown', 'ORG:AFG', 'ORG:Wagner and Brown']);
    // Once only, or a name apart too, or places a reader knows: two names.
    expect(labelledSpans('Wagner and Brown bid for GenCorp .', labels)).toEqual(['PERSON:Wagner', 'LOC:Brown']);
    expect(labelledSpans('Wagner and Brown bid . Wagner and Brown offered more . Wagner said so .', labels)).toEqual([
      'PERSON:Wagner',
      'LOC:Brown',
      'PERSON:Wagner',
      'LOC:Brown',
      'PERSON:Wagner',
    ]);
    expect(labelledSpans('Iran and Iraq fought . Iran and Iraq agreed .', labels)).toEqual([
      'LOC:Iran',
      'LOC:Iraq',
      'LOC:Iran',
      'LOC:Iraq',
    ]);
  });
});

describe('entitySpans: holders of an office in the plural', () => {
  it('reads them as no body, a council of them as one', () => {
    expect(
      labelledSpans('a meeting of Finance Ministers of the Group of Five . The Council of Ministers met .', {
        Finance: 'B-ORG',
        Ministers: 'I-ORG',
        Group: 'B-ORG',
        of: 'I-ORG',
        Five: 'I-ORG',
        Council: 'B-ORG',
      }),
    ).toEqual(['ORG:Group of Five', 'ORG:Council of Ministers']);
  });
});

describe("entitySpans: a place's adjective", () => {
  it('reads a demonym or an adjective of a state or region before a common noun as no place, not a city', () => {
    // The tagger's labels in a document's context (Reuters had places `West German` and `North American`).
    expect(
      labelledSpans('in West German bond trading and North American plants , Alaskan oil and the Milan bourse .', {
        West: 'B-LOC',
        German: 'I-LOC',
        North: 'B-LOC',
        American: 'I-LOC',
        Alaskan: 'B-LOC',
        Milan: 'B-LOC',
      }),
    ).toEqual(['LOC:Milan']);
  });
});

describe('entitySpans: names joined by a foreign particle', () => {
  it('reads a name, a Romance or Dutch particle and a name as one name, typed by its parts', () => {
    // The tagger's own labels (Reuters had a bank `Banco`, a person `Angeles`, a person `Mato Grosso`).
    expect(labelledSpans('A spokesman for the Banco do Brasil said so .', { Banco: 'B-ORG', Brasil: 'B-LOC' })).toEqual(
      ['ORG:Banco do Brasil'],
    );
    expect(
      labelledSpans('The suit was filed by Eduardo de los Angeles , a nominee .', {
        Eduardo: 'B-PER',
        Angeles: 'B-PER',
      }),
    ).toEqual(['PERSON:Eduardo de los Angeles']);
    expect(
      labelledSpans('Garages closed in Parana and Mato Grosso do Sul .', {
        Parana: 'B-LOC',
        Mato: 'B-PER',
        Grosso: 'I-PER',
      }),
    ).toEqual(['LOC:Parana', 'LOC:Mato Grosso do Sul']);
    // Unnamed words before a country; a name the tagger ended on the joiner; a foreign word it
    // took for MISC after a firm.
    expect(
      labelledSpans(
        'Petroleos de Venezuela agreed . Lead manager is Banca Cattolica del Veneto SpA . Debt of the Banco de los Trabajadores rose .',
        {
          Venezuela: 'B-LOC',
          Banca: 'B-ORG',
          Cattolica: 'I-ORG',
          del: 'I-ORG',
          Veneto: 'B-ORG',
          SpA: 'I-ORG',
          Banco: 'B-ORG',
          Trabajadores: 'B-MISC',
        },
      ),
    ).toEqual(['ORG:Petroleos de Venezuela', 'ORG:Banca Cattolica del Veneto SpA', 'ORG:Banco de los Trabajadores']);
  });

  it('leaves apart two places the gazetteer knows, a person and his firm, and a place only the tagger saw', () => {
    expect(
      labelledSpans('One of their leaders , Orlando dos Santos , told us .', { Orlando: 'B-LOC', Santos: 'B-LOC' }),
    ).toEqual(['LOC:Orlando', 'LOC:Santos']);
    expect(
      labelledSpans('said Robert di Clemente of Salomon Brothers Inc .', {
        Robert: 'B-PER',
        Clemente: 'B-ORG',
        of: 'I-ORG',
        Salomon: 'I-ORG',
        Brothers: 'I-ORG',
        Inc: 'I-ORG',
      }),
    ).toEqual(['PERSON:Robert', 'ORG:Clemente of Salomon Brothers Inc']);
    expect(labelledSpans('Rimmer de Vries , an economist , said so .', { Vries: 'B-LOC' })).toEqual(['LOC:Vries']);
    // English words: `do` before a capitalised word opening a sentence of its own is no joiner.
    expect(
      labelledSpans('Why do Japan and Brazil agree ?', { Japan: 'B-LOC', Brazil: 'B-LOC' }, { lex: true }),
    ).toEqual(['LOC:Japan', 'LOC:Brazil']);
  });
});

describe('entitySpans: regnal numbers', () => {
  it("ends a ruler's name with its Roman numeral, not a speaker's with `I`", () => {
    expect(
      labelledSpans('Queen Elizabeth I was born . King Henry VIII died . Icahn I think sold .', {
        Elizabeth: 'B-PER',
        Henry: 'B-PER',
        Icahn: 'B-PER',
      }),
    ).toEqual(['PERSON:Elizabeth I', 'PERSON:Henry VIII', 'PERSON:Icahn']);
  });
});

describe("entitySpans: an institution's possessive", () => {
  it("ends an institution's or a place's name before its possessive, not a firm's named for its founder", () => {
    const s = "'s";
    expect(labelledSpans(`the Treasury ${s} bond fell .`, { Treasury: 'B-ORG', [s]: 'I-ORG' })).toEqual([
      'ORG:Treasury',
    ]);
    expect(
      labelledSpans(`the University of Michigan ${s} index fell .`, {
        University: 'B-ORG',
        of: 'I-ORG',
        Michigan: 'I-ORG',
        [s]: 'I-ORG',
      }),
    ).toEqual(['ORG:University of Michigan']);
    expect(
      labelledSpans(`Standard and Poor ${s} fell .`, { Standard: 'B-ORG', and: 'I-ORG', Poor: 'I-ORG', [s]: 'I-ORG' }),
    ).toEqual(["ORG:Standard and Poor 's"]);
  });
});

describe('entitySpans: a given name after a title', () => {
  it('joins a word the tagger left out between a title and a surname, not a title of its own or a firm', () => {
    expect(
      labelledSpans('U.S. Ambassador Prudence Bushnell wrapped up talks .', { 'U.S.': 'B-LOC', Bushnell: 'B-LOC' }),
    ).toEqual(['LOC:U.S.', 'PERSON:Prudence Bushnell']);
    expect(
      labelledSpans('Chief Executive Brian Corby said . Premier Auction Services said .', {
        Brian: 'B-PER',
        Corby: 'I-PER',
        Services: 'B-ORG',
      }),
    ).toEqual(['PERSON:Brian Corby', 'ORG:Services']);
  });
});

describe('entitySpans: figures', () => {
  it('drops an acronym the document defines for a figure, wherever it stands', () => {
    const labels = { Public: 'B-ORG', Sector: 'I-ORG', Borrowing: 'I-ORG', Requirement: 'I-ORG', PSBR: 'B-ORG' };
    expect(labelledSpans('The Public Sector Borrowing Requirement (PSBR) fell . The PSBR was low .', labels)).toEqual(
      [],
    );
    // A company's stays, after its legal form too (a suffix alone is no entity, but no figure).
    const pdvsa = labelledSpans('Petroleos De Venezuela, S.A.(PDVSA) sold . PDVSA said .', {
      PDVSA: 'B-ORG',
      'S.A.': 'B-ORG',
    });
    expect(pdvsa.filter((s) => s === 'ORG:PDVSA')).toHaveLength(2);
    // A body's acronym stays.
    expect(
      labelledSpans('The Bank for International Settlements (BIS) met .', {
        Bank: 'B-ORG',
        for: 'I-ORG',
        International: 'I-ORG',
        Settlements: 'I-ORG',
        BIS: 'B-ORG',
      }),
    ).toEqual(['ORG:Bank for International Settlements', 'ORG:BIS']);
  });
});

describe('entitySpans: organisations the text says are organisations', () => {
  const spansOf = (text: string, labels: Record<string, string>) => labelledSpans(text, labels, { cued: true });

  it('types a name after `the band` or before `, a … company` or `is a … chain` as an organisation, everywhere', () => {
    expect(spansOf('He joined the band Gigi . Gigi has released six albums .', { Gigi: 'B-PER' })).toEqual([
      'ORG:Gigi*',
      'ORG:Gigi*',
    ]);
    expect(spansOf('It was taken over by Staedtler , a stationery company .', { Staedtler: 'B-PER' })).toEqual([
      'ORG:Staedtler*',
    ]);
    expect(spansOf('Bilka is a Danish chain of hypermarkets .', { Bilka: 'B-PER', Danish: 'B-MISC' })).toEqual([
      'ORG:Bilka*',
    ]);
  });

  it('types the name written in capitals where the text says what it is the same way in lower case, not a family', () => {
    expect(
      spansOf('VELO is a bicycle company . Velo grew . The Velo family sold it .', { VELO: 'B-PER', Velo: 'B-PER' }),
    ).toEqual(['ORG:VELO*', 'ORG:Velo*', 'PERSON:Velo']);
  });

  it('reads `X, one of its units` as a company, and stops the description at a clause', () => {
    expect(
      spansOf('Vardo , one of its Hungarian units , lost money .', { Vardo: 'B-PER', Hungarian: 'B-MISC' }),
    ).toEqual(['ORG:Vardo*']);
    expect(
      spansOf('Lal , a Fiji Indian who has led the unit , spoke .', { Lal: 'B-PER', Fiji: 'B-LOC', Indian: 'I-LOC' }),
    ).toEqual(['PERSON:Lal', 'LOC:Fiji Indian']);
  });

  it('types groups of nations named by their number as organisations, one entity whatever the spelling', () => {
    expect(
      spansOf('The Group of Seven met . G-7 aides and the G-5 spoke .', {
        Group: 'B-MISC',
        of: 'I-MISC',
        Seven: 'I-MISC',
      }),
    ).toEqual(['ORG:Group of Seven', 'ORG:G-7', 'ORG:G-5']);
    expect(
      spanEntities('The Group of Seven met . G-7 aides spoke , as did the G7 and the Group of 77 .', [
        ['Group of Seven', 'ORG'],
        ['G-7', 'ORG'],
        ['G7', 'ORG'],
        ['Group of 77', 'ORG'],
      ]),
    ).toEqual([
      'ORG:Group of Seven=Group of Seven',
      'ORG:G-7=Group of Seven',
      'ORG:G7=Group of Seven',
      'ORG:Group of 77=Group of 77',
    ]);
    expect(
      spansOf('Ministers of the Group of Five and Canada met .', {
        Group: 'B-MISC',
        of: 'I-MISC',
        Five: 'I-MISC',
        and: 'I-MISC',
        Canada: 'I-MISC',
      }),
    ).toEqual(['ORG:Group of Five', 'LOC:Canada']);
    // Only the groups news names so: `G-3` or `G-12` could be a rifle or a jet.
    expect(spansOf('He bought a G-12 and a G-3 rifle .', {})).toEqual([]);
  });

  it('types the name before a stock symbol in brackets as its company', () => {
    // The tagger's name, whatever type it gave it, is retyped as it is.
    const labels = { Abbott: 'B-PER', Laboratories: 'I-PER', ABT: 'B-ORG', Citicorp: 'B-PER' };
    expect(spansOf("Sales of Abbott Laboratories' <ABT> rose . Yesterday Citicorp <CCI> fell .", labels)).toEqual([
      'ORG:Abbott Laboratories',
      'ORG:ABT',
      'ORG:Citicorp',
      'ORG:CCI',
    ]);
    // The company's other mentions the tagger read as a person follow.
    expect(
      spansOf('NV Philips Gloeilampenfabrieken <PGLO.AS> said . Philips sold .', {
        Philips: 'B-PER',
        Gloeilampenfabrieken: 'I-PER',
      }),
    ).toEqual(['ORG:Philips Gloeilampenfabrieken', 'ORG:PGLO.AS', 'ORG:Philips']);
    // Where it found none, the capitalised words before the bracket, up to a country or `The`.
    expect(spansOf('Sales at Total Petroleum NA <TPN> rose . The U.S. Allis-Chalmers <AH> fell .', {})).toEqual([
      'ORG:Total Petroleum NA',
      'ORG:TPN',
      'LOC:U.S.',
      'ORG:Allis-Chalmers',
      'ORG:AH',
    ]);
    // In parentheses only with an exchange: `(GNP)` spells a figure. In a headline's capitals only a
    // name the tagger found is retyped: there every word is capitalised.
    expect(
      spansOf('Gross National Product (GNP) rose .', { Gross: 'B-MISC', National: 'I-MISC', Product: 'I-MISC' }),
    ).toEqual([]);
    expect(spansOf('Volkswagen (VOWG.F) rose .', { Volkswagen: 'B-PER' })).toEqual(['ORG:Volkswagen', 'ORG:VOWG.F']);
    expect(spansOf('PENNZOIL TO CONTEST TEXACO <QTX> BANKRUPTCY', { TEXACO: 'B-PER' })).toEqual([
      'ORG:TEXACO',
      'ORG:QTX',
    ]);
    expect(spansOf('TOTAL PETROLEUM <TPN> SHUTS PIPELINES', {})).toEqual([]);
  });

  it('leaves a person before `, a company spokesman` and the members of `the duo` alone', () => {
    expect(spansOf('Smith , a company spokesman , said so .', { Smith: 'B-PER' })).toEqual(['PERSON:Smith']);
    expect(spansOf('It is the duo Wolff and Dean .', { Wolff: 'B-PER', Dean: 'B-PER' })).toEqual([
      'PERSON:Wolff',
      'PERSON:Dean',
    ]);
  });
});

describe('entitySpans: titles of works and other MISC things the text names', () => {
  const spansOf = labelledSpans;

  it('drops a name inside the title after `the album`, and the same name elsewhere in the document', () => {
    expect(
      spansOf('Their album , A Beautiful Lie , sold well . Beautiful Lie was leaked in Paris .', {
        Beautiful: 'B-ORG',
        Lie: 'I-ORG',
        Paris: 'B-LOC',
      }),
    ).toEqual(['LOC:Paris']);
    expect(spansOf('He wrote the serial Kinda in London .', { Kinda: 'B-PER', London: 'B-LOC' })).toEqual([
      'LOC:London',
    ]);
  });

  it('drops a name the text says is a people, or one of the games, and any name inside it', () => {
    expect(
      spansOf('She ruled the Azna , a pagan people in Niger . The Azna fled .', { Azna: 'B-LOC', Niger: 'B-LOC' }),
    ).toEqual(['LOC:Niger']);
    expect(
      spansOf('Connecticut Classic Lotto is one of the games offered by the state .', {
        Connecticut: 'B-LOC',
        Classic: 'B-PER',
        Lotto: 'I-PER',
      }),
    ).toEqual([]);
  });

  it('drops a name the text says is a language or a series', () => {
    expect(
      spansOf('Chamicuro is an endangered language spoken in Peru .', { Chamicuro: 'B-PER', Peru: 'B-LOC' }),
    ).toEqual(['LOC:Peru']);
  });
});

describe('resolveEntities: acronyms of things', () => {
  it('takes an acronym the story defines by words in lower case for that thing, not a name', () => {
    const text =
      'Japan buys liquefied petroleum gas (LPG) from Saudi Arabia. It will bank on Saudi Arabian LPG, ' +
      'traders said. LPG imports rose, and floating rate notes (FRNs) fell. An FRN issue by Nomura.';
    expect(
      spanTypes(text, [
        ['Japan', 'LOC'],
        ['LPG', 'ORG'],
        ['Saudi Arabia', 'LOC'],
        ['Arabian LPG', 'PERSON'],
        ['LPG', 'ORG'],
        ['FRNs', 'ORG'],
        ['FRN', 'ORG'],
        ['Nomura', 'ORG'],
      ]),
    ).toEqual(['COUNTRY:Japan', 'COUNTRY:Saudi Arabia', 'ORG:Nomura']);
  });

  it('keeps an organisation defined in lower case, and an acronym the words do not spell', () => {
    const text =
      'The multilateral investment guarantee agency (MIGA) met. MIGA said so. ' +
      'Sales of crude oil (CBT) rose. CBT said so. The MIGA Fund and CBT Corp grew.';
    expect(
      spanTypes(text, [
        ['MIGA', 'ORG'],
        ['MIGA', 'ORG'],
        ['CBT', 'ORG'],
        ['CBT', 'ORG'],
        ['MIGA Fund', 'ORG'],
        ['CBT Corp', 'ORG'],
      ]),
    ).toEqual(['ORG:MIGA', 'ORG:MIGA', 'ORG:CBT', 'ORG:CBT', 'ORG:MIGA Fund', 'ORG:CBT Corp']);
  });
});

describe('resolveEntities: surnames', () => {
  it('keeps a known place a place beside a `person` whose last word it is, unless mostly a person alone', () => {
    expect(
      spanTypes('His poems appeared in Poetry London. He lived in London.', [
        ['Poetry London', 'PERSON'],
        ['London', 'LOC'],
      ]),
    ).toEqual(['PERSON:Poetry London', 'PLACE:London']);
    // A surname the tagger took for a place twice, and for the person three times, is the person.
    expect(
      spanTypes('Manuel Belgrano led. Belgrano won. Belgrano lost. Belgrano left. Belgrano came. Belgrano went.', [
        ['Manuel Belgrano', 'PERSON'],
        ['Belgrano', 'LOC'],
        ['Belgrano', 'LOC'],
        ['Belgrano', 'PERSON'],
        ['Belgrano', 'PERSON'],
        ['Belgrano', 'PERSON'],
      ]).filter((m) => m.startsWith('PLACE')),
    ).toEqual([]);
  });

  it("splits a club's player after its 's, and a titled person and their country, read as one organisation", () => {
    expect(
      spanTypes("Then came Juventus's Zinedine Zidane. McDonald's Corp rose.", [
        ["Juventus's Zinedine Zidane", 'ORG'],
        ["McDonald's Corp", 'ORG'],
      ]),
    ).toEqual(['ORG:Juventus', 'PERSON:Zinedine Zidane', "ORG:McDonald's Corp"]);
    expect(
      spanTypes('Security Council President Tono Eitel of Germany said so.', [
        ['Security Council President Tono Eitel of Germany', 'ORG'],
      ]),
    ).toEqual(['ORG:Security Council', 'PERSON:Tono Eitel', 'COUNTRY:Germany']);
  });

  it('joins a given name read as a person and a surname read as a company (`Mick McCarthy`)', () => {
    expect(
      spanEntities('McCarthy names team. Manager Mick McCarthy spoke.', [
        ['McCarthy', 'ORG'],
        ['Mick', 'PERSON'],
        ['McCarthy', 'ORG'],
      ]),
    ).toEqual(['PERSON:McCarthy=Mick McCarthy', 'PERSON:Mick McCarthy=Mick McCarthy']);
    // Not someone else's surname before a company, nor a company's short name the story writes in full.
    expect(
      spanTypes('Stuart Karl quit. Karl Lorimar said no.', [
        ['Stuart Karl', 'PERSON'],
        ['Karl', 'PERSON'],
        ['Lorimar', 'ORG'],
      ]),
    ).toEqual(['PERSON:Stuart Karl', 'PERSON:Karl', 'ORG:Lorimar']);
  });

  it('reads a name that takes a plural verb as its subject as a team, all its forms in the story', () => {
    expect(
      spanEntities('Rotor Volgograd lost. Despite the defeat, Rotor are well placed.', [
        ['Rotor Volgograd', 'PERSON'],
        ['Rotor', 'PERSON'],
      ]),
    ).toEqual(['ORG:Rotor Volgograd=Rotor Volgograd', 'ORG:Rotor=Rotor Volgograd']);
    // The verb of a phrase the name ends is not the name's (`a group headed by … were`).
    expect(
      spanTypes('A group headed by businessman Zygmunt Solorz were forming a consortium.', [
        ['Zygmunt Solorz', 'PERSON'],
      ]),
    ).toEqual(['PERSON:Zygmunt Solorz']);
  });

  it('splits a person and the company they speak for, read as one company, when the surname speaks alone', () => {
    const text = 'Rates rose, said economist Lynn Reaser of Barnett Banks Inc. Reaser said so.';
    // Before: a company `Lynn Reaser of Barnett Banks Inc.`, and `Reaser` another.
    expect(
      spanEntities(text, [
        ['Lynn Reaser of Barnett Banks Inc.', 'ORG'],
        ['Reaser', 'ORG'],
      ]),
    ).toEqual([
      'PERSON:Lynn Reaser=Lynn Reaser',
      'ORG:Barnett Banks Inc.=Barnett Banks Inc.',
      'PERSON:Reaser=Lynn Reaser',
    ]);
    // A team the story names alone but never quotes stays whole.
    expect(
      spanTypes('He pitched for the Oakland Athletics of Major League Baseball. The Athletics won.', [
        ['Oakland Athletics of Major League Baseball', 'ORG'],
        ['Athletics', 'ORG'],
      ]),
    ).toEqual(['ORG:Oakland Athletics of Major League Baseball', 'ORG:Athletics']);
  });

  it("reads a country's name as the surname of someone named in full where it speaks (`Jordan said`)", () => {
    const text =
      'Director Neil Jordan made the film. "It was hard," Jordan said. Jordan defends it. It opened in Jordan.';
    // Then wherever no preposition of place comes before it.
    expect(
      spanEntities(text, [
        ['Neil Jordan', 'PERSON'],
        ['Jordan', 'LOC'],
        ['Jordan', 'LOC'],
        ['Jordan', 'LOC'],
      ]),
    ).toEqual([
      'PERSON:Neil Jordan=Neil Jordan',
      'PERSON:Jordan=Neil Jordan',
      'PERSON:Jordan=Neil Jordan',
      'COUNTRY:Jordan=Jordan',
    ]);
    // Never quoted, the country stays one.
    expect(
      spanTypes('Director Neil Jordan met them. Israel and Jordan signed a pact.', [
        ['Neil Jordan', 'PERSON'],
        ['Israel', 'LOC'],
        ['Jordan', 'LOC'],
      ]),
    ).toEqual(['PERSON:Neil Jordan', 'COUNTRY:Israel', 'COUNTRY:Jordan']);
  });

  it('splits the person who heads an organisation from its name when the story names them apart too', () => {
    // Before: organisations `Bank of Japan Satoshi Sumita`, `Bank of England Robin`.
    expect(
      spanTypes('He met the Governor of the Bank of Japan Satoshi Sumita. Sumita said rates would stay.', [
        ['Bank of Japan Satoshi Sumita', 'ORG'],
        ['Sumita', 'PERSON'],
      ]),
    ).toEqual(['ORG:Bank of Japan', 'PERSON:Satoshi Sumita', 'PERSON:Sumita']);
    expect(
      spanTypes('Funaro met the Governor of the Bank of England Robin Leigh-Pemberton. Leigh-Pemberton agreed.', [
        ['Funaro', 'PERSON'],
        ['Bank of England Robin', 'ORG'],
        ['Leigh-Pemberton', 'PERSON'],
      ]),
    ).toEqual(['PERSON:Funaro', 'ORG:Bank of England', 'PERSON:Robin Leigh-Pemberton', 'PERSON:Leigh-Pemberton']);
    // Never over a line break: a results table's `Constructorul Chisinau` and the next line's
    // `Scorers:` (was a person `Chisinau Scorers`, written across the break).
    expect(
      spanTypes(
        'Rishon v Constructorul Chisinau\nScorers:\nRishon - Moshe Sabag. Constructorul lost. Scorers rejoiced.',
        [
          ['Rishon', 'ORG'],
          ['Constructorul Chisinau', 'ORG'],
          ['Rishon', 'ORG'],
          ['Moshe Sabag', 'PERSON'],
          ['Constructorul', 'ORG'],
        ],
      ),
    ).toEqual(['ORG:Rishon', 'ORG:Constructorul Chisinau', 'ORG:Rishon', 'PERSON:Moshe Sabag', 'ORG:Constructorul']);
    // A firm or a team named after people stays whole: its last word is never written alone.
    expect(
      spanTypes('Shearson Lehman Brothers said it would. Shearson rose. Lehman Brothers said so.', [
        ['Shearson Lehman Brothers', 'ORG'],
        ['Shearson', 'ORG'],
        ['Lehman Brothers', 'ORG'],
      ]),
    ).toEqual(['ORG:Shearson Lehman Brothers', 'ORG:Shearson', 'ORG:Lehman Brothers']);
    expect(
      spanTypes('The Boston Red Sox won. Boston lost later. The Chicago White Sox won.', [
        ['Boston Red Sox', 'ORG'],
        ['Boston', 'ORG'],
        ['Chicago White Sox', 'ORG'],
      ]),
    ).toEqual(['ORG:Boston Red Sox', 'ORG:Boston', 'ORG:Chicago White Sox']);
  });

  it('splits two names a headline runs together: a surname of someone named in full, then a place', () => {
    const text =
      'Yeltsin backs Lebed Chechnya plan. Yeltsin backed Alexander Lebed on Chechnya. Lebed flew to Chechnya.';
    // Before: one person `Lebed Chechnya`, whose surname took every `Chechnya` of the story.
    expect(
      spanEntities(text, [
        ['Yeltsin', 'PERSON'],
        ['Lebed Chechnya', 'PERSON'],
        ['Yeltsin', 'PERSON'],
        ['Alexander Lebed', 'PERSON'],
        ['Chechnya', 'LOC'],
        ['Lebed', 'PERSON'],
        ['Chechnya', 'LOC'],
      ]).filter((m) => /Lebed|Chechnya/.test(m)),
    ).toEqual([
      'PERSON:Lebed=Alexander Lebed',
      'PLACE:Chechnya=Chechnya',
      'PERSON:Alexander Lebed=Alexander Lebed',
      'PLACE:Chechnya=Chechnya',
      'PERSON:Lebed=Alexander Lebed',
      'PLACE:Chechnya=Chechnya',
    ]);
    // A second word the story never writes alone as something else stays part of the name.
    expect(
      spanTypes('Stuart Karl spoke. Karl Lorimar said no.', [
        ['Stuart Karl', 'PERSON'],
        ['Karl Lorimar', 'PERSON'],
      ]),
    ).toEqual(['PERSON:Stuart Karl', 'PERSON:Karl Lorimar']);
  });

  it('reads a name the document writes as a person, and whose surname it writes alone, as the person everywhere', () => {
    expect(
      spanTypes('Tom Rider won. Later Tom Rider lost. Rider left.', [
        ['Tom Rider', 'PERSON'],
        ['Tom Rider', 'LOC'],
      ]),
    ).toEqual(['PERSON:Tom Rider', 'PERSON:Tom Rider', 'PERSON:Rider']);
    // Not without the surname alone, nor a known place.
    expect(
      spanTypes('Tom Rider won. Later Tom Rider lost.', [
        ['Tom Rider', 'PERSON'],
        ['Tom Rider', 'LOC'],
      ]),
    ).toEqual(['PERSON:Tom Rider', 'PLACE:Tom Rider']);
  });

  it('reads a name with and without its opening `The` as one organisation, its acronym spelled without it', () => {
    const text = 'It joined The Oakdale Savings Bank. Later OSB and Oakdale Savings Bank grew.';
    const { tokens, sentences } = tokenize(text);
    const span = (at: number, length: number): Span => {
      const first = tokens.findIndex((t) => t.start === at);
      const last = tokens.findIndex((t) => t.end === at + length);
      return newSpan(
        first,
        last,
        'ORG',
        sentences.findIndex((s) => s.tokenEnd > first),
      );
    };
    const out = resolveEntities(text, tokens, sentences, [
      span(text.indexOf('The Oakdale'), 'The Oakdale Savings Bank'.length),
      span(text.indexOf('OSB'), 3),
      span(text.lastIndexOf('Oakdale'), 'Oakdale Savings Bank'.length),
    ]);
    expect(out.map((m) => m.entity)).toEqual(['Oakdale Savings Bank', 'Oakdale Savings Bank', 'Oakdale Savings Bank']);
    // `The OSB` is what `OSB` stands for.
    const text2 = 'Oakdale Savings Bank grew. Later The OSB said so.';
    const t2 = tokenize(text2);
    const at = (name: string): Span => {
      const start = text2.indexOf(name);
      const first = t2.tokens.findIndex((t) => t.start === start);
      const last = t2.tokens.findIndex((t) => t.end === start + name.length);
      return newSpan(
        first,
        last,
        'ORG',
        t2.sentences.findIndex((s) => s.tokenEnd > first),
      );
    };
    expect(
      resolveEntities(text2, t2.tokens, t2.sentences, [at('Oakdale Savings Bank'), at('The OSB')]).map((m) => m.entity),
    ).toEqual(['Oakdale Savings Bank', 'Oakdale Savings Bank']);
    // Named with and without `The`, the organisation goes by the name without it.
    const text3 = 'The Oakdale Sun reported. Oakdale Sun said so.';
    const t3 = tokenize(text3);
    const at3 = (start: number, length: number): Span => {
      const first = t3.tokens.findIndex((t) => t.start === start);
      const last = t3.tokens.findIndex((t) => t.end === start + length);
      return newSpan(
        first,
        last,
        'ORG',
        t3.sentences.findIndex((s) => s.tokenEnd > first),
      );
    };
    expect(
      resolveEntities(text3, t3.tokens, t3.sentences, [at3(0, 15), at3(text3.lastIndexOf('Oakdale'), 11)]).map(
        (m) => m.entity,
      ),
    ).toEqual(['Oakdale Sun', 'Oakdale Sun']);
  });

  it('keeps the type the text gave a name (`Caloi is a manufacturer`) beside a person it is the surname of', () => {
    const text = 'Caloi is a manufacturer. Luigi Caloi founded it. Caloi grew.';
    const { tokens, sentences } = tokenize(text);
    const words = sentences.map((s) => tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text));
    const ids = words.map((w, si) =>
      Uint8Array.from(w.map((x, i) => (x === 'Luigi' ? 1 : x === 'Caloi' ? (si === 1 && i === 1 ? 2 : 1) : 0))),
    );
    const spans = entitySpans(text, tokens, sentences, words, ids);
    expect(resolveEntities(text, tokens, sentences, spans).map((m) => `${m.type}:${m.text}`)).toEqual([
      'ORG:Caloi',
      'PERSON:Luigi Caloi',
      'ORG:Caloi',
    ]);
  });

  it("leaves a party member's word out of the place or chamber before it (`a Texas Democrat`, `Senate Republicans`)", () => {
    // Before: `PLACE:Texas Democrat`, `ORG:Senate Republican`, `PERSON:Arizona Republican`,
    // `PERSON:Nebraska Republican Senator David Karnes`.
    expect(
      names(
        'House Speaker Jim Wright, a Texas Democrat, met Senate Republican leader Robert Dole. ' +
          '"We will act," Sen. John McCain, an Arizona Republican, told reporters. ' +
          'New Nebraska Republican Senator David Karnes said he agreed.',
      ),
    ).toEqual([
      'ORG:House',
      'PERSON:Jim Wright',
      'PLACE:Texas',
      'ORG:Senate',
      'PERSON:Robert Dole',
      'PERSON:John McCain',
      'PLACE:Arizona',
      'PERSON:David Karnes',
    ]);
    // A party's own name keeps its last word (`Liberal` is also a town in Kansas).
    expect(names('The Liberal Democrats said a lack of any restriction was wrong.')).toEqual(['ORG:Liberal Democrats']);
  });

  it('reads a minister after `<title> of <portfolio>` as a person though the document names him once', () => {
    // Before: `ORG:Exchequer Nigel Lawson`, `ORG:State George Shultz`.
    expect(
      names(
        'Funaro and Gros are today meeting British Chancellor of the Exchequer Nigel Lawson. ' +
          'Secretary of State George Shultz acknowledged failings in the policy.',
      ),
    ).toEqual(['PERSON:Funaro', 'PERSON:Gros', 'PERSON:Nigel Lawson', 'PERSON:George Shultz']);
    // A company's officer is not a minister: the firm's name stays whole.
    expect(names('said Peter Witte, director of Westdeutsche Landesbank Girozentrale.')).toContain(
      'ORG:Westdeutsche Landesbank Girozentrale',
    );
  });

  it('leaves the office after an organisation out of its name, and an office after a portfolio names none', () => {
    expect(names('Federal Reserve Chairman Paul Volcker said rates would hold.')).toEqual([
      'ORG:Federal Reserve',
      'PERSON:Paul Volcker',
    ]);
    expect(names('GM Vice President Robert Stempel said sales fell.')).toEqual(['ORG:GM', 'PERSON:Robert Stempel']);
    expect(names('Treasury Secretary James Baker said the dollar was too high.')).toEqual([
      'ORG:Treasury',
      'PERSON:James Baker',
    ]);
    expect(names('Energy Secretary John Herrington said oil imports rose.')).toEqual(['PERSON:John Herrington']);
    expect(names('A spokesman for the Office of the President said no.')).toEqual(['ORG:Office of the President']);
  });
});

describe('resolveEntities: a company the tagger cut short', () => {
  it('reads a lone name the text continues with a legal form as the company, there and where written alone', () => {
    const text = 'It sold part of its stake in Reebok International Limited. Reebok will sell three mln shares.';
    const { tokens, sentences } = tokenize(text);
    const at = (from: number) => tokens.findIndex((t) => t.start === text.indexOf('Reebok', from));
    const first = at(0);
    const second = at(text.indexOf('Limited'));
    const spans: Span[] = [newSpan(first, first, 'PERSON', 0), newSpan(second, second, 'PERSON', 1)];
    expect(resolveEntities(text, tokens, sentences, spans).map((m) => `${m.type}:${m.text}`)).toEqual([
      'ORG:Reebok',
      'ORG:Reebok',
    ]);
  });
});

describe('resolveEntities: what only a company has', () => {
  it("makes a lone name followed by shares, stock or a board a company, not a person's nor a market's", () => {
    expect(
      spanTypes('Analysts expect Conrail shares to rise. Conrail said profits grew.', [
        ['Conrail', 'PERSON'],
        ['Conrail', 'PERSON'],
      ]),
    ).toEqual(['ORG:Conrail', 'ORG:Conrail']);
    expect(
      spanTypes("Mr. Rooter's stock was sold. Rooter said so.", [
        ['Rooter', 'PERSON'],
        ['Rooter', 'PERSON'],
      ]),
    ).toEqual(['PERSON:Rooter', 'PERSON:Rooter']);
    expect(
      spanTypes('MILAN 1996-08-30 Milan shares fell.', [
        ['MILAN', 'LOC'],
        ['Milan', 'ORG'],
      ])[0],
    ).toBe('PLACE:MILAN');
    // A capitalised noun is a name's part (`Mayo Unit Two`, a plant), not what a company has.
    expect(spanTypes('It cancelled the Mayo Unit Two plant.', [['Mayo', 'PERSON']])).toEqual(['PERSON:Mayo']);
  });
});

describe('resolveEntities: a person after a title read as an organisation', () => {
  it('splits off a person the document names, the titles dropped', () => {
    expect(
      spanEntities('Funaro met Chancellor of the Exchequer Nigel Lawson. Lawson said the talks went well.', [
        ['Funaro', 'PERSON'],
        ['Exchequer Nigel Lawson', 'ORG'],
        ['Lawson', 'PERSON'],
      ]),
    ).toEqual(['PERSON:Funaro=Funaro', 'PERSON:Nigel Lawson=Nigel Lawson', 'PERSON:Lawson=Nigel Lawson']);
  });

  it('leaves a name whose last words follow no title alone (`des Usines Renault`)', () => {
    expect(
      spanEntities('Regie Nationale des Usines Renault said sales rose. Renault President Raymond Levy agreed.', [
        ['Regie Nationale des Usines Renault', 'ORG'],
        ['Renault', 'PERSON'],
        ['Raymond Levy', 'PERSON'],
      ])[0],
    ).toBe('ORG:Regie Nationale des Usines Renault=Regie Nationale des Usines Renault');
  });
});

describe('resolveEntities: stock symbols', () => {
  // Spans given by hand, so the rule is tested whatever the tagger makes of a symbol.
  it('reads a symbol in brackets right after a company as that company', () => {
    expect(
      spanEntities('Texaco Inc <TX> appealed the judgment won by Pennzoil Co <PZL>.', [
        ['Texaco Inc', 'ORG'],
        ['TX', 'LOC'],
        ['Pennzoil Co', 'ORG'],
        ['PZL', 'ORG'],
      ]),
    ).toEqual(['ORG:Texaco Inc=Texaco Inc', 'ORG:TX=Texaco Inc', 'ORG:Pennzoil Co=Pennzoil Co', 'ORG:PZL=Pennzoil Co']);
    expect(
      spanEntities('Volkswagen AG (VOWG.F) said sales rose.', [
        ['Volkswagen AG', 'ORG'],
        ['VOWG.F', 'ORG'],
      ]),
    ).toContain('ORG:VOWG.F=Volkswagen AG');
    // After a possessive too; and in angle brackets a symbol that spells the last words is still one.
    expect(
      spanEntities("Boeing Co's <BA> jets and Alcan Aluminium Ltd <AL.N> metal sold.", [
        ['Boeing Co', 'ORG'],
        ['BA', 'ORG'],
        ['Alcan Aluminium Ltd', 'ORG'],
        ['AL.N', 'ORG'],
      ]),
    ).toEqual([
      'ORG:Boeing Co=Boeing Co',
      'ORG:BA=Boeing Co',
      'ORG:Alcan Aluminium Ltd=Alcan Aluminium Ltd',
      'ORG:AL.N=Alcan Aluminium Ltd',
    ]);
  });

  it('leaves a symbol that spells words the company name cut short, and a place in brackets, alone', () => {
    expect(
      spanEntities('Loans by the Saudi Arabian Monetary Agency (SAMA) rose.', [
        ['Arabian Monetary Agency', 'ORG'],
        ['SAMA', 'ORG'],
      ]),
    ).toContain('ORG:SAMA=SAMA');
    expect(
      spanEntities('Shares of Bache Securities (HK) Ltd rose.', [
        ['Bache Securities', 'ORG'],
        ['HK', 'LOC'],
      ]),
    ).toContain('PLACE:HK=HK');
  });
});

describe('withTitleCaseHeadlines', () => {
  it('adds a title-cased copy of the headline to about the share of documents asked for, the same ones every run', () => {
    const doc = () => [
      { words: ['CLINTON', 'SAYS', 'TROOPS', 'STAY'], gold: Uint8Array.from([1, 0, 0, 0]) },
      { words: ['Clinton', 'said', 'so', '.'], gold: Uint8Array.from([1, 0, 0, 0]) },
    ];
    const docs = Array.from({ length: 400 }, doc);
    const picked = (out: { words: string[] }[][]) => out.map((d, i) => (d.length === 3 ? i : -1)).filter((i) => i >= 0);
    const a = picked(withTitleCaseHeadlines(docs, 0.5));
    expect(a.length).toBeGreaterThan(160);
    expect(a.length).toBeLessThan(240);
    expect(picked(withTitleCaseHeadlines(docs, 0.5))).toEqual(a);
    expect(withTitleCaseHeadlines(docs, 0.5)[a[0]][1].words).toEqual(['Clinton', 'Says', 'Troops', 'Stay']);
  });
});
