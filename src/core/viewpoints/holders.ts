/**
 * Who holds each claim, in the form the positions engine reads at every query: numbers rather than names, flags
 * rather than the claim objects' fields (on a large corpus each claim object read is likely a cache miss), and the
 * replies to each reader comment's holder. Computed once from the claims alone, at analysis (and again when a
 * snapshot is restored), so a query only reads it.
 */
import type { Claim } from './types.js';

/** `Claim.mention`: a comment's sentence quoting another's words back (its holder does not hold it). */
export const MENTION = 1;
/** A reader comment's claim. */
export const COMMENT = 2;
/** `Claim.attributed`: a speaker named in the text holds it. */
export const ATTRIBUTED = 4;
/** `Claim.quoted`: the holder's own quoted words. */
export const QUOTED = 8;
/** Not a report's own narration (`Claim.kind` other than "news report": an opinion, an official's, a comment's). */
export const OPINION = 16;

export interface ClaimHolders {
  /**
   * The names holding or rebutted by claims, by number: each claim's holder and each name a rebuttal answers
   * (`Claim.rebuts`), numbered together in claim order, one number per name.
   */
  readonly names: readonly string[];
  /** By claim id: its holder's number. */
  readonly holder: Int32Array;
  /** By claim id: the number of the holder its rebuttal answers, -1 for none. */
  readonly rebuts: Int32Array;
  /** By claim id: its flags (MENTION, COMMENT, ATTRIBUTED, QUOTED, OPINION). */
  readonly flags: Uint8Array;
  /**
   * By claim id, for a reader comment's claim: the number of the list of claims in its document that rebut its
   * holder (the claims' ids from `replyIds[replyStart[list]]` to before `replyIds[replyStart[list + 1]]`, ascending),
   * -1 when none does (and for every other claim). Claims of one document and holder share their list.
   */
  readonly replies: Int32Array;
  readonly replyStart: Int32Array;
  readonly replyIds: Int32Array;
}

/** The holders of `claims` (listed by id: `claims[i].id === i`). */
export function claimHolders(claims: readonly Claim[]): ClaimHolders {
  const n = claims.length;
  const numbers = new Map<string, number>();
  const names: string[] = [];
  const numberOf = (name: string): number => {
    let k = numbers.get(name);
    if (k === undefined) {
      k = names.length;
      numbers.set(name, k);
      names.push(name);
    }
    return k;
  };
  const holder = new Int32Array(n);
  const rebuts = new Int32Array(n);
  const flags = new Uint8Array(n);
  // Documents numbered as met (a document's claims are usually consecutive: looked up only when it changes).
  const docs = new Map<string, number>();
  const docOf = new Int32Array(n);
  let lastDoc: string | null = null;
  let doc = -1;
  let rebutting = 0;
  for (let id = 0; id < n; id++) {
    const c = claims[id] as Claim;
    if (c.documentId !== lastDoc) {
      lastDoc = c.documentId;
      doc = docs.get(lastDoc) ?? docs.size;
      docs.set(lastDoc, doc);
    }
    docOf[id] = doc;
    holder[id] = numberOf(c.holder);
    rebuts[id] = c.rebuts === null ? -1 : numberOf(c.rebuts);
    if (c.rebuts !== null) rebutting++;
    flags[id] =
      (c.mention === true ? MENTION : 0) |
      (c.comment !== null ? COMMENT : 0) |
      (c.attributed ? ATTRIBUTED : 0) |
      (c.quoted ? QUOTED : 0) |
      (c.kind !== 'news report' ? OPINION : 0);
  }
  const replies = new Int32Array(n).fill(-1);
  // The rebutting claims by document and holder rebutted (a number: document times names, plus holder), in id order.
  const byKey = new Map<number, number[]>();
  const width = names.length;
  if (rebutting > 0)
    for (let id = 0; id < n; id++) {
      const r = rebuts[id] as number;
      if (r < 0) continue;
      const key = (docOf[id] as number) * width + r;
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [id]);
      else list.push(id);
    }
  const lists = new Map<number, number>();
  const replyStart: number[] = [0];
  const replyIds: number[] = [];
  if (byKey.size > 0)
    for (let id = 0; id < n; id++) {
      if (((flags[id] as number) & COMMENT) === 0) continue;
      const key = (docOf[id] as number) * width + (holder[id] as number);
      const list = byKey.get(key);
      if (list === undefined) continue;
      let k = lists.get(key);
      if (k === undefined) {
        k = lists.size;
        lists.set(key, k);
        for (const r of list) replyIds.push(r);
        replyStart.push(replyIds.length);
      }
      replies[id] = k;
    }
  return {
    names,
    holder,
    rebuts,
    flags,
    replies,
    replyStart: Int32Array.from(replyStart),
    replyIds: Int32Array.from(replyIds),
  };
}
