/**
 * Reference: grey relational analysis example asserted in the JMcDM test suite (jbytecode/JMcDM,
 * test/mcdm/testgra.jl), copied unchanged in tests/fixtures/mcdm/gra-jmcdm.json. Tolerance 1e-4.
 */
import { describe, expect, it } from 'vitest';
import gra from '../../../fixtures/mcdm/gra-jmcdm.json';
import { greyRelationalGrades, lowestGreyGrade } from '../../../../src/domain/rating/gra';
import { normaliseCriterion } from '../../../../src/domain/rating/normalise';

function normalisedMatrix(): number[][] {
  const columns = gra.directions.map((dir, j) =>
    normaliseCriterion(
      gra.decision_matrix.map((row) => row[j] ?? null),
      dir === 'max' ? 'benefit' : 'cost',
    ),
  );
  return gra.decision_matrix.map((_, i) => columns.map((col) => col[i] ?? NaN));
}

describe('grey relational analysis (JMcDM test suite)', () => {
  const { grades } = greyRelationalGrades(normalisedMatrix(), gra.weights, gra.rho);

  it('reproduces the published grades within 1e-4', () => {
    gra.published_scores.forEach((expected, i) => {
      expect(Math.abs((grades[i] ?? NaN) - expected), `alternative ${i + 1}`).toBeLessThan(gra.tol);
    });
  });

  it('ranks alternative 2 best', () => {
    const values = grades.map((g) => g ?? -1);
    expect(values.indexOf(Math.max(...values)) + 1).toBe(gra.published_best_index_1based);
  });
});

describe('grey relational coefficients', () => {
  it('ideal value → 1, worst value → ρ / (1 + ρ)', () => {
    const { coefficients } = greyRelationalGrades([[1, 0]], [0.5, 0.5], 0.5);
    expect(coefficients[0]?.[0]).toBe(1);
    expect(coefficients[0]?.[1]).toBeCloseTo(1 / 3, 12);
    expect(lowestGreyGrade(0.5)).toBeCloseTo(1 / 3, 12);
  });

  it('a missing value is left out and the weights of the others scaled', () => {
    const { grades } = greyRelationalGrades(
      [
        [1, null],
        [0, 1],
      ],
      [0.5, 0.5],
    );
    expect(grades[0]).toBe(1);
    expect(grades[1]).toBeCloseTo((1 / 3 + 1) / 2, 12);
  });

  it('every value ideal → every coefficient 1; no value → no grade', () => {
    expect(greyRelationalGrades([[1, 1]], [0.5, 0.5]).grades).toEqual([1]);
    expect(greyRelationalGrades([[null, null]], [0.5, 0.5]).grades).toEqual([null]);
  });
});
