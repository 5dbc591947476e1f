/**
 * Fuzzing every command: random and hostile option values and names through `checkOptions` and `run`, as the
 * console and Discord call them. Invariants: nothing throws; the outcome is an answer or a user error whose code
 * has words (errorText knows it); autocomplete stays within Discord's limits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApplicationCommandOptionType } from 'discord.js';
import { loadCommands } from '../../src/commands/_load.js';
import { checkOptions, optionDefinitions } from '../../src/commands/_options.js';
import type { CommandContext, CommandModule } from '../../src/commands/_types.js';
import { errorText } from '../../src/presenters/errors.js';
import { seedAnalysis } from '../helpers/corpus.js';

const HOSTILE = [
  '',
  ' ',
  '\u200b',
  '\u202eevil',
  '\ufeff',
  '@everyone',
  '<@123456789012345678>',
  '"',
  '“',
  '”',
  '--',
  '/sources',
  'NaN',
  '-1',
  '0',
  '1e309',
  '-0',
  '0x10',
  ' 3 ',
  'true',
  'yes',
  "'; DROP TABLE quotes; --",
  '${process.env}',
  '\n\n',
  '*',
  '%',
  '\\',
  '..',
  '../../etc/passwd',
  'قال الوزير',
  'שלום',
  '你好',
  '🇰🇿',
  'e\u0301',
  '\ud800',
  'a'.repeat(5000),
  'the '.repeat(400),
  '2022-01-05',
  'January 5',
  'last week',
  '000_',
  'minister',
];
const rawValue = fc.oneof(
  fc.constantFrom<string | number | boolean>(...HOSTILE),
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -(2 ** 31), 2 ** 53 + 1, Infinity, -Infinity, NaN),
  fc.boolean(),
);

let commands: Map<string, CommandModule>;
let ctx: CommandContext;
beforeAll(async () => {
  commands = await loadCommands();
  ctx = { analysis: await seedAnalysis(), now: new Date('2022-02-01T12:00:00Z') };
}, 60_000);

function subcommandsOf(command: CommandModule): string[] {
  return (command.data.toJSON().options ?? [])
    .filter((o) => o.type === ApplicationCommandOptionType.Subcommand)
    .map((o) => o.name);
}

/** Raw options for a command: some of its own names (any case), perhaps a stranger, any values. */
function rawOptionsFor(command: CommandModule) {
  const subs = subcommandsOf(command);
  return fc
    .option(fc.constantFrom(...(subs.length > 0 ? subs : ['none'])), { nil: undefined })
    .chain((sub) => {
      const names = optionDefinitions(command.data, subs.length > 0 ? sub : undefined).map((d) => d.name);
      const name = fc.oneof(
        { weight: 5, arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constant('x') },
        {
          weight: 1,
          arbitrary:
            names.length > 0 ? fc.constantFrom(...names.map((n) => n.toUpperCase())) : fc.constant('X'),
        },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      );
      return fc.tuple(
        fc.constant(subs.length > 0 ? sub : undefined),
        fc.dictionary(name, rawValue, { maxKeys: 4 }),
      );
    });
}

function expectKnownOutcome(outcome: unknown): void {
  expect(outcome).toBeTypeOf('object');
  const o = outcome as { ok: boolean; code?: string; view?: unknown };
  if (o.ok) {
    expect(o.view).toBeDefined();
    expect(() => JSON.stringify(outcome)).not.toThrow();
  } else {
    // errorText throws on a code it has no words for.
    expect(errorText(o as Parameters<typeof errorText>[0]).length).toBeGreaterThan(0);
  }
}

describe('GIVEN every command with random and hostile options', () => {
  it('THEN checking and running never throw, and every outcome is an answer or a known user error', () => {
    expect(commands.size).toBeGreaterThan(0);
    let ran = 0;
    for (const command of commands.values()) {
      if (!command.run) continue;
      const run = command.run;
      const subs = subcommandsOf(command);
      fc.assert(
        fc.property(rawOptionsFor(command), ([sub, raw]) => {
          const checked = checkOptions(command.data, raw, sub);
          if (!checked.ok) return expectKnownOutcome(checked);
          // As the console runner and the Discord router do: a command with subcommands always gets one.
          if (subs.length > 0 && sub === undefined) return;
          ran++;
          expectKnownOutcome(run(sub ? { ...checked.options, subcommand: sub } : checked.options, ctx));
        }),
        { numRuns: 150, interruptAfterTimeLimit: 3_000 },
      );
    }
    expect(ran).toBeGreaterThan(0);
  }, 25_000);

  it('THEN an unknown subcommand is a user error, never a crash', () => {
    for (const command of commands.values()) {
      const checked = checkOptions(command.data, { anything: 'x' }, 'no-such-subcommand');
      expect(checked.ok).toBe(false);
      expectKnownOutcome(checked);
    }
  });
});

describe('GIVEN every autocomplete with hostile typed text', () => {
  it('THEN it never throws and offers at most 25 choices within Discord limits', () => {
    for (const command of commands.values()) {
      const autocomplete = command.autocomplete;
      if (!autocomplete) continue;
      const options = [
        ...new Set(
          [
            ...optionDefinitions(command.data),
            ...subcommandsOf(command).flatMap((s) => optionDefinitions(command.data, s)),
          ].map((d) => d.name),
        ),
      ];
      fc.assert(
        fc.property(
          fc.constantFrom(...options, 'nope'),
          fc.oneof(
            fc.constantFrom(...HOSTILE.filter((h) => typeof h === 'string')),
            fc.string({ maxLength: 120 }),
          ),
          (option, typed) => {
            const choices = autocomplete(option, typed, ctx);
            expect(Array.isArray(choices)).toBe(true);
            expect(choices.length).toBeLessThanOrEqual(25);
            for (const c of choices) {
              expect(c.name.length).toBeGreaterThan(0);
              expect(c.name.length).toBeLessThanOrEqual(100);
              expect(c.value.length).toBeLessThanOrEqual(100);
            }
          },
        ),
        { numRuns: 100, interruptAfterTimeLimit: 2_000 },
      );
    }
  }, 20_000);
});
