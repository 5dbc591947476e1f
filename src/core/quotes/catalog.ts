/**
 * Stage 4: the speaker catalog. Names met across the corpus become one entity per person or organisation:
 * a bare last name ("Hill") joins the full name it shortens ("Fiona Hill"), preferring the same document; spelling
 * variants of a first name with the same last name join ("Kasim-Jomart"/"Kassym-Jomart Tokayev"). Each entity
 * keeps every form it was called by as an alias, and the role the text gives it (a title, else an appositive).
 */
import { editDistance } from '../text/closest.js';
import type { Named } from './attribute.js';
import { HONORIFICS } from './lexicon.js';
import type { Speaker } from './types.js';

export interface Catalog {
  /** The entity a name (as met at one place) belongs to. */
  entityOf(n: Named): Entity;
  readonly entities: readonly Entity[];
}

export interface Entity {
  name: string;
  readonly aliases: Set<string>;
  readonly titles: Map<string, number>;
  readonly roles: string[];
  org: boolean;
  quotes: number;
  /** The name was met only in capitals so far, and is shown in the usual case until it is met as written. */
  recased?: boolean;
}

const cleanOf = (s: string) => s.replace(/^the\s+/i, '').trim();
const lastOf = (s: string) => (s.split(/\s+/).pop() ?? '').toLowerCase();
const firstOf = (s: string) => (s.split(/\s+/)[0] ?? '').toLowerCase();
const lastWordOf = (s: string) => s.split(/\s+/).pop() ?? s;
const titleOf = (s: string) => s.replace(/^the\s+/i, '');

/** Written in capitals throughout ("DENISE MARCHBANKS", "ATTORNEY GENERAL"). */
const isShouted = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
/** "DENISE MARCHBANKS" -> "Denise Marchbanks". */
const usualCase = (s: string) =>
  s.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, b: string, c: string) => b + c.toUpperCase());

/** What the catalog reads off a name (or title) string. */
interface Forms {
  readonly clean: string;
  readonly last: string;
  readonly first: string;
  readonly lower: string;
  readonly lastWord: string;
  readonly title: string;
}

/**
 * Each string's forms, worked out once per distinct string and found with one look-up: names repeat across a
 * corpus far more than they vary.
 */
function formsTable(): (s: string) => Forms {
  const cache = new Map<string, Forms>();
  return (s: string) => {
    let r = cache.get(s);
    if (r === undefined) {
      r = {
        clean: cleanOf(s),
        last: lastOf(s),
        first: firstOf(s),
        lower: s.toLowerCase(),
        lastWord: lastWordOf(s),
        title: titleOf(s),
      };
      cache.set(s, r);
    }
    return r;
  };
}

interface FullForm {
  readonly form: string;
  /** firstOf(form). */
  readonly first: string;
  count: number;
  readonly places: Set<string>;
}

/** Where a name was met: document and comment ("doc#" for the article, "doc#2" for comment 2). */
function placeKeys(): (n: Named) => string {
  let placeDoc = '';
  let placeComment: number | null | undefined;
  let placeKey = '';
  return (n: Named): string => {
    if (n.documentId !== placeDoc || n.comment !== placeComment) {
      placeDoc = n.documentId;
      placeComment = n.comment;
      placeKey = `${n.documentId}#${n.comment ?? ''}`;
    }
    return placeKey;
  };
}

/**
 * Distinct full names by last name, with how often and where (document and comment) they occur. (A function of its
 * own, like the catalog's other loop, so that V8 optimizes each loop once.)
 */
function fullFormsByLast(
  all: readonly Named[],
  formsOf: (s: string) => Forms,
  placeOf: (n: Named) => string,
  isBody: (n: Named) => boolean,
): Map<string, Map<string, FullForm>> {
  const fullByLast = new Map<string, Map<string, FullForm>>();
  for (const n of all) {
    if (!n.name.includes(' ') || isBody(n)) continue;
    const named = formsOf(n.name);
    const k = named.last;
    let forms = fullByLast.get(k);
    if (!forms) {
      forms = new Map<string, FullForm>();
      fullByLast.set(k, forms);
    }
    const form = named.clean;
    let f = forms.get(form);
    if (!f) {
      f = { form, first: formsOf(form).first, count: 0, places: new Set<string>() };
      forms.set(form, f);
    }
    f.count++;
    f.places.add(placeOf(n));
  }
  return fullByLast;
}

