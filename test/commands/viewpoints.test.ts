import { describe, expect, it } from 'vitest';
import { seedAnalysis } from '../helpers/corpus.js';
import * as viewpoints from '../../src/commands/viewpoints.js';
import * as counterpoint from '../../src/commands/counterpoint.js';
import type { CommandContext, CommandModule, Options } from '../../src/commands/_types.js';
import { checkOptions } from '../../src/commands/_options.js';
import { renderText } from '../../src/presenters/view.js';

async function ask(command: CommandModule, options: Options) {
  const ctx: CommandContext = { analysis: await seedAnalysis(), now: new Date(Date.UTC(2030, 0, 1)) };
  const outcome = command.run?.(options, ctx);
  if (!outcome) throw new Error(`${command.data.name} has no run`);
  return outcome;
}

interface Item {
  text: string;
  speaker: string;
  documentId: string;
  paragraph: number;
  comment: number | null;
  kind: string;
}

describe('GIVEN /viewpoints on the seeds', () => {
  it('WHEN asked about a disputed topic THEN the JSON has 2-4 labelled positions of cited items', async () => {
    const outcome = await ask(viewpoints, { topic: 'Will Russian troops leave Kazakhstan?' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const json = outcome.json as { topic: string; positions: { label: string; items: Item[] }[] };
    expect(json.topic).toBe('Will Russian troops leave Kazakhstan?');
    expect(json.positions.length).toBeGreaterThanOrEqual(2);
    expect(json.positions.length).toBeLessThanOrEqual(4);
    const analysis = await seedAnalysis();
    for (const p of json.positions) {
      expect(p.label.length).toBeGreaterThan(0);
      // The label is a verbatim phrase of one of the position's items.
      expect(p.items.some((i) => i.text.includes(p.label))).toBe(true);
      for (const i of p.items) {
        expect(analysis.corpus.byId.get(i.documentId)?.text).toContain(i.text);
        expect(['news report', 'opinion', 'official statement', 'reader comment']).toContain(i.kind);
        expect(i.comment === null || typeof i.comment === 'number').toBe(true);
      }
    }
  });

  it('WHEN shown as text THEN opinions and reader comments carry their labels', async () => {
    const outcome = await ask(viewpoints, { topic: 'Is Russia rebuilding the USSR?' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const text = renderText(outcome.view);
    expect(text).toMatch(/reader comment #\d+/);
    expect(
      outcome.view.sections.every((s) =>
        s.items.every(
          (i) =>
            i.cite !== undefined &&
            /opinion|reader comment|official statement|news report/.test(i.source ?? ''),
        ),
      ),
    ).toBe(true);
  });

  it('WHEN the topic is about nothing in the corpus THEN NO_RESULTS', async () => {
    const outcome = await ask(viewpoints, { topic: 'zqxj wvvk' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.code).toBe('NO_RESULTS');
  });

  it('WHEN the topic option is missing THEN MISSING_OPTION', () => {
    const checked = checkOptions(viewpoints.data, {});
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.code).toBe('MISSING_OPTION');
  });

  it('WHEN autocompleting the topic THEN at most 25 disputes, filtered by what is typed', async () => {
    const ctx: CommandContext = { analysis: await seedAnalysis(), now: new Date(0) };
    const all = viewpoints.autocomplete?.('topic', '', ctx) ?? [];
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(25);
    for (const c of all) expect(c.name.length).toBeLessThanOrEqual(100);
    const word = (all[0]?.name.split(/\W+/).find((w) => w.length > 3) ?? '').toLowerCase();
    const filtered = viewpoints.autocomplete?.('topic', word, ctx) ?? [];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((c) => c.name.toLowerCase().includes(word))).toBe(true);
  });
});

describe('GIVEN /counterpoint on the seeds', () => {
  it('WHEN a member claims the troops will never leave THEN passages about withdrawal come back, articles first', async () => {
    const outcome = await ask(counterpoint, { claim: 'Russian troops will never leave Kazakhstan' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const json = outcome.json as { claim: string; counterpoints: Item[] };
    expect(json.claim).toBe('Russian troops will never leave Kazakhstan');
    expect(json.counterpoints.some((i) => /withdraw/.test(i.text))).toBe(true);
    const firstComment = json.counterpoints.findIndex((i) => i.comment !== null);
    if (firstComment >= 0)
      expect(json.counterpoints.slice(firstComment).every((i) => i.comment !== null)).toBe(true);
  });

  it('WHEN a member claims Russia is rebuilding the USSR THEN a reader comment that disputes it is among the counterpoints', async () => {
    const outcome = await ask(counterpoint, { claim: 'Russia is rebuilding the USSR' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const json = outcome.json as { counterpoints: Item[] };
    expect(json.counterpoints.some((i) => i.kind === 'reader comment' && /USSR/.test(i.text))).toBe(true);
  });
});
