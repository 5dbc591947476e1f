import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  OverwriteType,
  PermissionFlagsBits,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startDiscordStandin, type DiscordStandin } from './discord-standin.ts';

let standin: DiscordStandin;
let client: Client;

function nextInteraction(): Promise<Interaction> {
  return new Promise((resolve) => {
    client.once(Events.InteractionCreate, resolve);
  });
}

function textChannel(): TextChannel {
  const channel = client.channels.cache.get(standin.channelId);
  if (!channel || channel.type !== ChannelType.GuildText) throw new Error('text channel not cached');
  return channel;
}

async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DiscordAPIError))
    throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  standin = await startDiscordStandin({ heartbeatIntervalMs: 400 });
  client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: standin.apiUrl },
  });
  if (process.env.STANDIN_DEBUG) {
    client.on(Events.Debug, (line) => console.log('[discord.js]', line));
    client.on(Events.Warn, (line) => console.log('[discord.js warn]', line));
    client.on(Events.Error, (error) => console.log('[discord.js error]', error));
  }
  const ready = once(client, Events.ClientReady);
  await client.login(standin.token);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await standin?.close();
});

describe('Discord stand-in with the real discord.js 14 Client', () => {
  it('GIVEN a client logging in THEN it fetches /gateway/bot, identifies once and caches the guild and its text channel', () => {
    expect(standin.findCalls('GET', '/gateway/bot')).toHaveLength(1);
    expect(standin.identifyCount).toBe(1);
    expect(client.user?.id).toBe(standin.bot.id);
    expect(client.application?.id).toBe(standin.applicationId);
    const guild = client.guilds.cache.get(standin.guildId);
    expect(guild?.name).toBe('Counterpoint Test Guild');
    expect(guild?.members.me?.id).toBe(standin.bot.id);
    expect(textChannel().name).toBe('general');
  });

  it('GIVEN a chat-input interaction WHEN the handler defers then edits THEN the stand-in records callback type 5 and PATCH @original with allowed_mentions', async () => {
    const handled = new Promise<{ question: string | null; memberCanManage: boolean | undefined }>(
      (resolve, reject) => {
        client.once(Events.InteractionCreate, async (interaction) => {
          try {
            if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
            await interaction.deferReply();
            await interaction.editReply({ content: 'hi', allowedMentions: { parse: [] } });
            resolve({
              question: interaction.options.getString('question'),
              memberCanManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages),
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    const { id, token } = standin.dispatchInteraction(
      standin.chatInput({ name: 'ask', options: { question: 'who?' } }),
    );
    const result = await handled;

    expect(result).toEqual({ question: 'who?', memberCanManage: false });
    const record = standin.getInteraction(id);
    expect(record?.callbackType).toBe(5);
    expect(record?.ackLatencyMs).toBeGreaterThanOrEqual(0);
    expect(record?.ackLatencyMs).toBeLessThan(3000);
    const callback = standin.findCalls('POST', `/interactions/${id}/${token}/callback`)[0];
    expect(callback?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(callback?.status).toBe(204);
    const edit = await standin.waitForCall(
      (c) =>
        c.method === 'PATCH' && c.path === `/webhooks/${standin.applicationId}/${token}/messages/@original`,
    );
    expect(edit.body).toMatchObject({ content: 'hi', allowed_mentions: { parse: [] } });
    expect(edit.status).toBe(200);
    if (process.env.STANDIN_DEBUG) console.log('raw edit url', edit.rawUrl.replace(token, '<token>'));
    const original = record?.originalMessageId ? standin.messages.get(record.originalMessageId) : undefined;
    expect(original?.content).toBe('hi');
    expect(original?.flags).toBe(0); // loading flag cleared by the edit
  });

  it('GIVEN an acknowledged interaction WHEN the same interaction is acknowledged again THEN discord.js surfaces DiscordAPIError 40060', async () => {
    const first = nextInteraction();
    const { id } = standin.dispatchInteraction(
      standin.chatInput({ name: 'ask', options: { question: 'twice' } }),
    );
    const interaction = await first;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
    await interaction.deferReply();

    const second = nextInteraction();
    standin.redeliverInteraction(id);
    const duplicate = await second;
    if (!duplicate.isChatInputCommand()) throw new Error('expected a chat-input command');
    expect(duplicate.id).toBe(id);
    const error = await apiError(duplicate.deferReply());

    expect(error.code).toBe(40060);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Interaction has already been acknowledged.');
    expect(standin.getInteraction(id)?.callbacks.map((c) => c.status)).toEqual([204, 400]);
  });

  it('GIVEN a 200 ms acknowledgement window WHEN the client acknowledges after 300 ms THEN discord.js surfaces DiscordAPIError 10062', async () => {
    const received = nextInteraction();
    const { id } = standin.dispatchInteraction(standin.chatInput({ name: 'ask' }), { ackWindowMs: 200 });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
    await sleep(300);
    const error = await apiError(interaction.deferReply());

    expect(error.code).toBe(10062);
    expect(error.status).toBe(404);
    expect(standin.getInteraction(id)?.acknowledgedAt).toBeNull();
  });

  it('GIVEN an autocomplete interaction WHEN the client responds THEN the stand-in records callback type 8 with the choices', async () => {
    const received = nextInteraction();
    const { id } = standin.dispatchInteraction(
      standin.autocomplete({ name: 'timeline', options: { topic: 'cli', days: 7 }, focused: 'topic' }),
    );
    const interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected an autocomplete interaction');
    expect(interaction.options.getFocused()).toBe('cli');
    await interaction.respond([{ name: 'climate', value: 'climate' }]);

    const record = standin.getInteraction(id);
    expect(record?.callbackType).toBe(8);
    expect(record?.callbacks[0]?.data).toEqual({ choices: [{ name: 'climate', value: 'climate' }] });
  });

  it('GIVEN a bot message with a button WHEN the button is clicked and the client updates the message THEN callback type 7 edits the stored message', async () => {
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('vote:yes').setLabel('Yes').setStyle(ButtonStyle.Primary),
    );
    const sent = await textChannel().send({ content: 'Vote now', components: [row] });
    expect(standin.messages.get(sent.id)?.components).toHaveLength(1);

    const received = nextInteraction();
    const { id } = standin.dispatchInteraction(standin.button({ customId: 'vote:yes', messageId: sent.id }));
    const interaction = await received;
    if (!interaction.isButton()) throw new Error('expected a button interaction');
    expect(interaction.customId).toBe('vote:yes');
    expect(interaction.message.id).toBe(sent.id);
    await interaction.update({ content: 'Voted', components: [] });

    expect(standin.getInteraction(id)?.callbackType).toBe(7);
    expect(standin.messages.get(sent.id)?.content).toBe('Voted');
    expect(standin.messages.get(sent.id)?.components).toEqual([]);
  });

  it('GIVEN a reply with an attachment THEN the multipart body is parsed into payload_json and file names/sizes', async () => {
    const received = nextInteraction();
    const { id, token } = standin.dispatchInteraction(standin.chatInput({ name: 'export' }));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
    await interaction.reply({
      content: 'your file',
      files: [new AttachmentBuilder(Buffer.from('hello'), { name: 'hello.txt' })],
    });
    await interaction.followUp({
      content: 'and another',
      files: [new AttachmentBuilder(Buffer.from('abc'), { name: 'b.csv' })],
    });

    const callback = standin.findCalls('POST', `/interactions/${id}/${token}/callback`)[0];
    expect(callback?.body).toMatchObject({ type: 4, data: { content: 'your file' } });
    expect(callback?.files).toEqual([
      expect.objectContaining({ field: 'files[0]', name: 'hello.txt', size: 5 }),
    ]);
    const followUp = standin.findCalls('POST', `/webhooks/${standin.applicationId}/${token}`)[0];
    expect(followUp?.files).toEqual([expect.objectContaining({ name: 'b.csv', size: 3 })]);
    const original = standin.messages.get(standin.getInteraction(id)?.originalMessageId ?? '');
    expect(original?.attachments.map((a) => [a.filename, a.size])).toEqual([['hello.txt', 5]]);
  });

  it('GIVEN DM, string-select and modal-submit payloads THEN discord.js builds them AND withResponse returns the callback resource', async () => {
    const dm = nextInteraction();
    const dmIds = standin.dispatchInteraction(standin.chatInput({ name: 'ask', guildId: null }));
    const dmInteraction = await dm;
    if (!dmInteraction.isChatInputCommand()) throw new Error('expected a chat-input command');
    expect(dmInteraction.inGuild()).toBe(false);
    expect(dmInteraction.user.id).toBe(standin.user.id);
    const response = await dmInteraction.reply({ content: 'in your DMs', withResponse: true });
    expect(response.interaction.id).toBe(dmIds.id);
    expect(response.resource?.message?.content).toBe('in your DMs');
    expect(standin.findCalls('POST', `/interactions/${dmIds.id}/${dmIds.token}/callback`)[0]?.query).toEqual({
      with_response: 'true',
    });

    const select = nextInteraction();
    standin.dispatchInteraction(standin.stringSelect({ customId: 'pick', values: ['a', 'b'] }));
    const selectInteraction = await select;
    if (!selectInteraction.isStringSelectMenu()) throw new Error('expected a string select');
    expect(selectInteraction.values).toEqual(['a', 'b']);
    await selectInteraction.deferUpdate();

    const modal = nextInteraction();
    const modalIds = standin.dispatchInteraction(
      standin.modalSubmit({ customId: 'report', fields: { reason: 'off-topic' } }),
    );
    const modalInteraction = await modal;
    if (!modalInteraction.isModalSubmit()) throw new Error('expected a modal submit');
    expect(modalInteraction.fields.getTextInputValue('reason')).toBe('off-topic');
    await modalInteraction.reply({ content: 'thanks', flags: MessageFlags.Ephemeral });
    const original = standin.messages.get(standin.getInteraction(modalIds.id)?.originalMessageId ?? '');
    expect(original?.flags).toBe(MessageFlags.Ephemeral);
  });

  it('GIVEN guild command registration THEN the PUT body is recorded AND an invalid name is rejected with 50035', async () => {
    const app = client.application;
    if (!app) throw new Error('no application');
    const commands = await app.commands.set(
      [
        {
          name: 'ask',
          description: 'Ask the corpus',
          options: [{ type: 3, name: 'question', description: 'Question', required: true }],
        },
      ],
      standin.guildId,
    );
    expect(commands.size).toBe(1);
    const put = standin.findCalls(
      'PUT',
      `/applications/${standin.applicationId}/guilds/${standin.guildId}/commands`,
    )[0];
    expect(put?.body).toEqual([expect.objectContaining({ name: 'ask', description: 'Ask the corpus' })]);

    const error = await apiError(app.commands.set([{ name: 'Bad Name', description: 'x' }], standin.guildId));
    expect(error.code).toBe(50035);
    expect(error.message).toContain('Invalid Form Body');
  });

  it('GIVEN a permission overwrite edit THEN PUT permissions is recorded, CHANNEL_UPDATE refreshes the cache and interactions carry the new permissions', async () => {
    const channel = textChannel();
    await channel.permissionOverwrites.edit(
      standin.user.id,
      { SendMessages: false },
      { type: OverwriteType.Member },
    );
    const put = standin.findCalls('PUT', `/channels/${standin.channelId}/permissions/${standin.user.id}`)[0];
    expect(put?.body).toMatchObject({ type: 1, allow: '0', deny: String(PermissionFlagsBits.SendMessages) });
    await vi.waitFor(() => {
      expect(
        channel.permissionOverwrites.cache.get(standin.user.id)?.deny.has(PermissionFlagsBits.SendMessages),
      ).toBe(true);
    });

    const received = nextInteraction();
    standin.dispatchInteraction(standin.chatInput({ name: 'ask' }));
    const interaction = await received;
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.SendMessages)).toBe(false);

    await channel.permissionOverwrites.delete(standin.user.id);
    expect(
      standin.findCalls('DELETE', `/channels/${standin.channelId}/permissions/${standin.user.id}`),
    ).toHaveLength(1);
  });

  it('GIVEN a connected client THEN heartbeats are answered with op 11', async () => {
    await standin.waitForFrame((f) => f.direction === 'in' && f.op === 1, 3000);
    await standin.waitForFrame((f) => f.direction === 'out' && f.op === 11, 3000);
    await vi.waitFor(() => expect(client.ws.ping).toBeGreaterThanOrEqual(0));
  });

  it('GIVEN an unknown route THEN the stand-in answers 404 with a Discord-shaped error', async () => {
    const res = await fetch(`${standin.apiUrl}/v10/nope/nothing`, {
      headers: { authorization: `Bot ${standin.token}` },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: '404: Not Found', code: 0 });
  });

  it('GIVEN a gateway client asking for zlib-stream THEN frames are deflated with a sync flush', async () => {
    const ws = new WebSocket(`${standin.gatewayUrl}/?v=10&encoding=json&compress=zlib-stream`);
    const chunks: Buffer[] = [];
    const gotTwo = new Promise<void>((resolve) => {
      ws.on('message', (data: Buffer) => {
        chunks.push(data);
        if (chunks.length === 1) ws.send(JSON.stringify({ op: 1, d: null }));
        if (chunks.length === 2) resolve();
      });
    });
    await gotTwo;
    ws.close();
    for (const chunk of chunks) expect([...chunk.subarray(-4)]).toEqual([0, 0, 0xff, 0xff]);
    const text = zlib
      .inflateSync(Buffer.concat(chunks), { finishFlush: zlib.constants.Z_SYNC_FLUSH })
      .toString('utf8');
    expect(text).toContain('"op":10');
    expect(text).toContain('"op":11');
    await once(ws, 'close');
  });

  it('GIVEN op 7 RECONNECT WHEN an interaction is dispatched meanwhile THEN the client resumes (no new IDENTIFY) and still receives it', async () => {
    const resumed = once(client, Events.ShardResume);
    const received = nextInteraction();
    const frameMark = standin.frames.length;
    standin.requestReconnect();
    // discord.js closes with 4200 and waits ~500 ms before reconnecting: dispatch while it is away.
    await vi.waitFor(() => expect(standin.openConnections).toBe(0));
    const { id } = standin.dispatchInteraction(
      standin.chatInput({ name: 'ask', options: { question: 'still there?' } }),
    );
    await standin.waitForResume(1);
    await resumed;
    const interaction = await received;
    expect(interaction.id).toBe(id);
    const resumeFrame = await standin.waitForFrame(
      (f) => f.direction === 'in' && f.op === 6,
      1000,
      frameMark,
    );
    const replayed = standin.frames
      .slice(frameMark)
      .filter((f) => f.direction === 'out' && f.connectionId === resumeFrame.connectionId && f.op === 0)
      .map((f) => f.t);
    expect(replayed).toEqual(['INTERACTION_CREATE', 'RESUMED']);
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
    await interaction.reply({ content: 'yes', allowedMentions: { parse: [] } });

    expect(standin.resumeCount).toBe(1);
    expect(standin.identifyCount).toBe(1);
    expect(standin.getInteraction(id)?.callbackType).toBe(4);

    const later = nextInteraction();
    const next = standin.dispatchInteraction(standin.chatInput({ name: 'ask' }));
    expect((await later).id).toBe(next.id);
  });
});
