/**
 * Debate transitions: pure functions from (session, input, now) to a new session and effects. No clock, no I/O.
 * Each successful change bumps `version` so a save made from a stale copy is refused by the repository.
 */
import { checkCivility } from './civility.js';
import { phasesOf, warnThresholdMs } from './format.js';
import type {
  Actor,
  CivilityLevel,
  DebateEffect,
  DebateErrorCode,
  DebateFormat,
  DebateSession,
  DebateSettings,
  Side,
  Stance,
  Transition,
  TurnEndReason,
  VoteWhich,
} from './types.js';

export const MAX_MOTION_CHARS = 300;
export const MAX_ARGUMENT_CHARS = 4000;
/** Offences before the member loses the floor for the rest of the debate. */
export const STRIKES_TO_REVOKE = 3;

const SIDES: readonly Side[] = ['for', 'against'];

function fail(code: DebateErrorCode, params?: Record<string, string>): Transition {
  return params ? { ok: false, code, params } : { ok: false, code };
}

/** Work on a deep copy (the session is plain JSON) and hand it back with a new version. */
function change(session: DebateSession, fn: (s: DebateSession, effects: DebateEffect[]) => void): Transition {
  const s = structuredClone(session);
  const effects: DebateEffect[] = [];
  fn(s, effects);
  s.version = session.version + 1;
  return { ok: true, session: s, effects };
}

export function isActive(session: DebateSession | undefined | null): session is DebateSession {
  return !!session && session.status !== 'ended';
}

export function sideOf(session: DebateSession, memberId: string): Side | null {
  for (const side of SIDES) if (session.sides[side].includes(memberId)) return side;
  return null;
}

function eligible(session: DebateSession, side: Side): string[] {
  return session.sides[side].filter((m) => !session.barred.includes(m));
}

export interface StartInput {
  /** Chosen by the caller (e.g. the interaction id): the core makes no random numbers. */
  readonly id: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly motion: string;
  readonly format?: DebateFormat;
  readonly settings?: Partial<DebateSettings>;
}

/** `existing` is whatever the store holds for the channel: one live debate per channel. */
export function startDebate(
  existing: DebateSession | undefined | null,
  input: StartInput,
  actor: Actor,
  now: number,
): Transition {
  if (!actor.isModerator) return fail('NOT_MODERATOR');
  if (isActive(existing)) return fail('DEBATE_EXISTS', { motion: existing.motion });
  const motion = input.motion.replace(/\s+/g, ' ').trim();
  if (motion.length < 3 || motion.length > MAX_MOTION_CHARS)
    return fail('INVALID_MOTION', { max: String(MAX_MOTION_CHARS) });
  const format = input.format ?? { kind: 'quick' };
  const phases = phasesOf(format);
  if (!phases.ok) return fail('INVALID_FORMAT', { reason: phases.reason });
  const session: DebateSession = {
    id: input.id,
    guildId: input.guildId,
    channelId: input.channelId,
    motion,
    format,
    phases: phases.phases,
    moderatorId: actor.id,
    createdAt: now,
    startedAt: null,
    endedAt: null,
    status: 'lobby',
    sides: { for: [], against: [] },
    spectators: [],
    names: actor.displayName ? { [actor.id]: actor.displayName } : {},
    barred: [],
    plan: [],
    sideTurns: { for: 0, against: 0 },
    turn: null,
    turnIndex: -1,
    votes: { before: { state: 'not-opened', ballots: {} }, after: { state: 'not-opened', ballots: {} } },
    strikes: {},
    transcript: [{ kind: 'moderator', at: now, actorId: actor.id, action: 'start' }],
    statusMessageId: null,
    settings: {
      offerCounterpoints: input.settings?.offerCounterpoints ?? false,
      maxPerSide: input.settings?.maxPerSide ?? null,
    },
    version: 0,
  };
  return {
    ok: true,
    session,
    effects: [
      { type: 'update-status' },
      { type: 'mod-log', action: 'start', actorId: actor.id, detail: motion },
    ],
  };
}

/**
 * Join a side or spectate. Switching sides is free until the turns begin; after that a debater stays on their
 * side (a late joiner may still take a side they never left). Members who lost the floor cannot rejoin a side.
 */
