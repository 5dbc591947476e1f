import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusFolderError, loadCorpusFolder, decodeDocument } from '../../src/data/corpus-loader.js';
import { parseManifest } from '../../src/data/manifest.js';
import { SEEDS } from '../helpers/corpus.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-corpus-'));
  await writeFile(join(dir, 'good.txt'), 'Good Title\n\nA fine paragraph of news.\n');
  await writeFile(join(dir, 'notes.md'), '# Notes Title\n\nMarkdown body.\n');
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'blank.txt'), '  \n\n \n');
  await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6c, 0xe9]));
  await writeFile(join(dir, 'image.png'), Buffer.from([1, 2, 3]));
  await writeFile(join(dir, 'page.html'), '<html><body><p>A saved web page.</p></body></html>');
  await mkdir(join(dir, 'sub.txt'));
  await mkdir(join(dir, 'photos'));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({
      documents: [
        { file: 'good.txt', title: 'Given Title', published: '2022-01-09', kind: 'news' },
        { file: 'notes.md', published: '2022-02-30' },
        { file: 'missing.txt', title: 'Nowhere' },
        { file: 'blank.txt', kindd: 'news' },
      ],
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('GIVEN a corpus folder with broken files and a partly broken manifest', () => {
  it('THEN the good files load and each problem is one line naming the file', async () => {
    const f = await loadCorpusFolder(dir);
    expect(f.inputs.map((i) => i.raw.id).sort()).toEqual(['good', 'notes']);
    const byFile = (name: string) => f.problems.filter((p) => p.file === name).map((p) => p.message);
    expect(byFile('empty.txt')).toEqual(['is empty']);
    expect(byFile('blank.txt')).toEqual(['has no text']);
    expect(byFile('binary.txt')).toEqual(['is a binary file, not text']);
    expect(byFile('latin1.txt')).toEqual(['is not valid UTF-8 text']);
    // Files that are not articles are named, so nobody wonders where a saved web page went; folders are not files.
    expect(byFile('page.html')).toEqual(['is not read: articles are .txt or .md files (save the page as plain text)']);
    expect(byFile('image.png')).toHaveLength(1);
    expect(byFile('photos')).toEqual([]);
    const manifest = byFile('manifest.json').join('\n');
    expect(manifest).toMatch(/notes\.md: published: is not a real calendar date/);
    expect(manifest).toMatch(/names missing\.txt, which is not in the folder/);
    expect(manifest).toMatch(/blank\.txt: unknown field "kindd"/);
    for (const p of f.problems) expect(p.message).not.toMatch(/\n/);
  });

  it('THEN a valid manifest entry is used and a rejected one falls back to inference', async () => {
    const f = await loadCorpusFolder(dir);
    expect(f.inputs.find((i) => i.raw.id === 'good')?.hint).toEqual({ title: 'Given Title', published: '2022-01-09', kind: 'news' });
    expect(f.inputs.find((i) => i.raw.id === 'notes')?.hint).toBeUndefined();
  });
});

describe('GIVEN other folder problems', () => {
  it('THEN a missing folder is a CorpusFolderError naming it', async () => {
    await expect(loadCorpusFolder(join(dir, 'nope'))).rejects.toThrow(CorpusFolderError);
    await expect(loadCorpusFolder(join(dir, 'nope'))).rejects.toThrow(/cannot read corpus folder .*nope: ENOENT/);
  });
  it('THEN a file given as the folder is refused', async () => {
    await expect(loadCorpusFolder(join(dir, 'good.txt'))).rejects.toThrow(/is not a folder/);
  });
  it('THEN the seed folder loads its five documents with no problem', async () => {
    const f = await loadCorpusFolder(SEEDS);
    expect(f.problems).toEqual([]);
    expect(f.inputs).toHaveLength(5);
  });
});

describe('GIVEN manifests', () => {
  const cases = [
    { name: 'not JSON', json: '{documents:', problem: /is not valid JSON/ },
    { name: 'no documents array', json: '{"docs":[]}', problem: /must be an object with a "documents" array/ },
    { name: 'a bad kind', json: '{"documents":[{"file":"a.txt","kind":"blog"}]}', problem: /a\.txt: kind: / },
    { name: 'a bad date format', json: '{"documents":[{"file":"a.txt","published":"9 Jan 2022"}]}', problem: /must be a date written YYYY-MM-DD/ },
    { name: 'a file listed twice', json: '{"documents":[{"file":"a.txt"},{"file":"a.txt"}]}', problem: /lists a\.txt twice/ },
    { name: 'an entry without file', json: '{"documents":[{"title":"x"}]}', problem: /documents\[0\]: file: / },
  ];
  it.each(cases)('$name THEN the problem is named', ({ json, problem }) => {
    const m = parseManifest(json);
    expect(m.problems.map((p) => p.message).join('\n')).toMatch(problem);
  });
  it('THEN null fields are kept as "not stated"', () => {
    const m = parseManifest('{"documents":[{"file":"a.txt","outlet":null,"published":null}]}');
    expect(m.problems).toEqual([]);
    expect(m.entries.get('a.txt')).toEqual({ outlet: null, published: null });
  });
});

describe('GIVEN raw bytes', () => {
  it('THEN CRLF line ends and a BOM are normalised', () => {
    const r = decodeDocument(new TextEncoder().encode('\ufeffTitle\r\n\r\nBody.'));
    expect(r).toEqual({ ok: true, text: 'Title\n\nBody.' });
  });
});
