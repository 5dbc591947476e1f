/**
 * The keyv store behind a small, typed module: an embedded SQLite file by default, Redis when several processes
 * share state, memory for tests. Keyv and the Redis client report trouble as 'error' events; both are handled
 * here so nothing is ever uncaught, and an operation that keeps failing rejects with StoreUnavailableError after
 * a few retries with backoff.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Keyv from 'keyv';

export const DEFAULT_STORE_URL = 'sqlite://./data/counterpoint.sqlite';

export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

export type StoreKind = 'sqlite' | 'redis' | 'memory';

export interface StoreOptions {
  /** Attempts after the first before giving up (default 3). */
  readonly retries?: number;
  /** First backoff delay; doubles each retry (default 50 ms). */
  readonly backoffMs?: number;
  /** One attempt longer than this counts as failed (default 2000 ms). */
  readonly timeoutMs?: number;
  /** Every error the backend reports (also those retried away); default: ignored after counting. */
  readonly onError?: (error: unknown) => void;
  /** Key prefix (default "counterpoint"). */
  readonly prefix?: string;
}

export interface StoreHealth {
  readonly ok: boolean;
  readonly kind: StoreKind;
  readonly latencyMs: number | null;
  readonly errorsSeen: number;
  readonly lastError: string | null;
}

/** Returned by an update function to leave the stored value as it is. */
export const KEEP: unique symbol = Symbol('keep');
export type Keep = typeof KEEP;

export type UpdateOutcome<T> =
  | { readonly ok: true; readonly changed: boolean; readonly value: T | undefined }
  | { readonly ok: false; readonly code: 'CONFLICT' };

export interface DebateRef {
  readonly guildId: string;
  readonly channelId: string;
}

export interface Store {
  readonly kind: StoreKind;
  get<T>(namespace: string, key: string): Promise<T | undefined>;
  set<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void>;
  delete(namespace: string, key: string): Promise<boolean>;
  /**
   * Read, apply `fn`, write, with optimistic concurrency: just before writing, the entry's revision is read
   * again; if another writer changed it meanwhile, `fn` runs again on the fresh value (a few times), then CONFLICT.
   * Within one process, updates to one key are also queued so they never race each other.
   */
  update<T>(namespace: string, key: string, fn: (current: T | undefined) => T | Keep | Promise<T | Keep>): Promise<UpdateOutcome<T>>;
  /** Members of a small set kept under one key (an index). */
  indexAdd(namespace: string, key: string, member: string): Promise<void>;
  indexRemove(namespace: string, key: string, member: string): Promise<void>;
  indexList(namespace: string, key: string): Promise<string[]>;
  /** Debates with a live session, per guild or across all guilds (for resuming timers after a restart). */
  listDebates(guildId?: string): Promise<DebateRef[]>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** The index the debate repository keeps: one key per guild listing channels, plus one key listing guilds. */
export const DEBATE_INDEX_NS = 'debate-index';
export const GUILDS_KEY = '_guilds';

interface Envelope<T> {
  readonly rev: string;
  readonly value: T;
}

const CONFLICT_RETRIES = 5;
const CONFLICT = { ok: false, code: 'CONFLICT' } as const;

/**
 * A lock on one key shared by every process using the backend, held around a write so that a read-modify-write
 * in one process cannot interleave with another process's write (Redis: SET NX PX, released by a compare-and-delete
 * script; the expiry frees a key whose holder died). `tryAcquire` resolves to the release, or null when another
 * holder has the key.
 */
interface KeyLock {
  tryAcquire(key: string): Promise<(() => Promise<void>) | null>;
}

/** The few commands of the Redis client the lock uses. */
interface LockClient {
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Longer than any write takes; only matters when a holder dies with the lock. */
const LOCK_TTL_MS = 5000;
/** How long a writer waits for another process's lock before giving up (an update then reports CONFLICT). */
const LOCK_WAIT_MS = 3000;
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

function redisLock(client: () => Promise<LockClient>, prefix: string): KeyLock {
  return {
    async tryAcquire(key) {
      const lockKey = `${prefix}:lock:${key}`;
      const token = randomUUID();
      const c = await client();
      if ((await c.set(lockKey, token, { NX: true, PX: LOCK_TTL_MS })) === null) return null;
      return async () => {
        await c.eval(RELEASE_SCRIPT, { keys: [lockKey], arguments: [token] });
      };
    },
  };
}

/** `sqlite://PATH` (default ./data/counterpoint.sqlite), `redis://…`/`rediss://…`, or `memory`. */
export async function openStore(url: string = DEFAULT_STORE_URL, options: StoreOptions = {}): Promise<Store> {
  const kind: StoreKind = url === 'memory' || url === 'memory://' ? 'memory' : /^rediss?:\/\//.test(url) ? 'redis' : url.startsWith('sqlite:') ? 'sqlite' : 'sqlite';
  let keyv: Keyv;
  let closeBackend: () => Promise<void> = async () => {};
  let lock: KeyLock | null = null;
  const prefix = options.prefix ?? 'counterpoint';
  if (kind === 'memory') {
    keyv = new Keyv({ namespace: prefix });
  } else if (kind === 'sqlite') {
    const raw = url.replace(/^sqlite:\/\//, '').replace(/^sqlite:/, '');
    const file = raw === '' ? resolve('data/counterpoint.sqlite') : raw === ':memory:' ? ':memory:' : resolve(raw);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const { default: KeyvSqlite } = await import('@keyv/sqlite');
    const backend = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000 });
    keyv = new Keyv({ store: backend, namespace: prefix });
    closeBackend = async () => {
      await backend.disconnect();
    };
  } else {
    const { default: KeyvRedis } = await import('@keyv/redis');
    const backend = new KeyvRedis(
      {
        url,
        // Fail fast while disconnected instead of queueing commands forever; our retries take over.
        disableOfflineQueue: true,
        socket: { connectTimeout: 1000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000) },
      },
      { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 1000 },
    );
    keyv = new Keyv({ store: backend, namespace: prefix, useKeyPrefix: false });
    lock = redisLock(() => backend.getClient() as Promise<unknown> as Promise<LockClient>, prefix);
    closeBackend = async () => {
      await backend.disconnect(true).catch(() => {});
    };
  }
  keyv.throwOnErrors = true;
  return new KeyvStore(kind, keyv, closeBackend, options, lock);
}

