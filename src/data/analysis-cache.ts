/**
 * The on-disk cache of parsed documents, so an unchanged corpus starts without running wink-nlp again and a
 * changed file re-parses only that file.
 *
 * Each document is stored under `<root>/<corpus>/<key>.bin`, where `<corpus>` names the corpus folder (so two
 * corpora sharing a root never prune each other's entries) and `<key>` is the SHA-256 of the cache version,
 * the file's name and manifest entry, and its text. An entry is the document's compact form without its text
 * (the text is the file itself, just read and hashed), `v8.serialize`d and deflated (zlib, whose checksum
 * catches a damaged entry). Entries are written to a temporary file and renamed into place; an unreadable or
 * corrupt entry is ignored and rebuilt; entries the current corpus no longer uses are deleted after each load. Parsed documents are also kept in memory, so a
 * reload in the same process touches the disk only for files that changed. Beside the entries, one snapshot holds
 * the cross-document engines' outputs for the corpus as last loaded (`analysis`, see analysis-snapshot.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPACT_FORMAT, expandDocument } from '../core/corpus/compact.js';
import { analyzeCorpus, type Analysis } from '../core/analysis.js';
import type { CorpusInput } from '../core/corpus/corpus.js';
import { parseDocument } from '../core/corpus/document.js';
import type { Corpus, CorpusDocument } from '../core/corpus/types.js';
import { segment as winkSegment, type Segmenter } from '../core/nlp/segmenter.js';
import {
  decodeSnapshot,
  encodeSnapshot,
  readSnapshot,
  snapshotKey,
  writeSnapshot,
  type SnapshotOutcome,
} from './analysis-snapshot.js';
import { parseOnWorker, queueOrder, worthAWorker } from './parse-pool.js';
import type { ParsedDocument } from './parse-worker.js';
import { newQueue, takeNext } from './parse-queue.js';
import { decodeEntry, encodeEntry } from './stored-document.js';


/** Where the cache lives unless told otherwise (relative to the working directory). */
export const DEFAULT_CACHE_DIR = 'data/cache';

/** Used when the parser's sources cannot be read to fingerprint them; bump it when the parser changes. */
const FALLBACK_VERSION = 'parser-1';

/** What one load did with the cache. */
export interface CacheStats {
  readonly documents: number;
  /** Reused from the previous load in this process. */
  readonly memoryHits: number;
  /** Read back from disk. */
  readonly diskHits: number;
  /** Parsed with wink-nlp (not cached, changed, or a rejected entry). */
  readonly parsed: number;
  /** Of those, parsed on the worker thread (see parse-pool.ts). */
  readonly parsedOnWorker: number;
  /** Entries found corrupt or unreadable, ignored and rebuilt. */
  readonly rejected: number;
  readonly written: number;
  /** Entries deleted because the corpus no longer uses them. */
  readonly pruned: number;
  /** Bytes on disk of the entries the corpus uses (those read or written in this load). */
  readonly bytes: number;
  /**
   * What the load did with the engines' snapshot (analysis-snapshot.ts): restored the analysis from it, computed
   * the analysis (no snapshot for this corpus and these engines; one is written), or found it damaged (computed
   * and rewritten). Absent from `documents` alone.
   */
  readonly snapshot?: SnapshotOutcome;
  /** Bytes on disk of the snapshot read or written (0 when none). */
  readonly snapshotBytes?: number;
}

let versionPromise: Promise<string> | undefined;

/**
 * The cache version: a hash of the parser's source files (the corpus model, its stages and the segmenter), of the
 * NLP packages' versions and of the compact format, so editing the parser invalidates every entry by itself.
 * About 1 ms, once per process.
 */
export function cacheVersion(): Promise<string> {
  versionPromise ??= (async () => {
    const h = createHash('sha256').update(`compact-${COMPACT_FORMAT}\0`);
    try {
      for (const folder of ['../core/corpus/', '../core/nlp/']) {
        const dir = fileURLToPath(new URL(folder, import.meta.url));
        for (const name of (await readdir(dir)).sort()) h.update(name).update(await readFile(join(dir, name)));
      }
    } catch {
      h.update(FALLBACK_VERSION);
    }
    const require = createRequire(import.meta.url);
    for (const pkg of ['wink-nlp', 'wink-eng-lite-web-model']) {
      try {
        h.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
      } catch {
        h.update(`${pkg}@?`);
      }
    }
    return h.digest('hex').slice(0, 16);
  })();
  return versionPromise;
}

