import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/time/index.js';
import { timelineView } from '../../src/presenters/timeline.js';

const event = (kinds: TimelineEvent['sources'][number]['kind'][]): TimelineEvent => ({
  date: '2024-11',
  precision: 'month',
  text: 'The voters decide in November.',
  documentId: 'a',
  paragraph: 2,
  comment: null,
  background: false,
  sources: kinds.map((kind, i) => ({
    documentId: i === 0 ? 'a' : 'b',
    paragraph: 2,
    comment: kind === 'comment' ? 7 : null,
    text: 'The voters decide in November.',
    kind,
  })),
  terms: ['voter', 'decide'],
});

describe('GIVEN timeline events', () => {
  it('WHEN a source is an opinion piece or a reader comment THEN its citation says so and the intro warns', () => {
    const view = timelineView({
      events: [event(['opinion', 'comment'])],
      asked: '',
      hidden: { background: 1, comments: 0 },
      image: false,
    });
    expect(view.sections[0]?.items[0]?.source).toBe('opinion · a ¶2 · b, reader comment #7 ¶2 (2 sources)');
    expect(view.intro).toContain('are views, not reported fact');
    expect(view.intro).toMatch(/^1 dated event on 1 date,/);
    expect(view.footer).toBe('Not shown: 1 background date (context such as "since …" or "founded in …").');
  });

  it('WHEN every source is a news report THEN no label and no warning', () => {
    const view = timelineView({
      events: [event(['news'])],
      asked: '',
      hidden: { background: 0, comments: 0 },
      image: false,
    });
    expect(view.sections[0]?.items[0]?.source).toBe('a ¶2');
    expect(view.intro).not.toContain('views');
  });

  it('WHEN many sources state no date THEN the footer names three and counts the rest', () => {
    const view = timelineView({
      events: [event(['news'])],
      asked: '',
      hidden: { background: 0, comments: 0 },
      undated: ['a', 'b', 'c', 'd', 'e'],
      image: false,
    });
    expect(view.footer).toBe(
      'Not shown: relative dates ("on Tuesday") of 5 sources that state no publication date (a, b, c and 2 more; a manifest can give it).',
    );
  });
});

describe('GIVEN an event told in two paragraphs of one report and in another report', () => {
  it('THEN it counts two sources, not three', () => {
    const e = event(['news', 'news']);
    const merged: TimelineEvent = {
      ...e,
      sources: [e.sources[0], { ...e.sources[0], paragraph: 9 }, e.sources[1]].filter(
        (x): x is TimelineEvent['sources'][number] => x !== undefined,
      ),
    };
    const view = timelineView({
      events: [merged],
      asked: '',
      hidden: { background: 0, comments: 0 },
      image: false,
    });
    expect(view.sections[0]?.items[0]?.source).toBe('a ¶2 · a ¶9 · b ¶2 (2 sources)');
  });
});

describe('GIVEN events over spans of days', () => {
  const span = (date: string, until: string): TimelineEvent => ({
    ...event(['news']),
    date,
    until,
    precision: 'day',
  });
  it('THEN a span of seven days is a week, and any other span shows its days alone', () => {
    const view = timelineView({
      events: [
        span('2026-09-02', '2026-10-29'),
        span('2026-11-16', '2026-11-22'),
        span('2026-06-23', '2026-06-24'),
      ],
      asked: '',
      hidden: { background: 0, comments: 0 },
      image: false,
    });
    const titles = view.sections.map((s) => s.title);
    expect(titles.filter((t) => t.endsWith('(week)'))).toHaveLength(1);
    expect(titles.some((t) => t.includes('16') && t.endsWith('(week)'))).toBe(true);
  });
});
