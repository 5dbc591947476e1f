import { describe, expect, it } from 'vitest';
import { seedAnalysis } from '../../helpers/corpus.js';
import { parseDateBound, selectEvents, spanOf, type EventQuery } from '../../../src/core/time/query.js';
import type { TimelineEvent } from '../../../src/core/time/index.js';

/** The plain filter over every event, as selectEvents was first written. */
function reference(events: readonly TimelineEvent[], q: EventQuery): TimelineEvent[] {
  const need = q.terms && q.terms.length > 0 ? Math.ceil(q.terms.length / 2) : 0;
  return events.filter((e) => {
    if (!q.background && e.background) return false;
    if (!q.comments && e.comment !== null) return false;
    if (q.documentId && !e.sources.some((s) => s.documentId === q.documentId)) return false;
    if (q.from || q.to) {
      const span = spanOf(e);
      if (q.from && span.last < q.from.first) return false;
      if (q.to && span.first > q.to.last) return false;
    }
    if (need > 0) {
      const terms = new Set(e.terms);
      let hits = 0;
      for (const t of q.terms ?? []) if (terms.has(t)) hits++;
      if (hits < need) return false;
    }
    return true;
  });
}

describe('selectEvents from its index', () => {
  it('picks what filtering every event picks, in the same order, for many questions', async () => {
    const { time, corpus } = await seedAnalysis();
    const events = time.events;
    const terms = [...new Set(events.flatMap((e) => e.terms))].slice(0, 40);
    const bounds = ['2001', '2014', '2021-12', '2022-01', '2022-01-05', '2022-01-10'].map(
      (b) => parseDateBound(b) ?? undefined,
    );
    const documents = corpus.documents.map((d) => d.meta.id);
    let asked = 0;
    let nonEmpty = 0;
    for (let i = 0; i < 300; i++) {
      const q: EventQuery = {
        ...(i % 3 === 0 ? { from: bounds[i % bounds.length] } : {}),
        ...(i % 4 === 0 ? { to: bounds[(i + 2) % bounds.length] } : {}),
        ...(i % 2 === 0
          ? {
              terms: [
                terms[i % terms.length],
                terms[(i * 7) % terms.length],
                terms[i % terms.length],
              ] as string[],
            }
          : {}),
        ...(i % 5 === 0 ? { documentId: documents[i % documents.length] } : {}),
        ...(i % 6 === 0 ? { background: true } : {}),
        ...(i % 7 === 0 ? { comments: true } : {}),
      };
      const expected = reference(events, q);
      expect(selectEvents(events, q)).toEqual(expected);
      asked++;
      if (expected.length > 0) nonEmpty++;
    }
    expect(asked).toBe(300);
    expect(nonEmpty).toBeGreaterThan(50);
  });

  it('answers for a list it has not seen, and for one that grew since', async () => {
    const { time } = await seedAnalysis();
    const some = time.events.slice(0, 10);
    expect(selectEvents(some, {})).toEqual(reference(some, {}));
    const grown = [...some];
    selectEvents(grown, {});
    grown.push(...time.events.slice(10, 20));
    expect(selectEvents(grown, { comments: true })).toEqual(reference(grown, { comments: true }));
  });
});
