import { describe, expect, it } from 'vitest';
import {
  argue,
  beginTurns,
  buildTranscript,
  castVote,
  closeVote,
  endDebate,
  join,
  leave,
  mayPost,
  nextTurn,
  nextWakeAt,
  openVote,
  pause,
  remainingMs,
  resume,
  startDebate,
  tick,
  yieldTurn,
  type DebateSession,
  type Transition,
} from '../../../src/core/debate/index.js';
import { MOD, T0, member, newDebate, ok, types } from './helpers.js';

const [ALICE, BOB, CAROL, DAVE, EVE] = ['alice', 'bob', 'carol', 'dave', 'eve'].map(member) as [
  ReturnType<typeof member>,
  ReturnType<typeof member>,
  ReturnType<typeof member>,
  ReturnType<typeof member>,
  ReturnType<typeof member>,
];

/** Lobby with alice+carol for, bob+dave against. */
function lobby(over: Parameters<typeof newDebate>[0] = {}): DebateSession {
  let s = newDebate(over);
  s = ok(join(s, ALICE, 'for', T0)).session;
  s = ok(join(s, BOB, 'against', T0)).session;
  s = ok(join(s, CAROL, 'for', T0)).session;
  s = ok(join(s, DAVE, 'against', T0)).session;
  return s;
}

