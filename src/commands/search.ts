import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from './_types.js';
import { sourceOption } from './_options.js';
import { sourceChoices } from '../core/corpus/sources.js';
import { userError } from '../presenters/errors.js';
import { searchView } from '../presenters/search.js';

/** Enough results for a few pages; the Discord layer pages the View's items. */
const RESULTS = 25;

export const data = new SlashCommandBuilder()
  .setName('search')
  .setDescription(
    'The passages that best match your words, with their sources (articles and reader comments)',
  )
  .addStringOption((o) =>
    o
      .setName('query')
      .setDescription('Words to look for: a name, a phrase, a few keywords')
      .setRequired(true)
      .setMaxLength(200),
  )
  .addStringOption((o) =>
    o
      .setName('source')
      .setDescription('Search one source only (id, outlet or title words)')
      .setMaxLength(100)
      .setAutocomplete(true),
  );

export const run: CommandModule['run'] = (options, ctx) => {
  const { corpus, index } = ctx.analysis;
  const query = String(options.query ?? '');
  if (index.termsOf(query).length === 0) {
    return userError('INVALID_OPTION', {
      option: 'query',
      reason: 'needs at least one word that is not a stop word',
    });
  }
  const source = sourceOption(corpus, options.source);
  if (!source.ok) return source;
  const documentId = source.id;
  const hits = index.search(query, { limit: RESULTS, documentId });
  if (hits.length === 0) return userError('NO_RESULTS', { what: `“${query}”` });
  const results = hits.map((h) => ({
    text: h.passage.text,
    documentId: h.passage.documentId,
    paragraph: h.passage.paragraph,
    comment: h.passage.comment,
    kind: h.passage.role === 'comment' ? ('comment' as const) : h.passage.kind,
    score: Math.round(h.score * 1000) / 1000,
    cite: index.citationOf(h.passage),
  }));
  return {
    ok: true,
    json: {
      results: results.map(({ text, documentId, paragraph, comment, score }) => ({
        text,
        documentId,
        paragraph,
        comment,
        score,
      })),
    },
    view: searchView(corpus, query, results),
  };
};

export const autocomplete: CommandModule['autocomplete'] = (option, typed, ctx) =>
  option === 'source' ? sourceChoices(ctx.analysis.corpus, typed) : [];
