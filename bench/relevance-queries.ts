/**
 * Judged queries for `bench:relevance`, built from Reuters-21578's own codes (TOPICS, PLACES, PEOPLE,
 * ORGS): a query is the readable name of a code (written here by hand from the code, e.g. `nat-gas`
 * → "natural gas"), and the documents judged relevant are exactly those the Reuters editors gave that
 * code. Nothing here was chosen by looking at our ranking's output.
 *
 * Classes:
 *  - `topic word`: one-word topic names (commodities: cocoa, copper…)
 *  - `topic phrase`: several-word topic names ("money supply", "natural gas"…)
 *  - `entity + topic`: a place or organisation named with a topic ("Japan trade"): relevant = both codes
 *  - `person`: a person's name ("Volcker"): relevant = the PEOPLE code (every PEOPLE code given to at
 *    least 6 documents, written as a reader would: the surname, or the full name the code spells out)
 *
 * Dev/test split: within each class, queries alternate dev, test, dev… in the order listed here.
 * Ranking weights were tuned on the dev half only; the test half is reported separately.
 */

export interface Judgement {
  topics?: string[];
  places?: string[];
  people?: string[];
  orgs?: string[];
}

export interface JudgedQuery {
  kind: 'topic word' | 'topic phrase' | 'entity + topic' | 'person';
  query: string;
  /** A document is relevant when it carries every code listed. */
  relevant: Judgement;
  split?: 'dev' | 'test';
}

const TOPIC_WORDS: [string, string][] = [
  ['cocoa', 'cocoa'],
  ['coffee', 'coffee'],
  ['sugar', 'sugar'],
  ['gold', 'gold'],
  ['copper', 'copper'],
  ['cotton', 'cotton'],
  ['rice', 'rice'],
  ['rubber', 'rubber'],
  ['zinc', 'zinc'],
  ['tin', 'tin'],
  ['wheat', 'wheat'],
  ['corn', 'corn'],
  ['barley', 'barley'],
  ['silver', 'silver'],
  ['livestock', 'livestock'],
  ['soybean', 'soybeans'],
  ['sorghum', 'sorghum'],
  ['lumber', 'lumber'],
  ['tea', 'tea'],
  ['nickel', 'nickel'],
  ['platinum', 'platinum'],
  ['oat', 'oats'],
  ['grain', 'grain'],
  ['yen', 'yen'],
  ['gas', 'gasoline'],
  ['lead', 'lead'],
  ['alum', 'aluminium'],
  ['hog', 'hogs'],
  ['orange', 'orange juice'],
  ['jobs', 'unemployment'],
  ['housing', 'housing'],
  ['retail', 'retail sales'],
  ['rapeseed', 'rapeseed'],
  ['carcass', 'beef'],
  ['ship', 'shipping'],
  ['acq', 'acquisition'],
  ['earn', 'earnings'],
  ['dlr', 'dollar'],
];

const TOPIC_PHRASES: [string, string][] = [
  ['crude', 'crude oil'],
  ['nat-gas', 'natural gas'],
  ['interest', 'interest rates'],
  ['money-supply', 'money supply'],
  ['money-fx', 'foreign exchange'],
  ['bop', 'balance of payments'],
  ['cpi', 'consumer prices'],
  ['ipi', 'industrial production'],
  ['wpi', 'wholesale prices'],
  ['trade', 'trade deficit'],
  ['gnp', 'gross national product'],
  ['iron-steel', 'iron steel'],
  ['veg-oil', 'vegetable oil'],
  ['palm-oil', 'palm oil'],
  ['reserves', 'reserves central bank'],
  ['meal-feed', 'animal feed meal'],
  ['pet-chem', 'petrochemicals'],
  ['strategic-metal', 'strategic metals'],
  ['heat', 'heating oil'],
  ['fuel', 'fuel oil'],
  ['soy-meal', 'soybean meal'],
  ['soy-oil', 'soybean oil'],
  ['oilseed', 'oilseeds'],
  ['lei', 'leading indicators'],
  ['income', 'personal income'],
  ['stg', 'sterling'],
  ['dmk', 'mark'],
];

/** Place codes named as a reader would type them. */
const PLACES: Record<string, string> = {
  japan: 'Japan',
  uk: 'Britain',
  canada: 'Canada',
  'west-germany': 'West Germany',
  ussr: 'Soviet',
  iran: 'Iran',
  brazil: 'Brazil',
  china: 'China',
  france: 'France',
  australia: 'Australia',
  'saudi-arabia': 'Saudi Arabia',
  ecuador: 'Ecuador',
  kuwait: 'Kuwait',
  colombia: 'Colombia',
  'south-korea': 'South Korea',
  venezuela: 'Venezuela',
  iraq: 'Iraq',
  taiwan: 'Taiwan',
  argentina: 'Argentina',
  indonesia: 'Indonesia',
};

