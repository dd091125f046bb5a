/**
 * The BCG growth–share matrix (DESIGN.md §2).
 *
 *   market growth rate = (market this period − market base period) / market base period
 *   relative market share = our sales this period / the largest competitor's sales this period
 *
 * Quadrants, split at `shareSplit` (default 1.0×) and `growthSplit` (default 10 %): high share and
 * high growth — star (hold: invest to keep the lead); low share, high growth — question mark (build, or
 * divest if it cannot win); high share, low growth — cash cow (harvest: take the cash to fund others);
 * low share, low growth — dog (divest). A line exactly on a split counts as high on that axis (≥).
 *
 * A line without all three market figures (or with a zero base market or competitor) is not placed:
 * it is listed as lacking market figures. A line with no sales of ours has a relative share of 0, which
 * a log axis cannot show: it is listed, not plotted.
 */
import type { ProductLine } from '../types';

export const BCG_QUADRANTS = ['star', 'questionMark', 'cashCow', 'dog'] as const;
export type BcgQuadrant = (typeof BCG_QUADRANTS)[number];
export type BcgStrategy = 'build' | 'hold' | 'harvest' | 'divest';

export const BCG_STRATEGY: Record<BcgQuadrant, BcgStrategy> = {
  star: 'hold',
  questionMark: 'build',
  cashCow: 'harvest',
  dog: 'divest',
};

export interface BcgSplits {
  /** Relative market share split (× the largest competitor). */
  shareSplit: number;
  /** Market growth split (0.1 = 10 %). */
  growthSplit: number;
}

export const DEFAULT_BCG_SPLITS: BcgSplits = { shareSplit: 1, growthSplit: 0.1 };

/** The x axis runs from 10× (left) to 0.1× (right); a line beyond is drawn on the edge. */
export const BCG_SHARE_RANGE = { max: 10, min: 0.1 } as const;

export type BcgPlacement =
  | {
      status: 'placed';
      growth: number;
      relativeShare: number;
      quadrant: BcgQuadrant;
      strategy: BcgStrategy;
      /** Our sales this period, minor units (bubble area). */
      ourSales: number;
    }
  | { status: 'no-market-figures'; missing: ('marketSize' | 'marketSizeBase' | 'largestCompetitorSales')[] }
  | { status: 'no-sales' };

/**
 * The quadrant of a (relative share, growth) point.
 * Example with the default splits: (2, 0.18) → 'star'; (1, 0.1) → 'star' (on both splits);
 * (0.999, 0.1) → 'questionMark'; (1, 0.0999) → 'cashCow'; (0.25, −0.06) → 'dog'.
 */
export function bcgQuadrant(relativeShare: number, growth: number, splits: BcgSplits): BcgQuadrant {
  const highShare = relativeShare >= splits.shareSplit;
  const highGrowth = growth >= splits.growthSplit;
  if (highShare) return highGrowth ? 'star' : 'cashCow';
  return highGrowth ? 'questionMark' : 'dog';
}

/**
 * Places one product line. Example: market 1 180 000 (base 1 000 000), competitor 50 000, our sales
 * 100 000 → growth 0.18, relative share 2, 'star', strategy 'hold'.
 */
export function bcgPlacement(
  line: Pick<ProductLine, 'marketSize' | 'marketSizeBase' | 'largestCompetitorSales'>,
  ourSales: number,
  splits: BcgSplits,
): BcgPlacement {
  const missing = (['marketSize', 'marketSizeBase', 'largestCompetitorSales'] as const).filter((field) => {
    const v = line[field];
    return v === null || !Number.isFinite(v) || (field !== 'marketSize' && v <= 0);
  });
  if (missing.length > 0) return { status: 'no-market-figures', missing };
  const market = line.marketSize as number;
  const base = line.marketSizeBase as number;
  const competitor = line.largestCompetitorSales as number;
  if (!(ourSales > 0)) return { status: 'no-sales' };
  const growth = (market - base) / base;
  const relativeShare = ourSales / competitor;
  const quadrant = bcgQuadrant(relativeShare, growth, splits);
  return { status: 'placed', growth, relativeShare, quadrant, strategy: BCG_STRATEGY[quadrant], ourSales };
}

/** The x position on the chart: the share clamped to the axis range. Example: 25 → 10; 0.05 → 0.1. */
export function clampShare(relativeShare: number): number {
  return Math.min(BCG_SHARE_RANGE.max, Math.max(BCG_SHARE_RANGE.min, relativeShare));
}
