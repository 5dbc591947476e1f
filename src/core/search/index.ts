/**
 * The passage index: every body sentence and reader-comment sentence, searchable with BM25 (MiniSearch's BM25+).
 * Terms are wink-nlp lemmas from the one tokenizer pass the corpus already made, so indexing costs no second
 * NLP pass and "troops"/"troop", "said"/"say" meet. Stop words are dropped; a query's adjacent word pairs found
 * in a passage boost it (phrase boost); speaker aliases expand to the speaker's other names.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Citation, Corpus, DocumentKind, Sentence, Token } from '../corpus/types.js';
import { passages } from '../corpus/corpus.js';
import type { Segmenter } from '../nlp/segmenter.js';
import type { Speaker } from '../quotes/types.js';
import { POSSESSIVE_ENDINGS, STOP_WORDS } from './stopwords.js';
import { BestHits, EMPTY_TOKEN, passageStats, type PassageStats, type QueryShape } from './best-hits.js';
import { walkGatedPostings } from './gated-postings.js';
import { packedQueries } from './packed-query.js';

export interface Passage {
  /** Position in the index's passage list. */
  readonly id: number;
  readonly text: string;
  readonly documentId: string;
  readonly paragraph: number;
  readonly comment: number | null;
  readonly role: 'body' | 'caption' | 'comment';
  readonly kind: DocumentKind;
  readonly start: number;
  readonly end: number;
  /** Index terms (lemmas without stop words), in order. */
  readonly terms: readonly string[];
  readonly sentence: Sentence;
}

export interface SearchHit {
  readonly passage: Passage;
  readonly score: number;
}

export interface SearchOptions {
  readonly limit?: number;
  readonly documentId?: string;
  /** Leave reader comments out (true) or keep only them ('only'). */
  readonly comments?: 'include' | 'exclude' | 'only';
  /** Extra query terms, e.g. a speaker's aliases. */
  readonly expand?: readonly string[];
  /** The query's tokens, when the caller has segmented it already (spares a second pass of the tokenizer). */
  readonly tokens?: readonly Token[];
}

export interface PassageIndex {
  readonly passages: readonly Passage[];
  search(query: string, options?: SearchOptions): SearchHit[];
  /** The terms a query is searched with (lemmas, stop words dropped). */
  termsOf(text: string): string[];
  citationOf(p: Passage): Citation;
}

/** Weight of a term the query did not write but that names the same speaker (an alias) or came from `expand`. */
const EXPANSION_BOOST = 0.5;
/** How many of the best BM25 hits the phrase boost may reorder. */
const RERANK = 400;
/** Extra weight per adjacent query-term pair found in a passage, on top of its BM25 score. */
const PHRASE_BOOST = 0.5;
/** Query terms at least this long also match longer index terms ("russia" finds "russian"). */
const PREFIX_MIN = 5;

export function isContentToken(t: Token): boolean {
  return (t.type === 'word' || t.type === 'number') && !STOP_WORDS.has(t.normal) && t.normal.length > 1;
}

/** A token's index term: its lemma, lower-cased, with typographic apostrophes folded. */
/**
 * A token's index term: its lemma (a proper noun's lower-cased form), with typographic apostrophes folded and accents
 * dropped, so "Jose Alvarez" finds "José Álvarez" and "communique" finds "communiqué".
 */
export function termOf(t: Token): string {
  const term = (t.pos === 'PROPN' ? t.normal : t.lemma.toLowerCase()).replace(/’/g, "'");
  return hasNonAscii(term) && LATIN_WORD.test(term) ? foldAccents(term) : term;
}

