import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Citation, Paragraph } from '../../src/core/corpus/types.ts';
import {
  BUDGET,
  LIMITS,
  discordCitation,
  embedSize,
  escapeText,
  fitText,
  neutraliseMentions,
  noticePayload,
  pageButtonId,
  pagePayload,
  parsePageButtonId,
  parseSourceButtonId,
  sourceButtonId,
  sourcePayload,
  viewToPages,
  type DiscordMessagePayload,
} from '../../src/presenters/discord.ts';
import type { View, ViewItem } from '../../src/presenters/view.ts';

const cite = (paragraph: number, comment: number | null = null, documentId = 'doc_a'): Citation => ({
  documentId,
  paragraph,
  comment,
});

const titleOf = (id: string) => (id === 'doc_a' ? 'Troops land in Almaty' : undefined);

function view(items: ViewItem[], extra: Partial<View> = {}): View {
  return { title: 'Answer', sections: [{ title: 'Section', items }], ...extra };
}

function withinLimits(p: DiscordMessagePayload): void {
  expect((p.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  expect(p.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  let total = 0;
  for (const e of p.embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.footer);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
    total += embedSize(e);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.totalPerMessage);
  expect(p.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
  const ids = new Set<string>();
  for (const row of p.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const b of row.components) {
      expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect(ids.has(b.custom_id)).toBe(false);
      ids.add(b.custom_id);
    }
  }
  expect(p.allowedMentions).toEqual({ parse: [] });
}

describe('neutraliseMentions and escapeText', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['@everyone', 'hello @everyone', /@everyone/],
    ['@here', 'hey @here now', /@here/],
    ['user mention', 'ask <@123456789012345678>', /<@\d/],
    ['nickname mention', 'ask <@!123456789012345678>', /<@!\d/],
    ['role mention', 'ping <@&123456789012345678>', /<@&\d/],
    ['channel mention', 'see <#123456789012345678>', /<#\d/],
    ['mixed case', '@EveryOne', /@everyone/i],
  ];
  it.each(cases)('GIVEN %s THEN it can no longer ping', (_name, text, raw) => {
    const out = neutraliseMentions(text);
    expect(out).not.toMatch(raw);
    expect(out.replace(/\u200d/g, '')).toBe(text);
  });

  it.each([
    ['bold', '**loud**', '\\*\\*loud\\*\\*'],
    ['heading at line start', '# Breaking', '\\# Breaking'],
    ['block quote at line start', '> quoted', '\\> quoted'],
    ['masked link', '[click](http://x.invalid)', '\\[click](http://x.invalid)'],
    ['inline code', '`rm -rf`', '\\`rm -rf\\`'],
  ])('GIVEN %s in corpus text THEN it is escaped', (_name, text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });
});

describe('fitText', () => {
  it('GIVEN text that fits THEN it is kept whole', () => {
    expect(fitText('Short sentence.', 100)).toEqual({ text: 'Short sentence.', cut: false });
  });

  it('GIVEN text over the limit with sentence ends THEN it is cut after a whole sentence, with "…"', () => {
    const text = 'The first sentence is here. The second sentence is also here. A third one follows it.';
    const out = fitText(text, 70);
    expect(out.cut).toBe(true);
    expect(out.text).toBe('The first sentence is here. The second sentence is also here.…');
    expect(out.text.length).toBeLessThanOrEqual(70);
  });

  it('GIVEN one long sentence THEN it is cut at a word boundary', () => {
    const out = fitText('alpha beta gamma delta epsilon zeta eta theta', 20);
    expect(out.text).toBe('alpha beta gamma…');
  });

  it('GIVEN a backslash just before the cut THEN it stays escaped (fast-check found " \\\\  " at 4)', () => {
    const out = fitText(' \\  ', 4);
    expect(out).toEqual({ text: ' \\\\…', cut: true });
  });

  it('GIVEN escapable characters near the cut THEN no escape sequence is split and the limit holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 200 }), (raw, max) => {
        const out = fitText(raw, max);
        expect(out.text.length).toBeLessThanOrEqual(Math.max(max, 1));
        // An escape is a backslash before a character: before the ellipsis, backslashes must pair up (an escaped
        // backslash is fine, a lone one would escape the ellipsis).
        if (out.cut) expect((/(\\*)…$/.exec(out.text)?.[1]?.length ?? 0) % 2).toBe(0);
      }),
    );
  });
});

