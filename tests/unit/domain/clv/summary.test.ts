import { describe, expect, it } from 'vitest';
import { dayNumber, summariseTransactions, type Purchase } from '../../../../src/domain/clv';
import { CDNOW_CALIBRATION_END, cdnowPurchases, cdnowSummaryWithTransactions } from './cdnow';

/**
 * The published summary is rounded to 2 decimals (half up: customer 1's zbar 22.345 is 22.35); ours
 * is compared after the same rounding. Our zbar is in cents, exact, so the half-cent ties round right.
 */
const round2 = (v: number): number => Math.round(v * 100) / 100;
const dollars = (cents: number): number => Math.round(cents) / 100;

describe('summariseTransactions', () => {
  it('rebuilds cdnow_customers_summary_with_transactions.csv exactly from CDNOW_sample.txt (lifetimes datasets)', () => {
    const expected = cdnowSummaryWithTransactions();
    const ours = summariseTransactions(cdnowPurchases(), CDNOW_CALIBRATION_END);
    expect(ours).toHaveLength(2357);
    expect(ours.map((s) => s.customerId)).toEqual(expected.map((e) => e.id));
    const mismatches = ours.filter((s, i) => {
      const e = expected[i]!;
      return (
        s.x !== e.x ||
        Math.abs(round2(s.tx) - e.tx) > 1e-9 ||
        Math.abs(round2(s.T) - e.T) > 1e-9 ||
        Math.abs(dollars(s.zbar) - e.zbar) > 1e-9
      );
    });
    expect(mismatches).toEqual([]);
  });

  const p = (customerId: string, date: string, value: number): Purchase => ({ customerId, date, value });

  it('merges same-day purchases, sums their values, and leaves the first day out of zbar', () => {
    const [a] = summariseTransactions(
      [
        p('a', '2024-01-08', 100),
        p('a', '2024-01-01', 50),
        p('a', '2024-01-08', 30),
        p('a', '2024-01-15', 70),
      ],
      '2024-01-29',
    );
    // Days 01-01 (50), 01-08 (100 + 30), 01-15 (70): x = 2, zbar = (130 + 70) / 2.
    expect(a).toEqual({ customerId: 'a', x: 2, tx: 2, T: 4, zbar: 100 });
  });

  it('ignores purchases after the calibration end, and customers who start after it', () => {
    const summaries = summariseTransactions(
      [p('a', '2024-01-01', 10), p('a', '2024-02-01', 10), p('b', '2024-02-01', 10)],
      '2024-01-31',
      1,
    );
    expect(summaries).toEqual([{ customerId: 'a', x: 0, tx: 0, T: 30, zbar: 0 }]);
  });

  it('skips rows with an invalid date or value instead of failing', () => {
    const summaries = summariseTransactions(
      [p('a', '2024-01-01', 10), p('a', '', 10), p('a', '2024-02-30', 10), p('a', '2024-01-03', Number.NaN)],
      '2024-01-31',
      1,
    );
    expect(summaries).toEqual([{ customerId: 'a', x: 0, tx: 0, T: 30, zbar: 0 }]);
  });

  it('does not depend on the order of the rows', () => {
    const rows = cdnowPurchases().slice(0, 400);
    const byId = (list: ReturnType<typeof summariseTransactions>) =>
      [...list].sort((x, y) => x.customerId.localeCompare(y.customerId));
    expect(byId(summariseTransactions([...rows].reverse(), CDNOW_CALIBRATION_END))).toEqual(
      byId(summariseTransactions(rows, CDNOW_CALIBRATION_END)),
    );
  });

  it('rejects a calibration end or unit that is not usable', () => {
    expect(() => summariseTransactions([], '2024-13-01')).toThrow(RangeError);
    expect(() => summariseTransactions([], '2024-01-01', 0)).toThrow(RangeError);
  });
});

describe('dayNumber', () => {
  it.each([
    ['1970-01-01', 0],
    ['1997-09-30', 10134],
    ['2000-02-29', 11016],
    ['2024-03-01', 19783],
    ['1969-12-31', -1],
  ])('%s → %d', (date, expected) => {
    expect(dayNumber(date)).toBe(expected);
    expect(dayNumber(date)).toBe(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  });

  it.each([
    '',
    '2024-1-01',
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-00-10',
    '2024/01/01',
    '２０２４-01-01',
  ])('rejects %j', (date) => {
    expect(dayNumber(date)).toBeNaN();
  });
});
