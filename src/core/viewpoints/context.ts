/**
 * What a claim is about when it says "it" or "they": the index terms of its paragraph, of the two paragraphs
 * before it (in the same article body or the same reader comment) and, in an article, of its title. Kept as
 * postings (stem id -> paragraph slots, stem id -> titles) built once at analysis, so neither a per-paragraph set
 * of stems is materialised nor a query scans one: a query marks the slots its few subject stems occur in.
 */

export interface ContextIndex {
  /** Paragraph slots (ascending) whose index terms have each stem, by stem id. */
  readonly paragraphsByStem: readonly (readonly number[] | undefined)[];
  /** Titles (ascending) whose index terms have each stem, by stem id. */
  readonly titlesByStem: readonly (readonly number[] | undefined)[];
  /** For each paragraph slot: the first slot of its article body or comment. */
  readonly visitStart: readonly number[];
  /** For each paragraph slot: its article's title, or -1 (a reader comment's paragraphs have none). */
  readonly titleOf: readonly number[];
  /** How many titles. */
  readonly titles: number;
}

export class ContextBuilder {
  // Paragraph postings as (stem, slot) pairs in slot order, made into one list per stem at build: cheaper than
  // growing thousands of small arrays a push at a time.
  private pairStems = new Int32Array(1 << 14);
  private pairSlots = new Int32Array(1 << 14);
  private pairs = 0;
  private readonly titlesByStem: number[][] = [];
  private readonly visitStart: number[] = [];
  private readonly titleOf: number[] = [];
  private titles = 0;

  /** A title with its distinct stem ids; returns its number. */
  addTitle(stems: readonly number[]): number {
    const id = this.titles++;
    for (const s of stems) (this.titlesByStem[s] ??= []).push(id);
    return id;
  }

  /** The slot the next paragraph will get. */
  get nextSlot(): number {
    return this.visitStart.length;
  }

  /** A paragraph with its distinct stem ids; returns its slot. */
  addParagraph(stems: readonly number[], visitStart: number, title: number): number {
    const slot = this.visitStart.length;
    this.visitStart.push(visitStart);
    this.titleOf.push(title);
    if (this.pairs + stems.length > this.pairStems.length) {
      const size = Math.max(this.pairs + stems.length, this.pairStems.length * 2);
      const grownStems = new Int32Array(size);
      grownStems.set(this.pairStems);
      this.pairStems = grownStems;
      const grownSlots = new Int32Array(size);
      grownSlots.set(this.pairSlots);
      this.pairSlots = grownSlots;
    }
    for (let k = 0; k < stems.length; k++) {
      this.pairStems[this.pairs] = stems[k] as number;
      this.pairSlots[this.pairs] = slot;
      this.pairs++;
    }
    return slot;
  }

  build(): ContextIndex {
    const { pairStems, pairSlots, pairs } = this;
    // Slots by stem, each list sized once; stems without a paragraph stay holes, the array as long as the largest
    // stem with one (as lists made by pushing would be).
    let size = 0;
    for (let k = 0; k < pairs; k++) size = Math.max(size, (pairStems[k] as number) + 1);
    const counts = new Int32Array(size);
    for (let k = 0; k < pairs; k++) {
      const s = pairStems[k] as number;
      counts[s] = (counts[s] as number) + 1;
    }
    const paragraphsByStem: number[][] = new Array<number[]>(size);
    const filled = new Int32Array(size);
    for (let k = 0; k < pairs; k++) {
      const s = pairStems[k] as number;
      const list = (paragraphsByStem[s] ??= new Array<number>(counts[s] as number));
      const at = filled[s] as number;
      list[at] = pairSlots[k] as number;
      filled[s] = at + 1;
    }
    return {
      paragraphsByStem,
      titlesByStem: this.titlesByStem,
      visitStart: this.visitStart,
      titleOf: this.titleOf,
      titles: this.titles,
    };
  }
}

/**
 * For some stems (at most 32), which of them each paragraph slot's context has: bit j of `of(slot)` is set when
 * `stems[j]` (-1: none) is in the slot's paragraph, one of the two before it in the same body or comment, or the
 * article's title.
 */
export class ContextMasks {
  /** By paragraph slot, and by title: which of the stems it has (`of` combines a slot's with its context's). */
  readonly paragraphs: Uint32Array;
  readonly titles: Uint32Array;

  /**
   * `buffers`, when given, are all-zero arrays of the index's slot and title counts that the masks are written
   * into (a query reuses them rather than allocating two corpus-sized arrays per call).
   */
  constructor(
    private readonly index: ContextIndex,
    stems: readonly number[],
    buffers?: { readonly paragraphs: Uint32Array; readonly titles: Uint32Array },
  ) {
    const paragraphs = buffers?.paragraphs ?? new Uint32Array(index.visitStart.length);
    const titles = buffers?.titles ?? new Uint32Array(index.titles);
    this.paragraphs = paragraphs;
    this.titles = titles;
    // Indexed loops: a postings list can hold thousands of slots.
    for (let j = 0; j < stems.length; j++) {
      const s = stems[j] as number;
      if (s < 0) continue;
      const bit = 1 << j;
      const slots = index.paragraphsByStem[s];
      if (slots !== undefined)
        for (let k = 0; k < slots.length; k++) {
          const slot = slots[k] as number;
          paragraphs[slot] = (paragraphs[slot] as number) | bit;
        }
      const ts = index.titlesByStem[s];
      if (ts !== undefined)
        for (let k = 0; k < ts.length; k++) {
          const t = ts[k] as number;
          titles[t] = (titles[t] as number) | bit;
        }
    }
  }

  of(slot: number): number {
    const { visitStart, titleOf } = this.index;
    const first = visitStart[slot] as number;
    let mask = this.paragraphs[slot] as number;
    if (slot - 1 >= first) mask |= this.paragraphs[slot - 1] as number;
    if (slot - 2 >= first) mask |= this.paragraphs[slot - 2] as number;
    const title = titleOf[slot] as number;
    if (title >= 0) mask |= this.titles[title] as number;
    return mask;
  }
}
