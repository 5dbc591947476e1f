/**
 * Stage 4: the speaker catalog. Names met across the corpus become one entity per person or organisation:
 * a bare last name ("Hill") joins the full name it shortens ("Fiona Hill"), preferring the same document; spelling
 * variants of a first name with the same last name join ("Kasim-Jomart"/"Kassym-Jomart Tokayev"). Each entity
 * keeps every form it was called by as an alias, and the role the text gives it (a title, else an appositive).
 */
import { editDistance } from '../text/closest.js';
import type { Named } from './attribute.js';
import type { Speaker } from './types.js';

export interface Catalog {
  /** The entity a name (as met at one place) belongs to. */
  entityOf(n: Named): Entity;
  readonly entities: readonly Entity[];
}

export interface Entity {
  name: string;
  readonly forms: Map<string, number>;
  readonly aliases: Set<string>;
  readonly titles: Map<string, number>;
  readonly roles: string[];
  org: boolean;
  quotes: number;
}

const clean = (s: string) => s.replace(/^the\s+/i, '').trim();
const last = (s: string) => (s.split(/\s+/).pop() ?? '').toLowerCase();
const first = (s: string) => (s.split(/\s+/)[0] ?? '').toLowerCase();
const multi = (n: Named) => !n.org && n.name.includes(' ');

interface FullForm {
  readonly form: string;
  count: number;
  readonly places: Set<string>;
}

export function buildCatalog(all: readonly Named[]): Catalog {
  // Distinct full names by last name, with how often and where (document and comment) they occur.
  const fullByLast = new Map<string, Map<string, FullForm>>();
  for (const n of all) {
    if (!multi(n)) continue;
    const k = last(n.name);
    const forms = fullByLast.get(k) ?? new Map<string, FullForm>();
    fullByLast.set(k, forms);
    const form = clean(n.name);
    const f = forms.get(form) ?? { form, count: 0, places: new Set<string>() };
    f.count++;
    f.places.add(`${n.documentId}#${n.comment ?? ''}`);
    forms.set(form, f);
  }
  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>();
  const frequent = (list: readonly FullForm[]): string | null => {
    let best: FullForm | null = null;
    for (const f of list)
      if (!best || f.count > best.count || (f.count === best.count && f.form.length > best.form.length))
        best = f;
    return best?.form ?? null;
  };
  const variantsOf = (k: string, name: string): FullForm[] =>
    [...(fullByLast.get(k)?.values() ?? [])].filter((c) => editDistance(first(c.form), first(name)) <= 2);

  const memo = new Map<string, string>();
  const fullFormOf = (n: Named): string => {
    const name = clean(n.name);
    if (n.org) return name;
    const place = `${n.documentId}#${n.comment ?? ''}`;
    const key = `${name}\u0000${place}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const k = last(name);
    let result = name;
    if (name.includes(' ')) {
      // Spelling variants of the first name: the most frequent full form stands for all.
      result = frequent(variantsOf(k, name)) ?? name;
    } else {
      const all = [...(fullByLast.get(k)?.values() ?? [])];
      const here = all.filter((c) => c.places.has(place));
      const candidates = here.length > 0 ? here : all;
      const head = candidates[0];
      if (head && candidates.every((c) => editDistance(first(c.form), first(head.form)) <= 2)) {
        const chosen = frequent(candidates) ?? name;
        result = frequent(variantsOf(k, chosen)) ?? chosen;
      }
    }
    memo.set(key, result);
    return result;
  };

  const entityOf = (n: Named): Entity => {
    const full = fullFormOf(n);
    const key = full.toLowerCase();
    let e = byKey.get(key);
    if (!e) {
      e = {
        name: full,
        forms: new Map(),
        aliases: new Set(),
        titles: new Map(),
        roles: [],
        org: n.org || !full.includes(' '),
        quotes: 0,
      };
      byKey.set(key, e);
      entities.push(e);
    }
    if (!n.org && (full.includes(' ') || n.title)) e.org = false;
    const form = clean(n.name);
    e.forms.set(form, (e.forms.get(form) ?? 0) + 1);
    e.aliases.add(form);
    if (!e.org || n.org) {
      if (full.includes(' ') && !n.org) e.aliases.add(full.split(/\s+/).pop() ?? full);
    }
    if (n.title && !n.org) {
      const title = n.title.replace(/^the\s+/i, '');
      e.titles.set(title, (e.titles.get(title) ?? 0) + 1);
      e.aliases.add(`${title} ${form}`);
    }
    if (n.role) e.roles.push(n.role);
    if (n.alias) e.aliases.add(n.alias);
    return e;
  };
  for (const n of all) entityOf(n);
  return { entityOf, entities };
}

export function speakerOf(e: Entity): Speaker {
  let role: string | null = null;
  let best = 0;
  for (const [t, c] of e.titles) {
    const score = c * 10 + t.split(/\s+/).length;
    if (score > best && !/^\p{Ll}/u.test(t)) [role, best] = [t, score];
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
