/**
 * The debate runtime: the store and repository, one timer per live debate, and the translation of the core's
 * effects into Discord actions (the one status message per debate, short announcements, the 30 s warning,
 * floor control, the moderator log, counterpoints, the transcript at the end).
 *
 * Every change to a debate goes through `change`, which runs one channel's changes one after another (so two
 * clicks never post two status messages), saves the session (awaited: state is persisted before anything is
 * shown, so a SIGTERM loses nothing), performs the effects, then re-arms the channel's timer from the stored
 * deadline. After a restart `resumeAll` lists the live debates and ticks each: a turn resumes with the time it
 * had left, or moves on if its deadline passed while the bot was away.
 */
import {
  AttachmentBuilder,
  ChannelType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  OverwriteType,
  PermissionFlagsBits,
  type APIEmbed,
  type Client,
  type GuildMember,
  type Message,
  type MessageCreateOptions,
  type TextChannel,
} from 'discord.js';
import type { Config } from '../config.js';
import type { Analysis } from '../core/analysis.js';
import {
  buildTranscript,
  mayPost,
  nextWakeAt,
  recordCounterpoint,
  recordMessage,
  setStatusMessage,
  tick,
  type DebateEffect,
  type DebateSession,
  type Side,
  type Transition,
} from '../core/debate/index.js';
import { DebateRepository, type ApplyResult } from '../data/debates.js';
import { openStore, StoreUnavailableError, type Store } from '../data/store.js';
import { citationLabel, type View, type ViewItem } from '../presenters/view.js';
import {
  findCounterpoints,
  findViewpoints,
  viewpointSources,
  type ClaimAnalysis,
} from '../core/viewpoints/index.js';
import type { Citation } from '../core/corpus/types.js';
import type { DebateErrorCode } from '../core/debate/index.js';
import { fitText, viewToPages } from '../presenters/discord.js';
import {
  debateErrorText,
  effectText,
  modLogText,
  SIDE_LABEL,
  transcriptMarkdown,
  transcriptView,
} from '../presenters/debate.js';
import { debateStatusPayload } from './debate-buttons.js';
import type { Logger } from './log.js';

/** The clock and timers the runtime uses: real by default, a manual one in tests. */
export interface Scheduler {
  now(): number;
  /** Call `fn` at time `when` (same clock as `now`); returns a cancel function. */
  at(when: number, fn: () => void): () => void;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  at(when, fn) {
    const timer = setTimeout(fn, Math.max(0, when - Date.now()));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** Human names of the permissions the runtime needs, as Discord's settings show them. */
export const PERMISSION_NAMES: ReadonlyArray<readonly [bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.AttachFiles, 'Attach Files'],
  [PermissionFlagsBits.ManageRoles, 'Manage Permissions (Manage Roles)'],
  [PermissionFlagsBits.ManageMessages, 'Manage Messages'],
  [PermissionFlagsBits.ManageChannels, 'Manage Channels'],
];

export function permissionName(flag: bigint): string {
  return PERMISSION_NAMES.find(([f]) => f === flag)?.[1] ?? String(flag);
}

/** What the bot needs in a debate channel to run one at all. */
export const REQUIRED_BOT_PERMISSIONS: readonly bigint[] = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
];

/** How the floor is kept: channel overwrites (preferred), deleting out-of-turn messages, or not at all. */
export type FloorMode = 'overwrites' | 'delete' | 'none';

export interface DebateServiceOptions {
  readonly store: Store;
  readonly log: Logger;
  readonly analysis: () => Analysis;
  readonly moderatorRoleId?: string | undefined;
  readonly modLogChannelId?: string | undefined;
  readonly scheduler?: Scheduler;
  /** The Message Content intent was granted: debaters' channel messages go into the transcript. */
  readonly messageContent?: boolean;
  /** How long the notice to an out-of-turn author stays (ms). */
  readonly noticeLifetimeMs?: number;
}

const services = new WeakMap<Client, DebateService>();

