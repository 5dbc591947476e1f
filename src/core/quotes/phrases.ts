/**
 * Stage 2: who a noun phrase names. Reads wink-nlp tokens of a paragraph (quoted tokens masked) and turns the
 * phrase around a speech verb into a reference: a name (with its title and appositive role), a pronoun, or a role
 * noun ("the ministry", "the secretary") to be resolved against the names met before.
 */
import type { Token } from '../corpus/types.js';
import {
  ORG_ROLE_NOUNS,
  PERSON_ROLE_NOUNS,
  PEOPLE_NOUNS,
  ORG_WORDS,
  PLACE_PREPOSITIONS,
  TIME_ZONES,
  TITLE_COMPLEMENTS,
  POST_NOMINALS,
  TITLE_WORDS,
  VOICE_NOUNS,
} from './lexicon.js';

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
  | {
      readonly type: 'role';
      readonly noun: string;
      readonly start: number;
      /** "a spokesperson" (the article and the noun alone): someone not named before. */
      readonly indefinite?: boolean;
      /** "police said": the noun alone, without a determiner, used as a body's name; its text as written. */
      readonly bare?: string;
    };

/** A paragraph's tokens with what the quote stage learned about each. */
export interface Tok extends Token {
  /** Index of the quote span the token lies in (marks included), or -1. */
  readonly quote: number;
  readonly mark: boolean;
  /** Starts with a capital letter. */
  readonly cap: boolean;
  /** A lower-case particle between two words of a name ("von der" in "Ursula von der Leyen"). */
  readonly bridge: boolean;
}

const CAPITAL = /^\p{Lu}/u;

/** Whether `s` starts with an upper-case letter (/^\p{Lu}/u), without a regex for ASCII. */
const pool: QuoteTok[] = [];
/** The i-th reusable wrapper, set to token t: valid until the next paragraph is wrapped. */
export function wrapToken(i: number, t: Token, quote: number, mark: boolean): QuoteTok {
  const w = pool[i];
  if (w !== undefined) return w.set(t, quote, mark);
  const fresh = new QuoteTok(t, quote, mark);
  pool.push(fresh);
  return fresh;
}
const view: Tok[] = [];
/**
 * The first n wrappers set by wrapToken, as the paragraph's token array. The array itself is reused too (no copy
 * per paragraph): like the wrappers, it is valid until the next paragraph is wrapped.
 */
export function wrappedTokens(n: number): Tok[] {
  for (let i = 0; i < n; i++) view[i] = pool[i] as QuoteTok;
  view.length = n;
  return view;
}

export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITAL.test(s);
}

/**
 * A corpus token seen by the quote stage: a thin wrapper (the token is not copied) with the quote span it lies in.
 * Wrappers are reused from paragraph to paragraph (see `wrapTokens`): no Tok may be kept past its paragraph.
 */
