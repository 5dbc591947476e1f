/**
 * Debate sessions in the store: the live session per channel, every ended debate by id (for /debate transcript),
 * and the index of live debates (for resuming timers after a restart). Saves check the session's version so a
 * change computed from a stale copy is refused instead of silently overwriting a newer one.
 */
import { isActive, type DebateSession, type Transition } from '../core/debate/index.js';
import { DEBATE_INDEX_NS, GUILDS_KEY, KEEP, type Store } from './store.js';

const LIVE_NS = 'debate';
const BY_ID_NS = 'debate-by-id';
const HISTORY_NS = 'debate-history';
const HISTORY_LIMIT = 50;

export type SaveResult = { readonly ok: true; readonly session: DebateSession } | { readonly ok: false; readonly code: 'VERSION_CONFLICT'; readonly stored: number | null };

/** A transition that failed, or one whose save lost to a concurrent change more times than we retry. */
export type ApplyResult = Transition | { readonly ok: false; readonly code: 'VERSION_CONFLICT' };

export class DebateRepository {
  constructor(private readonly store: Store) {}

  private liveKey(guildId: string, channelId: string): string {
    return `${guildId}:${channelId}`;
  }

  /** The channel's session: the live one, or the last ended one until a new debate starts there. */
  getByChannel(guildId: string, channelId: string): Promise<DebateSession | undefined> {
    return this.store.get<DebateSession>(LIVE_NS, this.liveKey(guildId, channelId));
  }

  getById(id: string): Promise<DebateSession | undefined> {
    return this.store.get<DebateSession>(BY_ID_NS, id);
  }

  /** Ended debates of a guild, newest first (ids). */
  async history(guildId: string): Promise<string[]> {
    return [...(await this.store.indexList(HISTORY_NS, guildId))].reverse();
  }

  /**
   * Save `session` if what the store holds is the version it was computed from (`session.version - 1`), or
   * nothing/an ended debate when this is a new session (version 0).
   */
  async save(session: DebateSession): Promise<SaveResult> {
    let stored: number | null = null;
    const out = await this.store.update<DebateSession>(LIVE_NS, this.liveKey(session.guildId, session.channelId), (current) => {
      stored = current?.version ?? null;
      const accept =
        session.version === 0
          ? !current || (current.status === 'ended' && current.id !== session.id) // a new debate in a free channel
          : !!current && current.id === session.id && current.version === session.version - 1;
      if (!accept) return KEEP;
      return session;
    });
    if (!out.ok || !out.changed) return { ok: false, code: 'VERSION_CONFLICT', stored };
    await this.afterSave(session);
    return { ok: true, session };
  }

  /**
   * Run a transition on the channel's session and save the result, atomically per channel: inside the store's
   * optimistic update, so concurrent interactions (twenty votes at once) queue up in this process and a change
   * from another process makes the transition run again on the fresh session.
   * `transition` receives undefined when the channel has no session (only startDebate accepts that).
   */
  async apply(guildId: string, channelId: string, transition: (current: DebateSession | undefined) => Transition): Promise<ApplyResult> {
    const box: { result?: ApplyResult } = {};
    const out = await this.store.update<DebateSession>(LIVE_NS, this.liveKey(guildId, channelId), (current) => {
      const result = transition(current);
      box.result = result;
      if (!result.ok || (current && result.session === current)) return KEEP; // refused, or nothing changed
      const next = result.session;
      const accept =
        next.version === 0
          ? !current || (current.status === 'ended' && current.id !== next.id)
          : !!current && current.id === next.id && current.version === next.version - 1;
      if (!accept) {
        box.result = { ok: false, code: 'VERSION_CONFLICT' };
        return KEEP;
      }
      return next;
    });
    const result = box.result;
    if (!out.ok || !result) return { ok: false, code: 'VERSION_CONFLICT' };
    if (result.ok && out.changed) await this.afterSave(result.session);
    return result;
  }

  /** Keep the live index and the history in step with the saved session. */
  private async afterSave(session: DebateSession): Promise<void> {
    if (session.status !== 'ended') {
      await this.store.indexAdd(DEBATE_INDEX_NS, GUILDS_KEY, session.guildId);
      await this.store.indexAdd(DEBATE_INDEX_NS, session.guildId, session.channelId);
    } else {
      await this.store.set(BY_ID_NS, session.id, session);
      await this.store.indexAdd(HISTORY_NS, session.guildId, session.id);
      const history = await this.store.indexList(HISTORY_NS, session.guildId);
      for (const old of history.slice(0, Math.max(0, history.length - HISTORY_LIMIT))) await this.store.indexRemove(HISTORY_NS, session.guildId, old);
      await this.store.indexRemove(DEBATE_INDEX_NS, session.guildId, session.channelId);
    }
  }

  /** Live debates, across guilds or in one: the Discord layer ticks each after a restart to resume its timer. */
  async listActive(guildId?: string): Promise<DebateSession[]> {
    const refs = await this.store.listDebates(guildId);
    const out: DebateSession[] = [];
    for (const ref of refs) {
      const s = await this.getByChannel(ref.guildId, ref.channelId);
      if (isActive(s)) out.push(s);
      else await this.store.indexRemove(DEBATE_INDEX_NS, ref.guildId, ref.channelId); // tidy a stale entry
    }
    return out;
  }
}
