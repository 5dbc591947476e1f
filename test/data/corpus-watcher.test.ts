import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAnalysis, type LoadedAnalysis } from '../../src/data/load-analysis.js';
import { reloadCorpus, watchCorpus, type CorpusWatcher } from '../../src/data/corpus-watcher.js';
import { AnalysisCache } from '../../src/data/analysis-cache.js';

const ids = (l: LoadedAnalysis) => l.analysis.corpus.documents.map((d) => d.meta.id);

let dir: string;
let cacheRoot: string;
let watcher: CorpusWatcher | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-watch-corpus-'));
  cacheRoot = await mkdtemp(join(tmpdir(), 'cp-watch-cache-'));
  await writeFile(join(dir, 'mill.txt'), 'Mill Closes\n\nThe paper mill in Dunholt closed on Friday, the owners said.\n');
  await writeFile(join(dir, 'bridge.txt'), 'Bridge Opens\n\nThe new bridge over the Arle opened to traffic on Sunday.\n');
});
afterEach(async () => {
  watcher?.close();
  watcher = undefined;
  await rm(dir, { recursive: true, force: true });
  await rm(cacheRoot, { recursive: true, force: true });
});

/** Starts a watcher after a first load and collects what it reports. */
async function watched(debounceMs = 60) {
  const initial = await loadAnalysis(dir, { cacheDir: cacheRoot });
  const reloads: LoadedAnalysis[] = [];
  const errors: string[] = [];
  let notify: () => void = () => undefined;
  watcher = watchCorpus(
    dir,
    initial.cache as AnalysisCache,
    {
      debounceMs,
      onReload: (l) => {
        reloads.push(l);
        notify();
      },
      onError: (m) => {
        errors.push(m);
        notify();
      },
    },
    initial,
  );
  /** Resolves at the next report (or after `ms`, for "nothing happens" checks). */
  const next = (ms = 8000) =>
    new Promise<void>((done) => {
      const t = setTimeout(done, ms);
      notify = () => {
        clearTimeout(t);
        done();
      };
    });
  return { initial, reloads, errors, next };
}

describe('GIVEN a watched corpus folder', () => {
  it('GIVEN an added file THEN a new analysis includes it, parsing only that file', async () => {
    const w = await watched();
    const report = w.next();
    await writeFile(join(dir, 'ferry.txt'), 'Ferry Returns\n\nThe ferry to Oll resumed service on Monday.\n');
    await report;
    expect(w.errors).toEqual([]);
    expect(w.reloads).toHaveLength(1);
    expect(ids(w.reloads[0] as LoadedAnalysis)).toEqual(['bridge', 'ferry', 'mill']);
    expect(w.reloads[0]?.cacheStats).toMatchObject({ parsed: 1, memoryHits: 2 });
  });

  it('GIVEN a changed file saved the way editors do (temporary file renamed over it) THEN it is reloaded', async () => {
    const w = await watched();
    const report = w.next();
    await writeFile(join(dir, '.mill.txt.swp'), 'swap');
    await writeFile(join(dir, 'mill.txt.tmp~'), 'Mill Reopens\n\nThe paper mill in Dunholt reopened on Monday.\n');
    await rename(join(dir, 'mill.txt.tmp~'), join(dir, 'mill.txt'));
    await report;
    expect(w.reloads).toHaveLength(1);
    const mill = w.reloads[0]?.analysis.corpus.byId.get('mill');
    expect(mill?.text).toMatch(/reopened/);
    expect(w.reloads[0]?.cacheStats).toMatchObject({ parsed: 1, memoryHits: 1 });
  });

  it('GIVEN a removed file THEN the new analysis no longer has it', async () => {
    const w = await watched();
    const report = w.next();
    await rm(join(dir, 'bridge.txt'));
    await report;
    expect(ids(w.reloads[0] as LoadedAnalysis)).toEqual(['mill']);
  });

  it('GIVEN a burst of saves THEN they make one reload with the last content', async () => {
    const w = await watched(300);
    const report = w.next();
    for (let i = 1; i <= 5; i++) await writeFile(join(dir, 'mill.txt'), `Mill News\n\nUpdate number ${i} on the mill.\n`);
    await report;
    await w.next(400);
    expect(w.reloads).toHaveLength(1);
    expect(w.reloads[0]?.analysis.corpus.byId.get('mill')?.text).toMatch(/number 5/);
  });

  it('GIVEN a file saved unchanged THEN no new analysis is handed out', async () => {
    const w = await watched();
    await writeFile(join(dir, 'mill.txt'), 'Mill Closes\n\nThe paper mill in Dunholt closed on Friday, the owners said.\n');
    await (watcher as CorpusWatcher).reload();
    expect(w.reloads).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('GIVEN the folder itself removed THEN a reload reports it and nothing throws', async () => {
    const w = await watched();
    await rm(dir, { recursive: true, force: true });
    await (watcher as CorpusWatcher).reload();
    expect(w.errors.join('\n')).toMatch(/corpus folder|stopped watching/);
    expect(w.reloads).toEqual([]);
  });
});

describe('GIVEN reloadCorpus', () => {
  it('GIVEN a file that disappears before it is read THEN it is a load problem, not a crash', async () => {
    // A dangling link is listed by readdir and fails to read with ENOENT: the state of a file deleted mid-reload.
    await symlink(join(dir, 'gone.txt'), join(dir, 'vanishing.txt'));
    const outcome = await reloadCorpus(dir, AnalysisCache.forCorpus(cacheRoot, dir));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(ids(outcome.loaded)).toEqual(['bridge', 'mill']);
    expect(outcome.loaded.problems).toEqual([{ file: 'vanishing.txt', message: 'cannot be read (ENOENT)' }]);
  });

  it('GIVEN a folder that does not exist THEN the outcome is an error value naming it', async () => {
    const outcome = await reloadCorpus(join(dir, 'nope'), AnalysisCache.forCorpus(null, dir));
    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('nope') as unknown });
  });
});
