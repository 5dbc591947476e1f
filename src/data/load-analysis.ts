/** Folder -> corpus -> analysis, with the problems met on the way; parsed documents come from the analysis cache. */
import { corpusOf } from '../core/corpus/corpus.js';
import type { Analysis } from '../core/analysis.js';
import { loadCorpusFolder, type LoadProblem } from './corpus-loader.js';
import { AnalysisCache, DEFAULT_CACHE_DIR, type CacheStats } from './analysis-cache.js';
import { settleHeap } from './settle-heap.js';

export interface LoadedAnalysis {
  readonly analysis: Analysis;
  readonly problems: readonly LoadProblem[];
  /** The cache the documents came through: pass it to `reloadCorpus` to reload re-parsing only changed files. */
  readonly cache?: AnalysisCache;
  readonly cacheStats?: CacheStats;
}

export interface LoadOptions {
  /** Root folder of the on-disk analysis cache (default `data/cache`); null keeps the cache in memory only. */
  readonly cacheDir?: string | null;
}

export async function loadAnalysis(dir: string, options: LoadOptions = {}): Promise<LoadedAnalysis> {
  const cache = AnalysisCache.forCorpus(
    options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir,
    dir,
  );
  return loadAnalysisWith(dir, cache);
}

/**
 * Loads (or reloads) the corpus in `dir` through `cache`: only files whose content changed are parsed again, and
 * an unchanged corpus has its engines' outputs restored from the snapshot instead of computed. The engines are
 * cross-document, so any change computes them all again. The load's garbage is then collected at once (`settleHeap`).
 */
export async function loadAnalysisWith(dir: string, cache: AnalysisCache): Promise<LoadedAnalysis> {
  const folder = await loadCorpusFolder(dir);
  const { documents, stats, keys } = await cache.documents(folder.inputs);
  // Same order as buildCorpus gives.
  const corpus = corpusOf([...documents].sort((a, b) => a.meta.id.localeCompare(b.meta.id)));
  const { analysis, snapshot, snapshotBytes } = await cache.analysis(corpus, keys);
  settleHeap();
  return { analysis, problems: folder.problems, cache, cacheStats: { ...stats, snapshot, snapshotBytes } };
}
