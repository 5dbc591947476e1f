/**
 * Stage 3: attribution. Walks one flow of paragraphs (the article body, or one reader comment) in order, keeping
 * what a reader keeps in mind: the names met so far (outside quotes), the last person and organisation that spoke,
 * and the speaker of the quote running on from the paragraph before. Each quotation gets the speaker of the nearest
 * speech verb in its sentence, else the colon rule, else the paragraph's other quotes, else the quote it continues,
 * else (for a quote-only paragraph) the speaker of the paragraph before. Reported speech ("X said that …",
 * "according to X") becomes an indirect quote when the speaker is known.
 */
import { MONTHS, WEEKDAYS } from '../text/calendar-words.js';
import type { Paragraph, Sentence, Token } from '../corpus/types.js';
import type { QuoteKind } from './types.js';
import { findQuoteSpans, type QuoteSpan } from './marks.js';
import {
  INDIRECT_VERBS,
  INVERTING_VERBS,
  MODALS,
  NAME_PARTICLES,
  ORG_ROLE_NOUNS,
  ORG_WORDS,
  PERSON_ROLE_NOUNS,
  QUOTING_VERBS,
  SPEECH_VERBS,
  STANCE_MODIFIERS,
  STANCE_NOUNS,
  TITLE_WORDS,
} from './lexicon.js';
import {
  afterPreposition,
  bodyAfterVoice,
  isNameToken,
  isPossessive,
  markNameParticles,
  markNameWord,
  nameAt,
  phraseEndingAt,
  wrapToken,
  wrappedTokens,
  refOfPhrase,
  runEnd,
  startsUpper,
  titleStart,
  type Ref,
  type Tok,
} from './phrases.js';

/** A person or organisation as named at one place in the text. */
export interface Named {
  readonly name: string;
  title: string | null;
  role: string | null;
  readonly org: boolean;
  readonly documentId: string;
  readonly comment: number | null;
  /** Document offset of the mention. */
  readonly at: number;
  /** The words that referred to it when these were a role noun ("the ministry"). */
  alias?: string;
  /** The acronym introduced in brackets right after the name ("the Medicines Safety Agency (MSA)"). */
  acronym?: string;
}

/** Role nouns for a business, and the words that name a public body rather than one. */
const BUSINESS_NOUNS = new Set([
  'company',
  'firm',
  'manufacturer',
  'maker',
  'employer',
  'retailer',
  'carrier',
  'insurer',
  'bank',
]);
/** Kinds of body: a body named by one of them alone ("Police") is that kind, and no other role noun means it. */
const KIND_NAMED = new Set([...ORG_ROLE_NOUNS, ...ORG_WORDS]);
const PUBLIC_BODY =
  /\b(?:council|city|county|state|ministry|department|government|agency|parliament|congress|senate|court|police|commission|board|authority|regulator|union)\b/i;

export interface RawQuote {
  readonly speaker: Named | null;
  readonly start: number;
  readonly end: number;
  readonly kind: QuoteKind;
  readonly paragraph: Paragraph;
}

export interface FlowResult {
  readonly quotes: RawQuote[];
  readonly mentions: Named[];
}

interface Cue {
  readonly i: number;
  readonly lemma: string;
  /** Grammatical subject (for pronoun tracking). */
  readonly subject: Named | null;
  /** Who is quoted (differs from the subject for "X quoted Y as saying"). */
  readonly speaker: Named | null;
  /** For a stance ("X's position is that …"): the "that" the reported clause follows. */
  readonly that?: number;
  /** The verb follows its clause and a comma, and precedes its speaker ("…, said Felix Brandt"). */
  readonly fronted?: boolean;
  /** "his lawyer said", the lawyer not met yet: the role noun, for a name the next paragraph gives it. */
  readonly awaiting?: string;
}

/** Possessive determiners: "his lawyer", "her spokesperson" say whose role, not who. */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their']);

/** Reported speech by a role the text names only after it ("…, his lawyer said." ¶ "His lawyer, Daniela Ruiz, said …"). */
interface Awaiting {
  readonly noun: string;
  readonly paragraph: number;
  readonly quotes: Omit<RawQuote, 'speaker'>[];
}

const BOUNDARY = new Set(['.', '?', '!']);
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const isSingleCapital = (s: string) => SINGLE_CAPITAL.test(s);
const TIME_WORDS = new Set<string>([
  ...MONTHS,
  ...WEEKDAYS,
  'jan.',
  'feb.',
  'aug.',
  'sept.',
  'oct.',
  'nov.',
  'dec.',
]);
/** Sentence keys: paragraph position * SENTENCE_KEY + sentence id (a paragraph has fewer sentences than this). */
const SENTENCE_KEY = 1_000_000;

/** Split words of names and roles, kept: the same names and roles come back all through a corpus. */
function splitter(split: (s: string) => string[]): (s: string) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (s: string) => {
    let hit = cache.get(s);
    if (hit === undefined) {
      if (cache.size > 50_000) cache.clear();
      hit = split(s);
      cache.set(s, hit);
    }
    return hit;
  };
}
const nameWords = splitter((name) => name.toLowerCase().split(/\s+/));
/** "Mr Justice Okafor", "Lord Justice Hale", "Justice Moss": a justice is "the judge" the text goes on to cite. */
const ROLE_ALSO: Readonly<Record<string, string>> = { justice: 'judge' };
const roleWords = splitter((role) => {
  const words = role.toLowerCase().split(/[\s,]+/);
  for (const w of words) {
    const also = ROLE_ALSO[w];
    if (also !== undefined && !words.includes(also)) words.push(also);
  }
  return words;
});

const CLOSERS = new Set(['”', '"', '’', "'"]);
const OPENERS = new Set(['“', '"', '‘', "'"]);
const WHITE = /\s/;
const ALNUM = /[\p{L}\p{N}]/u;
/** Whitespace-separated words of `s` with a letter or digit in them: s.split(/\s+/) filtered, without the arrays. */
function words(s: string): number {
  let n = 0;
  let counted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) counted = false;
      else if (!counted && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
        n++;
        counted = true;
      }
      continue;
    }
    const cp = s.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (WHITE.test(ch)) counted = false;
    else if (!counted && ALNUM.test(ch)) {
      n++;
      counted = true;
    }
  }
  return n;
}

/** Whether the first `end` characters of `text` end with a full stop, question or exclamation mark. */
function endsSentence(text: string, end: number): boolean {
  const c = text[Math.min(end, text.length) - 1];
  return c === '.' || c === '?' || c === '!';
}

/**
 * Per word length, a bit per first letter (a-z) of the speech verbs of that length (all lower-case ASCII words): a
 * lemma starting with an ASCII letter whose length and letter no speech verb has ("be", "have", "make") is none,
 * without a look-up. (Lower-casing keeps the length of any word that can lower-case to an ASCII word.)
 */
const SPEECH_SHAPES = new Uint32Array(32);
for (const v of SPEECH_VERBS)
  SPEECH_SHAPES[v.length] = (SPEECH_SHAPES[v.length] as number) | (1 << (v.charCodeAt(0) - 97));

/** Lower-cased lemmas that are speech verbs, by lemma as written (a cache: most lemmas are lower-case already). */
const speechLemmas = new Map<string, string | null>();
function speechLemma(lemma: string): string | null {
  const c = lemma.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    const shapes = lemma.length < 32 ? (SPEECH_SHAPES[lemma.length] as number) : 0;
    if ((shapes & (1 << ((c | 32) - 97))) === 0) return null;
  }
  let hit = speechLemmas.get(lemma);
  if (hit === undefined) {
    const lower = lemma.toLowerCase();
    hit = SPEECH_VERBS.has(lower) ? lower : null;
    speechLemmas.set(lemma, hit);
  }
  return hit;
}

/**
 * Whether a token outside quotes can be a speech verb at all (cueLemma decides from its neighbours): cueLemma
 * takes "according", "said"/"says", a verb with a speech lemma, and "quote" after "to" whatever its tag.
 */
function mayCue(t: Token, prevNormal: string | undefined): boolean {
  const normal = t.normal;
  if (normal === 'according' || normal === 'said' || normal === 'says') return true;
  if (t.pos === 'VERB') return speechLemma(t.lemma) !== null;
  return prevNormal === 'to' && speechLemma(t.lemma) === 'quote';
}

function cueLemma(toks: readonly Tok[], i: number): string | null {
  const t = toks[i] as Tok;
  if (t.quote >= 0) return null;
  const prev = i > 0 ? toks[i - 1] : undefined;
  const next = toks[i + 1];
  if (t.normal === 'according' && next?.normal === 'to') return 'according';
  const lemma = t.normal === 'said' || t.normal === 'says' ? 'say' : speechLemma(t.lemma);
  if (lemma === null || !SPEECH_VERBS.has(lemma)) return null;
  if (lemma === 'quote') return t.pos === 'VERB' || prev?.normal === 'to' ? lemma : null;
  if (t.pos !== 'VERB' && t.normal !== 'said' && t.normal !== 'says') return null;
  if (prev?.text === '-' || (prev?.normal === 'so' && t.normal === 'called')) return null;
  // "called on/for", or "called the vote “…”": an object, then the words it was called, quoted.
  if (lemma === 'call' && !['on', 'for'].includes(next?.normal ?? '') && !objectThenQuote(toks, i + 1))
    return null;
  // "continues to talk", "vowed to fight" report no words unless a quotation follows.
  if (lemma === 'continue' && next !== undefined && next.pos !== 'PUNCT') return null;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const b = toks[k] as Tok;
    if (MODALS.has(b.normal)) return null;
    if (b.pos !== 'ADV' && b.pos !== 'AUX' && b.normal !== 'not') break;
  }
  if (lemma === 'point' && next?.normal !== 'out') return null;
  if (lemma === 'brief' && next?.pos !== 'NOUN') return null;
  return lemma;
}

const OBJECT_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM']);
/** Words of a noun phrase: a time or place after its preposition ("on Wednesday"), a subject ("the damage to …"). */
const NOMINAL_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Verbs before a speech verb's "-ing" form that carry its tense and subject ("keeps saying", "has been saying"). */
const CATENATIVES = new Set(['keep', 'keeps', 'kept', 'keeping', 'been', 'has', 'have', 'had']);
/** Possessive determiners, which the tagger reads as pronouns ("his/PRON company"). */
const OWNER_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** A short object phrase from token k on, right behind which a quotation opens ("the vote “…”", "it “…”"). */
function objectThenQuote(toks: readonly Tok[], k: number): boolean {
  let m = k;
  while (m < toks.length && m - k < 5) {
    const t = toks[m] as Tok;
    if (t.quote >= 0) break;
    if (!OBJECT_POS.has(t.pos) && !isPossessive(t)) return false;
    m++;
  }
  const open = toks[m];
  return m > k && open !== undefined && open.quote >= 0 && open.mark;
}

