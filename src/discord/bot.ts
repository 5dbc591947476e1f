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
import { reloadCorpus, watchCorpus, type CorpusWatcher } from '../data/corpus-watcher.js';
import { loadAnalysis, type LoadedAnalysis } from '../data/load-analysis.js';
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
  /** The analysis in use now (a corpus reload swaps it). */
  readonly analysis: Analysis;
  /** Destroys the client and runs the shutdown hooks; safe to call twice. */
  stop(): Promise<void>;
}

/** What one corpus reload did, for `/corpus reload` to report. */
export type CorpusReloadResult =
  | {
      readonly ok: true;
      readonly documents: number;
      /** Files parsed again (added or changed); the rest came from the analysis cache. */
      readonly parsed: number;
      readonly problems: readonly { readonly file: string; readonly message: string }[];
      readonly ms: number;
    }
  | { readonly ok: false; readonly message: string };

export interface CorpusReloader {
  reload(): Promise<CorpusReloadResult>;
}

const reloaders = new WeakMap<Client, CorpusReloader>();

/** The corpus reload attached to a client (`/corpus reload` finds it through its interaction's client). */
export function corpusReloaderOf(client: Client): CorpusReloader | undefined {
  return reloaders.get(client);
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
  // Swapped whole by a reload: an interaction reads it once when it arrives, so commands in flight keep theirs.
  let current: LoadedAnalysis = loaded;
  const analysis = () => current.analysis;
  log.info(
    `corpus: ${analysis().corpus.documents.length} documents (${loaded.cacheStats?.parsed ?? 0} parsed, snapshot ${loaded.cacheStats?.snapshot ?? 'computed'}); commands: ${[...commands.keys()].map((k) => `/${k}`).join(' ')}`,
  );

  const client = new Client(clientOptions(config, options));
  const router = createRouter({ commands, analysis, log });
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
  options.onClient?.(client, () => ({ analysis: analysis(), now: new Date() }));

  /** Puts a reloaded corpus in use, unless it lost every document (then the previous one stays). */
  const adopt = (next: LoadedAnalysis, ms: number, why: string): boolean => {
    for (const p of next.problems) log.warn(`corpus reload: skipped ${p.file}: ${p.message}`);
    const documents = next.analysis.corpus.documents.length;
    if (documents === 0) {
      log.error(`corpus reload (${why}): no documents could be loaded; the previous corpus stays in use`);
      return false;
    }
    current = next;
    log.info(
      `corpus reloaded (${why}): ${documents} documents, ${next.cacheStats?.parsed ?? documents} parsed again, snapshot ${next.cacheStats?.snapshot ?? 'computed'}, ${next.problems.length} problem(s), ${Math.round(ms)} ms`,
    );
    return true;
  };
  const cache = loaded.cache;
  if (cache) {
    let queue: Promise<unknown> = Promise.resolve();
    reloaders.set(client, {
      // Reloads from the command run one at a time; the watcher keeps its own queue.
      reload() {
        const run = queue.then(async (): Promise<CorpusReloadResult> => {
          const outcome = await reloadCorpus(config.corpusDir, cache);
          if (!outcome.ok) {
            log.error(`corpus reload failed: ${outcome.message}`);
            return outcome;
          }
          const next = outcome.loaded;
          if (!adopt(next, outcome.ms, 'command'))
            return { ok: false, message: 'no documents could be loaded; the previous corpus stays in use' };
          return {
            ok: true,
            documents: next.analysis.corpus.documents.length,
            parsed: next.cacheStats?.parsed ?? next.analysis.corpus.documents.length,
            problems: next.problems,
            ms: outcome.ms,
          };
        });
        queue = run.catch(() => undefined);
        return run;
      },
    });
  }
  let watcher: CorpusWatcher | undefined;
  if (config.watchCorpus && cache) {
    watcher = watchCorpus(
      config.corpusDir,
      cache,
      {
        onReload: (next, ms) => void adopt(next, ms, 'folder changed'),
        onError: (message) => log.error(`corpus watcher: ${message}; the previous corpus stays in use`),
      },
      loaded,
    );
  }

  let stopping: Promise<void> | null = null;
  const processHandlers: Array<[string, (...args: unknown[]) => void]> = [];
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      for (const [event, handler] of processHandlers) process.off(event, handler);
      watcher?.close();
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
  return {
    client: client as Client<true>,
    get analysis() {
      return analysis();
    },
    stop,
  };
}
