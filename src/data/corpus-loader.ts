/**
 * Loads a corpus folder: every .txt/.md file is a document, `manifest.json` (optional) adds metadata.
 * A file that cannot be used is reported with its reason and left out; the rest of the corpus still loads.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, extname, basename } from 'node:path';
import type { CorpusInput } from '../core/corpus/corpus.js';
import { parseManifest } from './manifest.js';

export interface LoadProblem {
  readonly file: string;
  readonly message: string;
}

export interface LoadedFolder {
  readonly dir: string;
  readonly inputs: readonly CorpusInput[];
  readonly problems: readonly LoadProblem[];
}

export class CorpusFolderError extends Error {}

const DOCUMENT_EXT = new Set(['.txt', '.md']);
/** Larger files are refused rather than allowed to stall start-up. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a document file, or the reason it cannot be one. */
export function decodeDocument(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: 'is empty' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return { ok: false, message: 'is a binary file, not text' };
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > sample.length * 0.05) return { ok: false, message: 'is a binary file, not text' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: 'is not valid UTF-8 text' };
  }
  text = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) return { ok: false, message: 'has no text' };
  return { ok: true, text };
}

export async function loadCorpusFolder(dir: string): Promise<LoadedFolder> {
  let names: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new CorpusFolderError(`corpus ${dir} is not a folder`);
    names = (await readdir(dir)).sort();
  } catch (err) {
    if (err instanceof CorpusFolderError) throw err;
    throw new CorpusFolderError(`cannot read corpus folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const problems: LoadProblem[] = [];
  let manifest = parseManifest('{"documents":[]}');
  if (names.includes('manifest.json')) {
    try {
      manifest = parseManifest(await readFile(join(dir, 'manifest.json'), 'utf8'));
    } catch (err) {
      problems.push({ file: 'manifest.json', message: `cannot be read (${(err as Error).message})` });
    }
    problems.push(...manifest.problems);
  }
  const files = names.filter((n) => DOCUMENT_EXT.has(extname(n).toLowerCase()) && !n.startsWith('.'));
  // Other files are not articles; say so, so a moderator who drops in a saved web page knows why it is missing.
  for (const n of names) {
    if (n.startsWith('.') || n === 'manifest.json' || DOCUMENT_EXT.has(extname(n).toLowerCase())) continue;
    const isFile = await stat(join(dir, n)).then(
      (st) => st.isFile(),
      () => false,
    );
    if (isFile)
      problems.push({
        file: n,
        message: 'is not read: articles are .txt or .md files (save the page as plain text)',
      });
  }
  for (const named of manifest.entries.keys()) {
    if (!files.includes(named)) problems.push({ file: 'manifest.json', message: `names ${named}, which is not in the folder` });
  }
  const inputs: CorpusInput[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const id = basename(file, extname(file));
    if (ids.has(id)) {
      problems.push({ file, message: `has the same id "${id}" as another file; it is left out` });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(dir, file));
    } catch (err) {
      problems.push({ file, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      continue;
    }
    const decoded = decodeDocument(bytes);
    if (!decoded.ok) {
      problems.push({ file, message: decoded.message });
      continue;
    }
    ids.add(id);
    inputs.push({ raw: { id, file, text: decoded.text }, hint: manifest.entries.get(file) });
  }
  return { dir, inputs, problems };
}
