/**
 * Configuration: read once from the environment (and .env via dotenv), validated with zod, frozen.
 * A missing or invalid setting stops start-up with one clear line naming it.
 */
import { config as dotenv } from 'dotenv';
import { resolve } from 'node:path';
import { z } from 'zod';

export class ConfigError extends Error {}

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_GUILD_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_API_URL: optionalText.pipe(
    z.url({ message: 'must be a URL such as http://127.0.0.1:8080/api' }).optional(),
  ),
  CORPUS_DIR: optionalText.transform((v) => resolve(v ?? 'seeds')),
  STORE_URL: optionalText.pipe(
    z
      .string()
      .regex(
        /^(sqlite:\/\/.+|redis(s)?:\/\/.+|memory:?)$/,
        'must be sqlite://PATH, redis://HOST:PORT or memory',
      )
      .optional(),
  ),
  MODERATOR_ROLE_ID: optionalText.pipe(snowflake.optional()),
  MOD_LOG_CHANNEL_ID: optionalText.pipe(snowflake.optional()),
  WATCH_CORPUS: optionalText.pipe(z.enum(['true', 'false']).optional()),
  MESSAGE_CONTENT: optionalText.pipe(z.enum(['true', 'false']).optional()),
  SHARD_COUNT: optionalText.pipe(
    z.union([z.literal('auto'), z.string().regex(/^\d+$/, "must be a number or 'auto'")]).optional(),
  ),
});

export interface Config {
  readonly discordToken: string | undefined;
  readonly discordClientId: string | undefined;
  readonly discordGuildId: string | undefined;
  readonly discordApiUrl: string | undefined;
  readonly corpusDir: string;
  readonly storeUrl: string;
  readonly moderatorRoleId: string | undefined;
  readonly modLogChannelId: string | undefined;
  readonly watchCorpus: boolean;
  /** The privileged Message Content intent is granted: debaters' messages go into transcripts. */
  readonly messageContent: boolean;
  readonly shardCount: number | 'auto';
}

/** Reads the configuration; `overrides` (command-line flags) win over the environment. */
export function loadConfig(
  overrides: Record<string, string> = {},
  env: NodeJS.ProcessEnv = process.env,
): Readonly<Config> {
  if (env === process.env) dotenv({ quiet: true });
  const parsed = schema.safeParse({ ...env, ...overrides });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid setting ${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  return Object.freeze({
    discordToken: e.DISCORD_TOKEN,
    discordClientId: e.DISCORD_CLIENT_ID,
    discordGuildId: e.DISCORD_GUILD_ID,
    discordApiUrl: e.DISCORD_API_URL,
    corpusDir: e.CORPUS_DIR,
    storeUrl: e.STORE_URL ?? `sqlite://${resolve('data/counterpoint.sqlite')}`,
    moderatorRoleId: e.MODERATOR_ROLE_ID,
    modLogChannelId: e.MOD_LOG_CHANNEL_ID,
    watchCorpus: e.WATCH_CORPUS !== 'false',
    messageContent: e.MESSAGE_CONTENT === 'true',
    shardCount: e.SHARD_COUNT === undefined || e.SHARD_COUNT === 'auto' ? 'auto' : Number(e.SHARD_COUNT),
  });
}
