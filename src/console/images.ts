import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Writes an answer's image under ./out and returns its path. */
export async function writeImage(image: { name: string; png: Uint8Array }, dir = 'out'): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = resolve(join(dir, image.name.replace(/[^\w.-]/g, '_')));
  await writeFile(path, image.png);
  return path;
}
