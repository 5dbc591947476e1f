import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/core/analysis.js';
import {
  findCounterpoints,
  findViewpoints,
  MAX_READ,
  mostRelevant,
  viewpointSources,
  type ViewpointSources,
} from '../../../src/core/viewpoints/index.js';
import { counterpointView, viewpointsJson, viewpointsView } from '../../../src/presenters/viewpoints.js';
import { seedAnalysis } from '../../helpers/corpus.js';

const sourcesOf = (a: Analysis): ViewpointSources => viewpointSources(a, a.claims);

describe('mostRelevant', () => {
  it('keeps everything (null) when there are no more than the limit', () => {
    expect(mostRelevant([0.5, 0.2], 2)).toBeNull();
    expect(mostRelevant([], 3)).toBeNull();
  });

  it('keeps the highest values, ties in index order', () => {
    expect([...(mostRelevant([0.3, 0.9, 0.3, 0.1, 0.3], 3) as Uint8Array)]).toEqual([1, 1, 1, 0, 0]);
    expect([...(mostRelevant([0.1, 0.2, 0.3, 0.4], 2) as Uint8Array)]).toEqual([0, 0, 1, 1]);
    expect([...(mostRelevant([0.5, 0.5, 0.5], 1) as Uint8Array)]).toEqual([1, 0, 0]);
  });

  it('GIVEN thousands of values with many ties THEN keeps what a sort by value, ties in index order, keeps', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const [n, limit] of [
      [5000, 2000],
      [3001, 3000],
      [2500, 1],
    ] as const) {
      const values = Array.from({ length: n }, () => Math.floor(next() * 40) / 40);
      const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      const want = new Uint8Array(n);
      for (const [, i] of order.slice(0, limit)) want[i] = 1;
      expect(mostRelevant(values, limit)).toEqual(want);
    }
  });
});

describe('read bound', () => {
  const topic = 'Will Russian troops leave Kazakhstan?';

  it('is not hit on the seeds at the default bound', async () => {
    const sources = sourcesOf(await seedAnalysis());
    expect(MAX_READ).toBeGreaterThanOrEqual(1000);
    const result = findViewpoints(sources, topic);
    expect(result.bound).toBeUndefined();
    expect(viewpointsJson(result)).not.toHaveProperty('bound');
    expect(viewpointsView(result).intro).not.toMatch(/most relevant/);
  });

  it('reads only the most relevant claims when the bound is hit, and says so', async () => {
    const sources = sourcesOf(await seedAnalysis());
    const bounded = findViewpoints(sources, topic, 5);
    expect(bounded.bound?.read).toBe(5);
    expect(bounded.bound?.of).toBeGreaterThan(5);
    expect(bounded.positions.length).toBeGreaterThan(0);
    const shown = new Set(bounded.positions.flatMap((p) => p.items.map((i) => i.claim.id)));
    expect(shown.size).toBeLessThanOrEqual(5);
    expect(viewpointsView(bounded).intro).toContain(
      `Read from the 5 most relevant of ${bounded.bound?.of} matching claims.`,
    );
    expect(viewpointsJson(bounded).bound).toEqual(bounded.bound);

    const counter = findCounterpoints(sources, 'Russia will withdraw its troops quickly', 3);
    if (counter.bound) expect(counterpointView(counter).intro).toContain('most relevant');
  });
});

describe('claims that read the same', () => {
  it('point at a first claim with the same text and word infos, and sharing their stance changes no answer', async () => {
    const a = await seedAnalysis();
    const { claims, sameReading } = a.claims;
    for (const c of claims) {
      const first = claims[sameReading[c.id] as number]!;
      expect(first.id).toBeLessThanOrEqual(c.id);
      expect(first.text).toBe(c.text);
      expect(first.reading.infos).toEqual(c.reading.infos);
    }
    const unshared = viewpointSources(a, {
      ...a.claims,
      sameReading: Int32Array.from(claims, (c) => c.id),
    });
    for (const text of ['Russia will withdraw its troops quickly', 'The US response was strong enough']) {
      expect(findCounterpoints(sourcesOf(a), text)).toEqual(findCounterpoints(unshared, text));
      expect(findViewpoints(sourcesOf(a), text)).toEqual(findViewpoints(unshared, text));
    }
  });
});
