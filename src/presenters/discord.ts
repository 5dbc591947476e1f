/**
 * View -> Discord message payloads, within every Discord limit (pure: no client, no clock, no I/O).
 *
 * An answer becomes pages of one embed each; a page never exceeds the embed and message limits, and an
 * answer longer than a page gets Previous/Next buttons instead of being truncated. A single item longer
 * than an item's budget is cut at a sentence or word boundary with "…"; its "Show source" button opens the
 * whole cited paragraph. All text is escaped for markdown and mentions are neutralised here, whatever
 * `allowedMentions` says, so quoted corpus text can never ping anyone.
 */
import {
  AttachmentBuilder,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
} from 'discord.js';
import type { Citation, DocumentKind, Paragraph } from '../core/corpus/types.js';
import type { View, ViewItem } from './view.js';

/** Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedsPerMessage: 10,
  totalPerMessage: 6000,
  customId: 100,
  buttonLabel: 80,
  actionRows: 5,
  buttonsPerRow: 5,
} as const;

/** Our own, tighter budgets: a page stays readable and leaves room for title and footer in the 6000 total. */
export const BUDGET = {
  description: 3900,
  item: 1000,
  itemsPerPage: 10,
} as const;

export const NO_MENTIONS = Object.freeze({ parse: [] as never[] });

const ZWJ = '\u200d';
const ELLIPSIS = '…';

/** Breaks every mention form (@everyone, @here, <@id>, <@!id>, <@&id>, <#id>) with a zero-width joiner. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWJ}$1`).replace(/<([@#])/g, `<$1${ZWJ}`);
}

/**
 * Text from the corpus (or typed by a member) made inert: markdown escaped, mentions broken. Our own escaper
 * rather than discord.js's `escapeMarkdown`, which costs ~9 ms per 2,000 characters (it re-parses code
 * blocks) and would dominate an answer's time; this one escapes every inline marker and the line-start
 * forms (headings, subtext, lists, block quotes) and masked links, in a few linear passes.
 */