interface ParagraphToks {
  readonly toks: Tok[];
  /** Token starts of names (outside quotes, not right after another name token). */
  readonly nameStarts: number[];
  /** Tokens that may be speech verbs (cueLemma decides). */
  readonly cueAt: number[];
  /** "that" right after "is"/"was" (outside quotes): where a stance may be reported ("X's view is that …"). */
  readonly stanceAt: number[];
  /** Sentence id of each token. */
  readonly sid: Int32Array;
  /** First token of each sentence id, then the token count. */
  readonly sentFirst: number[];
  /** Per sentence id: it has quoted tokens; it has a token outside quotes that is not punctuation (false). */
  readonly sidHasQuote: boolean[];
  readonly sidQuoteOnly: boolean[];
}

/**
 * A paragraph's tokens (wrapped with the quote span each lies in), its sentences, and where names and speech verbs
 * may start: one pass over the tokens, so the passes after it visit only these.
 */
/** Sentence ids of the paragraph being read (reused: valid until the next paragraph is read). */
let sidBuffer = new Int32Array(1024);

function readParagraph(p: Paragraph, spans: readonly QuoteSpan[]): ParagraphToks {
  const text = p.text;
  const base = p.start;
  let n = 0;
  // Token starts of names (outside quotes, not right after another name token) and possible speech verbs,
  // noted while wrapping the tokens so the passes below visit only these.
  const nameStarts: number[] = [];
  const cueAt: number[] = [];
  const stanceAt: number[] = [];
  const particles: number[] = [];
  // Capitalised words after "the" mid-sentence that the tagger read as verbs or adverbs ("the Met/VERB Office").
  const misread: number[] = [];
  const beforeSaid: number[] = [];
  let prevName = false;
  let prevTok: Token | undefined;
  // Spans are disjoint and in text order, tokens too: one pointer finds the span holding each token.
  let spanAt = 0;
  const nSpans = spans.length;
  const sentences = p.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const sentenceToks = (sentences[si] as Sentence).tokens;
    for (let ti = 0; ti < sentenceToks.length; ti++) {
      const t = sentenceToks[ti] as Token;
      let q = -1;
      let mark = false;
      if (nSpans > 0) {
        while (spanAt < nSpans && (spans[spanAt] as QuoteSpan).close < t.end) spanAt++;
        const holder = spanAt < nSpans ? (spans[spanAt] as QuoteSpan) : undefined;
        if (holder !== undefined && t.start >= holder.open && t.end <= holder.close) {
          q = spanAt;
          mark = t.start === holder.open || (t.end === holder.close && CLOSERS.has(t.text));
        }
      }
      const i = n++;
      wrapToken(i, t, q, mark);
      const prevNormal = prevTok?.normal;
      const prevPos = prevTok?.pos;
      prevTok = t;
      if (q >= 0) {
        prevName = false;
        continue;
      }
      const pos = t.pos;
      const isName =
        pos === 'PROPN' || ((pos === 'NOUN' || pos === 'ADJ') && t.type === 'word' && startsUpper(t.text));
      if (isName && !prevName) nameStarts.push(i);
      else if (!isName && NAME_PARTICLES.has(t.normal) && !startsUpper(t.text)) particles.push(i);
      else if (!isName && prevNormal === 'the' && ti > 0 && t.type === 'word' && startsUpper(t.text))
        misread.push(i);
      // A capitalised word the tagger read as a verb or adverb right before "said"/"says" ("…,” Pierce/VERB said.").
      else if (
        !isName &&
        t.type === 'word' &&
        startsUpper(t.text) &&
        (ti === 0 || prevPos === 'PUNCT') &&
        (pos === 'VERB' || pos === 'ADV' || pos === 'AUX')
      )
        beforeSaid.push(i);
      prevName = isName;
      if (mayCue(t, prevNormal)) cueAt.push(i);
      else if (t.normal === 'that' && (prevNormal === 'is' || prevNormal === 'was')) stanceAt.push(i);
    }
  }
  const toks = wrappedTokens(n);
  if (particles.length > 0) markNameParticles(toks, particles);
  // "the Met Office", "the Said Business School": before a name word, such a word is the name's first.
  for (const i of misread) {
    if (!isNameToken(toks[i + 1])) continue;
    markNameWord(toks, i);
    const k = nameStarts.indexOf(i + 1);
    if (k >= 0) nameStarts[k] = i;
  }
  // "Pierce/VERB said": a lone capitalised word (no name word before or after it) right before "said" or "says" is
  // its subject's name.
  for (const i of beforeSaid) {
    const next = toks[i + 1];
    if (next === undefined || (next.normal !== 'said' && next.normal !== 'says') || isNameToken(toks[i - 1]))
      continue;
    markNameWord(toks, i);
    let k = nameStarts.length;
    while (k > 0 && (nameStarts[k - 1] as number) > i) k--;
    nameStarts.splice(k, 0, i);
  }
  const nToks = n;
  // Sentence ids: boundaries outside quotes, and after a closing mark whose quote ends a sentence. `sentFirst`
  // holds the first token of each sentence id; per sentence id: quotation marks in it, quote-only.
  if (sidBuffer.length < nToks) sidBuffer = new Int32Array(Math.max(nToks, 2 * sidBuffer.length));
  const sid = sidBuffer;
  const sentFirst: number[] = [0];
  const sidHasQuote: boolean[] = [];
  const sidQuoteOnly: boolean[] = [];
  let cur = 0;
  for (let i = 0; i < nToks; i++) {
    const t = toks[i] as Tok;
    sid[i] = cur;
    if (t.quote >= 0) sidHasQuote[cur] = true;
    else if (t.pos !== 'PUNCT') sidQuoteOnly[cur] = false;
    if (i + 1 >= nToks) break;
    const next = toks[i + 1] as Tok;
    if (t.quote < 0) {
      const text0 = t.text;
      if (text0 !== '.' && text0 !== '?' && text0 !== '!') continue;
      // A full stop after a single capital is an initial ("S.C.", "John F. Kennedy"), not a sentence end.
      const initial = text0 === '.' && i > 0 && isSingleCapital((toks[i - 1] as Tok).text);
      if (initial || next.text === ')' || (next.quote >= 0 && !next.mark)) continue;
    } else if (!(
      t.mark &&
      t.end === (spans[t.quote] as QuoteSpan).close &&
      endsSentence(text, (spans[t.quote] as QuoteSpan).end - base) &&
      (startsUpper(next.text) || OPENERS.has(next.text))
    ))
      continue;
    cur++;
    sentFirst.push(i + 1);
  }
  sentFirst.push(nToks);
  return { toks, nameStarts, cueAt, stanceAt, sid, sentFirst, sidHasQuote, sidQuoteOnly };
}

