/**
 * Sentences and tokens from wink-nlp (English lite model): one pass of the tokenizer over each paragraph,
 * shared by every engine. Offsets are recovered from wink's lossless tokenization (preceding spaces + value).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, Token } from '../corpus/types.js';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/**
 * Lemmas by (value, pos): wink-nlp computes a lemma on demand from the token's value and part of speech (a
 * contraction's lemma comes from the token itself, so those are read directly), so a cache is exact and spares
 * most of the lemmatizer's work on a large corpus. Cleared when it grows past a bound.
 */
const lemmaCache = new Map<string, Map<string, string>>();
let lemmaCacheSize = 0;
const LEMMA_CACHE_LIMIT = 200_000;

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
  const contractions = tokens.out(its.contractionFlag as unknown as typeof its.value) as unknown as boolean[];
  if (lemmaCacheSize > LEMMA_CACHE_LIMIT) {
    lemmaCache.clear();
    lemmaCacheSize = 0;
  }
  const all: Token[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    cursor += (spaces[i] as string).length;
    let verbatim = text.startsWith(value, cursor);
    if (!verbatim) {
      // wink-nlp reconstructs text losslessly; this guards against inputs where it does not.
      const found = text.indexOf(value, cursor);
      verbatim = found !== -1;
      cursor = found === -1 ? cursor : found;
    }
    const start = Math.min(cursor, text.length);
    const end = Math.min(start + value.length, text.length);
    all[i] = {
      // The value is the text at these offsets when found there: no copy (wink shares its strings across tokens).
      text: verbatim ? value : text.slice(start, end),
      start: offset + start,
      end: offset + end,
      pos: pos[i] as string,
      type: types[i] as string,
      normal: value.toLowerCase(),
      lemma: lemmaOf(tokens, i, value, pos[i] as string, contractions[i] === true),
    };
    cursor = end;
  }
  const sentences: Sentence[] = [];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    const toks = all.slice(first, last + 1);
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

type Tokens = ReturnType<ReturnType<typeof nlp.readDoc>['tokens']>;

function lemmaOf(tokens: Tokens, i: number, value: string, pos: string, contraction: boolean): string {
  if (contraction) return readLemma(tokens, i, value);
  let byValue = lemmaCache.get(pos);
  if (byValue === undefined) lemmaCache.set(pos, (byValue = new Map()));
  const known = byValue.get(value);
  if (known !== undefined) return known;
  const lemma = readLemma(tokens, i, value);
  byValue.set(value, lemma);
  lemmaCacheSize++;
  return lemma;
}

function readLemma(tokens: Tokens, i: number, value: string): string {
  const lemma = tokens.itemAt(i).out(its.lemma as unknown as typeof its.value) as string | undefined;
  return lemma ?? value.toLowerCase();
}

/** A bare pass of the tokenizer, the floor the analysis is measured against. */
export function bareTokenizerPass(text: string): number {
  return nlp.readDoc(text).tokens().length();
}
