import { describe, expect, it } from 'vitest';
import {
  contemporaryValueOf,
  dealFinancialCost,
  dealFinancialCostCents,
  overdueBand,
  type DealFact,
  type ValueContext,
} from '../../../../src/domain/analytics/contemporary-value';
import { analysisWindow, dayOf, NO_DAY } from '../../../../src/domain/analytics/days';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings';

const TODAY = '2025-06-30';
const window = analysisWindow(TODAY, 12);
const settings = { ...DEFAULT_SETTINGS, handlingCostPerOrder: 5_000 };
const ctx: ValueContext = { todayDay: window.endDay, windowStartDay: window.startDay, settings };
const T = window.endDay;

function deal(fields: Partial<DealFact>): DealFact {
  return {
    customerId: 'c1',
    stage: 'won',
    closeDate: '2025-03-22',
    amount: 100_000,
    cost: 60_000,
    serviceCost: 4_000,
    discount: 0,
    paidAmount: 100_000,
    dueDate: '2025-04-21',
    ...fields,
  };
}

describe('overdueBand', () => {
  it.each([
    [-5, -1],
    [0, -1],
    [1, 0],
    [90, 0],
    [91, 1],
    [180, 1],
    [181, 2],
    [365, 2],
    [366, 3],
    [2_000, 3],
  ])('%i days overdue → band %i', (days, band) => expect(overdueBand(days)).toBe(band));
});

describe('dealFinancialCost', () => {
  // outstanding 6 000 000 cents (¥60 000), rate 6 %/year; days = today − max(order date, window start).
  it.each([
    // name, closeDay, dueDay, expected interest, expected reserve
    ['paid nothing yet, not due', T - 10, T + 20, (0.06 * 6_000_000 * 10) / 365, 0],
    ['due today: not overdue', T - 30, T, (0.06 * 6_000_000 * 30) / 365, 0],
    ['1 day overdue: band 1–90 at 5 %', T - 31, T - 1, (0.06 * 6_000_000 * 31) / 365, 300_000],
    ['90 days overdue: band 1–90', T - 120, T - 90, (0.06 * 6_000_000 * 120) / 365, 300_000],
    ['91 days overdue: band 91–180 at 20 %', T - 121, T - 91, (0.06 * 6_000_000 * 121) / 365, 1_200_000],
    ['180 days overdue: band 91–180', T - 210, T - 180, (0.06 * 6_000_000 * 210) / 365, 1_200_000],
    ['181 days overdue: band 181–365 at 50 %', T - 211, T - 181, (0.06 * 6_000_000 * 211) / 365, 3_000_000],
    ['365 days overdue: band 181–365', T - 395, T - 365, (0.06 * 6_000_000 * 364) / 365, 3_000_000],
    ['366 days overdue: band > 365 at 100 %', T - 396, T - 366, (0.06 * 6_000_000 * 364) / 365, 6_000_000],
    ['no due date: interest only', T - 50, NO_DAY, (0.06 * 6_000_000 * 50) / 365, 0],
  ])('%s', (_name, closeDay, dueDay, interest, reserve) => {
    const f = dealFinancialCost(10_000_000, 4_000_000, closeDay, dueDay, ctx);
    expect(f.outstanding).toBe(6_000_000);
    expect(f.interest).toBeCloseTo(interest, 6);
    expect(f.reserve).toBeCloseTo(reserve, 6);
    expect(f.total).toBe(Math.round(interest + reserve));
    expect(dealFinancialCostCents(10_000_000, 4_000_000, closeDay, dueDay, ctx)).toBe(f.total);
  });

  it('clips interest days to the window for an old debt (window start is day 364 before today)', () => {
    expect(T - window.startDay).toBe(364);
    expect(dealFinancialCost(1_000, 0, T - 900, T - 870, ctx).interestDays).toBe(364);
  });

  it('the worked example of the JSDoc: ¥3 986.30', () => {
    expect(dealFinancialCost(10_000_000, 4_000_000, T - 100, T - 70, ctx).total).toBe(398_630);
  });

  it('costs nothing when paid in full or overpaid', () => {
    expect(dealFinancialCost(10_000, 10_000, T - 400, T - 380, ctx).total).toBe(0);
    expect(dealFinancialCostCents(10_000, 12_000, T - 400, T - 380, ctx)).toBe(0);
  });

  it('rounds once per deal, half up', () => {
    // 0.06 × 36 500 × 25 / 365 = 150 exactly; × 0.5 cent cases:
    const c: ValueContext = { ...ctx, settings: { ...settings, receivablesInterestRate: 0.01 } };
    // 0.01 × 1 825 × 10 / 365 = 0.5 → 1
    expect(dealFinancialCost(1_825, 0, T - 10, NO_DAY, c).total).toBe(1);
    // 0.01 × 1 460 × 10 / 365 = 0.4 → 0
    expect(dealFinancialCost(1_460, 0, T - 10, NO_DAY, c).total).toBe(0);
  });
});

describe('contemporaryValueOf', () => {
  it.each<[string, DealFact[], Partial<ReturnType<typeof contemporaryValueOf>>]>([
    [
      'one paid deal: revenue − cost − (service + handling)',
      [deal({})],
      {
        orders: 1,
        revenue: 100_000,
        costOfGoods: 60_000,
        transactionCost: 9_000,
        financialCost: 0,
        contemporaryValue: 31_000,
      },
    ],
    [
      'lost and open deals do not count',
      [deal({}), deal({ stage: 'lost' }), deal({ stage: 'negotiation' })],
      { orders: 1, contemporaryValue: 31_000 },
    ],
    ['a deal in the trash does not count', [deal({ deletedAt: 123 })], { orders: 0, contemporaryValue: 0 }],
    [
      'a deal before the window: no revenue, but its unpaid balance still costs',
      [deal({ closeDate: '2024-01-10', dueDate: '2024-02-09', paidAmount: 0 })],
      // 507 days overdue → 100 %; interest 0.06 × 100 000 × 364 / 365 = 5 983.56
      { orders: 0, revenue: 0, financialCost: 105_984, contemporaryValue: -105_984 },
    ],
    [
      'a deal dated after today is ignored',
      [deal({ closeDate: '2025-07-01' })],
      { orders: 0, revenue: 0, contemporaryValue: 0 },
    ],
    [
      'the first day of the window counts, the day before does not',
      [deal({ closeDate: '2024-07-01' }), deal({ closeDate: '2024-06-30' })],
      { orders: 1, revenue: 100_000 },
    ],
    [
      'partly paid and 40 days overdue: interest + 5 % reserve',
      [deal({ closeDate: '2025-04-21', dueDate: '2025-05-21', paidAmount: 40_000 })],
      // outstanding 60 000; interest 0.06 × 60 000 × 70 / 365 = 690.41; reserve 3 000 → 3 690
      { financialCost: 3_690, contemporaryValue: 31_000 - 3_690 },
    ],
  ])('%s', (_name, deals, expected) => {
    expect(contemporaryValueOf(deals, ctx)).toMatchObject(expected);
  });

  it('sums per-deal rounded financial costs (exact to the cent)', () => {
    const deals = [1, 2, 3].map((k) =>
      deal({ closeDate: '2025-05-01', dueDate: '', paidAmount: 100_000 - k * 333 }),
    );
    const perDeal = deals.map(
      (d) => dealFinancialCost(d.amount, d.paidAmount, dayOf(d.closeDate), NO_DAY, ctx).total,
    );
    expect(contemporaryValueOf(deals, ctx).financialCost).toBe(perDeal.reduce((a, b) => a + b, 0));
  });
});
