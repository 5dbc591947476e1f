/**
 * A Discord stand-in for end-to-end tests: the real discord.js 14 Client runs against it on 127.0.0.1.
 *
 * One HTTP server (ephemeral port) serves
 *   - the REST API v10 under `/api/v10/...` (discord.js: `rest: { api: standin.apiUrl }`, which composes
 *     `${api}/v${version}${route}` — see @discordjs/rest `resolveRequest`), and
 *   - the gateway (WebSocket upgrade on any path, `?v=10&encoding=json[&compress=zlib-stream]`).
 *
 * Behaviour copied from real Discord where tests depend on it:
 *   - interaction callbacks: second acknowledgement → 400 / 40060, acknowledgement after the
 *     window (3 s, `ackWindowMs`) → 404 / 10062, `with_response=true` → 200 + callback object, else 204;
 *   - interaction webhooks (`/webhooks/{app}/{token}`) live 15 min (`tokenLifetimeMs`);
 *   - message payload limits (content 2000, 10 embeds and the embed limits, 5 action rows of 5,
 *     custom_id 100) → 400 / 50035 "Invalid Form Body"; empty message → 400 / 50006;
 *   - command registration validation (names, descriptions, option order, 25 options/choices);
 *   - gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat ACK, RECONNECT/RESUME with replay of
 *     missed dispatches, INVALID_SESSION for unknown sessions, intent filtering of MESSAGE_* events
 *     (content blanked without the MessageContent intent), CHANNEL_UPDATE after permission edits,
 *     GUILD_MEMBERS_CHUNK for op 8.
 *
 * Compression: discord.js 14 only asks for `compress=zlib-stream` when the optional `zlib-sync` package
 * is installed (WebSocketManager: `compression: zlib ? 'zlib-stream' : null`; there is no Client option
 * for it). The stand-in supports zlib-stream anyway (node:zlib deflate, Z_SYNC_FLUSH per frame).
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import zlib from 'node:zlib';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIAttachment,
  APIChatInputApplicationCommandInteraction,
  APIApplicationCommandAutocompleteInteraction,
  APIGuildMember,
  APIInteraction,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageComponentInteraction,
  APIModalSubmitInteraction,
  APIOverwrite,
  APIRole,
  APIUser,
} from 'discord-api-types/v10';
import { WebSocketServer, WebSocket, type RawData } from 'ws';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type JsonObject = Record<string, unknown>;

export interface RecordedFile {
  /** form field name, e.g. `files[0]` */
  field: string;
  name: string;
  size: number;
  contentType: string;
}

export interface RestCall {
  method: string;
  /** path after `/api/v10`, percent-decoded per segment, e.g. `/webhooks/1/tok/messages/@original` */
  path: string;
  /** the raw request path including `/api/v10` and query */
  rawUrl: string;
  query: Record<string, string>;
  /** parsed JSON body, or the parsed `payload_json` of a multipart body; null when there is none */
  body: unknown;
  files: RecordedFile[];
  headers: Record<string, string | undefined>;
  /** Date.now() when the request arrived */
  at: number;
  /** filled in once the response is sent */
  status: number;
  response: unknown;
}

export interface GatewayFrame {
  direction: 'in' | 'out';
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
  at: number;
  connectionId: number;
}

export interface InteractionCallbackAttempt {
  type: number | null;
  data: unknown;
  status: number;
  /** Discord error code for a rejected attempt */
  code: number | null;
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  payload: APIInteraction;
  createdAt: number;
  /** how many times INTERACTION_CREATE was sent for it (redeliverInteraction increments) */
  deliveries: number;
  ackWindowMs: number;
  acknowledgedAt: number | null;
  /** acknowledgedAt - createdAt */
  ackLatencyMs: number | null;
  /** the accepted callback's type (4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal) */
  callbackType: number | null;
  callbacks: InteractionCallbackAttempt[];
  originalMessageId: string | null;
  followupIds: string[];
}

export interface ChannelFixture {
  id?: string;
  name: string;
  /** ChannelType; 0 = GuildText (default), 4 = GuildCategory, 5 = GuildAnnouncement */
  type?: number;
  topic?: string | null;
  parentId?: string | null;
  permissionOverwrites?: APIOverwrite[];
}

export interface RoleFixture {
  id?: string;
  name: string;
  /** permission bitfield as a decimal string */
  permissions: string;
  position?: number;
  managed?: boolean;
}

export interface MemberFixture {
  user: Partial<APIUser> & { username: string };
  /** role names or ids */
  roles?: string[];
  nick?: string | null;
}

export interface GuildFixture {
  id?: string;
  name?: string;
  channels?: ChannelFixture[];
  roles?: RoleFixture[];
  /** human members; the bot is always added as a member with the managed bot role */
  members?: MemberFixture[];
  /** username of the owner member, default: the first member */
  owner?: string;
  /** permissions of the bot's managed role, decimal string */
  botPermissions?: string;
  preferredLocale?: string;
}

export interface StandinOptions {
  /** when set, REST (Authorization: Bot …) and IDENTIFY/RESUME must carry this token (401 / close 4004) */
  token?: string;
  /** HELLO heartbeat_interval, default 41250 */
  heartbeatIntervalMs?: number;
  /** interaction acknowledgement window, default 3000 (Discord's 3 s) */
  ackWindowMs?: number;
  /** interaction token lifetime for webhook routes, default 15 min */
  tokenLifetimeMs?: number;
  /** `shards` returned by GET /gateway/bot, default 1 */
  recommendedShards?: number;
  /** default: one guild with a "general" and a "debates" text channel, members alice (reader) and mod */
  guilds?: GuildFixture[];
  bot?: Partial<APIUser>;
  /** default: the bot user's id (as for every modern bot) */
  applicationId?: string;
  /** how many dispatches a session keeps for RESUME replay, default 1000 */
  replayBufferSize?: number;
  /** debug log sink */
  log?: (line: string) => void;
}

export interface StandinGuild {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  roles: APIRole[];
  channels: Map<string, StandinChannel>;
  members: Map<string, StandinMember>;
  joinedAt: string;
}

export interface StandinChannel {
  id: string;
  type: number;
  guild_id: string;
  name: string;
  position: number;
  parent_id: string | null;
  topic: string | null;
  nsfw: boolean;
  rate_limit_per_user: number;
  last_message_id: string | null;
  permission_overwrites: APIOverwrite[];
  flags: number;
}

export interface StandinMember {
  user: APIUser;
  roles: string[];
  nick: string | null;
  joined_at: string;
}

export interface InteractionBase {
  /** invoking user id, default standin.user (alice) */
  userId?: string;
  guildId?: string | null;
  channelId?: string;
  locale?: string;
}

export interface ChatInputSpec extends InteractionBase {
  name: string;
  /** simple values (string→3, integer→4, other number→10, boolean→5) or raw option objects */
  options?: Record<string, string | number | boolean> | APIApplicationCommandInteractionDataOption[];
  subcommand?: string;
  subcommandGroup?: string;
  commandId?: string;
}

export interface AutocompleteSpec extends InteractionBase {
  name: string;
  options?: Record<string, string | number | boolean>;
  /** name of the focused option; its value is sent as the typed string */
  focused: string;
  subcommand?: string;
  subcommandGroup?: string;
  commandId?: string;
}

export interface ComponentSpec extends InteractionBase {
  customId: string;
  /** id of a message the stand-in knows (bot messages, interaction responses); else a stub message is used */
  messageId?: string;
}

export interface SelectSpec extends ComponentSpec {
  values: string[];
}

export interface ModalSubmitSpec extends InteractionBase {
  customId: string;
  fields: Record<string, string>;
  messageId?: string;
}

export interface DispatchInteractionOptions {
  /** override the acknowledgement window for this interaction */
  ackWindowMs?: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type InteractionInput = DistributiveOmit<APIInteraction, 'id' | 'token'> & {
  id?: string;
  token?: string;
};

/** queued override for the next matching REST request (error injection, 429s, outages) */
export interface InjectedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Constants and small helpers
// ---------------------------------------------------------------------------------------------

const DISCORD_EPOCH = 1420070400000n;
let snowflakeIncrement = 0n;

/** A Discord snowflake for `at` (ms). */
export function snowflake(at: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | snowflakeIncrement).toString();
}

/** Discord permission flags used by the fixtures (bit positions from the API docs). */
export const Perm = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  ManageRoles: 1n << 28n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
  ModerateMembers: 1n << 40n,
} as const;
const ALL_PERMISSIONS = (1n << 51n) - 1n;

const EVERYONE_PERMISSIONS =
  Perm.CreateInstantInvite |
  Perm.AddReactions |
  Perm.ViewChannel |
  Perm.SendMessages |
  Perm.EmbedLinks |
  Perm.AttachFiles |
  Perm.ReadMessageHistory |
  Perm.UseExternalEmojis |
  Perm.ChangeNickname |
  Perm.UseApplicationCommands |
  Perm.CreatePublicThreads |
  Perm.SendMessagesInThreads;

const BOT_PERMISSIONS =
  EVERYONE_PERMISSIONS | Perm.ManageChannels | Perm.ManageMessages | Perm.ManageRoles | Perm.ManageThreads;

const MODERATOR_PERMISSIONS =
  Perm.ManageMessages | Perm.ManageGuild | Perm.ModerateMembers | Perm.KickMembers;

const INTENT = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

const OP = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

const CALLBACK = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
  LaunchActivity: 12,
} as const;

const MESSAGE_FLAG_EPHEMERAL = 1 << 6;
const MESSAGE_FLAG_LOADING = 1 << 7;
const MESSAGE_FLAG_COMPONENTS_V2 = 1 << 15;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function iso(at: number = Date.now()): string {
  return new Date(at).toISOString().replace('Z', '+00:00');
}

function interactionToken(id: string): string {
  return `${Buffer.from(`interaction:${id}`).toString('base64url')}:${randomBytes(96).toString('base64url')}`;
}

interface FormError {
  code: string;
  message: string;
}

/** Collects `errors` in Discord's nested "Invalid Form Body" shape. */
class FormErrors {
  readonly tree: JsonObject = {};
  count = 0;

