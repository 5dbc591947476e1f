/**
 * A snapshot of the cross-document engines' outputs (quotes, time, summary model, claims), so an unchanged corpus
 * starts without running them again: the per-document cache (analysis-cache.ts) spares wink-nlp, this spares the
 * engines. A snapshot is keyed by every document entry's key (so any change to any file, its manifest entry, the
 * parser or the NLP packages makes a new key) and by the engines' version (a hash of src/core, of this file, of the
 * packages the engines use and of the snapshot format). Any other corpus recomputes everything: the engines are
 * cross-document.
 *
 * The outputs are stored columnar, as compact.ts stores documents: a claim's or a summary sentence's fields are
 * columns of typed arrays and codes into string tables, a claim's sentence and a summary sentence's passage are
 * passage ids, and a claim's word infos are indices into one table of distinct infos, so restoring makes a few
 * objects per claim rather than deserialising thousands of small arrays. The quotes and the time engine's outputs
 * (small) are kept as they are. The passage index is rebuilt from the corpus (a pure function of it, and its
 * passages are the sentences' own objects), given each passage's stored index terms. Objects the engines share by
 * identity are shared again: a summary sentence's passage is the index's, a claim's sentence is its passage's, its
 * terms the memo `sentenceTerms` gives, its word infos one object per distinct word, and summary sentences
 * reprinted verbatim share one vector. Derived parts are restored by the engines' own functions
 * (`sentenceReading`), not re-implemented here.
 *
 * On disk: one file per corpus folder, `analysis.snapshot` beside the document entries: a magic line, the key, the
 * SHA-256 of the body, then the body (`v8.serialize`). Written to a temporary file and renamed into place; a
 * snapshot that does not match, does not check or does not decode is ignored, and the analysis is computed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Analysis } from '../core/analysis.js';
import { passages as paragraphsOf } from '../core/corpus/corpus.js';
import type { Corpus, Sentence } from '../core/corpus/types.js';
import type { Segmenter } from '../core/nlp/segmenter.js';
import type { QuoteAnalysis } from '../core/quotes/index.js';
import {
  buildPassageIndex,
  rememberSentenceTerms,
  sentenceTerms,
  type Passage,
  type PassageIndex,
} from '../core/search/index.js';
import type {
  Aspect,
  ConceptIndex,
  Ineligible,
  PointKind,
  SummaryModel,
  SummarySentence,
  TermVector,
} from '../core/summary/types.js';
import type { TimeAnalysis } from '../core/time/index.js';
import type { ContextIndex } from '../core/viewpoints/context.js';
import { sentenceReading } from '../core/viewpoints/stance.js';
import { claimHolders } from '../core/viewpoints/holders.js';
import type { Claim, ClaimAnalysis, ClaimKind, Dispute } from '../core/viewpoints/types.js';
import type { WordInfo } from '../core/viewpoints/words.js';

/** Bumped when the shape below changes (the engines' version includes it). */
export const SNAPSHOT_FORMAT = 1;

/** What a load did with the snapshot: restored from it, computed (none, or another corpus's), or found damaged. */
export type SnapshotOutcome = 'restored' | 'computed' | 'rejected';

export const SNAPSHOT_FILE = 'analysis.snapshot';
const MAGIC = Buffer.from('counterpoint-analysis-snapshot\n');
const KEY_BYTES = 32;
const SUM_BYTES = 32;

/** Used when the engines' sources cannot be read to fingerprint them. */
const FALLBACK_VERSION = 'engines-1';

/** A hash of every file under `dir` (names and contents, in name order). */
export async function sourcesHash(dir: string): Promise<string> {
  const h = createHash('sha256');
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const name of names) h.update(name.slice(dir.length)).update('\0').update(await readFile(name)).update('\0');
  return h.digest('hex');
}

let versionPromise: Promise<string> | undefined;

/**
 * The engines' version: a hash of every source file under src/core (the engines and the corpus model they read)
 * and of this file, of the versions of the packages the engines use and of the snapshot format. A few
 * milliseconds, once per process.
 */
