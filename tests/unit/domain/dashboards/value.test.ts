import { describe, expect, it } from 'vitest';
import { paretoCurve } from '../../../../src/domain/dashboards/pareto';
import { tierSummary } from '../../../../src/domain/dashboards/tier-summary';
import { valueClassLists } from '../../../../src/domain/dashboards/value-classes';
import { valueTrend } from '../../../../src/domain/dashboards/value-trend';
import { periodOf } from '../../../../src/domain/dashboards/filters';
import { all, customer, deal, ids, pack } from './fixtures';

describe('paretoCurve', () => {
  // The JSDoc example: values 50, 30, 10, 6, 4 (P = 100), 5 steps.
  const cs = [
    customer('e', { contemporaryValue: 4, tier: 'C' }),
    customer('a', { contemporaryValue: 50, tier: 'A' }),
    customer('c', { contemporaryValue: 10, tier: 'B' }),
    customer('b', { contemporaryValue: 30, tier: 'A' }),
    customer('d', { contemporaryValue: 6, tier: 'B' }),
    customer('z', { contemporaryValue: -7, tier: 'Z' }),
    customer('n', { contemporaryValue: 0, tier: 'C' }),
  ];
  const curve = paretoCurve(cs, all(cs.length), 0.8, 5);

  it('samples the cumulative share of positive value at equal steps of customers', () => {
    expect(curve.totalPositive).toBe(100);
    expect(curve.positiveCustomers).toBe(5);
    expect(curve.points.map((p) => p.customerShare)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(curve.points.map((p) => p.valueShare)).toEqual([0, 0.5, 0.8, 0.9, 0.96, 1]);
  });

  it('finds where the value share reaches the A cut point', () => {
    expect(curve.crossing).toBe(0.4);
  });

  it('bands follow the stored tiers, in ranking order', () => {
    expect(curve.bands.map((b) => [b.tier, b.from, b.to, b.value])).toEqual([
      ['A', 0, 0.4, 80],
      ['B', 0.4, 0.8, 16],
      ['C', 0.8, 1, 4],
    ]);
    expect(ids(cs, curve.bands[0]!.members)).toEqual(['a', 'b']);
  });

  it.each([
    ['nobody selected', new Uint8Array(7)],
    ['only non-positive values', Uint8Array.from([0, 0, 0, 0, 0, 1, 1])],
  ])('is empty with %s', (_name, mask) => {
    const empty = paretoCurve(cs, mask, 0.8, 5);
    expect(empty).toMatchObject({
      positiveCustomers: 0,
      totalPositive: 0,
      points: [],
      bands: [],
      crossing: null,
    });
  });
});

describe('tierSummary', () => {
  it('counts customers and sums value per tier (the JSDoc example), leaving out customers without metrics', () => {
    const cs = [
      customer('a', { tier: 'A', contemporaryValue: 500 }),
      customer('b', { tier: 'A', contemporaryValue: 300 }),
      customer('c', { tier: 'B', contemporaryValue: 80 }),
      customer('d', { tier: 'Z', contemporaryValue: -20 }),
      customer('e', { tier: '' }),
      customer('f', { tier: 'N', contemporaryValue: 0 }),
    ];
    const rows = tierSummary(cs, all(cs.length));
    expect(rows.map((r) => [r.tier, r.customers, r.value, r.share])).toEqual([
      ['A', 2, 800, 0.4],
      ['B', 1, 80, 0.2],
      ['C', 0, 0, 0],
      ['N', 1, 0, 0.2],
      ['Z', 1, -20, 0.2],
    ]);
  });

  it('respects the mask', () => {
    const cs = [
      customer('a', { tier: 'A', contemporaryValue: 5 }),
      customer('b', { tier: 'B', contemporaryValue: 1 }),
    ];
    expect(tierSummary(cs, Uint8Array.from([0, 1])).map((r) => r.customers)).toEqual([0, 1, 0, 0, 0]);
  });
});

describe('valueClassLists', () => {
  it('lists each class highest value first, BZ most negative first', () => {
    const cs = [
      customer('m1', { valueClass: 'MVC', contemporaryValue: 500 }),
      customer('m2', { valueClass: 'MVC', contemporaryValue: 900 }),
      customer('g', { valueClass: 'MGC', contemporaryValue: 10 }),
      customer('z1', { valueClass: 'BZ', contemporaryValue: -5 }),
      customer('z2', { valueClass: 'BZ', contemporaryValue: -50 }),
      customer('x', { valueClass: '' }),
    ];
    const lists = valueClassLists(cs, all(cs.length));
    expect(lists.map((l) => [l.valueClass, ids(cs, l.members), l.value])).toEqual([
      ['MVC', ['m2', 'm1'], 1400],
      ['MGC', ['g'], 10],
      ['BZ', ['z2', 'z1'], -55],
    ]);
  });
});

describe('valueTrend', () => {
  const cs = [customer('a'), customer('b')];
  const deals = pack(cs, [
    deal('a', { closeDate: '2025-01-05', amount: 100 }),
    deal('a', { closeDate: '2025-01-20', amount: 50 }),
    deal('b', { closeDate: '2025-03-02', amount: 70 }),
    deal('b', { closeDate: '2025-02-02', amount: 999, stage: 'lost' }),
    deal('b', { closeDate: '', amount: 5 }),
  ]);

  it('sums won revenue per month, with empty months in between (the JSDoc example)', () => {
    const months = valueTrend(deals, all(2), periodOf({ from: '', to: '' }));
    expect(months.map((m) => [m.month, m.revenue, m.orders, m.members.length])).toEqual([
      ['2025-01', 150, 2, 1],
      ['2025-02', 0, 0, 0],
      ['2025-03', 70, 1, 1],
    ]);
  });

  it.each([
    ['the period', { from: '2025-01-10', to: '2025-02-28' }, all(2), [['2025-01', 50]]],
    ['the customers', { from: '', to: '' }, Uint8Array.from([0, 1]), [['2025-03', 70]]],
  ])('follows %s', (_name, period, mask, expected) => {
    expect(valueTrend(deals, mask, periodOf(period)).map((m) => [m.month, m.revenue])).toEqual(expected);
  });
});
