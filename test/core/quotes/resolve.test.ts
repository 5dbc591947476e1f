import { describe, expect, it } from 'vitest';
import { findSpeaker, quotesBy, speakersIn } from '../../../src/core/quotes/index.js';
import type { Quote, QuoteAnalysis, Speaker } from '../../../src/core/quotes/types.js';

const speaker = (name: string, quotes: number, aliases: string[] = []): Speaker => ({
  id: name.toLowerCase().replace(/\s+/g, '-'),
  name,
  aliases: [name, ...aliases],
  role: null,
  kind: 'person',
  quotes,
});

const quote = (
  s: Speaker | null,
  documentId: string,
  start: number,
  comment: number | null = null,
  terms: string[] = [],
): Quote => ({
  speaker: s?.name ?? null,
  speakerId: s?.id ?? null,
  text: `quote ${documentId} ${start}`,
  kind: 'direct',
  documentId,
  paragraph: 1,
  comment,
  start,
  end: start + 5,
  terms,
});

/** speakersIn as a scan over every quote would give it (the reference the indexes must match). */
function reference(qa: QuoteAnalysis, documentId?: string) {
  const counts = new Map<string, { n: number; first: Quote; article: boolean }>();
  for (const q of qa.quotes) {
    if (!q.speakerId || (documentId && q.documentId !== documentId)) continue;
    const c = counts.get(q.speakerId);
    if (c) {
      c.n++;
      c.article ||= q.comment === null;
    } else counts.set(q.speakerId, { n: 1, first: q, article: q.comment === null });
  }
  return qa.speakers
    .filter((s) => counts.has(s.id))
    .map((s) => {
      const c = counts.get(s.id) as { n: number; first: Quote; article: boolean };
      return { speaker: s, quotes: c.n, first: c.first, onlyInComments: !c.article };
    })
    .sort(
      (a, b) =>
        Number(a.onlyInComments) - Number(b.onlyInComments) ||
        b.quotes - a.quotes ||
        a.speaker.name.localeCompare(b.speaker.name),
    );
}

describe('quote look-ups by speaker and by document', () => {
  const ann = speaker('Ann Lee', 3, ['Lee']);
  const bob = speaker('Bob Stone', 3, ['Stone']);
  const cy = speaker('Cy Hart', 2);
  const dee = speaker('Dee Hart', 1);
  const quotes = [
    quote(ann, 'a', 10),
    quote(bob, 'a', 20),
    quote(null, 'a', 30),
    quote(cy, 'a', 40, 1),
    quote(bob, 'b', 10, null, ['troop', 'leave']),
    quote(ann, 'b', 20, 2),
    quote(bob, 'b', 30, null, ['troop']),
    quote(cy, 'c', 5, 3),
    quote(dee, 'c', 6),
    quote(ann, 'c', 7, null, ['leave', 'leave']),
  ];
  const qa: QuoteAnalysis = { speakers: [ann, bob, cy, dee], quotes };

  it('lists who speaks in each document as a scan over all quotes would', () => {
    for (const doc of [undefined, 'a', 'b', 'c', 'missing'])
      expect(speakersIn(qa, doc)).toEqual(reference(qa, doc));
  });

  it('puts speakers quoted only in reader comments last, with the first quote in scope', () => {
    const list = speakersIn(qa, 'a');
    expect(list.map((c) => c.speaker.name)).toEqual(['Ann Lee', 'Bob Stone', 'Cy Hart']);
    expect(list[2]?.onlyInComments).toBe(true);
    expect(list[1]?.first).toBe(quotes[1]);
  });

  it('does not hand out its own list: changing a result leaves the next call intact', () => {
    speakersIn(qa).pop();
    expect(speakersIn(qa)).toEqual(reference(qa));
  });

  it("gives a speaker's quotes in corpus order, by document, and by topic", () => {
    expect(quotesBy(qa, bob)).toEqual([quotes[1], quotes[4], quotes[6]]);
    expect(quotesBy(qa, bob, { documentId: 'b' })).toEqual([quotes[4], quotes[6]]);
    expect(quotesBy(qa, bob, { terms: ['leave'] })[0]).toBe(quotes[4]);
    expect(quotesBy(qa, ann, { terms: ['leave'] })[0]).toBe(quotes[9]);
  });

  it('finds speakers by alias and by a unique name word', () => {
    expect(findSpeaker(qa, 'lee')).toMatchObject({ ok: true, speaker: ann });
    expect(findSpeaker(qa, 'Stone')).toMatchObject({ ok: true, speaker: bob });
    expect(findSpeaker(qa, 'dee')).toMatchObject({ ok: true, speaker: dee });
    expect(findSpeaker(qa, 'hart')).toMatchObject({ ok: false });
  });
});
