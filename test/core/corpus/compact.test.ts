import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CompactFormatError,
  compactDocument,
  expandDocument,
  type CompactDocument,
} from '../../../src/core/corpus/compact.js';
import type { CorpusDocument, Paragraph, Sentence, Token } from '../../../src/core/corpus/types.js';
import { buildCorpus } from '../../../src/core/corpus/corpus.js';
import { loadCorpusFolder } from '../../../src/data/corpus-loader.js';
import { doc, SEEDS } from '../../helpers/corpus.js';

/** The seeds parsed (without the cross-document engines, which this file does not need). */
const seedCorpus = () => loadCorpusFolder(SEEDS).then((f) => buildCorpus(f.inputs));

const roundTrip = (d: CorpusDocument): CorpusDocument => expandDocument(compactDocument(d));

/** A hand-built document: one body paragraph over `text` with the given sentences. */
function handBuilt(text: string, sentences: Sentence[], extra: Partial<Paragraph> = {}): CorpusDocument {
  const body: Paragraph = {
    documentId: 'hand',
    index: 1,
    comment: null,
    role: 'body',
    text,
    start: 0,
    end: text.length,
    sentences,
    ...extra,
  };
  return {
    meta: {
      id: 'hand',
      file: 'hand.txt',
      title: 'Hand',
      outlet: null,
      author: null,
      published: null,
      publishedInferred: false,
      kind: 'news',
    },
    text,
    body: [body],
    captions: [],
    other: [],
    comments: [],
  };
}

function token(text: string, start: number, end: number, over: Partial<Token> = {}): Token {
  return {
    text: text.slice(start, end),
    start,
    end,
    pos: 'NOUN',
    type: 'word',
    normal: text.slice(start, end).toLowerCase(),
    lemma: text.slice(start, end).toLowerCase(),
    ...over,
  };
}

describe('GIVEN every seed document', () => {
  it('THEN expanding its compact form gives the same document, field for field', async () => {
    const corpus = await seedCorpus();
    expect(corpus.documents.length).toBeGreaterThan(0);
    for (const d of corpus.documents) expect(roundTrip(d)).toStrictEqual(d);
  });

  it('THEN the token columns take a few bytes a token', async () => {
    const corpus = await seedCorpus();
    for (const d of corpus.documents) {
      const c = compactDocument(d);
      const tokens = d.body.reduce((n, p) => n + p.sentences.reduce((m, s) => m + s.tokens.length, 0), 0);
      expect(c.tokGap.length).toBeGreaterThanOrEqual(tokens);
      // Nearly every offset fits the byte columns.
      expect(c.wide.length / 3).toBeLessThan(c.tokGap.length / 20 + 5);
    }
  });
});

describe('GIVEN documents parsed from written passages', () => {
  const table: Record<string, string> = {
    'a news paragraph': 'Title Here\n\nOfficials said on Tuesday that the talks “went well,” and left.\n',
    'a long run of spaces inside a paragraph': `Title\n\nA sentence.${' '.repeat(600)}Another one follows it.\n`,
    'a single 400-character word': `Title\n\nSee ${'x'.repeat(400)} now.\n`,
    'a comment thread': [
      'Headline of the story',
      '',
      'The minister spoke at length.',
      '',
      'Comments',
      '',
      '1. Anna says:',
      'I disagree with this.',
      '',
      '2. Ben says:',
      '@Anna You are wrong. “I disagree with this.”',
    ].join('\n'),
    'mixed scripts and right-to-left text':
      'Заголовок\n\nОн сказал: «Нет». قال الوزير إن المحادثات مستمرة. 他说了。\n',
    'zero-width characters and a lone surrogate':
      'Title\n\nWord\u200bjoined \ud800 and\u2060more text here.\n',
  };
  it.each(Object.entries(table))('GIVEN %s THEN the round trip is exact', (_name, text) => {
    const d = doc(text);
    expect(roundTrip(d)).toStrictEqual(d);
  });

  it('THEN any text round-trips exactly (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constant('\n\n')),
          {
            maxLength: 12,
          },
        ),
        (parts) => {
          const d = doc(`Title\n\n${parts.join(' ')}`);
          expect(roundTrip(d)).toStrictEqual(d);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('GIVEN hand-built documents outside what the parser makes', () => {
  const text = 'Alpha beta gamma.';
  const table: { name: string; d: CorpusDocument }[] = [
    {
      name: 'a token whose text is not the slice at its offsets',
      d: handBuilt(text, [{ text, start: 0, end: 17, tokens: [token(text, 0, 5, { text: 'ALPHA!' })] }]),
    },
    {
      name: 'a sentence with no tokens and offsets of its own',
      d: handBuilt(text, [{ text: 'beta', start: 6, end: 10, tokens: [] }]),
    },
    {
      name: 'overlapping tokens (a negative gap)',
      d: handBuilt(text, [{ text, start: 0, end: 17, tokens: [token(text, 0, 10), token(text, 6, 17)] }]),
    },
    {
      name: 'a normal and a lemma that differ from the text',
      d: handBuilt(text, [
        { text, start: 0, end: 17, tokens: [token(text, 6, 10, { normal: 'BETA', lemma: 'be' })] },
      ]),
    },
    {
      name: 'a paragraph whose text is not the slice',
      d: handBuilt(text, [], { text: 'Something else' }),
    },
    {
      name: 'more than 256 parts of speech',
      d: handBuilt(text, [
        {
          text,
          start: 0,
          end: 17,
          tokens: Array.from({ length: 300 }, (_, i) => token(text, 0, 5, { pos: `P${i}`, type: `T${i}` })),
        },
      ]),
    },
  ];
  it.each(table)('GIVEN $name THEN the round trip is exact', ({ d }) => {
    expect(roundTrip(d)).toStrictEqual(d);
  });
});

describe('GIVEN a compact form that does not hold together', () => {
  const base = (): CompactDocument => compactDocument(doc('Title\n\nOne sentence here. And another.\n'));
  const table: { name: string; broken: () => CompactDocument }[] = [
    { name: 'another format', broken: () => ({ ...base(), format: 999 }) },
    { name: 'a token column cut short', broken: () => ({ ...base(), tokLen: base().tokLen.subarray(1) }) },
    {
      name: 'sentence counts that do not add up',
      broken: () => ({ ...base(), sentTokens: new Int32Array([1]) }),
    },
    { name: 'a part-of-speech code outside its table', broken: () => ({ ...base(), posTable: [] }) },
  ];
  it.each(table)('GIVEN $name THEN expanding it is a CompactFormatError', ({ broken }) => {
    expect(() => expandDocument(broken())).toThrow(CompactFormatError);
  });
});
