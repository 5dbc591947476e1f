/** Every user-facing error, by code: the one place codes turn into words. */
export type ErrorCode =
  | 'UNKNOWN_COMMAND'
  | 'UNKNOWN_OPTION'
  | 'MISSING_OPTION'
  | 'INVALID_OPTION'
  | 'UNKNOWN_SOURCE'
  | 'AMBIGUOUS_SOURCE'
  | 'UNKNOWN_SPEAKER'
  | 'NO_RESULTS'
  | 'DISCORD_ONLY'
  | 'STORE_UNAVAILABLE'
  | 'NOT_ALLOWED'
  | 'INTERNAL';

export interface UserError {
  readonly ok: false;
  readonly code: ErrorCode;
  /** Named values the message uses (an option's name, the text given). */
  readonly params?: Readonly<Record<string, string>>;
  /** Close matches to offer ("did you mean"). */
  readonly suggestions?: readonly string[];
}

export function userError(
  code: ErrorCode,
  params: Record<string, string> = {},
  suggestions: readonly string[] = [],
): UserError {
  return { ok: false, code, params, suggestions };
}

const MESSAGES: Record<ErrorCode, (p: Readonly<Record<string, string>>) => string> = {
  UNKNOWN_COMMAND: (p) => `There is no command /${p.name ?? ''}. Commands: ${p.known ?? ''}.`,
  UNKNOWN_OPTION: (p) =>
    `/${p.command ?? ''} has no option "${p.option ?? ''}". Its options: ${p.known || 'none'}.`,
  MISSING_OPTION: (p) => `/${p.command ?? ''} needs the option ${p.option ?? ''}.`,
  INVALID_OPTION: (p) => `The option ${p.option ?? ''} ${p.reason ?? 'is not valid'}.`,
  UNKNOWN_SOURCE: (p) => `No source in the corpus is called "${p.source ?? ''}".`,
  AMBIGUOUS_SOURCE: (p) => `Several sources match "${p.source ?? ''}": name one by its id.`,
  UNKNOWN_SPEAKER: (p) => `Nobody called "${p.speaker ?? ''}" is quoted in the corpus.`,
  NO_RESULTS: (p) => `Nothing in the corpus matches ${p.what ?? 'that'}.${p.hint ? ` ${p.hint}` : ''}`,
  DISCORD_ONLY: (p) => `/${p.command ?? ''} works in a Discord server, not in the console.`,
  STORE_UNAVAILABLE: () =>
    'The bot cannot reach its storage right now; debates are paused. Corpus commands still work.',
  NOT_ALLOWED: (p) => `You need ${p.permission ?? 'moderator rights'} to do that.`,
  INTERNAL: (p) => `Something went wrong on our side${p.logId ? ` (log id ${p.logId})` : ''}.`,
};

export function errorText(error: UserError): string {
  const base = MESSAGES[error.code](error.params ?? {});
  const s = error.suggestions ?? [];
  // Suggestions that are questions ("team: leave or stay?") end the sentence themselves.
  const end = /[?!.]$/.test(s[s.length - 1] ?? '') ? '' : '?';
  return s.length > 0 ? `${base} Did you mean: ${s.join(', ')}${end}` : base;
}
