import type { Mention, Sentence, Token } from '../core/types.js';
import { loadModel, tagDocument } from './ner/model.js';
import { resolveEntities } from './ner/resolve.js';
import { entitySpans } from './ner/spans.js';

/*
 * Entity mentions: the trained tagger (src/nlp/ner/tagger.ts) labels each sentence PER/ORG/LOC/MISC;
 * ner/spans.ts turns the labels into repaired PERSON/ORG/LOC spans; ner/resolve.ts types LOC as
 * COUNTRY or PLACE and gives every mention its canonical name within the document.
 */

/** PERSON, COUNTRY, PLACE and ORG mentions, each with its canonical `entity` resolved within the document. */
export function findEntities(text: string, tokens: Token[], sentences: Sentence[]): Mention[] {
  if (!tokens.length) return [];
  const words = sentences.map((s) => {
    const w = new Array<string>(s.tokenEnd - s.tokenStart);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) w[i - s.tokenStart] = tokens[i].text;
    return w;
  });
  const model = loadModel();
  const labels = tagDocument(model, words);
  return resolveEntities(text, tokens, sentences, entitySpans(text, tokens, sentences, words, labels, model.lex));
}