/** The key of a document's entry: everything its parse depends on. */
export function entryKey(version: string, input: CorpusInput): string {
  const { id, file, text } = input.raw;
  return createHash('sha256')
    .update(version)
    .update('\0')
    .update(JSON.stringify({ id, file, hint: input.hint ?? null }))
    .update('\0')
    .update(text)
    .digest('hex');
}

const yieldToEventLoop = (): Promise<void> => new Promise((done) => setImmediate(done));

export class AnalysisCache {
  /** Documents of the last load, by key. */
  private memory = new Map<string, CorpusDocument>();

  /**
   * @param dir the folder holding this corpus's entries, or null for a cache in memory only.
   */
  constructor(
    readonly dir: string | null,
    private readonly segment: Segmenter = winkSegment,
  ) {}

  /** The cache of the corpus in `corpusDir`, under `root` (null: memory only). */
  static forCorpus(root: string | null, corpusDir: string, segment?: Segmenter): AnalysisCache {
    if (root === null) return new AnalysisCache(null, segment);
    const corpus = createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 16);
    return new AnalysisCache(join(resolve(root), corpus), segment);
  }

  /** The parsed documents of `inputs`, in input order, reusing every entry whose key still matches. */
  async documents(
    inputs: readonly CorpusInput[],
  ): Promise<{ documents: CorpusDocument[]; stats: CacheStats; keys: string[] }> {
    const version = await cacheVersion();
    const keys = inputs.map((input) => entryKey(version, input));
    const dirReady = this.dir !== null && (await this.ensureDir());
    let memoryHits = 0;
    let diskHits = 0;
    let rejected = 0;
    let bytes = 0;
    const found: (CorpusDocument | undefined)[] = new Array<CorpusDocument | undefined>(inputs.length);
    const toRead: number[] = [];
    keys.forEach((key, i) => {
      const doc = this.memory.get(key);
      if (doc) {
        found[i] = doc;
        memoryHits++;
      } else if (dirReady) toRead.push(i);
    });
    // Reads in small parallel batches: enough to keep the disk busy without opening thousands of files at once.
    for (let b = 0; b < toRead.length; b += 32) {
      await Promise.all(
        toRead.slice(b, b + 32).map(async (i) => {
          const input = inputs[i] as CorpusInput;
          let data: Buffer;
          try {
            data = await readFile(this.entryPath(keys[i] as string));
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'ENOENT') rejected++;
            return;
          }
          try {
            found[i] = decodeEntry(data, input);
            diskHits++;
            bytes += data.length;
          } catch {
            rejected++;
          }
        }),
      );
    }
    let parsed = 0;
    let parsedOnWorker = 0;
    let written = 0;
    const missing: number[] = [];
    for (let i = 0; i < inputs.length; i++) if (!found[i]) missing.push(i);
    // A large batch is shared with a worker thread (wink-nlp is the bulk of the work and single-threaded): both
    // take documents from one queue, largest first, until it is empty.
    const order = queueOrder(missing.map((i) => inputs[i] as CorpusInput)).map((k) => missing[k] as number);
    const queue = newQueue();
    // The worker's documents as they arrive, expanded here between the main thread's own (see parse-pool.ts).
    const arrived: ParsedDocument[] = [];
    let wake: (() => void) | null = null;
    let workerDone = false;
    const fromWorker =
      this.segment === winkSegment && worthAWorker(missing.map((i) => inputs[i] as CorpusInput))
        ? parseOnWorker(
            order.map((i) => inputs[i] as CorpusInput),
            dirReady,
            queue,
            (done) => {
              arrived.push(done);
              wake?.();
            },
          )
        : Promise.resolve(null);
    void fromWorker.then(() => {
      workerDone = true;
      wake?.();
    });
    const store = async (i: number, doc: CorpusDocument, entry: Uint8Array | null): Promise<void> => {
      found[i] = doc;
      parsed++;
      if (!dirReady) return;
      const size = await this.write(keys[i] as string, entry ?? encodeEntry(doc));
      if (size > 0) {
        written++;
        bytes += size;
      }
    };
    const parseHere = async (i: number): Promise<void> => {
      const input = inputs[i] as CorpusInput;
      await store(i, parseDocument(input.raw, input.hint, this.segment), null);
      // A reload runs while the bot answers: let waiting interactions through between documents.
      await yieldToEventLoop();
    };
    const expandArrived = async (): Promise<void> => {
      for (let done = arrived.shift(); done !== undefined; done = arrived.shift()) {
        const i = order[done.at];
        if (i === undefined || found[i]) continue;
        const input = inputs[i] as CorpusInput;
        let doc: CorpusDocument | null = null;
        try {
          doc = expandDocument({ ...done.stored, text: input.raw.text });
        } catch {
          doc = null;
        }
        if (doc && doc.meta.id === input.raw.id) {
          await store(i, doc, done.entry);
          parsedOnWorker++;
        }
      }
    };
    for (let k = takeNext(queue, order.length); k !== -1; k = takeNext(queue, order.length)) {
      await parseHere(order[k] as number);
      await expandArrived();
    }
    // The queue is empty: expand the worker's last documents as they come, until it is done (or has failed).
    for (;;) {
      await expandArrived();
      if (workerDone) break;
      await new Promise<void>((resume) => (wake = resume));
      wake = null;
    }
    // What the worker took and did not return (it failed or died): parsed here.
    for (const i of order) if (!found[i]) await parseHere(i);
    const documents = found as CorpusDocument[];
    this.memory = new Map(keys.map((k, i) => [k, documents[i] as CorpusDocument]));
    const pruned = dirReady ? await this.prune(new Set(keys)) : 0;
    return {
      documents,
      keys,
      stats: {
        documents: inputs.length,
        memoryHits,
        diskHits,
        parsed,
        parsedOnWorker,
        rejected,
        written,
        pruned,
        bytes,
      },
    };
  }

  /**
   * The analysis of `corpus`, whose documents' entry keys are `keys` (as `documents` gives them): restored from the
   * snapshot when it is this corpus's under the current engines, computed (and the snapshot rewritten) otherwise.
   * A snapshot that cannot be read or restored only costs the computation.
   */
  async analysis(
    corpus: Corpus,
    keys: readonly string[],
  ): Promise<{ analysis: Analysis; snapshot: SnapshotOutcome; snapshotBytes: number }> {
    if (this.dir === null || !(await this.ensureDir()))
      return { analysis: analyzeCorpus(corpus), snapshot: 'computed', snapshotBytes: 0 };
    const key = await snapshotKey(keys);
    const found = await readSnapshot(this.dir, key);
    let damaged = false;
    if (found.body !== null) {
      try {
        return { analysis: decodeSnapshot(found.body, corpus, winkSegment), snapshot: 'restored', snapshotBytes: found.bytes };
      } catch {
        damaged = true;
      }
    } else damaged = found.damaged;
    const analysis = analyzeCorpus(corpus);
    let snapshotBytes = 0;
    try {
      snapshotBytes = await writeSnapshot(this.dir, key, encodeSnapshot(analysis));
    } catch {
      // An analysis of a shape the snapshot cannot hold (a bug to fix there) only costs the next warm start.
    }
    return { analysis, snapshot: damaged ? 'rejected' : 'computed', snapshotBytes };
  }

  private entryPath(key: string): string {
    return join(this.dir as string, `${key}.bin`);
  }

  private async ensureDir(): Promise<boolean> {
    try {
      await mkdir(this.dir as string, { recursive: true });
      return true;
    } catch {
      // A read-only or missing disk only costs the warm start.
      return false;
    }
  }

  /** Writes an entry atomically (temporary file, then rename); returns its size, or 0 when it could not. */
  private async write(key: string, data: Uint8Array): Promise<number> {
    const tmp = join(this.dir as string, `.${key}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(tmp, data);
      await rename(tmp, this.entryPath(key));
      return data.length;
    } catch {
      await unlink(tmp).catch(() => undefined);
      return 0;
    }
  }

  /** Deletes entries not in `used`, and temporary files left by a crashed writer. */
  private async prune(used: ReadonlySet<string>): Promise<number> {
    let pruned = 0;
    let names: string[];
    try {
      names = await readdir(this.dir as string);
    } catch {
      return 0;
    }
    const staleTmp = Date.now() - 10 * 60_000;
    for (const name of names) {
      const path = join(this.dir as string, name);
      try {
        if (name.endsWith('.bin')) {
          if (used.has(name.slice(0, -4))) continue;
        } else if (name.endsWith('.tmp')) {
          // Another process may be writing it right now.
          if ((await stat(path)).mtimeMs > staleTmp) continue;
        } else continue;
        await unlink(path);
        if (name.endsWith('.bin')) pruned++;
      } catch {
        // Gone already, or not ours to delete: either way not worth failing a load for.
      }
    }
    return pruned;
  }
}
