/**
 * The order dates of the book's live deals, from the value engine's own inputs (in the analytics
 * worker, never on the UI thread): the first and latest date, for the whole-history period and the
 * "up to the latest deal" end date, and how many deals fall in a window, for the Analysis page's
 * "no deal in this period" notice.
 */
import type { DealBounds } from '../period';
import type { DateWindow } from '../portfolio/windows';
import { dealBatchesOf, type DealInput } from './deal-columns';
import { dayOf, isoOrEmpty, NO_DAY } from './days';

/**
 * The first and latest order (close) date over the live deals of any stage that have one.
 *
 * @example dealBounds([{ closeDate: '2011-12-09', … }, { closeDate: '2010-12-01', … }])
 * // { first: '2010-12-01', latest: '2011-12-09' }
 */
export function dealBounds(deals: DealInput): DealBounds {
  let first = Infinity;
  let latest = -Infinity;
  for (const batch of dealBatchesOf(deals).batches) {
    const days = batch.closeDay;
    for (let k = 0; k < days.length; k++) {
      const d = days[k]!;
      if (d === NO_DAY) continue;
      if (d < first) first = d;
      if (d > latest) latest = d;
    }
  }
  return Number.isFinite(first)
    ? { first: isoOrEmpty(first), latest: isoOrEmpty(latest) }
    : { first: '', latest: '' };
}

/** The number of live deals whose order (close) date lies in the window (inclusive). */
export function dealsInWindow(deals: DealInput, window: DateWindow): number {
  const start = dayOf(window.start);
  const end = dayOf(window.end);
  let count = 0;
  for (const batch of dealBatchesOf(deals).batches) {
    const days = batch.closeDay;
    for (let k = 0; k < days.length; k++) {
      const d = days[k]!;
      if (d !== NO_DAY && d >= start && d <= end) count += 1;
    }
  }
  return count;
}
