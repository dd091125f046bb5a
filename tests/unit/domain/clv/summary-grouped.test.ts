import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  summariseGroupedPurchases,
  summariseTransactions,
  type Purchase,
} from '../../../../src/domain/clv';
import { CDNOW_CALIBRATION_END, cdnowPurchases } from './cdnow';

/** Purchases → the grouped form: customers in order of their first row, days ascending in each group. */
function grouped(purchases: readonly Purchase[]) {
  const ids: string[] = [];
  const rows = new Map<string, Purchase[]>();
  for (const p of purchases) {
    if (!rows.has(p.customerId)) {
      ids.push(p.customerId);
      rows.set(p.customerId, []);
    }
    rows.get(p.customerId)!.push(p);
  }
  const offsets = new Int32Array(ids.length + 1);
  const day: number[] = [];
  const value: number[] = [];
  ids.forEach((id, g) => {
    // A stable sort by day, as the value engine's packing (a stable counting sort) leaves them.
    const own = [...rows.get(id)!].sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
    for (const p of own) {
      day.push(dayNumber(p.date));
      value.push(p.value);
    }
    offsets[g + 1] = day.length;
  });
  const inGroupOrder = ids.flatMap((id) =>
    [...rows.get(id)!].sort((a, b) => dayNumber(a.date) - dayNumber(b.date)),
  );
  return { ids, grouped: { offsets, day, value }, inGroupOrder };
}

/** The grouped result in summariseTransactions' form (empty groups left out). */
function asList(ids: readonly string[], summaries: ReturnType<typeof summariseGroupedPurchases>) {
  return summaries.flatMap((s, g) => (s === undefined ? [] : [{ customerId: ids[g]!, ...s }]));
}

describe('summariseGroupedPurchases', () => {
  it('gives exactly the summaries of summariseTransactions on CDNOW (lifetimes datasets)', () => {
    const purchases = cdnowPurchases();
    const { ids, grouped: g, inGroupOrder } = grouped(purchases);
    const end = dayNumber(CDNOW_CALIBRATION_END);
    const ours = asList(ids, summariseGroupedPurchases(g, end));
    expect(ours).toHaveLength(2357);
    expect(ours).toEqual(summariseTransactions(inGroupOrder, CDNOW_CALIBRATION_END));
  });

  it('merges same-day purchases and leaves the first day out of zbar', () => {
    const g = { offsets: Int32Array.of(0, 4, 4), day: [0, 7, 7, 14], value: [50, 100, 30, 70] };
    expect(summariseGroupedPurchases(g, 28)).toEqual([{ x: 2, tx: 2, T: 4, zbar: 100 }, undefined]);
  });

  it('is bit for bit summariseTransactions on the same purchases, invalid values and late days included', () => {
    const purchase = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd'),
      date: fc
        .integer({ min: 19_700, max: 19_760 })
        .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
      value: fc.oneof(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0),
      ),
    });
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 60 }), fc.constantFrom(1, 7), (purchases, unit) => {
        const end = '2024-02-15';
        const { ids, grouped: g, inGroupOrder } = grouped(purchases);
        const ours = asList(ids, summariseGroupedPurchases(g, dayNumber(end), unit));
        // Listed in the grouped order (as the value engine lists them), so zbar's sums run in the same
        // order; Object.is per field: the same bits, not merely close.
        const theirs = summariseTransactions(inGroupOrder, end, unit);
        expect(ours.length).toBe(theirs.length);
        ours.forEach((s, k) => {
          const t = theirs[k]!;
          expect(s.customerId).toBe(t.customerId);
          for (const key of ['x', 'tx', 'T', 'zbar'] as const) expect(Object.is(s[key], t[key])).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a calibration end or unit that is not usable', () => {
    const g = { offsets: Int32Array.of(0), day: [], value: [] };
    expect(() => summariseGroupedPurchases(g, Number.NaN)).toThrow(RangeError);
    expect(() => summariseGroupedPurchases(g, 0, 0)).toThrow(RangeError);
  });
});
