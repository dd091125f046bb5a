/**
 * Puts each customer's rating score and grade into the metrics rows, computed from the metrics
 * themselves, the customers' strategic importance and the won deals' payments in the analysis window.
 */
import type { CustomerFact } from '../analytics/compute';
import type { PaymentColumns } from '../analytics/pack';
import type { DateWindow } from '../portfolio/windows';
import type { CustomerMetrics } from '../types';
import { paymentRatio, paymentRecords, type PaymentDeal } from './payment';
import { criterionValue } from './criteria';
import { rateWithSettings, rateWithValues } from './rate-with-settings';
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

/**
 * withRatings for rows the value engine has just made, with the same scores and grades, at a fraction
 * of the cost at 100 000 customers: criteria are read by position instead of through Maps keyed by
 * id, the payment records come as columns summed during the engine's pass over the deals
 * (computeAnalyticsWithPayments), and `ratingScore` and `grade` are written into the rows in place
 * instead of into copies. The caller must own the rows, and `customers[i]` (all live, ids unique)
 * must be the customer of `metrics[i]` and of slot i of `payment`.
 */
export function rateMetricsInPlace(
  metrics: CustomerMetrics[],
  customers: readonly CustomerFact[],
  payment: PaymentColumns,
  settings: RatingSettings,
): void {
  const { due, collected } = payment;
  const outcome = rateWithValues(
    settings,
    customers.map((c) => c.id),
    (key) =>
      key === 'paymentBehaviour'
        ? customers.map((_, i) => paymentRatio({ due: due[i] as number, collected: collected[i] as number }))
        : customers.map((c, i) => criterionValue(key, c.strategicImportance ?? null, metrics[i], undefined)),
  );
  outcome.ratings.forEach((r, i) => {
    const row = metrics[i] as CustomerMetrics;
    row.ratingScore = r.score;
    row.grade = r.grade;
  });
}
