import { describe, expect, it } from 'vitest';
import {
  joinButtonId,
  parseDebateButtonId,
  voteButtonId,
  type DebateButton,
} from '../../src/discord/debate-buttons.ts';

const ID = '1311111111111111111';

describe('debate button ids', () => {
  const cases: Array<[name: string, customId: string, expected: DebateButton | null]> = [
    ['join for', `debate:${ID}:join:for`, { kind: 'join', debateId: ID, choice: 'for' }],
    ['join against', `debate:${ID}:join:against`, { kind: 'join', debateId: ID, choice: 'against' }],
    ['spectate', `debate:${ID}:join:spectate`, { kind: 'join', debateId: ID, choice: 'spectate' }],
    [
      'vote after undecided',
      `debate:${ID}:vote:after:undecided`,
      { kind: 'vote', debateId: ID, which: 'after', stance: 'undecided' },
    ],
    ['another command prefix', `quote:${ID}:join:for`, null],
    ['no debate id', 'debate::join:for', null],
    ['a side that does not exist', `debate:${ID}:join:maybe`, null],
    ['undecided is a vote, not a side', `debate:${ID}:join:undecided`, null],
    ['a vote with no stance', `debate:${ID}:vote:before`, null],
    ['a vote on a poll that does not exist', `debate:${ID}:vote:during:for`, null],
    ['trailing parts', `debate:${ID}:join:for:extra`, null],
    ['empty', '', null],
  ];
  it.each(cases)('GIVEN %s THEN it parses to the expected button', (_name, customId, expected) => {
    expect(parseDebateButtonId(customId)).toEqual(expected);
  });

  it('GIVEN every button the status message can carry THEN its id round-trips and fits Discord’s 100 characters', () => {
    const ids = [
      ...(['for', 'against', 'spectate'] as const).map((c) => joinButtonId(ID, c)),
      ...(['before', 'after'] as const).flatMap((w) =>
        (['for', 'against', 'undecided'] as const).map((s) => voteButtonId(ID, w, s)),
      ),
    ];
    for (const customId of ids) {
      expect(customId.length).toBeLessThanOrEqual(100);
      expect(parseDebateButtonId(customId)?.debateId).toBe(ID);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
