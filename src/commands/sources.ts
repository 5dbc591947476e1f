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
    // A wire dateline without a year ("May 16 (Reuters)") is dated by the time engine, from the corpus: shown as
    // inferred, like a date read from the text.
    const datelines = new Map(
      ctx.analysis.time.references
        .filter((r) => r.basis === 'dateline' && r.date !== null)
        .map((r) => [r.documentId, r.date as string]),
    );
    const sources = listSources(ctx.analysis.corpus).map((s) =>
      s.published === null && datelines.has(s.id)
        ? { ...s, published: datelines.get(s.id) as string, publishedInferred: true }
        : s,
    );
    answer = { ok: true, json: { sources }, view: sourcesView(sources) };
    answers.set(ctx.analysis, answer);
  }
  return answer;
};
