/**
 * The corpus's main disputes, for topic autocomplete: for each predicate of the lexicon, the claims that affirm it
 * and the claims that deny it; the noun phrases both sides talk about make the topic ("Russian troops: leave or stay?").
 */
import type { Token } from '../corpus/types.js';
import { isContentToken } from '../search/index.js';
import { POLAR_WORDS, POLARITY_GROUPS } from './lexicon.js';
import { stanceOf, type TopicFrame } from './stance.js';
import type { ClaimAnalysis, Dispute } from './types.js';

const MAX_DISPUTES = 25;
const PER_GROUP = 3;

/** Noun phrases of a sentence: runs of adjectives and nouns ending in a noun, one to three words, no lexicon words. */
function nounPhrases(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && !/^(NOUN|PROPN)$/.test((run[run.length - 1] as Token).pos)) run.pop();
    const words = run.slice(-3);
    if (words.length > 0 && words.every((t) => isContentToken(t)))
      out.push(words.map((t) => t.text).join(' '));
    run = [];
  };
  for (const t of tokens) {
    const polar = POLAR_WORDS.has(t.normal) || POLAR_WORDS.has(t.lemma.toLowerCase());
    if (!polar && t.type === 'word' && /^(ADJ|NOUN|PROPN)$/.test(t.pos)) run.push(t);
    else flush();
  }
  flush();
  return out;
}

export function findDisputes(analysis: Omit<ClaimAnalysis, 'disputes'>): Dispute[] {
  const found: (Dispute & { score: number })[] = [];
  // A claim's distinct noun phrases, read once though the claim may speak to several groups.
  const phrasesOf: (readonly string[] | undefined)[] = [];
  for (const group of POLARITY_GROUPS) {
    const frame: TopicFrame = {
      groups: new Map([[group.id, 1]]),
      orientation: 1,
      subject: [],
      terms: [],
      nouns: [],
    };
    const ids = new Set<number>();
    for (const w of [...group.plus, ...group.minus])
      for (const id of analysis.byTerm.get(w) ?? []) ids.add(id);
    const counts = new Map<string, { surface: string; plus: number; minus: number }>();
    for (const id of ids) {
      const claim = analysis.claims[id];
      if (!claim || !claim.onTopic) continue;
      const s = Math.sign(stanceOf(claim.sentence.tokens, frame).stance);
      if (s === 0) continue;
      let phrases = phrasesOf[id];
      if (phrases === undefined) phrasesOf[id] = phrases = [...new Set(nounPhrases(claim.sentence.tokens))];
      for (const phrase of phrases) {
        const key = phrase.toLowerCase();
        const c = counts.get(key) ?? { surface: phrase, plus: 0, minus: 0 };
        if (s > 0) c.plus++;
        else c.minus++;
        counts.set(key, c);
      }
    }
    const ranked = [...counts.values()]
      .filter((c) => c.plus > 0 && c.minus > 0)
      .map((c) => ({
        ...c,
        score: Math.min(c.plus, c.minus) * 2 + c.plus + c.minus + c.surface.split(' ').length,
      }))
      .sort((a, b) => b.score - a.score || a.surface.localeCompare(b.surface))
      .slice(0, PER_GROUP);
    for (const c of ranked)
      found.push({ topic: `${c.surface}: ${group.phrase}?`, plus: c.plus, minus: c.minus, score: c.score });
  }
  return found
    .sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic))
    .slice(0, MAX_DISPUTES)
    .map(({ topic, plus, minus }) => ({ topic, plus, minus }));
}
