/** The largest value, or `floor` when there is none larger; a loop, since spreading a large array into Math.max overflows the stack. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}
