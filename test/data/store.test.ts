import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEEP, openStore, StoreUnavailableError, type Store } from '../../src/data/store.js';
import { freePort, hasRedis, startRedis, type RedisServer } from './redis-helper.js';

// Anything escaping as an uncaught error or unhandled rejection fails these tests.
const escaped: unknown[] = [];
const onEscape = (e: unknown) => escaped.push(e);
beforeAll(() => {
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
});
afterAll(() => {
  process.off('unhandledRejection', onEscape);
  process.off('uncaughtException', onEscape);
});
afterEach(() => expect(escaped).toEqual([]));

const FAST = { retries: 2, backoffMs: 10, timeoutMs: 400 } as const;

/** The same contract, run against each backend. */
/**
 * `separateHandles`: two opens are two connections, like two processes. `locks`: writers to one key take a lock
 * every process honours (Redis), so another process's write waits for an update instead of racing it.
 */
function contract(name: string, open: () => Promise<Store>, separateHandles = true, locks = false) {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('GIVEN a value set THEN get returns it, per namespace, and delete removes it', async () => {
      await store.set('ns1', 'k', { a: 1, list: ['x'] });
      await store.set('ns2', 'k', 'other');
      expect(await store.get('ns1', 'k')).toEqual({ a: 1, list: ['x'] });
      expect(await store.get('ns2', 'k')).toBe('other');
      expect(await store.delete('ns1', 'k')).toBe(true);
      expect(await store.get('ns1', 'k')).toBeUndefined();
    });

    it('GIVEN 25 concurrent updates in one process THEN none is lost', async () => {
      await Promise.all(Array.from({ length: 25 }, () => store.update<number>('count', 'c', (n) => (n ?? 0) + 1)));
      expect(await store.get('count', 'c')).toBe(25);
    });

    it.skipIf(!separateHandles || locks)('GIVEN another writer changes the value while an update computes THEN the update runs again on the fresh value', async () => {
      await store.set('cas', 'k', 1);
      let calls = 0;
      const other = await open();
      const out = await store.update<number>('cas', 'k', async (n) => {
        calls += 1;
        if (calls === 1) await other.set('cas', 'k', 100); // bypasses this store's queue, like another process
        return (n ?? 0) + 1;
      });
      await other.close();
      expect(calls).toBe(2);
      expect(out).toEqual({ ok: true, changed: true, value: 101 });
      expect(await store.get('cas', 'k')).toBe(101);
    });

    it.skipIf(!locks)('GIVEN another process writes while an update computes THEN that write waits for the update and lands after it', async () => {
      await store.set('cas', 'k', 1);
      let calls = 0;
      const other = await open();
      let pending: Promise<void> | undefined;
      const out = await store.update<number>('cas', 'k', async (n) => {
        calls += 1;
        pending ??= other.set('cas', 'k', 100);
        await sleep(50);
        return (n ?? 0) + 1;
      });
      await pending;
      await other.close();
      expect(calls).toBe(1);
      expect(out).toEqual({ ok: true, changed: true, value: 2 });
      expect(await store.get('cas', 'k')).toBe(100);
    });

    it('GIVEN KEEP THEN nothing is written', async () => {
      await store.set('keep', 'k', 'v');
      expect(await store.update('keep', 'k', () => KEEP)).toEqual({ ok: true, changed: false, value: 'v' });
    });

    it('GIVEN debates indexed in two guilds THEN listDebates lists per guild and across guilds', async () => {
      await store.indexAdd('debate-index', '_guilds', 'gA');
      await store.indexAdd('debate-index', '_guilds', 'gB');
      await store.indexAdd('debate-index', 'gA', 'c1');
      await store.indexAdd('debate-index', 'gA', 'c1');
      await store.indexAdd('debate-index', 'gB', 'c2');
      expect(await store.listDebates('gA')).toEqual([{ guildId: 'gA', channelId: 'c1' }]);
      expect(await store.listDebates()).toEqual(
        expect.arrayContaining([
          { guildId: 'gA', channelId: 'c1' },
          { guildId: 'gB', channelId: 'c2' },
        ]),
      );
      await store.indexRemove('debate-index', 'gA', 'c1');
      expect(await store.listDebates('gA')).toEqual([]);
    });

    it('GIVEN a reachable backend THEN health is ok', async () => {
      const h = await store.health();
      expect(h.ok).toBe(true);
      expect(h.kind).toBe(name.startsWith('redis') ? 'redis' : name);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'counterpoint-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Memory: each open is a fresh, separate map, so there is no second handle on the same data.
contract('memory', () => openStore('memory'), false);
contract('sqlite', () => openStore(`sqlite://${join(dir, 'contract', 'db.sqlite')}`, FAST));

describe('sqlite store', () => {
  it('GIVEN values written and the store closed THEN a reopened store reads them, and the folder was created', async () => {
    const file = join(dir, 'nested', 'deeper', 'c.sqlite');
    const a = await openStore(`sqlite://${file}`);
    await a.set('debate', 'g:c', { version: 3, motion: 'm' });
    await a.close();
    expect(existsSync(file)).toBe(true);
    const b = await openStore(`sqlite://${file}`);
    expect(await b.get('debate', 'g:c')).toEqual({ version: 3, motion: 'm' });
    await b.close();
  });

  it('GIVEN a closed store THEN operations reject with StoreUnavailableError', async () => {
    const s = await openStore(`sqlite://${join(dir, 'closed.sqlite')}`);
    await s.close();
    await expect(s.get('a', 'b')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

const redisAvailable = hasRedis();
describe.skipIf(!redisAvailable)('redis store', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server.stop();
  });

  contract('redis', () => openStore(server.url, FAST), true, true);

  it('GIVEN two processes sharing redis THEN one sees what the other wrote', async () => {
    const a = await openStore(server.url, FAST);
    const b = await openStore(server.url, FAST);
    await a.set('shared', 'k', { from: 'a' });
    expect(await b.get('shared', 'k')).toEqual({ from: 'a' });
    await Promise.all([a.close(), b.close()]);
  });

  it('GIVEN two processes updating one key at once THEN no update is lost (the read-modify-write holds a lock key in redis)', async () => {
    const a = await openStore(server.url, FAST);
    const b = await openStore(server.url, FAST);
    const bump = (s: Store) => s.update<number>('race', 'votes', (n) => (n ?? 0) + 1);
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => bump(i % 2 ? a : b)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await a.get<number>('race', 'votes')).toBe(60);
    await Promise.all([a.close(), b.close()]);
  });

  it('GIVEN redis is killed mid-test THEN operations reject with StoreUnavailableError, health says so, and it recovers when redis is back', async () => {
    const port = await freePort();
    let own = await startRedis(port);
    const errors: unknown[] = [];
    const s = await openStore(own.url, { ...FAST, onError: (e) => errors.push(e) });
    await s.set('x', 'k', 1);
    await own.stop();
    const err = await s.get('x', 'k').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).code).toBe('STORE_UNAVAILABLE');
    await expect(s.update('x', 'k', (n: number | undefined) => (n ?? 0) + 1)).rejects.toBeInstanceOf(StoreUnavailableError);
    const h = await s.health();
    expect(h.ok).toBe(false);
    expect(h.errorsSeen).toBeGreaterThan(0);
    expect(errors.length).toBeGreaterThan(0);

    own = await startRedis(port);
    // The client reconnects by itself; give it a few tries (no persistence: the old value is gone).
    let back = false;
    for (let i = 0; i < 40 && !back; i++) {
      back = (await s.health()).ok;
      if (!back) await new Promise((r) => setTimeout(r, 100));
    }
    expect(back).toBe(true);
    await s.set('x', 'k', 2);
    expect(await s.get('x', 'k')).toBe(2);
    await s.close();
    await own.stop();
  });
});

describe('store outage: nothing listening', () => {
  it('GIVEN a redis URL on a closed port THEN operations reject with StoreUnavailableError after bounded retries', async () => {
    const port = await freePort();
    const s = await openStore(`redis://127.0.0.1:${port}`, FAST);
    await expect(s.get('a', 'b')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(s.set('a', 'b', 1)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await s.health()).ok).toBe(false);
    await s.close();
  });
});