export function engineVersion(): Promise<string> {
  versionPromise ??= (async () => {
    const h = createHash('sha256').update(`snapshot-${SNAPSHOT_FORMAT}\0`);
    try {
      h.update(await sourcesHash(fileURLToPath(new URL('../core/', import.meta.url))));
      // And this file: the columnar form is its code.
      h.update(await readFile(fileURLToPath(import.meta.url)));
    } catch {
      h.update(FALLBACK_VERSION);
    }
    const require = createRequire(import.meta.url);
    for (const pkg of ['wink-nlp', 'wink-eng-lite-web-model', 'minisearch', 'chrono-node']) {
      try {
        h.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
      } catch {
        h.update(`${pkg}@?`);
      }
    }
    return h.digest('hex');
  })();
  return versionPromise;
}

/** The snapshot key of a corpus whose document entries have `entryKeys` (any order), under engines of `version`. */
export async function snapshotKey(entryKeys: readonly string[], version?: string): Promise<Buffer> {
  const h = createHash('sha256').update(version ?? (await engineVersion()));
  for (const key of [...entryKeys].sort()) h.update('\0').update(key);
  return h.digest();
}

// ---------------------------------------------------------------------------------------------------------------
// The columnar form.

/** Stands for `null` in an Int32 column. */
const NULL_INT = -2147483648;

class Strings {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string | null): number {
    if (value === null) return -1;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
}

function stringAt(table: readonly string[], code: number): string {
  const s = table[code];
  if (s === undefined) throw new Error('bad string code');
  return s;
}

function orNullString(table: readonly string[], code: number): string | null {
  return code === -1 ? null : stringAt(table, code);
}

/** Lists of numbers, end to end: list i is `values[start[i]..start[i + 1])`; a hole (undefined) is `present` 0. */
interface Lists {
  readonly start: Int32Array;
  readonly values: Int32Array;
  readonly present: Uint8Array;
}

function listsOf(lists: readonly (readonly number[] | undefined)[]): Lists {
  const n = lists.length;
  const start = new Int32Array(n + 1);
  const present = new Uint8Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const l = lists[i];
    start[i] = total;
    if (l !== undefined) {
      present[i] = 1;
      total += l.length;
    }
  }
  start[n] = total;
  const values = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const l = lists[i];
    if (l !== undefined) values.set(l, start[i] as number);
  }
  return { start, values, present };
}

/** The lists back as arrays (holes kept as holes, as the engines make them). */
function arraysOf(lists: Lists, shared?: readonly number[]): (number[] | undefined)[] {
  const n = lists.present.length;
  if (lists.start.length !== n + 1 || lists.start[n] !== lists.values.length) throw new Error('bad lists');
  const out = new Array<number[] | undefined>(n);
  for (let i = 0; i < n; i++) {
    if (lists.present[i] !== 1) continue;
    const from = lists.start[i] as number;
    const to = lists.start[i + 1] as number;
    if (to === from && shared) {
      out[i] = shared as number[];
      continue;
    }
    // A copying loop: Array.from over a subarray goes through the iterator, a few times slower on 100,000 lists.
    const list: number[] = [];
    for (let k = from; k < to; k++) list.push(lists.values[k] as number);
    out[i] = list;
  }
  return out;
}

/**
 * A copy of a typed array the analysis keeps: a deserialised one may be a view into the snapshot's bytes, which
 * would keep the whole file in memory for as long as the analysis.
 */
function own<T extends Int32Array | Uint8Array | Float64Array>(a: T): T {
  return a.slice() as T;
}

/** The numbers as an array (a loop: Array.from goes through the iterator). */
function plain(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let k = 0; k < values.length; k++) out.push(values[k] as number);
  return out;
}

function arrayAt(lists: (number[] | undefined)[], i: number): number[] {
  const l = lists[i];
  if (l === undefined) throw new Error('missing list');
  return l;
}

const POINT_KINDS: readonly PointKind[] = ['news', 'opinion', 'statement', 'comment'];
const INELIGIBLE: readonly (Ineligible | null)[] = [null, 'not-body', 'question', 'fragment', 'unattributed-quote'];
const ASPECTS: readonly Aspect[] = ['event', 'claim', 'outlook', 'context'];
const CLAIM_KINDS: readonly ClaimKind[] = ['news report', 'opinion', 'official statement', 'reader comment'];