  add(path: Array<string | number>, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const k = String(key);
      const next = node[k];
      if (isRecord(next)) {
        node = next;
      } else {
        const created: JsonObject = {};
        node[k] = created;
        node = created;
      }
    }
    const list = Array.isArray(node._errors) ? (node._errors as FormError[]) : [];
    list.push({ code, message });
    node._errors = list;
    this.count += 1;
  }

  maxLength(path: Array<string | number>, value: unknown, max: number): void {
    if (typeof value === 'string' && [...value].length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }

  lengthBetween(path: Array<string | number>, value: unknown, min: number, max: number): void {
    if (typeof value !== 'string') {
      this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    const len = [...value].length;
    if (len < min || len > max) {
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
    }
  }
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

class DiscordError {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly message: string,
    readonly errors?: JsonObject,
  ) {}

  toReply(): Reply {
    const body: JsonObject = { message: this.message, code: this.code };
    if (this.errors) body.errors = this.errors;
    return { status: this.status, body };
  }
}

const unknownInteraction = (): DiscordError => new DiscordError(404, 10062, 'Unknown interaction');
const alreadyAcknowledged = (): DiscordError =>
  new DiscordError(400, 40060, 'Interaction has already been acknowledged.');
const unknownWebhook = (): DiscordError => new DiscordError(404, 10015, 'Unknown Webhook');
const invalidWebhookToken = (): DiscordError => new DiscordError(401, 50027, 'Invalid Webhook Token');
const unknownMessage = (): DiscordError => new DiscordError(404, 10008, 'Unknown Message');
const unknownChannel = (): DiscordError => new DiscordError(404, 10003, 'Unknown Channel');
const unknownGuild = (): DiscordError => new DiscordError(404, 10004, 'Unknown Guild');
const unknownMember = (): DiscordError => new DiscordError(404, 10007, 'Unknown Member');
const unknownUser = (): DiscordError => new DiscordError(404, 10013, 'Unknown User');
const unknownCommand = (): DiscordError => new DiscordError(404, 10063, 'Unknown application command');
const emptyMessage = (): DiscordError => new DiscordError(400, 50006, 'Cannot send an empty message');
const formError = (errors: FormErrors): DiscordError =>
  new DiscordError(400, 50035, 'Invalid Form Body', errors.tree);

// ---------------------------------------------------------------------------------------------
// Gateway plumbing
// ---------------------------------------------------------------------------------------------

interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

interface LoggedDispatch {
  s: number;
  t: string;
  d: unknown;
}

class GatewaySession {
  seq = 0;
  readonly log: LoggedDispatch[] = [];
  conn: GatewayConnection | null = null;
  dead = false;

  constructor(
    readonly id: string,
    readonly shardId: number,
    readonly shardCount: number,
    readonly intents: number,
    readonly token: string,
  ) {}
}

class GatewayConnection {
  session: GatewaySession | null = null;
  identified = false;
  lastHeartbeatAt = 0;
  private readonly deflate: zlib.Deflate | null;
  private readonly deflated: Buffer[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly id: number,
    readonly ws: WebSocket,
    compress: boolean,
    private readonly onSent: (conn: GatewayConnection, payload: GatewayPayload) => void,
  ) {
    if (compress) {
      this.deflate = zlib.createDeflate({ chunkSize: 65535 });
      this.deflate.on('data', (chunk: Buffer) => this.deflated.push(chunk));
    } else {
      this.deflate = null;
    }
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(payload: GatewayPayload): void {
    if (!this.open) return;
    this.onSent(this, payload);
    const text = JSON.stringify(payload);
    const deflate = this.deflate;
    if (!deflate) {
      this.ws.send(text);
      return;
    }
    // zlib-stream: one shared deflate context, each frame ends with a Z_SYNC_FLUSH (00 00 ff ff)
    this.chain = this.chain.then(
      () =>
        new Promise<void>((resolve) => {
          deflate.write(text);
          deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            const out = Buffer.concat(this.deflated.splice(0));
            if (this.open) this.ws.send(out);
            resolve();
          });
        }),
    );
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason);
    }
  }

  dispose(): void {
    this.deflate?.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// The stand-in
// ---------------------------------------------------------------------------------------------

export interface StandinEvents {
  call: [RestCall];
  frame: [GatewayFrame];
  identify: [GatewaySession];
  resume: [GatewaySession];
  acknowledged: [InteractionRecord];
}

export class DiscordStandin extends EventEmitter {
  readonly calls: RestCall[] = [];
  readonly frames: GatewayFrame[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly messages = new Map<string, APIMessage>();
  readonly guilds = new Map<string, StandinGuild>();
  /** users known to the stand-in (bot + members), by id */
  readonly users = new Map<string, APIUser>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();

  identifyCount = 0;
  resumeCount = 0;
  heartbeatCount = 0;
  /** mutable: applies to interactions dispatched afterwards */
  ackWindowMs: number;
  tokenLifetimeMs: number;
  heartbeatIntervalMs: number;

  readonly bot: APIUser;
  readonly applicationId: string;
  /** first guild / its first text channel / its first human non-owner member (the default invoker) */
  readonly guildId: string;
  readonly channelId: string;
  readonly user: APIUser;

  private readonly server: http.Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<Socket>();
  private readonly connections = new Set<GatewayConnection>();
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly tokens = new Map<string, InteractionRecord>();
  private readonly injected: Array<{
    match: (call: RestCall) => boolean;
    reply: InjectedResponse;
    times: number;
  }> = [];
  private readonly waiters = new Set<{ timer: NodeJS.Timeout; reject: (e: Error) => void }>();
  private readonly options: StandinOptions;
  private readonly replayBufferSize: number;
  private connectionSeq = 0;
  private portNumber = 0;
  private closed = false;

  constructor(options: StandinOptions = {}) {
    super();
    this.options = options;
    this.ackWindowMs = options.ackWindowMs ?? 3000;
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 15 * 60_000;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.replayBufferSize = options.replayBufferSize ?? 1000;

    const botId = options.bot?.id ?? snowflake();
    this.bot = {
      id: botId,
      username: 'Counterpoint',
      discriminator: '0000',
      global_name: null,
      avatar: null,
      bot: true,
      system: false,
      mfa_enabled: true,
      verified: true,
      flags: 0,
      public_flags: 0,
      ...options.bot,
    } as APIUser;
    this.users.set(botId, this.bot);
    this.applicationId = options.applicationId ?? botId;

    const fixtures = options.guilds ?? [defaultGuildFixture()];
    if (fixtures.length === 0) throw new Error('at least one guild fixture is needed');
    for (const fixture of fixtures) this.addGuild(fixture);
    const first = [...this.guilds.values()][0];
    if (!first) throw new Error('no guild');
    this.guildId = first.id;
    const text = [...first.channels.values()].find((c) => c.type === 0);
    if (!text) throw new Error('the first guild fixture needs a text channel');
    this.channelId = text.id;
    // The default invoker is a plain member (not the owner, who has every permission).
    const humans = [...first.members.values()].filter((m) => !m.user.bot);
    const human = humans.find((m) => m.user.id !== first.ownerId) ?? humans[0];
    if (!human) throw new Error('the first guild fixture needs a human member');
    this.user = human.user;

    this.server = http.createServer((req, res) => {
      void this.handleHttp(req, res);
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGatewayConnection(ws, req));
    });
  }

  // ------------------------------------------------------------------ lifecycle

  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.portNumber = (this.server.address() as AddressInfo).port;
    return this;
  }

  get port(): number {
    return this.portNumber;
  }
  /** http://127.0.0.1:PORT */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.portNumber}`;
  }
  /** pass as `rest.api` to the discord.js Client / @discordjs/rest */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }
  /** ws://127.0.0.1:PORT — returned by GET /gateway/bot and as READY.resume_gateway_url */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.portNumber}`;
  }
  /** a token to log in with (the enforced one when `token` was given) */
  get token(): string {
    return this.options.token ?? 'standin.bot.token';
  }
  /** sessions ever identified, newest last */
  get gatewaySessions(): GatewaySession[] {
    return [...this.sessions.values()];
  }
  /** currently open gateway connections */
  get openConnections(): number {
    return [...this.connections].filter((c) => c.open).length;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('discord stand-in closed'));
    }
    this.waiters.clear();
    for (const conn of this.connections) {
      conn.ws.terminate();
      conn.dispose();
    }
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.removeAllListeners();
  }

  private log(line: string): void {
    this.options.log?.(`[standin] ${line}`);
  }

  // ------------------------------------------------------------------ fixtures

  private addGuild(fixture: GuildFixture): StandinGuild {
    const id = fixture.id ?? snowflake();
    const joinedAt = iso();
    const roles: APIRole[] = [role(id, '@everyone', EVERYONE_PERMISSIONS.toString(), 0, false)];
    const roleIdByName = new Map<string, string>();
    for (const [index, spec] of (fixture.roles ?? []).entries()) {
      const r = role(
        spec.id ?? snowflake(),
        spec.name,
        spec.permissions,
        spec.position ?? index + 1,
        spec.managed ?? false,
      );
      roles.push(r);
      roleIdByName.set(spec.name, r.id);
    }
    const botRole = role(
      snowflake(),
      this.bot.username,
      fixture.botPermissions ?? BOT_PERMISSIONS.toString(),
      roles.length,
      true,
    );
    botRole.tags = { bot_id: this.bot.id };
    roles.push(botRole);

    const members = new Map<string, StandinMember>();
    members.set(this.bot.id, { user: this.bot, roles: [botRole.id], nick: null, joined_at: joinedAt });
    for (const spec of fixture.members ?? []) {
      const user = this.ensureUser(spec.user);
      members.set(user.id, {
        user,
        roles: (spec.roles ?? []).map((r) => roleIdByName.get(r) ?? r),
        nick: spec.nick ?? null,
        joined_at: joinedAt,
      });
    }
    const ownerName = fixture.owner;
    const owner =
      [...members.values()].find(
        (m) => !m.user.bot && (ownerName === undefined || m.user.username === ownerName),
      ) ?? members.get(this.bot.id);
    if (!owner) throw new Error('no owner');

    const channels = new Map<string, StandinChannel>();
    for (const [index, spec] of (fixture.channels ?? [{ name: 'general' }]).entries()) {
      const channel: StandinChannel = {
        id: spec.id ?? snowflake(),
        type: spec.type ?? 0,
        guild_id: id,
        name: spec.name,
        position: index,
        parent_id: spec.parentId ?? null,
        topic: spec.topic ?? null,
        nsfw: false,
        rate_limit_per_user: 0,
        last_message_id: null,
        permission_overwrites: spec.permissionOverwrites ?? [],
        flags: 0,
      };
      channels.set(channel.id, channel);
    }
    const guild: StandinGuild = {
      id,
      name: fixture.name ?? 'Standin Guild',
      ownerId: owner.user.id,
      preferredLocale: fixture.preferredLocale ?? 'en-US',
      roles,
      channels,
      members,
      joinedAt,
    };
    this.guilds.set(id, guild);
    return guild;
  }

  private ensureUser(partial: Partial<APIUser> & { username: string }): APIUser {
    const existing = partial.id ? this.users.get(partial.id) : undefined;
    if (existing) return existing;
    const user = {
      id: partial.id ?? snowflake(),
      discriminator: '0',
      global_name: partial.global_name ?? null,
      avatar: null,
      public_flags: 0,
      ...partial,
    } as APIUser;
    this.users.set(user.id, user);
    return user;
  }

  /** a member of the first guild by username */
  member(username: string, guildId: string = this.guildId): StandinMember {
    const guild = this.requireGuild(guildId);
    const member = [...guild.members.values()].find((m) => m.user.username === username);
    if (!member) throw new Error(`no member ${username} in guild ${guildId}`);
    return member;
  }

  /** a channel of a guild by name */
  channel(name: string, guildId: string = this.guildId): StandinChannel {
    const guild = this.requireGuild(guildId);
    const channel = [...guild.channels.values()].find((c) => c.name === name);
    if (!channel) throw new Error(`no channel ${name} in guild ${guildId}`);
    return channel;
  }

  private requireGuild(guildId: string): StandinGuild {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`unknown guild ${guildId}`);
    return guild;
  }

  private findChannel(channelId: string): { guild: StandinGuild; channel: StandinChannel } | undefined {
    for (const guild of this.guilds.values()) {
      const channel = guild.channels.get(channelId);
      if (channel) return { guild, channel };
    }
    return undefined;
  }

  /** effective permissions of a member in a channel (owner/admin → all; overwrites applied) */
  permissionsFor(guildId: string, userId: string, channelId?: string): bigint {
    const guild = this.requireGuild(guildId);
    if (userId === guild.ownerId) return ALL_PERMISSIONS;
    const member = guild.members.get(userId);
    const roleIds = member?.roles ?? [];
    const everyone = guild.roles.find((r) => r.id === guild.id);
    let perms = BigInt(everyone?.permissions ?? '0');
    for (const r of guild.roles) if (roleIds.includes(r.id)) perms |= BigInt(r.permissions);
    if (perms & Perm.Administrator) return ALL_PERMISSIONS;
    const channel = channelId ? guild.channels.get(channelId) : undefined;
    if (!channel) return perms;
    const overwrites = channel.permission_overwrites;
    const apply = (allow: bigint, deny: bigint): void => {
      perms &= ~deny;
      perms |= allow;
    };
    const everyoneOw = overwrites.find((o) => o.id === guild.id);
    if (everyoneOw) apply(BigInt(everyoneOw.allow), BigInt(everyoneOw.deny));
    let allow = 0n;
    let deny = 0n;
    for (const o of overwrites) {
      if (o.type === 0 && roleIds.includes(o.id)) {
        allow |= BigInt(o.allow);
        deny |= BigInt(o.deny);
      }
    }
    apply(allow, deny);
    const memberOw = overwrites.find((o) => o.type === 1 && o.id === userId);
    if (memberOw) apply(BigInt(memberOw.allow), BigInt(memberOw.deny));
    return perms;
  }

  private apiMember(member: StandinMember): APIGuildMember {
    return {
      user: member.user,
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: member.roles,
      joined_at: member.joined_at,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    } as unknown as APIGuildMember;
  }

  private apiChannel(channel: StandinChannel): JsonObject {
    return { ...channel, permission_overwrites: channel.permission_overwrites.map((o) => ({ ...o })) };
  }

  private guildCreatePayload(guild: StandinGuild, intents: number): JsonObject {
    // Without GUILD_MEMBERS only the bot's own member arrives in GUILD_CREATE (as on Discord).
    const members = [...guild.members.values()].filter(
      (m) => intents & INTENT.GuildMembers || m.user.id === this.bot.id,
    );
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: guild.roles,
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: guild.preferredLocale,
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      stickers: [],
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: members.map((m) => this.apiMember(m)),
      // channels inside GUILD_CREATE carry no guild_id
      channels: [...guild.channels.values()].map((c) => {
        const channel = this.apiChannel(c);
        delete channel.guild_id;
        return channel;
      }),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      lazy: true,
    };
  }

  // ------------------------------------------------------------------ waiting helpers

  private waitUntil<T>(
    check: () => T | undefined,
    event: keyof StandinEvents,
    timeoutMs: number,
    what: string,
  ): Promise<T> {
    const found = check();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const listener = (): void => {
        const value = check();
        if (value !== undefined) {
          finish();
          resolve(value);
        }
      };
      const waiter = {
        timer: setTimeout(() => {
          finish();
          reject(new Error(`discord stand-in: timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs),
        reject,
      };
      const finish = (): void => {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        this.off(event, listener);
      };
      this.waiters.add(waiter);
      this.on(event, listener);
    });
  }

  /**
   * Resolves with the first recorded REST call (from index `fromIndex`, default 0) that matches,
   * waiting for new calls up to `timeoutMs`. Use `standin.calls.length` as `fromIndex` to only see
   * calls made from now on.
   */
  waitForCall(predicate: (call: RestCall) => boolean, timeoutMs = 2000, fromIndex = 0): Promise<RestCall> {
    return this.waitUntil(
      () => this.calls.slice(fromIndex).find(predicate),
      'call',
      timeoutMs,
      'a matching REST call',
    );
  }

  /** calls whose method matches and whose path matches a string (exact) or a RegExp */
  findCalls(method: string, path: string | RegExp): RestCall[] {
    return this.calls.filter(
      (c) =>
        c.method === method.toUpperCase() && (typeof path === 'string' ? c.path === path : path.test(c.path)),
    );
  }

  waitForIdentify(count = this.identifyCount + 1, timeoutMs = 5000): Promise<number> {
    return this.waitUntil(
      () => (this.identifyCount >= count ? this.identifyCount : undefined),
      'identify',
      timeoutMs,
      `IDENTIFY #${count}`,
    );
  }

  waitForResume(count = this.resumeCount + 1, timeoutMs = 5000): Promise<number> {
    return this.waitUntil(
      () => (this.resumeCount >= count ? this.resumeCount : undefined),
      'resume',
      timeoutMs,
      `RESUME #${count}`,
    );
  }

  /** resolves once the interaction got an accepted callback */
  waitForAck(interactionId: string, timeoutMs = 4000): Promise<InteractionRecord> {
    return this.waitUntil(
      () => {
        const record = this.interactions.get(interactionId);
        return record?.acknowledgedAt != null ? record : undefined;
      },
      'acknowledged',
      timeoutMs,
      `acknowledgement of interaction ${interactionId}`,
    );
  }

  waitForFrame(
    predicate: (frame: GatewayFrame) => boolean,
    timeoutMs = 2000,
    fromIndex = 0,
  ): Promise<GatewayFrame> {
    return this.waitUntil(
      () => this.frames.slice(fromIndex).find(predicate),
      'frame',
      timeoutMs,
      'a matching gateway frame',
    );
  }

  getInteraction(id: string): InteractionRecord | undefined {
    return this.interactions.get(id);
  }

  /**
   * Answer the next `times` REST requests matching `match` with `reply` instead of the normal route
   * (for example `{ status: 429, body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
   * headers: { 'retry-after': '0.05' } }` or `{ status: 500 }`).
   */
  injectResponse(match: (call: RestCall) => boolean, reply: InjectedResponse, times = 1): void {
    this.injected.push({ match, reply, times });
  }

  // ------------------------------------------------------------------ HTTP / REST

  private async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);

    const prefix = '/api/v10';
    const rawPath = url.pathname;
    const versioned = rawPath === prefix || rawPath.startsWith(`${prefix}/`);
    const segments = (versioned ? rawPath.slice(prefix.length) : rawPath)
      .split('/')
      .filter((s) => s.length > 0)
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      });
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;

    const call: RestCall = {
      method,
      path: `/${segments.join('/')}`,
      rawUrl: req.url ?? '/',
      query,
      body: null,
      files: [],
      headers,
      at,
      status: 0,
      response: null,
    };

    let reply: Reply;
    try {
      await parseBody(raw, headers['content-type'], call);
      reply = versioned ? this.route(call, segments, headers) : notFound();
    } catch (error) {
      if (error instanceof DiscordError) {
        reply = error.toReply();
      } else {
        this.log(`internal error for ${method} ${call.path}: ${String(error)}`);
        reply = { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
      }
    }

    call.status = reply.status;
    call.response = reply.body ?? null;
    this.calls.push(call);
    this.log(`${method} ${call.path} → ${reply.status}`);

    const outHeaders: Record<string, string> = { ...reply.headers };
    if (reply.body !== undefined && reply.status !== 204) {
      const text = JSON.stringify(reply.body);
      outHeaders['content-type'] = 'application/json';
      res.writeHead(reply.status, outHeaders);
      res.end(text);
    } else {
      res.writeHead(reply.status, outHeaders);
      res.end();
    }
    this.emit('call', call);
  }

  private route(call: RestCall, s: string[], headers: Record<string, string | undefined>): Reply {
    for (const [index, entry] of this.injected.entries()) {
      if (entry.match(call)) {
        entry.times -= 1;
        if (entry.times <= 0) this.injected.splice(index, 1);
        return { status: entry.reply.status, body: entry.reply.body, headers: entry.reply.headers };
      }
    }

    const m = call.method;
    const is = (method: string, ...pattern: string[]): boolean =>
      m === method && s.length === pattern.length && pattern.every((p, i) => p.startsWith(':') || p === s[i]);
    const seg = (i: number): string => s[i] ?? '';

    // Routes that do not use the bot token.
    if (is('POST', 'interactions', ':id', ':token', 'callback'))
      return this.interactionCallback(call, seg(1), seg(2));
    if (seg(0) === 'webhooks' && s.length >= 3) {
      const webhook = this.webhookRoute(call, s);
      if (webhook) return webhook;
    }

    // Everything else needs `Authorization: Bot <token>`.
    const auth = headers.authorization;
    if (!auth || !/^Bot \S+/.test(auth) || (this.options.token && auth !== `Bot ${this.options.token}`)) {
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    }

    if (is('GET', 'gateway', 'bot')) {
      return ok({
        url: this.gatewayUrl,
        shards: this.options.recommendedShards ?? 1,
        session_start_limit: {
          total: 1000,
          remaining: 1000 - this.identifyCount,
          reset_after: 14_400_000,
          max_concurrency: 1,
        },
      });
    }
    if (is('GET', 'gateway')) return ok({ url: this.gatewayUrl });
    if (is('GET', 'users', '@me')) return ok(this.bot);
    if (is('GET', 'users', ':id')) {
      const user = this.users.get(seg(1));
      if (!user) throw unknownUser();
      return ok(user);
    }
    if (is('GET', 'applications', '@me') || is('GET', 'oauth2', 'applications', '@me'))
      return ok(this.applicationObject());

    // Application commands.
    if (
      seg(0) === 'applications' &&
      ((s.length >= 3 && seg(2) === 'commands') ||
        (s.length >= 5 && seg(2) === 'guilds' && seg(4) === 'commands'))
    ) {
      if (seg(1) !== this.applicationId) {
        throw new DiscordError(403, 50001, 'Missing Access');
      }
      return this.commandRoute(call, s);
    }

    // Channels and messages.
    if (seg(0) === 'channels' && s.length >= 2) {
      const found = this.findChannel(seg(1));
      if (!found) throw unknownChannel();
      const { guild, channel } = found;
      if (is('GET', 'channels', ':id')) return ok(this.apiChannel(channel));
      if (is('POST', 'channels', ':id', 'typing')) return noContent();
      if (is('POST', 'channels', ':id', 'messages')) {
        const message = this.createMessage({
          channelId: channel.id,
          guildId: guild.id,
          author: this.bot,
          payload: call.body,
          files: call.files,
          type: isRecord(call.body) && isRecord(call.body.message_reference) ? 19 : 0,
        });
        return ok(message);
      }
      if (is('GET', 'channels', ':id', 'messages', ':mid'))
        return ok(this.requireMessage(seg(3), channel.id));
      if (is('PATCH', 'channels', ':id', 'messages', ':mid')) {
        const message = this.requireMessage(seg(3), channel.id);
        if (message.author.id !== this.bot.id)
          throw new DiscordError(403, 50005, 'Cannot edit a message authored by another user');
        return ok(this.editMessage(message, call.body, call.files));
      }
      if (is('DELETE', 'channels', ':id', 'messages', ':mid')) {
        this.deleteMessage(this.requireMessage(seg(3), channel.id));
        return noContent();
      }
      if (is('PUT', 'channels', ':id', 'permissions', ':ow')) {
        const body = isRecord(call.body) ? call.body : {};
        const type = asNumber(body.type);
        if (type !== 0 && type !== 1) {
          const errors = new FormErrors();
          errors.add(['type'], 'BASE_TYPE_CHOICES', 'Value must be one of {0, 1}.');
          throw formError(errors);
        }
        const overwrite: APIOverwrite = {
          id: seg(3),
          type,
          allow: String(body.allow ?? '0'),
          deny: String(body.deny ?? '0'),
        };
        channel.permission_overwrites = [
          ...channel.permission_overwrites.filter((o) => o.id !== overwrite.id),
          overwrite,
        ];
        this.dispatch('CHANNEL_UPDATE', this.apiChannel(channel), {
          guildId: guild.id,
          intent: INTENT.Guilds,
        });
        return noContent();
      }
      if (is('DELETE', 'channels', ':id', 'permissions', ':ow')) {
        channel.permission_overwrites = channel.permission_overwrites.filter((o) => o.id !== seg(3));
        this.dispatch('CHANNEL_UPDATE', this.apiChannel(channel), {
          guildId: guild.id,
          intent: INTENT.Guilds,
        });
        return noContent();
      }
      return notFound();
    }

    // Guilds.
    if (seg(0) === 'guilds' && s.length >= 2) {
      const guild = this.guilds.get(seg(1));
      if (!guild) throw unknownGuild();
      if (is('GET', 'guilds', ':id'))
        return ok({ ...this.guildCreatePayload(guild, 0), members: undefined, channels: undefined });
      if (is('GET', 'guilds', ':id', 'channels'))
        return ok([...guild.channels.values()].map((c) => this.apiChannel(c)));
      if (is('GET', 'guilds', ':id', 'roles')) return ok(guild.roles);
      if (is('GET', 'guilds', ':id', 'members', ':uid')) {
        const member = guild.members.get(seg(3));
        if (!member) throw unknownMember();
        return ok(this.apiMember(member));
      }
      return notFound();
    }

    return notFound();
  }

  private applicationObject(): JsonObject {
    return {
      id: this.applicationId,
      name: this.bot.username,
      icon: null,
      description: 'Discord stand-in application',
      summary: '',
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: randomBytes(32).toString('hex'),
      flags: 1 << 19,
      owner: {
        id: snowflake(),
        username: 'owner',
        discriminator: '0',
        global_name: null,
        avatar: null,
        public_flags: 0,
      },
      team: null,
      bot: this.bot,
      tags: [],
      approximate_guild_count: this.guilds.size,
      install_params: { scopes: ['bot', 'applications.commands'], permissions: BOT_PERMISSIONS.toString() },
      integration_types_config: { 0: {} },
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
    };
  }

  // ------------------------------------------------------------------ application commands

  private commandRoute(call: RestCall, s: string[]): Reply {
    const guildId = s[2] === 'guilds' ? s[3] : undefined;
    if (guildId !== undefined && !this.guilds.has(guildId)) throw unknownGuild();
    const rest = guildId !== undefined ? s.slice(5) : s.slice(3);
    const list = guildId !== undefined ? (this.guildCommands.get(guildId) ?? []) : this.globalCommands;
    const store = (commands: APIApplicationCommand[]): void => {
      if (guildId !== undefined) this.guildCommands.set(guildId, commands);
      else {
        this.globalCommands.splice(0, this.globalCommands.length, ...commands);
      }
    };
    const m = call.method;
    if (rest.length === 0 && m === 'GET') return ok(list);
    if (rest.length === 0 && m === 'PUT') {
      if (!Array.isArray(call.body)) {
        const errors = new FormErrors();
        errors.add([], 'LIST_TYPE_CONVERT', 'Must be an array.');
        throw formError(errors);
      }
      const errors = new FormErrors();
      const names = new Set<string>();
      call.body.forEach((command, i) => {
        validateCommand(command, [i], errors);
        if (isRecord(command)) {
          const key = `${asNumber(command.type) ?? 1}:${String(command.name)}`;
          if (names.has(key))
            errors.add(
              [i, 'name'],
              'APPLICATION_COMMANDS_DUPLICATE_NAME',
              `Application command names must be unique`,
            );
          names.add(key);
        }
      });
      if (call.body.length > 100) errors.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
      if (errors.count > 0) throw formError(errors);
      const commands = call.body.map((raw) => this.toCommand(raw as JsonObject, guildId, list));
      store(commands);
      return ok(commands);
    }
    if (rest.length === 0 && m === 'POST') {
      const errors = new FormErrors();
      validateCommand(call.body, [], errors);
      if (errors.count > 0) throw formError(errors);
      const body = call.body as JsonObject;
      const command = this.toCommand(body, guildId, list);
      const existing = list.findIndex((c) => c.name === command.name && c.type === command.type);
      const next = [...list];
      if (existing >= 0) next[existing] = command;
      else next.push(command);
      store(next);
      return { status: existing >= 0 ? 200 : 201, body: command };
    }
    if (rest.length === 1) {
      const index = list.findIndex((c) => c.id === rest[0]);
      if (index < 0) throw unknownCommand();
      const current = list[index] as APIApplicationCommand;
      if (m === 'GET') return ok(current);
      if (m === 'DELETE') {
        store(list.filter((_, i) => i !== index));
        return noContent();
      }
      if (m === 'PATCH') {
        const merged = { ...current, ...(isRecord(call.body) ? call.body : {}) };
        const errors = new FormErrors();
        validateCommand(merged, [], errors);
        if (errors.count > 0) throw formError(errors);
        const updated = this.toCommand(merged, guildId, list);
        const next = [...list];
        next[index] = updated;
        store(next);
        return ok(updated);
      }
    }
    return notFound();
  }

  private toCommand(
    raw: JsonObject,
    guildId: string | undefined,
    previous: APIApplicationCommand[],
  ): APIApplicationCommand {
    const type = asNumber(raw.type) ?? 1;
    const name = String(raw.name);
    const kept = previous.find((c) => c.name === name && c.type === type);
    const command: JsonObject = {
      id: kept?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type,
      name,
      name_localizations: raw.name_localizations ?? null,
      description: type === 1 ? String(raw.description ?? '') : '',
      description_localizations: raw.description_localizations ?? null,
      options: Array.isArray(raw.options) ? raw.options : [],
      default_member_permissions: raw.default_member_permissions ?? null,
      dm_permission: raw.dm_permission ?? true,
      nsfw: raw.nsfw ?? false,
      contexts: raw.contexts ?? null,
      integration_types: raw.integration_types ?? [0],
    };
    if (guildId !== undefined) command.guild_id = guildId;
    return command as unknown as APIApplicationCommand;
  }

  // ------------------------------------------------------------------ messages

  private requireMessage(id: string, channelId?: string): APIMessage {
    const message = this.messages.get(id);
    if (!message || (channelId !== undefined && message.channel_id !== channelId)) throw unknownMessage();
    return message;
  }

  private createMessage(args: {
    channelId: string;
    guildId: string | null;
    author: APIUser;
    payload: unknown;
    files: RecordedFile[];
    type: number;
    webhookId?: string;
    interaction?: InteractionRecord;
    flags?: number;
    allowEmpty?: boolean;
  }): APIMessage {
    const payload = isRecord(args.payload) ? args.payload : {};
    validateMessagePayload(payload, !args.allowEmpty, args.files);
    const id = snowflake();
    const message: APIMessage & JsonObject = {
      id,
      channel_id: args.channelId,
      author: args.author,
      content: '',
      timestamp: iso(),
      edited_timestamp: null,
      tts: payload.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: args.type,
      flags: args.flags ?? 0,
    };
    if (args.guildId) message.guild_id = args.guildId;
    if (args.webhookId) {
      message.webhook_id = args.webhookId;
      message.application_id = this.applicationId;
    }
    if (isRecord(payload.message_reference)) {
      message.message_reference = { type: 0, channel_id: args.channelId, ...payload.message_reference };
    }
    if (args.interaction) {
      const user = interactionUser(args.interaction.payload);
      message.interaction_metadata = {
        id: args.interaction.id,
        type: args.interaction.type,
        user,
        authorizing_integration_owners: args.interaction.payload.authorizing_integration_owners,
      } as APIMessage['interaction_metadata'];
    }
    applyMessagePayload(message, payload, args.files, this.users, false);
    this.messages.set(id, message);
    const found = this.findChannel(args.channelId);
    if (found) found.channel.last_message_id = id;
    if (!(message.flags !== undefined && message.flags & MESSAGE_FLAG_EPHEMERAL)) {
      this.dispatchMessageEvent('MESSAGE_CREATE', message);
    }
    return message;
  }

  private editMessage(message: APIMessage, payload: unknown, files: RecordedFile[]): APIMessage {
    const body = isRecord(payload) ? payload : {};
    validateMessagePayload(body, false, files);
    applyMessagePayload(message, body, files, this.users, true);
    message.edited_timestamp = iso();
    if (!(message.flags !== undefined && message.flags & MESSAGE_FLAG_EPHEMERAL)) {
      this.dispatchMessageEvent('MESSAGE_UPDATE', message);
    }
    return message;
  }

  private deleteMessage(message: APIMessage): void {
    this.messages.delete(message.id);
    const found = this.findChannel(message.channel_id);
    const d: JsonObject = { id: message.id, channel_id: message.channel_id };
    if (found) d.guild_id = found.guild.id;
    this.dispatch('MESSAGE_DELETE', d, {
      guildId: found?.guild.id ?? null,
      intent: found ? INTENT.GuildMessages : INTENT.DirectMessages,
    });
  }

  private dispatchMessageEvent(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: APIMessage): void {
    const found = this.findChannel(message.channel_id);
    const guildId = found?.guild.id ?? null;
    const base: JsonObject = { ...message };
    if (found) {
      const member = found.guild.members.get(message.author.id);
      if (member && !message.webhook_id) {
        const partialMember: JsonObject = { ...this.apiMember(member) };
        delete partialMember.user;
        base.member = partialMember;
      }
    }
    this.dispatch(t, base, {
      guildId,
      intent: found ? INTENT.GuildMessages : INTENT.DirectMessages,
      transform: (session, d) => {
        // Without MESSAGE_CONTENT, content/embeds/attachments/components are empty unless the bot
        // authored or is mentioned in the message (or it is a DM).
        if (session.intents & INTENT.MessageContent || !found) return d;
        if (message.author.id === this.bot.id) return d;
        if (message.mentions.some((u) => u.id === this.bot.id)) return d;
        return { ...(d as JsonObject), content: '', embeds: [], attachments: [], components: [] };
      },
    });
  }

  /**
   * Injects a MESSAGE_CREATE from a user (stored, so the bot can reply/edit/fetch it).
   * Requires the GuildMessages intent on the client to be delivered, and MessageContent for the content.
   */
  dispatchMessageCreate(args: {
    content: string;
    channelId?: string;
    /** user id or user object; default standin.user */
    author?: string | APIUser;
    embeds?: unknown[];
    mentions?: string[];
  }): APIMessage {
    const channelId = args.channelId ?? this.channelId;
    const found = this.findChannel(channelId);
    if (!found) throw new Error(`unknown channel ${channelId}`);
    const author = typeof args.author === 'string' ? this.users.get(args.author) : (args.author ?? this.user);
    if (!author) throw new Error(`unknown user ${String(args.author)}`);
    this.users.set(author.id, author);
    const message = this.createMessage({
      channelId,
      guildId: found.guild.id,
      author,
      payload: { content: args.content, embeds: args.embeds ?? [] },
      files: [],
      type: 0,
    });
    return message;
  }

  // ------------------------------------------------------------------ interactions

  private interactionCallback(call: RestCall, id: string, token: string): Reply {
    const record = this.interactions.get(id);
    const now = Date.now();
    if (!record || record.token !== token) {
      throw unknownInteraction();
    }
    const body = isRecord(call.body) ? call.body : {};
    const type = asNumber(body.type) ?? null;
    const attempt: InteractionCallbackAttempt = {
      type,
      data: body.data ?? null,
      status: 0,
      code: null,
      at: now,
    };
    record.callbacks.push(attempt);
    try {
      if (record.acknowledgedAt !== null) throw alreadyAcknowledged();
      if (now - record.createdAt > record.ackWindowMs) throw unknownInteraction();
      const reply = this.acceptCallback(record, type, body, call);
      attempt.status = reply.status;
      record.acknowledgedAt = now;
      record.ackLatencyMs = now - record.createdAt;
      record.callbackType = type;
      this.emit('acknowledged', record);
      return reply;
    } catch (error) {
      if (error instanceof DiscordError) {
        attempt.status = error.status;
        attempt.code = error.code;
      }
      throw error;
    }
  }

  private acceptCallback(
    record: InteractionRecord,
    type: number | null,
    body: JsonObject,
    call: RestCall,
  ): Reply {
    const payload = record.payload;
    const data = isRecord(body.data) ? body.data : {};
    const allowed: Record<number, number[]> = {
      2: [4, 5, 9, 12],
      3: [4, 5, 6, 7, 9, 12],
      4: [8],
      5: [4, 5, 6, 7],
    };
    if (type === null || !(allowed[record.type] ?? []).includes(type)) {
      const errors = new FormErrors();
      errors.add(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        'Interaction response type is invalid for this interaction.',
      );
      throw formError(errors);
    }
    const channelId = payload.channel?.id ?? this.channelId;
    const guildId = 'guild_id' in payload && typeof payload.guild_id === 'string' ? payload.guild_id : null;
    let message: APIMessage | null = null;
    const messageType = record.type === 2 ? 20 : 19;

    switch (type) {
      case CALLBACK.ChannelMessageWithSource: {
        message = this.createMessage({
          channelId,
          guildId,
          author: this.bot,
          payload: data,
          files: call.files,
          type: messageType,
          webhookId: this.applicationId,
          interaction: record,
          flags: (asNumber(data.flags) ?? 0) & (MESSAGE_FLAG_EPHEMERAL | MESSAGE_FLAG_COMPONENTS_V2),
        });
        record.originalMessageId = message.id;
        break;
      }
      case CALLBACK.DeferredChannelMessageWithSource: {
        message = this.createMessage({
          channelId,
          guildId,
          author: this.bot,
          payload: {},
          files: [],
          type: messageType,
          webhookId: this.applicationId,
          interaction: record,
          flags: ((asNumber(data.flags) ?? 0) & MESSAGE_FLAG_EPHEMERAL) | MESSAGE_FLAG_LOADING,
          allowEmpty: true,
        });
        record.originalMessageId = message.id;
        break;
      }
      case CALLBACK.DeferredMessageUpdate:
        break;
      case CALLBACK.UpdateMessage: {
        const source = payload.message;
        const stored = source ? this.messages.get(source.id) : undefined;
        if (stored) {
          message = this.editMessage(stored, data, call.files);
        } else if (source) {
          applyMessagePayload(source, data, call.files, this.users, true);
          message = source;
        }
        break;
      }
      case CALLBACK.ApplicationCommandAutocompleteResult: {
        const errors = new FormErrors();
        const choices = data.choices;
        if (!Array.isArray(choices))
          errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
        else {
          if (choices.length > 25)
            errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
          choices.forEach((choice, i) => {
            const c = isRecord(choice) ? choice : {};
            errors.lengthBetween(['data', 'choices', i, 'name'], c.name, 1, 100);
            if (typeof c.value === 'string') errors.maxLength(['data', 'choices', i, 'value'], c.value, 100);
          });
        }
        if (errors.count > 0) throw formError(errors);
        break;
      }
      case CALLBACK.Modal: {
        const errors = new FormErrors();
        errors.lengthBetween(['data', 'title'], data.title, 1, 45);
        errors.lengthBetween(['data', 'custom_id'], data.custom_id, 1, 100);
        if (!Array.isArray(data.components) || data.components.length < 1 || data.components.length > 5) {
          errors.add(['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
        }
        if (errors.count > 0) throw formError(errors);
        break;
      }
      default:
        break;
    }

    if (call.query.with_response === 'true') {
      const resource: JsonObject = { type };
      if (message) resource.message = message;
      return ok({
        interaction: {
          id: record.id,
          type: record.type,
          response_message_id: record.originalMessageId,
          response_message_loading: type === CALLBACK.DeferredChannelMessageWithSource,
          response_message_ephemeral:
            message !== null && message.flags !== undefined
              ? Boolean(message.flags & MESSAGE_FLAG_EPHEMERAL)
              : false,
        },
        resource,
      });
    }
    return noContent();
  }

  /** /webhooks/{app}/{token}[/messages/{id}] for interaction tokens; undefined → not an interaction webhook */
  private webhookRoute(call: RestCall, s: string[]): Reply | undefined {
    const [, appId, token, sub, messageId] = s;
    if (token === undefined) return undefined;
    const record = this.tokens.get(token);
    if (!record || appId !== this.applicationId) throw unknownWebhook();
    if (Date.now() - record.createdAt > this.tokenLifetimeMs) throw invalidWebhookToken();
    const m = call.method;
    if (s.length === 3 && m === 'POST') {
      if (record.acknowledgedAt === null) throw unknownWebhook();
      const payload = call.body;
      const flags = isRecord(payload) ? (asNumber(payload.flags) ?? 0) : 0;
      const message = this.createMessage({
        channelId: record.payload.channel?.id ?? this.channelId,
        guildId:
          'guild_id' in record.payload && typeof record.payload.guild_id === 'string'
            ? record.payload.guild_id
            : null,
        author: this.bot,
        payload,
        files: call.files,
        type: 19,
        webhookId: this.applicationId,
        interaction: record,
        flags: flags & (MESSAGE_FLAG_EPHEMERAL | MESSAGE_FLAG_COMPONENTS_V2),
      });
      record.followupIds.push(message.id);
      return ok(message);
    }
    if (s.length === 5 && sub === 'messages' && messageId !== undefined) {
      const targetId = messageId === '@original' ? record.originalMessageId : messageId;
      if (targetId === null) throw unknownMessage();
      if (targetId !== record.originalMessageId && !record.followupIds.includes(targetId))
        throw unknownMessage();
      const message = this.requireMessage(targetId);
      if (m === 'GET') return ok(message);
      if (m === 'PATCH') {
        if (message.flags !== undefined && message.flags & MESSAGE_FLAG_LOADING) {
          message.flags &= ~MESSAGE_FLAG_LOADING;
          // The first edit of a deferred reply must not leave it empty.
          validateMessagePayload(isRecord(call.body) ? call.body : {}, true, call.files);
        }
        return ok(this.editMessage(message, call.body, call.files));
      }
      if (m === 'DELETE') {
        this.deleteMessage(message);
        if (targetId === record.originalMessageId) record.originalMessageId = null;
        return noContent();
      }
    }
    return notFound();
  }

  /**
   * Sends INTERACTION_CREATE (to the shard owning the guild) with a fresh snowflake id and token
   * (unless the payload carries them). The acknowledgement window starts now.
   */
  dispatchInteraction(
    input: InteractionInput,
    options: DispatchInteractionOptions = {},
  ): { id: string; token: string } {
    const id = input.id ?? snowflake();
    const token = input.token ?? interactionToken(id);
    const payload = { ...input, id, token } as APIInteraction;
    const record: InteractionRecord = {
      id,
      token,
      type: payload.type,
      payload,
      createdAt: Date.now(),
      deliveries: 0,
      ackWindowMs: options.ackWindowMs ?? this.ackWindowMs,
      acknowledgedAt: null,
      ackLatencyMs: null,
      callbackType: null,
      callbacks: [],
      originalMessageId: null,
      followupIds: [],
    };
    this.interactions.set(id, record);
    this.tokens.set(token, record);
    this.deliver(record);
    return { id, token };
  }

  /** Sends the same INTERACTION_CREATE again (same id and token), e.g. to provoke a double acknowledgement. */
  redeliverInteraction(id: string): void {
    const record = this.interactions.get(id);
    if (!record) throw new Error(`unknown interaction ${id}`);
    this.deliver(record);
  }

  private deliver(record: InteractionRecord): void {
    record.deliveries += 1;
    const guildId =
      'guild_id' in record.payload && typeof record.payload.guild_id === 'string'
        ? record.payload.guild_id
        : null;
    this.dispatch('INTERACTION_CREATE', record.payload, { guildId });
  }

  // ------------------------------------------------------------------ interaction payload builders

  private interactionEnvelope(base: InteractionBase): {
    common: JsonObject;
    guildId: string | null;
    channelId: string;
  } {
    const guildId = base.guildId === undefined ? this.guildId : base.guildId;
    const userId = base.userId ?? this.user.id;
    const user = this.users.get(userId);
    if (!user) throw new Error(`unknown user ${userId}`);
    const locale = base.locale ?? 'en-US';
    const common: JsonObject = {
      application_id: this.applicationId,
      version: 1,
      locale,
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (guildId === null) {
      const channelId = base.channelId ?? snowflake();
      common.user = user;
      common.channel = { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] };
      common.channel_id = channelId;
      common.app_permissions = (
        Perm.AddReactions |
        Perm.ViewChannel |
        Perm.SendMessages |
        Perm.EmbedLinks |
        Perm.AttachFiles |
        Perm.ReadMessageHistory |
        Perm.UseExternalEmojis |
        Perm.UseApplicationCommands
      ).toString();
      common.authorizing_integration_owners = { 1: user.id };
      common.context = 1;
      return { common, guildId, channelId };
    }
    const guild = this.requireGuild(guildId);
    const channelId = base.channelId ?? this.firstTextChannel(guild).id;
    const channel = guild.channels.get(channelId);
    if (!channel) throw new Error(`unknown channel ${channelId} in guild ${guildId}`);
    const member = guild.members.get(userId);
    if (!member) throw new Error(`user ${userId} is not a member of guild ${guildId}`);
    const memberPermissions = this.permissionsFor(guildId, userId, channelId).toString();
    const interactionMember: APIInteractionGuildMember = {
      ...this.apiMember(member),
      permissions: memberPermissions,
    };
    common.guild_id = guildId;
    common.guild = { id: guildId, locale: guild.preferredLocale, features: [] };
    common.guild_locale = guild.preferredLocale;
    common.member = interactionMember;
    common.channel = { ...this.apiChannel(channel), permissions: memberPermissions };
    common.channel_id = channelId;
    common.app_permissions = this.permissionsFor(guildId, this.bot.id, channelId).toString();
    common.authorizing_integration_owners = { 0: guildId };
    common.context = 0;
    return { common, guildId, channelId };
  }

  private firstTextChannel(guild: StandinGuild): StandinChannel {
    const channel = [...guild.channels.values()].find((c) => c.type === 0);
    if (!channel) throw new Error(`guild ${guild.id} has no text channel`);
    return channel;
  }

  private commandId(name: string, guildId: string | null, explicit?: string): string {
    if (explicit) return explicit;
    const registered = [
      ...(guildId ? (this.guildCommands.get(guildId) ?? []) : []),
      ...this.globalCommands,
    ].find((c) => c.name === name);
    return registered?.id ?? snowflake();
  }

  /** An APPLICATION_COMMAND (type 2) chat-input interaction payload. */
  chatInput(spec: ChatInputSpec): InteractionInput & APIChatInputApplicationCommandInteraction {
    const { common, guildId } = this.interactionEnvelope(spec);
    const options = wrapSubcommand(toOptions(spec.options), spec.subcommand, spec.subcommandGroup);
    const data: JsonObject = {
      id: this.commandId(spec.name, guildId, spec.commandId),
      name: spec.name,
      type: 1,
      options,
    };
    if (guildId && this.guildCommands.get(guildId)?.some((c) => c.name === spec.name))
      data.guild_id = guildId;
    return { ...common, type: 2, data } as unknown as InteractionInput &
      APIChatInputApplicationCommandInteraction;
  }

  /** An APPLICATION_COMMAND_AUTOCOMPLETE (type 4) payload; the focused option's value is a string. */
  autocomplete(spec: AutocompleteSpec): InteractionInput & APIApplicationCommandAutocompleteInteraction {
    const { common, guildId } = this.interactionEnvelope(spec);
    const values = { ...spec.options };
    if (!(spec.focused in values)) values[spec.focused] = '';
    const flat = toOptions(values).map((o) =>
      o.name === spec.focused && 'value' in o ? { ...o, value: String(o.value), focused: true } : o,
    ) as APIApplicationCommandInteractionDataOption[];
    const data: JsonObject = {
      id: this.commandId(spec.name, guildId, spec.commandId),
      name: spec.name,
      type: 1,
      options: wrapSubcommand(flat, spec.subcommand, spec.subcommandGroup),
    };
    return { ...common, type: 4, data } as unknown as InteractionInput &
      APIApplicationCommandAutocompleteInteraction;
  }

  private componentMessage(spec: ComponentSpec, channelId: string): APIMessage {
    if (spec.messageId) {
      const stored = this.messages.get(spec.messageId);
      if (stored) return stored;
    }
    return {
      id: spec.messageId ?? snowflake(),
      channel_id: channelId,
      author: this.bot,
      content: '',
      timestamp: iso(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [
        { type: 1, components: [{ type: 2, style: 1, custom_id: spec.customId, label: spec.customId }] },
      ],
      pinned: false,
      type: 0,
      flags: 0,
    } as unknown as APIMessage;
  }

  /** A MESSAGE_COMPONENT (type 3) button click on a message the stand-in knows (or a stub). */
  button(spec: ComponentSpec): InteractionInput & APIMessageComponentInteraction {
    const { common, channelId } = this.interactionEnvelope(spec);
    const message = this.componentMessage(spec, channelId);
    return {
      ...common,
      type: 3,
      message,
      data: { custom_id: spec.customId, component_type: 2 },
    } as unknown as InteractionInput & APIMessageComponentInteraction;
  }

  /** A MESSAGE_COMPONENT (type 3) string-select submission. */
  stringSelect(spec: SelectSpec): InteractionInput & APIMessageComponentInteraction {
    const { common, channelId } = this.interactionEnvelope(spec);
    const message = this.componentMessage(spec, channelId);
    return {
      ...common,
      type: 3,
      message,
      data: { custom_id: spec.customId, component_type: 3, values: spec.values },
    } as unknown as InteractionInput & APIMessageComponentInteraction;
  }

  /** A MODAL_SUBMIT (type 5) with text inputs in action rows. */
  modalSubmit(spec: ModalSubmitSpec): InteractionInput & APIModalSubmitInteraction {
    const { common, channelId } = this.interactionEnvelope(spec);
    const payload: JsonObject = {
      ...common,
      type: 5,
      data: {
        custom_id: spec.customId,
        components: Object.entries(spec.fields).map(([customId, value]) => ({
          type: 1,
          components: [{ type: 4, custom_id: customId, value }],
        })),
      },
    };
    if (spec.messageId)
      payload.message = this.componentMessage(
        { customId: spec.customId, messageId: spec.messageId },
        channelId,
      );
    return payload as unknown as InteractionInput & APIModalSubmitInteraction;
  }

  // ------------------------------------------------------------------ gateway

  /**
   * Sends a dispatch to every live session (only the shard owning `guildId` when given; DMs → shard 0).
   * Dispatches to a session whose connection is down are kept and replayed on RESUME.
   */
  dispatch(
    t: string,
    d: unknown,
    opts: {
      guildId?: string | null;
      intent?: number;
      transform?: (session: GatewaySession, d: unknown) => unknown;
    } = {},
  ): void {
    let reached = 0;
    for (const session of this.sessions.values()) {
      if (session.dead) continue;
      if (opts.intent !== undefined && !(session.intents & opts.intent)) continue;
      if (opts.guildId !== undefined) {
        const shard = opts.guildId === null ? 0 : shardOf(opts.guildId, session.shardCount);
        if (shard !== session.shardId) continue;
      }
      const data = opts.transform ? opts.transform(session, d) : d;
      this.sendDispatch(session, t, data);
      reached += 1;
    }
    if (reached === 0) this.log(`${t} reached no gateway session`);
  }

  private sendDispatch(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const entry: LoggedDispatch = { s: session.seq, t, d };
    session.log.push(entry);
    if (session.log.length > this.replayBufferSize) session.log.shift();
    session.conn?.send({ op: OP.Dispatch, t, s: entry.s, d });
  }

  /** Sends op 7 RECONNECT on every open connection; discord.js closes (4200) and RESUMEs after ~500 ms. */
  requestReconnect(): void {
    for (const conn of this.connections) {
      if (conn.open && conn.session) conn.send({ op: OP.Reconnect, d: null, s: null, t: null });
    }
  }

  /** Sends op 9 INVALID_SESSION (d = resumable) on every open connection. */
  invalidateSession(resumable = false): void {
    for (const conn of this.connections) {
      if (!conn.open) continue;
      if (!resumable && conn.session) conn.session.dead = true;
      conn.send({ op: OP.InvalidSession, d: resumable, s: null, t: null });
    }
  }

  /** Closes every gateway connection with `code` (4000 → discord.js resumes; 1000 → it re-identifies). */
  dropConnections(code = 4000, reason = 'stand-in dropped the connection'): void {
    for (const conn of this.connections) conn.close(code, reason);
  }

  private recordFrame(conn: GatewayConnection, direction: 'in' | 'out', payload: GatewayPayload): void {
    const frame: GatewayFrame = {
      direction,
      op: payload.op,
      t: payload.t ?? null,
      s: payload.s ?? null,
      d: payload.d,
      at: Date.now(),
      connectionId: conn.id,
    };
    this.frames.push(frame);
    this.emit('frame', frame);
  }

  private onGatewayConnection(ws: WebSocket, req: http.IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const version = url.searchParams.get('v');
    const encoding = url.searchParams.get('encoding') ?? 'json';
    const compress = url.searchParams.get('compress');
    const conn = new GatewayConnection(++this.connectionSeq, ws, compress === 'zlib-stream', (c, p) =>
      this.recordFrame(c, 'out', p),
    );
    this.connections.add(conn);
    this.log(`gateway connection #${conn.id} ${req.url ?? ''}`);
    ws.on('close', () => {
      this.connections.delete(conn);
      if (conn.session && conn.session.conn === conn) conn.session.conn = null;
      conn.dispose();
    });
    ws.on('error', (error) => this.log(`gateway connection #${conn.id} error: ${error.message}`));
    if (version !== null && version !== '10') {
      conn.close(4012, 'Invalid API version.');
      return;
    }
    if (encoding !== 'json') {
      conn.close(4002, 'Error while decoding payload.');
      return;
    }
    if (compress !== null && compress !== 'zlib-stream') {
      conn.close(4000, 'Unknown error.');
      return;
    }
    ws.on('message', (data: RawData, isBinary: boolean) => this.onGatewayMessage(conn, data, isBinary));
    conn.send({
      op: OP.Hello,
      d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: ['["discord-standin",{"micros":0}]'] },
      s: null,
      t: null,
    });
  }

  private onGatewayMessage(conn: GatewayConnection, data: RawData, isBinary: boolean): void {
    let payload: GatewayPayload;
    try {
      if (isBinary) throw new Error('binary');
      const text = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.from(data as ArrayBuffer).toString('utf8');
      const parsed: unknown = JSON.parse(text);
      if (!isRecord(parsed) || typeof parsed.op !== 'number') throw new Error('shape');
      payload = { op: parsed.op, d: parsed.d ?? null, s: null, t: null };
    } catch {
      conn.close(4002, 'Error while decoding payload.');
      return;
    }
    this.recordFrame(conn, 'in', payload);

    switch (payload.op) {
      case OP.Heartbeat:
        this.heartbeatCount += 1;
        conn.lastHeartbeatAt = Date.now();
        conn.send({ op: OP.HeartbeatAck, d: null, s: null, t: null });
        return;
      case OP.Identify:
        this.onIdentify(conn, payload.d);
        return;
      case OP.Resume:
        this.onResume(conn, payload.d);
        return;
      case OP.PresenceUpdate:
      case OP.VoiceStateUpdate:
        if (!conn.identified) conn.close(4003, 'Not authenticated.');
        return;
      case OP.RequestGuildMembers:
        if (!conn.identified) conn.close(4003, 'Not authenticated.');
        else this.onRequestGuildMembers(conn, payload.d);
        return;
      default:
        conn.close(4001, 'Unknown opcode.');
    }
  }

  private onIdentify(conn: GatewayConnection, d: unknown): void {
    if (conn.identified) {
      conn.close(4005, 'Already authenticated.');
      return;
    }
    const body = isRecord(d) ? d : {};
    const token = asString(body.token);
    const intents = asNumber(body.intents);
    if (!token || (this.options.token !== undefined && token !== this.options.token)) {
      conn.close(4004, 'Authentication failed.');
      return;
    }
    if (intents === undefined || intents < 0) {
      conn.close(4013, 'Invalid intent(s).');
      return;
    }
    const shard = Array.isArray(body.shard) ? body.shard : [0, 1];
    const shardId = asNumber(shard[0]) ?? 0;
    const shardCount = asNumber(shard[1]) ?? 1;
    if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      conn.close(4010, 'Invalid shard.');
      return;
    }
    // A new IDENTIFY for the same shard supersedes older sessions.
    for (const old of this.sessions.values()) {
      if (old.shardId === shardId && old.shardCount === shardCount) old.dead = true;
    }
    const session = new GatewaySession(randomBytes(16).toString('hex'), shardId, shardCount, intents, token);
    session.conn = conn;
    this.sessions.set(session.id, session);
    conn.session = session;
    conn.identified = true;
    this.identifyCount += 1;

    const guilds = [...this.guilds.values()].filter((g) => shardOf(g.id, shardCount) === shardId);
    this.sendDispatch(session, 'READY', {
      v: 10,
      user: this.bot,
      user_settings: {},
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.gatewayUrl,
      shard: [shardId, shardCount],
      application: { id: this.applicationId, flags: 1 << 19 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['["discord-standin",{"micros":0}]'],
    });
    if (intents & INTENT.Guilds) {
      for (const guild of guilds)
        this.sendDispatch(session, 'GUILD_CREATE', this.guildCreatePayload(guild, intents));
    }
    this.emit('identify', session);
  }

  private onResume(conn: GatewayConnection, d: unknown): void {
    const body = isRecord(d) ? d : {};
    const session = this.sessions.get(asString(body.session_id) ?? '');
    const seq = asNumber(body.seq) ?? 0;
    if (!session || session.dead || session.token !== asString(body.token)) {
      conn.send({ op: OP.InvalidSession, d: false, s: null, t: null });
      return;
    }
    const oldest = session.log[0]?.s ?? session.seq + 1;
    if (seq + 1 < oldest && seq < session.seq) {
      // The events the client misses are no longer buffered.
      conn.send({ op: OP.InvalidSession, d: false, s: null, t: null });
      session.dead = true;
      return;
    }
    if (session.conn && session.conn !== conn) session.conn.close(4009, 'Session timed out.');
    session.conn = conn;
    conn.session = session;
    conn.identified = true;
    this.resumeCount += 1;
    for (const entry of session.log) {
      if (entry.s > seq) conn.send({ op: OP.Dispatch, t: entry.t, s: entry.s, d: entry.d });
    }
    this.sendDispatch(session, 'RESUMED', { _trace: ['["discord-standin",{"micros":0}]'] });
    this.emit('resume', session);
  }

  private onRequestGuildMembers(conn: GatewayConnection, d: unknown): void {
    const body = isRecord(d) ? d : {};
    const session = conn.session;
    const guild = this.guilds.get(asString(body.guild_id) ?? '');
    if (!session || !guild) return;
    const userIds = Array.isArray(body.user_ids)
      ? body.user_ids.map(String)
      : typeof body.user_ids === 'string'
        ? [body.user_ids]
        : null;
    const queryText = asString(body.query);
    const limit = asNumber(body.limit) ?? 0;
    if (!userIds && !(session.intents & INTENT.GuildMembers)) {
      conn.close(4013, 'Invalid intent(s).');
      return;
    }
    let members = [...guild.members.values()];
    const notFound: string[] = [];
    if (userIds) {
      members = members.filter((m) => userIds.includes(m.user.id));
      for (const id of userIds) if (!guild.members.has(id)) notFound.push(id);
    } else if (queryText) {
      members = members.filter((m) => m.user.username.toLowerCase().startsWith(queryText.toLowerCase()));
    }
    if (limit > 0) members = members.slice(0, limit);
    const chunk: JsonObject = {
      guild_id: guild.id,
      members: members.map((m) => this.apiMember(m)),
      chunk_index: 0,
      chunk_count: 1,
      not_found: notFound,
    };
    if (body.nonce !== undefined) chunk.nonce = body.nonce;
    this.sendDispatch(session, 'GUILD_MEMBERS_CHUNK', chunk);
  }
}

/** Starts a stand-in on 127.0.0.1 with an ephemeral port. */
export async function startDiscordStandin(options: StandinOptions = {}): Promise<DiscordStandin> {
  return new DiscordStandin(options).listen();
}

// ---------------------------------------------------------------------------------------------
// Module helpers
// ---------------------------------------------------------------------------------------------

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function noContent(): Reply {
  return { status: 204 };
}

function notFound(): Reply {
  return { status: 404, body: { message: '404: Not Found', code: 0 } };
}

function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

function role(id: string, name: string, permissions: string, position: number, managed: boolean): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed,
    mentionable: false,
    flags: 0,
  } as unknown as APIRole;
}

