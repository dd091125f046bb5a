/**
 * Won-deal facts packed into columns, grouped by customer and sorted by order date inside each group.
 * The orchestrator then walks each customer's deals as one contiguous range, with no per-customer
 * arrays. Grouping is a stable counting sort by customer, then an insertion sort by day inside each
 * customer's few deals: close to linear in the number of deals.
 *
 * A deal is kept when it is won, not in the trash (batches hold live deals only), belongs to a known customer and has an order
 * (close) date on or before today.
 */
import type { DateWindow } from '../portfolio/windows';
import { costRatioFor, type LineCostRatios } from './contemporary-value';
import { KEY_WORDS, type CustomerIndex } from './customer-keys';
import { dealBatchesOf, WON_STAGE_CODE, type DealInput } from './deal-columns';
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
  /**
   * The cost ratio (a fraction) for the deal when it carries no cost: its product line's, else the
   * global one (costRatioFor), resolved once here so the passes over the deals look nothing up.
   */
  costRatio: Float64Array;
  /** Each customer's payment record, when packDeals was given a payment window. */
  payment?: PaymentColumns;
}

/**
 * The payment-behaviour records of rating/payment.ts (`paymentRecords`), one slot per customer:
 * the won-deal amount falling due in the window and the part of it collected, summed in input order.
 * A customer with due[i] = 0 has no record.
 */
export interface PaymentColumns {
  due: Float64Array;
  collected: Float64Array;
}

/**
 * Packs the won deals of the customers in `index` (customer id → row number, customer-keys.ts).
 *
 * The deals are read in place from their batches (no copy per deal), in input order, which is memory
 * order, twice: pass 1 filters them and notes each input row's customer (−1 when not kept); pass 2
 * copies the kept rows' columns straight to their places in the grouped order. Only one Int32Array as
 * long as the input is made on the way.
 *
 * With `paymentWindow`, pass 1 also sums each customer's payment record over that window (rating
 * criterion "payment behaviour"), because it already has every won deal's customer: finding a
 * million deals' customers is the costliest step of the pass, and the rating would otherwise do it
 * again.
 *
 * `costRatios` gives each deal's cost ratio (`PackedDeals.costRatio`): the global one (default 0), or
 * its product line's where `byLine` has one.
 */
export function packDeals(
  deals: DealInput,
  index: CustomerIndex,
  todayDay: number,
  paymentWindow?: DateWindow,
  costRatios: { global: number; byLine?: LineCostRatios } = { global: 0 },
): PackedDeals {
  const { batches } = dealBatchesOf(deals);
  const customerCount = index.rows;
  let m = 0;
  for (const b of batches) m += b.stage.length;
  const payment: PaymentColumns | undefined = paymentWindow && {
    due: new Float64Array(customerCount),
    collected: new Float64Array(customerCount),
  };
  // The payment window as day numbers: a due day d is in it when start ≤ d ≤ end, which leaves NO_DAY
  // (no due date) out, as inWindow leaves out ''. On stored dates (real calendar dates, validation.ts)
  // this is inWindow's string comparison.
  const dueFrom = paymentWindow ? dayOf(paymentWindow.start) : 0;
  const dueTo = paymentWindow ? dayOf(paymentWindow.end) : -1;
  // Pass 1: filter, and note each input row's customer (−1 = not kept).
  const custOfRow = new Int32Array(m).fill(-1);
  let kept = 0;
  let g = 0;
  for (const batch of batches) {
    const { customerKey, otherCustomerRow, stage, closeDay, dueDay, amount, paidAmount } = batch;
    let other = 0;
    let otherRow = otherCustomerRow.length > 0 ? (otherCustomerRow[0] as number) : -1;
    for (let k = 0; k < stage.length; k++, g++) {
      const won = stage[k] === WON_STAGE_CODE;
      let c = -1;
      if (k === otherRow) {
        if (won) c = index.rowOfId(batch.otherCustomerId[other] as string);
        other++;
        otherRow = other < otherCustomerRow.length ? (otherCustomerRow[other] as number) : -1;
      } else if (won) {
        c = index.rowOfKey(customerKey, k * KEY_WORDS);
      }
      if (c < 0) continue;
      if (payment !== undefined) {
        const a = amount[k] as number;
        const due = dueDay[k] as number;
        // As paymentRecords: skipped when amount <= 0 (so a NaN amount counts, as it does there).
        if (!(a <= 0) && due >= dueFrom && due <= dueTo) {
          payment.due[c]! += a;
          payment.collected[c]! += Math.min(Math.max(paidAmount[k] as number, 0), a);
        }
      }
      // NO_DAY (no close date) is below every day, so `> todayDay` alone would keep it: test both.
      const d = closeDay[k] as number;
      if (d === NO_DAY || d > todayDay) continue;
      custOfRow[g] = c;
      kept++;
    }
  }

  // Grouped by customer with a stable counting sort (each group in input order), then each group
  // put in date order by an insertion sort (below), which keeps equal dates in input order too: the
  // same order as sorting by (customer, date, input position). Groups are small (ten deals or so), and
  // this way every pass over the million deals reads and writes in order but for `next`, whose one
  // slot per customer stays in the processor's cache.
  const offsets = new Int32Array(customerCount + 1);
  for (let r = 0; r < m; r++) {
    const c = custOfRow[r] as number;
    if (c >= 0) offsets[c + 1]! += 1;
  }
  for (let i = 1; i <= customerCount; i++) offsets[i]! += offsets[i - 1] as number;
  const next = offsets.slice(0, customerCount);

  // Pass 2: each kept deal copied to its place. Reading in input order and writing scattered is
  // faster than the reverse: the reads are the ones the processor has to wait for.
  const packed: PackedDeals = { offsets, ...columns(kept), payment };
  g = 0;
  for (const batch of batches) {
    const lineRatio = Float64Array.from(batch.productLineIds, (id) =>
      costRatioFor(id, costRatios.byLine, costRatios.global),
    );
    for (let k = 0; k < batch.stage.length; k++, g++) {
      const c = custOfRow[g] as number;
      if (c < 0) continue;
      const j = next[c]!++;
      packed.costRatio[j] = lineRatio[batch.productLine[k] as number] as number;
      packed.day[j] = batch.closeDay[k] as number;
      packed.dueDay[j] = batch.dueDay[k] as number;
      packed.amount[j] = batch.amount[k] as number;
      packed.cost[j] = batch.cost[k] as number;
      packed.serviceCost[j] = batch.serviceCost[k] as number;
      packed.discount[j] = batch.discount[k] as number;
      packed.paid[j] = batch.paidAmount[k] as number;
    }
  }
  for (let i = 0; i < customerCount; i++)
    sortGroupByDay(packed, offsets[i] as number, offsets[i + 1] as number);
  return packed;
}

