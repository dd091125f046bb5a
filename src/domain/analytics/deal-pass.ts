/**
 * The value engine's one pass over the packed deals: each customer's contiguous range of deals (oldest
 * first) summed into per-customer typed arrays, which the orchestrator (compute.ts) turns into metrics.
 *
 * Purchases and returns (DESIGN.md §2): a purchase is a won deal with a positive amount, counted by
 * order (two orders on one day are two purchases); a return / credit note (negative amount) lowers net
 * revenue, cost of goods and the value trend in the period it falls in, and is nothing else: not an
 * order (no handling cost), not in frequency, recency, tenure, inter-purchase time, monetary or
 * discount depth. Inter-purchase time is measured between distinct purchase days.
 */
import { costOfGoodsOf, dealFinancialCostCents, type ValueContext } from './contemporary-value';
import { NO_DAY } from './days';
import type { PackedDeals } from './pack';

/** Per-customer figures of the single pass over the packed deals. */
export interface Pass {
  /** Net revenue in W: purchases less returns. */
  revenue: Float64Array;
  /** Σ amount of the purchases in W (returns left out): the RFM monetary figure. */
  sales: Float64Array;
  costOfGoods: Float64Array;
  serviceCost: Float64Array;
  /** Purchases in W, by order: the RFM frequency and the repeat-purchase count. */
  orders: Int32Array;
  financialCost: Float64Array;
  /** First and last purchase day up to today, whatever W (NO_DAY: never bought). */
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
    sales: new Float64Array(n),
    costOfGoods: new Float64Array(n),
    serviceCost: new Float64Array(n),
    orders: new Int32Array(n),
    financialCost: new Float64Array(n),
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
  const { offsets, day, dueDay, amount, cost, serviceCost, discount, paid, costRatio } = packed;
  const ws = ctx.windowStartDay;
  for (let i = 0; i < n; i++) {
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    if (from === to) continue;
    let revenue = 0;
    let sales = 0;
    let cogs = 0;
    let service = 0;
    let orders = 0;
    let financial = 0;
    let gaps = 0;
    let gapSum = 0;
    let gapSquares = 0;
    let discounts = 0;
    let listPrices = 0;
    let h1 = 0;
    let h2 = 0;
    let first = NO_DAY;
    let prev = NO_DAY;
    for (let j = from; j < to; j++) {
      const d = day[j] as number;
      const a = amount[j] as number;
      financial += dealFinancialCostCents(a, paid[j] as number, d, dueDay[j] as number, ctx);
      const purchase = a > 0;
      if (purchase && d !== prev) {
        if (prev !== NO_DAY) {
          const gap = d - prev;
          gaps++;
          gapSum += gap;
          gapSquares += gap * gap;
        } else first = d;
        prev = d;
      }
      if (d >= ws) {
        revenue += a;
        cogs += costOfGoodsOf(a, cost[j] as number, costRatio[j] as number);
        service += serviceCost[j] as number;
        if (d < midDay) h1 += a;
        else h2 += a;
        if (purchase) {
          orders++;
          sales += a;
          discounts += discount[j] as number;
          listPrices += a + (discount[j] as number);
        }
      }
    }
    p.revenue[i] = revenue;
    p.sales[i] = sales;
    p.costOfGoods[i] = cogs;
    p.serviceCost[i] = service;
    p.orders[i] = orders;
    p.financialCost[i] = financial;
    p.firstDay[i] = first;
    p.lastDay[i] = prev;
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
