/**
 * A lexicon-based civility check on text the bot can see (arguments, and channel messages when the content
 * intent is granted). Pure: normalise, tokenise, look up. Escalation (nudge → warning → floor revoked) lives in
 * the session; this file only says whether a text offends and why.
 */
import { CIVILITY_LEXICON, type CivilityLexicon } from './lexicon.js';

export type CivilityCategory = 'insult' | 'slur' | 'attack' | 'shouting';

export interface CivilityHit {
  readonly category: CivilityCategory;
  /** The lexicon entry (normalised) or "ALL CAPS" for shouting. */
  readonly term: string;
}

export interface CivilityVerdict {
  readonly civil: boolean;
  readonly hits: readonly CivilityHit[];
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '+': 't',
};

/** Runs of one letter collapse to one letter on both sides of the lookup, so "iddddiot" meets "idiot". */
function collapseRepeats(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

/**
 * Lower-case tokens with leetspeak undone and repeated letters collapsed. Inside a token, digits and symbols
 * count as letters only when the token also has real letters ("1d10t", "@sshole"), so "2022" stays a number.
 * Letters separated by single dots, dashes, underscores or asterisks ("i.d.i.o.t", "m-o-r-o-n") join up.
 */
export function normaliseTokens(text: string): string[] {
  const joined = text.replace(/(?<!\p{L})(?:\p{L}[.\-_*]){2,}\p{L}(?!\p{L})/gu, (m) =>
    m.replace(/[.\-_*]/g, ''),
  );
  const out: string[] = [];
  for (const piece of joined.toLowerCase().split(/[\s,;:?."“”()[\]{}<>/\\]+/u)) {
    // Trailing "!" is punctuation, not a leet "i" ("idiot!" is not "idioti").
    const token = piece.replace(/[!]+$/, '');
    if (!token) continue;
    const hasLetter = /\p{L}/u.test(token);
    const undone = hasLetter ? [...token].map((c) => LEET[c] ?? c).join('') : token;
    const word = undone.replace(/[^\p{L}\p{N}']/gu, '').replace(/^'+|'+$/g, '');
    if (word) out.push(collapseRepeats(word));
  }
  return out;
}

interface CompiledLexicon {
  readonly insults: ReadonlySet<string>;
  readonly adjectives: ReadonlySet<string>;
  readonly slurs: ReadonlySet<string>;
  readonly phrases: readonly (readonly string[])[];
}

function compile(lexicon: CivilityLexicon): CompiledLexicon {
  const set = (words: readonly string[]) => new Set(words.map((w) => collapseRepeats(w.toLowerCase())));
  return {
    insults: set(lexicon.insults),
    adjectives: set(lexicon.attackAdjectives),
    slurs: set(lexicon.slurs),
    phrases: lexicon.attackPhrases.map((p) => p.toLowerCase().split(/\s+/).map(collapseRepeats)),
  };
}

const DEFAULT = compile(CIVILITY_LEXICON);

/** Words that point the adjective at the listener: "you are stupid", "you're so dumb", "your stupid face". */
const YOU = new Set(['you', 'ur', 'u', 'youre', "you're", 'ya', 'yo']);
const LINK = new Set([
  'are',
  'r',
  'is',
  'so',
  'such',
  'a',
  'an',
  'really',
  'truly',
  'just',
  'totally',
  'completely',
  'being',
]);

function aimedAtListener(tokens: readonly string[], i: number): boolean {
  // Walk back over linking words ("are", "so", "such a") to find "you" within a short window.
  for (let j = i - 1, steps = 0; j >= 0 && steps < 4; j--, steps++) {
    const t = tokens[j] ?? '';
    if (YOU.has(t)) return true;
    if (!LINK.has(t)) return false;
  }
  return false;
}

/** Shouting: a long stretch written in capitals, not a sentence with a few acronyms (NATO, CSTO). */
export function isShouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 12) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  const capsWords = (text.match(/\b\p{Lu}{3,}\b/gu) ?? []).length;
  return upper / letters.length >= 0.8 && capsWords >= 3;
}

export function checkCivility(text: string, lexicon?: CivilityLexicon): CivilityVerdict {
  const lex = lexicon ? compile(lexicon) : DEFAULT;
  const tokens = normaliseTokens(text);
  const hits: CivilityHit[] = [];
  const seen = new Set<string>();
  const add = (category: CivilityCategory, term: string) => {
    const key = `${category}:${term}`;
    if (seen.has(key)) return;
    seen.add(key);
    hits.push({ category, term });
  };
  tokens.forEach((t, i) => {
    if (lex.slurs.has(t)) add('slur', t);
    else if (lex.insults.has(t)) add('insult', t);
    else if (lex.adjectives.has(t) && aimedAtListener(tokens, i)) add('attack', `you … ${t}`);
  });
  for (const phrase of lex.phrases) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((w, k) => tokens[i + k] === w)) {
        add('attack', phrase.join(' '));
        break;
      }
    }
  }
  if (isShouting(text)) add('shouting', 'ALL CAPS');
  return { civil: hits.length === 0, hits };
}
