/**
 * The payment-behaviour criterion, computed from the deals (no value engine needed).
 *
 * A deal records what has been collected so far (`paidAmount`) but not when, so "paid on time" is
 * measured as: of the won-deal amount that has fallen due in the analysis window (due date within the
 * window, up to today), the share collected by today. A deal not yet due does not count for or against
 * the customer; a customer with nothing due yet has no value (null), not a perfect one.
 *
 *   payment behaviour = Σ min(paid, amount) / Σ amount   over won deals with windowStart ≤ due ≤ today
 */
import { inWindow, type DateWindow } from '../portfolio/windows';
import type { Deal } from '../types';

export type PaymentDeal = Pick<Deal, 'customerId' | 'stage' | 'amount' | 'paidAmount' | 'dueDate'> & {
  deletedAt?: number | null;
};

export interface PaymentRecord {
  /** Won-deal amount due in the window, minor units. */
  due: number;
  /** Of which collected. */
  collected: number;
}

/**
 * Sums, per customer, the due and collected amounts of won deals falling due in `window`.
 *
 * Example: deals due in the window of 1 000 (paid 1 000) and 3 000 (paid 1 500), plus one of 5 000 due
 * after the window → {due: 4 000, collected: 2 500}, ratio 0.625.
 */
export function paymentRecords(deals: Iterable<PaymentDeal>, window: DateWindow): Map<string, PaymentRecord> {
  const byCustomer = new Map<string, PaymentRecord>();
  for (const d of deals) {
    if ((d.deletedAt ?? null) !== null || d.stage !== 'won' || d.amount <= 0 || !inWindow(d.dueDate, window))
      continue;
    const record = byCustomer.get(d.customerId) ?? { due: 0, collected: 0 };
    record.due += d.amount;
    record.collected += Math.min(Math.max(d.paidAmount, 0), d.amount);
    byCustomer.set(d.customerId, record);
  }
  return byCustomer;
}

/** Share collected, 0 … 1, or null with nothing due. Example: {due: 4000, collected: 2500} → 0.625. */
export function paymentRatio(record: PaymentRecord | undefined): number | null {
  return record && record.due > 0 ? record.collected / record.due : null;
}