/** (A loop, not a regular expression: this runs once per token of the corpus.) */
function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return true;
  return false;
}
/** Only Latin words are folded: in Devanagari or Arabic, combining marks are letters' vowels, not accents. */
const LATIN_WORD = /^[\p{Script=Latin}\p{M}\p{N}'.&-]+$/u;
const MARKS = /\p{M}+/gu;
const folded = new Map<string, string>();

/** The string without its combining marks ("Álvarez" -> "Alvarez"). */
function foldAccents(term: string): string {
  let f = folded.get(term);
  if (f === undefined) {
    f = term.normalize('NFD').replace(MARKS, '').normalize('NFC');
    if (f.length === 0) f = term;
    if (folded.size < 100_000) folded.set(term, f);
  }
  return f;
}

// Each sentence's index terms, computed once and shared by every engine that reads them (search, claims).
const termsBySentence = new WeakMap<Sentence, readonly string[]>();

/**
 * Gives `s` these index terms unless it has some already: terms `sentenceTerms` gave for the same sentence under
 * the same code, kept in a snapshot of the analysis (src/data), so a warm start does not read every token again.
 */
export function rememberSentenceTerms(s: Sentence, terms: readonly string[]): void {
  if (!termsBySentence.has(s)) termsBySentence.set(s, terms);
}

/** A sentence's index terms (its content tokens' `termOf`, in order), remembered per sentence: do not mutate. */
export function sentenceTerms(s: Sentence): readonly string[] {
  let terms = termsBySentence.get(s);
  if (terms === undefined) {
    terms = s.tokens.filter(isContentToken).map(termOf);
    termsBySentence.set(s, terms);
  }
  return terms;
}

/**
 * The speaker catalog's names as term lists, so a query naming a speaker one way ("Blinken") also finds the
 * passages that name them another way ("Antony Blinken", "the secretary"). A one-word alias only counts when the
 * query writes it capitalised, so the noun "price" does not summon a spokesman called Price.
 * Returns the terms to add to a query (none of them already in it).
 */
export function aliasExpansion(
  speakers: readonly Speaker[],
  termsOf: (text: string) => string[],
): (query: string, queryTerms: readonly string[]) => string[] {
  const catalog = speakers.map((sp) =>
    [...new Set([sp.name, ...sp.aliases])]
      .map((name) => ({ name: name.trim(), terms: termsOf(name) }))
      .filter((n) => n.terms.length > 0),
  );
  // A speaker can be named only through a name all of whose terms the query has, so only speakers with a name
  // term in the query are checked (in catalog order, as a scan of the whole catalog would).
  const byTerm = new Map<string, number[]>();
  catalog.forEach((names, i) => {
    for (const n of names)
      for (const t of n.terms) {
        const list = byTerm.get(t);
        if (!list) byTerm.set(t, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
  });
  return (query, queryTerms) => {
    const have = new Set(queryTerms);
    const candidates = new Set<number>();
    for (const t of have) for (const i of byTerm.get(t) ?? []) candidates.add(i);
    const out: string[] = [];
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const names = catalog[i] as (typeof catalog)[number];
      const named = names.some((n) => {
        if (!n.terms.every((t) => have.has(t))) return false;
        if (n.terms.length > 1) return true;
        return /^\p{Lu}/u.test(n.name) && containsWord(query, n.name);
      });
      if (!named) continue;
      for (const n of names) for (const t of n.terms) if (!have.has(t) && !out.includes(t)) out.push(t);
    }
    return out;
  };
}

function containsWord(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const i = text.indexOf(word, from);
    if (i === -1) return false;
    const before = text[i - 1];
    const after = text[i + word.length];
    if ((before === undefined || !/\p{L}/u.test(before)) && (after === undefined || !/\p{L}/u.test(after)))
      return true;
    from = i + 1;
  }
}

/** How many expansions' terms a search index keeps (cleared when full). */
const MAX_EXPANSIONS = 10_000;

/** A query's search terms from its tokens. */
function queryTerms(tokens: readonly Token[]): string[] {
  // A loop onto a literal rather than filter and map: what those return is packed or holey depending on whether the
  // calling code is optimised, so code reading the terms after the query path is optimised (or deoptimised) met a
  // kind of array it had not seen and deoptimised in turn; a literal's pushes give the same kind at every tier.
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // A query's possessive ending ("Moody's" -> "moody", "'s") would match every possessive in the corpus.
    if (isContentToken(t) && !POSSESSIVE_ENDINGS.has(t.normal)) out.push(termOf(t));
  }
  return out;
}