/** A role given as what someone was at the time: "then a senior engineer", "at the time a …". */
const PAST_ROLE = /^(?:then|at the time|formerly)\s/i;

export function buildCatalog(all: readonly Named[]): Catalog {
  const formsOf = formsTable();
  // A name the text shows to be a body once ("Patients First, a charity that …") is a body wherever it is met:
  // "Patients First said" elsewhere is no person with the last name "First".
  const bodies = new Set<string>();
  // An acronym introduced in brackets ("the Medicines Safety Agency (MSA)") names the same body: "the MSA said".
  const acronyms = new Map<string, string>();
  // A body's first word alone names it ("Helix said" after "Helix Orbital"), when it begins one body only (null
  // when several) and ends no person's name met.
  const byFirstWord = new Map<string, string | null>();
  const personLast = new Set<string>();
  for (const n of all) {
    const clean = formsOf(n.name).clean;
    // (Names of two words or more: a lone surname read once as a body, "Patel", must not make the person one.)
    if (n.org && clean.includes(' ')) {
      const lower = formsOf(clean).lower;
      if (!bodies.has(lower)) {
        bodies.add(lower);
        const first = lower.slice(0, lower.indexOf(' '));
        byFirstWord.set(first, byFirstWord.has(first) ? null : clean);
      }
    } else if (!n.org && clean.includes(' ')) personLast.add(formsOf(clean).lastWord.toLowerCase());
    if (n.acronym !== undefined && !acronyms.has(n.acronym)) acronyms.set(n.acronym, clean);
  }
  // How n is read here (set by `readMet`, no object per call): its name, whether it is a body, a further alias.
  let metName = '';
  let metOrg = false;
  let metAlias: string | undefined;
  const readMet = (n: Named): void => {
    metName = n.name;
    metOrg = n.org;
    metAlias = n.alias;
    if (n.acronym !== undefined) {
      metOrg = true;
      metAlias ??= n.acronym;
      return;
    }
    const full = acronyms.size > 0 ? acronyms.get(n.name) : undefined;
    if (full !== undefined) {
      metName = full;
      metOrg = true;
      metAlias = n.name;
    } else if (!metOrg && bodies.size > 0) metOrg = bodies.has(formsOf(formsOf(n.name).clean).lower);
    if (byFirstWord.size > 0 && n.title === null && !n.name.includes(' ')) {
      const lower = formsOf(formsOf(n.name).clean).lower;
      const body = personLast.has(lower) ? undefined : byFirstWord.get(lower);
      if (body) {
        metName = body;
        metOrg = true;
        metAlias ??= n.name;
      }
    }
  };
  const isBody = (n: Named): boolean => {
    readMet(n);
    return metOrg;
  };
  const placeOf = placeKeys();
  const fullByLast = fullFormsByLast(all, formsOf, placeOf, isBody);
  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>();
  const frequent = (list: readonly FullForm[]): string | null => {
    let best: FullForm | null = null;
    for (const f of list)
      if (!best || f.count > best.count || (f.count === best.count && f.form.length > best.form.length))
        best = f;
    return best?.form ?? null;
  };
  const distances = new Map<string, Map<string, boolean>>();
  const closeFirstNames = (a: string, b: string): boolean => {
    let row = distances.get(a);
    if (!row) {
      row = new Map();
      distances.set(a, row);
    }
    let close = row.get(b);
    if (close === undefined) {
      close = editDistance(a, b) <= 2;
      row.set(b, close);
    }
    return close;
  };
  // The most frequent full form among the spelling variants of a first name with last name k (fullByLast is
  // complete before any look-up, so this depends on k and the first name only).
  const variants = new Map<string, string | null>();
  const frequentVariant = (k: string, name: string): string | null => {
    const f = formsOf(name).first;
    const key = `${k}\u0000${f}`;
    let hit = variants.get(key);
    if (hit === undefined) {
      const list: FullForm[] = [];
      for (const c of fullByLast.get(k)?.values() ?? []) if (closeFirstNames(c.first, f)) list.push(c);
      hit = frequent(list);
      variants.set(key, hit);
    }
    return hit;
  };

  const memoByPlace = new Map<string, Map<string, string>>();
  let memoPlace = '';
  let memoHere = new Map<string, string>();
  /** The full form of n's name, cleaned (`name`). */
  const fullFormOf = (n: Named, name: string, org: boolean): string => {
    if (org) return name;
    const place = placeOf(n);
    if (place !== memoPlace) {
      memoPlace = place;
      let m = memoByPlace.get(place);
      if (!m) {
        m = new Map();
        memoByPlace.set(place, m);
      }
      memoHere = m;
    }
    const known = memoHere.get(name);
    if (known !== undefined) return known;
    const k = formsOf(name).last;
    let result = name;
    if (name.includes(' ')) {
      // Spelling variants of the first name: the most frequent full form stands for all.
      result = frequentVariant(k, name) ?? name;
    } else {
      const all = [...(fullByLast.get(k)?.values() ?? [])];
      const here = all.filter((c) => c.places.has(place));
      const candidates = here.length > 0 ? here : all;
      const head = candidates[0];
      if (head && candidates.every((c) => closeFirstNames(c.first, head.first))) {
        const chosen = frequent(candidates) ?? name;
        result = frequentVariant(k, chosen) ?? chosen;
      }
    }
    memoHere.set(name, result);
    return result;
  };

  const entityOf = (n: Named): Entity => {
    readMet(n);
    const org = metOrg;
    const alias = metAlias;
    const form = formsOf(metName).clean;
    const full = fullFormOf(n, form, org);
    const fullForms = formsOf(full);
    const key = fullForms.lower;
    let e = byKey.get(key);
    const spaced = full.includes(' ');
    if (!e) {
      e = {
        // A transcript's label prints the name in capitals ("DENISE MARCHBANKS"): a person's name is shown as written
        // elsewhere, or else in the usual case.
        name: full,
        aliases: new Set(),
        titles: new Map(),
        roles: [],
        org: org || !spaced,
        quotes: 0,
      };
      if (spaced && !org && isShouted(full)) [e.name, e.recased] = [usualCase(full), true];
      byKey.set(key, e);
      entities.push(e);
    }
    if (!org && (spaced || n.title)) e.org = false;
    e.aliases.add(form);
    if (!e.org || org) {
      if (spaced && !org) e.aliases.add(fullForms.lastWord);
    }
    if (e.recased === true && !isShouted(full)) [e.name, e.recased] = [full, false];
    if (n.title && !org) {
      const t = formsOf(n.title).title;
      // The role is shown in the usual case ("ATTORNEY GENERAL DENISE MARCHBANKS:" -> "Attorney General").
      const shown = isShouted(t) ? usualCase(t) : t;
      e.titles.set(shown, (e.titles.get(shown) ?? 0) + 1);
      e.aliases.add(`${t} ${form}`);
    }
    // Only the first role is ever used (speakerOf): the rest are not kept. A role the text dates to the past
    // ("then a senior engineer at Helix") gives way to a later one that is not.
    if (n.role && (e.roles.length === 0 || (PAST_ROLE.test(e.roles[0] as string) && !PAST_ROLE.test(n.role))))
      e.roles[0] = n.role;
    if (alias) e.aliases.add(alias);
    return e;
  };
  for (const n of all) entityOf(n);
  return { entityOf, entities };
}

/** An honorific alone, or after a transcript's "Q." ("Q. Mr." before "Halvorsen, the board says …"). */
const HONORIFIC = new RegExp(`^(?:[QA]\\.\\s*)?(?:${HONORIFICS})\\.?$`, 'i');

export function speakerOf(e: Entity): Speaker {
  let role: string | null = null;
  let best = 0;
  for (const [t, c] of e.titles) {
    const score = c * 10 + t.split(/\s+/).length;
    // An honorific alone ("Dr", "Prof.", "Mr.") says nothing of what the person does: a role the text gives does.
    if (score > best && !/^\p{Ll}/u.test(t) && !HONORIFIC.test(t)) [role, best] = [t, score];
  }
  role ??= e.roles[0] ?? null;
  const aliases = [...new Map([...e.aliases].map((a) => [a.toLowerCase(), a])).values()].filter(
    (a) => a.toLowerCase() !== e.name.toLowerCase(),
  );
  return {
    id: e.name.toLowerCase().replace(/\s+/g, '-'),
    name: e.name,
    aliases: [e.name, ...aliases],
    role,
    kind: e.org ? 'organisation' : 'person',
    quotes: e.quotes,
  };
}