export function attributeFlow(
  paragraphs: readonly Paragraph[],
  documentId: string,
  comment: number | null,
  nextChain: () => number,
): FlowResult {
  const spansBy = findQuoteSpans(paragraphs, nextChain);
  const mentions: Named[] = [];
  // Indexes over `mentions` (kept in step by addMention) so look-ups cost the matches, not the document.
  /**
   * Every mention, with where a paragraph's scan met it: paragraph position * 2, plus 1 when it is indexed by
   * sentence (bySentenceKey); -1 for names only met as the speaker of a speech verb.
   */
  const metAt = new Map<Named, number>();
  /** Mentions by sentence key (paragraph position * SENTENCE_KEY + sentence id), outside prepositional phrases. */
  const bySentenceKey = new Map<number, Named[]>();
  const orgsByWord = new Map<string, Named[]>();
  const orgMentions: Named[] = [];
  /** Persons named outside prepositional phrases, in reading order (where a pronoun may look last). */
  const personMentions: Named[] = [];
  const personsByRoleWord = new Map<string, Named[]>();
  const addTo = <K>(index: Map<K, Named[]>, key: K, n: Named): void => {
    const list = index.get(key);
    if (list) {
      if (list[list.length - 1] !== n) list.push(n);
    } else index.set(key, [n]);
  };
  const addMention = (n: Named, at = -1): void => {
    mentions.push(n);
    metAt.set(n, at);
    if (n.org) {
      orgMentions.push(n);
      for (const w of nameWords(n.name)) addTo(orgsByWord, w, n);
    } else {
      if (at >= 0 && (at & 1) === 1) personMentions.push(n);
      if (n.title !== null) for (const w of roleWords(n.title)) addTo(personsByRoleWord, w, n);
      if (n.role !== null) for (const w of roleWords(n.role)) addTo(personsByRoleWord, w, n);
    }
  };
  const quotes: RawQuote[] = [];
  const recentPersons: Named[] = [];
  const gender = new Map<string, string>();
  let lastOrg: Named | null = null;
  const chainSpeaker = new Map<number, Named>();
  // Pieces of a quote running over paragraphs that were kept before the piece that names the speaker
  // ("“We will not accept these cuts. …" ¶ "“Every job can be saved,” Ruiz said."): filled when it is found.
  const chainUnnamed = new Map<number, number[]>();
  const awaited: Awaiting[] = [];
  const flowSpeakers = new Set<string>();
  let prevSpeaker: Named | null = null;
  let prevIntro: Named | null = null;

  // Names the flow has shown to be bodies ("the launch company Helix Orbital", "Helix Orbital, which …"): a body
  // wherever the flow names it again, so "she" never means it and "the company said" can.
  const flowBodies = new Set<string>();
  const named = (ref: Ref & { type: 'name' }, role: string | null = null): Named => ({
    name: ref.name,
    title: ref.title,
    role: role ?? ref.role,
    org: ref.org || (flowBodies.size > 0 && flowBodies.has(ref.name)),
    documentId,
    comment,
    at: ref.start,
  });
  const fullNames = new Set<string>();
  /** Mentions indexed by sentence (in bySentenceKey). */
  const inSentence = (n: Named) => {
    const at = metAt.get(n) ?? -1;
    return at >= 0 && (at & 1) === 1;
  };
  const paraOf = (n: Named): number | undefined => {
    const at = metAt.get(n) ?? -1;
    return at < 0 ? undefined : at >> 1;
  };
  let lastSentenceKey = -1;
  let prevSentenceKey = -1;
  const personLike = (n: Named) =>
    !n.org &&
    !n.name.split(/\s+/).some((w) => TIME_WORDS.has(w.toLowerCase())) &&
    (n.name.includes(' ') ||
      (n.title !== null &&
        n.title
          .toLowerCase()
          .split(/\s+/)
          .some((w) => TITLE_WORDS.has(w))) ||
      fullNames.has(n.name.toLowerCase()));

  // The paragraph being read: set at the start of each paragraph, read by the helpers below (defined once per flow).
  let pi = 0;
  let text = '';
  let base = 0;
  let toks: Tok[] = [];
  let sid: Int32Array = new Int32Array(0);
  let sentFirst: number[] = [];
  let paraMentions: Named[] = [];
  /** First and last token of token i's sentence. */
  const sentStart = (i: number) => sentFirst[sid[i] as number] as number;
  const sentEnd = (i: number) => (sentFirst[(sid[i] as number) + 1] as number) - 1;
  const sameSentenceMention = (at: number, i: number, pred: (n: Named) => boolean): Named | null => {
    const s0 = (toks[sentStart(i)] as Tok).start;
    // paraMentions are in text order: the first at or after s0 by binary search, then forward to `at`.
    let lo = 0;
    let hi = paraMentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((paraMentions[mid] as Named).at < s0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < paraMentions.length; k++) {
      const m = paraMentions[k] as Named;
      if (m.at >= at) break;
      if (inSentence(m) && pred(m)) return m;
    }
    return null;
  };
  const previousSentenceMention = (i: number, pred: (n: Named) => boolean): Named | null => {
    const key = pi * SENTENCE_KEY + (sid[i] ?? 0);
    // The sentence before this one: in this paragraph, else the last one of the paragraph before.
    const prevKey = (sid[i] ?? 0) > 0 ? key - 1 : key === lastSentenceKey ? prevSentenceKey : lastSentenceKey;
    for (const m of bySentenceKey.get(prevKey) ?? []) if (pred(m)) return m;
    return null;
  };
  const resolvePronoun = (word: string, at: number, i: number): Named | null => {
    if (word === 'he' || word === 'she') {
      const fits = (m: Named) => personLike(m) && (gender.get(m.name) ?? word) === word;
      const near = sameSentenceMention(at, i, fits) ?? previousSentenceMention(i, fits);
      if (near) {
        gender.set(near.name, word);
        return near;
      }
      for (let k = recentPersons.length - 1; k >= 0; k--) {
        const n = recentPersons[k] as Named;
        if ((gender.get(n.name) ?? word) === word) {
          gender.set(n.name, word);
          return n;
        }
      }
      // No one has spoken yet: the last person named in this paragraph or the one before ("Amara Nwosu had a
      // folding chair … She had waited eleven years." ¶ "“I remember the sound …,” she recalls.").
      for (let k = personMentions.length - 1; k >= 0; k--) {
        const n = personMentions[k] as Named;
        const para = paraOf(n) ?? -9;
        if (para < pi - 1) break;
        if (n.at < at && fits(n)) {
          gender.set(n.name, word);
          return n;
        }
      }
      return null;
    }
    if (word === 'it') return sameSentenceMention(at, i, (m) => m.org) ?? lastOrg;
    return null;
  };
  const resolveRole = (noun: string, at: number): Named | null => {
    if (ORG_ROLE_NOUNS.has(noun) && !PERSON_ROLE_NOUNS.has(noun)) {
      const direct = latestBefore(orgsByWord.get(noun), at);
      if (direct) return direct;
      // "the association said" right after an organisation was named: that organisation, if it was named in
      // this paragraph or the one before. Mentions are met paragraph by paragraph: stop at the first one from
      // before the previous paragraph.
      // "The company said" means a business: not the city council or the agency named last.
      const business = BUSINESS_NOUNS.has(noun);
      for (let k = orgMentions.length - 1; k >= 0; k--) {
        const m = orgMentions[k] as Named;
        const para = paraOf(m);
        if (para !== undefined && para < pi - 1) break;
        if (business && PUBLIC_BODY.test(m.name)) continue;
        // A body named only by a kind of body ("Police said …") is not "the ministry".
        if (m.name !== noun && KIND_NAMED.has(m.name.toLowerCase())) continue;
        if (m.at < at && (para ?? -9) >= pi - 1) return m;
      }
      if (['statement', 'communique', 'communiqué', 'release', 'report'].includes(noun)) return lastOrg;
      return null;
    }
    if (PERSON_ROLE_NOUNS.has(noun)) {
      const hit = latestBefore(personsByRoleWord.get(noun), at);
      if (hit) return hit;
      if (ORG_ROLE_NOUNS.has(noun)) return lastOrg;
    }
    return null;
  };
  const resolve = (ref: Ref | null, i: number, role: string | null): Named | null => {
    if (!ref) return null;
    if (ref.type === 'name') return named(ref, role);
    if (ref.type === 'pronoun') return resolvePronoun(ref.word, ref.start, i);
    // "A spokesperson said", "The judges wrote": someone not named, or several people; not the last one met.
    if (ref.indefinite === true) return null;
    const hit = resolveRole(ref.noun, ref.start);
    if (hit) return { ...hit, alias: `the ${ref.noun}` };
    // "…, police said": a body's noun without a determiner is used as its name, as "Police said" opening a
    // sentence is; the body the text calls so, never a person (a police chief named before) nor another body.
    if (ref.bare !== undefined && ORG_ROLE_NOUNS.has(ref.noun) && !PERSON_ROLE_NOUNS.has(ref.noun)) {
      const name = ref.bare.charAt(0).toUpperCase() + ref.bare.slice(1);
      return { name, title: null, role: null, org: true, documentId, comment, at: ref.start };
    }
    return null;
  };

  function colonSubject(ts: readonly Tok[], from: number, to: number): Named | null {
    for (let k = from; k < to; k++) {
      const t = ts[k] as Tok;
      if (t.quote >= 0) return null;
      if (t.pos === 'PRON')
        return ['he', 'she', 'it'].includes(t.normal) ? resolvePronoun(t.normal, t.start, k) : null;
      if (isNameToken(t) && !afterPreposition(ts, k)) {
        const ref = refOfPhrase(ts, titleStart(ts, k, from), runEnd(ts, k), text, base);
        return ref?.type === 'name' && flowSpeakers.has(ref.name.toLowerCase()) ? named(ref) : null;
      }
      if (t.pos === 'VERB') return null;
    }
    return null;
  }

  /**
   * The agent of a short line introducing quoted paragraphs, named after "by" ("From the dissent by Judge Martin
   * Edgerly:", "From the majority opinion, written by Judge Teresa Villanueva and joined by …:"): the first one.
   */
  function agentOf(): Named | null {
    let k = 0;
    for (const m of paraMentions) {
      while (k < toks.length && (toks[k] as Tok).start < m.at) k++;
      if (k >= toks.length || (toks[k] as Tok).start !== m.at) continue;
      // Back over a title written before the name ("by Judge Martin Edgerly").
      let b = k - 1;
      while (b > 0 && (toks[b] as Tok).cap && (toks[b] as Tok).pos !== 'PUNCT') b--;
      if (b >= 0 && (toks[b] as Tok).normal === 'by') return m;
    }
    return null;
  }

  paragraphs.forEach((p, index) => {
    pi = index;
    const spans = spansBy[pi] as QuoteSpan[];
    text = p.text;
    base = p.start;
    const read = readParagraph(p, spans);
    ({ toks, sid, sentFirst } = read);
    const { nameStarts, cueAt, stanceAt, sidHasQuote, sidQuoteOnly } = read;
    const nToks = toks.length;
    const nSpans = spans.length;

    // Speech verbs (decided from the tokens alone, before any name is resolved).
    const cueTokens: number[] = [];
    const cueLemmas: string[] = [];
    for (const i of cueAt) {
      const lemma = cueLemma(toks, i);
      if (!lemma) continue;
      if (hypothetical(toks, sentStart(i), i)) continue;
      // "quoted X as saying": the quoting verb before it carries the speaker.
      if (toks[i - 1]?.normal === 'as' && lemma === 'say') continue;
      cueTokens.push(i);
      cueLemmas.push(lemma);
    }

    // Names met in this paragraph (outside quotes), with appositive roles.
    paraMentions = [];
    let nameFrom = 0;
    for (const i of nameStarts) {
      if (i < nameFrom) continue;
      let e = runEnd(toks, i);
      // "The Ministry of Finance", "the Department for Transport": a kind of body and what it is of, one name.
      while (
        (toks[e]?.normal === 'of' || toks[e]?.normal === 'for') &&
        ORG_WORDS.has((toks[e - 1] as Tok).normal) &&
        isNameToken(toks[e + 1])
      )
        e = runEnd(toks, e + 1);
      // A wire dateline's place in capitals ("LONDON, March 17 (Reuters) -") is where, never who.
      if (i === 0 && datelinePlace(toks, e)) {
        nameFrom = e;
        continue;
      }
      // A capitalised first word of a sentence that is neither a proper noun nor a title ("Last June") is not part of a name.
      const first = toks[i] as Tok;
      const falseStart =
        i === sentStart(i) && first.pos !== 'PROPN' && !TITLE_WORDS.has(first.normal) && e > i + 1;
      const from = falseStart ? i + 1 : titleStart(toks, i, sentStart(i));
      const ref = refOfPhrase(toks, from, e, text, base);
      if (ref?.type === 'name') {
        let n = named(ref, appositiveAfter(toks, e, text, base));
        // "Patients First, a charity that represents …,": an appositive naming a kind of body makes the name one.
        if (!n.org && bodyAppositive(toks, e)) n = { ...n, org: true };
        const acronym = acronymAfter(toks, e, n.name);
        if (acronym !== null) n = { ...n, acronym };
        const nickname = n.org ? null : knownAs(toks, e, text, base);
        if (nickname !== null) n = { ...n, alias: nickname };
        // "The employers' association, Portline," : a phrase naming a kind of body before the comma makes it one.
        if (!n.org && toks[from - 1]?.text === ',') {
          const before = phraseEndingAt(toks, from - 1, sentStart(i));
          const r = refOfPhrase(toks, before, from - 1, text, base);
          // Not a body inside a prepositional phrase ("A critic of the Biden administration, Green said").
          if (
            r?.type === 'role' &&
            ORG_WORDS.has(r.noun) &&
            (toks[before - 1] as Tok | undefined)?.pos !== 'ADP'
          )
            n = { ...n, org: true };
        }
        if (!n.org && shownAsBody(toks, i, e, sentStart(i))) n = { ...n, org: true };
        // (Names of two words or more, as in the catalog: a one-word name read once as a body, "US" in "the US
        // and NATO", is left to each place it is met.)
        if (n.org && n.name.includes(' ')) flowBodies.add(n.name);
        // "U.S. Secretary of State, Antony Blinken," : a title-only phrase before the comma titles the name.
        if (!n.title && toks[from - 1]?.text === ',' && !n.org) {
          const before = phraseEndingAt(toks, from - 1, sentStart(i));
          const r = refOfPhrase(toks, before, from - 1, text, base);
          if (
            r?.type === 'role' &&
            TITLE_WORDS.has(r.noun) &&
            toks.slice(before, from - 1).some((t) => isNameToken(t))
          )
            n.title = joinSlice(text, toks, before, from - 2, base);
        }
        // "Helix Orbital's chief executive, Renata Szabo, said", "The city's council leader, Tom Bexley,": the role first.
        if (!n.title && n.role === null && !n.org && toks[from - 1]?.text === ',') {
          const next = toks[e];
          if (next !== undefined && (next.text === ',' || next.pos === 'VERB' || next.pos === 'AUX')) {
            const role = roleBefore(toks, from - 1, sentStart(i), text, base);
            if (role !== null) n = { ...n, role };
          }
        }
        // "…, his lawyer said." ¶ "His lawyer, Daniela Ruiz, …": the name the role was waiting for.
        if (awaited.length > 0 && !n.org && toks[from - 1]?.text === ',' && toks[e]?.text === ',') {
          const noun = possessiveRoleBefore(toks, from - 1, sentStart(i));
          const k = noun === null ? -1 : awaited.findIndex((w) => w.noun === noun && w.paragraph >= pi - 1);
          if (k >= 0) {
            for (const q of (awaited[k] as Awaiting).quotes) quotes.push({ ...q, speaker: n });
            awaited.splice(k, 1);
          }
        }
        paraMentions.push(n);
        // Names in a prepositional phrase are rarely who a pronoun means, unless they own something ("of Tokayev's cabinet").
        const bySentence = !afterPreposition(toks, i) || isPossessive(toks[e]);
        addMention(n, pi * 2 + (bySentence ? 1 : 0));
        if (bySentence) addTo(bySentenceKey, pi * SENTENCE_KEY + (sid[i] as number), n);
        if (!n.org && n.name.includes(' ')) fullNames.add(lastWord(n.name));
      }
      nameFrom = e;
    }

    if (cueTokens.length === 0 && nSpans === 0 && stanceAt.length === 0) {
      // No speech verb and no quotation: only the sentence keys move on (what follows would find nothing).
      if (nToks > 0) {
        prevSentenceKey =
          sid[nToks - 1] === 0 ? lastSentenceKey : pi * SENTENCE_KEY + (sid[nToks - 1] as number) - 1;
        lastSentenceKey = pi * SENTENCE_KEY + (sid[nToks - 1] as number);
      }
      prevSpeaker = null;
      prevIntro = nToks > 0 && nToks <= 30 && (toks[nToks - 1] as Tok).text === ':' ? agentOf() : null;
      return;
    }

    // Speech verbs and who they belong to.
    const cues: Cue[] = [];
    for (let ci = 0; ci < cueTokens.length; ci++) {
      const i = cueTokens[ci] as number;
      const lemma = cueLemmas[ci] as string;
      const floor = sentStart(i);
      let subject: Named | null = null;
      let speaker: Named | null = null;
      if (lemma !== 'according') {
        // A participle ("…, saying", "declaring, …") belongs to the sentence's subject.
        let participle = (toks[i] as Tok).normal.endsWith('ing') && i > floor;
        // "the company keeps saying", "Hale kept saying", "she has been saying": the verb before is the finite one.
        let at = i;
        if (participle) {
          while (at - 1 > floor && CATENATIVES.has((toks[at - 1] as Tok).normal)) at--;
          if (at < i) participle = false;
        }
        const left = participle
          ? sentenceSubject(toks, floor, i, text, base)
          : subjectBefore(toks, at, floor, text, base);
        subject =
          left.ref?.type === 'pronoun' || left.ref?.type === 'role' || left.ref?.type === 'name'
            ? resolve(left.ref, i, left.role)
            : null;
      }
      // "…, premiums will rise, said Felix Brandt, an analyst at Harrow Re.": the speaker named after a clause.
      const fronted =
        !subject &&
        (lemma === 'say' || lemma === 'add') &&
        i - 1 > floor &&
        (toks[i - 1] as Tok).text === ',' &&
        nameAt(toks, i + 1);
      const inverted =
        lemma === 'according' ||
        lemma === 'quote' ||
        fronted ||
        (!subject && INVERTING_VERBS.has(lemma) && leftIsQuoteOrEmpty(toks, i, floor));
      if (inverted) {
        const right = phraseAfter(toks, lemma === 'according' ? i + 2 : i + 1, text, base);
        const who = resolve(right.ref, i, right.role);
        if (lemma === 'quote') speaker = who ?? subject;
        else {
          speaker = who;
          if (lemma !== 'according') subject = who;
        }
      } else speaker = subject;
      if (lemma === 'tell' || lemma === 'ask') speaker = subject;
      const awaiting = speaker === null && !inverted ? awaitedRole(toks, i, floor, text, base) : null;
      cues.push(
        fronted
          ? { i, lemma, subject, speaker, fronted }
          : awaiting !== null
            ? { i, lemma, subject, speaker, awaiting }
            : { i, lemma, subject, speaker },
      );
      if (subject && lemma !== 'according') {
        if (subject.org) lastOrg = subject;
        else recentPersons.push(subject);
      }
      // Keep names met at a cue as mentions (they may be titled there only).
      if (speaker && !metAt.has(speaker)) addMention(speaker);
    }
    // Stances: "Tokayev's own narrative … is that …", "Her position is that …" report what their owner holds.
    let stances = false;
    for (const that of stanceAt) {
      const head = stanceHead(toks, that, sentStart(that));
      if (head < 0) continue;
      const owner = stanceOwner(toks, head, sentStart(that), text, base);
      if (owner === null) continue;
      const who = resolve(owner, head, null);
      if (!who) continue;
      cues.push({ i: head, lemma: 'stance', subject: who, speaker: who, that });
      stances = true;
      if (who.org) lastOrg = who;
      else recentPersons.push(who);
      if (!metAt.has(who)) addMention(who);
    }
    if (stances) cues.sort((a, b) => a.i - b.i);

    // Quotations. Per span its first token and closing mark; per sentence id its cues; cues with a speaker.
    // Typed arrays: one shape whatever the number of spans (the arrays map() makes do not always share one, and
    // optimized code checks it).
    const openOf = new Int32Array(nSpans).fill(-1);
    const closeOf = new Int32Array(nSpans).fill(-1);
    if (spans.length > 0)
      for (let k = 0; k < nToks; k++) {
        const t = toks[k] as Tok;
        if (t.quote < 0) continue;
        if (openOf[t.quote] === -1) openOf[t.quote] = k;
        else if (t.mark && closeOf[t.quote] === -1) closeOf[t.quote] = k;
      }
    const cuesBySid = new Map<number, Cue[]>();
    for (const c of cues) {
      const list = cuesBySid.get(sid[c.i] as number);
      if (list) list.push(c);
      else cuesBySid.set(sid[c.i] as number, [c]);
    }
    const speaking = cues.filter((c) => c.speaker);
    const attributed: (Named | null)[] = [];
    // Per sentence id: a quotation of two words or more in it (a one-word one, "was “devastated”", is no quote of
    // its own, and leaves the sentence's reported speech to be read whole, the word in it).
    const sidLongQuote: boolean[] = [];
    spans.forEach((span, si) => {
      const openTok = openOf[si] as number;
      if (openTok < 0) return;
      const s = sid[openTok] as number;
      const closeAt = closeOf[si] as number;
      const quoteOnly = sidQuoteOnly[s] !== false;
      const quoteText = text.slice(span.start - base, span.end - base);
      const n = words(quoteText);
      const short = n < 6;
      const region = (cuesBySid.get(s) ?? []).filter((c) => {
        if (!c.speaker) return false;
        // A quotation right behind a verb that names rather than reports ("declared “war on terror”") is not speech.
        if (c.i === openTok - 1 && !QUOTING_VERBS.has(c.lemma)) return false;
        // A short quoted phrase belongs to a speech verb close before it, or right after it ("…," she said).
        if (short)
          return (
            (c.i < openTok && (openTok - c.i <= 16 || thatClauseReaches(toks, c.i, openTok))) ||
            (closeAt >= 0 && c.i > closeAt && c.i - closeAt <= 16 && subjectOnlyBetween(toks, closeAt, c.i))
          );
        return true;
      });
      const lastQuoteTok = closeAt >= 0 ? closeAt : toks.length - 1;
      region.sort((a, b) => distance(a.i, openTok, lastQuoteTok) - distance(b.i, openTok, lastQuoteTok));
      let who: Named | null = region[0]?.speaker ?? null;
      // Reads before the first token or past the last are guarded rather than left to yield undefined: the
      // optimized code would be thrown away the first time one happens.
      const before = openTok > 0 ? toks[openTok - 1] : undefined;
      if (!who && before !== undefined && before.text === ':')
        who = colonSubject(toks, sentStart(openTok), openTok - 1);
      if (!who && span.continued && quoteOnly) who = chainSpeaker.get(span.chain) ?? null;
      if (!who && quoteOnly) {
        // Another sentence of the paragraph says who speaks ("…," Hill said. "And …").
        const nearest = nearestSpeaking(speaking, openTok);
        who = nearest?.speaker ?? null;
      }
      if (!who && quoteOnly && cues.length === 0 && /^\s*[“"‘']/.test(text)) who = prevSpeaker ?? prevIntro;
      attributed.push(who);
      if (who) {
        chainSpeaker.set(span.chain, who);
        flowSpeakers.add(who.name.toLowerCase());
        const unnamed = chainUnnamed.get(span.chain);
        if (unnamed !== undefined) {
          for (const q of unnamed) quotes[q] = { ...(quotes[q] as RawQuote), speaker: who };
          chainUnnamed.delete(span.chain);
        }
      }
      const after = closeAt >= 0 && closeAt + 1 < toks.length ? toks[closeAt + 1] : undefined;
      const kind = quoteKind(
        quoteText,
        n,
        before,
        after,
        openTok === sentStart(openTok),
        cues.some((c) => c.i === openTok - 1),
      );
      if (n < 2) return;
      sidLongQuote[s] = true;
      if (!who && (kind === 'partial' || comment !== null || n < 6)) return;
      if (!who && span.runsOn) {
        const unnamed = chainUnnamed.get(span.chain);
        if (unnamed) unnamed.push(quotes.length);
        else chainUnnamed.set(span.chain, [quotes.length]);
      }
      quotes.push({ speaker: who, start: span.start, end: span.end, kind, paragraph: p });
    });

    // Reported speech: a speech verb with a known speaker and a clause, in a sentence without quotation marks.
    for (const c of cues) {
      if (
        (!c.speaker && c.awaiting === undefined) ||
        !(INDIRECT_VERBS.has(c.lemma) || c.lemma === 'according' || c.that !== undefined)
      )
        continue;
      const s0 = sentStart(c.i);
      const s1 = sentEnd(c.i);
      if (sidHasQuote[sid[s0] as number] === true && sidLongQuote[sid[s0] as number] === true) continue;
      if (toks[c.i - 1]?.normal === 'to' || toks[c.i - 1]?.normal === 'not') continue;
      if (c.that === undefined && objectOfWhat(toks, c.i, s0)) continue;
      const clause =
        c.that !== undefined
          ? stanceClause(toks, c.that, s1)
          : c.fronted === true
            ? frontedClause(toks, c.i, s0)
            : indirectClause(toks, c, s0, s1);
      if (!clause) continue;
      const [a, b] = clause;
      let verb = false;
      for (let k = a; k <= b && !verb; k++)
        verb = (toks[k] as Tok).pos === 'VERB' || (toks[k] as Tok).pos === 'AUX';
      if (!verb) continue;
      const start = (toks[a] as Tok).start;
      const end = (toks[b] as Tok).end;
      if (words(text.slice(start - base, end - base)) < 4) continue;
      if (!c.speaker) {
        const q = { start, end, kind: 'indirect' as const, paragraph: p };
        const open = awaited.find((w) => w.noun === c.awaiting && w.paragraph === pi);
        if (open) open.quotes.push(q);
        else awaited.push({ noun: c.awaiting as string, paragraph: pi, quotes: [q] });
        continue;
      }
      quotes.push({ speaker: c.speaker, start, end, kind: 'indirect', paragraph: p });
    }

    if (toks.length > 0) {
      prevSentenceKey =
        sid[toks.length - 1] === 0 ? lastSentenceKey : pi * SENTENCE_KEY + (sid[toks.length - 1] ?? 1) - 1;
      lastSentenceKey = pi * SENTENCE_KEY + (sid[toks.length - 1] as number);
    }
    const lastQuoted = attributed[attributed.length - 1];
    prevSpeaker = spans.length > 0 ? (lastQuoted ?? null) : null;
    let lastTok: Tok | undefined;
    for (let k = nToks - 1; k >= 0; k--)
      if ((toks[k] as Tok).quote < 0) {
        lastTok = toks[k];
        break;
      }
    prevIntro =
      lastTok?.text === ':' || lastTok?.text === ',' ? (cues[cues.length - 1]?.speaker ?? null) : null;
    if (prevIntro === null && nSpans === 0 && nToks <= 30 && lastTok?.text === ':') prevIntro = agentOf();
  });
  return { quotes, mentions };
}

// The helpers below are module functions rather than closures made per paragraph or quotation: tsx (esbuild's
// keepNames) names every such closure each time it is made, a defineProperty call.

const CLAUSE_ENDS = new Set(['.', '?', '!', ',', ';', '…']);
/**
 * A quotation is direct when it is a sentence of its own: it opens its sentence or follows a colon or comma
 * ("He added: “…”", "…,” he said, “and …”"), and is long or capitalised and closed by its own punctuation. One
 * that carries on the reporting clause ("called the vote “…”", "said the team would “…”") is partial, unless it
 * is the whole clause reported, to the sentence's end, right after "that" or the speech verb ("told Newsweek that
 * “there is …”", "saying “we just …”").
 */
function quoteKind(
  quoteText: string,
  n: number,
  before: Tok | undefined,
  after: Tok | undefined,
  opensSentence: boolean,
  afterCue: boolean,
): QuoteKind {
  const last = quoteText.trimEnd();
  const closed = CLAUSE_ENDS.has(last[last.length - 1] ?? '');
  const runsToEnd = after === undefined || BOUNDARY.has(after.text);
  const introduced =
    opensSentence ||
    before === undefined ||
    before.quote >= 0 ||
    before.type !== 'word' ||
    before.text === ',';
  if (introduced) {
    const first = quoteText.trimStart();
    return n >= 6 || (startsUpper(first) && (closed || runsToEnd)) ? 'direct' : 'partial';
  }
  const wholeClause =
    (before?.normal === 'that' || afterCue) && n >= 6 && (runsToEnd || endsSentence(last, last.length));
  return wholeClause ? 'direct' : 'partial';
}

/** How far token i lies outside the quotation toks[open..last] (0 inside it). */
/**
 * Whether only the speaker's phrase stands between a closing mark and a speech verb ("…," port operator chief
 * executive Jens Albrecht said): no other verb, quotation or sentence break.
 */
function subjectOnlyBetween(toks: readonly Tok[], close: number, cue: number): boolean {
  // The verbs right before the cue that carry it ("the company keeps saying") are part of it.
  let end = cue;
  if ((toks[cue] as Tok).normal.endsWith('ing'))
    while (end - 1 > close && CATENATIVES.has((toks[end - 1] as Tok).normal)) end--;
  for (let k = close + 1; k < end; k++) {
    const t = toks[k] as Tok;
    if (t.quote >= 0 || t.pos === 'VERB' || t.pos === 'AUX' || BOUNDARY.has(t.text)) return false;
  }
  return true;
}

function distance(i: number, open: number, last: number): number {
  return i < open ? open - i : i > last ? i - last : 0;
}

/**
 * The cue with a speaker nearest token `at` (the earlier one on a tie), as a stable sort by distance would;
 * `speaking` is in token order.
 */
function nearestSpeaking(speaking: readonly Cue[], at: number): Cue | undefined {
  let lo = 0;
  let hi = speaking.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((speaking[mid] as Cue).i <= at) lo = mid + 1;
    else hi = mid;
  }
  // In bounds only: an out-of-bounds read would throw the optimized code away.
  const below = lo > 0 ? speaking[lo - 1] : undefined;
  const above = lo < speaking.length ? speaking[lo] : undefined;
  if (!below) return above;
  if (!above) return below;
  return above.i - at < at - below.i ? above : below;
}

/** The latest mention (in the order met) before `at` in a list of mentions. */
function latestBefore(list: readonly Named[] | undefined, at: number): Named | null {
  for (let k = (list?.length ?? 0) - 1; k >= 0; k--)
    if ((list?.[k] as Named).at < at) return list?.[k] as Named;
  return null;
}

/**
 * "readers have asked what the court actually said, …": a speech verb whose object is "what" before its subject
 * reports no clause of its own (what follows the comma is the sentence's main clause).
 */
function objectOfWhat(toks: readonly Tok[], i: number, floor: number): boolean {
  for (let k = i - 1; k >= floor && k >= i - 7; k--) {
    const t = toks[k] as Tok;
    if (t.normal === 'what' || t.normal === 'whatever') return true;
    if (t.quote >= 0 || !['ADV', 'AUX', 'DET', 'ADJ', 'NOUN', 'PROPN', 'PRON'].includes(t.pos)) return false;
  }
  return false;
}

/** True when the speech verb sits in an "if"/"unless" clause: words that were not said. */
function hypothetical(toks: readonly Tok[], floor: number, i: number): boolean {
  for (let k = i - 1; k >= floor; k--) {
    const t = toks[k] as Tok;
    if (t.text === ',' || t.quote >= 0) return false;
    if (t.normal === 'if' || t.normal === 'unless') return true;
  }
  return false;
}

/** The sentence's subject: the first pronoun or name that is not in a fronted adverbial ("Last June, he …"). */
function sentenceSubject(
  toks: readonly Tok[],
  floor: number,
  to: number,
  text: string,
  base: number,
): { ref: Ref | null; role: string | null } {
  for (let k = floor; k < to; k++) {
    const t = toks[k] as Tok;
    if (t.quote >= 0) continue;
    if (t.pos === 'PRON' && ['he', 'she', 'it'].includes(t.normal))
      return { ref: { type: 'pronoun', word: t.normal, start: t.start }, role: null };
    if (isNameToken(t) && !isNameToken(toks[k - 1])) {
      const e = titledNameEnd(toks, runEnd(toks, k));
      if (
        afterPreposition(toks, k) ||
        (toks[e]?.text === ',' && appositiveAfter(toks, e, text, base) === null && k === floor)
      ) {
        k = e - 1;
        continue;
      }
      return {
        ref: refOfPhrase(toks, titleStart(toks, k, floor), e, text, base),
        role: appositiveAfter(toks, e, text, base),
      };
    }
    if (t.pos === 'VERB') break;
  }
  return { ref: null, role: null };
}

/**
 * Where a name run ending at `e` really ends: "Raptors president Daniel Whitaker" is one phrase, a body's name
 * modifying the lower-case title of the person it goes on to name. `e` itself when no title and name follow.
 */
function titledNameEnd(toks: readonly Tok[], e: number): number {
  let m = e;
  let titled = false;
  while (m < toks.length && m - e < 3) {
    const t = toks[m] as Tok;
    if (t.quote >= 0 || t.cap || (t.pos !== 'NOUN' && t.pos !== 'ADJ')) break;
    titled ||= TITLE_WORDS.has(t.normal);
    m++;
  }
  return titled && isNameToken(toks[m]) ? runEnd(toks, m) : e;
}

/**
 * "Tom Kowalski of the Riverton Building Trades Council said": a person's name (two words or more, not a title
 * or a body's name) with the body they come from after it. The name's run, or null.
 */
function personBeforeOf(toks: readonly Tok[], from: number, floor: number): [number, number] | null {
  let k = from - 1;
  const prep = toks[k];
  if (prep === undefined || k <= floor) return null;
  if (prep.normal !== 'of' && prep.normal !== 'from' && prep.normal !== 'at') return null;
  const last = toks[k - 1] as Tok;
  if (!isNameToken(last) || ORG_WORDS.has(last.normal) || TITLE_WORDS.has(last.normal)) return null;
  k--;
  const e = k + 1;
  while (k - 1 >= floor && isNameToken(toks[k - 1])) k--;
  if (e - k < 2 || (toks[k - 1] !== undefined && k > floor && (toks[k - 1] as Tok).pos === 'ADP'))
    return null;
  return [k, e];
}

const lastWords = new Map<string, string>();
/** The last word of a name, lower-cased (kept: names repeat). */
function lastWord(s: string): string {
  let w = lastWords.get(s);
  if (w === undefined) {
    if (lastWords.size > 50_000) lastWords.clear();
    w = (s.split(/\s+/).pop() ?? '').toLowerCase();
    lastWords.set(s, w);
  }
  return w;
}

function joinSlice(text: string, toks: readonly Tok[], a: number, b: number, base: number): string {
  return text.slice((toks[a] as Tok).start - base, (toks[b] as Tok).end - base).replace(/\s+/g, ' ');
}

function leftIsQuoteOrEmpty(toks: readonly Tok[], i: number, floor: number): boolean {
  let j = i - 1;
  while (j >= floor && ((toks[j] as Tok).pos === 'ADV' || (toks[j] as Tok).text === ',')) j--;
  return j < floor || (toks[j] as Tok).quote >= 0;
}

/** An appositive after a name: ", a senior fellow at the Brookings Institution," -> its words. */
function appositiveAfter(toks: readonly Tok[], e: number, text: string, base: number): string | null {
  if (toks[e]?.text !== ',') return null;
  // "Kai Tanaka, now a postdoctoral researcher in Hobart,": an adverb of time may come before the role.
  const adverb = toks[e + 1]?.pos === 'ADV' && toks[e + 2]?.pos === 'DET';
  const first = toks[adverb ? e + 2 : e + 1];
  if (!first || first.quote >= 0) return null;
  const starts =
    first.pos === 'DET'
      ? ['a', 'an', 'the'].includes(first.normal)
      : (first.pos === 'ADJ' || first.pos === 'NOUN') && /^\p{Ll}/u.test(first.text);
  if (!starts) return null;
  let k = e + 1;
  while (
    k < toks.length &&
    (toks[k] as Tok).quote < 0 &&
    (toks[k] as Tok).text !== ',' &&
    !BOUNDARY.has((toks[k] as Tok).text)
  ) {
    // A clause is no appositive: "According to the Budget Office, a shutdown would cost …". A capitalised word
    // the tagger read as a verb inside a name ("Harrow Re/AUX") is still the name.
    if (nameAt(toks, k)) {
      k++;
      continue;
    }
    // "a Denver lawyer representing the alliance": a participle after the role's noun qualifies it.
    if (
      (toks[k] as Tok).pos === 'AUX' ||
      ((toks[k] as Tok).pos === 'VERB' &&
        !['based', 'led', 'backed'].some((w) => (toks[k] as Tok).normal.endsWith(w)) &&
        !((toks[k] as Tok).normal.endsWith('ing') && (toks[k - 1] as Tok).pos === 'NOUN'))
    )
      return null;
    k++;
  }
  if (k === e + 1) return null;
  return joinSlice(text, toks, e + 1, k - 1, base);
}

/**
 * The role noun of a subject "his lawyer" / "her spokesperson" right before the speech verb at `i`, when it is
 * a person's role (not a body's), or null.
 */
function awaitedRole(
  toks: readonly Tok[],
  i: number,
  floor: number,
  text: string,
  base: number,
): string | null {
  const j = i - 1;
  if (j - 1 < floor) return null;
  const noun = toks[j] as Tok;
  const det = toks[j - 1] as Tok;
  if (noun.pos !== 'NOUN' || noun.quote >= 0 || !POSSESSIVE_DETERMINERS.has(det.normal)) return null;
  const ref = refOfPhrase(toks, j, j + 1, text, base);
  if (ref?.type !== 'role') return null;
  const lemma = noun.lemma.toLowerCase();
  return ORG_ROLE_NOUNS.has(lemma) && !PERSON_ROLE_NOUNS.has(lemma) ? null : noun.normal;
}

/** The noun of "His lawyer" written right before the comma at `comma` that opens a sentence, or null. */
function possessiveRoleBefore(toks: readonly Tok[], comma: number, floor: number): string | null {
  if (comma - 2 !== floor) return null;
  const det = toks[floor] as Tok;
  const noun = toks[floor + 1] as Tok;
  return POSSESSIVE_DETERMINERS.has(det.normal) && noun.pos === 'NOUN' ? noun.normal : null;
}

/** Heads of a role written before the name it belongs to ("His lawyer, Daniela Ruiz,"). */
const ROLE_HEADS = new Set([...TITLE_WORDS, ...PERSON_ROLE_NOUNS, 'lawyer', 'solicitor', 'barrister']);
const ROLE_LEAD_POS = new Set(['DET', 'PROPN', 'NOUN', 'ADJ']);
const ROLE_TAIL_POS = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'PART']);

