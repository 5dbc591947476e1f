import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, type CorpusInput } from '../../src/core/corpus/corpus.js';
import { expandDocument } from '../../src/core/corpus/compact.js';
import { AnalysisCache } from '../../src/data/analysis-cache.js';
import { loadCorpusFolder } from '../../src/data/corpus-loader.js';
import { MIN_PARALLEL_CHARS, parseOnWorker, queueOrder, worthAWorker } from '../../src/data/parse-pool.js';
import { newQueue, takeNext } from '../../src/data/parse-queue.js';
import { SEEDS } from '../helpers/corpus.js';

function input(id: string, chars: number): CorpusInput {
  return { raw: { id, file: `${id}.txt`, text: 'x'.repeat(chars) } };
}

describe('worthAWorker and queueOrder', () => {
  it('GIVEN a batch below the threshold THEN no worker', () => {
    expect(worthAWorker([input('a', MIN_PARALLEL_CHARS - 1)], 2)).toBe(false);
  });

  it('GIVEN a single core THEN no worker', () => {
    expect(worthAWorker([input('a', MIN_PARALLEL_CHARS), input('b', MIN_PARALLEL_CHARS)], 1)).toBe(false);
  });

  it('GIVEN a large batch on two cores THEN a worker', () => {
    expect(worthAWorker([input('a', MIN_PARALLEL_CHARS / 2), input('b', MIN_PARALLEL_CHARS / 2)], 2)).toBe(true);
  });

  it('GIVEN documents of several sizes THEN the queue takes the largest first, equal sizes in input order', () => {
    const inputs = [input('a', 10), input('b', 30), input('c', 20), input('d', 30)];
    expect(queueOrder(inputs)).toEqual([1, 3, 2, 0]);
  });
});

describe('the shared queue', () => {
  it('GIVEN two takers THEN every position is taken once, then -1', () => {
    const queue = newQueue();
    const taken = [takeNext(queue, 3), takeNext(queue, 3), takeNext(queue, 3)];
    expect(taken).toEqual([0, 1, 2]);
    expect(takeNext(queue, 3)).toBe(-1);
    expect(takeNext(queue, 3)).toBe(-1);
  });
});

describe('parsing on a worker thread', () => {
  let inputs: CorpusInput[];
  let cacheRoot: string;
  beforeAll(async () => {
    const seeds = await loadCorpusFolder(SEEDS);
    // Enough copies of the seeds (under other ids) to pass the threshold several times over, so the worker has
    // started (about half a second) well before the main thread could parse them all alone.
    const copies = Math.ceil((MIN_PARALLEL_CHARS * 4) / seeds.inputs.reduce((n, i) => n + i.raw.text.length, 0));
    inputs = Array.from({ length: copies }, (_, k) =>
      seeds.inputs.map((i) => ({ ...i, raw: { ...i.raw, id: `${i.raw.id}-${k}`, file: `${k}-${i.raw.file}` } })),
    ).flat();
    cacheRoot = await mkdtemp(join(tmpdir(), 'cp-pool-'));
  });
  afterAll(() => rm(cacheRoot, { recursive: true, force: true }));

  it('GIVEN documents parsed on a worker alone THEN it takes them all and each expands to exactly what the main thread parses', async () => {
    const some = inputs.slice(0, 5);
    const parsed = await parseOnWorker(some, true, newQueue());
    expect(parsed).not.toBeNull();
    expect((parsed ?? []).map((p) => p.at)).toEqual([0, 1, 2, 3, 4]);
    const expected = buildCorpus(some).documents;
    const got = (parsed ?? []).map((p) => expandDocument({ ...p.stored, text: (some[p.at] as CorpusInput).raw.text }));
    expect(got.sort((a, b) => a.meta.id.localeCompare(b.meta.id))).toEqual(expected);
    expect((parsed ?? []).every((p) => p.entry !== null && p.entry.length > 0)).toBe(true);
  });

  it('GIVEN the main thread taking from the same queue THEN the worker returns exactly the others', async () => {
    const some = inputs.slice(0, 12);
    const queue = newQueue();
    const worker = parseOnWorker(some, false, queue);
    // The main thread starts once the worker has taken a document (it takes a moment to start), then takes its own.
    while (Atomics.load(queue, 0) === 0) await new Promise((done) => setTimeout(done, 5));
    const mine: number[] = [];
    for (let at = takeNext(queue, some.length); at !== -1; at = takeNext(queue, some.length)) {
      mine.push(at);
      buildCorpus([some[at] as CorpusInput]);
    }
    const theirs = ((await worker) ?? []).map((p) => p.at);
    expect([...mine, ...theirs].sort((a, b) => a - b)).toEqual(some.map((_, i) => i));
    expect(theirs.length).toBeGreaterThan(0);
  });

  it('GIVEN a document the worker fails on THEN it resolves to null (the caller parses what it took)', async () => {
    const broken = [{ raw: { id: 'x', file: 'x.txt', text: undefined as unknown as string } }];
    expect(await parseOnWorker(broken, false, newQueue())).toBeNull();
  });

  it('GIVEN a worker failing after some documents THEN those were passed on as they came and it resolves to null', async () => {
    const broken = { raw: { id: 'x', file: 'x.txt', text: undefined as unknown as string } };
    const some = [...inputs.slice(0, 2), broken];
    const passed: number[] = [];
    expect(await parseOnWorker(some, false, newQueue(), (p) => passed.push(p.at))).toBeNull();
    // The caller keeps these and parses only the broken one (which fails on the main thread too).
    expect(passed).toEqual([0, 1]);
  });

  it('GIVEN a large batch through the cache THEN it parses everything once, equal to a serial parse, and writes every entry', async () => {
    const cache = AnalysisCache.forCorpus(cacheRoot, '/corpus/pool');
    const { documents, stats } = await cache.documents(inputs);
    expect(worthAWorker(inputs)).toBe(true);
    expect(stats.parsed).toBe(inputs.length);
    expect(stats.parsedOnWorker).toBeGreaterThan(0);
    expect(stats.parsedOnWorker).toBeLessThan(inputs.length);
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
