import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { aliasKey } from '../src/core/alias-key.js';
import { canonicalCountry, canonicalName, canonicalOrg } from '../src/nlp/aliases.js';

describe('aliasKey', () => {
  it('folds hyphens, case, diacritics and full stops', () => {
    expect(aliasKey('Kim Jong-un')).toBe(aliasKey('Kim Jong Un'));
    expect(aliasKey('KIM JONG UN')).toBe(aliasKey('Kim Jong Un'));
    expect(aliasKey('Moon Jae-in')).toBe(aliasKey('Moon Jae In'));
    expect(aliasKey('José Martí')).toBe(aliasKey('Jose Marti'));
    expect(aliasKey('U.S.')).toBe(aliasKey('US'));
  });

  it('keeps different names apart', () => {
    expect(aliasKey('Kim Jong Un')).not.toBe(aliasKey('Kim Jong Il'));
  });
});

describe('canonicalCountry', () => {
  it('resolves what a user types to the canonical country', () => {
    expect(canonicalCountry('DPRK')).toBe('North Korea');
    expect(canonicalCountry('dprk')).toBe('North Korea');
    expect(canonicalCountry('Republic of Korea')).toBe('South Korea');
    expect(canonicalCountry('ROK')).toBe('South Korea');
    expect(canonicalCountry('U.S.')).toBe('United States');
    expect(canonicalCountry('us')).toBe('United States');
    expect(canonicalCountry('America')).toBe('United States');
    expect(canonicalCountry('Soviet Union')).toBe('Soviet Union');
  });

  it('returns null for names that are not sovereign states', () => {
    expect(canonicalCountry('Kim Jong Un')).toBeNull();
    expect(canonicalCountry('Puerto Rico')).toBeNull();
    expect(canonicalName('Kim Jong Un')).toBe('Kim Jong Un');
    expect(canonicalName(' north korea ')).toBe('North Korea');
    expect(canonicalOrg('UN')).toBe('United Nations');
    expect(canonicalName('imf')).toBe('International Monetary Fund');
  });

  it('reaches neither the recognizer model nor natural through its imports', () => {
    // Walk the static import graph of aliases.ts: the search command imports it and must start fast.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
        const spec = m[1];
        if (!spec.startsWith('.')) {
          seen.add(spec);
          continue;
        }
        visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(resolve('src/nlp/aliases.ts'));
    const files = [...seen];
    expect(files.some((f) => f.includes('natural'))).toBe(false);
    expect(files.some((f) => f.endsWith('ner/model.ts') || f.endsWith('ner/tagger.ts'))).toBe(false);
  });
});