export function join(
  session: DebateSession,
  actor: Actor,
  choice: Side | 'spectate',
  _now: number,
): Transition {
  if (session.status === 'ended') return fail('DEBATE_ENDED');
  const current = sideOf(session, actor.id);
  if (choice === 'spectate') {
    if (session.spectators.includes(actor.id)) return fail('ALREADY_JOINED', { side: 'spectate' });
  } else {
    if (session.barred.includes(actor.id)) return fail('FLOOR_REVOKED');
    if (current === choice) return fail('ALREADY_JOINED', { side: choice });
    const cap = session.settings.maxPerSide;
    if (cap !== null && eligible(session, choice).length >= cap)
      return fail('SIDE_FULL', { side: choice, max: String(cap) });
  }
  const started = session.plan.length > 0;
  if (started && current !== null) return fail('SIDE_LOCKED', { side: current });
  return change(session, (s, effects) => {
    if (actor.displayName) s.names[actor.id] = actor.displayName;
    s.spectators = s.spectators.filter((m) => m !== actor.id);
    for (const side of SIDES) s.sides[side] = s.sides[side].filter((m) => m !== actor.id);
    if (choice === 'spectate') s.spectators.push(actor.id);
    else s.sides[choice].push(actor.id);
    effects.push({ type: 'update-status' });
  });
}

export function leave(session: DebateSession, actor: Actor, now: number): Transition {
  if (session.status === 'ended') return fail('DEBATE_ENDED');
  if (sideOf(session, actor.id) === null && !session.spectators.includes(actor.id)) return fail('NOT_JOINED');
  return change(session, (s, effects) => {
    s.spectators = s.spectators.filter((m) => m !== actor.id);
    for (const side of SIDES) s.sides[side] = s.sides[side].filter((m) => m !== actor.id);
    if (s.turn && s.turn.speakerId === actor.id && (s.status === 'running' || s.status === 'paused')) {
      endTurn(s, now, 'left', effects);
      s.status = 'running';
      advance(s, now, effects);
    }
    effects.push({ type: 'update-status' });
  });
}

export function openVote(session: DebateSession, actor: Actor, which: VoteWhich, now: number): Transition {
  if (!actor.isModerator) return fail('NOT_MODERATOR');
  if (session.status === 'ended') return fail('DEBATE_ENDED');
  const poll = session.votes[which];
  if (poll.state !== 'not-opened')
    return fail(poll.state === 'open' ? 'WRONG_STATE' : 'VOTE_CLOSED', { which });
  if (which === 'before' && session.status !== 'lobby') return fail('VOTE_NOT_AVAILABLE', { which });
  if (which === 'after' && session.status !== 'running' && session.status !== 'paused')
    return fail('VOTE_NOT_AVAILABLE', { which });
  return change(session, (s, effects) => {
    if (which === 'after' && s.turn) {
      endTurn(s, now, 'vote', effects);
      s.turn = null;
    }
    s.votes[which].state = 'open';
    s.status = which === 'before' ? 'voting-before' : 'voting-after';
    s.transcript.push({ kind: 'moderator', at: now, actorId: actor.id, action: `open-vote-${which}` });
    effects.push({ type: 'vote-opened', which }, { type: 'update-status' });
  });
}

/** One vote per member, changeable until that vote closes. Anyone in the channel may vote. */
export function castVote(
  session: DebateSession,
  memberId: string,
  which: VoteWhich,
  stance: Stance,
  _now: number,
): Transition {
  if (session.votes[which].state !== 'open') return fail('VOTE_CLOSED', { which });
  if (session.votes[which].ballots[memberId] === stance) return { ok: true, session, effects: [] };
  return change(session, (s, effects) => {
    s.votes[which].ballots[memberId] = stance;
    effects.push({ type: 'update-status' });
  });
}

export function closeVote(session: DebateSession, actor: Actor, which: VoteWhich, now: number): Transition {
  if (!actor.isModerator) return fail('NOT_MODERATOR');
  if (session.votes[which].state !== 'open') return fail('VOTE_CLOSED', { which });
  return change(session, (s, effects) => {
    closePoll(s, which, effects);
    if (which === 'before') s.status = 'lobby';
    s.transcript.push({ kind: 'moderator', at: now, actorId: actor.id, action: `close-vote-${which}` });
    effects.push({ type: 'update-status' });
  });
}

function closePoll(s: DebateSession, which: VoteWhich, effects: DebateEffect[]): void {
  if (s.votes[which].state !== 'open') return;
  s.votes[which].state = 'closed';
  effects.push({ type: 'vote-closed', which });
}

