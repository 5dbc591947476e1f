/**
 * A document from raw text: lines -> blocks with roles -> comment thread -> metadata -> sentences.
 * Pure: the text and the manifest entry come in, the model comes out.
 */
import { joinWrappedLines, splitLines, type Line } from './blocks.js';
import {
  bylineName,
  unemphasised,
  classifyArticleLines,
  findFullDate,
  isBoilerplate,
  isCommentMarker,
  PRESS_RELEASE_MARK,
  PUBLISHED_LINE,
  isOutletName,
  SIGNED_BY,
  type ClassifiedLine,
} from './classify.js';
import { commentHeaderAt, findQuotedComments, splitComments } from './comments.js';
import { turnLabel } from './turns.js';
import type {
  BlockRole,
  CorpusDocument,
  DocumentKind,
  DocumentMeta,
  Paragraph,
  ReaderComment,
} from './types.js';
import type { Segmenter } from '../nlp/segmenter.js';

export interface RawDocument {
  readonly id: string;
  readonly file: string;
  readonly text: string;
}

/** What a manifest may say about a document; anything left out is inferred from the text. */
export interface MetaHint {
  readonly title?: string | null | undefined;
  readonly outlet?: string | null | undefined;
  readonly author?: string | null | undefined;
  readonly published?: string | null | undefined;
  readonly kind?: DocumentKind | undefined;
}

/** Index of the line that opens the reader comment section, or -1. */
function commentSectionStart(lines: readonly Line[]): number {
  for (let i = 3; i < lines.length; i++) {
    if (!isCommentMarker((lines[i] as Line).text)) continue;
    // The thread is there only if numbered comments, or comments under author headers, follow.
    const after = lines.slice(i + 1);
    if (after.some((l) => /^1[.)]\s+\S/.test(l.text))) return i;
    if (after.some((_, k) => commentHeaderAt(after, k) !== null)) return i;
  }
  return -1;
}

