import { describe, expect, it } from 'vitest';
import { swing, tally, voteResult, type Stance } from '../../../src/core/debate/index.js';

const ballots = (f: number, a: number, u: number): Record<string, Stance> => {
  const out: Record<string, Stance> = {};
  let i = 0;
  for (const [n, s] of [
    [f, 'for'],
    [a, 'against'],
    [u, 'undecided'],
  ] as const)
    for (let k = 0; k < n; k++) out[`m${i++}`] = s;
  return out;
};

describe('votes and swing', () => {
  it.each([
    // IQ2-style: against starts ahead but for gains more → for wins.
    ['for gains more though behind', [30, 50, 20], [45, 52, 3], 'for', 15, 2],
    ['against gains more', [40, 30, 30], [42, 55, 3], 'against', 2, 25],
    ['equal gains', [30, 30, 40], [45, 45, 10], 'tie', 15, 15],
    ['both lose to undecided', [50, 50, 0], [40, 45, 15], 'against', -10, -5],
  ] as const)(
    'GIVEN %s THEN the winner and swing follow the gains',
    (_n, b, a, winner, forSwing, againstSwing) => {
      const s = swing(tally(ballots(b[0], b[1], b[2])), tally(ballots(a[0], a[1], a[2])));
      expect(s.winner).toBe(winner);
      expect(s.for).toBe(forSwing);
      expect(s.against).toBe(againstSwing);
    },
  );

  it('GIVEN different numbers of voters before and after THEN percentages, not counts, decide', () => {
    // Before 1/1/2 (25/25/50); after 10/20/0 (33.3/66.7/0): against gains 41.7, for 8.3.
    const s = swing(tally(ballots(1, 1, 2)), tally(ballots(10, 20, 0)));
    expect(s).toEqual({ for: 8.3, against: 41.7, undecided: -50, winner: 'against' });
  });

  it('GIVEN no vote before THEN there is no swing', () => {
    const r = voteResult({
      before: { state: 'not-opened', ballots: {} },
      after: { state: 'closed', ballots: ballots(1, 0, 0) },
    });
    expect(r.before).toBeNull();
    expect(r.swing).toBeNull();
    expect(r.after?.percent.for).toBe(100);
  });
});