/** Start the turns: closes the before-vote if open, fixes the turn order, gives the floor to the first speaker. */
export function beginTurns(session: DebateSession, actor: Actor, now: number): Transition {
  if (!actor.isModerator) return fail('NOT_MODERATOR');
  if (session.status !== 'lobby' && session.status !== 'voting-before')
    return fail('WRONG_STATE', { status: session.status });
  for (const side of SIDES) if (eligible(session, side).length === 0) return fail('NEED_DEBATERS', { side });
  return change(session, (s, effects) => {
    closePoll(s, 'before', effects);
    s.plan = s.phases.flatMap((_, phase) => SIDES.map((side) => ({ phase, side })));
    s.startedAt = now;
    s.status = 'running';
    s.transcript.push({ kind: 'moderator', at: now, actorId: actor.id, action: 'begin' });
    advance(s, now, effects);
  });
}

/** The speaker holding the floor gives it up early. */
export function yieldTurn(session: DebateSession, memberId: string, now: number): Transition {
  if (session.status !== 'running' || !session.turn) return fail('NOT_RUNNING');
  if (session.turn.speakerId !== memberId) return fail('NOT_SPEAKER');
  return change(session, (s, effects) => {
    endTurn(s, now, 'yield', effects);
    advance(s, now, effects);
  });
}

/** Moderator skip: ends the current turn and moves on. */
export function nextTurn(session: DebateSession, actor: Actor, now: number): Transition {
  if (!actor.isModerator) return fail('NOT_MODERATOR');
  if (session.status !== 'running' || !session.turn) return fail('NOT_RUNNING');
  return change(session, (s, effects) => {
    s.transcript.push({
      kind: 'moderator',
      at: now,
      actorId: actor.id,
      action: 'skip',
      memberId: session.turn?.speakerId ?? '',
    });
    effects.push({
      type: 'mod-log',
      action: 'skip',
      actorId: actor.id,
      memberId: session.turn?.speakerId ?? '',
    });
    endTurn(s, now, 'skipped', effects);
    advance(s, now, effects);
  });
}

export function pause(session: DebateSession, actor: Actor, now: number): Transition {
  if (!actor.isModerator) return fail('NOT_MODERATOR');
  if (session.status !== 'running' || !session.turn) return fail('NOT_RUNNING');
  return change(session, (s, effects) => {
    const turn = s.turn;
    if (!turn) return;
    turn.pausedRemainingMs = Math.max(0, turn.deadline - now);
    s.status = 'paused';
    s.transcript.push({ kind: 'moderator', at: now, actorId: actor.id, action: 'pause' });
    effects.push(
      { type: 'remove-floor', memberId: turn.speakerId },
      { type: 'paused', remainingMs: turn.pausedRemainingMs },
      { type: 'update-status' },
    );
  });
}

/** The deadline moves to now + the time the speaker still had. */
export function resume(session: DebateSession, actor: Actor, now: number): Transition {
  if (!actor.isModerator) return fail('NOT_MODERATOR');
  if (session.status !== 'paused' || !session.turn) return fail('NOT_PAUSED');
  return change(session, (s, effects) => {
    const turn = s.turn;
    if (!turn) return;
    turn.deadline = now + (turn.pausedRemainingMs ?? 0);
    delete turn.pausedRemainingMs;
    s.status = 'running';
    s.transcript.push({ kind: 'moderator', at: now, actorId: actor.id, action: 'resume' });
    effects.push(
      { type: 'grant-floor', memberId: turn.speakerId },
      { type: 'resumed', deadline: turn.deadline },
      { type: 'update-status' },
    );
  });
}

/**
 * The timer. Safe to call at any time and any number of times: it warns once per turn when the time left drops
 * to the threshold and moves on at zero. Nothing to do → the same session back (same version), no effects.
 * After a restart, calling it with the new `now` resumes the stored turn with whatever time is left.
 */
export function tick(session: DebateSession, now: number): Transition {
  const turn = session.turn;
  if (session.status !== 'running' || !turn) return { ok: true, session, effects: [] };
  const remaining = turn.deadline - now;
  if (remaining <= 0) {
    return change(session, (s, effects) => {
      endTurn(s, now, 'timeout', effects);
      advance(s, now, effects);
    });
  }
  const durationMs = (session.phases[session.plan[turn.index]?.phase ?? 0]?.turnSeconds ?? 0) * 1000;
  if (!turn.warned && remaining <= warnThresholdMs(durationMs)) {
    return change(session, (s, effects) => {
      if (s.turn) s.turn.warned = true;
      effects.push(
        { type: 'warn', speakerId: turn.speakerId, remainingMs: remaining },
        { type: 'update-status' },
      );
    });
  }
  return { ok: true, session, effects: [] };
}

