/**
 * Stage 3b: quotations inside quotations. A speaker often reports someone else's words in single quotation marks
 * ("Schumer told me, ‘We will not bring this bill to the floor,’ and I believe him," Lopez said). The outer quote
 * stays the outer speaker's; the inner one is also the inner speaker's, when the words just before it inside the
 * outer quote name who said it with a speech verb ("Schumer told me,", "the White House said:"). Only a name is
 * taken, never a pronoun or a role noun: inside someone else's words, "he" and "the senator" cannot be resolved
 * safely against the article's names.
 */
import type { Paragraph, Token } from '../corpus/types.js';
import type { Named, RawQuote } from './attribute.js';
import { SPEECH_VERBS } from './lexicon.js';
import { isSpace, isWordChar } from './marks.js';
import { phraseEndingAt, refOfPhrase, wrapToken, wrappedTokens, type Tok } from './phrases.js';

/** Who may be told between the speech verb and the quotation ("told me", "said to reporters"). */
const LISTENERS = new Set(['me', 'us', 'him', 'her', 'them', 'reporters', 'journalists', 'to']);

/** Single-quoted spans of `text` [from, to): offsets of the opening mark and of the closing one. */
function singleQuoted(text: string, from: number, to: number): { open: number; close: number }[] {
  const out: { open: number; close: number }[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== '‘' && c !== '’' && c !== "'") continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (open < 0) {
      // An opening mark follows a space or bracket and precedes a word; ’ and ' inside words are apostrophes.
      if ((c === '‘' || c === "'") && (i === from || isSpace(prev) || prev === '(') && isWordChar(next))
        open = i;
    } else if ((c === '’' || c === "'") && !isSpace(prev) && !isWordChar(next)) {
      out.push({ open, close: i });
      open = -1;
    }
  }
  return out;
}

/**
 * The quotations inside a direct quotation of paragraph `p` (document offsets `outer.start`..`outer.end`) whose
 * speaker the outer quotation names just before them.
 */
export function nestedQuotes(
  p: Paragraph,
  outer: Pick<RawQuote, 'start' | 'end'>,
  documentId: string,
  comment: number | null,
): { quote: RawQuote; speaker: Named }[] {
  const base = p.start;
  const text = p.text;
  const inner = singleQuoted(text, outer.start - base, outer.end - base);
  if (inner.length === 0) return [];
  const tokens: Token[] = [];
  for (const s of p.sentences)
    for (const t of s.tokens) if (t.start >= outer.start && t.end <= outer.end) tokens.push(t);
  const out: { quote: RawQuote; speaker: Named }[] = [];
  for (const span of inner) {
    const open = base + span.open;
    // The outer quotation's words before this inner one, read as plain text (no quotation around them).
    let n = 0;
    let floor = 0;
    for (const t of tokens) {
      if (t.end > open) break;
      // An earlier inner quotation bounds the phrase: its words are not the speaker's name.
      if (isInside(t, inner, base, span)) floor = n + 1;
      wrapToken(n++, t, -1, false);
    }
    const toks = wrappedTokens(n);
    let k = n - 1;
    while (
      k >= floor &&
      (toks[k] as Tok).pos === 'PUNCT' &&
      ((toks[k] as Tok).text === ',' || (toks[k] as Tok).text === ':')
    )
      k--;
    // "told me", "said to reporters": at most two words for the listener.
    for (let skipped = 0; skipped < 2 && k >= floor && LISTENERS.has((toks[k] as Tok).normal); skipped++) k--;
    const verb = toks[k];
    if (verb === undefined || k < floor || verb.pos !== 'VERB' || !SPEECH_VERBS.has(verb.lemma.toLowerCase()))
      continue;
    const from = phraseEndingAt(toks, k, floor);
    if (from >= k) continue;
    const ref = refOfPhrase(toks, from, k, text, base);
    if (ref === null || ref.type !== 'name') continue;
    let s = span.open + 1;
    let e = span.close;
    // Trailing punctuation inside the marks belongs to the outer sentence ("…to the floor,’ and I").
    while (e > s && (isSpace(text[e - 1]) || text[e - 1] === ',')) e--;
    while (s < e && isSpace(text[s])) s++;
    if (e <= s) continue;
    const speaker: Named = {
      name: ref.name,
      title: ref.title,
      role: ref.role,
      org: ref.org,
      documentId,
      comment,
      at: ref.start,
    };
    out.push({ quote: { speaker, start: base + s, end: base + e, kind: 'direct', paragraph: p }, speaker });
  }
  return out;
}

/** Whether token t lies inside one of the inner spans before `current`. */
function isInside(
  t: Token,
  spans: readonly { open: number; close: number }[],
  base: number,
  current: { open: number },
): boolean {
  for (const s of spans) {
    if (s.open >= current.open) break;
    if (t.start >= base + s.open && t.end <= base + s.close + 1) return true;
  }
  return false;
}
