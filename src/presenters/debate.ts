/**
 * Pure presenters for debates: the status message (one, edited in place), the lines announcing effects, the vote
 * result, the transcript as a View and as a Markdown document. Member names come from the session (captured at
 * join); unknown members are shown as Discord mentions, which the bot sends with allowed_mentions empty.
 */
import type { DebateEffect, DebateErrorCode, DebateSession, Side, Stance } from '../core/debate/types.js';
import { remainingMs } from '../core/debate/session.js';
import type { Transcript } from '../core/debate/transcript.js';
import { voteResult, type Tally, type VoteResult } from '../core/debate/votes.js';
import type { View, ViewItem, ViewSection } from './view.js';

export const SIDE_LABEL: Readonly<Record<Stance, string>> = {
  for: 'For',
  against: 'Against',
  undecided: 'Undecided',
};

export function memberName(session: Pick<DebateSession, 'names'>, id: string): string {
  return session.names[id] ?? `<@${id}>`;
}

/** "1:05", "0:09". */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const STATUS_LABEL: Readonly<Record<DebateSession['status'], string>> = {
  lobby: 'Waiting for debaters: join a side',
  'voting-before': 'Audience vote before the debate is open',
  running: 'Debate under way',
  paused: 'Paused by the moderator',
  'voting-after': 'Audience vote after the debate is open',
  ended: 'Debate ended',
};

function tallyLine(t: Tally): string {
  return `For ${t.percent.for}% · Against ${t.percent.against}% · Undecided ${t.percent.undecided}% (${t.total} vote${t.total === 1 ? '' : 's'})`;
}

/** The one status message: motion, sides, the floor and time left, votes. */
export function debateStatusView(session: DebateSession, now: number): View {
  const side = (s: Side): ViewSection => ({
    title: `${SIDE_LABEL[s]} (${session.sides[s].length})`,
    items:
      session.sides[s].length === 0
        ? [{ text: 'nobody yet' }]
        : session.sides[s].map((id) => ({
            text: `${memberName(session, id)}${session.barred.includes(id) ? ' (lost the floor)' : ''}`,
          })),
  });
  const sections: ViewSection[] = [side('for'), side('against')];
  const turn = session.turn;
  if (turn) {
    const left = remainingMs(session, now) ?? 0;
    sections.push({
      title: 'Floor',
      items: [
        {
          heading: `${turn.phase}, ${SIDE_LABEL[turn.side]}`,
          text: `${memberName(session, turn.speakerId)} has the floor: ${clock(left)} left${session.status === 'paused' ? ' (paused)' : ''}. Turn ${turn.index + 1} of ${session.plan.length}.`,
        },
      ],
    });
  }
  const votes = voteResult(session.votes);
  const voteItems: ViewItem[] = [];
  if (votes.before)
    voteItems.push({
      heading: `Before${session.votes.before.state === 'open' ? ' (open)' : ''}`,
      text: tallyLine(votes.before),
    });
  if (votes.after)
    voteItems.push({
      heading: `After${session.votes.after.state === 'open' ? ' (open)' : ''}`,
      text: tallyLine(votes.after),
    });
  if (votes.swing && session.status === 'ended')
    voteItems.push({ heading: 'Result', text: swingLine(votes) });
  if (voteItems.length > 0) sections.push({ title: 'Audience vote', items: voteItems });
  return {
    title: `Debate: ${session.motion}`,
    intro: `${STATUS_LABEL[session.status]} · ${session.format.kind} format, ${session.phases.map((p) => p.label).join(', ')}`,
    sections,
    footer: `Debate ${session.id}`,
  };
}

export function swingLine(votes: VoteResult): string {
  const s = votes.swing;
  if (!s)
    return votes.before
      ? 'No swing: nobody voted after the debate.'
      : 'No swing: there was no vote before the debate.';
  const pts = (x: number) => `${x > 0 ? '+' : ''}${x} pts`;
  const verdict =
    s.winner === 'tie'
      ? 'A tie: both sides moved the room equally.'
      : `${SIDE_LABEL[s.winner]} wins, having changed more minds.`;
  return `Swing: For ${pts(s.for)}, Against ${pts(s.against)}. ${verdict}`;
}

