/** Closest names to a misspelt or partial one: prefix and substring matches first, then small edit distances. */
export function closestNames(query: string, names: readonly string[], limit = 5): string[] {
  const q = query.trim().toLowerCase();
  if (q.length === 0) return names.slice(0, limit);
  const scored = names.map((name) => {
    const n = name.toLowerCase();
    let score: number;
    if (n === q) score = 0;
    else if (n.startsWith(q) || n.split(/\s+/).some((w) => w.startsWith(q))) score = 1;
    else if (n.includes(q)) score = 2;
    else
      score =
        3 +
        Math.min(
          ...n
            .split(/\s+/)
            .concat(n)
            .map((w) => editDistance(q, w)),
        ) /
          Math.max(q.length, 1);
    return { name, score };
  });
  return scored
    .filter((s) => s.score < 3.5)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