describe('citations and custom ids', () => {
  it.each([
    ['body paragraph', cite(3), 'Troops land in Almaty ¶3'],
    ['reader comment', cite(1, 2), 'Troops land in Almaty, reader comment #2'],
    ['second paragraph of a comment', cite(2, 2), 'Troops land in Almaty, reader comment #2 ¶2'],
    ['caption', { ...cite(1), role: 'caption' as const }, 'Troops land in Almaty, caption 1'],
    ['unknown title', cite(4, null, 'other'), 'other ¶4'],
  ])('GIVEN a %s THEN it reads "%s"', (_name, c, expected) => {
    expect(discordCitation(c, titleOf)).toBe(expected);
  });

  it.each([
    ['body', cite(3), 2],
    ['comment', cite(1, 7), null],
    ['caption', { ...cite(2), role: 'caption' as const }, 0],
    ['document id with colons', cite(1, null, 'a:b:c'), 1],
  ])('GIVEN a %s citation THEN the Show source id round-trips', (_name, c, sentence) => {
    const id = sourceButtonId(4, c, sentence);
    expect(id).not.toBeNull();
    expect(parseSourceButtonId(id ?? '')).toEqual({ cite: c, sentence });
  });

  it('GIVEN a document id too long for a custom id THEN no Show source id is made', () => {
    expect(sourceButtonId(1, cite(1, null, 'x'.repeat(120)), 0)).toBeNull();
  });

  it('GIVEN page ids THEN they round-trip and foreign ids are refused', () => {
    expect(parsePageButtonId(pageButtonId('12345', 3))).toEqual({ key: '12345', page: 3 });
    expect(parsePageButtonId('debate:join:1')).toBeNull();
    expect(parseSourceButtonId('cp:src:1')).toBeNull();
  });
});