/** One short line per effect the channel should see; null for effects that are not announced (floor, logging). */
export function effectText(session: DebateSession, effect: DebateEffect): string | null {
  const name = (id: string) => memberName(session, id);
  switch (effect.type) {
    case 'announce-turn':
      return `${effect.phase}: ${name(effect.speakerId)} (${SIDE_LABEL[effect.side]}) has the floor for ${clock(effect.durationMs)}.`;
    case 'warn':
      return `${name(effect.speakerId)}, ${clock(effect.remainingMs)} left.`;
    case 'turn-ended':
      return effect.reason === 'timeout'
        ? `Time is up for ${name(effect.speakerId)}.`
        : effect.reason === 'skipped'
          ? `The moderator moved on from ${name(effect.speakerId)}.`
          : null;
    case 'turns-complete':
      return 'All turns are done.';
    case 'paused':
      return `The debate is paused (${clock(effect.remainingMs)} left in this turn).`;
    case 'resumed':
      return 'The debate resumes.';
    case 'vote-opened':
      return effect.which === 'before'
        ? 'The audience vote before the debate is open: For, Against or Undecided.'
        : 'The audience vote after the debate is open: has your mind changed?';
    case 'vote-closed':
      return `The ${effect.which === 'before' ? 'before' : 'after'} vote is closed.`;
    case 'civility':
      return effect.level === 'nudge'
        ? `${name(effect.memberId)}, please keep it civil: argue with the point, not the person.`
        : effect.level === 'warning'
          ? `${name(effect.memberId)}, this is a warning: one more and you lose the floor for the rest of the debate.`
          : `${name(effect.memberId)} has lost the floor for the rest of the debate.`;
    case 'debate-ended':
      return 'The debate has ended.';
    default:
      return null;
  }
}

/** A moderator-log line for a `mod-log` effect. */
export function modLogText(
  session: DebateSession,
  effect: Extract<DebateEffect, { type: 'mod-log' }>,
): string {
  const who = effect.actorId ? memberName(session, effect.actorId) : 'the bot';
  const target = effect.memberId ? ` → ${memberName(session, effect.memberId)}` : '';
  return `[debate ${session.id} in <#${session.channelId}>] ${effect.action} by ${who}${target}${effect.detail ? `: ${effect.detail}` : ''}`;
}

const DEBATE_ERRORS: Readonly<Record<DebateErrorCode, (p: Readonly<Record<string, string>>) => string>> = {
  NOT_MODERATOR: () => 'Only a moderator (Manage Channels or the moderator role) can do that.',
  NOT_SPEAKER: () => 'Only the speaker holding the floor can do that.',
  NOT_RUNNING: () => 'No turn is running in this debate right now.',
  NOT_PAUSED: () => 'The debate is not paused.',
  ALREADY_JOINED: (p) =>
    p.side === 'spectate' ? 'You are already spectating.' : `You are already on the ${p.side ?? ''} side.`,
  NOT_JOINED: () => 'You have not joined this debate.',
  SIDE_FULL: (p) => `The ${p.side ?? ''} side is full (at most ${p.max ?? '?'}).`,
  SIDE_LOCKED: (p) => `The turns have begun: you stay on the ${p.side ?? ''} side.`,
  FLOOR_REVOKED: () => 'You lost the floor for the rest of this debate.',
  VOTE_CLOSED: (p) => `The ${p.which ?? ''} vote is not open.`,
  VOTE_NOT_AVAILABLE: (p) =>
    p.which === 'before'
      ? 'The before vote can only open before the turns begin.'
      : 'The after vote opens once the turns are under way.',
  DEBATE_EXISTS: (p) =>
    `This channel already has a debate running${p.motion ? ` ("${p.motion}")` : ''}; end it first.`,
  DEBATE_ENDED: () => 'This debate has ended.',
  WRONG_STATE: (p) => `That cannot be done now${p.status ? ` (the debate is ${p.status})` : ''}.`,
  NEED_DEBATERS: (p) => `The ${p.side ?? ''} side needs at least one debater first.`,
  INVALID_MOTION: (p) => `The motion must be 3 to ${p.max ?? '300'} characters.`,
  INVALID_FORMAT: (p) => `That format does not work: ${p.reason ?? 'check turn_seconds and rounds'}.`,
  INVALID_TEXT: (p) => `An argument must be 1 to ${p.max ?? '4000'} characters.`,
};

export function debateErrorText(error: {
  readonly code: DebateErrorCode;
  readonly params?: Readonly<Record<string, string>>;
}): string {
  return DEBATE_ERRORS[error.code](error.params ?? {});
}

