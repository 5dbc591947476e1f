/**
 * The corpus's main disputes, for topic autocomplete: for each predicate of the lexicon, the claims that affirm it
 * and the claims that deny it; the noun phrases both sides talk about make the topic ("Russian troops: leave or stay?").
 */
import type { Token } from '../corpus/types.js';
import { POLARITY_GROUPS } from './lexicon.js';
import { groupStance } from './stance.js';
import { TokenTrie } from './token-trie.js';
import { CONTENT, NOMINAL, NOUN, POLAR, type WordInfo } from './words.js';
import type { Claim, ClaimAnalysis, Dispute } from './types.js';

const MAX_DISPUTES = 25;
const PER_GROUP = 3;

/**
 * Noun phrases interned by their tokens' texts (a trie of texts, so a phrase met again is found without building
 * its string): each distinct phrase is built and lower-cased once, and phrases are counted by the id of their
 * lower-cased form.
 */
export class PhraseTable {
  /** Each phrase's text (its tokens' texts joined by spaces), by phrase id. */
  readonly surfaces: string[] = [];
  /** Id of each phrase's lower-cased text, by phrase id. */
  readonly keyOf: number[] = [];
  private readonly bySurface = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  private readonly root = new TokenTrie<number>();

  /** Id of the phrase of tokens [first, to) (at least one). */
  idOf(tokens: readonly Token[], first: number, to: number): number {
    const node = this.root.at(tokens, first, to);
    if (node.value === undefined) {
      let surface = (tokens[first] as Token).text;
      for (let k = first + 1; k < to; k++) surface += ` ${(tokens[k] as Token).text}`;
      let id = this.bySurface.get(surface);
      if (id === undefined) {
        id = this.surfaces.length;
        this.bySurface.set(surface, id);
        this.surfaces.push(surface);
        const key = surface.toLowerCase();
        let keyId = this.byKey.get(key);
        if (keyId === undefined) this.byKey.set(key, (keyId = this.byKey.size));
        this.keyOf.push(keyId);
      }
      node.value = id;
    }
    return node.value;
  }
}

/** A word in capitals, as a dateline writes its place ("RIVERTON", "WASHINGTON"). */
const CAPITALS = /^\p{Lu}[\p{Lu}.'’-]+$/u;
const DASHES = new Set(['—', '–', '-', '--']);

/**
 * Where a dateline opening a sentence ends ("RIVERTON, Ohio (AP) —", "ALMATY, Jan 6 (Reuters) -"), 0 when none: the
 * place it names is where the story was filed, not what its sentence is about.
 */
export function datelineEnd(tokens: readonly Token[]): number {
  const first = tokens[0];
  if (first === undefined || !CAPITALS.test(first.text)) return 0;
  for (let i = 1; i < tokens.length && i < 12; i++) if (DASHES.has((tokens[i] as Token).text)) return i + 1;
  return 0;
}

/**
 * Noun phrases of a sentence (after a dateline): runs of adjectives and nouns ending in a noun, one to three words,
 * no lexicon words. Returns their distinct ids in `phrases`, in first-seen order.
 */
export function nounPhrases(
  tokens: readonly Token[],
  infos: readonly WordInfo[],
  phrases: PhraseTable,
): number[] {
  const out: number[] = [];
  // The current run is tokens [from, to).
  let from = 0;
  let to = 0;
  const flush = () => {
    while (to > from && !((infos[to - 1] as WordInfo).flags & NOUN)) to--;
    const first = Math.max(from, to - 3);
    if (to > first) {
      let content = true;
      for (let k = first; k < to; k++) if (!((infos[k] as WordInfo).flags & CONTENT)) content = false;
      if (content) {
        const id = phrases.idOf(tokens, first, to);
        if (!out.includes(id)) out.push(id);
      }
    }
  };
  for (let i = datelineEnd(tokens); i < tokens.length; i++) {
    const f = (infos[i] as WordInfo).flags;
    if (!(f & POLAR) && f & NOMINAL) {
      if (to !== i) from = i;
      to = i + 1;
    } else if (to > from) {
      flush();
      from = to = i + 1;
    } else from = to = i + 1;
  }
  flush();
  return out;
}

/**
 * The first `k` items of `items` stably sorted by `compare`, without sorting them all (`localeCompare` is slow and
 * a large corpus has thousands of phrases): an item enters the kept head only ahead of items it strictly precedes.
 */
export function firstSorted<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const head: T[] = [];
  for (const item of items) {
    if (head.length === k && compare(item, head[k - 1] as T) >= 0) continue;
    let at = head.length;
    while (at > 0 && compare(item, head[at - 1] as T) < 0) at--;
    head.splice(at, 0, item);
    if (head.length > k) head.pop();
  }
  return head;
}

