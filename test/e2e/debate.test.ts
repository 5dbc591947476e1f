/**
 * A whole moderated debate through the Discord stand-in, with the real discord.js client, the real bot
 * (router, command files, corpus analysis) and a real SQLite store file. Debate time runs on a manual clock
 * (the runtime's injectable scheduler), so turns time out when the test says, not after real minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIEmbed, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildTranscript, type DebateSession } from '../../src/core/debate/index.ts';
import { DebateRepository } from '../../src/data/debates.ts';
import { openStore, type Store } from '../../src/data/store.ts';
import { startBot, type BotHandle } from '../../src/discord/bot.ts';
import { transcriptMarkdown } from '../../src/presenters/debate.ts';
import { debateBotOptions, type DebateService, type Scheduler } from '../../src/discord/debates.ts';
import type { Logger } from '../../src/discord/log.ts';
import { Perm, startDiscordStandin, type DiscordStandin, type RestCall } from '../support/discord-standin.ts';

/** Debate time, stepped by the test; due timers run in order and the runtime is let settle after each. */
class ManualClock implements Scheduler {
  t = Date.UTC(2026, 0, 10, 12, 0, 0);
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  settle: () => Promise<void> = async () => {};
  now(): number {
    return this.t;
  }
  at(when: number, fn: () => void): () => void {
    const id = ++this.seq;
    this.timers.push({ at: when, fn, id });
    return () => {
      this.timers = this.timers.filter((x) => x.id !== id);
    };
  }
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x.id !== due.id);
      this.t = Math.max(this.t, due.at);
      due.fn();
      await this.settle();
    }
    this.t = target;
  }
}

const MOTION = 'The CSTO intervention in Kazakhstan was justified';

let standin: DiscordStandin;
let dir: string;
let storeUrl: string;
const clock = new ManualClock();
const logLines: string[] = [];
const log: Logger = {
  info: (m) => logLines.push(`info ${m}`),
  warn: (m) => logLines.push(`warn ${m}`),
  error: (m, e) => logLines.push(`error ${m} ${e instanceof Error ? e.message : String(e ?? '')}`),
};

interface Running {
  bot: BotHandle;
  service: DebateService;
  store: Store;
}
let running: Running;

async function startDebateBot(messageContent = false): Promise<Running> {
  const guild = standin.guilds.get(standin.guildId);
  const modRole = guild?.roles.find((r) => r.name === 'Moderator')?.id;
  const config = loadConfig(
    {},
    {
      DISCORD_TOKEN: standin.token,
      DISCORD_API_URL: standin.apiUrl,
      CORPUS_DIR: 'seeds',
      STORE_URL: storeUrl,
      ...(modRole ? { MODERATOR_ROLE_ID: modRole } : {}),
      MOD_LOG_CHANNEL_ID: standin.channel('mod-log').id,
    },
  );
  const store = await openStore(config.storeUrl);
  let service: DebateService | undefined;
  const options = debateBotOptions(config, {
    store,
    log,
    scheduler: clock,
    messageContent,
    onService: (s) => {
      service = s;
    },
  });
  const bot = await startBot(config, { ...options, log, handleProcessEvents: false });
  if (!service) throw new Error('debate runtime not attached');
  const s = service;
  clock.settle = () => s.settled();
  await s.ready;
  return { bot, service: s, store };
}

const id = (username: string) => standin.member(username).user.id;
const channelId = (name: string) => standin.channel(name).id;

interface Answer {
  text: string;
  embeds: APIEmbed[];
  files: RestCall['files'];
  ephemeral: boolean;
}

/** The handler's answer to an interaction: the edit of the deferred reply, or its follow-up. */
async function answerOf(interactionId: string, token: string, from: number): Promise<Answer> {
  const call = await standin.waitForCall(
    (c) =>
      c.path.startsWith(`/webhooks/${standin.applicationId}/${token}`) &&
      (c.method === 'PATCH' || c.method === 'POST'),
    5000,
    from,
  );
  const body = (call.body ?? {}) as { content?: string; embeds?: APIEmbed[]; flags?: number };
  await running.service.settled();
  return {
    text: [body.content ?? '', ...(body.embeds ?? []).map((e) => JSON.stringify(e))].join('\n'),
    embeds: body.embeds ?? [],
    files: call.files,
    ephemeral:
      call.method === 'PATCH'
        ? ((deferFlags(interactionId) ?? 0) & 64) === 64
        : ((body.flags ?? 0) & 64) === 64,
  };
}

