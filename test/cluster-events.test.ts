import { describe, expect, it } from 'vitest';
import { parseDateValue } from '../src/core/timex.js';
import {
  clusteringOrder,
  clusterStatements,
  clusterStatementStream,
  withUniqueKeys,
} from '../src/ingest/cluster-events.js';
import { VERB_GROUPS } from '../src/ingest/corpus-events.js';
import type { CorpusEventInput, StatementRow } from '../src/store/events.js';

/** Entities of the made-up reports below. */
const NAMES: Record<number, string> = {
  1: 'Paris',
  2: 'James Baker',
  3: 'Kiichi Miyazawa',
  4: 'Japan',
  5: 'Malaysia',
  6: 'Texaco',
  7: 'Yasuhiro Nakasone',
  8: 'Liberal Democratic Party',
  9: 'Chile',
  10: 'Chuquicamata',
};
const name = (id: number) => NAMES[id] ?? `#${id}`;
const isPlace = (id: number) => id === 1 || id === 4 || id === 5 || id === 9 || id === 10;

let nextId = 1;
/** One dated statement of report `doc`, published on `published`. */
function statement(doc: number, published: string, fields: Partial<StatementRow> & { value: string }): StatementRow {
  const { value, ...rest } = fields;
  const id = nextId++;
  return {
    id,
    docId: doc,
    docOrder: doc,
    docHash: 0,
    sentence: 0,
    date: parseDateValue(value)!,
    action: 'n:accord',
    terms: ['currenc', 'stabil'],
    subjectId: null,
    placeId: null,
    participantIds: [],
    mentionedIds: [],
    name: 'accord',
    named: false,
    eventNoun: true,
    report: `d:${doc}`,
    source: 'Reuters',
    published,
    ...rest,
  };
}

/** `meeting` and `talks` as one kind, as corpus-events groups them. */
const MEETING_TALKS = new Map([
  ['meeting', 'meet'],
  ['talks', 'meet'],
]);

const options = {
  placeKnown: new Set(['accord', 'meeting', 'election', 'earthquake']),
  nounGroups: new Map([['meeting', 'meet']]),
  isPlace,
};

