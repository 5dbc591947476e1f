/**
 * The one interaction handler: slash commands, autocomplete and buttons.
 *
 * Acknowledgement policy (Discord drops a reply that arrives after 3 s, and rejects a second one):
 *   - `run` commands are synchronous and answer from memory in milliseconds, so they reply directly: one
 *     callback, no loading state. They are deferred first only when the command file says `slow = true`
 *     (work that may pass ~2 s), or when the interaction is already 1.5 s old on arrival (a busy event loop,
 *     a long gateway backlog): a timer cannot interrupt synchronous work, so the decision is taken before.
 *   - commands with their own `execute(interaction, ctx)` (Discord-only: debates) acknowledge themselves;
 *     the router only catches what they throw.
 *   - every answer goes through `respond`, which picks reply / editReply / followUp from the interaction's
 *     state; a duplicate delivery of an interaction is ignored; 10062 (too late) and 40060 (already
 *     acknowledged) are logged, never thrown.
 * Errors: user errors are answered ephemerally with `errorText`; anything unexpected gets a short reason and
 * a log id, and the stack goes to the log under that id.
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  DiscordAPIError,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type RepliableInteraction,
} from 'discord.js';
import { checkOptions, cleanText } from '../commands/_options.js';
import type { AutocompleteChoice, CommandContext, CommandModule, OptionValue } from '../commands/_types.js';
import { resolveCitation } from '../core/corpus/corpus.js';
import type { Analysis } from '../core/analysis.js';
import type { Citation } from '../core/corpus/types.js';
import { errorText, userError, type UserError } from '../presenters/errors.js';
import {
  noticePayload,
  pagePayload,
  parsePageButtonId,
  parseSourceButtonId,
  sourcePayload,
  viewToPages,
  type DiscordMessagePayload,
  type DiscordPage,
  type RenderOptions,
} from '../presenters/discord.js';
import type { View } from '../presenters/view.js';
import type { Logger } from './log.js';
import { PageCache } from './page-cache.js';

/** A command file as the router sees it: the shared contract plus the Discord-only extras. */
export interface DiscordCommand extends CommandModule {
  /** Work that may pass ~2 s: the router defers before running it. */
  readonly slow?: boolean;
  readonly execute?: (interaction: ChatInputCommandInteraction, ctx: CommandContext) => Promise<void>;
  /** Buttons whose custom_id starts with "{command name}:" (debates). */
  readonly component?: (interaction: ButtonInteraction, ctx: CommandContext) => Promise<void>;
}

export interface RenderedAnswer {
  readonly command: string;
  readonly view: View;
  readonly pages: readonly DiscordPage[];
}

export interface RouterDeps {
  readonly commands: ReadonlyMap<string, CommandModule>;
  /** The current analysis (a getter, so a corpus reload can swap it). */
  readonly analysis: () => Analysis;
  readonly log: Logger;
  readonly pages?: PageCache<RenderedAnswer>;
  readonly now?: () => Date;
  /** Defer when an interaction arrives older than this (ms). */
  readonly lateAfterMs?: number;
}

export const EXPIRED_TEXT = 'This answer has expired; run the command again.';
const IGNORED_API_ERRORS = new Set([10062, 40060]);

export function logId(): string {
  return randomBytes(4).toString('hex');
}

