/** /timeline as a View: one section per day (or month, or year), each event with its sources; plus the PNG. */
import type { TimelineEvent } from '../core/time/index.js';
import { dateLabel, spanOf } from '../core/time/query.js';
import type { Citation } from '../core/corpus/types.js';
import { citationLabel, type View, type ViewSection } from './view.js';
import { pointLabel } from './summary.js';
import { renderTimelinePng, MAX_ROWS } from './timeline-image.js';

export interface TimelineViewInput {
  readonly events: readonly TimelineEvent[];
  /** What was asked, in words: "from 2022-01 · topic: troops". */
  readonly asked: string;
  /** Events left out by default (background dates, reader comments). */
  readonly hidden: { readonly background: number; readonly comments: number };
  /** Documents that state no publication date: their relative dates ("on Tuesday") are not placed. */
  readonly undated?: readonly string[];
  /** Draw the PNG (off in tests that only look at text). */
  readonly image?: boolean;
}

export function citationOfSource(s: TimelineEvent['sources'][number]): Citation {
  return s.role
    ? { documentId: s.documentId, paragraph: s.paragraph, comment: s.comment, role: s.role }
    : { documentId: s.documentId, paragraph: s.paragraph, comment: s.comment };
}

type Item = ViewSection['items'][number];

/** A span of days is a week when it is seven days ("last week"); other spans ("2 Sep – 29 Oct", "23–24 Jun") show their days alone. */
function spanSuffix(e: TimelineEvent): string {
  const days = (Date.parse(e.until as string) - Date.parse(e.date)) / 86_400_000;
  return days === 6 ? ' (week)' : '';
}

/** Each event's section title and item, made once per event: an answer only picks them. Do not mutate. */
const shown = new WeakMap<TimelineEvent, { readonly title: string; readonly item: Item }>();

function shownOf(e: TimelineEvent): { readonly title: string; readonly item: Item } {
  let s = shown.get(e);
  if (s === undefined) {
    const title =
      dateLabel(e) +
      (e.precision === 'day' && !e.until ? '' : e.precision === 'day' ? spanSuffix(e) : ` (${e.precision})`);
    const cites = e.sources.map(citationOfSource);
    // Opinion and statements labelled (a reader comment's citation says so itself): a view, not reported fact.
    const labelled = cites.map((c, i) => {
      const kind = e.sources[i]?.kind;
      const label = kind === 'opinion' || kind === 'statement' ? pointLabel(kind, null) : null;
      return label ? `${label} · ${citationLabel(c)}` : citationLabel(c);
    });
    // Sources are voices: two paragraphs of one report telling the same happening are one source (each reader
    // comment is its own).
    const documents = new Set(e.sources.map((x) => `${x.documentId}#${x.comment ?? ''}`)).size;
    const item: Item = {
      text: e.text,
      cite: cites[0] as Citation,
      source: labelled.join(' · ') + (documents > 1 ? ` (${documents} sources)` : ''),
    };
    shown.set(e, (s = { title, item }));
  }
  return s;
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** At most three names, then how many more: a footer must stay short whatever the corpus. */
const someNames = (names: readonly string[]): string =>
  names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;

export function timelineView(input: TimelineViewInput): View {
  const sections: ViewSection[] = [];
  for (const e of input.events) {
    const { title, item } = shownOf(e);
    let section = sections[sections.length - 1];
    if (!section || section.title !== title) {
      section = { title, items: [] };
      sections.push(section);
    }
    (section.items as Item[]).push(item);
  }
  const hiddenNotes = [
    input.hidden.background > 0
      ? `${plural(input.hidden.background, 'background date')} (context such as "since …" or "founded in …")`
      : null,
    input.hidden.comments > 0 ? `${plural(input.hidden.comments, 'date')} from reader comments` : null,
    (input.undated?.length ?? 0) > 0
      ? `relative dates ("on Tuesday") of ${plural(input.undated?.length ?? 0, 'source')} that state no publication date (${someNames(input.undated ?? [])}; a manifest can give it)`
      : null,
  ].filter(Boolean);
  const title = `Timeline${input.asked ? ` — ${input.asked}` : ''}`;
  const views = input.events.some((e) => e.sources.some((s) => s.kind !== 'news'));
  const view: View = {
    title,
    intro:
      `${plural(input.events.length, 'dated event')} on ${plural(sections.length, 'date')}, oldest first.` +
      (views ? ' Sources labelled opinion, statement or reader comment are views, not reported fact.' : ''),
    sections,
    ...(hiddenNotes.length > 0 ? { footer: `Not shown: ${hiddenNotes.join(', ')}.` } : {}),
  };
  if (input.image === false) return view;
  const listed = input.events.slice(0, MAX_ROWS);
  const days = new Int32Array(input.events.length);
  input.events.forEach((e, i) => (days[i] = spanOf(e).first));
  const png = renderTimelinePng({
    title,
    rows: listed.map((e) => ({
      label: dateLabel(e),
      text: e.text,
      document: e.sources[0]?.documentId ?? e.documentId,
      sources: e.sources.length,
    })),
    total: input.events.length,
    days,
  });
  const drawn = listed.length;
  return {
    ...view,
    image: {
      name: 'timeline.png',
      png,
      alt:
        drawn < input.events.length
          ? `Timeline of ${input.events.length} dated events, oldest first: when they happened, and the first ${drawn} listed`
          : `Timeline of ${drawn} dated event${drawn === 1 ? '' : 's'}, oldest first`,
    },
  };
}
