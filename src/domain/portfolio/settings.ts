/**
 * The owner's portfolio setup, stored as one record (`key: 'portfolio'`) in the settings table: the BCG
 * split lines and the GE factor weights. Anything read back passes `normalisePortfolioSettings`.
 */
import { DEFAULT_BCG_SPLITS, type BcgSplits } from './bcg';
import { defaultGeWeights, GE_FACTORS, type GeWeights } from './ge';

export interface PortfolioSettings {
  splits: BcgSplits;
  geWeights: GeWeights;
}

export function defaultPortfolioSettings(): PortfolioSettings {
  return { splits: { ...DEFAULT_BCG_SPLITS }, geWeights: defaultGeWeights() };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function inRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Valid portfolio settings from whatever was stored; each invalid part takes its default. Never throws. */
export function normalisePortfolioSettings(stored: unknown): PortfolioSettings {
  const s = record(stored);
  const d = defaultPortfolioSettings();
  const splits = record(s.splits);
  const weights = record(s.geWeights);
  return {
    splits: {
      shareSplit: inRange(splits.shareSplit, 0.1, 10) ? splits.shareSplit : d.splits.shareSplit,
      growthSplit: inRange(splits.growthSplit, -1, 10) ? splits.growthSplit : d.splits.growthSplit,
    },
    geWeights: Object.fromEntries(
      GE_FACTORS.map((f) => [f, inRange(weights[f], 0, 100) ? weights[f] : d.geWeights[f]]),
    ) as GeWeights,
  };
}
