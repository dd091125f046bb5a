import type { IsoDate } from '../types';

/**
 * Purchases → the per-customer summary the BG/NBD and Gamma-Gamma models are fitted on.
 *
 * The models count purchase *occasions*, so a customer's purchases on the same calendar day are merged
 * into one (their values summed): two invoices on one visit are one purchase. The first purchase day
 * starts the customer's clock and is not a "repeat", which is why x counts days after the first and
 * zbar averages the repeat days only (the first purchase is often unlike the later ones: a trial order,
 * an opening stock). Purchases after the calibration end are ignored; a customer whose first purchase
 * comes after it is not summarised (not yet a customer on that date). Rows with a date that is not a
 * valid `YYYY-MM-DD` or a value that is not finite are skipped, so one bad row cannot stop a recompute.
 */

/** A customer's purchase history in the models' terms; times in units of `unitDays` days. */
export interface PurchaseSummary {
  /** Repeat purchases: distinct purchase days after the first, up to the calibration end. */
  x: number;
  /** Recency: time from the first to the last purchase day. */
  tx: number;
  /** Age: time from the first purchase day to the calibration end. */
  T: number;
  /** Mean value of the repeat purchase days (daily values summed, first day excluded); 0 when x = 0. */
  zbar: number;
}

export interface CustomerPurchaseSummary extends PurchaseSummary {
  customerId: string;
}

export interface Purchase {
  customerId: string;
  date: IsoDate;
  value: number;
}

const DIGIT_0 = 48;
const MONTH_LENGTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day number of `YYYY-MM-DD` since 1970-01-01 (proleptic Gregorian), or NaN when it is not a valid date. */
export function dayNumber(date: IsoDate): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = date.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return Number.NaN;
    if (i < 4) y = y * 10 + digit;
    else if (i < 7) m = m * 10 + digit;
    else d = d * 10 + digit;
  }
  if (m < 1 || m > 12 || d < 1) return Number.NaN;
  // Days from civil (H. Hinnant): exact integer arithmetic, no Date object, so 1 M rows stay cheap.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const day = era * 146097 + doe - 719468;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const monthLength = m === 2 && leap ? 29 : MONTH_LENGTH[m - 1]!;
  return d <= monthLength ? day : Number.NaN;
}

/**
 * Summarises purchases per customer as of `calibrationEnd`, with times in units of `unitDays` days
 * (7 = weeks, as in the BG/NBD literature).
 *
 * x = distinct purchase days − 1; tx = (last day − first day) / unitDays;
 * T = (calibrationEnd − first day) / unitDays; zbar = (Σ value over the days after the first) / x.
 *
 * @example
 * // CDNOW customer 1 (calibration end 1997-09-30): purchases on 01-01 (29.33), 01-18 (29.73),
 * // 08-02 (14.96) and 1997-12-12 (after the calibration end, ignored):
 * // x = 2, tx = 213 / 7 = 30.43, T = 272 / 7 = 38.86, zbar = (29.73 + 14.96) / 2 = 22.345
 * @returns one summary per customer, in order of the customer's first row in `purchases`.
 */
