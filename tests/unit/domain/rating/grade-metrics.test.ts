import { describe, expect, it } from 'vitest';
import { computeAnalytics, computeAnalyticsWithPayments } from '../../../../src/domain/analytics/compute';
import { computeRatedAnalytics } from '../../../../src/domain/analytics/rated';
import { analysisWindows } from '../../../../src/domain/portfolio/windows';
import { rateMetricsInPlace, withRatings } from '../../../../src/domain/rating/grade-metrics';
import { rateWithSettings } from '../../../../src/domain/rating/rate-with-settings';
import { paymentRecords } from '../../../../src/domain/rating/payment';
import {
  defaultRatingSettings,
  RATING_METHODS,
  type RatingMethod,
} from '../../../../src/domain/rating/settings';
import { generateSampleData } from '../../../../src/domain/sample-data';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings';

const TODAY = '2025-06-30';
const data = generateSampleData({ today: TODAY, seed: 2 });
const { metrics } = computeAnalytics({ ...data, settings: DEFAULT_SETTINGS, today: TODAY });
const window = analysisWindows(TODAY, DEFAULT_SETTINGS.analysisPeriod.months).current;

describe('withRatings', () => {
  it('uses the value engine window', () => {
    expect(metrics[0]).toMatchObject({ windowStart: window.start, windowEnd: window.end });
  });

  it('fills score and grade exactly as the live rating editor computes them', () => {
    const settings = defaultRatingSettings();
    const rated = withRatings(metrics, data.customers, data.deals, window, settings);
    const live = rateWithSettings(settings, {
      customers: data.customers,
      metrics: new Map(metrics.map((m) => [m.customerId, m])),
      payment: paymentRecords(data.deals, window),
    });
    const liveById = new Map(live.ratings.map((r) => [r.customerId, r]));
    for (const row of rated) {
      expect(row.grade).toBe(liveById.get(row.customerId)?.grade ?? null);
      expect(row.ratingScore).toBe(liveById.get(row.customerId)?.score ?? null);
    }
    const graded = rated.filter((r) => r.grade !== null);
    expect(graded.length).toBeGreaterThan(rated.length / 2);
    expect(new Set(graded.map((r) => r.grade)).size).toBeGreaterThan(1);
  });

  it('keeps every other figure as it was', () => {
    const rated = withRatings(metrics, data.customers, data.deals, window, defaultRatingSettings());
    rated.forEach((row, i) => {
      expect({ ...row, ratingScore: null, grade: null }).toEqual(metrics[i]);
    });
  });
});

describe('rateMetricsInPlace (the value engine fast path) gives what withRatings gives', () => {
  const settingsFor = (method: RatingMethod) => ({
    ...defaultRatingSettings(),
    method,
    criteria: defaultRatingSettings().criteria.map((c) => ({ ...c, enabled: true })),
  });

  it.each(RATING_METHODS)('with method %s and every criterion on', (method) => {
    const settings = settingsFor(method);
    const expected = withRatings(metrics, data.customers, data.deals, window, settings);
    const { metrics: rows, payment } = computeAnalyticsWithPayments(
      { ...data, settings: DEFAULT_SETTINGS, today: TODAY, computedAt: metrics[0]?.computedAt },
      window,
    );
    expect(payment).not.toBeNull();
    rateMetricsInPlace(rows, data.customers, payment!, settings);
    expect(rows).toEqual(expected);
    expect(rows.filter((r) => r.grade !== null).length).toBeGreaterThan(rows.length / 2);
  });

  it('computeRatedAnalytics: the same rows whether or not a trashed customer sends it down the general path', () => {
    const settings = defaultRatingSettings();
    const input = { ...data, settings: DEFAULT_SETTINGS, today: TODAY, computedAt: 1 };
    const fast = computeRatedAnalytics(input, settings);
    expect(fast.metrics).toEqual(
      withRatings(
        metrics.map((m) => ({ ...m, computedAt: 1 })),
        data.customers,
        data.deals,
        window,
        settings,
      ),
    );
    // A trashed customer with no deals changes no figure, but takes the general path.
    const trashed = { id: 'trashed', walletEstimate: null, strategicImportance: null, deletedAt: 5 };
    const general = computeRatedAnalytics({ ...input, customers: [...data.customers, trashed] }, settings);
    expect(general.metrics).toEqual(fast.metrics);
  });

  it('leaves the payment columns out when two live customers share an id', () => {
    const twice = [...data.customers, data.customers[0]!];
    const { payment } = computeAnalyticsWithPayments(
      { ...data, customers: twice, settings: DEFAULT_SETTINGS, today: TODAY },
      window,
    );
    expect(payment).toBeNull();
  });
});
