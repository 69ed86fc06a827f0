/**
 * Verbs that say something happened (`suspended`, `filed`, `imposed`), with the nouns news uses for
 * the same action (`suspension`, `filing`, `imposition`), so that `Brazil suspended interest
 * payments` and `Brazil's suspension of interest payments` are one action. Verbs of saying are not
 * here: `said on Friday` dates the report, not a happening.
 */

// lemma [, nominalizations…]; irregular past forms are in IRREGULAR.
const VERBS: readonly (readonly string[])[] = [
  ['suspend', 'suspension'],
  ['resume', 'resumption'],
  ['halt'],
  ['stop'],
  ['end'],
  ['freeze'],
  ['lift'],
  ['file', 'filing'],
  ['sign', 'signing'],
  ['agree', 'agreement'],
  ['approve', 'approval'],
  ['reject', 'rejection'],
  ['impose', 'imposition'],
  ['raise'],
  ['cut'],
  ['lower'],
  ['increase'],
  ['reduce', 'reduction'],
  ['launch'],
  ['acquire', 'acquisition'],
  ['buy'],
  ['sell', 'sale'],
  ['merge', 'merger'],
  ['bid'],
  ['offer'],
  ['tender'],
  ['declare', 'declaration'],
  ['default'],
  ['devalue', 'devaluation'],
  ['revalue', 'revaluation'],
  ['strike'],
  ['attack'],
  ['kill'],
  ['die', 'death'],
  ['resign', 'resignation'],
  ['appoint', 'appointment'],
  ['elect', 'election'],
  ['win'],
  ['lose'],
  ['hit'],
  ['shut', 'shutdown'],
  ['close', 'closure'],
  ['reopen', 'reopening'],
  ['ban'],
  ['boycott'],
  ['retaliate', 'retaliation'],
  ['threaten'],
  ['invade', 'invasion'],
  ['sue', 'lawsuit'],
  ['rule', 'ruling'],
  ['settle', 'settlement'],
  ['pay', 'payment'],
  ['repay', 'repayment'],
  ['borrow'],
  ['lend'],
  ['cancel', 'cancellation'],
  ['postpone', 'postponement'],
  ['delay'],
  ['extend', 'extension'],
  ['renew', 'renewal'],
  ['downgrade'],
  ['upgrade'],
  ['intervene', 'intervention'],
  ['erupt', 'eruption'],
  ['collapse'],
  ['crash'],
  ['plunge'],
  ['soar'],
  ['surge'],
  ['meet'],
  ['visit'],
  ['host'],
  ['found', 'founding'],
  ['establish', 'establishment'],
  ['create', 'creation'],
  ['ratify', 'ratification'],
  ['veto'],
  ['pass', 'passage'],
  ['enact', 'enactment'],
  ['introduce', 'introduction'],
  ['propose', 'proposal'],
  ['adopt', 'adoption'],
  ['implement', 'implementation'],
  ['unveil'],
  ['explode', 'explosion'],
  ['flood'],
  ['damage'],
  ['destroy', 'destruction'],
  ['sink', 'sinking'],
  ['collide', 'collision'],
  ['spill'],
  ['nationalize', 'nationalization'],
  ['privatize', 'privatization'],
  ['liberalize', 'liberalization'],
  ['deregulate', 'deregulation'],
  ['restructure', 'restructuring'],
  ['reschedule', 'rescheduling'],
  ['negotiate', 'negotiation'],
  ['fire'],
  ['dismiss', 'dismissal'],
  ['arrest'],
  ['seize', 'seizure'],
  ['block'],
  ['withdraw', 'withdrawal'],
  ['expel', 'expulsion'],
  ['tighten'],
  ['ease'],
  ['float'],
  ['peg'],
  ['break'],
  ['strike'],
  ['walk'],
  ['occupy', 'occupation'],
  ['shoot'],
  ['bomb'],
  ['evacuate', 'evacuation'],
  ['quit'],
  ['sack'],
  ['oust', 'ouster'],
  ['replace', 'replacement'],
  ['succeed', 'succession'],
  ['nominate', 'nomination'],
  ['indict', 'indictment'],
  ['convict', 'conviction'],
  ['authorize', 'authorization'],
  ['license'],
  ['award'],
  ['grant'],
  ['win'],
  ['complete', 'completion'],
  ['open', 'opening'],
  ['takeover'],
  ['conclude', 'conclusion'],
  ['accept', 'acceptance'],
  ['terminate', 'termination'],
  ['abandon'],
  ['drop'],
  ['restore', 'restoration'],
  ['recall'],
];

