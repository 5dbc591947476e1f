/**
 * `npm run -s cli -- ask "/sources" [--json] [--corpus DIR]` and `npm run -s cli -- analyze --json [--corpus DIR]`.
 * Exit codes: 0 answered; 1 the corpus could not be loaded at all; 2 not answered (a usage error, or the command's
 * own error: a bad value, an unknown speaker, nothing matching);
 * 3 with --strict, when some corpus files were skipped. Problems with files are printed to stderr, one line each.
 */
import { loadConfig, ConfigError } from '../config.js';
import { loadCommands } from '../commands/_load.js';
import { loadAnalysis } from '../data/load-analysis.js';
import { CorpusFolderError } from '../data/corpus-loader.js';
import { exportAnalysis } from '../core/export.js';
import { errorText } from '../presenters/errors.js';
import { renderText } from '../presenters/view.js';
import { runLine } from './runner.js';
import { startConsole } from './repl.js';

const USAGE = `usage:
  cli ask "/command option:value ..." [--json] [--corpus DIR]
  cli analyze --json [--corpus DIR]
  cli console [--corpus DIR]`;

export async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i === -1) return false;
    args.splice(i, 1);
    return true;
  };
  const value = (name: string): string | undefined | null => {
    const i = args.indexOf(name);
    if (i === -1) return undefined;
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) return null;
    args.splice(i, 2);
    return v;
  };
  const json = flag('--json');
  const strict = flag('--strict');
  const corpusArg = value('--corpus');
  if (corpusArg === null) {
    process.stderr.write(`--corpus needs a folder\n${USAGE}\n`);
    return 2;
  }
  const [verb, ...rest] = args;
  const unknownFlag = rest.find((a) => a.startsWith('--'));
  if (unknownFlag) {
    process.stderr.write(`unknown flag ${unknownFlag}\n${USAGE}\n`);
    return 2;
  }
  if (verb !== 'ask' && verb !== 'analyze' && verb !== 'console') {
    process.stderr.write(`${verb ? `unknown command "${verb}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  let config;
  try {
    config = loadConfig(corpusArg ? { CORPUS_DIR: corpusArg } : {});
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  let loaded;
  try {
    loaded = await loadAnalysis(config.corpusDir);
  } catch (err) {
    if (err instanceof CorpusFolderError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  for (const p of loaded.problems) process.stderr.write(`skipped: ${p.file} ${p.message}\n`);
  const exit = strict && loaded.problems.length > 0 ? 3 : 0;
  if (loaded.analysis.corpus.documents.length === 0) {
    process.stderr.write(`no documents could be loaded from ${config.corpusDir}\n`);
    return 1;
  }
  if (verb === 'analyze') {
    process.stdout.write(
      `${JSON.stringify({ ...exportAnalysis(loaded.analysis), problems: loaded.problems }, null, json ? 2 : 0)}\n`,
    );
    return exit;
  }
  const commands = await loadCommands();
  const ctx = { analysis: loaded.analysis, now: new Date() };
  if (verb === 'console') {
    await startConsole(commands, ctx);
    return exit;
  }
  const line = rest.join(' ');
  if (!line.trim()) {
    process.stderr.write(`ask needs a command, e.g. ask "/sources"\n`);
    return 2;
  }
  const outcome = runLine(line, commands, ctx);
  if (!outcome.ok) {
    if (json)
      process.stdout.write(
        `${JSON.stringify({ error: { code: outcome.code, message: errorText(outcome), suggestions: outcome.suggestions ?? [] } }, null, 2)}\n`,
      );
    else process.stderr.write(`${errorText(outcome)}\n`);
    return 2;
  }
  process.stdout.write(json ? `${JSON.stringify(outcome.json, null, 2)}\n` : `${renderText(outcome.view)}\n`);
  if (outcome.view.image && !json) {
    // The console cannot show pictures: the image goes to a file and its path is printed.
    const { writeImage } = await import('./images.js');
    process.stdout.write(`image: ${await writeImage(outcome.view.image)}\n`);
  }
  return exit;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A reader that stops early (`| head`) closes the pipe: that is the end of the output, not a crash.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`counterpoint: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
