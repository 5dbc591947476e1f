import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisCache } from '../../src/data/analysis-cache.js';
import { loadCorpusFolder } from '../../src/data/corpus-loader.js';
import { loadAnalysis } from '../../src/data/load-analysis.js';
import { buildCorpus } from '../../src/core/corpus/corpus.js';

const ARTICLES: Record<string, string> = {
  'harbour.txt': [
    'Harbour Strike Enters Second Week',
    '',
    'By Mara Quint',
    '',
    'Dock workers in Port Elden stayed off the job on Monday, the union said.',
    '',
    '“We will not go back until the contract is signed,” said Ilse Varga, the union’s secretary.',
  ].join('\n'),
  'council.txt': [
    'Council Votes on Budget',
    '',
    'The city council approved the budget on Thursday by a vote of seven to two.',
    '',
    'Comments',
    '',
    '1. Reader says:',
    'About time.',
  ].join('\n'),
  'rail.md': '# Rail Line Reopens\n\nTrains ran again between Oster and Vell on Friday after repairs.\n',
};

let corpusDir: string;
let cacheRoot: string;
beforeEach(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'cp-cache-corpus-'));
  cacheRoot = await mkdtemp(join(tmpdir(), 'cp-cache-root-'));
  for (const [name, text] of Object.entries(ARTICLES)) await writeFile(join(corpusDir, name), text);
});
afterEach(async () => {
  await chmod(cacheRoot, 0o700).catch(() => undefined);
  await rm(corpusDir, { recursive: true, force: true });
  await rm(cacheRoot, { recursive: true, force: true });
});

/** A load as a fresh process would do it: a new cache object over the same folder. */
async function coldProcessLoad() {
  const cache = AnalysisCache.forCorpus(cacheRoot, corpusDir);
  const folder = await loadCorpusFolder(corpusDir);
  return { cache, folder, ...(await cache.documents(folder.inputs)) };
}

async function entries(cache: AnalysisCache): Promise<string[]> {
  return (await readdir(cache.dir as string)).filter((n) => n.endsWith('.bin')).sort();
}

async function freshParse() {
  return buildCorpus((await loadCorpusFolder(corpusDir)).inputs).documents;
}

const byId = <T extends { meta: { id: string } }>(docs: readonly T[]) =>
  [...docs].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

describe('GIVEN an empty cache', () => {
  it('THEN the first load parses every file and writes one entry each', async () => {
    const { cache, stats, documents } = await coldProcessLoad();
    expect(stats).toMatchObject({ documents: 3, parsed: 3, diskHits: 0, written: 3, rejected: 0 });
    expect(await entries(cache)).toHaveLength(3);
    expect(byId(documents)).toStrictEqual(byId(await freshParse()));
    expect(stats.bytes).toBeGreaterThan(0);
  });
});

describe('GIVEN a warm cache on disk', () => {
  it('THEN a new process reads every document back without parsing, equal to a fresh parse', async () => {
    await coldProcessLoad();
    const { stats, documents } = await coldProcessLoad();
    expect(stats).toMatchObject({ documents: 3, parsed: 0, diskHits: 3, written: 0, pruned: 0 });
    expect(byId(documents)).toStrictEqual(byId(await freshParse()));
  });

  it('THEN the same cache object reuses its documents from memory', async () => {
    const { cache, folder } = await coldProcessLoad();
    const again = await cache.documents(folder.inputs);
    expect(again.stats).toMatchObject({ memoryHits: 3, diskHits: 0, parsed: 0 });
  });

  it('THEN a changed file is the only one parsed, and its old entry is pruned', async () => {
    const first = await coldProcessLoad();
    const before = await entries(first.cache);
    await writeFile(join(corpusDir, 'rail.md'), '# Rail Line Reopens\n\nTrains ran again on Saturday instead.\n');
    const { stats, cache, documents } = await coldProcessLoad();
    expect(stats).toMatchObject({ parsed: 1, diskHits: 2, written: 1, pruned: 1 });
    const after = await entries(cache);
    expect(after).toHaveLength(3);
    expect(after.filter((e) => !before.includes(e))).toHaveLength(1);
    expect(documents.find((d) => d.meta.id === 'rail')?.text).toMatch(/Saturday/);
  });

  it('THEN a removed file loses its entry and an added file gains one', async () => {
    await coldProcessLoad();
    await rm(join(corpusDir, 'council.txt'));
    await writeFile(join(corpusDir, 'ferry.txt'), 'Ferry Service Cut\n\nThe ferry will run twice a day from May.\n');
    const { stats, cache } = await coldProcessLoad();
    expect(stats).toMatchObject({ documents: 3, parsed: 1, diskHits: 2, pruned: 1 });
    expect(await entries(cache)).toHaveLength(3);
  });

  it('THEN a changed manifest entry re-parses that file with the new metadata', async () => {
    await coldProcessLoad();
    await writeFile(
      join(corpusDir, 'manifest.json'),
      JSON.stringify({ documents: [{ file: 'harbour.txt', outlet: 'Elden Courier', published: '2023-03-06' }] }),
    );
    const { stats, documents } = await coldProcessLoad();
    expect(stats).toMatchObject({ parsed: 1, diskHits: 2 });
    expect(documents.find((d) => d.meta.id === 'harbour')?.meta).toMatchObject({
      outlet: 'Elden Courier',
      published: '2023-03-06',
    });
  });

  it('THEN a file renamed without changes is parsed under its new name', async () => {
    await coldProcessLoad();
    await writeFile(join(corpusDir, 'rail-2.md'), ARTICLES['rail.md'] as string);
    await rm(join(corpusDir, 'rail.md'));
    const { stats, documents } = await coldProcessLoad();
    expect(stats).toMatchObject({ parsed: 1, diskHits: 2 });
    expect(documents.find((d) => d.meta.id === 'rail-2')?.meta.file).toBe('rail-2.md');
  });
});

