/**
 * The owner's rating setup applied: which criteria are on, their weights (from the AHP matrix or typed
 * directly) and the aggregation. Shared by the live rating editor (UI thread) and the analytics worker
 * (which stores each customer's score and grade with the other metrics), so both give the same grade.
 */
import { ahpWeights, type AhpResult } from './ahp';
import { judgementMatrix } from './ahp-matrix';
import { criterionValues, type CriterionKey, type RatingInputs } from './criteria';
import { rateCustomers, type Aggregation, type RatingOutcome } from './rate';
import type { CriterionSetting, RatingSettings } from './settings';
import { normaliseWeights } from './weights';

export interface RatingPlan {
  active: CriterionSetting[];
  matrix: number[][];
  ahp: AhpResult;
  /** Whether the weights come from the AHP matrix (else typed directly). */
  usesAhp: boolean;
  weights: number[];
  aggregation: Aggregation;
}

/**
 * What the settings say to compute, before any customer is looked at.
 * Example: method 'gra' with weight source 'direct' → GRA aggregation with the typed weights, normalised.
 */
export function ratingPlan(settings: RatingSettings): RatingPlan {
  const active = settings.criteria.filter((c) => c.enabled);
  const matrix = judgementMatrix(
    active.map((c) => c.key),
    settings.judgements,
  );
  const ahp = ahpWeights(matrix, settings.randomIndex);
  const usesAhp =
    settings.method === 'ahp' || (settings.method !== 'direct' && settings.weightSource === 'ahp');
  const weights = usesAhp ? ahp.weights : normaliseWeights(active.map((c) => c.directWeight));
  const aggregation: Aggregation =
    settings.method === 'gra' ? 'gra' : settings.method === 'fuzzy' ? 'fuzzy' : 'weighted';
  return { active, matrix, ahp, usesAhp, weights, aggregation };
}

/** Scores and grades every customer of `inputs` under the plan of `settings`. */
export function rateWithSettings(
  settings: RatingSettings,
  inputs: RatingInputs,
  plan: RatingPlan = ratingPlan(settings),
): RatingOutcome {
  return rateWithValues(
    settings,
    inputs.customers.map((c) => c.id),
    (key) => criterionValues(key, inputs),
    plan,
  );
}

/**
 * rateWithSettings for a caller that has each active criterion's raw values at hand:
 * `valuesOf(key)` gives them aligned with `customerIds` (null where missing), as criterionValues does.
 */
export function rateWithValues(
  settings: RatingSettings,
  customerIds: readonly string[],
  valuesOf: (key: CriterionKey) => readonly (number | null)[],
  plan: RatingPlan = ratingPlan(settings),
): RatingOutcome {
  return rateCustomers({
    customerIds,
    criteria: plan.active.map((c) => ({ key: c.key, direction: c.direction, values: valuesOf(c.key) })),
    weights: plan.weights,
    aggregation: plan.aggregation,
    rho: settings.rho,
    cuts: settings.cuts,
  });
}
