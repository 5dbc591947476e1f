import { SlashCommandBuilder } from 'discord.js';
import type { AutocompleteChoice, CommandModule } from './_types.js';
import { sourceOption } from './_options.js';
import { sourceChoices } from '../core/corpus/sources.js';
import { findSpeaker, quotesBy } from '../core/quotes/index.js';
import { quoteJson } from '../core/export.js';
import { userError } from '../presenters/errors.js';
import { quotesView } from '../presenters/quotes.js';

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('What a person or organisation said, word for word, with the paragraph it comes from')
  .addStringOption((o) =>
    o
      .setName('speaker')
      .setDescription('Who: a full name, a last name or a title, e.g. "the mayor"')
      .setRequired(true)
      .setMaxLength(100)
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o.setName('topic').setDescription('Put the quotes about this first (a few words)').setMaxLength(200),
  )
  .addStringOption((o) =>
    o
      .setName('source')
      .setDescription('Quotes from one source only (id, outlet or title words)')
      .setMaxLength(100)
      .setAutocomplete(true),
  );

export const run: CommandModule['run'] = (options, ctx) => {
  const { corpus, index } = ctx.analysis;
  const name = String(options.speaker ?? '');
  const found = findSpeaker(ctx.analysis, name);
  if (!found.ok) return userError('UNKNOWN_SPEAKER', { speaker: name }, found.suggestions);
  const source = sourceOption(corpus, options.source);
  if (!source.ok) return source;
  const documentId = source.id;
  const topic = options.topic === undefined ? undefined : String(options.topic);
  const terms = topic ? index.termsOf(topic) : [];
  const quotes = quotesBy(ctx.analysis, found.speaker, { terms, documentId });
  if (quotes.length === 0)
    return userError('NO_RESULTS', { what: `quotes of ${found.speaker.name} in that source` });
  const { speaker } = found;
  return {
    ok: true,
    json: {
      speaker: { name: speaker.name, aliases: speaker.aliases, role: speaker.role },
      quotes: quotes.map(quoteJson),
    },
    view: quotesView(corpus, {
      speaker,
      quotes,
      topic,
      sourceTitle: documentId ? corpus.byId.get(documentId)?.meta.title : undefined,
    }),
  };
};

/** Speakers whose name or an alias contains what was typed, most quoted first (at most 25, from memory). */
export function speakerChoices(
  speakers: readonly { name: string; aliases: readonly string[]; quotes: number }[],
  typed: string,
): AutocompleteChoice[] {
  const q = typed.trim().toLowerCase();
  return speakers
    .filter((s) => !q || [s.name, ...s.aliases].some((a) => a.toLowerCase().includes(q)))
    .slice(0, 25)
    .map((s) => ({ name: `${s.name} (${s.quotes})`.slice(0, 100), value: s.name.slice(0, 100) }));
}

export const autocomplete: CommandModule['autocomplete'] = (option, typed, ctx) => {
  if (option === 'speaker') return speakerChoices(ctx.analysis.quotes.speakers, typed);
  return option === 'source' ? sourceChoices(ctx.analysis.corpus, typed) : [];
};