function deferFlags(interactionId: string): number | undefined {
  const accepted = standin.getInteraction(interactionId)?.callbacks.find((c) => c.status < 300);
  return (accepted?.data as { flags?: number } | null)?.flags;
}

async function debate(
  user: string,
  subcommand: string,
  options: Record<string, string | number | boolean> = {},
  channel = 'debates',
): Promise<Answer> {
  const from = standin.calls.length;
  const sent = standin.dispatchInteraction(
    standin.chatInput({
      name: 'debate',
      subcommand,
      options,
      userId: id(user),
      channelId: channelId(channel),
    }),
  );
  return answerOf(sent.id, sent.token, from);
}

async function click(user: string, customId: string, channel = 'debates'): Promise<Answer> {
  const session = running.service.liveSession(standin.guildId, channelId(channel));
  const from = standin.calls.length;
  const sent = standin.dispatchInteraction(
    standin.button({
      customId,
      messageId: session?.statusMessageId ?? undefined,
      userId: id(user),
      channelId: channelId(channel),
    }),
  );
  return answerOf(sent.id, sent.token, from);
}

async function stored(channel = 'debates'): Promise<DebateSession | undefined> {
  return new DebateRepository(running.store).getByChannel(standin.guildId, channelId(channel));
}

async function current(channel = 'debates'): Promise<DebateSession> {
  const s = await stored(channel);
  if (!s) throw new Error(`no debate in #${channel}`);
  return s;
}

function statusMessage(session: DebateSession): APIMessage {
  const m = session.statusMessageId ? standin.messages.get(session.statusMessageId) : undefined;
  if (!m) throw new Error('no status message');
  return m;
}

function buttonIds(message: APIMessage): string[] {
  return (message.components ?? []).flatMap((row) =>
    'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
  );
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function overwrite(channel: string, memberId: string): { allow: bigint; deny: bigint } | null {
  const o = standin.channel(channel).permission_overwrites.find((x) => x.id === memberId);
  return o ? { allow: BigInt(o.allow), deny: BigInt(o.deny) } : null;
}

function posted(channel: string, from: number): string[] {
  return standin.calls
    .slice(from)
    .filter((c) => c.method === 'POST' && c.path === `/channels/${channelId(channel)}/messages`)
    .map((c) => {
      const body = (c.body ?? {}) as { content?: string; embeds?: APIEmbed[] };
      return [body.content ?? '', ...(body.embeds ?? []).map((e) => JSON.stringify(e))].join('\n');
    });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counterpoint-debate-'));
  storeUrl = `sqlite://${join(dir, 'debates.sqlite')}`;
  standin = await startDiscordStandin({
    heartbeatIntervalMs: 5000,
    guilds: [
      {
        name: 'Debate Guild',
        channels: [
          { name: 'general' },
          { name: 'debates' },
          { name: 'debates-2' },
          { name: 'debates-3' },
          { name: 'mod-log' },
        ],
        roles: [{ name: 'Moderator', permissions: String(Perm.ManageMessages | Perm.KickMembers) }],
        members: [
          { user: { username: 'owner' } },
          { user: { username: 'alice', global_name: 'Alice' } },
          { user: { username: 'mod', global_name: 'Mod' }, roles: ['Moderator'] },
          { user: { username: 'bob' } },
          { user: { username: 'carol' } },
          { user: { username: 'dave' } },
          { user: { username: 'eve' } },
          { user: { username: 'frank' } },
        ],
        owner: 'owner',
      },
    ],
  });
  running = await startDebateBot();
});