/** The transcript as a View (posted at the end; `/debate transcript` shows it again). */
export function transcriptView(t: Transcript): View {
  const sections: ViewSection[] = [
    {
      title: 'Speakers',
      items: (['for', 'against'] as const).map((s) => ({
        heading: SIDE_LABEL[s],
        text:
          t.speakers[s].map((x) => `${x.name}${x.lostFloor ? ' (lost the floor)' : ''}`).join(', ') ||
          'nobody',
      })),
    },
    {
      title: 'Turns',
      items: t.turns.map((turn) => ({
        heading: `${turn.phase} · ${SIDE_LABEL[turn.side]} · ${turn.speaker.name}`,
        text:
          turn.mainPoints.length > 0
            ? turn.mainPoints.join(' ')
            : turn.flagged > 0
              ? '(arguments held back for incivility)'
              : '(no written arguments)',
      })),
    },
  ];
  const votes: ViewItem[] = [];
  if (t.votes.before) votes.push({ heading: 'Before', text: tallyLine(t.votes.before) });
  if (t.votes.after) votes.push({ heading: 'After', text: tallyLine(t.votes.after) });
  votes.push({ heading: 'Result', text: swingLine(t.votes) });
  sections.push({ title: 'Audience vote', items: votes });
  return {
    title: `Transcript: ${t.motion}`,
    intro: `${t.format} format · ${t.turns.length} turns`,
    sections,
    footer: `Debate ${t.id}`,
  };
}

function isoMinute(ms: number | null): string {
  return ms === null ? 'not started' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** Markdown text escaped so a debater's words cannot break the document's structure. */
function md(text: string): string {
  return text.replace(/([\\`*_#|<>[\]])/g, '\\$1');
}

/** The transcript as a Markdown document (the attachment of `/debate transcript`). */
export function transcriptMarkdown(t: Transcript): string {
  const out: string[] = [
    `# Debate: ${md(t.motion)}`,
    '',
    `- Format: ${t.format}`,
    `- Started: ${isoMinute(t.startedAt)}`,
    `- Ended: ${isoMinute(t.endedAt)}`,
    `- Debate id: ${t.id}`,
    '',
  ];
  out.push('## Speakers', '');
  for (const s of ['for', 'against'] as const) {
    out.push(
      `- **${SIDE_LABEL[s]}**: ${t.speakers[s].map((x) => md(x.name) + (x.lostFloor ? ' (lost the floor)' : '')).join(', ') || 'nobody'}`,
    );
  }
  out.push('', '## Turns', '');
  for (const turn of t.turns) {
    out.push(`### ${turn.index + 1}. ${turn.phase}: ${SIDE_LABEL[turn.side]}, ${md(turn.speaker.name)}`, '');
    if (turn.mainPoints.length > 0) {
      out.push('Main points:', '', ...turn.mainPoints.map((p) => `- ${md(p)}`), '');
    }
    if (turn.arguments.length > 0) {
      out.push('Arguments:', '', ...turn.arguments.map((a) => `> ${md(a).replace(/\n/g, '\n> ')}`), '');
    } else {
      out.push('_No written arguments._', '');
    }
    if (turn.flagged > 0)
      out.push(`_${turn.flagged} text${turn.flagged === 1 ? '' : 's'} held back for incivility._`, '');
    for (const c of turn.counterpoints)
      out.push(
        `Counterpoint offered to the ${SIDE_LABEL[c.againstSide]} side: ${md(c.text)}${c.source ? ` (${md(c.source)})` : ''}`,
        '',
      );
    if (turn.endReason) out.push(`_Turn ended: ${turn.endReason}._`, '');
  }
  out.push('## Audience vote', '');
  if (t.votes.before) out.push(`- Before: ${tallyLine(t.votes.before)}`);
  if (t.votes.after) out.push(`- After: ${tallyLine(t.votes.after)}`);
  out.push(`- ${swingLine(t.votes)}`, '');
  if (t.moderation.length > 0) {
    out.push(
      '## Moderation',
      '',
      ...t.moderation.map(
        (m) => `- ${isoMinute(m.at)}: ${m.what}${m.memberName ? ` (${md(m.memberName)})` : ''}`,
      ),
      '',
    );
  }
  return out.join('\n');
}
