/**
 * The week the list is for, and the weekly phone-call sample of tier C (DESIGN.md §2: "sample a few
 * for a phone call"). Weeks are ISO weeks: Monday to Sunday.
 */
import { dayOf, isoOf, NO_DAY } from '../analytics/days';
import type { IsoDate } from '../types';

/** The Monday and Sunday of the ISO week of `today`. @example isoWeek('2025-07-02') // { monday: '2025-06-30', sunday: '2025-07-06' } */
export function isoWeek(today: IsoDate): { monday: IsoDate; sunday: IsoDate } {
  const day = dayOf(today);
  if (day === NO_DAY) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  // Day 0 (1970-01-01) was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  return { monday: isoOf(monday), sunday: isoOf(monday + 6) };
}

/** FNV-1a, 32 bits: a stable hash of a string (same in every browser and in Node). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Share of tier C customers sampled for a phone call each week (about one in ten). */
export const C_SAMPLE_SHARE = 0.1;

/**
 * Whether a tier C customer is in this week's phone-call sample: hash(customer id + the week's
 * Monday) ÷ 2³² < C_SAMPLE_SHARE. The same customers all week (a reload does not change the list),
 * other customers the next week.
 *
 * @example inCallSample('c-1', '2025-06-30') // the same answer on every day of that week
 */
export function inCallSample(customerId: string, monday: IsoDate): boolean {
  return fnv1a(`${customerId}|${monday}`) / 0x1_0000_0000 < C_SAMPLE_SHARE;
}
