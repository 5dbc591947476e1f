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
 * What a token's value alone decides, by value: its lower-cased form, its type (wink-nlp's property of the lexeme,
 * the same for every token with this value) and its lemma under the part of speech it was first seen with (others
 * in `more`). wink-nlp computes a lemma on demand from the token's value and part of speech, so a cache is exact;
 * it spares most of the lemmatizer's work, one of wink's five per-token passes (the type) and a string per token
 * (the lower-cased form, shared by the tokens of one value). A contraction's pieces are read from the token itself,
 * never from here. Cleared when it grows past a bound.
 */
interface Lexeme {
  readonly normal: string;
  readonly type: string;
  readonly pos: string;
  readonly lemma: string;
  more: Map<string, string> | null;
}
const lexemes = new Map<string, Lexeme>();
let lexemeCacheSize = 0;
const LEXEME_CACHE_LIMIT = 200_000;

const EMPHASIS = new Set(['*', '**', '_', '__']);

export type Segmenter = (text: string, offset: number) => Sentence[];

/** Splits `text` (which starts at `offset` in its document) into sentences with tagged tokens. */
export const segment: Segmenter = (text, offset) => {
  if (text.length === 0) return [];
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  const contractions = tokens.out(its.contractionFlag as unknown as typeof its.value) as unknown as boolean[];
  if (lexemeCacheSize > LEXEME_CACHE_LIMIT) {
    lexemes.clear();
    lexemeCacheSize = 0;
  }
  const all: Token[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    const tag = pos[i] as string;
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
    let type: string;
    let normal: string;
    let lemma: string;
    if (contractions[i] === true) {
      const item = tokens.itemAt(i);
      type = item.out(its.type) as string;
      normal = value.toLowerCase();
      lemma = lemmaOfItem(item, normal);
    } else {
      let known = lexemes.get(value);
      if (known === undefined) {
        const item = tokens.itemAt(i);
        normal = value.toLowerCase();
        known = {
          normal,
          type: item.out(its.type) as string,
          pos: tag,
          lemma: lemmaOfItem(item, normal),
          more: null,
        };
        lexemes.set(value, known);
        lexemeCacheSize++;
      }
      type = known.type;
      normal = known.normal;
      if (known.pos === tag) lemma = known.lemma;
      else {
        const other = known.more?.get(tag);
        if (other !== undefined) lemma = other;
        else {
          lemma = lemmaOfItem(tokens.itemAt(i), normal);
          (known.more ??= new Map()).set(tag, lemma);
          lexemeCacheSize++;
        }
      }
    }
    all[i] = {
      // The value is the text at these offsets when found there: no copy (wink shares its strings across tokens).
      text: verbatim ? value : text.slice(start, end),
      start: offset + start,
      end: offset + end,
      pos: tag,
      type,
      normal,
      lemma,
    };
    cursor = end;
  }
  const sentences: Sentence[] = [];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  // Emphasis closed right after a sentence's full stop ("**Sign up for the monitoring.** TallyPoint is …") ends
  // that sentence; the tagger leaves the marks at the start of the next one.
  for (let k = 1; k < spans.length; k++) {
    const span = spans[k] as [number, number];
    let moved = 0;
    while (
      span[0] + moved < span[1] &&
      EMPHASIS.has((all[span[0] + moved] as Token).text) &&
      (all[span[0] + moved] as Token).start === (all[span[0] + moved - 1] as Token).end
    )
      moved++;
    const next = all[span[0] + moved];
    if (moved === 0 || next === undefined || next.start === (all[span[0] + moved - 1] as Token).end) continue;
    (spans[k - 1] as [number, number])[1] += moved;
    span[0] += moved;
  }
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

type Item = ReturnType<ReturnType<ReturnType<typeof nlp.readDoc>['tokens']>['itemAt']>;

function lemmaOfItem(item: Item, normal: string): string {
  const lemma = item.out(its.lemma as unknown as typeof its.value) as string | undefined;
  return lemma ?? normal;
}

/** A bare pass of the tokenizer, the floor the analysis is measured against. */
export function bareTokenizerPass(text: string): number {
  return nlp.readDoc(text).tokens().length();
}