describe('debate session: a whole quick debate', () => {
  it('GIVEN start → 2 join per side → vote before → turns on yield and timeout → pause/resume → vote after → end THEN the transcript has turns, arguments and the swing', () => {
    let s = lobby();
    expect(s.sides).toEqual({ for: ['alice', 'carol'], against: ['bob', 'dave'] });

    // Vote before: 4 audience members, one changes her mind before it closes.
    s = ok(openVote(s, MOD, 'before', T0)).session;
    expect(s.status).toBe('voting-before');
    for (const [id, stance] of [
      ['v1', 'for'],
      ['v2', 'against'],
      ['v3', 'undecided'],
      ['v4', 'undecided'],
      ['v1', 'against'],
    ] as const) {
      s = ok(castVote(s, id, 'before', stance, T0)).session;
    }
    s = ok(closeVote(s, MOD, 'before', T0)).session;
    expect(castVote(s, 'v5', 'before', 'for', T0)).toMatchObject({ ok: false, code: 'VOTE_CLOSED' });

    // Turns: quick = 2 rounds × 90 s, For first, rotating within a side.
    let r = ok(beginTurns(s, MOD, T0 + 1000));
    s = r.session;
    expect(s.status).toBe('running');
    expect(s.turn).toMatchObject({
      speakerId: 'alice',
      side: 'for',
      phase: 'Round 1',
      deadline: T0 + 1000 + 90_000,
    });
    expect(types(r.effects)).toContain('announce-turn');

    s = ok(argue(s, 'alice', 'Homework steals sleep from children. Rest matters more.', T0 + 5000)).session;
    r = ok(yieldTurn(s, 'alice', T0 + 10_000));
    s = r.session;
    expect(r.effects).toContainEqual(
      expect.objectContaining({ type: 'turn-ended', reason: 'yield', speakerId: 'alice' }),
    );
    expect(s.turn).toMatchObject({ speakerId: 'bob', side: 'against', deadline: T0 + 10_000 + 90_000 });

    // Warn at 30 s left, once; then move on at zero.
    expect(ok(tick(s, T0 + 10_000 + 59_000)).effects).toEqual([]);
    r = ok(tick(s, T0 + 10_000 + 60_000));
    s = r.session;
    expect(r.effects).toContainEqual({ type: 'warn', speakerId: 'bob', remainingMs: 30_000 });
    expect(types(ok(tick(s, T0 + 10_000 + 70_000)).effects)).not.toContain('warn');
    s = ok(argue(s, 'bob', 'Practice at home builds habits. Teachers see the gaps.', T0 + 80_000)).session;
    r = ok(tick(s, T0 + 10_000 + 90_000));
    s = r.session;
    expect(r.effects).toContainEqual(
      expect.objectContaining({ type: 'turn-ended', reason: 'timeout', speakerId: 'bob' }),
    );
    expect(s.turn).toMatchObject({ speakerId: 'carol', side: 'for', phase: 'Round 2' });

    // Pause keeps the remaining time; resume moves the deadline.
    // Carol's turn started at the timeout (T0+100 s), deadline T0+190 s; paused at T0+130 s with 60 s left.
    expect(s.turn?.deadline).toBe(T0 + 190_000);
    s = ok(pause(s, MOD, T0 + 130_000)).session;
    expect(s.turn?.pausedRemainingMs).toBe(60_000);
    expect(mayPost(s, 'carol', false).allowed).toBe(false);
    expect(ok(tick(s, T0 + 10_000_000)).effects).toEqual([]); // paused: the clock does not run
    const t = T0 + 500_000;
    s = ok(resume(s, MOD, t)).session;
    expect(s.turn?.deadline).toBe(t + 60_000);
    expect(remainingMs(s, t)).toBe(60_000);
    expect(types(ok(tick(s, t + 29_000)).effects)).not.toContain('warn');
    expect(types(ok(tick(s, t + 30_000)).effects)).toContain('warn');

    s = ok(yieldTurn(s, 'carol', t + 500_001)).session;
    expect(s.turn?.speakerId).toBe('dave');
    r = ok(yieldTurn(s, 'dave', t + 500_002));
    s = r.session;
    // Turns exhausted: the after-vote opens by itself.
    expect(s.status).toBe('voting-after');
    expect(types(r.effects)).toEqual(expect.arrayContaining(['turns-complete', 'vote-opened']));

    for (const [id, stance] of [
      ['v1', 'for'],
      ['v2', 'against'],
      ['v3', 'for'],
      ['v4', 'undecided'],
    ] as const) {
      s = ok(castVote(s, id, 'after', stance, t + 600_000)).session;
    }
    r = ok(endDebate(s, MOD, t + 700_000));
    s = r.session;
    expect(s.status).toBe('ended');
    expect(types(r.effects)).toEqual(expect.arrayContaining(['vote-closed', 'debate-ended']));

    const tr = buildTranscript(s);
    expect(tr.motion).toBe('This house would ban homework');
    expect(tr.speakers.for.map((x) => x.name)).toEqual(['ALICE', 'CAROL']);
    expect(tr.turns.map((x) => [x.speaker.id, x.endReason])).toEqual([
      ['alice', 'yield'],
      ['bob', 'timeout'],
      ['carol', 'yield'],
      ['dave', 'yield'],
    ]);
    expect(tr.turns[0]?.mainPoints).toEqual(['Homework steals sleep from children.']);
    expect(tr.turns[1]?.arguments).toEqual(['Practice at home builds habits. Teachers see the gaps.']);
    // Before: for 0, against 2 (v1 changed, v2), undecided 2 → 0/50/50. After: 2/1/1 → 50/25/25.
    expect(tr.votes.before?.percent).toEqual({ for: 0, against: 50, undecided: 50 });
    expect(tr.votes.after?.percent).toEqual({ for: 50, against: 25, undecided: 25 });
    expect(tr.votes.swing).toEqual({ for: 50, against: -25, undecided: -25, winner: 'for' });
  });
});