function defaultGuildFixture(): GuildFixture {
  return {
    name: 'Counterpoint Test Guild',
    channels: [{ name: 'general' }, { name: 'debates', topic: 'moderated debates' }],
    roles: [{ name: 'Moderator', permissions: MODERATOR_PERMISSIONS.toString() }],
    members: [
      { user: { username: 'owner' } },
      { user: { username: 'alice', global_name: 'Alice' } },
      { user: { username: 'mod', global_name: 'Mod' }, roles: ['Moderator'] },
    ],
    owner: 'owner',
  };
}

function interactionUser(payload: APIInteraction): APIUser {
  if ('member' in payload && payload.member) return payload.member.user;
  if ('user' in payload && payload.user) return payload.user;
  throw new Error('interaction without user');
}

function toOptions(
  options: ChatInputSpec['options'] | undefined,
): APIApplicationCommandInteractionDataOption[] {
  if (!options) return [];
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => {
    if (typeof value === 'string') return { name, type: 3, value };
    if (typeof value === 'boolean') return { name, type: 5, value };
    return { name, type: Number.isInteger(value) ? 4 : 10, value };
  }) as APIApplicationCommandInteractionDataOption[];
}

function wrapSubcommand(
  options: APIApplicationCommandInteractionDataOption[],
  subcommand?: string,
  group?: string,
): APIApplicationCommandInteractionDataOption[] {
  if (!subcommand) return options;
  const sub = { name: subcommand, type: 1, options } as APIApplicationCommandInteractionDataOption;
  if (!group) return [sub];
  return [{ name: group, type: 2, options: [sub] } as APIApplicationCommandInteractionDataOption];
}

