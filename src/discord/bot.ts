import type { Config } from '../config.js';

/** Starts the Discord bot. (Issue 7 fills this in.) */
export async function startBot(_config: Readonly<Config>): Promise<void> {
  throw new Error('the Discord adapter is not built yet; unset DISCORD_TOKEN to use the console');
}
