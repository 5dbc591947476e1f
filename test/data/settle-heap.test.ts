import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { settleHeap } from '../../src/data/settle-heap.js';
import { loadAnalysis } from '../../src/data/load-analysis.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
const global = globalThis as { gc?: () => void };

describe('GIVEN a corpus load and the collector the bot is started with (--expose-gc)', () => {
  const before = global.gc;
  afterEach(() => {
    if (before === undefined) delete global.gc;
    else global.gc = before;
  });

  it('WHEN settleHeap is given a collector THEN it runs it once and says how long it took', () => {
    const collect = vi.fn();
    const ms = settleHeap(collect);
    expect(collect).toHaveBeenCalledTimes(1);
    expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('WHEN no collector is exposed (the CLI, the tests) THEN nothing runs and it says so', () => {
    delete global.gc;
    expect(settleHeap()).toBeNull();
  });

  it('WHEN the corpus is loaded THEN the load ends with one full collection', async () => {
    let collections = 0;
    global.gc = () => collections++;
    const { analysis } = await loadAnalysis(SEEDS, { cacheDir: null });
    expect(analysis.corpus.documents.length).toBeGreaterThan(0);
    expect(collections).toBe(1);
  });
});
