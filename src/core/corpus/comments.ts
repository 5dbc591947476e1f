/**
 * Stage 3 of document parsing: the reader comment thread. Comments are the items after a comment-section
 * marker ("7 Comments", "Leave a Reply"): numbered ("1. …"), or each under a header naming its author
 * ("Jane Doe says:", or a name line followed by a date line); each keeps its own paragraphs and the comment
 * it answers, told from an `@Name` mention or from text it quotes from another comment.
 */
import { joinWrappedLines, type Line } from './blocks.js';
import { findFullDate } from './classify.js';

export interface CommentBlocks {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly lines: readonly Line[];
  readonly replyTo: string | null;
  /** The author named by the comment's header, when the thread has headers. */
  readonly author: string | null;
  /** Lines the comment quotes from another before its own words ("Quote from X:" and X's words): not its own. */
  readonly quoted?: readonly Line[];
}

/** Site furniture between comments. */
const COMMENT_FURNITURE =
  /^(reply|report|like|share|flag|permalink|log in to reply|\d+\s+likes?|load more comments?|level \d+|\d+ more repl(?:y|ies))$|^(?=.*[▲▼△▽↑↓⬆⬇👍👎])(?:(?:[▲▼△▽↑↓⬆⬇👍👎•·|]|\d+|reply|share|report|flag|upvote|downvote|votes?|likes?)\s*)+$/iu;

function isTimeLine(text: string): boolean {
  return (
    text.length <= 60 &&
    (findFullDate(text) !== null ||
      /\b\d{1,2}:\d{2}\s*(am|pm)?\b/i.test(text) ||
      /^\d+\s+(minutes?|hours?|days?|weeks?|months?|years?)\s+ago$/i.test(text))
  );
}

