import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from './_types.js';
import { listSources } from '../core/corpus/sources.js';
import { sourcesView } from '../presenters/sources.js';

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('The documents in the corpus: outlet, kind, date and reader comments');

export const run: CommandModule['run'] = (_options, ctx) => {
  const sources = listSources(ctx.analysis.corpus);
  return { ok: true, json: { sources }, view: sourcesView(sources) };
};
