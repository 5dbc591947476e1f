/** The bot's log: one line per event on stderr, errors with their stack. Replaceable (tests collect lines). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function stderrLogger(write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const line = (level: string, message: string) =>
    write(`${new Date().toISOString()} ${level} ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return {
    info: (m) => line('info', m),
    warn: (m) => line('warn', m),
    error: (m, e) => {
      line('error', m);
      if (e instanceof Error && e.stack) write(`${e.stack}\n`);
      else if (e !== undefined) write(`${String(e)}\n`);
    },
  };
}
