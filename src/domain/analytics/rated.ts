/**
 * What the analytics worker stores: every customer's metrics from the value engine, with the customer
 * ratings (grades) applied over the current analysis window. One function, so the worker and the
 * bench's hash check (tests/bench/analytics-hash.ts) cannot drift apart.
 *
 * The usual case (every customer live, as the worker reads them) takes the fast path: payment records
 * summed in the engine's own pass over the deals and grades written into the engine's fresh rows
 * (rateMetricsInPlace). Otherwise the general withRatings runs, which rates trashed customers' deals
 * too; both give the same figures where both apply.
 */
import { analysisWindows } from '../portfolio/windows';
import { rateMetricsInPlace, withRatings } from '../rating/grade-metrics';
import type { RatingSettings } from '../rating/settings';
import { computeAnalyticsWithPayments, type AnalyticsInput, type AnalyticsResult } from './compute';
import { wonDealFacts } from './deal-columns';

export function computeRatedAnalytics(input: AnalyticsInput, ratings: RatingSettings): AnalyticsResult {
  const window = input.period ?? analysisWindows(input.today, 12).current;
  const { metrics, summary, payment } = computeAnalyticsWithPayments(input, window);
  if (payment !== null && input.customers.every((c) => (c.deletedAt ?? null) === null)) {
    rateMetricsInPlace(metrics, input.customers, payment, ratings);
    return { metrics, summary };
  }
  return {
    metrics: withRatings(metrics, input.customers, wonDealFacts(input.deals), window, ratings),
    summary,
  };
}
