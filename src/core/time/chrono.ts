/**
 * chrono-node's casual English parser, reading exactly as `chrono.casual` does, but cheaper to start: V8 compiles
 * a case-insensitive (/i) pattern with chrono's large word alternations to machine code very slowly (over 100 ms
 * for each of its "3 days ago" and "3 days later" patterns, paid once per process). Each parser's /i pattern is
 * therefore run as the same pattern in lower case, without /i, on the lower-cased text, which matches at the same
 * places: for ASCII letters that is what /i means without the `u` flag, and a text whose lower case is not
 * character for character (U+0130, U+212A) is read with the original pattern. The match is handed on in the text's
 * own letters (sliced at the group offsets the `d` flag gives), so each parser sees what it saw before.
 */
import * as chrono from 'chrono-node';

/** The text of a pattern, lower-cased outside escapes and group names; null when that would change its meaning. */
export function lowerCasePattern(source: string): string | null {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    // Only ASCII letters are folded here: /i folds other letters in ways lower-casing does not (final sigma).
    if (ch.charCodeAt(0) > 127 && ch.toLowerCase() !== ch.toUpperCase()) return null;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      // Named backreferences and property escapes name things whose case counts; a character written as a code
      // (\u, \x, \c) could be a letter /i would fold.
      if ('kpPuxc'.includes(next)) return null;
      out += ch + next;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      else if (source[i + 1] === '-' && source[i + 2] !== undefined && source[i + 2] !== ']') {
        // A range: letters to letters of one case, or no letters at all.
        const to = source[i + 2] as string;
        if (to === '\\') return null;
        const letters = /[a-zA-Z]/.test(ch) || /[a-zA-Z]/.test(to);
        const sameCase = (/[a-z]/.test(ch) && /[a-z]/.test(to)) || (/[A-Z]/.test(ch) && /[A-Z]/.test(to));
        if (letters && !sameCase) return null;
        out += `${ch.toLowerCase()}-${to.toLowerCase()}`;
        i += 2;
        continue;
      }
      out += ch.toLowerCase();
      continue;
    }
    if (ch === '[') inClass = true;
    // A named group: (?<name>…), but not the lookbehinds (?<= and (?<!.
    if (ch === '(' && source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!')
      return null;
    out += ch.toLowerCase();
  }
  return out;
}

/** Characters whose lower case is ASCII or longer: a text holding one is read with the original pattern. */
const UNEVEN = /[\u0130\u212a]/;

/** The last text lower-cased (every parser reads the same text in turn), or null when it is not char for char. */
let lastText = '';
let lastLower: string | null = '';

function lowerCaseOf(text: string): string | null {
  if (text !== lastText) {
    const lower = text.toLowerCase();
    lastLower = lower.length !== text.length || UNEVEN.test(text) ? null : lower;
    lastText = text;
  }
  return lastLower;
}

/** A parser's pattern, run on lower-cased text. Only `exec` is used by chrono. */
class LowerCaseExec extends RegExp {
  /** The lower-case pattern, with group offsets (`d`) so that the match can be given in the text's own letters. */
  private readonly lower: RegExp;

  constructor(original: RegExp, lower: string, flags: string) {
    super(original.source, original.flags);
    this.lower = new RegExp(lower, `${flags}d`);
  }

  override exec(text: string): RegExpExecArray | null {
    const lower = lowerCaseOf(text);
    if (lower === null) return super.exec(text);
    const m = this.lower.exec(lower);
    if (m === null) return null;
    const indices = m.indices as RegExpIndicesArray;
    const out = new Array<string | undefined>(m.length) as unknown as RegExpExecArray;
    for (let k = 0; k < m.length; k++) {
      const span = indices[k];
      out[k] = span ? text.slice(span[0], span[1]) : (undefined as unknown as string);
    }
    out.index = m.index;
    out.input = text;
    out.groups = undefined;
    return out;
  }
}

class LowerCaseParser implements chrono.Parser {
  private readonly wrapped = new WeakMap<RegExp, RegExp>();

  constructor(private readonly parser: chrono.Parser) {}

  pattern(context: chrono.ParsingContext): RegExp {
    const original = this.parser.pattern(context);
    let p = this.wrapped.get(original);
    if (p === undefined) {
      const lower =
        original.flags.includes('i') && !/[uvgy]/.test(original.flags)
          ? lowerCasePattern(original.source)
          : null;
      p = lower === null ? original : new LowerCaseExec(original, lower, original.flags.replace('i', ''));
      this.wrapped.set(original, p);
    }
    return p;
  }

  extract(context: chrono.ParsingContext, match: RegExpMatchArray): ReturnType<chrono.Parser['extract']> {
    return this.parser.extract(context, match);
  }
}

/** Reads what `chrono.casual` reads, with the same parsers and refiners in the same order. */
export const casualChrono: chrono.Chrono = new chrono.Chrono({
  parsers: chrono.casual.parsers.map((p) => new LowerCaseParser(p)),
  refiners: [...chrono.casual.refiners],
});
