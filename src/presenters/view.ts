/**
 * The one shape every command's answer takes before it meets a screen. Presenters turn engine results into a
 * View (pure); `renderText` turns a View into console text and the Discord layer turns it into embeds, pages
 * and "Show source" buttons within Discord's limits. A View never holds anything uncited from the corpus.
 */
import type { Citation } from '../core/corpus/types.js';

export interface ViewItem {
  /** Optional heading shown above the item (a speaker, a date, a position's label). */
  readonly heading?: string;
  /** The text: verbatim corpus text, or the bot's own short wording (counts, labels). */
  readonly text: string;
  /** Where the text comes from; the Discord layer offers it as a "Show source" button. */
  readonly cite?: Citation;
  /** How the source is labelled: title, kind ("opinion", "reader comment #3"), paragraph. */
  readonly source?: string;
}

export interface ViewSection {
  /** E.g. a position's label, or a day of the timeline. */
  readonly title: string;
  readonly items: readonly ViewItem[];
}

export interface View {
  readonly title: string;
  /** One or two lines of the bot's own words above the items (no corpus text that lacks a citation). */
  readonly intro?: string;
  readonly sections: readonly ViewSection[];
  readonly footer?: string;
  /** An image that goes with the answer (the timeline chart). */
  readonly image?: { readonly name: string; readonly png: Uint8Array; readonly alt: string };
  /** Answered only to the person who asked (errors, hints). */
  readonly ephemeral?: boolean;
}

/** Console rendering of a View: plain text, one item a paragraph, sources under each. */
export function renderText(view: View): string {
  const out: string[] = [view.title];
  if (view.intro) out.push(view.intro);
  for (const section of view.sections) {
    if (section.title) out.push('', `## ${section.title}`);
    for (const item of section.items) {
      const lines: string[] = [];
      if (item.heading) lines.push(`${item.heading}:`);
      lines.push(`- ${item.text}`);
      if (item.source) lines.push(`  (${item.source})`);
      out.push(lines.join('\n'));
    }
  }
  if (view.footer) out.push('', view.footer);
  return out.join('\n');
}

/** A short, human citation: "002_eba45ebe7d5b167d ¶5" or "002_eba45ebe7d5b167d, reader comment #3 ¶1". */
export function citationLabel(cite: Citation): string {
  if (cite.comment !== null) return `${cite.documentId}, reader comment #${cite.comment} ¶${cite.paragraph}`;
  if (cite.role && cite.role !== 'body') return `${cite.documentId} ${cite.role} ${cite.paragraph}`;
  return `${cite.documentId} ¶${cite.paragraph}`;
}