/**
 * The role phrase ending at the comma at `comma`, from the sentence start or the comma before it: a short noun
 * phrase headed by a role ("Helix Orbital's chief executive", "The opposition's spokesperson for science", "The
 * commission's lawyer"), with no verb; null otherwise ("On Tuesday", "Last week", "One of them").
 */
function roleBefore(
  toks: readonly Tok[],
  comma: number,
  floor: number,
  text: string,
  base: number,
): string | null {
  let a = comma - 1;
  while (a > floor && (toks[a - 1] as Tok).text !== ',') a--;
  if (comma - a < 1 || comma - a > 10) return null;
  const lead = toks[a] as Tok;
  // Not "His lawyer", "Its chief executive": out of their sentence they no longer say whose role it is.
  if (!ROLE_LEAD_POS.has(lead.pos)) return null;
  let head = -1;
  for (let k = a; k < comma; k++) {
    const t = toks[k] as Tok;
    if (t.quote >= 0 || t.pos === 'VERB' || t.pos === 'AUX' || TIME_WORDS.has(t.normal)) return null;
    if (head >= 0 && !ROLE_TAIL_POS.has(t.pos)) return null;
    if (head < 0 && (t.pos === 'NOUN' || t.pos === 'PROPN') && ROLE_HEADS.has(t.normal)) {
      // The last role word of a run is the head ("chief executive").
      while (k + 1 < comma && ROLE_HEADS.has((toks[k + 1] as Tok).normal)) k++;
      head = k;
    }
  }
  return head < 0 ? null : joinSlice(text, toks, a, comma - 1, base);
}

