import { describe, expect, it } from 'vitest';
import { compileQuery, describeQuery, MAX_TERMS } from '../src/search/query.js';

describe('compileQuery', () => {
  it('requires every word, each quoted as an FTS5 string', () => {
    const q = compileQuery('Hanoi summit');
    expect(q.match).toBe('"Hanoi" AND "summit"');
    expect(q.empty).toBeNull();
  });

  it('keeps "exact phrases" together', () => {
    expect(compileQuery('"Hanoi summit" talks').match).toBe('"Hanoi summit" AND "talks"');
  });

  it('binds OR tighter than the implicit AND', () => {
    expect(compileQuery('trump OR abe summit').match).toBe('("trump" OR "abe") AND "summit"');
    expect(compileQuery('a OR b OR "c d"').match).toBe('("a" OR "b" OR "c d")');
  });

  it('excludes -word, -"phrase" and NOT word', () => {
    expect(compileQuery('nuclear -Iran').match).toBe('("nuclear") NOT ("Iran")');
    expect(compileQuery('nuclear NOT Iran -"North Korea"').match).toBe('("nuclear") NOT ("Iran" OR "North Korea")');
  });

  it('turns prefix* into an FTS5 prefix query', () => {
    expect(compileQuery('denuclear*').match).toBe('"denuclear"*');
    expect(compileQuery('"hanoi sum"*').match).toBe('"hanoi sum"*');
  });

  it('makes a hyphenated or dotted word a phrase of its parts, as the index tokenized it', () => {
    expect(compileQuery('Kim Jong-un').match).toBe('"Kim" AND "Jong un"');
    expect(compileQuery('U.S.-ROK').match).toBe('"U S ROK"');
  });

  it("drops a possessive so Korea's finds Korea", () => {
    expect(compileQuery("Korea's").match).toBe('"Korea"');
    expect(compileQuery('Korea\u2019s economy').match).toBe('"Korea" AND "economy"');
  });

  it('treats operators that cannot apply as the words typed', () => {
    expect(compileQuery('OR').match).toBe('"OR"');
    expect(compileQuery('trade OR').match).toBe('"trade" AND "OR"');
    expect(compileQuery('AND oil').match).toBe('"AND" AND "oil"');
    expect(compileQuery('oil AND gas').match).toBe('"oil" AND "gas"');
    expect(compileQuery('oil NOT').match).toBe('"oil" AND "NOT"');
    // lower-case words are always words
    expect(compileQuery('war or peace').match).toBe('"war" AND "or" AND "peace"');
  });

  it('never passes FTS5 syntax through: quotes, parentheses, stars, colons, carets', () => {
    expect(compileQuery('"unbalanced quote').match).toBe('"unbalanced quote"');
    expect(compileQuery('(oil OR gas) prices').match).toBe('("oil" OR "gas") AND "prices"');
    expect(compileQuery('title:oil ^gas NEAR(a b)').match).toBe('"title oil" AND "gas" AND "NEAR" AND "a" AND "b"');
    expect(compileQuery('*').match).toBeNull();
    expect(compileQuery('a*b').match).toBe('"a b"');
  });

  it('says plainly when a query has nothing to search for', () => {
    expect(compileQuery('').empty).toMatch(/no words/);
    expect(compileQuery('?!  -- ** ()').empty).toMatch(/no words/);
    expect(compileQuery('😀🎉').empty).toMatch(/no words/);
    expect(compileQuery('-iran NOT iraq').empty).toMatch(/only excludes/);
    expect(compileQuery('-iran').match).toBeNull();
    expect(compileQuery('-iran').exclude).toBe('"iran"');
  });

  it('keeps letters of any script and folds nothing itself (the index does)', () => {
    expect(compileQuery('Kaesŏng Zürich 北朝鮮').match).toBe('"Kaesŏng" AND "Zürich" AND "北朝鮮"');
  });

  it('caps very long input to a bounded expression', () => {
    const q = compileQuery('word '.repeat(2000) + '"' + 'x '.repeat(5000));
    expect(q.groups.length).toBe(MAX_TERMS);
    expect(q.dropped).toBeGreaterThan(0);
    expect(q.match!.length).toBeLessThan(2000);
  });

  it('reads back as a query of the same language', () => {
    const q = compileQuery('"Hanoi summit" trump OR abe -iran pomp*');
    expect(describeQuery(q)).toBe('"Hanoi summit" trump OR abe pomp* -iran');
    expect(compileQuery(describeQuery(q)).match).toBe(q.match);
  });

  it('records which words were typed next to each other', () => {
    const q = compileQuery('North Korea -x South');
    expect(q.groups.map((g) => g.alternatives[0].position)).toEqual([0, 1, 3]);
  });
});
