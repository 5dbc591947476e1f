import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from './_types.js';
import { sourceOption } from './_options.js';
import { eventJson } from '../core/export.js';
import { sourceChoices } from '../core/corpus/sources.js';
import { parseDateBound, selectEvents, type DateBound, type EventQuery } from '../core/time/query.js';
import { userError } from '../presenters/errors.js';
import { timelineView } from '../presenters/timeline.js';

export const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('Dated events across the corpus, oldest first, each with its sources (and a picture)')
  .addStringOption((o) =>
    o.setName('from').setDescription('First date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10),
  )
  .addStringOption((o) =>
    o.setName('to').setDescription('Last date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10),
  )
  .addStringOption((o) =>
    o.setName('topic').setDescription('Only events about this (a few words)').setMaxLength(100),
  )
  .addStringOption((o) =>
    o
      .setName('source')
      .setDescription('Only events one source reports (id, outlet or title words)')
      .setMaxLength(100)
      .setAutocomplete(true),
  );

const DATE_HINT = 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-05 or 2024-05-16)';

export const run: CommandModule['run'] = (options, ctx) => {
  const { corpus, index, time } = ctx.analysis;
  const query: { -readonly [K in keyof EventQuery]: EventQuery[K] } = {};
  const asked: string[] = [];
  for (const name of ['from', 'to'] as const) {
    const raw = options[name];
    if (raw === undefined) continue;
    const bound: DateBound | null = parseDateBound(String(raw));
    if (!bound)
      return userError('INVALID_OPTION', { option: name, reason: `${DATE_HINT} (got "${String(raw)}")` });
    query[name] = bound;
    asked.push(`${name} ${String(raw)}`);
  }
  if (query.from && query.to && query.to.last < query.from.first) {
    return userError('INVALID_OPTION', {
      option: 'to',
      reason: `must not be before from (${String(options.from)})`,
    });
  }
  if (options.topic !== undefined) {
    const terms = index.termsOf(String(options.topic));
    if (terms.length === 0)
      return userError('INVALID_OPTION', {
        option: 'topic',
        reason: 'needs at least one word that is not a stop word',
      });
    query.terms = terms;
    asked.push(`topic: ${String(options.topic)}`);
  }
  const source = sourceOption(corpus, options.source);
  if (!source.ok) return source;
  if (source.id !== undefined) {
    query.documentId = source.id;
    asked.push(`source: ${source.id}`);
  }
  // Documents without a publication date of their own: their relative dates ("on Tuesday") cannot be placed.
  const undated = time.references
    .filter(
      (r) =>
        (r.basis === 'none' || r.basis === 'mentions') &&
        (!query.documentId || r.documentId === query.documentId),
    )
    .map((r) => r.documentId);
  const events = selectEvents(time.events, query);
  if (events.length === 0)
    return userError('NO_RESULTS', {
      what: asked.length > 0 ? asked.join(', ') : 'a dated event',
      ...(query.documentId &&
      undated.includes(query.documentId) &&
      selectEvents(time.events, { documentId: query.documentId }).length === 0
        ? {
            hint: 'That source states no publication date, so its relative dates cannot be placed: give its "published" date in manifest.json.',
          }
        : {}),
    });
  const hidden = { background: 0, comments: 0 };
  for (const e of selectEvents(time.events, { ...query, background: true, comments: true })) {
    if (e.background) hidden.background++;
    else if (e.comment !== null) hidden.comments++;
  }
  const view = timelineView({ events, asked: asked.join(' · '), hidden, undated });
  return {
    ok: true,
    json: {
      query: {
        from: options.from ?? null,
        to: options.to ?? null,
        topic: options.topic ?? null,
        source: query.documentId ?? null,
      },
      events: events.map(eventJson),
      hidden,
      undated,
    },
    view,
  };
};

export const autocomplete: CommandModule['autocomplete'] = (option, typed, ctx) =>
  option === 'source' ? sourceChoices(ctx.analysis.corpus, typed) : [];