/** Above this many deals, a customer's group is sorted by a comparison sort (insertion sort is n²). */
const INSERTION_SORT_MAX = 32;

/**
 * Sorts rows from … to − 1 of the packed columns by day, keeping rows of the same day in their order:
 * insertion sort (stable, and the fastest for a handful of rows, often already in order), or for a
 * large group a sort of the row numbers by (day, row), then the rows moved to their places.
 */
function sortGroupByDay(p: PackedDeals, from: number, to: number): void {
  if (to - from > INSERTION_SORT_MAX) {
    sortLargeGroupByDay(p, from, to);
    return;
  }
  const { day, dueDay, amount, cost, serviceCost, discount, paid, costRatio } = p;
  for (let j = from + 1; j < to; j++) {
    const d = day[j] as number;
    let i = j - 1;
    if ((day[i] as number) <= d) continue;
    const due = dueDay[j] as number;
    const a = amount[j] as number;
    const c = cost[j] as number;
    const s = serviceCost[j] as number;
    const dis = discount[j] as number;
    const pd = paid[j] as number;
    const r = costRatio[j] as number;
    do {
      day[i + 1] = day[i] as number;
      dueDay[i + 1] = dueDay[i] as number;
      amount[i + 1] = amount[i] as number;
      cost[i + 1] = cost[i] as number;
      serviceCost[i + 1] = serviceCost[i] as number;
      discount[i + 1] = discount[i] as number;
      paid[i + 1] = paid[i] as number;
      costRatio[i + 1] = costRatio[i] as number;
      i--;
    } while (i >= from && (day[i] as number) > d);
    day[i + 1] = d;
    dueDay[i + 1] = due;
    amount[i + 1] = a;
    cost[i + 1] = c;
    serviceCost[i + 1] = s;
    discount[i + 1] = dis;
    paid[i + 1] = pd;
    costRatio[i + 1] = r;
  }
}

function columns(size: number): Omit<PackedDeals, 'offsets' | 'payment'> {
  return {
    day: new Int32Array(size),
    dueDay: new Int32Array(size),
    amount: new Float64Array(size),
    cost: new Float64Array(size),
    serviceCost: new Float64Array(size),
    discount: new Float64Array(size),
    paid: new Float64Array(size),
    costRatio: new Float64Array(size),
  };
}

/**
 * The large-group case of sortGroupByDay. Each row becomes one number, (day − first day) × size + its
 * place k in the group, so a plain numeric sort of a Float64Array (native, no comparator calls) orders
 * the rows by (day, place): stable. The numbers stay exact integers (days span far less than 2^53 /
 * size). The rows are then moved to their places, column by column.
 *
 * @example days [9, 3, 9, 3] (size 4, first day 3) → keys [24, 1, 26, 3] → sorted [1, 3, 24, 26] → places 1, 3, 0, 2
 */
function sortLargeGroupByDay(p: PackedDeals, from: number, to: number): void {
  const size = to - from;
  let firstDay = p.day[from] as number;
  for (let j = from + 1; j < to; j++) firstDay = Math.min(firstDay, p.day[j] as number);
  const keys = new Float64Array(size);
  for (let k = 0; k < size; k++) keys[k] = ((p.day[from + k] as number) - firstDay) * size + k;
  keys.sort();
  const place = new Int32Array(size);
  for (let k = 0; k < size; k++) place[k] = (keys[k] as number) % size;
  for (const column of [p.day, p.dueDay, p.amount, p.cost, p.serviceCost, p.discount, p.paid, p.costRatio]) {
    const before = column.slice(from, to);
    for (let k = 0; k < size; k++) column[from + k] = before[place[k] as number] as number;
  }
}
