/**
 * A compact, columnar form of a parsed document, for the analysis cache: the text once, paragraphs as offset
 * columns, sentences and tokens as counts and small codes, and only the strings that cannot be derived from the
 * text (a lemma that differs from the lower-cased token, a slice that is not verbatim).
 * Token offsets are stored as one byte each: the gap since the previous token's end (or the paragraph's start)
 * and the length; the rare value outside 0..254 goes to a sparse list. A sentence's offsets are its first and
 * last tokens' unless listed. Part of speech and token type are codes into per-document string tables.
 * That keeps a cached article at a few KB beside its text (four bytes a token, against ~100 for the objects).
 * `expandDocument(compactDocument(doc))` is deep-equal to `doc`. Pure: no fs, no clock.
 */
import type {
  BlockRole,
  CorpusDocument,
  DocumentMeta,
  Paragraph,
  ReaderComment,
  Sentence,
  Token,
} from './types.js';

/** Bumped when the shape below changes (the cache key includes it). */
export const COMPACT_FORMAT = 1;

/** Stands for `null` in an Int32 column (a comment number is never this small). */
const NULL_INT = -2147483648;

type Codes = Uint8Array | Uint16Array;

export interface CompactComment {
  readonly index: number;
  readonly author: string | null;
  readonly replyTo: string | null;
  readonly replyToComment: number | null;
  readonly start: number;
  readonly end: number;
  /** How many paragraphs of the paragraph columns belong to this comment (they follow the article's). */
  readonly paragraphs: number;
}

export interface CompactDocument {
  readonly format: number;
  readonly meta: DocumentMeta;
  /** The `documentId` every paragraph carries. */
  readonly documentId: string;
  readonly text: string;
  /** Paragraph counts of body, captions and other, in that order; comment paragraphs come after them. */
  readonly lists: readonly [number, number, number];
  readonly comments: readonly CompactComment[];
  readonly roles: readonly string[];
  readonly paraRole: Codes;
  readonly paraIndex: Int32Array;
  readonly paraComment: Int32Array;
  readonly paraStart: Int32Array;
  readonly paraEnd: Int32Array;
  readonly paraSentences: Int32Array;
  readonly sentTokens: Int32Array;
  /** Start minus the previous token's end in the paragraph (or the paragraph's start), 255 = see `wide`. */
  readonly tokGap: Uint8Array;
  /** End minus start, 255 = see `wide`. */
  readonly tokLen: Uint8Array;
  /** Numbers that do not fit the byte columns, and sentence offsets that are not their tokens': (kind, index, value). */
  readonly wide: Int32Array;
  readonly posTable: readonly string[];
  readonly tokPos: Codes;
  readonly typeTable: readonly string[];
  readonly tokType: Codes;
  /** Tokens whose `normal` is not their text lower-cased (token index, value). */
  readonly normalAt: Int32Array;
  readonly normals: readonly string[];
  /** Tokens whose lemma is not their `normal`. */
  readonly lemmaAt: Int32Array;
  readonly lemmas: readonly string[];
  /** Strings that are not the document's slice at their offsets: (kind 0 paragraph | 1 sentence | 2 token, index). */
  readonly textAt: Int32Array;
  readonly texts: readonly string[];
}

const PARAGRAPH = 0;
const SENTENCE = 1;
const TOKEN = 2;

const GAP = 0;
const LEN = 1;
const SENT_START = 2;
const SENT_END = 3;
const ESCAPE = 255;

class Table {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
  column(codes: readonly number[]): Codes {
    return this.values.length <= 256 ? Uint8Array.from(codes) : Uint16Array.from(codes);
  }
}

function orNull(n: number | null): number {
  return n === null ? NULL_INT : n;
}