function codeOf<T>(values: readonly T[], value: T): number {
  const c = values.indexOf(value);
  if (c === -1) throw new Error(`unknown value ${String(value)}`);
  return c;
}

function valueOf<T>(values: readonly T[], code: number): T {
  if (code < 0 || code >= values.length) throw new Error('bad code');
  return values[code] as T;
}

/** How a stored text is found again: its passage's text, the first `end - start` characters of it, or a string. */
const WHOLE = -1;
const PREFIX = -2;

interface SummaryColumns {
  readonly strings: readonly string[];
  readonly kind: Uint8Array;
  readonly ineligible: Uint8Array;
  readonly aspect: Uint8Array;
  /** Per sentence: its vector's number; vectors are `vecIds/vecWeights[vecStart[v]..vecStart[v + 1])`. */
  readonly vector: Int32Array;
  readonly vecStart: Int32Array;
  readonly vecIds: Int32Array;
  readonly vecWeights: Float64Array;
  readonly entities: Lists;
  readonly claimants: Lists;
  readonly speaker: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** WHOLE, PREFIX, or a code into `strings`. */
  readonly text: Int32Array;
  readonly centrality: Float64Array;
  readonly centroid: Float64Array;
  readonly position: Float64Array;
  readonly coverage: Float64Array;
  readonly salience: Float64Array;
  readonly ranked: Int32Array;
  readonly byDocument: { readonly keys: readonly string[]; readonly lists: Lists };
  readonly centroidVector: Float64Array;
  readonly maxCloseness: number;
  readonly entityWeight: { readonly keys: Int32Array; readonly values: Float64Array };
  readonly maxEntityWeight: number;
  readonly claimantWeight: Float64Array;
  readonly maxClaimantWeight: number;
  readonly concepts: ConceptIndex;
}

function textCode(text: string, passage: Passage, strings: Strings): number {
  if (text === passage.text) return WHOLE;
  if (passage.text.startsWith(text)) return PREFIX;
  return strings.code(text);
}

function textOf(code: number, passage: Passage, length: number, strings: readonly string[]): string {
  if (code === WHOLE) return passage.text;
  if (code === PREFIX) return passage.text.slice(0, length);
  return stringAt(strings, code);
}

function summaryColumns(model: SummaryModel, passages: readonly Passage[]): SummaryColumns {
  const list = model.sentences;
  const n = list.length;
  if (n !== passages.length) throw new Error('summary not indexed like the passages');
  const strings = new Strings();
  const kind = new Uint8Array(n);
  const ineligible = new Uint8Array(n);
  const aspect = new Uint8Array(n);
  const vector = new Int32Array(n);
  const speaker = new Int32Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const text = new Int32Array(n);
  const centrality = new Float64Array(n);
  const centroid = new Float64Array(n);
  const position = new Float64Array(n);
  const coverage = new Float64Array(n);
  const salience = new Float64Array(n);
  const vectors = new Map<TermVector, number>();
  const distinct: TermVector[] = [];
  for (let i = 0; i < n; i++) {
    const s = list[i] as SummarySentence;
    if (s.passage !== passages[i]) throw new Error('summary sentence of another passage');
    kind[i] = codeOf(POINT_KINDS, s.kind);
    ineligible[i] = codeOf(INELIGIBLE, s.ineligible);
    aspect[i] = codeOf(ASPECTS, s.aspect);
    let v = vectors.get(s.vector);
    if (v === undefined) {
      v = distinct.length;
      distinct.push(s.vector);
      vectors.set(s.vector, v);
    }
    vector[i] = v;
    speaker[i] = strings.code(s.speaker);
    start[i] = s.start;
    end[i] = s.end;
    text[i] = textCode(s.text, s.passage, strings);
    if (text[i] === PREFIX && s.text.length !== s.end - s.start) text[i] = strings.code(s.text);
    centrality[i] = s.centrality;
    centroid[i] = s.centroid;
    position[i] = s.position;
    coverage[i] = s.coverage;
    salience[i] = s.salience;
  }
  const vecStart = new Int32Array(distinct.length + 1);
  for (let v = 0; v < distinct.length; v++)
    vecStart[v + 1] = (vecStart[v] as number) + (distinct[v] as TermVector).ids.length;
  const vecIds = new Int32Array(vecStart[distinct.length] as number);
  const vecWeights = new Float64Array(vecIds.length);
  distinct.forEach((v, k) => {
    if (v.weights.length !== v.ids.length) throw new Error('bad vector');
    vecIds.set(v.ids, vecStart[k] as number);
    vecWeights.set(v.weights, vecStart[k] as number);
  });
  const docKeys = [...model.byDocument.keys()];
  return {
    strings: strings.values,
    kind,
    ineligible,
    aspect,
    vector,
    vecStart,
    vecIds,
    vecWeights,
    entities: listsOf(list.map((s) => s.entities)),
    claimants: listsOf(list.map((s) => s.claimants)),
    speaker,
    start,
    end,
    text,
    centrality,
    centroid,
    position,
    coverage,
    salience,
    ranked: Int32Array.from(model.ranked),
    byDocument: { keys: docKeys, lists: listsOf(docKeys.map((k) => model.byDocument.get(k))) },
    centroidVector: model.centroid,
    maxCloseness: model.maxCloseness,
    entityWeight: {
      keys: Int32Array.from(model.entityWeight.keys()),
      values: Float64Array.from(model.entityWeight.values()),
    },
    maxEntityWeight: model.maxEntityWeight,
    claimantWeight: model.claimantWeight,
    maxClaimantWeight: model.maxClaimantWeight,
    concepts: model.concepts,
  };
}

