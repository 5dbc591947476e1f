/**
 * Stage 2 of document parsing: each block's role (title, caption, credit, boilerplate, comment section, ...).
 * The rules describe how news pages are laid out, not any one page: captions carry a photo credit
 * or stand before one, credits are short slash-separated agency lines, boilerplate is the site's
 * furniture ("Leave a Reply", "Subscribe to ...").
 */
import type { Line } from './blocks.js';
import type { BlockRole } from './types.js';
import { MONTHS } from '../text/calendar-words.js';

const MONTH_RE =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const FULL_DATE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
/** Day before month, as British, European and Australian outlets write it: "3 Sep 2024", "Tue 3 September 2024". */
const DAY_FIRST_DATE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\.?,?\\s+(\\d{4})\\b`, 'i');
/** Month first, as American outlets and forums write it ("11/19/2026", "11-19-2026"); day first when the first number cannot be a month ("23/11/2026"). */
const NUMERIC_DATE = /\b(\d{1,2})([/-])(\d{1,2})\2(\d{4})\b/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
/** Day, month and year with dots, as European outlets write it: "12.06.2025". */
const DOTTED_DATE = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A complete calendar date written in the text ("January 9, 2022", "01/09/2022", "2022-01-09"), as YYYY-MM-DD. */
export function findFullDate(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = FULL_DATE.exec(text);
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith((m[1] as string).toLowerCase().slice(0, 3))) + 1;
    return validDate(Number(m[3]), month, Number(m[2]));
  }
  const dm = DAY_FIRST_DATE.exec(text);
  if (dm) {
    const month =
      MONTHS.findIndex((name) => name.startsWith((dm[2] as string).toLowerCase().slice(0, 3))) + 1;
    return validDate(Number(dm[3]), month, Number(dm[1]));
  }
  const n = NUMERIC_DATE.exec(text);
  if (n) {
    const [first, second, year] = [Number(n[1]), Number(n[3]), Number(n[4])];
    return first > 12 ? validDate(year, second, first) : validDate(year, first, second);
  }
  const d = DOTTED_DATE.exec(text);
  if (d) return validDate(Number(d[3]), Number(d[2]), Number(d[1]));
  return null;
}

/** A press release's footer lines: "Ends", "Notes to editors", "Media contact", "Press office". */
const RELEASE_FOOTER = String.raw`-?\s*ends\s*-?|#+\s*ends|notes? (?:to|for) editors:?|media (?:contact|enquiries|inquiries)\b.*|press (?:contact|office)\b.*`;
const FOOTER_START = new RegExp(
  `^(?:${RELEASE_FOOTER}|about (?:the )?[A-Z][\\w&.'’ -]{1,60}:?|for (?:further|more) information\\b.*)$`,
  'i',
);

/** Lines only a press release carries: its release line and its footer's notes for editors and press contact. */
export const PRESS_RELEASE_MARK = new RegExp(
  `^(?:for immediate release\\b.*|embargoed (?:until|for)\\b.*|${RELEASE_FOOTER})$`,
  'i',
);