export class QuoteTok implements Tok {
  public bridge = false;
  constructor(
    private t: Token,
    public quote: number,
    public mark: boolean,
  ) {}
  set(t: Token, quote: number, mark: boolean): this {
    this.t = t;
    this.quote = quote;
    this.mark = mark;
    this.bridge = false;
    return this;
  }
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
/** s without a final possessive ("'s", "’s", "'", "’"): s.replace(/['’]s?$/u, ''). */
function stripPossessive(s: string): string {
  let n = s.length;
  if (n === 0) return s;
  if (s.charCodeAt(n - 1) === 115 /* s */) {
    const c = s.charCodeAt(n - 2);
    if (c === 39 || c === 0x2019) return s.slice(0, n - 2);
    return s;
  }
  const c = s.charCodeAt(n - 1);
  if (c === 39 || c === 0x2019) n--;
  return n === s.length ? s : s.slice(0, n);
}
/** Ends with "'s" or "’s" (/['’]s$/u). */
function endsPossessive(s: string): boolean {
  const n = s.length;
  if (n < 2 || s.charCodeAt(n - 1) !== 115) return false;
  const c = s.charCodeAt(n - 2);
  return c === 39 || c === 0x2019;
}
const capitalised = (t: Tok) => t.cap;
export const isNameToken = (t: Tok | undefined): boolean =>
  t !== undefined &&
  t.quote < 0 &&
  (t.pos === 'PROPN' ||
    (capitalised(t) && (t.pos === 'NOUN' || t.pos === 'ADJ') && t.type === 'word') ||
    t.bridge);
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

const ODD_SPACE = /[^\S ]| {2}/;
/** text[start, end) (document offsets) with every run of whitespace as one space. */
export function joinSpan(text: string, start: number, end: number, base: number): string {
  const s = text.slice(start - base, end - base);
  return ODD_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
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

const ACRONYM = /^[\p{Lu}.]{2,}$/u;

/**
 * Splits a capitalised run toks[from, to) (already without a leading determiner) into a title and a name:
 * "US Secretary of State Antony Blinken" -> title "US Secretary of State", name "Antony Blinken". The name is
 * given by its first and last token (prepositions inside it dropped), -1 when there is none.
 */
export function splitTitle(
  toks: readonly Tok[],
  from: number,
  to: number,
  text: string,
  base: number,
): { title: string | null; nameFirst: number; nameLast: number; org: boolean } {
  // "Fiona Marsh KC", "Anita Sandhu MP": capital letters after a name of two words or more are not part of it.
  while (
    to - from >= 3 &&
    POST_NOMINALS.has((toks[to - 1] as Tok).normal) &&
    ACRONYM.test((toks[to - 1] as Tok).text) &&
    isNameToken(toks[to - 2]) &&
    isNameToken(toks[to - 3])
  )
    to--;
  const n = to - from;
  let head: Tok | undefined;
  for (let k = to - 1; k >= from; k--)
    if ((toks[k] as Tok).type === 'word') {
      head = toks[k];
      break;
    }
  const only = n === 1 ? (toks[from] as Tok) : undefined;
  // "Ministry of Finance", "Department for Transport", "University of Saskatchewan": a kind of body and what it is of.
  const lead = toks[from] as Tok;
  const link = toks[from + 1]?.normal;
  const org =
    (head !== undefined && ORG_WORDS.has(head.normal)) ||
    (only !== undefined && ACRONYM.test(only.text) && only.text.length <= 6) ||
    (n >= 3 && capitalised(lead) && ORG_WORDS.has(lead.normal) && (link === 'of' || link === 'for'));
  if (org) return { title: null, nameFirst: n > 0 ? from : -1, nameLast: n > 0 ? to - 1 : -1, org: true };
  let lastTitle = -1;
  for (let i = 0; i < n; i++) {
    const w = toks[from + i] as Tok;
    if (
      w.type === 'word' &&
      !w.bridge &&
      !bodyLink(toks, from + i, from, to) &&
      (TITLE_WORDS.has(w.normal) || (w.pos !== 'PROPN' && !capitalised(w)))
    )
      lastTitle = i;
  }
  let nameStart = lastTitle + 1;
  // "Secretary of State Antony Blinken", "Ambassador to America Anatoly Antonov": the complement belongs to the title.
  let afterTitleAdp = false;
  for (let i = 0; i < n && i <= nameStart && !afterTitleAdp; i++)
    afterTitleAdp = (toks[from + i] as Tok).pos === 'ADP';
  if (afterTitleAdp) {
    while (n - nameStart > 2) nameStart++;
    while (nameStart < n && TITLE_COMPLEMENTS.has((toks[from + nameStart] as Tok).normal)) nameStart++;
  }
  while (nameStart < n && (toks[from + nameStart] as Tok).type !== 'word') nameStart++;
  let nameFirst = -1;
  let nameLast = -1;
  for (let i = nameStart; i < n; i++)
    if ((toks[from + i] as Tok).pos !== 'ADP') {
      if (nameFirst < 0) nameFirst = from + i;
      nameLast = from + i;
    }
  let titleFrom = 0;
  // A title starts at a capitalised word or a title word: "first time Biden" has no title.
  while (
    titleFrom < nameStart &&
    !capitalised(toks[from + titleFrom] as Tok) &&
    !TITLE_WORDS.has((toks[from + titleFrom] as Tok).normal)
  )
    titleFrom++;
  let titleTo = nameStart;
  while (titleTo > titleFrom && (toks[from + titleTo - 1] as Tok).type !== 'word') titleTo--;
  const title =
    titleTo > titleFrom
      ? joinSpan(text, (toks[from + titleFrom] as Tok).start, (toks[from + titleTo - 1] as Tok).end, base)
      : null;
  return { title, nameFirst, nameLast, org: false };
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

const QUESTION_MARK = /^Q[.):]?$/;

/**
 * The noun a plural of people stands for ("officials" -> "official", "analysts" -> "analyst", "witnesses" ->
 * "witness"), or null.
 */
function plural(word: string): string | null {
  if (!word.endsWith('s')) return null;
  const one = word.slice(0, -1);
  if (PERSON_ROLE_NOUNS.has(one) || PEOPLE_NOUNS.has(one)) return one;
  const shorter = word.endsWith('es') ? word.slice(0, -2) : '';
  if (PERSON_ROLE_NOUNS.has(shorter) || PEOPLE_NOUNS.has(shorter)) return shorter;
  return null;
}

/** Reads the phrase toks[from, to) as a reference. */
export function refOfPhrase(
  toks: readonly Tok[],
  from: number,
  to: number,
  text: string,
  base: number,
): Ref | null {
  // "Q. Councillor Hayes says …": an interview's question mark opening the paragraph is no part of a title.
  let s = from === 0 && to > 1 && QUESTION_MARK.test((toks[0] as Tok).text) ? 1 : from;
  while (s < to && ((toks[s] as Tok).pos === 'DET' || (toks[s] as Tok).pos === 'PUNCT')) s++;
  if (s >= to) return null;
  const first = toks[s] as Tok;
  if (to - s === 1 && first.pos === 'PRON')
    return { type: 'pronoun', word: first.normal, start: first.start };
  // A possessor names the speaker: "Putin's remarks"; "the minister's office" speaks for the minister.
  for (let k = s; k < to; k++) {
    if (isPossessive(toks[k + 1]) || endsPossessive((toks[k] as Tok).text)) {
      const rs = runStart(toks, k, s);
      // "Albion's chief investment officer Priya Raman": the person named after the possessor speaks.
      const namedAfter = k + 2 < to && nameAt(toks, to - 1) && !isPossessive(toks[to - 1]);
      if (rs <= k && isNameToken(toks[k]) && !namedAfter) return nameRef(toks, rs, k + 1, text, base, null);
      const t = toks[k] as Tok;
      const owned = toks[to - 1] as Tok;
      if (
        t.pos === 'NOUN' &&
        TITLE_WORDS.has(t.normal) &&
        to - k <= 3 &&
        (owned.normal === 'office' || VOICE_NOUNS.has(owned.lemma.toLowerCase()))
      )
        return { type: 'role', noun: t.normal, start: (toks[s] as Tok).start };
    }
  }
  // "Sen. Jon Tester of Montana", "Mayor Ana Ruiz from Riverton": a person's name followed by where they come
  // from. Not "Secretary of State" (a title) nor "Bank of America" (a body's name), whose head word says so.
  for (let j = to - 2; j > s; j--) {
    const prep = toks[j] as Tok;
    if (prep.pos !== 'ADP' || (prep.normal !== 'of' && prep.normal !== 'from')) continue;
    const head = toks[j - 1] as Tok;
    let placeNames = true;
    for (let k = j + 1; k < to && placeNames; k++)
      placeNames =
        isNameToken(toks[k]) ||
        // "Lewis Barton of Wrexbury Parents for Choice": a body's name with its links.
        (k > j + 1 && k + 1 < to && BODY_LINKS.has((toks[k] as Tok).normal) && isNameToken(toks[k + 1]));
    if (
      to - (j + 1) > 5 ||
      !placeNames ||
      !isNameToken(head) ||
      TITLE_WORDS.has(head.normal) ||
      ORG_WORDS.has(head.normal)
    )
      break;
    const rs = runStart(toks, j - 1, s);
    if (j - rs >= 2 || (rs > s && TITLE_WORDS.has((toks[rs - 1] as Tok).normal))) {
      const from = titleStart(toks, rs, s);
      return nameRef(toks, from, j, text, base, s < from ? joinRange(text, toks, s, from, base) : null);
    }
    break;
  }
  // "Officials said", "Analysts say" opening a sentence: several people given by their role, no one's name.
  const one = toks[s] as Tok;
  if (to - s === 1 && capitalised(one) && plural(one.normal) !== null)
    return { type: 'role', noun: plural(one.normal) as string, start: one.start, indefinite: true };
  // The last capitalised run of the phrase is the name; what precedes it is its title.
  let k = to - 1;
  while (k >= s && !nameAt(toks, k)) k--;
  if (k >= s && k === to - 1) {
    let run = runStart(toks, k, s);
    // A body's name linking capitalised words ("Wrexbury Parents for Choice", "Campaign for Better Transport",
    // "University of Saskatchewan") is one name; not a title before a name ("Secretary of State Antony Blinken").
    while (
      run - 2 >= s &&
      BODY_LINKS.has((toks[run - 1] as Tok).normal) &&
      isNameToken(toks[run - 2]) &&
      !TITLE_WORDS.has((toks[run - 2] as Tok).normal)
    )
      run = runStart(toks, run - 2, s);
    const rs = titleStart(toks, run, s);
    return nameRef(toks, rs, k + 1, text, base, s < rs ? joinRange(text, toks, s, rs, base) : null);
  }
  // No name at the end: a role noun ("the ministry", "the statement", "a spokesman").
  const head = toks[to - 1] as Tok;
  if (head.pos === 'NOUN' || head.pos === 'PROPN') {
    // An organisation named with lower-case words in a proper phrase ("the Russian Foreign Ministry") is a name.
    let proper = k >= s;
    for (let m = s; m < to && proper; m++) proper = isNameToken(toks[m]) || (toks[m] as Tok).pos === 'ADP';
    if (proper) return nameRef(toks, s, to, text, base, null);
    const det = s > from ? (toks[s - 1] as Tok).normal : '';
    // "A Department of Health spokesperson", "a senior Home Office minister": someone speaking for the body.
    if ((det === 'a' || det === 'an') && k === to - 2 && VOICE_NOUNS.has(head.lemma.toLowerCase())) {
      let b = runStart(toks, k, s);
      while (b - 2 >= s && isNameToken(toks[b - 2]) && BODY_LINKS.has((toks[b - 1] as Tok).normal))
        b = runStart(toks, b - 2, s);
      let lead = true;
      for (let m = s; m < b && lead; m++)
        lead = (toks[m] as Tok).pos === 'ADJ' && !capitalised(toks[m] as Tok);
      const body = bodyRef(toks, b, k + 1, text, base);
      if (lead && body) return body;
    }
    // "A ministry spokesperson", "a company spokesman": the body the kind noun means, as "the ministry" would.
    const kind = toks[to - 2];
    if (
      (det === 'a' || det === 'an') &&
      to - s === 2 &&
      kind !== undefined &&
      kind.pos === 'NOUN' &&
      !capitalised(kind) &&
      VOICE_NOUNS.has(head.lemma.toLowerCase()) &&
      ORG_ROLE_NOUNS.has(kind.normal) &&
      !PERSON_ROLE_NOUNS.has(kind.normal)
    )
      return { type: 'role', noun: kind.normal, start: kind.start };
    const noun = head.lemma.toLowerCase();
    const role: Ref = {
      type: 'role',
      noun,
      start: (toks[s] as Tok).start,
      // "officials said", "the judges wrote": people given by their role, not the one of them named before.
      indefinite: ((det === 'a' || det === 'an') && to - s === 1) || plural(head.normal) !== null,
    };
    // Not "her office said": a possessive before the phrase determines it too.
    const lead = toks[from - 1];
    const bare =
      s === from &&
      to - s === 1 &&
      head.pos === 'NOUN' &&
      (lead === undefined || lead.pos === 'PUNCT' || lead.pos === 'CCONJ' || lead.pos === 'SCONJ');
    // "the police said": a collective body with no singular is named by its noun, with or without "the" (the
    // force the text named before, if any, is found first when the reference is resolved).
    const collective = s === from + 1 && det === 'the' && to - s === 1 && COLLECTIVE_BODIES.has(head.normal);
    return bare || collective ? { ...role, bare: head.text } : role;
  }
  return null;
}

/** Bodies named by a collective noun with no singular ("the police", "the military"). */
const COLLECTIVE_BODIES = new Set(['police', 'military', 'army']);

/** Links inside a body's name ("Department of Health and Social Care"). */
const BODY_LINKS = new Set(['of', 'and', 'for', '&']);

/**
 * Whether token k links two capitalised words of one body's name ("Wrexbury Parents for Choice", "University of
 * Saskatchewan"), not a title to its complement ("Secretary of State", "Minister for Health").
 */
function bodyLink(toks: readonly Tok[], k: number, from: number, to: number): boolean {
  if (k <= from || k + 1 >= to || !BODY_LINKS.has((toks[k] as Tok).normal)) return false;
  const before = toks[k - 1] as Tok;
  const after = toks[k + 1] as Tok;
  if (!capitalised(before) || !capitalised(after) || TITLE_WORDS.has(before.normal) || !isNameToken(before))
    return false;
  // "Lewis Barton of Wrexbury Parents for Choice" is a person and their body: "of" after a name of several
  // words joins only a body's head word ("Bank of America", "Department of Health", "Royal College of …").
  if ((toks[k] as Tok).normal !== 'of') return true;
  return ORG_WORDS.has(before.normal) || !isNameToken(toks[k - 2]) || k - 2 < from;
}

/**
 * toks[from, to) as the name of a body someone speaks for: several words ("Home Office"), or one word naming a
 * kind of body; not a nationality ("a Russian official").
 */
function bodyRef(toks: readonly Tok[], from: number, to: number, text: string, base: number): Ref | null {
  if (to <= from) return null;
  const head = toks[to - 1] as Tok;
  if (
    to - from === 1 &&
    (head.pos === 'ADJ' || !(ORG_WORDS.has(head.normal) || ORG_ROLE_NOUNS.has(head.normal)))
  )
    return null;
  const first = toks[from] as Tok;
  return {
    type: 'name',
    name: joinSpan(text, first.start, head.end, base),
    title: null,
    role: null,
    org: true,
    start: first.start,
    end: head.end,
  };
}

/**
 * "a spokesperson for the Department of Health and Social Care": the body after the voice noun toks[at - 1], or
 * null. Returns the body and the end (exclusive) of its name.
 */
export function bodyAfterVoice(
  toks: readonly Tok[],
  at: number,
  text: string,
  base: number,
): { ref: Ref; end: number } | null {
  const voice = toks[at - 1];
  const prep = toks[at];
  if (voice === undefined || prep === undefined || !VOICE_NOUNS.has(voice.lemma.toLowerCase())) return null;
  if (prep.normal !== 'for' && prep.normal !== 'of' && prep.normal !== 'at') return null;
  let b = at + 1;
  if (toks[b]?.normal === 'the') b++;
  if (!isNameToken(toks[b])) return null;
  let e = runEnd(toks, b);
  while (BODY_LINKS.has(toks[e]?.normal ?? '') && isNameToken(toks[e + 1])) e = runEnd(toks, e + 1);
  const ref = bodyRef(toks, b, e, text, base);
  return ref ? { ref, end: e } : null;
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
    const link = (toks[i - 1] as Tok).normal;
    if ((link !== 'of' && link !== 'to' && link !== 'for') || !isNameToken(toks[i - 2])) break;
    const before = runStart(toks, i - 2, floor);
    let titled = false;
    for (let m = before; m < i - 1 && !titled; m++) titled = TITLE_WORDS.has((toks[m] as Tok).normal);
    if (!titled) break;
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
  const split = splitTitle(toks, from, to, text, base);
  if (split.nameFirst < 0) {
    const noun = to > from ? toks[to - 1] : undefined;
    return noun ? { type: 'role', noun: noun.normal, start: (toks[from] as Tok).start } : null;
  }
  const first = toks[split.nameFirst] as Tok;
  const last = toks[split.nameLast] as Tok;
  // "06/09/2024 08:15 AM BST": a time zone, not a body.
  if (first === last && TIME_ZONES.has(first.normal) && ACRONYM.test(first.text)) return null;
  const name = stripPossessive(joinSpan(text, first.start, last.end, base));
  // "Chief Executive Officer of Halden Pharma": a title ending in "of" or "at" is held at the body named after it.
  const link =
    split.title !== null && split.nameFirst > from ? (toks[split.nameFirst - 1] as Tok).normal : '';
  if (link === 'of' || link === 'at')
    return { type: 'name', name, title: null, role: null, org: true, start: first.start, end: last.end };
  const title =
    extraTitle && split.title ? `${extraTitle} ${split.title}` : extraTitle || split.title || null;
  // "The employers' association, Portline, said": an appositive that names a kind of body makes the name one.
  const apposition = extraTitle?.match(/([\p{L}'’-]+)\s*,\s*$/u)?.[1]?.toLowerCase();
  const org = split.org || (apposition !== undefined && ORG_WORDS.has(apposition));
  return {
    type: 'name',
    name,
    title,
    role: null,
    org,
    start: first.start,
    end: last.end,
  };
}

/** Joins toks[a, b) as written. */
function joinRange(text: string, toks: readonly Tok[], a: number, b: number, base: number): string {
  return joinSpan(text, (toks[a] as Tok).start, (toks[b - 1] as Tok).end, base);
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

/**
 * Marks the lower-case name particles among toks (candidates: indices of particle words, in order) that stand
 * between two capitalised words of a name ("Ursula von der Leyen", "Khalid bin Faisal", "Omar al-Bashir").
 */
export function markNameParticles(toks: readonly Tok[], candidates: readonly number[]): void {
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c] as number;
    const before = toks[i - 1];
    if (before === undefined || !(isNameToken(before) && before.cap) || (before as QuoteTok).bridge) continue;
    // A run of particles ("von der", "de la"), then a capitalised name word, or a hyphen joined to one ("al-Bashir").
    let j = i;
    while (j < toks.length && candidates[c + (j - i)] === j && j - i < 3) j++;
    let next = toks[j];
    if (next !== undefined && (next.text === '-' || next.text === '‐') && adjacent(toks[j - 1] as Tok, next))
      next = toks[j + 1];
    if (next === undefined || next.quote >= 0 || !next.cap || !isNameToken(next)) continue;
    for (let k = i; k < j; k++) (toks[k] as QuoteTok).bridge = true;
    c += j - i - 1;
  }
}

/** Marks toks[i] as a word of the name it stands in, whatever the tagger read it as ("the Met/VERB Office"). */
export function markNameWord(toks: readonly Tok[], i: number): void {
  (toks[i] as QuoteTok).bridge = true;
}

export { runEnd, runStart, isPossessive };
