/**
 * Sentences and tokens from wink-nlp (English lite model): one pass of the tokenizer over each paragraph,
 * shared by every engine. Offsets are recovered from wink's lossless tokenization (preceding spaces + value).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, Token } from '../corpus/types.js';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

export type Segmenter = (text: string, offset: number) => Sentence[];

/** Splits `text` (which starts at `offset` in its document) into sentences with tagged tokens. */
export const segment: Segmenter = (text, offset) => {
  if (text.length === 0) return [];
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  const types = tokens.out(its.type) as string[];
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const all: Token[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    cursor += (spaces[i] as string).length;
    if (!text.startsWith(value, cursor)) {
      // wink-nlp reconstructs text losslessly; this guards against inputs where it does not.
      const found = text.indexOf(value, cursor);
      cursor = found === -1 ? cursor : found;
    }
    const start = Math.min(cursor, text.length);
    const end = Math.min(start + value.length, text.length);
    all[i] = {
      text: text.slice(start, end),
      start: offset + start,
      end: offset + end,
      pos: pos[i] as string,
      type: types[i] as string,
      normal: value.toLowerCase(),
      lemma: (lemmas[i] as string) ?? value.toLowerCase(),
    };
    cursor = end;
  }
  const sentences: Sentence[] = [];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    const toks = all.slice(first, last + 1).filter((t) => t !== undefined);
    const head = toks[0];
    const tail = toks[toks.length - 1];
    if (!head || !tail) continue;
    sentences.push({
      text: text.slice(head.start - offset, tail.end - offset),
      start: head.start,
      end: tail.end,
      tokens: toks,
    });
  }
  return sentences;
};

/** A bare pass of the tokenizer, the floor the analysis is measured against. */
export function bareTokenizerPass(text: string): number {
  return nlp.readDoc(text).tokens().length();
}