const BOILERPLATE =
  /^(leave a (comment|reply)|give a comment|post a comment|add a comment|your email address will not be published|required fields are marked|subscribe\b|sign up\b|share this|share on|related( articles| stories)?:?$|read more\b|advertisement$|click here|follow us|©|\(c\) \d{4}|copyright\b|all rights reserved|shareplay video$|\d+ comments? \/ \d+ comments?$|comments?$|reply$|print$|email$|tweet$|\(?(?:additional )?(?:reporting|writing|editing|compiled|graphics) by\b|editor['’]s note:|you are receiving this\b|disclaimer:)/i;

const COMMENT_MARKER =
  /^(\d+\s+(comments?|responses?|replies|thoughts?)\b.*|comments?(\s*\(\d+\))?:?|leave a (reply|comment)|reader comments|discussion)$/i;

const AGENCY =
  /(getty images|\bap\b|\bafp\b|reuters|bloomberg|pool photo|\bepa\b|shutterstock|via ap|associated press|press service|photo|tass|sputnik|anadolu)/i;

/** A photo credit line: "Alexander Bogdanov/AFP/Getty Images", "US Army/Major Kevin Sandell". */
export function isCredit(text: string): boolean {
  if (text.length > 90 || (/[.!?]$/.test(text) && !/\b[A-Z]\.$/.test(text))) return false;
  const parts = text.split(/\s*\/\s*/);
  if (parts.length >= 2 && parts.every((p) => /^[A-Z][\w.'’-]*(\s+[A-Z&][\w.'’-]*){0,4}$/.test(p)))
    return true;
  return (
    /^(photo|image|credit|picture)s?( by)?:/i.test(text) ||
    (/^[A-Z]/.test(text) &&
      text.split(/\s+/).length <= 6 &&
      AGENCY.test(text) &&
      !/[.,;]/.test(text.replace(/\b[A-Z]\./g, '')))
  );
}

/** A caption that carries its own credit or says what the photo shows. */
function isSelfEvidentCaption(text: string): boolean {
  return (
    /\((?:[^()]*\/[^()]*|[^()]*\bvia (AP|AFP|Reuters|Getty)[^()]*|(AP|AFP|Reuters) Photo[^()]*)\)\s*$/.test(
      text,
    ) ||
    /\|\s*[A-Z][\w.'’ -]+\/[\w .'’-]+$/.test(text) ||
    /^(in this (handout |file )?(photo|image|picture)|file( photo)? [-–—]|photo:)/i.test(text)
  );
}

/** A tag line: "kazakhstan, protest, almaty, administrative, building". */
function isTagLine(text: string): boolean {
  if (/[.!?"”:]$/.test(text)) return false;
  const parts = text.split(/\s*,\s*/);
  if (parts.length < 3 || !parts.every((p) => p.length > 0 && p.split(/\s+/).length <= 3)) return false;
  // Keywords are mostly written in lower case; a list of names ("Armenia, Belarus, Kyrgyzstan") is not a tag line.
  return parts.filter((p) => /^[a-z]/.test(p)).length * 2 >= parts.length;
}

/** A wire story's closing credit: "Associated Press writer Tom Rees in Sydney contributed to this report." */
const CONTRIBUTED = /\bcontributed (?:reporting )?(?:to )?(?:this|the) (?:report|story|article)\.?$/i;

/** A site's call to action ("Sign up for our newsletter", "Read more"): a line of furniture, not a paragraph. */
const CALL_TO_ACTION = /^(?:subscribe|sign up|share this|share on|read more|click here|follow us)\b/i;

export function isBoilerplate(text: string): boolean {
  const plain = unemphasised(text);
  // A paragraph of advice may open on the same words ("**Sign up for the monitoring.** TallyPoint is offering …").
  if (plain.length > 200 && CALL_TO_ACTION.test(plain)) return false;
  return (
    BOILERPLATE.test(plain) ||
    /^thanks for reading\b/i.test(plain) ||
    (plain.length < 250 && CONTRIBUTED.test(plain))
  );
}

/** What a comment marker's first character may be (COMMENT_MARKER's alternatives), after leading spaces. */
const COMMENT_MARKER_START = /^\s*[\dcdlr]/i;

export function isCommentMarker(text: string): boolean {
  // Tested first: the document's every line is asked, and stripping a trailing arrow scans the whole line.
  if (!COMMENT_MARKER_START.test(text)) return false;
  return COMMENT_MARKER.test(text.replace(/\s*[»›>]+$/, '').trim());
}

function endsLikeSentence(text: string): boolean {
  return (
    /[.!?…]["”’)\]]*$/.test(text) ||
    (/[.!?…]["”’]?\s*\(?[^()]*\)?$/.test(text) && /[.!?]/.test(text.slice(-3)))
  );
}

/** "Published June 11, 2025", "First published on 3 Sep 2024": when the page went out (some pages say so last). */
export const PUBLISHED_LINE = /^(?:first\s+)?(?:published|posted)\b/i;

/** A paper's or station's name line: "Ostmark Daily Record", "WRX News 6", "University of Wrexbury | News and Press Office". */
export function isOutletName(text: string): boolean {
  if (text.split(/\s+/).length > 8 || endsLikeSentence(text)) return false;
  return (
    OUTLET_WORD.test(text) ||
    /\b(?:news|tv|radio)\s+\d+$/i.test(text) ||
    /\s\|\s.*\b(?:news|press)\b/i.test(text)
  );
}

/** What may stand above a headline: an embargo or release line, a forum's name, the outlet's name, a date line. */
function isFurnitureAboveTitle(text: string): boolean {
  return (
    /^(?:embargoed\b|for immediate release\b|r\/\w+$|posted\s+by\s)/i.test(text) ||
    isOutletName(text) ||
    isDateline(text)
  );
}

/** A headline: a line of some length that does not end like a sentence, and is no date or byline. */
function looksLikeHeadline(text: string): boolean {
  return (
    text.length > 20 &&
    !/[.!]["”’]?$/.test(text) &&
    !isDateline(text) &&
    !SIGNED_BY.test(unemphasised(text)) &&
    !isFurnitureAboveTitle(text)
  );
}

function isDateline(text: string): boolean {
  if (text.length > 70) return false;
  if (/^(today|yesterday|updated|published|posted)\b/i.test(text) && /\d/.test(text)) return true;
  if (/\|\s*\d+\s+comments?/i.test(text)) return true;
  if (findFullDate(text) !== null && text.split(/\s+/).length <= 8) return true;
  return /^\d{1,2}:\d{2}\s*(am|pm)?/i.test(text);
}

/** A line that signs the piece: "By …", "Posted by …", "Edited by …", "Written by …". */
export const SIGNED_BY = /^(?:posted\s+|edited\s+|written\s+)?by\s+/i;

/** A byline: "By Jane Doe", or a person's name alone on a line. */
/** The line without the Markdown emphasis around it ("**By Maria Chen**", "_Staff writer_"). */
export function unemphasised(text: string): string {
  return text.replace(/^[*_]{1,3}(?=\S)/, '').replace(/(?<=\S)[*_]{1,3}$/, '');
}

/** The last word of a news outlet's name: "Ostmark Daily Record", "Lindau Local News", "The Front Range Tribune". */
export const OUTLET_WORD =
  /\b(?:news|times|post|record|herald|journal|tribune|gazette|daily|press|chronicle|guardian|observer|telegraph|courier|ledger|review|mail|express|inquirer|bulletin|dispatch|monitor|register|standard|examiner|sentinel|globe|weekly|magazine|wire|radio|tv|echo|mirror|star|argus|advertiser|citizen)$/i;
/** "The Ostmark Courier Editorial Board", "The Editors": a paper's own voice signing its editorial. */
const EDITORIAL_SIGNATURE = /^(?:the\s+)?(?:[\p{Lu}][\p{L}.'’&-]*\s+){0,4}(?:editorial board|editors)$/iu;

const WIRE_BYLINE = /^(\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]*){1,3})(?:\s+\p{Lu}\p{Ll}.*)?$/u;
/** "MAYA HOLLOWAY" -> "Maya Holloway", "O'BRIEN" -> "O'Brien". */
function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

export function bylineName(raw: string): string | null {
  const text = unemphasised(raw);
  // "By Ann Lee | Harbour Ledger", "Posted by u/brookfield_dad · 3 days ago".
  const by = SIGNED_BY.exec(text);
  if (by && by[0].length < text.length) {
    const name = text
      .slice(by[0].length)
      .replace(/\s*[|,·•].*$/, '')
      .trim();
    // "By MAYA HOLLOWAY Associated Press": a wire byline, the name in capitals and the agency after it.
    const capitals = WIRE_BYLINE.exec(name);
    return capitals ? titleCase(capitals[1] as string) : name;
  }
  if (EDITORIAL_SIGNATURE.test(text)) return text;
  // "Rachel Hume Health correspondent": a name, then the writer's beat and role.
  const roled =
    /^([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}?)\s+(?:[A-Z][a-z]+\s+)?(?:correspondent|editor|reporter|writer|columnist|journalist)$/i.exec(
      text,
    );
  if (roled) return roled[1] as string;
  if (/^[A-Z][a-z'’-]+(\s+[A-Z]\.)?(\s+[A-Z][a-z'’-]+){1,2}$/.test(text)) return text;
  return null;
}

export interface ClassifiedLine {
  readonly line: Line;
  role: BlockRole;
}

/**
 * Roles for the lines of the article part (before the comment section).
 * `titleHint` is the manifest's title, if any, so a byline above the title is recognised.
 */
/**
 * Page furniture above the headline (an embargo line, a forum's name, the outlet's name, "Posted by …", a date
 * line), when a headline follows within four lines: each line gets its role, and the headline's index is returned
 * (0 when there is none).
 */
function furnitureAboveTitle(out: ClassifiedLine[]): number {
  const headlineWithin = (from: number) =>
    out.slice(from, from + 4).some((c) => looksLikeHeadline(c.line.text));
  let at = 0;
  while (at < Math.min(out.length - 1, 4) && isFurnitureAboveTitle((out[at] as ClassifiedLine).line.text)) {
    if (!headlineWithin(at + 1)) break;
    at++;
  }
  for (let i = 0; i < at; i++) {
    const c = out[i] as ClassifiedLine;
    const t = c.line.text;
    c.role =
      isOutletName(t) || /^posted\s+by\s/i.test(t) ? 'byline' : isDateline(t) ? 'dateline' : 'boilerplate';
  }
  return at;
}

/** The headline's index when only scraps or a person's name stand above it ("Leonid Bershidsky" over the headline). */
function titleBelowNames(out: readonly ClassifiedLine[]): number {
  let at = 0;
  for (let i = 0; i < Math.min(out.length - 1, 3); i++) {
    const t = (out[i] as ClassifiedLine).line.text;
    const next = (out[i + 1] as ClassifiedLine).line.text;
    const scrap = t.length <= 3;
    const nameAbove =
      bylineName(t) !== null &&
      !isDateline(next) &&
      // The line below a byline is a headline, and headlines do not end with a full stop.
      !/[.!?]["”’]?$/.test(next) &&
      !isSelfEvidentCaption(next) &&
      // A "By …" line below is the byline, so this line is the headline ("Port Reopens" over "By Ann Lee").
      !/^by\s/i.test(unemphasised(next)) &&
      (next.length <= 3 || next.length > t.length + 10) &&
      i + 1 < out.length - 1;
    if (scrap || nameAbove) at = i + 1;
    else break;
  }
  return at;
}

export function classifyArticleLines(lines: readonly Line[], titleHint: string | null): ClassifiedLine[] {
  const out: ClassifiedLine[] = lines.map((line) => ({ line, role: 'body' as BlockRole }));
  if (out.length === 0) return out;

  // Title: the manifest's, if it stands in the first lines; otherwise the first line that is not a byline or scrap.
  let titleAt = -1;
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  if (titleHint) {
    const hint = norm(titleHint);
    titleAt = out.slice(0, 6).findIndex((c) => {
      const t = norm(c.line.text);
      return t === hint || (t.length > 10 && (hint.endsWith(t) || t.endsWith(hint)));
    });
  }
  if (titleAt < 0) {
    titleAt = furnitureAboveTitle(out);
    if (titleAt === 0) titleAt = titleBelowNames(out);
  }
  for (let i = 0; i < titleAt; i++) {
    const c = out[i] as ClassifiedLine;
    if (c.role === 'body') c.role = 'byline';
  }
  (out[titleAt] as ClassifiedLine).role = 'title';

  // Header: deck and datelines between the title and the first body paragraph.
  let i = titleAt + 1;
  for (; i < out.length; i++) {
    const c = out[i] as ClassifiedLine;
    const t = c.line.text;
    const next = out[i + 1]?.line.text ?? '';
    if (isDateline(t)) c.role = 'dateline';
    else if (bylineName(t) !== null && SIGNED_BY.test(unemphasised(t))) c.role = 'byline';
    else if (EDITORIAL_SIGNATURE.test(unemphasised(t))) c.role = 'byline';
    // "Rachel Pemberton Health correspondent" over "Updated 14:32 GMT, Tue 3 Sep 2024": a byline without "By".
    else if (isDateline(next) && !endsLikeSentence(t) && /^[A-Z]/.test(t) && t.split(/\s+/).length <= 6)
      c.role = 'byline';
    // "Yorkshire Courier" over "By Nadia Rahman, Environment Correspondent": the paper's name above its byline.
    else if (
      SIGNED_BY.test(unemphasised(next)) &&
      bylineName(next) !== null &&
      !endsLikeSentence(t) &&
      /^[A-Z]/.test(t) &&
      t.split(/\s+/).length <= 4
    )
      c.role = 'byline';
    else if (i === titleAt + 1 && !endsLikeSentence(t) && t.length > 40 && !isSelfEvidentCaption(t))
      c.role = 'deck';
    // A standfirst of whole sentences is a deck too when the byline follows it ("For the scientists who … . It was
    // the loss of a career's worth of work." over "By Helen Castellano").
    else if (
      i === titleAt + 1 &&
      t.length > 40 &&
      t.length <= 400 &&
      SIGNED_BY.test(unemphasised(next)) &&
      bylineName(next) !== null
    )
      c.role = 'deck';
    else break;
  }

  for (let k = titleAt + 1; k < out.length; k++) {
    const c = out[k] as ClassifiedLine;
    if (c.role !== 'body') continue;
    const t = c.line.text;
    const prev = out[k - 1];
    const isLast = k === out.length - 1;
    if (isBoilerplate(t)) c.role = 'boilerplate';
    else if (isLast && t.split(/\s+/).length <= 3 && !/[/.!?]/.test(t)) c.role = 'boilerplate';
    else if (
      isDateline(t) &&
      (/\|/.test(t) || (k <= titleAt + 5 && !endsLikeSentence(t)) || (isLast && PUBLISHED_LINE.test(t)))
    )
      c.role = 'dateline';
    else if (isTagLine(t)) c.role = 'tags';
    else if (isCredit(t) && prev !== undefined && (prev.role === 'caption' || !endsLikeSentence(t)))
      c.role = 'credit';
    else if (prev !== undefined && prev.line.text === t)
      c.role = prev.role === 'body' ? 'boilerplate' : prev.role;
    else if (isSelfEvidentCaption(t)) c.role = 'caption';
    else if (prev?.role === 'tags') c.role = 'caption';
    else if (/^(?:[Ee]dited |[Ww]ritten )?by\s+[A-Z]/.test(t) && t.length < 80) c.role = 'byline';
  }
  // A block standing right before a credit line is that photo's caption.
  for (let k = 1; k < out.length; k++) {
    const c = out[k] as ClassifiedLine;
    const prev = out[k - 1] as ClassifiedLine;
    if (c.role === 'credit' && prev.role === 'body' && prev.line.text.length < 600) prev.role = 'caption';
    if (c.role === 'caption' && prev.role === 'caption' && prev.line.text === c.line.text)
      c.role = 'boilerplate';
  }
  // A press release's footer: everything from "Ends", "Notes to editors", "About <the organisation>" or "Media
  // contact" on is about the sender, not the news.
  const footer = out.findIndex(
    (c, k) => k > titleAt + 1 && c.role === 'body' && FOOTER_START.test(c.line.text),
  );
  if (footer !== -1)
    for (let k = footer; k < out.length; k++) (out[k] as ClassifiedLine).role = 'boilerplate';
  // Section headings: short lines without end punctuation between body paragraphs; a short last line is the outlet's trailer.
  const last = lastIndex(out, (c) => c.role === 'body');
  for (let k = titleAt + 1; k < out.length; k++) {
    const c = out[k] as ClassifiedLine;
    if (c.role !== 'body') continue;
    const t = c.line.text;
    // "Jane Porter, chief executive, said:" over a paragraph in quotation marks introduces it: a sentence, no heading.
    if (t.endsWith(':') && /^[“"‘']/.test(out[k + 1]?.line.text ?? '')) continue;
    // A Markdown heading is one whatever its punctuation ("## What should I do?").
    if (t.charCodeAt(0) === 35 && /^#{2,6}\s/.test(t)) {
      c.role = 'heading';
      continue;
    }
    // Words are counted only in a short line (splitting every paragraph into words was most of this pass).
    if (t.length < 80 && !endsLikeSentence(t)) {
      const words = t.split(/\s+/).length;
      if (words <= 10) c.role = k === last && words <= 3 ? 'boilerplate' : 'heading';
    }
  }
  return out;
}

function lastIndex<T>(items: readonly T[], pred: (t: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i] as T)) return i;
  return -1;
}
