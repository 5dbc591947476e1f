/** Test helpers: documents from literal text, and the seed corpus loaded once per test file. */
import { buildCorpus } from '../../src/core/corpus/corpus.js';
import { parseDocument, type MetaHint } from '../../src/core/corpus/document.js';
import type { Corpus, CorpusDocument } from '../../src/core/corpus/types.js';
import { segment } from '../../src/core/nlp/segmenter.js';
import { analyzeCorpus, type Analysis } from '../../src/core/analysis.js';
import { loadCorpusFolder } from '../../src/data/corpus-loader.js';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS = join(ROOT, 'seeds');
export const ACCEPTANCE = join(ROOT, '..', 'shared', 'acceptance');

export function doc(text: string, hint?: MetaHint, id = 'doc'): CorpusDocument {
  return parseDocument({ id, file: `${id}.txt`, text }, hint, segment);
}

export function corpusOfTexts(texts: Record<string, string>, hints: Record<string, MetaHint> = {}): Corpus {
  return buildCorpus(
    Object.entries(texts).map(([id, text]) => ({ raw: { id, file: `${id}.txt`, text }, hint: hints[id] })),
  );
}

let seeds: Promise<Analysis> | undefined;
export function seedAnalysis(): Promise<Analysis> {
  seeds ??= loadCorpusFolder(SEEDS).then((f) => analyzeCorpus(buildCorpus(f.inputs)));
  return seeds;
}

/** An acceptance sample from ../shared/acceptance, or null when that folder is not beside the repo. */
export function acceptance<T>(name: string): T | null {
  const path = join(ACCEPTANCE, name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}
