import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from './_types.js';
import { sourceOption } from './_options.js';
import { sourceChoices } from '../core/corpus/sources.js';
import { speakersIn } from '../core/quotes/index.js';
import { userError } from '../presenters/errors.js';
import { speakersView } from '../presenters/quotes.js';

export const data = new SlashCommandBuilder()
  .setName('speakers')
  .setDescription('Who is quoted, their role and how often')
  .addStringOption((o) =>
    o
      .setName('source')
      .setDescription('One source only (id, outlet or title words)')
      .setMaxLength(100)
      .setAutocomplete(true),
  );

export const run: CommandModule['run'] = (options, ctx) => {
  const { corpus } = ctx.analysis;
  const source = sourceOption(corpus, options.source);
  if (!source.ok) return source;
  const documentId = source.id;
  const list = speakersIn(ctx.analysis, documentId);
  if (list.length === 0) return userError('NO_RESULTS', { what: 'quoted speakers in that source' });
  return {
    ok: true,
    json: {
      speakers: list.map(({ speaker, quotes, onlyInComments }) => ({
        name: speaker.name,
        aliases: speaker.aliases,
        role: speaker.role,
        kind: speaker.kind,
        quotes,
        onlyInComments,
      })),
    },
    view: speakersView(
      list,
      documentId ? (corpus.byId.get(documentId)?.meta.title ?? documentId) : 'the corpus',
    ),
  };
};

export const autocomplete: CommandModule['autocomplete'] = (option, typed, ctx) =>
  option === 'source' ? sourceChoices(ctx.analysis.corpus, typed) : [];
