import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAnalysis } from '../../src/data/load-analysis.js';
import { AnalysisCache } from '../../src/data/analysis-cache.js';
import { loadCorpusFolder } from '../../src/data/corpus-loader.js';
import {
  SNAPSHOT_FILE,
  encodeSnapshot,
  snapshotKey,
  sourcesHash,
  writeSnapshot,
} from '../../src/data/analysis-snapshot.js';
import type { Analysis } from '../../src/core/analysis.js';
import type { CommandModule, Options } from '../../src/commands/_types.js';
import * as summary from '../../src/commands/summary.js';
import * as quote from '../../src/commands/quote.js';
import * as timeline from '../../src/commands/timeline.js';
import * as search from '../../src/commands/search.js';
import * as viewpoints from '../../src/commands/viewpoints.js';
import * as counterpoint from '../../src/commands/counterpoint.js';
import * as speakers from '../../src/commands/speakers.js';
import * as sources from '../../src/commands/sources.js';
import { ROOT, SEEDS } from '../helpers/corpus.js';

const HALVORSEN = join(ROOT, 'test', 'fixtures', 'halvorsen');

let cacheRoot: string;
let scratch: string;
beforeEach(async () => {
  cacheRoot = await mkdtemp(join(tmpdir(), 'cp-snapshot-cache-'));
  scratch = await mkdtemp(join(tmpdir(), 'cp-snapshot-corpus-'));
});
afterEach(async () => {
  await rm(cacheRoot, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

const NOW = new Date(Date.UTC(2030, 0, 1));

function ask(command: CommandModule, options: Options, analysis: Analysis): unknown {
  const outcome = command.run?.(options, { analysis, now: NOW });
  if (!outcome) throw new Error(`${command.data.name} has no run`);
  return outcome.ok ? { json: outcome.json, view: outcome.view } : outcome;
}

/**
 * Every command's answer over the option values the corpus offers: /summary at each length, /quote for every
 * speaker of the catalog, /timeline, /search for a few words of its sentences, /viewpoints and /counterpoint for
 * every dispute it offers (and /counterpoint for some of its claims), plus /speakers and /sources.
 */
function answers(analysis: Analysis): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const length of ['short', 'medium', 'long']) out[`summary ${length}`] = ask(summary, { length }, analysis);
  for (const s of analysis.quotes.speakers) out[`quote ${s.name}`] = ask(quote, { speaker: s.name }, analysis);
  out['timeline'] = ask(timeline, {}, analysis);
  const words = analysis.index.passages
    .filter((_, i) => i % 17 === 0)
    .map((p) => p.terms.slice(0, 3).join(' '))
    .filter((q) => q.length > 0);
  for (const query of ['protest', 'job cuts', ...words]) out[`search ${query}`] = ask(search, { query }, analysis);
  const disputes = analysis.claims.disputes.map((d) => d.topic);
  out['disputes'] = disputes;
  for (const topic of disputes) {
    out[`viewpoints ${topic}`] = ask(viewpoints, { topic }, analysis);
    out[`counterpoint ${topic}`] = ask(counterpoint, { claim: topic }, analysis);
  }
  for (const c of analysis.claims.claims.filter((_, i) => i % 23 === 0))
    out[`counterpoint ${c.text}`] = ask(counterpoint, { claim: c.text.slice(0, 200) }, analysis);
  out['speakers'] = ask(speakers, {}, analysis);
  out['sources'] = ask(sources, {}, analysis);
  return out;
}

/** The engines' outputs, for comparing two analyses of the same corpus (the segmenter is a function, left out). */
function engines(analysis: Analysis): unknown {
  const { corpus, quotes, time, index, summary: model, claims } = analysis;
  return { corpus, quotes, time, passages: index.passages, summary: model, claims };
}

async function load(dir: string): Promise<Awaited<ReturnType<typeof loadAnalysis>>> {
  return loadAnalysis(dir, { cacheDir: cacheRoot });
}

async function snapshotPath(dir: string): Promise<string> {
  return join(AnalysisCache.forCorpus(cacheRoot, dir).dir as string, SNAPSHOT_FILE);
}

describe.each([
  { name: 'the seeds', dir: SEEDS },
  { name: 'the Halvorsen fixture', dir: HALVORSEN },
])('GIVEN $name loaded cold, then by a new process', ({ dir }) => {
  it('THEN the second load restores the analysis from the snapshot, and every answer is the same', async () => {
    const cold = await load(dir);
    expect(cold.cacheStats).toMatchObject({ snapshot: 'computed' });
    expect(cold.cacheStats?.snapshotBytes).toBeGreaterThan(0);
    const warm = await load(dir);
    expect(warm.cacheStats).toMatchObject({ parsed: 0, snapshot: 'restored' });
    expect(engines(warm.analysis)).toStrictEqual(engines(cold.analysis));
    expect(answers(warm.analysis)).toStrictEqual(answers(cold.analysis));
  });

  it('THEN objects the engines share are shared again after restoring', async () => {
    await load(dir);
    const { analysis, cacheStats } = await load(dir);
    expect(cacheStats?.snapshot).toBe('restored');
    const { passages } = analysis.index;
    analysis.summary.sentences.forEach((s, i) => expect(s.passage).toBe(passages[i]));
    for (const c of analysis.claims.claims) {
      expect(c.sentence).toBe(passages[c.passage]?.sentence);
      expect(c.terms).toBe(passages[c.passage]?.terms);
    }
  });
});

describe('GIVEN a snapshot on disk', () => {
  const damage: { name: string; spoil: (bytes: Buffer) => Buffer }[] = [
    { name: 'an empty file', spoil: () => Buffer.alloc(0) },
    { name: 'a truncated snapshot', spoil: (b) => b.subarray(0, Math.floor(b.length / 2)) },
    { name: 'random bytes', spoil: (b) => Buffer.from(b.map((_, i) => (i * 7919 + 13) % 256)) },
    {
      name: 'a flipped byte in the body',
      spoil: (b) => Buffer.from(b.map((x, i) => (i === b.length - 100 ? x ^ 0x01 : x))),
    },
  ];
  it.each(damage)('GIVEN $name THEN it is rejected, the analysis computed alike and rewritten', async ({ spoil }) => {
    const cold = await load(SEEDS);
    const path = await snapshotPath(SEEDS);
    await writeFile(path, spoil(await readFile(path)));
    const second = await load(SEEDS);
    expect(second.cacheStats).toMatchObject({ parsed: 0, snapshot: 'rejected' });
    expect(engines(second.analysis)).toStrictEqual(engines(cold.analysis));
    expect((await load(SEEDS)).cacheStats?.snapshot).toBe('restored');
  });

  it('GIVEN a changed file THEN only it is parsed again, the snapshot is not used, and answers show the change', async () => {
    await cp(HALVORSEN, scratch, { recursive: true });
    const cold = await load(scratch);
    expect(cold.analysis.quotes.speakers.map((s) => s.name)).not.toContain('Odile Marchetti');
    const file = join(scratch, '02_press_briefing.txt');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      `${text.trimEnd()}\n\n“We will appeal every one of these layoffs,” said Odile Marchetti, the union’s regional secretary.\n`,
    );
    const changed = await load(scratch);
    expect(changed.cacheStats).toMatchObject({ parsed: 1, diskHits: 2, snapshot: 'computed' });
    expect(changed.analysis.quotes.speakers.map((s) => s.name)).toContain('Odile Marchetti');
    const answer = ask(quote, { speaker: 'Odile Marchetti' }, changed.analysis) as { json: unknown };
    expect(JSON.stringify(answer.json)).toContain('We will appeal every one of these layoffs');
    // The new snapshot is the changed corpus's.
    const again = await load(scratch);
    expect(again.cacheStats?.snapshot).toBe('restored');
    expect(answers(again.analysis)).toStrictEqual(answers(changed.analysis));
  });

  it('GIVEN a snapshot made by other engines THEN it is not used', async () => {
    await cp(HALVORSEN, scratch, { recursive: true });
    const cold = await load(scratch);
    // The same corpus's snapshot, whole and valid, but keyed by another engines' version.
    const cache = AnalysisCache.forCorpus(cacheRoot, scratch);
    const { keys } = await cache.documents((await loadCorpusFolder(scratch)).inputs);
    await writeSnapshot(cache.dir as string, await snapshotKey(keys, 'other-engines'), encodeSnapshot(cold.analysis));
    const second = await load(scratch);
    expect(second.cacheStats).toMatchObject({ parsed: 0, snapshot: 'computed' });
    expect((await load(scratch)).cacheStats?.snapshot).toBe('restored');
  });

  it('GIVEN an engine source file edited THEN the engines’ version changes', async () => {
    await writeFile(join(scratch, 'a.ts'), 'export const A = 1;\n');
    const before = await sourcesHash(scratch);
    expect(await sourcesHash(scratch)).toBe(before);
    await writeFile(join(scratch, 'a.ts'), 'export const A = 2;\n');
    expect(await sourcesHash(scratch)).not.toBe(before);
  });

  it('THEN the corpus folder holds one snapshot, replaced when the corpus changes', async () => {
    await cp(HALVORSEN, scratch, { recursive: true });
    await load(scratch);
    await writeFile(join(scratch, '04_new.txt'), 'A New Piece\n\nThe company said on Monday that talks continue.\n');
    await load(scratch);
    const dir = AnalysisCache.forCorpus(cacheRoot, scratch).dir as string;
    const names = await readdir(dir);
    expect(names.filter((n) => n.includes('snapshot'))).toEqual([SNAPSHOT_FILE]);
  });
});

describe('GIVEN no cache folder', () => {
  it('THEN the analysis is computed and nothing is written', async () => {
    const loaded = await loadAnalysis(HALVORSEN, { cacheDir: null });
    expect(loaded.cacheStats).toMatchObject({ snapshot: 'computed', snapshotBytes: 0 });
    expect(await readdir(cacheRoot)).toEqual([]);
  });
});
