/**
 * Option values each command is benchmarked (and load-tested) with. A few fixed, realistic ones per command, then
 * many more drawn from the corpus itself at a fixed stride (speakers across the whole catalog, sources, month
 * ranges, words from its sentences, the disputes it offers, claims it makes), so a run exercises the engines on
 * many different inputs rather than timing a cache on five repeated ones. Deterministic: the same corpus gives the
 * same cases. Unknown commands fall back to their required options filled with a corpus term.
 */
import type { Analysis } from '../src/core/analysis.js';
import type { CommandModule } from '../src/commands/_types.js';
import { optionDefinitions } from '../src/commands/_options.js';

/** How many values each corpus-drawn family contributes at most. */
const DRAWN = 24;

/** `count` items spread evenly over `items` (all of them when there are fewer). */
function spread<T>(items: readonly T[], count: number = DRAWN): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)] as T);
}

/** Words a member might type about a sentence: its longer alphabetic words, at most `n`. */
function wordsOf(text: string, n: number): string {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((w) => w.length >= 5 && /^\p{L}+$/u.test(w))
    .slice(0, n)
    .join(' ');
}

function sentencesOf(analysis: Analysis): string[] {
  const out: string[] = [];
  for (const d of analysis.corpus.documents)
    for (const p of d.body) for (const s of p.sentences) out.push(s.text);
  return out;
}

function monthsOf(analysis: Analysis): string[] {
  const months = new Set<string>();
  for (const e of analysis.time.events) months.add(e.date.slice(0, 7));
  return [...months].sort();
}

export function commandCases(
  name: string,
  command: CommandModule,
  analysis: Analysis,
): Record<string, string>[] {
  const speakers = spread(analysis.quotes.speakers.map((s) => s.name));
  const sources = spread(analysis.corpus.documents.map((d) => d.meta.id));
  const sentences = spread(sentencesOf(analysis), DRAWN * 2);
  const topics = sentences.map((s) => wordsOf(s, 2)).filter((t) => t.length > 0);
  const queries = sentences.map((s) => wordsOf(s, 4)).filter((t) => t.length > 0);
  const months = spread(monthsOf(analysis));
  const disputes = spread(analysis.claims.disputes.map((d) => d.topic));
  const claims = spread(
    analysis.claims.claims.filter((c) => c.strength > 0).map((c) => c.text.slice(0, 200)),
  );
  const table: Record<string, Record<string, string>[]> = {
    sources: [{}],
    speakers: [{}, ...sources.slice(0, 8).map((source) => ({ source }))],
    quote:
      speakers.length > 0
        ? [
            ...speakers.map((speaker) => ({ speaker })),
            ...speakers.slice(0, 8).map((speaker, i) => ({ speaker, topic: topics[i] ?? 'Kazakhstan' })),
          ]
        : [{ speaker: 'Blinken' }],
    timeline: [
      {},
      { from: '2022-01-01', to: '2022-01-31' },
      { topic: 'troops' },
      ...months.map((m) => ({ from: m, to: m })),
      ...topics.slice(0, 12).map((topic) => ({ topic })),
      ...sources.slice(0, 8).map((source) => ({ source })),
    ],
    summary: [
      {},
      { length: 'long' },
      { topic: 'Russian troops' },
      ...sources
        .slice(0, 12)
        .map((source, i) => ({ source, length: ['short', 'medium', 'long'][i % 3] as string })),
      ...topics.slice(0, 16).map((topic) => ({ topic })),
    ],
    search: [
      { query: 'Russian troops leave Kazakhstan' },
      { query: 'fuel prices protests' },
      { query: 'China investment' },
      ...queries.map((query) => ({ query })),
      ...queries.slice(0, 8).flatMap((query, i) => (sources[i] ? [{ query, source: sources[i] }] : [])),
    ],
    viewpoints: [
      { topic: 'Will Russian troops leave Kazakhstan?' },
      { topic: 'Is Russia rebuilding the USSR?' },
      ...disputes.map((topic) => ({ topic })),
      ...topics.slice(0, 12).map((topic) => ({ topic })),
    ],
    counterpoint: [
      { claim: 'Russia will withdraw its troops quickly' },
      { claim: 'The US response was strong enough' },
      ...claims.map((claim) => ({ claim })),
    ],
  };
  const known = table[name];
  if (known) return known;
  const required = optionDefinitions(command.data).filter((o) => 'required' in o && o.required);
  return [Object.fromEntries(required.map((o) => [o.name, 'Kazakhstan']))];
}
