/**
 * Reads a console line the way Discord reads a slash command: "/quote speaker:Antony Blinken topic:Ukraine".
 * An option's value runs up to the next known "name:" of that command, so values need no quotes
 * (quotes are allowed: topic:"a b").
 */
export interface ParsedLine {
  readonly command: string;
  readonly subcommand?: string;
  readonly options: Record<string, string>;
}

export function parseLine(
  line: string,
  optionNames: (command: string, subcommand?: string) => readonly string[] | null,
  subcommands: (command: string) => readonly string[] = () => [],
): ParsedLine | { error: string } {
  const text = line.trim();
  const m = /^\/?([\w-]+)(?:\s+(.*))?$/s.exec(text);
  if (!m) return { error: 'Type a command such as /sources or /help.' };
  const command = (m[1] as string).toLowerCase();
  let rest = (m[2] ?? '').trim();
  let subcommand: string | undefined;
  const subs = subcommands(command);
  if (subs.length > 0) {
    const first = /^([\w-]+)(?=\s|$)/.exec(rest);
    if (first && subs.includes((first[1] as string).toLowerCase()) && !rest.startsWith(`${first[1]}:`)) {
      subcommand = (first[1] as string).toLowerCase();
      rest = rest.slice((first[1] as string).length).trim();
    }
  }
  const names = optionNames(command, subcommand) ?? [];
  const options: Record<string, string> = {};
  if (rest.length === 0) return { command, ...(subcommand ? { subcommand } : {}), options };
  // Option starts: "name:" at the start or after white space, for any word (unknown names are reported later).
  const starts = [...rest.matchAll(/(^|\s)([\w-]+):/g)].filter(
    (s) =>
      s.index === 0 ||
      names.length === 0 ||
      names.includes((s[2] as string).toLowerCase()) ||
      !names.some((n) => rest.slice(0, s.index).includes(`${n}:`)),
  );
  if (starts.length === 0 || (starts[0] as RegExpMatchArray).index !== 0) {
    return { error: `Options are written name:value, e.g. /${command} ${names[0] ?? 'option'}:value.` };
  }
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] as RegExpMatchArray;
    const from = (s.index as number) + (s[0] as string).length;
    const to = i + 1 < starts.length ? ((starts[i + 1] as RegExpMatchArray).index as number) : rest.length;
    let value = rest.slice(from, to).trim();
    const quoted = /^"(.*)"$/s.exec(value);
    if (quoted) value = quoted[1] as string;
    const name = (s[2] as string).toLowerCase();
    // Discord takes each option once; a second one would silently win over the first.
    if (name in options) return { error: `${name}: is given twice; give each option once` };
    options[name] = value;
  }
  return { command, ...(subcommand ? { subcommand } : {}), options };
}
