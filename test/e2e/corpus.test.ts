/**
 * Corpus reload without a restart, through the stand-in and the real client: `/corpus reload` (moderators only)
 * and the folder watcher (WATCH_CORPUS). Each bot works on its own copy of the seeds.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHandle } from '../../src/discord/bot.ts';
import { startDiscordStandin, type DiscordStandin } from '../support/discord-standin.ts';
import { collectingLog, configFor, Driver, waitFor } from './_driver.ts';

const SEEDS = resolve('seeds');

const ADDED_TITLE = 'Grain exports resume through the Caspian ports';
const ADDED = `${ADDED_TITLE}

Grain shipments from the Caspian port of Aktau resumed on Monday after a week-long halt, the port authority said.

"The queues are gone and the ships are loading again," a dock manager told reporters.
`;

async function copyOfSeeds(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'counterpoint-corpus-'));
  await cp(SEEDS, dir, { recursive: true });
  return dir;
}

describe('/corpus reload', () => {
  let standin: DiscordStandin;
  let bot: BotHandle;
  let driver: Driver;
  let dir: string;
  const log = collectingLog();
  const mod = () => standin.member('mod').user.id;

  beforeAll(async () => {
    dir = await copyOfSeeds();
    standin = await startDiscordStandin({ heartbeatIntervalMs: 5000 });
    bot = await startBot(configFor(standin, { CORPUS_DIR: dir, WATCH_CORPUS: 'false' }), {
      log,
      handleProcessEvents: false,
    });
    driver = new Driver(standin);
  });

  afterAll(async () => {
    driver?.close();
    await bot?.stop();
    await standin?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN the command definition THEN it is hidden from members without Manage Server and guild-only', async () => {
    const { data } = await import('../../src/commands/corpus.ts');
    const json = data.toJSON();
    expect(json.default_member_permissions).toBe(String(1n << 5n));
    expect(json.contexts).toEqual([0]);
  });

  it('GIVEN a file added to the folder WHEN a moderator runs /corpus reload THEN the answer counts it and /sources lists it', async () => {
    const before = bot.analysis.corpus.documents.length;
    const sourcesBefore = await driver.command({ name: 'sources' });
    expect(sourcesBefore.text).not.toContain(ADDED_TITLE);
    await writeFile(join(dir, 'zz_grain.txt'), ADDED);

    const reload = await driver.command({ name: 'corpus', subcommand: 'reload', userId: mod() });
    expect(reload.record.callbackType).toBe(5); // deferred
    expect(reload.ephemeral).toBe(true);
    expect(reload.text).toContain(`${before + 1} documents`);
    expect(reload.text).toContain('1 file parsed again'); // the five seeds came from the cache
    expect(reload.text).toMatch(/0 problems/);
    expect(reload.text).toMatch(/in \d+ ms/);

    expect(bot.analysis.corpus.documents).toHaveLength(before + 1);
    const sources = await driver.command({ name: 'sources' });
    expect(sources.text).toContain(ADDED_TITLE);
  });

  it('GIVEN an unreadable file in the folder WHEN reloaded THEN the problem is reported and the rest is kept', async () => {
    await writeFile(join(dir, 'zz_empty.txt'), '');
    const reload = await driver.command({ name: 'corpus', subcommand: 'reload', userId: mod() });
    expect(reload.text).toMatch(/[1-9]\d* problems?/);
    expect(reload.text).toContain('zz_empty.txt');
    const sources = await driver.command({ name: 'sources' });
    expect(sources.text).toContain(ADDED_TITLE);
    await rm(join(dir, 'zz_empty.txt'));
  });

  it('GIVEN a member without Manage Server WHEN they run /corpus reload THEN it is refused ephemerally and nothing is reloaded', async () => {
    const reloadsBefore = log.lines.filter((l) => l.includes('corpus reloaded')).length;
    await writeFile(join(dir, 'zz_other.txt'), 'Another headline\n\nA second short report about ports.\n');
    const refused = await driver.command({ name: 'corpus', subcommand: 'reload' }); // alice
    expect(refused.ephemeral).toBe(true);
    expect(refused.text).toContain('Manage Server');
    expect(log.lines.filter((l) => l.includes('corpus reloaded')).length).toBe(reloadsBefore);
    expect(bot.analysis.corpus.byId.has('zz_other')).toBe(false);
    await rm(join(dir, 'zz_other.txt'));
  });
});

describe('the corpus watcher', () => {
  let standin: DiscordStandin;
  let bot: BotHandle;
  let driver: Driver;
  let dir: string;
  const log = collectingLog();

  beforeAll(async () => {
    dir = await copyOfSeeds();
    standin = await startDiscordStandin({ heartbeatIntervalMs: 5000 });
    bot = await startBot(configFor(standin, { CORPUS_DIR: dir, WATCH_CORPUS: 'true' }), {
      log,
      handleProcessEvents: false,
    });
    driver = new Driver(standin);
  });

  afterAll(async () => {
    driver?.close();
    await bot?.stop();
    await standin?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN WATCH_CORPUS and a file changed on disk THEN the bot answers from the new text without any command', async () => {
    const doc = bot.analysis.corpus.documents[0];
    if (!doc) throw new Error('no documents');
    const old = bot.analysis;
    const text = doc.meta.file;
    const added = 'Officials in Aktau said the zorvenite shipments were delayed by the unrest.';
    const original = await readFile(join(dir, text), 'utf8');
    await writeFile(join(dir, text), `${original.trimEnd()}\n\n${added}\n`);
    await waitFor(() => bot.analysis !== old, 8000, 'the watcher to reload');
    expect(log.lines.some((l) => l.includes('corpus reloaded (folder changed)'))).toBe(true);
    expect(bot.analysis.corpus.byId.get(doc.meta.id)?.body.some((p) => p.text.includes('zorvenite'))).toBe(
      true,
    );
    const found = await driver.command({ name: 'search', options: { query: 'zorvenite shipments' } });
    expect(found.ackMs).toBeLessThan(3000);
    expect(found.text).toContain('zorvenite');
  });

  it('GIVEN a file removed from the folder THEN the watcher drops it from the corpus', async () => {
    const last = bot.analysis.corpus.documents.at(-1);
    if (!last) throw new Error('no documents');
    const old = bot.analysis;
    await rm(join(dir, last.meta.file));
    await waitFor(() => bot.analysis !== old && !bot.analysis.corpus.byId.has(last.meta.id), 8000, 'removal');
    expect(bot.analysis.corpus.documents.length).toBe(old.corpus.documents.length - 1);
    // the manifest now names a file that is gone: a problem, logged
    expect(log.lines.some((l) => l.startsWith('warn corpus reload: skipped manifest.json'))).toBe(true);
  });
});
