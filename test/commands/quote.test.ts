import { describe, expect, it } from 'vitest';
import { seedAnalysis } from '../helpers/corpus.js';
import * as quote from '../../src/commands/quote.js';
import * as speakers from '../../src/commands/speakers.js';
import type { CommandContext, CommandModule, Options } from '../../src/commands/_types.js';
import { checkOptions } from '../../src/commands/_options.js';

async function ask(command: CommandModule, options: Options) {
  const ctx: CommandContext = { analysis: await seedAnalysis(), now: new Date(Date.UTC(2030, 0, 1)) };
  const outcome = command.run?.(options, ctx);
  if (!outcome) throw new Error('no run');
  return { outcome, ctx };
}

interface QuoteJson {
  speaker: { name: string; aliases: string[]; role: string | null };
  quotes: {
    speaker: string;
    text: string;
    kind: string;
    documentId: string;
    paragraph: number;
    comment: number | null;
  }[];
}

describe('GIVEN /quote', () => {
  it('no speaker THEN MISSING_OPTION from the builder', () => {
    const checked = checkOptions(quote.data, {});
    expect(!checked.ok && checked.code).toBe('MISSING_OPTION');
  });

  it.each(['Blinken', 'blinken', 'Antony Blinken', 'US Secretary of State Antony Blinken'])(
    'speaker:%s THEN Blinken’s quotes in the JSON contract, verbatim',
    async (name) => {
      const { outcome, ctx } = await ask(quote, { speaker: name });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const json = outcome.json as QuoteJson;
      expect(json.speaker.name).toBe('Antony Blinken');
      expect(json.speaker.aliases).toContain('Blinken');
      expect(json.quotes.length).toBeGreaterThan(3);
      for (const q of json.quotes) {
        expect(q.speaker).toBe('Antony Blinken');
        expect(ctx.analysis.corpus.byId.get(q.documentId)?.text).toContain(q.text);
      }
      const items = outcome.view.sections.flatMap((s) => s.items);
      expect(items.every((i) => i.cite !== undefined && i.source !== undefined)).toBe(true);
    },
  );

  it('an unknown speaker THEN UNKNOWN_SPEAKER with the closest names', async () => {
    const { outcome } = await ask(quote, { speaker: 'Blinkin' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.code).toBe('UNKNOWN_SPEAKER');
    expect(outcome.suggestions).toContain('Antony Blinken');
  });

  it('a topic THEN the quotes about it come first', async () => {
    const { outcome } = await ask(quote, { speaker: 'Blinken', topic: 'Russians in your house' });
    if (!outcome.ok) throw new Error(outcome.code);
    expect((outcome.json as QuoteJson).quotes[0]?.text).toMatch(/Russians are in your house/);
  });

  it('a source THEN only quotes from that source; an unknown source THEN UNKNOWN_SOURCE', async () => {
    const { outcome } = await ask(quote, { speaker: 'Blinken', source: '003' });
    if (!outcome.ok) throw new Error(outcome.code);
    expect((outcome.json as QuoteJson).quotes.every((q) => q.documentId.startsWith('003'))).toBe(true);
    const bad = await ask(quote, { speaker: 'Blinken', source: 'no such paper anywhere' });
    expect(!bad.outcome.ok && bad.outcome.code).toBe('UNKNOWN_SOURCE');
  });

  it('autocomplete THEN at most 25 speakers containing what was typed', async () => {
    const { ctx } = await ask(quote, { speaker: 'Blinken' });
    const choices = quote.autocomplete?.('speaker', 'blin', ctx) ?? [];
    expect(choices.map((c) => c.value)).toContain('Antony Blinken');
    expect((quote.autocomplete?.('speaker', '', ctx) ?? []).length).toBeLessThanOrEqual(25);
  });
});

describe('GIVEN /speakers', () => {
  it('THEN who speaks, with role and counts, most quoted first', async () => {
    const { outcome } = await ask(speakers, {});
    if (!outcome.ok) throw new Error(outcome.code);
    const list = (
      outcome.json as {
        speakers: { name: string; role: string | null; quotes: number; onlyInComments: boolean }[];
      }
    ).speakers;
    expect(list.find((s) => s.name === 'Fiona Hill')?.role).toMatch(/senior director/);
    // The articles' speakers first, most quoted first; then those quoted only inside reader comments.
    const firstCommentOnly = list.findIndex((s) => s.onlyInComments);
    if (firstCommentOnly !== -1)
      expect(list.slice(firstCommentOnly).every((s) => s.onlyInComments)).toBe(true);
    for (const part of [list.filter((s) => !s.onlyInComments), list.filter((s) => s.onlyInComments)])
      for (let i = 1; i < part.length; i++)
        expect(part[i - 1]!.quotes).toBeGreaterThanOrEqual(part[i]!.quotes);
    expect(list.find((s) => s.name.endsWith('Richmond'))?.onlyInComments).toBe(true);
  });
});