function restoreSummary(c: SummaryColumns, passages: readonly Passage[]): SummaryModel {
  const n = passages.length;
  const columns = [c.kind, c.ineligible, c.aspect, c.vector, c.speaker, c.start, c.end, c.text];
  const numbers = [c.centrality, c.centroid, c.position, c.coverage, c.salience];
  if ([...columns, ...numbers].some((col) => col.length !== n)) throw new Error('summary of another corpus');
  const vectorCount = c.vecStart.length - 1;
  if (c.vecStart[vectorCount] !== c.vecIds.length || c.vecWeights.length !== c.vecIds.length)
    throw new Error('bad vectors');
  // One object per distinct vector, views into two buffers, as the model makes them (copies: see `own`).
  const vecIds = own(c.vecIds);
  const vecWeights = own(c.vecWeights);
  const vectors = new Array<TermVector | undefined>(vectorCount);
  const vectorAt = (v: number): TermVector => {
    if (v < 0 || v >= vectorCount) throw new Error('bad vector');
    let vec = vectors[v];
    if (vec === undefined) {
      const from = c.vecStart[v] as number;
      const to = c.vecStart[v + 1] as number;
      vec = { ids: vecIds.subarray(from, to), weights: vecWeights.subarray(from, to) };
      vectors[v] = vec;
    }
    return vec;
  };
  const none: number[] = [];
  const entities = arraysOf(c.entities);
  const claimants = arraysOf(c.claimants, none);
  if (entities.length !== n || claimants.length !== n) throw new Error('summary of another corpus');
  const sentences = new Array<SummarySentence>(n);
  for (let i = 0; i < n; i++) {
    const passage = passages[i] as Passage;
    const start = c.start[i] as number;
    const end = c.end[i] as number;
    sentences[i] = {
      passage,
      kind: valueOf(POINT_KINDS, c.kind[i] as number),
      ineligible: valueOf(INELIGIBLE, c.ineligible[i] as number),
      vector: vectorAt(c.vector[i] as number),
      entities: arrayAt(entities, i),
      claimants: arrayAt(claimants, i),
      speaker: orNullString(c.strings, c.speaker[i] as number),
      aspect: valueOf(ASPECTS, c.aspect[i] as number),
      start,
      end,
      text: textOf(c.text[i] as number, passage, end - start, c.strings),
      centrality: c.centrality[i] as number,
      centroid: c.centroid[i] as number,
      position: c.position[i] as number,
      coverage: c.coverage[i] as number,
      salience: c.salience[i] as number,
    };
  }
  const byDocLists = arraysOf(c.byDocument.lists);
  if (byDocLists.length !== c.byDocument.keys.length) throw new Error('bad summary documents');
  if (c.entityWeight.keys.length !== c.entityWeight.values.length) throw new Error('bad entity weights');
  const entityWeight = new Map<number, number>();
  c.entityWeight.keys.forEach((k, i) => entityWeight.set(k, c.entityWeight.values[i] as number));
  for (const id of c.ranked) if (id < 0 || id >= n) throw new Error('bad ranking');
  return {
    sentences,
    ranked: plain(c.ranked),
    byDocument: new Map(c.byDocument.keys.map((k, i) => [k, arrayAt(byDocLists, i)])),
    centroid: own(c.centroidVector),
    maxCloseness: c.maxCloseness,
    entityWeight,
    maxEntityWeight: c.maxEntityWeight,
    claimantWeight: own(c.claimantWeight),
    maxClaimantWeight: c.maxClaimantWeight,
    concepts: { start: own(c.concepts.start), ids: own(c.concepts.ids), worth: own(c.concepts.worth) },
  };
}