/** Noun phrases read ahead, while the claims' tokens were at hand (see analyzeClaims). */
export interface ClaimPhrases {
  readonly table: PhraseTable;
  /** Each claim's `nounPhrases` in `table`, by claim id (absent: read when needed). */
  readonly byClaim: readonly (readonly number[] | undefined)[];
}

export function findDisputes(
  analysis: Omit<ClaimAnalysis, 'disputes'>,
  known: ClaimPhrases = { table: new PhraseTable(), byClaim: [] },
): Dispute[] {
  const found: (Dispute & { score: number })[] = [];
  const phrases = known.table;
  // Phrases of the claims not read ahead, read once though a claim may speak to several groups.
  const phrasesOf: (readonly number[] | undefined)[] = [];
  // By phrase key (lower-cased phrase): the group that last counted it, its claims on each side in that group, and
  // the phrase it was first seen as there (what the dispute shows).
  const countedIn: number[] = [];
  const plus: number[] = [];
  const minus: number[] = [];
  const surfaceIn: number[] = [];
  // The group that last listed each claim.
  const listedIn = new Int32Array(analysis.claims.length).fill(-1);
  // Stance signs by the first claim of the same reading (the same word infos, so the same stance toward a group), and
  // the group each was read for: a sentence reprinted across articles is read once per group.
  const { sameReading, onTopic } = analysis;
  const signOf = new Int8Array(analysis.claims.length);
  const signIn = new Int32Array(analysis.claims.length).fill(-1);
  POLARITY_GROUPS.forEach((group, g) => {
    // The claims that use a word of the group, each once, in first-use order (plus words, then minus words).
    const ids: number[] = [];
    for (const words of [group.plus, group.minus])
      for (const w of words)
        for (const id of analysis.byTerm.get(w) ?? [])
          if (listedIn[id] !== g) {
            listedIn[id] = g;
            ids.push(id);
          }
    // Keys in the order this group first counted them.
    const keys: number[] = [];
    for (const id of ids) {
      // The typed arrays first: a claim object (and its tokens) is read only when needed, as each read of one is
      // likely a cache miss on a large corpus.
      if (onTopic[id] !== 1) continue;
      const first = sameReading[id] as number;
      if (signIn[first] !== g) {
        const claim = analysis.claims[id] as Claim;
        signIn[first] = g;
        signOf[first] = Math.sign(groupStance(claim.sentence.tokens, claim.reading, group.id));
      }
      const s = signOf[first] as number;
      if (s === 0) continue;
      let own = known.byClaim[id] ?? phrasesOf[id];
      if (own === undefined) {
        const claim = analysis.claims[id] as Claim;
        phrasesOf[id] = own = nounPhrases(claim.sentence.tokens, claim.reading.infos, phrases);
      }
      for (const p of own) {
        const key = phrases.keyOf[p] as number;
        if (countedIn[key] !== g) {
          countedIn[key] = g;
          plus[key] = 0;
          minus[key] = 0;
          surfaceIn[key] = p;
          keys.push(key);
        }
        if (s > 0) plus[key] = (plus[key] as number) + 1;
        else minus[key] = (minus[key] as number) + 1;
      }
    }
    const candidates: { surface: string; plus: number; minus: number; score: number }[] = [];
    for (const key of keys) {
      const p = plus[key] as number;
      const m = minus[key] as number;
      if (p === 0 || m === 0) continue;
      const surface = phrases.surfaces[surfaceIn[key] as number] as string;
      candidates.push({
        surface,
        plus: p,
        minus: m,
        score: Math.min(p, m) * 2 + p + m + surface.split(' ').length,
      });
    }
    const ranked = firstSorted(
      candidates,
      PER_GROUP,
      (a, b) => b.score - a.score || a.surface.localeCompare(b.surface),
    );
    for (const c of ranked)
      found.push({ topic: `${c.surface}: ${group.phrase}?`, plus: c.plus, minus: c.minus, score: c.score });
  });
  return found
    .sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic))
    .slice(0, MAX_DISPUTES)
    .map(({ topic, plus, minus }) => ({ topic, plus, minus }));
}
