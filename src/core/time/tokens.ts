/**
 * Finding a sentence's token by offset without scanning: a sentence's tokens are in text order and do not overlap,
 * so their starts and ends both grow, and the first token past an offset is found by halving.
 */
import type { Token } from '../corpus/types.js';

/** Index of the first token ending after `offset` (tokens.length when none): the one holding it, or the next. */
export function firstEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first token starting at or after `offset` (tokens.length when none). */
export function firstStartingFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The token holding `offset`, if any. */
export function tokenHolding(tokens: readonly Token[], offset: number): Token | undefined {
  const t = tokens[firstEndingAfter(tokens, offset)];
  return t !== undefined && t.start <= offset ? t : undefined;
}
