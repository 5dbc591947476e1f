import { describe, expect, it } from 'vitest';
import { seedAnalysis } from '../helpers/corpus.js';
import { run, data, autocomplete } from '../../src/commands/summary.js';
import type { CommandContext, Options } from '../../src/commands/_types.js';
import { checkOptions } from '../../src/commands/_options.js';
import { renderText } from '../../src/presenters/view.js';

async function ask(options: Options) {
  const ctx: CommandContext = { analysis: await seedAnalysis(), now: new Date(Date.UTC(2030, 0, 1)) };
  const outcome = run?.(options, ctx);
  if (!outcome) throw new Error('summary has no run');
  return outcome;
}

interface Point {
  text: string;
  documentId: string;
  paragraph: number;
  kind: string;
  comment?: number;
}

describe('GIVEN /summary', () => {
  it.each([
    { length: undefined, points: 6 },
    { length: 'short', points: 3 },
    { length: 'medium', points: 6 },
    { length: 'long', points: 10 },
  ])('length $length THEN $points points in the JSON contract', async ({ length, points }) => {
    const outcome = await ask(length ? { length } : {});
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const json = outcome.json as { points: Point[] };
    expect(json.points).toHaveLength(points);
    for (const p of json.points) {
      expect(Object.keys(p).sort()).toEqual(['documentId', 'kind', 'paragraph', 'text']);
      expect(['news', 'opinion', 'statement', 'comment']).toContain(p.kind);
    }
  });

  it('a length outside the choices THEN INVALID_OPTION from the builder', () => {
    const checked = checkOptions(data, { length: 'huge' });
    expect(checked.ok).toBe(false);
  });

  it('an unknown source THEN UNKNOWN_SOURCE', async () => {
    const outcome = await ask({ source: 'no such paper' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.code).toBe('UNKNOWN_SOURCE');
  });

  it('a source named by outlet THEN only that source is cited', async () => {
    const outcome = await ask({ source: 'Newsweek', length: 'medium' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const points = (outcome.json as { points: Point[] }).points;
    for (const p of points) expect(p.documentId).toBe('003_288f76d67bc71bf5');
  });

  it('a topic of stop words THEN INVALID_OPTION; an absent topic THEN NO_RESULTS', async () => {
    const stop = await ask({ topic: 'the of and' });
    expect(!stop.ok && stop.code).toBe('INVALID_OPTION');
    const none = await ask({ topic: 'volcano eruption lava' });
    expect(!none.ok && none.code).toBe('NO_RESULTS');
  });

  it('the view THEN cites every point and labels opinion as opinion', async () => {
    const outcome = await ask({ length: 'long' });
    if (!outcome.ok) throw new Error('no answer');
    const items = outcome.view.sections.flatMap((s) => s.items);
    const points = (outcome.json as { points: Point[] }).points;
    expect(items).toHaveLength(points.length);
    items.forEach((item, i) => {
      expect(item.cite?.documentId).toBe(points[i]?.documentId);
      expect(item.source?.includes('opinion')).toBe(points[i]?.kind === 'opinion');
    });
    expect(renderText(outcome.view)).toContain('not reported fact');
  });

  it('autocomplete on source THEN matching titles', async () => {
    const ctx: CommandContext = { analysis: await seedAnalysis(), now: new Date(0) };
    const choices = autocomplete?.('source', 'putin', ctx) ?? [];
    expect(choices.length).toBeGreaterThan(0);
    for (const c of choices) expect(c.name.toLowerCase()).toContain('putin');
  });
});
