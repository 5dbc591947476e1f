/**
 * The debate's status message (one per debate, edited in place) with its buttons, and what a click does:
 * Join For / Join Against / Spectate while the debate lives, Vote For / Against / Undecided while a vote is
 * open. Custom ids are `debate:<debate id>:join:<for|against|spectate>` and
 * `debate:<debate id>:vote:<before|after>:<for|against|undecided>`, so a click on an old debate's message is
 * recognised and refused instead of acting on the channel's newer debate.
 */
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type ButtonInteraction,
} from 'discord.js';
import {
  castVote,
  join,
  type DebateSession,
  type Side,
  type Stance,
  type VoteWhich,
} from '../core/debate/index.js';
import { StoreUnavailableError } from '../data/store.js';
import { errorText, userError } from '../presenters/errors.js';
import { fitText, noticePayload, viewToPages } from '../presenters/discord.js';
import { debateStatusView, SIDE_LABEL } from '../presenters/debate.js';
import { debateFailureText, debateServiceOf, type DebateService } from './debates.js';

export const DEBATE_PREFIX = 'debate';

export type DebateButton =
  | { readonly kind: 'join'; readonly debateId: string; readonly choice: Side | 'spectate' }
  | { readonly kind: 'vote'; readonly debateId: string; readonly which: VoteWhich; readonly stance: Stance };

export function joinButtonId(debateId: string, choice: Side | 'spectate'): string {
  return `${DEBATE_PREFIX}:${debateId}:join:${choice}`;
}

export function voteButtonId(debateId: string, which: VoteWhich, stance: Stance): string {
  return `${DEBATE_PREFIX}:${debateId}:vote:${which}:${stance}`;
}

export function parseDebateButtonId(customId: string): DebateButton | null {
  const parts = customId.split(':');
  if (parts[0] !== DEBATE_PREFIX || !parts[1]) return null;
  const debateId = parts[1];
  if (parts[2] === 'join' && parts.length === 4) {
    const choice = parts[3];
    if (choice === 'for' || choice === 'against' || choice === 'spectate')
      return { kind: 'join', debateId, choice };
  }
  if (parts[2] === 'vote' && parts.length === 5) {
    const which = parts[3];
    const stance = parts[4];
    if (
      (which === 'before' || which === 'after') &&
      (stance === 'for' || stance === 'against' || stance === 'undecided')
    )
      return { kind: 'vote', debateId, which, stance };
  }
  return null;
}

function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label, style };
}

/**
 * The status embed: the debate presenter's view, plus a Discord timestamp counting down to the deadline
 * (clients tick it themselves, so the message need not be edited every second).
 */
export function debateStatusEmbed(session: DebateSession, now: number): APIEmbed {
  const page = viewToPages(debateStatusView(session, now))[0];
  const embed: APIEmbed = page ? { ...page.embed } : { title: 'Debate' };
  const turn = session.turn;
  if (session.status === 'running' && turn) {
    const countdown = `Turn ends <t:${Math.floor(turn.deadline / 1000)}:R>.`;
    embed.description = fitText(`${embed.description ?? ''}\n\n${countdown}`, 4096).text;
  }
  return embed;
}

export interface StatusPayload {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: { parse: never[] };
}

/** The status message: the embed, the join row while the debate lives, the vote row while a vote is open. */
export function debateStatusPayload(session: DebateSession, now: number): StatusPayload {
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  if (session.status !== 'ended') {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        button(joinButtonId(session.id, 'for'), 'Join For', ButtonStyle.Success),
        button(joinButtonId(session.id, 'against'), 'Join Against', ButtonStyle.Danger),
        button(joinButtonId(session.id, 'spectate'), 'Spectate', ButtonStyle.Secondary),
      ],
    });
  }
  for (const which of ['before', 'after'] as const) {
    if (session.votes[which].state !== 'open') continue;
    const label = which === 'before' ? 'before' : 'after';
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        button(voteButtonId(session.id, which, 'for'), `Vote For (${label})`, ButtonStyle.Primary),
        button(voteButtonId(session.id, which, 'against'), `Vote Against (${label})`, ButtonStyle.Primary),
        button(voteButtonId(session.id, which, 'undecided'), `Undecided (${label})`, ButtonStyle.Secondary),
      ],
    });
  }
  return {
    content: '',
    embeds: [debateStatusEmbed(session, now)],
    components: rows,
    allowedMentions: { parse: [] },
  };
}

/** How a member is named in the debate (server nickname, global name, username). */
export function interactionMemberName(
  interaction: ButtonInteraction | { member: unknown; user: ButtonInteraction['user'] },
): string {
  const member = interaction.member as { displayName?: string; nick?: string | null } | null;
  return (
    (member && typeof member.displayName === 'string' ? member.displayName : null) ??
    member?.nick ??
    interaction.user.globalName ??
    interaction.user.username
  );
}

function ephemeral(text: string) {
  return { ...noticePayload(text), flags: MessageFlags.Ephemeral as const };
}

/** A click on a debate button (the router sends every `debate:` custom id here). */
export async function handleDebateButton(interaction: ButtonInteraction): Promise<void> {
  const service: DebateService | undefined = debateServiceOf(interaction.client);
  const parsed = parseDebateButtonId(interaction.customId);
  if (!parsed || !interaction.inGuild()) {
    await interaction.reply(ephemeral('This button is no longer in use.'));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const answer = async (text: string) => {
    await interaction.editReply({ content: fitText(text, 2000).text, allowedMentions: { parse: [] } });
  };
  if (!service) {
    await answer(errorText(userError('STORE_UNAVAILABLE')));
    return;
  }
  const displayName = interactionMemberName(interaction);
  try {
    const result = await service.change(interaction.guildId, interaction.channelId, (current, now) => {
      if (!current || current.id !== parsed.debateId) return { ok: false, code: 'DEBATE_ENDED' };
      if (parsed.kind === 'join')
        return join(
          current,
          { id: interaction.user.id, isModerator: false, displayName },
          parsed.choice,
          now,
        );
      return castVote(current, interaction.user.id, parsed.which, parsed.stance, now);
    });
    if (!result.ok) {
      await answer(debateFailureText(result));
      return;
    }
    if (parsed.kind === 'join')
      await answer(
        parsed.choice === 'spectate'
          ? 'You are spectating this debate.'
          : `You joined the **${SIDE_LABEL[parsed.choice]}** side. When the floor is yours, speak in the channel or use \`/debate argue\`; \`/debate yield\` hands the floor on.`,
      );
    else
      await answer(
        `Your vote ${parsed.which} the debate: **${SIDE_LABEL[parsed.stance]}**. You can change it until the vote closes.`,
      );
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      await answer(errorText(userError('STORE_UNAVAILABLE')));
      return;
    }
    throw error;
  }
}
