/** Reproducible random test data: a seeded generator and Zipf-like token lists like the passage index holds. */

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stems, three longer words on each (so prefix expansion has work to do), and `fillers` plain words. */
export function vocabulary(stems: readonly string[], fillers: number): string[] {
  return [
    ...stems,
    ...stems.flatMap((s) => [`${s}n`, `${s}ns`, `${s}ity`]),
    ...Array.from({ length: fillers }, (_, i) => `w${i}`),
  ];
}

/**
 * `n` token lists of 1–20 words drawn with Zipf-like frequencies (a few words in most lists, many rare ones);
 * with `emptyShare`, that share of lists is [''], as the index holds a passage with no terms.
 */
export function tokenLists(seed: number, n: number, vocab: readonly string[], emptyShare = 0): string[][] {
  const rnd = random(seed);
  const pick = () => vocab[Math.floor(vocab.length * rnd() ** 3)] as string;
  return Array.from({ length: n }, () =>
    emptyShare > 0 && rnd() < emptyShare ? [''] : Array.from({ length: 1 + Math.floor(rnd() * 20) }, pick),
  );
}