/** The runtime attached to a client (commands and buttons find it through their interaction's client). */
export function debateServiceOf(client: Client): DebateService | undefined {
  return services.get(client);
}

const RETRY_AFTER_STORE_ERROR_MS = 5000;

export class DebateService {
  readonly repo: DebateRepository;
  readonly scheduler: Scheduler;
  private readonly timers = new Map<string, () => void>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** The last saved session per live channel, for the message listener (no store read per message). */
  private readonly live = new Map<string, DebateSession>();
  private stopped = false;
  /** Settles once the timers of the debates found at start-up are armed. */
  ready: Promise<void> = Promise.resolve();

  constructor(
    readonly client: Client,
    readonly options: DebateServiceOptions,
  ) {
    this.repo = new DebateRepository(options.store);
    this.scheduler = options.scheduler ?? realScheduler;
  }

  get log(): Logger {
    return this.options.log;
  }

  now(): number {
    return this.scheduler.now();
  }

  private key(guildId: string, channelId: string): string {
    return `${guildId}:${channelId}`;
  }

  /** Runs `op` after every earlier operation on the same channel. */
  private serial<T>(key: string, op: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(op, op);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  /**
   * Apply a transition to the channel's debate: saved before anything else happens, then its effects are
   * performed and the channel's timer re-armed. Rejects with StoreUnavailableError when the store is down.
   */
  change(
    guildId: string,
    channelId: string,
    transition: (current: DebateSession | undefined, now: number) => Transition,
  ): Promise<ApplyResult> {
    return this.serial(this.key(guildId, channelId), async () => {
      const now = this.now();
      const result = await this.repo.apply(guildId, channelId, (current) => transition(current, now));
      if (!result.ok) return result;
      let session = result.session;
      this.remember(session);
      session = await this.perform(session, result.effects);
      this.arm(session);
      return { ...result, session };
    });
  }

  /** A transition inside `change` (status message id, counterpoint), saved without re-entering the queue. */
  private async follow(
    session: DebateSession,
    transition: (current: DebateSession) => Transition,
  ): Promise<DebateSession> {
    let result: ApplyResult;
    try {
      result = await this.repo.apply(session.guildId, session.channelId, (current) =>
        current && current.id === session.id ? transition(current) : { ok: false, code: 'WRONG_STATE' },
      );
    } catch (error) {
      // The change itself is saved; a lost follow-up (a status message id, a counterpoint note) is not worth failing it.
      this.log.warn(`debate ${session.id}: a follow-up was not saved (${(error as Error).message})`);
      return session;
    }
    if (!result.ok) return session;
    this.remember(result.session);
    return result.session;
  }

  private remember(session: DebateSession): void {
    const key = this.key(session.guildId, session.channelId);
    if (session.status === 'ended') this.live.delete(key);
    else this.live.set(key, session);
  }

  /** The live session of a channel as last saved by this process. */
  liveSession(guildId: string, channelId: string): DebateSession | undefined {
    return this.live.get(this.key(guildId, channelId));
  }

  // ------------------------------------------------------------------------------------------ timers

  private arm(session: DebateSession): void {
    const key = this.key(session.guildId, session.channelId);
    this.timers.get(key)?.();
    this.timers.delete(key);
    if (this.stopped) return;
    const at = nextWakeAt(session);
    if (at === null) return;
    this.timers.set(
      key,
      this.scheduler.at(at, () => void this.fire(session.guildId, session.channelId)),
    );
  }

  /** The timer went off: tick the stored session (it warns or moves on, or does nothing if not yet due). */
  async fire(guildId: string, channelId: string): Promise<void> {
    const key = this.key(guildId, channelId);
    this.timers.delete(key);
    if (this.stopped) return;
    try {
      const result = await this.change(guildId, channelId, (current, now) =>
        current ? tick(current, now) : { ok: false, code: 'NOT_RUNNING' },
      );
      if (!result.ok) return;
    } catch (error) {
      this.log.error(`debate timer in channel ${channelId} failed; retrying`, error);
      if (!this.stopped) {
        this.timers.set(
          key,
          this.scheduler.at(
            this.now() + RETRY_AFTER_STORE_ERROR_MS,
            () => void this.fire(guildId, channelId),
          ),
        );
      }
    }
  }

  /** Start-up: every live debate of the guilds this client serves resumes from its stored deadline. */
  resumeAll(): Promise<void> {
    this.ready = (async () => {
      let sessions: DebateSession[];
      try {
        sessions = await this.repo.listActive();
      } catch (error) {
        this.log.error('could not list live debates; their timers resume on the next command', error);
        return;
      }
      for (const s of sessions) {
        if (!this.client.guilds.cache.has(s.guildId)) continue;
        this.remember(s);
        await this.fire(s.guildId, s.channelId);
        const current = this.liveSession(s.guildId, s.channelId);
        if (current) {
          this.arm(current);
          await this.serial(this.key(s.guildId, s.channelId), () => this.updateStatus(current));
        }
      }
      if (sessions.length > 0) this.log.info(`debates: resumed ${sessions.length} live debate(s)`);
    })();
    return this.ready;
  }

  /** Resolves once no change is queued or running (tests step a manual clock with it). */
  async settled(): Promise<void> {
    while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
  }

  /** Cancels the timers and waits for changes in flight (each one already saved its state). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    await Promise.allSettled([...this.queues.values()]);
  }

  // ------------------------------------------------------------------------------------------ permissions

  /** A moderator: Manage Channels in the channel, or the configured moderator role. */
  isModerator(
    permissions: { has(flag: bigint): boolean } | null | undefined,
    roleIds: readonly string[],
  ): boolean {
    if (permissions?.has(PermissionFlagsBits.ManageChannels)) return true;
    const role = this.options.moderatorRoleId;
    return role !== undefined && roleIds.includes(role);
  }

  private memberIsModerator(member: GuildMember | null, channel: TextChannel): boolean {
    if (!member) return false;
    return this.isModerator(member.permissionsIn(channel), [...member.roles.cache.keys()]);
  }

  private textChannel(channelId: string): TextChannel | null {
    const channel = this.client.channels.cache.get(channelId);
    if (
      !channel ||
      (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)
    )
      return null;
    return channel as TextChannel;
  }

  floorMode(channel: TextChannel): FloorMode {
    const me = channel.guild.members.me;
    const perms = me ? channel.permissionsFor(me) : null;
    if (perms?.has(PermissionFlagsBits.ManageRoles)) return 'overwrites';
    if (perms?.has(PermissionFlagsBits.ManageMessages)) return 'delete';
    return 'none';
  }

  /**
   * Puts the channel's overwrites where the session wants them: while turns run, the speaker holding the
   * floor may send and the other debaters may not (nobody while paused); otherwise the bot's overwrites go.
   * Only the Send Messages bit is touched; everyone else's rights stay as the server set them.
   */
  private async syncFloor(session: DebateSession, channel: TextChannel): Promise<void> {
    if (this.floorMode(channel) !== 'overwrites') return;
    const turnsRun = session.status === 'running' || session.status === 'paused';
    const debaters = [...new Set([...session.sides.for, ...session.sides.against, ...session.barred])];
    const speaker = session.status === 'running' ? (session.turn?.speakerId ?? null) : null;
    for (const memberId of debaters) {
      const want: boolean | null = turnsRun ? memberId === speaker : null;
      const existing = channel.permissionOverwrites.cache.get(memberId);
      const has = existing?.allow.has(PermissionFlagsBits.SendMessages)
        ? true
        : existing?.deny.has(PermissionFlagsBits.SendMessages)
          ? false
          : null;
      if (has === want) continue;
      if (want === null) {
        const onlyOurs =
          existing && (existing.allow.bitfield | existing.deny.bitfield) === PermissionFlagsBits.SendMessages;
        if (onlyOurs) await channel.permissionOverwrites.delete(memberId, 'debate over');
        else
          await channel.permissionOverwrites.edit(
            memberId,
            { SendMessages: null },
            { type: OverwriteType.Member, reason: 'debate over' },
          );
      } else {
        await channel.permissionOverwrites.edit(
          memberId,
          { SendMessages: want },
          { type: OverwriteType.Member, reason: want ? 'holds the floor' : 'waits for their turn' },
        );
      }
    }
  }

  // ------------------------------------------------------------------------------------------ effects

  private async perform(session: DebateSession, effects: readonly DebateEffect[]): Promise<DebateSession> {
    const channel = this.textChannel(session.channelId);
    if (!channel) {
      this.log.warn(`debate ${session.id}: channel ${session.channelId} is not cached; effects skipped`);
      return session;
    }
    const types = new Set(effects.map((e) => e.type));
    if (
      types.has('grant-floor') ||
      types.has('remove-floor') ||
      types.has('debate-ended') ||
      types.has('turns-complete')
    ) {
      await this.attempt(session, 'floor control', () => this.syncFloor(session, channel));
    }
    // One announcement per change at most: the effects' lines joined (a timeout and the next speaker together).
    const lines = effects
      .filter((e) => e.type !== 'debate-ended')
      .map((e) => effectText(session, e))
      .filter((line): line is string => line !== null);
    if (lines.length > 0) await this.post(channel, fitText(lines.join('\n'), 2000).text);
    let current = session;
    for (const effect of effects) {
      if (effect.type === 'mod-log') await this.modLog(session, effect);
      else if (effect.type === 'offer-counterpoint')
        current = await this.offerCounterpoint(current, effect.againstSide, effect.turn, channel);
      else if (effect.type === 'debate-ended') await this.postTranscript(current, channel);
    }
    if (types.has('update-status')) current = await this.updateStatus(current);
    return current;
  }

  /** One Discord action; a failure is logged (and a missing permission named in the mod log), never thrown. */
  private async attempt(session: DebateSession, what: string, action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      const missing = error instanceof DiscordAPIError && error.code === 50013;
      this.log.error(`debate ${session.id}: ${what} failed${missing ? ' (missing permission)' : ''}`, error);
      if (missing) {
        await this.modLog(session, {
          type: 'mod-log',
          action: 'missing-permission',
          actorId: null,
          detail: `${what}: grant the bot ${what === 'floor control' ? 'Manage Permissions (Manage Roles)' : 'Send Messages'} in <#${session.channelId}>`,
        });
      }
    }
  }