/** A hyphenated compound ("anti-terrorist", "russia-led", "shoot-to-kill"): words joined by hyphens. */
const COMPOUND = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u;

/**
 * A passage's MiniSearch tokens: its terms split at spaces (`terms.join(' ').split(' ')`), each hyphenated
 * compound followed by its parts that are content words, so "terrorist" finds "anti-terrorist operation" and "kill"
 * finds "shoot-to-kill" as a search engine's analyser would, while the compound itself still matches as a whole.
 * The passage's own terms (no copy) when none holds a space or a hyphen, as nearly all do.
 */
function indexTokens(terms: readonly string[]): string[] {
  if (!terms.some((t) => t.includes(' ') || t.includes('-'))) return terms as string[];
  const out: string[] = [];
  for (const term of terms)
    for (const t of term.split(' ')) {
      out.push(t);
      if (t.includes('-') && COMPOUND.test(t))
        for (const part of t.split('-')) if (part.length > 1 && !STOP_WORDS.has(part)) out.push(part);
    }
  return out;
}

/**
 * How the MiniSearch index is built: loaded from the postings (the default), or by MiniSearch's own `add` of
 * every passage, which gives the same index more slowly (kept to check the other against).
 */
export type IndexBuild = 'postings' | 'add';

type IndexedPassage = { id: number; terms: readonly string[] };

/**
 * Documents carry their precomputed lemma arrays (no second tokenizer pass, no join and split): a field is the
 * array itself, tokenized to what splitting its space-joined text would give; a query is still text split at
 * spaces. No stored fields: hits are mapped back to passages by id.
 */
const MINI_OPTIONS: Options<IndexedPassage> = {
  fields: ['terms'],
  stringifyField: (terms: readonly string[]) => terms as unknown as string,
  tokenize: (text) => (typeof text === 'string' ? text.split(' ') : (text as unknown as string[])),
  processTerm: (term) => term || null,
};

/**
 * The MiniSearch index of passages whose tokens are `tokenLists` (passage id = position, which is also
 * MiniSearch's internal document number), `stats` being their `passageStats`.
 *
 * `add` costs a radix-tree walk and a posting-map update per token (most of the index build), while the
 * postings already hold every term with its passages and counts. So the index is filled from them (`filled`),
 * each term inserted into the tree once: the same index, with the terms inserted in the order `add` first meets
 * them (passageStats numbers them so), so the tree and every iteration over it are the same, and the average
 * length accumulated as `add` does, to the last bit. A MiniSearch whose internals differ is built with `add`.
 */
export function passageMiniSearch(
  tokenLists: readonly (readonly string[])[],
  stats: PassageStats,
  build: IndexBuild = 'postings',
): MiniSearch<IndexedPassage> {
  if (build === 'postings') {
    try {
      const mini = filled(stats);
      if (mini !== null) return mini;
    } catch {
      // A MiniSearch that no longer reads this form: build it the slow way.
    }
  }
  const mini = new MiniSearch<IndexedPassage>(MINI_OPTIONS);
  for (let i = 0; i < tokenLists.length; i++) mini.add({ id: i, terms: tokenLists[i] as readonly string[] });
  return mini;
}

/** The maps `loadJS` fills (MiniSearch 7's private fields), as `filled` checks they are. */
interface LoadedMaps {
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldLength: Map<number, number[]>;
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown };
}

/**
 * The index `add` would build, from the postings. MiniSearch's public `loadJS` takes the serialized form (the
 * shape `toJSON` gives) and turns every object of it back into Maps, a string key parsed per posting: building
 * that form and reading it back was about a quarter of the index build on a large corpus. So `loadJS` makes an
 * index with the counts and no documents, and the maps it fills from the serialized form (MiniSearch 7's private
 * fields) are filled from the postings directly, in the same order. Null when the instance's fields are not the
 * empty maps expected (another MiniSearch version).
 */
