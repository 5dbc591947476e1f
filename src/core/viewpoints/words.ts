/**
 * What the viewpoints lexicon says of each distinct word, computed once per word rather than once per token: a
 * corpus of a million tokens holds a few thousand distinct (form, lemma, tag) words. Every per-token question the
 * engine asks (is it a modal, a lexicon word, a flipper, a clause break, a content word; its index term and stem)
 * is one table lookup. Index terms and their stems are interned to small integers, so a claim's stems and its
 * context's stems are sorted integer arrays instead of sets of strings.
 */
import type { Token } from '../corpus/types.js';
import { isContentToken, termOf } from '../search/index.js';
import {
  ATTRIBUTION_VERBS,
  CLAUSE_BREAKS,
  CONTRAST_MARKERS,
  DOUBT_VERBS,
  FLIPPERS,
  MODALS,
  NOT_WITH_OBJECT,
  ARTICLE_NOUN_SENSE,
  PARTICLE_FORM,
  POLAR_WORDS,
  POLARITY_GROUPS,
  TRAILING_FLIPPERS,
  stem,
} from './lexicon.js';

/** `MODALS.has(normal)`. */
export const MODAL = 1;
/** `POLAR_WORDS.has(normal) || POLAR_WORDS.has(lowercased lemma)`. */
export const POLAR = 2;
/** `FLIPPERS.has(normal)`. */
export const FLIPPER = 4;
/** `CONTRAST_MARKERS.has(normal)`. */
export const CONTRAST = 8;
/** `CLAUSE_BREAKS.has(normal)`. */
export const CLAUSE_BREAK = 16;
/** `FLIPPERS.has(normal) || FLIPPERS.has(lowercased lemma)`. */
export const FLIPS = 32;
/** `TRAILING_FLIPPERS.has(normal)` and tagged ADJ, PART or ADV. */
export const TRAILING = 64;
/** `isContentToken`. */
export const CONTENT = 128;
/** The normal form is a word of some polarity group. */
export const LEXICON_NORMAL = 256;
/** A content word whose index term is a word of some polarity group. */
export const LEXICON_TERM = 512;
/** Tagged AUX. */
export const AUX = 1024;
/** A word tagged ADJ, NOUN or PROPN (noun-phrase material). */
export const NOMINAL = 2048;
/** Tagged NOUN or PROPN. */
export const NOUN = 4096;
/** `ATTRIBUTION_VERBS.has(normal) || ATTRIBUTION_VERBS.has(lowercased lemma)`. */
export const ATTRIBUTION = 8192;
/** `NOT_WITH_OBJECT.has(lowercased lemma)`. */
export const NOT_WITH_OBJECT_LEMMA = 16384;
/** A capitalised proper-noun word (part of a name). */
export const NAME = 32768;
/** A word of `DOUBT_VERBS` tagged VERB or NOUN (the tagger often reads "critics question the…" as a noun). */
export const DOUBT = 65536;
/** `PARTICLE_FORM.has(normal)`: the bare form of a lexicon verb that may be an adverb particle here. */
export const PARTICLE = 131072;
/** `ARTICLE_NOUN_SENSE.has(normal)`: a lexicon verb whose noun after an article means something else. */
export const ARTICLE_NOUN = 262144;

export type Entries = readonly { readonly group: string; readonly pole: 1 | -1 }[];
export const NO_ENTRIES: Entries = [];

/** The polarity groups' words: the only keys a claim is ever looked up by. */
export const GROUP_WORDS: ReadonlySet<string> = new Set(
  POLARITY_GROUPS.flatMap((g) => [...g.plus, ...g.minus]),
);

export interface WordInfo {
  readonly normal: string;
  readonly lemma: string;
  readonly pos: string;
  readonly type: string;
  /** The token's text starts with an ASCII capital. */
  readonly capitalised: boolean;
  readonly flags: number;
  /** Lexicon entries by the normal form (typographic apostrophes folded), else by the lemma. */
  readonly entries: Entries;
  /** Index term (`termOf`) of a content word, "" otherwise. */
  readonly term: string;
  /** `stem(term)` of a content word, "" otherwise. */
  readonly stem: string;
  /** Interned ids of `term` and `stem` in the table that made this info, -1 for other words. */
  readonly termId: number;
  readonly stemId: number;
}

