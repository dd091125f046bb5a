/**
 * The rating engine: from each customer's criterion values and the criterion weights to a score on
 * 0 … 100 and a grade.
 *
 * Policy:
 * - A criterion with no value for any customer has no data yet (e.g. the value engine has not run): it
 *   is left out and its weight is shared among the others (`restrictWeights`); the caller shows which.
 * - A customer missing a value is scored on the criteria present, their weights scaled to sum 1 — but
 *   only when those carry at least half of the weight (`MIN_COVERAGE`); otherwise the customer is not
 *   graded rather than graded on thin evidence.
 * - Scores share one scale so one set of cut points serves every method:
 *   weighted sum: 100 · Σ w_j x_j;  GRA: 100 · (γ − γmin) / (1 − γmin) with γmin = ρ / (1 + ρ), the
 *   lowest grade GRA gives;  fuzzy: 100 · Σ_k b_k c_k with grade peaks c = (1, 2/3, 1/3, 0).
 * - Weighted sum and GRA grade by the cut points; fuzzy evaluation grades by the maximum-membership
 *   principle (the grade with the largest b_k; a tie goes to the lower grade) — with evenly spaced
 *   triangular memberships its score equals the weighted sum, so the grade is where it differs.
 */
import type { RatingGrade } from '../types';
import type { CriterionKey } from './criteria';
import { evenCentres, fuzzyComposite, triangularMemberships } from './fuzzy';
import { greyRelationalGrades, lowestGreyGrade } from './gra';
import { gradeFromScore, RATING_GRADES, type GradeCuts } from './grades';
import { normaliseCriterion, type CriterionDirection } from './normalise';
import { restrictWeights } from './weights';

export type Aggregation = 'weighted' | 'gra' | 'fuzzy';

export interface RatingCriterionData {
  key: CriterionKey;
  direction: CriterionDirection;
  /** Raw values, one per customer, null where missing. */
  values: readonly (number | null)[];
}

export interface RatingRun {
  customerIds: readonly string[];
  criteria: readonly RatingCriterionData[];
  /** Weights aligned with `criteria` (AHP or direct), summing to 1. */
  weights: readonly number[];
  aggregation: Aggregation;
  rho: number;
  cuts: GradeCuts;
}

export interface CustomerRating {
  customerId: string;
  /** 0 … 100, or null when not graded. */
  score: number | null;
  grade: RatingGrade | null;
  /** GRA only: the grey relational grade γ. */
  grey: number | null;
  /** Fuzzy only: B over (core, key, ordinary, potential). */
  membership: number[] | null;
}

export interface RatingOutcome {
  ratings: CustomerRating[];
  /** Criteria with no value for any customer, left out. */
  noData: CriterionKey[];
  /** Weights actually applied, aligned with `criteria` (0 for a criterion left out). */
  effectiveWeights: number[];
}

/** Share of the weight a customer's present values must carry to be graded. */
export const MIN_COVERAGE = 0.5;

/** Grade peaks for the fuzzy score, in RATING_GRADES order (core … potential). */
const FUZZY_PEAKS = [1, 2 / 3, 1 / 3, 0];

function fuzzyGrade(b: readonly number[]): RatingGrade {
  let best = RATING_GRADES.length - 1;
  for (let k = RATING_GRADES.length - 2; k >= 0; k--) if ((b[k] ?? 0) > (b[best] ?? 0) + 1e-12) best = k;
  return RATING_GRADES[best] ?? 'potential';
}

/**
 * Scores and grades every customer.
 *
 * Example: two customers, one benefit criterion with values (10, 20), weight 1, weighted sum, cuts
 * (60, 45, 30) → scores (0, 100), grades ('potential', 'core').
 */
export function rateCustomers(run: RatingRun): RatingOutcome {
  const { customerIds, criteria } = run;
  const hasData = criteria.map((c) => c.values.some((v) => v !== null));
  const weights = restrictWeights(run.weights, hasData);
  const columns = criteria.map((c) => normaliseCriterion(c.values, c.direction));
  const ratings =
    run.aggregation === 'weighted'
      ? weightedRatings(customerIds, columns, weights, run.cuts)
      : rowwiseRatings(run, columns, weights);
  return {
    ratings,
    noData: criteria.filter((_, j) => !hasData[j]).map((c) => c.key),
    effectiveWeights: weights,
  };
}

const notGraded = (customerId: string): CustomerRating => ({
  customerId,
  score: null,
  grade: null,
  grey: null,
  membership: null,
});

/**
 * The weighted sum, column by column (no array per customer: at 100 000 customers the rating runs
 * with every recompute): score = 100 · Σ w_j x_j / Σ w_j over the criteria present, in criterion order.
 */
function weightedRatings(
  customerIds: readonly string[],
  columns: readonly (readonly (number | null)[])[],
  weights: readonly number[],
  cuts: GradeCuts,
): CustomerRating[] {
  const used = weights.flatMap((w, j) => (w > 0 ? [j] : []));
  return customerIds.map((customerId, i): CustomerRating => {
    let cover = 0;
    let sum = 0;
    for (const j of used) {
      const x = (columns[j] as readonly (number | null)[])[i] ?? null;
      if (x === null) continue;
      const w = weights[j] as number;
      cover += w;
      sum += w * x;
    }
    if (!(cover > 0 && cover >= MIN_COVERAGE - 1e-12)) return notGraded(customerId);
    const score = (100 * sum) / cover;
    return { customerId, score, grade: gradeFromScore(score, cuts), grey: null, membership: null };
  });
}

/** GRA and fuzzy evaluation, which work on each customer's row of normalised values. */
function rowwiseRatings(
  run: RatingRun,
  columns: readonly (readonly (number | null)[])[],
  weights: readonly number[],
): CustomerRating[] {
  const rows = run.customerIds.map((_, i) =>
    columns.map((col, j) => ((weights[j] ?? 0) > 0 ? (col[i] ?? null) : null)),
  );
  const coverage = rows.map((row) =>
    row.reduce<number>((s, x, j) => (x === null ? s : s + (weights[j] ?? 0)), 0),
  );
  const graded = coverage.map((c) => c > 0 && c >= MIN_COVERAGE - 1e-12);
  const grey = run.aggregation === 'gra' ? greyRelationalGrades(rows, weights, run.rho).grades : null;
  const gMin = lowestGreyGrade(run.rho);
  const centres = evenCentres(RATING_GRADES.length);

  return run.customerIds.map((customerId, i): CustomerRating => {
    const none = notGraded(customerId);
    const row = rows[i] ?? [];
    if (!graded[i]) return none;
    const cover = coverage[i] ?? 1;
    if (run.aggregation === 'gra') {
      const g = grey?.[i] ?? null;
      if (g === null) return none;
      const score = Math.min(100, Math.max(0, (100 * (g - gMin)) / (1 - gMin)));
      return { ...none, score, grade: gradeFromScore(score, run.cuts), grey: g };
    }
    const present = row.flatMap((x, j) => (x === null ? [] : [{ x, w: (weights[j] ?? 0) / cover }]));
    // Memberships come lowest grade first; RATING_GRADES is highest first.
    const r = present.map(({ x }) => triangularMemberships(x, centres).reverse());
    const b = fuzzyComposite(
      present.map((p) => p.w),
      r,
    );
    const score = 100 * b.reduce((s, bk, k) => s + bk * (FUZZY_PEAKS[k] ?? 0), 0);
    return { ...none, score, grade: fuzzyGrade(b), membership: b };
  });
}