const ENTITY_TOPICS: [string, string, string][] = [
  ['japan', 'trade', 'trade'],
  ['uk', 'money-fx', 'sterling exchange'],
  ['canada', 'acq', 'acquisition'],
  ['west-germany', 'money-fx', 'currency'],
  ['uk', 'interest', 'interest rates'],
  ['japan', 'dlr', 'dollar'],
  ['ussr', 'grain', 'grain'],
  ['iran', 'crude', 'oil'],
  ['uk', 'sugar', 'sugar'],
  ['iran', 'ship', 'shipping'],
  ['brazil', 'coffee', 'coffee'],
  ['ussr', 'wheat', 'wheat'],
  ['canada', 'gold', 'gold'],
  ['japan', 'yen', 'yen'],
  ['china', 'grain', 'grain'],
  ['france', 'grain', 'grain'],
  ['saudi-arabia', 'crude', 'oil'],
  ['ecuador', 'crude', 'oil'],
  ['ussr', 'corn', 'corn'],
  ['kuwait', 'crude', 'oil'],
  ['colombia', 'coffee', 'coffee'],
  ['south-korea', 'trade', 'trade'],
  ['venezuela', 'crude', 'oil'],
  ['iraq', 'crude', 'oil'],
  ['taiwan', 'trade', 'trade'],
  ['argentina', 'grain', 'grain'],
  ['indonesia', 'crude', 'oil'],
  ['west-germany', 'interest', 'interest rates'],
  ['brazil', 'ship', 'shipping'],
  ['japan', 'interest', 'interest rates'],
  ['uk', 'acq', 'takeover'],
  ['japan', 'acq', 'acquisition'],
  ['uk', 'grain', 'grain'],
  ['uk', 'crude', 'oil'],
  ['uk', 'trade', 'trade'],
  ['france', 'money-fx', 'franc'],
  ['west-germany', 'acq', 'acquisition'],
  ['uk', 'cocoa', 'cocoa'],
  ['canada', 'crude', 'oil'],
  ['canada', 'grain', 'wheat'],
  ['west-germany', 'trade', 'trade surplus'],
  ['japan', 'oilseed', 'soybeans'],
];

const ORG_TOPICS: [string, string, string, string][] = [
  ['opec', 'OPEC', 'crude', 'oil'],
  ['ec', 'EC', 'grain', 'grain'],
  ['gatt', 'GATT', 'trade', 'trade'],
  ['ico-coffee', 'ICO', 'coffee', 'coffee'],
  ['imf', 'IMF', 'money-fx', 'currency'],
  ['icco', 'ICCO', 'cocoa', 'cocoa'],
];

const PEOPLE: [string, string][] = [
  ['reagan', 'Reagan'],
  ['james-baker', 'Baker'],
  ['volcker', 'Volcker'],
  ['yeutter', 'Yeutter'],
  ['nakasone', 'Nakasone'],
  ['miyazawa', 'Miyazawa'],
  ['lawson', 'Lawson'],
  ['stoltenberg', 'Stoltenberg'],
  ['lyng', 'Lyng'],
  ['balladur', 'Balladur'],
  ['greenspan', 'Greenspan'],
  ['ongpin', 'Ongpin'],
  ['sumita', 'Sumita'],
  ['poehl', 'Poehl'],
  ['conable', 'Conable'],
  ['thatcher', 'Thatcher'],
  ['subroto', 'Subroto'],
  ['herrington', 'Herrington'],
  ['sarney', 'Sarney'],
  ['chirac', 'Chirac'],
  // Added later by the same rule, so the class is large enough to measure: every further PEOPLE code
  // given to at least 6 documents, in order of frequency (the three skipped above placed first).
  ['wilson', 'Wilson'],
  ['james-miller', 'James Miller'],
  ['de-clercq', 'De Clercq'],
  ['sprinkel', 'Sprinkel'],
  ['kohl', 'Kohl'],
  ['eyskens', 'Eyskens'],
  ['howard-baker', 'Howard Baker'],
  ['douglas', 'Douglas'],
  ['tamura', 'Tamura'],
  ['keating', 'Keating'],
  ['dauster', 'Dauster'],
  ['boesky', 'Boesky'],
  ['delors', 'Delors'],
  ['du-plessis', 'du Plessis'],
  ['zhao-ziyang', 'Zhao Ziyang'],
  ['hisham-nazer', 'Hisham Nazer'],
  ['leigh-pemberton', 'Leigh-Pemberton'],
  ['icahn', 'Icahn'],
  ['hawke', 'Hawke'],
  ['mulroney', 'Mulroney'],
  ['von-weizsaecker', 'von Weizsaecker'],
  ['camdessus', 'Camdessus'],
  ['aqazadeh', 'Aqazadeh'],
  ['ruding', 'Ruding'],
  ['bangemann', 'Bangemann'],
];

export function judgedQueries(): JudgedQuery[] {
  const list: JudgedQuery[] = [
    ...TOPIC_WORDS.map(
      ([code, query]): JudgedQuery => ({
        kind: query.includes(' ') ? 'topic phrase' : 'topic word',
        query,
        relevant: { topics: [code] },
      }),
    ),
    ...TOPIC_PHRASES.map(
      ([code, query]): JudgedQuery => ({
        kind: query.includes(' ') ? 'topic phrase' : 'topic word',
        query,
        relevant: { topics: [code] },
      }),
    ),
    ...ENTITY_TOPICS.map(
      ([place, code, words]): JudgedQuery => ({
        kind: 'entity + topic',
        query: `${PLACES[place]} ${words}`,
        relevant: { places: [place], topics: [code] },
      }),
    ),
    ...ORG_TOPICS.map(
      ([org, name, code, words]): JudgedQuery => ({
        kind: 'entity + topic',
        query: `${name} ${words}`,
        relevant: { orgs: [org], topics: [code] },
      }),
    ),
    ...PEOPLE.map(([code, name]): JudgedQuery => ({ kind: 'person', query: name, relevant: { people: [code] } })),
  ];
  const seen = new Map<string, number>();
  for (const q of list) {
    const n = seen.get(q.kind) ?? 0;
    q.split = n % 2 === 0 ? 'dev' : 'test';
    seen.set(q.kind, n + 1);
  }
  return list;
}

export interface ReutersCodes {
  topics: string[];
  places: string[];
  people: string[];
  orgs: string[];
}

export function isRelevant(codes: ReutersCodes | undefined, judgement: Judgement): boolean {
  if (!codes) return false;
  for (const field of ['topics', 'places', 'people', 'orgs'] as const) {
    for (const code of judgement[field] ?? []) if (!codes[field].includes(code)) return false;
  }
  return true;
}
