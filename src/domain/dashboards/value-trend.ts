/**
 * Value trend by month: the revenue of won deals per month of their order (close) date, for the selected
 * customers and period. revenue = Σ amount of the month's won deals, net of returns / credit notes
 * (negative amounts); orders = the number of purchases (positive amounts); customers = the distinct
 * customers who bought. Months without deals between the first and last one show 0.
 *
 * Example: won deals 2025-01 ¥100, 2025-01 ¥50 (same customer), 2025-03 ¥70 → 2025-01: ¥150, 2 orders,
 * 1 customer; 2025-02: 0; 2025-03: ¥70, 1 order, 1 customer.
 */
import { inPeriod, type Period } from './filters';
import { monthLabel, STAGE_INDEX, type DealColumns, type Members } from './inputs';
import { monthRange } from './months';

export interface TrendMonth extends Members {
  month: string;
  revenue: number;
  orders: number;
}

export function valueTrend(deals: DealColumns, mask: Uint8Array, period: Period): TrendMonth[] {
  const won = STAGE_INDEX.won;
  const byMonth = new Map<number, { revenue: number; orders: number; members: Set<number> }>();
  for (let i = 0; i < deals.count; i++) {
    const c = deals.customer[i]!;
    if (deals.stage[i] !== won || c < 0 || !mask[c] || !inPeriod(deals.closeDay[i]!, period)) continue;
    const m = deals.closeMonth[i]!;
    let b = byMonth.get(m);
    if (!b) byMonth.set(m, (b = { revenue: 0, orders: 0, members: new Set() }));
    const amount = deals.amount[i]!;
    b.revenue += amount;
    if (amount > 0) {
      b.orders += 1;
      b.members.add(c);
    }
  }
  return monthRange(byMonth.keys()).map((m) => {
    const b = byMonth.get(m);
    const month = monthLabel(m);
    return {
      month,
      drill: `trend:${month}`,
      revenue: b?.revenue ?? 0,
      orders: b?.orders ?? 0,
      members: b ? [...b.members] : [],
    };
  });
}
