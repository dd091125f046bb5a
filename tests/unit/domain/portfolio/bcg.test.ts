import { describe, expect, it } from 'vitest';
import {
  bcgPlacement,
  bcgQuadrant,
  clampShare,
  DEFAULT_BCG_SPLITS,
} from '../../../../src/domain/portfolio/bcg';

describe('BCG quadrants (split 1.0× share, 10 % growth; a point on a split counts as high)', () => {
  it.each([
    [2, 0.18, 'star'],
    [0.3, 0.28, 'questionMark'],
    [2.5, 0.04, 'cashCow'],
    [0.25, -0.06, 'dog'],
    [1, 0.1, 'star'],
    [1, 0.0999, 'cashCow'],
    [0.999, 0.1, 'questionMark'],
    [0.999, 0.0999, 'dog'],
    [1, -0.5, 'cashCow'],
    [0.5, 0.1, 'questionMark'],
  ] as const)('share %d, growth %d → %s', (share, growth, quadrant) => {
    expect(bcgQuadrant(share, growth, DEFAULT_BCG_SPLITS)).toBe(quadrant);
  });

  it('follows the split settings', () => {
    expect(bcgQuadrant(1.2, 0.12, { shareSplit: 1.5, growthSplit: 0.15 })).toBe('dog');
    expect(bcgQuadrant(1.5, 0.15, { shareSplit: 1.5, growthSplit: 0.15 })).toBe('star');
  });
});

describe('BCG placement of a product line', () => {
  const line = { marketSize: 1_180_000, marketSizeBase: 1_000_000, largestCompetitorSales: 50_000 };

  it('computes growth and relative share and suggests a strategy', () => {
    const p = bcgPlacement(line, 100_000, DEFAULT_BCG_SPLITS);
    expect(p).toMatchObject({ status: 'placed', quadrant: 'star', strategy: 'hold', ourSales: 100_000 });
    if (p.status !== 'placed') throw new Error('not placed');
    expect(p.growth).toBeCloseTo(0.18, 12);
    expect(p.relativeShare).toBe(2);
  });

  it.each([
    ['questionMark', 'build', 10_000, 1_200_000],
    ['cashCow', 'harvest', 100_000, 1_050_000],
    ['dog', 'divest', 10_000, 900_000],
  ] as const)('%s → %s', (quadrant, strategy, ours, market) => {
    expect(bcgPlacement({ ...line, marketSize: market }, ours, DEFAULT_BCG_SPLITS)).toMatchObject({
      quadrant,
      strategy,
    });
  });

  it('exactly on both splits: growth 10 %, our sales equal to the competitor’s → star', () => {
    const p = bcgPlacement(
      { marketSize: 1_100, marketSizeBase: 1_000, largestCompetitorSales: 300 },
      300,
      DEFAULT_BCG_SPLITS,
    );
    expect(p).toMatchObject({ status: 'placed', relativeShare: 1, quadrant: 'star' });
  });

  it('a line without market figures is not placed, and says which are missing', () => {
    expect(
      bcgPlacement(
        { marketSize: null, marketSizeBase: null, largestCompetitorSales: 5 },
        100,
        DEFAULT_BCG_SPLITS,
      ),
    ).toEqual({ status: 'no-market-figures', missing: ['marketSize', 'marketSizeBase'] });
    expect(bcgPlacement({ ...line, marketSizeBase: 0 }, 100, DEFAULT_BCG_SPLITS)).toEqual({
      status: 'no-market-figures',
      missing: ['marketSizeBase'],
    });
    expect(bcgPlacement({ ...line, largestCompetitorSales: 0 }, 100, DEFAULT_BCG_SPLITS)).toMatchObject({
      status: 'no-market-figures',
    });
  });

  it('a line with no sales of ours cannot sit on a log axis', () => {
    expect(bcgPlacement(line, 0, DEFAULT_BCG_SPLITS)).toEqual({ status: 'no-sales' });
  });

  it('clamps the drawn position to 10× … 0.1×', () => {
    expect(clampShare(25)).toBe(10);
    expect(clampShare(0.05)).toBe(0.1);
    expect(clampShare(0.7)).toBe(0.7);
  });
});