/** "WASHINGTON (AP) —", "RIVERTON, Ohio, May 16 (Reuters) -": a wire dateline naming its agency. */
const OUTLET_DATELINE = /^[A-Z][A-Z .'’-]+(?:,\s*[^,()—–]{1,30}){0,3}\s*\(([A-Za-z][\w .&-]{0,30})\)\s*[—–-]/;
/** An outlet's name on a line of its own: a few capitalised words ("BBC News", "The Riverton Ledger"). */
const OUTLET_LINE = /^[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}$/;
/** "By Kwame Mensah, Front Range Tribune": a byline naming the outlet after a comma (when it is no role). */
const OUTLET_AFTER_COMMA = /^[Bb][Yy]\s+[^,|]+,\s*([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s*$/;
const WRITER_ROLE =
  /\b(?:writer|correspondent|editor|reporter|staff|contributor|columnist|chief|producer|intern|fellow|journalist|analyst|professor|jr|sr|ph\.?d|md)\b\.?/i;
/** "By Nadia Brooks | Riverton Ledger": a byline naming the outlet after a bar. */
const OUTLET_BYLINE = /^by\s+[^|]+\|\s*([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s*$/i;

function inferOutlet(blocks: readonly ClassifiedLine[]): string | null {
  for (const b of blocks) {
    if (b.role !== 'body') continue;
    const m = OUTLET_DATELINE.exec(b.line.text);
    if (m) return m[1] === 'AP' ? 'Associated Press' : (m[1] as string);
    break;
  }
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k] as ClassifiedLine;
    if (b.role !== 'byline') continue;
    const m = OUTLET_BYLINE.exec(unemphasised(b.line.text));
    if (m && findFullDate(m[1] as string) === null) return m[1] as string;
    // "By Kwame Mensah, Front Range Tribune" (not "By Jane Doe, Staff Writer").
    const c = OUTLET_AFTER_COMMA.exec(unemphasised(b.line.text));
    if (c && !WRITER_ROLE.test(c[1] as string) && findFullDate(c[1] as string) === null)
      return c[1] as string;
    // "By Tom Whitfield" over "BBC News": the line under a byline, in capitalised words that are not a person's name.
    const prev = blocks[k - 1];
    const t = b.line.text;
    if (
      prev?.role === 'byline' &&
      SIGNED_BY.test(unemphasised(prev.line.text)) &&
      !SIGNED_BY.test(unemphasised(t)) &&
      OUTLET_LINE.test(t) &&
      bylineName(t) === null &&
      findFullDate(t) === null
    )
      return t;
  }
  // A name line in the header that reads as a paper's name ("Lindau Local News" over the date line).
  for (const b of blocks) {
    const t = unemphasised(b.line.text);
    // "University of Wrexbury | News and Press Office": the name before the bar.
    if (b.role === 'byline' && !SIGNED_BY.test(t) && isOutletName(t)) return t.split(/\s+\|\s+/)[0] as string;
  }
  for (const b of blocks) {
    const c = /^©\s*\d{4}\s+(.+?)(\s+(LLC|Inc\.?|Ltd\.?|LP))?\.?$/.exec(b.line.text);
    if (c) return c[1] as string;
  }
  const lastAt = blocks.findLastIndex((b) => b.role === 'boilerplate' && !isBoilerplate(b.line.text));
  const last = blocks[lastAt];
  // Not the name signing a letter or newsletter under its closing words ("Clear skies," over "Jess").
  const signOff = /,\s*$/.test(blocks[lastAt - 1]?.line.text ?? '');
  if (last && !signOff && /^[A-Z][\w.&'-]*(\s+[A-Z][\w.&'-]*){0,2}$/.test(last.line.text))
    return last.line.text;
  return null;
}

const FIRST_PERSON = /(^|[^“"‘\w])(I|I’m|I'm|I’ve|I've|[Mm]y)\s/g;

function inferKind(title: string, body: readonly string[], pressRelease: boolean): DocumentKind {
  if (/^(opinion|op-ed|commentary|editorial|column|analysis|view|perspective)\b/i.test(title))
    return 'opinion';
  if (/\b(statement|press release|readout|remarks by|communiqué|transcript)\b/i.test(title))
    return 'statement';
  // "FOR IMMEDIATE RELEASE", "Notes to editors", "Media contact": the sender's own words, whatever the title.
  if (pressRelease) return 'statement';
  const labels = body.map(turnLabel);
  // A transcript ("KIM: No. The selection was made by business unit …"): its speakers' own words, a primary record.
  const turns = labels.filter((l) => l?.capitals === true).length;
  if (turns >= 3 && turns >= body.length / 3) return 'statement';
  // An interview (questions and answers under the speakers' names): reporting, not the outlet's argument.
  const named = labels.filter((l) => l?.capitals === false).length;
  if (named >= 3 && named >= body.length / 3) return 'news';
  // Columnists speak in the first person outside quotation marks; reporters rarely do.
  let firstPerson = 0;
  for (const p of body) firstPerson += (withoutQuotations(p).match(FIRST_PERSON) ?? []).length;
  if (firstPerson >= 2) return 'opinion';
  return writersOwnVoice(body) ? 'opinion' : 'news';
}

/** A reporter's attribution: who said or wrote what ("said", "told", "according to", "a spokeswoman"). */
const REPORTING =
  /\b(?:said|says|saying|told|tells|according to|added|adds|announced|stated|reported|wrote|writes|tweeted|confirmed|declined to comment|spokes(?:man|woman|person))\b/i;
/** The writer arguing in their own voice, outside quotation marks: obligation, a question put to the reader. */
const OWN_VOICE = /\b(?:should|must|ought to|needs to|need to|has to|have to)\b|\?(?:\s|$)/gi;
/**
 * Quotations in double marks, and in single marks as British outlets print them ('We are not doing this,' she
 * said): a single mark opens before a word and closes after one when a space or punctuation follows, so the
 * apostrophes of "don't" and "parents'" inside stay put.
 */
const QUOTED = /[“"][^”"]*[”"]|(?<=^|[\s(—–-])['‘](?=\S).*?(?<=\S)['’](?=[\s,.;:!?)—–]|$)/gu;

function withoutQuotations(text: string): string {
  return text.replace(QUOTED, ' ');
}

/**
 * A column without an "Opinion:" label: a news report attributes what it tells in most paragraphs (half to nine in
 * ten of a wire story's paragraphs name who said it), a column argues in the writer's voice. At least five body
 * paragraphs, fewer than a third with an attribution, and the writer's own voice (an obligation or a question,
 * outside quotation marks) at least twice.
 */
function writersOwnVoice(body: readonly string[]): boolean {
  if (body.length < 5) return false;
  let attributed = 0;
  let voice = 0;
  for (const p of body) {
    if (REPORTING.test(p)) attributed++;
    voice += (withoutQuotations(p).match(OWN_VOICE) ?? []).length;
  }
  return attributed * 3 < body.length && voice >= 2;
}

/** A list item's bullet and the space after it, before a word ("- About 400 homes …"; not "-5 °C", "*emphasis*"). */
const BULLET = /^[-*•‣◦▪–](?:[ \t\u00a0]+)(?=\S)/u;

/**
 * The headline as readers know it: without Markdown's "#", a wire's slug ("UPDATE 2-", "REFILE-") and the
 * editor's line under it ("(Adds analyst comment, share moves)").
 */
function headline(text: string): string {
  return text
    .replace(/^#{1,6}\s+/, '')
    .replace(/\n\([^)]*\)\s*$/, '')
    .replace(/^(?:UPDATE|WRAPUP|REFILE|RPT|CORRECTED)(?:\s+\d+)?-(?=\S)/, '');
}

/** "A weekly newsletter on the business of spaceflight, by Jess Albrecht": a deck that ends by naming its writer. */
const DECK_BY = /(?:^|[,;:—–-]\s*)by\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})[*_]*\.?$/u;

function deckAuthor(blocks: readonly ClassifiedLine[]): string | null {
  const deck = blocks.find((b) => b.role === 'deck');
  return deck ? (DECK_BY.exec(unemphasised(deck.line.text))?.[1] ?? null) : null;
}

function metaFrom(
  raw: RawDocument,
  blocks: readonly ClassifiedLine[],
  hint: MetaHint | undefined,
): DocumentMeta {
  const titleLine = blocks.find((b) => b.role === 'title');
  const title = hint?.title ?? (titleLine ? headline(titleLine.line.text) : raw.id);
  // A "By …" line names the writer; a bare name line may be the outlet's ("Ostmark Daily Record" over the date).
  const bylines = blocks.filter((b) => b.role === 'byline' && bylineName(b.line.text) !== null);
  const byline =
    bylines.find((b) => SIGNED_BY.test(unemphasised(b.line.text))) ??
    bylines.find((b) => !isOutletName(unemphasised(b.line.text)));
  let published: string | null = hint?.published ?? null;
  let publishedInferred = false;
  if (hint?.published === undefined) {
    // A line saying when the page was published wins over one saying when it was updated, wherever it stands.
    const datelines = blocks.filter((b) => b.role === 'dateline');
    const ordered = [
      ...datelines.filter((b) => PUBLISHED_LINE.test(b.line.text)),
      ...datelines.filter((b) => !PUBLISHED_LINE.test(b.line.text)),
    ];
    for (const b of ordered) {
      published = findFullDate(b.line.text);
      if (published) {
        publishedInferred = true;
        break;
      }
    }
  }
  return {
    id: raw.id,
    file: raw.file,
    title,
    outlet: hint?.outlet !== undefined ? hint.outlet : inferOutlet(blocks),
    author:
      hint?.author !== undefined ? hint.author : byline ? bylineName(byline.line.text) : deckAuthor(blocks),
    published,
    publishedInferred,
    kind:
      hint?.kind ??
      inferKind(
        title,
        blocks.filter((b) => b.role === 'body').map((b) => b.line.text),
        blocks.some((b) => PRESS_RELEASE_MARK.test(unemphasised(b.line.text))),
      ),
  };
}

/** What a note about the writer says they are: "… is a retired reporter", "… is a professor of law at …". */
const WRITER_NOTE =
  /^[*_]*[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){1,3},?\s+(?:is|was|has been|writes|teaches|served)\b.{0,240}$/u;
const WRITER_WORDS =
  /\b(?:reporter|writer|editor|columnist|journalist|author|professor|fellow|lecturer|director|analyst|researcher|contributor|correspondent|former|retired|senior|chair|founder|GP|doctor|physician|surgeon|nurse|economist|scientist|lawyer)\b/i;
/** An office a guest writer holds ("… is the Labour MP for Dunmore"), read in the notes opening a piece only. */
const OFFICE_WORDS = /\b(?:MP|MEP|MSP|senator|councillor|mayor)\b/;

/** The writer a note opening the piece names ("Dr Eleanor Voss is a GP in …" -> "Eleanor Voss"), or null. */
function openingWriterNote(blocks: readonly ClassifiedLine[]): string | null {
  // The standfirst under the headline too ("*Anita Rao is the Green MP for Dunmore*").
  const opening = [
    ...blocks.filter((x) => x.role === 'deck'),
    ...blocks.filter((x) => x.role === 'body').slice(0, 2),
  ];
  for (const b of opening) {
    const t = b.line.text;
    if (!WRITER_NOTE.test(t) || !(WRITER_WORDS.test(t) || OFFICE_WORDS.test(t))) continue;
    const m =
      /^[*_]*(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?([A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){1,2}),?\s+(?:is|was|has been|writes|teaches|served)\b/u.exec(
        t,
      );
    if (m) return m[1] as string;
  }
  return null;
}

/**
 * The note about the writer that ends many opinion pieces ("Gregory Hale is a retired reporter and a former editor
 * of …") is not part of the argument: one of the last two body paragraphs (or the first two) that names the
 * author and what they do, in a sentence or two, is boilerplate; without a byline, any person in the last two.
 */
function markAuthorNote(blocks: ClassifiedLine[], author: string | null): void {
  const body = blocks.filter((b) => b.role === 'body');
  if (body.length < 3) return;
  const surname = author?.split(/\s+/).pop() ?? null;
  // Some pages put the note right under the byline: the first two paragraphs count too, when it names the author.
  const candidates = surname === null ? body.slice(-2) : [...body.slice(0, 2), ...body.slice(-2)];
  for (const b of candidates) {
    const t = b.line.text;
    if (!WRITER_NOTE.test(t) || !WRITER_WORDS.test(t)) continue;
    const head = t.slice(0, 60);
    if (surname !== null && !head.includes(surname)) continue;
    b.role = 'boilerplate';
  }
}

/** A letter's signature: the writer's name ("Janet Okonkwo", "Rebecca Sandvik, CPA") on a line of its own … */
const SIGNER = /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})(?:,\s*[A-Z][A-Za-z.]{1,6})?$/u;
/** … over the writer's town ("Eden Prairie", "St. Paul", "Duluth, Minn."). */
const SIGNER_PLACE =
  /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)?$/u;

/**
 * The letters of a letters page: at least two runs of body paragraphs each signed under its last paragraph by a
 * name line over a town line (lines the classifier did not take for body). Each letter is its run, by its signer.
 * None for any other page.
 */
function lettersOf(classified: ClassifiedLine[]): { signer: string; lines: number[] }[] {
  const out: { signer: string; lines: number[] }[] = [];
  const places: ClassifiedLine[] = [];
  for (let i = 1; i + 1 < classified.length; i++) {
    const c = classified[i] as ClassifiedLine;
    const place = classified[i + 1] as ClassifiedLine;
    if (c.role === 'body' || (classified[i - 1] as ClassifiedLine).role !== 'body') continue;
    const name = SIGNER.exec(unemphasised(c.line.text));
    // (A town with its state's abbreviation, "Duluth, Minn.", ends like a sentence: it may have been read as body.)
    const town = unemphasised(place.line.text);
    if (!name || !SIGNER_PLACE.test(town) || findFullDate(town) !== null) continue;
    const lines: number[] = [];
    for (let k = i - 1; k >= 0 && (classified[k] as ClassifiedLine).role === 'body'; k--) {
      if (places.includes(classified[k] as ClassifiedLine)) break;
      lines.unshift(k);
    }
    out.push({ signer: name[1] as string, lines });
    places.push(place);
  }
  if (out.length < 2) return [];
  for (const place of places) if (place.role === 'body') place.role = 'heading';
  return out;
}

export function parseDocument(
  raw: RawDocument,
  hint: MetaHint | undefined,
  segment: Segmenter,
): CorpusDocument {
  const text = raw.text;
  const lines = splitLines(text);
  const marker = commentSectionStart(lines);
  const articleLines = joinWrappedLines(text, marker === -1 ? lines : lines.slice(0, marker));
  const classified = classifyArticleLines(articleLines, hint?.title ?? null);
  const found = metaFrom(raw, classified, hint);
  // No byline, but a note about the writer opening the piece ("*Dr Eleanor Voss is a GP in Wrexbury …*"): the
  // writer it names.
  const meta =
    found.author === null && hint?.author === undefined
      ? { ...found, author: openingWriterNote(classified) }
      : found;
  markAuthorNote(classified, meta.author);

  const counters = new Map<BlockRole, number>();
  const paragraph = (role: BlockRole, line: Line, comment: number | null, index?: number): Paragraph => {
    const n = index ?? (counters.get(role) ?? 0) + 1;
    if (index === undefined) counters.set(role, n);
    const analysed = role === 'body' || role === 'caption' || role === 'comment';
    // A list item's bullet ("- ", "* ", "• ") is the page's, not the sentence's: the paragraph starts after it.
    const bullet = analysed ? (BULLET.exec(line.text)?.[0].length ?? 0) : 0;
    const text = bullet === 0 ? line.text : line.text.slice(bullet);
    const start = line.start + bullet;
    return {
      documentId: raw.id,
      index: n,
      comment,
      role,
      text,
      start,
      end: line.end,
      sentences: analysed ? segment(text, start) : [],
    };
  };

  const body: Paragraph[] = [];
  const captions: Paragraph[] = [];
  const other: Paragraph[] = [];
  const letters = marker === -1 ? lettersOf(classified) : [];
  const letterOf = new Map<number, number>();
  letters.forEach((l, k) => {
    for (const i of l.lines) letterOf.set(i, k);
  });
  for (const [i, c] of classified.entries()) {
    if (letterOf.has(i)) continue;
    const p = paragraph(c.role, c.line, null);
    if (c.role === 'body') body.push(p);
    else if (c.role === 'caption') captions.push(p);
    else other.push(p);
  }

  const comments: ReaderComment[] = [];
  // A letters page: each letter is a reader's, under the name that signs it.
  letters.forEach((l, k) => {
    const lines = l.lines.map((i) => (classified[i] as ClassifiedLine).line);
    comments.push({
      index: k + 1,
      author: l.signer,
      replyTo: null,
      replyToComment: null,
      start: (lines[0] as Line).start,
      end: (lines[lines.length - 1] as Line).end,
      paragraphs: lines.map((line, n) => paragraph('comment', line, k + 1, n + 1)),
    });
  });
  if (marker !== -1) {
    const section = lines.slice(marker);
    const { comments: blocks, rest } = splitComments(text, section);
    for (const line of rest)
      other.push(paragraph(isCommentMarker(line.text) ? 'boilerplate' : 'boilerplate', line, null));
    const quoted = findQuotedComments(text, blocks);
    // A reply that names "@X" and quotes comment n tells us that X wrote comment n.
    const authors = new Map<number, string>();
    for (const b of blocks) {
      const target = quoted.get(b.index);
      if (target !== undefined && b.replyTo && !authors.has(target)) authors.set(target, b.replyTo);
    }
    const authorOf = (b: (typeof blocks)[number]) => b.author ?? authors.get(b.index) ?? null;
    // Else the comment answers the latest earlier comment by the author it names ("Reply to Jane Doe", "@Jane Doe"),
    // or by the author whose name begins the words after "@" ("@Realistic Rita Rotterdam is automated …": the
    // commenter "Realistic Rita", then the comment's own words).
    const answered = (b: (typeof blocks)[number]): { to: number; name: string } | null => {
      const name = b.replyTo?.toLowerCase();
      if (!name) return null;
      let found: { to: number; name: string } | null = null;
      for (const o of blocks) {
        const author = o.index < b.index ? authorOf(o) : null;
        const a = author?.toLowerCase();
        if (!author || !a || (a !== name && !name.startsWith(`${a} `))) continue;
        if (found === null || author.length >= found.name.length) found = { to: o.index, name: author };
      }
      return found;
    };
    for (const b of blocks) {
      const answer = answered(b);
      comments.push({
        index: b.index,
        author: authorOf(b),
        replyTo: answer?.name ?? b.replyTo,
        replyToComment: quoted.get(b.index) ?? answer?.to ?? null,
        start: b.start,
        end: b.end,
        paragraphs: b.lines.map((line, i) => paragraph('comment', line, b.index, i + 1)),
      });
    }
  }
  return { meta, text, body, captions, other, comments };
}
