/**
 * /debate: moderated debates in a channel (Discord-only: no `run`, so the console says so). The handler is thin:
 * it names the actor (moderator or not, from the interaction's own permissions), runs one core transition
 * through the debate runtime (which saves it, shows it and re-arms the timer) and answers.
 */
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import {
  argue,
  beginTurns,
  closeVote,
  endDebate,
  MAX_ARGUMENT_CHARS,
  MAX_MOTION_CHARS,
  MAX_ROUNDS,
  MAX_TURN_SECONDS,
  MIN_TURN_SECONDS,
  nextTurn,
  openVote,
  pause,
  resume,
  startDebate,
  yieldTurn,
  type Actor,
  type DebateFormat,
  type DebateSession,
  type Transition,
  type VoteWhich,
} from '../core/debate/index.js';
import { StoreUnavailableError } from '../data/store.js';
import { errorText, userError } from '../presenters/errors.js';
import { fitText, noticePayload, pagePayload, viewToPages } from '../presenters/discord.js';
import { handleDebateButton, debateStatusEmbed, interactionMemberName } from '../discord/debate-buttons.js';
import {
  debateFailureText,
  debateServiceOf,
  evidenceView,
  permissionName,
  REQUIRED_BOT_PERMISSIONS,
  transcriptPayload,
  type DebateService,
} from '../discord/debates.js';
import { respond } from '../discord/router.js';
import type { CommandContext } from './_types.js';

