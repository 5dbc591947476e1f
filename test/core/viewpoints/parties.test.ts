/**
 * When the polarity lexicon knows no pair for a topic, the parties to the dispute still tell the sides apart:
 * each named party's view stands on its own instead of being lumped into one position with its opponent.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src/core/analysis.js';
import { findViewpoints, viewpointSources } from '../../../src/core/viewpoints/index.js';
import { corpusOfTexts } from '../../helpers/corpus.js';

const STRIKE = `Dockworkers walk out as pay talks collapse

PORTVILLE (Harbour News) — Thousands of dockworkers walked off the job on Tuesday after talks over automation broke down, union officials said.

"Automation cannot mean that the people who built this port are thrown out," said Nora Stam, secretary of the dockers' union.

The employers' association, Portline, said the plan was essential to keep the port competitive. "Without investment in automated terminals, the port will lose business and far more jobs will disappear," the association said.`;

describe('GIVEN a dispute whose sides the stance lexicon cannot tell apart', () => {
  const a = analyzeCorpus(corpusOfTexts({ strike: STRIKE }));
  const r = findViewpoints(viewpointSources(a, a.claims), 'Will automation cost dockworkers their jobs?');
  const holdersOf = (i: number) => new Set(r.positions[i]?.items.map((x) => x.claim.holder));

  it('THEN the union and the employers stand in different positions', () => {
    expect(r.positions.length).toBeGreaterThanOrEqual(2);
    const union = r.positions.findIndex((p) => p.items.some((x) => x.claim.text.includes('thrown out')));
    const employers = r.positions.findIndex((p) =>
      p.items.some((x) => x.claim.text.includes('jobs will disappear')),
    );
    expect(union).not.toBe(-1);
    expect(employers).not.toBe(-1);
    expect(union).not.toBe(employers);
  });

  it('THEN each position is one party, named by the quotes engine ("the association said" is Portline)', () => {
    const names = r.positions.map((_, i) => [...holdersOf(i)]);
    for (const n of names) expect(n).toHaveLength(1);
    expect(names.flat()).toEqual(expect.arrayContaining(['Nora Stam', 'Portline']));
  });
});
