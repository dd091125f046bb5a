/**
 * Repeat purchase rate (DESIGN.md §2). A purchase is a won deal with a positive amount, counted by order
 * (two orders on one day are two purchases, as RFM frequency counts them); a return / credit note
 * (negative amount) is never a purchase.
 *
 * - For the period: rate = customers with ≥ 2 purchases in the period ÷ customers with ≥ 1.
 * - By month: rate = the month's buyers who had already bought before that month (at any earlier date)
 *   ÷ the month's buyers — the share of the month's business that is repeat business.
 *
 * Example: customer a buys 2025-01-05 and 2025-02-10, b buys 2025-02-03 → period rate 1 ÷ 2 = 50 %;
 * 2025-01: 0 of 1 repeat (0 %); 2025-02: a repeat, b first → 1 of 2 = 50 %. Had b placed two orders on
 * 2025-02-03, b would be a repeat buyer of the period too (2 ÷ 2).
 */
import { NO_DAY } from '../analytics/days';
import { inPeriod, type Period } from './filters';
import { monthLabel, STAGE_INDEX, type DealColumns, type Members } from './inputs';
import { monthRange } from './months';

export interface RepeatMonth extends Members {
  month: string;
  buyers: number;
  repeatBuyers: number;
  rate: number;
}

export interface RepeatRate {
  buyers: number;
  repeatBuyers: number;
  rate: number;
  months: RepeatMonth[];
}

export function repeatRate(
  deals: DealColumns,
  mask: Uint8Array,
  period: Period,
  customerCount: number,
): RepeatRate {
  const won = STAGE_INDEX.won;
  // First purchase day of each customer over all time, and first / repeat purchase within the period.
  const firstEver = new Int32Array(customerCount).fill(2_147_483_647);
  const firstIn = new Int32Array(customerCount).fill(NO_DAY);
  const repeatIn = new Uint8Array(customerCount);
  for (let i = 0; i < deals.count; i++) {
    const c = deals.customer[i]!;
    const day = deals.closeDay[i]!;
    if (deals.stage[i] !== won || !(deals.amount[i]! > 0) || c < 0 || !mask[c] || day === NO_DAY) continue;
    if (day < firstEver[c]!) firstEver[c] = day;
    if (!inPeriod(day, period)) continue;
    if (firstIn[c] === NO_DAY) firstIn[c] = day;
    else repeatIn[c] = 1;
  }
  const byMonth = new Map<number, Set<number>>();
  for (let i = 0; i < deals.count; i++) {
    const c = deals.customer[i]!;
    const day = deals.closeDay[i]!;
    if (deals.stage[i] !== won || !(deals.amount[i]! > 0) || c < 0 || !mask[c] || !inPeriod(day, period))
      continue;
    const m = deals.closeMonth[i]!;
    let b = byMonth.get(m);
    if (!b) byMonth.set(m, (b = new Set()));
    b.add(c);
  }
  let buyers = 0;
  let repeatBuyers = 0;
  for (let c = 0; c < customerCount; c++) {
    if (firstIn[c] === NO_DAY) continue;
    buyers += 1;
    repeatBuyers += repeatIn[c]!;
  }
  const months = monthRange(byMonth.keys()).map((m): RepeatMonth => {
    const month = monthLabel(m);
    const buyersOfMonth = byMonth.get(m) ?? new Set<number>();
    const start = monthStartDay(m);
    const members: number[] = [];
    for (const c of buyersOfMonth) if (firstEver[c]! < start) members.push(c);
    const monthBuyers = buyersOfMonth.size;
    return {
      month,
      drill: `repeat:${month}`,
      members,
      buyers: monthBuyers,
      repeatBuyers: members.length,
      rate: monthBuyers > 0 ? members.length / monthBuyers : 0,
    };
  });
  return { buyers, repeatBuyers, rate: buyers > 0 ? repeatBuyers / buyers : 0, months };
}

/** The day number of the first day of month index `m` (`year × 12 + month − 1`). */
function monthStartDay(m: number): number {
  return Date.UTC(Math.floor(m / 12), m % 12, 1) / 86_400_000;
}
