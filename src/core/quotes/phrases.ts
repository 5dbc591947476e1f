/**
 * Stage 2: who a noun phrase names. Reads wink-nlp tokens of a paragraph (quoted tokens masked) and turns the
 * phrase around a speech verb into a reference: a name (with its title and appositive role), a pronoun, or a role
 * noun ("the ministry", "the secretary") to be resolved against the names met before.
 */
import type { Token } from '../corpus/types.js';
import { ORG_WORDS, PLACE_PREPOSITIONS, TITLE_COMPLEMENTS, TITLE_WORDS } from './lexicon.js';

export type Ref =
  | {
      readonly type: 'name';
      readonly name: string;
      readonly title: string | null;
      readonly role: string | null;
      readonly org: boolean;
      readonly start: number;
      readonly end: number;
    }
  | { readonly type: 'pronoun'; readonly word: string; readonly start: number }
  | { readonly type: 'role'; readonly noun: string; readonly start: number };

/** A paragraph's tokens with what the quote stage learned about each. */
export interface Tok extends Token {
  /** Index of the quote span the token lies in (marks included), or -1. */
  readonly quote: number;
  readonly mark: boolean;
  /** Starts with a capital letter. */
  readonly cap: boolean;
}

const CAPITAL = /^\p{Lu}/u;

/** Whether `s` starts with an upper-case letter (/^\p{Lu}/u), without a regex for ASCII. */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITAL.test(s);
}

/**
 * A corpus token seen by the quote stage: a thin wrapper (the token is not copied) with the quote span it lies in.
 * One is made per token of the corpus, so it is kept small.
 */
export class QuoteTok implements Tok {
  constructor(
    private readonly t: Token,
    readonly quote: number,
    readonly mark: boolean,
  ) {}
  get text(): string {
    return this.t.text;
  }
  get start(): number {
    return this.t.start;
  }
  get end(): number {
    return this.t.end;
  }
  get pos(): string {
    return this.t.pos;
  }
  get type(): string {
    return this.t.type;
  }
  get normal(): string {
    return this.t.normal;
  }
  get lemma(): string {
    return this.t.lemma;
  }
  get cap(): boolean {
    return startsUpper(this.t.text);
  }
}

const isPossessive = (t: Tok | undefined) =>
  t !== undefined && (t.normal === "'s" || t.normal === '’s' || t.normal === "'" || t.normal === '’');
