/**
 * One event is told once: two sources that tell the same event in their own words (a common actor, most words
 * shared, little tf-idf cosine) give one point, and the slot goes to another fact of the story.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src/core/analysis.js';
import { cosine } from '../../../src/core/summary/model.js';
import { summarise } from '../../../src/core/summary/select.js';
import { corpusOfTexts } from '../../helpers/corpus.js';

const TEXTS = {
  wire: [
    'Mill closes in Harlow after river pollution',
    '',
    'The Harlow paper mill was closed on Monday after inspectors found dye in the river below it.',
    '',
    'Mayor Ruth Okafor ordered the town’s water intake shut while inspectors traced the dye to the mill’s outflow pipe.',
    '',
    'Fishermen downstream said the river had turned blue for two miles.',
  ].join('\n'),
  daily: [
    'Harlow mill shut over dye in river',
    '',
    'Inspectors shut the Harlow paper mill on Monday after dye was found in the river.',
    '',
    'Drinking supplies were protected when Ruth Okafor had the water intake closed on Tuesday, once staff followed the stain to an outflow pipe.',
    '',
    'The mill’s owner, Castell Paper, said the leak came from a cracked tank and had been repaired.',
  ].join('\n'),
  gazette: [
    'Harlow mill closure hits jobs',
    '',
    'The closure of the Harlow paper mill on Monday leaves 300 workers idle, the union said.',
    '',
    'Castell Paper said the mill could reopen within a week if inspectors approve the repair.',
    '',
    'The river dye has not reached the sea, the county said.',
  ].join('\n'),
};

describe('GIVEN three sources, two of which tell the mayor shutting the water intake in their own words', () => {
  const a = analyzeCorpus(corpusOfTexts(TEXTS));

  it('THEN the two tellings have little tf-idf similarity (the cosine alone does not see them as one)', () => {
    const tellings = a.summary.sentences.filter((s) => /water intake/.test(s.text));
    expect(tellings).toHaveLength(2);
    const [x, y] = tellings;
    if (!x || !y) throw new Error('two tellings');
    expect(cosine(x.vector, y.vector)).toBeLessThan(0.5);
  });

  it('THEN a corpus summary tells that event once', () => {
    for (const length of ['medium', 'long'] as const) {
      const r = summarise(a.summary, a.index, { length });
      if (!r.ok) throw new Error('no summary');
      const intake = r.points.filter((p) => /water intake/.test(p.text));
      expect(intake.length, `${length}: ${r.points.map((p) => p.text).join(' | ')}`).toBe(1);
    }
  });

  it('THEN the slot goes to another fact: the owner’s account of the leak is among six points', () => {
    const r = summarise(a.summary, a.index, { length: 'medium' });
    if (!r.ok) throw new Error('no summary');
    expect(r.points.some((p) => /cracked tank/.test(p.text))).toBe(true);
  });
});