  private async post(channel: TextChannel, content: string): Promise<Message | null> {
    try {
      return await channel.send({ content, allowedMentions: { parse: [] } });
    } catch (error) {
      this.log.error(`could not post in channel ${channel.id}`, error);
      return null;
    }
  }

  private async modLog(
    session: DebateSession,
    effect: Extract<DebateEffect, { type: 'mod-log' }>,
  ): Promise<void> {
    const id = this.options.modLogChannelId;
    if (!id) return;
    const channel = this.textChannel(id);
    if (!channel) return;
    await this.post(channel, fitText(modLogText(session, effect), 2000).text);
  }

  /** Edit the debate's one status message, or post it (and store its id) when there is none yet. */
  async updateStatus(session: DebateSession): Promise<DebateSession> {
    const channel = this.textChannel(session.channelId);
    if (!channel) return session;
    const payload = debateStatusPayload(session, this.now());
    if (session.statusMessageId) {
      try {
        await channel.messages.edit(session.statusMessageId, payload);
        return session;
      } catch (error) {
        if (!(error instanceof DiscordAPIError && error.code === 10008)) {
          this.log.error(`debate ${session.id}: could not edit the status message`, error);
          return session;
        }
        // Someone deleted it: post a new one below.
      }
    }
    try {
      const message = await channel.send(payload as MessageCreateOptions);
      return await this.follow(session, (s) => setStatusMessage(s, message.id));
    } catch (error) {
      this.log.error(`debate ${session.id}: could not post the status message`, error);
      return session;
    }
  }

