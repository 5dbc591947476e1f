/** The seed corpus against ../shared/acceptance/quotes.json (skipped when that folder is absent). */
import { describe, expect, it } from 'vitest';
import { acceptance, seedAnalysis } from '../../helpers/corpus.js';
import { exportAnalysis } from '../../../src/core/export.js';
import {
  forbiddenSpeakerGiven,
  quoteMiss,
  type ExpectedQuote,
  type ForbiddenSpeaker,
} from '../../helpers/acceptance.js';

interface Sample {
  quotes: ExpectedQuote[];
  negatives: ForbiddenSpeaker[];
}

const sample = acceptance<Sample>('quotes.json');

describe.skipIf(sample === null)('GIVEN the seeds and the acceptance sample', () => {
  it.each(sample?.quotes ?? [])('$speaker: "$snippet" THEN found with that speaker', async (x) => {
    expect(quoteMiss(await seedAnalysis(), x)).toBeNull();
  });

  it.each(sample?.negatives ?? [])('"$snippet" THEN not given to $speaker_must_not_be', async (x) => {
    expect(forbiddenSpeakerGiven(await seedAnalysis(), x)).toBeNull();
  });
});

describe('GIVEN the seeds', () => {
  it('THEN every exported quote is verbatim in its document, at its offsets and in its paragraph', async () => {
    const analysis = await seedAnalysis();
    const exported = exportAnalysis(analysis);
    expect(exported.quotes.length).toBe(analysis.quotes.quotes.length);
    for (const q of analysis.quotes.quotes) {
      const doc = analysis.corpus.byId.get(q.documentId);
      expect(doc?.text.slice(q.start, q.end)).toBe(q.text);
      const paragraphs =
        q.comment === null ? doc?.body : doc?.comments.find((c) => c.index === q.comment)?.paragraphs;
      const p = paragraphs?.[q.paragraph - 1];
      expect(p && q.start >= p.start && q.end <= p.end).toBe(true);
    }
  });

  it('THEN the export lists speakers with name, aliases, role and a quote count that adds up', async () => {
    const analysis = await seedAnalysis();
    const { speakers, quotes } = exportAnalysis(analysis);
    expect(speakers.length).toBeGreaterThan(5);
    for (const s of speakers) {
      expect(s.aliases).toContain(s.name);
      expect(quotes.filter((q) => q.speaker === s.name)).toHaveLength(s.quotes);
    }
  });

  it('THEN quotes in reader comments keep their comment number and never name a speaker met only in the article', async () => {
    const analysis = await seedAnalysis();
    for (const q of analysis.quotes.quotes.filter((x) => x.comment !== null)) {
      const doc = analysis.corpus.byId.get(q.documentId);
      const comment = doc?.comments.find((c) => c.index === q.comment);
      const commentText = comment?.paragraphs.map((p) => p.text).join('\n') ?? '';
      const last = (q.speaker ?? '').split(/\s+/).pop() ?? '';
      expect(q.speaker === null || commentText.includes(last)).toBe(true);
    }
  });
});
