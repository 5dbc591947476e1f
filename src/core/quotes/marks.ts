/**
 * Stage 1: quotation marks. Pairs curly and straight double quotes (and single quotes outside double ones) within
 * each paragraph of a flow (the article body, or one reader comment). A double quote left open at the end
 * of a paragraph is kept only when the next paragraph opens with a quotation mark (news style for a quote running
 * over several paragraphs); otherwise it is a stray mark and dropped.
 */
import type { Paragraph } from '../corpus/types.js';

export interface QuoteSpan {
  /** Offsets of the quoted text in the document, marks excluded, whitespace trimmed. */
  readonly start: number;
  readonly end: number;
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset just after the closing mark, or the paragraph end when the quote runs on. */
  readonly close: number;
  /** Spans of one quote running over several paragraphs share a chain number. */
  readonly chain: number;
  /** True for the pieces after the first of a multi-paragraph quote. */
  readonly continued: boolean;
  /** True when the quote was not closed in this paragraph (it runs on into the next). */
  readonly runsOn: boolean;
}

export const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
export const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** “ ” " ‘ ’ ' */
const isMarkCode = (c: number) =>
  c === 0x201c || c === 0x201d || c === 0x22 || c === 0x2018 || c === 0x2019 || c === 0x27;
const MARK = /[“”"‘’']/g;
const OPENERS_BEFORE = /[\s([{\u2014\u2013\-/]/;
/** Double quotation marks: a paragraph holding one reads straight singles inside it as apostrophes or nested. */
const DOUBLE = /[“”"]/;
/** What may precede an opening straight single quote (UK house style): as for doubles, plus a colon. */
const STRAIGHT_OPENERS_BEFORE = /[\s([{\u2014\u2013\-/:]/;
/** What may follow a closing straight single quote: space, punctuation, the end; never a letter or digit. */
const STRAIGHT_CLOSERS_AFTER = /[\s,.;:?!)\]}\u2014\u2013-]/;
/** An elided year ('90s, '22) at `i`: an apostrophe rather than an opening mark. */
const isElidedYear = (text: string, i: number) =>
  /\d/.test(text[i + 1] ?? '') &&
  /\d/.test(text[i + 2] ?? '') &&
  (text[i + 3] === 's' || !isWordChar(text[i + 3]));

/**
 * Whether the first straight ' after `from` that decides anything closes a quotation for sure (after , . ? ! and
 * before a space, punctuation or the end, or after a word and before punctuation or the end) rather than opening one; apostrophes inside words are passed over.
 * The answer for the last scan is kept: a later `from` before the same deciding mark gets it without a rescan.
 */
let sureText = '';
let sureFrom = -1;
let sureAt = -1;
let sureIs = false;
function sureCloseAfter(text: string, from: number): boolean {
  if (text === sureText && from >= sureFrom && from < sureAt) return sureIs;
  sureText = text;
  sureFrom = from;
  sureAt = text.length;
  sureIs = false;
  for (let j = text.indexOf("'", from + 1); j >= 0; j = text.indexOf("'", j + 1)) {
    const prev = text[j - 1];
    const next = text[j + 1];
    if (isWordChar(prev) && isWordChar(next)) continue;
    const strong =
      ((prev === ',' || prev === '.' || prev === '?' || prev === '!') &&
        (next === undefined || STRAIGHT_CLOSERS_AFTER.test(next))) ||
      (isWordChar(prev) && (next === undefined || (!isSpace(next) && STRAIGHT_CLOSERS_AFTER.test(next))));
    const opens = (prev === undefined || STRAIGHT_OPENERS_BEFORE.test(prev)) && isWordChar(next);
    if (strong || opens) {
      sureAt = j;
      sureIs = strong;
      break;
    }
  }
  return sureIs;
}

/** Quote spans of every paragraph of a flow, in order; the map key is the paragraph's position in `paragraphs`. */
export function findQuoteSpans(paragraphs: readonly Paragraph[], nextChain: () => number): QuoteSpan[][] {
  const out: QuoteSpan[][] = paragraphs.map(() => []);
  let carry: { chain: number; paragraph: number } | null = null;
  // The paragraph being read, for push (made once per flow, not per paragraph: tsx names each closure it makes).
  let text = '';
  let spans: QuoteSpan[] = [];
  let base = 0;
  const push = (
    openIdx: number,
    closeIdx: number,
    closeEnd: number,
    runsOn: boolean,
    ch: number,
    cont: boolean,
  ) => {
    let s = openIdx + 1;
    let e = closeIdx;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e <= s) return;
    spans.push({
      start: base + s,
      end: base + e,
      open: base + openIdx,
      close: base + closeEnd,
      chain: ch,
      continued: cont,
      runsOn,
    });
  };
  paragraphs.forEach((p, pi) => {
    text = p.text;
    spans = out[pi] as QuoteSpan[];
    base = p.start;
    let openAt = -1;
    let chain = -1;
    let continued = false;
    if (carry) {
      const firstChar = text.trimStart()[0];
      if (firstChar === '“' || firstChar === '"') {
        const lead = text.length - text.trimStart().length;
        openAt = lead;
        chain = carry.chain;
        continued = true;
      } else {
        // The previous paragraph's open quote was a stray mark: drop it.
        const prev = out[carry.paragraph] as QuoteSpan[];
        if (prev.length > 0 && prev[prev.length - 1]?.runsOn) prev.pop();
      }
      carry = null;
    }
    let singleAt = -1;
    // The straight ' is also the apostrophe (don't, the agency's, '90s): it pairs as a quotation mark only
    // in a paragraph without double marks, opening before a word and closing after one, never inside a word.
    const straightSingles = !DOUBLE.test(text);
    for (let i = continued ? openAt + 1 : 0; i < text.length; i++) {
      // Only quotation marks change anything: skip to the next one.
      if (!isMarkCode(text.charCodeAt(i))) {
        // test() finds the next mark without building a match array; lastIndex is then just past it.
        MARK.lastIndex = i;
        if (!MARK.test(text)) break;
        i = MARK.lastIndex - 1;
      }
      const c = text[i];
      const prev = i > 0 ? text[i - 1] : undefined;
      const next = text[i + 1];
      if (openAt >= 0) {
        const closes =
          c === '”' ||
          (c === '"' && (!isSpace(prev) || isSpace(next))) ||
          (c === '“' && !isSpace(prev) && !OPENERS_BEFORE.test(prev ?? ' '));
        if (closes) {
          push(openAt, i, i + 1, false, chain, continued);
          openAt = -1;
          continued = false;
        } else if (c === '“') {
          // A new opening mark while one is open: the first was never closed; start again here.
          openAt = i;
          chain = nextChain();
          continued = false;
        }
        continue;
      }
      if (c === '“' || (c === '"' && (prev === undefined || OPENERS_BEFORE.test(prev)) && !isSpace(next))) {
        openAt = i;
        chain = nextChain();
        singleAt = -1;
        continue;
      }
      if (c === '‘' && (prev === undefined || OPENERS_BEFORE.test(prev)) && isWordChar(next)) {
        singleAt = i;
        continue;
      }
      if (c === '’' && singleAt >= 0 && text[singleAt] === '‘' && !isSpace(prev) && !isWordChar(next)) {
        push(singleAt, i, i + 1, false, nextChain(), false);
        singleAt = -1;
        continue;
      }
      if (c !== "'" || !straightSingles) continue;
      if (isWordChar(prev) && isWordChar(next)) continue;
      if (
        singleAt >= 0 &&
        text[singleAt] === "'" &&
        (isWordChar(prev) || prev === ',' || prev === '.' || prev === '?' || prev === '!') &&
        (next === undefined || STRAIGHT_CLOSERS_AFTER.test(next)) &&
        // "'The nurses' pay must rise,' she said": a plural possessive, when a sure closing mark follows.
        !(prev === 's' && isSpace(next) && sureCloseAfter(text, i))
      ) {
        push(singleAt, i, i + 1, false, nextChain(), false);
        singleAt = -1;
      } else if (
        singleAt < 0 &&
        (prev === undefined || STRAIGHT_OPENERS_BEFORE.test(prev)) &&
        isWordChar(next) &&
        !isElidedYear(text, i)
      ) {
        singleAt = i;
      }
    }
    if (openAt >= 0) {
      push(openAt, text.length, text.length, true, chain, continued);
      carry = { chain, paragraph: pi };
    }
  });
  if (carry !== null) {
    const c: { chain: number; paragraph: number } = carry;
    const prev = out[c.paragraph] as QuoteSpan[];
    if (prev.length > 0 && prev[prev.length - 1]?.runsOn) prev.pop();
  }
  return out;
}