export function compactDocument(doc: CorpusDocument): CompactDocument {
  const { text } = doc;
  const paragraphs: Paragraph[] = [...doc.body, ...doc.captions, ...doc.other];
  for (const c of doc.comments) paragraphs.push(...c.paragraphs);
  const documentId = paragraphs[0]?.documentId ?? doc.meta.id;

  const roles = new Table();
  const pos = new Table();
  const types = new Table();
  const paraRole: number[] = [];
  const paraIndex: number[] = [];
  const paraComment: number[] = [];
  const paraStart: number[] = [];
  const paraEnd: number[] = [];
  const paraSentences: number[] = [];
  const sentTokens: number[] = [];
  const tokGap: number[] = [];
  const tokLen: number[] = [];
  const wide: number[] = [];
  const small = (kind: number, index: number, value: number): number => {
    if (value >= 0 && value < ESCAPE) return value;
    wide.push(kind, index, value);
    return ESCAPE;
  };
  const tokPos: number[] = [];
  const tokType: number[] = [];
  const normalAt: number[] = [];
  const normals: string[] = [];
  const lemmaAt: number[] = [];
  const lemmas: string[] = [];
  const textAt: number[] = [];
  const texts: string[] = [];
  const verbatim = (kind: number, index: number, s: string, start: number, end: number): void => {
    if (text.slice(start, end) !== s) {
      textAt.push(kind, index);
      texts.push(s);
    }
  };

  paragraphs.forEach((p, pi) => {
    if (p.documentId !== documentId) throw new Error('paragraphs of one document name different documents');
    paraRole.push(roles.code(p.role));
    paraIndex.push(p.index);
    paraComment.push(orNull(p.comment));
    paraStart.push(p.start);
    paraEnd.push(p.end);
    paraSentences.push(p.sentences.length);
    verbatim(PARAGRAPH, pi, p.text, p.start, p.end);
    let prevEnd = p.start;
    for (const s of p.sentences) {
      const si = sentTokens.length;
      verbatim(SENTENCE, si, s.text, s.start, s.end);
      const first = s.tokens[0];
      const last = s.tokens[s.tokens.length - 1];
      if (first?.start !== s.start) wide.push(SENT_START, si, s.start);
      if (last?.end !== s.end) wide.push(SENT_END, si, s.end);
      sentTokens.push(s.tokens.length);
      for (const t of s.tokens) {
        const ti = tokGap.length;
        verbatim(TOKEN, ti, t.text, t.start, t.end);
        tokGap.push(small(GAP, ti, t.start - prevEnd));
        tokLen.push(small(LEN, ti, t.end - t.start));
        prevEnd = t.end;
        tokPos.push(pos.code(t.pos));
        tokType.push(types.code(t.type));
        if (t.normal !== t.text.toLowerCase()) {
          normalAt.push(ti);
          normals.push(t.normal);
        }
        if (t.lemma !== t.normal) {
          lemmaAt.push(ti);
          lemmas.push(t.lemma);
        }
      }
    }
  });

  return {
    format: COMPACT_FORMAT,
    meta: doc.meta,
    documentId,
    text,
    lists: [doc.body.length, doc.captions.length, doc.other.length],
    comments: doc.comments.map((c) => ({
      index: c.index,
      author: c.author,
      replyTo: c.replyTo,
      replyToComment: c.replyToComment,
      start: c.start,
      end: c.end,
      paragraphs: c.paragraphs.length,
    })),
    roles: roles.values,
    paraRole: roles.column(paraRole),
    paraIndex: Int32Array.from(paraIndex),
    paraComment: Int32Array.from(paraComment),
    paraStart: Int32Array.from(paraStart),
    paraEnd: Int32Array.from(paraEnd),
    paraSentences: Int32Array.from(paraSentences),
    sentTokens: Int32Array.from(sentTokens),
    tokGap: Uint8Array.from(tokGap),
    tokLen: Uint8Array.from(tokLen),
    wide: Int32Array.from(wide),
    posTable: pos.values,
    tokPos: pos.column(tokPos),
    typeTable: types.values,
    tokType: types.column(tokType),
    normalAt: Int32Array.from(normalAt),
    normals,
    lemmaAt: Int32Array.from(lemmaAt),
    lemmas,
    textAt: Int32Array.from(textAt),
    texts,
  };
}

/** Sparse (index -> string) overrides as a lookup. */
function overrides(at: Int32Array, values: readonly string[]): Map<number, string> {
  const m = new Map<number, string>();
  for (let i = 0; i < at.length; i++) m.set(at[i] as number, values[i] as string);
  return m;
}

function codesFit(codes: Codes, table: readonly string[]): boolean {
  for (const x of codes) if (x >= table.length) return false;
  return true;
}

export class CompactFormatError extends Error {}