  private async offerCounterpoint(
    session: DebateSession,
    againstSide: Side,
    turn: number,
    channel: TextChannel,
  ): Promise<DebateSession> {
    const spoken = session.transcript
      .filter((e) => (e.kind === 'argument' || e.kind === 'message') && e.turn === turn - 1 && !e.flagged)
      .map((e) => (e.kind === 'argument' || e.kind === 'message' ? e.text : ''))
      .join(' ');
    let found: ReturnType<typeof counterpointFor> = null;
    try {
      found = counterpointFor(this.options.analysis(), session.motion, againstSide, spoken);
    } catch (error) {
      this.log.error(`debate ${session.id}: counterpoint lookup failed`, error);
    }
    if (!found) return session;
    try {
      await channel.send({ embeds: [found.embed], allowedMentions: { parse: [] } });
    } catch (error) {
      this.log.error(`debate ${session.id}: could not post a counterpoint`, error);
      return session;
    }
    return this.follow(session, (s) =>
      recordCounterpoint(s, againstSide, found.text, found.source, this.now()),
    );
  }

  private async postTranscript(session: DebateSession, channel: TextChannel): Promise<void> {
    try {
      await channel.send({
        content: effectText(session, { type: 'debate-ended' }) ?? '',
        ...transcriptPayload(session),
        allowedMentions: { parse: [] },
      });
    } catch (error) {
      this.log.error(`debate ${session.id}: could not post the transcript`, error);
    }
  }

