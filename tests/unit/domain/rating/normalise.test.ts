import { describe, expect, it } from 'vitest';
import { normaliseCriterion } from '../../../../src/domain/rating/normalise';
import { normaliseWeights, restrictWeights } from '../../../../src/domain/rating/weights';

describe('criterion normalisation', () => {
  it.each([
    ['benefit', [10, 20, 30, null], [0, 0.5, 1, null]],
    ['cost', [10, 20, 30, null], [1, 0.5, 0, null]],
    ['benefit', [5, 5], [1, 1]],
    ['cost', [null, null], [null, null]],
  ] as const)('%s %j → %j', (direction, values, expected) => {
    expect(normaliseCriterion(values, direction)).toEqual(expected);
  });
});

describe('weights', () => {
  it('direct weights are scaled to sum 1', () => {
    expect(normaliseWeights([2, 1, 1])).toEqual([0.5, 0.25, 0.25]);
    expect(normaliseWeights([0, 0])).toEqual([0.5, 0.5]);
    expect(normaliseWeights([-1, 1])).toEqual([0, 1]);
  });

  it('a criterion without data gives its weight to the others in proportion', () => {
    const w = restrictWeights([0.5, 0.3, 0.2], [true, false, true]);
    expect(w[0]).toBeCloseTo(0.5 / 0.7, 12);
    expect(w[1]).toBe(0);
    expect(w[2]).toBeCloseTo(0.2 / 0.7, 12);
  });
});
