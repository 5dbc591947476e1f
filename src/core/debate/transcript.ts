/** The structured transcript of a debate: motion, speakers by side, each turn's arguments and main points, votes. */
import type { DebateSession, Side, TurnEndReason } from './types.js';
import { voteResult, type VoteResult } from './votes.js';

/** Takes the texts of one turn, returns its main points. The summary engine plugs in here. */
export type Summariser = (texts: string[]) => string[];

export interface TranscriptSpeaker {
  readonly id: string;
  readonly name: string;
  readonly lostFloor: boolean;
  readonly strikes: number;
}

export interface TranscriptTurn {
  readonly index: number;
  readonly phase: string;
  readonly side: Side;
  readonly speaker: TranscriptSpeaker;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly endReason: TurnEndReason | null;
  /** Civil arguments and channel messages, in order. */
  readonly arguments: readonly string[];
  /** How many texts were held back for incivility. */
  readonly flagged: number;
  readonly mainPoints: readonly string[];
  readonly counterpoints: readonly {
    readonly againstSide: Side;
    readonly text: string;
    readonly source?: string;
  }[];
}

export interface Transcript {
  readonly id: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly motion: string;
  readonly format: string;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly speakers: Readonly<Record<Side, readonly TranscriptSpeaker[]>>;
  readonly turns: readonly TranscriptTurn[];
  readonly votes: VoteResult;
  readonly moderation: readonly {
    readonly at: number;
    readonly what: string;
    readonly memberName?: string;
  }[];
}

/** Default summariser: the first sentence of each text, duplicates dropped, at most three points. */
export function firstSentences(texts: string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const first = (text.trim().match(/^.+?[.!?](?=\s|$)/s)?.[0] ?? text.trim()).replace(/\s+/g, ' ');
    if (first && !out.includes(first)) out.push(first);
    if (out.length === 3) break;
  }
  return out;
}

export function buildTranscript(session: DebateSession, summarise: Summariser = firstSentences): Transcript {
  const speaker = (id: string): TranscriptSpeaker => ({
    id,
    name: session.names[id] ?? id,
    lostFloor: session.barred.includes(id),
    strikes: session.strikes[id] ?? 0,
  });
  interface Draft {
    index: number;
    phase: string;
    side: Side;
    speakerId: string;
    startedAt: number;
    endedAt: number | null;
    endReason: TurnEndReason | null;
    texts: string[];
    flagged: number;
    counterpoints: { againstSide: Side; text: string; source?: string }[];
  }
  const drafts = new Map<number, Draft>();
  const moderation: { at: number; what: string; memberName?: string }[] = [];
  for (const e of session.transcript) {
    switch (e.kind) {
      case 'turn-start':
        drafts.set(e.turn, {
          index: e.turn,
          phase: e.phase,
          side: e.side,
          speakerId: e.speakerId,
          startedAt: e.at,
          endedAt: null,
          endReason: null,
          texts: [],
          flagged: 0,
          counterpoints: [],
        });
        break;
      case 'turn-end': {
        const d = drafts.get(e.turn);
        if (d) {
          d.endedAt = e.at;
          d.endReason = e.reason;
        }
        break;
      }
      case 'argument':
      case 'message': {
        const d = e.turn === null ? undefined : drafts.get(e.turn);
        if (!d) break;
        if (e.flagged) d.flagged += 1;
        else d.texts.push(e.text);
        break;
      }
      case 'counterpoint': {
        const d = drafts.get(e.turn);
        if (d)
          d.counterpoints.push({
            againstSide: e.againstSide,
            text: e.text,
            ...(e.source ? { source: e.source } : {}),
          });
        break;
      }
      case 'moderator':
        moderation.push({
          at: e.at,
          what: e.action,
          ...(e.memberId ? { memberName: session.names[e.memberId] ?? e.memberId } : {}),
        });
        break;
      case 'civility':
        moderation.push({
          at: e.at,
          what: `civility ${e.level} (${e.categories.join(', ')})`,
          memberName: session.names[e.memberId] ?? e.memberId,
        });
        break;
    }
  }
  const turns = [...drafts.values()]
    .sort((a, b) => a.index - b.index)
    .map((d): TranscriptTurn => ({
      index: d.index,
      phase: d.phase,
      side: d.side,
      speaker: speaker(d.speakerId),
      startedAt: d.startedAt,
      endedAt: d.endedAt,
      endReason: d.endReason,
      arguments: d.texts,
      flagged: d.flagged,
      mainPoints: d.texts.length > 0 ? summarise(d.texts) : [],
      counterpoints: d.counterpoints,
    }));
  // Speakers: everyone who held a side, whether still on it or not (a member who left still spoke).
  const spoke = (side: Side) => [
    ...new Set([...session.sides[side], ...turns.filter((t) => t.side === side).map((t) => t.speaker.id)]),
  ];
  return {
    id: session.id,
    guildId: session.guildId,
    channelId: session.channelId,
    motion: session.motion,
    format: session.format.kind,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    speakers: { for: spoke('for').map(speaker), against: spoke('against').map(speaker) },
    turns,
    votes: voteResult(session.votes),
    moderation,
  };
}
