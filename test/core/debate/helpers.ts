import { expect } from 'vitest';
import {
  startDebate,
  type Actor,
  type DebateEffect,
  type DebateSession,
  type Transition,
} from '../../../src/core/debate/index.js';

export const T0 = 1_700_000_000_000;
export const MOD: Actor = { id: 'mod', isModerator: true, displayName: 'Moderator' };
export const member = (id: string): Actor => ({ id, isModerator: false, displayName: id.toUpperCase() });

/** Unwrap a successful transition (fails the test with the code otherwise). */
export function ok(t: Transition): { session: DebateSession; effects: readonly DebateEffect[] } {
  if (!t.ok) expect.fail(`expected ok, got ${t.code}`);
  return t;
}

export function types(effects: readonly DebateEffect[]): string[] {
  return effects.map((e) => e.type);
}

export function newDebate(over: Partial<Parameters<typeof startDebate>[1]> = {}, now = T0): DebateSession {
  return ok(
    startDebate(
      undefined,
      { id: 'd1', guildId: 'g1', channelId: 'c1', motion: 'This house would ban homework', ...over },
      MOD,
      now,
    ),
  ).session;
}