async function parseBody(raw: Buffer, contentType: string | undefined, call: RestCall): Promise<void> {
  if (raw.length === 0) return;
  const ct = contentType ?? '';
  if (ct.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': ct } }).formData();
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') call.body = parseJson(value);
      } else {
        call.files.push({ field, name: value.name, size: value.size, contentType: value.type });
      }
    }
    return;
  }
  const text = raw.toString('utf8');
  call.body = ct.startsWith('application/json') ? parseJson(text) : text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DiscordError(400, 50109, 'The request body contains invalid JSON.');
  }
}

const MENTION_USER = /<@!?(\d{15,22})>/g;
const MENTION_ROLE = /<@&(\d{15,22})>/g;

function applyMessagePayload(
  message: APIMessage,
  payload: JsonObject,
  files: RecordedFile[],
  users: Map<string, APIUser>,
  isEdit: boolean,
): void {
  if (typeof payload.content === 'string' || payload.content === null)
    message.content = payload.content ?? '';
  if (Array.isArray(payload.embeds)) message.embeds = payload.embeds as APIMessage['embeds'];
  if (Array.isArray(payload.components)) message.components = payload.components as APIMessage['components'];
  if (isEdit && typeof payload.flags === 'number') {
    const keep = (message.flags ?? 0) & (MESSAGE_FLAG_EPHEMERAL | MESSAGE_FLAG_LOADING);
    message.flags = keep | (payload.flags & ~MESSAGE_FLAG_EPHEMERAL & ~MESSAGE_FLAG_LOADING);
  }
  // attachments: entries refer to new uploads by index ("id": n ↔ files[n]) or keep existing ones by id
  if (Array.isArray(payload.attachments) || files.length > 0) {
    const existing = new Map(message.attachments.map((a) => [a.id, a]));
    const fileByIndex = new Map<string, RecordedFile>();
    for (const file of files) {
      const match = /^files\[(\d+)\]$/.exec(file.field);
      fileByIndex.set(match?.[1] ?? file.field, file);
    }
    const next: APIAttachment[] = [];
    const used = new Set<RecordedFile>();
    const entries = Array.isArray(payload.attachments) ? payload.attachments : [];
    for (const entry of entries) {
      if (!isRecord(entry)) continue;
      const key = String(entry.id);
      const file = fileByIndex.get(key);
      if (file) {
        used.add(file);
        next.push(attachmentFor(message, file, asString(entry.filename), asString(entry.description)));
      } else {
        const kept = existing.get(key);
        if (kept) next.push(kept);
      }
    }
    for (const file of files) if (!used.has(file)) next.push(attachmentFor(message, file));
    if (Array.isArray(payload.attachments) || !isEdit) message.attachments = next;
    else message.attachments = [...message.attachments, ...next];
  }
  // mentions honour allowed_mentions like Discord does
  const allowed = isRecord(payload.allowed_mentions) ? payload.allowed_mentions : undefined;
  const parse = allowed && Array.isArray(allowed.parse) ? allowed.parse.map(String) : undefined;
  const allowedUsers = allowed && Array.isArray(allowed.users) ? allowed.users.map(String) : [];
  const allowedRoles = allowed && Array.isArray(allowed.roles) ? allowed.roles.map(String) : [];
  const content = message.content;
  const userIds = [...content.matchAll(MENTION_USER)].map((m) => m[1] ?? '');
  const roleIds = [...content.matchAll(MENTION_ROLE)].map((m) => m[1] ?? '');
  message.mentions = userIds
    .filter((id) => !allowed || parse?.includes('users') || allowedUsers.includes(id))
    .map((id) => users.get(id))
    .filter((u): u is APIUser => u !== undefined);
  message.mention_roles = roleIds.filter(
    (id) => !allowed || parse?.includes('roles') || allowedRoles.includes(id),
  );
  message.mention_everyone =
    /@(everyone|here)/.test(content) && (!allowed || parse?.includes('everyone') === true);
}