afterAll(async () => {
  await running?.bot.stop();
  await standin?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a moderated debate through the Discord stand-in', () => {
  it('GIVEN a member without Manage Channels or the moderator role WHEN they start a debate THEN it is refused and nothing is stored', async () => {
    const answer = await debate('alice', 'start', { motion: MOTION });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('Manage Channels');
    expect(await stored()).toBeUndefined();
  });

  it('GIVEN the moderator role WHEN a debate starts THEN one status message carries join and vote buttons and the mod log records it', async () => {
    const from = standin.calls.length;
    const answer = await debate('mod', 'start', {
      motion: MOTION,
      format: 'custom',
      turn_seconds: 60,
      rounds: 2,
      counterpoints: true,
    });
    expect(answer.text).toContain('started');
    const session = await current();
    expect(session.status).toBe('voting-before');
    expect(session.phases).toHaveLength(2);
    const ids = buttonIds(statusMessage(session));
    expect(ids).toEqual(
      expect.arrayContaining([
        `debate:${session.id}:join:for`,
        `debate:${session.id}:join:against`,
        `debate:${session.id}:join:spectate`,
        `debate:${session.id}:vote:before:for`,
      ]),
    );
    expect(posted('mod-log', from).some((t) => t.includes('start') && t.includes(session.id))).toBe(true);
    // One status message: later changes edit it.
    expect(posted('debates', from).filter((t) => t.includes(`"title":"Debate: ${MOTION}`))).toHaveLength(1);
  });

  it('GIVEN join buttons THEN two members join each side, spectators spectate, and the status message lists them', async () => {
    const s = await current();
    for (const [user, side] of [
      ['alice', 'for'],
      ['bob', 'for'],
      ['carol', 'against'],
      ['dave', 'against'],
      ['eve', 'spectate'],
    ] as const) {
      const answer = await click(user, `debate:${s.id}:join:${side}`);
      expect(answer.ephemeral).toBe(true);
    }
    const again = await click('alice', `debate:${s.id}:join:for`);
    expect(again.text).toContain('already');
    const session = await current();
    expect(session.sides.for).toEqual([id('alice'), id('bob')]);
    expect(session.sides.against).toEqual([id('carol'), id('dave')]);
    expect(session.spectators).toEqual([id('eve')]);
    const embed = statusMessage(session).embeds[0];
    const description = embed?.description ?? '';
    expect(description).toMatch(/For \(2\)[^]*Alice[^]*bob[^]*Against \(2\)[^]*carol[^]*dave/);
    expect(
      standin.findCalls('PATCH', `/channels/${channelId('debates')}/messages/${session.statusMessageId}`)
        .length,
    ).toBeGreaterThan(0);
  });

  it('GIVEN the vote before THEN one ballot per member counts, and a member may change it', async () => {
    const s = await current();
    await click('eve', `debate:${s.id}:vote:before:for`);
    await click('eve', `debate:${s.id}:vote:before:against`);
    await click('frank', `debate:${s.id}:vote:before:undecided`);
    await click('owner', `debate:${s.id}:vote:before:against`);
    const session = await current();
    expect(session.votes.before.ballots).toEqual({
      [id('eve')]: 'against',
      [id('frank')]: 'undecided',
      [id('owner')]: 'against',
    });
  });

  it('GIVEN a non-moderator WHEN they try to begin or skip THEN it is refused and the debate does not move', async () => {
    const answer = await debate('alice', 'next');
    expect(answer.text).toContain('Manage Channels');
    expect((await current()).status).toBe('voting-before');
  });

  it('GIVEN the moderator begins the turns THEN the first For speaker holds the floor and overwrites keep the others quiet', async () => {
    await debate('mod', 'next');
    const session = await current();
    expect(session.status).toBe('running');
    expect(session.votes.before.state).toBe('closed');
    expect(session.turn?.speakerId).toBe(id('alice'));
    const send = Perm.SendMessages;
    expect(overwrite('debates', id('alice'))?.allow ?? 0n).toBe(send);
    for (const other of ['bob', 'carol', 'dave'])
      expect((overwrite('debates', id(other))?.deny ?? 0n) & send).toBe(send);
    expect(
      standin.findCalls('PUT', `/channels/${channelId('debates')}/permissions/${id('bob')}`).length,
    ).toBeGreaterThan(0);
  });

  it('GIVEN a turn running WHEN a spectator and an off-turn debater post THEN both messages are deleted with a notice, and a moderator may post', async () => {
    const from = standin.calls.length;
    const byEve = standin.dispatchMessageCreate({
      content: 'I disagree!',
      channelId: channelId('debates'),
      author: id('eve'),
    });
    const byBob = standin.dispatchMessageCreate({
      content: 'me too',
      channelId: channelId('debates'),
      author: id('bob'),
    });
    await standin.waitForCall(
      (c) => c.method === 'DELETE' && c.path === `/channels/${channelId('debates')}/messages/${byEve.id}`,
      3000,
      from,
    );
    await standin.waitForCall(
      (c) => c.method === 'DELETE' && c.path === `/channels/${channelId('debates')}/messages/${byBob.id}`,
      3000,
      from,
    );
    await standin.waitForCall(
      (c) =>
        c.method === 'POST' &&
        c.path === `/channels/${channelId('debates')}/messages` &&
        JSON.stringify(c.body).includes('holds the floor'),
      3000,
      from,
    );
    const byMod = standin.dispatchMessageCreate({
      content: 'Order, please.',
      channelId: channelId('debates'),
      author: id('mod'),
    });
    const bySpeaker = standin.dispatchMessageCreate({
      content: 'My opening.',
      channelId: channelId('debates'),
      author: id('alice'),
    });
    const mark = standin.calls.length;
    // A later message proves the earlier ones were handled (events are processed in order).
    const probe = standin.dispatchMessageCreate({
      content: 'probe',
      channelId: channelId('debates'),
      author: id('frank'),
    });
    await standin.waitForCall(
      (c) => c.method === 'DELETE' && c.path.endsWith(`/messages/${probe.id}`),
      3000,
      mark,
    );
    expect(
      standin.findCalls('DELETE', `/channels/${channelId('debates')}/messages/${byMod.id}`),
    ).toHaveLength(0);
    expect(
      standin.findCalls('DELETE', `/channels/${channelId('debates')}/messages/${bySpeaker.id}`),
    ).toHaveLength(0);
  });

  it('GIVEN the speaker argues and yields THEN the argument is shown and the floor passes to the first Against speaker', async () => {
    const argued = await debate('alice', 'argue', {
      text: 'The intervention restored order at the request of a sovereign government.',
    });
    expect(argued.ephemeral).toBe(false);
    expect(argued.text).toContain('restored order');
    const notSpeaker = await debate('bob', 'yield');
    expect(notSpeaker.text).toContain('holding the floor');
    const beforeYield = standin.calls.length;
    await debate('alice', 'yield');
    const session = await current();
    expect(session.turn?.speakerId).toBe(id('carol'));
    // Counterpoints are on: one corpus passage answering the For side, posted and kept in the transcript.
    expect(posted('debates', beforeYield).some((t) => t.includes('A counterpoint to the For side'))).toBe(
      true,
    );
    const offered = session.transcript.filter((e) => e.kind === 'counterpoint');
    expect(offered).toHaveLength(1);
    expect(offered[0]?.kind === 'counterpoint' && offered[0].source).toMatch(/¶\d+/);
    expect(session.turn?.side).toBe('against');
    expect(overwrite('debates', id('carol'))?.allow ?? 0n).toBe(Perm.SendMessages);
    expect((overwrite('debates', id('alice'))?.deny ?? 0n) & Perm.SendMessages).toBe(Perm.SendMessages);
  });

  it('GIVEN the speaker argues with an insult THEN the argument is flagged, not shown, and the moderator log records it', async () => {
    const from = standin.calls.length;
    const answer = await debate('carol', 'argue', {
      text: 'Only an idiot would call that a peacekeeping mission.',
    });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('flagged');
    expect((await current()).strikes[id('carol')]).toBe(1);
    expect(posted('mod-log', from).some((t) => t.includes('civility'))).toBe(true);
    expect(posted('debates', from).some((t) => t.includes('keep it civil'))).toBe(true);
  });

  it('GIVEN a second channel WHEN a debate starts and begins there THEN it runs on its own', async () => {
    await debate(
      'mod',
      'start',
      { motion: 'Reader comments change minds', format: 'oxford', turn_seconds: 600 },
      'debates-2',
    );
    const s2 = await current('debates-2');
    // Someone deletes the status message: the next change posts a new one and remembers it.
    const oldStatus = s2.statusMessageId ?? '';
    await running.bot.client.rest.delete(`/channels/${channelId('debates-2')}/messages/${oldStatus}`);
    // Clicks at the same moment: every one counts, and they share one (new) status message.
    await Promise.all([
      click('frank', `debate:${s2.id}:join:for`, 'debates-2'),
      click('eve', `debate:${s2.id}:join:against`, 'debates-2'),
      click('owner', `debate:${s2.id}:vote:before:for`, 'debates-2'),
      click('alice', `debate:${s2.id}:join:spectate`, 'debates-2'),
    ]);
    const joined = await current('debates-2');
    expect(joined.sides).toEqual({ for: [id('frank')], against: [id('eve')] });
    expect(joined.spectators).toEqual([id('alice')]);
    expect(joined.votes.before.ballots).toEqual({ [id('owner')]: 'for' });
    expect(joined.statusMessageId).not.toBe(oldStatus);
    expect(standin.messages.has(joined.statusMessageId ?? '')).toBe(true);
    await debate('mod', 'next', {}, 'debates-2');
    const two = await current('debates-2');
    const one = await current();
    expect(two.id).not.toBe(one.id);
    expect(two.turn?.speakerId).toBe(id('frank'));
    expect(one.turn?.speakerId).toBe(id('carol'));
  });

  it('GIVEN the clock runs THEN the speaker is warned at 30 s left and the floor moves on at zero', async () => {
    const from = standin.calls.length;
    await clock.advance(30_000);
    expect(posted('debates', from).some((t) => t.includes('0:30 left'))).toBe(true);
    expect((await current()).turn?.speakerId).toBe(id('carol'));
    await clock.advance(30_000);
    const session = await current();
    expect(session.turn?.speakerId).toBe(id('bob'));
    expect(session.turn?.index).toBe(2);
    expect(posted('debates', from).some((t) => t.includes('Time is up'))).toBe(true);
    // The other channel's long turn did not move.
    expect((await current('debates-2')).turn?.speakerId).toBe(id('frank'));
  });

  it('GIVEN a restart mid-turn THEN the new bot resumes the same turn with the time it had left', async () => {
    await clock.advance(10_000);
    const before = await current();
    const deadline = before.turn?.deadline ?? 0;
    expect(deadline - clock.now()).toBe(50_000);
    await running.bot.stop();
    await clock.advance(5_000); // the bot is away for 5 s of debate time
    running = await startDebateBot(true);
    const after = await current();
    expect(after.turn?.speakerId).toBe(id('bob'));
    expect(after.turn?.index).toBe(before.turn?.index);
    expect(after.turn?.deadline).toBe(deadline);
    const status = await debate('carol', 'status');
    expect(status.text).toContain('0:45 left');
    // This bot has the Message Content intent: the speaker's channel message goes into the transcript.
    const said = standin.dispatchMessageCreate({
      content: 'Sovereign states may ask allies for help.',
      channelId: channelId('debates'),
      author: id('bob'),
    });
    await waitFor(async () =>
      (await current()).transcript.some((e) => e.kind === 'message' && e.text.includes('ask allies')),
    );
    expect(standin.findCalls('DELETE', `/channels/${channelId('debates')}/messages/${said.id}`)).toHaveLength(
      0,
    );
    await clock.advance(45_000);
    expect((await current()).turn?.speakerId).toBe(id('dave'));
    expect((await current('debates-2')).turn?.speakerId).toBe(id('frank'));
  });

  it('GIVEN the last speaker yields THEN the vote after opens and ballots are cast with buttons', async () => {
    await debate('dave', 'yield');
    const session = await current();
    expect(session.status).toBe('voting-after');
    expect(buttonIds(statusMessage(session))).toContain(`debate:${session.id}:vote:after:for`);
    await click('eve', `debate:${session.id}:vote:after:for`);
    await click('frank', `debate:${session.id}:vote:after:for`);
    await click('owner', `debate:${session.id}:vote:after:against`);
    expect((await current()).votes.after.ballots).toEqual({
      [id('eve')]: 'for',
      [id('frank')]: 'for',
      [id('owner')]: 'against',
    });
  });

  it('GIVEN a non-moderator WHEN they end the debate THEN it is refused', async () => {
    const answer = await debate('bob', 'end');
    expect(answer.text).toContain('Manage Channels');
    expect((await current()).status).toBe('voting-after');
  });

  it('GIVEN the moderator ends the debate THEN the transcript is posted with the swing, the overwrites go, and /debate transcript returns it as Markdown', async () => {
    const from = standin.calls.length;
    await debate('mod', 'end');
    const session = await current();
    expect(session.status).toBe('ended');
    const transcriptPost = standin.calls
      .slice(from)
      .find(
        (c) =>
          c.method === 'POST' &&
          c.path === `/channels/${channelId('debates')}/messages` &&
          c.files.length > 0,
      );
    expect(transcriptPost?.files[0]?.name).toBe(`debate-${session.id}.md`);
    expect(JSON.stringify(transcriptPost?.body)).toContain('changed more minds');
    for (const m of ['alice', 'bob', 'carol', 'dave']) expect(overwrite('debates', id(m))).toBeNull();

    const answer = await debate('alice', 'transcript');
    expect(answer.ephemeral).toBe(false);
    expect(answer.files.map((f) => f.name)).toEqual([`debate-${session.id}.md`]);
    expect(answer.files[0]?.size).toBeGreaterThan(200);
    const md = transcriptMarkdown(buildTranscript(session));
    expect(md).toContain(MOTION);
    expect(md).toContain('restored order');
    expect(md).toContain('ask allies');
    expect(md).not.toContain('idiot');
    expect(md).toMatch(/Swing: For \+\d/);
    const byId = await debate('eve', 'transcript', { id: session.id }, 'general');
    expect(byId.files.map((f) => f.name)).toEqual([`debate-${session.id}.md`]);

    // The other channel's debate still runs.
    expect((await current('debates-2')).status).toBe('running');
  });

  it('GIVEN evidence for a side THEN corpus passages come back cited, from the stance engine when the corpus takes sides', async () => {
    const answer = await debate('frank', 'evidence', { side: 'for' }, 'debates-2');
    expect(answer.ephemeral).toBe(true);
    expect(answer.embeds[0]?.title).toContain('Evidence for');
    expect(answer.embeds[0]?.description ?? '').toMatch(/¶\d+/);
    const sided = await debate('carol', 'evidence', { side: 'against' });
    expect(sided.embeds[0]?.title).toBe('Evidence against the motion');
    expect(sided.embeds[0]?.description ?? '').toContain('oppose');
    expect(sided.embeds[0]?.description ?? '').toMatch(/¶\d+/);
  });

  it('GIVEN the moderator pauses THEN nobody holds the floor and the clock stops; resume gives the time back', async () => {
    const before = await current('debates-2');
    const left = (before.turn?.deadline ?? 0) - clock.now();
    await debate('mod', 'pause', {}, 'debates-2');
    const paused = await current('debates-2');
    expect(paused.status).toBe('paused');
    expect((overwrite('debates-2', id('frank'))?.deny ?? 0n) & Perm.SendMessages).toBe(Perm.SendMessages);
    await clock.advance(120_000);
    expect((await current('debates-2')).status).toBe('paused');
    const notMod = await debate('frank', 'resume', {}, 'debates-2');
    expect(notMod.text).toContain('Manage Channels');
    await debate('mod', 'resume', {}, 'debates-2');
    const resumed = await current('debates-2');
    expect(resumed.status).toBe('running');
    expect((resumed.turn?.deadline ?? 0) - clock.now()).toBe(left);
    expect(overwrite('debates-2', id('frank'))?.allow ?? 0n).toBe(Perm.SendMessages);
  });

  it('GIVEN a channel where the bot may not send or keep the floor THEN start names the exact permissions to grant', async () => {
    const channel = running.bot.client.channels.cache.get(channelId('debates-3'));
    if (!channel || !('permissionOverwrites' in channel)) throw new Error('no #debates-3');
    await channel.permissionOverwrites.edit(standin.bot.id, { ManageRoles: false, ManageMessages: false });
    const warned = await debate('mod', 'start', { motion: 'Quiet channels need no moderators' }, 'debates-3');
    expect(warned.text).toContain('started');
    expect(warned.text).toContain('Manage Permissions (Manage Roles)');
    expect(warned.text).toContain('Manage Messages');
    await debate('mod', 'end', {}, 'debates-3');
    await channel.permissionOverwrites.edit(standin.bot.id, { SendMessages: false });
    const refused = await debate('mod', 'start', { motion: 'Silent bots cannot debate' }, 'debates-3');
    expect(refused.text).toContain('grant me Send Messages');
    expect((await current('debates-3')).status).toBe('ended');
  });

  it('GIVEN the store is down THEN debate commands answer with the storage notice and nothing crashes', async () => {
    await running.store.close();
    const answer = await debate('mod', 'status', {}, 'debates-2');
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('cannot reach its storage');
    const s2 = running.service.liveSession(standin.guildId, channelId('debates-2'));
    const clickAnswer = await click('alice', `debate:${s2?.id ?? ''}:join:for`, 'debates-2').catch(
      (e: unknown) => e,
    );
    expect((clickAnswer as Answer).text).toContain('cannot reach its storage');
  });
});
