import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/nlp/tokenize.js';
import { findEntities } from '../src/nlp/entities.js';
import { loadModel, truecaseTitleLine } from '../src/nlp/ner/model.js';
import { isGluedCorporateName, neverEntity } from '../src/nlp/ner/never-entity.js';

const names = (text: string) => {
  const { tokens, sentences } = tokenize(text);
  return findEntities(text, tokens, sentences).map((m) => `${m.type}:${m.text}`);
};

describe('never an entity', () => {
  it('takes no pronoun described as one of a kind for a name (`It was one of the four Swedish banks`)', () => {
    // Was ORG:It, the subject of two events' names on Reuters (`It agrees to advance Fermenta`).
    expect(
      names(
        'Nordbanken said it would auction its shares. It was one of the four Swedish banks which last month agreed to advance the group 110 mln crowns.',
      ),
    ).not.toContain('ORG:It');
  });

  it('knows the words that make no name on their own', () => {
    for (const w of [['Corp'], ['Inc.'], ['Co', 'Inc'], ['Bank'], ['Ltd'], ['Feb'], ['Thursday'], ['L.'], ['MAY8']]) {
      expect(neverEntity(w, 'ORG'), w.join(' ')).toBe(true);
    }
    expect(neverEntity(['May8', 'Untrd'], 'PERSON')).toBe(true);
    expect(neverEntity(['Bank', 'of', 'England'], 'ORG')).toBe(false);
    // A legal form in dotted initials (`Petroleos de Venezuela, S.A.`) was a place of its own.
    expect(neverEntity(['S.A.'], 'LOC')).toBe(true);
    expect(neverEntity(['N.V.'], 'ORG')).toBe(true);
    expect(neverEntity(['U.S.'], 'LOC')).toBe(false);
    // `Federal funds`: an adjective of government alone is no body; with a noun it names one.
    expect(neverEntity(['Federal'], 'ORG')).toBe(true);
    expect(neverEntity(['Jan-Dec'], 'PERSON')).toBe(true);
    // The wire's own month abbreviations in shipping tables (`eta Apl 14 Ghent`).
    for (const w of ['Apl', 'Mch', 'Jly', 'Jne']) expect(neverEntity([w], 'PERSON'), w).toBe(true);
    expect(neverEntity(['APL', 'Corp'], 'ORG')).toBe(false);
    // A pronoun opening a sentence (`It was one of the four Swedish banks …`) is no organisation;
    // capitals may be one (`IT`, `ITS`).
    for (const w of ['It', 'They', 'These']) expect(neverEntity([w], 'ORG'), w).toBe(true);
    for (const w of ['IT', 'ITS']) expect(neverEntity([w], 'ORG'), w).toBe(false);
    // An amount of money or of government borrowing is a figure.
    for (const w of ['N.Z. Dlrs', 'European Currency Units', 'Public Sector Borrowing Requirement'])
      expect(neverEntity(w.split(' '), 'ORG'), w).toBe(true);
    expect(neverEntity(['Michel', 'Marks'], 'PERSON')).toBe(false);
    expect(neverEntity(['Offshore', 'Banking', 'Units'], 'ORG')).toBe(false);
    expect(neverEntity(['Federal', 'Reserve'], 'ORG')).toBe(false);
    expect(neverEntity(['3M'], 'ORG')).toBe(false);
    for (const w of ['AAA', 'BBB-plus', 'AA-minus', 'Baa-1', 'Aa3']) expect(neverEntity([w], 'ORG'), w).toBe(true);
    expect(neverEntity(['BA'], 'ORG')).toBe(false);
    // Initials alone name no person; with a name they do.
    expect(neverEntity(['H.K.'], 'PERSON')).toBe(true);
    expect(neverEntity(['J.R.', 'Simplot'], 'PERSON')).toBe(false);
    // A rate or a market index is a figure, named after a place or a body.
    for (const w of ['London Interbank Offered Rate', 'Hong Kong Index', 'Dow Jones Industrial Average'])
      expect(neverEntity(w.split(' '), 'ORG'), w).toBe(true);
    expect(neverEntity(['Federal', 'Reserve', 'Board'], 'ORG')).toBe(false);
    for (const w of ['Libor', 'SIBOR', 'Euribor']) expect(neverEntity([w], 'ORG'), w).toBe(true);
    expect(neverEntity(['Maribor'], 'PLACE')).toBe(false);
    expect(neverEntity(['Tibor'], 'PERSON')).toBe(false);
    // A security named like a body: `basis points over Treasuries`, `its Class A shares`.
    for (const w of ['Treasuries', 'Class', 'Class A', 'Gilts']) expect(neverEntity(w.split(' '), 'ORG'), w).toBe(true);
    for (const w of ['Treasury', 'Class Action Group']) expect(neverEntity(w.split(' '), 'ORG'), w).toBe(false);
  });

  it('knows the acronyms of common nouns for no names, and a name that holds one for a name', () => {
    for (const w of ['CD', 'EP', 'MVP', 'PhD', 'Ph.D.', 'MPs', 'DJ']) expect(neverEntity([w], 'ORG'), w).toBe(true);
    expect(neverEntity(['CD', 'Projekt'], 'ORG')).toBe(false);
    expect(neverEntity(['Central', 'TV'], 'ORG')).toBe(false);
    expect(neverEntity(['CBS'], 'ORG')).toBe(false);
    expect(neverEntity(['Era'], 'ORG')).toBe(false);
  });

  it('knows religions, their followers, languages and -isms for no names, and names for one', () => {
    for (const w of [
      ['Judaism'],
      ['Hindu', 'Brahmins'],
      ['Latin'],
      ['National', 'Socialism'],
      ['Roman', 'Catholicism'],
    ])
      expect(neverEntity(w, 'ORG'), w.join(' ')).toBe(true);
    expect(neverEntity(['Islamic', 'Group'], 'ORG')).toBe(false);
    expect(neverEntity(['Ministry', 'of', 'Tourism'], 'ORG')).toBe(false);
    expect(neverEntity(['Latin', 'America'], 'LOC')).toBe(false);
    // Company names: `Quaker` (oats), `Mandarin` (hotels).
    expect(neverEntity(['Quaker'], 'ORG')).toBe(false);
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

  it("finds no organisation in the row labels of a currency or stocks table, and keeps a results table's names", () => {
    const rates = names(
      'LONDON DOLLAR CROSS RATES\nDMK 1.8195/8205\nSFR 1.5130/40\nBFC 37.69/72\nNKR 6.9976/7.0116\nLIVE HOGS 11502 12358 7038\n',
    );
    expect(rates.filter((s) => /SFR|BFC|NKR|DMK|HOGS/.test(s))).toEqual([]);
    const results = names('SOCCER - DUTCH LEAGUE\nAJAX AMSTERDAM 4 3 1 0 10 3 10\nPSV EINDHOVEN 4 2 2 0 8 2 8\n');
    expect(results.some((s) => /AJAX|Ajax/.test(s))).toBe(true);
  });

  it("begins no name at a possessive: it is the name's before it, or part of a name that begins a word earlier", () => {
    const out = names(
      "BankAmerica Corp's Bank of America unit completed the sale. Rose's Stores Inc reported sales. " +
        "Broker's Choice Capital Inc signed a letter of intent.",
    );
    expect(out).toContain('ORG:Bank of America');
    expect(out).toContain("ORG:Rose's Stores Inc");
    expect(out).toContain("ORG:Broker's Choice Capital Inc");
    expect(out.filter((s) => /:['’]s /.test(s))).toEqual([]);
  });

  it('ends no name at an `and`, and joins no credit rating or possessive to the name after an `and`', () => {
    const out = names(
      "The issue is rated A-1 by Moody's and Standard and Poor's Corp. The notes were rated Aa-2 and Standard and Poor's Corp rated the bonds.",
    );
    expect(out).toContain("ORG:Moody's");
    expect(out.filter((s) => / and$|^ORG:(?:Aa-2|Moody's) and/.test(s))).toEqual([]);
    expect(out.filter((s) => s === "ORG:Standard and Poor's Corp")).toHaveLength(2);
  });

  it("takes the words a sentence opens with for the first of a company's name after them (`Standard and Poor's said`)", () => {
    const out = names("Standard and Poor's said it lowered the debt. Britain and France agreed on Monday.");
    // Was `ORG:Poor`: the tagger left out the capitalised word that opens the sentence.
    expect(out).toContain('ORG:Standard and Poor');
    expect(out).not.toContain('ORG:Poor');
    expect(out).toEqual(expect.arrayContaining(['COUNTRY:Britain', 'COUNTRY:France']));
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

  it('reads two words joined by "and" before a suffix as one company unless the first stands alone', () => {
    const one = names('American Telephone and Telegraph Co said it would cut long-distance prices.');
    expect(one).toContain('ORG:American Telephone and Telegraph Co');
    const two = names(
      'Johnson Controls expects higher sales. The market is shared by Johnson Controls and Lear Siegler Inc.',
    );
    expect(two).toContain('ORG:Lear Siegler Inc');
    expect(two.some((s) => s.includes('Controls and'))).toBe(false);
  });

  it('keeps the verbs of a headline in capitals out of the names in it', () => {
    const out = names('U.S. SENATE LEADER BLASTS REAGAN LEADERSHIP\nFORD INCREASES PRICES ON 1987 CARS\n');
    expect(out.filter((s) => /BLASTS|INCREASES/.test(s))).toEqual([]);
    expect(out).toContain('PERSON:REAGAN');
    expect(out).toContain('ORG:FORD');
    // A text file's headline runs into its `date` line as one sentence: the line is still in capitals.
    const headed = names(
      'FED SETS 1.5 BILLION DLR CUSTOMER REPURCHASE\ndate 1987-03-19\n\nThe Federal Reserve entered the market.\n',
    );
    expect(headed).toContain('ORG:FED');
    expect(headed.filter((s) => /SETS/.test(s))).toEqual([]);
    // A stock symbol and the name before it are no headline words (`via`, `aid` are common words).
    const tickers = names(
      'VIACOM <VIA> RECEIVES TWO REVISED OFFERS\ndate 1987-03-02\n\nViacom said it got offers.\n' +
        'AID <AIDC> PROPOSES NAME CHANGE\ndate 1987-03-03\n\nAID Corp proposed a new name.\n',
    );
    expect(tickers).toEqual(expect.arrayContaining(['ORG:VIACOM', 'ORG:VIA', 'ORG:AID', 'ORG:AIDC']));
    // A verb between two names in a headline parts them; a headline trimmed to nothing is no name.
    const parted = names('BAKER SAYS REAGAN TO MEET PRESIDENT\ndate 1987-03-02\n\nThe story.\n');
    expect(parted.filter((s) => /SAYS/.test(s))).toEqual([]);
    expect(parted.some((s) => s.endsWith(':REAGAN'))).toBe(true);
    expect(names('OFFICIAL INQUIRY SET FOR AUSTRALIAN WHEAT INDUSTRY\ndate 1987-03-02\n\nA story.\n')).toEqual(
      expect.any(Array),
    );
  });

  it('reads the title of a work in quotes as no name, and quoted speech as running text', () => {
    const out = names('He starred in "The Crying Game" and "Lawrence of Arabia". "Jordan will win," said Smith.');
    expect(out.filter((s) => /Crying|Lawrence|Arabia/.test(s))).toEqual([]);
    expect(out).toContain('PERSON:Smith');
    expect(out.some((s) => s.endsWith(':Jordan'))).toBe(true);
    // Quoted words in a line in capitals are speech, not a title.
    expect(names('REAGAN SAYS "WE WILL MEET GORBACHEV IN GENEVA" AFTER TALKS\n')).toContain('PLACE:GENEVA');
  });

  it("reads a name the document only writes with a possessive as a firm, and a person's as a person", () => {
    const out = names(
      "NationsBank bid for Boatmen's. Analysts said Boatmen's was the prize. " +
        "President Reagan's aides met on Monday. Reagan agreed to the plan.",
    );
    expect(out.filter((s) => s === "ORG:Boatmen's")).toHaveLength(2);
    expect(out.filter((s) => s === 'PERSON:Reagan')).toHaveLength(2);
  });

  it('reads a name beside a newspaper noun as the newspaper wherever the document writes it', () => {
    const out = names(
      'The news weekly Der Spiegel said the talks failed. Officials told Der Spiegel they would resume. ' +
        'The film was released by Warner Bros.',
    );
    expect(out.filter((s) => s === 'ORG:Der Spiegel')).toHaveLength(2);
    expect(out).toContain('ORG:Warner Bros');
    expect(out.filter((s) => s.startsWith('PERSON'))).toEqual([]);
  });

  it('splits a list of organisations when the document names one of them on its own', () => {
    const out = names('Mercantile and Commerce did not return calls. Commerce said last month it was not for sale.');
    expect(out).toContain('ORG:Mercantile');
    expect(out).toContain('ORG:Commerce');
    expect(out.some((s) => s.includes(' and '))).toBe(false);
  });

  it('takes the names of events, contests, prizes and laws for no organisation or place', () => {
    const out = names(
      'He won the Texas Open and the Outland Trophy before the Battle of Antietam. ' +
        'Congress passed the Trade Act. The Ministry of War said the Commerce Department agreed.',
    );
    expect(out.filter((s) => /Open|Trophy|Antietam|Act/.test(s))).toEqual([]);
    expect(out).toContain('ORG:Ministry of War');
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

  it('reads a firm written with a comma after its first partner as one organisation, not a list', () => {
    expect(names('The offering is managed by Goldman, Sachs and Co, the company said.')).toEqual([
      'ORG:Goldman, Sachs and Co',
    ]);
    expect(names('Analysts at Kidder, Peabody and Co said the stock was cheap.')).toEqual([
      'ORG:Kidder, Peabody and Co',
    ]);
    // Written short later in the document, the same firm.
    expect(
      names('The offering is managed by Goldman, Sachs and Co. Goldman, Sachs was granted an over-allotment option.'),
    ).toEqual(['ORG:Goldman, Sachs and Co.', 'ORG:Goldman, Sachs']);
    // A name that ends the text has nothing after it to join.
    expect(names('Goldman, Sachs and Co sold the shares to Kidder')).toContain('ORG:Goldman, Sachs and Co');
    expect(names('IBM, Digital Equipment Corp and Wang Laboratories Inc fell.')).toEqual([
      'ORG:IBM',
      'ORG:Digital Equipment Corp',
      'ORG:Wang Laboratories Inc',
    ]);
  });

  it('takes a company written by a first word that could name a small place as the company, where no place is meant', () => {
    const dome = names("Dome Petroleum Ltd said its lenders approved the plan. Some of Dome's creditors want more.");
    expect(dome).toEqual(['ORG:Dome Petroleum Ltd', 'ORG:Dome']);
    const newmont = names('Newmont Mining Corp will pay a special dividend. Newmont holders will receive 80 pct.');
    expect(newmont).toEqual(['ORG:Newmont Mining Corp', 'ORG:Newmont']);
    // A holding in the company is no place; a preposition that locates still makes one.
    const husky = names(
      'Husky Oil Ltd said Nova would buy a 43 pct stake in Husky. The plant is in Husky, where workers struck.',
    );
    expect(husky.filter((s) => s.endsWith(':Husky'))).toEqual(['ORG:Husky', 'PLACE:Husky']);
  });

  it('takes a known place that begins a company the story names as the company, where it speaks or owns', () => {
    const gulf = names(
      'Gulf Canada Corp said a discharge at its drilling site caused no danger. Gulf said the charges relate to permits.',
    );
    expect(gulf).toEqual(['ORG:Gulf Canada Corp', 'ORG:Gulf']);
    // Written anywhere as a place, it is the place throughout.
    const placed = names(
      'Gulf Canada Corp said tankers were attacked in the Gulf. Gulf said the charges relate to permits.',
    );
    expect(placed.filter((s) => s.endsWith(':Gulf'))).toEqual(['PLACE:Gulf', 'PLACE:Gulf']);
  });
});

describe('companies named with a glued corporate suffix', () => {
  it('reads Citicorp and MCorp as organisations, not places or people', () => {
    expect(names('Citicorp said it would raise its prime rate. MCorp shares fell on Tuesday.')).toEqual([
      'ORG:Citicorp',
      'ORG:MCorp',
    ]);
    expect(isGluedCorporateName('PacifiCorp')).toBe(true);
    for (const w of ['Corp', 'corporate', 'Corporation', 'Scorpio']) expect(isGluedCorporateName(w), w).toBe(false);
  });
});

describe('a weekday after an acronym', () => {
  it('is the date of what the organisation did, not part of its name', () => {
    expect(names('Iraq has given no assurances it will abide by the pact, the minister told OPEC Saturday.')).toContain(
      'ORG:OPEC',
    );
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
