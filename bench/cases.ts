/**
 * Option values each command is benchmarked (and load-tested) with: a few realistic ones per command, taken from
 * the corpus where they must exist (a speaker the catalog has). Unknown commands fall back to their required
 * options filled with a corpus term.
 */
import type { Analysis } from '../src/core/analysis.js';
import type { CommandModule } from '../src/commands/_types.js';
import { optionDefinitions } from '../src/commands/_options.js';

export function commandCases(
  name: string,
  command: CommandModule,
  analysis: Analysis,
): Record<string, string>[] {
  const speakers = analysis.quotes.speakers.slice(0, 5).map((s) => s.name);
  const table: Record<string, Record<string, string>[]> = {
    sources: [{}],
    speakers: [{}],
    quote: speakers.length > 0 ? speakers.map((speaker) => ({ speaker })) : [{ speaker: 'Blinken' }],
    timeline: [{}, { from: '2022-01-01', to: '2022-01-31' }, { topic: 'troops' }],
    summary: [{}, { length: 'long' }, { topic: 'Russian troops' }],
    search: [
      { query: 'Russian troops leave Kazakhstan' },
      { query: 'fuel prices protests' },
      { query: 'China investment' },
    ],
    viewpoints: [
      { topic: 'Will Russian troops leave Kazakhstan?' },
      { topic: 'Is Russia rebuilding the USSR?' },
    ],
    counterpoint: [
      { claim: 'Russia will withdraw its troops quickly' },
      { claim: 'The US response was strong enough' },
    ],
  };
  const known = table[name];
  if (known) return known;
  const required = optionDefinitions(command.data).filter((o) => 'required' in o && o.required);
  return [Object.fromEntries(required.map((o) => [o.name, 'Kazakhstan']))];
}