/** The document back from its compact form. Throws CompactFormatError on a form that does not hold together. */
export function expandDocument(c: CompactDocument): CorpusDocument {
  if (c.format !== COMPACT_FORMAT) throw new CompactFormatError(`compact format ${String(c.format)}`);
  const { text, documentId } = c;
  const nParagraphs = c.paraRole.length;
  const nSentences = c.sentTokens.length;
  const nTokens = c.tokGap.length;
  const columnsHold =
    [c.paraIndex, c.paraComment, c.paraStart, c.paraEnd, c.paraSentences].every(
      (a) => a.length === nParagraphs,
    ) &&
    [c.tokLen, c.tokPos, c.tokType].every((a) => a.length === nTokens) &&
    c.wide.length % 3 === 0 &&
    c.lists[0] + c.lists[1] + c.lists[2] + c.comments.reduce((n, x) => n + x.paragraphs, 0) === nParagraphs &&
    c.paraSentences.reduce((n, x) => n + x, 0) === nSentences &&
    c.sentTokens.reduce((n, x) => n + x, 0) === nTokens &&
    c.normalAt.length === c.normals.length &&
    c.lemmaAt.length === c.lemmas.length &&
    c.textAt.length === c.texts.length * 2;
  if (!columnsHold) throw new CompactFormatError('columns of different lengths');
  if (!codesFit(c.paraRole, c.roles) || !codesFit(c.tokPos, c.posTable) || !codesFit(c.tokType, c.typeTable))
    throw new CompactFormatError('a code outside its table');

  const paraText = new Map<number, string>();
  const sentText = new Map<number, string>();
  const tokText = new Map<number, string>();
  for (let i = 0; i < c.texts.length; i++) {
    const kind = c.textAt[2 * i];
    const at = c.textAt[2 * i + 1] as number;
    const value = c.texts[i] as string;
    (kind === PARAGRAPH ? paraText : kind === SENTENCE ? sentText : tokText).set(at, value);
  }
  const wide: Map<number, number>[] = [new Map(), new Map(), new Map(), new Map()];
  for (let i = 0; i + 2 < c.wide.length; i += 3)
    wide[c.wide[i] as number]?.set(c.wide[i + 1] as number, c.wide[i + 2] as number);
  const [gaps, lens, sentStarts, sentEnds] = wide as [
    Map<number, number>,
    Map<number, number>,
    Map<number, number>,
    Map<number, number>,
  ];
  const normals = overrides(c.normalAt, c.normals);
  const lemmas = overrides(c.lemmaAt, c.lemmas);

  // Repeated words share one string and one lower-cased string (less memory kept, less for the GC to mark).
  const words = new Map<string, { readonly text: string; readonly lower: string }>();
  const paragraphs: Paragraph[] = new Array<Paragraph>(nParagraphs);
  let si = 0;
  let ti = 0;
  for (let pi = 0; pi < nParagraphs; pi++) {
    const paraStart = c.paraStart[pi] as number;
    let prevEnd = paraStart;
    const sentences: Sentence[] = new Array<Sentence>(c.paraSentences[pi] as number);
    for (let k = 0; k < sentences.length; k++, si++) {
      const tokens: Token[] = new Array<Token>(c.sentTokens[si] as number);
      for (let j = 0; j < tokens.length; j++, ti++) {
        const gap = c.tokGap[ti] as number;
        const len = c.tokLen[ti] as number;
        const start = prevEnd + (gap === ESCAPE ? (gaps.get(ti) ?? gap) : gap);
        const end = start + (len === ESCAPE ? (lens.get(ti) ?? len) : len);
        prevEnd = end;
        let tokenText = tokText.get(ti);
        let normal = normals.get(ti);
        if (tokenText === undefined) {
          const slice = text.slice(start, end);
          let word = words.get(slice);
          if (word === undefined) words.set(slice, (word = { text: slice, lower: slice.toLowerCase() }));
          tokenText = word.text;
          normal ??= word.lower;
        } else normal ??= tokenText.toLowerCase();
        tokens[j] = {
          text: tokenText,
          start,
          end,
          pos: c.posTable[c.tokPos[ti] as number] as string,
          type: c.typeTable[c.tokType[ti] as number] as string,
          normal,
          lemma: lemmas.get(ti) ?? normal,
        };
      }
      const start = sentStarts.get(si) ?? (tokens[0] as Token).start;
      const end = sentEnds.get(si) ?? (tokens[tokens.length - 1] as Token).end;
      sentences[k] = { text: sentText.get(si) ?? text.slice(start, end), start, end, tokens };
    }
    const start = paraStart;
    const end = c.paraEnd[pi] as number;
    const comment = c.paraComment[pi] as number;
    paragraphs[pi] = {
      documentId,
      index: c.paraIndex[pi] as number,
      comment: comment === NULL_INT ? null : comment,
      role: c.roles[c.paraRole[pi] as number] as BlockRole,
      text: paraText.get(pi) ?? text.slice(start, end),
      start,
      end,
      sentences,
    };
  }

  const [nBody, nCaptions, nOther] = c.lists;
  let next = nBody + nCaptions + nOther;
  const comments: ReaderComment[] = c.comments.map((x) => {
    const from = next;
    next += x.paragraphs;
    return {
      index: x.index,
      author: x.author,
      replyTo: x.replyTo,
      replyToComment: x.replyToComment,
      start: x.start,
      end: x.end,
      paragraphs: paragraphs.slice(from, next),
    };
  });
  return {
    meta: c.meta,
    text,
    body: paragraphs.slice(0, nBody),
    captions: paragraphs.slice(nBody, nBody + nCaptions),
    other: paragraphs.slice(nBody + nCaptions, nBody + nCaptions + nOther),
    comments,
  };
}