/** Claim flags. */
const ATTRIBUTED = 1;
const QUOTED = 2;
const ON_TOPIC = 4;
const MENTION = 8;

interface ClaimColumns {
  readonly strings: readonly string[];
  readonly passage: Int32Array;
  /** WHOLE (the sentence's text) or a code into `strings`. */
  readonly text: Int32Array;
  readonly documentId: Int32Array;
  readonly paragraph: Int32Array;
  readonly comment: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly holder: Int32Array;
  readonly flags: Uint8Array;
  readonly kind: Uint8Array;
  readonly strength: Float64Array;
  readonly rebuts: Int32Array;
  readonly termIds: Lists;
  readonly stemIds: Lists;
  readonly slot: Int32Array;
  /** Distinct word infos, and each claim's infos as indices into them. */
  readonly words: readonly WordInfo[];
  readonly infos: Lists;
  readonly byTerm: { readonly keys: readonly string[]; readonly lists: Lists };
  readonly byPassage: { readonly keys: Int32Array; readonly values: Int32Array };
  readonly idf: { readonly keys: readonly string[]; readonly values: Float64Array };
  readonly stemIds2: { readonly keys: readonly string[]; readonly values: Int32Array };
  readonly context: {
    readonly paragraphsByStem: Lists;
    readonly titlesByStem: Lists;
    readonly visitStart: Int32Array;
    readonly titleOf: Int32Array;
    readonly titles: number;
  };
  readonly byStem: Lists;
  readonly slots: Int32Array;
  readonly onTopic: Uint8Array;
  readonly sameReading: Int32Array;
  readonly disputes: readonly Dispute[];
}

