/**
 * Reference: Saaty's drinks example as asserted in the AHPy test suite (PhilipGriffith/AHPy,
 * tests/test_ahp.py), copied unchanged in tests/fixtures/mcdm/ahp-saaty-drinks.json.
 */
import { describe, expect, it } from 'vitest';
import drinks from '../../../fixtures/mcdm/ahp-saaty-drinks.json';
import { ahpWeights, CR_LIMIT } from '../../../../src/domain/rating/ahp';
import { inconsistentComparisons } from '../../../../src/domain/rating/ahp-inconsistency';
import {
  judgementMatrix,
  nearestSaaty,
  reciprocalFill,
  setJudgement,
} from '../../../../src/domain/rating/ahp-matrix';
import { randomIndex } from '../../../../src/domain/rating/random-index';

describe("AHP on Saaty's drinks matrix (AHPy test suite)", () => {
  const { labels, matrix, published_weights_4dp: published, published_CR } = drinks.example;
  const result = ahpWeights(matrix, 'saaty2005');

  it('reproduces the published principal-eigenvector weights to 4 decimals', () => {
    labels.forEach((label, i) => {
      const expected = published[label as keyof typeof published];
      expect(Number((result.weights[i] ?? 0).toFixed(4)), label).toBe(expected);
    });
    expect(result.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it("reproduces CR 0.022 with Saaty's 2005 random index (RI(7) = 1.35)", () => {
    expect(result.ri).toBe(1.35);
    expect(Number((result.cr ?? NaN).toFixed(3))).toBe(published_CR['saaty_2005_RI_1.35']);
    expect(result.ci).toBeCloseTo((result.lambdaMax - 7) / 6, 12);
    expect(result.cr).toBeLessThan(CR_LIMIT);
  });

  it('uses the 1980 table when asked (RI(7) = 1.32)', () => {
    const classic = ahpWeights(matrix, 'saaty1980');
    expect(classic.ri).toBe(1.32);
    expect(classic.cr).toBeCloseTo(classic.ci / 1.32, 12);
    expect(classic.weights).toEqual(result.weights);
  });

  it('both random-index tables match the fixture', () => {
    const tables = drinks.random_index_tables;
    for (let n = 3; n <= 15; n++) {
      const key = `n${n}` as keyof typeof tables.saaty_2005_anp_book;
      expect(randomIndex(n, 'saaty2005'), `2005 n=${n}`).toBe(tables.saaty_2005_anp_book[key]);
      expect(randomIndex(n, 'saaty1980'), `1980 n=${n}`).toBe(tables.saaty_1980_classic[key]);
    }
    expect(randomIndex(2, 'saaty2005')).toBe(0);
    expect(randomIndex(16, 'saaty2005')).toBeNull();
  });
});

describe('AHP small cases', () => {
  it('a 2 × 2 matrix is always consistent', () => {
    const r = ahpWeights([
      [1, 3],
      [1 / 3, 1],
    ]);
    expect(r.weights[0]).toBeCloseTo(0.75, 12);
    expect(r.weights[1]).toBeCloseTo(0.25, 12);
    expect(r.cr).toBe(0);
  });

  it('an empty matrix has no weights', () => {
    expect(ahpWeights([]).weights).toEqual([]);
  });
});

describe('building the matrix from judgements', () => {
  it('fills a_ji = 1 / a_ij and a_ii = 1', () => {
    expect(
      reciprocalFill([
        [9, 3, 5],
        [0, 9, 2],
        [0, 0, 9],
      ]),
    ).toEqual([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ]);
  });

  it('reads a judgement in either direction and treats an unjudged pair as equal', () => {
    const judgements = [{ a: 'loyalty', b: 'value', value: 1 / 3 }];
    expect(judgementMatrix(['value', 'loyalty', 'payment'], judgements)).toEqual([
      [1, 3, 1],
      [1 / 3, 1, 1],
      [1, 1, 1],
    ]);
  });

  it('setting a judgement replaces the pair in both directions', () => {
    const judgements = setJudgement([{ a: 'loyalty', b: 'value', value: 1 / 5 }], 'value', 'loyalty', 3);
    expect(judgements).toEqual([{ a: 'value', b: 'loyalty', value: 3 }]);
  });

  it.each([
    [2.6, 3],
    [0.3, 1 / 3],
    [40, 9],
    [1.2, 1],
    [0.01, 1 / 9],
  ])('nearest Saaty value of %d is %d', (value, expected) => {
    expect(nearestSaaty(value)).toBeCloseTo(expected, 12);
  });
});

describe('comparisons contributing most to the inconsistency', () => {
  it('names the judgement that disagrees with the others', () => {
    // value ≻ loyalty 2, loyalty ≻ payment 2, so value ≻ payment should be about 4 — entered as 1/5.
    const matrix = reciprocalFill([
      [1, 2, 1 / 5],
      [0, 1, 2],
      [0, 0, 1],
    ]);
    const { weights, cr } = ahpWeights(matrix);
    expect(cr).toBeGreaterThanOrEqual(CR_LIMIT);
    const top = inconsistentComparisons(matrix, weights, 3);
    // In a 3 × 3 matrix every pair shares the error equally; all three are named, shares sum to 1.
    expect(top).toHaveLength(3);
    expect(top.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1, 12);
  });

  it('ranks a single bad judgement of a larger matrix first and suggests the implied value', () => {
    const w = [0.4, 0.3, 0.15, 0.1, 0.05];
    const upper = w.map((wi, i) => w.map((wj, j) => (j > i ? nearestSaaty(wi / wj) : 1)));
    (upper[0] as number[])[4] = 1 / 7; // should be about 8
    const matrix = reciprocalFill(upper);
    const { weights } = ahpWeights(matrix);
    const [first] = inconsistentComparisons(matrix, weights, 3);
    expect(first).toMatchObject({ i: 0, j: 4, value: 1 / 7 });
    // The other judgements pull w_0 / w_4 well above what was entered.
    expect(first?.implied).toBeGreaterThan(3 * (1 / 7));
  });

  it('the shares decompose λmax − n exactly', () => {
    const matrix = drinks.example.matrix;
    const { weights, lambdaMax } = ahpWeights(matrix);
    const n = matrix.length;
    let sum = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const e = ((matrix[i]?.[j] ?? 1) * (weights[j] ?? 0)) / (weights[i] ?? 1);
        sum += e + 1 / e - 2;
      }
    expect(sum / n).toBeCloseTo(lambdaMax - n, 9);
  });
});
