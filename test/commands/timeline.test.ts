import { describe, expect, it } from 'vitest';
import { corpusOfTexts, seedAnalysis } from '../helpers/corpus.js';
import { analyzeCorpus } from '../../src/core/analysis.js';
import { run, data, autocomplete } from '../../src/commands/timeline.js';
import type { CommandContext, Options } from '../../src/commands/_types.js';
import { checkOptions } from '../../src/commands/_options.js';
import { errorText } from '../../src/presenters/errors.js';
import { parseDateBound, selectEvents } from '../../src/core/time/query.js';

async function ask(options: Options) {
  const ctx: CommandContext = { analysis: await seedAnalysis(), now: new Date(Date.UTC(2030, 0, 1)) };
  const outcome = run?.(options, ctx);
  if (!outcome) throw new Error('timeline has no run');
  return outcome;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('GIVEN /timeline with bad dates', () => {
  it.each([
    { name: 'a word', options: { from: 'yesterday' } },
    { name: 'a month 13', options: { from: '2022-13' } },
    { name: 'February 30', options: { to: '2022-02-30' } },
    { name: 'a day-first date', options: { from: '07/01/2022' } },
    { name: 'to before from', options: { from: '2022-02', to: '2022-01-15' } },
  ])('$name THEN INVALID_OPTION', async ({ options }) => {
    const outcome = await ask(options);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.code).toBe('INVALID_OPTION');
  });

  it('an unknown source THEN UNKNOWN_SOURCE with suggestions', async () => {
    const outcome = await ask({ source: 'zzzz nothing like it' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.code).toBe('UNKNOWN_SOURCE');
  });
});

describe('GIVEN /timeline on the seeds', () => {
  it('WHEN no options THEN days are sections in order, every item cited, and a PNG comes along', async () => {
    const outcome = await ask({});
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { view } = outcome;
    expect(view.sections.length).toBeGreaterThan(5);
    for (const s of view.sections) for (const item of s.items) expect(item.cite).toBeDefined();
    const png = view.image?.png;
    expect(png).toBeDefined();
    expect([...(png as Uint8Array).slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect((png as Uint8Array).length).toBeGreaterThan(2_000);
    expect(view.image?.name).toBe('timeline.png');
  });

  it('WHEN from/to is January 2022 THEN only events that touch January 2022, oldest first', async () => {
    const outcome = await ask({ from: '2022-01', to: '2022-01-31' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const events = (outcome.json as { events: { date: string }[] }).events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.date.startsWith('2022-01'))).toBe(true);
    const dates = events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('WHEN a topic and a source are given THEN every event holds the topic and cites that source', async () => {
    const outcome = await ask({ topic: 'troops', source: '002' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const events = (outcome.json as { events: { text: string; sources: { documentId: string }[] }[] }).events;
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.text.toLowerCase()).toContain('troop');
      expect(e.sources.some((s) => s.documentId === '002_eba45ebe7d5b167d')).toBe(true);
    }
  });

  it('THEN the builder accepts the four options and source autocompletes', async () => {
    const checked = checkOptions(data, {
      from: '2022',
      to: '2022-01',
      topic: 'Geneva talks',
      source: 'Newsweek',
    });
    expect(checked.ok).toBe(true);
    const analysis = await seedAnalysis();
    expect(autocomplete?.('source', 'newsw', { analysis, now: new Date(0) }).map((c) => c.value)).toEqual([
      '003_288f76d67bc71bf5',
    ]);
  });
});

describe('GIVEN date bounds', () => {
  it.each([
    ['2022', true],
    ['2022-1', true],
    ['2022-01-31', true],
    ['2022-02-29', false],
    ['22-01', false],
    ['', false],
  ] as const)('%s THEN valid is %s', (text, ok) => {
    expect(parseDateBound(text) !== null).toBe(ok);
  });

  it('a year event overlaps a month window inside it', async () => {
    const { time } = await seedAnalysis();
    const window = {
      from: parseDateBound('2014-06') ?? undefined,
      to: parseDateBound('2014-06') ?? undefined,
    };
    const hits = selectEvents(time.events, window);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((e) => e.date === '2014')).toBe(true);
  });
});

describe('GIVEN sources that state no publication date', () => {
  it('WHEN /timeline runs THEN the footer and the JSON name them, as their relative dates are not placed', async () => {
    const outcome = await ask({});
    if (!outcome.ok) throw new Error(outcome.code);
    const undated = (outcome.json as { undated: string[] }).undated;
    // The seeds' manifest leaves 000, 001 and 004 undated: they give years and months, not their own day.
    expect(undated).toEqual(['000_abef459d8b449977', '001_bfa0798cb1b066b3', '004_7a03a6fd2fdc04b8']);
    expect(outcome.view.footer).toContain('3 sources that state no publication date');
  });

  it('WHEN a source with no dated events is asked for THEN the error says why and what to do', () => {
    const analysis = analyzeCorpus(
      corpusOfTexts({
        dated: 'Council votes\n\nThe council voted on Tuesday, March 5, 2024.',
        undated: 'Council votes again\n\nThe council will vote again on Tuesday.',
      }),
    );
    const outcome = run?.({ source: 'undated' }, { analysis, now: new Date(0) });
    expect(outcome?.ok).toBe(false);
    if (!outcome || outcome.ok) return;
    expect(errorText(outcome)).toMatch(/states no publication date.*"published" date in manifest\.json/);
  });
});