/** What the lexicon says of one token, from scratch. */
function describe(
  t: Token,
  capitalised: boolean,
  termId: (s: string) => number,
  stemId: (s: string) => number,
): WordInfo {
  const lemma = t.lemma.toLowerCase();
  const content = isContentToken(t);
  const term = content ? termOf(t) : '';
  const st = content ? stem(term) : '';
  const flags =
    (MODALS.has(t.normal) ? MODAL : 0) |
    (POLAR_WORDS.has(t.normal) || POLAR_WORDS.has(lemma) ? POLAR : 0) |
    (FLIPPERS.has(t.normal) ? FLIPPER : 0) |
    (CONTRAST_MARKERS.has(t.normal) ? CONTRAST : 0) |
    (CLAUSE_BREAKS.has(t.normal) ? CLAUSE_BREAK : 0) |
    (FLIPPERS.has(t.normal) || FLIPPERS.has(lemma) ? FLIPS : 0) |
    ((t.pos === 'VERB' || t.pos === 'NOUN') && DOUBT_VERBS.has(lemma) ? DOUBT : 0) |
    (TRAILING_FLIPPERS.has(t.normal) && (t.pos === 'ADJ' || t.pos === 'PART' || t.pos === 'ADV')
      ? TRAILING
      : 0) |
    (content ? CONTENT : 0) |
    (GROUP_WORDS.has(t.normal) ? LEXICON_NORMAL : 0) |
    (content && GROUP_WORDS.has(term) ? LEXICON_TERM : 0) |
    (t.pos === 'AUX' ? AUX : 0) |
    (t.type === 'word' && (t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN') ? NOMINAL : 0) |
    (t.pos === 'NOUN' || t.pos === 'PROPN' ? NOUN : 0) |
    (ATTRIBUTION_VERBS.has(t.normal) || ATTRIBUTION_VERBS.has(lemma) ? ATTRIBUTION : 0) |
    (NOT_WITH_OBJECT.has(lemma) ? NOT_WITH_OBJECT_LEMMA : 0) |
    (PARTICLE_FORM.has(t.normal) ? PARTICLE : 0) |
    (ARTICLE_NOUN_SENSE.has(t.normal) ? ARTICLE_NOUN : 0) |
    (t.pos === 'PROPN' && capitalised && t.type === 'word' ? NAME : 0);
  return {
    normal: t.normal,
    lemma: t.lemma,
    pos: t.pos,
    type: t.type,
    capitalised,
    flags,
    entries: POLAR_WORDS.get(t.normal.replace(/’/g, "'")) ?? POLAR_WORDS.get(lemma) ?? NO_ENTRIES,
    term,
    stem: st,
    termId: content ? termId(term) : -1,
    stemId: content ? stemId(st) : -1,
  };
}

/** Interned strings: id by string and string by id. */
export class Interner {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/** Word infos by (normal, lemma, tag, type), with the index terms and stems they intern. */
export class WordTable {
  readonly terms = new Interner();
  readonly stems = new Interner();
  /** Stem id of each term id. */
  readonly stemOfTerm: number[] = [];
  private readonly byNormal = new Map<string, WordInfo[]>();
  private readonly termId = (s: string): number => {
    const id = this.terms.id(s);
    if (id === this.stemOfTerm.length) this.stemOfTerm.push(this.stems.id(stem(s)));
    return id;
  };
  private readonly stemId = (s: string): number => this.stems.id(s);

  private stamps = new Int32Array(0);
  private round = 0;

  /** Stamps sized to the stems interned so far, and a new round (a stem is seen in this round when stamped with it). */
  private nextRound(): { stamps: Int32Array; round: number } {
    if (this.stamps.length < this.stems.values.length) {
      const grown = new Int32Array(Math.max(1024, this.stems.values.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    return { stamps: this.stamps, round: ++this.round };
  }

  /** The distinct stem ids of some lists of stem ids, in first-seen order. */
  distinctStems(lists: readonly (readonly number[])[]): number[] {
    const { stamps, round } = this.nextRound();
    const out: number[] = [];
    for (const list of lists)
      for (let i = 0; i < list.length; i++) {
        const x = list[i] as number;
        if (stamps[x] !== round) {
          stamps[x] = round;
          out.push(x);
        }
      }
    return out;
  }

  /**
   * The distinct stem ids of some lists of word infos (their content words'), in first-seen order: what
   * `distinctStems` says of their stem ids, without listing those first.
   */
  distinctStemsOf(lists: readonly (readonly WordInfo[])[]): number[] {
    const { stamps, round } = this.nextRound();
    const out: number[] = [];
    for (const list of lists)
      for (let i = 0; i < list.length; i++) {
        const x = (list[i] as WordInfo).stemId;
        if (x >= 0 && stamps[x] !== round) {
          stamps[x] = round;
          out.push(x);
        }
      }
    return out;
  }

  /** Id of an index term (interning it). */
  termIdOf(term: string): number {
    return this.termId(term);
  }

  info(t: Token): WordInfo {
    let list = this.byNormal.get(t.normal);
    if (list === undefined) this.byNormal.set(t.normal, (list = []));
    const first = t.text.charCodeAt(0);
    const capitalised = first >= 65 && first <= 90;
    // The tag and case first: they tell most of a form's words apart, and cost less than comparing lemmas.
    for (const w of list)
      if (w.pos === t.pos && w.capitalised === capitalised && w.type === t.type && w.lemma === t.lemma)
        return w;
    const w = describe(t, capitalised, this.termId, this.stemId);
    list.push(w);
    return w;
  }
}

/** A table for words read outside a corpus analysis (topics, members' claims); its ids mean nothing elsewhere. */
let scratch = new WordTable();
let scratchWords = 0;
export function looseInfo(t: Token): WordInfo {
  if (++scratchWords > 100_000) {
    scratch = new WordTable();
    scratchWords = 0;
  }
  return scratch.info(t);
}
