/**
 * Puts each customer's rating score and grade into the metrics rows, computed from the metrics
 * themselves, the customers' strategic importance and the won deals' payments in the analysis window.
 */
import type { CustomerFact } from '../analytics/compute';
import type { DateWindow } from '../portfolio/windows';
import type { CustomerMetrics } from '../types';
import { paymentRecords, type PaymentDeal } from './payment';
import { rateWithSettings } from './rate-with-settings';
import type { RatingSettings } from './settings';

/**
 * Returns new metrics rows with `ratingScore` (0–100) and `grade` filled, or null where the customer
 * cannot be graded (its criteria carry too little of the weight). Rows keep their order.
 */
export function withRatings(
  metrics: readonly CustomerMetrics[],
  customers: readonly CustomerFact[],
  deals: Iterable<PaymentDeal>,
  window: DateWindow,
  settings: RatingSettings,
): CustomerMetrics[] {
  const byId = new Map(metrics.map((m) => [m.customerId, m]));
  const outcome = rateWithSettings(settings, {
    customers: customers.map((c) => ({ id: c.id, strategicImportance: c.strategicImportance ?? null })),
    metrics: byId,
    payment: paymentRecords(deals, window),
  });
  const rated = new Map(outcome.ratings.map((r) => [r.customerId, r]));
  return metrics.map((m) => {
    const r = rated.get(m.customerId);
    return { ...m, ratingScore: r?.score ?? null, grade: r?.grade ?? null };
  });
}