  // ------------------------------------------------------------------------------------------ messages

  /**
   * A message in a channel with a live debate. Out of turn (and not a moderator): deleted, with a short notice
   * that removes itself. Works without Message Content: author and channel always arrive. With Message
   * Content, a debater's message that may stay goes into the transcript (and through the civility check).
   */
  async onMessage(message: Message): Promise<void> {
    if (!message.inGuild() || message.author.bot || message.system || this.stopped) return;
    const session = this.liveSession(message.guildId, message.channelId);
    if (!session) return;
    const channel = this.textChannel(message.channelId);
    if (!channel) return;
    const moderator = this.memberIsModerator(message.member, channel);
    const decision = mayPost(session, message.author.id, moderator);
    if (!decision.allowed) {
      if (this.floorMode(channel) === 'none') return;
      try {
        await message.delete();
      } catch (error) {
        this.log.error(`debate ${session.id}: could not delete an out-of-turn message`, error);
        return;
      }
      const who = decision.speakerId ? (session.names[decision.speakerId] ?? 'the current speaker') : null;
      const text =
        decision.reason === 'PAUSED'
          ? `<@${message.author.id}>, the debate is paused; your message was removed.`
          : `<@${message.author.id}>, only ${who ?? 'the speaker'} holds the floor now; your message was removed.`;
      const notice = await this.post(channel, text);
      if (notice) {
        const t = setTimeout(
          () => void notice.delete().catch(() => undefined),
          this.options.noticeLifetimeMs ?? 8000,
        );
        t.unref();
      }
      return;
    }
    if (!this.options.messageContent || message.content.trim() === '') return;
    try {
      await this.change(message.guildId, message.channelId, (current, now) =>
        current && current.id === session.id
          ? recordMessage(current, message.author.id, message.content, now)
          : { ok: false, code: 'WRONG_STATE' },
      );
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.log.warn(`debate ${session.id}: a message was not recorded (store unavailable)`);
    }
  }
}

// ------------------------------------------------------------------------------------------ wiring

export interface DebateWiring {
  readonly store: Store;
  readonly log: Logger;
  readonly scheduler?: Scheduler;
  readonly messageContent?: boolean;
  /** Close the store when the bot stops (default true). */
  readonly closeStore?: boolean;
  /** Called with the runtime once it exists (tests keep a handle on it). */
  readonly onService?: (service: DebateService) => void;
}

/**
 * The bot options that switch debates on: the GuildMessages intent (out-of-turn messages), optionally Message
 * Content, the runtime attached to the client, timers resumed when the client is ready, the store closed on stop.
 */
