/**
 * Positions and counterpoints as a View: one section per position, each item headed by its holder and labelled
 * with its kind, so an opinion or a reader comment is never shown as reported fact.
 */
import type {
  Claim,
  CounterpointResult,
  PositionItem,
  ReadBound,
  ViewpointsResult,
} from '../core/viewpoints/index.js';
import { citationLabel, type View, type ViewItem } from './view.js';

export interface ViewpointItemJson {
  readonly text: string;
  readonly speaker: string;
  readonly documentId: string;
  readonly paragraph: number;
  readonly comment: number | null;
  readonly kind: string;
}

/**
 * "opinion", "official statement", "news report", "quoted in a news report" or "quoted in an opinion piece" (a
 * named speaker's words: theirs, not the report's or the columnist's) or "reader comment #n".
 */
export function claimKindLabel(claim: Claim): string {
  if (claim.comment !== null) return `reader comment #${claim.comment}`;
  if (!claim.attributed) return claim.kind;
  if (claim.kind === 'news report') return 'quoted in a news report';
  if (claim.kind === 'opinion') return 'quoted in an opinion piece';
  return claim.kind;
}

export function itemJson(item: PositionItem): ViewpointItemJson {
  const c = item.claim;
  return {
    text: c.text,
    speaker: c.holder,
    documentId: c.documentId,
    paragraph: c.paragraph,
    comment: c.comment,
    kind: c.kind,
  };
}

/** " Read from the N most relevant of M claims on it." when a query read only part of what matched, else "". */
export function boundNote(bound: ReadBound | undefined): string {
  return bound === undefined
    ? ''
    : ` Read from the ${bound.read} most relevant of ${bound.of} matching claims.`;
}

export function viewpointsJson(result: ViewpointsResult) {
  return {
    topic: result.topic,
    positions: result.positions.map((p) => ({ label: p.label, items: p.items.map(itemJson) })),
    ...(result.bound ? { bound: result.bound } : {}),
  };
}

export function counterpointJson(result: CounterpointResult) {
  return {
    claim: result.claim,
    counterpoints: result.counterpoints.map(itemJson),
    ...(result.otherSide ? { otherSide: result.otherSide } : {}),
    ...(result.bound ? { bound: result.bound } : {}),
  };
}

function viewItem(item: PositionItem): ViewItem {
  const c = item.claim;
  const cite = { documentId: c.documentId, paragraph: c.paragraph, comment: c.comment };
  const kind = claimKindLabel(c);
  return {
    heading: c.comment !== null || c.holder === kind ? c.holder : `${c.holder} (${kind})`,
    text: c.text,
    cite,
    // A comment's citation names it ("…, reader comment #6 ¶1"), so it needs no label before it.
    source: c.comment !== null ? citationLabel(cite) : `${kind} · ${citationLabel(cite)}`,
  };
}

export function viewpointsView(result: ViewpointsResult): View {
  return {
    title: `Viewpoints: ${result.topic}`,
    intro:
      'Each position is what its holders claim, not reported fact; opinions and reader comments are labelled.' +
      boundNote(result.bound),
    sections: result.positions.map((p, i) => ({
      title: `Position ${i + 1}: “${p.label}”`,
      items: p.items.map(viewItem),
    })),
  };
}

export function counterpointView(result: CounterpointResult): View {
  return {
    title: `Counterpoints to: ${result.claim}`,
    intro:
      'Passages that take the other side, articles first, then reader comments. They are claims, not reported fact.' +
      boundNote(result.bound),
    sections: counterpointSections(result),
  };
}

/**
 * The passages that deny the claim's words, then those of the other side of the dispute over what the claim is
 * about, under a title that says why they are there (they need not mention the claim's words).
 */
function counterpointSections(result: CounterpointResult): View['sections'] {
  const side = result.otherSide;
  if (side === undefined) return [{ title: '', items: result.counterpoints.map(viewItem) }];
  const direct = result.counterpoints.slice(0, side.from).map(viewItem);
  const holders = side.holders.length === 0 ? '' : ` (the claim's side: ${listOf(side.holders)})`;
  return [
    ...(direct.length > 0 ? [{ title: '', items: direct }] : []),
    {
      title: `The other side on “${side.topic}”${holders}`,
      items: result.counterpoints.slice(side.from).map(viewItem),
    },
  ];
}

function listOf(names: readonly string[]): string {
  const shown = names.slice(0, 3);
  const more = names.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
}