/** When the Discord layer should call `tick` next (the warning or the deadline), or null when no timer runs. */
export function nextWakeAt(session: DebateSession): number | null {
  const turn = session.turn;
  if (session.status !== 'running' || !turn) return null;
  if (turn.warned) return turn.deadline;
  const durationMs = (session.phases[session.plan[turn.index]?.phase ?? 0]?.turnSeconds ?? 0) * 1000;
  return turn.deadline - warnThresholdMs(durationMs);
}

export function endDebate(session: DebateSession, actor: Actor, now: number): Transition {
  if (!actor.isModerator) return fail('NOT_MODERATOR');
  if (session.status === 'ended') return fail('DEBATE_ENDED');
  return change(session, (s, effects) => {
    if (s.turn) endTurn(s, now, 'ended', effects);
    s.turn = null;
    closePoll(s, 'before', effects);
    closePoll(s, 'after', effects);
    s.status = 'ended';
    s.endedAt = now;
    s.transcript.push({ kind: 'moderator', at: now, actorId: actor.id, action: 'end' });
    effects.push(
      { type: 'mod-log', action: 'end', actorId: actor.id },
      { type: 'debate-ended' },
      { type: 'update-status' },
    );
  });
}

/** `/debate argue`: only the speaker holding the floor; the text goes through the civility check first. */
export function argue(session: DebateSession, memberId: string, text: string, now: number): Transition {
  if (session.status !== 'running' || !session.turn) return fail('NOT_RUNNING');
  if (session.turn.speakerId !== memberId) return fail('NOT_SPEAKER');
  const clean = text.trim();
  if (clean.length === 0 || clean.length > MAX_ARGUMENT_CHARS)
    return fail('INVALID_TEXT', { max: String(MAX_ARGUMENT_CHARS) });
  const turn = session.turn;
  return change(session, (s, effects) => {
    const level = civility(s, memberId, clean, now, effects);
    if (level === 'floor-revoked') return;
    s.transcript.push({
      kind: 'argument',
      at: now,
      turn: turn.index,
      memberId,
      side: turn.side,
      text: clean,
      flagged: level !== null,
    });
    effects.push({ type: 'argument-recorded', memberId, turn: turn.index });
  });
}

/**
 * A channel message the bot could read (Message Content intent granted) that was allowed to stay: debaters'
 * messages go into the transcript and through the civility check; anyone else's are not recorded.
 */
export function recordMessage(
  session: DebateSession,
  memberId: string,
  text: string,
  now: number,
): Transition {
  const side = sideOf(session, memberId);
  const clean = text.trim();
  if (side === null || clean.length === 0 || session.status === 'ended')
    return { ok: true, session, effects: [] };
  return change(session, (s, effects) => {
    const level = civility(s, memberId, clean, now, effects);
    const turn = s.turn && s.turn.speakerId === memberId ? s.turn.index : null;
    s.transcript.push({
      kind: 'message',
      at: now,
      turn,
      memberId,
      side,
      text: clean,
      flagged: level !== null,
    });
  });
}

/** Record the corpus counterpoint the Discord layer posted after an `offer-counterpoint` effect. */
export function recordCounterpoint(
  session: DebateSession,
  againstSide: Side,
  text: string,
  source: string | undefined,
  now: number,
): Transition {
  if (session.status === 'ended') return fail('DEBATE_ENDED');
  return change(session, (s) => {
    s.transcript.push({
      kind: 'counterpoint',
      at: now,
      turn: s.turnIndex,
      againstSide,
      text,
      ...(source ? { source } : {}),
    });
  });
}

export function setStatusMessage(session: DebateSession, messageId: string | null): Transition {
  if (session.statusMessageId === messageId) return { ok: true, session, effects: [] };
  return change(session, (s) => {
    s.statusMessageId = messageId;
  });
}

export type PostDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'NOT_SPEAKER' | 'PAUSED'; readonly speakerId: string | null };

/**
 * The out-of-turn rule: while turns run only the speaker holding the floor may post; while paused nobody may;
 * moderators always may; in the lobby, during votes and after the end the channel is open.
 */
export function mayPost(
  session: DebateSession | undefined | null,
  memberId: string,
  isModerator: boolean,
): PostDecision {
  if (!session || isModerator) return { allowed: true };
  if (session.status === 'paused')
    return { allowed: false, reason: 'PAUSED', speakerId: session.turn?.speakerId ?? null };
  if (session.status !== 'running' || !session.turn) return { allowed: true };
  if (session.turn.speakerId === memberId) return { allowed: true };
  return { allowed: false, reason: 'NOT_SPEAKER', speakerId: session.turn.speakerId };
}

