/** Format presets: the phases of a debate and the time each turn gets. */
import type { DebateFormat, Phase } from './types.js';

export const QUICK_TURN_SECONDS = 90;
export const QUICK_ROUNDS = 2;
/** Oxford defaults (Intelligence Squared style): a longer opening, shorter rebuttal and closing. */
export const OXFORD_SECONDS = { opening: 180, rebuttal: 120, closing: 90 } as const;
export const MIN_TURN_SECONDS = 15;
export const MAX_TURN_SECONDS = 1800;
export const MAX_ROUNDS = 10;

export type PhasesResult =
  { readonly ok: true; readonly phases: Phase[] } | { readonly ok: false; readonly reason: string };

function validSeconds(s: number | undefined): s is number {
  return typeof s === 'number' && Number.isInteger(s) && s >= MIN_TURN_SECONDS && s <= MAX_TURN_SECONDS;
}

export function phasesOf(format: DebateFormat): PhasesResult {
  switch (format.kind) {
    case 'quick':
      return {
        ok: true,
        phases: Array.from({ length: QUICK_ROUNDS }, (_, i) => ({
          label: `Round ${i + 1}`,
          turnSeconds: QUICK_TURN_SECONDS,
        })),
      };
    case 'oxford': {
      if (format.turnSeconds !== undefined && !validSeconds(format.turnSeconds)) {
        return {
          ok: false,
          reason: `turn_seconds must be a whole number from ${MIN_TURN_SECONDS} to ${MAX_TURN_SECONDS}`,
        };
      }
      const t = format.turnSeconds;
      return {
        ok: true,
        phases: [
          { label: 'Opening', turnSeconds: t ?? OXFORD_SECONDS.opening },
          { label: 'Rebuttal', turnSeconds: t ?? OXFORD_SECONDS.rebuttal },
          { label: 'Closing', turnSeconds: t ?? OXFORD_SECONDS.closing },
        ],
      };
    }
    case 'custom': {
      if (!validSeconds(format.turnSeconds)) {
        return {
          ok: false,
          reason: `turn_seconds must be a whole number from ${MIN_TURN_SECONDS} to ${MAX_TURN_SECONDS}`,
        };
      }
      if (!Number.isInteger(format.rounds) || format.rounds < 1 || format.rounds > MAX_ROUNDS) {
        return { ok: false, reason: `rounds must be a whole number from 1 to ${MAX_ROUNDS}` };
      }
      return {
        ok: true,
        phases: Array.from({ length: format.rounds }, (_, i) => ({
          label: `Round ${i + 1}`,
          turnSeconds: format.turnSeconds,
        })),
      };
    }
  }
}

/** The warning comes at 30 s left, or at half time for turns of a minute or less, so it is never at the start. */
export function warnThresholdMs(turnMs: number): number {
  return Math.min(30_000, Math.floor(turnMs / 2));
}
