/**
 * Option checking shared by the console and Discord: the command's own builder says which options exist,
 * their types, limits and choices; values are checked against it and control characters removed.
 */
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord.js';
import { userError, type UserError } from '../presenters/errors.js';
import type { CommandData, OptionValue, Options } from './_types.js';
import type { Corpus } from '../core/corpus/types.js';
import { resolveSource } from '../core/corpus/sources.js';

type RawOptions = Readonly<Record<string, string | number | boolean>>;

/** Text a member typed, made safe to search with: control and zero-width characters removed, spaces folded. */
export function cleanText(value: string): string {
  return (
    value
      // Control characters are exactly what this removes.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export function optionDefinitions(data: CommandData, subcommand?: string): APIApplicationCommandOption[] {
  const options = data.toJSON().options ?? [];
  if (!subcommand) return options;
  const sub = options.find(
    (o) => o.name === subcommand && o.type === ApplicationCommandOptionType.Subcommand,
  );
  return sub && 'options' in sub ? (sub.options ?? []) : [];
}

export function checkOptions(
  data: CommandData,
  raw: RawOptions,
  subcommand?: string,
): { ok: true; options: Options } | UserError {
  const defs = optionDefinitions(data, subcommand);
  const command = subcommand ? `${data.name} ${subcommand}` : data.name;
  const known = defs.map((d) => d.name).join(', ');
  const out: Record<string, OptionValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    const def = defs.find((d) => d.name === name.toLowerCase());
    if (!def) return userError('UNKNOWN_OPTION', { command, option: name, known });
    const checked = checkValue(def, value);
    if (typeof checked === 'object') return checked;
    out[def.name] = checked;
  }
  for (const def of defs) {
    if ('required' in def && def.required && out[def.name] === undefined) {
      return userError('MISSING_OPTION', { command, option: def.name });
    }
  }
  return { ok: true, options: out };
}

function checkValue(
  def: APIApplicationCommandOption,
  value: string | number | boolean,
): OptionValue | UserError {
  const bad = (reason: string) => userError('INVALID_OPTION', { option: def.name, reason });
  switch (def.type) {
    case ApplicationCommandOptionType.String: {
      const text = cleanText(String(value));
      const min = def.min_length ?? 1;
      if (text.length < min) return bad(min <= 1 ? 'cannot be empty' : `needs at least ${min} characters`);
      if (def.max_length !== undefined && text.length > def.max_length)
        return bad(`can be at most ${def.max_length} characters long`);
      if (def.choices && def.choices.length > 0) {
        const choice = def.choices.find(
          (c) => c.value.toLowerCase() === text.toLowerCase() || c.name.toLowerCase() === text.toLowerCase(),
        );
        if (!choice) return bad(`must be one of: ${def.choices.map((c) => c.value).join(', ')}`);
        return choice.value;
      }
      return text;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (
        !Number.isFinite(n) ||
        (def.type === ApplicationCommandOptionType.Integer && !Number.isInteger(n))
      ) {
        return bad(
          def.type === ApplicationCommandOptionType.Integer ? 'must be a whole number' : 'must be a number',
        );
      }
      if (def.min_value !== undefined && n < def.min_value) return bad(`must be at least ${def.min_value}`);
      if (def.max_value !== undefined && n > def.max_value) return bad(`must be at most ${def.max_value}`);
      return n;
    }
    case ApplicationCommandOptionType.Boolean: {
      if (typeof value === 'boolean') return value;
      const v = String(value).toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(v)) return true;
      if (['false', 'no', '0', 'off'].includes(v)) return false;
      return bad('must be true or false');
    }
    default:
      return String(value);
  }
}

/**
 * The `source` option every corpus command takes, resolved to a document id: `id` is undefined when the option was
 * not given; an unknown source is the user error with the closest names.
 */
export function sourceOption(
  corpus: Corpus,
  raw: OptionValue | undefined,
): { readonly ok: true; readonly id: string | undefined } | UserError {
  if (raw === undefined) return { ok: true, id: undefined };
  const found = resolveSource(corpus, String(raw));
  if (found.ok) return found;
  return userError(
    found.ambiguous ? 'AMBIGUOUS_SOURCE' : 'UNKNOWN_SOURCE',
    { source: String(raw) },
    found.suggestions,
  );
}