/** The time the current speaker has left (frozen while paused), or null without a turn. */
export function remainingMs(session: DebateSession, now: number): number | null {
  const turn = session.turn;
  if (!turn) return null;
  if (turn.pausedRemainingMs !== undefined) return turn.pausedRemainingMs;
  return Math.max(0, turn.deadline - now);
}

// ---- internals (mutate the working copy) ----

/** Civility escalation on text from a member: returns the level reached, or null when the text is civil. */
function civility(
  s: DebateSession,
  memberId: string,
  text: string,
  now: number,
  effects: DebateEffect[],
): CivilityLevel | null {
  const verdict = checkCivility(text);
  if (verdict.civil) return null;
  const strikes = (s.strikes[memberId] ?? 0) + 1;
  s.strikes[memberId] = strikes;
  const level: CivilityLevel =
    strikes >= STRIKES_TO_REVOKE ? 'floor-revoked' : strikes === 2 ? 'warning' : 'nudge';
  const categories = [...new Set(verdict.hits.map((h) => h.category))];
  s.transcript.push({ kind: 'civility', at: now, memberId, level, categories });
  effects.push({ type: 'civility', memberId, level, categories });
  effects.push({
    type: 'mod-log',
    action: `civility-${level}`,
    actorId: null,
    memberId,
    detail: categories.join(', '),
  });
  if (level === 'floor-revoked' && !s.barred.includes(memberId)) {
    s.barred.push(memberId);
    if (s.turn && s.turn.speakerId === memberId && (s.status === 'running' || s.status === 'paused')) {
      endTurn(s, now, 'floor-revoked', effects);
      s.status = 'running';
      advance(s, now, effects);
    }
  }
  return level;
}

function endTurn(s: DebateSession, now: number, reason: TurnEndReason, effects: DebateEffect[]): void {
  const turn = s.turn;
  if (!turn) return;
  s.transcript.push({
    kind: 'turn-end',
    at: now,
    turn: turn.index,
    speakerId: turn.speakerId,
    side: turn.side,
    reason,
  });
  effects.push({ type: 'turn-ended', turn: turn.index, speakerId: turn.speakerId, side: turn.side, reason });
  effects.push({ type: 'remove-floor', memberId: turn.speakerId });
  s.turn = null;
}

/** Start the next turn in the plan whose side still has a speaker; when none is left, open the after-vote. */
function advance(s: DebateSession, now: number, effects: DebateEffect[]): void {
  const previous = [...s.transcript].reverse().find((e) => e.kind === 'turn-end');
  for (let i = s.turnIndex + 1; i < s.plan.length; i++) {
    const slot = s.plan[i];
    if (!slot) continue;
    const speakers = eligible(s, slot.side);
    if (speakers.length === 0) continue;
    const speakerId = speakers[s.sideTurns[slot.side] % speakers.length] ?? speakers[0] ?? '';
    s.sideTurns[slot.side] += 1;
    const phase = s.phases[slot.phase];
    const durationMs = (phase?.turnSeconds ?? 0) * 1000;
    s.turnIndex = i;
    s.turn = {
      index: i,
      speakerId,
      side: slot.side,
      phase: phase?.label ?? '',
      startedAt: now,
      deadline: now + durationMs,
      warned: false,
    };
    s.transcript.push({
      kind: 'turn-start',
      at: now,
      turn: i,
      speakerId,
      side: slot.side,
      phase: phase?.label ?? '',
    });
    effects.push({
      type: 'announce-turn',
      turn: i,
      speakerId,
      side: slot.side,
      phase: phase?.label ?? '',
      deadline: now + durationMs,
      durationMs,
    });
    effects.push({ type: 'grant-floor', memberId: speakerId });
    if (s.settings.offerCounterpoints && previous && previous.kind === 'turn-end') {
      effects.push({
        type: 'offer-counterpoint',
        againstSide: previous.side,
        previousSpeakerId: previous.speakerId,
        turn: i,
      });
    }
    effects.push({ type: 'update-status' });
    return;
  }
  s.turn = null;
  s.turnIndex = s.plan.length;
  s.status = 'voting-after';
  s.votes.after.state = 'open';
  effects.push(
    { type: 'turns-complete' },
    { type: 'vote-opened', which: 'after' },
    { type: 'update-status' },
  );
}
