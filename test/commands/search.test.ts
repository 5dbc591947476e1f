import { describe, expect, it } from 'vitest';
import { seedAnalysis } from '../helpers/corpus.js';
import { run, data } from '../../src/commands/search.js';
import type { CommandContext, Options } from '../../src/commands/_types.js';
import { checkOptions } from '../../src/commands/_options.js';

async function ask(options: Options) {
  const ctx: CommandContext = { analysis: await seedAnalysis(), now: new Date(Date.UTC(2030, 0, 1)) };
  const outcome = run?.(options, ctx);
  if (!outcome) throw new Error('search has no run');
  return outcome;
}

interface Result {
  text: string;
  documentId: string;
  paragraph: number;
  comment: number | null;
  score: number;
}

describe('GIVEN /search', () => {
  it('no query THEN MISSING_OPTION from the builder', () => {
    const checked = checkOptions(data, {});
    expect(!checked.ok && checked.code).toBe('MISSING_OPTION');
  });

  it.each([
    { query: 'fuel prices', word: /fuel/i },
    { query: 'shoot to kill', word: /shoot/i },
    { query: 'Blinken', word: /Blinken/ },
  ])(
    'query "$query" THEN results in the JSON contract, best first, each verbatim',
    async ({ query, word }) => {
      const outcome = await ask({ query });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const { results } = outcome.json as { results: Result[] };
      expect(results.length).toBeGreaterThan(0);
      expect(results[0]?.text).toMatch(word);
      const a = await seedAnalysis();
      for (const [i, r] of results.entries()) {
        expect(Object.keys(r).sort()).toEqual(['comment', 'documentId', 'paragraph', 'score', 'text']);
        if (i > 0) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(r.score);
        expect(a.corpus.byId.get(r.documentId)?.text).toContain(r.text);
      }
    },
  );

  it('a query answered by reader comments THEN they come with their comment number and label', async () => {
    const outcome = await ask({ query: 'USSR reassemble' });
    if (!outcome.ok) throw new Error('no answer');
    const { results } = outcome.json as { results: Result[] };
    const fromComment = results.find((r) => r.comment !== null);
    expect(fromComment).toBeDefined();
    const item = outcome.view.sections
      .flatMap((s) => s.items)
      .find((i) => i.cite?.comment === fromComment?.comment);
    expect(item?.source).toContain(`reader comment #${fromComment?.comment}`);
  });

  it('a source THEN only its passages', async () => {
    const outcome = await ask({ query: 'Russia troops', source: 'Bloomberg' });
    if (!outcome.ok) throw new Error('no answer');
    for (const r of (outcome.json as { results: Result[] }).results)
      expect(r.documentId).toBe('004_7a03a6fd2fdc04b8');
  });

  it.each([
    { name: 'stop words only', query: 'the and of', code: 'INVALID_OPTION' },
    { name: 'words the corpus lacks', query: 'volcano lava', code: 'NO_RESULTS' },
  ])('$name THEN $code', async ({ query, code }) => {
    const outcome = await ask({ query });
    expect(!outcome.ok && outcome.code).toBe(code);
  });
});
