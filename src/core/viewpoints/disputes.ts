/**
 * The corpus's main disputes, for topic autocomplete: for each predicate of the lexicon, the claims that affirm it
 * and the claims that deny it; the noun phrases both sides talk about make the topic ("Russian troops: leave or stay?").
 */
import type { Token } from '../corpus/types.js';
import { POLARITY_GROUPS } from './lexicon.js';
import { groupStance } from './stance.js';
import { CONTENT, NOMINAL, NOUN, POLAR, type WordInfo } from './words.js';
import type { ClaimAnalysis, Dispute } from './types.js';

const MAX_DISPUTES = 25;
const PER_GROUP = 3;

/** Noun phrases of a sentence: runs of adjectives and nouns ending in a noun, one to three words, no lexicon words. */
function nounPhrases(tokens: readonly Token[], infos: readonly WordInfo[]): string[] {
  const out: string[] = [];
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
        let phrase = (tokens[first] as Token).text;
        for (let k = first + 1; k < to; k++) phrase += ` ${(tokens[k] as Token).text}`;
        out.push(phrase);
      }
    }
  };
  for (let i = 0; i < tokens.length; i++) {
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

export function findDisputes(analysis: Omit<ClaimAnalysis, 'disputes'>): Dispute[] {
  const found: (Dispute & { score: number })[] = [];
  // A claim's distinct noun phrases, read once though the claim may speak to several groups.
  const phrasesOf: (readonly { readonly phrase: string; readonly key: string }[] | undefined)[] = [];
  for (const group of POLARITY_GROUPS) {
    const ids = new Set<number>();
    for (const w of [...group.plus, ...group.minus])
      for (const id of analysis.byTerm.get(w) ?? []) ids.add(id);
    const counts = new Map<string, { surface: string; plus: number; minus: number }>();
    for (const id of ids) {
      const claim = analysis.claims[id];
      if (!claim || !claim.onTopic) continue;
      const s = Math.sign(groupStance(claim.sentence.tokens, claim.reading, group.id));
      if (s === 0) continue;
      let phrases = phrasesOf[id];
      if (phrases === undefined)
        phrasesOf[id] = phrases = [...new Set(nounPhrases(claim.sentence.tokens, claim.reading.infos))].map(
          (phrase) => ({ phrase, key: phrase.toLowerCase() }),
        );
      for (const { phrase, key } of phrases) {
        let c = counts.get(key);
        if (c === undefined) counts.set(key, (c = { surface: phrase, plus: 0, minus: 0 }));
        if (s > 0) c.plus++;
        else c.minus++;
      }
    }
    const ranked = firstSorted(
      [...counts.values()]
        .filter((c) => c.plus > 0 && c.minus > 0)
        .map((c) => ({
          ...c,
          score: Math.min(c.plus, c.minus) * 2 + c.plus + c.minus + c.surface.split(' ').length,
        })),
      PER_GROUP,
      (a, b) => b.score - a.score || a.surface.localeCompare(b.surface),
    );
    for (const c of ranked)
      found.push({ topic: `${c.surface}: ${group.phrase}?`, plus: c.plus, minus: c.minus, score: c.score });
  }
  return found
    .sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic))
    .slice(0, MAX_DISPUTES)
    .map(({ topic, plus, minus }) => ({ topic, plus, minus }));
}