function shortName(text: string): boolean {
  return (
    text.length <= 40 &&
    text.split(/\s+/).length <= 5 &&
    !/[.!?,;:"“”]$/.test(text) &&
    /^[\p{L}@_]/u.test(text)
  );
}

/**
 * A comment header at line i: "Jane Doe says:" (one line), or a short name line followed by a date or time line
 * (two lines). Returns the author and how many lines the header takes.
 */
/** How long ago a comment was posted: "2 hours ago", "3h", "5 min", "yesterday", "just now". */
const AGE =
  /^(?:\d+\s*(?:s|m|h|d|w|mo|y|secs?|mins?|hrs?|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\.?(?:\s+ago)?|an?\s+(?:minute|hour|day|week|month|year)\s+ago|just now|yesterday|today)$/i;
/** A reply marker before a reply's header: "↳ Ilona S. · 2h". */
const REPLY_MARK = /^[↳└⤷>]\s*/u;

/**
 * "Marta K. • 2 hours ago", "↳ Petr Holub · 3h": a one-line header, the author and when they posted, as comment
 * widgets show them. The author, or null.
 */
function agedHeader(text: string): { author: string; reply: boolean } | null {
  const reply = REPLY_MARK.test(text);
  const m = /^(.{1,40}?)\s+[•·|–—-]\s+(.{1,30})$/u.exec(text.replace(REPLY_MARK, ''));
  if (!m) return null;
  const when = (m[2] as string).trim();
  if (!AGE.test(when) && findFullDate(when) === null) return null;
  const author = (m[1] as string).trim();
  // "u/hollins_mum", "[deleted]" (a removed account) as forums print them.
  return author.split(/\s+/).length <= 5 && /^[\p{L}@_[]/u.test(author) ? { author, reply } : null;
}

export function commentHeaderAt(lines: readonly Line[], i: number): { author: string; size: number } | null {
  const line = lines[i];
  if (!line) return null;
  const aged = agedHeader(line.text);
  if (aged) return { author: aged.author, size: 1 };
  const says = /^(.{1,40}?)\s+(says|said|wrote|commented)(?:\s+on\s+.{1,40})?\s*:?\s*$/i.exec(line.text);
  if (says && (says[1] as string).split(/\s+/).length <= 5) {
    // "Jane Doe says:" over "March 8, 2025 at 10:12 am": the date line is part of the header, not the comment.
    const dated = lines[i + 1] !== undefined && isTimeLine((lines[i + 1] as Line).text);
    return { author: says[1] as string, size: dated ? 2 : 1 };
  }
  const next = lines[i + 1];
  if (
    next &&
    shortName(line.text) &&
    !COMMENT_FURNITURE.test(line.text) &&
    isTimeLine(next.text) &&
    !isTimeLine(line.text)
  )
    return { author: line.text, size: 2 };
  return null;
}

const NUMBERED = /^(\d{1,4})[.)]\s+/;

/** Splits the lines after the marker into numbered comments; lines outside any comment are returned apart. */
export function splitComments(
  text: string,
  lines: readonly Line[],
): { comments: CommentBlocks[]; rest: Line[] } {
  const numbered = lines.some((l) => /^1[.)]\s+\S/.test(l.text));
  if (!numbered) return splitHeadedComments(text, lines);
  const comments: CommentBlocks[] = [];
  const rest: Line[] = [];
  let current: { index: number; indent: number; lines: Line[] } | null = null;
  const close = () => {
    if (!current || current.lines.length === 0) return;
    // "1. Jane Doe says:" over "June 14, 2025 at 10:02 am": a numbered comment may open with its author's header.
    const header = commentHeaderAt(current.lines, 0);
    const body = header ? current.lines.slice(header.size) : current.lines;
    if (header) rest.push(...current.lines.slice(0, header.size));
    if (body.length === 0) return;
    const first = body[0] as Line;
    const lastLine = body[body.length - 1] as Line;
    const joined = joinWrappedLines(text, body);
    comments.push({
      index: current.index,
      start: first.start,
      end: lastLine.end,
      lines: joined,
      replyTo: mentionOf(joined),
      author: header?.author ?? null,
    });
  };
  for (const line of lines) {
    const m = NUMBERED.exec(line.text);
    const expected: number = current ? current.index + 1 : 1;
    if (m && Number(m[1]) === expected && (current === null || line.indent <= current.indent + 1)) {
      close();
      const offset = (m[0] as string).length;
      const first: Line = { ...line, text: line.text.slice(offset), start: line.start + offset };
      current = { index: expected, indent: line.indent, lines: first.text.length > 0 ? [first] : [] };
      continue;
    }
    if (current) current.lines.push(line);
    else rest.push(line);
  }
  close();
  return { comments, rest };
}

/** Comments under author headers, numbered in the order shown. */
const REPLY_TO = /^(?:in )?reply to\s+(.{1,40})$/i;

function splitHeadedComments(
  text: string,
  lines: readonly Line[],
): { comments: CommentBlocks[]; rest: Line[] } {
  const comments: CommentBlocks[] = [];
  const rest: Line[] = [];
  let current: { author: string; lines: Line[]; replyTo: string | null } | null = null;
  // The authors of the comments above, with their headers' indents: an indented reply answers the nearest one
  // less indented ("↳" or indentation, with no "Reply to" line).
  const above: { author: string; indent: number }[] = [];
  const close = () => {
    if (!current || current.lines.length === 0) return;
    const joined = joinWrappedLines(text, current.lines);
    const quote = leadingQuote(joined, comments);
    const own = quote ? joined.slice(quote.lines.length) : joined;
    if (own.length === 0) return;
    if (quote) rest.push(...quote.lines);
    comments.push({
      index: comments.length + 1,
      start: (own[0] as Line).start,
      end: (own[own.length - 1] as Line).end,
      lines: own,
      replyTo: current.replyTo ?? quote?.name ?? mentionOf(own),
      author: current.author,
      ...(quote ? { quoted: quote.lines } : {}),
    });
  };
  let replyTo: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    // "Reply to Jane Doe" right above a header: the page's reply link, naming whom the next comment answers.
    const reply = REPLY_TO.exec(line.text);
    if (reply && commentHeaderAt(lines, i + 1)) {
      rest.push(line);
      replyTo = (reply[1] as string).trim();
      continue;
    }
    // "Re: <the thread's subject>" over a forum post's header: part of the header, not the comment above.
    if (/^re:\s/i.test(line.text) && commentHeaderAt(lines, i + 1)) {
      rest.push(line);
      continue;
    }
    const header = commentHeaderAt(lines, i);
    if (header) {
      close();
      const marked = REPLY_MARK.test(line.text);
      let parent: string | null = null;
      if (replyTo === null && (line.indent > 0 || marked))
        for (let k = above.length - 1; k >= 0; k--) {
          const a = above[k] as { author: string; indent: number };
          if (a.indent < line.indent || (marked && a.indent <= line.indent)) {
            parent = a.author;
            break;
          }
        }
      above.push({ author: header.author, indent: line.indent });
      current = { author: header.author, lines: [], replyTo: replyTo ?? parent };
      replyTo = null;
      for (let k = 0; k < header.size; k++) rest.push(lines[i + k] as Line);
      i += header.size - 1;
      continue;
    }
    if (COMMENT_FURNITURE.test(line.text) || !current) rest.push(line);
    else current.lines.push(line);
  }
  close();
  return { comments, rest };
}

/** The line a forum prints over a quoted post: "Quote from marlene_cpa:", "Originally Posted by Ann", "Ann wrote:". */
const QUOTE_INTRO =
  /^(?:(?:quote from|quoting|originally posted by)\s+(.{1,40}?)|(.{1,40}?)\s+wrote|quote)\s*:?\s*$/i;