describe('debate session: moderators only', () => {
  const s = lobby();
  const running = ok(beginTurns(s, MOD, T0)).session;
  const cases: [string, Transition][] = [
    [
      'start',
      startDebate(undefined, { id: 'x', guildId: 'g', channelId: 'c', motion: 'A motion' }, ALICE, T0),
    ],
    ['open a vote', openVote(s, ALICE, 'before', T0)],
    ['begin turns', beginTurns(s, ALICE, T0)],
    ['skip (next)', nextTurn(running, BOB, T0)],
    ['pause', pause(running, BOB, T0)],
    ['end', endDebate(running, ALICE, T0)],
  ];
  it.each(cases)('GIVEN a non-moderator tries to %s THEN NOT_MODERATOR and nothing changes', (_name, t) => {
    expect(t).toMatchObject({ ok: false, code: 'NOT_MODERATOR' });
  });
  it('GIVEN the moderator skips THEN the next speaker has the floor', () => {
    const r = ok(nextTurn(running, MOD, T0 + 1));
    expect(r.session.turn?.speakerId).toBe('bob');
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'turn-ended', reason: 'skipped' }));
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'mod-log', action: 'skip' }));
  });
});

describe('debate session: rules and error codes', () => {
  const s = lobby();
  const running = ok(beginTurns(s, MOD, T0)).session;
  const cases: [string, () => Transition, string][] = [
    [
      'a second debate in the same channel',
      () => startDebate(s, { id: 'd2', guildId: 'g1', channelId: 'c1', motion: 'Another' }, MOD, T0),
      'DEBATE_EXISTS',
    ],
    [
      'an empty motion',
      () => startDebate(undefined, { id: 'd', guildId: 'g', channelId: 'c', motion: '   ' }, MOD, T0),
      'INVALID_MOTION',
    ],
    [
      'custom without valid seconds',
      () =>
        startDebate(
          undefined,
          {
            id: 'd',
            guildId: 'g',
            channelId: 'c',
            motion: 'Motion',
            format: { kind: 'custom', turnSeconds: 5, rounds: 2 },
          },
          MOD,
          T0,
        ),
      'INVALID_FORMAT',
    ],
    ['joining the side already on', () => join(s, ALICE, 'for', T0), 'ALREADY_JOINED'],
    ['switching sides once turns began', () => join(running, ALICE, 'against', T0), 'SIDE_LOCKED'],
    ['leaving without having joined', () => leave(s, EVE, T0), 'NOT_JOINED'],
    ['arguing out of turn', () => argue(running, 'bob', 'My point.', T0), 'NOT_SPEAKER'],
    ['arguing in the lobby', () => argue(s, 'alice', 'My point.', T0), 'NOT_RUNNING'],
    ['yielding when not the speaker', () => yieldTurn(running, 'bob', T0), 'NOT_SPEAKER'],
    ['voting when no vote is open', () => castVote(running, 'v', 'after', 'for', T0), 'VOTE_CLOSED'],
    ['resuming when not paused', () => resume(running, MOD, T0), 'NOT_PAUSED'],
    [
      'beginning without a side',
      () => beginTurns(ok(join(newDebate(), ALICE, 'for', T0)).session, MOD, T0),
      'NEED_DEBATERS',
    ],
    ['a before-vote once turns run', () => openVote(running, MOD, 'before', T0), 'VOTE_NOT_AVAILABLE'],
    ['an empty argument', () => argue(running, 'alice', '  ', T0), 'INVALID_TEXT'],
  ];
  it.each(cases)('GIVEN %s THEN the code is %s', (_name, fn, code) => {
    expect(fn()).toMatchObject({ ok: false, code });
  });

  it('GIVEN a cap of one per side THEN a second member gets SIDE_FULL', () => {
    let d = newDebate({ settings: { maxPerSide: 1 } });
    d = ok(join(d, ALICE, 'for', T0)).session;
    expect(join(d, CAROL, 'for', T0)).toMatchObject({ ok: false, code: 'SIDE_FULL' });
  });

  it('GIVEN a member switches sides in the lobby THEN they are on the new side only', () => {
    const d = ok(join(s, ALICE, 'against', T0)).session;
    expect(d.sides).toEqual({ for: ['carol'], against: ['bob', 'dave', 'alice'] });
  });

  it('GIVEN the speaker leaves mid-turn THEN the turn ends and the next speaker gets the floor', () => {
    const r = ok(leave(running, ALICE, T0 + 1));
    expect(r.session.turn?.speakerId).toBe('bob');
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'turn-ended', reason: 'left' }));
  });

  it('GIVEN a successful transition THEN the version goes up by one, and a no-op tick keeps it', () => {
    expect(running.version).toBe(s.version + 1);
    const t = ok(tick(running, T0 + 1));
    expect(t.session).toBe(running);
  });
});

