/**
 * Stage 1 of document parsing: the raw text cut into lines and blocks, with exact offsets.
 * A block is a paragraph as the page shows it: one line, or several hard-wrapped lines joined.
 */

export interface Line {
  /** Trimmed text. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Leading white space width (tabs count as 4). */
  readonly indent: number;
  /** True when one or more blank lines precede it. */
  readonly afterBlank: boolean;
}

const WS = /\s|\u00a0|\u200b|\u200c|\u200d|\u2060|\ufeff/;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  let afterBlank = true;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    let s = pos;
    let e = nl;
    let indent = 0;
    while (s < e && WS.test(text[s] as string)) {
      indent += text[s] === '\t' ? 4 : 1;
      s++;
    }
    while (e > s && WS.test(text[e - 1] as string)) e--;
    if (e > s) {
      lines.push({ text: text.slice(s, e), start: s, end: e, indent, afterBlank });
      afterBlank = false;
    } else {
      afterBlank = true;
    }
    if (nl >= text.length) break;
    pos = nl + 1;
  }
  return lines;
}

const TERMINAL = /[.!?:;…"”’)\]]$/;

/**
 * Joins hard-wrapped lines (a long line cut mid-sentence, the next one going on in lower case)
 * into one block; every other line is a block of its own.
 */
export function joinWrappedLines(text: string, lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const wrapped =
      prev !== undefined &&
      !line.afterBlank &&
      prev.text.length >= 50 &&
      !TERMINAL.test(prev.text) &&
      /^[a-z(]/.test(line.text) &&
      Math.abs(prev.indent - line.indent) <= 1;
    if (wrapped && prev) {
      out[out.length - 1] = {
        text: text.slice(prev.start, line.end),
        start: prev.start,
        end: line.end,
        indent: prev.indent,
        afterBlank: prev.afterBlank,
      };
    } else {
      out.push(line);
    }
  }
  return out;
}
