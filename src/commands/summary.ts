import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from './_types.js';
import { sourceOption } from './_options.js';
import { sourceChoices } from '../core/corpus/sources.js';
import { summarise } from '../core/summary/select.js';
import type { SummaryLength } from '../core/summary/types.js';
import { userError } from '../presenters/errors.js';
import { summaryView } from '../presenters/summary.js';

export const data = new SlashCommandBuilder()
  .setName('summary')
  .setDescription('What happened, in brief: key sentences quoted from the sources, each cited')
  .addStringOption((o) =>
    o
      .setName('source')
      .setDescription('Summarise one source (id, outlet or title words)')
      .setMaxLength(100)
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o.setName('topic').setDescription('Summarise what the corpus says about this').setMaxLength(100),
  )
  .addStringOption((o) =>
    o
      .setName('length')
      .setDescription('short (3 points), medium (6) or long (10)')
      .addChoices(
        { name: 'short', value: 'short' },
        { name: 'medium', value: 'medium' },
        { name: 'long', value: 'long' },
      ),
  );

export const run: CommandModule['run'] = (options, ctx) => {
  const { corpus, index, summary } = ctx.analysis;
  const length = (options.length as SummaryLength | undefined) ?? 'medium';
  const source = sourceOption(corpus, options.source);
  if (!source.ok) return source;
  const documentId = source.id;
  const scope: string[] = [];
  if (documentId !== undefined) scope.push(`“${corpus.byId.get(documentId)?.meta.title ?? documentId}”`);
  const topic = options.topic !== undefined ? String(options.topic) : undefined;
  if (topic !== undefined) {
    if (index.termsOf(topic).length === 0) {
      return userError('INVALID_OPTION', {
        option: 'topic',
        reason: 'needs at least one word that is not a stop word',
      });
    }
    scope.push(`what ${documentId ? 'it' : 'the corpus'} says about “${topic}”`);
  }
  const result = summarise(summary, index, { length, documentId, topic });
  if (!result.ok) return userError('NO_RESULTS', { what: topic ? `“${topic}”` : 'that source' });
  const points = result.points.map((p) => ({
    text: p.text,
    documentId: p.documentId,
    paragraph: p.paragraph,
    kind: p.kind,
    ...(p.comment !== null ? { comment: p.comment } : {}),
  }));
  return {
    ok: true,
    json: { points },
    view: summaryView(corpus, {
      points: result.points,
      scope: scope.length > 0 ? scope.join(': ') : 'the corpus',
    }),
  };
};

export const autocomplete: CommandModule['autocomplete'] = (option, typed, ctx) =>
  option === 'source' ? sourceChoices(ctx.analysis.corpus, typed) : [];