const IRREGULAR: Record<string, string[]> = {
  buy: ['bought'],
  sell: ['sold'],
  cut: ['cut'],
  bid: ['bid'],
  strike: ['struck'],
  win: ['won'],
  lose: ['lost'],
  hit: ['hit'],
  shut: ['shut'],
  pay: ['paid'],
  repay: ['repaid'],
  lend: ['lent'],
  meet: ['met'],
  sink: ['sank', 'sunk'],
  withdraw: ['withdrew', 'withdrawn'],
  freeze: ['froze', 'frozen'],
  break: ['broke', 'broken'],
  shoot: ['shot'],
  quit: ['quit'],
  found: ['founded'],
};

/** Verbs news uses interchangeably for one action: compared as the first of their group. */
const SAME_ACTION: readonly (readonly string[])[] = [
  ['suspend', 'halt', 'stop'],
  ['cut', 'reduce', 'lower'],
  ['raise', 'increase'],
  ['acquire', 'buy', 'takeover'],
  ['sack', 'fire', 'dismiss', 'oust'],
  ['quit', 'resign'],
  ['sign', 'conclude'],
  ['drop', 'abandon'],
];
const ACTION_KEY = new Map(SAME_ACTION.flatMap((group) => group.map((v) => [v, group[0]] as const)));

export interface ActionWord {
  /** The verb as a dictionary gives it (`halt`), for names. */
  lemma: string;
  /** The action it stands for when statements are compared (`suspend` for `halt`). */
  key: string;
  /** Whether the word is the verb itself (else a noun naming the action). */
  verb: boolean;
}