function claimColumns(analysis: ClaimAnalysis, passages: readonly Passage[]): ClaimColumns {
  const list = analysis.claims;
  const n = list.length;
  const strings = new Strings();
  const passage = new Int32Array(n);
  const text = new Int32Array(n);
  const documentId = new Int32Array(n);
  const paragraph = new Int32Array(n);
  const comment = new Int32Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const holder = new Int32Array(n);
  const flags = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const strength = new Float64Array(n);
  const rebuts = new Int32Array(n);
  const slot = new Int32Array(n);
  const wordIds = new Map<WordInfo, number>();
  const words: WordInfo[] = [];
  const infos: number[][] = [];
  for (let i = 0; i < n; i++) {
    const c = list[i] as Claim;
    const p = passages[c.passage];
    // What restoring assumes: the claim is numbered by its place, is its passage's sentence, and its terms and
    // reading are the ones the engine derives from that sentence and its word infos.
    if (c.id !== i || p === undefined || p.sentence !== c.sentence || c.terms !== sentenceTerms(c.sentence))
      throw new Error('claim not restorable');
    passage[i] = c.passage;
    text[i] = c.text === c.sentence.text ? WHOLE : strings.code(c.text);
    documentId[i] = strings.code(c.documentId);
    paragraph[i] = c.paragraph;
    comment[i] = c.comment ?? NULL_INT;
    start[i] = c.start;
    end[i] = c.end;
    holder[i] = strings.code(c.holder);
    flags[i] =
      (c.attributed ? ATTRIBUTED : 0) |
      (c.quoted ? QUOTED : 0) |
      (c.onTopic ? ON_TOPIC : 0) |
      (c.mention === true ? MENTION : 0);
    kind[i] = codeOf(CLAIM_KINDS, c.kind);
    strength[i] = c.strength;
    rebuts[i] = strings.code(c.rebuts);
    slot[i] = c.slot;
    infos.push(
      c.reading.infos.map((w) => {
        let k = wordIds.get(w);
        if (k === undefined) {
          k = words.length;
          words.push(w);
          wordIds.set(w, k);
        }
        return k;
      }),
    );
  }
  const byTermKeys = [...analysis.byTerm.keys()];
  const idfKeys = [...analysis.idf.keys()];
  const stemKeys = [...analysis.stemIds.keys()];
  const { context } = analysis;
  return {
    strings: strings.values,
    passage,
    text,
    documentId,
    paragraph,
    comment,
    start,
    end,
    holder,
    flags,
    kind,
    strength,
    rebuts,
    termIds: listsOf(list.map((c) => c.termIds)),
    stemIds: listsOf(list.map((c) => c.stemIds)),
    slot,
    words,
    infos: listsOf(infos),
    byTerm: { keys: byTermKeys, lists: listsOf(byTermKeys.map((k) => analysis.byTerm.get(k))) },
    byPassage: {
      keys: Int32Array.from(analysis.byPassage.keys()),
      values: Int32Array.from(analysis.byPassage.values()),
    },
    idf: { keys: idfKeys, values: Float64Array.from(idfKeys, (k) => analysis.idf.get(k) as number) },
    stemIds2: { keys: stemKeys, values: Int32Array.from(stemKeys, (k) => analysis.stemIds.get(k) as number) },
    context: {
      paragraphsByStem: listsOf(context.paragraphsByStem),
      titlesByStem: listsOf(context.titlesByStem),
      visitStart: Int32Array.from(context.visitStart),
      titleOf: Int32Array.from(context.titleOf),
      titles: context.titles,
    },
    byStem: listsOf(analysis.byStem),
    slots: analysis.slots,
    onTopic: analysis.onTopic,
    sameReading: analysis.sameReading,
    disputes: analysis.disputes,
  };
}

function restoreClaims(c: ClaimColumns, passages: readonly Passage[]): ClaimAnalysis {
  const n = c.passage.length;
  const columns = [c.text, c.documentId, c.paragraph, c.comment, c.start, c.end, c.holder, c.flags];
  if ([...columns, c.kind, c.strength, c.rebuts, c.slot].some((col) => col.length !== n))
    throw new Error('bad claims');
  const termIds = arraysOf(c.termIds);
  const stemIds = arraysOf(c.stemIds);
  const infoIds = c.infos;
  if (termIds.length !== n || stemIds.length !== n || infoIds.present.length !== n) throw new Error('bad claims');
  if (infoIds.start[n] !== infoIds.values.length) throw new Error('bad claims');
  const words = c.words;
  const claims = new Array<Claim>(n);
  for (let i = 0; i < n; i++) {
    const passage = passages[c.passage[i] as number];
    if (passage === undefined) throw new Error('claim of another corpus');
    const sentence: Sentence = passage.sentence;
    const from = infoIds.start[i] as number;
    const to = infoIds.start[i + 1] as number;
    const infos = new Array<WordInfo>(to - from);
    for (let k = from; k < to; k++) {
      const w = words[infoIds.values[k] as number];
      if (w === undefined) throw new Error('bad word info');
      infos[k - from] = w;
    }
    if (infos.length !== sentence.tokens.length) throw new Error('claim of another corpus');
    const flags = c.flags[i] as number;
    const comment = c.comment[i] as number;
    const textCode = c.text[i] as number;
    claims[i] = {
      id: i,
      text: textCode === WHOLE ? sentence.text : stringAt(c.strings, textCode),
      documentId: stringAt(c.strings, c.documentId[i] as number),
      paragraph: c.paragraph[i] as number,
      comment: comment === NULL_INT ? null : comment,
      start: c.start[i] as number,
      end: c.end[i] as number,
      holder: stringAt(c.strings, c.holder[i] as number),
      attributed: (flags & ATTRIBUTED) !== 0,
      quoted: (flags & QUOTED) !== 0,
      kind: valueOf(CLAIM_KINDS, c.kind[i] as number),
      strength: c.strength[i] as number,
      rebuts: orNullString(c.strings, c.rebuts[i] as number),
      terms: sentenceTerms(sentence),
      termIds: arrayAt(termIds, i),
      stemIds: arrayAt(stemIds, i),
      slot: c.slot[i] as number,
      onTopic: (flags & ON_TOPIC) !== 0,
      reading: sentenceReading(infos),
      passage: passage.id,
      sentence,
      ...((flags & MENTION) !== 0 ? { mention: true as const } : {}),
    };
  }
  const byTermLists = arraysOf(c.byTerm.lists);
  if (byTermLists.length !== c.byTerm.keys.length) throw new Error('bad claims');
  if (c.byPassage.keys.length !== c.byPassage.values.length) throw new Error('bad claims');
  if (c.idf.keys.length !== c.idf.values.length || c.stemIds2.keys.length !== c.stemIds2.values.length)
    throw new Error('bad claims');
  const byPassage = new Map<number, number>();
  c.byPassage.keys.forEach((k, i) => byPassage.set(k, c.byPassage.values[i] as number));
  const context: ContextIndex = {
    paragraphsByStem: arraysOf(c.context.paragraphsByStem),
    titlesByStem: arraysOf(c.context.titlesByStem),
    visitStart: plain(c.context.visitStart),
    titleOf: plain(c.context.titleOf),
    titles: c.context.titles,
  };
  if (c.slots.length !== n || c.onTopic.length !== n || c.sameReading.length !== n) throw new Error('bad claims');
  return {
    claims,
    byTerm: new Map(c.byTerm.keys.map((k, i) => [k, arrayAt(byTermLists, i)])),
    byPassage,
    idf: new Map(c.idf.keys.map((k, i) => [k, c.idf.values[i] as number])),
    stemIds: new Map(c.stemIds2.keys.map((k, i) => [k, c.stemIds2.values[i] as number])),
    context,
    byStem: arraysOf(c.byStem),
    slots: own(c.slots),
    onTopic: own(c.onTopic),
    sameReading: own(c.sameReading),
    // Rebuilt from the claims (one pass) rather than stored.
    holders: claimHolders(claims),
    disputes: c.disputes,
  };
}

