/**
 * Faults, each through the Discord stand-in and the real client, each test naming what was kept:
 *   - the store unreachable at start, and Redis killed mid-run and brought back;
 *   - a corpus file gone during a reload;
 *   - a gateway disconnect and resume;
 *   - SIGTERM during a debate (the bot in a child process, `node --import tsx src/main.ts`, on a SQLite file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DebateRepository } from '../../src/data/debates.ts';
import { openStore } from '../../src/data/store.ts';
import { startBot, type BotHandle } from '../../src/discord/bot.ts';
import { openDebates } from '../../src/discord/debates.ts';
import { errorText, userError } from '../../src/presenters/errors.ts';
import { freePort, hasRedis, startRedis, type RedisServer } from '../data/redis-helper.ts';
import { startDiscordStandin, type DiscordStandin, type GuildFixture } from '../support/discord-standin.ts';
import { collectingLog, configFor, Driver, waitFor } from './_driver.ts';

const STORE_DOWN = errorText(userError('STORE_UNAVAILABLE'));
const MOTION = 'Regional alliances should send troops to restore order';

const GUILD: GuildFixture = {
  name: 'Faults Guild',
  channels: [{ name: 'general' }, { name: 'debates' }],
  roles: [{ name: 'Moderator', permissions: String(1n << 5n) }],
  members: [
    { user: { username: 'owner' } },
    { user: { username: 'alice', global_name: 'Alice' } },
    { user: { username: 'mod', global_name: 'Mod' }, roles: ['Moderator'] },
    { user: { username: 'bob', global_name: 'Bob' } },
  ],
  owner: 'owner',
};

function moderatorRole(standin: DiscordStandin): string {
  const role = standin.guilds.get(standin.guildId)?.roles.find((r) => r.name === 'Moderator');
  if (!role) throw new Error('no Moderator role');
  return role.id;
}

interface Harness {
  standin: DiscordStandin;
  driver: Driver;
  log: ReturnType<typeof collectingLog>;
  bot?: BotHandle;
}

async function harness(): Promise<Harness> {
  const standin = await startDiscordStandin({ heartbeatIntervalMs: 5000, guilds: [GUILD] });
  return { standin, driver: new Driver(standin), log: collectingLog() };
}

async function startWithDebates(h: Harness, storeUrl: string): Promise<BotHandle> {
  const config = configFor(h.standin, { STORE_URL: storeUrl, MODERATOR_ROLE_ID: moderatorRole(h.standin) });
  // Exactly what src/main.ts does.
  const debates = await openDebates(config, h.log);
  h.bot = await startBot(config, { ...debates, log: h.log, handleProcessEvents: false });
  return h.bot;
}

async function closeHarness(h: Harness | undefined): Promise<void> {
  if (!h) return;
  h.driver.close();
  await h.bot?.stop();
  await h.standin.close();
}

const as = (h: Harness, username: string) => h.standin.member(username).user.id;
const debatesChannel = (h: Harness) => h.standin.channel('debates').id;

function debate(h: Harness, user: string, subcommand: string, options: Record<string, string | number> = {}) {
  return h.driver.command({
    name: 'debate',
    subcommand,
    options,
    userId: as(h, user),
    channelId: debatesChannel(h),
  });
}

describe('the store unreachable at start', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    const closed = await freePort(); // nothing listens there
    await startWithDebates(h, `redis://127.0.0.1:${closed}`);
  });
  afterAll(() => closeHarness(h));

  it('GIVEN STORE_URL pointing at a closed port THEN the bot starts and corpus commands keep answering (kept: the corpus)', async () => {
    const sources = await h.driver.command({ name: 'sources' });
    expect(sources.ackMs).toBeLessThan(3000);
    expect(sources.ephemeral).toBe(false);
    expect(sources.text.length).toBeGreaterThan(0);
    const search = await h.driver.command({ name: 'search', options: { query: 'troops' } });
    expect(search.text).toMatch(/¶\d+/);
  });

  it('GIVEN the store down THEN debate commands answer that the store is down, within the window (kept: the bot)', async () => {
    const start = await debate(h, 'mod', 'start', { motion: MOTION });
    expect(start.ackMs).toBeLessThan(3000);
    expect(start.text).toBe(STORE_DOWN);
    const status = await debate(h, 'alice', 'status');
    expect(status.text).toBe(STORE_DOWN);
    expect(h.log.lines.some((l) => l.startsWith('error interaction handler failed'))).toBe(false);
  });
});

describe.skipIf(!hasRedis())('Redis killed mid-run and brought back', () => {
  let h: Harness;
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
    h = await harness();
    await startWithDebates(h, redis.url);
  });
  afterAll(async () => {
    await closeHarness(h);
    await redis?.stop();
  });

  it('GIVEN Redis up THEN a debate starts and is stored', async () => {
    const start = await debate(h, 'mod', 'start', { motion: MOTION });
    expect(start.text).toContain('started');
    const status = await debate(h, 'alice', 'status');
    expect(status.text).toContain(MOTION);
  });

  it('GIVEN Redis killed THEN corpus commands keep answering and debate commands say the store is down (kept: the corpus, the bot)', async () => {
    await redis.stop();
    const sources = await h.driver.command({ name: 'sources' });
    expect(sources.ephemeral).toBe(false);
    expect(sources.text.length).toBeGreaterThan(0);
    const summary = await h.driver.command({ name: 'summary' });
    expect(summary.text).toMatch(/¶\d+/);
    const status = await debate(h, 'alice', 'status');
    expect(status.ackMs).toBeLessThan(3000);
    expect(status.text).toBe(STORE_DOWN);
    const next = await debate(h, 'mod', 'next');
    expect(next.text).toBe(STORE_DOWN);
  });

  it('GIVEN Redis back on the same port THEN the client reconnects and debate writes work again (kept: the runtime; Redis here keeps no data)', async () => {
    redis = await startRedis(redis.port);
    let answer = '';
    // The Redis client reconnects with backoff (at most 1 s apart); each command retries its writes.
    await waitFor(
      async () => {
        answer = (await debate(h, 'mod', 'start', { motion: MOTION })).text;
        return answer !== STORE_DOWN;
      },
      15_000,
      'debate commands to work again',
    );
    expect(answer).toContain('started');
    const status = await debate(h, 'alice', 'status');
    expect(status.text).toContain(MOTION);
  }, 30_000);
});

describe('a corpus file gone during a reload', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpoint-faults-'));
    await cp(resolve('seeds'), dir, { recursive: true });
    h = await harness();
    h.bot = await startBot(configFor(h.standin, { CORPUS_DIR: dir }), {
      log: h.log,
      handleProcessEvents: false,
    });
  });
  afterAll(async () => {
    await closeHarness(h);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN a file listed in the folder but gone when read THEN the reload reports it and keeps the rest of the corpus', async () => {
    const bot = h.bot as BotHandle;
    const before = bot.analysis.corpus.documents.map((d) => d.meta.id);
    const victim = bot.analysis.corpus.documents[1];
    if (!victim) throw new Error('seeds too small');
    // The file's name stays in the listing but its content is gone: what a reload meets when the file is
    // deleted between listing the folder and reading it (a dangling link gives that moment deterministically).
    await unlink(join(dir, victim.meta.file));
    await symlink(join(dir, 'no-such-target.txt'), join(dir, victim.meta.file));

    const reload = await h.driver.command({ name: 'corpus', subcommand: 'reload', userId: as(h, 'mod') });
    expect(reload.text).toContain(`${before.length - 1} documents`);
    expect(reload.text).toContain(victim.meta.file);
    expect(reload.text).toMatch(/cannot be read \(ENOENT\)/);
    expect(bot.analysis.corpus.documents.map((d) => d.meta.id)).toEqual(
      before.filter((id) => id !== victim.meta.id),
    );
    const sources = await h.driver.command({ name: 'sources' });
    expect(sources.ephemeral).toBe(false);
    for (const doc of bot.analysis.corpus.documents) expect(sources.text).toContain(doc.meta.title);
  });
});

describe('a gateway disconnect', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    h.bot = await startBot(configFor(h.standin), { log: h.log, handleProcessEvents: false });
  });
  afterAll(() => closeHarness(h));

  it('GIVEN the connection dropped (close 4000) THEN the bot resumes its session, without a new IDENTIFY, and answers (kept: the session)', async () => {
    const resumes = h.standin.resumeCount;
    expect(h.standin.identifyCount).toBe(1);
    h.standin.dropConnections(4000);
    await h.standin.waitForResume(resumes + 1, 10_000);
    expect(h.standin.identifyCount).toBe(1);
    const sources = await h.driver.command({ name: 'sources' });
    expect(sources.ackMs).toBeLessThan(3000);
    expect(sources.text.length).toBeGreaterThan(0);
  });

  it('GIVEN an interaction sent while the connection is down THEN it is replayed on resume and answered within the window (kept: the missed events)', async () => {
    const resumes = h.standin.resumeCount;
    h.standin.dropConnections(4000);
    const pending = h.driver.command({ name: 'search', options: { query: 'troops' } });
    await h.standin.waitForResume(resumes + 1, 10_000);
    const answered = await pending;
    expect(answered.record.deliveries).toBe(1);
    expect(answered.ackMs).toBeLessThan(3000);
    expect(answered.text).toMatch(/¶\d+/);
    expect(h.standin.identifyCount).toBe(1);
  });
});

// ------------------------------------------------------------------------------------------ SIGTERM

interface Child {
  proc: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

function startChild(standin: DiscordStandin, storeUrl: string): Child {
  const output: string[] = [];
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: resolve('.'),
    env: {
      ...process.env,
      DISCORD_TOKEN: standin.token,
      DISCORD_API_URL: standin.apiUrl,
      CORPUS_DIR: 'seeds',
      STORE_URL: storeUrl,
      WATCH_CORPUS: 'false',
      MODERATOR_ROLE_ID: moderatorRole(standin),
      MESSAGE_CONTENT: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  proc.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | null>((done) => proc.once('exit', (code) => done(code)));
  return { proc, output, exited };
}

function leftSeconds(embeds: readonly APIEmbed[]): number | null {
  const text = JSON.stringify(embeds);
  const m = /(\d+):(\d\d) left/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

describe('SIGTERM during a debate', () => {
  let h: Harness;
  let dir: string;
  let storeUrl: string;
  const children: Child[] = [];

  beforeAll(async () => {
    h = await harness();
    dir = await mkdtemp(join(tmpdir(), 'counterpoint-sigterm-'));
    storeUrl = `sqlite://${join(dir, 'debates.sqlite')}`;
  });
  afterEach(() => {
    for (const c of children)
      if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  });
  afterAll(async () => {
    await closeHarness(h);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN a turn running WHEN the bot gets SIGTERM THEN it exits 0 with the debate saved, and a new process resumes the same turn, edits the status message and keeps the time left (kept: the debate)', async () => {
    const first = startChild(h.standin, storeUrl);
    children.push(first);
    await h.standin.waitForIdentify(1, 30_000);
    await waitFor(() => first.output.join('').includes('logged in'), 30_000, 'the bot to log in');

    const start = await debate(h, 'mod', 'start', {
      motion: MOTION,
      format: 'custom',
      turn_seconds: 300,
      rounds: 1,
    });
    expect(start.text).toContain('started');
    const repo = async () => {
      const store = await openStore(storeUrl);
      try {
        return await new DebateRepository(store).getByChannel(h.standin.guildId, debatesChannel(h));
      } finally {
        await store.close();
      }
    };
    const started = await repo();
    if (!started) throw new Error('debate not stored');
    for (const [user, side] of [
      ['alice', 'for'],
      ['bob', 'against'],
    ] as const) {
      const joined = await h.driver.button({
        customId: `debate:${started.id}:join:${side}`,
        messageId: started.statusMessageId ?? undefined,
        userId: as(h, user),
        channelId: debatesChannel(h),
      });
      expect(joined.ackMs).toBeLessThan(3000);
    }
    const next = await debate(h, 'mod', 'next');
    expect(next.text).toMatch(/floor is now/);
    const running = await repo();
    expect(running?.status).toBe('running');
    const turn = running?.turn;
    if (!turn) throw new Error('no turn');

    first.proc.kill('SIGTERM');
    const code = await first.exited;
    expect(code, first.output.join('')).toBe(0);
    expect(first.output.join('')).toMatch(/SIGTERM: shutting down[\s\S]*stopped/);
    const saved = await repo();
    expect(saved?.turn).toEqual(turn);
    expect(saved?.statusMessageId).toBe(running?.statusMessageId);

    const from = h.standin.calls.length;
    const identifies = h.standin.identifyCount;
    const second = startChild(h.standin, storeUrl);
    children.push(second);
    await h.standin.waitForIdentify(identifies + 1, 30_000);
    const edit = await h.standin.waitForCall(
      (c) =>
        c.method === 'PATCH' &&
        c.path === `/channels/${debatesChannel(h)}/messages/${running?.statusMessageId}`,
      30_000,
      from,
    );
    const resumed = await repo();
    expect(resumed?.id).toBe(running?.id);
    expect(resumed?.turn?.index).toBe(turn.index);
    expect(resumed?.turn?.speakerId).toBe(turn.speakerId);
    expect(resumed?.turn?.deadline).toBe(turn.deadline);
    // The edited status message shows the time the turn had left (the clock kept running while away).
    const shown = leftSeconds((edit.body as { embeds?: APIEmbed[] }).embeds ?? []);
    const expected = (turn.deadline - edit.at) / 1000;
    expect(shown).not.toBeNull();
    expect(Math.abs((shown ?? 0) - expected)).toBeLessThanOrEqual(5);
    expect(shown).toBeGreaterThan(200);

    const status = await debate(h, 'alice', 'status');
    expect(status.text).toContain('has the floor');
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
