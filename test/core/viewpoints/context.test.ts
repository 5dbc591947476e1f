import { describe, expect, it } from 'vitest';
import { sentenceTerms } from '../../../src/core/search/index.js';
import { ContextBuilder, ContextMasks } from '../../../src/core/viewpoints/context.js';
import { findDisputes } from '../../../src/core/viewpoints/disputes.js';
import { POLARITY_GROUPS, stem } from '../../../src/core/viewpoints/lexicon.js';
import { groupStance, stanceOf } from '../../../src/core/viewpoints/stance.js';
import { WordTable, looseInfo } from '../../../src/core/viewpoints/words.js';
import { segment } from '../../../src/core/nlp/segmenter.js';
import type { Paragraph } from '../../../src/core/corpus/types.js';
import { seedAnalysis } from '../../helpers/corpus.js';

describe('GIVEN the seeds analysed', () => {
  it('WHEN a claim is matched against stems THEN its stems and its context are those of its sentence, its paragraph, the two before and the title', async () => {
    const a = await seedAnalysis();
    const { claims, stemIds, context } = a.claims;
    // A spread of stems: frequent and rare ones.
    const stems = [...stemIds.keys()].filter((_, i) => i % 97 === 0).slice(0, 40);
    const ids = stems.map((s) => stemIds.get(s) as number);
    const masks = [new ContextMasks(context, ids.slice(0, 32)), new ContextMasks(context, ids.slice(32))];
    for (const c of claims) {
      const doc = a.corpus.byId.get(c.documentId);
      expect(doc).toBeDefined();
      if (!doc) continue;
      const paragraphs: readonly Paragraph[] =
        c.comment === null ? doc.body : (doc.comments.find((x) => x.index === c.comment)?.paragraphs ?? []);
      const pi = paragraphs.findIndex((p) => p.start <= c.start && c.end <= p.start + p.text.length);
      expect(pi).toBeGreaterThanOrEqual(0);
      const around = new Set<string>();
      for (let q = Math.max(0, pi - 2); q <= pi; q++)
        for (const s of (paragraphs[q] as Paragraph).sentences)
          for (const t of sentenceTerms(s)) around.add(stem(t));
      if (c.comment === null) for (const t of a.index.termsOf(doc.meta.title)) around.add(stem(t));
      const own = new Set(c.terms.map(stem));
      stems.forEach((s, j) => {
        const m = (masks[j < 32 ? 0 : 1] as ContextMasks).of(c.slot);
        expect(((m >>> (j % 32)) & 1) === 1, `${s} around claim ${c.id}`).toBe(around.has(s));
        expect(c.stemIds.includes(stemIds.get(s) as number), `${s} in claim ${c.id}`).toBe(own.has(s));
      });
    }
  });
});

describe('GIVEN the word table', () => {
  it('WHEN the same word is met twice THEN one info serves both, with interned term and stem ids', () => {
    const table = new WordTable();
    const tokens = segment('Troops will leave. The troops left, troops said.', 0).flatMap((s) => [
      ...s.tokens,
    ]);
    const infos = tokens.map((t) => table.info(t));
    const troops = infos.filter((w) => w.normal === 'troops');
    expect(troops.length).toBe(3);
    expect(troops[1]).toBe(troops[2]);
    expect(troops[1]?.termId).toBe(table.terms.ids.get('troop'));
    expect(table.stems.values[troops[1]?.stemId ?? -1]).toBe(stem('troop'));
    const leave = infos.find((w) => w.normal === 'leave');
    expect(leave?.entries.some((e) => e.group === 'leave' && e.pole === 1)).toBe(true);
    expect(looseInfo(tokens[0] as never).flags).toBe(infos[0]?.flags);
  });
});

describe('GIVEN the seeds claims and the polarity groups', () => {
  it('WHEN a claim is read against one group THEN groupStance equals stanceOf with that group alone', async () => {
    const a = await seedAnalysis();
    let nonZero = 0;
    for (const g of POLARITY_GROUPS) {
      const frame = {
        groups: new Map([[g.id, 1]]),
        orientation: 1 as const,
        subject: [],
        terms: [],
        nouns: [],
      };
      for (const c of a.claims.claims) {
        const expected = stanceOf(c.sentence.tokens, frame).stance;
        expect(groupStance(c.sentence.tokens, c.reading, g.id)).toBe(expected);
        if (expected !== 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(20);
  });
});

describe('GIVEN the seeds claims', () => {
  it('WHEN disputes are found without the noun phrases read ahead at analysis THEN they are the same disputes', async () => {
    const a = await seedAnalysis();
    expect(a.claims.disputes.length).toBeGreaterThan(0);
    expect(findDisputes(a.claims)).toEqual(a.claims.disputes);
  });
});

describe('GIVEN a context builder', () => {
  it('WHEN paragraphs are added THEN each stem lists its paragraph slots in order, stems without any left as holes', () => {
    const builder = new ContextBuilder();
    const paragraphs = [[3, 0], [5], [], [0, 3, 5]];
    for (const stems of paragraphs) builder.addParagraph(stems, 0, -1);
    const { paragraphsByStem } = builder.build();
    expect(paragraphsByStem.length).toBe(6);
    expect(paragraphsByStem[0]).toEqual([0, 3]);
    expect(paragraphsByStem[3]).toEqual([0, 3]);
    expect(paragraphsByStem[5]).toEqual([1, 3]);
    expect(1 in paragraphsByStem).toBe(false);
    expect(paragraphsByStem[4]).toBeUndefined();
  });
});
