import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from './_types.js';
import { findCounterpoints, viewpointSources } from '../core/viewpoints/index.js';
import { userError } from '../presenters/errors.js';
import { counterpointJson, counterpointView } from '../presenters/viewpoints.js';

export const data = new SlashCommandBuilder()
  .setName('counterpoint')
  .setDescription('The strongest passages against a claim: articles first, then reader comments')
  .addStringOption((o) =>
    o
      .setName('claim')
      .setDescription('The claim to answer, e.g. "The plan will pay for itself"')
      .setRequired(true)
      .setMaxLength(300),
  );

export const run: CommandModule['run'] = (options, ctx) => {
  const claim = String(options.claim ?? '');
  const a = ctx.analysis;
  const result = findCounterpoints(viewpointSources(a, a.claims), claim);
  if (result.counterpoints.length === 0)
    return userError('NO_RESULTS', { what: `a counterpoint to “${claim}”` });
  return { ok: true, json: counterpointJson(result), view: counterpointView(result) };
};
