import { describe, expect, it } from 'vitest';
import {
  argue,
  beginTurns,
  buildTranscript,
  castVote,
  endDebate,
  join,
  openVote,
  pause,
  startDebate,
  yieldTurn,
  type Actor,
  type DebateErrorCode,
  type DebateSession,
  type Transition,
} from '../../src/core/debate/index.js';
import {
  clock,
  debateErrorText,
  debateStatusView,
  effectText,
  transcriptMarkdown,
  transcriptView,
} from '../../src/presenters/debate.js';
import { renderText } from '../../src/presenters/view.js';

const T0 = 1_700_000_000_000;
const MOD: Actor = { id: 'mod', isModerator: true };
const ok = (t: Transition): DebateSession => {
  if (!t.ok) throw new Error(t.code);
  return t.session;
};

function debate(): DebateSession {
  let s = ok(
    startDebate(
      undefined,
      { id: 'd1', guildId: 'g', channelId: 'c', motion: 'Cities should *ban* cars' },
      MOD,
      T0,
    ),
  );
  s = ok(join(s, { id: 'a', isModerator: false, displayName: 'Ana' }, 'for', T0));
  s = ok(join(s, { id: 'b', isModerator: false }, 'against', T0));
  s = ok(openVote(s, MOD, 'before', T0));
  s = ok(castVote(s, 'v1', 'before', 'against', T0));
  s = ok(castVote(s, 'v2', 'before', 'undecided', T0));
  return ok(beginTurns(s, MOD, T0 + 1000));
}

describe('debate presenters', () => {
  it('GIVEN a running turn THEN the status view names the speaker and the time left, and shows the pause', () => {
    const s = debate();
    const text = renderText(debateStatusView(s, T0 + 1000 + 25_000));
    expect(text).toContain('Ana has the floor: 1:05 left');
    expect(text).toContain('<@b>'); // no display name known: a mention, sent without pings
    expect(text).toContain('For 0% · Against 50% · Undecided 50% (2 votes)');
    const paused = ok(pause(s, MOD, T0 + 1000 + 30_000));
    expect(renderText(debateStatusView(paused, T0 + 9_999_999))).toContain('1:00 left (paused)');
  });

  it('GIVEN an ended debate THEN the transcript (view and Markdown) has motion, speakers, points, votes and the swing', () => {
    let s = debate();
    s = ok(argue(s, 'a', 'Cars fill the streets. Buses move more people.', T0 + 2000));
    s = ok(yieldTurn(s, 'a', T0 + 3000));
    s = ok(argue(s, 'b', 'Deliveries need <roads> | trucks.', T0 + 4000));
    s = ok(
      endDebate(
        ok(castVote(ok(openVote(s, MOD, 'after', T0 + 5000)), 'v1', 'after', 'for', T0 + 6000)),
        MOD,
        T0 + 7000,
      ),
    );
    const t = buildTranscript(s);
    const view = renderText(transcriptView(t));
    expect(view).toContain('Cars fill the streets.');
    expect(view).toContain('For wins, having changed more minds.');
    const doc = transcriptMarkdown(t);
    expect(doc).toContain('# Debate: Cities should \\*ban\\* cars');
    expect(doc).toContain('- **For**: Ana');
    expect(doc).toContain('> Deliveries need \\<roads\\> \\| trucks.');
    expect(doc).toContain('Swing: For +100 pts, Against -50 pts.');
  });

  it('GIVEN every debate error code THEN each has its own words', () => {
    const codes: DebateErrorCode[] = [
      'NOT_MODERATOR',
      'NOT_SPEAKER',
      'NOT_RUNNING',
      'NOT_PAUSED',
      'ALREADY_JOINED',
      'NOT_JOINED',
      'SIDE_FULL',
      'SIDE_LOCKED',
      'FLOOR_REVOKED',
      'VOTE_CLOSED',
      'VOTE_NOT_AVAILABLE',
      'DEBATE_EXISTS',
      'DEBATE_ENDED',
      'WRONG_STATE',
      'NEED_DEBATERS',
      'INVALID_MOTION',
      'INVALID_FORMAT',
      'INVALID_TEXT',
    ];
    const texts = codes.map((code) => debateErrorText({ code }));
    expect(new Set(texts).size).toBe(codes.length);
  });

  it.each([
    [0, '0:00'],
    [999, '0:01'],
    [65_000, '1:05'],
    [600_000, '10:00'],
  ])('GIVEN %i ms THEN the clock reads %s', (ms, text) => {
    expect(clock(ms)).toBe(text);
  });

  it('GIVEN a warn effect THEN the line names the speaker and the time left', () => {
    expect(effectText(debate(), { type: 'warn', speakerId: 'a', remainingMs: 30_000 })).toBe(
      'Ana, 0:30 left.',
    );
    expect(effectText(debate(), { type: 'grant-floor', memberId: 'a' })).toBeNull();
  });
});