describe('GIVEN damaged cache entries', () => {
  const damage: { name: string; spoil: (bytes: Buffer, others: Buffer[]) => Buffer }[] = [
    { name: 'an empty file', spoil: () => Buffer.alloc(0) },
    { name: 'a truncated entry', spoil: (b) => b.subarray(0, Math.floor(b.length / 2)) },
    { name: 'random bytes', spoil: (b) => Buffer.from(b.map((_, i) => (i * 7919 + 13) % 256)) },
    { name: 'a flipped byte in the middle', spoil: (b) => Buffer.from(b.map((x, i) => (i === b.length >> 1 ? x ^ 0xff : x))) },
    { name: 'the entry of another document', spoil: (_b, others) => others[0] as Buffer },
  ];
  it.each(damage)('GIVEN $name THEN it is ignored, re-parsed and rewritten, and the load is right', async ({ spoil }) => {
    const { cache } = await coldProcessLoad();
    const names = await entries(cache);
    const bytes = await Promise.all(names.map((n) => readFile(join(cache.dir as string, n))));
    await writeFile(join(cache.dir as string, names[1] as string), spoil(bytes[1] as Buffer, [bytes[0] as Buffer]));
    const { stats, documents } = await coldProcessLoad();
    expect(stats.parsed + stats.diskHits).toBe(3);
    expect(stats.parsed).toBeGreaterThanOrEqual(1);
    expect(byId(documents)).toStrictEqual(byId(await freshParse()));
    const third = await coldProcessLoad();
    expect(third.stats).toMatchObject({ parsed: 0, diskHits: 3 });
  });

  it('GIVEN a leftover temporary file THEN it does not count as an entry', async () => {
    const { cache } = await coldProcessLoad();
    await writeFile(join(cache.dir as string, '.abc.1234.tmp'), 'half written');
    const { stats } = await coldProcessLoad();
    expect(stats).toMatchObject({ diskHits: 3, pruned: 0 });
  });
});

describe('GIVEN a cache folder that cannot be used', () => {
  it('GIVEN a file where the cache folder should be THEN the corpus still loads, parsed', async () => {
    const blocked = join(cacheRoot, 'blocked');
    await writeFile(blocked, 'not a folder');
    const cache = AnalysisCache.forCorpus(blocked, corpusDir);
    const { stats, documents } = await cache.documents((await loadCorpusFolder(corpusDir)).inputs);
    expect(stats).toMatchObject({ parsed: 3, written: 0 });
    expect(byId(documents)).toStrictEqual(byId(await freshParse()));
  });

  it.skipIf(process.getuid?.() === 0)('GIVEN a read-only cache folder THEN the corpus still loads', async () => {
    await chmod(cacheRoot, 0o500);
    const cache = AnalysisCache.forCorpus(cacheRoot, corpusDir);
    const { stats } = await cache.documents((await loadCorpusFolder(corpusDir)).inputs);
    expect(stats).toMatchObject({ parsed: 3, written: 0 });
  });

  it('GIVEN no cache folder (null) THEN nothing is written and a second load reuses memory', async () => {
    const cache = AnalysisCache.forCorpus(null, corpusDir);
    const inputs = (await loadCorpusFolder(corpusDir)).inputs;
    expect((await cache.documents(inputs)).stats).toMatchObject({ parsed: 3, written: 0 });
    expect((await cache.documents(inputs)).stats).toMatchObject({ parsed: 0, memoryHits: 3 });
    expect(await readdir(cacheRoot)).toEqual([]);
  });
});

describe('GIVEN loadAnalysis with a cache folder', () => {
  it('THEN a second load starts from the cache with the same corpus and problems', async () => {
    await writeFile(join(corpusDir, 'empty.txt'), '');
    const first = await loadAnalysis(corpusDir, { cacheDir: cacheRoot });
    const second = await loadAnalysis(corpusDir, { cacheDir: cacheRoot });
    expect(first.cacheStats).toMatchObject({ parsed: 3 });
    expect(second.cacheStats).toMatchObject({ parsed: 0, diskHits: 3 });
    expect(second.analysis.corpus.documents).toStrictEqual(first.analysis.corpus.documents);
    expect(second.analysis.corpus.documents.map((d) => d.meta.id)).toEqual(['council', 'harbour', 'rail']);
    expect(second.problems).toEqual(first.problems);
    expect(second.problems.map((p) => p.file)).toEqual(['empty.txt']);
  });
});
