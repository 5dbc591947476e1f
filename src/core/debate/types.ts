/**
 * The debate session model: plain JSON so the store can keep it and a restart loses nothing. Every transition
 * in `session.ts` takes the current time as `now` (ms since the epoch) and returns a new session plus effects,
 * data the Discord layer turns into messages, permission overwrites and log lines.
 */

export type Side = 'for' | 'against';
export type Stance = Side | 'undecided';
export type VoteWhich = 'before' | 'after';

export type DebateStatus = 'lobby' | 'voting-before' | 'running' | 'paused' | 'voting-after' | 'ended';

export type DebateFormat =
  | { readonly kind: 'quick' }
  | { readonly kind: 'oxford'; readonly turnSeconds?: number }
  | { readonly kind: 'custom'; readonly turnSeconds: number; readonly rounds: number };

/** One round of the format: each side speaks once in it, For first. */
export interface Phase {
  label: string;
  turnSeconds: number;
}

export interface Turn {
  /** Position in `plan`. */
  index: number;
  speakerId: string;
  side: Side;
  phase: string;
  startedAt: number;
  /** Absolute time the turn ends: a restart resumes from it. */
  deadline: number;
  /** Set while paused: the time the speaker still had. */
  pausedRemainingMs?: number;
  /** The 30-second warning has been given for this turn. */
  warned: boolean;
}

export interface Poll {
  state: 'not-opened' | 'open' | 'closed';
  ballots: Record<string, Stance>;
}

export type TurnEndReason = 'yield' | 'timeout' | 'skipped' | 'left' | 'floor-revoked' | 'ended' | 'vote';

export type CivilityLevel = 'nudge' | 'warning' | 'floor-revoked';

export type TranscriptEntry =
  | { kind: 'turn-start'; at: number; turn: number; speakerId: string; side: Side; phase: string }
  | { kind: 'turn-end'; at: number; turn: number; speakerId: string; side: Side; reason: TurnEndReason }
  | {
      kind: 'argument';
      at: number;
      turn: number;
      memberId: string;
      side: Side;
      text: string;
      flagged: boolean;
    }
  | {
      kind: 'message';
      at: number;
      turn: number | null;
      memberId: string;
      side: Side;
      text: string;
      flagged: boolean;
    }
  | { kind: 'moderator'; at: number; actorId: string; action: string; memberId?: string }
  | { kind: 'civility'; at: number; memberId: string; level: CivilityLevel; categories: string[] }
  | { kind: 'counterpoint'; at: number; turn: number; againstSide: Side; text: string; source?: string };

export interface DebateSettings {
  /** At each new turn, offer one corpus counterpoint to the previous speaker's side. */
  offerCounterpoints: boolean;
  /** At most this many members per side; null for no cap. */
  maxPerSide: number | null;
}

export interface DebateSession {
  id: string;
  guildId: string;
  channelId: string;
  motion: string;
  format: DebateFormat;
  phases: Phase[];
  moderatorId: string;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  status: DebateStatus;
  sides: Record<Side, string[]>;
  spectators: string[];
  /** Display names captured at join, for transcripts outside Discord. */
  names: Record<string, string>;
  /** Members who lost the floor for the rest of the debate (civility). */
  barred: string[];
  /** The turn order: one entry per turn, alternating For and Against within each phase. */
  plan: { phase: number; side: Side }[];
  /** How many turns each side has had: picks the next member of that side in rotation. */
  sideTurns: Record<Side, number>;
  turn: Turn | null;
  /** Index in `plan` of the last turn started (-1 before the first). */
  turnIndex: number;
  votes: Record<VoteWhich, Poll>;
  strikes: Record<string, number>;
  transcript: TranscriptEntry[];
  /** The one message the Discord layer edits with the status. */
  statusMessageId: string | null;
  settings: DebateSettings;
  /** Bumped by every change: the store refuses a save made from a stale copy. */
  version: number;
}

export interface Actor {
  readonly id: string;
  /** Computed by the Discord layer from the member's permissions (Manage Channels or a configured role). */
  readonly isModerator: boolean;
  readonly displayName?: string;
}

export type DebateErrorCode =
  | 'NOT_MODERATOR'
  | 'NOT_SPEAKER'
  | 'NOT_RUNNING'
  | 'NOT_PAUSED'
  | 'ALREADY_JOINED'
  | 'NOT_JOINED'
  | 'SIDE_FULL'
  | 'SIDE_LOCKED'
  | 'FLOOR_REVOKED'
  | 'VOTE_CLOSED'
  | 'VOTE_NOT_AVAILABLE'
  | 'DEBATE_EXISTS'
  | 'DEBATE_ENDED'
  | 'WRONG_STATE'
  | 'NEED_DEBATERS'
  | 'INVALID_MOTION'
  | 'INVALID_FORMAT'
  | 'INVALID_TEXT';

export type DebateEffect =
  | {
      type: 'announce-turn';
      turn: number;
      speakerId: string;
      side: Side;
      phase: string;
      deadline: number;
      durationMs: number;
    }
  | { type: 'grant-floor'; memberId: string }
  | { type: 'remove-floor'; memberId: string }
  | { type: 'warn'; speakerId: string; remainingMs: number }
  | { type: 'turn-ended'; turn: number; speakerId: string; side: Side; reason: TurnEndReason }
  | { type: 'offer-counterpoint'; againstSide: Side; previousSpeakerId: string; turn: number }
  | { type: 'turns-complete' }
  | { type: 'paused'; remainingMs: number }
  | { type: 'resumed'; deadline: number }
  | { type: 'vote-opened'; which: VoteWhich }
  | { type: 'vote-closed'; which: VoteWhich }
  | { type: 'argument-recorded'; memberId: string; turn: number }
  | { type: 'civility'; memberId: string; level: CivilityLevel; categories: string[] }
  | { type: 'mod-log'; action: string; actorId: string | null; memberId?: string; detail?: string }
  | { type: 'update-status' }
  | { type: 'debate-ended' };

export type Transition =
  | { readonly ok: true; readonly session: DebateSession; readonly effects: readonly DebateEffect[] }
  | {
      readonly ok: false;
      readonly code: DebateErrorCode;
      readonly params?: Readonly<Record<string, string>>;
    };
