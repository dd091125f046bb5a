import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateRows } from '../../../../src/domain/clv';

describe('aggregateRows', () => {
  it('merges identical rows with a weight and codes each column by level', () => {
    const rows = aggregateRows([Float64Array.of(0, 1, 0, 2), Float64Array.of(5, 5, 5, 3)]);
    expect(Array.from(rows.weight)).toEqual([2, 1, 1]);
    expect(rows.levels.map((l) => Array.from(l))).toEqual([
      [0, 1, 2],
      [3, 5],
    ]);
    expect(rows.index.map((l) => Array.from(l))).toEqual([
      [0, 1, 2],
      [1, 1, 0],
    ]);
  });

  it('handles no rows', () => {
    const rows = aggregateRows([new Float64Array(0), new Float64Array(0)]);
    expect(rows.weight).toHaveLength(0);
    expect(rows.levels.map((l) => l.length)).toEqual([0, 0]);
  });

  it('keeps every row: expanding the weights gives back the same multiset of rows', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(0, 0.5, 1.25, 7));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (input) => {
        const rows = aggregateRows([
          Float64Array.from(input, (r) => r[0]),
          Float64Array.from(input, (r) => r[1]),
        ]);
        const expanded: string[] = [];
        rows.weight.forEach((w, i) => {
          const values = rows.index.map((codes, j) => rows.levels[j]![codes[i]!]);
          for (let k = 0; k < w; k++) expanded.push(values.join('|'));
        });
        expect(expanded.sort()).toEqual(input.map((r) => r.join('|')).sort());
        expect(new Set(expanded).size).toBe(rows.weight.length);
      }),
    );
  });
});