export function debateBotOptions(
  config: Pick<Readonly<Config>, 'moderatorRoleId' | 'modLogChannelId'>,
  wiring: DebateWiring,
): {
  intents: GatewayIntentBits[];
  messageContent: boolean;
  onClient: (client: Client, ctx: () => { analysis: Analysis }) => void;
  onStop: Array<() => Promise<void>>;
} {
  let service: DebateService | null = null;
  return {
    intents: [GatewayIntentBits.GuildMessages],
    messageContent: wiring.messageContent ?? false,
    onClient(client, ctx) {
      const s = new DebateService(client, {
        store: wiring.store,
        log: wiring.log,
        analysis: () => ctx().analysis,
        moderatorRoleId: config.moderatorRoleId,
        modLogChannelId: config.modLogChannelId,
        ...(wiring.scheduler ? { scheduler: wiring.scheduler } : {}),
        messageContent: wiring.messageContent ?? false,
      });
      service = s;
      services.set(client, s);
      client.on(Events.MessageCreate, (message) => {
        s.onMessage(message).catch((error: unknown) =>
          wiring.log.error('debate message handler failed', error),
        );
      });
      client.once(Events.ClientReady, () => void s.resumeAll());
      wiring.onService?.(s);
    },
    onStop: [
      async () => {
        await service?.stop();
        if (wiring.closeStore !== false) await wiring.store.close();
      },
    ],
  };
}

/** Opens the configured store (STORE_URL) and returns the debate bot options for `startBot`. */
export async function openDebates(
  config: Pick<Readonly<Config>, 'moderatorRoleId' | 'modLogChannelId' | 'storeUrl'>,
  log: Logger,
  extra: Omit<DebateWiring, 'store' | 'log'> = {},
): Promise<ReturnType<typeof debateBotOptions>> {
  const store = await openStore(config.storeUrl, {
    onError: (error) => log.warn(`store: ${error instanceof Error ? error.message : String(error)}`),
  });
  return debateBotOptions(config, { ...extra, store, log });
}

// ------------------------------------------------------------------------------------------ words and evidence

/** The words for a failed debate change: the core's codes via the debate presenter, plus the store's conflict. */
export function debateFailureText(result: {
  readonly code: DebateErrorCode | 'VERSION_CONFLICT';
  readonly params?: Readonly<Record<string, string>>;
}): string {
  if (result.code === 'VERSION_CONFLICT') return 'The debate changed at the same moment; try again.';
  return debateErrorText({ code: result.code, ...(result.params ? { params: result.params } : {}) });
}

/** The transcript's summary embed (the full transcript goes with it as a Markdown file). */
export function transcriptPayload(session: DebateSession): {
  embeds: APIEmbed[];
  files: AttachmentBuilder[];
} {
  const transcript = buildTranscript(session);
  const page = viewToPages(transcriptView(transcript))[0];
  const file = new AttachmentBuilder(Buffer.from(transcriptMarkdown(transcript), 'utf8'), {
    name: `debate-${session.id}.md`,
  });
  return { embeds: page ? [page.embed] : [], files: [file] };
}

export interface EvidenceItem {
  readonly text: string;
  readonly cite: Citation;
  /** Who holds it, when known (a speaker, an outlet, "reader comment #n"). */
  readonly holder: string | null;
  readonly comment: boolean;
}

export interface Evidence {
  /** 'viewpoints': passages placed on that side by the stance engine; 'search': passages on the motion only. */
  readonly via: 'viewpoints' | 'search';
  readonly items: readonly EvidenceItem[];
}

function claimsOf(analysis: Analysis): ClaimAnalysis | undefined {
  return (analysis as Partial<Analysis> & { claims?: ClaimAnalysis }).claims;
}

/**
 * Corpus passages supporting one side of the motion: the viewpoints engine's positions for the motion as a
 * topic (those affirming it for "for", denying it for "against"), else the passages the index finds for it.
 */
