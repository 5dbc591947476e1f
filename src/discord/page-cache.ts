/**
 * Rendered answers kept for their Previous/Next buttons: a small LRU with an expiry, in memory.
 *
 * Why not the custom_id alone: a page button would have to carry the command's options (a query can be
 * thousands of characters; custom_id holds 100) and re-run the command on every click. Why not the store:
 * a button click always reaches the shard that sent the message (interactions go to the guild's shard), so
 * process memory is enough, and pages are cheap to lose: after expiry or a restart the button answers
 * "this answer has expired, run the command again".
 */
export interface PageCacheOptions {
  readonly maxEntries?: number;
  readonly ttlMs?: number;
  /** The clock, injected for tests. */
  readonly now?: () => number;
}

export class PageCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: PageCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 500;
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** The value, refreshed as most recently used (a page being read stays), or undefined once expired. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    entry.expiresAt = this.now() + this.ttlMs;
    this.entries.set(key, entry);
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }
}
