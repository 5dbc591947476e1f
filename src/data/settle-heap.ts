/**
 * One full garbage collection right after a corpus is loaded, when the process runs with `--expose-gc` (`npm start`
 * and the shards do). Loading a large corpus leaves hundreds of megabytes of parse garbage; V8 collects it anyway,
 * but in incremental steps and pauses spread over whatever runs next, which is the first answers: measured at 500
 * generated articles, three /timeline calls after the load took 60–130 ms instead of 3. Collected once here, before
 * the bot answers (or between two answers after a reload), it costs about 0.3 s at 500 articles and the answers
 * after it do not pay it. Without the flag (the CLI's one-shot commands, the tests) nothing happens.
 */
export type CollectGarbage = () => void;

/** Milliseconds the collection took, or null when no collector is exposed. */
export function settleHeap(
  collect: CollectGarbage | undefined = (globalThis as { gc?: CollectGarbage }).gc,
): number | null {
  if (typeof collect !== 'function') return null;
  const started = performance.now();
  collect();
  return performance.now() - started;
}
