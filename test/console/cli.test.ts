import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/corpus.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user would (a real process), optionally feeding standard input. */
function cli(args: string[], input?: string): Promise<Run> {
  return run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/console/cli.ts'), ...args], input);
}

/** Runs a process from the project root, collecting its output. */
function run(command: string, args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

let broken: string;
beforeAll(async () => {
  broken = await mkdtemp(join(tmpdir(), 'cp-cli-'));
  await writeFile(
    join(broken, 'a.txt'),
    'Harbour Reopens\n\nThe harbour reopened on Monday, officials said.\n',
  );
  await writeFile(join(broken, 'b.txt'), Buffer.from([0, 1, 2, 3]));
});
afterAll(async () => {
  await rm(broken, { recursive: true, force: true });
});

describe('GIVEN the CLI on the seeds', () => {
  it('WHEN ask "/sources" THEN it lists the five documents as text', async () => {
    const r = await cli(['ask', '/sources']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kazakhstan unrest adds uncertainty to US-Russia talks on Ukraine');
    expect(r.stdout).toContain('7 reader comments');
  });

  it('WHEN ask "/sources" --json THEN the structured result has every document with its comment count', async () => {
    const r = await cli(['ask', '/sources', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { sources: { id: string; comments: number; kind: string }[] };
    expect(json.sources.map((s) => s.id)).toHaveLength(5);
    expect(json.sources.find((s) => s.id === '002_eba45ebe7d5b167d')?.comments).toBe(7);
  });

  it('WHEN analyze --json THEN documents carry ids, kinds and the comment thread of 002 only', async () => {
    const r = await cli(['analyze', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      documents: {
        id: string;
        comments: { index: number; author: string | null; replyTo: string | null }[];
      }[];
      speakers: unknown[];
      quotes: unknown[];
      events: unknown[];
    };
    expect(json.documents.map((d) => d.id)).toEqual([
      '000_abef459d8b449977',
      '001_bfa0798cb1b066b3',
      '002_eba45ebe7d5b167d',
      '003_288f76d67bc71bf5',
      '004_7a03a6fd2fdc04b8',
    ]);
    for (const d of json.documents) expect(d.comments).toHaveLength(d.id === '002_eba45ebe7d5b167d' ? 7 : 0);
    expect(Array.isArray(json.speakers) && Array.isArray(json.quotes) && Array.isArray(json.events)).toBe(
      true,
    );
  });

  const usage = [
    {
      name: 'an unknown command',
      args: ['ask', '/nonsense'],
      message: /There is no command \/nonsense\. Commands: .*\/sources/,
    },
    {
      name: 'an unknown option',
      args: ['ask', '/sources colour:red'],
      message: /\/sources has no option "colour"/,
    },
    { name: 'an unknown verb', args: ['frobnicate'], message: /unknown command "frobnicate"/ },
    { name: 'an unknown flag', args: ['ask', '/sources', '--loud'], message: /unknown flag --loud/ },
  ];
  it.each(usage)('WHEN $name THEN exit 2 with a message saying what exists', async ({ args, message }) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('GIVEN other corpora', () => {
  it('WHEN the folder does not exist THEN exit 1 with one line naming it', async () => {
    const r = await cli(['ask', '/sources', '--corpus', join(broken, 'missing')]);
    expect(r.code).toBe(1);
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm warn')),
    ).toHaveLength(1);
    expect(r.stderr).toMatch(/missing/);
  });
  it('WHEN one file is binary THEN the rest answers, the file is named, and --strict exits 3', async () => {
    const r = await cli(['ask', '/sources', '--corpus', broken]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Harbour Reopens');
    expect(r.stderr).toContain('skipped: b.txt is a binary file, not text');
    const strict = await cli(['ask', '/sources', '--corpus', broken, '--strict']);
    expect(strict.code).toBe(3);
  });
});

describe('GIVEN the interactive console', () => {
  it('WHEN a person types commands THEN each is answered and unknown ones say what exists', async () => {
    const r = await cli(['console'], '/help\n/sources\n/nope\n/exit\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Counterpoint console: 5 documents loaded');
    expect(r.stdout).toMatch(/\/sources\s/);
    expect(r.stdout).toContain('Sources (5)');
    expect(r.stdout).toContain('There is no command /nope');
  });
});

describe('GIVEN a reader that closes the pipe early (`| head -c 10`)', () => {
  it('WHEN analyze --json writes more than it reads THEN the CLI ends quietly, no EPIPE trace', async () => {
    const cliPath = join(ROOT, 'src/console/cli.ts');
    const r = await run('sh', [
      '-c',
      `"${process.execPath}" --import tsx "${cliPath}" analyze --json | head -c 10`,
    ]);
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).not.toContain('EPIPE');
  });
});
