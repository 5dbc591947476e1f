/** Oxford-style scoring: who changed more minds between the vote before and the vote after. */
import type { Poll, Side, Stance } from './types.js';

export interface Tally {
  readonly total: number;
  readonly counts: Readonly<Record<Stance, number>>;
  /** Percentages of all ballots, undecided included (so they sum to 100, give or take rounding). */
  readonly percent: Readonly<Record<Stance, number>>;
}

export interface Swing {
  /** Percentage points gained (negative: lost) by each side from before to after. */
  readonly for: number;
  readonly against: number;
  readonly undecided: number;
  /** The side with the larger gain; 'tie' when the gains are equal. */
  readonly winner: Side | 'tie';
}

export interface VoteResult {
  readonly before: Tally | null;
  readonly after: Tally | null;
  /** Needs ballots in both votes. */
  readonly swing: Swing | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function tally(ballots: Readonly<Record<string, Stance>>): Tally {
  const counts: Record<Stance, number> = { for: 0, against: 0, undecided: 0 };
  for (const stance of Object.values(ballots)) counts[stance] += 1;
  const total = counts.for + counts.against + counts.undecided;
  const pct = (n: number) => (total === 0 ? 0 : round1((100 * n) / total));
  return {
    total,
    counts,
    percent: { for: pct(counts.for), against: pct(counts.against), undecided: pct(counts.undecided) },
  };
}

export function swing(before: Tally, after: Tally): Swing {
  // Compute from unrounded shares so rounding never decides a close result.
  const share = (t: Tally, s: Stance) => (t.total === 0 ? 0 : (100 * t.counts[s]) / t.total);
  const gain = (s: Stance) => share(after, s) - share(before, s);
  const f = gain('for');
  const a = gain('against');
  const winner = Math.abs(f - a) < 1e-9 ? 'tie' : f > a ? 'for' : 'against';
  return { for: round1(f), against: round1(a), undecided: round1(gain('undecided')), winner };
}

export function voteResult(votes: Readonly<Record<'before' | 'after', Poll>>): VoteResult {
  const before = votes.before.state === 'not-opened' ? null : tally(votes.before.ballots);
  const after = votes.after.state === 'not-opened' ? null : tally(votes.after.ballots);
  const both = before && after && before.total > 0 && after.total > 0;
  return { before, after, swing: both ? swing(before, after) : null };
}
