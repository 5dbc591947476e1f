/**
 * A list item's bullet ("- ", "* ", "• ") is the page's mark, not the item's words: a key-points list in a live blog
 * or a fact box yields paragraphs (and summary points, quotes, events) that start at the item's first word, still
 * verbatim at their offsets.
 */
import { describe, expect, it } from 'vitest';
import { doc } from '../../helpers/corpus.js';

const TEXT = `Floods: live updates

The river burst its banks overnight, the council said.

* The council opened a rest centre at the town hall.

• Roads remain closed in the lower town.

- About 400 homes were flooded after the river overtopped its defences.

-5 degrees is forecast for Sunday night.`;

describe('GIVEN body paragraphs that are list items', () => {
  const d = doc(TEXT);
  const texts = d.body.map((p) => p.text);

  it('THEN each starts at its first word, without the bullet', () => {
    expect(texts).toContain('The council opened a rest centre at the town hall.');
    expect(texts).toContain('Roads remain closed in the lower town.');
    expect(texts).toContain('About 400 homes were flooded after the river overtopped its defences.');
  });

  it('THEN a minus sign before a number is not a bullet', () => {
    expect(texts).toContain('-5 degrees is forecast for Sunday night.');
  });

  it('THEN paragraphs and sentences stay verbatim at their offsets', () => {
    for (const p of d.body) {
      expect(TEXT.slice(p.start, p.end)).toBe(p.text);
      for (const s of p.sentences) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    }
  });
});
