import { describe, expect, it } from 'vitest';
import { resolveSource, sourceChoices } from '../../../src/core/corpus/sources.js';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { sourceOption } from '../../../src/commands/_options.js';
import { errorText } from '../../../src/presenters/errors.js';

const corpus = corpusOfTexts(
  {
    'a-port': 'Port Reopens After Storm\n\nThe port reopened on Monday.',
    'b-bridge': 'Bridge Closure Approved\n\nThe council voted to close the bridge.',
    'b-budget': 'Budget Talks Collapse\n\nTalks collapsed on Thursday.',
  },
  { 'a-port': { outlet: 'Harbour News' } },
);

describe('GIVEN a member naming a source', () => {
  const cases = [
    { typed: 'a-port', id: 'a-port' },
    { typed: 'A-PORT.txt', id: 'a-port' },
    { typed: 'harbour news', id: 'a-port' },
    { typed: 'bridge closure', id: 'b-bridge' },
    { typed: 'b-bu', id: 'b-budget' },
  ];
  it.each(cases)('"$typed" THEN it resolves to $id', ({ typed, id }) => {
    expect(resolveSource(corpus, typed)).toEqual({ ok: true, id });
  });
  it('THEN an ambiguous prefix lists the candidates, and a miss the closest names', () => {
    expect(resolveSource(corpus, 'b-')).toEqual({
      ok: false,
      ambiguous: true,
      suggestions: ['b-bridge', 'b-budget'],
    });
    const miss = resolveSource(corpus, 'brige');
    expect(miss.ok).toBe(false);
    if (!miss.ok) {
      expect(miss.ambiguous).toBe(false);
      expect(miss.suggestions.length).toBeGreaterThan(0);
    }
  });
  it('THEN autocomplete offers titles as names and ids as values, at most the limit', () => {
    expect(sourceChoices(corpus, 'b-')).toEqual([
      { name: 'Bridge Closure Approved', value: 'b-bridge' },
      { name: 'Budget Talks Collapse', value: 'b-budget' },
    ]);
    expect(sourceChoices(corpus, '', 2)).toHaveLength(2);
  });
});

describe('GIVEN two sources from the same outlet', () => {
  const wire = corpusOfTexts(
    {
      'a-vote': 'Council approves the plan\n\nThe council voted on Tuesday.',
      'b-rally': 'Workers rally for the plan\n\nWorkers rallied on Wednesday.',
    },
    { 'a-vote': { outlet: 'Associated Press' }, 'b-rally': { outlet: 'Associated Press' } },
  );
  it('WHEN a command names the outlet THEN the error says several match and lists their ids', () => {
    const r = sourceOption(wire, 'Associated Press');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(errorText(r)).toBe(
      'Several sources match "Associated Press": name one by its id. Did you mean: a-vote, b-rally?',
    );
  });
});