export function evidenceFor(analysis: Analysis, motion: string, side: Side, limit = 8): Evidence {
  const claims = claimsOf(analysis);
  if (claims) {
    const result = findViewpoints(viewpointSources(analysis, claims), motion);
    const want = side === 'for' ? 1 : -1;
    const items = result.positions
      .filter((p) => p.side === want)
      .flatMap((p) => p.items)
      .slice(0, limit)
      .map((item): EvidenceItem => {
        const passage = analysis.index.passages[item.claim.passage];
        return {
          text: item.claim.text,
          cite: passage
            ? analysis.index.citationOf(passage)
            : {
                documentId: item.claim.documentId,
                paragraph: item.claim.paragraph,
                comment: item.claim.comment,
              },
          holder: item.claim.holder,
          comment: item.claim.comment !== null,
        };
      });
    if (items.length > 0) return { via: 'viewpoints', items };
  }
  const hits = analysis.index.search(motion, { limit });
  return {
    via: 'search',
    items: hits.map((h) => ({
      text: h.passage.text,
      cite: analysis.index.citationOf(h.passage),
      holder: null,
      comment: h.passage.comment !== null,
    })),
  };
}

/** `/debate evidence` as a View: article passages, then reader comments, each cited. */
export function evidenceView(analysis: Analysis, motion: string, side: Side): View {
  const evidence = evidenceFor(analysis, motion, side);
  const item = (e: EvidenceItem): ViewItem => ({
    text: e.text,
    cite: e.cite,
    ...(e.holder ? { heading: e.holder } : {}),
    source: e.comment ? `reader comment · ${citationLabel(e.cite)}` : citationLabel(e.cite),
  });
  const articles = evidence.items.filter((e) => !e.comment).map(item);
  const comments = evidence.items.filter((e) => e.comment).map(item);
  return {
    title: `Evidence ${side === 'for' ? 'for' : 'against'} the motion`,
    intro:
      evidence.via === 'viewpoints'
        ? `Passages in the corpus that ${side === 'for' ? 'support' : 'oppose'} “${fitText(motion, 200).text}”.`
        : `The corpus takes no clear side on “${fitText(motion, 200).text}”; these passages are about it.`,
    sections: [
      ...(articles.length > 0 ? [{ title: 'From the articles', items: articles }] : []),
      ...(comments.length > 0 ? [{ title: 'Reader comments', items: comments }] : []),
    ],
    ...(evidence.items.length === 0 ? { footer: 'Nothing in the corpus matches the motion.' } : {}),
    ephemeral: true,
  };
}

/**
 * One corpus passage answering the side that just spoke: a counterpoint to what was said (when the bot could
 * read it), else the strongest passage for the other side of the motion.
 */
export function counterpointFor(
  analysis: Analysis,
  motion: string,
  againstSide: Side,
  spoken: string,
): { embed: APIEmbed; text: string; source: string } | null {
  let found: EvidenceItem | undefined;
  const claims = claimsOf(analysis);
  if (claims && spoken.trim().length > 0) {
    const result = findCounterpoints(viewpointSources(analysis, claims), spoken);
    const top = result.counterpoints[0];
    if (top) {
      const passage = analysis.index.passages[top.claim.passage];
      found = {
        text: top.claim.text,
        cite: passage
          ? analysis.index.citationOf(passage)
          : { documentId: top.claim.documentId, paragraph: top.claim.paragraph, comment: top.claim.comment },
        holder: top.claim.holder,
        comment: top.claim.comment !== null,
      };
    }
  }
  if (!found) {
    const other: Side = againstSide === 'for' ? 'against' : 'for';
    const evidence = evidenceFor(analysis, motion, other, 1);
    if (evidence.via === 'viewpoints') found = evidence.items[0];
  }
  if (!found) return null;
  const source = `${found.comment ? 'reader comment · ' : ''}${citationLabel(found.cite)}`;
  return {
    text: found.text,
    source,
    embed: {
      title: `A counterpoint to the ${SIDE_LABEL[againstSide]} side, from the corpus`,
      description: fitText(found.text, 1500).text,
      footer: { text: fitText(`${found.holder ? `${found.holder} · ` : ''}${source}`, 2000).text },
    },
  };
}
