/**
 * Corpus reload without a restart: `reloadCorpus` (used by the watcher and by `/corpus reload`) loads the folder
 * again through the analysis cache, so only added or changed files are parsed; `watchCorpus` runs it when the
 * folder changes. Editors save in bursts (temporary file, rename, write), so changes are debounced and reloads
 * never overlap: a change during a reload queues exactly one more. A file that vanishes mid-reload is a load
 * problem like any unreadable file; a folder that cannot be read is reported, never thrown at the bot.
 */
import { watch, type FSWatcher } from 'node:fs';
import { extname } from 'node:path';
import { CorpusFolderError, type LoadProblem } from './corpus-loader.js';
import type { AnalysisCache } from './analysis-cache.js';
import { loadAnalysisWith, type LoadedAnalysis } from './load-analysis.js';

export type ReloadOutcome =
  | { readonly ok: true; readonly loaded: LoadedAnalysis; readonly ms: number }
  | { readonly ok: false; readonly message: string };

/** Loads the corpus in `dir` again through `cache`; never throws. */
export async function reloadCorpus(dir: string, cache: AnalysisCache): Promise<ReloadOutcome> {
  const started = performance.now();
  try {
    const loaded = await loadAnalysisWith(dir, cache);
    return { ok: true, loaded, ms: performance.now() - started };
  } catch (err) {
    const message =
      err instanceof CorpusFolderError ? err.message : `corpus reload failed: ${(err as Error).message}`;
    return { ok: false, message };
  }
}

export interface WatchOptions {
  /** A new analysis, after a change that altered the documents or the load problems. */
  readonly onReload: (loaded: LoadedAnalysis, ms: number) => void;
  /** A reload or the watch itself failed; the previous analysis stays in use. */
  readonly onError: (message: string) => void;
  readonly debounceMs?: number;
}

export interface CorpusWatcher {
  /** Reloads now (also what a change triggers), resolving when that reload is done. */
  reload(): Promise<void>;
  close(): void;
}

/** Whether a changed name can affect the corpus (editors' swap and backup files cannot). */
function relevant(name: string | null): boolean {
  if (name === null) return true;
  if (name === 'manifest.json') return true;
  if (name.startsWith('.') || name.endsWith('~')) return false;
  const ext = extname(name).toLowerCase();
  return ext === '.txt' || ext === '.md';
}

const sameProblems = (a: readonly LoadProblem[], b: readonly LoadProblem[]): boolean =>
  a.length === b.length && a.every((p, i) => p.file === b[i]?.file && p.message === b[i]?.message);

/**
 * Watches `dir` and reloads through `cache` on change. `initial` is the load already in use, so a change that
 * alters nothing (a file saved unchanged) does not hand out a new analysis.
 */
export function watchCorpus(
  dir: string,
  cache: AnalysisCache,
  options: WatchOptions,
  initial?: LoadedAnalysis,
): CorpusWatcher {
  const debounceMs = options.debounceMs ?? 300;
  let current = initial;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const unchanged = (next: LoadedAnalysis): boolean => {
    if (!current) return false;
    const a = current.analysis.corpus.documents;
    const b = next.analysis.corpus.documents;
    return a.length === b.length && a.every((d, i) => d === b[i]) && sameProblems(current.problems, next.problems);
  };

  const runOnce = async (): Promise<void> => {
    const outcome = await reloadCorpus(dir, cache);
    if (closed) return;
    if (!outcome.ok) {
      options.onError(outcome.message);
      return;
    }
    if (unchanged(outcome.loaded)) return;
    current = outcome.loaded;
    try {
      options.onReload(outcome.loaded, outcome.ms);
    } catch (err) {
      options.onError(`corpus reload handler failed: ${(err as Error).message}`);
    }
  };

  const reload = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again && !closed);
      running = undefined;
    })();
    return running;
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (closed || !relevant(typeof name === 'string' ? name : null)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), debounceMs);
    });
    watcher.on('error', (err) => {
      options.onError(`stopped watching ${dir}: ${(err as NodeJS.ErrnoException).code ?? err.message}`);
      watcher?.close();
    });
  } catch (err) {
    options.onError(`cannot watch ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }

  return {
    reload,
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