describe('viewToPages and pagePayload', () => {
  it('GIVEN a short answer THEN one page, numbered items, citations, Show source buttons, no navigation', () => {
    const v = view([
      { text: 'Troops arrived on Thursday.', cite: cite(2), heading: 'Arrival' },
      { text: 'A comment.', cite: cite(1, 3) },
    ]);
    const pages = viewToPages(v, { titleOf });
    expect(pages).toHaveLength(1);
    const p = pagePayload(v, pages, 0, 'k');
    withinLimits(p);
    const d = p.embeds[0]?.description ?? '';
    expect(d).toContain('**Arrival**');
    expect(d).toContain('Troops land in Almaty ¶2');
    expect(d).toContain('reader comment #3');
    expect(p.components).toHaveLength(1);
    expect(p.components[0]?.components.map((b) => b.label)).toEqual(['Source 1', 'Source 2']);
  });

  it('GIVEN items without a citation THEN they show their source label and get no button', () => {
    const v = view([{ text: 'Outlet · news report', heading: 'A title', source: 'doc_a' }]);
    const p = pagePayload(v, viewToPages(v), 0, null);
    expect(p.embeds[0]?.description).toContain('*— doc\\_a*');
    expect(p.components).toHaveLength(0);
  });

  it('GIVEN exactly one page of items at the budget THEN there is no navigation row', () => {
    const items = Array.from({ length: BUDGET.itemsPerPage }, (_, i) => ({
      text: `Item ${i}.`,
      cite: cite(i + 1),
    }));
    const v = view(items);
    const pages = viewToPages(v, { titleOf });
    expect(pages).toHaveLength(1);
    const p = pagePayload(v, pages, 0, 'k');
    withinLimits(p);
    expect(p.components.flatMap((r) => r.components).some((b) => b.label === 'Next')).toBe(false);
  });

  it('GIVEN one item more than a page holds THEN two pages with Previous/Next and every item kept', () => {
    const items = Array.from({ length: BUDGET.itemsPerPage + 1 }, (_, i) => ({
      text: `Item number ${i}.`,
      cite: cite(i + 1),
    }));
    const v = view(items, { footer: 'From the corpus' });
    const pages = viewToPages(v, { titleOf });
    expect(pages).toHaveLength(2);
    const first = pagePayload(v, pages, 0, 'key1');
    const second = pagePayload(v, pages, 1, 'key1');
    withinLimits(first);
    withinLimits(second);
    expect(first.embeds[0]?.footer?.text).toBe('From the corpus · Page 1/2');
    const nav = first.components[0]?.components ?? [];
    expect(nav.map((b) => [b.label, b.disabled])).toEqual([
      ['Previous', true],
      ['Next', false],
    ]);
    expect(parsePageButtonId(nav[1]?.custom_id ?? '')).toEqual({ key: 'key1', page: 1 });
    expect(second.embeds[0]?.description).toContain('Item number 10.');
    expect(second.embeds[0]?.description).toContain('Section**__ (continued)');
  });

  it('GIVEN a single item longer than every limit THEN it is cut with "…" and keeps its Show source button', () => {
    const long = 'The convoy moved north through the night. '.repeat(300);
    const v = view([{ text: long, cite: cite(1) }]);
    const pages = viewToPages(v, { titleOf });
    const p = pagePayload(v, pages, 0, null);
    withinLimits(p);
    expect(p.embeds[0]?.description).toMatch(/night\.…/);
    expect(p.components[0]?.components[0]?.label).toBe('Source 1');
  });

  it('GIVEN a title, intro and footer over their limits THEN each is cut within its limit', () => {
    const v = view([{ text: 'x', cite: cite(1) }], {
      title: 'T'.repeat(400),
      intro: 'I '.repeat(3000),
      footer: 'F '.repeat(3000),
    });
    const p = pagePayload(v, viewToPages(v), 0, null);
    withinLimits(p);
  });

  it('GIVEN an image THEN it is attached and the embed shows attachment://name', () => {
    const v = view([{ text: 'x' }], {
      image: { name: 'timeline chart', png: new Uint8Array([1, 2, 3]), alt: 'chart' },
    });
    const p = pagePayload(v, viewToPages(v), 0, null);
    expect(p.files?.[0]?.name).toBe('timeline_chart.png');
    expect(p.embeds[0]?.image?.url).toBe('attachment://timeline_chart.png');
  });

  it('GIVEN an ephemeral view THEN the payload carries the ephemeral flag', () => {
    const v = view([{ text: 'x' }], { ephemeral: true });
    expect(pagePayload(v, viewToPages(v), 0, null).flags).toBe(64);
  });

  it('GIVEN any view (random sizes and characters) THEN every page stays within every Discord limit', () => {
    const item = fc.record({
      text: fc.string({ maxLength: 3000 }),
      heading: fc.option(fc.string({ maxLength: 400 }), { nil: undefined }),
      cite: fc.option(
        fc.record({
          documentId: fc.stringMatching(/^[a-z0-9_]{1,90}$/),
          paragraph: fc.integer({ min: 1, max: 999 }),
          comment: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
        }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ title: fc.string({ maxLength: 300 }), items: fc.array(item, { maxLength: 30 }) }),
          {
            maxLength: 4,
          },
        ),
        fc.string({ maxLength: 500 }),
        (sections, title) => {
          const v: View = { title, sections };
          const pages = viewToPages(v, { titleOf });
          const count = sections.reduce((n, s) => n + s.items.length, 0);
          expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(count / BUDGET.itemsPerPage));
          pages.forEach((_, i) => withinLimits(pagePayload(v, pages, i, '1234567890123456789')));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('sourcePayload and noticePayload', () => {
  const paragraph = (sentences: string[]): Paragraph => {
    let at = 0;
    const s = sentences.map((text) => {
      const sentence = { text, start: at, end: at + text.length, tokens: [] };
      at += text.length + 1;
      return sentence;
    });
    return {
      documentId: 'doc_a',
      index: 2,
      comment: null,
      role: 'body',
      text: sentences.join(' '),
      start: 0,
      end: at,
      sentences: s,
    };
  };
  const doc = {
    title: 'Troops land in Almaty',
    kind: 'opinion' as const,
    outlet: 'The Daily',
    published: '2022-01-07',
  };

  it('GIVEN a cited sentence THEN the paragraph is shown ephemerally with that sentence in bold, title and kind', () => {
    const p = sourcePayload(doc, paragraph(['First one.', 'Second @everyone one.', 'Third.']), cite(2), 1);
    withinLimits(p);
    expect(p.flags).toBe(64);
    const e = p.embeds[0];
    expect(e?.title).toBe('Troops land in Almaty');
    expect(e?.author?.name).toBe('Opinion · The Daily · 2022-01-07');
    expect(e?.description).toBe('First one. **Second @\u200deveryone one.** Third.');
    expect(e?.footer?.text).toBe('Troops land in Almaty ¶2');
  });

  it('GIVEN a paragraph longer than a description THEN it is cut within the limit', () => {
    const p = sourcePayload(
      doc,
      paragraph(Array.from({ length: 200 }, (_, i) => `Sentence ${i} is long.`.repeat(3))),
      cite(2),
      150,
    );
    withinLimits(p);
    expect(p.embeds[0]?.description?.endsWith('…')).toBe(true);
  });

  it('GIVEN a notice of 6000 characters THEN it is cut to 2000, ephemeral, mentions muted', () => {
    const p = noticePayload('@everyone '.repeat(600));
    withinLimits(p);
    expect(p.flags).toBe(64);
    expect(p.content).not.toMatch(/@everyone/);
  });
});
