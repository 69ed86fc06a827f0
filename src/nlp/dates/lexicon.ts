/** Words the date recognizer and the event finder share. */

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['couple', 2], ['few', 3],
]);

/** TIMEX3 season codes by lowercase name. */
export const SEASONS: ReadonlyMap<string, 'SP' | 'SU' | 'FA' | 'WI'> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['fall', 'FA'], ['autumn', 'FA'], ['winter', 'WI'],
]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['1st', 1], ['second', 2], ['2nd', 2], ['third', 3], ['3rd', 3], ['fourth', 4], ['4th', 4],
]);

/**
 * Nouns that head a phrase naming a happening (`summit`, `pre-summit talks`). The date module uses
 * them to tie a later bare weekday to the period an earlier sentence announced for the same event.
 */
export const EVENT_NOUNS: ReadonlySet<string> = new Set([
  'summit', 'summits', 'talks', 'meeting', 'meetings', 'conference', 'conferences', 'interview', 'ceremony',
  'ceremonies', 'visit', 'visits', 'trip', 'election', 'elections', 'vote', 'referendum', 'test', 'tests',
  'attack', 'attacks', 'sanctions', 'discussion', 'discussions', 'session', 'sessions', 'negotiations',
  'forum', 'rally', 'protest', 'protests', 'parade', 'festival', 'games', 'tournament', 'match', 'launch',
  'inauguration', 'funeral', 'hearing', 'trial', 'strike', 'strikes', 'bombing', 'bombings', 'explosion',
  'explosions', 'drill', 'drills', 'exercise', 'exercises', 'tour', 'dialogue', 'consultations', 'event',
  'meet', 'gathering', 'convention', 'congress', 'assembly', 'debate', 'speech', 'address', 'briefing',
  'celebration', 'celebrations', 'anniversary', 'signing', 'crash', 'earthquake', 'invasion', 'war',
  'raid', 'shooting', 'massacre', 'coup', 'contact', 'negotiation', 'exchange', 'exchanges',
]);
