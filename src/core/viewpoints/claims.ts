/**
 * Claims: the sentences of articles and reader comments that take a position, each with its holder and source
 * kind. Runs once at analysis time over the tokens the corpus already has (no second NLP pass).
 *
 * Stages, in order: names of the document (who can hold a claim) -> quote state of each sentence -> attribution
 * (the quotes engine first, then "X said" / "said X" / "according to X" / a pronoun for the last speaker) ->
 * strength of the position (opinion markers, modals, evaluative words, negation) -> holder and kind.
 */
import type { CorpusDocument, Paragraph, ReaderComment, Sentence, Token } from '../corpus/types.js';
import type { Quote } from '../quotes/types.js';
import type { PassageIndex } from '../search/index.js';
import { sentenceTerms } from '../search/index.js';
import { POSSESSIVE_ENDINGS } from '../search/stopwords.js';
import { TokenTrie } from './token-trie.js';
import { WEEKDAYS } from '../text/calendar-words.js';
import { OFFICIAL, OPINION_MARKERS, TITLE_WORDS } from './lexicon.js';
import { ORG_ROLE_NOUNS, PERSON_ROLE_NOUNS } from '../quotes/lexicon.js';
import type { ContextBuilder } from './context.js';
import { judgesByContrary, sentenceReading } from './stance.js';
import {
  ATTRIBUTION,
  CONTRAST,
  FLIPPER,
  MODAL,
  NAME,
  POLAR,
  looseInfo,
  type WordInfo,
  type WordTable,
} from './words.js';
import type { Claim, ClaimKind } from './types.js';

const ORG_WORDS =
  /\b(ministry|department|council|organization|organisation|office|kremlin|embassy|government|agency|committee|commission|alliance|house)\b/i;
const ATTITUDE_VERBS = new Set([
  'see',
  'believe',
  'think',
  'argue',
  'consider',
  'view',
  'expect',
  'fear',
  'hope',
  'worry',
  'support',
  'oppose',
  'doubt',
  'predict',
]);
const PRONOUNS = new Set(['he', 'she', 'they']);
/** Modals before a saying verb that make it no report ("should say", "could claim"); "will"/"would" still report. */
const UNREPORTED_MODALS = new Set([
  'should',
  'must',
  'ought',
  'could',
  'might',
  'may',
  'can',
  'cannot',
  'need',
]);
const REBUTTAL_VERBS = new Set([
  'suggest',
  'say',
  'claim',
  'argue',
  'warn',
  'insist',
  'assert',
  'contend',
  'believe',
  'think',
  'put',
]);

interface NameInfo {
  readonly name: string;
  readonly official: boolean;
}

/** A run's name with what `documentNames` derives from it (computed once per distinct run). */
interface RunName {
  readonly name: string | null;
  /** `name` lower-cased ("" for none). */
  readonly key: string;
  /** How many space-separated words `name` has (0 for none). */
  readonly words: number;
  /** The last word of `key`. */
  readonly surname: string;
  /** `name` names an organisation (ORG_WORDS). */
  readonly org: boolean;
}

// Names by their run's words (see token-trie.ts), dropped and started again past a bound.
let runTrie = new TokenTrie<RunName>();
const MAX_RUN_NODES = 100_000;

/** The name of the run of tokens [from, to). */
function runName(tokens: readonly Token[], from: number, to: number): RunName {
  if (runTrie.size > MAX_RUN_NODES) runTrie = new TokenTrie<RunName>();
  const node = runTrie.at(tokens, from, to);
  if (node.value === undefined) {
    const name = readNameOfRun(tokens.slice(from, to));
    const key = name === null ? '' : name.toLowerCase();
    node.value = {
      name,
      key,
      words: name === null ? 0 : name.split(' ').length,
      surname: key.split(' ').pop() as string,
      org: name !== null && ORG_WORDS.test(name),
    };
  }
  return node.value;
}

/**
 * The name a run of proper-noun tokens [from, to) gives, title words stripped: "US Secretary of State Antony
 * Blinken" -> "Antony Blinken".
 */
function nameOfRun(tokens: readonly Token[], from: number, to: number): string | null {
  return runName(tokens, from, to).name;
}