/** Role nouns that name a kind of body, not a person who speaks for one. */
const BODY_KIND_NOUNS = new Set(
  [...ORG_ROLE_NOUNS, ...BUSINESS_NOUNS].filter(
    (w) =>
      !PERSON_ROLE_NOUNS.has(w) &&
      !['statement', 'communique', 'communiqué', 'report', 'release'].includes(w),
  ),
);
/** Words after a possessive that only a body has ("Helix Orbital's chief executive", "Norvik's shareholders"). */
const BODY_HOLDINGS = new Set([
  'ceo',
  'cfo',
  'chairman',
  'chairwoman',
  'shareholders',
  'employees',
  'headquarters',
]);
const CHIEF_OF_BODY = new Set(['executive', 'financial', 'operating', 'technology', 'investment']);

/**
 * Whether the text shows the name toks[from, e) to be a body: a kind of body right before it ("the private launch
 * company Helix Orbital", not "told the committee Smith …"), "which" after it ("Helix Orbital, which built …"), or
 * something only a body has after its possessive ("Helix Orbital's chief executive").
 */
function shownAsBody(toks: readonly Tok[], from: number, e: number, floor: number): boolean {
  const after = toks[e];
  if (after?.text === ',' && toks[e + 1]?.normal === 'which') return true;
  if (isPossessive(after)) {
    const owned = toks[e + 1];
    if (owned !== undefined && BODY_HOLDINGS.has(owned.normal)) return true;
    if (owned?.normal === 'chief' && CHIEF_OF_BODY.has(toks[e + 2]?.normal ?? '')) return true;
  }
  const kind = from > floor ? (toks[from - 1] as Tok) : undefined;
  if (kind === undefined || kind.pos !== 'NOUN' || kind.cap || !BODY_KIND_NOUNS.has(kind.normal))
    return false;
  // Back over the kind's determiner and modifiers: the phrase must not be a verb's object ("told the board Smith …").
  let k = from - 2;
  while (k >= floor && ['DET', 'ADJ', 'NOUN'].includes((toks[k] as Tok).pos) && !(toks[k] as Tok).cap) k--;
  const lead = k >= floor ? (toks[k] as Tok) : undefined;
  return lead === undefined || lead.pos === 'ADP' || lead.text === ',' || lead.text === '(';
}

