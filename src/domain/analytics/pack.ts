/**
 * Won-deal facts packed into columns, grouped by customer and sorted by order date inside each group.
 * The orchestrator then walks each customer's deals as one contiguous range, with no per-customer
 * arrays. Grouping is two stable counting sorts (by day, then by customer): linear in the number of
 * deals, so a million deals pack in a few hundred milliseconds.
 *
 * A deal is kept when it is won, not in the trash, belongs to a known customer and has an order
 * (close) date on or before today.
 */
import type { DealFact } from './contemporary-value';
import { dayOf, NO_DAY } from './days';

export interface PackedDeals {
  /** The deals of customer i are rows offsets[i] … offsets[i + 1] − 1, oldest first. */
  offsets: Int32Array;
  day: Int32Array;
  /** NO_DAY when the deal has no due date. */
  dueDay: Int32Array;
  amount: Float64Array;
  cost: Float64Array;
  serviceCost: Float64Array;
  discount: Float64Array;
  paid: Float64Array;
}

/** Packs the won deals of the customers in `index` (customer id → row number). */
export function packDeals(
  deals: readonly DealFact[],
  index: ReadonlyMap<string, number>,
  todayDay: number,
): PackedDeals {
  const customerCount = index.size;
  const m = deals.length;
  // Pass 1, in input order (sequential reads of the row objects): filter and copy into columns.
  const cust = new Int32Array(m);
  const cols = columns(m);
  let kept = 0;
  let minDay = todayDay;
  for (let k = 0; k < m; k++) {
    const deal = deals[k] as DealFact;
    if (deal.stage !== 'won' || (deal.deletedAt ?? null) !== null) continue;
    const c = index.get(deal.customerId);
    if (c === undefined) continue;
    const d = dayOf(deal.closeDate);
    if (d === NO_DAY || d > todayDay) continue;
    if (d < minDay) minDay = d;
    cust[kept] = c;
    cols.day[kept] = d;
    cols.dueDay[kept] = dayOf(deal.dueDate);
    cols.amount[kept] = deal.amount;
    cols.cost[kept] = deal.cost;
    cols.serviceCost[kept] = deal.serviceCost;
    cols.discount[kept] = deal.discount;
    cols.paid[kept] = deal.paidAmount;
    kept++;
  }

  // Stable counting sort by day, then by customer: grouped by customer, oldest first in each group.
  const { day } = cols;
  const dayCounts = new Int32Array(todayDay - minDay + 2);
  for (let r = 0; r < kept; r++) dayCounts[(day[r] as number) - minDay + 1]! += 1;
  for (let b = 1; b < dayCounts.length; b++) dayCounts[b]! += dayCounts[b - 1] as number;
  const byDay = new Int32Array(kept);
  for (let r = 0; r < kept; r++) byDay[dayCounts[(day[r] as number) - minDay]!++] = r;

  const offsets = new Int32Array(customerCount + 1);
  for (let r = 0; r < kept; r++) offsets[(cust[r] as number) + 1]! += 1;
  for (let i = 1; i <= customerCount; i++) offsets[i]! += offsets[i - 1] as number;
  const next = offsets.slice(0, customerCount);
  const order = new Int32Array(kept);
  for (let q = 0; q < kept; q++) {
    const r = byDay[q] as number;
    order[next[cust[r] as number]!++] = r;
  }

  // Pass 2: permute the columns into that order.
  const packed: PackedDeals = { offsets, ...columns(kept) };
  for (let j = 0; j < kept; j++) {
    const r = order[j] as number;
    packed.day[j] = cols.day[r] as number;
    packed.dueDay[j] = cols.dueDay[r] as number;
    packed.amount[j] = cols.amount[r] as number;
    packed.cost[j] = cols.cost[r] as number;
    packed.serviceCost[j] = cols.serviceCost[r] as number;
    packed.discount[j] = cols.discount[r] as number;
    packed.paid[j] = cols.paid[r] as number;
  }
  return packed;
}

function columns(size: number): Omit<PackedDeals, 'offsets'> {
  return {
    day: new Int32Array(size),
    dueDay: new Int32Array(size),
    amount: new Float64Array(size),
    cost: new Float64Array(size),
    serviceCost: new Float64Array(size),
    discount: new Float64Array(size),
    paid: new Float64Array(size),
  };
}