function readNameOfRun(run: readonly Token[]): string | null {
  // Hyphenated names are one word: "Kassym-Jomart".
  const words: string[] = [];
  for (let k = 0; k < run.length; k++) {
    const t = run[k] as Token;
    if (t.text === '-' && words.length > 0 && run[k + 1])
      words[words.length - 1] += `-${(run[++k] as Token).text}`;
    else words.push(t.text);
  }
  const text = words.join(' ');
  if (ORG_WORDS.test(text)) return text.replace(/^the\s+/i, '');
  let i = 0;
  while (i < words.length - 1 && TITLE_WORDS.has((words[i] as string).toLowerCase())) i++;
  const last = words.slice(i).slice(-2);
  if (last.length === 0) return null;
  return last.map((w) => w.replace(/[’']s$/, '')).join(' ');
}

/**
 * Whether token `i` is a name word (a PROPN word whose text starts with an ASCII capital): the word table's NAME
 * flag, so the token itself is not read.
 */
const isNameAt = (infos: readonly WordInfo[], i: number): boolean =>
  ((infos[i] as WordInfo).flags & NAME) !== 0;

// The next word's flag first: most runs end before a word that is not a name, and that needs no token read.
const isHyphenInName = (tokens: readonly Token[], infos: readonly WordInfo[], i: number): boolean =>
  i + 1 < tokens.length &&
  isNameAt(infos, i + 1) &&
  tokens[i]?.text === '-' &&
  tokens[i]?.start === tokens[i - 1]?.end &&
  tokens[i + 1]?.start === tokens[i]?.end;

/**
 * Where the run of name tokens ending at index `end` (inclusive) starts, reaching back over hyphens inside names
 * ("Kassym-Jomart"): the run is [start, end], empty when start is end + 1. Runs are index ranges, not arrays.
 */
function runStartBefore(tokens: readonly Token[], infos: readonly WordInfo[], end: number): number {
  let i = end;
  while (i >= 0 && (isNameAt(infos, i) || (isHyphenInName(tokens, infos, i) && i < end))) i--;
  return i + 1;
}

/** Where the run of name tokens starting at index `start` ends (exclusive): [start, end), empty when end is start. */
function runEndAfter(tokens: readonly Token[], infos: readonly WordInfo[], start: number): number {
  let i = start;
  while (i < tokens.length && (isNameAt(infos, i) || (i > start && isHyphenInName(tokens, infos, i)))) i++;
  return i;
}

/** The people and organisations a document names, by surname (and full name), with whether each holds office. */
function documentNames(
  doc: CorpusDocument,
  infosOf: (s: Sentence) => readonly WordInfo[],
): Map<string, NameInfo> {
  const names = new Map<string, NameInfo>();
  for (const p of doc.body) {
    for (const s of p.sentences) {
      const toks = s.tokens;
      const infos = infosOf(s);
      for (let i = 0; i < toks.length; i++) {
        if (!((infos[i] as WordInfo).flags & NAME) || (i > 0 && (infos[i - 1] as WordInfo).flags & NAME))
          continue;
        const end = runEndAfter(toks, infos, i);
        const { name, key, words, surname } = runName(toks, i, end);
        if (!name || words < 2) continue;
        const known = names.get(key);
        // Known as an official already: this mention can change nothing.
        if (known?.official) continue;
        // The run and up to four words before it ("Secretary of State Antony Blinken"), joined by spaces.
        const from = Math.max(0, i - 4);
        let before = (toks[from] as Token).text;
        for (let k = from + 1; k < end; k++) before += ` ${(toks[k] as Token).text}`;
        const info: NameInfo = { name, official: OFFICIAL.test(before) && !OUT_OF_OFFICE.test(before) };
        if (!known || (!known.official && info.official)) names.set(key, info);
        const bySurname = names.get(surname);
        if (!bySurname) names.set(surname, info);
        else if (bySurname.name === info.name && info.official) names.set(surname, info);
      }
    }
  }
  return names;
}

/** A title held in opposition or no longer ("the shadow health secretary", "a former minister"): no official voice. */
const OUT_OF_OFFICE = /\b(?:shadow|former|ex|opposition|retired)\b/i;

function resolveName(names: ReadonlyMap<string, NameInfo>, raw: string): NameInfo {
  const key = raw.toLowerCase();
  const full = names.get(key);
  // A transcript's label names the speaker in capitals ("DENISE MARCHBANKS:"): shown as the quotes engine writes it.
  if (full) return /\p{Ll}/u.test(full.name) || !/\p{Ll}/u.test(raw) ? full : { ...full, name: raw };
  const surname = names.get(key.split(' ').pop() as string);
  if (surname && (raw.split(' ').length === 1 || raw.endsWith(surname.name) || surname.name.endsWith(raw)))
    return surname;
  return { name: raw, official: OFFICIAL.test(raw) && !OUT_OF_OFFICE.test(raw) };
}

/** Who a sentence attributes its words to, from its own tokens, or null. */
/** Nouns for those who speak on someone's behalf: "<name>'s office said". */
const SPEAKS_FOR = new Set([
  'office',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'campaign',
  'aide',
  'aides',
  'lawyer',
  'attorney',
  'representative',
]);
const JOINERS = new Set(['of', 'for', 'and', '&']);

const WEEKDAY_NAMES: ReadonlySet<string> = new Set(WEEKDAYS);
/** A question's turn in a transcript: "Q: …", "Q. …", "QUESTION: …", "REPORTER: …". */
const ASKED_TURN = /^(?:Q|QUESTION|REPORTERS?)\s*[.:]\s/;

function attributionIn(
  tokens: readonly Token[],
  infos: readonly WordInfo[],
  names: ReadonlyMap<string, NameInfo>,
  last: NameInfo | null,
  lastOrg: NameInfo | null,
): NameInfo | null {
  // Normal forms, tags and lemmas come from the word infos (keyed by them, so the same values, and in cache); the
  // tokens are read for their text only.
  for (let i = 0; i < infos.length; i++) {
    const w = infos[i] as WordInfo;
    // Most words are neither an attribution verb nor "according": decided from the word table alone, the flag first.
    if (!((w.flags & ATTRIBUTION) !== 0 && w.pos === 'VERB') && w.normal !== 'according') continue;
    // "according to X"
    if (w.normal === 'according' && infos[i + 1]?.normal === 'to') {
      let j = i + 2;
      while (j < infos.length && !isNameAt(infos, j) && j < i + 6 && (infos[j] as WordInfo).pos !== 'PUNCT')
        j++;
      const end = runEndAfter(tokens, infos, j);
      const name = end > j ? nameOfRun(tokens, j, end) : null;
      if (name) return resolveName(names, name);
    }
    if (!(w.pos === 'VERB' && (w.flags & ATTRIBUTION) !== 0)) continue;
    // "…,” he continued." speaks; "patients should continue to take their medicine" does not.
    if (w.lemma.toLowerCase() === 'continue' && infos[i + 1] !== undefined && infos[i + 1]?.pos !== 'PUNCT')
      continue;
    // "X said", "X has suggested"
    let b = i - 1;
    let prescribed = false;
    while (b >= 0 && ((infos[b] as WordInfo).pos === 'AUX' || (infos[b] as WordInfo).pos === 'ADV')) {
      prescribed ||= UNREPORTED_MODALS.has((infos[b] as WordInfo).normal);
      b--;
    }
    // "he should say so", "they must tell their supporters": what someone ought to or might say is not what they said.
    if (prescribed) continue;
    const prev = infos[b];
    if (prev && isNameAt(infos, b)) {
      const first = runStartBefore(tokens, infos, b);
      // Not the holder: "as X has suggested" (answered), "if X had argued" (supposed), "to the United States" (an object).
      const lead = infos[first - 1];
      if (
        ['as', 'if', 'unless', 'whether'].includes(lead?.normal ?? '') ||
        lead?.pos === 'ADP' ||
        (lead?.pos === 'DET' && infos[first - 2]?.pos === 'ADP')
      )
        continue;
      const name = nameOfRun(tokens, first, b + 1);
      if (name) return resolveName(names, name);
    }
    // "Mayor Jane Ortiz's office said", "Putin's spokesman said": the office speaks for the name before it.
    if (
      prev &&
      prev.pos === 'NOUN' &&
      SPEAKS_FOR.has(prev.lemma.toLowerCase()) &&
      b >= 2 &&
      POSSESSIVE_ENDINGS.has((infos[b - 1] as WordInfo).normal) &&
      isNameAt(infos, b - 2)
    ) {
      const name = nameOfRun(tokens, runStartBefore(tokens, infos, b - 2), b - 1);
      if (name) return resolveName(names, name);
    }
    // "A Department of Health spokesperson said": the organisation named right before speaks through its spokesperson.
    if (
      prev &&
      prev.pos === 'NOUN' &&
      SPEAKS_FOR.has(prev.lemma.toLowerCase()) &&
      b >= 1 &&
      isNameAt(infos, b - 1)
    ) {
      // Over the small words inside an organisation's name ("Department of Health and Social Care").
      let first = runStartBefore(tokens, infos, b - 1);
      while (first >= 2 && JOINERS.has((infos[first - 1] as WordInfo).normal) && isNameAt(infos, first - 2))
        first = runStartBefore(tokens, infos, first - 2);
      const run = runName(tokens, first, b);
      if (run.name && run.org) return resolveName(names, run.name);
    }
    if (prev && PRONOUNS.has(prev.normal) && last) return last;
    if (
      prev &&
      prev.pos === 'NOUN' &&
      /^(statement|ministry|department|embassy|kremlin|government|office|agency|regulator|company|council|commission|spokesperson|spokesman|spokeswoman)$/.test(
        prev.lemma.toLowerCase(),
      )
    ) {
      if (lastOrg) return lastOrg;
    }
    // "Fiona Hill, former director of ..., said" / "Russia, comforted by ..., said": the name before the appositive.
    if (prev && (tokens[b] as Token).text === ',') {
      let c = b - 1;
      while (c >= 0 && (tokens[c] as Token).text !== ',') c--;
      const first = c > 0 ? runStartBefore(tokens, infos, c - 1) : c;
      const name = c > 0 && first <= c - 1 ? nameOfRun(tokens, first, c) : null;
      if (name) return resolveName(names, name);
    }
    // "said X." / "said U.S. diplomatic spokesman Ned Price," (not "say Putin may ...")
    if (/^(tell|told|tells)$/.test(w.normal)) continue;
    for (let j = i + 1; j < Math.min(infos.length, i + 7); j++) {
      const u = infos[j] as WordInfo;
      if (!(u.pos === 'PROPN' || u.pos === 'NOUN' || u.pos === 'ADJ' || u.pos === 'DET')) break;
      if (isNameAt(infos, j)) {
        const end = runEndAfter(tokens, infos, j);
        const next = infos[end];
        // "the committee's chair said Thursday, as …": a day, not who said it.
        if (end === j + 1 && WEEKDAY_NAMES.has(u.normal)) break;
        const name = nameOfRun(tokens, j, end);
        if (name && (!next || next.pos === 'PUNCT')) return resolveName(names, name);
        break;
      }
    }
  }
  // "Mark Green, a Tennessee Republican, is among those who see ...": an opening name holding an attitude.
  // (Only a sentence opening on a name has one.)
  const opening = tokens.length > 0 && isNameAt(infos, 0) ? runEndAfter(tokens, infos, 0) : 0;
  const after = tokens[opening];
  if (
    opening > 0 &&
    after &&
    (after.text === ',' || (after.pos === 'VERB' && ATTITUDE_VERBS.has(after.lemma.toLowerCase()))) &&
    !tokens.some((t) => t.text === 'I')
  ) {
    // (Tags and lemmas from the word infos, which are keyed by them, rather than from every token.)
    if (infos.some((w) => w.pos === 'VERB' && ATTITUDE_VERBS.has(w.lemma.toLowerCase()))) {
      const { name, org } = runName(tokens, 0, opening);
      if (name && !org) return resolveName(names, name);
    }
  }
  return null;
}

/** The holder a sentence rebuts: "…, as US Secretary of State Antony Blinken has suggested" / "contrary to X". */
function rebuttalIn(
  tokens: readonly Token[],
  infos: readonly WordInfo[],
  names: ReadonlyMap<string, NameInfo>,
): string | null {
  let negated = false;
  for (let i = 0; i < infos.length && !negated; i++)
    negated = ((infos[i] as WordInfo).flags & (FLIPPER | CONTRAST)) !== 0;
  // "contrary" is a contrast marker, so a sentence with neither a negation nor a contrast rebuts no one.
  if (!negated) return null;
  // The word infos have each token's normal form, tag and lemma (they are keyed by them): tokens are read for names only.
  for (let i = 0; i < infos.length; i++) {
    const normal = (infos[i] as WordInfo).normal;
    if (normal === 'as' || (normal === 'contrary' && infos[i + 1]?.normal === 'to')) {
      let j = normal === 'as' ? i + 1 : i + 2;
      while (j < infos.length && j < i + 6 && !isNameAt(infos, j)) j++;
      const end = runEndAfter(tokens, infos, j);
      if (end === j) continue;
      let k = end;
      while (k < infos.length && (infos[k] as WordInfo).pos === 'AUX') k++;
      const verb = infos[k];
      if (normal === 'contrary' || (verb && REBUTTAL_VERBS.has(verb.lemma.toLowerCase()))) {
        const name = nameOfRun(tokens, j, end);
        if (name) return resolveName(names, name).name;
      }
    }
  }
  return null;
}

/** Whether a sentence has words of its own after an opening "@Name" (is not the handle alone). */
const wordsAfterHandle = (text: string): boolean => /\p{L}/u.test(text.replace(/^\s*@\S+/u, ''));

/**
 * What a reply opening on assent says after the name it answers ("@Sam Agreed.", "@Sam Exactly, and …", "@Sam Spot
 * on."): it takes the other comment's side, not the other side.
 */
const ASSENT =
  /^[\s,:;.!—–-]*(?:agreed|i agree|agree|exactly|indeed|yes|yep|yeah|true|so true|right|well said|this|same here|spot on|absolutely|precisely|\+1)\b/i;

/**
 * The holder a reader comment answers: the earlier comment its "@Name" (or its quotation) points to, unless it opens
 * on assent. A reply argues with what it answers, so its words stand against that comment's side, whatever they say
 * of the topic on their own ("@Sam Then pay the people who load it properly.").
 */
function answeredComment(c: ReaderComment): string | null {
  if (c.replyToComment === null || c.replyToComment === c.index) return null;
  let text = c.paragraphs[0]?.text ?? '';
  if (c.replyTo !== null) {
    const at = text.indexOf(`@${c.replyTo}`);
    if (at >= 0 && at < 4) text = text.slice(at + c.replyTo.length + 1);
  }
  text = text.replace(/^\s*@\S+/, '');
  return ASSENT.test(text) ? null : `reader comment #${c.replyToComment}`;
}

/** How strongly a sentence marks itself as taking a position. */
const MARKERS = OPINION_MARKERS.map((marker) => marker.replace(/’/g, "'"));
/**
 * Matches the original text wherever some marker is in its lower-cased, apostrophe-folded form (and in a few more
 * places): one scan rules out the sentences (most) that hold none, without lower-casing them.
 */
const ANY_MARKER = new RegExp(
  [...new Set(MARKERS)].map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('|'),
  'iu',
);

/** Opinion markers (2 each) in a sentence's text. */
function markerStrength(text: string): number {
  if (!ANY_MARKER.test(text)) return 0;
  const lower = text.toLowerCase().replace(/’/g, "'");
  let strength = 0;
  for (const marker of MARKERS) if (lower.includes(marker)) strength += 2;
  return strength;
}

/** Position strength from the sentence's word infos and text. */
function strengthOf(infos: readonly WordInfo[], text: string): number {
  let modal = false;
  let polar = 0;
  let negation = false;
  let contrast = false;
  for (const w of infos) {
    const f = w.flags;
    if (f & MODAL) modal = true;
    if (f & POLAR) polar++;
    if (f & FLIPPER) negation = true;
    if (f & CONTRAST) contrast = true;
  }
  return (
    markerStrength(text) +
    (modal ? 1 : 0) +
    Math.min(polar, 3) * 0.75 +
    (negation ? 0.5 : 0) +
    (contrast ? 0.5 : 0)
  );
}

/** How strongly a sentence marks itself as taking a position (`lowerText`: its text lower-cased). */
export function positionStrength(tokens: readonly Token[], lowerText: string): number {
  return strengthOf(tokens.map(looseInfo), lowerText);
}

function positionsOf(text: string, mark: string): number[] {
  const at: number[] = [];
  for (let k = text.indexOf(mark); k !== -1; k = text.indexOf(mark, k + 1)) at.push(k);
  return at;
}

/**
 * Whether a sentence holding a quotation says in words of its own whose words they are, naming no one by it: a
 * subject before the marks other than a pronoun ("The act requires firms to “notify …”", "Under state law,
 * companies must …"), or after them a thing rather than a body or a person ("“…,” the regulation states", not
 * "“…,” the company said" nor "“…,” said Gareth Pryce"). Such a quotation is not carried to the speaker of the
 * sentences around it.
 */
function ownSubject(text: string): boolean {
  const lead = opensInside(text) ? '' : (/^[^“"]*/.exec(text)?.[0] ?? '');
  const first = /\p{L}[\p{L}'’]*/u.exec(lead)?.[0];
  if (first !== undefined) return !OWN_PRONOUNS.has(first.toLowerCase());
  const close = Math.max(text.lastIndexOf('”'), text.lastIndexOf('"'));
  if (close < 0) return false;
  const noun = TAIL_SUBJECT.exec(text.slice(close + 1))?.[1]?.toLowerCase();
  return noun !== undefined && !ORG_ROLE_NOUNS.has(noun) && !PERSON_ROLE_NOUNS.has(noun);
}
/**
 * Whether a sentence (one holding or inside a quotation) opens inside a quotation begun before it: it holds no mark,
 * its first curly mark closes, or it holds an odd number of straight ones after words.
 */
function opensInside(text: string): boolean {
  const curly = /[“”]/.exec(text)?.[0];
  if (curly !== undefined) return curly === '”';
  const straight = text.split('"').length - 1;
  // No mark at all: a sentence inside a quotation that runs over it.
  return straight === 0 || (!/^\s*"/.test(text) && straight % 2 === 1);
}
const OWN_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'that']);
/** "…,” the regulation states": the head noun of a subject after the closing mark, before its verb. */
const TAIL_SUBJECT = /^[\s,]*(?:the|a|an|its|this)\s+(?:\p{Ll}[\p{L}-]*\s+)?(\p{Ll}[\p{L}-]*)\s+\p{Ll}+/u;

/** Whether each sentence of a paragraph is (partly) inside quotation marks. */
function quotedSentences(p: Paragraph): boolean[] {
  let open = false;
  // Marks counted once along the paragraph (sentences are in text order), not again over every prefix.
  let opens = 0;
  let closes = 0;
  let counted = 0;
  // Positions of the opening and closing marks (most paragraphs have none).
  const openAt = positionsOf(p.text, '“');
  // Without an opening mark no sentence is inside one, whatever the closing marks.
  const closeAt = openAt.length > 0 ? positionsOf(p.text, '”') : [];
  let nextOpen = 0;
  let nextClose = 0;
  return p.sentences.map((s) => {
    const upTo = Math.max(counted, Math.min(p.text.length, s.start - p.start));
    while (nextOpen < openAt.length && (openAt[nextOpen] as number) < upTo) {
      if ((openAt[nextOpen] as number) >= counted) opens++;
      nextOpen++;
    }
    while (nextClose < closeAt.length && (closeAt[nextClose] as number) < upTo) {
      if ((closeAt[nextClose] as number) >= counted) closes++;
      nextClose++;
    }
    counted = upTo;
    open = opens > closes;
    if (open) return true;
    // Scare quotes around a phrase ("so-called “peacekeepers”") do not make a sentence someone's words.
    if (!s.text.includes('“') && !s.text.includes('"')) return false;
    const spans = s.text.match(/[“"][^”"]*[”"]?/g) ?? [];
    // (Five pieces are enough to know.)
    return spans.some((q) => q.split(/\s+/, 5).length >= 5);
  });
}

export interface ClaimSource {
  readonly doc: CorpusDocument;
  readonly quotes: readonly Quote[];
  readonly index: PassageIndex;
  /** The document's passage ids by start offset. */
  readonly passageByStart: ReadonlyMap<number, number>;
  /** The analysis's word table (interned terms and stems). */
  readonly words: WordTable;
  /** Word infos of each passage's tokens, by passage id (absent: looked up in `words`). */
  readonly infosByPassage: readonly (readonly WordInfo[] | undefined)[];
  /** Where the paragraphs' and titles' stems go (each claim gets its paragraph's slot). */
  readonly contexts: ContextBuilder;
}

interface SpokenQuote {
  readonly start: number;
  readonly end: number;
  /** Position in the document's quote list: the first overlapping one wins, as a search in that order would. */
  readonly order: number;
  readonly speaker: string;
}

/**
 * The speaker of the first quote (in `quotes` order) with a speaker, of `minWords` words or more (direct, partial or
 * reported speech; `marked`: direct and partial only), overlapping [start, end): quotes sorted by start with a running
 * maximum of their ends, searched backwards.
 */
function quoteSpeakerFinder(
  quotes: readonly Quote[],
  minWords: number,
  marked = false,
): (start: number, end: number) => string | null {
  const spoken: SpokenQuote[] = [];
  quotes.forEach((q, order) => {
    if (marked && q.kind === 'indirect') return;
    if (q.speaker !== null && q.text.split(/\s+/, minWords).length >= minWords)
      spoken.push({ start: q.start, end: q.end, order, speaker: q.speaker });
  });
  spoken.sort((a, b) => a.start - b.start || a.order - b.order);
  const maxEnd: number[] = [];
  spoken.forEach((q, k) => maxEnd.push(Math.max(q.end, k > 0 ? (maxEnd[k - 1] as number) : -Infinity)));
  return (start, end) => {
    let lo = 0;
    let hi = spoken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spoken[mid] as SpokenQuote).start < end) lo = mid + 1;
      else hi = mid;
    }
    let best: SpokenQuote | null = null;
    for (let k = lo - 1; k >= 0 && (maxEnd[k] as number) > start; k--) {
      const q = spoken[k] as SpokenQuote;
      if (q.end > start && (best === null || q.order < best.order)) best = q;
    }
    return best?.speaker ?? null;
  };
}

/** A sentence wholly inside quotation marks ("“The risk is tiny.”", "'We acted fast.'"). */
const WHOLLY_QUOTED = /^\s*[“"‘'][^“”"]*[”"’'][.!?]?\s*$/u;

/**
 * A sentence's words, lower-cased, for recognising it repeated ("" when under three words: "Exactly." or "No." is
 * said again without quoting anyone).
 */
function wordsKey(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length < 3 ? '' : words.join(' ');
}

/** "Statement by the Medicines Safety Agency on the recall …": who issued it ("the Medicines Safety Agency"). */
const ISSUED_BY =
  /^(?:[Jj]oint\s+)?(?:STATEMENT|[Ss]tatement)\s+(?:by|from)\s+(the\s+)?(\p{Lu}[^,:;]*?)(?:\s+(?:on|about|regarding|concerning|following|after)\s|[,:;]|$)/u;

function issuerOf(title: string): string | null {
  const m = ISSUED_BY.exec(title.trim());
  return m ? `${m[1] ?? ''}${m[2] as string}` : null;
}

/** Every claim of one document: body sentences, then reader comments. `firstId` numbers them. */
export function claimsOfDocument(src: ClaimSource, firstId: number): Claim[] {
  const { doc, words, contexts } = src;
  const quoteSpeaker = quoteSpeakerFinder(src.quotes, 4);
  // Any quote's speaker, for a sentence whose own attribution is only a pronoun ("He said that … the “basic math”"):
  // the quotes engine resolves the pronoun from the text before, the `last` name here may be someone else.
  const anyQuoteSpeaker = quoteSpeakerFinder(src.quotes, 1);
  // A quotation in marks of five words or more, whatever its marks ('single', as British papers print them, too).
  const markedQuotation = quoteSpeakerFinder(src.quotes, 5, true);
  const out: Claim[] = [];
  const title = contexts.addTitle(
    words.distinctStems([
      src.index.termsOf(doc.meta.title).map((t) => words.stemOfTerm[words.termIdOf(t)] as number),
    ]),
  );
  const voice = (): { holder: string; kind: ClaimKind } => {
    const title = `“${doc.meta.title}”`;
    if (doc.meta.kind === 'opinion')
      return { holder: doc.meta.author ?? `the columnist of ${title}`, kind: 'opinion' };
    if (doc.meta.kind === 'statement')
      return {
        holder: doc.meta.outlet ?? doc.meta.author ?? issuerOf(doc.meta.title) ?? title,
        kind: 'official statement',
      };
    return { holder: doc.meta.outlet ?? `the reporter of ${title}`, kind: 'news report' };
  };
  let last: NameInfo | null = null;
  let lastOrg: NameInfo | null = null;
  const infosOf = (s: Sentence, passage: number | undefined): readonly WordInfo[] =>
    (passage === undefined ? undefined : src.infosByPassage[passage]) ?? s.tokens.map((t) => words.info(t));
  const names = documentNames(doc, (s) => infosOf(s, src.passageByStart.get(s.start)));

  // The comments' sentences read so far (their words, lower-cased), and those of the comment being read.
  const commentSentences = new Set<string>();
  const visit = (
    paragraphs: readonly Paragraph[],
    commentNo: number | null,
    titleOf: number,
    answers: string | null = null,
  ) => {
    const visitStart = contexts.nextSlot;
    const ownSentences: string[] = [];
    // The sentence before was a quotation answered by this one.
    let answering = false;
    paragraphs.forEach((p, pi) => {
      const quoted = quotedSentences(p);
      const passages = p.sentences.map((s) => src.passageByStart.get(s.start));
      const infos = p.sentences.map((s, si) => infosOf(s, passages[si]));
      const slot = contexts.addParagraph(words.distinctStemsOf(infos), visitStart, titleOf);
      // A transcript's question ("REPORTER: The company says it was waiting for the FBI. Did the FBI ask …?") is the
      // asker's premise, no one's position: neither the statement's nor the one it names.
      if (commentNo === null && ASKED_TURN.test(p.text)) return;
      // Attribution of each sentence, then carried to unattributed quoted sentences of the same paragraph.
      const found = p.sentences.map((s, si) => {
        const holder =
          commentNo === null
            ? attributionIn(s.tokens, infos[si] as readonly WordInfo[], names, last, lastOrg)
            : null;
        if (holder) {
          if (ORG_WORDS.test(holder.name)) lastOrg = holder;
          else last = holder;
        } else if (commentNo === null) {
          // Remember named organisations as they appear, for "the statement said".
          const sentenceInfos = infos[si] as readonly WordInfo[];
          for (let i = 0; i < s.tokens.length; i++) {
            if (!((sentenceInfos[i] as WordInfo).flags & NAME)) continue;
            const end = runEndAfter(s.tokens, sentenceInfos, i);
            const named = end - i > 1 ? runName(s.tokens, i, end) : null;
            if (named?.name && named.org) lastOrg = resolveName(names, named.name);
            i = end;
          }
        }
        return holder;
      });
      // The nearest attribution after and before each sentence of the paragraph.
      const nextFound: (NameInfo | null)[] = new Array<NameInfo | null>(found.length).fill(null);
      const prevFound: (NameInfo | null)[] = new Array<NameInfo | null>(found.length).fill(null);
      for (let k = found.length - 2; k >= 0; k--) nextFound[k] = found[k + 1] ?? nextFound[k + 1] ?? null;
      for (let k = 1; k < found.length; k++) prevFound[k] = found[k - 1] ?? prevFound[k - 1] ?? null;
      p.sentences.forEach((s, si) => {
        const passage = passages[si];
        if (passage === undefined) return;
        const sentenceInfos = infos[si] as readonly WordInfo[];
        // The quotes engine's speaker for a quotation of some length; the sentence's own attribution otherwise.
        const speaker =
          quoteSpeaker(s.start, s.end) ??
          (PRONOUNS.has((sentenceInfos[0] as WordInfo | undefined)?.normal ?? '')
            ? anyQuoteSpeaker(s.start, s.end)
            : null);
        let holderInfo: NameInfo | null = speaker ? resolveName(names, speaker) : (found[si] ?? null);
        // A quotation carries the attribution of the sentences around it, or the last speaker's when its paragraph
        // opens on it, unless the sentence has a subject of its own outside the marks that names no one the text
        // knows ("The Data Protection Act requires companies to “notify the regulator …”", "“…,” the regulation
        // states": a law's wording, not the chief executive quoted beside it).
        if (!holderInfo && quoted[si] && commentNo === null && !ownSubject(s.text)) {
          holderInfo = nextFound[si] ?? prevFound[si] ?? null;
          if (!holderInfo && /^[“"]/.test(p.text) && pi > 0) holderInfo = last;
        }
        // Inside a quotation by the double marks' count, or by the quotes engine's (single marks too: 'This is …').
        const inQuotation = quoted[si] === true || markedQuotation(s.start, s.end) !== null;
        const base = commentNo !== null || doc.meta.kind !== 'news' ? 1 : 0;
        const strength = strengthOf(sentenceInfos, s.text) + (holderInfo ? 1 : 0) + (inQuotation ? 0.5 : 0);
        const answer = answering;
        let mention = false;
        if (commentNo !== null) {
          const key = wordsKey(s.text);
          mention = WHOLLY_QUOTED.test(s.text) || (key.length > 0 && commentSentences.has(key));
          if (key.length > 0) ownSentences.push(key);
          answering = mention;
        }
        // A quotation answered, and its answer, are claims however plain their words ("That is the company's own number.").
        // A named speaker's judgement in words with contraries ("said it had acted within 48 hours") is a position.
        // So is a reply arguing with another comment ("@Sam Then who pays the crews?"), but not its bare "@Sam".
        if (
          strength + base < 1.5 &&
          !answer &&
          !mention &&
          (answers === null || !wordsAfterHandle(s.text)) &&
          !(holderInfo !== null && strength + base >= 1 && judgesByContrary(sentenceInfos))
        )
          return;
        let holder: string;
        let kind: ClaimKind;
        if (commentNo !== null) {
          holder = `reader comment #${commentNo}`;
          kind = 'reader comment';
        } else if (holderInfo) {
          holder = holderInfo.name;
          // A speaker quoted in an opinion piece reaches the reader through the columnist: an opinion source.
          kind =
            holderInfo.official || doc.meta.kind === 'statement'
              ? 'official statement'
              : doc.meta.kind === 'opinion'
                ? 'opinion'
                : 'news report';
        } else {
          ({ holder, kind } = voice());
        }
        const termIds: number[] = [];
        for (const w of sentenceInfos) if (w.termId >= 0) termIds.push(w.termId);
        out.push({
          id: firstId + out.length,
          text: s.text,
          documentId: doc.meta.id,
          paragraph: p.index,
          comment: commentNo,
          start: s.start,
          end: s.end,
          holder,
          attributed: holderInfo !== null,
          quoted: inQuotation && holderInfo !== null,
          kind,
          strength,
          // A quotation a reply answers is the other's words, not an answer to them.
          rebuts: rebuttalIn(s.tokens, sentenceInfos, names) ?? (mention ? null : answers),
          terms: sentenceTerms(s),
          termIds,
          stemIds: words.distinctStemsOf([sentenceInfos]),
          slot,
          onTopic: true,
          reading: sentenceReading(sentenceInfos),
          passage,
          sentence: s,
          ...(mention ? { mention: true as const } : {}),
        });
      });
    });
    for (const key of ownSentences) commentSentences.add(key);
  };
  visit(doc.body, null, title);
  for (const c of doc.comments) visit(c.paragraphs, c.index, -1, answeredComment(c));
  return out;
}