/**
 * The name a person goes by, given right after their name: "Augustin Marchand, known to everyone at Cape Ellery
 * as Gus,", "…, known as Gus,". Null otherwise.
 */
function knownAs(toks: readonly Tok[], e: number, text: string, base: number): string | null {
  if (toks[e]?.text !== ',' || toks[e + 1]?.normal !== 'known') return null;
  for (let k = e + 2; k < toks.length && k - e <= 10; k++) {
    const t = toks[k] as Tok;
    if (t.quote >= 0 || t.text === ',' || BOUNDARY.has(t.text)) return null;
    if (t.normal !== 'as') continue;
    const first = k + 1;
    if (!isNameToken(toks[first])) return null;
    const last = Math.min(runEnd(toks, first), first + 2);
    return joinSlice(text, toks, first, last - 1, base);
  }
  return null;
}

const BRACKET_ACRONYM = /^\p{Lu}{2,8}$/u;
const NAME_INITIAL = /(?:^|[\s-])(\p{Lu})/gu;
/**
 * The acronym in brackets right after a name (tokens "(", "MSA", ")" at e), when it is the initials of the name's
 * capitalised words ("Medicines Safety Agency (MSA)", "North Atlantic Treaty Organization (NATO)"), else null;
 * not a credit ("WASHINGTON (AP)").
 */
function acronymAfter(toks: readonly Tok[], e: number, name: string): string | null {
  if (toks[e]?.text !== '(' || toks[e + 2]?.text !== ')') return null;
  const acr = (toks[e + 1] as Tok).text;
  if (!BRACKET_ACRONYM.test(acr) || !name.includes(' ')) return null;
  let initials = '';
  for (const m of name.matchAll(NAME_INITIAL)) initials += m[1];
  return initials === acr ? acr : null;
}

