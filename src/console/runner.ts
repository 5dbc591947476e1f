/** Runs one console line through the same command files Discord uses. */
import { ApplicationCommandOptionType } from 'discord.js';
import { checkOptions, optionDefinitions } from '../commands/_options.js';
import type { CommandContext, CommandModule, CommandOutcome } from '../commands/_types.js';
import { userError, type UserError } from '../presenters/errors.js';
import { parseLine } from './parse-line.js';

export function subcommandsOf(command: CommandModule): string[] {
  return (command.data.toJSON().options ?? [])
    .filter((o) => o.type === ApplicationCommandOptionType.Subcommand)
    .map((o) => o.name);
}

export function runLine(
  line: string,
  commands: ReadonlyMap<string, CommandModule>,
  ctx: CommandContext,
): CommandOutcome | UserError {
  const parsed = parseLine(
    line,
    (name, sub) => {
      const c = commands.get(name);
      return c ? optionDefinitions(c.data, sub).map((o) => o.name) : null;
    },
    (name) => {
      const c = commands.get(name);
      return c ? subcommandsOf(c) : [];
    },
  );
  if ('error' in parsed)
    return userError('INVALID_OPTION', { option: 'syntax', reason: `is off: ${parsed.error}` });
  const command = commands.get(parsed.command);
  if (!command)
    return userError('UNKNOWN_COMMAND', {
      name: parsed.command,
      known: [...commands.keys()].map((k) => `/${k}`).join(', '),
    });
  if (!command.run) return userError('DISCORD_ONLY', { command: command.data.name });
  const subs = subcommandsOf(command);
  if (subs.length > 0 && !parsed.subcommand) {
    return userError('MISSING_OPTION', {
      command: command.data.name,
      option: `a subcommand (${subs.join(', ')})`,
    });
  }
  const checked = checkOptions(command.data, parsed.options, parsed.subcommand);
  if (!checked.ok) return checked;
  const options = parsed.subcommand ? { ...checked.options, subcommand: parsed.subcommand } : checked.options;
  return command.run(options, ctx);
}
