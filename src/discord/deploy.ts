/**
 * `npm run deploy`: registers the slash commands (every command file's builder JSON) with Discord.
 * With DISCORD_GUILD_ID: in that one server (instant, for development); otherwise globally.
 * DISCORD_API_URL sends the request to a REST proxy or a local stand-in instead of discord.com.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { loadConfig, ConfigError, type Config } from '../config.js';
import { loadCommands } from '../commands/_load.js';

export class DeployError extends Error {}

export interface DeployResult {
  readonly scope: 'guild' | 'global';
  readonly names: readonly string[];
}

export async function deployCommands(config: Readonly<Config>): Promise<DeployResult> {
  if (!config.discordToken) throw new DeployError('DISCORD_TOKEN is not set; deploy needs the bot token');
  if (!config.discordClientId)
    throw new DeployError('DISCORD_CLIENT_ID is not set; deploy needs the application id');
  const commands = await loadCommands();
  const body = [...commands.values()].map((c) => c.data.toJSON());
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(
    config.discordToken,
  );
  const route = config.discordGuildId
    ? Routes.applicationGuildCommands(config.discordClientId, config.discordGuildId)
    : Routes.applicationCommands(config.discordClientId);
  const result = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: config.discordGuildId ? 'guild' : 'global', names: result.map((c) => c.name) };
}

async function main(): Promise<number> {
  try {
    const config = loadConfig();
    const result = await deployCommands(config);
    process.stdout.write(
      `registered ${result.names.length} commands ${result.scope === 'guild' ? `in server ${config.discordGuildId}` : 'globally (may take up to an hour to appear)'}: ${result.names.map((n) => `/${n}`).join(' ')}\n`,
    );
    return 0;
  } catch (error) {
    const message =
      error instanceof ConfigError || error instanceof DeployError
        ? error.message
        : `deploy failed: ${(error as Error).message}`;
    process.stderr.write(`counterpoint: ${message}\n`);
    return error instanceof ConfigError || error instanceof DeployError ? 2 : 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
