/** Folder -> corpus -> analysis, with the problems met on the way. */
import { buildCorpus } from '../core/corpus/corpus.js';
import { analyzeCorpus, type Analysis } from '../core/analysis.js';
import { loadCorpusFolder, type LoadProblem } from './corpus-loader.js';

export interface LoadedAnalysis {
  readonly analysis: Analysis;
  readonly problems: readonly LoadProblem[];
}

export async function loadAnalysis(dir: string): Promise<LoadedAnalysis> {
  const folder = await loadCorpusFolder(dir);
  const corpus = buildCorpus(folder.inputs);
  return { analysis: analyzeCorpus(corpus), problems: folder.problems };
}
