import { beforeAll, describe, expect, it } from 'vitest';
import { deserialize } from 'node:v8';
import { analyzeCorpus, type Analysis } from '../../src/core/analysis.js';
import { expandDocument } from '../../src/core/corpus/compact.js';
import { corpusOf, type CorpusInput } from '../../src/core/corpus/corpus.js';
import { parseDocument } from '../../src/core/corpus/document.js';
import type { Corpus, CorpusDocument } from '../../src/core/corpus/types.js';
import { segment } from '../../src/core/nlp/segmenter.js';
import { AnalysisCache, type StoredDocument } from '../../src/data/analysis-cache.js';
import { encodeSnapshot, type SummaryColumns } from '../../src/data/analysis-snapshot.js';
import { loadCorpusFolder } from '../../src/data/corpus-loader.js';
import { MIN_PARALLEL_CHARS, ParseWorker, worthAWorker } from '../../src/data/parse-pool.js';
import { newQueue } from '../../src/data/parse-queue.js';
import { analyzeShared, type EngineHelper } from '../../src/data/shared-analysis.js';
import { SEEDS } from '../helpers/corpus.js';

/** Every engine's output, as the snapshot stores it: compared by value, whatever thread's arrays they are. */
const outputs = (a: Analysis): unknown => deserialize(encodeSnapshot(a));

const byId = (a: CorpusDocument, b: CorpusDocument): number => a.meta.id.localeCompare(b.meta.id);

/** `copies` copies of the seeds under other ids. */
async function seedCopies(copies: number): Promise<CorpusInput[]> {
  const seeds = await loadCorpusFolder(SEEDS);
  return Array.from({ length: copies }, (_, k) =>
    seeds.inputs.map((i) => ({ ...i, raw: { ...i.raw, id: `${i.raw.id}-${k}`, file: `${k}-${i.raw.file}` } })),
  ).flat();
}

/** The helper, recording which of the worker's results arrived. */
function recording(helper: EngineHelper): { helper: EngineHelper; delivered: { time: boolean; summary: boolean } } {
  const delivered = { time: false, summary: false };
  return {
    delivered,
    helper: {
      has: (doc) => helper.has(doc),
      send: (doc, stored) => helper.send(doc, stored),
      begin: async (ids) => {
        const time = await helper.begin(ids);
        delivered.time = time !== null;
        return time;
      },
      summary: async (quotes) => {
        const columns = await helper.summary(quotes);
        delivered.summary = columns !== null;
        return columns;
      },
      close: () => helper.close(),
    },
  };
}

/**
 * A worker that parsed the first half of `inputs` (kept for the engines), the main thread the rest: the corpus of
 * both, as a load makes it.
 */
async function halfOnWorker(inputs: readonly CorpusInput[]): Promise<{ worker: ParseWorker; corpus: Corpus }> {
  const half = inputs.slice(0, Math.ceil(inputs.length / 2));
  const worker = new ParseWorker(half, false, newQueue(), () => undefined, true);
  const parsed = await worker.parsed;
  if (parsed === null) throw new Error('the worker did not parse');
  const theirs = parsed.map((p) => {
    const doc = expandDocument({ ...p.stored, text: (half[p.at] as CorpusInput).raw.text });
    worker.holds(doc);
    return doc;
  });
  const mine = inputs.slice(half.length).map((i) => parseDocument(i.raw, i.hint, segment));
  return { worker, corpus: corpusOf([...theirs, ...mine].sort(byId)) };
}

describe('the engines shared with the parse worker', () => {
  let inputs: CorpusInput[];
  beforeAll(async () => {
    inputs = await seedCopies(2);
  });

  it('GIVEN a worker holding half the corpus THEN it is sent the rest, computes the time engine and the summary model, and the analysis is the one analyzeCorpus gives', async () => {
    const { worker, corpus } = await halfOnWorker(inputs);
    const { helper, delivered } = recording(worker);
    const shared = await analyzeShared(corpus, helper);
    expect(delivered).toEqual({ time: true, summary: true });
    expect(worker.open).toBe(false);
    const serial = analyzeCorpus(corpus);
    expect(shared.time).toStrictEqual(serial.time);
    expect(outputs(shared)).toStrictEqual(outputs(serial));
  });

  it('GIVEN the worker failing in the engines phase (on a document it is sent) THEN the main thread computes the time engine and the summary model', async () => {
    const { worker, corpus } = await halfOnWorker(inputs);
    const sent = corpus.documents.find((d) => !worker.has(d)) as CorpusDocument;
    worker.send(sent, { format: -1 } as unknown as StoredDocument);
    const { helper, delivered } = recording(worker);
    const shared = await analyzeShared(corpus, helper);
    expect(delivered).toEqual({ time: false, summary: false });
    expect(worker.open).toBe(false);
    expect(outputs(shared)).toStrictEqual(outputs(analyzeCorpus(corpus)));
  });

  it('GIVEN a summary that does not restore on the main thread\'s passages THEN the main thread computes it', async () => {
    const corpus = corpusOf(inputs.map((i) => parseDocument(i.raw, i.hint, segment)).sort(byId));
    const serial = analyzeCorpus(corpus);
    let closed = false;
    const helper: EngineHelper = {
      has: () => true,
      send: () => undefined,
      begin: () => Promise.resolve(structuredClone(serial.time)),
      summary: () => Promise.resolve({ kind: new Uint8Array(1) } as unknown as SummaryColumns),
      close: () => {
        closed = true;
      },
    };
    const shared = await analyzeShared(corpus, helper);
    expect(closed).toBe(true);
    expect(outputs(shared)).toStrictEqual(outputs(serial));
  });

  it('GIVEN a large cold load through the cache THEN the analysis, its engines shared with the parse worker, is the one analyzeCorpus gives', async () => {
    const many = await seedCopies(Math.ceil((MIN_PARALLEL_CHARS * 1.2) / 64_000));
    expect(worthAWorker(many)).toBe(true);
    const cache = new AnalysisCache(null);
    // However many documents the worker parsed (it may start after the main thread has taken them all), it is
    // sent the others and computes its engines.
    const { documents, keys } = await cache.documents(many);
    const corpus = corpusOf([...documents].sort(byId));
    const { analysis } = await cache.analysis(corpus, keys);
    expect(outputs(analysis)).toStrictEqual(outputs(analyzeCorpus(corpus)));
  });
});
