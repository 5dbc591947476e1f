/**
 * A small driver for end-to-end tests against the Discord stand-in: dispatches interactions and resolves each
 * with its acknowledgement and its full answer (the reply itself, or the deferred reply's edit / follow-up),
 * tracking both from the stand-in's events so that thousands of interactions cost O(1) each.
 */
import type { APIEmbed } from 'discord.js';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Logger } from '../../src/discord/log.ts';
import type {
  ChatInputSpec,
  ComponentSpec,
  DiscordStandin,
  InteractionInput,
  InteractionRecord,
  RestCall,
} from '../support/discord-standin.ts';

export const EPHEMERAL = 1 << 6;

export interface Payload {
  content?: string;
  embeds?: APIEmbed[];
  components?: { components: { custom_id?: string; label?: string }[] }[];
  flags?: number;
}

export interface Answered {
  readonly record: InteractionRecord;
  /** Dispatch to the accepted acknowledgement (the stand-in's clock), ms. */
  readonly ackMs: number;
  /** Dispatch to the full answer, ms (equal to ackMs for a direct reply). */
  readonly answerMs: number;
  readonly answer: Payload;
  /** Content and embed text of the answer, one string. */
  readonly text: string;
  readonly ephemeral: boolean;
}

export function collectingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m, e) =>
      lines.push(`error ${m} ${e instanceof Error ? (e.stack ?? e.message) : String(e ?? '')}`),
  };
}

export function configFor(standin: DiscordStandin, env: Record<string, string> = {}): Readonly<Config> {
  return loadConfig(
    {
      DISCORD_TOKEN: standin.token,
      DISCORD_API_URL: standin.apiUrl,
      CORPUS_DIR: 'seeds',
      STORE_URL: 'memory',
      WATCH_CORPUS: 'false',
      ...env,
    },
    {},
  );
}

export function payloadText(p: Payload): string {
  const embeds = (p.embeds ?? []).flatMap((e) => [
    e.title,
    e.description,
    e.footer?.text,
    ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
  ]);
  return [p.content, ...embeds]
    .filter(Boolean)
    .join('\n')
    .replace(/\\(.)/g, '$1')
    .replace(/\u200d/g, '');
}

interface Pending {
  readonly id: string;
  readonly resolve: (a: Answered) => void;
  readonly reject: (e: Error) => void;
  readonly timer: NodeJS.Timeout;
  record?: InteractionRecord;
  deferFlags?: number;
}

export class Driver {
  private readonly byId = new Map<string, Pending>();
  private readonly byToken = new Map<string, Pending>();
  private readonly onAck = (record: InteractionRecord): void => this.acknowledged(record);
  private readonly onCall = (call: RestCall): void => this.called(call);

  constructor(
    readonly standin: DiscordStandin,
    private readonly timeoutMs = 10_000,
  ) {
    standin.on('acknowledged', this.onAck);
    standin.on('call', this.onCall);
  }

  close(): void {
    this.standin.off('acknowledged', this.onAck);
    this.standin.off('call', this.onCall);
    for (const p of this.byId.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(`interaction ${p.id}: driver closed`));
    }
    this.byId.clear();
    this.byToken.clear();
  }

  /** Dispatches an interaction and resolves once it is fully answered. */
  send(input: InteractionInput): Promise<Answered> {
    return new Promise<Answered>((resolve, reject) => {
      const { id, token } = this.standin.dispatchInteraction(input);
      const timer = setTimeout(() => {
        this.forget(id, token);
        const r = this.standin.getInteraction(id);
        reject(
          new Error(
            `interaction ${id} not answered within ${this.timeoutMs} ms (acknowledged: ${r?.acknowledgedAt != null}, callbacks: ${JSON.stringify(r?.callbacks.map((c) => [c.type, c.status, c.code]))})`,
          ),
        );
      }, this.timeoutMs);
      const pending: Pending = { id, resolve, reject, timer };
      this.byId.set(id, pending);
      this.byToken.set(token, pending);
      // An acknowledgement can only arrive after the gateway delivered the dispatch: never before this line.
    });
  }

  command(spec: ChatInputSpec): Promise<Answered> {
    return this.send(this.standin.chatInput(spec));
  }

  button(spec: ComponentSpec): Promise<Answered> {
    return this.send(this.standin.button(spec));
  }

  private forget(id: string, token: string): void {
    const p = this.byId.get(id);
    if (p) clearTimeout(p.timer);
    this.byId.delete(id);
    this.byToken.delete(token);
  }

  private finish(
    p: Pending,
    record: InteractionRecord,
    answer: Payload,
    at: number,
    ephemeral: boolean,
  ): void {
    this.forget(record.id, record.token);
    p.resolve({
      record,
      ackMs: record.ackLatencyMs ?? Number.NaN,
      answerMs: at - record.createdAt,
      answer,
      text: payloadText(answer),
      ephemeral,
    });
  }

  private acknowledged(record: InteractionRecord): void {
    const p = this.byId.get(record.id);
    if (!p) return;
    p.record = record;
    const accepted = record.callbacks.find((c) => c.status < 300);
    const data = (accepted?.data ?? {}) as Payload;
    if (record.callbackType === 5 || record.callbackType === 6) {
      p.deferFlags = data.flags ?? 0;
      return; // the answer comes through the webhook
    }
    this.finish(p, record, data, record.acknowledgedAt ?? Date.now(), ((data.flags ?? 0) & EPHEMERAL) !== 0);
  }

  private called(call: RestCall): void {
    if (!call.path.startsWith('/webhooks/') || call.status >= 300) return;
    if (call.method !== 'PATCH' && call.method !== 'POST') return;
    const token = call.path.split('/')[3];
    const p = token ? this.byToken.get(token) : undefined;
    if (!p?.record) return;
    const body = (call.body ?? {}) as Payload;
    const ephemeral =
      call.method === 'PATCH'
        ? ((p.deferFlags ?? 0) & EPHEMERAL) !== 0
        : ((body.flags ?? 0) & EPHEMERAL) !== 0;
    this.finish(p, p.record, body, call.at, ephemeral);
  }
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'a condition',
) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