describe('corpus events from dated statements', () => {
  it('makes one event of a meeting and the accord reached there on the same day, named as reports name it', () => {
    const rows = [
      ...[1, 2, 3].map((doc) =>
        statement(doc, '1987-02-24', { value: '1987-02-22', placeId: 1, participantIds: [2], name: 'Paris accord' }),
      ),
      statement(4, '1987-02-25', { value: '1987-02-22', placeId: 1, participantIds: [3], name: 'accord' }),
      statement(5, '1987-02-23', {
        value: '1987-02-22',
        placeId: 1,
        participantIds: [2, 3],
        action: 'n:meeting',
        name: 'Paris meeting',
      }),
    ];
    const events = clusterStatements(rows, name, options).filter((e) => e.kind === 'event');
    expect(events).toHaveLength(1);
    expect(events[0].name).toBe('Paris accord');
    expect(events[0].documents).toBe(5);
    expect(events[0].date.value).toBe('1987-02-22');
  });

  it('says `accord in Paris` when no two reports call it the Paris accord', () => {
    const rows = [1, 2].map((doc) => statement(doc, '1987-02-24', { value: '1987-02-22', placeId: 1, name: 'accord' }));
    expect(clusterStatements(rows, name, options)[0].name).toBe('accord in Paris');
  });

  it('keeps a lone report of something long before it as a dated mention, not a digest event', () => {
    const old = statement(10, '1987-03-26', {
      value: '1969',
      name: 'Andean Pact',
      named: true,
      action: 'named:andean pact',
    });
    const recent = statement(11, '1987-03-26', {
      value: '1987-03-20',
      name: 'Andean summit',
      named: true,
      action: 'named:andean summit',
      terms: ['andean'],
    });
    const events = clusterStatements([old, recent], name, options);
    expect(events.find((e) => e.name === 'Andean Pact')?.kind).toBe('mention');
    expect(events.find((e) => e.name === 'Andean summit')?.kind).toBe('event');
  });

  it('does not place an event where only one of many reports places it', () => {
    const rows = [
      ...[20, 21, 22, 23].map((doc) =>
        statement(doc, '1987-04-13', {
          value: '1987-04-12',
          action: 'n:election',
          name: 'local election',
          participantIds: [4],
          terms: ['local', 'elect'],
        }),
      ),
      statement(24, '1987-04-13', {
        value: '1987-04-12',
        action: 'n:election',
        name: 'Malaysia election',
        placeId: 5,
        participantIds: [4],
        terms: ['local', 'elect'],
      }),
    ];
    const [event] = clusterStatements(rows, name, options);
    expect(event.documents).toBe(5);
    // Not Malaysia (one report of five); the country most reports name instead.
    expect(event.placeId).toBe(4);
    // Its country's election, as other elections are named (was `election in Japan`).
    expect(event.name).toBe('Japan election');
  });

  it('keeps apart elections of one day in two countries: the one country a report names is where it happened', () => {
    const election = (doc: number, country: number) =>
      statement(doc, '1987-04-24', {
        value: '1987-04-23',
        action: 'n:election',
        name: 'election',
        terms: ['elect', 'vote', 'parliament'],
        participantIds: [country],
      });
    const events = clusterStatements(
      [1, 2, 3].map((doc) => election(doc, 4)).concat([4, 5].map((doc) => election(doc, 5))),
      name,
      options,
    );
    expect(events.map((e) => e.documents).sort()).toEqual([2, 3]);
    // A report naming both countries is no venue of its own: it joins the election it shares terms with.
    const both = statement(6, '1987-04-24', {
      value: '1987-04-23',
      action: 'n:election',
      name: 'election',
      terms: ['elect', 'vote', 'parliament'],
      participantIds: [4, 5],
    });
    expect(clusterStatements([election(1, 4), election(2, 4), both], name, options)).toHaveLength(1);
  });

  it('names a meeting of a body and its part after the part (`EC Commission`, not `European Community–EC Commission`)', () => {
    const bodies = (id: number) => (id === 21 ? 'European Community' : id === 22 ? 'EC Commission' : name(id));
    const meeting = (doc: number) =>
      statement(doc, '1987-06-19', {
        value: '1987-06-18',
        action: 'n:meeting',
        name: 'meeting',
        terms: ['farm', 'price', 'minist'],
        participantIds: [21, 22],
      });
    const [event] = clusterStatements([meeting(1), meeting(2), meeting(3)], bodies, options);
    expect(event.name).toBe('EC Commission meeting');
  });

  it('makes one happening of a person shot and the shooting of that day', () => {
    // Barnett Slepian (#11) shot on October 23, told by a verb in two reports and a noun in two.
    const shot = (doc: number) =>
      statement(doc, '1998-10-25', {
        value: '1998-10-23',
        action: 'shoot:',
        name: 'Barnett Slepian shot',
        terms: ['shot', 'doctor', 'home', 'kitchen'],
        subjectId: 11,
        participantIds: [11],
        eventNoun: false,
      });
    const shooting = (doc: number) =>
      statement(doc, '1998-10-25', {
        value: '1998-10-23',
        action: 'n:shooting',
        name: 'Slepian shooting',
        terms: ['shoot', 'doctor', 'sniper', 'abort'],
        participantIds: [11],
      });
    const rows = [shot(1), shot(2), shooting(3), shooting(4)];
    const violence = { ...options, nounGroups: new Map([['shooting', 'violence']]) };
    // Were two events, `Barnett Slepian shot` and `Slepian shooting`, of two reports each.
    expect(clusterStatements(rows, name, { ...violence, verbGroups: VERB_GROUPS }).map((e) => e.documents)).toEqual([
      4,
    ]);
    expect(clusterStatements(rows, name, violence).map((e) => e.documents)).toEqual([2, 2]);
  });

  it('makes one deed of a company doing the same thing to the same object a day apart, not of a country', () => {
    const filing = (doc: number, value: string, action: string, terms: string[], subject = 6) =>
      statement(doc, '1987-04-13', {
        value,
        action,
        name: 'files',
        terms,
        subjectId: subject,
        participantIds: [subject],
        eventNoun: false,
      });
    // Texaco's filing of Sunday, April 12, two reports dating it Saturday by the day of another offer.
    const rows = [
      filing(1, '1987-04-11', 'file:bankru', ['settle', 'offer', 'surpris', 'attorney']),
      filing(2, '1987-04-11', 'file:bankru', ['settle', 'offer', 'surpris', 'attorney']),
      ...[3, 4, 5].map((doc) => filing(doc, '1987-04-12', 'file:protec', ['chapte', 'code', 'judgment', 'bond'])),
      filing(6, '1987-04-12', 'file:bankru', ['chapte', 'code', 'judgment', 'bond']),
    ];
    // Was two events, of two reports and of four.
    expect(clusterStatements(rows, name, options).map((e) => e.documents)).toEqual([6]);
    // A country buying wheat on two days bought twice.
    const buys = [
      filing(1, '1987-04-11', 'acquire:wheat', ['tonne', 'export', 'bonus'], 4),
      filing(2, '1987-04-11', 'acquire:wheat', ['tonne', 'export', 'bonus'], 4),
      ...[3, 4].map((doc) => filing(doc, '1987-04-12', 'acquire:wheat', ['cargo', 'ship', 'trader'], 4)),
    ];
    expect(clusterStatements(buys, name, options).map((e) => e.documents)).toEqual([2, 2]);
  });

  it("keeps a country's election of a month apart from a day's election no report placed", () => {
    // Egypt's election of April 6 as Cairo reports told it (its leader, no country), and Malaysia's of April.
    const day = (doc: number) =>
      statement(doc, '1987-04-07', {
        value: '1987-04-06',
        action: 'n:election',
        name: 'general election',
        terms: ['general', 'elect', 'parliament'],
        participantIds: [7],
      });
    const month = (doc: number, fields: Partial<StatementRow> = {}) =>
      statement(doc, '1987-04-01', {
        value: '1987-04',
        action: 'n:election',
        name: 'general election',
        terms: ['general', 'elect', 'parliament'],
        participantIds: [5],
        ...fields,
      });
    const events = clusterStatements([day(1), day(2), day(3), month(4), month(5)], name, options);
    // Was one event of five reports on April 6, named after Malaysia.
    expect(events.map((e) => [e.date.value, e.documents]).sort()).toEqual([
      ['1987-04', 2],
      ['1987-04-06', 3],
    ]);
    // A report of the day's election that names the country too lets its month join.
    const named = clusterStatements([day(1), day(2), { ...day(3), mentionedIds: [5] }, month(4)], name, options);
    expect(named.map((e) => [e.date.value, e.documents])).toEqual([['1987-04-06', 4]]);
  });

  it('keeps apart a report naming two other places from an event placed elsewhere on the same day', () => {
    const quake = (doc: number, fields: Partial<StatementRow>) =>
      statement(doc, '1987-03-06', {
        value: '1987-03-05',
        action: 'n:earthquake',
        name: 'earthquake',
        terms: ['quake', 'richter', 'damag'],
        ...fields,
      });
    // Three reports of an earthquake in one country; then one of the day's quake in another, naming
    // the country and a mine in it (two places, so no one venue): neither is where the first happened.
    const there = [1, 2, 3].map((doc) => quake(doc, { placeId: 4, participantIds: [4] }));
    const elsewhere = quake(4, { participantIds: [9, 10] });
    const events = clusterStatements([...there, elsewhere], name, options);
    expect(events.find((e) => e.documents === 3)).toBeDefined();
    expect(events.every((e) => e.documents < 4)).toBe(true);
    // Naming the event's own place among others, it joins.
    const nearby = quake(5, { participantIds: [4, 9] });
    expect(clusterStatements([...there, nearby], name, options).map((e) => e.documents)).toEqual([4]);
  });

  it('names an action by its telling object when the most given one says little alone', () => {
    const filing = (doc: number, head: string, name: string) =>
      statement(doc, '1987-04-13', {
        value: '1987-04-12',
        action: `file:${head}`,
        eventNoun: false,
        subjectId: 6,
        participantIds: [6],
        name,
        terms: ['bankru', 'chapte', 'protec', head],
      });
    const rows = [
      ...[30, 31, 32].map((doc) => filing(doc, 'protec', 'Texaco files for protection')),
      ...[33, 34].map((doc) => filing(doc, 'bankru', 'Texaco files for bankruptcy')),
    ];
    const [event] = clusterStatements(rows, name, { ...options, lightHeads: new Set(['protec']) });
    expect(event.documents).toBe(5);
    expect(event.name).toBe('Texaco files for bankruptcy');
  });

  it('names an action most reports tell without its object by what another report says was done', () => {
    const signing = (doc: number, head: string, name: string) =>
      statement(doc, '1987-03-20', {
        value: '1987-03-20',
        action: `sign:${head}`,
        eventNoun: false,
        subjectId: 9,
        participantIds: [9],
        name,
        terms: ['loan', 'bank', head].filter(Boolean),
      });
    const rows = [
      ...[40, 41, 42].map((doc) => signing(doc, '', 'Chile signs')),
      signing(43, 'loan', 'Chile signs commercial bank loan'),
    ];
    const [event] = clusterStatements(rows, name, options);
    expect(event.documents).toBe(4);
    // Was `Chile signs`.
    expect(event.name).toBe('Chile signs commercial bank loan');
  });

  it('makes one event of two reports naming a gathering alike, the same day at the same place, beside one country', () => {
    // Reuters' `Washington meetings` of April 7, 1987: two one-report events, each `United States`
    // beside it (two countries hold several talks a day, so a country alone did not join them).
    const rows = [80, 81].map((doc) =>
      statement(doc, '1987-04-07', {
        value: '1987-04-07',
        action: 'n:meeting',
        placeId: 1,
        subjectId: 4,
        participantIds: [4],
        name: 'Paris meetings',
        terms: doc === 80 ? ['dollar', 'opens', 'lower'] : ['yen', 'steady', 'lows'],
      }),
    );
    // (A meeting is not known by its place here: the reports' words say nothing in common.)
    const events = clusterStatements(rows, name, { ...options, placeKnown: new Set(['accord']) }).filter(
      (e) => e.kind === 'event',
    );
    expect(events.map((e) => [e.name, e.documents])).toEqual([['Paris meetings', 2]]);
  });

  it('names harm no report says who did by what underwent it at its place, not by a country it befell', () => {
    // `the bombings in Kenya and Tanzania killed …`: three reports, none saying who.
    const killing = (doc: number, name: string, action: string) =>
      statement(doc, '1998-08-08', {
        value: '1998-08-07',
        action,
        name,
        eventNoun: false,
        placeId: 9,
        participantIds: [5, 9],
        terms: ['embass', 'bomb', 'kill'],
      });
    const rows = [
      killing(60, 'kills', 'kill:'),
      killing(61, 'kills', 'kill:'),
      killing(62, 'kills people', 'kill:peopl'),
    ];
    // Was `Malaysia kills` (the first country named, as the Kenya embassy bombing's `Tanzania kills`).
    expect(clusterStatements(rows, name, { ...options, isPlace })[0].name).toBe('people killed in Chile');
  });

  it('names a deed no report says who did by what underwent it when that names the main participant', () => {
    // `closes Japan ports` of two reports: Japan is in what was closed, not who closed it.
    const closing = (doc: number) =>
      statement(doc, '1987-03-16', {
        value: '1987-03-16',
        action: 'close:port',
        name: 'closes Japan ports',
        eventNoun: false,
        participantIds: [4],
        terms: ['port', 'strike', 'close'],
      });
    expect(clusterStatements([closing(70), closing(71)], name, { ...options, isPlace })[0].name).toBe(
      'Japan ports closed',
    );
  });

  it('puts no participant before a name that says who or what acted', () => {
    const rows = [72, 73].map((doc) =>
      statement(doc, '1987-03-24', {
        value: '1987-03-23',
        action: 'explode:',
        name: 'huge car bomb explodes',
        eventNoun: false,
        participantIds: [6],
        terms: ['bomb', 'explod'],
      }),
    );
    // Was `Texaco huge car bomb explodes`; a name opening with its verb still takes one.
    expect(clusterStatements(rows, name, options)[0].name).toBe('huge car bomb explodes');
    const announced = rows.map((r) => ({ ...r, action: 'to-raise:tariff', name: 'to raise tariffs' }));
    expect(clusterStatements(announced, name, options)[0].name).toBe('Texaco to raise tariffs');
  });

  it('names an unplaced event as most reports name it when that name says who', () => {
    const rows = [40, 41, 42, 43].map((doc) =>
      statement(doc, '1987-04-13', {
        value: '1987-04-12',
        action: 'n:election',
        name: doc < 42 ? 'Nakasone local election' : 'local election',
        participantIds: [7, 8],
        terms: ['local', 'elect'],
      }),
    );
    expect(clusterStatements(rows, name, options)[0].name).toBe('Nakasone local election');
    // An election whose country two reports name (`Japan's local elections`) is that country's.
    const japan = rows.map((r, i) => ({ ...r, mentionedIds: i < 2 ? [4] : [] }));
    expect(clusterStatements(japan, name, options)[0].name).toBe('Japan local election');
    // Even when more reports name a city: the country's, not the city's (was `Paris local election`).
    const inCity = japan.map((r) => ({ ...r, mentionedIds: [1, ...r.mentionedIds] }));
    const isLocality = (id: number) => id === 1;
    expect(clusterStatements(inCity, name, { ...options, isLocality })[0].name).toBe('Japan local election');
    // A country one report names as a participant and another beside it is named by two reports
    // (it was counted as one, and the election stayed `Nakasone local election`).
    const twoWays = [40, 41, 42, 43, 44, 45, 46, 47, 48].map((doc, i) =>
      statement(doc, '1987-04-13', {
        value: '1987-04-12',
        action: 'n:election',
        name: 'Nakasone local election',
        participantIds: i === 0 ? [7, 4] : [7],
        mentionedIds: i === 1 ? [4] : [],
        terms: ['local', 'elect'],
      }),
    );
    expect(clusterStatements(twoWays, name, options)[0].name).toBe('Japan local election');
    // A presidential election whose reports name only a city beside it (the convention's Chicago) is
    // the city's country's (was `Paris presidential election`); a local one stays the city's.
    const presidential = [40, 41].map((doc) =>
      statement(doc, '1996-08-28', {
        value: '1996-11-05',
        action: 'n:election',
        name: 'Nakasone presidential election',
        participantIds: [7, 8],
        mentionedIds: doc === 40 ? [1] : [],
        terms: ['presid', 'elect'],
      }),
    );
    const inCountry = { ...options, isLocality, localityCountry: (id: number) => (id === 1 ? 9 : null) };
    expect(clusterStatements(presidential, name, inCountry)[0].name).toBe('Chile presidential election');
    const local = presidential.map((r) => ({ ...r, name: 'Nakasone local election' }));
    expect(clusterStatements(local, name, inCountry)[0].name).toBe('Paris local election');
  });

  it("names a country's election no report places by the country its reports were filed from, if they name it", () => {
    const election = (doc: number, told: string, mentionedIds: number[]) =>
      statement(doc, '1987-05-12', {
        value: '1987-05-11',
        action: 'n:election',
        name: told,
        participantIds: [2, 3],
        mentionedIds,
        terms: ['congress', 'elect'],
      });
    // Every report filed from a city of Chile (9); one of five names Chile (too few to place it).
    const filed = { ...options, datelineCountry: () => 9 };
    const national = [50, 51, 52, 53, 54].map((doc, i) =>
      election(doc, 'Baker–Miyazawa congressional election', i === 0 ? [9] : []),
    );
    // Was `Baker–Miyazawa congressional election`.
    expect(clusterStatements(national, name, filed)[0].name).toBe('Chile congressional election');
    // Not when no report names the dateline's country (a Brussels story on Ireland's election) …
    const unnamed = national.map((r) => ({ ...r, mentionedIds: [] }));
    expect(clusterStatements(unnamed, name, filed)[0].name).toBe('Baker–Miyazawa congressional election');
    // … nor for an election of a board (no kind a country holds).
    const board = [55, 56, 57, 58, 59].map((doc, i) => election(doc, 'Baker–Miyazawa election', i === 0 ? [9] : []));
    expect(clusterStatements(board, name, filed)[0].name).toBe('Baker–Miyazawa election');
    // A country only beside it (what its stories are about: `a U.S. envoy`) names it less well than
    // the country they were filed from (was `Malaysia election`, from a story filed in Chile).
    const beside = [60, 61].map((doc) => ({ ...election(doc, 'election', [5, 9]), participantIds: [] }));
    expect(clusterStatements(beside, name, filed)[0].name).toBe('Chile election');
    // A city of the country names it too (`Washington` in a story filed from there, on the White
    // House: was `Iran election`, from a story on the arms sales to Iran).
    const city = {
      ...filed,
      isLocality: (id: number) => id === 10,
      localityCountry: (id: number) => (id === 10 ? 9 : null),
    };
    const inCity = beside.map((r) => ({ ...r, mentionedIds: [5, 10] }));
    expect(clusterStatements(inCity, name, city)[0].name).toBe('Chile election');
    expect(clusterStatements(inCity, name, filed)[0].name).toBe('Malaysia election');
  });

  it("keeps an election a report places nowhere apart from another country's of that month", () => {
    // Three reports filed from Tokyo on Japan's election of July 1986 (one naming Japan), and one filed
    // from a city of Chile naming no country: `ever since winning 100 seats in elections in July 1986`.
    const election = (doc: number, mentionedIds: number[]) =>
      statement(doc, '1987-03-11', {
        value: '1986-07',
        action: 'n:election',
        name: 'election',
        participantIds: [8],
        mentionedIds,
        terms: ['elect', 'seat', 'victori'],
      });
    const filedFrom = (doc: number) => (doc === 73 ? 9 : 4);
    const rows = [election(70, [4]), election(71, []), election(72, []), { ...election(73, []), participantIds: [] }];
    const events = clusterStatements(rows, name, { ...options, datelineCountry: filedFrom });
    // Was one event of four reports.
    expect(events.map((e) => e.documents).sort()).toEqual([1, 3]);
    // Filed from Japan too, it is Japan's.
    expect(clusterStatements(rows, name, { ...options, datelineCountry: () => 4 }).map((e) => e.documents)).toEqual([
      4,
    ]);
  });

  it('keeps an election a report places in a country apart from an election of that day told from elsewhere', () => {
    // A company filed from a city of Chile (9) sets its board's election for April 22; a report from
    // Malaysia (5) has Malaysia's elections on April 23, as two more do.
    const election = (doc: number, value: string, participantIds: number[]) =>
      statement(doc, '1987-04-08', { value, action: 'n:election', name: 'election', participantIds, terms: ['elect'] });
    const filedFrom = (doc: number) => (doc === 90 ? 9 : 5);
    const rows = [
      election(90, '1987-04-22', [6]),
      election(91, '1987-04-23', [5]),
      election(92, '1987-04-23', [5]),
      election(93, '1987-04-23', [5]),
    ];
    const events = clusterStatements(rows, name, { ...options, datelineCountry: filedFrom });
    // Was one election of all four reports.
    expect(events.map((e) => `${e.date.value} ${e.documents}`).sort()).toEqual(['1987-04-22 1', '1987-04-23 3']);
  });

  it("joins a report of a country's election that day to the election its reports place in a city of it", () => {
    // `Lawson is campaigning in London ahead of the June 11 general election` (placed at the city, 10,
    // in Chile, 9), and a story on gilts `following the June 11 U.K. general election`.
    const inChile = {
      ...options,
      isLocality: (id: number) => id === 10,
      localityCountry: (id: number) => (id === 10 ? 9 : null),
    };
    const campaign = (doc: number) =>
      statement(doc, '1987-06-02', {
        value: '1987-06-11',
        action: 'n:election',
        name: 'general election',
        placeId: 10,
        terms: ['elect', 'campaign', 'general'],
      });
    const gilts = statement(99, '1987-06-19', {
      value: '1987-06-11',
      action: 'n:election',
      name: 'general election',
      participantIds: [9],
      terms: ['gilt', 'market', 'batter', 'investor', 'particip', 'eurosterl', 'elect'],
    });
    // Was two events: the country and its city did not agree, and the story shares few words.
    expect(
      clusterStatements([campaign(95), campaign(96), campaign(97), gilts], name, inChile).map((e) => e.documents),
    ).toEqual([4]);
  });

  it("joins a report placing a disaster at one place to the day's at another its sentence names", () => {
    // `bombings at U.S. embassies in Dar es Salaam, Tanzania, and Nairobi, Kenya, on Aug. 7`, `an
    // earthquake which shook Ecuador and southern Colombia`: placed at the first place (here
    // Malaysia, 5), naming the other (Chile, 9), where three reports place it.
    const quake = (doc: number, placeId: number, mentionedIds: number[]) =>
      statement(doc, '1987-03-07', {
        value: '1987-03-06',
        action: 'n:earthquake',
        name: 'earthquake',
        placeId,
        mentionedIds,
        terms: ['earthquak', 'damag', 'kill'],
      });
    const rows = [quake(80, 9, []), quake(81, 9, []), quake(82, 9, []), quake(83, 5, [9])];
    // Was two events, of three reports and of one.
    expect(clusterStatements(rows, name, options).map((e) => e.documents)).toEqual([4]);
    // A report naming only its own place tells another earthquake that day.
    const elsewhere = [...rows.slice(0, 3), quake(84, 5, [])];
    expect(
      clusterStatements(elsewhere, name, options)
        .map((e) => e.documents)
        .sort(),
    ).toEqual([1, 3]);
  });

  it('names a city beside someone as where it happened, and cities alone as reporters do', () => {
    const isLocality = (id: number) => id === 1 || id === 10;
    // `the IMF meeting ... the Paris accord`: Paris (a city) is named in most reports, but not as a party.
    const meeting = [60, 61, 62].map((doc) =>
      statement(doc, '1987-04-09', {
        value: '1987-04-08',
        action: 'n:talks',
        name: 'talks',
        participantIds: [11, 1],
        terms: ['interim', 'committe'],
      }),
    );
    const named = (rows: StatementRow[]) =>
      clusterStatements(rows, (id) => (id === 11 ? 'IMF' : name(id)), { ...options, isLocality })[0].name;
    // Before: `IMF–Paris talks`; a city no report places it in says no where (was `IMF talks in Paris`:
    // `Wall Street speculated`, `Brent traded` named meetings `in Wall Street`, `in Brent`).
    expect(named(meeting)).toBe('IMF talks');
    expect(named(meeting.map((r, i) => (i === 0 ? { ...r, placeId: 1 } : r)))).toBe('IMF talks in Paris');
    // Without anyone else, a city names the happening as before (`Paris talks`).
    expect(named(meeting.map((r) => ({ ...r, participantIds: [1] })))).toBe('Paris talks');
    // Without the locality test, both are parties.
    expect(clusterStatements(meeting, (id) => (id === 11 ? 'IMF' : name(id)), options)[0].name).toBe('IMF–Paris talks');
  });

  it('names a meeting its reports call by the place after the one organisation most of them name', () => {
    // `London talks` of the coffee organisation's council (id 12), as the reports wrote it.
    const talks = [70, 71, 72, 73].map((doc, i) =>
      statement(doc, '1987-03-02', {
        value: '1987-03-02',
        action: 'n:talks',
        name: i < 2 ? 'London talks' : 'talks',
        named: i < 2,
        placeId: 13,
        participantIds: i === 3 ? [2] : [12],
        terms: ['coffe', 'quota'],
      }),
    );
    const names = (id: number) => (id === 12 ? 'ICO' : id === 13 ? 'London' : name(id));
    const isLocality = (id: number) => id === 13;
    const named = (rows: StatementRow[], isOrganisation: (id: number) => boolean) =>
      clusterStatements(rows, names, { ...options, isLocality, isPlace: isLocality, isOrganisation })[0].name;
    expect(named(talks, (id) => id === 12)).toBe('ICO talks in London');
    // A person or a country most reports name holds no meeting of its name: the place's name stays.
    expect(named(talks, () => false)).toBe('London talks');
    // Nor when two participants are each named by most reports.
    const both = talks.map((r) => ({ ...r, participantIds: [12, 2] }));
    expect(named(both, (id) => id === 12 || id === 2)).toBe('London talks');
  });

  it("joins a gathering told by its month to the one day's gathering of the body it names, named by that day's reports", () => {
    // OPEC (12) meets in Vienna (13) on June 25; reports of June tell `Subroto` (14) and the minister
    // of `Opec's next meeting in Vienna in June`, naming OPEC only beside him.
    const day = [90, 91, 92].map((doc) =>
      statement(doc, '1987-06-27', {
        value: '1987-06-25',
        action: 'n:meeting',
        name: 'OPEC meeting in Vienna',
        named: true,
        placeId: 13,
        participantIds: [12],
        terms: ['ceil', 'output'],
      }),
    );
    const coarse = [93, 94].map((doc) =>
      statement(doc, '1987-05-20', {
        value: '1987-06',
        action: 'n:meeting',
        name: 'Subroto meeting',
        named: true,
        subjectId: 14,
        participantIds: [14],
        mentionedIds: [12],
        terms: ['volum', 'choic'],
      }),
    );
    const names = (id: number) => (id === 12 ? 'OPEC' : id === 13 ? 'Vienna' : id === 14 ? 'Subroto' : name(id));
    const isOrganisation = (id: number): boolean => id === 12;
    const cluster = (rows: StatementRow[], organisation = isOrganisation) =>
      clusterStatements(rows, names, { ...options, isPlace: (id) => id === 13, isOrganisation: organisation }).map(
        (e) => [e.name, e.date.value, e.documents],
      );
    // Was `OPEC meeting in Vienna` (3 reports) and `Subroto meeting` of 1987-06 (2).
    expect(cluster([...day, ...coarse])).toEqual([['OPEC meeting in Vienna', '1987-06-25', 5]]);
    // Not a person's: he may meet anyone that month.
    expect(cluster([...day, ...coarse], () => false)).toHaveLength(2);
    // Nor when the body holds two gatherings in that month: which one, the report does not say.
    const other = day.map((r, i) => ({
      ...r,
      id: 1000 + i,
      docId: 95 + i,
      report: `d:${95 + i}`,
      date: parseDateValue('1987-06-10')!,
      placeId: null,
      terms: ['quota'],
    }));
    expect(cluster([...day, ...other, ...coarse]).map(([n, date]) => `${n} ${date}`)).toEqual([
      'OPEC meeting in Vienna 1987-06-25',
      'Subroto meeting 1987-06',
      'OPEC meeting in Vienna 1987-06-10',
    ]);
    // A statement placed at what the corpus takes for no place (`at Opec's next meeting`) is placed nowhere.
    expect(cluster([...day, ...coarse.map((r) => ({ ...r, placeId: 12 }))])).toEqual([
      ['OPEC meeting in Vienna', '1987-06-25', 5],
    ]);
  });

  it('takes a month a few days off a many-reported happening, said of its subject doing the same, for a misdating of it', () => {
    // Malaysia (5) suspends payments on February 20; an April report says it did so `last month`.
    const suspension = (doc: number, value: string) =>
      statement(doc, value === '1987-03' ? '1987-04-02' : '1987-02-21', {
        value,
        action: 'suspend:paymen',
        subjectId: 5,
        participantIds: [5],
        eventNoun: false,
        name: 'Malaysia suspends interest payments',
        terms: ['suspend', 'interest', 'payment', 'debt'],
      });
    const day = [110, 111, 112, 113, 114].map((doc) => suspension(doc, '1987-02-20'));
    const late = suspension(115, '1987-03');
    const events = (rows: StatementRow[]) =>
      clusterStatements(rows, name, options).map((e) => [e.date.value, e.documents, e.conflicts.map((c) => c.value)]);
    // Were two: the day's (5 reports) and `1987-03` (1).
    expect(events([...day, late])).toEqual([['1987-02-20', 6, ['1987-03']]]);
    // Not for a happening few report (a buyer buys every few weeks), nor another subject's.
    expect(events([...day.slice(1), late])).toHaveLength(2);
    expect(events([...day, { ...late, subjectId: 4, participantIds: [4] }])).toHaveLength(2);
  });

  it('keeps apart two accords of one month or week that share no one, unless their words agree', () => {
    // OPEC's December pact told of Lukman (2), Nigeria's with the Paris Club of Murison (3): found
    // together by the noun alone.
    const opec = statement(96, '1987-03-03', {
      value: '1986-12',
      participantIds: [2],
      subjectId: 2,
      terms: ['pact', 'fall', 'apart', 'emerg'],
    });
    const nigeria = statement(97, '1987-03-03', {
      value: '1986-12',
      participantIds: [3],
      subjectId: 3,
      terms: ['pact', 'debt', 'reschedul', 'credit'],
    });
    const count = (rows: StatementRow[]) => clusterStatements(rows, name, options).length;
    // Were one event.
    expect(count([opec, nigeria])).toBe(2);
    // Someone one takes part in that the other names: one accord.
    expect(count([opec, { ...nigeria, mentionedIds: [2] }])).toBe(1);
    // Words that agree: one accord.
    expect(count([opec, { ...nigeria, terms: opec.terms }])).toBe(1);
    // A week's report beside a day's accord of two reports, sharing no one: two (were one).
    const day = [opec, { ...opec, id: 2000, docId: 98, report: 'd:98' }].map((r) => ({
      ...r,
      date: parseDateValue('1987-06-25')!,
    }));
    const week = { ...nigeria, date: parseDateValue('1987-W26')! };
    expect(count([...day, week])).toBe(2);
    expect(count([...day, { ...week, mentionedIds: [2] }])).toBe(1);
  });

  it('makes one event of two people meeting on one day whatever words the reports use, not of two countries', () => {
    const meeting = (doc: number, participantIds: number[], terms: string[], name: string) =>
      statement(doc, '1987-04-08', { value: '1987-04-07', action: 'n:meeting', participantIds, terms, name });
    const people = [
      meeting(80, [2, 3], ['currenc', 'dollar'], 'meeting'),
      meeting(81, [2, 3], ['currenc', 'dollar'], 'meeting'),
      meeting(82, [3, 2], ['hour', 'long', 'breakfast'], 'Miyazawa–Baker hour-long meeting'),
    ];
    const events = clusterStatements(people, name, options);
    // Before: `Baker–Miyazawa meeting` (2 reports) and `Miyazawa–Baker hour-long meeting` (1).
    expect(events.map((e) => [e.name, e.documents])).toEqual([['James Baker–Kiichi Miyazawa meeting', 3]]);
    // Two countries hold several talks a day: their words must agree.
    const countries = people.map((r) => ({ ...r, participantIds: [4, 5] }));
    expect(clusterStatements(countries, name, options)).toHaveLength(2);
  });

  it('makes one event of one kind of happening a noun names, on one day, to the same two parties', () => {
    const bombing = (doc: number, participantIds: number[], terms: string[]) =>
      statement(doc, '1998-08-08', {
        value: '1998-08-07',
        action: 'n:bombing',
        participantIds,
        terms,
        name: 'bombing',
      });
    const rows = [
      bombing(300, [4, 5], ['explode', 'embass', 'dozen', 'kill']),
      bombing(301, [4, 5], ['explode', 'embass', 'wound', 'kill']),
      // A story of travel warnings recalls the bombings in passing: none of the same words.
      bombing(302, [2, 4, 5], ['travel', 'cautio', 'worldw', 'threat']),
    ];
    expect(clusterStatements(rows, name, options).map((e) => e.documents)).toEqual([3]);
    // Sharing one party only, its words must agree.
    const one = [...rows.slice(0, 2), { ...rows[2], participantIds: [2, 4] }];
    expect(clusterStatements(one, name, options).map((e) => e.documents)).toEqual([2, 1]);
    // Whoever each takes for its subject (`Britain backs U.S. strike on Iran oil platform` read the
    // attack as Iran's): before, two events of one bombing.
    const subjects = [
      { ...rows[0], subjectId: 5 },
      { ...rows[1], subjectId: 5 },
      { ...rows[2], subjectId: 2 },
    ];
    expect(clusterStatements(subjects, name, options).map((e) => e.documents)).toEqual([3]);
  });

  it('makes one event of one subject doing one thing to one object with two verbs of one way, not opposite ones', () => {
    const tariffs = (doc: number, verb: string, subjectId: number, terms: string[]) =>
      statement(doc, '1987-03-28', {
        value: '1987-03-27',
        action: `${verb}:tariff`,
        subjectId,
        participantIds: [subjectId, 4],
        terms,
        name: `${name(subjectId)} ${verb}s tariffs`,
        eventNoun: false,
      });
    const rows = [
      tariffs(400, 'impose', 7, ['semico', 'retali', 'pct']),
      tariffs(401, 'impose', 7, ['semico', 'retali', 'duty']),
      tariffs(402, 'raise', 7, ['electr', 'import', 'japan']),
      tariffs(403, 'raise', 7, ['consum', 'good', 'sanct']),
    ];
    // Before: `… imposes tariffs` (2) and `… raises tariffs` (2), their words unlike.
    expect(clusterStatements(rows, name, options).map((e) => e.documents)).toEqual([4]);
    // Cut and raised the same day: two deeds.
    const both = [...rows.slice(0, 2), ...rows.slice(2).map((r) => ({ ...r, action: 'cut:tariff' }))];
    expect(clusterStatements(both, name, options).map((e) => e.documents)).toEqual([2, 2]);
    // Announced with two verbs the same day (`to-impose`, `to-raise`): one announcement, never one
    // with the deed done.
    const told = rows.map((r) => ({ ...r, action: `to-${r.action}` }));
    expect(clusterStatements(told, name, options).map((e) => e.documents)).toEqual([4]);
    const mixed = [...rows.slice(0, 2), ...told.slice(2)];
    expect(clusterStatements(mixed, name, options).map((e) => e.documents)).toEqual([2, 2]);
  });

  it('makes one event of two days named alike with the same person, not of two countries or of a verb alone', () => {
    const meeting = (doc: number, value: string, participantIds: number[], terms: string[]) =>
      statement(doc, '1987-04-09', { value, action: 'n:meeting', participantIds, terms, name: 'meeting' });
    const rows = [
      meeting(90, '1987-04-07', [7], ['currenc', 'dollar']),
      meeting(91, '1987-04-08', [7], ['tariff', 'semiconductor']),
      meeting(92, '1987-04-08', [7], ['tariff', 'semiconductor']),
    ];
    // Before: two `Yasuhiro Nakasone meeting` events a day apart (1 and 2 reports), their words unlike.
    expect(clusterStatements(rows, name, options).map((e) => [e.name, e.documents])).toEqual([
      ['Yasuhiro Nakasone meeting', 3],
    ]);
    // A name made of two countries says nothing more than the countries: their words must agree.
    expect(
      clusterStatements(
        rows.map((r) => ({ ...r, participantIds: [4, 5] })),
        name,
        options,
      ),
    ).toHaveLength(2);
    // Nor is a verb without its object one happening (`Japan sells`, `Japan sells`).
    const sells = rows.map((r) => ({
      ...r,
      action: 'sell:',
      eventNoun: false,
      name: 'Texaco sells',
      subjectId: 6,
      participantIds: [6],
    }));
    expect(clusterStatements(sells, name, options)).toHaveLength(2);
    // One name, and the same name with where (`OPEC accord`, `OPEC accord in Vienna`) a day apart.
    const placed = [
      { ...meeting(93, '1987-04-07', [7], ['currenc', 'dollar']), name: 'Tokyo Round', named: true },
      ...[94, 95].map((doc) => ({
        ...meeting(doc, '1987-04-08', [7], ['tariff', 'semiconductor']),
        name: 'Tokyo Round in Paris',
        named: true,
      })),
    ];
    expect(clusterStatements(placed, name, options).map((e) => [e.name, e.documents])).toEqual([
      ['Tokyo Round in Paris', 3],
    ]);
  });

  it('names a verb told without its object by the happening it makes', () => {
    const rows = [50, 51].map((doc) =>
      statement(doc, '1986-12-22', {
        value: '1986-12',
        action: 'agree:',
        eventNoun: false,
        subjectId: 8,
        participantIds: [8],
        name: 'Liberal Democratic Party agrees',
        terms: ['quota', 'output'],
      }),
    );
    const [event] = clusterStatements(rows, name, { ...options, verbNouns: new Map([['agree', 'accord']]) });
    expect(event.name).toBe('Liberal Democratic Party accord');
  });

  it('names the accord a bare verb made by its place when reports write it so, though more say only `agreed`', () => {
    const agreed = [40, 41, 42, 43, 44, 45, 46].map((doc) =>
      statement(doc, '1987-02-23', {
        value: '1987-02-22',
        action: 'agree:',
        eventNoun: false,
        subjectId: 4,
        participantIds: [4],
        placeId: 1,
        name: 'Japan agrees',
      }),
    );
    const accord = [55, 56].map((doc) =>
      statement(doc, '1987-02-23', {
        value: '1987-02-22',
        participantIds: [4],
        placeId: 1,
        name: 'Paris accord',
        named: true,
      }),
    );
    const [event] = clusterStatements([...agreed, ...accord], name, {
      ...options,
      verbGroups: new Map([['agree', 'accord']]),
      verbNouns: new Map([['agree', 'accord']]),
    });
    // Was `Japan accord in Paris`.
    expect([event.name, event.documents]).toEqual(['Paris accord', 9]);
  });

  it('counts a name written in the plural with its singular (`Washington meetings`, `Washington meeting`)', () => {
    const meeting = (doc: number, written: string) =>
      statement(doc, '1987-04-09', {
        value: '1987-04-08',
        action: 'n:talks',
        name: written,
        participantIds: [11, 12],
        terms: ['imf', 'debt'],
      });
    const elsewhere = ['Paris', 'Rome', 'Bonn', 'Tokyo', 'Ottawa', 'Madrid', 'Vienna', 'Brussels', 'London'];
    const rows = [
      meeting(60, 'Washington talks'),
      meeting(61, 'Washington talks'),
      ...elsewhere.map((city, i) => meeting(70 + i, `${city} talks`)),
    ];
    const names = (id: number) => ({ 11: 'IMF', 12: 'United States' })[id] ?? name(id);
    // Three of twelve reports give the name (a quarter, enough); two would not be.
    expect(clusterStatements([...rows, meeting(62, 'Washington talk')], names, options)[0].name).toBe(
      'Washington talks',
    );
    expect(clusterStatements([...rows, meeting(62, 'Lisbon talks')], names, options)[0].name).toBe(
      'IMF–United States talks',
    );
  });

  it('names a report without a subject by its main participant, unless the name already holds it', () => {
    // `The bank board appointed the FSLIC as conservator`: the clause has no subject.
    const rows = [70, 71].map((doc) =>
      statement(doc, '1987-03-02', {
        value: '1987-02-27',
        action: 'appoint:fslic',
        eventNoun: false,
        participantIds: [6, 7],
        name: 'appoints Texaco',
        terms: ['appoint', 'conserv'],
      }),
    );
    // Not `Texaco appoints Texaco`, nor a guess at who acted among the other participants: what
    // underwent it (was `appoints Texaco`).
    expect(clusterStatements(rows, name, options)[0].name).toBe('Texaco appointed');
    const other = rows.map((r) => ({ ...r, name: 'appoints conservator' }));
    expect(clusterStatements(other, name, options)[0].name).toBe('Texaco appoints conservator');
    // A city is where, not who: after the name (before: `Paris appoints conservator`), what underwent
    // it first (was `appoints conservator in Paris`), or the participant that is no city before it.
    const isLocality = (id: number) => id === 1;
    const inParis = other.map((r) => ({ ...r, participantIds: [1] }));
    expect(clusterStatements(inParis, name, { ...options, isLocality })[0].name).toBe('conservator appointed in Paris');
    // No one and nowhere: what underwent it, unless the words after the verb say how or when.
    const nobody = other.map((r) => ({ ...r, participantIds: [] }));
    expect(clusterStatements(nobody, name, options)[0].name).toBe('conservator appointed');
    const how = nobody.map((r) => ({ ...r, name: 'files for bankruptcy' }));
    expect(clusterStatements(how, name, options)[0].name).toBe('files for bankruptcy');
    const parisFirst = other.map((r) => ({ ...r, participantIds: [1, 6] }));
    expect(clusterStatements(parisFirst, name, { ...options, isLocality })[0].name).toBe('Texaco appoints conservator');
  });

  it("joins a report naming only the event's participant to that day's event of the same kind", () => {
    const meets = (doc: number, participants: number[], terms: string[], action = 'meet:') =>
      statement(doc, '1987-06-26', {
        value: '1987-06-25',
        action,
        eventNoun: action.startsWith('n:'),
        subjectId: participants[0],
        participantIds: participants,
        name: 'meets',
        terms,
      });
    const verbGroups = { ...options, verbGroups: new Map([['meet', 'meet']]) };
    // `OPEC met in Vienna to review prices` twice; `the OPEC meeting … spot crude rose` shares no word.
    const rows = [
      meets(80, [6, 1], ['review', 'price', 'output']),
      meets(81, [6, 1], ['review', 'price', 'ceil']),
      meets(82, [6], ['spot', 'crude', 'rise'], 'n:meeting'),
    ];
    expect(clusterStatements(rows, name, verbGroups).map((e) => e.documents)).toEqual([3]);
    // A country alone (`Japan meets here`) may be any of its meetings that day: kept apart.
    const japan = [
      meets(83, [4, 2], ['review', 'price', 'output']),
      meets(84, [4, 2], ['review', 'price', 'ceil']),
      meets(85, [4], ['spot', 'crude', 'rise'], 'n:meeting'),
    ];
    expect(clusterStatements(japan, name, verbGroups).map((e) => e.documents)).toEqual([2, 1]);
  });

  it('names an event alike whatever ids its participants got (the order documents were ingested in)', () => {
    const talks = (ids: number[]) =>
      [90, 91].map((doc) =>
        statement(doc, '1987-04-02', {
          value: '1987-04-01',
          action: 'n:talks',
          name: 'talks',
          participantIds: ids,
          terms: ['budget', 'talk'],
        }),
      );
    const first = (id: number) => ({ 7: 'Yasuhiro Nakasone', 8: 'Liberal Democratic Party' })[id] ?? name(id);
    const swapped = (id: number) => ({ 8: 'Yasuhiro Nakasone', 7: 'Liberal Democratic Party' })[id] ?? name(id);
    const a = clusterStatements(talks([7, 8]), first, options)[0].name;
    const b = clusterStatements(talks([8, 7]), swapped, options)[0].name;
    // As the reports name them: Nakasone first, whatever the ids.
    expect(a).toBe('Yasuhiro Nakasone–Liberal Democratic Party talks');
    expect(b).toBe(a);
  });

  it('joins a coarser report of a happening known by its place to it when it names its noun and place', () => {
    const quake = (doc: number, value: string, placeId: number, terms: string[]) =>
      statement(doc, '1987-03-10', { value, action: 'n:earthquake', name: 'earthquake', placeId, terms });
    const events = clusterStatements(
      [
        quake(1, '1987-03-05', 9, ['earthquak', 'kill', 'mine']),
        quake(2, '1987-03-05', 9, ['earthquak', 'kill', 'mine']),
        // Told in a story about copper prices a month later, with none of the day's words.
        quake(3, '1987-03', 9, ['copper', 'price', 'suppli']),
        // An earthquake elsewhere that month is another happening.
        quake(4, '1987-03', 5, ['copper', 'price', 'suppli']),
      ],
      name,
      options,
    );
    expect(events.map((e) => [e.date.value, e.documents])).toEqual([
      ['1987-03-05', 3],
      ['1987-03', 1],
    ]);
  });

  it('names no country or body as the one who died, and a person named as the one harm befell', () => {
    const died = (doc: number, fields: Partial<StatementRow> = {}) =>
      statement(doc, '1998-08-08', {
        value: '1998-08-07',
        action: 'die:',
        name: 'dies',
        eventNoun: false,
        terms: ['bomb', 'embass'],
        participantIds: [4],
        ...fields,
      });
    const one = { ...options, minReports: 1 };
    // Japan (a country) was put before the verb: `Japan dies`.
    expect(clusterStatements([died(1)], name, one)[0].name).toBe('dies');
    expect(clusterStatements([died(1, { placeId: 1 })], name, one)[0].name).toBe('dies in Paris');
    // A person is who died.
    expect(clusterStatements([died(1, { participantIds: [2] })], name, one)[0].name).toBe('James Baker dies');
    // Harm no report says who did or to whom: the person named underwent it (was `James Baker kills`).
    const killed = died(1, { action: 'kill:', name: 'kills', participantIds: [2] });
    expect(clusterStatements([killed], name, one)[0].name).toBe('James Baker killed');
  });

  it("keeps apart a coarser report of a gathering elsewhere that names none of the day event's participants", () => {
    // The rubber conference of March 20 (no place given) and `a desktop publishing conference in
    // Chicago earlier this month`, of IBM and Adobe: the same kind and words, another happening.
    const conference = (doc: number, value: string, fields: Partial<StatementRow>) =>
      statement(doc, '1987-03-20', {
        value,
        action: 'n:conference',
        name: 'conference',
        terms: ['adopt', 'confer', 'formal'],
        ...fields,
      });
    // (A conference is known by its place: reports of one are compared by its noun and month.)
    const known = { ...options, placeKnown: new Set([...options.placeKnown, 'conference']) };
    const day = [1, 2].map((doc) => conference(doc, '1987-03-20', { participantIds: [7] }));
    const apart = clusterStatements(
      [...day, conference(3, '1987-03', { placeId: 10, participantIds: [10, 6] })],
      name,
      known,
    );
    expect(apart.map((e) => [e.date.value, e.documents])).toEqual([
      ['1987-03-20', 2],
      ['1987-03', 1],
    ]);
    // Naming someone the day's reports name, it is that gathering told by its month.
    const joined = clusterStatements(
      [...day, conference(3, '1987-03', { placeId: 10, participantIds: [10, 7] })],
      name,
      known,
    );
    expect(joined.map((e) => [e.date.value, e.documents])).toEqual([['1987-03-20', 3]]);
  });

  it('makes one event of two clusters of a day telling one happening known by its place at that place', () => {
    // Reports of the accord naming Baker, and reports naming the six nations: no one in common.
    const byBaker = [80, 81].map((doc) =>
      statement(doc, '1987-02-23', {
        value: '1987-02-22',
        subjectId: 2,
        participantIds: [2],
        placeId: 1,
        name: 'Paris accord',
        terms: ['comment', 'declin'],
      }),
    );
    const byNations = [82, 83].map((doc) =>
      statement(doc, '1987-02-23', {
        value: '1987-02-22',
        action: 'n:pact',
        subjectId: 4,
        participantIds: [4, 5],
        placeId: 1,
        name: 'Paris pact',
        terms: ['stabil', 'rate', 'exchang'],
      }),
    );
    const groups = {
      ...options,
      placeKnown: new Set([...options.placeKnown, 'pact']),
      nounGroups: new Map([['pact', 'accord']]),
    };
    expect(clusterStatements([...byBaker, ...byNations], name, groups).map((e) => e.documents)).toEqual([4]);
    // At another place, another happening.
    const elsewhere = byNations.map((s) => ({ ...s, placeId: 9 }));
    expect(clusterStatements([...byBaker, ...elsewhere], name, groups).map((e) => e.documents)).toEqual([2, 2]);
  });

  it("makes one event of a day's market crash however each report tells it and wherever it has it fall", () => {
    const market = {
      ...options,
      placeKnown: new Set([...options.placeKnown, 'crash']),
      nounGroups: new Map([['crash', 'market']]),
    };
    const crash = (doc: number, value: string, placeId: number | null, written: string, terms: string[]) =>
      statement(doc, '1987-10-20', { value, action: 'n:crash', placeId, name: written, named: true, terms });
    const rows = [
      crash(90, '1987-10-19', 11, 'Wall Street collapse', ['investor', 'confid']),
      crash(91, '1987-10-19', 11, 'Wall Street share crash', ['exagger', 'fundament']),
      crash(92, '1987-10-19', null, 'stock market crash', ['poll', 'faith']),
      crash(93, '1987-10-19', null, 'stock market crash', ['privatis', 'issu']),
      crash(94, '1987-10-19', 12, 'record drop on Wall Street', ['interest', 'rate']),
    ];
    const events = clusterStatements(rows, name, market);
    expect(events.map((e) => [e.name, e.documents])).toEqual([['stock market crash', 5]]);
    // Another day's fall is another happening.
    const later = crash(95, '1987-10-23', null, 'stock market collapse', ['poll', 'faith']);
    expect(clusterStatements([...rows, later], name, market).map((e) => e.documents)).toEqual([5, 1]);
    // Not another kind of happening no report names anyone in: two reports of quakes at two places stay two.
    const quakes = rows.slice(0, 2).map((s, i) => ({ ...s, action: 'n:earthquake', placeId: 11 + i }));
    expect(clusterStatements(quakes, name, market).map((e) => e.documents)).toEqual([1, 1]);
  });

  it('makes one happening of a gathering and the accord reached where it was held, not of others held there', () => {
    // Entities: 1 Paris (a city), 2 Baker, 3 Miyazawa, 4 Japan, 5 Malaysia, 8 the LDP.
    const agreed = {
      ...options,
      placeKnown: new Set(['accord']),
      nounGroups: new Map([['meeting', 'meet']]),
      isLocality: (id: number) => id === 1,
    };
    const accord = [100, 101, 102].map((doc) =>
      statement(doc, '1987-02-23', {
        value: '1987-02-22',
        placeId: 1,
        participantIds: [2, 4],
        mentionedIds: [3],
        name: 'Paris accord',
        terms: ['currenc', 'stabil'],
      }),
    );
    // The ministers' meeting, told by reports naming Miyazawa and Paris but no accord.
    const held = [103, 104].map((doc) =>
      statement(doc, '1987-02-24', {
        value: '1987-02-22',
        action: 'n:meeting',
        subjectId: 3,
        participantIds: [3, 1],
        name: 'Miyazawa meeting',
        terms: ['minist', 'financ'],
      }),
    );
    // Talks in Paris that day of people the accord's reports never name, and talks of no one.
    const others = [105, 106].map((doc) =>
      statement(doc, '1987-02-24', {
        value: '1987-02-22',
        action: 'n:meeting',
        subjectId: 8,
        participantIds: [8, 1],
        name: 'Liberal Democratic Party meeting',
        terms: ['parti', 'leader'],
      }),
    );
    const noOne = [107, 108].map((doc) =>
      statement(doc, '1987-02-24', {
        value: '1987-02-22',
        action: 'n:meeting',
        participantIds: [1],
        placeId: 1,
        name: 'Paris trade talks',
        terms: ['farm', 'gatt'],
      }),
    );
    const events = clusterStatements([...accord, ...held, ...others, ...noOne], name, agreed);
    expect(events.map((e) => [e.name, e.documents]).sort()).toEqual([
      ['Liberal Democratic Party meeting', 2],
      ['Paris accord', 5],
      ['Paris trade talks', 2],
    ]);
  });

  it('makes one happening of a conference and the accord it reached days later where it sat, told by a verb', () => {
    // Entities: 8 a body (OPEC's stand-in), 10 the city it met in, 4 a country, 5 another body.
    const conference = {
      ...options,
      placeKnown: new Set(['accord', 'meeting']),
      nounGroups: new Map([['meeting', 'meet']]),
      verbGroups: VERB_GROUPS,
      isLocality: (id: number) => id === 10,
    };
    const met = [110, 111].map((doc) =>
      statement(doc, '1987-06-25', {
        value: '1987-06-25',
        action: 'meet:',
        placeId: 10,
        subjectId: 8,
        participantIds: [8, 10],
        name: 'meets',
        terms: ['oil', 'minist'],
      }),
    );
    // Two days on, `agreed here to keep output` at the same city, the body named.
    const agreed = [112, 113].map((doc) =>
      statement(doc, '1987-06-28', {
        value: '1987-06-27',
        action: 'agree:output',
        placeId: 10,
        subjectId: 8,
        participantIds: [8, 10],
        name: 'agrees to keep output',
        terms: ['output', 'ceil'],
      }),
    );
    // A country's accord at that city the next day: a capital sees several (not the body's).
    const country = [114, 115].map((doc) =>
      statement(doc, '1987-06-27', {
        value: '1987-06-26',
        action: 'n:accord',
        placeId: 10,
        subjectId: 4,
        participantIds: [4, 10],
        name: 'Japan accord',
        terms: ['trade', 'tariff'],
      }),
    );
    const days = (list: StatementRow[]) => clusterStatements(list, name, conference).map((e) => e.documents);
    expect(days([...met, ...agreed])).toEqual([4]);
    // Only up to CONFERENCE_DAYS after it began.
    const weekOn = agreed.map((s) => ({ ...s, date: parseDateValue('1987-07-02')! }));
    expect(days([...met, ...weekOn])).toEqual([2, 2]);
    // A gathering of a country only, and an accord of that country days later: two happenings.
    const countryMet = met.map((s) => ({ ...s, subjectId: 4, participantIds: [4, 10] }));
    expect(days([...countryMet, ...country.map((s) => ({ ...s, date: parseDateValue('1987-06-27')! }))])).toEqual([
      2, 2,
    ]);
  });

  it("joins a gathering a report dates by its week to the day's one at that place whose reports name its people", () => {
    // Entities: 8 a body (OPEC's stand-in), 10 its city, 2 and 3 two people.
    const held = { ...options, placeKnown: new Set(['accord']), nounGroups: new Map([['meeting', 'meet']]) };
    const day = [120, 121].map((doc) =>
      statement(doc, '1987-06-25', {
        value: '1987-06-25',
        action: 'n:meeting',
        placeId: 10,
        subjectId: 8,
        participantIds: [8],
        mentionedIds: [2],
        name: 'meeting in Chuquicamata',
        terms: ['oil', 'minist', 'output'],
      }),
    );
    // `the ministerial meeting in Vienna this week`, told by who chairs it.
    const week = (doc: number, who: number) =>
      statement(doc, '1987-06-22', {
        value: '1987-W26',
        action: 'n:meeting',
        placeId: 10,
        subjectId: who,
        participantIds: [who],
        name: 'ministerial meeting',
        terms: ['oil', 'minist', 'price'],
      });
    const events = (list: StatementRow[]) =>
      clusterStatements(list, name, { ...held, minReports: 1 }).map((e) => e.documents);
    expect(events([...day, week(122, 2)])).toEqual([3]);
    // Someone its reports never name met there that week at another gathering.
    expect(events([...day, week(123, 3)])).toEqual([2, 1]);
    // Told in other words than the day's reports, by its week still that gathering; by its month
    // one of several a capital holds that month.
    const otherWords = (value: string) => ({
      ...week(124, 2),
      date: parseDateValue(value)!,
      terms: ['semi', 'annual'],
    });
    expect(events([...day, otherWords('1987-W26')])).toEqual([3]);
    expect(events([...day, otherWords('1987-06')])).toEqual([2, 1]);
  });

  it('makes one happening of an attack told at its city by some reports and at its country or city by others', () => {
    // Chuquicamata (10) and #11 are cities of Chile (9).
    const isLocality = (id: number) => id === 10 || id === 11;
    const attacks = {
      ...options,
      placeKnown: new Set([...options.placeKnown, 'bombing']),
      nounGroups: new Map([['bombing', 'violence']]),
      isPlace: (id: number) => isPlace(id) || id === 11,
      isLocality,
      localityCountry: (id: number) => (isLocality(id) ? 9 : null),
    };
    const bombing = (doc: number, placeId: number, participantIds: number[], terms: string[]) =>
      statement(doc, '1998-08-08', {
        value: '1998-08-07',
        action: 'n:bombing',
        name: `${name(placeId)} bombing`,
        placeId,
        participantIds,
        terms,
      });
    const atCity = [70, 71].map((doc) => bombing(doc, 10, [], ['embass', 'blast']));
    const atCountry = [72, 73].map((doc) => bombing(doc, 9, [4], ['rubbl', 'condemn']));
    expect(clusterStatements([...atCity, ...atCountry], name, attacks).map((e) => e.documents)).toEqual([4]);
    // Twin attacks told as one: most reports at another country (Malaysia), one at this city.
    const mostlyElsewhere = [
      ...[72, 73].map((doc) => bombing(doc, 5, [4], ['rubbl', 'condemn'])),
      bombing(74, 10, [4, 5], ['rubbl', 'condemn']),
    ];
    expect(clusterStatements([...atCity, ...mostlyElsewhere], name, attacks).map((e) => e.documents)).toEqual([5]);
    const atOtherCity = [70, 71].map((doc) => bombing(doc, 11, [], ['embass', 'blast']));
    // Two cities of one country, each told at its own: two attacks.
    expect(
      clusterStatements(
        [
          ...atCity,
          ...atOtherCity.map((s) => ({
            ...s,
            docId: s.docId + 10,
            docOrder: s.docId + 10,
            report: `d:${s.docId + 10}`,
          })),
        ],
        name,
        attacks,
      ).map((e) => e.documents),
    ).toEqual([2, 2]);
  });

  it('makes one happening of an attack and the harm no report says who did, at its place that day', () => {
    const attacks = {
      ...options,
      placeKnown: new Set([...options.placeKnown, 'bombing']),
      nounGroups: new Map([['bombing', 'violence']]),
    };
    const bombing = [80, 81].map((doc) =>
      statement(doc, '1998-08-08', {
        value: '1998-08-07',
        action: 'n:bombing',
        name: 'Chile bombing',
        placeId: 9,
        participantIds: [9, 4],
        terms: ['embass', 'blast'],
      }),
    );
    const killed = (placeId: number) =>
      [82, 83].map((doc) =>
        statement(doc, '1998-08-08', {
          value: '1998-08-07',
          action: 'kill:peopl',
          name: 'kills people',
          eventNoun: false,
          placeId,
          participantIds: [placeId, 4],
          terms: ['kill', 'peopl', 'scor'],
        }),
      );
    expect(clusterStatements([...bombing, ...killed(9)], name, attacks).map((e) => e.documents)).toEqual([4]);
    // Harm at another place that day is not this attack's.
    expect(clusterStatements([...bombing, ...killed(5)], name, attacks).map((e) => e.documents)).toEqual([2, 2]);
  });

  it("joins a coarser report of an attack at a place, naming no one, to that month's attack there", () => {
    // Shooting is not known by its place: only its kind (violence) and the place find the day's event.
    const shootings = { ...options, nounGroups: new Map([['shooting', 'violence']]), minReports: 1 };
    // Two reports of the day: who shot whom (2, 3); one of them in Chuquicamata (10).
    const day = [90, 91].map((doc) =>
      statement(doc, '1998-10-24', {
        value: doc === 90 ? '1998-10-23' : '1998-10',
        action: 'n:shooting',
        name: 'shooting',
        subjectId: 2,
        participantIds: [2, 3],
        placeId: doc === 91 ? 10 : null,
        terms: ['shoot', 'sniper', 'doctor'],
      }),
    );
    // `last month's shooting death of a doctor in a Chuquicamata suburb`: the month, the place, no one.
    const lastMonth = (placeId: number) =>
      statement(92, '1998-11-20', {
        value: '1998-10',
        action: 'n:shooting',
        name: `${name(placeId)} shooting`,
        placeId,
        participantIds: [placeId],
        terms: ['shoot', 'doctor', 'fled'],
      });
    const documents = (list: StatementRow[]) => clusterStatements(list, name, shootings).map((e) => e.documents);
    expect(documents([...day, lastMonth(10)])).toEqual([3]);
    // At another place that month: another shooting.
    expect(documents([...day, lastMonth(1)])).toEqual([2, 1]);
  });

  it("makes one happening of a country's election told the same day by reports naming no one alike", () => {
    // `Bosnia's September 14 elections` (placed), and the day's polls of reports naming its envoys.
    const elections = { ...options, minReports: 1 };
    const placed = [100, 101].map((doc) =>
      statement(doc, '1996-09-15', {
        value: '1996-09-14',
        action: 'n:election',
        name: 'election',
        placeId: 4,
        terms: ['vote', 'refuge'],
      }),
    );
    const named = (country: number) =>
      [102, 103].map((doc) =>
        statement(doc, '1996-09-15', {
          value: '1996-09-14',
          action: 'n:election',
          name: 'election',
          participantIds: [country, 7],
          terms: ['envoy', 'ballot'],
        }),
      );
    const documents = (list: StatementRow[]) => clusterStatements(list, name, elections).map((e) => e.documents);
    expect(documents([...placed, ...named(4)])).toEqual([4]);
    // Another country's election that day is another happening.
    expect(documents([...placed, ...named(5)])).toEqual([2, 2]);
  });

  it('makes one happening of a convention its reports tell on the days it sits, dated by the span one gives', () => {
    const conventions = { ...options, nounGroups: new Map([['convention', 'conference']]), minReports: 1 };
    // Reports of Monday, Wednesday and Thursday, naming its city (1) or its nominee (2); one gives its days.
    const day = (doc: number, value: string, fields: Partial<StatementRow>) =>
      statement(doc, value.slice(0, 10), {
        value,
        action: 'n:convention',
        name: 'convention',
        terms: ['delegat', 'nominat'],
        ...fields,
      });
    const sitting = [
      day(110, '1996-08-26', { participantIds: [2, 3] }),
      day(111, '1996-08-28', { placeId: 1, participantIds: [2] }),
      day(112, '1996-08-29', { participantIds: [2] }),
      day(113, '1996-08-26/1996-08-29', { placeId: 1, participantIds: [2] }),
    ];
    const events = clusterStatements(sitting, name, conventions);
    expect(events.map((e) => [e.date.value, e.documents])).toEqual([['1996-08-26/1996-08-29', 4]]);
    // Conventions of other people at another place in those days are other happenings.
    const elsewhere = [
      day(110, '1996-08-26', { participantIds: [2, 3] }),
      day(111, '1996-08-28', { placeId: 4, participantIds: [7] }),
    ];
    expect(clusterStatements(elsewhere, name, conventions).map((e) => e.documents)).toEqual([1, 1]);
  });

  it('names an event by the longer of two names one of which holds the other', () => {
    const summit = [90, 91].map((doc) =>
      statement(doc, '1999-04-24', {
        value: '1999-04-24',
        action: 'n:summit',
        name: 'summit',
        participantIds: [7, 8],
        terms: ['summit', 'member'],
      }),
    );
    const names = (id: number) => ({ 7: 'NATO', 8: 'NATO Washington' })[id] ?? name(id);
    // Was `NATO–NATO Washington summit`; two names apart stay two (see above).
    expect(clusterStatements(summit, names, options)[0].name).toBe('NATO Washington summit');
  });

  it('keeps a lone report it cannot name by who or where as a dated mention', () => {
    const lone = statement(60, '1987-05-08', {
      value: '1987-05-08',
      action: 'n:news conference',
      name: 'news conference',
    });
    expect(clusterStatements([lone], name, options)[0]).toMatchObject({ name: 'news conference', kind: 'mention' });
    const named = statement(61, '1987-05-08', {
      value: '1987-05-08',
      action: 'n:news conference',
      name: 'news conference',
      participantIds: [7],
    });
    expect(clusterStatements([named], name, options)[0].kind).toBe('event');
  });

  it('makes one event of one meeting that an article calls both `the meeting` and `the talks`', () => {
    // Statement by statement, an article naming two event nouns keeps them apart (`talks` and a
    // `working group meeting`); finished clusters of one kind, day and people, saying the same, are one.
    const terms = ['currenc', 'stabil', 'louvr', 'frankfurt'];
    const meeting = { value: '1987-10-19', subjectId: 2, participantIds: [3], terms, action: 'n:meeting' };
    const rows = [
      statement(1, '1987-10-20', { ...meeting, name: 'Baker–Stoltenberg meeting' }),
      {
        ...statement(1, '1987-10-20', { ...meeting, action: 'n:talks', name: 'Baker–Stoltenberg talks' }),
        sentence: 1,
      },
      statement(2, '1987-10-20', { ...meeting, name: 'meeting' }),
      statement(3, '1987-10-19', { ...meeting, name: 'meeting' }),
    ];
    const groups = {
      ...options,
      nounGroups: MEETING_TALKS,
    };
    const events = clusterStatements(rows, name, groups).filter((e) => e.kind === 'event');
    expect(events.map((e) => [e.documents, e.statementIds.length])).toEqual([[3, 4]]);
    // The same two clusters about two subjects that take no part in each other's stay two.
    const other = rows.map((r, i) => (i === 1 ? { ...r, subjectId: 6, participantIds: [2] } : r));
    expect(clusterStatements(other, name, groups).filter((e) => e.kind === 'event')).toHaveLength(2);
  });

  it('makes one happening of one kind an article names twice on one day, whoever each sentence names, not of two places or two meetings', () => {
    // `a ceremony in Independence` for the three ministers and `the ceremony` resonating with Truman.
    const ceremony = (
      doc: number,
      sentence: number,
      who: number,
      terms: string[],
      more: Partial<StatementRow> = {},
    ) => ({
      ...statement(doc, '1999-03-12', {
        value: '1999-03-12',
        action: 'n:ceremony',
        name: 'ceremony',
        subjectId: who,
        participantIds: [who],
        terms,
        ...more,
      }),
      sentence,
    });
    const rows = [
      ceremony(400, 0, 3, ['access', 'allianc', 'minist']),
      ceremony(400, 6, 7, ['resonat', 'memori', 'found']),
      ceremony(401, 0, 3, ['access', 'allianc', 'minist']),
    ];
    const events = (list: StatementRow[]) =>
      clusterStatements(list, name, options)
        .filter((e) => e.kind === 'event')
        .map((e) => e.statementIds.length);
    expect(events(rows)).toEqual([3]);
    // Told at two places no report of the other names: two ceremonies.
    const placed = [
      { ...rows[0], placeId: 1 },
      { ...rows[1], placeId: 9 },
      { ...rows[2], placeId: 1 },
    ];
    expect(events(placed)).toEqual([2, 1]);
    // Two meetings in one article's day of diplomacy stay two.
    const met = rows.map((r) => ({ ...r, action: 'n:meeting', name: 'meeting' }));
    expect(events(met)).toEqual([2, 1]);
  });

  it('ranks a lone report of an interview or a news conference below any other lone event, not several reports of one', () => {
    const interview = (doc: number) =>
      statement(doc, '1987-03-02', {
        value: '1987-03-02',
        action: 'n:interview',
        name: 'Dauster interview',
        subjectId: 2,
        participantIds: [2],
        terms: ['coffe', 'quota', 'export'],
      });
    const told = { ...options, reporting: new Set(['interview', 'news conference']) };
    const ranks = (rows: StatementRow[]) =>
      clusterStatements(rows, name, told).map((e) => [e.kind, e.documents, e.score]);
    const ceremony = { ...interview(502), action: 'n:ceremony', name: 'Dauster ceremony', terms: ['plaqu'] };
    const [lone, other] = ranks([interview(500), ceremony]);
    expect(lone[0]).toBe('event');
    expect(lone[2]).toBeLessThan(other[2] as number);
    expect(ranks([interview(500), interview(501)])).toEqual([['event', 2, 2]]);
  });

  it('joins a coarser report to the event dated to the day at its place, not to a coarse one begun beside it', () => {
    // Coffee quota talks in Paris (id 1) on March 2; later reports say `the talks in Paris earlier this
    // month`, and one of them gave that month to someone meeting ministers about those talks.
    const day = { value: '1987-03-02', placeId: 1, participantIds: [8], action: 'n:talks', name: 'Paris talks' };
    const rows = [
      statement(1, '1987-03-02', { ...day, terms: ['quota', 'export', 'talk', 'coffe', 'counci'] }),
      statement(2, '1987-03-02', { ...day, terms: ['quota', 'talk', 'coffe', 'deleg'] }),
      statement(3, '1987-03-03', { ...day, terms: ['quota', 'export', 'talk', 'collaps'] }),
      statement(7, '1987-03-03', { ...day, terms: ['quota', 'export', 'talk', 'price'] }),
      statement(8, '1987-03-03', { ...day, terms: ['quota', 'set', 'talk', 'failur'] }),
      statement(4, '1987-03-12', {
        value: '1987-03',
        placeId: 1,
        subjectId: 2,
        participantIds: [2, 8, 1],
        action: 'meet:minist',
        name: 'James Baker meets ministers',
        eventNoun: false,
        terms: ['export', 'failur', 'quota', 'set', 'talk', 'minist', 'assess', 'market'],
      }),
      ...[5, 6].map((doc) =>
        statement(doc, '1987-03-25', {
          value: '1987-03',
          placeId: 1,
          participantIds: [1, 8],
          action: 'n:talks',
          name: 'Paris talks',
          terms: ['export', 'failur', 'quota', 'set', 'talk'],
        }),
      ),
    ];
    const groups = {
      ...options,
      nounGroups: MEETING_TALKS,
      verbGroups: new Map([['meet', 'meet']]),
    };
    const events = clusterStatements(rows, name, groups).filter((e) => e.kind === 'event');
    const talks = events.find((e) => e.date.value === '1987-03-02');
    expect(talks?.documents).toBe(7);
    // Placed elsewhere, a month's talks stay their own.
    const elsewhere = rows.map((r) =>
      r.docId === 5 || r.docId === 6 ? { ...r, placeId: 9, participantIds: [9, 8] } : r,
    );
    const apart = clusterStatements(elsewhere, name, groups).filter((e) => e.kind === 'event');
    expect(apart.find((e) => e.date.value === '1987-03-02')?.documents).toBe(5);
  });

  it("makes one happening of a body's meeting and its accord told only by the same month", () => {
    // `OPEC agreed in December to cut output` … `the OPEC meeting in December`, nothing else in common.
    const accord = { value: '1986-12', participantIds: [8], terms: ['ceil', 'output', 'price'], name: 'accord' };
    const meeting = {
      value: '1986-12',
      participantIds: [8],
      action: 'n:meeting',
      terms: ['dollar', 'declin'],
      name: 'meeting',
    };
    const rows = [
      ...[1, 2, 3].map((doc) => statement(doc, '1987-03-01', accord)),
      statement(4, '1987-04-28', meeting),
      statement(5, '1987-06-29', meeting),
    ];
    const events = clusterStatements(rows, name, options).filter((e) => e.kind === 'event');
    expect(events.map((e) => [e.date.value, e.documents])).toEqual([['1986-12', 5]]);
    // Another month's meeting, or one more body's, is another happening.
    const apart = [
      ...rows.slice(0, 3),
      statement(4, '1987-04-28', { ...meeting, value: '1987-01' }),
      statement(5, '1987-06-29', { ...meeting, value: '1987-01' }),
    ];
    expect(
      clusterStatements(apart, name, options)
        .filter((e) => e.kind === 'event')
        .map((e) => e.documents),
    ).toEqual([3, 2]);
    const two = [...rows.slice(0, 3), statement(4, '1987-04-28', { ...meeting, participantIds: [8, 6] })];
    expect(
      clusterStatements(two, name, options)
        .filter((e) => e.kind === 'event')
        .map((e) => e.documents),
    ).toEqual([3, 1]);
    // A place beside the body names no other holder (`after last December's OPEC meeting and Brent
    // traded today`), though by a week it would (a place holds many gatherings a week).
    const beside = [...rows.slice(0, 3), statement(4, '1987-04-28', { ...meeting, participantIds: [8, 10] })];
    expect(
      clusterStatements(beside, name, options)
        .filter((e) => e.kind === 'event')
        .map((e) => e.documents),
    ).toEqual([4]);
  });

  it("makes one happening of a visit and the visitor's talks that day, named after the visitor and where", () => {
    const visit = { value: '1987-04-29', action: 'n:visit', subjectId: 7, participantIds: [7], placeId: 1 };
    const talks = { value: '1987-04-29', action: 'n:talks', participantIds: [7, 2], terms: ['trade', 'rice'] };
    const rows = [
      ...[1, 2, 3].map((doc) => statement(doc, '1987-04-29', { ...visit, name: 'visit' })),
      ...[4, 5].map((doc) => statement(doc, '1987-04-30', { ...talks, name: 'talks' })),
    ];
    const groups = {
      ...options,
      nounGroups: new Map([
        ['talks', 'meet'],
        ['visit', 'travel'],
      ]),
    };
    const events = clusterStatements(rows, name, groups).filter((e) => e.kind === 'event');
    // Were `Yasuhiro Nakasone visit in Paris` (3) and `Yasuhiro Nakasone–James Baker talks` (2).
    expect(events.map((e) => [e.name, e.documents])).toEqual([['Yasuhiro Nakasone visit to Paris', 5]]);
    // Talks the visitor had no part in are another happening.
    const others = rows.map((r) => (r.action === 'n:talks' ? { ...r, participantIds: [3, 2] } : r));
    expect(clusterStatements(others, name, groups).filter((e) => e.kind === 'event')).toHaveLength(2);
    // The talks' reports taking the host for their subject (`Baker held talks with Nakasone`): the
    // same visit, though the visitor is not the talks' subject nor the host a part of the visit's.
    const hosted = rows.map((r) => (r.action === 'n:talks' ? { ...r, subjectId: 2, participantIds: [2, 7] } : r));
    expect(
      clusterStatements(hosted, name, groups)
        .filter((e) => e.kind === 'event')
        .map((e) => e.documents),
    ).toEqual([5]);
  });

  it('lets go of finished clusters without changing any event (sweeping after every statement or never)', () => {
    // Two years of reports about a few entities: day-level statements, and weeks, months, ranges and
    // years that reach back into them, so clusters are finished, reached again and merged across buckets.
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pad = (n: number) => String(n).padStart(2, '0');
    const actions = ['n:accord', 'n:meeting', 'suspend:paymen', 'raise:tariff', 'agree:', 'n:election'];
    const words = ['currenc', 'stabil', 'tariff', 'debt', 'oil', 'price', 'vote', 'bank', 'talk', 'quota'];
    const rows: StatementRow[] = [];
    for (let i = 0; i < 3000; i++) {
      const month = 1 + next(24);
      const year = 1986 + Math.floor((month - 1) / 12);
      const m = pad(((month - 1) % 12) + 1);
      const kind = next(10);
      const value =
        kind < 6
          ? `${year}-${m}-${pad(1 + next(28))}`
          : kind === 6
            ? `${year}-W${pad(1 + next(52))}`
            : kind < 9
              ? `${year}-${m}`
              : String(year);
      const date = parseDateValue(value);
      if (!date) continue;
      rows.push(
        statement(1 + next(400), `${year}-${m}-28`, {
          value,
          action: actions[next(actions.length)],
          terms: [words[next(words.length)], words[next(words.length)], words[next(words.length)]],
          subjectId: next(3) === 0 ? null : 2 + next(6),
          participantIds: [2 + next(6), 2 + next(6)],
          placeId: next(4) === 0 ? 1 + next(5) : null,
          eventNoun: next(2) === 0,
          report: `d:${next(500)}`,
        }),
      );
    }
    const ordered = [...rows].sort(clusteringOrder);
    const streamed = (sweepEvery: number) => {
      const events: CorpusEventInput[] = [];
      clusterStatementStream(
        () => ordered,
        name,
        { ...options, sweepEvery },
        (e) => events.push(e),
      );
      return withUniqueKeys(events);
    };
    const always = streamed(1);
    const never = streamed(Number.POSITIVE_INFINITY);
    expect(always.filter((e) => e.kind === 'event').length).toBeGreaterThan(50);
    expect(always.some((e) => e.statementIds.length > 3)).toBe(true);
    expect(always).toEqual(never);
    expect(clusterStatements(rows, name, options)).toEqual(never);
  });
});
