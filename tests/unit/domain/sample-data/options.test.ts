import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSampleData } from '../../../../src/domain/sample-data';
import { TODAY } from './helpers';

describe('sample data options', () => {
  it('lets explicit counts override the scale', () => {
    const d = generateSampleData({ today: TODAY, scale: 5, counts: { customers: 50, deals: 321 } });
    expect(d.customers).toHaveLength(50);
    expect(d.deals).toHaveLength(321);
    expect(d.interactions).toHaveLength(7_500);
    expect(d.productLines).toHaveLength(6);
  });

  it('multiplies the counts by the scale', () => {
    const d = generateSampleData({ today: TODAY, scale: 0.1 });
    expect([d.customers.length, d.deals.length, d.interactions.length]).toEqual([30, 400, 150]);
  });

  it('widens the customer code past 9 999 customers', () => {
    const d = generateSampleData({ today: TODAY, counts: { customers: 10_000, deals: 0, interactions: 0 } });
    expect(d.customers[0]?.code).toBe('C00001');
    expect(d.customers.at(-1)?.code).toBe('C10000');
    expect(new Set(d.customers.map((c) => c.name)).size).toBe(10_000);
  });

  it('allows an empty data set of product lines only', () => {
    const d = generateSampleData({ today: TODAY, counts: { customers: 0, deals: 0, interactions: 0 } });
    expect([d.customers.length, d.deals.length, d.interactions.length, d.productLines.length]).toEqual([
      0, 0, 0, 6,
    ]);
  });

  it.each([
    [{ today: '2025-02-30' }],
    [{ today: '30/06/2025' }],
    [{ today: TODAY, scale: -1 }],
    [{ today: TODAY, scale: Number.NaN }],
    [{ today: TODAY, counts: { deals: 1.5 } }],
    [{ today: TODAY, counts: { customers: -1 } }],
    [{ today: TODAY, counts: { customers: 0, deals: 1 } }],
  ])('rejects %o', (opts) => {
    expect(() => generateSampleData(opts)).toThrow(RangeError);
  });

  it('keeps exact counts and valid references for any small counts and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, customers, deals, interactions) => {
          const d = generateSampleData({ seed, today: TODAY, counts: { customers, deals, interactions } });
          expect([d.customers.length, d.deals.length, d.interactions.length]).toEqual([
            customers,
            deals,
            interactions,
          ]);
          const ids = new Set(d.customers.map((c) => c.id));
          expect(d.deals.every((x) => ids.has(x.customerId) && x.openDate <= TODAY)).toBe(true);
          expect(d.deals.every((x) => x.closeDate === '' || x.openDate <= x.closeDate)).toBe(true);
          expect(d.interactions.every((x) => ids.has(x.customerId) && x.date <= TODAY)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
