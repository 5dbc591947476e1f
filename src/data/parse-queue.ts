/**
 * A queue of documents shared by the main thread and the parse worker: a cursor in shared memory that each takes
 * the next position from, atomically, so every document is parsed exactly once and whichever thread is free
 * takes the next one. A fixed split had to guess the worker's start-up cost (loading wink-nlp's model), which
 * left one thread idle for a large part of a second on a 500-article corpus.
 */

/** A new cursor at the first position. */
export function newQueue(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/** The next position below `length` not yet taken by either thread, or -1 when all are taken. */
export function takeNext(cursor: Int32Array, length: number): number {
  const at = Atomics.add(cursor, 0, 1);
  return at < length ? at : -1;
}
