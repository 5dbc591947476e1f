import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { beginTurns, endDebate, join, remainingMs, startDebate, tick, yieldTurn, type Actor } from '../../src/core/debate/index.js';
import { DebateRepository } from '../../src/data/debates.js';
import { openStore } from '../../src/data/store.js';

const T0 = 1_700_000_000_000;
const MOD: Actor = { id: 'mod', isModerator: true };
const m = (id: string): Actor => ({ id, isModerator: false });
const dir = mkdtempSync(joinPath(tmpdir(), 'counterpoint-debates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runningDebate(repo: DebateRepository, channelId: string, now: number) {
  const start = await repo.apply('g1', channelId, (cur) => startDebate(cur, { id: `d-${channelId}`, guildId: 'g1', channelId, motion: 'Homework should be banned' }, MOD, now));
  expect(start.ok).toBe(true);
  for (const [id, side] of [['a', 'for'], ['b', 'against']] as const) {
    expect((await repo.apply('g1', channelId, (cur) => (cur ? join(cur, m(id), side, now) : startDebate(cur, { id: 'x', guildId: 'g1', channelId, motion: 'x' }, MOD, now)))).ok).toBe(true);
  }
  const begun = await repo.apply('g1', channelId, (cur) => beginTurns(cur!, MOD, now));
  expect(begun.ok).toBe(true);
}

describe('debate repository', () => {
  it('GIVEN a save computed from a stale copy THEN it is refused with VERSION_CONFLICT', async () => {
    const repo = new DebateRepository(await openStore('memory'));
    await runningDebate(repo, 'c1', T0);
    const stale = (await repo.getByChannel('g1', 'c1'))!;
    const first = yieldTurn(stale, 'a', T0 + 1);
    const second = endDebate(stale, MOD, T0 + 2);
    expect(first.ok && (await repo.save(first.session)).ok).toBe(true);
    expect(second.ok && (await repo.save(second.session))).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
    expect((await repo.getByChannel('g1', 'c1'))?.turn?.speakerId).toBe('b');
  });

  it('GIVEN a live debate in the channel THEN a second start is DEBATE_EXISTS; after the end a new one may start', async () => {
    const repo = new DebateRepository(await openStore('memory'));
    await runningDebate(repo, 'c1', T0);
    const again = await repo.apply('g1', 'c1', (cur) => startDebate(cur, { id: 'd2', guildId: 'g1', channelId: 'c1', motion: 'Other motion' }, MOD, T0));
    expect(again).toMatchObject({ ok: false, code: 'DEBATE_EXISTS' });
    expect((await repo.apply('g1', 'c1', (cur) => endDebate(cur!, MOD, T0 + 5))).ok).toBe(true);
    expect(await repo.listActive('g1')).toEqual([]);
    expect((await repo.getById('d-c1'))?.status).toBe('ended');
    expect(await repo.history('g1')).toEqual(['d-c1']);
    const fresh = await repo.apply('g1', 'c1', (cur) => startDebate(cur, { id: 'd2', guildId: 'g1', channelId: 'c1', motion: 'Other motion' }, MOD, T0 + 6));
    expect(fresh.ok).toBe(true);
  });

  it('GIVEN concurrent votes through apply THEN every vote is kept', async () => {
    const repo = new DebateRepository(await openStore('memory'));
    await repo.apply('g1', 'c1', (cur) => startDebate(cur, { id: 'd', guildId: 'g1', channelId: 'c1', motion: 'A motion here' }, MOD, T0));
    const { openVote, castVote } = await import('../../src/core/debate/index.js');
    await repo.apply('g1', 'c1', (cur) => openVote(cur!, MOD, 'before', T0));
    await Promise.all(Array.from({ length: 20 }, (_, i) => repo.apply('g1', 'c1', (cur) => castVote(cur!, `v${i}`, 'before', i % 2 ? 'for' : 'against', T0))));
    expect(Object.keys((await repo.getByChannel('g1', 'c1'))!.votes.before.ballots)).toHaveLength(20);
  });

  it('GIVEN a restart mid-turn (store reopened from its SQLite file) THEN listActive finds both debates and tick resumes each turn with its time left', async () => {
    const url = `sqlite://${joinPath(dir, 'restart.sqlite')}`;
    let store = await openStore(url);
    let repo = new DebateRepository(store);
    await runningDebate(repo, 'c1', T0);
    await runningDebate(repo, 'c2', T0 + 20_000);
    await store.close();

    store = await openStore(url);
    repo = new DebateRepository(store);
    const now = T0 + 50_000;
    const active = await repo.listActive();
    expect(active.map((s) => s.channelId).sort()).toEqual(['c1', 'c2']);
    for (const s of active) {
      const r = await repo.apply(s.guildId, s.channelId, (cur) => tick(cur!, now));
      expect(r.ok).toBe(true);
    }
    const c1 = (await repo.getByChannel('g1', 'c1'))!;
    const c2 = (await repo.getByChannel('g1', 'c2'))!;
    expect(c1.turn?.speakerId).toBe('a');
    expect(remainingMs(c1, now)).toBe(40_000);
    expect(remainingMs(c2, now)).toBe(60_000);
    await store.close();
  });
});