/** Whether the name ending before token e is followed by an appositive naming a kind of body (", a charity that"). */
function bodyAppositive(toks: readonly Tok[], e: number): boolean {
  if (toks[e]?.text !== ',') return false;
  const det = toks[e + 1];
  if (det === undefined || (det.normal !== 'a' && det.normal !== 'an' && det.normal !== 'the')) return false;
  // The head is the last noun of the phrase ("a patients' rights charity", "the national pharmacy body").
  let k = e + 2;
  while (k < toks.length && k - e < 7 && (toks[k] as Tok).quote < 0) {
    const t = toks[k] as Tok;
    const next = toks[k + 1];
    if (t.pos !== 'ADJ' && t.pos !== 'NOUN' && !isPossessive(t)) return false;
    if (t.pos === 'NOUN' && (next === undefined || (next.pos !== 'NOUN' && !isPossessive(next)))) {
      // "Mr. Lund, the board says …": a phrase its verb follows is the subject of a clause of its own, and the name
      // before the comma the one addressed; an apposition ends with a comma or goes on as a description.
      if (
        next !== undefined &&
        (next.pos === 'AUX' || (next.pos === 'VERB' && speechLemma(next.lemma) !== null))
      )
        return false;
      const noun = t.lemma.toLowerCase();
      return (ORG_WORDS.has(noun) || ORG_ROLE_NOUNS.has(noun)) && !PERSON_ROLE_NOUNS.has(noun);
    }
    k++;
  }
  return false;
}

/** The subject to the left of a speech verb, with the appositive role when it has one. */
function subjectBefore(
  toks: readonly Tok[],
  i: number,
  floor: number,
  text: string,
  base: number,
): { ref: Ref | null; role: string | null } {
  let j = i - 1;
  while (
    j >= floor &&
    ((toks[j] as Tok).pos === 'ADV' || (toks[j] as Tok).pos === 'AUX' || (toks[j] as Tok).normal === 'not')
  )
    j--;
  if (j < floor) return { ref: null, role: null };
  const t = toks[j] as Tok;
  if (t.quote >= 0) return { ref: null, role: null };
  if (t.pos === 'PRON') {
    if (['he', 'she', 'it', 'they', 'we', 'i'].includes(t.normal))
      return { ref: { type: 'pronoun', word: t.normal, start: t.start }, role: null };
    if ((t.normal === 'who' || t.normal === 'which') && toks[j - 1]?.text === ',')
      return subjectBefore(toks, j, floor, text, base);
    return { ref: null, role: null };
  }
  if (t.pos === 'NOUN' || t.pos === 'PROPN' || nameAt(toks, j)) {
    const from = phraseEndingAt(toks, j + 1, floor);
    // "growers on the Prairies say", "residents in Almaty said": the place is where the speakers are, not who.
    if (from > floor && PLACE_PREPOSITIONS.has((toks[from - 1] as Tok).normal))
      return { ref: null, role: null };
    // "the study everyone has been waving around since October says": a month or a weekday says nothing.
    let timeOnly = true;
    for (let k = from; k <= j && timeOnly; k++) timeOnly = TIME_WORDS.has((toks[k] as Tok).normal);
    if (timeOnly) return { ref: null, role: null };
    const person = personBeforeOf(toks, from, floor);
    if (person) {
      const ref = refOfPhrase(toks, titleStart(toks, person[0], floor), person[1], text, base);
      if (ref?.type === 'name' && !ref.org) return { ref, role: null };
    }
    return { ref: refOfPhrase(toks, from, j + 1, text, base), role: null };
  }
  if (t.text === ',' || t.text === ')') {
    // "Fiona Hill, former senior director …, said": the first name followed by a comma, outside fronted adverbials.
    for (let k = floor; k < j; k++) {
      const tk = toks[k] as Tok;
      if (tk.quote >= 0 || !isNameToken(tk) || isNameToken(toks[k - 1])) continue;
      const e = runEnd(toks, k);
      const after = toks[e];
      if (!after || (after.text !== ',' && after.text !== '(') || afterPreposition(toks, k)) continue;
      const ref = refOfPhrase(toks, titleStart(toks, k, floor), e, text, base);
      // "The Health Secretary, Helen Marsh, told": a title alone before the comma; the name follows it.
      if (ref?.type === 'role' && TITLE_WORDS.has(ref.noun) && after.text === ',' && isNameToken(toks[e + 1]))
        continue;
      let c = e;
      if (after.text === '(') while (c < j && (toks[c] as Tok).text !== ',') c++;
      const role =
        c + 1 <= j - 1 && (toks[c] as Tok).text === ',' ? joinSlice(text, toks, c + 1, j - 1, base) : null;
      // "Kai Tanaka, now a postdoctoral researcher in Hobart,": an adverb of time may come before the role.
      let l = c + 1;
      if (l < j - 1 && (toks[l] as Tok).pos === 'ADV' && (toks[l + 1] as Tok).pos === 'DET') l++;
      const lead = toks[l];
      const nominal = lead !== undefined && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(lead.pos);
      return { ref, role: role && nominal && /^\p{Ll}|^(a|an|the)\s/iu.test(role) ? role : null };
    }
    return { ref: null, role: null };
  }
  if (t.pos === 'CCONJ' && t.normal === 'and') {
    const subject = sentenceSubject(toks, floor, j, text, base);
    if (subject.ref) return subject;
    // "I remember the moment Dana Whitcomb, newly elected, leaned into the microphone and said": the subject of
    // the verb "and" joins, in a clause the sentence's own subject ("I remember") does not govern.
    let v = j - 1;
    while (v > floor && (toks[v] as Tok).quote < 0 && (toks[v] as Tok).pos !== 'VERB') v--;
    if (v > floor && (toks[v] as Tok).pos === 'VERB' && (toks[v] as Tok).quote < 0) {
      const joined = subjectBefore(toks, v, floor, text, base);
      if (joined.ref?.type === 'name') return joined;
    }
    const s = toks[floor] as Tok;
    if (s.quote >= 0) return { ref: null, role: null };
    let e = floor;
    while (e < toks.length && ['DET', 'ADJ', 'NOUN'].includes((toks[e] as Tok).pos)) e++;
    return { ref: e > floor ? refOfPhrase(toks, floor, e, text, base) : null, role: null };
  }
  return { ref: null, role: null };
}

/** The phrase after a speech verb ("said U.S. diplomatic spokesman Ned Price, …"), with its appositive. */
function phraseAfter(
  toks: readonly Tok[],
  r: number,
  text: string,
  base: number,
): { ref: Ref | null; role: string | null } {
  let e = r;
  while (e < toks.length) {
    const t = toks[e] as Tok;
    if (t.quote >= 0) break;
    const ok =
      ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(t.pos) ||
      isNameToken(t) ||
      t.normal === '’s' ||
      t.normal === "'s" ||
      (t.text === '-' && e > r) ||
      (['of', 'to', 'for'].includes(t.normal) && isNameToken(toks[e + 1]) && e > r);
    if (!ok) break;
    if (t.pos === 'DET' && e > r) break;
    e++;
  }
  if (e === r) return { ref: null, role: null };
  // "according to a spokesperson for the Department of Health and Social Care, …": the body speaks.
  const body = bodyAfterVoice(toks, e, text, base);
  if (body) e = body.end;
  const ref = body ? body.ref : refOfPhrase(toks, r, e, text, base);
  let role: string | null = null;
  if (toks[e]?.text === ',') {
    // The appositive runs to the next comma; a clause there ("according to X, a shutdown would cost …") is none.
    let k = e + 1;
    let clause = false;
    let relative = false;
    while (
      k < toks.length &&
      (toks[k] as Tok).quote < 0 &&
      (toks[k] as Tok).text !== ',' &&
      !BOUNDARY.has((toks[k] as Tok).text)
    ) {
      const t = toks[k] as Tok;
      if (t.normal === 'who' || t.normal === 'which' || t.normal === 'whose') relative = true;
      if (
        !relative &&
        !nameAt(toks, k) &&
        (t.pos === 'AUX' || (t.pos === 'VERB' && !/(based|led|backed)$/.test(t.normal)))
      )
        clause = true;
      k++;
    }
    if (k > e + 1 && !clause) {
      role = joinSlice(text, toks, e + 1, k - 1, base).replace(/[,;]\s*$/, '');
      if (!/^\p{Ll}|^(a|an|the)\s/iu.test(role) && !/^\p{Lu}[\p{L}.]*\s+\p{Lu}/u.test(role)) role = null;
    }
  }
  return { ref, role };
}

/** Whether the paragraph opens on a place in capitals followed by a comma or the agency ("LONDON, …", "WASHINGTON (AP)"). */
/**
 * The first token after a wire dateline opening the paragraph at `a` ("LONDON, Oct 31 (Reuters) - The body …"):
 * a place in capitals, then up to a dash within `limit`; `a` itself when there is none.
 */
function afterDateline(toks: readonly Tok[], a: number, limit: number): number {
  if (a !== 0) return a;
  let e = 0;
  while (e < limit && isNameToken(toks[e])) e++;
  if (e === 0 || !datelinePlace(toks, e)) return a;
  for (let k = e; k < limit && k < 20; k++) {
    const t = (toks[k] as Tok).text;
    if (t === '-' || t === '—' || t === '–') return k + 1;
  }
  return a;
}

function datelinePlace(toks: readonly Tok[], e: number): boolean {
  for (let k = 0; k < e; k++) {
    const t = (toks[k] as Tok).text;
    if (t.length < 2 || t !== t.toUpperCase()) return false;
  }
  const after = toks[e];
  return (
    after !== undefined &&
    (after.text === ',' || after.text === '(' || after.text === '—' || after.text === '-')
  );
}

/**
 * Reported speech with its attribution at the end: "Pupils who receive a first dose will be allowed back after
 * 72 hours, Dr Mensah said." The clause before the comma that precedes the speaker, when the verb ends the
 * sentence (or only a short phrase of time or manner follows it: "…, she said on Tuesday", "…, he said in a
 * statement"); null otherwise.
 */
