/**
 * Customer grades (客户等级) from a rating score on 0 … 100, and their comparison with the ABC tiers.
 *
 * Policy: a score exactly on a cut point takes the higher grade (score ≥ cut).
 */
import type { AbcTier, RatingGrade } from '../types';

/** Highest grade first. */
export const RATING_GRADES = [
  'core',
  'key',
  'ordinary',
  'potential',
] as const satisfies readonly RatingGrade[];

/** Lowest score of each grade but the last, on 0 … 100 (core > key > ordinary). */
export interface GradeCuts {
  core: number;
  key: number;
  ordinary: number;
}

export const DEFAULT_GRADE_CUTS: GradeCuts = { core: 60, key: 45, ordinary: 30 };

/** Whether the cut points are finite, within 0 … 100 and strictly decreasing core → ordinary. */
export function validGradeCuts(cuts: GradeCuts): boolean {
  const { core, key, ordinary } = cuts;
  return (
    [core, key, ordinary].every((v) => Number.isFinite(v) && v >= 0 && v <= 100) &&
    core > key &&
    key > ordinary
  );
}

/**
 * The grade of a score. Example with cuts (60, 45, 30): 72 → 'core'; 60 → 'core'; 59.9 → 'key';
 * 30 → 'ordinary'; 12 → 'potential'.
 */
export function gradeFromScore(score: number, cuts: GradeCuts): RatingGrade {
  if (score >= cuts.core) return 'core';
  if (score >= cuts.key) return 'key';
  if (score >= cuts.ordinary) return 'ordinary';
  return 'potential';
}

/** Column of the cross-table: an ABC tier, or 'none' for a customer without value figures yet. */
export type TierColumn = AbcTier | 'none';
export const TIER_COLUMNS = ['A', 'B', 'C', 'N', 'Z', 'none'] as const satisfies readonly TierColumn[];

export type GradeTierTable = Record<RatingGrade, Record<TierColumn, number>>;

/**
 * Counts customers by grade (rows) and ABC tier (columns); unrated customers are not counted.
 *
 * Example: [{grade: 'core', tier: 'A'}, {grade: 'core', tier: null}, {grade: null, tier: 'B'}]
 * → core/A = 1, core/none = 1, everything else 0.
 */
export function gradeTierTable(
  rows: Iterable<{ grade: RatingGrade | null; tier: AbcTier | null }>,
): GradeTierTable {
  const table = Object.fromEntries(
    RATING_GRADES.map((g) => [g, Object.fromEntries(TIER_COLUMNS.map((t) => [t, 0]))]),
  ) as GradeTierTable;
  for (const { grade, tier } of rows) {
    if (grade === null) continue;
    table[grade][tier ?? 'none'] += 1;
  }
  return table;
}
