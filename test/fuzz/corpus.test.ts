/**
 * Fuzzing the corpus path: random and hostile files and manifests through the loader, the parser and every engine.
 * Bounded: a fixed number of runs and a time limit per property, so the folder stays well under 30 s.
 * Invariants: nothing throws; every paragraph, sentence and token is verbatim at its offsets; every quote too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadCorpusFolder } from '../../src/data/corpus-loader.js';
import { buildCorpus } from '../../src/core/corpus/corpus.js';
import { verbatimViolations } from './_verbatim.js';
import { analyzeCorpus, type Analysis } from '../../src/core/analysis.js';

function expectVerbatim(analysis: Analysis): void {
  expect(verbatimViolations(analysis)).toEqual([]);
}

const WORDS = [
  'the',
  'minister',
  'said',
  'told',
  'reporters',
  'on',
  'Tuesday',
  'March 3, 2021',
  'last week',
  'yesterday',
  'Harbour',
  'Council',
  'Ms. Varga',
  'Dr.',
  'U.S.',
  'and',
  'but',
  'not',
  'prices',
  'rose',
  '12%',
  '$4.5 billion',
  'according to',
  'officials',
  'warned',
  'that',
  'it',
  'was',
  '2022-01-05',
  '5 January',
  'next month',
];
const MARKS = [
  '“',
  '”',
  '"',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '„',
  '(',
  ')',
  '—',
  '–',
  '…',
  '.',
  '!',
  '?',
  ':',
  ';',
  ',',
];
const ODD = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u200f',
  '\u202e',
  '\u00a0',
  '\t',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  'قال الوزير إن المحادثات مستمرة',
  'שלום עולם',
  'Привет, мир.',
  '你好，世界。',
  'नमस्ते',
  '🇰🇿',
  '👩‍👩‍👧',
  'e\u0301',
  'Comments',
  'Leave a Reply',
  '1. Reader says:',
  '2) Anna:',
  '@Anna ',
  '# Heading',
  '> quoted',
  '---',
  '©2022 Someone',
];

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS).map((w) => `${w} `) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);
const paragraph = fc
  .tuple(
    fc.constantFrom('', 'The ', 'Officials said ', '“We ', 'In a statement, '),
    fc.array(fragment, { minLength: 4, maxLength: 40 }),
    fc.constantFrom('.', '', '?”', '…'),
  )
  .map(([lead, parts, end]) => lead + parts.join('') + end);
/** Text shaped enough like an article (headline, byline, paragraphs, maybe comments) to reach every stage, breaking its rules. */
const hostileText = fc
  .tuple(
    fc.constantFrom(
      '',
      'Headline Of The Story\n\n',
      'Headline Of The Story\n\nBy Some Writer\n\nJanuary 5, 2022\n\n',
    ),
    fc.array(paragraph, { minLength: 1, maxLength: 8 }),
    fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n \n'),
  )
  .map(([head, paragraphs, sep]) => head + paragraphs.join(sep));

const hugeLine = fc
  .tuple(fc.integer({ min: 5_000, max: 40_000 }), fc.constantFrom('word ', '“quoted ', 'x', 'said. ', 'ء '))
  .map(([n, unit]) => `Title\n\n${unit.repeat(Math.ceil(n / unit.length))}`);

const fileBytes = fc.oneof(
  { weight: 6, arbitrary: hostileText.map((s) => Buffer.from(s, 'utf8')) },
  { weight: 1, arbitrary: hostileText.map((s) => Buffer.from(s, 'utf16le')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: hugeLine.map((s) => Buffer.from(s, 'utf8')) },
);

const FILE_NAMES = ['a.txt', 'b.md', 'c.TXT', 'd.txt', 'notes.json', '.hidden.txt', 'dup.txt', 'dup.md'];

const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.json().map((j) => JSON.parse(j) as unknown),
);
const manifestEntry = fc.record(
  {
    file: fc.oneof(fc.constantFrom(...FILE_NAMES), anyValue),
    title: anyValue,
    outlet: anyValue,
    author: anyValue,
    published: fc.oneof(fc.constantFrom('2022-01-05', '2022-02-30', '05/01/2022', ''), anyValue),
    kind: fc.oneof(fc.constantFrom('news', 'opinion', 'statement', 'NEWS'), anyValue),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const manifestText = fc.oneof(
  fc.constant(null),
  fc.json(),
  fc.string(),
  fc.array(manifestEntry, { maxLength: 6 }).map((documents) => JSON.stringify({ documents })),
  fc.array(manifestEntry, { maxLength: 3 }).map((documents) => JSON.stringify(documents)),
);

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cp-fuzz-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let folderCount = 0;
async function analyzeFolder(files: Record<string, Buffer>, manifest: string | null): Promise<Analysis> {
  const dir = join(root, `f${folderCount++}`);
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
  if (manifest !== null) await writeFile(join(dir, 'manifest.json'), manifest);
  try {
    const folder = await loadCorpusFolder(dir);
    return analyzeCorpus(buildCorpus(folder.inputs));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('GIVEN random corpus folders (files and manifests)', () => {
  it('THEN loading and analysing never throws, and everything cited is verbatim', async () => {
    let documents = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...FILE_NAMES), fileBytes, { maxKeys: 4 }),
        manifestText,
        async (files, manifest) => {
          const analysis = await analyzeFolder(files, manifest);
          documents += analysis.corpus.documents.length;
          expectVerbatim(analysis);
        },
      ),
      { numRuns: 50, interruptAfterTimeLimit: 8_000 },
    );
    // Not vacuous: most generated files are text the loader accepts.
    expect(documents).toBeGreaterThan(10);
  }, 20_000);
});

describe('GIVEN random document texts handed straight to the parser', () => {
  it('THEN texts the loader would have cleaned (lone surrogates, CR, BOM) are analysed without throwing, verbatim', () => {
    let sentences = 0;
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 3 }), (texts) => {
        const corpus = buildCorpus(
          texts.map((text, i) => ({ raw: { id: `t${i}`, file: `t${i}.txt`, text } })),
        );
        sentences += corpus.documents.reduce(
          (n, d) => n + d.body.reduce((m, p) => m + p.sentences.length, 0),
          0,
        );
        expectVerbatim(analyzeCorpus(corpus));
      }),
      { numRuns: 150, interruptAfterTimeLimit: 6_000 },
    );
    expect(sentences).toBeGreaterThan(20);
  }, 15_000);
});

describe('GIVEN a 1 MB single paragraph', () => {
  // In a child process with a heap limit and a timeout: an engine that is quadratic in a paragraph's length
  // shows up as a failed test here, not as a test runner that runs out of memory or never ends.
  it('THEN the corpus loads and analyses within bounds, verbatim', async () => {
    const child = fileURLToPath(new URL('./big-paragraph.child.ts', import.meta.url));
    const result = await new Promise<{
      code: number | null;
      signal: string | null;
      out: string;
      err: string;
    }>((done) => {
      execFile(
        process.execPath,
        ['--max-old-space-size=1536', '--import', 'tsx', child],
        { timeout: 20_000, maxBuffer: 1 << 20 },
        (error, out, err) =>
          done({
            code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
            signal: error?.signal ?? null,
            out,
            err: err.slice(-400),
          }),
      );
    });
    expect({ ...result, err: result.code === 0 ? '' : result.err }).toMatchObject({
      code: 0,
      signal: null,
      out: JSON.stringify({ violations: [] }),
      err: '',
    });
  }, 25_000);
});
