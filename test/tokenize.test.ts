import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/nlp/tokenize.js';

function sentencesOf(text: string): string[][] {
  const { tokens, sentences } = tokenize(text);
  return sentences.map((s) => tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text));
}

describe('tokenize', () => {
  it('keeps exact offsets into the text', () => {
    const text = 'The U.S. State Department said\u00a0on Feb. 3: "We’re done," Mr. O’Neill added.\r\n\r\nNext line';
    const { tokens, sentences } = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (const s of sentences) {
      expect(s.start).toBe(tokens[s.tokenStart].start);
      expect(s.end).toBe(tokens[s.tokenEnd - 1].end);
    }
  });

  it('does not end sentences at abbreviations, titles, months or initials', () => {
    expect(
      sentencesOf('Mr. Smith and Dr. Jones met U.S. officials on Feb. 3 in Washington. Frederick H. Collier left.'),
    ).toEqual([
      ['Mr.', 'Smith', 'and', 'Dr.', 'Jones', 'met', 'U.S.', 'officials', 'on', 'Feb.', '3', 'in', 'Washington', '.'],
      ['Frederick', 'H.', 'Collier', 'left', '.'],
    ]);
    // A given name written short in a firm's name (`Alex. Brown and Sons Inc`, `Wm. Wrigley Jr. Co`).
    expect(sentencesOf('It was managed by Alex. Brown and Sons Inc and Wm. Sword and Co Inc.')).toHaveLength(1);
  });

  it("keeps a state's abbreviation after a town and a comma whole, and a word before a full stop a word", () => {
    expect(sentencesOf('It bought Daniels Inc of St. Petersburg, Fla., for stock.')[0]).toContain('Fla.');
    expect(sentencesOf('It moved to Dallas, Tex. The company said so.')).toHaveLength(2);
    expect(sentencesOf('He works in Jacksonville, Fla. Representatives of banks said no.')).toHaveLength(2);
    expect(sentencesOf('He was ill. Officials said so.')).toEqual([
      ['He', 'was', 'ill', '.'],
      ['Officials', 'said', 'so', '.'],
    ]);
  });

  it('ends a sentence after an abbreviation when a sentence plainly starts', () => {
    expect(sentencesOf('He moved to the U.S. The move was costly.')).toHaveLength(2);
  });

  it('keeps a prefixed abbreviation whole (`non-U.S.`), ending no sentence inside it', () => {
    // Was `… for U.S. and non-U.` and `S. flag vessels …`.
    expect(sentencesOf('Honduras will tender for U.S. and non-U.S. flag vessels, an agent said.')).toHaveLength(1);
    expect(tokenize('anti-U.S. protests').tokens.map((t) => t.text)).toEqual(['anti-U.S.', 'protests']);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(sentencesOf('He said "it is done." Then he left.')).toEqual([
      ['He', 'said', '"', 'it', 'is', 'done', '.', '"'],
      ['Then', 'he', 'left', '.'],
    ]);
  });

  it('ends headlines and lines without final punctuation at the newline, and always at blank lines', () => {
    const s = sentencesOf(
      "SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN\nLONDON 1996-08-30\nThe world's costliest\n\nfootballer was named.",
    );
    expect(s).toEqual([
      ['SOCCER', '-', 'SHEARER', 'NAMED', 'AS', 'ENGLAND', 'CAPTAIN'],
      ['LONDON', '1996-08-30'],
      ['The', 'world', "'s", 'costliest'],
      ['footballer', 'was', 'named', '.'],
    ]);
  });

  it('ends a paragraph at an initial closing its line, but not a hard-wrapped line', () => {
    const paragraph =
      'The licence was awarded to a group of Norwegian and foreign firms including Deminex (Norge) A/S.\nStatoil will head exploration.';
    // A line longer than any wrap is a paragraph (was one sentence, and a name `S. Statoil`).
    expect(sentencesOf(paragraph).map((s) => s.join(' '))).toEqual([
      'The licence was awarded to a group of Norwegian and foreign firms including Deminex ( Norge ) A / S.',
      'Statoil will head exploration .',
    ]);
    const wrapped = 'The bill was sponsored by Senator Robert S.\nStrauss of Texas.';
    expect(sentencesOf(wrapped)).toHaveLength(1);
  });

  it('runs a full line of hard-wrapped copy on into the next, capital or not; not a list written a line an item', () => {
    // Reuters' SGML as written: lines cut near 65 columns, paragraphs indented.
    const wire = [
      'The dollar closed lower on selling by speculators and by',
      'institutional investors hedging currency risks, dealers said.',
      '    The dollar closed at 145.25 yen against 145.85/90 in New',
      'York and 146.00 at the close here yesterday, while the mark',
      'ended at 1.8205/15 against 1.8260/70 in New York, dealers said.',
      '    Traders said the market was waiting for the U.S.',
      'Treasury Secretary to speak.',
    ].join('\n');
    expect(sentencesOf(wire).map((s) => s.join(' '))).toEqual([
      'The dollar closed lower on selling by speculators and by institutional investors hedging currency risks , dealers said .',
      'The dollar closed at 145.25 yen against 145.85/90 in New York and 146.00 at the close here yesterday , while the mark ended at 1.8205/15 against 1.8260/70 in New York , dealers said .',
      'Traders said the market was waiting for the U.S. Treasury Secretary to speak .',
    ]);
    // Lines as long, each an item (CoNLL-2003's results): no line runs on into a lower-case word.
    const results = [
      'Sandrine Testud (France) beat Ines Gorrochategui (Argentina) 4-6 6-2 6-1',
      'Goran Ivanisevic (Croatia) beat Scott Draper (Australia) 6-7 6-3 6-4 6-4',
      'Andrea Gaudenzi (Italy) beat Jonas Bjorkman (Sweden) 6-3 7-6 6-3 6-4',
      'Thomas Muster (Austria) beat Byron Black (Zimbabwe) 6-4 6-3 6-1 and more',
    ].join('\n');
    expect(sentencesOf(results)).toHaveLength(4);
  });

  it('keeps hyphenated names whole but splits names joined by a hyphen', () => {
    const words = tokenize('Kim Jong-un backed U.S.-ROK-Japan and US-China ties in the Indo-Pacific.').tokens.map(
      (t) => t.text,
    );
    expect(words).toEqual([
      'Kim',
      'Jong-un',
      'backed',
      'U.S.',
      '-',
      'ROK',
      '-',
      'Japan',
      'and',
      'US',
      '-',
      'China',
      'ties',
      'in',
      'the',
      'Indo-Pacific',
      '.',
    ]);
  });

  it('keeps a company named for its country whole, but not two countries or a country and its people', () => {
    const words = (s: string) => tokenize(s).tokens.map((t) => t.text);
    expect(words('Petro-Canada and Air-India')).toEqual(['Petro-Canada', 'and', 'Air-India']);
    expect(words('U.S.-Japanese and Iran-Iraq')).toEqual(['U.S.', '-', 'Japanese', 'and', 'Iran', '-', 'Iraq']);
    // A place's name before the country is two places.
    expect(words('Tokyo-Canada')).toEqual(['Tokyo', '-', 'Canada']);
  });

  it('splits possessives and negation the way the training data does', () => {
    const words = tokenize("the DPRK's program isn't O'Neill's").tokens.map((t) => t.text);
    expect(words).toEqual(['the', 'DPRK', "'s", 'program', 'is', "n't", "O'Neill", "'s"]);
  });

  it('keeps a stock symbol and its exchange in brackets one token, inside its sentence', () => {
    expect(sentencesOf('Avions Marcel Dassault <AVMD.PA> said. Volkswagen AG (VOWG.F) rose.')).toEqual([
      ['Avions', 'Marcel', 'Dassault', '<', 'AVMD.PA', '>', 'said', '.'],
      ['Volkswagen', 'AG', '(', 'VOWG.F', ')', 'rose', '.'],
    ]);
    expect(sentencesOf('Cathay Pacific Airways Ltd <CAPH.HKG> rose.')[0]).toContain('CAPH.HKG');
    // Outside brackets a full stop is still one: `It rose to 3.5 pct. TPN.O fell` is no symbol.
    expect(sentencesOf('Shares of TPN. Others fell.')).toHaveLength(2);
  });

  it('handles empty and whitespace-only text', () => {
    expect(tokenize('')).toEqual({ tokens: [], sentences: [] });
    expect(tokenize(' \n\n ')).toEqual({ tokens: [], sentences: [] });
  });
});
