/**
 * The GE / McKinsey matrix (DESIGN.md §2): market attractiveness and business strength, each the
 * weighted mean of its factor scores (1–5), cut into low / medium / high at 2.33 and 3.67, give one of
 * nine cells in three zones.
 *
 *   score = Σ w_f s_f / Σ w_f   over the factors scored for this line (an unscored factor is left out)
 *
 * Levels: score < 2.33 low; 2.33 ≤ score < 3.67 medium; score ≥ 3.67 high (a score exactly on a cut
 * takes the higher level). Zones: both high, or one high and one medium → invest/grow; the diagonal
 * (high–low, medium–medium, low–high) → selectivity/earnings; the rest → harvest/divest.
 */
import { GE_ATTRACTIVENESS_FACTORS, GE_STRENGTH_FACTORS, type GeFactor, type ProductLine } from '../types';

export const GE_CUTS = { low: 2.33, high: 3.67 } as const;
export type GeLevel = 'low' | 'medium' | 'high';
export type GeZone = 'invest' | 'selectivity' | 'harvest';
export type GeWeights = Record<GeFactor, number>;

export const GE_FACTORS: readonly GeFactor[] = [...GE_ATTRACTIVENESS_FACTORS, ...GE_STRENGTH_FACTORS];

export function defaultGeWeights(): GeWeights {
  return Object.fromEntries(GE_FACTORS.map((f) => [f, 1])) as GeWeights;
}

/**
 * Weighted mean of the scored factors among `factors`; null when none is scored with a positive weight.
 * Example: scores {marketSize: 4, marketGrowth: 2}, weights 3 and 1 → (3·4 + 1·2) / 4 = 3.5.
 */
export function geWeightedScore(
  scores: Partial<Record<GeFactor, number>>,
  weights: GeWeights,
  factors: readonly GeFactor[],
): number | null {
  let sum = 0;
  let total = 0;
  for (const f of factors) {
    const s = scores[f];
    const w = weights[f];
    if (typeof s !== 'number' || !Number.isFinite(s) || !(w > 0)) continue;
    sum += w * s;
    total += w;
  }
  return total > 0 ? sum / total : null;
}

/** Example: 2.32 → 'low'; 2.33 → 'medium'; 3.669 → 'medium'; 3.67 → 'high'. */
export function geLevel(score: number): GeLevel {
  if (score >= GE_CUTS.high) return 'high';
  if (score >= GE_CUTS.low) return 'medium';
  return 'low';
}

const RANK: Record<GeLevel, number> = { low: 0, medium: 1, high: 2 };

/** Example: (high, medium) → 'invest'; (medium, medium) → 'selectivity'; (low, medium) → 'harvest'. */
export function geZone(attractiveness: GeLevel, strength: GeLevel): GeZone {
  const sum = RANK[attractiveness] + RANK[strength];
  return sum >= 3 ? 'invest' : sum === 2 ? 'selectivity' : 'harvest';
}

export type GePlacement =
  | {
      status: 'placed';
      attractiveness: number;
      strength: number;
      attractivenessLevel: GeLevel;
      strengthLevel: GeLevel;
      zone: GeZone;
    }
  | { status: 'not-scored'; missing: ('attractiveness' | 'strength')[] };

/**
 * Places one product line. Example: every attractiveness factor 4 and every strength factor 2 with
 * equal weights → attractiveness 4 (high), strength 2 (low), zone 'selectivity'.
 */
export function gePlacement(line: Pick<ProductLine, 'geScores'>, weights: GeWeights): GePlacement {
  const attractiveness = geWeightedScore(line.geScores, weights, GE_ATTRACTIVENESS_FACTORS);
  const strength = geWeightedScore(line.geScores, weights, GE_STRENGTH_FACTORS);
  if (attractiveness === null || strength === null) {
    const missing: ('attractiveness' | 'strength')[] = [];
    if (attractiveness === null) missing.push('attractiveness');
    if (strength === null) missing.push('strength');
    return { status: 'not-scored', missing };
  }
  const attractivenessLevel = geLevel(attractiveness);
  const strengthLevel = geLevel(strength);
  return {
    status: 'placed',
    attractiveness,
    strength,
    attractivenessLevel,
    strengthLevel,
    zone: geZone(attractivenessLevel, strengthLevel),
  };
}
