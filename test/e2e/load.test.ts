/**
 * The bot under load through the Discord stand-in: every answering command with realistic options, 50 in
 * flight, each interaction acknowledged (none later than Discord's 3 s window, no 10062/40060) and answered
 * without error except where an error is the right answer. The suite runs LOAD_INTERACTIONS (default 2000,
 * to stay well under a minute); `npm run bench:load` runs 10,000. Latency percentiles are printed and written
 * to bench/results/load.json; nothing here asserts on wall-clock time beyond the protocol window.
 */
import { describe, expect, it } from 'vitest';
import { loadTable, runLoad, writeLoadResult } from '../../bench/load.ts';

const INTERACTIONS = Number(process.env.LOAD_INTERACTIONS ?? 2000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 50);

describe('load through the Discord stand-in', () => {
  it(`GIVEN ${INTERACTIONS} interactions of every command, ${CONCURRENCY} in flight THEN every one is acknowledged within 3 s and answered, with no rejected callback and no unexpected error`, async () => {
    const result = await runLoad({ interactions: INTERACTIONS, concurrency: CONCURRENCY });
    process.stdout.write(`${loadTable(result)}\n`);
    await writeLoadResult(result);
    expect(result.failures.slice(0, 5)).toEqual([]);
    expect(result.acknowledged).toBe(INTERACTIONS);
    expect(result.lateAcks).toBe(0);
    expect(result.rejectedCallbacks).toBe(0);
    expect(result.ack.max).toBeLessThan(3000);
    // The deliberately unknown speaker in the mix was answered with its error, every time.
    expect(result.expectedErrors).toBeGreaterThan(0);
    expect(Object.keys(result.byCommand).length).toBeGreaterThanOrEqual(8);
    expect(result.botErrors).toEqual([]);
  }, 180_000);
});