class KeyvStore implements Store {
  private errorsSeen = 0;
  private lastError: string | null = null;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(
    readonly kind: StoreKind,
    private readonly keyv: Keyv,
    private readonly closeBackend: () => Promise<void>,
    private readonly options: StoreOptions,
    private readonly lock: KeyLock | null = null,
  ) {
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 50;
    this.timeoutMs = options.timeoutMs ?? 2000;
    // Without a listener an 'error' event would crash the process.
    keyv.on('error', (error: unknown) => this.noteError(error));
  }

  private noteError(error: unknown): void {
    this.errorsSeen += 1;
    this.lastError = error instanceof Error ? error.message : String(error);
    this.options.onError?.(error);
  }

  private key(namespace: string, key: string): string {
    return `${namespace}:${key}`;
  }

  /** One backend call with a timeout, retried with exponential backoff; then StoreUnavailableError. */
  private async attempt<R>(what: string, op: () => Promise<R>): Promise<R> {
    if (this.closed) throw new StoreUnavailableError(`store is closed (${what})`);
    let last: unknown;
    for (let i = 0; i <= this.retries; i++) {
      const controller = new AbortController();
      try {
        const timeout = sleep(this.timeoutMs, undefined, { signal: controller.signal }).then(() => {
          throw new Error(`timed out after ${this.timeoutMs} ms`);
        });
        timeout.catch(() => {});
        return await Promise.race([op(), timeout]);
      } catch (error) {
        last = error;
        this.noteError(error);
        if (i < this.retries) await sleep(this.backoffMs * 2 ** i);
      } finally {
        controller.abort();
      }
    }
    const reason = last instanceof Error ? last.message : String(last);
    throw new StoreUnavailableError(`${this.kind} store unavailable during ${what}: ${reason}`, { cause: last });
  }

  private async readEnvelope<T>(k: string): Promise<Envelope<T> | undefined> {
    const raw = await this.attempt('get', () => this.keyv.get<Envelope<T>>(k));
    return raw && typeof raw === 'object' && 'rev' in raw ? raw : undefined;
  }

