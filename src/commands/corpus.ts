/**
 * /corpus reload: read the corpus folder again without a restart (Discord-only, moderators). Only added or
 * changed files are parsed again (the analysis cache keeps the rest); the new analysis is swapped in whole, so
 * commands already running finish on the old one. Hidden from members without Manage Server by default, and
 * checked again here, since a server can change who sees a command.
 */
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { corpusReloaderOf, type CorpusReloadResult } from '../discord/bot.js';
import { respond } from '../discord/router.js';
import { noticePayload } from '../presenters/discord.js';
import { errorText, userError } from '../presenters/errors.js';
import type { CommandContext } from './_types.js';

export const data = new SlashCommandBuilder()
  .setName('corpus')
  .setDescription('The corpus the bot answers from (moderators)')
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s.setName('reload').setDescription('Read the corpus folder again: added, changed and removed files'),
  );

const MAX_PROBLEMS_SHOWN = 5;

/** The answer to a reload: counts, problems (a few named) and the time it took. */
export function reloadText(result: CorpusReloadResult): string {
  if (!result.ok) return `The corpus was not reloaded: ${result.message}. The previous corpus stays in use.`;
  const lines = [
    `Corpus reloaded in ${Math.max(1, Math.round(result.ms))} ms: ${result.documents} document${result.documents === 1 ? '' : 's'}, ${result.parsed} file${result.parsed === 1 ? '' : 's'} parsed again, ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}.`,
  ];
  for (const p of result.problems.slice(0, MAX_PROBLEMS_SHOWN))
    lines.push(`- skipped ${p.file}: ${p.message}`);
  if (result.problems.length > MAX_PROBLEMS_SHOWN)
    lines.push(`- and ${result.problems.length - MAX_PROBLEMS_SHOWN} more (see the bot's log)`);
  return lines.join('\n');
}

const quiet = { info() {}, warn() {}, error() {} };

export async function execute(interaction: ChatInputCommandInteraction, _ctx: CommandContext): Promise<void> {
  if (!interaction.inGuild()) {
    await respond(
      interaction,
      noticePayload(errorText(userError('DISCORD_ONLY', { command: 'corpus' }))),
      quiet,
    );
    return;
  }
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await respond(
      interaction,
      noticePayload(errorText(userError('NOT_ALLOWED', { permission: 'the Manage Server permission' }))),
      quiet,
    );
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reloader = corpusReloaderOf(interaction.client);
  const result: CorpusReloadResult = reloader
    ? await reloader.reload()
    : { ok: false, message: 'this bot was started without a reloadable corpus' };
  await respond(interaction, noticePayload(reloadText(result)), quiet);
}