export const data = new SlashCommandBuilder()
  .setName('debate')
  .setDescription('Moderated debates: sides, timed turns, evidence from the corpus, votes and a transcript')
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('start')
      .setDescription('Start a debate in this channel (moderators)')
      .addStringOption((o) =>
        o
          .setName('motion')
          .setDescription('The motion')
          .setRequired(true)
          .setMinLength(3)
          .setMaxLength(MAX_MOTION_CHARS),
      )
      .addStringOption((o) =>
        o
          .setName('format')
          .setDescription(
            'quick: 2 rounds of 90 s; oxford: opening, rebuttal, closing; custom: your turn length and rounds',
          )
          .addChoices(
            { name: 'quick', value: 'quick' },
            { name: 'oxford', value: 'oxford' },
            { name: 'custom', value: 'custom' },
          ),
      )
      .addIntegerOption((o) =>
        o
          .setName('turn_seconds')
          .setDescription('Seconds per turn')
          .setMinValue(MIN_TURN_SECONDS)
          .setMaxValue(MAX_TURN_SECONDS),
      )
      .addIntegerOption((o) =>
        o.setName('rounds').setDescription('Rounds (custom)').setMinValue(1).setMaxValue(MAX_ROUNDS),
      )
      .addBooleanOption((o) =>
        o.setName('counterpoints').setDescription('Offer a corpus counterpoint at each new turn'),
      ),
  )
  .addSubcommand((s) =>
    s.setName('status').setDescription('Where the debate stands, who has the floor, time left'),
  )
  .addSubcommand((s) => s.setName('yield').setDescription('Hand the floor on (the speaker)'))
  .addSubcommand((s) =>
    s.setName('next').setDescription('Begin the turns, or skip to the next speaker (moderators)'),
  )
  .addSubcommand((s) => s.setName('pause').setDescription('Pause the clock (moderators)'))
  .addSubcommand((s) => s.setName('resume').setDescription('Resume the clock (moderators)'))
  .addSubcommand((s) =>
    s.setName('end').setDescription('End the debate and post the transcript (moderators)'),
  )
  .addSubcommand((s) =>
    s
      .setName('evidence')
      .setDescription('Corpus passages supporting one side of the motion, reader comments labelled')
      .addStringOption((o) =>
        o
          .setName('side')
          .setDescription('Which side')
          .setRequired(true)
          .addChoices({ name: 'for', value: 'for' }, { name: 'against', value: 'against' }),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('argue')
      .setDescription('Submit an argument while you hold the floor')
      .addStringOption((o) =>
        o.setName('text').setDescription('Your argument').setRequired(true).setMaxLength(MAX_ARGUMENT_CHARS),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('vote')
      .setDescription('Open or close the audience vote (moderators)')
      .addStringOption((o) =>
        o
          .setName('action')
          .setDescription('open or close')
          .setRequired(true)
          .addChoices({ name: 'open', value: 'open' }, { name: 'close', value: 'close' }),
      )
      .addStringOption((o) =>
        o
          .setName('which')
          .setDescription('The vote before or after the debate')
          .setRequired(true)
          .addChoices({ name: 'before', value: 'before' }, { name: 'after', value: 'after' }),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('transcript')
      .setDescription('The transcript of this channel’s last debate, or of a debate by id, as Markdown')
      .addStringOption((o) => o.setName('id').setDescription('Debate id (shown in its status message)')),
  );

const NO_DEBATE = 'There is no debate in this channel. A moderator starts one with `/debate start`.';

/** Sub-commands answered to everyone; the rest only to the member who asked. */
const PUBLIC = new Set(['argue', 'transcript']);

function say(text: string) {
  return noticePayload(text);
}

function actorOf(interaction: ChatInputCommandInteraction, service: DebateService): Actor {
  const member = interaction.member;
  const roles: string[] = !member
    ? []
    : Array.isArray(member.roles)
      ? member.roles
      : [...(member.roles as { cache: Map<string, unknown> }).cache.keys()];
  return {
    id: interaction.user.id,
    isModerator: service.isModerator(interaction.memberPermissions, roles),
    displayName: interactionMemberName(interaction as unknown as ButtonInteraction),
  };
}

function formatOf(interaction: ChatInputCommandInteraction): DebateFormat {
  const kind = interaction.options.getString('format');
  const seconds = interaction.options.getInteger('turn_seconds');
  const rounds = interaction.options.getInteger('rounds');
  if (kind === 'oxford')
    return seconds === null ? { kind: 'oxford' } : { kind: 'oxford', turnSeconds: seconds };
  if (kind === 'custom' || seconds !== null || rounds !== null)
    return { kind: 'custom', turnSeconds: seconds ?? 90, rounds: rounds ?? 2 };
  return { kind: 'quick' };
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const service = debateServiceOf(interaction.client);
  const sub = interaction.options.getSubcommand(false) ?? 'status';
  const log = service?.log ?? { info() {}, warn() {}, error() {} };
  if (!interaction.inGuild()) {
    await respond(interaction, say(errorText(userError('DISCORD_ONLY', { command: 'debate' }))), log);
    return;
  }
  await interaction.deferReply(PUBLIC.has(sub) ? {} : { flags: MessageFlags.Ephemeral });
  if (!service) {
    await respond(interaction, say(errorText(userError('STORE_UNAVAILABLE'))), log);
    return;
  }
  try {
    await handle(sub, interaction, service, ctx);
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      log.warn(`/debate ${sub}: ${error.message}`);
      await respond(interaction, say(errorText(userError('STORE_UNAVAILABLE'))), log);
      return;
    }
    throw error;
  }
}

/** The router sends every `debate:` button here. */
export async function component(interaction: ButtonInteraction, _ctx: CommandContext): Promise<void> {
  await handleDebateButton(interaction);
}

async function handle(
  sub: string,
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  service: DebateService,
  ctx: CommandContext,
): Promise<void> {
  const { guildId, channelId } = interaction;
  const actor = actorOf(interaction, service);
  const reply = (text: string) => respond(interaction, say(text), service.log);
  const apply = async (
    transition: (current: DebateSession, now: number) => Transition,
    done: (session: DebateSession) => string,
  ): Promise<void> => {
    const result = await service.change(guildId, channelId, (current, now) =>
      current && current.status !== 'ended' ? transition(current, now) : { ok: false, code: 'NOT_RUNNING' },
    );
    if (!result.ok) {
      const none = result.code === 'NOT_RUNNING' && !(await service.repo.getByChannel(guildId, channelId));
      await reply(none ? NO_DEBATE : debateFailureText(result));
      return;
    }
    await reply(done(result.session));
  };
  const moderatorOnly = async (): Promise<boolean> => {
    if (actor.isModerator) return true;
    await reply(
      errorText(
        userError('NOT_ALLOWED', { permission: 'the Manage Channels permission or the moderator role' }),
      ),
    );
    return false;
  };

  switch (sub) {
    case 'start': {
      if (!(await moderatorOnly())) return;
      const app = interaction.appPermissions;
      const missing = REQUIRED_BOT_PERMISSIONS.filter((p) => !app.has(p));
      if (missing.length > 0) {
        await reply(
          `I cannot run a debate here: grant me ${missing.map(permissionName).join(', ')} in this channel.`,
        );
        return;
      }
      const canKeepFloor =
        app.has(PermissionFlagsBits.ManageRoles) || app.has(PermissionFlagsBits.ManageMessages);
      const counterpoints = interaction.options.getBoolean('counterpoints') ?? false;
      const result = await service.change(guildId, channelId, (current, now) =>
        startDebate(
          current,
          {
            id: interaction.id,
            guildId,
            channelId,
            motion: interaction.options.getString('motion', true),
            format: formatOf(interaction),
            settings: { offerCounterpoints: counterpoints },
          },
          actor,
          now,
        ),
      );
      if (!result.ok) {
        await reply(debateFailureText(result));
        return;
      }
      // The audience votes while the sides fill up; `/debate next` closes that vote and begins the turns.
      await service.change(guildId, channelId, (current, now) =>
        current && current.id === result.session.id
          ? openVote(current, actor, 'before', now)
          : { ok: false, code: 'WRONG_STATE' },
      );
      const warning = canKeepFloor
        ? ''
        : `\nI cannot keep the floor in this channel: grant me ${permissionName(PermissionFlagsBits.ManageRoles)} (preferred) or ${permissionName(PermissionFlagsBits.ManageMessages)}.`;
      await reply(
        `Debate \`${result.session.id}\` started. Members join with the buttons on the status message and the vote before is open; \`/debate next\` begins the turns.${warning}`,
      );
      return;
    }
    case 'status': {
      const session = await service.repo.getByChannel(guildId, channelId);
      if (!session) {
        await reply(NO_DEBATE);
        return;
      }
      await respond(
        interaction,
        {
          embeds: [debateStatusEmbed(session, service.now())],
          components: [],
          allowedMentions: { parse: [] },
          flags: MessageFlags.Ephemeral,
        },
        service.log,
      );
      return;
    }
    case 'yield':
      await apply(
        (s, now) => yieldTurn(s, actor.id, now),
        () => 'You yielded the floor.',
      );
      return;
    case 'next':
      if (!(await moderatorOnly())) return;
      await apply(
        (s, now) =>
          s.status === 'lobby' || s.status === 'voting-before'
            ? beginTurns(s, actor, now)
            : nextTurn(s, actor, now),
        (s) =>
          s.turn
            ? `The floor is now ${s.names[s.turn.speakerId] ?? s.turn.speakerId}'s.`
            : 'The turns are over.',
      );
      return;
    case 'pause':
      if (!(await moderatorOnly())) return;
      await apply(
        (s, now) => pause(s, actor, now),
        () => 'Paused.',
      );
      return;
    case 'resume':
      if (!(await moderatorOnly())) return;
      await apply(
        (s, now) => resume(s, actor, now),
        () => 'Resumed.',
      );
      return;
    case 'end':
      if (!(await moderatorOnly())) return;
      await apply(
        (s, now) => endDebate(s, actor, now),
        () => 'The debate has ended; the transcript is posted.',
      );
      return;
    case 'vote': {
      if (!(await moderatorOnly())) return;
      const which = interaction.options.getString('which', true) as VoteWhich;
      const open = interaction.options.getString('action', true) === 'open';
      await apply(
        (s, now) => (open ? openVote(s, actor, which, now) : closeVote(s, actor, which, now)),
        () => `The vote ${which} the debate is ${open ? 'open' : 'closed'}.`,
      );
      return;
    }
    case 'argue': {
      const text = interaction.options.getString('text', true);
      const result = await service.change(guildId, channelId, (current, now) =>
        current && current.status !== 'ended'
          ? argue(current, actor.id, text, now)
          : { ok: false, code: 'NOT_RUNNING' },
      );
      if (!result.ok) {
        await respond(interaction, say(debateFailureText(result)), service.log);
        return;
      }
      const recorded = result.effects.some((e) => e.type === 'argument-recorded');
      const flagged = result.effects.some((e) => e.type === 'civility');
      if (!recorded || flagged) {
        await reply(
          recorded
            ? 'Your argument was recorded but flagged for incivility; it is kept out of the summary.'
            : 'Your argument was not recorded.',
        );
        return;
      }
      const side = result.session.turn?.side ?? null;
      await respond(
        interaction,
        {
          embeds: [
            {
              author: {
                name: fitText(
                  `${actor.displayName ?? actor.id}${side ? ` (${side === 'for' ? 'For' : 'Against'})` : ''}`,
                  256,
                ).text,
              },
              description: fitText(text, 4000).text,
            },
          ],
          components: [],
          allowedMentions: { parse: [] },
        },
        service.log,
      );
      return;
    }
    case 'evidence': {
      const side = interaction.options.getString('side', true) === 'against' ? 'against' : 'for';
      const session = await service.repo.getByChannel(guildId, channelId);
      if (!session) {
        await reply('There is no debate in this channel, so there is no motion to find evidence for.');
        return;
      }
      const view = evidenceView(ctx.analysis, session.motion, side);
      const pages = viewToPages(view, { titleOf: (id) => ctx.analysis.corpus.byId.get(id)?.meta.title });
      await respond(interaction, pagePayload(view, pages.slice(0, 1), 0, null), service.log);
      return;
    }
    case 'transcript': {
      const id = interaction.options.getString('id');
      const session = id
        ? await service.repo.getById(id)
        : await service.repo.getByChannel(guildId, channelId);
      if (!session || session.guildId !== guildId) {
        await reply(
          id ? `No debate with id ${id} in this server.` : 'There is no debate in this channel yet.',
        );
        return;
      }
      await respond(
        interaction,
        {
          ...(session.status === 'ended'
            ? {}
            : { content: 'The debate is still running: this is the transcript so far.' }),
          ...transcriptPayload(session),
          components: [],
          allowedMentions: { parse: [] },
        },
        service.log,
      );
      return;
    }
    default:
      await reply(`/debate has no sub-command ${sub}.`);
  }
}