function filled(stats: PassageStats): MiniSearch<IndexedPassage> | null {
  const { termIds, starts, ids, counts, lengths } = stats;
  const n = lengths.length;
  const mini = MiniSearch.loadJS(
    { ...headerOf(lengths), documentIds: {}, fieldLength: {}, storedFields: {}, index: [] },
    MINI_OPTIONS,
  );
  const maps = mini as unknown as Partial<LoadedMaps>;
  if (
    !(maps._documentIds instanceof Map && maps._documentIds.size === 0) ||
    !(maps._idToShortId instanceof Map && maps._idToShortId.size === 0) ||
    !(maps._fieldLength instanceof Map && maps._fieldLength.size === 0) ||
    typeof maps._index?.set !== 'function'
  )
    return null;
  for (let i = 0; i < n; i++) {
    maps._documentIds.set(i, i);
    maps._idToShortId.set(i, i);
    maps._fieldLength.set(i, [lengths[i] as number]);
  }
  let t = 0;
  for (const term of termIds.keys()) {
    const postings = new Map<number, number>();
    for (let k = starts[t] as number; k < (starts[t + 1] as number); k++)
      postings.set(ids[k] as number, counts[k] as number);
    maps._index.set(term, new Map([[0, postings]]));
    t++;
  }
  return mini;
}

type Serialized = Parameters<typeof MiniSearch.loadJS>[0];

/** The serialized form's counts, for passages of these field lengths. */
function headerOf(
  lengths: Uint32Array,
): Omit<Serialized, 'documentIds' | 'fieldLength' | 'storedFields' | 'index'> {
  const n = lengths.length;
  // MiniSearch's running average, in its order of operations (so equal to the last bit).
  let average = 0;
  for (let i = 0; i < n; i++) average = (average * i + (lengths[i] as number)) / (i + 1);
  return {
    documentCount: n,
    nextId: n,
    fieldIds: { terms: 0 },
    averageFieldLength: n === 0 ? [] : [average],
    dirtCount: 0,
    serializationVersion: 2,
  };
}