describe('debate session: who may post', () => {
  const running = ok(beginTurns(lobby(), MOD, T0)).session;
  const paused = ok(pause(running, MOD, T0 + 1)).session;
  const cases: [string, DebateSession | undefined, string, boolean, boolean][] = [
    ['the speaker while running', running, 'alice', false, true],
    ['another debater while running', running, 'bob', false, false],
    ['a spectator while running', running, 'zed', false, false],
    ['a moderator while running', running, 'mod', true, true],
    ['the speaker while paused', paused, 'alice', false, false],
    ['anyone in the lobby', lobby(), 'zed', false, true],
    ['anyone with no debate', undefined, 'zed', false, true],
  ];
  it.each(cases)('GIVEN %s THEN allowed is as expected', (_name, session, memberId, isMod, allowed) => {
    expect(mayPost(session, memberId, isMod).allowed).toBe(allowed);
  });
});

describe('debate session: civility escalation', () => {
  it('GIVEN three offences by the speaker THEN nudge, warning, then the floor is taken for the rest of the debate', () => {
    // One round so alice would speak again only if not barred: custom 3 rounds of 60 s.
    let s = ok(
      beginTurns(lobby({ format: { kind: 'custom', turnSeconds: 60, rounds: 3 } }), MOD, T0),
    ).session;
    let r = ok(argue(s, 'alice', 'You are an idiot.', T0 + 1));
    expect(r.effects).toContainEqual(
      expect.objectContaining({ type: 'civility', level: 'nudge', memberId: 'alice' }),
    );
    r = ok(argue(r.session, 'alice', 'SHUT UP AND LISTEN TO THE FACTS FOR ONCE', T0 + 2));
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'civility', level: 'warning' }));
    expect(r.session.turn?.speakerId).toBe('alice');
    r = ok(argue(r.session, 'alice', 'what a m0r0nnn', T0 + 3));
    s = r.session;
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'civility', level: 'floor-revoked' }));
    expect(r.effects).toContainEqual(
      expect.objectContaining({ type: 'mod-log', action: 'civility-floor-revoked', memberId: 'alice' }),
    );
    expect(s.barred).toEqual(['alice']);
    expect(s.turn?.speakerId).toBe('bob');
    // Alice never speaks again: every later For turn goes to carol.
    const speakers: string[] = [];
    while (s.turn) {
      speakers.push(s.turn.speakerId);
      s = ok(yieldTurn(s, s.turn.speakerId, T0 + 10)).session;
    }
    expect(speakers).toEqual(['bob', 'carol', 'dave', 'carol', 'bob']);
    expect(join(s, ALICE, 'for', T0)).toMatchObject({ ok: false, code: 'FLOOR_REVOKED' });
    const tr = buildTranscript(s);
    expect(tr.speakers.for.find((x) => x.id === 'alice')).toMatchObject({ lostFloor: true, strikes: 3 });
    // Flagged texts are kept out of the main points.
    expect(tr.turns[0]?.arguments).toEqual([]);
    expect(tr.turns[0]?.flagged).toBe(2);
    expect(tr.moderation.filter((m) => m.what.startsWith('civility'))).toHaveLength(3);
  });

  it('GIVEN a civil argument with strong words about a policy THEN no strike', () => {
    const s = ok(beginTurns(lobby(), MOD, T0)).session;
    const r = ok(argue(s, 'alice', 'This is a stupid policy and the NATO and CSTO record shows it.', T0 + 1));
    expect(r.session.strikes).toEqual({});
    expect(types(r.effects)).toEqual(['argument-recorded']);
  });
});

