/**
 * A trie over token texts, so a run of tokens met again (a name, a noun phrase: they recur across a corpus) is
 * found by a few Map lookups instead of building its string first. Each node holds what its run stands for.
 */
import type { Token } from '../corpus/types.js';

export class TokenTrie<T> {
  /** What the run ending at this node stands for, once known. */
  value: T | undefined = undefined;
  /** Nodes made below this one (read on the root: the trie's size). */
  size = 0;
  private next: Map<string, TokenTrie<T>> | undefined = undefined;

  /** The node of the texts of tokens [from, to), made on the way where missing. */
  at(tokens: readonly Token[], from: number, to: number): TokenTrie<T> {
    return TokenTrie.walk(this, tokens, from, to);
  }

  // Static, taking the root as an argument: the walk moves a local node down the trie (lint forbids aliasing `this`).
  private static walk<T>(
    root: TokenTrie<T>,
    tokens: readonly Token[],
    from: number,
    to: number,
  ): TokenTrie<T> {
    let node = root;
    for (let k = from; k < to; k++) {
      const text = (tokens[k] as Token).text;
      const next = (node.next ??= new Map());
      let child = next.get(text);
      if (child === undefined) {
        next.set(text, (child = new TokenTrie<T>()));
        root.size++;
      }
      node = child;
    }
    return node;
  }
}