export function buildPassageIndex(
  corpus: Corpus,
  segment: Segmenter,
  speakers: readonly Speaker[] = [],
  build: IndexBuild = 'postings',
): PassageIndex {
  const list: Passage[] = [];
  for (const doc of corpus.documents) {
    for (const p of passages(doc)) {
      if (p.role !== 'body' && p.role !== 'caption' && p.role !== 'comment') continue;
      for (const s of p.sentences) {
        list.push({
          id: list.length,
          text: s.text,
          documentId: p.documentId,
          paragraph: p.index,
          comment: p.comment,
          role: p.role,
          kind: doc.meta.kind,
          start: s.start,
          end: s.end,
          terms: sentenceTerms(s),
          sentence: s,
        });
      }
    }
  }
  // MiniSearch does the retrieval and the BM25+ scoring, over each passage's lemmas as MiniSearch tokens.
  // What the pruned search needs to bound a passage's score without scoring it (see best-hits.ts) is computed
  // first: the MiniSearch index is loaded from the same postings, and they let MiniSearch skip the passages that
  // search leaves out (see gated-postings.ts).
  const tokenLists = list.map((p) => indexTokens(p.terms));
  const stats = passageStats(tokenLists);
  const mini = passageMiniSearch(tokenLists, stats, build);
  const best = new BestHits(mini, stats);
  walkGatedPostings(mini, stats);
  packedQueries(mini);
  const phraseTerms = termNumbers(list, tokenLists, stats);
  // Restrictions are checked per posting, so without touching the passage objects: a document's passages are
  // one run of ids, and comments are flagged.
  const documentRange = new Map<string, { start: number; end: number }>();
  const isComment = new Uint8Array(list.length);
  for (const p of list) {
    const range = documentRange.get(p.documentId);
    if (range) range.end = p.id + 1;
    else documentRange.set(p.documentId, { start: p.id, end: p.id + 1 });
    if (p.comment !== null) isComment[p.id] = 1;
  }

  const termsOf = (text: string): string[] => queryTerms(segment(text, 0).flatMap((s) => s.tokens));
  const aliasesOf = aliasExpansion(speakers, termsOf);
  // Expansions are names from the speaker catalog, a bounded set met again and again: their terms are kept rather
  // than the tokenizer run on each name at every query.
  const expansionTerms = new Map<string, readonly string[]>();
  const termsOfExpansion = (text: string): readonly string[] => {
    let terms = expansionTerms.get(text);
    if (terms === undefined) {
      terms = termsOf(text);
      if (expansionTerms.size >= MAX_EXPANSIONS) expansionTerms.clear();
      expansionTerms.set(text, terms);
    }
    return terms;
  };

  /** The passages a search may return: a run of ids and a test (absent: all of them); null: none. */
  const restriction = ({
    documentId,
    comments,
  }: SearchOptions): Pick<QueryShape, 'accept' | 'range'> | null => {
    let range: { start: number; end: number } | undefined;
    if (documentId) {
      range = documentRange.get(documentId);
      if (!range) return null;
    }
    const accept =
      comments === 'exclude'
        ? (id: number) => isComment[id] === 0
        : comments === 'only'
          ? (id: number) => isComment[id] === 1
          : undefined;
    return { ...(range ? { range } : {}), ...(accept ? { accept } : {}) };
  };

  return {
    passages: list,
    termsOf,
    citationOf: (p) =>
      p.role === 'caption'
        ? { documentId: p.documentId, paragraph: p.paragraph, comment: null, role: 'caption' }
        : { documentId: p.documentId, paragraph: p.paragraph, comment: p.comment },
    search(query, options = {}) {
      const own = options.tokens === undefined ? termsOf(query) : queryTerms(options.tokens);
      const ownSet = new Set(own);
      const extra = [...aliasesOf(query, own), ...(options.expand ?? []).flatMap(termsOfExpansion)].filter(
        (t) => !ownSet.has(t),
      );
      const terms = [...new Set([...own, ...extra])];
      if (terms.length === 0) return [];
      const limit = options.limit ?? 10;
      const headSize = Math.max(RERANK, limit * 4);
      const restricted = restriction(options);
      if (restricted === null) return [];
      // MiniSearch returns hits best first; the phrase boost (at most a few-fold) only reorders the head of the
      // list, so it is computed for the best RERANK hits and not for every passage sharing one common word. Only
      // that head is needed, so MiniSearch scores only the passages that can reach it (see best-hits.ts).
      const raw = best.search(
        {
          text: terms.join(' '),
          boostTerm: (term) => (ownSet.has(term) ? 1 : EXPANSION_BOOST),
          prefix: (term) => term.length >= PREFIX_MIN && ownSet.has(term),
          ...restricted,
        },
        headSize,
      );
      const size = Math.min(raw.length, headSize);
      // Adjacent query-term pairs, counted in the head's passages. A passage can hold a pair only if it matched
      // two query terms (or the query repeats a word).
      const pairs: (readonly [string, string])[] = [];
      for (let i = 1; i < own.length; i++) pairs.push([own[i - 1] as string, own[i] as string]);
      const repeatsWord = pairs.some(([a, b]) => a === b);
      const countPairs = phraseCounter(pairs, list, phraseTerms);
      // Passages are looked up only for the hits returned: reading a few hundred passage objects and their
      // term strings, scattered over a large heap, cost more than the search itself. The head is reordered as
      // ids and scores in typed arrays (no object per hit): by score, then id, as ids are distinct a total order.
      const ids = new Int32Array(size);
      const scores = new Float64Array(size);
      const order = new Int32Array(size);
      for (let k = 0; k < size; k++) {
        const r = raw[k] as SearchResult;
        const id = r.id as number;
        const phrase = pairs.length > 0 && (repeatsWord || r.queryTerms.length >= 2) ? countPairs(id) : 0;
        ids[k] = id;
        scores[k] = r.score * (1 + PHRASE_BOOST * phrase);
        order[k] = k;
      }
      order.sort((a, b) => {
        const sa = scores[a] as number;
        const sb = scores[b] as number;
        if (sa !== sb) return sa > sb ? -1 : 1;
        return (ids[a] as number) - (ids[b] as number);
      });
      const hits = new Array<SearchHit>(Math.min(limit, size));
      for (let k = 0; k < hits.length; k++) {
        const at = order[k] as number;
        hits[k] = { passage: list[ids[at] as number] as Passage, score: scores[at] as number };
      }
      return hits;
    },
  };
}

