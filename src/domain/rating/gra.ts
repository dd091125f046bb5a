/**
 * Grey relational analysis (Deng): how close each alternative's normalised series is to the ideal
 * series (1 in every criterion).
 *
 *   Δ_ij = |1 − x_ij|,  ξ_ij = (Δmin + ρ·Δmax) / (Δ_ij + ρ·Δmax),  γ_i = Σ_j w_j ξ_ij
 *
 * with Δmin and Δmax over the whole matrix and the distinguishing coefficient ρ (0.5 by default).
 * Policy: a missing value (`null`) is left out of Δmin/Δmax and of the customer's sum, whose weights are
 * then scaled to sum 1 over the criteria present; a customer with no value at all has no grade.
 */

export const DEFAULT_RHO = 0.5;

export interface GreyRelational {
  /** Grey relational grade γ_i per alternative, or null when it has no value. */
  grades: (number | null)[];
  /** ξ_ij per alternative and criterion (null where the value is missing). */
  coefficients: (number | null)[][];
}

/**
 * Grey relational grades of alternatives (rows) over already normalised criteria (columns, 0 … 1,
 * 1 = best). Use `normaliseCriterion` first.
 *
 * Example (JMcDM's test, tests/fixtures/mcdm/gra-jmcdm.json): 5 alternatives × 6 criteria with weights
 * (0.05, 0.2, 0.1, 0.15, 0.1, 0.4) and ρ = 0.5 give γ = (0.5250, 0.7007, 0.5464, 0.5763, 0.6510);
 * alternative 2 is best. One alternative with x = (1, 0): Δ = (0, 1), ξ = (1, 1/3).
 */
export function greyRelationalGrades(
  normalised: readonly (readonly (number | null)[])[],
  weights: readonly number[],
  rho: number = DEFAULT_RHO,
): GreyRelational {
  let dMin = Infinity;
  let dMax = -Infinity;
  for (const row of normalised) {
    for (const x of row) {
      if (x === null) continue;
      const d = Math.abs(1 - x);
      if (d < dMin) dMin = d;
      if (d > dMax) dMax = d;
    }
  }
  const coefficients = normalised.map((row) =>
    row.map((x) => {
      if (x === null) return null;
      // Every present value ideal: no distance to tell apart, every coefficient is 1.
      if (!(dMax > 0)) return 1;
      return (dMin + rho * dMax) / (Math.abs(1 - x) + rho * dMax);
    }),
  );
  const grades = coefficients.map((row) => {
    let sum = 0;
    let weight = 0;
    row.forEach((xi, j) => {
      const w = weights[j] ?? 0;
      if (xi === null || w <= 0) return;
      sum += w * xi;
      weight += w;
    });
    return weight > 0 ? sum / weight : null;
  });
  return { grades, coefficients };
}

/**
 * The lowest grade GRA can give when Δmin = 0 (the usual case after min–max normalisation): ρ / (1 + ρ).
 * Example: ρ = 0.5 → 1/3.
 */
export function lowestGreyGrade(rho: number = DEFAULT_RHO): number {
  return rho / (1 + rho);
}