export function summariseTransactions(
  purchases: readonly Purchase[],
  calibrationEnd: IsoDate,
  unitDays = 7,
): CustomerPurchaseSummary[] {
  const end = dayNumber(calibrationEnd);
  if (Number.isNaN(end)) throw new RangeError(`calibrationEnd is not a YYYY-MM-DD date: ${calibrationEnd}`);
  if (!(unitDays > 0)) throw new RangeError(`unitDays must be positive: ${unitDays}`);
  // Pass 1: number the customers, keep each valid purchase's customer, day and value.
  const ids: string[] = [];
  const numberOf = new Map<string, number>();
  const customerOf = new Int32Array(purchases.length);
  const dayOf = new Float64Array(purchases.length);
  const valueOf = new Float64Array(purchases.length);
  let kept = 0;
  for (const { customerId, date, value } of purchases) {
    const day = dayNumber(date);
    if (!(day <= end) || !Number.isFinite(value)) continue;
    let c = numberOf.get(customerId);
    if (c === undefined) {
      c = ids.length;
      numberOf.set(customerId, c);
      ids.push(customerId);
    }
    customerOf[kept] = c;
    dayOf[kept] = day;
    valueOf[kept] = value;
    kept++;
  }
  // Pass 2 (a counting sort, linear): each customer's purchases side by side.
  const start = new Int32Array(ids.length + 1);
  for (let i = 0; i < kept; i++) start[customerOf[i]! + 1]!++;
  for (let c = 0; c < ids.length; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const next = start.slice(0, ids.length);
  const days = new Float64Array(kept);
  const values = new Float64Array(kept);
  for (let i = 0; i < kept; i++) {
    const at = next[customerOf[i]!]!++;
    days[at] = dayOf[i]!;
    values[at] = valueOf[i]!;
  }
  // Pass 3, per customer: first and last day, value of the days after the first, distinct days.
  const summaries: CustomerPurchaseSummary[] = [];
  for (let c = 0; c < ids.length; c++) {
    const own = days.subarray(start[c]!, start[c + 1]!);
    const ownValues = values.subarray(start[c]!, start[c + 1]!);
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const day of own) {
      if (day < first) first = day;
      if (day > last) last = day;
    }
    let repeatTotal = 0;
    for (let i = 0; i < own.length; i++) if (own[i] !== first) repeatTotal += ownValues[i]!;
    own.sort(); // in place, after the values were read: the same-day merge is now counting distinct days
    let x = 0;
    for (let i = 1; i < own.length; i++) if (own[i] !== own[i - 1]) x++;
    summaries.push({
      customerId: ids[c]!,
      x,
      tx: (last - first) / unitDays,
      T: (end - first) / unitDays,
      zbar: x > 0 ? repeatTotal / x : 0,
    });
  }
  return summaries;
}

/**
 * Purchases already grouped by customer: group g is rows offsets[g] … offsets[g + 1] − 1, with its
 * days (day numbers, as dayNumber gives) in ascending order. The value engine's packed deals have this
 * shape, so it can be summarised without one object or one date string per purchase.
 */
export interface GroupedPurchases {
  offsets: Int32Array;
  day: ArrayLike<number>;
  value: ArrayLike<number>;
}

/**
 * summariseTransactions for purchases that are already grouped by customer and sorted by day inside
 * each group: the same x, tx, T and zbar, summed in the same order, so the figures are bit for bit
 * those of summariseTransactions on the same purchases listed group after group.
 *
 * @returns one entry per group: its summary, or undefined when no purchase of the group counts (none at
 *   all, all after the calibration end, or none with a finite value).
 * @example
 * // One group: days 0 (50), 7 (100), 7 (30), 14 (70); calibration end day 28:
 * summariseGroupedPurchases({ offsets: Int32Array.of(0, 4), day: [0, 7, 7, 14], value: [50, 100, 30, 70] }, 28)
 * // → [{ x: 2, tx: 2, T: 4, zbar: 100 }]
 */
export function summariseGroupedPurchases(
  grouped: GroupedPurchases,
  calibrationEndDay: number,
  unitDays = 7,
): (PurchaseSummary | undefined)[] {
  if (!Number.isFinite(calibrationEndDay)) throw new RangeError(`calibration end day: ${calibrationEndDay}`);
  if (!(unitDays > 0)) throw new RangeError(`unitDays must be positive: ${unitDays}`);
  const { offsets, day, value } = grouped;
  const groups = offsets.length - 1;
  const out = new Array<PurchaseSummary | undefined>(Math.max(0, groups));
  for (let g = 0; g < groups; g++) {
    let first = Number.NaN;
    let last = Number.NaN;
    let previous = Number.NaN;
    let x = -1;
    let repeatTotal = 0;
    for (let j = offsets[g]!; j < offsets[g + 1]!; j++) {
      const d = day[j]!;
      const v = value[j]!;
      // The rows summariseTransactions skips: after the calibration end, or without a finite value.
      if (!(d <= calibrationEndDay) || !Number.isFinite(v)) continue;
      if (Number.isNaN(first)) first = d;
      last = d;
      if (d !== previous) x++;
      previous = d;
      if (d !== first) repeatTotal += v;
    }
    if (x < 0) continue;
    out[g] = {
      x,
      tx: (last - first) / unitDays,
      T: (calibrationEndDay - first) / unitDays,
      zbar: x > 0 ? repeatTotal / x : 0,
    };
  }
  return out;
}
