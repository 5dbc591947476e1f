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
  private readonly paragraphsByStem: number[][] = [];
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
    for (const s of stems) (this.paragraphsByStem[s] ??= []).push(slot);
    return slot;
  }

  build(): ContextIndex {
    return {
      paragraphsByStem: this.paragraphsByStem,
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
  private readonly paragraphs: Uint32Array;
  private readonly titles: Uint32Array;

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
