import { describe, expect, it } from 'vitest';
import {
  defaultPortfolioSettings,
  normalisePortfolioSettings,
} from '../../../../src/domain/portfolio/settings';

describe('portfolio settings', () => {
  it('defaults: splits 1.0× and 10 %, every GE weight 1', () => {
    const d = defaultPortfolioSettings();
    expect(d.splits).toEqual({ shareSplit: 1, growthSplit: 0.1 });
    expect(Object.values(d.geWeights).every((w) => w === 1)).toBe(true);
    expect(normalisePortfolioSettings(42)).toEqual(d);
  });

  it('keeps valid values and replaces invalid ones', () => {
    const s = normalisePortfolioSettings({
      splits: { shareSplit: 1.5, growthSplit: 'x' },
      geWeights: { marketSize: 3, marketGrowth: -1 },
    });
    expect(s.splits).toEqual({ shareSplit: 1.5, growthSplit: 0.1 });
    expect(s.geWeights.marketSize).toBe(3);
    expect(s.geWeights.marketGrowth).toBe(1);
  });
});