  private async writeEnvelope<T>(k: string, value: T, ttlMs?: number): Promise<void> {
    const env: Envelope<T> = { rev: randomUUID(), value };
    const ok = await this.attempt('set', () => this.keyv.set(k, env, ttlMs));
    if (ok === false) throw new StoreUnavailableError(`${this.kind} store refused a write`);
  }

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    return (await this.readEnvelope<T>(this.key(namespace, key)))?.value;
  }

  async set<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void> {
    const k = this.key(namespace, key);
    await this.serial(k, () => this.locked(k, () => this.writeEnvelope(k, value, ttlMs)));
  }

  async delete(namespace: string, key: string): Promise<boolean> {
    const k = this.key(namespace, key);
    return this.serial(k, () => this.locked(k, () => this.attempt('delete', () => this.keyv.delete(k))));
  }

  async update<T>(namespace: string, key: string, fn: (current: T | undefined) => T | Keep | Promise<T | Keep>): Promise<UpdateOutcome<T>> {
    const k = this.key(namespace, key);
    return this.serial(k, () =>
      this.locked(
        k,
        async () => (await this.readModifyWrite(k, fn)) ?? CONFLICT,
        () => CONFLICT,
      ),
    );
  }

  /** The update's body: null when the entry kept changing under it. */
  private async readModifyWrite<T>(k: string, fn: (current: T | undefined) => T | Keep | Promise<T | Keep>): Promise<UpdateOutcome<T> | null> {
    for (let i = 0; i < CONFLICT_RETRIES; i++) {
      const before = await this.readEnvelope<T>(k);
      const next = await fn(before?.value);
      if (next === KEEP) return { ok: true, changed: false, value: before?.value };
      const check = await this.readEnvelope<T>(k);
      if (check?.rev !== before?.rev) continue; // another writer got in between: run fn again on fresh data
      await this.writeEnvelope(k, next);
      return { ok: true, changed: true, value: next };
    }
    return null;
  }

  /**
   * `op` holding the key's cross-process lock when the backend has one; `busy` answers when another process kept
   * it past the wait (default: the store is unavailable for this key).
   */
  private async locked<R>(k: string, op: () => Promise<R>, busy?: () => R): Promise<R> {
    const lock = this.lock;
    if (lock === null) return op();
    const deadline = Date.now() + LOCK_WAIT_MS;
    let release = await this.attempt('lock', () => lock.tryAcquire(k));
    for (let wait = 2; release === null && Date.now() < deadline; wait = Math.min(wait * 2, 50)) {
      // Jittered, so that processes waiting for one key do not retry in step.
      await sleep(wait / 2 + Math.random() * wait);
      release = await this.attempt('lock', () => lock.tryAcquire(k));
    }
    if (release === null) {
      if (busy) return busy();
      throw new StoreUnavailableError(`${this.kind} store: ${k} stayed locked by another process`);
    }
    try {
      return await op();
    } finally {
      await this.attempt('unlock', release).catch(() => {});
    }
  }

  async indexAdd(namespace: string, key: string, member: string): Promise<void> {
    await this.update<string[]>(namespace, key, (cur) => (cur?.includes(member) ? KEEP : [...(cur ?? []), member]));
  }

  async indexRemove(namespace: string, key: string, member: string): Promise<void> {
    await this.update<string[]>(namespace, key, (cur) => (cur?.includes(member) ? cur.filter((m) => m !== member) : KEEP));
  }

  async indexList(namespace: string, key: string): Promise<string[]> {
    return (await this.get<string[]>(namespace, key)) ?? [];
  }

  async listDebates(guildId?: string): Promise<DebateRef[]> {
    const guilds = guildId !== undefined ? [guildId] : await this.indexList(DEBATE_INDEX_NS, GUILDS_KEY);
    const out: DebateRef[] = [];
    for (const g of guilds) for (const channelId of await this.indexList(DEBATE_INDEX_NS, g)) out.push({ guildId: g, channelId });
    return out;
  }

  async health(): Promise<StoreHealth> {
    const started = performance.now();
    try {
      const k = this.key('_health', 'probe');
      await this.attempt('health', async () => {
        await this.keyv.set(k, { rev: 'probe', value: started });
        await this.keyv.get(k);
      });
      return { ok: true, kind: this.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10, errorsSeen: this.errorsSeen, lastError: this.lastError };
    } catch {
      return { ok: false, kind: this.kind, latencyMs: null, errorsSeen: this.errorsSeen, lastError: this.lastError };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.queues.values()]);
    await this.closeBackend().catch((error: unknown) => this.noteError(error));
  }

  /** Queue operations on one key within this process, so a read-modify-write never interleaves with another. */
  private serial<R>(k: string, op: () => Promise<R>): Promise<R> {
    const prev = this.queues.get(k) ?? Promise.resolve();
    const run = prev.then(op, op);
    const tail = run.catch(() => {});
    this.queues.set(k, tail);
    void tail.then(() => {
      if (this.queues.get(k) === tail) this.queues.delete(k);
    });
    return run;
  }
}