function trailingClause(toks: readonly Tok[], c: Cue, s0: number, end: number): [number, number] | null {
  if (c.lemma !== 'say' && c.lemma !== 'add' && c.lemma !== 'tell' && c.lemma !== 'write') return null;
  let after = c.i + 1;
  if (after <= end && (toks[after] as Tok).pos === 'ADP') {
    after++;
    while (after <= end && after - c.i <= 6 && NOMINAL_POS.has((toks[after] as Tok).pos)) after++;
  }
  // "…, police said on Saturday, a day after the river burst its banks": what follows the time is no clause said.
  if (after <= end && !(after > c.i + 1 && (toks[after] as Tok).text === ',')) return null;
  // Back over the speaker's phrase to the comma before it.
  let q = c.i - 1;
  while (q > s0) {
    const t = toks[q] as Tok;
    if (t.text === ',') break;
    if (t.quote >= 0 || t.pos === 'VERB' || (t.pos === 'AUX' && q !== c.i - 1) || c.i - q > 8) return null;
    q--;
  }
  if (q - s0 < 4 || (toks[q] as Tok).text !== ',') return null;
  // "…, whatever Halden Pharma says": a concession, not who said the clause.
  if (CONCESSIVE.has((toks[q + 1] as Tok).normal)) return null;
  let a = afterDateline(toks, s0, q);
  while (a < q && (toks[a] as Tok).pos === 'PUNCT') a++;
  // "When asked about the plan, Mensah said …" opens on a subordinate clause, not on what was said.
  const first = toks[a] as Tok;
  if (first.pos === 'SCONJ' || first.pos === 'ADP' || SUBORDINATORS.has(first.normal)) return null;
  return a < q - 1 ? [a, q - 1] : null;
}

const CONCESSIVE = new Set(['whatever', 'whoever', 'however', 'as', 'than', 'no', 'despite']);
const SUBORDINATORS = new Set([
  'when',
  'while',
  'if',
  'as',
  'after',
  'before',
  'asked',
  'since',
  'although',
  'though',
]);
/** Prepositions of place ("growers on the Prairies"); not "at" or "of", which also say whom one works for. */
const PLACE_PREPOSITIONS = new Set([
  'on',
  'in',
  'near',
  'across',
  'around',
  'outside',
  'inside',
  'throughout',
]);

/**
 * The stance noun before "is that" at token `that` ("narrative" in "Tokayev's own narrative, endorsed by his
 * allies, is that …"), or -1.
 */
function stanceHead(toks: readonly Tok[], that: number, floor: number): number {
  let j = that - 2;
  if (j <= floor) return -1;
  if ((toks[j] as Tok).text === ',') {
    // Back over a parenthetical between the noun and its verb.
    let c = j - 1;
    while (c > floor && j - c < 30 && (toks[c] as Tok).text !== ',' && (toks[c] as Tok).quote < 0) c--;
    if (c <= floor || (toks[c] as Tok).text !== ',') return -1;
    j = c - 1;
  }
  const head = toks[j] as Tok;
  return head.pos === 'NOUN' && head.quote < 0 && STANCE_NOUNS.has(head.lemma.toLowerCase()) ? j : -1;
}

/** Who holds the stance whose noun is at `head`: a possessive phrase or pronoun before it ("the company's", "her"). */
function stanceOwner(
  toks: readonly Tok[],
  head: number,
  floor: number,
  text: string,
  base: number,
): Ref | null {
  let o = head - 1;
  while (o >= floor && STANCE_MODIFIERS.has((toks[o] as Tok).normal)) o--;
  if (o < floor) return null;
  const owner = toks[o] as Tok;
  if (owner.quote >= 0) return null;
  if (owner.pos === 'PRON') {
    const word =
      owner.normal === 'his' ? 'he' : owner.normal === 'her' ? 'she' : owner.normal === 'its' ? 'it' : null;
    return word === null ? null : { type: 'pronoun', word, start: owner.start };
  }
  if (!isPossessive(owner)) return null;
  const from = phraseEndingAt(toks, o, floor);
  return from < o ? refOfPhrase(toks, from, o, text, base) : null;
}

/**
 * Whether the "that" clause of the speech verb at i runs on to the quotation opening at `open` ("told reporters in
 * Canberra that the government still supported … but expected “full and frank answers.”"): a short phrase there is
 * part of what was reported, however long the clause, unless a comma ends it first ("… in which he warned that a
 * dagger had been placed at the throat of democracy, Biden will travel to the state officials view as “ground zero”").
 */
function thatClauseReaches(toks: readonly Tok[], i: number, open: number): boolean {
  if (open - i > 48) return false;
  let k = i + 1;
  while (k < open && k - i <= 6 && (toks[k] as Tok).normal !== 'that') k++;
  if (k >= open || (toks[k] as Tok).normal !== 'that') return false;
  for (k++; k < open; k++) {
    const t = toks[k] as Tok;
    if (t.quote >= 0 || t.text === ',' || t.text === ';' || t.text === ':') return false;
  }
  return true;
}

/** The clause before "…, said X" (tokens from the sentence start to the comma), unless it is subordinate. */
function frontedClause(toks: readonly Tok[], i: number, s0: number): [number, number] | null {
  let a = afterDateline(toks, s0, i);
  while (a < i && (toks[a] as Tok).pos === 'PUNCT') a++;
  const first = toks[a] as Tok;
  if (first.pos === 'SCONJ' || first.pos === 'ADP' || SUBORDINATORS.has(first.normal)) return null;
  return a < i - 2 ? [a, i - 2] : null;
}

/** The clause after a stance's "that", to the end of its sentence without the closing punctuation. */
function stanceClause(toks: readonly Tok[], that: number, s1: number): [number, number] | null {
  let end = s1;
  while (end > that && ((toks[end] as Tok).pos === 'PUNCT' || (toks[end] as Tok).pos === 'SYM')) end--;
  return end > that ? [that + 1, end] : null;
}

/** Token range of the reported clause of a speech verb, or null. */
function indirectClause(toks: readonly Tok[], c: Cue, s0: number, s1: number): [number, number] | null {
  let end = s1;
  while (end > s0 && ((toks[end] as Tok).pos === 'PUNCT' || (toks[end] as Tok).pos === 'SYM')) end--;
  if (c.lemma === 'according') {
    const comma = toks[c.i - 1]?.text === ',' ? c.i - 1 : -1;
    if (comma > s0) {
      let a = s0;
      while (a < comma && (toks[a] as Tok).pos === 'PUNCT') a++;
      return [a, comma - 1];
    }
    if (c.i === s0 || (c.i === s0 + 1 && (toks[s0] as Tok).pos === 'PUNCT')) {
      let k = c.i + 2;
      while (k <= end && (toks[k] as Tok).text !== ',') k++;
      return k < end ? [k + 1, end] : null;
    }
    return null;
  }
  const trailing = trailingClause(toks, c, s0, end);
  if (trailing) return trailing;
  let k = c.i + 1;
  // An object between the verb and "that": "told CNN that", "warned Putin that".
  if (toks[k]?.normal !== 'that') {
    let m = k;
    // ("that" may be tagged a determiner: "told Reuters that/DET farmers were …"; a time before it may open on an
    // adverb: "said earlier this year that".)
    while (
      m <= end &&
      m - k < 6 &&
      (toks[m] as Tok).normal !== 'that' &&
      ['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'ADV'].includes((toks[m] as Tok).pos)
    )
      m++;
    if (toks[m]?.normal === 'that' && m > k) k = m;
    else if (c.lemma === 'tell' && toks[k]?.pos === 'PROPN') {
      // "tells BBC Midlands the group has instructed solicitors": the one told, then the clause without "that".
      let e = k;
      while (e <= end && (toks[e] as Tok).pos === 'PROPN') e++;
      const next = toks[e];
      if (next !== undefined && (next.pos === 'DET' || next.pos === 'PRON')) k = e;
    } else if (k <= end && toks[k]?.pos === 'ADP') {
      // A time or place between them: "said on Wednesday that", "said in a note last week that", or with no
      // "that" before the clause ("said on Wednesday it would review …"). The tagger may read that "that" as a
      // determiner ("on Friday that/DET replacement stock was …"): after a whole time phrase it opens the clause.
      m = k + 1;
      while (
        m <= end &&
        m - k < 8 &&
        (toks[m] as Tok).quote < 0 &&
        (toks[m] as Tok).normal !== 'that' &&
        (NOMINAL_POS.has((toks[m] as Tok).pos) || (toks[m] as Tok).pos === 'ADP')
      )
        m++;
      const last = toks[m - 1] as Tok;
      if (m > k + 1 && last.pos !== 'ADP' && last.pos !== 'DET') k = m;
    }
  }
  if (toks[k]?.normal === 'that') return k + 1 <= end ? [k + 1, end] : null;
  if (
    ![
      'say',
      'tell',
      'add',
      'write',
      'note',
      'argue',
      'insist',
      'claim',
      'predict',
      'warn',
      'suggest',
      'explain',
    ].includes(c.lemma)
  )
    return null;
  if (toks[k]?.text === ',' && c.i > s0) {
    // Parenthetical "In Belarus and now Kazakhstan, Hill noted, there is …".
    return k + 1 <= end ? [k + 1, end] : null;
  }
  // A bare clause: a subject (pronoun or short noun phrase) followed by a verb.
  let m = k;
  let modified = false;
  const first = toks[m];
  if (!first) return null;
  if (first.pos === 'PRON' && ['he', 'she', 'it', 'they', 'we', 'i', 'there', 'you'].includes(first.normal))
    m++;
  else
    while (m <= end && m - k < 12) {
      const t = toks[m] as Tok;
      // "said his company would …": a possessive determiner (tagged a pronoun) opens the subject like "the".
      if (
        NOMINAL_POS.has(t.pos) ||
        t.normal === '’s' ||
        t.normal === "'s" ||
        (m === k && t.pos === 'PRON' && OWNER_DETERMINERS.has(t.normal))
      ) {
        if (m - k >= 5 && !modified) break;
        m++;
        continue;
      }
      // A subject with its modifiers: "the damage to Canada's reputation as a reliable supplier could …".
      const prev = toks[m - 1];
      const next = toks[m + 1];
      // A preposition, or two subjects joined ("says officers and fire crews are checking …"), between nouns.
      // A quantity of them: "said many of the homes had been sold", "says two of the pumps were off".
      if (
        (t.pos === 'ADP' || (t.pos === 'CCONJ' && (t.normal === 'and' || t.normal === 'or'))) &&
        m > k &&
        (prev?.pos === 'NOUN' ||
          prev?.pos === 'PROPN' ||
          (t.normal === 'of' && m === k + 1 && (prev?.pos === 'ADJ' || prev?.pos === 'NUM'))) &&
        next !== undefined &&
        NOMINAL_POS.has(next.pos)
      ) {
        modified = true;
        m++;
        continue;
      }
      break;
    }
  if (m === k || m > end) return null;
  while (m <= end && (toks[m] as Tok).pos === 'ADV') m++;
  const v = toks[m];
  if (!v || (v.pos !== 'VERB' && v.pos !== 'AUX')) return null;
  return [k, end];
}