/**
 * Each passage's index terms, so the rebuilt index does not read every token again: passage i is the corpus's
 * sentence number `sentence[i]` (counting every paragraph's sentences, document by document, as `passages` lists
 * the paragraphs), and its terms are `codes[start[i]..start[i + 1])` in `strings`.
 */
interface PassageTerms {
  readonly strings: readonly string[];
  readonly sentence: Int32Array;
  readonly start: Int32Array;
  readonly codes: Uint16Array | Int32Array;
}

/** Every sentence of the corpus, document by document, paragraph by paragraph (the numbering of `PassageTerms`). */
function sentencesOf(corpus: Corpus): Sentence[] {
  const out: Sentence[] = [];
  for (const doc of corpus.documents) for (const p of paragraphsOf(doc)) for (const s of p.sentences) out.push(s);
  return out;
}

function passageTerms(corpus: Corpus, passages: readonly Passage[]): PassageTerms {
  const number = new Map<Sentence, number>();
  sentencesOf(corpus).forEach((s, i) => number.set(s, i));
  const strings = new Strings();
  const n = passages.length;
  const sentence = new Int32Array(n);
  const start = new Int32Array(n + 1);
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = passages[i] as Passage;
    const k = number.get(p.sentence);
    if (k === undefined) throw new Error('passage of no sentence');
    sentence[i] = k;
    start[i] = codes.length;
    for (const t of p.terms) codes.push(strings.code(t));
  }
  start[n] = codes.length;
  return {
    strings: strings.values,
    sentence,
    start,
    codes: strings.values.length <= 0xffff ? Uint16Array.from(codes) : Int32Array.from(codes),
  };
}

/** Gives each passage's sentence its stored terms; returns the sentences, in passage order. */
function rememberTerms(corpus: Corpus, stored: PassageTerms): Sentence[] {
  const all = sentencesOf(corpus);
  const n = stored.sentence.length;
  if (stored.start.length !== n + 1 || stored.start[n] !== stored.codes.length) throw new Error('bad terms');
  const located = new Array<Sentence>(n);
  for (let i = 0; i < n; i++) {
    const s = all[stored.sentence[i] as number];
    if (s === undefined) throw new Error('terms of another corpus');
    const terms: string[] = [];
    for (let k = stored.start[i] as number; k < (stored.start[i + 1] as number); k++)
      terms.push(stringAt(stored.strings, stored.codes[k] as number));
    rememberSentenceTerms(s, terms);
    located[i] = s;
  }
  return located;
}