/**
 * A comment opening on another's words: a quote intro line and the lines after it found word for word in an
 * earlier comment, or lines marked "> …". Null when the comment opens on its own words, or when nothing after the
 * intro is found elsewhere (where the quotation ends cannot then be told).
 */
function leadingQuote(
  lines: readonly Line[],
  earlier: readonly CommentBlocks[],
): { lines: readonly Line[]; name: string | null } | null {
  const first = lines[0];
  if (first === undefined) return null;
  if (first.text.startsWith('>')) {
    let k = 0;
    while (k < lines.length && (lines[k] as Line).text.startsWith('>')) k++;
    return { lines: lines.slice(0, k), name: null };
  }
  if (earlier.length === 0 || !QUOTE_INTRO.test(first.text)) return null;
  const said = earlier.map((c) => normal(c.lines.map((l) => l.text).join(' ')));
  // One quoted post after another ("Quote from A: … Quote from B: …"): the reply answers the last.
  let k = 0;
  let name: string | null = null;
  for (;;) {
    const intro = QUOTE_INTRO.exec((lines[k] as Line).text);
    if (!intro) break;
    let j = k + 1;
    while (j < lines.length - 1) {
      const n = normal((lines[j] as Line).text);
      if (n.length === 0 || !said.some((t) => t.includes(n))) break;
      j++;
    }
    if (j === k + 1) break;
    const named = (intro[1] ?? intro[2] ?? '').trim();
    name = named.length > 0 ? named : null;
    k = j;
  }
  return k === 0 ? null : { lines: lines.slice(0, k), name };
}

const NOT_NAME = new Set([
  'I',
  'I’ve',
  "I've",
  'I’m',
  "I'm",
  'The',
  'A',
  'An',
  'This',
  'That',
  'You',
  'We',
  'It',
  'Yes',
  'No',
]);

/**
 * The name a comment answers: "@Will James" alone on a line, "@Reader I’ve read …" (the name stops before a
 * pronoun), or a user name "@Realist88 My mother …" (one word).
 */
function mentionOf(lines: readonly Line[]): string | null {
  const first = lines[0];
  if (!first || !first.text.startsWith('@')) return null;
  const words = first.text.slice(1).split(/\s+/);
  // A user name ("@LindaB Exactly the same", "@Realist88 My mother …") is one word: digits, an underscore or a
  // capital after a small letter mark it; a person's name ("@Ann Lee") may run on.
  const handle = (words[0] ?? '').replace(/[,:;.!?]+$/, '');
  if (/\d|_|\p{Ll}\p{Lu}/u.test(handle)) return handle;
  const name: string[] = [];
  for (const w of words) {
    const clean = w.replace(/[,:;.!?]+$/, '');
    if (name.length > 0 && (!/^[A-Z]/.test(clean) || NOT_NAME.has(clean) || name.length >= 3)) break;
    name.push(clean);
    if (clean !== w) break;
  }
  return name.length > 0 ? name.join(' ') : null;
}

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/[“”"‘’'«»]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * For each comment, the comment whose words it quotes (a paragraph or a quoted span found verbatim, case and
 * spacing aside, in another comment). Returns index -> quoted comment index.
 */
export function findQuotedComments(text: string, comments: readonly CommentBlocks[]): Map<number, number> {
  // Text a comment itself quotes is not its own words: a reply cannot be quoting it from there.
  const bodies = comments.map((c) => ({
    index: c.index,
    text: normal(text.slice(c.start, c.end).replace(/[“"][^”"]*[”"]/g, ' ')),
  }));
  const result = new Map<number, number>();
  for (const c of comments) {
    const candidates: string[] = [];
    for (const line of c.quoted ?? []) candidates.push(line.text.replace(/^>\s*/, ''));
    for (const line of c.lines) {
      if (line.text.startsWith('@')) {
        const after = line.text.replace(/^@\S+(\s+\S+)?/, '');
        for (const q of after.matchAll(/[“"]([^”"]{6,})[”"]/g)) candidates.push(q[1] as string);
        continue;
      }
      candidates.push(line.text);
      for (const q of line.text.matchAll(/[“"]([^”"]{6,})[”"]/g)) candidates.push(q[1] as string);
    }
    let best: { index: number; length: number } | null = null;
    for (const cand of candidates) {
      const n = normal(cand).replace(/[.!?]+$/, '');
      if (n.length < 7) continue;
      for (const other of bodies) {
        if (other.index === c.index || !other.text.includes(n)) continue;
        if (!best || n.length > best.length) best = { index: other.index, length: n.length };
      }
    }
    if (best) result.set(c.index, best.index);
  }
  return result;
}
