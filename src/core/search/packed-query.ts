/**
 * MiniSearch's text query with its arrays built by pushes, so its code is optimised once and stays so.
 *
 * MiniSearch 7 reads a text query with `flatMap`, `filter` and two `map`s (`executeQuery`, private in its types),
 * each result read by the next step. V8 makes those arrays holey or packed depending on whether the code making
 * them runs optimised (its inlined `map` returns a holey array, the builtin a packed one; `filter` of a holey array
 * the other way round), so once `search` was optimised on the interpreter's feedback, each step in turn met a kind
 * of array it had not seen and the whole search deoptimised: three times in a row as the bot warmed up, each time
 * back to slow code until it was compiled again. Here the same steps, in the same order with the same arguments,
 * build their arrays with pushes, which give the same kind at every tier. A query that is not text, or an instance
 * without these methods (another MiniSearch version), runs MiniSearch's own code.
 */
import type MiniSearch from 'minisearch';

type Options = Record<string, unknown> & {
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | string[] | null | undefined | false;
  fuzzy?: unknown;
  prefix?: unknown;
  boostTerm?: unknown;
  combineWith?: string;
};
type QuerySpec = { term: string; fuzzy: unknown; prefix: unknown; termBoost: unknown };
interface QueryMethods {
  _options?: Options & { searchOptions?: Record<string, unknown> };
  executeQuery?: (query: unknown, searchOptions?: Record<string, unknown>) => unknown;
  executeQuerySpec?: (query: QuerySpec, options: Options) => unknown;
  combineResults?: (results: unknown[], combineWith?: string) => unknown;
}
type TermOption = (term: string, i: number, terms: string[]) => unknown;

/** Installs the packed text query on `mini` (see above); nothing when its methods are not the expected ones. */
export function packedQueries(mini: MiniSearch): void {
  const target = mini as unknown as QueryMethods;
  const own = target.executeQuery;
  if (
    typeof own !== 'function' ||
    typeof target.executeQuerySpec !== 'function' ||
    typeof target.combineResults !== 'function' ||
    typeof target._options?.tokenize !== 'function' ||
    typeof target._options.processTerm !== 'function'
  )
    return;
  target.executeQuery = function (this: QueryMethods, query, searchOptions = {}) {
    if (typeof query !== 'string') return own.call(this, query, searchOptions);
    const {
      tokenize,
      processTerm,
      searchOptions: globalSearchOptions,
    } = this._options as Options & {
      searchOptions?: Record<string, unknown>;
    };
    const options = { tokenize, processTerm, ...globalSearchOptions, ...searchOptions } as Options;
    // tokenize, then flatMap(processTerm) and filter(!!term): a term processed into an array is flattened one level.
    const tokens = options.tokenize(query);
    const terms: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const processed = options.processTerm(tokens[i] as string);
      if (Array.isArray(processed)) {
        for (let k = 0; k < processed.length; k++) if (processed[k]) terms.push(processed[k] as string);
      } else if (processed) terms.push(processed);
    }
    // Every term's spec first (termToQuerySpec), then each spec's results, as MiniSearch does.
    const specs: QuerySpec[] = [];
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as string;
      const fuzzy =
        typeof options.fuzzy === 'function'
          ? (options.fuzzy as TermOption)(term, i, terms)
          : options.fuzzy || false;
      const prefix =
        typeof options.prefix === 'function'
          ? (options.prefix as TermOption)(term, i, terms)
          : options.prefix === true;
      const termBoost =
        typeof options.boostTerm === 'function' ? (options.boostTerm as TermOption)(term, i, terms) : 1;
      specs.push({ term, fuzzy, prefix, termBoost });
    }
    const results: unknown[] = [];
    for (let i = 0; i < specs.length; i++)
      results.push(
        (this.executeQuerySpec as NonNullable<QueryMethods['executeQuerySpec']>)(
          specs[i] as QuerySpec,
          options,
        ),
      );
    return (this.combineResults as NonNullable<QueryMethods['combineResults']>)(results, options.combineWith);
  };
}
