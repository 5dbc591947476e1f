/**
 * Run by corpus.test.ts in a child process (so a runaway engine is killed by a timeout and a heap limit instead of
 * taking the test runner down): a corpus folder holding one article with a 1 MB single paragraph, loaded and
 * analysed; prints the invariant's violations as JSON and exits 0 when there are none.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpusFolder } from '../../src/data/corpus-loader.js';
import { buildCorpus } from '../../src/core/corpus/corpus.js';
import { analyzeCorpus } from '../../src/core/analysis.js';
import { verbatimViolations } from './_verbatim.js';

const unit = 'The council said on Tuesday that “prices will not rise,” and officials agreed. ';
const paragraph = unit.repeat(Math.ceil(1_000_000 / unit.length));
const text = `Council Story\n\nBy Ann Writer\n\nA short first paragraph of the story.\n\n${paragraph}\n\nA closing line.\n`;
const dir = await mkdtemp(join(tmpdir(), 'cp-fuzz-big-'));
try {
  await writeFile(join(dir, 'big.txt'), text);
  const folder = await loadCorpusFolder(dir);
  const analysis = analyzeCorpus(buildCorpus(folder.inputs));
  const big = analysis.corpus.documents[0]?.body.some((p) => p.text.length >= 1_000_000) ?? false;
  const violations = verbatimViolations(analysis);
  if (!big) violations.push('the 1 MB paragraph is not a body paragraph');
  process.stdout.write(JSON.stringify({ violations }));
  process.exitCode = violations.length === 0 ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