interface SnapshotBody {
  readonly format: number;
  readonly passages: number;
  readonly terms: PassageTerms;
  readonly quotes: QuoteAnalysis;
  readonly time: TimeAnalysis;
  readonly summary: SummaryColumns;
  readonly claims: ClaimColumns;
}

/** The body of a snapshot of `analysis`; throws when its outputs are not of the shape restoring assumes. */
export function encodeSnapshot(analysis: Analysis): Buffer {
  const passages = analysis.index.passages;
  const body: SnapshotBody = {
    format: SNAPSHOT_FORMAT,
    passages: passages.length,
    terms: passageTerms(analysis.corpus, passages),
    quotes: analysis.quotes,
    time: analysis.time,
    summary: summaryColumns(analysis.summary, passages),
    claims: claimColumns(analysis.claims, passages),
  };
  return serialize(body);
}

/**
 * The analysis of `corpus` from a snapshot body made for it (the key says so); the passage index is rebuilt.
 * Throws on a body that does not decode or does not fit the corpus.
 */
export function decodeSnapshot(bytes: Uint8Array, corpus: Corpus, segment: Segmenter): Analysis {
  const body = deserialize(bytes) as SnapshotBody;
  if (typeof body !== 'object' || body === null || body.format !== SNAPSHOT_FORMAT) throw new Error('not a snapshot');
  const quotes = body.quotes;
  const sentences = rememberTerms(corpus, body.terms);
  const index: PassageIndex = buildPassageIndex(corpus, segment, quotes.speakers);
  if (index.passages.length !== body.passages || index.passages.some((p, i) => p.sentence !== sentences[i]))
    throw new Error('snapshot of another corpus');
  const summary = restoreSummary(body.summary, index.passages);
  const claims = restoreClaims(body.claims, index.passages);
  return { corpus, quotes, time: body.time, index, summary, segment, claims };
}

// ---------------------------------------------------------------------------------------------------------------
// The file.

/** The snapshot's body if the file in `dir` is one for `key` and checks; null when absent, another key or damaged. */
export async function readSnapshot(
  dir: string,
  key: Buffer,
): Promise<{ body: Buffer; bytes: number } | { body: null; damaged: boolean }> {
  let data: Buffer;
  try {
    data = await readFile(join(dir, SNAPSHOT_FILE));
  } catch (err) {
    return { body: null, damaged: (err as NodeJS.ErrnoException).code !== 'ENOENT' };
  }
  const head = MAGIC.length + KEY_BYTES + SUM_BYTES;
  if (data.length < head || !data.subarray(0, MAGIC.length).equals(MAGIC)) return { body: null, damaged: true };
  if (!data.subarray(MAGIC.length, MAGIC.length + KEY_BYTES).equals(key)) return { body: null, damaged: false };
  const body = data.subarray(head);
  const sum = createHash('sha256').update(body).digest();
  if (!sum.equals(data.subarray(MAGIC.length + KEY_BYTES, head))) return { body: null, damaged: true };
  return { body, bytes: data.length };
}

/** Writes the snapshot atomically (temporary file, then rename), replacing the last one; returns its size or 0. */
export async function writeSnapshot(dir: string, key: Buffer, body: Buffer): Promise<number> {
  const sum = createHash('sha256').update(body).digest();
  const tmp = join(dir, `.${SNAPSHOT_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // The body is tens of megabytes on a large corpus: written after the head as it is, not copied behind it.
    const file = await open(tmp, 'w');
    try {
      const parts = [MAGIC, key, sum, body];
      const { bytesWritten } = await file.writev(parts);
      if (bytesWritten !== parts.reduce((n, b) => n + b.length, 0)) throw new Error('short write');
    } finally {
      await file.close();
    }
    await rename(tmp, join(dir, SNAPSHOT_FILE));
    return MAGIC.length + KEY_BYTES + SUM_BYTES + body.length;
  } catch {
    await unlink(tmp).catch(() => undefined);
    return 0;
  }
}