function attachmentFor(
  message: APIMessage,
  file: RecordedFile,
  filename?: string,
  description?: string,
): APIAttachment {
  const id = snowflake();
  const name = filename ?? file.name;
  const url = `https://cdn.discordapp.invalid/attachments/${message.channel_id}/${id}/${encodeURIComponent(name)}`;
  const attachment: APIAttachment = {
    id,
    filename: name,
    size: file.size,
    url,
    proxy_url: url,
  };
  if (file.contentType) attachment.content_type = file.contentType;
  if (description) attachment.description = description;
  return attachment;
}

/** Message limits from the Discord docs → 50035 / 50006 like the real API. */
function validateMessagePayload(payload: JsonObject, requireContent: boolean, files: RecordedFile[]): void {
  const errors = new FormErrors();
  errors.maxLength(['content'], payload.content, 2000);
  const flags = asNumber(payload.flags) ?? 0;
  const embeds = Array.isArray(payload.embeds) ? payload.embeds : [];
  if (embeds.length > 10) errors.add(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  let total = 0;
  const count = (value: unknown): void => {
    if (typeof value === 'string') total += [...value].length;
  };
  embeds.forEach((raw, i) => {
    const embed = isRecord(raw) ? raw : {};
    errors.maxLength(['embeds', i, 'title'], embed.title, 256);
    errors.maxLength(['embeds', i, 'description'], embed.description, 4096);
    count(embed.title);
    count(embed.description);
    const footer = isRecord(embed.footer) ? embed.footer : {};
    errors.maxLength(['embeds', i, 'footer', 'text'], footer.text, 2048);
    count(footer.text);
    const author = isRecord(embed.author) ? embed.author : {};
    errors.maxLength(['embeds', i, 'author', 'name'], author.name, 256);
    count(author.name);
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > 25)
      errors.add(['embeds', i, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    fields.forEach((rawField, j) => {
      const field = isRecord(rawField) ? rawField : {};
      errors.lengthBetween(['embeds', i, 'fields', j, 'name'], field.name, 1, 256);
      errors.lengthBetween(['embeds', i, 'fields', j, 'value'], field.value, 1, 1024);
      count(field.name);
      count(field.value);
    });
  });
  if (total > 6000)
    errors.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');

  const components = Array.isArray(payload.components) ? payload.components : [];
  const customIds = new Set<string>();
  const checkCustomId = (path: Array<string | number>, value: unknown): void => {
    if (value === undefined) return;
    errors.lengthBetween([...path, 'custom_id'], value, 1, 100);
    if (typeof value === 'string') {
      if (customIds.has(value))
        errors.add(
          [...path, 'custom_id'],
          'COMPONENT_CUSTOM_ID_DUPLICATED',
          'Component custom id cannot be duplicated',
        );
      customIds.add(value);
    }
  };
  if (!(flags & MESSAGE_FLAG_COMPONENTS_V2)) {
    if (components.length > 5)
      errors.add(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
    components.forEach((rawRow, i) => {
      const row = isRecord(rawRow) ? rawRow : {};
      if (row.type !== 1) {
        errors.add(
          ['components', i, 'type'],
          'UNION_TYPE_CHOICES',
          'Value of field "type" must be one of (1,).',
        );
        return;
      }
      const children = Array.isArray(row.components) ? row.components : [];
      if (children.length < 1 || children.length > 5) {
        errors.add(
          ['components', i, 'components'],
          'BASE_TYPE_BAD_LENGTH',
          'Must be between 1 and 5 in length.',
        );
      }
      children.forEach((rawChild, j) => {
        const child = isRecord(rawChild) ? rawChild : {};
        const path = ['components', i, 'components', j];
        if (child.type === 2) {
          errors.maxLength([...path, 'label'], child.label, 80);
          if (child.style === 5) {
            if (typeof child.url !== 'string')
              errors.add([...path, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
          } else if (child.style !== 6) {
            checkCustomId(path, child.custom_id ?? '');
          }
        } else {
          checkCustomId(path, child.custom_id ?? '');
          if (Array.isArray(child.options) && child.options.length > 25) {
            errors.add([...path, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
          }
        }
      });
    });
  }
  if (errors.count > 0) throw formError(errors);

  if (requireContent) {
    const hasContent = typeof payload.content === 'string' && payload.content.length > 0;
    const hasStickers = Array.isArray(payload.sticker_ids) && payload.sticker_ids.length > 0;
    const hasPoll = isRecord(payload.poll);
    if (
      !hasContent &&
      embeds.length === 0 &&
      components.length === 0 &&
      files.length === 0 &&
      !hasStickers &&
      !hasPoll
    ) {
      throw emptyMessage();
    }
  }
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Application command validation from the Discord docs (names, descriptions, option order and counts). */
function validateCommand(raw: unknown, path: Array<string | number>, errors: FormErrors): void {
  if (!isRecord(raw)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  const type = asNumber(raw.type) ?? 1;
  const name = raw.name;
  if (typeof name !== 'string') {
    errors.add([...path, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
  } else if (type === 1 && (!COMMAND_NAME.test(name) || name !== name.toLowerCase())) {
    errors.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
  } else {
    errors.lengthBetween([...path, 'name'], name, 1, 32);
  }
  if (type === 1) {
    errors.lengthBetween([...path, 'description'], raw.description, 1, 100);
    if (raw.options !== undefined) validateOptions(raw.options, [...path, 'options'], errors, 0);
  }
}

function validateOptions(
  raw: unknown,
  path: Array<string | number>,
  errors: FormErrors,
  depth: number,
): void {
  if (!Array.isArray(raw)) {
    errors.add(path, 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  if (raw.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  let sawOptional = false;
  const names = new Set<string>();
  raw.forEach((option, i) => {
    const o = isRecord(option) ? (option as Partial<APIApplicationCommandOption> & JsonObject) : {};
    const p = [...path, i];
    if (typeof o.name !== 'string' || !COMMAND_NAME.test(o.name) || o.name !== o.name.toLowerCase()) {
      errors.add([...p, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    } else if (names.has(o.name)) {
      errors.add(
        [...p, 'name'],
        'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        'Option names must be unique',
      );
    } else {
      names.add(o.name);
    }
    errors.lengthBetween([...p, 'description'], o.description, 1, 100);
    const type = asNumber(o.type);
    if (type === undefined || type < 1 || type > 11) {
      errors.add(
        [...p, 'type'],
        'BASE_TYPE_CHOICES',
        'Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).',
      );
      return;
    }
    if (type === 1 || type === 2) {
      if (depth >= (type === 2 ? 1 : 2))
        errors.add(
          [...p, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Sub-command nesting is too deep',
        );
      if (o.options !== undefined) validateOptions(o.options, [...p, 'options'], errors, depth + 1);
      return;
    }
    if (o.required === true && sawOptional) {
      errors.add(
        [...p, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (o.required !== true) sawOptional = true;
    const choices = o.choices;
    if (Array.isArray(choices)) {
      if (choices.length > 25)
        errors.add([...p, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      if (o.autocomplete === true && choices.length > 0) {
        errors.add(
          [...p, 'autocomplete'],
          'APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE',
          'Autocomplete cannot be set with choices',
        );
      }
      choices.forEach((choice: unknown, j: number) => {
        const c = isRecord(choice) ? choice : {};
        errors.lengthBetween([...p, 'choices', j, 'name'], c.name, 1, 100);
        if (typeof c.value === 'string') errors.lengthBetween([...p, 'choices', j, 'value'], c.value, 1, 100);
      });
    }
  });
}
