/** Invariants of the AHP weights, checked with fast-check on random matrices. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahpWeights } from '../../../../src/domain/rating/ahp';
import { reciprocalFill, SAATY_SCALE } from '../../../../src/domain/rating/ahp-matrix';

const saaty = fc.constantFrom(...SAATY_SCALE);

/** A random reciprocal matrix of order 2 … 9 on Saaty's scale. */
const reciprocalMatrix = fc
  .integer({ min: 2, max: 9 })
  .chain((n) => fc.array(fc.array(saaty, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }))
  .map((upper) => reciprocalFill(upper));

const positiveWeights = fc
  .array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 12 })
  .map((raw) => {
    const total = raw.reduce((s, w) => s + w, 0);
    return raw.map((w) => w / total);
  });

describe('AHP properties', () => {
  it('weights are positive and sum to 1; CR is never negative', () => {
    fc.assert(
      fc.property(reciprocalMatrix, (matrix) => {
        const { weights, cr, lambdaMax } = ahpWeights(matrix);
        expect(weights).toHaveLength(matrix.length);
        for (const w of weights) expect(w).toBeGreaterThan(0);
        expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 10);
        expect(cr ?? 0).toBeGreaterThanOrEqual(0);
        expect(lambdaMax).toBeGreaterThanOrEqual(matrix.length - 1e-9);
      }),
    );
  });

  it('reciprocal fill holds: a_ii = 1 and a_ij · a_ji = 1', () => {
    fc.assert(
      fc.property(reciprocalMatrix, (a) => {
        a.forEach((row, i) =>
          row.forEach((aij, j) => {
            if (i === j) expect(aij).toBe(1);
            else expect(aij * (a[j]?.[i] ?? NaN)).toBeCloseTo(1, 12);
          }),
        );
      }),
    );
  });

  it('a consistent matrix a_ij = w_i / w_j has CR ≈ 0 and gives back w', () => {
    fc.assert(
      fc.property(positiveWeights, (w) => {
        const matrix = w.map((wi) => w.map((wj) => wi / wj));
        const r = ahpWeights(matrix);
        expect(r.lambdaMax).toBeCloseTo(w.length, 9);
        expect(r.cr ?? 0).toBeLessThan(1e-9);
        r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i] ?? NaN, 9));
      }),
    );
  });
});
