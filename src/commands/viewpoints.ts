import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from './_types.js';
import { findViewpoints, suggestTopics, viewpointSources } from '../core/viewpoints/index.js';
import { userError } from '../presenters/errors.js';
import { viewpointsJson, viewpointsView } from '../presenters/viewpoints.js';

export const data = new SlashCommandBuilder()
  .setName('viewpoints')
  .setDescription('Opposing positions on a topic, with who holds them and where; reader comments included')
  .addStringOption((o) =>
    o
      .setName('topic')
      .setDescription('A question or topic, e.g. "Will the plan pass?"')
      .setRequired(true)
      .setMaxLength(200)
      .setAutocomplete(true),
  );

export const run: CommandModule['run'] = (options, ctx) => {
  const topic = String(options.topic ?? '');
  const a = ctx.analysis;
  const result = findViewpoints(viewpointSources(a, a.claims), topic);
  if (result.positions.length === 0)
    return userError('NO_RESULTS', { what: `the topic “${topic}”` }, suggestTopics(a.claims, '', 3));
  return { ok: true, json: viewpointsJson(result), view: viewpointsView(result) };
};

export const autocomplete: CommandModule['autocomplete'] = (option, typed, ctx) => {
  if (option !== 'topic') return [];
  return suggestTopics(ctx.analysis.claims, typed, 25).map((t) => ({
    name: t.slice(0, 100),
    value: t.slice(0, 100),
  }));
};
