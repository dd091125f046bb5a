import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcTiers } from '../../../../src/domain/analytics/tiers';
import type { AbcTier } from '../../../../src/domain/types';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i).padStart(4, '0')}`);

describe('abcTiers', () => {
  it.each<[string, number[], AbcTier[]]>([
    ['the JSDoc example', [50, 30, 10, 6, 4, 0, -5], ['A', 'A', 'B', 'B', 'C', 'N', 'Z']],
    // P = 100. Share before: 0 (A), 0.7 (A: 0.7 < 0.8) → the customer crossing 80 % is A.
    ['the customer that crosses 80 % is A', [70, 20, 6, 4], ['A', 'A', 'B', 'C']],
    // Share before the third = 0.8 exactly: not < 0.8 → B.
    ['a customer starting exactly at 80 % is B', [60, 20, 15, 5], ['A', 'A', 'B', 'C']],
    // Share before the fourth = 0.95 exactly → C.
    ['a customer starting exactly at 95 % is C', [60, 20, 15, 5].reverse(), ['C', 'B', 'A', 'A']],
    ['a single customer is A', [123], ['A']],
    // No positive value in the period is its own group (no purchase), never C.
    ['a single customer with zero value is N', [0], ['N']],
    ['all negative: every customer is Z', [-1, -50, -3], ['Z', 'Z', 'Z']],
    ['all zero: every customer is N', [0, 0, 0], ['N', 'N', 'N']],
    // Returns that exceed the period's sales leave a negative value: Z.
    ['net negative from returns is Z, no purchase is N', [100, -30, 0], ['A', 'Z', 'N']],
    // Ties: 40, 40, 20 → shares before 0, 0.4 (group of 40s starts at 0) → both A; 20 starts at 0.8 → B.
    ['equal values share the tier of the first of them', [40, 20, 40], ['A', 'B', 'A']],
    // 50 then three 10s then 20 → ranking 50, 20, 10, 10, 10 (P = 100): 10s start at 0.7 → all A.
    [
      'a tie group straddling the cut is all in the higher tier',
      [10, 50, 10, 20, 10],
      ['A', 'A', 'A', 'A', 'A'],
    ],
    ['one positive among negatives is A', [-10, 5, -1], ['Z', 'A', 'Z']],
  ])('%s', (_name, values, tiers) => {
    expect(abcTiers(values, ids(values.length), 0.8, 0.95).tiers).toEqual(tiers);
  });

  it('reports P and the lowest A and B values', () => {
    const r = abcTiers([50, 30, 10, 6, 4, 0, -5], ids(7), 0.8, 0.95);
    expect(r.totalPositive).toBe(100);
    expect(r.minValueA).toBe(30);
    expect(r.minValueB).toBe(6);
    expect(Array.from(r.shareBefore)).toEqual([0, 0.5, 0.8, 0.9, 0.96, 0, 0]);
  });

  it('follows the cut points of the settings', () => {
    expect(abcTiers([50, 30, 20], ids(3), 0.5, 0.75).tiers).toEqual(['A', 'B', 'C']);
  });
});

const valuesArb = fc.array(fc.integer({ min: -1_000_000, max: 10_000_000 }), { minLength: 1, maxLength: 60 });
const cutsArb = fc
  .tuple(fc.double({ min: 0.05, max: 0.9, noNaN: true }), fc.double({ min: 0.01, max: 0.5, noNaN: true }))
  .map(([a, gap]) => [a, Math.min(1, a + gap)] as const);

describe('abcTiers properties', () => {
  it('every customer gets exactly one tier: Z exactly when the value is negative, N when it is 0', () => {
    fc.assert(
      fc.property(valuesArb, cutsArb, (values, [a, b]) => {
        const { tiers } = abcTiers(values, ids(values.length), a, b);
        expect(tiers).toHaveLength(values.length);
        tiers.forEach((t, i) => {
          expect(['A', 'B', 'C', 'N', 'Z']).toContain(t);
          expect(t === 'Z').toBe((values[i] ?? 0) < 0);
          expect(t === 'N').toBe((values[i] ?? 0) === 0);
        });
      }),
    );
  });

  it('tiers do not change when the rows are reordered', () => {
    fc.assert(
      fc.property(
        valuesArb.chain((values) =>
          fc.tuple(
            fc.constant(values),
            fc.shuffledSubarray(
              values.map((_, i) => i),
              { minLength: values.length },
            ),
          ),
        ),
        cutsArb,
        ([values, perm], [a, b]) => {
          const names = ids(values.length);
          const base = abcTiers(values, names, a, b).tiers;
          const shuffled = abcTiers(
            perm.map((i) => values[i] ?? 0),
            perm.map((i) => names[i] ?? ''),
            a,
            b,
          ).tiers;
          perm.forEach((i, k) => expect(shuffled[k]).toBe(base[i]));
        },
      ),
    );
  });

  it('the values by tier sum to the total, and A holds at least cutA of P', () => {
    fc.assert(
      fc.property(valuesArb, cutsArb, (values, [a, b]) => {
        const r = abcTiers(values, ids(values.length), a, b);
        const byTier: Record<AbcTier, number> = { A: 0, B: 0, C: 0, N: 0, Z: 0 };
        r.tiers.forEach((t, i) => (byTier[t] += values[i] ?? 0));
        expect(byTier.N).toBe(0);
        expect(byTier.A + byTier.B + byTier.C + byTier.Z).toBe(values.reduce((s, v) => s + v, 0));
        if (r.totalPositive > 0) expect(byTier.A).toBeGreaterThanOrEqual(a * r.totalPositive - 1e-6);
        // A is never lower than B, B never lower than C (among positive values).
        values.forEach((v, i) => {
          values.forEach((w, j) => {
            if (v > w && w > 0) expect(r.tiers[i]! <= r.tiers[j]!).toBe(true);
          });
        });
      }),
    );
  });
});
