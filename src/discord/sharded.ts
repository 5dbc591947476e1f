/**
 * `npm run start:sharded`: discord.js's ShardingManager runs `src/main.ts` in several processes, each
 * connected to a share of the servers (SHARD_COUNT, or Discord's recommendation with "auto"). State that
 * must be shared between processes (debates) belongs in Redis (STORE_URL=redis://…); each process loads the
 * corpus itself, and button pages stay in the memory of the shard that answered (clicks reach that shard).
 */
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { loadConfig, ConfigError } from '../config.js';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`counterpoint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (!config.discordToken) {
    process.stderr.write('counterpoint: DISCORD_TOKEN is not set; the sharded bot needs it\n');
    return 2;
  }
  if (config.storeUrl.startsWith('sqlite:') || config.storeUrl.startsWith('memory'))
    process.stderr.write(
      'counterpoint: warning: shards do not share a SQLite or memory store; set STORE_URL=redis://… for debates\n',
    );
  const manager = new ShardingManager(MAIN, {
    token: config.discordToken,
    totalShards: config.shardCount,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    // Respawning is ours: a shard that dies soon after starting (bad token, bad settings) stops everything
    // with its one line rather than burning the daily identify budget in a loop.
    respawn: false,
  });
  manager.on('shardCreate', (shard) => {
    const started = Date.now();
    process.stderr.write(`counterpoint: shard ${shard.id} launched\n`);
    shard.on('death', (p) => {
      const code = 'exitCode' in p ? p.exitCode : null;
      process.stderr.write(`counterpoint: shard ${shard.id} exited (${String(code)})\n`);
      if (Date.now() - started < 60_000) {
        process.stderr.write('counterpoint: a shard died within a minute of starting; stopping all shards\n');
        for (const other of manager.shards.values()) other.kill();
        process.exit(1);
      }
      setTimeout(() => void shard.spawn().catch(() => undefined), 5_000);
    });
  });
  const shutdown = () => {
    for (const shard of manager.shards.values()) shard.kill();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // A shard that cannot log in exits non-zero; spawn's timeout turns that into one error here, not a loop.
  await manager.spawn({ timeout: 60_000 });
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`counterpoint: sharded start failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
