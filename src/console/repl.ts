/** The interactive console: type slash commands exactly as in Discord; tab completes command and option names. */
import { createInterface } from 'node:readline';
import type { CommandContext, CommandModule } from '../commands/_types.js';
import { optionDefinitions } from '../commands/_options.js';
import { errorText } from '../presenters/errors.js';
import { renderText } from '../presenters/view.js';
import { runLine, subcommandsOf } from './runner.js';

export function helpText(commands: ReadonlyMap<string, CommandModule>): string {
  const lines = ['Commands (type them as in Discord, e.g. /quote speaker:Blinken):'];
  for (const c of commands.values()) {
    const json = c.data.toJSON();
    const subs = subcommandsOf(c);
    const opts =
      subs.length > 0
        ? subs.join('|')
        : optionDefinitions(c.data)
            .map((o) => (o.required ? `${o.name}:` : `[${o.name}:]`))
            .join(' ');
    lines.push(`  /${json.name} ${opts}${c.run ? '' : '  (Discord only)'}\n      ${json.description}`);
  }
  lines.push('  /help   this list;  /exit   leave');
  return lines.join('\n');
}

export function completer(commands: ReadonlyMap<string, CommandModule>) {
  return (line: string): [string[], string] => {
    const m = /^\/?([\w-]*)$/.exec(line);
    if (m) {
      const names = [...commands.keys(), 'help', 'exit'].map((n) => `/${n}`);
      const hits = names.filter((n) => n.startsWith(line.startsWith('/') ? line : `/${line}`));
      return [hits.length > 0 ? hits : names, line];
    }
    const cm = /^\/?([\w-]+)\s+(?:.*\s)?([\w-]*)$/.exec(line);
    const command = cm ? commands.get((cm[1] as string).toLowerCase()) : undefined;
    if (!cm || !command) return [[], line];
    const partial = cm[2] as string;
    const names = optionDefinitions(command.data).map((o) => `${o.name}:`);
    return [names.filter((n) => n.startsWith(partial)), partial];
  };
}

export async function startConsole(
  commands: ReadonlyMap<string, CommandModule>,
  ctx: CommandContext,
): Promise<void> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    completer: completer(commands),
    terminal: process.stdin.isTTY,
  });
  const docs = ctx.analysis.corpus.documents.length;
  process.stdout.write(
    `Counterpoint console: ${docs} documents loaded. Type /help for commands, /exit to leave.\n`,
  );
  rl.setPrompt('> ');
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/exit' || line === 'exit' || line === '/quit') break;
    if (line === '') {
      rl.prompt();
      continue;
    }
    if (line === '/help' || line === 'help') {
      process.stdout.write(`${helpText(commands)}\n`);
    } else {
      const outcome = runLine(line, commands, ctx);
      process.stdout.write(outcome.ok ? `${renderText(outcome.view)}\n` : `${errorText(outcome)}\n`);
      if (outcome.ok && outcome.view.image) {
        const { writeImage } = await import('./images.js');
        process.stdout.write(`image: ${await writeImage(outcome.view.image)}\n`);
      }
    }
    rl.prompt();
  }
  rl.close();
}
