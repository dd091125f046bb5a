import { describe, expect, it } from 'vitest';
import { computeAnalytics } from '../../../../src/domain/analytics/compute';
import { analysisWindows } from '../../../../src/domain/portfolio/windows';
import { withRatings } from '../../../../src/domain/rating/grade-metrics';
import { rateWithSettings } from '../../../../src/domain/rating/rate-with-settings';
import { paymentRecords } from '../../../../src/domain/rating/payment';
import { defaultRatingSettings } from '../../../../src/domain/rating/settings';
import { generateSampleData } from '../../../../src/domain/sample-data';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings';

const TODAY = '2025-06-30';
const data = generateSampleData({ today: TODAY, seed: 2 });
const { metrics } = computeAnalytics({ ...data, settings: DEFAULT_SETTINGS, today: TODAY });
const window = analysisWindows(TODAY, DEFAULT_SETTINGS.analysisWindowMonths).current;

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