export function escapeText(text: string): string {
  const escaped = text
    .replace(/[\\*_~`|]/g, '\\$&')
    .replace(/^(\s*)(#{1,3}\s|-#|>)/gm, '$1\\$2')
    .replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*\d+)\.(\s)/gm, '$1\\.$2')
    .replace(/\[(?=[^\]]*\]\()/g, '\\[');
  return neutraliseMentions(escaped);
}

/**
 * `raw` escaped to at most `max` characters: whole when it fits, else cut at the last sentence end (or,
 * failing that, the last space) that fits, with "…". Cuts the raw text, then escapes, so an escape sequence
 * is never split.
 */
export function fitText(raw: string, max: number): { text: string; cut: boolean } {
  const whole = escapeText(raw);
  if (whole.length <= max) return { text: whole, cut: false };
  // Escaping only lengthens text, so start from `max` raw characters and shrink by the overshoot: two or
  // three passes instead of a binary search over the whole text.
  let lo = Math.min(raw.length, max);
  for (;;) {
    const over = escapeText(raw.slice(0, lo).trimEnd()).length + ELLIPSIS.length - max;
    if (over <= 0 || lo === 0) break;
    lo = Math.max(0, lo - over);
  }
  const prefix = raw.slice(0, lo);
  const sentenceEnd = Math.max(
    ...['. ', '! ', '? ', '." ', '.” '].map((m) => {
      const i = prefix.lastIndexOf(m);
      return i === -1 ? -1 : i + m.trimEnd().length;
    }),
  );
  const space = prefix.search(/\s\S*$/);
  const at = sentenceEnd >= lo * 0.6 ? sentenceEnd : space > lo * 0.5 ? space : lo;
  const kept = raw.slice(0, Math.max(0, at)).trimEnd();
  return { text: escapeText(kept) + ELLIPSIS, cut: true };
}

/** Plain cut for the bot's own labels (already escaped text is not passed here). */
function fitLabel(raw: string, max: number): string {
  return fitText(raw, max).text;
}

export type TitleOf = (documentId: string) => string | undefined;

/** "Title ¶3", "Title, reader comment #2", "Title, caption 1": how an answer cites its evidence. */
export function discordCitation(cite: Citation, titleOf: TitleOf = () => undefined): string {
  const title = titleOf(cite.documentId) ?? cite.documentId;
  if (cite.comment !== null)
    return cite.paragraph > 1
      ? `${title}, reader comment #${cite.comment} ¶${cite.paragraph}`
      : `${title}, reader comment #${cite.comment}`;
  if (cite.role && cite.role !== 'body') return `${title}, ${cite.role} ${cite.paragraph}`;
  return `${title} ¶${cite.paragraph}`;
}

// ------------------------------------------------------------------------------------------ custom ids

const SOURCE_PREFIX = 'cp:src';
const PAGE_PREFIX = 'cp:pg';

/** `cp:src:{n}:{sentence}:{comment}:{paragraph}:{role}:{documentId}` (document id last: it may hold colons). */
export function sourceButtonId(n: number, cite: Citation, sentence: number | null): string | null {
  const id = [
    SOURCE_PREFIX,
    n,
    sentence ?? '',
    cite.comment ?? '',
    cite.paragraph,
    cite.role && cite.role !== 'body' ? cite.role : '',
    cite.documentId,
  ].join(':');
  return id.length <= LIMITS.customId ? id : null;
}

export function parseSourceButtonId(customId: string): { cite: Citation; sentence: number | null } | null {
  const parts = customId.split(':');
  if (parts.length < 8 || `${parts[0]}:${parts[1]}` !== SOURCE_PREFIX) return null;
  const [, , , sentence, comment, paragraph, role, ...doc] = parts;
  const num = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);
  const p = num(paragraph);
  const documentId = doc.join(':');
  if (p === null || documentId === '') return null;
  const base = { documentId, paragraph: p, comment: num(comment) };
  const cite: Citation = role ? { ...base, role: role as Citation['role'] } : base;
  return { cite, sentence: num(sentence) };
}

export function pageButtonId(key: string, page: number): string {
  return `${PAGE_PREFIX}:${key}:${page}`;
}

export function parsePageButtonId(customId: string): { key: string; page: number } | null {
  const m = /^cp:pg:([^:]+):(\d+)$/.exec(customId);
  return m?.[1] && m[2] ? { key: m[1], page: Number(m[2]) } : null;
}

// ------------------------------------------------------------------------------------------ pages

export interface SourceButton {
  readonly label: string;
  readonly customId: string;
}

export interface DiscordPage {
  readonly embed: APIEmbed;
  readonly sourceButtons: readonly SourceButton[];
}

export interface RenderOptions {
  readonly titleOf?: TitleOf;
  /** Which sentence of the cited paragraph an item quotes (0-based), so "Show source" can bold it. */
  readonly sentenceOf?: (cite: Citation, text: string) => number | null;
  /** Embed colour. */
  readonly color?: number;
}

interface Block {
  readonly text: string;
  readonly button?: SourceButton;
}

function itemBlock(item: ViewItem, n: number, options: RenderOptions): Block {
  const label = item.cite ? discordCitation(item.cite, options.titleOf) : item.source;
  const heading = item.heading ? `**${fitLabel(item.heading, 200)}**\n` : '';
  const body = fitText(item.text, BUDGET.item).text;
  const citeLine = label ? `\n*— ${fitLabel(label, 300)}*` : '';
  const number = item.cite ? `\`${n}\` ` : '';
  const text = `${number}${heading}${body}${citeLine}`;
  if (!item.cite) return { text };
  const customId = sourceButtonId(n, item.cite, options.sentenceOf?.(item.cite, item.text) ?? null);
  return customId ? { text, button: { label: `Source ${n}`, customId } } : { text };
}

/**
 * The View cut into pages. Each page is one embed: the title, the intro (first page), section titles
 * (repeated with "(continued)" when a section spans pages), numbered items with their citations, and a
 * footer with the page number. At most `BUDGET.itemsPerPage` items per page so each cited item gets a
 * "Show source" button (two rows of five).
 */
export function viewToPages(view: View, options: RenderOptions = {}): DiscordPage[] {
  const title = fitLabel(view.title || 'Answer', LIMITS.embedTitle);
  const intro = view.intro ? fitText(view.intro, 1000).text : '';
  const pages: { description: string[]; used: number; items: number; buttons: SourceButton[] }[] = [];
  const newPage = () => {
    const page = { description: [] as string[], used: 0, items: 0, buttons: [] as SourceButton[] };
    pages.push(page);
    return page;
  };
  let page = newPage();
  const add = (text: string) => {
    page.description.push(text);
    page.used += text.length + 2;
  };
  if (intro) add(intro);
  let n = 0;
  for (const section of view.sections) {
    const sectionTitle = section.title ? fitLabel(section.title, 200) : '';
    let titled = false;
    for (const item of section.items) {
      n += 1;
      const block = itemBlock(item, n, options);
      const header = sectionTitle && !titled ? `__**${sectionTitle}**__` : '';
      const need = block.text.length + 2 + (header ? header.length + 2 : 0);
      if (page.items >= BUDGET.itemsPerPage || (page.items > 0 && page.used + need > BUDGET.description)) {
        page = newPage();
        if (sectionTitle && titled) add(`__**${sectionTitle}**__ (continued)`);
      }
      if (header) add(header);
      titled = true;
      add(block.text);
      page.items += 1;
      if (block.button) page.buttons.push(block.button);
    }
    if (section.items.length === 0 && sectionTitle) add(`__**${sectionTitle}**__`);
  }
  const footerBase = view.footer ? fitText(view.footer, 1500).text : '';
  return pages.map((p, i) => {
    const pageNote = pages.length > 1 ? `Page ${i + 1}/${pages.length}` : '';
    const footer = [footerBase, pageNote].filter(Boolean).join(' · ');
    let description = p.description.join('\n\n');
    if (description.length > LIMITS.embedDescription)
      description = description.slice(0, LIMITS.embedDescription - 1) + ELLIPSIS;
    const embed: APIEmbed = {
      title,
      ...(description ? { description } : { description: '*Nothing to show.*' }),
      ...(footer ? { footer: { text: footer } } : {}),
      ...(options.color !== undefined ? { color: options.color } : {}),
    };
    return { embed, sourceButtons: p.buttons };
  });
}

// ------------------------------------------------------------------------------------------ payloads

export interface DiscordMessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  files?: AttachmentBuilder[];
  allowedMentions: { parse: never[] };
  flags?: MessageFlags.Ephemeral;
}

