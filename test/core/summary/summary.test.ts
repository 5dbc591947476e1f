import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src/core/analysis.js';
import { summarise } from '../../../src/core/summary/select.js';
import { ineligibility } from '../../../src/core/summary/model.js';
import { corpusOfTexts, seedAnalysis } from '../../helpers/corpus.js';
import { FLOOD_HINTS, FLOOD_TEXTS } from './fixtures.js';
import { pointLabel } from '../../../src/presenters/summary.js';

const flood = analyzeCorpus(corpusOfTexts(FLOOD_TEXTS, FLOOD_HINTS));
const ask = (options: Parameters<typeof summarise>[2]) => {
  const r = summarise(flood.summary, flood.index, options);
  if (!r.ok) throw new Error('no summary');
  return r.points;
};

describe('GIVEN sentences that cannot stand alone', () => {
  const find = (needle: string) => {
    const p = flood.index.passages.find((x) => x.text.includes(needle));
    if (!p) throw new Error(`no passage with ${needle}`);
    return p;
  };
  it.each([
    { name: 'a question', needle: 'Did anyone see this coming', expected: 'question' },
    { name: 'a fragment of four words', needle: 'Not the council', expected: 'fragment' },
    {
      name: 'a quotation nobody is said to speak',
      needle: 'This is a disgrace',
      expected: 'unattributed-quote',
    },
    { name: 'a quotation attributed in the sentence', needle: 'We told them every winter', expected: null },
    { name: 'a plain reported sentence', needle: 'Insurers estimate the damage', expected: null },
  ])('$name THEN ineligibility is $expected', ({ needle, expected }) => {
    expect(ineligibility(find(needle))).toBe(expected);
  });
});

describe('GIVEN the flood corpus', () => {
  it('two near-duplicate sentences from two reports THEN the summary keeps at most one', () => {
    for (const length of ['short', 'medium', 'long'] as const) {
      const points = ask({ length });
      expect(points.filter((p) => p.text.includes('burst its banks')).length).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    { length: 'short' as const, max: 3 },
    { length: 'medium' as const, max: 6 },
    { length: 'long' as const, max: 10 },
  ])('length $length THEN at most $max distinct points', ({ length, max }) => {
    const points = ask({ length });
    expect(points.length).toBeGreaterThan(0);
    expect(points.length).toBeLessThanOrEqual(max);
    expect(new Set(points.map((p) => p.start + p.documentId)).size).toBe(points.length);
  });

  it('a corpus summary THEN draws on more than one source', () => {
    expect(new Set(ask({ length: 'medium' }).map((p) => p.documentId)).size).toBeGreaterThan(1);
  });

  it.each(Object.keys(FLOOD_TEXTS))('source mode on %s THEN every point comes from it', (id) => {
    const points = ask({ length: 'long', documentId: id });
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(p.documentId).toBe(id);
  });

  it('every point THEN is verbatim at its offsets and cites its paragraph', () => {
    for (const options of [
      { length: 'long' as const },
      { length: 'long' as const, documentId: 'b_report' },
      { topic: 'soldiers army' },
    ]) {
      for (const p of ask(options)) {
        const doc = flood.corpus.byId.get(p.documentId);
        expect(doc?.text.slice(p.start, p.end)).toBe(p.text);
        expect(doc?.body[p.paragraph - 1]?.text).toContain(p.text);
      }
    }
  });

  it.each([
    { topic: 'soldiers army support', terms: ['soldier', 'army', 'support'] },
    { topic: 'insurance damage', terms: ['damage', 'insurer'] },
    { topic: 'warnings ignored', terms: ['warning', 'ignore'] },
  ])('topic "$topic" THEN every point is about it', ({ topic, terms }) => {
    const points = ask({ topic, length: 'short' });
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) {
      const own = flood.index.termsOf(p.text);
      expect(terms.some((t) => own.includes(t))).toBe(true);
    }
  });

  it('a topic the corpus never mentions THEN NO_RESULTS', () => {
    expect(summarise(flood.summary, flood.index, { topic: 'volcano eruption' })).toEqual({
      ok: false,
      code: 'NO_RESULTS',
    });
  });

  it('points from the opinion piece THEN are kind opinion and labelled so; reports are not', () => {
    const points = ask({ length: 'long' });
    const fromOpinion = points.filter((p) => p.documentId === 'c_opinion');
    expect(fromOpinion.length).toBeGreaterThan(0);
    for (const p of points) {
      expect(p.kind).toBe(p.documentId === 'c_opinion' ? 'opinion' : 'news');
      expect(pointLabel(p.kind, p.comment)).toBe(p.kind === 'opinion' ? 'opinion' : null);
    }
  });
});