describe('debate session: independence and restart', () => {
  it('GIVEN two debates in two channels THEN a transition on one leaves the other untouched', () => {
    const a = ok(beginTurns(lobby(), MOD, T0)).session;
    const b = ok(
      beginTurns(lobby({ id: 'd2', channelId: 'c2', motion: 'Cities should ban cars' }), MOD, T0 + 5),
    ).session;
    const snapshotB = JSON.stringify(b);
    const a2 = ok(yieldTurn(a, 'alice', T0 + 10)).session;
    expect(a2.turn?.speakerId).toBe('bob');
    expect(JSON.stringify(b)).toBe(snapshotB);
    expect(b.turn?.speakerId).toBe('alice');
    expect(
      startDebate(a, { id: 'x', guildId: 'g1', channelId: 'c2', motion: 'Other' }, MOD, T0),
    ).toMatchObject({ ok: false, code: 'DEBATE_EXISTS' });
  });

  it('GIVEN a session serialised mid-turn and read back after a restart THEN tick resumes the same turn with the time left', () => {
    const running = ok(beginTurns(lobby(), MOD, T0)).session;
    const restored = JSON.parse(JSON.stringify(running)) as DebateSession;
    const later = T0 + 40_000; // the bot was down for 40 s
    const r = ok(tick(restored, later));
    expect(r.session.turn).toEqual(running.turn);
    expect(remainingMs(r.session, later)).toBe(50_000);
    expect(nextWakeAt(r.session)).toBe(T0 + 60_000);
    // Down past the deadline: the turn ends as a timeout and the next begins at the new now.
    const r2 = ok(tick(restored, T0 + 95_000));
    expect(r2.session.turn).toMatchObject({ speakerId: 'bob', startedAt: T0 + 95_000 });
  });
});

describe('debate session: formats', () => {
  it.each([
    ['quick', { kind: 'quick' } as const, ['Round 1', 'Round 2'], 90],
    ['oxford', { kind: 'oxford' } as const, ['Opening', 'Rebuttal', 'Closing'], 180],
    [
      'custom',
      { kind: 'custom', turnSeconds: 45, rounds: 4 } as const,
      ['Round 1', 'Round 2', 'Round 3', 'Round 4'],
      45,
    ],
  ])(
    'GIVEN the %s format THEN phases and first turn length follow it',
    (_n, format, labels, firstSeconds) => {
      const s = ok(beginTurns(lobby({ format }), MOD, T0)).session;
      expect(s.phases.map((p) => p.label)).toEqual(labels);
      expect(s.plan).toHaveLength(labels.length * 2);
      expect((s.turn?.deadline ?? 0) - T0).toBe(firstSeconds * 1000);
    },
  );

  it('GIVEN a 20-second custom turn THEN the warning comes at half time, not at the start', () => {
    const s = ok(
      beginTurns(lobby({ format: { kind: 'custom', turnSeconds: 20, rounds: 1 } }), MOD, T0),
    ).session;
    expect(types(ok(tick(s, T0 + 1)).effects)).not.toContain('warn');
    expect(types(ok(tick(s, T0 + 10_000)).effects)).toContain('warn');
  });

  it('GIVEN counterpoints are on THEN each new turn after the first offers one against the previous side', () => {
    const s = ok(beginTurns(lobby({ settings: { offerCounterpoints: true } }), MOD, T0));
    expect(types(s.effects)).not.toContain('offer-counterpoint');
    const r = ok(yieldTurn(s.session, 'alice', T0 + 1));
    expect(r.effects).toContainEqual(
      expect.objectContaining({ type: 'offer-counterpoint', againstSide: 'for', previousSpeakerId: 'alice' }),
    );
  });
});
