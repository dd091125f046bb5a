/**
 * Reference: fuzzy comprehensive evaluation with M(·,+), from the mathmodels R package documentation
 * (zhjx19/mathmodels, docs/reference/fuzzy_eval.md), copied unchanged in
 * tests/fixtures/mcdm/fuzzy-weighted-sum.json. The published B is matched exactly (to 1e-12).
 */
import { describe, expect, it } from 'vitest';
import fuzzy from '../../../fixtures/mcdm/fuzzy-weighted-sum.json';
import { evenCentres, fuzzyComposite, triangularMemberships } from '../../../../src/domain/rating/fuzzy';

describe('fuzzy comprehensive evaluation (mathmodels documentation)', () => {
  it('B = A ∘ R = (0.70, 0.16, 0.14)', () => {
    const b = fuzzyComposite(fuzzy.weights, fuzzy.R_factors_x_grades);
    expect(b).toHaveLength(3);
    b.forEach((bk, k) => expect(bk).toBeCloseTo(fuzzy.published_B[k] ?? NaN, 12));
  });
});

describe('triangular memberships', () => {
  const centres = evenCentres(4);

  it.each([
    [0, [1, 0, 0, 0]],
    [0.5, [0, 0.5, 0.5, 0]],
    [0.9, [0, 0, 0.3, 0.7]],
    [1, [0, 0, 0, 1]],
    [-0.2, [1, 0, 0, 0]],
    [1 / 3, [0, 1, 0, 0]],
  ])('x = %d', (x, expected) => {
    const m = triangularMemberships(x, centres);
    m.forEach((v, k) => expect(v).toBeCloseTo(expected[k] ?? NaN, 12));
    expect(m.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('evenly spaced peaks', () => {
    expect(evenCentres(4)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(evenCentres(1)).toEqual([1]);
  });
});
