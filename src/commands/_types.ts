/**
 * The contract of a command file: its slash-command builder (`data`) and `run`, which answers from plain option
 * values with a structured result (what `--json` prints) and a View (what the console and Discord show).
 * Discord-only commands (debates, corpus reload) add `execute` in the Discord layer.
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Analysis } from '../core/analysis.js';
import type { UserError } from '../presenters/errors.js';
import type { View } from '../presenters/view.js';

export type OptionValue = string | number | boolean;
export type Options = Readonly<Record<string, OptionValue | undefined>>;

export interface CommandContext {
  readonly analysis: Analysis;
  /** The clock, read once by the caller (the core never reads it). */
  readonly now: Date;
}

export interface CommandAnswer {
  readonly ok: true;
  /** Structured result: the JSON contract of `ask --json`. */
  readonly json: unknown;
  readonly view: View;
}

export type CommandOutcome = CommandAnswer | UserError;

export interface AutocompleteChoice {
  readonly name: string;
  readonly value: string;
}

export interface CommandData {
  readonly name: string;
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

export interface CommandModule {
  readonly data: CommandData;
  /** Runs the command; absent for Discord-only commands. */
  readonly run?: (options: Options, ctx: CommandContext) => CommandOutcome;
  /** Choices for an option being typed, answered from memory. */
  readonly autocomplete?: (option: string, typed: string, ctx: CommandContext) => AutocompleteChoice[];
}
