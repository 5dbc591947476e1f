/**
 * The claims' holders as the positions engine reads them (`ClaimAnalysis.holders`, made once at analysis): each
 * claim's holder by number, its flags, and the replies to a reader comment's holder.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src/core/analysis.js';
import {
  ATTRIBUTED,
  COMMENT,
  MENTION,
  OPINION,
  QUOTED,
  claimHolders,
} from '../../../src/core/viewpoints/holders.js';
import type { Claim } from '../../../src/core/viewpoints/types.js';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { FERRY_THREAD } from '../../helpers/ferry-thread.js';

const REPORT = `Island ferry fares to rise in April

By Lee Hart, Coast Herald

March 3, 2025

The ferry company said on Monday that fares on the island routes would rise by a tenth in April.

The rise will surely hurt island businesses badly.

"Fuel has doubled in price and we cannot keep sailing at a loss," said Rhona Baird, the company's chief executive.

${FERRY_THREAD}`;

const COLUMN = `Opinion: The ferry rise is a tax on islanders

By Ailsa Grant

March 4, 2025

The fare rise is unfair to every family on the islands and should be scrapped.`;

describe('GIVEN a report quoting a speaker, with a comment thread, and an opinion column', () => {
  const a = analyzeCorpus(
    corpusOfTexts(
      { report: REPORT, column: COLUMN },
      { report: { kind: 'news', outlet: 'Coast Herald' }, column: { kind: 'opinion' } },
    ),
  );
  const { claims, holders } = a.claims;
  const find = (words: string): Claim => {
    const c = claims.find((x) => x.text.includes(words));
    if (c === undefined) throw new Error(`no claim with “${words}”`);
    return c;
  };
  const nameOf = (c: Claim) => holders.names[holders.holder[c.id] as number];
  const has = (c: Claim, flag: number) => ((holders.flags[c.id] as number) & flag) !== 0;
  const repliesTo = (c: Claim): number[] => {
    const list = holders.replies[c.id] as number;
    if (list < 0) return [];
    return [...holders.replyIds.subarray(holders.replyStart[list], holders.replyStart[list + 1])];
  };

  it("THEN a quote's claim is held by its speaker, attributed and quoted, and is no comment's", () => {
    const c = find('cannot keep sailing');
    expect(c.holder).toBe('Rhona Baird');
    expect(nameOf(c)).toBe('Rhona Baird');
    expect(has(c, ATTRIBUTED) && has(c, QUOTED)).toBe(true);
    expect(has(c, COMMENT) || has(c, MENTION)).toBe(false);
  });

  it("THEN an opinion column's claim is held by its author, an opinion, not attributed", () => {
    const c = find('should be scrapped');
    expect(nameOf(c)).toBe(c.holder);
    expect(c.kind).toBe('opinion');
    expect(has(c, OPINION)).toBe(true);
    expect(has(c, ATTRIBUTED) || has(c, COMMENT)).toBe(false);
  });

  it("THEN a reader comment's claim is held by its commenter, a comment, and the report's own narration is no opinion", () => {
    const c = find('should be frozen');
    expect(nameOf(c)).toBe('reader comment #1');
    expect(has(c, COMMENT)).toBe(true);
    expect(find('hurt island businesses').kind).toBe('news report');
    expect(has(find('hurt island businesses'), OPINION)).toBe(false);
  });

  it('THEN the comment answered lists the reply that rebuts it, with the same holder number as its rebuttal names', () => {
    const first = find('should be frozen');
    const reply = find('who pays the crews');
    expect(reply.rebuts).toBe('reader comment #1');
    expect(holders.rebuts[reply.id]).toBe(holders.holder[first.id]);
    expect(repliesTo(first)).toContain(reply.id);
    // The assent rebuts nobody, so is no reply; a comment nobody rebuts has none; a claim held once has one number.
    expect(repliesTo(first)).not.toContain(find('Agreed').id);
    expect(repliesTo(reply)).toEqual([]);
    expect(holders.rebuts[first.id]).toBe(-1);
    expect(new Set(holders.names).size).toBe(holders.names.length);
  });

  it('THEN the holders are the same when made again from the claims alone (as a restored snapshot makes them)', () => {
    expect(claimHolders(claims)).toStrictEqual(holders);
  });
});
