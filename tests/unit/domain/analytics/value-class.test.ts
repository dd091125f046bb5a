import { describe, expect, it } from 'vitest';
import {
  companyMargin,
  growthRoom,
  valueClass,
  type GrowthContext,
  type GrowthInput,
} from '../../../../src/domain/analytics/value-class';
import { walletFigures } from '../../../../src/domain/analytics/wallet';

const ctx: GrowthContext = { horizonYears: 5, companyMargin: 0.2, minValueA: 1_000_000 };
const c = (patch: Partial<GrowthInput>): GrowthInput => ({
  tier: 'C',
  contemporaryValue: 200_000,
  potentialValue: null,
  headroom: null,
  ...patch,
});

describe('valueClass', () => {
  it.each<[string, GrowthInput, GrowthContext, string]>([
    ['tier A is MVC', c({ tier: 'A' }), ctx, 'MVC'],
    ['tier Z is BZ', c({ tier: 'Z', contemporaryValue: -1 }), ctx, 'BZ'],
    ['no potential and no wallet: none', c({}), ctx, ''],
    // headroom 5 000 000 × 0.2 = 1 000 000 ≥ max(800 000, 200 000)
    ['wallet headroom enough to reach A: MGC', c({ headroom: 5_000_000 }), ctx, 'MGC'],
    // 3 000 000 × 0.2 = 600 000 < 800 000
    ['headroom too small to reach A', c({ headroom: 3_000_000 }), ctx, ''],
    // potential 5 000 000 / 5 − 200 000 = 800 000 ≥ 800 000
    ['yearly potential reaches A: MGC', c({ potentialValue: 5_000_000 }), ctx, 'MGC'],
    // B at 900 000: needs max(100 000, 900 000) = 900 000; headroom 4 000 000 × 0.2 = 800 000
    [
      'a big B customer must be able to double',
      c({ tier: 'B', contemporaryValue: 900_000, headroom: 4_000_000 }),
      ctx,
      '',
    ],
    [
      'a big B customer that can double: MGC',
      c({ tier: 'B', contemporaryValue: 900_000, headroom: 5_000_000 }),
      ctx,
      'MGC',
    ],
    [
      'a prospect (value 0) with a large wallet: MGC',
      c({ contemporaryValue: 0, headroom: 6_000_000 }),
      ctx,
      'MGC',
    ],
    ['nobody in A: no MGC', c({ headroom: 1e12 }), { ...ctx, minValueA: null }, ''],
  ])('%s', (_name, input, context, expected) => {
    expect(valueClass(input, context)).toBe(expected);
  });

  it('growth room takes the larger of the two', () => {
    expect(
      growthRoom(c({ contemporaryValue: 100_000, potentialValue: 2_500_000, headroom: 4_000_000 }), ctx),
    ).toBe(800_000);
    expect(growthRoom(c({}), ctx)).toBeNull();
  });

  it.each([
    [200, 1_000, 0.2],
    [-5, 1_000, 0],
    [2_000, 1_000, 1],
    [10, 0, 0],
  ])('company margin %i / %i = %s', (v, r, m) => expect(companyMargin(v, r)).toBe(m));
});

describe('walletFigures', () => {
  it.each([
    ['12-month window', 1_000_000, 2_000_000, 12, 0.5, 1_000_000],
    ['6-month window is put on a yearly basis', 500_000, 2_000_000, 6, 0.5, 1_000_000],
    ['more than the estimate: share > 1, no headroom', 3_000_000, 2_000_000, 12, 1.5, 0],
    ['no purchase', 0, 2_000_000, 12, 0, 2_000_000],
  ])('%s', (_name, revenue, wallet, months, share, headroom) => {
    expect(walletFigures(revenue, wallet, months)).toMatchObject({ shareOfWallet: share, headroom });
  });

  it.each([null, 0])('no estimate (%s): null', (wallet) => {
    expect(walletFigures(100, wallet, 12)).toMatchObject({ shareOfWallet: null, headroom: null });
  });
});
