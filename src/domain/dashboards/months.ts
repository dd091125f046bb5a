/** Month buckets shared by the charts that run over time. */

/**
 * Every month from the first to the last month index, inclusive (an empty month still gets a bar).
 * @example monthRange([24302, 24300]) // [24300, 24301, 24302]
 */
export function monthRange(seen: Iterable<number>): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const m of seen) {
    if (m < min) min = m;
    if (m > max) max = m;
  }
  const out: number[] = [];
  for (let m = min; m <= max; m++) out.push(m);
  return out;
}
