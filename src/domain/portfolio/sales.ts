/**
 * Our own sales per product line, from the won deals: in the analysis window (this period) and in the
 * base window before it. A deal counts on its close (order) date; a deal without a product line is
 * counted under '' so the total still adds up.
 */
import type { Deal } from '../types';
import { inWindow, type DateWindow } from './windows';

export type SalesDeal = Pick<Deal, 'productLineId' | 'stage' | 'amount' | 'closeDate' | 'deletedAt'>;

export interface LineSales {
  /** Minor units, this period. */
  current: number;
  /** Minor units, base period. */
  base: number;
}

/**
 * Sums won-deal amounts per product line id in the two windows, net of returns: a credit note (negative
 * amount) lowers its line's sales in the window it falls in.
 *
 * Example: won deals of line P for 100 (closed in the current window) and 40 (closed in the base
 * window), a lost deal of 500 → P: {current: 100, base: 40}.
 */
export function productLineSales(
  deals: Iterable<SalesDeal>,
  windows: { current: DateWindow; base: DateWindow },
): Map<string, LineSales> {
  const sales = new Map<string, LineSales>();
  for (const d of deals) {
    if (d.deletedAt !== null || d.stage !== 'won') continue;
    const current = inWindow(d.closeDate, windows.current);
    if (!current && !inWindow(d.closeDate, windows.base)) continue;
    const s = sales.get(d.productLineId) ?? { current: 0, base: 0 };
    if (current) s.current += d.amount;
    else s.base += d.amount;
    sales.set(d.productLineId, s);
  }
  return sales;
}