const stripPossessive = (s: string) => s.replace(/['’]s?$/u, '');
const capitalised = (t: Tok) => t.cap;
export const isNameToken = (t: Tok | undefined): boolean =>
  t !== undefined &&
  t.quote < 0 &&
  (t.pos === 'PROPN' || (capitalised(t) && (t.pos === 'NOUN' || t.pos === 'ADJ') && t.type === 'word'));
const adjacent = (a: Tok, b: Tok) => a.end === b.start;

/** A name token, or a capitalised word the tagger got wrong right after one ("Rebecca Moor/VERB"). */
export function nameAt(toks: readonly Tok[], i: number): boolean {
  const t = toks[i];
  if (isNameToken(t)) return true;
  return (
    t !== undefined &&
    t.quote < 0 &&
    t.type === 'word' &&
    capitalised(t) &&
    isNameToken(toks[i - 1]) &&
    !TITLE_WORDS.has(t.normal)
  );
}

/** Joins tokens as written (hyphenated names keep their hyphens, spaces become single spaces). */
export function joinTokens(text: string, toks: readonly Tok[], base: number): string {
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last) return '';
  return text.slice(first.start - base, last.end - base).replace(/\s+/g, ' ');
}

/** The end (exclusive) of a capitalised run starting at i, joining hyphen pieces ("Kassym-Jomart"). */
function runEnd(toks: readonly Tok[], i: number): number {
  let j = i;
  while (j < toks.length) {
    const t = toks[j] as Tok;
    if (nameAt(toks, j)) {
      j++;
      continue;
    }
    const n = toks[j + 1];
    if (
      (t.text === '-' || t.text === '‐') &&
      n &&
      isNameToken(n) &&
      adjacent(toks[j - 1] as Tok, t) &&
      adjacent(t, n)
    ) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/**
 * Splits a capitalised run (already without a leading determiner) into a title and a name:
 * "US Secretary of State Antony Blinken" -> title "US Secretary of State", name "Antony Blinken".
 */
export function splitTitle(
  words: readonly Tok[],
  text: string,
  base: number,
): { title: string | null; name: Tok[]; org: boolean } {
  const head = [...words].reverse().find((w) => w.type === 'word');
  const org =
    (head !== undefined && ORG_WORDS.has(head.normal)) ||
    (words.length === 1 &&
      /^[\p{Lu}.]{2,}$/u.test(words[0]?.text ?? '') &&
      (words[0]?.text.length ?? 0) <= 6);
  if (org) return { title: null, name: [...words], org: true };
  let lastTitle = -1;
  words.forEach((w, i) => {
    if (w.type === 'word' && (TITLE_WORDS.has(w.normal) || (w.pos !== 'PROPN' && !capitalised(w))))
      lastTitle = i;
  });
  let nameStart = lastTitle + 1;
  // "Secretary of State Antony Blinken", "Ambassador to America Anatoly Antonov": the complement belongs to the title.
  const afterTitleAdp = words.slice(0, nameStart + 1).some((w) => w.pos === 'ADP');
  if (afterTitleAdp) {
    while (words.length - nameStart > 2) nameStart++;
    while (nameStart < words.length && TITLE_COMPLEMENTS.has((words[nameStart] as Tok).normal)) nameStart++;
  }
  while (nameStart < words.length && (words[nameStart] as Tok).type !== 'word') nameStart++;
  const name = words.slice(nameStart).filter((w) => w.pos !== 'ADP');
  let titleFrom = 0;
  // A title starts at a capitalised word or a title word: "first time Biden" has no title.
  while (
    titleFrom < nameStart &&
    !capitalised(words[titleFrom] as Tok) &&
    !TITLE_WORDS.has((words[titleFrom] as Tok).normal)
  )
    titleFrom++;
  let titleTo = nameStart;
  while (titleTo > titleFrom && (words[titleTo - 1] as Tok).type !== 'word') titleTo--;
  const titleToks = words.slice(titleFrom, titleTo);
  return { title: titleToks.length > 0 ? joinTokens(text, titleToks, base) : null, name, org: false };
}

/**
 * The noun phrase ending at token `end` (inclusive), read leftwards: capitalised runs, titles, "of"/"to" inside
 * titles, adjectives and nouns, and a determiner at its start.
 */
export function phraseEndingAt(toks: readonly Tok[], end: number, floor: number): number {
  let i = end;
  while (i - 1 >= floor) {
    const t = toks[i - 1] as Tok;
    if (t.quote >= 0) break;
    if (
      t.pos === 'PROPN' ||
      t.pos === 'NOUN' ||
      t.pos === 'ADJ' ||
      t.pos === 'NUM' ||
      nameAt(toks, i - 1) ||
      isPossessive(t)
    ) {
      i--;
      continue;
    }
    if (
      (t.text === '-' && adjacent(t, toks[i] as Tok)) ||
      ((t.normal === 'of' || t.normal === 'to' || t.normal === 'for') &&
        isNameToken(toks[i]) &&
        i - 2 >= floor &&
        (toks[i - 2]?.pos === 'PROPN' || toks[i - 2]?.pos === 'NOUN'))
    ) {
      i--;
      continue;
    }
    if (t.pos === 'DET') i--;
    break;
  }
  return i;
}

/** Reads the phrase toks[from, to) as a reference. */
export function refOfPhrase(
  toks: readonly Tok[],
  from: number,
  to: number,
  text: string,
  base: number,
): Ref | null {
  let s = from;
  while (s < to && ((toks[s] as Tok).pos === 'DET' || (toks[s] as Tok).pos === 'PUNCT')) s++;
  if (s >= to) return null;
  const first = toks[s] as Tok;
  if (to - s === 1 && first.pos === 'PRON')
    return { type: 'pronoun', word: first.normal, start: first.start };
  // A possessor names the speaker: "Putin's remarks".
  for (let k = s; k < to; k++) {
    if (isPossessive(toks[k + 1]) || /['’]s$/u.test((toks[k] as Tok).text)) {
      const rs = runStart(toks, k, s);
      if (rs <= k && isNameToken(toks[k])) return nameRef(toks, rs, k + 1, text, base, null);
    }
  }
  // "Sen. Jon Tester of Montana", "Mayor Ana Ruiz from Riverton": a person's name followed by where they come
  // from. Not "Secretary of State" (a title) nor "Bank of America" (a body's name), whose head word says so.
  for (let j = to - 2; j > s; j--) {
    const prep = toks[j] as Tok;
    if (prep.pos !== 'ADP' || (prep.normal !== 'of' && prep.normal !== 'from')) continue;
    const place = toks.slice(j + 1, to);
    const head = toks[j - 1] as Tok;
    if (
      place.length > 3 ||
      !place.every((t) => isNameToken(t)) ||
      !isNameToken(head) ||
      TITLE_WORDS.has(head.normal) ||
      ORG_WORDS.has(head.normal)
    )
      break;
    const rs = runStart(toks, j - 1, s);
    if (j - rs >= 2 || (rs > s && TITLE_WORDS.has((toks[rs - 1] as Tok).normal))) {
      const from = titleStart(toks, rs, s);
      return nameRef(
        toks,
        from,
        j,
        text,
        base,
        s < from ? joinTokens(text, toks.slice(s, from), base) : null,
      );
    }
    break;
  }
  // The last capitalised run of the phrase is the name; what precedes it is its title.
  let k = to - 1;
  while (k >= s && !nameAt(toks, k)) k--;
  if (k >= s && k === to - 1) {
    const rs = titleStart(toks, runStart(toks, k, s), s);
    return nameRef(toks, rs, k + 1, text, base, s < rs ? joinTokens(text, toks.slice(s, rs), base) : null);
  }
  // No name at the end: a role noun ("the ministry", "the statement", "a spokesman").
  const head = toks[to - 1] as Tok;
  if (head.pos === 'NOUN' || head.pos === 'PROPN') {
    // An organisation named with lower-case words in a proper phrase ("the Russian Foreign Ministry") is a name.
    if (k >= s && toks.slice(s, to).every((t) => isNameToken(t) || t.pos === 'ADP'))
      return nameRef(toks, s, to, text, base, null);
    return { type: 'role', noun: head.lemma.toLowerCase(), start: (toks[s] as Tok).start };
  }
  return null;
}

function runStart(toks: readonly Tok[], k: number, floor: number): number {
  let i = k;
  while (
    i - 1 >= floor &&
    (isNameToken(toks[i - 1]) ||
      ((toks[i - 1] as Tok).text === '-' && adjacent(toks[i - 1] as Tok, toks[i] as Tok)))
  )
    i--;
  return i;
}

/** Extends a run left over "of"/"to" links inside a title ("Secretary of State Antony Blinken"). */
export function titleStart(toks: readonly Tok[], rs: number, floor: number): number {
  let i = rs;
  while (i - 2 >= floor) {
    const link = toks[i - 1] as Tok;
    if (!['of', 'to', 'for'].includes(link.normal) || !isNameToken(toks[i - 2])) break;
    const before = runStart(toks, i - 2, floor);
    if (!toks.slice(before, i - 1).some((t) => TITLE_WORDS.has(t.normal))) break;
    i = before;
  }
  // Lower-case title words before the run ("diplomatic spokesman Ned Price").
  while (
    i - 1 >= floor &&
    ((toks[i - 1] as Tok).pos === 'NOUN' || (toks[i - 1] as Tok).pos === 'ADJ' || isNameToken(toks[i - 1]))
  )
    i--;
  return i;
}

function nameRef(
  toks: readonly Tok[],
  from: number,
  to: number,
  text: string,
  base: number,
  extraTitle: string | null,
): Ref | null {
  const words = toks.slice(from, to);
  const split = splitTitle(words, text, base);
  if (split.name.length === 0) {
    const noun = words[words.length - 1];
    return noun ? { type: 'role', noun: noun.normal, start: (words[0] as Tok).start } : null;
  }
  const nameToks = split.name;
  const name = stripPossessive(joinTokens(text, nameToks, base));
  const title = [extraTitle, split.title].filter(Boolean).join(' ') || null;
  // "The employers' association, Portline, said": an appositive that names a kind of body makes the name one.
  const apposition = extraTitle?.match(/([\p{L}'’-]+)\s*,\s*$/u)?.[1]?.toLowerCase();
  const org = split.org || (apposition !== undefined && ORG_WORDS.has(apposition));
  return {
    type: 'name',
    name,
    title,
    role: null,
    org,
    start: (nameToks[0] as Tok).start,
    end: (nameToks[nameToks.length - 1] as Tok).end,
  };
}

/** True when the capitalised run at i sits in a fronted adverbial ("In Belarus"), so it is not a subject. */
export function afterPreposition(toks: readonly Tok[], i: number): boolean {
  let k = i - 1;
  while (
    k >= 0 &&
    ((toks[k] as Tok).pos === 'DET' ||
      (toks[k] as Tok).pos === 'ADJ' ||
      (toks[k] as Tok).pos === 'CCONJ' ||
      (toks[k] as Tok).pos === 'ADV' ||
      isNameToken(toks[k]))
  )
    k--;
  const t = toks[k];
  return t !== undefined && t.pos === 'ADP' && PLACE_PREPOSITIONS.has(t.normal);
}

export { runEnd, runStart, isPossessive };