export function createRouter(deps: RouterDeps): (interaction: Interaction) => Promise<void> {
  const pages = deps.pages ?? new PageCache<RenderedAnswer>();
  const now = deps.now ?? (() => new Date());
  const lateAfterMs = deps.lateAfterMs ?? 1500;
  const seen = new PageCache<true>({ maxEntries: 2000, ttlMs: 15 * 60 * 1000 });
  const ctxNow = (): CommandContext => ({ analysis: deps.analysis(), now: now() });
  const command = (name: string) => deps.commands.get(name) as DiscordCommand | undefined;

  const renderOptions = (analysis: Analysis): RenderOptions => ({
    titleOf: (id) => analysis.corpus.byId.get(id)?.meta.title,
    sentenceOf: (cite, text) => citedSentence(analysis, cite, text),
  });

  async function failInternally(interaction: Interaction, where: string, error: unknown): Promise<void> {
    const id = logId();
    deps.log.error(`[${id}] ${where} failed`, error);
    if (interaction.isRepliable())
      await respond(interaction, noticePayload(errorText(userError('INTERNAL', { logId: id }))), deps.log);
  }

  async function chatInput(interaction: ChatInputCommandInteraction): Promise<void> {
    const cmd = command(interaction.commandName);
    if (!cmd) {
      const known = [...deps.commands.keys()].map((k) => `/${k}`).join(', ');
      await respondError(interaction, userError('UNKNOWN_COMMAND', { name: interaction.commandName, known }));
      return;
    }
    const ctx = ctxNow();
    if (cmd.execute) {
      await cmd.execute(interaction, ctx);
      return;
    }
    if (!cmd.run) {
      await respondError(interaction, userError('DISCORD_ONLY', { command: cmd.data.name }));
      return;
    }
    const { subcommand, raw } = extractOptions(interaction.options.data);
    const checked = checkOptions(cmd.data, raw, subcommand);
    if (!checked.ok) {
      await respondError(interaction, checked);
      return;
    }
    if (cmd.slow === true || Date.now() - interaction.createdTimestamp > lateAfterMs) {
      await interaction.deferReply();
    }
    const options = subcommand ? { ...checked.options, subcommand } : checked.options;
    const outcome = cmd.run(options, ctx);
    if (!outcome.ok) {
      await respondError(interaction, outcome);
      return;
    }
    const rendered = viewToPages(outcome.view, renderOptions(ctx.analysis));
    const key = rendered.length > 1 ? interaction.id : null;
    if (key) pages.set(key, { command: cmd.data.name, view: outcome.view, pages: rendered });
    await respond(interaction, pagePayload(outcome.view, rendered, 0, key), deps.log);
  }

  async function respondError(interaction: RepliableInteraction, error: UserError): Promise<void> {
    await respond(interaction, noticePayload(errorText(error)), deps.log);
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    let choices: AutocompleteChoice[] = [];
    try {
      const cmd = command(interaction.commandName);
      const focused = interaction.options.getFocused(true);
      const typed = cleanText(String(focused.value)).slice(0, 100);
      choices = cmd?.autocomplete?.(focused.name, typed, ctxNow()) ?? [];
    } catch (error) {
      deps.log.error(`[${logId()}] autocomplete for /${interaction.commandName} failed`, error);
      choices = [];
    }
    await guard(() => interaction.respond(fitChoices(choices)), deps.log, 'autocomplete');
  }

  async function buttonClick(interaction: ButtonInteraction): Promise<void> {
    const id = interaction.customId;
    const page = parsePageButtonId(id);
    if (page) {
      const answer = pages.get(page.key);
      if (!answer) {
        await respond(interaction, noticePayload(EXPIRED_TEXT), deps.log);
        return;
      }
      const payload = pagePayload(answer.view, answer.pages, page.page, page.key);
      await guard(
        () => interaction.update({ ...withoutFlags(payload), attachments: [] }),
        deps.log,
        'page update',
      );
      return;
    }
    const source = parseSourceButtonId(id);
    if (source) {
      const analysis = deps.analysis();
      const paragraph = resolveCitation(analysis.corpus, source.cite);
      const doc = analysis.corpus.byId.get(source.cite.documentId);
      if (!paragraph || !doc) {
        await respond(
          interaction,
          noticePayload('That passage is no longer in the corpus; run the command again.'),
          deps.log,
        );
        return;
      }
      await respond(interaction, sourcePayload(doc.meta, paragraph, source.cite, source.sentence), deps.log);
      return;
    }
    const owner = command(id.split(':')[0] ?? '');
    if (owner?.component) {
      await owner.component(interaction, ctxNow());
      return;
    }
    await respond(interaction, noticePayload('This button is no longer in use.'), deps.log);
  }

  return async function route(interaction: Interaction): Promise<void> {
    if (seen.get(interaction.id)) {
      deps.log.warn(`interaction ${interaction.id} delivered twice; the second delivery is ignored`);
      return;
    }
    seen.set(interaction.id, true);
    try {
      if (interaction.isChatInputCommand()) await chatInput(interaction);
      else if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isButton()) await buttonClick(interaction);
    } catch (error) {
      if (isIgnorableApiError(error)) {
        deps.log.warn(`interaction ${interaction.id}: ${(error as Error).message}`);
        return;
      }
      await failInternally(interaction, describe(interaction), error).catch((e: unknown) =>
        deps.log.error('could not report an error to the user', e),
      );
    }
  };
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return `/${interaction.commandName}`;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}

