import { describe, expect, it } from 'vitest';
import { acceptance, seedAnalysis } from '../../helpers/corpus.js';
import { eventMiss, type ExpectedEvent } from '../../helpers/acceptance.js';

const sample = acceptance<{ events: ExpectedEvent[] }>('timeline.json');

describe.skipIf(sample === null)('GIVEN the seed corpus and the acceptance sample', () => {
  it.each(sample?.events ?? [])('$keywords on $date THEN appears with that date', async (x) => {
    expect(eventMiss((await seedAnalysis()).time.events, x)).toBeNull();
  });
});

describe('GIVEN the seed corpus', () => {
  it('THEN each document has a reference date or says it has none, and manifests win', async () => {
    const { time } = await seedAnalysis();
    const byId = new Map(time.references.map((r) => [r.documentId, r]));
    expect(byId.get('002_eba45ebe7d5b167d')).toMatchObject({
      date: '2022-01-09',
      inferred: false,
      basis: 'published',
    });
    // 000 has no manifest date; "Friday, January 7" and "December 2021" pin January 7, 2022 as a lower bound.
    expect(byId.get('000_abef459d8b449977')).toMatchObject({
      date: '2022-01-07',
      inferred: true,
      basis: 'mentions',
    });
  });

  it('THEN the "Today, 12:54 am" line and the Orthodox Christmas aside make no event of their own', async () => {
    const { time } = await seedAnalysis();
    expect(time.events.some((e) => e.text.startsWith('Today'))).toBe(false);
    const christmas = time.events.filter((e) => e.text.includes('Orthodox Christmas'));
    expect(christmas.every((e) => e.background)).toBe(true);
  });

  it('THEN every event cites a source whose text is verbatim in its document', async () => {
    const { corpus, time } = await seedAnalysis();
    for (const e of time.events) {
      expect(e.sources[0]?.text).toBe(e.text);
      for (const s of e.sources) expect(corpus.byId.get(s.documentId)?.text.includes(s.text)).toBe(true);
    }
  });
});
