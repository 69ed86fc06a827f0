import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writtenAcronyms } from '../src/core/acronyms.js';
import { search } from '../src/search/search.js';
import { acronymDisagreements } from '../src/store/acronyms.js';
import { tempDir } from './helpers.js';
import { SearchFixture } from './search-fixture.js';

// The index stems `AIDS` as `aid` and folds `WHO` into `who`: a query typing an acronym keeps to the
// documents that write it in capitals (doc_acronyms), and says so.

describe('acronyms a text writes', () => {
  it('are two to five capitals standing alone, on a line that does not shout', () => {
    expect(writtenAcronyms("The AIDS-related costs of OPEC's members and the WHO rose.").sort()).toEqual([
      'aids',
      'opec',
      'who',
    ]);
    // Not a word in capitals longer than five letters, nor capitals inside a word or beside digits.
    expect(writtenAcronyms('TEXACO and McDONALD and G7 and F16 and A rose.')).toEqual([]);
    // A headline or a table line in capitals shouts; the next line does not.
    expect(writtenAcronyms('CANADA MOVE AIDS MARKET\nShr 12 cts vs 10 cts, the IMF said.', 'SHR 12 CTS VS 10')).toEqual(
      ['imf'],
    );
    expect(writtenAcronyms('', 'Each once: EC, EC and EC.')).toEqual(['ec']);
  });
});

describe('an acronym typed in a query', () => {
  const withFixture = (test: (fx: SearchFixture) => void): void => {
    const fx = new SearchFixture(path.join(tempDir('corpus-acronyms-'), 'a.db'));
    try {
      // Three about aid, two about AIDS; one headline shouts AIDS for aid; one WHO among five `who`.
      fx.doc({ path: 'aid1.txt', title: 'Food aid rises' }, 'Food aid to the region rose, officials who spoke said.');
      fx.doc({ path: 'aid2.txt', title: 'CANADA MOVE AIDS MARKET' }, 'The move aided the bond market, dealers said.');
      fx.doc({ path: 'aid3.txt' }, 'Farm aid was cut. Those who farm said they would vote.');
      fx.doc({ path: 'aids1.txt', title: 'Vaccine trial' }, 'An AIDS vaccine went to trial, the WHO said.');
      fx.doc({ path: 'aids2.txt' }, 'Research on AIDS drew more aid this year.');
      fx.doc({ path: 'other.txt' }, 'Wheat prices fell, traders who sell said.');
      fx.doc({ path: 'who.txt' }, 'Those who came stayed.');
      test(fx);
    } finally {
      fx.close();
    }
  };
  const paths = (fx: SearchFixture, q: string) =>
    search(fx.db, q)
      .hits.map((h) => h.path)
      .sort();

  it('matches the documents writing it in capitals, and says how to match every form', () => {
    withFixture((fx) => {
      expect(paths(fx, 'AIDS')).toEqual(['aids1.txt', 'aids2.txt']);
      const result = search(fx.db, 'AIDS');
      expect(result.total).toBe(2);
      expect(result.notices).toContain('"AIDS" matched where written in capitals; type "aids" to match every form');
      // In lower case it is the word as the index stems it.
      expect(paths(fx, 'aids')).toEqual(['aid1.txt', 'aid2.txt', 'aid3.txt', 'aids1.txt', 'aids2.txt']);
      expect(search(fx.db, 'aids').notices).toEqual([]);
      // Beside other words, and in a phrase.
      expect(paths(fx, 'AIDS vaccine')).toEqual(['aids1.txt']);
      expect(paths(fx, '"AIDS vaccine"')).toEqual(['aids1.txt']);
      // A query all in capitals shouts: its words are words.
      expect(paths(fx, 'AIDS RESEARCH')).toEqual(['aids2.txt']);
      expect(search(fx.db, 'AID RESEARCH').total).toBe(1);
      expect(paths(fx, 'FOOD AIDS')).toEqual(['aid1.txt']);
    });
  });

  it("is not a question's common word, and an OR or a prefix keeps every form", () => {
    withFixture((fx) => {
      // `who` alone beside other words is a common word a question is matched without; `WHO` is not.
      expect(paths(fx, 'who vaccine')).toEqual(['aids1.txt']);
      expect(search(fx.db, 'who vaccine').leftOut).toEqual(['who']);
      expect(paths(fx, 'WHO trial')).toEqual(['aids1.txt']);
      expect(search(fx.db, 'WHO trial').leftOut).toEqual([]);
      expect(paths(fx, 'WHO')).toEqual(['aids1.txt']);
      expect(paths(fx, 'AIDS OR wheat')).toEqual([
        'aid1.txt',
        'aid2.txt',
        'aid3.txt',
        'aids1.txt',
        'aids2.txt',
        'other.txt',
      ]);
      expect(search(fx.db, 'AIDS*').total).toBe(5);
      // A part of a word is no acronym of its own: `AIDS-related` matches as the phrase it is.
      expect(search(fx.db, 'AIDS-related').notices).toEqual([]);
      expect(search(fx.db, "AIDS's").notices).toHaveLength(1);
    });
  });

  it('keeps every form where most documents with the word write it in capitals', () => {
    withFixture((fx) => {
      fx.doc({ path: 'gatt1.txt' }, 'The GATT council met.');
      fx.doc({ path: 'gatt2.txt' }, 'GATT talks resumed.');
      fx.doc({ path: 'gatt3.txt' }, 'Gatt rules were read.');
      expect(paths(fx, 'GATT')).toEqual(['gatt1.txt', 'gatt2.txt', 'gatt3.txt']);
      expect(search(fx.db, 'GATT').notices).toEqual([]);
      expect(acronymDisagreements(fx.db)).toEqual([]);
    });
  });
});
