import { SlashCommandBuilder } from 'discord.js';
import type { Analysis } from '../core/analysis.js';
import type { CommandModule, CommandOutcome } from './_types.js';
import { listSources } from '../core/corpus/sources.js';
import { sourcesView } from '../presenters/sources.js';

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('The documents in the corpus: outlet, kind, date and reader comments');

/** The listing depends on the corpus alone, which never changes once loaded (a reload makes a new analysis). */
const answers = new WeakMap<Analysis, CommandOutcome>();

export const run: CommandModule['run'] = (_options, ctx) => {
  let answer = answers.get(ctx.analysis);
  if (!answer) {
    const sources = listSources(ctx.analysis.corpus);
    answer = { ok: true, json: { sources }, view: sourcesView(sources) };
    answers.set(ctx.analysis, answer);
  }
  return answer;
};
