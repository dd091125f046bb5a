/**
 * The value engine's one pass over the packed deals: each customer's contiguous range of deals (oldest
 * first) summed into per-customer typed arrays, which the orchestrator (compute.ts) turns into metrics.
 */
import { dealFinancialCostCents, type ValueContext } from './contemporary-value';
import { NO_DAY } from './days';
import type { PackedDeals } from './pack';

/** Per-customer figures of the single pass over the packed deals. */
export interface Pass {
  revenue: Float64Array;
  costOfGoods: Float64Array;
  serviceCost: Float64Array;
  orders: Int32Array;
  financialCost: Float64Array;
  frequency: Int32Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
  gaps: Int32Array;
  gapSum: Float64Array;
  gapSquares: Float64Array;
  discountSum: Float64Array;
  listPriceSum: Float64Array;
  firstHalf: Float64Array;
  secondHalf: Float64Array;
}

export function dealPass(packed: PackedDeals, n: number, ctx: ValueContext, midDay: number): Pass {
  const p: Pass = {
    revenue: new Float64Array(n),
    costOfGoods: new Float64Array(n),
    serviceCost: new Float64Array(n),
    orders: new Int32Array(n),
    financialCost: new Float64Array(n),
    frequency: new Int32Array(n),
    firstDay: new Int32Array(n).fill(NO_DAY),
    lastDay: new Int32Array(n).fill(NO_DAY),
    gaps: new Int32Array(n),
    gapSum: new Float64Array(n),
    gapSquares: new Float64Array(n),
    discountSum: new Float64Array(n),
    listPriceSum: new Float64Array(n),
    firstHalf: new Float64Array(n),
    secondHalf: new Float64Array(n),
  };
  const { offsets, day, dueDay, amount, cost, serviceCost, discount, paid } = packed;
  const ws = ctx.windowStartDay;
  for (let i = 0; i < n; i++) {
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    if (from === to) continue;
    let revenue = 0;
    let cogs = 0;
    let service = 0;
    let orders = 0;
    let financial = 0;
    let frequency = 0;
    let gaps = 0;
    let gapSum = 0;
    let gapSquares = 0;
    let discounts = 0;
    let listPrices = 0;
    let h1 = 0;
    let h2 = 0;
    let prev = NO_DAY;
    for (let j = from; j < to; j++) {
      const d = day[j] as number;
      const a = amount[j] as number;
      financial += dealFinancialCostCents(a, paid[j] as number, d, dueDay[j] as number, ctx);
      if (d !== prev) {
        if (prev !== NO_DAY) {
          const gap = d - prev;
          gaps++;
          gapSum += gap;
          gapSquares += gap * gap;
        }
        prev = d;
        if (d >= ws) frequency++;
      }
      if (d >= ws) {
        orders++;
        revenue += a;
        cogs += cost[j] as number;
        service += serviceCost[j] as number;
        discounts += discount[j] as number;
        listPrices += a + (discount[j] as number);
        if (d < midDay) h1 += a;
        else h2 += a;
      }
    }
    p.revenue[i] = revenue;
    p.costOfGoods[i] = cogs;
    p.serviceCost[i] = service;
    p.orders[i] = orders;
    p.financialCost[i] = financial;
    p.frequency[i] = frequency;
    p.firstDay[i] = day[from] as number;
    p.lastDay[i] = day[to - 1] as number;
    p.gaps[i] = gaps;
    p.gapSum[i] = gapSum;
    p.gapSquares[i] = gapSquares;
    p.discountSum[i] = discounts;
    p.listPriceSum[i] = listPrices;
    p.firstHalf[i] = h1;
    p.secondHalf[i] = h2;
  }
  return p;
}
