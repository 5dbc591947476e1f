/**
 * The bot as in production (`startBot(config)`, DISCORD_API_URL pointing at a Discord stand-in on loopback),
 * driven through the real discord.js Client: every command file, autocomplete, buttons, bad input, limits,
 * a reconnect and a bad token.
 */
import { mkdtemp, readdir, copyFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationCommandOptionType, type APIApplicationCommandOption, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { loadCommands } from '../../src/commands/_load.ts';
import type { CommandModule } from '../../src/commands/_types.ts';
import { startBot, type BotHandle } from '../../src/discord/bot.ts';
import type { Logger } from '../../src/discord/log.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { LIMITS, embedSize, sourceButtonId } from '../../src/presenters/discord.ts';
import {
  startDiscordStandin,
  type DiscordStandin,
  type InteractionRecord,
  type RestCall,
} from '../support/discord-standin.ts';

const SEEDS = resolve('seeds');
const EPHEMERAL = 1 << 6;
const CITATION = /¶\d+|reader comment #\d+/;

/** Option values that make sense for commands we know of; others fall back to `fallbackOptions`. */
const OPTION_TABLE: Record<string, Record<string, string | number | boolean>> = {
  quote: { speaker: 'Blinken' },
  counterpoint: { claim: 'The foreign troops should stay in Kazakhstan' },
  quotes: { speaker: 'Blinken' },
  search: { query: 'CSTO troops' },
  summary: {},
  timeline: {},
  viewpoints: {},
  sources: {},
};

interface Payload {
  content?: string;
  embeds?: APIEmbed[];
  components?: { components: { custom_id?: string; label?: string; disabled?: boolean }[] }[];
  flags?: number;
  allowed_mentions?: unknown;
}

function collectingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m, e) => lines.push(`error ${m} ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  };
}

function configFor(standin: DiscordStandin, corpusDir = SEEDS) {
  return loadConfig(
    {
      DISCORD_TOKEN: standin.token,
      DISCORD_API_URL: standin.apiUrl,
      CORPUS_DIR: corpusDir,
      STORE_URL: 'memory',
    },
    {},
  );
}

/** The REST calls that belong to one interaction (its callback and its webhook). */
function callsFor(standin: DiscordStandin, record: InteractionRecord): RestCall[] {
  return standin.calls.filter(
    (c) =>
      c.path.startsWith(`/interactions/${record.id}/`) ||
      c.path.startsWith(`/webhooks/${standin.applicationId}/${record.token}`),
  );
}

/** Message payloads the bot sent for an interaction (replies, updates, edits, follow-ups). */
function messagePayloads(standin: DiscordStandin, record: InteractionRecord): Payload[] {
  const out: Payload[] = [];
  for (const call of callsFor(standin, record)) {
    const body = call.body as { type?: number; data?: Payload } & Payload;
    if (call.path.endsWith('/callback')) {
      if ((body.type === 4 || body.type === 7) && body.data) out.push(body.data);
    } else if (call.method === 'PATCH' || call.method === 'POST') {
      out.push(body);
    }
  }
  return out;
}

function embedText(p: Payload): string {
  return (p.embeds ?? [])
    .map((e) => [
      e.title,
      e.description,
      e.footer?.text,
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ])
    .flat()
    .filter(Boolean)
    .join('\n');
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1').replace(/\u200d/g, '');
}

/** Dispatches a slash command and waits until its answer (reply or deferred edit) has arrived. */
async function ask(
  standin: DiscordStandin,
  name: string,
  options: Record<string, string | number | boolean> = {},
  subcommand?: string,
): Promise<{ record: InteractionRecord; payloads: Payload[]; answer: Payload; ephemeral: boolean }> {
  const { id } = standin.dispatchInteraction(
    standin.chatInput({ name, options, ...(subcommand ? { subcommand } : {}) }),
  );
  const record = await standin.waitForAck(id, 4000);
  if (record.callbackType === 5) {
    await standin.waitForCall(
      (c) => c.path.startsWith(`/webhooks/${standin.applicationId}/${record.token}`) && c.status < 300,
      4000,
    );
  }
  const payloads = messagePayloads(standin, record);
  const answer = payloads[payloads.length - 1];
  if (!answer) throw new Error(`no answer to /${name}`);
  // An edit of a deferred reply is ephemeral when the deferral was.
  const deferFlags = (
    record.callbacks.find((c) => c.type === 5 && c.status < 300)?.data as Payload | undefined
  )?.flags;
  const isEdit = record.callbackType === 5 && payloads.length === 1;
  const ephemeral = ((isEdit ? deferFlags : answer.flags) ?? 0) & EPHEMERAL ? true : false;
  return { record, payloads, answer, ephemeral };
}

function everyPayloadMutesMentions(payloads: readonly Payload[]): void {
  expect(payloads.length).toBeGreaterThan(0);
  for (const p of payloads) expect(p.allowed_mentions).toEqual({ parse: [] });
}

function assertWithinLimits(p: Payload): void {
  expect((p.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  const embeds = p.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  let total = 0;
  for (const e of embeds) {
    expect([...(e.title ?? '')].length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect([...(e.description ?? '')].length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
    expect([...(e.footer?.text ?? '')].length).toBeLessThanOrEqual(LIMITS.footer);
    total += embedSize(e);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.totalPerMessage);
  for (const row of p.components ?? [])
    for (const c of row.components) expect((c.custom_id ?? '').length).toBeLessThanOrEqual(LIMITS.customId);
}

function definitions(command: CommandModule): { subcommand?: string; defs: APIApplicationCommandOption[] } {
  const options = command.data.toJSON().options ?? [];
  const sub = options.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (sub && 'options' in sub) return { subcommand: sub.name, defs: sub.options ?? [] };
  return { defs: options };
}

/** Values for a command's options: the table's where it names them, then a sensible value per required option. */
function optionsFor(
  command: CommandModule,
  bot: BotHandle,
  standin: DiscordStandin,
): Record<string, string | number | boolean> {
  const { defs } = definitions(command);
  const table = OPTION_TABLE[command.data.name] ?? {};
  const out: Record<string, string | number | boolean> = {};
  for (const def of defs) {
    const fromTable = table[def.name];
    if (fromTable !== undefined) {
      out[def.name] = fromTable;
      continue;
    }
    if (!('required' in def && def.required)) continue;
    switch (def.type) {
      case ApplicationCommandOptionType.String: {
        const choice = 'choices' in def ? def.choices?.[0]?.value : undefined;
        const suggested =
          'autocomplete' in def && def.autocomplete
            ? command.autocomplete?.(def.name, '', { analysis: bot.analysis, now: new Date() })[0]?.value
            : undefined;
        out[def.name] = String(choice ?? suggested ?? 'Kazakhstan');
        break;
      }
      case ApplicationCommandOptionType.Integer:
      case ApplicationCommandOptionType.Number:
        out[def.name] = ('min_value' in def ? def.min_value : undefined) ?? 1;
        break;
      case ApplicationCommandOptionType.Boolean:
        out[def.name] = true;
        break;
      case ApplicationCommandOptionType.User:
        out[def.name] = standin.user.id;
        break;
      case ApplicationCommandOptionType.Channel:
        out[def.name] = standin.channelId;
        break;
      default:
        break;
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------

const commands = await loadCommands();
const answering = [...commands.values()].filter((c) => c.run);

describe('the bot on the seeds, through the real discord.js Client and a local Discord', () => {
  let standin: DiscordStandin;
  let bot: BotHandle;
  const log = collectingLog();

  beforeAll(async () => {
    standin = await startDiscordStandin({ heartbeatIntervalMs: 500 });
    bot = await startBot(configFor(standin), { log });
  });

  afterAll(async () => {
    await bot?.stop();
    await standin?.close();
  });

  it('GIVEN the bot logged in THEN it identified once with only the Guilds intent', () => {
    expect(standin.identifyCount).toBe(1);
    const identify = standin.frames.find((f) => f.direction === 'in' && f.op === 2);
    expect((identify?.d as { intents: number }).intents).toBe(1);
  });

  it.each(answering.map((c) => [c.data.name, c] as const))(
    'GIVEN /%s with sensible options THEN it is acknowledged within 3 s and answered from the corpus, mentions muted',
    async (name, command) => {
      const { subcommand } = definitions(command);
      const { record, payloads, answer } = await ask(
        standin,
        name,
        optionsFor(command, bot, standin),
        subcommand,
      );
      expect(record.ackLatencyMs).not.toBeNull();
      expect(record.ackLatencyMs).toBeLessThan(3000);
      everyPayloadMutesMentions(payloads);
      payloads.forEach(assertWithinLimits);
      expect((answer.flags ?? 0) & EPHEMERAL).toBe(0);
      const text = unescape(embedText(answer));
      expect(text.trim().length).toBeGreaterThan(0);
      if (name === 'sources') {
        for (const doc of bot.analysis.corpus.documents) expect(text).toContain(doc.meta.title);
      } else {
        expect(text).toMatch(CITATION);
      }
    },
  );

  it('GIVEN a member typing in any command option THEN autocomplete is answered (type 8) within the limits', async () => {
    for (const command of commands.values()) {
      const { defs, subcommand } = definitions(command);
      const option =
        defs.find((d) => 'autocomplete' in d && d.autocomplete) ??
        defs.find((d) => d.type === ApplicationCommandOptionType.String);
      const focused = option?.name ?? 'anything';
      const { id } = standin.dispatchInteraction(
        standin.autocomplete({
          name: command.data.name,
          focused,
          options: { [focused]: 'Bl' },
          ...(subcommand ? { subcommand } : {}),
        }),
      );
      const record = await standin.waitForAck(id);
      expect(record.callbackType).toBe(8);
      const choices = (record.callbacks.at(-1)?.data as { choices: { name: string; value: string }[] })
        .choices;
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
      if (option && 'autocomplete' in option && option.autocomplete)
        expect(choices.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN a "Show source" click THEN the cited paragraph opens ephemerally with its sentence in bold, under the title', async () => {
    const doc = bot.analysis.corpus.documents.find((d) => d.body.some((p) => p.sentences.length > 1));
    const paragraph = doc?.body.find((p) => p.sentences.length > 1);
    if (!doc || !paragraph) throw new Error('the seeds have no paragraph of two sentences');
    const customId = sourceButtonId(
      1,
      { documentId: doc.meta.id, paragraph: paragraph.index, comment: null },
      1,
    );
    if (!customId) throw new Error('custom id too long');
    const { id } = standin.dispatchInteraction(standin.button({ customId }));
    const record = await standin.waitForAck(id);
    expect(record.callbackType).toBe(4);
    const [payload] = messagePayloads(standin, record);
    expect(payload?.flags).toBe(EPHEMERAL);
    expect(payload?.allowed_mentions).toEqual({ parse: [] });
    const embed = payload?.embeds?.[0];
    expect(unescape(embed?.title ?? '')).toBe(doc.meta.title);
    const second = paragraph.sentences[1]?.text ?? '';
    expect(embed?.description).toContain('**');
    expect(unescape(embed?.description?.split('**')[1] ?? '')).toBe(second);
  });

  it('GIVEN the Source buttons of real answers THEN each opens its cited paragraph ephemerally', async () => {
    let clicked = 0;
    for (const command of answering) {
      const { subcommand } = definitions(command);
      const { answer } = await ask(standin, command.data.name, optionsFor(command, bot, standin), subcommand);
      const source = (answer.components ?? [])
        .flatMap((r) => r.components)
        .find((b) => b.label?.startsWith('Source'));
      if (!source?.custom_id) continue;
      const { id } = standin.dispatchInteraction(standin.button({ customId: source.custom_id }));
      const record = await standin.waitForAck(id);
      const [payload] = messagePayloads(standin, record);
      expect(payload?.flags).toBe(EPHEMERAL);
      expect(payload?.embeds?.[0]?.description?.length).toBeGreaterThan(0);
      clicked += 1;
    }
    expect(clicked).toBeGreaterThan(0);
  });

  it('GIVEN an expired page button THEN the answer says so ephemerally', async () => {
    const { id } = standin.dispatchInteraction(standin.button({ customId: 'cp:pg:123456789:1' }));
    const record = await standin.waitForAck(id);
    const [payload] = messagePayloads(standin, record);
    expect(payload?.flags).toBe(EPHEMERAL);
    expect(payload?.content).toMatch(/expired.*run the command again/i);
  });

  it('GIVEN an unknown command or an unknown source value THEN the answer is an ephemeral error', async () => {
    const unknown = await ask(standin, 'no-such-command');
    expect(unknown.answer.flags).toBe(EPHEMERAL);
    expect(unknown.answer.content).toMatch(/no command/i);
    const withSource = [...commands.values()].find((c) =>
      definitions(c).defs.some((d) => d.name === 'source' && d.type === ApplicationCommandOptionType.String),
    );
    if (withSource) {
      const { subcommand } = definitions(withSource);
      const r = await ask(
        standin,
        withSource.data.name,
        { ...optionsFor(withSource, bot, standin), source: 'no-such-source-here' },
        subcommand,
      );
      expect(r.answer.flags).toBe(EPHEMERAL);
      expect(r.answer.content ?? '').toMatch(/source|match|nothing/i);
    }
  });

  const BAD_VALUES: Array<[string, string]> = [
    ['empty', ''],
    ['6000 characters', 'x'.repeat(6000)],
    ['control characters', '\u0000\u0007\u001b[31m\u202e'],
    [
      'markdown and mentions',
      '**@everyone** <@123456789012345678> <@&123456789012345678> <#123456789012345678> `x` @here',
    ],
    ['an unknown speaker', 'Zzyzx Qwertyuiop'],
  ];

  it.each(BAD_VALUES)(
    'GIVEN %s in every text option (or an unknown option) THEN every command answers, errors ephemerally, nothing can ping',
    async (_label, value) => {
      for (const command of commands.values()) {
        const { defs, subcommand } = definitions(command);
        const text = defs.find((d) => d.type === ApplicationCommandOptionType.String);
        const options = text
          ? { ...optionsFor(command, bot, standin), [text.name]: value }
          : { bogus: value };
        const { record, payloads, answer, ephemeral } = await ask(
          standin,
          command.data.name,
          options,
          subcommand,
        );
        expect(record.ackLatencyMs).toBeLessThan(3000);
        everyPayloadMutesMentions(payloads);
        payloads.forEach(assertWithinLimits);
        const shown = `${answer.content ?? ''}\n${embedText(answer)}`;
        expect(shown).not.toMatch(/@everyone|@here|<@\d|<@&\d|<#\d/);
        if (!answer.embeds?.length) {
          expect(ephemeral).toBe(true);
          expect((answer.content ?? '').length).toBeGreaterThan(10);
          expect(answer.content).not.toMatch(/log id/);
        }
      }
    },
  );

  it('GIVEN the gateway asks for a reconnect THEN the bot resumes its session and still answers', async () => {
    const resumes = standin.resumeCount;
    standin.requestReconnect();
    await standin.waitForResume(resumes + 1, 5000);
    expect(standin.identifyCount).toBe(1);
    const { record, answer } = await ask(standin, 'sources');
    expect(record.ackLatencyMs).toBeLessThan(3000);
    expect(embedText(answer).length).toBeGreaterThan(0);
  });

  it('GIVEN the same interaction delivered twice THEN it is acknowledged once and nothing fails', async () => {
    const { id } = standin.dispatchInteraction(standin.chatInput({ name: 'sources' }));
    standin.redeliverInteraction(id);
    const record = await standin.waitForAck(id);
    await sleep(200);
    expect(record.callbacks.filter((c) => c.status < 300)).toHaveLength(1);
    expect(record.callbacks.filter((c) => c.code === 40060)).toHaveLength(0);
    expect(log.lines.some((l) => l.startsWith('error'))).toBe(false);
  });

  it('GIVEN npm run deploy with a guild id THEN every command is registered in that guild', async () => {
    const result = await deployCommands({
      ...configFor(standin),
      discordClientId: standin.applicationId,
      discordGuildId: standin.guildId,
    });
    expect(result.scope).toBe('guild');
    expect([...result.names].sort()).toEqual([...commands.keys()].sort());
    expect(
      standin.guildCommands
        .get(standin.guildId)
        ?.map((c) => c.name)
        .sort(),
    ).toEqual([...commands.keys()].sort());
  });
});

describe('the bot on a long corpus: pages within the limits', () => {
  let standin: DiscordStandin;
  let bot: BotHandle;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpoint-long-'));
    for (const f of await readdir(SEEDS))
      if (f.endsWith('.txt')) await copyFile(join(SEEDS, f), join(dir, f));
    for (let i = 0; i < 28; i++) {
      const title =
        `Report ${i + 1} on the CSTO troops in Almaty: ${'a long headline about the unrest and the peacekeepers '.repeat(3)}`.trim();
      const paragraphs = Array.from(
        { length: 6 },
        (_, p) =>
          `Paragraph ${p + 1}: the CSTO troops arrived in Almaty on January ${6 + (p % 5)}, 2022, officials said. ` +
          `"Order will be restored," a spokesman said, while protesters wrote @everyone and <@123456789012345678> **loudly**. ` +
          'Witnesses described long queues, closed banks and a city without internet for days. '.repeat(4),
      );
      await writeFile(
        join(dir, `long_${String(i).padStart(2, '0')}.txt`),
        `${title}\n\n${paragraphs.join('\n\n')}\n`,
      );
    }
    standin = await startDiscordStandin({ heartbeatIntervalMs: 500 });
    bot = await startBot(configFor(standin, dir), { log: collectingLog() });
  });

  afterAll(async () => {
    await bot?.stop();
    await standin?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN every command on a long corpus THEN each answer and each of its pages stays within every limit', async () => {
    for (const command of answering) {
      const { subcommand } = definitions(command);
      const { payloads, answer } = await ask(
        standin,
        command.data.name,
        optionsFor(command, bot, standin),
        subcommand,
      );
      everyPayloadMutesMentions(payloads);
      payloads.forEach(assertWithinLimits);
      const shown = `${answer.content ?? ''}\n${embedText(answer)}`;
      expect(shown).not.toMatch(/@everyone|<@\d/);
    }
  });

  it('GIVEN an answer longer than a page THEN Next and Previous update the message (type 7) page by page', async () => {
    const { record, answer } = await ask(standin, 'sources');
    const nav = answer.components?.[0]?.components ?? [];
    const next = nav.find((b) => b.label === 'Next');
    expect(next?.custom_id).toBeDefined();
    expect(answer.embeds?.[0]?.footer?.text).toMatch(/Page 1\/\d+/);
    const messageId = record.originalMessageId ?? undefined;

    const click = async (customId: string) => {
      const { id } = standin.dispatchInteraction(
        standin.button({ customId, ...(messageId ? { messageId } : {}) }),
      );
      const r = await standin.waitForAck(id);
      expect(r.callbackType).toBe(7);
      const [p] = messagePayloads(standin, r);
      if (!p) throw new Error('no update');
      expect(p.allowed_mentions).toEqual({ parse: [] });
      assertWithinLimits(p);
      return p;
    };
    const page2 = await click(next?.custom_id ?? '');
    expect(page2.embeds?.[0]?.footer?.text).toMatch(/Page 2\/\d+/);
    const previous = page2.components?.[0]?.components.find((b) => b.label === 'Previous');
    expect(previous?.disabled).toBe(false);
    const page1 = await click(previous?.custom_id ?? '');
    expect(page1.embeds?.[0]?.description).toBe(answer.embeds?.[0]?.description);
    expect(page1.components?.[0]?.components.find((b) => b.label === 'Previous')?.disabled).toBe(true);
  });

  it('GIVEN "Show source" on a paragraph full of mention and markdown syntax THEN nothing can ping and the markup is escaped', async () => {
    const doc = bot.analysis.corpus.documents.find((d) => d.meta.id.startsWith('long_'));
    const paragraph = doc?.body.find((p) => p.text.includes('@everyone'));
    if (!doc || !paragraph) throw new Error('generated corpus not loaded');
    const customId = sourceButtonId(
      1,
      { documentId: doc.meta.id, paragraph: paragraph.index, comment: null },
      0,
    );
    const { id } = standin.dispatchInteraction(standin.button({ customId: customId ?? '' }));
    const record = await standin.waitForAck(id);
    const [payload] = messagePayloads(standin, record);
    expect(payload?.flags).toBe(EPHEMERAL);
    assertWithinLimits(payload ?? {});
    const shown = embedText(payload ?? {});
    expect(shown).not.toMatch(/@everyone|<@\d/);
    expect(shown).toContain('@\u200deveryone');
    expect(shown).toContain('\\*\\*loudly\\*\\*');
  });
});

describe('a bad token', () => {
  it('GIVEN a token Discord rejects THEN startBot fails with one clear line and does not retry', async () => {
    const standin = await startDiscordStandin({ token: 'the.right.token' });
    try {
      const config = loadConfig(
        {
          DISCORD_TOKEN: 'a.wrong.token',
          DISCORD_API_URL: standin.apiUrl,
          CORPUS_DIR: SEEDS,
          STORE_URL: 'memory',
        },
        {},
      );
      const error = await startBot(config, { log: collectingLog(), handleProcessEvents: false }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/invalid token/i);
      expect(error?.message).not.toContain('\n');
      const attempts = standin.calls.length + standin.identifyCount;
      await sleep(1000);
      expect(standin.calls.length + standin.identifyCount).toBe(attempts);
      expect(standin.openConnections).toBe(0);
    } finally {
      await standin.close();
    }
  });
});
