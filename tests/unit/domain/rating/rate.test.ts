import { describe, expect, it } from 'vitest';
import { rateCustomers, type RatingRun } from '../../../../src/domain/rating/rate';

const cuts = { core: 60, key: 45, ordinary: 30 };

function run(overrides: Partial<RatingRun>): RatingRun {
  return {
    customerIds: ['a', 'b', 'c'],
    criteria: [
      { key: 'contemporaryValue', direction: 'benefit', values: [100, 50, 0] },
      { key: 'complaints', direction: 'cost', values: [0, 1, 2] },
    ],
    weights: [0.5, 0.5],
    aggregation: 'weighted',
    rho: 0.5,
    cuts,
    ...overrides,
  };
}

describe('rating engine', () => {
  it('weighted sum: 100 · Σ w x on normalised values, graded by the cut points', () => {
    const { ratings } = rateCustomers(run({}));
    expect(ratings.map((r) => r.score)).toEqual([100, 50, 0]);
    expect(ratings.map((r) => r.grade)).toEqual(['core', 'key', 'potential']);
  });

  it('a criterion with no data is left out and named; the rating runs on the rest', () => {
    const outcome = rateCustomers(
      run({
        criteria: [
          { key: 'loyaltyIndex', direction: 'benefit', values: [null, null, null] },
          { key: 'paymentBehaviour', direction: 'benefit', values: [1, 0.5, 0] },
        ],
        weights: [0.7, 0.3],
      }),
    );
    expect(outcome.noData).toEqual(['loyaltyIndex']);
    expect(outcome.effectiveWeights).toEqual([0, 1]);
    expect(outcome.ratings.map((r) => r.score)).toEqual([100, 50, 0]);
  });

  it('a customer with values for less than half of the weight is not graded', () => {
    const { ratings } = rateCustomers(
      run({
        criteria: [
          { key: 'contemporaryValue', direction: 'benefit', values: [100, null, 0] },
          { key: 'strategicImportance', direction: 'benefit', values: [5, 5, 1] },
        ],
        weights: [0.6, 0.4],
      }),
    );
    expect(ratings[1]).toMatchObject({ score: null, grade: null });
    expect(ratings[0]?.score).toBe(100);
  });

  it('a customer missing a value is scored on the criteria present, their weights scaled to sum 1', () => {
    const { ratings } = rateCustomers(
      run({
        criteria: [
          { key: 'contemporaryValue', direction: 'benefit', values: [100, 0, null] },
          { key: 'strategicImportance', direction: 'benefit', values: [5, 1, 3] },
        ],
        weights: [0.4, 0.6],
      }),
    );
    // c: strategic importance alone (0.6 of the weight), normalised (3 − 1) / (5 − 1) = 0.5.
    expect(ratings.map((r) => r.score)).toEqual([100, 0, 50]);
    expect(ratings.map((r) => r.grade)).toEqual(['core', 'potential', 'key']);
  });

  it('GRA: the score rescales γ from [ρ/(1+ρ), 1] to [0, 100]', () => {
    const { ratings } = rateCustomers(run({ aggregation: 'gra' }));
    expect(ratings[0]?.grey).toBe(1);
    expect(ratings[0]?.score).toBe(100);
    expect(ratings[2]?.grey).toBeCloseTo(1 / 3, 12);
    expect(ratings[2]?.score).toBeCloseTo(0, 9);
    // Middle customer: Δ = 0.5 on both, ξ = 0.5 / 1 = 0.5 → (0.5 − 1/3) / (2/3) = 25.
    expect(ratings[1]?.score).toBeCloseTo(25, 9);
    expect(ratings[1]?.grade).toBe('potential');
  });

  it('fuzzy: B over (core, key, ordinary, potential) and the maximum-membership grade', () => {
    const { ratings } = rateCustomers(run({ aggregation: 'fuzzy' }));
    expect(ratings[0]?.membership).toEqual([1, 0, 0, 0]);
    expect(ratings[0]?.grade).toBe('core');
    // x = 0.5 on both criteria: half key, half ordinary; the tie goes to the lower grade.
    ratings[1]?.membership?.forEach((b, k) => expect(b).toBeCloseTo([0, 0.5, 0.5, 0][k] ?? NaN, 12));
    expect(ratings[1]?.grade).toBe('ordinary');
    expect(ratings[1]?.score).toBeCloseTo(50, 9);
    expect(ratings[2]?.grade).toBe('potential');
  });
});