/**
 * Every passage's index terms as numbers (`termIds`, '' as EMPTY_TOKEN), in one array: `ids[start[p] ..
 * start[p + 1])`. A passage whose terms hold a space or a compound (so its MiniSearch tokens are not its terms) is
 * `spaced`: its slice holds its MiniSearch tokens, and its pairs are counted on its terms' strings.
 */
interface TermNumbers {
  readonly start: Int32Array;
  readonly ids: Int32Array;
  readonly spaced: Uint8Array;
  readonly termIds: ReadonlyMap<string, number>;
}

function termNumbers(
  list: readonly Passage[],
  tokenLists: readonly (readonly string[])[],
  stats: PassageStats,
): TermNumbers {
  // passageStats numbered every token already; a passage's slice is read only when its tokens are its terms.
  const start = new Int32Array(list.length + 1);
  const spaced = new Uint8Array(list.length);
  for (let p = 0; p < list.length; p++) {
    // indexTokens returns the passage's own terms unless one of them holds a space or a hyphen.
    if (tokenLists[p] !== (list[p] as Passage).terms) spaced[p] = 1;
    start[p + 1] = (start[p] as number) + (tokenLists[p] as readonly string[]).length;
  }
  return { start, ids: stats.tokenIds, spaced, termIds: stats.termIds };
}

/**
 * How many of `pairs` (adjacent query terms) a passage holds, each occurrence counted: read from the term
 * numbers (a small contiguous run per passage) unless a term holds a space, then from the term strings.
 */
function phraseCounter(
  pairs: readonly (readonly [string, string])[],
  list: readonly Passage[],
  numbers: TermNumbers,
): (id: number) => number {
  const follows = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    const next = follows.get(a);
    if (next) next.add(b);
    else follows.set(a, new Set([b]));
  }
  const byStrings = (id: number) => {
    const t = (list[id] as Passage).terms;
    let n = 0;
    for (let i = 1; i < t.length; i++) if (follows.get(t[i - 1] as string)?.has(t[i] as string)) n++;
    return n;
  };
  if (pairs.some(([a, b]) => a.includes(' ') || b.includes(' '))) return byStrings;
  // A query term absent from the index is -1, which no passage holds.
  const number = (t: string) => (t === '' ? EMPTY_TOKEN : (numbers.termIds.get(t) ?? -1));
  const followsNumber = new Map<number, number[]>();
  for (const [a, next] of follows) {
    const numbers: number[] = [];
    for (const b of next) numbers.push(number(b));
    followsNumber.set(number(a), numbers);
  }
  const { start, ids, spaced } = numbers;
  return (id) => {
    if (spaced[id]) return byStrings(id);
    let n = 0;
    const end = start[id + 1] as number;
    for (let k = (start[id] as number) + 1; k < end; k++) {
      const next = followsNumber.get(ids[k - 1] as number);
      if (next !== undefined && next.includes(ids[k] as number)) n++;
    }
    return n;
  };
}