/** The regular past (`suspended`, `carried`, `closed`), its last letter doubled when `double` (`stopped`). */
function regularPast(lemma: string, double: boolean): string {
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ied`;
  if (lemma.endsWith('e')) return `${lemma}d`;
  return `${double ? lemma + lemma.slice(-1) : lemma}ed`;
}

/** Two-syllable verbs stressed on the last, which double its consonant as one syllable does (`expelled`). */
const STRESSED_LAST = new Set([
  'expel',
  'admit',
  'commit',
  'submit',
  'permit',
  'omit',
  'acquit',
  'control',
  'patrol',
  'compel',
  'occur',
  'refer',
  'prefer',
  'defer',
  'confer',
  'transfer',
  'regret',
  'equip',
]);

/**
 * Whether the past and the -ing form double the last letter: `stop` → `stopped`, `expel` →
 * `expelled`, but `open` → `opened`, `lower` → `lowered`, `visit` → `visited` (the stress is not on
 * the last syllable).
 */
function doublesLast(lemma: string): boolean {
  if (!/[^aeiou][aeiou][bdgklmnprt]$/.test(lemma)) return false;
  return (lemma.match(/[aeiou]+/g) ?? []).length === 1 || STRESSED_LAST.has(lemma);
}

function verbForms(lemma: string): string[] {
  const forms = [lemma];
  const stemE = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const cvc = doublesLast(lemma);
  const doubled = cvc ? lemma + lemma.slice(-1) : lemma;
  if (/(?:s|sh|ch|x|z)$/.test(lemma)) forms.push(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) forms.push(`${lemma.slice(0, -1)}ies`);
  else forms.push(`${lemma}s`);
  forms.push(regularPast(lemma, cvc));
  forms.push(
    lemma.endsWith('ie')
      ? `${lemma.slice(0, -2)}ying`
      : lemma.endsWith('ee')
        ? `${lemma}ing`
        : `${lemma.endsWith('e') ? stemE : doubled}ing`,
  );
  // British spelling doubles a last l after one vowel whatever the stress (`cancelled`, `signalling`).
  if (!cvc && /[^aeiou][aeiou]l$/.test(lemma)) forms.push(`${lemma}led`, `${lemma}ling`);
  forms.push(...(IRREGULAR[lemma] ?? []));
  return forms;
}

/**
 * Nouns that name an action only as a light verb's object (`declared a moratorium on interest
 * payments` is their suspension); alone they name a state of affairs (`the moratorium was a mistake`).
 */
const DONE_BY_DECLARING: ReadonlyMap<string, string> = new Map([
  ['moratorium', 'suspend'],
  ['moratoria', 'suspend'],
]);

/** The action a light verb's object names (`moratorium`, `suspension`), if any. */
export function actionDeclared(noun: string): ActionWord | undefined {
  const done = DONE_BY_DECLARING.get(noun);
  const word = ACTION_WORDS.get(done ?? noun);
  return word && (done !== undefined || !word.verb) ? { ...word, verb: false } : undefined;
}

/** Lowercase word → the action it names. */
export const ACTION_WORDS: ReadonlyMap<string, ActionWord> = (() => {
  const map = new Map<string, ActionWord>();
  for (const [lemma, ...nouns] of VERBS) {
    const key = ACTION_KEY.get(lemma) ?? lemma;
    for (const f of verbForms(lemma)) if (!map.has(f)) map.set(f, { lemma, key, verb: true });
    for (const n of nouns) {
      map.set(n, { lemma, key, verb: false });
      if (!n.endsWith('s')) map.set(`${n}s`, { lemma, key, verb: false });
    }
  }
  return map;
})();

/** `suspend` → `suspends`: the present tense a headline-like name uses. */
export function thirdPerson(lemma: string): string {
  if (/(?:s|sh|ch|x|z)$/.test(lemma)) return `${lemma}es`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ies`;
  return `${lemma}s`;
}

/** `close` → `closed`, `sell` → `sold`, `freeze` → `frozen`: the participle a passive headline uses. */
export function pastParticiple(lemma: string): string {
  const irregular = IRREGULAR[lemma];
  if (irregular) return irregular[irregular.length - 1];
  return regularPast(lemma, doublesLast(lemma));
}

const NOT_AN_OBJECT =
  /^(?:for|to|in|on|at|with|by|from|of|into|out|down|up|off|over|back|against|about|under|without|through|when|after|before|as|than|effective|illegal|late|early|here|there|then|again|also)$/i;

/**
 * Whether a name says who or what acted before its verb (`huge car bomb explodes`): several words,
 * not opening with an action's verb (`closes banks`) nor a `to` (`to raise tariffs`).
 */
export function saysWhoActed(name: string): boolean {
  const words = name.split(' ');
  const action = ACTION_WORDS.get(words[0]);
  return words.length >= 2 && words[0] !== 'to' && !(action?.verb === true && words[0] !== action.lemma);
}

/**
 * `closes banks` → `banks closed`: a name that opens with an action's verb, said of what underwent
 * it (for a happening no report says who did). Unchanged when it does not open with one.
 */
export function passiveName(name: string): string {
  const [first, ...rest] = name.split(' ');
  const action = ACTION_WORDS.get(first);
  if (!action?.verb || rest.length === 0 || first === action.lemma) return name;
  // What follows must be what underwent it, not how or when (`files for bankruptcy`, `closes down`).
  if (NOT_AN_OBJECT.test(rest[0])) return name;
  return `${rest.join(' ')} ${pastParticiple(action.lemma)}`;
}
