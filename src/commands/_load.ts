/**
 * Loads every command file in this folder (files starting with "_" are helpers) and checks each against
 * the command contract with zod, so a broken command stops start-up with its file name.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { CommandModule } from './_types.js';

const commandShape = z.object({
  data: z.object({ name: z.string().regex(/^[-_\p{L}\p{N}]{1,32}$/u), toJSON: z.function() }),
  run: z.function().optional(),
  autocomplete: z.function().optional(),
  execute: z.function().optional(),
});

export class CommandLoadError extends Error {}

export async function loadCommands(
  dir = dirname(fileURLToPath(import.meta.url)),
): Promise<Map<string, CommandModule>> {
  const files = (await readdir(dir))
    .filter((f) => /\.(ts|js)$/.test(f) && !f.startsWith('_') && !f.endsWith('.d.ts'))
    .sort();
  const commands = new Map<string, CommandModule>();
  for (const file of files) {
    const mod: unknown = await import(pathToFileURL(join(dir, file)).href);
    const parsed = commandShape.safeParse(mod);
    if (!parsed.success) {
      throw new CommandLoadError(
        `command file ${file} does not export a valid command: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    }
    const command = mod as CommandModule & { execute?: unknown };
    if (!command.run && !command.execute)
      throw new CommandLoadError(`command file ${file} exports neither run nor execute`);
    if (commands.has(command.data.name))
      throw new CommandLoadError(`command /${command.data.name} is defined twice (${file})`);
    commands.set(command.data.name, command);
  }
  return commands;
}
