/**
 * What the analytics worker stores: every customer's metrics from the value engine, with the customer
 * ratings (grades) applied over the current analysis window. One function, so the worker and the
 * bench's hash check (tests/bench/analytics-hash.ts) cannot drift apart.
 */
import { analysisWindows } from '../portfolio/windows';
import { withRatings } from '../rating/grade-metrics';
import type { RatingSettings } from '../rating/settings';
import { computeAnalytics, type AnalyticsInput, type AnalyticsResult } from './compute';
import { wonDealFacts } from './deal-columns';

export function computeRatedAnalytics(input: AnalyticsInput, ratings: RatingSettings): AnalyticsResult {
  const { metrics, summary } = computeAnalytics(input);
  const window = analysisWindows(input.today, input.settings.analysisWindowMonths).current;
  return {
    metrics: withRatings(metrics, input.customers, wonDealFacts(input.deals), window, ratings),
    summary,
  };
}
