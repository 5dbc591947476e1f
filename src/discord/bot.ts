/**
 * The Discord adapter: one discord.js Client, the corpus analysis loaded once, the command files, and the
 * interaction router. Only the Guilds intent (slash commands need no message events); debates can ask for
 * more through `BotOptions.intents`. No mention can ever ping: `allowedMentions: { parse: [] }` is the
 * client default and is repeated on every payload by the presenter.
 */
import { once } from 'node:events';
import {
  Client,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  Options,
  type ClientOptions,
} from 'discord.js';
import type { Config } from '../config.js';
import { loadCommands } from '../commands/_load.js';
import type { CommandContext } from '../commands/_types.js';
import type { Analysis } from '../core/analysis.js';
import { loadAnalysis } from '../data/load-analysis.js';
import { stderrLogger, type Logger } from './log.js';
import { createRouter } from './router.js';

export class BotStartError extends Error {}

export interface BotOptions {
  readonly log?: Logger;
  /** Extra gateway intents (GuildMessages for debate moderation). Guilds is always on. */
  readonly intents?: readonly GatewayIntentBits[];
  /** Ask for the privileged MessageContent intent (only with GuildMessages; enable it in the portal first). */
  readonly messageContent?: boolean;
  /** Called once the client exists, before login: where debates attach their event listeners. */
  readonly onClient?: (client: Client, ctx: () => CommandContext) => void;
  /** Run on shutdown after the client is destroyed (closing the store). Errors are logged. */
  readonly onStop?: ReadonlyArray<() => Promise<void> | void>;
  /** Listen to SIGINT/SIGTERM and unhandledRejection (default true; removed again by stop()). */
  readonly handleProcessEvents?: boolean;
}

export interface BotHandle {
  readonly client: Client<true>;
  readonly analysis: Analysis;
  /** Destroys the client and runs the shutdown hooks; safe to call twice. */
  stop(): Promise<void>;
}

export function clientOptions(config: Readonly<Config>, options: BotOptions = {}): ClientOptions {
  const intents = new Set<GatewayIntentBits>([GatewayIntentBits.Guilds, ...(options.intents ?? [])]);
  if (options.messageContent) intents.add(GatewayIntentBits.MessageContent);
  return {
    intents: [...intents],
    allowedMentions: { parse: [] },
    // Slash commands need guilds and channels; everything else is kept small or not at all.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 50,
      ReactionManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      StageInstanceManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      GuildInviteManager: 0,
      ThreadMemberManager: 0,
      GuildMemberManager: {
        maxSize: 200,
        keepOverLimit: (member) => member.id === member.client.user.id,
      },
      UserManager: {
        maxSize: 500,
        keepOverLimit: (user) => user.id === user.client.user.id,
      },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 30 * 60, lifetime: 30 * 60 },
      users: {
        interval: 60 * 60,
        filter: () => (user) => user.id !== user.client.user.id,
      },
    },
    ...(config.discordApiUrl ? { rest: { api: config.discordApiUrl } } : {}),
  };
}

/** One line for a failed login: what went wrong and what to do. */
export function loginFailure(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (
    code === DiscordjsErrorCodes.TokenInvalid ||
    code === 4004 ||
    (error as { status?: number })?.status === 401
  )
    return 'Discord rejected DISCORD_TOKEN (invalid token); copy the bot token again from the developer portal. Not retrying.';
  if (code === DiscordjsErrorCodes.TokenMissing) return 'DISCORD_TOKEN is empty.';
  if (code === 4014 || code === DiscordjsErrorCodes.DisallowedIntents)
    return 'Discord refused a privileged intent; enable it in the developer portal or turn it off. Not retrying.';
  return `could not log in to Discord: ${(error as Error)?.message ?? String(error)}`;
}

export async function startBot(config: Readonly<Config>, options: BotOptions = {}): Promise<BotHandle> {
  const log = options.log ?? stderrLogger();
  if (!config.discordToken) throw new BotStartError('DISCORD_TOKEN is not set');

  const [loaded, commands] = await Promise.all([loadAnalysis(config.corpusDir), loadCommands()]);
  for (const p of loaded.problems) log.warn(`skipped ${p.file}: ${p.message}`);
  if (loaded.analysis.corpus.documents.length === 0)
    throw new BotStartError(`no documents could be loaded from ${config.corpusDir}`);
  const analysis = loaded.analysis;
  log.info(
    `corpus: ${analysis.corpus.documents.length} documents; commands: ${[...commands.keys()].map((k) => `/${k}`).join(' ')}`,
  );

  const client = new Client(clientOptions(config, options));
  const router = createRouter({ commands, analysis: () => analysis, log });
  client.on(Events.InteractionCreate, (interaction) => {
    router(interaction).catch((e: unknown) => log.error('interaction handler failed', e));
  });
  client.on(Events.Error, (e) => log.error('client error', e));
  client.on(Events.Warn, (m) => log.warn(m));
  client.on(Events.ShardError, (e, shard) => log.error(`shard ${shard} error`, e));
  client.on(Events.ShardDisconnect, (ev, shard) => log.warn(`shard ${shard} disconnected (${ev.code})`));
  client.on(Events.ShardReconnecting, (shard) => log.info(`shard ${shard} reconnecting`));
  client.on(Events.ShardResume, (shard, replayed) =>
    log.info(`shard ${shard} resumed (${replayed} events replayed)`),
  );
  options.onClient?.(client, () => ({ analysis, now: new Date() }));

  let stopping: Promise<void> | null = null;
  const processHandlers: Array<[string, (...args: unknown[]) => void]> = [];
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      for (const [event, handler] of processHandlers) process.off(event, handler);
      await client.destroy().catch((e: unknown) => log.error('client.destroy failed', e));
      for (const hook of options.onStop ?? []) {
        try {
          await hook();
        } catch (e) {
          log.error('shutdown hook failed', e);
        }
      }
      log.info('stopped');
    })();
    return stopping;
  };

  if (options.handleProcessEvents !== false) {
    const onSignal = (signal: unknown) => {
      log.info(`${String(signal)}: shutting down`);
      void stop().then(() => process.exit(0));
    };
    const onRejection = (reason: unknown) => log.error('unhandled promise rejection', reason);
    processHandlers.push(['SIGINT', onSignal], ['SIGTERM', onSignal], ['unhandledRejection', onRejection]);
    for (const [event, handler] of processHandlers) process.on(event, handler);
  }

  const ready = once(client, Events.ClientReady);
  ready.catch(() => undefined);
  try {
    await client.login(config.discordToken);
    if (!client.isReady()) await ready;
  } catch (error) {
    await stop();
    throw new BotStartError(loginFailure(error));
  }
  log.info(`logged in as ${client.user?.tag ?? 'unknown'}`);
  return { client: client as Client<true>, analysis, stop };
}
