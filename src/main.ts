/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console on the corpus.
 */
import { loadConfig, ConfigError } from './config.js';

async function start(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`counterpoint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (config.discordToken) {
    const { startBot } = await import('./discord/bot.js');
    const { openDebates } = await import('./discord/debates.js');
    const { stderrLogger } = await import('./discord/log.js');
    const log = stderrLogger();
    await startBot(config, {
      log,
      ...(await openDebates(config, log, { messageContent: config.messageContent })),
    });
    return 0;
  }
  const { main } = await import('./console/cli.js');
  return main(['console', '--corpus', config.corpusDir]);
}

start().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`counterpoint: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
