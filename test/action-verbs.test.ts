import { describe, expect, it } from 'vitest';
import { ACTION_WORDS, passiveName, pastParticiple } from '../src/nlp/action-verbs.js';

describe('the participle a passive headline uses', () => {
  it('is regular, doubled only for a verb of one syllable, or irregular', () => {
    const forms = ['close', 'stop', 'open', 'ban', 'sell', 'freeze', 'withdraw', 'hit', 'rely'].map(pastParticiple);
    // `open` was `openned`, as a doubling rule by length alone gives.
    expect(forms).toEqual(['closed', 'stopped', 'opened', 'banned', 'sold', 'frozen', 'withdrawn', 'hit', 'relied']);
  });

  it('knows the past and -ing of each verb as news spells them', () => {
    // `lowered`, `offered`, `visited`, `opened` were read as `lowerred`, `offerred`, `visitted`, `openned`.
    const known = [
      'lowered',
      'lowering',
      'offered',
      'visited',
      'opened',
      'stopped',
      'banning',
      'expelled',
      'cancelled',
      'canceled',
      'cancelling',
    ];
    expect(known.filter((w) => ACTION_WORDS.get(w)?.verb !== true)).toEqual([]);
    expect(['lowerred', 'offerred', 'visitted', 'openned'].filter((w) => ACTION_WORDS.has(w))).toEqual([]);
    expect(ACTION_WORDS.get('lowered')?.lemma).toBe('lower');
  });

  it('turns a name that opens with the verb around, not one whose next word says how or when', () => {
    expect(passiveName('closes banks')).toBe('banks closed');
    expect(passiveName('kills seven people')).toBe('seven people killed');
    expect(passiveName('files for bankruptcy')).toBe('files for bankruptcy');
    expect(passiveName('Texaco files for bankruptcy')).toBe('Texaco files for bankruptcy');
    expect(passiveName('kills')).toBe('kills');
  });
});