describe('GIVEN the seed corpus', () => {
  it('every corpus and source point THEN is verbatim, eligible, and never a reader comment', async () => {
    const a = await seedAnalysis();
    const runs = [
      { length: 'long' as const },
      ...a.corpus.documents.map((d) => ({ length: 'long' as const, documentId: d.meta.id })),
    ];
    for (const options of runs) {
      const r = summarise(a.summary, a.index, options);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      for (const p of r.points) {
        expect(a.corpus.byId.get(p.documentId)?.text.slice(p.start, p.end)).toBe(p.text);
        expect(p.comment).toBeNull();
        expect(p.text.trim().endsWith('?')).toBe(false);
        expect(p.text.split(/\s+/).length).toBeGreaterThanOrEqual(6);
      }
    }
  });
});

describe('GIVEN a sentence that opens a quotation the next sentence of its paragraph closes', () => {
  const a = analyzeCorpus(
    corpusOfTexts({
      recall: `Regulator recalls heart drug

The regulator ordered the recall of the heart drug on Tuesday after tests found an impurity in several batches.

Dr Amara Okonkwo, the agency's chief executive, said: 'We are acting on the precautionary principle. Patients should not stop taking their medicine without speaking to a pharmacist first.'

The minister said: “The agency acted quickly. We will review the rules.”

The company said it would replace every affected pack free of charge.`,
    }),
  );
  const sentenceOf = (words: string) => {
    const s = a.summary.sentences.find((x) => x.passage.text.includes(words));
    if (!s) throw new Error(words);
    return s;
  };

  it.each([
    ['a straight single quotation mark (British style)', 'precautionary principle', "pharmacist first.'"],
    ['curly double quotation marks', 'acted quickly', 'review the rules.”'],
  ])('with %s THEN its point runs on to the closing mark, still verbatim', (_name, opening, closing) => {
    const s = sentenceOf(opening);
    expect(s.text.endsWith(closing)).toBe(true);
    expect(a.corpus.byId.get('recall')?.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('THEN a sentence that opens no quotation keeps its own end', () => {
    const s = sentenceOf('replace every affected pack');
    expect(s.text).toBe('The company said it would replace every affected pack free of charge.');
  });
});

describe('GIVEN a sentence that ends with a colon, introducing the paragraph after it', () => {
  it('THEN it cannot stand alone as a point', () => {
    const a = analyzeCorpus(
      corpusOfTexts({
        letter: `Farmers write to the minister

Grain shippers asked the government on Tuesday to end the port strike.

In a letter to Labour Minister Priya Sandhu dated Tuesday, the council's director wrote:

"Our members have contracts with buyers in Japan that were signed months ago."`,
      }),
    );
    const p = a.index.passages.find((x) => x.text.startsWith('In a letter'));
    if (!p) throw new Error('no passage');
    expect(ineligibility(p)).toBe('fragment');
  });
});

describe('GIVEN stories opening with a wire dateline', () => {
  const a = analyzeCorpus(
    corpusOfTexts({
      ap: 'Council approves arena\n\nRIVERTON, Ohio (AP) — The Riverton City Council narrowly approved $410 million for a new arena late Tuesday.\n\nOpponents said they would start a petition.',
      wire: 'EU to review drug batches\n\nBRUSSELS, Sept 4 - The European Commission said on Wednesday it would review all batches of the drug.\n\nThe review will take a month.',
      release:
        'Operators table final offer\n\nVancouver, B.C. - The terminal operators today called on the union to put the final offer to a vote.\n\nThe union did not reply.',
      plain:
        'Mayor speaks\n\nMayor Ana Ruiz - a former teacher - said the arena deal was the best the city could get.\n\nShe spoke for an hour.',
    }),
  );
  const first = (id: string) => {
    const s = a.summary.sentences.find((x) => x.passage.documentId === id && x.passage.paragraph === 1);
    if (!s) throw new Error(id);
    return s;
  };
  it.each([
    ['ap', 'The Riverton City Council narrowly approved'],
    ['wire', 'The European Commission said on Wednesday'],
    ['release', 'The terminal operators today called'],
    ['plain', 'Mayor Ana Ruiz - a former teacher - said'],
  ])('%s THEN the point starts at the news, not the dateline, and stays verbatim', (id, opening) => {
    const s = first(id);
    expect(s.text.startsWith(opening)).toBe(true);
    expect(a.corpus.byId.get(id)?.text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('GIVEN a sentence opening on a pronoun that points back ("It includes …")', () => {
  const a = analyzeCorpus(
    corpusOfTexts({
      offer: `Operators table final offer

The terminal operators called on the union on Thursday to put their final offer to a vote.

We tabled our final offer yesterday afternoon. It includes a 14% wage increase over four years and a fund for retraining.

It is too early to say whether the union will accept the offer this week.

The union said it would study the offer before the weekend.`,
    }),
  );
  const sentenceOf = (words: string) => {
    const s = a.summary.sentences.find((x) => x.passage.text.includes(words));
    if (!s) throw new Error(words);
    return s;
  };

  it('THEN its point takes in the sentence before it, still verbatim', () => {
    const s = sentenceOf('It includes a 14% wage increase');
    expect(s.text).toBe(
      'We tabled our final offer yesterday afternoon. It includes a 14% wage increase over four years and a fund for retraining.',
    );
    expect(a.corpus.byId.get('offer')?.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('THEN an empty "it" ("It is too early to say …") keeps its own sentence', () => {
    expect(sentenceOf('too early to say').text.startsWith('It is too early')).toBe(true);
  });

  it('THEN no summary repeats the words of another of its points', () => {
    for (const length of ['short', 'medium', 'long'] as const) {
      const r = summarise(a.summary, a.index, { length });
      if (!r.ok) throw new Error('no summary');
      for (const p of r.points)
        for (const q of r.points) if (p !== q) expect(p.start < q.end && q.start < p.end).toBe(false);
    }
  });
});

describe('GIVEN an interview and a quotation of several sentences', () => {
  const a = analyzeCorpus(
    corpusOfTexts({
      qa: `Q&A with observer chief Ana Petrak

Ana Petrak has led the Open Ballot Network, the largest monitoring group, since 2019.

**Jonas Feld:** Is Tomas Brenner right about the count?

**Ana Petrak:** No. We have seen nothing that supports a number like that. What we saw in precinct 9 looks like one batch entered twice.

**Jonas Feld:** Should the recount cover the whole region?

**Ana Petrak:** On the evidence we have, no. If the Lindau recount turns up something systematic, that changes.`,
    }),
  );
  const sentenceOf = (words: string) => {
    const s = a.summary.sentences.find((x) => x.passage.text.includes(words));
    if (!s) throw new Error(words);
    return s;
  };

  it("THEN an answer's point leaves out the speaker's label, names the speaker beside it, and stays verbatim", () => {
    const s = sentenceOf('On the evidence we have');
    expect(s.text).toBe('On the evidence we have, no.');
    expect(s.speaker).toBe('Ana Petrak');
    expect(a.corpus.byId.get('qa')?.text.slice(s.start, s.end)).toBe(s.text);
  });

  it("THEN a later sentence of the same answer is hers too, not the outlet's", () => {
    expect(sentenceOf('If the Lindau recount turns up').speaker).toBe('Ana Petrak');
    expect(sentenceOf('What we saw in precinct 9').speaker).toBe('Ana Petrak');
  });
});

describe('GIVEN a sentence opening on a possessive pointing back ("Its director, …")', () => {
  it('THEN its point takes in the sentence before it, which says whose', () => {
    const a = analyzeCorpus(
      corpusOfTexts({
        ngo: `Observers back the recount

The Open Ballot Network monitored 70 percent of polling stations on election day.

The group reported the gaps in Lindau first. Its director, Ana Petrak, told reporters that the count had been sloppy.

The commission said it would publish every tally sheet.`,
      }),
    );
    const s = a.summary.sentences.find((x) => x.passage.text.startsWith('Its director'));
    expect(s?.text).toBe(
      'The group reported the gaps in Lindau first. Its director, Ana Petrak, told reporters that the count had been sloppy.',
    );
  });
});

describe("GIVEN a transcript's editor's line and a reporter's question", () => {
  it('THEN neither can be a point', () => {
    const a = analyzeCorpus(
      corpusOfTexts({
        t: 'Nordhavn press conference\n\nThe following is an edited transcript of a press conference held on Wednesday.\n\nQ. Mr. Halvorsen, the board says you are buying the company on the cheap. What is your answer?\n\nThe board rejected the offer on Friday.',
      }),
    );
    const find = (w: string) => a.index.passages.find((x) => x.text.includes(w));
    expect(ineligibility(find('The following is') as Parameters<typeof ineligibility>[0])).toBe('fragment');
    expect(ineligibility(find('Q. Mr. Halvorsen') as Parameters<typeof ineligibility>[0])).toBe('question');
  });
});