/** Option values of a chat-input interaction, flattened; a subcommand's name comes apart. */
export function extractOptions(data: readonly CommandInteractionOption[]): {
  subcommand?: string;
  raw: Record<string, OptionValue>;
} {
  let list = data;
  let subcommand: string | undefined;
  const first = data[0];
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
    const sub = first.options?.[0];
    subcommand = sub?.name;
    list = sub?.options ?? [];
  } else if (first?.type === ApplicationCommandOptionType.Subcommand) {
    subcommand = first.name;
    list = first.options ?? [];
  }
  const raw: Record<string, OptionValue> = {};
  for (const o of list) if (o.value !== undefined && o.value !== null) raw[o.name] = o.value;
  return subcommand ? { subcommand, raw } : { raw };
}

/** Autocomplete answers Discord accepts: at most 25, names 1-100 characters, values at most 100. */
export function fitChoices(choices: readonly AutocompleteChoice[]): AutocompleteChoice[] {
  const out: AutocompleteChoice[] = [];
  const values = new Set<string>();
  for (const c of choices) {
    if (out.length >= 25) break;
    const name = cleanText(String(c.name ?? ''));
    const value = String(c.value ?? '');
    if (!name || !value || value.length > 100 || values.has(value)) continue;
    values.add(value);
    out.push({ name: name.length > 100 ? `${name.slice(0, 99)}…` : name, value });
  }
  return out;
}

/** The sentence (0-based) of the cited paragraph that an item quotes, for bolding in "Show source". */
export function citedSentence(analysis: Analysis, cite: Citation, text: string): number | null {
  const paragraph = resolveCitation(analysis.corpus, cite);
  if (!paragraph) return null;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const want = norm(text).replace(/…$/, '');
  if (!want) return null;
  const i = paragraph.sentences.findIndex((s) => {
    const have = norm(s.text);
    return have.length > 0 && (have.includes(want) || want.includes(have));
  });
  return i === -1 ? null : i;
}

function isIgnorableApiError(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError && typeof error.code === 'number' && IGNORED_API_ERRORS.has(error.code)
  );
}

async function guard(action: () => Promise<unknown>, log: Logger, what: string): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (isIgnorableApiError(error)) log.warn(`${what}: ${(error as Error).message}`);
    else throw error;
  }
}

function withoutFlags(payload: DiscordMessagePayload): Omit<DiscordMessagePayload, 'flags'> {
  const rest: DiscordMessagePayload = { ...payload };
  delete rest.flags;
  return rest;
}

/**
 * Sends a payload the one way the interaction's state allows: the first reply, the deferred reply's edit
 * (an ephemeral payload after a public defer becomes an ephemeral follow-up, the placeholder removed), or a
 * follow-up. Too-late and already-acknowledged errors are logged.
 */
export async function respond(
  interaction: RepliableInteraction,
  payload: DiscordMessagePayload,
  log: Logger,
): Promise<void> {
  const ephemeral = payload.flags === MessageFlags.Ephemeral;
  await guard(
    async () => {
      if (!interaction.deferred && !interaction.replied) {
        await interaction.reply(payload as InteractionReplyOptions);
      } else if (interaction.deferred && !interaction.replied) {
        const publicDefer = !interaction.ephemeral;
        if (ephemeral && publicDefer) {
          await interaction.deleteReply().catch(() => undefined);
          await interaction.followUp(payload as InteractionReplyOptions);
        } else {
          await interaction.editReply(withoutFlags(payload) as InteractionEditReplyOptions);
        }
      } else {
        await interaction.followUp(payload as InteractionReplyOptions);
      }
    },
    log,
    `answer to interaction ${interaction.id}`,
  );
}
