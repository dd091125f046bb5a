import { describe, expect, it } from 'vitest';
import {
  defaultGeWeights,
  geLevel,
  gePlacement,
  geWeightedScore,
  geZone,
} from '../../../../src/domain/portfolio/ge';
import { GE_ATTRACTIVENESS_FACTORS, GE_STRENGTH_FACTORS, type GeFactor } from '../../../../src/domain/types';

describe('GE levels (cuts 2.33 and 3.67; a score on a cut takes the higher level)', () => {
  it.each([
    [1, 'low'],
    [2.3299, 'low'],
    [2.33, 'medium'],
    [3, 'medium'],
    [3.6699, 'medium'],
    [3.67, 'high'],
    [5, 'high'],
  ] as const)('%d → %s', (score, level) => {
    expect(geLevel(score)).toBe(level);
  });
});

describe('GE cells and zones', () => {
  it.each([
    ['high', 'high', 'invest'],
    ['high', 'medium', 'invest'],
    ['medium', 'high', 'invest'],
    ['high', 'low', 'selectivity'],
    ['medium', 'medium', 'selectivity'],
    ['low', 'high', 'selectivity'],
    ['medium', 'low', 'harvest'],
    ['low', 'medium', 'harvest'],
    ['low', 'low', 'harvest'],
  ] as const)('attractiveness %s, strength %s → %s', (a, s, zone) => {
    expect(geZone(a, s)).toBe(zone);
  });
});

function scores(attractiveness: number, strength: number): Partial<Record<GeFactor, number>> {
  return Object.fromEntries([
    ...GE_ATTRACTIVENESS_FACTORS.map((f) => [f, attractiveness]),
    ...GE_STRENGTH_FACTORS.map((f) => [f, strength]),
  ]) as Partial<Record<GeFactor, number>>;
}

describe('GE weighted scores', () => {
  it('weighted mean of the scored factors', () => {
    const w = { ...defaultGeWeights(), marketSize: 3, marketGrowth: 1 };
    expect(geWeightedScore({ marketSize: 4, marketGrowth: 2 }, w, GE_ATTRACTIVENESS_FACTORS)).toBe(3.5);
    expect(geWeightedScore({}, w, GE_ATTRACTIVENESS_FACTORS)).toBeNull();
    expect(geWeightedScore({ marketSize: 4 }, { ...w, marketSize: 0 }, GE_ATTRACTIVENESS_FACTORS)).toBeNull();
  });

  it('places lines exactly on the cuts in the higher cell', () => {
    expect(gePlacement({ geScores: scores(3.67, 2.33) }, defaultGeWeights())).toMatchObject({
      status: 'placed',
      attractivenessLevel: 'high',
      strengthLevel: 'medium',
      zone: 'invest',
    });
    expect(gePlacement({ geScores: scores(2.33, 2.33) }, defaultGeWeights())).toMatchObject({
      zone: 'selectivity',
    });
    expect(gePlacement({ geScores: scores(2.32, 3.67) }, defaultGeWeights())).toMatchObject({
      attractivenessLevel: 'low',
      strengthLevel: 'high',
      zone: 'selectivity',
    });
  });

  it('a line with no strength factor scored is not placed', () => {
    expect(gePlacement({ geScores: { marketSize: 4 } }, defaultGeWeights())).toEqual({
      status: 'not-scored',
      missing: ['strength'],
    });
  });
});
