import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, type CorpusInput } from '../../src/core/corpus/corpus.js';
import { expandDocument } from '../../src/core/corpus/compact.js';
import { AnalysisCache } from '../../src/data/analysis-cache.js';
import { loadCorpusFolder } from '../../src/data/corpus-loader.js';
import { MIN_PARALLEL_CHARS, parseOnWorker, workerShare } from '../../src/data/parse-pool.js';
import { SEEDS } from '../helpers/corpus.js';

function input(id: string, chars: number): CorpusInput {
  return { raw: { id, file: `${id}.txt`, text: 'x'.repeat(chars) } };
}

const charsOf = (inputs: readonly CorpusInput[], picked: number[]): number =>
  picked.reduce((n, i) => n + (inputs[i] as CorpusInput).raw.text.length, 0);

describe('workerShare', () => {
  it('GIVEN a batch below the threshold THEN nothing goes to a worker', () => {
    expect(workerShare([input('a', MIN_PARALLEL_CHARS - 1)], 2)).toEqual([]);
  });

  it('GIVEN a single core THEN nothing goes to a worker', () => {
    expect(workerShare([input('a', MIN_PARALLEL_CHARS), input('b', MIN_PARALLEL_CHARS)], 1)).toEqual([]);
  });

  it('GIVEN a large batch THEN the worker gets a little over half of the characters, in input order', () => {
    const inputs = Array.from({ length: 40 }, (_, i) => input(`d${i}`, 10_000 + ((i * 7919) % 30_000)));
    const picked = workerShare(inputs, 2);
    const total = charsOf(inputs, inputs.map((_, i) => i));
    const share = charsOf(inputs, picked) / total;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.6);
    expect(picked).toEqual([...picked].sort((a, b) => a - b));
  });
});

describe('parsing on a worker thread', () => {
  let inputs: CorpusInput[];
  let cacheRoot: string;
  beforeAll(async () => {
    const seeds = await loadCorpusFolder(SEEDS);
    // Enough copies of the seeds (under other ids) to pass the threshold, so the cache really uses the worker.
    const copies = Math.ceil((MIN_PARALLEL_CHARS * 1.2) / seeds.inputs.reduce((n, i) => n + i.raw.text.length, 0));
    inputs = Array.from({ length: copies }, (_, k) =>
      seeds.inputs.map((i) => ({ ...i, raw: { ...i.raw, id: `${i.raw.id}-${k}`, file: `${k}-${i.raw.file}` } })),
    ).flat();
    cacheRoot = await mkdtemp(join(tmpdir(), 'cp-pool-'));
  });
  afterAll(() => rm(cacheRoot, { recursive: true, force: true }));

  it('GIVEN documents parsed on a worker THEN each expands to exactly what the main thread parses', async () => {
    const some = inputs.slice(0, 5);
    const parsed = await parseOnWorker(some, true);
    expect(parsed).not.toBeNull();
    const expected = buildCorpus(some).documents;
    const got = (parsed ?? []).map((p, i) =>
      expandDocument({ ...p.stored, text: (some[i] as CorpusInput).raw.text }),
    );
    expect(got.sort((a, b) => a.meta.id.localeCompare(b.meta.id))).toEqual(expected);
    expect((parsed ?? []).every((p) => p.entry !== null && p.entry.length > 0)).toBe(true);
  });

  it('GIVEN a large batch through the cache THEN it parses everything once, equal to a serial parse, and writes every entry', async () => {
    const cache = AnalysisCache.forCorpus(cacheRoot, '/corpus/pool');
    const { documents, stats } = await cache.documents(inputs);
    expect(workerShare(inputs).length).toBeGreaterThan(0);
    expect(stats.parsed).toBe(inputs.length);
    expect(stats.parsedOnWorker).toBe(workerShare(inputs).length);
    expect(stats.written).toBe(inputs.length);
    expect(documents.map((d) => d.meta.id)).toEqual(inputs.map((i) => i.raw.id));
    expect([...documents].sort((a, b) => a.meta.id.localeCompare(b.meta.id))).toEqual(buildCorpus(inputs).documents);
    // The entries written from the worker's bytes read back as the same documents.
    const again = await AnalysisCache.forCorpus(cacheRoot, '/corpus/pool').documents(inputs);
    expect(again.stats.diskHits).toBe(inputs.length);
    expect(again.documents).toEqual(documents);
    const dirs = await readdir(cacheRoot);
    expect(dirs).toHaveLength(1);
  });
});