/**
 * The message for page `index` of an answer: its embed, the View's image as an attachment, a navigation row
 * (when there is more than one page; `pagerKey` names the answer in the router's page cache) and rows of
 * "Show source" buttons.
 */
export function pagePayload(
  view: View,
  pages: readonly DiscordPage[],
  index: number,
  pagerKey: string | null,
): DiscordMessagePayload {
  const i = Math.min(Math.max(0, index), Math.max(0, pages.length - 1));
  const page = pages[i];
  const embed: APIEmbed = page ? { ...page.embed } : { title: 'Answer', description: '*Nothing to show.*' };
  const files: AttachmentBuilder[] = [];
  if (view.image) {
    const name = imageName(view.image.name);
    files.push(new AttachmentBuilder(Buffer.from(view.image.png), { name, description: view.image.alt }));
    embed.image = { url: `attachment://${name}` };
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  if (pages.length > 1 && pagerKey) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        button(pageButtonId(pagerKey, i - 1), 'Previous', ButtonStyle.Secondary, i === 0),
        button(pageButtonId(pagerKey, i + 1), 'Next', ButtonStyle.Secondary, i >= pages.length - 1),
      ],
    });
  }
  const sources = page?.sourceButtons ?? [];
  for (let s = 0; s < sources.length && rows.length < LIMITS.actionRows; s += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: sources
        .slice(s, s + LIMITS.buttonsPerRow)
        .map((b) => button(b.customId, b.label, ButtonStyle.Primary, false)),
    });
  }
  return {
    embeds: [embed],
    components: rows,
    ...(files.length > 0 ? { files } : {}),
    allowedMentions: { parse: [] },
    ...(view.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
  disabled: boolean,
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label: label.slice(0, LIMITS.buttonLabel),
    style,
    disabled,
  };
}

function imageName(name: string): string {
  const clean = name.replace(/[^\w.-]/g, '_');
  return /\.png$/i.test(clean) ? clean : `${clean || 'image'}.png`;
}

/** A short ephemeral notice (errors, expiry): plain content, escaped, within 2000 characters. */
export function noticePayload(text: string): DiscordMessagePayload & { content: string } {
  return {
    content: fitText(text, LIMITS.content).text,
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
    flags: MessageFlags.Ephemeral,
  };
}

export function kindText(kind: DocumentKind): string {
  return kind === 'opinion' ? 'Opinion' : kind === 'statement' ? 'Official statement' : 'News report';
}

export interface SourceDocument {
  readonly title: string;
  readonly kind: DocumentKind;
  readonly outlet: string | null;
  readonly published: string | null;
}

/**
 * "Show source": the cited paragraph, its cited sentence in bold, under the document's title, with the
 * kind of document and where in it the paragraph sits.
 */
export function sourcePayload(
  doc: SourceDocument,
  paragraph: Paragraph,
  cite: Citation,
  sentence: number | null,
): DiscordMessagePayload {
  const parts: string[] = [];
  let used = 0;
  const budget = LIMITS.embedDescription - 10;
  const sentences = paragraph.sentences.length > 0 ? paragraph.sentences : null;
  if (!sentences) {
    parts.push(fitText(paragraph.text, budget).text);
  } else {
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      if (!s) continue;
      const bold = i === sentence;
      const room = budget - used - (bold ? 4 : 0) - 1;
      if (room < 20) {
        parts.push(ELLIPSIS);
        break;
      }
      const fitted = fitText(s.text, room);
      const text = bold ? `**${fitted.text}**` : fitted.text;
      parts.push(text);
      used += text.length + 1;
      if (fitted.cut) break;
    }
  }
  const where = discordCitation(cite, () => doc.title);
  const meta = [kindText(doc.kind), doc.outlet, doc.published].filter(Boolean).join(' · ');
  const embed: APIEmbed = {
    title: fitLabel(doc.title, LIMITS.embedTitle),
    description: parts.join(' '),
    author: { name: fitLabel(meta, LIMITS.authorName) },
    footer: { text: fitLabel(where, 1000) },
  };
  return {
    embeds: [embed],
    components: [],
    allowedMentions: { parse: [] },
    flags: MessageFlags.Ephemeral,
  };
}

/** Characters that count toward Discord's 6000 per message (title, description, fields, footer, author). */
export function embedSize(embed: APIEmbed): number {
  const len = (s: string | undefined) => (s ? [...s].length : 0);
  return (
    len(embed.title) +
    len(embed.description) +
    len(embed.footer?.text) +
    len(embed.author?.name) +
    (embed.fields ?? []).reduce((sum, f) => sum + len(f.name) + len(f.value), 0)
  );
}
