/**
 * The 5 × 5 RFM grid of the Loyalty dashboard: recency score R (rows, 5 = bought most recently) against
 * frequency score F (columns, 5 = buys most often), the quintile scores the value engine stored. Each
 * cell holds its number of customers and their total contemporary value; customers without scores (no
 * purchase) are counted apart in `unscored`.
 *
 * Example: customers (R5, F4, ¥100), (R5, F4, ¥50), (R1, F1, −¥10), (none) → cell R5 F4: 2 customers,
 * ¥150; R1 F1: 1, −¥10; unscored 1.
 */
import type { DashCustomer, Members } from './inputs';

export interface RfmCell extends Members {
  r: number;
  f: number;
  customers: number;
  value: number;
}

export interface RfmGrid {
  /** cells[r − 1][f − 1]. */
  cells: RfmCell[][];
  unscored: number;
}

export function rfmGrid(customers: readonly DashCustomer[], mask: Uint8Array): RfmGrid {
  const cells = [1, 2, 3, 4, 5].map((r) =>
    [1, 2, 3, 4, 5].map((f): RfmCell => ({
      r,
      f,
      drill: `rfm:${r}:${f}`,
      members: [],
      customers: 0,
      value: 0,
    })),
  );
  let unscored = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]!;
    if (!mask[i] || c.tier === '') continue;
    const cell = c.rfmR !== null && c.rfmF !== null ? cells[c.rfmR - 1]?.[c.rfmF - 1] : undefined;
    if (!cell) {
      unscored += 1;
      continue;
    }
    cell.members.push(i);
    cell.customers += 1;
    cell.value += c.contemporaryValue;
  }
  return { cells, unscored };
}
